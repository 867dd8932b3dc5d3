//! Online backups of a SQLite database, and checking a backup before it is restored.
//! (On PostgreSQL, `pg_dump` and `pg_restore` do this job better than skillgym could.)

use crate::{Backend, Result, Store, StoreError};
use sqlx::{AssertSqlSafe, Connection};
use std::path::Path;

/// Why a file cannot be restored.
#[derive(Debug, thiserror::Error)]
pub enum BackupRefused {
    #[error("the file is not a SQLite database, or cannot be opened")]
    NotSqlite,
    #[error("the database is damaged: {0}")]
    Damaged(String),
    #[error("the database is not a skillgym database")]
    NotSkillgym,
    #[error("the database was made by a newer skillgym (migration {0} is unknown here)")]
    Newer(i64),
}

impl Store {
    /// Writes a consistent snapshot of the whole database to `target` (which must not exist)
    /// with `VACUUM INTO`: it reads in one transaction, so writes made while it runs are either
    /// wholly in the snapshot or not at all, and nobody has to stop. SQLite only.
    pub async fn backup_into(&self, target: &Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::UnsupportedUrl);
        }
        let path = target.to_string_lossy().replace('\'', "''");
        sqlx::query(AssertSqlSafe(format!("VACUUM INTO '{path}'")))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Writes every page of the write-ahead log into the database file, so the file alone
    /// holds everything (before it is moved aside by a restore). SQLite only.
    pub async fn checkpoint(&self) -> Result<()> {
        if self.backend == Backend::Sqlite {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }
}

/// Checks that `file` is a sound SQLite database made by skillgym, with migrations applied
/// and none newer than this skillgym knows. Opens it read-only.
pub async fn check_backup(file: &Path) -> std::result::Result<(), BackupRefused> {
    sqlx::any::install_default_drivers();
    let url = format!("sqlite://{}?mode=ro", file.display());
    let mut conn = sqlx::AnyConnection::connect(&url)
        .await
        .map_err(|_| BackupRefused::NotSqlite)?;
    let verdict: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await
        .map_err(|_| BackupRefused::NotSqlite)?;
    if verdict != ["ok"] {
        return Err(BackupRefused::Damaged(verdict.join("; ")));
    }
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
            .fetch_all(&mut conn)
            .await
            .map_err(|_| BackupRefused::NotSkillgym)?;
    let has_people: Option<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'people'",
    )
    .fetch_optional(&mut conn)
    .await
    .map_err(|_| BackupRefused::NotSkillgym)?;
    conn.close().await.ok();
    if applied.first() != Some(&1) || has_people.is_none() {
        return Err(BackupRefused::NotSkillgym);
    }
    let known: Vec<i64> = sqlx::migrate!("./migrations/sqlite")
        .iter()
        .map(|m| m.version)
        .collect();
    if let Some(unknown) = applied.iter().find(|v| !known.contains(v)) {
        return Err(BackupRefused::Newer(*unknown));
    }
    Ok(())
}
