//! Horizon scanning: clippings (a link, a note, tags), the write-ups leads publish of a
//! period's clippings, and the one email to each member of staff announcing a write-up,
//! claimed before it goes (see `email_claims`).

use crate::audit_trail::insert_event;
use crate::email_claims::{ClaimTable, Key};
use crate::{Actor, AuditAction, NewAuditEvent, Result, Store, StoreError, now};
use skillgym_domain::comments::CommentOn;
use skillgym_domain::horizon::{Period, SynthesisDue, synthesis_due};
use skillgym_domain::people::{format_date, parse_date};
use skillgym_domain::{ClippingId, OrganisationId, PersonId, WriteUpId};
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::HashMap;

/// The job that emails everyone a newly published write-up.
pub const WRITE_UP_EMAIL_JOB: crate::Job = crate::Job {
    name: "horizon-write-ups",
    every: 5 * 60,
};

/// A write-up is announced only this soon after it is published: not to people added later,
/// nor for the demo's, which was published before anyone could be told.
pub const ANNOUNCE_WITHIN_SECS: i64 = 7 * 24 * 60 * 60;

/// A claim on an email older than this, neither sent nor failed, was abandoned.
const EMAIL_CLAIM_STALE_SECS: i64 = 30 * 60;

const EMAILS: ClaimTable = ClaimTable {
    table: "horizon_write_up_emails",
    keys: ["write_up_id", "person_id"],
    stale_secs: EMAIL_CLAIM_STALE_SECS,
};

/// The job that reminds the leads, every six months, that a synthesis is due.
pub const SYNTHESIS_REMINDER_JOB: crate::Job = crate::Job {
    name: "horizon-synthesis-reminders",
    every: 60 * 60,
};

const REMINDERS: ClaimTable = ClaimTable {
    table: "horizon_synthesis_reminders",
    keys: ["person_id", "due_on"],
    stale_secs: EMAIL_CLAIM_STALE_SECS,
};

/// A lead who has not had the reminder of a synthesis that is due.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthesisReminderDue {
    pub organisation: OrganisationId,
    pub due: SynthesisDue,
    pub person: PersonId,
    pub email: String,
    pub given_name: String,
    pub language: String,
}

/// A link someone clipped, with their note, tags and how many comments it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clipping {
    pub id: ClippingId,
    pub clipped_by: Option<PersonId>,
    /// Their name, while they are in the organisation.
    pub clipper: Option<String>,
    pub clipped_at: i64,
    pub url: String,
    pub note: String,
    /// Normalised, in the order given.
    pub tags: Vec<String>,
    pub comments: usize,
}

/// A clipping as someone gives it, already valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClipping {
    pub url: String,
    pub note: String,
    pub tags: Vec<String>,
}

/// A lead's write-up of a period's clippings, published to all staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteUp {
    pub id: WriteUpId,
    pub period: Period,
    pub title: String,
    pub body: String,
    pub written_by: Option<PersonId>,
    pub writer: Option<String>,
    pub published_at: i64,
}

/// Someone who has not had the email of a published write-up.
#[derive(Debug, Clone, PartialEq)]
pub struct WriteUpEmailDue {
    pub organisation: OrganisationId,
    pub write_up: WriteUpId,
    pub title: String,
    pub person: PersonId,
    pub email: String,
    pub given_name: String,
    pub language: String,
}

const SELECT_CLIPPING: &str = "SELECT h.id, h.clipped_by, h.clipped_at, h.url, h.note, \
         p.given_name || ' ' || p.family_name AS clipper, \
         (SELECT COUNT(*) FROM comments c WHERE c.organisation_id = h.organisation_id \
             AND c.kind = 'clipping' AND c.target_id = h.id) AS comments \
     FROM horizon_clippings h LEFT JOIN people p ON p.id = h.clipped_by";

fn clipping_from(r: &AnyRow) -> Result<Clipping> {
    Ok(Clipping {
        id: ClippingId(r.try_get("id")?),
        clipped_by: r.try_get::<Option<i64>, _>("clipped_by")?.map(PersonId),
        clipper: r.try_get("clipper")?,
        clipped_at: r.try_get("clipped_at")?,
        url: r.try_get("url")?,
        note: r.try_get("note")?,
        tags: Vec::new(),
        comments: r.try_get::<i64, _>("comments")? as usize,
    })
}

const SELECT_WRITE_UP: &str = "SELECT w.id, w.period_from, w.period_to, w.title, w.body, \
         w.written_by, w.published_at, p.given_name || ' ' || p.family_name AS writer \
     FROM horizon_write_ups w LEFT JOIN people p ON p.id = w.written_by";

