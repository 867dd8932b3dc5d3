//! Learning plans: twelve weeks of steps, proposed from a person's measured gaps and agreed with
//! a trainer or manager.
//!
//! The engine ([`propose`]) is deterministic: the same profile, catalogue, sessions and weekly
//! time always give the same plan, and every choice carries the one-line reason a page shows.
//!
//! - **Goals.** The competences short of the person's role target, the largest gap first
//!   (measured as the profile measures, two parts quiz to one part rating). Each aims at the
//!   role's target, but at most two levels above the whole level the person is at: twelve weeks
//!   of an hour or two a week moves someone a level or two, not four. With fewer than two gaps,
//!   the competences where they meet the target and are furthest from 5 add a next-level
//!   "stretch" goal. At most four goals; a competence the catalogue cannot help with is left out
//!   and named ([`Proposal::unhelped`]).
//! - **Steps.** For each goal, the activity that builds the competence to the goal's level (the
//!   last step) and up to two that lead in at the levels between. Formats mix: no goal repeats a
//!   kind, and a kind the plan has not used yet is preferred. An activity that needs a session
//!   (a course, webinar, event, club or drop-in) is only chosen with a session in the plan's
//!   weeks that has a place, the person's own sites first, then online, then the nearest.
//! - **Weeks.** Steps are laid out goal by goal in turn (each goal's first step, then each
//!   one's second, …), each in the first week from its goal's last step with time left in the
//!   weekly minutes; a longer one spreads over the weeks that follow. A session's step falls in
//!   its session's week. A step that does not fit in twelve weeks is dropped; a goal left with no
//!   step is dropped too. A goal's deadline is the last day of its last step's week.

use crate::analysis::profile::CompetenceProfile;
use crate::learning::{Activity, ActivityKind, Nearness};
use crate::people::{ContractedHours, Employment};
use crate::{ActivityId, Invalid, SessionId};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::Arc;

/// How long a plan runs.
pub const PLAN_WEEKS: u32 = 12;
/// A plan has at most this many goals…
pub const MOST_GOALS: usize = 4;
/// …and at least this many when the person has that many competences to work on.
pub const FEWEST_GOALS: usize = 2;
/// Steps leading in to a goal's last step.
pub const MOST_LEAD_INS: usize = 2;
/// A quiz this far below the rating (on the 1–5 scale) is worth saying so.
const DISAGREES_BY: f64 = 0.5;

/// The minutes a week a person sets aside for learning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct WeeklyMinutes(u32);

impl WeeklyMinutes {
    pub const FEWEST: u32 = 15;
    pub const MOST: u32 = 600;
    /// Three minutes for each contracted hour (a twentieth of their time)…
    const PER_HOUR: f64 = 3.0;
    /// …rounded to a quarter of an hour, from half an hour to two hours.
    const DEFAULT_RANGE: (u32, u32) = (30, 120);

    /// The starting point from a person's contracted hours: a twentieth of their working time,
    /// to the nearest quarter of an hour, between half an hour and two hours. A volunteer, or
    /// anyone without hours, starts at half an hour.
    pub fn from_contracted(employment: Employment, hours: ContractedHours) -> Self {
        if employment == Employment::Volunteer || hours.hours() == 0.0 {
            return Self(Self::DEFAULT_RANGE.0);
        }
        let quarters = (hours.hours() * Self::PER_HOUR / 15.0).round() as u32;
        Self((quarters * 15).clamp(Self::DEFAULT_RANGE.0, Self::DEFAULT_RANGE.1))
    }

    /// A whole number of minutes from 15 to 600, as a trainer types it.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        match text.trim().parse::<u32>() {
            Ok(n) => Self::new(n).ok_or(Invalid("plan-minutes-range")),
            Err(_) => Err(Invalid("plan-minutes-invalid")),
        }
    }

    pub fn new(minutes: u32) -> Option<Self> {
        (Self::FEWEST..=Self::MOST)
            .contains(&minutes)
            .then_some(Self(minutes))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// A competence as the engine sees it: its code, and the person's profile line for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub competence: String,
    pub profile: CompetenceProfile,
}

