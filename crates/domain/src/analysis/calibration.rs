//! Confidence against knowledge, by group: how highly people rated themselves on the
//! competences the knowledge round tests, against how many of its questions they got right.
//! A group whose confidence runs ahead of its score is over-confident; one behind, modest.

use super::anonymity::{GroupingDisclosure, Suppressed};
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
