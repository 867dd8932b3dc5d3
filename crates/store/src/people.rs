//! People: listing, finding, editing, and who manages whom.

use crate::audit_trail::{Actor, AuditAction, NewAuditEvent, insert_event};
use crate::dates::optional_date;
use crate::error::taken_or;
use crate::{Fields, Result, Store, StoreError, inline, now};
use skillgym_domain::leavers::Departure;
use skillgym_domain::people::format_date;
use skillgym_domain::{
    AccountId, ContractedHours, Email, EmployeeNumber, Employment, JobFamily, JobRole,
    OrganisationId, PersonId, PersonName, Role, Roles, SiteId, TeamId,
};
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};

/// One line in a list of people.
#[derive(Debug, Clone)]
pub struct PersonSummary {
    pub id: PersonId,
    pub employee_number: String,
    pub name: String,
    pub job_role: String,
    pub job_family: JobFamily,
    pub employment: Employment,
    pub contracted_hours: f64,
    pub team: Option<String>,
    /// The day they left or will leave.
    pub left_on: Option<time::Date>,
}

/// Everything stored about one person.
#[derive(Debug, Clone)]
pub struct PersonRecord {
    pub id: PersonId,
    pub employee_number: EmployeeNumber,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    pub employment: Employment,
    pub job_role: String,
    pub job_family: JobFamily,
    pub contracted_hours: f64,
    pub start_date: Option<time::Date>,
    /// The day they left, after which retention erases them.
    pub left_on: Option<time::Date>,
    pub line_manager: Option<(PersonId, String)>,
    pub team: Option<(TeamId, String)>,
    pub sites: Vec<(SiteId, String)>,
    pub account: Option<(AccountId, Roles)>,
    /// Their account was closed (when they left): nobody signs into it until roles are given
    /// again.
    pub account_disabled: bool,
}

