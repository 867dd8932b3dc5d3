//! The storage layer, case by case, on SQLite and on PostgreSQL.

use skillgym_domain::staff_file::{self, Problem};
use skillgym_domain::{
    AccountId, Location, OrganisationId, PersonId, Role, Roles, SiteCode, SiteKind, SiteName,
    TeamName,
};
use skillgym_store::{ImportRefused, PersonFilter, SiteInput, Store, StoreError};
use skillgym_test_db::{Backend, TestDb, both_backends};

async fn demo_store(backend: Backend) -> (TestDb, OrganisationId) {
    TestDb::with_demo(backend, 80, 7).await
}

fn staff_file_text(rows: &[&str]) -> Vec<u8> {
    let mut text = staff_file::COLUMNS.join(",");
    for row in rows {
        text.push('\n');
        text.push_str(row);
    }
    text.into_bytes()
}

async fn count_people(store: &Store, org: OrganisationId) -> i64 {
    store.people_counts(org).await.unwrap().total
}

both_backends!(
    importing_the_same_staff_file_twice_changes_nothing,
    a_bad_staff_file_writes_nothing,
    a_changed_line_updates_the_person_and_their_manager,
    managers_see_reports_and_team_members_all_the_way_down,
    sessions_expire_and_can_be_ended,
    failed_sign_ins_are_counted_per_email_and_address,
    sign_in_attempts_sent_at_once_are_counted_one_at_a_time,
    site_codes_and_team_names_are_unique,
    access_links_work_once,
    exported_staff_reimport_as_unchanged,
    a_large_file_with_managers_after_their_reports_imports_whole,
    imported_people_read_back_exactly_as_the_file_gave_them,
    text_a_bulk_load_would_escape_is_stored_exactly,
    an_import_waits_for_a_concurrent_writer_instead_of_failing,
);

/// 5,500 people, each managed by someone on a later line, two sites each, and the last managed
/// by a stored person: more than one statement's worth of people on either backend (2,000 a
/// statement on SQLite, 5,000 on PostgreSQL), so a chain of managers crosses statements.
async fn a_large_file_with_managers_after_their_reports_imports_whole(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let before = count_people(&db.store, org).await;
    let stored_manager = db.store.staff_records(org).await.unwrap()[0]
        .employee_number
        .as_str()
        .to_string();
    let n = 5500;
    let rows: Vec<String> = (0..n)
        .map(|i| {
            let manager = if i + 1 < n {
                format!("L{:05}", i + 1)
            } else {
                stored_manager.clone()
            };
            let email = if i % 3 == 0 {
                String::new()
            } else {
                format!("l{i}@example.org")
            };
            format!(
                "L{i:05},Person,Number {i},{email},employee,Assistant,frontline,18.5,,{manager},Large team,CEN;MOB"
            )
        })
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    let file = staff_file_text(&refs);
    let seen = std::sync::Mutex::new(Vec::new());
    let outcome = db
        .store
        .import_staff_file(org, &file, &|done| seen.lock().unwrap().push(done))
        .await
        .unwrap();
    assert_eq!(outcome.added, n as u64);
    assert_eq!(count_people(&db.store, org).await, before + n as i64);
    let seen = seen.into_inner().unwrap();
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "progress only grows");
    assert_eq!(seen.last().copied(), Some(n as u64));
    let records = db.store.staff_records(org).await.unwrap();
    let by_number: std::collections::HashMap<&str, _> = records
        .iter()
        .map(|r| (r.employee_number.as_str(), r))
        .collect();
    for i in 0..n {
        let r = by_number[format!("L{i:05}").as_str()];
        let expected = if i + 1 < n {
            format!("L{:05}", i + 1)
        } else {
            stored_manager.clone()
        };
        assert_eq!(r.line_manager.as_ref().unwrap().as_str(), expected);
        let sites: Vec<&str> = r.sites.iter().map(|s| s.as_str()).collect();
        assert_eq!(sites, ["CEN", "MOB"]);
    }
    let again = db
        .store
        .import_staff_file(org, &file, &|_| {})
        .await
        .unwrap();
    assert_eq!(again.unchanged, n as u64);
    // A person may now be added with a new id after everyone else.
    let file = staff_file_text(&[
        "L99999,Late,Arrival,,employee,Assistant,frontline,10,,L00000,Large team,CEN",
    ]);
    let late = db
        .store
        .import_staff_file(org, &file, &|_| {})
        .await
        .unwrap();
    assert_eq!(late.added, 1);
}

