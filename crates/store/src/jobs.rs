//! Scheduled jobs that several instances sharing one database run once between them:
//! ending the access of people whose "left on" date has come, retention (erasing leavers) and
//! clearing expired sessions and old sign-in failures.
//!
//! Each job is a row in `scheduled_jobs`. An instance claims a due job with a single
//! `UPDATE … WHERE … RETURNING`: on PostgreSQL a second instance's UPDATE waits for the first's
//! row lock and then finds the row no longer matches; on SQLite writes are serialised. So a run
//! happens exactly once. The claim is a lease: if an instance dies holding it, another claims
//! the job once `locked_until` has passed.

use crate::audit_trail::{Actor, AuditAction, NewAuditEvent, insert_event};
use crate::personal_data::erase_in;
use crate::{Result, Store, StoreError, now};
use skillgym_domain::people::{format_date, parse_date};
pub use skillgym_domain::retention::months_before;
use skillgym_domain::{OrganisationId, PersonId, RetentionPeriod};
use sqlx::Row;

/// A job that runs every `every` seconds.
#[derive(Debug, Clone, Copy)]
pub struct Job {
    pub name: &'static str,
    pub every: i64,
}

/// The jobs skillgym runs. Add a job here and in [`Store::run_job`].
pub const JOBS: [Job; 4] = [
    // First, and often: a "left on" date takes effect on its day (sign-in and every page
    // refuse a leaver from the start of the day already; this ends sessions and roles too).
    Job {
        name: "leavers",
        every: 15 * 60,
    },
    // Who each open campaign asks, recorded as people join (see `crate::asked`), and once more
    // the first time after it closes.
    Job {
        name: "campaign-audiences",
        every: 15 * 60,
    },
    Job {
        name: "retention",
        every: 60 * 60,
    },
    Job {
        name: "expired-sign-in-data",
        every: 60 * 60,
    },
];

/// How long a claim lasts before another instance may take the job over.
const LEASE_SECS: i64 = 15 * 60;

/// Sign-in failures older than this are no longer needed by the throttle.
const SIGN_IN_FAILURES_KEPT_SECS: i64 = 24 * 60 * 60;

/// What one run of the due jobs did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobsRun {
    /// The jobs this instance claimed and ran.
    pub ran: Vec<&'static str>,
    /// People whose access ended because their "left on" date came.
    pub access_ended: u64,
    /// People erased by retention.
    pub erased: u64,
    /// Expired sessions and old sign-in failures deleted.
    pub cleared: u64,
}

impl Store {
    /// Makes sure every job has a row (due at once when new).
    pub async fn register_jobs(&self) -> Result<()> {
        for job in JOBS {
            sqlx::query(
                "INSERT INTO scheduled_jobs (name, next_run_at) VALUES ($1, $2) \
                 ON CONFLICT (name) DO NOTHING",
            )
            .bind(job.name)
            .bind(now())
            .execute(&self.pool)
            .await?;
        }
        Ok(())
    }

    /// Claims `name` for `instance` if it is due and nobody holds it; true when claimed.
    pub async fn claim_job(&self, name: &str, instance: &str, at: i64) -> Result<bool> {
        let claimed: Option<String> = sqlx::query_scalar(
            "UPDATE scheduled_jobs SET locked_until = $3, locked_by = $4 \
             WHERE name = $1 AND next_run_at <= $2 \
               AND (locked_until IS NULL OR locked_until < $2) \
             RETURNING name",
        )
        .bind(name)
        .bind(at)
        .bind(at + LEASE_SECS)
        .bind(instance)
        .fetch_optional(&self.pool)
        .await?;
        Ok(claimed.is_some())
    }

