//! The weekly question: anyone asks the digital team, with their name or without it; a
//! question asked without a name keeps nothing of who asked; the team answers, and the answer
//! is in the FAQ for everyone, by words and skill, and on the pages of activities that build
//! the skill; each Monday everyone gets one email of the week's answers, once however many
//! instances run; the asker's questions are in their data download and go when they are
//! erased. On both databases.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::{Email, PersonId};
use skillgym_store::{AuditFilter, NewAnswer, PersonFilter};
use skillgym_test_db::{Backend, both_backends};
use std::collections::BTreeSet;
use time::Duration;

both_backends!(
    a_question_asked_without_a_name_keeps_nothing_of_who_asked,
    the_team_answers_and_everyone_finds_the_answer_by_words_and_skill,
    the_weeks_answers_go_to_everyone_once_whatever_the_instances,
    an_askers_questions_are_in_their_data_and_go_with_them,
);

async fn person_of(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

async fn event_count(app: &TestApp) -> usize {
    let filter = AuditFilter {
        limit: 100_000,
        ..AuditFilter::default()
    };
    app.store()
        .audit_events(app.org, &filter)
        .await
        .unwrap()
        .0
        .len()
}

async fn ask(app: &TestApp, client: &reqwest::Client, question: &str, anonymous: bool) {
    let mut fields = vec![("question", question)];
    if anonymous {
        fields.push(("anonymous", "yes"));
    }
    let response = app.post(client, "/questions/ask", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let done = if anonymous { "anonymous" } else { "named" };
    assert_eq!(location(&response), format!("/questions?done={done}"));
}

async fn a_question_asked_without_a_name_keeps_nothing_of_who_asked(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let learner = app.signed_in("learner@afon.example").await;
    let events = event_count(&app).await;

    // An empty question is refused in the error summary, and nothing is kept.
    let before = store.waiting_questions(app.org).await.unwrap();
    let refused = app
        .post(&learner, "/questions/ask", &[("question", "  ")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("error-summary") && html.contains("Enter your question"));
    assert_eq!(store.waiting_questions(app.org).await.unwrap(), before);

    ask(
        &app,
        &learner,
        "Why does the self-service kiosk freeze?",
        true,
    )
    .await;
    let waiting = store.waiting_questions(app.org).await.unwrap();
    assert_eq!(waiting.len(), before.len() + 1);
    let question = waiting.last().unwrap();
    assert_eq!(question.asked_by, None);
    assert_eq!(question.asker, None);
    // Not in the audit trail either, which would say who did it and when.
    assert_eq!(event_count(&app).await, events);

    // Nobody but the team sees a question waiting; the learner does not find it among theirs.
    let page = app.page(&learner, "/questions?done=anonymous").await;
    assert!(page.contains("Your question is sent without your name"));
    assert!(!page.contains("kiosk"));
    let path = format!("/questions/{}", question.id);
    for email in [
        "learner@afon.example",
        "champion@afon.example",
        "manager@afon.example",
    ] {
        let client = app.signed_in(email).await;
        assert_eq!(
            app.get(&client, &path).await.status(),
            StatusCode::NOT_FOUND,
            "{email}"
        );
    }
    let trainer = app.signed_in("trainer@afon.example").await;
    let list = app.page(&trainer, "/questions/waiting").await;
    assert!(list.contains("Why does the self-service kiosk freeze?"));
    assert!(list.contains("Without a name"));
    let shown = app.page(&trainer, &path).await;
    assert!(shown.contains("Asked without a name"));

    // With a name, the team sees who, and the asker finds it among theirs.
    ask(
        &app,
        &learner,
        "Where do I find the scanner settings?",
        false,
    )
    .await;
    let learner_id = person_of(&app, "learner@afon.example").await;
    let named = store.questions_asked_by(app.org, learner_id).await.unwrap();
    assert_eq!(named.len(), 1);
    let record = store.person(app.org, learner_id).await.unwrap();
    let list = app.page(&trainer, "/questions/waiting").await;
    assert!(list.contains(&record.name()), "the asker's name");
    let own = app.page(&learner, "/questions").await;
    assert!(own.contains("Where do I find the scanner settings?"));
    assert!(own.contains("Waiting for an answer"));
    assert_eq!(
        app.get(&learner, &format!("/questions/{}", named[0].id))
            .await
            .status(),
        StatusCode::OK
    );
}

async fn the_team_answers_and_everyone_finds_the_answer_by_words_and_skill(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let learner = app.signed_in("learner@afon.example").await;
    ask(
        &app,
        &learner,
        "I was helping Mrs Jones at Afon branch: how do I attach a photo to an email?",
        true,
    )
    .await;
    let id = store
        .waiting_questions(app.org)
        .await
        .unwrap()
        .last()
        .unwrap()
        .id;
    // A skill that an activity in the catalogue builds.
    let activity = store
        .catalogue(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|a| !a.activity.builds.is_empty())
        .unwrap();
    let competence = activity.activity.builds[0].competence.clone();
    assert!(
        !app.page(&learner, &format!("/learning/{}", activity.id))
            .await
            .contains(&format!("/questions/{id}")),
        "nothing linked before the answer"
    );

    let trainer = app.signed_in("trainer@afon.example").await;
    let path = format!("/questions/{id}/answer");
    let form = app.page(&trainer, &path).await;
    assert!(
        form.contains("Mrs Jones"),
        "the team reads it as it was asked"
    );
    // An answer left out, and a skill the organisation does not have: refused, nothing changes.
    let refused = app
        .post(
            &trainer,
            &path,
            &[
                ("wording", "How do I attach a photo to an email?"),
                ("answer", ""),
                ("competence", "no-such-skill"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Enter the answer") && html.contains("Choose a skill from the list"));
    assert!(
        !store
            .weekly_question(app.org, id)
            .await
            .unwrap()
            .is_answered()
    );

    let response = app
        .post(
            &trainer,
            &path,
            &[
                ("wording", "How do I attach a photo to an email?"),
                (
                    "answer",
                    "Choose the paperclip, then Photos.\r\nOn a library PC, save it first.",
                ),
                ("competence", &competence),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&response),
        format!("/questions/{id}?done=answered")
    );
    let answered = store.weekly_question(app.org, id).await.unwrap();
    assert!(answered.is_answered());
    assert_eq!(answered.title(), "How do I attach a photo to an email?");
    let filter = AuditFilter {
        limit: 1000,
        ..AuditFilter::default()
    };
    let (events, _) = store.audit_events(app.org, &filter).await.unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.action_code == "question-answered" && e.detail == format!("question={id}"))
    );

    // Everyone reads the answer in the team's wording; what was asked stays with the team.
    let champion = app.signed_in("champion@afon.example").await;
    let page = app.page(&champion, &format!("/questions/{id}")).await;
    assert!(page.contains("Choose the paperclip, then Photos."));
    assert!(page.contains("On a library PC, save it first."));
    assert!(!page.contains("Mrs Jones"));
    // Found by every word, in any case, and by skill; not by words it lacks.
    let found = |q: &str| format!("/questions?q={q}");
    assert!(
        app.page(&champion, &found("PHOTO+paperclip"))
            .await
            .contains(&format!("/questions/{id}\""))
    );
    assert!(
        !app.page(&champion, &found("photo+printer"))
            .await
            .contains(&format!("/questions/{id}\""))
    );
    assert!(
        app.page(&champion, &format!("/questions?competence={competence}"))
            .await
            .contains(&format!("/questions/{id}\""))
    );
    // Linked from the activities that build the skill.
    assert!(
        app.page(&learner, &format!("/learning/{}", activity.id))
            .await
            .contains(&format!("/questions/{id}\""))
    );

    // Removed by the team, it goes from the FAQ, in the audit trail by number only.
    let response = app
        .post(&trainer, &format!("/questions/{id}/remove"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get(&champion, &format!("/questions/{id}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let (events, _) = store.audit_events(app.org, &filter).await.unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.action_code == "question-removed" && e.detail == format!("question={id}"))
    );

    // Another organisation's question is not there to see, answer or remove.
    let other = common::add_organisation(&app, "Bro Library Service", "bro.example").await;
    let theirs = store.ask_question(other, None, "Theirs?").await.unwrap();
    for p in ["", "/answer", "/remove"] {
        assert_eq!(
            app.get(&trainer, &format!("/questions/{theirs}{p}"))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
    }
}

async fn the_weeks_answers_go_to_everyone_once_whatever_the_instances(backend: Backend) {
    let smtp = common::smtp::SmtpServer::start().await;
    let config = skillgym_web::WebConfig {
        mailer: Some(smtp.mailer()),
        ..skillgym_web::WebConfig::default()
    };
    let app = common::spawn_app_with(backend, config).await;
    let one = app.store().clone();
    let two = skillgym_store::Store::connect(&app.db.url).await.unwrap();
    let mailer = smtp.mailer();
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let next_monday = common::next_monday(today);
    let at = common::uk_at;
    // The team answers two questions this week.
    let trainer = person_of(&app, "trainer@afon.example").await;
    let mut titles = Vec::new();
    for (asked, answer) in [
        (
            "How do I reset a borrower's PIN?",
            "From the borrower's record, choose Reset PIN.",
        ),
        (
            "Can the public print from phones?",
            "Yes: send it to print@afon.example.",
        ),
    ] {
        let id = one.ask_question(app.org, None, asked).await.unwrap();
        let new = NewAnswer {
            wording: None,
            answer: answer.into(),
            competence: None,
        };
        one.answer_question(app.org, id, &new, trainer)
            .await
            .unwrap();
        titles.push((id, asked, answer));
    }
    // Another organisation that answered nothing this week (its demo answers removed) sends
    // its people nothing.
    let bro = common::add_organisation(&app, "Bro Library Service", "bro.example").await;
    let someone_at_bro = *one.person_ids(bro).await.unwrap().values().next().unwrap();
    for q in one.answered_questions(bro).await.unwrap() {
        one.remove_question(bro, q.id, someone_at_bro)
            .await
            .unwrap();
    }

    // Everyone with an open account who has not left, from the store's own records.
    let expected: BTreeSet<String> = {
        let filter = PersonFilter {
            present_on: Some(next_monday),
            limit: i64::MAX,
            ..PersonFilter::default()
        };
        let mut emails = BTreeSet::new();
        for p in one.people(app.org, &filter).await.unwrap().0 {
            let record = one.person(app.org, p.id).await.unwrap();
            if let (Some(_), Some(email)) = (record.account, record.email)
                && !record.account_disabled
            {
                emails.insert(email);
            }
        }
        emails
    };
    assert!(expected.len() > 3);

    // Before nine on the Monday after, nothing goes.
    let early =
        skillgym_web::run_question_digest_job(&one, &mailer, &app.url, "one", at(next_monday, 8))
            .await
            .unwrap();
    assert_eq!(early.map(|s| s.sent), Some(0));
    // At nine, two instances: one of them sends, once to each.
    let (a, b) = futures_util::future::join(
        skillgym_web::run_question_digest_job(&one, &mailer, &app.url, "one", at(next_monday, 9)),
        skillgym_web::run_question_digest_job(&two, &mailer, &app.url, "two", at(next_monday, 9)),
    )
    .await;
    let runs = [a.unwrap(), b.unwrap()];
    assert_eq!(runs.iter().flatten().count(), 1, "{runs:?}");
    assert_eq!(runs.iter().flatten().next().unwrap().sent, expected.len());
    // Later that week, from either instance: nothing more.
    for (store, name) in [(&one, "one"), (&two, "two")] {
        let again = skillgym_web::run_question_digest_job(
            store,
            &mailer,
            &app.url,
            name,
            at(next_monday + Duration::days(3), 10),
        )
        .await
        .unwrap();
        assert_eq!(again.map(|s| s.sent).unwrap_or(0), 0);
    }
    // The Monday after that, the week before answered nothing: no email.
    let quiet = skillgym_web::run_question_digest_job(
        &one,
        &mailer,
        &app.url,
        "one",
        at(next_monday + Duration::days(7), 10),
    )
    .await
    .unwrap();
    assert_eq!(quiet.map(|s| s.sent), Some(0));
    // Claiming one email from both instances at once: one of them has it.
    let someone = person_of(&app, "learner@afon.example").await;
    let week = next_monday + Duration::days(7);
    let (x, y) = futures_util::future::join(
        one.claim_question_digest(app.org, someone, week),
        two.claim_question_digest(app.org, someone, week),
    )
    .await;
    assert_ne!(x.unwrap(), y.unwrap());

    let messages = smtp.wait_for(expected.len()).await;
    assert_eq!(messages.len(), expected.len());
    let sent_to: BTreeSet<String> = messages.iter().map(|m| m.to.clone()).collect();
    assert_eq!(sent_to, expected);
    // The week's answers, as the store has them (the demo's are in earlier weeks).
    let week = one
        .answered_between(
            app.org,
            at(next_monday - Duration::days(7), 0),
            at(next_monday, 0),
        )
        .await
        .unwrap()
        .len();
    assert!(week >= 2);
    for m in &messages {
        assert_eq!(
            m.subject,
            format!("This week's {week} answers from the digital team")
        );
        for (id, asked, answer) in &titles {
            assert!(m.body.contains(asked), "{asked} in {}", m.body);
            assert!(m.body.contains(answer));
            assert!(m.body.contains(&format!("{}/questions/{id}", app.url)));
        }
    }
    two.close().await;
}

async fn an_askers_questions_are_in_their_data_and_go_with_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let learner = person_of(&app, "learner@afon.example").await;
    let trainer = person_of(&app, "trainer@afon.example").await;
    let answered = store
        .ask_question(
            app.org,
            Some(learner),
            "Is Mr Evans' blue badge renewal online?",
        )
        .await
        .unwrap();
    store
        .answer_question(
            app.org,
            answered,
            &NewAnswer {
                wording: Some("Is a blue badge renewal online?".into()),
                answer: "Yes, on GOV.UK.".into(),
                competence: None,
            },
            trainer,
        )
        .await
        .unwrap();
    let waiting = store
        .ask_question(app.org, Some(learner), "Who fixes the kiosk?")
        .await
        .unwrap();
    let anonymous = store
        .ask_question(app.org, None, "Asked without a name")
        .await
        .unwrap();

    let data = store.personal_data(app.org, learner).await.unwrap();
    let table = data.table("weekly_questions").unwrap();
    assert_eq!(table.rows.len(), 2, "the named ones, not the anonymous one");

    store
        .erase_person(app.org, learner, skillgym_store::Actor::System)
        .await
        .unwrap();
    // The one waiting goes; the answered one stays in the FAQ as everyone reads it, tied to
    // nobody, and without the words only the team had read.
    assert!(matches!(
        store.weekly_question(app.org, waiting).await,
        Err(skillgym_store::StoreError::NotFound)
    ));
    let kept = store.weekly_question(app.org, answered).await.unwrap();
    assert_eq!(kept.asked_by, None);
    assert_eq!(kept.question, "Is a blue badge renewal online?");
    assert!(!kept.question.contains("Evans"));
    assert!(store.weekly_question(app.org, anonymous).await.is_ok());
    // The team member who answered can be erased too; the answer stays.
    store
        .erase_person(app.org, trainer, skillgym_store::Actor::System)
        .await
        .unwrap();
    assert!(
        store
            .weekly_question(app.org, answered)
            .await
            .unwrap()
            .is_answered()
    );
}
