//! Applying a checked staff file, and reading the staff back out as one.
//!
//! An import is one transaction: it either lands whole or leaves nothing behind, even when the
//! process is killed half way. People are matched by employee number; a person whose file line
//! matches what is stored is not touched, so importing the same file twice changes nothing.

use crate::audit_trail::{Actor, AuditAction, NewAuditEvent, insert_event};
use crate::leavers::{Absent, apply_absent};
use crate::people::corrupt;
use crate::{Backend, Result, Store, StoreError, now};
use skillgym_domain::people::format_date;
use skillgym_domain::staff_file::StaffRecord;
use skillgym_domain::{
    ContractedHours, Email, EmployeeNumber, Employment, JobFamily, JobRole, OrganisationId,
    PersonName, SiteCode, TeamName,
};
use sqlx::{Any, AssertSqlSafe, Row, Transaction};
use std::collections::{HashMap, HashSet};

/// What a staff file is checked against.
#[derive(Debug, Default)]
pub struct StaffKnown {
    pub sites: HashSet<SiteCode>,
    pub people: HashMap<EmployeeNumber, Option<Email>>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Teams the file named that did not exist yet, and were created.
    pub teams_added: Vec<String>,
    /// People in skillgym, not marked as left, whom the file leaves out.
    pub absent: u64,
    /// How many of them were marked as having left (all or none).
    pub marked_left: u64,
}

/// Rows per multi-row statement: well under SQLite's 32,766 and PostgreSQL's 65,535 bound
/// parameters.
const SQLITE_CHUNK: usize = 500;
const POSTGRES_CHUNK: usize = 500;

struct Stored {
    id: i64,
    record: StaffRecord,
}

