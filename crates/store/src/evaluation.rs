//! Evaluation: feedback on the activities a person did, the follow-ups emailed some days later
//! (each claimed before it is sent, so that several instances send it once), and the facts the
//! report weighs (see `skillgym_domain::evaluation` for the arithmetic).

use crate::audit_trail::{Actor, AuditAction, NewAuditEvent, insert_event};
use crate::email_claims::{ClaimTable, Key};
use crate::{Result, Store, StoreError, now};
use skillgym_domain::audit::Localised;
use skillgym_domain::evaluation::{
    Barrier, Evaluated, Feedback, FollowUpAnswer, FollowUpDays, FollowedUp, Objectives,
    RatingTotal, Score, ServiceAudits, Takeaways, quiz_change, rating_change,
};
use skillgym_domain::learning::ActivityKind;
use skillgym_domain::people::{format_date, parse_date};
use skillgym_domain::{ActivityId, EvaluationId, OrganisationId, PersonId, SessionId};
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::{BTreeMap, HashMap};

/// The job that emails the follow-ups.
pub const FOLLOW_UP_JOB: crate::Job = crate::Job {
    name: "evaluation-follow-ups",
    every: 60 * 60,
};

/// A claim on a follow-up older than this, neither sent nor failed, was abandoned.
const FOLLOW_UP_CLAIM_STALE_SECS: i64 = 30 * 60;

const FOLLOW_UPS: ClaimTable = ClaimTable {
    table: "evaluation_follow_ups",
    keys: ["evaluation_id", "days"],
    stale_secs: FOLLOW_UP_CLAIM_STALE_SECS,
};

/// An activity a person did, which they may give feedback on.
#[derive(Debug, Clone, PartialEq)]
pub struct ToEvaluate {
    pub activity: ActivityId,
    pub title: Localised,
    /// The session they came to, if it was one (the latest).
    pub session: Option<SessionId>,
    /// Who ran it, with their name.
    pub facilitator: Option<(PersonId, String)>,
    /// The day they did it.
    pub done_on: time::Date,
    /// Their feedback, once given.
    pub evaluation: Option<EvaluationId>,
}

/// Feedback as stored, for the form that changes it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredFeedback {
    pub id: EvaluationId,
    pub feedback: Feedback,
}

/// A follow-up that is due and not yet sent, with whom to send it to.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpDue {
    pub organisation: OrganisationId,
    pub evaluation: EvaluationId,
    pub days: u16,
    pub person: PersonId,
    pub email: String,
    pub given_name: String,
    pub language: String,
    pub title: Localised,
}

/// A follow-up as its page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub evaluation: EvaluationId,
    pub days: u16,
    pub activity: ActivityId,
    pub title: Localised,
    pub answer: Option<FollowUpAnswer>,
}

/// One feedback as the report groups it.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluationFact {
    pub activity: ActivityId,
    pub title: Localised,
    pub provider: String,
    pub kind: ActivityKind,
    pub facilitator: Option<(PersonId, String)>,
    /// The competence codes the activity builds.
    pub builds: Vec<String>,
    pub evaluated: Evaluated,
}

/// One person's audits with names, in the order they were submitted (when, response id): the
/// competence codes they rated and how.
type AuditsTaken = BTreeMap<(i64, i64), HashMap<String, u8>>;

/// The same for the knowledge round: per competence code, how many right of how many asked.
type QuizzesTaken = BTreeMap<(i64, i64), HashMap<String, (u32, u32)>>;

/// The person's last audit submitted before `done_on` and their first after it.
fn around<T>(taken: &BTreeMap<(i64, i64), T>, done_on: time::Date) -> Option<(&T, &T)> {
    let before = taken
        .iter()
        .rfind(|((at, _), _)| local_day(*at) < done_on)?
        .1;
    let after = taken
        .iter()
        .find(|((at, _), _)| local_day(*at) > done_on)?
        .1;
    Some((before, after))
}

fn score(r: &AnyRow, column: &str) -> Result<Score> {
    Score::new(r.try_get(column)?).map_err(|_| StoreError::Corrupt(format!("{column} score")))
}

fn day(text: &str) -> Result<time::Date> {
    parse_date(text).map_err(|_| StoreError::Corrupt(format!("not a date: {text:?}")))
}

