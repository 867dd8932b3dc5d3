//! Importing a staff file on the web: the same checks as the command line, shown on the page.

mod common;

use common::{TestApp, spawn_app};
use reqwest::{Client, StatusCode};
use skillgym_test_db::{Backend, both_backends};

const HEADER: &str = "employee_number,given_name,family_name,email,employment,job_role,job_family,contracted_hours,start_date,line_manager,team,sites";

/// Uploads a staff file; when a check page asks about people not in the file, leaves them as
/// they are.
async fn upload(app: &TestApp, client: &Client, bytes: Vec<u8>) -> (StatusCode, String) {
    let (status, html) = send(app, client, bytes).await;
    match check_page_of(status, &html) {
        Some(path) => answer(app, client, &path, &[("absent", "keep")]).await,
        None => (status, html),
    }
}

/// The check page's address when an upload was sent to one.
fn check_page_of(status: StatusCode, location: &str) -> Option<String> {
    (status == StatusCode::SEE_OTHER).then(|| location.to_string())
}

/// Answers the check page at `path`.
async fn answer(
    app: &TestApp,
    client: &Client,
    path: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String) {
    let response = app.post(client, path, fields).await;
    (response.status(), response.text().await.unwrap())
}

/// Uploads a staff file: the status and the page, or for a redirect its address.
async fn send(app: &TestApp, client: &Client, bytes: Vec<u8>) -> (StatusCode, String) {
    let csrf = app.csrf(client).await;
    let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
        "staff_file",
        reqwest::multipart::Part::bytes(bytes).file_name("staff.csv"),
    );
    let response = client
        .post(format!("{}/import/staff", app.url))
        .multipart(form)
        .send()
        .await
        .unwrap();
    if response.status() == StatusCode::SEE_OTHER {
        return (response.status(), common::location(&response).to_string());
    }
    (response.status(), response.text().await.unwrap())
}

fn file(rows: &[&str]) -> Vec<u8> {
    let mut text = HEADER.to_string();
    for row in rows {
        text.push_str("\r\n");
        text.push_str(row);
    }
    text.into_bytes()
}

/// The rows of the problems table as (line, column) pairs.
fn problem_cells(html: &str) -> Vec<(String, String)> {
    let Some(start) = html.find("id=\"import-problems\"") else {
        return Vec::new();
    };
    let table = &html[start..html[start..].find("</table>").unwrap() + start];
    table
        .split("<tr><td class=\"numeric\">")
        .skip(1)
        .map(|row| {
            let line = row[..row.find('<').unwrap()].to_string();
            let code = row.split("<code>").nth(1).unwrap();
            (line, code[..code.find('<').unwrap()].to_string())
        })
        .collect()
}

both_backends!(
    a_valid_file_imports_and_importing_it_again_changes_nothing,
    every_bad_file_is_refused_whole_with_its_lines_and_columns,
    the_example_file_and_the_export_download_as_csv,
    in_welsh_the_example_and_the_export_have_welsh_column_names_and_import_back,
    a_staff_file_far_larger_than_a_form_imports,
    people_missing_from_the_file_are_asked_about_and_marked_as_left_only_when_chosen,
    marking_more_than_half_as_left_needs_the_box_ticked,
    the_check_page_is_in_welsh,
);

/// Everyone as a staff file, less its last `drop` people, and the numbers of those left out.
async fn export_without(app: &TestApp, client: &Client, drop: usize) -> (Vec<u8>, Vec<String>) {
    let exported = app
        .get(client, "/export/staff.csv")
        .await
        .text()
        .await
        .unwrap();
    let mut lines: Vec<&str> = exported.split("\r\n").filter(|l| !l.is_empty()).collect();
    let dropped = lines
        .split_off(lines.len() - drop)
        .iter()
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    (lines.join("\r\n").into_bytes(), dropped)
}

async fn left_on(app: &TestApp, number: &str) -> Option<String> {
    let id = app.person_id(number).await;
    app.store()
        .person(app.org, id)
        .await
        .unwrap()
        .left_on
        .map(skillgym_domain::people::format_date)
}

