//! Analysis of a campaign: groups compared competence by competence, and confidence against
//! tested knowledge, each as a page (a chart drawn here, with its table) and as CSV. Groups
//! the anonymity rules hide never appear; the domain decides which, for the whole campaign at
//! once.

use crate::AppState;
use crate::access::Admin;
use crate::charts::{Kind, Row, RowChart, Scale, Series};
use crate::context::Ctx;
use crate::error::AppResult;
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use skillgym_domain::CampaignId;
use skillgym_domain::analysis::calibration::{Calibration, CalibrationRow};
use skillgym_domain::analysis::compare::{Comparison, Test};
use skillgym_i18n::Tr;
use skillgym_reporting::Analysed;
use skillgym_reporting::grouping::{Choice, GroupHead, Grouping, GroupingNotice};
use skillgym_store::Campaign;
use std::sync::Arc;

/// `?by=job_family`, `?by=employment`, or `?by=` the code of a single-choice profile question.
#[derive(Debug, Default, Deserialize)]
pub struct ByQuery {
    by: Option<String>,
}

/// The campaign, its finished responses and what may be shown of them, and the grouping: what
/// both pages need.
struct Loaded {
    campaign: Campaign,
    analysed: Arc<Analysed>,
    threshold: usize,
    grouping: Grouping,
}

async fn load(
    state: &AppState,
    ctx: &Ctx,
    admin: &Admin,
    id: CampaignId,
    by: &ByQuery,
) -> AppResult<Loaded> {
    let reports = state.reports(admin.organisation_id).await?;
    let campaign = reports.campaign(id).await?;
    let analysed = reports.analysed(&campaign).await?;
    let grouping = reports
        .grouping(by.by.as_deref(), &campaign, &analysed, &ctx.tr)
        .await?;
    Ok(Loaded {
        campaign,
        analysed,
        threshold: reports.threshold().get(),
        grouping,
    })
}

fn competences(campaign: &Campaign) -> Vec<&skillgym_store::CampaignCompetence> {
    campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter())
        .collect()
}

pub(super) fn p_value(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".into()
    } else {
        format!("{p:.3}")
    }
}

/// Below this p-value a difference is called real rather than chance, as the method says.
pub(super) const SIGNIFICANT: f64 = 0.05;

/// The plain words shown beside a p-value: message ids of a difference that is real (not
/// chance) and of one that could be chance.
pub(super) fn p_reading(p: f64, real: &'static str, chance: &'static str) -> &'static str {
    if p < SIGNIFICANT { real } else { chance }
}

/// The plain words shown beside a correlation (Pearson's r), by its size either way.
pub(super) fn r_reading(r: f64) -> &'static str {
    match r.abs() {
        x if x >= 0.5 => "analysis-r-strong",
        x if x >= 0.3 => "analysis-r-some",
        _ => "analysis-r-little",
    }
}

/// A CSV download of `rows` (headings first), written by the one CSV writer
/// ([`skillgym_domain::csv_file::CsvWriter`]), which guards every cell a spreadsheet would run
/// as a formula.
pub(crate) fn csv_body(rows: Vec<Vec<String>>, name: &str) -> AppResult<Response> {
    let body = skillgym_domain::csv_file::to_bytes(rows).map_err(anyhow::Error::from)?;
    Ok(csv_download(name, body))
}

