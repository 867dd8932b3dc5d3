-- The learning catalogue: the activities a service offers its people to close the gaps its
-- audits find, each with the competences it builds (by their codes in the organisation's
-- frameworks) and to which level.
CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    code TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_cy TEXT,
    summary_en TEXT NOT NULL,
    summary_cy TEXT,
    kind TEXT NOT NULL,
    provider TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    cost_pence INTEGER NOT NULL,
    languages TEXT NOT NULL,
    url TEXT,
    completion TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (organisation_id, code)
);

CREATE TABLE activity_competences (
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    competence TEXT NOT NULL,
    level INTEGER NOT NULL,
    PRIMARY KEY (activity_id, competence)
);
CREATE INDEX activity_competences_competence ON activity_competences (competence, level);

-- How useful each person found an activity they did (1 to 5), one rating each, which they
-- may change. Erasing the person erases their ratings.
CREATE TABLE activity_ratings (
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    usefulness INTEGER NOT NULL,
    rated_at INTEGER NOT NULL,
    PRIMARY KEY (activity_id, person_id)
);
CREATE INDEX activity_ratings_person ON activity_ratings (person_id);

-- An activity of the network's own organisation, shared with its members, who may adopt it
-- (a copy in their own catalogue, with the same code).
CREATE TABLE network_activities (
    activity_id INTEGER PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    network_id INTEGER NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    published_at INTEGER NOT NULL
);
CREATE INDEX network_activities_network ON network_activities (network_id);
