//! The anonymity threshold as stored, and the order responses are submitted in (migration 0017),
//! on SQLite and on PostgreSQL.

use skillgym_domain::analysis::AnonymityThreshold;
use skillgym_domain::audit::Rating;
use skillgym_domain::demo::{self, DemoOptions};
use skillgym_store::{Actor, ResponseAnswers, StoreError};
use skillgym_test_db::{Backend, TestDb, both_backends};
use sqlx::Row;

both_backends!(
    migration_0017_brings_stored_thresholds_into_range,
    a_threshold_out_of_range_is_never_used,
    responses_submitted_in_one_second_keep_their_order,
);

async fn pool(db: &TestDb) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::AnyPool::connect(&db.url).await.unwrap()
}

async fn migration_0017_brings_stored_thresholds_into_range(backend: Backend) {
    let db = TestDb::unmigrated(backend).await;
    let pool = pool(&db).await;
    // Every migration before 0017, then organisations as earlier versions could store them.
    let mut earlier = match backend {
        Backend::Sqlite => sqlx::migrate!("./migrations/sqlite"),
        Backend::Postgres => sqlx::migrate!("./migrations/postgres"),
    };
    earlier.migrations = earlier
        .migrations
        .iter()
        .filter(|m| m.version < 17)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    earlier.run(&pool).await.unwrap();
    for (name, threshold) in [("low", 1), ("high", 10_000), ("fine", 7)] {
        sqlx::query(
            "INSERT INTO organisations (name, main_language, created_at, anonymity_threshold) \
             VALUES ($1, 'en', 0, $2)",
        )
        .bind(name)
        .bind(threshold)
        .execute(&pool)
        .await
        .unwrap();
    }
    db.store.migrate().await.unwrap();
    let rows = sqlx::query("SELECT name, anonymity_threshold FROM organisations ORDER BY id")
        .fetch_all(&pool)
        .await
        .unwrap();
    let stored: Vec<(String, i64)> = rows
        .iter()
        .map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1)))
        .collect();
    assert_eq!(
        stored,
        [("low".into(), 3), ("high".into(), 50), ("fine".into(), 7)]
    );
}

async fn a_threshold_out_of_range_is_never_used(backend: Backend) {
    let db = TestDb::new(backend).await;
    let org = db
        .store
        .create_organisation(&skillgym_store::NewOrganisation {
            slug: skillgym_domain::OrganisationSlug::from_name("Afon"),
            name: "Afon".into(),
            name_cy: None,
            main_language: "en".into(),
        })
        .await
        .unwrap();
    assert_eq!(org.anonymity_threshold, AnonymityThreshold::DEFAULT);
    let k = AnonymityThreshold::new(12).unwrap();
    assert!(
        db.store
            .change_anonymity_threshold(org.id, k, Actor::System)
            .await
            .unwrap()
    );
    assert_eq!(db.store.anonymity_threshold(org.id).await.unwrap(), k);
    // Written past the store: reading it is an error, never a smaller group shown.
    sqlx::query("UPDATE organisations SET anonymity_threshold = 1")
        .execute(&pool(&db).await)
        .await
        .unwrap();
    assert!(matches!(
        db.store.anonymity_threshold(org.id).await,
        Err(StoreError::Corrupt(_))
    ));
    assert!(db.store.default_organisation().await.is_err());
}

async fn responses_submitted_in_one_second_keep_their_order(backend: Backend) {
    let db = TestDb::new(backend).await;
    let generated = demo::generate(&DemoOptions {
        people: 30,
        seed: 3,
        ..Default::default()
    });
    let org = db
        .store
        .seed_demo(&generated, "not-a-real-hash", &|_| {})
        .await
        .unwrap()
        .id;
    let summary = db.store.campaigns(org).await.unwrap().remove(0);
    let campaign = db.store.campaign(org, summary.id).await.unwrap();
    let first = campaign.areas[0].competences[0].id;
    // Three people not yet answering start in one order and finish in the other, well within
    // a second.
    let mut started = Vec::new();
    for person in db.store.person_ids(org).await.unwrap().into_values() {
        if started.len() < 3
            && db
                .store
                .response_of(campaign.id, person)
                .await
                .unwrap()
                .is_none()
        {
            let response = db.store.start_response(campaign.id, person).await.unwrap();
            let mut answers = ResponseAnswers::default();
            answers
                .ratings
                .insert(first, Rating::Level(started.len() as u8 + 1));
            db.store
                .save_section(response.id, 1, &answers, &[])
                .await
                .unwrap();
            started.push(response.id);
        }
    }
    assert_eq!(started.len(), 3);
    for response in started.iter().rev() {
        db.store.submit_response(*response).await.unwrap();
    }
    // Submitting again changes nothing.
    db.store.submit_response(started[2]).await.unwrap();
    let columns = db.store.campaign_columns(org, &campaign).await.unwrap();
    let mut order: Vec<usize> = (0..columns.responses()).collect();
    order.sort_by_key(|r| (columns.submitted[*r], *r));
    // The last three in submission order: rated 3, 2, 1 (started last, finished first).
    let last: Vec<u8> = order[order.len() - 3..]
        .iter()
        .map(|r| columns.ratings_of(*r)[0])
        .collect();
    assert_eq!(last, [3, 2, 1]);
}