async fn importing_the_same_staff_file_twice_changes_nothing(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let before = count_people(&db.store, org).await;
    let file = staff_file_text(&[
        "T0001,Ann,Hughes,ann.hughes@example.org,employee,Library Assistant,frontline,18.5,2024-01-15,T0002,Test team,CEN",
        "T0002,Bryn,Evans,bryn.evans@example.org,employee,Branch Manager,manager,37,,,Test team,CEN;MOB",
    ]);
    let first = db
        .store
        .import_staff_file(org, &file, &|_| {})
        .await
        .unwrap();
    assert_eq!((first.added, first.updated), (2, 0));
    assert_eq!(first.teams_added, vec!["Test team".to_string()]);
    let second = db
        .store
        .import_staff_file(org, &file, &|_| {})
        .await
        .unwrap();
    assert_eq!((second.added, second.updated, second.unchanged), (0, 0, 2));
    assert!(second.teams_added.is_empty());
    assert_eq!(count_people(&db.store, org).await, before + 2);
}

async fn a_bad_staff_file_writes_nothing(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let before = count_people(&db.store, org).await;
    let file = staff_file_text(&[
        "T0001,Ann,Hughes,ann.hughes@example.org,employee,Library Assistant,frontline,18.5,,,,CEN",
        "T0002,Bryn,Evans,not-an-email,employee,Branch Manager,manager,37,,,,CEN",
        "T0003,Cai,Jones,,volunteer,Digital Buddy,frontline,4,,,,NOPE",
    ]);
    let Err(ImportRefused::Problems(problems)) =
        db.store.import_staff_file(org, &file, &|_| {}).await
    else {
        panic!("the file should be refused");
    };
    let at = |p: &Problem| (p.line, p.field, p.code);
    let found: Vec<_> = problems.iter().map(at).collect();
    assert!(
        found.contains(&(3, Some("email"), "invalid-email")),
        "{found:?}"
    );
    assert!(
        found.contains(&(4, Some("sites"), "staff-file-unknown-site")),
        "{found:?}"
    );
    assert_eq!(count_people(&db.store, org).await, before);
}

async fn a_changed_line_updates_the_person_and_their_manager(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let v1 = staff_file_text(&[
        "T0001,Ann,Hughes,ann@example.org,employee,Library Assistant,frontline,18.5,,T0002,,CEN",
        "T0002,Bryn,Evans,bryn@example.org,employee,Branch Manager,manager,37,,,,CEN;MOB",
        "T0003,Cai,Jones,cai@example.org,employee,Branch Manager,manager,37,,,,CEN",
    ]);
    db.store.import_staff_file(org, &v1, &|_| {}).await.unwrap();
    let v2 = staff_file_text(&[
        "T0001,Ann,Hughes,ann@example.org,employee,Senior Library Assistant,aspiring_leader,22.5,,T0003,,MOB;CEN",
        "T0002,Bryn,Evans,bryn@example.org,employee,Branch Manager,manager,37,,,,MOB",
        "T0003,Cai,Jones,cai@example.org,employee,Branch Manager,manager,37,,,,CEN",
    ]);
    let outcome = db.store.import_staff_file(org, &v2, &|_| {}).await.unwrap();
    assert_eq!(
        (outcome.added, outcome.updated, outcome.unchanged),
        (0, 2, 1)
    );
    // Each changed person's sites are replaced, in the file's order; the others' are kept.
    let sites: std::collections::HashMap<String, Vec<String>> = db
        .store
        .staff_records(org)
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            let codes = r.sites.iter().map(|s| s.as_str().to_string()).collect();
            (r.employee_number.as_str().to_string(), codes)
        })
        .collect();
    assert_eq!(sites["T0001"], ["MOB", "CEN"]);
    assert_eq!(sites["T0002"], ["MOB"]);
    assert_eq!(sites["T0003"], ["CEN"]);
    let ids = db.store.person_ids(org).await.unwrap();
    let ann = db.store.person(org, ids["T0001"]).await.unwrap();
    assert_eq!(ann.job_role, "Senior Library Assistant");
    assert_eq!(ann.contracted_hours, 22.5);
    assert_eq!(ann.line_manager.map(|m| m.0), Some(ids["T0003"]));
    assert_eq!(ann.sites.len(), 2);
    assert!(db.store.manages(ids["T0003"], ids["T0001"]).await.unwrap());
    assert!(!db.store.manages(ids["T0002"], ids["T0001"]).await.unwrap());
}

