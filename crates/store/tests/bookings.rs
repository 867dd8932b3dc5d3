//! Booking places on a session: of many asking at once for the last place exactly one gets it,
//! the others wait in the order they asked, and a place given up goes to whoever waited
//! longest. On both databases.

use skillgym_domain::learning::Booking;
use skillgym_domain::{OrganisationId, PersonId};
use skillgym_store::NewSession;
use skillgym_test_db::{Backend, TestDb, both_backends};

async fn demo_store(backend: Backend) -> (TestDb, OrganisationId) {
    TestDb::with_demo(backend, 40, 5).await
}

both_backends!(
    of_many_asking_at_once_for_the_last_place_exactly_one_gets_it,
    a_place_given_up_goes_to_whoever_waited_longest,
    a_leavers_place_goes_to_whoever_waited_and_an_erased_persons_frees_its_count,
);

async fn people(db: &TestDb, org: OrganisationId) -> Vec<PersonId> {
    let mut ids: Vec<PersonId> = db
        .store
        .person_ids(org)
        .await
        .unwrap()
        .into_values()
        .collect();
    ids.sort();
    ids
}

async fn session(db: &TestDb, org: OrganisationId, capacity: u32) -> skillgym_domain::SessionId {
    let activity = db.store.catalogue(org).await.unwrap()[0].id;
    let starts_at = skillgym_store::now() + 7 * 86_400;
    db.store
        .schedule_session(
            org,
            activity,
            &NewSession {
                starts_at,
                ends_at: starts_at + 3600,
                site: None,
                capacity,
            },
        )
        .await
        .unwrap()
}

async fn of_many_asking_at_once_for_the_last_place_exactly_one_gets_it(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let id = session(&db, org, 1).await;
    let people = people(&db, org).await;
    let asking = &people[..20];
    let answers =
        futures_util::future::join_all(asking.iter().map(|p| db.store.book_session(org, id, *p)))
            .await;
    let answers: Vec<Booking> = answers.into_iter().map(Result::unwrap).collect();
    assert_eq!(
        answers.iter().filter(|b| **b == Booking::Booked).count(),
        1,
        "{answers:?}"
    );
    let s = db.store.session_of(org, id).await.unwrap();
    assert_eq!((s.booked, s.waiting), (1, 19));
    // Each of the others waits, each in a place of their own in the queue.
    let mut places: Vec<u32> = Vec::new();
    for p in asking {
        if let Some(Booking::Waiting(n)) = db.store.booking_of(id, *p).await.unwrap() {
            places.push(n);
        }
    }
    places.sort();
    assert_eq!(places, (0..19).collect::<Vec<_>>());
    // Asking again changes nothing.
    let again = db.store.book_session(org, id, asking[0]).await.unwrap();
    assert_eq!(again, answers[0]);
    assert_eq!(db.store.session_of(org, id).await.unwrap().booked, 1);
}

async fn a_place_given_up_goes_to_whoever_waited_longest(backend: Backend) {
    let (db, org) = demo_store(backend).await;
    let id = session(&db, org, 2).await;
    let people = people(&db, org).await;
    let (a, b, c, d) = (people[0], people[1], people[2], people[3]);
    for (p, expected) in [
        (a, Booking::Booked),
        (b, Booking::Booked),
        (c, Booking::Waiting(0)),
        (d, Booking::Waiting(1)),
    ] {
        assert_eq!(db.store.book_session(org, id, p).await.unwrap(), expected);
    }
    // A gives up their place: C, who asked first of those waiting, gets it; D moves up.
    assert_eq!(db.store.cancel_booking(org, id, a).await.unwrap(), Some(c));
    assert_eq!(
        db.store.booking_of(id, c).await.unwrap(),
        Some(Booking::Booked)
    );
    assert_eq!(
        db.store.booking_of(id, d).await.unwrap(),
        Some(Booking::Waiting(0))
    );
    assert_eq!(
        db.store.booking_of(id, a).await.unwrap(),
        Some(Booking::Cancelled)
    );
    // Someone waiting who gives up frees no place.
    assert_eq!(db.store.cancel_booking(org, id, d).await.unwrap(), None);
    let s = db.store.session_of(org, id).await.unwrap();
    assert_eq!((s.booked, s.waiting), (2, 0));
    // A asks again: no place is free, so they wait.
    assert_eq!(
        db.store.book_session(org, id, a).await.unwrap(),
        Booking::Waiting(0)
    );
    // Attendance is kept for those booked only.
    db.store
        .mark_attendance(org, id, &[(b, true), (c, false), (a, true)])
        .await
        .unwrap();
    let list = db.store.bookings(org, id).await.unwrap();
    let came = |p: PersonId| list.iter().find(|x| x.person == p).unwrap().attended;
    assert_eq!((came(b), came(c), came(a)), (Some(true), Some(false), None));
    // Another organisation's session cannot be booked or cancelled from this one.
    let other = db
        .store
        .seed_demo(
            &skillgym_domain::demo::generate(&skillgym_domain::demo::DemoOptions {
                people: 20,
                seed: 3,
                ..Default::default()
            })
            .renamed("Bro", "Bro", "bro.example"),
            "x",
            &|_| {},
        )
        .await
        .unwrap()
        .id;
    assert!(db.store.book_session(other, id, a).await.is_err());
    assert!(db.store.cancel_booking(other, id, b).await.is_err());
}

async fn a_leavers_place_goes_to_whoever_waited_and_an_erased_persons_frees_its_count(
    backend: Backend,
) {
    let (db, org) = demo_store(backend).await;
    let id = session(&db, org, 1).await;
    let people = people(&db, org).await;
    let (a, b) = (people[0], people[1]);
    db.store.book_session(org, id, a).await.unwrap();
    assert_eq!(
        db.store.book_session(org, id, b).await.unwrap(),
        Booking::Waiting(0)
    );
    // A leaves today: their access ends, and their place is B's.
    let today = time::OffsetDateTime::now_utc().date();
    db.store.set_left_on(org, a, Some(today)).await.unwrap();
    assert_eq!(
        db.store.booking_of(id, a).await.unwrap(),
        Some(Booking::Cancelled)
    );
    assert_eq!(
        db.store.booking_of(id, b).await.unwrap(),
        Some(Booking::Booked)
    );
    assert_eq!(db.store.session_of(org, id).await.unwrap().booked, 1);
    // B is erased: nobody holds the place, and nothing of B's booking is left.
    db.store
        .erase_person(org, b, skillgym_store::Actor::System)
        .await
        .unwrap();
    let s = db.store.session_of(org, id).await.unwrap();
    assert_eq!((s.booked, s.waiting), (0, 0));
    assert!(
        db.store
            .bookings(org, id)
            .await
            .unwrap()
            .iter()
            .all(|x| x.person != b)
    );
}