fn today() -> String {
    skillgym_domain::people::format_date(time::OffsetDateTime::now_utc().date())
}

async fn people_missing_from_the_file_are_asked_about_and_marked_as_left_only_when_chosen(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let (staff, dropped) = export_without(&app, &admin, 3).await;
    for number in &dropped {
        assert_eq!(left_on(&app, number).await, None, "{number} has not left");
    }
    let (status, path) = send(&app, &admin, staff.clone()).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{path}");
    assert!(path.starts_with("/import/staff/"), "{path}");
    let html = app.page(&admin, &path).await;
    assert!(
        html.contains("3 people in skillgym are not in this file."),
        "{html}"
    );
    assert!(html.contains("id=\"absent-people\""));
    for number in &dropped {
        assert!(
            html.contains(&format!("<code>{number}</code>")),
            "{number} listed"
        );
    }
    assert!(
        html.contains("value=\"keep\" checked"),
        "keeping them is the default"
    );
    assert!(html.contains("Mark them as having left on"));
    assert!(!html.contains("id=\"absent-most\""), "3 is not most");

    let (status, html) = answer(&app, &admin, &path, &[("absent", "keep")]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("id=\"import-absent-kept\""), "{html}");
    for number in &dropped {
        assert_eq!(
            left_on(&app, number).await,
            None,
            "{number} kept as they are"
        );
    }
    assert_eq!(
        app.get(&admin, &path).await.status(),
        StatusCode::NOT_FOUND,
        "used once"
    );

    let (_, path) = send(&app, &admin, staff.clone()).await;
    let (status, html) = answer(&app, &admin, &path, &[("absent", "left")]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("<span class=\"figure\">3</span> people marked as having left"),
        "{html}"
    );
    for number in &dropped {
        assert_eq!(
            left_on(&app, number).await,
            Some(today()),
            "{number} left today"
        );
    }
    let trail = app.page(&admin, "/audit-trail").await;
    assert!(trail.contains("3 marked as having left"), "{trail}");

    // People marked as left are not asked about again: nothing to ask, imported at once.
    let (status, html) = send(&app, &admin, staff).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("id=\"import-summary\""));
}

