//! `skillgym import kit` and `skillgym export kit`, run as a person would: a bad file changes
//! nothing and names each problem's line and column; a good one adds and changes; the export
//! reads back as the register is.

mod common;

use common::{organisation_with_framework, skillgym, text};
use skillgym_domain::kit;
use skillgym_domain::{Location, SiteCode, SiteKind, SiteName};
use skillgym_store::SiteInput;
use skillgym_test_db::{Backend, TestDb, both_backends};

both_backends!(the_kit_is_imported_all_or_nothing_and_exported);

async fn the_kit_is_imported_all_or_nothing_and_exported(backend: Backend) {
    let db = TestDb::unmigrated(backend).await;
    let org = organisation_with_framework(&db).await;
    for code in ["CEN", "LLA", "PON", "CWM"] {
        let site = SiteInput {
            code: SiteCode::parse(code).unwrap(),
            name: SiteName::parse(&format!("Library {code}")).unwrap(),
            kind: SiteKind::Branch,
            location: Location::parse("", "", "").unwrap(),
        };
        db.store.create_site(org.id, &site).await.unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();

    // Three wrong lines: each named, nothing imported.
    std::fs::write(
        path("bad.csv"),
        "code,name,site,competences\n\
         CEN-3DP,3D printer,CEN,DEVICES-1\n\
         CEN-VR,VR headsets,NOWHERE,DEVICES-1\n\
         CEN-LASER,Laser cutter,CEN,NOT-A-SKILL\n\
         cen-3dp,Again,CEN,DEVICES-1\n",
    )
    .unwrap();
    let out = skillgym(&db, &["import", "kit", &path("bad.csv")]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("the kit file has 3 problems"), "{err}");
    assert!(err.contains("line 3, column site:"), "{err}");
    assert!(err.contains("line 4, column competences:"), "{err}");
    assert!(err.contains("line 5, column code:"), "{err}");
    assert!(db.store.kit(org.id, None).await.unwrap().is_empty());
    // A file that is not a kit file at all.
    std::fs::write(path("other.csv"), "name,email\nA,a@example.org\n").unwrap();
    let out = skillgym(&db, &["import", "kit", &path("other.csv")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(db.store.kit(org.id, None).await.unwrap().is_empty());

    // The demo's kit, in Welsh columns.
    let demo: Vec<_> = kit::demo_kit().into_iter().map(|(k, _)| k).collect();
    let mut file = Vec::new();
    kit::write(&mut file, &demo, skillgym_domain::FileLanguage::Welsh).unwrap();
    std::fs::write(path("demo.csv"), &file).unwrap();
    let out = skillgym(&db, &["import", "kit", &path("demo.csv")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&format!("{} added and 0 changed", demo.len())),
        "{}",
        text(&out.stdout)
    );
    // Imported again: every item changed to what it was.
    let out = skillgym(&db, &["import", "kit", &path("demo.csv")]);
    assert!(
        text(&out.stdout).contains(&format!("0 added and {} changed", demo.len())),
        "{}",
        text(&out.stdout)
    );
    let out = skillgym(&db, &["export", "kit", "--output", &path("out.csv")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let exported = std::fs::read(path("out.csv")).unwrap();
    let known = kit::Known {
        site: &|_| true,
        competence: &|_| true,
    };
    let read = kit::read(&exported, &known).unwrap();
    let stored: Vec<_> = db
        .store
        .kit(org.id, None)
        .await
        .unwrap()
        .into_iter()
        .map(|k| k.item)
        .collect();
    assert_eq!(read, stored);
    assert_eq!(read.len(), demo.len());
}
