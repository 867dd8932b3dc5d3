//! A campaign's response rate: how many of those asked have finished. The one place it is
//! computed, for every page, file and report that shows it.
//!
//! Those asked are the campaign's audience together with everyone who answered without being
//! in it: responses imported without a name, and responses from people since erased or no
//! longer in the audience. Such a response counts as asked and finished, so the rate never
//! passes 100%, whatever was imported. Responses started and not yet finished count as asked
//! only.
//!
//! What a page may show of a campaign's rate is [`ShownRate`]: the anonymity threshold applies
//! to it as to every other figure (see [`super::anonymity`]).

use super::anonymity::{AnonymityThreshold, Suppressed, none_or_all};
use super::columns::CampaignColumns;

/// Who was asked and who finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ResponseRate {
    /// People in skillgym the campaign asks (its audience).
    pub audience: u64,
    /// Those of them who have finished.
    pub audience_finished: u64,
    /// Finished responses from no one in the audience: imported without a name, or from people
    /// since erased or no longer asked.
    pub others: u64,
}

impl ResponseRate {
    /// A rate from its parts; no more of the audience can have finished than it holds.
    pub fn new(audience: u64, audience_finished: u64, others: u64) -> Self {
        Self {
            audience,
            audience_finished: audience_finished.min(audience),
            others,
        }
    }

    /// The rate of a group of people in skillgym (a site, a team): no one from outside it.
    pub fn of_group(asked: u64, finished: u64) -> Self {
        Self::new(asked, finished, 0)
    }

    /// The campaign's rate from its analysis columns.
    pub fn of(columns: &CampaignColumns) -> Self {
        let audience_finished = columns
            .asked_response
            .iter()
            .filter(|&&r| r != super::columns::NONE)
            .count();
        Self::new(
            columns.asked() as u64,
            audience_finished as u64,
            columns.ungrouped,
        )
    }

    /// Everyone asked: the audience and the responses from outside it.
    pub fn asked(&self) -> u64 {
        self.audience + self.others
    }

    /// Everyone who finished.
    pub fn finished(&self) -> u64 {
        self.audience_finished + self.others
    }

    /// The rate as a whole percentage, rounded down: 0 when nobody was asked, never over 100.
    pub fn percent(&self) -> u64 {
        (self.finished() * 100)
            .checked_div(self.asked())
            .unwrap_or(0)
    }

    /// The rate as a fraction from 0 to 1, for files other tools read.
    pub fn fraction(&self) -> f64 {
        if self.asked() == 0 {
            0.0
        } else {
            self.finished() as f64 / self.asked() as f64
        }
    }
}

/// A campaign's response rate as a page, file or report may show it. While the campaign's own
/// figures are hidden (fewer than the threshold have finished), only how many people in
/// skillgym were asked: they are who was asked, not who answered, and the responses from
/// outside them are among those not shown. How many answered from outside the audience is a
/// count of people too, given only when it tells nothing the total does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownRate {
    rate: ResponseRate,
    threshold: AnonymityThreshold,
    everyone: Suppressed,
}

impl ShownRate {
    /// The rate, shown as the campaign's own figures are (`everyone`, from its disclosure).
    pub fn new(rate: ResponseRate, threshold: AnonymityThreshold, everyone: Suppressed) -> Self {
        Self {
            rate,
            threshold,
            everyone,
        }
    }

    /// A rate counted live (the campaign page's), shown once at least the threshold have
    /// finished, as the campaign's report is.
    pub fn counted(rate: ResponseRate, threshold: AnonymityThreshold) -> Self {
        let everyone = if rate.finished() < threshold.get() as u64 {
            Suppressed::TooSmall
        } else {
            Suppressed::Shown
        };
        Self::new(rate, threshold, everyone)
    }

    pub fn threshold(&self) -> AnonymityThreshold {
        self.threshold
    }

    /// Whether who finished is shown: `Shown`, or why not.
    pub fn shown(&self) -> Suppressed {
        self.everyone
    }

    /// The whole rate, when shown.
    pub fn rate(&self) -> Option<ResponseRate> {
        self.everyone.is_shown().then_some(self.rate)
    }

    /// People in skillgym the campaign asks: always shown.
    pub fn audience(&self) -> u64 {
        self.rate.audience
    }

    /// Everyone asked; only the audience while the rate is hidden.
    pub fn asked(&self) -> u64 {
        self.rate().map_or(self.rate.audience, |r| r.asked())
    }

    pub fn finished(&self) -> Option<u64> {
        self.rate().map(|r| r.finished())
    }

