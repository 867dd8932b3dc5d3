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
    /// 400: a request that cannot be right (a sign-in callback with no sign-in under way).
    BadRequest,
    /// The form was read and refused as invalid (nothing changed).
    Invalid,
    /// 409: the form cannot apply any more (a campaign's questions once people answer it).
    Conflict,
}

impl Expect {
    fn matches(self, status: StatusCode, location: &str) -> bool {
        match self {
            Expect::Ok => status == StatusCode::OK,
            Expect::SignIn => status == StatusCode::SEE_OTHER && location == "/sign-in",
            Expect::Redirect => status == StatusCode::SEE_OTHER,
            Expect::Forbidden => status == StatusCode::FORBIDDEN,
            Expect::NotFound => status == StatusCode::NOT_FOUND,
            Expect::BadRequest => status == StatusCode::BAD_REQUEST,
            Expect::Invalid => status == StatusCode::UNPROCESSABLE_ENTITY,
            Expect::Conflict => status == StatusCode::CONFLICT,
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

/// A path and what each kind of visitor should get from it.
type Case = (String, Box<dyn Fn(Who) -> Expect>);

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
        // Someone with an email, so an admin can give them an account.
        let has_email = app
            .store()
            .person(app.org, id)
            .await
            .unwrap()
            .email
            .is_some();
        if has_email && !accounts.contains(&id) && !app.store().manages(manager, id).await.unwrap()
        {
            unmanaged = Some(id);
            break;
        }
    }
    let unmanaged: PersonId = unmanaged.unwrap();
    // A profile's CSV needs a finished audit to show.
    let managed_answered = !app
        .store()
        .answered_campaigns(app.org, managed)
        .await
        .unwrap()
        .is_empty();
    let site = app.store().sites(app.org).await.unwrap()[0].id;
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let framework = app.store().frameworks(app.org).await.unwrap()[0].id;
    let team = app.store().teams(app.org).await.unwrap()[0].id;
    // The framework's first area and competence, which the demo's campaigns have answers about.
    let stored = app.store().framework(app.org, framework).await.unwrap();
    let area = stored.framework.areas[0].code.clone();
    let competence = stored.framework.areas[0].competences[0].code.clone();
    // A campaign nobody has answered yet, whose questions may still change.
    let fresh = {
        let demo = app.store().campaign(app.org, campaign).await.unwrap();
        let new = skillgym_store::NewCampaign {
            framework: demo.framework_id,
            title: demo.title.clone(),
            opens_on: time::macros::date!(2030 - 01 - 01),
            closes_on: time::macros::date!(2030 - 02 - 01),
            anonymous: false,
            competences: demo
                .areas
                .iter()
                .flat_map(|a| a.competences.iter().map(|c| c.id))
                .collect(),
            audience: Default::default(),
            content: skillgym_domain::audit::CampaignContent {
                title: demo.title.clone(),
                profile_questions: demo.questions.iter().map(|(_, q)| q.clone()).collect(),
                quiz: demo.quiz.iter().map(|(_, q)| q.clone()).collect(),
            },
            pictures: app.store().campaign_pictures(demo.id).await.unwrap(),
            cloned_from: Some(demo.id),
        };
        let id = app.store().create_campaign(app.org, &new).await.unwrap();
        app.store().campaign(app.org, id).await.unwrap()
    };
    let (fresh_question, fresh_quiz) = (fresh.questions[0].0, fresh.quiz[0].0);
    let fresh = fresh.id;

    let gets: Vec<Case> = vec![
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
        // Single sign-on is not set up in the demo: nothing to start; signed in, go home.
        (
            "/sign-in/sso".into(),
            Box::new(|w| {
                if w == Who::SignedOut {
                    Expect::NotFound
                } else {
                    Expect::Redirect
                }
            }),
        ),
        (
            "/sign-in/sso/callback?code=x&state=not-a-real-state".into(),
            Box::new(|_| Expect::BadRequest),
        ),
        ("/settings".into(), Box::new(|w| admin_only(w, Expect::Ok))),
        (
            "/settings/retention".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        ("/audits".into(), Box::new(|w| signed_in(w, Expect::Ok))),
        (
            format!("/audits/{campaign}"),
            Box::new(|w| signed_in(w, Expect::Ok)),
        ),
        // Nobody has started: the questionnaire sends people to the start page first.
        (
            format!("/audits/{campaign}/section/1"),
            Box::new(|w| signed_in(w, Expect::Redirect)),
        ),
        (
            format!("/audits/{campaign}/check"),
            Box::new(|w| signed_in(w, Expect::Redirect)),
        ),
        (
            format!("/audits/{campaign}/results"),
            Box::new(|w| signed_in(w, Expect::NotFound)),
        ),
        (
            format!("/audits/{campaign}/pictures/wifi.svg"),
            Box::new(|w| signed_in(w, Expect::Ok)),
        ),
        (
            "/audits/999999".into(),
            Box::new(|w| signed_in(w, Expect::NotFound)),
        ),
        // A password-free link that is not ours is refused, whoever opens it.
        (
            format!("/audits/{campaign}/link/1.{campaign}.99999999999.bad"),
            Box::new(|_| Expect::Forbidden),
        ),
        (
            "/frameworks".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/frameworks/import".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}/case.json"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}/framework.csv"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/frameworks/999999/case.json".into(),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        ("/campaigns".into(), Box::new(|w| admin_only(w, Expect::Ok))),
        (
            "/frameworks/new".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}/edit"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}/levels"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}/areas/new"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}/areas/{area}/edit"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}/areas/{area}/remove"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}/areas/NO-SUCH-AREA/edit"),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        (
            format!("/frameworks/{framework}/competences/new"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}/competences/new?area={area}"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}/competences/{competence}/edit"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/frameworks/{framework}/competences/{competence}/remove"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/frameworks/999999/edit".into(),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        (
            format!("/campaigns/{campaign}/questions"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/questions/new"),
            Box::new(|w| admin_only(w, Expect::Redirect)),
        ),
        (
            format!("/campaigns/{campaign}/quiz/new"),
            Box::new(|w| admin_only(w, Expect::Redirect)),
        ),
        (
            format!("/campaigns/{fresh}/questions"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{fresh}/questions/new"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{fresh}/questions/{fresh_question}/edit"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{fresh}/questions/{fresh_question}/remove"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{fresh}/quiz/new"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{fresh}/quiz/{fresh_quiz}/edit"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{fresh}/quiz/{fresh_quiz}/remove"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{fresh}/quiz/999999/edit"),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        (
            "/campaigns/999999/questions".into(),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        (
            "/campaigns/new".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/import"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        // An upload that is not kept (never made, imported, or over a day old).
        (
            format!("/campaigns/{campaign}/import/999999"),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        (
            format!("/campaigns/{campaign}/report"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/report/sites.csv"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/report/teams.csv"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/report/competences.csv"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/report/weakest.csv"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/report/strongest.csv"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/report/heat.csv"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/report/nothing.csv"),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        (
            "/campaigns/999999/report/sites.csv".into(),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        (
            format!("/campaigns/{campaign}/compare"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/compare?by=LEADERSHIP"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/compare.csv?by=employment"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/calibration"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/calibration.csv?by=job_family"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/campaigns/999999/compare".into(),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        (
            format!("/campaigns/{campaign}/change"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/change.csv?table=areas"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/campaigns/{campaign}/report/print"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/campaigns/999999/report/print".into(),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        (
            format!("/campaigns/{campaign}/change?earlier=999999"),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        (
            "/campaigns/999999/change".into(),
            Box::new(|w| admin_only(w, Expect::NotFound)),
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
        (
            format!("/people/{managed}/profile"),
            Box::new(|w| match w {
                Who::SignedOut => Expect::SignIn,
                Who::Admin | Who::Manager => Expect::Ok,
                _ => Expect::NotFound,
            }),
        ),
        (
            format!("/people/{managed}/profile.csv"),
            Box::new(move |w| match w {
                Who::SignedOut => Expect::SignIn,
                Who::Admin | Who::Manager if managed_answered => Expect::Ok,
                _ => Expect::NotFound,
            }),
        ),
        (
            format!("/people/{unmanaged}/profile"),
            Box::new(|w| match w {
                Who::SignedOut => Expect::SignIn,
                Who::Admin => Expect::Ok,
                _ => Expect::NotFound,
            }),
        ),
        (
            format!("/people/{managed}/profile?campaign=999999"),
            Box::new(|w| match w {
                Who::SignedOut => Expect::SignIn,
                _ => Expect::NotFound,
            }),
        ),
        (
            "/role-profiles".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/role-profiles?framework=999999".into(),
            Box::new(|w| admin_only(w, Expect::NotFound)),
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
            "/import/staff/999999".into(),
            Box::new(|w| admin_only(w, Expect::NotFound)),
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
        (
            "/audit-trail".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/audit-trail?q=a&action=person-viewed&page=2".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/audit-trail?person={unmanaged}"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/audit-trail.csv".into(),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            format!("/people/{unmanaged}/erase"),
            Box::new(|w| admin_only(w, Expect::Ok)),
        ),
        (
            "/people/999999/erase".into(),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
    ];
    // Forms are posted empty (with a valid CSRF token): they must be refused before anything
    // changes, by role first and by validation second.
    let posts: Vec<Case> = vec![
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
        (
            "/settings".into(),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        // An empty retention period is refused; nothing changes.
        (
            "/settings/retention".into(),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            "/campaigns/new".into(),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            "/frameworks/new".into(),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/frameworks/{framework}/edit"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/frameworks/{framework}/levels"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/frameworks/{framework}/areas/new"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/frameworks/{framework}/areas/{area}/edit"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/frameworks/{framework}/areas/{area}/move"),
            Box::new(|w| admin_only(w, Expect::BadRequest)),
        ),
        (
            format!("/frameworks/{framework}/areas/{area}/remove"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/frameworks/{framework}/competences/new"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/frameworks/{framework}/competences/{competence}/edit"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/frameworks/{framework}/competences/{competence}/move"),
            Box::new(|w| admin_only(w, Expect::BadRequest)),
        ),
        (
            format!("/frameworks/{framework}/competences/{competence}/remove"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/campaigns/{campaign}/questions/new"),
            Box::new(|w| admin_only(w, Expect::Conflict)),
        ),
        (
            format!("/campaigns/{campaign}/quiz/new"),
            Box::new(|w| admin_only(w, Expect::Conflict)),
        ),
        (
            format!("/campaigns/{fresh}/questions/new"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/campaigns/{fresh}/questions/{fresh_question}/edit"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/campaigns/{fresh}/questions/{fresh_question}/remove"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/campaigns/{fresh}/quiz/new"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/campaigns/{fresh}/quiz/{fresh_quiz}/edit"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/campaigns/{fresh}/quiz/{fresh_quiz}/remove"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        (
            format!("/campaigns/{campaign}/import/999999"),
            Box::new(|w| admin_only(w, Expect::NotFound)),
        ),
        (
            format!("/campaigns/{campaign}/clone"),
            Box::new(|w| match w {
                Who::SignedOut => Expect::SignIn,
                Who::Admin => Expect::BadRequest,
                _ => Expect::Forbidden,
            }),
        ),
        // Without SMTP set up, sending explains so on the campaign page.
        (
            format!("/campaigns/{campaign}/invitations"),
            Box::new(|w| admin_only(w, Expect::Redirect)),
        ),
        (
            format!("/campaigns/{campaign}/reminders"),
            Box::new(|w| admin_only(w, Expect::Redirect)),
        ),
        (
            format!("/campaigns/{campaign}/invitation-settings"),
            Box::new(|w| admin_only(w, Expect::BadRequest)),
        ),
        // An empty section is refused; people who have not started are sent to the start.
        (
            format!("/audits/{campaign}/section/1"),
            Box::new(|w| signed_in(w, Expect::Redirect)),
        ),
        (
            format!("/audits/{campaign}/check"),
            Box::new(|w| signed_in(w, Expect::Redirect)),
        ),
        ("/language".into(), Box::new(|_| Expect::Invalid)),
        // Erasing needs the box ticked: an empty form erases no one.
        (
            format!("/people/{unmanaged}/erase"),
            Box::new(|w| admin_only(w, Expect::Invalid)),
        ),
        ("/me/data".into(), Box::new(|w| signed_in(w, Expect::Ok))),
        // No framework named: nothing to save.
        (
            "/role-profiles".into(),
            Box::new(|w| admin_only(w, Expect::BadRequest)),
        ),
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
            // The same form without its CSRF token is always refused: people signed out are
            // sent to sign in first, as the role is checked before the form is read.
            let response = client
                .post(format!("{}{path}", app.url))
                .form(&[("name", "x")])
                .send()
                .await
                .unwrap();
            let refused = if want == Expect::SignIn {
                want.matches(response.status(), location(&response))
            } else {
                response.status() == StatusCode::FORBIDDEN
            };
            if !refused {
                wrong.push(format!(
                    "{who:?} POST {path} without CSRF: {}",
                    response.status()
                ));
            }
        }
        // Uploading a survey export, a multipart form: refused empty.
        let csrf = app.csrf(&client).await;
        let form = reqwest::multipart::Form::new().text("csrf", csrf);
        let response = client
            .post(format!("{}/campaigns/{campaign}/import", app.url))
            .multipart(form)
            .send()
            .await
            .unwrap();
        let want = admin_only(who, Expect::Invalid);
        if !want.matches(response.status(), location(&response)) {
            wrong.push(format!(
                "{who:?} POST /campaigns/{campaign}/import: {}, wanted {want:?}",
                response.status()
            ));
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
        // A framework import with no file, a multipart form too.
        let csrf = app.csrf(&client).await;
        let form = reqwest::multipart::Form::new().text("csrf", csrf);
        let response = client
            .post(format!("{}/frameworks/import", app.url))
            .multipart(form)
            .send()
            .await
            .unwrap();
        let want = admin_only(who, Expect::Invalid);
        if !want.matches(response.status(), location(&response)) {
            wrong.push(format!(
                "{who:?} POST /frameworks/import: {}, wanted {want:?}",
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
        // Admins may not erase themselves, even with the box ticked.
        if let Some(email) = email(who) {
            let me = app
                .store()
                .account_by_email(&Email::parse(email).unwrap())
                .await
                .unwrap()
                .unwrap()
                .person_id;
            let response = app
                .post(
                    &client,
                    &format!("/people/{me}/erase"),
                    &[("confirm", "yes")],
                )
                .await;
            if response.status() != StatusCode::FORBIDDEN {
                wrong.push(format!("{who:?} POST erase self: {}", response.status()));
            }
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