/// A CSV file to save, named `name`.
pub(crate) fn csv_download(name: &str, body: Vec<u8>) -> Response {
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

// ----- Comparing groups -----

/// A competence's row: each group's mean and number, and the test.
pub struct CompareRow {
    pub code: String,
    pub title: String,
    pub title_lang: &'static str,
    /// By shown group: (mean, n), or `None` when hidden for this competence.
    pub cells: Vec<Option<(String, usize)>>,
    pub difference: Option<String>,
    /// Message id of the test, its statistic, p-value and effect size.
    pub test: Option<(&'static str, String, String, String)>,
    /// The test's p-value and the message id of its plain words.
    pub p: Option<(f64, &'static str)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaign_compare.html", blocks = ["content"])]
pub struct ComparePage {
    pub(super) page: Page,
    campaign_id: CampaignId,
    threshold: usize,
    by: String,
    choices: Vec<Choice>,
    pub(super) groups: Vec<(GroupHead, usize)>,
    left_out: usize,
    notice: Option<GroupingNotice>,
    /// The page the notice's groupings link to.
    notice_path: &'static str,
    pub(super) rows: Vec<CompareRow>,
    /// Each group's mean of each competence, one dot per group (`crate::charts`).
    chart: String,
}

struct Compared {
    loaded: Loaded,
    comparison: Comparison,
    /// Positions of the groups shown.
    shown: Vec<usize>,
}

async fn compared(
    state: &AppState,
    ctx: &Ctx,
    admin: &Admin,
    id: CampaignId,
    by: &ByQuery,
) -> AppResult<Compared> {
    let loaded = load(state, ctx, admin, id, by).await?;
    let comparison = loaded.grouping.comparison(&loaded.analysed);
    let shown = comparison
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.compared())
        .map(|(i, _)| i)
        .collect();
    Ok(Compared {
        loaded,
        comparison,
        shown,
    })
}

pub async fn compare(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(by): Query<ByQuery>,
) -> AppResult<Response> {
    Ok(compare_page(&state, &ctx, &admin, id, &by)
        .await?
        .into_response())
}

/// The comparison, ready to render as a page or as a part of the print-ready report.
pub(super) async fn compare_page(
    state: &AppState,
    ctx: &Ctx,
    admin: &Admin,
    id: CampaignId,
    by: &ByQuery,
) -> AppResult<ComparePage> {
    let Compared {
        loaded,
        comparison,
        shown,
    } = compared(state, ctx, admin, id, by).await?;
    let lang = ctx.tr.lang().code();
    let competences = competences(&loaded.campaign);
    let mut chart = RowChart {
        id: "compare",
        kind: Kind::Dots { joined: false },
        scale: Scale::new(1.0, 5.0, 4),
        series: shown
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let head = &loaded.grouping.groups[*g];
                Series::nth(i, head.label.clone(), head.lang)
            })
            .collect(),
        rows: Vec::new(),
        decimals: 2,
    };
    let rows = comparison
        .competences
        .iter()
        .map(|c| {
            let competence = competences[c.competence];
            let title = competence.title.show(lang);
            let cells: Vec<_> = shown.iter().map(|g| c.cells[*g]).collect();
            chart.rows.push(Row {
                label: title.text.into(),
                values: cells.iter().map(|cell| cell.map(|x| x.mean)).collect(),
                missing: ctx.tr.t("report-hidden"),
            });
            CompareRow {
                code: competence.code.clone(),
                title: title.text.into(),
                title_lang: title.lang,
                cells: cells
                    .iter()
                    .map(|cell| cell.map(|x| (format!("{:.2}", x.mean), x.n)))
                    .collect(),
                difference: c.difference.map(|d| format!("{d:.2}")),
                test: c.test.map(|t| {
                    let name = match t {
                        Test::MannWhitney(_) => "analysis-test-mann-whitney",
                        Test::KruskalWallis(_) => "analysis-test-kruskal-wallis",
                    };
                    (
                        name,
                        format!("{:.2}", t.statistic()),
                        p_value(t.p()),
                        format!("{:.2}", t.effect()),
                    )
                }),
                p: c.test.map(|t| {
                    (
                        t.p(),
                        p_reading(t.p(), "analysis-p-real", "analysis-p-chance"),
                    )
                }),
            }
        })
        .collect();
    let choices = loaded
        .grouping
        .choices(&loaded.campaign, &loaded.analysed.columns, &ctx.tr);
    let notice = loaded
        .grouping
        .notice(&loaded.campaign, &loaded.analysed, &ctx.tr);
    let mut page = ctx.page("analysis-compare-title");
    page.title = ctx.tr.t1(
        "analysis-compare-title-for",
        "campaign",
        loaded.campaign.title.show(lang).text.to_string(),
    );
    let Loaded {
        campaign,
        threshold,
        grouping,
        ..
    } = loaded;
    let mut groups: Vec<Option<GroupHead>> = grouping.groups.into_iter().map(Some).collect();
    Ok(ComparePage {
        page,
        campaign_id: campaign.id,
        threshold,
        by: grouping.code,
        choices,
        groups: shown
            .iter()
            .map(|g| {
                (
                    groups[*g].take().expect("each group once"),
                    comparison.groups[*g].respondents.unwrap_or_default(),
                )
            })
            .collect(),
        left_out: comparison.left_out,
        notice,
        notice_path: "compare",
        rows,
        chart: chart.html(),
    })
}

pub async fn compare_csv(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(by): Query<ByQuery>,
) -> AppResult<Response> {
    let Compared {
        loaded,
        comparison,
        shown,
    } = compared(&state, &ctx, &admin, id, &by).await?;
    let tr = &ctx.tr;
    let lang = tr.lang().code();
    let competences = competences(&loaded.campaign);
    // Headed as the page's table is, which names its last figures by how many groups it shows.
    let two = shown.len() == 2;
    let mut rows = vec![
        [
            "analysis-csv-competence-code",
            "report-competence",
            "analysis-csv-group-code",
            "report-group",
            "analysis-csv-respondents",
            "analysis-csv-n",
            "audit-results-mean",
            if two {
                "analysis-difference"
            } else {
                "analysis-spread"
            },
            "analysis-test",
            "analysis-statistic",
            "analysis-p-value",
            if two {
                "analysis-rank-biserial"
            } else {
                "analysis-epsilon-squared"
            },
        ]
        .map(|id| tr.t(id))
        .to_vec(),
    ];
    let hidden = tr.t("report-hidden");
    for c in &comparison.competences {
        let competence = competences[c.competence];
        let (test, statistic, p, effect) = match c.test {
            Some(t) => (
                tr.t(match t {
                    Test::MannWhitney(_) => "analysis-test-mann-whitney",
                    Test::KruskalWallis(_) => "analysis-test-kruskal-wallis",
                }),
                format!("{:.6}", t.statistic()),
                format!("{:e}", t.p()),
                format!("{:.6}", t.effect()),
            ),
            None => Default::default(),
        };
        for g in &shown {
            let group = &loaded.grouping.groups[*g];
            let cell = c.cells[*g];
            rows.push(vec![
                competence.code.clone(),
                competence.title.show(lang).text.to_string(),
                group.key.clone(),
                group.label.clone(),
                comparison.groups[*g]
                    .respondents
                    .unwrap_or_default()
                    .to_string(),
                cell.map_or_else(|| hidden.clone(), |x| x.n.to_string()),
                cell.map_or_else(|| hidden.clone(), |x| format!("{:.6}", x.mean)),
                c.difference.map(|d| format!("{d:.6}")).unwrap_or_default(),
                test.clone(),
                statistic.clone(),
                p.clone(),
                effect.clone(),
            ]);
        }
    }
    csv_body(rows, &format!("compare-{}.csv", loaded.grouping.code))
}

// ----- Confidence against knowledge -----

/// A group's line: its figures formatted, and its bars.
pub struct CalibrationView {
    pub label: String,
    pub lang: &'static str,
    pub people: usize,
    pub confidence: String,
    pub score: String,
    pub gap: String,
    /// The gap itself, for the print summary's findings.
    pub gap_value: f64,
    /// Message id saying which way the gap goes.
    pub reading: &'static str,
    pub correlation: Option<String>,
    /// Message id of the correlation's plain words.
    pub correlation_reading: Option<&'static str>,
    /// Confidence and score, 0 to 1, for the chart.
    pub bars: (f64, f64),
}

#[derive(Template, WebTemplate)]
#[template(path = "campaign_calibration.html", blocks = ["content"])]
pub struct CalibrationPage {
    pub(super) page: Page,
    campaign_id: CampaignId,
    threshold: usize,
    by: String,
    choices: Vec<Choice>,
    has_quiz: bool,
    left_out: usize,
    notice: Option<GroupingNotice>,
    notice_path: &'static str,
    pub(super) rows: Vec<CalibrationView>,
    /// Each group's confidence and score as bars (`crate::charts`).
    chart: String,
    /// Each tested competence with a group shown: self-ratings beside right answers.
    pub(super) knowledge: Vec<KnowledgeView>,
}

/// A tested competence's rows in the table of confidence against knowledge by competence.
pub struct KnowledgeView {
    pub code: String,
    pub title: String,
    pub title_lang: &'static str,
    pub rows: Vec<KnowledgeRowView>,
}

pub struct KnowledgeRowView {
    pub label: String,
    pub lang: &'static str,
    pub raters: usize,
    pub mean_rating: String,
    pub answerers: usize,
    /// Right answers as a whole percentage.
    pub share_right: String,
    /// Message id of how ratings and answers compare.
    pub reading: &'static str,
    /// The groups that rated themselves higher but got fewer right: (label, lang).
    pub reversed: Vec<(String, &'static str)>,
}

fn knowledge_views(
    loaded: &Loaded,
    knowledge: &[skillgym_domain::analysis::calibration::CompetenceKnowledge],
    tr: &Tr,
) -> Vec<KnowledgeView> {
    use skillgym_domain::analysis::calibration::{Disagreement, KnowledgeCell};
    let lang = tr.lang().code();
    let competences = competences(&loaded.campaign);
    let heads = &loaded.grouping.groups;
    let row = |label: String, lang: &'static str, cell: &KnowledgeCell| KnowledgeRowView {
        label,
        lang,
        raters: cell.raters,
        mean_rating: format!("{:.2}", cell.mean_rating),
        answerers: cell.answerers,
        share_right: format!("{:.0}%", cell.share_right * 100.0),
        reading: match cell.disagreement() {
            Some(Disagreement::Over) => "analysis-knowledge-over",
            Some(Disagreement::Under) => "analysis-knowledge-under",
            None => "analysis-knowledge-agrees",
        },
        reversed: Vec::new(),
    };
    knowledge
        .iter()
        .filter_map(|k| {
            let mut rows: Vec<KnowledgeRowView> = Vec::new();
            for (g, cell) in k.groups.iter().enumerate() {
                let Some(cell) = cell else { continue };
                let mut view = row(heads[g].label.clone(), heads[g].lang, cell);
                view.reversed = (k.reversed.iter())
                    .filter(|(lower, _)| *lower == g)
                    .map(|(_, higher)| (heads[*higher].label.clone(), heads[*higher].lang))
                    .collect();
                rows.push(view);
            }
            if let Some(cell) = &k.everyone {
                rows.push(row(tr.t("analysis-everyone"), lang, cell));
            }
            let competence = competences.get(k.competence)?;
            let title = competence.title.show(lang);
            (!rows.is_empty()).then(|| KnowledgeView {
                code: competence.code.clone(),
                title: title.text.to_string(),
                title_lang: title.lang,
                rows,
            })
        })
        .collect()
}

struct Calibrated {
    loaded: Loaded,
    calibration: Calibration,
    knowledge: Vec<skillgym_domain::analysis::calibration::CompetenceKnowledge>,
    has_quiz: bool,
}

async fn calibrated(
    state: &AppState,
    ctx: &Ctx,
    admin: &Admin,
    id: CampaignId,
    by: &ByQuery,
) -> AppResult<Calibrated> {
    let loaded = load(state, ctx, admin, id, by).await?;
    let calibration = loaded.grouping.calibration(&loaded.analysed);
    let knowledge = loaded.grouping.knowledge_by_competence(&loaded.analysed);
    Ok(Calibrated {
        has_quiz: !loaded.analysed.columns.tested.is_empty(),
        loaded,
        calibration,
        knowledge,
    })
}

/// The rows shown: each group shown, then everyone; hidden groups never appear.
fn shown_rows<'a>(
    calibration: &'a Calibration,
    grouping: &'a Grouping,
    tr: &Tr,
) -> Vec<(String, String, &'static str, &'a CalibrationRow)> {
    let mut out: Vec<_> = calibration
        .groups
        .iter()
        .zip(&grouping.groups)
        .filter(|(row, _)| row.figures.is_some())
        .map(|(row, head)| (head.key.clone(), head.label.clone(), head.lang, row))
        .collect();
    if calibration.everyone.figures.is_some() {
        out.push((
            "everyone".into(),
            tr.t("analysis-everyone"),
            tr.lang().code(),
            &calibration.everyone,
        ));
    }
    out
}