async fn marking_more_than_half_as_left_needs_the_box_ticked(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let before = app.people_count().await;
    let cut_short = file(&[
        "W0001,Gwen,Parry,gwen.parry@example.org,employee,Library Assistant,frontline,22.5,,,,CEN",
    ]);
    let (status, path) = send(&app, &admin, cut_short).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = app.page(&admin, &path).await;
    assert!(html.contains("id=\"absent-most\""), "{html}");
    assert!(html.contains("more than half"));
    let marker = "name=\"confirm_for\" value=\"";
    let at = html.find(marker).unwrap() + marker.len();
    let count = html[at..at + html[at..].find('"').unwrap()].to_string();

    let (status, html) = answer(&app, &admin, &path, &[("absent", "left")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("class=\"error-summary\""));
    assert!(html.contains("Tick the box to confirm"), "{html}");
    assert_eq!(app.people_count().await, before, "nothing written");
    let (leavers, _) = app
        .store()
        .leavers(app.org, time::OffsetDateTime::now_utc().date())
        .await
        .unwrap();

    let (status, html) = answer(
        &app,
        &admin,
        &path,
        &[("absent", "left"), ("confirm", "yes"), ("confirm_for", "1")],
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "ticked for another figure"
    );
    assert!(html.contains("Tick the box to confirm"));

    let (status, html) = answer(
        &app,
        &admin,
        &path,
        &[
            ("absent", "left"),
            ("confirm", "yes"),
            ("confirm_for", &count),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains(&format!(
        "<span class=\"figure\">{count}</span> people marked as having left"
    )));
    assert_eq!(app.people_count().await, before + 1);
    let (now_left, _) = app
        .store()
        .leavers(app.org, time::OffsetDateTime::now_utc().date())
        .await
        .unwrap();
    assert_eq!(now_left, leavers + count.parse::<i64>().unwrap());
}

async fn the_check_page_is_in_welsh(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    app.post(&admin, "/language", &[("lang", "cy")]).await;
    let (staff, _) = export_without(&app, &admin, 2).await;
    let (status, path) = send(&app, &admin, staff).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = app.page(&admin, &path).await;
    for welsh in [
        "Mae dau berson yn skillgym nad ydyn nhw yn y ffeil hon.",
        "Beth ddylai ddigwydd",
        "Eu gadael fel y maen nhw",
        "Nodi eu bod wedi gadael ar",
        "Rhif cyflogai",
    ] {
        assert!(html.contains(welsh), "{welsh} in {html}");
    }
    assert!(!html.contains("Leave them as they are"));
}

async fn a_valid_file_imports_and_importing_it_again_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let before = app.people_count().await;
    let staff = file(&[
        "W0001,Gwen,Parry,gwen.parry@example.org,employee,Library Assistant,frontline,22.5,2023-09-01,W0002,Web team,CEN",
        "W0002,Huw,Bowen,huw.bowen@example.org,employee,Branch Manager,manager,37,2015-04-01,,Web team,CEN",
        "W0003,Mair,Lloyd,,volunteer,Digital Buddy,frontline,3,,W0002,,CEN",
    ]);
    let (status, html) = upload(&app, &admin, staff.clone()).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("id=\"import-summary\""));
    assert!(html.contains("<span class=\"figure\">3</span> people added"));
    assert!(html.contains("Web team"), "the new team is named");
    assert_eq!(app.people_count().await, before + 3);

    let (status, html) = upload(&app, &admin, staff).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<span class=\"figure\">0</span> people added"));
    assert!(html.contains("<span class=\"figure\">0</span> people updated"));
    assert_eq!(app.people_count().await, before + 3);
    let found = app.page(&admin, "/people?q=W0003").await;
    assert!(found.contains("Mair Lloyd") && found.contains("Volunteer"));
}

async fn every_bad_file_is_refused_whole_with_its_lines_and_columns(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let before = app.people_count().await;
    let good =
        "X0001,Ok,Person,ok.person@example.org,employee,Library Assistant,frontline,18,,,,CEN";
    // (what is wrong, the file, the (line, column) pairs the page must name)
    type Case<'a> = (&'a str, Vec<u8>, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (
            "a missing column",
            b"employee_number,given_name,family_name,email,employment,job_role,job_family,contracted_hours,start_date,line_manager,team\nX1,A,B,,employee,R,frontline,1,,,\n".to_vec(),
            vec![("1", "sites")],
        ),
        (
            "a bad email",
            file(&[good, "X0002,Bad,Email,bad@,employee,Library Assistant,frontline,18,,,,CEN"]),
            vec![("3", "email")],
        ),
        (
            "an unknown site",
            file(&[good, "X0003,No,Site,,volunteer,Digital Buddy,frontline,4,,,,NOPE"]),
            vec![("3", "sites")],
        ),
        (
            "a duplicate employee number",
            file(&[good, "X0001,Same,Number,same@example.org,employee,Library Assistant,frontline,18,,,,CEN"]),
            vec![("3", "employee_number")],
        ),
        (
            "several problems at once",
            file(&[
                "X0004,,Person,,employee,Library Assistant,frontline,18,,,,CEN",
                good,
                "X0005,Too,Long,,employee,Library Assistant,frontline,60,2024-13-01,,,CEN",
            ]),
            vec![("2", "given_name"), ("4", "contracted_hours"), ("4", "start_date")],
        ),
    ];
    for (what, bytes, expected) in cases {
        let (status, html) = upload(&app, &admin, bytes).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{what}");
        assert!(html.contains("class=\"error-summary\""), "{what}");
        assert!(!html.contains("id=\"import-summary\""), "{what}");
        let cells = problem_cells(&html);
        for (line, column) in expected {
            assert!(
                cells.contains(&(line.to_string(), column.to_string())),
                "{what}: expected line {line} column {column} in {cells:?}"
            );
        }
        assert_eq!(app.people_count().await, before, "{what}: nothing written");
    }
    // Problems about the whole file are in the summary, not the table.
    let whole_file: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "wrong encoding",
            b"employee_number,given_name\nX1,Sin\xe9ad\n".to_vec(),
            "not saved as UTF-8",
        ),
        ("no rows", HEADER.as_bytes().to_vec(), "no people"),
        ("empty", Vec::new(), "Choose a staff file"),
    ];
    for (what, bytes, message) in whole_file {
        let (status, html) = upload(&app, &admin, bytes).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{what}");
        assert!(html.contains(message), "{what}: {message}");
        assert_eq!(app.people_count().await, before, "{what}: nothing written");
    }
}

