//! The training matrix: the modules a service requires, whom each applies to and since when
//! (kept in step with the staff file), and the completions that count.
//!
//! Each person a requirement applies to has a row in `training_subjects` holding what their cell
//! is worked out from: the day it began to apply, the last day their completions keep it valid,
//! and the days it falls due (the end of the grace, the start of the renewal window). These are
//! worked out by the domain's arithmetic (`skillgym_domain::training`) whenever a completion is
//! recorded or someone comes under the requirement, so the matrix of 50,000 people reads its
//! cells and counts them by comparing days, without going through anyone's completions.

use crate::audit_trail::insert_event;
use crate::dates::{date, optional_date};
use crate::{Actor, AuditAction, NewAuditEvent, Result, Store, StoreError, now};
use skillgym_domain::audit::Localised;
use skillgym_domain::csv_file::CsvProblem;
use skillgym_domain::people::{Employment, JobFamily, format_date};
use skillgym_domain::training::file::{self, CompletionRow, Who};
use skillgym_domain::training::{Audience, Cell, Renewal, Trainee, applies_since, valid_until};
use skillgym_domain::{ActivityId, OrganisationId, PersonId, RequirementId, SiteId};
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::{HashMap, HashSet};
use time::{Date, Duration};

/// A module as a service requires it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRequirement {
    pub code: String,
    pub title: Localised,
    /// The catalogue's activity, or `None` for one taken elsewhere (at `url`).
    pub activity: Option<ActivityId>,
    pub url: Option<String>,
    pub renewal: Renewal,
    pub audience: Audience,
    /// The day it applies from: those it applies to then have their grace from it.
    pub starts_on: Date,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    pub id: RequirementId,
    pub code: String,
    pub title: Localised,
    pub activity: Option<ActivityId>,
    pub url: Option<String>,
    pub renewal: Renewal,
    pub audience: Audience,
    pub starts_on: Date,
    /// No longer required: out of the matrix, taking no completions.
    pub retired: bool,
}

/// A completion as a person's page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub id: i64,
    pub completed_on: Date,
    pub source: String,
    /// A link to the certificate or record.
    pub evidence: Option<String>,
    /// The name of the certificate uploaded with it, if one was.
    pub file_name: Option<String>,
}

/// How a completion reached skillgym.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionSource {
    /// Recorded on the web by the person or their manager.
    Recorded,
    /// From a CSV file of another learning system.
    Import,
    /// From an xAPI statement.
    Xapi,
}

impl CompletionSource {
    pub fn as_str(self) -> &'static str {
        match self {
            CompletionSource::Recorded => "recorded",
            CompletionSource::Import => "import",
            CompletionSource::Xapi => "xapi",
        }
    }
}

/// Why a completions file was not imported.
#[derive(Debug, thiserror::Error)]
pub enum CompletionsRefused {
    /// Rows naming someone nobody is, or a module not theirs: by line and column.
    #[error("the file names people or modules that do not match")]
    Problems(Vec<CsvProblem>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One cell's facts as stored: enough to tell its state on any day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub since: Date,
    /// The last day the completions keep it valid (`Date::MAX`: for ever); `None`, never done.
    pub valid_until: Option<Date>,
}

impl Standing {
    /// The cell on `today`, as the domain's arithmetic has it.
    pub fn cell(self, renewal: Renewal, today: Date) -> Cell {
        skillgym_domain::training::cell_from(renewal, self.since, self.valid_until, today)
    }
}

/// A page of the matrix: the requirements (its columns), the people (its rows, each with a
/// cell per requirement that applies to them), and per requirement, over everyone the filter
/// matches, how many are in each state.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    pub requirements: Vec<Requirement>,
    pub rows: Vec<MatrixRow>,
    /// People matching the filter, in all pages.
    pub total: i64,
    pub counts: Vec<StateCounts>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    pub person: PersonId,
    pub name: String,
    pub employee_number: String,
    pub job_role: String,
    pub team: Option<String>,
    /// In the order of the requirements; `None` where it does not apply to them.
    pub cells: Vec<Option<Standing>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StateCounts {
    pub done: i64,
    pub due_soon: i64,
    pub overdue: i64,
    pub not_started: i64,
}

const FOR_EVER: &str = "9999-12-31";

/// The columns [`requirement_from`] reads.
const REQUIREMENT: &str = "id, code, title_en, title_cy, activity_id, url, period_months, \
    window_days, grace_days, audience, starts_on, retired_at";

/// Today on the UK's clock: the day people are seen to come under a requirement.
pub(crate) fn today() -> Date {
    skillgym_domain::uk_time::local(now()).date()
}

fn audience_json(a: &Audience) -> String {
    serde_json::json!({
        "employment": a.employment.map(|e| e.as_str()),
        "job_families": a.job_families.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        "job_roles": a.job_roles,
        "sites": a.sites.iter().map(|s| s.0).collect::<Vec<_>>(),
    })
    .to_string()
}

fn audience_from(text: &str) -> Result<Audience> {
    let corrupt = || StoreError::Corrupt("a requirement's audience".into());
    let v: serde_json::Value = serde_json::from_str(text).map_err(|_| corrupt())?;
    let strings = |key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok(Audience {
        employment: match v["employment"].as_str() {
            Some(e) => Some(Employment::parse(e).map_err(|_| corrupt())?),
            None => None,
        },
        job_families: strings("job_families")
            .iter()
            .map(|f| JobFamily::parse(f).map_err(|_| corrupt()))
            .collect::<Result<_>>()?,
        job_roles: strings("job_roles"),
        sites: v["sites"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_i64().map(SiteId)).collect())
            .unwrap_or_default(),
    })
}

