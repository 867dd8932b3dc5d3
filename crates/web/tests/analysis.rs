//! Comparing groups and confidence against knowledge: the pages and their CSV agree, small
//! groups never appear, only admins see them, and the demo shows its leaders' modesty.

mod common;

use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::JobFamily;
use skillgym_domain::demo::{self, DemoOptions};
use skillgym_test_db::{Backend, TestDb, both_backends};
use std::collections::HashMap;

/// A CSV body as rows of cells, the header first.
async fn csv_rows(app: &TestApp, client: &reqwest::Client, path: &str) -> Vec<Vec<String>> {
    let response = app.get(client, path).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    let text = response.text().await.unwrap();
    csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The position of a column of the comparison CSV.
fn column(name: &str) -> usize {
    [
        "competence",
        "competence_title",
        "group",
        "group_label",
        "respondents",
        "n",
        "mean",
        "difference",
        "test",
        "statistic",
        "p_value",
        "effect_size",
    ]
    .iter()
    .position(|c| *c == name)
    .unwrap()
}

both_backends!(the_pages_and_their_csv_agree);

async fn the_pages_and_their_csv_agree(backend: Backend) {
    let app = spawn_app(backend).await;
    // Groups of three or more are shown, so that the small demo has groups to compare.
    app.store()
        .set_anonymity_threshold(app.org, 3)
        .await
        .unwrap();
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let admin = app.signed_in("admin@afon.example").await;
    for by in ["job_family", "employment", "LEADERSHIP", "no-such-grouping"] {
        let html = app
            .page(&admin, &format!("/campaigns/{campaign}/compare?by={by}"))
            .await;
        assert!(html.contains("How these figures are worked out"), "{by}");
        let html = app
            .page(
                &admin,
                &format!("/campaigns/{campaign}/calibration?by={by}"),
            )
            .await;
        assert!(html.contains("How these figures are worked out"), "{by}");
    }
    let campaign_page = app.page(&admin, &format!("/campaigns/{campaign}")).await;
    assert!(campaign_page.contains(&format!("/campaigns/{campaign}/compare")));
    assert!(campaign_page.contains(&format!("/campaigns/{campaign}/calibration")));
    let report = app
        .page(&admin, &format!("/campaigns/{campaign}/report"))
        .await;
    assert!(report.contains(&format!("/campaigns/{campaign}/compare")));

    // Every mean in the CSV is on the page, in its competence's row, with its test.
    let fresh = &app;
    let html = fresh
        .page(
            &admin,
            &format!("/campaigns/{campaign}/compare?by=job_family"),
        )
        .await;
    assert!(html.contains("<svg") && html.contains("aria-hidden=\"true\""));
    let rows = csv_rows(
        fresh,
        &admin,
        &format!("/campaigns/{campaign}/compare.csv?by=job_family"),
    )
    .await;
    assert!(!rows.is_empty(), "groups of 3 or more are compared");
    let (competence, mean, test) = (column("competence"), column("mean"), column("test"));
    for row in &rows {
        let start = html
            .find(&format!("data-competence=\"{}\"", row[competence]))
            .expect("a row per competence");
        let tr = &html[start..start + html[start..].find("</tr>").unwrap()];
        if !row[mean].is_empty() {
            let m: f64 = row[mean].parse().unwrap();
            assert!(tr.contains(&format!(">{m:.2}<")), "{m:.2} in {tr}");
        }
        match row[test].as_str() {
            "mann_whitney" => assert!(tr.contains("Mann–Whitney")),
            "kruskal_wallis" => assert!(tr.contains("Kruskal–Wallis")),
            _ => {}
        }
    }
    let html = fresh
        .page(
            &admin,
            &format!("/campaigns/{campaign}/calibration?by=job_family"),
        )
        .await;
    let rows = csv_rows(
        fresh,
        &admin,
        &format!("/campaigns/{campaign}/calibration.csv?by=job_family"),
    )
    .await;
    assert_eq!(rows.last().unwrap()[0], "everyone");
    let table = &html[html.find("id=\"calibration-table\"").unwrap()..];
    for row in &rows {
        let start = table
            .find(&format!(">{}</span>", row[1]))
            .expect("a row per group");
        let tr = &table[start..start + table[start..].find("</tr>").unwrap()];
        let confidence: f64 = row[3].parse().unwrap();
        let score: f64 = row[4].parse().unwrap();
        assert!(
            tr.contains(&format!(">{confidence:.2}<")) && tr.contains(&format!(">{score:.2}<")),
            "{tr}"
        );
        assert!(
            tr.contains(&format!(">{}<", row[2])),
            "the number of people: {tr}"
        );
    }
}

both_backends!(groups_under_the_threshold_never_appear);

async fn groups_under_the_threshold_never_appear(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let data = app.store().analysis_data(app.org, campaign).await.unwrap();
    let mut sizes: HashMap<String, usize> = HashMap::new();
    for r in &data.respondents {
        *sizes
            .entry(r.job_family.clone().unwrap_or_default())
            .or_default() += 1;
    }
    // A threshold above the smallest job family, so at least it must go.
    let smallest = JobFamily::ALL
        .iter()
        .filter_map(|f| sizes.get(f.as_str()).copied())
        .min()
        .unwrap();
    let threshold = smallest + 1;
    app.store()
        .set_anonymity_threshold(app.org, threshold as i64)
        .await
        .unwrap();
    let admin = app.signed_in("admin@afon.example").await;
    let labels: HashMap<&str, &str> = HashMap::from([
        ("frontline", "Frontline"),
        ("specialist", "Specialist"),
        ("manager", "Manager"),
        ("senior_leader", "Senior leader"),
        ("aspiring_leader", "Aspiring leader"),
    ]);
    let html = app
        .page(
            &admin,
            &format!("/campaigns/{campaign}/compare?by=job_family"),
        )
        .await;
    assert!(
        html.contains("left out to keep"),
        "the page says groups were left out"
    );
    let compare = csv_rows(
        &app,
        &admin,
        &format!("/campaigns/{campaign}/compare.csv?by=job_family"),
    )
    .await;
    let calibration_html = app
        .page(
            &admin,
            &format!("/campaigns/{campaign}/calibration?by=job_family"),
        )
        .await;
    let calibration = csv_rows(
        &app,
        &admin,
        &format!("/campaigns/{campaign}/calibration.csv?by=job_family"),
    )
    .await;
    for (family, size) in &sizes {
        if family.is_empty() || *size >= threshold {
            continue;
        }
        let label = labels[family.as_str()];
        if let Some(table) = html.find("<table") {
            assert!(
                !html[table..].contains(&format!(">{label}</span>")),
                "{label} is hidden"
            );
        }
        assert!(
            !calibration_html.contains(&format!(">{label}</span>")),
            "{label} is hidden"
        );
        assert!(compare.iter().all(|r| &r[2] != family));
        assert!(calibration.iter().all(|r| &r[0] != family));
    }
    // Nothing at all when every group is too small (a new app: the threshold is cached).
    let fresh = spawn_app(backend).await;
    fresh
        .store()
        .set_anonymity_threshold(fresh.org, 10_000)
        .await
        .unwrap();
    let campaign = fresh.store().campaigns(fresh.org).await.unwrap()[0].id;
    let admin = fresh.signed_in("admin@afon.example").await;
    let html = fresh
        .page(
            &admin,
            &format!("/campaigns/{campaign}/compare?by=job_family"),
        )
        .await;
    assert!(html.contains("not enough groups big enough") && !html.contains("<table"));
    assert!(
        csv_rows(
            &fresh,
            &admin,
            &format!("/campaigns/{campaign}/compare.csv?by=job_family")
        )
        .await
        .is_empty()
    );
    assert!(
        csv_rows(
            &fresh,
            &admin,
            &format!("/campaigns/{campaign}/calibration.csv?by=LEADERSHIP")
        )
        .await
        .is_empty()
    );

    let learner = fresh.signed_in("learner@afon.example").await;
    for path in ["compare", "compare.csv", "calibration", "calibration.csv"] {
        let refused = fresh
            .get(
                &learner,
                &format!("/campaigns/{campaign}/{path}?by=job_family"),
            )
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{path}");
    }
}

both_backends!(the_demo_leaders_are_modest_but_know_more);

/// The demo simulates leaders rating themselves lower than aspiring leaders while doing
/// better in the knowledge round; the calibration page must show their modesty.
async fn the_demo_leaders_are_modest_but_know_more(backend: Backend) {
    let db = TestDb::new(backend).await;
    let generated = demo::generate(&DemoOptions {
        people: 600,
        seed: 7,
        ..Default::default()
    });
    let hash = skillgym_web::hash_password(demo::DEMO_PASSWORD).unwrap();
    let org = db
        .store
        .seed_demo(&generated, &hash, &|_| {})
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let config = skillgym_web::WebConfig {
        public_url: url.clone(),
        ..skillgym_web::WebConfig::default()
    };
    let router = skillgym_web::app(db.store.clone(), config);
    tokio::spawn(async move { skillgym_web::serve(listener, router).await.unwrap() });
    let app = TestApp {
        url,
        db,
        org: org.id,
    };
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let data = app.store().analysis_data(app.org, campaign).await.unwrap();
    assert!(data.respondents.len() > 100);
    let admin = app.signed_in("admin@afon.example").await;
    let rows = csv_rows(
        &app,
        &admin,
        &format!("/campaigns/{campaign}/calibration.csv?by=LEADERSHIP"),
    )
    .await;
    let find = |group: &str| {
        rows.iter()
            .find(|r| r[0] == group)
            .unwrap_or_else(|| panic!("{group} in {rows:?}"))
    };
    // LEADERSHIP option 0: leading a team now; option 1: hoping to.
    let (leaders, aspiring) = (find("0"), find("1"));
    let number = |r: &Vec<String>, i: usize| r[i].parse::<f64>().unwrap();
    assert!(
        number(leaders, 3) < number(aspiring, 3),
        "leaders are less confident: {rows:?}"
    );
    // Yet they do better in the knowledge round, as in the national leaders' audit.
    assert!(
        number(leaders, 4) > number(aspiring, 4),
        "leaders score higher in the quiz: {rows:?}"
    );
    // So their gap (confidence less score) is the more modest.
    assert!(
        number(leaders, 5) < number(aspiring, 5),
        "leaders know more than they think, relative to aspiring leaders: {rows:?}"
    );
}
