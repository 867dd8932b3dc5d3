//! Hand-worked plans: each expected value below is worked out in the comments from the rules
//! in the module's documentation, not read back from the code.

use super::*;
use crate::analysis::profile::{Profile, TargetLevel};
use crate::audit::{Localised, Rating};
use crate::learning::{ActivityCode, Builds, Languages};

/// A competence measured as a profile measures it: `rating` 1–5, `quiz` (right, asked), the
/// role's `target`.
fn measured(code: &str, rating: Option<u8>, quiz: Option<(usize, usize)>, target: u8) -> Measured {
    let answers: Vec<(usize, bool)> = quiz
        .map(|(right, asked)| (0..asked).map(|i| (0, i < right)).collect())
        .unwrap_or_default();
    let profile = Profile::compute(
        &[],
        &[0],
        1,
        &[rating.map(Rating::Level)],
        &answers,
        &[TargetLevel::new(target)],
        &[],
    );
    Measured {
        competence: code.into(),
        profile: profile.competences[0],
    }
}

fn activity(
    id: i64,
    code: &str,
    kind: ActivityKind,
    minutes: u32,
    builds: &[(&str, u8)],
) -> Candidate {
    Candidate {
        id: ActivityId(id),
        activity: std::sync::Arc::new(Activity {
            code: ActivityCode::parse(code).unwrap(),
            title: Localised::new(code, None),
            summary: Localised::new("", None),
            kind,
            provider: "Test".into(),
            minutes,
            cost_pence: 0,
            languages: Languages {
                english: true,
                welsh: false,
            },
            url: None,
            completion: None,
            builds: builds
                .iter()
                .map(|(c, l)| Builds {
                    competence: (*c).into(),
                    level: *l,
                })
                .collect(),
        }),
        sessions: vec![],
    }
}

fn session(
    id: i64,
    week: u32,
    nearness: Nearness,
    site: Option<&str>,
    full: bool,
) -> CandidateSession {
    CandidateSession {
        id: SessionId(id),
        week,
        starts_at: 1_000_000 + i64::from(week) * 604_800,
        nearness,
        site: site.map(Into::into),
        full,
    }
}

fn minutes(n: u32) -> WeeklyMinutes {
    WeeklyMinutes::new(n).unwrap()
}

/// Ffion works 18.5 hours a week on a branch counter.
///
/// - EMAIL: she rates herself 4 but gets 1 of 4 right. The quiz puts 1 of 4 at
///   1 + 4 × ¼ = 2, so she is measured at (2 × 2 + 4) / 3 = 2.67 against a target of 4: a gap of
///   1.33, and the quiz is 2 below her rating, so that is the reason. The goal is level 4 (her
///   whole level 2 plus at most 2, and the target).
/// - SEARCH: rated 2, no quiz: measured 2 against 3, a gap of 1: the goal is level 3.
/// - PRIVACY: rated 3, 3 of 4 right (quiz 4): (8 + 3) / 3 = 3.67 against 3: met.
/// - SOCIAL: rated 5 against 3: met.
///
/// Two gaps, so no stretch: EMAIL (1.33) then SEARCH (1).
fn ffion() -> Vec<Measured> {
    vec![
        measured("EMAIL", Some(4), Some((1, 4)), 4),
        measured("SEARCH", Some(2), None, 3),
        measured("PRIVACY", Some(3), Some((3, 4)), 3),
        measured("SOCIAL", Some(5), None, 3),
    ]
}

