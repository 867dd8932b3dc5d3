//! People a full staff file leaves out: counted, and marked as having left only when chosen,
//! inside the import's transaction; on SQLite and on PostgreSQL.

use skillgym_domain::staff_file::StaffRecord;
use skillgym_domain::{
    AccountId, ContractedHours, Email, JobRole, OrganisationId, PersonId, PersonName, Role, Roles,
};
use skillgym_store::{
    Absent, Actor, AuditAction, AuditEventRecord, AuditFilter, ImportRefused, PersonInput, Store,
    StoreError,
};
use skillgym_test_db::{Backend, TestDb, both_backends};
use std::collections::HashMap;
use time::macros::date;

async fn demo_store(backend: Backend) -> (TestDb, OrganisationId) {
    TestDb::with_demo(backend, 40, 11).await
}

/// Everyone's "left on" date, by employee number.
async fn left_on(store: &Store, org: OrganisationId) -> HashMap<String, Option<String>> {
    let ids: HashMap<String, PersonId> = store.person_ids(org).await.unwrap();
    let mut out = HashMap::new();
    for (number, id) in ids {
        let person = store.person(org, id).await.unwrap();
        out.insert(
            number,
            person.left_on.map(skillgym_domain::people::format_date),
        );
    }
    out
}

both_backends!(
    absent_people_are_marked_as_left_only_when_chosen,
    marking_most_people_unconfirmed_writes_nothing_at_all,
    a_bad_file_marks_nobody_even_when_marking_is_confirmed,
    a_staff_import_that_marks_someone_as_left_ends_their_access_with_it,
    a_left_on_date_to_come_ends_access_on_its_day_through_the_job,
    a_left_on_date_that_has_come_is_refused_before_the_job_runs,
    editing_a_left_on_date_ends_access_and_clearing_it_lets_access_be_given_again,
);

/// Someone with an account, roles, a session and a single-use link, to watch them go.
struct Signed {
    account: AccountId,
    person: PersonId,
    number: String,
}

async fn signed_in_manager(store: &Store, org: OrganisationId) -> Signed {
    let email = Email::parse("manager@afon.example").unwrap();
    let account = store.account_by_email(&email).await.unwrap().unwrap();
    assert!(account.roles.has(Role::Manager));
    let now = skillgym_store::now();
    store
        .create_session("manager-session", account.id, "csrf", now + 3600)
        .await
        .unwrap();
    store
        .create_access_link(account.id, "manager-link", now + 3600)
        .await
        .unwrap();
    let number = store
        .person(org, account.person_id)
        .await
        .unwrap()
        .employee_number
        .to_string();
    Signed {
        account: account.id,
        person: account.person_id,
        number,
    }
}

/// (live sessions, role rows, disabled, single-use links) of an account, read directly.
async fn access_of(db: &TestDb, account: AccountId) -> (i64, i64, i64, i64) {
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let count = |table: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM {table} WHERE account_id = $1"
            )))
            .bind(account.0)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let sessions = count("sessions").await;
    let roles = count("account_roles").await;
    let links = count("access_links").await;
    let disabled: i64 = sqlx::query_scalar("SELECT disabled FROM accounts WHERE id = $1")
        .bind(account.0)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    (sessions, roles, disabled, links)
}

async fn left_events(store: &Store, org: OrganisationId) -> Vec<AuditEventRecord> {
    let filter = AuditFilter {
        action: Some(AuditAction::PersonLeft),
        limit: 1000,
        ..AuditFilter::default()
    };
    store.audit_events(org, &filter).await.unwrap().0
}

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

async fn a_staff_import_that_marks_someone_as_left_ends_their_access_with_it(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let manager = signed_in_manager(store, org).await;
    let before = access_of(&db, manager.account).await;
    assert_eq!((before.0, before.2, before.3), (1, 0, 1));
    assert!(before.1 >= 2, "learner and manager");
    let file: Vec<StaffRecord> = store
        .staff_records(org)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.employee_number.as_str() != manager.number)
        .collect();

    // Refused inside the transaction (most people would be marked, unconfirmed): nobody's
    // access ends.
    let cut_short = &file[..1];
    let refused = store
        .apply_staff_file(
            org,
            cut_short,
            Absent::Left {
                on: today(),
                most_confirmed: false,
                by: Actor::CommandLine,
            },
            &|_| {},
        )
        .await
        .unwrap_err();
    assert!(matches!(refused, StoreError::MostWouldLeave { .. }));
    assert_eq!(access_of(&db, manager.account).await, before);

    // Kept, nothing happens to them.
    store
        .apply_staff_file(org, &file, Absent::Keep, &|_| {})
        .await
        .unwrap();
    assert_eq!(access_of(&db, manager.account).await, before);
    assert!(store.session("manager-session", 0).await.unwrap().is_some());

    let marked = store
        .apply_staff_file(
            org,
            &file,
            Absent::Left {
                on: today(),
                most_confirmed: false,
                by: Actor::CommandLine,
            },
            &|_| {},
        )
        .await
        .unwrap();
    assert_eq!(marked.marked_left, 1);
    assert_eq!(
        access_of(&db, manager.account).await,
        (0, 0, 1, 0),
        "sessions and links ended, roles removed, account disabled"
    );
    assert!(store.session("manager-session", 0).await.unwrap().is_none());
    let sign_in = store
        .account_for_sign_in(&Email::parse("manager@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(sign_in.ended);
    assert!(store.access_ended(manager.account).await.unwrap());
    let events = left_events(store, org).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].actor_kind, "command-line");
    assert_eq!(
        events[0].subject.as_ref().map(|s| s.0),
        Some(manager.person)
    );
    assert_eq!(
        events[0].detail,
        format!(
            "command-line left-on={} account-closed",
            skillgym_domain::people::format_date(today())
        )
    );
}

