//! The scheduled-job runner every `serve` and `demo` starts: it wakes each minute and runs the
//! jobs that are due and that no other instance has claimed (see `skillgym_store::JOBS`).

use skillgym_store::Store;
use skillgym_web::Mailer;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const TICK: Duration = Duration::from_secs(60);

/// Starts the runner; abort the handle to stop it. With a mailer (and the public address
/// for links), it also sends the campaigns' automatic reminders, the reminders the day
/// before a session, the weekly check-ins of agreed learning plans, each manager's weekly
/// email of their people's training due and overdue, the evaluation follow-ups, and the
/// weekly digest of the digital team's answers, the emails of horizon-scanning write-ups, and
/// the six-monthly reminder to the leads that a horizon-scanning synthesis is due.
pub fn spawn(store: Store, mail: Option<(Mailer, String)>) -> tokio::task::JoinHandle<()> {
    // Unique among instances sharing a database, and readable in `scheduled_jobs.locked_by`.
    let started = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "skillgym".into());
    let instance = format!("{host}-{}-{started}", std::process::id());
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match store.run_due_jobs(&instance).await {
                Ok(run) if !run.ran.is_empty() => tracing::info!(
                    jobs = ?run.ran,
                    erased = run.erased,
                    cleared = run.cleared,
                    "scheduled jobs ran"
                ),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "scheduled jobs could not run"),
            }
            if let Some((mailer, url)) = &mail {
                let at = skillgym_store::now();
                if let Err(e) =
                    skillgym_web::run_reminder_job(&store, mailer, url, &instance, at).await
                {
                    tracing::warn!(error = %e, "reminders could not be sent");
                }
                if let Err(e) =
                    skillgym_web::run_session_reminder_job(&store, mailer, url, &instance, at).await
                {
                    tracing::warn!(error = %e, "session reminders could not be sent");
                }
                if let Err(e) =
                    skillgym_web::run_plan_check_in_job(&store, mailer, url, &instance, at).await
                {
                    tracing::warn!(error = %e, "plan check-ins could not be sent");
                }
                if let Err(e) =
                    skillgym_web::run_training_digest_job(&store, mailer, url, &instance, at).await
                {
                    tracing::warn!(error = %e, "managers' training emails could not be sent");
                }
                if let Err(e) =
                    skillgym_web::run_follow_up_job(&store, mailer, url, &instance, at).await
                {
                    tracing::warn!(error = %e, "evaluation follow-ups could not be sent");
                }
                if let Err(e) =
                    skillgym_web::run_question_digest_job(&store, mailer, url, &instance, at).await
                {
                    tracing::warn!(error = %e, "weekly question digests could not be sent");
                }
                if let Err(e) =
                    skillgym_web::run_write_up_email_job(&store, mailer, url, &instance, at).await
                {
                    tracing::warn!(error = %e, "horizon write-up emails could not be sent");
                }
                if let Err(e) =
                    skillgym_web::run_synthesis_reminder_job(&store, mailer, url, &instance, at)
                        .await
                {
                    tracing::warn!(error = %e, "horizon synthesis reminders could not be sent");
                }
            }
        }
    })
}