/// What her service offers.
fn ffions_catalogue() -> Vec<Candidate> {
    let mut course = activity(
        3,
        "EMAIL-COURSE",
        ActivityKind::Course,
        120,
        &[("EMAIL", 4)],
    );
    course.sessions = vec![
        // Full, at her own library, in week 1.
        session(31, 1, Nearness::OwnSite, Some("Pwllheli"), true),
        // In week 2, 12 km away.
        session(32, 2, Nearness::Away(12.4), Some("Porthmadog"), false),
        // In week 5 at her own library.
        session(33, 5, Nearness::OwnSite, Some("Pwllheli"), false),
    ];
    let mut webinar = activity(
        6,
        "SEARCH-WEBINAR",
        ActivityKind::Webinar,
        60,
        &[("SEARCH", 3)],
    );
    webinar.sessions = vec![session(61, 0, Nearness::Online, None, false)];
    vec![
        activity(1, "EMAIL-VIDEO", ActivityKind::Video, 10, &[("EMAIL", 3)]),
        activity(2, "EMAIL-GUIDE", ActivityKind::Guide, 15, &[("EMAIL", 3)]),
        course,
        activity(
            4,
            "EMAIL-ELEARN",
            ActivityKind::ELearning,
            180,
            &[("EMAIL", 4)],
        ),
        activity(5, "SEARCH-VIDEO", ActivityKind::Video, 20, &[("SEARCH", 3)]),
        webinar,
        // Builds SEARCH only to 2, where she is already: never chosen.
        activity(
            7,
            "SEARCH-COACH",
            ActivityKind::Coaching,
            30,
            &[("SEARCH", 2)],
        ),
        activity(8, "SOCIAL-CLUB", ActivityKind::Club, 240, &[("SOCIAL", 4)]),
    ]
}

#[test]
fn weekly_minutes_are_a_twentieth_of_contracted_time() {
    let of = |h: f64| {
        WeeklyMinutes::from_contracted(
            Employment::Employee,
            ContractedHours::from_hours(h).unwrap(),
        )
        .get()
    };
    // 37 h × 3 = 111 minutes, 7.4 quarters of an hour, so 7: 105.
    assert_eq!(of(37.0), 105);
    // 18.5 × 3 = 55.5, 3.7 quarters, so 4: 60.
    assert_eq!(of(18.5), 60);
    // 7.5 × 3 = 22.5 (1.5 quarters, so 2: 30), and never under half an hour anyway.
    assert_eq!(of(7.5), 30);
    assert_eq!(of(4.0), 30);
    // 48 × 3 = 144, over two hours: 120.
    assert_eq!(of(48.0), 120);
    assert_eq!(of(0.0), 30);
    let volunteer = WeeklyMinutes::from_contracted(
        Employment::Volunteer,
        ContractedHours::from_hours(10.0).unwrap(),
    );
    assert_eq!(volunteer.get(), 30);
    assert_eq!(WeeklyMinutes::parse(" 45 ").unwrap().get(), 45);
    assert_eq!(
        WeeklyMinutes::parse("14"),
        Err(Invalid("plan-minutes-range"))
    );
    assert_eq!(
        WeeklyMinutes::parse("601"),
        Err(Invalid("plan-minutes-range"))
    );
    assert_eq!(
        WeeklyMinutes::parse("an hour"),
        Err(Invalid("plan-minutes-invalid"))
    );
}

