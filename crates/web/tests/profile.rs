//! A person's profile and the role profiles: who may see a profile, that a manager or admin
//! never sees answers to an anonymous campaign, that viewing someone else's profile is in the
//! audit trail, that the figures follow from the answers and targets, and that admins set the
//! targets through one form that refuses bad levels.

mod common;

use common::{TestApp, csrf_in, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::analysis::AnonymityThreshold;
use skillgym_domain::{CampaignId, Email, PersonId};
use skillgym_i18n::{Lang, Tr};
use skillgym_store::{Actor, AuditAction, AuditFilter, PersonFilter};
use skillgym_test_db::{Backend, both_backends};
use std::collections::HashMap;

async fn person_of(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

/// Someone the demo manager manages who finished both campaigns.
async fn managed_respondent(app: &TestApp) -> PersonId {
    let manager = person_of(app, "manager@afon.example").await;
    let filter = PersonFilter {
        managed_by: Some(manager),
        limit: 500,
        ..PersonFilter::default()
    };
    for p in app.store().people(app.org, &filter).await.unwrap().0 {
        if app
            .store()
            .answered_campaigns(app.org, p.id)
            .await
            .unwrap()
            .len()
            == 2
        {
            return p.id;
        }
    }
    panic!("the demo manager manages someone who answered both campaigns")
}

async fn profile_views(app: &TestApp, person: PersonId) -> Vec<String> {
    let filter = AuditFilter {
        person: Some(person),
        action: Some(AuditAction::PersonViewed),
        limit: 100,
        ..AuditFilter::default()
    };
    app.store()
        .audit_events(app.org, &filter)
        .await
        .unwrap()
        .0
        .into_iter()
        .filter(|e| e.subject.as_ref().is_some_and(|(id, _)| *id == person))
        .map(|e| e.detail)
        .filter(|d| d.contains("view=profile"))
        .collect()
}

both_backends!(
    the_person_their_manager_and_admins_see_a_profile,
    anonymous_answers_are_shown_only_to_the_respondent,
    the_figures_follow_from_the_answers_and_the_targets,
    admins_set_target_levels_in_one_form,
    the_csv_headings_are_in_the_readers_language,
    each_wrong_box_has_its_own_error,
    the_json_report_gives_the_profile_pages_figures,
);

/// The profile CSV's headings in English.
const HEADINGS: [&str; 11] = [
    "Competence code",
    "Competence",
    "Area code",
    "Rating",
    "Quiz questions right",
    "Quiz questions asked",
    "Measured level",
    "Target level",
    "Gap",
    "Mean rating in the area",
    "Whole service's mean rating in the area",
];

/// The same headings' message ids.
const HEADING_IDS: [&str; 11] = [
    "analysis-csv-competence-code",
    "report-competence",
    "analysis-csv-area-code",
    "profile-rating",
    "profile-csv-quiz-right",
    "profile-csv-quiz-asked",
    "profile-measured",
    "profile-target",
    "profile-gap",
    "profile-csv-area-mean",
    "profile-csv-service-area-mean",
];

async fn the_person_their_manager_and_admins_see_a_profile(backend: Backend) {
    let app = spawn_app(backend).await;
    let person = managed_respondent(&app).await;
    let path = format!("/people/{person}/profile");
    let manager = app.signed_in("manager@afon.example").await;
    let html = app.page(&manager, &path).await;
    assert!(html.contains("Skills profile:"));
    assert!(html.contains("id=\"profile-competences\"") && html.contains("<svg"));
    let views = profile_views(&app, person).await;
    assert_eq!(views.len(), 1, "the manager's view is in the audit trail");
    assert!(views[0].contains("campaign="), "{}", views[0]);
    let admin = app.signed_in("admin@afon.example").await;
    assert_eq!(app.get(&admin, &path).await.status(), StatusCode::OK);
    assert_eq!(profile_views(&app, person).await.len(), 2);
    // The person page links to it.
    assert!(
        app.page(&manager, &format!("/people/{person}"))
            .await
            .contains(&path)
    );
    // Colleagues who do not manage them are told there is no such page.
    for who in ["learner@afon.example", "champion@afon.example"] {
        let client = app.signed_in(who).await;
        for p in [path.clone(), format!("{path}.csv")] {
            assert_eq!(
                app.get(&client, &p).await.status(),
                StatusCode::NOT_FOUND,
                "{who} {p}"
            );
        }
    }
    // People see their own, from home, and no event is recorded for it.
    let learner = app.signed_in("learner@afon.example").await;
    let me = person_of(&app, "learner@afon.example").await;
    let own = format!("/people/{me}/profile");
    assert!(app.page(&learner, "/").await.contains(&own));
    let html = app.page(&learner, &own).await;
    assert!(html.contains("Your skills profile"));
    assert!(profile_views(&app, me).await.is_empty());
}

async fn anonymous_answers_are_shown_only_to_the_respondent(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaigns = app.store().campaigns(app.org).await.unwrap();
    let (later, earlier) = (campaigns[0].id, campaigns[1].id);
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    sqlx::query("UPDATE campaigns SET anonymous = 1 WHERE id = $1")
        .bind(earlier.0)
        .execute(&pool)
        .await
        .unwrap();
    let person = managed_respondent(&app).await;
    for who in ["manager@afon.example", "admin@afon.example"] {
        let client = app.signed_in(who).await;
        let html = app
            .page(&client, &format!("/people/{person}/profile"))
            .await;
        assert!(html.contains(&format!("<option value=\"{later}\"")));
        assert!(
            !html.contains(&format!("<option value=\"{earlier}\"")),
            "{who}"
        );
        for path in [
            format!("/people/{person}/profile?campaign={earlier}"),
            format!("/people/{person}/profile.csv?campaign={earlier}"),
        ] {
            let response = app.get(&client, &path).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{who} {path}");
        }
    }
    // The person themselves still sees theirs: give the respondent an account to sign in.
    let learner = person_of(&app, "learner@afon.example").await;
    let answered = app
        .store()
        .answered_campaigns(app.org, learner)
        .await
        .unwrap();
    if let Some(anonymous) = answered.iter().find(|c| c.id == earlier) {
        assert!(anonymous.anonymous);
        let client = app.signed_in("learner@afon.example").await;
        let html = app
            .page(
                &client,
                &format!("/people/{learner}/profile?campaign={earlier}"),
            )
            .await;
        assert!(html.contains(&format!("<option value=\"{earlier}\"")));
        assert!(html.contains("id=\"profile-competences\""));
    }
}

async fn the_figures_follow_from_the_answers_and_the_targets(backend: Backend) {
    let app = spawn_app(backend).await;
    let later: CampaignId = app.store().campaigns(app.org).await.unwrap()[0].id;
    let person = managed_respondent(&app).await;
    let record = app.store().person(app.org, person).await.unwrap();
    let campaign = app.store().campaign(app.org, later).await.unwrap();
    let answers = app
        .store()
        .person_answers(app.org, later, person)
        .await
        .unwrap()
        .unwrap();
    let targets = app
        .store()
        .role_targets(app.org, campaign.framework_id)
        .await
        .unwrap();
    let admin = app.signed_in("admin@afon.example").await;
    let (header, rows) = app
        .csv_file(
            &admin,
            &format!("/people/{person}/profile.csv?campaign={later}"),
        )
        .await;
    assert_eq!(header, HEADINGS);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let by_code: HashMap<&str, _> = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(|c| (c.code.as_str(), c.id)))
        .collect();
    assert_eq!(rows.len(), by_code.len());
    let html = app
        .page(
            &admin,
            &format!("/people/{person}/profile?campaign={later}"),
        )
        .await;
    for row in &rows {
        let id = by_code[row[col("Competence code")].as_str()];
        let rating = answers.ratings.get(&id).copied();
        assert_eq!(
            row[col("Rating")],
            rating
                .map(|r| r.level().map_or("Not sure".into(), |l| l.to_string()))
                .unwrap_or_default()
        );
        let quiz: Vec<bool> = answers
            .quiz
            .iter()
            .filter(|(c, _)| *c == id)
            .map(|(_, r)| *r)
            .collect();
        let level = rating.and_then(|r| r.level()).map(f64::from);
        let measured = if quiz.is_empty() {
            level
        } else {
            let q = 1.0 + 4.0 * quiz.iter().filter(|r| **r).count() as f64 / quiz.len() as f64;
            Some(level.map_or(q, |l| (2.0 * q + l) / 3.0))
        };
        let target = targets.get(&(id, record.job_family)).map(|t| t.level());
        assert_eq!(
            row[col("Target level")],
            target.map(|t| t.to_string()).unwrap_or_default()
        );
        match (target, measured) {
            (Some(t), Some(m)) => {
                let gap: f64 = row[col("Gap")].parse().unwrap();
                assert!((gap - (f64::from(t) - m)).abs() < 1e-6, "{row:?}");
                let start = html
                    .find(&format!("data-competence=\"{}\"", row[0]))
                    .unwrap();
                let tr = &html[start..start + html[start..].find("</tr>").unwrap()];
                if gap > 0.0 {
                    assert!(tr.contains(&format!("<strong>{gap:+.1}</strong>")), "{tr}");
                }
            }
            _ => assert_eq!(row[col("Gap")], ""),
        }
    }
}

async fn admins_set_target_levels_in_one_form(backend: Backend) {
    let app = spawn_app(backend).await;
    let framework = app.store().frameworks(app.org).await.unwrap()[0].id;
    let before = app.store().role_targets(app.org, framework).await.unwrap();
    let manager = app.signed_in("manager@afon.example").await;
    assert_eq!(
        app.get(&manager, "/role-profiles").await.status(),
        StatusCode::FORBIDDEN
    );
    let admin = app.signed_in("admin@afon.example").await;
    assert!(
        app.page(&admin, "/frameworks")
            .await
            .contains("/role-profiles")
    );
    let html = app.page(&admin, "/role-profiles").await;
    let csrf = csrf_in(&html);
    // Every box as shown, so posting the form back unchanged changes nothing.
    let mut fields: Vec<(String, String)> = vec![
        ("csrf".into(), csrf),
        ("framework".into(), framework.to_string()),
    ];
    let mut rest = html.as_str();
    while let Some(at) = rest.find("<input id=\"t-") {
        rest = &rest[at + "<input id=\"".len()..];
        let name = &rest[..rest.find('"').unwrap()];
        let value_at = rest.find("value=\"").unwrap() + "value=\"".len();
        let value = &rest[value_at..value_at + rest[value_at..].find('"').unwrap()];
        fields.push((name.to_string(), value.to_string()));
    }
    assert_eq!(
        fields.iter().filter(|(_, v)| !v.is_empty()).count() - 2,
        before.len()
    );
    let post = |fields: Vec<(String, String)>| {
        let admin = admin.clone();
        let url = format!("{}/role-profiles", app.url);
        async move { admin.post(url).form(&fields).send().await.unwrap() }
    };
    // A bad level: the form comes back with an error summary linking to the box.
    let mut bad = fields.clone();
    let (name, _) = bad[2].clone();
    bad[2].1 = "7".into();
    bad[3].1 = "two".into();
    let response = post(bad).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("error-summary") && html.contains(&format!("href=\"#{name}\"")));
    assert!(html.contains("value=\"7\""), "what was typed is kept");
    assert_eq!(
        app.store().role_targets(app.org, framework).await.unwrap(),
        before
    );
    // Clearing one box and setting another to 5 saves both.
    let mut good = fields.clone();
    good[2].1 = String::new();
    good[3].1 = "5".into();
    let response = post(good).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).contains("saved=1"));
    let after = app.store().role_targets(app.org, framework).await.unwrap();
    let key = |name: &str| {
        let parts: Vec<&str> = name.splitn(3, '-').collect();
        let family = skillgym_domain::JobFamily::parse(parts[2]).unwrap();
        (
            skillgym_domain::CompetenceId(parts[1].parse().unwrap()),
            family,
        )
    };
    assert!(!after.contains_key(&key(&fields[2].0)));
    assert_eq!(after[&key(&fields[3].0)].level(), 5);
    assert_eq!(
        after.len(),
        before.len() - usize::from(before.contains_key(&key(&fields[2].0)))
            + usize::from(!before.contains_key(&key(&fields[3].0)))
    );
    let html = app
        .page(
            &admin,
            &format!("/role-profiles?framework={framework}&saved=1"),
        )
        .await;
    assert!(html.contains("The target levels are saved."));
}