fn requirement_from(r: &AnyRow) -> Result<Requirement> {
    let months: Option<i64> = r.try_get("period_months")?;
    let window: i64 = r.try_get("window_days")?;
    let grace: i64 = r.try_get("grace_days")?;
    let renewal = Renewal::new(months.map(|m| m as u32), window as u32, grace as u32)
        .map_err(|_| StoreError::Corrupt("a requirement's renewal".into()))?;
    Ok(Requirement {
        id: RequirementId(r.try_get("id")?),
        code: r.try_get("code")?,
        title: Localised::new(r.try_get::<String, _>("title_en")?, r.try_get("title_cy")?),
        activity: r.try_get::<Option<i64>, _>("activity_id")?.map(ActivityId),
        url: r.try_get("url")?,
        renewal,
        audience: audience_from(&r.try_get::<String, _>("audience")?)?,
        starts_on: date(r, "starts_on")?,
        retired: r.try_get::<Option<i64>, _>("retired_at")?.is_some(),
    })
}

/// The derived days of a subject row: valid until, due from (the end of the grace when never
/// done), due soon from (the start of the renewal window).
fn derived(renewal: Renewal, since: Date, until: Option<Date>) -> (String, String, String) {
    let first_due = since + Duration::days(i64::from(renewal.grace_days()));
    match until {
        None => (String::new(), format_date(first_due), String::new()),
        Some(u) if u == Date::MAX => (FOR_EVER.into(), format_date(first_due), FOR_EVER.into()),
        Some(u) => (
            format_date(u),
            format_date(first_due),
            format_date(u - Duration::days(i64::from(renewal.window_days()))),
        ),
    }
}

