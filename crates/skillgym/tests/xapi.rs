//! `skillgym xapi client create` and `skillgym xapi map`, run as an administrator would.

mod common;

use common::{skillgym, text};
use skillgym_test_db::{Backend, TestDb, both_backends};

both_backends!(
    a_client_is_made_with_a_secret_shown_once,
    a_requirement_is_mapped_to_an_activity_and_back,
);

async fn demo_db(backend: Backend) -> TestDb {
    let db = TestDb::unmigrated(backend).await;
    let out = skillgym(&db, &["demo", "--no-serve", "--people", "20"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    db
}

/// The value after `label` on a line of `out`.
fn value_after<'a>(out: &'a str, label: &str) -> &'a str {
    out.lines()
        .find_map(|l| l.trim().strip_prefix(label))
        .unwrap_or_else(|| panic!("no {label} in {out}"))
        .trim()
}

async fn a_client_is_made_with_a_secret_shown_once(backend: Backend) {
    let db = demo_db(backend).await;
    let out = skillgym(&db, &["xapi", "client", "create", "--name", "Moodle"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("/xapi/"), "{stdout}");
    let key = value_after(&stdout, "key:");
    let secret = value_after(&stdout, "secret:");
    assert!(secret.len() >= 43, "256 bits: {secret}");
    let client = db.store.xapi_client(key, secret).await.unwrap().unwrap();
    assert_eq!(client.name, "Moodle");
    assert!(db.store.xapi_client(key, "wrong").await.unwrap().is_none());
    // Only the secret's hash is stored.
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let stored: String = sqlx::query_scalar("SELECT secret_hash FROM xapi_clients")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_ne!(stored, secret);
    assert!(!stored.contains(secret));

    // A second client has other credentials.
    let again = text(&skillgym(&db, &["xapi", "client", "create", "--name", "Moodle"]).stdout);
    assert_ne!(value_after(&again, "key:"), key);
    assert_ne!(value_after(&again, "secret:"), secret);

    let out = skillgym(&db, &["xapi", "client", "create", "--name", "  "]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--name"));
}

async fn a_requirement_is_mapped_to_an_activity_and_back(backend: Backend) {
    let db = demo_db(backend).await;
    let store = &db.store;
    let org = store.default_organisation().await.unwrap().unwrap().id;
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let dp = store
        .create_requirement(
            org,
            &skillgym_store::NewRequirement {
                code: "DP".into(),
                title: skillgym_domain::audit::Localised::new("Data protection", None),
                activity: None,
                url: None,
                renewal: skillgym_domain::training::Renewal::new(Some(12), 30, 28).unwrap(),
                audience: Default::default(),
                starts_on: today,
            },
            skillgym_store::Actor::CommandLine,
        )
        .await
        .unwrap();
    let iri = "https://learning.example.org/courses/dp";
    let out = skillgym(
        &db,
        &["xapi", "map", "--requirement", "DP", "--activity", iri],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("now count as completing DP"));
    assert_eq!(
        store.xapi_activity(org, dp).await.unwrap().as_deref(),
        Some(iri)
    );

    let out = skillgym(
        &db,
        &["xapi", "map", "--requirement", "NOPE", "--activity", iri],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no training requirement"),
        "{}",
        text(&out.stderr)
    );
    let out = skillgym(
        &db,
        &[
            "xapi",
            "map",
            "--requirement",
            "DP",
            "--activity",
            "not an iri",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("is not an IRI"));
    assert_eq!(
        store.xapi_activity(org, dp).await.unwrap().as_deref(),
        Some(iri)
    );

    let out = skillgym(&db, &["xapi", "map", "--requirement", "DP"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(store.xapi_activity(org, dp).await.unwrap(), None);
}
