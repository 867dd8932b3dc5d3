//! Admins writing frameworks on the web: creating one, adding, rewording, reordering and
//! removing its areas and competences, with identifiers that stay through every edit.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::{Client, StatusCode};
use skillgym_domain::FrameworkId;
use skillgym_domain::audit::{Framework, case};
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    an_admin_builds_a_framework_item_by_item,
    a_competence_with_answers_is_kept_and_its_wording_may_change,
);

async fn framework(app: &TestApp, id: FrameworkId) -> Framework {
    app.store().framework(app.org, id).await.unwrap().framework
}

fn codes(f: &Framework) -> Vec<(String, Vec<String>)> {
    f.areas
        .iter()
        .map(|a| {
            (
                a.code.clone(),
                a.competences.iter().map(|c| c.code.clone()).collect(),
            )
        })
        .collect()
}

async fn post_ok(app: &TestApp, admin: &Client, path: &str, fields: &[(&str, &str)]) -> String {
    let response = app.post(admin, path, fields).await;
    let status = response.status();
    let to = location(&response).to_string();
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "POST {path}: {}",
        response.text().await.unwrap()
    );
    to
}

async fn an_admin_builds_a_framework_item_by_item(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    assert!(
        app.page(&admin, "/frameworks")
            .await
            .contains("href=\"/frameworks/new\"")
    );
    // A framework needs a code and an English title; nothing is stored otherwise.
    let response = app
        .post(
            &admin,
            "/frameworks/new",
            &[("code", "no spaces"), ("title_en", "")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("error-summary") && html.contains("href=\"#title_en\""));
    assert_eq!(app.store().frameworks(app.org).await.unwrap().len(), 1);

    let to = post_ok(
        &app,
        &admin,
        "/frameworks/new",
        &[
            ("code", "branch-skills"),
            ("title_en", "Branch skills"),
            ("title_cy", "Sgiliau cangen"),
        ],
    )
    .await;
    let id = FrameworkId(to.rsplit('/').next().unwrap().parse().unwrap());
    let f = framework(&app, id).await;
    assert_eq!(f.code, "BRANCH-SKILLS");
    assert_eq!(f.levels.len(), 5, "a new framework starts with five levels");
    assert!(f.areas.is_empty());
    // The code is taken now.
    let response = app
        .post(
            &admin,
            "/frameworks/new",
            &[("code", "BRANCH-SKILLS"), ("title_en", "Again")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let base = format!("/frameworks/{id}");
    for (code, title) in [("DESK", "At the desk"), ("OUT", "Out and about")] {
        post_ok(
            &app,
            &admin,
            &format!("{base}/areas/new"),
            &[("code", code), ("title_en", title)],
        )
        .await;
    }
    // Codes are unique across areas and competences.
    let response = app
        .post(
            &admin,
            &format!("{base}/areas/new"),
            &[("code", "DESK"), ("title_en", "Twice")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("already used"));
    for (area, code, title, welsh) in [
        ("DESK", "DESK-1", "Printing and scanning", ""),
        ("DESK", "DESK-2", "Public PCs", "Cyfrifiaduron cyhoeddus"),
        ("OUT", "OUT-1", "Outreach with tablets", ""),
    ] {
        post_ok(
            &app,
            &admin,
            &format!("{base}/competences/new"),
            &[
                ("area", area),
                ("code", code),
                ("title_en", title),
                ("title_cy", welsh),
            ],
        )
        .await;
    }
    let response = app
        .post(
            &admin,
            &format!("{base}/competences/new"),
            &[("area", "NOWHERE"), ("code", "X-1"), ("title_en", "Lost")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let before = framework(&app, id).await;
    assert_eq!(
        codes(&before),
        vec![
            ("DESK".into(), vec!["DESK-1".into(), "DESK-2".into()]),
            ("OUT".into(), vec!["OUT-1".into()]),
        ]
    );
    let exported = app.get(&admin, &format!("{base}/case.json")).await;
    let exported = case::from_case(&exported.bytes().await.unwrap()).unwrap();
    assert_eq!(exported, before);

    // Reorder, reword, and move a competence to another area.
    post_ok(
        &app,
        &admin,
        &format!("{base}/competences/DESK-2/move"),
        &[("direction", "up")],
    )
    .await;
    post_ok(
        &app,
        &admin,
        &format!("{base}/areas/OUT/move"),
        &[("direction", "up")],
    )
    .await;
    let response = app
        .post(
            &admin,
            &format!("{base}/areas/OUT/move"),
            &[("direction", "sideways")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    post_ok(
        &app,
        &admin,
        &format!("{base}/competences/DESK-1/edit"),
        &[
            ("area", "OUT"),
            ("title_en", "Printing, scanning and copying"),
            ("title_cy", "Argraffu, sganio a chopïo"),
            ("description_en", "Helping people print from their phones."),
        ],
    )
    .await;
    post_ok(
        &app,
        &admin,
        &format!("{base}/areas/DESK/edit"),
        &[
            ("title_en", "At the counter"),
            ("title_cy", "Wrth y cownter"),
        ],
    )
    .await;
    let levels: Vec<(String, String)> = (1..=5)
        .flat_map(|n| {
            [
                (format!("level-{n}-en"), format!("Level {n} in words")),
                (format!("level-{n}-cy"), format!("Lefel {n} mewn geiriau")),
            ]
        })
        .collect();
    let fields: Vec<(&str, &str)> = levels
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    post_ok(&app, &admin, &format!("{base}/levels"), &fields).await;
    let response = app
        .post(
            &admin,
            &format!("{base}/levels"),
            &[("level-1-en", "Only one")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let after = framework(&app, id).await;
    assert_eq!(
        codes(&after),
        vec![
            ("OUT".into(), vec!["OUT-1".into(), "DESK-1".into()]),
            ("DESK".into(), vec!["DESK-2".into()]),
        ]
    );
    assert_eq!(after.levels[4].cy.as_deref(), Some("Lefel 5 mewn geiriau"));
    assert_eq!(after.areas[1].title.en, "At the counter");
    // Every item keeps its identifier through the edits, in the export too.
    let identifiers = |f: &Framework| {
        let mut ids: Vec<(String, String)> = f
            .areas
            .iter()
            .map(|a| (a.code.clone(), a.identifier.clone()))
            .chain(
                f.competences()
                    .map(|(_, c)| (c.code.clone(), c.identifier.clone())),
            )
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(identifiers(&after), identifiers(&before));
    assert_eq!(after.identifier, before.identifier);
    let exported = app.get(&admin, &format!("{base}/case.json")).await;
    let exported = case::from_case(&exported.bytes().await.unwrap()).unwrap();
    assert_eq!(exported, after);

    // Welsh pages show English where there is no Welsh, and say so.
    post_ok(&app, &admin, "/language", &[("lang", "cy"), ("back", "/")]).await;
    let html = app.page(&admin, &base).await;
    assert!(html.contains("Sgiliau cangen"));
    assert!(html.contains("Outreach with tablets"));
    assert!(html.contains("Saesneg yn unig"));
    post_ok(&app, &admin, "/language", &[("lang", "en"), ("back", "/")]).await;
    let html = app.page(&admin, &base).await;
    assert!(!html.contains("English only"));

    // Removing asks first; an empty form removes nothing.
    let html = app
        .page(&admin, &format!("{base}/competences/DESK-2/remove"))
        .await;
    assert!(html.contains("Public PCs") && html.contains("name=\"confirm\""));
    let response = app
        .post(&admin, &format!("{base}/competences/DESK-2/remove"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(framework(&app, id).await.competences().count(), 3);
    post_ok(
        &app,
        &admin,
        &format!("{base}/competences/DESK-2/remove"),
        &[("confirm", "yes")],
    )
    .await;
    post_ok(
        &app,
        &admin,
        &format!("{base}/areas/OUT/remove"),
        &[("confirm", "yes")],
    )
    .await;
    let left = framework(&app, id).await;
    assert_eq!(codes(&left), vec![("DESK".into(), vec![])]);
    assert_eq!(
        app.get(&admin, &format!("{base}/competences/OUT-1/edit"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // A campaign can be opened on a framework made on the web.
    post_ok(
        &app,
        &admin,
        &format!("{base}/competences/new"),
        &[
            ("area", "DESK"),
            ("code", "DESK-3"),
            ("title_en", "Self-service kiosks"),
        ],
    )
    .await;
    post_ok(
        &app,
        &admin,
        "/campaigns/new",
        &[
            ("title_en", "Branch skills check"),
            ("framework", &id.to_string()),
            ("area", "DESK"),
            ("opens_on", "2026-01-01"),
            ("closes_on", "2026-02-01"),
            ("anonymous", "no"),
        ],
    )
    .await;
}

async fn a_competence_with_answers_is_kept_and_its_wording_may_change(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let id = app.store().frameworks(app.org).await.unwrap()[0].id;
    // The demo's campaigns have answers about every competence they rate.
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let campaign = app.store().campaign(app.org, campaign).await.unwrap();
    let rated = &campaign.areas[0].competences[0];
    let code = rated.code.clone();
    let base = format!("/frameworks/{id}");

    let html = app
        .page(&admin, &format!("{base}/competences/{code}/remove"))
        .await;
    assert!(html.contains("This cannot be removed"), "{html}");
    assert!(html.contains("change its wording"));
    assert!(!html.contains("name=\"confirm\""));
    let response = app
        .post(
            &admin,
            &format!("{base}/competences/{code}/remove"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        framework(&app, id)
            .await
            .competences()
            .any(|(_, c)| c.code == code)
    );
    // Nor its area.
    let area = campaign.areas[0].code.clone();
    let response = app
        .post(
            &admin,
            &format!("{base}/areas/{area}/remove"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Its wording can change; the answers stay with it.
    let identifier = framework(&app, id)
        .await
        .competences()
        .find(|(_, c)| c.code == code)
        .unwrap()
        .1
        .identifier
        .clone();
    post_ok(
        &app,
        &admin,
        &format!("{base}/competences/{code}/edit"),
        &[
            ("area", &area),
            ("title_en", "Reworded competence"),
            ("title_cy", "Cymhwysedd wedi'i aralleirio"),
        ],
    )
    .await;
    let after = framework(&app, id).await;
    let (_, c) = after.competences().find(|(_, c)| c.code == code).unwrap();
    assert_eq!(c.title.en, "Reworded competence");
    assert_eq!(c.identifier, identifier);
    let campaign = app.store().campaign(app.org, campaign.id).await.unwrap();
    assert_eq!(
        campaign.areas[0].competences[0].title.en,
        "Reworded competence"
    );
    let report = app
        .get(&admin, &format!("/campaigns/{}/report", campaign.id))
        .await;
    assert_eq!(report.status(), StatusCode::OK);
}
