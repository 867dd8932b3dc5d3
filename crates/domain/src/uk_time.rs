//! The clock people in the UK read: Greenwich Mean Time in winter, British Summer Time (an
//! hour ahead) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
//! October, as the UK has kept it since 1996. Sessions are stored as instants (unix seconds);
//! pages show and forms take them in this clock.

use crate::Invalid;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: Month) -> Date {
    let mut day = Date::from_calendar_date(year, month, time::util::days_in_month(month, year))
        .expect("a real date");
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day().expect("a real date");
    }
    day
}

/// When summer time starts and ends in `year`, as unix seconds.
fn summer(year: i32) -> (i64, i64) {
    let at_one = |d: Date| {
        d.with_time(Time::from_hms(1, 0, 0).expect("01:00"))
            .assume_utc()
    };
    (
        at_one(last_sunday(year, Month::March)).unix_timestamp(),
        at_one(last_sunday(year, Month::October)).unix_timestamp(),
    )
}

/// The UK's offset from UTC at the instant `unix`: 0 or one hour.
pub fn offset_at(unix: i64) -> UtcOffset {
    let year = OffsetDateTime::from_unix_timestamp(unix)
        .map(|t| t.year())
        .unwrap_or(1970);
    let (starts, ends) = summer(year);
    if (starts..ends).contains(&unix) {
        UtcOffset::from_hms(1, 0, 0).expect("one hour")
    } else {
        UtcOffset::UTC
    }
}

/// The UK clock at the instant `unix`.
pub fn local(unix: i64) -> PrimitiveDateTime {
    let utc = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let here = utc.to_offset(offset_at(unix));
    PrimitiveDateTime::new(here.date(), here.time())
}

/// The instant the UK clock shows `at`. An hour the clocks skip in March does not exist and
/// is refused; an hour they go through twice in October is taken the first time (summer time).
pub fn instant(at: PrimitiveDateTime) -> Result<i64, Invalid> {
    for hours in [1, 0] {
        let offset = UtcOffset::from_hms(hours, 0, 0).expect("0 or 1 hour");
        let unix = at.assume_offset(offset).unix_timestamp();
        if offset_at(unix) == offset {
            return Ok(unix);
        }
    }
    Err(Invalid("time-skipped-by-clocks"))
}

/// A date and a time of day as forms take them (`2027-03-28`, `14:30`).
pub fn parse_local(date: &str, clock: &str) -> Result<PrimitiveDateTime, Invalid> {
    let date = crate::people::parse_date(date).map_err(|_| Invalid("session-date-invalid"))?;
    let (h, m) = clock
        .trim()
        .split_once(':')
        .ok_or(Invalid("session-time-invalid"))?;
    let time = match (h.parse::<u8>(), m.parse::<u8>()) {
        (Ok(h), Ok(m)) => Time::from_hms(h, m, 0).ok(),
        _ => None,
    }
    .ok_or(Invalid("session-time-invalid"))?;
    Ok(PrimitiveDateTime::new(date, time))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn unix(t: OffsetDateTime) -> i64 {
        t.unix_timestamp()
    }

    #[test]
    fn summer_time_starts_and_ends_at_one_in_the_morning_utc_on_the_last_sundays() {
        // 2027: 28 March and 31 October.
        let before = unix(datetime!(2027-03-28 00:59:59 UTC));
        let after = unix(datetime!(2027-03-28 01:00:00 UTC));
        assert_eq!(local(before), datetime!(2027-03-28 00:59:59));
        assert_eq!(local(after), datetime!(2027-03-28 02:00:00));
        let before = unix(datetime!(2027-10-31 00:59:59 UTC));
        let after = unix(datetime!(2027-10-31 01:00:00 UTC));
        assert_eq!(local(before), datetime!(2027-10-31 01:59:59));
        assert_eq!(local(after), datetime!(2027-10-31 01:00:00));
        // Midwinter and midsummer.
        assert_eq!(
            local(unix(datetime!(2026-12-05 12:00 UTC))),
            datetime!(2026-12-05 12:00)
        );
        assert_eq!(
            local(unix(datetime!(2026-07-01 12:00 UTC))),
            datetime!(2026-07-01 13:00)
        );
    }

    #[test]
    fn a_clock_time_is_the_instant_the_uk_shows_it() {
        assert_eq!(
            instant(datetime!(2027-07-01 13:00)),
            Ok(unix(datetime!(2027-07-01 12:00 UTC)))
        );
        assert_eq!(
            instant(datetime!(2027-01-10 09:30)),
            Ok(unix(datetime!(2027-01-10 09:30 UTC)))
        );
        // 01:30 on 28 March 2027 never happens; 01:30 on 31 October happens twice.
        assert_eq!(
            instant(datetime!(2027-03-28 01:30)),
            Err(Invalid("time-skipped-by-clocks"))
        );
        assert_eq!(
            instant(datetime!(2027-10-31 01:30)),
            Ok(unix(datetime!(2027-10-31 00:30 UTC)))
        );
        for t in [
            datetime!(2027-03-27 23:00),
            datetime!(2027-03-28 03:00),
            datetime!(2027-10-31 02:30),
            datetime!(2028-02-29 10:00),
        ] {
            assert_eq!(local(instant(t).unwrap()), t, "{t}");
        }
    }

    #[test]
    fn forms_give_a_date_and_a_time_of_day() {
        assert_eq!(
            parse_local("2027-03-29", "14:05"),
            Ok(datetime!(2027-03-29 14:05))
        );
        assert!(parse_local("2027-02-30", "10:00").is_err());
        assert!(parse_local("2027-03-29", "25:00").is_err());
        assert!(parse_local("2027-03-29", "10").is_err());
    }
}
