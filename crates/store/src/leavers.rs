//! People who leave: ending their access the moment they have left, by whichever path they
//! were marked (the staff import, the person's page, a "left on" date that arrives); and the
//! people a full staff file leaves out, found and marked within the import's own transaction.

use crate::audit_trail::{Actor, AuditAction, NewAuditEvent};
use crate::{Result, Store, StoreError, now};
use skillgym_domain::leavers::{Departure, left_out, marks_most};
use skillgym_domain::people::format_date;
use skillgym_domain::staff_file::StaffRecord;
use skillgym_domain::{OrganisationId, PersonId, StaffUploadId};
use sqlx::{Any, AnyConnection, AssertSqlSafe, Row, Transaction};

/// What an import does with the people the file leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Absent {
    /// Leave them as they are.
    #[default]
    Keep,
    /// Set their "left on" date to `on`, and end their access if that day has come, recorded
    /// as done `by`. When that would mark more than half of the current people, the import is
    /// refused unless `most_confirmed`.
    Left {
        on: time::Date,
        most_confirmed: bool,
        by: Actor,
    },
}

/// Someone in skillgym, not marked as left, whom a staff file leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbsentPerson {
    pub employee_number: String,
    pub given_name: String,
    pub family_name: String,
    pub team: Option<String>,
}

/// The people a staff file leaves out, among the `current` people (those not already marked
/// as left).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AbsentPeople {
    /// Ordered by family name, given name and employee number.
    pub people: Vec<AbsentPerson>,
    pub current: u64,
}

impl AbsentPeople {
    pub fn count(&self) -> u64 {
        self.people.len() as u64
    }

    /// Whether marking them all would mark more than half of the current people.
    pub fn marks_most(&self) -> bool {
        marks_most(self.count(), self.current)
    }
}

/// A checked staff file waiting for its check page to be answered.
#[derive(Debug, Clone)]
pub struct StaffUpload {
    pub id: StaffUploadId,
    pub file_name: String,
    pub body: Vec<u8>,
}

/// How long an upload waits for its check page.
const UPLOAD_LIFETIME_SECS: i64 = 24 * 60 * 60;
/// People per `UPDATE … WHERE id IN (…)`.
const MARK_CHUNK: usize = 500;

impl Store {
    /// The people now in skillgym, not marked as left, whom `records` leave out.
    pub async fn absent_from(
        &self,
        org: OrganisationId,
        records: &[StaffRecord],
    ) -> Result<AbsentPeople> {
        let mut conn = self.pool.acquire().await?;
        let (people, current) = absent(&mut conn, org, records).await?;
        Ok(AbsentPeople {
            people: people.into_iter().map(|(_, p)| p).collect(),
            current,
        })
    }

