//! Respondents submitting audit pages: latency under load, and proof under faults.
//!
//! A benchmark, not a test (`harness = false`; only `cargo bench` builds it). It spawns the
//! real release binary, seeds the demo organisation, gives people accounts and sessions
//! through the store, and drives concurrent respondents (one tokio task and one HTTP client
//! each) through every section of an open campaign and the final submit.
//!
//! ```sh
//! cargo bench -p skillgym --bench respondents -- MODE [options]
//! ```
//!
//! Modes:
//! - `latency`: reports p50/p95/p99/max per kind of request and requests per second.
//! - `kill`: SIGKILLs skillgym half way, restarts it on the same port; respondents retry until
//!   answered; then every acknowledged answer is checked in the database.
//! - `pg-restart` (PostgreSQL only): runs `--pg-restart-cmd` half way (bench/reliability gives
//!   it a crash: `pg_ctlcluster … stop -m immediate`, then `start`; `--dry-run`: cuts a TCP
//!   proxy between skillgym and PostgreSQL instead, touching nothing shared); checks that
//!   skillgym answers 503 while the database is away, recovers by itself, and loses nothing.
//!
//! The fault modes check every acknowledged rating, profile answer (in its stored form), quiz
//! answer and submit, and that no page is half-written.
//!
//! Options: `--backend sqlite|postgres`, `--respondents N` (200), `--people N` (400),
//! `--think-ms N` (1000: each respondent pauses 0.5 to 1.5 times this between pages),
//! `--down-ms N` (kill: how long skillgym stays dead before the restart; 1000),
//! `--pg-url URL` (a database to run CREATE/DROP DATABASE from; default `BENCH_PG_URL` or
//! postgres://root@127.0.0.1:5432/test), `--pg-restart-cmd CMD`, `--dry-run`,
//! `--json FILE` (the figures, for bench/bench.py), `--work DIR` (keep logs and data there).
//! Exits non-zero on FAIL.

use skillgym_domain::audit::{CampaignContent, Rating, Section};
use skillgym_domain::{AccountId, Email, PersonId, Roles};
use skillgym_store::{Campaign, NewAccount, NewCampaign, Store};
use sqlx::Row;
use std::collections::BTreeMap;
use std::process::{ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::process::{Child, Command};

const BIN: &str = env!("CARGO_BIN_EXE_skillgym");
/// How long a respondent keeps retrying one request before giving up.
const RETRY_FOR: Duration = Duration::from_secs(120);
const LATENCY_GOAL_MS: f64 = 50.0;

type Failure = Box<dyn std::error::Error + Send + Sync>;
type Res<T> = Result<T, Failure>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Latency,
    Kill,
    PgRestart,
}

#[derive(Clone, Debug)]
struct Options {
    mode: Mode,
    postgres: bool,
    respondents: usize,
    people: usize,
    think_ms: u64,
    pg_url: String,
    pg_restart_cmd: String,
    dry_run: bool,
    down_ms: u64,
    json: Option<String>,
    work: Option<String>,
}

