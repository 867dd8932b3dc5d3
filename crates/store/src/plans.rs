//! Learning plans as stored: proposed (many at once, for a whole campaign), agreed, edited,
//! paused and resumed, ticked off step by step with the person's reflections, the notes of the
//! trainer or manager who met them, and finished.

use crate::audit_trail::insert_event;
use crate::dates::{date, optional_date};
use crate::email_claims::{ClaimTable, Key};
use crate::{Actor, AuditAction, NewAuditEvent, Result, Store, StoreError, now};
use skillgym_domain::audit::Localised;
use skillgym_domain::learning::ActivityKind;
use skillgym_domain::people::format_date;
use skillgym_domain::plans::{
    GoalReason, PlanStatus, Progress, Proposal, StepReason, WeeklyMinutes, week_of, weeks_paused,
};
use skillgym_domain::{
    ActivityId, CampaignId, CompetenceId, OrganisationId, PersonId, PlanId, SessionId,
};
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::HashMap;

/// A proposal ready to keep: for whom, from which campaign, from which Monday, and each goal's
/// competence (in the proposal's goal order).
#[derive(Debug, Clone)]
pub struct PlanDraft {
    pub person: PersonId,
    pub campaign: Option<CampaignId>,
    pub starts_on: time::Date,
    pub proposal: Proposal,
    pub competences: Vec<CompetenceId>,
}

/// A step a trainer or manager chose by hand, placed (see [`skillgym_domain::plans::chosen_step`]).
#[derive(Debug, Clone)]
pub struct NewPlanStep {
    /// The goal's position.
    pub goal: u32,
    pub activity: ActivityId,
    pub session: Option<SessionId>,
    pub first_week: u32,
    pub last_week: u32,
    pub minutes: u32,
    pub reason: StepReason,
}

/// A competence colleagues at someone's sites are working on in their plans, and how many.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnedAtSites {
    pub code: String,
    pub title: Localised,
    pub people: u32,
}

/// A plan as stored, with its goals, steps and notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: PlanId,
    pub person: PersonId,
    pub campaign: Option<CampaignId>,
    pub status: PlanStatus,
    pub starts_on: time::Date,
    pub weekly: WeeklyMinutes,
    pub proposed_at: i64,
    pub agreed_at: Option<i64>,
    /// Who agreed it, by name, while they are in the organisation.
    pub agreed_by: Option<String>,
    pub paused_on: Option<time::Date>,
    pub weeks_paused: u32,
    pub finished_at: Option<i64>,
    /// When the person rated the goals' competences again at the end.
    pub reassessed_at: Option<i64>,
    pub unhelped: Vec<String>,
    pub goals: Vec<PlanGoal>,
    pub steps: Vec<PlanStep>,
    pub notes: Vec<PlanNote>,
}

impl Plan {
    /// The last week of the plan (from 0), pauses included.
    pub fn last_week(&self) -> u32 {
        let planned = self.steps.iter().map(|s| s.last_week).max().unwrap_or(0);
        planned.max(skillgym_domain::plans::PLAN_WEEKS - 1 + self.weeks_paused)
    }

    /// How it is going on `today`.
    pub fn progress(&self, today: time::Date) -> Progress {
        let steps: Vec<(u32, bool)> = self
            .steps
            .iter()
            .map(|s| (s.last_week, s.done_at.is_some()))
            .collect();
        Progress::of(self.status, &steps, week_of(self.starts_on, today))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanGoal {
    pub position: u32,
    pub competence: CompetenceId,
    pub code: String,
    pub title: Localised,
    pub from: f64,
    pub level: u8,
    pub deadline_week: u32,
    pub reason: GoalReason,
    /// The person's own rating of the competence at the end of the plan, 1 to 5.
    pub end_rating: Option<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanStep {
    pub position: u32,
    /// The goal's position.
    pub goal: u32,
    pub activity: ActivityId,
    pub code: String,
    pub title: Localised,
    pub kind: ActivityKind,
    pub url: Option<String>,
    pub session: Option<SessionId>,
    pub first_week: u32,
    pub last_week: u32,
    pub minutes: u32,
    pub reason: StepReason,
    pub done_at: Option<i64>,
    pub reflection: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanNote {
    pub author: Option<String>,
    pub written_at: i64,
    pub body: String,
}

/// One line of the trainer's list: a plan, whose it is and how far along.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSummary {
    pub id: PlanId,
    pub person: PersonId,
    pub name: String,
    pub team: Option<i64>,
    pub status: PlanStatus,
    pub starts_on: time::Date,
    /// Each step's last week and whether it is done.
    pub steps: Vec<(u32, bool)>,
}

impl PlanSummary {
    pub fn progress(&self, today: time::Date) -> Progress {
        Progress::of(self.status, &self.steps, week_of(self.starts_on, today))
    }
}

/// This week of a person's plan, for their home page: its steps that run this week, and any
/// from earlier weeks not done yet.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanWeek {
    pub status: PlanStatus,
    pub starts_on: time::Date,
    /// The week of the plan, from 0 (negative before it starts).
    pub week: i64,
    pub steps: Vec<WeekStep>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeekStep {
    pub activity: ActivityId,
    pub title: Localised,
    pub done: bool,
    /// From an earlier week, not done.
    pub late: bool,
}

/// The credential a finished plan earned, as issued.
#[derive(Debug, Clone, PartialEq)]
pub struct IssuedCredential {
    /// Its random id, in its address.
    pub id: String,
    pub organisation: OrganisationId,
    pub plan: PlanId,
    pub person: PersonId,
    pub issued_at: i64,
    /// The signed credential (a compact JWS).
    pub token: String,
}

/// The job that sends each agreed plan's weekly check-in email.
pub const PLAN_CHECK_IN_JOB: crate::Job = crate::Job {
    name: "plan-check-ins",
    every: 60 * 60,
};

/// A claim on a check-in older than this, neither sent nor failed, was abandoned.
const CHECK_IN_CLAIM_STALE_SECS: i64 = 30 * 60;

const CHECK_INS: ClaimTable = ClaimTable {
    table: "plan_check_ins",
    keys: ["plan_id", "week"],
    stale_secs: CHECK_IN_CLAIM_STALE_SECS,
};

/// Someone whose plan is due its check-in this week.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckInDue {
    pub organisation: OrganisationId,
    pub plan: PlanId,
    pub week: u32,
    pub person: PersonId,
    pub email: String,
    pub given_name: String,
    pub language: String,
}

/// What can be changed on a plan, each kept in the audit trail as a `plan-changed` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanChange {
    Agreed,
    Paused,
    Resumed,
    Finished,
    Edited,
}

impl PlanChange {
    fn flag(self) -> &'static str {
        match self {
            PlanChange::Agreed => "plan-agreed",
            PlanChange::Paused => "plan-paused",
            PlanChange::Resumed => "plan-resumed",
            PlanChange::Finished => "plan-finished",
            PlanChange::Edited => "plan-edited",
        }
    }
}

