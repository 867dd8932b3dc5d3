-- Find help's directory of champions is kept in memory between requests (docs/champions.md):
-- an organisation's help_version moves whenever anything it shows or ranks by may have changed,
-- whichever instance made the change, and a directory read at an older version is read again.
-- Triggers keep it, so no write can forget to: champions and what they offer, the service
-- confidence and kit training of champions, champions' names and leaving days, their accounts
-- and champion role, the sites' names and places, champions' finished audit responses, a
-- campaign's anonymity and a competence's code.

-- Each trigger runs once per statement, on the rows it changed (transition tables), as those of
-- 0010 do; each row finds its organisation by primary key, since a transition table has no
-- statistics to join a large table by.
ALTER TABLE organisations ADD COLUMN help_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION bump_help_version_champions_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champions_insert AFTER INSERT ON champions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champions_insert();

CREATE FUNCTION bump_help_version_champions_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r
        UNION SELECT r.organisation_id FROM old_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champions_update AFTER UPDATE ON champions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champions_update();

CREATE FUNCTION bump_help_version_champions_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM old_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champions_delete AFTER DELETE ON champions
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champions_delete();

CREATE FUNCTION bump_help_version_champion_competences_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champion_competences_insert AFTER INSERT ON champion_competences
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champion_competences_insert();

CREATE FUNCTION bump_help_version_champion_competences_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r
        UNION SELECT r.organisation_id FROM old_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champion_competences_update AFTER UPDATE ON champion_competences
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champion_competences_update();

CREATE FUNCTION bump_help_version_champion_competences_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM old_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champion_competences_delete AFTER DELETE ON champion_competences
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champion_competences_delete();

CREATE FUNCTION bump_help_version_champion_services_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champion_services_insert AFTER INSERT ON champion_services
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champion_services_insert();

CREATE FUNCTION bump_help_version_champion_services_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r
        UNION SELECT r.organisation_id FROM old_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champion_services_update AFTER UPDATE ON champion_services
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champion_services_update();

CREATE FUNCTION bump_help_version_champion_services_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM old_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champion_services_delete AFTER DELETE ON champion_services
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champion_services_delete();

CREATE FUNCTION bump_help_version_champion_sites_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champion_sites_insert AFTER INSERT ON champion_sites
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champion_sites_insert();

CREATE FUNCTION bump_help_version_champion_sites_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r
        UNION SELECT r.organisation_id FROM old_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champion_sites_update AFTER UPDATE ON champion_sites
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champion_sites_update();

CREATE FUNCTION bump_help_version_champion_sites_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM old_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_champion_sites_delete AFTER DELETE ON champion_sites
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_champion_sites_delete();

CREATE FUNCTION bump_help_version_service_confidence_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r WHERE EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_service_confidence_insert AFTER INSERT ON service_confidence
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_service_confidence_insert();

CREATE FUNCTION bump_help_version_service_confidence_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r WHERE EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id)
        UNION SELECT r.organisation_id FROM old_rows r WHERE EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_service_confidence_update AFTER UPDATE ON service_confidence
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_service_confidence_update();

CREATE FUNCTION bump_help_version_service_confidence_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM old_rows r WHERE EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_service_confidence_delete AFTER DELETE ON service_confidence
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_service_confidence_delete();

CREATE FUNCTION bump_help_version_kit_trained_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r WHERE EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_kit_trained_insert AFTER INSERT ON kit_trained
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_kit_trained_insert();

CREATE FUNCTION bump_help_version_kit_trained_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM new_rows r WHERE EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id)
        UNION SELECT r.organisation_id FROM old_rows r WHERE EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_kit_trained_update AFTER UPDATE ON kit_trained
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_kit_trained_update();

CREATE FUNCTION bump_help_version_kit_trained_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM old_rows r WHERE EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_kit_trained_delete AFTER DELETE ON kit_trained
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_kit_trained_delete();

CREATE FUNCTION bump_help_version_people_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT n.organisation_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.given_name IS DISTINCT FROM o.given_name
        OR n.family_name IS DISTINCT FROM o.family_name
        OR n.left_on IS DISTINCT FROM o.left_on
        OR n.organisation_id IS DISTINCT FROM o.organisation_id)
    AND (EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = n.id)
        OR EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = o.id))
        UNION SELECT o.organisation_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.given_name IS DISTINCT FROM o.given_name
        OR n.family_name IS DISTINCT FROM o.family_name
        OR n.left_on IS DISTINCT FROM o.left_on
        OR n.organisation_id IS DISTINCT FROM o.organisation_id)
    AND (EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = n.id)
        OR EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = o.id)));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_people_update AFTER UPDATE ON people
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_people_update();

