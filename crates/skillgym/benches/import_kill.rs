//! An import killed half way: proof that a staff file or a survey export lands whole or not at
//! all, however the importing process ends.
//!
//! A benchmark, not a test (`harness = false`; only `cargo bench` builds it; bench/reliability
//! runs it). It seeds the demo organisation with the real binary, writes a large file for it,
//! starts `skillgym import staff FILE --absent left` (or `skillgym import responses`) and
//! watches the database: once the import's transaction holds the write lock (SQLite: another
//! connection cannot `BEGIN IMMEDIATE`; PostgreSQL: the import's session has a transaction id,
//! which it gets at its first write), it waits a moment (on SQLite, also until at least 1 MiB
//! of the uncommitted transaction has spilled into the write-ahead log), checks that the lock
//! is still held, and sends SIGKILL. Then:
//! - the database opens and (SQLite) passes `PRAGMA integrity_check` and
//!   `PRAGMA foreign_key_check`;
//! - what the file changes (people, their sites and teams, leavers; or the campaign's responses
//!   with their ratings, profile answers and quiz answers) is exactly as before the import, or
//!   exactly as after the whole import: the same file is imported again, to completion, and
//!   the killed state must equal one of the two.
//!
//! ```sh
//! cargo bench -p skillgym --bench import_kill -- staff|survey [options]
//! ```
//!
//! Options: `--backend sqlite|postgres`, `--rows N` (staff: people in the file; survey:
//! respondents; 20000), `--people N` (the demo; 200), `--delay-ms N` (how long after the write
//! lock is taken to kill; 150), `--wal-bytes N` (SQLite: how much of the transaction must be
//! in the write-ahead log first; 1048576), `--pg-url URL` (default `BENCH_PG_URL` or
//! postgres://postgres@127.0.0.1:5432/test), `--json FILE`, `--work DIR`. Exits non-zero on FAIL.

use skillgym_domain::audit::{CampaignContent, QuestionKind};
use skillgym_domain::staff_file::{self, StaffRecord};
use skillgym_domain::{EmployeeNumber, FileLanguage, PersonName, TeamName};
use skillgym_store::{Campaign, NewCampaign, Store};
use sqlx::{Connection, Row};
use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_skillgym");

type Failure = Box<dyn std::error::Error + Send + Sync>;
type Res<T> = Result<T, Failure>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Staff,
    Survey,
}

#[derive(Debug)]
struct Options {
    mode: Mode,
    postgres: bool,
    rows: usize,
    people: usize,
    delay_ms: u64,
    wal_bytes: u64,
    pg_url: String,
    json: Option<String>,
    work: Option<String>,
}

