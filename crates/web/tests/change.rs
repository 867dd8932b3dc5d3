//! Change over time: the page and its CSV agree with figures worked out here from the stored
//! responses, small groups never appear, only admins see it, and campaigns with nothing to
//! compare with say so.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::CompetenceId;
use skillgym_domain::analysis::AnonymityThreshold;
use skillgym_i18n::{Lang, Tr};
use skillgym_store::Actor;
use skillgym_test_db::{Backend, both_backends, oracle};
use std::collections::HashMap;

/// The headings of the competences' CSV, in English.
const COLUMNS: [&str; 19] = [
    "Competence code",
    "Competence",
    "In area",
    "People in both campaigns",
    "People in both: mean then",
    "People in both: mean now",
    "People in both: mean change",
    "People in both: Wilcoxon T",
    "People in both: Wilcoxon z",
    "People in both: Wilcoxon p-value",
    "People in both: effect size (matched-pairs rank-biserial)",
    "Whole service: people then",
    "Whole service: mean then",
    "Whole service: people now",
    "Whole service: mean now",
    "Whole service: difference (now less then)",
    "Whole service: Mann–Whitney U",
    "Whole service: Mann–Whitney p-value",
    "Whole service: effect size (rank-biserial)",
];

/// The same headings' message ids.
const COLUMN_IDS: [&str; 19] = [
    "analysis-csv-competence-code",
    "report-competence",
    "change-csv-in-area",
    "change-csv-paired-n",
    "change-csv-paired-before",
    "change-csv-paired-after",
    "change-csv-paired-change",
    "change-csv-wilcoxon-t",
    "change-csv-wilcoxon-z",
    "change-csv-wilcoxon-p",
    "change-csv-paired-effect",
    "change-csv-before-n",
    "change-csv-before-mean",
    "change-csv-after-n",
    "change-csv-after-mean",
    "change-csv-difference",
    "change-csv-mann-whitney-u",
    "change-csv-mann-whitney-p",
    "change-csv-effect",
];

const RATES: [&str; 6] = [
    "Campaign number",
    "Campaign",
    "Opens on",
    "Asked",
    "Finished",
    "Response rate (0 to 1)",
];

const RATES_IDS: [&str; 6] = [
    "change-csv-campaign-number",
    "change-campaign",
    "campaign-opens-on",
    "change-asked",
    "change-finished",
    "change-csv-rate",
];

fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

/// A competences' or areas' CSV body as rows of cells, without its header (which is checked:
/// the first two headings name a competence or an area).
async fn csv_rows(app: &TestApp, client: &reqwest::Client, path: &str) -> Vec<Vec<String>> {
    let (header, rows) = app.csv_file(client, path).await;
    assert_eq!(header[2..], COLUMNS[2..], "{path}");
    rows
}

/// Each competence's 1–5 ratings in a campaign, by person.
fn levels(data: &oracle::ChangeData) -> HashMap<CompetenceId, Vec<(Option<i64>, f64)>> {
    let mut out: HashMap<CompetenceId, Vec<(Option<i64>, f64)>> = HashMap::new();
    for r in &data.responses {
        for (c, rating) in &r.ratings {
            if let Some(level) = rating.level() {
                out.entry(*c)
                    .or_default()
                    .push((r.person.map(|p| p.0), f64::from(level)));
            }
        }
    }
    out
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = values.collect();
    v.iter().sum::<f64>() / v.len() as f64
}

both_backends!(
    the_page_and_its_csv_agree_with_the_responses,
    small_groups_are_never_shown,
    the_csv_headings_are_in_the_readers_language,
    only_admins_see_change_and_only_against_earlier_campaigns,
    the_print_ready_report_puts_every_part_together,
    an_earlier_campaign_of_one_area_compares_only_that_area,
    the_json_report_gives_the_change_pages_figures,
);

