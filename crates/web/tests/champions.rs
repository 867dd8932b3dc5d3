//! Digital champions and buddies: a supervisor nominates, a trainer approves (which gives the
//! role); "Find help" ranks champions by strength, then nearness, using someone's own ratings
//! only when they agreed; asking one emails them through a real SMTP server; the help they log
//! counts in the report and stays counted after they are erased; volunteers are paired with
//! buddies, whose meetings are seen by the two and their supervisors. On both databases.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::services::Confidence;
use skillgym_domain::{
    Email, Employment, Location, PersonId, Role, Roles, SiteCode, SiteId, SiteKind, SiteName,
};
use skillgym_store::{AuditAction, NewAccount, Offer, PersonFilter, SiteInput};
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    a_supervisor_nominates_and_a_trainer_approves_which_gives_the_role,
    find_help_ranks_by_strength_then_nearness,
    find_help_follows_every_change_whichever_instance_makes_it,
    asking_a_champion_emails_them,
    help_logged_counts_in_the_report_and_outlives_the_champion,
    volunteers_meet_their_buddies_and_only_the_pair_and_supervisors_see_it,
    the_email_asking_a_champion_is_in_the_champions_language,
    find_help_shows_the_first_20_and_how_many_in_all,
    a_declined_nomination_gives_no_role_and_they_may_be_nominated_again,
    ending_a_champions_time_or_stepping_down_is_in_the_audit_trail_and_their_help_still_counts,
    pairing_and_ending_a_buddy_are_in_the_audit_trail_and_a_manager_pairs_only_their_volunteers,
    a_persons_requests_and_pairings_are_in_their_data_and_go_when_they_are_erased,
    an_offer_lists_at_most_20_skills_and_the_role_given_by_an_admin_is_an_approval,
);

