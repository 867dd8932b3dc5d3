//! A count of people as a page or a download shows it.

use skillgym_domain::analysis::Suppressed;
use skillgym_i18n::Tr;

/// A count of people as a table shows it: the number, or why it is not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Count {
    Shown(u64),
    /// Fewer than the threshold.
    Few,
    /// Enough people, but hidden so that no smaller figure can be worked out.
    Hidden,
}

impl Count {
    /// A number of people that no anonymity rule but the threshold applies to, as the campaign
    /// page's counts of who started and finished: none, or at least the threshold, is shown.
    pub fn people(n: i64, threshold: usize) -> Self {
        if n > 0 && (n as usize) < threshold {
            Count::Few
        } else {
            Count::Shown(n.max(0) as u64)
        }
    }

    pub fn of(n: Option<u64>, why: Suppressed) -> Self {
        match (n, why) {
            (Some(n), _) => Count::Shown(n),
            (None, Suppressed::TooSmall) => Count::Few,
            (None, _) => Count::Hidden,
        }
    }

    /// The cell's text: the number, "fewer than k" or "hidden".
    pub fn text(&self, tr: &Tr, threshold: usize) -> String {
        match self {
            Count::Shown(n) => n.to_string(),
            Count::Few => tr.t1("report-fewer-than", "threshold", threshold as i64),
            Count::Hidden => tr.t("report-hidden"),
        }
    }
}
