//! The free-text answers page: only administrators see it, a question's answers only once k
//! people have answered it, a group's words only for groups big enough, and never a name.

mod common;

use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::analysis::AnonymityThreshold;
use skillgym_domain::audit::{CampaignContent, Localised, ProfileQuestion, QuestionKind};
use skillgym_domain::{CampaignId, JobFamily, PersonId};
use skillgym_i18n::{Lang, Tr};
use skillgym_store::{Actor, NewCampaign, ResponseAnswers};
use skillgym_test_db::{Backend, both_backends};
use std::collections::{BTreeMap, HashMap};

both_backends!(
    answers_are_shown_once_k_have_answered_and_never_with_names,
    an_open_anonymous_campaign_shows_answers_in_steps_of_k,
);

/// A new campaign on the demo's framework with one free-text question, open now.
async fn free_text_campaign(app: &TestApp, anonymous: bool) -> CampaignId {
    let store = app.store();
    let demo = store.campaigns(app.org).await.unwrap()[0].id;
    let demo = store.campaign(app.org, demo).await.unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let title = Localised::new("Training needs".to_string(), None);
    store
        .create_campaign(
            app.org,
            &NewCampaign {
                framework: demo.framework_id,
                title: title.clone(),
                opens_on: today - time::Duration::days(1),
                closes_on: today + time::Duration::days(30),
                anonymous,
                competences: demo.areas[0].competences.iter().map(|c| c.id).collect(),
                audience: Default::default(),
                content: CampaignContent {
                    title,
                    profile_questions: vec![ProfileQuestion {
                        code: "NEEDS".into(),
                        kind: QuestionKind::Text,
                        prompt: Localised::new(
                            "What training would help you most?".to_string(),
                            Some("Pa hyfforddiant fyddai'n eich helpu fwyaf?".to_string()),
                        ),
                        hint: None,
                        options: Vec::new(),
                        min: None,
                        max: None,
                    }],
                    quiz: Vec::new(),
                },
                pictures: Vec::new(),
                cloned_from: None,
            },
        )
        .await
        .unwrap()
}

/// `person` answers the free-text question with `text` and submits.
async fn answer(app: &TestApp, campaign: CampaignId, person: PersonId, text: &str) {
    let store = app.store();
    let stored = store.campaign(app.org, campaign).await.unwrap();
    let response = store.start_response(campaign, person).await.unwrap();
    let mut answers = ResponseAnswers::default();
    answers.profile.insert(stored.questions[0].0, text.into());
    store
        .save_section(response.id, 1, &answers, &[])
        .await
        .unwrap();
    store.submit_response(response.id).await.unwrap();
}

/// The demo's people other than the administrator, by job family, with their names.
async fn people_by_family(app: &TestApp) -> BTreeMap<JobFamily, Vec<(PersonId, String)>> {
    let mut out: BTreeMap<JobFamily, Vec<(PersonId, String)>> = BTreeMap::new();
    // In id order: the same three every run, so the groups the anonymity rules leave are too.
    let mut ids: Vec<PersonId> = app
        .store()
        .person_ids(app.org)
        .await
        .unwrap()
        .into_values()
        .collect();
    ids.sort();
    for id in ids {
        let p = app.store().person(app.org, id).await.unwrap();
        if p.email.as_deref() == Some("admin@afon.example") {
            continue;
        }
        out.entry(p.job_family)
            .or_default()
            .push((id, format!("{} {}", p.given_name, p.family_name)));
    }
    out
}

