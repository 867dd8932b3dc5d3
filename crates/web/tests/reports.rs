//! A campaign's report: the figures add up, and small groups stay anonymous.

mod common;

use common::spawn_app;
use reqwest::StatusCode;
use skillgym_test_db::{Backend, both_backends};

both_backends!(the_report_adds_up_and_hides_small_groups);

async fn the_report_adds_up_and_hides_small_groups(backend: Backend) {
    let app = spawn_app(backend).await;
    let summary = app.store().campaigns(app.org).await.unwrap().remove(0);
    let admin = app.signed_in("admin@afon.example").await;
    let html = app
        .page(&admin, &format!("/campaigns/{}/report", summary.id))
        .await;
    let asked = app.people_count().await;
    assert!(
        html.contains(&format!(
            "{} of {asked} people asked have finished",
            summary.submitted
        )),
        "the headline counts everyone asked"
    );
    assert!(html.contains("Weakest across the board") && html.contains("<svg"));
    // The demo has small community libraries: some figures must be hidden, none shown for a
    // group under the threshold.
    assert!(html.contains(">hidden<"), "small groups are hidden");
    let data = app.store().report_data(app.org, summary.id).await.unwrap();
    let sites = app.store().sites(app.org).await.unwrap();
    for site in &sites {
        let finished = data
            .asked
            .iter()
            .filter(|a| a.sites.contains(&site.id) && a.response.is_some())
            .count();
        let row_start = html.find(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"numeric\">",
            site.name
        ));
        if finished > 0 && finished < 5 {
            let row = &html[row_start.expect("a row per site")..];
            let row = &row[..row.find("</tr>").unwrap()];
            assert!(
                !row.contains(&format!(">{finished}<")) || row.contains("hidden"),
                "{row}"
            );
        }
    }
    let learner = app.signed_in("learner@afon.example").await;
    let refused = app
        .get(&learner, &format!("/campaigns/{}/report", summary.id))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

both_backends!(every_table_of_the_report_downloads_as_csv);

async fn every_table_of_the_report_downloads_as_csv(backend: Backend) {
    let app = spawn_app(backend).await;
    let summary = app.store().campaigns(app.org).await.unwrap().remove(0);
    let admin = app.signed_in("admin@afon.example").await;
    let base = format!("/campaigns/{}/report", summary.id);
    let html = app.page(&admin, &base).await;
    let sites = app.store().sites(app.org).await.unwrap();
    for file in [
        "sites.csv",
        "teams.csv",
        "competences.csv",
        "weakest.csv",
        "strongest.csv",
        "heat.csv",
    ] {
        assert!(
            html.contains(&format!("{base}/{file}\"")),
            "the page links to {file}"
        );
        let response = app.get(&admin, &format!("{base}/{file}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{file}");
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let body = response.text().await.unwrap();
        let body = body.trim_start_matches('\u{feff}');
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert!(!rows.is_empty(), "{file} has rows");
        match file {
            "sites.csv" => {
                assert_eq!(
                    reader.headers().unwrap().iter().collect::<Vec<_>>(),
                    ["Group", "Asked", "Finished", "Rate (%)"]
                );
                // Every site asked has its row, and a small one says so rather than its count,
                // as on the page.
                assert!(rows.len() <= sites.len());
                assert!(
                    rows.iter()
                        .any(|r| &r[2] == "fewer than 5" && r[3].is_empty())
                );
                for r in &rows {
                    if let Ok(finished) = r[2].parse::<u64>() {
                        assert!(finished == 0 || finished >= 5, "{r:?}");
                    } else {
                        assert!(["fewer than 5", "hidden"].contains(&&r[2]), "{r:?}");
                    }
                }
            }
            "competences.csv" => {
                let campaign = app.store().campaign(app.org, summary.id).await.unwrap();
                let count: usize = campaign.areas.iter().map(|a| a.competences.len()).sum();
                assert_eq!(rows.len(), count);
                for r in &rows {
                    let mean = &r[2];
                    assert!(html.contains(&format!(">{mean}<")), "{mean} is on the page");
                }
            }
            "weakest.csv" | "strongest.csv" => assert_eq!(rows.len(), 5),
            _ => {}
        }
    }
}
