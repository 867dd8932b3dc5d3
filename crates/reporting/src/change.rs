//! Change over time: a re-audit set against an earlier campaign on the same framework, for the
//! people who answered both and for the whole service. The domain decides which figures are
//! safe to show; the web page, its CSV and the JSON report all read what is computed here.

use crate::Count;
use crate::Reports;
use crate::cache::Analysed;
use skillgym_domain::CompetenceId;
use skillgym_domain::analysis::change::{self, Change, ChangeRow};
use skillgym_domain::analysis::{AnonymityThreshold, ResponseRate, ShownRate};
use skillgym_domain::people::format_date;
use skillgym_i18n::Tr;
use skillgym_store::{Campaign, CampaignChoice, StoreError};
use std::collections::HashMap;

/// A competence or area compared, as the page, the CSV and the JSON report need it.
pub struct Line {
    pub code: String,
    pub title: String,
    pub title_lang: &'static str,
    /// The area's code and title, for a competence.
    pub area: Option<(String, String, &'static str)>,
    pub row: ChangeRow,
}

/// A campaign's response rate as its report counts it (an open anonymous campaign in steps of
/// the threshold), shown as its report shows it.
fn rate_of(analysed: &Analysed) -> ShownRate {
    let disclosure = &analysed.disclosure;
    ShownRate::new(
        ResponseRate::of(&analysed.columns),
        disclosure.threshold(),
        disclosure.everyone(),
    )
}

/// Everything the page, the CSV and the JSON report need.
pub struct Compared {
    pub campaign: Campaign,
    pub choices: Vec<CampaignChoice>,
    /// The earlier campaign and its data, when there is one to compare with.
    pub earlier: Option<(CampaignChoice, ShownRate)>,
    pub later: ShownRate,
    pub threshold: AnonymityThreshold,
    pub change: Option<Change>,
    pub competences: Vec<Line>,
    pub areas: Vec<Line>,
}

/// Why a campaign cannot be compared with the one asked for.
#[derive(Debug)]
pub enum CompareError {
    /// The campaign asked for is not an earlier one on the same framework; those that are.
    NotOffered(Vec<CampaignChoice>),
    Store(StoreError),
}

impl From<StoreError> for CompareError {
    fn from(e: StoreError) -> Self {
        CompareError::Store(e)
    }
}

/// `campaign` against `earlier`, or by default the campaign it was cloned from, or else the
/// latest earlier campaign on the same framework; titles in `lang`.
pub async fn compare(
    reports: &Reports<'_>,
    campaign: Campaign,
    earlier: Option<i64>,
    lang: &str,
) -> Result<Compared, CompareError> {
    let (store, org, threshold) = (reports.store(), reports.organisation(), reports.threshold());
    let choices = store
        .earlier_campaigns(org, campaign.framework_id, campaign.id, campaign.opens_on)
        .await?;
    let chosen = match earlier {
        Some(e) => match choices.iter().find(|c| c.id.0 == e) {
            Some(c) => Some(c),
            None => return Err(CompareError::NotOffered(choices)),
        },
        None => campaign
            .cloned_from
            .and_then(|from| choices.iter().find(|c| c.id == from))
            .or(choices.first()),
    }
    .cloned();
    // Both campaigns' answers come from the columns kept in memory (see `analysis_cache`), as
    // their reports count them; after a restart both are read at once. What the earlier
    // campaign's report may show is not needed: only its answers and its response rate.
    let Some(earlier) = chosen else {
        let later_analysed = reports.analysed(&campaign).await?;
        let later = rate_of(&later_analysed);
        return Ok(Compared {
            campaign,
            choices,
            earlier: None,
            later,
            threshold,
            change: None,
            competences: Vec::new(),
            areas: Vec::new(),
        });
    };
    let earlier_campaign = store.campaign(org, earlier.id).await?;
    let (later_analysed, earlier_columns) = tokio::try_join!(
        reports.analysed(&campaign),
        reports.counted_columns(&earlier_campaign)
    )?;
    let later = rate_of(&later_analysed);
    // A campaign's own figures are shown once the threshold have answered (nothing else
    // hides them), so the earlier rate needs no more than its count.
    let earlier_rate = ShownRate::counted(ResponseRate::of(&earlier_columns), threshold);
    let (earlier_columns, later_columns) = (&*earlier_columns, &later_analysed.columns);
    // Only what both campaigns asked is compared, in this campaign's order.
    let position_before: HashMap<CompetenceId, usize> = earlier_campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(|c| c.id))
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
    let mut shared = Vec::new();
    // Each shared competence's position in each campaign's columns.
    let (mut at_before, mut at_after) = (Vec::new(), Vec::new());
    let mut area_of = Vec::new();
    let mut area_heads = Vec::new();
    let mut position_after = 0;
    for area in &campaign.areas {
        let before = shared.len();
        for c in &area.competences {
            if let Some(at) = position_before.get(&c.id) {
                shared.push((c, area));
                at_before.push(*at);
                at_after.push(position_after);
                area_of.push(area_heads.len());
            }
            position_after += 1;
        }
        if shared.len() > before {
            area_heads.push(area);
        }
    }
    let change = Change::compute(
        threshold,
        &area_of,
        area_heads.len(),
        &change::Responses::from_columns(earlier_columns, &at_before),
        &change::Responses::from_columns(later_columns, &at_after),
    );
    let competences = shared
        .iter()
        .zip(&change.competences)
        .map(|((c, area), row)| {
            let title = c.title.show(lang);
            let area_title = area.title.show(lang);
            Line {
                code: c.code.clone(),
                title: title.text.into(),
                title_lang: title.lang,
                area: Some((area.code.clone(), area_title.text.into(), area_title.lang)),
                row: *row,
            }
        })
        .collect();
    let areas = area_heads
        .iter()
        .zip(&change.areas)
        .map(|(area, row)| {
            let title = area.title.show(lang);
            Line {
                code: area.code.clone(),
                title: title.text.into(),
                title_lang: title.lang,
                area: None,
                row: *row,
            }
        })
        .collect();
    Ok(Compared {
        campaign,
        choices,
        earlier: Some((earlier, earlier_rate)),
        later,
        threshold,
        change: Some(change),
        competences,
        areas,
    })
}

