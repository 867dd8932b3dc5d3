//! The statistics behind group comparisons: Mann–Whitney U and Kruskal–Wallis H (both with the
//! correction for tied values, since 1–5 ratings tie a lot), the rank-biserial correlation, and
//! Pearson and Spearman correlation, and the Wilcoxon signed-rank test of paired ratings.
//! Checked against SciPy in `tests/stats.rs`.

/// Mid-ranks (1-based) of `values`, tied values sharing the mean of their ranks, and the tie
/// term Σ(t³ − t) over each run of `t` tied values.
pub fn ranks(values: &[f64]) -> (Vec<f64>, f64) {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|a, b| values[*a].total_cmp(&values[*b]));
    let mut out = vec![0.0; values.len()];
    let mut ties = 0.0;
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end hold ranks start+1..=end; their mean is the mid-rank.
        let rank = (start + end + 1) as f64 / 2.0;
        for &i in &order[start..end] {
            out[i] = rank;
        }
        let t = (end - start) as f64;
        ties += t * t * t - t;
        start = end;
    }
    (out, ties)
}

/// The Mann–Whitney U test of two independent samples, two-sided, by the normal approximation
/// with tie and continuity corrections (as SciPy's `mannwhitneyu(..., method="asymptotic")`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MannWhitney {
    /// U of the first sample: the pairs in which it is larger, ties counting a half.
    pub u: f64,
    /// The standardised larger U, after the continuity correction.
    pub z: f64,
    pub p: f64,
    /// The rank-biserial correlation, from −1 (the first sample always smaller) to 1 (always
    /// larger): P(x > y) − P(x < y).
    pub rank_biserial: f64,
}

/// `None` when either sample is empty.
pub fn mann_whitney(x: &[f64], y: &[f64]) -> Option<MannWhitney> {
    let counts = tally(&[x, y]);
    mann_whitney_counts(&counts[0], &counts[1])
}

/// [`mann_whitney`] of samples given as their distinct values, each with how many times it
/// occurs (in any order; a value may appear more than once). For samples kept as counts of
/// values, such as area scores that are means of a few ratings, without a value per person.
pub fn mann_whitney_weighted(x: &[(f64, u64)], y: &[(f64, u64)]) -> Option<MannWhitney> {
    let counts = tally_weighted(&[x, y]);
    mann_whitney_counts(&counts[0], &counts[1])
}

/// The samples as counts of their distinct values, smallest first: `out[s][k]` is how many
/// values of sample `s` equal the k-th smallest value found in any of them. Ratings and their
/// means repeat a lot, so sorting each sample and counting runs is much quicker than ranking
/// every value one by one, and the rank tests then work on the counts alone.
fn tally(samples: &[&[f64]]) -> Vec<Vec<u64>> {
    let runs: Vec<Vec<(f64, u64)>> = samples
        .iter()
        .map(|sample| {
            let mut sorted = sample.to_vec();
            sorted.sort_unstable_by(f64::total_cmp);
            let mut runs: Vec<(f64, u64)> = Vec::new();
            for x in sorted {
                match runs.last_mut() {
                    Some((value, n)) if same(*value, x) => *n += 1,
                    _ => runs.push((x, 1)),
                }
            }
            runs
        })
        .collect();
    counts_of_runs(&runs)
}

/// [`tally`] of samples given as values with how many times each occurs.
fn tally_weighted(samples: &[&[(f64, u64)]]) -> Vec<Vec<u64>> {
    let runs: Vec<Vec<(f64, u64)>> = samples
        .iter()
        .map(|sample| {
            let mut sorted = sample.to_vec();
            sorted.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
            let mut runs: Vec<(f64, u64)> = Vec::new();
            for (x, count) in sorted {
                match runs.last_mut() {
                    Some((value, n)) if same(*value, x) => *n += count,
                    _ => runs.push((x, count)),
                }
            }
            runs
        })
        .collect();
    counts_of_runs(&runs)
}

/// Equal as ranking treats them: 0.0 and −0.0 alike; a NaN only to itself.
fn same(a: f64, b: f64) -> bool {
    a == b || a.total_cmp(&b).is_eq()
}

