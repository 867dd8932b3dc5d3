#!/usr/bin/env python3
"""Writes crates/domain/tests/fixtures/stats.json: statistics computed by SciPy for the Rust
statistics in crates/domain/src/analysis/stats.rs to be checked against (crates/domain/tests/stats.rs).

The fixture is committed, so the Rust tests need no Python. To regenerate it (the cases come
from a fixed seed, so the file only changes when this script or SciPy does):

    python3 -m venv /tmp/stats-venv
    /tmp/stats-venv/bin/pip install scipy pandas
    /tmp/stats-venv/bin/python scripts/stats-fixtures.py

What is checked, and how SciPy is asked:
- Mann-Whitney U: scipy.stats.mannwhitneyu(x, y, use_continuity=True,
  alternative="two-sided", method="asymptotic"): U of the first sample and the p-value. z is
  not returned by SciPy, so it is worked out here from the tie-corrected variance and checked
  against SciPy's p-value (2 * P(Z > z) must give it back); the rank-biserial correlation is
  2U/(n1 n2) - 1.
- Kruskal-Wallis H: scipy.stats.kruskal(*groups): H and the p-value.
- Pearson and Spearman: scipy.stats.pearsonr and spearmanr (the coefficients).
- Wilcoxon signed-rank (paired ratings, before and after): scipy.stats.wilcoxon(after, before,
  zero_method="wilcox", correction=False, alternative="two-sided", method="approx"): pairs
  that did not change are dropped, tied differences share their mid-rank and the variance is
  corrected for them. The statistic is the smaller of the two rank sums (T+ and T-), z its
  standardised value (SciPy's `zstatistic`) and the matched-pairs rank-biserial correlation
  (T+ - T-) / (T+ + T-) is worked out here from the ranks.
"""

import json
import math
import pathlib

import numpy as np
import pandas as pd
import scipy
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parent.parent / "crates/domain/tests/fixtures/stats.json"
rng = np.random.default_rng(20260401)


def ratings(n, low=1, high=5, shift=0.0):
    """n ratings from low to high, leaning by shift (like self-ratings of a competence)."""
    raw = rng.normal(3.0 + shift, 1.1, n).round()
    return [float(v) for v in np.clip(raw, low, high)]


def continuous(n, shift=0.0):
    return [float(v) for v in rng.normal(shift, 1.0, n).round(6)]


def mann_whitney(x, y, note):
    res = stats.mannwhitneyu(x, y, use_continuity=True, alternative="two-sided", method="asymptotic")
    n1, n2 = len(x), len(y)
    u1 = float(res.statistic)
    u = max(u1, n1 * n2 - u1)
    counts = pd.Series(x + y).value_counts().to_numpy(dtype=float)
    ties = float((counts**3 - counts).sum())
    n = n1 + n2
    var = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)))
    z = (u - n1 * n2 / 2 - 0.5) / math.sqrt(var) if var > 0 else None
    p = float(res.pvalue)
    if z is not None:
        assert math.isclose(min(1.0, 2 * stats.norm.sf(z)), p, rel_tol=1e-12), (x, y)
    return {
        "kind": "mann_whitney",
        "note": note,
        "x": x,
        "y": y,
        "u": u1,
        "z": z,
        "p": p,
        "rank_biserial": 2 * u1 / (n1 * n2) - 1,
    }


def wilcoxon(before, after, note):
    res = stats.wilcoxon(after, before, zero_method="wilcox", correction=False, alternative="two-sided", method="approx")
    d = np.array(after) - np.array(before)
    d = d[d != 0]
    r = stats.rankdata(np.abs(d))
    plus, minus = float(r[d > 0].sum()), float(r[d < 0].sum())
    assert math.isclose(float(res.statistic), min(plus, minus)), (before, after)
    return {
        "kind": "wilcoxon",
        "note": note,
        "before": before,
        "after": after,
        "n": int(len(d)),
        "t_plus": plus,
        "t_minus": minus,
        "statistic": float(res.statistic),
        "z": float(res.zstatistic),
        "p": float(res.pvalue),
        "rank_biserial": (plus - minus) / (plus + minus),
    }


def paired(n, gain):
    """n people's ratings of one competence a year apart: most move by a step or none."""
    before = ratings(n)
    steps = rng.choice([-1, 0, 0, 1, 1, 2], n) if gain else rng.choice([-1, 0, 1], n)
    after = [float(v) for v in np.clip(np.array(before) + steps, 1, 5)]
    return before, after


def kruskal(groups, note):
    res = stats.kruskal(*groups)
    return {"kind": "kruskal_wallis", "note": note, "groups": groups, "h": float(res.statistic), "p": float(res.pvalue)}


