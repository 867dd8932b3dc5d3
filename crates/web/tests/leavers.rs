//! People who leave lose access at once, by every path that marks them (the staff import's
//! check page, their page's "left on" date, a date to come that arrives); and every way in
//! (password, single-use link, password-free audit link) then refuses them with one clear page.
//! Single sign-on's refusals are in tests/single_sign_on.rs; the command line's in the
//! skillgym crate's tests.

mod common;

use common::{TestApp, browser, location, spawn_app};
use reqwest::{Client, StatusCode};
use skillgym_domain::demo::DEMO_PASSWORD;
use skillgym_domain::people::format_date;
use skillgym_domain::{AccountId, Email, PersonId};
use skillgym_store::{AuditAction, AuditFilter, PersonRecord};
use skillgym_test_db::{Backend, both_backends};
use skillgym_web::audit_links;

const ENDED: &str = "Your access to skillgym has ended";

both_backends!(
    a_manager_marked_as_left_on_the_import_check_page_is_signed_out_at_once,
    a_manager_given_a_left_on_date_of_today_is_signed_out_at_once,
    a_left_on_date_to_come_shows_as_leaving_and_the_job_ends_access_on_the_day,
    every_way_in_refuses_a_leaver_with_the_same_clear_page,
);

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

struct Manager {
    account: AccountId,
    person: PersonId,
    record: PersonRecord,
}