/// Each sample's runs of equal values (sorted, each value once) as counts over the distinct
/// values of all the samples.
fn counts_of_runs(runs: &[Vec<(f64, u64)>]) -> Vec<Vec<u64>> {
    let mut distinct: Vec<f64> = runs.iter().flatten().map(|(x, _)| *x).collect();
    distinct.sort_unstable_by(f64::total_cmp);
    distinct.dedup_by(|a, b| same(*a, *b));
    runs.iter()
        .map(|sample| {
            let mut counts = vec![0; distinct.len()];
            let mut k = 0;
            for (x, n) in sample {
                while !same(distinct[k], *x) {
                    k += 1;
                }
                counts[k] += n;
            }
            counts
        })
        .collect()
}

/// [`mann_whitney`] of samples given as counts: `x[k]` and `y[k]` are how many values of each
/// sample are the k-th smallest of the values that can occur (for ratings 1 to 5, five
/// counts). The same figures as on the values, found in time proportional to the counts'
/// length rather than the samples' size.
pub fn mann_whitney_counts(x: &[u64], y: &[u64]) -> Option<MannWhitney> {
    let (n1, n2) = (x.iter().sum::<u64>(), y.iter().sum::<u64>());
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (mid, ties) = count_ranks(&[x, y]);
    let r1: f64 = x.iter().zip(&mid).map(|(c, r)| *c as f64 * r).sum();
    Some(mann_whitney_from(n1 as f64, n2 as f64, r1, ties))
}

/// Mid-ranks of each possible value, and the tie term, for samples given as counts.
fn count_ranks(samples: &[&[u64]]) -> (Vec<f64>, f64) {
    let values = samples.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut mid = Vec::with_capacity(values);
    let (mut below, mut ties) = (0u64, 0.0);
    for k in 0..values {
        let t: u64 = samples.iter().map(|s| s.get(k).copied().unwrap_or(0)).sum();
        // Ranks below+1..=below+t; their mean is the mid-rank.
        mid.push(below as f64 + (t as f64 + 1.0) / 2.0);
        let t = t as f64;
        ties += t * t * t - t;
        below += t as u64;
    }
    (mid, ties)
}

/// U, z and p from the samples' sizes, the first's rank sum and the tie term.
fn mann_whitney_from(n1: f64, n2: f64, r1: f64, ties: f64) -> MannWhitney {
    let u1 = r1 - n1 * (n1 + 1.0) / 2.0;
    let u = u1.max(n1 * n2 - u1);
    let n = n1 + n2;
    let mu = n1 * n2 / 2.0;
    let variance = n1 * n2 / 12.0 * ((n + 1.0) - ties / (n * (n - 1.0)));
    let (z, p) = if variance > 0.0 {
        let z = (u - mu - 0.5) / variance.sqrt();
        (z, (2.0 * normal_sf(z)).min(1.0))
    } else {
        // Every value is the same: nothing tells the samples apart.
        (0.0, 1.0)
    };
    MannWhitney {
        u: u1,
        z,
        p,
        rank_biserial: 2.0 * u1 / (n1 * n2) - 1.0,
    }
}

/// The Kruskal–Wallis H test of several independent samples, with the tie correction, its
/// p-value from the chi-square distribution (as SciPy's `kruskal`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KruskalWallis {
    pub h: f64,
    /// Degrees of freedom: the number of groups less one.
    pub df: usize,
    pub p: f64,
    /// The effect size ε² = H / (N − 1), from 0 (no difference) to 1.
    pub epsilon_squared: f64,
}

/// `None` with fewer than two groups, an empty group, or every value the same.
pub fn kruskal_wallis(groups: &[&[f64]]) -> Option<KruskalWallis> {
    if groups.len() < 2 || groups.iter().any(|g| g.is_empty()) {
        return None;
    }
    let counts = tally(groups);
    let counts: Vec<&[u64]> = counts.iter().map(Vec::as_slice).collect();
    kruskal_wallis_counts(&counts)
}

/// [`kruskal_wallis`] of samples given as counts, as [`mann_whitney_counts`] takes them.
pub fn kruskal_wallis_counts(groups: &[&[u64]]) -> Option<KruskalWallis> {
    let sizes: Vec<u64> = groups.iter().map(|g| g.iter().sum()).collect();
    if groups.len() < 2 || sizes.contains(&0) {
        return None;
    }
    let (mid, ties) = count_ranks(groups);
    let sums: Vec<(f64, f64)> = groups
        .iter()
        .zip(&sizes)
        .map(|(g, n)| {
            let rank_sum = g.iter().zip(&mid).map(|(c, r)| *c as f64 * r).sum();
            (rank_sum, *n as f64)
        })
        .collect();
    kruskal_wallis_from(sizes.iter().sum::<u64>() as f64, &sums, ties)
}

