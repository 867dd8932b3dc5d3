//! Change over time: a re-audit set against an earlier campaign on the same framework, competence
//! by competence and area by area, in two ways.
//!
//! - **The people who answered both** (paired): each person's rating then and now, the mean
//!   change, and the Wilcoxon signed-rank test of whether the changes lean one way.
//! - **The whole service** (independent samples): everyone who answered each time, the two
//!   means, their difference and the Mann–Whitney test, with the rank-biserial effect size.
//!
//! Anonymity: no figure for fewer people than the threshold. The people who answered both are a
//! part of each campaign's respondents, so the rest of them could be worked out by subtracting
//! the paired figures from the whole service's: paired figures, and how many answered both, are
//! hidden whenever the rest, on either side, is more than none but fewer than the threshold.

use super::anonymity::AnonymityThreshold;
use super::columns::CampaignColumns;
use super::stats::{
    MannWhitney, Wilcoxon, mann_whitney_counts, mann_whitney_weighted, wilcoxon_counts,
    wilcoxon_weighted,
};
use crate::audit::Rating;
use rustc_hash::FxHashMap;
use std::cmp::Ordering;

/// One finished response: whose it is (`None` when the person is not known, as after erasure
/// or an anonymous import) and its rating of each competence compared, by position.
#[derive(Debug, Clone)]
pub struct Response {
    pub person: Option<i64>,
    pub ratings: Vec<Option<Rating>>,
}

/// A campaign's finished responses as change over time reads them: whose each is, and its
/// levels (1 to 5, or 0 for not rated or "not sure") of the competences compared, a byte each
/// and side by side, so that each pass goes through memory in order.
#[derive(Debug, Clone, Default)]
pub struct Responses {
    person: Vec<Option<i64>>,
    levels: Vec<u8>,
}

impl Responses {
    /// Every finished response in `columns`, with its ratings of the competences at
    /// `positions` (positions in that campaign's columns, in the order compared).
    pub fn from_columns(columns: &CampaignColumns, positions: &[usize]) -> Self {
        let mut levels = Vec::with_capacity(columns.responses() * positions.len());
        for r in 0..columns.responses() {
            let ratings = columns.ratings_of(r);
            levels.extend(positions.iter().map(|c| level_byte(ratings[*c])));
        }
        Self {
            person: columns.person.clone(),
            levels,
        }
    }

    fn len(&self) -> usize {
        self.person.len()
    }

    /// Response `r`'s levels, `k` competences wide.
    fn levels_of(&self, r: usize, k: usize) -> &[u8] {
        &self.levels[r * k..(r + 1) * k]
    }
}

impl FromIterator<Response> for Responses {
    fn from_iter<I: IntoIterator<Item = Response>>(responses: I) -> Self {
        let mut out = Self::default();
        for r in responses {
            out.person.push(r.person);
            out.levels.extend(
                r.ratings
                    .iter()
                    .map(|x| x.and_then(Rating::level).unwrap_or(0)),
            );
        }
        out
    }
}

/// A byte of [`CampaignColumns::ratings`] as a level, 0 for none.
fn level_byte(code: u8) -> u8 {
    if (1..=5).contains(&code) { code } else { 0 }
}

/// The same people's ratings then and now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paired {
    /// People who rated this (1 to 5) both times.
    pub n: usize,
    pub before: f64,
    pub after: f64,
    /// The mean of each person's change: after less before.
    pub change: f64,
    /// `None` when nobody's rating changed.
    pub test: Option<Wilcoxon>,
}

/// One campaign's respondents who rated this (1 to 5).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Side {
    pub n: usize,
    pub mean: f64,
}

/// The whole service then and now, as independent samples.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Whole {
    /// `None` when fewer than the threshold rated it.
    pub before: Option<Side>,
    pub after: Option<Side>,
    /// After less before, when both are shown.
    pub difference: Option<f64>,
    /// The Mann–Whitney test of after against before: its rank-biserial correlation is above 0
    /// when ratings are higher now.
    pub test: Option<MannWhitney>,
}

/// A competence's or an area's change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChangeRow {
    /// `None` when too few people answered both, or to protect the rest (see the module).
    pub paired: Option<Paired>,
    pub whole: Whole,
}

