//! Signing in with the organisation's account, against a stand-in OpenID provider on
//! loopback that signs its ID tokens with a test RSA key: the settings page, the sign-in page's
//! choices, and every way a callback must be refused (state unknown, expired, replayed or from
//! another browser; an ID token for another audience, expired, with the wrong nonce or issuer,
//! or signed by another key; nobody matching).
//!
//! The browser tests in e2e/sso.test.mjs run the same flow against a real provider
//! (oidc-provider); tokens a real provider will not issue (wrong audience, expired) are
//! crafted here.

mod common;

use axum::Router;
use axum::extract::{Form, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use base64::Engine;
use common::{TestApp, browser, location, spawn_app};
use openidconnect::core::{
    CoreGenderClaim, CoreJsonWebKeySet, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreRsaPrivateSigningKey,
};
use openidconnect::{
    AdditionalClaims, Audience, EndUserEmail, IdToken, IdTokenClaims, IssuerUrl, JsonWebKeyId,
    Nonce, PrivateSigningKey, StandardClaims, SubjectIdentifier,
};
use reqwest::{Client, StatusCode};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use skillgym_domain::{Email, Role};
use skillgym_test_db::{Backend, both_backends};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const KEY: &str = include_str!("fixtures/sso-test-key.pem");
const OTHER_KEY: &str = include_str!("fixtures/sso-other-key.pem");
const CLIENT_ID: &str = "skillgym-test";
const SECRET: &str = "a-client-secret-nobody-may-see";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct ExtraClaims {
    #[serde(skip_serializing_if = "Option::is_none")]
    employee_id: Option<String>,
}
impl AdditionalClaims for ExtraClaims {}

/// What the stand-in provider puts in its next ID token.
#[derive(Clone)]
struct Token {
    /// Who the provider says this is (`sub`): its own name for a person, which never changes.
    subject: String,
    email: Option<String>,
    email_verified: bool,
    employee_id: Option<String>,
    audience: String,
    /// Seconds from now; negative for a token that has expired.
    expires_in: i64,
    issuer: Option<String>,
    wrong_nonce: bool,
    other_key: bool,
}

impl Token {
    fn for_email(email: &str) -> Self {
        Self {
            subject: format!("sub-{}", email.to_lowercase()),
            email: Some(email.into()),
            email_verified: true,
            employee_id: None,
            audience: CLIENT_ID.into(),
            expires_in: 300,
            issuer: None,
            wrong_nonce: false,
            other_key: false,
        }
    }
}

#[derive(Default)]
struct Sent {
    nonce: String,
    challenge: String,
}

#[derive(Clone)]
struct Provider {
    url: String,
    sent: Arc<Mutex<Sent>>,
    next: Arc<Mutex<Option<Token>>>,
}

async fn discovery(State(p): State<Provider>) -> axum::Json<serde_json::Value> {
    axum::Json(serde_json::json!({
        "issuer": p.url,
        "authorization_endpoint": format!("{}/authorize", p.url),
        "token_endpoint": format!("{}/token", p.url),
        "jwks_uri": format!("{}/jwks", p.url),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
    }))
}

fn signing_key(pem: &str) -> CoreRsaPrivateSigningKey {
    CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new("test-key".into()))).unwrap()
}

async fn jwks() -> axum::Json<CoreJsonWebKeySet> {
    axum::Json(CoreJsonWebKeySet::new(vec![
        signing_key(KEY).as_verification_key(),
    ]))
}

