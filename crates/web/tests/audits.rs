//! Taking an audit: one section per page, saved as it goes, resumed after a break, marked on
//! the server, and results at once. And admins opening and cloning campaigns.

mod common;

use common::answering::{answers_for, post_section};
use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::audit::{OptionOrder, Section};
use skillgym_domain::{CampaignId, QuizItemId};
use skillgym_store::Campaign;
use skillgym_test_db::{Backend, both_backends};
use std::collections::{HashMap, HashSet};

async fn demo_campaign(app: &TestApp) -> Campaign {
    let summary = app.store().campaigns(app.org).await.unwrap().remove(0);
    app.store().campaign(app.org, summary.id).await.unwrap()
}

both_backends!(
    a_person_completes_an_audit_and_sees_their_results,
    a_half_finished_audit_resumes_where_it_stopped,
    bad_answers_are_explained_and_nothing_is_saved_for_that_page,
    the_correct_answers_never_reach_the_page_before_submitting,
    admins_open_campaigns_for_an_audience_and_clone_them,
    the_home_page_lists_the_persons_audits_and_how_far_they_got,
    each_person_sees_the_options_in_an_order_of_their_own_that_stays_put,
    optional_questions_are_marked_and_choose_all_is_said_once,
    the_results_show_each_answer_chosen_and_what_the_next_level_looks_like,
);

async fn a_person_completes_an_audit_and_sees_their_results(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = demo_campaign(&app).await;
    let before = app.store().campaigns(app.org).await.unwrap().remove(0);
    let learner = app.signed_in("learner@afon.example").await;
    let list = app.page(&learner, "/audits").await;
    assert!(list.contains("Digital skills audit 2026") && list.contains("Not started"));
    let start = app
        .page(&learner, &format!("/audits/{}", campaign.id))
        .await;
    assert!(start.contains("It takes about") && start.contains("short sections"));
    let response = app
        .post(&learner, &format!("/audits/{}/start", campaign.id), &[])
        .await;
    assert_eq!(
        location(&response),
        format!("/audits/{}/section/1", campaign.id)
    );
    let total = campaign.questionnaire().len();
    for n in 1..=total {
        let response = post_section(
            &app,
            &learner,
            &campaign,
            n,
            &answers_for(&campaign, n, false),
        )
        .await;
        let next = if n == total {
            format!("/audits/{}/check", campaign.id)
        } else {
            format!("/audits/{}/section/{}", campaign.id, n + 1)
        };
        assert_eq!(location(&response), next, "after section {n}");
    }
    let check = app
        .page(&learner, &format!("/audits/{}/check", campaign.id))
        .await;
    assert!(check.contains("Spreadsheets, please") && check.contains("4 – "));
    let response = app
        .post(&learner, &format!("/audits/{}/check", campaign.id), &[])
        .await;
    assert_eq!(
        location(&response),
        format!("/audits/{}/results", campaign.id)
    );
    let results = app
        .page(&learner, &format!("/audits/{}/results", campaign.id))
        .await;
    let asked = campaign.quiz.len();
    assert!(
        results.contains(&format!(
            "You answered {asked} of {asked} questions correctly"
        )),
        "{results}"
    );
    assert!(
        results.contains("<td class=\"numeric\">4</td>"),
        "area means of 4"
    );
    // The results lead on to the person's profile for this audit, which shows the same.
    let me = app
        .store()
        .account_by_email(&skillgym_domain::Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    let profile = format!("/people/{me}/profile?campaign={}", campaign.id);
    assert!(results.contains(&profile.replace('&', "&amp;")) || results.contains(&profile));
    let html = app.page(&learner, &profile).await;
    assert!(html.contains("Your skills profile") && html.contains(">4.00<"));
    // Submitting again changes nothing, and the audit now shows as done.
    let again = app
        .post(&learner, &format!("/audits/{}/check", campaign.id), &[])
        .await;
    assert_eq!(location(&again), format!("/audits/{}/results", campaign.id));
    assert!(app.page(&learner, "/audits").await.contains("Done"));
    let summary = app.store().campaigns(app.org).await.unwrap().remove(0);
    assert_eq!(
        (summary.started, summary.submitted),
        (before.started + 1, before.submitted + 1)
    );
}

async fn a_half_finished_audit_resumes_where_it_stopped(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = demo_campaign(&app).await;
    let learner = app.signed_in("learner@afon.example").await;
    app.post(&learner, &format!("/audits/{}/start", campaign.id), &[])
        .await;
    for n in 1..=3 {
        post_section(
            &app,
            &learner,
            &campaign,
            n,
            &answers_for(&campaign, n, false),
        )
        .await;
    }
    // The browser is closed; the person signs in again elsewhere.
    let later = app.signed_in("learner@afon.example").await;
    let start = app.page(&later, &format!("/audits/{}", campaign.id)).await;
    assert!(start.contains("Continue where you left off"));
    let response = app
        .post(&later, &format!("/audits/{}/start", campaign.id), &[])
        .await;
    assert_eq!(
        location(&response),
        format!("/audits/{}/section/4", campaign.id)
    );
    // What was saved is shown again when going back.
    let section2 = app
        .page(&later, &format!("/audits/{}/section/2", campaign.id))
        .await;
    assert!(section2.contains("value=\"4\" checked"));
    // Saving the same page twice (a double click, a retry) counts once.
    post_section(
        &app,
        &later,
        &campaign,
        2,
        &answers_for(&campaign, 2, false),
    )
    .await;
    let state = app
        .store()
        .response_of(campaign.id, person_of(&app, "learner@afon.example").await)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(state.saved, vec![1, 2, 3]);
    let answers = app.store().response_answers(state.id).await.unwrap();
    assert_eq!(
        answers.ratings.len(),
        campaign.areas[0].competences.len() + campaign.areas[1].competences.len()
    );
    // Checking answers before the end points at what is missing.
    let response = app
        .post(&later, &format!("/audits/{}/check", campaign.id), &[])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("Answer section 4"));
}

