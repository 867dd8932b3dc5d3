//! Sending invitations and reminders to take an audit, by SMTP.
//!
//! Each email is claimed in the database before it goes (see `skillgym_store::invitations`),
//! so nobody gets the same one twice, whichever admin or instance sends. Emails are plain
//! text, in the recipient's language: their account's, else the organisation's main one.

use crate::audit_links;
use crate::auth::random_token;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use skillgym_domain::CampaignId;
use skillgym_domain::people::format_date;
use skillgym_i18n::{Arg, Lang, Tr};
use skillgym_store::{InvitationKind, MailCampaign, REMINDER_JOB, Recipient, Store, StoreError};

mod horizon;
mod training;
mod weekly_question;
pub use horizon::{run_synthesis_reminder_job, run_write_up_email_job};
pub use training::run_training_digest_job;
pub use weekly_question::run_question_digest_job;

/// What can go wrong setting up or sending email.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("SKILLGYM_SMTP_URL is not a valid SMTP address ({0})")]
    Url(String),
    #[error("SKILLGYM_MAIL_FROM is not a valid email address ({0})")]
    From(String),
    #[error("the email could not be built: {0}")]
    Build(String),
    #[error("{0}")]
    Smtp(String),
}

/// An SMTP connection pool and the address emails come from.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    // The transport holds the SMTP password: never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .finish()
    }
}

impl Mailer {
    /// From `smtp://user:pass@host:587?tls=required` (or `smtps://…`, or plain
    /// `smtp://127.0.0.1:8025`) and a sender such as `Skills <skills@example.gov.uk>`.
    /// Nothing connects until the first email.
    pub fn new(smtp_url: &str, from: &str) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| MailError::Url(e.to_string()))?
            .build();
        let from = from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::From(e.to_string()))?;
        Ok(Self { transport, from })
    }

    /// Sends one plain-text email; returns its Message-ID.
    pub async fn send(&self, to: &str, subject: &str, body: String) -> Result<String, MailError> {
        let to: Mailbox = to
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Build(e.to_string()))?;
        let message_id = format!("<{}@{}>", random_token(), self.from.email.domain());
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .message_id(Some(message_id.clone()))
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| MailError::Build(e.to_string()))?;
        self.transport
            .send(message)
            .await
            .map_err(|e| MailError::Smtp(e.to_string()))?;
        Ok(message_id)
    }
}

/// After this many failed emails in a row, a batch stops.
const MAX_FAILURES_IN_A_ROW: usize = 5;

/// The emails of one run of a job (or one press of a button) as they go. A server that is down
/// fails every email, each after a timeout: after [`MAX_FAILURES_IN_A_ROW`] the run gives up,
/// leaving the rest unclaimed for the next one.
#[derive(Default)]
struct Batch {
    sent: Sent,
    failures_in_a_row: usize,
}

impl Batch {
    /// Whether to stop sending `what` (logged once it is so).
    fn gave_up(&self, what: &str) -> bool {
        let stop = self.failures_in_a_row >= MAX_FAILURES_IN_A_ROW;
        if stop {
            tracing::warn!("stopped sending {what} after repeated failures");
        }
        stop
    }

    /// Sends one email and counts it: its Message-ID, or why it failed.
    async fn send(
        &mut self,
        mailer: &Mailer,
        to: &str,
        subject: &str,
        body: String,
    ) -> Result<String, String> {
        match mailer.send(to, subject, body).await {
            Ok(id) => {
                self.sent.sent += 1;
                self.failures_in_a_row = 0;
                Ok(id)
            }
            Err(e) => {
                self.sent.failed += 1;
                self.failures_in_a_row += 1;
                Err(e.to_string())
            }
        }
    }
}

/// How a send went, as the store's `finish_…` records it.
fn outcome(sent: &Result<String, String>) -> Result<(), &str> {
    sent.as_ref().map(|_| ()).map_err(String::as_str)
}

/// How many emails one press of a button (or one run of the job) sent, and how many failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sent {
    pub sent: usize,
    pub failed: usize,
}

