//! The report's tables as CSV (`skillgym report CAMPAIGN --format csv --table TABLE`): one
//! table per file, headed with the JSON report's keys and holding the same values, so that a
//! script reads the CSV and the JSON alike in every language. Hidden figures are empty, with
//! the reason in the row's `hidden` column.

use crate::report::{CampaignReport, ChangeLine, Hidden, Rate, Sample};
use skillgym_domain::csv_file;

/// A table of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Competences,
    Sites,
    Teams,
    HeatMap,
    Comparison,
    Calibration,
    KnowledgeByCompetence,
    ChangeRates,
    ChangeAreas,
    ChangeCompetences,
    Profiles,
}

impl Table {
    pub const ALL: [Table; 11] = [
        Table::Competences,
        Table::Sites,
        Table::Teams,
        Table::HeatMap,
        Table::Comparison,
        Table::Calibration,
        Table::KnowledgeByCompetence,
        Table::ChangeRates,
        Table::ChangeAreas,
        Table::ChangeCompetences,
        Table::Profiles,
    ];

    /// The table's name, as given to `--table`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Competences => "competences",
            Table::Sites => "sites",
            Table::Teams => "teams",
            Table::HeatMap => "heat-map",
            Table::Comparison => "comparison",
            Table::Calibration => "calibration",
            Table::KnowledgeByCompetence => "calibration-competences",
            Table::ChangeRates => "change-rates",
            Table::ChangeAreas => "change-areas",
            Table::ChangeCompetences => "change-competences",
            Table::Profiles => "profiles",
        }
    }

    pub fn named(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }
}

fn num<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn why(hidden: Option<Hidden>) -> String {
    match hidden {
        None => String::new(),
        Some(Hidden::TooSmall) => "too_small".into(),
        Some(Hidden::Complementary) => "complementary".into(),
    }
}

fn head(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_string()).collect()
}

fn sample(s: Option<Sample>) -> [String; 2] {
    [num(s.map(|s| s.n)), num(s.map(|s| s.mean))]
}

fn rate_row(which: &str, r: &Rate) -> Vec<String> {
    vec![
        which.into(),
        r.asked.to_string(),
        num(r.finished),
        num(r.percent),
        num(r.from_outside_audience),
        why(r.hidden),
    ]
}

fn change_rows(lines: &[ChangeLine], with_area: bool) -> Vec<Vec<String>> {
    let mut names = vec!["code", "title"];
    if with_area {
        names.push("area");
    }
    names.extend([
        "paired_n",
        "paired_before",
        "paired_after",
        "paired_change",
        "wilcoxon_statistic",
        "wilcoxon_z",
        "wilcoxon_p_value",
        "wilcoxon_rank_biserial",
        "whole_before_n",
        "whole_before_mean",
        "whole_after_n",
        "whole_after_mean",
        "whole_difference",
        "mann_whitney_u",
        "mann_whitney_p_value",
        "mann_whitney_rank_biserial",
    ]);
    let mut rows = vec![head(&names)];
    for l in lines {
        let mut row = vec![l.code.clone(), l.title.clone()];
        if with_area {
            row.push(l.area.clone().unwrap_or_default());
        }
        let p = l.paired.as_ref();
        let w = p.and_then(|p| p.wilcoxon.as_ref());
        row.extend([
            num(p.map(|p| p.n)),
            num(p.map(|p| p.before)),
            num(p.map(|p| p.after)),
            num(p.map(|p| p.change)),
            num(w.map(|w| w.statistic)),
            num(w.map(|w| w.z)),
            num(w.map(|w| w.p_value)),
            num(w.map(|w| w.rank_biserial)),
        ]);
        row.extend(sample(l.whole.before));
        row.extend(sample(l.whole.after));
        let m = l.whole.mann_whitney.as_ref();
        row.extend([
            num(l.whole.difference),
            num(m.map(|m| m.u)),
            num(m.map(|m| m.p_value)),
            num(m.map(|m| m.rank_biserial)),
        ]);
        rows.push(row);
    }
    rows
}

