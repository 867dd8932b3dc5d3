//! Many organisations in one database: each has its own short name (slug).

use skillgym_domain::OrganisationSlug;
use skillgym_store::{NewOrganisation, StoreError};
use skillgym_test_db::{Backend, TestDb, both_backends};
use sqlx::Connection;

both_backends!(
    organisations_from_before_slugs_are_given_one_from_their_name,
    a_slug_belongs_to_one_organisation,
);

fn new(name: &str, slug: &str) -> NewOrganisation {
    NewOrganisation {
        slug: OrganisationSlug::parse(slug).unwrap(),
        name: name.into(),
        name_cy: None,
        main_language: "en".into(),
    }
}

/// A database from before slugs: its organisations have none until the store migrates, then
/// each has one made from its name, numbered where two names give the same one.
async fn organisations_from_before_slugs_are_given_one_from_their_name(backend: Backend) {
    let db = TestDb::new(backend).await;
    let first = db
        .store
        .create_organisation(&new("Afon Libraries", "x1"))
        .await
        .unwrap();
    let second = db
        .store
        .create_organisation(&new("Afon  Libraries!", "x2"))
        .await
        .unwrap();
    let third = db
        .store
        .create_organisation(&new("Môn", "mon"))
        .await
        .unwrap();
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(&db.url).await.unwrap();
    sqlx::query("UPDATE organisations SET slug = NULL WHERE slug <> 'mon'")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    db.store.migrate().await.unwrap();
    let slugs: Vec<(i64, String)> = db
        .store
        .organisations()
        .await
        .unwrap()
        .into_iter()
        .map(|o| (o.id.0, o.slug.to_string()))
        .collect();
    assert_eq!(
        slugs,
        vec![
            (first.id.0, "afon-libraries".to_string()),
            (second.id.0, "afon-libraries-2".to_string()),
            (third.id.0, "mon".to_string()),
        ]
    );
    // Migrating again changes nothing.
    db.store.migrate().await.unwrap();
    assert_eq!(db.store.organisations().await.unwrap().len(), 3);
    assert_eq!(db.store.unused_slug("Môn").await.unwrap().as_str(), "mon-2");
}

async fn a_slug_belongs_to_one_organisation(backend: Backend) {
    let db = TestDb::new(backend).await;
    let bro = db
        .store
        .create_organisation(&new("Bro", "bro"))
        .await
        .unwrap();
    assert!(matches!(
        db.store
            .create_organisation(&new("Another Bro", "bro"))
            .await,
        Err(StoreError::Taken(_))
    ));
    let found = db
        .store
        .organisation_by_slug(&OrganisationSlug::parse("bro").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, bro.id);
    assert_eq!(
        db.store.default_organisation().await.unwrap().unwrap().id,
        bro.id
    );
    assert!(matches!(
        db.store
            .organisation(skillgym_domain::OrganisationId(bro.id.0 + 1000))
            .await,
        Err(StoreError::NotFound)
    ));
}
