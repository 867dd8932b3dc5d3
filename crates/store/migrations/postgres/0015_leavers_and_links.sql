-- People who leave lose access at once, and the keys and identities that sign people in.

-- When a person's leaving took effect: their sessions ended, their account disabled and their
-- roles removed. A "left on" date still to come is applied by a scheduled job on that day; this
-- column makes it happen once (and is cleared when the date is cleared or moved on).
ALTER TABLE people ADD COLUMN access_ended_at BIGINT;
CREATE INDEX people_leaving ON people (left_on) WHERE left_on IS NOT NULL AND access_ended_at IS NULL;

-- Single sign-on remembers whom the provider vouched for at an account's first sign-in through
-- it: the issuer and the subject (`sub`). Afterwards only that pair signs into the account, so
-- an email address given to a new starter does not open a leaver's account.
ALTER TABLE accounts ADD COLUMN sso_issuer TEXT;
ALTER TABLE accounts ADD COLUMN sso_subject TEXT;
CREATE UNIQUE INDEX accounts_sso_identity ON accounts (sso_issuer, sso_subject)
    WHERE sso_subject IS NOT NULL;

-- The key that signs password-free audit links is now derived from the secret key, which is
-- never in the database: the key once kept here could mint links from a copy of the database.
DELETE FROM secrets WHERE name = 'audit-link-key';
