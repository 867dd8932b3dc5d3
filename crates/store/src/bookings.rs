//! Sessions of the catalogue's scheduled activities and the people booked on them: taking a
//! place (exactly one person gets the last one, however many ask at once), waiting for one,
//! cancelling (which offers the place to whoever has waited longest), and attendance.

use crate::email_claims::{ClaimTable, Key};
use crate::{Fields, Result, Store, StoreError, now};
use skillgym_domain::learning::Booking;
use skillgym_domain::{ActivityId, OrganisationId, PersonId, SessionId, SiteId};
use sqlx::{AnyConnection, Row};

/// What it takes to schedule a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub starts_at: i64,
    pub ends_at: i64,
    /// `None`: online.
    pub site: Option<SiteId>,
    pub capacity: u32,
}

/// A session as stored, with its site and how full it is.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivitySession {
    pub id: SessionId,
    pub activity: ActivityId,
    pub starts_at: i64,
    pub ends_at: i64,
    /// `None` online.
    pub site: Option<SessionSite>,
    pub capacity: u32,
    pub booked: u32,
    pub waiting: u32,
}

/// The site a session is at.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSite {
    pub id: SiteId,
    pub name: String,
    /// (latitude, longitude), when the site has them.
    pub at: Option<(f64, f64)>,
}

/// Someone's booking on a session, for its attendance list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booked {
    pub person: PersonId,
    pub name: String,
    pub status: Booking,
    pub attended: Option<bool>,
}

const SESSION_COLUMNS: &str = "s.id, s.activity_id, s.starts_at, s.ends_at, s.site_id, \
     t.name AS site_name, t.latitude, t.longitude, s.capacity, s.booked, \
     (SELECT COUNT(*) FROM session_bookings b WHERE b.session_id = s.id \
         AND b.status = 'waiting') AS waiting";

fn session_from(row: &(impl Fields + ?Sized)) -> Result<ActivitySession> {
    let site: Option<i64> = row.field("site_id")?;
    let at = match (
        row.field::<Option<f64>>("latitude")?,
        row.field::<Option<f64>>("longitude")?,
    ) {
        (Some(lat), Some(long)) => Some((lat, long)),
        _ => None,
    };
    let count = |column: &str| -> Result<u32> {
        let n: i64 = row.field(column)?;
        u32::try_from(n).map_err(|_| StoreError::Corrupt(format!("session {column}")))
    };
    Ok(ActivitySession {
        id: SessionId(row.field("id")?),
        activity: ActivityId(row.field("activity_id")?),
        starts_at: row.field("starts_at")?,
        ends_at: row.field("ends_at")?,
        site: match site {
            Some(id) => Some(SessionSite {
                id: SiteId(id),
                name: row.field("site_name")?,
                at,
            }),
            None => None,
        },
        capacity: count("capacity")?,
        booked: count("booked")?,
        waiting: count("waiting")?,
    })
}

fn status(text: &str, ahead: u32) -> Result<Booking> {
    match text {
        "booked" => Ok(Booking::Booked),
        "waiting" => Ok(Booking::Waiting(ahead)),
        "cancelled" => Ok(Booking::Cancelled),
        other => Err(StoreError::Corrupt(format!("booking status {other}"))),
    }
}