/// The CSV is headed in the words of the page's tables, in the reader's language; a service
/// mean kept back for anonymity says so, as on the page.
async fn the_csv_headings_are_in_the_readers_language(backend: Backend) {
    let app = spawn_app(backend).await;
    // Too high for any area's service mean to be shown.
    app.store()
        .change_anonymity_threshold(
            app.org,
            AnonymityThreshold::new(50).unwrap(),
            Actor::CommandLine,
        )
        .await
        .unwrap();
    let person = managed_respondent(&app).await;
    let path = format!("/people/{person}/profile.csv");
    let admin = app.signed_in("admin@afon.example").await;
    let (english, rows) = app.csv_file(&admin, &path).await;
    assert_eq!(english, HEADINGS);
    assert!(rows.iter().all(|r| r[10] == "hidden"), "{rows:?}");

    app.post(&admin, "/language", &[("lang", "cy")]).await;
    let cy = Tr::new(Lang::Cy);
    let (welsh, rows) = app.csv_file(&admin, &path).await;
    assert_eq!(welsh, HEADING_IDS.map(|id| cy.t(id)));
    assert_eq!(welsh[3], "Sgôr");
    assert_eq!(welsh[7], "Lefel darged");
    for (en, cy) in english.iter().zip(&welsh) {
        assert_ne!(en, cy, "in Welsh");
    }
    for row in &rows {
        assert_eq!(row[10], "cudd");
        // Numbers keep their point; a person's own mean is never hidden from them.
        if !row[9].is_empty() {
            row[9].parse::<f64>().unwrap();
        }
        assert!(
            ["", "1", "2", "3", "4", "5", "Ddim yn siŵr"].contains(&row[3].as_str()),
            "{row:?}"
        );
    }
}

