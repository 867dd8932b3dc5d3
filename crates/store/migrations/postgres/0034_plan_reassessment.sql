-- At the end of a plan the person rates each goal's competence again (1 to 5), shown beside
-- where they started.
ALTER TABLE plan_goals ADD COLUMN end_rating BIGINT;
ALTER TABLE plans ADD COLUMN reassessed_at BIGINT;