    /// Keeps a checked staff file until its check page is answered, and forgets uploads
    /// older than a day.
    pub async fn save_staff_upload(
        &self,
        org: OrganisationId,
        file_name: &str,
        body: &[u8],
    ) -> Result<StaffUploadId> {
        let at = now();
        sqlx::query("DELETE FROM staff_uploads WHERE created_at < $1")
            .bind(at - UPLOAD_LIFETIME_SECS)
            .execute(&self.pool)
            .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO staff_uploads (organisation_id, file_name, body, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(org.0)
        .bind(file_name)
        .bind(body.to_vec())
        .bind(at)
        .fetch_one(&self.pool)
        .await?;
        Ok(StaffUploadId(id))
    }

    /// The organisation's upload `id`, if it is still kept.
    pub async fn staff_upload(
        &self,
        org: OrganisationId,
        id: StaffUploadId,
    ) -> Result<StaffUpload> {
        let row = sqlx::query(
            "SELECT id, file_name, body FROM staff_uploads \
             WHERE organisation_id = $1 AND id = $2 AND created_at >= $3",
        )
        .bind(org.0)
        .bind(id.0)
        .bind(now() - UPLOAD_LIFETIME_SECS)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok(StaffUpload {
            id: StaffUploadId(row.try_get("id")?),
            file_name: row.try_get("file_name")?,
            body: row.try_get("body")?,
        })
    }

    pub async fn delete_staff_upload(&self, org: OrganisationId, id: StaffUploadId) -> Result<()> {
        sqlx::query("DELETE FROM staff_uploads WHERE organisation_id = $1 AND id = $2")
            .bind(org.0)
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// The absent people with their ids, and how many people are current.
async fn absent(
    conn: &mut sqlx::AnyConnection,
    org: OrganisationId,
    records: &[StaffRecord],
) -> Result<(Vec<(i64, AbsentPerson)>, u64)> {
    let rows = sqlx::query(
        "SELECT p.id, p.employee_number, p.given_name, p.family_name, t.name AS team \
         FROM people p LEFT JOIN teams t ON t.id = p.team_id \
         WHERE p.organisation_id = $1 AND p.left_on IS NULL \
         ORDER BY p.family_name, p.given_name, p.employee_number",
    )
    .bind(org.0)
    .fetch_all(&mut *conn)
    .await?;
    let current = rows.len() as u64;
    let numbers = rows
        .iter()
        .map(|r| r.try_get::<String, _>("employee_number"))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
    let mut people = Vec::new();
    for i in left_out(&numbers, records) {
        let r = &rows[i];
        people.push((
            r.try_get("id")?,
            AbsentPerson {
                employee_number: numbers[i].to_string(),
                given_name: r.try_get("given_name")?,
                family_name: r.try_get("family_name")?,
                team: r.try_get("team")?,
            },
        ));
    }
    Ok((people, current))
}

/// What the absent-people step of an import found and did.
pub(crate) struct AbsentApplied {
    pub absent: u64,
    pub marked_left: u64,
}

/// Counts the people `records` leave out and, when asked, marks them as having left, inside
/// the import's transaction `tx` so that it lands with the rest of the file or not at all.
/// People already marked as left are neither counted nor touched. Called before the file's
/// people are written, so the figures are those the check page showed.
pub(crate) async fn apply_absent(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    records: &[StaffRecord],
    choice: Absent,
) -> Result<AbsentApplied> {
    let (people, current) = absent(tx, org, records).await?;
    let count = people.len() as u64;
    let Absent::Left {
        on,
        most_confirmed,
        by,
    } = choice
    else {
        return Ok(AbsentApplied {
            absent: count,
            marked_left: 0,
        });
    };
    if marks_most(count, current) && !most_confirmed {
        return Err(StoreError::MostWouldLeave {
            absent: count,
            current,
        });
    }
    let at = now();
    let ids: Vec<i64> = people.iter().map(|(id, _)| *id).collect();
    for chunk in ids.chunks(MARK_CHUNK) {
        // Ids read from the database just now, not text from the file.
        let list = id_list(chunk);
        let sql = format!(
            "UPDATE people SET left_on = $1, updated_at = $2 \
             WHERE organisation_id = $3 AND left_on IS NULL AND id IN ({list})"
        );
        sqlx::query(AssertSqlSafe(sql))
            .bind(format_date(on))
            .bind(at)
            .bind(org.0)
            .execute(&mut **tx)
            .await?;
    }
    end_access(tx, org, Some(&ids), crate::dates::today(), by).await?;
    Ok(AbsentApplied {
        absent: count,
        marked_left: count,
    })
}

/// Ends the access of the organisation's people who have left by `today` and whose access has
/// not ended yet (all of them, or those among `only`): their sessions and single-use links end,
/// their roles go and their account is disabled, and each is recorded in the audit trail as
/// done `by`, all in `conn`'s transaction. Returns how many people it reached.
pub(crate) async fn end_access(
    conn: &mut AnyConnection,
    org: OrganisationId,
    only: Option<&[i64]>,
    today: time::Date,
    by: Actor,
) -> Result<u64> {
    const DUE: &str = "SELECT id FROM people WHERE organisation_id = $1 \
         AND left_on IS NOT NULL AND left_on <= $2 AND access_ended_at IS NULL";
    let mut due: Vec<i64> = Vec::new();
    match only {
        None => {
            due = sqlx::query_scalar(AssertSqlSafe(format!("{DUE} ORDER BY id")))
                .bind(org.0)
                .bind(format_date(today))
                .fetch_all(&mut *conn)
                .await?;
        }
        Some(ids) => {
            for chunk in ids.chunks(MARK_CHUNK) {
                let sql = format!("{DUE} AND id IN ({})", id_list(chunk));
                due.extend(
                    sqlx::query_scalar::<_, i64>(AssertSqlSafe(sql))
                        .bind(org.0)
                        .bind(format_date(today))
                        .fetch_all(&mut *conn)
                        .await?,
                );
            }
        }
    }
    // The detail the trail's own events would have, then the day, then whether an account
    // was closed: `[command-line ]left-on=DATE[ account-closed]`.
    let base = NewAuditEvent::new(by, AuditAction::PersonLeft, None).detail;
    let prefix = if base.is_empty() {
        "left-on=".to_string()
    } else {
        format!("{base} left-on=")
    };
    let at = now();
    let mut ended = 0;
    for chunk in due.chunks(MARK_CHUNK) {
        // Claimed first, so that two paths ending the same person's access at once (the job
        // and an admin's edit) record it once: on PostgreSQL the second waits for the first's
        // row locks and then finds nothing left to claim.
        let claimed: Vec<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "UPDATE people SET access_ended_at = $1 \
             WHERE access_ended_at IS NULL AND id IN ({}) RETURNING id",
            id_list(chunk)
        )))
        .bind(at)
        .fetch_all(&mut *conn)
        .await?;
        if claimed.is_empty() {
            continue;
        }
        ended += claimed.len() as u64;
        // Ids read from the database just now, not text from anyone.
        let list = id_list(&claimed);
        let accounts = format!("SELECT id FROM accounts WHERE person_id IN ({list})");
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO audit_events \
                (organisation_id, at, actor_kind, actor_id, action, subject_id, detail) \
             SELECT $1, $2, $3, $4, $5, p.id, CAST($6 AS TEXT) || p.left_on || \
                    CASE WHEN a.id IS NULL THEN '' ELSE ' account-closed' END \
             FROM people p LEFT JOIN accounts a ON a.person_id = p.id \
             WHERE p.id IN ({list}) ORDER BY p.id"
        )))
        .bind(org.0)
        .bind(at)
        .bind(by.kind())
        .bind(by.id())
        .bind(AuditAction::PersonLeft.as_str())
        .bind(&prefix)
        .execute(&mut *conn)
        .await?;
        for table in ["sessions", "access_links", "account_roles"] {
            sqlx::query(AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE account_id IN ({accounts})"
            )))
            .execute(&mut *conn)
            .await?;
        }
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE accounts SET disabled = 1 WHERE person_id IN ({list})"
        )))
        .execute(&mut *conn)
        .await?;
        // Their places on sessions still to come go to those waiting.
        crate::bookings::give_up_places(conn, &claimed, false).await?;
    }
    if ended > 0 {
        tracing::info!(people = ended, "leavers' access ended");
    }
    Ok(ended)
}

