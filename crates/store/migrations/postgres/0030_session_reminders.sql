-- The reminder the day before a session, one per person booked: claimed before it is sent
-- (the primary key), so that with several instances nobody is reminded twice; a failed one may
-- be claimed again once its claim is stale.
CREATE TABLE session_reminders (
    session_id BIGINT NOT NULL REFERENCES activity_sessions(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    claimed_at BIGINT NOT NULL,
    sent_at BIGINT,
    error TEXT,
    PRIMARY KEY (session_id, person_id)
);