    pub fn percent(&self) -> Option<u64> {
        self.rate().map(|r| r.percent())
    }

    pub fn fraction(&self) -> Option<f64> {
        self.rate().map(|r| r.fraction())
    }

    /// How many finished responses came from outside the audience, when shown: `None` while the
    /// rate is hidden, and unless none or all of them did ([`super::anonymity::none_or_all`];
    /// see [`ShownRate::others_hidden`]).
    pub fn others(&self) -> Option<u64> {
        self.rate()
            .filter(|r| none_or_all(r.others, r.finished()))
            .map(|r| r.others)
    }

    /// Whether some finished responses came from outside the audience but how many is hidden:
    /// a page says so without a number, and without the audience's (everyone asked less the
    /// audience would give it).
    pub fn others_hidden(&self) -> bool {
        self.rate().is_some_and(|r| r.others > 0) && self.others().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imported_responses_count_as_asked_and_finished() {
        // One person asked in skillgym, who has not answered; 218 responses imported without
        // names.
        let rate = ResponseRate::new(1, 0, 218);
        assert_eq!((rate.asked(), rate.finished()), (219, 218));
        assert_eq!(rate.percent(), 99);
        assert!(rate.fraction() <= 1.0);
        let all = ResponseRate::new(0, 0, 218);
        assert_eq!((all.asked(), all.percent()), (218, 100));
    }

    #[test]
    fn the_rate_is_never_over_100_percent_nor_divides_by_nothing() {
        assert_eq!(ResponseRate::new(0, 0, 0).percent(), 0);
        assert_eq!(ResponseRate::new(0, 0, 0).fraction(), 0.0);
        assert_eq!(ResponseRate::new(3, 2, 0).percent(), 66);
        // A count that cannot be is held to what it can be.
        assert_eq!(ResponseRate::of_group(1, 218).percent(), 100);
        for audience in 0..20 {
            for finished in 0..25 {
                for others in 0..5 {
                    let rate = ResponseRate::new(audience, finished, others);
                    assert!(rate.percent() <= 100 && rate.finished() <= rate.asked());
                }
            }
        }
    }

    #[test]
    fn the_rate_of_columns_counts_the_audience_and_those_outside_it() {
        use super::super::columns::NONE;
        let columns = CampaignColumns {
            asked_team: vec![NONE, NONE, NONE],
            asked_response: vec![0, NONE, 1],
            ungrouped: 4,
            ..CampaignColumns::default()
        };
        assert_eq!(ResponseRate::of(&columns), ResponseRate::new(3, 2, 4));
        assert_eq!(ResponseRate::of(&columns).percent(), 85);
    }

    #[test]
    fn nothing_about_who_finished_is_shown_while_fewer_than_the_threshold_have() {
        let k = AnonymityThreshold::new(5).unwrap();
        // Four of ten asked, and none from outside: nothing but the ten asked.
        let few = ShownRate::counted(ResponseRate::new(10, 4, 0), k);
        assert_eq!(few.shown(), Suppressed::TooSmall);
        assert_eq!(
            (few.asked(), few.finished(), few.percent()),
            (10, None, None)
        );
        // Two of them imported: still only the ten in skillgym, or the two could be counted.
        let few = ShownRate::counted(ResponseRate::new(10, 2, 2), k);
        assert_eq!(
            (few.asked(), few.others(), few.others_hidden()),
            (10, None, false)
        );
        // Five finished, two from outside: the rate, but not how many from outside.
        let shown = ShownRate::counted(ResponseRate::new(10, 3, 2), k);
        assert_eq!(
            (shown.asked(), shown.finished(), shown.percent()),
            (12, Some(5), Some(41))
        );
        assert_eq!((shown.others(), shown.others_hidden()), (None, true));
        // However many on each side: a part of them could be set against the groups shown.
        let both = ShownRate::counted(ResponseRate::new(10, 5, 7), k);
        assert_eq!((both.others(), both.others_hidden()), (None, true));
        // All from outside, or none: nothing the total does not say.
        let only = ShownRate::counted(ResponseRate::new(10, 0, 7), k);
        assert_eq!(
            (only.others(), only.asked(), only.others_hidden()),
            (Some(7), 17, false)
        );
        let none = ShownRate::counted(ResponseRate::new(10, 6, 0), k);
        assert_eq!((none.others(), none.others_hidden()), (Some(0), false));
        // Hidden to protect others, however many finished.
        let hidden = ShownRate::new(ResponseRate::new(10, 9, 0), k, Suppressed::Complementary);
        assert_eq!((hidden.rate(), hidden.asked()), (None, 10));
    }
}