/// An activity the plan may use, with its sessions in the plan's weeks (as seen from the
/// person: their nearness depends on where the person works). The activity is shared, as the
/// same catalogue serves everyone proposed for at once.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: ActivityId,
    pub activity: Arc<Activity>,
    pub sessions: Vec<CandidateSession>,
}

/// A session of a candidate, placed in the plan's weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidateSession {
    pub id: SessionId,
    /// The plan's week it falls in, from 0.
    pub week: u32,
    pub starts_at: i64,
    /// Where it is from the person.
    pub nearness: Nearness,
    /// The site's name, `None` online.
    pub site: Option<String>,
    /// No place left (only the waiting list).
    pub full: bool,
}

impl ActivityKind {
    /// Taken at a session on a date, rather than whenever suits.
    pub fn needs_session(self) -> bool {
        matches!(
            self,
            ActivityKind::Course
                | ActivityKind::Webinar
                | ActivityKind::Event
                | ActivityKind::Club
                | ActivityKind::DropIn
        )
    }
}

/// Why a competence is a goal: one line on the plan, in the person's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub enum GoalReason {
    /// The quiz found less than the person rated themselves.
    QuizBelowRating {
        right: usize,
        asked: usize,
        rating: u8,
        target: u8,
    },
    /// Short of the role's target, as measured.
    BelowTarget { measured: f64, target: u8 },
    /// At the role's target already: the next level up.
    Stretch { measured: f64 },
}

impl GoalReason {
    /// The Fluent message that says it: `plan-goal-why-{code}`.
    pub fn code(&self) -> &'static str {
        match self {
            GoalReason::QuizBelowRating { .. } => "quiz-below-rating",
            GoalReason::BelowTarget { .. } => "below-target",
            GoalReason::Stretch { .. } => "stretch",
        }
    }
}

/// Where a step happens, as its reason says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "place", rename_all = "kebab-case")]
pub enum StepPlace {
    /// Whenever suits, in this many weeks' time.
    OwnTime {
        weeks: u32,
    },
    OwnSite {
        site: String,
        starts_at: i64,
    },
    Online {
        starts_at: i64,
    },
    Away {
        site: String,
        km: u32,
        starts_at: i64,
    },
    /// At a site whose distance cannot be told (no coordinates).
    Elsewhere {
        site: String,
        starts_at: i64,
    },
}

/// Why a step is in the plan: what it does for the goal, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepReason {
    /// Builds the competence to the goal's level (the goal's last step), or leads in.
    pub reaches_goal: bool,
    pub level: u8,
    pub minutes: u32,
    /// A kind of learning the plan had not used before this step.
    pub new_format: bool,
    pub place: StepPlace,
    /// Chosen by the trainer or manager who agreed the plan, rather than proposed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chosen: bool,
}

/// One goal of a proposed plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposedGoal {
    pub competence: String,
    /// Measured at the start, on the 1–5 scale.
    pub from: f64,
    pub level: u8,
    /// The plan's week its last step ends in, from 0; the deadline is that week's last day.
    pub deadline_week: u32,
    pub reason: GoalReason,
}

/// One step of a proposed plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposedStep {
    /// Index into [`Proposal::goals`].
    pub goal: usize,
    pub activity: ActivityId,
    pub session: Option<SessionId>,
    /// The weeks it runs over, from 0: one week for most, more for a long one.
    pub first_week: u32,
    pub last_week: u32,
    pub minutes: u32,
    pub reason: StepReason,
}

/// A proposed plan, before a trainer or manager agrees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub weekly: WeeklyMinutes,
    pub goals: Vec<ProposedGoal>,
    /// In the order the person does them: by week, then as laid out.
    pub steps: Vec<ProposedStep>,
    /// Competences short of their target that no activity in the catalogue builds (or none
    /// fits the weeks): a gap in the catalogue, for the trainer.
    pub unhelped: Vec<String>,
}

/// Why no plan could be proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NoPlan {
    /// Nothing measured with a target: the person has no profile to plan from.
    #[error("nothing measured against a target")]
    NothingMeasured,
    /// Competences to work on, but the catalogue has nothing that fits for any of them.
    #[error("no activity fits")]
    NothingFits,
}

