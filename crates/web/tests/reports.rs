//! A campaign's report: the figures add up, and small groups stay anonymous.

mod common;

use common::spawn_app;
use reqwest::StatusCode;
use skillgym_test_db::{Backend, both_backends, oracle};

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
    let data = oracle::report_data(&app.db, app.org, summary.id)
        .await
        .unwrap();
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

both_backends!(dates_are_written_as_people_write_them_in_both_languages);

/// Campaign dates on the list and the campaign's page: "30 December 2026", "30 Rhagfyr 2026",
/// never the stored "2026-12-30" (which stays only in the date boxes of the form).
async fn dates_are_written_as_people_write_them_in_both_languages(backend: Backend) {
    use skillgym_i18n::{Lang, Tr};
    let app = spawn_app(backend).await;
    let campaign = app.store().campaigns(app.org).await.unwrap().remove(0);
    let admin = app.signed_in("admin@afon.example").await;
    for lang in [Lang::En, Lang::Cy] {
        app.post(&admin, "/language", &[("lang", lang.code()), ("back", "/")])
            .await;
        let tr = Tr::new(lang);
        let list = app.page(&admin, "/campaigns").await;
        let page = app
            .page(&admin, &format!("/campaigns/{}", campaign.id))
            .await;
        for iso in [campaign.opens_on, campaign.closes_on].map(skillgym_domain::people::format_date)
        {
            let written = tr.date(&iso);
            assert!(!written.contains('-'), "{written}");
            assert!(
                list.contains(&written) && page.contains(&written),
                "{written}"
            );
            assert!(!list.contains(iso.as_str()), "{iso} on the list");
            assert!(
                page.matches(iso.as_str()).count()
                    == page.matches(&format!("value=\"{iso}\"")).count(),
                "{iso} outside a date box"
            );
        }
    }
}

both_backends!(the_print_report_opens_with_a_summary_in_plain_words_then_the_detail);

async fn the_print_report_opens_with_a_summary_in_plain_words_then_the_detail(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = app.store().campaigns(app.org).await.unwrap().remove(0);
    let admin = app.signed_in("admin@afon.example").await;
    let base = format!("/campaigns/{}", campaign.id);
    let html = app.page(&admin, &format!("{base}/report/print")).await;
    let at = |marker: &str| html.find(marker).unwrap_or_else(|| panic!("{marker}"));
    assert!(at("id=\"print-summary\"") < at("id=\"print-detail\""));
    let summary = &html[at("id=\"print-summary\"")..at("id=\"print-detail\"")];
    assert!(summary.contains("people asked") && summary.contains("Main findings"));
    // The campaign's name heads the report once, not each part again.
    let title = campaign.title.show("en").text.to_string();
    let headings: Vec<&str> = html
        .split("<h1>")
        .skip(1)
        .map(|h| &h[..h.find("</h1>").unwrap()])
        .collect();
    assert_eq!(
        headings.iter().filter(|h| h.contains(&title)).count(),
        1,
        "{headings:?}"
    );
    // Plain words beside every p-value of the comparison, on its page and in the summary.
    let compare = app.page(&admin, &format!("{base}/compare")).await;
    let real = compare.matches("a real difference, not chance").count();
    let chance = compare.matches("could be chance").count();
    let tests = compare.matches("Kruskal–Wallis</td>").count()
        + compare.matches("Mann–Whitney</td>").count();
    assert!(
        tests > 0 && real + chance == tests,
        "{real} + {chance} of {tests}"
    );
    if real > 0 {
        assert!(summary.contains("A real difference, not chance"));
    }
}

/// The cells of a heat map as drawn, in order: the value, "–" when empty, or "hidden".
fn drawn_cells(svg: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find("class=\"heat-") {
        rest = &rest[at + 12..];
        let kind = &rest[..rest.find('"').unwrap()];
        match kind {
            "value" => {
                let text = &rest[rest.find('>').unwrap() + 1..];
                cells.push(text[..text.find('<').unwrap()].to_string());
            }
            "empty" => cells.push("–".into()),
            "hidden" => cells.push("hidden".into()),
            _ => {}
        }
    }
    cells
}

