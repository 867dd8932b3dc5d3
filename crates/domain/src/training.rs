//! The training matrix: mandatory modules, whom each applies to, and when each person is due.
//!
//! A requirement names a module (an activity of the catalogue, or one taken elsewhere), its
//! audience, how often it must be renewed and two allowances, all in whole days or months:
//!
//! - **Period.** A completion is valid for `months` calendar months from the day it counts
//!   from; a module with no period is done once and for ever. Adding months keeps the day of the
//!   month, or takes the month's last day when it has none: 29 February 2028 plus 12 months is
//!   28 February 2029, and 31 January plus one month is 28 (or 29) February.
//! - **Renewal window.** A completion in the `window_days` before the current one runs out
//!   counts for the next period: the person keeps their anniversary and loses no time. One
//!   earlier than the window starts a new period from its own day, unless the one they have
//!   runs longer. One after it ran out (a late renewal) starts a new period from its own day.
//! - **Grace.** Someone the requirement newly applies to (a new starter, someone changing job,
//!   everyone when a requirement is added) has `grace_days` from the day it began to apply to
//!   them before the module is due for the first time.
//!
//! Each person's cell on a day is one of: **done** (valid until a day, or for ever), **due soon**
//! (in the renewal window of the completion they have), **overdue** (never done after the
//! grace, or run out), or **not started** (never done, within the grace). The day a completion
//! runs out is its last valid day; they are overdue from the day after.
//!
//! The arithmetic is worked by hand in `training/tests.rs` (early and late renewal, a person
//! changing job, a module whose period changes, a leaver, 29 February) and written up in
//! docs/training.md.

use crate::people::{Employment, JobFamily};
use crate::{Invalid, SiteId};
use time::{Date, Duration, Month};

/// The longest period, in months: ten years.
pub const MAX_PERIOD_MONTHS: u32 = 120;
/// The longest renewal window or grace, in days: a year.
pub const MAX_ALLOWANCE_DAYS: u32 = 366;

/// How often a module is renewed and the allowances around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Renewal {
    /// `None`: done once, never renewed.
    months: Option<u32>,
    window_days: u32,
    grace_days: u32,
}

impl Renewal {
    /// Checks each figure: a period of 1 to 120 months (or none), a window and a grace of 0 to
    /// 366 days, and a window shorter than the period.
    pub fn new(months: Option<u32>, window_days: u32, grace_days: u32) -> Result<Self, Invalid> {
        if let Some(m) = months
            && !(1..=MAX_PERIOD_MONTHS).contains(&m)
        {
            return Err(Invalid("training-period-invalid"));
        }
        if window_days > MAX_ALLOWANCE_DAYS {
            return Err(Invalid("training-window-invalid"));
        }
        if grace_days > MAX_ALLOWANCE_DAYS {
            return Err(Invalid("training-grace-invalid"));
        }
        // A window as long as the period would let a renewal the day after a completion count
        // for the period after next.
        if let Some(m) = months
            && window_days >= m * 28
        {
            return Err(Invalid("training-window-too-long"));
        }
        Ok(Renewal {
            months,
            window_days,
            grace_days,
        })
    }

    pub fn months(self) -> Option<u32> {
        self.months
    }

    pub fn window_days(self) -> u32 {
        self.window_days
    }

    pub fn grace_days(self) -> u32 {
        self.grace_days
    }
}

/// The longest code of a requirement.
pub const MAX_CODE_LEN: usize = 20;
/// The longest title.
pub const MAX_TITLE_LEN: usize = 200;

/// A requirement's short code (`DP-ANNUAL`): letters, digits, hyphens and underscores, kept in
/// capitals.
pub fn parse_code(raw: &str) -> Result<String, Invalid> {
    let code = raw.trim();
    if code.is_empty()
        || code.chars().count() > MAX_CODE_LEN
        || !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(Invalid("training-code-invalid"));
    }
    Ok(code.to_ascii_uppercase())
}

/// The longest evidence link, in characters.
pub const MAX_EVIDENCE: usize = 500;

/// The day a module was completed, as typed: a real day, not in the future, not before 2000.
pub fn parse_completed_on(raw: &str, today: Date) -> Result<Date, Invalid> {
    let day =
        crate::people::parse_date(raw.trim()).map_err(|_| Invalid("training-date-invalid"))?;
    if day > today {
        Err(Invalid("training-date-future"))
    } else if day.year() < 2000 {
        Err(Invalid("training-date-invalid"))
    } else {
        Ok(day)
    }
}

/// A link to the evidence of a completion: empty (none), or a web address of up to 500
/// characters with no spaces. skillgym never fetches it; it is shown as a link.
pub fn parse_evidence(raw: &str) -> Result<Option<String>, Invalid> {
    let link = raw.trim();
    if link.is_empty() {
        return Ok(None);
    }
    if (link.starts_with("https://") || link.starts_with("http://"))
        && link.len() > "https://".len()
        && link.chars().count() <= MAX_EVIDENCE
        && !link.contains(char::is_whitespace)
    {
        Ok(Some(link.to_string()))
    } else {
        Err(Invalid("training-evidence-invalid"))
    }
}

