-- staff_uploads: a checked staff file between its upload and its import, while the admin
-- answers the check page (what to do with the people the file leaves out). Kept in the
-- database so that any instance can serve the next step; removed after use or after a day.

CREATE TABLE staff_uploads (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    body BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX staff_uploads_created ON staff_uploads (created_at);
