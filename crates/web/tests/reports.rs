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
