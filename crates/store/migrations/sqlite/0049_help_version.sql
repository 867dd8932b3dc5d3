-- Find help's directory of champions is kept in memory between requests (docs/champions.md):
-- an organisation's help_version moves whenever anything it shows or ranks by may have changed,
-- whichever instance made the change, and a directory read at an older version is read again.
-- Triggers keep it, so no write can forget to: champions and what they offer, the service
-- confidence and kit training of champions, champions' names and leaving days, their accounts
-- and champion role, the sites' names and places, champions' finished audit responses, a
-- campaign's anonymity and a competence's code.

ALTER TABLE organisations ADD COLUMN help_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER help_version_champions_insert AFTER INSERT ON champions
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = NEW.organisation_id;
END;

CREATE TRIGGER help_version_champions_update AFTER UPDATE ON champions
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;

CREATE TRIGGER help_version_champions_delete AFTER DELETE ON champions
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = OLD.organisation_id;
END;

CREATE TRIGGER help_version_champion_competences_insert AFTER INSERT ON champion_competences
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = NEW.organisation_id;
END;

CREATE TRIGGER help_version_champion_competences_update AFTER UPDATE ON champion_competences
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;

CREATE TRIGGER help_version_champion_competences_delete AFTER DELETE ON champion_competences
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = OLD.organisation_id;
END;

CREATE TRIGGER help_version_champion_services_insert AFTER INSERT ON champion_services
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = NEW.organisation_id;
END;

CREATE TRIGGER help_version_champion_services_update AFTER UPDATE ON champion_services
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;

CREATE TRIGGER help_version_champion_services_delete AFTER DELETE ON champion_services
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = OLD.organisation_id;
END;

CREATE TRIGGER help_version_champion_sites_insert AFTER INSERT ON champion_sites
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = NEW.organisation_id;
END;

CREATE TRIGGER help_version_champion_sites_update AFTER UPDATE ON champion_sites
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;

CREATE TRIGGER help_version_champion_sites_delete AFTER DELETE ON champion_sites
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = OLD.organisation_id;
END;

CREATE TRIGGER help_version_service_confidence_insert AFTER INSERT ON service_confidence
WHEN EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = NEW.person_id)
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = NEW.organisation_id;
END;

CREATE TRIGGER help_version_service_confidence_update AFTER UPDATE ON service_confidence
WHEN (EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = NEW.person_id))
    OR (EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = OLD.person_id))
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;

CREATE TRIGGER help_version_service_confidence_delete AFTER DELETE ON service_confidence
WHEN EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = OLD.person_id)
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = OLD.organisation_id;
END;

CREATE TRIGGER help_version_kit_trained_insert AFTER INSERT ON kit_trained
WHEN EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = NEW.person_id)
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = NEW.organisation_id;
END;

CREATE TRIGGER help_version_kit_trained_update AFTER UPDATE ON kit_trained
WHEN (EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = NEW.person_id))
    OR (EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = OLD.person_id))
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;

CREATE TRIGGER help_version_kit_trained_delete AFTER DELETE ON kit_trained
WHEN EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = OLD.person_id)
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = OLD.organisation_id;
END;

CREATE TRIGGER help_version_people_update AFTER UPDATE ON people
WHEN (NEW.given_name IS DISTINCT FROM OLD.given_name
        OR NEW.family_name IS DISTINCT FROM OLD.family_name
        OR NEW.left_on IS DISTINCT FROM OLD.left_on
        OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id)
    AND (EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = NEW.id)
        OR EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = OLD.id))
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;

CREATE TRIGGER help_version_people_delete AFTER DELETE ON people
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = OLD.organisation_id;
END;

CREATE TRIGGER help_version_sites_update AFTER UPDATE ON sites
WHEN (NEW.name IS DISTINCT FROM OLD.name
        OR NEW.latitude IS DISTINCT FROM OLD.latitude
        OR NEW.longitude IS DISTINCT FROM OLD.longitude)
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;

CREATE TRIGGER help_version_sites_delete AFTER DELETE ON sites
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = OLD.organisation_id;
END;

CREATE TRIGGER help_version_accounts_update AFTER UPDATE ON accounts
WHEN (NEW.disabled IS DISTINCT FROM OLD.disabled
        OR NEW.person_id IS DISTINCT FROM OLD.person_id)
    AND (EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = NEW.person_id)
        OR EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = OLD.person_id))
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (
        (SELECT p.organisation_id FROM people p WHERE p.id = NEW.person_id),
        (SELECT p.organisation_id FROM people p WHERE p.id = OLD.person_id));
END;

CREATE TRIGGER help_version_accounts_delete AFTER DELETE ON accounts
WHEN EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = OLD.person_id)
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = (SELECT p.organisation_id FROM people p WHERE p.id = OLD.person_id);
END;

CREATE TRIGGER help_version_account_roles_insert AFTER INSERT ON account_roles
WHEN NEW.role = 'champion'
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = (SELECT p.organisation_id FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.id = NEW.account_id);
END;

CREATE TRIGGER help_version_account_roles_delete AFTER DELETE ON account_roles
WHEN OLD.role = 'champion'
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = (SELECT p.organisation_id FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.id = OLD.account_id);
END;

CREATE TRIGGER help_version_responses_insert AFTER INSERT ON responses
WHEN NEW.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = NEW.person_id)
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = (SELECT c.organisation_id FROM campaigns c WHERE c.id = NEW.campaign_id);
END;

CREATE TRIGGER help_version_responses_update AFTER UPDATE ON responses
WHEN (NEW.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = NEW.person_id))
    OR (OLD.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = OLD.person_id))
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (
        (SELECT c.organisation_id FROM campaigns c WHERE c.id = NEW.campaign_id),
        (SELECT c.organisation_id FROM campaigns c WHERE c.id = OLD.campaign_id));
END;

CREATE TRIGGER help_version_responses_delete AFTER DELETE ON responses
WHEN OLD.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM champions ch WHERE ch.person_id = OLD.person_id)
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = (SELECT c.organisation_id FROM campaigns c WHERE c.id = OLD.campaign_id);
END;

CREATE TRIGGER help_version_campaigns_update AFTER UPDATE ON campaigns
WHEN (NEW.anonymous IS DISTINCT FROM OLD.anonymous
        OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id)
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;

CREATE TRIGGER help_version_campaigns_delete AFTER DELETE ON campaigns
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id = OLD.organisation_id;
END;

CREATE TRIGGER help_version_competences_update AFTER UPDATE ON competences
WHEN (NEW.code IS DISTINCT FROM OLD.code
        OR NEW.framework_id IS DISTINCT FROM OLD.framework_id)
BEGIN
    UPDATE organisations SET help_version = help_version + 1 WHERE id IN (
        (SELECT f.organisation_id FROM frameworks f WHERE f.id = NEW.framework_id),
        (SELECT f.organisation_id FROM frameworks f WHERE f.id = OLD.framework_id));
END;
