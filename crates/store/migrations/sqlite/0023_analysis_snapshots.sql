-- Each campaign's analysis columns as bytes (skillgym_domain::analysis::snapshot), with the
-- versions and campaign shape they were read at: a server started afresh reads these instead of
-- every rating, when they are still current. At most one per campaign; it is replaced when the
-- columns are read again, and removed with the organisation's others on an erasure.
CREATE TABLE analysis_snapshots (
    campaign_id INTEGER PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    answers_version INTEGER NOT NULL,
    people_version INTEGER NOT NULL,
    shape INTEGER NOT NULL,
    format INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX analysis_snapshots_organisation ON analysis_snapshots (organisation_id);

-- Working hours and length of service are groupings now: a change to either must move the
-- people version as team, job family and employment do; and, as on PostgreSQL, only when one
-- of them really changed (SQLite's UPDATE OF fires when a column is only set to itself).
DROP TRIGGER people_version_update;
CREATE TRIGGER people_version_update AFTER UPDATE OF team_id, job_family, employment,
    contracted_hours, start_date, organisation_id ON people
WHEN NEW.team_id IS NOT OLD.team_id OR NEW.job_family IS NOT OLD.job_family
    OR NEW.employment IS NOT OLD.employment OR NEW.contracted_hours IS NOT OLD.contracted_hours
    OR NEW.start_date IS NOT OLD.start_date OR NEW.organisation_id IS NOT OLD.organisation_id
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;