impl PersonRecord {
    pub fn name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

/// A person as an admin enters them on the web.
#[derive(Debug, Clone)]
pub struct PersonInput {
    pub employee_number: EmployeeNumber,
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub email: Option<Email>,
    pub employment: Employment,
    pub job_role: JobRole,
    pub job_family: JobFamily,
    pub contracted_hours: ContractedHours,
    pub start_date: Option<time::Date>,
    pub left_on: Option<time::Date>,
    pub line_manager: Option<PersonId>,
    pub team: Option<TeamId>,
    pub sites: Vec<SiteId>,
}

/// Which people a list shows.
#[derive(Debug, Clone, Default)]
pub struct PersonFilter {
    /// Matches name, employee number, email or job role, ignoring case.
    pub query: Option<String>,
    pub site: Option<SiteId>,
    pub team: Option<TeamId>,
    pub job_family: Option<JobFamily>,
    pub employment: Option<Employment>,
    /// Only the people this person manages, directly or through their teams.
    pub managed_by: Option<PersonId>,
    /// Only people who have not left by this day.
    pub present_on: Option<time::Date>,
    pub offset: i64,
    pub limit: i64,
}

/// The people someone manages: their reports, the members of teams they manage, and so on
/// down. `$1` is the manager's id; the manager is in the set and is removed by the caller.
pub(crate) const MANAGED: &str = "WITH RECURSIVE managed(id) AS ( \
        SELECT CAST($1 AS BIGINT) \
        UNION \
        SELECT p.id FROM people p JOIN managed m \
          ON p.line_manager_id = m.id \
          OR p.team_id IN (SELECT t.id FROM teams t WHERE t.manager_id = m.id) \
    ) ";

fn summary_from(row: &AnyRow) -> Result<PersonSummary> {
    let family: String = row.try_get("job_family")?;
    let employment: String = row.try_get("employment")?;
    Ok(PersonSummary {
        id: PersonId(row.try_get("id")?),
        employee_number: row.try_get("employee_number")?,
        name: row.try_get("name")?,
        job_role: row.try_get("job_role")?,
        job_family: JobFamily::parse(&family).map_err(corrupt)?,
        employment: Employment::parse(&employment).map_err(corrupt)?,
        contracted_hours: row.try_get("contracted_hours")?,
        team: row.try_get("team")?,
        left_on: optional_date(row, "left_on")?,
    })
}

fn people_counts(row: &(impl Fields + ?Sized)) -> Result<PeopleCounts> {
    Ok(PeopleCounts {
        total: row.field("total")?,
        volunteers: row.field("volunteers")?,
        part_time_employees: row.field("part_time")?,
        sites: row.field("sites")?,
        teams: row.field("teams")?,
    })
}

/// One row of [`Store::person`]: the person, with the one site the row holds (if any).
fn person_row(id: PersonId, row: &(impl Fields + ?Sized)) -> Result<PersonRecord> {
    let family: String = row.field("job_family")?;
    let employment: String = row.field("employment")?;
    let number: String = row.field("employee_number")?;
    let site = match row.field::<Option<i64>>("site_id")? {
        Some(site) => Some((SiteId(site), row.field("site_name")?)),
        None => None,
    };
    Ok(PersonRecord {
        id,
        employee_number: EmployeeNumber::parse(&number).map_err(corrupt)?,
        given_name: row.field("given_name")?,
        family_name: row.field("family_name")?,
        email: row.field("email")?,
        employment: Employment::parse(&employment).map_err(corrupt)?,
        job_role: row.field("job_role")?,
        job_family: JobFamily::parse(&family).map_err(corrupt)?,
        contracted_hours: row.field("contracted_hours")?,
        start_date: optional_date(row, "start_date")?,
        left_on: optional_date(row, "left_on")?,
        line_manager: match row.field::<Option<i64>>("line_manager_id")? {
            Some(m) => Some((PersonId(m), row.field("manager_name")?)),
            None => None,
        },
        team: match row.field::<Option<i64>>("team_id")? {
            Some(t) => Some((TeamId(t), row.field("team_name")?)),
            None => None,
        },
        sites: site.into_iter().collect(),
        account: match row.field::<Option<i64>>("account_id")? {
            Some(account) => Some((AccountId(account), Store::joined_roles(row)?)),
            None => None,
        },
        account_disabled: row.field::<Option<i64>>("disabled")?.unwrap_or(0) != 0,
    })
}

pub(crate) fn corrupt(e: skillgym_domain::Invalid) -> StoreError {
    StoreError::Corrupt(e.0.to_string())
}

/// The conditions on `people p` (joined to `teams t`) that `filter` sets, as arguments `$1` to
/// `$8` (see [`bind_filter`]), and the pattern its text search binds. Every optional condition
/// is written so that a NULL argument switches it off, which keeps one statement for every
/// combination of filters. With `managed_by`, the statement must begin with [`MANAGED`].
pub(crate) fn filter_condition(filter: &PersonFilter) -> (String, Option<String>) {
    let condition = format!(
        "p.organisation_id = $2 \
           AND ($3 IS NULL OR LOWER(p.given_name || ' ' || p.family_name) LIKE $3 \
                OR LOWER(p.employee_number) LIKE $3 OR LOWER(p.email) LIKE $3 \
                OR LOWER(p.job_role) LIKE $3) \
           AND ($4 IS NULL OR p.id IN (SELECT person_id FROM person_sites WHERE site_id = $4)) \
           AND ($5 IS NULL OR p.team_id = $5) \
           AND ($6 IS NULL OR p.job_family = $6) \
           AND ($7 IS NULL OR p.employment = $7) \
           AND ($8 IS NULL OR p.left_on IS NULL OR p.left_on > $8) \
           {}",
        if filter.managed_by.is_some() {
            "AND p.id IN (SELECT id FROM managed) AND p.id <> $1"
        } else {
            "AND $1 IS NULL"
        }
    );
    let pattern = filter
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(|q| format!("%{}%", q.to_lowercase().replace(['%', '_'], "")));
    (condition, pattern)
}

/// Binds `$1` to `$8` of [`filter_condition`].
pub(crate) fn bind_filter<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    filter: &PersonFilter,
    org: OrganisationId,
    pattern: Option<String>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    query
        .bind(filter.managed_by.map(|p| p.0))
        .bind(org.0)
        .bind(pattern)
        .bind(filter.site.map(|s| s.0))
        .bind(filter.team.map(|t| t.0))
        .bind(filter.job_family.map(|f| f.as_str()))
        .bind(filter.employment.map(|e| e.as_str()))
        .bind(filter.present_on.map(skillgym_domain::people::format_date))
}