/// H from the number of values, each group's rank sum and size, and the tie term.
fn kruskal_wallis_from(n: f64, groups: &[(f64, f64)], ties: f64) -> Option<KruskalWallis> {
    let correction = 1.0 - ties / (n * n * n - n);
    if correction <= 0.0 {
        return None;
    }
    let sum: f64 = groups.iter().map(|(r, size)| r * r / size).sum();
    let h = (12.0 / (n * (n + 1.0)) * sum - 3.0 * (n + 1.0)) / correction;
    let df = groups.len() - 1;
    Some(KruskalWallis {
        h,
        df,
        p: chi_square_sf(h, df as f64),
        epsilon_squared: h / (n - 1.0),
    })
}

/// The Wilcoxon signed-rank test of paired values (the same people before and after), two-sided,
/// by the normal approximation with the tie correction and no continuity correction (as
/// SciPy's `wilcoxon(after, before, zero_method="wilcox", correction=False, method="approx")`):
/// pairs that did not change are dropped, the others ranked by the size of their change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wilcoxon {
    /// Pairs that changed: the number ranked.
    pub n: usize,
    /// The rank sums of the pairs that went up and of those that went down.
    pub t_plus: f64,
    pub t_minus: f64,
    /// The smaller rank sum, standardised.
    pub z: f64,
    pub p: f64,
    /// The matched-pairs rank-biserial correlation (T+ − T−) / (T+ + T−), from −1 (every
    /// change down) to 1 (every change up).
    pub rank_biserial: f64,
}

impl Wilcoxon {
    /// The test statistic: the smaller of the two rank sums.
    pub fn statistic(&self) -> f64 {
        self.t_plus.min(self.t_minus)
    }
}

/// `None` when the samples differ in length or no pair changed.
pub fn wilcoxon(before: &[f64], after: &[f64]) -> Option<Wilcoxon> {
    if before.len() != after.len() {
        return None;
    }
    let pairs: Vec<(f64, f64, u64)> = before.iter().zip(after).map(|(b, a)| (*b, *a, 1)).collect();
    wilcoxon_weighted(&pairs)
}

/// [`wilcoxon`] of pairs given as (before, after, how many pairs had those values).
pub fn wilcoxon_weighted(pairs: &[(f64, f64, u64)]) -> Option<Wilcoxon> {
    let (mut up, mut down) = (Vec::new(), Vec::new());
    for (b, a, n) in pairs {
        let d = a - b;
        if d > 0.0 {
            up.push((d, *n));
        } else if d < 0.0 {
            down.push((-d, *n));
        }
    }
    // Ranked by the size of the change, ups and downs together.
    let counts = tally_weighted(&[&up, &down]);
    wilcoxon_counts(&counts[0], &counts[1])
}

/// [`wilcoxon`] of changes given as counts: `up[k]` and `down[k]` are how many pairs went up
/// and down by the k-th smallest size of change (for 1–5 ratings, sizes 1 to 4). `None` when
/// no pair changed.
pub fn wilcoxon_counts(up: &[u64], down: &[u64]) -> Option<Wilcoxon> {
    let changed = up.iter().chain(down).sum::<u64>();
    if changed == 0 {
        return None;
    }
    let (mid, ties) = count_ranks(&[up, down]);
    let rank_sum = |c: &[u64]| -> f64 { c.iter().zip(&mid).map(|(n, r)| *n as f64 * r).sum() };
    let (t_plus, t_minus) = (rank_sum(up), rank_sum(down));
    let n = changed as f64;
    let mean = n * (n + 1.0) / 4.0;
    let variance = n * (n + 1.0) * (2.0 * n + 1.0) / 24.0 - ties / 48.0;
    let t = f64::min(t_plus, t_minus);
    let (z, p) = if variance > 0.0 {
        let z = (t - mean) / variance.sqrt();
        (z, (2.0 * normal_sf(z.abs())).min(1.0))
    } else {
        (0.0, 1.0)
    };
    Some(Wilcoxon {
        n: changed as usize,
        t_plus,
        t_minus,
        z,
        p,
        rank_biserial: (t_plus - t_minus) / (t_plus + t_minus),
    })
}

