//! Inviting people by email through a real SMTP server (Python's aiosmtpd, writing a
//! Maildir), reminding those who have not finished once, and the password-free link that
//! opens one audit and nothing else.

mod common;

use common::smtp::SmtpServer;
use common::{TestApp, browser, csrf_in, location, spawn_app_with};
use reqwest::{Client, StatusCode};
use skillgym_domain::{CampaignId, Email, PersonId};
use skillgym_i18n::{Lang, Tr};
use skillgym_test_db::{Backend, both_backends};
use skillgym_web::{WebConfig, audit_links};
use std::time::Duration;

async fn app_with_mail(backend: Backend, smtp: &SmtpServer) -> TestApp {
    let config = WebConfig {
        mailer: Some(smtp.mailer()),
        ..WebConfig::default()
    };
    spawn_app_with(backend, config).await
}

/// The campaign open now (the demo's other one closed last year).
async fn open_campaign(app: &TestApp) -> CampaignId {
    let today = time::OffsetDateTime::now_utc().date();
    app.store()
        .campaigns(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.opens_on <= today && today <= c.closes_on)
        .unwrap()
        .id
}

fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

fn query_number(location: &str, key: &str) -> usize {
    location
        .split(['?', '&', '#'])
        .find_map(|p| p.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("{key} in {location}"))
        .parse()
        .unwrap()
}