    /// Releases a job `instance` holds, due again at `next_run_at`.
    pub async fn finish_job(&self, name: &str, instance: &str, next_run_at: i64) -> Result<()> {
        sqlx::query(
            "UPDATE scheduled_jobs SET next_run_at = $3, locked_until = NULL, locked_by = NULL \
             WHERE name = $1 AND locked_by = $2",
        )
        .bind(name)
        .bind(instance)
        .bind(next_run_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Runs every due job this instance manages to claim. A job that fails is logged and
    /// tried again at its next time.
    pub async fn run_due_jobs(&self, instance: &str) -> Result<JobsRun> {
        self.register_jobs().await?;
        let mut run = JobsRun::default();
        for job in JOBS {
            let at = now();
            if !self.claim_job(job.name, instance, at).await? {
                continue;
            }
            let outcome = self.run_job(job.name, &mut run).await;
            self.finish_job(job.name, instance, at + job.every).await?;
            match outcome {
                Ok(()) => run.ran.push(job.name),
                Err(e) => tracing::error!(job = job.name, error = %e, "scheduled job failed"),
            }
        }
        Ok(run)
    }

    async fn run_job(&self, name: &str, run: &mut JobsRun) -> Result<()> {
        match name {
            "leavers" => {
                run.access_ended += self.end_access_of_leavers(crate::dates::today()).await?;
            }
            "campaign-audiences" => {
                self.record_audiences(crate::dates::today()).await?;
            }
            "retention" => {
                let today = time::OffsetDateTime::now_utc().date();
                run.erased += self.erase_leavers(today).await?;
            }
            "expired-sign-in-data" => {
                run.cleared += self.delete_expired_sessions().await?;
                run.cleared += self.delete_expired_public_rows().await?;
                let done = sqlx::query("DELETE FROM sign_in_failures WHERE at < $1")
                    .bind(now() - SIGN_IN_FAILURES_KEPT_SECS)
                    .execute(&self.pool)
                    .await?;
                run.cleared += done.rows_affected();
            }
            _ => {}
        }
        Ok(())
    }

    /// The organisation's retention period for leavers.
    pub async fn retention_period(&self, org: OrganisationId) -> Result<RetentionPeriod> {
        let months: Option<i64> =
            sqlx::query_scalar("SELECT retention_months FROM organisations WHERE id = $1")
                .bind(org.0)
                .fetch_optional(&self.pool)
                .await?;
        let months = months.ok_or(StoreError::NotFound)?;
        RetentionPeriod::from_months(months)
            .map_err(|_| StoreError::Corrupt(format!("retention period of {months} months")))
    }

    /// Changes the retention period, recording who did it in the audit trail. `false` when
    /// it was already that period (nothing is recorded then).
    pub async fn change_retention_period(
        &self,
        org: OrganisationId,
        period: RetentionPeriod,
        actor: Actor,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let previous: Option<i64> =
            sqlx::query_scalar("SELECT retention_months FROM organisations WHERE id = $1")
                .bind(org.0)
                .fetch_optional(&mut *tx)
                .await?;
        let previous = previous.ok_or(StoreError::NotFound)?;
        if previous == period.months() {
            return Ok(false);
        }
        sqlx::query("UPDATE organisations SET retention_months = $2 WHERE id = $1")
            .bind(org.0)
            .bind(period.months())
            .execute(&mut *tx)
            .await?;
        let event = NewAuditEvent::new(actor, AuditAction::RetentionChanged, None)
            .with("previous-months", previous)
            .with("months", period.months());
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        tracing::info!(
            previous,
            months = period.months(),
            "retention period changed"
        );
        Ok(true)
    }

    /// How many people have left (and are not yet erased), and how many of them left before
    /// `day`.
    pub async fn leavers(&self, org: OrganisationId, day: time::Date) -> Result<(i64, i64)> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS leavers, \
                    COALESCE(SUM(CASE WHEN left_on < $2 THEN 1 ELSE 0 END), 0) AS before \
             FROM people WHERE organisation_id = $1 AND left_on IS NOT NULL",
        )
        .bind(org.0)
        .bind(format_date(day))
        .fetch_one(&self.pool)
        .await?;
        Ok((row.try_get("leavers")?, row.try_get("before")?))
    }

    /// The earliest "left on" date on or after `day`: the next leaver retention will reach.
    pub async fn next_leaver_on_or_after(
        &self,
        org: OrganisationId,
        day: time::Date,
    ) -> Result<Option<time::Date>> {
        let first: Option<String> = sqlx::query_scalar(
            "SELECT MIN(left_on) FROM people \
             WHERE organisation_id = $1 AND left_on IS NOT NULL AND left_on >= $2",
        )
        .bind(org.0)
        .bind(format_date(day))
        .fetch_one(&self.pool)
        .await?;
        first
            .map(|d| parse_date(&d).map_err(|_| StoreError::Corrupt(format!("left on {d}"))))
            .transpose()
    }

    /// Sets how many months after their "left on" date leavers are erased.
    pub async fn set_retention_months(&self, org: OrganisationId, months: i64) -> Result<()> {
        sqlx::query("UPDATE organisations SET retention_months = $2 WHERE id = $1")
            .bind(org.0)
            .bind(months)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Sets or clears the day a person left; a day that has come ends their access at once,
    /// recorded as done by skillgym itself (people's pages record who did it through
    /// [`Store::update_person`]).
    pub async fn set_left_on(
        &self,
        org: OrganisationId,
        person: PersonId,
        left_on: Option<time::Date>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE people SET left_on = $3, updated_at = $4 WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(person.0)
        .bind(left_on.map(skillgym_domain::people::format_date))
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(crate::StoreError::NotFound);
        }
        crate::leavers::apply_departure(&mut tx, org, person, left_on, Actor::System).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Erases everyone whose "left on" date is more than their organisation's retention
    /// period before `today`, recording each erasure as done by the system.
    pub async fn erase_leavers(&self, today: time::Date) -> Result<u64> {
        let orgs = sqlx::query("SELECT id, retention_months FROM organisations")
            .fetch_all(&self.pool)
            .await?;
        let mut erased = 0;
        for org in &orgs {
            let org_id = OrganisationId(org.try_get("id")?);
            let cutoff = months_before(today, org.try_get("retention_months")?);
            let people: Vec<i64> = sqlx::query_scalar(
                "SELECT id FROM people WHERE organisation_id = $1 \
                 AND left_on IS NOT NULL AND left_on < $2",
            )
            .bind(org_id.0)
            .bind(skillgym_domain::people::format_date(cutoff))
            .fetch_all(&self.pool)
            .await?;
            for person in people {
                // One transaction each: a failure part way keeps the erasures already done.
                let mut tx = self.begin_write().await?;
                erase_in(
                    &mut tx,
                    self.backend,
                    org_id,
                    PersonId(person),
                    Actor::System,
                )
                .await?;
                tx.commit().await?;
                erased += 1;
            }
        }
        if erased > 0 {
            tracing::info!(erased, "retention: leavers erased");
        }
        Ok(erased)
    }
}
