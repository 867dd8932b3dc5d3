-- Skills audits: frameworks (areas, competences, five levels), campaigns with their profile
-- questions, knowledge round and pictures, and each person's response, saved page by page.
-- A response outlives an erased person: person_id becomes NULL and the answers stay only as
-- anonymous data for the organisation's figures.

CREATE TABLE frameworks (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    identifier TEXT NOT NULL,
    code TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_cy TEXT,
    description_en TEXT NOT NULL DEFAULT '',
    description_cy TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (organisation_id, code),
    UNIQUE (organisation_id, identifier)
);

CREATE TABLE framework_levels (
    framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    level INTEGER NOT NULL,
    descriptor_en TEXT NOT NULL,
    descriptor_cy TEXT,
    PRIMARY KEY (framework_id, level)
);

CREATE TABLE framework_areas (
    id INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    identifier TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_cy TEXT,
    description_en TEXT NOT NULL DEFAULT '',
    description_cy TEXT,
    UNIQUE (framework_id, code)
);

CREATE TABLE competences (
    id INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    area_id INTEGER NOT NULL REFERENCES framework_areas(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    identifier TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_cy TEXT,
    description_en TEXT NOT NULL DEFAULT '',
    description_cy TEXT,
    UNIQUE (framework_id, code)
);
CREATE INDEX competences_area ON competences (area_id);

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    framework_id INTEGER NOT NULL REFERENCES frameworks(id),
    title_en TEXT NOT NULL,
    title_cy TEXT,
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    anonymous INTEGER NOT NULL DEFAULT 0,
    cloned_from INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX campaigns_organisation ON campaigns (organisation_id, opens_on);

CREATE TABLE campaign_competences (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    competence_id INTEGER NOT NULL REFERENCES competences(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, competence_id)
);

-- Who is asked: each kind present narrows the audience; no rows ask everyone.
CREATE TABLE campaign_audience (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (campaign_id, kind, value)
);

-- Options are kept as JSON text: they are read and written with their question, never
-- queried on their own.
CREATE TABLE profile_questions (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    prompt_en TEXT NOT NULL,
    prompt_cy TEXT,
    hint_en TEXT,
    hint_cy TEXT,
    options TEXT NOT NULL DEFAULT '[]',
    min_value INTEGER,
    max_value INTEGER,
    UNIQUE (campaign_id, code)
);

CREATE TABLE quiz_items (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    competence_id INTEGER NOT NULL REFERENCES competences(id),
    prompt_en TEXT NOT NULL,
    prompt_cy TEXT,
    image TEXT,
    image_alt_en TEXT,
    image_alt_cy TEXT,
    options TEXT NOT NULL,
    explanation_en TEXT,
    explanation_cy TEXT,
    UNIQUE (campaign_id, code)
);

CREATE TABLE campaign_pictures (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    body BLOB NOT NULL,
    PRIMARY KEY (campaign_id, name)
);

CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    source TEXT NOT NULL DEFAULT 'web',
    external_key TEXT,
    started_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    submitted_at INTEGER,
    UNIQUE (campaign_id, person_id),
    UNIQUE (campaign_id, external_key)
);
CREATE INDEX responses_person ON responses (person_id);

CREATE TABLE response_sections (
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    section INTEGER NOT NULL,
    saved_at INTEGER NOT NULL,
    PRIMARY KEY (response_id, section)
);

-- value: 1 to 5, or 0 for "not sure / doesn't apply to my role".
CREATE TABLE ratings (
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    competence_id INTEGER NOT NULL REFERENCES competences(id),
    value INTEGER NOT NULL,
    PRIMARY KEY (response_id, competence_id)
);
CREATE INDEX ratings_competence ON ratings (competence_id);

CREATE TABLE profile_answers (
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES profile_questions(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (response_id, question_id)
);

CREATE TABLE quiz_answers (
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES quiz_items(id) ON DELETE CASCADE,
    chosen TEXT NOT NULL,
    correct INTEGER NOT NULL,
    PRIMARY KEY (response_id, item_id)
);
