-- Attachment data received with statements in multipart/mixed (docs/xapi.md; xAPI 1.0.3
-- Communication 1.5.2, Data 2.4.11): kept once per organisation and SHA-2, shared by every
-- statement whose attachments name that hash, and sent back by GET with attachments=true.

-- The data: sha2 in lowercase hex (SHA-224, -256, -384 or -512 of the data).
CREATE TABLE xapi_attachments (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    sha2 TEXT NOT NULL,
    content_type TEXT NOT NULL,
    length INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (organisation_id, sha2)
);

-- Which statements name which hash (their own attachments and their SubStatement's): a row of
-- xapi_attachments no statement names any more is deleted with the last one (erasure).
CREATE TABLE xapi_statement_attachments (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    statement_id TEXT NOT NULL,
    sha2 TEXT NOT NULL,
    PRIMARY KEY (organisation_id, statement_id, sha2)
);
CREATE INDEX xapi_statement_attachments_sha2 ON xapi_statement_attachments (organisation_id, sha2);
