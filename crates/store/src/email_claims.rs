//! Emails a scheduled job sends, each claimed in its own table before it goes: a row per email,
//! keyed by two columns (the plan and week, the session and person, the manager and week), with
//! when it was claimed, sent, or why it failed. The claim is one `INSERT … ON CONFLICT … WHERE`,
//! so with several instances exactly one gets it; a claim neither sent nor failed for longer
//! than the table's stale time was abandoned (its instance died) and may be taken over, as may
//! a failed one.

use crate::{Result, now};
use sqlx::AnyPool;

/// One of the keys of an email's row.
#[derive(Debug, Clone)]
pub(crate) enum Key {
    Int(i64),
    Text(String),
}

/// A table of claimed emails.
pub(crate) struct ClaimTable {
    pub table: &'static str,
    pub keys: [&'static str; 2],
    /// After how long a claim that came to nothing was abandoned.
    pub stale_secs: i64,
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>;

fn bind_key(query: AnyQuery<'_>, key: Key) -> AnyQuery<'_> {
    match key {
        Key::Int(n) => query.bind(n),
        Key::Text(t) => query.bind(t),
    }
}

impl ClaimTable {
    /// Claims the email `keys` for this sender (with its organisation, for a table that keeps
    /// it): `false` when another has it (sent, or claimed recently).
    pub(crate) async fn claim(
        &self,
        pool: &AnyPool,
        keys: [Key; 2],
        organisation: Option<i64>,
    ) -> Result<bool> {
        let Self {
            table,
            keys: [k1, k2],
            ..
        } = self;
        let (column, value) = match organisation {
            Some(_) => (", organisation_id", ", $5"),
            None => ("", ""),
        };
        let sql = format!(
            "INSERT INTO {table} ({k1}, {k2}, claimed_at{column}) VALUES ($1, $2, $3{value}) \
             ON CONFLICT ({k1}, {k2}) DO UPDATE SET claimed_at = excluded.claimed_at, \
                 error = NULL \
             WHERE {table}.sent_at IS NULL AND {table}.claimed_at <= $4"
        );
        let at = now();
        let [a, b] = keys;
        let mut query = bind_key(bind_key(sqlx::query(sqlx::AssertSqlSafe(sql)), a), b)
            .bind(at)
            .bind(at - self.stale_secs);
        if let Some(org) = organisation {
            query = query.bind(org);
        }
        Ok(query.execute(pool).await?.rows_affected() == 1)
    }

    /// Records how a claimed email went: sent, or failed with the reason (it may be claimed
    /// again once its claim is stale).
    pub(crate) async fn finish(
        &self,
        pool: &AnyPool,
        keys: [Key; 2],
        outcome: std::result::Result<(), &str>,
    ) -> Result<()> {
        let Self {
            table,
            keys: [k1, k2],
            ..
        } = self;
        let (sent_at, error) = match outcome {
            Ok(()) => (Some(now()), None),
            Err(e) => (None, Some(e.to_string())),
        };
        let sql =
            format!("UPDATE {table} SET sent_at = $3, error = $4 WHERE {k1} = $1 AND {k2} = $2");
        let [a, b] = keys;
        bind_key(bind_key(sqlx::query(sqlx::AssertSqlSafe(sql)), a), b)
            .bind(sent_at)
            .bind(error)
            .execute(pool)
            .await?;
        Ok(())
    }
}
