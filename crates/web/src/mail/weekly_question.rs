//! The weekly digest of the digital team's answers: one email a week to everyone in an
//! organisation that answered a question that week.

use super::{Batch, Mailer, Sent, once, outcome};
use skillgym_domain::OrganisationId;
use skillgym_domain::weekly_question::digest_week;
use skillgym_i18n::{Lang, Tr};
use skillgym_store::{Store, StoreError, WeeklyQuestion};
use std::collections::HashMap;

/// The most of an answer an email carries; the link leads to the rest.
const MOST_IN_EMAIL: usize = 600;

/// Sends everyone, once a week from 09:00 on the UK's Monday (or the first run after), the
/// questions the digital team answered the week before, if no other instance has the job;
/// `None` when another does. Each email is claimed before it is sent, so that two instances
/// never send one twice. No email goes from an organisation that answered nothing that week.
pub async fn run_question_digest_job(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    instance: &str,
    at: i64,
) -> Result<Option<Sent>, StoreError> {
    once(
        store,
        skillgym_store::QUESTION_DIGEST_JOB,
        instance,
        at,
        || send_digests(store, mailer, public_url, at),
    )
    .await
}

/// An answer cut to what an email carries, at a word's end.
fn excerpt(answer: &str) -> String {
    if answer.chars().count() <= MOST_IN_EMAIL {
        return answer.to_string();
    }
    let cut: String = answer.chars().take(MOST_IN_EMAIL).collect();
    let end = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end())
}

async fn send_digests(
    store: &Store,
    mailer: &Mailer,
    public_url: &str,
    at: i64,
) -> Result<Sent, StoreError> {
    let mut batch = Batch::default();
    let Some((week_of, from, to)) = digest_week(at) else {
        return Ok(batch.sent);
    };
    let mut answered: HashMap<OrganisationId, Vec<WeeklyQuestion>> = HashMap::new();
    for due in store.question_digests_due(week_of, from, to).await? {
        if batch.gave_up("weekly question digests") {
            break;
        }
        if !store
            .claim_question_digest(due.organisation, due.person, week_of)
            .await?
        {
            continue;
        }
        let questions = match answered.get(&due.organisation) {
            Some(q) => q,
            None => {
                let q = store.answered_between(due.organisation, from, to).await?;
                answered.entry(due.organisation).or_insert(q)
            }
        };
        let lang = Lang::parse(&due.language)
            .filter(|l| *l != Lang::Pseudo)
            .unwrap_or_default();
        let tr = Tr::new(lang);
        let items: Vec<String> = questions
            .iter()
            .map(|q| {
                tr.args(
                    "questions-digest-item",
                    [
                        ("question", q.title().into()),
                        (
                            "answer",
                            excerpt(q.answer.as_deref().unwrap_or_default()).into(),
                        ),
                        ("url", format!("{public_url}/questions/{}", q.id).into()),
                    ],
                )
            })
            .collect();
        let subject = tr.t1("questions-digest-subject", "count", questions.len());
        let body = tr.args(
            "questions-digest-body",
            [
                ("name", due.given_name.as_str().into()),
                ("count", questions.len().into()),
                ("items", items.join("\n\n").into()),
                ("faq", format!("{public_url}/questions").into()),
                ("ask", format!("{public_url}/questions/ask").into()),
            ],
        );
        let sent = batch.send(mailer, &due.email, &subject, body).await;
        if let Err(e) = &sent {
            tracing::warn!(person = %due.person, error = %e, "weekly question digest not sent");
        }
        store
            .finish_question_digest(due.person, week_of, outcome(&sent))
            .await?;
    }
    Ok(batch.sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_answer_is_cut_at_a_word() {
        assert_eq!(excerpt("short"), "short");
        let long = "word ".repeat(200);
        let cut = excerpt(&long);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= MOST_IN_EMAIL + 1);
    }
}
