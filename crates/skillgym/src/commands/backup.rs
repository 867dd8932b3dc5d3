//! `skillgym backup` and `skillgym restore`, for SQLite. On PostgreSQL they point to
//! `pg_dump` and `pg_restore`.
//!
//! `restore` takes the database's lock (see [`super::in_use`]) for itself, so it refuses while
//! any skillgym process uses the database, and every other command refuses while it runs.

use super::in_use::{self, Refused, sqlite_path};
use super::{DATABASE_FILE, open};
use crate::config::Config;
use crate::output::say;
use skillgym_i18n::Tr;
use skillgym_store::{BackupRefused, Store, check_backup};
use std::fs::File;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Makes a rename or a new file in `file`'s folder survive a power cut.
fn sync_folder_of(file: &Path) -> std::io::Result<()> {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    File::open(folder)?.sync_all()
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
    // Made empty and readable by its owner only before SQLite fills it (VACUUM INTO accepts
    // an empty file and keeps its mode): a backup holds everyone's personal data.
    File::options()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&partial)
        .map_err(|e| {
            anyhow::anyhow!(tr.t2(
                "cli-backup-unwritable",
                "file",
                partial.display().to_string(),
                "reason",
                e.to_string()
            ))
        })?;
    store.backup_into(&partial).await?;
    store.close().await;
    // On disk before it takes the backup's name, and the name on disk before we say so.
    File::open(&partial)?.sync_all()?;
    std::fs::rename(&partial, file)?;
    sync_folder_of(file)?;
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

    let lock = match in_use::take(&database) {
        Ok(lock) => lock,
        Err(Refused::Held(pids)) => {
            let shown = database.display().to_string();
            let message = if pids.is_empty() {
                tr.t1("cli-restore-in-use", "database", shown.as_str())
            } else {
                tr.t2(
                    "cli-restore-in-use-by",
                    "database",
                    shown.as_str(),
                    "processes",
                    in_use::list(&pids),
                )
            };
            eprintln!("{message}");
            return Ok(ExitCode::FAILURE);
        }
        Err(Refused::Io(e)) => return Err(e.into()),
    };
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
    sync_folder_of(&database)?;
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
