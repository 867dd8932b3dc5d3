//! Confidence against knowledge, by group: how highly people rated themselves on the
//! competences the knowledge round tests, against how many of its questions they got right.
//! A group whose confidence runs ahead of its score is over-confident; one behind, modest.

use super::anonymity::{Disclosure, GroupingDisclosure, Suppressed};
use super::columns::CampaignColumns;
use super::stats::pearson;
use crate::audit::Rating;

/// One person's confidence and score, both from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PersonCalibration {
    /// The mean self-rating of the tested competences, scaled as (rating − 1) / 4.
    pub confidence: f64,
    /// The share of their quiz answers that were right.
    pub score: f64,
}

impl PersonCalibration {
    /// `ratings` are the person's ratings of the competences the quiz tests; `quiz` whether
    /// each of their quiz answers was right. `None` when they gave no 1–5 rating of a tested
    /// competence or answered no quiz question.
    pub fn new(ratings: &[Rating], quiz: &[bool]) -> Option<Self> {
        let levels: Vec<u8> = ratings.iter().filter_map(|r| r.level()).collect();
        Self::from_counts(
            levels.iter().map(|l| u32::from(l - 1)).sum(),
            levels.len() as u32,
            quiz.iter().filter(|r| **r).count() as u32,
            quiz.len() as u32,
        )
    }

    /// From counts: `above_one` is the sum of (rating − 1) over the `rated` 1–5 ratings of
    /// tested competences; `right` of `answered` quiz answers were right.
    pub fn from_counts(above_one: u32, rated: u32, right: u32, answered: u32) -> Option<Self> {
        if rated == 0 || answered == 0 {
            return None;
        }
        Some(Self {
            confidence: f64::from(above_one) / 4.0 / f64::from(rated),
            score: f64::from(right) / f64::from(answered),
        })
    }
}

/// A group's confidence against its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CalibrationRow {
    /// How many in the group have both a rating of a tested competence and a quiz score;
    /// `None` when the group is left out.
    pub people: Option<usize>,
    pub shown: Suppressed,
    /// The figures; `None` when the group is left out (or has nobody).
    pub figures: Option<CalibrationFigures>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CalibrationFigures {
    pub confidence: f64,
    pub score: f64,
    /// Confidence less score: above 0, more confident than tested; below, less.
    pub gap: f64,
    /// Pearson's r across the group's people between confidence and score; `None` with fewer
    /// than three people or no spread.
    pub correlation: Option<f64>,
}

impl CalibrationFigures {
    fn of(people: &[PersonCalibration]) -> Option<Self> {
        if people.is_empty() {
            return None;
        }
        let n = people.len() as f64;
        let confidence: Vec<f64> = people.iter().map(|p| p.confidence).collect();
        let score: Vec<f64> = people.iter().map(|p| p.score).collect();
        let (c, s) = (
            confidence.iter().sum::<f64>() / n,
            score.iter().sum::<f64>() / n,
        );
        Some(Self {
            confidence: c,
            score: s,
            gap: c - s,
            correlation: if people.len() >= 3 {
                pearson(&confidence, &score)
            } else {
                None
            },
        })
    }
}

/// Every group's calibration, and everyone's together.
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    pub groups: Vec<CalibrationRow>,
    pub everyone: CalibrationRow,
    /// Groups with people that are left out to keep them anonymous.
    pub left_out: usize,
}

impl Calibration {
    /// `people` holds each person's group (by position; `None` for no answer or unknown) and
    /// their calibration; what may be shown is decided for the whole campaign (see
    /// `anonymity`): `shown` for the groups, `everyone` for everyone together.
    pub fn compute(
        shown: &GroupingDisclosure,
        everyone: Suppressed,
        groups: usize,
        people: &[(Option<usize>, PersonCalibration)],
    ) -> Self {
        let mut members: Vec<Vec<PersonCalibration>> = vec![Vec::new(); groups + 1];
        for (group, person) in people {
            members[group.unwrap_or(groups).min(groups)].push(*person);
        }
        let row = |members: &[PersonCalibration], shown: Suppressed| CalibrationRow {
            people: shown.is_shown().then_some(members.len()),
            shown,
            figures: if shown.is_shown() {
                CalibrationFigures::of(members)
            } else {
                None
            },
        };
        let rows: Vec<CalibrationRow> = (0..groups)
            .map(|g| {
                let visible = if shown.group(g).is_shown() {
                    shown.calibration(g)
                } else {
                    shown.group(g)
                };
                row(&members[g], visible)
            })
            .collect();
        let all: Vec<PersonCalibration> = people.iter().map(|(_, p)| *p).collect();
        Self {
            left_out: (0..groups)
                .filter(|g| !members[*g].is_empty() && !rows[*g].shown.is_shown())
                .count(),
            groups: rows,
            everyone: row(&all, everyone),
        }
    }
}