fn options() -> Res<Options> {
    let mut o = Options {
        mode: Mode::Staff,
        postgres: false,
        rows: 20_000,
        people: 200,
        delay_ms: 150,
        wal_bytes: 1 << 20,
        pg_url: std::env::var("BENCH_PG_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into()),
        json: None,
        work: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--bench" => {}
            "staff" => o.mode = Mode::Staff,
            "survey" => o.mode = Mode::Survey,
            "--backend" => o.postgres = value()? == "postgres",
            "--rows" => o.rows = value()?.parse()?,
            "--people" => o.people = value()?.parse()?,
            "--delay-ms" => o.delay_ms = value()?.parse()?,
            "--wal-bytes" => o.wal_bytes = value()?.parse()?,
            "--pg-url" => o.pg_url = value()?,
            "--json" => o.json = Some(value()?),
            "--work" => o.work = Some(value()?),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    Ok(o)
}

fn secs() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64()
}

fn say(msg: impl AsRef<str>) {
    println!("[{:7.2}s] {}", secs(), msg.as_ref());
}

/// The skillgym command, on the database at `url`, with nothing from the caller's settings.
fn skillgym(data_dir: &Path, url: &str) -> tokio::process::Command {
    let mut cmd = tokio::process::Command::new(BIN);
    for name in [
        "SKILLGYM_DATA_DIR",
        "SKILLGYM_CONFIG",
        "SKILLGYM_LOG",
        "SKILLGYM_LOG_FORMAT",
    ] {
        cmd.env_remove(name);
    }
    cmd.env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env("NO_COLOR", "1")
        .env("DATABASE_URL", url)
        .arg("--data-dir")
        .arg(data_dir)
        .stdin(Stdio::null());
    cmd
}

async fn admin(url: &str, sql: &str) -> Res<()> {
    let mut conn = sqlx::AnyConnection::connect(url).await?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The files

/// A full staff file for the demo organisation: everyone but every tenth person (who will be
/// marked as left), every third with a new job role, and new people up to `rows`, in new teams.
async fn staff_file(store: &Store, rows: usize) -> Res<(Vec<u8>, serde_json::Value)> {
    let org = store
        .default_organisation()
        .await?
        .ok_or("no organisation")?
        .id;
    let stored = store.staff_records(org).await?;
    let template = stored.first().ok_or("the demo has nobody")?.clone();
    let mut records: Vec<StaffRecord> = Vec::with_capacity(rows.max(stored.len()));
    let (mut leavers, mut changed) = (0, 0);
    for (i, r) in stored.into_iter().enumerate() {
        if i % 10 == 9 {
            leavers += 1;
            continue;
        }
        let mut r = r;
        if i % 3 == 0 {
            r.job_role =
                skillgym_domain::JobRole::parse(&format!("{} (reviewed)", r.job_role.as_str()))
                    .map_err(|e| e.0)?;
            changed += 1;
        }
        records.push(r);
    }
    let kept = records.len();
    let mut added = 0;
    for i in 0..rows.saturating_sub(kept) {
        let mut r = template.clone();
        r.employee_number = EmployeeNumber::parse(&format!("RK{i:06}")).map_err(|e| e.0)?;
        r.given_name = PersonName::parse(&format!("Given{i}")).map_err(|e| e.0)?;
        r.family_name = PersonName::parse(&format!("Family{}", i % 997)).map_err(|e| e.0)?;
        r.email = None;
        r.line_manager = None;
        r.team = Some(TeamName::parse(&format!("Reliability team {}", i / 500)).map_err(|e| e.0)?);
        records.push(r);
        added += 1;
    }
    let mut out = Vec::new();
    staff_file::write(&mut out, records, FileLanguage::English)?;
    let facts = serde_json::json!({
        "rows": kept + added, "added": added, "changed": changed, "leavers": leavers,
        "bytes": out.len(),
    });
    Ok((out, facts))
}

/// A copy of the demo's open campaign that nobody has answered, as "Copy for a re-audit"
/// makes it.
async fn fresh_campaign(store: &Store) -> Res<Campaign> {
    let org = store
        .default_organisation()
        .await?
        .ok_or("no organisation")?
        .id;
    let today = time::OffsetDateTime::now_utc().date();
    let mut open = None;
    for summary in store.campaigns(org).await? {
        let c = store.campaign(org, summary.id).await?;
        if c.is_open(today) {
            open = Some(c);
        }
    }
    let open = open.ok_or("the demo has no open campaign")?;
    let id = store
        .create_campaign(
            org,
            &NewCampaign {
                framework: open.framework_id,
                title: open.title.clone(),
                opens_on: today - time::Duration::days(1),
                closes_on: today + time::Duration::days(28),
                anonymous: open.anonymous,
                competences: open
                    .areas
                    .iter()
                    .flat_map(|a| a.competences.iter().map(|c| c.id))
                    .collect(),
                audience: open.audience.clone(),
                content: CampaignContent {
                    title: open.title.clone(),
                    profile_questions: open.questions.iter().map(|(_, q)| q.clone()).collect(),
                    quiz: open.quiz.iter().map(|(_, q)| q.clone()).collect(),
                },
                pictures: store.campaign_pictures(open.id).await?,
                cloned_from: Some(open.id),
            },
        )
        .await?;
    Ok(store.campaign(org, id).await?)
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// An export with one row per respondent (as Microsoft Forms writes it) answering every
/// rating, profile question and quiz item of `campaign`, and the mapping that imports it.
fn survey_file(campaign: &Campaign, rows: usize) -> Res<(Vec<u8>, String, serde_json::Value)> {
    let mut headers = vec!["ID".to_string()];
    let mut columns = Vec::new();
    let competences: Vec<&str> = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(|c| c.code.as_str()))
        .collect();
    for code in &competences {
        headers.push(format!("Rate {code}"));
        columns.push(serde_json::json!({"column": format!("Rate {code}"), "competence": code}));
    }
    for (_, q) in &campaign.questions {
        headers.push(format!("Profile {}", q.code));
        columns
            .push(serde_json::json!({"column": format!("Profile {}", q.code), "question": q.code}));
    }
    for (_, item) in &campaign.quiz {
        headers.push(format!("Quiz {}", item.code));
        columns
            .push(serde_json::json!({"column": format!("Quiz {}", item.code), "quiz": item.code}));
    }
    let mapping = serde_json::json!({
        "version": 1,
        "respondent": {"by": "anonymous"},
        "response_id": "ID",
        "columns": columns,
    });
    let mut out = headers.join(",") + "\n";
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let (mut ratings, mut profile, mut quiz) = (0u64, 0u64, 0u64);
    for i in 0..rows {
        let mut cells = vec![format!("RK-{i}")];
        for _ in &competences {
            cells.push(match next(8) {
                0 => "Not sure".to_string(),
                _ => (next(5) + 1).to_string(),
            });
            ratings += 1;
        }
        for (_, q) in &campaign.questions {
            let options = &q.options;
            cells.push(match q.kind {
                QuestionKind::Single => options[next(options.len())].en.clone(),
                QuestionKind::Multiple => {
                    let (a, b) = (next(options.len()), next(options.len()));
                    if a == b {
                        options[a].en.clone()
                    } else {
                        format!("{};{}", options[a].en, options[b].en)
                    }
                }
                QuestionKind::Number => {
                    let (lo, hi) = (q.min.unwrap_or(0), q.max.unwrap_or(40));
                    (lo + next((hi - lo + 1) as usize) as i64).to_string()
                }
                QuestionKind::Text => format!("Answer {i}"),
            });
            profile += 1;
        }
        for (_, item) in &campaign.quiz {
            let chosen: Vec<&str> = if item.multiple() {
                item.options
                    .iter()
                    .filter(|o| o.correct)
                    .map(|o| o.text.en.as_str())
                    .collect()
            } else {
                vec![item.options[next(item.options.len())].text.en.as_str()]
            };
            cells.push(chosen.join(";"));
            quiz += 1;
        }
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    let facts = serde_json::json!({
        "rows": rows, "ratings": ratings, "profile_answers": profile, "quiz_answers": quiz,
        "bytes": out.len(),
    });
    Ok((out.into_bytes(), mapping.to_string(), facts))
}

// ---------------------------------------------------------------------------------------------
// What the import changes, as text rows without ids or times (which differ between two runs)

async fn lines(conn: &mut sqlx::AnyConnection, sql: &str, campaign: i64) -> Res<Vec<String>> {
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.to_string()));
    if sql.contains("$1") {
        q = q.bind(campaign);
    }
    let rows = q.fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|r| Ok(r.try_get::<String, _>(0)?))
        .collect()
}

