//! The retention period on the settings pages, on both backends: admins see what it does to
//! whom, change it (a shorter period that erases people at once only after confirming how
//! many), bad values are refused with an error summary, and every change is in the audit trail.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::PersonId;
use skillgym_store::{AuditAction, AuditFilter, PersonFilter, months_before};
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    the_settings_page_explains_the_period_and_who_it_applies_to,
    bad_periods_are_refused_with_an_error_summary,
    a_shorter_period_that_erases_people_needs_confirming,
    the_retention_job_uses_the_period_saved,
);

async fn person_of(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&skillgym_domain::Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

/// The first `n` people of the demo, leaving out the admin who signs in.
async fn some_people(app: &TestApp, n: usize) -> Vec<PersonId> {
    let filter = PersonFilter {
        limit: 1000,
        ..PersonFilter::default()
    };
    let (people, _) = app.store().people(app.org, &filter).await.unwrap();
    let admin = person_of(app, "admin@afon.example").await;
    people
        .into_iter()
        .map(|p| p.id)
        .filter(|id| *id != admin)
        .take(n)
        .collect()
}

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

async fn left(app: &TestApp, person: PersonId, months_ago: i64) {
    app.store()
        .set_left_on(app.org, person, Some(months_before(today(), months_ago)))
        .await
        .unwrap();
}

async fn retention_events(app: &TestApp) -> Vec<skillgym_store::AuditEventRecord> {
    let filter = AuditFilter {
        action: Some(AuditAction::RetentionChanged),
        limit: 100,
        ..AuditFilter::default()
    };
    app.store().audit_events(app.org, &filter).await.unwrap().0
}

async fn the_settings_page_explains_the_period_and_who_it_applies_to(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let html = app.page(&admin, "/settings").await;
    assert!(
        html.contains("People who have left are erased 24 months after the day they left."),
        "{html}"
    );
    assert!(html.contains(r#"href="/settings/retention""#));

    let html = app.page(&admin, "/settings/retention").await;
    assert!(
        html.contains("skillgym holds no data about anyone who has left."),
        "{html}"
    );
    assert!(html.contains(r#"value="24""#));
    assert!(html.contains("groups of 5 or more people"));

    let people = some_people(&app, 2).await;
    left(&app, people[0], 3).await;
    left(&app, people[1], 12).await;
    let html = app.page(&admin, "/settings/retention").await;
    assert!(
        html.contains("skillgym holds the data of 2 people who have left."),
        "{html}"
    );
    // The one who left 12 months ago goes first, 24 months after leaving (plus a day).
    let erased_on = skillgym_domain::RetentionPeriod::DEFAULT.erased_on(months_before(today(), 12));
    assert!(
        html.contains(&format!("will be erased on {} ", erased_on.day())),
        "{html}"
    );
    assert!(html.contains(&erased_on.year().to_string()));
}

async fn bad_periods_are_refused_with_an_error_summary(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    for (typed, message) in [
        ("", "Enter the retention period in months"),
        (
            "1.5",
            "Enter the retention period as a whole number of months, like 24",
        ),
        (
            "two years",
            "Enter the retention period as a whole number of months, like 24",
        ),
        ("0", "The retention period must be between 1 and 120 months"),
        (
            "121",
            "The retention period must be between 1 and 120 months",
        ),
    ] {
        let response = app
            .post(&admin, "/settings/retention", &[("months", typed)])
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{typed}"
        );
        let html = response.text().await.unwrap();
        assert!(html.contains("error-summary"), "{typed}");
        assert!(html.contains(r##"<a href="#months">"##), "{typed}: {html}");
        assert!(html.contains(message), "{typed}: {html}");
        assert!(html.contains("<title>Error: "), "{typed}");
        // What was typed stays in the box.
        assert!(
            html.contains(&format!(r#"value="{}""#, typed.trim())),
            "{typed}"
        );
    }
    assert_eq!(
        app.store()
            .retention_period(app.org)
            .await
            .unwrap()
            .months(),
        24
    );
    assert!(retention_events(&app).await.is_empty());
}

async fn a_shorter_period_that_erases_people_needs_confirming(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let admin_id = person_of(&app, "admin@afon.example").await;
    let people = some_people(&app, 3).await;
    left(&app, people[0], 2).await;
    left(&app, people[1], 10).await;
    left(&app, people[2], 14).await;

    // Longer: saved at once, nobody is due.
    let response = app
        .post(&admin, "/settings/retention", &[("months", "72")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/settings/retention?saved=1");
    let html = app.page(&admin, "/settings/retention?saved=1").await;
    assert!(html.contains("The retention period has been saved."));
    assert!(html.contains(r#"value="72""#));

    // Shorter, with two people past it: the page asks first, and nothing changes.
    let response = app
        .post(&admin, "/settings/retention", &[("months", "6")])
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("With this period, 2 people who left before"),
        "{html}"
    );
    assert!(html.contains("I understand that 2 people will be erased"));
    assert!(!html.contains("error-summary"));
    assert_eq!(
        app.store()
            .retention_period(app.org)
            .await
            .unwrap()
            .months(),
        72
    );

    // Sent again without ticking: an error.
    let response = app
        .post(
            &admin,
            "/settings/retention",
            &[("months", "6"), ("confirm_for", "6")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains(r##"<a href="#confirm">"##), "{html}");
    // A box ticked for another figure does not count.
    let response = app
        .post(
            &admin,
            "/settings/retention",
            &[("months", "3"), ("confirm", "yes"), ("confirm_for", "6")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("I understand that 2 people will be erased")
    );
    assert_eq!(
        app.store()
            .retention_period(app.org)
            .await
            .unwrap()
            .months(),
        72
    );

    // Ticked: saved, and recorded in the audit trail.
    let response = app
        .post(
            &admin,
            "/settings/retention",
            &[("months", "6"), ("confirm", "yes"), ("confirm_for", "6")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.store()
            .retention_period(app.org)
            .await
            .unwrap()
            .months(),
        6
    );
    let events = retention_events(&app).await;
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].detail, "previous-months=72 months=6");
    assert_eq!(events[1].detail, "previous-months=24 months=72");
    assert_eq!(events[0].actor.as_ref().unwrap().0, admin_id);
    assert!(events[0].subject.is_none());
    let html = app.page(&admin, "/audit-trail").await;
    assert!(html.contains("Changed the retention period"), "{html}");
    assert!(html.contains("was 72 months; now 6 months"), "{html}");

    // Saving the same period again records nothing.
    let response = app
        .post(&admin, "/settings/retention", &[("months", "6")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(retention_events(&app).await.len(), 2);
}

async fn the_retention_job_uses_the_period_saved(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let people = some_people(&app, 2).await;
    left(&app, people[0], 2).await;
    left(&app, people[1], 10).await;
    let before = app.people_count().await;
    let response = app
        .post(
            &admin,
            "/settings/retention",
            &[("months", "9"), ("confirm", "yes"), ("confirm_for", "9")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let run = app.store().run_due_jobs("test").await.unwrap();
    assert_eq!(run.erased, 1);
    assert_eq!(app.people_count().await, before - 1);
    assert!(app.store().person(app.org, people[1]).await.is_err());
    assert!(app.store().person(app.org, people[0]).await.is_ok());
    let html = app.page(&admin, "/settings/retention").await;
    assert!(
        html.contains("skillgym holds the data of 1 person who has left."),
        "{html}"
    );
}
