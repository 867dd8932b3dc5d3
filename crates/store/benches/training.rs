//! The training matrix at national size (docs/performance.md, "The training matrix"): 50,000
//! people of the demo, twelve required modules (the demo's three and nine more, some for a job
//! family or staff only), completions for most, and the first page of the matrix with its
//! counts over everyone, read warm again and again, on SQLite and on PostgreSQL. Each read's
//! counts are checked against the cells worked out one by one.
//!
//! `cargo bench -p skillgym-store --bench training` prints one JSON line per database;
//! `BENCH_PEOPLE` changes the size. PostgreSQL is reached at `SKILLGYM_TEST_POSTGRES_URL`, as
//! the tests reach it.

use skillgym_domain::audit::Localised;
use skillgym_domain::training::{Audience, Renewal};
use skillgym_domain::{Employment, JobFamily};
use skillgym_store::{Actor, NewRequirement, PersonFilter};
use skillgym_test_db::{Backend, TestDb};
use std::time::Instant;

const READS: usize = 30;
const MODULES: usize = 12;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

async fn measure(backend: Backend, people: usize) -> String {
    let t0 = Instant::now();
    let (db, org) = TestDb::with_demo(backend, people, 7).await;
    let seeded_s = t0.elapsed().as_secs_f64();
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let t1 = Instant::now();
    let have = db
        .store
        .requirements(org)
        .await
        .expect("requirements")
        .len();
    for i in have..MODULES {
        let audience = match i % 3 {
            0 => Audience::default(),
            1 => Audience {
                job_families: vec![JobFamily::Frontline, JobFamily::Specialist],
                ..Audience::default()
            },
            _ => Audience {
                employment: Some(Employment::Employee),
                ..Audience::default()
            },
        };
        db.store
            .create_requirement(
                org,
                &NewRequirement {
                    code: format!("MOD-{i}"),
                    title: Localised::new(format!("Module {i}"), None),
                    activity: None,
                    url: None,
                    renewal: Renewal::new(Some(12 + (i as u32 % 3) * 12), 30, 28)
                        .expect("a renewal"),
                    audience,
                    starts_on: today - time::Duration::days(400),
                },
                Actor::CommandLine,
            )
            .await
            .expect("a requirement");
    }
    let modules_s = t1.elapsed().as_secs_f64();
    let filter = PersonFilter {
        present_on: Some(today),
        limit: 50,
        ..PersonFilter::default()
    };
    let mut times = Vec::new();
    let mut cells = 0i64;
    // MOD-3 (i % 3 == 0) is for everyone.
    for read in 0..READS + 1 {
        let started = Instant::now();
        let matrix = db
            .store
            .training_matrix(org, &filter, today)
            .await
            .expect("the matrix");
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        // The first read warms the caches; the rest are timed.
        if read > 0 {
            times.push(ms);
        }
        assert_eq!(matrix.requirements.len(), MODULES);
        assert_eq!(matrix.rows.len(), 50);
        cells = matrix
            .counts
            .iter()
            .map(|c| c.done + c.due_soon + c.overdue + c.not_started)
            .sum();
    }
    // A module for everyone has a cell for each person the filter matches, counted once.
    let matrix = db
        .store
        .training_matrix(org, &filter, today)
        .await
        .expect("the matrix");
    let everyone = matrix
        .requirements
        .iter()
        .position(|r| r.code == "MOD-3")
        .expect("a module for everyone");
    let c = matrix.counts[everyone];
    assert_eq!(
        c.done + c.due_soon + c.overdue + c.not_started,
        matrix.total
    );
    times.sort_by(f64::total_cmp);
    serde_json::json!({
        "backend": match backend { Backend::Sqlite => "sqlite", Backend::Postgres => "postgres" },
        "people": people,
        "modules": MODULES,
        "cells": cells,
        "seeded_s": seeded_s,
        "modules_added_s": modules_s,
        "reads": READS,
        "page_ms_p50": percentile(&times, 0.5),
        "page_ms_p99": percentile(&times, 0.99),
        "page_ms_max": times[times.len() - 1],
    })
    .to_string()
}

fn main() {
    let people = std::env::var("BENCH_PEOPLE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        println!("{}", runtime.block_on(measure(backend, people)));
    }
}
