//! Evaluation: what a person says right after an activity (feedback), what they say again some
//! days later (follow-ups: did they use it at work, what stopped them), and the report that
//! weighs both, with the change in audits, at four levels: reaction, learning, behaviour and
//! results. The arithmetic is here; the store gathers the facts and the web shows the figures.

use crate::Invalid;
use crate::analysis::AnonymityThreshold;
use std::collections::HashMap;

/// An answer on the 1 to 5 scale (1: not at all, 5: very).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(u8);

impl Score {
    /// A score as chosen on a form; `missing` names the message when none was.
    pub fn parse(raw: &str, missing: &'static str) -> Result<Self, Invalid> {
        match raw.trim().parse::<u8>() {
            Ok(n) => Self::new(i64::from(n)).map_err(|_| Invalid(missing)),
            Err(_) => Err(Invalid(missing)),
        }
    }

    /// A score as stored.
    pub fn new(n: i64) -> Result<Self, Invalid> {
        if (1..=5).contains(&n) {
            Ok(Score(n as u8))
        } else {
            Err(Invalid("evaluation-score-out-of-range"))
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// Whether the activity met its objectives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Objectives {
    Yes,
    Partly,
    No,
}

impl Objectives {
    pub const ALL: [Objectives; 3] = [Objectives::Yes, Objectives::Partly, Objectives::No];

    /// As forms and the database write it; pages show `evaluation-objectives-{code}`.
    pub fn as_str(self) -> &'static str {
        match self {
            Objectives::Yes => "yes",
            Objectives::Partly => "partly",
            Objectives::No => "no",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|o| o.as_str() == raw.trim())
            .ok_or(Invalid("evaluation-objectives-missing"))
    }
}

/// The longest a takeaway or an example may be, in characters.
pub const MAX_TEXT: usize = 1000;

/// Up to three things to take away, each on its own, none empty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Takeaways(Vec<String>);

impl Takeaways {
    /// The three boxes as typed: empty ones are left out, at least one is needed.
    pub fn parse(boxes: &[&str]) -> Result<Self, Invalid> {
        let mut kept = Vec::new();
        for b in boxes.iter().take(3) {
            let t = one_line(b);
            if t.chars().count() > MAX_TEXT {
                return Err(Invalid("evaluation-takeaway-too-long"));
            }
            if !t.is_empty() {
                kept.push(t);
            }
        }
        if kept.is_empty() {
            return Err(Invalid("evaluation-takeaways-missing"));
        }
        Ok(Takeaways(kept))
    }

    /// As stored: one a line.
    pub fn from_stored(text: &str) -> Self {
        Takeaways(
            text.lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
        )
    }

    pub fn to_stored(&self) -> String {
        self.0.join("\n")
    }

    pub fn items(&self) -> &[String] {
        &self.0
    }
}

/// Text on one line, trimmed: line breaks become spaces.
fn one_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The feedback form, parsed: always a whole, valid answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub usefulness: Score,
    /// How good the facilitator was, where the session had one.
    pub facilitator: Option<Score>,
    pub objectives: Objectives,
    pub takeaways: Takeaways,
    /// "I will be more effective at work as a result."
    pub more_effective: Score,
}

/// What stopped someone using what they learned at work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Barrier {
    NoChance,
    NoEncouragement,
    Confidence,
    Time,
    Equipment,
    Other,
}

impl Barrier {
    pub const ALL: [Barrier; 6] = [
        Barrier::NoChance,
        Barrier::NoEncouragement,
        Barrier::Confidence,
        Barrier::Time,
        Barrier::Equipment,
        Barrier::Other,
    ];