fn options() -> Res<Options> {
    let mut o = Options {
        mode: Mode::Latency,
        postgres: false,
        respondents: 200,
        people: 400,
        think_ms: 1000,
        pg_url: std::env::var("BENCH_PG_URL")
            .unwrap_or_else(|_| "postgres://root@127.0.0.1:5432/test".into()),
        pg_restart_cmd:
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main restart".into(),
        dry_run: false,
        down_ms: 1000,
        json: None,
        work: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--bench" => {}
            "latency" => o.mode = Mode::Latency,
            "kill" => o.mode = Mode::Kill,
            "pg-restart" => o.mode = Mode::PgRestart,
            "--backend" => o.postgres = value()? == "postgres",
            "--respondents" => o.respondents = value()?.parse()?,
            "--people" => o.people = value()?.parse()?,
            "--think-ms" => o.think_ms = value()?.parse()?,
            "--pg-url" => o.pg_url = value()?,
            "--pg-restart-cmd" => o.pg_restart_cmd = value()?,
            "--dry-run" => o.dry_run = true,
            "--down-ms" => o.down_ms = value()?.parse()?,
            "--json" => o.json = Some(value()?),
            "--work" => o.work = Some(value()?),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    if o.mode == Mode::PgRestart {
        o.postgres = true;
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

/// A small deterministic random number generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn hex_sha256(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn random_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

// ---------------------------------------------------------------------------------------------
// The server

struct Server {
    child: Child,
    port: u16,
    data_dir: std::path::PathBuf,
    log: std::path::PathBuf,
    database_url: Option<String>,
    people: usize,
    starts: usize,
}

fn command(data_dir: &std::path::Path, database_url: &Option<String>) -> Command {
    let mut cmd = Command::new(BIN);
    for name in [
        "DATABASE_URL",
        "SKILLGYM_DATA_DIR",
        "SKILLGYM_CONFIG",
        "SKILLGYM_BIND",
        "SKILLGYM_PUBLIC_URL",
        "SKILLGYM_LOG",
        "SKILLGYM_LOG_FORMAT",
    ] {
        cmd.env_remove(name);
    }
    cmd.env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env("NO_COLOR", "1");
    if let Some(url) = database_url {
        cmd.env("DATABASE_URL", url);
    }
    cmd.arg("demo").arg("--data-dir").arg(data_dir);
    cmd
}

impl Server {
    async fn start(&mut self) -> Res<f64> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)?;
        let started = Instant::now();
        self.child = command(&self.data_dir, &self.database_url)
            .arg("--people")
            .arg(self.people.to_string())
            .arg("--bind")
            .arg(format!("127.0.0.1:{}", self.port))
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .kill_on_drop(true)
            .spawn()?;
        self.starts += 1;
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()?;
        loop {
            if let Ok(r) = client.get(self.url("/healthz")).send().await
                && r.status() == 200
            {
                return Ok(started.elapsed().as_secs_f64());
            }
            if let Some(status) = self.child.try_wait()? {
                return Err(
                    format!("skillgym exited with {status}; see {}", self.log.display()).into(),
                );
            }
            if started.elapsed() > Duration::from_secs(60) {
                return Err("skillgym did not answer /healthz within 60 s".into());
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    async fn stop(&mut self) {
        if let Some(pid) = self.child.id() {
            // SIGTERM, so it shuts down as it would in service.
            let _ = std::process::Command::new("kill")
                .arg("-TERM")
                .arg(pid.to_string())
                .status();
            if tokio::time::timeout(Duration::from_secs(10), self.child.wait())
                .await
                .is_err()
            {
                let _ = self.child.kill().await;
            }
        }
    }
}

fn free_port() -> Res<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

// ---------------------------------------------------------------------------------------------
// A TCP proxy in front of PostgreSQL, for the dry run: an "outage" closes every connection
// through it and refuses new ones, as a stopped PostgreSQL does, without touching the
// PostgreSQL others are using.

struct Proxy {
    port: u16,
    upstream: String,
    accepting: Option<tokio::task::JoinHandle<()>>,
    cut: tokio::sync::watch::Sender<u64>,
}

impl Proxy {
    async fn start(upstream: String) -> Res<Proxy> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let (cut, _) = tokio::sync::watch::channel(0u64);
        let mut proxy = Proxy {
            port: listener.local_addr()?.port(),
            upstream,
            accepting: None,
            cut,
        };
        proxy.accept(listener);
        Ok(proxy)
    }

    fn accept(&mut self, listener: tokio::net::TcpListener) {
        let (upstream, cut) = (self.upstream.clone(), self.cut.clone());
        self.accepting = Some(tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let upstream = upstream.clone();
                let mut cut = cut.subscribe();
                tokio::spawn(async move {
                    let Ok(mut outbound) = tokio::net::TcpStream::connect(&upstream).await else {
                        return;
                    };
                    let _ = (inbound.set_nodelay(true), outbound.set_nodelay(true));
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                        _ = cut.changed() => {}
                    }
                });
            }
        }));
    }

    /// Closes the listening socket (new connections are refused) and every connection.
    fn down(&mut self) {
        if let Some(task) = self.accepting.take() {
            task.abort();
        }
        self.cut.send_modify(|g| *g += 1);
    }

    async fn up(&mut self) -> Res<()> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port)).await?;
        self.accept(listener);
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Respondents

#[derive(Clone)]
struct Respondent {
    person: PersonId,
    token: String,
    csrf: String,
}

/// One HTTP request a respondent made.
#[derive(Clone, Debug)]
struct Sample {
    kind: &'static str,
    /// When it was sent, in seconds since the run started.
    at: f64,
    ms: f64,
    /// The status, or 0 for no answer (connection refused, reset or timed out).
    status: u16,
}

/// What one respondent saw acknowledged.
#[derive(Default)]
struct Outcome {
    /// Section → the form fields sent in the request that got the success answer.
    acked: BTreeMap<usize, Vec<(String, String)>>,
    submitted: bool,
    retries: u64,
    failure: Option<String>,
}

struct Shared {
    campaign: Campaign,
    base: String,
    think_ms: u64,
    samples: Mutex<Vec<Sample>>,
    acked_posts: AtomicU64,
    retry: bool,
}

/// The answers one respondent gives to section `n`: random ratings (one in eight "not sure"),
/// a choice for every profile question, and random options in the knowledge round.
fn answers(campaign: &Campaign, n: usize, rng: &mut Rng) -> Vec<(String, String)> {
    let q = campaign.questionnaire();
    let mut fields = Vec::new();
    match q.section(n).expect("a section") {
        Section::Profile => {
            for (id, question) in &campaign.questions {
                let value = match question.kind.as_str() {
                    "number" => (rng.below(40) + 1).to_string(),
                    "text" => format!("Answer {}", rng.below(1000)),
                    _ => rng.below(question.options.len().max(1) as u64).to_string(),
                };
                fields.push((format!("q-{id}"), value));
            }
        }
        Section::Area(i) => {
            for c in &campaign.areas[i].competences {
                let value = match rng.below(8) {
                    0 => Rating::NOT_SURE.to_string(),
                    _ => (rng.below(5) + 1).to_string(),
                };
                fields.push((format!("rating-{}", c.id), value));
            }
        }
        Section::Quiz(p) => {
            for position in q.quiz_items_on(p) {
                let (id, item) = &campaign.quiz[position];
                let chosen = rng.below(item.options.len() as u64);
                fields.push((format!("quiz-{id}"), chosen.to_string()));
            }
        }
        Section::Services => {
            for service in &campaign.services {
                let value = match rng.below(8) {
                    0 => "not-sure".to_string(),
                    _ => (rng.below(5) + 1).to_string(),
                };
                fields.push((format!("service-{}", service.id), value));
            }
        }
    }
    fields
}