/// What the plan engine needs to know of a person: their hours and where they work.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanningPerson {
    pub employment: skillgym_domain::Employment,
    pub contracted_hours: skillgym_domain::ContractedHours,
    pub job_family: skillgym_domain::JobFamily,
    pub sites: Vec<skillgym_domain::SiteId>,
}

/// The most rows one INSERT writes. The rows travel as one JSON document, a single argument,
/// which each database unpacks itself (`json_to_recordset`, `json_each`): binding thousands of
/// arguments one by one through sqlx cost far more than the inserts (see docs/plans.md).
const ROWS_PER_INSERT: usize = 5000;

/// `INSERT INTO table (columns) SELECT …` the rows of the JSON array `$1`, each row an array
/// of the columns' values in order, unpacked by the backend's own JSON functions; `columns`
/// pairs each column with its type for PostgreSQL.
pub(crate) fn insert_json_rows(
    backend: crate::Backend,
    table: &str,
    columns: &[(&str, &str)],
) -> String {
    let names: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
    let names = names.join(", ");
    match backend {
        crate::Backend::Postgres => {
            let picked: Vec<String> = columns
                .iter()
                .enumerate()
                .map(|(i, (_, t))| format!("(r->>{i})::{t}"))
                .collect();
            format!(
                "INSERT INTO {table} ({names}) SELECT {} FROM jsonb_array_elements($1::jsonb) r",
                picked.join(", ")
            )
        }
        crate::Backend::Sqlite => {
            let picked: Vec<String> = (0..columns.len())
                .map(|i| format!("value ->> {i}"))
                .collect();
            // `WHERE true` keeps SQLite from reading an ON CONFLICT that follows as a join's ON.
            format!(
                "INSERT INTO {table} ({names}) SELECT {} FROM json_each($1) WHERE true",
                picked.join(", ")
            )
        }
    }
}

/// Rows as the JSON text [`insert_json_rows`] reads: an array of arrays.
fn json_rows<T: serde::Serialize>(rows: &[T]) -> String {
    serde_json::to_string(rows).expect("plain rows serialise")
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serialises")
}

fn from_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

impl Store {
    /// Keeps `drafts` as proposed plans, in one transaction with one event in the audit trail,
    /// skipping anyone who has a plan that is not finished (also when another instance makes
    /// one at the same moment). Returns the people given one.
    pub async fn save_proposals(
        &self,
        org: OrganisationId,
        drafts: &[PlanDraft],
        actor: Actor,
    ) -> Result<Vec<PersonId>> {
        let mut tx = self.begin_write().await?;
        let at = now();
        let mut made: HashMap<i64, i64> = HashMap::new();
        let sql = format!(
            "{} ON CONFLICT DO NOTHING RETURNING id, person_id",
            insert_json_rows(
                self.backend,
                "plans",
                &[
                    ("organisation_id", "BIGINT"),
                    ("person_id", "BIGINT"),
                    ("campaign_id", "BIGINT"),
                    ("status", "TEXT"),
                    ("starts_on", "TEXT"),
                    ("weekly_minutes", "BIGINT"),
                    ("proposed_at", "BIGINT"),
                    ("unhelped", "TEXT"),
                ],
            )
        );
        for chunk in drafts.chunks(ROWS_PER_INSERT) {
            let rows: Vec<_> = chunk
                .iter()
                .map(|d| {
                    (
                        org.0,
                        d.person.0,
                        d.campaign.map(|c| c.0),
                        PlanStatus::Proposed.as_str(),
                        format_date(d.starts_on),
                        d.proposal.weekly.get(),
                        at,
                        d.proposal.unhelped.join(" "),
                    )
                })
                .collect();
            for r in sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
                .bind(json_rows(&rows))
                .fetch_all(&mut *tx)
                .await?
            {
                made.insert(r.try_get("person_id")?, r.try_get("id")?);
            }
        }
        let kept: Vec<(i64, &PlanDraft)> = drafts
            .iter()
            .filter_map(|d| made.get(&d.person.0).map(|id| (*id, d)))
            .collect();
        insert_contents(&mut tx, self.backend, &kept).await?;
        let event = NewAuditEvent::new(actor, AuditAction::PlansProposed, None)
            .with("people", kept.len() as i64);
        let event = match drafts.first().and_then(|d| d.campaign) {
            Some(c) if drafts.iter().all(|d| d.campaign == Some(c)) => event.with("campaign", c.0),
            _ => event,
        };
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(kept.iter().map(|(_, d)| d.person).collect())
    }

