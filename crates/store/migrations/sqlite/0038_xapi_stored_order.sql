-- GET Statements in `stored` order straight from the side tables (docs/xapi.md, "Filters"):
-- each row of xapi_statement_agents and xapi_statement_activities carries its statement's row
-- (xapi_statements.id) and `stored`, and is indexed by key, then `stored` and row, so that a
-- filter on an Agent or Activity walks that index in the order of the answer and stops once it
-- has a page, however many statements mention it. The tables are made again, filled from the
-- old ones (every row's statement is stored: the rows are written with it and erased with it).
-- `statement_row` is not a foreign key: erasing a statement deletes its rows first
-- (personal_data.rs), and a key would make every such delete scan the table.

CREATE TABLE xapi_statement_agents_0038 (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    statement_id TEXT NOT NULL,
    agent_key TEXT NOT NULL,
    related INTEGER NOT NULL,
    statement_row INTEGER NOT NULL,
    stored_ms INTEGER NOT NULL
);
INSERT INTO xapi_statement_agents_0038
    (organisation_id, statement_id, agent_key, related, statement_row, stored_ms)
SELECT g.organisation_id, g.statement_id, g.agent_key, g.related, s.id, s.stored_ms
FROM xapi_statement_agents g
JOIN xapi_statements s ON s.organisation_id = g.organisation_id AND s.statement_id = g.statement_id;
DROP TABLE xapi_statement_agents;
ALTER TABLE xapi_statement_agents_0038 RENAME TO xapi_statement_agents;
CREATE INDEX xapi_statement_agents_key
    ON xapi_statement_agents (organisation_id, agent_key, stored_ms, statement_row, related);
CREATE INDEX xapi_statement_agents_statement ON xapi_statement_agents (organisation_id, statement_id);

CREATE TABLE xapi_statement_activities_0038 (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    statement_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    related INTEGER NOT NULL,
    statement_row INTEGER NOT NULL,
    stored_ms INTEGER NOT NULL
);
INSERT INTO xapi_statement_activities_0038
    (organisation_id, statement_id, activity_id, related, statement_row, stored_ms)
SELECT a.organisation_id, a.statement_id, a.activity_id, a.related, s.id, s.stored_ms
FROM xapi_statement_activities a
JOIN xapi_statements s ON s.organisation_id = a.organisation_id AND s.statement_id = a.statement_id;
DROP TABLE xapi_statement_activities;
ALTER TABLE xapi_statement_activities_0038 RENAME TO xapi_statement_activities;
CREATE INDEX xapi_statement_activities_id
    ON xapi_statement_activities (organisation_id, activity_id, stored_ms, statement_row, related);
CREATE INDEX xapi_statement_activities_statement
    ON xapi_statement_activities (organisation_id, statement_id);

-- Statements about statements (candidates for every filter), in `stored` order too.
DROP INDEX xapi_statements_referring;
CREATE INDEX xapi_statements_referring ON xapi_statements (organisation_id, stored_ms, id)
    WHERE refers_to IS NOT NULL;

-- A registration's statements by `stored` (and row, which SQLite's indexes hold already).
DROP INDEX xapi_statements_registration;
CREATE INDEX xapi_statements_registration ON xapi_statements (organisation_id, registration, stored_ms);
