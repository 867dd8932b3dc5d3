//! Audits open to people outside the staff file, through a campaign's public link: anonymous,
//! or once per email address confirmed through a real SMTP server; a network's link asks which
//! member; the answers count where they were given; and the limits on how often.

mod common;

use common::answering::{answers_for, post_section};
use common::smtp::SmtpServer;
use common::{TestApp, add_organisation, browser, csrf_in, location, spawn_app, spawn_app_with};
use reqwest::{Client, StatusCode};
use skillgym_domain::audit::QuestionKind;
use skillgym_domain::{CampaignId, OrganisationId, OrganisationSlug};
use skillgym_reporting::ReportOptions;
use skillgym_store::{Actor, Campaign, NewNetwork, PublicLinkMode};
use skillgym_test_db::{Backend, both_backends};
use skillgym_web::WebConfig;

both_backends!(
    anyone_with_the_link_answers_anonymously_and_counts_in_the_figures,
    an_address_is_confirmed_before_anything_is_made_and_answers_once,
    a_network_link_asks_which_member_and_the_answers_stay_there,
    starts_and_emails_are_limited,
    a_closed_link_opens_nothing,
);

/// The campaign open today (the demo's other one closed last year).
async fn open_campaign(app: &TestApp, org: OrganisationId) -> Campaign {
    let today = time::OffsetDateTime::now_utc().date();
    let summary = app
        .store()
        .campaigns(org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.opens_on <= today && today <= c.closes_on)
        .unwrap();
    app.store().campaign(org, summary.id).await.unwrap()
}

