//! Leavers found by a full staff file: HR sends everyone each month, so a person missing from
//! the file has most likely left. skillgym never decides that alone: the admin chooses.

use crate::staff_file::StaffRecord;
use std::collections::HashSet;

/// What an import does with the people in skillgym whom the file leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AbsentChoice {
    /// Leave them as they are: the safe answer when the file is not a full extract.
    #[default]
    Keep,
    /// Set their "left on" date to the day of the import.
    MarkLeft,
}

impl AbsentChoice {
    /// The value a form or the command line sends: `keep` or `left`.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "keep" => Some(AbsentChoice::Keep),
            "left" => Some(AbsentChoice::MarkLeft),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AbsentChoice::Keep => "keep",
            AbsentChoice::MarkLeft => "left",
        }
    }
}

/// Whether marking `absent` of the `current` people (those not already marked as left) would
/// mark more than half of them: far more than a month's leavers, so most likely a truncated
/// or wrong file, which must be confirmed explicitly.
pub fn marks_most(absent: u64, current: u64) -> bool {
    absent > 0 && absent.saturating_mul(2) > current
}

/// Of the `current` people (the employee numbers of those not marked as left), the positions
/// of those a full staff file leaves out, in order: nobody the file names is ever among them.
pub fn left_out(current: &[&str], file: &[StaffRecord]) -> Vec<usize> {
    let in_file: HashSet<&str> = file.iter().map(|r| r.employee_number.as_str()).collect();
    current
        .iter()
        .enumerate()
        .filter(|(_, number)| !in_file.contains(*number))
        .map(|(i, _)| i)
        .collect()
}

/// Where a person stands with leaving on a given day. A "left on" date of today or earlier
/// means they have left: their access ends that day, not the day after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Departure {
    /// No "left on" date.
    Current,
    /// A "left on" date still to come: they keep their access until that day.
    Leaving(time::Date),
    Left(time::Date),
}

impl Departure {
    pub fn on(left_on: Option<time::Date>, today: time::Date) -> Self {
        match left_on {
            None => Departure::Current,
            Some(day) if day <= today => Departure::Left(day),
            Some(day) => Departure::Leaving(day),
        }
    }

    pub fn has_left(self) -> bool {
        matches!(self, Departure::Left(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_the_file_names_are_not_left_out() {
        let file = crate::staff_file::parse(
            b"employee_number,given_name,family_name,email,employment,job_role,job_family,\
              contracted_hours,start_date,line_manager,team,sites\n\
              E2,Bob,Hughes,,employee,Assistant,frontline,37,,,,CEN\n",
        )
        .unwrap()
        .into_iter()
        .map(|l| l.record)
        .collect::<Vec<_>>();
        assert_eq!(left_out(&["E1", "E2", "E3"], &file), vec![0, 2]);
        assert_eq!(left_out(&[], &file), Vec::<usize>::new());
    }

    #[test]
    fn a_left_on_date_of_today_or_earlier_means_left() {
        let today = time::macros::date!(2026 - 12 - 02);
        let yesterday = time::macros::date!(2026 - 12 - 01);
        let tomorrow = time::macros::date!(2026 - 12 - 03);
        assert_eq!(Departure::on(None, today), Departure::Current);
        assert_eq!(Departure::on(Some(today), today), Departure::Left(today));
        assert!(Departure::on(Some(yesterday), today).has_left());
        assert_eq!(
            Departure::on(Some(tomorrow), today),
            Departure::Leaving(tomorrow)
        );
        assert!(!Departure::on(Some(tomorrow), today).has_left());
        assert!(!Departure::on(None, today).has_left());
    }

    #[test]
    fn more_than_half_is_most_and_half_is_not() {
        assert!(!marks_most(0, 0));
        assert!(!marks_most(0, 10));
        assert!(!marks_most(5, 10));
        assert!(marks_most(6, 10));
        assert!(marks_most(1, 1));
        assert!(!marks_most(1, 2));
    }

    #[test]
    fn choices_read_back_what_they_write() {
        for c in [AbsentChoice::Keep, AbsentChoice::MarkLeft] {
            assert_eq!(AbsentChoice::parse(c.as_str()), Some(c));
        }
        assert_eq!(AbsentChoice::parse("erase"), None);
        assert_eq!(AbsentChoice::default(), AbsentChoice::Keep);
    }
}