    /// As forms and the database write it; pages show `evaluation-barrier-{code}`.
    pub fn as_str(self) -> &'static str {
        match self {
            Barrier::NoChance => "no-chance",
            Barrier::NoEncouragement => "no-encouragement",
            Barrier::Confidence => "confidence",
            Barrier::Time => "time",
            Barrier::Equipment => "equipment",
            Barrier::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|b| b.as_str() == raw.trim())
            .ok_or(Invalid("evaluation-barrier-unknown"))
    }

    /// Several, as stored: codes separated by commas (unknown ones are skipped).
    pub fn from_stored(text: &str) -> Vec<Barrier> {
        text.split(',')
            .filter_map(|c| Self::parse(c).ok())
            .collect()
    }

    pub fn to_stored(barriers: &[Barrier]) -> String {
        barriers
            .iter()
            .map(|b| b.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// A follow-up, answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpAnswer {
    pub used_at_work: bool,
    /// What stopped them; at least one when they have not used it.
    pub barriers: Vec<Barrier>,
    /// What "other" was, when they said.
    pub other: Option<String>,
    /// How much more effective they are at work (1 to 5).
    pub effectiveness: Score,
    /// One example of using it (may be empty when they have not).
    pub example: String,
}

impl FollowUpAnswer {
    /// The form's answers as typed: `used` is "yes" or "no", `barriers` the codes ticked.
    pub fn parse(
        used: &str,
        barriers: &[&str],
        other: &str,
        effectiveness: &str,
        example: &str,
    ) -> Result<Self, Vec<(&'static str, Invalid)>> {
        let mut errors = Vec::new();
        let used_at_work = match used.trim() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                errors.push(("used", Invalid("follow-up-used-missing")));
                None
            }
        };
        let mut chosen: Vec<Barrier> = Vec::new();
        for b in barriers {
            match Barrier::parse(b) {
                Ok(b) if !chosen.contains(&b) => chosen.push(b),
                Ok(_) => {}
                Err(e) => errors.push(("barriers", e)),
            }
        }
        chosen.sort();
        if used_at_work == Some(false) && chosen.is_empty() {
            errors.push(("barriers", Invalid("follow-up-barriers-missing")));
        }
        let other = one_line(other);
        if other.chars().count() > MAX_TEXT {
            errors.push(("other", Invalid("evaluation-text-too-long")));
        }
        let effectiveness = Score::parse(effectiveness, "follow-up-effectiveness-missing")
            .map_err(|e| errors.push(("effectiveness", e)))
            .ok();
        let example = example.trim().to_string();
        if example.chars().count() > MAX_TEXT {
            errors.push(("example", Invalid("evaluation-text-too-long")));
        }
        match (used_at_work, effectiveness) {
            (Some(used_at_work), Some(effectiveness)) if errors.is_empty() => Ok(FollowUpAnswer {
                used_at_work,
                other: (chosen.contains(&Barrier::Other) && !other.is_empty()).then_some(other),
                barriers: chosen,
                effectiveness,
                example,
            }),
            _ => Err(errors),
        }
    }
}

/// The days after an activity on which a follow-up is sent: one to four different days,
/// each from 7 to 365, in order. An organisation's setting; 30 and 90 unless changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpDays(Vec<u16>);

impl FollowUpDays {
    pub const FIRST: u16 = 7;
    pub const LAST: u16 = 365;
    pub const MOST: usize = 4;

    pub fn default_days() -> Self {
        FollowUpDays(vec![30, 90])
    }

    /// Days as typed or stored: numbers separated by commas or spaces ("30, 90").
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let mut days = Vec::new();
        for part in raw.split([',', ' ']).filter(|p| !p.trim().is_empty()) {
            let n: u16 = part
                .trim()
                .parse()
                .map_err(|_| Invalid("follow-up-days-invalid"))?;
            if !(Self::FIRST..=Self::LAST).contains(&n) {
                return Err(Invalid("follow-up-days-out-of-range"));
            }
            if !days.contains(&n) {
                days.push(n);
            }
        }
        if days.is_empty() {
            return Err(Invalid("follow-up-days-missing"));
        }
        if days.len() > Self::MOST {
            return Err(Invalid("follow-up-days-too-many"));
        }
        days.sort_unstable();
        Ok(FollowUpDays(days))
    }

    pub fn days(&self) -> &[u16] {
        &self.0
    }

    /// As stored and shown: "30,90".
    pub fn to_stored(&self) -> String {
        self.0
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The follow-ups due by `today` for an activity done on `done_on`, latest first: only the
    /// latest is worth sending once several are due (someone away for months is asked once).
    pub fn due(&self, done_on: time::Date, today: time::Date) -> Option<u16> {
        self.0
            .iter()
            .rev()
            .copied()
            .find(|d| done_on + time::Duration::days(i64::from(*d)) <= today)
    }
}

