//! Personal data rights on the web, on both backends: the audit trail records who saw what,
//! a person downloads their data, an admin erases a person, and a leaving date is kept.

mod common;

use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::{Email, PersonId};
use skillgym_store::{AuditAction, AuditFilter};
use skillgym_test_db::{Backend, both_backends};

async fn person(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

async fn trail(app: &TestApp) -> Vec<skillgym_store::AuditEventRecord> {
    let filter = AuditFilter {
        limit: 1000,
        ..AuditFilter::default()
    };
    app.store().audit_events(app.org, &filter).await.unwrap().0
}

both_backends!(
    viewing_changing_and_exporting_are_in_the_audit_trail,
    a_person_downloads_everything_held_about_them,
    an_admin_erases_a_person_after_confirming,
    a_leaving_date_is_kept_from_the_person_form,
);

async fn viewing_changing_and_exporting_are_in_the_audit_trail(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let learner = person(&app, "learner@afon.example").await;
    let admin_id = person(&app, "admin@afon.example").await;
    app.page(&admin, &format!("/people/{learner}")).await;
    app.page(&admin, "/me").await; // one's own page is not recorded
    let response = app.get(&admin, "/export/staff.csv").await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = app
        .post(
            &admin,
            &format!("/people/{learner}/access"),
            &[("role", "trainer")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    let events = trail(&app).await;
    let actions: Vec<_> = events.iter().filter_map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            AuditAction::AccessChanged,
            AuditAction::StaffExported,
            AuditAction::PersonViewed,
        ],
        "newest first"
    );
    assert!(
        events
            .iter()
            .all(|e| e.actor.as_ref().unwrap().0 == admin_id)
    );
    assert_eq!(events[0].subject.as_ref().unwrap().0, learner);
    assert_eq!(events[0].detail, "roles=learner,trainer");

    let html = app.page(&admin, "/audit-trail").await;
    assert!(html.contains("Changed their sign-in and roles"), "{html}");
    assert!(html.contains("roles: Learner, Trainer"));
    let html = app
        .page(&admin, &format!("/audit-trail?person={learner}"))
        .await;
    assert!(html.contains("2 records."), "{html}");
    let html = app.page(&admin, "/audit-trail?action=staff-exported").await;
    assert!(html.contains("One record."), "{html}");

    let response = app.get(&admin, "/audit-trail.csv").await;
    assert_eq!(response.status(), StatusCode::OK);
    let csv = response.text().await.unwrap();
    assert!(csv.contains(
        "When (UTC),Who: kind,Who: account number,Who,What,Whose data: person number,Whose data,Details"
    ));
    assert_eq!(csv.lines().count(), 4, "{csv}");
    // The headings follow the reader's language.
    app.post(&admin, "/language", &[("lang", "cy")]).await;
    let csv = app
        .get(&admin, "/audit-trail.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("Pryd (UTC),Pwy: math,Pwy: rhif cyfrif,Pwy,Beth,"),
        "{csv}"
    );
    app.post(&admin, "/language", &[("lang", "en")]).await;
    assert_eq!(
        trail(&app).await[0].action,
        Some(AuditAction::AuditTrailExported),
        "exporting the trail is recorded too"
    );

    // A manager viewing one of their people is recorded; learners are not let in at all.
    let manager = app.signed_in("manager@afon.example").await;
    let html = app.page(&manager, "/team").await;
    let start = html.find("href=\"/people/").unwrap() + 14;
    let id: i64 = html[start..start + html[start..].find('"').unwrap()]
        .parse()
        .unwrap();
    app.page(&manager, &format!("/people/{id}")).await;
    let latest = &trail(&app).await[0];
    assert_eq!(latest.action, Some(AuditAction::PersonViewed));
    assert_eq!(latest.subject.as_ref().unwrap().0, PersonId(id));
    let learner_client = app.signed_in("learner@afon.example").await;
    let response = app.get(&learner_client, "/audit-trail").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

async fn a_person_downloads_everything_held_about_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.signed_in("learner@afon.example").await;
    let html = app.page(&client, "/me").await;
    assert!(html.contains("action=\"/me/data\""), "a download button");
    let response = app.post(&client, "/me/data", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/zip"
    );
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("skillgym-my-data-")
    );
    let zip = response.bytes().await.unwrap();
    assert!(zip.starts_with(b"PK"));
    // The file names are stored uncompressed in the zip's directory.
    let text = String::from_utf8_lossy(&zip);
    for name in [
        "README.txt",
        "person.json",
        "person.csv",
        "sites.json",
        "account.csv",
        "audit_events.json",
    ] {
        assert!(text.contains(name), "{name} is in the zip");
    }
    let learner = person(&app, "learner@afon.example").await;
    let latest = &trail(&app).await[0];
    assert_eq!(latest.action, Some(AuditAction::OwnDataDownloaded));
    assert_eq!(latest.subject.as_ref().unwrap().0, learner);
    // Without a CSRF token nothing is downloaded.
    let response = client
        .post(format!("{}/me/data", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

async fn an_admin_erases_a_person_after_confirming(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let learner = person(&app, "learner@afon.example").await;
    let admin_id = person(&app, "admin@afon.example").await;
    // The learner is signed in somewhere when they are erased.
    let learner_client = app.signed_in("learner@afon.example").await;

    let html = app.page(&admin, &format!("/people/{learner}")).await;
    assert!(html.contains(&format!("href=\"/people/{learner}/erase\"")));
    let html = app.page(&admin, &format!("/people/{learner}/erase")).await;
    assert!(html.contains("cannot be undone"), "{html}");
    // The page says what happens to their audit answers, as erasure does it.
    assert!(html.contains("everything they wrote in their own words in a skills audit"));
    assert!(html.contains("ratings and chosen answers stay in the campaigns&#39; figures"));

    let path = format!("/people/{learner}/erase");
    let response = app.post(&admin, &path, &[]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app.store().person(app.org, learner).await.is_ok());

    let before = app.people_count().await;
    let response = app.post(&admin, &path, &[("confirm", "yes")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(app.people_count().await, before - 1);
    assert!(app.store().person(app.org, learner).await.is_err());
    let response = app.get(&learner_client, "/me").await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "their session ended"
    );
    let response = app.get(&admin, &format!("/people/{learner}")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    let events = trail(&app).await;
    assert_eq!(events[0].action, Some(AuditAction::PersonErased));
    assert!(events[0].subject.is_none() && events[0].subject_erased);
    assert_eq!(events[0].actor.as_ref().unwrap().0, admin_id);
    let html = app.page(&admin, "/audit-trail").await;
    assert!(html.contains("A person who has been erased"));

    // Admins cannot erase themselves; nobody else may erase anyone.
    let response = app.get(&admin, &format!("/people/{admin_id}/erase")).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .post(
            &admin,
            &format!("/people/{admin_id}/erase"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let manager = app.signed_in("manager@afon.example").await;
    let response = app
        .post(
            &manager,
            &format!("/people/{admin_id}/erase"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(app.store().person(app.org, admin_id).await.is_ok());
}

async fn a_leaving_date_is_kept_from_the_person_form(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let learner = person(&app, "learner@afon.example").await;
    let path = format!("/people/{learner}/edit");
    let html = app.page(&admin, &path).await;
    assert!(html.contains("name=\"left_on\""));
    // Post the form back as shown, with a leaving date.
    let record = app.store().person(app.org, learner).await.unwrap();
    let hours = record.contracted_hours.to_string();
    let site = record.sites[0].0.to_string();
    let mut fields = vec![
        ("employee_number", record.employee_number.to_string()),
        ("given_name", record.given_name.clone()),
        ("family_name", record.family_name.clone()),
        ("email", record.email.clone().unwrap_or_default()),
        ("employment", record.employment.as_str().to_string()),
        ("job_role", record.job_role.clone()),
        ("job_family", record.job_family.as_str().to_string()),
        ("contracted_hours", hours),
        ("site", site),
        ("left_on", "31/12/2025".to_string()),
    ];
    let bad: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = app.post(&admin, &path, &bad).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    fields.last_mut().unwrap().1 = "2025-12-31".into();
    let good: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = app.post(&admin, &path, &good).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let record = app.store().person(app.org, learner).await.unwrap();
    assert_eq!(
        record
            .left_on
            .map(skillgym_domain::people::format_date)
            .as_deref(),
        Some("2025-12-31")
    );
    let html = app.page(&admin, &format!("/people/{learner}")).await;
    // Shown as people write dates.
    assert!(html.contains("31 December 2025"));
    assert_eq!(
        trail(&app).await[1].action,
        Some(AuditAction::PersonChanged)
    );
}