impl Store {
    /// A page of people matching `filter`, and how many match in all.
    pub async fn people(
        &self,
        org: OrganisationId,
        filter: &PersonFilter,
    ) -> Result<(Vec<PersonSummary>, i64)> {
        let mut sql = String::new();
        if filter.managed_by.is_some() {
            sql.push_str(MANAGED);
        }
        let (condition, pattern) = filter_condition(filter);
        let condition =
            format!("FROM people p LEFT JOIN teams t ON t.id = p.team_id WHERE {condition}");
        let bind = |q: &str| {
            bind_filter(
                sqlx::query(AssertSqlSafe(q.to_string())),
                filter,
                org,
                pattern.clone(),
            )
        };
        let count_sql = format!("{sql}SELECT COUNT(*) AS n {condition}");
        let total: i64 = bind(&count_sql).fetch_one(&self.pool).await?.try_get("n")?;
        let list_sql = format!(
            "{sql}SELECT p.id, p.employee_number, p.given_name || ' ' || p.family_name AS name, \
                    p.job_role, p.job_family, p.employment, p.contracted_hours, t.name AS team, \
                    p.left_on \
             {condition} ORDER BY p.family_name, p.given_name, p.id LIMIT $9 OFFSET $10"
        );
        let rows = bind(&list_sql)
            .bind(filter.limit)
            .bind(filter.offset)
            .fetch_all(&self.pool)
            .await?;
        let people = rows.iter().map(summary_from).collect::<Result<_>>()?;
        Ok((people, total))
    }