async fn person_of(app: &TestApp, email: &str) -> skillgym_domain::PersonId {
    app.store()
        .account_by_email(&skillgym_domain::Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

async fn bad_answers_are_explained_and_nothing_is_saved_for_that_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = demo_campaign(&app).await;
    let learner = app.signed_in("learner@afon.example").await;
    app.post(&learner, &format!("/audits/{}/start", campaign.id), &[])
        .await;
    let mut fields = answers_for(&campaign, 2, false);
    let missing = fields.pop().unwrap().0;
    fields[0].1 = "9".into();
    let response = post_section(&app, &learner, &campaign, 2, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains(&format!("href=\"#{missing}\"")),
        "the summary links to the unanswered question"
    );
    assert!(html.contains(&format!("href=\"#{}\"", fields[0].0)));
    assert!(html.contains("Choose how strong you are at this"));
    let state = app
        .store()
        .response_of(campaign.id, person_of(&app, "learner@afon.example").await)
        .await
        .unwrap()
        .unwrap();
    assert!(state.saved.is_empty());
    assert!(
        app.store()
            .response_answers(state.id)
            .await
            .unwrap()
            .ratings
            .is_empty()
    );
    // Pages outside the questionnaire and campaigns not open to the person do not exist.
    assert_eq!(
        app.get(&learner, &format!("/audits/{}/section/99", campaign.id))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&learner, "/audits/999").await.status(),
        StatusCode::NOT_FOUND
    );
}

async fn the_correct_answers_never_reach_the_page_before_submitting(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = demo_campaign(&app).await;
    let learner = app.signed_in("learner@afon.example").await;
    app.post(&learner, &format!("/audits/{}/start", campaign.id), &[])
        .await;
    let q = campaign.questionnaire();
    let mut explanations = 0;
    for n in 1..=q.len() {
        let html = app
            .page(&learner, &format!("/audits/{}/section/{n}", campaign.id))
            .await;
        assert!(
            !html.contains("correct"),
            "section {n} says nothing about which answer is correct"
        );
        for (_, item) in &campaign.quiz {
            if let Some(e) = &item.explanation {
                explanations += usize::from(html.contains(e.en.as_str()));
            }
        }
        // Wrong answers are accepted and marked wrong on the server.
        post_section(
            &app,
            &learner,
            &campaign,
            n,
            &answers_for(&campaign, n, true),
        )
        .await;
    }
    assert_eq!(explanations, 0);
    app.post(&learner, &format!("/audits/{}/check", campaign.id), &[])
        .await;
    let results = app
        .page(&learner, &format!("/audits/{}/results", campaign.id))
        .await;
    assert!(results.contains(&format!(
        "You answered 0 of {} questions correctly",
        campaign.quiz.len()
    )));
    let first = campaign.quiz[0].1.explanation.as_ref().unwrap().en.clone();
    assert!(
        results.contains(&first.replace('\'', "&#39;")) || results.contains(&first),
        "explanations appear after submitting"
    );
}

