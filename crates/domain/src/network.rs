//! Networks: library services that audit together (a national body's members) and compare
//! themselves with one another without any member being named to another.
//!
//! A member's figure for a competence is its mean self-rating, shown only when at least the
//! member's anonymity threshold of people rated it. The network's figures for a competence are
//! the median and quartiles of its members' shown means, and are given only when at least
//! [`MIN_MEMBERS`] members have one: with fewer, a member that knows its own mean could work
//! out another's.

use serde::Serialize;

/// The fewest members with a figure for a competence before the network's figures for it are
/// shown. With two, the median is the average of two means, and either member could work out
/// the other's from its own.
pub const MIN_MEMBERS: usize = 3;

/// How many competences the network's weak spots list: those with the lowest medians.
pub const WEAK_SPOTS: usize = 5;

/// The spread of members' means for one competence.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Spread {
    /// How many members' means it was worked out from.
    pub members: usize,
    pub lower_quartile: f64,
    pub median: f64,
    pub upper_quartile: f64,
}

impl Spread {
    /// The median and quartiles of `means` (members without a shown mean left out), or
    /// `None` with fewer than [`MIN_MEMBERS`]. Quartiles are interpolated between the two
    /// nearest means (the method of spreadsheets' QUARTILE.INC and numpy's default), so the
    /// same figures come out in a spreadsheet from the CSV.
    pub fn of(means: impl IntoIterator<Item = Option<f64>>) -> Option<Spread> {
        let mut sorted: Vec<f64> = means
            .into_iter()
            .flatten()
            .filter(|m| m.is_finite())
            .collect();
        if sorted.len() < MIN_MEMBERS {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        Some(Spread {
            members: sorted.len(),
            lower_quartile: quantile(&sorted, 0.25),
            median: quantile(&sorted, 0.5),
            upper_quartile: quantile(&sorted, 0.75),
        })
    }

    /// Where `mean` stands among the members.
    pub fn position(&self, mean: f64) -> Position {
        if mean < self.lower_quartile {
            Position::BottomQuarter
        } else if mean < self.median {
            Position::BelowMedian
        } else if mean <= self.upper_quartile {
            Position::AboveMedian
        } else {
            Position::TopQuarter
        }
    }
}

/// `q` (0 to 1) of sorted values, interpolating linearly between the nearest two.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let at = q * (sorted.len() - 1) as f64;
    let (low, high) = (at.floor() as usize, at.ceil() as usize);
    sorted[low] + (sorted[high] - sorted[low]) * (at - low as f64)
}

/// Where a member's mean stands against the network's quartiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Position {
    /// Below the lower quartile.
    BottomQuarter,
    /// From the lower quartile up to the median.
    BelowMedian,
    /// From the median up to the upper quartile.
    AboveMedian,
    /// Above the upper quartile.
    TopQuarter,
}

impl Position {
    /// The Fluent message that says it.
    pub fn message(self) -> &'static str {
        match self {
            Position::BottomQuarter => "network-position-bottom-quarter",
            Position::BelowMedian => "network-position-below-median",
            Position::AboveMedian => "network-position-above-median",
            Position::TopQuarter => "network-position-top-quarter",
        }
    }
}

/// The network's weak spots: up to [`WEAK_SPOTS`] competences with the lowest medians, lowest
/// first (ties in the order given). `spreads` pairs each competence with its spread, if shown.
pub fn weak_spots<K: Clone>(spreads: &[(K, Option<Spread>)]) -> Vec<K> {
    let mut shown: Vec<(usize, &K, f64)> = spreads
        .iter()
        .enumerate()
        .filter_map(|(i, (k, s))| s.map(|s| (i, k, s.median)))
        .collect();
    shown.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)));
    shown
        .into_iter()
        .take(WEAK_SPOTS)
        .map(|(_, k, _)| k.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_are_interpolated_as_spreadsheets_do() {
        // QUARTILE.INC({2.1, 2.9, 3.4, 3.8, 4.6}, 1..3) = 2.9, 3.4, 3.8
        let s = Spread::of([3.4, 2.1, 4.6, 3.8, 2.9].map(Some)).unwrap();
        assert_eq!(s.members, 5);
        assert!((s.lower_quartile - 2.9).abs() < 1e-12);
        assert!((s.median - 3.4).abs() < 1e-12);
        assert!((s.upper_quartile - 3.8).abs() < 1e-12);
        // QUARTILE.INC({1, 2, 3, 4}, 1..3) = 1.75, 2.5, 3.25
        let s = Spread::of([4.0, 1.0, 3.0, 2.0].map(Some)).unwrap();
        assert_eq!(
            (s.lower_quartile, s.median, s.upper_quartile),
            (1.75, 2.5, 3.25)
        );
    }

    #[test]
    fn members_without_a_figure_are_left_out_and_too_few_show_nothing() {
        assert_eq!(Spread::of([Some(3.0), None, Some(4.0)]), None);
        assert_eq!(Spread::of([Some(3.0), Some(f64::NAN), Some(4.0)]), None);
        let s = Spread::of([Some(3.0), None, Some(4.0), Some(5.0)]).unwrap();
        assert_eq!((s.members, s.median), (3, 4.0));
    }

    #[test]
    fn a_mean_stands_in_one_quarter() {
        let s = Spread::of([1.0, 2.0, 3.0, 4.0, 5.0].map(Some)).unwrap();
        assert_eq!(s.position(1.5), Position::BottomQuarter);
        assert_eq!(s.position(2.0), Position::BelowMedian);
        assert_eq!(s.position(3.0), Position::AboveMedian);
        assert_eq!(s.position(4.0), Position::AboveMedian);
        assert_eq!(s.position(4.01), Position::TopQuarter);
    }

    #[test]
    fn weak_spots_are_the_lowest_medians() {
        let spread = |m: f64| Spread::of([m - 0.5, m, m + 0.5].map(Some));
        let spreads: Vec<(&str, Option<Spread>)> = vec![
            ("a", spread(3.0)),
            ("b", spread(2.0)),
            ("c", None),
            ("d", spread(4.0)),
            ("e", spread(2.0)),
            ("f", spread(1.0)),
            ("g", spread(3.5)),
            ("h", spread(4.5)),
        ];
        assert_eq!(weak_spots(&spreads), vec!["f", "b", "e", "a", "g"]);
    }
}
