//! The campaign overview: how each competence was rated across the board, by whom, and where.

use super::anonymity::Suppressed;
use crate::audit::Rating;

/// Counts of each rating for one competence: 1 to 5, and "not sure".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Distribution {
    pub levels: [u64; 5],
    pub not_sure: u64,
}

impl Distribution {
    pub fn add(&mut self, rating: Rating) {
        match rating {
            Rating::Level(n) => self.levels[usize::from(n) - 1] += 1,
            Rating::NotSure => self.not_sure += 1,
        }
    }

    /// People who gave a 1–5 rating.
    pub fn rated(&self) -> u64 {
        self.levels.iter().sum()
    }

    /// Everyone who answered, "not sure" included.
    pub fn answered(&self) -> u64 {
        self.rated() + self.not_sure
    }

    /// The mean of the 1–5 ratings; `None` when nobody gave one.
    pub fn mean(&self) -> Option<f64> {
        let n = self.rated();
        (n > 0).then(|| {
            let sum: u64 = self
                .levels
                .iter()
                .enumerate()
                .map(|(i, c)| (i as u64 + 1) * c)
                .sum();
            sum as f64 / n as f64
        })
    }

    pub fn merge(&mut self, other: &Distribution) {
        for (a, b) in self.levels.iter_mut().zip(other.levels) {
            *a += b;
        }
        self.not_sure += other.not_sure;
    }
}

/// One competence across the whole campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct CompetenceStats {
    /// Position of the competence in the campaign.
    pub competence: usize,
    /// Its ratings; `None` when hidden (too few people gave it a 1–5 rating, or too few
    /// answered at all).
    pub distribution: Option<Distribution>,
    pub shown: Suppressed,
}

/// The whole-campaign figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub competences: Vec<CompetenceStats>,
}

impl Overview {
    /// Each competence's ratings, by position, and whether they may be shown.
    pub fn new(distributions: Vec<(Distribution, Suppressed)>) -> Self {
        Self {
            competences: distributions
                .into_iter()
                .enumerate()
                .map(|(competence, (distribution, shown))| CompetenceStats {
                    competence,
                    distribution: shown.is_shown().then_some(distribution),
                    shown,
                })
                .collect(),
        }
    }

    /// The competences shown with a mean, and their means.
    fn means(&self) -> Vec<(&CompetenceStats, f64)> {
        self.competences
            .iter()
            .filter_map(|c| Some((c, c.distribution?.mean()?)))
            .collect()
    }

    /// The `n` competences with the lowest mean rating, weakest first (those nobody rated, and
    /// those hidden, are left out).
    pub fn weakest(&self, n: usize) -> Vec<&CompetenceStats> {
        let mut rated = self.means();
        rated.sort_by(|a, b| {
            a.1.total_cmp(&b.1)
                .then(a.0.competence.cmp(&b.0.competence))
        });
        rated.into_iter().take(n).map(|(c, _)| c).collect()
    }

    /// The `n` competences with the highest mean rating, strongest first.
    pub fn strongest(&self, n: usize) -> Vec<&CompetenceStats> {
        let mut rated = self.means();
        rated.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(a.0.competence.cmp(&b.0.competence))
        });
        rated.into_iter().take(n).map(|(c, _)| c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distributions_count_and_average() {
        let mut d = Distribution::default();
        for r in [1, 2, 2, 5] {
            d.add(Rating::Level(r));
        }
        d.add(Rating::NotSure);
        assert_eq!(d.levels, [1, 2, 0, 0, 1]);
        assert_eq!((d.rated(), d.answered()), (4, 5));
        assert_eq!(d.mean(), Some(2.5));
        assert_eq!(Distribution::default().mean(), None);
    }

    #[test]
    fn weakest_and_strongest_are_ordered_by_mean() {
        let make = |levels: [u64; 5]| Distribution {
            levels,
            not_sure: 0,
        };
        let shown = |d| (d, Suppressed::Shown);
        let o = Overview::new(vec![
            shown(make([0, 0, 4, 0, 0])),
            shown(make([4, 0, 0, 0, 0])),
            shown(Distribution::default()),
            shown(make([0, 0, 0, 0, 4])),
            (make([5, 0, 0, 0, 0]), Suppressed::TooSmall),
        ]);
        let weakest: Vec<usize> = o.weakest(2).iter().map(|c| c.competence).collect();
        let strongest: Vec<usize> = o.strongest(2).iter().map(|c| c.competence).collect();
        assert_eq!(weakest, vec![1, 0]);
        assert_eq!(strongest, vec![3, 0]);
    }
}
