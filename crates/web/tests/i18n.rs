//! Every word a person reads comes from a message file: pages rendered in a pseudo-locale that
//! marks each message show no other text but the organisation's own data.

mod common;

use common::{TestApp, spawn_app, spawn_app_with};
use skillgym_domain::staff_file::PROBLEM_CODES;
use skillgym_i18n::{Lang, Tr};
use skillgym_store::{Actor, AuditAction, DETAIL_FLAGS, DETAIL_KEYS, NewAuditEvent, PersonFilter};
use skillgym_test_db::{Backend, both_backends};
use skillgym_web::WebConfig;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The visible text of a page: text between tags, `<title>`, and `aria-label` values.
fn visible_text(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("aria-label=\"") {
        rest = &rest[start + 12..];
        out.push(rest[..rest.find('"').unwrap()].to_string());
    }
    // A chart's label wrapped over lines is one text: its lines (tspans) are joined.
    let mut joined = String::new();
    let mut rest = html;
    while let Some(end) = rest.find("</tspan><tspan") {
        joined.push_str(&rest[..end]);
        rest = &rest[end + 14..];
        rest = &rest[rest.find('>').unwrap() + 1..];
        joined.push(' ');
    }
    joined.push_str(rest);
    let mut in_tag = false;
    let mut text = String::new();
    for c in joined.chars() {
        match c {
            '<' => {
                in_tag = true;
                if !text.trim().is_empty() {
                    out.push(text.trim().to_string());
                }
                text.clear();
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    out.into_iter()
        .map(|t| {
            t.replace("&#39;", "'")
                .replace("&#34;", "\"")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
        })
        .collect()
}

/// The organisation's own words: names, roles, places, codes. They are data, not interface.
async fn data_strings(app: &TestApp) -> Vec<String> {
    let store = app.store();
    let mut data = Vec::new();
    let org = store.default_organisation().await.unwrap().unwrap();
    data.push(org.name.clone());
    data.extend(org.name_cy.clone());
    let filter = PersonFilter {
        limit: 10_000,
        ..PersonFilter::default()
    };
    for p in store.people(app.org, &filter).await.unwrap().0 {
        let record = store.person(app.org, p.id).await.unwrap();
        data.extend([record.given_name, record.family_name, record.job_role]);
        data.push(record.employee_number.to_string());
        data.extend(record.email);
        data.extend(record.start_date.map(skillgym_domain::people::format_date));
        data.extend(record.team.map(|t| t.1));
    }
    for s in store.sites(app.org).await.unwrap() {
        data.extend([s.name, s.code.to_string()]);
        data.extend(s.location.postcode);
    }
    for t in store.teams(app.org).await.unwrap() {
        data.push(t.name);
    }
    // The services catalogue's names, as the organisation wrote them (a campaign's form lists
    // them to choose from).
    for s in store.services(app.org).await.unwrap() {
        data.push(s.service.name.en);
        data.extend(s.service.name.cy);
    }
    // The kit register's items, as the organisation wrote them.
    for k in store.kit(app.org, None).await.unwrap() {
        data.extend([k.item.code.to_string(), k.item.name]);
        data.extend(k.item.description.lines().map(String::from));
    }
    // Frameworks and campaigns are written by the organisation too.
    for f in store.frameworks(app.org).await.unwrap() {
        let stored = store.framework(app.org, f.id).await.unwrap().framework;
        data.push(stored.code.clone());
        let mut texts = vec![stored.title, stored.description];
        texts.extend(stored.levels);
        for area in stored.areas {
            data.push(area.code);
            texts.extend([area.title, area.description]);
            for c in area.competences {
                data.push(c.code);
                texts.extend([c.title, c.description]);
            }
        }
        // The editors show both languages of each text.
        for t in texts {
            data.push(t.en);
            data.extend(t.cy);
        }
    }
    for c in store.campaigns(app.org).await.unwrap() {
        let campaign = store.campaign(app.org, c.id).await.unwrap();
        data.push(campaign.title.en.clone());
        data.extend(
            [campaign.opens_on, campaign.closes_on].map(skillgym_domain::people::format_date),
        );
        for (_, q) in &campaign.questions {
            let texts = std::iter::once(&q.prompt)
                .chain(q.hint.as_ref())
                .chain(q.options.iter());
            data.extend(texts.filter_map(|t| t.cy.clone()));
            data.push(q.code.clone());
            data.push(q.prompt.en.clone());
            data.extend(q.hint.as_ref().map(|h| h.en.clone()));
            data.extend(q.options.iter().map(|o| o.en.clone()));
        }
        for (_, item) in &campaign.quiz {
            let texts = std::iter::once(&item.prompt)
                .chain(item.image_alt.as_ref())
                .chain(item.explanation.as_ref())
                .chain(item.options.iter().map(|o| &o.text));
            data.extend(texts.filter_map(|t| t.cy.clone()));
            data.push(item.code.clone());
            data.push(item.prompt.en.clone());
            data.extend(item.image_alt.as_ref().map(|a| a.en.clone()));
            data.extend(item.explanation.as_ref().map(|e| e.en.clone()));
            data.extend(item.options.iter().map(|o| o.text.en.clone()));
        }
    }
    // What people wrote for horizon scanning and on the champions' board.
    let (clippings, _) = store.clippings(app.org, "", 0, 1000).await.unwrap();
    for c in clippings {
        data.push(c.url);
        data.extend(c.note.lines().map(str::to_string));
        data.extend(c.tags);
    }
    for w in store.write_ups(app.org, 0).await.unwrap() {
        data.push(w.title);
        data.extend(w.body.lines().map(str::to_string));
    }
    for p in store.board_posts(app.org).await.unwrap() {
        data.push(p.title);
        data.extend(p.body.lines().map(str::to_string));
    }
    // The pictures the knowledge round can show, by file name.
    data.extend(
        skillgym_domain::audit::campaign::standard_pictures()
            .into_iter()
            .map(|(name, _)| name.to_string()),
    );
    data.retain(|d| !d.is_empty());
    // Longest first, so "Central Library team" goes before "Central Library".
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    data.dedup();
    data
}

/// What is left of a piece of text once messages and data are taken out: it must hold no
/// letters.
fn unmarked(text: &str, data: &[String]) -> Option<String> {
    let mut rest = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => depth -= 1,
            c if depth == 0 => rest.push(c),
            _ => {}
        }
    }
    // A chart's label shortened to fit ends "…": it is data if some data starts with it.
    let stem = rest.trim().trim_end_matches('…').trim_end();
    if rest.trim().ends_with('…') && !stem.is_empty() && data.iter().any(|d| d.starts_with(stem))
    {
        return None;
    }
    for d in data {
        rest = rest.replace(d.as_str(), " ");
    }
    rest.chars()
        .any(char::is_alphabetic)
        .then(|| rest.trim().to_string())
}

both_backends!(every_page_takes_its_words_from_message_files);

async fn every_page_takes_its_words_from_message_files(backend: Backend) {
    let config = WebConfig {
        pseudo_locale: true,
        ..WebConfig::default()
    };
    let app = spawn_app_with(backend, config).await;
    // Something to edit: an area with a competence nobody has answered about, and a campaign
    // nobody has answered yet.
    let framework = app.store().frameworks(app.org).await.unwrap()[0].id;
    let spare = |code: &str, title: &str| skillgym_domain::audit::editing::ItemDraft {
        code: code.into(),
        title: skillgym_domain::audit::Localised::new(title, None),
        description: Default::default(),
    };
    app.store()
        .add_area(app.org, framework, &spare("SPARE", "Spare area"))
        .await
        .unwrap();
    app.store()
        .add_competence(
            app.org,
            framework,
            "SPARE",
            &spare("SPARE-1", "Spare competence"),
        )
        .await
        .unwrap();
    let fresh = {
        let first = app.store().campaigns(app.org).await.unwrap()[0].id;
        let demo = app.store().campaign(app.org, first).await.unwrap();
        let new = skillgym_store::NewCampaign {
            framework: demo.framework_id,
            title: skillgym_domain::audit::Localised::new("Not yet open", None),
            opens_on: time::macros::date!(2030 - 01 - 01),
            closes_on: time::macros::date!(2030 - 02 - 01),
            anonymous: false,
            competences: demo
                .areas
                .iter()
                .flat_map(|a| a.competences.iter().map(|c| c.id))
                .collect(),
            audience: Default::default(),
            content: skillgym_domain::audit::CampaignContent {
                title: demo.title.clone(),
                profile_questions: demo.questions.iter().map(|(_, q)| q.clone()).collect(),
                quiz: demo.quiz.iter().map(|(_, q)| q.clone()).collect(),
            },
            pictures: Vec::new(),
            cloned_from: None,
        };
        let id = app.store().create_campaign(app.org, &new).await.unwrap();
        app.store().campaign(app.org, id).await.unwrap()
    };
    let (fresh_question, fresh_quiz) = (fresh.questions[0].0, fresh.quiz[0].0);
    let (area, competence) = {
        let f = app
            .store()
            .framework(app.org, framework)
            .await
            .unwrap()
            .framework;
        (
            f.areas[0].code.clone(),
            f.areas[0].competences[0].code.clone(),
        )
    };
    let fresh = fresh.id;
    let data = data_strings(&app).await;
    let person = app
        .store()
        .person_ids(app.org)
        .await
        .unwrap()
        .into_values()
        .next()
        .unwrap();
    let site = app.store().sites(app.org).await.unwrap()[0].id;
    let team = app.store().teams(app.org).await.unwrap()[0].id;
    // The demo's current campaign (not the one made above, which opens later).
    let campaign = app
        .store()
        .campaigns(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.id != fresh)
        .unwrap()
        .id;
    // Someone who finished an audit, for a complete profile; and the learner's own.
    let mut respondent = person;
    for id in app.store().person_ids(app.org).await.unwrap().into_values() {
        if !app
            .store()
            .answered_campaigns(app.org, id)
            .await
            .unwrap()
            .is_empty()
        {
            respondent = id;
            break;
        }
    }
    let learner = app
        .store()
        .account_by_email(&skillgym_domain::Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    // The kit page with the most on it: Central Library's laser cutter, flagged both ways.
    let kit = app
        .store()
        .kit(app.org, None)
        .await
        .unwrap()
        .into_iter()
        .find(|k| k.item.code.as_str() == "CEN-LASER")
        .unwrap();
    let pages: Vec<(&str, String)> = vec![
        ("admin@afon.example", "/".into()),
        ("learner@afon.example", "/horizon".into()),
        ("learner@afon.example", "/horizon/new".into()),
        ("trainer@afon.example", "/horizon/synthesis".into()),
        ("learner@afon.example", "/horizon/write-ups".into()),
        ("champion@afon.example", "/champions/board".into()),
        ("champion@afon.example", "/champions/board/new".into()),
        ("admin@afon.example", "/me".into()),
        ("admin@afon.example", "/people".into()),
        ("admin@afon.example", "/people?q=zzzz".into()),
        ("admin@afon.example", "/people/new".into()),
        ("admin@afon.example", format!("/people/{person}")),
        ("admin@afon.example", format!("/people/{person}/edit")),
        ("admin@afon.example", "/sites".into()),
        ("admin@afon.example", "/sites/new".into()),
        ("admin@afon.example", format!("/sites/{site}/edit")),
        ("admin@afon.example", "/teams".into()),
        ("admin@afon.example", "/teams/new".into()),
        ("admin@afon.example", format!("/teams/{team}/edit")),
        ("admin@afon.example", "/import/staff".into()),
        ("admin@afon.example", "/audit-trail".into()),
        (
            "admin@afon.example",
            format!("/audit-trail?person={person}"),
        ),
        ("admin@afon.example", format!("/people/{person}/erase")),
        ("admin@afon.example", "/settings".into()),
        ("admin@afon.example", "/settings?saved=1".into()),
        ("admin@afon.example", "/settings/retention".into()),
        ("admin@afon.example", "/settings/retention?saved=1".into()),
        // The page that refuses a sign-in through the organisation's account.
        (
            "learner@afon.example",
            "/sign-in/sso/callback?code=x&state=unknown".into(),
        ),
        ("admin@afon.example", "/frameworks".into()),
        ("admin@afon.example", format!("/frameworks/{framework}")),
        ("admin@afon.example", "/frameworks/import".into()),
        ("admin@afon.example", "/frameworks/new".into()),
        (
            "admin@afon.example",
            format!("/frameworks/{framework}?saved=1"),
        ),
        (
            "admin@afon.example",
            format!("/frameworks/{framework}/edit"),
        ),
        (
            "admin@afon.example",
            format!("/frameworks/{framework}/levels"),
        ),
        (
            "admin@afon.example",
            format!("/frameworks/{framework}/areas/new"),
        ),
        (
            "admin@afon.example",
            format!("/frameworks/{framework}/areas/{area}/edit"),
        ),
        (
            "admin@afon.example",
            format!("/frameworks/{framework}/areas/{area}/remove"),
        ),
        (
            "admin@afon.example",
            format!("/frameworks/{framework}/areas/SPARE/remove"),
        ),
        (
            "admin@afon.example",
            format!("/frameworks/{framework}/competences/new?area={area}"),
        ),
        (
            "admin@afon.example",
            format!("/frameworks/{framework}/competences/{competence}/edit"),
        ),
        (
            "admin@afon.example",
            format!("/frameworks/{framework}/competences/{competence}/remove"),
        ),
        (
            "admin@afon.example",
            format!("/frameworks/{framework}/competences/SPARE-1/remove"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/questions"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{fresh}/questions?saved=1"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/services"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{fresh}/services?saved=1"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{fresh}/questions/new"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{fresh}/questions/{fresh_question}/edit"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{fresh}/questions/{fresh_question}/remove"),
        ),
        ("admin@afon.example", format!("/campaigns/{fresh}/quiz/new")),
        (
            "admin@afon.example",
            format!("/campaigns/{fresh}/quiz/{fresh_quiz}/edit"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{fresh}/quiz/{fresh_quiz}/remove"),
        ),
        ("admin@afon.example", "/campaigns".into()),
        ("admin@afon.example", "/campaigns/new".into()),
        ("admin@afon.example", format!("/campaigns/{campaign}")),
        // The invitation panel after sending, and without SMTP set up.
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}?kind=invite&sent=3&failed=1"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}?kind=reminder&sent=0&failed=0"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}?mail=off"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}?mail=closed"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}?links=saved"),
        ),
        // A password-free link that does not work.
        (
            "learner@afon.example",
            format!("/audits/{campaign}/link/1.2.3.x"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/import"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/report"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/compare"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/compare?by=employment"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/compare?by=LEADERSHIP"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/calibration"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/calibration?by=LEADERSHIP"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/change"),
        ),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/answers"),
        ),
        ("admin@afon.example", "/role-profiles".into()),
        (
            "admin@afon.example",
            format!("/campaigns/{campaign}/report/print"),
        ),
        (
            "admin@afon.example",
            format!("/people/{respondent}/profile"),
        ),
        ("learner@afon.example", format!("/people/{learner}/profile")),
        // The first campaign: nothing earlier to compare with.
        (
            "admin@afon.example",
            format!(
                "/campaigns/{}/change",
                app.store().campaigns(app.org).await.unwrap()[1].id
            ),
        ),
        ("learner@afon.example", "/audits".into()),
        ("learner@afon.example", format!("/audits/{campaign}")),
        ("admin@afon.example", "/no-such-page".into()),
        ("manager@afon.example", "/".into()),
        ("manager@afon.example", "/team".into()),
        ("learner@afon.example", "/".into()),
        ("learner@afon.example", "/people".into()),
        ("champion@afon.example", "/".into()),
        ("trainer@afon.example", "/kit".into()),
        ("trainer@afon.example", "/kit/flags".into()),
        (
            "trainer@afon.example",
            format!("/kit/flags?site={}", kit.site_id),
        ),
        ("trainer@afon.example", format!("/kit/{}", kit.id)),
        ("trainer@afon.example", format!("/kit/{}/edit", kit.id)),
        ("trainer@afon.example", format!("/kit/{}/remove", kit.id)),
        ("trainer@afon.example", "/kit/new".into()),
        ("trainer@afon.example", "/kit/import".into()),
        ("admin@afon.example", "/settings/kit".into()),
    ];
    let mut found = Vec::new();
    for (who, path) in &pages {
        let client = app.signed_in(who).await;
        let sep = if path.contains('?') { '&' } else { '?' };
        let html = app
            .get(&client, &format!("{path}{sep}lang=en-x-pseudo"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            html.contains('⟦'),
            "{path} was rendered in the pseudo-locale"
        );
        for text in visible_text(&html) {
            if let Some(rest) = unmarked(&text, &data) {
                found.push(format!("{who} {path}: {rest:?} (in {text:?})"));
            }
        }
    }
    // Every page of an audit, from the first section to the results.
    let learner = app.signed_in("learner@afon.example").await;
    let c = app.store().campaign(app.org, campaign).await.unwrap();
    app.post(&learner, &format!("/audits/{campaign}/start"), &[])
        .await;
    let sections = c.questionnaire().len();
    let mut audit_pages = Vec::new();
    for n in 1..=sections {
        let path = format!("/audits/{campaign}/section/{n}");
        let html = app
            .page(&learner, &format!("{path}?lang=en-x-pseudo"))
            .await;
        audit_pages.push((path.clone(), html));
        // Answer with the first choice everywhere (rating 1, first options, 3 years).
        let mut fields = Vec::new();
        for (id, q) in &c.questions {
            let value = if q.kind.as_str() == "number" {
                "3"
            } else if q.kind.as_str() == "text" {
                ""
            } else {
                "0"
            };
            fields.push((format!("q-{id}"), value.to_string()));
        }
        for area in &c.areas {
            for comp in &area.competences {
                fields.push((format!("rating-{}", comp.id), "1".to_string()));
            }
        }
        for (id, _) in &c.quiz {
            fields.push((format!("quiz-{id}"), "0".to_string()));
        }
        let refs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let response = app.post(&learner, &path, &refs).await;
        assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER, "{path}");
    }
    for path in [format!("/audits/{campaign}/check")] {
        let html = app
            .page(&learner, &format!("{path}?lang=en-x-pseudo"))
            .await;
        audit_pages.push((path, html));
    }
    app.post(&learner, &format!("/audits/{campaign}/check"), &[])
        .await;
    let path = format!("/audits/{campaign}/results");
    audit_pages.push((
        path.clone(),
        app.page(&learner, &format!("{path}?lang=en-x-pseudo"))
            .await,
    ));
    for (path, html) in audit_pages {
        for text in visible_text(&html) {
            if let Some(rest) = unmarked(&text, &data) {
                found.push(format!("learner {path}: {rest:?} (in {text:?})"));
            }
        }
    }
    // The services page of an audit that asks about them, empty, with errors, and on check
    // your answers.
    {
        let demo = app.store().campaign(app.org, campaign).await.unwrap();
        let services: Vec<_> = app
            .store()
            .services(app.org)
            .await
            .unwrap()
            .iter()
            .take(2)
            .map(|s| s.id)
            .collect();
        let new = skillgym_store::NewCampaign {
            framework: demo.framework_id,
            title: demo.title.clone(),
            opens_on: demo.opens_on,
            closes_on: demo.closes_on,
            anonymous: false,
            competences: demo.areas[0].competences.iter().map(|c| c.id).collect(),
            audience: Default::default(),
            content: skillgym_domain::audit::CampaignContent {
                title: demo.title.clone(),
                profile_questions: Vec::new(),
                quiz: Vec::new(),
            },
            pictures: Vec::new(),
            cloned_from: None,
        };
        let id = app
            .store()
            .create_campaign_asking(app.org, &new, &services)
            .await
            .unwrap();
        let c = app.store().campaign(app.org, id).await.unwrap();
        app.post(&learner, &format!("/audits/{id}/start"), &[])
            .await;
        let last = c.questionnaire().len();
        let path = format!("/audits/{id}/section/{last}");
        let mut pages = vec![(
            path.clone(),
            app.page(&learner, &format!("{path}?lang=en-x-pseudo"))
                .await,
        )];
        let csrf = app.csrf(&learner).await;
        let html = learner
            .post(format!("{}{path}?lang=en-x-pseudo", app.url))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("error-summary"), "the services page refused");
        pages.push((format!("{path} with errors"), html));
        for n in 1..=last {
            let fields = common::answering::answers_for(&c, n, false);
            let done = common::answering::post_section(&app, &learner, &c, n, &fields).await;
            assert_eq!(done.status(), reqwest::StatusCode::SEE_OTHER, "section {n}");
        }
        let path = format!("/audits/{id}/check");
        pages.push((
            path.clone(),
            app.page(&learner, &format!("{path}?lang=en-x-pseudo"))
                .await,
        ));
        for (path, html) in pages {
            for text in visible_text(&html) {
                if let Some(rest) = unmarked(&text, &data) {
                    found.push(format!("learner {path}: {rest:?} (in {text:?})"));
                }
            }
        }
    }
    // Forms with errors: a framework file that is not JSON, the settings form, then the
    // sign-in page signed out.
    let admin = app.signed_in("admin@afon.example").await;
    for (name, body) in [
        ("bad.json", "{ nope"),
        ("bad.csv", "kind,code,title_en\ntopic,X,\n"),
    ] {
        let csrf = app.csrf(&admin).await;
        let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
            "framework_file",
            reqwest::multipart::Part::bytes(body.as_bytes().to_vec()).file_name(name),
        );
        let html = admin
            .post(format!("{}/frameworks/import?lang=en-x-pseudo", app.url))
            .multipart(form)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("import-problems"),
            "{name} shows its problems"
        );
        for text in visible_text(&html) {
            // Column names are the file's own words, shown as code.
            if let Some(rest) = unmarked(&text, &data).filter(|r| r != "kind") {
                found.push(format!("framework import {name}: {rest:?} (in {text:?})"));
            }
        }
    }
    // The editors' forms with errors, and a removal not confirmed.
    for path in [
        "/frameworks/new".to_string(),
        format!("/frameworks/{framework}/levels"),
        format!("/frameworks/{framework}/competences/new"),
        format!("/frameworks/{framework}/competences/SPARE-1/remove"),
        format!("/campaigns/{fresh}/questions/new"),
        format!("/campaigns/{fresh}/quiz/new"),
        format!("/campaigns/{fresh}/quiz/{fresh_quiz}/remove"),
        format!("/campaigns/{campaign}/quiz/new"),
    ] {
        let csrf = app.csrf(&admin).await;
        let html = admin
            .post(format!("{}{path}?lang=en-x-pseudo", app.url))
            .form(&[("csrf", csrf.as_str()), ("option-1-correct", "yes")])
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            html.contains('⟦'),
            "{path} was rendered in the pseudo-locale"
        );
        for text in visible_text(&html) {
            if let Some(rest) = unmarked(&text, &data) {
                found.push(format!("{path} with errors: {rest:?} (in {text:?})"));
            }
        }
    }
    let csrf = app.csrf(&admin).await;
    let html = admin
        .post(format!("{}/settings?lang=en-x-pseudo", app.url))
        .form(&[
            ("csrf", csrf.as_str()),
            ("issuer_url", "http://idp.example.gov.uk"),
            ("client_id", "has spaces"),
            ("employee_number_claim", "bad claim!"),
        ])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("error-summary"),
        "the settings form shows its errors"
    );
    for text in visible_text(&html) {
        if let Some(rest) = unmarked(&text, &data) {
            found.push(format!("settings with errors: {rest:?} (in {text:?})"));
        }
    }
    // The retention period: refused, then a shorter period that asks for confirmation
    // (someone left a year ago; the page only asks, so nobody is erased).
    // Someone who does not sign in here: marking them as left ends their access.
    let mut someone = None;
    for id in app.store().person_ids(app.org).await.unwrap().into_values() {
        if app
            .store()
            .person(app.org, id)
            .await
            .unwrap()
            .account
            .is_none()
        {
            someone = Some(id);
            break;
        }
    }
    let someone = someone.expect("someone without an account");
    let a_year_ago = skillgym_store::months_before(time::OffsetDateTime::now_utc().date(), 12);
    app.store()
        .set_left_on(app.org, someone, Some(a_year_ago))
        .await
        .unwrap();
    for fields in [
        vec![("months", "two")],
        vec![("months", "1"), ("confirm_for", "1")],
    ] {
        let csrf = app.csrf(&admin).await;
        let mut form = vec![("csrf", csrf.as_str())];
        form.extend(fields);
        let html = admin
            .post(format!("{}/settings/retention?lang=en-x-pseudo", app.url))
            .form(&form)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("error-summary"),
            "the retention form shows its errors"
        );
        for text in visible_text(&html) {
            if let Some(rest) = unmarked(&text, &data) {
                found.push(format!("retention with errors: {rest:?} (in {text:?})"));
            }
        }
    }
    // A password-free link's page (opened by someone else, so it asks), and the page a
    // person who has left gets when they sign in.
    app.store()
        .set_invitation_settings(
            app.org,
            campaign,
            skillgym_store::InvitationSettings {
                links_allowed: true,
                reminder_days: 7,
            },
        )
        .await
        .unwrap();
    let learner_person = app
        .store()
        .account_by_email(&skillgym_domain::Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    let token = skillgym_web::audit_links::sign(
        app.store(),
        learner_person,
        campaign,
        skillgym_store::now() + 3600,
    )
    .await
    .unwrap();
    let html = app
        .page(
            &admin,
            &format!("/audits/{campaign}/link/{token}?lang=en-x-pseudo"),
        )
        .await;
    assert!(html.contains('⟦'));
    for text in visible_text(&html) {
        if let Some(rest) = unmarked(&text, &data) {
            found.push(format!("audit link page: {rest:?} (in {text:?})"));
        }
    }
    let champion = app
        .store()
        .account_by_email(&skillgym_domain::Email::parse("champion@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    app.store()
        .set_left_on(
            app.org,
            champion,
            Some(time::OffsetDateTime::now_utc().date()),
        )
        .await
        .unwrap();
    let client = common::browser();
    let csrf = app.csrf(&client).await;
    let response = client
        .post(format!("{}/sign-in?lang=en-x-pseudo", app.url))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "champion@afon.example"),
            ("password", skillgym_domain::demo::DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::FORBIDDEN);
    let html = response.text().await.unwrap();
    assert!(html.contains('⟦'));
    for text in visible_text(&html) {
        if let Some(rest) = unmarked(&text, &data) {
            found.push(format!("access ended: {rest:?} (in {text:?})"));
        }
    }
    let client = common::browser();
    let csrf = app.csrf(&client).await;
    let html = client
        .post(format!("{}/sign-in?lang=en-x-pseudo", app.url))
        .form(&[("csrf", csrf.as_str()), ("email", "nope"), ("password", "")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for text in visible_text(&html) {
        if let Some(rest) = unmarked(&text, &data) {
            found.push(format!("sign-in with errors: {rest:?} (in {text:?})"));
        }
    }
    // Importing a survey export: the mapping page, with problems, and the result. The file's
    // own text (headings, cells, column letters) is data.
    let c = app.store().campaign(app.org, campaign).await.unwrap();
    let competence = &c.areas[0].competences[0];
    let mut file_data = data.clone();
    file_data.extend(
        [
            "Respondent ID",
            "Email Address",
            "How strong?",
            "nobody@example.org",
            "A",
            "B",
            "C",
        ]
        .map(String::from),
    );
    file_data.push(competence.title.en.clone());
    file_data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    let survey_upload = |body: String| {
        let admin = &admin;
        let app = &app;
        async move {
            let csrf = app.csrf(admin).await;
            let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
                "survey_file",
                reqwest::multipart::Part::bytes(body.into_bytes()).file_name("survey.csv"),
            );
            let response = admin
                .post(format!("{}/campaigns/{campaign}/import", app.url))
                .multipart(form)
                .send()
                .await
                .unwrap();
            common::location(&response).to_string()
        }
    };
    let mut survey_pages = Vec::new();
    let path = survey_upload(format!(
        "Respondent ID,Email Address,How strong?\n,,\"{}\"\n1,nobody@example.org,7\n",
        competence.title.en
    ))
    .await;
    survey_pages.push((
        path.clone(),
        app.page(&admin, &format!("{path}?lang=en-x-pseudo")).await,
    ));
    let csrf = app.csrf(&admin).await;
    let competence_value = format!("competence:{}", competence.code);
    let html = admin
        .post(format!("{}{path}?lang=en-x-pseudo", app.url))
        .form(&[
            ("csrf", csrf.as_str()),
            ("col-1", "email"),
            ("col-2", competence_value.as_str()),
        ])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("import-problems"),
        "the mapping page shows its problems"
    );
    survey_pages.push((format!("{path} with problems"), html));
    let path = survey_upload(format!(
        "Respondent ID,How strong?\n,\"{}\"\n1,3\n",
        competence.title.en
    ))
    .await;
    let html = admin
        .post(format!("{}{path}?lang=en-x-pseudo", app.url))
        .form(&[
            ("csrf", csrf.as_str()),
            ("col-1", competence_value.as_str()),
        ])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("import-summary"), "the import is done");
    survey_pages.push((format!("{path} done"), html));
    for (path, html) in survey_pages {
        for text in visible_text(&html) {
            if let Some(rest) = unmarked(&text, &file_data) {
                found.push(format!("admin {path}: {rest:?} (in {text:?})"));
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(
        found.is_empty(),
        "text not from a message file:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_framework_catalogue_completions_and_services_file_problem_has_a_message_in_both_languages()
{
    use skillgym_domain::audit::{case, framework_csv};
    use skillgym_domain::learning;
    for lang in Lang::OFFERED {
        let tr = Tr::new(lang);
        for code in case::PROBLEM_CODES
            .iter()
            .chain(framework_csv::PROBLEM_CODES)
            .chain(learning::PROBLEM_CODES)
            .chain(skillgym_domain::training::file::PROBLEM_CODES)
            .chain(skillgym_domain::services::PROBLEM_CODES)
            .chain(skillgym_domain::kit::PROBLEM_CODES)
        {
            let args = [
                ("value", "x".into()),
                ("line", 1.into()),
                ("column", 2.into()),
            ];
            let text = tr.args(code, args);
            assert!(!text.starts_with('⚠'), "{code} has no message in {lang:?}");
        }
    }
}

#[test]
fn every_staff_file_problem_has_a_message_in_both_languages() {
    for lang in Lang::OFFERED {
        let tr = Tr::new(lang);
        for code in PROBLEM_CODES {
            let text = tr.t1(code, "value", "x");
            assert!(!text.starts_with('⚠'), "{code} has no message in {lang:?}");
        }
    }
}

/// The message ids each language's files define.
fn defined(lang: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../i18n/locales")
        .join(lang);
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let source = std::fs::read_to_string(&path).unwrap();
            ids.extend(
                skillgym_i18n::message_ids(&source)
                    .into_iter()
                    .map(String::from),
            );
        }
    }
    ids
}

/// Every Rust source and template file of the workspace's crates.
fn code_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if !["target", "tests", "locales", "fixtures", "static"].contains(&name.as_str()) {
                code_files(&path, out);
            }
        } else if name.ends_with(".rs") || name.ends_with(".html") {
            out.push(path);
        }
    }
}