// ---- The report ----------------------------------------------------------------------------

/// What the report groups feedback by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Grouping {
    Activity,
    Provider,
    /// The activity's kind (course, webinar, e-learning…).
    Format,
    /// The facilitator of the session the person came to; feedback on an activity without
    /// one is in no trainer's group.
    Trainer,
}

impl Grouping {
    pub const ALL: [Grouping; 4] = [
        Grouping::Activity,
        Grouping::Provider,
        Grouping::Format,
        Grouping::Trainer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Grouping::Activity => "activity",
            Grouping::Provider => "provider",
            Grouping::Format => "format",
            Grouping::Trainer => "trainer",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|g| g.as_str() == raw)
            .ok_or(Invalid("evaluation-grouping-unknown"))
    }
}

/// One person's feedback on one activity, with what happened after, as the report weighs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluated {
    pub usefulness: Score,
    pub more_effective: Score,
    pub objectives: Objectives,
    /// The change in their own ratings of the competences the activity builds, from their last
    /// audit before it to their first after (see [`rating_change`]); `None` without both.
    pub learning: Option<f64>,
    /// The change in their quiz marks on those competences between the same audits (see
    /// [`quiz_change`]), from 0 to 1 a share; `None` without questions on them in both.
    pub quiz: Option<f64>,
    /// Their latest answered follow-up.
    pub follow_up: Option<FollowedUp>,
}

/// The part of an answered follow-up the report counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowedUp {
    pub used_at_work: bool,
    pub barriers: Vec<Barrier>,
    pub effectiveness: Score,
}

/// The mean change in one person's self-ratings between two audits, over the competences the
/// activity builds that they rated (1 to 5, not "not sure") in both: `None` when there is none.
pub fn rating_change(
    before: &HashMap<String, u8>,
    after: &HashMap<String, u8>,
    builds: &[String],
) -> Option<f64> {
    let changes: Vec<f64> = builds
        .iter()
        .filter_map(|c| {
            let (b, a) = (*before.get(c)?, *after.get(c)?);
            ((1..=5).contains(&b) && (1..=5).contains(&a)).then(|| f64::from(a) - f64::from(b))
        })
        .collect();
    mean(&changes)
}

/// The mean change in one person's quiz marks between two audits (the share of questions
/// right, 0 to 1), over the competences the activity builds that they had questions on in
/// both (`right`, `asked` per competence code): `None` when there is none.
pub fn quiz_change(
    before: &HashMap<String, (u32, u32)>,
    after: &HashMap<String, (u32, u32)>,
    builds: &[String],
) -> Option<f64> {
    let share = |(right, asked): (u32, u32)| f64::from(right) / f64::from(asked);
    let changes: Vec<f64> = builds
        .iter()
        .filter_map(|c| {
            let (b, a) = (*before.get(c)?, *after.get(c)?);
            (b.1 > 0 && a.1 > 0).then(|| share(a) - share(b))
        })
        .collect();
    mean(&changes)
}

/// A competence's ratings in one audit across the service: their sum and how many.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RatingTotal {
    pub sum: f64,
    pub count: u64,
}

/// The service's figures between its last two audits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceAudits {
    /// Per competence code, the ratings of the earlier audit and of the later.
    pub earlier: HashMap<String, RatingTotal>,
    pub later: HashMap<String, RatingTotal>,
    /// How many people answered each.
    pub earlier_respondents: u64,
    pub later_respondents: u64,
}

