//! What people see: pages by role, editing the organisation, and both languages.

mod common;

use common::{browser, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::demo::DEMO_PASSWORD;
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    each_role_gets_a_home_page_that_fits,
    admins_add_and_change_people_with_errors_shown_on_the_form,
    admins_add_and_change_sites_and_teams,
    managers_see_only_the_people_they_manage,
    people_read_skillgym_in_welsh_or_english,
    health_checks_the_database,
    a_refused_form_says_what_was_missing_or_out_of_date,
);

async fn each_role_gets_a_home_page_that_fits(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app
        .page(&app.signed_in("admin@afon.example").await, "/")
        .await;
    assert!(admin.contains("Your organisation") && admin.contains("href=\"/import/staff\""));
    assert!(!admin.contains("Your people"));
    // The organisation in numbers, as the store counts it.
    let store = app.store();
    let sites = store.sites(app.org).await.unwrap().len();
    let teams = store.teams(app.org).await.unwrap().len();
    let people = app.people_count().await;
    for (n, what) in [
        (people as usize, "people"),
        (sites, "sites"),
        (teams, "teams"),
    ] {
        assert!(
            admin.contains(&format!("<span class=\"figure\">{n}</span> {what}")),
            "{n} {what}"
        );
    }
    let manager = app
        .page(&app.signed_in("manager@afon.example").await, "/")
        .await;
    assert!(manager.contains("Your people") && manager.contains("href=\"/team\""));
    assert!(!manager.contains("Your organisation") && !manager.contains("href=\"/people\""));
    let learner = app
        .page(&app.signed_in("learner@afon.example").await, "/")
        .await;
    assert!(learner.contains("Your skills audit") && learner.contains("Your details"));
    assert!(!learner.contains("Your people") && !learner.contains("href=\"/team\""));
    let champion = app
        .page(&app.signed_in("champion@afon.example").await, "/")
        .await;
    assert!(champion.contains("You are a digital champion."));
}

async fn admins_add_and_change_people_with_errors_shown_on_the_form(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let site = app.store().sites(app.org).await.unwrap()[0].id.to_string();
    let mut fields = vec![
        ("employee_number", "N0001"),
        ("given_name", ""),
        ("family_name", "Price"),
        ("email", "not an email"),
        ("employment", "volunteer"),
        ("job_role", "Digital Buddy"),
        ("job_family", "frontline"),
        ("contracted_hours", "4.1"),
        ("start_date", ""),
        ("line_manager", ""),
        ("team", ""),
    ];
    let response = app.post(&admin, "/people/new", &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    for anchor in ["#given_name", "#email", "#contracted_hours", "#site"] {
        assert!(html.contains(&format!("href=\"{anchor}\"")), "{anchor}");
    }
    assert!(html.contains("value=\"Price\""), "what was typed is kept");
    assert!(html.contains("aria-invalid=\"true\""));

    fields[1].1 = "Eleri";
    fields[3].1 = "eleri.price@example.org";
    fields[7].1 = "4.25";
    fields.push(("site", site.as_str()));
    let response = app.post(&admin, "/people/new", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let person_path = location(&response).to_string();
    let page = app.page(&admin, &person_path).await;
    assert!(page.contains("Eleri Price") && page.contains("4.25 hours a week"));

    // The same employee number again is refused, on the right field.
    let mut twin = fields.clone();
    twin[3].1 = "someone.else@example.org";
    let response = app.post(&admin, "/people/new", &twin).await;
    let html = response.text().await.unwrap();
    assert!(html.contains("Another person already has this employee number"));

    fields[5].1 = "Community Library Volunteer";
    let response = app
        .post(&admin, &format!("{person_path}/edit"), &fields)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(
        app.page(&admin, &person_path)
            .await
            .contains("Community Library Volunteer")
    );
}

async fn admins_add_and_change_sites_and_teams(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let site = [
        ("name", "Riverside Library"),
        ("code", "riv"),
        ("kind", "community"),
        ("postcode", "sa1 1aa"),
        ("latitude", ""),
        ("longitude", ""),
    ];
    let response = app.post(&admin, "/sites/new", &site).await;
    assert_eq!(location(&response), "/sites");
    let sites = app.page(&admin, "/sites").await;
    assert!(
        sites.contains("Riverside Library") && sites.contains("RIV") && sites.contains("SA1 1AA")
    );
    let again = app.post(&admin, "/sites/new", &site).await;
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("Another site already has this code")
    );
    let bad = app
        .post(
            &admin,
            "/sites/new",
            &[
                ("name", "X"),
                ("code", "X1"),
                ("kind", "branch"),
                ("postcode", "nowhere"),
            ],
        )
        .await;
    assert!(
        bad.text()
            .await
            .unwrap()
            .contains("Enter a real UK postcode")
    );

    let response = app
        .post(
            &admin,
            "/teams/new",
            &[("name", "Outreach team"), ("manager", "")],
        )
        .await;
    assert_eq!(location(&response), "/teams");
    let team = app
        .store()
        .teams(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.name == "Outreach team")
        .unwrap();
    let response = app
        .post(
            &admin,
            &format!("/teams/{}/edit", team.id),
            &[("name", "Outreach and events"), ("manager", "")],
        )
        .await;
    assert_eq!(location(&response), "/teams");
    assert!(
        app.page(&admin, "/teams")
            .await
            .contains("Outreach and events")
    );
}

async fn managers_see_only_the_people_they_manage(backend: Backend) {
    let app = spawn_app(backend).await;
    let manager = app.signed_in("manager@afon.example").await;
    let page = app.page(&manager, "/team").await;
    let total_line = page.split("role=\"status\">").nth(1).unwrap();
    let shown: i64 = total_line
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap_or(1);
    assert!(shown >= 8, "the demo manager has a real team: {total_line}");
    assert!(shown < app.people_count().await);
    // The admin, who works elsewhere, is not in the manager's list.
    assert!(!page.contains("Digital Services Lead"));
}

async fn people_read_skillgym_in_welsh_or_english(backend: Backend) {
    let app = spawn_app(backend).await;
    // Signed out, the browser's language decides.
    let client = reqwest::Client::new();
    let welsh = client
        .get(format!("{}/sign-in", app.url))
        .header("accept-language", "cy-GB,cy;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(welsh.contains("<html lang=\"cy\">"));
    assert!(
        welsh.contains("Llyfrgelloedd Cwm Afon"),
        "the organisation's Welsh name"
    );
    assert!(
        welsh.contains("lang=\"en\">English</button>"),
        "the switch names English in English"
    );
    let english = app.page(&browser(), "/sign-in").await;
    assert!(english.contains("<html lang=\"en\">") && english.contains("Sign in"));

    // Signed in, the choice is kept on the account.
    let learner = app.signed_in("learner@afon.example").await;
    let response = app
        .post(&learner, "/language", &[("lang", "cy"), ("back", "/me")])
        .await;
    assert_eq!(location(&response), "/me");
    let me = app.page(&learner, "/me").await;
    assert!(me.contains("<html lang=\"cy\">"));
    assert!(!me.contains("⚠"), "no message is missing in Welsh");
    let elsewhere = app.signed_in("learner@afon.example").await;
    assert!(
        app.page(&elsewhere, "/")
            .await
            .contains("<html lang=\"cy\">")
    );
    // Only languages skillgym speaks, and only local pages to go back to.
    let response = app
        .post(&learner, "/language", &[("lang", "fr"), ("back", "/")])
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let response = app
        .post(
            &learner,
            "/language",
            &[("lang", "en"), ("back", "https://evil.example/")],
        )
        .await;
    assert_eq!(location(&response), "/");
}

