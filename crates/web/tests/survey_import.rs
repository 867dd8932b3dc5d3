//! Importing the responses of a survey run elsewhere, from the campaign page: upload, match
//! the columns, import; the same file twice replaces rather than adds.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::{Client, StatusCode};
use skillgym_domain::audit::survey::PROBLEM_CODES;
use skillgym_domain::{CampaignId, PersonId};
use skillgym_i18n::{Lang, Tr};
use skillgym_store::{Campaign, PersonFilter};
use skillgym_test_db::{Backend, both_backends};

const METADATA: &str = "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1";

/// A fresh copy of the demo's campaign, which nobody has answered yet.
async fn fresh_campaign(app: &TestApp, admin: &Client) -> Campaign {
    campaign_opening(app, admin, "2025-01-01").await
}

/// A fresh copy of the demo's campaign opening on `opens_on`, for a month.
async fn campaign_opening(app: &TestApp, admin: &Client, opens_on: &str) -> Campaign {
    let original = app.store().campaigns(app.org).await.unwrap()[0].id;
    let closes_on = opens_on.replacen("-01-", "-02-", 1);
    let response = app
        .post(
            admin,
            &format!("/campaigns/{original}/clone"),
            &[("opens_on", opens_on), ("closes_on", &closes_on)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let id: i64 = location(&response)
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    app.store().campaign(app.org, CampaignId(id)).await.unwrap()
}

/// People with an email address: (id, email).
async fn people_with_email(app: &TestApp, n: usize) -> Vec<(PersonId, String)> {
    let filter = PersonFilter {
        limit: 100,
        ..PersonFilter::default()
    };
    let mut out = Vec::new();
    for p in app.store().people(app.org, &filter).await.unwrap().0 {
        let record = app.store().person(app.org, p.id).await.unwrap();
        if let Some(email) = record.email {
            out.push((p.id, email));
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// A SurveyMonkey export rating the campaign's first two competences, answering its
/// single-choice question and first knowledge-round question, one row per (email, cells).
fn surveymonkey(campaign: &Campaign, rows: &[(&str, &str)]) -> Vec<u8> {
    let competences: Vec<_> = campaign.areas.iter().flat_map(|a| &a.competences).collect();
    let single = &campaign
        .questions
        .iter()
        .find(|(_, q)| q.kind.as_str() == "single")
        .unwrap()
        .1;
    let quiz = &campaign.quiz[0].1;
    let mut text = format!(
        "{METADATA},How strong are you at each of these?,,\"{}\",\"{}\"\n,,,,,,,,,\"{}\",\"{}\",Response,Response\n",
        single.prompt.en, quiz.prompt.en, competences[0].title.en, competences[1].title.en
    );
    for (i, (email, cells)) in rows.iter().enumerate() {
        text.push_str(&format!(
            "{},4321,03/01/2024,03/01/2024,10.0.0.1,{email},,,,{cells}\n",
            114_000_001 + i
        ));
    }
    text.into_bytes()
}

async fn upload(
    app: &TestApp,
    client: &Client,
    campaign: CampaignId,
    bytes: Vec<u8>,
    mapping: &str,
) -> reqwest::Response {
    let csrf = app.csrf(client).await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf)
        .text("mapping", mapping.to_string())
        .part(
            "survey_file",
            reqwest::multipart::Part::bytes(bytes).file_name("responses.csv"),
        );
    client
        .post(format!("{}/campaigns/{campaign}/import", app.url))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The value each column's select has chosen on the mapping page.
fn chosen(html: &str) -> Vec<(String, String)> {
    html.split("<select id=\"")
        .skip(1)
        .map(|part| {
            let name = part[..part.find('"').unwrap()].to_string();
            let select = &part[..part.find("</select>").unwrap()];
            let value = select
                .split("<option value=\"")
                .skip(1)
                .find(|o| o[..o.find('>').unwrap()].contains(" selected"))
                .map(|o| o[..o.find('"').unwrap()].to_string())
                .unwrap_or_default();
            (name, value)
        })
        .collect()
}

/// Uploads, then submits the mapping page as it is pre-filled (with `extra` fields).
async fn import(
    app: &TestApp,
    client: &Client,
    campaign: CampaignId,
    bytes: Vec<u8>,
    mapping: &str,
    extra: &[(&str, &str)],
) -> (StatusCode, String) {
    let response = upload(app, client, campaign, bytes, mapping).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "the upload is kept"
    );
    let path = location(&response).to_string();
    assert!(
        path.starts_with(&format!("/campaigns/{campaign}/import/")),
        "{path}"
    );
    let html = app.page(client, &path).await;
    let mut fields = chosen(&html);
    let base = html
        .split("name=\"base\" value=\"")
        .nth(1)
        .map(|b| b[..b.find('"').unwrap()].to_string())
        .unwrap_or_default();
    fields.push(("base".into(), base));
    for (k, v) in extra {
        fields.push((k.to_string(), v.to_string()));
    }
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let action = path.split('?').next().unwrap();
    let response = app.post(client, action, &refs).await;
    (response.status(), response.text().await.unwrap())
}

/// The rows of the problems table as (line, column letter).
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
            let column = code[..code.find('<').unwrap()].to_string();
            (line, column.split(':').next().unwrap().to_string())
        })
        .collect()
}

async fn imported(app: &TestApp, campaign: CampaignId) -> i64 {
    skillgym_test_db::oracle::response_sources(&app.db, campaign)
        .await
        .unwrap()
        .get("import")
        .copied()
        .unwrap_or(0)
}

both_backends!(
    an_export_imports_once_and_importing_it_again_replaces_it,
    bad_exports_are_refused_whole_with_their_lines_and_columns,
    an_export_without_names_imports_anonymously,
    responses_imported_without_names_count_as_asked_and_finished,
    responses_imported_without_names_are_compared_by_the_campaigns_questions,
);

async fn an_export_imports_once_and_importing_it_again_replaces_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let campaign = fresh_campaign(&app, &admin).await;
    let page = app
        .page(&admin, &format!("/campaigns/{}", campaign.id))
        .await;
    assert!(page.contains(&format!("href=\"/campaigns/{}/import\"", campaign.id)));
    let form = app
        .page(&admin, &format!("/campaigns/{}/import", campaign.id))
        .await;
    assert!(form.contains("name=\"survey_file\""));

    let people = people_with_email(&app, 2).await;
    let single = &campaign
        .questions
        .iter()
        .find(|(_, q)| q.kind.as_str() == "single")
        .unwrap()
        .1;
    let quiz = &campaign.quiz[0].1;
    let right = quiz.options.iter().position(|o| o.correct).unwrap();
    let cells_1 = format!(
        "1 - not strong,Not sure,\"{}\",\"{}\"",
        single.options[2].en, quiz.options[right].text.en
    );
    let cells_2 = "5 - very strong,3 - about average,,".to_string();
    let file = surveymonkey(
        &campaign,
        &[(&people[0].1, &cells_1), (&people[1].1, &cells_2)],
    );

    // The columns are guessed from their headings.
    let response = upload(&app, &admin, campaign.id, file.clone(), "").await;
    let html = app.page(&admin, location(&response)).await;
    let competences: Vec<_> = campaign.areas.iter().flat_map(|a| &a.competences).collect();
    let guessed = chosen(&html);
    assert_eq!(guessed[5].1, "email");
    assert_eq!(guessed[9].1, format!("competence:{}", competences[0].code));
    assert_eq!(guessed[10].1, format!("competence:{}", competences[1].code));
    assert_eq!(guessed[11].1, format!("question:{}", single.code));
    assert_eq!(guessed[12].1, format!("quiz:{}", quiz.code));
    assert!(html.contains(&people[0].1), "the first rows are shown");

    let (status, html) = import(
        &app,
        &admin,
        campaign.id,
        file.clone(),
        "",
        &[("save_as", "Spring survey")],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("<span class=\"figure\">2</span> responses added"),
        "{html}"
    );
    assert!(html.contains("Spring survey"));
    assert_eq!(imported(&app, campaign.id).await, 2);
    let response = app
        .store()
        .response_of(campaign.id, people[0].0)
        .await
        .unwrap()
        .unwrap();
    assert!(response.submitted);
    let answers = app.store().response_answers(response.id).await.unwrap();
    assert_eq!(
        answers.ratings[&competences[0].id],
        skillgym_domain::audit::Rating::Level(1)
    );
    assert_eq!(
        answers.ratings[&competences[1].id],
        skillgym_domain::audit::Rating::NotSure
    );
    let (item_id, _) = &campaign.quiz[0];
    assert_eq!(answers.quiz[item_id], (vec![right], true));
    assert_eq!(answers.profile.values().next().unwrap(), "2");

    // Again, with the saved mapping: the same two responses, replaced.
    let (status, html) = import(&app, &admin, campaign.id, file, "Spring survey", &[]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("<span class=\"figure\">0</span> responses added"));
    assert!(html.contains("<span class=\"figure\">2</span> responses updated"));
    assert_eq!(
        imported(&app, campaign.id).await,
        2,
        "nothing counted twice"
    );
    let summary = app.store().campaigns(app.org).await.unwrap();
    let summary = summary.iter().find(|c| c.id == campaign.id).unwrap();
    assert_eq!(summary.submitted, 2);
}

