//! Signing in and out: bad input, the throttle, session fixation, cookies, CSRF.

mod common;

use common::{browser, csrf_in, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::Email;
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    bad_sign_ins_show_an_error_summary_and_start_no_session,
    repeated_failures_are_throttled_even_with_the_right_password,
    signing_in_replaces_the_session_and_signing_out_ends_it,
    session_cookies_are_http_only_and_same_site,
    forms_need_the_csrf_token_and_our_origin,
    passwords_are_stored_as_argon2id,
    an_access_link_sets_a_password_once,
    sessions_end_after_their_absolute_lifetime_however_much_they_are_used,
    the_language_switch_sends_people_back_only_to_this_site,
);

/// Moves every session's start `secs` into the past (its last use stays recent).
async fn sessions_started_ago(app: &common::TestApp, secs: i64) {
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    sqlx::query("UPDATE sessions SET created_at = $1")
        .bind(skillgym_store::now() - secs)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

async fn sessions_end_after_their_absolute_lifetime_however_much_they_are_used(backend: Backend) {
    // The default: twelve hours.
    let app = spawn_app(backend).await;
    let client = app.signed_in("learner@afon.example").await;
    sessions_started_ago(&app, 11 * 3600 + 50 * 60).await;
    assert_eq!(app.get(&client, "/").await.status(), StatusCode::OK);
    sessions_started_ago(&app, 12 * 3600 + 60).await;
    assert_eq!(location(&app.get(&client, "/").await), "/sign-in");

    // Configured shorter: one hour.
    let config = skillgym_web::WebConfig {
        session_lifetime: std::time::Duration::from_secs(3600),
        ..Default::default()
    };
    let app = common::spawn_app_with(backend, config).await;
    let client = app.signed_in("learner@afon.example").await;
    sessions_started_ago(&app, 50 * 60).await;
    assert_eq!(app.get(&client, "/").await.status(), StatusCode::OK);
    sessions_started_ago(&app, 61 * 60).await;
    assert_eq!(location(&app.get(&client, "/").await), "/sign-in");
}

async fn the_language_switch_sends_people_back_only_to_this_site(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = browser();
    for (back, to) in [
        ("/audits", "/audits"),
        ("/people?q=jones", "/people?q=jones"),
        ("//evil.example", "/"),
        ("/\\evil.example", "/"),
        ("/%2Fevil.example", "/"),
        ("/%5Cevil.example", "/"),
        ("https://evil.example/", "/"),
        ("evil.example", "/"),
        ("", "/"),
    ] {
        let response = app
            .post(&client, "/language", &[("lang", "cy"), ("back", back)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{back}");
        assert_eq!(location(&response), to, "{back}");
    }
}

async fn bad_sign_ins_show_an_error_summary_and_start_no_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let cases: [(&str, &str, &str); 5] = [
        ("", "", "#email"),
        ("not-an-email", "x", "#email"),
        ("admin@afon.example", "", "#password"),
        ("admin@afon.example", "wrong password", "#email"),
        ("nobody@afon.example", "skillgym-demo", "#email"),
    ];
    for (email, password, link) in cases {
        let client = browser();
        let response = app
            .post(
                &client,
                "/sign-in",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{email:?}"
        );
        let html = response.text().await.unwrap();
        assert!(html.contains("class=\"error-summary\""), "{email:?}");
        assert!(
            html.contains(&format!("href=\"{link}\"")),
            "{email:?} links to {link}"
        );
        assert!(
            html.contains("<title>Error: Sign in"),
            "the title says there is an error"
        );
        // Still signed out.
        let home = app.get(&client, "/").await;
        assert_eq!(location(&home), "/sign-in");
    }
    // The same message whether or not the account exists.
    let wrong = app
        .post(
            &browser(),
            "/sign-in",
            &[("email", "admin@afon.example"), ("password", "nope")],
        )
        .await
        .text()
        .await
        .unwrap();
    let unknown = app
        .post(
            &browser(),
            "/sign-in",
            &[("email", "ghost@afon.example"), ("password", "nope")],
        )
        .await
        .text()
        .await
        .unwrap();
    let summary = |html: &str| {
        html[html.find("error-summary").unwrap()..html.find("</ul>").unwrap()].to_string()
    };
    assert_eq!(summary(&wrong), summary(&unknown));
}

async fn repeated_failures_are_throttled_even_with_the_right_password(backend: Backend) {
    let app = spawn_app(backend).await;
    for _ in 0..5 {
        let response = app
            .post(
                &browser(),
                "/sign-in",
                &[("email", "learner@afon.example"), ("password", "guess")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let response = app
        .post(
            &browser(),
            "/sign-in",
            &[
                ("email", "learner@afon.example"),
                ("password", "skillgym-demo"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.text().await.unwrap().contains("too many attempts"));
    // Other people can still sign in.
    app.signed_in("manager@afon.example").await;
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("sg_session="))
        .map(str::to_string)
}

async fn signing_in_replaces_the_session_and_signing_out_ends_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.signed_in("learner@afon.example").await;
    let first = app.page(&client, "/me").await;
    // Signing in again, in the same browser, issues a new session and ends the old one.
    let again = app
        .post(
            &client,
            "/sign-in",
            &[
                ("email", "learner@afon.example"),
                ("password", "skillgym-demo"),
            ],
        )
        .await;
    let new_cookie = session_cookie(&again).expect("a new session cookie");
    let old_token = {
        let fresh = browser();
        let response = app
            .post(
                &fresh,
                "/sign-in",
                &[
                    ("email", "learner@afon.example"),
                    ("password", "skillgym-demo"),
                ],
            )
            .await;
        session_cookie(&response).unwrap()
    };
    assert_ne!(new_cookie, old_token);
    assert!(first.contains("My details"));
    // Replaying a session token after sign-out gets nothing.
    let token = old_token.split(';').next().unwrap().to_string();
    let replay = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let me = replay
        .get(format!("{}/me", app.url))
        .header("cookie", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    let html = me.text().await.unwrap();
    let response = replay
        .post(format!("{}/sign-out", app.url))
        .header("cookie", &token)
        .form(&[("csrf", csrf_in(&html))])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/sign-in");
    let me = replay
        .get(format!("{}/me", app.url))
        .header("cookie", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(location(&me), "/sign-in");
}

async fn session_cookies_are_http_only_and_same_site(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = browser();
    let response = app
        .post(
            &client,
            "/sign-in",
            &[
                ("email", "admin@afon.example"),
                ("password", "skillgym-demo"),
            ],
        )
        .await;
    let cookie = session_cookie(&response).unwrap();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    let page = app.get(&client, "/").await;
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
    assert_eq!(page.headers()["cache-control"], "no-store");
}

async fn forms_need_the_csrf_token_and_our_origin(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = browser();
    let response = client
        .post(format!("{}/sign-in", app.url))
        .form(&[
            ("email", "admin@afon.example"),
            ("password", "skillgym-demo"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Cookies may be blocked for this site")
    );
    let csrf = app.csrf(&client).await;
    let response = client
        .post(format!("{}/sign-in", app.url))
        .header("origin", "https://evil.example")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "admin@afon.example"),
            ("password", "skillgym-demo"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = client
        .post(format!("{}/sign-in", app.url))
        .header("origin", app.url.as_str())
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "admin@afon.example"),
            ("password", "skillgym-demo"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

async fn passwords_are_stored_as_argon2id(backend: Backend) {
    let app = spawn_app(backend).await;
    let account = app
        .store()
        .account_for_sign_in(&Email::parse("admin@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(account.password_hash.unwrap().starts_with("$argon2id$"));
}

async fn an_access_link_sets_a_password_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    // Someone in the demo with an email and no account yet.
    let (people, _) = app
        .store()
        .people(
            app.org,
            &skillgym_store::PersonFilter {
                limit: 500,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut target = None;
    for p in people {
        let record = app.store().person(app.org, p.id).await.unwrap();
        if record.account.is_none() && record.email.is_some() {
            target = Some(record);
            break;
        }
    }
    let target = target.unwrap();
    let response = app
        .post(
            &admin,
            &format!("/people/{}/access", target.id),
            &[("role", "champion"), ("link", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    let start = html
        .find(&format!("{}/access/", app.url))
        .expect("the page shows the link");
    let link = html[start..start + html[start..].find('<').unwrap()]
        .trim()
        .to_string();
    let path = link.trim_start_matches(&app.url).to_string();

    let person = browser();
    let form = app.page(&person, &path).await;
    let csrf = csrf_in(&form);
    let short = person
        .post(&link)
        .form(&[
            ("csrf", csrf.as_str()),
            ("password", "short"),
            ("confirm", "short"),
        ])
        .send()
        .await
        .unwrap();
    assert!(
        short
            .text()
            .await
            .unwrap()
            .contains("at least 10 characters")
    );
    let done = person
        .post(&link)
        .form(&[
            ("csrf", csrf.as_str()),
            ("password", "a long new password"),
            ("confirm", "a long new password"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&done), "/sign-in");
    assert_eq!(
        app.get(&person, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    let email = target.email.unwrap();
    let signed_in = app
        .post(
            &browser(),
            "/sign-in",
            &[
                ("email", email.as_str()),
                ("password", "a long new password"),
            ],
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
}