/// The literal first arguments of calls that look a message up: `.t("id")`, `.t1("id", …)`,
/// `.t2`, `.t3`, `.args`, `ctx.page("id")` in Rust and `page.t("id")` in templates; and the
/// prefixes given to `t_of("prefix", value)`.
fn named_ids(source: &str) -> (Vec<String>, Vec<String>) {
    let (mut ids, mut prefixes) = (Vec::new(), Vec::new());
    for call in [".t(", ".t1(", ".t2(", ".t3(", ".args(", ".page(", "t_of("] {
        let mut rest = source;
        while let Some(at) = rest.find(call) {
            rest = &rest[at + call.len()..];
            let arg = rest.trim_start();
            let Some(arg) = arg.strip_prefix('"') else {
                continue;
            };
            let Some(end) = arg.find('"') else { continue };
            let literal = &arg[..end];
            if !literal.is_empty()
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
            {
                if call == "t_of(" {
                    prefixes.push(literal.to_string());
                } else {
                    ids.push(literal.to_string());
                }
            }
        }
    }
    (ids, prefixes)
}

/// A message the code names but no file defines would reach a page as its id (or, in a debug
/// build, stop the page): every id the code and templates name, in either language, exists in
/// both. Ids built at run time are checked by the tests beside this one and by the pages.
#[test]
fn every_message_the_code_names_is_in_both_languages() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    code_files(&crates, &mut files);
    let (en, cy) = (defined("en"), defined("cy"));
    let (mut named, mut missing) = (0, Vec::new());
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        // Shipped code only: a unit test may name a message that must not exist.
        let shipped = source
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or_default();
        let (ids, prefixes) = named_ids(shipped);
        named += ids.len() + prefixes.len();
        let where_ = file
            .strip_prefix(&crates)
            .unwrap_or(file)
            .display()
            .to_string();
        for id in ids {
            for (lang, set) in [("en", &en), ("cy", &cy)] {
                if !set.contains(&id) {
                    missing.push(format!("{where_}: {id} is not in {lang}"));
                }
            }
        }
        for prefix in prefixes {
            for (lang, set) in [("en", &en), ("cy", &cy)] {
                if !set.iter().any(|id| id.starts_with(&format!("{prefix}-"))) {
                    missing.push(format!("{where_}: no {prefix}-… message in {lang}"));
                }
            }
        }
    }
    assert!(named > 800, "the walk found the code's messages ({named})");
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "\n{}", missing.join("\n"));
}

