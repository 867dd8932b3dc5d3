//! The weekly question: questions to the digital team, their answers (the living FAQ), and
//! the weekly digest of answers to everyone, each email claimed before it goes.

use crate::audit_trail::insert_event;
use crate::email_claims::{ClaimTable, Key};
use crate::{Actor, AuditAction, NewAuditEvent, Result, Store, StoreError, now};
use skillgym_domain::people::format_date;
use skillgym_domain::{OrganisationId, PersonId, WeeklyQuestionId};
use sqlx::Row;
use sqlx::any::AnyRow;
use time::Date;

/// The job that sends everyone the week's answers.
pub const QUESTION_DIGEST_JOB: crate::Job = crate::Job {
    name: "question-digests",
    every: 60 * 60,
};

/// A claim on a digest older than this, neither sent nor failed, was abandoned.
const DIGEST_CLAIM_STALE_SECS: i64 = 30 * 60;

const DIGESTS: ClaimTable = ClaimTable {
    table: "weekly_question_digests",
    keys: ["person_id", "week_of"],
    stale_secs: DIGEST_CLAIM_STALE_SECS,
};

/// A question to the digital team, and its answer once given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyQuestion {
    pub id: WeeklyQuestionId,
    /// Who asked, when they gave their name and are still in the organisation.
    pub asked_by: Option<PersonId>,
    /// Their name, in the lists only the digital team reads.
    pub asker: Option<String>,
    pub asked_at: i64,
    /// As it was asked.
    pub question: String,
    /// The team's wording for the FAQ, when they changed it.
    pub wording: Option<String>,
    pub answer: Option<String>,
    /// The code of the competence it is about.
    pub competence: Option<String>,
    pub answered_at: Option<i64>,
}

impl WeeklyQuestion {
    /// The question as everyone reads it: the team's wording, or as asked.
    pub fn title(&self) -> &str {
        self.wording.as_deref().unwrap_or(&self.question)
    }

    pub fn is_answered(&self) -> bool {
        self.answered_at.is_some()
    }
}

/// An answer as the team gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAnswer {
    /// The question's wording for the FAQ; `None` keeps it as asked.
    pub wording: Option<String>,
    pub answer: String,
    pub competence: Option<String>,
}

/// Someone who has not had the digest of a week of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionDigestDue {
    pub organisation: OrganisationId,
    pub person: PersonId,
    pub email: String,
    pub given_name: String,
    pub language: String,
}

const SELECT: &str = "SELECT q.id, q.asked_by, q.asked_at, q.question, q.wording, q.answer, \
         q.competence, q.answered_at, p.given_name || ' ' || p.family_name AS asker \
     FROM weekly_questions q LEFT JOIN people p ON p.id = q.asked_by";

fn question_from(r: &AnyRow) -> Result<WeeklyQuestion> {
    Ok(WeeklyQuestion {
        id: WeeklyQuestionId(r.try_get("id")?),
        asked_by: r.try_get::<Option<i64>, _>("asked_by")?.map(PersonId),
        asker: r.try_get("asker")?,
        asked_at: r.try_get("asked_at")?,
        question: r.try_get("question")?,
        wording: r.try_get("wording")?,
        answer: r.try_get("answer")?,
        competence: r.try_get("competence")?,
        answered_at: r.try_get("answered_at")?,
    })
}

