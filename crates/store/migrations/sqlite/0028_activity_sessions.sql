-- Sessions of the catalogue's scheduled activities (courses, events, clubs, drop-ins…): when,
-- where (a site, or online), and how many places; and the people booked on each or waiting.
CREATE TABLE activity_sessions (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    -- NULL: online.
    site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    capacity INTEGER NOT NULL,
    -- How many places are taken: kept on the row, so that taking the last place is one
    -- conditional UPDATE that two bookings at once cannot both pass.
    booked INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE INDEX activity_sessions_activity ON activity_sessions (activity_id, starts_at);
CREATE INDEX activity_sessions_organisation ON activity_sessions (organisation_id, starts_at);

-- One row per person and session: booked, or waiting (in the order they asked), or cancelled.
CREATE TABLE session_bookings (
    session_id INTEGER NOT NULL REFERENCES activity_sessions(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    asked_at INTEGER NOT NULL,
    attended INTEGER,
    PRIMARY KEY (session_id, person_id)
);
CREATE INDEX session_bookings_person ON session_bookings (person_id);
CREATE INDEX session_bookings_waiting ON session_bookings (session_id, status, asked_at);
