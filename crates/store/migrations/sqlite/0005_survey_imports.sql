-- Importing the responses of an audit run elsewhere (SurveyMonkey, Microsoft Forms).
-- survey_mappings: which column of an export is which question, saved by name to reuse.
-- survey_uploads: a file between its upload and its import (the mapping page), kept in the
-- database so that any instance can serve the next step; removed after use or after a day.

CREATE TABLE survey_mappings (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (campaign_id, name)
);

CREATE TABLE survey_uploads (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    body BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX survey_uploads_created ON survey_uploads (created_at);