async fn admins_open_campaigns_for_an_audience_and_clone_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let framework = app.store().frameworks(app.org).await.unwrap().remove(0);
    let stored = app.store().framework(app.org, framework.id).await.unwrap();
    let area = stored.framework.areas[4].code.clone();
    let bad = app
        .post(
            &admin,
            "/campaigns/new",
            &[
                ("title_en", ""),
                ("framework", &framework.id.to_string()),
                ("opens_on", "2026-13-01"),
                ("closes_on", "2026-01-01"),
            ],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.unwrap();
    for anchor in ["#title_en", "#opens_on", "#area"] {
        assert!(html.contains(&format!("href=\"{anchor}\"")), "{anchor}");
    }
    let today = time::OffsetDateTime::now_utc().date();
    let opens = skillgym_domain::people::format_date(today);
    let closes = skillgym_domain::people::format_date(today + time::Duration::days(10));
    let response = app
        .post(
            &admin,
            "/campaigns/new",
            &[
                ("title_en", "Managers' online safety check"),
                ("title_cy", ""),
                ("framework", &framework.id.to_string()),
                ("area", &area),
                ("opens_on", &opens),
                ("closes_on", &closes),
                ("anonymous", "yes"),
                ("family", "manager"),
                ("standard", "yes"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = location(&response).to_string();
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let campaign = app.store().campaign(app.org, CampaignId(id)).await.unwrap();
    assert!(campaign.anonymous && campaign.areas.len() == 1);
    assert!(campaign.quiz.iter().all(|(_, q)| {
        campaign.areas[0]
            .competences
            .iter()
            .any(|c| c.code == q.competence)
    }));
    // Only managers are asked.
    let manager = app.signed_in("manager@afon.example").await;
    assert!(
        app.page(&manager, "/audits")
            .await
            .contains("Managers&#39; online safety check")
    );
    let learner = app.signed_in("learner@afon.example").await;
    assert!(
        !app.page(&learner, "/audits")
            .await
            .contains("online safety check")
    );
    assert_eq!(
        app.get(&learner, &format!("/audits/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    // Welsh readers see the English name, marked as English.
    let response = app
        .post(
            &manager,
            "/language",
            &[("lang", "cy"), ("back", "/audits")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let welsh = app.page(&manager, "/audits").await;
    assert!(welsh.contains(&format!("<a href=\"/audits/{id}\" lang=\"en\">")));
    // A re-audit a year later.
    let response = app
        .post(
            &admin,
            &format!("/campaigns/{id}/clone"),
            &[("opens_on", "2027-11-01"), ("closes_on", "2027-11-30")],
        )
        .await;
    let clone_id: i64 = location(&response)
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let clone = app
        .store()
        .campaign(app.org, CampaignId(clone_id))
        .await
        .unwrap();
    assert_eq!(clone.cloned_from, Some(campaign.id));
    assert_eq!(clone.quiz.len(), campaign.quiz.len());
    assert_eq!(clone.audience, campaign.audience);
    assert_eq!(
        skillgym_domain::people::format_date(clone.opens_on),
        "2027-11-01"
    );
    assert!(
        app.page(&admin, &format!("/campaigns/{clone_id}"))
            .await
            .contains("2027-11-30")
    );
}

async fn the_home_page_lists_the_persons_audits_and_how_far_they_got(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = demo_campaign(&app).await;
    let link = format!("<a href=\"/audits/{}\" lang=\"en\">", campaign.id);
    let closes = format!(
        "Open until {}",
        skillgym_i18n::Tr::new(skillgym_i18n::Lang::En)
            .date(&skillgym_domain::people::format_date(campaign.closes_on))
    );
    let learner = app.signed_in("learner@afon.example").await;
    let home = app.page(&learner, "/").await;
    assert!(home.contains("Your skills audit"));
    assert!(
        home.contains(&link) && home.contains("Digital skills audit 2026"),
        "the open audit is listed and linked: {home}"
    );
    assert!(home.contains("Not started") && home.contains(&closes));
    assert!(!home.contains("No skills audit is open for you"));
    // Started, then finished: the home page says how far the person got.
    app.post(&learner, &format!("/audits/{}/start", campaign.id), &[])
        .await;
    post_section(
        &app,
        &learner,
        &campaign,
        1,
        &answers_for(&campaign, 1, false),
    )
    .await;
    assert!(app.page(&learner, "/").await.contains("In progress"));
    for n in 2..=campaign.questionnaire().len() {
        post_section(
            &app,
            &learner,
            &campaign,
            n,
            &answers_for(&campaign, n, false),
        )
        .await;
    }
    app.post(&learner, &format!("/audits/{}/check", campaign.id), &[])
        .await;
    let home = app.page(&learner, "/").await;
    assert!(home.contains("Done") && !home.contains("In progress"));
    // In Welsh too.
    app.post(&learner, "/language", &[("lang", "cy"), ("back", "/")])
        .await;
    let welsh = app.page(&learner, "/").await;
    assert!(welsh.contains("Wedi&#39;i gwblhau") || welsh.contains("Wedi'i gwblhau"));
    assert!(welsh.contains(&format!(
            "Ar agor tan {}",
            skillgym_i18n::Tr::new(skillgym_i18n::Lang::Cy)
                .date(&skillgym_domain::people::format_date(campaign.closes_on))
        )));
}

/// The options of quiz question `id` in the order the page shows them, by their values (the
/// options' own numbers), and those ticked.
fn shown_options(html: &str, id: QuizItemId) -> (Vec<usize>, Vec<usize>) {
    let needle = format!("name=\"quiz-{id}\" value=\"");
    let mut shown = Vec::new();
    let mut ticked = Vec::new();
    for (at, _) in html.match_indices(&needle) {
        let rest = &html[at + needle.len()..];
        let value: usize = rest[..rest.find('"').unwrap()].parse().unwrap();
        shown.push(value);
        if rest[..rest.find('>').unwrap()].contains("checked") {
            ticked.push(value);
        }
    }
    (shown, ticked)
}

/// Text as the pages write it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

async fn each_person_sees_the_options_in_an_order_of_their_own_that_stays_put(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = demo_campaign(&app).await;
    let q = campaign.questionnaire();
    let quiz_sections: Vec<usize> = (1..=q.len())
        .filter(|n| matches!(q.section(*n), Some(Section::Quiz(_))))
        .collect();
    // Where each question's first right answer is shown, person by person.
    let mut places: HashMap<QuizItemId, HashSet<usize>> = HashMap::new();
    for email in [
        "learner@afon.example",
        "manager@afon.example",
        "champion@afon.example",
        "trainer@afon.example",
        "admin@afon.example",
    ] {
        let person = app.signed_in(email).await;
        app.post(&person, &format!("/audits/{}/start", campaign.id), &[])
            .await;
        let response = app
            .store()
            .response_of(campaign.id, person_of(&app, email).await)
            .await
            .unwrap()
            .unwrap()
            .id;
        for n in &quiz_sections {
            let path = format!("/audits/{}/section/{n}", campaign.id);
            let html = app.page(&person, &path).await;
            let again = app.page(&person, &path).await;
            for (id, item) in &campaign.quiz {
                let (shown, _) = shown_options(&html, *id);
                if shown.is_empty() {
                    continue;
                }
                assert_eq!(shown_options(&again, *id).0, shown, "the same order again");
                let order = OptionOrder::for_response(response, *id, item.options.len());
                assert_eq!(shown, order.shown(), "{email}: {}", item.code);
                let right = item.options.iter().position(|o| o.correct).unwrap();
                places
                    .entry(*id)
                    .or_default()
                    .insert(order.position_of(right).unwrap());
            }
        }
    }
    assert!(
        places.values().filter(|p| p.len() > 1).count() >= campaign.quiz.len() / 2,
        "the right answer moves between people: {places:?}"
    );

    // One person answers everything right, by the options' own numbers, whatever their places.
    let learner = app.signed_in("learner@afon.example").await;
    let response = app
        .store()
        .response_of(campaign.id, person_of(&app, "learner@afon.example").await)
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut before = HashMap::new();
    for n in 1..=q.len() {
        let path = format!("/audits/{}/section/{n}", campaign.id);
        let html = app.page(&learner, &path).await;
        for (id, _) in &campaign.quiz {
            before.insert(*id, shown_options(&html, *id).0);
        }
        post_section(
            &app,
            &learner,
            &campaign,
            n,
            &answers_for(&campaign, n, false),
        )
        .await;
        // After saving, the page shows the same order with the right options ticked.
        let saved = app.page(&learner, &path).await;
        for (id, item) in &campaign.quiz {
            let (shown, ticked) = shown_options(&saved, *id);
            if shown.is_empty() {
                continue;
            }
            assert_eq!(shown, before[id], "{}", item.code);
            let right: Vec<usize> = (0..item.options.len())
                .filter(|i| item.options[*i].correct)
                .collect();
            let order = OptionOrder::for_response(response, *id, item.options.len());
            assert_eq!(ticked, order.arrange(&right), "{}", item.code);
        }
    }
    // Stored by the options' own numbers, marked right.
    let stored = app.store().response_answers(response).await.unwrap();
    for (id, item) in &campaign.quiz {
        let (chosen, right) = &stored.quiz[id];
        assert!(*right && item.mark(chosen), "{}", item.code);
    }
    // Checking answers, then the results, list several options in the order they were shown.
    let listed = |item: &skillgym_domain::audit::QuizItem, id: QuizItemId| {
        let order = OptionOrder::for_response(response, id, item.options.len());
        let right: Vec<usize> = (0..item.options.len())
            .filter(|i| item.options[*i].correct)
            .collect();
        escaped(
            &order
                .arrange(&right)
                .iter()
                .map(|i| item.options[*i].text.en.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    let several: Vec<_> = campaign
        .quiz
        .iter()
        .filter(|(_, item)| item.multiple())
        .collect();
    assert!(!several.is_empty());
    let check = app
        .page(&learner, &format!("/audits/{}/check", campaign.id))
        .await;
    for (id, item) in &several {
        assert!(check.contains(&listed(item, *id)), "{}: {check}", item.code);
    }
    app.post(&learner, &format!("/audits/{}/check", campaign.id), &[])
        .await;
    let results = app
        .page(&learner, &format!("/audits/{}/results", campaign.id))
        .await;
    for (id, item) in &several {
        assert!(
            results.contains(&listed(item, *id)),
            "{}: {results}",
            item.code
        );
    }
    let asked = campaign.quiz.len();
    assert!(results.contains(&format!(
        "You answered {asked} of {asked} questions correctly"
    )));
}

async fn optional_questions_are_marked_and_choose_all_is_said_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = demo_campaign(&app).await;
    let learner = app.signed_in("learner@afon.example").await;
    app.post(&learner, &format!("/audits/{}/start", campaign.id), &[])
        .await;
    for (lang, optional, choose_all) in [
        ("en", "(optional)", "Choose all that apply."),
        ("cy", "(dewisol)", "Dewiswch bob un sy&#39;n berthnasol."),
    ] {
        app.post(&learner, "/language", &[("lang", lang)]).await;
        // Every profile question is optional and says so; ratings and the quiz are not.
        let profile = app
            .page(&learner, &format!("/audits/{}/section/1", campaign.id))
            .await;
        assert_eq!(
            profile.matches(optional).count(),
            campaign.questions.len(),
            "{lang}: {profile}"
        );
        let multiple = campaign
            .questions
            .iter()
            .filter(|(_, q)| q.kind.as_str() == "multiple")
            .count();
        assert!(multiple > 0);
        assert_eq!(profile.matches(choose_all).count(), multiple, "{lang}");
        for n in 2..=campaign.questionnaire().len() {
            let html = app
                .page(&learner, &format!("/audits/{}/section/{n}", campaign.id))
                .await;
            assert!(!html.contains(optional), "{lang}: section {n}");
            let several = campaign
                .quiz
                .iter()
                .filter(|(id, item)| {
                    item.multiple() && html.contains(&format!("name=\"quiz-{id}\""))
                })
                .count();
            assert_eq!(
                html.matches(choose_all).count(),
                several,
                "{lang}: section {n}"
            );
        }
    }
}

/// The knowledge round's review shows the options the person chose, beside the right ones; and
/// each of their biggest gaps says what the next level up looks like, in the framework's words.
async fn the_results_show_each_answer_chosen_and_what_the_next_level_looks_like(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = demo_campaign(&app).await;
    let me = person_of(&app, "learner@afon.example").await;
    let family = app.store().person(app.org, me).await.unwrap().job_family;
    // The role asks for level 5 in everything, so every competence is short of it.
    let targets = campaign
        .areas
        .iter()
        .flat_map(|a| &a.competences)
        .map(|c| {
            (
                (c.id, family),
                skillgym_domain::analysis::profile::TargetLevel::new(5).unwrap(),
            )
        })
        .collect();
    app.store()
        .set_role_targets(app.org, campaign.framework_id, &targets)
        .await
        .unwrap();
    let learner = app.signed_in("learner@afon.example").await;
    app.post(&learner, &format!("/audits/{}/start", campaign.id), &[])
        .await;
    // Every rating 4 and every quiz answer wrong.
    for n in 1..=campaign.questionnaire().len() {
        post_section(
            &app,
            &learner,
            &campaign,
            n,
            &answers_for(&campaign, n, true),
        )
        .await;
    }
    app.post(&learner, &format!("/audits/{}/check", campaign.id), &[])
        .await;
    let response = app
        .store()
        .response_of(campaign.id, me)
        .await
        .unwrap()
        .unwrap()
        .id;
    let results = app
        .page(&learner, &format!("/audits/{}/results", campaign.id))
        .await;
    for (id, item) in &campaign.quiz {
        let wrong: Vec<usize> = (0..item.options.len())
            .filter(|i| !item.options[*i].correct)
            .take(if item.multiple() { usize::MAX } else { 1 })
            .collect();
        let chosen = OptionOrder::for_response(response, *id, item.options.len())
            .arrange(&wrong)
            .iter()
            .map(|i| item.options[*i].text.en.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let cell = format!(
            "<td>{}<br><strong class=\"quiz-mark\">Not quite</strong></td>",
            escaped(&chosen)
        );
        assert!(
            results.contains(&cell),
            "{}: {cell} in {results}",
            item.code
        );
    }
    // A tested competence measures (2 × 1 + 4) / 3 = 2, the largest gaps: next is level 3.
    // Others measure 4: next is level 5.
    let third = escaped(&campaign.levels[2].en);
    assert!(
        results.contains(&format!("Next level (3): <span lang=\"en\">{third}</span>")),
        "{results}"
    );
    assert!(
        !results.contains("href=\"/frameworks/"),
        "a learner is not sent to a page only admins may open"
    );
    let profile = app
        .page(
            &learner,
            &format!("/people/{me}/profile?campaign={}", campaign.id),
        )
        .await;
    assert!(profile.contains(&format!("Next level (3): <span lang=\"en\">{third}</span>")));
    // In Welsh, with the framework's Welsh where it has it.
    app.post(&learner, "/language", &[("lang", "cy")]).await;
    let results = app
        .page(&learner, &format!("/audits/{}/results", campaign.id))
        .await;
    let shown = campaign.levels[2].show("cy");
    assert!(
        results.contains(&format!(
            "Y lefel nesaf (3): <span lang=\"{}\">{}</span>",
            shown.lang,
            escaped(shown.text)
        )),
        "{results}"
    );
}