fn empty_as_null(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// The person's facts an audience looks at, for everyone in `org`.
struct Staff {
    people: Vec<(PersonId, Employment, JobFamily, String, Option<Date>, bool)>,
    sites: HashMap<PersonId, Vec<SiteId>>,
}

impl Store {
    /// Adds a requirement and gives everyone it applies to a cell, from its start day. `Taken`
    /// when the organisation has one with the same code.
    pub async fn create_requirement(
        &self,
        org: OrganisationId,
        new: &NewRequirement,
        by: Actor,
    ) -> Result<RequirementId> {
        self.add_requirement(org, new, Some(by)).await
    }

    /// [`Store::create_requirement`], recorded in the audit trail when done `by` someone (the
    /// demo's own modules are not: they are part of the made-up organisation).
    pub(crate) async fn add_requirement(
        &self,
        org: OrganisationId,
        new: &NewRequirement,
        by: Option<Actor>,
    ) -> Result<RequirementId> {
        let mut tx = self.begin_write().await?;
        let taken: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM training_requirements WHERE organisation_id = $1 AND code = $2",
        )
        .bind(org.0)
        .bind(&new.code)
        .fetch_optional(&mut *tx)
        .await?;
        if taken.is_some() {
            return Err(StoreError::Taken("code"));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO training_requirements (organisation_id, code, title_en, title_cy, \
                 activity_id, url, period_months, window_days, grace_days, audience, starts_on, \
                 created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(org.0)
        .bind(&new.code)
        .bind(&new.title.en)
        .bind(new.title.cy.clone())
        .bind(new.activity.map(|a| a.0))
        .bind(new.url.clone())
        .bind(new.renewal.months().map(i64::from))
        .bind(i64::from(new.renewal.window_days()))
        .bind(i64::from(new.renewal.grace_days()))
        .bind(audience_json(&new.audience))
        .bind(format_date(new.starts_on))
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        if let Some(by) = by {
            let event = NewAuditEvent::new(by, AuditAction::TrainingChanged, None)
                .with("requirement", new.code.clone());
            insert_event(&mut tx, org, &event).await?;
        }
        tx.commit().await?;
        // Everyone it applies to now has had it since its start.
        self.sync_training(org, new.starts_on).await?;
        Ok(RequirementId(id))
    }

    /// The organisation's requirements, by code, less those retired.
    pub async fn requirements(&self, org: OrganisationId) -> Result<Vec<Requirement>> {
        self.requirements_where(org, "retired_at IS NULL").await
    }

    async fn requirements_where(
        &self,
        org: OrganisationId,
        condition: &'static str,
    ) -> Result<Vec<Requirement>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {REQUIREMENT} FROM training_requirements \
             WHERE organisation_id = $1 AND {condition} ORDER BY code"
        )))
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(requirement_from)
        .collect()
    }

    /// A requirement, retired or not.
    pub async fn requirement(&self, org: OrganisationId, id: RequirementId) -> Result<Requirement> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {REQUIREMENT} FROM training_requirements WHERE organisation_id = $1 AND id = $2"
        )))
        .bind(org.0)
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        requirement_from(&row)
    }

    /// Everyone in `org` (or only `only`), with whether they have left on `today`.
    async fn staff(
        &self,
        tx: &mut sqlx::AnyConnection,
        org: OrganisationId,
        only: Option<PersonId>,
        today: Date,
    ) -> Result<Staff> {
        let mut people = Vec::new();
        for r in sqlx::query(
            "SELECT id, employment, job_family, job_role, start_date, left_on \
             FROM people WHERE organisation_id = $1 AND ($2 IS NULL OR id = $2)",
        )
        .bind(org.0)
        .bind(only.map(|p| p.0))
        .fetch_all(&mut *tx)
        .await?
        {
            let corrupt = || StoreError::Corrupt("a person's employment or job family".into());
            let left = optional_date(&r, "left_on")?;
            people.push((
                PersonId(r.try_get("id")?),
                Employment::parse(&r.try_get::<String, _>("employment")?).map_err(|_| corrupt())?,
                JobFamily::parse(&r.try_get::<String, _>("job_family")?).map_err(|_| corrupt())?,
                r.try_get::<String, _>("job_role")?,
                optional_date(&r, "start_date")?,
                left.is_some_and(|d| d <= today),
            ));
        }
        let mut sites: HashMap<PersonId, Vec<SiteId>> = HashMap::new();
        for r in sqlx::query(
            "SELECT ps.person_id, ps.site_id FROM person_sites ps \
             JOIN people p ON p.id = ps.person_id \
             WHERE p.organisation_id = $1 AND ($2 IS NULL OR p.id = $2)",
        )
        .bind(org.0)
        .bind(only.map(|p| p.0))
        .fetch_all(&mut *tx)
        .await?
        {
            sites
                .entry(PersonId(r.try_get("person_id")?))
                .or_default()
                .push(SiteId(r.try_get("site_id")?));
        }
        Ok(Staff { people, sites })
    }

    /// Brings who each requirement applies to into step with the staff as they are: someone
    /// newly in a requirement's audience has it from `seen` (not before it starts nor before
    /// they started work), with what they completed before counted; someone who left its
    /// audience (a new job, or they left) no longer has a cell, though their completions stay.
    /// Returns how many cells were added and taken away.
    pub async fn sync_training(&self, org: OrganisationId, seen: Date) -> Result<(usize, usize)> {
        self.sync_training_among(org, None, seen).await
    }

    /// [`Store::sync_training`] for one person, after they were added or changed.
    pub(crate) async fn sync_training_of(
        &self,
        org: OrganisationId,
        person: PersonId,
        seen: Date,
    ) -> Result<(usize, usize)> {
        self.sync_training_among(org, Some(person), seen).await
    }

    async fn sync_training_among(
        &self,
        org: OrganisationId,
        only: Option<PersonId>,
        seen: Date,
    ) -> Result<(usize, usize)> {
        let requirements = self.requirements(org).await?;
        if requirements.is_empty() {
            return Ok((0, 0));
        }
        let mut tx = self.begin_write().await?;
        let staff = self.staff(&mut tx, org, only, today()).await?;
        let mut existing: HashSet<(i64, i64)> = HashSet::new();
        for r in sqlx::query(
            "SELECT requirement_id, person_id FROM training_subjects \
             WHERE organisation_id = $1 AND ($2 IS NULL OR person_id = $2)",
        )
        .bind(org.0)
        .bind(only.map(|p| p.0))
        .fetch_all(&mut *tx)
        .await?
        {
            existing.insert((r.try_get("requirement_id")?, r.try_get("person_id")?));
        }
        let mut done: HashMap<(i64, i64), Vec<Date>> = HashMap::new();
        for r in sqlx::query(
            "SELECT requirement_id, person_id, completed_on FROM training_completions \
             WHERE organisation_id = $1 AND ($2 IS NULL OR person_id = $2)",
        )
        .bind(org.0)
        .bind(only.map(|p| p.0))
        .fetch_all(&mut *tx)
        .await?
        {
            done.entry((r.try_get("requirement_id")?, r.try_get("person_id")?))
                .or_default()
                .push(date(&r, "completed_on")?);
        }
        let no_sites = Vec::new();
        let mut added = Vec::new();
        let mut removed = Vec::new();
        for req in &requirements {
            for (person, employment, family, role, start, left) in &staff.people {
                let who = Trainee {
                    left: *left,
                    employment: *employment,
                    job_family: *family,
                    job_role: role,
                    sites: staff.sites.get(person).unwrap_or(&no_sites),
                };
                let key = (req.id.0, person.0);
                match (req.audience.includes(who), existing.contains(&key)) {
                    (true, false) => {
                        let since = applies_since(req.starts_on, *start, seen);
                        let until = valid_until(
                            req.renewal,
                            done.get(&key).map(Vec::as_slice).unwrap_or(&[]),
                        );
                        let (valid, first_due, soon) = derived(req.renewal, since, until);
                        added.push(serde_json::json!([
                            org.0,
                            req.id.0,
                            person.0,
                            format_date(since),
                            empty_as_null(valid),
                            first_due,
                            empty_as_null(soon),
                        ]));
                    }
                    (false, true) => removed.push(serde_json::json!([req.id.0, person.0])),
                    _ => {}
                }
            }
        }
        for chunk in added.chunks(5000) {
            insert_subjects(self.backend, &mut tx, chunk).await?;
        }
        for pair in &removed {
            sqlx::query(
                "DELETE FROM training_subjects WHERE requirement_id = $1 AND person_id = $2",
            )
            .bind(pair[0].as_i64())
            .bind(pair[1].as_i64())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.analyse_after(added.len() + removed.len(), "training_subjects")
            .await?;
        Ok((added.len(), removed.len()))
    }

    /// Records that `person` completed a requirement's module on `completed_on`, and works
    /// their cell out again. `NotFound` unless both are `org`'s.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_completion(
        &self,
        org: OrganisationId,
        requirement: RequirementId,
        person: PersonId,
        completed_on: Date,
        evidence: Option<&str>,
        source: CompletionSource,
        by: Actor,
    ) -> Result<()> {
        let req = self.requirement(org, requirement).await?;
        if req.retired {
            return Err(StoreError::NotFound);
        }
        let mut tx = self.begin_write().await?;
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM people WHERE id = $1 AND organisation_id = $2")
                .bind(person.0)
                .bind(org.0)
                .fetch_optional(&mut *tx)
                .await?;
        found.ok_or(StoreError::NotFound)?;
        let recorded_by = match by {
            Actor::Person(p) => Some(p.0),
            _ => None,
        };
        sqlx::query(
            "INSERT INTO training_completions (organisation_id, requirement_id, person_id, \
                 completed_on, source, evidence, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (requirement_id, person_id, completed_on) DO NOTHING",
        )
        .bind(org.0)
        .bind(requirement.0)
        .bind(person.0)
        .bind(format_date(completed_on))
        .bind(source.as_str())
        .bind(evidence.map(str::to_string))
        .bind(recorded_by)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        rework_cell(&mut tx, &req, person).await?;
        let event = NewAuditEvent::new(by, AuditAction::TrainingCompleted, Some(person))
            .with("requirement", req.code.clone());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Imports the completions of a file read by [`skillgym_domain::training::file::read`]:
    /// all of them, or none when a row names someone nobody is, or a module that does not
    /// apply to them (each named by line and column). A completion already recorded for the
    /// same day is not added again. Returns how many were added and how many were there.
    pub async fn import_completions(
        &self,
        org: OrganisationId,
        rows: &[CompletionRow],
        by: Actor,
    ) -> std::result::Result<(usize, usize), CompletionsRefused> {
        let requirements: HashMap<String, Requirement> = self
            .requirements(org)
            .await?
            .into_iter()
            .map(|r| (r.code.clone(), r))
            .collect();
        let mut by_number: HashMap<String, i64> = HashMap::new();
        let mut by_email: HashMap<String, i64> = HashMap::new();
        for r in
            sqlx::query("SELECT id, employee_number, email FROM people WHERE organisation_id = $1")
                .bind(org.0)
                .fetch_all(&self.pool)
                .await
                .map_err(StoreError::from)?
        {
            let id: i64 = r.try_get("id").map_err(StoreError::from)?;
            by_number.insert(r.try_get("employee_number").map_err(StoreError::from)?, id);
            if let Some(email) = r
                .try_get::<Option<String>, _>("email")
                .map_err(StoreError::from)?
            {
                by_email.insert(email.to_lowercase(), id);
            }
        }
        let mut subjects: HashSet<(i64, i64)> = HashSet::new();
        for r in sqlx::query(
            "SELECT requirement_id, person_id FROM training_subjects WHERE organisation_id = $1",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await
        .map_err(StoreError::from)?
        {
            subjects.insert((
                r.try_get("requirement_id").map_err(StoreError::from)?,
                r.try_get("person_id").map_err(StoreError::from)?,
            ));
        }
        let mut problems = Vec::new();
        let mut found = Vec::with_capacity(rows.len());
        for row in rows {
            let person = match &row.who {
                Who::EmployeeNumber(n) => by_number.get(n),
                Who::Email(e) => by_email.get(&e.as_str().to_lowercase()),
            };
            let Some(req) = requirements.get(&row.module) else {
                problems.push(CsvProblem::new(
                    row.line,
                    Some("module"),
                    file::MODULE_UNKNOWN,
                ));
                continue;
            };
            match person {
                None => problems.push(CsvProblem::new(
                    row.line,
                    Some(row.who_column),
                    file::PERSON_UNKNOWN,
                )),
                Some(p) if !subjects.contains(&(req.id.0, *p)) => {
                    problems.push(CsvProblem::new(row.line, Some("module"), file::NOT_THEIRS))
                }
                Some(p) => found.push((req, *p, row)),
            }
        }
        if !problems.is_empty() {
            return Err(CompletionsRefused::Problems(problems));
        }
        let recorded_by = match by {
            Actor::Person(p) => Some(p.0),
            _ => None,
        };
        let at = now();
        let mut tx = self.begin_write().await?;
        let mut added = 0usize;
        for chunk in found.chunks(5000) {
            let json: Vec<serde_json::Value> = chunk
                .iter()
                .map(|(req, person, row)| {
                    serde_json::json!([
                        org.0,
                        req.id.0,
                        person,
                        format_date(row.completed_on),
                        CompletionSource::Import.as_str(),
                        row.evidence,
                        recorded_by,
                        at,
                    ])
                })
                .collect();
            let sql = format!(
                "{} ON CONFLICT (requirement_id, person_id, completed_on) DO NOTHING",
                crate::plans::insert_json_rows(
                    self.backend,
                    "training_completions",
                    &[
                        ("organisation_id", "BIGINT"),
                        ("requirement_id", "BIGINT"),
                        ("person_id", "BIGINT"),
                        ("completed_on", "TEXT"),
                        ("source", "TEXT"),
                        ("evidence", "TEXT"),
                        ("recorded_by", "BIGINT"),
                        ("recorded_at", "BIGINT"),
                    ],
                )
            );
            added += sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(serde_json::Value::from(json).to_string())
                .execute(&mut *tx)
                .await
                .map_err(StoreError::from)?
                .rows_affected() as usize;
        }
        let mut reworked: HashSet<(i64, i64)> = HashSet::new();
        for (req, person, _) in &found {
            if reworked.insert((req.id.0, *person)) {
                rework_cell(&mut tx, req, PersonId(*person)).await?;
            }
        }
        let event = NewAuditEvent::new(by, AuditAction::TrainingImported, None)
            .with("added", added)
            .with("unchanged", found.len() - added);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await.map_err(StoreError::from)?;
        self.analyse_after(added, "training_completions").await?;
        Ok((added, found.len() - added))
    }

    /// On PostgreSQL, after `changed` rows of `table` changed at once, brings the planner's
    /// statistics up to date: with a table it still thinks empty, the matrix's counts run as a
    /// nested loop that grows with the square of the people (0.8 s for 2,000 people, against
    /// a few milliseconds once analysed), until autovacuum gets round to it.
    async fn analyse_after(&self, changed: usize, table: &'static str) -> Result<()> {
        if self.backend == crate::Backend::Postgres && changed >= 1000 {
            sqlx::query(sqlx::AssertSqlSafe(format!("ANALYZE {table}")))
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// A person's completions of a requirement's module, latest first.
    pub async fn completions(
        &self,
        org: OrganisationId,
        requirement: RequirementId,
        person: PersonId,
    ) -> Result<Vec<Completion>> {
        sqlx::query(
            "SELECT c.id, c.completed_on, c.source, c.evidence, f.file_name \
             FROM training_completions c \
             LEFT JOIN training_evidence_files f ON f.completion_id = c.id \
             WHERE c.organisation_id = $1 AND c.requirement_id = $2 AND c.person_id = $3 \
             ORDER BY c.completed_on DESC, c.id DESC",
        )
        .bind(org.0)
        .bind(requirement.0)
        .bind(person.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(completion_from)
        .collect()
    }

    /// Each module that applies to `person`, with their cell and their completions of it
    /// (latest first), in the order of [`Store::requirements`]: three queries however many
    /// modules there are.
    pub async fn training_of(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<(Requirement, Standing, Vec<Completion>)>> {
        let mut standings: HashMap<i64, Standing> = HashMap::new();
        for r in sqlx::query(
            "SELECT requirement_id, since, valid_until FROM training_subjects \
             WHERE organisation_id = $1 AND person_id = $2",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_all(&self.pool)
        .await?
        {
            standings.insert(r.try_get("requirement_id")?, standing_from(&r)?);
        }
        let mut done: HashMap<i64, Vec<Completion>> = HashMap::new();
        for r in sqlx::query(
            "SELECT c.id, c.requirement_id, c.completed_on, c.source, c.evidence, f.file_name \
             FROM training_completions c \
             LEFT JOIN training_evidence_files f ON f.completion_id = c.id \
             WHERE c.organisation_id = $1 AND c.person_id = $2 \
             ORDER BY c.completed_on DESC, c.id DESC",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_all(&self.pool)
        .await?
        {
            done.entry(r.try_get("requirement_id")?)
                .or_default()
                .push(completion_from(&r)?);
        }
        Ok(self
            .requirements(org)
            .await?
            .into_iter()
            .filter_map(|req| {
                let standing = standings.get(&req.id.0).copied()?;
                let completions = done.remove(&req.id.0).unwrap_or_default();
                Some((req, standing, completions))
            })
            .collect())
    }

    /// The cell of `person` for a requirement, when it applies to them.
    pub async fn standing(
        &self,
        requirement: RequirementId,
        person: PersonId,
    ) -> Result<Option<Standing>> {
        let row = sqlx::query(
            "SELECT since, valid_until FROM training_subjects \
             WHERE requirement_id = $1 AND person_id = $2",
        )
        .bind(requirement.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| standing_from(&r)).transpose()
    }

    /// A page of the matrix for the people `filter` matches (see [`Store::people`]), with the
    /// counts by state over all of them on `today`.
    pub async fn training_matrix(
        &self,
        org: OrganisationId,
        filter: &crate::PersonFilter,
        today: Date,
    ) -> Result<Matrix> {
        let requirements = self.requirements(org).await?;
        let (people, total) = self.people(org, filter).await?;
        let index: HashMap<i64, usize> = requirements
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.0, i))
            .collect();
        let mut rows: Vec<MatrixRow> = people
            .iter()
            .map(|p| MatrixRow {
                person: p.id,
                name: p.name.clone(),
                employee_number: p.employee_number.clone(),
                job_role: p.job_role.clone(),
                team: p.team.clone(),
                cells: vec![None; requirements.len()],
            })
            .collect();
        if !rows.is_empty() {
            let at: HashMap<i64, usize> = rows
                .iter()
                .enumerate()
                .map(|(i, r)| (r.person.0, i))
                .collect();
            let ids = serde_json::Value::from(at.keys().copied().collect::<Vec<_>>()).to_string();
            let list = match self.backend {
                crate::Backend::Postgres => {
                    "SELECT value::bigint FROM jsonb_array_elements_text($1::jsonb)"
                }
                crate::Backend::Sqlite => "SELECT value FROM json_each($1)",
            };
            for r in sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT requirement_id, person_id, since, valid_until FROM training_subjects \
                 WHERE person_id IN ({list})"
            )))
            .bind(ids)
            .fetch_all(&self.pool)
            .await?
            {
                let (Some(row), Some(col)) = (
                    at.get(&r.try_get::<i64, _>("person_id")?),
                    index.get(&r.try_get::<i64, _>("requirement_id")?),
                ) else {
                    continue;
                };
                rows[*row].cells[*col] = Some(standing_from(&r)?);
            }
        }
        let counts = self.state_counts(org, filter, &requirements, today).await?;
        Ok(Matrix {
            requirements,
            rows,
            total,
            counts,
        })
    }

    /// Per requirement, how many of the people `filter` matches are in each state on `today`.
    ///
    /// For everyone (no filter but "not left"), the cells are counted straight from
    /// `training_subjects` by its covering index, less those of people who have left and whose
    /// cells are still there: without going through the people, which takes half the time at
    /// 50,000 people. With a filter, the people it matches are joined.
    async fn state_counts(
        &self,
        org: OrganisationId,
        filter: &crate::PersonFilter,
        requirements: &[Requirement],
        today: Date,
    ) -> Result<Vec<StateCounts>> {
        let mut by_id: HashMap<i64, StateCounts> = HashMap::new();
        let everyone = filter.query.as_deref().is_none_or(|q| q.trim().is_empty())
            && filter.site.is_none()
            && filter.team.is_none()
            && filter.job_family.is_none()
            && filter.employment.is_none()
            && filter.managed_by.is_none();
        if everyone {
            let all = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT s.requirement_id, {STATES} FROM training_subjects s \
                 WHERE s.organisation_id = $1 GROUP BY s.requirement_id"
            )))
            .bind(org.0)
            .bind(format_date(today))
            .fetch_all(&self.pool)
            .await?;
            add_counts(&mut by_id, &all, 1)?;
            if let Some(day) = filter.present_on {
                let gone = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "SELECT s.requirement_id, {STATES} FROM training_subjects s \
                     WHERE s.person_id IN (SELECT id FROM people WHERE organisation_id = $1 \
                         AND left_on IS NOT NULL AND left_on <= $3) \
                     GROUP BY s.requirement_id"
                )))
                .bind(org.0)
                .bind(format_date(today))
                .bind(format_date(day))
                .fetch_all(&self.pool)
                .await?;
                add_counts(&mut by_id, &gone, -1)?;
            }
        } else {
            let everyone = crate::PersonFilter {
                offset: 0,
                limit: i64::MAX,
                ..filter.clone()
            };
            let (condition, pattern) = crate::people::filter_condition(&everyone);
            let sql = format!(
                "{with}SELECT s.requirement_id, {states} \
                 FROM training_subjects s JOIN people p ON p.id = s.person_id \
                 LEFT JOIN teams t ON t.id = p.team_id \
                 WHERE s.organisation_id = $2 AND {condition} \
                 GROUP BY s.requirement_id",
                with = if everyone.managed_by.is_some() {
                    crate::people::MANAGED
                } else {
                    ""
                },
                states = STATES.replace("$2", "$9"),
            );
            let rows = crate::people::bind_filter(
                sqlx::query(sqlx::AssertSqlSafe(sql)),
                &everyone,
                org,
                pattern,
            )
            .bind(format_date(today))
            .fetch_all(&self.pool)
            .await?;
            add_counts(&mut by_id, &rows, 1)?;
        }
        Ok(requirements
            .iter()
            .map(|r| by_id.get(&r.id.0).copied().unwrap_or_default())
            .collect())
    }
}