fn local_day(at: i64) -> time::Date {
    skillgym_domain::uk_time::local(at).date()
}

impl Store {
    /// The people who may run a session: those with a trainer, champion or admin role, by name.
    pub async fn facilitators(&self, org: OrganisationId) -> Result<Vec<(PersonId, String)>> {
        let rows = sqlx::query(
            "SELECT DISTINCT p.id, p.given_name || ' ' || p.family_name AS name, \
                    p.family_name, p.given_name \
             FROM people p JOIN accounts a ON a.person_id = p.id \
             JOIN account_roles r ON r.account_id = a.id \
             WHERE p.organisation_id = $1 AND p.access_ended_at IS NULL \
               AND r.role IN ('trainer', 'champion', 'admin') \
             ORDER BY p.family_name, p.given_name, p.id",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((PersonId(r.try_get("id")?), r.try_get("name")?)))
            .collect()
    }

    /// Who runs session `id`, if anyone is named. `NotFound` for another organisation's.
    pub async fn session_facilitator(
        &self,
        org: OrganisationId,
        session: SessionId,
    ) -> Result<Option<PersonId>> {
        let row: Option<Option<i64>> = sqlx::query_scalar(
            "SELECT facilitator_id FROM activity_sessions WHERE id = $2 AND organisation_id = $1",
        )
        .bind(org.0)
        .bind(session.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.ok_or(StoreError::NotFound)?.map(PersonId))
    }

