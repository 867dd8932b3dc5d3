//! Comparing groups of respondents (job families, employee or volunteer, the answers to a
//! profile question): each group's mean rating of every competence, how far apart the groups
//! are, and whether that could be chance. Groups too small to keep their people anonymous are
//! left out, and so is any group whose figures would let a left-out one be worked out.

use super::anonymity::{GroupingDisclosure, Suppressed};
use super::columns::CampaignColumns;
use super::stats::{KruskalWallis, MannWhitney, kruskal_wallis_counts, mann_whitney_counts};
use crate::audit::Rating;

/// One finished response: its group (by position; `None` when the respondent gave no answer or
/// is not known) and its rating of each competence.
#[derive(Debug, Clone)]
pub struct Respondent {
    pub group: Option<usize>,
    pub ratings: Vec<Option<Rating>>,
}

/// A group's size and whether it is in the comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupSize {
    /// How many in the group answered; `None` when the group is left out.
    pub respondents: Option<usize>,
    pub shown: Suppressed,
}

impl GroupSize {
    /// Shown, with people in it.
    pub fn compared(&self) -> bool {
        self.respondents.is_some_and(|n| n > 0)
    }
}

/// One group's ratings of one competence (1–5 ratings only; "not sure" is left out).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub n: usize,
    pub mean: f64,
}

/// The test that fits the number of groups compared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Test {
    /// Two groups.
    MannWhitney(MannWhitney),
    /// Three or more.
    KruskalWallis(KruskalWallis),
}

impl Test {
    pub fn p(&self) -> f64 {
        match self {
            Test::MannWhitney(t) => t.p,
            Test::KruskalWallis(t) => t.p,
        }
    }

    /// The effect size: the rank-biserial correlation, or ε².
    pub fn effect(&self) -> f64 {
        match self {
            Test::MannWhitney(t) => t.rank_biserial,
            Test::KruskalWallis(t) => t.epsilon_squared,
        }
    }

    /// The test statistic: U or H.
    pub fn statistic(&self) -> f64 {
        match self {
            Test::MannWhitney(t) => t.u,
            Test::KruskalWallis(t) => t.h,
        }
    }
}

/// One competence across the groups.
#[derive(Debug, Clone, PartialEq)]
pub struct CompetenceComparison {
    pub competence: usize,
    /// By group position; `None` for a group left out (for this competence or altogether).
    pub cells: Vec<Option<Cell>>,
    /// With two groups, the first's mean less the second's; with more, the highest mean less
    /// the lowest. `None` with fewer than two groups to compare.
    pub difference: Option<f64>,
    pub test: Option<Test>,
}

/// Every competence compared across the groups.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub groups: Vec<GroupSize>,
    /// Groups with respondents that are left out to keep people anonymous.
    pub left_out: usize,
    pub competences: Vec<CompetenceComparison>,
}

impl Comparison {
    /// `groups` is the number of groups; `competences` the number of competences rated; what
    /// may be shown is decided for the whole campaign (see `anonymity`).
    pub fn compute(
        shown: &GroupingDisclosure,
        groups: usize,
        competences: usize,
        respondents: &[Respondent],
    ) -> Self {
        let mut counts = GroupCounts::new(groups, competences);
        for r in respondents {
            counts.add_respondent(r.group);
            for (c, rating) in r.ratings.iter().enumerate().take(competences) {
                if let Some(level) = rating.and_then(Rating::level) {
                    counts.add_rating(r.group, c, level);
                }
            }
        }
        Self::from_counts(shown, &counts)
    }