impl Store {
    /// The sites and people a staff file is checked against.
    pub async fn staff_known(&self, org: OrganisationId) -> Result<StaffKnown> {
        let sites =
            sqlx::query_scalar::<_, String>("SELECT code FROM sites WHERE organisation_id = $1")
                .bind(org.0)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|c| SiteCode::parse(c).map_err(corrupt))
                .collect::<Result<_>>()?;
        let people =
            sqlx::query("SELECT employee_number, email FROM people WHERE organisation_id = $1")
                .bind(org.0)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|r| {
                    let number: String = r.try_get("employee_number")?;
                    let email: Option<String> = r.try_get("email")?;
                    Ok((
                        EmployeeNumber::parse(&number).map_err(corrupt)?,
                        email
                            .map(|e| Email::parse(&e).map_err(corrupt))
                            .transpose()?,
                    ))
                })
                .collect::<Result<_>>()?;
        Ok(StaffKnown { sites, people })
    }

    /// Every person in the organisation as a staff file line, ordered by employee number.
    pub async fn staff_records(&self, org: OrganisationId) -> Result<Vec<StaffRecord>> {
        let mut conn = self.pool.acquire().await?;
        let stored = load_stored(&mut conn, org).await?;
        let mut records: Vec<StaffRecord> = stored.into_values().map(|s| s.record).collect();
        records.sort_by(|a, b| a.employee_number.cmp(&b.employee_number));
        Ok(records)
    }

    /// Imports checked staff records as [`Store::apply_staff_file`] does, done `by` someone:
    /// the audit trail's event, with what changed, is written in the same transaction.
    pub async fn import_staff_records(
        &self,
        org: OrganisationId,
        records: &[StaffRecord],
        absent: Absent,
        by: Actor,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<ImportOutcome> {
        self.apply(org, records, absent, Some(by), progress).await
    }

    /// Applies checked staff records in one transaction, calling `progress` with the number of
    /// records written so far; the people the file leaves out are dealt with as `absent` says,
    /// in the same transaction. Records no event: for the demo and for tests.
    pub async fn apply_staff_file(
        &self,
        org: OrganisationId,
        records: &[StaffRecord],
        absent: Absent,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<ImportOutcome> {
        self.apply(org, records, absent, None, progress).await
    }

    async fn apply(
        &self,
        org: OrganisationId,
        records: &[StaffRecord],
        absent: Absent,
        by: Option<Actor>,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<ImportOutcome> {
        let marks_leavers = matches!(absent, Absent::Left { .. });
        // On SQLite the import takes the write lock before it reads anything: it reads the
        // largest id and gives new people the ones after it, and a transaction that began by
        // reading cannot start writing once another writer has committed (SQLite refuses the
        // stale snapshot at once, whatever the busy timeout). Taken up front, the lock makes a
        // concurrent writer's turn come before or after the whole import, waited for.
        let mut tx = self.begin_write().await?;
        // Campaigns keep who they asked as it was before the file changes anyone.
        crate::asked::record_due(
            &mut tx,
            self.backend,
            Some(org),
            None,
            crate::dates::today(),
        )
        .await?;
        let stored = load_stored(&mut tx, org).await?;
        let sites: HashMap<String, i64> =
            sqlx::query("SELECT code, id FROM sites WHERE organisation_id = $1")
                .bind(org.0)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| Ok((r.try_get("code")?, r.try_get("id")?)))
                .collect::<Result<_>>()?;
        let mut teams: HashMap<String, i64> =
            sqlx::query("SELECT name, id FROM teams WHERE organisation_id = $1")
                .bind(org.0)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| Ok((r.try_get("name")?, r.try_get("id")?)))
                .collect::<Result<_>>()?;

        let chunk_size = match self.backend {
            crate::Backend::Sqlite => SQLITE_CHUNK,
            crate::Backend::Postgres => POSTGRES_CHUNK,
        };
        let mut outcome = ImportOutcome::default();
        // The people the file leaves out, before anyone is added: reading them back afterwards
        // would read every person the file has just written.
        let leavers = apply_absent(&mut tx, org, records, absent).await?;
        outcome.absent = leavers.absent;
        outcome.marked_left = leavers.marked_left;
        for name in records.iter().filter_map(|r| r.team.as_ref()) {
            if !teams.contains_key(name.as_str()) {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO teams (organisation_id, name) VALUES ($1, $2) RETURNING id",
                )
                .bind(org.0)
                .bind(name.as_str())
                .fetch_one(&mut *tx)
                .await?;
                teams.insert(name.as_str().to_string(), id);
                outcome.teams_added.push(name.as_str().to_string());
            }
        }

        let mut new = Vec::new();
        let mut changed = Vec::new();
        for record in records {
            match stored.get(record.employee_number.as_str()) {
                None => new.push(record),
                Some(s) if s.record != *record => changed.push((s.id, record)),
                Some(_) => outcome.unchanged += 1,
            }
        }
        let mut done = outcome.unchanged;
        progress(done);

        let at = now();
        let mut ids: HashMap<&str, i64> = stored
            .iter()
            .map(|(number, s)| (number.as_str(), s.id))
            .collect();
        if self.backend == Backend::Sqlite {
            insert_new_people_sqlite(
                &mut tx,
                org,
                &new,
                &mut ids,
                &NewPeopleContext {
                    teams: &teams,
                    sites: &sites,
                    at,
                },
                &mut |written| progress(done + written),
            )
            .await?;
            done += new.len() as u64;
        }
        if self.backend == Backend::Postgres {
            insert_new_people_postgres(
                &mut tx,
                org,
                &new,
                &mut ids,
                &NewPeopleContext {
                    teams: &teams,
                    sites: &sites,
                    at,
                },
                &mut |written| progress(done + written),
            )
            .await?;
            done += new.len() as u64;
        }
        outcome.added = new.len() as u64;

        for (id, record) in &changed {
            update_person(&mut tx, *id, record, &teams, at).await?;
            if self.backend == Backend::Sqlite {
                sqlx::query("DELETE FROM person_sites WHERE person_id = $1")
                    .bind(*id)
                    .execute(&mut *tx)
                    .await?;
                let rows: Vec<_> = record
                    .sites
                    .iter()
                    .enumerate()
                    .map(|(position, code)| (*id, sites[code.as_str()], position as i64))
                    .collect();
                insert_person_sites(&mut tx, self.backend, &rows, chunk_size).await?;
            }
            done += 1;
            if done % chunk_size as u64 == 0 {
                progress(done);
            }
        }
        if self.backend == Backend::Postgres {
            replace_sites_postgres(&mut tx, &changed, &sites).await?;
        }
        outcome.updated = changed.len() as u64;

        // Changed people's line managers are set once everyone has an id.
        let managers: Vec<(i64, Option<i64>)> = changed
            .iter()
            .map(|(id, r)| {
                let manager = r
                    .line_manager
                    .as_ref()
                    .and_then(|m| ids.get(m.as_str()).copied());
                (*id, manager)
            })
            .filter(|(_, manager)| manager.is_some())
            .collect();
        for chunk in managers.chunks(chunk_size) {
            let values = placeholders(self.backend, chunk.len(), 2, 1);
            let sql = format!(
                "UPDATE people SET line_manager_id = v.column2 FROM (VALUES {values}) AS v \
                 WHERE people.id = v.column1"
            );
            let mut query = sqlx::query(AssertSqlSafe(sql.clone()));
            for (id, manager) in chunk {
                query = query.bind(*id).bind(*manager);
            }
            query.execute(&mut *tx).await?;
        }
        for (id, record) in &changed {
            if record.line_manager.is_none() {
                sqlx::query("UPDATE people SET line_manager_id = NULL WHERE id = $1")
                    .bind(*id)
                    .execute(&mut *tx)
                    .await?;
            }
        }

        if let Some(by) = by {
            let mut event = NewAuditEvent::new(by, AuditAction::StaffImported, None)
                .with("added", outcome.added)
                .with("updated", outcome.updated)
                .with("unchanged", outcome.unchanged);
            if marks_leavers {
                event = event.with("left", outcome.marked_left);
            }
            insert_event(&mut tx, org, &event).await?;
        }
        tx.commit().await?;
        self.sync_training(org, crate::training::today()).await?;
        progress(done);
        Ok(outcome)
    }
}