async fn managers_see_reports_and_team_members_all_the_way_down(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let file = staff_file_text(&[
        "M1,Head,Person,head@example.org,employee,Head of Libraries,senior_leader,37,,,,CEN",
        "M2,Mid,Person,mid@example.org,employee,Service Manager,manager,37,,M1,,CEN",
        "M3,Low,Person,low@example.org,employee,Library Assistant,frontline,20,,M2,,CEN",
        "M4,Team,Member,member@example.org,employee,Library Assistant,frontline,20,,,Reading team,CEN",
        "M5,Other,Person,other@example.org,employee,Library Assistant,frontline,20,,,,CEN",
    ]);
    db.store
        .import_staff_file(org, &file, &|_| {})
        .await
        .unwrap();
    let ids = db.store.person_ids(org).await.unwrap();
    let team = db
        .store
        .teams(org)
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.name == "Reading team")
        .unwrap();
    db.store
        .update_team(
            org,
            team.id,
            &TeamName::parse("Reading team").unwrap(),
            Some(ids["M3"]),
        )
        .await
        .unwrap();
    let filter = PersonFilter {
        managed_by: Some(ids["M1"]),
        limit: 100,
        ..PersonFilter::default()
    };
    let (people, total) = db.store.people(org, &filter).await.unwrap();
    let mut numbers: Vec<_> = people.iter().map(|p| p.employee_number.as_str()).collect();
    numbers.sort();
    assert_eq!(numbers, vec!["M2", "M3", "M4"]);
    assert_eq!(total, 3);
    assert!(db.store.manages(ids["M2"], ids["M4"]).await.unwrap());
    assert!(!db.store.manages(ids["M4"], ids["M2"]).await.unwrap());
    assert!(!db.store.manages(ids["M1"], ids["M5"]).await.unwrap());
    assert!(!db.store.manages(ids["M1"], ids["M1"]).await.unwrap());
}

async fn first_account(store: &Store) -> (AccountId, PersonId) {
    let email = skillgym_domain::Email::parse("admin@afon.example").unwrap();
    let account = store.account_by_email(&email).await.unwrap().unwrap();
    (account.id, account.person_id)
}

async fn sessions_expire_and_can_be_ended(backend: Backend) {
    let (db, _) = demo_store(backend).await;
    let (account, person) = first_account(&db.store).await;
    let now = skillgym_store::now();
    db.store
        .create_session("live", account, "csrf1", now + 60)
        .await
        .unwrap();
    db.store
        .create_session("old", account, "csrf2", now - 1)
        .await
        .unwrap();
    // Sessions started within the last hour count; the absolute lifetime cuts off older ones.
    let hour_ago = now - 3600;
    let live = db
        .store
        .session("live", hour_ago)
        .await
        .unwrap()
        .expect("a live session");
    assert_eq!(live.person_id, person);
    assert!(live.roles.has(Role::Admin) && live.roles.has(Role::Learner));
    assert_eq!(live.csrf_token, "csrf1");
    assert!(
        db.store.session("live", now + 1).await.unwrap().is_none(),
        "started before the cut-off: past its absolute lifetime, however recently used"
    );
    assert!(db.store.session("old", hour_ago).await.unwrap().is_none());
    assert_eq!(db.store.delete_expired_sessions().await.unwrap(), 1);
    db.store.delete_session("live").await.unwrap();
    assert!(db.store.session("live", hour_ago).await.unwrap().is_none());
}

