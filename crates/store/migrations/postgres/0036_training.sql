-- The training matrix: modules a service requires (data protection every year, Learn My Way
-- for everyone who helps the public online), whom each applies to and since when, and the
-- completions that count. The arithmetic of due days is in crates/domain/src/training.rs.
CREATE TABLE training_requirements (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    code TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_cy TEXT,
    -- The module, when it is an activity of the catalogue; else taken elsewhere, at `url`.
    activity_id BIGINT REFERENCES activities(id) ON DELETE SET NULL,
    url TEXT,
    -- NULL: done once, never renewed.
    period_months BIGINT,
    window_days BIGINT NOT NULL,
    grace_days BIGINT NOT NULL,
    -- Whom it applies to (JSON: employment, job families, job roles, sites; empty is everyone).
    audience TEXT NOT NULL,
    -- YYYY-MM-DD: the day it applies from.
    starts_on TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (organisation_id, code)
);

-- Who a requirement applies to, and the day it began to: kept in step with the staff file, so
-- that someone who changes job has their grace from the day skillgym learned of it.
CREATE TABLE training_subjects (
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    requirement_id BIGINT NOT NULL REFERENCES training_requirements(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    -- YYYY-MM-DD, as are the three below, worked out from the completions by the domain's
    -- arithmetic: the last day they keep it valid (9999-12-31 for ever; NULL, never done), the
    -- end of the grace, and the first day of the renewal window.
    since TEXT NOT NULL,
    valid_until TEXT,
    first_due TEXT NOT NULL,
    due_soon_from TEXT,
    PRIMARY KEY (requirement_id, person_id)
);
CREATE INDEX training_subjects_person ON training_subjects (person_id);
-- Covers the counts of the matrix for everyone, read from the index alone.
CREATE INDEX training_subjects_organisation ON training_subjects (organisation_id, requirement_id, valid_until, first_due, due_soon_from);

CREATE TABLE training_completions (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    requirement_id BIGINT NOT NULL REFERENCES training_requirements(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    -- YYYY-MM-DD
    completed_on TEXT NOT NULL,
    -- recorded (on the web), import (a CSV file), xapi (a statement)
    source TEXT NOT NULL,
    -- A link to the certificate or record.
    evidence TEXT,
    recorded_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    recorded_at BIGINT NOT NULL
);
-- One completion of a module a day: an import read twice adds nothing the second time.
CREATE UNIQUE INDEX training_completions_once ON training_completions (requirement_id, person_id, completed_on);
CREATE INDEX training_completions_of ON training_completions (person_id);