pub async fn calibration(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(by): Query<ByQuery>,
) -> AppResult<Response> {
    Ok(calibration_page(&state, &ctx, &admin, id, &by)
        .await?
        .into_response())
}

/// Confidence against knowledge, ready to render as a page or as a part of the print-ready
/// report.
pub(super) async fn calibration_page(
    state: &AppState,
    ctx: &Ctx,
    admin: &Admin,
    id: CampaignId,
    by: &ByQuery,
) -> AppResult<CalibrationPage> {
    let Calibrated {
        loaded,
        calibration,
        knowledge,
        has_quiz,
    } = calibrated(state, ctx, admin, id, by).await?;
    let knowledge = knowledge_views(&loaded, &knowledge, &ctx.tr);
    let lang = ctx.tr.lang().code();
    let rows: Vec<CalibrationView> = shown_rows(&calibration, &loaded.grouping, &ctx.tr)
        .into_iter()
        .filter_map(|(_, label, lang, row)| {
            let f = row.figures?;
            Some(CalibrationView {
                label,
                lang,
                people: row.people?,
                confidence: format!("{:.2}", f.confidence),
                score: format!("{:.2}", f.score),
                gap: format!("{:+.2}", f.gap),
                gap_value: f.gap,
                reading: if f.gap > 0.05 {
                    "analysis-calibration-over"
                } else if f.gap < -0.05 {
                    "analysis-calibration-under"
                } else {
                    "analysis-calibration-matched"
                },
                correlation: f.correlation.map(|r| format!("{r:.2}")),
                correlation_reading: f.correlation.map(r_reading),
                bars: (f.confidence, f.score),
            })
        })
        .collect();
    let mut page = ctx.page("analysis-calibration-title");
    page.title = ctx.tr.t1(
        "analysis-calibration-title-for",
        "campaign",
        loaded.campaign.title.show(lang).text.to_string(),
    );
    let notice = loaded
        .grouping
        .notice(&loaded.campaign, &loaded.analysed, &ctx.tr);
    Ok(CalibrationPage {
        page,
        notice,
        notice_path: "calibration",
        campaign_id: loaded.campaign.id,
        threshold: loaded.threshold,
        choices: loaded
            .grouping
            .choices(&loaded.campaign, &loaded.analysed.columns, &ctx.tr),
        by: loaded.grouping.code,
        has_quiz,
        left_out: calibration.left_out,
        chart: RowChart {
            id: "calibration",
            kind: Kind::Bars,
            scale: Scale::new(0.0, 1.0, 5),
            series: vec![
                Series::nth(0, ctx.tr.t("analysis-confidence"), lang),
                Series::nth(1, ctx.tr.t("analysis-quiz-score"), lang),
            ],
            rows: rows
                .iter()
                .map(|r| Row {
                    label: r.label.clone(),
                    values: vec![Some(r.bars.0), Some(r.bars.1)],
                    missing: String::new(),
                })
                .collect(),
            decimals: 2,
        }
        .html(),
        rows,
        knowledge,
    })
}

