-- Each campaign's analysis columns as bytes (skillgym_domain::analysis::snapshot), with the
-- versions and campaign shape they were read at: a server started afresh reads these instead of
-- every rating, when they are still current. At most one per campaign; it is replaced when the
-- columns are read again, and removed with the organisation's others on an erasure.
CREATE TABLE analysis_snapshots (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    answers_version BIGINT NOT NULL,
    people_version BIGINT NOT NULL,
    shape BIGINT NOT NULL,
    format BIGINT NOT NULL,
    data BYTEA NOT NULL
);
CREATE INDEX analysis_snapshots_organisation ON analysis_snapshots (organisation_id);

-- Working hours and length of service are groupings now: a change to either must move the
-- people version as team, job family and employment do.
CREATE OR REPLACE FUNCTION bump_people_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organisations SET people_version = people_version + 1
    WHERE id IN (SELECT n.organisation_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.team_id IS DISTINCT FROM o.team_id
                    OR n.job_family IS DISTINCT FROM o.job_family
                    OR n.employment IS DISTINCT FROM o.employment
                    OR n.contracted_hours IS DISTINCT FROM o.contracted_hours
                    OR n.start_date IS DISTINCT FROM o.start_date
                    OR n.organisation_id IS DISTINCT FROM o.organisation_id
                 UNION SELECT o.organisation_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.organisation_id IS DISTINCT FROM o.organisation_id);
    RETURN NULL;
END $$;
