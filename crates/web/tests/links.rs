//! Links sent by email or handed over (a password-free audit link, a single-use access link):
//! opening one (GET, as mail systems' link scanners do) changes nothing, only its button's
//! POST signs in or makes an account; and an audit link is signed with a key derived from the
//! secret key, which the database never holds.

mod common;

use common::{TestApp, browser, csrf_in, location, spawn_app};
use reqwest::{Client, StatusCode};
use skillgym_domain::{CampaignId, Email, PersonId};
use skillgym_store::{AuditFilter, SecretKey, Store, StoreError};
use skillgym_test_db::{Backend, both_backends};
use skillgym_web::audit_links;
use std::sync::Arc;

both_backends!(
    opening_an_audit_link_changes_nothing_until_its_button_is_pressed,
    opening_an_access_link_changes_nothing_until_the_password_is_saved,
    a_new_secret_key_refuses_old_audit_links_and_no_link_key_is_stored,
);

fn today() -> String {
    skillgym_domain::people::format_date(time::OffsetDateTime::now_utc().date())
}

/// The open campaign, with password-free links allowed.
async fn campaign_with_links(app: &TestApp) -> CampaignId {
    let today = time::OffsetDateTime::now_utc().date();
    let campaign = app
        .store()
        .campaigns(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.opens_on <= today && today <= c.closes_on)
        .unwrap()
        .id;
    let admin = app.signed_in("admin@afon.example").await;
    let response = app
        .post(
            &admin,
            &format!("/campaigns/{campaign}/invitation-settings"),
            &[("reminder_days", "7"), ("links_allowed", "1")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    campaign
}

/// Rows in a table, read directly.
async fn count(app: &TestApp, table: &str) -> i64 {
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    let n = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

fn sets_session(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|c| c.to_str().unwrap().starts_with("sg_session="))
}

async fn events(app: &TestApp) -> i64 {
    let filter = AuditFilter {
        limit: 1,
        ..AuditFilter::default()
    };
    app.store().audit_events(app.org, &filter).await.unwrap().1
}

async fn opening_an_audit_link_changes_nothing_until_its_button_is_pressed(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = campaign_with_links(&app).await;
    // Someone in the audience with no account yet: the button makes them one.
    let mut newcomer = None;
    for r in app
        .store()
        .to_invite(campaign, time::OffsetDateTime::now_utc().date())
        .await
        .unwrap()
    {
        let email = Email::parse(&r.email).unwrap();
        if app
            .store()
            .account_by_email(&email)
            .await
            .unwrap()
            .is_none()
        {
            newcomer = Some((r.person, email));
            break;
        }
    }
    let (person, email) = newcomer.expect("someone invited without an account");
    let expires = audit_links::expiry_for(&today()) + 24 * 3600;
    let token = audit_links::sign(app.store(), person, campaign, expires)
        .await
        .unwrap();
    let link = format!("/audits/{campaign}/link/{token}");

    let sessions = count(&app, "sessions").await;
    let accounts = count(&app, "accounts").await;
    let trail = events(&app).await;
    // Opened twice, by a link scanner and then by the person: a page with one button.
    let client = browser();
    let mut html = String::new();
    for _ in 0..2 {
        let response = app.get(&client, &link).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(!sets_session(&response), "no session from a GET");
        html = response.text().await.unwrap();
        assert!(html.contains(&format!("<form method=\"post\" action=\"{link}\">")));
        assert!(html.contains("Continue to the audit"));
    }
    assert!(
        app.store()
            .account_by_email(&email)
            .await
            .unwrap()
            .is_none(),
        "no account made by a GET"
    );
    assert_eq!(count(&app, "sessions").await, sessions);
    assert_eq!(count(&app, "accounts").await, accounts);
    assert_eq!(events(&app).await, trail, "nothing in the audit trail");
    assert_eq!(location(&app.get(&client, "/").await), "/sign-in");
    // Someone signed in who opens it (GET) stays signed in as themselves.
    let admin = app.signed_in("admin@afon.example").await;
    assert_eq!(app.get(&admin, &link).await.status(), StatusCode::OK);
    assert_eq!(app.get(&admin, "/people").await.status(), StatusCode::OK);

    // A POST without the form's token is refused, and changes nothing either.
    let response = client
        .post(format!("{}{link}", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(count(&app, "accounts").await, accounts);

    // The button: an account, a session scoped to the campaign, its page.
    let response = client
        .post(format!("{}{link}", app.url))
        .form(&[("csrf", csrf_in(&html).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("/audits/{campaign}"));
    assert!(sets_session(&response));
    let account = app.store().account_by_email(&email).await.unwrap();
    assert_eq!(account.map(|a| a.person_id), Some(person));
    assert_eq!(
        app.get(&client, &format!("/audits/{campaign}"))
            .await
            .status(),
        StatusCode::OK
    );
}

async fn opening_an_access_link_changes_nothing_until_the_password_is_saved(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let learner = app
        .store()
        .account_by_email(&Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    let response = app
        .post(
            &admin,
            &format!("/people/{}/access", learner.person_id),
            &[("link", "yes")],
        )
        .await;
    let html = response.text().await.unwrap();
    let start = html.find("/access/").expect("the page shows the link");
    let path = html[start..start + html[start..].find('<').unwrap()]
        .trim()
        .to_string();
    let before = app
        .store()
        .account_for_sign_in(&Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .password_hash;
    let sessions = count(&app, "sessions").await;

    let client = browser();
    let mut form = String::new();
    for _ in 0..2 {
        let response = app.get(&client, &path).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(!sets_session(&response));
        form = response.text().await.unwrap();
    }
    let after = app
        .store()
        .account_for_sign_in(&Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .password_hash;
    assert_eq!(after, before, "the password is unchanged");
    assert_eq!(count(&app, "sessions").await, sessions);
    assert_eq!(count(&app, "access_links").await, 1, "the link still works");

    let response = client
        .post(format!("{}{path}", app.url))
        .form(&[
            ("csrf", csrf_in(&form).as_str()),
            ("password", "three random words"),
            ("confirm", "three random words"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/sign-in");
    assert_eq!(count(&app, "access_links").await, 0, "used once");
}

async fn a_new_secret_key_refuses_old_audit_links_and_no_link_key_is_stored(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = campaign_with_links(&app).await;
    let learner: PersonId = app
        .store()
        .account_by_email(&Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    let expires = audit_links::expiry_for(&today()) + 24 * 3600;
    // Key A: the app's own.
    let ours = audit_links::sign(app.store(), learner, campaign, expires)
        .await
        .unwrap();
    assert_eq!(
        app.get(&browser(), &format!("/audits/{campaign}/link/{ours}"))
            .await
            .status(),
        StatusCode::OK
    );
    // Key B: another instance's, on the same database.
    let (other_key, _) = SecretKey::generate().unwrap();
    let other = Store::connect(&app.db.url)
        .await
        .unwrap()
        .with_secret_key(Arc::new(other_key));
    let theirs = audit_links::sign(&other, learner, campaign, expires)
        .await
        .unwrap();
    assert_ne!(theirs, ours);
    let client: Client = browser();
    let link = format!("/audits/{campaign}/link/{theirs}");
    let response = app.get(&client, &link).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let html = response.text().await.unwrap();
    assert!(html.contains("This link does not work"));
    let response = client
        .post(format!("{}{link}", app.url))
        .form(&[("csrf", csrf_in(&html).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(!sets_session(&response));

    // Nothing in the database mints a link: no key is stored, and a store without the secret
    // key (a copy of the database) can neither make nor check one.
    assert_eq!(count(&app, "secrets").await, 0);
    let copy = Store::connect(&app.db.url).await.unwrap();
    assert!(matches!(
        audit_links::sign(&copy, learner, campaign, expires).await,
        Err(StoreError::NoSecretKey)
    ));
    assert!(matches!(
        audit_links::verify(&copy, &ours, skillgym_store::now()).await,
        Err(StoreError::NoSecretKey)
    ));

    // The secret key rotated: the same database served with key B. Links signed with key A
    // are refused; sessions and single-use sign-in links carry on.
    let admin = app.signed_in("admin@afon.example").await;
    let response = app
        .post(
            &admin,
            &format!("/people/{learner}/access"),
            &[("link", "yes")],
        )
        .await;
    let html = response.text().await.unwrap();
    let start = html.find("/access/").expect("a sign-in link");
    let access = html[start..start + html[start..].find('<').unwrap()]
        .trim()
        .to_string();
    let (rotated_key, _) = SecretKey::generate().unwrap();
    let rotated = Store::connect(&app.db.url)
        .await
        .unwrap()
        .with_secret_key(Arc::new(rotated_key));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let served = skillgym_web::app(
        rotated,
        skillgym_web::WebConfig {
            public_url: url.clone(),
            ..Default::default()
        },
    );
    tokio::spawn(async move { skillgym_web::serve(listener, served).await.unwrap() });
    let old_link = format!("{url}/audits/{campaign}/link/{ours}");
    let response = browser().get(&old_link).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "key A's link");
    let session = admin.get(format!("{url}/people")).send().await.unwrap();
    assert_eq!(session.status(), StatusCode::OK, "the session carries on");
    let access = browser()
        .get(format!("{url}{access}"))
        .send()
        .await
        .unwrap();
    assert_eq!(access.status(), StatusCode::OK, "the sign-in link works");
}
