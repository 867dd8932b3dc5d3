//! The kit register: anyone reads it; trainers and administrators keep it and record who is
//! trained (each in the audit trail); those at the kit's site, champions, trainers and
//! administrators log its use; the flags (nobody working at the site now trained, leavers not
//! counting; unused past the set months, to the day); the register as a CSV file in and out,
//! all or nothing; training and use in a person's data and erasure; another organisation's
//! kit never found.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::{Client, Response, StatusCode};
use skillgym_domain::kit::{self, KitCode, KitItem};
use skillgym_domain::{KitId, PersonId, SiteCode, SiteId, uk_time};
use skillgym_store::{Actor, AuditAction, StoredKit};
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    anyone_reads_the_register_and_those_at_the_site_log_its_use,
    trainers_keep_the_register_and_record_training_in_the_audit_trail,
    kit_nobody_working_at_its_site_is_trained_on_is_flagged_and_leavers_do_not_count,
    kit_is_flagged_unused_one_day_past_the_set_months,
    the_flags_page_is_a_summary_first_and_the_demo_shows_both_flags,
    a_kit_file_round_trips_and_bad_input_changes_nothing,
    training_and_use_are_in_the_person_s_data_and_erasure,
    another_organisation_s_kit_is_not_found,
);

fn today() -> time::Date {
    uk_time::local(skillgym_store::now()).date()
}

/// The day `months` months before today, as a form takes it.
fn months_ago(months: i64) -> String {
    skillgym_domain::people::format_date(skillgym_domain::retention::months_before(today(), months))
}

async fn all(app: &TestApp) -> Vec<StoredKit> {
    app.store().kit(app.org, None).await.unwrap()
}

/// The site of `person` (their first), and its code.
async fn site_of(app: &TestApp, who: PersonId) -> (SiteId, SiteCode) {
    let p = app.store().person(app.org, who).await.unwrap();
    let site = p.sites.first().expect("they work somewhere").0;
    let code = app.store().site(app.org, site).await.unwrap().code;
    (site, code)
}

/// Adds kit at `site` (as the system), returning its id.
async fn add_kit(app: &TestApp, code: &str, site: &SiteCode) -> KitId {
    let item = KitItem {
        code: KitCode::parse(code).unwrap(),
        name: format!("Kit {code}"),
        description: String::new(),
        site: site.clone(),
        competences: vec!["DEVICES-1".into()],
    };
    app.store()
        .save_kit(app.org, None, &item, today(), Actor::System)
        .await
        .unwrap()
}

async fn execute(app: &TestApp, sql: &str, binds: &[&str]) {
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.to_string()));
    for b in binds {
        query = query.bind(b.to_string());
    }
    query.execute(&pool).await.unwrap();
    pool.close().await;
}

/// On the flags page for one site, whether kit `id` is listed, and its two flags.
fn flags_of(html: &str, id: KitId) -> Option<(bool, bool)> {
    let start = html.find(&format!("id=\"flagged-{id}\""))?;
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    Some((
        section.contains("Nobody here trained"),
        section.contains(">Unused<"),
    ))
}

async fn flags_at(app: &TestApp, client: &Client, site: SiteId, id: KitId) -> Option<(bool, bool)> {
    let html = app.page(client, &format!("/kit/flags?site={site}")).await;
    flags_of(&html, id)
}