/// A goal before its steps: where it came from.
struct Aim<'a> {
    measured: &'a Measured,
    from: f64,
    level: u8,
    reason: GoalReason,
}

/// Proposes a plan (see the module for the rules) from `candidates`, the organisation's
/// activities in any order (ties go by code), each with its sessions in the plan's weeks.
pub fn propose(
    competences: &[Measured],
    candidates: &[Candidate],
    weekly: WeeklyMinutes,
) -> Result<Proposal, NoPlan> {
    let aims = aims(competences);
    if aims.is_empty() {
        return Err(NoPlan::NothingMeasured);
    }
    let mut used_kinds: HashSet<ActivityKind> = HashSet::new();
    let mut used_activities: HashSet<ActivityId> = HashSet::new();
    let mut unhelped = Vec::new();
    // Each aim's chosen candidates, in the order they are done, with the goal level reached.
    let mut chosen: Vec<(Aim<'_>, Vec<&Candidate>)> = Vec::new();
    for mut aim in aims {
        if chosen.len() == MOST_GOALS {
            break;
        }
        match choose_steps(&aim, candidates, &used_kinds, &used_activities) {
            None => {
                if matches!(aim.reason, GoalReason::Stretch { .. }) {
                    continue;
                }
                unhelped.push(aim.measured.competence.clone());
            }
            Some((level, steps)) => {
                aim.level = level;
                for c in &steps {
                    used_kinds.insert(c.activity.kind);
                    used_activities.insert(c.id);
                }
                chosen.push((aim, steps));
            }
        }
    }
    if chosen.is_empty() {
        return Err(NoPlan::NothingFits);
    }
    let mut laid = lay_out(&chosen, weekly);
    // A goal index for each aim that kept a step; its level is what its steps reach.
    let mut goal_of = vec![None; chosen.len()];
    let mut goals = Vec::new();
    for (g, (aim, _)) in chosen.iter().enumerate() {
        let mine: Vec<&Laid> = laid.iter().filter(|l| l.goal == g).collect();
        let Some(deadline_week) = mine.iter().map(|l| l.last_week).max() else {
            unhelped.push(aim.measured.competence.clone());
            continue;
        };
        let competence = aim.measured.competence.as_str();
        let reached = mine
            .iter()
            .map(|l| level_for(&l.candidate.activity, competence))
            .max()
            .unwrap_or(0);
        goal_of[g] = Some(goals.len());
        goals.push(ProposedGoal {
            competence: competence.to_string(),
            from: aim.from,
            level: aim.level.min(reached),
            deadline_week,
            reason: aim.reason.clone(),
        });
    }
    if goals.is_empty() {
        return Err(NoPlan::NothingFits);
    }
    // In the order the person meets them; each says whether it is a new kind of learning.
    laid.sort_by_key(|l| l.first_week);
    let mut seen_kinds: HashSet<ActivityKind> = HashSet::new();
    let steps = laid
        .iter()
        .filter_map(|l| {
            let goal = goal_of[l.goal]?;
            let activity = &l.candidate.activity;
            let level = level_for(activity, &goals[goal].competence);
            Some(ProposedStep {
                goal,
                activity: l.candidate.id,
                session: l.session.map(|s| s.id),
                first_week: l.first_week,
                last_week: l.last_week,
                minutes: activity.minutes,
                reason: StepReason {
                    reaches_goal: level >= goals[goal].level,
                    level,
                    minutes: activity.minutes,
                    new_format: seen_kinds.insert(activity.kind),
                    place: match l.session {
                        None => StepPlace::OwnTime {
                            weeks: l.last_week - l.first_week + 1,
                        },
                        Some(s) => place_of(s),
                    },
                    chosen: false,
                },
            })
        })
        .collect();
    Ok(Proposal {
        weekly,
        goals,
        steps,
        unhelped,
    })
}

/// The competences to aim at, in order: gaps, largest first; then, with fewer than
/// [`FEWEST_GOALS`], stretches.
fn aims(competences: &[Measured]) -> Vec<Aim<'_>> {
    let mut gaps: Vec<(usize, &Measured)> = competences
        .iter()
        .enumerate()
        .filter(|(_, m)| m.profile.gap.is_some_and(|g| g > 0.0))
        .collect();
    // Largest gap first; equal gaps in the framework's order.
    gaps.sort_by(|(a, x), (b, y)| {
        let gap = |m: &Measured| m.profile.gap.unwrap_or_default();
        gap(y).total_cmp(&gap(x)).then(a.cmp(b))
    });
    let mut aims: Vec<Aim<'_>> = gaps
        .into_iter()
        .filter_map(|(_, m)| {
            let from = m.profile.measured?;
            let target = m.profile.target?.level();
            let whole = from.floor() as u8;
            let level = target.min(whole + 2).max(whole + 1).min(5);
            let reason = match (m.profile.quiz, m.profile.rating.and_then(|r| r.level())) {
                (Some(q), Some(rating)) if q.level() + DISAGREES_BY <= f64::from(rating) => {
                    GoalReason::QuizBelowRating {
                        right: q.right,
                        asked: q.asked,
                        rating,
                        target,
                    }
                }
                _ => GoalReason::BelowTarget {
                    measured: tenths(from),
                    target,
                },
            };
            Some(Aim {
                measured: m,
                from,
                level,
                reason,
            })
        })
        .collect();
    if aims.len() < FEWEST_GOALS {
        let mut stretches: Vec<(usize, &Measured, f64)> = competences
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let from = m.profile.measured?;
                let met = m.profile.target.is_some() && m.profile.gap.is_some_and(|g| g <= 0.0);
                (met && from < 5.0).then_some((i, m, from))
            })
            .collect();
        stretches.sort_by(|(a, _, x), (b, _, y)| x.total_cmp(y).then(a.cmp(b)));
        aims.extend(stretches.into_iter().map(|(_, m, from)| Aim {
            measured: m,
            from,
            level: (from.floor() as u8 + 1).min(5),
            reason: GoalReason::Stretch {
                measured: tenths(from),
            },
        }));
    }
    aims
}