/// Pearson's correlation coefficient; `None` for fewer than two pairs, samples of different
/// lengths, or a sample whose values are all the same.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    (sxx > 0.0 && syy > 0.0).then(|| (sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0))
}

/// Spearman's rank correlation: Pearson's on the mid-ranks.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() {
        return None;
    }
    pearson(&ranks(x).0, &ranks(y).0)
}

/// P(Z > z) for a standard normal Z.
pub fn normal_sf(z: f64) -> f64 {
    // erfc(t) = Q(1/2, t²), so P(Z > z) = Q(1/2, z²/2) / 2 for z ≥ 0.
    let tail = 0.5 * gamma_q(0.5, z * z / 2.0);
    if z >= 0.0 { tail } else { 1.0 - tail }
}

/// P(X > x) for X chi-square distributed with `df` degrees of freedom.
pub fn chi_square_sf(x: f64, df: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    gamma_q(df / 2.0, x / 2.0)
}

/// The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a > 0 and
/// x ≥ 0: by its series below a + 1 and by its continued fraction above (Numerical Recipes,
/// §6.2), each to machine precision.
pub fn gamma_q(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    if x < a + 1.0 {
        1.0 - gamma_p_series(a, x)
    } else {
        gamma_q_fraction(a, x)
    }
}

/// The regularised lower incomplete gamma function P(a, x) = 1 − Q(a, x).
pub fn gamma_p(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x < a + 1.0 {
        gamma_p_series(a, x)
    } else {
        1.0 - gamma_q_fraction(a, x)
    }
}

const MAX_ITERATIONS: usize = 10_000;

fn gamma_p_series(a: f64, x: f64) -> f64 {
    let mut term = 1.0 / a;
    let mut sum = term;
    let mut ap = a;
    for _ in 0..MAX_ITERATIONS {
        ap += 1.0;
        term *= x / ap;
        sum += term;
        if term.abs() < sum.abs() * f64::EPSILON {
            break;
        }
    }
    sum * (-x + a * x.ln() - ln_gamma(a)).exp()
}

/// Lentz's method for the continued fraction of Γ(a, x).
fn gamma_q_fraction(a: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..MAX_ITERATIONS {
        let i = i as f64;
        let an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if d.abs() < TINY {
            d = TINY;
        }
        c = b + an / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < f64::EPSILON {
            break;
        }
    }
    (-x + a * x.ln() - ln_gamma(a)).exp() * h
}

