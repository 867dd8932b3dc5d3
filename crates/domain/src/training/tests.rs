//! The training matrix's arithmetic, worked by hand: each expected day below is counted in the
//! comments from the rules in the module's documentation.

use super::*;
use time::macros::date;

/// Data protection as most services set it: every 12 months, renewable in the 30 days before,
/// 28 days' grace for new starters.
fn yearly() -> Renewal {
    Renewal::new(Some(12), 30, 28).unwrap()
}

#[test]
fn months_are_added_on_the_calendar_keeping_the_day_or_taking_the_months_last() {
    assert_eq!(add_months(date!(2026 - 03 - 15), 12), date!(2027 - 03 - 15));
    // 29 February has no day in a year that is not leap: its month's last.
    assert_eq!(add_months(date!(2028 - 02 - 29), 12), date!(2029 - 02 - 28));
    // Four years on it has one again.
    assert_eq!(add_months(date!(2028 - 02 - 29), 48), date!(2032 - 02 - 29));
    assert_eq!(add_months(date!(2027 - 01 - 31), 1), date!(2027 - 02 - 28));
    assert_eq!(add_months(date!(2028 - 01 - 31), 1), date!(2028 - 02 - 29));
    // Across a year's end.
    assert_eq!(add_months(date!(2026 - 11 - 30), 3), date!(2027 - 02 - 28));
}

#[test]
fn a_renewal_in_the_window_keeps_the_anniversary() {
    // Done 10 March 2026: valid to 10 March 2027. The window opens 30 days before, on
    // 8 February 2027 (March 10 less 30 days: 28 days of February plus 2 of March). Renewed on
    // 20 February 2027, inside it: the next period runs on from 10 March 2027 to
    // 10 March 2028, not from 20 February.
    let done = [date!(2026 - 03 - 10), date!(2027 - 02 - 20)];
    assert_eq!(valid_until(yearly(), &done), Some(date!(2028 - 03 - 10)));
    // The first day of the window counts; the day before does not (below).
    let first_day = [date!(2026 - 03 - 10), date!(2027 - 02 - 08)];
    assert_eq!(
        valid_until(yearly(), &first_day),
        Some(date!(2028 - 03 - 10))
    );
}

#[test]
fn a_renewal_before_the_window_starts_a_period_from_its_own_day() {
    // Renewed on 7 February 2027, the day before the window: a period from that day, to
    // 7 February 2028 (later than the 10 March 2027 it replaces).
    let done = [date!(2026 - 03 - 10), date!(2027 - 02 - 07)];
    assert_eq!(valid_until(yearly(), &done), Some(date!(2028 - 02 - 07)));
    // Done twice in a week: the second starts a period a week later.
    let twice = [date!(2026 - 03 - 10), date!(2026 - 03 - 17)];
    assert_eq!(valid_until(yearly(), &twice), Some(date!(2027 - 03 - 17)));
    // After an in-window renewal (valid to 10 March 2028), a repeat the next day would give
    // 21 February 2028: shorter, so the 10 March 2028 stands.
    let repeat = [
        date!(2026 - 03 - 10),
        date!(2027 - 02 - 20),
        date!(2027 - 02 - 21),
    ];
    assert_eq!(valid_until(yearly(), &repeat), Some(date!(2028 - 03 - 10)));
}

#[test]
fn a_late_renewal_starts_a_period_from_its_own_day_and_the_gap_was_overdue() {
    // Valid to 10 March 2027, renewed on 2 April 2027: to 2 April 2028. Between 11 March and
    // 1 April 2027 the person was overdue.
    let first = [date!(2026 - 03 - 10)];
    assert_eq!(
        cell(
            yearly(),
            date!(2026 - 01 - 01),
            &first,
            date!(2027 - 03 - 11)
        ),
        Cell::Overdue {
            due: date!(2027 - 03 - 10),
            never_done: false
        }
    );
    // Its last valid day is still done... in the window, so due soon.
    assert_eq!(
        cell(
            yearly(),
            date!(2026 - 01 - 01),
            &first,
            date!(2027 - 03 - 10)
        ),
        Cell::DueSoon {
            due: date!(2027 - 03 - 10)
        }
    );
    let late = [date!(2026 - 03 - 10), date!(2027 - 04 - 02)];
    assert_eq!(valid_until(yearly(), &late), Some(date!(2028 - 04 - 02)));
    assert_eq!(
        cell(
            yearly(),
            date!(2026 - 01 - 01),
            &late,
            date!(2027 - 04 - 02)
        ),
        Cell::Done {
            until: date!(2028 - 04 - 02)
        }
    );
}