    /// Replaces a proposed plan's goals and steps with a new proposal (after its weekly
    /// minutes changed, say). `NotFound` unless it is `org`'s and still only proposed.
    pub async fn replace_proposal(
        &self,
        org: OrganisationId,
        plan: PlanId,
        draft: &PlanDraft,
        actor: Actor,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE plans SET weekly_minutes = $3, starts_on = $4, unhelped = $5, \
                 campaign_id = $6, proposed_at = $7 \
             WHERE id = $1 AND organisation_id = $2 AND status = 'proposed'",
        )
        .bind(plan.0)
        .bind(org.0)
        .bind(i64::from(draft.proposal.weekly.get()))
        .bind(format_date(draft.starts_on))
        .bind(draft.proposal.unhelped.join(" "))
        .bind(draft.campaign.map(|c| c.0))
        .bind(now())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        for table in ["plan_goals", "plan_steps"] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE plan_id = $1"
            )))
            .bind(plan.0)
            .execute(&mut *tx)
            .await?;
        }
        insert_contents(&mut tx, self.backend, &[(plan.0, draft)]).await?;
        let event = NewAuditEvent::new(actor, AuditAction::PlanChanged, Some(draft.person))
            .with_flag(PlanChange::Edited.flag());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// `person`'s plan that is not finished, if any.
    pub async fn current_plan(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Option<Plan>> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM plans WHERE organisation_id = $1 AND person_id = $2 \
             AND finished_at IS NULL",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        match id {
            Some(id) => Ok(Some(self.plan(org, PlanId(id)).await?)),
            None => Ok(None),
        }
    }

    /// Keeps the credential a finished plan earned. Only one per plan: `Taken` for a second;
    /// `NotFound` unless the plan is the organisation's, the person's and finished.
    pub async fn keep_credential(&self, credential: &IssuedCredential) -> Result<()> {
        let kept = sqlx::query(
            "INSERT INTO plan_credentials (id, organisation_id, plan_id, person_id, issued_at, \
                 token) \
             SELECT $1, $2, $3, $4, $5, $6 FROM plans \
             WHERE id = $3 AND organisation_id = $2 AND person_id = $4 AND status = 'finished'",
        )
        .bind(&credential.id)
        .bind(credential.organisation.0)
        .bind(credential.plan.0)
        .bind(credential.person.0)
        .bind(credential.issued_at)
        .bind(&credential.token)
        .execute(&self.pool)
        .await
        .map_err(|e| crate::error::taken_or(e, "credential"))?
        .rows_affected();
        if kept == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// A credential by its id, whichever organisation issued it: its address is public, for
    /// anyone its holder shows it to.
    pub async fn credential(&self, id: &str) -> Result<Option<IssuedCredential>> {
        let row = sqlx::query(
            "SELECT id, organisation_id, plan_id, person_id, issued_at, token \
             FROM plan_credentials WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| credential_from(&r)).transpose()
    }

    /// The credential `plan` earned, if any.
    pub async fn credential_of_plan(
        &self,
        org: OrganisationId,
        plan: PlanId,
    ) -> Result<Option<IssuedCredential>> {
        let row = sqlx::query(
            "SELECT id, organisation_id, plan_id, person_id, issued_at, token \
             FROM plan_credentials WHERE organisation_id = $1 AND plan_id = $2",
        )
        .bind(org.0)
        .bind(plan.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| credential_from(&r)).transpose()
    }

    /// The agreed plans, of every organisation, whose week on `today` (within the plan) has not
    /// had its check-in sent or recently claimed, with whom to send it to.
    pub async fn check_ins_due(&self, today: time::Date) -> Result<Vec<CheckInDue>> {
        let stale = now() - CHECK_IN_CLAIM_STALE_SECS;
        let mut done: std::collections::HashSet<(i64, i64)> = std::collections::HashSet::new();
        for r in sqlx::query(
            "SELECT c.plan_id, c.week FROM plan_check_ins c JOIN plans p ON p.id = c.plan_id \
             WHERE p.status = 'agreed' AND (c.sent_at IS NOT NULL OR c.claimed_at > $1)",
        )
        .bind(stale)
        .fetch_all(&self.pool)
        .await?
        {
            done.insert((r.try_get("plan_id")?, r.try_get("week")?));
        }
        let rows = sqlx::query(
            "SELECT p.id, p.organisation_id, p.person_id, p.starts_on, p.weeks_paused, e.email, \
                 e.given_name, \
                 COALESCE(a.language, o.main_language) AS language, \
                 (SELECT MAX(s.last_week) FROM plan_steps s WHERE s.plan_id = p.id) AS last_week \
             FROM plans p JOIN people e ON e.id = p.person_id \
             JOIN organisations o ON o.id = p.organisation_id \
             LEFT JOIN accounts a ON a.person_id = e.id \
             WHERE p.status = 'agreed' AND e.email IS NOT NULL AND e.access_ended_at IS NULL \
             ORDER BY p.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut due = Vec::new();
        for r in &rows {
            let plan: i64 = r.try_get("id")?;
            let week = week_of(date(r, "starts_on")?, today);
            let paused: i64 = r.try_get("weeks_paused")?;
            let last = r
                .try_get::<Option<i64>, _>("last_week")?
                .unwrap_or(0)
                .max(i64::from(skillgym_domain::plans::PLAN_WEEKS) - 1 + paused);
            if !(0..=last).contains(&week) || done.contains(&(plan, week)) {
                continue;
            }
            due.push(CheckInDue {
                organisation: OrganisationId(r.try_get("organisation_id")?),
                plan: PlanId(plan),
                week: count(week)?,
                person: PersonId(r.try_get("person_id")?),
                email: r.try_get("email")?,
                given_name: r.try_get("given_name")?,
                language: r.try_get("language")?,
            });
        }
        Ok(due)
    }

    /// Claims week `week`'s check-in of `plan` for this sender: `false` when another has it
    /// (sent, or claimed recently), so that it goes once however many instances run.
    pub async fn claim_check_in(&self, plan: PlanId, week: u32) -> Result<bool> {
        CHECK_INS
            .claim(
                &self.pool,
                [Key::Int(plan.0), Key::Int(i64::from(week))],
                None,
            )
            .await
    }

    /// Records how a claimed check-in went: sent, or failed with the reason.
    pub async fn finish_check_in(
        &self,
        plan: PlanId,
        week: u32,
        outcome: std::result::Result<(), &str>,
    ) -> Result<()> {
        CHECK_INS
            .finish(
                &self.pool,
                [Key::Int(plan.0), Key::Int(i64::from(week))],
                outcome,
            )
            .await
    }

    /// This week of `person`'s plan that is not finished, if they have one: one query, read on
    /// the calling thread on a SQLite file, as the home page shows it.
    pub async fn plan_week(
        &self,
        org: OrganisationId,
        person: PersonId,
        today: time::Date,
    ) -> Result<Option<PlanWeek>> {
        let sql = "SELECT p.status, p.starts_on, s.position, s.activity_id, s.first_week, \
                 s.last_week, s.done_at, a.title_en, a.title_cy \
             FROM plans p LEFT JOIN plan_steps s ON s.plan_id = p.id \
             LEFT JOIN activities a ON a.id = s.activity_id \
             WHERE p.organisation_id = $1 AND p.person_id = $2 AND p.finished_at IS NULL \
             ORDER BY s.position";
        let rows: Vec<WeekRow> = match &self.inline {
            Some(inline) => inline.read(|conn| {
                let args: [&dyn rusqlite::ToSql; 2] = [&org.0, &person.0];
                crate::inline::rows(conn, sql, &args, |r| week_row(r))
            })?,
            None => sqlx::query(sql)
                .bind(org.0)
                .bind(person.0)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(week_row)
                .collect::<Result<_>>()?,
        };
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let week = week_of(first.starts_on, today);
        let steps = rows
            .iter()
            .filter_map(|r| r.step.clone())
            .filter_map(|(first_week, last_week, step)| {
                let now = (i64::from(first_week)..=i64::from(last_week)).contains(&week);
                let late = i64::from(last_week) < week && !step.done;
                (now || late).then_some(WeekStep { late, ..step })
            })
            .collect();
        Ok(Some(PlanWeek {
            status: first.status,
            starts_on: first.starts_on,
            week,
            steps,
        }))
    }

    /// `person`'s plans, the newest first: the current one and those finished.
    pub async fn plans_of(&self, org: OrganisationId, person: PersonId) -> Result<Vec<PlanId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM plans WHERE organisation_id = $1 AND person_id = $2 \
             ORDER BY proposed_at DESC, id DESC",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().map(PlanId).collect())
    }

    /// One of `org`'s plans, whole.
    pub async fn plan(&self, org: OrganisationId, id: PlanId) -> Result<Plan> {
        let r = sqlx::query(
            "SELECT p.id, p.person_id, p.campaign_id, p.status, p.starts_on, p.weekly_minutes, \
                 p.proposed_at, p.agreed_at, a.given_name || ' ' || a.family_name AS agreed_by, \
                 p.paused_on, p.weeks_paused, p.finished_at, p.reassessed_at, p.unhelped \
             FROM plans p LEFT JOIN people a ON a.id = p.agreed_by \
             WHERE p.id = $1 AND p.organisation_id = $2",
        )
        .bind(id.0)
        .bind(org.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let status: String = r.try_get("status")?;
        let weekly: i64 = r.try_get("weekly_minutes")?;
        let unhelped: String = r.try_get("unhelped")?;
        let goals = sqlx::query(
            "SELECT g.position, g.competence_id, c.code, c.title_en, c.title_cy, g.from_level, \
                 g.level, g.deadline_week, g.reason, g.end_rating \
             FROM plan_goals g JOIN competences c ON c.id = g.competence_id \
             WHERE g.plan_id = $1 ORDER BY g.position",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(goal_from)
        .collect::<Result<Vec<_>>>()?;
        let steps = sqlx::query(
            "SELECT s.position, s.goal, s.activity_id, a.code, a.title_en, a.title_cy, a.kind, \
                 a.url, s.session_id, s.first_week, s.last_week, s.minutes, s.reason, \
                 s.done_at, s.reflection \
             FROM plan_steps s JOIN activities a ON a.id = s.activity_id \
             WHERE s.plan_id = $1 ORDER BY s.position",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(step_from)
        .collect::<Result<Vec<_>>>()?;
        let notes = sqlx::query(
            "SELECT a.given_name || ' ' || a.family_name AS author, n.written_at, n.body \
             FROM plan_notes n LEFT JOIN people a ON a.id = n.author_id \
             WHERE n.plan_id = $1 ORDER BY n.written_at, n.id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(PlanNote {
                author: r.try_get("author")?,
                written_at: r.try_get("written_at")?,
                body: r.try_get("body")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        Ok(Plan {
            id,
            person: PersonId(r.try_get("person_id")?),
            campaign: r.try_get::<Option<i64>, _>("campaign_id")?.map(CampaignId),
            status: PlanStatus::parse(&status)
                .ok_or_else(|| StoreError::Corrupt(format!("plan status {status}")))?,
            starts_on: date(&r, "starts_on")?,
            weekly: u32::try_from(weekly)
                .ok()
                .and_then(WeeklyMinutes::new)
                .ok_or_else(|| StoreError::Corrupt("plan weekly minutes".into()))?,
            proposed_at: r.try_get("proposed_at")?,
            agreed_at: r.try_get("agreed_at")?,
            agreed_by: r.try_get("agreed_by")?,
            paused_on: optional_date(&r, "paused_on")?,
            weeks_paused: count(r.try_get("weeks_paused")?)?,
            finished_at: r.try_get("finished_at")?,
            reassessed_at: r.try_get("reassessed_at")?,
            unhelped: unhelped.split_whitespace().map(String::from).collect(),
            goals,
            steps,
            notes,
        })
    }

    /// `org`'s plans that are not finished, and those finished since `finished_since`, for the
    /// trainer's list, by name.
    pub async fn plan_summaries(
        &self,
        org: OrganisationId,
        finished_since: i64,
    ) -> Result<Vec<PlanSummary>> {
        let rows = sqlx::query(
            "SELECT p.id, p.person_id, e.given_name || ' ' || e.family_name AS name, e.team_id, \
                 p.status, p.starts_on \
             FROM plans p JOIN people e ON e.id = p.person_id \
             WHERE p.organisation_id = $1 AND (p.finished_at IS NULL OR p.finished_at >= $2) \
             ORDER BY e.family_name, e.given_name, p.id",
        )
        .bind(org.0)
        .bind(finished_since)
        .fetch_all(&self.pool)
        .await?;
        let mut steps: HashMap<i64, Vec<(u32, bool)>> = HashMap::new();
        for r in sqlx::query(
            "SELECT s.plan_id, s.last_week, s.done_at FROM plan_steps s \
             JOIN plans p ON p.id = s.plan_id \
             WHERE p.organisation_id = $1 AND (p.finished_at IS NULL OR p.finished_at >= $2) \
             ORDER BY s.plan_id, s.position",
        )
        .bind(org.0)
        .bind(finished_since)
        .fetch_all(&self.pool)
        .await?
        {
            steps.entry(r.try_get("plan_id")?).or_default().push((
                count(r.try_get("last_week")?)?,
                r.try_get::<Option<i64>, _>("done_at")?.is_some(),
            ));
        }
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                let status: String = r.try_get("status")?;
                Ok(PlanSummary {
                    id: PlanId(id),
                    person: PersonId(r.try_get("person_id")?),
                    name: r.try_get("name")?,
                    team: r.try_get("team_id")?,
                    status: PlanStatus::parse(&status)
                        .ok_or_else(|| StoreError::Corrupt(format!("plan status {status}")))?,
                    starts_on: date(r, "starts_on")?,
                    steps: steps.remove(&id).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Everyone in `org` still working there (not left, access not ended), with what the plan
    /// engine needs: two queries whatever the size of the organisation.
    pub async fn planning_people(
        &self,
        org: OrganisationId,
    ) -> Result<HashMap<PersonId, PlanningPerson>> {
        use skillgym_domain::{ContractedHours, Employment, JobFamily, SiteId};
        let mut out = HashMap::new();
        for r in sqlx::query(
            "SELECT id, employment, contracted_hours, job_family FROM people \
             WHERE organisation_id = $1 AND access_ended_at IS NULL",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?
        {
            let employment: String = r.try_get("employment")?;
            let family: String = r.try_get("job_family")?;
            let hours: f64 = r.try_get("contracted_hours")?;
            out.insert(
                PersonId(r.try_get("id")?),
                PlanningPerson {
                    employment: Employment::parse(&employment).map_err(crate::people::corrupt)?,
                    contracted_hours: ContractedHours::from_hours(hours)
                        .map_err(crate::people::corrupt)?,
                    job_family: JobFamily::parse(&family).map_err(crate::people::corrupt)?,
                    sites: Vec::new(),
                },
            );
        }
        for r in sqlx::query(
            "SELECT s.person_id, s.site_id FROM person_sites s \
             JOIN people p ON p.id = s.person_id WHERE p.organisation_id = $1 \
             ORDER BY s.person_id, s.site_id",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?
        {
            if let Some(p) = out.get_mut(&PersonId(r.try_get("person_id")?)) {
                p.sites.push(SiteId(r.try_get("site_id")?));
            }
        }
        Ok(out)
    }

    /// Who in `org` has a plan that is not finished.
    pub async fn people_with_plans(&self, org: OrganisationId) -> Result<Vec<PersonId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT person_id FROM plans WHERE organisation_id = $1 AND finished_at IS NULL",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().map(PersonId).collect())
    }

    /// Agrees, pauses, resumes or finishes a plan on `day`, with the event in the audit trail.
    /// `NotFound` unless the plan is `org`'s and the change fits where it is: agreeing a
    /// proposed one, pausing an agreed one, resuming a paused one (which moves the steps left
    /// in the person's own time, and the deadlines, on by the whole weeks it was paused),
    /// finishing an agreed one.
    pub async fn change_plan(
        &self,
        org: OrganisationId,
        plan: PlanId,
        change: PlanChange,
        by: PersonId,
        day: time::Date,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "SELECT person_id, status, paused_on FROM plans \
             WHERE id = $1 AND organisation_id = $2",
        )
        .bind(plan.0)
        .bind(org.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let person = PersonId(row.try_get("person_id")?);
        let status: String = row.try_get("status")?;
        let from = PlanStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("plan status {status}")))?;
        let update = |sql: &'static str| sqlx::query(sql).bind(plan.0).bind(from.as_str());
        let changed = match (change, from) {
            (PlanChange::Agreed, PlanStatus::Proposed) => update(
                "UPDATE plans SET status = 'agreed', agreed_at = $3, agreed_by = $4 \
                 WHERE id = $1 AND status = $2",
            )
            .bind(now())
            .bind(by.0),
            (PlanChange::Paused, PlanStatus::Agreed) => update(
                "UPDATE plans SET status = 'paused', paused_on = $3 WHERE id = $1 AND status = $2",
            )
            .bind(format_date(day)),
            (PlanChange::Resumed, PlanStatus::Paused) => {
                let paused_on = optional_date(&row, "paused_on")?
                    .ok_or_else(|| StoreError::Corrupt("paused plan without a date".into()))?;
                move_on(&mut tx, plan, paused_on, weeks_paused(paused_on, day)).await?;
                update(
                    "UPDATE plans SET status = 'agreed', paused_on = NULL \
                     WHERE id = $1 AND status = $2",
                )
            }
            (PlanChange::Finished, PlanStatus::Agreed) => update(
                "UPDATE plans SET status = 'finished', finished_at = $3 \
                 WHERE id = $1 AND status = $2",
            )
            .bind(now()),
            _ => return Err(StoreError::NotFound),
        }
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        let event = NewAuditEvent::new(Actor::Person(by), AuditAction::PlanChanged, Some(person))
            .with_flag(change.flag());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ticks step `position` of `person`'s plan done (with the reflection they wrote, if any),
    /// or not done. `NotFound` unless the plan is theirs and agreed.
    pub async fn tick_step(
        &self,
        org: OrganisationId,
        plan: PlanId,
        person: PersonId,
        position: u32,
        done: bool,
        reflection: Option<&str>,
    ) -> Result<()> {
        let changed = sqlx::query(
            "UPDATE plan_steps SET done_at = $4, reflection = $5 \
             WHERE plan_id = $1 AND position = $3 AND plan_id IN (SELECT id FROM plans \
                 WHERE id = $1 AND organisation_id = $2 AND person_id = $6 \
                 AND status = 'agreed')",
        )
        .bind(plan.0)
        .bind(org.0)
        .bind(i64::from(position))
        .bind(done.then(now))
        .bind(reflection.filter(|r| !r.trim().is_empty()))
        .bind(person.0)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// The person's own ratings (1 to 5) of their plan's goals at its end, by goal position,
    /// replacing any they gave before. `NotFound` unless the plan is theirs and agreed or
    /// finished, and every goal is rated.
    pub async fn reassess(
        &self,
        org: OrganisationId,
        plan: PlanId,
        person: PersonId,
        ratings: &[(u32, u8)],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let goals: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM plan_goals g JOIN plans p ON p.id = g.plan_id \
             WHERE p.id = $1 AND p.organisation_id = $2 AND p.person_id = $3 \
               AND p.status IN ('agreed', 'finished')",
        )
        .bind(plan.0)
        .bind(org.0)
        .bind(person.0)
        .fetch_one(&mut *tx)
        .await?;
        if goals == 0 || goals as usize != ratings.len() {
            return Err(StoreError::NotFound);
        }
        for (position, rating) in ratings {
            let done = sqlx::query(
                "UPDATE plan_goals SET end_rating = $3 WHERE plan_id = $1 AND position = $2",
            )
            .bind(plan.0)
            .bind(i64::from(*position))
            .bind(i64::from(*rating))
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done != 1 {
                return Err(StoreError::NotFound);
            }
        }
        sqlx::query("UPDATE plans SET reassessed_at = $2 WHERE id = $1")
            .bind(plan.0)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes step `position` out of a plan that is not finished. `NotFound` unless it is
    /// `org`'s.
    pub async fn remove_step(
        &self,
        org: OrganisationId,
        plan: PlanId,
        position: u32,
        by: PersonId,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let person: Option<i64> = sqlx::query_scalar(
            "SELECT person_id FROM plans WHERE id = $1 AND organisation_id = $2 \
             AND finished_at IS NULL",
        )
        .bind(plan.0)
        .bind(org.0)
        .fetch_optional(&mut *tx)
        .await?;
        let person = person.ok_or(StoreError::NotFound)?;
        let gone = sqlx::query("DELETE FROM plan_steps WHERE plan_id = $1 AND position = $2")
            .bind(plan.0)
            .bind(i64::from(position))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone == 0 {
            return Err(StoreError::NotFound);
        }
        let event = NewAuditEvent::new(
            Actor::Person(by),
            AuditAction::PlanChanged,
            Some(PersonId(person)),
        )
        .with_flag(PlanChange::Edited.flag());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a step chosen by hand to goal `goal` of an unfinished plan, after its other steps.
    /// `NotFound` unless the plan is `org`'s, unfinished, and has the goal.
    pub async fn add_step(
        &self,
        org: OrganisationId,
        plan: PlanId,
        step: &NewPlanStep,
        by: PersonId,
    ) -> Result<u32> {
        let mut tx = self.begin_write().await?;
        let person: Option<i64> = sqlx::query_scalar(
            "SELECT p.person_id FROM plans p JOIN plan_goals g ON g.plan_id = p.id \
             WHERE p.id = $1 AND p.organisation_id = $2 AND p.finished_at IS NULL \
             AND g.position = $3",
        )
        .bind(plan.0)
        .bind(org.0)
        .bind(i64::from(step.goal))
        .fetch_optional(&mut *tx)
        .await?;
        let person = person.ok_or(StoreError::NotFound)?;
        let position: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(position) + 1, 0) FROM plan_steps WHERE plan_id = $1",
        )
        .bind(plan.0)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO plan_steps (plan_id, position, goal, activity_id, session_id, \
             first_week, last_week, minutes, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(plan.0)
        .bind(position)
        .bind(i64::from(step.goal))
        .bind(step.activity.0)
        .bind(step.session.map(|s| s.0))
        .bind(i64::from(step.first_week))
        .bind(i64::from(step.last_week))
        .bind(i64::from(step.minutes))
        .bind(json(&step.reason))
        .execute(&mut *tx)
        .await?;
        let event = NewAuditEvent::new(
            Actor::Person(by),
            AuditAction::PlanChanged,
            Some(PersonId(person)),
        )
        .with_flag(PlanChange::Edited.flag());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        u32::try_from(position).map_err(|_| StoreError::Corrupt("a step's position".into()))
    }

    /// What colleagues at `person`'s sites are learning: each competence that is a goal of a
    /// plan not finished of someone (not `person`, not a leaver on `today`) who works at one of
    /// them, with how many people have it, most first. Counts only: pages show those of at
    /// least the anonymity threshold.
    pub async fn learning_at_sites_of(
        &self,
        org: OrganisationId,
        person: PersonId,
        today: time::Date,
    ) -> Result<Vec<LearnedAtSites>> {
        let rows = sqlx::query(
            "SELECT c.code, c.title_en, c.title_cy, COUNT(DISTINCT p.person_id) AS people \
             FROM plan_goals g JOIN plans p ON p.id = g.plan_id \
             JOIN competences c ON c.id = g.competence_id \
             JOIN people pe ON pe.id = p.person_id \
             WHERE p.organisation_id = $1 AND p.finished_at IS NULL AND p.person_id <> $2 \
               AND (pe.left_on IS NULL OR pe.left_on > $3) \
               AND p.person_id IN (SELECT ps.person_id FROM person_sites ps \
                   WHERE ps.site_id IN (SELECT site_id FROM person_sites WHERE person_id = $2)) \
             GROUP BY c.code, c.title_en, c.title_cy \
             ORDER BY people DESC, c.code",
        )
        .bind(org.0)
        .bind(person.0)
        .bind(format_date(today))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(LearnedAtSites {
                    code: r.try_get("code")?,
                    title: Localised::new(
                        r.try_get::<String, _>("title_en")?,
                        r.try_get("title_cy")?,
                    ),
                    people: u32::try_from(r.try_get::<i64, _>("people")?).unwrap_or(0),
                })
            })
            .collect()
    }

    /// Keeps a note of a meeting about the plan. `NotFound` unless it is `org`'s.
    pub async fn add_plan_note(
        &self,
        org: OrganisationId,
        plan: PlanId,
        author: PersonId,
        body: &str,
    ) -> Result<()> {
        let done = sqlx::query(
            "INSERT INTO plan_notes (plan_id, author_id, written_at, body) \
             SELECT id, $3, $4, $5 FROM plans WHERE id = $1 AND organisation_id = $2",
        )
        .bind(plan.0)
        .bind(org.0)
        .bind(author.0)
        .bind(now())
        .bind(body)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}

/// Moves what was still to do when the plan was paused on `paused_on` (steps in the person's
/// own time, and deadlines, from that week on) on by `weeks`. A step tied to a session's date
/// cannot move.
async fn move_on(
    tx: &mut sqlx::AnyConnection,
    plan: PlanId,
    paused_on: time::Date,
    weeks: u32,
) -> Result<()> {
    let row = sqlx::query("SELECT starts_on FROM plans WHERE id = $1")
        .bind(plan.0)
        .fetch_one(&mut *tx)
        .await?;
    let this_week = week_of(date(&row, "starts_on")?, paused_on);
    let weeks = i64::from(weeks);
    sqlx::query(
        "UPDATE plan_steps SET first_week = first_week + $2, last_week = last_week + $2 \
         WHERE plan_id = $1 AND done_at IS NULL AND session_id IS NULL AND last_week >= $3",
    )
    .bind(plan.0)
    .bind(weeks)
    .bind(this_week)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE plan_goals SET deadline_week = deadline_week + $2 \
         WHERE plan_id = $1 AND deadline_week >= $3",
    )
    .bind(plan.0)
    .bind(weeks)
    .bind(this_week)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE plans SET weeks_paused = weeks_paused + $2 WHERE id = $1")
        .bind(plan.0)
        .bind(weeks)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Writes the goals and steps of each (plan id, draft), thousands of rows to a statement.
async fn insert_contents(
    tx: &mut sqlx::AnyConnection,
    backend: crate::Backend,
    plans: &[(i64, &PlanDraft)],
) -> Result<()> {
    let mut goals = Vec::new();
    let mut steps = Vec::new();
    for (id, d) in plans {
        for (g, goal) in d.proposal.goals.iter().enumerate() {
            let competence = d
                .competences
                .get(g)
                .ok_or_else(|| StoreError::Corrupt("a goal without its competence".into()))?;
            goals.push((
                *id,
                g,
                competence.0,
                goal.from,
                goal.level,
                goal.deadline_week,
                json(&goal.reason),
            ));
        }
        for (s, step) in d.proposal.steps.iter().enumerate() {
            steps.push((
                *id,
                s,
                step.goal,
                step.activity.0,
                step.session.map(|s| s.0),
                step.first_week,
                step.last_week,
                step.minutes,
                json(&step.reason),
            ));
        }
    }
    let goal_sql = insert_json_rows(
        backend,
        "plan_goals",
        &[
            ("plan_id", "BIGINT"),
            ("position", "BIGINT"),
            ("competence_id", "BIGINT"),
            ("from_level", "DOUBLE PRECISION"),
            ("level", "BIGINT"),
            ("deadline_week", "BIGINT"),
            ("reason", "TEXT"),
        ],
    );
    let step_sql = insert_json_rows(
        backend,
        "plan_steps",
        &[
            ("plan_id", "BIGINT"),
            ("position", "BIGINT"),
            ("goal", "BIGINT"),
            ("activity_id", "BIGINT"),
            ("session_id", "BIGINT"),
            ("first_week", "BIGINT"),
            ("last_week", "BIGINT"),
            ("minutes", "BIGINT"),
            ("reason", "TEXT"),
        ],
    );
    for chunk in goals.chunks(ROWS_PER_INSERT) {
        sqlx::query(sqlx::AssertSqlSafe(goal_sql.clone()))
            .bind(json_rows(chunk))
            .execute(&mut *tx)
            .await?;
    }
    for chunk in steps.chunks(ROWS_PER_INSERT) {
        sqlx::query(sqlx::AssertSqlSafe(step_sql.clone()))
            .bind(json_rows(chunk))
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

fn credential_from(r: &AnyRow) -> Result<IssuedCredential> {
    Ok(IssuedCredential {
        id: r.try_get("id")?,
        organisation: OrganisationId(r.try_get("organisation_id")?),
        plan: PlanId(r.try_get("plan_id")?),
        person: PersonId(r.try_get("person_id")?),
        issued_at: r.try_get("issued_at")?,
        token: r.try_get("token")?,
    })
}

/// A plan with one of its steps (none for a plan without steps), as `plan_week` reads it.
struct WeekRow {
    status: PlanStatus,
    starts_on: time::Date,
    step: Option<(u32, u32, WeekStep)>,
}

fn week_row(r: &(impl crate::Fields + ?Sized)) -> Result<WeekRow> {
    let status: String = r.field("status")?;
    let step = match r.field::<Option<i64>>("activity_id")? {
        None => None,
        Some(activity) => Some((
            count(r.field("first_week")?)?,
            count(r.field("last_week")?)?,
            WeekStep {
                activity: ActivityId(activity),
                title: Localised::new(r.field::<String>("title_en")?, r.field("title_cy")?),
                done: r.field::<Option<i64>>("done_at")?.is_some(),
                late: false,
            },
        )),
    };
    Ok(WeekRow {
        status: PlanStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("plan status {status}")))?,
        starts_on: date(r, "starts_on")?,
        step,
    })
}

fn count(n: i64) -> Result<u32> {
    u32::try_from(n).map_err(|_| StoreError::Corrupt(format!("plan count {n}")))
}

fn goal_from(r: &AnyRow) -> Result<PlanGoal> {
    let level: i64 = r.try_get("level")?;
    Ok(PlanGoal {
        position: count(r.try_get("position")?)?,
        competence: CompetenceId(r.try_get("competence_id")?),
        code: r.try_get("code")?,
        title: Localised::new(
            r.try_get::<String, _>("title_en")?,
            r.try_get::<Option<String>, _>("title_cy")?,
        ),
        from: r.try_get("from_level")?,
        level: u8::try_from(level).map_err(|_| StoreError::Corrupt("goal level".into()))?,
        deadline_week: count(r.try_get("deadline_week")?)?,
        reason: from_json(&r.try_get::<String, _>("reason")?, "goal reason")?,
        end_rating: r
            .try_get::<Option<i64>, _>("end_rating")?
            .map(|n| u8::try_from(n).map_err(|_| StoreError::Corrupt("end rating".into())))
            .transpose()?,
    })
}

fn step_from(r: &AnyRow) -> Result<PlanStep> {
    let kind: String = r.try_get("kind")?;
    Ok(PlanStep {
        position: count(r.try_get("position")?)?,
        goal: count(r.try_get("goal")?)?,
        activity: ActivityId(r.try_get("activity_id")?),
        code: r.try_get("code")?,
        title: Localised::new(
            r.try_get::<String, _>("title_en")?,
            r.try_get::<Option<String>, _>("title_cy")?,
        ),
        kind: ActivityKind::parse(&kind).map_err(crate::people::corrupt)?,
        url: r.try_get("url")?,
        session: r.try_get::<Option<i64>, _>("session_id")?.map(SessionId),
        first_week: count(r.try_get("first_week")?)?,
        last_week: count(r.try_get("last_week")?)?,
        minutes: count(r.try_get("minutes")?)?,
        reason: from_json(&r.try_get::<String, _>("reason")?, "step reason")?,
        done_at: r.try_get("done_at")?,
        reflection: r.try_get("reflection")?,
    })
}