enum Post<'a> {
    Get,
    Form(&'a [(String, String)]),
}

/// Sends one request, retrying (in the fault modes) while there is no answer or a 5xx.
/// Returns the final status and Location header.
async fn request(
    shared: &Shared,
    client: &reqwest::Client,
    r: &Respondent,
    kind: &'static str,
    path: &str,
    body: Post<'_>,
    outcome: &mut Outcome,
) -> Res<(u16, String)> {
    let first = Instant::now();
    let mut attempt = 0u64;
    loop {
        let at = secs();
        let t0 = Instant::now();
        let url = format!("{}{path}", shared.base);
        let req = match &body {
            Post::Get => client.get(url),
            Post::Form(fields) => {
                let mut all: Vec<(&str, &str)> = vec![("csrf", r.csrf.as_str())];
                all.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                client.post(url).form(&all)
            }
        };
        let result = async {
            let response = req.send().await?;
            let status = response.status().as_u16();
            let location = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .unwrap_or("")
                .to_string();
            response.bytes().await?;
            Ok::<_, reqwest::Error>((status, location))
        }
        .await;
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        let status = result.as_ref().map_or(0, |(s, _)| *s);
        shared.samples.lock().unwrap().push(Sample {
            kind,
            at,
            ms,
            status,
        });
        match result {
            Ok((s, location)) if s < 500 => return Ok((s, location)),
            _ if shared.retry && first.elapsed() < RETRY_FOR => {
                attempt += 1;
                outcome.retries += 1;
                // 100 ms, then up to 1 s between tries.
                tokio::time::sleep(Duration::from_millis((100 * attempt).min(1000))).await;
            }
            Ok((s, _)) => return Err(format!("{kind} {path}: {s}").into()),
            Err(e) => return Err(format!("{kind} {path}: {e}").into()),
        }
    }
}

