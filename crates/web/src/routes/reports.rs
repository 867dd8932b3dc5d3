//! A campaign's report: response rates, every competence's ratings, the weakest and strongest
//! spots, and a heat map of sites × areas. Which figures are shown the domain decides for the
//! whole campaign (`skillgym_domain::analysis::anonymity`); the page and its CSV show exactly
//! the same ones.

use crate::AppState;
use crate::access::Admin;
use crate::charts::{self, Heat, HeatMap, Kind, Row, RowChart, Scale, Series};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::page::Page;
use crate::path::Path;
use crate::routes::analysis::csv_body;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use skillgym_domain::CampaignId;
use skillgym_domain::analysis::{CampaignFigures, ShownRate};
use std::collections::HashMap;

pub use skillgym_reporting::Count;

/// A row of a response-rate table.
pub struct RateRow {
    pub name: String,
    pub asked: u64,
    pub finished: Count,
    /// Already written out: the number, "fewer than k" or "hidden".
    pub finished_text: String,
    pub percent: Option<u64>,
}

/// A competence's line in the report; its figures are `None` when hidden.
pub struct CompetenceRow {
    pub title: String,
    pub title_lang: &'static str,
    pub area: String,
    pub mean: Option<String>,
    pub counts: Option<[u64; 5]>,
    pub not_sure: Option<u64>,
}

/// One cell of the heat map.
pub enum HeatCell {
    /// The mean, written out.
    Mean(String),
    /// Nobody at the site rated the area.
    Empty,
    Hidden,
}

/// A site's row of the heat map.
pub struct HeatRowView {
    pub site: String,
    pub cells: Vec<HeatCell>,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaign_report.html", blocks = ["content"])]
pub struct ReportPage {
    pub(super) page: Page,
    campaign_id: CampaignId,
    pub(super) threshold: usize,
    /// The campaign is anonymous and open: figures move in steps of the threshold.
    stepped: bool,
    /// Who was asked and who finished, imported responses included; only who was asked while
    /// fewer than the threshold have finished.
    pub(super) rate: ShownRate,
    /// Caption, CSV file and rows of each response-rate table.
    pub(super) rate_tables: Vec<(String, &'static str, Vec<RateRow>)>,
    pub(super) competences: Vec<CompetenceRow>,
    pub(super) weakest: Vec<usize>,
    pub(super) strongest: Vec<usize>,
    areas: Vec<(String, &'static str)>,
    heat: Vec<HeatRowView>,
    /// The charts, drawn (`crate::charts`): how each competence's ratings split, and the heat map.
    ratings_chart: String,
    heat_chart: String,
}

pub async fn campaign_report(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
) -> AppResult<Response> {
    Ok(report_page(&state, &ctx, &admin, id).await?.into_response())
}

/// The tables of the report, each downloadable as CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Sites,
    Teams,
    Competences,
    Weakest,
    Strongest,
    Heat,
}

impl Table {
    const ALL: [Table; 6] = [
        Table::Sites,
        Table::Teams,
        Table::Competences,
        Table::Weakest,
        Table::Strongest,
        Table::Heat,
    ];