/// Every row the import may write, in a fixed order.
async fn state(url: &str, mode: Mode, campaign: i64) -> Res<Vec<String>> {
    let mut conn = sqlx::AnyConnection::connect(url).await?;
    let queries: &[&str] = match mode {
        Mode::Staff => &[
            "SELECT 'person|' || p.employee_number || '|' || p.given_name || '|' || p.family_name \
               || '|' || COALESCE(p.email, '') || '|' || p.employment || '|' || p.job_role \
               || '|' || p.job_family || '|' || CAST(p.contracted_hours AS TEXT) \
               || '|' || COALESCE(p.start_date, '') || '|' || COALESCE(m.employee_number, '') \
               || '|' || COALESCE(t.name, '') || '|' || COALESCE(p.left_on, '') \
             FROM people p LEFT JOIN people m ON m.id = p.line_manager_id \
               LEFT JOIN teams t ON t.id = p.team_id ORDER BY 1",
            "SELECT 'site|' || p.employee_number || '|' || s.code || '|' \
               || CAST(ps.position AS TEXT) \
             FROM person_sites ps JOIN people p ON p.id = ps.person_id \
               JOIN sites s ON s.id = ps.site_id ORDER BY 1",
            "SELECT 'team|' || name FROM teams ORDER BY 1",
        ],
        Mode::Survey => &[
            "SELECT 'response|' || external_key || '|' || source || '|' \
               || CASE WHEN submitted_at IS NULL THEN 'open' ELSE 'submitted' END \
             FROM responses WHERE campaign_id = $1 ORDER BY 1",
            "SELECT 'rating|' || r.external_key || '|' || CAST(x.competence_id AS TEXT) || '|' \
               || CAST(x.value AS TEXT) \
             FROM ratings x JOIN responses r ON r.id = x.response_id \
             WHERE r.campaign_id = $1 ORDER BY 1",
            "SELECT 'profile|' || r.external_key || '|' || CAST(x.question_id AS TEXT) || '|' \
               || x.value \
             FROM profile_answers x JOIN responses r ON r.id = x.response_id \
             WHERE r.campaign_id = $1 ORDER BY 1",
            "SELECT 'quiz|' || r.external_key || '|' || CAST(x.item_id AS TEXT) || '|' \
               || x.chosen || '|' || CAST(x.correct AS TEXT) \
             FROM quiz_answers x JOIN responses r ON r.id = x.response_id \
             WHERE r.campaign_id = $1 ORDER BY 1",
        ],
    };
    let mut all = Vec::new();
    for sql in queries {
        all.extend(lines(&mut conn, sql, campaign).await?);
    }
    conn.close().await?;
    Ok(all)
}