fn tenths(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The level `activity` builds `competence` to, 0 when it does not.
fn level_for(activity: &Activity, competence: &str) -> u8 {
    activity
        .builds
        .iter()
        .filter(|b| b.competence == competence)
        .map(|b| b.level)
        .max()
        .unwrap_or(0)
}

/// The session a step would use: one with a place, nearest first (own site, online, then by
/// distance), then earliest.
fn best_session(c: &Candidate) -> Option<&CandidateSession> {
    c.sessions
        .iter()
        .filter(|s| !s.full && s.week < PLAN_WEEKS)
        .min_by(|a, b| nearer(a, b))
}

fn nearer(a: &CandidateSession, b: &CandidateSession) -> std::cmp::Ordering {
    let (ra, ka) = a.nearness.rank();
    let (rb, kb) = b.nearness.rank();
    ra.cmp(&rb)
        .then(ka.total_cmp(&kb))
        .then(a.week.cmp(&b.week))
        .then(a.starts_at.cmp(&b.starts_at))
        .then(a.id.cmp(&b.id))
}

/// Whether a candidate can be taken at all in the plan, and how near its best session is (0
/// for an activity taken in one's own time: nothing to travel to).
fn availability(c: &Candidate) -> Option<(u8, f64)> {
    if c.activity.kind.needs_session() || !c.sessions.is_empty() {
        best_session(c).map(|s| s.nearness.rank())
    } else {
        Some((0, 0.0))
    }
}

/// The goal's steps: the best activity to its level (or to the highest level the catalogue
/// reaches above where the person is), and up to two leading in. `None` when nothing builds the
/// competence above the person's whole level.
fn choose_steps<'c>(
    aim: &Aim<'_>,
    candidates: &'c [Candidate],
    used_kinds: &HashSet<ActivityKind>,
    used_activities: &HashSet<ActivityId>,
) -> Option<(u8, Vec<&'c Candidate>)> {
    let competence = aim.measured.competence.as_str();
    let whole = aim.from.floor() as u8;
    let usable: Vec<(&Candidate, u8, (u8, f64))> = candidates
        .iter()
        .filter(|c| !used_activities.contains(&c.id))
        .filter_map(|c| {
            let level = level_for(&c.activity, competence);
            (level > whole)
                .then_some(())
                .and_then(|_| availability(c))
                .map(|near| (c, level, near))
        })
        .collect();
    let reach = usable.iter().map(|(_, l, _)| *l).max()?;
    let level = aim.level.min(reach);
    // Preference among equals: a kind the plan has not used, nearer, shorter, then the code.
    let key = |(c, l, near): &(&'c Candidate, u8, (u8, f64)), kinds: &HashSet<ActivityKind>| {
        (
            *l,
            kinds.contains(&c.activity.kind),
            near.0,
            (near.1 * 1000.0) as u64,
            c.activity.minutes,
            c.activity.code.as_str(),
        )
    };
    let last = usable
        .iter()
        .filter(|(_, l, _)| *l >= level)
        .min_by_key(|u| key(u, used_kinds))?;
    let mut kinds = used_kinds.clone();
    let mut goal_kinds = HashSet::from([last.0.activity.kind]);
    kinds.insert(last.0.activity.kind);
    let mut lead_ins: Vec<&(&Candidate, u8, (u8, f64))> = Vec::new();
    for _ in 0..MOST_LEAD_INS {
        let next = usable
            .iter()
            .filter(|u| u.1 < level && !goal_kinds.contains(&u.0.activity.kind))
            .filter(|u| !lead_ins.iter().any(|l| l.0.id == u.0.id))
            .min_by_key(|u| {
                let (_, used, near, km, minutes, code) = key(u, &kinds);
                // Lead-ins: a new kind first, then the lowest level, so the steps climb.
                (used, u.1, near, km, minutes, code)
            });
        let Some(next) = next else { break };
        goal_kinds.insert(next.0.activity.kind);
        kinds.insert(next.0.activity.kind);
        lead_ins.push(next);
    }
    lead_ins.sort_by_key(|u| (u.1, u.0.activity.code.as_str().to_string()));
    let mut steps: Vec<&Candidate> = lead_ins.into_iter().map(|u| u.0).collect();
    steps.push(last.0);
    Some((level, steps))
}

