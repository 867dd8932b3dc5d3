//! Frameworks as files: importing CASE and CSV files, and downloading them.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::{Client, Response, StatusCode};
use skillgym_domain::audit::{Framework, case, framework_csv};
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    an_exported_framework_imports_as_a_new_one,
    a_bad_file_is_refused_whole_with_its_problems,
    only_admins_import_and_download,
);

async fn upload(app: &TestApp, client: &Client, name: &str, body: Vec<u8>) -> Response {
    let csrf = app.csrf(client).await;
    let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
        "framework_file",
        reqwest::multipart::Part::bytes(body).file_name(name.to_string()),
    );
    client
        .post(format!("{}/frameworks/import", app.url))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The same framework under a new code, with every identifier new.
fn renamed(mut f: Framework, suffix: &str) -> Framework {
    f.code = format!("{}-{suffix}", f.code);
    f.identifier = case::derived_identifier(&format!("{}/{suffix}", f.identifier));
    for area in &mut f.areas {
        area.identifier = case::derived_identifier(&format!("{}/{suffix}", area.identifier));
        for c in &mut area.competences {
            c.identifier = case::derived_identifier(&format!("{}/{suffix}", c.identifier));
        }
    }
    f
}

async fn an_exported_framework_imports_as_a_new_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let existing = app.store().frameworks(app.org).await.unwrap()[0].id;
    let html = app.page(&admin, "/frameworks").await;
    assert!(html.contains("href=\"/frameworks/import\""));
    let html = app.page(&admin, &format!("/frameworks/{existing}")).await;
    assert!(html.contains(&format!("/frameworks/{existing}/case.json")));

    let response = app
        .get(&admin, &format!("/frameworks/{existing}/case.json"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/json");
    let exported = case::from_case(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(exported, Framework::library_default());
    let copy = renamed(exported.clone(), "COPY");
    let body = serde_json::to_vec(&case::to_case(&copy, time::OffsetDateTime::now_utc())).unwrap();
    let response = upload(&app, &admin, "copy.json", body.clone()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = location(&response).to_string();
    let html = app.page(&admin, &page).await;
    assert!(html.contains(&copy.areas[0].competences[0].code));
    let listed = app.store().frameworks(app.org).await.unwrap();
    assert_eq!(listed.len(), 2);
    let id = listed.iter().find(|f| f.code == copy.code).unwrap().id;
    assert_eq!(
        app.store().framework(app.org, id).await.unwrap().framework,
        copy
    );

    // The same file again is refused: its code is taken.
    let response = upload(&app, &admin, "copy.json", body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("already exists"));
    // A new code with the same identifier is refused too.
    let mut again = copy.clone();
    again.code = "ANOTHER".into();
    let body = serde_json::to_vec(&case::to_case(&again, time::OffsetDateTime::now_utc())).unwrap();
    let response = upload(&app, &admin, "again.json", body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("identifier already exists")
    );

    // CSV, downloaded and imported under a new code.
    let response = app
        .get(&admin, &format!("/frameworks/{existing}/framework.csv"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let f = framework_csv::read(&response.bytes().await.unwrap()).unwrap();
    let mut body = Vec::new();
    framework_csv::write(
        &mut body,
        &renamed(f, "CSV"),
        skillgym_domain::FileLanguage::English,
    )
    .unwrap();
    let response = upload(&app, &admin, "copy.csv", body).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.store().frameworks(app.org).await.unwrap().len(), 3);
}

async fn a_bad_file_is_refused_whole_with_its_problems(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let mut case = case::to_case(
        &renamed(Framework::library_default(), "BAD"),
        time::OffsetDateTime::now_utc(),
    );
    case["CFItems"][1]
        .as_object_mut()
        .unwrap()
        .remove("fullStatement");
    let response = upload(&app, &admin, "bad.json", case.to_string().into_bytes()).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("error-summary") && html.contains("id=\"import-problems\""));
    assert!(html.contains("COMMUNICATE-1") && html.contains("<code>fullStatement</code>"));
    assert!(html.contains("Every item needs a fullStatement"), "{html}");

    let response = upload(
        &app,
        &admin,
        "broken.json",
        b"{\n  \"CFDocument\": {,".to_vec(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("line 2, column 18"));

    let response = upload(
        &app,
        &admin,
        "bad.csv",
        b"kind,code,title_en\ntopic,X,Y\n".to_vec(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("line 2") && html.contains("<code>kind</code>"),
        "{html}"
    );

    let response = upload(&app, &admin, "empty.csv", Vec::new()).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Choose a framework file")
    );
    assert_eq!(app.store().frameworks(app.org).await.unwrap().len(), 1);
}

async fn only_admins_import_and_download(backend: Backend) {
    let app = spawn_app(backend).await;
    let id = app.store().frameworks(app.org).await.unwrap()[0].id;
    let manager = app.signed_in("manager@afon.example").await;
    for path in [
        "/frameworks/import".to_string(),
        format!("/frameworks/{id}/case.json"),
        format!("/frameworks/{id}/framework.csv"),
    ] {
        assert_eq!(
            app.get(&manager, &path).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let body = serde_json::to_vec(&case::to_case(
        &renamed(Framework::library_default(), "NOPE"),
        time::OffsetDateTime::now_utc(),
    ))
    .unwrap();
    let response = upload(&app, &manager, "copy.json", body).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.store().frameworks(app.org).await.unwrap().len(), 1);
    let admin = app.signed_in("admin@afon.example").await;
    assert_eq!(
        app.get(&admin, "/frameworks/999999/case.json")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
