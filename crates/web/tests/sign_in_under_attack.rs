//! Sign-in under attack: guesses sent at once are all counted and only a few checked.

mod common;

use common::{browser, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::demo::DEMO_PASSWORD;
use skillgym_test_db::{Backend, both_backends};
use std::sync::Arc;
use tokio::sync::Barrier;

both_backends!(guesses_sent_at_once_are_all_counted_and_at_most_five_checked);

const LEARNER: &str = "learner@afon.example";
/// The throttle's limit (auth::MAX_ATTEMPTS_PER_EMAIL).
const PER_EMAIL: usize = 5;

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
}