async fn manager(app: &TestApp) -> Manager {
    let account = app
        .store()
        .account_by_email(&Email::parse("manager@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    let record = app
        .store()
        .person(app.org, account.person_id)
        .await
        .unwrap();
    Manager {
        account: account.id,
        person: account.person_id,
        record,
    }
}

/// Whether a signed-in browser is still signed in: the home page, or the sign-in page.
async fn signed_in(app: &TestApp, client: &Client) -> bool {
    let response = app.get(client, "/").await;
    match response.status() {
        StatusCode::OK => true,
        StatusCode::SEE_OTHER if location(&response) == "/sign-in" => false,
        other => panic!("GET / answered {other}"),
    }
}

async fn left_events(app: &TestApp) -> Vec<skillgym_store::AuditEventRecord> {
    let filter = AuditFilter {
        action: Some(AuditAction::PersonLeft),
        limit: 100,
        ..AuditFilter::default()
    };
    app.store().audit_events(app.org, &filter).await.unwrap().0
}

/// The person form's fields for `person`, with `left_on` as given.
fn edit_fields(person: &PersonRecord, left_on: &str) -> Vec<(String, String)> {
    let mut fields = vec![
        ("employee_number", person.employee_number.to_string()),
        ("given_name", person.given_name.clone()),
        ("family_name", person.family_name.clone()),
        ("email", person.email.clone().unwrap_or_default()),
        ("employment", person.employment.as_str().to_string()),
        ("job_role", person.job_role.clone()),
        ("job_family", person.job_family.as_str().to_string()),
        ("contracted_hours", person.contracted_hours.to_string()),
        (
            "start_date",
            person
                .start_date
                .map(skillgym_domain::people::format_date)
                .unwrap_or_default(),
        ),
        ("left_on", left_on.to_string()),
        (
            "line_manager",
            person
                .line_manager
                .as_ref()
                .map(|m| m.0.to_string())
                .unwrap_or_default(),
        ),
        (
            "team",
            person
                .team
                .as_ref()
                .map(|t| t.0.to_string())
                .unwrap_or_default(),
        ),
    ];
    for (site, _) in &person.sites {
        fields.push(("site", site.to_string()));
    }
    fields
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

async fn edit_left_on(app: &TestApp, admin: &Client, person: &PersonRecord, left_on: &str) {
    let fields = edit_fields(person, left_on);
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let response = app
        .post(admin, &format!("/people/{}/edit", person.id), &fields)
        .await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "the edit is saved"
    );
}

async fn a_manager_marked_as_left_on_the_import_check_page_is_signed_out_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let manager = manager(&app).await;
    let signed = app.signed_in("manager@afon.example").await;
    assert!(signed_in(&app, &signed).await);
    let admin = app.signed_in("admin@afon.example").await;

    // Everyone but the manager, through the web import and its check page.
    let exported = app
        .get(&admin, "/export/staff.csv")
        .await
        .text()
        .await
        .unwrap();
    let number = manager.record.employee_number.to_string();
    let file: Vec<&str> = exported
        .split("\r\n")
        .filter(|l| !l.is_empty() && l.split(',').next() != Some(number.as_str()))
        .collect();
    let csrf = app.csrf(&admin).await;
    let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
        "staff_file",
        reqwest::multipart::Part::bytes(file.join("\r\n").into_bytes()).file_name("staff.csv"),
    );
    let response = admin
        .post(format!("{}/import/staff", app.url))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "to the check page"
    );
    let check = location(&response).to_string();
    let response = app.post(&admin, &check, &[("absent", "left")]).await;
    assert_eq!(response.status(), StatusCode::OK);

    assert!(
        !signed_in(&app, &signed).await,
        "the manager's next request gets the sign-in page"
    );
    let events = left_events(&app).await;
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0].subject.as_ref().map(|s| s.0),
        Some(manager.person)
    );
    assert_eq!(events[0].actor_kind, "person");
    assert!(events[0].detail.ends_with("account-closed"));
    assert!(app.store().access_ended(manager.account).await.unwrap());
    // Their page says so, and offers no access to give.
    let html = app
        .page(&admin, &format!("/people/{}", manager.person))
        .await;
    assert!(html.contains("This person has left, so they cannot sign in"));
    assert!(!html.contains(&format!("action=\"/people/{}/access\"", manager.person)));
    let response = app
        .post(
            &admin,
            &format!("/people/{}/access", manager.person),
            &[("role", "manager")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(app.store().access_ended(manager.account).await.unwrap());
}

async fn a_manager_given_a_left_on_date_of_today_is_signed_out_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let manager = manager(&app).await;
    let signed = app.signed_in("manager@afon.example").await;
    let admin = app.signed_in("admin@afon.example").await;
    edit_left_on(&app, &admin, &manager.record, &format_date(today())).await;
    assert!(!signed_in(&app, &signed).await);
    let events = left_events(&app).await;
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0].subject.as_ref().map(|s| s.0),
        Some(manager.person)
    );
    // The people list says who has left.
    let html = app.page(&admin, "/people?q=manager%40afon").await;
    assert!(html.contains("<span class=\"tag\">Left</span>"), "{html}");

    // They came back: the date cleared, their roles given again, they sign in.
    edit_left_on(&app, &admin, &manager.record, "").await;
    let page = format!("/people/{}", manager.person);
    let html = app.page(&admin, &page).await;
    assert!(html.contains("account was closed when they left"), "{html}");
    let response = app
        .post(
            &admin,
            &format!("/people/{}/access", manager.person),
            &[("role", "manager")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("This person can sign in to skillgym."));
    let again = app.signed_in("manager@afon.example").await;
    assert_eq!(app.get(&again, "/team").await.status(), StatusCode::OK);
}

async fn a_left_on_date_to_come_shows_as_leaving_and_the_job_ends_access_on_the_day(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let manager = manager(&app).await;
    let signed = app.signed_in("manager@afon.example").await;
    let admin = app.signed_in("admin@afon.example").await;
    let day = today().next_day().unwrap();
    edit_left_on(&app, &admin, &manager.record, &format_date(day)).await;

    // Until the day they keep their access, and are shown as leaving.
    assert!(signed_in(&app, &signed).await);
    assert_eq!(app.get(&signed, "/team").await.status(), StatusCode::OK);
    assert!(left_events(&app).await.is_empty());
    let html = app
        .page(&admin, &format!("/people/{}", manager.person))
        .await;
    assert!(html.contains("<dt>Leaving on</dt>"), "{html}");
    let html = app.page(&admin, "/people?q=manager%40afon").await;
    let shown = format!("Leaving on {} {} {}", day.day(), day.month(), day.year());
    assert!(html.contains(&shown), "{shown} in {html}");

    // The scheduled job, on that day.
    assert_eq!(app.store().end_access_of_leavers(today()).await.unwrap(), 0);
    assert!(signed_in(&app, &signed).await);
    assert_eq!(app.store().end_access_of_leavers(day).await.unwrap(), 1);
    assert!(!signed_in(&app, &signed).await);
    let events = left_events(&app).await;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].actor_kind, "system");
    let trail = app.page(&admin, "/audit-trail").await;
    assert!(trail.contains("Marked as having left: their access ended"));
    assert!(trail.contains(&format!("left on {}", format_date(day))));
}

