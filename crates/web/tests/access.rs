//! Every route, with every role and signed out: who gets what.

mod common;

use common::{TestApp, browser, location, spawn_app};
use reqwest::{Client, StatusCode};
use skillgym_domain::{Email, PersonId};
use skillgym_store::PersonFilter;
use skillgym_test_db::{Backend, both_backends};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    SignedOut,
    Learner,
    Champion,
    Trainer,
    Manager,
    Admin,
}

const EVERYONE: [Who; 6] = [
    Who::SignedOut,
    Who::Learner,
    Who::Champion,
    Who::Trainer,
    Who::Manager,
    Who::Admin,
];

/// What a request should answer.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Ok,
    /// 303 to the sign-in page.
    SignIn,
    /// 303 somewhere else (a form that worked, or a page that moves people on).
    Redirect,
    Forbidden,
    NotFound,
    /// The form was read and refused as invalid (nothing changed).
    Invalid,
}

impl Expect {
    fn matches(self, status: StatusCode, location: &str) -> bool {
        match self {
            Expect::Ok => status == StatusCode::OK,
            Expect::SignIn => status == StatusCode::SEE_OTHER && location == "/sign-in",
            Expect::Redirect => status == StatusCode::SEE_OTHER,
            Expect::Forbidden => status == StatusCode::FORBIDDEN,
            Expect::NotFound => status == StatusCode::NOT_FOUND,
            Expect::Invalid => status == StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

fn email(who: Who) -> Option<&'static str> {
    match who {
        Who::SignedOut => None,
        Who::Learner => Some("learner@afon.example"),
        Who::Champion => Some("champion@afon.example"),
        Who::Trainer => Some("trainer@afon.example"),
        Who::Manager => Some("manager@afon.example"),
        Who::Admin => Some("admin@afon.example"),
    }
}

async fn client_for(app: &TestApp, who: Who) -> Client {
    match email(who) {
        None => browser(),
        Some(email) => app.signed_in(email).await,
    }
}

/// Admins only; everyone else is refused, and people signed out are sent to sign in.
fn admin_only(who: Who, admin: Expect) -> Expect {
    match who {
        Who::SignedOut => Expect::SignIn,
        Who::Admin => admin,
        _ => Expect::Forbidden,
    }
}

fn signed_in(who: Who, then: Expect) -> Expect {
    if who == Who::SignedOut {
        Expect::SignIn
    } else {
        then
    }
}

both_backends!(every_route_answers_every_role_as_intended);

async fn every_route_answers_every_role_as_intended(backend: Backend) {
    let app = spawn_app(backend).await;
    let manager = app
        .store()
        .account_by_email(&Email::parse("manager@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    let filter = PersonFilter {
        managed_by: Some(manager),
        limit: 100,
        ..PersonFilter::default()
    };
    let mut accounts = Vec::new();
    for who in EVERYONE {
        if let Some(email) = email(who) {
            let email = Email::parse(email).unwrap();
            accounts.push(
                app.store()
                    .account_by_email(&email)
                    .await
                    .unwrap()
                    .unwrap()
                    .person_id,
            );
        }
    }
    let managed = app.store().people(app.org, &filter).await.unwrap().0;
    let managed = managed
        .iter()
        .find(|p| !accounts.contains(&p.id))
        .unwrap()
        .id;
    let mut unmanaged = None;
    for id in app.store().person_ids(app.org).await.unwrap().into_values() {
        if !accounts.contains(&id) && !app.store().manages(manager, id).await.unwrap() {
            unmanaged = Some(id);
            break;
        }
    }
    let unmanaged: PersonId = unmanaged.unwrap();
    let site = app.store().sites(app.org).await.unwrap()[0].id;
    let team = app.store().teams(app.org).await.unwrap()[0].id;

    let gets: Vec<(String, Box<dyn Fn(Who) -> Expect>)> = vec![
        ("/healthz".into(), Box::new(|_| Expect::Ok)),
        ("/assets/style.css".into(), Box::new(|_| Expect::Ok)),
        ("/".into(), Box::new(|w| signed_in(w, Expect::Ok))),
        (
            "/sign-in".into(),
            Box::new(|w| {
                if w == Who::SignedOut {
                    Expect::Ok
                } else {
                    Expect::Redirect
                }
            }),
        ),
        ("/me".into(), Box::new(|w| signed_in(w, Expect::Ok))),
        (
            "/team".into(),
            Box::new(|w| match w {
                Who::SignedOut => Expect::SignIn,
                Who::Manager => Expect::Ok,
                _ => Expect::Forbidden,
            }),
        ),
        ("/people".into(), Box::new(|w| admin_only(w, Expect::Ok))),
        (
            "/people?q=a&page=2".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/people/new".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/people/{managed}"),
            Box::new(|w| match w {
                Who::SignedOut => Expect::SignIn,
                Who::Admin | Who::Manager => Expect::Ok,
                _ => Expect::NotFound,
            }),
        ),
        (
            format!("/people/{unmanaged}"),
            Box::new(|w| match w {
                Who::SignedOut => Expect::SignIn,
                Who::Admin => Expect::Ok,
                _ => Expect::NotFound,
            }),
        ),
        (
            "/people/999999".into(),
            Box::new(|w| signed_in(w, Expect::NotFound)),
        ),
        (
            format!("/people/{managed}/edit"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        ("/sites".into(), Box::new(|w| admin_only(w, Expect::Ok))),
        ("/sites/new".into(), Box::new(|w| admin_only(w, Expect::Ok))),
        (
            format!("/sites/{site}/edit"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        ("/teams".into(), Box::new(|w| admin_only(w, Expect::Ok))),
        ("/teams/new".into(), Box::new(|w| admin_only(w, Expect::Ok))),
        (
            format!("/teams/{team}/edit"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/import/staff".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/import/staff/example.csv".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/export/staff.csv".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/access/not-a-real-token".into(),
            Box::new(|_| Expect::NotFound),
        ),
        ("/no/such/page".into(), Box::new(|_| Expect::NotFound)),
    ];
    // Forms are posted empty (with a valid CSRF token): they must be refused before anything
    // changes, by role first and by validation second.
    let posts: Vec<(String, Box<dyn Fn(Who) -> Expect>)> = vec![
        (
            "/people/new".into(),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/people/{managed}/edit"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            "/sites/new".into(),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/sites/{site}/edit"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            "/teams/new".into(),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/teams/{team}/edit"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            "/access/not-a-real-token".into(),
            Box::new(|_| Expect::NotFound),
        ),
        ("/language".into(), Box::new(|_| Expect::Invalid)),
    ];

    let mut wrong = Vec::new();
    for who in EVERYONE {
        let client = client_for(&app, who).await;
        for (path, expect) in &gets {
            let response = app.get(&client, path).await;
            let (status, loc) = (response.status(), location(&response).to_string());
            if !expect(who).matches(status, &loc) {
                wrong.push(format!(
                    "{who:?} GET {path}: {status} {loc}, wanted {:?}",
                    expect(who)
                ));
            }
        }
        for (path, expect) in &posts {
            let response = app.post(&client, path, &[]).await;
            let (status, loc) = (response.status(), location(&response).to_string());
            // An empty language form is a bad request; everyone may change language.
            let want = if path == "/language" {
                Expect::Invalid
            } else {
                expect(who)
            };
            let ok = if path == "/language" {
                status == StatusCode::BAD_REQUEST
            } else {
                want.matches(status, &loc)
            };
            if !ok {
                wrong.push(format!(
                    "{who:?} POST {path}: {status} {loc}, wanted {want:?}"
                ));
            }
            // The same form without its CSRF token is always refused.
            let response = client
                .post(format!("{}{path}", app.url))
                .form(&[("name", "x")])
                .send()
                .await
                .unwrap();
            if response.status() != StatusCode::FORBIDDEN {
                wrong.push(format!(
                    "{who:?} POST {path} without CSRF: {}",
                    response.status()
                ));
            }
        }
        // Import, a multipart form.
        let csrf = app.csrf(&client).await;
        let form = reqwest::multipart::Form::new().text("csrf", csrf);
        let response = client
            .post(format!("{}/import/staff", app.url))
            .multipart(form)
            .send()
            .await
            .unwrap();
        let want = admin_only(who, Expect::Invalid);
        if !want.matches(response.status(), location(&response)) {
            wrong.push(format!(
                "{who:?} POST /import/staff: {}, wanted {want:?}",
                response.status()
            ));
        }
        // Role changes are for admins; an empty one on someone else keeps them a learner.
        let response = app
            .post(&client, &format!("/people/{unmanaged}/access"), &[])
            .await;
        let want = match who {
            Who::SignedOut => Expect::SignIn,
            Who::Admin => Expect::Ok,
            _ => Expect::Forbidden,
        };
        if !want.matches(response.status(), location(&response)) {
            wrong.push(format!(
                "{who:?} POST access: {}, wanted {want:?}",
                response.status()
            ));
        }
        let response = app.post(&client, "/sign-out", &[]).await;
        if !Expect::SignIn.matches(response.status(), location(&response)) {
            wrong.push(format!("{who:?} POST /sign-out: {}", response.status()));
        }
    }
    assert!(
        wrong.is_empty(),
        "unexpected answers:\n{}",
        wrong.join("\n")
    );
}
