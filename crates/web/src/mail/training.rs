//! The weekly email to each manager of their people whose required training is due soon,
//! overdue or not started.

use super::{Batch, Mailer, Sent, once, outcome};
use crate::routes::training::cell_view;
use skillgym_domain::uk_time;
use skillgym_i18n::{Lang, Tr};
use skillgym_store::{Store, StoreError};
use time::Weekday;

/// The hour of the UK's Monday from which the emails go out.
const FROM_HOUR: u8 = 8;

/// Sends each manager, once a week from 08:00 on the UK's clock on the week's Monday (or the
/// first run after), the list of their people whose required training needs doing, if no other
/// instance has the job; `None` when another does. Each email is claimed before it is sent, so
/// that two instances never send one twice. A manager whose people are all up to date gets no
/// email that week.
pub async fn run_training_digest_job(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    instance: &str,
    at: i64,
) -> Result<Option<Sent>, StoreError> {
    once(
        store,
        skillgym_store::TRAINING_DIGEST_JOB,
        instance,
        at,
        || send_digests(store, mailer, public_url, at),
    )
    .await
}

async fn send_digests(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    at: i64,
) -> Result<Sent, StoreError> {
    let local = uk_time::local(at);
    let today = local.date();
    let mut batch = Batch::default();
    if today.weekday() == Weekday::Monday && local.hour() < FROM_HOUR {
        return Ok(batch.sent);
    }
    let monday = today - time::Duration::days(i64::from(today.weekday().number_days_from_monday()));
    for due in store.training_digests_due(monday).await? {
        if batch.gave_up("managers' training emails") {
            break;
        }
        if !store
            .claim_training_digest(due.organisation, due.manager, monday)
            .await?
        {
            continue;
        }
        let needed = store
            .training_needed(due.organisation, due.manager, today)
            .await?;
        if needed.is_empty() {
            store
                .finish_training_digest(due.manager, monday, Ok(()))
                .await?;
            continue;
        }
        let lang = Lang::parse(&due.language)
            .filter(|l| *l != Lang::Pseudo)
            .unwrap_or_default();
        let tr = Tr::new(lang);
        let lines: Vec<String> = needed
            .iter()
            .map(|n| {
                tr.args(
                    "training-digest-line",
                    [
                        ("name", n.name.as_str().into()),
                        ("module", n.title.show(lang.code()).text.into()),
                        ("state", cell_view(&tr, n.cell).label.into()),
                    ],
                )
            })
            .collect();
        let people = {
            let mut ids: Vec<_> = needed.iter().map(|n| n.person).collect();
            ids.dedup();
            ids.len()
        };
        let subject = tr.t1("training-digest-subject", "people", people);
        let body = tr.args(
            "training-digest-body",
            [
                ("name", due.given_name.as_str().into()),
                ("people", people.into()),
                ("lines", lines.join("\n").into()),
                ("url", format!("{public_url}/training").into()),
            ],
        );
        let sent = batch.send(mailer, &due.email, &subject, body).await;
        if let Err(e) = &sent {
            tracing::warn!(manager = %due.manager, error = %e, "training email not sent");
        }
        store
            .finish_training_digest(due.manager, monday, outcome(&sent))
            .await?;
    }
    Ok(batch.sent)
}
