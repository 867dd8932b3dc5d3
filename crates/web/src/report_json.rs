//! A campaign's figures as JSON for other tools (`skillgym report CAMPAIGN --format json`): the
//! campaign report, one group comparison and confidence against knowledge, with the same
//! figures, and the same groups left out for anonymity, as the web pages. The format is
//! described in `docs/report-json.md`.

use crate::routes::analysis::Grouping;
use serde_json::{Value, json};
use skillgym_domain::analysis::calibration::CalibrationRow;
use skillgym_domain::analysis::compare::Test;
use skillgym_domain::analysis::{CampaignColumns, CampaignFigures, GroupRate, Suppressed};
use skillgym_domain::{CampaignId, OrganisationId};
use skillgym_i18n::Tr;
use skillgym_store::{Campaign, Store, StoreError};
use std::collections::HashMap;

/// The version of the format; it changes only when a field changes meaning or goes.
pub const FORMAT: &str = "skillgym-campaign-report/1";

/// What can stop a report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("no such campaign")]
    NoCampaign,
    /// `--by` names no grouping the campaign offers; the ones it offers.
    #[error("no such grouping")]
    NoGrouping(Vec<String>),
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for ReportError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ReportError::NoCampaign,
            e => ReportError::Store(e),
        }
    }
}

/// The campaign's figures as JSON, groups compared by `by` (job family when `None`), labels
/// in `tr`'s language.
pub async fn campaign_report_json(
    store: &Store,
    org: OrganisationId,
    campaign: CampaignId,
    by: Option<&str>,
    threshold: usize,
    tr: &Tr,
) -> Result<Value, ReportError> {
    let campaign = store.campaign(org, campaign).await?;
    let grouping = Grouping::choose(by, &campaign, tr);
    if let Some(by) = by
        && grouping.code != by
    {
        let offered = grouping.choices(&campaign, tr);
        return Err(ReportError::NoGrouping(
            offered.into_iter().map(|c| c.value).collect(),
        ));
    }
    let columns = store.campaign_columns(org, &campaign).await?;
    let (sites, teams) = store.group_names(org).await?;
    Ok(build(
        &campaign, &columns, &grouping, threshold, &sites, &teams, tr,
    ))
}

/// Why a figure is left out, or `null` when it is shown.
fn hidden(s: Suppressed) -> Value {
    match s {
        Suppressed::Shown => Value::Null,
        Suppressed::TooSmall => "too_small".into(),
        Suppressed::Complementary => "complementary".into(),
    }
}