impl Store {
    /// Schedules a session of `org`'s activity. `NotFound` when the activity or the site is
    /// not `org`'s.
    pub async fn schedule_session(
        &self,
        org: OrganisationId,
        activity: ActivityId,
        new: &NewSession,
    ) -> Result<SessionId> {
        self.activity(org, activity).await?;
        if let Some(site) = new.site {
            let found: Option<i64> =
                sqlx::query_scalar("SELECT id FROM sites WHERE id = $1 AND organisation_id = $2")
                    .bind(site.0)
                    .bind(org.0)
                    .fetch_optional(&self.pool)
                    .await?;
            found.ok_or(StoreError::NotFound)?;
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO activity_sessions \
                 (organisation_id, activity_id, starts_at, ends_at, site_id, capacity, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(org.0)
        .bind(activity.0)
        .bind(new.starts_at)
        .bind(new.ends_at)
        .bind(new.site.map(|s| s.0))
        .bind(i64::from(new.capacity))
        .bind(now())
        .fetch_one(&self.pool)
        .await?;
        Ok(SessionId(id))
    }

    /// The sessions of `org`'s activity that have not ended by `after`, soonest first.
    pub async fn sessions_of(
        &self,
        org: OrganisationId,
        activity: ActivityId,
        after: i64,
    ) -> Result<Vec<ActivitySession>> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM activity_sessions s \
             LEFT JOIN sites t ON t.id = s.site_id \
             WHERE s.organisation_id = $1 AND s.activity_id = $2 AND s.ends_at > $3 \
             ORDER BY s.starts_at, s.id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(activity.0)
            .bind(after)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(session_from).collect()
    }

    /// Every session of `org`'s starting from `from` to before `to`, with a place or not.
    pub async fn sessions_between(
        &self,
        org: OrganisationId,
        from: i64,
        to: i64,
    ) -> Result<Vec<ActivitySession>> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM activity_sessions s \
             LEFT JOIN sites t ON t.id = s.site_id \
             WHERE s.organisation_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3 \
             ORDER BY s.starts_at, s.id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(from)
            .bind(to)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(session_from).collect()
    }

