//! Every change the audit trail records is written in the same transaction as its event (people
//! added and changed, access, staff imports), on
//! SQLite and on PostgreSQL: when the event cannot be written, the change is not made either.

use skillgym_domain::people::{
    ContractedHours, EmployeeNumber, Employment, JobFamily, JobRole, PersonName,
};
use skillgym_domain::{Email, OrganisationId, Role, Roles};
use skillgym_store::{
    Absent, AccessChange, Actor, AuditAction, AuditFilter, NewAccessLink, NewAccount,
    NewAuditEvent, PersonFilter, PersonInput, Store, now,
};
use skillgym_test_db::{Backend, TestDb, both_backends};

async fn demo_store(backend: Backend) -> (TestDb, OrganisationId) {
    TestDb::with_demo(backend, 40, 9).await
}

/// Makes every insert into the audit trail fail, as a full disk or a lost connection would.
async fn refuse_events(db: &TestDb, backend: Backend) {
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let statements: &[&str] = match backend {
        Backend::Sqlite => &[
            "CREATE TRIGGER refuse_events BEFORE INSERT ON audit_events \
             BEGIN SELECT RAISE(ABORT, 'the audit trail refuses'); END",
        ],
        Backend::Postgres => &[
            "CREATE FUNCTION refuse_events() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN RAISE EXCEPTION 'the audit trail refuses'; END $$",
            "CREATE TRIGGER refuse_events BEFORE INSERT ON audit_events \
             FOR EACH ROW EXECUTE FUNCTION refuse_events()",
        ],
    };
    for sql in statements {
        sqlx::query(*sql).execute(&pool).await.unwrap();
    }
    pool.close().await;
}

async fn allow_events(db: &TestDb, backend: Backend) {
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    let sql = match backend {
        Backend::Sqlite => "DROP TRIGGER refuse_events",
        Backend::Postgres => "DROP TRIGGER refuse_events ON audit_events",
    };
    sqlx::query(sql).execute(&pool).await.unwrap();
    pool.close().await;
}

async fn count(store: &Store, org: OrganisationId, action: AuditAction) -> i64 {
    let filter = AuditFilter {
        action: Some(action),
        limit: 1,
        ..AuditFilter::default()
    };
    store.audit_events(org, &filter).await.unwrap().1
}

fn input(number: &str) -> PersonInput {
    PersonInput {
        employee_number: EmployeeNumber::parse(number).unwrap(),
        given_name: PersonName::parse("Nia").unwrap(),
        family_name: PersonName::parse("Rees").unwrap(),
        email: Some(Email::parse(&format!("{number}@afon.example").to_lowercase()).unwrap()),
        employment: Employment::Employee,
        job_role: JobRole::parse("Library assistant").unwrap(),
        job_family: JobFamily::Frontline,
        contracted_hours: ContractedHours::FULL_TIME,
        start_date: None,
        left_on: None,
        line_manager: None,
        team: None,
        sites: Vec::new(),
    }
}

both_backends!(no_change_is_made_without_its_event);

async fn no_change_is_made_without_its_event(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let people = |number: &'static str| async move {
        let (found, _) = store
            .people(
                org,
                &PersonFilter {
                    query: Some(number.into()),
                    limit: 10,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        found
    };

    // With the trail working, each change leaves its event.
    let added = store
        .create_person(org, &input("NEW-1"), Actor::System)
        .await
        .unwrap();
    assert_eq!(count(store, org, AuditAction::PersonAdded).await, 1);
    let mut changed = input("NEW-1");
    changed.job_family = JobFamily::Specialist;
    store
        .update_person(org, added, &changed, Actor::System)
        .await
        .unwrap();
    assert_eq!(count(store, org, AuditAction::PersonChanged).await, 1);
    let access = |roles: Roles| {
        NewAuditEvent::new(Actor::System, AuditAction::AccessChanged, Some(added)).with(
            "roles",
            roles
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(","),
        )
    };
    let learner = Roles::default().with(Role::Learner);
    let account = store
        .change_access(
            org,
            AccessChange::NewAccount(NewAccount {
                person: added,
                email: Email::parse("new-1@afon.example").unwrap(),
                password_hash: None,
                roles: learner,
            }),
            None,
            &access(learner),
        )
        .await
        .unwrap();
    assert_eq!(count(store, org, AuditAction::AccessChanged).await, 1);

    // An access link that cannot be kept (its token's hash is taken) undoes the change and its
    // event with it.
    store
        .create_access_link(account, "taken", now() + 3600)
        .await
        .unwrap();
    let admin = learner.with(Role::Admin);
    let taken = NewAccessLink {
        token_hash: "taken".into(),
        expires_at: now() + 3600,
    };
    assert!(
        store
            .change_access(
                org,
                AccessChange::Roles(account, admin),
                Some(&taken),
                &access(admin).with_flag("link"),
            )
            .await
            .is_err()
    );
    assert!(!store.roles(account).await.unwrap().has(Role::Admin));
    assert_eq!(count(store, org, AuditAction::AccessChanged).await, 1);
    // A link that can be kept is kept with the change.
    let fresh = NewAccessLink {
        token_hash: "fresh".into(),
        expires_at: now() + 3600,
    };
    store
        .change_access(
            org,
            AccessChange::Roles(account, learner),
            Some(&fresh),
            &access(learner).with_flag("link"),
        )
        .await
        .unwrap();
    assert_eq!(store.access_link("fresh").await.unwrap(), Some(account));
    assert_eq!(count(store, org, AuditAction::AccessChanged).await, 2);

    // Without it, none is made.
    refuse_events(&db, backend).await;
    assert!(
        store
            .create_person(org, &input("NEW-2"), Actor::System)
            .await
            .is_err()
    );
    assert!(people("NEW-2").await.is_empty(), "no one added");
    let mut again = changed.clone();
    again.job_family = JobFamily::Manager;
    assert!(
        store
            .update_person(org, added, &again, Actor::System)
            .await
            .is_err()
    );
    assert_eq!(
        store.person(org, added).await.unwrap().job_family,
        JobFamily::Specialist,
        "unchanged"
    );
    assert!(
        store
            .change_access(
                org,
                AccessChange::Roles(account, admin),
                None,
                &access(admin)
            )
            .await
            .is_err()
    );
    let roles = store.roles(account).await.unwrap();
    assert!(!roles.has(Role::Admin), "the roles are as they were");
    // A staff import: everyone's job role changed, or no one's.
    let mut records = store.staff_records(org).await.unwrap();
    let before: Vec<String> = records
        .iter()
        .map(|r| r.job_role.as_str().to_string())
        .collect();
    for r in &mut records {
        r.job_role = JobRole::parse("Digital champion").unwrap();
    }
    assert!(
        store
            .import_staff_records(org, &records, Absent::Keep, Actor::System, &|_| {})
            .await
            .is_err()
    );
    let after: Vec<String> = store
        .staff_records(org)
        .await
        .unwrap()
        .iter()
        .map(|r| r.job_role.as_str().to_string())
        .collect();
    assert_eq!(after, before, "no one changed");

    allow_events(&db, backend).await;
    for (action, made) in [
        (AuditAction::PersonAdded, 1),
        (AuditAction::PersonChanged, 1),
        (AuditAction::AccessChanged, 2),
    ] {
        assert_eq!(count(store, org, action).await, made, "{action:?}");
    }
    assert_eq!(count(store, org, AuditAction::StaffImported).await, 0);
    store
        .import_staff_records(org, &records, Absent::Keep, Actor::System, &|_| {})
        .await
        .unwrap();
    assert_eq!(count(store, org, AuditAction::StaffImported).await, 1);
}
