//! Invitations and reminders by email, whom password-free links sign in, and the sessions
//! those links open (the key that signs them is derived from the secret key: see
//! [`crate::SecretKey::audit_link_key`]).
//!
//! Every email is claimed in `invitations` before it is sent: the row's unique key (campaign,
//! person, kind) means a person gets at most one invitation and one reminder per campaign,
//! however many admins press the button or instances run the reminder job at once. A claim
//! that failed (or was abandoned by an instance that died) may be claimed again.

use crate::audit::AUDIENCE;
use crate::dates::date;
use crate::jobs::Job;
use crate::{AccountRecord, NewAccount, Result, Store, StoreError, flag, now};
use skillgym_domain::audit::Localised;
use skillgym_domain::leavers::Departure;
use skillgym_domain::{AccountId, CampaignId, Email, OrganisationId, PersonId, Roles};
use sqlx::{AssertSqlSafe, Row};

/// The job that sends reminders [`InvitationSettings::reminder_days`] after invitations.
pub const REMINDER_JOB: Job = Job {
    name: "campaign-reminders",
    every: 15 * 60,
};

/// A claim older than this, neither sent nor failed, was abandoned and may be taken again.
const CLAIM_STALE_SECS: i64 = 15 * 60;

/// Whom a password-free link signs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// Nobody: the campaign does not allow links, or the person is not in its audience.
    Refused,
    /// The person has left, or their account is disabled.
    AccessEnded,
    Account(AccountId),
    /// A person with no account yet, who is given one (with this email) when the link is used.
    NewAccount(Email),
}

/// Which email a row in `invitations` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationKind {
    Invite,
    Reminder,
}

impl InvitationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationKind::Invite => "invite",
            InvitationKind::Reminder => "reminder",
        }
    }
}

/// How a campaign invites: password-free links or not, and when the automatic reminder goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvitationSettings {
    pub links_allowed: bool,
    /// Days after the invitation that those who have not finished are reminded.
    pub reminder_days: i64,
}

/// What an invitation email says about its campaign.
#[derive(Debug, Clone)]
pub struct MailCampaign {
    pub id: CampaignId,
    pub organisation_id: OrganisationId,
    pub title: Localised,
    pub closes_on: time::Date,
    pub organisation: Localised,
    pub main_language: String,
    pub settings: InvitationSettings,
}

/// Someone to email about a campaign.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub person: PersonId,
    pub email: String,
    pub given_name: String,
    /// Their account's language, if they chose one.
    pub language: Option<String>,
}

/// An email that failed, for the campaign page.
#[derive(Debug, Clone)]
pub struct FailedInvitation {
    pub name: String,
    pub kind: String,
    pub error: String,
}

/// How far a campaign's invitations have gone.
#[derive(Debug, Clone, Default)]
pub struct InvitationCounts {
    pub invited: i64,
    pub reminded: i64,
    pub failed: Vec<FailedInvitation>,
}

/// The people of campaign `c` (joined as `p`, with their account as `a`) who may be emailed:
/// in its audience, with an address, not gone, and not with a disabled account.
/// `today` names the parameter that holds today's date.
fn reachable(today: &str) -> String {
    format!(
        "{} AND COALESCE(p.email, a.email) IS NOT NULL \
         AND (p.left_on IS NULL OR p.left_on > {today}) \
         AND (a.id IS NULL OR a.disabled = 0)",
        AUDIENCE.replace("$2", "p.id")
    )
}

const RECIPIENT_COLUMNS: &str = "SELECT p.id, COALESCE(p.email, a.email) AS email, p.given_name, a.language \
     FROM campaigns c JOIN people p ON p.organisation_id = c.organisation_id \
     LEFT JOIN accounts a ON a.person_id = p.id";

fn recipients(rows: Vec<sqlx::any::AnyRow>) -> Result<Vec<Recipient>> {
    rows.iter()
        .map(|r| {
            Ok(Recipient {
                person: PersonId(r.try_get("id")?),
                email: r.try_get("email")?,
                given_name: r.try_get("given_name")?,
                language: r.try_get("language")?,
            })
        })
        .collect()
}

