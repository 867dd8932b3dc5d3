//! Rating the services catalogue's services inside an audit: an admin chooses which services a
//! campaign asks about (never an anonymous one, refused by the form and the store both ways),
//! staff answer on the audit's last page, saved as they go and kept across a resume, shown on
//! check your answers, and written to their confidence with each service only when they
//! submit (a draft changes nothing); bad answers are refused and keep nothing; the drafts are
//! the person's own data.

mod common;

use common::answering::{answers_for, post_section};
use common::{TestApp, location, spawn_app};
use reqwest::{Client, StatusCode};
use skillgym_domain::audit::{CampaignContent, Section};
use skillgym_domain::services::Confidence;
use skillgym_domain::{CampaignId, Email, PersonId, ServiceId};
use skillgym_store::{
    Actor, AuditAction, AuditFilter, Campaign, Cell, NewCampaign, SERVICES_ANONYMOUS, StoreError,
    StoredService,
};
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    an_admin_chooses_the_services_a_campaign_asks_about_but_never_for_an_anonymous_one,
    answers_are_kept_across_a_resume_and_count_only_once_submitted,
    bad_answers_about_services_are_refused_and_keep_nothing,
    someone_answering_through_a_public_link_is_not_asked_about_services,
);

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

async fn person(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

async fn catalogue(app: &TestApp) -> Vec<StoredService> {
    app.store().services(app.org).await.unwrap()
}

async fn campaign_count(app: &TestApp) -> usize {
    app.store().campaigns(app.org).await.unwrap().len()
}

/// A campaign open today for everyone, rating the demo framework's first area, with no other
/// questions, asking about `services`.
fn new_campaign(app_framework: &skillgym_store::StoredFramework, anonymous: bool) -> NewCampaign {
    let area = &app_framework.framework.areas[0];
    NewCampaign {
        framework: app_framework.id,
        title: skillgym_domain::audit::Localised::new("Services check", None),
        opens_on: today() - time::Duration::days(1),
        closes_on: today() + time::Duration::days(20),
        anonymous,
        competences: area
            .competences
            .iter()
            .map(|c| app_framework.competence_ids[&c.code])
            .collect(),
        audience: Default::default(),
        content: CampaignContent {
            title: skillgym_domain::audit::Localised::new("Services check", None),
            profile_questions: Vec::new(),
            quiz: Vec::new(),
        },
        pictures: Vec::new(),
        cloned_from: None,
    }
}

async fn framework(app: &TestApp) -> skillgym_store::StoredFramework {
    let summary = app.store().frameworks(app.org).await.unwrap().remove(0);
    app.store().framework(app.org, summary.id).await.unwrap()
}

async fn campaign_asking(app: &TestApp, services: &[ServiceId]) -> Campaign {
    let new = new_campaign(&framework(app).await, false);
    let id = app
        .store()
        .create_campaign_asking(app.org, &new, services)
        .await
        .unwrap();
    app.store().campaign(app.org, id).await.unwrap()
}

/// The audit trail's events, newest first: (action, detail).
async fn events(app: &TestApp) -> Vec<(Option<AuditAction>, String)> {
    app.store()
        .audit_events(
            app.org,
            &AuditFilter {
                limit: 1000,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .0
        .into_iter()
        .map(|e| (e.action, e.detail))
        .collect()
}

async fn an_admin_chooses_the_services_a_campaign_asks_about_but_never_for_an_anonymous_one(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let services = catalogue(&app).await;
    let (a, b) = (services[0].id, services[1].id);
    let form = app.page(&admin, "/campaigns/new").await;
    assert!(form.contains("Services it asks about (optional)"));
    assert!(form.contains(&format!(
        "id=\"service-{a}\" name=\"service\" value=\"{a}\">"
    )));
    assert!(
        !form.contains(&format!("name=\"service\" value=\"{a}\" checked")),
        "none by default"
    );

    // Anonymous and asking about services: the form says why, and nothing is opened.
    let fw = framework(&app).await;
    let area = fw.framework.areas[0].code.clone();
    let opens = skillgym_domain::people::format_date(today());
    let closes = skillgym_domain::people::format_date(today() + time::Duration::days(10));
    let before = campaign_count(&app).await;
    let fields = |anonymous: &'static str| {
        vec![
            ("title_en", "Services check".to_string()),
            ("framework", fw.id.to_string()),
            ("area", area.clone()),
            ("opens_on", opens.clone()),
            ("closes_on", closes.clone()),
            ("anonymous", anonymous.to_string()),
            ("service", a.to_string()),
            ("service", b.to_string()),
        ]
    };
    let as_refs = |f: &[(&'static str, String)]| -> Vec<(&'static str, String)> { f.to_vec() };
    let post = |f: Vec<(&'static str, String)>| {
        let admin = admin.clone();
        let app = &app;
        async move {
            let refs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post(&admin, "/campaigns/new", &refs).await
        }
    };
    let refused = post(as_refs(&fields("yes"))).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("class=\"error-summary\""));
    assert!(html.contains(
        "<a href=\"#service\">An anonymous audit cannot ask about services, because confidence \
         with a service is tied to the person</a>"
    ));
    assert!(
        html.contains(&format!("name=\"service\" value=\"{a}\" checked")),
        "kept as typed"
    );
    assert_eq!(campaign_count(&app).await, before);
    // The store refuses too.
    let refused = app
        .store()
        .create_campaign_asking(app.org, &new_campaign(&fw, true), &[a])
        .await;
    assert!(matches!(
        refused,
        Err(StoreError::Refused(SERVICES_ANONYMOUS))
    ));
    assert_eq!(campaign_count(&app).await, before);

    // Named: opened asking about both, in the catalogue's order.
    let opened = post(as_refs(&fields("no"))).await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let id: CampaignId = CampaignId(
        location(&opened)
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap(),
    );
    let campaign = app.store().campaign(app.org, id).await.unwrap();
    let asked: Vec<ServiceId> = campaign.services.iter().map(|s| s.id).collect();
    assert_eq!(asked, vec![a, b]);
    let page = app.page(&admin, &format!("/campaigns/{id}")).await;
    assert!(page.contains(&format!("href=\"/campaigns/{id}/services\"")));

    // Its services page changes them before anyone answers, in the audit trail.
    let page = app.page(&admin, &format!("/campaigns/{id}/services")).await;
    assert!(page.contains(&format!("name=\"service\" value=\"{b}\" checked")));
    let changed = app
        .post(
            &admin,
            &format!("/campaigns/{id}/services"),
            &[("service", &b.to_string())],
        )
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    let asked: Vec<ServiceId> = app
        .store()
        .campaign_services(app.org, id)
        .await
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(asked, vec![b]);
    let recorded: Vec<String> = events(&app)
        .await
        .into_iter()
        .filter(|(a, _)| *a == Some(AuditAction::CampaignServicesChanged))
        .map(|(_, detail)| detail)
        .collect();
    assert_eq!(recorded.len(), 1, "{recorded:?}");
    assert!(
        recorded[0].contains(&format!("campaign={id}")) && recorded[0].contains("services=1"),
        "{recorded:?}"
    );
    // Saving the same services again records nothing.
    app.post(
        &admin,
        &format!("/campaigns/{id}/services"),
        &[("service", &b.to_string())],
    )
    .await;
    assert_eq!(
        events(&app)
            .await
            .iter()
            .filter(|(a, _)| *a == Some(AuditAction::CampaignServicesChanged))
            .count(),
        1
    );

    // An anonymous campaign's services page refuses any, with the reason; so does the store.
    let anonymous = app
        .store()
        .create_campaign(app.org, &new_campaign(&fw, true))
        .await
        .unwrap();
    let page = app
        .page(&admin, &format!("/campaigns/{anonymous}/services"))
        .await;
    assert!(page.contains("This audit is anonymous, so it cannot ask about services"));
    let refused = app
        .post(
            &admin,
            &format!("/campaigns/{anonymous}/services"),
            &[("service", &a.to_string())],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("class=\"error-summary\"") && html.contains("href=\"#service\""));
    let refused = app
        .store()
        .set_campaign_services(app.org, anonymous, &[a], Actor::System)
        .await;
    assert!(matches!(
        refused,
        Err(StoreError::Refused(SERVICES_ANONYMOUS))
    ));
    assert!(
        app.store()
            .campaign_services(app.org, anonymous)
            .await
            .unwrap()
            .is_empty()
    );
    // Another organisation's service (or none) is not one to ask about.
    let missing = app
        .store()
        .set_campaign_services(app.org, id, &[ServiceId(999_999)], Actor::System)
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)));

    // Once someone has started answering, they are fixed.
    let learner = app.signed_in("learner@afon.example").await;
    app.post(&learner, &format!("/audits/{id}/start"), &[])
        .await;
    let fixed = app
        .post(
            &admin,
            &format!("/campaigns/{id}/services"),
            &[("service", &a.to_string())],
        )
        .await;
    assert_eq!(fixed.status(), StatusCode::CONFLICT);
    assert_eq!(
        app.store().campaign_services(app.org, id).await.unwrap()[0].id,
        b
    );
    // A re-audit asks about the same services.
    let cloned = app
        .post(
            &admin,
            &format!("/campaigns/{id}/clone"),
            &[("opens_on", &opens), ("closes_on", &closes)],
        )
        .await;
    let copy = CampaignId(
        location(&cloned)
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap(),
    );
    assert_eq!(
        app.store().campaign_services(app.org, copy).await.unwrap()[0].id,
        b
    );
    // A service removed from the catalogue is no longer asked about.
    app.store()
        .remove_service(app.org, b, Actor::System)
        .await
        .unwrap();
    for campaign in [id, copy] {
        assert!(
            app.store()
                .campaign_services(app.org, campaign)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

/// The services page's number in the campaign.
fn services_section(campaign: &Campaign) -> usize {
    let q = campaign.questionnaire();
    assert_eq!(q.section(q.len()), Some(Section::Services), "the last page");
    q.len()
}

async fn draft_rows(app: &TestApp) -> i64 {
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM response_service_answers")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

/// How many at `person`'s first site are confident with `service`, as the gaps page counts.
async fn confident_at_their_site(app: &TestApp, person: PersonId, service: ServiceId) -> usize {
    let site = app.store().person(app.org, person).await.unwrap().sites[0].0;
    app.store()
        .site_confidence(app.org, today(), None)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.site == site)
        .expect("their site")
        .confident
        .get(&service)
        .copied()
        .unwrap_or(0)
}

async fn answers_are_kept_across_a_resume_and_count_only_once_submitted(backend: Backend) {
    let app = spawn_app(backend).await;
    let me = person(&app, "learner@afon.example").await;
    // A service nobody is confident with, and one the learner said 2 to on its page.
    let mut gap = catalogue(&app).await[0].service.clone();
    gap.code = skillgym_domain::services::ServiceCode::parse("AUDIT-GAP").unwrap();
    gap.name.en = "A service for the audit test".into();
    let gap = app
        .store()
        .save_service(app.org, None, &gap, Actor::System)
        .await
        .unwrap();
    let rated = catalogue(&app)
        .await
        .into_iter()
        .find(|s| s.id != gap)
        .unwrap();
    app.store()
        .rate_service(app.org, rated.id, me, Some(Confidence::Rated(2)))
        .await
        .unwrap();
    assert_eq!(confident_at_their_site(&app, me, gap).await, 0);
    let campaign = campaign_asking(&app, &[gap, rated.id]).await;
    let id = campaign.id;
    let last = services_section(&campaign);

    let learner = app.signed_in("learner@afon.example").await;
    let start = app.page(&learner, &format!("/audits/{id}")).await;
    assert!(start.contains(&format!("{last} short sections")), "{start}");
    app.post(&learner, &format!("/audits/{id}/start"), &[])
        .await;
    let page = app
        .page(&learner, &format!("/audits/{id}/section/{last}"))
        .await;
    for text in [
        "Services you help people with",
        "A service for the audit test",
        "4 – I can help people with it confidently, even when something goes wrong",
        "Not sure, or this does not apply to my role",
    ] {
        assert!(page.contains(text), "{text}");
    }
    // The services page first, leaving the first: saved as they go.
    let saved = app
        .post(
            &learner,
            &format!("/audits/{id}/section/{last}"),
            &[
                (&format!("service-{gap}") as &str, "5"),
                (&format!("service-{}", rated.id), "not-sure"),
            ],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    // A draft changes nobody's confidence.
    let confidence = |service: ServiceId| {
        let app = &app;
        async move {
            app.store()
                .service_confidence_of(app.org, service, me)
                .await
                .unwrap()
        }
    };
    assert_eq!(confidence(gap).await, None);
    assert_eq!(confidence(rated.id).await, Some(Confidence::Rated(2)));
    assert_eq!(confident_at_their_site(&app, me, gap).await, 0);
    // The draft is theirs: in their data.
    let data = app.store().personal_data(app.org, me).await.unwrap();
    let drafts = data.table("audit_service_answers").expect("the table");
    assert_eq!(drafts.rows.len(), 2);
    assert!(
        drafts
            .rows
            .iter()
            .any(|r| r[1] == Cell::Text("AUDIT-GAP".into()) && r[3] == Cell::Text("5".into()))
    );

    // Back another day, signed in afresh: on to the page not yet saved, the answers kept.
    let again = app.signed_in("learner@afon.example").await;
    let resumed = app.post(&again, &format!("/audits/{id}/start"), &[]).await;
    assert_eq!(location(&resumed), format!("/audits/{id}/section/1"));
    let page = app
        .page(&again, &format!("/audits/{id}/section/{last}"))
        .await;
    assert!(page.contains(&format!(
        "id=\"service-{gap}-5\" name=\"service-{gap}\" value=\"5\" checked"
    )));
    assert!(page.contains(&format!(
        "id=\"service-{0}-not-sure\" name=\"service-{0}\" value=\"not-sure\" checked",
        rated.id
    )));
    for n in 1..last {
        let done = post_section(
            &app,
            &again,
            &campaign,
            n,
            &answers_for(&campaign, n, false),
        )
        .await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
    }
    // Check your answers: the services, with a link to change them.
    let check = app.page(&again, &format!("/audits/{id}/check")).await;
    assert!(check.contains("<h2>Services you help people with</h2>"));
    assert!(
        check.contains("5 – I could show colleagues how to help, and keep up with changes to it")
    );
    assert!(check.contains(&format!(
        "href=\"/audits/{id}/section/{last}\">Change<span class=\"visually-hidden\"> A service for the audit test"
    )));
    assert_eq!(confidence(gap).await, None, "still a draft");

    let submitted = app.post(&again, &format!("/audits/{id}/check"), &[]).await;
    assert_eq!(location(&submitted), format!("/audits/{id}/results"));
    assert_eq!(confidence(gap).await, Some(Confidence::Rated(5)));
    assert_eq!(
        confidence(rated.id).await,
        Some(Confidence::NotSure),
        "the latest statement wins"
    );
    // Said when submitted; the drafts are gone.
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    let (rated_at, submitted_at): (i64, i64) = (
        sqlx::query_scalar(
            "SELECT rated_at FROM service_confidence WHERE person_id = $1 AND service_id = $2",
        )
        .bind(me.0)
        .bind(gap.0)
        .fetch_one(&pool)
        .await
        .unwrap(),
        sqlx::query_scalar(
            "SELECT submitted_at FROM responses WHERE person_id = $1 AND campaign_id = $2",
        )
        .bind(me.0)
        .bind(id.0)
        .fetch_one(&pool)
        .await
        .unwrap(),
    );
    pool.close().await;
    assert_eq!(rated_at, submitted_at);
    assert_eq!(draft_rows(&app).await, 0);
    // It shows on the service's page, and counts in the gaps at their library.
    let page = app.page(&again, &format!("/services/{gap}")).await;
    assert!(page.contains("You said: I could show colleagues how to help"));
    assert_eq!(confident_at_their_site(&app, me, gap).await, 1);
    // Said again on the page afterwards: that is the latest.
    app.post(
        &again,
        &format!("/services/{gap}/confidence"),
        &[("confidence", "3")],
    )
    .await;
    assert_eq!(confidence(gap).await, Some(Confidence::Rated(3)));
    assert_eq!(confident_at_their_site(&app, me, gap).await, 0);
}

async fn bad_answers_about_services_are_refused_and_keep_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let services = catalogue(&app).await;
    let (a, b, other) = (services[0].id, services[1].id, services[2].id);
    let campaign = campaign_asking(&app, &[a, b]).await;
    let id = campaign.id;
    let last = services_section(&campaign);
    let learner = app.signed_in("learner@afon.example").await;
    app.post(&learner, &format!("/audits/{id}/start"), &[])
        .await;
    let path = format!("/audits/{id}/section/{last}");
    let (fa, fb, fo) = (
        format!("service-{a}"),
        format!("service-{b}"),
        format!("service-{other}"),
    );
    let nothing_kept = |client: &Client| {
        let app = &app;
        let client = client.clone();
        async move {
            let me = person(app, "learner@afon.example").await;
            let response = app.store().response_of(id, me).await.unwrap().unwrap();
            let answers = app.store().response_answers(response.id).await.unwrap();
            let _ = client;
            answers.services.is_empty() && !response.saved.contains(&last)
        }
    };
    for bad in ["6", "-1", "0", "three", ""] {
        let refused = app
            .post(&learner, &path, &[(&fa as &str, bad), (&fb, "3")])
            .await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad:?}"
        );
        let html = refused.text().await.unwrap();
        assert!(html.contains(&format!("href=\"#{fa}\"")), "{bad:?}");
        assert!(nothing_kept(&learner).await, "{bad:?}");
    }
    // A service the campaign does not ask about.
    let refused = app
        .post(
            &learner,
            &path,
            &[(&fa as &str, "3"), (&fb, "3"), (&fo, "4")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("This audit does not ask about that service")
    );
    assert!(nothing_kept(&learner).await);
    // The store refuses it too, keeping nothing of the page.
    let me = person(&app, "learner@afon.example").await;
    let response = app.store().response_of(id, me).await.unwrap().unwrap();
    let mut answers = skillgym_store::ResponseAnswers::default();
    answers.services.insert(a, Confidence::Rated(3));
    answers.services.insert(other, Confidence::Rated(4));
    let refused = app
        .store()
        .save_section(response.id, last, &answers, &[])
        .await;
    assert!(matches!(refused, Err(StoreError::Refused(_))));
    assert!(nothing_kept(&learner).await);
    assert_eq!(draft_rows(&app).await, 0);
    // Good answers are kept.
    let saved = app
        .post(&learner, &path, &[(&fa as &str, "3"), (&fb, "not-sure")])
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(draft_rows(&app).await, 2);
    // Erased with the person, even unsubmitted.
    app.store()
        .erase_person(app.org, me, Actor::System)
        .await
        .unwrap();
    assert_eq!(draft_rows(&app).await, 0);
}

async fn someone_answering_through_a_public_link_is_not_asked_about_services(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let services = catalogue(&app).await;
    let campaign = campaign_asking(&app, &[services[0].id]).await;
    let id = campaign.id;
    let last = services_section(&campaign);
    let opened = app
        .post(
            &admin,
            &format!("/campaigns/{id}/public-link"),
            &[("mode", "anonymous")],
        )
        .await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let page = app.page(&admin, &format!("/campaigns/{id}")).await;
    let start = page
        .find(&format!("{}/take/", app.url))
        .expect("the address");
    let url = &page[start..start + page[start..].find('<').unwrap()];
    let path = url.strip_prefix(&app.url).unwrap().to_string();
    // They are nobody on the staff file: no confidence of theirs to keep, so not asked.
    let visitor = common::browser();
    app.post(&visitor, &path, &[]).await;
    app.post(&visitor, &format!("/audits/{id}/start"), &[])
        .await;
    assert_eq!(
        app.get(&visitor, &format!("/audits/{id}/section/{last}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    for n in 1..last {
        let done = post_section(
            &app,
            &visitor,
            &campaign,
            n,
            &answers_for(&campaign, n, false),
        )
        .await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
    }
    let check = app.page(&visitor, &format!("/audits/{id}/check")).await;
    assert!(!check.contains("Services you help people with"));
    let submitted = app
        .post(&visitor, &format!("/audits/{id}/check"), &[])
        .await;
    assert_eq!(location(&submitted), format!("/audits/{id}/results"));
}
