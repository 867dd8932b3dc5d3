//! The Learning Record Store under load, on SQLite by default (docs/performance.md, "Learning Record
//! Store"): statements a second into an empty store from one POST of 10,000 statements, then
//! filling it to `XAPI_BENCH_STATEMENTS` (default 1,000,000) by POSTs of 10,000, then the
//! time of GET Statements with filters (1,000 queries of several kinds, `limit=100`), each
//! kind's median and p99 and the p99 over all.
//!
//! `cargo bench -p skillgym-web --bench xapi` prints one JSON line. With
//! `XAPI_BENCH_DATABASE=postgres` it runs on a fresh PostgreSQL database instead (at
//! `SKILLGYM_TEST_POSTGRES_URL`, as the tests).

use reqwest::Client;
use serde_json::{Value, json};
use skillgym_test_db::{Backend, TestDb};
use std::time::Instant;

const BATCH: usize = 10_000;
const LEARNERS: usize = 20_000;
const ACTIVITIES: usize = 500;
const VERBS: [&str; 5] = [
    "http://adlnet.gov/expapi/verbs/completed",
    "http://adlnet.gov/expapi/verbs/passed",
    "http://adlnet.gov/expapi/verbs/attempted",
    "http://adlnet.gov/expapi/verbs/experienced",
    "http://adlnet.gov/expapi/verbs/answered",
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

/// The `n`th statement: a learner, a verb, an activity in a course, a registration.
fn statement(n: usize) -> Value {
    let learner = (n * 7919) % LEARNERS;
    let activity = (n * 104_729) % ACTIVITIES;
    json!({
        "id": format!("{:08x}-0000-4000-8000-{:012x}", n >> 16, n),
        "actor": { "mbox": format!("mailto:learner{learner}@library.example.gov.uk"), "name": "A Learner" },
        "verb": { "id": VERBS[n % VERBS.len()], "display": { "en-GB": "did" } },
        "object": {
            "id": format!("https://learning.example.gov.uk/activities/{activity}"),
            "definition": { "name": { "en-GB": format!("Activity {activity}") } }
        },
        "context": {
            "registration": format!("{:08x}-1111-4000-8000-{:012x}", learner, activity),
            "contextActivities": { "parent": [{ "id": format!("https://learning.example.gov.uk/courses/{}", activity / 10) }] }
        },
        "result": { "completion": true, "success": !n.is_multiple_of(3) }
    })
}

struct Lrs {
    url: String,
    key: String,
    secret: String,
    http: Client,
}

impl Lrs {
    async fn post(&self, from: usize, count: usize) -> f64 {
        let body = Value::from((from..from + count).map(statement).collect::<Vec<_>>()).to_string();
        let started = Instant::now();
        let response = self
            .http
            .post(format!("{}/xapi/statements", self.url))
            .basic_auth(&self.key, Some(&self.secret))
            .header("X-Experience-API-Version", "1.0.3")
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("the POST");
        assert_eq!(
            response.status(),
            200,
            "{}",
            response.text().await.unwrap_or_default()
        );
        started.elapsed().as_secs_f64()
    }

    /// The time of a GET, in milliseconds, the body read and parsed.
    async fn get(&self, pairs: &[(&str, String)]) -> f64 {
        let started = Instant::now();
        let response = self
            .http
            .get(format!("{}/xapi/statements", self.url))
            .query(pairs)
            .basic_auth(&self.key, Some(&self.secret))
            .header("X-Experience-API-Version", "1.0.3")
            .send()
            .await
            .expect("the GET");
        assert_eq!(response.status(), 200);
        let text = response.text().await.expect("the body");
        let _: Value = serde_json::from_str(&text).expect("JSON");
        started.elapsed().as_secs_f64() * 1000.0
    }
}

fn main() {
    let total: usize = std::env::var("XAPI_BENCH_STATEMENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let line = runtime.block_on(run(total));
    println!("{line}");
}

async fn run(total: usize) -> Value {
    let postgres = std::env::var("XAPI_BENCH_DATABASE").is_ok_and(|d| d == "postgres");
    let backend = if postgres {
        Backend::Postgres
    } else {
        Backend::Sqlite
    };
    let (db, org) = TestDb::with_demo(backend, 50, 11).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let url = format!("http://{}", listener.local_addr().expect("an address"));
    let config = skillgym_web::WebConfig {
        public_url: url.clone(),
        ..Default::default()
    };
    let app = skillgym_web::app(db.store.clone(), config);
    tokio::spawn(async move {
        axum::serve(listener, app).await.expect("serving");
    });
    let made = db
        .store
        .create_xapi_client(org, "bench")
        .await
        .expect("a client");
    let lrs = Lrs {
        url,
        key: made.client.key,
        secret: made.secret,
        http: Client::new(),
    };

    // Into an empty store: one POST of 10,000.
    let first = lrs.post(0, BATCH).await;
    let mut stored = BATCH;
    let fill_started = Instant::now();
    let mut batches = Vec::new();
    while stored < total {
        let count = BATCH.min(total - stored);
        batches.push(count as f64 / lrs.post(stored, count).await);
        stored += count;
        if stored.is_multiple_of(100_000) {
            eprintln!("{stored} statements stored");
        }
    }
    let fill = fill_started.elapsed().as_secs_f64();
    batches.sort_by(f64::total_cmp);

    // GET with filters, 1,000 queries of 10 kinds.
    let mut kinds: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut all = Vec::new();
    let n_stored = stored;
    for i in 0..1000usize {
        let sample = (i * 48_271) % n_stored;
        let s = statement(sample);
        let agent = json!({ "mbox": s["actor"]["mbox"] }).to_string();
        let limit = ("limit", "100".to_string());
        let (kind, pairs): (&str, Vec<(&str, String)>) = match i % 10 {
            0 => ("none", vec![limit]),
            1 => ("agent", vec![("agent", agent), limit]),
            2 => ("verb", vec![("verb", VERBS[i % 5].into()), limit]),
            3 => (
                "activity",
                vec![
                    (
                        "activity",
                        s["object"]["id"].as_str().unwrap_or_default().into(),
                    ),
                    limit,
                ],
            ),
            4 => (
                "registration",
                vec![
                    (
                        "registration",
                        s["context"]["registration"]
                            .as_str()
                            .unwrap_or_default()
                            .into(),
                    ),
                    limit,
                ],
            ),
            5 => (
                "agent+verb",
                vec![("agent", agent), ("verb", VERBS[i % 5].into()), limit],
            ),
            6 => (
                "related_activities",
                vec![
                    (
                        "activity",
                        s["context"]["contextActivities"]["parent"][0]["id"]
                            .as_str()
                            .unwrap_or_default()
                            .into(),
                    ),
                    ("related_activities", "true".into()),
                    limit,
                ],
            ),
            7 => (
                "agent+related_agents",
                vec![("agent", agent), ("related_agents", "true".into()), limit],
            ),
            8 => (
                "verb+ascending",
                vec![
                    ("verb", VERBS[i % 5].into()),
                    ("ascending", "true".into()),
                    limit,
                ],
            ),
            _ => (
                "statementId",
                vec![("statementId", s["id"].as_str().unwrap_or_default().into())],
            ),
        };
        let ms = lrs.get(&pairs).await;
        all.push(ms);
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, times)) => times.push(ms),
            None => kinds.push((kind, vec![ms])),
        }
    }
    all.sort_by(f64::total_cmp);
    let kinds: Vec<Value> = kinds
        .into_iter()
        .map(|(kind, mut times)| {
            times.sort_by(f64::total_cmp);
            json!({
                "kind": kind,
                "median_ms": (percentile(&times, 0.5) * 10.0).round() / 10.0,
                "p99_ms": (percentile(&times, 0.99) * 10.0).round() / 10.0,
            })
        })
        .collect();
    json!({
        "database": if postgres { "postgres" } else { "sqlite" },
        "first_batch_statements_per_second": (BATCH as f64 / first).round(),
        "stored": n_stored,
        "fill_seconds": fill.round(),
        "fill_batches_statements_per_second_median": batches.get(batches.len() / 2).map(|v| v.round()),
        "fill_batches_statements_per_second_slowest": batches.first().map(|v| v.round()),
        "get_p99_ms": (percentile(&all, 0.99) * 10.0).round() / 10.0,
        "get_median_ms": (percentile(&all, 0.5) * 10.0).round() / 10.0,
        "gets": kinds,
    })
}