/// Every competence and area compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Respondents to the later campaign who had answered the earlier one; `None` when hidden
    /// (fewer than the threshold, or so few answered only one campaign that they could be
    /// counted by subtraction).
    pub people_in_both: Option<usize>,
    pub competences: Vec<ChangeRow>,
    pub areas: Vec<ChangeRow>,
}

impl Change {
    /// `areas` gives the area (by position, below `area_count`) of each competence compared;
    /// each response's ratings are in the same order.
    pub fn compute(
        threshold: AnonymityThreshold,
        areas: &[usize],
        area_count: usize,
        earlier: &Responses,
        later: &Responses,
    ) -> Self {
        let threshold = threshold.get();
        let k = areas.len();
        let before_of: FxHashMap<i64, usize> = (0..earlier.len())
            .filter_map(|r| earlier.person[r].map(|p| (p, r)))
            .collect();
        let pairs: Vec<(usize, usize)> = (0..later.len())
            .filter_map(|r| Some((*before_of.get(&later.person[r]?)?, r)))
            .collect();
        // One pass over each side and one over the pairs, each response's levels side by side
        // in memory, which at national scale is what keeps this quick.
        //
        // Ratings are 1 to 5, so each competence's figures come from counts: of each rating
        // then and now, and of each size of change up and down.
        //
        // A person's area score is the mean of their ratings of its competences (paired, only
        // of those rated both times, so that a change is never a change in what was rated).
        // It is a whole sum over a whole count, so each side keeps how many people had each
        // (sum, count): a few hundred counts an area rather than 50,000 scores.
        let side = |responses: &Responses| {
            let mut counts = vec![[0u64; 5]; k];
            let mut scores = vec![(Sample::default(), FxHashMap::default()); area_count];
            let mut totals = vec![(0u32, 0u32); area_count];
            for r in 0..responses.len() {
                totals.fill((0, 0));
                for (c, level) in responses.levels_of(r, k).iter().enumerate() {
                    if *level > 0 {
                        counts[c][usize::from(level - 1)] += 1;
                        let t = &mut totals[areas[c]];
                        *t = (t.0 + u32::from(*level), t.1 + 1);
                    }
                }
                for ((sample, seen), (sum, n)) in scores.iter_mut().zip(&totals) {
                    if *n > 0 {
                        sample.add(f64::from(*sum) / f64::from(*n));
                        *seen.entry((*sum, *n)).or_insert(0u64) += 1;
                    }
                }
            }
            (counts, scores)
        };
        let ((before, before_scores), (after, after_scores)) = (side(earlier), side(later));
        let (mut up, mut down) = (vec![[0u64; 4]; k], vec![[0u64; 4]; k]);
        let mut paired = vec![Sums::default(); k];
        let mut paired_scores = vec![(Sums::default(), FxHashMap::default()); area_count];
        let mut totals = vec![(0u32, 0u32, 0u32); area_count];
        for (b, a) in &pairs {
            totals.fill((0, 0, 0));
            let (then, now) = (earlier.levels_of(*b, k), later.levels_of(*a, k));
            for (c, (x, y)) in then.iter().zip(now).enumerate() {
                let (x, y) = (*x, *y);
                if x == 0 || y == 0 {
                    continue;
                }
                paired[c].add(f64::from(x), f64::from(y));
                match y.cmp(&x) {
                    Ordering::Greater => up[c][usize::from(y - x - 1)] += 1,
                    Ordering::Less => down[c][usize::from(x - y - 1)] += 1,
                    Ordering::Equal => {}
                }
                let t = &mut totals[areas[c]];
                *t = (t.0 + u32::from(x), t.1 + u32::from(y), t.2 + 1);
            }
            for ((sums, seen), (x, y, n)) in paired_scores.iter_mut().zip(&totals) {
                if *n > 0 {
                    let n_f = f64::from(*n);
                    sums.add(f64::from(*x) / n_f, f64::from(*y) / n_f);
                    *seen.entry((*x, *y, *n)).or_insert(0u64) += 1;
                }
            }
        }
        let competences = (0..k)
            .map(|c| {
                row(
                    threshold,
                    Sample::of_counts(&before[c]),
                    Sample::of_counts(&after[c]),
                    || mann_whitney_counts(&after[c], &before[c]),
                    paired[c],
                    || wilcoxon_counts(&up[c], &down[c]),
                )
            })
            .collect();
        let mean_of = |(sum, n): (u32, u32)| f64::from(sum) / f64::from(n);
        let values = |seen: &FxHashMap<(u32, u32), u64>| -> Vec<(f64, u64)> {
            seen.iter()
                .map(|(key, count)| (mean_of(*key), *count))
                .collect()
        };
        let area_rows = before_scores
            .iter()
            .zip(&after_scores)
            .zip(&paired_scores)
            .map(
                |(((before, seen_before), (after, seen_after)), (paired, seen_paired))| {
                    row(
                        threshold,
                        *before,
                        *after,
                        || mann_whitney_weighted(&values(seen_after), &values(seen_before)),
                        *paired,
                        || {
                            let pairs: Vec<(f64, f64, u64)> = seen_paired
                                .iter()
                                .map(|((x, y, n), count)| {
                                    (mean_of((*x, *n)), mean_of((*y, *n)), *count)
                                })
                                .collect();
                            wilcoxon_weighted(&pairs)
                        },
                    )
                },
            )
            .collect();
        let n = pairs.len();
        let rest_safe = |total: usize| {
            let rest = total - n.min(total);
            rest == 0 || rest >= threshold
        };
        Self {
            people_in_both: (n == 0
                || n >= threshold && rest_safe(earlier.len()) && rest_safe(later.len()))
            .then_some(n),
            competences,
            areas: area_rows,
        }
    }
}