/// Errors as (field id, text) pairs.
type Errors = Vec<(String, String)>;

/// The error summary's entries (by the field each links to) and the messages beside the boxes.
fn error_entries(html: &str) -> (Errors, Errors) {
    let unescape = |t: &str| {
        t.replace("&#39;", "'")
            .replace("&#34;", "\"")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    };
    let summary = &html[html.find("class=\"error-summary\"").expect("a summary")..];
    let summary = &summary[..summary.find("</ul>").unwrap()];
    let mut entries = Vec::new();
    let mut rest = summary;
    while let Some(at) = rest.find("<li><a href=\"#") {
        rest = &rest[at + "<li><a href=\"#".len()..];
        let field = &rest[..rest.find('"').unwrap()];
        let text_at = rest.find('>').unwrap() + 1;
        let text = &rest[text_at..text_at + rest[text_at..].find("</a>").unwrap()];
        entries.push((field.to_string(), unescape(text)));
    }
    let mut beside = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<p class=\"error-message\" id=\"") {
        rest = &rest[at + "<p class=\"error-message\" id=\"".len()..];
        let field = rest[..rest.find('"').unwrap()].trim_end_matches("-error");
        let text_at = rest.find("</span>").unwrap() + "</span>".len();
        let text = &rest[text_at..text_at + rest[text_at..].find("</p>").unwrap()];
        beside.push((field.to_string(), unescape(text.trim())));
    }
    (entries, beside)
}