/// The text of every `<text class="heat-column">`, its lines joined.
fn column_labels(svg: &str) -> Vec<String> {
    svg.split("class=\"heat-column\">")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</text>").unwrap()];
            t.split("</tspan>")
                .filter_map(|line| line.rfind('>').map(|i| &line[i + 1..]))
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

both_backends!(the_heat_map_has_a_key_labels_values_and_marked_hidden_cells);

async fn the_heat_map_has_a_key_labels_values_and_marked_hidden_cells(backend: Backend) {
    let app = spawn_app(backend).await;
    let summary = app.store().campaigns(app.org).await.unwrap().remove(0);
    let campaign = app.store().campaign(app.org, summary.id).await.unwrap();
    let admin = app.signed_in("admin@afon.example").await;
    let path = format!("/campaigns/{}/report", summary.id);
    for (lang, hidden, key) in [
        ("en", "hidden", "Hidden, to keep people anonymous"),
        ("cy", "cudd", "Cudd, i gadw pobl yn ddienw"),
    ] {
        app.post(&admin, "/language", &[("lang", lang)]).await;
        let html = app.page(&admin, &path).await;
        let figure = &html[html.find("aria-labelledby=\"heat-heading\"").unwrap()..];
        let figure = &figure[..figure.find("</figure>").unwrap()];
        // The key: the scale with its ticks, and what the two kinds of empty cell mean.
        assert!(
            figure.contains("class=\"chart-key heat-key\""),
            "{lang}: a key"
        );
        for tick in 1..=5 {
            assert!(
                figure.contains(&format!(">{tick}</tspan>")),
                "{lang}: tick {tick}"
            );
        }
        assert!(
            figure.contains(key),
            "{lang}: the key explains hidden cells"
        );
        let wide = &figure[figure.find("chart-wide heat-map").unwrap()..];
        let wide = &wide[..wide.find("</svg>").unwrap()];
        let narrow = &figure[figure.find("chart-narrow heat-map").unwrap()..];
        let narrow = &narrow[..narrow.find("</svg>").unwrap()];
        // Every area heads its column, in full or shortened with "…".
        let areas: Vec<String> = campaign
            .areas
            .iter()
            .map(|a| a.title.show(lang).text.replace('\'', "&#39;"))
            .collect();
        let labels = column_labels(wide);
        assert_eq!(labels.len(), areas.len(), "{lang}: {labels:?}");
        for (label, area) in labels.iter().zip(&areas) {
            assert!(
                label == area || area.starts_with(label.trim_end_matches('…')),
                "{lang}: {label} heads {area}"
            );
        }
        // The table beside it: each cell's value, "–" or hidden, in order.
        let table = &html[html.find("id=\"heat-heading\"").unwrap()..];
        let table = &table[table.find("<tbody>").unwrap()..table.find("</tbody>").unwrap()];
        let in_table: Vec<String> = table
            .split("<td class=\"numeric\">")
            .skip(1)
            .map(|cell| {
                let cell = &cell[..cell.find("</td>").unwrap()];
                if cell.contains("class=\"hint\"") {
                    "hidden".to_string()
                } else {
                    cell.to_string()
                }
            })
            .collect();
        assert!(!in_table.is_empty());
        assert!(
            in_table.iter().any(|c| c == "hidden"),
            "{lang}: the demo has cells hidden for anonymity"
        );
        assert!(in_table.iter().any(|c| c.parse::<f64>().is_ok()));
        // Both forms of the chart draw exactly the table's cells: the same values, one format,
        // and the hidden ones marked, saying so.
        assert_eq!(drawn_cells(wide), in_table, "{lang}: wide");
        assert_eq!(drawn_cells(narrow), in_table, "{lang}: narrow");
        assert!(wide.contains(&format!(">{hidden}</tspan>")), "{lang}");
        assert!(narrow.contains(&format!(">{hidden}</tspan>")), "{lang}");
    }
}
