//! The people a full staff file leaves out: finding them, and marking them as having left
//! within the import's own transaction. Kept apart from the import's insert paths.

use crate::{Result, Store, StoreError, now};
use skillgym_domain::OrganisationId;
use skillgym_domain::leavers::{left_out, marks_most};
use skillgym_domain::people::format_date;
use skillgym_domain::staff_file::StaffRecord;
use sqlx::{Any, AssertSqlSafe, Row, Transaction};

/// What an import does with the people the file leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Absent {
    /// Leave them as they are.
    #[default]
    Keep,
    /// Set their "left on" date to `on`. When that would mark more than half of the current
    /// people, the import is refused unless `most_confirmed`.
    Left {
        on: time::Date,
        most_confirmed: bool,
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
    pub id: i64,
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
    ) -> Result<i64> {
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
        Ok(id)
    }

    /// The organisation's upload `id`, if it is still kept.
    pub async fn staff_upload(&self, org: OrganisationId, id: i64) -> Result<StaffUpload> {
        let row = sqlx::query(
            "SELECT id, file_name, body FROM staff_uploads \
             WHERE organisation_id = $1 AND id = $2 AND created_at >= $3",
        )
        .bind(org.0)
        .bind(id)
        .bind(now() - UPLOAD_LIFETIME_SECS)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok(StaffUpload {
            id: row.try_get("id")?,
            file_name: row.try_get("file_name")?,
            body: row.try_get("body")?,
        })
    }

    pub async fn delete_staff_upload(&self, org: OrganisationId, id: i64) -> Result<()> {
        sqlx::query("DELETE FROM staff_uploads WHERE organisation_id = $1 AND id = $2")
            .bind(org.0)
            .bind(id)
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
    let Absent::Left { on, most_confirmed } = choice else {
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
        let list = chunk
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
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
    Ok(AbsentApplied {
        absent: count,
        marked_left: count,
    })
}
