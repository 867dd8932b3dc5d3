-- Invitations and reminders by email, and password-free links to one campaign.

-- Whether invitation emails carry a password-free link, and how many days after the
-- invitation the automatic reminder goes to those who have not finished.
ALTER TABLE campaigns ADD COLUMN links_allowed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN reminder_days INTEGER NOT NULL DEFAULT 7;

-- One row per email claimed for a person: at most one invitation and one reminder per person
-- per campaign (the unique key), so nobody is sent the same one twice, even by two instances.
-- A row is claimed before sending (claimed_at) and then marked sent (sent_at, message_id) or
-- failed (error); a failed one may be claimed again.
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    claimed_at INTEGER NOT NULL,
    sent_at INTEGER,
    message_id TEXT,
    error TEXT,
    UNIQUE (campaign_id, person_id, kind)
);
CREATE INDEX invitations_due ON invitations (kind, sent_at);

-- Secrets every instance shares, made on first use (the key that signs password-free links).
CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- A session opened by a password-free link reaches only this campaign's pages.
ALTER TABLE sessions ADD COLUMN campaign_scope INTEGER REFERENCES campaigns(id) ON DELETE CASCADE;