def correlation(x, y, note):
    return {
        "kind": "correlation",
        "note": note,
        "x": x,
        "y": y,
        "pearson": float(stats.pearsonr(x, y).statistic),
        "spearman": float(stats.spearmanr(x, y).statistic),
    }


cases = []
# Mann-Whitney: ratings with many ties, unequal sizes, clear and no differences.
for n1, n2, shift in [(5, 5, 0.0), (6, 9, 0.8), (12, 7, -0.5), (30, 45, 0.3), (120, 80, 0.6), (200, 310, 0.0), (8, 40, 1.5)]:
    cases.append(mann_whitney(ratings(n1), ratings(n2, shift=shift), f"ratings {n1} vs {n2}, shift {shift}"))
for n1, n2, shift in [(4, 6, 1.0), (20, 25, 0.4), (60, 60, 2.5)]:
    cases.append(mann_whitney(continuous(n1), continuous(n2, shift), f"no ties {n1} vs {n2}"))
cases.append(mann_whitney([1.0, 2.0, 3.0, 4.0, 5.0], [6.0, 7.0, 8.0, 9.0, 10.0], "complete separation"))
cases.append(mann_whitney([5.0] * 40, [1.0] * 35, "complete separation, all tied within"))
cases.append(mann_whitney([3.0, 3.0, 4.0], [3.0, 3.0, 4.0], "identical samples"))
cases.append(mann_whitney([2.0], [1.0, 3.0, 4.0], "a sample of one"))
cases.append(mann_whitney([1.0] * 300 + [5.0] * 10, [5.0] * 290 + [1.0] * 5, "very small p-value"))
# Kruskal-Wallis: 3 to 5 groups of ratings, unequal sizes.
for sizes, shifts in [
    ((5, 6, 7), (0.0, 0.3, 0.6)),
    ((10, 10, 10, 10), (0.0, 0.0, 0.0, 0.0)),
    ((30, 12, 50, 8, 20), (0.0, -0.6, 0.4, 1.0, 0.2)),
    ((100, 150, 90), (0.0, 0.5, -0.3)),
    ((2, 3), (0.0, 1.0)),
]:
    cases.append(kruskal([ratings(n, shift=s) for n, s in zip(sizes, shifts)], f"ratings, sizes {sizes}"))
cases.append(kruskal([continuous(8), continuous(9, 1.0), continuous(7, 2.0)], "no ties"))
cases.append(kruskal([[1.0] * 50, [3.0] * 50, [5.0] * 50], "separated groups, tied within"))
# Correlations: ratings against quiz shares, continuous, perfect and inverse.
for n in [5, 12, 40, 200]:
    x = ratings(n)
    y = [float(v) for v in np.clip(np.array(x) / 5 + rng.normal(0, 0.2, n), 0, 1).round(3)]
    cases.append(correlation(x, y, f"ratings against scores, {n} people"))
cases.append(correlation(continuous(30), continuous(30), "unrelated"))
cases.append(correlation([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 6.0, 8.0], "perfect"))
cases.append(correlation([1.0, 2.0, 2.0, 5.0, 4.0], [9.0, 7.0, 7.0, 1.0, 3.0], "inverse with ties"))

# Wilcoxon signed-rank: paired ratings (many zeros and ties), small to large, and edge cases.
for n, gain in [(5, True), (8, False), (12, True), (30, False), (45, True), (150, True), (400, False)]:
    before, after = paired(n, gain)
    cases.append(wilcoxon(before, after, f"paired ratings, {n} people, gain {gain}"))
for n in [6, 25]:
    before = continuous(n)
    after = [float(v) for v in (np.array(before) + rng.normal(0.4, 1.0, n)).round(6)]
    cases.append(wilcoxon(before, after, f"no ties or zeros, {n} pairs"))
cases.append(wilcoxon([1.0, 2.0, 3.0, 2.0, 1.0, 3.0], [2.0, 3.0, 4.0, 3.0, 2.0, 4.0], "everyone up one step"))
cases.append(wilcoxon([3.0, 3.0, 3.0, 4.0, 2.0, 5.0, 1.0], [3.0, 3.0, 4.0, 4.0, 1.0, 5.0, 1.0], "mostly unchanged"))
cases.append(wilcoxon([4.0, 2.0], [2.0, 4.0], "two opposite moves"))

OUT.parent.mkdir(parents=True, exist_ok=True)
# One case a line, so a regenerated file diffs readably.
header = json.dumps(f"scripts/stats-fixtures.py with SciPy {scipy.__version__}")
body = ",\n".join(json.dumps(c) for c in cases)
OUT.write_text(f'{{"generated_by": {header}, "cases": [\n{body}\n]}}\n')
print(f"wrote {len(cases)} cases to {OUT}")