/// Today's date, as campaign dates are kept.
fn date_of(at: i64) -> time::Date {
    time::OffsetDateTime::from_unix_timestamp(at)
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
        .date()
}

/// Sends an invitation to everyone in the campaign's audience with an email who has not
/// been sent one yet.
pub async fn send_invitations(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    campaign: CampaignId,
) -> Result<Sent, StoreError> {
    let recipients = store
        .to_invite(campaign, date_of(skillgym_store::now()))
        .await?;
    let campaign = store.mail_campaign(campaign).await?;
    send_all(
        store,
        mailer,
        public_url,
        &campaign,
        &recipients,
        InvitationKind::Invite,
    )
    .await
}

/// Sends a reminder to those invited at or before `invited_by` who have not finished and
/// have not been reminded.
pub async fn send_reminders(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    campaign: CampaignId,
    invited_by: i64,
) -> Result<Sent, StoreError> {
    remind(store, mailer, public_url, campaign, invited_by, |_| true).await
}

/// Sends a reminder to those of `people` who were invited, have not finished and have not been
/// reminded: the chase list's buttons, for one group or everyone, and a manager's button for
/// their own people.
pub async fn send_reminders_among(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    campaign: CampaignId,
    people: &std::collections::HashSet<skillgym_domain::PersonId>,
) -> Result<Sent, StoreError> {
    let now = skillgym_store::now();
    remind(store, mailer, public_url, campaign, now, |r| {
        people.contains(&r.person)
    })
    .await
}

async fn remind(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    campaign: CampaignId,
    invited_by: i64,
    keep: impl Fn(&Recipient) -> bool,
) -> Result<Sent, StoreError> {
    let recipients: Vec<Recipient> = store
        .to_remind(campaign, date_of(skillgym_store::now()), invited_by)
        .await?
        .into_iter()
        .filter(|r| keep(r))
        .collect();
    let campaign = store.mail_campaign(campaign).await?;
    send_all(
        store,
        mailer,
        public_url,
        &campaign,
        &recipients,
        InvitationKind::Reminder,
    )
    .await
}

/// The automatic reminders, as a scheduled job: if this instance claims it (at time `at`),
/// reminds, in every campaign open that day, those invited at least the campaign's reminder
/// days ago who have not finished. `None` when another instance holds the job or it is not due.
pub async fn run_reminder_job(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    instance: &str,
    at: i64,
) -> Result<Option<Sent>, StoreError> {
    once(store, REMINDER_JOB, instance, at, || {
        remind_due(store, mailer, public_url, at)
    })
    .await
}

/// Runs `work` as `job` if this instance claims it (`None` when another instance has it), then
/// frees the job until its next run, whatever `work` came to.
async fn once<F, Fut>(
    store: &Store,
    job: skillgym_store::Job,
    instance: &str,
    at: i64,
    work: F,
) -> Result<Option<Sent>, StoreError>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<Sent, StoreError>>,
{
    store.register_job(job).await?;
    if !store.claim_job(job.name, instance, at).await? {
        return Ok(None);
    }
    let outcome = work().await;
    store.finish_job(job.name, instance, at + job.every).await?;
    outcome.map(Some)
}

async fn remind_due(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    at: i64,
) -> Result<Sent, StoreError> {
    let today = date_of(at);
    let mut total = Sent::default();
    for (campaign, days) in store.campaigns_reminding(today).await? {
        let recipients = store
            .to_remind(campaign, today, at - days * 24 * 60 * 60)
            .await?;
        if recipients.is_empty() {
            continue;
        }
        let campaign = store.mail_campaign(campaign).await?;
        let sent = send_all(
            store,
            mailer,
            public_url,
            &campaign,
            &recipients,
            InvitationKind::Reminder,
        )
        .await?;
        total.sent += sent.sent;
        total.failed += sent.failed;
    }
    if total != Sent::default() {
        tracing::info!(sent = total.sent, failed = total.failed, "reminders sent");
    }
    Ok(total)
}

