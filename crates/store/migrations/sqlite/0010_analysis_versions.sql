-- Versions that tell a server its figures kept in memory are out of date, whichever instance
-- made the change: a campaign's answers_version moves whenever a finished response is added,
-- changed or removed, or the audience changes; an organisation's people_version whenever
-- anyone's team, sites, job family or employment may have changed. Triggers keep them, so no
-- write can forget to. Answers are only ever saved into unfinished responses, and finishing
-- one updates its row, so the responses table is enough to watch.
ALTER TABLE campaigns ADD COLUMN answers_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN people_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER responses_version_insert AFTER INSERT ON responses
WHEN NEW.submitted_at IS NOT NULL
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1 WHERE id = NEW.campaign_id;
END;

CREATE TRIGGER responses_version_update AFTER UPDATE ON responses
WHEN NEW.submitted_at IS NOT NULL OR OLD.submitted_at IS NOT NULL
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1
    WHERE id IN (NEW.campaign_id, OLD.campaign_id);
END;

CREATE TRIGGER responses_version_delete AFTER DELETE ON responses
WHEN OLD.submitted_at IS NOT NULL
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1 WHERE id = OLD.campaign_id;
END;

CREATE TRIGGER audience_version_insert AFTER INSERT ON campaign_audience
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1 WHERE id = NEW.campaign_id;
END;

CREATE TRIGGER audience_version_delete AFTER DELETE ON campaign_audience
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1 WHERE id = OLD.campaign_id;
END;

CREATE TRIGGER people_version_insert AFTER INSERT ON people
BEGIN
    UPDATE organisations SET people_version = people_version + 1 WHERE id = NEW.organisation_id;
END;

CREATE TRIGGER people_version_update AFTER UPDATE OF team_id, job_family, employment,
    organisation_id ON people
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;

CREATE TRIGGER people_version_delete AFTER DELETE ON people
BEGIN
    UPDATE organisations SET people_version = people_version + 1 WHERE id = OLD.organisation_id;
END;

CREATE TRIGGER person_sites_version_insert AFTER INSERT ON person_sites
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id = (SELECT organisation_id FROM people WHERE id = NEW.person_id);
END;

CREATE TRIGGER person_sites_version_update AFTER UPDATE ON person_sites
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (SELECT organisation_id FROM people WHERE id IN (NEW.person_id, OLD.person_id));
END;

CREATE TRIGGER person_sites_version_delete AFTER DELETE ON person_sites
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id = (SELECT organisation_id FROM people WHERE id = OLD.person_id);
END;