/// The token endpoint: checks the client's secret and the PKCE verifier, then answers with
/// the ID token the test asked for.
async fn token(
    State(p): State<Provider>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Result<axum::Json<serde_json::Value>, (axum::http::StatusCode, &'static str)> {
    let bad = |why| Err((axum::http::StatusCode::BAD_REQUEST, why));
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{SECRET}"));
    let authorised = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Basic {basic}"));
    if !authorised {
        return bad("client authentication failed");
    }
    let (nonce, challenge) = {
        let sent = p.sent.lock().unwrap();
        (sent.nonce.clone(), sent.challenge.clone())
    };
    let verifier = form.get("code_verifier").cloned().unwrap_or_default();
    let computed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(Sha256::digest(verifier.as_bytes()));
    if computed != challenge || form.get("code").map(String::as_str) != Some("the-code") {
        return bad("invalid_grant");
    }
    let Some(t) = p.next.lock().unwrap().take() else {
        return bad("no token prepared");
    };
    let now = chrono::Utc::now();
    let mut standard = StandardClaims::new(SubjectIdentifier::new(t.subject))
        .set_email_verified(Some(t.email_verified));
    if let Some(email) = t.email {
        standard = standard.set_email(Some(EndUserEmail::new(email)));
    }
    let claims = IdTokenClaims::<ExtraClaims, CoreGenderClaim>::new(
        IssuerUrl::new(t.issuer.unwrap_or(p.url.clone())).unwrap(),
        vec![Audience::new(t.audience)],
        now + chrono::Duration::seconds(t.expires_in),
        now - chrono::Duration::seconds(600),
        standard,
        ExtraClaims {
            employee_id: t.employee_id,
        },
    )
    .set_nonce(Some(Nonce::new(if t.wrong_nonce {
        "another-nonce".into()
    } else {
        nonce
    })));
    let key = signing_key(if t.other_key { OTHER_KEY } else { KEY });
    let id_token = IdToken::<
        ExtraClaims,
        CoreGenderClaim,
        CoreJweContentEncryptionAlgorithm,
        CoreJwsSigningAlgorithm,
    >::new(
        claims,
        &key,
        CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
        None,
        None,
    )
    .unwrap();
    Ok(axum::Json(serde_json::json!({
        "access_token": "an-access-token",
        "token_type": "Bearer",
        "expires_in": 300,
        "id_token": id_token.to_string(),
    })))
}

async fn start_provider() -> Provider {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let provider = Provider {
        url: format!("http://{}", listener.local_addr().unwrap()),
        sent: Arc::default(),
        next: Arc::default(),
    };
    let app = Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/token", post(token))
        .with_state(provider.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    provider
}

fn query_of(url: &str) -> HashMap<String, String> {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    serde_urlencoded::from_str(query).unwrap()
}

/// Saves the settings form as the admin; returns the response.
async fn save_settings(
    app: &TestApp,
    admin: &Client,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    app.post(admin, "/settings", fields).await
}

async fn configure(app: &TestApp, provider: &Provider, passwords: &str) {
    configure_as(app, "admin@afon.example", provider, passwords).await
}

/// Sets up single sign-on as the administrator `admin`, for their organisation.
async fn configure_as(app: &TestApp, admin: &str, provider: &Provider, passwords: &str) {
    let admin = app.signed_in(admin).await;
    let response = save_settings(
        app,
        &admin,
        &[
            ("issuer_url", provider.url.as_str()),
            ("client_id", CLIENT_ID),
            ("client_secret", SECRET),
            ("employee_number_claim", "employee_id"),
            ("password_sign_in", passwords),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "settings saved");
}

/// Starts a sign-in in `client`; returns the callback URL the provider would send back to.
async fn start_sign_in(app: &TestApp, provider: &Provider, client: &Client) -> String {
    start_sign_in_at(app, provider, client, "/sign-in/sso").await
}

/// The same, from the sign-in button at `path`.
async fn start_sign_in_at(
    app: &TestApp,
    provider: &Provider,
    client: &Client,
    path: &str,
) -> String {
    let response = app.get(client, path).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to = location(&response).to_string();
    assert!(
        to.starts_with(&format!("{}/authorize?", provider.url)),
        "{to}"
    );
    let q = query_of(&to);
    assert_eq!(q["response_type"], "code");
    assert_eq!(q["client_id"], CLIENT_ID);
    assert_eq!(q["code_challenge_method"], "S256");
    assert_eq!(
        q["redirect_uri"],
        format!("{}/sign-in/sso/callback", app.url)
    );
    assert!(q["scope"].split(' ').any(|s| s == "openid"));
    assert!(q["state"].len() >= 16 && q["nonce"].len() >= 16);
    *provider.sent.lock().unwrap() = Sent {
        nonce: q["nonce"].clone(),
        challenge: q["code_challenge"].clone(),
    };
    format!(
        "/sign-in/sso/callback?code=the-code&state={}",
        urlencode(&q["state"])
    )
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("x", s)]).unwrap()[2..].to_string()
}

/// Runs a whole sign-in with the ID token `token`; returns the callback's response.
async fn sign_in_with(
    app: &TestApp,
    provider: &Provider,
    client: &Client,
    token: Token,
) -> reqwest::Response {
    let callback = start_sign_in(app, provider, client).await;
    *provider.next.lock().unwrap() = Some(token);
    app.get(client, &callback).await
}

async fn assert_refused(response: reqwest::Response, status: StatusCode, says: &str) {
    assert_eq!(response.status(), status);
    let html = response.text().await.unwrap();
    assert!(html.contains("You could not be signed in"), "{html}");
    assert!(html.contains(says), "the page says {says:?}:\n{html}");
}

const EXPIRED: &str = "has expired or has already been used";
const FAILED: &str = "did not confirm who you are";
const UNKNOWN: &str = "does not match anyone in skillgym";

both_backends!(
    settings_are_for_admins_checked_and_never_show_the_secret,
    the_sign_in_page_offers_the_ways_in_the_organisation_allows,
    a_state_that_is_unknown_expired_replayed_or_from_another_browser_is_refused,
    people_sign_in_by_verified_email_or_employee_number_and_never_become_admins,
    id_tokens_that_are_not_for_us_are_refused,
    a_secret_sealed_with_another_key_is_explained_and_refused,
    an_account_answers_only_to_the_identity_it_was_first_used_with,
    a_leaver_is_refused_with_the_clear_page,
    each_organisation_signs_in_with_its_own_provider,
);

/// A second organisation in the same skillgym signs in with its own provider: its sign-in
/// page (`?organisation=SLUG`) offers it, the attempt comes back to the one callback address
/// and signs in one of its people, and that provider vouching for someone of another
/// organisation signs no one in.
async fn each_organisation_signs_in_with_its_own_provider(backend: Backend) {
    let app = spawn_app(backend).await;
    common::add_organisation(&app, "Bro Library Service", "bro.example").await;
    let provider = start_provider().await;
    configure_as(&app, "admin@bro.example", &provider, "on").await;

    // The default organisation's page has no provider to offer; Bro's has.
    let page = app.page(&browser(), "/sign-in").await;
    assert!(!page.contains("/sign-in/sso"), "{page}");
    let page = app
        .page(&browser(), "/sign-in?organisation=bro-library-service")
        .await;
    assert!(page.contains("Bro Library Service"), "{page}");
    assert!(
        page.contains("href=\"/sign-in/sso?organisation=bro-library-service\""),
        "{page}"
    );
    assert!(
        page.contains("action=\"/sign-in?organisation=bro-library-service\""),
        "{page}"
    );
    let response = app.get(&browser(), "/sign-in?organisation=nowhere").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    let client = browser();
    let start = "/sign-in/sso?organisation=bro-library-service";
    let callback = start_sign_in_at(&app, &provider, &client, start).await;
    *provider.next.lock().unwrap() = Some(Token::for_email("learner@bro.example"));
    let response = app.get(&client, &callback).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let home = app.page(&client, "/").await;
    assert!(home.contains("Bro Library Service"), "{home}");

    // Bro's provider cannot sign in someone of Afon, even with their verified address.
    let client = browser();
    let callback = start_sign_in_at(&app, &provider, &client, start).await;
    *provider.next.lock().unwrap() = Some(Token::for_email("learner@afon.example"));
    let response = app.get(&client, &callback).await;
    assert!(no_session(&response));
    assert_refused(response, StatusCode::FORBIDDEN, UNKNOWN).await;
}

const OTHER_IDENTITY: &str = "was first used with a different account";
const ENDED: &str = "Your access to skillgym has ended";

async fn refusals(app: &TestApp) -> Vec<skillgym_store::AuditEventRecord> {
    let filter = skillgym_store::AuditFilter {
        action: Some(skillgym_store::AuditAction::SingleSignOnRefused),
        limit: 100,
        ..Default::default()
    };
    app.store().audit_events(app.org, &filter).await.unwrap().0
}

fn no_session(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .all(|c| !c.to_str().unwrap().starts_with("sg_session="))
}

/// The first sign-in through the provider links the account to the provider's (issuer, sub);
/// afterwards only that pair signs into it. A council address given to a new starter (a new
/// `sub` with the leaver's email, or their employee number) is refused and recorded.
async fn an_account_answers_only_to_the_identity_it_was_first_used_with(backend: Backend) {
    let app = spawn_app(backend).await;
    let provider = start_provider().await;
    configure(&app, &provider, "on").await;
    let learner = app
        .store()
        .account_by_email(&Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    let number = app
        .store()
        .person(app.org, learner.person_id)
        .await
        .unwrap()
        .employee_number
        .to_string();

    let mut first = Token::for_email("learner@afon.example");
    first.subject = "entra-object-1".into();
    let response = sign_in_with(&app, &provider, &browser(), first.clone()).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "first sign-in links"
    );
    let linked = app
        .store()
        .single_sign_on_identity(app.org, &provider.url, "entra-object-1")
        .await
        .unwrap()
        .expect("linked to the issuer and subject");
    assert_eq!(linked.account.map(|a| a.0), Some(learner.id));
    assert!(refusals(&app).await.is_empty());

    // The same address, another person at the provider: refused, recorded, no session.
    let mut recycled = Token::for_email("learner@afon.example");
    recycled.subject = "entra-object-2".into();
    let client = browser();
    let response = sign_in_with(&app, &provider, &client, recycled).await;
    assert!(no_session(&response));
    assert_refused(response, StatusCode::FORBIDDEN, OTHER_IDENTITY).await;
    assert_eq!(location(&app.get(&client, "/").await), "/sign-in");
    let events = refusals(&app).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].actor_kind, "sign-in");
    assert_eq!(events[0].detail, "other-identity");
    assert_eq!(
        events[0].subject.as_ref().map(|s| s.0),
        Some(learner.person_id)
    );
    // And by employee number, with an address nobody has.
    let mut by_number = Token::for_email("someone-new@afon.example");
    by_number.subject = "entra-object-3".into();
    by_number.employee_id = Some(number);
    let response = sign_in_with(&app, &provider, &browser(), by_number).await;
    assert_refused(response, StatusCode::FORBIDDEN, OTHER_IDENTITY).await;
    assert_eq!(refusals(&app).await.len(), 2);
    let admin = app.signed_in("admin@afon.example").await;
    let trail = app.page(&admin, "/audit-trail").await;
    assert!(trail.contains("Refused a sign-in through the organisation&#39;s account"));
    assert!(trail.contains("Someone signing in"));

    // The first identity still signs in, even once the provider sends another address.
    let mut renamed = first.clone();
    renamed.email = Some("l.renamed@afon.example".into());
    let client = browser();
    let response = sign_in_with(&app, &provider, &client, renamed).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let me = app.page(&client, "/me").await;
    assert!(me.contains("learner@afon.example"));

    // Another provider names people differently: saving its issuer forgets the links (in the
    // audit trail), and each account is linked again at its next sign-in.
    let other = start_provider().await;
    configure(&app, &other, "on").await;
    assert!(
        app.store()
            .single_sign_on_identity(app.org, &provider.url, "entra-object-1")
            .await
            .unwrap()
            .is_none()
    );
    let filter = skillgym_store::AuditFilter {
        action: Some(skillgym_store::AuditAction::SignInChanged),
        limit: 10,
        ..Default::default()
    };
    let (changed, _) = app.store().audit_events(app.org, &filter).await.unwrap();
    assert!(
        changed
            .iter()
            .any(|e| e.detail == "issuer-changed identities-forgotten=1"),
        "{changed:?}"
    );
    let mut moved = Token::for_email("learner@afon.example");
    moved.subject = "google-1".into();
    let response = sign_in_with(&app, &other, &browser(), moved).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

