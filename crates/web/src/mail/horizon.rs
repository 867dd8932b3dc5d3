//! The email announcing a lead's write-up of the horizon scanning: one to each member of staff,
//! once, however many instances run; and the reminder to the leads, every six months, that a
//! synthesis is due.

use super::{Batch, Mailer, Sent, once, outcome};
use skillgym_domain::WriteUpId;
use skillgym_domain::people::format_date;
use skillgym_i18n::{Lang, Tr};
use skillgym_store::{Store, StoreError, WriteUp};
use std::collections::HashMap;

/// The most of a write-up an email carries; the link leads to the rest.
const MOST_IN_EMAIL: usize = 1200;

/// Emails everyone a write-up published in the last week that they have not had, if no other
/// instance has the job (`None` when another does). Each email is claimed before it goes, so
/// that two instances never send one twice.
pub async fn run_write_up_email_job(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    instance: &str,
    at: i64,
) -> Result<Option<Sent>, StoreError> {
    once(
        store,
        skillgym_store::WRITE_UP_EMAIL_JOB,
        instance,
        at,
        || send_write_ups(store, mailer, public_url, at),
    )
    .await
}

/// Reminds each lead (trainer or administrator), in their language, that a synthesis of the
/// horizon scanning is due, six months after the last write-up (or the first clipping), if no
/// other instance has the job (`None` when another does). Each reminder is claimed before it
/// goes, so that two instances never send one twice.
pub async fn run_synthesis_reminder_job(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    instance: &str,
    at: i64,
) -> Result<Option<Sent>, StoreError> {
    once(
        store,
        skillgym_store::SYNTHESIS_REMINDER_JOB,
        instance,
        at,
        || send_synthesis_reminders(store, mailer, public_url, at),
    )
    .await
}

async fn send_synthesis_reminders(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    at: i64,
) -> Result<Sent, StoreError> {
    let mut batch = Batch::default();
    for due in store.synthesis_reminders_due(at).await? {
        if batch.gave_up("horizon synthesis reminders") {
            break;
        }
        if !store
            .claim_synthesis_reminder(due.organisation, due.person, due.due.on)
            .await?
        {
            continue;
        }
        let lang = Lang::parse(&due.language)
            .filter(|l| *l != Lang::Pseudo)
            .unwrap_or_default();
        let tr = Tr::new(lang);
        let (from, to) = (
            format_date(due.due.period.from),
            format_date(due.due.period.to),
        );
        let subject = tr.t("horizon-reminder-subject");
        let body = tr.args(
            "horizon-reminder-body",
            [
                ("name", due.given_name.as_str().into()),
                ("from", tr.date(&from).into()),
                ("to", tr.date(&to).into()),
                (
                    "url",
                    format!("{public_url}/horizon/synthesis?from={from}&to={to}").into(),
                ),
            ],
        );
        let sent = batch.send(mailer, &due.email, &subject, body).await;
        if let Err(e) = &sent {
            tracing::warn!(person = %due.person, error = %e, "horizon synthesis reminder not sent");
        }
        store
            .finish_synthesis_reminder(due.person, due.due.on, outcome(&sent))
            .await?;
    }
    Ok(batch.sent)
}

/// Text cut to what an email carries, at a word's end.
fn excerpt(text: &str) -> String {
    if text.chars().count() <= MOST_IN_EMAIL {
        return text.to_string();
    }
    let cut: String = text.chars().take(MOST_IN_EMAIL).collect();
    let end = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end())
}

async fn send_write_ups(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    at: i64,
) -> Result<Sent, StoreError> {
    let mut batch = Batch::default();
    let mut write_ups: HashMap<WriteUpId, WriteUp> = HashMap::new();
    for due in store.write_up_emails_due(at).await? {
        if batch.gave_up("horizon write-ups") {
            break;
        }
        if !store
            .claim_write_up_email(due.organisation, due.write_up, due.person)
            .await?
        {
            continue;
        }
        let write_up = match write_ups.get(&due.write_up) {
            Some(w) => w,
            None => {
                let w = store.write_up(due.organisation, due.write_up).await?;
                write_ups.entry(due.write_up).or_insert(w)
            }
        };
        let lang = Lang::parse(&due.language)
            .filter(|l| *l != Lang::Pseudo)
            .unwrap_or_default();
        let tr = Tr::new(lang);
        let subject = tr.t1("horizon-email-subject", "title", write_up.title.as_str());
        let body = tr.args(
            "horizon-email-body",
            [
                ("name", due.given_name.as_str().into()),
                ("title", write_up.title.as_str().into()),
                ("text", excerpt(&write_up.body).into()),
                (
                    "url",
                    format!("{public_url}/horizon/write-ups/{}", write_up.id).into(),
                ),
                ("clip", format!("{public_url}/horizon/new").into()),
            ],
        );
        let sent = batch.send(mailer, &due.email, &subject, body).await;
        if let Err(e) = &sent {
            tracing::warn!(person = %due.person, error = %e, "horizon write-up email not sent");
        }
        store
            .finish_write_up_email(due.write_up, due.person, outcome(&sent))
            .await?;
    }
    Ok(batch.sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_write_up_is_cut_at_a_word() {
        assert_eq!(excerpt("short"), "short");
        let cut = excerpt(&"word ".repeat(400));
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= MOST_IN_EMAIL + 1);
    }
}