/// A step placed in the weeks.
struct Laid<'c> {
    goal: usize,
    candidate: &'c Candidate,
    session: Option<&'c CandidateSession>,
    first_week: u32,
    last_week: u32,
}

/// Places the steps in the weeks, goals in turn (see the module).
fn lay_out<'c>(chosen: &[(Aim<'_>, Vec<&'c Candidate>)], weekly: WeeklyMinutes) -> Vec<Laid<'c>> {
    let mut left = vec![weekly.get(); PLAN_WEEKS as usize];
    let mut cursor = vec![0u32; chosen.len()];
    let mut laid = Vec::new();
    let most = chosen.iter().map(|(_, s)| s.len()).max().unwrap_or(0);
    for round in 0..most {
        for (g, (_, steps)) in chosen.iter().enumerate() {
            let Some(candidate) = steps.get(round) else {
                continue;
            };
            let minutes = candidate.activity.minutes;
            let placed =
                if candidate.activity.kind.needs_session() || !candidate.sessions.is_empty() {
                    place_session(candidate, cursor[g], &mut left)
                } else {
                    place_own_time(minutes, cursor[g], &mut left).map(|(a, b)| (a, b, None))
                };
            if let Some((first_week, last_week, session)) = placed {
                cursor[g] = last_week;
                laid.push(Laid {
                    goal: g,
                    candidate,
                    session,
                    first_week,
                    last_week,
                });
            }
        }
    }
    laid
}

/// An activity done in one's own time: in the first week from `from` with room for all of it,
/// or, for one longer than a week's minutes, spread from the first week with any room over as
/// many weeks as it takes. `None` when it does not fit before the plan ends.
fn place_own_time(minutes: u32, from: u32, left: &mut [u32]) -> Option<(u32, u32)> {
    let weeks = left.len() as u32;
    let weekly = *left.iter().max().unwrap_or(&0);
    let whole = (from..weeks).find(|w| left[*w as usize] >= minutes);
    if let Some(w) = whole {
        left[w as usize] -= minutes;
        return Some((w, w));
    }
    if minutes <= weekly {
        return None;
    }
    let first = (from..weeks).find(|w| left[*w as usize] > 0)?;
    let mut need = minutes;
    let mut w = first;
    let mut trial = left.to_vec();
    while need > 0 {
        if w >= weeks {
            return None;
        }
        let take = trial[w as usize].min(need);
        trial[w as usize] -= take;
        need -= take;
        if need > 0 {
            w += 1;
        }
    }
    left.copy_from_slice(&trial);
    Some((first, w))
}