    /// One session of `org`'s.
    pub async fn session_of(&self, org: OrganisationId, id: SessionId) -> Result<ActivitySession> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM activity_sessions s \
             LEFT JOIN sites t ON t.id = s.site_id \
             WHERE s.organisation_id = $1 AND s.id = $2"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        session_from(&row)
    }

    /// Where `person` stands on session `id`, if they asked for a place.
    pub async fn booking_of(&self, id: SessionId, person: PersonId) -> Result<Option<Booking>> {
        let row = sqlx::query(
            "SELECT b.status, (SELECT COUNT(*) FROM session_bookings w \
                 WHERE w.session_id = b.session_id AND w.status = 'waiting' \
                   AND (w.asked_at < b.asked_at \
                        OR (w.asked_at = b.asked_at AND w.person_id < b.person_id))) AS ahead \
             FROM session_bookings b WHERE b.session_id = $1 AND b.person_id = $2",
        )
        .bind(id.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let ahead: i64 = row.try_get("ahead")?;
        status(&row.try_get::<String, _>("status")?, ahead as u32).map(Some)
    }

    /// `person` asks for a place on session `id` of `org`'s: booked while a place is free (the
    /// count of places taken is raised only while it is under the capacity, one booking at a
    /// time, so of two asking for the last place exactly one gets it), else waiting. Asking
    /// again changes nothing. `NotFound` when the session is not `org`'s or has started.
    pub async fn book_session(
        &self,
        org: OrganisationId,
        id: SessionId,
        person: PersonId,
    ) -> Result<Booking> {
        let mut tx = self.begin_write().await?;
        let started = hold(&mut tx, org, id).await?;
        if started.is_none_or(|at| at <= now()) {
            return Err(StoreError::NotFound);
        }
        let was: Option<String> = sqlx::query_scalar(
            "SELECT status FROM session_bookings WHERE session_id = $1 AND person_id = $2",
        )
        .bind(id.0)
        .bind(person.0)
        .fetch_optional(&mut *tx)
        .await?;
        if matches!(was.as_deref(), Some("booked" | "waiting")) {
            tx.commit().await?;
            return self
                .booking_of(id, person)
                .await?
                .ok_or(StoreError::NotFound);
        }
        let status = if take_place(&mut tx, id).await? {
            "booked"
        } else {
            "waiting"
        };
        sqlx::query(
            "INSERT INTO session_bookings (session_id, person_id, status, asked_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (session_id, person_id) \
             DO UPDATE SET status = excluded.status, asked_at = excluded.asked_at, \
                 attended = NULL",
        )
        .bind(id.0)
        .bind(person.0)
        .bind(status)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.booking_of(id, person)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// `person` gives up their place (or stops waiting). A place given up goes at once to whoever
    /// has waited longest, whose id this returns. `NotFound` unless they had asked.
    pub async fn cancel_booking(
        &self,
        org: OrganisationId,
        id: SessionId,
        person: PersonId,
    ) -> Result<Option<PersonId>> {
        let mut tx = self.begin_write().await?;
        hold(&mut tx, org, id).await?.ok_or(StoreError::NotFound)?;
        let was: Option<String> = sqlx::query_scalar(
            "SELECT status FROM session_bookings WHERE session_id = $1 AND person_id = $2",
        )
        .bind(id.0)
        .bind(person.0)
        .fetch_optional(&mut *tx)
        .await?;
        let was = was.ok_or(StoreError::NotFound)?;
        sqlx::query(
            "UPDATE session_bookings SET status = 'cancelled' \
             WHERE session_id = $1 AND person_id = $2",
        )
        .bind(id.0)
        .bind(person.0)
        .execute(&mut *tx)
        .await?;
        let mut offered = None;
        if was == "booked" {
            sqlx::query("UPDATE activity_sessions SET booked = booked - 1 WHERE id = $1")
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
            offered = offer_place(&mut tx, id).await?;
        }
        tx.commit().await?;
        Ok(offered)
    }

    /// Everyone who asked for a place on session `id` of `org`'s: booked first, then waiting
    /// in the order they asked, then those who cancelled.
    pub async fn bookings(&self, org: OrganisationId, id: SessionId) -> Result<Vec<Booked>> {
        self.session_of(org, id).await?;
        let rows = sqlx::query(
            "SELECT b.person_id, p.given_name || ' ' || p.family_name AS name, b.status, \
                 b.attended FROM session_bookings b JOIN people p ON p.id = b.person_id \
             WHERE b.session_id = $1 \
             ORDER BY CASE b.status WHEN 'booked' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, \
                 b.asked_at, b.person_id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        let mut ahead = 0;
        rows.iter()
            .map(|r| {
                let text: String = r.try_get("status")?;
                let booking = status(&text, ahead)?;
                if text == "waiting" {
                    ahead += 1;
                }
                let attended: Option<i64> = r.try_get("attended")?;
                Ok(Booked {
                    person: PersonId(r.try_get("person_id")?),
                    name: r.try_get("name")?,
                    status: booking,
                    attended: attended.map(|a| a != 0),
                })
            })
            .collect()
    }

    /// Records whether each person booked on session `id` came. `NotFound` when the session is
    /// not `org`'s.
    pub async fn mark_attendance(
        &self,
        org: OrganisationId,
        id: SessionId,
        came: &[(PersonId, bool)],
    ) -> Result<()> {
        self.session_of(org, id).await?;
        let mut tx = self.begin_write().await?;
        for (person, attended) in came {
            sqlx::query(
                "UPDATE session_bookings SET attended = $3 \
                 WHERE session_id = $1 AND person_id = $2 AND status = 'booked'",
            )
            .bind(id.0)
            .bind(person.0)
            .bind(i64::from(*attended))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Holds session `id` of `org`'s for the rest of the transaction (a write that changes
/// nothing: PostgreSQL locks the row, SQLite takes its one writer's lock before anything is
/// read), so that what the transaction reads of its bookings stays true until it commits; when
/// the session starts, or `None` when it is not `org`'s.
async fn hold(conn: &mut AnyConnection, org: OrganisationId, id: SessionId) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "UPDATE activity_sessions SET booked = booked WHERE id = $1 AND organisation_id = $2 \
         RETURNING starts_at",
    )
    .bind(id.0)
    .bind(org.0)
    .fetch_optional(&mut *conn)
    .await?)
}

/// A session someone has a place on, with its activity's title, for their calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct BookedSession {
    pub session: ActivitySession,
    pub title: skillgym_domain::audit::Localised,
    pub summary: skillgym_domain::audit::Localised,
}

fn booked_from(r: &(impl Fields + ?Sized)) -> Result<BookedSession> {
    use skillgym_domain::audit::Localised;
    Ok(BookedSession {
        session: session_from(r)?,
        title: Localised::new(r.field::<String>("title_en")?, r.field("title_cy")?),
        summary: Localised::new(r.field::<String>("summary_en")?, r.field("summary_cy")?),
    })
}

impl Store {
    /// The sessions `person` has a place on that end after `since`, soonest first. Read on the
    /// calling thread on a SQLite file: the home page lists them.
    pub async fn booked_sessions(
        &self,
        org: OrganisationId,
        person: PersonId,
        since: i64,
    ) -> Result<Vec<BookedSession>> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS}, a.title_en, a.title_cy, a.summary_en, a.summary_cy \
             FROM session_bookings b JOIN activity_sessions s ON s.id = b.session_id \
             JOIN activities a ON a.id = s.activity_id \
             LEFT JOIN sites t ON t.id = s.site_id \
             WHERE s.organisation_id = $1 AND b.person_id = $2 AND b.status = 'booked' \
               AND s.ends_at > $3 \
             ORDER BY s.starts_at, s.id"
        );
        if let Some(inline) = &self.inline {
            return inline.read(|conn| {
                let args: [&dyn rusqlite::ToSql; 3] = [&org.0, &person.0, &since];
                crate::inline::rows(conn, &sql, &args, |r| booked_from(r))
            });
        }
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(person.0)
            .bind(since)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(booked_from).collect()
    }

    /// Gives `person` a calendar feed whose token hashes to `token_hash`, replacing any they
    /// had (whose address then stops working).
    pub async fn renew_calendar_feed(
        &self,
        org: OrganisationId,
        person: PersonId,
        token_hash: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO calendar_feeds (person_id, organisation_id, token_hash, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (person_id) \
             DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
        )
        .bind(person.0)
        .bind(org.0)
        .bind(token_hash)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// When `person`'s calendar feed was made, if they have one.
    pub async fn calendar_feed_made(&self, person: PersonId) -> Result<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT created_at FROM calendar_feeds WHERE person_id = $1")
                .bind(person.0)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Whose calendar feed the token hashing to `token_hash` opens: nobody's once they have
    /// left (their access ended).
    pub async fn calendar_feed_owner(
        &self,
        token_hash: &str,
    ) -> Result<Option<(OrganisationId, PersonId)>> {
        let row = sqlx::query(
            "SELECT f.organisation_id, f.person_id FROM calendar_feeds f \
             JOIN people p ON p.id = f.person_id \
             WHERE f.token_hash = $1 AND p.access_ended_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok((
                OrganisationId(r.try_get("organisation_id")?),
                PersonId(r.try_get("person_id")?),
            ))
        })
        .transpose()
    }
}

