//! `skillgym report CAMPAIGN --format json`, run as another tool would: the figures of the web
//! report, small groups left out, labels in the reader's language.

use serde_json::Value;
use skillgym_domain::analysis::{CampaignFigures, Person};
use skillgym_domain::demo::{self, DemoOptions};
use skillgym_test_db::{Backend, TestDb, both_backends};
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
    let data = db.store.report_data(org.id, campaign.id).await.unwrap();
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
    let figures = CampaignFigures::compute(5, &areas, &people, &responses, data.ungrouped as u64);
    assert_eq!(json["asked"], figures.asked);
    assert_eq!(json["finished"], figures.finished);
    for (row, stats) in json["competences"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&figures.overview.competences)
    {
        assert_eq!(row["code"], competences[stats.competence].code.as_str());
        // serde_json reads floats back to within a unit in the last place.
        let (got, want) = (row["mean"].as_f64(), stats.distribution.mean());
        assert!(got.zip(want).is_some_and(|(a, b)| (a - b).abs() < 1e-12) || got == want);
        assert_eq!(row["counts"]["not_sure"], stats.distribution.not_sure);
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