#[test]
fn ffions_plan_is_worked_by_hand() {
    let plan = propose(&ffion(), &ffions_catalogue(), minutes(60)).unwrap();

    // EMAIL, level 4: of the two that reach 4, neither kind used yet, both with nothing to
    // travel to (the course has a place at her own library in week 5), the shorter wins: the
    // course (120 minutes) over the e-learning (180). Lead-ins below 4: the video (10 minutes)
    // and the guide (15), both kinds new; in level order, then code: guide, video, course.
    // SEARCH, level 3: the video and the webinar both reach 3; videos are used now, so the
    // webinar, online in week 0. Nothing leads in: SEARCH-COACH builds only to 2.
    //
    // Weeks, 60 minutes each, goals in turn:
    // - round 1: EMAIL-GUIDE (15) in week 0 (45 left); SEARCH-WEBINAR at its session, week 0
    //   (45 − 60: none left);
    // - round 2: EMAIL-VIDEO (10) from week 0: week 0 is full, so week 1 (50 left);
    // - round 3: EMAIL-COURSE from week 1: session 31 is full; of 32 (week 2, 12 km) and 33
    //   (week 5, her own library), her own library first: 33, week 5.
    assert_eq!(
        plan.goals,
        vec![
            ProposedGoal {
                competence: "EMAIL".into(),
                from: (2.0 * 2.0 + 4.0) / 3.0,
                level: 4,
                deadline_week: 5,
                reason: GoalReason::QuizBelowRating {
                    right: 1,
                    asked: 4,
                    rating: 4,
                    target: 4
                },
            },
            ProposedGoal {
                competence: "SEARCH".into(),
                from: 2.0,
                level: 3,
                deadline_week: 0,
                reason: GoalReason::BelowTarget {
                    measured: 2.0,
                    target: 3
                },
            },
        ]
    );
    let steps: Vec<(usize, i64, Option<i64>, u32, u32)> = plan
        .steps
        .iter()
        .map(|s| {
            (
                s.goal,
                s.activity.0,
                s.session.map(|s| s.0),
                s.first_week,
                s.last_week,
            )
        })
        .collect();
    assert_eq!(
        steps,
        vec![
            (0, 2, None, 0, 0),
            (1, 6, Some(61), 0, 0),
            (0, 1, None, 1, 1),
            (0, 3, Some(33), 5, 5),
        ]
    );
    let reasons: Vec<&StepReason> = plan.steps.iter().map(|s| &s.reason).collect();
    assert_eq!(
        reasons[0],
        &StepReason {
            reaches_goal: false,
            level: 3,
            minutes: 15,
            new_format: true,
            place: StepPlace::OwnTime { weeks: 1 },
            chosen: false,
        }
    );
    assert_eq!(
        reasons[1].place,
        StepPlace::Online {
            starts_at: 1_000_000
        }
    );
    assert!(reasons[1].reaches_goal);
    assert_eq!(
        reasons[3],
        &StepReason {
            reaches_goal: true,
            level: 4,
            minutes: 120,
            new_format: true,
            place: StepPlace::OwnSite {
                site: "Pwllheli".into(),
                starts_at: 1_000_000 + 5 * 604_800
            },
            chosen: false,
        }
    );
    assert!(plan.unhelped.is_empty());
    // The same inputs give the same plan.
    assert_eq!(
        propose(&ffion(), &ffions_catalogue(), minutes(60)).unwrap(),
        plan
    );
}

#[test]
fn a_session_away_is_taken_when_home_has_none_and_a_used_format_says_so() {
    let mut catalogue = ffions_catalogue();
    // Her own library's course is gone. The course 12 km away is something to travel to,
    // the e-learning is not: nearer wins before shorter, so the e-learning (180 minutes,
    // three weeks of 60) takes the course's place: from week 1 (the video's), 50 + 60 + 60
    // is 170, and the last 10 minutes fall in week 4.
    catalogue[2].sessions.retain(|s| s.id.0 != 33);
    let plan = propose(&ffion(), &catalogue, minutes(60)).unwrap();
    let elearning = plan.steps.iter().find(|s| s.activity.0 == 4).unwrap();
    assert_eq!((elearning.first_week, elearning.last_week), (1, 4));
    assert_eq!(elearning.reason.place, StepPlace::OwnTime { weeks: 4 });
    assert_eq!(plan.goals[0].deadline_week, 4);
    assert!(plan.steps.iter().all(|s| s.activity.0 != 3));

    // Without the e-learning, the course 12 km away in week 2 is the way to level 4.
    catalogue.retain(|c| c.id.0 != 4);
    let plan = propose(&ffion(), &catalogue, minutes(60)).unwrap();
    let course = plan.steps.iter().find(|s| s.activity.0 == 3).unwrap();
    assert_eq!(
        (course.first_week, course.session),
        (2, Some(SessionId(32)))
    );
    assert_eq!(
        course.reason.place,
        StepPlace::Away {
            site: "Porthmadog".into(),
            km: 12,
            starts_at: 1_000_000 + 2 * 604_800
        }
    );
    // With no course either, nothing reaches 4: the goal becomes level 3, which the guide and
    // video reach; the video (shorter, 10 minutes) is the last step, and nothing is left to
    // lead in: the guide builds to 3 too, not to a level between.
    catalogue[2].sessions.clear();
    let plan = propose(&ffion(), &catalogue, minutes(60)).unwrap();
    assert_eq!(plan.goals[0].level, 3);
    let email: Vec<(i64, bool)> = plan
        .steps
        .iter()
        .filter(|s| s.goal == 0)
        .map(|s| (s.activity.0, s.reason.reaches_goal))
        .collect();
    assert_eq!(email, vec![(1, true)]);

    // A second goal whose only activity is a video, after a video in the first: not new.
    let people = vec![
        measured("EMAIL", Some(2), None, 3),
        measured("SEARCH", Some(2), None, 3),
    ];
    let videos = vec![
        activity(1, "A", ActivityKind::Video, 10, &[("EMAIL", 3)]),
        activity(2, "B", ActivityKind::Video, 10, &[("SEARCH", 3)]),
    ];
    let plan = propose(&people, &videos, minutes(30)).unwrap();
    let new: Vec<bool> = plan.steps.iter().map(|s| s.reason.new_format).collect();
    assert_eq!(new, vec![true, false]);
}