async fn the_page_and_its_csv_agree_with_the_responses(backend: Backend) {
    let app = spawn_app(backend).await;
    // Groups of three or more are shown, so the small demo has figures; the subtraction rule
    // still hides paired figures where one or two people answered only once.
    app.store()
        .change_anonymity_threshold(
            app.org,
            AnonymityThreshold::new(3).unwrap(),
            Actor::CommandLine,
        )
        .await
        .unwrap();
    let campaigns = app.store().campaigns(app.org).await.unwrap();
    let (later, earlier) = (campaigns[0].id, campaigns[1].id);
    let admin = app.signed_in("admin@afon.example").await;
    let html = app
        .page(&admin, &format!("/campaigns/{later}/change"))
        .await;
    assert!(html.contains("How these figures are worked out"));
    assert!(html.contains("Wilcoxon signed-rank test"));
    assert!(html.contains("<svg") && html.contains("aria-hidden=\"true\""));
    assert!(html.contains(&format!("<option value=\"{earlier}\"")));
    // The re-audit is compared with the campaign it was cloned from by default.
    let explicit = app
        .page(
            &admin,
            &format!("/campaigns/{later}/change?earlier={earlier}"),
        )
        .await;
    assert_eq!(
        explicit.matches("data-code").count(),
        html.matches("data-code").count()
    );
    for page in [
        format!("/campaigns/{later}"),
        format!("/campaigns/{later}/report"),
    ] {
        let linking = app.page(&admin, &page).await;
        assert!(
            linking.contains(&format!("/campaigns/{later}/change")),
            "{page}"
        );
    }

    let before = oracle::change_data(&app.db, app.org, earlier)
        .await
        .unwrap();
    let after = oracle::change_data(&app.db, app.org, later).await.unwrap();
    // Response rates then and now, on the page and in their CSV.
    let rates = &html[html.find("id=\"change-rates\"").unwrap()..];
    let (header, csv) = app
        .csv_file(
            &admin,
            &format!("/campaigns/{later}/change.csv?table=rates"),
        )
        .await;
    assert_eq!(header, RATES);
    for ((data, id), row) in [(&before, earlier), (&after, later)].iter().zip(&csv) {
        assert!(rates.contains(&format!(
            "<td class=\"numeric\">{}</td><td class=\"numeric\">{}</td>",
            data.asked,
            data.responses.len()
        )));
        assert_eq!(row[0], id.to_string());
        assert_eq!(
            (row[3].clone(), row[4].clone()),
            (data.asked.to_string(), data.responses.len().to_string())
        );
    }
    let (then, now) = (levels(&before), levels(&after));
    let campaign = app.store().campaign(app.org, later).await.unwrap();
    let id_of: HashMap<String, CompetenceId> = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(|c| (c.code.clone(), c.id)))
        .collect();
    let rows = csv_rows(
        &app,
        &admin,
        &format!("/campaigns/{later}/change.csv?earlier={earlier}&table=competences"),
    )
    .await;
    assert_eq!(rows.len(), id_of.len(), "every competence is compared");
    let table = &html[html.find("id=\"change-competences\"").unwrap()..];
    let mut paired_shown = 0;
    for row in &rows {
        let c = id_of[&row[column("Competence code")]];
        // The whole service: everyone's ratings then and now.
        let (b, a) = (&then[&c], &now[&c]);
        assert_eq!(
            row[column("Whole service: people then")],
            b.len().to_string()
        );
        assert_eq!(
            row[column("Whole service: people now")],
            a.len().to_string()
        );
        let (mb, ma) = (mean(b.iter().map(|x| x.1)), mean(a.iter().map(|x| x.1)));
        let got: f64 = row[column("Whole service: mean then")].parse().unwrap();
        assert!((got - mb).abs() < 1e-6, "{got} against {mb}");
        let got: f64 = row[column("Whole service: difference (now less then)")]
            .parse()
            .unwrap();
        assert!((got - (ma - mb)).abs() < 1e-6);
        // The people in both: their own ratings then and now.
        let by_person: HashMap<i64, f64> =
            b.iter().filter_map(|(p, v)| Some(((*p)?, *v))).collect();
        let pairs: Vec<(f64, f64)> = a
            .iter()
            .filter_map(|(p, v)| Some((*by_person.get(&(*p)?)?, *v)))
            .collect();
        let start = table
            .find(&format!("data-code=\"{}\"", row[0]))
            .expect("a row per competence");
        let tr = &table[start..start + table[start..].find("</tr>").unwrap()];
        assert!(tr.contains(&format!(">{mb:.2}<")), "{mb:.2} in {tr}");
        let (rest_before, rest_after) = (b.len() - pairs.len(), a.len() - pairs.len());
        let safe = |rest: usize| rest == 0 || rest >= 3;
        if pairs.len() >= 3 && safe(rest_before) && safe(rest_after) {
            paired_shown += 1;
            assert_eq!(
                row[column("People in both campaigns")],
                pairs.len().to_string()
            );
            let change = mean(pairs.iter().map(|(b, a)| a - b));
            let got: f64 = row[column("People in both: mean change")].parse().unwrap();
            assert!((got - change).abs() < 1e-6, "{got} against {change}");
            assert!(
                tr.contains(&format!(">{change:+.2}<")),
                "{change:+.2} in {tr}"
            );
        } else {
            // Kept back for anonymity, and saying so as the page does.
            assert_eq!(
                row[column("People in both campaigns")],
                "hidden",
                "hidden: {row:?}"
            );
            assert_eq!(row[column("People in both: mean change")], "hidden");
            assert!(tr.contains("hidden"));
        }
    }
    assert!(paired_shown > 0, "the demo has people who answered both");
    let areas = csv_rows(
        &app,
        &admin,
        &format!("/campaigns/{later}/change.csv?table=areas"),
    )
    .await;
    assert_eq!(areas.len(), campaign.areas.len());
    let table = &html[html.find("id=\"change-areas\"").unwrap()..];
    for row in &areas {
        assert!(table.contains(&format!("data-code=\"{}\"", row[0])));
    }
}

