-- A person's sites moving the organisation's people_version (see 0010): the rows added are
-- joined to the small sites table rather than to people. PostgreSQL has no statistics for a
-- trigger's transition table, so joining it to people scanned all of people on every statement
-- (about 16 ms at 50,000 people, for one person's sites edited as for a bulk import).
CREATE OR REPLACE FUNCTION bump_sites_version_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (SELECT s.organisation_id FROM sites s JOIN new_rows n ON n.site_id = s.id);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION bump_sites_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (SELECT s.organisation_id FROM sites s JOIN new_rows n ON n.site_id = s.id
                 UNION SELECT s.organisation_id FROM sites s JOIN old_rows o ON o.site_id = s.id);
    RETURN NULL;
END $$;

-- Rows removed keep the join to people (bump_sites_version_old): a site removed with its rows
-- would no longer be found in sites by then.