async fn the_example_file_and_the_export_download_as_csv(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let example = app.get(&admin, "/import/staff/example.csv").await;
    assert_eq!(example.headers()["content-type"], "text/csv; charset=utf-8");
    let example = example.bytes().await.unwrap().to_vec();
    let (status, _) = upload(&app, &admin, example).await;
    assert_eq!(status, StatusCode::OK, "the example imports into the demo");
    let export = app.get(&admin, "/export/staff.csv").await;
    assert!(
        export.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("staff.csv")
    );
    let exported = export.bytes().await.unwrap().to_vec();
    let lines = exported.iter().filter(|b| **b == b'\n').count() as i64;
    assert_eq!(lines, app.people_count().await + 1);
    let (status, html) = upload(&app, &admin, exported).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<span class=\"figure\">0</span> people updated"),
        "the export reimports unchanged"
    );
}

async fn in_welsh_the_example_and_the_export_have_welsh_column_names_and_import_back(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let response = app.post(&admin, "/language", &[("lang", "cy")]).await;
    assert!(response.status().is_redirection() || response.status().is_success());

    let example = app.get(&admin, "/import/staff/example.csv").await;
    let example = example.bytes().await.unwrap().to_vec();
    assert!(
        example.starts_with(b"rhif_cyflogai,enw_cyntaf,cyfenw,e_bost,"),
        "the example's header is in Welsh"
    );
    let (status, _) = upload(&app, &admin, example).await;
    assert_eq!(status, StatusCode::OK, "the Welsh example imports");

    let exported = app
        .get(&admin, "/export/staff.csv")
        .await
        .bytes()
        .await
        .unwrap()
        .to_vec();
    assert!(exported.starts_with("\u{FEFF}rhif_cyflogai,".as_bytes()));
    assert!(String::from_utf8_lossy(&exported).contains(",tîm,safleoedd\r\n"));
    let (status, html) = upload(&app, &admin, exported.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<span class=\"figure\">0</span>"),
        "the Welsh export reimports unchanged"
    );

    // A problem names the column as the Welsh file does.
    let text = String::from_utf8(exported).unwrap();
    let mut lines: Vec<&str> = text.split("\r\n").take(2).collect();
    let broken = lines[1].replacen('@', " at ", 1);
    lines[1] = &broken;
    let (status, html) = upload(&app, &admin, lines.join("\r\n").into_bytes()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert_eq!(
        problem_cells(&html),
        [("2".to_string(), "e_bost".to_string())]
    );
}

/// The import route keeps the large body limit that ordinary forms and picture uploads no
/// longer have.
async fn a_staff_file_far_larger_than_a_form_imports(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let before = app.people_count().await;
    let rows: Vec<String> = (0..40_000)
        .map(|n| {
            format!(
                "L{n:06},Gwen,Parry,gwen.parry.{n}@example.org,employee,Library Assistant,\
                 frontline,22.5,2023-09-01,,Large team,CEN"
            )
        })
        .collect();
    let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
    let staff = file(&refs);
    assert!(staff.len() > 4 * 1024 * 1024, "{} bytes", staff.len());
    let (status, html) = upload(&app, &admin, staff).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("<span class=\"figure\">40,000</span> people added")
            || html.contains("<span class=\"figure\">40000</span> people added"),
        "{html}"
    );
    assert_eq!(app.people_count().await, before + 40_000);
}