async fn a_left_on_date_to_come_ends_access_on_its_day_through_the_job(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let manager = signed_in_manager(store, org).await;
    let tomorrow = today().next_day().unwrap();
    store
        .set_left_on(org, manager.person, Some(tomorrow))
        .await
        .unwrap();
    // Until that day they keep everything.
    assert!(store.session("manager-session", 0).await.unwrap().is_some());
    assert!(!store.access_ended(manager.account).await.unwrap());
    assert_eq!(store.end_access_of_leavers(today()).await.unwrap(), 0);
    assert_eq!(access_of(&db, manager.account).await.0, 1);
    assert!(left_events(store, org).await.is_empty());

    // The job, on that day: once, however often it runs, even by two instances at once.
    let other = Store::connect(&db.url).await.unwrap();
    let (a, b) = tokio::join!(
        store.end_access_of_leavers(tomorrow),
        other.end_access_of_leavers(tomorrow)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    assert_eq!(access_of(&db, manager.account).await, (0, 0, 1, 0));
    assert_eq!(store.end_access_of_leavers(tomorrow).await.unwrap(), 0);
    let events = left_events(store, org).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].actor_kind, "system");
    assert_eq!(
        events[0].subject.as_ref().map(|s| s.0),
        Some(manager.person)
    );
}

/// A "left on" date that has come (here set behind skillgym's back, as if the day had just
/// begun and the job had not run yet): the session is refused at once, and the job then ends
/// everything.
async fn a_left_on_date_that_has_come_is_refused_before_the_job_runs(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let manager = signed_in_manager(store, org).await;
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    sqlx::query("UPDATE people SET left_on = $2 WHERE id = $1")
        .bind(manager.person.0)
        .bind(skillgym_domain::people::format_date(today()))
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert!(store.session("manager-session", 0).await.unwrap().is_none());
    assert!(store.access_ended(manager.account).await.unwrap());
    assert_eq!(access_of(&db, manager.account).await.0, 1, "not yet ended");

    let run = store.run_due_jobs("test-instance").await.unwrap();
    assert!(run.ran.contains(&"leavers"), "{run:?}");
    assert_eq!(run.access_ended, 1);
    assert_eq!(access_of(&db, manager.account).await, (0, 0, 1, 0));
    assert_eq!(left_events(store, org).await.len(), 1);
}

async fn editing_a_left_on_date_ends_access_and_clearing_it_lets_access_be_given_again(
    backend: Backend,
) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let manager = signed_in_manager(store, org).await;
    let admin = store
        .account_by_email(&Email::parse("admin@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    let record = store.person(org, manager.person).await.unwrap();
    let mut input = PersonInput {
        employee_number: record.employee_number.clone(),
        given_name: PersonName::parse(&record.given_name).unwrap(),
        family_name: PersonName::parse(&record.family_name).unwrap(),
        email: record.email.as_deref().map(|e| Email::parse(e).unwrap()),
        employment: record.employment,
        job_role: JobRole::parse(&record.job_role).unwrap(),
        job_family: record.job_family,
        contracted_hours: ContractedHours::from_hours(record.contracted_hours).unwrap(),
        start_date: None,
        left_on: Some(today()),
        line_manager: record.line_manager.as_ref().map(|m| m.0),
        team: record.team.as_ref().map(|t| t.0),
        sites: record.sites.iter().map(|s| s.0).collect(),
    };
    store
        .update_person(org, manager.person, &input, Actor::Person(admin))
        .await
        .unwrap();
    assert_eq!(access_of(&db, manager.account).await, (0, 0, 1, 0));
    let events = left_events(store, org).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].actor.as_ref().map(|a| a.0), Some(admin));
    // Saved again unchanged: nothing more to end, nothing more recorded.
    store
        .update_person(org, manager.person, &input, Actor::Person(admin))
        .await
        .unwrap();
    assert_eq!(left_events(store, org).await.len(), 1);
    // Roles given to someone who has left do not open their account.
    store
        .set_roles(manager.account, Roles::default().with(Role::Manager))
        .await
        .unwrap();
    assert_eq!(access_of(&db, manager.account).await.2, 1);

    // They came back: the date cleared, an admin gives them their roles again.
    input.left_on = None;
    store
        .update_person(org, manager.person, &input, Actor::Person(admin))
        .await
        .unwrap();
    store
        .set_roles(manager.account, Roles::default().with(Role::Manager))
        .await
        .unwrap();
    assert_eq!(access_of(&db, manager.account).await.2, 0, "enabled again");
    assert!(!store.access_ended(manager.account).await.unwrap());
    // A date to come, set now, waits for its day.
    input.left_on = today().next_day();
    store
        .update_person(org, manager.person, &input, Actor::Person(admin))
        .await
        .unwrap();
    assert_eq!(access_of(&db, manager.account).await.2, 0);
    assert_eq!(left_events(store, org).await.len(), 1);
}

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
                by: Actor::System,
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
                by: Actor::System,
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
        by: Actor::System,
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
                by: Actor::System,
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
                by: Actor::System,
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
