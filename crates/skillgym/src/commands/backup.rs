//! `skillgym backup` and `skillgym restore`, for SQLite. On PostgreSQL they point to
//! `pg_dump` and `pg_restore`.
//!
//! Every skillgym process that opens a SQLite database holds a shared lock on the file
//! `DATABASE.in-use` beside it (the operating system drops it when the process ends, however
//! it ends). `restore` takes that lock exclusively, so it refuses while anything uses the
//! database.

use super::{DATABASE_FILE, open};
use crate::config::Config;
use crate::output::say;
use skillgym_i18n::Tr;
use skillgym_store::{BackupRefused, Store, check_backup};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

/// Locks held until the process ends.
static HELD: Mutex<Vec<File>> = Mutex::new(Vec::new());

/// The file of a `sqlite://` URL; `None` for PostgreSQL.
fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    Some(PathBuf::from(path))
}

fn in_use_file(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".in-use");
    PathBuf::from(name)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Notes that this process uses the database at `url`, until it ends (SQLite only).
pub fn mark_in_use(url: &str) -> anyhow::Result<()> {
    let Some(path) = sqlite_path(url) else {
        return Ok(());
    };
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(in_use_file(&path))?;
    // A shared lock: any number of processes may use the database together.
    if file.try_lock_shared().is_ok() {
        HELD.lock().expect("lock list").push(file);
    }
    Ok(())
}

/// Writes a consistent copy of the live database to `file`, without stopping anyone.
pub async fn backup(config: &Config, file: &Path, tr: &Tr) -> anyhow::Result<ExitCode> {
    let url = config.database_url_or(DATABASE_FILE, tr)?;
    if sqlite_path(&url).is_none() {
        eprintln!("{}", tr.t("cli-backup-postgres"));
        return Ok(ExitCode::FAILURE);
    }
    let store = open(config, DATABASE_FILE, tr).await?;
    // Written beside the target and renamed, so a failed backup never replaces a good one.
    let partial = with_suffix(file, ".partial");
    if partial.exists() {
        std::fs::remove_file(&partial)?;
    }
    store.backup_into(&partial).await?;
    store.close().await;
    std::fs::rename(&partial, file)?;
    let name = file.display().to_string();
    say!("{}", tr.t1("cli-backup-done", "file", name.as_str()));
    Ok(ExitCode::SUCCESS)
}

/// Replaces the database with `file` once it is checked, keeping the old one beside it as
/// `.before-restore`.
pub async fn restore(config: &Config, file: &Path, tr: &Tr) -> anyhow::Result<ExitCode> {
    let url = config.database_url_or(DATABASE_FILE, tr)?;
    let Some(database) = sqlite_path(&url) else {
        eprintln!("{}", tr.t("cli-restore-postgres"));
        return Ok(ExitCode::FAILURE);
    };
    let name = file.display().to_string();
    eprintln!("{}", tr.t1("cli-restore-checking", "file", name.as_str()));
    let refused = match check_backup(file).await {
        Ok(()) => None,
        Err(BackupRefused::NotSqlite) => {
            Some(tr.t1("cli-restore-not-sqlite", "file", name.as_str()))
        }
        Err(BackupRefused::Damaged(reason)) => Some(tr.t2(
            "cli-restore-damaged",
            "file",
            name.as_str(),
            "reason",
            reason,
        )),
        Err(BackupRefused::NotSkillgym) => {
            Some(tr.t1("cli-restore-not-skillgym", "file", name.as_str()))
        }
        Err(BackupRefused::Newer(version)) => Some(tr.t2(
            "cli-restore-newer",
            "file",
            name.as_str(),
            "version",
            version,
        )),
    };
    if let Some(message) = refused {
        eprintln!("{message}");
        return Ok(ExitCode::FAILURE);
    }

    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(in_use_file(&database))?;
    if lock.try_lock().is_err() {
        let shown = database.display().to_string();
        eprintln!(
            "{}",
            tr.t1("cli-restore-in-use", "database", shown.as_str())
        );
        return Ok(ExitCode::FAILURE);
    }

    let previous = with_suffix(&database, ".before-restore");
    let had_database = database.exists();
    if had_database {
        // Fold the write-ahead log into the file so the kept copy is whole on its own.
        let store = Store::connect(&url).await?;
        store.checkpoint().await?;
        store.close().await;
        std::fs::rename(&database, &previous)?;
    }
    for suffix in ["-wal", "-shm"] {
        let stale = with_suffix(&database, suffix);
        if stale.exists() {
            std::fs::remove_file(&stale)?;
        }
    }
    let restoring = with_suffix(&database, ".restoring");
    std::fs::copy(file, &restoring)?;
    File::open(&restoring)?.sync_all()?;
    std::fs::rename(&restoring, &database)?;
    drop(lock);

    if had_database {
        let kept = previous.display().to_string();
        say!(
            "{}",
            tr.t2("cli-restore-done", "file", name.as_str(), "previous", kept)
        );
    } else {
        say!("{}", tr.t1("cli-restore-done-fresh", "file", name.as_str()));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::sqlite_path;
    use std::path::PathBuf;

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(
            sqlite_path("sqlite://data/skillgym.db?mode=rwc"),
            Some(PathBuf::from("data/skillgym.db"))
        );
        assert_eq!(sqlite_path("postgres://db/skillgym"), None);
    }
}