async fn failed_sign_ins_are_counted_per_email_and_address(backend: Backend) {
    let db = TestDb::new(backend).await;
    let since = skillgym_store::now() - 60;
    for n in 1..=3 {
        let attempt = db
            .store
            .count_sign_in_attempt("a@example.org", "10.0.0.1", since)
            .await
            .unwrap();
        assert_eq!((attempt.by_email, attempt.by_ip), (n, n));
    }
    let other = db
        .store
        .count_sign_in_attempt("b@example.org", "10.0.0.1", since)
        .await
        .unwrap();
    assert_eq!((other.by_email, other.by_ip), (1, 4));
    assert_eq!(
        db.store
            .sign_in_failures("a@example.org", "10.0.0.1", since)
            .await
            .unwrap(),
        (3, 4)
    );
    // An attempt never checked is taken back.
    db.store.forget_sign_in_attempt(other.id).await.unwrap();
    assert_eq!(
        db.store
            .sign_in_failures("b@example.org", "10.0.0.1", since)
            .await
            .unwrap(),
        (0, 3)
    );
    db.store
        .clear_sign_in_failures("a@example.org", since)
        .await
        .unwrap();
    assert_eq!(
        db.store
            .sign_in_failures("a@example.org", "10.0.0.1", since)
            .await
            .unwrap(),
        (0, 0)
    );
}