/// An activity at a session: the nearest session with a place in a week from `from` (earlier
/// weeks' sessions would come before the step it follows). A session does not move, so its
/// week's minutes go down by what is left of them even where the session takes longer.
fn place_session<'c>(
    c: &'c Candidate,
    from: u32,
    left: &mut [u32],
) -> Option<(u32, u32, Option<&'c CandidateSession>)> {
    let session = c
        .sessions
        .iter()
        .filter(|s| s.week >= from && !s.full && s.week < PLAN_WEEKS)
        .min_by(|a, b| nearer(a, b))?;
    let week = &mut left[session.week as usize];
    *week = week.saturating_sub(c.activity.minutes);
    Some((session.week, session.week, Some(session)))
}

fn place_of(s: &CandidateSession) -> StepPlace {
    let site = s.site.clone().unwrap_or_default();
    match s.nearness {
        Nearness::OwnSite => StepPlace::OwnSite {
            site,
            starts_at: s.starts_at,
        },
        Nearness::Online => StepPlace::Online {
            starts_at: s.starts_at,
        },
        Nearness::Away(km) => StepPlace::Away {
            site,
            km: km.round() as u32,
            starts_at: s.starts_at,
        },
        Nearness::Unknown => StepPlace::Elsewhere {
            site,
            starts_at: s.starts_at,
        },
    }
}

// ---- A step chosen by hand ---------------------------------------------------------------------

/// Why a chosen activity cannot go into the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotPlaced {
    /// It does not build the goal's competence.
    #[error("the activity does not build the goal's competence")]
    OffGoal,
    /// It is taken at a session, and none was chosen.
    #[error("the activity is taken at a session")]
    NeedsSession,
    /// The week (or the session's) is outside the plan, or the step would run past its end.
    #[error("the step does not fit in the plan's weeks")]
    OutsideWeeks,
    /// The session has no place left.
    #[error("the session is full")]
    Full,
}

/// A step placed by hand: where it goes in the plan and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ChosenStep {
    pub first_week: u32,
    pub last_week: u32,
    pub minutes: u32,
    pub reason: StepReason,
}

/// What a step chosen by hand is placed against: the goal it serves and the plan's room.
#[derive(Debug, Clone, Copy)]
pub struct Placing<'a> {
    /// The goal's competence, by code.
    pub competence: &'a str,
    pub goal_level: u8,
    pub weekly: WeeklyMinutes,
    /// The plan's weeks, pauses included.
    pub weeks: u32,
    /// The kinds of learning the plan already has.
    pub used: &'a [ActivityKind],
}

/// Places `candidate`, chosen by the trainer or manager for a goal, at its `session`'s week,
/// or from `week` (from 0) in the person's own time, spread over as many weeks as its minutes
/// take. Unlike a proposal, the weeks' other steps are not counted: the person and their
/// trainer have agreed the time between them.
pub fn chosen_step(
    candidate: &Candidate,
    session: Option<&CandidateSession>,
    week: u32,
    placing: Placing<'_>,
) -> Result<ChosenStep, NotPlaced> {
    let Placing {
        competence,
        goal_level,
        weekly,
        weeks,
        used,
    } = placing;
    let activity = &candidate.activity;
    if !activity.builds.iter().any(|b| b.competence == competence) {
        return Err(NotPlaced::OffGoal);
    }
    let level = level_for(activity, competence);
    let (first_week, last_week, place) = match session {
        Some(s) => {
            if s.full {
                return Err(NotPlaced::Full);
            }
            if s.week >= weeks {
                return Err(NotPlaced::OutsideWeeks);
            }
            (s.week, s.week, place_of(s))
        }
        None if activity.kind.needs_session() => return Err(NotPlaced::NeedsSession),
        None => {
            let spread = activity.minutes.div_ceil(weekly.get()).max(1);
            let last = week + spread - 1;
            if last >= weeks {
                return Err(NotPlaced::OutsideWeeks);
            }
            (week, last, StepPlace::OwnTime { weeks: spread })
        }
    };
    Ok(ChosenStep {
        first_week,
        last_week,
        minutes: activity.minutes,
        reason: StepReason {
            reaches_goal: level >= goal_level,
            level,
            minutes: activity.minutes,
            new_format: !used.contains(&activity.kind),
            place,
            chosen: true,
        },
    })
}