/// The job that reminds people booked on a session the day before.
pub const SESSION_REMINDER_JOB: crate::Job = crate::Job {
    name: "session-reminders",
    every: 15 * 60,
};

/// A claim on a reminder older than this, neither sent nor failed, was abandoned.
const REMINDER_CLAIM_STALE_SECS: i64 = 15 * 60;

const REMINDERS: ClaimTable = ClaimTable {
    table: "session_reminders",
    keys: ["session_id", "person_id"],
    stale_secs: REMINDER_CLAIM_STALE_SECS,
};

/// Someone to remind of a session they have a place on.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionReminder {
    pub session: ActivitySession,
    pub person: PersonId,
    pub email: String,
    pub given_name: String,
    /// Their account's language, else their organisation's main one.
    pub language: String,
    pub title: skillgym_domain::audit::Localised,
}

impl Store {
    /// Everyone with an email who has a place on a session starting in `[from, to)` and has
    /// not been reminded of it (or whose reminder failed and may be tried again).
    pub async fn reminders_due(&self, from: i64, to: i64) -> Result<Vec<SessionReminder>> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS}, b.person_id, p.email, p.given_name, \
                 COALESCE(c.language, o.main_language) AS language, a.title_en, a.title_cy \
             FROM activity_sessions s JOIN session_bookings b ON b.session_id = s.id \
             JOIN people p ON p.id = b.person_id \
             JOIN organisations o ON o.id = s.organisation_id \
             JOIN activities a ON a.id = s.activity_id \
             LEFT JOIN accounts c ON c.person_id = p.id \
             LEFT JOIN sites t ON t.id = s.site_id \
             WHERE s.starts_at >= $1 AND s.starts_at < $2 AND b.status = 'booked' \
               AND p.email IS NOT NULL AND p.access_ended_at IS NULL \
               AND NOT EXISTS (SELECT 1 FROM session_reminders r \
                   WHERE r.session_id = s.id AND r.person_id = b.person_id \
                     AND (r.sent_at IS NOT NULL OR r.claimed_at > $3)) \
             ORDER BY s.starts_at, s.id, b.person_id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(from)
            .bind(to)
            .bind(now() - REMINDER_CLAIM_STALE_SECS)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(SessionReminder {
                    session: session_from(r)?,
                    person: PersonId(r.try_get("person_id")?),
                    email: r.try_get("email")?,
                    given_name: r.try_get("given_name")?,
                    language: r.try_get("language")?,
                    title: skillgym_domain::audit::Localised::new(
                        r.try_get::<String, _>("title_en")?,
                        r.try_get("title_cy")?,
                    ),
                })
            })
            .collect()
    }

    /// Claims the reminder of `person` about `session` for this sender: `false` when another
    /// has it (sent, or claimed recently), so that it goes once however many instances run.
    pub async fn claim_session_reminder(
        &self,
        session: SessionId,
        person: PersonId,
    ) -> Result<bool> {
        REMINDERS
            .claim(&self.pool, [Key::Int(session.0), Key::Int(person.0)], None)
            .await
    }

    /// Records how a claimed reminder went: sent, or failed with the reason (it may be claimed
    /// again once its claim is stale).
    pub async fn finish_session_reminder(
        &self,
        session: SessionId,
        person: PersonId,
        outcome: std::result::Result<(), &str>,
    ) -> Result<()> {
        REMINDERS
            .finish(
                &self.pool,
                [Key::Int(session.0), Key::Int(person.0)],
                outcome,
            )
            .await
    }
}