/// `($1, $2), ($3, $4), …` for `rows` rows of `columns` parameters, numbered from `first`.
///
/// SQLite gets anonymous `?` parameters: it looks named ones (`$1`) up by a linear search per
/// parameter, which makes a statement with thousands of them quadratic to bind.
pub(crate) fn placeholders(backend: Backend, rows: usize, columns: usize, first: usize) -> String {
    values_rows(backend, rows, columns, first, None)
}

/// Like [`placeholders`] numbered from 1, with `literal` (SQL text, such as `'import'`) in
/// each row after its first `at` parameters: `($1, $2, 'import', $3), (…)`.
pub(crate) fn placeholders_with_literal(
    backend: Backend,
    rows: usize,
    columns: usize,
    literal: &str,
    at: usize,
) -> String {
    values_rows(backend, rows, columns, 1, Some((literal, at)))
}

fn values_rows(
    backend: Backend,
    rows: usize,
    columns: usize,
    first: usize,
    literal: Option<(&str, usize)>,
) -> String {
    let literal_len = literal.map_or(0, |(l, _)| l.len() + 2);
    let mut out = String::with_capacity(rows * (columns * 5 + literal_len));
    for row in 0..rows {
        if row > 0 {
            out.push_str(", ");
        }
        out.push('(');
        for col in 0..columns {
            if col > 0 {
                out.push_str(", ");
            }
            if let Some((literal, at)) = literal
                && col == at
            {
                out.push_str(literal);
                out.push_str(", ");
            }
            match backend {
                Backend::Sqlite => out.push('?'),
                Backend::Postgres => {
                    out.push('$');
                    out.push_str(&(first + row * columns + col).to_string());
                }
            }
        }
        out.push(')');
    }
    out
}

/// What new people's rows refer to.
struct NewPeopleContext<'a> {
    teams: &'a HashMap<String, i64>,
    sites: &'a HashMap<String, i64>,
    at: i64,
}

/// People (and site rows) per statement on SQLite's fast path.
const SQLITE_PEOPLE_CHUNK: usize = 2000;
const SQLITE_SITES_CHUNK: usize = 4000;

