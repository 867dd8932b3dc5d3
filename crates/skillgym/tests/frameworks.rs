//! `skillgym import framework` and `skillgym export framework`, run as a person would.

mod common;

use common::{skillgym, text};
use skillgym_domain::audit::{Framework, case};
use skillgym_test_db::{Backend, TestDb, both_backends};

both_backends!(frameworks_import_and_export_and_bad_files_are_explained);

async fn frameworks_import_and_export_and_bad_files_are_explained(backend: Backend) {
    let db = TestDb::unmigrated(backend).await;
    let out = skillgym(
        &db,
        &["user", "create-admin", "--email", "admin@example.org"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();

    // A file with an item that has no statement: refused, item and field named.
    let mut bad = case::to_case(
        &Framework::library_default(),
        time::OffsetDateTime::now_utc(),
    );
    bad["CFItems"][1]
        .as_object_mut()
        .unwrap()
        .remove("fullStatement");
    std::fs::write(path("bad.json"), bad.to_string()).unwrap();
    let out = skillgym(&db, &["import", "framework", &path("bad.json")]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("Nothing was imported: the file has 1 problem"),
        "{err}"
    );
    assert!(
        err.contains("COMMUNICATE-1, fullStatement: Every item needs a fullStatement"),
        "{err}"
    );
    let org = db.store.default_organisation().await.unwrap().unwrap();
    assert!(db.store.frameworks(org.id).await.unwrap().is_empty());

    // A CSV file with a problem names the line and column.
    std::fs::write(path("bad.csv"), "kind,code,title_en\ntopic,X,Y\n").unwrap();
    let out = skillgym(&db, &["import", "framework", &path("bad.csv")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("line 2, column kind"),
        "{}",
        text(&out.stderr)
    );

    // A good one imports once, and exports in both formats.
    let good = case::to_case(
        &Framework::library_default(),
        time::OffsetDateTime::now_utc(),
    );
    std::fs::write(path("good.json"), good.to_string()).unwrap();
    let out = skillgym(&db, &["import", "framework", &path("good.json")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Imported framework SKILLGYM-LIBRARY-2026"));
    let out = skillgym(&db, &["import", "framework", &path("good.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("already exists"));

    let code = Framework::library_default().code;
    let out = skillgym(&db, &["export", "framework", &code]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        case::from_case(&out.stdout),
        Ok(Framework::library_default())
    );
    let out = skillgym(
        &db,
        &[
            "export",
            "framework",
            &code,
            "--format",
            "csv",
            "-o",
            &path("f.csv"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = std::fs::read(path("f.csv")).unwrap();
    assert_eq!(
        skillgym_domain::audit::framework_csv::read(&csv),
        Ok(Framework::library_default())
    );
    let out = skillgym(&db, &["export", "framework", "NO-SUCH"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("There is no framework with the code NO-SUCH"));
}
