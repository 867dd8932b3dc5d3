//! `skillgym import completions`, run as a person would: a bad file changes nothing and names
//! each problem's line and column; a good one adds each completion once.

mod common;

use common::{skillgym, text};
use skillgym_store::PersonFilter;
use skillgym_test_db::{Backend, TestDb, both_backends};

both_backends!(completions_are_imported_all_or_nothing_and_once);

async fn completions_are_imported_all_or_nothing_and_once(backend: Backend) {
    let (db, org) = TestDb::with_demo(backend, 40, 5).await;
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let filter = PersonFilter {
        present_on: Some(today),
        limit: 2,
        ..PersonFilter::default()
    };
    let (people, _) = db.store.people(org, &filter).await.unwrap();
    let dp = db
        .store
        .requirements(org)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.code == "DP-ANNUAL")
        .expect("the demo's data protection");
    let before: Vec<usize> = {
        let mut n = Vec::new();
        for p in &people {
            n.push(db.store.completions(org, dp.id, p.id).await.unwrap().len());
        }
        n
    };
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let header = "employee_number,email,module,completed_on,evidence\n";
    // Older than any of the demo's own completions (up to 430 days ago), so never the same day.
    let day = |days: i64| skillgym_domain::people::format_date(today - time::Duration::days(days));
    let good = format!(
        "{header}{},,DP-ANNUAL,{},\n{},,dp-annual,{},https://lms.example.org/7\n",
        people[0].employee_number,
        day(500),
        people[1].employee_number,
        day(501)
    );

    // Two wrong lines: both named, nothing imported.
    std::fs::write(
        path("bad.csv"),
        format!(
            "{good}NOBODY,,DP-ANNUAL,2026-01-02,\n{},,DP-ANNUAL,2099-01-01,\n",
            people[0].employee_number
        ),
    )
    .unwrap();
    let out = skillgym(&db, &["import", "completions", &path("bad.csv")]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("the completions file has 1 problem"), "{err}");
    assert!(err.contains("line 5, column completed_on:"), "{err}");
    // The file's own mistakes come first; then the people it names are checked.
    std::fs::write(
        path("nobody.csv"),
        format!("{good}NOBODY,,DP-ANNUAL,2026-01-02,\n"),
    )
    .unwrap();
    let out = skillgym(&db, &["import", "completions", &path("nobody.csv")]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("line 4, column employee_number:"), "{err}");
    for (p, n) in people.iter().zip(&before) {
        assert_eq!(
            db.store.completions(org, dp.id, p.id).await.unwrap().len(),
            *n
        );
    }

    // The good file, twice: added once.
    std::fs::write(path("good.csv"), &good).unwrap();
    let out = skillgym(&db, &["import", "completions", &path("good.csv")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("Completions added: 2. Already recorded: 0."),
        "{}",
        text(&out.stdout)
    );
    let out = skillgym(&db, &["import", "completions", &path("good.csv")]);
    assert!(
        text(&out.stdout).contains("Completions added: 0. Already recorded: 2."),
        "{}",
        text(&out.stdout)
    );
    for (p, n) in people.iter().zip(&before) {
        assert_eq!(
            db.store.completions(org, dp.id, p.id).await.unwrap().len(),
            n + 1
        );
    }
}