async fn bad_exports_are_refused_whole_with_their_lines_and_columns(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let campaign = fresh_campaign(&app, &admin).await;
    let people = people_with_email(&app, 1).await;
    let file = surveymonkey(
        &campaign,
        &[
            (&people[0].1, "1,2,,"),
            ("not-an-email", "7 - superb,2,Sometimes,"),
        ],
    );
    let (status, html) = import(&app, &admin, campaign.id, file, "", &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("class=\"error-summary\""));
    let cells = problem_cells(&html);
    assert_eq!(
        cells,
        vec![
            ("4".to_string(), "F".to_string()),
            ("4".to_string(), "J".to_string()),
            ("4".to_string(), "L".to_string())
        ]
    );
    assert_eq!(imported(&app, campaign.id).await, 0, "nothing written");
    // Respondents are matched once every row is good: one unknown stops the whole import.
    let file = surveymonkey(
        &campaign,
        &[(&people[0].1, "1,2,,"), ("nobody@example.org", "1,2,,")],
    );
    let (status, html) = import(&app, &admin, campaign.id, file, "", &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert_eq!(
        problem_cells(&html),
        vec![("4".to_string(), "F".to_string())]
    );
    assert!(html.contains("Nobody in skillgym has nobody@example.org"));
    assert_eq!(imported(&app, campaign.id).await, 0, "nothing written");

    // Unreadable files are refused at upload, with nothing kept.
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "wrong encoding",
            b"Email,Rating\nSin\xe9ad,1\n".to_vec(),
            "not saved as UTF-8",
        ),
        (
            "no rows",
            b"Email,Rating\n".to_vec(),
            "headings but no responses",
        ),
        ("empty", Vec::new(), "Choose an export file"),
    ];
    for (what, bytes, message) in cases {
        let response = upload(&app, &admin, campaign.id, bytes, "").await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{what}"
        );
        let html = response.text().await.unwrap();
        assert!(html.contains(message), "{what}: {message}");
    }

    // Someone who already answered in skillgym is not answered for again.
    let demo = app.store().campaigns(app.org).await.unwrap()[1].id;
    let demo = app.store().campaign(app.org, demo).await.unwrap();
    let mut answered = None;
    for (id, email) in people_with_email(&app, 60).await {
        if app
            .store()
            .response_of(demo.id, id)
            .await
            .unwrap()
            .is_some()
        {
            answered = Some(email);
            break;
        }
    }
    let answered = answered.expect("the demo has responses");
    let file = surveymonkey(&demo, &[(&answered, "1,2,,")]);
    let before = skillgym_test_db::oracle::response_sources(&app.db, demo.id)
        .await
        .unwrap();
    let (status, html) = import(&app, &admin, demo.id, file, "", &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("has already answered this campaign"),
        "{html}"
    );
    assert_eq!(
        skillgym_test_db::oracle::response_sources(&app.db, demo.id)
            .await
            .unwrap(),
        before
    );
}