/// After a person's "left on" date was set to `left_on`: ends their access if that day has
/// come, or, for a date cleared or moved on, lets the day that now applies end it again.
pub(crate) async fn apply_departure(
    conn: &mut AnyConnection,
    org: OrganisationId,
    person: PersonId,
    left_on: Option<time::Date>,
    by: Actor,
) -> Result<()> {
    let today = crate::dates::today();
    if Departure::on(left_on, today).has_left() {
        end_access(conn, org, Some(&[person.0]), today, by).await?;
    } else {
        sqlx::query(
            "UPDATE people SET access_ended_at = NULL WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(person.0)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

fn id_list(ids: &[i64]) -> String {
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// Ends the access of everyone, in every organisation, whose "left on" date has come by
    /// `today` and whose access has not ended yet, recorded as done by the scheduled job.
    /// One transaction per organisation. Returns how many people it reached.
    pub async fn end_access_of_leavers(&self, today: time::Date) -> Result<u64> {
        let orgs: Vec<i64> = sqlx::query_scalar("SELECT id FROM organisations ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        let mut ended = 0;
        for org in orgs {
            // On SQLite the write lock is taken before the first read: a transaction that
            // began by reading cannot start writing once another writer has committed.
            let mut tx = self.begin_write().await?;
            let here = end_access(&mut tx, OrganisationId(org), None, today, Actor::System).await?;
            tx.commit().await?;
            if here > 0 {
                // Leavers have no cells in the training matrix.
                self.sync_training(OrganisationId(org), today).await?;
            }
            ended += here;
        }
        Ok(ended)
    }
}