async fn answers_are_shown_once_k_have_answered_and_never_with_names(backend: Backend) {
    let app = spawn_app(backend).await;
    app.store()
        .change_anonymity_threshold(app.org, AnonymityThreshold::new(3).unwrap(), Actor::System)
        .await
        .unwrap();
    let campaign = free_text_campaign(&app, false).await;
    let families: Vec<(JobFamily, Vec<(PersonId, String)>)> = people_by_family(&app)
        .await
        .into_iter()
        .filter(|(_, people)| people.len() >= 3)
        .take(2)
        .collect();
    assert_eq!(families.len(), 2, "two job families of three or more");
    let (first, second) = (&families[0], &families[1]);
    let admin = app.signed_in("admin@afon.example").await;
    let path = format!("/campaigns/{campaign}/answers");

    // Two answers: fewer than k, so neither is shown, and the page says why.
    answer(
        &app,
        campaign,
        first.1[0].0,
        "Digital skills for the catalogue",
    )
    .await;
    answer(&app, campaign, first.1[1].0, "More digital skills, please").await;
    let html = app.page(&admin, &path).await;
    assert!(html.contains("What training would help you most?"));
    assert!(
        html.contains(
            "Fewer than 3 people have answered this question, so its answers are not shown"
        )
    );
    assert!(!html.contains("catalogue") && !html.contains("please"));
    let (_, rows) = app.csv_file(&admin, &format!("{path}.csv")).await;
    assert!(rows.is_empty(), "{rows:?}");

    // Three from one family and three from another: everything shows, in alphabetical order.
    answer(
        &app,
        campaign,
        first.1[2].0,
        "Customer service and digital skills",
    )
    .await;
    for (i, text) in [
        "social media for events",
        "Social media; events",
        "Welsh: sgiliau digidol i'r gwaith",
    ]
    .iter()
    .enumerate()
    {
        answer(&app, campaign, second.1[i].0, text).await;
    }
    let html = app.page(&admin, &path).await;
    assert!(html.contains("Answers: 6"));
    let listed: Vec<&str> = html
        .split("<ul class=\"answers\">")
        .nth(1)
        .unwrap()
        .split("</ul>")
        .next()
        .unwrap()
        .split("<li>")
        .skip(1)
        .map(|li| li.trim_end_matches("</li>"))
        .collect();
    assert_eq!(
        listed,
        [
            "Customer service and digital skills",
            "Digital skills for the catalogue",
            "More digital skills, please",
            "social media for events",
            "Social media; events",
            "Welsh: sgiliau digidol i&#39;r gwaith",
        ]
    );
    // The words and phrases most used, for everyone and for each family.
    assert!(html.contains("<th scope=\"row\">digital</th><td class=\"numeric\">3</td>"));
    assert!(html.contains("<th scope=\"row\">digital skills</th><td class=\"numeric\">3</td>"));
    let tr = Tr::new(Lang::En);
    for (family, _) in &families {
        assert!(html.contains(&format!(
            "<span lang=\"en\">{}</span>",
            tr.t(&format!("job-family-{}", family.as_str()))
        )));
    }
    assert!(html.contains("digital skills (3)"));
    // Used by fewer than k of its family's answers: not in the family's list.
    assert!(!html.contains("social media (2)"));
    // A named campaign, but no respondent's name.
    for (_, people) in &families {
        for (_, name) in people.iter().take(3) {
            assert!(!html.contains(name.as_str()), "{name} is named");
        }
    }
    // The CSV says the same.
    let (header, rows) = app.csv_file(&admin, &format!("{path}.csv")).await;
    assert_eq!(
        header,
        [
            "Question code",
            "Question",
            "Group",
            "What",
            "Text",
            "Answers using it"
        ]
    );
    assert!(rows.contains(&vec![
        "NEEDS".to_string(),
        "What training would help you most?".to_string(),
        "Everyone".into(),
        "Phrase".into(),
        "digital skills".into(),
        "3".into(),
    ]));
    assert_eq!(rows.iter().filter(|r| r[3] == "Answer").count(), 6);

    // In Welsh, the question's Welsh prompt and the page's words.
    app.post(&admin, "/language", &[("lang", "cy")]).await;
    let html = app.page(&admin, &path).await;
    assert!(html.contains("Pa hyfforddiant fyddai&#39;n eich helpu fwyaf?"));
    assert!(html.contains("Atebion: 6"));

    // By main site: each group shown holds the answers of those whose first-listed site it is.
    // More answers, from people in id order (the same every run), until every main site among
    // those who answered has at least three: a site left with one or two would be a small cell
    // that could hide the others.
    let answered: Vec<PersonId> = first
        .1
        .iter()
        .take(3)
        .chain(second.1.iter().take(3))
        .map(|(id, _)| *id)
        .collect();
    let main_site = async |id: PersonId| {
        let p = app.store().person(app.org, id).await.unwrap();
        p.sites.first().map(|(_, name)| name.clone())
    };
    let mut by_main_site: HashMap<String, usize> = HashMap::new();
    for person in &answered {
        let name = main_site(*person).await.expect("everyone has a site");
        *by_main_site.entry(name).or_default() += 1;
    }
    let mut ids: Vec<PersonId> = app
        .store()
        .person_ids(app.org)
        .await
        .unwrap()
        .into_values()
        .collect();
    ids.sort();
    let mut more = 0;
    for id in ids {
        let Some(main) = main_site(id).await else {
            continue;
        };
        if by_main_site.get(&main).is_some_and(|n| *n < 3) && !answered.contains(&id) {
            answer(&app, campaign, id, "Help with the catalogue").await;
            *by_main_site.entry(main).or_default() += 1;
            more += 1;
        }
    }
    assert!(
        more > 0 && by_main_site.values().all(|n| *n >= 3),
        "{by_main_site:?}"
    );
    app.post(&admin, "/language", &[("lang", "en")]).await;
    let html = app.page(&admin, &format!("{path}?by=site")).await;
    assert!(html.contains("<option value=\"site\" lang=\"en\" selected>"));
    assert!(html.contains("Each person counts at their main site only"));
    let groups = html
        .split("<table class=\"groups\">")
        .nth(1)
        .map_or("", |t| t.split("</table>").next().unwrap());
    let mut shown = 0;
    for row in groups.split("<tr><th scope=\"row\">").skip(1) {
        let name = row.split('>').nth(1).unwrap().split('<').next().unwrap();
        let answers: usize = row
            .split("<td class=\"numeric\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(Some(&answers), by_main_site.get(name), "{name}");
        shown += 1;
    }
    let enough = by_main_site.values().filter(|n| **n >= 3).count();
    assert!((1..=enough).contains(&shown), "{shown} of {by_main_site:?}");

    // Nobody but an administrator.
    for email in ["manager@afon.example", "learner@afon.example"] {
        let client = app.signed_in(email).await;
        assert_eq!(
            app.get(&client, &path).await.status(),
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
}

async fn an_open_anonymous_campaign_shows_answers_in_steps_of_k(backend: Backend) {
    let app = spawn_app(backend).await;
    app.store()
        .change_anonymity_threshold(app.org, AnonymityThreshold::new(3).unwrap(), Actor::System)
        .await
        .unwrap();
    let campaign = free_text_campaign(&app, true).await;
    let people: Vec<(PersonId, String)> = people_by_family(&app)
        .await
        .into_values()
        .flatten()
        .take(4)
        .collect();
    for (i, (person, _)) in people.iter().enumerate() {
        answer(
            &app,
            campaign,
            *person,
            &format!("Answer number {i} about shelving"),
        )
        .await;
    }
    let admin = app.signed_in("admin@afon.example").await;
    let html = app
        .page(&admin, &format!("/campaigns/{campaign}/answers"))
        .await;
    // Four finished, counted in a whole step of three: the last one waits for two more.
    assert!(html.contains("Answers: 3"));
    for i in 0..3 {
        assert!(html.contains(&format!("Answer number {i} about shelving")));
    }
    assert!(!html.contains("Answer number 3"));
    for (_, name) in &people {
        assert!(!html.contains(name.as_str()), "{name} is named");
    }
    // The campaign's page links to it.
    let campaign_page = app.page(&admin, &format!("/campaigns/{campaign}")).await;
    assert!(campaign_page.contains(&format!("/campaigns/{campaign}/answers")));
}