async fn send_all(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    campaign: &MailCampaign,
    recipients: &[Recipient],
    kind: InvitationKind,
) -> Result<Sent, StoreError> {
    let mut batch = Batch::default();
    for recipient in recipients {
        if batch.gave_up("emails") {
            break;
        }
        let Some(claim) = store
            .claim_invitation(campaign.id, recipient.person, kind)
            .await?
        else {
            continue;
        };
        let (subject, body) = compose(store, public_url, campaign, recipient, kind).await?;
        let sent = batch.send(mailer, &recipient.email, &subject, body).await;
        if let Err(e) = &sent {
            tracing::warn!(campaign = %campaign.id, person = %recipient.person, error = %e, "email not sent");
        }
        store
            .finish_invitation(claim, sent.as_deref().map_err(String::as_str))
            .await?;
    }
    Ok(batch.sent)
}

/// The language to write to `recipient` in.
fn language_of(recipient: &Recipient, campaign: &MailCampaign) -> Lang {
    recipient
        .language
        .as_deref()
        .and_then(Lang::parse)
        .or_else(|| Lang::parse(&campaign.main_language))
        .filter(|l| *l != Lang::Pseudo)
        .unwrap_or_default()
}

/// "31 December 2026" / "31 Rhagfyr 2026".
pub(crate) fn long_date(tr: &Tr, iso: &str) -> String {
    tr.date(iso)
}

/// The subject and body of one email.
async fn compose(
    store: &Store,
    public_url: &str,
    campaign: &MailCampaign,
    recipient: &Recipient,
    kind: InvitationKind,
) -> Result<(String, String), StoreError> {
    let tr = Tr::new(language_of(recipient, campaign));
    let lang = tr.lang().code();
    let base = public_url.trim_end_matches('/');
    let link = if campaign.settings.links_allowed {
        let token = audit_links::sign(
            store,
            recipient.person,
            campaign.id,
            audit_links::expiry_for(&format_date(campaign.closes_on)),
        )
        .await?;
        format!("{base}/audits/{}/link/{token}", campaign.id)
    } else {
        format!("{base}/audits/{}", campaign.id)
    };
    let how = if campaign.settings.links_allowed {
        tr.t("invitation-email-link-personal")
    } else {
        tr.t("invitation-email-link-sign-in")
    };
    let title = campaign.title.show(lang).text.to_string();
    let args = || -> Vec<(&'static str, Arg<'_>)> {
        vec![
            ("name", recipient.given_name.as_str().into()),
            ("campaign", title.as_str().into()),
            ("organisation", campaign.organisation.show(lang).text.into()),
            (
                "closes",
                long_date(&tr, &format_date(campaign.closes_on)).into(),
            ),
            ("link", link.as_str().into()),
            ("how", how.as_str().into()),
        ]
    };
    let (subject, body) = match kind {
        InvitationKind::Invite => ("invitation-email-subject", "invitation-email-body"),
        InvitationKind::Reminder => ("reminder-email-subject", "reminder-email-body"),
    };
    Ok((tr.args(subject, args()), tr.args(body, args())))
}

/// Reminds everyone with a place on a session that starts tomorrow (on the UK's clock), once:
/// the job is claimed by one instance at a time, and each reminder is claimed before it goes.
/// `None` when another instance has the job.
pub async fn run_session_reminder_job(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    instance: &str,
    at: i64,
) -> Result<Option<Sent>, StoreError> {
    once(
        store,
        skillgym_store::SESSION_REMINDER_JOB,
        instance,
        at,
        || remind_of_sessions(store, mailer, public_url, at),
    )
    .await
}

/// Sends each agreed plan's weekly check-in, once a week from 08:00 on the UK's clock on the
/// week's Monday (or the first run after), if no other instance has the job; `None` when
/// another instance does. Each email is claimed before it is sent, so that two instances never
/// send one twice.
pub async fn run_plan_check_in_job(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    instance: &str,
    at: i64,
) -> Result<Option<Sent>, StoreError> {
    once(
        store,
        skillgym_store::PLAN_CHECK_IN_JOB,
        instance,
        at,
        || check_in(store, mailer, public_url, at),
    )
    .await
}