/// The audit trail builds its ids from what it stored: every action, and every detail key and
/// flag skillgym records, has words in both languages, and they differ between the two.
#[test]
fn every_audit_action_and_detail_has_words_in_both_languages() {
    let (en, cy) = (defined("en"), defined("cy"));
    let mut ids: Vec<String> = AuditAction::ALL
        .iter()
        .map(|a| format!("audit-action-{}", a.as_str()))
        .collect();
    ids.extend(
        DETAIL_KEYS
            .iter()
            .chain(DETAIL_FLAGS.iter())
            .map(|k| format!("audit-detail-{k}")),
    );
    for id in &ids {
        assert!(en.contains(id) && cy.contains(id), "{id} in both languages");
        let value: skillgym_i18n::Arg = if id == "audit-detail-view" {
            "profile".into()
        } else {
            3.into()
        };
        let [english, welsh] =
            [Lang::En, Lang::Cy].map(|l| Tr::new(l).t1(id, "value", value.clone()));
        assert_ne!(english, welsh, "{id} is in Welsh too");
    }
}

/// Escaped as the templates escape text.
fn html_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('\'', "&#39;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

both_backends!(the_audit_trail_details_are_words_in_both_languages);

/// Every kind of event, with every detail key and flag, shows words in the Details column:
/// never a message id.
async fn the_audit_trail_details_are_words_in_both_languages(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    // A skills profile looked at, as the profile page records it.
    let mut respondent = None;
    for id in app.store().person_ids(app.org).await.unwrap().into_values() {
        if !app
            .store()
            .answered_campaigns(app.org, id)
            .await
            .unwrap()
            .is_empty()
        {
            respondent = Some(id);
            break;
        }
    }
    let respondent = respondent.expect("someone finished an audit");
    app.page(&admin, &format!("/people/{respondent}/profile"))
        .await;
    for action in AuditAction::ALL {
        let mut event = NewAuditEvent::new(Actor::System, action, None);
        for key in DETAIL_KEYS {
            let value = match key {
                "roles" => "admin,manager",
                "left-on" => "2026-01-31",
                "view" => "profile",
                _ => "3",
            };
            event = event.with(key, value);
        }
        for flag in DETAIL_FLAGS {
            event = event.with_flag(flag);
        }
        app.store().record_event(app.org, &event).await.unwrap();
    }
    for lang in Lang::OFFERED {
        app.post(&admin, "/language", &[("lang", lang.code())])
            .await;
        let html = app.page(&admin, "/audit-trail").await;
        let tr = Tr::new(lang);
        assert!(!html.contains('⚠'), "{lang:?}: {html}");
        let mut expected = vec![
            tr.t1("audit-detail-view", "value", "profile"),
            tr.t1(
                "audit-detail-roles",
                "value",
                format!("{}, {}", tr.t("role-admin"), tr.t("role-manager")),
            ),
            tr.t1("audit-detail-left-on", "value", "2026-01-31"),
        ];
        for action in AuditAction::ALL {
            expected.push(tr.t(&format!("audit-action-{}", action.as_str())));
        }
        for key in DETAIL_KEYS
            .iter()
            .filter(|k| !["roles", "left-on", "view"].contains(k))
        {
            expected.push(tr.t1(&format!("audit-detail-{key}"), "value", 3));
        }
        for flag in DETAIL_FLAGS {
            expected.push(tr.t(&format!("audit-detail-{flag}")));
        }
        for words in expected {
            assert!(
                html.contains(&html_escaped(&words)),
                "{lang:?}: {words:?} in the audit trail"
            );
        }
    }
    // The profile view names the campaign it showed.
    let html = app.page(&admin, "/audit-trail").await;
    assert!(html.contains("ymgyrch rhif "), "{html}");
}