/// Takes one place on session `id` if one is free: one conditional update of its count, which
/// PostgreSQL runs one at a time for the row (a second waits for the first to commit, then
/// checks the count again) and SQLite runs one writer at a time.
async fn take_place(conn: &mut AnyConnection, id: SessionId) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE activity_sessions SET booked = booked + 1 WHERE id = $1 AND booked < capacity",
    )
    .bind(id.0)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a place on session `id` that has just come free to whoever has waited longest, if
/// anyone is waiting; their id.
async fn offer_place(conn: &mut AnyConnection, id: SessionId) -> Result<Option<PersonId>> {
    let next: Option<i64> = sqlx::query_scalar(
        "SELECT person_id FROM session_bookings \
         WHERE session_id = $1 AND status = 'waiting' ORDER BY asked_at, person_id LIMIT 1",
    )
    .bind(id.0)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(next) = next else { return Ok(None) };
    if !take_place(conn, id).await? {
        return Ok(None);
    }
    sqlx::query(
        "UPDATE session_bookings SET status = 'booked' WHERE session_id = $1 AND person_id = $2",
    )
    .bind(id.0)
    .bind(next)
    .execute(&mut *conn)
    .await?;
    Ok(Some(PersonId(next)))
}

/// Gives up the places of `people` on sessions still to come, and their places on waiting
/// lists, as when they leave or are erased: each place goes to whoever waited longest. With
/// `erasing`, their places on past sessions are taken off the sessions' counts too (the
/// bookings themselves go with the people).
pub(crate) async fn give_up_places(
    conn: &mut AnyConnection,
    people: &[i64],
    erasing: bool,
) -> Result<()> {
    if people.is_empty() {
        return Ok(());
    }
    let at = now();
    // Ids read from the database, not text from anyone.
    let list = people
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let held = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT b.session_id, b.person_id, b.status, s.starts_at FROM session_bookings b \
         JOIN activity_sessions s ON s.id = b.session_id \
         WHERE b.person_id IN ({list}) AND b.status IN ('booked', 'waiting') \
         ORDER BY b.session_id, b.person_id"
    )))
    .fetch_all(&mut *conn)
    .await?;
    for row in held {
        let session = SessionId(row.try_get("session_id")?);
        let person: i64 = row.try_get("person_id")?;
        let booked = row.try_get::<String, _>("status")? == "booked";
        let to_come = row.try_get::<i64, _>("starts_at")? > at;
        if !to_come && !erasing {
            continue;
        }
        sqlx::query(
            "UPDATE session_bookings SET status = 'cancelled' \
             WHERE session_id = $1 AND person_id = $2",
        )
        .bind(session.0)
        .bind(person)
        .execute(&mut *conn)
        .await?;
        if booked {
            sqlx::query("UPDATE activity_sessions SET booked = booked - 1 WHERE id = $1")
                .bind(session.0)
                .execute(&mut *conn)
                .await?;
            if to_come {
                offer_place(conn, session).await?;
            }
        }
    }
    Ok(())
}
