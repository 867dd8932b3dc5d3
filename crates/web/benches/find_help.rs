//! "Find help" at national size (docs/performance.md, "Find help"): the demo's 50,000 people,
//! 5,000 of them approved champions (every tenth, at the sites where they work, half agreeing
//! that their own audit answers be used, each listing three of the framework's sixty skills and
//! some services), and the signed-in page `/help` asked over HTTP for a skill or a service near
//! a site, warm, `FIND_HELP_BENCH_QUERIES` times (default 300) on each database: the median and
//! the 99th percentile.
//!
//! `cargo bench -p skillgym-web --bench find_help` prints one JSON line per database
//! (PostgreSQL at `SKILLGYM_TEST_POSTGRES_URL`, as the tests).

use reqwest::Client;
use reqwest::redirect::Policy;
use skillgym_domain::demo::{self, DEMO_PASSWORD, DemoOptions};
use skillgym_test_db::{Backend, TestDb};
use std::time::Instant;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

/// Every tenth person of the organisation becomes an approved champion holding the role.
const CHAMPIONS: [&str; 6] = [
    "INSERT INTO accounts (person_id, email, created_at) \
     SELECT p.id, 'champion-' || CAST(p.id AS TEXT) || '@bench.example', 0 FROM people p \
     WHERE p.organisation_id = $1 AND p.left_on IS NULL AND p.id % 10 = 3 \
       AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = p.id)",
    "INSERT INTO account_roles (account_id, role) \
     SELECT a.id, 'champion' FROM accounts a JOIN people p ON p.id = a.person_id \
     WHERE p.organisation_id = $1 AND p.left_on IS NULL AND p.id % 10 = 3 \
     ON CONFLICT (account_id, role) DO NOTHING",
    "INSERT INTO champions (person_id, organisation_id, status, reason, nominated_at, \
         approved_at, availability, findable, updated_at) \
     SELECT p.id, $1, 'approved', '', 0, 0, 'Weekday mornings', (p.id / 10) % 2, 0 \
     FROM people p WHERE p.organisation_id = $1 AND p.left_on IS NULL AND p.id % 10 = 3 \
       AND NOT EXISTS (SELECT 1 FROM champions c WHERE c.person_id = p.id)",
    "INSERT INTO champion_sites (person_id, organisation_id, site_id) \
     SELECT ps.person_id, $1, ps.site_id FROM person_sites ps \
     JOIN champions c ON c.person_id = ps.person_id \
     WHERE c.organisation_id = $1 \
       AND NOT EXISTS (SELECT 1 FROM champion_sites s WHERE s.person_id = ps.person_id)",
    "INSERT INTO champion_competences (person_id, organisation_id, competence) \
     SELECT c.person_id, $1, k.code FROM champions c \
     JOIN competences k ON k.framework_id IN \
         (SELECT id FROM frameworks WHERE organisation_id = $1) \
     WHERE c.organisation_id = $1 AND (c.person_id + k.position) % 20 = 0 \
     ON CONFLICT (person_id, competence) DO NOTHING",
    "INSERT INTO champion_services (person_id, organisation_id, service_id) \
     SELECT c.person_id, $1, s.id FROM champions c JOIN services s ON s.organisation_id = $1 \
     WHERE c.organisation_id = $1 AND (c.person_id + s.id) % 5 = 0 \
     ON CONFLICT (person_id, service_id) DO NOTHING",
];

/// A page that must answer 200, read whole.
async fn page(http: &Client, url: &str) -> String {
    let response = http.get(url).send().await.expect("the page");
    assert_eq!(response.status(), 200);
    response.text().await.expect("its text")
}