async fn an_export_without_names_imports_anonymously(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let campaign = fresh_campaign(&app, &admin).await;
    let competences: Vec<_> = campaign.areas.iter().flat_map(|a| &a.competences).collect();
    let file = format!(
        "Start time,\"{}\",\"{}\"\n1/3/24,4,N/A\n2/3/24,2,1\n",
        competences[0].title.en, competences[1].title.en
    );
    let (status, html) = import(
        &app,
        &admin,
        campaign.id,
        file.clone().into_bytes(),
        "",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("<span class=\"figure\">2</span> responses added"));
    // Rows without an id are known by their content: the same file again adds nothing.
    let (_, html) = import(&app, &admin, campaign.id, file.into_bytes(), "", &[]).await;
    assert!(html.contains("<span class=\"figure\">2</span> responses updated"));
    assert_eq!(imported(&app, campaign.id).await, 2);

    // Unknown respondents may be kept without a name.
    let other = fresh_campaign(&app, &admin).await;
    let file = surveymonkey(&other, &[("nobody@example.org", "1,2,,")]);
    let (status, html) = import(
        &app,
        &admin,
        other.id,
        file,
        "",
        &[("unmatched", "anonymous")],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert_eq!(imported(&app, other.id).await, 1);
}

/// "218 of 1 people asked have finished (21800%)" was what a campaign answered only by an
/// anonymous import reported: every rate counts such responses as asked and finished.
async fn responses_imported_without_names_count_as_asked_and_finished(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    // A re-audit after the demo's, so that change over time has one to compare with.
    let campaign = campaign_opening(&app, &admin, "2030-01-01").await;
    let report_path = format!("/campaigns/{}/report", campaign.id);
    let before = app.page(&admin, &report_path).await;
    // Nobody has finished: fewer than the threshold, so only the people asked are shown.
    let audience: u64 = before
        .split("Fewer than 5 of the ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("nobody has answered the fresh campaign");
    // More responses than people asked, none of them named.
    let imported = audience + 10;
    let competences: Vec<_> = campaign.areas.iter().flat_map(|a| &a.competences).collect();
    let mut file = format!(
        "Start time,\"{}\",\"{}\"\n",
        competences[0].title.en, competences[1].title.en
    );
    for i in 0..imported {
        file.push_str(&format!("{i}/3/24,{},2\n", 1 + i % 5));
    }
    let (status, html) = import(&app, &admin, campaign.id, file.into_bytes(), "", &[]).await;
    assert_eq!(status, StatusCode::OK, "{html}");

    let asked = audience + imported;
    let percent = imported * 100 / asked;
    let said = format!("{imported} of {asked} people asked have finished ({percent}%)");
    let outside = format!("and {imported} responses from people it did not ask");
    let report = app.page(&admin, &report_path).await;
    assert!(report.contains(&said), "{said}: {report}");
    assert!(report.contains(&outside) && report.contains(&format!("({audience})")));
    let print = app.page(&admin, &format!("{report_path}/print")).await;
    assert!(print.contains(&said) && print.contains(&outside));
    // Change over time against the demo's campaign it was cloned from.
    let change = app
        .page(&admin, &format!("/campaigns/{}/change", campaign.id))
        .await;
    assert!(
        change.contains(&format!(
            "<td class=\"numeric\">{asked}</td><td class=\"numeric\">{imported}</td><td class=\"numeric\">{percent}%</td>"
        )),
        "{change}"
    );
    assert!(change.contains(&outside));
    let (_, rows) = app
        .csv_file(
            &admin,
            &format!("/campaigns/{}/change.csv?table=rates", campaign.id),
        )
        .await;
    let later = rows.last().unwrap();
    assert_eq!(later[3..5], [asked.to_string(), imported.to_string()]);
    let fraction: f64 = later[5].parse().unwrap();
    assert!((fraction - imported as f64 / asked as f64).abs() < 1e-9);
    // And the JSON report.
    let json = app.report_json(campaign.id).await;
    assert_eq!(json["asked"], asked);
    assert_eq!(json["finished"], imported);
    assert_eq!(json["percent"], percent);
    assert_eq!(json["from_outside_audience"], imported);
    assert_eq!(json["change"]["response_rates"]["later"]["asked"], asked);
}

/// Responses imported without names have no job family, so the default comparison (by job
/// family) would be empty: the page says why, and groups them by a question instead.
async fn responses_imported_without_names_are_compared_by_the_campaigns_questions(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let campaign = fresh_campaign(&app, &admin).await;
    let competences: Vec<_> = campaign.areas.iter().flat_map(|a| &a.competences).collect();
    let single = &campaign
        .questions
        .iter()
        .find(|(_, q)| q.kind.as_str() == "single" && q.options.len() >= 2)
        .unwrap()
        .1;
    let mut file = format!(
        "Start time,\"{}\",\"{}\",\"{}\"\n",
        competences[0].title.en, competences[1].title.en, single.prompt.en
    );
    for i in 0..12 {
        let option = &single.options[i % 2].en;
        file.push_str(&format!(
            "{i}/3/24,{},{},\"{option}\"\n",
            1 + i % 5,
            1 + i % 3
        ));
    }
    let (status, html) = import(&app, &admin, campaign.id, file.into_bytes(), "", &[]).await;
    assert_eq!(status, StatusCode::OK, "{html}");

    let base = format!("/campaigns/{}", campaign.id);
    let compare = app.page(&admin, &format!("{base}/compare")).await;
    assert!(
        compare.contains(&format!(
            "<option value=\"{}\" lang=\"en\" selected>",
            single.code
        )),
        "the first single-choice question is chosen: {compare}"
    );
    assert!(
        compare.contains("No response has a job family"),
        "{compare}"
    );
    assert!(!compare.contains("There are not enough groups big enough to compare"));
    for option in &single.options[..2] {
        assert!(compare.contains(&option.en), "{}", option.en);
    }
    // Asked for by job family, the page says why every response is in no group, and offers
    // the questions.
    let by_family = app
        .page(&admin, &format!("{base}/compare?by=job_family"))
        .await;
    assert!(
        by_family
            .contains("12 of the 12 responses are in no group: they were imported without names"),
        "{by_family}"
    );
    assert!(by_family.contains(&format!("href=\"{base}/compare?by={}\"", single.code)));
    let calibration = app
        .page(&admin, &format!("{base}/calibration?by=employment"))
        .await;
    assert!(calibration.contains("12 of the 12 responses are in no group"));
    assert!(calibration.contains(&format!("href=\"{base}/calibration?by={}\"", single.code)));
    let print = app.page(&admin, &format!("{base}/report/print")).await;
    assert!(print.contains("No response has a job family"));
    // In Welsh too.
    app.post(&admin, "/language", &[("lang", "cy"), ("back", "/")])
        .await;
    let welsh = app
        .page(&admin, &format!("{base}/compare?by=job_family"))
        .await;
    assert!(
        welsh.contains("Nid yw 12 o&#39;r 12 o ymatebion mewn unrhyw grŵp"),
        "{welsh}"
    );
    // The JSON report groups the same way by default.
    let json = app.report_json(campaign.id).await;
    assert_eq!(json["comparison"]["by"], single.code.as_str());
}

#[test]
fn every_survey_import_message_is_in_both_languages() {
    let cli = [
        "cli-survey-checking",
        "cli-survey-done",
        "cli-survey-refused",
        "cli-survey-problem",
        "cli-survey-campaign-unknown",
        "cli-survey-mapping-unreadable",
    ];
    for lang in Lang::OFFERED {
        let tr = Tr::new(lang);
        for code in PROBLEM_CODES.iter().chain(&cli) {
            let text = tr.args(
                code,
                [
                    ("value", "x".into()),
                    ("file", "x".into()),
                    ("id", 1.into()),
                    ("added", 1.into()),
                    ("updated", 1.into()),
                    ("empty", 1.into()),
                    ("count", 1.into()),
                    ("line", 1.into()),
                    ("column", "x".into()),
                    ("message", "x".into()),
                ],
            );
            assert!(
                !text.starts_with('⚠') && text != *code,
                "{code} has no message in {lang:?}"
            );
        }
    }
}