/// `months` calendar months after `day`, on the same day of the month or the month's last.
pub fn add_months(day: Date, months: u32) -> Date {
    let index = day.year() * 12 + (day.month() as i32 - 1) + months as i32;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u8 + 1);
    let month = Month::try_from(month).expect("a month from 1 to 12");
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, day.day().min(last)).expect("a real date")
}

/// The last day the completions on `done` (in any order) keep the module valid: `None` when
/// there are none, `Some(Date::MAX)` for a module never renewed.
pub fn valid_until(renewal: Renewal, done: &[Date]) -> Option<Date> {
    let mut days = done.to_vec();
    days.sort_unstable();
    let months = match renewal.months {
        None => return days.first().map(|_| Date::MAX),
        Some(m) => m,
    };
    let window = Duration::days(i64::from(renewal.window_days));
    let mut until: Option<Date> = None;
    for day in days {
        until = Some(match until {
            // In the window: the next period follows on from this one.
            Some(u) if day <= u && day >= u - window => add_months(u, months),
            // Earlier than the window, or after it ran out: a period from this day, which
            // never ends before the one it replaces.
            Some(u) => add_months(day, months).max(u),
            None => add_months(day, months),
        });
    }
    until
}

/// A person's cell of the matrix for one module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// Valid until the day given (`Date::MAX`: for ever).
    Done { until: Date },
    /// Done, and in the window before it runs out on `due`.
    DueSoon { due: Date },
    /// Never done by `due` (the end of the grace), or run out on `due`.
    Overdue { due: Date, never_done: bool },
    /// Never done, and due on `due`, the end of the grace.
    NotStarted { due: Date },
}

impl Cell {
    /// As the matrix's CSV and its filters name it; pages show `training-cell-{code}`.
    pub fn code(self) -> &'static str {
        match self {
            Cell::Done { .. } => "done",
            Cell::DueSoon { .. } => "due-soon",
            Cell::Overdue { .. } => "overdue",
            Cell::NotStarted { .. } => "not-started",
        }
    }

    /// The day it is (or was) due, where it has one.
    pub fn due(self) -> Option<Date> {
        match self {
            Cell::Done { until } if until == Date::MAX => None,
            Cell::Done { until } => Some(until),
            Cell::DueSoon { due } | Cell::Overdue { due, .. } | Cell::NotStarted { due } => {
                Some(due)
            }
        }
    }
}

/// The cell on `today` of someone the module has applied to since `since`, with completions on
/// `done`.
pub fn cell(renewal: Renewal, since: Date, done: &[Date], today: Date) -> Cell {
    cell_from(renewal, since, valid_until(renewal, done), today)
}

/// The cell on `today` from what the completions came to: valid until `until` (see
/// [`valid_until`]).
pub fn cell_from(renewal: Renewal, since: Date, until: Option<Date>, today: Date) -> Cell {
    match until {
        None => {
            let due = since + Duration::days(i64::from(renewal.grace_days));
            if today > due {
                Cell::Overdue {
                    due,
                    never_done: true,
                }
            } else {
                Cell::NotStarted { due }
            }
        }
        Some(until) if today > until => Cell::Overdue {
            due: until,
            never_done: false,
        },
        Some(until)
            if until != Date::MAX
                && today >= until - Duration::days(i64::from(renewal.window_days)) =>
        {
            Cell::DueSoon { due: until }
        }
        Some(until) => Cell::Done { until },
    }
}

/// Whom a requirement applies to: each list that is not empty narrows it (a person must match
/// one entry of each); all empty is everyone. People who have left are never in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Audience {
    pub employment: Option<Employment>,
    pub job_families: Vec<JobFamily>,
    /// Job roles as the staff file writes them, compared without regard to case.
    pub job_roles: Vec<String>,
    pub sites: Vec<SiteId>,
}

/// What the audience looks at in a person.
#[derive(Debug, Clone, Copy)]
pub struct Trainee<'a> {
    /// They have left (their "left on" day has come).
    pub left: bool,
    pub employment: Employment,
    pub job_family: JobFamily,
    pub job_role: &'a str,
    pub sites: &'a [SiteId],
}

impl Audience {
    pub fn everyone(&self) -> bool {
        self.employment.is_none()
            && self.job_families.is_empty()
            && self.job_roles.is_empty()
            && self.sites.is_empty()
    }

    pub fn includes(&self, who: Trainee<'_>) -> bool {
        !who.left
            && self.employment.is_none_or(|e| e == who.employment)
            && (self.job_families.is_empty() || self.job_families.contains(&who.job_family))
            && (self.job_roles.is_empty()
                || self
                    .job_roles
                    .iter()
                    .any(|r| r.trim().eq_ignore_ascii_case(who.job_role.trim())))
            && (self.sites.is_empty() || who.sites.iter().any(|s| self.sites.contains(s)))
    }
}

/// The day a requirement began to apply to someone: the day it was seen to (`seen`: the day it
/// was added, or the day skillgym learned of their new job), but not before the requirement
/// starts nor before they started work.
pub fn applies_since(starts_on: Date, start_date: Option<Date>, seen: Date) -> Date {
    seen.max(starts_on).max(start_date.unwrap_or(Date::MIN))
}

pub mod evidence;
pub mod file;

#[cfg(test)]
mod tests;