/// The four states' counts of the cells `s` selected and grouped, on the day `$2`: the same
/// arithmetic as [`skillgym_domain::training::cell_from`], on the days kept with each cell.
const STATES: &str = "\
    SUM(CASE WHEN s.valid_until IS NULL AND s.first_due < $2 THEN 1 \
             WHEN s.valid_until IS NOT NULL AND s.valid_until < $2 THEN 1 ELSE 0 END) AS overdue, \
    SUM(CASE WHEN s.valid_until IS NULL AND s.first_due >= $2 THEN 1 ELSE 0 END) AS not_started, \
    SUM(CASE WHEN s.valid_until >= $2 AND s.due_soon_from <= $2 THEN 1 ELSE 0 END) AS due_soon, \
    SUM(CASE WHEN s.valid_until >= $2 AND s.due_soon_from > $2 THEN 1 ELSE 0 END) AS done";

/// Adds (`sign` 1) or takes away (-1) each requirement's counts of `rows`.
fn add_counts(by_id: &mut HashMap<i64, StateCounts>, rows: &[AnyRow], sign: i64) -> Result<()> {
    for r in rows {
        let n =
            |c: &str| -> Result<i64> { Ok(sign * r.try_get::<Option<i64>, _>(c)?.unwrap_or(0)) };
        let counts = by_id.entry(r.try_get("requirement_id")?).or_default();
        counts.done += n("done")?;
        counts.due_soon += n("due_soon")?;
        counts.overdue += n("overdue")?;
        counts.not_started += n("not_started")?;
    }
    Ok(())
}

