//! What the organisation's registers (the learning catalogue, the services catalogue, the kit
//! register) share in storage: what an import did, and the competences of an entry, kept in
//! order in a table of their own.

use crate::Result;
use skillgym_domain::OrganisationId;
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, AssertSqlSafe, Row, Transaction};
use std::collections::HashMap;

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    pub updated: usize,
}

/// A register's table of its entries' competences: `{table} ({entry}, organisation_id,
/// competence, position)`, the entry's competences in the order they were given.
pub(crate) struct CompetenceList {
    pub table: &'static str,
    /// The column holding the entry's id.
    pub entry: &'static str,
}

impl CompetenceList {
    /// The competences of `org`'s entries (only of `only`, when given), by entry id.
    pub async fn read(
        &self,
        pool: &AnyPool,
        org: OrganisationId,
        only: Option<i64>,
    ) -> Result<HashMap<i64, Vec<String>>> {
        let Self { table, entry } = self;
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {entry}, competence FROM {table} \
             WHERE organisation_id = $1 AND ($2 IS NULL OR {entry} = $2) \
             ORDER BY {entry}, position"
        )))
        .bind(org.0)
        .bind(only)
        .fetch_all(pool)
        .await?;
        let mut by_entry: HashMap<i64, Vec<String>> = HashMap::new();
        for r in rows {
            by_entry
                .entry(r.try_get(*entry)?)
                .or_default()
                .push(r.try_get("competence")?);
        }
        Ok(by_entry)
    }

    /// Rows of entries (each with its `id`), each made by `from` with its competences.
    pub async fn entries<T>(
        &self,
        pool: &AnyPool,
        org: OrganisationId,
        rows: &[AnyRow],
        from: impl Fn(&AnyRow, Vec<String>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut competences = self.read(pool, org, None).await?;
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                from(r, competences.remove(&id).unwrap_or_default())
            })
            .collect()
    }

    /// One entry's row (with its `id`), made by `from` with its competences.
    pub async fn entry<T>(
        &self,
        pool: &AnyPool,
        org: OrganisationId,
        row: &AnyRow,
        from: impl Fn(&AnyRow, Vec<String>) -> Result<T>,
    ) -> Result<T> {
        let id: i64 = row.try_get("id")?;
        let mut competences = self.read(pool, org, Some(id)).await?;
        from(row, competences.remove(&id).unwrap_or_default())
    }

    /// Sets entry `id`'s competences to `competences`, in that order.
    pub async fn write(
        &self,
        tx: &mut Transaction<'_, Any>,
        org: OrganisationId,
        id: i64,
        competences: &[String],
    ) -> Result<()> {
        let Self { table, entry } = self;
        sqlx::query(AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE organisation_id = $1 AND {entry} = $2"
        )))
        .bind(org.0)
        .bind(id)
        .execute(&mut **tx)
        .await?;
        for (position, code) in competences.iter().enumerate() {
            sqlx::query(AssertSqlSafe(format!(
                "INSERT INTO {table} ({entry}, organisation_id, competence, position) \
                 VALUES ($1, $2, $3, $4)"
            )))
            .bind(id)
            .bind(org.0)
            .bind(code.as_str())
            .bind(position as i64)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}