    /// The comparison from each group's counts of each rating.
    pub fn from_counts(disclosure: &GroupingDisclosure, counts: &GroupCounts) -> Self {
        let groups = counts.groups;
        let sizes = &counts.respondents;
        let group_sizes: Vec<GroupSize> = (0..groups)
            .map(|g| {
                let shown = disclosure.group(g);
                GroupSize {
                    respondents: shown.is_shown().then_some(sizes[g]),
                    shown,
                }
            })
            .collect();
        let left_out = (0..groups)
            .filter(|g| sizes[*g] > 0 && !group_sizes[*g].shown.is_shown())
            .count();
        let competences = (0..counts.competences)
            .map(|c| {
                let levels: Vec<&[u64; 5]> = (0..=groups).map(|g| counts.levels(g, c)).collect();
                let n: Vec<usize> = levels
                    .iter()
                    .map(|l| l.iter().sum::<u64>() as usize)
                    .collect();
                let cells: Vec<Option<Cell>> = (0..groups)
                    .map(|g| {
                        let visible =
                            disclosure.group(g).is_shown() && disclosure.cell(g, c).is_shown();
                        (visible && n[g] > 0).then(|| {
                            let sum: u64 = levels[g]
                                .iter()
                                .enumerate()
                                .map(|(k, count)| (k as u64 + 1) * count)
                                .sum();
                            Cell {
                                n: n[g],
                                mean: sum as f64 / n[g] as f64,
                            }
                        })
                    })
                    .collect();
                let compared: Vec<(usize, f64)> = cells
                    .iter()
                    .enumerate()
                    .filter_map(|(g, cell)| cell.map(|c| (g, c.mean)))
                    .collect();
                let (difference, test) = match compared.as_slice() {
                    [] | [_] => (None, None),
                    [(a, mean_a), (b, mean_b)] => (
                        Some(mean_a - mean_b),
                        mann_whitney_counts(levels[*a], levels[*b]).map(Test::MannWhitney),
                    ),
                    more => {
                        let means = more.iter().map(|(_, m)| *m);
                        let spread =
                            means.clone().fold(f64::MIN, f64::max) - means.fold(f64::MAX, f64::min);
                        let samples: Vec<&[u64]> =
                            more.iter().map(|(g, _)| levels[*g].as_slice()).collect();
                        (
                            Some(spread),
                            kruskal_wallis_counts(&samples).map(Test::KruskalWallis),
                        )
                    }
                };
                CompetenceComparison {
                    competence: c,
                    cells,
                    difference,
                    test,
                }
            })
            .collect();
        Self {
            groups: group_sizes,
            left_out,
            competences,
        }
    }
}

/// How many respondents each group has, and how many of them gave each 1–5 rating of each
/// competence: all a comparison needs. Group `groups` holds the respondents in no group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCounts {
    groups: usize,
    competences: usize,
    respondents: Vec<usize>,
    /// `levels[c * (groups + 1) + g]`.
    levels: Vec<[u64; 5]>,
}

impl GroupCounts {
    pub fn new(groups: usize, competences: usize) -> Self {
        Self {
            groups,
            competences,
            respondents: vec![0; groups + 1],
            levels: vec![[0; 5]; competences * (groups + 1)],
        }
    }

    /// Counts the respondents of each group, and their ratings, from the campaign's columns;
    /// `group_of[r]` is response `r`'s group (`None` for none).
    pub fn from_columns(
        groups: usize,
        group_of: &[Option<usize>],
        columns: &CampaignColumns,
    ) -> Self {
        let mut counts = Self::new(groups, columns.competences);
        for (r, group) in group_of.iter().enumerate().take(columns.responses()) {
            counts.add_respondent(*group);
            let g = group.unwrap_or(groups).min(groups);
            for (c, code) in columns.ratings_of(r).iter().enumerate() {
                if let level @ 1..=5 = *code {
                    counts.levels[c * (groups + 1) + g][usize::from(level) - 1] += 1;
                }
            }
        }
        counts
    }

    fn add_respondent(&mut self, group: Option<usize>) {
        self.respondents[group.unwrap_or(self.groups).min(self.groups)] += 1;
    }

    fn add_rating(&mut self, group: Option<usize>, competence: usize, level: u8) {
        let g = group.unwrap_or(self.groups).min(self.groups);
        self.levels[competence * (self.groups + 1) + g][usize::from(level) - 1] += 1;
    }