/// Two wrong boxes: each entry of the summary links to its own box and names it (competence
/// and job family), in the same words as beside the box, in English and in Welsh.
async fn each_wrong_box_has_its_own_error(backend: Backend) {
    let app = spawn_app(backend).await;
    let framework = app.store().frameworks(app.org).await.unwrap()[0].id;
    let stored = app.store().framework(app.org, framework).await.unwrap();
    let title_of: HashMap<i64, &skillgym_domain::audit::Localised> = stored
        .framework
        .areas
        .iter()
        .flat_map(|a| a.competences.iter())
        .filter_map(|c| Some((stored.competence_ids.get(&c.code)?.0, &c.title)))
        .collect();
    let admin = app.signed_in("admin@afon.example").await;
    for lang in [Lang::En, Lang::Cy] {
        app.post(&admin, "/language", &[("lang", lang.code())])
            .await;
        let html = app.page(&admin, "/role-profiles").await;
        let mut names = Vec::new();
        let mut rest = html.as_str();
        while let Some(at) = rest.find("<input id=\"t-") {
            rest = &rest[at + "<input id=\"".len()..];
            names.push(rest[..rest.find('"').unwrap()].to_string());
        }
        // The first competence for frontline staff, and the second for specialists.
        let (first, second) = (names[0].clone(), names[6].clone());
        let fields = vec![
            ("csrf".to_string(), csrf_in(&html)),
            ("framework".to_string(), framework.to_string()),
            (first.clone(), "0".to_string()),
            (second.clone(), "six".to_string()),
        ];
        let response = admin
            .post(format!("{}/role-profiles", app.url))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        let (entries, beside) = error_entries(&html);
        let tr = Tr::new(lang);
        let expected = |name: &str| {
            let parts: Vec<&str> = name.splitn(3, '-').collect();
            let title = title_of[&parts[1].parse::<i64>().unwrap()].show(lang.code());
            tr.t2(
                "role-profile-level-invalid",
                "competence",
                title.text,
                "family",
                tr.t(&format!("job-family-{}", parts[2])),
            )
        };
        let wanted = vec![
            (first.clone(), expected(&first)),
            (second.clone(), expected(&second)),
        ];
        assert_eq!(entries, wanted, "{lang:?}");
        assert_eq!(beside, wanted, "the same words beside each box");
        assert_ne!(entries[0].1, entries[1].1);
        assert!(
            html.contains(&format!("id=\"{first}\"")) && html.contains(&format!("id=\"{second}\""))
        );
        let family = |f: &str| tr.t(&format!("job-family-{f}"));
        assert!(entries[0].1.contains(&family("frontline")), "{entries:?}");
        assert!(entries[1].1.contains(&family("specialist")), "{entries:?}");
        match lang {
            Lang::Cy => assert!(
                entries[0]
                    .1
                    .starts_with("Rhowch lefel darged o 1 i 5 ar gyfer ")
            ),
            _ => assert!(
                entries[0]
                    .1
                    .starts_with("Enter a target level from 1 to 5 for ")
            ),
        }
    }
}

