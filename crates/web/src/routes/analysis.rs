//! Analysis of a campaign: groups compared competence by competence, and confidence against
//! tested knowledge, each as a page (a chart drawn here, with its table) and as CSV. Groups
//! the anonymity rules hide never appear; the domain decides which, for the whole campaign at
//! once.

use crate::AppState;
use crate::access::Admin;
use crate::analysis_cache::Analysed;
use crate::charts::{Kind, Row, RowChart, Scale, Series};
use crate::context::Ctx;
use crate::error::AppResult;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use skillgym_domain::analysis::anonymity::none_or_all;
use skillgym_domain::analysis::calibration::{Calibration, CalibrationRow, PersonCalibration};
use skillgym_domain::analysis::columns::NO_ANSWER;
use skillgym_domain::analysis::compare::{Comparison, GroupCounts, Test};
use skillgym_domain::analysis::{CampaignColumns, GroupingKey};
use skillgym_domain::audit::QuestionKind;
use skillgym_domain::{CampaignId, Employment, JobFamily, QuestionId};
use skillgym_i18n::Tr;
use skillgym_store::Campaign;
use std::sync::Arc;

/// `?by=job_family`, `?by=employment`, or `?by=` the code of a single-choice profile question.
#[derive(Debug, Default, Deserialize)]
pub struct ByQuery {
    by: Option<String>,
}

/// One way of grouping offered in the form.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub lang: &'static str,
    pub selected: bool,
}

/// A group, as headed in tables and the chart's key.
pub struct GroupHead {
    pub key: String,
    pub label: String,
    pub lang: &'static str,
}

/// Who is in which group, for the grouping chosen.
pub(crate) struct Grouping {
    pub(crate) code: String,
    pub(crate) groups: Vec<GroupHead>,
    kind: GroupKind,
    /// Chosen by default in place of job family, which no finished response has.
    pub(crate) instead_of_job_family: bool,
}

/// Why finished responses are in no group, said on the page rather than left as an empty chart,
/// with the campaign's questions offered as groupings that such responses can have.
pub struct GroupingNotice {
    /// Finished responses in no group, of all finished responses.
    pub ungrouped: usize,
    /// Whether how many are in no group may be said (see [`Grouping::notice`]).
    pub counted: bool,
    pub total: usize,
    /// The grouping is by job family or employment, which a response without a person lacks.
    pub by_person: bool,
    pub instead_of_job_family: bool,
    /// The campaign's single-choice questions, other than the one grouped by.
    pub questions: Vec<Choice>,
}

enum GroupKind {
    JobFamily,
    Employment,
    Question(QuestionId),
}

impl Grouping {
    /// The grouping asked for. When `by` is missing or not one the campaign offers: job
    /// family, unless there are finished responses and none has a job family (all imported
    /// without names), when it is the campaign's first single-choice question, if it has one.
    pub(crate) fn choose(
        by: Option<&str>,
        campaign: &Campaign,
        columns: &CampaignColumns,
        tr: &Tr,
    ) -> Self {
        let offered = |code: &str| {
            matches!(code, "job_family" | "employment")
                || single_choice(campaign).any(|(_, q)| q.code == code)
        };
        if by.is_none_or(|b| !offered(b))
            && columns.responses() > 0
            && !columns.knows_job_families()
            && let Some((_, first)) = single_choice(campaign).next()
        {
            let mut grouping = Self::chosen(Some(&first.code), campaign, tr);
            grouping.instead_of_job_family = true;
            return grouping;
        }
        Self::chosen(by, campaign, tr)
    }