/// How far a group's self-rating, scaled from 0 to 1, may run from its share of right
/// answers before the two are said to disagree: a full point on the 1–5 scale is 0.25.
pub const DISAGREE: f64 = 0.25;

/// How far apart two groups must be, both in mean self-rating (points on the 1–5 scale) and in
/// share of right answers, for one rating itself lower but knowing more to be pointed out.
pub const REVERSED_RATING: f64 = 0.25;
pub const REVERSED_SCORE: f64 = 0.10;

/// One group's ratings of one tested competence beside its answers to that competence's
/// questions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KnowledgeCell {
    /// People who rated the competence 1–5, and their mean rating.
    pub raters: usize,
    pub mean_rating: f64,
    /// People who answered at least one of its questions, how many answers they gave, and the
    /// share that were right.
    pub answerers: usize,
    pub answers: u64,
    pub share_right: f64,
}

/// Which way a group's confidence and knowledge disagree, if they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disagreement {
    /// Rated itself more highly than its answers bear out.
    Over,
    /// Knew more than it rated itself.
    Under,
}

impl KnowledgeCell {
    /// The mean self-rating scaled from 0 to 1, as (mean − 1) / 4: on the same scale as the
    /// share right.
    pub fn confidence(&self) -> f64 {
        (self.mean_rating - 1.0) / 4.0
    }

    /// Confidence less the share right.
    pub fn gap(&self) -> f64 {
        self.confidence() - self.share_right
    }

    /// Whether confidence and knowledge disagree by [`DISAGREE`] or more.
    pub fn disagreement(&self) -> Option<Disagreement> {
        let gap = self.gap();
        if gap >= DISAGREE {
            Some(Disagreement::Over)
        } else if gap <= -DISAGREE {
            Some(Disagreement::Under)
        } else {
            None
        }
    }
}

/// One tested competence across the groups.
#[derive(Debug, Clone, PartialEq)]
pub struct CompetenceKnowledge {
    /// The competence, by position in the campaign.
    pub competence: usize,
    /// By group position; `None` for a group left out or with nobody.
    pub groups: Vec<Option<KnowledgeCell>>,
    pub everyone: Option<KnowledgeCell>,
    /// Pairs of groups shown, `(a, b)`, where `a` rated itself lower than `b` (by
    /// [`REVERSED_RATING`] or more) but got more right (by [`REVERSED_SCORE`] or more).
    pub reversed: Vec<(usize, usize)>,
}

