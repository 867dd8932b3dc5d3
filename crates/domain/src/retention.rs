//! Retention: how long skillgym keeps the personal data of people who have left, before the
//! scheduled retention job erases them (UK GDPR's storage limitation).

use crate::Invalid;

/// How many whole months after the day a person left they are erased. Always within
/// [`RetentionPeriod::MIN`]..=[`RetentionPeriod::MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RetentionPeriod(u16);

impl RetentionPeriod {
    /// At least a month, so that a mistyped "left on" date can be put right before it costs
    /// someone their record.
    pub const MIN: u16 = 1;
    /// At most ten years: longer than any records-retention schedule asks of staff data.
    pub const MAX: u16 = 120;
    /// What an organisation starts with: two years.
    pub const DEFAULT: RetentionPeriod = RetentionPeriod(24);

    /// A period typed by a person: whole months, within the range.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Invalid("retention-months-missing"));
        }
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(Invalid("retention-months-not-whole"));
        }
        match s.parse::<u32>() {
            Ok(n) => Self::from_months(i64::from(n)),
            // More digits than a u32 holds: certainly out of range.
            Err(_) => Err(Invalid("retention-months-out-of-range")),
        }
    }

    /// A period as stored.
    pub fn from_months(months: i64) -> Result<Self, Invalid> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&months) {
            Ok(Self(months as u16))
        } else {
            Err(Invalid("retention-months-out-of-range"))
        }
    }

    pub fn months(self) -> i64 {
        i64::from(self.0)
    }

    /// People who left before this day are due to be erased on `today`.
    pub fn erase_left_before(self, today: time::Date) -> time::Date {
        months_before(today, self.months())
    }

    /// The day a person who left on `left_on` is erased (the retention job runs hourly, so
    /// within the hour after midnight UTC starts that day).
    pub fn erased_on(self, left_on: time::Date) -> time::Date {
        months_before(left_on, -self.months())
            .next_day()
            .unwrap_or(left_on)
    }
}

impl Default for RetentionPeriod {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The date `months` months before `date` (after, when negative), on the same day or the
/// month's last day.
pub fn months_before(date: time::Date, months: i64) -> time::Date {
    let total = i64::from(date.year()) * 12 + i64::from(u8::from(date.month()) - 1) - months;
    let year = total.div_euclid(12) as i32;
    let month =
        time::Month::try_from((total.rem_euclid(12) + 1) as u8).unwrap_or(time::Month::January);
    let last = month.length(year);
    time::Date::from_calendar_date(year, month, date.day().min(last)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn periods_are_whole_months_within_the_range() {
        assert_eq!(RetentionPeriod::parse("24").unwrap().months(), 24);
        assert_eq!(RetentionPeriod::parse(" 1 ").unwrap().months(), 1);
        assert_eq!(RetentionPeriod::parse("120").unwrap().months(), 120);
        assert_eq!(
            RetentionPeriod::parse("").unwrap_err().0,
            "retention-months-missing"
        );
        for bad in ["1.5", "-3", "two", "12 months", "+6"] {
            assert_eq!(
                RetentionPeriod::parse(bad).unwrap_err().0,
                "retention-months-not-whole",
                "{bad}"
            );
        }
        for bad in ["0", "121", "99999999999999"] {
            assert_eq!(
                RetentionPeriod::parse(bad).unwrap_err().0,
                "retention-months-out-of-range",
                "{bad}"
            );
        }
        assert_eq!(RetentionPeriod::default().months(), 24);
        assert!(RetentionPeriod::from_months(0).is_err());
    }

    #[test]
    fn months_are_counted_back_to_the_same_day_or_the_month_end() {
        assert_eq!(
            months_before(date!(2026 - 05 - 15), 24),
            date!(2024 - 05 - 15)
        );
        assert_eq!(
            months_before(date!(2026 - 01 - 10), 1),
            date!(2025 - 12 - 10)
        );
        assert_eq!(
            months_before(date!(2026 - 03 - 31), 1),
            date!(2026 - 02 - 28)
        );
        assert_eq!(
            months_before(date!(2026 - 03 - 31), 0),
            date!(2026 - 03 - 31)
        );
        assert_eq!(
            months_before(date!(2025 - 12 - 31), -2),
            date!(2026 - 02 - 28)
        );
    }

    #[test]
    fn a_leaver_is_erased_the_day_after_their_period_ends() {
        let period = RetentionPeriod::parse("24").unwrap();
        let left = date!(2024 - 05 - 15);
        let erased = period.erased_on(left);
        assert_eq!(erased, date!(2026 - 05 - 16));
        // The job on the day before does not erase them; the job on that day does.
        assert!(left >= period.erase_left_before(date!(2026 - 05 - 15)));
        assert!(left < period.erase_left_before(erased));
    }
}
