//! A manager's people and their audits: who has finished a named audit, nothing about who in an
//! anonymous one, only their own people, and a campaign that asked none of them is no page of
//! theirs.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::demo::DEMO_PASSWORD;
use skillgym_domain::{CampaignId, Email, PersonId, Role, Roles};
use skillgym_store::{NewAccount, NewCampaign};
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    a_manager_sees_who_of_their_people_has_finished_a_named_audit,
    an_anonymous_audit_shows_a_manager_no_one,
    a_manager_sees_no_one_else_and_no_campaign_that_did_not_ask_their_people,
);

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// The campaign open now (the demo's other one closed last year).
async fn open_campaign(app: &TestApp) -> CampaignId {
    let today = today();
    app.store()
        .campaigns(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.opens_on <= today && today <= c.closes_on)
        .unwrap()
        .id
}

async fn person_of(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

/// A copy of the open campaign, open today for everyone, with no answers yet.
async fn new_campaign(app: &TestApp, anonymous: bool) -> CampaignId {
    let demo = app
        .store()
        .campaign(app.org, open_campaign(app).await)
        .await
        .unwrap();
    let new = NewCampaign {
        framework: demo.framework_id,
        title: demo.title.clone(),
        opens_on: today() - time::Duration::days(1),
        closes_on: today() + time::Duration::days(20),
        anonymous,
        competences: demo
            .areas
            .iter()
            .flat_map(|a| a.competences.iter().map(|c| c.id))
            .collect(),
        audience: Default::default(),
        content: skillgym_domain::audit::CampaignContent {
            title: demo.title.clone(),
            profile_questions: Vec::new(),
            quiz: Vec::new(),
        },
        pictures: Vec::new(),
        cloned_from: None,
    };
    app.store().create_campaign(app.org, &new).await.unwrap()
}

/// Everyone still here, by whether `manager` manages them: (managed, not managed), as (id,
/// full name) and full name.
async fn split(app: &TestApp, manager: PersonId) -> (Vec<(PersonId, String)>, Vec<String>) {
    let (mut managed, mut others) = (Vec::new(), Vec::new());
    for id in app.store().person_ids(app.org).await.unwrap().into_values() {
        let person = app.store().person(app.org, id).await.unwrap();
        let name = person.name();
        // Those who have left are no one's to chase.
        if person.left_on.is_some_and(|d| d <= today()) {
            continue;
        }
        if app.store().manages(manager, id).await.unwrap() {
            managed.push((id, name));
        } else if id != manager {
            others.push(name);
        }
    }
    // A name someone managed shares proves nothing either way.
    others.retain(|n| !managed.iter().any(|(_, m)| m == n));
    (managed, others)
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('\'', "&#39;")
}

async fn a_manager_sees_who_of_their_people_has_finished_a_named_audit(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = open_campaign(&app).await;
    let me = person_of(&app, "manager@afon.example").await;
    let (managed, others) = split(&app, me).await;
    assert!(!managed.is_empty() && !others.is_empty());
    let manager = app.signed_in("manager@afon.example").await;

    // The team page lists the open audit, with how many of their people are where.
    let team = app.page(&manager, "/team").await;
    assert!(
        team.contains(&format!("href=\"/team/campaigns/{campaign}\"")),
        "{team}"
    );
    let page = app
        .page(&manager, &format!("/team/campaigns/{campaign}"))
        .await;
    // Every one of their people is listed, as far as they have got; no one else is.
    let mut counts = (0, 0, 0);
    for (id, name) in &managed {
        let state = app.store().response_of(campaign, *id).await.unwrap();
        let status = match state {
            Some(r) if r.submitted => {
                counts.0 += 1;
                "Finished"
            }
            Some(_) => {
                counts.1 += 1;
                "In progress"
            }
            None => {
                counts.2 += 1;
                "Not started"
            }
        };
        let row = format!(
            "<a href=\"/people/{id}\">{}</a></th><td>{status}</td>",
            escaped(name)
        );
        assert!(page.contains(&row), "{row} in {page}");
    }
    for name in &others {
        assert!(!page.contains(&escaped(name)), "{name} is not theirs");
    }
    assert!(team.contains(&format!(
        "{} finished, {} in progress, {} not started",
        counts.0, counts.1, counts.2
    )));
    // Email is not set up here: the button's page says so, and nothing is recorded as sent.
    let response = app
        .post(
            &manager,
            &format!("/team/campaigns/{campaign}/reminders"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).contains("mail=off"));
}

async fn an_anonymous_audit_shows_a_manager_no_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = new_campaign(&app, true).await;
    let me = person_of(&app, "manager@afon.example").await;
    let (managed, _) = split(&app, me).await;
    // Two of their people finish and one starts: fewer than the threshold of 5.
    for (n, (id, _)) in managed.iter().take(3).enumerate() {
        let response = app.store().start_response(campaign, *id).await.unwrap();
        if n < 2 {
            app.store().submit_response(response.id).await.unwrap();
        }
    }
    let manager = app.signed_in("manager@afon.example").await;
    let team = app.page(&manager, "/team").await;
    assert!(team.contains(&format!("href=\"/team/campaigns/{campaign}\"")));
    assert!(team.contains("Anonymous: you see your team"));
    let page = app
        .page(&manager, &format!("/team/campaigns/{campaign}"))
        .await;
    assert!(page.contains("This audit is anonymous"), "{page}");
    for (_, name) in &managed {
        assert!(!page.contains(&escaped(name)), "{name} on {page}");
    }
    assert!(!page.contains("id=\"team-members\"") && !page.contains("id=\"team-counts\""));
    for words in ["Finished</td>", "In progress</td>", "Not started</td>"] {
        assert!(!page.contains(words), "{words}");
    }
    // The team's rate is the report's: with fewer than 5 answers in all, no number.
    assert!(
        !page.contains(">2</td>") && !page.contains(">1</td>"),
        "{page}"
    );
}

