//! The print-ready report of a whole campaign. First a summary a head of service can read on
//! two sides of A4 (who answered, the weakest and strongest competences, and the main findings
//! in plain words); then, from a new page, the detail: the report, the comparison by job family,
//! confidence against knowledge and change over time, each part rendered from the same code as
//! its own page, with a print stylesheet that drops the navigation. Every figure in the
//! summary is one those parts already show, so the anonymity rules that decided them hold.

use super::analysis::{ByQuery, SIGNIFICANT, calibration_page, compare_page};
use super::change::{ChangeQuery, change_page};
use super::reports::report_page;
use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use skillgym_domain::CampaignId;
use skillgym_domain::analysis::ShownRate;

/// How many competences the summary names at each end, and how many findings of each kind it
/// gives: enough to act on, few enough for two pages.
const ENDS: usize = 3;
const FINDINGS: usize = 3;

/// A competence named in the summary, with its mean.
pub struct Named {
    pub title: String,
    pub lang: &'static str,
    pub mean: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaign_print.html")]
pub struct PrintPage {
    page: Page,
    campaign_id: CampaignId,
    threshold: usize,
    rate: ShownRate,
    weakest: Vec<Named>,
    strongest: Vec<Named>,
    /// The main findings, each a sentence in plain words.
    findings: Vec<String>,
    /// Each part's HTML, rendered by its own page's template.
    parts: Vec<String>,
}

/// "p = 0.003", or "p < 0.001" for the smallest.
fn p_written(p: &str) -> String {
    if p.starts_with('<') {
        format!("p {p}")
    } else {
        format!("p = {p}")
    }
}

fn rendered(part: impl Template) -> AppResult<String> {
    part.render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering the report: {e}")))
}

pub async fn show(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = state.store.campaign(org, id).await?;
    let tr = &ctx.tr;
    let mut report = report_page(&state, &ctx, &admin, id).await?;
    let mut compare = compare_page(&state, &ctx, &admin, id, &ByQuery::default()).await?;
    let mut calibration = calibration_page(&state, &ctx, &admin, id, &ByQuery::default()).await?;
    let mut change = change_page(&state, &ctx, &admin, id, &ChangeQuery::default()).await?;

    let named = |order: &[usize]| -> Vec<Named> {
        order
            .iter()
            .filter_map(|i| {
                let c = &report.competences[*i];
                Some(Named {
                    title: c.title.clone(),
                    lang: c.title_lang,
                    mean: c.mean.clone()?,
                })
            })
            .take(ENDS)
            .collect()
    };
    let weakest = named(&report.weakest);
    let strongest = named(&report.strongest);

    let mut findings = Vec::new();
    // Groups compared: the competences whose groups differ most surely, highest and lowest.
    if compare.groups.len() >= 2 {
        let mut real: Vec<_> = compare
            .rows
            .iter()
            .filter_map(|row| {
                let (p, _) = row.p?;
                let (name, _, p_text, _) = row.test.as_ref()?;
                (p < SIGNIFICANT).then_some((p, row, *name, p_text))
            })
            .collect();
        real.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (_, row, test, p_text) in real.iter().take(FINDINGS) {
            let means: Vec<(&str, &str)> = compare
                .groups
                .iter()
                .zip(&row.cells)
                .filter_map(|((g, _), cell)| {
                    cell.as_ref().map(|(m, _)| (g.label.as_str(), m.as_str()))
                })
                .collect();
            let by_mean = |a: &&(&str, &str), b: &&(&str, &str)| {
                a.1.parse::<f64>()
                    .unwrap_or(0.0)
                    .total_cmp(&b.1.parse::<f64>().unwrap_or(0.0))
            };
            let (Some(high), Some(low)) =
                (means.iter().max_by(by_mean), means.iter().min_by(by_mean))
            else {
                continue;
            };
            findings.push(tr.args(
                "print-finding-compare",
                [
                    ("competence", row.title.as_str().into()),
                    ("high", high.0.into()),
                    ("high_mean", high.1.into()),
                    ("low", low.0.into()),
                    ("low_mean", low.1.into()),
                    ("test", tr.t(test).into()),
                    ("p", p_written(p_text).into()),
                ],
            ));
        }
        if real.is_empty() {
            findings.push(tr.t("print-finding-compare-none"));
        }
    }
    // Confidence against knowledge: the groups whose confidence is furthest from their score.
    let mut gaps: Vec<_> = calibration
        .rows
        .iter()
        .filter(|r| r.reading != "analysis-calibration-matched")
        .collect();
    gaps.sort_by(|a, b| b.gap_value.abs().total_cmp(&a.gap_value.abs()));
    for row in gaps.iter().take(FINDINGS) {
        findings.push(tr.args(
            "print-finding-calibration",
            [
                ("group", row.label.as_str().into()),
                ("reading", tr.t(row.reading).into()),
                ("confidence", row.confidence.as_str().into()),
                ("score", row.score.as_str().into()),
            ],
        ));
    }
    // Change over time: the areas of the whole service that changed by more than chance.
    if change.earlier_id != 0 {
        let areas = change.tables.iter().find(|t| t.csv == "areas");
        let mut real: Vec<_> = areas
            .into_iter()
            .flat_map(|t| &t.rows)
            .filter_map(|row| {
                let p = row.whole_p.filter(|p| *p < SIGNIFICANT)?;
                let ((then, _), (now, _)) = (row.before.as_ref()?, row.after.as_ref()?);
                let (difference, p_text, _) = row.whole.as_ref()?;
                Some((p, row.title.as_str(), then, now, difference, p_text))
            })
            .collect();
        real.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (_, area, then, now, difference, p_text) in real.iter().take(FINDINGS) {
            findings.push(tr.args(
                "print-finding-change",
                [
                    ("area", (*area).into()),
                    ("then", then.as_str().into()),
                    ("now", now.as_str().into()),
                    ("difference", difference.as_str().into()),
                    ("p", p_written(p_text).into()),
                ],
            ));
        }
        if real.is_empty() {
            findings.push(tr.t1(
                "print-finding-change-none",
                "campaign",
                change.earlier_title.as_str(),
            ));
        }
    }

    // The campaign's name is the report's title, once; each part is headed by what it is.
    report.page.title = tr.t("report-title");
    compare.page.title = tr.t("analysis-compare-title");
    calibration.page.title = tr.t("analysis-calibration-title");
    change.page.title = tr.t("change-title");
    let threshold = report.threshold;
    let rate = report.rate;
    let parts = vec![
        rendered(report.as_content())?,
        rendered(compare.as_content())?,
        rendered(calibration.as_content())?,
        rendered(change.as_content())?,
    ];
    let lang = tr.lang().code();
    let mut page = ctx.page("print-title");
    page.title = tr.t1(
        "print-title-for",
        "campaign",
        campaign.title.show(lang).text.to_string(),
    );
    Ok(PrintPage {
        page,
        campaign_id: campaign.id,
        threshold,
        rate,
        weakest,
        strongest,
        findings,
        parts,
    }
    .into_response())
}
