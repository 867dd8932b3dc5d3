//! One skillgym serving several organisations: each person sees and changes only their own.
//! (That no route reaches another organisation's objects is tests/access.rs's
//! `no_route_reaches_another_organisations_objects`.)

mod common;

use common::{add_organisation, browser, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::analysis::AnonymityThreshold;
use skillgym_domain::demo::DEMO_PASSWORD;
use skillgym_store::{Actor, SingleSignOnInput};
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    each_person_sees_their_own_organisation,
    settings_belong_to_one_organisation,
    the_persons_own_organisation_decides_whether_a_password_signs_them_in,
);

/// Signed in, the page names the person's organisation; signed out, the default one (the
/// first created).
async fn each_person_sees_their_own_organisation(backend: Backend) {
    let app = spawn_app(backend).await;
    add_organisation(&app, "Bro Library Service", "bro.example").await;
    let bro = app.signed_in("admin@bro.example").await;
    let home = app.page(&bro, "/").await;
    assert!(home.contains("Bro Library Service"), "{home}");
    assert!(!home.contains("Afon"), "{home}");
    let afon = app.signed_in("admin@afon.example").await;
    let home = app.page(&afon, "/").await;
    assert!(home.contains("Afon"), "{home}");
    assert!(!home.contains("Bro Library Service"), "{home}");
    let page = app.page(&browser(), "/sign-in").await;
    assert!(page.contains("Afon"), "{page}");
    // Each administrator's people list holds only their own people.
    let people = app.page(&bro, "/people?q=afon.example").await;
    assert!(!people.contains("@afon.example"), "{people}");
}

/// An administrator's settings page shows and changes their own organisation's settings.
async fn settings_belong_to_one_organisation(backend: Backend) {
    let app = spawn_app(backend).await;
    let bro = add_organisation(&app, "Bro Library Service", "bro.example").await;
    let admin = app.signed_in("admin@bro.example").await;
    let response = app
        .post(&admin, "/settings/anonymity", &[("threshold", "9")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let store = app.store();
    assert_eq!(store.anonymity_threshold(bro).await.unwrap().get(), 9);
    assert_eq!(
        store.anonymity_threshold(app.org).await.unwrap(),
        AnonymityThreshold::DEFAULT
    );
    let page = app
        .page(
            &app.signed_in("admin@afon.example").await,
            "/settings/anonymity",
        )
        .await;
    assert!(
        page.contains(&format!("value=\"{}\"", AnonymityThreshold::DEFAULT.get())),
        "{page}"
    );
    let response = app
        .post(&admin, "/settings/retention", &[("months", "14")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(store.retention_period(bro).await.unwrap().months(), 14);
    assert_ne!(store.retention_period(app.org).await.unwrap().months(), 14);
}

/// Passwords turned off in one organisation (it signs in with its own provider): its people
/// cannot sign in with a password from any organisation's sign-in page, while the default
/// organisation's people still can.
async fn the_persons_own_organisation_decides_whether_a_password_signs_them_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let bro = add_organisation(&app, "Bro Library Service", "bro.example").await;
    app.store()
        .save_single_sign_on(
            bro,
            &SingleSignOnInput {
                issuer_url: "https://login.bro.example".into(),
                client_id: "skillgym".into(),
                client_secret: Some("a secret of some length".into()),
                employee_number_claim: None,
                password_sign_in: false,
            },
            Actor::System,
        )
        .await
        .unwrap();
    let sign_in = async |email: &str| {
        let client = browser();
        app.post(
            &client,
            "/sign-in",
            &[("email", email), ("password", DEMO_PASSWORD)],
        )
        .await
        .status()
    };
    assert_eq!(
        sign_in("learner@bro.example").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(sign_in("learner@afon.example").await, StatusCode::SEE_OTHER);
}
