//! Clubs: a club is a catalogue activity of kind club, its cohort whoever has a place on one of
//! its sessions. Trainers set weekly assignments; each member hands in one submission per
//! assignment (text, and a link if they like), which they may change until it has feedback; a
//! trainer writes feedback on each.

use crate::dates::date;
use crate::{Result, Store, StoreError, now};
use skillgym_domain::people::format_date;
use skillgym_domain::{ActivityId, AssignmentId, OrganisationId, PersonId};
use sqlx::Row;
use sqlx::any::AnyRow;

/// An assignment as a trainer sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAssignment {
    pub title: String,
    pub brief: String,
    pub due_on: time::Date,
}

/// An assignment as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub id: AssignmentId,
    pub activity: ActivityId,
    pub title: String,
    pub brief: String,
    pub due_on: time::Date,
}

/// A member's submission, with the feedback on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub person: PersonId,
    pub name: String,
    pub body: String,
    pub link: Option<String>,
    pub submitted_at: i64,
    pub feedback: Option<String>,
    /// Who wrote the feedback, while they are in the organisation.
    pub feedback_by: Option<String>,
}

const ASSIGNMENT_COLUMNS: &str = "id, activity_id, title, brief, due_on";

fn assignment_from(r: &AnyRow) -> Result<Assignment> {
    Ok(Assignment {
        id: AssignmentId(r.try_get("id")?),
        activity: ActivityId(r.try_get("activity_id")?),
        title: r.try_get("title")?,
        brief: r.try_get("brief")?,
        due_on: date(r, "due_on")?,
    })
}

const SUBMISSION_SELECT: &str = "SELECT s.person_id, p.given_name || ' ' || p.family_name AS name, s.body, s.link, \
         s.submitted_at, s.feedback, f.given_name || ' ' || f.family_name AS feedback_by \
     FROM club_submissions s JOIN people p ON p.id = s.person_id \
     LEFT JOIN people f ON f.id = s.feedback_by";

fn submission_from(r: &AnyRow) -> Result<Submission> {
    Ok(Submission {
        person: PersonId(r.try_get("person_id")?),
        name: r.try_get("name")?,
        body: r.try_get("body")?,
        link: r.try_get("link")?,
        submitted_at: r.try_get("submitted_at")?,
        feedback: r.try_get("feedback")?,
        feedback_by: r.try_get("feedback_by")?,
    })
}

