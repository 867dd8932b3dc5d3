-- A module no longer required: it leaves the matrix, while the completions people made stay.
ALTER TABLE training_requirements ADD COLUMN retired_at BIGINT;

-- The weekly email to each manager of their people due and overdue, one per manager and week:
-- claimed before it is sent (the primary key), so that with several instances nobody gets two;
-- a failed one may be claimed again once its claim is stale.
CREATE TABLE training_digests (
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    manager_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    -- YYYY-MM-DD: the Monday of the week, on the UK's clock.
    week_of TEXT NOT NULL,
    claimed_at BIGINT NOT NULL,
    sent_at BIGINT,
    error TEXT,
    PRIMARY KEY (manager_id, week_of)
);

-- A certificate uploaded as a completion's evidence, checked by its bytes (PDF, PNG or JPEG).
CREATE TABLE training_evidence_files (
    completion_id BIGINT PRIMARY KEY REFERENCES training_completions(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BYTEA NOT NULL
);