async fn think(shared: &Shared, rng: &mut Rng) {
    if shared.think_ms > 0 {
        let ms = shared.think_ms / 2 + rng.below(shared.think_ms + 1);
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
}

async fn respond(shared: Arc<Shared>, r: Respondent, seed: u64) -> Outcome {
    let mut outcome = Outcome::default();
    if let Err(e) = respond_inner(&shared, &r, seed, &mut outcome).await {
        outcome.failure = Some(e.to_string());
    }
    outcome
}

async fn respond_inner(
    shared: &Shared,
    r: &Respondent,
    seed: u64,
    outcome: &mut Outcome,
) -> Res<()> {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::COOKIE,
        format!("sg_session={}", r.token).parse()?,
    );
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .timeout(Duration::from_secs(30))
        .build()?;
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let c = shared.campaign.id;
    let total = shared.campaign.questionnaire().len();
    // Spread the starts over the first pause, as people do not all click at once.
    think(shared, &mut rng).await;
    let (s, location) = request(
        shared,
        &client,
        r,
        "start",
        &format!("/audits/{c}/start"),
        Post::Form(&[]),
        outcome,
    )
    .await?;
    if s != 303 || !location.starts_with(&format!("/audits/{c}/section/")) {
        return Err(format!("start: {s} to {location:?}").into());
    }
    for n in 1..=total {
        let path = format!("/audits/{c}/section/{n}");
        let (s, _) = request(shared, &client, r, "page", &path, Post::Get, outcome).await?;
        if s != 200 {
            return Err(format!("GET {path}: {s}").into());
        }
        think(shared, &mut rng).await;
        let fields = answers(&shared.campaign, n, &mut rng);
        let (s, location) = request(
            shared,
            &client,
            r,
            "save",
            &path,
            Post::Form(&fields),
            outcome,
        )
        .await?;
        let next = if n == total {
            format!("/audits/{c}/check")
        } else {
            format!("/audits/{c}/section/{}", n + 1)
        };
        if s != 303 || location != next {
            return Err(format!("POST {path}: {s} to {location:?}, expected 303 to {next}").into());
        }
        outcome.acked.insert(n, fields);
        shared.acked_posts.fetch_add(1, Ordering::SeqCst);
    }
    think(shared, &mut rng).await;
    let (s, location) = request(
        shared,
        &client,
        r,
        "submit",
        &format!("/audits/{c}/check"),
        Post::Form(&[]),
        outcome,
    )
    .await?;
    if s != 303 || location != format!("/audits/{c}/results") {
        return Err(format!("submit: {s} to {location:?}").into());
    }
    outcome.submitted = true;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Figures

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn stats(samples: &[&Sample]) -> serde_json::Value {
    let mut ms: Vec<f64> = samples.iter().map(|s| s.ms).collect();
    ms.sort_by(f64::total_cmp);
    let r = |v: f64| (v * 100.0).round() / 100.0;
    serde_json::json!({
        "count": ms.len(),
        "p50_ms": r(percentile(&ms, 50.0)),
        "p95_ms": r(percentile(&ms, 95.0)),
        "p99_ms": r(percentile(&ms, 99.0)),
        "max_ms": r(ms.last().copied().unwrap_or(f64::NAN)),
    })
}

// ---------------------------------------------------------------------------------------------
// Verification, through the store (and row counts)

async fn verify(
    store: &Store,
    url: &str,
    campaign: &Campaign,
    people: &[Respondent],
    outcomes: &[Outcome],
    problems: &mut Vec<String>,
) -> Res<serde_json::Value> {
    let mut acked_sections = 0u64;
    let mut acked_ratings = 0u64;
    let mut acked_submits = 0u64;
    let mut acked_profile = 0u64;
    let mut pages_checked = 0u64;
    let mut expected_ratings = 0i64;
    let mut expected_sections = 0i64;
    for (r, o) in people.iter().zip(outcomes) {
        let Some(state) = store.response_of(campaign.id, r.person).await? else {
            if !o.acked.is_empty() || o.submitted {
                problems.push(format!(
                    "person {}: no response, but answers were acknowledged",
                    r.person
                ));
            }
            continue;
        };
        let stored = store.response_answers(state.id).await?;
        expected_ratings += stored.ratings.len() as i64;
        expected_sections += state.saved.len() as i64;
        for (n, fields) in &o.acked {
            acked_sections += 1;
            if !state.saved.contains(n) {
                problems.push(format!(
                    "person {}: section {n} acknowledged but not saved",
                    r.person
                ));
            }
            for (k, v) in fields {
                if let Some(id) = k.strip_prefix("rating-") {
                    acked_ratings += 1;
                    let id = skillgym_domain::CompetenceId(id.parse()?);
                    let sent = Rating::parse(v).map_err(|e| e.0)?;
                    if stored.ratings.get(&id) != Some(&sent) {
                        problems.push(format!(
                            "person {}: rating of competence {id} is {:?}, {sent:?} was acknowledged",
                            r.person,
                            stored.ratings.get(&id)
                        ));
                    }
                } else if let Some(id) = k.strip_prefix("quiz-") {
                    let id = skillgym_domain::QuizItemId(id.parse()?);
                    let sent: usize = v.parse()?;
                    if stored.quiz.get(&id).map(|(c, _)| c.as_slice()) != Some(&[sent][..]) {
                        problems.push(format!(
                            "person {}: quiz item {id} differs from what was acknowledged",
                            r.person
                        ));
                    }
                } else if let Some(id) = k.strip_prefix("q-") {
                    let id = skillgym_domain::QuestionId(id.parse()?);
                    let (_, question) = campaign
                        .questions
                        .iter()
                        .find(|(q, _)| *q == id)
                        .ok_or("a profile question the campaign does not have")?;
                    // What was acknowledged, in the form it is stored in.
                    let sent = question.answer(std::slice::from_ref(v)).map_err(|e| e.0)?;
                    acked_profile += 1;
                    if stored.profile.get(&id) != sent.as_ref() {
                        problems.push(format!(
                            "person {}: profile answer {id} is {:?}, {sent:?} was acknowledged",
                            r.person,
                            stored.profile.get(&id)
                        ));
                    }
                }
            }
        }
        // Nothing half-written: a page's answers are there exactly when the page is saved.
        let questionnaire = campaign.questionnaire();
        for n in 1..=questionnaire.len() {
            let saved = state.saved.contains(&n);
            let (asked, answered) = match questionnaire.section(n).ok_or("a section")? {
                Section::Profile => (
                    0,
                    campaign
                        .questions
                        .iter()
                        .filter(|(id, _)| stored.profile.contains_key(id))
                        .count(),
                ),
                Section::Area(i) => {
                    let ids = &campaign.areas[i].competences;
                    (
                        ids.len(),
                        ids.iter()
                            .filter(|c| stored.ratings.contains_key(&c.id))
                            .count(),
                    )
                }
                Section::Quiz(p) => {
                    let items = &campaign.quiz[questionnaire.quiz_items_on(p)];
                    (
                        items.len(),
                        items
                            .iter()
                            .filter(|(id, _)| stored.quiz.contains_key(id))
                            .count(),
                    )
                }
                Section::Services => (
                    campaign.services.len(),
                    campaign
                        .services
                        .iter()
                        .filter(|s| stored.services.contains_key(&s.id))
                        .count(),
                ),
            };
            // Profile answers may be left blank, so a saved profile page may hold any number.
            let whole = if saved {
                answered == asked || asked == 0
            } else {
                answered == 0
            };
            pages_checked += 1;
            if !whole {
                problems.push(format!(
                    "person {}: section {n} is half-written (saved: {saved}, {answered} of \
                     {asked} answers there)",
                    r.person
                ));
            }
        }
        if o.submitted {
            acked_submits += 1;
            if !state.submitted {
                problems.push(format!(
                    "person {}: submit acknowledged but not submitted",
                    r.person
                ));
            }
        }
    }
    // Row counts straight from the tables: the store's maps would hide a duplicate.
    let pool = sqlx::AnyPool::connect(url).await?;
    let c = campaign.id.0;
    let count = |sql: &'static str| {
        let pool = pool.clone();
        async move {
            let row = sqlx::query(sql).bind(c).fetch_one(&pool).await?;
            row.try_get::<i64, _>(0)
        }
    };
    let responses = count("SELECT COUNT(*) FROM responses WHERE campaign_id = $1").await?;
    let responders =
        count("SELECT COUNT(DISTINCT person_id) FROM responses WHERE campaign_id = $1").await?;
    let submitted =
        count("SELECT COUNT(*) FROM responses WHERE campaign_id = $1 AND submitted_at IS NOT NULL")
            .await?;
    let ratings = count("SELECT COUNT(*) FROM ratings WHERE response_id IN (SELECT id FROM responses WHERE campaign_id = $1)").await?;
    let sections = count("SELECT COUNT(*) FROM response_sections WHERE response_id IN (SELECT id FROM responses WHERE campaign_id = $1)").await?;
    pool.close().await;
    if responses != responders {
        problems.push(format!(
            "{responses} responses for {responders} people: duplicated responses"
        ));
    }
    if responses > people.len() as i64 {
        problems.push(format!(
            "{responses} responses from {} respondents",
            people.len()
        ));
    }
    if ratings != expected_ratings {
        problems.push(format!(
            "{ratings} rating rows, {expected_ratings} distinct ratings: duplicated ratings"
        ));
    }
    if sections != expected_sections {
        problems.push(format!(
            "{sections} section rows, {expected_sections} distinct sections"
        ));
    }
    if submitted < acked_submits as i64 {
        problems.push(format!(
            "{submitted} submitted responses, {acked_submits} submits acknowledged"
        ));
    }
    Ok(serde_json::json!({
        "acknowledged_sections": acked_sections,
        "acknowledged_ratings": acked_ratings,
        "acknowledged_submits": acked_submits,
        "acknowledged_profile_answers": acked_profile,
        "pages_checked_whole": pages_checked,
        "response_rows": responses,
        "submitted_rows": submitted,
        "rating_rows": ratings,
        "section_rows": sections,
    }))
}

