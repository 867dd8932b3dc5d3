//! Audits open to people outside the staff file: a campaign's public link, the people who
//! answer through it (with no person and no account), their sessions, their confirmation
//! emails and the counts the rate limits read.

use crate::audit_trail::{AuditAction, NewAuditEvent, insert_event};
use crate::{Actor, ResponseState, Result, Store, StoreError, now};
use skillgym_domain::{CampaignId, OrganisationId, OrganisationSlug, ResponseId};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

/// Whether a public link asks for an email address, confirmed before answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicLinkMode {
    /// Anyone with the link answers, with nothing asked about who they are.
    Anonymous,
    /// An address is confirmed by a link sent to it; one response per address.
    ConfirmedEmail,
}

impl PublicLinkMode {
    pub fn as_str(self) -> &'static str {
        match self {
            PublicLinkMode::Anonymous => "anonymous",
            PublicLinkMode::ConfirmedEmail => "email",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "anonymous" => Some(PublicLinkMode::Anonymous),
            "email" => Some(PublicLinkMode::ConfirmedEmail),
            _ => None,
        }
    }
}

/// A campaign's public link as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicLink {
    pub campaign_id: CampaignId,
    pub organisation_id: OrganisationId,
    /// The random part of the address, `/take/{code}`.
    pub code: String,
    pub mode: PublicLinkMode,
    pub closed: bool,
}

/// Where someone answering through a link may send their answers: the campaign itself, or for
/// a network's campaign, each member's opening of it that is open today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicTarget {
    pub organisation_id: OrganisationId,
    pub slug: OrganisationSlug,
    pub name: String,
    pub name_cy: Option<String>,
    pub campaign_id: CampaignId,
}

/// Someone answering through a public link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicRespondent {
    pub id: i64,
    /// The organisation whose campaign they answer, and whose figures count them.
    pub organisation_id: OrganisationId,
    pub campaign_id: CampaignId,
    pub response_id: ResponseId,
    /// Whether they confirmed an email address.
    pub confirmed: bool,
}

/// What a rate limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicRequest {
    /// An anonymous start.
    Start,
    /// A confirmation email asked for.
    Email,
}

impl PublicRequest {
    fn as_str(self) -> &'static str {
        match self {
            PublicRequest::Start => "start",
            PublicRequest::Email => "email",
        }
    }
}

/// How many requests of a kind were made in the window, including the one just counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestCounts {
    pub from_address: i64,
    pub for_email: i64,
}

fn link_from(row: &AnyRow) -> Result<PublicLink> {
    let mode: i64 = row.try_get("confirm_email")?;
    Ok(PublicLink {
        campaign_id: CampaignId(row.try_get("campaign_id")?),
        organisation_id: OrganisationId(row.try_get("organisation_id")?),
        code: row.try_get("code")?,
        mode: if mode != 0 {
            PublicLinkMode::ConfirmedEmail
        } else {
            PublicLinkMode::Anonymous
        },
        closed: row.try_get::<Option<i64>, _>("closed_at")?.is_some(),
    })
}

fn respondent_from(row: &AnyRow) -> Result<PublicRespondent> {
    Ok(PublicRespondent {
        id: row.try_get("id")?,
        organisation_id: OrganisationId(row.try_get("organisation_id")?),
        campaign_id: CampaignId(row.try_get("campaign_id")?),
        response_id: ResponseId(row.try_get("response_id")?),
        confirmed: row.try_get::<Option<String>, _>("email_hash")?.is_some(),
    })
}

const LINK_COLUMNS: &str = "campaign_id, organisation_id, code, confirm_email, closed_at";
const RESPONDENT_COLUMNS: &str =
    "r.id, r.organisation_id, r.campaign_id, r.response_id, r.email_hash";

