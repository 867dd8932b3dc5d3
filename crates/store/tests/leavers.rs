//! People a full staff file leaves out: counted, and marked as having left only when chosen,
//! inside the import's transaction; on SQLite and on PostgreSQL.

use skillgym_domain::demo::{self, DemoOptions};
use skillgym_domain::staff_file::StaffRecord;
use skillgym_domain::{OrganisationId, PersonId};
use skillgym_store::{Absent, ImportRefused, Store, StoreError};
use skillgym_test_db::{Backend, TestDb, both_backends};
use std::collections::HashMap;
use time::macros::date;

async fn demo_store(backend: Backend) -> (TestDb, OrganisationId) {
    let db = TestDb::new(backend).await;
    let generated = demo::generate(&DemoOptions {
        people: 40,
        seed: 11,
        ..Default::default()
    });
    let org = db
        .store
        .seed_demo(&generated, "not-a-real-hash", &|_| {})
        .await
        .expect("the demo loads");
    (db, org.id)
}

/// Everyone's "left on" date, by employee number.
async fn left_on(store: &Store, org: OrganisationId) -> HashMap<String, Option<String>> {
    let ids: HashMap<String, PersonId> = store.person_ids(org).await.unwrap();
    let mut out = HashMap::new();
    for (number, id) in ids {
        out.insert(number, store.person(org, id).await.unwrap().left_on);
    }
    out
}

both_backends!(
    absent_people_are_marked_as_left_only_when_chosen,
    marking_most_people_unconfirmed_writes_nothing_at_all,
    a_bad_file_marks_nobody_even_when_marking_is_confirmed,
);

