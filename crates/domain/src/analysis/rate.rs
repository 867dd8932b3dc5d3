//! A campaign's response rate: how many of those asked have finished. The one place it is
//! computed, for every page, file and report that shows it.
//!
//! Those asked are the campaign's audience together with everyone who answered without being
//! in it: responses imported without a name, and responses from people since erased or no
//! longer in the audience. Such a response counts as asked and finished, so the rate never
//! passes 100%, whatever was imported. Responses started and not yet finished count as asked
//! only.

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
}
