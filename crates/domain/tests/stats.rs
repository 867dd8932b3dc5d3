//! The statistics agree with SciPy: every case in `fixtures/stats.json` (written by
//! `scripts/stats-fixtures.py`) to 1e-9 relative, p-values to 1e-7: Mann–Whitney, Kruskal–Wallis,
//! Pearson, Spearman and Wilcoxon signed-rank.

use serde_json::Value;
use skillgym_domain::analysis::stats::{kruskal_wallis, mann_whitney, pearson, spearman, wilcoxon};

const FIXTURES: &str = include_str!("fixtures/stats.json");

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_f64().unwrap())
        .collect()
}

/// Equal to `relative`, or within 1e-12 of each other where both are near zero.
fn close(what: &str, note: &str, got: f64, want: f64, relative: f64) {
    let ok =
        (got - want).abs() <= relative * want.abs().max(got.abs()) || (got - want).abs() < 1e-12;
    assert!(ok, "{note}: {what} is {got}, SciPy says {want}");
}

#[test]
fn every_fixture_case_matches_scipy() {
    let fixtures: Value = serde_json::from_str(FIXTURES).unwrap();
    let cases = fixtures["cases"].as_array().unwrap();
    assert!(cases.len() >= 20, "the fixture holds the cases");
    let mut checked = [0; 4];
    for case in cases {
        let note = case["note"].as_str().unwrap();
        match case["kind"].as_str().unwrap() {
            "mann_whitney" => {
                let t = mann_whitney(&numbers(&case["x"]), &numbers(&case["y"])).unwrap();
                close("U", note, t.u, case["u"].as_f64().unwrap(), 1e-9);
                close("p", note, t.p, case["p"].as_f64().unwrap(), 1e-7);
                let r = case["rank_biserial"].as_f64().unwrap();
                close("rank-biserial", note, t.rank_biserial, r, 1e-9);
                if let Some(z) = case["z"].as_f64() {
                    close("z", note, t.z, z, 1e-9);
                }
                checked[0] += 1;
            }
            "kruskal_wallis" => {
                let groups: Vec<Vec<f64>> = case["groups"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(numbers)
                    .collect();
                let slices: Vec<&[f64]> = groups.iter().map(Vec::as_slice).collect();
                let t = kruskal_wallis(&slices).unwrap();
                close("H", note, t.h, case["h"].as_f64().unwrap(), 1e-9);
                close("p", note, t.p, case["p"].as_f64().unwrap(), 1e-7);
                assert_eq!(t.df, groups.len() - 1);
                checked[1] += 1;
            }
            "correlation" => {
                let (x, y) = (numbers(&case["x"]), numbers(&case["y"]));
                close(
                    "Pearson r",
                    note,
                    pearson(&x, &y).unwrap(),
                    case["pearson"].as_f64().unwrap(),
                    1e-9,
                );
                close(
                    "Spearman rho",
                    note,
                    spearman(&x, &y).unwrap(),
                    case["spearman"].as_f64().unwrap(),
                    1e-9,
                );
                checked[2] += 1;
            }
            "wilcoxon" => {
                let (before, after) = (numbers(&case["before"]), numbers(&case["after"]));
                let t = wilcoxon(&before, &after).unwrap();
                assert_eq!(t.n as u64, case["n"].as_u64().unwrap(), "{note}: n");
                close("T+", note, t.t_plus, case["t_plus"].as_f64().unwrap(), 1e-9);
                close(
                    "T-",
                    note,
                    t.t_minus,
                    case["t_minus"].as_f64().unwrap(),
                    1e-9,
                );
                let statistic = case["statistic"].as_f64().unwrap();
                close("T", note, t.statistic(), statistic, 1e-9);
                close("z", note, t.z, case["z"].as_f64().unwrap(), 1e-9);
                close("p", note, t.p, case["p"].as_f64().unwrap(), 1e-7);
                let r = case["rank_biserial"].as_f64().unwrap();
                close("rank-biserial", note, t.rank_biserial, r, 1e-9);
                checked[3] += 1;
            }
            other => panic!("unknown kind {other}"),
        }
    }
    assert!(
        checked.iter().all(|n| *n > 0),
        "every kind is checked: {checked:?}"
    );
}
