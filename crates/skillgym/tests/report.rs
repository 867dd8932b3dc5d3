//! `skillgym report CAMPAIGN --format json`, run as another tool would: the figures of the web
//! report, small groups left out, labels in the reader's language.

use serde_json::Value;
use skillgym_domain::analysis::AnonymityThreshold;
use skillgym_domain::analysis::{CampaignFigures, Person};
use skillgym_domain::demo::{self, DemoOptions};
use skillgym_store::{Actor, AuditAction, AuditFilter, NewCampaign};
use skillgym_test_db::{Backend, TestDb, both_backends, oracle};
use std::process::{Command, Output};

fn skillgym(db: &TestDb, args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skillgym"))
        .args(args)
        .env("DATABASE_URL", &db.url)
        .env("SKILLGYM_LOG", "warn")
        .env("SKILLGYM_LANG", lang)
        .output()
        .expect("skillgym runs")
}

both_backends!(the_json_report_gives_the_web_figures);

async fn the_json_report_gives_the_web_figures(backend: Backend) {
    let db = TestDb::new(backend).await;
    let generated = demo::generate(&DemoOptions {
        people: 120,
        seed: 5,
        ..Default::default()
    });
    let org = db
        .store
        .seed_demo(&generated, "not-a-real-hash", &|_| {})
        .await
        .unwrap();
    let campaign = db.store.campaigns(org.id).await.unwrap().remove(0);
    let id = campaign.id.0.to_string();

    let out = skillgym(&db, &["report", &id, "--format", "json"], "en");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["format"], "skillgym-campaign-report/1");
    assert_eq!(json["anonymity_threshold"], 5);

    // The same overview as the web report's, worked out from every rating read row by row.
    let stored = db.store.campaign(org.id, campaign.id).await.unwrap();
    let competences: Vec<_> = stored.areas.iter().flat_map(|a| &a.competences).collect();
    let areas: Vec<usize> = stored
        .areas
        .iter()
        .enumerate()
        .flat_map(|(i, a)| std::iter::repeat_n(i, a.competences.len()))
        .collect();
    let data = oracle::report_data(&db, org.id, campaign.id).await.unwrap();
    let people: Vec<Person> = data
        .asked
        .iter()
        .map(|a| Person {
            sites: a.sites.iter().map(|s| s.0).collect(),
            team: a.team.map(|t| t.0),
            response: a.response,
        })
        .collect();
    let responses: Vec<Vec<_>> = data
        .responses
        .iter()
        .map(|r| competences.iter().map(|c| r.get(&c.id).copied()).collect())
        .collect();
    let figures = CampaignFigures::compute(
        AnonymityThreshold::DEFAULT,
        &areas,
        &people,
        &responses,
        data.ungrouped as u64,
    );
    assert_eq!(json["asked"], figures.rate.asked());
    assert_eq!(json["finished"], serde_json::json!(figures.rate.finished()));
    assert_eq!(json["percent"], serde_json::json!(figures.rate.percent()));
    assert_eq!(
        json["from_outside_audience"],
        serde_json::json!(figures.rate.others())
    );
    for (row, stats) in json["competences"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&figures.overview.competences)
    {
        assert_eq!(row["code"], competences[stats.competence].code.as_str());
        // serde_json reads floats back to within a unit in the last place.
        let (got, want) = (
            row["mean"].as_f64(),
            stats.distribution.and_then(|d| d.mean()),
        );
        assert!(got.zip(want).is_some_and(|(a, b)| (a - b).abs() < 1e-12) || got == want);
        assert_eq!(
            row["counts"]["not_sure"],
            serde_json::json!(stats.distribution.map(|d| d.not_sure))
        );
    }
    assert_eq!(json["weakest"].as_array().unwrap().len(), 5);
    // A group too small to show has no figures, only the reason.
    let sites = json["response_rates"]["by_site"].as_array().unwrap();
    assert!(sites.iter().any(|s| s["hidden"] == "too_small"));
    for s in sites {
        assert_eq!(s["finished"].is_null(), !s["hidden"].is_null(), "{s}");
    }
    for g in json["comparison"]["groups"].as_array().unwrap() {
        assert!(g["respondents"].as_u64().unwrap() >= 5, "{g}");
    }
    for c in json["comparison"]["competences"].as_array().unwrap() {
        for cell in c["groups"].as_object().unwrap().values() {
            assert!(cell.is_null() || cell["n"].as_u64().unwrap() >= 5, "{cell}");
        }
    }
    assert!(
        json["calibration"]["everyone"]["quiz_score"]
            .as_f64()
            .is_some()
    );

    // Another grouping, in Welsh.
    let out = skillgym(&db, &["report", &id, "--by", "employment"], "cy");
    assert!(out.status.success());
    let welsh: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(welsh["language"], "cy");
    assert_eq!(welsh["comparison"]["by"], "employment");
    assert!(
        welsh["comparison"]["groups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["label"] == "Cyflogai"),
        "{}",
        welsh["comparison"]["groups"]
    );

    // A grouping the campaign does not offer, and a campaign that does not exist.
    let out = skillgym(&db, &["report", &id, "--by", "shoe_size"], "en");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("job_family, employment"), "{err}");
    let out = skillgym(&db, &["report", "999999"], "en");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("There is no campaign 999999"));
}

