-- Horizon scanning: anyone clips a link with a note and free tags; a lead (trainer or
-- administrator) writes up a period's clippings and publishes it to all staff, each of whom
-- gets one email of it. The champions' board: tips from champions, trainers and admins.
-- Comments on both are one table.
CREATE TABLE horizon_clippings (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    -- NULL once the person who clipped it is erased: the link and note stay, unnamed.
    clipped_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    clipped_at BIGINT NOT NULL,
    url TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX horizon_clippings_clipped ON horizon_clippings (organisation_id, clipped_at);
CREATE INDEX horizon_clippings_clipped_by ON horizon_clippings (clipped_by);

-- Normalised (lower case, trimmed, once per clipping).
CREATE TABLE horizon_clipping_tags (
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    clipping_id BIGINT NOT NULL REFERENCES horizon_clippings(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    -- The order the tags were given in.
    position BIGINT NOT NULL,
    PRIMARY KEY (clipping_id, tag)
);
CREATE INDEX horizon_clipping_tags_tag ON horizon_clipping_tags (organisation_id, tag);

-- Comments on a clipping (kind 'clipping') or a board post (kind 'board-post'); removed with
-- the thing they are on.
CREATE TABLE comments (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    target_id BIGINT NOT NULL,
    -- Erasure removes a person's comments; NULL only for the demo's.
    author_id BIGINT REFERENCES people(id) ON DELETE CASCADE,
    written_at BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX comments_target ON comments (organisation_id, kind, target_id);
CREATE INDEX comments_author ON comments (author_id);

CREATE TABLE horizon_write_ups (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    -- YYYY-MM-DD, both included: the period whose clippings it writes up.
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    written_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    published_at BIGINT NOT NULL
);
CREATE INDEX horizon_write_ups_published ON horizon_write_ups (organisation_id, published_at);

-- The email announcing a write-up, one per person: claimed before it is sent (the primary
-- key), so that with several instances nobody gets two.
CREATE TABLE horizon_write_up_emails (
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    write_up_id BIGINT NOT NULL REFERENCES horizon_write_ups(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    claimed_at BIGINT NOT NULL,
    sent_at BIGINT,
    error TEXT,
    PRIMARY KEY (write_up_id, person_id)
);

CREATE TABLE board_posts (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    -- NULL once the author is erased: the tip stays, unnamed.
    author_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    posted_at BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    -- The code of a competence of the organisation's frameworks it is about.
    competence TEXT
);
CREATE INDEX board_posts_posted ON board_posts (organisation_id, posted_at);
CREATE INDEX board_posts_author ON board_posts (author_id);
