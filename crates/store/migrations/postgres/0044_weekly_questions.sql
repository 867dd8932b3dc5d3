-- The weekly question: anyone asks the digital team (trainers and administrators) a question,
-- with their name or without it; the team answers it, and answered questions go into the
-- week's digest and the living FAQ.
CREATE TABLE weekly_questions (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    -- NULL when asked without a name (nothing keeps who asked) or once the asker is erased.
    asked_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    asked_at BIGINT NOT NULL,
    -- As the person asked it.
    question TEXT NOT NULL,
    -- The team's wording for the FAQ (personal details taken out, say); the question as asked
    -- when NULL.
    wording TEXT,
    answer TEXT,
    -- The code of a competence of the organisation's frameworks the question is about.
    competence TEXT,
    answered_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    -- When it was first answered: it goes into the digest of that week.
    answered_at BIGINT,
    changed_at BIGINT
);
CREATE INDEX weekly_questions_answered ON weekly_questions (organisation_id, answered_at);
CREATE INDEX weekly_questions_asked_by ON weekly_questions (asked_by);

-- The weekly digest of answers to each person, one per person and week: claimed before it is
-- sent (the primary key), so that with several instances nobody gets two.
CREATE TABLE weekly_question_digests (
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    -- YYYY-MM-DD: the Monday of the week whose answers it carries, on the UK's clock.
    week_of TEXT NOT NULL,
    claimed_at BIGINT NOT NULL,
    sent_at BIGINT,
    error TEXT,
    PRIMARY KEY (person_id, week_of)
);