/// New people on SQLite, the fast way. Their ids are chosen here, one past the largest (the
/// import took the write lock before reading it, so no other writer can come between), so
/// every line manager's id is known before any row is written
/// and rows go in without `RETURNING`. Foreign keys are checked at commit
/// (`defer_foreign_keys`, which SQLite resets when the transaction ends), so a person may be
/// written before their manager.
///
/// Each statement takes its rows as one JSON array bound as a single parameter and read with
/// `json_each`: binding a dozen values a row through sqlx's `Any` driver costs several
/// allocations and copies each, which was most of the import's time. Each statement is built
/// while SQLite runs the one before.
async fn insert_new_people_sqlite<'r>(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    new: &[&'r StaffRecord],
    ids: &mut HashMap<&'r str, i64>,
    context: &NewPeopleContext<'_>,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<()> {
    if new.is_empty() {
        return Ok(());
    }
    sqlx::query("PRAGMA defer_foreign_keys = ON")
        .execute(&mut **tx)
        .await?;
    let first: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM people")
        .fetch_one(&mut **tx)
        .await?;
    ids.reserve(new.len());
    for (i, record) in new.iter().enumerate() {
        ids.insert(record.employee_number.as_str(), first + i as i64);
    }
    let ids = &*ids;
    // The organisation and the time are the same on every row: written into the statement
    // (integers skillgym made, not text from the file).
    let people_sql = format!(
        "INSERT INTO people (id, organisation_id, employee_number, given_name, family_name, \
            email, employment, job_role, job_family, contracted_hours, start_date, team_id, \
            created_at, updated_at, line_manager_id) \
         SELECT value ->> 0, {org}, value ->> 1, value ->> 2, value ->> 3, value ->> 4, \
                value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, \
                {at}, {at}, value ->> 11 \
         FROM json_each(?)",
        org = org.0,
        at = context.at
    );
    let sites_sql = "INSERT INTO person_sites (person_id, site_id, position) \
         SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)";

    type PersonRow<'a> = (
        i64,
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
        &'a str,
        &'a str,
        &'a str,
        f64,
        Option<String>,
        Option<i64>,
        Option<i64>,
    );
    let people_statement = |offset: usize, chunk: &[&StaffRecord]| -> Result<_> {
        let rows: Vec<PersonRow> = chunk
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    first + (offset + i) as i64,
                    r.employee_number.as_str(),
                    r.given_name.as_str(),
                    r.family_name.as_str(),
                    r.email.as_ref().map(Email::as_str),
                    r.employment.as_str(),
                    r.job_role.as_str(),
                    r.job_family.as_str(),
                    r.contracted_hours.hours(),
                    r.start_date.map(format_date),
                    r.team.as_ref().map(|t| context.teams[t.as_str()]),
                    r.line_manager
                        .as_ref()
                        .and_then(|m| ids.get(m.as_str()).copied()),
                )
            })
            .collect();
        let json = serde_json::to_string(&rows).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok(sqlx::query(AssertSqlSafe(people_sql.clone())).bind(json))
    };
    let site_rows: Vec<(i64, i64, i64)> = new
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r.sites.iter().enumerate().map(move |(position, code)| {
                (
                    first + i as i64,
                    context.sites[code.as_str()],
                    position as i64,
                )
            })
        })
        .collect();
    let sites_statement = |chunk: &[(i64, i64, i64)]| -> Result<_> {
        let json = serde_json::to_string(chunk).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok(sqlx::query(AssertSqlSafe(sites_sql)).bind(json))
    };

    // People first, then their sites; the number is how many people have been written once
    // the statement has run.
    let mut statements = new
        .chunks(SQLITE_PEOPLE_CHUNK)
        .enumerate()
        .map(|(n, chunk)| {
            let offset = n * SQLITE_PEOPLE_CHUNK;
            Ok::<_, StoreError>((
                people_statement(offset, chunk)?,
                (offset + chunk.len()) as u64,
            ))
        })
        .chain(
            site_rows
                .chunks(SQLITE_SITES_CHUNK)
                .map(|chunk| Ok((sites_statement(chunk)?, new.len() as u64))),
        );
    let Some(mut current) = statements.next().transpose()? else {
        return Ok(());
    };
    loop {
        // `biased`: the statement is handed to SQLite's thread first, then the next one is
        // built here while it runs.
        let (done, next) = tokio::join!(biased; current.0.execute(&mut **tx), async {
            statements.next().transpose()
        });
        done?;
        progress(current.1);
        match next? {
            Some(next) => current = next,
            None => return Ok(()),
        }
    }
}

/// People, and site rows, per statement on PostgreSQL's path.
const POSTGRES_PEOPLE_CHUNK: usize = 5_000;
const POSTGRES_SITES_CHUNK: usize = 50_000;