async fn anyone_reads_the_register_and_those_at_the_site_log_its_use(backend: Backend) {
    let app = spawn_app(backend).await;
    let learner = app.signed_in("learner@afon.example").await;
    let me = app.person_by_email("learner@afon.example").await;
    let kit = all(&app).await;
    assert!(kit.len() >= 5, "the demo's kit");
    let page = app.page(&learner, "/kit").await;
    assert!(page.contains(&format!("{} items", kit.len())));
    assert!(
        !page.contains("href=\"/kit/new\""),
        "learners do not keep it"
    );
    assert!(!page.contains("href=\"/kit/flags\""));
    // One library's kit.
    let central = kit.iter().find(|k| k.item.site.as_str() == "CEN").unwrap();
    let at_central = kit.iter().filter(|k| k.site_id == central.site_id).count();
    let page = app
        .page(&learner, &format!("/kit?site={}", central.site_id))
        .await;
    assert!(page.contains(&format!("{at_central} items")));
    // The Learning page links to it.
    assert!(
        app.page(&learner, "/learning")
            .await
            .contains("href=\"/kit\"")
    );

    // Kit at the learner's own library: they log its use; at another, they may not.
    let (site, code) = site_of(&app, me).await;
    let here = add_kit(&app, "HERE-1", &code).await;
    let page = app.page(&learner, &format!("/kit/{here}")).await;
    assert!(page.contains(&format!("action=\"/kit/{here}/use\"")));
    assert!(
        page.contains(&format!("href=\"/help?kit={here}\"")),
        "find help"
    );
    assert!(!page.contains(&format!("action=\"/kit/{here}/trained\"")));
    let refused = app
        .post(
            &learner,
            &format!("/kit/{here}/use"),
            &[
                ("used_on", "2999-01-01"),
                ("sessions", "0"),
                ("people_helped", "0"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("href=\"#used_on\"") && html.contains("href=\"#sessions\""));
    assert!(
        app.store()
            .kit_use(app.org, here, 10)
            .await
            .unwrap()
            .is_empty()
    );
    let day = months_ago(1);
    let logged = app
        .post(
            &learner,
            &format!("/kit/{here}/use"),
            &[
                ("used_on", day.as_str()),
                ("sessions", "2"),
                ("people_helped", "7"),
                ("note", "Taster session"),
            ],
        )
        .await;
    assert_eq!(location(&logged), format!("/kit/{here}?done=used#use"));
    let uses = app.store().kit_use(app.org, here, 10).await.unwrap();
    assert_eq!(uses.len(), 1);
    assert_eq!(
        (uses[0].entry.sessions, uses[0].entry.people_helped),
        (2, 7)
    );
    assert_eq!(uses[0].logged_by, Some(me));
    let page = app.page(&learner, &format!("/kit/{here}")).await;
    assert!(page.contains("Taster session") && page.contains("2 sessions, 7 people helped"));

    let elsewhere = kit
        .iter()
        .find(|k| k.site_id != site)
        .expect("kit at another library");
    let page = app.page(&learner, &format!("/kit/{}", elsewhere.id)).await;
    assert!(!page.contains(&format!("action=\"/kit/{}/use\"", elsewhere.id)));
    let fields = [("used_on", day.as_str()), ("sessions", "1")];
    assert_eq!(
        app.post(&learner, &format!("/kit/{}/use", elsewhere.id), &fields)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    // A champion logs use anywhere.
    let champion = app.signed_in("champion@afon.example").await;
    assert_eq!(
        app.post(&champion, &format!("/kit/{}/use", elsewhere.id), &fields)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
}

fn form<'a>(code: &'a str, name: &'a str, site: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("name", name),
        ("description", "In the makerspace.\n\n Booked at the desk. "),
        ("site", site),
        ("competence_1", "DEVICES-1"),
        ("competence_2", "PROBLEMS-3"),
    ]
}

async fn trainers_keep_the_register_and_record_training_in_the_audit_trail(backend: Backend) {
    let app = spawn_app(backend).await;
    let trainer = app.signed_in("trainer@afon.example").await;
    // Refused: every field's problem named, nothing added.
    let before = all(&app).await.len();
    let refused = app
        .post(
            &trainer,
            "/kit/new",
            &[
                ("code", "not a code"),
                ("site", "NOWHERE"),
                ("competence_1", "NOT-A-SKILL"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    for field in ["code", "name", "site", "competence_1"] {
        assert!(html.contains(&format!("href=\"#{field}\"")), "{field}");
    }
    assert_eq!(all(&app).await.len(), before);

    let added = app
        .post(
            &trainer,
            "/kit/new",
            &form("cen-laser-2", "Laser cutter", "CEN"),
        )
        .await;
    let path = location(&added).trim_end_matches("?done=saved").to_string();
    let item = all(&app)
        .await
        .into_iter()
        .find(|k| k.item.code.as_str() == "CEN-LASER-2")
        .expect("added");
    assert_eq!(path, format!("/kit/{}", item.id));
    assert_eq!(
        item.item.description,
        "In the makerspace.\nBooked at the desk."
    );
    assert_eq!(item.item.competences, ["DEVICES-1", "PROBLEMS-3"]);
    assert_eq!(item.added_on, today());
    // Its code is its own.
    let taken = app
        .post(&trainer, "/kit/new", &form("CEN-LASER-2", "Again", "CEN"))
        .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        taken
            .text()
            .await
            .unwrap()
            .contains("Other kit already has this code")
    );
    // Changed: another site.
    let edit = app.page(&trainer, &format!("{path}/edit")).await;
    assert!(edit.contains("value=\"CEN-LASER-2\""));
    let moved = app
        .post(
            &trainer,
            &format!("{path}/edit"),
            &form("CEN-LASER-2", "Laser cutter", "LLA"),
        )
        .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.store()
            .kit_item(app.org, item.id)
            .await
            .unwrap()
            .item
            .site
            .as_str(),
        "LLA"
    );

    // Training: by staff number, on a day not in the future.
    let item = app.store().kit_item(app.org, item.id).await.unwrap();
    let someone = app.people_working_at(item.site_id).await[0];
    let someone = app.store().person(app.org, someone).await.unwrap();
    let number = someone.employee_number.to_string();
    let refused = app
        .post(
            &trainer,
            &format!("{path}/trained"),
            &[
                ("employee_number", "NOBODY-9"),
                ("trained_on", "2999-01-01"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("There is nobody with this staff number"));
    assert!(html.contains("The day cannot be in the future"));
    let day = months_ago(2);
    let recorded = app
        .post(
            &trainer,
            &format!("{path}/trained"),
            &[
                ("employee_number", number.as_str()),
                ("trained_on", day.as_str()),
            ],
        )
        .await;
    assert_eq!(location(&recorded), format!("{path}?done=trained#trained"));
    let trained = app
        .store()
        .kit_trained(app.org, item.id, today())
        .await
        .unwrap();
    assert_eq!(trained.len(), 1);
    assert_eq!(trained[0].person, someone.id);
    assert!(trained[0].at_site && !trained[0].left);
    let page = app.page(&trainer, &path).await;
    assert!(page.contains(&format!("{} {}", someone.given_name, someone.family_name)));
    // Taken off again.
    let id = someone.id.to_string();
    app.post(
        &trainer,
        &format!("{path}/trained"),
        &[("remove", id.as_str())],
    )
    .await;
    assert!(
        app.store()
            .kit_trained(app.org, item.id, today())
            .await
            .unwrap()
            .is_empty()
    );

    // Removing needs the box ticked; its training and use go with it.
    app.store()
        .record_kit_training(app.org, item.id, someone.id, today(), Actor::System)
        .await
        .unwrap();
    let entry = kit::KitUse::parse(&months_ago(0), "1", "1", "", today()).unwrap();
    app.store()
        .log_kit_use(app.org, item.id, &entry, None)
        .await
        .unwrap();
    let refused = app.post(&trainer, &format!("{path}/remove"), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let removed = app
        .post(&trainer, &format!("{path}/remove"), &[("confirm", "yes")])
        .await;
    assert_eq!(location(&removed), "/kit?removed=1");
    assert_eq!(
        app.get(&trainer, &path).await.status(),
        StatusCode::NOT_FOUND
    );

    let done = app.audit_actions().await;
    for action in [
        AuditAction::KitAdded,
        AuditAction::KitChanged,
        AuditAction::KitTrained,
        AuditAction::KitTrainingRemoved,
        AuditAction::KitRemoved,
    ] {
        assert!(done.contains(&action), "{action:?}");
    }
    let admin = app.signed_in("admin@afon.example").await;
    // Reached from Administration, and from each library's row of the sites page.
    assert!(app.page(&admin, "/admin").await.contains("href=\"/kit\""));
    assert!(
        app.page(&admin, "/admin")
            .await
            .contains("href=\"/settings/kit\"")
    );
    let sites = app.page(&admin, "/sites").await;
    assert!(sites.contains(&format!("href=\"/kit?site={}\"", item.site_id)));
    let trail = app.page(&admin, "/audit-trail").await;
    assert!(trail.contains("Recorded someone as trained on kit"));
    assert!(trail.contains("kit CEN-LASER-2"));
}

async fn kit_nobody_working_at_its_site_is_trained_on_is_flagged_and_leavers_do_not_count(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let trainer = app.signed_in("trainer@afon.example").await;
    let me = app.person_by_email("learner@afon.example").await;
    let (site, code) = site_of(&app, me).await;
    let id = add_kit(&app, "FLAG-TRAINED", &code).await;
    // Used today, so only the training flag is in question.
    let entry = kit::KitUse::parse(&months_ago(0), "1", "1", "", today()).unwrap();
    store.log_kit_use(app.org, id, &entry, None).await.unwrap();
    assert_eq!(
        flags_at(&app, &trainer, site, id).await,
        Some((true, false))
    );

    // Someone trained who works at another library: still nobody here.
    let here = app.people_working_at(site).await;
    let mut elsewhere = None;
    for p in store.person_ids(app.org).await.unwrap().into_values() {
        let record = store.person(app.org, p).await.unwrap();
        if !record.sites.iter().any(|(s, _)| *s == site) && record.left_on.is_none() {
            elsewhere = Some(p);
            break;
        }
    }
    let elsewhere = elsewhere.expect("someone at another library");
    store
        .record_kit_training(app.org, id, elsewhere, today(), Actor::System)
        .await
        .unwrap();
    assert_eq!(
        flags_at(&app, &trainer, site, id).await,
        Some((true, false))
    );

    // Someone working here: no longer flagged.
    let colleague = *here.iter().find(|p| **p != me).expect("a colleague here");
    store
        .record_kit_training(app.org, id, colleague, today(), Actor::System)
        .await
        .unwrap();
    assert_eq!(flags_at(&app, &trainer, site, id).await, None);
    let status = store.kit_status(app.org, today()).await.unwrap();
    assert_eq!(status.iter().find(|s| s.id == id).unwrap().trained_here, 1);

    // They leave (today: the day they left counts as gone): flagged again, and their name
    // says they have left.
    execute(
        &app,
        "UPDATE people SET left_on = $1 WHERE id = CAST($2 AS BIGINT)",
        &[&months_ago(0), &colleague.to_string()],
    )
    .await;
    assert_eq!(
        flags_at(&app, &trainer, site, id).await,
        Some((true, false))
    );
    let page = app.page(&trainer, &format!("/kit/{id}")).await;
    assert!(page.contains("Has left"));
    assert!(page.contains("Nobody working at this library now is trained on it."));
}

async fn kit_is_flagged_unused_one_day_past_the_set_months(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let admin = app.signed_in("admin@afon.example").await;
    let me = app.person_by_email("learner@afon.example").await;
    let (site, code) = site_of(&app, me).await;
    let id = add_kit(&app, "FLAG-UNUSED", &code).await;
    let colleague = app.people_working_at(site).await[0];
    store
        .record_kit_training(app.org, id, colleague, today(), Actor::System)
        .await
        .unwrap();
    assert_eq!(store.kit_unused_age(app.org).await.unwrap().months(), 6);
    // Added today and never used: not yet unused.
    assert_eq!(flags_at(&app, &admin, site, id).await, None);
    // Added long ago and never used: unused.
    execute(
        &app,
        "UPDATE kit_items SET added_on = '2020-01-01' WHERE code = $1",
        &["FLAG-UNUSED"],
    )
    .await;
    assert_eq!(flags_at(&app, &admin, site, id).await, Some((false, true)));
    let page = app.page(&admin, &format!("/kit/{id}")).await;
    assert!(page.contains("It has not been used for over 6 months."));

    // Last used one day before the cut-off (six months ago to the day): unused.
    let cutoff = skillgym_domain::retention::months_before(today(), 6);
    let log = |day: time::Date| async move {
        let entry = kit::KitUse {
            used_on: day,
            sessions: 1,
            people_helped: 2,
            note: String::new(),
        };
        store.log_kit_use(app.org, id, &entry, None).await.unwrap();
    };
    log(cutoff - time::Duration::days(1)).await;
    assert_eq!(flags_at(&app, &admin, site, id).await, Some((false, true)));
    // Used on the cut-off day itself: not unused.
    log(cutoff).await;
    assert_eq!(flags_at(&app, &admin, site, id).await, None);

    // The setting: refused outside 1 to 60; at 5 months, the same use is unused again.
    let refused = app.post(&admin, "/settings/kit", &[("months", "61")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let saved = app.post(&admin, "/settings/kit", &[("months", "5")]).await;
    assert_eq!(location(&saved), "/settings/kit?saved=1");
    assert_eq!(store.kit_unused_age(app.org).await.unwrap().months(), 5);
    assert_eq!(flags_at(&app, &admin, site, id).await, Some((false, true)));
    assert!(
        app.audit_actions()
            .await
            .contains(&AuditAction::KitUnusedAgeChanged)
    );
}

async fn the_flags_page_is_a_summary_first_and_the_demo_shows_both_flags(backend: Backend) {
    let app = spawn_app(backend).await;
    let learner = app.signed_in("learner@afon.example").await;
    assert_eq!(
        app.get(&learner, "/kit/flags").await.status(),
        StatusCode::FORBIDDEN
    );
    let manager = app.signed_in("manager@afon.example").await;
    let html = app.page(&manager, "/kit/flags").await;
    // A filter and a summary; no site's kit in full until one is chosen.
    assert!(html.contains("<select id=\"site\" name=\"site\">"));
    assert!(
        !html.contains("id=\"flagged-"),
        "no kit listed before a site is chosen"
    );
    let status = app.store().kit_status(app.org, today()).await.unwrap();
    let age = app.store().kit_unused_age(app.org).await.unwrap();
    let untrained = status.iter().filter(|s| s.trained_here == 0).count();
    let unused = status
        .iter()
        .filter(|s| age.is_unused(s.last_used, s.added_on, today()))
        .count();
    assert!(untrained > 0 && unused > 0, "the demo shows both flags");
    assert!(html.contains(&format!(
        "{} items in the register: {untrained} with nobody trained where it is kept, {unused} unused.",
        status.len()
    )));
    // Central Library's flagged kit: each with a way to find help and learning for its skills.
    let central = status
        .iter()
        .find(|s| s.code.as_str() == "CEN-LASER")
        .unwrap();
    let html = app
        .page(&manager, &format!("/kit/flags?site={}", central.site_id))
        .await;
    assert_eq!(flags_of(&html, central.id), Some((true, true)));
    assert!(html.contains(&format!("href=\"/help?kit={}\"", central.id)));
    assert!(html.contains("href=\"/learning?competence=PROBLEMS-3\""));
    let kiosk = status
        .iter()
        .find(|s| s.code.as_str() == "CEN-KIOSK")
        .unwrap();
    assert_eq!(flags_of(&html, kiosk.id), None, "trained and used");
}

async fn upload(app: &TestApp, client: &Client, body: Vec<u8>) -> Response {
    app.post_file(
        client,
        "/kit/import",
        &[],
        Some(("kit_file", "kit.csv", body)),
    )
    .await
}

async fn a_kit_file_round_trips_and_bad_input_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let before = all(&app).await;
    let trained_before = app
        .store()
        .kit_trained(app.org, before[0].id, today())
        .await
        .unwrap();
    let csv = app.get(&admin, "/kit.csv").await.bytes().await.unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBFcode,name,description,site,competences"));
    let response = upload(&app, &admin, csv.to_vec()).await;
    assert_eq!(
        location(&response),
        format!("/kit?added=0&updated={}", before.len())
    );
    assert_eq!(
        all(&app).await,
        before,
        "export then import changes nothing"
    );
    assert!(!trained_before.is_empty());
    assert_eq!(
        app.store()
            .kit_trained(app.org, before[0].id, today())
            .await
            .unwrap(),
        trained_before,
        "training stays as it was"
    );
    assert!(
        app.audit_actions()
            .await
            .contains(&AuditAction::KitImported)
    );
    // In Welsh, Welsh columns; the same kit.
    app.post(&admin, "/language", &[("lang", "cy")]).await;
    let welsh = app.get(&admin, "/kit.csv").await.bytes().await.unwrap();
    assert!(welsh.starts_with(b"\xEF\xBB\xBFcod,enw,disgrifiad,safle,cymwyseddau"));
    let known = kit::Known {
        site: &|_| true,
        competence: &|_| true,
    };
    let items: Vec<KitItem> = before.iter().map(|k| k.item.clone()).collect();
    assert_eq!(kit::read(&welsh, &known).unwrap(), items);
    app.post(&admin, "/language", &[("lang", "en")]).await;

    // A column missing: named; nothing imported.
    let refused = upload(&app, &admin, b"code,name,site\nNEW,New,CEN\n".to_vec()).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("The file has no competences column")
    );
    // One good line, three bad: each named by line and column; nothing imported.
    let file = "code,name,site,competences\n\
                CEN-3DP,Changed,CEN,DEVICES-1\n\
                NEW-1,New one,NOWHERE,DEVICES-1\n\
                NEW-2,New two,CEN,NOT-A-SKILL\n\
                NEW-3,,CEN,DEVICES-1\n";
    let refused = upload(&app, &admin, file.as_bytes().to_vec()).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    for (line, column) in [(3, "site"), (4, "competences"), (5, "name")] {
        assert!(
            html.contains(&format!("line {line}</td><td><code>{column}</code>")),
            "line {line}, {column}: {html}"
        );
    }
    assert_eq!(all(&app).await, before, "nothing imported");
    // Not CSV at all.
    let refused = upload(&app, &admin, vec![0xff, 0xfe, 0x00]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(all(&app).await, before);

    // A good file: one changed, one added.
    let file = "code,name,site,competences\n\
                CEN-3DP,3D printer,CEN,DEVICES-1 SAFE-1\n\
                HQ-VR,VR headset,HQ,DEVICES-1\n";
    let response = upload(&app, &admin, file.as_bytes().to_vec()).await;
    assert_eq!(location(&response), "/kit?added=1&updated=1");
    assert!(
        app.page(&admin, location(&response))
            .await
            .contains("1 added and 1 changed")
    );
    let after = all(&app).await;
    assert_eq!(after.len(), before.len() + 1);
    let printer = after
        .iter()
        .find(|k| k.item.code.as_str() == "CEN-3DP")
        .unwrap();
    assert_eq!(printer.item.competences, ["DEVICES-1", "SAFE-1"]);
    assert!(
        printer.item.description.is_empty(),
        "a column left out is emptied"
    );
}

async fn training_and_use_are_in_the_person_s_data_and_erasure(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let learner = app.signed_in("learner@afon.example").await;
    let me = app.person_by_email("learner@afon.example").await;
    let (_, code) = site_of(&app, me).await;
    let id = add_kit(&app, "MINE-1", &code).await;
    store
        .record_kit_training(app.org, id, me, today(), Actor::System)
        .await
        .unwrap();
    let day = months_ago(0);
    app.post(
        &learner,
        &format!("/kit/{id}/use"),
        &[
            ("used_on", day.as_str()),
            ("sessions", "1"),
            ("people_helped", "3"),
        ],
    )
    .await;
    let data = store.personal_data(app.org, me).await.unwrap();
    let trained = data.table("kit_trained").expect("the table");
    assert_eq!(trained.rows.len(), 1);
    assert_eq!(
        trained.rows[0][0],
        skillgym_store::Cell::Text("MINE-1".into())
    );
    assert_eq!(data.table("kit_use").expect("the table").rows.len(), 1);
    let zip = app
        .post(&learner, "/me/data", &[])
        .await
        .bytes()
        .await
        .unwrap();
    let zip = String::from_utf8_lossy(&zip);
    assert!(zip.contains("kit_trained.csv") && zip.contains("kit_use.csv"));

    store
        .erase_person(app.org, me, Actor::System)
        .await
        .unwrap();
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    let trained: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM kit_trained WHERE person_id = $1")
        .bind(me.0)
        .fetch_one(&pool)
        .await
        .unwrap();
    let logged: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM kit_use WHERE logged_by = $1")
        .bind(me.0)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!((trained, logged), (0, 0));
    // The use itself stays in the log, tied to nobody.
    let uses = store.kit_use(app.org, id, 10).await.unwrap();
    assert_eq!(uses.len(), 1);
    assert_eq!(uses[0].logged_by, None);
}

async fn another_organisation_s_kit_is_not_found(backend: Backend) {
    let app = spawn_app(backend).await;
    let other = common::add_organisation(&app, "Bro Library Service", "bro.example").await;
    let theirs = app.store().kit(other, None).await.unwrap()[0].id;
    let their_use = app.store().kit_use(other, theirs, 100).await.unwrap();
    let trainer = app.signed_in("trainer@afon.example").await;
    for path in [
        format!("/kit/{theirs}"),
        format!("/kit/{theirs}/edit"),
        format!("/kit/{theirs}/remove"),
    ] {
        assert_eq!(
            app.get(&trainer, &path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let day = months_ago(0);
    for (path, fields) in [
        (
            format!("/kit/{theirs}/use"),
            vec![("used_on", day.as_str()), ("sessions", "1")],
        ),
        (
            format!("/kit/{theirs}/trained"),
            vec![("employee_number", "X")],
        ),
        (format!("/kit/{theirs}/remove"), vec![("confirm", "yes")]),
        (
            format!("/kit/{theirs}/edit"),
            form("CEN-3DP", "Taken over", "CEN"),
        ),
    ] {
        assert_eq!(
            app.post(&trainer, &path, &fields).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let still = app.store().kit_item(other, theirs).await.unwrap();
    assert_ne!(still.item.name, "Taken over");
    assert_eq!(
        app.store().kit_use(other, theirs, 100).await.unwrap(),
        their_use
    );
    // Their kit is not in our register or flags.
    let ours = app.page(&trainer, "/kit").await;
    assert!(!ours.contains(&format!("href=\"/kit/{theirs}\"")));
}
