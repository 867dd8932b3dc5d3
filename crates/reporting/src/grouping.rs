//! Groupings: who is in which group (job family, employment, working hours, length of service,
//! team, main site, or a single-choice profile question), and the groups compared competence by
//! competence and by confidence against knowledge, with the groups the anonymity rules hide
//! left out.

use crate::cache::Analysed;
use skillgym_domain::analysis::anonymity::none_or_all;
use skillgym_domain::analysis::calibration::{
    Calibration, CompetenceKnowledge, PersonCalibration, by_competence,
};
use skillgym_domain::analysis::columns::{NO_ANSWER, NONE};
use skillgym_domain::analysis::compare::{Comparison, GroupCounts};
use skillgym_domain::analysis::{CampaignColumns, GroupingKey};
use skillgym_domain::audit::QuestionKind;
use skillgym_domain::{Employment, JobFamily, QuestionId, ServiceLength, WorkingHours};
use std::collections::HashMap;

pub use skillgym_domain::analysis::anonymity::MOST_PLACES;

/// The organisation's sites and teams by id: their names, for the report and groups by team.
#[derive(Debug, Clone, Default)]
pub struct PlaceNames {
    pub sites: HashMap<i64, String>,
    pub teams: HashMap<i64, String>,
}
use skillgym_i18n::Tr;
use skillgym_store::Campaign;

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
pub struct Grouping {
    pub code: String,
    pub groups: Vec<GroupHead>,
    kind: GroupKind,
    /// Chosen by default in place of job family, which no finished response has.
    pub instead_of_job_family: bool,
}

/// Why finished responses are in no group, said on the page rather than left as an empty chart,
/// with the campaign's questions offered as groupings that such responses can have.
pub struct GroupingNotice {
    /// Finished responses in no group, of all finished responses.
    pub ungrouped: usize,
    /// Whether how many are in no group may be said (see [`Grouping::notice`]).
    pub counted: bool,
    pub total: usize,
    /// The grouping is by something about the person (not by an answer to a question), which
    /// a response imported without a name lacks.
    pub by_person: bool,
    /// Why a response can be in no group: the notice's message id, and the one for when how
    /// many may not be said.
    pub message: &'static str,
    pub message_hidden: &'static str,
    pub instead_of_job_family: bool,
    /// The campaign's single-choice questions, other than the one grouped by.
    pub questions: Vec<Choice>,
}

enum GroupKind {
    JobFamily,
    Employment,
    Hours,
    Service,
    Team,
    Site,
    Question(QuestionId),
}

/// The groupings every campaign offers, by code, with their message ids, before its questions.
const BUILT_IN: [(&str, &str); 6] = [
    ("job_family", "analysis-by-job-family"),
    ("employment", "analysis-by-employment"),
    ("hours", "analysis-by-hours"),
    ("service", "analysis-by-service"),
    ("team", "analysis-by-team"),
    ("site", "analysis-by-site"),
];

/// Whether a built-in grouping is offered for these columns: teams and sites only when there
/// are few enough.
fn built_in_offered(code: &str, columns: &CampaignColumns) -> bool {
    match code {
        "team" => (1..=MOST_PLACES).contains(&columns.teams.len()),
        "site" => (1..=MOST_PLACES).contains(&columns.sites.len()),
        _ => BUILT_IN.iter().any(|(c, _)| *c == code),
    }
}

impl Grouping {
    /// The grouping asked for. When `by` is missing or not one the campaign offers: job
    /// family, unless there are finished responses and none has a job family (all imported
    /// without names), when it is the campaign's first single-choice question, if it has one.
    pub fn choose(
        by: Option<&str>,
        campaign: &Campaign,
        columns: &CampaignColumns,
        names: &PlaceNames,
        tr: &Tr,
    ) -> Self {
        let offered = |code: &str| {
            built_in_offered(code, columns) || single_choice(campaign).any(|(_, q)| q.code == code)
        };
        if by.is_none_or(|b| !offered(b))
            && columns.responses() > 0
            && !columns.knows_job_families()
            && let Some((_, first)) = single_choice(campaign).next()
        {
            let mut grouping = Self::chosen(Some(&first.code), campaign, columns, names, tr);
            grouping.instead_of_job_family = true;
            return grouping;
        }
        let by = by.filter(|b| offered(b));
        Self::chosen(by, campaign, columns, names, tr)
    }