/// ln Γ(x) for x > 0, by the Lanczos approximation (g = 7, nine terms; about 15 digits).
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = C[0];
    for (i, c) in C.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_their_mid_rank() {
        let (r, ties) = ranks(&[3.0, 1.0, 3.0, 2.0, 3.0]);
        assert_eq!(r, vec![4.0, 1.0, 4.0, 2.0, 4.0]);
        assert_eq!(ties, 24.0);
    }

    #[test]
    fn special_functions_match_known_values() {
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-14);
        assert!((ln_gamma(10.0) - 362_880f64.ln()).abs() < 1e-12);
        // P(Z > 1.96) and the 5% point of chi-square with 1 degree of freedom.
        assert!((normal_sf(1.959_963_984_540_054) - 0.025).abs() < 1e-15);
        assert!((chi_square_sf(3.841_458_820_694_124, 1.0) - 0.05).abs() < 1e-14);
        assert!((gamma_p(2.0, 1.0) + gamma_q(2.0, 1.0) - 1.0).abs() < 1e-15);
    }

    #[test]
    fn counts_give_the_same_tests_as_values() {
        // Ratings 1-5 drawn from a fixed sequence, in groups of different sizes and shapes.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize
        };
        for case in 0..200 {
            let groups: Vec<Vec<f64>> = (0..2 + case % 3)
                .map(|g| {
                    (0..1 + next() % (3 + 40 * (g + case % 2)))
                        .map(|_| (1 + (next() % (2 + case % 4))) as f64)
                        .collect()
                })
                .collect();
            let counts: Vec<Vec<u64>> = groups
                .iter()
                .map(|g| {
                    let mut c = vec![0u64; 5];
                    for v in g {
                        c[*v as usize - 1] += 1;
                    }
                    c
                })
                .collect();
            let a = mann_whitney(&groups[0], &groups[1]);
            assert_eq!(
                a,
                mann_whitney_counts(&counts[0], &counts[1]),
                "case {case}"
            );
            let values: Vec<&[f64]> = groups.iter().map(Vec::as_slice).collect();
            let counted: Vec<&[u64]> = counts.iter().map(Vec::as_slice).collect();
            assert_eq!(
                kruskal_wallis(&values),
                kruskal_wallis_counts(&counted),
                "case {case}"
            );
        }
        assert!(mann_whitney_counts(&[0, 0], &[1, 0]).is_none());
    }

    /// The tests work on counts of distinct values; here they are set against ranking every
    /// value one by one, on ratings, on area means (fractions) and on values that never repeat.
    #[test]
    fn tallied_values_rank_as_every_value_ranked_one_by_one() {
        let mut seed = 11u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as f64
        };
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
        for case in 0..300 {
            let draw = |next: &mut dyn FnMut() -> f64| match case % 3 {
                0 => 1.0 + next() % 5.0,
                1 => (4.0 + next() % 17.0) / 4.0,
                _ => next() / 7.0,
            };
            let x: Vec<f64> = (0..1 + case % 50).map(|_| draw(&mut next)).collect();
            let y: Vec<f64> = (0..1 + case % 37).map(|_| draw(&mut next)).collect();
            // Mann–Whitney's rank sum of x, ranking every value.
            let all: Vec<f64> = x.iter().chain(&y).copied().collect();
            let (r, ties) = ranks(&all);
            let r1: f64 = r[..x.len()].iter().sum();
            let want = mann_whitney_from(x.len() as f64, y.len() as f64, r1, ties);
            let got = mann_whitney(&x, &y).unwrap();
            assert!(close(got.u, want.u) && close(got.p, want.p), "case {case}");
            // Wilcoxon's rank sums, ranking every change by its size.
            let n = x.len().min(y.len());
            let changes: Vec<f64> = (0..n).map(|i| y[i] - x[i]).filter(|d| *d != 0.0).collect();
            let sizes: Vec<f64> = changes.iter().map(|d| d.abs()).collect();
            let (r, _) = ranks(&sizes);
            let t_plus: f64 = changes
                .iter()
                .zip(&r)
                .filter(|(d, _)| **d > 0.0)
                .map(|x| x.1)
                .sum();
            match wilcoxon(&x[..n], &y[..n]) {
                None => assert!(changes.is_empty(), "case {case}"),
                Some(w) => {
                    assert_eq!(w.n, changes.len(), "case {case}");
                    assert!(close(w.t_plus, t_plus), "case {case}");
                }
            }
        }
    }

    #[test]
    fn samples_that_cannot_be_told_apart() {
        let same = mann_whitney(&[3.0, 3.0], &[3.0, 3.0, 3.0]).unwrap();
        assert_eq!((same.p, same.rank_biserial), (1.0, 0.0));
        assert!(kruskal_wallis(&[&[2.0], &[2.0, 2.0]]).is_none());
        assert!(mann_whitney(&[], &[1.0]).is_none());
        assert!(pearson(&[1.0, 1.0], &[1.0, 2.0]).is_none());
        assert!(wilcoxon(&[2.0, 3.0], &[2.0, 3.0]).is_none());
        assert!(wilcoxon(&[2.0], &[2.0, 3.0]).is_none());
    }

    #[test]
    fn wilcoxon_by_hand() {
        // Changes +1, +2, −1, 0, +1: the 0 is dropped; |1| three times shares rank 2, |2| is 4.
        let t = wilcoxon(&[3.0, 2.0, 4.0, 3.0, 1.0], &[4.0, 4.0, 3.0, 3.0, 2.0]).unwrap();
        assert_eq!(
            (t.n, t.t_plus, t.t_minus, t.statistic()),
            (4, 8.0, 2.0, 2.0)
        );
        // Variance 4·5·9/24 − (27 − 3)/48 = 7.5 − 0.5 = 7.
        assert!((t.z - (2.0 - 5.0) / 7f64.sqrt()).abs() < 1e-15);
        assert_eq!(t.rank_biserial, 0.6);
    }
}
