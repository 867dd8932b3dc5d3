//! No figure about fewer than k people, anywhere: the threshold is an administrator's setting,
//! counts under it read "fewer than k" wherever response rates are shown, an open anonymous
//! campaign's figures move only in steps of k, and every format shows exactly the figures of
//! the domain's structs (which `crates/domain/tests/anonymity.rs` checks against every
//! subtraction).

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use serde_json::Value;
use skillgym_domain::analysis::calibration::Calibration;
use skillgym_domain::analysis::compare::Comparison;
use skillgym_domain::analysis::{AnonymityThreshold, CampaignFigures, Suppressed};
use skillgym_domain::audit::{CampaignContent, Localised, Rating};
use skillgym_domain::{CampaignId, Email, JobFamily, PersonId};
use skillgym_i18n::{Lang, Tr};
use skillgym_reporting::AnalysisCache;
use skillgym_reporting::cache::competence_areas;
use skillgym_store::{Actor, AuditAction, AuditFilter, NewCampaign, ResponseAnswers};
use skillgym_test_db::{Backend, both_backends};

/// Text as the templates write it into HTML.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

async fn set_threshold(app: &TestApp, k: i64) -> AnonymityThreshold {
    let k = AnonymityThreshold::new(k).unwrap();
    app.store()
        .change_anonymity_threshold(app.org, k, Actor::CommandLine)
        .await
        .unwrap();
    k
}

both_backends!(the_threshold_is_an_administrators_setting);