async fn a_manager_sees_no_one_else_and_no_campaign_that_did_not_ask_their_people(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let campaign = open_campaign(&app).await;
    let first = person_of(&app, "manager@afon.example").await;
    // Another team's manager, with a manager's account of their own.
    let teams = app.store().teams(app.org).await.unwrap();
    let mut other = None;
    for m in teams.iter().filter_map(|t| t.manager_id) {
        if m != first
            && !app.store().manages(first, m).await.unwrap()
            && !app.store().manages(m, first).await.unwrap()
        {
            other = Some(m);
            break;
        }
    }
    let other = other.expect("another team's manager");
    let email = Email::parse("other.manager@afon.example").unwrap();
    app.store()
        .create_account(&NewAccount {
            person: other,
            email: email.clone(),
            password_hash: Some(skillgym_web::hash_password(DEMO_PASSWORD).unwrap()),
            roles: Roles::from_iter([Role::Manager]),
        })
        .await
        .unwrap();
    let (first_people, _) = split(&app, first).await;
    let (other_people, _) = split(&app, other).await;
    let theirs_only: Vec<&String> = first_people
        .iter()
        .filter(|(id, n)| !other_people.iter().any(|(o, m)| o == id || m == n))
        .map(|(_, n)| n)
        .collect();
    assert!(!theirs_only.is_empty());
    let manager = app.signed_in("other.manager@afon.example").await;
    let page = app
        .page(&manager, &format!("/team/campaigns/{campaign}"))
        .await;
    for name in theirs_only {
        assert!(!page.contains(&escaped(name)), "{name} is not theirs");
    }

    // A campaign that asked only a team none of whose people the first manager manages.
    let team = teams
        .iter()
        .find(|t| t.manager_id == Some(other))
        .unwrap()
        .id;
    let demo = app.store().campaign(app.org, campaign).await.unwrap();
    let elsewhere = app
        .store()
        .create_campaign(
            app.org,
            &NewCampaign {
                framework: demo.framework_id,
                title: demo.title.clone(),
                opens_on: today(),
                closes_on: today() + time::Duration::days(20),
                anonymous: false,
                competences: vec![demo.areas[0].competences[0].id],
                audience: skillgym_domain::audit::Audience {
                    teams: vec![team],
                    ..Default::default()
                },
                content: skillgym_domain::audit::CampaignContent {
                    title: demo.title.clone(),
                    profile_questions: Vec::new(),
                    quiz: Vec::new(),
                },
                pictures: Vec::new(),
                cloned_from: None,
            },
        )
        .await
        .unwrap();
    let first_manager = app.signed_in("manager@afon.example").await;
    for path in [
        format!("/team/campaigns/{elsewhere}"),
        "/team/campaigns/999999".to_string(),
    ] {
        let response = app.get(&first_manager, &path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let response = app
        .post(
            &first_manager,
            &format!("/team/campaigns/{elsewhere}/reminders"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let team_page = app.page(&first_manager, "/team").await;
    assert!(!team_page.contains(&format!("/team/campaigns/{elsewhere}\"")));
    // The other manager, whose team it asked, sees it.
    let response = app
        .get(&manager, &format!("/team/campaigns/{elsewhere}"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}