/// SQLite's own checks of a database file after a crash.
async fn sqlite_checks(url: &str) -> Res<(String, usize)> {
    let mut conn = sqlx::AnyConnection::connect(url).await?;
    let verdict: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await?;
    let dangling = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&mut conn)
        .await?
        .len();
    conn.close().await?;
    Ok((verdict.join("; "), dangling))
}

// ---------------------------------------------------------------------------------------------
// Watching the import's transaction

/// Whether another session holds the database's write lock with a transaction that has
/// written.
async fn writing(url: &str, postgres: bool) -> Res<bool> {
    let mut conn = sqlx::AnyConnection::connect(url).await?;
    let held = if postgres {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() \
             AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL",
        )
        .fetch_one(&mut conn)
        .await?;
        n > 0
    } else {
        sqlx::raw_sql("PRAGMA busy_timeout = 0")
            .execute(&mut conn)
            .await?;
        match sqlx::raw_sql("BEGIN IMMEDIATE").execute(&mut conn).await {
            Ok(_) => {
                sqlx::raw_sql("ROLLBACK").execute(&mut conn).await?;
                false
            }
            Err(e) if e.to_string().contains("locked") || e.to_string().contains("busy") => true,
            Err(e) => return Err(e.into()),
        }
    };
    conn.close().await?;
    Ok(held)
}

// ---------------------------------------------------------------------------------------------