/// Confidence against knowledge competence by competence, for every competence the knowledge
/// round tests. `group_of` holds each finished response's group (by position; `None` for no
/// group). A group's cell is shown when both its ratings of the competence and its answers to
/// the competence's questions may be (see `anonymity`); everyone's likewise.
pub fn by_competence(
    columns: &CampaignColumns,
    group_of: &[Option<usize>],
    groups: usize,
    disclosure: &Disclosure,
    grouping: &GroupingDisclosure,
) -> Vec<CompetenceKnowledge> {
    #[derive(Clone, Copy, Default)]
    struct Counts {
        raters: u64,
        rating_sum: u64,
        answerers: u64,
        answers: u64,
        right: u64,
    }
    impl Counts {
        fn cell(&self) -> Option<KnowledgeCell> {
            (self.raters > 0 && self.answers > 0).then(|| KnowledgeCell {
                raters: self.raters as usize,
                mean_rating: self.rating_sum as f64 / self.raters as f64,
                answerers: self.answerers as usize,
                answers: self.answers,
                share_right: self.right as f64 / self.answers as f64,
            })
        }
    }
    let tested = &columns.tested;
    // `counts[g * tested + t]`, the last group being everyone.
    let width = tested.len();
    let mut counts = vec![Counts::default(); (groups + 1) * width];
    for r in 0..columns.responses() {
        let ratings = columns.ratings_of(r);
        let (answered, right) = columns.quiz_of(r);
        let group = group_of.get(r).copied().flatten().filter(|g| *g < groups);
        for g in group.into_iter().chain([groups]) {
            let row = &mut counts[g * width..(g + 1) * width];
            for (t, slot) in row.iter_mut().enumerate() {
                if let level @ 1..=5 = ratings[tested[t]] {
                    slot.raters += 1;
                    slot.rating_sum += u64::from(level);
                }
                if answered[t] > 0 {
                    slot.answerers += 1;
                    slot.answers += u64::from(answered[t]);
                    slot.right += u64::from(right[t]);
                }
            }
        }
    }
    tested
        .iter()
        .enumerate()
        .map(|(t, &c)| {
            let cells: Vec<Option<KnowledgeCell>> = (0..groups)
                .map(|g| {
                    let shown =
                        grouping.cell(g, c).is_shown() && grouping.knowledge(g, t).is_shown();
                    counts[g * width + t].cell().filter(|_| shown)
                })
                .collect();
            let everyone_shown =
                disclosure.competence(c).is_shown() && disclosure.everyone_knowledge(t).is_shown();
            let mut reversed = Vec::new();
            for (a, x) in cells.iter().enumerate() {
                for (b, y) in cells.iter().enumerate() {
                    if let (Some(x), Some(y)) = (x, y)
                        && y.mean_rating - x.mean_rating >= REVERSED_RATING
                        && x.share_right - y.share_right >= REVERSED_SCORE
                    {
                        reversed.push((a, b));
                    }
                }
            }
            CompetenceKnowledge {
                competence: c,
                groups: cells,
                everyone: counts[groups * width + t].cell().filter(|_| everyone_shown),
                reversed,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::GroupingKey;

    #[test]
    fn a_person_is_scaled_from_zero_to_one() {
        let p = PersonCalibration::new(
            &[Rating::Level(5), Rating::Level(3), Rating::NotSure],
            &[true, false, false, true],
        )
        .unwrap();
        assert_eq!((p.confidence, p.score), (0.75, 0.5));
        assert!(PersonCalibration::new(&[Rating::NotSure], &[true]).is_none());
        assert!(PersonCalibration::new(&[Rating::Level(2)], &[]).is_none());
    }

    #[test]
    fn groups_show_their_gap_and_small_ones_are_left_out() {
        let p = |confidence, score| PersonCalibration { confidence, score };
        let mut people: Vec<(Option<usize>, PersonCalibration)> = Vec::new();
        // Group 0: modest; group 1: over-confident; group 2: two people only.
        people.extend((0..5).map(|i| (Some(0), p(0.25, 0.5 + 0.1 * f64::from(i)))));
        people.extend((0..6).map(|i| {
            (
                Some(1),
                p(0.75 + 0.05 * f64::from(i), 0.25 + 0.05 * f64::from(i)),
            )
        }));
        people.extend((0..2).map(|_| (Some(2), p(0.5, 0.5))));
        // As the campaign's disclosure decides: the group of 2, and the group of 5 so that it
        // cannot be worked out.
        use Suppressed::*;
        let shown =
            GroupingDisclosure::new(0, vec![Shown; 3], vec![Complementary, Shown, TooSmall]);
        let c = Calibration::compute(&shown, Shown, 3, &people);
        assert_eq!(c.left_out, 2);
        assert!(c.groups[0].figures.is_none() && c.groups[2].figures.is_none());
        assert_eq!((c.groups[0].people, c.groups[1].people), (None, Some(6)));
        let over = c.groups[1].figures.unwrap();
        assert!((over.gap - 0.5).abs() < 1e-12);
        assert!((over.correlation.unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(c.everyone.people, Some(13));
        assert!(c.everyone.figures.is_some());
        let hidden = Calibration::compute(&shown, TooSmall, 3, &people);
        assert_eq!(hidden.everyone.people, None);
    }

    /// Columns for two groups and two competences, the second tested by the knowledge round.
    fn two_groups() -> (CampaignColumns, Vec<Option<usize>>) {
        let mut c = CampaignColumns {
            competences: 2,
            tested: vec![1],
            ..CampaignColumns::default()
        };
        let mut groups = Vec::new();
        // Group 0 ("leaders"): rate competence 1 at 2, get 4 of 5 right.
        // Group 1: rate it at 4 and 5, get 1 of 5 right; one says "not sure", one skips the quiz.
        let mut add = |group: usize, rating: u8, answered: u8, right: u8| {
            c.ratings.extend([3, rating]);
            c.job_family.push(group as u8);
            c.employment.push(0);
            c.person.push(None);
            c.submitted.push(0);
            c.quiz_answered.push(answered);
            c.quiz_right.push(right);
            groups.push(Some(group));
        };
        for _ in 0..6 {
            add(0, 2, 5, 4);
        }
        for i in 0..6 {
            add(1, 4 + i % 2, 5, 1);
        }
        add(1, 6, 5, 1);
        add(1, 5, 0, 0);
        (c, groups)
    }

    fn disclosure(c: &CampaignColumns, k: i64) -> Disclosure {
        Disclosure::compute(
            c,
            &[0, 0],
            super::super::AnonymityThreshold::new(k).unwrap(),
        )
    }

    #[test]
    fn each_tested_competence_sets_ratings_against_right_answers() {
        let (c, groups) = two_groups();
        let d = disclosure(&c, 3);
        let by = by_competence(&c, &groups, 2, &d, &d.grouping(GroupingKey::JobFamily));
        assert_eq!(by.len(), 1);
        let k = &by[0];
        assert_eq!(k.competence, 1);
        let leaders = k.groups[0].unwrap();
        assert_eq!(
            (leaders.raters, leaders.answerers, leaders.answers),
            (6, 6, 30)
        );
        assert!((leaders.mean_rating - 2.0).abs() < 1e-12);
        assert!((leaders.share_right - 0.8).abs() < 1e-12);
        assert_eq!(leaders.disagreement(), Some(Disagreement::Under));
        // "Not sure" is no rating; no quiz answers, no answerer.
        let other = k.groups[1].unwrap();
        assert_eq!((other.raters, other.answerers, other.answers), (7, 7, 35));
        assert!((other.mean_rating - 32.0 / 7.0).abs() < 1e-12);
        assert!((other.share_right - 7.0 / 35.0).abs() < 1e-12);
        assert_eq!(other.disagreement(), Some(Disagreement::Over));
        // The leaders rated themselves lower but knew more.
        assert_eq!(k.reversed, vec![(0, 1)]);
        let everyone = k.everyone.unwrap();
        assert_eq!((everyone.raters, everyone.answers), (13, 65));
    }

    #[test]
    fn a_group_too_small_for_a_competence_is_left_out() {
        let (c, groups) = two_groups();
        // With k = 7, the leaders (6) are too small, and so the other group is hidden too.
        let d = disclosure(&c, 7);
        let by = by_competence(&c, &groups, 2, &d, &d.grouping(GroupingKey::JobFamily));
        assert!(by[0].groups.iter().all(Option::is_none));
        assert!(by[0].reversed.is_empty());
        assert!(by[0].everyone.is_some());
    }

    #[test]
    fn a_cell_needs_both_its_ratings_and_its_answers_shown() {
        use Suppressed::*;
        let (c, groups) = two_groups();
        let d = disclosure(&c, 3);
        let cells = vec![Shown, Shown, Shown, Shown];
        let hidden_answers = GroupingDisclosure::with_cells(
            2,
            1,
            vec![Shown, Shown],
            cells.clone(),
            vec![Shown, TooSmall],
        );
        let by = by_competence(&c, &groups, 2, &d, &hidden_answers);
        assert!(by[0].groups[0].is_some() && by[0].groups[1].is_none());
        let hidden_ratings = GroupingDisclosure::with_cells(
            2,
            1,
            vec![Shown, Shown],
            vec![Shown, Complementary, Shown, Shown],
            vec![Shown, Shown],
        );
        let by = by_competence(&c, &groups, 2, &d, &hidden_ratings);
        assert!(by[0].groups[0].is_none() && by[0].groups[1].is_some());
    }
}