    fn chosen(
        by: Option<&str>,
        campaign: &Campaign,
        columns: &CampaignColumns,
        names: &PlaceNames,
        tr: &Tr,
    ) -> Self {
        let lang = tr.lang().code();
        let head = |_: usize, key: String, label: String, lang: &'static str| GroupHead {
            key,
            label,
            lang,
        };
        let fixed = |code: &str, kind: GroupKind, keys: Vec<&'static str>, prefix: &str| Self {
            code: code.into(),
            groups: keys
                .into_iter()
                .enumerate()
                .map(|(i, key)| head(i, key.into(), tr.t(&format!("{prefix}-{key}")), lang))
                .collect(),
            kind,
            instead_of_job_family: false,
        };
        let places =
            |code: &str, kind: GroupKind, ids: &[i64], names: &HashMap<i64, String>| Self {
                code: code.into(),
                groups: ids
                    .iter()
                    .enumerate()
                    .map(|(i, id)| {
                        let name = names.get(id).cloned().unwrap_or_else(|| id.to_string());
                        head(i, id.to_string(), name, lang)
                    })
                    .collect(),
                kind,
                instead_of_job_family: false,
            };
        match by {
            Some("hours") => fixed(
                "hours",
                GroupKind::Hours,
                WorkingHours::ALL.iter().map(|h| h.as_str()).collect(),
                "working-hours",
            ),
            Some("service") => fixed(
                "service",
                GroupKind::Service,
                ServiceLength::ALL.iter().map(|s| s.as_str()).collect(),
                "service-length",
            ),
            Some("team") => places("team", GroupKind::Team, &columns.teams, &names.teams),
            Some("site") => places("site", GroupKind::Site, &columns.sites, &names.sites),
            Some("employment") => fixed(
                "employment",
                GroupKind::Employment,
                Employment::ALL.iter().map(|e| e.as_str()).collect(),
                "employment",
            ),
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
            _ => fixed(
                "job_family",
                GroupKind::JobFamily,
                JobFamily::ALL.iter().map(|f| f.as_str()).collect(),
                "job-family",
            ),
        }
    }

    /// Each finished response's group, by position.
    pub fn column(&self, columns: &CampaignColumns) -> Vec<Option<usize>> {
        let known = |code: u8| (code != NO_ANSWER).then_some(usize::from(code));
        // Teams are the people's as asked: each response's person asked, if any.
        let asked = || {
            let mut of = vec![NONE; columns.responses()];
            for (i, &r) in columns.asked_response.iter().enumerate() {
                if let Some(slot) = of.get_mut(r as usize) {
                    *slot = i as u32;
                }
            }
            of
        };
        match self.kind {
            GroupKind::JobFamily => columns.job_family.iter().map(|c| known(*c)).collect(),
            GroupKind::Employment => columns.employment.iter().map(|c| known(*c)).collect(),
            GroupKind::Hours => columns.hours.iter().map(|c| known(*c)).collect(),
            GroupKind::Service => columns.service.iter().map(|c| known(*c)).collect(),
            GroupKind::Team => asked()
                .into_iter()
                .map(|i| match i {
                    NONE => None,
                    i => Some(columns.asked_team[i as usize]).filter(|t| *t != NONE),
                })
                .map(|t| t.map(|t| t as usize))
                .collect(),
            GroupKind::Site => columns
                .main_sites()
                .into_iter()
                .map(|s| s.map(|s| s as usize))
                .collect(),
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
    pub fn key(&self) -> GroupingKey {
        match self.kind {
            GroupKind::JobFamily => GroupingKey::JobFamily,
            GroupKind::Employment => GroupingKey::Employment,
            GroupKind::Hours => GroupingKey::Hours,
            GroupKind::Service => GroupingKey::Service,
            GroupKind::Team => GroupingKey::Team,
            GroupKind::Site => GroupingKey::Site,
            GroupKind::Question(id) => GroupingKey::Question(id),
        }
    }

    /// What the page says about responses in no group, if any are, or about the grouping
    /// chosen in place of job family.
    pub fn notice(
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
        let (message, message_hidden) = match self.kind {
            GroupKind::JobFamily | GroupKind::Employment => (
                "analysis-no-group-person",
                "analysis-no-group-person-hidden",
            ),
            GroupKind::Hours => ("analysis-no-group-hours", "analysis-no-group-hours-hidden"),
            GroupKind::Service => (
                "analysis-no-group-service",
                "analysis-no-group-service-hidden",
            ),
            GroupKind::Team => ("analysis-no-group-team", "analysis-no-group-team-hidden"),
            GroupKind::Site => ("analysis-no-group-site", "analysis-no-group-site-hidden"),
            GroupKind::Question(_) => (
                "analysis-no-group-question",
                "analysis-no-group-question-hidden",
            ),
        };
        // Those in no group are never shown as a group of their own: how many is said only when
        // it is none or all of them.
        Some(GroupingNotice {
            ungrouped,
            counted: none_or_all(ungrouped as u64, columns.responses() as u64),
            total: columns.responses(),
            by_person: !matches!(self.kind, GroupKind::Question(_)),
            message,
            message_hidden,
            instead_of_job_family: self.instead_of_job_family,
            questions: self
                .choices(campaign, columns, tr)
                .into_iter()
                .filter(|c| !c.selected && !BUILT_IN.iter().any(|(code, _)| *code == c.value))
                .collect(),
        })
    }

    /// The groups compared competence by competence.
    pub fn comparison(&self, analysed: &Analysed) -> Comparison {
        let columns = &analysed.columns;
        let counts = GroupCounts::from_columns(self.groups.len(), &self.column(columns), columns);
        Comparison::from_counts(&analysed.disclosure.grouping(self.key()), &counts)
    }

    /// The groups' confidence against their knowledge.
    pub fn calibration(&self, analysed: &Analysed) -> Calibration {
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

    /// The groups' confidence against their knowledge, competence by competence.
    pub fn knowledge_by_competence(&self, analysed: &Analysed) -> Vec<CompetenceKnowledge> {
        let disclosure = &analysed.disclosure;
        by_competence(
            &analysed.columns,
            &self.column(&analysed.columns),
            self.groups.len(),
            disclosure,
            &disclosure.grouping(self.key()),
        )
    }

    pub fn choices(&self, campaign: &Campaign, columns: &CampaignColumns, tr: &Tr) -> Vec<Choice> {
        let lang = tr.lang().code();
        let mut out: Vec<Choice> = BUILT_IN
            .iter()
            .filter(|(value, _)| built_in_offered(value, columns))
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