/// How many values one side has, and their sum.
#[derive(Debug, Clone, Copy, Default)]
struct Sample {
    n: usize,
    sum: f64,
}

impl Sample {
    fn add(&mut self, value: f64) {
        self.n += 1;
        self.sum += value;
    }

    /// `counts[k]` ratings of `k + 1`.
    fn of_counts(counts: &[u64; 5]) -> Self {
        Self {
            n: counts.iter().sum::<u64>() as usize,
            sum: (1..=5).zip(counts).map(|(v, c)| (v * c) as f64).sum(),
        }
    }

    fn mean(&self) -> f64 {
        self.sum / self.n as f64
    }
}

/// The people in both: how many, and the sums of their values then and now.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    n: usize,
    before: f64,
    after: f64,
}

impl Sums {
    fn add(&mut self, before: f64, after: f64) {
        self.n += 1;
        self.before += before;
        self.after += after;
    }
}

/// A row from each side's size and sum and the pairs'; the tests run only for figures shown.
fn row(
    threshold: usize,
    before: Sample,
    after: Sample,
    whole_test: impl FnOnce() -> Option<MannWhitney>,
    paired: Sums,
    paired_test: impl FnOnce() -> Option<Wilcoxon>,
) -> ChangeRow {
    let side = |s: Sample| {
        (s.n >= threshold).then(|| Side {
            n: s.n,
            mean: s.mean(),
        })
    };
    let (b, a) = (side(before), side(after));
    let both_shown = b.is_some() && a.is_some();
    let whole = Whole {
        before: b,
        after: a,
        difference: both_shown.then(|| a.map_or(0.0, |a| a.mean) - b.map_or(0.0, |b| b.mean)),
        test: if both_shown { whole_test() } else { None },
    };
    let n = paired.n;
    // Those not paired, on each side, must be none or enough not to be worked out.
    let rest_safe = |total: usize| {
        let rest = total - n.min(total);
        rest == 0 || rest >= threshold
    };
    let paired = (n >= threshold && rest_safe(before.n) && rest_safe(after.n)).then(|| {
        let before_mean = paired.before / n as f64;
        let after_mean = paired.after / n as f64;
        Paired {
            n,
            before: before_mean,
            after: after_mean,
            change: after_mean - before_mean,
            test: paired_test(),
        }
    });
    ChangeRow { paired, whole }
}

#[cfg(test)]
mod tests {
    use super::*;

    const K: AnonymityThreshold = AnonymityThreshold::DEFAULT;

    fn compute(areas: &[usize], count: usize, earlier: &[Response], later: &[Response]) -> Change {
        let responses = |r: &[Response]| r.iter().cloned().collect::<Responses>();
        Change::compute(K, areas, count, &responses(earlier), &responses(later))
    }

    fn response(person: Option<i64>, ratings: &[u8]) -> Response {
        Response {
            person,
            ratings: ratings
                .iter()
                .map(|&r| match r {
                    0 => None,
                    9 => Some(Rating::NotSure),
                    r => Some(Rating::Level(r)),
                })
                .collect(),
        }
    }