fn completion_from(r: &AnyRow) -> Result<Completion> {
    Ok(Completion {
        id: r.try_get("id")?,
        completed_on: date(r, "completed_on")?,
        source: r.try_get("source")?,
        evidence: r.try_get("evidence")?,
        file_name: r.try_get("file_name")?,
    })
}

fn standing_from(r: &AnyRow) -> Result<Standing> {
    let until: Option<String> = r.try_get("valid_until")?;
    Ok(Standing {
        since: date(r, "since")?,
        valid_until: match until.as_deref() {
            None => None,
            Some(FOR_EVER) => Some(Date::MAX),
            Some(_) => optional_date(r, "valid_until")?,
        },
    })
}

/// Inserts subject rows, each `[organisation, requirement, person, since, valid_until,
/// first_due, due_soon_from]`.
pub(crate) async fn insert_subjects(
    backend: crate::Backend,
    tx: &mut sqlx::AnyConnection,
    rows: &[serde_json::Value],
) -> Result<()> {
    sqlx::query(sqlx::AssertSqlSafe(crate::plans::insert_json_rows(
        backend,
        "training_subjects",
        &[
            ("organisation_id", "BIGINT"),
            ("requirement_id", "BIGINT"),
            ("person_id", "BIGINT"),
            ("since", "TEXT"),
            ("valid_until", "TEXT"),
            ("first_due", "TEXT"),
            ("due_soon_from", "TEXT"),
        ],
    )))
    .bind(serde_json::Value::from(rows.to_vec()).to_string())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Works out `person`'s cell for `req` again from all their completions, where it applies.
pub(crate) async fn rework_cell(
    tx: &mut sqlx::AnyConnection,
    req: &Requirement,
    person: PersonId,
) -> Result<()> {
    let since: Option<String> = sqlx::query_scalar(
        "SELECT since FROM training_subjects WHERE requirement_id = $1 AND person_id = $2",
    )
    .bind(req.id.0)
    .bind(person.0)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(since) = since else {
        return Ok(());
    };
    let since = skillgym_domain::people::parse_date(&since)
        .map_err(|_| StoreError::Corrupt("a training cell's day".into()))?;
    let mut done = Vec::new();
    for r in sqlx::query(
        "SELECT completed_on FROM training_completions WHERE requirement_id = $1 AND person_id = $2",
    )
    .bind(req.id.0)
    .bind(person.0)
    .fetch_all(&mut *tx)
    .await?
    {
        done.push(date(&r, "completed_on")?);
    }
    let (valid, first_due, soon) = derived(req.renewal, since, valid_until(req.renewal, &done));
    sqlx::query(
        "UPDATE training_subjects SET valid_until = $3, first_due = $4, due_soon_from = $5 \
         WHERE requirement_id = $1 AND person_id = $2",
    )
    .bind(req.id.0)
    .bind(person.0)
    .bind(empty_as_null(valid))
    .bind(first_due)
    .bind(empty_as_null(soon))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

mod upkeep;
pub use upkeep::{DigestDue, EvidenceFile, Needed, TRAINING_DIGEST_JOB};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_audience_is_stored_and_read_back_whole() {
        let audience = Audience {
            employment: Some(Employment::Volunteer),
            job_families: vec![JobFamily::Frontline, JobFamily::Manager],
            job_roles: vec!["Digital helper".into()],
            sites: vec![SiteId(3)],
        };
        assert_eq!(audience_from(&audience_json(&audience)).unwrap(), audience);
    }
}