    /// Whether `manager` manages `person`, directly or through their teams.
    pub async fn manages(&self, manager: PersonId, person: PersonId) -> Result<bool> {
        if manager == person {
            return Ok(false);
        }
        let found: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "{MANAGED}SELECT id FROM managed WHERE id = $2"
        )))
        .bind(manager.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }

    /// How many people there are, by employment, and how many work part-time.
    pub async fn people_counts(&self, org: OrganisationId) -> Result<PeopleCounts> {
        const SQL: &str = "SELECT COUNT(*) AS total, \
                COALESCE(SUM(CASE WHEN employment = 'volunteer' THEN 1 ELSE 0 END), 0) AS volunteers, \
                COALESCE(SUM(CASE WHEN employment = 'employee' AND contracted_hours < $2 THEN 1 ELSE 0 END), 0) AS part_time, \
                (SELECT COUNT(*) FROM sites WHERE organisation_id = $1) AS sites, \
                (SELECT COUNT(*) FROM teams WHERE organisation_id = $1) AS teams \
             FROM people WHERE organisation_id = $1";
        let full_time = ContractedHours::FULL_TIME.hours();
        if let Some(inline) = &self.inline {
            return inline.read(|conn| {
                let args: [&dyn rusqlite::ToSql; 2] = [&org.0, &full_time];
                inline::rows(conn, SQL, &args, |r| people_counts(r))?
                    .pop()
                    .ok_or(StoreError::NotFound)
            });
        }
        let row = sqlx::query(SQL)
            .bind(org.0)
            .bind(full_time)
            .fetch_one(&self.pool)
            .await?;
        people_counts(&row)
    }

    pub async fn person(&self, org: OrganisationId, id: PersonId) -> Result<PersonRecord> {
        // One query, a row per site, with the roles joined into one text: every signed-in home
        // page reads its person.
        let sql = format!(
            "SELECT p.id, p.employee_number, p.given_name, p.family_name, p.email, p.employment, \
                    p.job_role, p.job_family, p.contracted_hours, p.start_date, p.left_on, \
                    p.line_manager_id, m.given_name || ' ' || m.family_name AS manager_name, \
                    p.team_id, t.name AS team_name, a.id AS account_id, a.disabled, \
                    (SELECT {roles} FROM account_roles r WHERE r.account_id = a.id) AS roles, \
                    s.id AS site_id, s.name AS site_name \
             FROM people p \
             LEFT JOIN people m ON m.id = p.line_manager_id \
             LEFT JOIN teams t ON t.id = p.team_id \
             LEFT JOIN accounts a ON a.person_id = p.id \
             LEFT JOIN person_sites ps ON ps.person_id = p.id \
             LEFT JOIN sites s ON s.id = ps.site_id \
             WHERE p.organisation_id = $1 AND p.id = $2 \
             ORDER BY ps.position, s.name",
            roles = self.joined("role"),
        );
        let rows = match &self.inline {
            Some(inline) => inline.read(|conn| {
                let args: [&dyn rusqlite::ToSql; 2] = [&org.0, &id.0];
                inline::rows(conn, &sql, &args, |r| person_row(id, r))
            })?,
            None => sqlx::query(AssertSqlSafe(sql))
                .bind(org.0)
                .bind(id.0)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|r| person_row(id, r))
                .collect::<Result<Vec<_>>>()?,
        };
        // A row per site: the first row's person, with every row's site.
        let mut rows = rows.into_iter();
        let mut person = rows.next().ok_or(StoreError::NotFound)?;
        person.sites.extend(rows.flat_map(|r| r.sites));
        Ok(person)
    }

    pub async fn roles(&self, account: AccountId) -> Result<Roles> {
        let rows: Vec<String> =
            sqlx::query_scalar("SELECT role FROM account_roles WHERE account_id = $1")
                .bind(account.0)
                .fetch_all(&self.pool)
                .await?;
        Ok(Roles::from_iter(
            rows.iter().filter_map(|r| Role::parse(r).ok()),
        ))
    }

    /// Creates a person; the employee number and email must be free.
    pub async fn create_person(
        &self,
        org: OrganisationId,
        input: &PersonInput,
        by: Actor,
    ) -> Result<PersonId> {
        self.check_references(org, input).await?;
        let mut tx = self.begin_write().await?;
        let at = now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO people (organisation_id, employee_number, given_name, family_name, email, \
                employment, job_role, job_family, contracted_hours, start_date, line_manager_id, \
                team_id, created_at, updated_at, left_on, access_ended_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15) \
             RETURNING id",
        )
        .bind(org.0)
        .bind(input.employee_number.as_str())
        .bind(input.given_name.as_str())
        .bind(input.family_name.as_str())
        .bind(input.email.as_ref().map(Email::as_str))
        .bind(input.employment.as_str())
        .bind(input.job_role.as_str())
        .bind(input.job_family.as_str())
        .bind(input.contracted_hours.hours())
        .bind(input.start_date.map(format_date))
        .bind(input.line_manager.map(|p| p.0))
        .bind(input.team.map(|t| t.0))
        .bind(at)
        .bind(input.left_on.map(format_date))
        // Added as already gone: they have no account yet, so no access to end.
        .bind(
            Departure::on(input.left_on, crate::dates::today())
                .has_left()
                .then_some(at),
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(taken_person)?;
        insert_sites(&mut tx, id, &input.sites).await?;
        let event = NewAuditEvent::new(by, AuditAction::PersonAdded, Some(PersonId(id)));
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        self.sync_training_of(org, PersonId(id), crate::training::today())
            .await?;
        Ok(PersonId(id))
    }

    /// Changes a person, as done `by`. A "left on" day that has come ends their access in the
    /// same transaction (see [`crate::leavers`]).
    pub async fn update_person(
        &self,
        org: OrganisationId,
        id: PersonId,
        input: &PersonInput,
        by: Actor,
    ) -> Result<()> {
        self.check_references(org, input).await?;
        if input.line_manager == Some(id)
            || self.manages(id, input.line_manager.unwrap_or(id)).await?
        {
            return Err(StoreError::Taken("line_manager"));
        }
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE people SET employee_number = $3, given_name = $4, family_name = $5, email = $6, \
                employment = $7, job_role = $8, job_family = $9, contracted_hours = $10, \
                start_date = $11, line_manager_id = $12, team_id = $13, updated_at = $14, \
                left_on = $15 \
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(input.employee_number.as_str())
        .bind(input.given_name.as_str())
        .bind(input.family_name.as_str())
        .bind(input.email.as_ref().map(Email::as_str))
        .bind(input.employment.as_str())
        .bind(input.job_role.as_str())
        .bind(input.job_family.as_str())
        .bind(input.contracted_hours.hours())
        .bind(input.start_date.map(format_date))
        .bind(input.line_manager.map(|p| p.0))
        .bind(input.team.map(|t| t.0))
        .bind(now())
        .bind(input.left_on.map(format_date))
        .execute(&mut *tx)
        .await
        .map_err(taken_person)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM person_sites WHERE person_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        insert_sites(&mut tx, id.0, &input.sites).await?;
        crate::leavers::apply_departure(&mut tx, org, id, input.left_on, by).await?;
        let event = NewAuditEvent::new(by, AuditAction::PersonChanged, Some(id));
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        // A new job, site or departure changes which modules they must do.
        self.sync_training_of(org, id, crate::training::today())
            .await?;
        Ok(())
    }

    async fn check_references(&self, org: OrganisationId, input: &PersonInput) -> Result<()> {
        self.check_person_in(org, input.line_manager).await?;
        if let Some(team) = input.team {
            self.team(org, team).await?;
        }
        for site in &input.sites {
            self.site(org, *site).await?;
        }
        Ok(())
    }

    /// Everyone in the organisation, by name, for choosing a line manager or team manager.
    pub async fn people_names(&self, org: OrganisationId) -> Result<Vec<(PersonId, String)>> {
        let rows = sqlx::query(
            "SELECT id, given_name || ' ' || family_name || ' (' || employee_number || ')' AS label \
             FROM people WHERE organisation_id = $1 AND job_family IN ('manager', 'senior_leader', 'specialist') \
             ORDER BY family_name, given_name",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((PersonId(r.try_get("id")?), r.try_get("label")?)))
            .collect()
    }
}

