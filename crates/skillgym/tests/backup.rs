//! `skillgym backup` and `skillgym restore`, run as an operator would.

use skillgym_store::{Actor, AuditAction, AuditFilter, NewAuditEvent, NewOrganisation, Store};
use skillgym_test_db::{Backend, TestDb};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn skillgym(env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_skillgym"));
    command
        .args(args)
        .env_remove("DATABASE_URL")
        .env_remove("SKILLGYM_LANG")
        .env("SKILLGYM_LOG", "warn")
        .env("LANG", "C.UTF-8");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("skillgym runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The numbers the writer wrote, as found in a database.
async fn written(url: &str) -> BTreeSet<i64> {
    let store = Store::connect(url).await.unwrap();
    let org = store.default_organisation().await.unwrap().unwrap();
    let filter = AuditFilter {
        limit: 1_000_000,
        ..AuditFilter::default()
    };
    let events = store.audit_events(org.id, &filter).await.unwrap().0;
    store.close().await;
    events
        .iter()
        .filter_map(|e| e.detail.strip_prefix("events=")?.parse().ok())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_under_write_load_holds_every_write_acknowledged_before_it() {
    let db = TestDb::new(Backend::Sqlite).await;
    let org = db
        .store
        .create_organisation(&NewOrganisation {
            slug: skillgym_domain::OrganisationSlug::from_name("Backup Libraries"),
            name: "Backup Libraries".into(),
            name_cy: None,
            main_language: "en".into(),
        })
        .await
        .unwrap()
        .id;

    // A writer that notes each write once the database has acknowledged it.
    let acknowledged = Arc::new(Mutex::new(Vec::<i64>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (store, acknowledged, stop) = (db.store.clone(), acknowledged.clone(), stop.clone());
        tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                let event = NewAuditEvent::new(Actor::System, AuditAction::PersonViewed, None)
                    .with("events", n);
                store.record_event(org, &event).await.unwrap();
                acknowledged.lock().unwrap().push(n);
                n += 1;
            }
        })
    };
    while acknowledged.lock().unwrap().len() < 300 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("nightly.db");
    let before: BTreeSet<i64> = acknowledged.lock().unwrap().iter().copied().collect();
    let (url, file) = (db.url.clone(), backup.display().to_string());
    let out = tokio::task::spawn_blocking(move || {
        skillgym(&[("DATABASE_URL", &url)], &["backup", &file])
    })
    .await
    .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Backup written to"));
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.store(true, Ordering::Relaxed);
    writer.await.unwrap();
    let all: BTreeSet<i64> = acknowledged.lock().unwrap().iter().copied().collect();
    assert!(all.len() > before.len(), "writes went on during the backup");

    // Restored into a fresh data folder, it holds everything acknowledged before it began.
    let fresh = dir.path().join("fresh");
    let fresh_arg = fresh.display().to_string();
    let out = skillgym(
        &[],
        &[
            "--data-dir",
            &fresh_arg,
            "restore",
            &backup.display().to_string(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let restored = written(&format!("sqlite://{}/skillgym.db", fresh.display())).await;
    let missing: Vec<_> = before.difference(&restored).collect();
    assert!(missing.is_empty(), "acknowledged but lost: {missing:?}");
    assert!(restored.is_subset(&all));
    // A write is whole or absent: the snapshot is a prefix of the writer's sequence.
    let max = *restored.iter().max().unwrap();
    assert_eq!(restored.len() as i64, max + 1);

    // Restoring over a database keeps the old one beside it.
    let out = skillgym(
        &[],
        &[
            "--data-dir",
            &fresh_arg,
            "restore",
            &backup.display().to_string(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(fresh.join("skillgym.db.before-restore").exists());
    assert!(text(&out.stdout).contains("skillgym.db.before-restore"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restore_refuses_files_that_are_not_sound_skillgym_databases() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_arg = data.display().to_string();
    let restore = |file: &Path| {
        skillgym(
            &[],
            &[
                "--data-dir",
                &data_arg,
                "restore",
                &file.display().to_string(),
            ],
        )
    };
    let garbage = dir.path().join("notes.txt");
    std::fs::write(
        &garbage,
        "this is not a database, it is a shopping list\n".repeat(100),
    )
    .unwrap();
    let out = restore(&garbage);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("is not a SQLite database"),
        "{}",
        text(&out.stderr)
    );
    let other = dir.path().join("other.db");
    let store = Store::connect(&format!("sqlite://{}", other.display()))
        .await
        .unwrap();
    store.health().await.unwrap();
    store.close().await;
    let out = restore(&other);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("is not a skillgym database"),
        "{}",
        text(&out.stderr)
    );
    assert!(!data.join("skillgym.db").exists(), "nothing was restored");

    // A sound backup, refused while skillgym serves the database, accepted once it stops.
    let out = skillgym(&[], &["--data-dir", &data_arg, "migrate"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let backup = dir.path().join("good.db");
    let out = skillgym(
        &[],
        &[
            "--data-dir",
            &data_arg,
            "backup",
            &backup.display().to_string(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut server = Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(["--data-dir", &data_arg, "serve", "--bind", "127.0.0.1:0"])
        .env_remove("DATABASE_URL")
        .env("SKILLGYM_LOG", "warn")
        .env("LANG", "C.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(server.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("running") {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "serve ended");
    }
    let out = restore(&backup);
    let pid = server.id();
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&format!("(process {pid}). Stop it first")),
        "{}",
        text(&out.stderr)
    );
    let out = restore(&backup);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// Starts `skillgym serve` and waits until it says it is running, or until it ends.
/// The caller waits for the process it returns.
#[allow(clippy::zombie_processes)]
fn start_serving(data: &str) -> (std::process::Child, Option<String>) {
    let mut server = Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(["--data-dir", data, "serve", "--bind", "127.0.0.1:0"])
        .env_remove("DATABASE_URL")
        .env_remove("SKILLGYM_LANG")
        .env("SKILLGYM_LOG", "warn")
        .env("LANG", "C.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(server.stdout.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        if stdout.read_line(&mut line).unwrap() == 0 {
            return (server, None);
        }
        if line.contains("running") {
            return (server, Some(line));
        }
    }
}

#[test]
fn serve_and_every_other_command_refuse_while_a_restore_holds_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_arg = data.display().to_string();
    let out = skillgym(&[], &["--data-dir", &data_arg, "migrate"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // The lock as `restore` holds it while it puts a backup in place.
    let lock = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data.join("skillgym.db.in-use"))
        .unwrap();
    lock.try_lock().unwrap();
    let refused = format!(
        "A restore (process {}) is putting another database in place of {}",
        std::process::id(),
        data.join("skillgym.db").display()
    );

    let (mut server, running) = start_serving(&data_arg);
    if running.is_some() {
        server.kill().unwrap();
        server.wait().unwrap();
        panic!("serve started while a restore held the database");
    }
    let out = server.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&refused),
        "{}",
        text(&out.stderr)
    );

    let staff = dir.path().join("staff.csv");
    std::fs::write(
        &staff,
        "employee_number,given_name,family_name\nE1,Ann,Jones\n",
    )
    .unwrap();
    let backup = dir.path().join("b.db").display().to_string();
    for args in [
        vec!["import", "staff", staff.to_str().unwrap()],
        vec!["backup", &backup],
        vec!["migrate"],
    ] {
        let mut all = vec!["--data-dir", &data_arg];
        all.extend(&args);
        let out = skillgym(&[], &all);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            text(&out.stderr).contains(&refused),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }

    // Once the restore is over, serve starts.
    drop(lock);
    let (mut server, running) = start_serving(&data_arg);
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(
        running.is_some(),
        "serve did not start once the restore ended"
    );
}

#[test]
fn a_backup_is_readable_by_its_owner_only_and_on_disk_before_it_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_arg = data.display().to_string();
    let out = skillgym(&[], &["--data-dir", &data_arg, "migrate"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let folder = dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    let backup = folder.join("nightly.db");

    // strace shows each fsync with the file it was given (scripts/install-test-deps installs it).
    let out = Command::new("strace")
        .args([
            "-f",
            "-qq",
            "-y",
            "-e",
            "trace=fsync,fdatasync,rename,renameat,renameat2",
        ])
        .arg(env!("CARGO_BIN_EXE_skillgym"))
        .args(["--data-dir", &data_arg, "backup", backup.to_str().unwrap()])
        .env_remove("DATABASE_URL")
        .env_remove("SKILLGYM_LANG")
        .env("SKILLGYM_LOG", "warn")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("strace runs (scripts/install-test-deps installs it)");
    let trace = text(&out.stderr);
    assert!(out.status.success(), "{trace}");
    assert!(text(&out.stdout).contains("Backup written to"));

    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the backup's mode is {mode:o}");

    // The file reaches the disk before it takes its name, and the name before the report.
    let lines: Vec<&str> = trace.lines().collect();
    let at = |pred: &dyn Fn(&str) -> bool| lines.iter().rposition(|l| pred(l));
    let partial = format!("{}.partial", backup.display());
    let synced = at(&|l| l.contains("fsync(") && l.contains(&format!("<{partial}>")))
        .unwrap_or_else(|| panic!("the backup was never synced:\n{trace}"));
    let renamed = at(&|l| l.contains("rename") && l.contains("nightly.db.partial"))
        .unwrap_or_else(|| panic!("no rename:\n{trace}"));
    let folder_synced =
        at(&|l| l.contains("fsync(") && l.contains(&format!("<{}>", folder.display())))
            .unwrap_or_else(|| panic!("the folder was never synced:\n{trace}"));
    assert!(synced < renamed && renamed < folder_synced, "{trace}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgresql_backup_and_restore_point_to_pg_dump_and_pg_restore() {
    let db = TestDb::new(Backend::Postgres).await;
    let out = skillgym(&[("DATABASE_URL", &db.url)], &["backup", "/tmp/x.db"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("pg_dump"),
        "{}",
        text(&out.stderr)
    );
    let out = skillgym(&[("DATABASE_URL", &db.url)], &["restore", "/tmp/x.db"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("pg_restore"),
        "{}",
        text(&out.stderr)
    );
}
