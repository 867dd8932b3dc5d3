-- The services of the catalogue a campaign asks about ("How confident are you helping someone
-- use this service?"), in the order asked. Never for an anonymous campaign: the answers are
-- the person's own confidence, kept in service_confidence when they submit.
CREATE TABLE campaign_services (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, service_id)
);
CREATE INDEX campaign_services_service ON campaign_services (service_id);

-- A response's answers to those questions while it is a draft: 1 to 5, or 0 for "not sure".
-- Submitting writes them to service_confidence and removes them. The person's own data: in
-- "download my data", erased with them.
CREATE TABLE response_service_answers (
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    confidence INTEGER NOT NULL,
    PRIMARY KEY (response_id, service_id)
);
CREATE INDEX response_service_answers_service ON response_service_answers (service_id);