    #[test]
    fn the_same_people_then_and_now() {
        // Six people answered both; everyone went up a step on the first competence, and the
        // second went from 2 to 4 for three of them only.
        let earlier: Vec<Response> = (0..6)
            .map(|p| response(Some(p), &[1 + (p % 3) as u8, 2]))
            .collect();
        let later: Vec<Response> = (0..6)
            .map(|p| response(Some(p), &[2 + (p % 3) as u8, if p < 3 { 4 } else { 2 }]))
            .collect();
        let change = compute(&[0, 0], 1, &earlier, &later);
        assert_eq!(change.people_in_both, Some(6));
        let first = change.competences[0].paired.unwrap();
        assert_eq!(
            (first.n, first.before, first.after, first.change),
            (6, 2.0, 3.0, 1.0)
        );
        let test = first.test.unwrap();
        assert_eq!((test.n, test.t_minus, test.rank_biserial), (6, 0.0, 1.0));
        let second = change.competences[1].paired.unwrap();
        assert_eq!((second.before, second.after), (2.0, 3.0));
        assert_eq!(second.test.unwrap().n, 3, "unchanged pairs are dropped");
        // The area: each person's mean of the two, then and now.
        let area = change.areas[0].paired.unwrap();
        assert_eq!((area.n, area.before, area.after), (6, 2.0, 3.0));
        // The whole service is the same people here.
        let whole = change.competences[0].whole;
        assert_eq!(whole.before, Some(Side { n: 6, mean: 2.0 }));
        assert_eq!(whole.difference, Some(1.0));
        assert!(whole.test.unwrap().rank_biserial > 0.0, "higher now");
    }

    #[test]
    fn too_few_people_show_nothing() {
        let earlier: Vec<Response> = (0..4).map(|p| response(Some(p), &[3])).collect();
        let later: Vec<Response> = (0..8).map(|p| response(Some(p), &[4])).collect();
        let change = compute(&[0], 1, &earlier, &later);
        let row = change.competences[0];
        assert_eq!(row.paired, None);
        assert_eq!(row.whole.before, None);
        assert_eq!(row.whole.after, Some(Side { n: 8, mean: 4.0 }));
        assert_eq!((row.whole.difference, row.whole.test), (None, None));
    }

    #[test]
    fn paired_figures_never_reveal_the_rest_by_subtraction() {
        // Ten answered both; two more answered only now. The whole service now less the ten
        // would give the two's mean, so the paired figures are hidden.
        let earlier: Vec<Response> = (0..10).map(|p| response(Some(p), &[3])).collect();
        let mut later: Vec<Response> = (0..12).map(|p| response(Some(p), &[4])).collect();
        let change = compute(&[0], 1, &earlier, &later);
        assert_eq!(change.competences[0].paired, None);
        assert!(change.competences[0].whole.after.is_some());
        // Five more newcomers (seven in all) are enough to stand on their own.
        later.extend((100..105).map(|p| response(Some(p), &[5])));
        let change = compute(&[0], 1, &earlier, &later);
        assert_eq!(change.competences[0].paired.unwrap().n, 10);
        // "Not sure" counts as not rated: if two of the ten were not sure now, the earlier
        // side's rest is two people.
        later[0] = response(Some(0), &[9]);
        later[1] = response(Some(1), &[9]);
        let change = compute(&[0], 1, &earlier, &later);
        assert_eq!(change.competences[0].paired, None);
    }

    #[test]
    fn how_many_answered_both_is_hidden_when_the_rest_could_be_counted() {
        // Ten answered both, and two more only now: "10 in both" against 12 now counts them.
        let earlier: Vec<Response> = (0..10).map(|p| response(Some(p), &[3])).collect();
        let mut later: Vec<Response> = (0..12).map(|p| response(Some(p), &[4])).collect();
        assert_eq!(compute(&[0], 1, &earlier, &later).people_in_both, None);
        later.extend((100..103).map(|p| response(Some(p), &[5])));
        let change = compute(&[0], 1, &earlier, &later);
        assert_eq!(change.people_in_both, Some(10));
        // Fewer than the threshold in both: hidden.
        let few = compute(&[0], 1, &earlier[..3], &later[..3]);
        assert_eq!(few.people_in_both, None);
    }