/// New people on PostgreSQL, the fast way. Their ids are drawn from the table's own sequence
/// up front, in the order the rows are written, so every line manager's id is known before
/// any row is written and rows go in without `RETURNING`. Managers are written before the
/// people they manage, because PostgreSQL checks the line manager's foreign key at the end of
/// each statement.
///
/// As on SQLite, each statement takes its rows as one JSON array bound as a single parameter
/// (read with `jsonb_array_elements`), rather than a dozen bound values a row. Site rows go in
/// after everyone, in a few large statements: the statement-level trigger that moves the
/// organisation's `people_version` costs something per statement, not per row (before
/// migration 0014 it scanned every person each time).
async fn insert_new_people_postgres<'r>(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    new: &[&'r StaffRecord],
    ids: &mut HashMap<&'r str, i64>,
    context: &NewPeopleContext<'_>,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<()> {
    if new.is_empty() {
        return Ok(());
    }
    let new = managers_first(new.to_vec());
    let drawn = draw_people_ids(tx, new.len()).await?;
    ids.reserve(new.len());
    for (record, id) in new.iter().zip(&drawn) {
        ids.insert(record.employee_number.as_str(), *id);
    }
    let ids = &*ids;
    // The organisation and the time are the same on every row: written into the statement
    // (integers skillgym made, not text from the file).
    let people_sql = format!(
        "INSERT INTO people (id, organisation_id, employee_number, given_name, family_name, \
            email, employment, job_role, job_family, contracted_hours, start_date, team_id, \
            created_at, updated_at, line_manager_id) \
         SELECT (v ->> 0)::bigint, {org}, v ->> 1, v ->> 2, v ->> 3, v ->> 4, v ->> 5, \
                v ->> 6, v ->> 7, (v ->> 8)::double precision, v ->> 9, (v ->> 10)::bigint, \
                {at}, {at}, (v ->> 11)::bigint \
         FROM jsonb_array_elements($1::jsonb) AS v",
        org = org.0,
        at = context.at
    );
    type PersonRow<'a> = (
        i64,
        &'a str,
        &'a str,
        &'a str,
        Option<&'a str>,
        &'a str,
        &'a str,
        &'a str,
        f64,
        Option<String>,
        Option<i64>,
        Option<i64>,
    );
    let people_json = |chunk: &[&StaffRecord], chunk_ids: &[i64]| -> Result<String> {
        let rows: Vec<PersonRow> = chunk
            .iter()
            .zip(chunk_ids)
            .map(|(r, id)| {
                (
                    *id,
                    r.employee_number.as_str(),
                    r.given_name.as_str(),
                    r.family_name.as_str(),
                    r.email.as_ref().map(Email::as_str),
                    r.employment.as_str(),
                    r.job_role.as_str(),
                    r.job_family.as_str(),
                    r.contracted_hours.hours(),
                    r.start_date.map(format_date),
                    r.team.as_ref().map(|t| context.teams[t.as_str()]),
                    r.line_manager
                        .as_ref()
                        .and_then(|m| ids.get(m.as_str()).copied()),
                )
            })
            .collect();
        serde_json::to_string(&rows).map_err(|e| StoreError::Corrupt(e.to_string()))
    };
    // Each statement's JSON is built while PostgreSQL runs the one before (`biased`: the
    // statement is sent first), as on SQLite.
    let mut chunks = new
        .chunks(POSTGRES_PEOPLE_CHUNK)
        .zip(drawn.chunks(POSTGRES_PEOPLE_CHUNK));
    let mut written = 0;
    let mut current = chunks
        .next()
        .map(|(chunk, chunk_ids)| {
            Ok::<_, StoreError>((people_json(chunk, chunk_ids)?, chunk.len()))
        })
        .transpose()?;
    while let Some((json, len)) = current {
        let (done, next) = tokio::join!(
            biased;
            sqlx::query(AssertSqlSafe(people_sql.clone()))
                .bind(json)
                .execute(&mut **tx),
            async {
                let next = chunks.next();
                next.map(|(chunk, chunk_ids)| {
                    Ok::<_, StoreError>((people_json(chunk, chunk_ids)?, chunk.len()))
                })
                .transpose()
            }
        );
        done?;
        written += len as u64;
        progress(written);
        current = next?;
    }

    let site_rows: Vec<(i64, i64, i64)> =
        new.iter()
            .zip(&drawn)
            .flat_map(|(r, id)| {
                r.sites.iter().enumerate().map(move |(position, code)| {
                    (*id, context.sites[code.as_str()], position as i64)
                })
            })
            .collect();
    insert_sites_postgres(tx, &site_rows).await?;
    progress(written);
    Ok(())
}

