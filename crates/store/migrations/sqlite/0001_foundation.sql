-- The foundation: the organisation, its sites, teams and people, accounts and sessions.
-- Timestamps are unix seconds (INTEGER); dates are ISO 8601 TEXT; flags are 0/1 INTEGER,
-- so that one set of queries reads the same on SQLite and PostgreSQL.

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_cy TEXT,
    main_language TEXT NOT NULL DEFAULT 'en',
    anonymity_threshold INTEGER NOT NULL DEFAULT 5,
    password_sign_in INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    postcode TEXT,
    latitude REAL,
    longitude REAL,
    UNIQUE (organisation_id, code)
);

CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    manager_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    UNIQUE (organisation_id, name)
);
CREATE INDEX teams_manager ON teams (manager_id);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    employee_number TEXT NOT NULL,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    email TEXT,
    employment TEXT NOT NULL,
    job_role TEXT NOT NULL,
    job_family TEXT NOT NULL,
    contracted_hours REAL NOT NULL,
    start_date TEXT,
    line_manager_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
    left_on TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (organisation_id, employee_number)
);
CREATE UNIQUE INDEX people_email ON people (organisation_id, email) WHERE email IS NOT NULL;
CREATE INDEX people_line_manager ON people (line_manager_id);
CREATE INDEX people_team ON people (team_id);
CREATE INDEX people_family_name ON people (organisation_id, family_name, given_name);

CREATE TABLE person_sites (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, site_id)
);
CREATE INDEX person_sites_site ON person_sites (site_id);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL UNIQUE REFERENCES people(id) ON DELETE CASCADE,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    language TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE account_roles (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (account_id, role)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE sign_in_failures (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at);
CREATE INDEX sign_in_failures_ip ON sign_in_failures (ip, at);

CREATE TABLE access_links (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