pub async fn calibration_csv(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(by): Query<ByQuery>,
) -> AppResult<Response> {
    let Calibrated {
        loaded,
        calibration,
        ..
    } = calibrated(&state, &ctx, &admin, id, &by).await?;
    let mut rows = vec![
        [
            "analysis-csv-group-code",
            "report-group",
            "analysis-people",
            "analysis-confidence",
            "analysis-quiz-score",
            "analysis-gap",
            "analysis-correlation",
        ]
        .map(|id| ctx.tr.t(id))
        .to_vec(),
    ];
    for (key, label, _, row) in shown_rows(&calibration, &loaded.grouping, &ctx.tr) {
        let Some(f) = row.figures else { continue };
        let Some(people) = row.people else { continue };
        rows.push(vec![
            key,
            label.clone(),
            people.to_string(),
            format!("{:.6}", f.confidence),
            format!("{:.6}", f.score),
            format!("{:.6}", f.gap),
            f.correlation.map(|r| format!("{r:.6}")).unwrap_or_default(),
        ]);
    }
    csv_body(rows, &format!("calibration-{}.csv", loaded.grouping.code))
}

/// `/campaigns/{id}/calibration-competences.csv`: the table of confidence against knowledge
/// competence by competence, headed in the reader's language, a row per group shown and then
/// everyone, as on the page.
pub async fn knowledge_csv(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    Query(by): Query<ByQuery>,
) -> AppResult<Response> {
    let Calibrated {
        loaded, knowledge, ..
    } = calibrated(&state, &ctx, &admin, id, &by).await?;
    let tr = &ctx.tr;
    let mut rows = vec![
        [
            "analysis-csv-competence-code",
            "report-competence",
            "report-group",
            "analysis-knowledge-raters",
            "analysis-knowledge-mean",
            "analysis-knowledge-answerers",
            "analysis-knowledge-right",
            "analysis-knowledge-reading",
        ]
        .map(|id| tr.t(id))
        .to_vec(),
    ];
    for k in knowledge_views(&loaded, &knowledge, tr) {
        for row in k.rows {
            let mut reading = vec![tr.t(row.reading)];
            reading
                .extend((row.reversed.iter()).map(|(group, _)| {
                    tr.t1("analysis-knowledge-reversed", "group", group.clone())
                }));
            rows.push(vec![
                k.code.clone(),
                k.title.clone(),
                row.label,
                row.raters.to_string(),
                row.mean_rating,
                row.answerers.to_string(),
                row.share_right,
                reading.join("; "),
            ]);
        }
    }
    csv_body(
        rows,
        &format!("calibration-competences-{}.csv", loaded.grouping.code),
    )
}