impl Store {
    pub async fn invitation_settings(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
    ) -> Result<InvitationSettings> {
        let row = sqlx::query(
            "SELECT links_allowed, reminder_days FROM campaigns WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(campaign.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok(InvitationSettings {
            links_allowed: flag(&row, "links_allowed")?,
            reminder_days: row.try_get("reminder_days")?,
        })
    }

    pub async fn set_invitation_settings(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        settings: InvitationSettings,
    ) -> Result<()> {
        let done = sqlx::query(
            "UPDATE campaigns SET links_allowed = $3, reminder_days = $4 \
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(campaign.0)
        .bind(i64::from(settings.links_allowed))
        .bind(settings.reminder_days)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// The campaign as its emails describe it.
    pub async fn mail_campaign(&self, campaign: CampaignId) -> Result<MailCampaign> {
        let row = sqlx::query(
            "SELECT c.id, c.organisation_id, c.title_en, c.title_cy, c.closes_on, c.links_allowed, \
                    c.reminder_days, o.name, o.name_cy, o.main_language \
             FROM campaigns c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = $1",
        )
        .bind(campaign.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok(MailCampaign {
            id: CampaignId(row.try_get("id")?),
            organisation_id: OrganisationId(row.try_get("organisation_id")?),
            title: Localised::new(
                row.try_get::<String, _>("title_en")?,
                row.try_get("title_cy")?,
            ),
            closes_on: date(&row, "closes_on")?,
            organisation: Localised::new(
                row.try_get::<String, _>("name")?,
                row.try_get("name_cy")?,
            ),
            main_language: row.try_get("main_language")?,
            settings: InvitationSettings {
                links_allowed: flag(&row, "links_allowed")?,
                reminder_days: row.try_get("reminder_days")?,
            },
        })
    }

    /// Everyone in the campaign's audience with an email who has not yet been sent an
    /// invitation (those whose invitation failed are included, to try again).
    pub async fn to_invite(
        &self,
        campaign: CampaignId,
        today: time::Date,
    ) -> Result<Vec<Recipient>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{RECIPIENT_COLUMNS} WHERE c.id = $1 AND {} \
               AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.campaign_id = c.id \
                   AND i.person_id = p.id AND i.kind = 'invite' AND i.sent_at IS NOT NULL) \
             ORDER BY p.id",
            reachable("$2")
        )))
        .bind(campaign.0)
        .bind(skillgym_domain::people::format_date(today))
        .fetch_all(&self.pool)
        .await?;
        recipients(rows)
    }

    /// Those sent an invitation at or before `invited_by` who have not submitted their
    /// answers and have not yet been sent a reminder.
    pub async fn to_remind(
        &self,
        campaign: CampaignId,
        today: time::Date,
        invited_by: i64,
    ) -> Result<Vec<Recipient>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{RECIPIENT_COLUMNS} WHERE c.id = $1 AND {} \
               AND EXISTS (SELECT 1 FROM invitations i WHERE i.campaign_id = c.id \
                   AND i.person_id = p.id AND i.kind = 'invite' AND i.sent_at <= $2) \
               AND NOT EXISTS (SELECT 1 FROM invitations i WHERE i.campaign_id = c.id \
                   AND i.person_id = p.id AND i.kind = 'reminder' AND i.sent_at IS NOT NULL) \
               AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.campaign_id = c.id \
                   AND r.person_id = p.id AND r.submitted_at IS NOT NULL) \
             ORDER BY p.id",
            reachable("$3")
        )))
        .bind(campaign.0)
        .bind(invited_by)
        .bind(skillgym_domain::people::format_date(today))
        .fetch_all(&self.pool)
        .await?;
        recipients(rows)
    }

    /// The campaigns open on `today` that may have reminders due: (campaign, reminder days).
    pub async fn campaigns_reminding(&self, today: time::Date) -> Result<Vec<(CampaignId, i64)>> {
        let rows = sqlx::query(
            "SELECT c.id, c.reminder_days FROM campaigns c \
             WHERE c.opens_on <= $1 AND c.closes_on >= $1 \
               AND EXISTS (SELECT 1 FROM invitations i WHERE i.campaign_id = c.id) \
             ORDER BY c.id",
        )
        .bind(skillgym_domain::people::format_date(today))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((CampaignId(r.try_get("id")?), r.try_get("reminder_days")?)))
            .collect()
    }

    /// Claims the right to send `kind` to `person`; `Some(claim)` when this caller must send
    /// it, `None` when it was sent already or someone else is sending it.
    pub async fn claim_invitation(
        &self,
        campaign: CampaignId,
        person: PersonId,
        kind: InvitationKind,
    ) -> Result<Option<i64>> {
        let at = now();
        let claimed: Option<i64> = sqlx::query_scalar(
            "INSERT INTO invitations (campaign_id, person_id, kind, claimed_at) \
             VALUES ($1, $2, $3, $4) \
             ON CONFLICT (campaign_id, person_id, kind) DO UPDATE \
                SET claimed_at = excluded.claimed_at, error = NULL \
                WHERE invitations.sent_at IS NULL \
                  AND (invitations.error IS NOT NULL OR invitations.claimed_at < $5) \
             RETURNING id",
        )
        .bind(campaign.0)
        .bind(person.0)
        .bind(kind.as_str())
        .bind(at)
        .bind(at - CLAIM_STALE_SECS)
        .fetch_optional(&self.pool)
        .await?;
        Ok(claimed)
    }

    /// Records a claimed email as sent (with its Message-ID) or as failed (with why).
    pub async fn finish_invitation(&self, claim: i64, outcome: Result<&str, &str>) -> Result<()> {
        let (sent_at, message_id, error) = match outcome {
            Ok(id) => (Some(now()), Some(id), None),
            Err(e) => (None, None, Some(e)),
        };
        sqlx::query(
            "UPDATE invitations SET sent_at = $2, message_id = $3, error = $4 WHERE id = $1",
        )
        .bind(claim)
        .bind(sent_at)
        .bind(message_id)
        .bind(error)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// How many were invited and reminded, and the emails that failed.
    pub async fn invitation_counts(&self, campaign: CampaignId) -> Result<InvitationCounts> {
        let row = sqlx::query(
            "SELECT \
                (SELECT COUNT(*) FROM invitations WHERE campaign_id = $1 AND kind = 'invite' \
                    AND sent_at IS NOT NULL) AS invited, \
                (SELECT COUNT(*) FROM invitations WHERE campaign_id = $1 AND kind = 'reminder' \
                    AND sent_at IS NOT NULL) AS reminded",
        )
        .bind(campaign.0)
        .fetch_one(&self.pool)
        .await?;
        let failed = sqlx::query(
            "SELECT p.given_name || ' ' || p.family_name AS name, i.kind, i.error \
             FROM invitations i JOIN people p ON p.id = i.person_id \
             WHERE i.campaign_id = $1 AND i.sent_at IS NULL AND i.error IS NOT NULL \
             ORDER BY p.family_name, p.given_name, i.kind LIMIT 100",
        )
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(FailedInvitation {
                name: r.try_get("name")?,
                kind: r.try_get("kind")?,
                error: r.try_get("error")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        Ok(InvitationCounts {
            invited: row.try_get("invited")?,
            reminded: row.try_get("reminded")?,
            failed,
        })
    }

    /// Whom a password-free link for `person` to `campaign` would sign in, changing nothing:
    /// only while the campaign allows links and the person is in its audience (an erased
    /// person no longer exists), and never a person who has left or a disabled account.
    pub async fn link_target(&self, campaign: CampaignId, person: PersonId) -> Result<LinkTarget> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT COALESCE(p.email, a.email) AS email, a.id AS account_id, a.disabled, p.left_on \
             FROM campaigns c JOIN people p ON p.id = $2 AND p.organisation_id = c.organisation_id \
             LEFT JOIN accounts a ON a.person_id = p.id \
             WHERE c.id = $1 AND c.links_allowed = 1 AND {AUDIENCE}"
        )))
        .bind(campaign.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(LinkTarget::Refused);
        };
        let account: Option<i64> = row.try_get("account_id")?;
        let disabled: Option<i64> = row.try_get("disabled")?;
        let left_on = crate::dates::optional_date(&row, "left_on")?;
        if disabled.is_some_and(|d| d != 0)
            || Departure::on(left_on, crate::dates::today()).has_left()
        {
            return Ok(LinkTarget::AccessEnded);
        }
        if let Some(account) = account {
            return Ok(LinkTarget::Account(AccountId(account)));
        }
        Ok(row
            .try_get::<Option<String>, _>("email")?
            .and_then(|e| Email::parse(&e).ok())
            .map_or(LinkTarget::Refused, LinkTarget::NewAccount))
    }

    /// Like [`Store::link_target`], but a person without an account is given one, with no
    /// password and no roles, so that a session can name it: for the link's POST, never its GET.
    pub async fn link_account(&self, campaign: CampaignId, person: PersonId) -> Result<LinkTarget> {
        let email = match self.link_target(campaign, person).await? {
            LinkTarget::NewAccount(email) => email,
            other => return Ok(other),
        };
        let new = NewAccount {
            person,
            email: email.clone(),
            password_hash: None,
            roles: Roles::default(),
        };
        match self.create_account(&new).await {
            Ok(id) => Ok(LinkTarget::Account(id)),
            // Opened twice at once: the other request made the account.
            Err(StoreError::Taken(_)) => Ok(self
                .account_by_email(&email)
                .await?
                .filter(|a: &AccountRecord| a.person_id == person)
                .map_or(LinkTarget::Refused, |a| LinkTarget::Account(a.id))),
            Err(e) => Err(e),
        }
    }

    /// Starts a session that reaches only `campaign`'s pages (see `SessionRecord::scope`).
    pub async fn create_scoped_session(
        &self,
        token_hash: &str,
        account: AccountId,
        csrf_token: &str,
        expires_at: i64,
        campaign: CampaignId,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at, \
                campaign_scope) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token_hash)
        .bind(account.0)
        .bind(csrf_token)
        .bind(now())
        .bind(expires_at)
        .bind(campaign.0)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Makes sure the reminder job has its row in `scheduled_jobs`.
    pub async fn register_reminder_job(&self) -> Result<()> {
        self.register_job(REMINDER_JOB).await
    }

    /// Makes sure `job` has a row in `scheduled_jobs` (due at once when new), for a job run
    /// outside [`crate::JOBS`] (one that sends email, which the store cannot).
    pub async fn register_job(&self, job: Job) -> Result<()> {
        sqlx::query(
            "INSERT INTO scheduled_jobs (name, next_run_at) VALUES ($1, $2) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(job.name)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