async fn person_of(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

async fn set_links(app: &TestApp, admin: &Client, campaign: CampaignId, allowed: bool) {
    let mut fields = vec![("reminder_days", "7")];
    if allowed {
        fields.push(("links_allowed", "1"));
    }
    let response = app
        .post(
            admin,
            &format!("/campaigns/{campaign}/invitation-settings"),
            &fields,
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

/// Presses "Send invitations" or "Send reminders now"; returns (sent, failed).
async fn press(app: &TestApp, admin: &Client, campaign: CampaignId, what: &str) -> (usize, usize) {
    let response = app
        .post(admin, &format!("/campaigns/{campaign}/{what}"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to = location(&response).to_string();
    (query_number(&to, "sent"), query_number(&to, "failed"))
}

both_backends!(
    the_chase_list_reminds_a_group_and_names_no_one_when_anonymous,
    invitations_carry_a_link_that_opens_only_that_audit,
    reminders_go_once_and_only_to_those_who_have_not_finished,
    two_job_runners_send_each_reminder_once,
    a_manager_reminds_only_their_own_people_who_have_not_finished,
);

async fn invitations_carry_a_link_that_opens_only_that_audit(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = app_with_mail(backend, &smtp).await;
    let campaign = open_campaign(&app).await;
    let admin = app.signed_in("admin@afon.example").await;
    // The learner reads Welsh; everyone else gets the organisation's main language.
    let learner = app
        .store()
        .account_by_email(&Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    app.store().set_language(learner.id, "cy").await.unwrap();
    set_links(&app, &admin, campaign, true).await;
    let expected = app.store().to_invite(campaign, today()).await.unwrap();
    assert!(expected.len() > 10, "the demo audience has emails");

    let (sent, failed) = press(&app, &admin, campaign, "invitations").await;
    assert_eq!((sent, failed), (expected.len(), 0));
    let page = app
        .page(
            &admin,
            &format!("/campaigns/{campaign}?kind=invite&sent={sent}&failed=0"),
        )
        .await;
    assert!(
        page.contains(&format!("Invitations sent to {sent} people.")),
        "{page}"
    );
    let messages = smtp.wait_for(sent).await;
    assert_eq!(messages.len(), sent);
    let mut ids: Vec<_> = messages.iter().map(|m| m.message_id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), sent, "each message has its own Message-ID");
    // Pressing again sends nothing: everyone has been invited.
    assert_eq!(press(&app, &admin, campaign, "invitations").await, (0, 0));

    let base = format!("{}/audits/{campaign}/link/", app.url);
    let welsh = messages
        .iter()
        .find(|m| m.to.contains(&learner.email))
        .expect("the learner was invited");
    assert!(
        welsh.subject.starts_with("Cymerwch ran"),
        "{}",
        welsh.subject
    );
    assert!(
        welsh.body.contains("Helo ") && welsh.body.contains("i chi yn unig"),
        "{}",
        welsh.body
    );
    // Someone without an account yet: the link makes one (no password, no roles).
    let mut newcomer = None;
    for r in &expected {
        let email = Email::parse(&r.email).unwrap();
        if app
            .store()
            .account_by_email(&email)
            .await
            .unwrap()
            .is_none()
        {
            newcomer = messages.iter().find(|m| m.to.contains(&r.email));
            break;
        }
    }
    let newcomer = newcomer.expect("an invitation to someone without an account");
    assert!(
        newcomer.subject.starts_with("Please take part"),
        "{}",
        newcomer.subject
    );
    assert!(
        newcomer.body.contains("Please take part by "),
        "{}",
        newcomer.body
    );
    let link = newcomer.link(&base).expect("a password-free link");
    assert!(
        !newcomer.body.contains('\u{2068}'),
        "no isolation marks in emails"
    );

    // The link, in a browser that has never signed in, opens the audit with one button.
    let client = browser();
    let response = open_link(&client, &link).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("/audits/{campaign}"));
    let start = app.page(&client, &format!("/audits/{campaign}")).await;
    assert!(
        !start.contains("href=\"/me\""),
        "no navigation to other pages"
    );
    // It can start the audit, with the session's own CSRF token...
    let csrf = csrf_in(&start);
    let response = client
        .post(format!("{}/audits/{campaign}/start", app.url))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    // (to the first section, or to their results if the demo has them finished already).
    let next = location(&response).to_string();
    assert!(next.starts_with(&format!("/audits/{campaign}/")), "{next}");
    assert_eq!(
        app.get(&client, &next).await.status(),
        StatusCode::OK,
        "{next}"
    );
    // ...and reaches nothing else: every other page treats it as signed out.
    let other = app
        .store()
        .campaigns(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.id != campaign)
        .unwrap()
        .id;
    for path in [
        "/".to_string(),
        "/audits".into(),
        "/me".into(),
        "/people".into(),
        "/campaigns".into(),
        format!("/campaigns/{campaign}"),
        format!("/audits/{other}"),
        format!("/audits/{other}/results"),
    ] {
        let response = app.get(&client, &path).await;
        assert_eq!(
            (response.status(), location(&response)),
            (StatusCode::SEE_OTHER, "/sign-in"),
            "GET {path} with a link's session"
        );
    }
    let response = client
        .post(format!("{}/me/data", app.url))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_ne!(
        response.status(),
        StatusCode::OK,
        "no data download with a link's session"
    );

    // A tampered token, a token for another campaign, an expired one: refused.
    let token = link.strip_prefix(&base).unwrap();
    let mut tampered = token.to_string();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let person: i64 = token.split('.').next().unwrap().parse().unwrap();
    let other_person = format!("{}{}", person + 1, &token[token.find('.').unwrap()..]);
    let expired = audit_links::sign(
        app.store(),
        PersonId(person),
        campaign,
        skillgym_store::now() - 1,
    )
    .await
    .unwrap();
    for bad in [
        format!("/audits/{campaign}/link/{tampered}"),
        format!("/audits/{campaign}/link/{other_person}"),
        format!("/audits/{other}/link/{token}"),
        format!("/audits/{campaign}/link/{expired}"),
        format!("/audits/{campaign}/link/nonsense"),
    ] {
        let response = app.get(&browser(), &bad).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{bad}");
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("This link does not work")
        );
    }

    // Turning links off ends the link's sessions and the links themselves.
    set_links(&app, &admin, campaign, false).await;
    let response = app.get(&client, &format!("/audits/{campaign}")).await;
    assert_eq!(location(&response), "/sign-in");
    assert_eq!(
        app.get(&browser(), &link[app.url.len()..]).await.status(),
        StatusCode::FORBIDDEN
    );
    set_links(&app, &admin, campaign, true).await;
    assert_eq!(
        open_link(&browser(), &link).await.status(),
        StatusCode::SEE_OTHER
    );
    // An erased person's link no longer works.
    app.store()
        .erase_person(app.org, PersonId(person), skillgym_store::Actor::System)
        .await
        .unwrap();
    assert_eq!(
        app.get(&browser(), &link[app.url.len()..]).await.status(),
        StatusCode::FORBIDDEN
    );
}

/// Opens a password-free link as a person does: its page, then its one button. Returns the
/// button's answer.
async fn open_link(client: &Client, link: &str) -> reqwest::Response {
    let page = client.get(link).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK, "GET {link}");
    let html = page.text().await.unwrap();
    let action = link.split_once("/audits/").map(|(_, p)| p).unwrap();
    assert!(
        html.contains(&format!("action=\"/audits/{action}\"")),
        "the button posts to the link"
    );
    client
        .post(link)
        .form(&[("csrf", csrf_in(&html).as_str())])
        .send()
        .await
        .unwrap()
}

async fn reminders_go_once_and_only_to_those_who_have_not_finished(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = app_with_mail(backend, &smtp).await;
    let campaign = open_campaign(&app).await;
    let admin = app.signed_in("admin@afon.example").await;
    // Last year's campaign is closed: nothing is sent for it.
    let closed = app
        .store()
        .campaigns(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.id != campaign)
        .unwrap()
        .id;
    let response = app
        .post(&admin, &format!("/campaigns/{closed}/invitations"), &[])
        .await;
    assert!(location(&response).contains("mail=closed"));
    // Links are off by default: the email sends people to the audit's page, to sign in.
    let (invited, _) = press(&app, &admin, campaign, "invitations").await;
    let invitations = smtp.wait_for(invited).await;
    let plain = format!("{}/audits/{campaign}", app.url);
    assert!(
        invitations
            .iter()
            .all(|m| m.body.contains(&plain) && !m.body.contains("/link/"))
    );
    assert!(
        invitations[0]
            .body
            .contains("You will be asked to sign in.")
    );

    // The learner finishes; the manager has started but not finished.
    let learner = person_of(&app, "learner@afon.example").await;
    let response = app.store().start_response(campaign, learner).await.unwrap();
    app.store().submit_response(response.id).await.unwrap();
    let manager = person_of(&app, "manager@afon.example").await;
    app.store().start_response(campaign, manager).await.unwrap();
    let due = app
        .store()
        .to_remind(campaign, today(), skillgym_store::now())
        .await
        .unwrap();
    assert!(!due.iter().any(|r| r.person == learner) && due.iter().any(|r| r.person == manager));

    let (sent, failed) = press(&app, &admin, campaign, "reminders").await;
    assert_eq!((sent, failed), (due.len(), 0));
    let all = smtp.wait_for(invited + sent).await;
    let reminders: Vec<_> = all
        .iter()
        .filter(|m| m.subject.starts_with("Reminder:"))
        .collect();
    assert_eq!(reminders.len(), sent);
    assert!(
        !reminders
            .iter()
            .any(|m| m.to.contains("learner@afon.example"))
    );
    assert!(
        reminders
            .iter()
            .any(|m| m.to.contains("manager@afon.example"))
    );
    assert!(
        reminders[0].body.contains("is open until "),
        "{}",
        reminders[0].body
    );
    // Nobody is reminded twice, by the button or by the job.
    assert_eq!(press(&app, &admin, campaign, "reminders").await, (0, 0));
    let later = skillgym_store::now() + 30 * 24 * 3600;
    let job = skillgym_web::run_reminder_job(app.store(), &smtp.mailer(), &app.url, "one", later)
        .await
        .unwrap();
    assert_eq!(job.map(|s| s.sent), Some(0));
    let page = app.page(&admin, &format!("/campaigns/{campaign}")).await;
    assert!(page.contains("Send reminders now"));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(smtp.messages().len(), invited + sent);
}

async fn two_job_runners_send_each_reminder_once(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = app_with_mail(backend, &smtp).await;
    let campaign = open_campaign(&app).await;
    let admin = app.signed_in("admin@afon.example").await;
    let (invited, _) = press(&app, &admin, campaign, "invitations").await;
    smtp.wait_for(invited).await;
    let mailer = smtp.mailer();
    // Right after the invitations nothing is due: the campaign waits 7 days.
    let now = skillgym_store::now();
    let first = skillgym_web::run_reminder_job(app.store(), &mailer, &app.url, "early", now)
        .await
        .unwrap();
    assert_eq!(first.map(|s| s.sent), Some(0));

    // Eight days on, two instances wake at once.
    let at = now + 8 * 24 * 3600;
    let day = time::OffsetDateTime::from_unix_timestamp(at)
        .unwrap()
        .date();
    let due = app
        .store()
        .to_remind(campaign, day, at - 7 * 24 * 3600)
        .await
        .unwrap();
    assert!(!due.is_empty());
    let (store_a, store_b) = (app.store().clone(), app.store().clone());
    let (mailer_a, mailer_b) = (mailer.clone(), mailer.clone());
    let (url_a, url_b) = (app.url.clone(), app.url.clone());
    let a = tokio::spawn(async move {
        skillgym_web::run_reminder_job(&store_a, &mailer_a, &url_a, "instance-a", at).await
    });
    let b = tokio::spawn(async move {
        skillgym_web::run_reminder_job(&store_b, &mailer_b, &url_b, "instance-b", at).await
    });
    let (a, b) = (a.await.unwrap().unwrap(), b.await.unwrap().unwrap());
    let sent: usize = [a, b].iter().flatten().map(|s| s.sent).sum();
    assert!(
        a.is_none() || b.is_none(),
        "only one instance runs the job: {a:?} {b:?}"
    );
    assert_eq!(sent, due.len());
    // And sending by hand at the same moment as the job still sends each reminder once.
    let (store_c, mailer_c, url_c) = (app.store().clone(), mailer.clone(), app.url.clone());
    let by_hand = tokio::spawn(async move {
        skillgym_web::send_reminders(&store_c, &mailer_c, &url_c, campaign, at).await
    });
    let job =
        skillgym_web::run_reminder_job(app.store(), &mailer, &app.url, "instance-c", at + 3600)
            .await
            .unwrap();
    let by_hand = by_hand.await.unwrap().unwrap();
    assert_eq!(by_hand.sent + job.map(|s| s.sent).unwrap_or(0), 0);
    let all = smtp.wait_for(invited + due.len()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let reminders: Vec<_> = smtp
        .messages()
        .into_iter()
        .filter(|m| m.subject.starts_with("Reminder:"))
        .collect();
    assert_eq!(all.len(), invited + due.len());
    let mut to: Vec<_> = reminders.iter().map(|m| m.to.clone()).collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), due.len(), "each person reminded once");
}

#[test]
fn every_email_message_is_in_english_and_welsh() {
    let ids = [
        "invitation-email-subject",
        "invitation-email-body",
        "reminder-email-subject",
        "reminder-email-body",
        "invitation-email-link-personal",
        "invitation-email-link-sign-in",
        "month-1",
        "month-12",
    ];
    let (en, cy) = (Tr::new(Lang::En), Tr::new(Lang::Cy));
    let args = || {
        ["name", "campaign", "organisation", "closes", "link", "how"]
            .map(|k| (k, skillgym_i18n::Arg::from("x")))
    };
    for id in ids {
        let (e, c) = (en.args(id, args()), cy.args(id, args()));
        assert!(
            !e.starts_with('⚠') && !c.starts_with('⚠'),
            "{id}: {e} / {c}"
        );
        assert_ne!(e, c, "{id} translated");
    }
}

/// The chase list: who has not finished, by site and team; a group's button reminds only that
/// group's unfinished people, once, and the audit trail records it. An anonymous campaign's
/// list names no one, and its button's notice gives no count.
async fn the_chase_list_reminds_a_group_and_names_no_one_when_anonymous(backend: Backend) {
    use skillgym_store::{AuditAction, AuditFilter, Progress, ProgressFilter};
    let smtp = SmtpServer::start().await;
    let app = app_with_mail(backend, &smtp).await;
    let campaign = open_campaign(&app).await;
    let admin = app.signed_in("admin@afon.example").await;
    let (invited, _) = press(&app, &admin, campaign, "invitations").await;
    smtp.wait_for(invited).await;
    let learner = person_of(&app, "learner@afon.example").await;
    let response = app.store().start_response(campaign, learner).await.unwrap();
    app.store().submit_response(response.id).await.unwrap();
    let manager = person_of(&app, "manager@afon.example").await;
    app.store().start_response(campaign, manager).await.unwrap();

    let everyone = app
        .store()
        .campaign_progress(app.org, campaign, ProgressFilter::default())
        .await
        .unwrap();
    let of = |id| everyone.iter().find(|p| p.person == id).unwrap().clone();
    let (learner, manager) = (of(learner), of(manager));
    assert_eq!(learner.progress, Progress::Finished);
    assert_eq!(manager.progress, Progress::Started);
    let unfinished = everyone
        .iter()
        .filter(|p| p.progress != Progress::Finished)
        .count();
    let finished = everyone.len() - unfinished;

    let page = app
        .page(&admin, &format!("/campaigns/{campaign}/progress"))
        .await;
    let name = |p: &skillgym_store::PersonProgress| {
        format!("{} {}", p.given_name, p.family_name).replace('\'', "&#39;")
    };
    assert!(
        page.contains(&name(&manager)),
        "the manager has not finished"
    );
    assert!(!page.contains(&name(&learner)), "the learner has finished");
    assert!(page.contains(&format!("<dd>{}</dd>", everyone.len())));
    assert!(page.contains(&format!("<dd>{finished}</dd>")));
    let (head, rows) = app
        .csv_file(&admin, &format!("/campaigns/{campaign}/progress.csv"))
        .await;
    assert_eq!(head[0], "Given name");
    assert_eq!(rows.len(), unfinished);
    assert!(rows.iter().any(|r| r[1] == manager.family_name));

    // The manager's group: their main site and team as the campaign recorded them.
    let site = manager
        .main_site()
        .map_or("none".to_string(), |s| s.0.to_string());
    let team = manager.team.map_or("none".to_string(), |t| t.0.to_string());
    let group: Vec<_> = everyone
        .iter()
        .filter(|p| {
            p.main_site() == manager.main_site()
                && p.team == manager.team
                && p.progress != Progress::Finished
                && p.invited
        })
        .collect();
    let response = app
        .post(
            &admin,
            &format!("/campaigns/{campaign}/progress/reminders"),
            &[("site", &site), ("team", &team)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to = location(&response).to_string();
    assert_eq!(query_number(&to, "reminded"), group.len());
    let all = smtp.wait_for(invited + group.len()).await;
    let reminded: Vec<_> = all
        .iter()
        .filter(|m| m.subject.starts_with("Reminder:"))
        .collect();
    assert_eq!(reminded.len(), group.len());
    assert!(
        reminded
            .iter()
            .any(|m| m.to.contains("manager@afon.example"))
    );
    let notice = app.page(&admin, &to).await;
    assert!(
        notice.contains("role=\"status\""),
        "a notice says what was sent"
    );
    // Pressed again: each person is reminded once.
    let again = app
        .post(
            &admin,
            &format!("/campaigns/{campaign}/progress/reminders"),
            &[("site", &site), ("team", &team)],
        )
        .await;
    assert_eq!(query_number(location(&again), "reminded"), 0);
    let (events, _) = app
        .store()
        .audit_events(
            app.org,
            &AuditFilter {
                action: Some(AuditAction::RemindersSent),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(events.len(), 2);
    assert!(events[1].detail.contains(&format!("campaign={campaign}")));
    assert!(events[1].detail.contains(&format!("sent={}", group.len())));

    // An anonymous campaign for everyone: the page names no one, the CSV does not exist, and
    // reminders go to everyone unfinished without saying how many.
    let framework = app.store().frameworks(app.org).await.unwrap().remove(0);
    let stored = app.store().framework(app.org, framework.id).await.unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let response = app
        .post(
            &admin,
            "/campaigns/new",
            &[
                ("title_en", "Quiet check"),
                ("title_cy", ""),
                ("framework", &framework.id.to_string()),
                ("area", &stored.framework.areas[0].code),
                ("opens_on", &skillgym_domain::people::format_date(today)),
                (
                    "closes_on",
                    &skillgym_domain::people::format_date(today + time::Duration::days(10)),
                ),
                ("anonymous", "yes"),
            ],
        )
        .await;
    let anonymous: i64 = location(&response)
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    press(&app, &admin, CampaignId(anonymous), "invitations").await;
    let page = app
        .page(&admin, &format!("/campaigns/{anonymous}/progress"))
        .await;
    assert!(!page.contains(&name(&manager)) && !page.contains(&name(&learner)));
    assert!(page.contains("This campaign is anonymous"));
    assert_eq!(
        app.get(&admin, &format!("/campaigns/{anonymous}/progress.csv"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let response = app
        .post(
            &admin,
            &format!("/campaigns/{anonymous}/progress/reminders"),
            &[("site", &site), ("team", &team)],
        )
        .await;
    let to = location(&response).to_string();
    assert!(to.ends_with("?reminded=sent"), "{to}");
    let (events, _) = app
        .store()
        .audit_events(
            app.org,
            &AuditFilter {
                action: Some(AuditAction::RemindersSent),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(events.len(), 3);
    assert!(!events[0].detail.contains("sent="), "{}", events[0].detail);
}

async fn a_manager_reminds_only_their_own_people_who_have_not_finished(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = app_with_mail(backend, &smtp).await;
    let campaign = open_campaign(&app).await;
    let admin = app.signed_in("admin@afon.example").await;
    let (invited, _) = press(&app, &admin, campaign, "invitations").await;
    smtp.wait_for(invited).await;
    let me = person_of(&app, "manager@afon.example").await;
    // Those due a reminder: the manager's people among them, and others.
    let mut mine = Vec::new();
    let mut others = Vec::new();
    for r in app
        .store()
        .to_remind(campaign, today(), skillgym_store::now())
        .await
        .unwrap()
    {
        if app.store().manages(me, r.person).await.unwrap() {
            mine.push(r.email);
        } else {
            others.push(r.email);
        }
    }
    assert!(
        !mine.is_empty() && !others.is_empty(),
        "{mine:?} {others:?}"
    );
    let manager = app.signed_in("manager@afon.example").await;
    let page = app
        .page(&manager, &format!("/team/campaigns/{campaign}"))
        .await;
    assert!(page.contains("Remind my people who have not finished"));
    let response = app
        .post(
            &manager,
            &format!("/team/campaigns/{campaign}/reminders"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to = location(&response).to_string();
    assert_eq!(
        (query_number(&to, "sent"), query_number(&to, "failed")),
        (mine.len(), 0)
    );
    let reminders: Vec<_> = smtp
        .wait_for(invited + mine.len())
        .await
        .into_iter()
        .filter(|m| m.subject.starts_with("Reminder:"))
        .collect();
    assert_eq!(reminders.len(), mine.len());
    assert!(
        reminders
            .iter()
            .all(|m| mine.iter().any(|e| m.to.contains(e.as_str())))
    );
    let banner = app.page(&manager, &to).await;
    let said = if mine.len() == 1 {
        "Reminder sent to one person.".to_string()
    } else {
        format!("Reminders sent to {} people.", mine.len())
    };
    assert!(banner.contains(&said), "{banner}");
    // Pressed again, no one is reminded twice.
    let again = app
        .post(
            &manager,
            &format!("/team/campaigns/{campaign}/reminders"),
            &[],
        )
        .await;
    assert_eq!(query_number(location(&again), "sent"), 0);
    // The audit trail says who reminded, for which campaign.
    let trail = app.page(&admin, "/audit-trail?action=team-reminded").await;
    assert!(
        trail.contains("Reminded their people who had not finished an audit")
            && trail.contains(&format!("campaign number {campaign}")),
        "{trail}"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(smtp.messages().len(), invited + mine.len());
}
