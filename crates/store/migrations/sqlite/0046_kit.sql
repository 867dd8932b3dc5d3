-- The kit register: equipment at each site, the competences it takes to use (codes in the
-- organisation's frameworks), who is trained on it and a log of its use.
CREATE TABLE kit_items (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    site_id INTEGER NOT NULL REFERENCES sites(id),
    -- YYYY-MM-DD: kit never used counts as unused from this day.
    added_on TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (organisation_id, code)
);
CREATE INDEX kit_items_site ON kit_items (organisation_id, site_id);

CREATE TABLE kit_competences (
    kit_id INTEGER NOT NULL REFERENCES kit_items(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    competence TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (kit_id, competence)
);

-- Who is trained on each item, and since when. Personal data: in "download my data", erased
-- with them.
CREATE TABLE kit_trained (
    kit_id INTEGER NOT NULL REFERENCES kit_items(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    trained_on TEXT NOT NULL,
    recorded_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (kit_id, person_id)
);
CREATE INDEX kit_trained_person ON kit_trained (person_id);

-- The use log: the service's record of sessions run and people helped. Who logged an entry is
-- theirs to see, and forgotten when they are erased.
CREATE TABLE kit_use (
    id INTEGER PRIMARY KEY,
    kit_id INTEGER NOT NULL REFERENCES kit_items(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    used_on TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    people_helped INTEGER NOT NULL,
    note TEXT NOT NULL,
    logged_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    logged_at INTEGER NOT NULL
);
CREATE INDEX kit_use_kit ON kit_use (organisation_id, kit_id, used_on);
CREATE INDEX kit_use_logged_by ON kit_use (logged_by);

-- Months without use after which kit is flagged.
ALTER TABLE organisations ADD COLUMN kit_unused_months INTEGER NOT NULL DEFAULT 6;
