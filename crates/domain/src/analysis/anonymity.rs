//! The anonymity threshold: no figure for a group smaller than it, and none that could be
//! worked out by subtracting the groups shown from a total.

/// Whether a group's figures may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suppressed {
    Shown,
    /// Fewer people than the threshold.
    TooSmall,
    /// Big enough, but hidden so that a hidden group cannot be found by subtraction.
    Complementary,
}

impl Suppressed {
    pub fn is_shown(self) -> bool {
        self == Suppressed::Shown
    }
}

/// Decides which groups of a partition (groups that add up to a known total) may be shown.
///
/// A group below `threshold` is hidden. If exactly one group is hidden, the total minus the
/// others would reveal it, so the next smallest group is hidden too. Groups of 0 are shown as
/// nothing to see (there is no one to re-identify) and never protect another group.
pub fn suppress(sizes: &[usize], threshold: usize) -> Vec<Suppressed> {
    let mut out: Vec<Suppressed> = sizes
        .iter()
        .map(|&n| {
            if n > 0 && n < threshold {
                Suppressed::TooSmall
            } else {
                Suppressed::Shown
            }
        })
        .collect();
    let hidden = out.iter().filter(|s| !s.is_shown()).count();
    if hidden == 1 {
        let partner = sizes
            .iter()
            .enumerate()
            .filter(|(i, n)| out[*i].is_shown() && **n > 0)
            .min_by_key(|(_, n)| **n)
            .map(|(i, _)| i);
        if let Some(i) = partner {
            out[i] = Suppressed::Complementary;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Suppressed::*;

    #[test]
    fn small_groups_are_hidden() {
        assert_eq!(
            suppress(&[12, 3, 8, 4], 5),
            vec![Shown, TooSmall, Shown, TooSmall]
        );
    }

    #[test]
    fn a_lone_hidden_group_takes_the_next_smallest_with_it() {
        assert_eq!(
            suppress(&[12, 3, 8, 20], 5),
            vec![Shown, TooSmall, Complementary, Shown]
        );
    }

    #[test]
    fn empty_groups_neither_count_nor_protect() {
        assert_eq!(
            suppress(&[0, 3, 9], 5),
            vec![Shown, TooSmall, Complementary]
        );
        assert_eq!(suppress(&[0, 7], 5), vec![Shown, Shown]);
    }
}