async fn small_groups_are_never_shown(backend: Backend) {
    let app = spawn_app(backend).await;
    app.store()
        .change_anonymity_threshold(
            app.org,
            AnonymityThreshold::new(50).unwrap(),
            Actor::CommandLine,
        )
        .await
        .unwrap();
    let later = app.store().campaigns(app.org).await.unwrap()[0].id;
    let admin = app.signed_in("admin@afon.example").await;
    let html = app
        .page(&admin, &format!("/campaigns/{later}/change"))
        .await;
    assert!(!html.contains("class=\"mean\""), "no mean is shown");
    // No dot and no line for any competence in either form of the chart, each row saying why.
    for form in ["chart-wide", "chart-narrow"] {
        let chart = &html[html.find(&format!("class=\"chart-svg {form}\"")).unwrap()..];
        let chart = &chart[..chart.find("</svg>").unwrap()];
        assert!(
            !chart.contains("<circle") && !chart.contains("<rect"),
            "{form}"
        );
        assert!(!chart.contains("stroke-width=\"3\""), "{form}");
        assert!(chart.contains(">hidden</tspan>"), "{form}");
    }
    for table in ["competences", "areas"] {
        let rows = csv_rows(
            &app,
            &admin,
            &format!("/campaigns/{later}/change.csv?table={table}"),
        )
        .await;
        assert!(!rows.is_empty());
        for row in rows {
            // Every figure is kept back, and says so; with a side hidden there is no
            // difference and no test to give.
            assert!(row[3..15].iter().all(|c| c == "hidden"), "{row:?}");
            assert!(row[15..].iter().all(String::is_empty), "{row:?}");
        }
    }
}

