//! Clubs' weekly assignments: a trainer sets one; only the cohort (people with a place on one of
//! the club's sessions) reads it and hands in; the trainer gives feedback, after which the
//! submission stays as it was; what a member handed in is theirs to download and goes when they
//! are erased. On both databases.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::learning::ActivityKind;
use skillgym_domain::{ActivityId, AssignmentId, Email, PersonId};
use skillgym_store::{Actor, NewSession};
use skillgym_test_db::{Backend, both_backends};

both_backends!(only_the_cohort_hands_in_and_a_trainer_gives_feedback);

async fn club(app: &TestApp) -> ActivityId {
    app.store()
        .catalogue(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.activity.kind == ActivityKind::Club)
        .expect("the demo catalogue has a club")
        .id
}

async fn person(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

async fn only_the_cohort_hands_in_and_a_trainer_gives_feedback(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let club = club(&app).await;
    let trainer = app.signed_in("trainer@afon.example").await;

    // Setting an assignment: every mistake explained, nothing made.
    let path = format!("/learning/{club}/assignments");
    let refused = app
        .post(
            &trainer,
            &path,
            &[("title", ""), ("brief", ""), ("due", "soon")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Enter the day it is due"), "{html}");
    assert!(
        store
            .assignments_of(app.org, club)
            .await
            .unwrap()
            .is_empty()
    );
    let set = app
        .post(
            &trainer,
            &path,
            &[
                ("title", "Week 1: borrow an e-book"),
                (
                    "brief",
                    "Borrow an e-book on your phone and write down each step.",
                ),
                ("due", "2027-01-15"),
            ],
        )
        .await;
    assert_eq!(set.status(), StatusCode::SEE_OTHER);
    let assignment = store.assignments_of(app.org, club).await.unwrap()[0].clone();
    assert_eq!(
        location(&set),
        format!("/learning/assignments/{}", assignment.id)
    );
    let page = format!("/learning/assignments/{}", assignment.id);
    let submit = format!("{page}/submission");

    // Not in the cohort: no assignment to see or hand in to.
    let learner = app.signed_in("learner@afon.example").await;
    assert_eq!(
        app.get(&learner, &page).await.status(),
        StatusCode::NOT_FOUND
    );
    let early = app
        .post(&learner, &submit, &[("body", "I tried"), ("link", "")])
        .await;
    assert_eq!(early.status(), StatusCode::NOT_FOUND);

    // With a place on a session, they are in it.
    let starts_at = skillgym_store::now() + 5 * 86_400;
    let session = store
        .schedule_session(
            app.org,
            club,
            &NewSession {
                starts_at,
                ends_at: starts_at + 3600,
                site: None,
                capacity: 10,
            },
        )
        .await
        .unwrap();
    let learner_id = person(&app, "learner@afon.example").await;
    store
        .book_session(app.org, session, learner_id)
        .await
        .unwrap();
    let html = app.page(&learner, &page).await;
    assert!(html.contains("Borrow an e-book on your phone"));
    let listed = app.page(&learner, &format!("/learning/{club}")).await;
    assert!(listed.contains(&format!("href=\"{page}\"")));
    for (fields, message) in [
        (vec![("body", ""), ("link", "")], "Enter this"),
        (
            vec![("body", "I tried"), ("link", "ftp://example.org")],
            "http",
        ),
    ] {
        let refused = app.post(&learner, &submit, &fields).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains(message));
    }
    assert!(
        store
            .submission_of(assignment.id, learner_id)
            .await
            .unwrap()
            .is_none()
    );
    let handed = app
        .post(
            &learner,
            &submit,
            &[
                (
                    "body",
                    "Opened the app, signed in with my card, borrowed a book.",
                ),
                ("link", "https://example.org/my-notes"),
            ],
        )
        .await;
    assert_eq!(handed.status(), StatusCode::SEE_OTHER);

    // The trainer sees it among the cohort and gives feedback.
    let html = app.page(&trainer, &page).await;
    assert!(html.contains("signed in with my card"));
    let feedback = format!("{page}/feedback");
    let empty = app
        .post(
            &trainer,
            &feedback,
            &[("person", &learner_id.to_string()), ("feedback", "")],
        )
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let given = app
        .post(
            &trainer,
            &feedback,
            &[
                ("person", &learner_id.to_string()),
                ("feedback", "Clear steps. Next, try returning it early."),
            ],
        )
        .await;
    assert_eq!(given.status(), StatusCode::SEE_OTHER);
    // Someone who handed nothing in gets no feedback.
    let nobody = app
        .post(
            &trainer,
            &feedback,
            &[("person", "999999"), ("feedback", "Well done")],
        )
        .await;
    assert_eq!(nobody.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Learners give no feedback.
    let not_theirs = app
        .post(
            &learner,
            &feedback,
            &[("person", &learner_id.to_string()), ("feedback", "Great")],
        )
        .await;
    assert_eq!(not_theirs.status(), StatusCode::FORBIDDEN);

    // The member reads it; what they handed in no longer changes.
    let html = app.page(&learner, &page).await;
    assert!(html.contains("try returning it early"));
    let again = app
        .post(&learner, &submit, &[("body", "Changed"), ("link", "")])
        .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let kept = store
        .submission_of(assignment.id, learner_id)
        .await
        .unwrap()
        .unwrap();
    assert!(kept.body.starts_with("Opened the app"));

    // Theirs to download, and gone when they are erased.
    let data = store.personal_data(app.org, learner_id).await.unwrap();
    let rows = &data.table("club_submissions").unwrap().rows;
    assert_eq!(rows.len(), 1);
    store
        .erase_person(app.org, learner_id, Actor::System)
        .await
        .unwrap();
    assert!(
        store
            .submissions(app.org, AssignmentId(assignment.id.0))
            .await
            .unwrap()
            .is_empty()
    );
}
