//! People: employees and volunteers, and the values that describe them.

use crate::Invalid;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The identifier an HR system gives a person; the key a staff file is matched on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EmployeeNumber(String);

impl EmployeeNumber {
    pub const MAX_LEN: usize = 32;

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Invalid("invalid-employee-number-missing"));
        }
        if s.len() > Self::MAX_LEN
            || !s
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
        {
            return Err(Invalid("invalid-employee-number"));
        }
        Ok(Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmployeeNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An email address, trimmed and lower-cased so that one address has one spelling.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim().to_lowercase();
        let Some((local, domain)) = s.split_once('@') else {
            return Err(Invalid("invalid-email"));
        };
        let ok = !local.is_empty()
            && local.len() <= 64
            && s.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !s.chars().any(|c| c.is_whitespace() || c.is_control())
            && !domain.contains('@')
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if ok {
            Ok(Self(s))
        } else {
            Err(Invalid("invalid-email"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's given or family name: not blank, not absurdly long.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_LEN: usize = 100;

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            Err(Invalid("invalid-name-missing"))
        } else if s.chars().count() > Self::MAX_LEN || s.chars().any(char::is_control) {
            Err(Invalid("invalid-name"))
        } else {
            Ok(Self(s.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A job title as the organisation writes it ("Library Assistant", "Digital Inclusion Officer").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JobRole(String);

impl JobRole {
    pub const MAX_LEN: usize = 100;

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            Err(Invalid("invalid-job-role-missing"))
        } else if s.chars().count() > Self::MAX_LEN || s.chars().any(char::is_control) {
            Err(Invalid("invalid-job-role"))
        } else {
            Ok(Self(s.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether a person is paid staff or gives their time as a volunteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Employment {
    Employee,
    Volunteer,
}

impl Employment {
    pub const ALL: [Employment; 2] = [Employment::Employee, Employment::Volunteer];

    pub fn as_str(self) -> &'static str {
        match self {
            Employment::Employee => "employee",
            Employment::Volunteer => "volunteer",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim().to_lowercase().as_str() {
            "employee" | "staff" => Ok(Employment::Employee),
            "volunteer" => Ok(Employment::Volunteer),
            _ => Err(Invalid("invalid-employment")),
        }
    }
}

/// The broad kind of work a person does: how audits and analysis group people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobFamily {
    Frontline,
    Specialist,
    Manager,
    SeniorLeader,
    AspiringLeader,
}

impl JobFamily {
    pub const ALL: [JobFamily; 5] = [
        JobFamily::Frontline,
        JobFamily::Specialist,
        JobFamily::Manager,
        JobFamily::SeniorLeader,
        JobFamily::AspiringLeader,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            JobFamily::Frontline => "frontline",
            JobFamily::Specialist => "specialist",
            JobFamily::Manager => "manager",
            JobFamily::SeniorLeader => "senior_leader",
            JobFamily::AspiringLeader => "aspiring_leader",
        }
    }

    /// Accepts the stored spelling and the forms people type in spreadsheets
    /// ("Senior leader", "senior-leader").
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let norm: String = raw
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        JobFamily::ALL
            .into_iter()
            .find(|f| f.as_str() == norm)
            .ok_or(Invalid("invalid-job-family"))
    }
}

/// Contracted hours a week, in quarter hours so that equality is exact: 0 to 48.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ContractedHours(u16);

impl ContractedHours {
    /// Full time in most UK councils; below this a person is part-time.
    pub const FULL_TIME: ContractedHours = ContractedHours(37 * 4);
    pub const MAX: ContractedHours = ContractedHours(48 * 4);

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let hours: f64 = raw.trim().parse().map_err(|_| Invalid("invalid-hours"))?;
        Self::from_hours(hours)
    }

    pub fn from_hours(hours: f64) -> Result<Self, Invalid> {
        if !hours.is_finite() || hours < 0.0 || hours > Self::MAX.hours() {
            return Err(Invalid("invalid-hours"));
        }
        let quarters = (hours * 4.0).round();
        if (quarters / 4.0 - hours).abs() > 1e-9 {
            return Err(Invalid("invalid-hours-quarter"));
        }
        Ok(Self(quarters as u16))
    }

    pub fn hours(self) -> f64 {
        f64::from(self.0) / 4.0
    }

    pub fn is_part_time(self) -> bool {
        self < Self::FULL_TIME
    }
}

impl fmt::Display for ContractedHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = self.hours();
        if h.fract() == 0.0 {
            write!(f, "{h:.0}")
        } else {
            write!(f, "{h}")
        }
    }
}

/// Full-time or part-time, as the analysis groups people: paid staff by their contracted hours
/// ([`ContractedHours::is_part_time`]), volunteers on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkingHours {
    FullTime,
    PartTime,
    Volunteer,
}

impl WorkingHours {
    pub const ALL: [WorkingHours; 3] = [
        WorkingHours::FullTime,
        WorkingHours::PartTime,
        WorkingHours::Volunteer,
    ];

    pub fn of(employment: Employment, hours: ContractedHours) -> Self {
        match employment {
            Employment::Volunteer => WorkingHours::Volunteer,
            Employment::Employee if hours.is_part_time() => WorkingHours::PartTime,
            Employment::Employee => WorkingHours::FullTime,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            WorkingHours::FullTime => "full_time",
            WorkingHours::PartTime => "part_time",
            WorkingHours::Volunteer => "volunteer",
        }
    }
}

/// How long a person has been with the organisation, in whole years, as the analysis groups
/// people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ServiceLength {
    UnderOne,
    OneToFour,
    FiveToNine,
    TenOrMore,
}

impl ServiceLength {
    pub const ALL: [ServiceLength; 4] = [
        ServiceLength::UnderOne,
        ServiceLength::OneToFour,
        ServiceLength::FiveToNine,
        ServiceLength::TenOrMore,
    ];

    /// On `on`, for someone who started on `start`; `None` when they had not started yet.
    pub fn on(start: time::Date, on: time::Date) -> Option<Self> {
        if start > on {
            return None;
        }
        let before_anniversary = (on.month() as u8, on.day()) < (start.month() as u8, start.day());
        let years = on.year() - start.year() - i32::from(before_anniversary);
        Some(match years {
            0 => ServiceLength::UnderOne,
            1..=4 => ServiceLength::OneToFour,
            5..=9 => ServiceLength::FiveToNine,
            _ => ServiceLength::TenOrMore,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ServiceLength::UnderOne => "under_1",
            ServiceLength::OneToFour => "1_to_4",
            ServiceLength::FiveToNine => "5_to_9",
            ServiceLength::TenOrMore => "10_or_more",
        }
    }
}

/// A date written as an ISO 8601 calendar date (2024-03-31), the form every HR system exports.
pub fn parse_date(raw: &str) -> Result<time::Date, Invalid> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(raw.trim(), format).map_err(|_| Invalid("invalid-date"))
}

/// Formats a date as ISO 8601.
pub fn format_date(date: time::Date) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    date.format(format).expect("a calendar date always formats")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_is_counted_in_whole_years_to_the_day() {
        let d = |s: &str| parse_date(s).unwrap();
        let on = d("2025-03-01");
        assert_eq!(
            ServiceLength::on(d("2024-03-02"), on),
            Some(ServiceLength::UnderOne)
        );
        assert_eq!(
            ServiceLength::on(d("2024-03-01"), on),
            Some(ServiceLength::OneToFour)
        );
        assert_eq!(
            ServiceLength::on(d("2020-03-02"), on),
            Some(ServiceLength::OneToFour)
        );
        assert_eq!(
            ServiceLength::on(d("2020-03-01"), on),
            Some(ServiceLength::FiveToNine)
        );
        assert_eq!(
            ServiceLength::on(d("2015-03-01"), on),
            Some(ServiceLength::TenOrMore)
        );
        assert_eq!(ServiceLength::on(d("2025-03-02"), on), None);
        // A leap-day start has its anniversary on 1 March in other years.
        assert_eq!(
            ServiceLength::on(d("2024-02-29"), d("2025-02-28")),
            Some(ServiceLength::UnderOne)
        );
    }

    #[test]
    fn working_hours_follow_the_contract_and_volunteers_stand_apart() {
        let h = |n: f64| ContractedHours::from_hours(n).unwrap();
        assert_eq!(
            WorkingHours::of(Employment::Employee, h(37.0)),
            WorkingHours::FullTime
        );
        assert_eq!(
            WorkingHours::of(Employment::Employee, h(36.75)),
            WorkingHours::PartTime
        );
        assert_eq!(
            WorkingHours::of(Employment::Employee, h(0.0)),
            WorkingHours::PartTime
        );
        assert_eq!(
            WorkingHours::of(Employment::Volunteer, h(37.0)),
            WorkingHours::Volunteer
        );
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse(" Ann.Jones@Example.ORG ").unwrap().as_str(),
            "ann.jones@example.org"
        );
        for bad in [
            "",
            "ann",
            "ann@",
            "@example.org",
            "ann@example",
            "a b@example.org",
            "ann@ex..org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn hours_are_quarter_hours_up_to_48() {
        assert_eq!(ContractedHours::parse("18.5").unwrap().hours(), 18.5);
        assert_eq!(ContractedHours::parse("7.25").unwrap().to_string(), "7.25");
        assert_eq!(ContractedHours::parse("37").unwrap().to_string(), "37");
        assert!(ContractedHours::parse("37").unwrap() == ContractedHours::FULL_TIME);
        assert!(ContractedHours::parse("16").unwrap().is_part_time());
        assert_eq!(
            ContractedHours::parse("7.1"),
            Err(Invalid("invalid-hours-quarter"))
        );
        assert_eq!(ContractedHours::parse("49"), Err(Invalid("invalid-hours")));
        assert_eq!(ContractedHours::parse("-1"), Err(Invalid("invalid-hours")));
        assert_eq!(ContractedHours::parse("NaN"), Err(Invalid("invalid-hours")));
        assert_eq!(
            ContractedHours::parse("lots"),
            Err(Invalid("invalid-hours"))
        );
    }

    #[test]
    fn job_families_accept_spreadsheet_spellings() {
        assert_eq!(
            JobFamily::parse("Senior leader"),
            Ok(JobFamily::SeniorLeader)
        );
        assert_eq!(
            JobFamily::parse("aspiring-leader"),
            Ok(JobFamily::AspiringLeader)
        );
        assert_eq!(JobFamily::parse("FRONTLINE"), Ok(JobFamily::Frontline));
        assert!(JobFamily::parse("boss").is_err());
    }

    #[test]
    fn employee_numbers_are_trimmed_and_limited() {
        assert_eq!(EmployeeNumber::parse(" E1001 ").unwrap().as_str(), "E1001");
        assert!(EmployeeNumber::parse("").is_err());
        assert!(EmployeeNumber::parse("E 1001").is_err());
        assert!(EmployeeNumber::parse(&"9".repeat(33)).is_err());
    }
}
