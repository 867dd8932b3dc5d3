-- Personal data rights and retention (UK GDPR): the audit trail of who viewed, exported,
-- changed or erased whose personal data; how long leavers are kept; jobs that several
-- instances share without running one twice.

-- Leavers are erased this many months after their "left on" date.
ALTER TABLE organisations ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 24;

-- One row per thing done to someone's personal data. Rows hold ids and a neutral detail
-- (counts, codes), never names, so erasing a person leaves nothing about them here: the
-- foreign keys set their ids to NULL. actor_kind tells "a person who has since been erased"
-- (person, NULL id) from the system's own jobs (system) and the command line.
CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    at INTEGER NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    subject_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_at ON audit_events (organisation_id, at, id);
CREATE INDEX audit_events_actor ON audit_events (actor_id);
CREATE INDEX audit_events_subject ON audit_events (subject_id);

-- The trail only grows. The one change allowed is the one erasure makes through the foreign
-- keys: a person's id becoming NULL, everything else unchanged.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
WHEN NOT (
    NEW.id = OLD.id AND NEW.organisation_id = OLD.organisation_id AND NEW.at = OLD.at
    AND NEW.actor_kind = OLD.actor_kind AND NEW.action = OLD.action AND NEW.detail = OLD.detail
    AND (NEW.actor_id IS OLD.actor_id OR NEW.actor_id IS NULL)
    AND (NEW.subject_id IS OLD.subject_id OR NEW.subject_id IS NULL)
)
BEGIN
    SELECT RAISE(ABORT, 'audit events cannot be changed');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events cannot be deleted');
END;

-- Background jobs. An instance claims a due job with one UPDATE … RETURNING that only
-- succeeds while nobody holds it, so with several instances on one database each run
-- happens once. locked_until lets a job held by an instance that died be claimed again.
CREATE TABLE scheduled_jobs (
    name TEXT PRIMARY KEY,
    next_run_at INTEGER NOT NULL,
    locked_until INTEGER,
    locked_by TEXT
);
