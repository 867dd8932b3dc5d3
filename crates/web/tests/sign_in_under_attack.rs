//! Sign-in under attack and behind a proxy: guesses sent at once are all counted and only a
//! few checked, the throttle counts the real client behind a trusted proxy (and only then
//! believes `X-Forwarded-For`), a flood of password checks is turned away with 503, and forms
//! must come from the public URL's origin.

mod common;

use common::{browser, location, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use skillgym_domain::Email;
use skillgym_domain::demo::DEMO_PASSWORD;
use skillgym_test_db::{Backend, both_backends};
use skillgym_web::{IpNetwork, PasswordChecks, WebConfig};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Barrier;

both_backends!(
    guesses_sent_at_once_are_all_counted_and_at_most_five_checked,
    an_untrusted_peer_is_throttled_by_its_own_address_whatever_it_forwards,
    behind_a_trusted_proxy_each_client_is_throttled_on_its_own,
    a_flood_of_password_checks_is_asked_to_come_back_later,
    forms_must_come_from_the_public_url_when_one_is_set,
);

const LEARNER: &str = "learner@afon.example";
/// The throttle's limits (auth::MAX_ATTEMPTS_PER_EMAIL and _PER_ADDRESS).
const PER_EMAIL: usize = 5;
const PER_ADDRESS: usize = 50;

fn window_start() -> i64 {
    skillgym_store::now() - 15 * 60
}

async fn guesses_sent_at_once_are_all_counted_and_at_most_five_checked(backend: Backend) {
    let app = spawn_app(backend).await;
    // Twenty browsers, each with its own connection and CSRF token, ready before any posts.
    let mut ready = Vec::new();
    for _ in 0..20 {
        let client = browser();
        let csrf = app.csrf(&client).await;
        ready.push((client, csrf));
    }
    let start = Arc::new(Barrier::new(ready.len()));
    let url = format!("{}/sign-in", app.url);
    let guesses: Vec<_> = ready
        .into_iter()
        .enumerate()
        .map(|(i, (client, csrf))| {
            let (start, url) = (start.clone(), url.clone());
            tokio::spawn(async move {
                let guess = format!("guess number {i}");
                start.wait().await;
                let response = client
                    .post(&url)
                    .form(&[
                        ("csrf", csrf.as_str()),
                        ("email", LEARNER),
                        ("password", guess.as_str()),
                    ])
                    .send()
                    .await
                    .unwrap();
                response.status()
            })
        })
        .collect();
    let mut checked = 0;
    let mut throttled = 0;
    for guess in guesses {
        match guess.await.unwrap() {
            // "Wrong password" can only be said after the password was checked.
            StatusCode::UNPROCESSABLE_ENTITY => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => throttled += 1,
            other => panic!("a guess was answered {other}"),
        }
    }
    assert_eq!(
        (checked, throttled),
        (PER_EMAIL, 20 - PER_EMAIL),
        "exactly as many checked as the limit allows, the rest refused unchecked"
    );
    let (by_email, by_address) = app
        .store()
        .sign_in_failures(LEARNER, "127.0.0.1", window_start())
        .await
        .unwrap();
    assert_eq!((by_email, by_address), (20, 20), "every guess is counted");
    // The right password is refused too while the throttle holds.
    let right = app
        .post(
            &browser(),
            "/sign-in",
            &[("email", LEARNER), ("password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(right.text().await.unwrap().contains("too many attempts"));
    // Fifteen minutes later, the guesses no longer count.
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    sqlx::query("UPDATE sign_in_failures SET at = at - 15 * 60 - 1")
        .execute(&pool)
        .await
        .unwrap();
    app.signed_in(LEARNER).await;
}

/// Fails to sign in `times` times from one browser, as different people who have no account,
/// each request carrying the `X-Forwarded-For` that `forwarded(i)` gives.
async fn fail_sign_ins(
    app: &common::TestApp,
    times: usize,
    forwarded: impl Fn(usize) -> String,
) -> Vec<StatusCode> {
    let client = browser();
    let csrf = app.csrf(&client).await;
    let mut statuses = Vec::new();
    for i in 0..times {
        let email = format!("nobody{i}@afon.example");
        let response = client
            .post(format!("{}/sign-in", app.url))
            .header("x-forwarded-for", forwarded(i))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", email.as_str()),
                ("password", "a guess"),
            ])
            .send()
            .await
            .unwrap();
        statuses.push(response.status());
    }
    statuses
}

/// Signs in as the manager with the right password, the request forwarded for `client`.
async fn sign_in_forwarded_for(app: &common::TestApp, client: &str) -> StatusCode {
    let browser = browser();
    let csrf = app.csrf(&browser).await;
    browser
        .post(format!("{}/sign-in", app.url))
        .header("x-forwarded-for", client)
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "manager@afon.example"),
            ("password", DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap()
        .status()
}

async fn an_untrusted_peer_is_throttled_by_its_own_address_whatever_it_forwards(backend: Backend) {
    // No trusted proxies: the header is the client's own word, and ignored.
    let app = spawn_app(backend).await;
    let statuses = fail_sign_ins(&app, PER_ADDRESS, |i| format!("198.51.100.{i}")).await;
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::UNPROCESSABLE_ENTITY)
    );
    let (_, by_peer) = app
        .store()
        .sign_in_failures("", "127.0.0.1", window_start())
        .await
        .unwrap();
    assert_eq!(by_peer, PER_ADDRESS as i64, "counted by the peer's address");
    let (_, by_claimed) = app
        .store()
        .sign_in_failures("", "198.51.100.1", window_start())
        .await
        .unwrap();
    assert_eq!(by_claimed, 0);
    // A fresh forwarded address does not get round it, even with the right password.
    assert_eq!(
        sign_in_forwarded_for(&app, "203.0.113.77").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

async fn behind_a_trusted_proxy_each_client_is_throttled_on_its_own(backend: Backend) {
    let app = spawn_app_with(
        backend,
        WebConfig {
            trusted_proxies: vec!["127.0.0.1/32".parse::<IpNetwork>().unwrap()],
            ..WebConfig::default()
        },
    )
    .await;
    // One noisy client behind the proxy, which also puts a made-up address of its own in
    // front of its real one (a proxy appends the address it saw).
    let statuses = fail_sign_ins(&app, PER_ADDRESS, |i| format!("192.0.2.{i}, 203.0.113.1")).await;
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::UNPROCESSABLE_ENTITY)
    );
    let counted = |ip: &'static str| {
        let store = app.store().clone();
        async move {
            store
                .sign_in_failures("", ip, window_start())
                .await
                .unwrap()
                .1
        }
    };
    assert_eq!(counted("203.0.113.1").await, PER_ADDRESS as i64);
    assert_eq!(counted("127.0.0.1").await, 0, "not the proxy's address");
    assert_eq!(
        counted("192.0.2.1").await,
        0,
        "not the client's made-up one"
    );
    // The noisy client is refused...
    assert_eq!(
        sign_in_forwarded_for(&app, "203.0.113.1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // ...and everyone else behind the same proxy still signs in.
    assert_eq!(
        sign_in_forwarded_for(&app, "203.0.113.2").await,
        StatusCode::SEE_OTHER
    );
}

async fn a_flood_of_password_checks_is_asked_to_come_back_later(backend: Backend) {
    // One check at a time and no waiting, with the one turn held here: any sign-in or
    // password choice now is one too many.
    let checks = Arc::new(PasswordChecks::new(1, Duration::ZERO));
    let app = spawn_app_with(
        backend,
        WebConfig {
            password_checks: checks.clone(),
            ..WebConfig::default()
        },
    )
    .await;
    let held = checks.try_take_turn().expect("the only turn");

    let busy = app
        .post(
            &browser(),
            "/sign-in",
            &[("email", LEARNER), ("password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
    let retry: u64 = busy.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "Retry-After: {retry}");
    let page = busy.text().await.unwrap();
    assert!(page.contains("Sorry, skillgym is busy"), "{page}");
    assert!(page.contains("Wait a few seconds"), "{page}");
    // In Welsh too.
    let welsh = browser();
    let csrf = app.csrf(&welsh).await;
    let busy = welsh
        .post(format!("{}/sign-in", app.url))
        .header("accept-language", "cy")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", LEARNER),
            ("password", DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(busy.headers().contains_key("retry-after"));
    assert!(
        busy.text()
            .await
            .unwrap()
            .contains("mae skillgym yn brysur")
    );
    // Turned away unchecked, so not counted against the person.
    let (by_email, _) = app
        .store()
        .sign_in_failures(LEARNER, "127.0.0.1", window_start())
        .await
        .unwrap();
    assert_eq!(by_email, 0);

    // Choosing a password through an access link waits its turn the same way.
    let account = app
        .store()
        .account_for_sign_in(&Email::parse(LEARNER).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    let link = skillgym_web::make_access_link(app.store(), account, &app.url)
        .await
        .unwrap();
    let path = link.trim_start_matches(&app.url).to_string();
    let person = browser();
    let choose = app
        .post(
            &person,
            &path,
            &[
                ("password", "a long new password"),
                ("confirm", "a long new password"),
            ],
        )
        .await;
    assert_eq!(choose.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(choose.headers().contains_key("retry-after"));
    assert_eq!(
        app.get(&person, &path).await.status(),
        StatusCode::OK,
        "the link is not used up"
    );

    // Once the turn is free, both go through.
    drop(held);
    app.signed_in(LEARNER).await;
    let chosen = app
        .post(
            &person,
            &path,
            &[
                ("password", "a long new password"),
                ("confirm", "a long new password"),
            ],
        )
        .await;
    assert_eq!(location(&chosen), "/sign-in");
}

async fn forms_must_come_from_the_public_url_when_one_is_set(backend: Backend) {
    // Behind a proxy: people use https://skills.example.gov.uk, and the Host skillgym is asked
    // for is its own address.
    let app = spawn_app_with(
        backend,
        WebConfig {
            public_url: "https://skills.example.gov.uk".into(),
            public_url_configured: true,
            ..WebConfig::default()
        },
    )
    .await;
    assert_eq!(
        sign_in_from(&app, "https://skills.example.gov.uk").await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        sign_in_from(&app, "https://evil.example").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        sign_in_from(&app, &app.url).await,
        StatusCode::FORBIDDEN,
        "the Host alone no longer vouches for a form"
    );

    // Without a public URL, the Host asked for is ours.
    let app = spawn_app(backend).await;
    assert_eq!(
        sign_in_from(&app, "https://skills.example.gov.uk").await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(sign_in_from(&app, &app.url).await, StatusCode::SEE_OTHER);
}

/// Signs in as the administrator from a fresh browser, with `origin` as the form's origin.
async fn sign_in_from(app: &common::TestApp, origin: &str) -> StatusCode {
    let client = browser();
    let csrf = app.csrf(&client).await;
    client
        .post(format!("{}/sign-in", app.url))
        .header("origin", origin)
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "admin@afon.example"),
            ("password", DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap()
        .status()
}
