//! Importing a staff file on the web: the same checks as the command line, shown on the page.

mod common;

use common::{TestApp, spawn_app};
use reqwest::{Client, StatusCode};
use skillgym_test_db::{Backend, both_backends};

const HEADER: &str = "employee_number,given_name,family_name,email,employment,job_role,job_family,contracted_hours,start_date,line_manager,team,sites";

async fn upload(app: &TestApp, client: &Client, bytes: Vec<u8>) -> (StatusCode, String) {
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
);

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