// ---- A plan's life ------------------------------------------------------------------------

/// Where a plan is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanStatus {
    /// Proposed by skillgym (or a trainer), not yet agreed with the person.
    Proposed,
    /// Agreed by a trainer or manager with the person: the person works through it.
    Agreed,
    /// Paused (leave, the busy season): resuming moves what is left on.
    Paused,
    Finished,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 4] = [
        PlanStatus::Proposed,
        PlanStatus::Agreed,
        PlanStatus::Paused,
        PlanStatus::Finished,
    ];

    /// As stored; pages show the message `plan-status-{code}`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Proposed => "proposed",
            PlanStatus::Agreed => "agreed",
            PlanStatus::Paused => "paused",
            PlanStatus::Finished => "finished",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// How a plan is going, as the trainer's list and the person's page say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Progress {
    /// Proposed, waiting for a trainer or manager to agree it.
    ToAgree,
    /// Every step due by last week is done.
    OnTrack,
    /// A step that should have been done by the end of last week is not.
    Behind,
    Paused,
    Finished,
}

impl Progress {
    pub const ALL: [Progress; 5] = [
        Progress::ToAgree,
        Progress::OnTrack,
        Progress::Behind,
        Progress::Paused,
        Progress::Finished,
    ];

    /// Pages show the message `plan-progress-{code}`.
    pub fn as_str(self) -> &'static str {
        match self {
            Progress::ToAgree => "to-agree",
            Progress::OnTrack => "on-track",
            Progress::Behind => "behind",
            Progress::Paused => "paused",
            Progress::Finished => "finished",
        }
    }

    /// `steps` are each step's last week and whether it is done; `week` is this week of the
    /// plan (from 0; negative before it starts). A step is late once the week after its last
    /// one has begun.
    pub fn of(status: PlanStatus, steps: &[(u32, bool)], week: i64) -> Self {
        match status {
            PlanStatus::Proposed => Progress::ToAgree,
            PlanStatus::Paused => Progress::Paused,
            PlanStatus::Finished => Progress::Finished,
            PlanStatus::Agreed => {
                if steps
                    .iter()
                    .any(|(last, done)| !done && i64::from(*last) < week)
                {
                    Progress::Behind
                } else {
                    Progress::OnTrack
                }
            }
        }
    }
}

/// The Monday a plan proposed on `day` starts: that day when it is a Monday, else the next.
pub fn first_monday(day: time::Date) -> time::Date {
    let from_monday = i64::from(day.weekday().number_days_from_monday());
    if from_monday == 0 {
        day
    } else {
        day + time::Duration::days(7 - from_monday)
    }
}

/// The week of a plan starting on `starts_on` that `day` falls in, from 0 (negative before).
pub fn week_of(starts_on: time::Date, day: time::Date) -> i64 {
    (day - starts_on).whole_days().div_euclid(7)
}

/// The first and last day (Monday to Sunday) of week `week` of a plan starting on `starts_on`.
pub fn week_days(starts_on: time::Date, week: u32) -> (time::Date, time::Date) {
    let first = starts_on + time::Duration::weeks(i64::from(week));
    (first, first + time::Duration::days(6))
}

/// Whole weeks between pausing on `paused_on` and resuming on `resumed_on`, rounded up: what
/// the steps left and the deadlines move on by. A pause within the same day moves nothing.
pub fn weeks_paused(paused_on: time::Date, resumed_on: time::Date) -> u32 {
    let days = (resumed_on - paused_on).whole_days().max(0);
    u32::try_from((days + 6) / 7).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