#[test]
fn the_cell_moves_from_done_to_due_soon_to_overdue() {
    let done = [date!(2026 - 03 - 10)];
    let since = date!(2025 - 06 - 01);
    // 7 February 2027: the day before the window.
    assert_eq!(
        cell(yearly(), since, &done, date!(2027 - 02 - 07)),
        Cell::Done {
            until: date!(2027 - 03 - 10)
        }
    );
    assert_eq!(
        cell(yearly(), since, &done, date!(2027 - 02 - 08)),
        Cell::DueSoon {
            due: date!(2027 - 03 - 10)
        }
    );
    assert_eq!(
        cell(yearly(), since, &done, date!(2027 - 03 - 11)).code(),
        "overdue"
    );
}

#[test]
fn a_new_starter_has_the_grace_before_it_is_due() {
    // Started 5 January 2027: 28 days' grace make it due on 2 February (5 + 28 = 33, less the
    // 31 days of January); not started until then, overdue from 3 February.
    let since = applies_since(
        date!(2026 - 04 - 01),
        Some(date!(2027 - 01 - 05)),
        date!(2027 - 01 - 05),
    );
    assert_eq!(since, date!(2027 - 01 - 05));
    assert_eq!(
        cell(yearly(), since, &[], date!(2027 - 02 - 02)),
        Cell::NotStarted {
            due: date!(2027 - 02 - 02)
        }
    );
    assert_eq!(
        cell(yearly(), since, &[], date!(2027 - 02 - 03)),
        Cell::Overdue {
            due: date!(2027 - 02 - 02),
            never_done: true
        }
    );
    // Done on day 20 of the grace: valid a year from that day.
    assert_eq!(
        cell(
            yearly(),
            since,
            &[date!(2027 - 01 - 25)],
            date!(2027 - 02 - 03)
        ),
        Cell::Done {
            until: date!(2028 - 01 - 25)
        }
    );
}

#[test]
fn a_requirement_added_with_an_earlier_start_makes_those_not_done_overdue_after_the_grace() {
    // Added on 1 December 2026, applying since 1 September 2026, to someone who started in
    // 2019: it applies since 1 September, so due on 29 September and overdue on the day it is
    // added.
    let since = applies_since(
        date!(2026 - 09 - 01),
        Some(date!(2019 - 05 - 01)),
        date!(2026 - 09 - 01),
    );
    assert_eq!(since, date!(2026 - 09 - 01));
    assert_eq!(
        cell(yearly(), since, &[], date!(2026 - 12 - 01)).code(),
        "overdue"
    );
}

#[test]
fn a_person_changing_job_has_the_grace_from_the_change_and_keeps_what_they_did_before() {
    // Learn My Way for everyone who helps the public online: 24 months, no window, 14 days'
    // grace. Someone moves from the back office to the front desk; skillgym learns of it on
    // 3 August 2026 (they started in 2015, the requirement in 2024): due on 17 August.
    let learn_my_way = Renewal::new(Some(24), 0, 14).unwrap();
    let since = applies_since(
        date!(2024 - 01 - 01),
        Some(date!(2015 - 09 - 01)),
        date!(2026 - 08 - 03),
    );
    assert_eq!(since, date!(2026 - 08 - 03));
    assert_eq!(
        cell(learn_my_way, since, &[], date!(2026 - 08 - 17)),
        Cell::NotStarted {
            due: date!(2026 - 08 - 17)
        }
    );
    // Had they done it in their old job on 1 March 2026, it counts: valid to 1 March 2028.
    assert_eq!(
        cell(
            learn_my_way,
            since,
            &[date!(2026 - 03 - 01)],
            date!(2026 - 08 - 03)
        ),
        Cell::Done {
            until: date!(2028 - 03 - 01)
        }
    );
    // The front desk is in the audience, the back office not.
    let audience = Audience {
        job_roles: vec!["Library assistant".into(), "Customer services".into()],
        ..Audience::default()
    };
    let desk = Trainee {
        left: false,
        employment: Employment::Employee,
        job_family: JobFamily::Frontline,
        job_role: "library ASSISTANT ",
        sites: &[],
    };
    assert!(audience.includes(desk));
    assert!(!audience.includes(Trainee {
        job_role: "Finance officer",
        ..desk
    }));
}