// ---------------------------------------------------------------------------------------------

fn pg_parts(url: &str) -> Res<(String, String)> {
    // postgres://user@host:port/db → ("postgres://user@host:port", "host:port")
    let base = url
        .rsplit_once('/')
        .map(|(b, _)| b.to_string())
        .ok_or("bad PostgreSQL URL")?;
    let host = base
        .rsplit_once('@')
        .map_or(&base[base.find("://").map_or(0, |i| i + 3)..], |(_, h)| h);
    let host = if host.contains(':') {
        host.to_string()
    } else {
        format!("{host}:5432")
    };
    Ok((base, host))
}

async fn admin(url: &str, sql: &str) -> Res<()> {
    let pool = sqlx::AnyPool::connect(url).await?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(&pool)
        .await?;
    pool.close().await;
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    sqlx::any::install_default_drivers();
    secs();
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("respondents: {e}");
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
            eprintln!("respondents: FAIL: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(o: &Options, pg_database: &mut Option<String>) -> Res<bool> {
    let mode = match o.mode {
        Mode::Latency => "latency",
        Mode::Kill => "kill",
        Mode::PgRestart => "pg-restart",
    };
    let backend = if o.postgres { "postgres" } else { "sqlite" };
    let tmp = tempfile::tempdir()?;
    let work = match &o.work {
        Some(w) => std::path::PathBuf::from(w),
        None => tmp.path().to_path_buf(),
    };
    std::fs::create_dir_all(&work)?;
    let data_dir = work.join(format!("data-{mode}-{backend}"));
    let _ = std::fs::remove_dir_all(&data_dir);
    std::fs::create_dir_all(&data_dir)?;
    say(format!(
        "{mode} on {backend}{}: {} respondents, demo of {} people, pauses of {} ms; binary {BIN}",
        if o.dry_run { " (dry run)" } else { "" },
        o.respondents,
        o.people,
        o.think_ms
    ));

    // The database: SQLite in the data folder, or a fresh PostgreSQL database.
    let mut proxy = None;
    let (store_url, server_url) = if o.postgres {
        let db = format!("sg_resp_{}", std::process::id());
        admin(
            &o.pg_url,
            &format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"),
        )
        .await?;
        admin(&o.pg_url, &format!("CREATE DATABASE {db}")).await?;
        *pg_database = Some(db.clone());
        let (base, host) = pg_parts(&o.pg_url)?;
        let direct = format!("{base}/{db}");
        let server = if o.mode == Mode::PgRestart && o.dry_run {
            let p = Proxy::start(host).await?;
            let (scheme_user, _) = base
                .rsplit_once('@')
                .ok_or("the PostgreSQL URL needs a user")?;
            let url = format!("{scheme_user}@127.0.0.1:{}/{db}", p.port);
            proxy = Some(p);
            url
        } else {
            direct.clone()
        };
        (direct, Some(server))
    } else {
        (
            format!("sqlite://{}", data_dir.join("demo.db").display()),
            None,
        )
    };

    // Seed the demo organisation with the real binary.
    let t0 = Instant::now();
    let seeded = command(
        &data_dir,
        &store_url.starts_with("postgres").then(|| store_url.clone()),
    )
    .arg("--no-serve")
    .arg("--people")
    .arg(o.people.to_string())
    .stdin(Stdio::null())
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

    // A campaign with nobody's answers yet: a copy of the demo's open campaign, as "Copy for a
    // re-audit" makes it (the demo has made-up answers from everyone but its sign-ins).
    let store = Store::connect(&store_url).await?;
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
    let campaign = store.campaign(org, id).await?;
    let sections = campaign.questionnaire().len();

    // People of its audience with no response: accounts and sessions through the store.
    let mut ids: Vec<(String, PersonId)> = store.person_ids(org).await?.into_iter().collect();
    ids.sort();
    let mut people = Vec::new();
    for (i, (_, person)) in ids.iter().enumerate() {
        if people.len() == o.respondents {
            break;
        }
        if !store.in_audience(campaign.id, *person).await?
            || store.response_of(campaign.id, *person).await?.is_some()
        {
            continue;
        }
        let account: AccountId = match store
            .create_account(&NewAccount {
                person: *person,
                email: Email::parse(&format!("respondent{i}@bench.example")).map_err(|e| e.0)?,
                password_hash: None,
                roles: Roles::default(),
            })
            .await
        {
            Ok(a) => a,
            Err(_) => continue, // a demo sign-in already has an account
        };
        let (token, csrf) = (random_token(), random_token());
        store
            .create_session(
                &hex_sha256(&token),
                account,
                &csrf,
                skillgym_store::now() + 86_400,
            )
            .await?;
        people.push(Respondent {
            person: *person,
            token,
            csrf,
        });
    }
    if people.len() < o.respondents {
        return Err(format!(
            "only {} people free to respond; use more --people",
            people.len()
        )
        .into());
    }
    say(format!(
        "campaign {} ({sections} sections), {} respondents with sessions",
        campaign.id,
        people.len()
    ));

    let mut server = Server {
        child: Command::new("true").spawn()?,
        port: free_port()?,
        data_dir: data_dir.clone(),
        log: work.join(format!("skillgym-{mode}-{backend}.log")),
        database_url: server_url,
        people: o.people,
        starts: 0,
    };
    let first_start = server.start().await?;
    let first_pid = server.pid();
    say(format!(
        "skillgym pid {:?} on port {}, healthy after {:.0} ms",
        first_pid,
        server.port,
        first_start * 1000.0
    ));

    let shared = Arc::new(Shared {
        campaign: campaign.clone(),
        base: server.url(""),
        think_ms: o.think_ms,
        samples: Mutex::new(Vec::new()),
        acked_posts: AtomicU64::new(0),
        retry: o.mode != Mode::Latency,
    });

    // /healthz every 50 ms through the run: (seconds, status or 0).
    let health: Arc<Mutex<Vec<(f64, u16)>>> = Arc::default();
    let polling = Arc::new(AtomicBool::new(true));
    let poller = {
        let (health, polling, url) = (health.clone(), polling.clone(), server.url("/healthz"));
        tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .timeout(Duration::from_secs(15))
                .build()
                .expect("client");
            while polling.load(Ordering::SeqCst) {
                let at = secs();
                let status = match client.get(&url).send().await {
                    Ok(r) => r.status().as_u16(),
                    Err(_) => 0,
                };
                health.lock().unwrap().push((at, status));
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    };

    let started = secs();
    let tasks: Vec<_> = people
        .iter()
        .enumerate()
        .map(|(i, r)| tokio::spawn(respond(shared.clone(), r.clone(), i as u64 + 1)))
        .collect();

    // The fault, half way through the pages.
    let half = (people.len() * sections / 2) as u64;
    let mut fault = serde_json::Map::new();
    if o.mode != Mode::Latency {
        while shared.acked_posts.load(Ordering::SeqCst) < half {
            if tasks.iter().all(|t| t.is_finished()) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let at = secs();
        let acked_before = shared.acked_posts.load(Ordering::SeqCst);
        fault.insert("at_s".into(), (at - started).into());
        fault.insert("acknowledged_pages_before".into(), acked_before.into());
        match o.mode {
            Mode::Kill => {
                let pid = server.pid().ok_or("skillgym is not running")?;
                say(format!(
                    "SIGKILL skillgym (pid {pid}) after {acked_before} acknowledged pages"
                ));
                std::process::Command::new("kill")
                    .arg("-KILL")
                    .arg(pid.to_string())
                    .status()?;
                server.child.wait().await?;
                let killed = Instant::now();
                // As long as a supervisor takes to notice and start it again.
                tokio::time::sleep(Duration::from_millis(o.down_ms)).await;
                let took = server.start().await?;
                let down = killed.elapsed().as_secs_f64();
                say(format!(
                    "restarted on port {} (pid {:?}): healthy {:.0} ms after spawning, {:.2} s without a server",
                    server.port,
                    server.pid(),
                    took * 1000.0,
                    down
                ));
                fault.insert("restart_to_healthy_ms".into(), (took * 1000.0).into());
                fault.insert("server_down_s".into(), down.into());
            }
            Mode::PgRestart => {
                let t = Instant::now();
                if let Some(p) = &mut proxy {
                    say("dry run: closing the proxy (connections cut, new ones refused) for 3 s");
                    p.down();
                    tokio::time::sleep(Duration::from_secs(3)).await;
                    p.up().await?;
                    fault.insert("command".into(), "(dry run) proxy cut for 3 s".into());
                } else {
                    say(format!("restarting PostgreSQL: {}", o.pg_restart_cmd));
                    let status = Command::new("sh")
                        .arg("-c")
                        .arg(&o.pg_restart_cmd)
                        .status()
                        .await?;
                    if !status.success() {
                        return Err(format!("{} failed: {status}", o.pg_restart_cmd).into());
                    }
                    fault.insert("command".into(), o.pg_restart_cmd.clone().into());
                }
                let cmd_s = t.elapsed().as_secs_f64();
                say(format!("PostgreSQL back after {cmd_s:.2} s"));
                fault.insert("database_down_s".into(), cmd_s.into());
            }
            Mode::Latency => {}
        }
    }

    let mut outcomes = Vec::new();
    for t in tasks {
        outcomes.push(t.await?);
    }
    if o.mode == Mode::PgRestart {
        // Keep polling /healthz until it answers 200 after the fault, or for a minute.
        let waited = Instant::now();
        let mut last = usize::MAX;
        while waited.elapsed() < Duration::from_secs(60) {
            let h = health.lock().unwrap().clone();
            if h.len() != last && h.last().is_some_and(|(_, s)| *s == 200) && last != usize::MAX {
                break;
            }
            last = h.len();
            tokio::time::sleep(Duration::from_millis(60)).await;
        }
    }
    let elapsed = secs() - started;
    polling.store(false, Ordering::SeqCst);
    poller.await?;
    let alive_pid = server.pid();
    let alive = server.child.try_wait()?.is_none();
    server.stop().await;
    say(format!("all respondents done in {elapsed:.1} s"));

    // Figures.
    let samples = shared.samples.lock().unwrap().clone();
    let mut problems = Vec::new();
    let by_kind =
        |kind: &str| -> Vec<&Sample> { samples.iter().filter(|s| s.kind == kind).collect() };
    let ok: Vec<&Sample> = samples
        .iter()
        .filter(|s| s.status != 0 && s.status < 500)
        .collect();
    let saves_ok: Vec<&Sample> = by_kind("save")
        .into_iter()
        .filter(|s| s.status == 303)
        .collect();
    let mut statuses: BTreeMap<String, u64> = BTreeMap::new();
    for s in &samples {
        let key = if s.status == 0 {
            "no answer".to_string()
        } else {
            s.status.to_string()
        };
        *statuses.entry(key).or_default() += 1;
    }
    let failures: Vec<&String> = outcomes.iter().filter_map(|o| o.failure.as_ref()).collect();
    for f in failures.iter().take(5) {
        problems.push(format!("a respondent gave up: {f}"));
    }
    if failures.len() > 5 {
        problems.push(format!("… {} respondents gave up in all", failures.len()));
    }
    let retries: u64 = outcomes.iter().map(|o| o.retries).sum();
    let retried_respondents = outcomes.iter().filter(|o| o.retries > 0).count();
    let mut report = serde_json::json!({
        "mode": mode,
        "backend": backend,
        "dry_run": o.dry_run,
        "respondents": people.len(),
        "people": o.people,
        "sections": sections,
        "think_ms": o.think_ms,
        "elapsed_s": elapsed,
        "requests": samples.len(),
        "requests_per_s": samples.len() as f64 / elapsed,
        "statuses": statuses,
        "save": stats(&saves_ok),
        "page": stats(&by_kind("page").into_iter().filter(|s| s.status == 200).collect::<Vec<_>>()),
        "submit": stats(&by_kind("submit").into_iter().filter(|s| s.status == 303).collect::<Vec<_>>()),
        "all_answered": stats(&ok),
        "retries": retries,
        "retried_respondents": retried_respondents,
        "gave_up": failures.len(),
        "server_starts": server.starts,
        "fault": fault,
        "log": server.log.display().to_string(),
    });

    match o.mode {
        Mode::Latency => {
            let errors: usize = samples
                .iter()
                .filter(|s| s.status == 0 || s.status >= 500)
                .count();
            if errors > 0 {
                problems.push(format!("{errors} requests failed"));
            }
            let p99 = report["save"]["p99_ms"].as_f64().unwrap_or(f64::NAN);
            report["goal_p99_ms"] = LATENCY_GOAL_MS.into();
            report["goal_met"] = (p99 <= LATENCY_GOAL_MS).into();
            if !o.postgres && nan_or_over(p99, LATENCY_GOAL_MS) {
                problems.push(format!(
                    "p99 of saving a page is {p99:.1} ms, over the {LATENCY_GOAL_MS} ms goal"
                ));
            }
        }
        Mode::Kill | Mode::PgRestart => {
            let v = verify(
                &store,
                &store_url,
                &campaign,
                &people,
                &outcomes,
                &mut problems,
            )
            .await?;
            report["verified"] = v;
            let errors_5xx: usize = samples.iter().filter(|s| s.status >= 500).count();
            let by_status = |code: u16| samples.iter().filter(|s| s.status == code).count();
            let no_answer = samples.iter().filter(|s| s.status == 0).count();
            let bad_at: Vec<f64> = samples
                .iter()
                .filter(|s| s.status == 0 || s.status >= 500)
                .map(|s| s.at - started)
                .collect();
            report["errors_between_s"] = serde_json::json!([
                bad_at.iter().copied().reduce(f64::min),
                bad_at.iter().copied().reduce(f64::max),
            ]);
            report["errors"] = serde_json::json!({
                "503": by_status(503), "500": by_status(500), "other_5xx": errors_5xx - by_status(503) - by_status(500),
                "no_answer": no_answer,
            });
            if o.mode == Mode::PgRestart {
                // The outage as /healthz saw it, and skillgym never restarted.
                let h = health.lock().unwrap().clone();
                let fault_at = started + report["fault"]["at_s"].as_f64().unwrap_or(0.0);
                let first_bad = h
                    .iter()
                    .find(|(t, s)| *t >= fault_at - 0.1 && *s != 200)
                    .copied();
                let back = first_bad
                    .and_then(|(t0, _)| h.iter().find(|(t, s)| *t > t0 && *s == 200).copied());
                let bad: Vec<u16> = h
                    .iter()
                    .filter(|(t, s)| *t >= fault_at - 0.1 && *s != 200)
                    .map(|(_, s)| *s)
                    .collect();
                report["healthz"] = serde_json::json!({
                    "first_not_200_after_s": first_bad.map(|(t, _)| t - fault_at),
                    "status_seen": first_bad.map(|(_, s)| s),
                    "back_to_200_after_s": back.map(|(t, _)| t - fault_at),
                    "outage_s": first_bad.zip(back).map(|((a, _), (b, _))| b - a),
                    "polls_503": bad.iter().filter(|s| **s == 503).count(),
                    "polls_other": bad.iter().filter(|s| **s != 503).count(),
                });
                // A restart shorter than the pool's 10 s acquire timeout may be waited out
                // without a single error: that is reported, not a failure.
                let fault_end =
                    fault_at + report["fault"]["database_down_s"].as_f64().unwrap_or(0.0);
                report["healthz"]["saw_503"] = bad.contains(&503).into();
                if !h.iter().any(|(t, s)| *t > fault_end && *s == 200) {
                    problems.push("/healthz did not come back to 200".into());
                }
                if bad.iter().any(|s| *s != 503) {
                    problems.push(format!(
                        "/healthz gave something other than 503 during the outage: {bad:?}"
                    ));
                }
                if by_status(500) > 0 || errors_5xx > by_status(503) {
                    problems.push(format!(
                        "{} answers were 5xx other than 503 during the outage",
                        errors_5xx - by_status(503)
                    ));
                }
                if !alive || alive_pid != first_pid || server.starts != 1 {
                    problems.push("skillgym did not stay up (exited or was restarted)".into());
                }
            }
        }
    }
    store.close().await;
    report["problems"] = problems.clone().into();
    report["pass"] = problems.is_empty().into();
    if let Some(path) = &o.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)? + "\n")?;
    }
    print_summary(&report);
    if problems.is_empty() {
        println!("PASS: {mode} on {backend}");
    } else {
        for p in &problems {
            println!("  problem: {p}");
        }
        println!("FAIL: {mode} on {backend}");
    }
    Ok(problems.is_empty())
}

