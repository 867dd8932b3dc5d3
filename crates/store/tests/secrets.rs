//! The OpenID Connect client secret at rest, on both backends: encrypted in the database,
//! readable only with the key that sealed it, and secrets saved before encryption sealed on
//! start.

use skillgym_store::{Actor, NewOrganisation, SecretKey, SingleSignOnInput, Store, StoreError};
use skillgym_test_db::{Backend, TestDb, both_backends};
use sqlx::Row;
use std::sync::Arc;

both_backends!(
    client_secrets_are_encrypted_at_rest,
    secrets_saved_before_encryption_are_sealed_on_start,
);

const SECRET: &str = "very-s3cret-client-secret";

fn input(secret: Option<&str>) -> SingleSignOnInput {
    SingleSignOnInput {
        issuer_url: "https://idp.example.gov.uk".into(),
        client_id: "skillgym".into(),
        client_secret: secret.map(String::from),
        employee_number_claim: None,
        password_sign_in: true,
    }
}

/// What the database itself holds, read past the store.
async fn raw(db: &TestDb) -> (String, i64) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let row = sqlx::query("SELECT client_secret, client_secret_sealed FROM single_sign_on")
        .fetch_one(&pool)
        .await
        .unwrap();
    let out = (row.get(0), row.get(1));
    pool.close().await;
    out
}

async fn with_key(db: &TestDb, key: SecretKey) -> Store {
    Store::connect(&db.url)
        .await
        .unwrap()
        .with_secret_key(Arc::new(key))
}

async fn setup(backend: Backend) -> (TestDb, skillgym_domain::OrganisationId) {
    let db = TestDb::new(backend).await;
    let org = db
        .store
        .create_organisation(&NewOrganisation {
            slug: skillgym_domain::OrganisationSlug::from_name("Example Libraries"),
            name: "Example Libraries".into(),
            name_cy: None,
            main_language: "en".into(),
        })
        .await
        .unwrap()
        .id;
    (db, org)
}

async fn client_secrets_are_encrypted_at_rest(backend: Backend) {
    let (db, org) = setup(backend).await;
    db.store
        .save_single_sign_on(org, &input(Some(SECRET)), Actor::System)
        .await
        .unwrap();
    let (stored, sealed) = raw(&db).await;
    assert_eq!(sealed, 1);
    assert!(stored.starts_with("v1."), "{stored}");
    assert!(!stored.contains(SECRET));
    let settings = db.store.single_sign_on(org).await.unwrap().unwrap();
    assert_eq!(settings.client_secret.as_deref(), Some(SECRET));
    assert!(!format!("{settings:?}").contains(SECRET), "never in a log");

    // Saved again without a secret: the sealed one is kept as it was.
    db.store
        .save_single_sign_on(org, &input(None), Actor::System)
        .await
        .unwrap();
    assert_eq!(raw(&db).await.0, stored);
    assert_eq!(
        db.store
            .single_sign_on(org)
            .await
            .unwrap()
            .unwrap()
            .client_secret
            .as_deref(),
        Some(SECRET)
    );

    // Another instance with another key cannot read it, and says so on start.
    let (other_key, _) = SecretKey::generate().unwrap();
    let other = with_key(&db, other_key).await;
    let settings = other.single_sign_on(org).await.unwrap().unwrap();
    assert_eq!(settings.client_secret, None);
    assert_eq!(settings.issuer_url, "https://idp.example.gov.uk");
    let checked = other.seal_stored_secrets().await.unwrap();
    assert_eq!((checked.sealed, checked.unreadable), (0, 1));
    // Typing the secret again there seals it with that instance's key.
    other
        .save_single_sign_on(org, &input(Some("new-secret")), Actor::System)
        .await
        .unwrap();
    assert_eq!(
        other
            .single_sign_on(org)
            .await
            .unwrap()
            .unwrap()
            .client_secret
            .as_deref(),
        Some("new-secret")
    );
    assert_eq!(
        db.store
            .single_sign_on(org)
            .await
            .unwrap()
            .unwrap()
            .client_secret,
        None
    );

    // A store given no key neither reads nor writes secrets.
    let keyless = Store::connect(&db.url).await.unwrap();
    assert_eq!(
        keyless
            .single_sign_on(org)
            .await
            .unwrap()
            .unwrap()
            .client_secret,
        None
    );
    assert!(matches!(
        keyless
            .save_single_sign_on(org, &input(Some("x")), Actor::System)
            .await,
        Err(StoreError::NoSecretKey)
    ));
}

async fn secrets_saved_before_encryption_are_sealed_on_start(backend: Backend) {
    let (db, org) = setup(backend).await;
    db.store
        .save_single_sign_on(org, &input(Some(SECRET)), Actor::System)
        .await
        .unwrap();
    // As a secret saved by a skillgym before encryption was stored.
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    sqlx::query("UPDATE single_sign_on SET client_secret = $1, client_secret_sealed = 0")
        .bind("legacy-plain-secret")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(
        db.store
            .single_sign_on(org)
            .await
            .unwrap()
            .unwrap()
            .client_secret
            .as_deref(),
        Some("legacy-plain-secret"),
        "still usable until sealed"
    );
    let checked = db.store.seal_stored_secrets().await.unwrap();
    assert_eq!((checked.sealed, checked.unreadable), (1, 0));
    let (stored, sealed) = raw(&db).await;
    assert_eq!(sealed, 1);
    assert!(!stored.contains("legacy-plain-secret"));
    assert_eq!(
        db.store
            .single_sign_on(org)
            .await
            .unwrap()
            .unwrap()
            .client_secret
            .as_deref(),
        Some("legacy-plain-secret")
    );
    let checked = db.store.seal_stored_secrets().await.unwrap();
    assert_eq!((checked.sealed, checked.unreadable), (0, 0));
}