async fn health_checks_the_database(backend: Backend) {
    let app = spawn_app(backend).await;
    let ok = app.get(&browser(), "/healthz").await;
    assert_eq!(ok.status(), StatusCode::OK);
    app.store().close().await;
    let down = app.get(&browser(), "/healthz").await;
    assert_eq!(down.status(), StatusCode::SERVICE_UNAVAILABLE);
}

/// A refused form says what happened, since the fix differs: allow cookies, reload a page that
/// did not load in full, reload a page that is out of date, or go to skillgym itself.
async fn a_refused_form_says_what_was_missing_or_out_of_date(backend: Backend) {
    let app = spawn_app(backend).await;
    let refused = |response: reqwest::Response| async move {
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        response.text().await.unwrap()
    };
    let fields = [("email", "admin@afon.example"), ("password", "wrong")];
    let sign_in = format!("{}/sign-in", app.url);

    // A browser that keeps no cookies: the form carries its token, the cookie never comes back.
    let no_cookies = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let token = common::csrf_in(&app.page(&no_cookies, "/sign-in").await);
    let html = refused(
        no_cookies
            .post(&sign_in)
            .form(&[("csrf", token.as_str()), fields[0], fields[1]])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        html.contains("did not send the form&#39;s security cookie")
            && html.contains("Cookies may be blocked"),
        "{html}"
    );

    // The cookie came, the token did not.
    let client = browser();
    app.csrf(&client).await;
    let html = refused(client.post(&sign_in).form(&fields).send().await.unwrap()).await;
    assert!(
        html.contains("did not send the form&#39;s security token")
            && html.contains("may not have loaded in full"),
        "{html}"
    );

    // A page loaded before signing in, submitted after: out of date.
    let stale = app.csrf(&client).await;
    let response = app
        .post(
            &client,
            "/sign-in",
            &[("email", "admin@afon.example"), ("password", DEMO_PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let html = refused(
        client
            .post(format!("{}/language", app.url))
            .form(&[("csrf", stale.as_str()), ("lang", "cy"), ("back", "/")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        html.contains("This form is out of date") && html.contains("signed in or out"),
        "{html}"
    );
    assert!(!html.contains("expired"));

    // Another site's page posting to skillgym.
    let csrf = app.csrf(&client).await;
    let html = refused(
        client
            .post(format!("{}/language", app.url))
            .header("origin", "https://evil.example")
            .form(&[("csrf", csrf.as_str()), ("lang", "cy"), ("back", "/")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        html.contains("This form was sent from another website"),
        "{html}"
    );

    // In Welsh too.
    let welsh = browser();
    app.csrf(&welsh).await;
    let html = refused(
        welsh
            .post(&sign_in)
            .header("accept-language", "cy")
            .form(&fields)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        html.contains("Ni anfonodd eich porwr docyn diogelwch y ffurflen"),
        "{html}"
    );
}
