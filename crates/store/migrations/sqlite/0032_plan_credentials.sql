-- The Open Badges credential a finished plan earned: the signed token as issued, reached by its
-- random id (the credential's own address, which its holder shares), and gone with the person.
CREATE TABLE plan_credentials (
    id TEXT PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    plan_id INTEGER NOT NULL UNIQUE REFERENCES plans(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    issued_at INTEGER NOT NULL,
    token TEXT NOT NULL
);
CREATE INDEX plan_credentials_person ON plan_credentials (person_id);
