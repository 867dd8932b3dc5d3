//! A campaign's figures as JSON for other tools (`skillgym report CAMPAIGN --format json`): the
//! campaign report, one group comparison, confidence against knowledge, change over time and,
//! when asked for, people's profiles, with the same figures, and the same groups left out for
//! anonymity, as the web pages. The format is described in `docs/report-json.md`.

use crate::analysis_cache::{Analysed, AnalysisCache};
use crate::routes::analysis::Grouping;
use crate::routes::change::{self, CompareError, Compared, Line};
use crate::routes::profile::profile_of;
use serde_json::{Value, json};
use skillgym_domain::analysis::calibration::CalibrationRow;
use skillgym_domain::analysis::compare::Test;
use skillgym_domain::analysis::profile::Profile;
use skillgym_domain::analysis::{
    AnonymityThreshold, CampaignColumns, CampaignFigures, GroupRate, ShownRate, Suppressed,
};
use skillgym_domain::audit::Rating;
use skillgym_domain::{CampaignId, Email, OrganisationId, PersonId};
use skillgym_i18n::Tr;
use skillgym_store::{Campaign, CampaignChoice, PersonRecord, Store, StoreError};
use std::collections::{BTreeSet, HashMap};

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
    /// `--earlier` names no earlier campaign on the same framework; the ones there are.
    #[error("no such earlier campaign")]
    NoEarlier(Vec<CampaignChoice>),
    /// `--person` names nobody in the organisation: what was typed.
    #[error("no such person")]
    NoPerson(String),
    /// Profiles were asked for, but the campaign is anonymous: its answers are shown to the
    /// person who gave them and no one else.
    #[error("the campaign is anonymous")]
    Anonymous,
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

/// Whose profiles to include.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Profiles {
    /// None: the report holds no personal data.
    #[default]
    Nobody,
    /// These people, each by id or email address, in this order.
    Chosen(Vec<String>),
    /// Everyone who finished the campaign and is still stored.
    Everyone,
}

/// What the report holds beyond the campaign's own figures.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// The grouping compared (job family when `None`).
    pub by: Option<String>,
    /// The campaign change over time is measured from (chosen as the web page does when `None`).
    pub earlier: Option<i64>,
    pub profiles: Profiles,
}

/// A report, and whose personal data it holds: the caller records each profile written out in
/// the audit trail before writing it.
#[derive(Debug)]
pub struct Report {
    pub json: Value,
    /// The people whose profiles it holds.
    pub profiled: Vec<PersonId>,
    pub campaign: CampaignId,
}

/// The campaign's figures as JSON, labels in `tr`'s language.
pub async fn campaign_report_json(
    store: &Store,
    org: OrganisationId,
    campaign: CampaignId,
    options: &ReportOptions,
    threshold: AnonymityThreshold,
    tr: &Tr,
) -> Result<Report, ReportError> {
    let campaign = store.campaign(org, campaign).await?;
    // The same columns as the pages, read once for every part of the report, with the same
    // figures hidden.
    let analysis = AnalysisCache::default();
    let analysed = analysis.analysed(store, org, &campaign, threshold).await?;
    let by = options.by.as_deref();
    let grouping = Grouping::choose(by, &campaign, &analysed.columns, tr);
    if let Some(by) = by
        && grouping.code != by
    {
        let offered = grouping.choices(&campaign, tr);
        return Err(ReportError::NoGrouping(
            offered.into_iter().map(|c| c.value).collect(),
        ));
    }
    // Answers to an anonymous campaign are shown to the person who gave them and no one else,
    // and a report is never its reader's own.
    if campaign.anonymous && options.profiles != Profiles::Nobody {
        return Err(ReportError::Anonymous);
    }
    let (sites, teams) = store.group_names(org).await?;
    let mut json = build(&campaign, &analysed, &grouping, &sites, &teams, tr);
    let people = chosen_people(store, org, &analysed.columns, &options.profiles).await?;
    let mut profiles = Vec::new();
    for person in &people {
        let profile = profile_of(store, &analysis, org, &campaign, person, threshold).await?;
        profiles.push(profile_json(&campaign, person, profile.as_ref(), tr));
    }
    let id = campaign.id;
    let lang = tr.lang().code();
    let compared = match change::compare(
        store,
        &analysis,
        org,
        campaign,
        options.earlier,
        threshold,
        lang,
    )
    .await
    {
        Ok(c) => c,
        Err(CompareError::NotOffered(offered)) => return Err(ReportError::NoEarlier(offered)),
        Err(CompareError::Store(e)) => return Err(e.into()),
    };
    json["change"] = change_json(&compared, lang);
    if options.profiles != Profiles::Nobody {
        json["profiles"] = Value::Array(profiles);
    }
    Ok(Report {
        json,
        profiled: people.iter().map(|p| p.id).collect(),
        campaign: id,
    })
}