async fn measure(backend: Backend, people: usize, queries: usize) -> String {
    let started = Instant::now();
    let db = TestDb::new(backend).await;
    let generated = demo::generate(&DemoOptions {
        people,
        seed: 7,
        ..Default::default()
    });
    let hash = skillgym_web::hash_password(DEMO_PASSWORD).expect("a hash");
    let org = db
        .store
        .seed_demo(&generated, &hash, &|_| {})
        .await
        .expect("the demo loads")
        .id;
    let pool = sqlx::AnyPool::connect(&db.url).await.expect("the database");
    for sql in CHAMPIONS {
        sqlx::query(sql)
            .bind(org.0)
            .execute(&pool)
            .await
            .expect("champions made");
    }
    let champions: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM champions WHERE organisation_id = $1 AND status = 'approved'",
    )
    .bind(org.0)
    .fetch_one(&pool)
    .await
    .expect("a count");
    let staff: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM people WHERE organisation_id = $1 AND left_on IS NULL",
    )
    .bind(org.0)
    .fetch_one(&pool)
    .await
    .expect("a count");
    let codes: Vec<String> = sqlx::query_scalar(
        "SELECT k.code FROM competences k JOIN frameworks f ON f.id = k.framework_id \
         WHERE f.organisation_id = $1 ORDER BY k.position",
    )
    .bind(org.0)
    .fetch_all(&pool)
    .await
    .expect("codes");
    let services: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM services WHERE organisation_id = $1 ORDER BY id")
            .bind(org.0)
            .fetch_all(&pool)
            .await
            .expect("services");
    let sites: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM sites WHERE organisation_id = $1 ORDER BY id")
            .bind(org.0)
            .fetch_all(&pool)
            .await
            .expect("sites");
    pool.close().await;
    let seeded_s = started.elapsed().as_secs_f64();

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
        skillgym_web::serve(listener, app).await.expect("serving");
    });
    let http = Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .expect("a client");
    let form = http
        .get(format!("{url}/sign-in"))
        .send()
        .await
        .expect("the sign-in page")
        .text()
        .await
        .expect("its text");
    let marker = "name=\"csrf\" value=\"";
    let at = form.find(marker).expect("a CSRF token") + marker.len();
    let csrf = &form[at..at + form[at..].find('"').expect("its end")];
    let signed_in = http
        .post(format!("{url}/sign-in"))
        .form(&[
            ("csrf", csrf),
            ("email", "learner@afon.example"),
            ("password", DEMO_PASSWORD),
        ])
        .send()
        .await
        .expect("signing in");
    let status = signed_in.status();
    assert_eq!(
        status,
        303,
        "signed in: {}",
        signed_in.text().await.unwrap_or_default()
    );

    // A skill or a service, near one of the sites, in turn.
    let path = |n: usize| {
        let site = sites[(n * 7) % sites.len()];
        if n % 3 == 2 {
            format!(
                "/help?about=service:{}&near={site}",
                services[n % services.len()]
            )
        } else {
            format!(
                "/help?about=competence:{}&near={site}",
                codes[n % codes.len()]
            )
        }
    };
    let mut found = Vec::new();
    let mut times = Vec::with_capacity(queries);
    for n in 0..queries + 10 {
        let started = Instant::now();
        let html = page(&http, &format!("{url}{}", path(n))).await;
        let elapsed = started.elapsed().as_secs_f64() * 1000.0;
        // The first ten warm the server.
        if n >= 10 {
            times.push(elapsed);
            found.push(html.matches("data-champion=\"").count());
        }
    }
    times.sort_by(f64::total_cmp);

    // The first page after a change to what Find help shows: the directory is read again.
    let pool = sqlx::AnyPool::connect(&db.url).await.expect("the database");
    let mut reread = Vec::new();
    for n in 0..10 {
        sqlx::query(
            "UPDATE champions SET availability = $2 WHERE person_id = \
                 (SELECT MIN(person_id) FROM champions WHERE organisation_id = $1)",
        )
        .bind(org.0)
        .bind(format!("Change {n}"))
        .execute(&pool)
        .await
        .expect("a change");
        let started = Instant::now();
        page(&http, &format!("{url}{}", path(n))).await;
        reread.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    pool.close().await;
    reread.sort_by(f64::total_cmp);
    // FIND_HELP_BENCH_KEEP=1 keeps the database to look into afterwards.
    if std::env::var("FIND_HELP_BENCH_KEEP").is_ok() {
        eprintln!("kept: {}", db.url);
        std::mem::forget(db);
    }
    let shown = found.iter().sum::<usize>() as f64 / found.len() as f64;
    serde_json::json!({
        "backend": match backend { Backend::Sqlite => "sqlite", Backend::Postgres => "postgres" },
        "staff": staff,
        "champions": champions,
        "queries": queries,
        "shown_mean": shown,
        "ms_p50": percentile(&times, 0.5),
        "ms_p99": percentile(&times, 0.99),
        "ms_max": times.last().copied().unwrap_or_default(),
        "seeded_s": seeded_s,
        "reread_ms_p50": percentile(&reread, 0.5),
        "reread_ms_max": reread.last().copied().unwrap_or_default(),
    })
    .to_string()
}

fn main() {
    let people = std::env::var("FIND_HELP_BENCH_PEOPLE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let queries = std::env::var("FIND_HELP_BENCH_QUERIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    // FIND_HELP_BENCH_DATABASE=sqlite (or postgres) runs on one only.
    let only = std::env::var("FIND_HELP_BENCH_DATABASE").unwrap_or_default();
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let name = match backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        };
        if !only.is_empty() && only != name {
            continue;
        }
        println!("{}", runtime.block_on(measure(backend, people, queries)));
    }
}