/// Twenty attempts at once for one email from one address: each sees a different count, so
/// the throttle lets exactly as many through as its limit, never more.
async fn sign_in_attempts_sent_at_once_are_counted_one_at_a_time(backend: Backend) {
    let db = TestDb::new(backend).await;
    let since = skillgym_store::now() - 60;
    let attempts: Vec<_> = (0..20)
        .map(|_| {
            let store = db.store.clone();
            tokio::spawn(async move {
                store
                    .count_sign_in_attempt("a@example.org", "10.0.0.1", since)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut by_email = Vec::new();
    let mut by_ip = Vec::new();
    for attempt in attempts {
        let attempt = attempt.await.unwrap();
        by_email.push(attempt.by_email);
        by_ip.push(attempt.by_ip);
    }
    by_email.sort_unstable();
    by_ip.sort_unstable();
    let one_to_twenty: Vec<i64> = (1..=20).collect();
    assert_eq!(by_email, one_to_twenty);
    assert_eq!(by_ip, one_to_twenty);
}

async fn site_codes_and_team_names_are_unique(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let site = SiteInput {
        code: SiteCode::parse("CEN").unwrap(),
        name: SiteName::parse("Another Central").unwrap(),
        kind: SiteKind::Branch,
        location: Location::default(),
    };
    assert!(matches!(
        db.store.create_site(org, &site).await,
        Err(StoreError::Taken("code"))
    ));
    let name = TeamName::parse("Unique team").unwrap();
    db.store.create_team(org, &name, None).await.unwrap();
    assert!(matches!(
        db.store.create_team(org, &name, None).await,
        Err(StoreError::Taken("name"))
    ));
}

async fn access_links_work_once(backend: Backend) {
    let (db, _) = demo_store(backend).await;
    let (account, _) = first_account(&db.store).await;
    let now = skillgym_store::now();
    db.store
        .create_access_link(account, "link", now + 60)
        .await
        .unwrap();
    db.store
        .create_access_link(account, "expired", now - 1)
        .await
        .unwrap();
    assert_eq!(db.store.access_link("link").await.unwrap(), Some(account));
    assert_eq!(db.store.access_link("expired").await.unwrap(), None);
    db.store
        .redeem_access_link("link", "new-hash")
        .await
        .unwrap();
    assert!(matches!(
        db.store.redeem_access_link("link", "again").await,
        Err(StoreError::NotFound)
    ));
    let email = skillgym_domain::Email::parse("admin@afon.example").unwrap();
    let sign_in = db.store.account_for_sign_in(&email).await.unwrap().unwrap();
    assert_eq!(sign_in.password_hash.as_deref(), Some("new-hash"));
    db.store.set_roles(account, Roles::default()).await.unwrap();
    assert_eq!(db.store.roles(account).await.unwrap(), Roles::default());
}

async fn exported_staff_reimport_as_unchanged(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let records = db.store.staff_records(org).await.unwrap();
    assert_eq!(records.len() as i64, count_people(&db.store, org).await);
    let mut file = Vec::new();
    staff_file::write(
        &mut file,
        records.clone(),
        skillgym_domain::FileLanguage::English,
    )
    .unwrap();
    let outcome = db
        .store
        .import_staff_file(org, &file, &|_| {})
        .await
        .unwrap();
    assert_eq!(outcome.added + outcome.updated, 0);
    assert_eq!(outcome.unchanged as usize, records.len());
}

/// Every field, including text that needs escaping and quarter hours, reads back as given.
async fn imported_people_read_back_exactly_as_the_file_gave_them(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let file = staff_file_text(&[
        r#"Q0001,Siân,O'Brien-Ŵyn,sian.obrien@example.org,employee,"Librarian, ""Digital"" \ 1",specialist,18.25,2019-03-31,Q0002,"Tîm ""Un""",MOB;CEN"#,
        "Q0002,Bryn,Evans,,volunteer,Helper,frontline,2.75,,,,CEN",
        "Q0003,Zoë,Ng,zoe.ng@example.org,employee,Manager,manager,37,2001-01-01,,,MOB",
    ]);
    db.store
        .import_staff_file(org, &file, &|_| {})
        .await
        .unwrap();
    let expected = staff_file::parse(&file).unwrap();
    let stored = db.store.staff_records(org).await.unwrap();
    for line in expected {
        let found = stored
            .iter()
            .find(|r| r.employee_number == line.record.employee_number)
            .unwrap();
        assert_eq!(*found, line.record);
    }
}

/// Text that a bulk load's own formats treat specially (backslashes, `\N`, `\t` written out,
/// quotes, commas, semicolons, Welsh letters) is stored and read back exactly, in a file large
/// enough to take more than one statement; a real tab, newline or carriage return inside a
/// quoted cell is refused by the file check, and nothing is written.
async fn text_a_bulk_load_would_escape_is_stored_exactly(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let before = count_people(&db.store, org).await;
    let awkward = [
        r#"W{i:05},"Ŵyn \N","ap Rhys\\Jones, ""Jr""",w{i}@example.org,employee,"Swyddog \t Digidol; ŷ",specialist,18.25,2020-02-29,,"Tîm \ Ŷ, ""Un""",CEN;MOB"#,
        r#"W{i:05},\,"\\\",,volunteer,"Cynorthwyydd \r\n",frontline,4,,W00000,Tîm ŵ,MOB"#,
    ];
    let rows: Vec<String> = (0..6_001)
        .map(|i| {
            awkward[i % 2]
                .replace("{i:05}", &format!("{i:05}"))
                .replace("{i}", &i.to_string())
        })
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    let file = staff_file_text(&refs);
    let outcome = db
        .store
        .import_staff_file(org, &file, &|_| {})
        .await
        .unwrap();
    assert_eq!(outcome.added, 6_001);
    let expected = staff_file::parse(&file).unwrap();
    let stored: std::collections::HashMap<String, _> = db
        .store
        .staff_records(org)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.employee_number.as_str().to_string(), r))
        .collect();
    for line in &expected {
        assert_eq!(
            stored[line.record.employee_number.as_str()],
            line.record,
            "line {}",
            line.line
        );
    }
    let first = &stored["W00000"];
    assert_eq!(first.given_name.as_str(), r"Ŵyn \N");
    assert_eq!(first.family_name.as_str(), r#"ap Rhys\\Jones, "Jr""#);
    assert_eq!(first.job_role.as_str(), r"Swyddog \t Digidol; ŷ");
    assert_eq!(first.team.as_ref().unwrap().as_str(), r#"Tîm \ Ŷ, "Un""#);
    assert_eq!(stored["W00001"].given_name.as_str(), r"\");
    assert_eq!(stored["W00001"].family_name.as_str(), r"\\\");
    assert_eq!(stored["W00001"].job_role.as_str(), r"Cynorthwyydd \r\n");
    let after = count_people(&db.store, org).await;
    assert_eq!(after, before + 6_001);

    for control in ["\t", "\n", "\r"] {
        let row = format!(
            "X00001,\"Ann{control}Bea\",Hughes,,employee,Library Assistant,frontline,18.5,,,,CEN"
        );
        let file = staff_file_text(&[&row]);
        let Err(ImportRefused::Problems(problems)) =
            db.store.import_staff_file(org, &file, &|_| {}).await
        else {
            panic!("a name with {control:?} in it should be refused");
        };
        assert!(
            problems
                .iter()
                .any(|p| p.field == Some("given_name") && p.code == "invalid-name"),
            "{control:?}: {problems:?}"
        );
        assert_eq!(count_people(&db.store, org).await, after);
    }
}

/// Another connection is writing people when an import starts: the import waits for it (on
/// SQLite, for the write lock) and then writes everyone, after the other writer's person.
async fn an_import_waits_for_a_concurrent_writer_instead_of_failing(backend: Backend) {
    use sqlx::Connection;
    let (db, org) = demo_store(backend).await;
    let before = count_people(&db.store, org).await;
    sqlx::any::install_default_drivers();
    let mut other = sqlx::AnyConnection::connect(&db.url).await.unwrap();
    let mut writing = other.begin().await.unwrap();
    let insert = "INSERT INTO people (organisation_id, employee_number, given_name, family_name, \
                  employment, job_role, job_family, contracted_hours, created_at, updated_at) \
                  VALUES ($1, $2, 'Other', 'Writer', 'employee', 'Assistant', 'frontline', 10, 0, 0)";
    sqlx::query(insert)
        .bind(org.0)
        .bind("C0000")
        .execute(&mut *writing)
        .await
        .unwrap();

    let file = staff_file_text(&[
        "C0001,Ann,Hughes,,employee,Library Assistant,frontline,18.5,,C0002,Race team,CEN",
        "C0002,Bryn,Evans,,employee,Branch Manager,manager,37,,,Race team,CEN",
    ]);
    let store = db.store.clone();
    let import = tokio::spawn(async move { store.import_staff_file(org, &file, &|_| {}).await });
    // Long enough for the import to have begun and reached the point of writing.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    sqlx::query(insert)
        .bind(org.0)
        .bind("C0003")
        .execute(&mut *writing)
        .await
        .unwrap();
    writing.commit().await.unwrap();
    other.close().await.unwrap();

    let outcome = import
        .await
        .unwrap()
        .expect("the import waits, then succeeds");
    assert_eq!(outcome.added, 2);
    assert_eq!(count_people(&db.store, org).await, before + 4);
    let records = db.store.staff_records(org).await.unwrap();
    let ann = records
        .iter()
        .find(|r| r.employee_number.as_str() == "C0001")
        .unwrap();
    assert_eq!(ann.line_manager.as_ref().unwrap().as_str(), "C0002");
}