impl Compared {
    /// The competences (or, with `areas`, the areas) compared, as the page's CSV download
    /// gives them: headings and hidden figures in `tr`'s language; a figure kept back for
    /// anonymity says so, one that does not exist (no test with no change, no difference with
    /// a side hidden) is empty. Only the headings when there is no earlier campaign.
    pub fn table(&self, areas: bool, tr: &Tr) -> Vec<Vec<String>> {
        let mut rows = vec![
            [
                if areas {
                    "analysis-csv-area-code"
                } else {
                    "analysis-csv-competence-code"
                },
                if areas {
                    "change-area"
                } else {
                    "report-competence"
                },
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
            ]
            .map(|id| tr.t(id))
            .to_vec(),
        ];
        let hidden = tr.t("report-hidden");
        let lines = if areas {
            &self.areas
        } else {
            &self.competences
        };
        let f = |x: Option<f64>| x.map(|x| format!("{x:.6}")).unwrap_or_default();
        let e = |x: Option<f64>| x.map(|x| format!("{x:e}")).unwrap_or_default();
        for line in lines {
            let (p, w) = (line.row.paired, line.row.whole);
            let paired = match p {
                Some(p) => {
                    let wt = p.test;
                    vec![
                        p.n.to_string(),
                        f(Some(p.before)),
                        f(Some(p.after)),
                        f(Some(p.change)),
                        f(wt.map(|t| t.statistic())),
                        f(wt.map(|t| t.z)),
                        e(wt.map(|t| t.p)),
                        f(wt.map(|t| t.rank_biserial)),
                    ]
                }
                None => vec![hidden.clone(); 8],
            };
            let side = |s: Option<change::Side>| match s {
                Some(s) => [s.n.to_string(), f(Some(s.mean))],
                None => [hidden.clone(), hidden.clone()],
            };
            let mut row = vec![
                line.code.clone(),
                line.title.clone(),
                line.area
                    .as_ref()
                    .map(|(_, a, _)| a.clone())
                    .unwrap_or_default(),
            ];
            row.extend(paired);
            row.extend(side(w.before));
            row.extend(side(w.after));
            row.extend([
                f(w.difference),
                f(w.test.map(|t| t.u)),
                e(w.test.map(|t| t.p)),
                f(w.test.map(|t| t.rank_biserial)),
            ]);
            rows.push(row);
        }
        rows
    }

    /// The response rates then and now, one campaign a row, as the page's CSV download gives
    /// them; `None` without an earlier campaign.
    pub fn rates_table(&self, tr: &Tr) -> Option<Vec<Vec<String>>> {
        let lang = tr.lang().code();
        let (earlier, earlier_data) = self.earlier.as_ref()?;
        let mut rows = vec![
            [
                "change-csv-campaign-number",
                "change-campaign",
                "campaign-opens-on",
                "change-asked",
                "change-finished",
                "change-csv-rate",
            ]
            .map(|id| tr.t(id))
            .to_vec(),
        ];
        for (id, title, opens_on, data) in [
            (earlier.id, &earlier.title, &earlier.opens_on, earlier_data),
            (
                self.campaign.id,
                &self.campaign.title,
                &self.campaign.opens_on,
                &self.later,
            ),
        ] {
            rows.push(vec![
                id.0.to_string(),
                title.show(lang).text.to_string(),
                format_date(*opens_on),
                data.asked().to_string(),
                Count::of(data.finished(), data.shown()).text(tr, self.threshold.get()),
                data.fraction().map(|f| f.to_string()).unwrap_or_default(),
            ]);
        }
        Some(rows)
    }
}