async fn person_of(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

/// People of the demo with an email address, no account and who are not champions yet.
async fn people_without_accounts(app: &TestApp, employment: Option<Employment>) -> Vec<PersonId> {
    let store = app.store();
    let filter = PersonFilter {
        employment,
        limit: 1000,
        ..PersonFilter::default()
    };
    let mut out = Vec::new();
    for p in store.people(app.org, &filter).await.unwrap().0 {
        let record = store.person(app.org, p.id).await.unwrap();
        if record.account.is_none()
            && record.email.is_some()
            && record.left_on.is_none()
            && store.champion(app.org, p.id).await.unwrap().is_none()
        {
            out.push(p.id);
        }
    }
    out
}

/// Gives `person` an account holding the champion role and saves `offer` (the role given by
/// an administrator is an approval).
async fn make_champion(app: &TestApp, person: PersonId, offer: Offer) {
    let store = app.store();
    let email = store.person(app.org, person).await.unwrap().email.unwrap();
    store
        .create_account(&NewAccount {
            person,
            email: Email::parse(&email).unwrap(),
            password_hash: None,
            roles: Roles::from_iter([Role::Learner, Role::Champion]),
        })
        .await
        .unwrap();
    store.save_offer(app.org, person, &offer).await.unwrap();
}

async fn add_site(app: &TestApp, code: &str, name: &str, at: Option<(f64, f64)>) -> SiteId {
    let (lat, lon) = at.map_or((String::new(), String::new()), |(a, b)| {
        (a.to_string(), b.to_string())
    });
    app.store()
        .create_site(
            app.org,
            &SiteInput {
                code: SiteCode::parse(code).unwrap(),
                name: SiteName::parse(name).unwrap(),
                kind: SiteKind::Branch,
                location: Location::parse("", &lat, &lon).unwrap(),
            },
        )
        .await
        .unwrap()
}

/// The champions a page lists, in its order.
fn listed(html: &str) -> Vec<PersonId> {
    html.split("data-champion=\"")
        .skip(1)
        .map(|rest| PersonId(rest[..rest.find('"').unwrap()].parse().unwrap()))
        .collect()
}

async fn a_supervisor_nominates_and_a_trainer_approves_which_gives_the_role(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let manager = app.signed_in("manager@afon.example").await;
    let trainer = app.signed_in("trainer@afon.example").await;
    let manager_id = person_of(&app, "manager@afon.example").await;
    let theirs = PersonFilter {
        managed_by: Some(manager_id),
        limit: 1000,
        ..PersonFilter::default()
    };
    let managed: Vec<PersonId> = store
        .people(app.org, &theirs)
        .await
        .unwrap()
        .0
        .into_iter()
        .map(|p| p.id)
        .filter(|p| *p != manager_id)
        .collect();
    let free = people_without_accounts(&app, None).await;
    let nominee = *managed
        .iter()
        .find(|p| free.contains(p))
        .expect("the manager manages someone who is not a champion");
    let stranger = *free
        .iter()
        .find(|p| !managed.contains(p) && **p != manager_id)
        .unwrap();

    // A manager nominates only the people they manage, and must say why.
    let form = app
        .get(
            &manager,
            &format!("/champions/nominate?person={}", stranger.0),
        )
        .await;
    assert_eq!(form.status(), StatusCode::NOT_FOUND);
    let refused = app
        .post(
            &manager,
            "/champions/nominate",
            &[("person", &stranger.0.to_string()), ("reason", "Keen")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = app
        .post(
            &manager,
            "/champions/nominate",
            &[("person", &nominee.0.to_string()), ("reason", " ")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Say why you are nominating them")
    );
    assert!(store.champion(app.org, nominee).await.unwrap().is_none());

    let sent = app
        .post(
            &manager,
            "/champions/nominate",
            &[
                ("person", &nominee.0.to_string()),
                ("reason", "Everyone asks them about the kiosks."),
            ],
        )
        .await;
    assert_eq!(location(&sent), "/champions?done=nominated");
    let again = app
        .post(
            &manager,
            "/champions/nominate",
            &[("person", &nominee.0.to_string()), ("reason", "Twice")],
        )
        .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let record = store.champion(app.org, nominee).await.unwrap().unwrap();
    assert_eq!(
        record.status,
        skillgym_domain::champions::ChampionStatus::Nominated
    );
    assert_eq!(record.reason, "Everyone asks them about the kiosks.");

    // A manager cannot approve; a trainer cannot approve someone who cannot sign in.
    let path = format!("/champions/{}/approve", nominee.0);
    assert_eq!(
        app.post(&manager, &path, &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    let no_account = app.post(&trainer, &path, &[]).await;
    assert_eq!(no_account.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_account
            .text()
            .await
            .unwrap()
            .contains("cannot sign in to skillgym yet")
    );

    // With an account, approval gives the champion role and their sites as where they help.
    let email = store.person(app.org, nominee).await.unwrap().email.unwrap();
    store
        .create_account(&NewAccount {
            person: nominee,
            email: Email::parse(&email).unwrap(),
            password_hash: None,
            roles: Roles::from_iter([Role::Learner]),
        })
        .await
        .unwrap();
    assert_eq!(
        location(&app.post(&trainer, &path, &[]).await),
        "/champions?done=approved"
    );
    let record = store.person(app.org, nominee).await.unwrap();
    assert!(record.account.unwrap().1.has(Role::Champion));
    let champion = store.champion(app.org, nominee).await.unwrap().unwrap();
    assert_eq!(
        champion.sites.iter().map(|s| s.0).collect::<Vec<_>>(),
        record.sites.iter().map(|s| s.0).collect::<Vec<_>>()
    );
    // Both are in the audit trail, about the nominee.
    let events = store
        .audit_events(
            app.org,
            &skillgym_store::AuditFilter {
                limit: 1000,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .0;
    for action in [
        skillgym_store::AuditAction::ChampionNominated,
        skillgym_store::AuditAction::ChampionApproved,
    ] {
        assert!(
            events
                .iter()
                .any(|e| e.action == Some(action)
                    && e.subject.as_ref().map(|s| s.0) == Some(nominee)),
            "{action:?}"
        );
    }

    // Ending their time takes the role away; they are no longer found.
    let end = format!("/champions/{}/end", nominee.0);
    assert_eq!(
        app.post(&manager, &end, &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        location(&app.post(&trainer, &end, &[]).await),
        "/champions?done=ended"
    );
    assert!(store.champion(app.org, nominee).await.unwrap().is_none());
    let record = store.person(app.org, nominee).await.unwrap();
    assert!(!record.account.unwrap().1.has(Role::Champion));
    assert!(!store.is_findable_champion(app.org, nominee).await.unwrap());
}

/// The worked case of docs/champions.md, over HTTP.
async fn find_help_ranks_by_strength_then_nearness(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let aberystwyth = add_site(&app, "T-ABY", "Aberystwyth", Some((52.4153, -4.0829))).await;
    let aberaeron = add_site(&app, "T-ABA", "Aberaeron", Some((52.2427, -4.2590))).await;
    let cardigan = add_site(&app, "T-CDG", "Cardigan", Some((52.0838, -4.6610))).await;
    let mobile = add_site(&app, "T-MOB", "Test mobile library", None).await;
    let service = store.services(app.org).await.unwrap()[0].id;
    let framework = store.frameworks(app.org).await.unwrap()[0].id;
    let code = store
        .framework(app.org, framework)
        .await
        .unwrap()
        .framework
        .areas[0]
        .competences[0]
        .code
        .clone();
    let free = people_without_accounts(&app, Some(Employment::Employee)).await;
    let [alaw, bryn, ceri, dafydd, eirlys, ffion, gareth, hywel, iolo] = free[..9] else {
        panic!("nine people");
    };
    let offer = |competences: &[&str], services: bool, site: SiteId, findable: bool| Offer {
        competences: competences.iter().map(|c| c.to_string()).collect(),
        services: if services { vec![service] } else { vec![] },
        sites: vec![site],
        availability: String::new(),
        findable,
    };
    let c = code.as_str();
    make_champion(&app, alaw, offer(&[], false, cardigan, true)).await;
    make_champion(&app, bryn, offer(&[c], false, aberaeron, true)).await;
    make_champion(&app, ceri, offer(&[c], false, aberystwyth, false)).await;
    make_champion(&app, dafydd, offer(&[], false, aberystwyth, true)).await;
    // Rated the service 5, but did not agree that their own answers be used.
    make_champion(&app, eirlys, offer(&[], false, aberystwyth, false)).await;
    make_champion(&app, ffion, offer(&[], true, mobile, true)).await;
    make_champion(&app, gareth, offer(&[c], false, cardigan, false)).await;
    // Rated it 3: not someone to offer.
    make_champion(&app, hywel, offer(&[], false, aberystwyth, true)).await;
    // Listed it, then left.
    make_champion(&app, iolo, offer(&[c], true, aberystwyth, true)).await;
    for (person, rating) in [(alaw, 5), (dafydd, 4), (eirlys, 5), (ffion, 4), (hywel, 3)] {
        store
            .rate_service(app.org, service, person, Some(Confidence::Rated(rating)))
            .await
            .unwrap();
    }
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    // In this case none of them rated the competence in an audit (the demo's answers would
    // otherwise count for those who agreed).
    for person in [alaw, bryn, ceri, dafydd, eirlys, ffion, gareth, hywel, iolo] {
        sqlx::query(
            "DELETE FROM ratings WHERE response_id IN \
                 (SELECT id FROM responses WHERE person_id = $1) \
             AND competence_id IN (SELECT id FROM competences WHERE code = $2)",
        )
        .bind(person.0)
        .bind(&code)
        .execute(&pool)
        .await
        .unwrap();
    }
    sqlx::query("UPDATE people SET left_on = '2020-01-01' WHERE id = $1")
        .bind(iolo.0)
        .execute(&pool)
        .await
        .unwrap();

    let learner = app.signed_in("learner@afon.example").await;
    let near = aberystwyth.0.to_string();
    // The demo's own champions are found too; the case is about these.
    let ours = [alaw, bryn, ceri, dafydd, eirlys, ffion, gareth, hywel, iolo];
    let listed = |html: &str| -> Vec<PersonId> {
        listed(html)
            .into_iter()
            .filter(|p| ours.contains(p))
            .collect()
    };
    let html = app
        .page(
            &learner,
            &format!("/help?about=service:{}&near={near}", service.0),
        )
        .await;
    // Strong: Alaw (rated 5, 54 km) before Ffion (listed and rated 4, distance unknown);
    // then able: Dafydd (rated 4, the same site).
    assert_eq!(listed(&html), [alaw, ffion, dafydd]);
    assert!(html.contains("About 54 km away"), "{html}");
    assert!(html.contains("Distance not known"));
    // Nobody's rating is shown, only what it makes them.
    assert!(html.contains("Knows it well") && html.contains("Can help"));
    assert!(!html.contains("rated 5") && !html.contains("5 of 5"));

    let html = app
        .page(&learner, &format!("/help?competence={code}&near={near}"))
        .await;
    // All listed it: the same site, then 23 km, then 54 km.
    assert_eq!(listed(&html), [ceri, bryn, gareth]);

    // Near Cardigan instead, the order turns round.
    let html = app
        .page(
            &learner,
            &format!("/help?about=competence:{code}&near={}", cardigan.0),
        )
        .await;
    assert_eq!(listed(&html), [gareth, bryn, ceri]);

    // For a piece of kit: those the register records as trained on it, nearest first.
    let kit = store.kit(app.org, None).await.unwrap()[0].id;
    for person in [gareth, dafydd] {
        store
            .record_kit_training(
                app.org,
                kit,
                person,
                time::macros::date!(2026 - 01 - 05),
                skillgym_store::Actor::System,
            )
            .await
            .unwrap();
    }
    let html = app
        .page(&learner, &format!("/help?kit={}&near={near}", kit.0))
        .await;
    assert_eq!(listed(&html), [dafydd, gareth]);

    // Taking the role away hides a champion at once.
    let account = store
        .person(app.org, gareth)
        .await
        .unwrap()
        .account
        .unwrap()
        .0;
    store
        .set_roles(account, Roles::from_iter([Role::Learner]))
        .await
        .unwrap();
    let html = app
        .page(
            &learner,
            &format!("/help?about=competence:{code}&near={}", cardigan.0),
        )
        .await;
    assert_eq!(listed(&html), [bryn, ceri]);

    // Someone's own audit answers bring them up only when they agreed: someone who rated the
    // competence in an audit that kept their name, made to have rated it 5 each time.
    let rated: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT s.person_id FROM responses s JOIN campaigns c ON c.id = s.campaign_id \
         JOIN ratings r ON r.response_id = s.id JOIN competences k ON k.id = r.competence_id \
         WHERE c.anonymous = 0 AND s.submitted_at IS NOT NULL AND k.code = $1 \
           AND s.person_id IS NOT NULL ORDER BY s.person_id",
    )
    .bind(&code)
    .fetch_all(&pool)
    .await
    .unwrap();
    let all_free = people_without_accounts(&app, None).await;
    let expert = rated
        .into_iter()
        .map(PersonId)
        .find(|p| all_free.contains(p))
        .expect("someone answered about it in the demo");
    sqlx::query(
        "UPDATE ratings SET value = 5 WHERE response_id IN \
             (SELECT id FROM responses WHERE person_id = $1) \
         AND competence_id IN (SELECT id FROM competences WHERE code = $2)",
    )
    .bind(expert.0)
    .bind(&code)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    make_champion(&app, expert, offer(&[], false, mobile, false)).await;
    let url = format!("/help?about=competence:{code}&near={near}");
    assert!(!self::listed(&app.page(&learner, &url).await).contains(&expert));
    store
        .save_offer(app.org, expert, &offer(&[], false, mobile, true))
        .await
        .unwrap();
    let html = app.page(&learner, &url).await;
    // Among those who know it well: before anyone who only can help.
    let at = html
        .find(&format!("data-champion=\"{}\"", expert.0))
        .expect("found once they agreed");
    let first_able = html.find("Can help").unwrap_or(usize::MAX);
    assert!(at < first_able);
    assert!(html.contains("From their own audit answers."));
}

/// Find help keeps each organisation's champions in memory; every change that could alter
/// what it shows moves the organisation's help version, so the page follows a change made
/// through another connection (as another instance would) at once. A change that cannot alter
/// it leaves the version alone.
async fn find_help_follows_every_change_whichever_instance_makes_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let here = add_site(&app, "T-HERE", "Llanbadarn", Some((52.41, -4.06))).await;
    let service = store.services(app.org).await.unwrap()[0].id;
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();

    // Someone who rated a competence in an audit that kept their name, made to have rated it
    // 5 each time, becomes a champion listing nothing who agrees to be found by their answers.
    let (expert, code): (i64, String) = sqlx::query_as(
        "SELECT s.person_id, k.code FROM responses s JOIN campaigns c ON c.id = s.campaign_id \
         JOIN ratings r ON r.response_id = s.id JOIN competences k ON k.id = r.competence_id \
         JOIN people p ON p.id = s.person_id \
         WHERE c.anonymous = 0 AND s.submitted_at IS NOT NULL AND p.left_on IS NULL \
           AND p.email IS NOT NULL AND p.id NOT IN (SELECT person_id FROM accounts) \
         ORDER BY s.person_id, k.code LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let expert = PersonId(expert);
    sqlx::query(
        "UPDATE ratings SET value = 5 WHERE response_id IN \
             (SELECT id FROM responses WHERE person_id = $1) \
         AND competence_id IN (SELECT id FROM competences WHERE code = $2)",
    )
    .bind(expert.0)
    .bind(&code)
    .execute(&pool)
    .await
    .unwrap();
    let offer = Offer {
        competences: vec![],
        services: vec![],
        sites: vec![here],
        availability: "Mondays".into(),
        findable: true,
    };
    make_champion(&app, expert, offer.clone()).await;

    let learner = app.signed_in("learner@afon.example").await;
    let by_skill = format!("/help?competence={code}&near={}", here.0);
    let by_service = format!("/help?service={}&near={}", service.0, here.0);
    let version = || async { store.help_version(app.org).await.unwrap() };
    let found = |html: &str| listed(html).contains(&expert);
    let html = app.page(&learner, &by_skill).await;
    assert!(found(&html) && html.contains("Llanbadarn") && html.contains("Mondays"));
    assert!(!found(&app.page(&learner, &by_service).await));

    // Each change, made over another connection, then what the page shows after it: a text,
    // or whether the champion is found.
    let renamed = format!("/help?competence=T-RENAMED&near={}", here.0);
    let steps: [(&str, String, &str, Result<&str, bool>); 13] = [
        (
            "a champion renamed",
            "UPDATE people SET given_name = 'Gwenllian' WHERE id = $1".into(),
            &by_skill,
            Ok("Gwenllian"),
        ),
        (
            "a site renamed",
            "UPDATE sites SET name = 'Llanbadarn Fawr' WHERE id IN \
                 (SELECT site_id FROM champion_sites WHERE person_id = $1)"
                .into(),
            &by_skill,
            Ok("Llanbadarn Fawr"),
        ),
        (
            "an account disabled",
            "UPDATE accounts SET disabled = 1 WHERE person_id = $1".into(),
            &by_skill,
            Err(false),
        ),
        (
            "an account enabled",
            "UPDATE accounts SET disabled = 0 WHERE person_id = $1".into(),
            &by_skill,
            Err(true),
        ),
        (
            "their audits reopened",
            "UPDATE responses SET submitted_at = NULL WHERE person_id = $1".into(),
            &by_skill,
            Err(false),
        ),
        (
            "their audits finished again",
            "UPDATE responses SET submitted_at = 1 WHERE person_id = $1".into(),
            &by_skill,
            Err(true),
        ),
        // Found under the new code by the rating kept under it.
        (
            "the competence's code changed",
            format!(
                "UPDATE competences SET code = 'T-RENAMED' WHERE code = '{code}' \
                 AND framework_id IN (SELECT c.framework_id FROM campaigns c \
                     JOIN responses s ON s.campaign_id = c.id WHERE s.person_id = $1)"
            ),
            &renamed,
            Err(true),
        ),
        (
            "the campaigns made anonymous",
            "UPDATE campaigns SET anonymous = 1 WHERE id IN \
                 (SELECT campaign_id FROM responses WHERE person_id = $1)"
                .into(),
            &renamed,
            Err(false),
        ),
        (
            "a service rated",
            format!(
                "INSERT INTO service_confidence \
                     (service_id, organisation_id, person_id, confidence, rated_at) \
                 VALUES ({}, {}, $1, 4, 0) ON CONFLICT (service_id, person_id) \
                 DO UPDATE SET confidence = 4",
                service.0, app.org.0
            ),
            &by_service,
            Err(true),
        ),
        (
            "a champion left",
            "UPDATE people SET left_on = '2020-01-01' WHERE id = $1".into(),
            &by_service,
            Err(false),
        ),
        (
            "a champion came back",
            "UPDATE people SET left_on = NULL WHERE id = $1".into(),
            &by_service,
            Err(true),
        ),
        (
            "the role taken away",
            "DELETE FROM account_roles WHERE role = 'champion' AND account_id IN \
                 (SELECT id FROM accounts WHERE person_id = $1)"
                .into(),
            &by_service,
            Err(false),
        ),
        (
            "the role given back",
            "INSERT INTO account_roles (account_id, role) \
             SELECT id, 'champion' FROM accounts WHERE person_id = $1"
                .into(),
            &by_service,
            Err(true),
        ),
    ];
    let mut before = version().await;
    for (what, change, url, shows) in steps {
        sqlx::query(sqlx::AssertSqlSafe(change))
            .bind(expert.0)
            .execute(&pool)
            .await
            .unwrap();
        let after = version().await;
        assert!(after > before, "{what} moves the help version");
        before = after;
        let html = app.page(&learner, url).await;
        match shows {
            Ok(text) => assert!(html.contains(text), "{what}: {html}"),
            Err(is_found) => assert_eq!(found(&html), is_found, "{what}"),
        }
    }

    // Someone who is not a champion renamed, or rating a service: nothing Find help shows.
    let other = people_without_accounts(&app, None).await[0];
    sqlx::query("UPDATE people SET given_name = 'Rhys' WHERE id = $1")
        .bind(other.0)
        .execute(&pool)
        .await
        .unwrap();
    store
        .rate_service(app.org, service, other, Some(Confidence::Rated(5)))
        .await
        .unwrap();
    assert_eq!(version().await, before);

    // Erased: gone.
    store
        .erase_person(app.org, expert, skillgym_store::Actor::System)
        .await
        .unwrap();
    assert!(version().await > before);
    assert!(!found(&app.page(&learner, &by_service).await));
    pool.close().await;
}

async fn asking_a_champion_emails_them(backend: Backend) {
    let smtp = common::smtp::SmtpServer::start().await;
    let config = skillgym_web::WebConfig {
        mailer: Some(smtp.mailer()),
        ..skillgym_web::WebConfig::default()
    };
    let app = common::spawn_app_with(backend, config).await;
    let store = app.store();
    let champion = person_of(&app, "champion@afon.example").await;
    let service = store.services(app.org).await.unwrap()[0].clone();
    let learner = app.signed_in("learner@afon.example").await;
    let path = format!("/help/ask/{}", champion.0);
    let about = format!("service:{}", service.id.0);

    let form = app.page(&learner, &format!("{path}?about={about}")).await;
    assert!(form.contains(&service.service.name.en));
    let empty = app
        .post(&learner, &path, &[("about", &about), ("message", " ")])
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        store
            .help_requests_to(app.org, champion)
            .await
            .unwrap()
            .is_empty()
    );

    let sent = app
        .post(
            &learner,
            &path,
            &[
                ("about", &about),
                (
                    "message",
                    "A customer needs help with this on Friday.\nAre you in?",
                ),
            ],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert!(location(&sent).starts_with("/help?about=service"));
    let messages = smtp.wait_for(1).await;
    assert_eq!(messages.len(), 1);
    let email = &messages[0];
    let champion_email = store.person(app.org, champion).await.unwrap();
    assert!(
        email.to.contains("champion@afon.example")
            || champion_email
                .email
                .as_deref()
                .is_some_and(|e| email.to.contains(e))
    );
    let learner_record = store
        .person(app.org, person_of(&app, "learner@afon.example").await)
        .await
        .unwrap();
    assert!(
        email.subject.contains(&learner_record.name()),
        "{}",
        email.subject
    );
    assert!(email.subject.contains(&service.service.name.en));
    assert!(
        email
            .body
            .contains("A customer needs help with this on Friday.")
    );
    assert!(
        email.body.contains("learner@afon.example")
            || learner_record
                .email
                .as_deref()
                .is_some_and(|e| email.body.contains(e))
    );
    assert!(
        email
            .link(&app.url)
            .is_some_and(|l| l.ends_with("/champion"))
    );

    // The request is on the champion's page, emailed.
    let requests = store.help_requests_to(app.org, champion).await.unwrap();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].emailed);
    let theirs = app.signed_in("champion@afon.example").await;
    let page = app.page(&theirs, "/champion").await;
    assert!(page.contains("Are you in?") && page.contains(&learner_record.name()));

    // Nobody asks themselves, nor someone who is not a champion.
    assert_eq!(
        app.post(&theirs, &path, &[("message", "Me?")])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let not_one = format!("/help/ask/{}", learner_record.id.0);
    assert_eq!(
        app.post(&theirs, &not_one, &[("message", "You?")])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // Ten requests a day at most.
    for n in 1..10 {
        let r = app
            .post(&learner, &path, &[("message", &format!("Again {n}"))])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    let throttled = app.post(&learner, &path, &[("message", "Eleven")]).await;
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        store
            .help_requests_to(app.org, champion)
            .await
            .unwrap()
            .len(),
        10
    );
}

async fn help_logged_counts_in_the_report_and_outlives_the_champion(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let champion = person_of(&app, "champion@afon.example").await;
    let client = app.signed_in("champion@afon.example").await;
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let from = today - time::Duration::days(365);
    let before = store.help_report(app.org, from, today).await.unwrap();
    let day = skillgym_domain::people::format_date(today);

    // Bad input is refused and nothing is kept.
    for (field, value, message) in [
        (
            "minutes",
            "0",
            "Enter minutes as a whole number from 1 to 480",
        ),
        (
            "minutes",
            "forty",
            "Enter minutes as a whole number from 1 to 480",
        ),
        ("given_on", "2099-01-01", "The day cannot be in the future"),
        ("what", "", "Say what you did"),
    ] {
        let mut fields = vec![
            ("given_on", day.as_str()),
            ("what", "Showed the NHS App"),
            ("minutes", "30"),
        ];
        fields.retain(|(f, _)| *f != field);
        fields.push((field, value));
        let refused = app.post(&client, "/champion/help", &fields).await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}"
        );
        assert!(refused.text().await.unwrap().contains(message), "{field}");
    }
    assert_eq!(
        store.help_report(app.org, from, today).await.unwrap(),
        before
    );

    let code = store
        .champion(app.org, champion)
        .await
        .unwrap()
        .unwrap()
        .competences[0]
        .clone();
    for (minutes, about) in [("30", format!("competence:{code}")), ("45", String::new())] {
        let logged = app
            .post(
                &client,
                "/champion/help",
                &[
                    ("given_on", day.as_str()),
                    ("about", about.as_str()),
                    ("what", "Showed a colleague the NHS App"),
                    ("minutes", minutes),
                ],
            )
            .await;
        assert_eq!(location(&logged), "/champion/help?done=logged");
    }
    let after = store.help_report(app.org, from, today).await.unwrap();
    assert_eq!(after.all.times, before.all.times + 2);
    assert_eq!(after.all.minutes, before.all.minutes + 75);
    let name = store.person(app.org, champion).await.unwrap().name();
    let theirs = |r: &skillgym_store::HelpReport| {
        r.by_champion
            .iter()
            .find(|(n, _)| n.as_deref() == Some(name.as_str()))
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    assert_eq!(theirs(&after).times, theirs(&before).times + 2);

    // The report page shows the same totals to a trainer; not to a learner.
    let trainer = app.signed_in("trainer@afon.example").await;
    let html = app
        .page(
            &trainer,
            &format!(
                "/champions/help?from={}&to={day}",
                skillgym_domain::people::format_date(from)
            ),
        )
        .await;
    let hours = format!("{:.1} hours in all", after.all.minutes as f64 / 60.0);
    assert!(
        html.contains(&format!("{} pieces of help", after.all.times)),
        "{html}"
    );
    assert!(html.contains(&hours));
    let learner = app.signed_in("learner@afon.example").await;
    assert_eq!(
        app.get(&learner, "/champions/help").await.status(),
        StatusCode::FORBIDDEN
    );

    // Their data download holds what they offered and logged; erasing them keeps the totals.
    let data = store.personal_data(app.org, champion).await.unwrap();
    assert_eq!(data.table("champion").unwrap().rows.len(), 1);
    assert_eq!(
        data.table("help_given").unwrap().rows.len(),
        theirs(&after).times
    );
    store
        .erase_person(app.org, champion, skillgym_store::Actor::System)
        .await
        .unwrap();
    let erased = store.help_report(app.org, from, today).await.unwrap();
    assert_eq!(erased.all, after.all);
    assert!(
        erased
            .by_champion
            .iter()
            .all(|(n, _)| n.as_deref() != Some(name.as_str()))
    );
    let former = erased
        .by_champion
        .iter()
        .find(|(n, _)| n.is_none())
        .unwrap();
    assert_eq!(former.1.times, theirs(&after).times);
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    for table in ["champions", "champion_competences", "champion_sites"] {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM {table} WHERE person_id = $1"
        )))
        .bind(champion.0)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    pool.close().await;
}

async fn volunteers_meet_their_buddies_and_only_the_pair_and_supervisors_see_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let trainer = app.signed_in("trainer@afon.example").await;
    let paired: Vec<PersonId> = store
        .pairings(app.org, None)
        .await
        .unwrap()
        .iter()
        .map(|p| p.volunteer.0)
        .collect();
    let volunteer = people_without_accounts(&app, Some(Employment::Volunteer))
        .await
        .into_iter()
        .find(|v| !paired.contains(v))
        .expect("a volunteer without a buddy");
    let employee = people_without_accounts(&app, Some(Employment::Employee)).await[0];
    let buddy_email = "champion@afon.example";
    let buddy = person_of(&app, buddy_email).await;

    // Only a volunteer is paired; the buddy is found by email or employee number.
    let refused = app
        .post(
            &trainer,
            "/buddies/new",
            &[
                ("volunteer", &employee.0.to_string()),
                ("buddy", buddy_email),
                (
                    "started_on",
                    &skillgym_domain::people::format_date(
                        skillgym_domain::uk_time::local(skillgym_store::now()).date(),
                    ),
                ),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let unknown = app
        .post(
            &trainer,
            "/buddies/new",
            &[
                ("volunteer", &volunteer.0.to_string()),
                ("buddy", "nobody@afon.example"),
            ],
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unknown
            .text()
            .await
            .unwrap()
            .contains("Nobody current has that email address")
    );
    let today = skillgym_domain::people::format_date(
        skillgym_domain::uk_time::local(skillgym_store::now()).date(),
    );
    let done = app
        .post(
            &trainer,
            "/buddies/new",
            &[
                ("volunteer", &volunteer.0.to_string()),
                ("buddy", "CHAMPION@afon.example"),
                ("started_on", &today),
            ],
        )
        .await;
    assert_eq!(location(&done), "/buddies?done=paired");
    let twice = app
        .post(
            &trainer,
            "/buddies/new",
            &[
                ("volunteer", &volunteer.0.to_string()),
                ("buddy", buddy_email),
                ("started_on", &today),
            ],
        )
        .await;
    assert_eq!(twice.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let pairing = store
        .pairings(app.org, Some(volunteer))
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.ended_on.is_none())
        .unwrap();
    assert_eq!(pairing.buddy.0, buddy);

    // The buddy records a meeting; a learner who is not in the pair sees nothing of it.
    let champion = app.signed_in(buddy_email).await;
    let page = format!("/buddies/{}", pairing.id.0);
    let met = app
        .post(
            &champion,
            &format!("{page}/meetings"),
            &[
                ("met_on", &today),
                ("minutes", "40"),
                ("note", "Printing and scanning"),
            ],
        )
        .await;
    assert_eq!(location(&met), format!("{page}?done=met"));
    let learner = app.signed_in("learner@afon.example").await;
    assert_eq!(
        app.get(&learner, &page).await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(
        !app.page(&learner, "/buddies")
            .await
            .contains(&format!("data-pairing=\"{}\"", pairing.id.0))
    );
    let html = app.page(&champion, "/buddies").await;
    assert!(html.contains(&format!("data-pairing=\"{}\"", pairing.id.0)));
    assert!(
        app.page(&trainer, &page)
            .await
            .contains("Printing and scanning")
    );
    let now = store.pairing(app.org, pairing.id).await.unwrap();
    assert_eq!((now.meetings, now.minutes), (1, 40));

    // Ended, the pairing takes no more meetings; the buddy cannot end it.
    assert_eq!(
        app.post(&champion, &format!("{page}/end"), &[])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        location(&app.post(&trainer, &format!("{page}/end"), &[]).await),
        "/buddies?done=ended"
    );
    let late = app
        .post(
            &champion,
            &format!("{page}/meetings"),
            &[("met_on", &today), ("minutes", "10"), ("note", "After")],
        )
        .await;
    assert_eq!(late.status(), StatusCode::NOT_FOUND);
}

/// The champion network's events in the audit trail about `person`, oldest first, with who
/// did each.
async fn champion_events_about(
    app: &TestApp,
    person: PersonId,
) -> Vec<(AuditAction, Option<PersonId>)> {
    const OURS: [AuditAction; 6] = [
        AuditAction::ChampionNominated,
        AuditAction::ChampionApproved,
        AuditAction::NominationDeclined,
        AuditAction::ChampionEnded,
        AuditAction::BuddiesPaired,
        AuditAction::BuddiesEnded,
    ];
    let filter = skillgym_store::AuditFilter {
        person: Some(person),
        limit: 1000,
        ..Default::default()
    };
    let mut events: Vec<_> = app
        .store()
        .audit_events(app.org, &filter)
        .await
        .unwrap()
        .0
        .into_iter()
        .filter(|e| e.subject.as_ref().map(|s| s.0) == Some(person))
        .filter_map(|e| {
            let action = e.action.filter(|a| OURS.contains(a))?;
            Some((e.id, action, e.actor.map(|a| a.0)))
        })
        .collect();
    events.sort_by_key(|e| e.0);
    events.into_iter().map(|(_, a, by)| (a, by)).collect()
}

/// The people `manager` manages (not themselves), of `employment` when given.
async fn managed_by(
    app: &TestApp,
    manager: PersonId,
    employment: Option<Employment>,
) -> Vec<PersonId> {
    let filter = PersonFilter {
        managed_by: Some(manager),
        employment,
        limit: 1000,
        ..PersonFilter::default()
    };
    app.store()
        .people(app.org, &filter)
        .await
        .unwrap()
        .0
        .into_iter()
        .map(|p| p.id)
        .filter(|p| *p != manager)
        .collect()
}

async fn set_language(app: &TestApp, person: PersonId, language: &str) {
    let store = app.store();
    let account = store
        .person(app.org, person)
        .await
        .unwrap()
        .account
        .unwrap()
        .0;
    store.set_language(account, language).await.unwrap();
}

fn today_text() -> String {
    skillgym_domain::people::format_date(
        skillgym_domain::uk_time::local(skillgym_store::now()).date(),
    )
}

/// docs/champions.md, "Asking for help": the email is in the language the champion reads
/// skillgym in (their account's, else the organisation's main one), whatever the asker reads,
/// and names what it is about in that language too.
async fn the_email_asking_a_champion_is_in_the_champions_language(backend: Backend) {
    let smtp = common::smtp::SmtpServer::start().await;
    let config = skillgym_web::WebConfig {
        mailer: Some(smtp.mailer()),
        ..skillgym_web::WebConfig::default()
    };
    let app = common::spawn_app_with(backend, config).await;
    let store = app.store();
    let service = store
        .services(app.org)
        .await
        .unwrap()
        .into_iter()
        .find(|s| {
            s.service.name.cy.as_ref().is_some_and(|cy| {
                !cy.contains(&s.service.name.en) && !s.service.name.en.contains(cy.as_str())
            })
        })
        .expect("a service with a Welsh name of its own");
    let english = service.service.name.en.clone();
    let welsh = service.service.name.cy.clone().unwrap();
    let about = format!("service:{}", service.id.0);
    let email_to = |person: PersonId| async move {
        store.person(app.org, person).await.unwrap().email.unwrap()
    };

    // A Welsh-reading champion, asked by someone who reads English.
    let champion = person_of(&app, "champion@afon.example").await;
    let learner = person_of(&app, "learner@afon.example").await;
    set_language(&app, champion, "cy").await;
    set_language(&app, learner, "en").await;
    let asker = app.signed_in("learner@afon.example").await;
    let path = format!("/help/ask/{}", champion.0);
    let form = app.page(&asker, &format!("{path}?about={about}")).await;
    assert!(
        form.contains(&english) && form.contains("for help"),
        "{form}"
    );
    let sent = app
        .post(
            &asker,
            &path,
            &[("about", &about), ("message", "Can you show me on Friday?")],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let messages = smtp.wait_for(1).await;
    assert_eq!(messages.len(), 1);
    let email = &messages[0];
    assert!(email.to.contains(&email_to(champion).await), "{}", email.to);
    let asker_name = store.person(app.org, learner).await.unwrap().name();
    assert!(
        email.subject.contains("wedi gofyn i chi am help gyda")
            && email.subject.contains(&asker_name)
            && email.subject.contains(&welsh)
            && !email.subject.contains(&english),
        "{}",
        email.subject
    );
    assert!(
        email.body.contains("Hoffai")
            && email.body.contains("Atebwch drwy e-bostio")
            && email.body.contains(&welsh)
            && !email.body.contains("Reply to them at")
            && email.body.contains("Can you show me on Friday?"),
        "{}",
        email.body
    );

    // An English-reading champion, asked by someone who reads Welsh: in English.
    let free = people_without_accounts(&app, Some(Employment::Employee)).await;
    let (english_reader, no_choice) = (free[0], free[1]);
    for person in [english_reader, no_choice] {
        let sites = store
            .person(app.org, person)
            .await
            .unwrap()
            .sites
            .iter()
            .map(|(s, _)| *s)
            .collect();
        let offer = Offer {
            competences: vec![],
            services: vec![service.id],
            sites,
            availability: String::new(),
            findable: false,
        };
        make_champion(&app, person, offer).await;
    }
    set_language(&app, english_reader, "en").await;
    let manager = person_of(&app, "manager@afon.example").await;
    set_language(&app, manager, "cy").await;
    let welsh_asker = app.signed_in("manager@afon.example").await;
    let path = format!("/help/ask/{}", english_reader.0);
    let form = app
        .page(&welsh_asker, &format!("{path}?about={about}"))
        .await;
    assert!(form.contains(&welsh) && form.contains("am help"), "{form}");
    let sent = app
        .post(
            &welsh_asker,
            &path,
            &[("about", &about), ("message", "Allwch chi helpu?")],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let messages = smtp.wait_for(2).await;
    assert_eq!(messages.len(), 2);
    let to = email_to(english_reader).await;
    let email = messages.iter().find(|m| m.to.contains(&to)).unwrap();
    assert!(
        email.subject.contains("asked you for help with")
            && email.subject.contains(&english)
            && !email.subject.contains(&welsh),
        "{}",
        email.subject
    );
    assert!(email.body.contains("Reply to them at"), "{}", email.body);

    // A champion who never chose a language reads skillgym in the organisation's main one.
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    sqlx::query("UPDATE organisations SET main_language = 'cy' WHERE id = $1")
        .bind(app.org.0)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let path = format!("/help/ask/{}", no_choice.0);
    let sent = app
        .post(&asker, &path, &[("about", &about), ("message", "Help?")])
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let messages = smtp.wait_for(3).await;
    assert_eq!(messages.len(), 3);
    let to = email_to(no_choice).await;
    let email = messages.iter().find(|m| m.to.contains(&to)).unwrap();
    assert!(
        email.subject.contains("wedi gofyn i chi am help gyda") && email.subject.contains(&welsh),
        "{}",
        email.subject
    );
}

/// docs/champions.md, "Find help": the first 20 are shown, with how many there are in all.
async fn find_help_shows_the_first_20_and_how_many_in_all(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    // A service of its own, so that only these champions offer it.
    let mut service = store.services(app.org).await.unwrap()[0].service.clone();
    service.code = skillgym_domain::services::ServiceCode::parse("T-MANY").unwrap();
    service.name = skillgym_domain::audit::Localised {
        en: "Test service many offer".into(),
        cy: None,
    };
    let id = store
        .save_service(app.org, None, &service, skillgym_store::Actor::System)
        .await
        .unwrap();
    let site = store.sites(app.org).await.unwrap()[0].id;
    let ours = people_without_accounts(&app, Some(Employment::Employee)).await[..23].to_vec();
    for person in &ours {
        let offer = Offer {
            competences: vec![],
            services: vec![id],
            sites: vec![site],
            availability: String::new(),
            findable: false,
        };
        make_champion(&app, *person, offer).await;
    }
    let learner = app.signed_in("learner@afon.example").await;
    let url = format!("/help?about=service:{}&near={}", id.0, site.0);
    let html = app.page(&learner, &url).await;
    let shown = listed(&html);
    assert_eq!(shown.len(), 20, "{html}");
    assert!(shown.iter().all(|p| ours.contains(p)));
    assert_eq!(
        shown.iter().collect::<std::collections::HashSet<_>>().len(),
        20
    );
    assert!(html.contains("23 champions can help with"), "{html}");
    assert!(html.contains("Showing the first 20 of 23."), "{html}");

    // Twenty in all: every one shown, and nothing said of more.
    for person in &ours[..3] {
        store
            .end_champion(app.org, *person, skillgym_store::Actor::System)
            .await
            .unwrap();
    }
    let html = app.page(&learner, &url).await;
    assert_eq!(listed(&html).len(), 20);
    assert!(html.contains("20 champions can help with"), "{html}");
    assert!(!html.contains("Showing the first"));
}

/// docs/champions.md: declining removes the nomination (no role, not a champion, not found);
/// they can be nominated again later; nominating and declining are in the audit trail.
async fn a_declined_nomination_gives_no_role_and_they_may_be_nominated_again(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let manager = app.signed_in("manager@afon.example").await;
    let trainer = app.signed_in("trainer@afon.example").await;
    let manager_id = person_of(&app, "manager@afon.example").await;
    let trainer_id = person_of(&app, "trainer@afon.example").await;
    let free = people_without_accounts(&app, None).await;
    let nominee = managed_by(&app, manager_id, None)
        .await
        .into_iter()
        .find(|p| free.contains(p))
        .expect("the manager manages someone who is not a champion");
    // With an account, so that a role given by mistake would show.
    let email = store.person(app.org, nominee).await.unwrap().email.unwrap();
    store
        .create_account(&NewAccount {
            person: nominee,
            email: Email::parse(&email).unwrap(),
            password_hash: None,
            roles: Roles::from_iter([Role::Learner]),
        })
        .await
        .unwrap();
    let nominate = [
        ("person", nominee.0.to_string()),
        ("reason", "Good with tablets".to_string()),
    ];
    let nominate: Vec<(&str, &str)> = nominate.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        location(&app.post(&manager, "/champions/nominate", &nominate).await),
        "/champions?done=nominated"
    );
    let nominated = format!("data-nominee=\"{}\"", nominee.0);
    assert!(app.page(&trainer, "/champions").await.contains(&nominated));

    // The trainer is asked first, then declines.
    let end = format!("/champions/{}/end", nominee.0);
    let ask = app.page(&trainer, &end).await;
    assert!(ask.contains("Decline the nomination"), "{ask}");
    assert!(ask.contains("You can nominate them again later"));
    assert_eq!(
        location(&app.post(&trainer, &end, &[]).await),
        "/champions?done=ended"
    );
    assert!(store.champion(app.org, nominee).await.unwrap().is_none());
    let record = store.person(app.org, nominee).await.unwrap();
    assert!(!record.account.unwrap().1.has(Role::Champion));
    assert!(!store.is_findable_champion(app.org, nominee).await.unwrap());
    let list = app.page(&trainer, "/champions").await;
    assert!(!list.contains(&nominated));
    assert!(!list.contains(&format!("data-champion=\"{}\"", nominee.0)));
    // Nothing is left to approve.
    assert_eq!(
        app.post(&trainer, &format!("/champions/{}/approve", nominee.0), &[])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        champion_events_about(&app, nominee).await,
        [
            (AuditAction::ChampionNominated, Some(manager_id)),
            (AuditAction::NominationDeclined, Some(trainer_id)),
        ]
    );

    // They can be nominated again.
    assert_eq!(
        location(&app.post(&manager, "/champions/nominate", &nominate).await),
        "/champions?done=nominated"
    );
    assert_eq!(
        store
            .champion(app.org, nominee)
            .await
            .unwrap()
            .unwrap()
            .status,
        skillgym_domain::champions::ChampionStatus::Nominated
    );
}

/// docs/champions.md: a champion's time ends when a trainer ends it or they step down (sure);
/// either way the role goes with what they offered, the help they logged still counts, and it
/// is in the audit trail, about them.
async fn ending_a_champions_time_or_stepping_down_is_in_the_audit_trail_and_their_help_still_counts(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let trainer = app.signed_in("trainer@afon.example").await;
    let trainer_id = person_of(&app, "trainer@afon.example").await;

    // A trainer nominates, approves and ends.
    let person = people_without_accounts(&app, Some(Employment::Employee)).await[0];
    let reason = [("person", person.0.to_string()), ("reason", "Keen".into())];
    let reason: Vec<(&str, &str)> = reason.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        location(&app.post(&trainer, "/champions/nominate", &reason).await),
        "/champions?done=nominated"
    );
    let email = store.person(app.org, person).await.unwrap().email.unwrap();
    store
        .create_account(&NewAccount {
            person,
            email: Email::parse(&email).unwrap(),
            password_hash: None,
            roles: Roles::from_iter([Role::Learner]),
        })
        .await
        .unwrap();
    let approve = format!("/champions/{}/approve", person.0);
    assert_eq!(
        location(&app.post(&trainer, &approve, &[]).await),
        "/champions?done=approved"
    );
    let end = format!("/champions/{}/end", person.0);
    assert!(
        app.page(&trainer, &end)
            .await
            .contains("End a champion’s time")
    );
    assert_eq!(
        location(&app.post(&trainer, &end, &[]).await),
        "/champions?done=ended"
    );
    assert_eq!(
        champion_events_about(&app, person).await,
        [
            (AuditAction::ChampionNominated, Some(trainer_id)),
            (AuditAction::ChampionApproved, Some(trainer_id)),
            (AuditAction::ChampionEnded, Some(trainer_id)),
        ]
    );

    // A champion who logged help steps down, once they say they are sure.
    let champion = person_of(&app, "champion@afon.example").await;
    let client = app.signed_in("champion@afon.example").await;
    let logged = app
        .post(
            &client,
            "/champion/help",
            &[
                ("given_on", &today_text()),
                ("what", "Showed someone Libby"),
                ("minutes", "25"),
            ],
        )
        .await;
    assert_eq!(location(&logged), "/champion/help?done=logged");
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let from = today - time::Duration::days(365);
    let name = store.person(app.org, champion).await.unwrap().name();
    let theirs = |r: &skillgym_store::HelpReport| {
        r.by_champion
            .iter()
            .find(|(n, _)| n.as_deref() == Some(name.as_str()))
            .map(|(_, t)| t.clone())
            .unwrap()
    };
    let before = store.help_report(app.org, from, today).await.unwrap();
    assert!(theirs(&before).times >= 1);
    assert!(store.champion(app.org, champion).await.unwrap().is_some());

    let unsure = app.post(&client, "/champion/step-down", &[]).await;
    assert_eq!(unsure.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(store.champion(app.org, champion).await.unwrap().is_some());
    let done = app
        .post(&client, "/champion/step-down", &[("sure", "yes")])
        .await;
    assert_eq!(location(&done), "/");
    assert!(store.champion(app.org, champion).await.unwrap().is_none());
    let record = store.person(app.org, champion).await.unwrap();
    assert!(!record.account.unwrap().1.has(Role::Champion));
    assert!(!store.is_findable_champion(app.org, champion).await.unwrap());
    assert_eq!(
        app.get(&client, "/champion").await.status(),
        StatusCode::FORBIDDEN
    );
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    for table in [
        "champion_competences",
        "champion_services",
        "champion_sites",
    ] {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM {table} WHERE person_id = $1"
        )))
        .bind(champion.0)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    pool.close().await;
    let after = store.help_report(app.org, from, today).await.unwrap();
    assert_eq!(after.all, before.all);
    assert_eq!(theirs(&after), theirs(&before));
    assert_eq!(
        champion_events_about(&app, champion).await.last(),
        Some(&(AuditAction::ChampionEnded, Some(champion)))
    );
}

/// docs/champions.md, "Digital buddies": a manager pairs the volunteers they manage and no
/// others; the buddy is someone else; pairing and ending are in the audit trail, about the
/// volunteer (meetings are not).
async fn pairing_and_ending_a_buddy_are_in_the_audit_trail_and_a_manager_pairs_only_their_volunteers(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let manager_id = person_of(&app, "manager@afon.example").await;
    let manager = app.signed_in("manager@afon.example").await;
    let paired: Vec<PersonId> = store
        .pairings(app.org, None)
        .await
        .unwrap()
        .iter()
        .filter(|p| p.ended_on.is_none())
        .map(|p| p.volunteer.0)
        .collect();
    let free: Vec<PersonId> = people_without_accounts(&app, Some(Employment::Volunteer))
        .await
        .into_iter()
        .filter(|v| !paired.contains(v))
        .collect();
    let mut theirs = managed_by(&app, manager_id, Some(Employment::Volunteer)).await;
    let mine = match free.iter().find(|v| theirs.contains(v)) {
        Some(v) => *v,
        // The demo's manager manages no volunteer without a buddy: they become one's line
        // manager.
        None => {
            let v = free[0];
            let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
            sqlx::query("UPDATE people SET line_manager_id = $1 WHERE id = $2")
                .bind(manager_id.0)
                .bind(v.0)
                .execute(&pool)
                .await
                .unwrap();
            pool.close().await;
            theirs = managed_by(&app, manager_id, Some(Employment::Volunteer)).await;
            assert!(theirs.contains(&v));
            v
        }
    };
    let not_mine = *free
        .iter()
        .find(|v| !theirs.contains(v))
        .expect("a volunteer the manager does not manage");
    let today = today_text();

    // The form offers only theirs; another manager's volunteer is refused.
    let form = app.page(&manager, "/buddies/new").await;
    assert!(form.contains(&format!("<option value=\"{}\"", mine.0)));
    assert!(!form.contains(&format!("<option value=\"{}\"", not_mine.0)));
    let refused = app
        .post(
            &manager,
            "/buddies/new",
            &[
                ("volunteer", &not_mine.0.to_string()),
                ("buddy", "champion@afon.example"),
                ("started_on", &today),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        store
            .pairings(app.org, Some(not_mine))
            .await
            .unwrap()
            .is_empty()
    );
    // Nor is anyone their own buddy.
    let own = store.person(app.org, mine).await.unwrap().email.unwrap();
    let myself = app
        .post(
            &manager,
            "/buddies/new",
            &[
                ("volunteer", &mine.0.to_string()),
                ("buddy", &own),
                ("started_on", &today),
            ],
        )
        .await;
    assert_eq!(myself.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        store
            .pairings(app.org, Some(mine))
            .await
            .unwrap()
            .is_empty()
    );

    let done = app
        .post(
            &manager,
            "/buddies/new",
            &[
                ("volunteer", &mine.0.to_string()),
                ("buddy", "champion@afon.example"),
                ("started_on", &today),
            ],
        )
        .await;
    assert_eq!(location(&done), "/buddies?done=paired");
    let pairing = store.pairings(app.org, Some(mine)).await.unwrap()[0].id;
    let page = format!("/buddies/{}", pairing.0);
    let met = app
        .post(
            &manager,
            &format!("{page}/meetings"),
            &[("met_on", &today), ("minutes", "20"), ("note", "Email")],
        )
        .await;
    assert_eq!(location(&met), format!("{page}?done=met"));
    assert_eq!(
        champion_events_about(&app, mine).await,
        [(AuditAction::BuddiesPaired, Some(manager_id))]
    );
    assert_eq!(
        location(&app.post(&manager, &format!("{page}/end"), &[]).await),
        "/buddies?done=ended"
    );
    assert_eq!(
        champion_events_about(&app, mine).await,
        [
            (AuditAction::BuddiesPaired, Some(manager_id)),
            (AuditAction::BuddiesEnded, Some(manager_id)),
        ]
    );
    assert!(champion_events_about(&app, not_mine).await.is_empty());
}

/// docs/champions.md, "Asking for help" and "Personal data": a request is kept and listed on
/// the champion's page even with no email sent; download my data has the requests someone
/// made, what a champion offered and someone's pairings with their meetings; erasure removes
/// requests asked or received, and pairings with their meetings.
async fn a_persons_requests_and_pairings_are_in_their_data_and_go_when_they_are_erased(
    backend: Backend,
) {
    // No mailer: the request is kept all the same.
    let app = spawn_app(backend).await;
    let store = app.store();
    let champion = person_of(&app, "champion@afon.example").await;
    let learner = person_of(&app, "learner@afon.example").await;
    let manager = person_of(&app, "manager@afon.example").await;
    let asker = app.signed_in("learner@afon.example").await;
    let path = format!("/help/ask/{}", champion.0);
    let sent = app
        .post(&asker, &path, &[("message", "Help with the scanner")])
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let requests = store.help_requests_to(app.org, champion).await.unwrap();
    assert_eq!(requests.len(), 1);
    assert!(!requests[0].emailed);
    let theirs = app.signed_in("champion@afon.example").await;
    assert!(
        app.page(&theirs, "/champion")
            .await
            .contains("Help with the scanner")
    );

    // The learner is a volunteer's buddy and logs a meeting.
    let trainer = app.signed_in("trainer@afon.example").await;
    let paired: Vec<PersonId> = store
        .pairings(app.org, None)
        .await
        .unwrap()
        .iter()
        .map(|p| p.volunteer.0)
        .collect();
    let volunteer = people_without_accounts(&app, Some(Employment::Volunteer))
        .await
        .into_iter()
        .find(|v| !paired.contains(v))
        .unwrap();
    let today = today_text();
    let done = app
        .post(
            &trainer,
            "/buddies/new",
            &[
                ("volunteer", &volunteer.0.to_string()),
                ("buddy", "learner@afon.example"),
                ("started_on", &today),
            ],
        )
        .await;
    assert_eq!(location(&done), "/buddies?done=paired");
    let pairing = store.pairings(app.org, Some(volunteer)).await.unwrap()[0].id;
    let met = app
        .post(
            &asker,
            &format!("/buddies/{}/meetings", pairing.0),
            &[("met_on", &today), ("minutes", "15"), ("note", "Scanning")],
        )
        .await;
    assert_eq!(location(&met), format!("/buddies/{}?done=met", pairing.0));

    let data = store.personal_data(app.org, learner).await.unwrap();
    assert_eq!(data.table("help_requests").unwrap().rows.len(), 1);
    assert_eq!(data.table("buddy_meetings").unwrap().rows.len(), 1);
    let data = store.personal_data(app.org, volunteer).await.unwrap();
    assert_eq!(data.table("buddy_meetings").unwrap().rows.len(), 1);
    let data = store.personal_data(app.org, champion).await.unwrap();
    let offered = store.champion(app.org, champion).await.unwrap().unwrap();
    assert_eq!(
        data.table("champion_offer").unwrap().rows.len(),
        offered.competences.len() + offered.services.len() + offered.sites.len()
    );
    assert!(!data.table("champion_offer").unwrap().rows.is_empty());

    // Erasing the asker removes their request and their pairing with its meetings.
    store
        .erase_person(app.org, learner, skillgym_store::Actor::System)
        .await
        .unwrap();
    assert!(
        store
            .help_requests_to(app.org, champion)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .pairings(app.org, Some(volunteer))
            .await
            .unwrap()
            .is_empty()
    );
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    let count = |sql: &'static str, id: i64| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM buddy_meetings WHERE pairing_id = $1",
            pairing.0
        )
        .await,
        0
    );

    // Erasing a champion removes the requests they received.
    let manager_client = app.signed_in("manager@afon.example").await;
    let sent = app
        .post(&manager_client, &path, &[("message", "And me")])
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let asked = "SELECT COUNT(*) FROM help_requests WHERE champion_id = $1";
    assert_eq!(count(asked, champion.0).await, 1);
    store
        .erase_person(app.org, champion, skillgym_store::Actor::System)
        .await
        .unwrap();
    assert_eq!(count(asked, champion.0).await, 0);
    assert_eq!(
        count(
            "SELECT COUNT(*) FROM help_requests WHERE asked_by = $1",
            manager.0
        )
        .await,
        0
    );
    pool.close().await;
}

/// docs/champions.md, "What a champion offers" and "Nominating and approving": at most 20
/// skills, "when" in at most 300 characters, refused with nothing changed; an administrator who
/// gives someone the champion role on their page has approved them, found once they say what
/// they help with.
async fn an_offer_lists_at_most_20_skills_and_the_role_given_by_an_admin_is_an_approval(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let champion = person_of(&app, "champion@afon.example").await;
    let client = app.signed_in("champion@afon.example").await;
    let mut codes = Vec::new();
    for framework in store.frameworks(app.org).await.unwrap() {
        let framework = store
            .framework(app.org, framework.id)
            .await
            .unwrap()
            .framework;
        for c in framework.areas.iter().flat_map(|a| &a.competences) {
            if !codes.contains(&c.code) {
                codes.push(c.code.clone());
            }
        }
    }
    assert!(
        codes.len() > 20,
        "the demo's frameworks have more than 20 skills"
    );
    let before = store.champion(app.org, champion).await.unwrap().unwrap();
    let offer = |n: usize, availability: &str| -> Vec<(String, String)> {
        let mut fields: Vec<(String, String)> = codes[..n]
            .iter()
            .map(|c| ("competence".to_string(), c.clone()))
            .collect();
        fields.push(("availability".into(), availability.into()));
        fields
    };
    let too_many = post_owned(&app, &client, offer(21, "Mornings")).await;
    assert_eq!(too_many.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_many
            .text()
            .await
            .unwrap()
            .contains("Choose 20 or fewer")
    );
    let too_long = post_owned(&app, &client, offer(1, &"x".repeat(301))).await;
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_long
            .text()
            .await
            .unwrap()
            .contains("Keep this to 300 characters or fewer")
    );
    assert_eq!(
        store.champion(app.org, champion).await.unwrap().unwrap(),
        before
    );
    let twenty = post_owned(&app, &client, offer(20, &"x".repeat(300))).await;
    assert_eq!(location(&twenty), "/champion?done=offer");
    let now = store.champion(app.org, champion).await.unwrap().unwrap();
    assert_eq!(now.competences.len(), 20);
    assert_eq!(now.availability.chars().count(), 300);

    // An administrator gives someone the champion role on their page: approved, with no
    // nomination; once they say what they help with, they are found.
    let person = people_without_accounts(&app, Some(Employment::Employee)).await[0];
    let admin = app.signed_in("admin@afon.example").await;
    let given = app
        .post(
            &admin,
            &format!("/people/{}/access", person.0),
            &[("role", "champion")],
        )
        .await;
    assert_eq!(given.status(), StatusCode::OK);
    assert!(
        store
            .person(app.org, person)
            .await
            .unwrap()
            .account
            .unwrap()
            .1
            .has(Role::Champion)
    );
    let code = &codes[0];
    let learner = app.signed_in("learner@afon.example").await;
    let url = format!("/help?about=competence:{code}");
    assert!(!listed(&app.page(&learner, &url).await).contains(&person));
    let sites = store
        .person(app.org, person)
        .await
        .unwrap()
        .sites
        .iter()
        .map(|(s, _)| *s)
        .collect();
    store
        .save_offer(
            app.org,
            person,
            &Offer {
                competences: vec![code.clone()],
                services: vec![],
                sites,
                availability: String::new(),
                findable: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .champion(app.org, person)
            .await
            .unwrap()
            .unwrap()
            .status,
        skillgym_domain::champions::ChampionStatus::Approved
    );
    assert!(listed(&app.page(&learner, &url).await).contains(&person));
    assert!(store.is_findable_champion(app.org, person).await.unwrap());
}

/// Posts the offer form's fields, owned.
async fn post_owned(
    app: &TestApp,
    client: &reqwest::Client,
    fields: Vec<(String, String)>,
) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post(client, "/champion/offer", &fields).await
}
