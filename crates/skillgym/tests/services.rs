//! `skillgym import services` and `skillgym export services`, run as a person would: a bad
//! file changes nothing and names each problem's line and column; a good one adds and changes;
//! the export reads back as the catalogue is.

mod common;

use common::{organisation_with_framework, skillgym, text};
use skillgym_domain::services;
use skillgym_test_db::{Backend, TestDb, both_backends};

both_backends!(the_services_are_imported_all_or_nothing_and_exported);

async fn the_services_are_imported_all_or_nothing_and_exported(backend: Backend) {
    let db = TestDb::unmigrated(backend).await;
    let org = organisation_with_framework(&db).await;
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let header = "code,name,run_by,url,competences,checked_on\n";

    // Two wrong lines: both named, nothing imported.
    std::fs::write(
        path("bad.csv"),
        format!(
            "{header}UC,Universal Credit,DWP,,SERVICES-1,2026-01-01\n\
             BB,Blue badge,The council,not-an-address,SERVICES-1,2026-01-01\n\
             GP,GP appointment,NHS,,NOT-A-SKILL,2026-01-01\n"
        ),
    )
    .unwrap();
    let out = skillgym(&db, &["import", "services", &path("bad.csv")]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("the services file has 2 problems"), "{err}");
    assert!(err.contains("line 3, column url:"), "{err}");
    assert!(err.contains("line 4, column competences:"), "{err}");
    assert!(db.store.services(org.id).await.unwrap().is_empty());

    // A good file (with no activities to name, as this catalogue has none), in Welsh columns.
    let today = time::OffsetDateTime::now_utc().date();
    let mut demo = services::demo_services(today);
    for s in &mut demo {
        s.activities.clear();
    }
    let mut file = Vec::new();
    services::write(&mut file, &demo, skillgym_domain::FileLanguage::Welsh).unwrap();
    std::fs::write(path("demo.csv"), &file).unwrap();
    let out = skillgym(&db, &["import", "services", &path("demo.csv")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&format!("{} added and 0 changed", demo.len())),
        "{}",
        text(&out.stdout)
    );
    let out = skillgym(&db, &["export", "services", "--output", &path("out.csv")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let exported = std::fs::read(path("out.csv")).unwrap();
    let known = services::Known {
        competence: &|_| true,
        activity: &|_| true,
        today: time::Date::MAX,
    };
    let read = services::read(&exported, &known).unwrap();
    let stored: Vec<_> = db
        .store
        .services(org.id)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.service)
        .collect();
    assert_eq!(read, stored);
    assert_eq!(read.len(), demo.len());
}
