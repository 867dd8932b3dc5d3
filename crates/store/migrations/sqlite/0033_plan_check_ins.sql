-- The weekly check-in email of an agreed plan, one per plan and week: claimed before it is sent
-- (the primary key), so that with several instances nobody gets two; a failed one may be
-- claimed again once its claim is stale.
CREATE TABLE plan_check_ins (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    week INTEGER NOT NULL,
    claimed_at INTEGER NOT NULL,
    sent_at INTEGER,
    error TEXT,
    PRIMARY KEY (plan_id, week)
);
