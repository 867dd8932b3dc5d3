-- Digital champions: nominated by a supervisor, approved by a trainer, saying what they help
-- with, where and when; the help people ask them for and the help they log; and digital buddies
-- for volunteers, with their meetings.
CREATE TABLE champions (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    -- 'nominated' until a trainer approves, then 'approved'.
    status TEXT NOT NULL,
    nominated_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    nominated_at INTEGER NOT NULL,
    approved_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    approved_at INTEGER,
    -- When they can help, in their words ("Tuesday mornings at Central").
    availability TEXT NOT NULL DEFAULT '',
    -- 1 when they agreed that their own audit results and service confidence rank them.
    findable INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
);
CREATE INDEX champions_organisation ON champions (organisation_id, status);

-- What a champion listed: competences by their codes, services of the catalogue, and sites.
CREATE TABLE champion_competences (
    person_id INTEGER NOT NULL REFERENCES champions(person_id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    competence TEXT NOT NULL,
    PRIMARY KEY (person_id, competence)
);
CREATE INDEX champion_competences_code ON champion_competences (organisation_id, competence);

CREATE TABLE champion_services (
    person_id INTEGER NOT NULL REFERENCES champions(person_id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, service_id)
);
CREATE INDEX champion_services_service ON champion_services (organisation_id, service_id);

CREATE TABLE champion_sites (
    person_id INTEGER NOT NULL REFERENCES champions(person_id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, site_id)
);
CREATE INDEX champion_sites_organisation ON champion_sites (organisation_id);

-- Someone asked a champion for help: emailed to the champion, and listed on their page
-- whether or not the email went.
CREATE TABLE help_requests (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    champion_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    asked_by INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    -- What it is about: a competence code, or a service.
    competence TEXT,
    service_id INTEGER REFERENCES services(id) ON DELETE SET NULL,
    message TEXT NOT NULL,
    asked_at INTEGER NOT NULL,
    emailed_at INTEGER,
    email_error TEXT
);
CREATE INDEX help_requests_champion ON help_requests (champion_id, asked_at);
CREATE INDEX help_requests_asked_by ON help_requests (asked_by);
CREATE INDEX help_requests_organisation ON help_requests (organisation_id, asked_at);

-- Help a champion gave, as they logged it: it counts in the reports. The champion is NULL once
-- they are erased, so that the service's totals stay.
CREATE TABLE help_given (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    champion_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    given_on TEXT NOT NULL,
    competence TEXT,
    service_id INTEGER REFERENCES services(id) ON DELETE SET NULL,
    site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    what TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    logged_at INTEGER NOT NULL
);
CREATE INDEX help_given_organisation ON help_given (organisation_id, given_on);
CREATE INDEX help_given_champion ON help_given (champion_id, given_on);

-- A volunteer paired with a digital buddy, and their meetings.
CREATE TABLE buddies (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    volunteer_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    buddy_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    started_on TEXT NOT NULL,
    ended_on TEXT,
    paired_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX buddies_organisation ON buddies (organisation_id, started_on);
CREATE INDEX buddies_volunteer ON buddies (volunteer_id);
CREATE INDEX buddies_buddy ON buddies (buddy_id);

CREATE TABLE buddy_meetings (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    pairing_id INTEGER NOT NULL REFERENCES buddies(id) ON DELETE CASCADE,
    met_on TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    note TEXT NOT NULL,
    logged_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    logged_at INTEGER NOT NULL
);
CREATE INDEX buddy_meetings_pairing ON buddy_meetings (pairing_id, met_on);