/// The admin opens the campaign's public link in `mode` on its page; the address to give out.
async fn open_link(app: &TestApp, admin: &Client, campaign: CampaignId, mode: &str) -> String {
    let response = app
        .post(
            admin,
            &format!("/campaigns/{campaign}/public-link"),
            &[("mode", mode)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = app.page(admin, &format!("/campaigns/{campaign}")).await;
    let start = page
        .find(&format!("{}/take/", app.url))
        .expect("the page gives the address");
    page[start..start + page[start..].find('<').unwrap()].to_string()
}

/// Answers every section and submits, as whoever `client` is.
async fn answer_everything(app: &TestApp, client: &Client, campaign: &Campaign) {
    let response = app
        .post(client, &format!("/audits/{}/start", campaign.id), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    for n in 1..=campaign.questionnaire().len() {
        let response =
            post_section(app, client, campaign, n, &answers_for(campaign, n, false)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "section {n}");
    }
    let response = app
        .post(client, &format!("/audits/{}/check", campaign.id), &[])
        .await;
    assert_eq!(
        location(&response),
        format!("/audits/{}/results", campaign.id)
    );
}

/// A count, read directly.
async fn count(app: &TestApp, sql: &str) -> i64 {
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    let n = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

async fn anyone_with_the_link_answers_anonymously_and_counts_in_the_figures(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let campaign = open_campaign(&app, app.org).await;
    let url = open_link(&app, &admin, campaign.id, "anonymous").await;
    let path = url.strip_prefix(&app.url).unwrap().to_string();
    let before = app.report_json(campaign.id).await;
    // Grouped by the first single-choice profile question, whose first option they choose.
    let (question_id, question) = campaign
        .questions
        .iter()
        .find(|(_, q)| q.kind == QuestionKind::Single)
        .map(|(id, q)| (*id, q.code.clone()))
        .expect("the demo asks a single-choice question");
    let by_question = async || {
        let options = ReportOptions {
            by: Some(question.clone()),
            ..Default::default()
        };
        let report = app.report(campaign.id, &options).await.unwrap();
        assert_eq!(report.comparison.by, question);
        report
            .comparison
            .groups
            .iter()
            .find(|g| g.key == "0")
            .map(|g| g.respondents)
    };
    let (people, accounts) = (
        app.people_count().await,
        count(&app, "SELECT COUNT(*) FROM accounts").await,
    );

    let visitor = browser();
    let page = app.page(&visitor, &path).await;
    assert!(page.contains("You will not be asked your name") && !page.contains("name=\"email\""));
    let response = app.post(&visitor, &path, &[]).await;
    assert_eq!(location(&response), format!("/audits/{}", campaign.id));
    let start = app
        .page(&visitor, &format!("/audits/{}", campaign.id))
        .await;
    assert!(start.contains("You are answering through a public link"));
    answer_everything(&app, &visitor, &campaign).await;
    let results = app
        .page(&visitor, &format!("/audits/{}/results", campaign.id))
        .await;
    assert!(results.contains("questions correctly") && !results.contains("/profile?"));

    // Nobody was added to the staff file, and no account was made.
    assert_eq!(app.people_count().await, people);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM accounts").await, accounts);
    // The answers count in the campaign's figures, with everyone else's.
    let after = app.report_json(campaign.id).await;
    let rated = |report: &serde_json::Value| report["competences"][0]["rated"].as_i64().unwrap();
    assert_eq!(rated(&after), rated(&before) + 1, "{after}");
    // Grouped by that question, the group of its first option holds everyone who chose it,
    // the answer through the link among them.
    let chose_first = |source: &str| {
        format!(
            "SELECT COUNT(*) FROM profile_answers a JOIN responses r ON r.id = a.response_id \
             WHERE r.campaign_id = {} AND a.question_id = {} AND a.value = '0' \
               AND r.submitted_at IS NOT NULL AND r.source LIKE '{source}'",
            campaign.id, question_id
        )
    };
    assert_eq!(count(&app, &chose_first("public")).await, 1);
    let everyone = count(&app, &chose_first("%")).await;
    assert_eq!(
        by_question().await,
        Some(everyone as usize),
        "counted in its profile question's group"
    );
    // The respondent reaches nothing but their campaign's pages.
    for elsewhere in ["/", "/audits", "/people", "/me"] {
        let response = app.get(&visitor, elsewhere).await;
        assert_eq!(location(&response), "/sign-in", "{elsewhere}");
    }
    // Back at the link, they go straight to their answers.
    let again = app.get(&visitor, &path).await;
    assert_eq!(location(&again), format!("/audits/{}", campaign.id));
    // Opening it is in the organisation's audit trail.
    let trail = app.page(&admin, "/audit-trail").await;
    assert!(trail.contains("public link</td>") && trail.contains("open to anyone"));
}

async fn an_address_is_confirmed_before_anything_is_made_and_answers_once(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let config = WebConfig {
        mailer: Some(smtp.mailer()),
        ..WebConfig::default()
    };
    let app = spawn_app_with(backend, config).await;
    let admin = app.signed_in("admin@afon.example").await;
    let campaign = open_campaign(&app, app.org).await;
    let url = open_link(&app, &admin, campaign.id, "email").await;
    let path = url.strip_prefix(&app.url).unwrap().to_string();

    let first = browser();
    let page = app.page(&first, &path).await;
    assert!(page.contains("name=\"email\""));
    // A bad address is explained on the page, and nothing is sent.
    let bad = app
        .post(&first, &path, &[("email", "not an address")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("error-summary"));
    let response = app
        .post(&first, &path, &[("email", "Aspiring.Leader@Example.org")])
        .await;
    assert_eq!(location(&response), format!("{path}/sent"));
    let messages = smtp.wait_for(1).await;
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].to, "aspiring.leader@example.org");
    // Nothing is made until the link is followed, and the address itself is never kept.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM public_respondents").await,
        0
    );
    for table in [
        "public_confirmations",
        "public_link_requests",
        "public_respondents",
    ] {
        let kept = count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM {table} WHERE email_hash LIKE '%example%' \
                 OR email_hash LIKE '%@%'"
            ),
        )
        .await;
        assert_eq!(kept, 0, "{table} holds no address");
    }
    let link = messages[0]
        .link(&format!("{url}/confirm/"))
        .expect("the email holds the link");
    let link_path = link.strip_prefix(&app.url).unwrap().to_string();
    // Opening it (as a mail scanner would) uses nothing up.
    for _ in 0..2 {
        let page = app.page(&first, &link_path).await;
        assert!(page.contains("Confirm your email address"));
    }
    let response = app.post(&first, &link_path, &[]).await;
    assert_eq!(location(&response), format!("/audits/{}", campaign.id));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM public_respondents").await,
        1
    );
    // A link works once.
    let used = app.post(&browser(), &link_path, &[]).await;
    assert_eq!(used.status(), StatusCode::NOT_FOUND);
    // The first section is saved.
    app.post(&first, &format!("/audits/{}/start", campaign.id), &[])
        .await;
    let saved = post_section(
        &app,
        &first,
        &campaign,
        1,
        &answers_for(&campaign, 1, false),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    // The same address again, from another browser: its second confirmation resumes the
    // first response rather than make a second.
    let second = browser();
    app.page(&second, &path).await;
    let response = app
        .post(&second, &path, &[("email", "aspiring.leader@example.org")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let messages = smtp.wait_for(2).await;
    let link = messages
        .iter()
        .filter_map(|m| m.link(&format!("{url}/confirm/")))
        .find(|l| !l.ends_with(link_path.rsplit('/').next().unwrap()))
        .expect("a second link");
    let link_path = link.strip_prefix(&app.url).unwrap().to_string();
    app.page(&second, &link_path).await;
    let response = app.post(&second, &link_path, &[]).await;
    assert_eq!(location(&response), format!("/audits/{}", campaign.id));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM public_respondents").await,
        1
    );
    let resumed = app
        .post(&second, &format!("/audits/{}/start", campaign.id), &[])
        .await;
    assert_eq!(
        location(&resumed),
        format!("/audits/{}/section/2", campaign.id),
        "the first section was saved already"
    );
}

async fn a_network_link_asks_which_member_and_the_answers_stay_there(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let bro = add_organisation(&app, "Bro Library Service", "bro.example").await;
    let cwm = add_organisation(&app, "Cwm Library Service", "cwm.example").await;
    let network = store
        .create_network(
            app.org,
            &NewNetwork {
                slug: OrganisationSlug::parse("welsh-libraries").unwrap(),
                name: "Welsh public libraries".into(),
                name_cy: Some("Llyfrgelloedd cyhoeddus Cymru".into()),
            },
        )
        .await
        .unwrap();
    for member in [app.org, bro, cwm] {
        store.add_network_member(network.id, member).await.unwrap();
    }
    let campaign = open_campaign(&app, app.org).await;
    let system = Actor::System;
    store
        .publish_network_campaign(app.org, network.id, campaign.id, system)
        .await
        .unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let later = today + time::Duration::days(30);
    // Afon and Bro open it for their staff; Cwm does not.
    let mut opened = Vec::new();
    for member in [app.org, bro] {
        let id = store
            .open_network_campaign_for(member, campaign.id, today, later, system)
            .await
            .unwrap();
        opened.push(store.campaign(member, id).await.unwrap());
    }
    let coordinator = store
        .set_public_link(
            app.org,
            campaign.id,
            Some(PublicLinkMode::Anonymous),
            "wales",
            system,
        )
        .await
        .unwrap();
    assert!(coordinator);

    let visitor = browser();
    let page = app.page(&visitor, "/take/wales").await;
    assert!(page.contains("Which library service do you work or volunteer with?"));
    assert!(page.contains("Bro Library Service") && !page.contains("Cwm Library Service"));
    // Nothing chosen: explained, nothing made.
    let response = app.post(&visitor, "/take/wales", &[]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A member that has not opened it cannot be chosen.
    let cwm_slug = store
        .organisation(cwm)
        .await
        .unwrap()
        .slug
        .as_str()
        .to_string();
    let response = app
        .post(&visitor, "/take/wales", &[("organisation", &cwm_slug)])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM public_respondents").await,
        0
    );

    let bro_slug = store
        .organisation(bro)
        .await
        .unwrap()
        .slug
        .as_str()
        .to_string();
    let before_bro = store.campaigns(bro).await.unwrap();
    let before_afon = store.campaigns(app.org).await.unwrap();
    let response = app
        .post(&visitor, "/take/wales", &[("organisation", &bro_slug)])
        .await;
    let theirs = &opened[1];
    assert_eq!(location(&response), format!("/audits/{}", theirs.id));
    answer_everything(&app, &visitor, theirs).await;
    let submitted = |all: &[skillgym_store::CampaignSummary], id: CampaignId| {
        all.iter().find(|c| c.id == id).unwrap().submitted
    };
    let after_bro = store.campaigns(bro).await.unwrap();
    let after_afon = store.campaigns(app.org).await.unwrap();
    assert_eq!(
        submitted(&after_bro, theirs.id),
        submitted(&before_bro, theirs.id) + 1
    );
    assert_eq!(
        submitted(&after_afon, opened[0].id),
        submitted(&before_afon, opened[0].id)
    );
    // Their session reaches Bro's campaign only: not Afon's opening of the same audit.
    let response = app
        .get(&visitor, &format!("/audits/{}", opened[0].id))
        .await;
    assert_eq!(location(&response), "/sign-in");
}

async fn starts_and_emails_are_limited(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let config = WebConfig {
        mailer: Some(smtp.mailer()),
        ..WebConfig::default()
    };
    let app = spawn_app_with(backend, config).await;
    let admin = app.signed_in("admin@afon.example").await;
    let campaign = open_campaign(&app, app.org).await;
    let url = open_link(&app, &admin, campaign.id, "email").await;
    let path = url.strip_prefix(&app.url).unwrap().to_string();
    let visitor = browser();
    let limit = skillgym_web::audit_links::MAX_EMAILS_PER_EMAIL;
    for _ in 0..limit {
        let response = app
            .post(&visitor, &path, &[("email", "someone@example.org")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let refused = app
        .post(&visitor, &path, &[("email", "someone@example.org")])
        .await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.text().await.unwrap().contains("Too many"));
    assert_eq!(smtp.wait_for(limit as usize).await.len(), limit as usize);

    // Anonymous starts from one address: a busy room's worth, then no more this hour.
    app.post(
        &admin,
        &format!("/campaigns/{}/public-link", campaign.id),
        &[("mode", "anonymous")],
    )
    .await;
    let most = skillgym_web::audit_links::MAX_STARTS_PER_ADDRESS;
    for _ in 0..most {
        let response = app.post(&browser(), &path, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let refused = app.post(&browser(), &path, &[]).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM public_respondents").await,
        most
    );
}

async fn a_closed_link_opens_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let campaign = open_campaign(&app, app.org).await;
    let url = open_link(&app, &admin, campaign.id, "anonymous").await;
    let path = url.strip_prefix(&app.url).unwrap().to_string();
    let visitor = browser();
    app.page(&visitor, &path).await;
    app.post(&visitor, &path, &[]).await;
    assert_eq!(
        app.get(&visitor, &format!("/audits/{}", campaign.id))
            .await
            .status(),
        StatusCode::OK
    );
    let closed = app
        .post(
            &admin,
            &format!("/campaigns/{}/public-link", campaign.id),
            &[("mode", "closed")],
        )
        .await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get(&browser(), &path).await.status(),
        StatusCode::NOT_FOUND
    );
    // The respondent's session ends with it.
    let response = app.get(&visitor, &format!("/audits/{}", campaign.id)).await;
    assert_eq!(location(&response), "/sign-in");
    // Reopened, the same address works again.
    let again = open_link(&app, &admin, campaign.id, "anonymous").await;
    assert_eq!(again, url);
    let html = app.page(&browser(), &path).await;
    assert!(!csrf_in(&html).is_empty());
}
