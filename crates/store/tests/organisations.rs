//! Many organisations in one database: each has its own short name (slug).

use skillgym_domain::OrganisationSlug;
use skillgym_store::{NewOrganisation, StoreError};
use skillgym_test_db::{Backend, TestDb, both_backends};
use sqlx::Connection;

both_backends!(
    organisations_from_before_slugs_are_given_one_from_their_name,
    a_slug_belongs_to_one_organisation,
    a_retention_period_erases_only_in_its_own_organisation,
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

/// The same demo organisation seeded twice in one database, the second one's emails at
/// another domain (an email belongs to one account).
async fn two_demo_organisations(
    backend: Backend,
) -> (
    TestDb,
    skillgym_domain::OrganisationId,
    skillgym_domain::OrganisationId,
) {
    use skillgym_domain::demo::{DemoOptions, generate};
    let (db, first) = TestDb::with_demo(backend, 40, 11).await;
    let second = generate(&DemoOptions {
        people: 40,
        seed: 11,
        ..Default::default()
    })
    .renamed(
        "Bro Library Service",
        "Gwasanaeth Llyfrgell Bro",
        "bro.example",
    );
    let second = db
        .store
        .seed_demo(&second, "not-a-real-hash", &|_| {})
        .await
        .unwrap()
        .id;
    (db, first, second)
}

/// A leaver in each organisation, gone the same day: a short retention period in one erases
/// its leaver and leaves the other organisation's, under its own longer period, as it was.
async fn a_retention_period_erases_only_in_its_own_organisation(backend: Backend) {
    let (db, afon, bro) = two_demo_organisations(backend).await;
    let today = time::OffsetDateTime::now_utc().date();
    let left_on = today - time::Duration::days(100);
    let mut leavers = Vec::new();
    for org in [afon, bro] {
        let person = *db
            .store
            .person_ids(org)
            .await
            .unwrap()
            .values()
            .max()
            .unwrap();
        db.store
            .set_left_on(org, person, Some(left_on))
            .await
            .unwrap();
        leavers.push((org, person));
    }
    db.store
        .change_retention_period(
            afon,
            skillgym_domain::RetentionPeriod::from_months(1).unwrap(),
            skillgym_store::Actor::System,
        )
        .await
        .unwrap();
    assert_eq!(db.store.erase_leavers(today).await.unwrap(), 1);
    assert!(matches!(
        db.store.person(afon, leavers[0].1).await,
        Err(StoreError::NotFound)
    ));
    let kept = db.store.person(bro, leavers[1].1).await.unwrap();
    assert_eq!(kept.left_on, Some(left_on));
    assert_eq!(db.store.retention_period(bro).await.unwrap().months(), 24);
}