fn write_up_from(r: &AnyRow) -> Result<WriteUp> {
    let day = |column: &str| -> Result<time::Date> {
        let text: String = r.try_get(column)?;
        parse_date(&text).map_err(|_| StoreError::Corrupt(format!("write-up {column} {text}")))
    };
    Ok(WriteUp {
        id: WriteUpId(r.try_get("id")?),
        period: Period {
            from: day("period_from")?,
            to: day("period_to")?,
        },
        title: r.try_get("title")?,
        body: r.try_get("body")?,
        written_by: r.try_get::<Option<i64>, _>("written_by")?.map(PersonId),
        writer: r.try_get("writer")?,
        published_at: r.try_get("published_at")?,
    })
}

async fn insert_tags(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    org: OrganisationId,
    id: i64,
    tags: &[String],
) -> Result<()> {
    for (position, tag) in tags.iter().enumerate() {
        sqlx::query(
            "INSERT INTO horizon_clipping_tags (organisation_id, clipping_id, tag, position) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(org.0)
        .bind(id)
        .bind(tag)
        .bind(position as i64)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

impl Store {
    /// Keeps `by`'s clipping, clipped now.
    pub async fn clip(
        &self,
        org: OrganisationId,
        by: PersonId,
        clipping: &NewClipping,
    ) -> Result<ClippingId> {
        self.clip_at(org, by, clipping, now()).await
    }

    /// Keeps `by`'s clipping as clipped at `at`: for history brought in from elsewhere (and
    /// tests of periods).
    pub async fn clip_at(
        &self,
        org: OrganisationId,
        by: PersonId,
        clipping: &NewClipping,
        at: i64,
    ) -> Result<ClippingId> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO horizon_clippings (organisation_id, clipped_by, clipped_at, url, note) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(org.0)
        .bind(by.0)
        .bind(at)
        .bind(&clipping.url)
        .bind(&clipping.note)
        .fetch_one(&mut *tx)
        .await?;
        insert_tags(&mut tx, org, id, &clipping.tags).await?;
        tx.commit().await?;
        Ok(ClippingId(id))
    }

    /// Fills in the tags of `clippings`.
    async fn with_tags(&self, org: OrganisationId, clippings: &mut [Clipping]) -> Result<()> {
        if clippings.is_empty() {
            return Ok(());
        }
        let placeholders: Vec<String> = (0..clippings.len())
            .map(|i| format!("${}", i + 2))
            .collect();
        let sql = format!(
            "SELECT clipping_id, tag FROM horizon_clipping_tags \
             WHERE organisation_id = $1 AND clipping_id IN ({}) ORDER BY clipping_id, position",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(org.0);
        for c in clippings.iter() {
            query = query.bind(c.id.0);
        }
        let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
        for r in query.fetch_all(&self.pool).await? {
            tags.entry(r.try_get("clipping_id")?)
                .or_default()
                .push(r.try_get("tag")?);
        }
        for c in clippings.iter_mut() {
            c.tags = tags.remove(&c.id.0).unwrap_or_default();
        }
        Ok(())
    }

    /// A page of the organisation's clippings, the latest first, only those tagged `tag` when
    /// it is not empty; and how many there are in all.
    pub async fn clippings(
        &self,
        org: OrganisationId,
        tag: &str,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<Clipping>, i64)> {
        const TAGGED: &str = "($2 = '' OR EXISTS (SELECT 1 FROM horizon_clipping_tags t \
             WHERE t.clipping_id = h.id AND t.tag = $2))";
        let sql = format!(
            "{SELECT_CLIPPING} WHERE h.organisation_id = $1 AND {TAGGED} \
             ORDER BY h.clipped_at DESC, h.id DESC LIMIT $3 OFFSET $4"
        );
        let mut clippings = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(tag)
            .bind(limit)
            .bind(offset)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(clipping_from)
            .collect::<Result<Vec<_>>>()?;
        self.with_tags(org, &mut clippings).await?;
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM horizon_clippings h WHERE h.organisation_id = $1 AND {TAGGED}"
        )))
        .bind(org.0)
        .bind(tag)
        .fetch_one(&self.pool)
        .await?;
        Ok((clippings, total))
    }

    /// One clipping of the organisation's. `NotFound` for another organisation's.
    pub async fn clipping(&self, org: OrganisationId, id: ClippingId) -> Result<Clipping> {
        let sql = format!("{SELECT_CLIPPING} WHERE h.organisation_id = $1 AND h.id = $2");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut clipping = [clipping_from(&row)?];
        self.with_tags(org, &mut clipping).await?;
        let [clipping] = clipping;
        Ok(clipping)
    }

    /// The clippings of `period` (on the UK's calendar, both days included), the first first.
    pub async fn clippings_in(&self, org: OrganisationId, period: Period) -> Result<Vec<Clipping>> {
        let (from, to) = period
            .bounds()
            .map_err(|e| StoreError::Corrupt(format!("period: {e}")))?;
        let sql = format!(
            "{SELECT_CLIPPING} WHERE h.organisation_id = $1 AND h.clipped_at >= $2 \
                 AND h.clipped_at < $3 ORDER BY h.clipped_at, h.id"
        );
        let mut clippings = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(from)
            .bind(to)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(clipping_from)
            .collect::<Result<Vec<_>>>()?;
        self.with_tags(org, &mut clippings).await?;
        Ok(clippings)
    }

    /// Every tag in use, with how many clippings have it, the most used first.
    pub async fn clipping_tags(&self, org: OrganisationId) -> Result<Vec<(String, usize)>> {
        let rows = sqlx::query(
            "SELECT tag, COUNT(*) AS n FROM horizon_clipping_tags WHERE organisation_id = $1 \
             GROUP BY tag ORDER BY COUNT(*) DESC, tag",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("tag")?, r.try_get::<i64, _>("n")? as usize)))
            .collect()
    }

    /// The clippings `person` made, the first first: for their data.
    pub async fn clippings_by(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<Clipping>> {
        let sql = format!(
            "{SELECT_CLIPPING} WHERE h.organisation_id = $1 AND h.clipped_by = $2 \
             ORDER BY h.clipped_at, h.id"
        );
        let mut clippings = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(person.0)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(clipping_from)
            .collect::<Result<Vec<_>>>()?;
        self.with_tags(org, &mut clippings).await?;
        Ok(clippings)
    }

    /// Removes clipping `id`, its tags and comments; in the audit trail, by its number.
    /// `NotFound` for another organisation's.
    pub async fn remove_clipping(
        &self,
        org: OrganisationId,
        id: ClippingId,
        by: PersonId,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "DELETE FROM horizon_clipping_tags WHERE organisation_id = $1 AND clipping_id = $2",
        )
        .bind(org.0)
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        let removed =
            sqlx::query("DELETE FROM horizon_clippings WHERE organisation_id = $1 AND id = $2")
                .bind(org.0)
                .bind(id.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if removed == 0 {
            return Err(StoreError::NotFound);
        }
        crate::comments::remove_all_on(&mut tx, org, CommentOn::Clipping(id)).await?;
        let event = NewAuditEvent::new(Actor::Person(by), AuditAction::ClippingRemoved, None)
            .with("clipping", id.0);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Publishes `by`'s write-up of `period`; in the audit trail. Everyone is emailed it by
    /// [`WRITE_UP_EMAIL_JOB`].
    pub async fn publish_write_up(
        &self,
        org: OrganisationId,
        period: Period,
        title: &str,
        body: &str,
        by: PersonId,
    ) -> Result<WriteUpId> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO horizon_write_ups (organisation_id, period_from, period_to, title, body, \
                 written_by, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(org.0)
        .bind(format_date(period.from))
        .bind(format_date(period.to))
        .bind(title)
        .bind(body)
        .bind(by.0)
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        let event = NewAuditEvent::new(Actor::Person(by), AuditAction::WriteUpPublished, None)
            .with("write-up", id);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(WriteUpId(id))
    }

    /// The write-ups published since `since`, the latest first (every one from 0).
    pub async fn write_ups(&self, org: OrganisationId, since: i64) -> Result<Vec<WriteUp>> {
        let sql = format!(
            "{SELECT_WRITE_UP} WHERE w.organisation_id = $1 AND w.published_at >= $2 \
             ORDER BY w.published_at DESC, w.id DESC"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(since)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(write_up_from)
            .collect()
    }

    /// One write-up of the organisation's. `NotFound` for another organisation's.
    pub async fn write_up(&self, org: OrganisationId, id: WriteUpId) -> Result<WriteUp> {
        let sql = format!("{SELECT_WRITE_UP} WHERE w.organisation_id = $1 AND w.id = $2");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        write_up_from(&row)
    }

    /// The write-ups `person` published: for their data.
    pub async fn write_ups_by(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<WriteUp>> {
        let sql = format!(
            "{SELECT_WRITE_UP} WHERE w.organisation_id = $1 AND w.written_by = $2 ORDER BY w.id"
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(org.0)
            .bind(person.0)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(write_up_from)
            .collect()
    }

    /// Everyone who should be told of a write-up published in the week before `at` and has
    /// not been (nor is claimed recently): staff of its organisation who were there when it
    /// was published, have an email address (their account's, else their record's) and have
    /// not left.
    pub async fn write_up_emails_due(&self, at: i64) -> Result<Vec<WriteUpEmailDue>> {
        let today = skillgym_domain::uk_time::local(at).date();
        let rows = sqlx::query(
            "SELECT w.id AS write_up, w.title, p.id, p.organisation_id, \
                 COALESCE(a.email, p.email) AS email, p.given_name, \
                 COALESCE(a.language, o.main_language) AS language \
             FROM horizon_write_ups w \
             JOIN people p ON p.organisation_id = w.organisation_id \
             JOIN organisations o ON o.id = p.organisation_id \
             LEFT JOIN accounts a ON a.person_id = p.id \
             WHERE w.published_at >= $1 AND w.published_at <= $2 \
               AND p.created_at <= w.published_at \
               AND COALESCE(a.email, p.email) IS NOT NULL \
               AND p.access_ended_at IS NULL \
               AND (p.left_on IS NULL OR p.left_on > $3) \
               AND NOT EXISTS (SELECT 1 FROM horizon_write_up_emails e \
                   WHERE e.write_up_id = w.id AND e.person_id = p.id \
                     AND (e.sent_at IS NOT NULL OR e.claimed_at > $4)) \
             ORDER BY w.id, p.id",
        )
        .bind(at - ANNOUNCE_WITHIN_SECS)
        .bind(at)
        .bind(format_date(today))
        .bind(now() - EMAIL_CLAIM_STALE_SECS)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(WriteUpEmailDue {
                    organisation: OrganisationId(r.try_get("organisation_id")?),
                    write_up: WriteUpId(r.try_get("write_up")?),
                    title: r.try_get("title")?,
                    person: PersonId(r.try_get("id")?),
                    email: r.try_get("email")?,
                    given_name: r.try_get("given_name")?,
                    language: r.try_get("language")?,
                })
            })
            .collect()
    }

    /// Claims `person`'s email of write-up `id`: `false` when another sender has it (sent, or
    /// claimed recently), so that it goes once however many instances run.
    pub async fn claim_write_up_email(
        &self,
        org: OrganisationId,
        id: WriteUpId,
        person: PersonId,
    ) -> Result<bool> {
        EMAILS
            .claim(
                &self.pool,
                [Key::Int(id.0), Key::Int(person.0)],
                Some(org.0),
            )
            .await
    }

    /// Records how a claimed email went: sent, or failed with the reason.
    pub async fn finish_write_up_email(
        &self,
        id: WriteUpId,
        person: PersonId,
        outcome: std::result::Result<(), &str>,
    ) -> Result<()> {
        EMAILS
            .finish(&self.pool, [Key::Int(id.0), Key::Int(person.0)], outcome)
            .await
    }

    /// The leads to remind at `at` that a synthesis is due, and of which: in each organisation
    /// whose last write-up (else first clipping) is six months or more before (see
    /// [`synthesis_due`]), everyone who may write it up (a trainer or administrator whose
    /// account is enabled, with an email address, who has not left) and has not had that
    /// reminder (nor is it claimed recently).
    pub async fn synthesis_reminders_due(&self, at: i64) -> Result<Vec<SynthesisReminderDue>> {
        let organisations = sqlx::query(
            "SELECT o.id, \
                 (SELECT MAX(w.published_at) FROM horizon_write_ups w \
                     WHERE w.organisation_id = o.id) AS written, \
                 (SELECT MIN(c.clipped_at) FROM horizon_clippings c \
                     WHERE c.organisation_id = o.id) AS clipped \
             FROM organisations o ORDER BY o.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let today = format_date(skillgym_domain::uk_time::local(at).date());
        let mut out = Vec::new();
        for row in &organisations {
            let written: Option<i64> = row.try_get("written")?;
            let clipped: Option<i64> = row.try_get("clipped")?;
            let Some(since) = written.or(clipped) else {
                continue;
            };
            let since = skillgym_domain::uk_time::local(since).date();
            let Some(due) = synthesis_due(since, at) else {
                continue;
            };
            let org = OrganisationId(row.try_get("id")?);
            let leads = sqlx::query(
                "SELECT p.id, COALESCE(a.email, p.email) AS email, p.given_name, \
                     COALESCE(a.language, o.main_language) AS language \
                 FROM accounts a JOIN people p ON p.id = a.person_id \
                 JOIN organisations o ON o.id = p.organisation_id \
                 WHERE p.organisation_id = $1 AND a.disabled = 0 \
                   AND EXISTS (SELECT 1 FROM account_roles r \
                       WHERE r.account_id = a.id AND r.role IN ($2, $3)) \
                   AND p.access_ended_at IS NULL \
                   AND (p.left_on IS NULL OR p.left_on > $4) \
                   AND NOT EXISTS (SELECT 1 FROM horizon_synthesis_reminders e \
                       WHERE e.person_id = p.id AND e.due_on = $5 \
                         AND (e.sent_at IS NOT NULL OR e.claimed_at > $6)) \
                 ORDER BY p.id",
            )
            .bind(org.0)
            .bind(skillgym_domain::Role::Trainer.as_str())
            .bind(skillgym_domain::Role::Admin.as_str())
            .bind(&today)
            .bind(format_date(due.on))
            .bind(now() - EMAIL_CLAIM_STALE_SECS)
            .fetch_all(&self.pool)
            .await?;
            for r in &leads {
                out.push(SynthesisReminderDue {
                    organisation: org,
                    due,
                    person: PersonId(r.try_get("id")?),
                    email: r.try_get("email")?,
                    given_name: r.try_get("given_name")?,
                    language: r.try_get("language")?,
                });
            }
        }
        Ok(out)
    }

    /// Claims `person`'s reminder of the synthesis due on `due_on`: `false` when another
    /// sender has it (sent, or claimed recently), so that it goes once however many instances
    /// run.
    pub async fn claim_synthesis_reminder(
        &self,
        org: OrganisationId,
        person: PersonId,
        due_on: time::Date,
    ) -> Result<bool> {
        REMINDERS
            .claim(
                &self.pool,
                [Key::Int(person.0), Key::Text(format_date(due_on))],
                Some(org.0),
            )
            .await
    }

    /// Records how a claimed reminder went: sent, or failed with the reason.
    pub async fn finish_synthesis_reminder(
        &self,
        person: PersonId,
        due_on: time::Date,
        outcome: std::result::Result<(), &str>,
    ) -> Result<()> {
        REMINDERS
            .finish(
                &self.pool,
                [Key::Int(person.0), Key::Text(format_date(due_on))],
                outcome,
            )
            .await
    }

    /// The demo's clippings, with comments by `people` in turn, and a write-up of them by
    /// `lead` published twelve days ago (after the week in which write-ups are announced).
    /// Written as history, not through the audit trail.
    pub(crate) async fn seed_demo_horizon(
        &self,
        org: OrganisationId,
        welsh: bool,
        people: &[PersonId],
        lead: Option<PersonId>,
    ) -> Result<()> {
        use skillgym_domain::horizon::{DEMO_CLIPPINGS, DEMO_WRITE_UP};
        const DAY: i64 = 24 * 60 * 60;
        let now = now();
        let mut tx = self.begin_write().await?;
        for (i, demo) in DEMO_CLIPPINGS.iter().enumerate() {
            let (note, comments) = if welsh { demo.cy } else { demo.en };
            let at = now - demo.days_ago * DAY;
            let by = (!people.is_empty()).then(|| people[i % people.len()].0);
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO horizon_clippings (organisation_id, clipped_by, clipped_at, url, \
                     note) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(org.0)
            .bind(by)
            .bind(at)
            .bind(demo.url)
            .bind(note)
            .fetch_one(&mut *tx)
            .await?;
            let tags: Vec<String> = demo.tags.iter().map(|t| t.to_string()).collect();
            insert_tags(&mut tx, org, id, &tags).await?;
            let others: Vec<PersonId> = people.iter().skip(i + 1).copied().collect();
            self.seed_demo_comments(
                &mut tx,
                org,
                CommentOn::Clipping(ClippingId(id)),
                at,
                comments,
                &others,
            )
            .await?;
        }
        if let Some(lead) = lead {
            let (title, body) = DEMO_WRITE_UP[usize::from(welsh)];
            let published = now - 12 * DAY;
            let period = Period::last_months(
                skillgym_domain::uk_time::local(published).date(),
                skillgym_domain::horizon::DEFAULT_MONTHS,
            );
            sqlx::query(
                "INSERT INTO horizon_write_ups (organisation_id, period_from, period_to, title, \
                     body, written_by, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(org.0)
            .bind(format_date(period.from))
            .bind(format_date(period.to))
            .bind(title)
            .bind(body)
            .bind(lead.0)
            .bind(published)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