/// The people whose profiles were asked for, each once.
async fn chosen_people(
    store: &Store,
    org: OrganisationId,
    columns: &CampaignColumns,
    profiles: &Profiles,
) -> Result<Vec<PersonRecord>, ReportError> {
    let ids: Vec<PersonId> = match profiles {
        Profiles::Nobody => Vec::new(),
        Profiles::Everyone => columns
            .person
            .iter()
            .flatten()
            .copied()
            .collect::<BTreeSet<i64>>()
            .into_iter()
            .map(PersonId)
            .collect(),
        Profiles::Chosen(raw) => {
            let mut ids = Vec::new();
            for typed in raw {
                let found = match typed.trim().parse::<i64>() {
                    Ok(id) => Some(PersonId(id)),
                    Err(_) => match Email::parse(typed) {
                        Ok(email) => store.person_by_email(org, &email).await?,
                        Err(_) => None,
                    },
                };
                let id = found.ok_or_else(|| ReportError::NoPerson(typed.clone()))?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            ids
        }
    };
    let mut people = Vec::with_capacity(ids.len());
    for id in ids {
        match store.person(org, id).await {
            Ok(p) => people.push(p),
            Err(StoreError::NotFound) => {
                return Err(ReportError::NoPerson(id.0.to_string()));
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(people)
}

/// A 1–5 rating as a number, "not sure" as `not_sure`.
fn rating_json(rating: Rating) -> Value {
    match rating.level() {
        Some(level) => json!(level),
        None => "not_sure".into(),
    }
}

/// A person's profile as the profile page shows it; `profile` is `None` when they did not
/// finish the campaign.
fn profile_json(
    campaign: &Campaign,
    person: &PersonRecord,
    profile: Option<&Profile>,
    tr: &Tr,
) -> Value {
    let lang = tr.lang().code();
    let competences: Vec<(
        &skillgym_store::CampaignArea,
        &skillgym_store::CampaignCompetence,
    )> = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(move |c| (a, c)))
        .collect();
    let figures = profile.map(|p| {
        let areas: Vec<Value> = campaign
            .areas
            .iter()
            .zip(&p.areas)
            .map(|(area, a)| {
                json!({
                    "code": area.code,
                    "title": area.title.show(lang).text,
                    "mean": a.mean,
                    "service_mean": a.service_mean,
                })
            })
            .collect();
        let rows: Vec<Value> = competences
            .iter()
            .zip(&p.competences)
            .map(|((area, c), f)| {
                json!({
                    "code": c.code,
                    "title": c.title.show(lang).text,
                    "area": area.code,
                    "rating": f.rating.map(rating_json),
                    "quiz": f.quiz.map(|q| json!({"right": q.right, "asked": q.asked})),
                    "measured": f.measured,
                    "target": f.target.map(|t| t.level()),
                    "gap": f.gap,
                })
            })
            .collect();
        let gaps: Vec<&str> = p
            .gaps()
            .into_iter()
            .map(|c| competences[c].1.code.as_str())
            .collect();
        (areas, rows, gaps)
    });
    let (areas, rows, gaps) = match figures {
        Some((a, r, g)) => (json!(a), json!(r), json!(g)),
        None => (Value::Null, Value::Null, Value::Null),
    };
    json!({
        "id": person.id.0,
        "name": person.name(),
        "email": person.email,
        "job_family": person.job_family.as_str(),
        "answered": profile.is_some(),
        "areas": areas,
        "competences": rows,
        "gaps": gaps,
    })
}

fn campaign_head(
    id: CampaignId,
    title: &skillgym_domain::audit::Localised,
    opens_on: &str,
    lang: &str,
) -> Value {
    json!({"id": id.0, "title": title.show(lang).text, "opens_on": opens_on})
}

fn rate_json(data: &ShownRate) -> Value {
    json!({
        "asked": data.asked(),
        "finished": data.finished(),
        "percent": data.percent(),
        "from_outside_audience": data.others(),
        "hidden": hidden(data.shown()),
    })
}

fn change_row(line: &Line) -> Value {
    let (p, w) = (line.row.paired, line.row.whole);
    let mut row = json!({
        "code": line.code,
        "title": line.title,
        "paired": p.map(|p| json!({
            "n": p.n,
            "before": p.before,
            "after": p.after,
            "change": p.change,
            "wilcoxon": p.test.map(|t| json!({
                "statistic": t.statistic(),
                "z": t.z,
                "p_value": t.p,
                "rank_biserial": t.rank_biserial,
            })),
        })),
        "whole": {
            "before": w.before.map(|s| json!({"n": s.n, "mean": s.mean})),
            "after": w.after.map(|s| json!({"n": s.n, "mean": s.mean})),
            "difference": w.difference,
            "mann_whitney": w.test.map(|t| json!({
                "u": t.u,
                "p_value": t.p,
                "rank_biserial": t.rank_biserial,
            })),
        },
    });
    if let Some((code, _, _)) = &line.area {
        row["area"] = json!(code);
    }
    row
}

/// Change over time as the change page shows it.
fn change_json(c: &Compared, lang: &str) -> Value {
    let earlier = c.earlier.as_ref();
    json!({
        "earlier": earlier.map(|(e, _)| campaign_head(e.id, &e.title, &e.opens_on, lang)),
        "reason": earlier.is_none().then_some("no_earlier_campaign"),
        "offered": c.choices.iter().map(|e| campaign_head(e.id, &e.title, &e.opens_on, lang)).collect::<Vec<_>>(),
        "response_rates": {
            "earlier": earlier.map(|(_, data)| rate_json(data)),
            "later": rate_json(&c.later),
        },
        "people_in_both": c.change.as_ref().and_then(|ch| ch.people_in_both),
        "areas": c.areas.iter().map(change_row).collect::<Vec<_>>(),
        "competences": c.competences.iter().map(change_row).collect::<Vec<_>>(),
    })
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
    analysed: &Analysed,
    grouping: &Grouping,
    sites: &HashMap<i64, String>,
    teams: &HashMap<i64, String>,
    tr: &Tr,
) -> Value {
    let columns = &analysed.columns;
    let disclosure = &analysed.disclosure;
    let lang = tr.lang().code();
    let competences: Vec<(usize, &skillgym_store::CampaignCompetence)> = campaign
        .areas
        .iter()
        .enumerate()
        .flat_map(|(a, area)| area.competences.iter().map(move |c| (a, c)))
        .collect();
    let competence_areas: Vec<usize> = competences.iter().map(|(a, _)| *a).collect();
    let figures = CampaignFigures::from_columns(disclosure, &competence_areas, columns);

    let rates = |rows: &[GroupRate], names: &HashMap<i64, String>| -> Vec<Value> {
        rows.iter()
            .map(|r| {
                json!({
                    "id": r.group,
                    "name": names.get(&r.group),
                    "asked": r.asked,
                    "finished": r.finished,
                    "percent": r.percent(),
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
                "mean": d.and_then(|d| d.mean()),
                "rated": d.map(|d| d.rated()),
                "counts": d.map(|d| json!({
                    "1": d.levels[0], "2": d.levels[1], "3": d.levels[2],
                    "4": d.levels[3], "5": d.levels[4], "not_sure": d.not_sure,
                })),
                "hidden": hidden(s.shown),
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
            let hidden_means: serde_json::Map<String, Value> = campaign
                .areas
                .iter()
                .zip(&h.areas)
                .filter(|(_, s)| !s.is_shown())
                .map(|(a, s)| (a.code.clone(), hidden(*s)))
                .collect();
            json!({
                "site_id": h.site,
                "site": sites.get(&h.site),
                "respondents": h.respondents,
                "hidden": hidden(h.shown),
                "means": means,
                "hidden_means": hidden_means,
            })
        })
        .collect();

    // One group comparison.
    let comparison = grouping.comparison(analysed);
    let shown: Vec<usize> = comparison
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.compared())
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
    let calibration = grouping.calibration(analysed);
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
        "anonymity_threshold": disclosure.threshold().get(),
        "stepped": analysed.stepped,
        "asked": figures.rate.asked(),
        "finished": figures.rate.finished(),
        "percent": figures.rate.percent(),
        "from_outside_audience": figures.rate.others(),
        "hidden": hidden(figures.everyone),
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
            "groups": group_heads(&shown, &|g| comparison.groups[g].respondents.unwrap_or_default()),
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
