//! A campaign with the admin's own questions, made on the web, answered on the web and by
//! import, marked on the server and shown in the results; and questions fixed once answered.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::{Client, StatusCode};
use skillgym_domain::CampaignId;
use skillgym_domain::audit::QuestionKind;
use skillgym_domain::audit::survey::Mapping;
use skillgym_store::Campaign;
use skillgym_test_db::{Backend, both_backends};

both_backends!(a_campaign_with_its_own_questions_is_answered_and_marked);

async fn post_ok(app: &TestApp, admin: &Client, path: &str, fields: &[(&str, &str)]) -> String {
    let response = app.post(admin, path, fields).await;
    let status = response.status();
    let to = location(&response).to_string();
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "POST {path}: {}",
        response.text().await.unwrap()
    );
    to
}

async fn campaign(app: &TestApp, id: CampaignId) -> Campaign {
    app.store().campaign(app.org, id).await.unwrap()
}

async fn a_campaign_with_its_own_questions_is_answered_and_marked(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let framework = app.store().frameworks(app.org).await.unwrap()[0].id;
    let stored = app.store().framework(app.org, framework).await.unwrap();
    let area = stored.framework.areas[0].clone();
    let today = time::OffsetDateTime::now_utc().date();
    let opens = skillgym_domain::people::format_date(today);
    let closes = skillgym_domain::people::format_date(today + time::Duration::days(14));
    // A campaign without the standard questions: the admin writes their own.
    let to = post_ok(
        &app,
        &admin,
        "/campaigns/new",
        &[
            ("title_en", "Our own questions"),
            ("title_cy", "Ein cwestiynau ein hunain"),
            ("framework", &framework.to_string()),
            ("area", &area.code),
            ("opens_on", &opens),
            ("closes_on", &closes),
            ("anonymous", "no"),
        ],
    )
    .await;
    let id = CampaignId(to.rsplit('/').next().unwrap().parse().unwrap());
    assert!(campaign(&app, id).await.questions.is_empty());
    let html = app.page(&admin, &format!("/campaigns/{id}")).await;
    assert!(html.contains(&format!("/campaigns/{id}/questions")));
    let base = format!("/campaigns/{id}");

    // Profile questions of every kind; a bad one is refused with its problems.
    let response = app
        .post(
            &admin,
            &format!("{base}/questions/new"),
            &[
                ("kind", "single"),
                ("prompt_en", "Where?"),
                ("options_en", "Only one"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("at least two options")
    );
    for fields in [
        vec![
            ("kind", "single"),
            ("prompt_en", "Where do you work most?"),
            ("prompt_cy", "Ble rydych chi'n gweithio fwyaf?"),
            (
                "options_en",
                "A branch library\nThe mobile library\nHeadquarters",
            ),
            (
                "options_cy",
                "Llyfrgell gangen\nY llyfrgell deithiol\nPencadlys",
            ),
        ],
        vec![
            ("kind", "multiple"),
            ("prompt_en", "Which devices do you use at work?"),
            ("options_en", "A PC\nA tablet\nA phone"),
        ],
        vec![
            ("kind", "number"),
            ("prompt_en", "Hours a week on the desk"),
            ("min", "0"),
            ("max", "40"),
        ],
        vec![("kind", "text"), ("prompt_en", "Anything else?")],
    ] {
        post_ok(&app, &admin, &format!("{base}/questions/new"), &fields).await;
    }
    let c = campaign(&app, id).await;
    let codes: Vec<&str> = c.questions.iter().map(|(_, q)| q.code.as_str()).collect();
    assert_eq!(codes, ["Q1", "Q2", "Q3", "Q4"]);
    let (q_where, q_devices, q_hours, q_else) = (
        c.questions[0].0,
        c.questions[1].0,
        c.questions[2].0,
        c.questions[3].0,
    );
    assert_eq!(c.questions[2].1.kind, QuestionKind::Number);
    // Rewording keeps the code; removing asks first.
    post_ok(
        &app,
        &admin,
        &format!("{base}/questions/{q_hours}/edit"),
        &[
            ("kind", "number"),
            ("prompt_en", "Hours a week at the desk"),
            ("prompt_cy", "Oriau'r wythnos wrth y ddesg"),
            ("min", "0"),
            ("max", "40"),
        ],
    )
    .await;
    let response = app
        .post(&admin, &format!("{base}/questions/{q_else}/remove"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    post_ok(
        &app,
        &admin,
        &format!("{base}/questions/{q_else}/remove"),
        &[("confirm", "yes")],
    )
    .await;

    // The knowledge round: one question with two right answers and a picture, one with one.
    let competence = &area.competences[0];
    let quiz_page = app.page(&admin, &format!("{base}/quiz/new")).await;
    assert!(quiz_page.contains(&competence.code) && quiz_page.contains("wifi.svg"));
    post_ok(
        &app,
        &admin,
        &format!("{base}/quiz/new"),
        &[
            ("competence", &competence.code),
            ("prompt_en", "Which of these keep an account safe?"),
            ("prompt_cy", "Pa rai o'r rhain sy'n cadw cyfrif yn ddiogel?"),
            ("option-1-en", "A long passphrase"),
            ("option-1-correct", "yes"),
            ("option-2-en", "The same password everywhere"),
            ("option-3-en", "Two-step verification"),
            ("option-3-correct", "yes"),
            ("image", "padlock.svg"),
            ("image_alt_en", "A padlock"),
            (
                "explanation_en",
                "Long passphrases and a second step both stop most attacks.",
            ),
        ],
    )
    .await;
    post_ok(
        &app,
        &admin,
        &format!("{base}/quiz/new"),
        &[
            ("competence", &competence.code),
            ("prompt_en", "What does the padlock by a web address mean?"),
            ("option-1-en", "The site is safe to trust"),
            ("option-2-en", "The connection is encrypted"),
            ("option-2-correct", "yes"),
        ],
    )
    .await;
    // A competence the campaign does not rate, or a picture not shipped, is refused.
    let other = stored.framework.areas[1].competences[0].code.clone();
    for (field, value) in [("competence", other.as_str()), ("image", "../secret.svg")] {
        let mut fields = vec![
            ("competence", competence.code.as_str()),
            ("prompt_en", "Refused"),
            ("option-1-en", "Yes"),
            ("option-1-correct", "yes"),
            ("option-2-en", "No"),
            ("image_alt_en", "Alt"),
        ];
        fields.retain(|(k, _)| *k != field);
        fields.push((field, value));
        let response = app.post(&admin, &format!("{base}/quiz/new"), &fields).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}"
        );
    }
    let c = campaign(&app, id).await;
    assert_eq!(c.quiz.len(), 2);
    assert!(c.quiz[0].1.multiple());
    assert_eq!(c.quiz[0].1.image.as_deref(), Some("padlock.svg"));
    let (k1, k2) = (c.quiz[0].0, c.quiz[1].0);
    let overview = app.page(&admin, &format!("{base}/questions")).await;
    assert!(overview.contains("Which devices do you use at work?"));
    assert!(overview.contains(&format!("{base}/quiz/{k1}/edit")));

    // A learner answers it on the web.
    let learner = app.signed_in("learner@afon.example").await;
    assert!(
        app.page(&learner, "/audits")
            .await
            .contains("Our own questions")
    );
    let response = app
        .post(&learner, &format!("/audits/{id}/start"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mut fields: Vec<(String, String)> = vec![
        (format!("q-{q_where}"), "1".into()),
        (format!("q-{q_devices}"), "0".into()),
        (format!("q-{q_devices}"), "2".into()),
        (format!("q-{q_hours}"), "12".into()),
        (format!("quiz-{k1}"), "0".into()),
        (format!("quiz-{k1}"), "2".into()),
        (format!("quiz-{k2}"), "0".into()),
    ];
    for comp in c.areas.iter().flat_map(|a| &a.competences) {
        fields.push((format!("rating-{}", comp.id), "4".into()));
    }
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    for n in 1..=c.questionnaire().len() {
        let path = format!("/audits/{id}/section/{n}");
        let html = app.page(&learner, &path).await;
        // The right answers and the explanation are not on the page before submission.
        assert!(
            !html.contains("Long passphrases and a second step"),
            "{path}"
        );
        assert!(!html.to_lowercase().contains("correct"), "{path}");
        if html.contains("Which of these keep an account safe?") {
            assert!(html.contains(&format!("/audits/{id}/pictures/padlock.svg")));
            assert!(
                html.contains("type=\"checkbox\""),
                "two right answers: tick all"
            );
        }
        let response = app.post(&learner, &path, &refs).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
    }
    let picture = app
        .get(&learner, &format!("/audits/{id}/pictures/padlock.svg"))
        .await;
    assert_eq!(picture.status(), StatusCode::OK);
    let response = app
        .post(&learner, &format!("/audits/{id}/check"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let results = app.page(&learner, &format!("/audits/{id}/results")).await;
    assert!(results.contains(&area.title.en), "ratings by area");
    assert!(results.contains("What does the padlock by a web address mean?"));
    // After submission, the right answers and why.
    assert!(results.contains("Long passphrases and a second step both stop most attacks."));
    assert!(results.contains("The connection is encrypted"));

    // Marked on the server: the first right, the second wrong.
    let person = app
        .store()
        .account_by_email(&skillgym_domain::Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    let response = app.store().response_of(id, person).await.unwrap().unwrap();
    assert!(response.submitted);
    let answers = app.store().response_answers(response.id).await.unwrap();
    assert_eq!(answers.quiz[&k1], (vec![0, 2], true));
    assert_eq!(answers.quiz[&k2], (vec![0], false));
    assert_eq!(answers.profile[&q_where], "1");
    assert_eq!(answers.profile[&q_devices], "0,2");
    assert_eq!(answers.profile[&q_hours], "12");

    // Responses from elsewhere map onto the same questions by their codes.
    let file = format!(
        "Respondent,\"{}\",Where do you work most?,Which of these keep an account safe?,Padlock\n\
         r1,2,The mobile library,Two-step verification,The connection is encrypted\n\
         r2,5,Headquarters,A long passphrase,The connection is encrypted\n",
        competence.title.en
    );
    let mapping = Mapping::from_json(&format!(
        r#"{{"version":1,"respondent":{{"by":"anonymous"}},"response_id":"Respondent",
            "columns":[{{"column":"{}","competence":"{}"}},
                       {{"column":"Where do you work most?","question":"Q1"}},
                       {{"column":"Which of these keep an account safe?","quiz":"K1"}},
                       {{"column":"Padlock","quiz":"K2"}}]}}"#,
        competence.title.en, competence.code
    ))
    .unwrap();
    let outcome = app
        .store()
        .import_survey(app.org, id, file.as_bytes(), &mapping)
        .await
        .unwrap();
    assert_eq!(outcome.added, 2);

    // The analysis groups by the admin's own single-choice question.
    let compare = app.get(&admin, &format!("{base}/compare?by=Q1")).await;
    assert_eq!(compare.status(), StatusCode::OK);
    assert!(
        compare
            .text()
            .await
            .unwrap()
            .contains("Where do you work most?")
    );
    assert_eq!(
        app.get(&admin, &format!("{base}/report")).await.status(),
        StatusCode::OK
    );

    // Now that people have answered, the questions are fixed.
    let overview = app.page(&admin, &format!("{base}/questions")).await;
    assert!(overview.contains("can no longer change"));
    assert!(!overview.contains(&format!("{base}/quiz/{k1}/edit")));
    let response = app.get(&admin, &format!("{base}/questions/new")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = app
        .post(
            &admin,
            &format!("{base}/quiz/{k2}/remove"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(campaign(&app, id).await.quiz.len(), 2);
}
