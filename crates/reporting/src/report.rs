//! A campaign's figures for other tools (`skillgym report CAMPAIGN`): the campaign report, one
//! group comparison, confidence against knowledge, change over time and, when asked for,
//! people's profiles, with the same figures, and the same groups left out for anonymity, as the
//! web pages. As JSON its format is described in `docs/report-json.md`; as CSV, one of its
//! tables ([`crate::Table`]).

use crate::Reports;
use crate::cache::Analysed;
use crate::change::{CompareError, Compared, Line};
use crate::grouping::Grouping;
use serde::Serialize;
use skillgym_domain::analysis::calibration::{CalibrationRow, Disagreement, KnowledgeCell};
use skillgym_domain::analysis::compare::Test;
use skillgym_domain::analysis::profile::Profile;
use skillgym_domain::analysis::{
    CampaignColumns, CampaignFigures, GroupRate, ShownRate, Suppressed,
};
use skillgym_domain::audit::{Localised, Rating};
use skillgym_domain::people::format_date;
use skillgym_domain::{CampaignId, Email, PersonId};
use skillgym_i18n::Tr;
use skillgym_store::{Campaign, CampaignChoice, PersonRecord, StoreError};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// Why a figure is left out; `null` when it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hidden {
    TooSmall,
    Complementary,
}

fn hidden(s: Suppressed) -> Option<Hidden> {
    match s {
        Suppressed::Shown => None,
        Suppressed::TooSmall => Some(Hidden::TooSmall),
        Suppressed::Complementary => Some(Hidden::Complementary),
    }
}

/// A campaign's figures, and whose personal data they hold: the caller records each profile
/// written out in the audit trail before writing it.
#[derive(Debug, Serialize)]
pub struct CampaignReport {
    pub format: &'static str,
    pub language: &'static str,
    pub campaign: CampaignHead,
    pub anonymity_threshold: usize,
    pub stepped: bool,
    pub asked: u64,
    pub finished: Option<u64>,
    pub percent: Option<u64>,
    pub from_outside_audience: Option<u64>,
    pub hidden: Option<Hidden>,
    pub response_rates: GroupRates,
    pub areas: Vec<AreaHead>,
    pub competences: Vec<CompetenceRatings>,
    pub weakest: Vec<String>,
    pub strongest: Vec<String>,
    pub heat_map: Vec<HeatRow>,
    pub comparison: ComparisonReport,
    pub calibration: CalibrationReport,
    pub change: ChangeReport,
    /// Only when asked for: absent, not empty, otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiles: Option<Vec<PersonProfile>>,
    /// The people whose profiles it holds.
    #[serde(skip)]
    pub profiled: Vec<PersonId>,
}