impl ServiceAudits {
    /// The mean, over `codes` rated in both audits, of the later mean rating less the earlier:
    /// how the whole service moved on what a group of activities builds.
    pub fn change(&self, codes: &[String]) -> Option<f64> {
        let changes: Vec<f64> = codes
            .iter()
            .filter_map(|c| {
                let (e, l) = (self.earlier.get(c)?, self.later.get(c)?);
                (e.count > 0 && l.count > 0)
                    .then(|| l.sum / l.count as f64 - e.sum / e.count as f64)
            })
            .collect();
        mean(&changes)
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// A figure at one level: shown with its n, or hidden because n is under the threshold.
#[derive(Debug, Clone, PartialEq)]
pub enum Level<T> {
    Shown {
        n: usize,
        figures: T,
    },
    /// About fewer people than the threshold (n given, as it is below k anyway).
    TooFew {
        n: usize,
    },
}

impl<T> Level<T> {
    fn of(n: usize, k: AnonymityThreshold, figures: impl FnOnce() -> T) -> Self {
        if n >= k.get() {
            Level::Shown {
                n,
                figures: figures(),
            }
        } else {
            Level::TooFew { n }
        }
    }

    pub fn figures(&self) -> Option<&T> {
        match self {
            Level::Shown { figures, .. } => Some(figures),
            Level::TooFew { .. } => None,
        }
    }

    pub fn n(&self) -> usize {
        match self {
            Level::Shown { n, .. } | Level::TooFew { n } => *n,
        }
    }
}

/// Level 1: how the people who came found it.
#[derive(Debug, Clone, PartialEq)]
pub struct Reaction {
    pub usefulness: f64,
    pub more_effective: f64,
    /// The share (0 to 1) who said it met its objectives ("yes"; "partly" is not counted).
    pub met_objectives: f64,
}

/// Level 3: whether they used it at work, at their latest follow-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Behaviour {
    /// The share (0 to 1) who have used it at work.
    pub used_at_work: f64,
    pub effectiveness: f64,
    /// How many named each barrier, in [`Barrier::ALL`]'s order.
    pub barriers: [usize; 6],
}

/// One group of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupFigures {
    /// How many people gave feedback: under the threshold, nothing of the group is shown.
    pub n: usize,
    pub reaction: Level<Reaction>,
    /// Level 2: the mean change in self-rating (see [`rating_change`]).
    pub learning: Level<f64>,
    /// Level 2 again: the mean change in quiz marks (see [`quiz_change`]).
    pub quiz: Level<f64>,
    pub behaviour: Level<Behaviour>,
    /// Level 4: the service's change between its last two audits on what the group's
    /// activities build (see [`ServiceAudits::change`]), its n the smaller audit's
    /// respondents; `None` inside when no competence was rated in both.
    pub results: Level<Option<f64>>,
}

impl GroupFigures {
    /// Whether any of it may be shown: only when at least k people gave feedback.
    pub fn shown(&self) -> bool {
        matches!(self.reaction, Level::Shown { .. })
    }
}

/// The four levels for one group: its people's feedback, and the competences its activities
/// build for the service-wide change. Each level is shown only when it is about at least `k`
/// people, and nothing is shown when fewer than `k` gave feedback.
pub fn figures(
    evaluated: &[Evaluated],
    builds: &[String],
    audits: &ServiceAudits,
    k: AnonymityThreshold,
) -> GroupFigures {
    let n = evaluated.len();
    let reaction = Level::of(n, k, || {
        let avg = |f: &dyn Fn(&Evaluated) -> f64| {
            mean(&evaluated.iter().map(f).collect::<Vec<_>>()).unwrap_or(0.0)
        };
        Reaction {
            usefulness: avg(&|e| f64::from(e.usefulness.get())),
            more_effective: avg(&|e| f64::from(e.more_effective.get())),
            met_objectives: avg(&|e| {
                if e.objectives == Objectives::Yes {
                    1.0
                } else {
                    0.0
                }
            }),
        }
    });
    if !matches!(reaction, Level::Shown { .. }) {
        return GroupFigures {
            n,
            reaction,
            learning: Level::TooFew { n: 0 },
            quiz: Level::TooFew { n: 0 },
            behaviour: Level::TooFew { n: 0 },
            results: Level::TooFew { n: 0 },
        };
    }
    let marks: Vec<f64> = evaluated.iter().filter_map(|e| e.quiz).collect();
    let quiz = Level::of(marks.len(), k, || mean(&marks).unwrap_or(0.0));
    let changes: Vec<f64> = evaluated.iter().filter_map(|e| e.learning).collect();
    let learning = Level::of(changes.len(), k, || mean(&changes).unwrap_or(0.0));
    let followed: Vec<&FollowedUp> = evaluated
        .iter()
        .filter_map(|e| e.follow_up.as_ref())
        .collect();
    let behaviour = Level::of(followed.len(), k, || {
        let m = followed.len() as f64;
        let mut barriers = [0usize; 6];
        for f in &followed {
            for b in &f.barriers {
                if let Some(i) = Barrier::ALL.iter().position(|x| x == b) {
                    barriers[i] += 1;
                }
            }
        }
        Behaviour {
            used_at_work: followed.iter().filter(|f| f.used_at_work).count() as f64 / m,
            effectiveness: followed
                .iter()
                .map(|f| f64::from(f.effectiveness.get()))
                .sum::<f64>()
                / m,
            barriers,
        }
    });
    let respondents = audits.earlier_respondents.min(audits.later_respondents) as usize;
    let results = Level::of(respondents, k, || audits.change(builds));
    GroupFigures {
        n,
        reaction,
        learning,
        quiz,
        behaviour,
        results,
    }
}

