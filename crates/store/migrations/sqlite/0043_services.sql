-- The assisted-digital services catalogue: the online public services staff most often help
-- people use, each with what it takes to help (competences, by their codes in the
-- organisation's frameworks), guides, and when it was last checked against the live service.
CREATE TABLE services (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    code TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_cy TEXT,
    run_by TEXT NOT NULL,
    url TEXT,
    needs_en TEXT NOT NULL,
    needs_cy TEXT,
    steps_en TEXT NOT NULL,
    steps_cy TEXT,
    problems_en TEXT NOT NULL,
    problems_cy TEXT,
    -- Lines of `title | url`.
    links TEXT NOT NULL,
    -- Codes of the learning catalogue's activities, separated by spaces.
    activities TEXT NOT NULL,
    -- YYYY-MM-DD
    checked_on TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (organisation_id, code)
);

CREATE TABLE service_competences (
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    competence TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (service_id, competence)
);
CREATE INDEX service_competences_competence ON service_competences (organisation_id, competence);

-- How confident each person says they are helping someone with a service: 1 to 5, or 0 for
-- "not sure". Their own personal data: in "download my data", erased with them.
CREATE TABLE service_confidence (
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    confidence INTEGER NOT NULL,
    rated_at INTEGER NOT NULL,
    PRIMARY KEY (service_id, person_id)
);
CREATE INDEX service_confidence_person ON service_confidence (person_id);
CREATE INDEX service_confidence_organisation ON service_confidence (organisation_id, service_id, confidence);

-- Months after its last check an entry is flagged as due one.
ALTER TABLE organisations ADD COLUMN service_check_months INTEGER NOT NULL DEFAULT 12;