/// The report's JSON, from a run that must succeed.
fn report(db: &TestDb, args: &[&str]) -> Value {
    let out = skillgym(db, args, "en");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

async fn demo_db(backend: Backend) -> (TestDb, skillgym_domain::OrganisationId) {
    let db = TestDb::new(backend).await;
    let generated = demo::generate(&DemoOptions {
        people: 120,
        seed: 5,
        ..Default::default()
    });
    let org = db
        .store
        .seed_demo(&generated, "not-a-real-hash", &|_| {})
        .await
        .unwrap();
    (db, org.id)
}

/// Profile views recorded in the audit trail, as (subject, detail).
async fn profile_views(db: &TestDb, org: skillgym_domain::OrganisationId) -> Vec<(i64, String)> {
    let filter = AuditFilter {
        action: Some(AuditAction::PersonViewed),
        limit: 10_000,
        ..AuditFilter::default()
    };
    db.store
        .audit_events(org, &filter)
        .await
        .unwrap()
        .0
        .into_iter()
        .filter(|e| e.detail.contains("view=profile"))
        .map(|e| (e.subject.map_or(0, |(p, _)| p.0), e.detail))
        .collect()
}

both_backends!(
    change_over_time_is_in_the_report,
    profiles_are_written_only_when_asked_for_and_recorded,
);

async fn change_over_time_is_in_the_report(backend: Backend) {
    let (db, org) = demo_db(backend).await;
    let campaigns = db.store.campaigns(org).await.unwrap();
    let (later, earlier) = (campaigns[0].id, campaigns[1].id);
    let json = report(&db, &["report", &later.to_string()]);
    let change = &json["change"];
    // By default, the campaign the re-audit was copied from.
    assert_eq!(change["earlier"]["id"], earlier.0, "{change}");
    assert!(change["reason"].is_null());
    for (side, id) in [("earlier", earlier), ("later", later)] {
        let data = oracle::change_data(&db, org, id).await.unwrap();
        let rate = &change["response_rates"][side];
        assert_eq!(rate["asked"], data.asked);
        assert_eq!(rate["finished"], data.responses.len());
    }
    assert!(change["people_in_both"].as_u64().unwrap() > 0);
    let rows: Vec<&Value> = ["areas", "competences"]
        .iter()
        .flat_map(|t| change[*t].as_array().unwrap())
        .collect();
    assert!(!rows.is_empty());
    // No figure for fewer than five, and none that would give away the rest.
    for row in &rows {
        let (p, w) = (&row["paired"], &row["whole"]);
        for side in ["before", "after"] {
            assert!(
                w[side].is_null() || w[side]["n"].as_u64().unwrap() >= 5,
                "{row}"
            );
        }
        if !p.is_null() {
            let n = p["n"].as_u64().unwrap();
            assert!(n >= 5, "{row}");
            for side in ["before", "after"] {
                let rest = w[side]["n"].as_u64().unwrap() - n;
                assert!(rest == 0 || rest >= 5, "{row}");
            }
        }
    }
    assert!(
        rows.iter().any(|r| !r["paired"].is_null()),
        "some are shown"
    );

    // The first campaign has nothing before it: why, and no rows.
    let first = report(&db, &["report", &earlier.to_string()]);
    let change = &first["change"];
    assert!(change["earlier"].is_null());
    assert_eq!(change["reason"], "no_earlier_campaign");
    assert!(change["response_rates"]["earlier"].is_null());
    assert!(change["competences"].as_array().unwrap().is_empty());
    // A later campaign is not an earlier one.
    let out = skillgym(
        &db,
        &[
            "report",
            &earlier.to_string(),
            "--earlier",
            &later.to_string(),
        ],
        "en",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no earlier campaign on the same framework"),
        "{err}"
    );

    // --earlier chooses another: a small check of one area years ago that nobody answered.
    let stored = db.store.campaign(org, later).await.unwrap();
    let area = &stored.areas[0];
    let title = skillgym_domain::audit::Localised::new("Email check".to_string(), None);
    let check = db
        .store
        .create_campaign(
            org,
            &NewCampaign {
                framework: stored.framework_id,
                title: title.clone(),
                opens_on: time::macros::date!(2020 - 01 - 06),
                closes_on: time::macros::date!(2020 - 01 - 31),
                anonymous: false,
                competences: area.competences.iter().map(|c| c.id).collect(),
                audience: Default::default(),
                content: skillgym_domain::audit::CampaignContent {
                    title,
                    profile_questions: Vec::new(),
                    quiz: Vec::new(),
                },
                pictures: Vec::new(),
                cloned_from: None,
            },
        )
        .await
        .unwrap();
    let json = report(
        &db,
        &[
            "report",
            &later.to_string(),
            "--earlier",
            &check.to_string(),
        ],
    );
    let change = &json["change"];
    assert_eq!(change["earlier"]["id"], check.0);
    assert_eq!(change["earlier"]["title"], "Email check");
    assert_eq!(change["people_in_both"], 0);
    let codes: Vec<&str> = change["competences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    let wanted: Vec<&str> = area.competences.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, wanted, "only what both asked");
    for c in change["competences"].as_array().unwrap() {
        assert!(
            c["whole"]["before"].is_null() && c["paired"].is_null(),
            "{c}"
        );
        assert!(!c["whole"]["after"].is_null(), "{c}");
    }
    let offered: Vec<i64> = change["offered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(offered, vec![earlier.0, check.0]);

    // With the highest threshold, no figure about fewer than 50 people is shown, and a side
    // hidden takes the difference and the test with it.
    let most = AnonymityThreshold::new(AnonymityThreshold::MAX.into()).unwrap();
    db.store
        .change_anonymity_threshold(org, most, Actor::CommandLine)
        .await
        .unwrap();
    let json = report(&db, &["report", &later.to_string()]);
    assert_eq!(json["anonymity_threshold"], 50);
    for t in ["areas", "competences"] {
        for row in json["change"][t].as_array().unwrap() {
            let w = &row["whole"];
            if let Some(p) = row["paired"].as_object() {
                assert!(p["n"].as_u64().unwrap() >= 50, "{row}");
            }
            for side in ["before", "after"] {
                assert!(
                    w[side].is_null() || w[side]["n"].as_u64().unwrap() >= 50,
                    "{row}"
                );
            }
            if w["before"].is_null() || w["after"].is_null() {
                assert!(
                    w["difference"].is_null() && w["mann_whitney"].is_null(),
                    "{row}"
                );
            }
        }
    }
}

async fn profiles_are_written_only_when_asked_for_and_recorded(backend: Backend) {
    let (db, org) = demo_db(backend).await;
    let campaigns = db.store.campaigns(org).await.unwrap();
    let (later, earlier) = (campaigns[0].id, campaigns[1].id);
    let id = later.to_string();
    // Without asking, no personal data and nothing recorded.
    let json = report(&db, &["report", &id]);
    assert!(json.get("profiles").is_none());
    assert!(profile_views(&db, org).await.is_empty());

    // Someone who answered, by email address, and someone by number.
    let respondents: Vec<i64> = {
        let data = oracle::change_data(&db, org, later).await.unwrap();
        let mut ids: Vec<i64> = data
            .responses
            .iter()
            .filter_map(|r| r.person.map(|p| p.0))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let first = db
        .store
        .person(org, skillgym_domain::PersonId(respondents[0]))
        .await
        .unwrap();
    let email = first.email.clone().unwrap();
    let second = respondents[1].to_string();
    let json = report(
        &db,
        &[
            "report", &id, "--person", &email, "--person", &second, "--person", &email,
        ],
    );
    let profiles = json["profiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 2, "each person once, in the order asked");
    assert_eq!(profiles[0]["id"], first.id.0);
    assert_eq!(profiles[0]["email"], email);
    assert_eq!(profiles[0]["name"], first.name());
    assert_eq!(profiles[1]["id"].to_string(), second);
    for p in profiles {
        assert_eq!(p["answered"], true);
        assert_eq!(
            p["competences"].as_array().unwrap().len(),
            json["competences"].as_array().unwrap().len()
        );
    }
    // Each recorded as a profile view from the command line.
    let views = profile_views(&db, org).await;
    assert_eq!(views.len(), 2, "{views:?}");
    for (person, detail) in &views {
        assert!([first.id.0, respondents[1]].contains(person));
        assert_eq!(
            detail,
            &format!("command-line view=profile campaign={later}")
        );
    }

    // Everyone who finished.
    let json = report(&db, &["report", &id, "--profiles"]);
    let ids: Vec<i64> = json["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, respondents);
    assert_eq!(profile_views(&db, org).await.len(), 2 + respondents.len());

    // Nobody by that name: refused, nothing recorded.
    let out = skillgym(
        &db,
        &["report", &id, "--person", "nobody@example.org"],
        "en",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nobody@example.org"));

    // An anonymous campaign's answers are never written out for anyone but the respondent.
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    sqlx::query("UPDATE campaigns SET anonymous = 1 WHERE id = $1")
        .bind(earlier.0)
        .execute(&pool)
        .await
        .unwrap();
    let before = profile_views(&db, org).await.len();
    for (args, lang, words) in [
        (vec!["--profiles"], "en", "anonymous"),
        (vec!["--person", email.as_str()], "en", "anonymous"),
        (vec!["--profiles"], "cy", "ddienw"),
    ] {
        let e = earlier.to_string();
        let mut all = vec!["report", e.as_str()];
        all.extend(args);
        let out = skillgym(&db, &all, lang);
        assert_eq!(out.status.code(), Some(1), "{all:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{err}");
    }
    assert_eq!(profile_views(&db, org).await.len(), before);
    // Its figures without profiles are still there.
    report(&db, &["report", &earlier.to_string()]);
}

both_backends!(each_table_as_csv_holds_the_json_figures);

/// `--format csv --table T`: the JSON's figures, one table per file, the same in every
/// language; a table that does not exist is refused by name, with the ones that do.
async fn each_table_as_csv_holds_the_json_figures(backend: Backend) {
    let (db, org) = demo_db(backend).await;
    let id = db.store.campaigns(org).await.unwrap()[0].id.0.to_string();
    let json = report(&db, &["report", &id]);
    let csv = |table: &str, lang: &str| -> Vec<Vec<String>> {
        let out = skillgym(
            &db,
            &["report", &id, "--format", "csv", "--table", table],
            lang,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    };
    let competences = csv("competences", "en");
    assert_eq!(competences[0][..4], ["code", "title", "area", "mean"]);
    let in_json = json["competences"].as_array().unwrap();
    assert_eq!(competences.len(), in_json.len() + 1);
    for (row, c) in competences[1..].iter().zip(in_json) {
        assert_eq!(row[0], c["code"].as_str().unwrap());
        match c["mean"].as_f64() {
            // serde_json reads the JSON fast rather than to the last bit.
            Some(mean) => assert!((row[3].parse::<f64>().unwrap() - mean).abs() < 1e-12),
            None => assert_eq!(row[3], ""),
        }
        assert_eq!(row[11], c["hidden"].as_str().unwrap_or(""));
    }
    // Headings and codes do not change with the reader's language.
    let welsh = csv("competences", "cy");
    assert_eq!(welsh[0], competences[0]);
    let sites = csv("sites", "en");
    assert_eq!(
        sites.len(),
        json["response_rates"]["by_site"].as_array().unwrap().len() + 1
    );
    let change = csv("change-competences", "en");
    assert_eq!(
        change.len(),
        json["change"]["competences"].as_array().unwrap().len() + 1
    );
    // Confidence against knowledge by competence: a row per group shown, then everyone.
    let knowledge = csv("calibration-competences", "en");
    assert_eq!(knowledge[0][..4], ["code", "key", "label", "raters"]);
    let mut rows = knowledge[1..].iter();
    let tested = json["calibration"]["competences"].as_array().unwrap();
    assert!(!tested.is_empty());
    for k in tested {
        let groups = k["groups"].as_array().unwrap().iter();
        for g in groups.chain(k["everyone"].as_object().map(|_| &k["everyone"])) {
            let row = rows.next().unwrap();
            assert_eq!(row[0], k["code"].as_str().unwrap());
            assert_eq!(row[1], g["key"].as_str().unwrap());
            assert_eq!(row[3], g["raters"].to_string());
            for (i, field) in [(4, "mean_rating"), (8, "share_right")] {
                let value = row[i].parse::<f64>().unwrap();
                assert!((value - g[field].as_f64().unwrap()).abs() < 1e-12);
            }
            assert_eq!(row[10], g["disagreement"].as_str().unwrap_or(""));
            let against: Vec<&str> = (k["reversed"].as_array().unwrap().iter())
                .filter(|pair| pair[0] == g["key"])
                .map(|pair| pair[1].as_str().unwrap())
                .collect();
            assert_eq!(row[11], against.join(" "));
        }
    }
    assert!(rows.next().is_none());

    let out = skillgym(
        &db,
        &["report", &id, "--format", "csv", "--table", "shoes"],
        "en",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("“shoes”") && err.contains("heat-map"), "{err}");
}
