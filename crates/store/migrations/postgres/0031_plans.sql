-- Learning plans: twelve weeks of goals and steps, proposed from a campaign's profile, agreed
-- by a trainer or manager, paused and resumed, finished. A person has at most one plan that is
-- not finished (the partial unique index), so that proposing for a whole campaign twice, or from
-- two instances at once, makes one.
CREATE TABLE plans (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    -- The campaign whose profile it was proposed from.
    campaign_id BIGINT REFERENCES campaigns(id) ON DELETE SET NULL,
    -- proposed, agreed, paused or finished.
    status TEXT NOT NULL,
    -- The Monday of its first week (YYYY-MM-DD).
    starts_on TEXT NOT NULL,
    weekly_minutes BIGINT NOT NULL,
    proposed_at BIGINT NOT NULL,
    agreed_at BIGINT,
    agreed_by BIGINT REFERENCES people(id) ON DELETE SET NULL,
    -- While paused, the day it was paused; resuming moves what is left on by the weeks since.
    paused_on TEXT,
    weeks_paused BIGINT NOT NULL DEFAULT 0,
    finished_at BIGINT,
    -- Competence codes short of their target that the catalogue could not help with.
    unhelped TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX plans_current ON plans (person_id) WHERE finished_at IS NULL;
CREATE INDEX plans_organisation ON plans (organisation_id, status);

-- A plan's goals: a competence to a level by the end of a week of the plan. A goal's
-- competence is one the person answered about, and a competence answered about is never
-- removed from its framework, so it is named without a foreign key (see plan_steps).
CREATE TABLE plan_goals (
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    competence_id BIGINT NOT NULL,
    -- Measured at the start, on the 1-5 scale.
    from_level DOUBLE PRECISION NOT NULL,
    level BIGINT NOT NULL,
    -- The week of the plan (from 0) on whose last day it is due.
    deadline_week BIGINT NOT NULL,
    -- Why it is a goal, as the engine said it (JSON).
    reason TEXT NOT NULL,
    PRIMARY KEY (plan_id, position)
);

-- A plan's steps, in the order they are done; ticked when done, with the person's reflection.
-- Activities and sessions are never deleted (a catalogue keeps its codes; a session stays as the
-- record of who came), so a step names them without a foreign key: checking some 300,000 such
-- references when a national campaign's plans are proposed cost seconds on PostgreSQL.
CREATE TABLE plan_steps (
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    goal BIGINT NOT NULL,
    activity_id BIGINT NOT NULL,
    session_id BIGINT,
    first_week BIGINT NOT NULL,
    last_week BIGINT NOT NULL,
    minutes BIGINT NOT NULL,
    reason TEXT NOT NULL,
    done_at BIGINT,
    reflection TEXT,
    PRIMARY KEY (plan_id, position)
);
CREATE INDEX plan_steps_activity ON plan_steps (activity_id);

-- What a trainer or manager wrote when they met the person about the plan.
CREATE TABLE plan_notes (
    id BIGSERIAL PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    written_at BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX plan_notes_plan ON plan_notes (plan_id, written_at);
