//! Personal data rights in storage, on SQLite and on PostgreSQL: the audit trail only grows,
//! erasure leaves nothing behind, retention erases leavers, and scheduled jobs run once among
//! several instances.

use skillgym_domain::{Email, OrganisationId, PersonId};
use skillgym_store::{
    Actor, AuditAction, AuditFilter, Cell, NewAuditEvent, PersonFilter, Store, StoreError,
};
use skillgym_test_db::{Backend, TestDb, both_backends};
use std::collections::HashSet;

async fn demo_store(backend: Backend) -> (TestDb, OrganisationId) {
    TestDb::with_demo(backend, 60, 5).await
}

async fn person_by_email(store: &Store, email: &str) -> PersonId {
    store
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

async fn events(store: &Store, org: OrganisationId) -> Vec<skillgym_store::AuditEventRecord> {
    let filter = AuditFilter {
        limit: 1000,
        ..AuditFilter::default()
    };
    store.audit_events(org, &filter).await.unwrap().0
}

both_backends!(
    the_audit_trail_refuses_changes_and_deletions,
    erasing_a_person_removes_their_data_and_keeps_anonymous_events,
    retention_erases_only_leavers_past_the_period,
    two_runners_claim_a_due_job_exactly_once,
    personal_data_holds_the_person_their_account_and_events,
    erasing_a_person_deletes_their_free_text_and_unlinks_the_rest_of_their_answers,
);

async fn the_audit_trail_refuses_changes_and_deletions(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let admin = person_by_email(&db.store, "admin@afon.example").await;
    let learner = person_by_email(&db.store, "learner@afon.example").await;
    let event = NewAuditEvent::new(
        Actor::Person(admin),
        AuditAction::PersonViewed,
        Some(learner),
    );
    db.store.record_event(org, &event).await.unwrap();
    let id = events(&db.store, org).await[0].id;
    for delete in [false, true] {
        let refused = skillgym_test_db::oracle::try_tamper_with_audit_event(&db, id, delete).await;
        assert!(
            matches!(refused, Err(StoreError::Database(_))),
            "delete={delete}: {refused:?}"
        );
    }
    let stored = &events(&db.store, org).await[0];
    assert_eq!(stored.detail, "");
    assert_eq!(stored.actor.as_ref().unwrap().0, admin);
    assert_eq!(stored.subject.as_ref().unwrap().0, learner);
}

async fn erasing_a_person_removes_their_data_and_keeps_anonymous_events(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let admin = person_by_email(store, "admin@afon.example").await;
    let manager = person_by_email(store, "manager@afon.example").await;
    let reports = store
        .people(
            org,
            &PersonFilter {
                managed_by: Some(manager),
                limit: 1000,
                ..PersonFilter::default()
            },
        )
        .await
        .unwrap()
        .1;
    assert!(reports > 0, "the manager manages someone");
    store
        .record_event(
            org,
            &NewAuditEvent::new(
                Actor::Person(manager),
                AuditAction::PersonViewed,
                Some(admin),
            ),
        )
        .await
        .unwrap();
    store
        .count_sign_in_attempt("manager@afon.example", "203.0.113.9", 0)
        .await
        .unwrap();
    let before = store.people_counts(org).await.unwrap().total;

    store
        .erase_person(org, manager, Actor::Person(admin))
        .await
        .unwrap();

    assert_eq!(store.people_counts(org).await.unwrap().total, before - 1);
    assert!(matches!(
        store.person(org, manager).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .account_by_email(&Email::parse("manager@afon.example").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store
            .sign_in_failures("manager@afon.example", "203.0.113.9", 0)
            .await
            .unwrap()
            .0,
        0
    );
    for team in store.teams(org).await.unwrap() {
        assert_ne!(team.manager_id, Some(manager));
    }
    let trail = events(store, org).await;
    let erased = trail
        .iter()
        .find(|e| e.action == Some(AuditAction::PersonErased))
        .expect("the erasure is recorded");
    assert!(erased.subject.is_none() && erased.subject_erased);
    assert_eq!(erased.actor.as_ref().unwrap().0, admin);
    assert_eq!(erased.detail, format!("former-id={}", manager.0));
    let viewed = trail
        .iter()
        .find(|e| e.action == Some(AuditAction::PersonViewed))
        .unwrap();
    assert!(
        viewed.actor.is_none(),
        "the erased viewer is no longer named"
    );
    assert_eq!(viewed.actor_kind, "person");
    assert_eq!(viewed.subject.as_ref().unwrap().0, admin);
    assert!(matches!(
        store.erase_person(org, manager, Actor::System).await,
        Err(StoreError::NotFound)
    ));
}

async fn retention_erases_only_leavers_past_the_period(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let ids: Vec<PersonId> = store.person_ids(org).await.unwrap().into_values().collect();
    let (long_gone, recent) = (ids[0], ids[1]);
    let date = |d| Some(skillgym_domain::people::parse_date(d).unwrap());
    store
        .set_left_on(org, long_gone, date("2023-01-31"))
        .await
        .unwrap();
    store
        .set_left_on(org, recent, date("2025-06-01"))
        .await
        .unwrap();
    store.set_retention_months(org, 24).await.unwrap();
    let today = time::macros::date!(2026 - 01 - 15);
    // Marking them as left ended their access, each recorded (as done by skillgym itself).
    let left = events(store, org).await;
    assert_eq!(left.len(), 2);
    assert!(
        left.iter()
            .all(|e| e.action == Some(AuditAction::PersonLeft) && e.actor_kind == "system")
    );
    assert_eq!(store.erase_leavers(today).await.unwrap(), 1);
    assert!(store.person(org, long_gone).await.is_err());
    assert!(store.person(org, recent).await.is_ok());
    let trail: Vec<_> = events(store, org)
        .await
        .into_iter()
        .filter(|e| e.action == Some(AuditAction::PersonErased))
        .collect();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].actor_kind, "system");
    assert!(trail[0].detail.ends_with("retention"));
    // A shorter period reaches the recent leaver too.
    store.set_retention_months(org, 6).await.unwrap();
    assert_eq!(store.erase_leavers(today).await.unwrap(), 1);
    assert!(store.person(org, recent).await.is_err());
}

async fn two_runners_claim_a_due_job_exactly_once(backend: Backend) {
    let db = TestDb::new(backend).await;
    // Two instances: two stores, each with its own pool, on one database.
    let other = Store::connect(&db.url).await.unwrap();
    db.store.register_jobs().await.unwrap();
    let now = skillgym_store::now();
    let mut tasks = Vec::new();
    for i in 0..16 {
        let store = if i % 2 == 0 {
            db.store.clone()
        } else {
            other.clone()
        };
        tasks.push(tokio::spawn(async move {
            store
                .claim_job("retention", &format!("instance-{}", i % 2), now)
                .await
                .unwrap()
        }));
    }
    let mut claimed = 0;
    for task in tasks {
        claimed += usize::from(task.await.unwrap());
    }
    assert_eq!(claimed, 1, "one claim among sixteen attempts");
    // Held, it cannot be claimed again even when due; once finished it is not due.
    assert!(!other.claim_job("retention", "late", now + 1).await.unwrap());
    for instance in ["instance-0", "instance-1"] {
        db.store
            .finish_job("retention", instance, now + 3600)
            .await
            .unwrap();
    }
    assert!(
        !other
            .claim_job("retention", "late", now + 10)
            .await
            .unwrap()
    );
    assert!(
        other
            .claim_job("retention", "late", now + 3601)
            .await
            .unwrap()
    );
    // A claim whose holder died expires and can be taken over.
    assert!(
        db.store
            .claim_job("retention", "rescuer", now + 3601 + 16 * 60)
            .await
            .unwrap()
    );

    // Whole runs, at the same time from both instances: each job runs once.
    let db2 = TestDb::new(backend).await;
    let b = Store::connect(&db2.url).await.unwrap();
    let a = db2.store.clone();
    let (ra, rb) = tokio::join!(
        tokio::spawn(async move { a.run_due_jobs("a").await.unwrap() }),
        tokio::spawn(async move { b.run_due_jobs("b").await.unwrap() })
    );
    let mut ran: Vec<&str> = ra.unwrap().ran;
    ran.extend(rb.unwrap().ran);
    ran.sort();
    let mut expected: Vec<&str> = skillgym_store::JOBS.iter().map(|j| j.name).collect();
    expected.sort();
    assert_eq!(ran, expected, "every job ran, each exactly once");
    assert!(db2.store.run_due_jobs("a").await.unwrap().ran.is_empty());
    other.close().await;
}

async fn personal_data_holds_the_person_their_account_and_events(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let learner = person_by_email(store, "learner@afon.example").await;
    let admin = person_by_email(store, "admin@afon.example").await;
    store
        .record_event(
            org,
            &NewAuditEvent::new(
                Actor::Person(admin),
                AuditAction::PersonViewed,
                Some(learner),
            ),
        )
        .await
        .unwrap();
    // Linked to an identity at the organisation's sign-in service: that is theirs to see too.
    let account = store
        .account_by_email(&Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    assert!(
        store
            .link_single_sign_on_identity(account, "https://idp.example.gov.uk", "subject-42")
            .await
            .unwrap()
    );
    let data = store.personal_data(org, learner).await.unwrap();
    let names: HashSet<&str> = data.tables.iter().map(|t| t.name).collect();
    assert_eq!(
        names,
        HashSet::from([
            "activity_ratings",
            "service_confidence",
            "session_bookings",
            "plans",
            "plan_goals",
            "plan_steps",
            "plan_notes",
            "plan_credentials",
            "club_submissions",
            "training_completions",
            "xapi_statements",
            "evaluations",
            "evaluation_follow_ups",
            "weekly_questions",
            "champion",
            "champion_offer",
            "help_requests",
            "help_given",
            "buddy_meetings",
            "horizon_clippings",
            "horizon_write_ups",
            "board_posts",
            "comments",
            "kit_trained",
            "kit_use",
            "person",
            "sites",
            "account",
            "audit_events",
            "audit_responses",
            "audit_ratings",
            "audit_profile_answers",
            "audit_quiz_answers",
            "audit_service_answers",
            "audit_invitations",
        ])
    );
    // Someone who answered the demo's audits finds their answers in their download.
    let mut answered = None;
    for id in store.person_ids(org).await.unwrap().into_values() {
        let theirs = store.personal_data(org, id).await.unwrap();
        if theirs
            .table("audit_responses")
            .is_some_and(|t| t.rows.len() == 2)
        {
            answered = Some(theirs);
            break;
        }
    }
    let data_of_respondent = answered.expect("someone in the demo answered both audits");
    let responses = data_of_respondent.table("audit_responses").unwrap();
    let campaigns: Vec<&Cell> = responses.rows.iter().map(|r| &r[0]).collect();
    let ratings = data_of_respondent.table("audit_ratings").unwrap();
    assert!(!ratings.rows.is_empty());
    assert!(ratings.rows.iter().all(|r| campaigns.contains(&&r[0])));
    assert!(ratings.rows.iter().all(|r| match r[3] {
        Cell::Int(v) => (1..=5).contains(&v),
        Cell::Empty => true,
        _ => false,
    }));
    assert!(
        !data_of_respondent
            .table("audit_quiz_answers")
            .unwrap()
            .rows
            .is_empty()
    );
    let account = data.table("account").unwrap();
    assert_eq!(
        account.rows[0][0],
        Cell::Text("learner@afon.example".into())
    );
    assert_eq!(
        account.rows[0][5..],
        [
            Cell::Text("https://idp.example.gov.uk".into()),
            Cell::Text("subject-42".into())
        ]
    );
    assert!(!data.table("sites").unwrap().rows.is_empty());
    assert_eq!(data.table("audit_events").unwrap().rows.len(), 1);
    let zip = data
        .to_zip("read me", &|table, column| format!("{table}/{column}"))
        .unwrap();
    assert!(zip.starts_with(b"PK"));
    let csv = data
        .table("person")
        .unwrap()
        .to_csv(&|table, column| format!("{table}/{column}"))
        .unwrap();
    let header = String::from_utf8(csv).unwrap();
    assert!(
        header.starts_with("\u{feff}person/employee_number,person/given_name,"),
        "CSV headings come from the caller: {header}"
    );
    let json = data.table("person").unwrap().to_json();
    assert!(json.contains("\"employee_number\""), "{json}");
}

/// Free text can name a person, so it goes with them; their ratings, choices and knowledge-round
/// answers stay for the campaign's figures, with nothing left that leads back to them.
async fn erasing_a_person_deletes_their_free_text_and_unlinks_the_rest_of_their_answers(
    backend: Backend,
) {
    use skillgym_domain::audit::survey::Mapping;
    use skillgym_domain::audit::{QuestionKind, Rating};
    use skillgym_store::ResponseAnswers;
    let (db, org) = demo_store(backend).await;
    let store = &db.store;
    let admin = person_by_email(store, "admin@afon.example").await;
    let learner = person_by_email(store, "learner@afon.example").await;
    let summary = store.campaigns(org).await.unwrap().remove(0);
    let campaign = store.campaign(org, summary.id).await.unwrap();
    let question = |kind: QuestionKind| {
        campaign
            .questions
            .iter()
            .find(|(_, q)| q.kind == kind)
            .map(|(id, _)| *id)
            .expect("the demo campaign asks such a question")
    };
    let (text, single) = (question(QuestionKind::Text), question(QuestionKind::Single));
    let competence = campaign.areas[0].competences[0].id;

    // The learner answers on the web, writing something only they would write.
    let response = store.start_response(campaign.id, learner).await.unwrap();
    let mut answers = ResponseAnswers::default();
    answers.ratings.insert(competence, Rating::Level(4));
    answers.profile.insert(single, "1".into());
    answers
        .profile
        .insert(text, "I run the Tuesday code club at Llanfair".into());
    store
        .save_section(response.id, 1, &answers, &[])
        .await
        .unwrap();
    store.submit_response(response.id).await.unwrap();

    // Someone else answers in SurveyMonkey, imported with their response id.
    let imported_person = store
        .people(
            org,
            &PersonFilter {
                limit: 100,
                ..PersonFilter::default()
            },
        )
        .await
        .unwrap()
        .0
        .into_iter()
        .find(|p| p.id != learner && p.id != admin)
        .unwrap()
        .id;
    let email = store
        .person(org, imported_person)
        .await
        .unwrap()
        .email
        .expect("demo people have email addresses");
    let file = format!(
        "Id,Email,\"{}\"\n114000001,{email},3\n",
        campaign.areas[0].competences[1].title.en
    );
    let mapping = |unmatched: &str| {
        Mapping::from_json(&format!(
            r#"{{"respondent": {{"by": "email", "column": "Email", "unmatched": "{unmatched}"}},
                "response_id": "Id",
                "columns": [{{"column": "C", "competence": "{}"}}]}}"#,
            campaign.areas[0].competences[1].code
        ))
        .unwrap()
    };
    let first = store
        .import_survey(org, campaign.id, file.as_bytes(), &mapping("problem"))
        .await
        .unwrap();
    assert_eq!(first.added, 1);
    let responses_before = store
        .campaign_columns(org, &campaign)
        .await
        .unwrap()
        .responses();

    for person in [learner, imported_person] {
        store
            .erase_person(org, person, Actor::Person(admin))
            .await
            .unwrap();
    }

    // The learner's response is still there, with their rating and choice, but not their words.
    let kept = store.response_answers(response.id).await.unwrap();
    assert_eq!(kept.ratings.get(&competence), Some(&Rating::Level(4)));
    assert_eq!(kept.profile.get(&single).map(String::as_str), Some("1"));
    assert!(!kept.profile.contains_key(&text), "the free text is gone");
    let columns = store.campaign_columns(org, &campaign).await.unwrap();
    assert_eq!(
        columns.responses(),
        responses_before,
        "the figures keep every response"
    );
    assert!(columns.person.iter().all(|p| *p != Some(learner.0)));
    // The imported response no longer carries the other tool's id: the export, which names
    // its respondent, cannot be matched to it. Importing it again (its email now unknown, kept
    // without a name) adds a response rather than finding the erased one.
    let again = store
        .import_survey(org, campaign.id, file.as_bytes(), &mapping("anonymous"))
        .await
        .unwrap();
    assert_eq!((again.added, again.updated), (1, 0));
}
