//! The campaign overview: how each competence was rated across the board, by whom, and where.

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
    pub distribution: Distribution,
}

/// The whole-campaign figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub competences: Vec<CompetenceStats>,
}

impl Overview {
    /// `ratings` holds, for each competence position, every rating given.
    pub fn new(distributions: Vec<Distribution>) -> Self {
        Self {
            competences: distributions
                .into_iter()
                .enumerate()
                .map(|(competence, distribution)| CompetenceStats {
                    competence,
                    distribution,
                })
                .collect(),
        }
    }

    /// The `n` competences with the lowest mean rating, weakest first (those nobody rated are
    /// left out).
    pub fn weakest(&self, n: usize) -> Vec<&CompetenceStats> {
        let mut rated: Vec<&CompetenceStats> = self
            .competences
            .iter()
            .filter(|c| c.distribution.mean().is_some())
            .collect();
        rated.sort_by(|a, b| {
            a.distribution
                .mean()
                .partial_cmp(&b.distribution.mean())
                .expect("means are finite")
                .then(a.competence.cmp(&b.competence))
        });
        rated.into_iter().take(n).collect()
    }

    /// The `n` competences with the highest mean rating, strongest first.
    pub fn strongest(&self, n: usize) -> Vec<&CompetenceStats> {
        let mut rated: Vec<&CompetenceStats> = self
            .competences
            .iter()
            .filter(|c| c.distribution.mean().is_some())
            .collect();
        rated.sort_by(|a, b| {
            b.distribution
                .mean()
                .partial_cmp(&a.distribution.mean())
                .expect("means are finite")
                .then(a.competence.cmp(&b.competence))
        });
        rated.into_iter().take(n).collect()
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
        let o = Overview::new(vec![
            make([0, 0, 4, 0, 0]),
            make([4, 0, 0, 0, 0]),
            Distribution::default(),
            make([0, 0, 0, 0, 4]),
        ]);
        let weakest: Vec<usize> = o.weakest(2).iter().map(|c| c.competence).collect();
        let strongest: Vec<usize> = o.strongest(2).iter().map(|c| c.competence).collect();
        assert_eq!(weakest, vec![1, 0]);
        assert_eq!(strongest, vec![3, 0]);
    }
}
