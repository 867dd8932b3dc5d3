//! Evaluation: someone who came to a session says how it went on a form that works without
//! JavaScript (every problem in the error summary, answers kept, sending again changes the one
//! answer); the follow-ups go out once however many instances run, by a link that opens a page
//! for the person signed in; the report's arithmetic on a worked example, with a group under
//! the anonymity threshold hidden and the same table as CSV. On both databases.

mod common;

use common::{TestApp, location, spawn_app, uk_at};
use reqwest::StatusCode;
use skillgym_domain::analysis::AnonymityThreshold;
use skillgym_domain::audit::Localised;
use skillgym_domain::evaluation::{
    Barrier, Feedback, FollowUpAnswer, Objectives, Score, Takeaways,
};
use skillgym_domain::learning::{Activity, ActivityCode, ActivityKind, Languages};
use skillgym_domain::{ActivityId, Email, PersonId};
use skillgym_store::{Actor, NewSession, PersonFilter, ToEvaluate};
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    someone_who_came_gives_feedback_on_a_form_that_needs_no_script,
    a_follow_up_goes_once_whatever_the_instances_and_its_link_opens_the_form,
    the_report_weighs_a_worked_example_and_hides_a_small_group,
    an_administrator_changes_the_follow_up_days,
);

async fn person_of(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

/// A new activity of the demo organisation's catalogue, from `provider`, building SAFE-1.
async fn new_activity(app: &TestApp, code: &str, provider: &str) -> ActivityId {
    let activity = Activity {
        code: ActivityCode::parse(code).unwrap(),
        title: Localised::new(format!("Evaluated {code}"), None),
        summary: Localised::new("For the evaluation tests.".to_string(), None),
        kind: ActivityKind::Course,
        provider: provider.to_string(),
        minutes: 60,
        cost_pence: 0,
        languages: Languages::parse("en").unwrap(),
        url: None,
        completion: None,
        builds: Vec::new(),
    };
    app.store()
        .save_activity(app.org, None, &activity)
        .await
        .unwrap()
}

fn score(n: i64) -> Score {
    Score::new(n).unwrap()
}

async fn someone_who_came_gives_feedback_on_a_form_that_needs_no_script(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let activity = new_activity(&app, "EVAL-FORM", "Afon training").await;
    let trainer = person_of(&app, "trainer@afon.example").await;
    let learner = person_of(&app, "learner@afon.example").await;
    let now = skillgym_store::now();
    let session = store
        .schedule_session(
            app.org,
            activity,
            &NewSession {
                // A session about to start, booked, then over: places are taken only before.
                starts_at: now + 3,
                ends_at: now + 4,
                site: None,
                capacity: 10,
            },
        )
        .await
        .unwrap();
    store
        .set_session_facilitator(app.org, session, Some(trainer))
        .await
        .unwrap();
    store.book_session(app.org, session, learner).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    let client = app.signed_in("learner@afon.example").await;
    let form = format!("/me/feedback/{activity}");
    // Booked but not marked as having come: nothing to say yet.
    assert_eq!(
        app.get(&client, &form).await.status(),
        StatusCode::NOT_FOUND
    );
    store
        .mark_attendance(app.org, session, &[(learner, true)])
        .await
        .unwrap();
    let list = app.page(&client, "/me/feedback").await;
    assert!(list.contains(&format!("href=\"{form}\"")), "{list}");
    let page = app.page(&client, &form).await;
    assert!(
        page.contains("How good was"),
        "the facilitator is asked about"
    );
    assert!(!page.contains("<script"), "the form needs no script");

    // Sent empty: every problem is in the error summary, each linked to its question.
    let response = app.post(&client, &form, &[]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("class=\"error-summary\""));
    for field in [
        "usefulness",
        "facilitator",
        "objectives",
        "takeaway1",
        "more_effective",
    ] {
        assert!(
            html.contains(&format!("href=\"#{field}\"")),
            "{field} in the summary"
        );
    }
    // Half done: what was chosen stays chosen.
    let response = app
        .post(
            &client,
            &form,
            &[("usefulness", "4"), ("takeaway2", "Ask first")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("value=\"4\" checked"));
    assert!(html.contains("value=\"Ask first\""));
    assert!(!html.contains("href=\"#usefulness\""));
    assert!(!html.contains("href=\"#takeaway1\""));

    let full = [
        ("usefulness", "4"),
        ("facilitator", "5"),
        ("objectives", "partly"),
        ("takeaway1", "Check the sender"),
        ("takeaway2", ""),
        ("takeaway3", "Use the library's guide"),
        ("more_effective", "3"),
    ];
    let response = app.post(&client, &form, &full).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/me/feedback?saved=1");
    let stored = store
        .feedback_of(app.org, learner, activity)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.feedback,
        Feedback {
            usefulness: score(4),
            facilitator: Some(score(5)),
            objectives: Objectives::Partly,
            takeaways: Takeaways::parse(&["Check the sender", "Use the library's guide"]).unwrap(),
            more_effective: score(3),
        }
    );
    // Sending again changes the one answer.
    let mut again = full;
    again[0] = ("usefulness", "2");
    let response = app.post(&client, &form, &again).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let facts: Vec<_> = store
        .evaluation_facts(app.org)
        .await
        .unwrap()
        .into_iter()
        .filter(|f| f.activity == activity)
        .collect();
    assert_eq!(facts.len(), 1);
    assert_eq!(facts[0].evaluated.usefulness, score(2));
    assert_eq!(facts[0].facilitator.as_ref().map(|f| f.0), Some(trainer));

    // It was the champion who ran it: a trainer changes the name on the session's page, and
    // the feedback given moves to them; someone who may not run sessions is refused.
    let trainer_client = app.signed_in("trainer@afon.example").await;
    let champion = person_of(&app, "champion@afon.example").await;
    let page_of_session = format!("/learning/sessions/{session}");
    let html = app.page(&trainer_client, &page_of_session).await;
    assert!(html.contains(&format!("<option value=\"{trainer}\" selected>")));
    let change = format!("{page_of_session}/facilitator");
    let response = app
        .post(
            &trainer_client,
            &change,
            &[("facilitator", &learner.to_string())],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::BAD_REQUEST,
        "a learner runs no sessions"
    );
    let response = app
        .post(
            &trainer_client,
            &change,
            &[("facilitator", &champion.to_string())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&response),
        format!("{page_of_session}?done=facilitator")
    );
    assert_eq!(
        store.session_facilitator(app.org, session).await.unwrap(),
        Some(champion)
    );
    let facts = store.evaluation_facts(app.org).await.unwrap();
    let moved = facts.iter().find(|f| f.activity == activity).unwrap();
    assert_eq!(moved.facilitator.as_ref().map(|f| f.0), Some(champion));
    let page = app.page(&client, &form).await;
    assert!(
        page.contains("value=\"2\" checked"),
        "the form shows the answer"
    );
    // Someone else, who did not come, cannot give feedback on it.
    let other = app.signed_in("champion@afon.example").await;
    let response = app.post(&other, &form, &full).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

/// Feedback from `person` on `activity`, done `days_ago` days before `today`.
async fn feedback(
    app: &TestApp,
    person: PersonId,
    activity: ActivityId,
    today: time::Date,
    days_ago: i64,
    given: Feedback,
) -> skillgym_domain::EvaluationId {
    let done = ToEvaluate {
        activity,
        title: Localised::new("x".to_string(), None),
        session: None,
        facilitator: None,
        done_on: today - time::Duration::days(days_ago),
        evaluation: None,
    };
    app.store()
        .save_feedback(app.org, person, &done, &given)
        .await
        .unwrap()
}

fn given(usefulness: i64, more_effective: i64, objectives: Objectives) -> Feedback {
    Feedback {
        usefulness: score(usefulness),
        facilitator: None,
        objectives,
        takeaways: Takeaways::parse(&["a secret takeaway"]).unwrap(),
        more_effective: score(more_effective),
    }
}

async fn a_follow_up_goes_once_whatever_the_instances_and_its_link_opens_the_form(
    backend: Backend,
) {
    let smtp = common::smtp::SmtpServer::start().await;
    let config = skillgym_web::WebConfig {
        mailer: Some(smtp.mailer()),
        ..skillgym_web::WebConfig::default()
    };
    let app = common::spawn_app_with(backend, config).await;
    let store = app.store();
    let activity = new_activity(&app, "EVAL-FOLLOW", "Afon training").await;
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let learner = person_of(&app, "learner@afon.example").await;
    let champion = person_of(&app, "champion@afon.example").await;
    let manager = person_of(&app, "manager@afon.example").await;
    // 31 and 95 days ago: due their 30-day and 90-day follow-ups; 10 days ago: none yet.
    let first = feedback(
        &app,
        learner,
        activity,
        today,
        31,
        given(4, 4, Objectives::Yes),
    )
    .await;
    let second = feedback(
        &app,
        champion,
        activity,
        today,
        95,
        given(3, 3, Objectives::No),
    )
    .await;
    feedback(
        &app,
        manager,
        activity,
        today,
        10,
        given(5, 5, Objectives::Yes),
    )
    .await;
    let mailer = smtp.mailer();
    // Tomorrow on the UK's clock, so that the hours below are always ahead of now (a job is
    // first due when it is registered).
    let today = today + time::Duration::days(1);
    // Before eight in the morning nothing goes.
    let early = skillgym_web::run_follow_up_job(store, &mailer, &app.url, "one", uk_at(today, 7))
        .await
        .unwrap();
    assert_eq!(early.map(|s| s.sent), Some(0));
    // Two instances at once, each running the sending itself: each follow-up is claimed once.
    let (a, b) = futures_util::future::join(
        skillgym_web::send_follow_ups(store, &mailer, &app.url, uk_at(today, 9)),
        skillgym_web::send_follow_ups(store, &mailer, &app.url, uk_at(today, 9)),
    )
    .await;
    assert_eq!(a.unwrap().sent + b.unwrap().sent, 2);
    // And as the scheduled job, from two instances: one runs it, and finds nothing more.
    let (a, b) = futures_util::future::join(
        skillgym_web::run_follow_up_job(store, &mailer, &app.url, "one", uk_at(today, 10)),
        skillgym_web::run_follow_up_job(store, &mailer, &app.url, "two", uk_at(today, 10)),
    )
    .await;
    let runs = [a.unwrap(), b.unwrap()];
    assert_eq!(runs.iter().flatten().count(), 1, "{runs:?}");
    assert_eq!(runs.iter().flatten().next().unwrap().sent, 0);
    let messages = smtp.wait_for(2).await;
    assert_eq!(messages.len(), 2, "{messages:?}");
    let mut to: Vec<&str> = messages.iter().map(|m| m.to.as_str()).collect();
    to.sort();
    assert_eq!(to, ["champion@afon.example", "learner@afon.example"]);
    let to_learner = messages
        .iter()
        .find(|m| m.to == "learner@afon.example")
        .unwrap();
    let link = to_learner.link(&app.url).expect("a link");
    assert_eq!(link, format!("{}/me/follow-ups/{first}/30", app.url));
    let champions = messages
        .iter()
        .find(|m| m.to == "champion@afon.example")
        .unwrap();
    assert!(
        champions
            .body
            .contains(&format!("/me/follow-ups/{second}/90")),
        "only the latest follow-up due is sent"
    );
    // The link opens a page for the person signed in, which changes nothing until answered.
    let path = link.trim_start_matches(&app.url).to_string();
    let client = app.signed_in("learner@afon.example").await;
    let page = app.page(&client, &path).await;
    assert!(page.contains("Have you used what you learned at work?"));
    let list = app.page(&client, "/me/feedback").await;
    assert!(list.contains(&path), "waiting on the list too");
    assert!(
        store
            .evaluation_facts(app.org)
            .await
            .unwrap()
            .iter()
            .filter(|f| f.activity == activity)
            .all(|f| f.evaluated.follow_up.is_none()),
        "opening the page answers nothing"
    );
    // Not used yet, with nothing said about why: refused, in the error summary.
    let response = app
        .post(&client, &path, &[("used", "no"), ("effectiveness", "2")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("href=\"#barriers\""));
    let response = app
        .post(
            &client,
            &path,
            &[
                ("used", "no"),
                ("barriers", "time"),
                ("barriers", "no-encouragement"),
                ("effectiveness", "2"),
                ("example", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let answered = store.follow_up(app.org, learner, first, 30).await.unwrap();
    assert_eq!(
        answered.answer,
        Some(FollowUpAnswer {
            used_at_work: false,
            barriers: vec![Barrier::NoEncouragement, Barrier::Time],
            other: None,
            effectiveness: score(2),
            example: String::new(),
        })
    );
    // Someone else's follow-up is not theirs to open.
    let other = format!("/me/follow-ups/{second}/90");
    assert_eq!(
        app.get(&client, &other).await.status(),
        StatusCode::NOT_FOUND
    );
    // Their data download holds it, and erasing the champion removes theirs.
    let data = store.personal_data(app.org, learner).await.unwrap();
    assert_eq!(data.table("evaluations").unwrap().rows.len(), 1);
    assert_eq!(data.table("evaluation_follow_ups").unwrap().rows.len(), 1);
    let admin = person_of(&app, "admin@afon.example").await;
    store
        .erase_person(app.org, champion, Actor::Person(admin))
        .await
        .unwrap();
    assert!(
        store
            .follow_ups_due(today + time::Duration::days(400))
            .await
            .unwrap()
            .iter()
            .all(|d| d.evaluation != second)
    );
}

async fn the_report_weighs_a_worked_example_and_hides_a_small_group(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let big = new_activity(&app, "EVAL-BIG", "Worked Example Ltd").await;
    let small = new_activity(&app, "EVAL-SMALL", "Small Provider Ltd").await;
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let filter = PersonFilter {
        limit: 7,
        ..PersonFilter::default()
    };
    let people: Vec<PersonId> = store
        .people(app.org, &filter)
        .await
        .unwrap()
        .0
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(people.len(), 7);
    // The worked example of docs/evaluation.md: five people, each followed up at 30 days.
    let example = [
        (5, 4, Objectives::Yes, true, vec!["time"], 4),
        (4, 4, Objectives::Yes, true, vec![], 3),
        (3, 2, Objectives::Partly, false, vec!["time"], 2),
        (4, 3, Objectives::No, false, vec!["time", "equipment"], 1),
        (2, 2, Objectives::Yes, true, vec!["confidence"], 5),
    ];
    for (person, (u, m, o, used, barriers, e)) in people.iter().zip(example) {
        let id = feedback(&app, *person, big, today, 40, given(u, m, o)).await;
        assert!(store.claim_follow_up(app.org, id, 30).await.unwrap());
        store.finish_follow_up(id, 30, Ok(())).await.unwrap();
        let answer = FollowUpAnswer::parse(
            if used { "yes" } else { "no" },
            &barriers,
            "",
            &e.to_string(),
            "an example nobody else reads",
        )
        .unwrap();
        store
            .answer_follow_up(app.org, *person, id, 30, &answer)
            .await
            .unwrap();
    }
    for person in &people[5..] {
        feedback(&app, *person, small, today, 5, given(1, 1, Objectives::No)).await;
    }
    let trainer = app.signed_in("trainer@afon.example").await;
    let html = app.page(&trainer, "/evaluation").await;
    let row = |html: &str, label: &str| -> String {
        let start = html
            .find(&format!("data-group=\"{label}\""))
            .unwrap_or_else(|| panic!("a row for {label}"));
        html[start..start + html[start..].find("</tr>").unwrap()].to_string()
    };
    let cells = |row: &str| -> Vec<String> {
        row.split("<td>")
            .skip(1)
            .map(|c| c[..c.find("</td>").unwrap()].to_string())
            .collect()
    };
    // n 5; usefulness (5+4+3+4+2)/5 = 3.6; more effective (4+4+2+3+2)/5 = 3.0; met its
    // objectives 3 of 5; followed up 5, used at work 3 of 5, more effective (4+3+2+1+5)/5 = 3.0;
    // barriers: time 3, equipment 1, confidence 1.
    let big_row = cells(&row(&html, "Evaluated EVAL-BIG"));
    assert_eq!(big_row[..4], ["5", "3.6", "3.0", "60%"]);
    assert_eq!(big_row[8..11], ["5", "60%", "3.0"]);
    assert!(big_row[11].contains("Confidence 1"), "{big_row:?}");
    assert!(big_row[11].contains("Time 3"), "{big_row:?}");
    assert!(big_row[11].contains("Equipment 1"), "{big_row:?}");
    let small_row = row(&html, "Evaluated EVAL-SMALL");
    assert!(
        small_row.contains("Hidden: fewer than 5 people gave feedback"),
        "{small_row}"
    );
    assert!(cells(&small_row).is_empty(), "no figure of a small group");
    assert!(!html.contains("a secret takeaway"));
    assert!(!html.contains("an example nobody else reads"));
    // The same table as CSV, by provider.
    let (header, rows) = app.csv_file(&trainer, "/evaluation.csv?by=provider").await;
    assert_eq!(header[0], "Provider");
    assert_eq!(header.len(), 15);
    let line = rows.iter().find(|r| r[0] == "Worked Example Ltd").unwrap();
    assert_eq!(line[1..5], ["5", "3.6", "3.0", "60%"]);
    assert_eq!(line[14], "");
    let line = rows.iter().find(|r| r[0] == "Small Provider Ltd").unwrap();
    assert!(line[1..14].iter().all(String::is_empty), "{line:?}");
    assert_eq!(line[14], "Hidden: fewer than 5 people gave feedback");
    // A threshold of 6 hides the five.
    let admin = person_of(&app, "admin@afon.example").await;
    store
        .change_anonymity_threshold(
            app.org,
            AnonymityThreshold::new(6).unwrap(),
            Actor::Person(admin),
        )
        .await
        .unwrap();
    let html = app.page(&trainer, "/evaluation").await;
    assert!(row(&html, "Evaluated EVAL-BIG").contains("Hidden: fewer than 6 people"));
    // A manager sees none of it.
    let manager = app.signed_in("manager@afon.example").await;
    assert_eq!(
        app.get(&manager, "/evaluation").await.status(),
        StatusCode::FORBIDDEN
    );
}

async fn an_administrator_changes_the_follow_up_days(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let page = app.page(&admin, "/settings/follow-ups").await;
    assert!(page.contains("value=\"30, 90\""));
    let response = app
        .post(&admin, "/settings/follow-ups", &[("days", "90, 400")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("href=\"#days\""));
    let response = app
        .post(&admin, "/settings/follow-ups", &[("days", "60, 14")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.store().follow_up_days(app.org).await.unwrap().days(),
        &[14, 60]
    );
    let filter = skillgym_store::AuditFilter {
        action: Some(skillgym_store::AuditAction::FollowUpDaysChanged),
        limit: 10,
        ..skillgym_store::AuditFilter::default()
    };
    let (events, _) = app.store().audit_events(app.org, &filter).await.unwrap();
    assert_eq!(events.len(), 1, "in the audit trail");
    assert!(
        events[0].detail.contains("days=14,60"),
        "{}",
        events[0].detail
    );
}