async fn absent_people_are_marked_as_left_only_when_chosen(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let everyone: Vec<StaffRecord> = store.staff_records(org).await.unwrap();
    let before = left_on(store, org).await;
    // The demo's people who have not left; the last four are left out of the file, one of
    // them already marked as having left.
    let mut current: Vec<&StaffRecord> = everyone
        .iter()
        .filter(|r| before[r.employee_number.as_str()].is_none())
        .collect();
    let gone: Vec<String> = current
        .split_off(current.len() - 4)
        .iter()
        .map(|r| r.employee_number.as_str().to_string())
        .collect();
    let already = &gone[0];
    let ids = store.person_ids(org).await.unwrap();
    store
        .set_left_on(org, ids[already], Some(date!(2025 - 01 - 31)))
        .await
        .unwrap();
    let file: Vec<StaffRecord> = everyone
        .iter()
        .filter(|r| !gone.contains(&r.employee_number.as_str().to_string()))
        .cloned()
        .collect();

    let found = store.absent_from(org, &file).await.unwrap();
    assert_eq!(found.count(), 3, "the one already left is not counted");
    assert!(!found.marks_most());
    let numbers: Vec<&str> = found
        .people
        .iter()
        .map(|p| p.employee_number.as_str())
        .collect();
    for number in &gone[1..] {
        assert!(
            numbers.contains(&number.as_str()),
            "{number} in {numbers:?}"
        );
    }

    let kept = store
        .apply_staff_file(org, &file, Absent::Keep, &|_| {})
        .await
        .unwrap();
    assert_eq!((kept.absent, kept.marked_left), (3, 0));
    let after = left_on(store, org).await;
    for number in &gone[1..] {
        assert_eq!(after[number], None, "{number} kept as they are");
    }

    let on = date!(2026 - 11 - 25);
    let marked = store
        .apply_staff_file(
            org,
            &file,
            Absent::Left {
                on,
                most_confirmed: false,
            },
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!((marked.absent, marked.marked_left), (3, 3));
    assert_eq!(
        marked.unchanged,
        file.len() as u64,
        "the file itself changed nothing"
    );
    let after = left_on(store, org).await;
    for number in &gone[1..] {
        assert_eq!(after[number].as_deref(), Some("2026-11-25"), "{number}");
    }
    assert_eq!(
        after[already].as_deref(),
        Some("2025-01-31"),
        "someone already left keeps their date"
    );
    for (number, was) in &before {
        if !gone.contains(number) {
            assert_eq!(&after[number], was, "{number} is in the file: untouched");
        }
    }

    // Marked once: the same file again finds nobody.
    assert_eq!(store.absent_from(org, &file).await.unwrap().count(), 0);
    let again = store
        .apply_staff_file(
            org,
            &file,
            Absent::Left {
                on: date!(2026 - 12 - 31),
                most_confirmed: false,
            },
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!((again.absent, again.marked_left), (0, 0));
    assert_eq!(left_on(store, org).await, after);
}

async fn marking_most_people_unconfirmed_writes_nothing_at_all(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let before_people = store.people_counts(org).await.unwrap().total;
    let before = left_on(store, org).await;
    let current = before.values().filter(|d| d.is_none()).count() as u64;
    // A file cut short: two new people, and nobody who is in skillgym.
    let file = b"employee_number,given_name,family_name,email,employment,job_role,job_family,contracted_hours,start_date,line_manager,team,sites\n\
        T0001,Cut,Short,,employee,Library Assistant,frontline,18,,,New team,CEN\n\
        T0002,Also,Short,,volunteer,Digital Buddy,frontline,3,,T0001,New team,CEN\n";
    let records = store.check_staff_file(org, file).await.unwrap();
    let found = store.absent_from(org, &records).await.unwrap();
    assert_eq!((found.count(), found.current), (current, current));
    assert!(found.marks_most());

    let left = Absent::Left {
        on: date!(2026 - 11 - 25),
        most_confirmed: false,
    };
    let refused = store
        .import_staff_file_with(org, file, left, &|_| {})
        .await
        .unwrap_err();
    assert!(
        matches!(refused, ImportRefused::MostWouldLeave { absent, current: c } if absent == current && c == current),
        "{refused:?}"
    );
    let refused = store
        .apply_staff_file(org, &records, left, &|_| {})
        .await
        .unwrap_err();
    assert!(matches!(refused, StoreError::MostWouldLeave { .. }));
    // The new people, the new team and the marks were in one transaction: none of it stayed.
    assert_eq!(store.people_counts(org).await.unwrap().total, before_people);
    assert_eq!(left_on(store, org).await, before);
    assert!(
        !store
            .teams(org)
            .await
            .unwrap()
            .iter()
            .any(|t| t.name == "New team")
    );

    // Keeping them needs no confirmation; confirmed, everyone else is marked.
    let kept = store
        .import_staff_file_with(org, file, Absent::Keep, &|_| {})
        .await
        .unwrap();
    assert_eq!((kept.added, kept.absent, kept.marked_left), (2, current, 0));
    let marked = store
        .import_staff_file_with(
            org,
            file,
            Absent::Left {
                on: date!(2026 - 11 - 25),
                most_confirmed: true,
            },
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(marked.marked_left, current);
    let after = left_on(store, org).await;
    for (number, day) in &after {
        if number == "T0001" || number == "T0002" {
            assert_eq!(day, &None, "{number} is in the file");
        } else {
            assert!(day.is_some(), "{number} is not in the file: left");
        }
    }
}

async fn a_bad_file_marks_nobody_even_when_marking_is_confirmed(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let before = left_on(store, org).await;
    // One good line, one with an unknown site: the whole file is refused.
    let file = b"employee_number,given_name,family_name,email,employment,job_role,job_family,contracted_hours,start_date,line_manager,team,sites\n\
        B0001,Good,Line,,employee,Library Assistant,frontline,18,,,,CEN\n\
        B0002,Bad,Site,,employee,Library Assistant,frontline,18,,,,NOPE\n";
    let refused = store
        .import_staff_file_with(
            org,
            file,
            Absent::Left {
                on: date!(2026 - 11 - 25),
                most_confirmed: true,
            },
            &|_| {},
        )
        .await
        .unwrap_err();
    assert!(matches!(refused, ImportRefused::Problems(_)), "{refused:?}");
    assert_eq!(
        left_on(store, org).await,
        before,
        "nobody marked, nobody added"
    );
}
