//! Sessions of catalogue activities: a trainer schedules them in UK time, people book or wait,
//! a place given up goes to whoever waited, sessions at a person's own library come first, and
//! the trainer marks who came.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::learning::Booking;
use skillgym_domain::{ActivityId, Email, PersonId, SessionId};
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    a_trainer_schedules_sessions_in_uk_time_and_mistakes_are_explained,
    people_book_wait_and_a_place_given_up_goes_to_whoever_waited,
    bookings_are_calendars_at_the_uk_time_either_side_of_the_clocks_changing,
    everyone_with_a_place_is_reminded_the_day_before_once_whatever_the_instances,
);

async fn person(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

/// An activity of the demo catalogue with no sessions yet.
async fn activity(app: &TestApp) -> ActivityId {
    let store = app.store();
    for a in store.catalogue(app.org).await.unwrap() {
        if store
            .sessions_of(app.org, a.id, 0)
            .await
            .unwrap()
            .is_empty()
        {
            return a.id;
        }
    }
    panic!("an activity without sessions")
}

/// A date in July two years on: summer time, whatever today is.
fn summer_date() -> String {
    let year = time::OffsetDateTime::now_utc().year() + 2;
    format!("{year}-07-01")
}

async fn a_trainer_schedules_sessions_in_uk_time_and_mistakes_are_explained(backend: Backend) {
    let app = spawn_app(backend).await;
    let trainer = app.signed_in("trainer@afon.example").await;
    let activity = activity(&app).await;
    let path = format!("/learning/{activity}/sessions/new");
    let form = app.page(&trainer, &path).await;
    assert!(form.contains("name=\"place\" value=\"online\""));

    // Mistakes: each field named, nothing scheduled.
    let refused = app
        .post(
            &trainer,
            &path,
            &[
                ("date", "2020-01-01"),
                ("starts", "25:00"),
                ("ends", "10:00"),
                ("capacity", "0"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    for field in ["starts", "place", "capacity"] {
        assert!(html.contains(&format!("href=\"#{field}\"")), "{field}");
    }
    // A time the clocks skip: 01:30 on the last Sunday of March.
    let year = time::OffsetDateTime::now_utc().year() + 1;
    let mut march = time::Date::from_calendar_date(year, time::Month::March, 31).unwrap();
    while march.weekday() != time::Weekday::Sunday {
        march = march.previous_day().unwrap();
    }
    let skipped = app
        .post(
            &trainer,
            &path,
            &[
                ("date", &march.to_string()),
                ("starts", "01:30"),
                ("ends", "03:00"),
                ("place", "online"),
                ("capacity", "5"),
            ],
        )
        .await;
    assert_eq!(skipped.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        skipped
            .text()
            .await
            .unwrap()
            .contains("The clocks go forward over this time that day")
    );
    assert!(
        app.store()
            .sessions_of(app.org, activity, 0)
            .await
            .unwrap()
            .is_empty()
    );

    // 10:00 to 11:30 on 1 July, UK time: 09:00 UTC, shown as 10:00.
    let date = summer_date();
    let response = app
        .post(
            &trainer,
            &path,
            &[
                ("date", date.as_str()),
                ("starts", "10:00"),
                ("ends", "11:30"),
                ("place", "online"),
                ("capacity", "12"),
            ],
        )
        .await;
    assert_eq!(
        location(&response),
        format!("/learning/{activity}#sessions")
    );
    let stored = &app.store().sessions_of(app.org, activity, 0).await.unwrap()[0];
    let expected = time::PrimitiveDateTime::new(
        skillgym_domain::people::parse_date(&date).unwrap(),
        time::macros::time!(09:00),
    )
    .assume_utc()
    .unix_timestamp();
    assert_eq!(stored.starts_at, expected);
    assert_eq!(stored.ends_at - stored.starts_at, 90 * 60);
    let page = app.page(&trainer, &format!("/learning/{activity}")).await;
    assert!(page.contains("10:00 to 11:30") && page.contains("12 places left of 12"));
}

async fn people_book_wait_and_a_place_given_up_goes_to_whoever_waited(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let activity = activity(&app).await;
    let learner_id = person(&app, "learner@afon.example").await;
    let manager_id = person(&app, "manager@afon.example").await;
    let learners_site = store.person(app.org, learner_id).await.unwrap().sites[0].0;
    let starts_at = skillgym_store::now() + 14 * 86_400;
    let schedule = async |days: i64, site, capacity| -> SessionId {
        let new = skillgym_store::NewSession {
            starts_at: starts_at + days * 86_400,
            ends_at: starts_at + days * 86_400 + 3600,
            site,
            capacity,
        };
        store
            .schedule_session(app.org, activity, &new)
            .await
            .unwrap()
    };
    // An online session first in time, then one with one place at the learner's library.
    let online = schedule(0, None, 10).await;
    let at_their_library = schedule(7, Some(learners_site), 1).await;

    let learner = app.signed_in("learner@afon.example").await;
    let page = app.page(&learner, &format!("/learning/{activity}")).await;
    let (own, remote) = (
        page.find(&format!("id=\"session-{at_their_library}\""))
            .unwrap(),
        page.find(&format!("id=\"session-{online}\"")).unwrap(),
    );
    assert!(own < remote, "their own library's session comes first");
    assert!(page.contains("(your library)"));

    let book = format!("/learning/sessions/{at_their_library}/book");
    let response = app.post(&learner, &book, &[]).await;
    assert_eq!(
        location(&response),
        format!("/learning/{activity}?session=booked#sessions")
    );
    assert!(
        app.page(&learner, &format!("/learning/{activity}"))
            .await
            .contains("You have a place.")
    );
    // The only place is taken: the manager waits.
    let manager = app.signed_in("manager@afon.example").await;
    let response = app.post(&manager, &book, &[]).await;
    assert_eq!(
        location(&response),
        format!("/learning/{activity}?session=waiting#sessions")
    );
    let page = app.page(&manager, &format!("/learning/{activity}")).await;
    assert!(page.contains("You are next on the waiting list"));
    assert!(page.contains("Full: 1 person is waiting"));
    // The learner gives up their place: it is the manager's at once.
    app.post(
        &learner,
        &format!("/learning/sessions/{at_their_library}/cancel"),
        &[],
    )
    .await;
    assert_eq!(
        store
            .booking_of(at_their_library, manager_id)
            .await
            .unwrap(),
        Some(Booking::Booked)
    );
    assert_eq!(
        store
            .booking_of(at_their_library, learner_id)
            .await
            .unwrap(),
        Some(Booking::Cancelled)
    );

    // The trainer marks who came; another organisation's session is not theirs to see.
    let trainer = app.signed_in("trainer@afon.example").await;
    let list = app
        .page(&trainer, &format!("/learning/sessions/{at_their_library}"))
        .await;
    assert!(list.contains(&format!("value=\"{manager_id}\"")));
    let response = app
        .post(
            &trainer,
            &format!("/learning/sessions/{at_their_library}/attendance"),
            &[("came", &manager_id.to_string())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let came = store.bookings(app.org, at_their_library).await.unwrap();
    assert_eq!(
        came.iter()
            .find(|b| b.person == manager_id)
            .unwrap()
            .attended,
        Some(true)
    );
    let other = common::add_organisation(&app, "Bro Library Service", "bro.example").await;
    let theirs_activity = store.catalogue(other).await.unwrap()[0].id;
    let new = skillgym_store::NewSession {
        starts_at,
        ends_at: starts_at + 3600,
        site: None,
        capacity: 3,
    };
    let theirs = store
        .schedule_session(other, theirs_activity, &new)
        .await
        .unwrap();
    let response = app
        .post(&learner, &format!("/learning/sessions/{theirs}/book"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(store.booking_of(theirs, learner_id).await.unwrap(), None);
}

/// The events of an iCalendar file as Python's `icalendar` reads it: uid, summary, location,
/// the start in UTC and on the UK's clock (Europe/London).
fn read_calendar(body: &str) -> Vec<serde_json::Value> {
    let script = r#"
import icalendar, json, sys, zoneinfo
cal = icalendar.Calendar.from_ical(sys.stdin.read())
london = zoneinfo.ZoneInfo("Europe/London")
out = []
for e in cal.walk("VEVENT"):
    start = e.decoded("DTSTART")
    out.append({"uid": str(e["UID"]), "summary": str(e["SUMMARY"]),
                "location": str(e.get("LOCATION", "")),
                "utc": start.strftime("%Y-%m-%d %H:%M"),
                "uk": start.astimezone(london).strftime("%Y-%m-%d %H:%M")})
print(json.dumps(out))
"#;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (scripts/install-test-deps installs icalendar)");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

async fn bookings_are_calendars_at_the_uk_time_either_side_of_the_clocks_changing(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let activity = activity(&app).await;
    let title = store
        .activity(app.org, activity)
        .await
        .unwrap()
        .activity
        .title
        .en;
    // 10:00 on the UK's clock the day before summer time starts next year, and the day after.
    let year = time::OffsetDateTime::now_utc().year() + 1;
    let mut change = time::Date::from_calendar_date(year, time::Month::March, 31).unwrap();
    while change.weekday() != time::Weekday::Sunday {
        change = change.previous_day().unwrap();
    }
    let mut sessions = Vec::new();
    for day in [change.previous_day().unwrap(), change.next_day().unwrap()] {
        let ten = time::PrimitiveDateTime::new(day, time::macros::time!(10:00));
        let starts_at = skillgym_domain::uk_time::instant(ten).unwrap();
        let new = skillgym_store::NewSession {
            starts_at,
            ends_at: starts_at + 3600,
            site: None,
            capacity: 5,
        };
        sessions.push(
            store
                .schedule_session(app.org, activity, &new)
                .await
                .unwrap(),
        );
    }
    let learner = app.signed_in("learner@afon.example").await;
    for id in &sessions {
        app.post(&learner, &format!("/learning/sessions/{id}/book"), &[])
            .await;
    }
    // One booking as a file.
    let response = app
        .get(
            &learner,
            &format!("/learning/sessions/{}/calendar.ics", sessions[0]),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let events = read_calendar(&response.text().await.unwrap());
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["summary"], title.as_str());
    assert_eq!(events[0]["location"], "Online");
    assert_eq!(
        events[0]["uk"],
        format!("{} 10:00", change.previous_day().unwrap())
    );

    // The feed: both, at 10:00 on the UK's clock, an hour apart in UTC.
    let page = app
        .post(&learner, "/me/calendar", &[])
        .await
        .text()
        .await
        .unwrap();
    let start = page.find(&format!("{}/calendar/", app.url)).unwrap();
    let address = page[start..start + page[start..].find('<').unwrap()].to_string();
    let outsider = common::browser();
    let feed = outsider.get(&address).send().await.unwrap();
    assert_eq!(feed.status(), StatusCode::OK);
    let events = read_calendar(&feed.text().await.unwrap());
    let times: Vec<(String, String)> = events
        .iter()
        .map(|e| {
            (
                e["uk"].as_str().unwrap().to_string(),
                e["utc"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let (before, after) = (change.previous_day().unwrap(), change.next_day().unwrap());
    assert_eq!(
        times,
        [
            (format!("{before} 10:00"), format!("{before} 10:00")),
            (format!("{after} 10:00"), format!("{after} 09:00")),
        ]
    );
    assert_eq!(
        events[0]["uid"],
        format!("session-{}@skillgym", sessions[0])
    );
    // Another's session is not theirs to download.
    let manager = app.signed_in("manager@afon.example").await;
    let response = app
        .get(
            &manager,
            &format!("/learning/sessions/{}/calendar.ics", sessions[0]),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // A new address stops the old one; leaving stops the new one.
    app.post(&learner, "/me/calendar", &[]).await;
    assert_eq!(
        outsider.get(&address).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    let page = app
        .post(&learner, "/me/calendar", &[])
        .await
        .text()
        .await
        .unwrap();
    let start = page.find(&format!("{}/calendar/", app.url)).unwrap();
    let address = page[start..start + page[start..].find('<').unwrap()].to_string();
    assert_eq!(
        outsider.get(&address).send().await.unwrap().status(),
        StatusCode::OK
    );
    let learner_id = person(&app, "learner@afon.example").await;
    let today = time::OffsetDateTime::now_utc().date();
    store
        .set_left_on(app.org, learner_id, Some(today))
        .await
        .unwrap();
    assert_eq!(
        outsider.get(&address).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
}

async fn everyone_with_a_place_is_reminded_the_day_before_once_whatever_the_instances(
    backend: Backend,
) {
    let smtp = common::smtp::SmtpServer::start().await;
    let config = skillgym_web::WebConfig {
        mailer: Some(smtp.mailer()),
        ..skillgym_web::WebConfig::default()
    };
    let app = common::spawn_app_with(backend, config).await;
    let store = app.store();
    let activity = activity(&app).await;
    let title = store
        .activity(app.org, activity)
        .await
        .unwrap()
        .activity
        .title
        .en;
    // The jobs run at noon tomorrow: after the job was first registered (at the real time,
    // which may be past today's noon), and early enough that the second run, a quarter of an
    // hour later, is still the same day (just before midnight it would remind of the day
    // after).
    let today =
        skillgym_domain::uk_time::local(skillgym_store::now()).date() + time::Duration::days(1);
    let now = skillgym_domain::uk_time::instant(time::PrimitiveDateTime::new(
        today,
        time::macros::time!(12:00),
    ))
    .unwrap();
    let at_ten = |days: i64| {
        let day = today + time::Duration::days(days);
        skillgym_domain::uk_time::instant(time::PrimitiveDateTime::new(
            day,
            time::macros::time!(10:00),
        ))
        .unwrap()
    };
    let schedule = async |starts_at: i64| {
        let new = skillgym_store::NewSession {
            starts_at,
            ends_at: starts_at + 3600,
            site: None,
            capacity: 2,
        };
        store
            .schedule_session(app.org, activity, &new)
            .await
            .unwrap()
    };
    let tomorrow = schedule(at_ten(1)).await;
    let later = schedule(at_ten(2)).await;
    let learner = person(&app, "learner@afon.example").await;
    let manager = person(&app, "manager@afon.example").await;
    let champion = person(&app, "champion@afon.example").await;
    for p in [learner, manager, champion] {
        store.book_session(app.org, tomorrow, p).await.unwrap();
    }
    store.book_session(app.org, later, champion).await.unwrap();

    // Two instances run the job at the same moment: one of them sends, once each.
    let mailer = smtp.mailer();
    let (a, b) = futures_util::future::join(
        skillgym_web::run_session_reminder_job(store, &mailer, &app.url, "one", now),
        skillgym_web::run_session_reminder_job(store, &mailer, &app.url, "two", now),
    )
    .await;
    let runs = [a.unwrap(), b.unwrap()];
    assert_eq!(runs.iter().flatten().count(), 1, "{runs:?}");
    let sent = runs.iter().flatten().next().unwrap();
    assert_eq!((sent.sent, sent.failed), (2, 0));
    // The next run sends nothing more.
    let again =
        skillgym_web::run_session_reminder_job(store, &mailer, &app.url, "two", now + 16 * 60)
            .await
            .unwrap();
    assert_eq!(again.map(|s| s.sent), Some(0));

    let messages = smtp.wait_for(2).await;
    assert_eq!(messages.len(), 2);
    let email = async |p: PersonId| store.person(app.org, p).await.unwrap().email.unwrap();
    let mut to: Vec<String> = messages.iter().map(|m| m.to.clone()).collect();
    to.sort();
    let mut expected = vec![email(learner).await, email(manager).await];
    expected.sort();
    assert_eq!(
        to, expected,
        "those with a place tomorrow, not the one waiting"
    );
    for m in &messages {
        assert_eq!(m.subject, format!("Tomorrow: {title}"));
        assert!(m.body.contains("10:00 to 11:00"), "{}", m.body);
        assert!(m.body.contains(&format!("{}/learning/{activity}", app.url)));
    }
}
