-- Role profiles: the target proficiency level (1 to 5) for each competence for each job family,
-- set by admins. A competence with no row for a job family has no target for it.
CREATE TABLE role_targets (
    competence_id BIGINT NOT NULL REFERENCES competences(id) ON DELETE CASCADE,
    job_family TEXT NOT NULL,
    level BIGINT NOT NULL CHECK (level BETWEEN 1 AND 5),
    PRIMARY KEY (competence_id, job_family)
);