#[test]
fn a_module_whose_period_changes_is_counted_again_from_the_completions() {
    // Done 10 March 2026. Every 24 months it is valid to 10 March 2028; the service moves it
    // to every 12 months: valid to 10 March 2027, and on 1 April 2027 overdue, the completions
    // being what they were.
    let done = [date!(2026 - 03 - 10)];
    let every_two_years = Renewal::new(Some(24), 30, 28).unwrap();
    assert_eq!(
        valid_until(every_two_years, &done),
        Some(date!(2028 - 03 - 10))
    );
    assert_eq!(valid_until(yearly(), &done), Some(date!(2027 - 03 - 10)));
    assert_eq!(
        cell(
            yearly(),
            date!(2025 - 01 - 01),
            &done,
            date!(2027 - 04 - 01)
        )
        .code(),
        "overdue"
    );
}

#[test]
fn a_leaver_is_in_no_audience() {
    let everyone = Audience::default();
    assert!(everyone.everyone());
    let leaver = Trainee {
        left: true,
        employment: Employment::Employee,
        job_family: JobFamily::Frontline,
        job_role: "Library assistant",
        sites: &[],
    };
    assert!(!everyone.includes(leaver));
    assert!(everyone.includes(Trainee {
        left: false,
        ..leaver
    }));
}

#[test]
fn a_module_done_once_is_done_for_ever() {
    let once = Renewal::new(None, 0, 28).unwrap();
    assert_eq!(
        cell(
            once,
            date!(2026 - 01 - 01),
            &[date!(2026 - 01 - 10)],
            date!(2040 - 01 - 01)
        ),
        Cell::Done { until: Date::MAX }
    );
    assert_eq!(Cell::Done { until: Date::MAX }.due(), None);
}

#[test]
fn the_audience_narrows_by_each_list_given() {
    let (central, branch) = (SiteId(1), SiteId(2));
    let audience = Audience {
        employment: Some(Employment::Volunteer),
        job_families: vec![JobFamily::Frontline],
        job_roles: vec![],
        sites: vec![central],
    };
    let volunteer = Trainee {
        left: false,
        employment: Employment::Volunteer,
        job_family: JobFamily::Frontline,
        job_role: "Digital volunteer",
        sites: &[branch, central],
    };
    assert!(audience.includes(volunteer));
    assert!(!audience.includes(Trainee {
        employment: Employment::Employee,
        ..volunteer
    }));
    assert!(!audience.includes(Trainee {
        sites: &[branch],
        ..volunteer
    }));
    assert!(!audience.includes(Trainee {
        job_family: JobFamily::Manager,
        ..volunteer
    }));
}

#[test]
fn renewal_figures_out_of_range_are_refused() {
    assert_eq!(
        Renewal::new(Some(0), 0, 0),
        Err(Invalid("training-period-invalid"))
    );
    assert_eq!(
        Renewal::new(Some(121), 0, 0),
        Err(Invalid("training-period-invalid"))
    );
    assert_eq!(
        Renewal::new(Some(12), 367, 0),
        Err(Invalid("training-window-invalid"))
    );
    assert_eq!(
        Renewal::new(Some(12), 0, 367),
        Err(Invalid("training-grace-invalid"))
    );
    // A month's period with a 28-day window: too long.
    assert_eq!(
        Renewal::new(Some(1), 28, 0),
        Err(Invalid("training-window-too-long"))
    );
    assert!(Renewal::new(Some(1), 27, 0).is_ok());
    assert!(Renewal::new(None, 0, 0).is_ok());
}

#[test]
fn a_code_is_short_plain_and_kept_in_capitals() {
    assert_eq!(parse_code(" dp-annual "), Ok("DP-ANNUAL".to_string()));
    assert_eq!(parse_code("LMW_2026"), Ok("LMW_2026".to_string()));
    for bad in ["", "data protection", "DP/1", "X".repeat(21).as_str()] {
        assert_eq!(
            parse_code(bad),
            Err(Invalid("training-code-invalid")),
            "{bad}"
        );
    }
}