/// Headline counts of the people in an organisation.
#[derive(Debug, Clone, Copy, Default)]
pub struct PeopleCounts {
    pub total: i64,
    pub volunteers: i64,
    pub part_time_employees: i64,
    /// The organisation's sites and teams, counted in the same query for the home page.
    pub sites: i64,
    pub teams: i64,
}

fn taken_person(e: sqlx::Error) -> StoreError {
    if let sqlx::Error::Database(db) = &e
        && db.is_unique_violation()
    {
        let what = if db.message().contains("email") || db.constraint() == Some("people_email") {
            "email"
        } else {
            "employee_number"
        };
        return StoreError::Taken(what);
    }
    taken_or(e, "employee_number")
}

async fn insert_sites(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    person: i64,
    sites: &[SiteId],
) -> Result<()> {
    for (position, site) in sites.iter().enumerate() {
        sqlx::query("INSERT INTO person_sites (person_id, site_id, position) VALUES ($1, $2, $3)")
            .bind(person)
            .bind(site.0)
            .bind(position as i64)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

impl Store {
    /// The person with this email address, if any.
    pub async fn person_by_email(
        &self,
        org: OrganisationId,
        email: &Email,
    ) -> Result<Option<PersonId>> {
        let id: Option<i64> =
            sqlx::query_scalar("SELECT id FROM people WHERE organisation_id = $1 AND email = $2")
                .bind(org.0)
                .bind(email.as_str())
                .fetch_optional(&self.pool)
                .await?;
        Ok(id.map(PersonId))
    }
}