fn nan_or_over(value: f64, goal: f64) -> bool {
    value.is_nan() || value > goal
}

fn print_summary(r: &serde_json::Value) {
    println!();
    println!(
        "{} respondents × {} sections, {} requests in {:.1} s ({:.0} requests/s), statuses {}",
        r["respondents"],
        r["sections"],
        r["requests"],
        r["elapsed_s"].as_f64().unwrap_or(0.0),
        r["requests_per_s"].as_f64().unwrap_or(0.0),
        r["statuses"]
    );
    for kind in ["save", "page", "submit"] {
        let s = &r[kind];
        println!(
            "  {kind:7} n={:5}  p50 {:7.2} ms  p95 {:7.2} ms  p99 {:7.2} ms  max {:8.2} ms",
            s["count"],
            s["p50_ms"].as_f64().unwrap_or(f64::NAN),
            s["p95_ms"].as_f64().unwrap_or(f64::NAN),
            s["p99_ms"].as_f64().unwrap_or(f64::NAN),
            s["max_ms"].as_f64().unwrap_or(f64::NAN)
        );
    }
    if r["mode"] != "latency" {
        println!(
            "  retries {} by {} respondents; gave up {}",
            r["retries"], r["retried_respondents"], r["gave_up"]
        );
        println!("  fault {}", r["fault"]);
        println!("  errors {}", r["errors"]);
        println!("  verified {}", r["verified"]);
        if !r["healthz"].is_null() {
            println!("  healthz {}", r["healthz"]);
        }
    }
}