async fn a_leaver_is_refused_with_the_clear_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let provider = start_provider().await;
    configure(&app, &provider, "on").await;
    let today = time::OffsetDateTime::now_utc().date();
    // A manager who has signed in through the provider, signed in now.
    let manager = browser();
    let response = sign_in_with(
        &app,
        &provider,
        &manager,
        Token::for_email("manager@afon.example"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&manager, "/team").await.status(), StatusCode::OK);
    let person = app
        .store()
        .account_by_email(&Email::parse("manager@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    app.store()
        .set_left_on(app.org, person, Some(today))
        .await
        .unwrap();
    assert_eq!(location(&app.get(&manager, "/").await), "/sign-in");
    let response = sign_in_with(
        &app,
        &provider,
        &browser(),
        Token::for_email("manager@afon.example"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(no_session(&response));
    assert!(response.text().await.unwrap().contains(ENDED));

    // Someone who never used the provider, matched by email once they have left.
    let trainer = app
        .store()
        .account_by_email(&Email::parse("trainer@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    app.store()
        .set_left_on(app.org, trainer, Some(today))
        .await
        .unwrap();
    let response = sign_in_with(
        &app,
        &provider,
        &browser(),
        Token::for_email("trainer@afon.example"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(response.text().await.unwrap().contains(ENDED));
    // Leaving is not a refusal of another identity: nothing recorded as one.
    assert!(refusals(&app).await.is_empty());
}

/// Another instance, with a key of its own, saved the settings: this one cannot decrypt the
/// secret, says so to admins, will not sign anyone in with it, and takes a new one.
async fn a_secret_sealed_with_another_key_is_explained_and_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let provider = start_provider().await;
    let (other_key, _) = skillgym_store::SecretKey::generate().unwrap();
    let other = skillgym_store::Store::connect(&app.db.url)
        .await
        .unwrap()
        .with_secret_key(Arc::new(other_key));
    other
        .save_single_sign_on(
            app.org,
            &skillgym_store::SingleSignOnInput {
                issuer_url: provider.url.clone(),
                client_id: CLIENT_ID.into(),
                client_secret: Some(SECRET.into()),
                employee_number_claim: None,
                password_sign_in: true,
            },
            skillgym_store::Actor::System,
        )
        .await
        .unwrap();
    let admin = app.signed_in("admin@afon.example").await;
    let html = app.page(&admin, "/settings").await;
    assert!(html.contains("cannot be decrypted here"), "{html}");
    assert!(!html.contains(SECRET));
    // Sign-in through the provider is refused as unavailable, not attempted with no secret.
    let response = app.get(&browser(), "/sign-in/sso").await;
    assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
    // Left blank, there is no secret to keep: the admin is asked for it.
    let fields = [
        ("issuer_url", provider.url.as_str()),
        ("client_id", CLIENT_ID),
        ("client_secret", ""),
        ("employee_number_claim", ""),
        ("password_sign_in", "on"),
    ];
    let response = save_settings(&app, &admin, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("href=\"#client_secret\"")
    );
    let mut fields = fields;
    fields[2] = ("client_secret", "typed-again");
    let response = save_settings(&app, &admin, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let stored = app.store().single_sign_on(app.org).await.unwrap().unwrap();
    assert_eq!(stored.client_secret.as_deref(), Some("typed-again"));
    let html = app.page(&admin, "/settings").await;
    assert!(!html.contains("cannot be decrypted here"));
}

async fn settings_are_for_admins_checked_and_never_show_the_secret(backend: Backend) {
    let app = spawn_app(backend).await;
    let provider = start_provider().await;
    let learner = app.signed_in("learner@afon.example").await;
    assert_eq!(
        app.get(&learner, "/settings").await.status(),
        StatusCode::FORBIDDEN
    );
    let admin = app.signed_in("admin@afon.example").await;
    let html = app.page(&admin, "/settings").await;
    assert!(
        html.contains("href=\"/settings\" aria-current=\"page\""),
        "in the navigation"
    );
    assert!(
        html.contains(&format!("{}/sign-in/sso/callback", app.url)),
        "the redirect URI"
    );

    // Everything missing: one error per field, linked from the summary.
    let response = save_settings(&app, &admin, &[]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    for field in [
        "issuer_url",
        "client_id",
        "client_secret",
        "password_sign_in",
    ] {
        assert!(
            html.contains(&format!("href=\"#{field}\"")),
            "{field} in the summary"
        );
    }
    assert!(html.contains("<title>Error: Settings"));

    let cases: [(&str, &str, &str); 4] = [
        (
            "http://idp.example.gov.uk",
            "issuer_url",
            "must start with https://",
        ),
        ("not a web address", "issuer_url", "as a web address"),
        // Nothing listens on port 9 of loopback: the issuer cannot be read.
        (
            "http://127.0.0.1:9",
            "issuer_url",
            "could not read the OpenID Connect settings",
        ),
        (
            provider.url.as_str(),
            "employee_number_claim",
            "Enter a claim name",
        ),
    ];
    for (issuer, field, says) in cases {
        let claim = if field == "employee_number_claim" {
            "bad claim!"
        } else {
            ""
        };
        let response = save_settings(
            &app,
            &admin,
            &[
                ("issuer_url", issuer),
                ("client_id", CLIENT_ID),
                ("client_secret", SECRET),
                ("employee_number_claim", claim),
                ("password_sign_in", "on"),
            ],
        )
        .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{issuer}"
        );
        let html = response.text().await.unwrap();
        assert!(
            html.contains(&format!("href=\"#{field}\"")),
            "{issuer}: {field}"
        );
        assert!(html.contains(says), "{issuer}: {says}");
        assert!(!html.contains(SECRET), "the typed secret is not sent back");
    }
    // Turning passwords off is refused until the settings work.
    assert!(app.store().single_sign_on(app.org).await.unwrap().is_none());

    let response = save_settings(
        &app,
        &admin,
        &[
            ("issuer_url", &format!("{}/", provider.url)),
            ("client_id", CLIENT_ID),
            ("client_secret", SECRET),
            ("employee_number_claim", "employee_id"),
            ("password_sign_in", "on"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/settings?saved=1");
    let html = app.page(&admin, "/settings?saved=1").await;
    assert!(html.contains("Your settings have been saved"));
    assert!(
        html.contains(&format!("value=\"{}\"", provider.url)),
        "issuer shown"
    );
    assert!(
        html.contains(&format!("value=\"{CLIENT_ID}\"")),
        "client id shown"
    );
    assert!(html.contains("A secret is saved"));
    assert!(!html.contains(SECRET), "the secret is never shown");

    // Left blank, the stored secret is kept; passwords can now be turned off.
    let response = save_settings(
        &app,
        &admin,
        &[
            ("issuer_url", provider.url.as_str()),
            ("client_id", CLIENT_ID),
            ("client_secret", ""),
            ("employee_number_claim", ""),
            ("password_sign_in", "off"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let stored = app.store().single_sign_on(app.org).await.unwrap().unwrap();
    assert_eq!(stored.client_secret.as_deref(), Some(SECRET));
    assert_eq!(stored.employee_number_claim, None);
    assert!(!app.store().password_sign_in_allowed(app.org).await.unwrap());
    // Turning passwords off is in the audit trail, with who did it.
    let filter = skillgym_store::AuditFilter {
        action: Some(skillgym_store::AuditAction::SignInChanged),
        limit: 10,
        ..Default::default()
    };
    let (events, _) = app.store().audit_events(app.org, &filter).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].detail, "passwords-off");
    assert_eq!(events[0].actor_kind, "person");
    let html = app.page(&admin, "/settings").await;
    assert!(
        html.contains(
            "id=\"password_sign_in-off\" name=\"password_sign_in\" value=\"off\" checked"
        )
    );
    assert!(!html.contains(SECRET));
}

async fn the_sign_in_page_offers_the_ways_in_the_organisation_allows(backend: Backend) {
    let app = spawn_app(backend).await;
    let provider = start_provider().await;
    let html = app.page(&browser(), "/sign-in").await;
    assert!(html.contains("name=\"password\""));
    assert!(
        !html.contains("/sign-in/sso"),
        "no single sign-on before it is set up"
    );
    assert_eq!(
        app.get(&browser(), "/sign-in/sso").await.status(),
        StatusCode::NOT_FOUND
    );

    configure(&app, &provider, "on").await;
    let html = app.page(&browser(), "/sign-in").await;
    assert!(html.contains("href=\"/sign-in/sso\""));
    assert!(html.contains("Sign in with your organisation&#39;s account"));
    assert!(
        html.contains("name=\"password\""),
        "passwords still offered"
    );
    app.signed_in("learner@afon.example").await;

    configure(&app, &provider, "off").await;
    let html = app.page(&browser(), "/sign-in").await;
    assert!(html.contains("href=\"/sign-in/sso\""));
    assert!(!html.contains("name=\"password\""), "no password form");
    // And a password posted anyway does not sign in.
    let client = browser();
    let response = app
        .post(
            &client,
            "/sign-in",
            &[
                ("email", "learner@afon.example"),
                ("password", "skillgym-demo"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(location(&app.get(&client, "/").await), "/sign-in");
}

async fn expire_attempts(app: &TestApp) {
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    sqlx::query("UPDATE single_sign_on_attempts SET expires_at = 1")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

async fn a_state_that_is_unknown_expired_replayed_or_from_another_browser_is_refused(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let provider = start_provider().await;
    configure(&app, &provider, "on").await;

    // Unknown, and missing.
    let client = browser();
    let response = app
        .get(&client, "/sign-in/sso/callback?code=the-code&state=made-up")
        .await;
    assert_refused(response, StatusCode::BAD_REQUEST, EXPIRED).await;
    let response = app.get(&client, "/sign-in/sso/callback").await;
    assert_refused(response, StatusCode::BAD_REQUEST, EXPIRED).await;

    // Expired (older than ten minutes).
    let callback = start_sign_in(&app, &provider, &client).await;
    expire_attempts(&app).await;
    *provider.next.lock().unwrap() = Some(Token::for_email("learner@afon.example"));
    assert_refused(
        app.get(&client, &callback).await,
        StatusCode::BAD_REQUEST,
        EXPIRED,
    )
    .await;

    // In a browser that did not start it (a callback link sent to someone else).
    let callback = start_sign_in(&app, &provider, &client).await;
    let other = browser();
    assert_refused(
        app.get(&other, &callback).await,
        StatusCode::BAD_REQUEST,
        EXPIRED,
    )
    .await;
    assert_eq!(location(&app.get(&other, "/").await), "/sign-in");
    // ...and the state was spent, so it no longer works in the right browser either.
    assert_refused(
        app.get(&client, &callback).await,
        StatusCode::BAD_REQUEST,
        EXPIRED,
    )
    .await;

    // Replayed: works once, then never again.
    let callback = start_sign_in(&app, &provider, &client).await;
    *provider.next.lock().unwrap() = Some(Token::for_email("learner@afon.example"));
    let response = app.get(&client, &callback).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/");
    *provider.next.lock().unwrap() = Some(Token::for_email("learner@afon.example"));
    assert_refused(
        app.get(&browser(), &callback).await,
        StatusCode::BAD_REQUEST,
        EXPIRED,
    )
    .await;
    assert_refused(
        app.get(&client, &callback).await,
        StatusCode::BAD_REQUEST,
        EXPIRED,
    )
    .await;

    // The provider said no.
    let client = browser();
    let callback = start_sign_in(&app, &provider, &client).await;
    let state = query_of(&callback)["state"].clone();
    let response = app
        .get(
            &client,
            &format!(
                "/sign-in/sso/callback?error=access_denied&state={}",
                urlencode(&state)
            ),
        )
        .await;
    assert_refused(response, StatusCode::BAD_REQUEST, "did not sign you in").await;
}

async fn people_sign_in_by_verified_email_or_employee_number_and_never_become_admins(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let provider = start_provider().await;
    configure(&app, &provider, "on").await;

    // The learner, by email: into their own account, with a new session.
    let client = browser();
    let response = sign_in_with(
        &app,
        &provider,
        &client,
        Token::for_email("Learner@Afon.example"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/");
    let cookies: Vec<_> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("sg_session=") && c.contains("HttpOnly"))
    );
    assert!(
        cookies.iter().any(|c| c.starts_with("sg_sso=;")),
        "the attempt cookie is cleared"
    );
    let me = app.page(&client, "/me").await;
    let learner = app
        .store()
        .account_by_email(&Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    let learner_person = app
        .store()
        .person(app.org, learner.person_id)
        .await
        .unwrap();
    assert!(me.contains(&learner_person.family_name));

    // An admin signs into their admin account (it existed before).
    let admin = browser();
    let response = sign_in_with(
        &app,
        &provider,
        &admin,
        Token::for_email("admin@afon.example"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&admin, "/people").await.status(), StatusCode::OK);

    // Nobody with that email, and an email the provider has not verified.
    let response = sign_in_with(
        &app,
        &provider,
        &browser(),
        Token::for_email("stranger@elsewhere.example"),
    )
    .await;
    assert_refused(response, StatusCode::FORBIDDEN, UNKNOWN).await;
    // (Another person at the provider: the learner's own identity signs in without an email.)
    let mut unverified = Token::for_email("learner@afon.example");
    unverified.email_verified = false;
    unverified.subject = "someone-unverified".into();
    let response = sign_in_with(&app, &provider, &browser(), unverified).await;
    assert_refused(response, StatusCode::FORBIDDEN, UNKNOWN).await;

    // A person with no account yet, by employee number: a new learner account, no more.
    let mut without_account = None;
    for (number, id) in app.store().person_ids(app.org).await.unwrap() {
        let person = app.store().person(app.org, id).await.unwrap();
        if person.email.is_some() && person.account.is_none() {
            without_account = Some((number, person));
            break;
        }
    }
    let (number, person) = without_account.expect("a person without an account");
    let mut token = Token::for_email("not-on-file@afon.example");
    token.employee_id = Some(number.clone());
    let client = browser();
    let response = sign_in_with(&app, &provider, &client, token).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "matched by employee number"
    );
    let account = app
        .store()
        .account_by_email(&Email::parse(person.email.as_deref().unwrap()).unwrap())
        .await
        .unwrap()
        .expect("an account was made");
    assert!(account.roles.has(Role::Learner));
    for role in [Role::Admin, Role::Manager, Role::Champion, Role::Trainer] {
        assert!(!account.roles.has(role), "no {role:?} role");
    }
    assert_eq!(
        app.get(&client, "/people").await.status(),
        StatusCode::FORBIDDEN
    );
    // Signing in again uses the same account.
    let mut token = Token::for_email("not-on-file@afon.example");
    token.employee_id = Some(number);
    let response = sign_in_with(&app, &provider, &browser(), token).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

async fn id_tokens_that_are_not_for_us_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let provider = start_provider().await;
    configure(&app, &provider, "on").await;
    let base = Token::for_email("learner@afon.example");
    let cases: Vec<(&str, Token)> = vec![
        (
            "another audience",
            Token {
                audience: "another-client".into(),
                ..base.clone()
            },
        ),
        (
            "expired",
            Token {
                expires_in: -300,
                ..base.clone()
            },
        ),
        (
            "the wrong nonce",
            Token {
                wrong_nonce: true,
                ..base.clone()
            },
        ),
        (
            "another issuer",
            Token {
                issuer: Some("http://127.0.0.1:1/other".into()),
                ..base.clone()
            },
        ),
        (
            "signed with another key",
            Token {
                other_key: true,
                ..base.clone()
            },
        ),
    ];
    for (what, token) in cases {
        let client = browser();
        let response = sign_in_with(&app, &provider, &client, token).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{what}");
        let html = response.text().await.unwrap();
        assert!(html.contains(FAILED), "{what}: {html}");
        assert_eq!(
            location(&app.get(&client, "/").await),
            "/sign-in",
            "{what}: signed out"
        );
    }
    // The same token, for us, works.
    let response = sign_in_with(&app, &provider, &browser(), base).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}
