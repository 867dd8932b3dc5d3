-- Versions that tell a server its figures kept in memory are out of date, whichever instance
-- made the change: a campaign's answers_version moves whenever a finished response is added,
-- changed or removed, or the audience changes; an organisation's people_version whenever
-- anyone's team, sites, job family or employment may have changed. Triggers keep them, so no
-- write can forget to. Answers are only ever saved into unfinished responses, and finishing
-- one updates its row, so the responses table is enough to watch.
--
-- The triggers run once per statement, on the rows it changed (transition tables): a bulk
-- insert of thousands of responses moves a version once, rather than updating the same row
-- thousands of times in one transaction.
ALTER TABLE campaigns ADD COLUMN answers_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN people_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION bump_answers_version_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1
    WHERE id IN (SELECT campaign_id FROM new_rows WHERE submitted_at IS NOT NULL);
    RETURN NULL;
END $$;

CREATE FUNCTION bump_answers_version_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1
    WHERE id IN (SELECT campaign_id FROM old_rows WHERE submitted_at IS NOT NULL);
    RETURN NULL;
END $$;

CREATE FUNCTION bump_answers_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1
    WHERE id IN (SELECT campaign_id FROM new_rows WHERE submitted_at IS NOT NULL
                 UNION SELECT campaign_id FROM old_rows WHERE submitted_at IS NOT NULL);
    RETURN NULL;
END $$;

CREATE TRIGGER responses_version_insert AFTER INSERT ON responses
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_answers_version_new();
CREATE TRIGGER responses_version_update AFTER UPDATE ON responses
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_answers_version_changed();
CREATE TRIGGER responses_version_delete AFTER DELETE ON responses
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_answers_version_old();

CREATE FUNCTION bump_audience_version_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1
    WHERE id IN (SELECT campaign_id FROM new_rows);
    RETURN NULL;
END $$;

CREATE FUNCTION bump_audience_version_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1
    WHERE id IN (SELECT campaign_id FROM old_rows);
    RETURN NULL;
END $$;

CREATE TRIGGER audience_version_insert AFTER INSERT ON campaign_audience
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_audience_version_new();
CREATE TRIGGER audience_version_delete AFTER DELETE ON campaign_audience
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_audience_version_old();

CREATE FUNCTION bump_people_version_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (SELECT organisation_id FROM new_rows);
    RETURN NULL;
END $$;

CREATE FUNCTION bump_people_version_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (SELECT organisation_id FROM old_rows);
    RETURN NULL;
END $$;

CREATE FUNCTION bump_people_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (SELECT n.organisation_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.team_id IS DISTINCT FROM o.team_id
                    OR n.job_family IS DISTINCT FROM o.job_family
                    OR n.employment IS DISTINCT FROM o.employment
                    OR n.organisation_id IS DISTINCT FROM o.organisation_id
                 UNION SELECT o.organisation_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.organisation_id IS DISTINCT FROM o.organisation_id);
    RETURN NULL;
END $$;

CREATE TRIGGER people_version_insert AFTER INSERT ON people
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_people_version_new();
CREATE TRIGGER people_version_update AFTER UPDATE ON people
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_people_version_changed();
CREATE TRIGGER people_version_delete AFTER DELETE ON people
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_people_version_old();

CREATE FUNCTION bump_sites_version_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (SELECT p.organisation_id FROM people p JOIN new_rows n ON n.person_id = p.id);
    RETURN NULL;
END $$;

CREATE FUNCTION bump_sites_version_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- When a person goes, their sites go with them and the people trigger moves the version.
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (SELECT p.organisation_id FROM people p JOIN old_rows o ON o.person_id = p.id);
    RETURN NULL;
END $$;

CREATE FUNCTION bump_sites_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (SELECT p.organisation_id FROM people p JOIN new_rows n ON n.person_id = p.id
                 UNION SELECT p.organisation_id FROM people p JOIN old_rows o ON o.person_id = p.id);
    RETURN NULL;
END $$;

CREATE TRIGGER person_sites_version_insert AFTER INSERT ON person_sites
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_sites_version_new();
CREATE TRIGGER person_sites_version_update AFTER UPDATE ON person_sites
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_sites_version_changed();
CREATE TRIGGER person_sites_version_delete AFTER DELETE ON person_sites
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_sites_version_old();