/// The hour of the UK's day from which check-ins go out: not in the night.
const CHECK_IN_FROM_HOUR: u8 = 8;

async fn check_in(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    at: i64,
) -> Result<Sent, StoreError> {
    let local = skillgym_domain::uk_time::local(at);
    let mut batch = Batch::default();
    if local.hour() < CHECK_IN_FROM_HOUR {
        return Ok(batch.sent);
    }
    let today = local.date();
    for due in store.check_ins_due(today).await? {
        if batch.gave_up("plan check-ins") {
            break;
        }
        if !store.claim_check_in(due.plan, due.week).await? {
            continue;
        }
        let lang = Lang::parse(&due.language)
            .filter(|l| *l != Lang::Pseudo)
            .unwrap_or_default();
        let tr = Tr::new(lang);
        let week = store
            .plan_week(due.organisation, due.person, today)
            .await?
            .map(|w| w.steps)
            .unwrap_or_default();
        let line = |s: &skillgym_store::WeekStep| {
            let title = s.title.show(lang.code()).text.to_string();
            let id = match (s.done, s.late) {
                (true, _) => "plan-check-in-step-done",
                (false, true) => "plan-check-in-step-late",
                (false, false) => "plan-check-in-step",
            };
            tr.t2(
                id,
                "title",
                title,
                "url",
                format!("{public_url}/learning/{}", s.activity),
            )
        };
        let steps: Vec<String> = week.iter().map(line).collect();
        let number = due.week as usize + 1;
        let subject = tr.t1("plan-check-in-subject", "week", number);
        let body = tr.args(
            "plan-check-in-body",
            [
                ("name", due.given_name.as_str().into()),
                ("week", number.into()),
                (
                    "planned",
                    if steps.is_empty() { "none" } else { "some" }.into(),
                ),
                ("steps", steps.join("\n").into()),
                ("url", format!("{public_url}/me/plan").into()),
            ],
        );
        let sent = batch.send(mailer, &due.email, &subject, body).await;
        if let Err(e) = &sent {
            tracing::warn!(plan = %due.plan, week = due.week, error = %e, "plan check-in not sent");
        }
        store
            .finish_check_in(due.plan, due.week, outcome(&sent))
            .await?;
    }
    Ok(batch.sent)
}

/// Tomorrow on the UK's clock, from its first second to the next day's, as unix seconds.
fn tomorrow(at: i64) -> (i64, i64) {
    use skillgym_domain::uk_time;
    let today = uk_time::local(at).date();
    let midnight = |d: time::Date| {
        uk_time::instant(d.midnight())
            .unwrap_or_else(|_| d.midnight().assume_utc().unix_timestamp())
    };
    let (t1, t2) = (
        today.next_day().expect("a real date"),
        today
            .next_day()
            .and_then(|d| d.next_day())
            .expect("a real date"),
    );
    (midnight(t1), midnight(t2))
}

async fn remind_of_sessions(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    at: i64,
) -> Result<Sent, StoreError> {
    let (from, to) = tomorrow(at);
    let mut batch = Batch::default();
    for due in store.reminders_due(from, to).await? {
        if batch.gave_up("session reminders") {
            break;
        }
        if !store
            .claim_session_reminder(due.session.id, due.person)
            .await?
        {
            continue;
        }
        let lang = Lang::parse(&due.language)
            .filter(|l| *l != Lang::Pseudo)
            .unwrap_or_default();
        let tr = Tr::new(lang);
        let title = due.title.show(lang.code()).text.to_string();
        let place = due
            .session
            .site
            .as_ref()
            .map_or_else(|| tr.t("session-online"), |s| s.name.clone());
        let when = crate::routes::session_when(&tr, due.session.starts_at, due.session.ends_at);
        let subject = tr.t1("session-reminder-subject", "title", title.as_str());
        let body = tr.args(
            "session-reminder-body",
            [
                ("name", due.given_name.as_str().into()),
                ("title", title.as_str().into()),
                ("when", when.as_str().into()),
                ("place", place.as_str().into()),
                (
                    "url",
                    format!("{public_url}/learning/{}", due.session.activity).into(),
                ),
            ],
        );
        let sent = batch.send(mailer, &due.email, &subject, body).await;
        if let Err(e) = &sent {
            tracing::warn!(session = %due.session.id, person = %due.person, error = %e, "session reminder not sent");
        }
        store
            .finish_session_reminder(due.session.id, due.person, outcome(&sent))
            .await?;
    }
    Ok(batch.sent)
}

