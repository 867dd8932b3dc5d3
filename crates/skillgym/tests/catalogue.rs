//! `skillgym import catalogue` and `skillgym export catalogue`, run as a person would: a bad
//! file changes nothing and names each problem's line and column; a good one adds and changes;
//! the export reads back as the catalogue is.

mod common;

use common::{organisation_with_framework, skillgym, text};
use skillgym_domain::learning;
use skillgym_test_db::{Backend, TestDb, both_backends};

both_backends!(a_catalogue_is_imported_all_or_nothing_and_exported);

async fn a_catalogue_is_imported_all_or_nothing_and_exported(backend: Backend) {
    let db = TestDb::unmigrated(backend).await;
    let org = organisation_with_framework(&db).await;
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let header = "code,title,title_cy,summary,summary_cy,kind,provider,minutes,cost,languages,url,completion,competences\n";

    // Two wrong lines: both named, nothing imported.
    std::fs::write(
        path("bad.csv"),
        format!(
            "{header}ACT-1,Fine,,,,video,Team,5,0,en,,,SAFE-1:2\n\
             ACT-2,Wrong,,,,podcast,Team,5,0,en,,,SAFE-1:2\n\
             ACT-3,Wrong,,,,video,Team,5,0,en,,,NOT-A-SKILL:2\n"
        ),
    )
    .unwrap();
    let out = skillgym(&db, &["import", "catalogue", &path("bad.csv")]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("the catalogue file has 2 problems"), "{err}");
    assert!(err.contains("line 3, column kind:"), "{err}");
    assert!(err.contains("line 4, column competences:"), "{err}");
    assert!(db.store.catalogue(org.id).await.unwrap().is_empty());

    // The demo catalogue: every activity added.
    let mut demo = Vec::new();
    learning::write(
        &mut demo,
        &learning::demo_catalogue(),
        skillgym_domain::FileLanguage::Welsh,
    )
    .unwrap();
    std::fs::write(path("demo.csv"), &demo).unwrap();
    let out = skillgym(&db, &["import", "catalogue", &path("demo.csv")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let count = learning::demo_catalogue().len();
    assert!(
        text(&out.stdout).contains(&format!("{count} added and 0 changed")),
        "{}",
        text(&out.stdout)
    );
    let out = skillgym(&db, &["export", "catalogue", "--output", &path("out.csv")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let exported = std::fs::read(path("out.csv")).unwrap();
    let read = learning::read(&exported, &|_| true).unwrap();
    let stored: Vec<_> = db
        .store
        .catalogue(org.id)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.activity)
        .collect();
    assert_eq!(read, stored);
    assert_eq!(read.len(), count);
}
