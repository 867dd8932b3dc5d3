//! The assisted-digital services catalogue: finding a service and saying how confident one is
//! with it (one's own data: downloaded and erased with one), trainers keeping the catalogue,
//! entries flagged once past the set age, the gaps per site (a manager's sites only, leavers
//! not counted, no one's answer shown), and the catalogue as a CSV file in and out, all or
//! nothing; another organisation's services are never found.

mod common;

use common::{TestApp, location, results_found, spawn_app};
use reqwest::{Client, Response, StatusCode};
use skillgym_domain::services::{self, Confidence, Service};
use skillgym_domain::{PersonId, ServiceId};
use skillgym_store::{AuditAction, StoredService};
use skillgym_test_db::{Backend, both_backends};
use std::collections::BTreeSet;

both_backends!(
    anyone_finds_a_service_and_says_how_confident_they_are,
    trainers_keep_the_catalogue_and_each_change_is_in_the_audit_trail,
    an_entry_past_the_set_age_is_flagged_on_the_list_and_its_page,
    the_gaps_per_site_count_only_people_working_there_now_and_show_no_one_s_answer,
    a_manager_sees_the_gaps_at_their_people_s_sites_only,
    a_services_file_round_trips_and_bad_input_changes_nothing,
    confidence_is_in_the_person_s_data_and_goes_when_they_are_erased,
    another_organisation_s_services_are_not_found,
);

async fn all(app: &TestApp) -> Vec<StoredService> {
    app.store().services(app.org).await.unwrap()
}

async fn by_code(app: &TestApp, code: &str) -> StoredService {
    all(app)
        .await
        .into_iter()
        .find(|s| s.service.code.as_str() == code)
        .unwrap_or_else(|| panic!("{code} is in the catalogue"))
}

async fn anyone_finds_a_service_and_says_how_confident_they_are(backend: Backend) {
    let app = spawn_app(backend).await;
    let learner = app.signed_in("learner@afon.example").await;
    let services = all(&app).await;
    assert!(services.len() >= 8, "the demo's services");
    let page = app.page(&learner, "/services").await;
    assert!(page.contains(&format!("{} services", services.len())));
    assert!(page.contains("href=\"/services\""), "in the menu");
    // Words, in any case, in the name or the steps; and the skill it takes.
    let page = app.page(&learner, "/services?q=universal+CREDIT").await;
    assert_eq!(results_found(&page), 1);
    let uc = by_code(&app, "UC-APPLY").await;
    assert!(page.contains(&format!("href=\"/services/{}\"", uc.id)));
    let page = app.page(&learner, "/services?competence=SERVICES-3").await;
    let expected = services
        .iter()
        .filter(|s| s.service.competences.iter().any(|c| c == "SERVICES-3"))
        .count();
    assert!(expected > 0);
    assert_eq!(results_found(&page), expected);

    // The page: who runs it, what to have ready, the steps, problems and fixes, guides.
    let path = format!("/services/{}", uc.id);
    let page = app.page(&learner, &path).await;
    for text in [
        "DWP",
        "National Insurance number",
        "Create a Universal Credit account",
        "They cannot prove their identity online",
        "book an appointment at the Jobcentre",
        "https://www.gov.uk/universal-credit/how-to-claim",
        "Helping with the Universal Credit journal",
    ] {
        assert!(page.contains(text), "{text}");
    }
    assert!(
        !page.contains("Mark as checked today"),
        "learners do not keep it"
    );

    // Nothing chosen: explained, nothing saved.
    let me = app.person_by_email("learner@afon.example").await;
    let refused = app.post(&learner, &format!("{path}/confidence"), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("href=\"#confidence\"")
    );
    let confidence = || async {
        app.store()
            .service_confidence_of(app.org, uc.id, me)
            .await
            .unwrap()
    };
    assert_eq!(confidence().await, None);
    let saved = app
        .post(
            &learner,
            &format!("{path}/confidence"),
            &[("confidence", "4")],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(confidence().await, Some(Confidence::Rated(4)));
    let page = app.page(&learner, location(&saved)).await;
    assert!(page.contains("You said: I can help people with it confidently"));
    // Changed, then withdrawn.
    app.post(
        &learner,
        &format!("{path}/confidence"),
        &[("confidence", "not-sure")],
    )
    .await;
    assert_eq!(confidence().await, Some(Confidence::NotSure));
    let withdrawn = app
        .post(
            &learner,
            &format!("{path}/confidence"),
            &[("withdraw", "yes")],
        )
        .await;
    assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
    assert_eq!(confidence().await, None);

    // In Welsh, the Welsh name and steps.
    app.post(&learner, "/language", &[("lang", "cy")]).await;
    let page = app.page(&learner, &path).await;
    assert!(page.contains("Gwneud cais am Gredyd Cynhwysol"));
    assert!(page.contains("Creu cyfrif Credyd Cynhwysol"));
}

fn form<'a>(code: &'a str, name: &'a str, checked_on: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("name_en", name),
        ("name_cy", "Adnewyddu pasbort"),
        ("run_by", "HM Passport Office"),
        ("url", "https://www.gov.uk/renew-adult-passport"),
        ("needs_en", "Their old passport\nA digital photo"),
        ("steps_en", "Start on GOV.UK\nUpload the photo\nPay"),
        (
            "problems_en",
            "The photo is refused | Use a plain background",
        ),
        ("competence_1", "TRANSACT-1"),
        ("competence_2", "TRANSACT-2"),
        (
            "links",
            "Renew a passport | https://www.gov.uk/renew-adult-passport",
        ),
        ("activities", "ACT-EL-ONLINE-FORMS"),
        ("checked_on", checked_on),
    ]
}