/// The page every way in shows a leaver.
async fn assert_ended(response: reqwest::Response, what: &str) {
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "{what}");
    assert!(
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .all(|c| !c.to_str().unwrap().starts_with("sg_session=")),
        "{what}: no session"
    );
    let html = response.text().await.unwrap();
    assert!(html.contains(ENDED), "{what}: {html}");
    assert!(html.contains("ask your skillgym administrator"), "{what}");
}

async fn every_way_in_refuses_a_leaver_with_the_same_clear_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let manager = manager(&app).await;
    let admin = app.signed_in("admin@afon.example").await;
    // A password-free link to the open campaign, made while they still work here.
    let campaign = app
        .store()
        .campaigns(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.opens_on <= today() && today() <= c.closes_on)
        .unwrap()
        .id;
    app.post(
        &admin,
        &format!("/campaigns/{campaign}/invitation-settings"),
        &[("reminder_days", "7"), ("links_allowed", "1")],
    )
    .await;
    let expires = audit_links::expiry_for(&format_date(today().next_day().unwrap()));
    let token = audit_links::sign(app.store(), manager.person, campaign, expires)
        .await
        .unwrap();
    let link = format!("/audits/{campaign}/link/{token}");
    assert_eq!(app.get(&browser(), &link).await.status(), StatusCode::OK);

    edit_left_on(&app, &admin, &manager.record, &format_date(today())).await;

    // Password: the right one gets the page; a wrong one learns nothing.
    let client = browser();
    let response = app
        .post(
            &client,
            "/sign-in",
            &[
                ("email", "manager@afon.example"),
                ("password", DEMO_PASSWORD),
            ],
        )
        .await;
    assert_ended(response, "password").await;
    assert!(!signed_in(&app, &client).await);
    let response = app
        .post(
            &client,
            "/sign-in",
            &[("email", "manager@afon.example"), ("password", "wrong")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!response.text().await.unwrap().contains(ENDED));

    // A single-use link (leaving deleted the ones they had; this one is made after).
    let access_token = "an-access-link-made-after-leaving-0123456789";
    app.store()
        .create_access_link(
            manager.account,
            &sha256_hex(access_token),
            skillgym_store::now() + 3600,
        )
        .await
        .unwrap();
    let access = format!("/access/{access_token}");
    let password_before = password_hash(&app).await;
    assert_ended(app.get(&client, &access).await, "access link GET").await;
    let response = client
        .post(format!("{}{access}", app.url))
        .form(&[
            ("csrf", app.csrf(&client).await.as_str()),
            ("password", "a new long password"),
            ("confirm", "a new long password"),
        ])
        .send()
        .await
        .unwrap();
    assert_ended(response, "access link POST").await;
    assert_eq!(
        password_hash(&app).await,
        password_before,
        "the password was not changed"
    );
    assert!(
        app.store()
            .access_link(&sha256_hex(access_token))
            .await
            .unwrap()
            .is_some(),
        "the link was not used up"
    );

    // The password-free audit link: its page, and its button.
    assert_ended(app.get(&client, &link).await, "audit link GET").await;
    let response = client
        .post(format!("{}{link}", app.url))
        .form(&[("csrf", app.csrf(&client).await.as_str())])
        .send()
        .await
        .unwrap();
    assert_ended(response, "audit link POST").await;
    assert!(!signed_in(&app, &client).await);
    assert_eq!(
        location(&app.get(&client, &format!("/audits/{campaign}")).await),
        "/sign-in"
    );
    // The page is in Welsh for a Welsh reader.
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{}{link}", app.url))
        .header("accept-language", "cy")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("Mae eich mynediad i skillgym wedi dod i ben"),
        "{html}"
    );
}

async fn password_hash(app: &TestApp) -> Option<String> {
    app.store()
        .account_for_sign_in(&Email::parse("manager@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .password_hash
}

fn sha256_hex(token: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(token.as_bytes()))
}
