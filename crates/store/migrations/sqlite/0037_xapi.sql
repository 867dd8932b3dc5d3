-- The Learning Record Store (docs/xapi.md): the systems that send xAPI statements, the
-- statements as stored, and what the GET filters look up. Training requirements may name the
-- xAPI Activity whose completion counts for them.

-- A sending system: Basic credentials of one organisation. Only the SHA-256 of the secret (a
-- 256-bit random token) is kept.
CREATE TABLE xapi_clients (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    client_key TEXT NOT NULL UNIQUE,
    secret_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX xapi_clients_organisation ON xapi_clients (organisation_id);

-- One statement as prepared (skillgym_xapi::prepare), with the columns the filters read (the
-- `agent` filter reads xapi_statement_agents, which holds the actor too).
CREATE TABLE xapi_statements (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    -- Lowercase, hyphenated.
    statement_id TEXT NOT NULL,
    body TEXT NOT NULL,
    -- `stored`, unix milliseconds.
    stored_ms INTEGER NOT NULL,
    voided INTEGER NOT NULL DEFAULT 0,
    actor_key TEXT,
    verb_id TEXT NOT NULL,
    -- The object's id when the object is an Activity.
    activity_id TEXT,
    registration TEXT,
    -- The statement a StatementRef object points at (voiding statements included).
    refers_to TEXT,
    -- Set on a voiding statement: the statement it voids.
    voids TEXT,
    client_id INTEGER REFERENCES xapi_clients(id) ON DELETE SET NULL,
    -- The completion this statement made, undone when it is voided.
    completion_id INTEGER REFERENCES training_completions(id) ON DELETE SET NULL,
    UNIQUE (organisation_id, statement_id)
);
CREATE INDEX xapi_statements_stored ON xapi_statements (organisation_id, stored_ms, id);
CREATE INDEX xapi_statements_verb ON xapi_statements (organisation_id, verb_id, stored_ms);
CREATE INDEX xapi_statements_activity ON xapi_statements (organisation_id, activity_id, stored_ms);
CREATE INDEX xapi_statements_registration ON xapi_statements (organisation_id, registration);
CREATE INDEX xapi_statements_voids ON xapi_statements (organisation_id, voids);
-- Statements about statements: candidates for every filter (they match through their target).
CREATE INDEX xapi_statements_referring ON xapi_statements (organisation_id, id)
    WHERE refers_to IS NOT NULL;

-- Every Agent or Group IFI key a statement mentions (skillgym_xapi::Ifi::key), group members
-- included: `related` 0 for the actor and an Agent/Group object (the plain `agent` filter), 1
-- for the authority, instructor, team and a SubStatement's (only with `related_agents`).
CREATE TABLE xapi_statement_agents (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    statement_id TEXT NOT NULL,
    agent_key TEXT NOT NULL,
    related INTEGER NOT NULL
);
CREATE INDEX xapi_statement_agents_key ON xapi_statement_agents (organisation_id, agent_key);
CREATE INDEX xapi_statement_agents_statement ON xapi_statement_agents (organisation_id, statement_id);

-- Likewise every Activity id: 0 for the object, 1 for context and SubStatement Activities.
CREATE TABLE xapi_statement_activities (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    statement_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    related INTEGER NOT NULL
);
CREATE INDEX xapi_statement_activities_id ON xapi_statement_activities (organisation_id, activity_id);
CREATE INDEX xapi_statement_activities_statement ON xapi_statement_activities (organisation_id, statement_id);

-- The xAPI Activity whose `completed` or `passed` statements count as completing the module.
ALTER TABLE training_requirements ADD COLUMN xapi_activity TEXT;
