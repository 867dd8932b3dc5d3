-- A club's weekly assignments. A club is an activity of kind club; its cohort is whoever has a
-- place on one of its sessions. Each member hands in one submission per assignment (text, and a
-- link if they like), and a trainer writes feedback on it.
CREATE TABLE club_assignments (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    brief TEXT NOT NULL,
    -- YYYY-MM-DD
    due_on TEXT NOT NULL,
    set_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    set_at INTEGER NOT NULL
);
CREATE INDEX club_assignments_activity ON club_assignments (activity_id, due_on);

CREATE TABLE club_submissions (
    assignment_id INTEGER NOT NULL REFERENCES club_assignments(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    link TEXT,
    submitted_at INTEGER NOT NULL,
    feedback TEXT,
    feedback_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
    feedback_at INTEGER,
    PRIMARY KEY (assignment_id, person_id)
);
CREATE INDEX club_submissions_person ON club_submissions (person_id);