/// The report: each feedback under its group's key (feedback in no group left out), the
/// competences its activity builds, and the four levels per group, in the keys' order.
pub fn report<K: Ord + Clone>(
    items: Vec<(K, Evaluated, Vec<String>)>,
    audits: &ServiceAudits,
    k: AnonymityThreshold,
) -> Vec<(K, GroupFigures)> {
    let mut groups: std::collections::BTreeMap<K, (Vec<Evaluated>, Vec<String>)> =
        std::collections::BTreeMap::new();
    for (key, evaluated, builds) in items {
        let group = groups.entry(key).or_default();
        group.0.push(evaluated);
        for b in builds {
            if !group.1.contains(&b) {
                group.1.push(b);
            }
        }
    }
    groups
        .into_iter()
        .map(|(key, (evaluated, builds))| (key, figures(&evaluated, &builds, audits, k)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(n: i64) -> Score {
        Score::new(n).unwrap()
    }

    fn fed(
        u: i64,
        m: i64,
        o: Objectives,
        learning: Option<f64>,
        f: Option<FollowedUp>,
    ) -> Evaluated {
        Evaluated {
            usefulness: s(u),
            more_effective: s(m),
            objectives: o,
            learning,
            quiz: None,
            follow_up: f,
        }
    }

    #[test]
    fn quiz_change_is_the_change_in_share_right() {
        let before: HashMap<String, (u32, u32)> =
            [("A".into(), (1, 2)), ("B".into(), (0, 0))].into();
        let after: HashMap<String, (u32, u32)> =
            [("A".into(), (2, 2)), ("B".into(), (1, 1))].into();
        let builds = vec!["A".to_string(), "B".to_string()];
        // A: 1/2 to 2/2; B had no question before.
        assert_eq!(quiz_change(&before, &after, &builds), Some(0.5));
        assert_eq!(quiz_change(&before, &after, &["C".to_string()]), None);
    }

    #[test]
    fn follow_up_days_parse_sort_and_refuse() {
        assert_eq!(FollowUpDays::parse("90, 30").unwrap().days(), &[30, 90]);
        assert_eq!(FollowUpDays::parse("30 30").unwrap().days(), &[30]);
        assert_eq!(
            FollowUpDays::parse(" ").unwrap_err().0,
            "follow-up-days-missing"
        );
        assert_eq!(
            FollowUpDays::parse("6").unwrap_err().0,
            "follow-up-days-out-of-range"
        );
        assert_eq!(
            FollowUpDays::parse("x").unwrap_err().0,
            "follow-up-days-invalid"
        );
        assert_eq!(
            FollowUpDays::parse("10,20,30,40,50").unwrap_err().0,
            "follow-up-days-too-many"
        );
        assert_eq!(FollowUpDays::default_days().to_stored(), "30,90");
    }

    #[test]
    fn the_latest_follow_up_due_is_the_one_sent() {
        let days = FollowUpDays::default_days();
        let done = time::macros::date!(2026 - 01 - 01);
        assert_eq!(days.due(done, time::macros::date!(2026 - 01 - 30)), None);
        assert_eq!(
            days.due(done, time::macros::date!(2026 - 01 - 31)),
            Some(30)
        );
        assert_eq!(
            days.due(done, time::macros::date!(2026 - 04 - 01)),
            Some(90)
        );
    }

    #[test]
    fn a_follow_up_not_used_at_work_needs_a_barrier() {
        let e = FollowUpAnswer::parse("no", &[], "", "2", "").unwrap_err();
        assert_eq!(e, vec![("barriers", Invalid("follow-up-barriers-missing"))]);
        let ok = FollowUpAnswer::parse("no", &["time", "other", "time"], " the  rota ", "2", "")
            .unwrap();
        assert_eq!(ok.barriers, vec![Barrier::Time, Barrier::Other]);
        assert_eq!(ok.other.as_deref(), Some("the rota"));
        let e = FollowUpAnswer::parse("", &[], "", "", "").unwrap_err();
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn takeaways_keep_the_boxes_filled() {
        assert_eq!(
            Takeaways::parse(&["", "a\nb", " c "]).unwrap().items(),
            &["a b".to_string(), "c".to_string()]
        );
        assert_eq!(
            Takeaways::parse(&["", " "]).unwrap_err().0,
            "evaluation-takeaways-missing"
        );
    }

    #[test]
    fn rating_change_counts_competences_rated_in_both() {
        let before: HashMap<String, u8> =
            [("A".into(), 2), ("B".into(), 0), ("C".into(), 3)].into();
        let after: HashMap<String, u8> = [("A".into(), 4), ("B".into(), 5), ("C".into(), 4)].into();
        let builds = vec![
            "A".to_string(),
            "B".to_string(),
            "C".to_string(),
            "D".to_string(),
        ];
        // A: +2, C: +1; B was "not sure" before; D never rated.
        assert_eq!(rating_change(&before, &after, &builds), Some(1.5));
        assert_eq!(rating_change(&before, &after, &["D".to_string()]), None);
    }

    /// The worked example of docs/evaluation.md: five people, k = 5.
    #[test]
    fn the_four_levels_of_a_worked_example() {
        let k = AnonymityThreshold::new(5).unwrap();
        let used = |u: bool, b: Vec<Barrier>, e: i64| {
            Some(FollowedUp {
                used_at_work: u,
                barriers: b,
                effectiveness: s(e),
            })
        };
        let people = vec![
            fed(5, 4, Objectives::Yes, Some(1.0), used(true, vec![], 4)),
            fed(4, 4, Objectives::Yes, Some(0.5), used(true, vec![], 3)),
            fed(
                3,
                2,
                Objectives::Partly,
                Some(0.0),
                used(false, vec![Barrier::Time], 2),
            ),
            fed(
                4,
                3,
                Objectives::No,
                Some(-0.5),
                used(false, vec![Barrier::Time, Barrier::Equipment], 1),
            ),
            fed(
                2,
                2,
                Objectives::Yes,
                None,
                used(true, vec![Barrier::Confidence], 5),
            ),
        ];
        let audits = ServiceAudits {
            earlier: [(
                "A".to_string(),
                RatingTotal {
                    sum: 20.0,
                    count: 10,
                },
            )]
            .into(),
            later: [(
                "A".to_string(),
                RatingTotal {
                    sum: 30.0,
                    count: 12,
                },
            )]
            .into(),
            earlier_respondents: 10,
            later_respondents: 12,
        };
        let g = figures(&people, &["A".to_string()], &audits, k);
        assert_eq!(g.n, 5);
        let r = g.reaction.figures().unwrap();
        assert_eq!(r.usefulness, 3.6);
        assert_eq!(r.more_effective, 3.0);
        assert_eq!(r.met_objectives, 0.6);
        // Four people audited before and after: under k, so learning is hidden.
        assert_eq!(g.learning, Level::TooFew { n: 4 });
        assert_eq!(g.quiz, Level::TooFew { n: 0 });
        let b = g.behaviour.figures().unwrap();
        assert_eq!(b.used_at_work, 0.6);
        assert_eq!(b.effectiveness, 3.0);
        assert_eq!(b.barriers, [0, 0, 1, 2, 1, 0]);
        // 30/12 - 20/10 = 0.5
        assert_eq!(
            g.results,
            Level::Shown {
                n: 10,
                figures: Some(0.5)
            }
        );
        // Four people: nothing at all.
        let few = figures(&people[..4], &["A".to_string()], &audits, k);
        assert!(!few.shown());
        assert_eq!(few.n, 4);
        assert_eq!(few.behaviour, Level::TooFew { n: 0 });
    }
}
