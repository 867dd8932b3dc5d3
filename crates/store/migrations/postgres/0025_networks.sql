-- Networks: organisations that audit together (a national body and its members). A network is
-- run by one organisation, whose people with the coordinator role coordinate it; its members
-- are organisations in the same skillgym, each of which decides whether its coordinators may see
-- its own figures (they always see the network's).
CREATE TABLE networks (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_cy TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX networks_organisation ON networks (organisation_id);

CREATE TABLE network_members (
    network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    shares_figures BIGINT NOT NULL DEFAULT 0,
    joined_at BIGINT NOT NULL,
    PRIMARY KEY (network_id, organisation_id)
);
CREATE INDEX network_members_organisation ON network_members (organisation_id);

-- A campaign of the network's own organisation, published to the network's members.
CREATE TABLE network_campaigns (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    published_at BIGINT NOT NULL
);
CREATE INDEX network_campaigns_network ON network_campaigns (network_id);

-- A member's own campaign that opens a network campaign for its staff: its answers stay in
-- the member's organisation; the network's figures are worked out from them.
CREATE TABLE network_campaign_openings (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    network_campaign_id BIGINT NOT NULL REFERENCES network_campaigns(campaign_id) ON DELETE CASCADE,
    UNIQUE (network_campaign_id, organisation_id)
);

-- A framework of the network's own organisation, shared with its members, who may adopt it
-- (a copy of their own, keeping its stable identifiers).
CREATE TABLE network_frameworks (
    framework_id BIGINT PRIMARY KEY REFERENCES frameworks(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    network_id BIGINT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    published_at BIGINT NOT NULL
);
CREATE INDEX network_frameworks_network ON network_frameworks (network_id);