impl Store {
    /// The public link of `org`'s campaign, open or closed, if it ever had one.
    pub async fn public_link_of(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
    ) -> Result<Option<PublicLink>> {
        let sql = format!(
            "SELECT {LINK_COLUMNS} FROM public_links WHERE campaign_id = $1 AND organisation_id = $2"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(campaign.0)
            .bind(org.0)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(link_from).transpose()
    }

    /// The link whose address holds `code`.
    pub async fn public_link(&self, code: &str) -> Result<Option<PublicLink>> {
        let sql = format!("SELECT {LINK_COLUMNS} FROM public_links WHERE code = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(code)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(link_from).transpose()
    }

    /// Opens `org`'s campaign to the public in `mode` (`None` closes its link), recorded in
    /// the organisation's audit trail. A link keeps its code once made, so an address already
    /// given out works again when the link reopens; `new_code` is used only for the first.
    /// `NotFound` when the campaign is not `org`'s; `false` when nothing changed.
    pub async fn set_public_link(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        mode: Option<PublicLinkMode>,
        new_code: &str,
        actor: Actor,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let owned: Option<i64> =
            sqlx::query_scalar("SELECT id FROM campaigns WHERE id = $1 AND organisation_id = $2")
                .bind(campaign.0)
                .bind(org.0)
                .fetch_optional(&mut *tx)
                .await?;
        owned.ok_or(StoreError::NotFound)?;
        let sql = format!("SELECT {LINK_COLUMNS} FROM public_links WHERE campaign_id = $1");
        let was = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(campaign.0)
            .fetch_optional(&mut *tx)
            .await?;
        let was = was.as_ref().map(link_from).transpose()?;
        let at = now();
        let flag = match (mode, &was) {
            (None, None) => return Ok(false),
            (None, Some(link)) if link.closed => return Ok(false),
            (Some(m), Some(link)) if !link.closed && link.mode == m => return Ok(false),
            (None, Some(_)) => {
                sqlx::query("UPDATE public_links SET closed_at = $2 WHERE campaign_id = $1")
                    .bind(campaign.0)
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
                "public-closed"
            }
            (Some(m), Some(_)) => {
                sqlx::query(
                    "UPDATE public_links SET confirm_email = $2, closed_at = NULL \
                     WHERE campaign_id = $1",
                )
                .bind(campaign.0)
                .bind(i64::from(m == PublicLinkMode::ConfirmedEmail))
                .execute(&mut *tx)
                .await?;
                mode_flag(m)
            }
            (Some(m), None) => {
                sqlx::query(
                    "INSERT INTO public_links \
                         (campaign_id, organisation_id, code, confirm_email, created_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(campaign.0)
                .bind(org.0)
                .bind(new_code)
                .bind(i64::from(m == PublicLinkMode::ConfirmedEmail))
                .bind(at)
                .execute(&mut *tx)
                .await?;
                mode_flag(m)
            }
        };
        let event = NewAuditEvent::new(actor, AuditAction::PublicLinkChanged, None)
            .with("campaign", campaign.0)
            .with_flag(flag);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Where answers through `link` may go today: for a network's campaign, each member's
    /// opening of it that is open (members in name order); otherwise the campaign itself, if
    /// it is open. Empty when the link is closed.
    pub async fn public_targets(
        &self,
        link: &PublicLink,
        today: time::Date,
    ) -> Result<Vec<PublicTarget>> {
        if link.closed {
            return Ok(Vec::new());
        }
        let day = skillgym_domain::people::format_date(today);
        let rows = sqlx::query(
            "SELECT o.id AS organisation_id, o.slug, o.name, o.name_cy, c.id AS campaign_id \
             FROM campaigns c JOIN organisations o ON o.id = c.organisation_id \
             WHERE c.opens_on <= $2 AND c.closes_on >= $2 AND ( \
                 (c.id = $1 AND NOT EXISTS \
                     (SELECT 1 FROM network_campaigns nc WHERE nc.campaign_id = $1)) \
                 OR c.id IN (SELECT op.campaign_id FROM network_campaign_openings op \
                     JOIN network_campaigns nc ON nc.campaign_id = op.network_campaign_id \
                     JOIN network_members m ON m.network_id = nc.network_id \
                         AND m.organisation_id = op.organisation_id \
                     WHERE op.network_campaign_id = $1)) \
             ORDER BY o.name, o.id",
        )
        .bind(link.campaign_id.0)
        .bind(&day)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let slug: String = r.try_get("slug")?;
                Ok(PublicTarget {
                    organisation_id: OrganisationId(r.try_get("organisation_id")?),
                    slug: OrganisationSlug::parse(&slug)
                        .map_err(|_| StoreError::Corrupt(format!("organisation slug {slug}")))?,
                    name: r.try_get("name")?,
                    name_cy: r.try_get("name_cy")?,
                    campaign_id: CampaignId(r.try_get("campaign_id")?),
                })
            })
            .collect()
    }

    /// Starts an anonymous response to `target` through `link`: a respondent and their
    /// response, in one transaction.
    pub async fn start_public_response(
        &self,
        link: &PublicLink,
        target: &PublicTarget,
    ) -> Result<PublicRespondent> {
        let mut tx = self.begin_write().await?;
        let respondent = insert_respondent(
            &mut tx,
            link,
            (target.organisation_id, target.campaign_id),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(respondent)
    }

    /// Keeps a confirmation link for the address whose keyed hash is `email_hash`, to answer
    /// `target` through `link`, until `expires_at`.
    pub async fn ask_public_confirmation(
        &self,
        token_hash: &str,
        link: &PublicLink,
        target: &PublicTarget,
        email_hash: &str,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO public_confirmations \
                 (token_hash, organisation_id, link_campaign_id, campaign_id, email_hash, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token_hash)
        .bind(target.organisation_id.0)
        .bind(link.campaign_id.0)
        .bind(target.campaign_id.0)
        .bind(email_hash)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Whether a confirmation link for `link` is waiting to be followed.
    pub async fn public_confirmation_waiting(
        &self,
        link: &PublicLink,
        token_hash: &str,
    ) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT expires_at FROM public_confirmations \
             WHERE token_hash = $1 AND link_campaign_id = $2",
        )
        .bind(token_hash)
        .bind(link.campaign_id.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some_and(|at| at > now()))
    }

    /// Follows a confirmation link (once: it is used up): the respondent for its address,
    /// made now with their response, or the one the address made before, whose answers it
    /// resumes wherever that one answered. `None` when the link is unknown, used or expired.
    pub async fn confirm_public_address(
        &self,
        link: &PublicLink,
        token_hash: &str,
    ) -> Result<Option<PublicRespondent>> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "DELETE FROM public_confirmations WHERE token_hash = $1 AND link_campaign_id = $2 \
             RETURNING organisation_id, campaign_id, email_hash, expires_at",
        )
        .bind(token_hash)
        .bind(link.campaign_id.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else { return Ok(None) };
        if row.try_get::<i64, _>("expires_at")? <= now() {
            tx.commit().await?;
            return Ok(None);
        }
        let email_hash: String = row.try_get("email_hash")?;
        if let Some(earlier) = respondent_by_email(&mut tx, link, &email_hash).await? {
            tx.commit().await?;
            return Ok(Some(earlier));
        }
        let target = (
            OrganisationId(row.try_get("organisation_id")?),
            CampaignId(row.try_get("campaign_id")?),
        );
        let respondent = insert_respondent(&mut tx, link, target, Some(&email_hash)).await?;
        tx.commit().await?;
        Ok(Some(respondent))
    }

    /// Opens a session for `respondent` until `expires_at`.
    pub async fn create_public_session(
        &self,
        token_hash: &str,
        respondent: &PublicRespondent,
        expires_at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO public_sessions \
                 (token_hash, respondent_id, organisation_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(respondent.id)
        .bind(respondent.organisation_id.0)
        .bind(now())
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The respondent of an unexpired public session, while their link is open.
    pub async fn public_session(&self, token_hash: &str) -> Result<Option<PublicRespondent>> {
        let sql = format!(
            "SELECT {RESPONDENT_COLUMNS} FROM public_sessions s \
             JOIN public_respondents r ON r.id = s.respondent_id \
             JOIN public_links l ON l.campaign_id = r.link_campaign_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND l.closed_at IS NULL"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(token_hash)
            .bind(now())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(respondent_from).transpose()
    }

    /// Counts a request of `kind` from the client address `ip` (and for the address hashed
    /// as `email_hash`), then how many such requests were made since `since`, this one
    /// included: counting first means requests made at the same moment each see the others.
    pub async fn count_public_request(
        &self,
        org: OrganisationId,
        kind: PublicRequest,
        ip: &str,
        email_hash: Option<&str>,
        since: i64,
    ) -> Result<RequestCounts> {
        sqlx::query(
            "INSERT INTO public_link_requests (organisation_id, kind, ip, email_hash, at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(org.0)
        .bind(kind.as_str())
        .bind(ip)
        .bind(email_hash)
        .bind(now())
        .execute(&self.pool)
        .await?;
        let from_address: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM public_link_requests WHERE ip = $1 AND kind = $2 AND at >= $3",
        )
        .bind(ip)
        .bind(kind.as_str())
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        let for_email: i64 = match email_hash {
            Some(hash) => {
                sqlx::query_scalar(
                    "SELECT COUNT(*) FROM public_link_requests \
                     WHERE email_hash = $1 AND kind = $2 AND at >= $3",
                )
                .bind(hash)
                .bind(kind.as_str())
                .bind(since)
                .fetch_one(&self.pool)
                .await?
            }
            None => 0,
        };
        Ok(RequestCounts {
            from_address,
            for_email,
        })
    }

    /// How many people started answering through the public link of `org`'s campaign
    /// (for a network's, at all its members), and how many of them have finished.
    pub async fn public_respondent_counts(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
    ) -> Result<(i64, i64)> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS started, COUNT(x.submitted_at) AS submitted \
             FROM public_links l JOIN public_respondents r ON r.link_campaign_id = l.campaign_id \
             JOIN responses x ON x.id = r.response_id \
             WHERE l.organisation_id = $1 AND l.campaign_id = $2",
        )
        .bind(org.0)
        .bind(campaign.0)
        .fetch_one(&self.pool)
        .await?;
        Ok((row.try_get("started")?, row.try_get("submitted")?))
    }

    /// A response's progress, by its id.
    pub async fn response_state(&self, id: ResponseId) -> Result<Option<ResponseState>> {
        let submitted: Option<Option<i64>> =
            sqlx::query_scalar("SELECT submitted_at FROM responses WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
        let Some(submitted) = submitted else {
            return Ok(None);
        };
        Ok(Some(ResponseState {
            id,
            saved: self.saved_sections(id).await?,
            submitted: submitted.is_some(),
        }))
    }

    /// Forgets expired public sessions and confirmation links, and rate-limit counts older
    /// than a day; returns how many rows went.
    pub async fn delete_expired_public_rows(&self) -> Result<u64> {
        let at = now();
        let mut gone = 0;
        for (sql, before) in [
            ("DELETE FROM public_sessions WHERE expires_at <= $1", at),
            (
                "DELETE FROM public_confirmations WHERE expires_at <= $1",
                at,
            ),
            (
                "DELETE FROM public_link_requests WHERE at < $1",
                at - 86_400,
            ),
        ] {
            gone += sqlx::query(sql)
                .bind(before)
                .execute(&self.pool)
                .await?
                .rows_affected();
        }
        Ok(gone)
    }
}

fn mode_flag(mode: PublicLinkMode) -> &'static str {
    match mode {
        PublicLinkMode::Anonymous => "public-anonymous",
        PublicLinkMode::ConfirmedEmail => "public-email",
    }
}

async fn respondent_by_email(
    tx: &mut Transaction<'_, Any>,
    link: &PublicLink,
    email_hash: &str,
) -> Result<Option<PublicRespondent>> {
    let sql = format!(
        "SELECT {RESPONDENT_COLUMNS} FROM public_respondents r \
         WHERE r.link_campaign_id = $1 AND r.email_hash = $2"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(link.campaign_id.0)
        .bind(email_hash)
        .fetch_optional(&mut **tx)
        .await?;
    row.as_ref().map(respondent_from).transpose()
}

/// A respondent and their response. Two confirmations of one address at once cannot make
/// two: the second insert meets the unique index, and the caller's transaction fails rather
/// than count one address twice.
async fn insert_respondent(
    tx: &mut Transaction<'_, Any>,
    link: &PublicLink,
    (organisation, campaign): (OrganisationId, CampaignId),
    email_hash: Option<&str>,
) -> Result<PublicRespondent> {
    let at = now();
    let response: i64 = sqlx::query_scalar(
        "INSERT INTO responses (campaign_id, person_id, source, started_at, updated_at) \
         VALUES ($1, NULL, 'public', $2, $2) RETURNING id",
    )
    .bind(campaign.0)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO public_respondents \
             (organisation_id, link_campaign_id, campaign_id, response_id, email_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(organisation.0)
    .bind(link.campaign_id.0)
    .bind(campaign.0)
    .bind(response)
    .bind(email_hash)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    Ok(PublicRespondent {
        id,
        organisation_id: organisation,
        campaign_id: campaign,
        response_id: ResponseId(response),
        confirmed: email_hash.is_some(),
    })
}