/// Gwen volunteers: 30 minutes a week.
///
/// - ARCHIVE: rated 2 against 3, a gap, but nothing in the catalogue builds it: named as
///   unhelped.
/// - EBOOKS: rated 3 against 3, met; measured 3, so a stretch to 4.
/// - TABLETS: rated 4 against 3, met; measured 4, a stretch to 5.
///
/// One gap is fewer than two goals, so the stretches come in, the lowest measured first.
#[test]
fn gwens_plan_stretches_where_no_gap_can_be_helped_and_spreads_a_long_course() {
    let gwen = vec![
        measured("ARCHIVE", Some(2), None, 3),
        measured("EBOOKS", Some(3), None, 3),
        measured("TABLETS", Some(4), None, 3),
    ];
    let catalogue = vec![
        activity(
            1,
            "EBOOKS-ELEARN",
            ActivityKind::ELearning,
            75,
            &[("EBOOKS", 4)],
        ),
        activity(
            2,
            "TABLETS-VIDEO",
            ActivityKind::Video,
            20,
            &[("TABLETS", 5)],
        ),
        activity(
            3,
            "TABLETS-CASE",
            ActivityKind::CaseStudy,
            20,
            &[("TABLETS", 5)],
        ),
    ];
    let plan = propose(&gwen, &catalogue, minutes(30)).unwrap();
    assert_eq!(plan.unhelped, vec!["ARCHIVE".to_string()]);
    // EBOOKS: 75 minutes at 30 a week: 30 in week 0, 30 in week 1, 15 in week 2.
    // TABLETS: case study and video alike (20 minutes, kinds new): the code decides,
    // TABLETS-CASE. It needs 20: week 2 has 15 left, so week 3.
    let goals: Vec<(&str, u8, u32)> = plan
        .goals
        .iter()
        .map(|g| (g.competence.as_str(), g.level, g.deadline_week))
        .collect();
    assert_eq!(goals, vec![("EBOOKS", 4, 2), ("TABLETS", 5, 3)]);
    assert_eq!(plan.goals[0].reason, GoalReason::Stretch { measured: 3.0 });
    let steps: Vec<(i64, u32, u32)> = plan
        .steps
        .iter()
        .map(|s| (s.activity.0, s.first_week, s.last_week))
        .collect();
    assert_eq!(steps, vec![(1, 0, 2), (3, 3, 3)]);
    assert_eq!(plan.steps[0].reason.place, StepPlace::OwnTime { weeks: 3 });
}

#[test]
fn a_goal_aims_at_most_two_levels_up_and_at_most_four_goals_are_set() {
    // Rated 1 against a target of 5: a goal of 3, not 5.
    let people = vec![
        measured("A", Some(1), None, 5),
        measured("B", Some(1), None, 4),
        measured("C", Some(2), None, 4),
        measured("D", Some(2), None, 3),
        measured("E", Some(3), None, 4),
    ];
    let catalogue: Vec<Candidate> = ["A", "B", "C", "D", "E"]
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            let i = i as i64 * 10;
            [
                activity(i + 1, &format!("{c}-3"), ActivityKind::Guide, 10, &[(c, 3)]),
                activity(i + 2, &format!("{c}-5"), ActivityKind::Video, 10, &[(c, 5)]),
            ]
        })
        .collect();
    let plan = propose(&people, &catalogue, minutes(120)).unwrap();
    // Gaps: A 4, B 3, C 2, D 1, E 1: four goals, A to D. A aims at 1 + 2 = 3, B at 3, C at
    // min(4, 2 + 2) = 4, D at 3.
    let goals: Vec<(&str, u8)> = plan
        .goals
        .iter()
        .map(|g| (g.competence.as_str(), g.level))
        .collect();
    assert_eq!(goals, vec![("A", 3), ("B", 3), ("C", 4), ("D", 3)]);
    // C's only activity at 4 or above builds it to 5: its last step goes further than needed.
    let c = plan
        .steps
        .iter()
        .find(|s| s.goal == 2 && s.reason.reaches_goal)
        .unwrap();
    assert_eq!((c.activity.0, c.reason.level), (22, 5));
}