async fn the_json_report_gives_the_profile_pages_figures(backend: Backend) {
    use skillgym_reporting::{Profiles, ReportOptions};
    let app = spawn_app(backend).await;
    let later: CampaignId = app.store().campaigns(app.org).await.unwrap()[0].id;
    let person = managed_respondent(&app).await;
    let record = app.store().person(app.org, person).await.unwrap();
    let options = ReportOptions {
        profiles: Profiles::Chosen(vec![record.email.clone().unwrap()]),
        ..ReportOptions::default()
    };
    let report = app.report(later, &options).await.unwrap();
    assert_eq!(report.profiled, vec![person]);
    let json = serde_json::to_value(&report).unwrap();
    let profiles = json["profiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 1);
    let profile = &profiles[0];
    assert_eq!(profile["id"], person.0);
    assert_eq!(profile["name"], record.name());
    assert_eq!(profile["answered"], true);

    let admin = app.signed_in("admin@afon.example").await;
    let text = app
        .get(
            &admin,
            &format!("/people/{person}/profile.csv?campaign={later}"),
        )
        .await
        .text()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let competences = profile["competences"].as_array().unwrap();
    assert_eq!(rows.len(), competences.len());
    let number = |cell: &str, value: &serde_json::Value, what: &str| match value.as_f64() {
        None => assert!(cell.is_empty() || cell == "hidden", "{what}: {cell}"),
        Some(v) => {
            let c: f64 = cell.parse().unwrap();
            assert!((c - v).abs() <= 1e-6, "{what}: {v} against {c}");
        }
    };
    let areas: HashMap<&str, &serde_json::Value> = profile["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["code"].as_str().unwrap(), a))
        .collect();
    let mut short = Vec::new();
    for (row, c) in rows.iter().zip(competences) {
        let code = &row[col("Competence code")];
        assert_eq!(code, c["code"].as_str().unwrap());
        assert_eq!(row[col("Area code")], c["area"].as_str().unwrap());
        let rating = match &c["rating"] {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(s) if s == "not_sure" => "Not sure".to_string(),
            serde_json::Value::String(s) => s.clone(),
            n => n.to_string(),
        };
        assert_eq!(row[col("Rating")], rating, "{code}");
        assert_eq!(
            row[col("Quiz questions right")],
            c["quiz"]["right"].to_string().replace("null", "")
        );
        assert_eq!(
            row[col("Quiz questions asked")],
            c["quiz"]["asked"].to_string().replace("null", "")
        );
        assert_eq!(
            row[col("Target level")],
            c["target"].to_string().replace("null", "")
        );
        number(&row[col("Measured level")], &c["measured"], code);
        number(&row[col("Gap")], &c["gap"], code);
        let area = areas[row[col("Area code")].as_str()];
        number(&row[col("Mean rating in the area")], &area["mean"], code);
        number(
            &row[col("Whole service's mean rating in the area")],
            &area["service_mean"],
            code,
        );
        if let Some(gap) = c["gap"].as_f64().filter(|g| *g > 0.0) {
            short.push((gap, code.clone()));
        }
    }
    // The gaps, largest first, as the page lists them.
    short.sort_by(|a, b| b.0.total_cmp(&a.0));
    let gaps: Vec<&str> = profile["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap())
        .collect();
    assert_eq!(gaps.len(), short.len());
    for (code, (gap, _)) in gaps.iter().zip(&short) {
        let at = short.iter().find(|(_, c)| c == code).unwrap();
        assert_eq!(at.0, *gap, "{code} in order");
    }
}