impl CampaignReport {
    /// One of the report's tables, as rows: the first is the heading.
    pub fn table(&self, table: Table) -> Vec<Vec<String>> {
        match table {
            Table::Competences => {
                let mut rows = vec![head(&[
                    "code", "title", "area", "mean", "rated", "1", "2", "3", "4", "5", "not_sure",
                    "hidden",
                ])];
                for c in &self.competences {
                    let counts = c.counts.as_ref();
                    let mut row = vec![c.code.clone(), c.title.clone(), c.area.clone()];
                    row.extend([num(c.mean), num(c.rated)]);
                    row.extend([
                        num(counts.map(|c| c.one)),
                        num(counts.map(|c| c.two)),
                        num(counts.map(|c| c.three)),
                        num(counts.map(|c| c.four)),
                        num(counts.map(|c| c.five)),
                        num(counts.map(|c| c.not_sure)),
                        why(c.hidden),
                    ]);
                    rows.push(row);
                }
                rows
            }
            Table::Sites | Table::Teams => {
                let groups = match table {
                    Table::Sites => &self.response_rates.by_site,
                    _ => &self.response_rates.by_team,
                };
                let mut rows = vec![head(&[
                    "id", "name", "asked", "finished", "percent", "hidden",
                ])];
                rows.extend(groups.iter().map(|g| {
                    vec![
                        g.id.to_string(),
                        g.name.clone().unwrap_or_default(),
                        g.asked.to_string(),
                        num(g.finished),
                        num(g.percent),
                        why(g.hidden),
                    ]
                }));
                rows
            }
            Table::HeatMap => {
                let mut names = vec!["site_id", "site", "respondents", "hidden"];
                names.extend(self.areas.iter().map(|a| a.code.as_str()));
                let mut rows = vec![head(&names)];
                for h in &self.heat_map {
                    let mut row = vec![
                        h.site_id.to_string(),
                        h.site.clone().unwrap_or_default(),
                        num(h.respondents),
                        why(h.hidden),
                    ];
                    // A hidden mean says why in its own cell; an empty one means nobody rated.
                    row.extend(
                        self.areas
                            .iter()
                            .map(|a| match h.hidden_means.get(&a.code) {
                                Some(hidden) => why(Some(*hidden)),
                                None => num(h.means.get(&a.code).copied().flatten()),
                            }),
                    );
                    rows.push(row);
                }
                rows
            }
            Table::Comparison => {
                let c = &self.comparison;
                let mut names = vec!["code".to_string()];
                for g in &c.groups {
                    names.push(format!("{}_n", g.key));
                    names.push(format!("{}_mean", g.key));
                }
                names.extend(
                    ["difference", "test", "statistic", "p_value", "effect_size"].map(String::from),
                );
                let mut rows = vec![names];
                for competence in &c.competences {
                    let mut row = vec![competence.code.clone()];
                    for g in &c.groups {
                        row.extend(sample(competence.groups.get(&g.key).copied().flatten()));
                    }
                    let t = competence.test.as_ref();
                    row.extend([
                        num(competence.difference),
                        t.map(|t| t.name.to_string()).unwrap_or_default(),
                        num(t.map(|t| t.statistic)),
                        num(t.map(|t| t.p_value)),
                        num(t.map(|t| t.effect_size)),
                    ]);
                    rows.push(row);
                }
                rows
            }
            Table::Calibration => {
                let c = &self.calibration;
                let mut rows = vec![head(&[
                    "key",
                    "label",
                    "people",
                    "confidence",
                    "quiz_score",
                    "gap",
                    "correlation",
                ])];
                rows.extend(c.groups.iter().chain(&c.everyone).map(|g| {
                    vec![
                        g.key.clone(),
                        g.label.clone(),
                        num(g.people),
                        g.confidence.to_string(),
                        g.quiz_score.to_string(),
                        g.gap.to_string(),
                        num(g.correlation),
                    ]
                }));
                rows
            }
            Table::KnowledgeByCompetence => {
                // One row per competence and group shown; `reversed_against` names the groups
                // that rated themselves higher but got fewer right.
                let mut rows = vec![head(&[
                    "code",
                    "key",
                    "label",
                    "raters",
                    "mean_rating",
                    "confidence",
                    "answerers",
                    "answers",
                    "share_right",
                    "gap",
                    "disagreement",
                    "reversed_against",
                ])];
                for k in &self.calibration.competences {
                    for g in k.groups.iter().chain(&k.everyone) {
                        let against: Vec<&str> = (k.reversed.iter())
                            .filter(|[lower, _]| *lower == g.key)
                            .map(|[_, higher]| higher.as_str())
                            .collect();
                        rows.push(vec![
                            k.code.clone(),
                            g.key.clone(),
                            g.label.clone(),
                            g.raters.to_string(),
                            g.mean_rating.to_string(),
                            g.confidence.to_string(),
                            g.answerers.to_string(),
                            g.answers.to_string(),
                            g.share_right.to_string(),
                            g.gap.to_string(),
                            g.disagreement.unwrap_or_default().to_string(),
                            against.join(" "),
                        ]);
                    }
                }
                rows
            }
            Table::ChangeRates => {
                let r = &self.change.response_rates;
                let mut rows = vec![head(&[
                    "campaign",
                    "asked",
                    "finished",
                    "percent",
                    "from_outside_audience",
                    "hidden",
                ])];
                if let Some(earlier) = &r.earlier {
                    rows.push(rate_row("earlier", earlier));
                }
                rows.push(rate_row("later", &r.later));
                rows
            }
            Table::ChangeAreas => change_rows(&self.change.areas, false),
            Table::ChangeCompetences => change_rows(&self.change.competences, true),
            Table::Profiles => {
                // One row per person and competence: a long table a spreadsheet pivots.
                let mut rows = vec![head(&[
                    "person_id",
                    "name",
                    "email",
                    "job_family",
                    "answered",
                    "code",
                    "area",
                    "rating",
                    "quiz_right",
                    "quiz_asked",
                    "measured",
                    "target",
                    "gap",
                ])];
                for p in self.profiles.iter().flatten() {
                    let who = [
                        p.id.to_string(),
                        p.name.clone(),
                        p.email.clone().unwrap_or_default(),
                        p.job_family.to_string(),
                        p.answered.to_string(),
                    ];
                    let Some(competences) = &p.competences else {
                        let mut row = who.to_vec();
                        row.extend(std::iter::repeat_n(String::new(), 8));
                        rows.push(row);
                        continue;
                    };
                    for c in competences {
                        let mut row = who.to_vec();
                        row.extend([
                            c.code.clone(),
                            c.area.clone(),
                            c.rating.map(|r| r.to_string()).unwrap_or_default(),
                            num(c.quiz.as_ref().map(|q| q.right)),
                            num(c.quiz.as_ref().map(|q| q.asked)),
                            num(c.measured),
                            num(c.target),
                            num(c.gap),
                        ]);
                        rows.push(row);
                    }
                }
                rows
            }
        }
    }

    /// One of the report's tables as a CSV file (see [`csv_file::to_bytes`]: UTF-8 with a
    /// byte-order mark, cells a spreadsheet would run as formulas guarded).
    pub fn to_csv(&self, table: Table) -> std::io::Result<Vec<u8>> {
        csv_file::to_bytes(self.table(table))
    }
}