impl Store {
    /// Sets an assignment for `org`'s club `activity`. `NotFound` unless the activity is the
    /// organisation's and a club.
    pub async fn set_assignment(
        &self,
        org: OrganisationId,
        activity: ActivityId,
        new: &NewAssignment,
        by: PersonId,
    ) -> Result<AssignmentId> {
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO club_assignments (organisation_id, activity_id, title, brief, due_on, \
                 set_by, set_at) \
             SELECT organisation_id, id, $3, $4, $5, $6, $7 FROM activities \
             WHERE id = $1 AND organisation_id = $2 AND kind = 'club' RETURNING id",
        )
        .bind(activity.0)
        .bind(org.0)
        .bind(&new.title)
        .bind(&new.brief)
        .bind(format_date(new.due_on))
        .bind(by.0)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        id.map(AssignmentId).ok_or(StoreError::NotFound)
    }

    /// The club's assignments, by when they are due.
    pub async fn assignments_of(
        &self,
        org: OrganisationId,
        activity: ActivityId,
    ) -> Result<Vec<Assignment>> {
        let sql = format!(
            "SELECT {ASSIGNMENT_COLUMNS} FROM club_assignments \
             WHERE organisation_id = $1 AND activity_id = $2 ORDER BY due_on, id"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(activity.0)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(assignment_from)
            .collect()
    }

    /// One of `org`'s assignments.
    pub async fn assignment(&self, org: OrganisationId, id: AssignmentId) -> Result<Assignment> {
        let sql = format!(
            "SELECT {ASSIGNMENT_COLUMNS} FROM club_assignments \
             WHERE organisation_id = $1 AND id = $2"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        assignment_from(&row)
    }

    /// Whether `person` is in the club's cohort: they have a place on one of its sessions.
    pub async fn in_cohort(&self, activity: ActivityId, person: PersonId) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM session_bookings b JOIN activity_sessions s ON s.id = b.session_id \
             WHERE s.activity_id = $1 AND b.person_id = $2 AND b.status = 'booked' LIMIT 1",
        )
        .bind(activity.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }

    /// The club's cohort, by name.
    pub async fn cohort(
        &self,
        org: OrganisationId,
        activity: ActivityId,
    ) -> Result<Vec<(PersonId, String)>> {
        let rows = sqlx::query(
            "SELECT DISTINCT p.id, p.given_name || ' ' || p.family_name AS name, p.family_name, \
                 p.given_name \
             FROM session_bookings b JOIN activity_sessions s ON s.id = b.session_id \
             JOIN people p ON p.id = b.person_id \
             WHERE s.organisation_id = $1 AND s.activity_id = $2 AND b.status = 'booked' \
             ORDER BY p.family_name, p.given_name, p.id",
        )
        .bind(org.0)
        .bind(activity.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((PersonId(r.try_get("id")?), r.try_get("name")?)))
            .collect()
    }

    /// Hands in (or changes) `person`'s submission. `NotFound` unless the assignment is
    /// `org`'s and the person is in its club's cohort; `Taken` once it has feedback, which
    /// answers what was handed in.
    pub async fn submit(
        &self,
        org: OrganisationId,
        id: AssignmentId,
        person: PersonId,
        body: &str,
        link: Option<&str>,
    ) -> Result<()> {
        let assignment = self.assignment(org, id).await?;
        if !self.in_cohort(assignment.activity, person).await? {
            return Err(StoreError::NotFound);
        }
        let done = sqlx::query(
            "INSERT INTO club_submissions (assignment_id, person_id, body, link, submitted_at) \
             VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (assignment_id, person_id) DO UPDATE SET body = excluded.body, \
                 link = excluded.link, submitted_at = excluded.submitted_at \
             WHERE club_submissions.feedback IS NULL",
        )
        .bind(id.0)
        .bind(person.0)
        .bind(body)
        .bind(link)
        .bind(now())
        .execute(&self.pool)
        .await?
        .rows_affected();
        if done == 0 {
            return Err(StoreError::Taken("feedback"));
        }
        Ok(())
    }

    /// Every submission to the assignment, by name.
    pub async fn submissions(
        &self,
        org: OrganisationId,
        id: AssignmentId,
    ) -> Result<Vec<Submission>> {
        self.assignment(org, id).await?;
        let sql = format!(
            "{SUBMISSION_SELECT} WHERE s.assignment_id = $1 \
             ORDER BY p.family_name, p.given_name, p.id"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(submission_from)
            .collect()
    }

    /// `person`'s submission to the assignment, if they handed one in.
    pub async fn submission_of(
        &self,
        id: AssignmentId,
        person: PersonId,
    ) -> Result<Option<Submission>> {
        let sql = format!("{SUBMISSION_SELECT} WHERE s.assignment_id = $1 AND s.person_id = $2");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0)
            .bind(person.0)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| submission_from(&r))
            .transpose()
    }

    /// Writes (or rewrites) the feedback on `person`'s submission. `NotFound` unless the
    /// assignment is `org`'s and they handed one in.
    pub async fn give_feedback(
        &self,
        org: OrganisationId,
        id: AssignmentId,
        person: PersonId,
        feedback: &str,
        by: PersonId,
    ) -> Result<()> {
        self.assignment(org, id).await?;
        let done = sqlx::query(
            "UPDATE club_submissions SET feedback = $3, feedback_by = $4, feedback_at = $5 \
             WHERE assignment_id = $1 AND person_id = $2",
        )
        .bind(id.0)
        .bind(person.0)
        .bind(feedback)
        .bind(by.0)
        .bind(now())
        .execute(&self.pool)
        .await?
        .rows_affected();
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