CREATE FUNCTION bump_help_version_people_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM old_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_people_delete AFTER DELETE ON people
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_people_delete();

CREATE FUNCTION bump_help_version_sites_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT n.organisation_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.name IS DISTINCT FROM o.name
        OR n.latitude IS DISTINCT FROM o.latitude
        OR n.longitude IS DISTINCT FROM o.longitude)
        UNION SELECT o.organisation_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.name IS DISTINCT FROM o.name
        OR n.latitude IS DISTINCT FROM o.latitude
        OR n.longitude IS DISTINCT FROM o.longitude));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_sites_update AFTER UPDATE ON sites
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_sites_update();

CREATE FUNCTION bump_help_version_sites_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM old_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_sites_delete AFTER DELETE ON sites
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_sites_delete();

CREATE FUNCTION bump_help_version_accounts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT (SELECT p.organisation_id FROM people p WHERE p.id = n.person_id)
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.disabled IS DISTINCT FROM o.disabled
        OR n.person_id IS DISTINCT FROM o.person_id)
    AND (EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = n.person_id)
        OR EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = o.person_id))
        UNION SELECT (SELECT p.organisation_id FROM people p WHERE p.id = o.person_id)
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.disabled IS DISTINCT FROM o.disabled
        OR n.person_id IS DISTINCT FROM o.person_id)
    AND (EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = n.person_id)
        OR EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = o.person_id)));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_accounts_update AFTER UPDATE ON accounts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_accounts_update();

CREATE FUNCTION bump_help_version_accounts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT (SELECT p.organisation_id FROM people p WHERE p.id = r.person_id) FROM old_rows r WHERE EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_accounts_delete AFTER DELETE ON accounts
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_accounts_delete();

CREATE FUNCTION bump_help_version_account_roles_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT (SELECT p.organisation_id FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.id = r.account_id) FROM new_rows r WHERE r.role = 'champion');
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_account_roles_insert AFTER INSERT ON account_roles
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_account_roles_insert();

CREATE FUNCTION bump_help_version_account_roles_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT (SELECT p.organisation_id FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.id = r.account_id) FROM old_rows r WHERE r.role = 'champion');
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_account_roles_delete AFTER DELETE ON account_roles
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_account_roles_delete();

CREATE FUNCTION bump_help_version_responses_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT (SELECT c.organisation_id FROM campaigns c WHERE c.id = r.campaign_id) FROM new_rows r WHERE r.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_responses_insert AFTER INSERT ON responses
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_responses_insert();

CREATE FUNCTION bump_help_version_responses_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT (SELECT c.organisation_id FROM campaigns c WHERE c.id = r.campaign_id) FROM new_rows r WHERE r.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id)
        UNION SELECT (SELECT c.organisation_id FROM campaigns c WHERE c.id = r.campaign_id) FROM old_rows r WHERE r.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_responses_update AFTER UPDATE ON responses
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_responses_update();

CREATE FUNCTION bump_help_version_responses_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT (SELECT c.organisation_id FROM campaigns c WHERE c.id = r.campaign_id) FROM old_rows r WHERE r.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = r.person_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_responses_delete AFTER DELETE ON responses
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_responses_delete();

CREATE FUNCTION bump_help_version_campaigns_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT n.organisation_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.anonymous IS DISTINCT FROM o.anonymous
        OR n.organisation_id IS DISTINCT FROM o.organisation_id)
        UNION SELECT o.organisation_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.anonymous IS DISTINCT FROM o.anonymous
        OR n.organisation_id IS DISTINCT FROM o.organisation_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_campaigns_update AFTER UPDATE ON campaigns
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_campaigns_update();

CREATE FUNCTION bump_help_version_campaigns_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT r.organisation_id FROM old_rows r);
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_campaigns_delete AFTER DELETE ON campaigns
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_campaigns_delete();

CREATE FUNCTION bump_help_version_competences_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET help_version = help_version + 1
    WHERE id IN (SELECT (SELECT f.organisation_id FROM frameworks f WHERE f.id = n.framework_id)
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.code IS DISTINCT FROM o.code
        OR n.framework_id IS DISTINCT FROM o.framework_id)
        UNION SELECT (SELECT f.organisation_id FROM frameworks f WHERE f.id = o.framework_id)
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.code IS DISTINCT FROM o.code
        OR n.framework_id IS DISTINCT FROM o.framework_id));
    RETURN NULL;
END $$;
CREATE TRIGGER help_version_competences_update AFTER UPDATE ON competences
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_help_version_competences_update();