    /// The file name, as in the address `/campaigns/N/report/FILE`.
    fn file(self) -> &'static str {
        match self {
            Table::Sites => "sites.csv",
            Table::Teams => "teams.csv",
            Table::Competences => "competences.csv",
            Table::Weakest => "weakest.csv",
            Table::Strongest => "strongest.csv",
            Table::Heat => "heat.csv",
        }
    }
}

/// `/campaigns/{id}/report/{table}.csv`: one of the report's tables as CSV, with the same
/// figures, headings and hidden cells as the page.
pub async fn campaign_report_csv(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(CampaignId, String)>,
) -> AppResult<Response> {
    let table = Table::ALL
        .into_iter()
        .find(|t| t.file() == file)
        .ok_or(AppError::NotFound)?;
    let report = report_page(&state, &ctx, &admin, id).await?;
    let tr = &ctx.tr;
    let hidden = tr.t("report-hidden");
    let mut rows: Vec<Vec<String>> = Vec::new();
    let hidden_row = |n: usize| vec![hidden.clone(); n];
    match table {
        Table::Sites | Table::Teams => {
            rows.push(vec![
                tr.t("report-group"),
                tr.t("report-asked"),
                tr.t("campaign-submitted"),
                tr.t("report-rate-percent"),
            ]);
            let (_, _, rates) = &report.rate_tables[usize::from(table == Table::Teams)];
            for r in rates {
                rows.push(vec![
                    r.name.clone(),
                    r.asked.to_string(),
                    r.finished_text.clone(),
                    r.percent.map_or(String::new(), |p| p.to_string()),
                ]);
            }
        }
        Table::Competences => {
            let mut head = vec![
                tr.t("report-competence"),
                tr.t("report-area"),
                tr.t("audit-results-mean"),
            ];
            head.extend((1..=5).map(|n| n.to_string()));
            head.push(tr.t("audit-results-not-sure"));
            rows.push(head);
            for c in &report.competences {
                let mut row = vec![c.title.clone(), c.area.clone()];
                match c.counts {
                    Some(counts) => {
                        row.push(c.mean.clone().unwrap_or_default());
                        row.extend(counts.iter().map(u64::to_string));
                        row.push(c.not_sure.unwrap_or_default().to_string());
                    }
                    None => row.extend(hidden_row(7)),
                }
                rows.push(row);
            }
        }
        Table::Weakest | Table::Strongest => {
            rows.push(vec![
                tr.t("report-rank"),
                tr.t("report-competence"),
                tr.t("report-area"),
                tr.t("audit-results-mean"),
            ]);
            let order = if table == Table::Weakest {
                &report.weakest
            } else {
                &report.strongest
            };
            for (rank, i) in order.iter().enumerate() {
                let c = &report.competences[*i];
                rows.push(vec![
                    (rank + 1).to_string(),
                    c.title.clone(),
                    c.area.clone(),
                    c.mean.clone().unwrap_or_default(),
                ]);
            }
        }
        Table::Heat => {
            let mut head = vec![tr.t("person-sites")];
            head.extend(report.areas.iter().map(|(a, _)| a.clone()));
            rows.push(head);
            for h in &report.heat {
                let mut row = vec![h.site.clone()];
                row.extend(h.cells.iter().map(|cell| match cell {
                    HeatCell::Mean(value) => value.clone(),
                    HeatCell::Empty => String::new(),
                    HeatCell::Hidden => hidden.clone(),
                }));
                rows.push(row);
            }
        }
    }
    csv_body(
        rows,
        &format!("report-{}-{}", report.campaign_id.0, table.file()),
    )
}

/// The report, ready to render as a page or as a part of the print-ready report.
pub(super) async fn report_page(
    state: &AppState,
    ctx: &Ctx,
    admin: &Admin,
    id: CampaignId,
) -> AppResult<ReportPage> {
    let org = admin.organisation_id;
    let reports = state.reports(org).await?;
    let campaign = reports.campaign(id).await?;
    let analysed = reports.analysed(&campaign).await?;
    let threshold = reports.threshold();
    let lang = ctx.tr.lang().code();
    let competences: Vec<(usize, &skillgym_store::CampaignCompetence)> = campaign
        .areas
        .iter()
        .enumerate()
        .flat_map(|(a, area)| area.competences.iter().map(move |c| (a, c)))
        .collect();
    let competence_areas: Vec<usize> = competences.iter().map(|(a, _)| *a).collect();
    let figures =
        CampaignFigures::from_columns(&analysed.disclosure, &competence_areas, &analysed.columns);
    let (site_names, team_names) = state.store.group_names(org).await?;
    let k = threshold.get();
    let rate_rows = |rates: &[skillgym_domain::analysis::GroupRate],
                     names: &HashMap<i64, String>| {
        rates
            .iter()
            .map(|r| {
                let finished = Count::of(r.finished, r.shown);
                RateRow {
                    name: names.get(&r.group).cloned().unwrap_or_default(),
                    asked: r.asked,
                    finished_text: finished.text(&ctx.tr, k),
                    finished,
                    percent: r.percent(),
                }
            })
            .collect::<Vec<_>>()
    };
    let rows: Vec<CompetenceRow> = figures
        .overview
        .competences
        .iter()
        .map(|stats| {
            let (area, c) = competences[stats.competence];
            let title = c.title.show(lang);
            let d = stats.distribution;
            CompetenceRow {
                title: title.text.to_string(),
                title_lang: title.lang,
                area: campaign.areas[area].title.show(lang).text.to_string(),
                mean: d.and_then(|d| d.mean()).map(|m| format!("{m:.2}")),
                counts: d.map(|d| d.levels),
                not_sure: d.map(|d| d.not_sure),
            }
        })
        .collect();
    let weakest = figures
        .overview
        .weakest(5)
        .iter()
        .map(|c| c.competence)
        .collect();
    let strongest = figures
        .overview
        .strongest(5)
        .iter()
        .map(|c| c.competence)
        .collect();
    let tr = &ctx.tr;
    let mut levels: Vec<Series> = (1..=5)
        .map(|level| {
            Series::nth(0, tr.t1("report-rated", "level", level), tr.lang().code())
                .coloured(charts::sequential(f64::from(level - 1) / 4.0).hex())
        })
        .collect();
    levels.push(
        Series::nth(0, tr.t("audit-results-not-sure"), tr.lang().code())
            .coloured(charts::GREY)
            .hatched(),
    );
    let ratings_chart = RowChart {
        id: "ratings",
        kind: Kind::Stacked,
        scale: Scale::percent(),
        series: levels,
        rows: rows
            .iter()
            .map(|c| Row {
                label: c.title.clone(),
                values: match (c.counts, c.not_sure) {
                    (Some(counts), Some(not_sure)) => counts
                        .iter()
                        .chain([&not_sure])
                        .map(|n| Some(*n as f64))
                        .collect(),
                    _ => vec![None; 6],
                },
                missing: tr.t("report-hidden"),
            })
            .collect(),
        decimals: 0,
    }
    .html();
    let heat_chart = HeatMap {
        id: "heat",
        columns: campaign
            .areas
            .iter()
            .map(|a| {
                let t = a.title.show(lang);
                (t.text.to_string(), t.lang)
            })
            .collect(),
        rows: figures
            .heat
            .iter()
            .map(|h| {
                (
                    site_names.get(&h.site).cloned().unwrap_or_default(),
                    h.means
                        .iter()
                        .zip(&h.areas)
                        .map(|(m, shown)| match (m, shown.is_shown()) {
                            (Some(m), _) => Heat::Value(*m),
                            (None, true) => Heat::Empty,
                            (None, false) => Heat::Hidden,
                        })
                        .collect(),
                )
            })
            .collect(),
        scale: Scale::new(1.0, 5.0, 4),
        decimals: 1,
        hidden: tr.t("report-hidden"),
        scale_name: tr.t("report-heat-scale"),
        hidden_key: tr.t("report-heat-hidden-key"),
        empty_key: tr.t("report-heat-empty-key"),
    }
    .html();
    let heat = figures
        .heat
        .iter()
        .map(|h| HeatRowView {
            site: site_names.get(&h.site).cloned().unwrap_or_default(),
            cells: h
                .means
                .iter()
                .zip(&h.areas)
                .map(|(m, shown)| match (m, shown.is_shown()) {
                    (Some(m), _) => HeatCell::Mean(format!("{m:.1}")),
                    (None, true) => HeatCell::Empty,
                    (None, false) => HeatCell::Hidden,
                })
                .collect(),
        })
        .collect();
    let mut page = ctx.page("report-title");
    page.title = ctx.tr.t1(
        "report-title-for",
        "campaign",
        campaign.title.show(lang).text.to_string(),
    );
    Ok(ReportPage {
        page,
        campaign_id: campaign.id,
        threshold: k,
        stepped: analysed.stepped,
        rate: figures.rate,
        rate_tables: vec![
            (
                ctx.tr.t("report-rates-sites"),
                Table::Sites.file(),
                rate_rows(&figures.by_site, &site_names),
            ),
            (
                ctx.tr.t("report-rates-teams"),
                Table::Teams.file(),
                rate_rows(&figures.by_team, &team_names),
            ),
        ],
        competences: rows,
        weakest,
        strongest,
        areas: campaign
            .areas
            .iter()
            .map(|a| {
                let t = a.title.show(lang);
                (t.text.to_string(), t.lang)
            })
            .collect(),
        heat,
        ratings_chart,
        heat_chart,
    })
}