#[tokio::main]
async fn main() -> ExitCode {
    sqlx::any::install_default_drivers();
    secs();
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("import_kill: {e}");
            return ExitCode::from(2);
        }
    };
    let mut pg_database = None;
    let result = run(&o, &mut pg_database).await;
    if let Some(db) = pg_database {
        let _ = admin(
            &o.pg_url,
            &format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"),
        )
        .await;
    }
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("import_kill: FAIL: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(o: &Options, pg_database: &mut Option<String>) -> Res<bool> {
    let mode = match o.mode {
        Mode::Staff => "staff",
        Mode::Survey => "survey",
    };
    let backend = if o.postgres { "postgres" } else { "sqlite" };
    let tmp = tempfile::tempdir()?;
    let work = o
        .work
        .as_ref()
        .map_or_else(|| tmp.path().to_path_buf(), PathBuf::from);
    let data_dir = work.join(format!("data-import-{mode}-{backend}"));
    let _ = std::fs::remove_dir_all(&data_dir);
    std::fs::create_dir_all(&data_dir)?;
    let log = work.join(format!("skillgym-import-{mode}-{backend}.log"));
    say(format!(
        "{mode} import killed on {backend}: {} rows, demo of {} people; binary {BIN}",
        o.rows, o.people
    ));

    let url = if o.postgres {
        let db = format!("sg_import_kill_{}", std::process::id());
        admin(
            &o.pg_url,
            &format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"),
        )
        .await?;
        admin(&o.pg_url, &format!("CREATE DATABASE {db}")).await?;
        *pg_database = Some(db.clone());
        let (base, _) = o.pg_url.rsplit_once('/').ok_or("bad PostgreSQL URL")?;
        format!("{base}/{db}")
    } else {
        format!("sqlite://{}", data_dir.join("skillgym.db").display())
    };

    let t0 = Instant::now();
    let seeded = skillgym(&data_dir, &url)
        .args(["demo", "--no-serve", "--people", &o.people.to_string()])
        .output()
        .await?;
    if !seeded.status.success() {
        return Err(format!(
            "demo --no-serve failed: {}",
            String::from_utf8_lossy(&seeded.stderr)
        )
        .into());
    }
    say(format!(
        "seeded the demo in {:.1} s",
        t0.elapsed().as_secs_f64()
    ));

    let store = Store::connect(&url).await?;
    let file = work.join(format!("import-{mode}-{backend}.csv"));
    let (args, campaign, facts): (Vec<String>, i64, serde_json::Value) = match o.mode {
        Mode::Staff => {
            let (bytes, facts) = staff_file(&store, o.rows).await?;
            std::fs::write(&file, bytes)?;
            let args = ["import", "staff", "--absent", "left", "--yes"]
                .iter()
                .map(|s| s.to_string())
                .chain([file.display().to_string()])
                .collect();
            (args, 0, facts)
        }
        Mode::Survey => {
            let campaign = fresh_campaign(&store).await?;
            let (bytes, mapping, facts) = survey_file(&campaign, o.rows)?;
            std::fs::write(&file, bytes)?;
            let mapping_file = work.join(format!("import-{mode}-{backend}.json"));
            std::fs::write(&mapping_file, mapping)?;
            let args = vec![
                "import".into(),
                "responses".into(),
                file.display().to_string(),
                "--campaign".into(),
                campaign.id.0.to_string(),
                "--mapping".into(),
                mapping_file.display().to_string(),
            ];
            (args, campaign.id.0, facts)
        }
    };
    store.close().await;
    say(format!("wrote {}: {facts}", file.display()));

    let before = state(&url, o.mode, campaign).await?;

    // The import, killed once its transaction is writing.
    let started = Instant::now();
    let out = std::fs::File::create(&log)?;
    let mut child = skillgym(&data_dir, &url)
        .args(&args)
        .stdout(out.try_clone()?)
        .stderr(out)
        .kill_on_drop(true)
        .spawn()?;
    let pid = child.id().ok_or("the import did not start")?;
    let mut problems = Vec::new();
    let writing_after;
    loop {
        if let Some(status) = child.try_wait()? {
            return Err(format!(
                "the import ended ({status}) before its transaction was seen writing: use more \
                 --rows; see {}",
                log.display()
            )
            .into());
        }
        if writing(&url, o.postgres).await? {
            writing_after = started.elapsed().as_secs_f64();
            break;
        }
        if started.elapsed() > Duration::from_secs(300) {
            return Err("the import did not start writing within 5 minutes".into());
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    tokio::time::sleep(Duration::from_millis(o.delay_ms)).await;
    // On SQLite, until part of the transaction is on disk: pages it could not keep in memory
    // go to the write-ahead log before the commit.
    let wal = data_dir.join("skillgym.db-wal");
    let wal_size = || std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    let waited = Instant::now();
    while !o.postgres
        && wal_size() < o.wal_bytes
        && waited.elapsed() < Duration::from_secs(60)
        && child.try_wait()?.is_none()
    {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let held_at_kill = writing(&url, o.postgres).await?;
    std::process::Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()?;
    let killed_at = started.elapsed().as_secs_f64();
    let status = child.wait().await?;
    say(format!(
        "transaction writing {:.2} s after the start; SIGKILL at {killed_at:.2} s (write lock \
         still held: {held_at_kill}); the import ended with {status}",
        writing_after
    ));
    if !held_at_kill {
        problems.push(
            "the import had finished writing before the kill: not a kill mid-import (lower \
             --delay-ms or raise --rows)"
                .to_string(),
        );
    }
    let wal_bytes = wal_size();

    // The database after the crash.
    let mut report = serde_json::json!({
        "mode": mode, "backend": backend, "people": o.people, "file": facts,
        "transaction_writing_after_s": writing_after, "killed_after_s": killed_at,
        "write_lock_held_at_kill": held_at_kill, "exit": status.to_string(),
    });
    if !o.postgres {
        let (integrity, dangling) = sqlite_checks(&url).await?;
        say(format!(
            "after the kill: PRAGMA integrity_check: {integrity}; foreign_key_check: {dangling} \
             rows; write-ahead log left {wal_bytes} bytes"
        ));
        if integrity != "ok" {
            problems.push(format!("integrity_check: {integrity}"));
        }
        if dangling > 0 {
            problems.push(format!("{dangling} rows fail foreign_key_check"));
        }
        report["integrity_check"] = integrity.into();
        report["foreign_key_violations"] = dangling.into();
        report["wal_bytes_at_kill"] = wal_bytes.into();
    }
    let killed = state(&url, o.mode, campaign).await?;

    // The same file again, to completion: the database still works, and this is "all".
    let t = Instant::now();
    let again = skillgym(&data_dir, &url).args(&args).output().await?;
    let again_s = t.elapsed().as_secs_f64();
    if !again.status.success() {
        problems.push(format!(
            "importing again after the kill failed: {}",
            String::from_utf8_lossy(&again.stderr)
        ));
    }
    let after = state(&url, o.mode, campaign).await?;
    let before_set: std::collections::HashSet<&String> = before.iter().collect();
    let outcome = if killed == before {
        "none"
    } else if killed == after {
        "all"
    } else {
        let extra = killed.iter().filter(|l| !before_set.contains(l)).count();
        problems.push(format!(
            "half-written: the killed import left a state that is neither before nor after \
             ({extra} rows not there before)"
        ));
        "part"
    };
    if before == after {
        problems.push("the file changed nothing: the check proves nothing".into());
    }
    let changed_rows = after.iter().filter(|l| !before_set.contains(l)).count();
    say(format!(
        "the killed import left {outcome} of the file's changes ({changed_rows} rows differ \
         between before and after); imported again in {again_s:.1} s"
    ));
    report["outcome"] = outcome.into();
    report["rows_before"] = before.len().into();
    report["rows_after"] = after.len().into();
    report["rows_changed_by_file"] = changed_rows.into();
    report["import_again_s"] = again_s.into();
    report["problems"] = problems.clone().into();
    report["pass"] = problems.is_empty().into();
    if let Some(path) = &o.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)? + "\n")?;
    }
    if problems.is_empty() {
        println!("PASS: {mode} import killed on {backend}: {outcome} of it landed");
    } else {
        for p in &problems {
            println!("  problem: {p}");
        }
        println!(
            "FAIL: {mode} import killed on {backend}; logs in {}",
            log.display()
        );
    }
    Ok(problems.is_empty())
}