#[derive(Debug, Serialize)]
pub struct CampaignHead {
    pub id: i64,
    pub title: String,
    pub opens_on: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closes_on: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct GroupRates {
    pub by_site: Vec<GroupRateRow>,
    pub by_team: Vec<GroupRateRow>,
}

#[derive(Debug, Serialize)]
pub struct GroupRateRow {
    pub id: i64,
    pub name: Option<String>,
    pub asked: u64,
    pub finished: Option<u64>,
    pub percent: Option<u64>,
    pub hidden: Option<Hidden>,
}

#[derive(Debug, Serialize)]
pub struct AreaHead {
    pub code: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct CompetenceRatings {
    pub code: String,
    pub title: String,
    pub area: String,
    pub mean: Option<f64>,
    pub rated: Option<u64>,
    pub counts: Option<RatingCounts>,
    pub hidden: Option<Hidden>,
}

#[derive(Debug, Serialize)]
pub struct RatingCounts {
    #[serde(rename = "1")]
    pub one: u64,
    #[serde(rename = "2")]
    pub two: u64,
    #[serde(rename = "3")]
    pub three: u64,
    #[serde(rename = "4")]
    pub four: u64,
    #[serde(rename = "5")]
    pub five: u64,
    pub not_sure: u64,
}

#[derive(Debug, Serialize)]
pub struct HeatRow {
    pub site_id: i64,
    pub site: Option<String>,
    pub respondents: Option<u64>,
    pub hidden: Option<Hidden>,
    /// By area code.
    pub means: BTreeMap<String, Option<f64>>,
    /// The areas whose mean is hidden, by code, with the reason.
    pub hidden_means: BTreeMap<String, Hidden>,
}

#[derive(Debug, Serialize)]
pub struct ComparisonReport {
    pub by: String,
    pub groups: Vec<GroupSize>,
    pub left_out: usize,
    pub competences: Vec<ComparedCompetence>,
}

#[derive(Debug, Serialize)]
pub struct GroupSize {
    pub key: String,
    pub label: String,
    pub respondents: usize,
}

#[derive(Debug, Serialize)]
pub struct ComparedCompetence {
    pub code: String,
    /// By group key: `null` where the group's figure is hidden.
    pub groups: BTreeMap<String, Option<Sample>>,
    pub difference: Option<f64>,
    pub test: Option<GroupTest>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Sample {
    pub n: usize,
    pub mean: f64,
}

#[derive(Debug, Serialize)]
pub struct GroupTest {
    pub name: &'static str,
    pub statistic: f64,
    pub p_value: f64,
    pub effect_size: f64,
}

#[derive(Debug, Serialize)]
pub struct CalibrationReport {
    pub by: String,
    pub tested: Vec<String>,
    pub left_out: usize,
    pub groups: Vec<Calibrated>,
    pub everyone: Option<Calibrated>,
    /// Each tested competence: the groups' self-ratings beside their right answers.
    pub competences: Vec<KnowledgeReport>,
}

#[derive(Debug, Serialize)]
pub struct KnowledgeReport {
    pub code: String,
    /// The groups shown; hidden ones are left out, as in `groups` above.
    pub groups: Vec<KnowledgeRow>,
    pub everyone: Option<KnowledgeRow>,
    /// Pairs of groups, by key, where the first rated itself lower but got more right.
    pub reversed: Vec<[String; 2]>,
}

#[derive(Debug, Serialize)]
pub struct KnowledgeRow {
    pub key: String,
    pub label: String,
    pub raters: usize,
    pub mean_rating: f64,
    pub confidence: f64,
    pub answerers: usize,
    pub answers: u64,
    pub share_right: f64,
    pub gap: f64,
    /// `over` or `under` where confidence and knowledge disagree by 0.25 or more, else null.
    pub disagreement: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct Calibrated {
    pub key: String,
    pub label: String,
    pub people: Option<usize>,
    pub confidence: f64,
    pub quiz_score: f64,
    pub gap: f64,
    pub correlation: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct ChangeReport {
    pub earlier: Option<CampaignHead>,
    pub reason: Option<&'static str>,
    pub offered: Vec<CampaignHead>,
    pub response_rates: ChangeRates,
    pub people_in_both: Option<usize>,
    pub areas: Vec<ChangeLine>,
    pub competences: Vec<ChangeLine>,
}

#[derive(Debug, Serialize)]
pub struct ChangeRates {
    pub earlier: Option<Rate>,
    pub later: Rate,
}

#[derive(Debug, Serialize)]
pub struct Rate {
    pub asked: u64,
    pub finished: Option<u64>,
    pub percent: Option<u64>,
    pub from_outside_audience: Option<u64>,
    pub hidden: Option<Hidden>,
}

#[derive(Debug, Serialize)]
pub struct ChangeLine {
    pub code: String,
    pub title: String,
    /// A competence's area code; absent for an area.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    pub paired: Option<PairedChange>,
    pub whole: WholeChange,
}

#[derive(Debug, Serialize)]
pub struct PairedChange {
    pub n: usize,
    pub before: f64,
    pub after: f64,
    pub change: f64,
    pub wilcoxon: Option<Wilcoxon>,
}

#[derive(Debug, Serialize)]
pub struct Wilcoxon {
    pub statistic: f64,
    pub z: f64,
    pub p_value: f64,
    pub rank_biserial: f64,
}

#[derive(Debug, Serialize)]
pub struct WholeChange {
    pub before: Option<Sample>,
    pub after: Option<Sample>,
    pub difference: Option<f64>,
    pub mann_whitney: Option<MannWhitney>,
}

#[derive(Debug, Serialize)]
pub struct MannWhitney {
    pub u: f64,
    pub p_value: f64,
    pub rank_biserial: f64,
}

#[derive(Debug, Serialize)]
pub struct PersonProfile {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub job_family: &'static str,
    pub answered: bool,
    pub areas: Option<Vec<ProfileArea>>,
    pub competences: Option<Vec<ProfileCompetence>>,
    pub gaps: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct ProfileArea {
    pub code: String,
    pub title: String,
    pub mean: Option<f64>,
    pub service_mean: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct ProfileCompetence {
    pub code: String,
    pub title: String,
    pub area: String,
    pub rating: Option<RatingValue>,
    pub quiz: Option<QuizScore>,
    pub measured: Option<f64>,
    pub target: Option<u8>,
    pub gap: Option<f64>,
}

/// A 1–5 rating as a number, "not sure" as `not_sure`.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(untagged)]
pub enum RatingValue {
    Level(u8),
    NotSure(&'static str),
}

impl std::fmt::Display for RatingValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RatingValue::Level(level) => write!(f, "{level}"),
            RatingValue::NotSure(code) => f.write_str(code),
        }
    }
}

impl From<Rating> for RatingValue {
    fn from(rating: Rating) -> Self {
        match rating.level() {
            Some(level) => RatingValue::Level(level),
            None => RatingValue::NotSure("not_sure"),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct QuizScore {
    pub right: usize,
    pub asked: usize,
}

impl CampaignReport {
    /// The report as JSON, keys in alphabetical order at every level (a promise of
    /// `docs/report-json.md`, so that two reports compare line by line): through
    /// `serde_json::Value`, whose maps are sorted.
    pub fn to_json(&self) -> serde_json::Result<Vec<u8>> {
        let value = serde_json::to_value(self)?;
        let mut body = serde_json::to_vec_pretty(&value)?;
        body.push(b'\n');
        Ok(body)
    }
}

/// The campaign's figures, labels in `tr`'s language.
pub async fn campaign_report(
    reports: &Reports<'_>,
    campaign: CampaignId,
    options: &ReportOptions,
    tr: &Tr,
) -> Result<CampaignReport, ReportError> {
    let campaign = reports.campaign(campaign).await?;
    let lang = tr.lang().code();
    // Change over time first: it works out this campaign's figures and the earlier one's side
    // by side. Its errors are reported after the grouping's, as they always were.
    let compared = reports
        .compare(campaign.clone(), options.earlier, lang)
        .await;
    // The same columns as the pages, read once for every part of the report, with the same
    // figures hidden.
    let analysed = reports.analysed(&campaign).await?;
    let by = options.by.as_deref();
    let names = reports.place_names().await?;
    let grouping = Grouping::choose(by, &campaign, &analysed.columns, &names, tr);
    if let Some(by) = by
        && grouping.code != by
    {
        let offered = grouping.choices(&campaign, &analysed.columns, tr);
        return Err(ReportError::NoGrouping(
            offered.into_iter().map(|c| c.value).collect(),
        ));
    }
    // Answers to an anonymous campaign are shown to the person who gave them and no one else,
    // and a report is never its reader's own.
    if campaign.anonymous && options.profiles != Profiles::Nobody {
        return Err(ReportError::Anonymous);
    }
    let people = chosen_people(reports, &analysed.columns, &options.profiles).await?;
    let mut profiles = Vec::new();
    for person in &people {
        let profile = reports.profile(&campaign, person).await?;
        profiles.push(person_profile(&campaign, person, profile.as_ref(), tr));
    }
    let compared = match compared {
        Ok(c) => c,
        Err(CompareError::NotOffered(offered)) => return Err(ReportError::NoEarlier(offered)),
        Err(CompareError::Store(e)) => return Err(e.into()),
    };
    let figures = Figures::new(&compared.campaign, &analysed, &grouping, tr);
    let mut report = figures.report(&names.sites, &names.teams, change_report(&compared, lang));
    if options.profiles != Profiles::Nobody {
        report.profiles = Some(profiles);
    }
    report.profiled = people.iter().map(|p| p.id).collect();
    Ok(report)
}

/// The people whose profiles were asked for, each once.
async fn chosen_people(
    reports: &Reports<'_>,
    columns: &CampaignColumns,
    profiles: &Profiles,
) -> Result<Vec<PersonRecord>, ReportError> {
    let (store, org) = (reports.store(), reports.organisation());
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

/// A person's profile as the profile page shows it; `profile` is `None` when they did not
/// finish the campaign.
fn person_profile(
    campaign: &Campaign,
    person: &PersonRecord,
    profile: Option<&Profile>,
    tr: &Tr,
) -> PersonProfile {
    let lang = tr.lang().code();
    let competences: Vec<(
        &skillgym_store::CampaignArea,
        &skillgym_store::CampaignCompetence,
    )> = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(move |c| (a, c)))
        .collect();
    let areas = profile.map(|p| {
        campaign
            .areas
            .iter()
            .zip(&p.areas)
            .map(|(area, a)| ProfileArea {
                code: area.code.clone(),
                title: area.title.show(lang).text.into(),
                mean: a.mean,
                service_mean: a.service_mean,
            })
            .collect()
    });
    let rows = profile.map(|p| {
        competences
            .iter()
            .zip(&p.competences)
            .map(|((area, c), f)| ProfileCompetence {
                code: c.code.clone(),
                title: c.title.show(lang).text.into(),
                area: area.code.clone(),
                rating: f.rating.map(RatingValue::from),
                quiz: f.quiz.map(|q| QuizScore {
                    right: q.right,
                    asked: q.asked,
                }),
                measured: f.measured,
                target: f.target.map(|t| t.level()),
                gap: f.gap,
            })
            .collect()
    });
    let gaps = profile.map(|p| {
        p.gaps()
            .into_iter()
            .map(|c| competences[c].1.code.clone())
            .collect()
    });
    PersonProfile {
        id: person.id.0,
        name: person.name(),
        email: person.email.clone(),
        job_family: person.job_family.as_str(),
        answered: profile.is_some(),
        areas,
        competences: rows,
        gaps,
    }
}

fn campaign_head(id: CampaignId, title: &Localised, opens_on: &str, lang: &str) -> CampaignHead {
    CampaignHead {
        id: id.0,
        title: title.show(lang).text.into(),
        opens_on: opens_on.into(),
        closes_on: None,
    }
}

fn rate(data: &ShownRate) -> Rate {
    Rate {
        asked: data.asked(),
        finished: data.finished(),
        percent: data.percent(),
        from_outside_audience: data.others(),
        hidden: hidden(data.shown()),
    }
}

fn change_line(line: &Line) -> ChangeLine {
    let (p, w) = (line.row.paired, line.row.whole);
    ChangeLine {
        code: line.code.clone(),
        title: line.title.clone(),
        area: line.area.as_ref().map(|(code, _, _)| code.clone()),
        paired: p.map(|p| PairedChange {
            n: p.n,
            before: p.before,
            after: p.after,
            change: p.change,
            wilcoxon: p.test.map(|t| Wilcoxon {
                statistic: t.statistic(),
                z: t.z,
                p_value: t.p,
                rank_biserial: t.rank_biserial,
            }),
        }),
        whole: WholeChange {
            before: w.before.map(|s| Sample {
                n: s.n,
                mean: s.mean,
            }),
            after: w.after.map(|s| Sample {
                n: s.n,
                mean: s.mean,
            }),
            difference: w.difference,
            mann_whitney: w.test.map(|t| MannWhitney {
                u: t.u,
                p_value: t.p,
                rank_biserial: t.rank_biserial,
            }),
        },
    }
}

/// Change over time as the change page shows it.
fn change_report(c: &Compared, lang: &str) -> ChangeReport {
    let earlier = c.earlier.as_ref();
    ChangeReport {
        earlier: earlier
            .map(|(e, _)| campaign_head(e.id, &e.title, &format_date(e.opens_on), lang)),
        reason: earlier.is_none().then_some("no_earlier_campaign"),
        offered: c
            .choices
            .iter()
            .map(|e| campaign_head(e.id, &e.title, &format_date(e.opens_on), lang))
            .collect(),
        response_rates: ChangeRates {
            earlier: earlier.map(|(_, data)| rate(data)),
            later: rate(&c.later),
        },
        people_in_both: c.change.as_ref().and_then(|ch| ch.people_in_both),
        areas: c.areas.iter().map(change_line).collect(),
        competences: c.competences.iter().map(change_line).collect(),
    }
}

/// What the campaign's own figures are drawn from.
struct Figures<'a> {
    campaign: &'a Campaign,
    analysed: &'a Analysed,
    grouping: &'a Grouping,
    tr: &'a Tr,
    /// Each competence's area, by position, with the competence.
    competences: Vec<(usize, &'a skillgym_store::CampaignCompetence)>,
}

impl<'a> Figures<'a> {
    fn new(
        campaign: &'a Campaign,
        analysed: &'a Analysed,
        grouping: &'a Grouping,
        tr: &'a Tr,
    ) -> Self {
        let competences = campaign
            .areas
            .iter()
            .enumerate()
            .flat_map(|(a, area)| area.competences.iter().map(move |c| (a, c)))
            .collect();
        Self {
            campaign,
            analysed,
            grouping,
            tr,
            competences,
        }
    }

    fn code(&self, c: usize) -> String {
        self.competences[c].1.code.clone()
    }

    fn report(
        &self,
        sites: &HashMap<i64, String>,
        teams: &HashMap<i64, String>,
        change: ChangeReport,
    ) -> CampaignReport {
        let (campaign, analysed, tr) = (self.campaign, self.analysed, self.tr);
        let disclosure = &analysed.disclosure;
        let lang = tr.lang().code();
        let competence_areas: Vec<usize> = self.competences.iter().map(|(a, _)| *a).collect();
        let figures =
            CampaignFigures::from_columns(disclosure, &competence_areas, &analysed.columns);
        let rates = |rows: &[GroupRate], names: &HashMap<i64, String>| -> Vec<GroupRateRow> {
            rows.iter()
                .map(|r| GroupRateRow {
                    id: r.group,
                    name: names.get(&r.group).cloned(),
                    asked: r.asked,
                    finished: r.finished,
                    percent: r.percent(),
                    hidden: hidden(r.shown),
                })
                .collect()
        };
        let competences = figures
            .overview
            .competences
            .iter()
            .map(|s| {
                let (area, c) = self.competences[s.competence];
                let d = s.distribution;
                CompetenceRatings {
                    code: c.code.clone(),
                    title: c.title.show(lang).text.into(),
                    area: campaign.areas[area].code.clone(),
                    mean: d.and_then(|d| d.mean()),
                    rated: d.map(|d| d.rated()),
                    counts: d.map(|d| RatingCounts {
                        one: d.levels[0],
                        two: d.levels[1],
                        three: d.levels[2],
                        four: d.levels[3],
                        five: d.levels[4],
                        not_sure: d.not_sure,
                    }),
                    hidden: hidden(s.shown),
                }
            })
            .collect();
        let heat_map = figures
            .heat
            .iter()
            .map(|h| HeatRow {
                site_id: h.site,
                site: sites.get(&h.site).cloned(),
                respondents: h.respondents,
                hidden: hidden(h.shown),
                means: campaign
                    .areas
                    .iter()
                    .zip(&h.means)
                    .map(|(a, m)| (a.code.clone(), *m))
                    .collect(),
                hidden_means: campaign
                    .areas
                    .iter()
                    .zip(&h.areas)
                    .filter_map(|(a, s)| Some((a.code.clone(), hidden(*s)?)))
                    .collect(),
            })
            .collect();
        CampaignReport {
            format: FORMAT,
            language: lang,
            campaign: CampaignHead {
                id: campaign.id.0,
                title: campaign.title.show(lang).text.into(),
                opens_on: format_date(campaign.opens_on),
                closes_on: Some(format_date(campaign.closes_on)),
            },
            anonymity_threshold: disclosure.threshold().get(),
            stepped: analysed.stepped,
            asked: figures.rate.asked(),
            finished: figures.rate.finished(),
            percent: figures.rate.percent(),
            from_outside_audience: figures.rate.others(),
            hidden: hidden(figures.everyone),
            response_rates: GroupRates {
                by_site: rates(&figures.by_site, sites),
                by_team: rates(&figures.by_team, teams),
            },
            areas: campaign
                .areas
                .iter()
                .map(|a| AreaHead {
                    code: a.code.clone(),
                    title: a.title.show(lang).text.into(),
                })
                .collect(),
            competences,
            weakest: (figures.overview.weakest(5).iter())
                .map(|c| self.code(c.competence))
                .collect(),
            strongest: (figures.overview.strongest(5).iter())
                .map(|c| self.code(c.competence))
                .collect(),
            heat_map,
            comparison: self.comparison(),
            calibration: self.calibration(),
            change,
            profiles: None,
            profiled: Vec::new(),
        }
    }

    /// One group comparison.
    fn comparison(&self) -> ComparisonReport {
        let grouping = self.grouping;
        let comparison = grouping.comparison(self.analysed);
        let shown: Vec<usize> = (comparison.groups.iter().enumerate())
            .filter(|(_, g)| g.compared())
            .map(|(i, _)| i)
            .collect();
        let competences = comparison
            .competences
            .iter()
            .map(|c| ComparedCompetence {
                code: self.code(c.competence),
                groups: shown
                    .iter()
                    .map(|g| {
                        let cell = c.cells[*g].map(|x| Sample {
                            n: x.n,
                            mean: x.mean,
                        });
                        (grouping.groups[*g].key.clone(), cell)
                    })
                    .collect(),
                difference: c.difference,
                test: c.test.map(|t| GroupTest {
                    name: match t {
                        Test::MannWhitney(_) => "mann_whitney",
                        Test::KruskalWallis(_) => "kruskal_wallis",
                    },
                    statistic: t.statistic(),
                    p_value: t.p(),
                    effect_size: t.effect(),
                }),
            })
            .collect();
        ComparisonReport {
            by: grouping.code.clone(),
            groups: shown
                .iter()
                .map(|g| {
                    let head = &grouping.groups[*g];
                    GroupSize {
                        key: head.key.clone(),
                        label: head.label.clone(),
                        respondents: comparison.groups[*g].respondents.unwrap_or_default(),
                    }
                })
                .collect(),
            left_out: comparison.left_out,
            competences,
        }
    }

    /// Confidence against knowledge, by the same groups.
    fn calibration(&self) -> CalibrationReport {
        let grouping = self.grouping;
        let calibration = grouping.calibration(self.analysed);
        let row = |key: &str, label: &str, row: &CalibrationRow| {
            row.figures.map(|f| Calibrated {
                key: key.into(),
                label: label.into(),
                people: row.people,
                confidence: f.confidence,
                quiz_score: f.score,
                gap: f.gap,
                correlation: f.correlation,
            })
        };
        CalibrationReport {
            by: grouping.code.clone(),
            tested: (self.analysed.columns.tested.iter())
                .map(|c| self.code(*c))
                .collect(),
            left_out: calibration.left_out,
            groups: (calibration.groups.iter().zip(&grouping.groups))
                .filter_map(|(r, head)| row(&head.key, &head.label, r))
                .collect(),
            everyone: row(
                "everyone",
                &self.tr.t("analysis-everyone"),
                &calibration.everyone,
            ),
            competences: self.knowledge_by_competence(),
        }
    }

    fn knowledge_by_competence(&self) -> Vec<KnowledgeReport> {
        let grouping = self.grouping;
        let row = |key: &str, label: &str, cell: &KnowledgeCell| KnowledgeRow {
            key: key.into(),
            label: label.into(),
            raters: cell.raters,
            mean_rating: cell.mean_rating,
            confidence: cell.confidence(),
            answerers: cell.answerers,
            answers: cell.answers,
            share_right: cell.share_right,
            gap: cell.gap(),
            disagreement: cell.disagreement().map(|d| match d {
                Disagreement::Over => "over",
                Disagreement::Under => "under",
            }),
        };
        grouping
            .knowledge_by_competence(self.analysed)
            .iter()
            .map(|k| KnowledgeReport {
                code: self.code(k.competence),
                groups: (k.groups.iter().zip(&grouping.groups))
                    .filter_map(|(cell, head)| Some(row(&head.key, &head.label, cell.as_ref()?)))
                    .collect(),
                everyone: k
                    .everyone
                    .as_ref()
                    .map(|cell| row("everyone", &self.tr.t("analysis-everyone"), cell)),
                reversed: (k.reversed.iter())
                    .map(|(a, b)| [a, b].map(|g| grouping.groups[*g].key.clone()))
                    .collect(),
            })
            .collect()
    }
}