/// `count` new ids from the people table's own sequence, ascending, in one round trip. The
/// sequence is looked up once (a subquery), not once a row: `pg_get_serial_sequence` reads the
/// catalogue each time it is called, which was most of the 0.4 s that 100,000 ids took. The
/// ids come back as one text value rather than a row each. Drawn with `nextval`, they are
/// never handed to anyone else, whatever runs at the same time.
async fn draw_people_ids(tx: &mut Transaction<'_, Any>, count: usize) -> Result<Vec<i64>> {
    let text: Option<String> = sqlx::query_scalar(
        "SELECT string_agg(CAST(id AS TEXT), ',' ORDER BY id) \
         FROM (SELECT nextval((SELECT CAST(pg_get_serial_sequence('people', 'id') AS regclass))) \
                   AS id \
               FROM generate_series(1, $1)) AS drawn",
    )
    .bind(count as i64)
    .fetch_one(&mut **tx)
    .await?;
    let drawn = text
        .unwrap_or_default()
        .split(',')
        .filter(|id| !id.is_empty())
        .map(|id| {
            id.parse::<i64>()
                .map_err(|_| StoreError::Corrupt(format!("the people sequence gave {id:?}")))
        })
        .collect::<Result<Vec<i64>>>()?;
    if drawn.len() != count {
        return Err(StoreError::Corrupt(format!(
            "asked the people sequence for {count} ids and got {}",
            drawn.len()
        )));
    }
    Ok(drawn)
}

/// Changed people's sites on PostgreSQL: all removed in one statement and written again in a
/// few, since each statement on `person_sites` costs a pass over every stored person (see
/// [`insert_new_people_postgres`]).
async fn replace_sites_postgres(
    tx: &mut Transaction<'_, Any>,
    changed: &[(i64, &StaffRecord)],
    sites: &HashMap<String, i64>,
) -> Result<()> {
    if changed.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = changed.iter().map(|(id, _)| *id).collect();
    let json = serde_json::to_string(&ids).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    sqlx::query(
        "DELETE FROM person_sites \
         WHERE person_id IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint)",
    )
    .bind(json)
    .execute(&mut **tx)
    .await?;
    let rows: Vec<(i64, i64, i64)> = changed
        .iter()
        .flat_map(|(id, r)| {
            r.sites
                .iter()
                .enumerate()
                .map(move |(position, code)| (*id, sites[code.as_str()], position as i64))
        })
        .collect();
    insert_sites_postgres(tx, &rows).await
}

