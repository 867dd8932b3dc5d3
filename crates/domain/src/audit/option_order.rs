//! The order in which one respondent sees a knowledge-round question's options: shuffled, so
//! that the right answer is not always in the same place for everyone (whoever noticed would
//! score full marks, and confidence against knowledge would mean nothing), and the same every
//! time that respondent looks, on every page. It is worked out from the response and the
//! question, so nothing needs storing. Answers are stored and marked by the options' own
//! numbers, never by where they were shown.

use crate::{QuizItemId, ResponseId};

/// The options' own numbers (as stored and marked), in the order one respondent sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionOrder(Vec<usize>);

impl OptionOrder {
    /// The order `response` sees the `options` options of question `item` in.
    pub fn for_response(response: ResponseId, item: QuizItemId, options: usize) -> Self {
        // A Fisher–Yates shuffle driven by SplitMix64, seeded from both ids: deterministic,
        // portable, and far enough from uniform only in ways no respondent could notice.
        let mut state = mix(mix(SEED ^ response.0 as u64) ^ item.0 as u64);
        let mut order: Vec<usize> = (0..options).collect();
        for i in (1..options).rev() {
            state = state.wrapping_add(GOLDEN_GAMMA);
            let j = (mix(state) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        OptionOrder(order)
    }

    /// The options' numbers, first shown first.
    pub fn shown(&self) -> &[usize] {
        &self.0
    }

    /// Where option `option` is shown, counting from 0.
    pub fn position_of(&self, option: usize) -> Option<usize> {
        self.0.iter().position(|o| *o == option)
    }

    /// Some of the options' numbers (those chosen, or the right ones), in the order shown.
    pub fn arrange(&self, options: &[usize]) -> Vec<usize> {
        self.0
            .iter()
            .copied()
            .filter(|o| options.contains(o))
            .collect()
    }
}

const SEED: u64 = 0x736b_696c_6c67_796d; // "skillgym"
const GOLDEN_GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

/// SplitMix64's finaliser: every bit of the input changes about half the output's bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_respondent_always_sees_the_same_order_and_every_option_once() {
        for options in 2..=6 {
            let order = OptionOrder::for_response(ResponseId(42), QuizItemId(7), options);
            assert_eq!(
                order,
                OptionOrder::for_response(ResponseId(42), QuizItemId(7), options)
            );
            let mut sorted = order.shown().to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..options).collect::<Vec<_>>());
            for (at, option) in order.shown().iter().enumerate() {
                assert_eq!(order.position_of(*option), Some(at));
            }
        }
        assert_eq!(
            OptionOrder::for_response(ResponseId(1), QuizItemId(1), 0).shown(),
            &[] as &[usize]
        );
    }

    #[test]
    fn the_right_answers_place_varies_across_respondents_about_evenly() {
        // The shipped questions all have their right answer first: option 0.
        for (item, options) in [(QuizItemId(1), 4), (QuizItemId(2), 3), (QuizItemId(913), 6)] {
            let respondents = 6000;
            let mut at = vec![0usize; options];
            for response in 1..=respondents {
                let order = OptionOrder::for_response(ResponseId(response), item, options);
                at[order.position_of(0).unwrap()] += 1;
            }
            // Each place expects respondents / options; a loose bound of ±15% of that holds
            // for any fair shuffle (about 6 standard deviations) and fails for a fixed order.
            let expected = respondents as f64 / options as f64;
            for (place, n) in at.iter().enumerate() {
                assert!(
                    (*n as f64 - expected).abs() < 0.15 * expected,
                    "question {item}: the right answer was shown in place {place} {n} times of \
                     {respondents}; expected about {expected}"
                );
            }
        }
    }

    #[test]
    fn one_respondent_sees_different_orders_for_different_questions() {
        let orders: Vec<Vec<usize>> = (1..=12)
            .map(|q| {
                OptionOrder::for_response(ResponseId(5), QuizItemId(q), 4)
                    .shown()
                    .to_vec()
            })
            .collect();
        let first_places: std::collections::HashSet<usize> = orders.iter().map(|o| o[0]).collect();
        assert!(first_places.len() > 1, "{orders:?}");
    }

    #[test]
    fn chosen_options_are_listed_in_the_order_shown() {
        let order = OptionOrder(vec![2, 0, 3, 1]);
        assert_eq!(order.arrange(&[0, 1, 2]), vec![2, 0, 1]);
        assert_eq!(order.arrange(&[]), Vec::<usize>::new());
    }
}