    fn chosen(by: Option<&str>, campaign: &Campaign, tr: &Tr) -> Self {
        let lang = tr.lang().code();
        let head = |_: usize, key: String, label: String, lang: &'static str| GroupHead {
            key,
            label,
            lang,
        };
        match by {
            Some("employment") => Self {
                code: "employment".into(),
                groups: Employment::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        let label = tr.t(&format!("employment-{}", e.as_str()));
                        head(i, e.as_str().into(), label, lang)
                    })
                    .collect(),
                kind: GroupKind::Employment,
                instead_of_job_family: false,
            },
            Some(code) if single_choice(campaign).any(|(_, q)| q.code == code) => {
                let (id, q) = single_choice(campaign)
                    .find(|(_, q)| q.code == code)
                    .expect("just found");
                Self {
                    code: code.into(),
                    groups: q
                        .options
                        .iter()
                        .enumerate()
                        .map(|(i, o)| {
                            let shown = o.show(lang);
                            head(i, i.to_string(), shown.text.into(), shown.lang)
                        })
                        .collect(),
                    kind: GroupKind::Question(*id),
                    instead_of_job_family: false,
                }
            }
            _ => Self {
                code: "job_family".into(),
                groups: JobFamily::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let label = tr.t(&format!("job-family-{}", f.as_str()));
                        head(i, f.as_str().into(), label, lang)
                    })
                    .collect(),
                kind: GroupKind::JobFamily,
                instead_of_job_family: false,
            },
        }
    }

    /// Each finished response's group, by position.
    pub(crate) fn column(&self, columns: &CampaignColumns) -> Vec<Option<usize>> {
        let known = |code: u8| (code != NO_ANSWER).then_some(usize::from(code));
        match self.kind {
            GroupKind::JobFamily => columns.job_family.iter().map(|c| known(*c)).collect(),
            GroupKind::Employment => columns.employment.iter().map(|c| known(*c)).collect(),
            GroupKind::Question(id) => match columns.profile.iter().find(|p| p.question == id) {
                Some(p) => p
                    .answers
                    .iter()
                    .map(|c| known(*c).filter(|i| *i < self.groups.len()))
                    .collect(),
                None => vec![None; columns.responses()],
            },
        }
    }

    /// The grouping as the anonymity rules name it.
    pub(crate) fn key(&self) -> GroupingKey {
        match self.kind {
            GroupKind::JobFamily => GroupingKey::JobFamily,
            GroupKind::Employment => GroupingKey::Employment,
            GroupKind::Question(id) => GroupingKey::Question(id),
        }
    }

    /// What the page says about responses in no group, if any are, or about the grouping
    /// chosen in place of job family.
    pub(crate) fn notice(
        &self,
        campaign: &Campaign,
        analysed: &Analysed,
        tr: &Tr,
    ) -> Option<GroupingNotice> {
        let (columns, disclosure) = (&analysed.columns, &analysed.disclosure);
        let column = self.column(columns);
        // Nothing at all about the responses while fewer than the threshold have answered.
        let ungrouped = match disclosure.everyone().is_shown() {
            true => column.iter().filter(|g| g.is_none()).count(),
            false => 0,
        };
        if ungrouped == 0 && !self.instead_of_job_family {
            return None;
        }
        // Those in no group are never shown as a group of their own: how many is said only when
        // it is none or all of them.
        Some(GroupingNotice {
            ungrouped,
            counted: none_or_all(ungrouped as u64, columns.responses() as u64),
            total: columns.responses(),
            by_person: !matches!(self.kind, GroupKind::Question(_)),
            instead_of_job_family: self.instead_of_job_family,
            questions: self
                .choices(campaign, tr)
                .into_iter()
                .filter(|c| !c.selected && !matches!(c.value.as_str(), "job_family" | "employment"))
                .collect(),
        })
    }

    /// The groups compared competence by competence.
    pub(crate) fn comparison(&self, analysed: &Analysed) -> Comparison {
        let columns = &analysed.columns;
        let counts = GroupCounts::from_columns(self.groups.len(), &self.column(columns), columns);
        Comparison::from_counts(&analysed.disclosure.grouping(self.key()), &counts)
    }

    /// The groups' confidence against their knowledge.
    pub(crate) fn calibration(&self, analysed: &Analysed) -> Calibration {
        let columns = &analysed.columns;
        let people: Vec<(Option<usize>, PersonCalibration)> = columns
            .calibration()
            .into_iter()
            .zip(self.column(columns))
            .filter_map(|(person, group)| person.map(|p| (group, p)))
            .collect();
        let disclosure = &analysed.disclosure;
        Calibration::compute(
            &disclosure.grouping(self.key()),
            disclosure.everyone_calibration(),
            self.groups.len(),
            &people,
        )
    }

    pub(crate) fn choices(&self, campaign: &Campaign, tr: &Tr) -> Vec<Choice> {
        let lang = tr.lang().code();
        let mut out: Vec<Choice> = [
            ("job_family", "analysis-by-job-family"),
            ("employment", "analysis-by-employment"),
        ]
        .iter()
        .map(|(value, label)| Choice {
            value: (*value).into(),
            label: tr.t(label),
            lang,
            selected: self.code == *value,
        })
        .collect();
        out.extend(single_choice(campaign).map(|(_, q)| {
            let prompt = q.prompt.show(lang);
            Choice {
                value: q.code.clone(),
                label: prompt.text.into(),
                lang: prompt.lang,
                selected: self.code == q.code,
            }
        }));
        out
    }
}

fn single_choice(
    campaign: &Campaign,
) -> impl Iterator<Item = &(QuestionId, skillgym_domain::audit::ProfileQuestion)> {
    campaign
        .questions
        .iter()
        .filter(|(_, q)| q.kind == QuestionKind::Single && q.options.len() >= 2)
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
    id: i64,
    by: &ByQuery,
) -> AppResult<Loaded> {
    let org = admin.organisation_id;
    let campaign = state.store.campaign(org, CampaignId(id)).await?;
    let threshold = state.store.anonymity_threshold(org).await?;
    let analysed = state
        .analysis
        .analysed(&state.store, org, &campaign, threshold)
        .await?;
    let grouping = Grouping::choose(by.by.as_deref(), &campaign, &analysed.columns, &ctx.tr);
    Ok(Loaded {
        campaign,
        analysed,
        threshold: threshold.get(),
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
    id: i64,
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
    Path(id): Path<i64>,
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
    id: i64,
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
    let choices = loaded.grouping.choices(&loaded.campaign, &ctx.tr);
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
    Path(id): Path<i64>,
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
}

struct Calibrated {
    loaded: Loaded,
    calibration: Calibration,
    has_quiz: bool,
}

async fn calibrated(
    state: &AppState,
    ctx: &Ctx,
    admin: &Admin,
    id: i64,
    by: &ByQuery,
) -> AppResult<Calibrated> {
    let loaded = load(state, ctx, admin, id, by).await?;
    let calibration = loaded.grouping.calibration(&loaded.analysed);
    Ok(Calibrated {
        has_quiz: !loaded.analysed.columns.tested.is_empty(),
        loaded,
        calibration,
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
    Path(id): Path<i64>,
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
    id: i64,
    by: &ByQuery,
) -> AppResult<CalibrationPage> {
    let Calibrated {
        loaded,
        calibration,
        has_quiz,
    } = calibrated(state, ctx, admin, id, by).await?;
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
        choices: loaded.grouping.choices(&loaded.campaign, &ctx.tr),
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
    })
}

pub async fn calibration_csv(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
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
