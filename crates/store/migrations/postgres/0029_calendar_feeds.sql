-- A person's private calendar feed of their booked sessions: a secret address, stored as a
-- SHA-256 hash of its token, which the person can renew (the old address then stops working).
CREATE TABLE calendar_feeds (
    person_id BIGINT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