#[test]
fn a_sessions_activity_without_a_place_in_the_weeks_is_not_chosen() {
    let people = vec![
        measured("A", Some(2), None, 3),
        measured("B", Some(2), None, 3),
    ];
    let mut course = activity(1, "A-COURSE", ActivityKind::Course, 60, &[("A", 3)]);
    // Only after the plan's twelve weeks, or full.
    course.sessions = vec![
        session(1, 12, Nearness::OwnSite, Some("Here"), false),
        session(2, 3, Nearness::OwnSite, Some("Here"), true),
    ];
    let catalogue = vec![
        course,
        activity(2, "B-GUIDE", ActivityKind::Guide, 10, &[("B", 3)]),
    ];
    let plan = propose(&people, &catalogue, minutes(30)).unwrap();
    assert_eq!(plan.goals.len(), 1);
    assert_eq!(plan.goals[0].competence, "B");
    assert_eq!(plan.unhelped, vec!["A".to_string()]);
}

#[test]
fn without_a_profile_or_anything_that_fits_there_is_no_plan() {
    assert_eq!(
        propose(&[], &ffions_catalogue(), minutes(60)),
        Err(NoPlan::NothingMeasured)
    );
    let unrated = vec![measured("EMAIL", None, None, 3)];
    assert_eq!(
        propose(&unrated, &ffions_catalogue(), minutes(60)),
        Err(NoPlan::NothingMeasured)
    );
    assert_eq!(
        propose(&ffion(), &[], minutes(60)),
        Err(NoPlan::NothingFits)
    );
    // Longer than twelve weeks of 15 minutes (180): it does not fit.
    let long = vec![activity(
        1,
        "LONG",
        ActivityKind::ELearning,
        200,
        &[("SEARCH", 3)],
    )];
    let people = vec![measured("SEARCH", Some(2), None, 3)];
    assert_eq!(
        propose(&people, &long, minutes(15)),
        Err(NoPlan::NothingFits)
    );
}

#[test]
fn weeks_start_on_monday_and_a_pause_moves_by_whole_weeks() {
    use time::macros::date;
    // 2 December 2026 is a Wednesday.
    assert_eq!(first_monday(date!(2026 - 12 - 02)), date!(2026 - 12 - 07));
    assert_eq!(first_monday(date!(2026 - 12 - 07)), date!(2026 - 12 - 07));
    let starts = date!(2026 - 12 - 07);
    assert_eq!(week_of(starts, date!(2026 - 12 - 06)), -1);
    assert_eq!(week_of(starts, date!(2026 - 12 - 13)), 0);
    assert_eq!(week_of(starts, date!(2026 - 12 - 14)), 1);
    assert_eq!(
        week_days(starts, 11),
        (date!(2027 - 02 - 22), date!(2027 - 02 - 28))
    );
    assert_eq!(
        weeks_paused(date!(2027 - 01 - 04), date!(2027 - 01 - 04)),
        0
    );
    assert_eq!(
        weeks_paused(date!(2027 - 01 - 04), date!(2027 - 01 - 05)),
        1
    );
    assert_eq!(
        weeks_paused(date!(2027 - 01 - 04), date!(2027 - 01 - 18)),
        2
    );
    assert_eq!(
        weeks_paused(date!(2027 - 01 - 04), date!(2027 - 01 - 19)),
        3
    );
}

#[test]
fn a_plan_is_behind_once_a_step_is_late_by_a_week() {
    let steps = [(0, true), (2, false), (5, false)];
    assert_eq!(
        Progress::of(PlanStatus::Agreed, &steps, 2),
        Progress::OnTrack
    );
    assert_eq!(
        Progress::of(PlanStatus::Agreed, &steps, 3),
        Progress::Behind
    );
    assert_eq!(
        Progress::of(PlanStatus::Proposed, &steps, 9),
        Progress::ToAgree
    );
    assert_eq!(
        Progress::of(PlanStatus::Paused, &steps, 9),
        Progress::Paused
    );
    assert_eq!(
        Progress::of(PlanStatus::Finished, &steps, 9),
        Progress::Finished
    );
}