    fn levels(&self, group: usize, competence: usize) -> &[u64; 5] {
        &self.levels[competence * (self.groups + 1) + group]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::anonymity::{AnonymityThreshold, Disclosure, GroupingKey};
    use crate::analysis::columns::NO_ANSWER;

    /// The comparison of `people` by their group, as the job family of a campaign with no
    /// sites or teams, where it is the only grouping.
    fn compared(groups: usize, competences: usize, people: &[Respondent]) -> Comparison {
        let ratings: Vec<Vec<Option<Rating>>> = people.iter().map(|r| r.ratings.clone()).collect();
        let mut columns =
            CampaignColumns::from_people(competences, &[], &ratings, people.len() as u64);
        columns.job_family = people
            .iter()
            .map(|r| r.group.map_or(NO_ANSWER, |g| g as u8))
            .collect();
        let areas = vec![0; competences];
        let disclosure = Disclosure::compute(&columns, &areas, AnonymityThreshold::DEFAULT);
        Comparison::compute(
            &disclosure.grouping(GroupingKey::JobFamily),
            groups,
            competences,
            people,
        )
    }

    fn respondent(group: Option<usize>, ratings: &[u8]) -> Respondent {
        Respondent {
            group,
            ratings: ratings
                .iter()
                .map(|&r| {
                    Some(if r == 0 {
                        Rating::NotSure
                    } else {
                        Rating::Level(r)
                    })
                })
                .collect(),
        }
    }

    #[test]
    fn two_groups_get_a_mann_whitney_test() {
        let mut people: Vec<Respondent> =
            (0..6).map(|i| respondent(Some(0), &[1 + i % 2])).collect();
        people.extend((0..6).map(|i| respondent(Some(1), &[4 + i % 2])));
        let c = compared(2, 1, &people);
        let row = &c.competences[0];
        assert_eq!(row.cells[0], Some(Cell { n: 6, mean: 1.5 }));
        assert_eq!(row.difference, Some(-3.0));
        let Some(Test::MannWhitney(t)) = row.test else {
            panic!("{row:?}")
        };
        assert_eq!(t.rank_biserial, -1.0);
        assert!(t.p < 0.01);
    }

    #[test]
    fn small_groups_are_left_out_with_a_partner() {
        // Groups of 6, 7 and 2: the group of 2 goes, and the group of 6 with it.
        let mut people: Vec<Respondent> = (0..6).map(|_| respondent(Some(0), &[2])).collect();
        people.extend((0..7).map(|_| respondent(Some(1), &[3])));
        people.extend((0..2).map(|_| respondent(Some(2), &[5])));
        let c = compared(3, 1, &people);
        assert_eq!(c.left_out, 2);
        assert_eq!(
            c.competences[0].cells,
            vec![None, Some(Cell { n: 7, mean: 3.0 }), None]
        );
        assert_eq!(c.competences[0].test, None);
    }

    #[test]
    fn a_competence_few_people_rated_is_hidden_for_that_group() {
        // Group 0 mostly answered "not sure" on the second competence.
        let mut people: Vec<Respondent> = (0..6)
            .map(|i| respondent(Some(0), &[3, if i < 2 { 4 } else { 0 }]))
            .collect();
        people.extend((0..6).map(|_| respondent(Some(1), &[2, 2])));
        people.extend((0..6).map(|_| respondent(Some(2), &[1, 1])));
        let c = compared(3, 2, &people);
        assert_eq!(c.left_out, 0);
        assert!(matches!(
            c.competences[0].test,
            Some(Test::KruskalWallis(_))
        ));
        assert_eq!(c.competences[0].difference, Some(2.0));
        // Group 0's two ratings are hidden, and the smallest other group with them.
        assert_eq!(
            c.competences[1]
                .cells
                .iter()
                .filter(|c| c.is_some())
                .count(),
            1
        );
        assert_eq!(c.competences[1].test, None);
    }
}
