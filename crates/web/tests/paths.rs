//! An address whose id is not a number, or too large a one, names no page: every route answers
//! it with skillgym's own "page not found" page, in the reader's language.

mod common;

use common::TestApp;
use reqwest::header::CONTENT_TYPE;
use reqwest::{Client, Response, StatusCode};
use skillgym_i18n::{Lang, Tr};
use skillgym_test_db::{Backend, both_backends};

both_backends!(ids_that_are_not_numbers_name_no_page);

/// Larger than any id can be.
const TOO_LARGE: &str = "99999999999999999999";

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// The response is the not-found page, in `lang`.
async fn assert_not_found(response: Response, lang: Lang, what: &str) {
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "{what}");
    let content_type = response.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        content_type.starts_with("text/html"),
        "{what}: {content_type}"
    );
    let html = response.text().await.unwrap();
    let tr = Tr::new(lang);
    for id in ["error-not-found-title", "error-not-found-advice"] {
        assert!(
            html.contains(&escaped(&tr.t(id))),
            "{what}: {id} in\n{html}"
        );
    }
    assert!(!html.contains("Invalid URL"), "{what}");
}

/// Asks each path with `client`, and each form with its CSRF token and no other field.
async fn ask_all(app: &TestApp, client: &Client, gets: &[String], posts: &[String], lang: Lang) {
    for path in gets {
        let response = app.get(client, path).await;
        assert_not_found(response, lang, &format!("GET {path}")).await;
    }
    for path in posts {
        let response = app.post(client, path, &[]).await;
        assert_not_found(response, lang, &format!("POST {path}")).await;
    }
}

async fn ids_that_are_not_numbers_name_no_page(backend: Backend) {
    let app = common::spawn_app(backend).await;
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let framework = app.store().frameworks(app.org).await.unwrap()[0].id;
    let admin = app.signed_in("admin@afon.example").await;
    let gets = [
        "/campaigns/abc/report".to_string(),
        format!("/campaigns/{TOO_LARGE}"),
        "/campaigns/1e3/progress".to_string(),
        "/campaigns/abc/report/people.csv".to_string(),
        format!("/people/{TOO_LARGE}"),
        "/people/1.5/profile".to_string(),
        "/sites/abc/edit".to_string(),
        format!("/teams/{TOO_LARGE}/edit"),
        "/frameworks/abc/areas/A/edit".to_string(),
        format!("/frameworks/{TOO_LARGE}/case.json"),
        // The first of two ids is good, the second is not.
        format!("/campaigns/{campaign}/questions/abc/edit"),
        format!("/campaigns/{campaign}/quiz/{TOO_LARGE}/remove"),
        format!("/campaigns/{campaign}/import/abc"),
        format!("/frameworks/{framework}x/competences/A1/edit"),
        "/import/staff/abc".to_string(),
        "/audits/abc".to_string(),
        format!("/audits/{campaign}/section/abc"),
    ];
    let posts = [
        "/people/abc/edit".to_string(),
        format!("/campaigns/{TOO_LARGE}/clone"),
        format!("/campaigns/{campaign}/questions/abc/remove"),
    ];
    ask_all(&app, &admin, &gets, &posts, Lang::En).await;

    // A manager's page too.
    let manager = app.signed_in("manager@afon.example").await;
    let team_page = ["/team/campaigns/abc".to_string()];
    ask_all(&app, &manager, &team_page, &[], Lang::En).await;

    // In Welsh, chosen as a person chooses it.
    let response = app.post(&admin, "/language", &[("lang", "cy")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    ask_all(&app, &admin, &gets, &posts, Lang::Cy).await;
}