async fn the_threshold_is_an_administrators_setting(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let html = app.page(&admin, "/settings").await;
    assert!(html.contains("No figure in a report is about fewer than 5 people."));
    assert!(html.contains(r#"href="/settings/anonymity""#));
    let html = app.page(&admin, "/settings/anonymity").await;
    assert!(
        html.contains(r#"value="5""#),
        "the current value in the box"
    );

    // Bad values: the form again, with a GOV.UK error summary linking to the box, what was
    // typed kept, and nothing saved.
    for (typed, message) in [
        ("", "Enter the smallest group shown, in people"),
        ("2", "The smallest group shown must be from 3 to 50 people"),
        ("51", "The smallest group shown must be from 3 to 50 people"),
        (
            "4.5",
            "Enter the smallest group shown as a whole number of people, like 5",
        ),
        (
            "99999999999999999999",
            "The smallest group shown must be from 3 to 50 people",
        ),
    ] {
        let response = app
            .post(&admin, "/settings/anonymity", &[("threshold", typed)])
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{typed}"
        );
        let html = response.text().await.unwrap();
        assert!(html.contains("class=\"error-summary\""), "{typed}");
        assert!(html.contains(&format!(r##"<a href="#threshold">{message}</a>"##)));
        assert!(html.contains(&format!(r#"value="{typed}""#)));
        assert!(html.contains("aria-invalid=\"true\""));
    }
    let stored = app.store().anonymity_threshold(app.org).await.unwrap();
    assert_eq!(stored, AnonymityThreshold::DEFAULT);

    // In Welsh too.
    app.post(&admin, "/language", &[("lang", "cy")]).await;
    let response = app
        .post(&admin, "/settings/anonymity", &[("threshold", "2")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let cy = Tr::new(Lang::Cy);
    let html = response.text().await.unwrap();
    assert!(html.contains(&escaped(&cy.t("anonymity-threshold-out-of-range"))));
    app.post(&admin, "/language", &[("lang", "en")]).await;

    // A good value is saved, recorded in the audit trail, and used by every report at once.
    let response = app
        .post(&admin, "/settings/anonymity", &[("threshold", " 7 ")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/settings/anonymity?saved=1");
    assert_eq!(
        app.store()
            .anonymity_threshold(app.org)
            .await
            .unwrap()
            .get(),
        7
    );
    let filter = AuditFilter {
        action: Some(AuditAction::AnonymityThresholdChanged),
        limit: 10,
        ..AuditFilter::default()
    };
    let events = app.store().audit_events(app.org, &filter).await.unwrap().0;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].detail, "previous-threshold=5 threshold=7");
    let trail = app.page(&admin, "/audit-trail").await;
    assert!(trail.contains("Changed the anonymity threshold"));
    assert!(trail.contains("was 5; now 7"));
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let report = app
        .page(&admin, &format!("/campaigns/{campaign}/report"))
        .await;
    assert!(report.contains("no figure is shown for a group of fewer than 7 people"));
    // Saving the same value again records nothing more.
    app.post(&admin, "/settings/anonymity", &[("threshold", "7")])
        .await;
    let events = app.store().audit_events(app.org, &filter).await.unwrap().0;
    assert_eq!(events.len(), 1);
}

/// A new anonymous campaign on the demo's framework, asking everyone, open (closing in a
/// month) or closed yesterday.
async fn anonymous_campaign(app: &TestApp, open: bool) -> CampaignId {
    let store = app.store();
    let demo = store.campaigns(app.org).await.unwrap()[0].id;
    let demo = store.campaign(app.org, demo).await.unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let (opens_on, closes_on) = if open {
        (
            today - time::Duration::days(1),
            today + time::Duration::days(30),
        )
    } else {
        (
            today - time::Duration::days(30),
            today - time::Duration::days(1),
        )
    };
    let title = Localised::new("Anonymous check".to_string(), None);
    store
        .create_campaign(
            app.org,
            &NewCampaign {
                framework: demo.framework_id,
                title: title.clone(),
                opens_on,
                closes_on,
                anonymous: true,
                competences: demo
                    .areas
                    .iter()
                    .flat_map(|a| a.competences.iter().map(|c| c.id))
                    .collect(),
                audience: Default::default(),
                content: CampaignContent {
                    title,
                    profile_questions: Vec::new(),
                    quiz: Vec::new(),
                },
                pictures: Vec::new(),
                cloned_from: None,
            },
        )
        .await
        .unwrap()
}

/// Person number `i` of the organisation answers every competence and submits.
async fn answer(app: &TestApp, campaign: CampaignId, person: PersonId, i: usize) {
    let store = app.store();
    let stored = store.campaign(app.org, campaign).await.unwrap();
    let response = store.start_response(campaign, person).await.unwrap();
    let mut answers = ResponseAnswers::default();
    for (c, competence) in stored
        .areas
        .iter()
        .flat_map(|a| a.competences.iter())
        .enumerate()
    {
        let rating = match (i + c) % 6 {
            5 => Rating::NotSure,
            n => Rating::Level(n as u8 + 1),
        };
        answers.ratings.insert(competence.id, rating);
    }
    store
        .save_section(response.id, 1, &answers, &[])
        .await
        .unwrap();
    store.submit_response(response.id).await.unwrap();
}

/// Everything the report says, in every format: the page, each CSV table, the JSON.
async fn every_format(app: &TestApp, admin: &reqwest::Client, campaign: CampaignId) -> Vec<String> {
    let base = format!("/campaigns/{campaign}/report");
    let mut out = vec![app.page(admin, &base).await];
    for file in [
        "sites.csv",
        "teams.csv",
        "competences.csv",
        "weakest.csv",
        "strongest.csv",
        "heat.csv",
    ] {
        out.push(app.page(admin, &format!("{base}/{file}")).await);
    }
    for path in [
        format!("/campaigns/{campaign}/compare.csv?by=job_family"),
        format!("/campaigns/{campaign}/calibration.csv?by=employment"),
    ] {
        out.push(app.page(admin, &path).await);
    }
    let json = app.report_json(campaign).await;
    out.push(serde_json::to_string(&json).unwrap());
    out
}

both_backends!(an_open_anonymous_campaign_moves_only_in_steps_of_k);

async fn an_open_anonymous_campaign_moves_only_in_steps_of_k(backend: Backend) {
    let app = spawn_app(backend).await;
    set_threshold(&app, 3).await;
    let campaign = anonymous_campaign(&app, true).await;
    let admin = app.signed_in("admin@afon.example").await;
    let people: Vec<PersonId> = app
        .store()
        .person_ids(app.org)
        .await
        .unwrap()
        .into_values()
        .collect();
    let mut before = every_format(&app, &admin, campaign).await;
    assert!(
        before[0].contains("count the answers 3 at a time"),
        "the page says so"
    );
    let json: Value = serde_json::from_str(before.last().unwrap()).unwrap();
    assert_eq!(json["stepped"], true);
    assert!(before[0].contains("Fewer than 3 of the"));
    for (n, person) in people.iter().take(8).enumerate() {
        answer(&app, campaign, *person, n).await;
        let finished = n + 1;
        let after = every_format(&app, &admin, campaign).await;
        if finished % 3 == 0 {
            assert_ne!(before[0], after[0], "a step of 3 is crossed at {finished}");
        } else {
            for (b, a) in before.iter().zip(&after) {
                assert_eq!(b, a, "one more answer ({finished}) changes nothing");
            }
        }
        let counted = finished / 3 * 3;
        if counted > 0 {
            assert!(
                after[0].contains(&format!(">{counted} of ")),
                "the report counts {counted} of {finished}"
            );
        }
        before = after;
    }

    // Once closed, every answer counts.
    let closed = anonymous_campaign(&app, false).await;
    for (n, person) in people.iter().take(4).enumerate() {
        answer(&app, closed, *person, n).await;
    }
    let html = app
        .page(&admin, &format!("/campaigns/{closed}/report"))
        .await;
    assert!(html.contains(">4 of "), "all four answers count");
    assert!(!html.contains("at a time"));
}

both_backends!(counts_under_the_threshold_read_fewer_than_k_wherever_rates_are_shown);

async fn counts_under_the_threshold_read_fewer_than_k_wherever_rates_are_shown(backend: Backend) {
    let app = spawn_app(backend).await;
    set_threshold(&app, 3).await;
    let campaign = anonymous_campaign(&app, false).await;
    let people: Vec<PersonId> = app
        .store()
        .person_ids(app.org)
        .await
        .unwrap()
        .into_values()
        .collect();
    for (n, person) in people.iter().take(2).enumerate() {
        answer(&app, campaign, *person, n).await;
    }
    // And one more started, not finished.
    app.store()
        .start_response(campaign, people[2])
        .await
        .unwrap();
    let admin = app.signed_in("admin@afon.example").await;
    let fewer = "fewer than 3";

    // The campaign page and the list of campaigns.
    let html = app.page(&admin, &format!("/campaigns/{campaign}")).await;
    assert_eq!(
        html.matches(&format!("<dd>{fewer}</dd>")).count(),
        2,
        "in progress, finished"
    );
    assert!(html.contains("Fewer than 3 of the"), "the response rate");
    assert!(!html.contains(" people asked have finished ("));
    let html = app.page(&admin, "/campaigns").await;
    assert!(html.contains(&format!(r#"<td class="numeric">{fewer}</td>"#)));

    // The report, its CSV and the print-ready report: no figure at all.
    let report = app
        .page(&admin, &format!("/campaigns/{campaign}/report"))
        .await;
    assert!(report.contains("Fewer than 3 of the"));
    assert!(!report.contains(" of 60 people asked have finished"));
    let (_, rows) = app
        .csv_file(&admin, &format!("/campaigns/{campaign}/report/sites.csv"))
        .await;
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r[2] == fewer || r[2] == "0"),
        "{rows:?}"
    );
    let (_, rows) = app
        .csv_file(
            &admin,
            &format!("/campaigns/{campaign}/report/competences.csv"),
        )
        .await;
    assert!(rows.iter().all(|r| r[2..].iter().all(|c| c == "hidden")));
    let print = app
        .page(&admin, &format!("/campaigns/{campaign}/report/print"))
        .await;
    assert!(print.contains("Fewer than 3 of the"));

    // Change over time: its response rate says so too, on the page, in the CSV and the JSON.
    let change = app
        .page(&admin, &format!("/campaigns/{campaign}/change"))
        .await;
    let rates = &change[change.find("id=\"change-rates\"").unwrap()..];
    let rates = &rates[..rates.find("</table>").unwrap()];
    assert!(rates.contains(&format!(r#"<td class="numeric">{fewer}</td>"#)));
    let (_, rows) = app
        .csv_file(
            &admin,
            &format!("/campaigns/{campaign}/change.csv?table=rates"),
        )
        .await;
    assert_eq!(rows.last().unwrap()[4], fewer);
    assert_eq!(rows.last().unwrap()[5], "");
    let json = app.report_json(campaign).await;
    assert_eq!(json["finished"], Value::Null);
    assert_eq!(json["hidden"], "too_small");
    assert_eq!(json["stepped"], false, "closed");
    assert_eq!(
        json["change"]["response_rates"]["later"]["finished"],
        Value::Null
    );
    assert_eq!(
        json["change"]["response_rates"]["later"]["hidden"],
        "too_small"
    );
    for site in json["response_rates"]["by_site"].as_array().unwrap() {
        assert!(
            site["finished"].is_null() || site["finished"] == 0,
            "{site}"
        );
    }
    for c in json["competences"].as_array().unwrap() {
        assert!(c["mean"].is_null() && c["counts"].is_null(), "{c}");
        assert_eq!(c["hidden"], "too_small");
    }
}

/// The finished count as a cell of the page's or the CSV's rate table.
fn finished_text(finished: Option<u64>, shown: Suppressed, k: usize) -> String {
    match (finished, shown) {
        (Some(n), _) => n.to_string(),
        (None, Suppressed::TooSmall) => format!("fewer than {k}"),
        (None, _) => "hidden".into(),
    }
}

both_backends!(every_format_shows_exactly_the_figures_of_the_domain);

/// The report's page, CSV, print-ready page and JSON, the comparison's and calibration's CSV
/// and JSON: each figure is the one in the domain's structs, and each hidden one is hidden.
async fn every_format_shows_exactly_the_figures_of_the_domain(backend: Backend) {
    let app = spawn_app(backend).await;
    // A threshold of 3 in the small demo: figures shown, and many hidden for every reason.
    let k = set_threshold(&app, 3).await;
    let store = app.store();
    let campaign_id = store.campaigns(app.org).await.unwrap()[0].id;
    let campaign = store.campaign(app.org, campaign_id).await.unwrap();
    let analysed = AnalysisCache::default()
        .analysed(store, app.org, &campaign, k)
        .await
        .unwrap();
    let areas = competence_areas(&campaign);
    let figures = CampaignFigures::from_columns(&analysed.disclosure, &areas, &analysed.columns);
    let (site_names, team_names) = store.group_names(app.org).await.unwrap();
    let admin = app.signed_in("admin@afon.example").await;
    let base = format!("/campaigns/{campaign_id}/report");
    let html = app.page(&admin, &base).await;
    let print = app.page(&admin, &format!("{base}/print")).await;
    let json = app.report_json(campaign_id).await;

    // Response rates: the page, the print-ready page, the CSV and the JSON.
    let mut hidden = 0;
    for (file, rates, names, key) in [
        ("sites.csv", &figures.by_site, &site_names, "by_site"),
        ("teams.csv", &figures.by_team, &team_names, "by_team"),
    ] {
        let (_, rows) = app.csv_file(&admin, &format!("{base}/{file}")).await;
        assert_eq!(rows.len(), rates.len(), "{file}");
        let in_json = json["response_rates"][key].as_array().unwrap();
        for ((rate, row), j) in rates.iter().zip(&rows).zip(in_json) {
            let name = &names[&rate.group];
            let text = finished_text(rate.finished, rate.shown, k.get());
            hidden += usize::from(rate.finished.is_none());
            let percent = rate.percent().map_or(String::new(), |p| p.to_string());
            assert_eq!(
                row,
                &vec![
                    name.clone(),
                    rate.asked.to_string(),
                    text.clone(),
                    percent.clone()
                ]
            );
            let cell = match rate.finished {
                Some(n) => n.to_string(),
                None => format!(r#"<span class="hint">{text}</span>"#),
            };
            let shown = format!(
                r#"<tr><th scope="row">{}</th><td class="numeric">{}</td><td class="numeric">{cell}</td>"#,
                escaped(name),
                rate.asked
            );
            assert!(html.contains(&shown), "{shown}");
            assert!(print.contains(&shown), "{shown}");
            assert_eq!(j["id"], rate.group);
            assert_eq!(j["finished"], serde_json::json!(rate.finished));
            assert_eq!(j["percent"], serde_json::json!(rate.percent()));
            assert_eq!(
                j["hidden"],
                match rate.shown {
                    Suppressed::Shown => Value::Null,
                    Suppressed::TooSmall => "too_small".into(),
                    Suppressed::Complementary => "complementary".into(),
                }
            );
        }
    }
    assert!(hidden > 0, "the demo at 3 hides some groups");

    // Every competence, and the heat map.
    let (_, rows) = app
        .csv_file(&admin, &format!("{base}/competences.csv"))
        .await;
    let in_json = json["competences"].as_array().unwrap();
    for ((stats, row), j) in figures.overview.competences.iter().zip(&rows).zip(in_json) {
        match stats.distribution {
            Some(d) => {
                assert_eq!(
                    row[2],
                    d.mean().map_or(String::new(), |m| format!("{m:.2}"))
                );
                let counts: Vec<String> = d.levels.iter().map(u64::to_string).collect();
                assert_eq!(row[3..8], counts[..]);
                assert_eq!(row[8], d.not_sure.to_string());
                assert_eq!(j["rated"], d.rated());
                assert_eq!(j["counts"]["not_sure"], d.not_sure);
            }
            None => {
                assert!(row[2..].iter().all(|c| c == "hidden"), "{row:?}");
                assert!(j["mean"].is_null() && j["counts"].is_null());
            }
        }
    }
    let (_, rows) = app.csv_file(&admin, &format!("{base}/heat.csv")).await;
    let in_json = json["heat_map"].as_array().unwrap();
    for ((h, row), j) in figures.heat.iter().zip(&rows).zip(in_json) {
        assert_eq!(row[0], site_names[&h.site]);
        assert_eq!(j["respondents"], serde_json::json!(h.respondents));
        for (a, ((mean, shown), cell)) in h.means.iter().zip(&h.areas).zip(&row[1..]).enumerate() {
            let want = match (mean, shown.is_shown()) {
                (Some(m), _) => format!("{m:.1}"),
                (None, true) => String::new(),
                (None, false) => "hidden".into(),
            };
            assert_eq!(cell, &want);
            let code = &campaign.areas[a].code;
            assert_eq!(j["means"][code], serde_json::json!(mean));
            assert_eq!(j["hidden_means"].get(code).is_some(), !shown.is_shown());
        }
    }

    // The comparison by job family: the CSV and the JSON show its shown groups and cells.
    let grouping = analysed
        .disclosure
        .grouping(skillgym_domain::analysis::GroupingKey::JobFamily);
    let family_of: Vec<Option<usize>> = analysed
        .columns
        .job_family
        .iter()
        .map(|c| (usize::from(*c) < JobFamily::ALL.len()).then_some(usize::from(*c)))
        .collect();
    let counts = skillgym_domain::analysis::compare::GroupCounts::from_columns(
        JobFamily::ALL.len(),
        &family_of,
        &analysed.columns,
    );
    let comparison = Comparison::from_counts(&grouping, &counts);
    let (_, rows) = app
        .csv_file(
            &admin,
            &format!("/campaigns/{campaign_id}/compare.csv?by=job_family"),
        )
        .await;
    let shown: Vec<usize> = (0..JobFamily::ALL.len())
        .filter(|g| comparison.groups[*g].compared())
        .collect();
    assert_eq!(rows.len(), shown.len() * comparison.competences.len());
    let compared = &json["comparison"];
    assert_eq!(compared["groups"].as_array().unwrap().len(), shown.len());
    assert_eq!(compared["left_out"], comparison.left_out);
    for (c, row) in comparison.competences.iter().zip(rows.chunks(shown.len())) {
        for (g, line) in shown.iter().zip(row) {
            let family = JobFamily::ALL[*g].as_str();
            assert_eq!(line[2], family);
            assert_eq!(
                line[4],
                comparison.groups[*g].respondents.unwrap().to_string()
            );
            let in_json = &compared["competences"][c.competence]["groups"][family];
            match c.cells[*g] {
                Some(cell) => {
                    assert_eq!(line[5], cell.n.to_string());
                    assert_eq!(line[6], format!("{:.6}", cell.mean));
                    assert_eq!(in_json["n"], cell.n);
                }
                None => {
                    assert_eq!(line[5..7], ["hidden", "hidden"]);
                    assert!(in_json.is_null());
                }
            }
        }
    }

    // Confidence against knowledge by job family: the CSV and the JSON, group by group.
    let people: Vec<_> = analysed
        .columns
        .calibration()
        .into_iter()
        .zip(&family_of)
        .filter_map(|(p, g)| p.map(|p| (*g, p)))
        .collect();
    let calibration = Calibration::compute(
        &grouping,
        analysed.disclosure.everyone_calibration(),
        JobFamily::ALL.len(),
        &people,
    );
    let (_, rows) = app
        .csv_file(
            &admin,
            &format!("/campaigns/{campaign_id}/calibration.csv?by=job_family"),
        )
        .await;
    let shown: Vec<(String, usize, f64)> = calibration
        .groups
        .iter()
        .enumerate()
        .filter_map(|(g, row)| {
            Some((
                JobFamily::ALL[g].as_str().to_string(),
                row.people?,
                row.figures?.confidence,
            ))
        })
        .chain(
            calibration
                .everyone
                .people
                .zip(calibration.everyone.figures)
                .map(|(n, f)| ("everyone".to_string(), n, f.confidence)),
        )
        .collect();
    assert_eq!(rows.len(), shown.len());
    for (row, (key, n, confidence)) in rows.iter().zip(&shown) {
        assert_eq!(
            (&row[0], &row[2], &row[3]),
            (key, &n.to_string(), &format!("{confidence:.6}"))
        );
    }
    assert_eq!(
        json["calibration"]["groups"].as_array().unwrap().len() + 1,
        shown.len()
    );
    assert_eq!(json["calibration"]["left_out"], calibration.left_out);
}

both_backends!(how_many_answered_from_outside_the_audience_is_said_only_when_none_or_all_did);

/// The response rate counts responses from people no longer asked (here, erased) as asked and
/// finished; how many there are is given only when none or all of the responses are theirs,
/// since any other part could be set against the groups the rule hides. The same goes for the
/// responses in no group of a grouping.
async fn how_many_answered_from_outside_the_audience_is_said_only_when_none_or_all_did(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    set_threshold(&app, 3).await;
    let campaign = anonymous_campaign(&app, false).await;
    let admin_person = app
        .store()
        .person_by_email(app.org, &Email::parse("admin@afon.example").unwrap())
        .await
        .unwrap();
    let people: Vec<PersonId> = app
        .store()
        .person_ids(app.org)
        .await
        .unwrap()
        .into_values()
        .filter(|p| Some(*p) != admin_person)
        .take(6)
        .collect();
    for (n, person) in people.iter().enumerate() {
        answer(&app, campaign, *person, n).await;
    }
    let admin = app.signed_in("admin@afon.example").await;
    let report_path = format!("/campaigns/{campaign}/report");
    let hidden = "How many is not shown, to keep people anonymous.";

    // Everyone who answered is in the audience: nothing to say.
    let report = app.page(&admin, &report_path).await;
    assert!(report.contains(">6 of "), "{report}");
    assert!(!report.contains("did not ask"));

    // Two of them erased: four from the audience and two from outside it. Neither number is
    // given, nor the audience's (everyone asked less it would give the two).
    for person in &people[..2] {
        app.store()
            .erase_person(app.org, *person, Actor::System)
            .await
            .unwrap();
    }
    let report = app.page(&admin, &report_path).await;
    let lead = report.split("<p class=\"lead\">").nth(1).unwrap();
    let asked: u64 = lead
        .split(" of ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(lead.starts_with("6 of "), "{lead}");
    assert!(report.contains(hidden), "{report}");
    assert!(!report.contains("2 responses from people it did not ask"));
    assert!(!report.contains(&format!("({})", asked - 2)));
    let page = app.page(&admin, &format!("/campaigns/{campaign}")).await;
    assert!(page.contains(hidden));
    let change = app
        .page(&admin, &format!("/campaigns/{campaign}/change"))
        .await;
    assert!(change.contains(hidden), "{change}");
    let json = app.report_json(campaign).await;
    assert_eq!(
        (json["finished"].as_u64(), json["asked"].as_u64()),
        (Some(6), Some(asked))
    );
    assert_eq!(json["from_outside_audience"], Value::Null);
    assert_eq!(
        json["change"]["response_rates"]["later"]["from_outside_audience"],
        Value::Null
    );
    // The erased have no job family: some responses are in no group, not how many.
    let compare = app
        .page(
            &admin,
            &format!("/campaigns/{campaign}/compare?by=job_family"),
        )
        .await;
    assert!(
        compare.contains("Some responses are in no group"),
        "{compare}"
    );
    assert!(!compare.contains("2 of the 6 responses"));

    // All from outside: then the page says how many, which the total says anyway.
    for person in &people[2..] {
        app.store()
            .erase_person(app.org, *person, Actor::System)
            .await
            .unwrap();
    }
    let report = app.page(&admin, &report_path).await;
    assert!(!report.contains(hidden));
    assert!(
        report.contains("and 6 responses from people it did not ask"),
        "{report}"
    );
    let compare = app
        .page(
            &admin,
            &format!("/campaigns/{campaign}/compare?by=job_family"),
        )
        .await;
    assert!(
        compare.contains("6 of the 6 responses are in no group"),
        "{compare}"
    );
}