/// `(person, site, position)` rows into `person_sites`, each statement's rows as one JSON
/// parameter.
async fn insert_sites_postgres(
    tx: &mut Transaction<'_, Any>,
    rows: &[(i64, i64, i64)],
) -> Result<()> {
    for chunk in rows.chunks(POSTGRES_SITES_CHUNK) {
        let json = serde_json::to_string(chunk).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO person_sites (person_id, site_id, position) \
             SELECT (v ->> 0)::bigint, (v ->> 1)::bigint, (v ->> 2)::bigint \
             FROM jsonb_array_elements($1::jsonb) AS v",
        )
        .bind(json)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// New people ordered so that a line manager comes before the people they manage (by how far
/// down a chain of managers within the file each person is); the order is otherwise kept.
fn managers_first(new: Vec<&StaffRecord>) -> Vec<&StaffRecord> {
    let position: HashMap<&str, usize> = new
        .iter()
        .enumerate()
        .map(|(i, r)| (r.employee_number.as_str(), i))
        .collect();
    let mut depth: Vec<Option<usize>> = vec![None; new.len()];
    for start in 0..new.len() {
        // Walk up to the first person whose depth is known or who has no manager in the
        // file; the file check has already refused cycles, and the walk is bounded anyway.
        let mut chain = vec![start];
        let mut base = 0;
        while let Some(&at) = chain.last() {
            if let Some(d) = depth[at] {
                chain.pop();
                base = d + 1;
                break;
            }
            match new[at]
                .line_manager
                .as_ref()
                .and_then(|m| position.get(m.as_str()))
            {
                Some(&up) if chain.len() <= new.len() && !chain.contains(&up) => chain.push(up),
                _ => break,
            }
        }
        for (i, at) in chain.iter().rev().enumerate() {
            depth[*at].get_or_insert(base + i);
        }
    }
    let mut order: Vec<usize> = (0..new.len()).collect();
    order.sort_by_key(|&i| depth[i].unwrap_or(0));
    order.into_iter().map(|i| new[i]).collect()
}

async fn insert_person_sites(
    tx: &mut Transaction<'_, Any>,
    backend: Backend,
    rows: &[(i64, i64, i64)],
    chunk_size: usize,
) -> Result<()> {
    for chunk in rows.chunks(chunk_size) {
        let sql = format!(
            "INSERT INTO person_sites (person_id, site_id, position) VALUES {}",
            placeholders(backend, chunk.len(), 3, 1)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql.clone()));
        for (person, site, position) in chunk {
            query = query.bind(*person).bind(*site).bind(*position);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

async fn update_person(
    tx: &mut Transaction<'_, Any>,
    id: i64,
    r: &StaffRecord,
    teams: &HashMap<String, i64>,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE people SET given_name = $2, family_name = $3, email = $4, employment = $5, \
            job_role = $6, job_family = $7, contracted_hours = $8, start_date = $9, team_id = $10, \
            updated_at = $11 WHERE id = $1",
    )
    .bind(id)
    .bind(r.given_name.as_str())
    .bind(r.family_name.as_str())
    .bind(r.email.as_ref().map(Email::as_str))
    .bind(r.employment.as_str())
    .bind(r.job_role.as_str())
    .bind(r.job_family.as_str())
    .bind(r.contracted_hours.hours())
    .bind(r.start_date.map(format_date))
    .bind(r.team.as_ref().map(|t| teams[t.as_str()]))
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Everyone stored, as staff records keyed by employee number.
async fn load_stored(
    conn: &mut sqlx::AnyConnection,
    org: OrganisationId,
) -> Result<HashMap<String, Stored>> {
    let rows = sqlx::query(
        "SELECT p.id, p.employee_number, p.given_name, p.family_name, p.email, p.employment, \
                p.job_role, p.job_family, p.contracted_hours, p.start_date, \
                m.employee_number AS manager, t.name AS team \
         FROM people p \
         LEFT JOIN people m ON m.id = p.line_manager_id \
         LEFT JOIN teams t ON t.id = p.team_id \
         WHERE p.organisation_id = $1",
    )
    .bind(org.0)
    .fetch_all(&mut *conn)
    .await?;
    let mut sites: HashMap<i64, Vec<SiteCode>> = HashMap::new();
    let site_rows = sqlx::query(
        "SELECT ps.person_id, s.code FROM person_sites ps JOIN sites s ON s.id = ps.site_id \
         WHERE s.organisation_id = $1 ORDER BY ps.person_id, ps.position",
    )
    .bind(org.0)
    .fetch_all(&mut *conn)
    .await?;
    for r in &site_rows {
        let code: String = r.try_get("code")?;
        sites
            .entry(r.try_get("person_id")?)
            .or_default()
            .push(SiteCode::parse(&code).map_err(corrupt)?);
    }
    let mut out = HashMap::with_capacity(rows.len());
    for r in &rows {
        let id: i64 = r.try_get("id")?;
        let text = |c: &str| -> Result<String> { Ok(r.try_get::<String, _>(c)?) };
        let optional =
            |c: &str| -> Result<Option<String>> { Ok(r.try_get::<Option<String>, _>(c)?) };
        let record = StaffRecord {
            employee_number: EmployeeNumber::parse(&text("employee_number")?).map_err(corrupt)?,
            given_name: PersonName::parse(&text("given_name")?).map_err(corrupt)?,
            family_name: PersonName::parse(&text("family_name")?).map_err(corrupt)?,
            email: optional("email")?
                .map(|e| Email::parse(&e))
                .transpose()
                .map_err(corrupt)?,
            employment: Employment::parse(&text("employment")?).map_err(corrupt)?,
            job_role: JobRole::parse(&text("job_role")?).map_err(corrupt)?,
            job_family: JobFamily::parse(&text("job_family")?).map_err(corrupt)?,
            contracted_hours: ContractedHours::from_hours(r.try_get("contracted_hours")?)
                .map_err(corrupt)?,
            start_date: optional("start_date")?
                .map(|d| skillgym_domain::people::parse_date(&d))
                .transpose()
                .map_err(corrupt)?,
            line_manager: optional("manager")?
                .map(|m| EmployeeNumber::parse(&m))
                .transpose()
                .map_err(corrupt)?,
            team: optional("team")?
                .map(|t| TeamName::parse(&t))
                .transpose()
                .map_err(corrupt)?,
            sites: sites.remove(&id).unwrap_or_default(),
        };
        out.insert(
            record.employee_number.as_str().to_string(),
            Stored { id, record },
        );
    }
    Ok(out)
}

/// Why a staff file was not imported.
#[derive(Debug)]
pub enum ImportRefused {
    /// The file has problems; nothing was written.
    Problems(Vec<skillgym_domain::staff_file::Problem>),
    /// Marking the people the file leaves out would mark more than half of the current
    /// people, unconfirmed; nothing was written.
    MostWouldLeave {
        absent: u64,
        current: u64,
    },
    Store(crate::StoreError),
}

impl From<crate::StoreError> for ImportRefused {
    fn from(e: crate::StoreError) -> Self {
        match e {
            StoreError::MostWouldLeave { absent, current } => {
                ImportRefused::MostWouldLeave { absent, current }
            }
            e => ImportRefused::Store(e),
        }
    }
}

impl Store {
    /// Reads, checks and applies a whole staff file, leaving the people it leaves out as they
    /// are: every problem is reported and nothing is written, or all of it is. `progress`
    /// hears how many records are written so far.
    pub async fn import_staff_file(
        &self,
        org: OrganisationId,
        bytes: &[u8],
        progress: &(dyn Fn(u64) + Sync),
    ) -> std::result::Result<ImportOutcome, ImportRefused> {
        self.import_staff_file_with(org, bytes, Absent::Keep, progress)
            .await
    }

    /// [`Store::import_staff_file`], dealing with the people the file leaves out as `absent`
    /// says, in the same transaction.
    pub async fn import_staff_file_with(
        &self,
        org: OrganisationId,
        bytes: &[u8],
        absent: Absent,
        progress: &(dyn Fn(u64) + Sync),
    ) -> std::result::Result<ImportOutcome, ImportRefused> {
        let records = self.check_staff_file(org, bytes).await?;
        Ok(self
            .apply_staff_file(org, &records, absent, progress)
            .await?)
    }

    /// Reads and checks a whole staff file against the organisation, writing nothing.
    pub async fn check_staff_file(
        &self,
        org: OrganisationId,
        bytes: &[u8],
    ) -> std::result::Result<Vec<StaffRecord>, ImportRefused> {
        use skillgym_domain::staff_file;
        let known = self.staff_known(org).await?;
        let lines = staff_file::read_and_check(
            bytes,
            &staff_file::Known {
                sites: &known.sites,
                people: &known.people,
            },
        )
        .map_err(ImportRefused::Problems)?;
        Ok(lines.into_iter().map(|l| l.record).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::{placeholders, placeholders_with_literal};
    use crate::Backend::{Postgres, Sqlite};

    #[test]
    fn rows_are_numbered_and_put_the_literal_in_its_place() {
        assert_eq!(placeholders(Postgres, 2, 2, 1), "($1, $2), ($3, $4)");
        assert_eq!(placeholders(Postgres, 1, 2, 5), "($5, $6)");
        assert_eq!(placeholders(Sqlite, 2, 2, 1), "(?, ?), (?, ?)");
        assert_eq!(
            placeholders_with_literal(Postgres, 1, 3, "'x'", 2),
            "($1, $2, 'x', $3)"
        );
        assert_eq!(
            placeholders_with_literal(Sqlite, 2, 2, "'x'", 1),
            "(?, 'x', ?), (?, 'x', ?)"
        );
    }
}
