//! Comparing groups and confidence against knowledge: the pages and their CSV agree, small
//! groups never appear, only admins see them, and the demo shows its leaders' modesty.

mod common;

use common::{TestApp, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::JobFamily;
use skillgym_domain::analysis::AnonymityThreshold;
use skillgym_domain::demo::{self, DemoOptions};
use skillgym_i18n::{Lang, Tr};
use skillgym_store::Actor;
use skillgym_test_db::{Backend, TestDb, both_backends, oracle};
use std::collections::HashMap;

/// A CSV body's rows of cells, after its header.
async fn csv_rows(app: &TestApp, client: &reqwest::Client, path: &str) -> Vec<Vec<String>> {
    let response = app.get(client, path).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    let text = response.text().await.unwrap();
    csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The comparison CSV's headings in English, for more than two groups.
const COMPARE: [&str; 12] = [
    "Competence code",
    "Competence",
    "Group code",
    "Group",
    "People in the group who answered",
    "People who rated it 1 to 5",
    "Mean rating",
    "Spread (highest less lowest)",
    "Test",
    "Statistic (U or H)",
    "p-value",
    "Effect size (epsilon squared)",
];

/// The same headings' message ids, for two groups.
const COMPARE_TWO_IDS: [&str; 12] = [
    "analysis-csv-competence-code",
    "report-competence",
    "analysis-csv-group-code",
    "report-group",
    "analysis-csv-respondents",
    "analysis-csv-n",
    "audit-results-mean",
    "analysis-difference",
    "analysis-test",
    "analysis-statistic",
    "analysis-p-value",
    "analysis-rank-biserial",
];

const CALIBRATION: [&str; 7] = [
    "Group code",
    "Group",
    "People",
    "Confidence (0 to 1)",
    "Score (0 to 1)",
    "Gap",
    "Correlation (r)",
];

const CALIBRATION_IDS: [&str; 7] = [
    "analysis-csv-group-code",
    "report-group",
    "analysis-people",
    "analysis-confidence",
    "analysis-quiz-score",
    "analysis-gap",
    "analysis-correlation",
];

/// The position of a column of the comparison CSV, by its English heading.
fn column(name: &str) -> usize {
    COMPARE.iter().position(|c| *c == name).unwrap()
}

/// A CSV's header row.
async fn csv_header(app: &TestApp, client: &reqwest::Client, path: &str) -> Vec<String> {
    let response = app.get(client, path).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    let text = response.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader.headers().unwrap().iter().map(String::from).collect()
}

both_backends!(the_pages_and_their_csv_agree);

both_backends!(the_csv_headings_are_in_the_readers_language);

/// The CSV files are headed in the words of the page's table, in the reader's language, as the
/// report's are; codes and numbers stay as they are for programs.
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
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let admin = app.signed_in("admin@afon.example").await;
    // Employees and volunteers: two groups, so a difference and the rank-biserial correlation.
    let compare = format!("/campaigns/{campaign}/compare.csv?by=employment");
    let calibration = format!("/campaigns/{campaign}/calibration.csv?by=job_family");
    let english = csv_header(&app, &admin, &compare).await;
    assert_eq!(
        english,
        [
            "Competence code",
            "Competence",
            "Group code",
            "Group",
            "People in the group who answered",
            "People who rated it 1 to 5",
            "Mean rating",
            "Difference (first less second)",
            "Test",
            "Statistic (U or H)",
            "p-value",
            "Effect size (rank-biserial)",
        ]
    );
    let rows = csv_rows(&app, &admin, &compare).await;
    assert!(
        rows.iter().any(|r| r[3] == "Volunteer"),
        "two groups compared"
    );
    assert_eq!(csv_header(&app, &admin, &calibration).await, CALIBRATION);

    app.post(&admin, "/language", &[("lang", "cy")]).await;
    let cy = Tr::new(Lang::Cy);
    let welsh = csv_header(&app, &admin, &compare).await;
    assert_eq!(welsh, COMPARE_TWO_IDS.map(|id| cy.t(id)));
    assert_eq!(welsh[0], "Cod y cymhwysedd");
    assert_eq!(welsh[10], "Gwerth p");
    // Every heading is in Welsh.
    for (en, cy) in english.iter().zip(&welsh) {
        assert_ne!(en, cy);
    }
    let rows = csv_rows(&app, &admin, &compare).await;
    assert!(rows.iter().any(|r| r[3] == "Gwirfoddolwr"), "{rows:?}");
    // Numbers stay as programs read them: a point, never a comma.
    for row in &rows {
        if let Ok(mean) = row[6].parse::<f64>() {
            assert!((1.0..=5.0).contains(&mean), "{row:?}");
        } else {
            assert_eq!(row[6], "cudd", "hidden, in Welsh: {row:?}");
        }
    }
    let welsh = csv_header(&app, &admin, &calibration).await;
    assert_eq!(welsh, CALIBRATION_IDS.map(|id| cy.t(id)));
    assert_eq!(welsh[3], "Hyder (0 i 1)");
    let rows = csv_rows(&app, &admin, &calibration).await;
    assert_eq!(rows.last().unwrap()[..2], ["everyone", "Pawb"]);
}

async fn the_pages_and_their_csv_agree(backend: Backend) {
    let app = spawn_app(backend).await;
    // Groups of three or more are shown, so that the small demo has groups to compare.
    app.store()
        .change_anonymity_threshold(
            app.org,
            AnonymityThreshold::new(3).unwrap(),
            Actor::CommandLine,
        )
        .await
        .unwrap();
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let admin = app.signed_in("admin@afon.example").await;
    for by in ["job_family", "employment", "LEADERSHIP", "no-such-grouping"] {
        let html = app
            .page(&admin, &format!("/campaigns/{campaign}/compare?by={by}"))
            .await;
        assert!(html.contains("How these figures are worked out"), "{by}");
        let html = app
            .page(
                &admin,
                &format!("/campaigns/{campaign}/calibration?by={by}"),
            )
            .await;
        assert!(html.contains("How these figures are worked out"), "{by}");
    }
    let campaign_page = app.page(&admin, &format!("/campaigns/{campaign}")).await;
    assert!(campaign_page.contains(&format!("/campaigns/{campaign}/compare")));
    assert!(campaign_page.contains(&format!("/campaigns/{campaign}/calibration")));
    let report = app
        .page(&admin, &format!("/campaigns/{campaign}/report"))
        .await;
    assert!(report.contains(&format!("/campaigns/{campaign}/compare")));

    // Every mean in the CSV is on the page, in its competence's row, with its test.
    let fresh = &app;
    let html = fresh
        .page(
            &admin,
            &format!("/campaigns/{campaign}/compare?by=job_family"),
        )
        .await;
    assert!(html.contains("<svg") && html.contains("aria-hidden=\"true\""));
    let rows = csv_rows(
        fresh,
        &admin,
        &format!("/campaigns/{campaign}/compare.csv?by=job_family"),
    )
    .await;
    assert!(!rows.is_empty(), "groups of 3 or more are compared");
    assert_eq!(
        csv_header(
            fresh,
            &admin,
            &format!("/campaigns/{campaign}/compare.csv?by=job_family")
        )
        .await,
        COMPARE
    );
    let (competence, n, mean, test) = (
        column("Competence code"),
        column("People who rated it 1 to 5"),
        column("Mean rating"),
        column("Test"),
    );
    for row in &rows {
        let start = html
            .find(&format!("data-competence=\"{}\"", row[competence]))
            .expect("a row per competence");
        let tr = &html[start..start + html[start..].find("</tr>").unwrap()];
        // A mean kept back for anonymity says so, as on the page and in the report's CSV.
        if row[mean] == "hidden" {
            assert_eq!(row[n], "hidden");
            assert!(tr.contains(">hidden<"), "{tr}");
        } else {
            let m: f64 = row[mean].parse().unwrap();
            assert!(tr.contains(&format!(">{m:.2}<")), "{m:.2} in {tr}");
        }
        match row[test].as_str() {
            "" => {}
            name => {
                assert!(["Mann–Whitney", "Kruskal–Wallis"].contains(&name), "{name}");
                assert!(tr.contains(&format!("<td>{name}</td>")), "{name} in {tr}");
            }
        }
    }
    let html = fresh
        .page(
            &admin,
            &format!("/campaigns/{campaign}/calibration?by=job_family"),
        )
        .await;
    let rows = csv_rows(
        fresh,
        &admin,
        &format!("/campaigns/{campaign}/calibration.csv?by=job_family"),
    )
    .await;
    assert_eq!(rows.last().unwrap()[0], "everyone");
    assert_eq!(rows.last().unwrap()[1], "Everyone");
    let table = &html[html.find("id=\"calibration-table\"").unwrap()..];
    for row in &rows {
        let start = table
            .find(&format!(">{}</span>", row[1]))
            .expect("a row per group");
        let tr = &table[start..start + table[start..].find("</tr>").unwrap()];
        let confidence: f64 = row[3].parse().unwrap();
        let score: f64 = row[4].parse().unwrap();
        assert!(
            tr.contains(&format!(">{confidence:.2}<")) && tr.contains(&format!(">{score:.2}<")),
            "{tr}"
        );
        assert!(
            tr.contains(&format!(">{}<", row[2])),
            "the number of people: {tr}"
        );
    }
}

both_backends!(groups_under_the_threshold_never_appear);

async fn groups_under_the_threshold_never_appear(backend: Backend) {
    let app = spawn_app(backend).await;
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let data = oracle::analysis_data(&app.db, app.org, campaign)
        .await
        .unwrap();
    let mut sizes: HashMap<String, usize> = HashMap::new();
    for r in &data.respondents {
        *sizes
            .entry(r.job_family.clone().unwrap_or_default())
            .or_default() += 1;
    }
    // A threshold above the smallest job family, so at least it must go.
    let smallest = JobFamily::ALL
        .iter()
        .filter_map(|f| sizes.get(f.as_str()).copied())
        .min()
        .unwrap();
    let threshold = (smallest + 1).max(usize::from(AnonymityThreshold::MIN));
    app.store()
        .change_anonymity_threshold(
            app.org,
            AnonymityThreshold::new(threshold as i64).unwrap(),
            Actor::CommandLine,
        )
        .await
        .unwrap();
    let admin = app.signed_in("admin@afon.example").await;
    let labels: HashMap<&str, &str> = HashMap::from([
        ("frontline", "Frontline"),
        ("specialist", "Specialist"),
        ("manager", "Manager"),
        ("senior_leader", "Senior leader"),
        ("aspiring_leader", "Aspiring leader"),
    ]);
    let html = app
        .page(
            &admin,
            &format!("/campaigns/{campaign}/compare?by=job_family"),
        )
        .await;
    assert!(
        html.contains("left out to keep"),
        "the page says groups were left out"
    );
    let compare = csv_rows(
        &app,
        &admin,
        &format!("/campaigns/{campaign}/compare.csv?by=job_family"),
    )
    .await;
    let calibration_html = app
        .page(
            &admin,
            &format!("/campaigns/{campaign}/calibration?by=job_family"),
        )
        .await;
    let calibration = csv_rows(
        &app,
        &admin,
        &format!("/campaigns/{campaign}/calibration.csv?by=job_family"),
    )
    .await;
    for (family, size) in &sizes {
        if family.is_empty() || *size >= threshold {
            continue;
        }
        let label = labels[family.as_str()];
        if let Some(table) = html.find("<table") {
            assert!(
                !html[table..].contains(&format!(">{label}</span>")),
                "{label} is hidden"
            );
        }
        assert!(
            !calibration_html.contains(&format!(">{label}</span>")),
            "{label} is hidden"
        );
        assert!(compare.iter().all(|r| &r[2] != family));
        assert!(calibration.iter().all(|r| &r[0] != family));
    }
    // Nothing at all when every group is too small (a new app: the threshold is cached).
    let fresh = spawn_app(backend).await;
    fresh
        .store()
        .change_anonymity_threshold(
            fresh.org,
            AnonymityThreshold::new(50).unwrap(),
            Actor::CommandLine,
        )
        .await
        .unwrap();
    let campaign = fresh.store().campaigns(fresh.org).await.unwrap()[0].id;
    let admin = fresh.signed_in("admin@afon.example").await;
    let html = fresh
        .page(
            &admin,
            &format!("/campaigns/{campaign}/compare?by=job_family"),
        )
        .await;
    assert!(html.contains("not enough groups big enough") && !html.contains("<table"));
    assert!(
        csv_rows(
            &fresh,
            &admin,
            &format!("/campaigns/{campaign}/compare.csv?by=job_family")
        )
        .await
        .is_empty()
    );
    assert!(
        csv_rows(
            &fresh,
            &admin,
            &format!("/campaigns/{campaign}/calibration.csv?by=LEADERSHIP")
        )
        .await
        .is_empty()
    );

    let learner = fresh.signed_in("learner@afon.example").await;
    for path in ["compare", "compare.csv", "calibration", "calibration.csv"] {
        let refused = fresh
            .get(
                &learner,
                &format!("/campaigns/{campaign}/{path}?by=job_family"),
            )
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{path}");
    }
}

/// The demo organisation of 600 people, served on a random port.
async fn demo_app(backend: Backend) -> TestApp {
    let db = TestDb::new(backend).await;
    let generated = demo::generate(&DemoOptions {
        people: 600,
        seed: 7,
        ..Default::default()
    });
    let hash = skillgym_web::hash_password(demo::DEMO_PASSWORD).unwrap();
    let org = db
        .store
        .seed_demo(&generated, &hash, &|_| {})
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let config = skillgym_web::WebConfig {
        public_url: url.clone(),
        ..skillgym_web::WebConfig::default()
    };
    let router = skillgym_web::app(db.store.clone(), config);
    tokio::spawn(async move { skillgym_web::serve(listener, router).await.unwrap() });
    TestApp {
        url,
        db,
        org: org.id,
    }
}

both_backends!(the_demo_leaders_are_modest_but_know_more);

/// The demo simulates leaders rating themselves lower than aspiring leaders while doing
/// better in the knowledge round; the calibration page must show their modesty.
async fn the_demo_leaders_are_modest_but_know_more(backend: Backend) {
    let app = demo_app(backend).await;
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let data = oracle::analysis_data(&app.db, app.org, campaign)
        .await
        .unwrap();
    assert!(data.respondents.len() > 100);
    let admin = app.signed_in("admin@afon.example").await;
    let rows = csv_rows(
        &app,
        &admin,
        &format!("/campaigns/{campaign}/calibration.csv?by=LEADERSHIP"),
    )
    .await;
    let find = |group: &str| {
        rows.iter()
            .find(|r| r[0] == group)
            .unwrap_or_else(|| panic!("{group} in {rows:?}"))
    };
    // LEADERSHIP option 0: leading a team now; option 1: hoping to.
    let (leaders, aspiring) = (find("0"), find("1"));
    let number = |r: &Vec<String>, i: usize| r[i].parse::<f64>().unwrap();
    assert!(
        number(leaders, 3) < number(aspiring, 3),
        "leaders are less confident: {rows:?}"
    );
    // Yet they do better in the knowledge round, as in the national leaders' audit.
    assert!(
        number(leaders, 4) > number(aspiring, 4),
        "leaders score higher in the quiz: {rows:?}"
    );
    // So their gap (confidence less score) is the more modest.
    assert!(
        number(leaders, 5) < number(aspiring, 5),
        "leaders know more than they think, relative to aspiring leaders: {rows:?}"
    );
}

both_backends!(knowledge_by_competence_is_counted_from_the_answers);

/// Confidence against knowledge competence by competence, by the leadership question: each
/// group's mean self-rating and share of right answers as the report gives them are the ones
/// counted here from the stored answers, reversals included; the page shows them.
async fn knowledge_by_competence_is_counted_from_the_answers(backend: Backend) {
    use skillgym_domain::audit::Rating;
    use skillgym_reporting::ReportOptions;
    let app = demo_app(backend).await;
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let full = app.store().campaign(app.org, campaign).await.unwrap();
    let (leadership, _) = full
        .questions
        .iter()
        .find(|(_, q)| q.code == "LEADERSHIP")
        .unwrap();
    let data = oracle::analysis_data(&app.db, app.org, campaign)
        .await
        .unwrap();
    // (raters, sum of ratings, answers, right) by competence code and group key.
    let mut counted: HashMap<(String, String), (u64, u64, u64, u64)> = HashMap::new();
    for r in &data.respondents {
        let group = r.profile.get(leadership).cloned();
        for area in &full.areas {
            for c in &area.competences {
                for key in group.iter().cloned().chain(["everyone".to_string()]) {
                    let slot = counted.entry((c.code.clone(), key)).or_default();
                    if let Some(Rating::Level(n)) = r.ratings.get(&c.id) {
                        slot.0 += 1;
                        slot.1 += u64::from(*n);
                    }
                    for (tested, right) in &r.quiz {
                        if *tested == c.id {
                            slot.2 += 1;
                            slot.3 += u64::from(*right);
                        }
                    }
                }
            }
        }
    }
    let options = ReportOptions {
        by: Some("LEADERSHIP".into()),
        ..ReportOptions::default()
    };
    let report = app.report(campaign, &options).await.unwrap();
    let competences = &report.calibration.competences;
    assert!(!competences.is_empty(), "the demo's quiz tests competences");
    let mut reversals = 0;
    for k in competences {
        let rows = k.groups.iter().chain(&k.everyone);
        assert!(rows.clone().count() >= 2, "{}: groups shown", k.code);
        for row in rows {
            let (raters, sum, answers, right) = counted[&(k.code.clone(), row.key.clone())];
            assert_eq!(
                (row.raters as u64, row.answers),
                (raters, answers),
                "{}",
                k.code
            );
            assert!((row.mean_rating - sum as f64 / raters as f64).abs() < 1e-9);
            assert!((row.share_right - right as f64 / answers as f64).abs() < 1e-9);
            let gap = (row.mean_rating - 1.0) / 4.0 - row.share_right;
            let expected = match gap {
                g if g >= 0.25 => Some("over"),
                g if g <= -0.25 => Some("under"),
                _ => None,
            };
            assert_eq!(row.disagreement, expected);
        }
        for a in &k.groups {
            for b in &k.groups {
                let reversed =
                    b.mean_rating - a.mean_rating >= 0.25 && a.share_right - b.share_right >= 0.10;
                let listed = k.reversed.contains(&[a.key.clone(), b.key.clone()]);
                assert_eq!(reversed, listed, "{}: {} against {}", k.code, a.key, b.key);
                reversals += usize::from(listed);
            }
        }
    }
    // As in the national leaders' audit: somewhere, leaders (0) rated themselves lower than
    // those hoping to lead (1) but got more right.
    assert!(
        competences
            .iter()
            .any(|k| k.reversed.contains(&["0".to_string(), "1".to_string()])),
        "{reversals} reversals, none of leaders against aspiring leaders"
    );

    // The page shows each competence's rows, and says where leaders knew more.
    let admin = app.signed_in("admin@afon.example").await;
    let html = app
        .page(
            &admin,
            &format!("/campaigns/{campaign}/calibration?by=LEADERSHIP"),
        )
        .await;
    let table = &html[html.find("id=\"knowledge-table\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let shown: usize = competences
        .iter()
        .map(|k| k.groups.len() + usize::from(k.everyone.is_some()))
        .sum();
    assert_eq!(table.matches("<tr>").count(), shown + 1);
    assert!(table.contains("Rated themselves lower than"));

    // Its CSV holds the same rows, in the same order, as the report.
    let rows = csv_rows(
        &app,
        &admin,
        &format!("/campaigns/{campaign}/calibration-competences.csv?by=LEADERSHIP"),
    )
    .await;
    assert_eq!(rows.len(), shown);
    let mut at = 0;
    for k in competences {
        for g in k.groups.iter().chain(&k.everyone) {
            let row = &rows[at];
            assert_eq!((&row[0], &row[2]), (&k.code, &g.label));
            assert_eq!(row[3], g.raters.to_string());
            assert_eq!(row[4], format!("{:.2}", g.mean_rating));
            assert_eq!(row[6], format!("{:.0}%", g.share_right * 100.0));
            at += 1;
        }
    }
    assert!(
        rows.iter()
            .any(|r| r[7].contains("Rated themselves lower than"))
    );
}

both_backends!(groups_by_hours_service_team_and_site);

/// Grouping by working hours, length of service, team and main site: each group shown holds
/// the people its records put in it (hours and start date from the staff list, team and main
/// site as the campaign recorded them: someone at two sites counts at the first only), and the
/// pages offer and show each grouping.
async fn groups_by_hours_service_team_and_site(backend: Backend) {
    use skillgym_domain::{ContractedHours, ServiceLength, WorkingHours};
    use skillgym_reporting::ReportOptions;
    use skillgym_store::{Progress, ProgressFilter};
    let app = demo_app(backend).await;
    let campaign = app.store().campaigns(app.org).await.unwrap()[0].id;
    let stored = app.store().campaign(app.org, campaign).await.unwrap();
    let opened = stored.opens_on;
    // Some who answered have no start date on record: in no group by length of service.
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    sqlx::query(
        "UPDATE people SET start_date = NULL WHERE id IN (SELECT person_id FROM responses \
         WHERE campaign_id = $1 AND submitted_at IS NOT NULL ORDER BY id LIMIT 7)",
    )
    .bind(campaign.0)
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let progress = app
        .store()
        .campaign_progress(app.org, campaign, ProgressFilter::default())
        .await
        .unwrap();
    // Each grouping's counts of finished responses by group key, from the records.
    let mut expected: HashMap<&str, HashMap<String, usize>> = HashMap::new();
    for p in progress.iter().filter(|p| p.progress == Progress::Finished) {
        let person = app.store().person(app.org, p.person).await.unwrap();
        let hours = ContractedHours::from_hours(person.contracted_hours).unwrap();
        let keys = [
            (
                "hours",
                Some(
                    WorkingHours::of(person.employment, hours)
                        .as_str()
                        .to_string(),
                ),
            ),
            (
                "service",
                (person.start_date)
                    .and_then(|d| ServiceLength::on(d, opened))
                    .map(|s| s.as_str().to_string()),
            ),
            ("team", p.team.map(|t| t.0.to_string())),
            ("site", p.main_site().map(|s| s.0.to_string())),
        ];
        for (by, key) in keys {
            if let Some(key) = key {
                *expected.entry(by).or_default().entry(key).or_default() += 1;
            }
        }
    }
    let admin = app.signed_in("admin@afon.example").await;
    let finished = progress
        .iter()
        .filter(|p| p.progress == Progress::Finished)
        .count();
    let mut notices = 0;
    assert!(
        progress
            .iter()
            .any(|p| p.progress == Progress::Finished && p.sites.len() > 1),
        "someone who answered works at two sites"
    );
    for by in ["hours", "service", "team", "site"] {
        // Those in no group are explained in the grouping's own terms.
        let grouped: usize = expected.get(by).map_or(0, |g| g.values().sum());
        if grouped < finished {
            let html = app
                .page(&admin, &format!("/campaigns/{campaign}/compare?by={by}"))
                .await;
            let reason = match by {
                "hours" => "their working hours",
                "service" => "no start date",
                "site" => "no site when the campaign asked",
                _ => "in no team when the campaign asked",
            };
            assert!(html.contains(reason), "{by}: {reason}");
            assert!(!html.contains("job family or whether"), "{by}");
            notices += 1;
        }
        let options = ReportOptions {
            by: Some(by.into()),
            ..ReportOptions::default()
        };
        let report = app.report(campaign, &options).await.unwrap();
        let comparison = &report.comparison;
        assert_eq!(comparison.by, by);
        assert!(comparison.groups.len() >= 2, "{by}: groups shown");
        for g in &comparison.groups {
            assert_eq!(
                Some(&g.respondents),
                expected[by].get(&g.key),
                "{by} {}",
                g.key
            );
        }
        // Every group with people is shown or counted as left out.
        let with_people = expected[by].values().filter(|n| **n > 0).count();
        assert_eq!(
            comparison.groups.len() + comparison.left_out,
            with_people,
            "{by}"
        );
        for page in ["compare", "calibration"] {
            let html = app
                .page(&admin, &format!("/campaigns/{campaign}/{page}?by={by}"))
                .await;
            assert!(
                html.contains(&format!("<option value=\"{by}\" lang=\"en\" selected>")),
                "{page} by {by}"
            );
            let first = &comparison.groups[0].label;
            assert!(
                html.contains(&format!(">{first}</span>")),
                "{page} by {by}: {first}"
            );
            assert_eq!(
                html.contains("at their main site only"),
                by == "site",
                "{page} by {by}"
            );
        }
    }
    assert!(notices > 0, "some are in no group by length of service");
    // In Welsh, the bands are named in Welsh.
    app.post(&admin, "/language", &[("lang", "cy")]).await;
    let html = app
        .page(&admin, &format!("/campaigns/{campaign}/compare?by=hours"))
        .await;
    assert!(html.contains("Llawn amser"), "{html}");
}