/// The CSV files are headed in the words of the page's tables, in the reader's language.
async fn the_csv_headings_are_in_the_readers_language(backend: Backend) {
    let app = spawn_app(backend).await;
    app.store()
        .change_anonymity_threshold(
            app.org,
            AnonymityThreshold::new(3).unwrap(),
            Actor::CommandLine,
        )
        .await
        .unwrap();
    let later = app.store().campaigns(app.org).await.unwrap()[0].id;
    let admin = app.signed_in("admin@afon.example").await;
    let path = |table: &str| format!("/campaigns/{later}/change.csv?table={table}");
    let (competences, _) = app.csv_file(&admin, &path("competences")).await;
    assert_eq!(competences, COLUMNS);
    let (areas, rows) = app.csv_file(&admin, &path("areas")).await;
    assert_eq!(areas[..2], ["Area code", "Area"]);
    assert_eq!(areas[2..], COLUMNS[2..]);
    assert!(
        rows.iter().all(|r| r[2].is_empty()),
        "an area is in no area"
    );
    let (rates, _) = app.csv_file(&admin, &path("rates")).await;
    assert_eq!(rates, RATES);

    app.post(&admin, "/language", &[("lang", "cy")]).await;
    let cy = Tr::new(Lang::Cy);
    let (welsh, rows) = app.csv_file(&admin, &path("competences")).await;
    assert_eq!(welsh, COLUMN_IDS.map(|id| cy.t(id)));
    assert_eq!(welsh[3], "Pobl yn y ddwy ymgyrch");
    assert_eq!(welsh[16], "Y gwasanaeth cyfan: U Mann–Whitney");
    for (en, cy) in competences.iter().zip(&welsh) {
        assert_ne!(en, cy, "in Welsh");
    }
    // Numbers keep their point; a test not made is empty.
    for row in &rows {
        for cell in &row[3..] {
            assert!(cell.is_empty() || cell.parse::<f64>().is_ok(), "{row:?}");
        }
    }
    let (welsh, _) = app.csv_file(&admin, &path("areas")).await;
    assert_eq!(
        welsh[..2],
        [cy.t("analysis-csv-area-code"), cy.t("change-area")]
    );
    assert_eq!(welsh[0], "Cod y maes");
    let (welsh, _) = app.csv_file(&admin, &path("rates")).await;
    assert_eq!(welsh, RATES_IDS.map(|id| cy.t(id)));
    assert_eq!(welsh[5], "Cyfradd ymateb (0 i 1)");

    // Figures kept back say so in the reader's language (a new app: the threshold is cached).
    let app = spawn_app(backend).await;
    app.store()
        .change_anonymity_threshold(
            app.org,
            AnonymityThreshold::new(50).unwrap(),
            Actor::CommandLine,
        )
        .await
        .unwrap();
    let later = app.store().campaigns(app.org).await.unwrap()[0].id;
    let admin = app.signed_in("admin@afon.example").await;
    app.post(&admin, "/language", &[("lang", "cy")]).await;
    let (_, rows) = app
        .csv_file(
            &admin,
            &format!("/campaigns/{later}/change.csv?table=competences"),
        )
        .await;
    assert!(!rows.is_empty());
    for row in &rows {
        assert!(row[3..15].iter().all(|c| c == "cudd"), "{row:?}");
    }
}

