//! Every CSV download goes through the one writer, which guards text a spreadsheet would run as
//! a formula: a name such as `=HYPERLINK(…)` comes out as `'=HYPERLINK(…)` in each of them,
//! and no cell starts a formula.

mod common;

use common::{TestApp, spawn_app};
use reqwest::Client;
use skillgym_domain::audit::Localised;
use skillgym_domain::{CampaignId, Email, PersonId};
use skillgym_test_db::{Backend, both_backends};

/// What a mischievous name looks like: a spreadsheet would run it, and offer the link.
const FORMULA: &str = "=HYPERLINK(\"https://evil.example/\",\"Open\")";

/// The cells of a CSV file, without its byte order mark.
fn cells(bytes: &[u8]) -> Vec<String> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    assert!(
        text.starts_with('\u{feff}'),
        "the file starts with a byte order mark"
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>())
        .collect()
}

/// `file` holds the mischievous name guarded, and no cell a spreadsheet would run.
fn assert_guarded(what: &str, bytes: &[u8]) {
    let cells = cells(bytes);
    assert!(
        cells.iter().any(|c| c.starts_with("'=HYPERLINK(")),
        "{what}: the name is there, guarded: {cells:?}"
    );
    for cell in &cells {
        let plain_number = cell.parse::<f64>().is_ok() && !cell.contains(char::is_alphabetic);
        assert!(
            !cell.starts_with(['=', '+', '@', '\t', '\r'])
                && (!cell.starts_with('-') || plain_number),
            "{what}: {cell:?} would run as a formula"
        );
    }
}

async fn download(app: &TestApp, client: &Client, path: &str) -> Vec<u8> {
    let response = app.get(client, path).await;
    assert_eq!(response.status(), reqwest::StatusCode::OK, "GET {path}");
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8",
        "{path}"
    );
    response.bytes().await.unwrap().to_vec()
}

/// Names everything a CSV download shows after the formula: a person, the sites, teams,
/// campaigns, areas and competences, and the options of a single-choice question.
async fn mischief(app: &TestApp) -> (PersonId, CampaignId, String) {
    let learner = app
        .store()
        .account_by_email(&Email::parse("learner@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    let campaigns = app.store().campaigns(app.org).await.unwrap();
    let campaign = app
        .store()
        .campaign(app.org, campaigns[0].id)
        .await
        .unwrap();
    let (question, code) = campaign
        .questions
        .iter()
        .find(|(_, q)| q.kind.as_str() == "single")
        .map(|(id, q)| (*id, q.code.clone()))
        .unwrap();
    let options: Vec<Localised> = campaign
        .questions
        .iter()
        .find(|(id, _)| *id == question)
        .unwrap()
        .1
        .options
        .iter()
        .enumerate()
        .map(|(i, _)| Localised::new(format!("{FORMULA} {i}"), None))
        .collect();
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    let statements: Vec<(String, Vec<String>)> = vec![
        (
            "UPDATE people SET given_name = $1, job_role = $1 WHERE id = $2".into(),
            vec![FORMULA.into(), learner.0.to_string()],
        ),
        // Names are unique: each gets its id after the formula.
        (
            "UPDATE sites SET name = $1 || ' ' || CAST(id AS TEXT)".into(),
            vec![FORMULA.into()],
        ),
        (
            "UPDATE teams SET name = $1 || ' ' || CAST(id AS TEXT)".into(),
            vec![FORMULA.into()],
        ),
        (
            "UPDATE campaigns SET title_en = $1".into(),
            vec![FORMULA.into()],
        ),
        (
            "UPDATE competences SET title_en = $1 || ' ' || CAST(id AS TEXT)".into(),
            vec![FORMULA.into()],
        ),
        (
            "UPDATE framework_areas SET title_en = $1 || ' ' || CAST(id AS TEXT)".into(),
            vec![FORMULA.into()],
        ),
        (
            "UPDATE profile_questions SET options = $1 WHERE id = $2".into(),
            vec![
                serde_json::to_string(&options).unwrap(),
                question.0.to_string(),
            ],
        ),
    ];
    for (sql, binds) in statements {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for b in binds {
            query = match b.parse::<i64>() {
                Ok(n) => query.bind(n),
                Err(_) => query.bind(b),
            };
        }
        query.execute(&pool).await.unwrap();
    }
    pool.close().await;
    (learner, campaign.id, code)
}

both_backends!(every_csv_download_guards_text_a_spreadsheet_would_run);

async fn every_csv_download_guards_text_a_spreadsheet_would_run(backend: Backend) {
    let app = spawn_app(backend).await;
    let (learner, campaign, question) = mischief(&app).await;
    let admin = app.signed_in("admin@afon.example").await;
    // Seen by the admin, so that the audit trail names them.
    app.page(&admin, &format!("/people/{learner}")).await;
    let framework = app.store().frameworks(app.org).await.unwrap()[0].id;
    // Someone who answered the campaign, for a profile.
    let stored = app.store().campaign(app.org, campaign).await.unwrap();
    let answered = app
        .store()
        .campaign_columns(app.org, &stored)
        .await
        .unwrap()
        .person
        .iter()
        .find_map(|p| *p)
        .expect("the demo campaign has answers");

    let routes = vec![
        "/export/staff.csv".to_string(),
        "/audit-trail.csv".to_string(),
        format!("/people/{answered}/profile.csv?campaign={campaign}"),
        format!("/campaigns/{campaign}/report/competences.csv"),
        format!("/campaigns/{campaign}/report/weakest.csv"),
        format!("/campaigns/{campaign}/report/strongest.csv"),
        format!("/campaigns/{campaign}/report/sites.csv"),
        format!("/campaigns/{campaign}/report/teams.csv"),
        format!("/campaigns/{campaign}/report/heat.csv"),
        format!("/campaigns/{campaign}/compare.csv"),
        format!("/campaigns/{campaign}/compare.csv?by={question}"),
        format!("/campaigns/{campaign}/calibration.csv?by={question}"),
        format!("/campaigns/{campaign}/change.csv"),
        format!("/campaigns/{campaign}/change.csv?table=areas"),
        format!("/campaigns/{campaign}/change.csv?table=rates"),
        format!("/frameworks/{framework}/framework.csv"),
    ];
    for path in &routes {
        assert_guarded(path, &download(&app, &admin, path).await);
    }

    // "Download my data" is a zip of one CSV file per table, each written by the same writer.
    let data = app.store().personal_data(app.org, learner).await.unwrap();
    let person = data.table("person").unwrap();
    assert_guarded(
        "/me/data person.csv",
        &person.to_csv(&|_, column| column.to_string()).unwrap(),
    );
    let response = app
        .post(
            &app.signed_in("learner@afon.example").await,
            "/me/data",
            &[],
        )
        .await;
    assert_eq!(response.status(), reqwest::StatusCode::OK);
}
