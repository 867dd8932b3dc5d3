//! Every word a person reads comes from a message file: pages rendered in a pseudo-locale that
//! marks each message show no other text but the organisation's own data.

mod common;

use common::{TestApp, spawn_app_with};
use skillgym_domain::staff_file::PROBLEM_CODES;
use skillgym_i18n::{Lang, Tr};
use skillgym_store::PersonFilter;
use skillgym_test_db::{Backend, both_backends};
use skillgym_web::WebConfig;

/// The visible text of a page: text between tags, `<title>`, and `aria-label` values.
fn visible_text(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("aria-label=\"") {
        rest = &rest[start + 12..];
        out.push(rest[..rest.find('"').unwrap()].to_string());
    }
    let mut in_tag = false;
    let mut text = String::new();
    for c in html.chars() {
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
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
        })
        .collect()
}

/// The organisation's own words: names, roles, places, codes. They are data, not interface.
async fn data_strings(app: &TestApp) -> Vec<String> {
    let store = app.store();
    let mut data = Vec::new();
    let org = store.organisation().await.unwrap().unwrap();
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
        data.extend(record.start_date);
        data.extend(record.team.map(|t| t.1));
    }
    for s in store.sites(app.org).await.unwrap() {
        data.extend([s.name, s.code.to_string()]);
        data.extend(s.location.postcode);
    }
    for t in store.teams(app.org).await.unwrap() {
        data.push(t.name);
    }
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
    let pages: Vec<(&str, String)> = vec![
        ("admin@afon.example", "/".into()),
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
        ("admin@afon.example", "/no-such-page".into()),
        ("manager@afon.example", "/".into()),
        ("manager@afon.example", "/team".into()),
        ("learner@afon.example", "/".into()),
        ("learner@afon.example", "/people".into()),
        ("champion@afon.example", "/".into()),
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
    // A form with errors, and the sign-in page signed out.
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
    found.sort();
    found.dedup();
    assert!(
        found.is_empty(),
        "text not from a message file:\n{}",
        found.join("\n")
    );
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
