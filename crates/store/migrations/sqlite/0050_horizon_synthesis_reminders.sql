-- The reminder to each lead (trainer or administrator), every six months, that a horizon-scanning
-- synthesis is due: one per lead and day it fell due, claimed before it is sent (the primary
-- key), so that with several instances nobody gets two.
CREATE TABLE horizon_synthesis_reminders (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    -- YYYY-MM-DD on the UK's calendar.
    due_on TEXT NOT NULL,
    claimed_at INTEGER NOT NULL,
    sent_at INTEGER,
    error TEXT,
    PRIMARY KEY (person_id, due_on)
);