fn build(
    campaign: &Campaign,
    columns: &CampaignColumns,
    grouping: &Grouping,
    threshold: usize,
    sites: &HashMap<i64, String>,
    teams: &HashMap<i64, String>,
    tr: &Tr,
) -> Value {
    let lang = tr.lang().code();
    let competences: Vec<(usize, &skillgym_store::CampaignCompetence)> = campaign
        .areas
        .iter()
        .enumerate()
        .flat_map(|(a, area)| area.competences.iter().map(move |c| (a, c)))
        .collect();
    let competence_areas: Vec<usize> = competences.iter().map(|(a, _)| *a).collect();
    let figures = CampaignFigures::from_columns(threshold, &competence_areas, columns);

    let rates = |rows: &[GroupRate], names: &HashMap<i64, String>| -> Vec<Value> {
        rows.iter()
            .map(|r| {
                let shown = r.shown.is_shown();
                json!({
                    "id": r.group,
                    "name": names.get(&r.group),
                    "asked": r.asked,
                    "finished": shown.then_some(r.finished),
                    "percent": shown.then(|| r.percent()),
                    "hidden": hidden(r.shown),
                })
            })
            .collect()
    };
    let code = |c: usize| competences[c].1.code.as_str();
    let ratings: Vec<Value> = figures
        .overview
        .competences
        .iter()
        .map(|s| {
            let (area, c) = competences[s.competence];
            let d = s.distribution;
            json!({
                "code": c.code,
                "title": c.title.show(lang).text,
                "area": campaign.areas[area].code,
                "mean": d.mean(),
                "rated": d.rated(),
                "counts": {
                    "1": d.levels[0], "2": d.levels[1], "3": d.levels[2],
                    "4": d.levels[3], "5": d.levels[4], "not_sure": d.not_sure,
                },
            })
        })
        .collect();
    let heat: Vec<Value> = figures
        .heat
        .iter()
        .map(|h| {
            let means: serde_json::Map<String, Value> = campaign
                .areas
                .iter()
                .zip(&h.means)
                .map(|(a, m)| (a.code.clone(), json!(m)))
                .collect();
            json!({
                "site_id": h.site,
                "site": sites.get(&h.site),
                "respondents": h.shown.is_shown().then_some(h.respondents),
                "hidden": hidden(h.shown),
                "means": means,
            })
        })
        .collect();

    // One group comparison.
    let comparison = grouping.comparison(columns, threshold);
    let shown: Vec<usize> = comparison
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.shown.is_shown() && g.respondents > 0)
        .map(|(i, _)| i)
        .collect();
    let compared: Vec<Value> = comparison
        .competences
        .iter()
        .map(|c| {
            let cells: serde_json::Map<String, Value> = shown
                .iter()
                .map(|g| {
                    let cell = c.cells[*g].map(|x| json!({"n": x.n, "mean": x.mean}));
                    (grouping.groups[*g].key.clone(), json!(cell))
                })
                .collect();
            json!({
                "code": code(c.competence),
                "groups": cells,
                "difference": c.difference,
                "test": c.test.map(|t| json!({
                    "name": match t {
                        Test::MannWhitney(_) => "mann_whitney",
                        Test::KruskalWallis(_) => "kruskal_wallis",
                    },
                    "statistic": t.statistic(),
                    "p_value": t.p(),
                    "effect_size": t.effect(),
                })),
            })
        })
        .collect();
    let group_heads = |indices: &[usize], size: &dyn Fn(usize) -> usize| -> Vec<Value> {
        indices
            .iter()
            .map(|g| {
                let head = &grouping.groups[*g];
                json!({"key": head.key, "label": head.label, "respondents": size(*g)})
            })
            .collect()
    };

    // Confidence against knowledge, by the same groups.
    let calibration = grouping.calibration(columns, threshold);
    let calibration_row = |key: &str, label: &str, row: &CalibrationRow| {
        row.figures.map(|f| {
            json!({
                "key": key,
                "label": label,
                "people": row.people,
                "confidence": f.confidence,
                "quiz_score": f.score,
                "gap": f.gap,
                "correlation": f.correlation,
            })
        })
    };
    let calibrated: Vec<Value> = calibration
        .groups
        .iter()
        .zip(&grouping.groups)
        .filter_map(|(row, head)| calibration_row(&head.key, &head.label, row))
        .collect();

    json!({
        "format": FORMAT,
        "language": lang,
        "campaign": {
            "id": campaign.id.0,
            "title": campaign.title.show(lang).text,
            "opens_on": campaign.opens_on,
            "closes_on": campaign.closes_on,
        },
        "anonymity_threshold": threshold,
        "asked": figures.asked,
        "finished": figures.finished,
        "response_rates": {
            "by_site": rates(&figures.by_site, sites),
            "by_team": rates(&figures.by_team, teams),
        },
        "areas": campaign.areas.iter().map(|a| json!({
            "code": a.code,
            "title": a.title.show(lang).text,
        })).collect::<Vec<_>>(),
        "competences": ratings,
        "weakest": figures.overview.weakest(5).iter().map(|c| code(c.competence)).collect::<Vec<_>>(),
        "strongest": figures.overview.strongest(5).iter().map(|c| code(c.competence)).collect::<Vec<_>>(),
        "heat_map": heat,
        "comparison": {
            "by": grouping.code,
            "groups": group_heads(&shown, &|g| comparison.groups[g].respondents),
            "left_out": comparison.left_out,
            "competences": compared,
        },
        "calibration": {
            "by": grouping.code,
            "tested": columns.tested.iter().map(|c| code(*c)).collect::<Vec<_>>(),
            "left_out": calibration.left_out,
            "groups": calibrated,
            "everyone": calibration_row("everyone", &tr.t("analysis-everyone"), &calibration.everyone),
        },
    })
}