// ---- Steps chosen by hand --------------------------------------------------------------------

fn placing<'a>(used: &'a [ActivityKind]) -> Placing<'a> {
    Placing {
        competence: "SAFE-2",
        goal_level: 3,
        weekly: minutes(45),
        weeks: 12,
        used,
    }
}

#[test]
fn a_chosen_guide_goes_in_the_week_given_and_says_it_was_chosen() {
    // 20 minutes fit one week of 45; the guide builds SAFE-2 to level 2, short of the goal's 3;
    // the plan has a video already, so a guide is a new kind of learning.
    let guide = activity(1, "G-1", ActivityKind::Guide, 20, &[("SAFE-2", 2)]);
    let step = chosen_step(&guide, None, 4, placing(&[ActivityKind::Video])).unwrap();
    assert_eq!(
        step,
        ChosenStep {
            first_week: 4,
            last_week: 4,
            minutes: 20,
            reason: StepReason {
                reaches_goal: false,
                level: 2,
                minutes: 20,
                new_format: true,
                place: StepPlace::OwnTime { weeks: 1 },
                chosen: true,
            },
        }
    );
}

#[test]
fn a_chosen_long_course_spreads_over_the_weeks_its_minutes_take_and_must_end_in_the_plan() {
    // 100 minutes at 45 a week: 45 + 45 + 10, three weeks from week 9 (the tenth) are weeks
    // 9, 10 and 11, the plan's last; from week 10 it would run into a thirteenth week.
    let elearning = activity(2, "E-1", ActivityKind::ELearning, 100, &[("SAFE-2", 3)]);
    let step = chosen_step(&elearning, None, 9, placing(&[ActivityKind::ELearning])).unwrap();
    assert_eq!((step.first_week, step.last_week), (9, 11));
    assert_eq!(step.reason.place, StepPlace::OwnTime { weeks: 3 });
    assert!(step.reason.reaches_goal);
    assert!(!step.reason.new_format);
    assert_eq!(
        chosen_step(&elearning, None, 10, placing(&[])),
        Err(NotPlaced::OutsideWeeks)
    );
    // A plan paused for two weeks has fourteen.
    let longer = Placing {
        weeks: 14,
        ..placing(&[])
    };
    assert_eq!(
        chosen_step(&elearning, None, 10, longer).map(|s| s.last_week),
        Ok(12)
    );
}

#[test]
fn a_chosen_session_keeps_its_week_and_is_refused_full_off_goal_or_without_a_session() {
    let mut course = activity(3, "C-1", ActivityKind::Course, 120, &[("SAFE-2", 4)]);
    let own = session(31, 6, Nearness::OwnSite, Some("Pwllheli"), false);
    let full = session(32, 7, Nearness::OwnSite, Some("Pwllheli"), true);
    course.sessions = vec![own.clone(), full.clone()];
    // The week given is ignored: the session's date decides.
    let step = chosen_step(&course, Some(&own), 0, placing(&[])).unwrap();
    assert_eq!((step.first_week, step.last_week), (6, 6));
    assert_eq!(
        step.reason.place,
        StepPlace::OwnSite {
            site: "Pwllheli".into(),
            starts_at: 1_000_000 + 6 * 604_800
        }
    );
    assert_eq!(
        chosen_step(&course, Some(&full), 0, placing(&[])),
        Err(NotPlaced::Full)
    );
    assert_eq!(
        chosen_step(&course, None, 0, placing(&[])),
        Err(NotPlaced::NeedsSession)
    );
    let other = Placing {
        competence: "DATA-1",
        ..placing(&[])
    };
    assert_eq!(
        chosen_step(&course, Some(&own), 0, other),
        Err(NotPlaced::OffGoal)
    );
    let late = session(33, 12, Nearness::Online, None, false);
    assert_eq!(
        chosen_step(&course, Some(&late), 0, placing(&[])),
        Err(NotPlaced::OutsideWeeks)
    );
}