async fn trainers_keep_the_catalogue_and_each_change_is_in_the_audit_trail(backend: Backend) {
    let app = spawn_app(backend).await;
    let trainer = app.signed_in("trainer@afon.example").await;
    let learner = app.signed_in("learner@afon.example").await;
    let before = all(&app).await.len();
    let refused = app
        .post(
            &learner,
            "/services/new",
            &form("PASSPORT", "Renewing a passport", "2026-01-05"),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let added = app
        .post(
            &trainer,
            "/services/new",
            &form("passport", "Renewing a passport", "2026-01-05"),
        )
        .await;
    assert_eq!(
        added.status(),
        StatusCode::SEE_OTHER,
        "{:?}",
        added.text().await
    );
    let path = location(&added).split('?').next().unwrap().to_string();
    let page = app.page(&trainer, &path).await;
    assert!(page.contains("Renewing a passport") && page.contains("PASSPORT"));
    assert!(page.contains("Filling in online forms without losing your work"));
    assert_eq!(all(&app).await.len(), before + 1);

    // Every mistake is named on the page, and nothing changes.
    let mut bad = form("PASSPORT-2", "", "2099-01-01");
    bad.retain(|(k, _)| {
        !k.starts_with("competence") && !["url", "links", "activities"].contains(k)
    });
    bad.push(("url", "javascript:alert(1)"));
    bad.push(("links", "no address"));
    bad.push(("activities", "ACT-NOT-THERE"));
    let refused = app.post(&trainer, "/services/new", &bad).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    for field in [
        "name_en",
        "url",
        "competence_1",
        "links",
        "activities",
        "checked_on",
    ] {
        assert!(html.contains(&format!("href=\"#{field}\"")), "{field}");
    }
    let taken = app
        .post(
            &trainer,
            "/services/new",
            &form("PASSPORT", "Again", "2026-01-05"),
        )
        .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        taken
            .text()
            .await
            .unwrap()
            .contains("Another service has this code")
    );
    assert_eq!(all(&app).await.len(), before + 1);

    // Changed; the edit form starts with what is stored.
    let changed = app
        .post(
            &trainer,
            &format!("{path}/edit"),
            &form("PASSPORT", "Renewing an adult passport", "2026-01-05"),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    let edit = app.page(&trainer, &format!("{path}/edit")).await;
    assert!(edit.contains("value=\"Renewing an adult passport\""));
    assert!(edit.contains("Renew a passport | https://www.gov.uk/renew-adult-passport"));

    // Checked today.
    let id: ServiceId = path.rsplit('/').next().unwrap().parse().unwrap();
    app.post(&trainer, &format!("{path}/checked"), &[]).await;
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    assert_eq!(
        app.store()
            .service(app.org, id)
            .await
            .unwrap()
            .service
            .checked_on,
        today
    );

    // Removing needs the box ticked; then it goes, with everyone's confidence with it.
    let me = app.person_by_email("learner@afon.example").await;
    app.store()
        .rate_service(app.org, id, me, Some(Confidence::Rated(2)))
        .await
        .unwrap();
    let refused = app.post(&trainer, &format!("{path}/remove"), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(all(&app).await.len(), before + 1);
    let removed = app
        .post(&trainer, &format!("{path}/remove"), &[("confirm", "yes")])
        .await;
    assert_eq!(location(&removed), "/services?removed=1");
    assert_eq!(all(&app).await.len(), before);
    assert_eq!(
        app.get(&trainer, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(
        app.store()
            .service_confidence_by(app.org, me)
            .await
            .unwrap()
            .is_empty()
    );

    let done = app.audit_actions().await;
    for action in [
        AuditAction::ServiceAdded,
        AuditAction::ServiceChanged,
        AuditAction::ServiceChecked,
        AuditAction::ServiceRemoved,
    ] {
        assert!(done.contains(&action), "{action:?}");
    }
    let admin = app.signed_in("admin@afon.example").await;
    let trail = app.page(&admin, "/audit-trail").await;
    assert!(trail.contains("Removed a service from the services catalogue"));
    assert!(trail.contains("service PASSPORT"));
}

async fn an_entry_past_the_set_age_is_flagged_on_the_list_and_its_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let learner = app.signed_in("learner@afon.example").await;
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let age = app.store().service_check_age(app.org).await.unwrap();
    assert_eq!(age.months(), 12, "the default");
    let services = all(&app).await;
    let due: Vec<&StoredService> = services
        .iter()
        .filter(|s| age.is_due(s.service.checked_on, today))
        .collect();
    assert_eq!(
        due.len(),
        1,
        "the demo has one entry checked over a year ago"
    );
    let flags = |html: &str| {
        html.matches("<strong class=\"tag\">Due a check</strong>")
            .count()
    };
    let list = app.page(&learner, "/services").await;
    assert_eq!(flags(&list), 1);
    let page = app
        .page(&learner, &format!("/services/{}", due[0].id))
        .await;
    assert!(page.contains("was last checked more than 12 months ago"));
    let fresh = services.iter().find(|s| s.id != due[0].id).unwrap();
    let page = app.page(&learner, &format!("/services/{}", fresh.id)).await;
    assert_eq!(flags(&page), 0);

    // An administrator's setting: 24 months flags none; 2 months flags most.
    let refused = app
        .post(&admin, "/settings/services", &[("months", "0")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let saved = app
        .post(&admin, "/settings/services", &[("months", "24")])
        .await;
    assert_eq!(location(&saved), "/settings/services?saved=1");
    assert_eq!(flags(&app.page(&learner, "/services").await), 0);
    app.post(&admin, "/settings/services", &[("months", "2")])
        .await;
    let age = app.store().service_check_age(app.org).await.unwrap();
    let expected = services
        .iter()
        .filter(|s| age.is_due(s.service.checked_on, today))
        .count();
    assert!(expected > 1);
    assert_eq!(flags(&app.page(&learner, "/services").await), expected);
    assert!(
        app.audit_actions()
            .await
            .contains(&AuditAction::ServiceCheckAgeChanged)
    );

    // Checked today: no longer flagged.
    let trainer = app.signed_in("trainer@afon.example").await;
    app.post(&trainer, &format!("/services/{}/checked", due[0].id), &[])
        .await;
    assert_eq!(flags(&app.page(&learner, "/services").await), expected - 1);
}

/// What the gaps page says about `service` at `site` ("Nobody", "Someone", "N people"), or
/// `None` when the page does not show the site.
fn gap_cell(html: &str, site: &str, service: ServiceId) -> Option<String> {
    let heading = html.find(&format!("\">{}</h2>", escaped(site)))?;
    let rest = &html[heading..];
    let end = rest[5..].find("<h2").map_or(rest.len(), |e| e + 5);
    let section = &rest[..end];
    let row = section.find(&format!("href=\"/services/{service}\""))?;
    let cell = &section[row..];
    let start = cell.find("<td>")? + 4;
    let stop = cell[start..].find("</td>")? + start;
    let text = &cell[start..stop];
    Some(
        text.replace("<strong class=\"tag\">", "")
            .replace("</strong>", "")
            .trim()
            .to_string(),
    )
}

/// Text as a page writes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('\'', "&#39;")
}

/// A service nobody has rated, added for the test.
async fn unrated_service(app: &TestApp) -> ServiceId {
    let mut service: Service = all(app).await[0].service.clone();
    service.code = services::ServiceCode::parse("GAP-TEST").unwrap();
    service.name.en = "A service for the test".into();
    app.store()
        .save_service(app.org, None, &service, skillgym_store::Actor::System)
        .await
        .unwrap()
}

async fn mark_left(app: &TestApp, person: PersonId) {
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    sqlx::query("UPDATE people SET left_on = '2020-01-31' WHERE id = $1")
        .bind(person.0)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

async fn the_gaps_per_site_count_only_people_working_there_now_and_show_no_one_s_answer(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let admin = app.signed_in("admin@afon.example").await;
    let learner = app.signed_in("learner@afon.example").await;
    assert_eq!(
        app.get(&learner, "/services/gaps").await.status(),
        StatusCode::FORBIDDEN
    );
    let threshold = store.anonymity_threshold(app.org).await.unwrap().get();
    let service = unrated_service(&app).await;
    // The site with the most people.
    let mut sites = Vec::new();
    for s in store.sites(app.org).await.unwrap() {
        let people = app.people_working_at(s.id).await;
        sites.push((people.len(), s.id, s.name));
    }
    sites.sort();
    let (_, site, name) = sites.last().cloned().unwrap();
    let people = app.people_working_at(site).await;
    assert!(people.len() > threshold + 1, "a site big enough to test on");

    let page = app.page(&admin, "/services/gaps").await;
    assert_eq!(gap_cell(&page, &name, service).as_deref(), Some("Nobody"));
    // "Not sure" and 3 are not confident.
    store
        .rate_service(app.org, service, people[0], Some(Confidence::Rated(3)))
        .await
        .unwrap();
    store
        .rate_service(app.org, service, people[1], Some(Confidence::NotSure))
        .await
        .unwrap();
    let page = app.page(&admin, "/services/gaps").await;
    assert_eq!(gap_cell(&page, &name, service).as_deref(), Some("Nobody"));
    // One confident person: "Someone", never a 1 that points at them.
    store
        .rate_service(app.org, service, people[2], Some(Confidence::Rated(5)))
        .await
        .unwrap();
    let page = app.page(&admin, "/services/gaps").await;
    assert_eq!(gap_cell(&page, &name, service).as_deref(), Some("Someone"));
    let own = store.person(app.org, people[2]).await.unwrap();
    assert!(!page.contains(&own.family_name), "no one is named");
    // They leave: nobody there now is confident.
    mark_left(&app, people[2]).await;
    let page = app.page(&admin, "/services/gaps").await;
    assert_eq!(gap_cell(&page, &name, service).as_deref(), Some("Nobody"));
    // As many confident as the threshold, and as many not: the number is shown.
    let rest = app.people_working_at(site).await;
    if rest.len() >= 2 * threshold {
        for p in rest.iter().take(threshold) {
            store
                .rate_service(app.org, service, *p, Some(Confidence::Rated(4)))
                .await
                .unwrap();
        }
        let page = app.page(&admin, "/services/gaps").await;
        assert_eq!(
            gap_cell(&page, &name, service),
            Some(format!("{threshold} people"))
        );
    }
    // A gap links to the learning for the skills it takes.
    let page = app.page(&admin, "/services/gaps").await;
    assert!(page.contains("href=\"/learning?competence="));
}

async fn a_manager_sees_the_gaps_at_their_people_s_sites_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let manager_id = app.person_by_email("manager@afon.example").await;
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    // Worked out here from each person: the sites where the manager or their people work.
    let mut theirs = BTreeSet::new();
    for id in store.person_ids(app.org).await.unwrap().into_values() {
        let p = store.person(app.org, id).await.unwrap();
        let here = p.left_on.is_none_or(|d| d > today);
        if here && (id == manager_id || store.manages(manager_id, id).await.unwrap()) {
            theirs.extend(p.sites.iter().map(|(_, name)| name.clone()));
        }
    }
    assert!(!theirs.is_empty());
    let all_sites: Vec<String> = store
        .sites(app.org)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    let manager = app.signed_in("manager@afon.example").await;
    let page = app.page(&manager, "/services/gaps").await;
    let admin = app.signed_in("admin@afon.example").await;
    let everything = app.page(&admin, "/services/gaps").await;
    let mut hidden = 0;
    for site in &all_sites {
        let heading = format!("\">{}</h2>", escaped(site));
        assert_eq!(page.contains(&heading), theirs.contains(site), "{site}");
        if everything.contains(&heading) && !theirs.contains(site) {
            hidden += 1;
        }
    }
    assert!(
        hidden > 0,
        "some site is not the manager's, and they do not see it"
    );
}

async fn upload(app: &TestApp, client: &Client, body: Vec<u8>) -> Response {
    app.post_file(
        client,
        "/services/import",
        &[],
        Some(("services_file", "services.csv", body)),
    )
    .await
}

async fn a_services_file_round_trips_and_bad_input_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let before = all(&app).await;
    // The download, imported again: every service changed to what it was.
    let csv = app
        .get(&admin, "/services.csv")
        .await
        .bytes()
        .await
        .unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBFcode,name,name_cy,run_by"));
    let response = upload(&app, &admin, csv.to_vec()).await;
    assert_eq!(
        location(&response),
        format!("/services?added=0&updated={}", before.len())
    );
    assert_eq!(
        all(&app).await,
        before,
        "export then import changes nothing"
    );
    assert!(
        app.audit_actions()
            .await
            .contains(&AuditAction::ServicesImported)
    );
    // In Welsh, the columns are Welsh, and the file reads back the same.
    app.post(&admin, "/language", &[("lang", "cy")]).await;
    let welsh = app
        .get(&admin, "/services.csv")
        .await
        .bytes()
        .await
        .unwrap();
    assert!(welsh.starts_with(b"\xEF\xBB\xBFcod,enw,enw_cy,rhedir_gan"));
    let known = services::Known {
        competence: &|_| true,
        activity: &|_| true,
        today: time::Date::MAX,
    };
    let read = services::read(&welsh, &known).unwrap();
    let stored: Vec<Service> = before.iter().map(|s| s.service.clone()).collect();
    assert_eq!(read, stored);
    app.post(&admin, "/language", &[("lang", "en")]).await;

    // A column missing: named, nothing imported.
    let refused = upload(
        &app,
        &admin,
        b"code,name,run_by,competences\nNEW,New,DWP,SERVICES-1\n".to_vec(),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("The file has no checked_on column"), "{html}");

    // One good line and three bad: each named by line and column; nothing imported.
    let header = "code,name,run_by,url,competences,checked_on\n";
    let file = format!(
        "{header}UC-APPLY,Changed name,DWP,,SERVICES-1,2026-01-01\n\
         NEW-1,New one,DWP,not-a-url,SERVICES-1,2026-01-01\n\
         NEW-2,New two,DWP,,NOT-A-SKILL,2026-01-01\n\
         NEW-3,New three,DWP,,SERVICES-1,31/01/2026\n"
    );
    let refused = upload(&app, &admin, file.into_bytes()).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    for (line, column) in [(3, "url"), (4, "competences"), (5, "checked_on")] {
        let at = html
            .find(&format!(
                "<td>line {line}</td><td><code>{column}</code></td>"
            ))
            .or_else(|| html.find(&format!("line {line}</td><td><code>{column}</code>")));
        assert!(at.is_some(), "line {line}, {column}: {html}");
    }
    assert_eq!(all(&app).await, before, "nothing imported");

    // A good file: one changed, one added.
    let file = format!(
        "{header}UC-APPLY,Applying for Universal Credit,DWP,,SERVICES-1 TRANSACT-1,2026-01-01\n\
         PASSPORT,Renewing a passport,HM Passport Office,https://www.gov.uk/renew-adult-passport,TRANSACT-1,2026-01-01\n"
    );
    let response = upload(&app, &admin, file.into_bytes()).await;
    assert_eq!(location(&response), "/services?added=1&updated=1");
    let page = app.page(&admin, location(&response)).await;
    assert!(page.contains("1 added and 1 changed"));
    assert_eq!(all(&app).await.len(), before.len() + 1);
    let uc = by_code(&app, "UC-APPLY").await;
    assert_eq!(uc.service.competences, ["SERVICES-1", "TRANSACT-1"]);
    assert!(
        uc.service.steps.en.is_empty(),
        "a column left out is emptied"
    );
}

async fn confidence_is_in_the_person_s_data_and_goes_when_they_are_erased(backend: Backend) {
    let app = spawn_app(backend).await;
    let learner = app.signed_in("learner@afon.example").await;
    let me = app.person_by_email("learner@afon.example").await;
    let uc = by_code(&app, "UC-APPLY").await;
    app.post(
        &learner,
        &format!("/services/{}/confidence", uc.id),
        &[("confidence", "5")],
    )
    .await;
    let data = app.store().personal_data(app.org, me).await.unwrap();
    let table = data.table("service_confidence").expect("the table");
    assert_eq!(table.rows.len(), 1);
    assert_eq!(
        table.rows[0][0],
        skillgym_store::Cell::Text("UC-APPLY".into())
    );
    assert_eq!(table.rows[0][2], skillgym_store::Cell::Text("5".into()));
    let zip = app
        .post(&learner, "/me/data", &[])
        .await
        .bytes()
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(&zip).contains("service_confidence.csv"));

    app.store()
        .erase_person(app.org, me, skillgym_store::Actor::System)
        .await
        .unwrap();
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    let left: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM service_confidence WHERE person_id = $1")
            .bind(me.0)
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    assert_eq!(left, 0);
}

async fn another_organisation_s_services_are_not_found(backend: Backend) {
    let app = spawn_app(backend).await;
    let other = common::add_organisation(&app, "Bro Library Service", "bro.example").await;
    let theirs = app.store().services(other).await.unwrap()[0].id;
    let trainer = app.signed_in("trainer@afon.example").await;
    let me = app.person_by_email("trainer@afon.example").await;
    for path in [
        format!("/services/{theirs}"),
        format!("/services/{theirs}/edit"),
        format!("/services/{theirs}/remove"),
    ] {
        assert_eq!(
            app.get(&trainer, &path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    for (path, fields) in [
        (
            format!("/services/{theirs}/confidence"),
            vec![("confidence", "5")],
        ),
        (format!("/services/{theirs}/checked"), vec![]),
        (
            format!("/services/{theirs}/remove"),
            vec![("confirm", "yes")],
        ),
        (
            format!("/services/{theirs}/edit"),
            form("UC-APPLY", "Taken over", "2026-01-01"),
        ),
    ] {
        assert_eq!(
            app.post(&trainer, &path, &fields).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let still = app.store().service(other, theirs).await.unwrap();
    assert_ne!(still.service.name.en, "Taken over");
    assert!(
        app.store()
            .service_confidence_by(other, me)
            .await
            .unwrap()
            .is_empty()
    );
}