    /// Names who runs a session (`None`: nobody in particular), when it is scheduled or later.
    /// Feedback already given on the session moves with it: those who came rated whoever stood
    /// in front of them, so a corrected name carries their rating. `NotFound` when the session
    /// or the person is not `org`'s.
    pub async fn set_session_facilitator(
        &self,
        org: OrganisationId,
        session: SessionId,
        facilitator: Option<PersonId>,
    ) -> Result<()> {
        if let Some(p) = facilitator {
            let found: Option<i64> =
                sqlx::query_scalar("SELECT id FROM people WHERE id = $1 AND organisation_id = $2")
                    .bind(p.0)
                    .bind(org.0)
                    .fetch_optional(&self.pool)
                    .await?;
            found.ok_or(StoreError::NotFound)?;
        }
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE activity_sessions SET facilitator_id = $3 WHERE id = $2 AND organisation_id = $1",
        )
        .bind(org.0)
        .bind(session.0)
        .bind(facilitator.map(|p| p.0))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "UPDATE evaluations SET facilitator_id = $3 WHERE session_id = $2 AND organisation_id = $1",
        )
        .bind(org.0)
        .bind(session.0)
        .bind(facilitator.map(|p| p.0))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The activities `person` did, latest first, with their feedback if given: sessions they
    /// came to (marked as attended, and over), steps of their plans they ticked, and required
    /// modules of the catalogue they completed.
    pub async fn to_evaluate(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<ToEvaluate>> {
        let mut found: BTreeMap<i64, ToEvaluate> = BTreeMap::new();
        let mut add = |t: ToEvaluate| match found.get(&t.activity.0) {
            // A session beats a day without one; otherwise the later day.
            Some(had) if (had.session.is_some() && t.session.is_none()) => {}
            Some(had)
                if had.session.is_some() == t.session.is_some() && had.done_on >= t.done_on => {}
            _ => {
                found.insert(t.activity.0, t);
            }
        };
        let title = |r: &AnyRow| -> Result<Localised> {
            Ok(Localised::new(
                r.try_get::<String, _>("title_en")?,
                r.try_get("title_cy")?,
            ))
        };
        for r in sqlx::query(
            "SELECT a.id, a.title_en, a.title_cy, s.id AS session_id, s.ends_at, \
                    s.facilitator_id, f.given_name || ' ' || f.family_name AS facilitator \
             FROM session_bookings b JOIN activity_sessions s ON s.id = b.session_id \
             JOIN activities a ON a.id = s.activity_id \
             LEFT JOIN people f ON f.id = s.facilitator_id \
             WHERE s.organisation_id = $1 AND b.person_id = $2 AND b.attended = 1 \
               AND s.ends_at <= $3",
        )
        .bind(org.0)
        .bind(person.0)
        .bind(now())
        .fetch_all(&self.pool)
        .await?
        {
            let facilitator = match r.try_get::<Option<i64>, _>("facilitator_id")? {
                Some(id) => Some((PersonId(id), r.try_get("facilitator")?)),
                None => None,
            };
            add(ToEvaluate {
                activity: ActivityId(r.try_get("id")?),
                title: title(&r)?,
                session: Some(SessionId(r.try_get("session_id")?)),
                facilitator,
                done_on: local_day(r.try_get("ends_at")?),
                evaluation: None,
            });
        }
        for r in sqlx::query(
            "SELECT a.id, a.title_en, a.title_cy, MAX(s.done_at) AS done_at \
             FROM plan_steps s JOIN plans p ON p.id = s.plan_id \
             JOIN activities a ON a.id = s.activity_id AND a.organisation_id = p.organisation_id \
             WHERE p.organisation_id = $1 AND p.person_id = $2 AND s.done_at IS NOT NULL \
             GROUP BY a.id, a.title_en, a.title_cy",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_all(&self.pool)
        .await?
        {
            add(ToEvaluate {
                activity: ActivityId(r.try_get("id")?),
                title: title(&r)?,
                session: None,
                facilitator: None,
                done_on: local_day(r.try_get("done_at")?),
                evaluation: None,
            });
        }
        for r in sqlx::query(
            "SELECT a.id, a.title_en, a.title_cy, MAX(c.completed_on) AS completed_on \
             FROM training_completions c JOIN training_requirements q ON q.id = c.requirement_id \
             JOIN activities a ON a.id = q.activity_id \
             WHERE c.organisation_id = $1 AND c.person_id = $2 \
             GROUP BY a.id, a.title_en, a.title_cy",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_all(&self.pool)
        .await?
        {
            add(ToEvaluate {
                activity: ActivityId(r.try_get("id")?),
                title: title(&r)?,
                session: None,
                facilitator: None,
                done_on: day(&r.try_get::<String, _>("completed_on")?)?,
                evaluation: None,
            });
        }
        for r in sqlx::query(
            "SELECT id, activity_id FROM evaluations WHERE organisation_id = $1 AND person_id = $2",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_all(&self.pool)
        .await?
        {
            if let Some(t) = found.get_mut(&r.try_get::<i64, _>("activity_id")?) {
                t.evaluation = Some(EvaluationId(r.try_get("id")?));
            }
        }
        let mut list: Vec<ToEvaluate> = found.into_values().collect();
        list.sort_by(|a, b| b.done_on.cmp(&a.done_on).then(a.activity.cmp(&b.activity)));
        Ok(list)
    }

    /// The feedback `person` gave on `activity`, if any.
    pub async fn feedback_of(
        &self,
        org: OrganisationId,
        person: PersonId,
        activity: ActivityId,
    ) -> Result<Option<StoredFeedback>> {
        let row = sqlx::query(
            "SELECT id, usefulness, facilitator_rating, objectives, takeaways, more_effective \
             FROM evaluations WHERE organisation_id = $1 AND person_id = $2 AND activity_id = $3",
        )
        .bind(org.0)
        .bind(person.0)
        .bind(activity.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let facilitator = match r.try_get::<Option<i64>, _>("facilitator_rating")? {
            Some(n) => Some(Score::new(n).map_err(|_| StoreError::Corrupt("score".into()))?),
            None => None,
        };
        Ok(Some(StoredFeedback {
            id: EvaluationId(r.try_get("id")?),
            feedback: Feedback {
                usefulness: score(&r, "usefulness")?,
                facilitator,
                objectives: Objectives::parse(&r.try_get::<String, _>("objectives")?)
                    .map_err(|_| StoreError::Corrupt("objectives".into()))?,
                takeaways: Takeaways::from_stored(&r.try_get::<String, _>("takeaways")?),
                more_effective: score(&r, "more_effective")?,
            },
        }))
    }

    /// Records `person`'s feedback on what they did, or changes the feedback they gave.
    pub async fn save_feedback(
        &self,
        org: OrganisationId,
        person: PersonId,
        done: &ToEvaluate,
        feedback: &Feedback,
    ) -> Result<EvaluationId> {
        let at = now();
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO evaluations (organisation_id, activity_id, person_id, session_id, \
                 facilitator_id, done_on, usefulness, facilitator_rating, objectives, takeaways, \
                 more_effective, submitted_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) \
             ON CONFLICT (activity_id, person_id) DO UPDATE SET session_id = excluded.session_id, \
                 facilitator_id = excluded.facilitator_id, done_on = excluded.done_on, \
                 usefulness = excluded.usefulness, \
                 facilitator_rating = excluded.facilitator_rating, \
                 objectives = excluded.objectives, takeaways = excluded.takeaways, \
                 more_effective = excluded.more_effective, updated_at = excluded.updated_at \
             RETURNING id",
        )
        .bind(org.0)
        .bind(done.activity.0)
        .bind(person.0)
        .bind(done.session.map(|s| s.0))
        .bind(done.facilitator.as_ref().map(|f| f.0.0))
        .bind(format_date(done.done_on))
        .bind(i64::from(feedback.usefulness.get()))
        .bind(feedback.facilitator.map(|s| i64::from(s.get())))
        .bind(feedback.objectives.as_str())
        .bind(feedback.takeaways.to_stored())
        .bind(i64::from(feedback.more_effective.get()))
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(EvaluationId(id))
    }

    /// The days after an activity on which `org` sends follow-ups.
    pub async fn follow_up_days(&self, org: OrganisationId) -> Result<FollowUpDays> {
        let text: Option<String> =
            sqlx::query_scalar("SELECT follow_up_days FROM organisations WHERE id = $1")
                .bind(org.0)
                .fetch_optional(&self.pool)
                .await?;
        let text = text.ok_or(StoreError::NotFound)?;
        FollowUpDays::parse(&text).map_err(|_| StoreError::Corrupt("follow_up_days".into()))
    }

    /// Changes the follow-up days, recording who did it in the audit trail; `false` when they
    /// were already those days (nothing is recorded then).
    pub async fn change_follow_up_days(
        &self,
        org: OrganisationId,
        days: &FollowUpDays,
        actor: Actor,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let previous: Option<String> =
            sqlx::query_scalar("SELECT follow_up_days FROM organisations WHERE id = $1")
                .bind(org.0)
                .fetch_optional(&mut *tx)
                .await?;
        let previous = previous.ok_or(StoreError::NotFound)?;
        let stored = days.to_stored();
        if previous == stored {
            return Ok(false);
        }
        sqlx::query("UPDATE organisations SET follow_up_days = $2 WHERE id = $1")
            .bind(org.0)
            .bind(&stored)
            .execute(&mut *tx)
            .await?;
        let event = NewAuditEvent::new(actor, AuditAction::FollowUpDaysChanged, None)
            .with("previous-days", previous)
            .with("days", stored);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The follow-ups of every organisation due by `today` and neither sent nor recently
    /// claimed: for each feedback, the latest of its organisation's days that has come.
    pub async fn follow_ups_due(&self, today: time::Date) -> Result<Vec<FollowUpDue>> {
        let stale = now() - FOLLOW_UP_CLAIM_STALE_SECS;
        let mut done: std::collections::HashSet<(i64, i64)> = std::collections::HashSet::new();
        for r in sqlx::query(
            "SELECT evaluation_id, days FROM evaluation_follow_ups \
             WHERE sent_at IS NOT NULL OR claimed_at > $1",
        )
        .bind(stale)
        .fetch_all(&self.pool)
        .await?
        {
            done.insert((r.try_get("evaluation_id")?, r.try_get("days")?));
        }
        let rows = sqlx::query(
            "SELECT e.id, e.organisation_id, e.person_id, e.done_on, o.follow_up_days, \
                    p.email, p.given_name, COALESCE(c.language, o.main_language) AS language, \
                    a.title_en, a.title_cy \
             FROM evaluations e JOIN people p ON p.id = e.person_id \
             JOIN organisations o ON o.id = e.organisation_id \
             JOIN activities a ON a.id = e.activity_id \
             LEFT JOIN accounts c ON c.person_id = p.id \
             WHERE p.email IS NOT NULL AND p.access_ended_at IS NULL ORDER BY e.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut due = Vec::new();
        for r in &rows {
            let days = FollowUpDays::parse(&r.try_get::<String, _>("follow_up_days")?)
                .unwrap_or_else(|_| FollowUpDays::default_days());
            let id: i64 = r.try_get("id")?;
            let Some(d) = days.due(day(&r.try_get::<String, _>("done_on")?)?, today) else {
                continue;
            };
            if done.contains(&(id, i64::from(d))) {
                continue;
            }
            due.push(FollowUpDue {
                organisation: OrganisationId(r.try_get("organisation_id")?),
                evaluation: EvaluationId(id),
                days: d,
                person: PersonId(r.try_get("person_id")?),
                email: r.try_get("email")?,
                given_name: r.try_get("given_name")?,
                language: r.try_get("language")?,
                title: Localised::new(r.try_get::<String, _>("title_en")?, r.try_get("title_cy")?),
            });
        }
        Ok(due)
    }

    /// Claims a follow-up for this sender: `false` when another has it (sent, or claimed
    /// recently), so that it goes once however many instances run.
    pub async fn claim_follow_up(
        &self,
        org: OrganisationId,
        evaluation: EvaluationId,
        days: u16,
    ) -> Result<bool> {
        FOLLOW_UPS
            .claim(
                &self.pool,
                [Key::Int(evaluation.0), Key::Int(i64::from(days))],
                Some(org.0),
            )
            .await
    }

    /// Records how a claimed follow-up went: sent, or failed with the reason.
    pub async fn finish_follow_up(
        &self,
        evaluation: EvaluationId,
        days: u16,
        outcome: std::result::Result<(), &str>,
    ) -> Result<()> {
        FOLLOW_UPS
            .finish(
                &self.pool,
                [Key::Int(evaluation.0), Key::Int(i64::from(days))],
                outcome,
            )
            .await
    }

    /// `person`'s follow-up, once it has been sent to them (`NotFound` otherwise).
    pub async fn follow_up(
        &self,
        org: OrganisationId,
        person: PersonId,
        evaluation: EvaluationId,
        days: u16,
    ) -> Result<FollowUp> {
        let r = sqlx::query(
            "SELECT e.activity_id, a.title_en, a.title_cy, f.used_at_work, f.barriers, \
                    f.barrier_other, f.effectiveness, f.example, f.answered_at \
             FROM evaluation_follow_ups f JOIN evaluations e ON e.id = f.evaluation_id \
             JOIN activities a ON a.id = e.activity_id \
             WHERE e.organisation_id = $1 AND e.person_id = $2 AND e.id = $3 AND f.days = $4 \
               AND f.sent_at IS NOT NULL",
        )
        .bind(org.0)
        .bind(person.0)
        .bind(evaluation.0)
        .bind(i64::from(days))
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let answer = if r.try_get::<Option<i64>, _>("answered_at")?.is_some() {
            Some(FollowUpAnswer {
                used_at_work: r.try_get::<Option<String>, _>("used_at_work")?.as_deref()
                    == Some("yes"),
                barriers: Barrier::from_stored(
                    &r.try_get::<Option<String>, _>("barriers")?
                        .unwrap_or_default(),
                ),
                other: r.try_get("barrier_other")?,
                effectiveness: Score::new(
                    r.try_get::<Option<i64>, _>("effectiveness")?.unwrap_or(0),
                )
                .map_err(|_| StoreError::Corrupt("effectiveness".into()))?,
                example: r
                    .try_get::<Option<String>, _>("example")?
                    .unwrap_or_default(),
            })
        } else {
            None
        };
        Ok(FollowUp {
            evaluation,
            days,
            activity: ActivityId(r.try_get("activity_id")?),
            title: Localised::new(r.try_get::<String, _>("title_en")?, r.try_get("title_cy")?),
            answer,
        })
    }

    /// The follow-ups sent to `person` that they have not answered, latest first.
    pub async fn follow_ups_waiting(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<FollowUp>> {
        let rows = sqlx::query(
            "SELECT f.evaluation_id, f.days, e.activity_id, a.title_en, a.title_cy \
             FROM evaluation_follow_ups f JOIN evaluations e ON e.id = f.evaluation_id \
             JOIN activities a ON a.id = e.activity_id \
             WHERE e.organisation_id = $1 AND e.person_id = $2 AND f.sent_at IS NOT NULL \
               AND f.answered_at IS NULL ORDER BY f.sent_at DESC, f.evaluation_id",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FollowUp {
                    evaluation: EvaluationId(r.try_get("evaluation_id")?),
                    days: u16::try_from(r.try_get::<i64, _>("days")?)
                        .map_err(|_| StoreError::Corrupt("days".into()))?,
                    activity: ActivityId(r.try_get("activity_id")?),
                    title: Localised::new(
                        r.try_get::<String, _>("title_en")?,
                        r.try_get("title_cy")?,
                    ),
                    answer: None,
                })
            })
            .collect()
    }

    /// Records (or changes) `person`'s answer to a follow-up sent to them.
    pub async fn answer_follow_up(
        &self,
        org: OrganisationId,
        person: PersonId,
        evaluation: EvaluationId,
        days: u16,
        answer: &FollowUpAnswer,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE evaluation_follow_ups SET used_at_work = $5, barriers = $6, \
                 barrier_other = $7, effectiveness = $8, example = $9, answered_at = $10 \
             WHERE evaluation_id = $3 AND days = $4 AND organisation_id = $1 \
               AND sent_at IS NOT NULL \
               AND evaluation_id IN (SELECT id FROM evaluations WHERE person_id = $2)",
        )
        .bind(org.0)
        .bind(person.0)
        .bind(evaluation.0)
        .bind(i64::from(days))
        .bind(if answer.used_at_work { "yes" } else { "no" })
        .bind(Barrier::to_stored(&answer.barriers))
        .bind(answer.other.clone())
        .bind(i64::from(answer.effectiveness.get()))
        .bind(answer.example.clone())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every feedback given in `org`, with its activity, facilitator, the giver's change in
    /// self-rating across it and their latest answered follow-up: what the report groups.
    pub async fn evaluation_facts(&self, org: OrganisationId) -> Result<Vec<EvaluationFact>> {
        let activities: HashMap<ActivityId, skillgym_domain::learning::Activity> = self
            .catalogue(org)
            .await?
            .into_iter()
            .map(|a| (a.id, a.activity))
            .collect();
        let rows = sqlx::query(
            "SELECT e.id, e.activity_id, e.person_id, e.done_on, e.usefulness, e.more_effective, \
                    e.objectives, e.facilitator_id, \
                    f.given_name || ' ' || f.family_name AS facilitator \
             FROM evaluations e LEFT JOIN people f ON f.id = e.facilitator_id \
             WHERE e.organisation_id = $1 ORDER BY e.id",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        // Each person's audits with names: (when submitted, competence code → rating).
        let mut audits: HashMap<i64, AuditsTaken> = HashMap::new();
        for r in sqlx::query(
            "SELECT r.person_id, r.id AS response_id, r.submitted_at, k.code, g.value \
             FROM responses r JOIN campaigns c ON c.id = r.campaign_id \
             JOIN ratings g ON g.response_id = r.id JOIN competences k ON k.id = g.competence_id \
             WHERE c.organisation_id = $1 AND c.anonymous = 0 AND r.submitted_at IS NOT NULL \
               AND r.person_id IN (SELECT person_id FROM evaluations WHERE organisation_id = $1)",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?
        {
            let value: i64 = r.try_get("value")?;
            audits
                .entry(r.try_get("person_id")?)
                .or_default()
                .entry((r.try_get("submitted_at")?, r.try_get("response_id")?))
                .or_default()
                .insert(r.try_get("code")?, u8::try_from(value).unwrap_or(0));
        }
        let mut quizzes: HashMap<i64, QuizzesTaken> = HashMap::new();
        for r in sqlx::query(
            "SELECT r.person_id, r.id AS response_id, r.submitted_at, k.code, \
                    COUNT(*) AS asked, CAST(SUM(q.correct) AS BIGINT) AS right_answers \
             FROM responses r JOIN campaigns c ON c.id = r.campaign_id \
             JOIN quiz_answers q ON q.response_id = r.id \
             JOIN quiz_items i ON i.id = q.item_id JOIN competences k ON k.id = i.competence_id \
             WHERE c.organisation_id = $1 AND c.anonymous = 0 AND r.submitted_at IS NOT NULL \
               AND r.person_id IN (SELECT person_id FROM evaluations WHERE organisation_id = $1) \
             GROUP BY r.person_id, r.id, r.submitted_at, k.code",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?
        {
            let count = |c: &str| -> Result<u32> {
                Ok(u32::try_from(r.try_get::<i64, _>(c)?).unwrap_or(0))
            };
            quizzes
                .entry(r.try_get("person_id")?)
                .or_default()
                .entry((r.try_get("submitted_at")?, r.try_get("response_id")?))
                .or_default()
                .insert(
                    r.try_get("code")?,
                    (count("right_answers")?, count("asked")?),
                );
        }
        // Each feedback's latest answered follow-up.
        let mut follow_ups: HashMap<i64, FollowedUp> = HashMap::new();
        for r in sqlx::query(
            "SELECT f.evaluation_id, f.used_at_work, f.barriers, f.effectiveness \
             FROM evaluation_follow_ups f WHERE f.organisation_id = $1 \
               AND f.answered_at IS NOT NULL ORDER BY f.evaluation_id, f.days",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?
        {
            follow_ups.insert(
                r.try_get("evaluation_id")?,
                FollowedUp {
                    used_at_work: r.try_get::<Option<String>, _>("used_at_work")?.as_deref()
                        == Some("yes"),
                    barriers: Barrier::from_stored(
                        &r.try_get::<Option<String>, _>("barriers")?
                            .unwrap_or_default(),
                    ),
                    effectiveness: Score::new(
                        r.try_get::<Option<i64>, _>("effectiveness")?.unwrap_or(0),
                    )
                    .map_err(|_| StoreError::Corrupt("effectiveness".into()))?,
                },
            );
        }
        let mut facts = Vec::new();
        for r in &rows {
            let activity = ActivityId(r.try_get("activity_id")?);
            let Some(a) = activities.get(&activity) else {
                continue;
            };
            let builds: Vec<String> = a.builds.iter().map(|b| b.competence.clone()).collect();
            let done_on = day(&r.try_get::<String, _>("done_on")?)?;
            let person: i64 = r.try_get("person_id")?;
            let learning = audits
                .get(&person)
                .and_then(|taken| around(taken, done_on))
                .and_then(|(before, after)| rating_change(before, after, &builds));
            let quiz = quizzes
                .get(&person)
                .and_then(|taken| around(taken, done_on))
                .and_then(|(before, after)| quiz_change(before, after, &builds));
            let facilitator = match r.try_get::<Option<i64>, _>("facilitator_id")? {
                Some(id) => Some((PersonId(id), r.try_get("facilitator")?)),
                None => None,
            };
            facts.push(EvaluationFact {
                activity,
                title: a.title.clone(),
                provider: a.provider.clone(),
                kind: a.kind,
                facilitator,
                builds,
                evaluated: Evaluated {
                    usefulness: score(r, "usefulness")?,
                    more_effective: score(r, "more_effective")?,
                    objectives: Objectives::parse(&r.try_get::<String, _>("objectives")?)
                        .map_err(|_| StoreError::Corrupt("objectives".into()))?,
                    learning,
                    quiz,
                    follow_up: follow_ups.remove(&r.try_get::<i64, _>("id")?),
                },
            });
        }
        Ok(facts)
    }

    /// The ratings of `org`'s last two audits that people answered (by the day they opened),
    /// per competence code, for the report's results level.
    pub async fn service_audits(&self, org: OrganisationId) -> Result<ServiceAudits> {
        let campaigns: Vec<i64> = sqlx::query_scalar(
            "SELECT c.id FROM campaigns c WHERE c.organisation_id = $1 \
               AND EXISTS (SELECT 1 FROM responses r WHERE r.campaign_id = c.id \
                   AND r.submitted_at IS NOT NULL) \
             ORDER BY c.opens_on DESC, c.id DESC LIMIT 2",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        let mut audits = ServiceAudits::default();
        let [later, earlier] = campaigns.as_slice() else {
            return Ok(audits);
        };
        for (campaign, totals, respondents) in [
            (
                *earlier,
                &mut audits.earlier,
                &mut audits.earlier_respondents,
            ),
            (*later, &mut audits.later, &mut audits.later_respondents),
        ] {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM responses WHERE campaign_id = $1 AND submitted_at IS NOT NULL",
            )
            .bind(campaign)
            .fetch_one(&self.pool)
            .await?;
            *respondents = u64::try_from(n).unwrap_or(0);
            for r in sqlx::query(
                "SELECT k.code, CAST(SUM(g.value) AS BIGINT) AS total, COUNT(*) AS n \
                 FROM ratings g JOIN responses r ON r.id = g.response_id \
                 JOIN competences k ON k.id = g.competence_id \
                 WHERE r.campaign_id = $1 AND r.submitted_at IS NOT NULL \
                   AND g.value BETWEEN 1 AND 5 GROUP BY k.code",
            )
            .bind(campaign)
            .fetch_all(&self.pool)
            .await?
            {
                totals.insert(
                    r.try_get("code")?,
                    RatingTotal {
                        sum: r.try_get::<i64, _>("total")? as f64,
                        count: u64::try_from(r.try_get::<i64, _>("n")?).unwrap_or(0),
                    },
                );
            }
        }
        Ok(audits)
    }
}

impl Store {
    /// The demo's evaluation: for four activities of the catalogue, feedback from eight people
    /// each (the first from a session the demo's trainer ran) on a day 100 days ago, and their
    /// answers to the 90-day follow-up, already sent, so that the report shows every level and
    /// the follow-up job has nothing to send. The demo sign-ins gave none.
    pub(crate) async fn seed_demo_evaluation(
        &self,
        org: OrganisationId,
        keep_free: &[PersonId],
    ) -> Result<()> {
        let mut people: Vec<PersonId> = self
            .person_ids(org)
            .await?
            .into_values()
            .filter(|p| !keep_free.contains(p))
            .collect();
        people.sort();
        let trainer: Option<i64> = sqlx::query_scalar(
            "SELECT p.id FROM people p JOIN accounts a ON a.person_id = p.id \
             JOIN account_roles r ON r.account_id = a.id \
             WHERE p.organisation_id = $1 AND r.role = 'trainer' ORDER BY p.id LIMIT 1",
        )
        .bind(org.0)
        .fetch_optional(&self.pool)
        .await?;
        let activities: Vec<ActivityId> = self
            .catalogue(org)
            .await?
            .into_iter()
            .filter(|a| !a.activity.builds.is_empty())
            .map(|a| a.id)
            .take(4)
            .collect();
        let done_on = format_date(crate::dates::today() - time::Duration::days(100));
        let at = now();
        let mut tx = self.begin_write().await?;
        for (i, activity) in activities.iter().enumerate() {
            for (j, person) in people.iter().skip(40 + i * 8).take(8).enumerate() {
                let k = i + j;
                let usefulness = 2 + (k % 4) as i64;
                let objectives = ["yes", "yes", "partly", "no"][k % 4];
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO evaluations (organisation_id, activity_id, person_id, \
                         facilitator_id, done_on, usefulness, facilitator_rating, objectives, \
                         takeaways, more_effective, submitted_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
                )
                .bind(org.0)
                .bind(activity.0)
                .bind(person.0)
                .bind(if i == 0 { trainer } else { None })
                .bind(&done_on)
                .bind(usefulness)
                .bind(if i == 0 {
                    Some(3 + (k % 3) as i64)
                } else {
                    None
                })
                .bind(objectives)
                .bind("Ask before helping\nShow, then let them try")
                .bind(1 + (k % 5) as i64)
                .bind(at)
                .fetch_one(&mut *tx)
                .await?;
                // Two of each eight have not answered their follow-up yet.
                let answered = j < 6;
                let used = k % 3 != 0;
                let barriers = if used {
                    ""
                } else {
                    ["time", "no-chance,confidence", "no-encouragement"][k % 3]
                };
                sqlx::query(
                    "INSERT INTO evaluation_follow_ups (evaluation_id, organisation_id, days, \
                         claimed_at, sent_at, used_at_work, barriers, effectiveness, example, \
                         answered_at) \
                     VALUES ($1, $2, 90, $3, $3, $4, $5, $6, $7, $8)",
                )
                .bind(id)
                .bind(org.0)
                .bind(at)
                .bind(answered.then_some(if used { "yes" } else { "no" }))
                .bind(answered.then_some(barriers))
                .bind(answered.then_some(1 + (k % 5) as i64))
                .bind(answered.then_some("Helped someone renew their bus pass online"))
                .bind(answered.then_some(at))
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