    #[test]
    fn unknown_people_count_for_the_whole_service_only() {
        let earlier: Vec<Response> = (0..6).map(|_| response(None, &[2])).collect();
        let later: Vec<Response> = (0..6).map(|_| response(None, &[3])).collect();
        let change = compute(&[0], 1, &earlier, &later);
        assert_eq!(
            change.people_in_both,
            Some(0),
            "nobody is no one to protect"
        );
        assert_eq!(change.competences[0].paired, None);
        assert_eq!(change.competences[0].whole.difference, Some(1.0));
    }

    #[test]
    fn area_figures_from_counts_are_those_of_each_persons_score() {
        // Areas are worked out from how many people had each sum of ratings; the figures must
        // be exactly those of the scores person by person, ranked one by one.
        use crate::analysis::stats::{mann_whitney, wilcoxon};
        let mut seed = 7u64;
        let mut next = move |below: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % below
        };
        let areas = [0, 0, 0, 1, 1, 2, 2, 2, 2];
        let mut respond = |person: i64| {
            let ratings: Vec<u8> = (0..areas.len()).map(|_| next(7) as u8).collect();
            response(
                Some(person),
                &ratings
                    .iter()
                    .map(|r| if *r == 6 { 9 } else { *r })
                    .collect::<Vec<_>>(),
            )
        };
        let earlier: Vec<Response> = (0..300).map(&mut respond).collect();
        let later: Vec<Response> = (100..450).map(&mut respond).collect();
        let change = compute(&areas, 3, &earlier, &later);
        let level = |r: &Response, c: usize| r.ratings[c].and_then(Rating::level).map(f64::from);
        for (area, row) in change.areas.iter().enumerate() {
            let in_area: Vec<usize> = (0..areas.len()).filter(|c| areas[*c] == area).collect();
            let score = |r: &Response| {
                let rated: Vec<f64> = in_area.iter().filter_map(|c| level(r, *c)).collect();
                (!rated.is_empty()).then(|| rated.iter().sum::<f64>() / rated.len() as f64)
            };
            let before: Vec<f64> = earlier.iter().filter_map(score).collect();
            let after: Vec<f64> = later.iter().filter_map(score).collect();
            assert_eq!(row.whole.before.unwrap().n, before.len());
            assert_eq!(
                row.whole.before.unwrap().mean,
                before.iter().sum::<f64>() / before.len() as f64
            );
            assert_eq!(row.whole.test, mann_whitney(&after, &before));
            let (mut then, mut now) = (Vec::new(), Vec::new());
            for a in &later {
                let Some(b) = earlier.iter().find(|b| b.person == a.person) else {
                    continue;
                };
                let both: Vec<(f64, f64)> = in_area
                    .iter()
                    .filter_map(|c| Some((level(b, *c)?, level(a, *c)?)))
                    .collect();
                if !both.is_empty() {
                    let n = both.len() as f64;
                    then.push(both.iter().map(|p| p.0).sum::<f64>() / n);
                    now.push(both.iter().map(|p| p.1).sum::<f64>() / n);
                }
            }
            let paired = row.paired.unwrap();
            assert_eq!(paired.n, then.len());
            assert_eq!(paired.before, then.iter().sum::<f64>() / then.len() as f64);
            assert_eq!(paired.test, wilcoxon(&then, &now));
            assert!(paired.test.is_some());
        }
    }

    #[test]
    fn an_area_counts_only_what_a_person_rated_both_times() {
        // Competences 0 and 1 in area 0. Each person rated competence 1 only now (at 5): their
        // paired area score is competence 0 alone, which did not change.
        let earlier: Vec<Response> = (0..5).map(|p| response(Some(p), &[3, 9])).collect();
        let later: Vec<Response> = (0..5).map(|p| response(Some(p), &[3, 5])).collect();
        let change = compute(&[0, 0], 1, &earlier, &later);
        let area = change.areas[0];
        let paired = area.paired.unwrap();
        assert_eq!((paired.before, paired.after, paired.test), (3.0, 3.0, None));
        // The whole service's area means count everything each person rated.
        assert_eq!(area.whole.after.unwrap().mean, 4.0);
        assert_eq!(area.whole.before.unwrap().mean, 3.0);
    }
}