async fn only_admins_see_change_and_only_against_earlier_campaigns(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaigns = app.store().campaigns(app.org).await.unwrap();
    let (later, earlier) = (campaigns[0].id, campaigns[1].id);
    for who in ["manager@afon.example", "learner@afon.example"] {
        let client = app.signed_in(who).await;
        for path in [
            format!("/campaigns/{later}/change"),
            format!("/campaigns/{later}/change.csv"),
        ] {
            let response = app.get(&client, &path).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{who} {path}");
        }
    }
    let admin = app.signed_in("admin@afon.example").await;
    // The first campaign has nothing before it: the page says so, and there is no CSV.
    let html = app
        .page(&admin, &format!("/campaigns/{earlier}/change"))
        .await;
    assert!(html.contains("no earlier campaign"));
    assert!(!html.contains("data-code"));
    let response = app
        .get(&admin, &format!("/campaigns/{earlier}/change.csv"))
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // A later campaign, itself, or one that is not there cannot be compared with.
    for wrong in [later.0, 999_999] {
        let response = app
            .get(
                &admin,
                &format!("/campaigns/{earlier}/change?earlier={wrong}"),
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{wrong}");
    }
    let response = app
        .get(
            &admin,
            &format!("/campaigns/{later}/change.csv?table=people"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

async fn the_print_ready_report_puts_every_part_together(backend: Backend) {
    let app = spawn_app(backend).await;
    app.store()
        .change_anonymity_threshold(
            app.org,
            AnonymityThreshold::new(3).unwrap(),
            Actor::CommandLine,
        )
        .await
        .unwrap();
    let later = app.store().campaigns(app.org).await.unwrap()[0].id;
    let path = format!("/campaigns/{later}/report/print");
    let admin = app.signed_in("admin@afon.example").await;
    for page in [
        format!("/campaigns/{later}"),
        format!("/campaigns/{later}/report"),
    ] {
        assert!(app.page(&admin, &page).await.contains(&path), "{page}");
    }
    let html = app.page(&admin, &path).await;
    assert!(html.contains("Print-ready report:"));
    // The report, the comparison by job family, calibration and change, in that order, each
    // as its own page shows it.
    let at = |marker: &str| html.find(marker).unwrap_or_else(|| panic!("{marker}"));
    let parts = [
        at("id=\"ratings-heading\""),
        at("id=\"compare-table\""),
        at("id=\"calibration-table\""),
        at("id=\"change-competences\""),
    ];
    assert!(parts.windows(2).all(|w| w[0] < w[1]), "{parts:?}");
    assert_eq!(html.matches("class=\"print-part\"").count(), 4);
    let compare = app
        .page(&admin, &format!("/campaigns/{later}/compare?by=job_family"))
        .await;
    let table = |page: &str| {
        let start = page.find("id=\"compare-table\"").unwrap();
        page[start..start + page[start..].find("</table>").unwrap()].to_string()
    };
    assert_eq!(table(&html), table(&compare));
    // The layout's print stylesheet leaves out the navigation and each part's own links.
    let css = app
        .get(&admin, "/assets/style.css")
        .await
        .text()
        .await
        .unwrap();
    let print = &css[css.find("@media print").unwrap()..];
    assert!(print.contains(".nav") && print.contains(".no-print"));
    let learner = app.signed_in("learner@afon.example").await;
    assert_eq!(
        app.get(&learner, &path).await.status(),
        StatusCode::FORBIDDEN
    );
}

async fn an_earlier_campaign_of_one_area_compares_only_that_area(backend: Backend) {
    let app = spawn_app(backend).await;
    let later = app.store().campaigns(app.org).await.unwrap()[0].id;
    let framework = app.store().frameworks(app.org).await.unwrap()[0].id;
    let stored = app.store().framework(app.org, framework).await.unwrap();
    let area = &stored.framework.areas[4];
    let admin = app.signed_in("admin@afon.example").await;
    // A small check years ago, on one area only, that nobody answered.
    let response = app
        .post(
            &admin,
            "/campaigns/new",
            &[
                ("title_en", "Online safety check"),
                ("title_cy", ""),
                ("framework", &framework.to_string()),
                ("area", &area.code),
                ("opens_on", "2020-01-06"),
                ("closes_on", "2020-01-31"),
                ("standard", "yes"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let check: i64 = location(&response)
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let html = app
        .page(
            &admin,
            &format!("/campaigns/{later}/change?earlier={check}"),
        )
        .await;
    assert!(html.contains("Online safety check"));
    assert!(html.contains("0 people answered both campaigns."));
    let rows = csv_rows(
        &app,
        &admin,
        &format!("/campaigns/{later}/change.csv?earlier={check}&table=competences"),
    )
    .await;
    let codes: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let wanted: Vec<&str> = area.competences.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, wanted, "only what both asked, in order");
    for row in &rows {
        assert_eq!(
            row[column("Whole service: people then")],
            "hidden",
            "nobody answered then"
        );
        assert_ne!(
            row[column("Whole service: people now")],
            "",
            "many answered now"
        );
        assert_eq!(row[column("Whole service: difference (now less then)")], "");
    }
    let areas = csv_rows(
        &app,
        &admin,
        &format!("/campaigns/{later}/change.csv?earlier={check}&table=areas"),
    )
    .await;
    assert_eq!(areas.len(), 1);
    assert_eq!(areas[0][0], area.code);
    // The check itself has nothing earlier on the framework to compare with.
    let html = app
        .page(&admin, &format!("/campaigns/{check}/change"))
        .await;
    assert!(html.contains("no earlier campaign"));
}

/// A CSV cell and a JSON figure agree: both missing, or equal to the CSV's precision.
fn same(cell: &str, value: &serde_json::Value, what: &str) {
    match value.as_f64() {
        // Left out for anonymity: "hidden", as on the page; empty where there is no figure.
        None => assert!(
            cell.is_empty() || cell == "hidden",
            "{what}: {value} against {cell:?}"
        ),
        Some(v) => {
            let c: f64 = cell
                .parse()
                .unwrap_or_else(|_| panic!("{what}: {v} against {cell:?}"));
            assert!(
                // Means are written to six places, p-values in full.
                (c - v).abs() <= 1e-6 + v.abs() * 1e-12,
                "{what}: {v} against {c}"
            );
        }
    }
}

async fn the_json_report_gives_the_change_pages_figures(backend: Backend) {
    let app = spawn_app(backend).await;
    app.store()
        .change_anonymity_threshold(
            app.org,
            AnonymityThreshold::new(3).unwrap(),
            Actor::CommandLine,
        )
        .await
        .unwrap();
    let campaigns = app.store().campaigns(app.org).await.unwrap();
    let (later, earlier) = (campaigns[0].id, campaigns[1].id);
    let report = app.report_json(later).await;
    let change = &report["change"];
    // The campaign the page compares with by default.
    assert_eq!(change["earlier"]["id"], earlier.0, "{change}");
    assert!(change["reason"].is_null());
    let admin = app.signed_in("admin@afon.example").await;
    let text = app
        .get(
            &admin,
            &format!("/campaigns/{later}/change.csv?table=rates"),
        )
        .await
        .text()
        .await
        .unwrap();
    let rates: Vec<Vec<String>> =
        csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
    for (row, side) in rates.iter().zip(["earlier", "later"]) {
        let rate = &change["response_rates"][side];
        assert_eq!(row[3], rate["asked"].to_string(), "{side}");
        assert_eq!(row[4], rate["finished"].to_string(), "{side}");
    }
    let mut paired_shown = 0;
    for table in ["competences", "areas"] {
        let rows = csv_rows(
            &app,
            &admin,
            &format!("/campaigns/{later}/change.csv?table={table}"),
        )
        .await;
        let lines = change[table].as_array().unwrap();
        assert_eq!(rows.len(), lines.len(), "{table}");
        for (row, line) in rows.iter().zip(lines) {
            assert_eq!(row[0], line["code"].as_str().unwrap());
            let (p, w) = (&line["paired"], &line["whole"]);
            let cells = [
                ("People in both campaigns", &p["n"]),
                ("People in both: mean then", &p["before"]),
                ("People in both: mean now", &p["after"]),
                ("People in both: mean change", &p["change"]),
                ("People in both: Wilcoxon T", &p["wilcoxon"]["statistic"]),
                ("People in both: Wilcoxon z", &p["wilcoxon"]["z"]),
                (
                    "People in both: Wilcoxon p-value",
                    &p["wilcoxon"]["p_value"],
                ),
                (
                    "People in both: effect size (matched-pairs rank-biserial)",
                    &p["wilcoxon"]["rank_biserial"],
                ),
                ("Whole service: people then", &w["before"]["n"]),
                ("Whole service: mean then", &w["before"]["mean"]),
                ("Whole service: people now", &w["after"]["n"]),
                ("Whole service: mean now", &w["after"]["mean"]),
                (
                    "Whole service: difference (now less then)",
                    &w["difference"],
                ),
                ("Whole service: Mann–Whitney U", &w["mann_whitney"]["u"]),
                (
                    "Whole service: Mann–Whitney p-value",
                    &w["mann_whitney"]["p_value"],
                ),
                (
                    "Whole service: effect size (rank-biserial)",
                    &w["mann_whitney"]["rank_biserial"],
                ),
            ];
            for (name, value) in cells {
                same(&row[column(name)], value, &format!("{} {name}", row[0]));
            }
            paired_shown += usize::from(!p.is_null());
        }
    }
    assert!(paired_shown > 0, "the demo has people who answered both");
}