impl Store {
    /// Keeps a question to the digital team: `asked_by` `None` keeps nothing of who asked.
    /// Not in the audit trail, which would tie it to the asker.
    pub async fn ask_question(
        &self,
        org: OrganisationId,
        asked_by: Option<PersonId>,
        question: &str,
    ) -> Result<WeeklyQuestionId> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO weekly_questions (organisation_id, asked_by, asked_at, question) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(org.0)
        .bind(asked_by.map(|p| p.0))
        .bind(now())
        .bind(question)
        .fetch_one(&self.pool)
        .await?;
        Ok(WeeklyQuestionId(id))
    }

    async fn questions_where(
        &self,
        org: OrganisationId,
        condition: &str,
        order: &str,
        extra: Option<i64>,
    ) -> Result<Vec<WeeklyQuestion>> {
        let sql = format!("{SELECT} WHERE q.organisation_id = $1 AND {condition} ORDER BY {order}");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(org.0);
        if let Some(value) = extra {
            query = query.bind(value);
        }
        query
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(question_from)
            .collect()
    }

    /// One question of the organisation's. `NotFound` for another organisation's.
    pub async fn weekly_question(
        &self,
        org: OrganisationId,
        id: WeeklyQuestionId,
    ) -> Result<WeeklyQuestion> {
        self.questions_where(org, "q.id = $2", "q.id", Some(id.0))
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// The FAQ: every answered question, the latest answered first.
    pub async fn answered_questions(&self, org: OrganisationId) -> Result<Vec<WeeklyQuestion>> {
        self.questions_where(
            org,
            "q.answered_at IS NOT NULL",
            "q.answered_at DESC, q.id DESC",
            None,
        )
        .await
    }

    /// The questions waiting for an answer, the longest waiting first.
    pub async fn waiting_questions(&self, org: OrganisationId) -> Result<Vec<WeeklyQuestion>> {
        self.questions_where(org, "q.answered_at IS NULL", "q.asked_at, q.id", None)
            .await
    }

    /// The questions `person` asked with their name, the latest first.
    pub async fn questions_asked_by(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<WeeklyQuestion>> {
        self.questions_where(
            org,
            "q.asked_by = $2",
            "q.asked_at DESC, q.id DESC",
            Some(person.0),
        )
        .await
    }

    /// The questions answered from `from` until before `to`: a week's digest.
    pub async fn answered_between(
        &self,
        org: OrganisationId,
        from: i64,
        to: i64,
    ) -> Result<Vec<WeeklyQuestion>> {
        let sql = format!(
            "{SELECT} WHERE q.organisation_id = $1 AND q.answered_at >= $2 AND q.answered_at < $3 \
             ORDER BY q.answered_at, q.id"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(from)
            .bind(to)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(question_from)
            .collect()
    }

    /// Answers question `id`, or changes its answer; in the audit trail. It keeps the day it was
    /// first answered, which decides its week's digest. `NotFound` for another organisation's.
    pub async fn answer_question(
        &self,
        org: OrganisationId,
        id: WeeklyQuestionId,
        answer: &NewAnswer,
        by: PersonId,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let at = now();
        let changed = sqlx::query(
            "UPDATE weekly_questions SET wording = $3, answer = $4, competence = $5, \
                 answered_by = $6, answered_at = COALESCE(answered_at, $7), changed_at = $7 \
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(answer.wording.clone())
        .bind(&answer.answer)
        .bind(answer.competence.clone())
        .bind(by.0)
        .bind(at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        let event = NewAuditEvent::new(Actor::Person(by), AuditAction::QuestionAnswered, None)
            .with("question", id.0);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes question `id` (one that should not be answered, or should no longer be in the
    /// FAQ); in the audit trail, by its number only. `NotFound` for another organisation's.
    pub async fn remove_question(
        &self,
        org: OrganisationId,
        id: WeeklyQuestionId,
        by: PersonId,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let removed =
            sqlx::query("DELETE FROM weekly_questions WHERE organisation_id = $1 AND id = $2")
                .bind(org.0)
                .bind(id.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if removed == 0 {
            return Err(StoreError::NotFound);
        }
        let event = NewAuditEvent::new(Actor::Person(by), AuditAction::QuestionRemoved, None)
            .with("question", id.0);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Everyone, in every organisation that answered a question from `from` until before
    /// `to`, who has not had that week's digest nor has it claimed recently: people with an
    /// open account who have not left.
    pub async fn question_digests_due(
        &self,
        week_of: Date,
        from: i64,
        to: i64,
    ) -> Result<Vec<QuestionDigestDue>> {
        let rows = sqlx::query(
            "SELECT p.id, p.organisation_id, a.email, p.given_name, \
                 COALESCE(a.language, o.main_language) AS language \
             FROM accounts a \
             JOIN people p ON p.id = a.person_id \
             JOIN organisations o ON o.id = p.organisation_id \
             WHERE a.disabled = 0 AND p.access_ended_at IS NULL \
               AND (p.left_on IS NULL OR p.left_on > $1) \
               AND EXISTS (SELECT 1 FROM weekly_questions q \
                   WHERE q.organisation_id = p.organisation_id \
                     AND q.answered_at >= $3 AND q.answered_at < $4) \
               AND NOT EXISTS (SELECT 1 FROM weekly_question_digests d \
                   WHERE d.person_id = p.id AND d.week_of = $1 \
                     AND (d.sent_at IS NOT NULL OR d.claimed_at > $2)) \
             ORDER BY p.organisation_id, p.id",
        )
        .bind(format_date(week_of))
        .bind(now() - DIGEST_CLAIM_STALE_SECS)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(QuestionDigestDue {
                    organisation: OrganisationId(r.try_get("organisation_id")?),
                    person: PersonId(r.try_get("id")?),
                    email: r.try_get("email")?,
                    given_name: r.try_get("given_name")?,
                    language: r.try_get("language")?,
                })
            })
            .collect()
    }

    /// Claims `person`'s digest of the week beginning `week_of`: `false` when another sender
    /// has it (sent, or claimed recently), so that it goes once however many instances run.
    pub async fn claim_question_digest(
        &self,
        org: OrganisationId,
        person: PersonId,
        week_of: Date,
    ) -> Result<bool> {
        DIGESTS
            .claim(
                &self.pool,
                [Key::Int(person.0), Key::Text(format_date(week_of))],
                Some(org.0),
            )
            .await
    }

    /// Records how a claimed digest went: sent, or failed with the reason.
    pub async fn finish_question_digest(
        &self,
        person: PersonId,
        week_of: Date,
        outcome: std::result::Result<(), &str>,
    ) -> Result<()> {
        DIGESTS
            .finish(
                &self.pool,
                [Key::Int(person.0), Key::Text(format_date(week_of))],
                outcome,
            )
            .await
    }

    /// The demo's questions: some answered by its trainer over the past weeks, each about a
    /// skill the catalogue builds, and one waiting, asked without a name. Written as history,
    /// not through the audit trail: nobody did these things today.
    pub(crate) async fn seed_demo_questions(
        &self,
        org: OrganisationId,
        welsh: bool,
        answered_by: Option<PersonId>,
    ) -> Result<()> {
        use skillgym_domain::weekly_question::DEMO_QUESTIONS;
        const DAY: i64 = 24 * 60 * 60;
        let catalogue = self.catalogue(org).await?;
        let skills: Vec<String> = catalogue
            .iter()
            .filter_map(|a| a.activity.builds.first().map(|b| b.competence.clone()))
            .collect();
        let now = now();
        let mut tx = self.begin_write().await?;
        for (i, demo) in DEMO_QUESTIONS.iter().enumerate() {
            let (question, answer) = if welsh { demo.cy } else { demo.en };
            let weeks_ago = (DEMO_QUESTIONS.len() - i) as i64;
            let asked_at = now - weeks_ago * 7 * DAY;
            let answered =
                (!answer.is_empty() && answered_by.is_some()).then_some(asked_at + 2 * DAY);
            sqlx::query(
                "INSERT INTO weekly_questions (organisation_id, asked_at, question, answer, \
                     competence, answered_by, answered_at, changed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
            )
            .bind(org.0)
            .bind(if answered.is_some() {
                asked_at
            } else {
                now - DAY
            })
            .bind(question)
            .bind(answered.map(|_| answer))
            .bind(
                answered
                    .and_then(|_| skills.get(i * 7 % skills.len().max(1)))
                    .cloned(),
            )
            .bind(answered.and(answered_by).map(|p| p.0))
            .bind(answered)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
