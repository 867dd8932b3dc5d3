-- Evaluation: the feedback a person gives right after an activity, and the follow-ups that ask
-- them again some days later (30 and 90 by default, the organisation's setting) whether they
-- used it at work and what stopped them. The arithmetic of the report is in
-- crates/domain/src/evaluation.rs.

-- Who ran a session (a trainer, a champion…), for the feedback's question about them and the
-- report's grouping by trainer.
ALTER TABLE activity_sessions ADD COLUMN facilitator_id BIGINT REFERENCES people(id) ON DELETE SET NULL;

-- The follow-up days, as "30,90": each a number of days after the activity.
ALTER TABLE organisations ADD COLUMN follow_up_days TEXT NOT NULL DEFAULT '30,90';

-- One per person and activity: giving feedback again changes it.
CREATE TABLE evaluations (
    id BIGSERIAL PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    -- The session they came to, where there was one (its facilitator is the one rated).
    session_id BIGINT REFERENCES activity_sessions(id) ON DELETE SET NULL,
    -- The facilitator as they were when the feedback was given.
    facilitator_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    -- YYYY-MM-DD: the day of the activity, from which the follow-ups count.
    done_on TEXT NOT NULL,
    usefulness BIGINT NOT NULL,
    facilitator_rating BIGINT,
    -- yes, partly or no
    objectives TEXT NOT NULL,
    -- Up to three things to take away, one a line.
    takeaways TEXT NOT NULL,
    more_effective BIGINT NOT NULL,
    submitted_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (activity_id, person_id)
);
CREATE INDEX evaluations_person ON evaluations (person_id);
CREATE INDEX evaluations_organisation ON evaluations (organisation_id, activity_id);

-- One per feedback and follow-up day: claimed before its email is sent (the primary key), so
-- that with several instances nobody gets two; a failed one may be claimed again once its claim
-- is stale. The answers are on the same row.
CREATE TABLE evaluation_follow_ups (
    evaluation_id BIGINT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    days BIGINT NOT NULL,
    claimed_at BIGINT,
    sent_at BIGINT,
    error TEXT,
    -- yes or no
    used_at_work TEXT,
    -- What stopped them, as codes separated by commas (no-chance, no-encouragement,
    -- confidence, time, equipment, other).
    barriers TEXT,
    barrier_other TEXT,
    effectiveness BIGINT,
    example TEXT,
    answered_at BIGINT,
    PRIMARY KEY (evaluation_id, days)
);
CREATE INDEX evaluation_follow_ups_organisation ON evaluation_follow_ups (organisation_id);