/// Sends the evaluation follow-ups that are due (the organisation's days after an activity, 30
/// and 90 unless changed), from 08:00 on the UK's clock, if no other instance has the job;
/// `None` when another instance does. Each is claimed before it is sent, so that two instances
/// never send one twice. The link opens a page for the person signed in, which changes nothing
/// until they answer.
pub async fn run_follow_up_job(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    instance: &str,
    at: i64,
) -> Result<Option<Sent>, StoreError> {
    once(store, skillgym_store::FOLLOW_UP_JOB, instance, at, || {
        follow_up(store, mailer, public_url, at)
    })
    .await
}

/// Sends the follow-ups due at `at`, each claimed first; the job's body, which a test may run
/// from two instances at once to see the claims hold.
pub async fn follow_up(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    at: i64,
) -> Result<Sent, StoreError> {
    let local = skillgym_domain::uk_time::local(at);
    let mut batch = Batch::default();
    if local.hour() < CHECK_IN_FROM_HOUR {
        return Ok(batch.sent);
    }
    for due in store.follow_ups_due(local.date()).await? {
        if batch.gave_up("follow-ups") {
            break;
        }
        if !store
            .claim_follow_up(due.organisation, due.evaluation, due.days)
            .await?
        {
            continue;
        }
        let lang = Lang::parse(&due.language)
            .filter(|l| *l != Lang::Pseudo)
            .unwrap_or_default();
        let tr = Tr::new(lang);
        let title = due.title.show(lang.code()).text.to_string();
        let subject = tr.t1("follow-up-email-subject", "title", title.as_str());
        let body = tr.args(
            "follow-up-email-body",
            [
                ("name", due.given_name.as_str().into()),
                ("title", title.as_str().into()),
                ("days", i64::from(due.days).into()),
                (
                    "url",
                    format!("{public_url}/me/follow-ups/{}/{}", due.evaluation, due.days).into(),
                ),
            ],
        );
        let sent = batch.send(mailer, &due.email, &subject, body).await;
        if let Err(e) = &sent {
            tracing::warn!(evaluation = %due.evaluation, days = due.days, error = %e, "follow-up not sent");
        }
        store
            .finish_follow_up(due.evaluation, due.days, outcome(&sent))
            .await?;
    }
    Ok(batch.sent)
}

#[cfg(test)]
mod batch_tests {
    use super::*;

    #[tokio::test]
    async fn a_run_counts_each_failure_and_gives_up_after_five_in_a_row() {
        // Nothing listens on port 9 of this machine: every email fails at once.
        let mailer = Mailer::new("smtp://127.0.0.1:9", "skills@example.org").unwrap();
        let mut batch = Batch::default();
        for n in 1..=MAX_FAILURES_IN_A_ROW {
            assert!(!batch.gave_up("tests"), "not after {} failures", n - 1);
            let sent = batch
                .send(&mailer, "someone@example.org", "Subject", "Body".into())
                .await;
            assert!(outcome(&sent).is_err());
        }
        assert!(batch.gave_up("tests"));
        assert_eq!(
            batch.sent,
            Sent {
                sent: 0,
                failed: MAX_FAILURES_IN_A_ROW
            }
        );
    }
}
