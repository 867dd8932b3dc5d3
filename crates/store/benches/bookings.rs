//! Bookings under contention (bench/plans writes its figures into docs/performance.md):
//! 200 people ask at the same moment for a session with 20 places, on SQLite and on
//! PostgreSQL, several rounds each. Every round checks the outcome (exactly 20 booked and 180
//! waiting, and the session's count of places taken agreeing) and times how long it took
//! until everyone had their answer, and each booking's own time.
//!
//! `cargo bench -p skillgym-store --bench bookings` prints one JSON line per database.
//! PostgreSQL is reached at `SKILLGYM_TEST_POSTGRES_URL`, as the tests reach it.

use skillgym_domain::PersonId;
use skillgym_domain::learning::Booking;
use skillgym_store::NewSession;
use skillgym_test_db::{Backend, TestDb};
use std::time::Instant;

const ASKING: usize = 200;
const PLACES: u32 = 20;
const ROUNDS: usize = 10;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

async fn measure(backend: Backend) -> String {
    let (db, org) = TestDb::with_demo(backend, ASKING + 30, 11).await;
    let mut people: Vec<PersonId> = db
        .store
        .person_ids(org)
        .await
        .expect("people")
        .into_values()
        .collect();
    people.sort();
    let asking = &people[..ASKING];
    let activity = db.store.catalogue(org).await.expect("a catalogue")[0].id;
    let (mut rounds, mut each) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let starts_at = skillgym_store::now() + 86_400 * (7 + round as i64);
        let session = db
            .store
            .schedule_session(
                org,
                activity,
                &NewSession {
                    starts_at,
                    ends_at: starts_at + 3600,
                    site: None,
                    capacity: PLACES,
                },
            )
            .await
            .expect("a session");
        let started = Instant::now();
        let answers = futures_util::future::join_all(asking.iter().map(|p| {
            let store = &db.store;
            async move {
                let t0 = Instant::now();
                let booking = store
                    .book_session(org, session, *p)
                    .await
                    .expect("a booking");
                (booking, t0.elapsed().as_secs_f64() * 1000.0)
            }
        }))
        .await;
        rounds.push(started.elapsed().as_secs_f64() * 1000.0);
        let booked = answers
            .iter()
            .filter(|(b, _)| *b == Booking::Booked)
            .count();
        let waiting = answers
            .iter()
            .filter(|(b, _)| matches!(b, Booking::Waiting(_)))
            .count();
        let counted = db
            .store
            .session_of(org, session)
            .await
            .expect("the session")
            .booked;
        assert_eq!(
            (booked, waiting, counted),
            (PLACES as usize, ASKING - PLACES as usize, PLACES),
            "round {round}: exactly {PLACES} places taken"
        );
        each.extend(answers.iter().map(|(_, ms)| *ms));
    }
    each.sort_by(f64::total_cmp);
    let mut sorted_rounds = rounds.clone();
    sorted_rounds.sort_by(f64::total_cmp);
    serde_json::json!({
        "backend": match backend { Backend::Sqlite => "sqlite", Backend::Postgres => "postgres" },
        "asking": ASKING,
        "places": PLACES,
        "rounds": ROUNDS,
        "round_ms_median": percentile(&sorted_rounds, 0.5),
        "round_ms_max": sorted_rounds[sorted_rounds.len() - 1],
        "booking_ms_p50": percentile(&each, 0.5),
        "booking_ms_p99": percentile(&each, 0.99),
        "booked_each_round": PLACES,
    })
    .to_string()
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        println!("{}", runtime.block_on(measure(backend)));
    }
}
