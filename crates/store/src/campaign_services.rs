//! The catalogue's services a campaign asks about: how confident each person is helping people
//! use them, asked on the audit's last page and kept, when the response is submitted, as their
//! confidence with each service (`service_confidence`, as if said on the service's page).
//!
//! Never asked by an anonymous campaign: confidence with a service is tied to the person (it
//! feeds Find help and the gaps per site). The rule is kept here, where campaigns get services.

use crate::audit::{NewCampaign, create_campaign_in};
use crate::audit_editing::open_for_edits;
use crate::audit_trail::{AuditAction, NewAuditEvent, insert_event};
use crate::{Actor, Result, Store, StoreError, flag};
use skillgym_domain::audit::Localised;
use skillgym_domain::services::ServiceCode;
use skillgym_domain::{CampaignId, OrganisationId, ServiceId};
use sqlx::{Any, Row, Transaction};

/// Why a campaign may not ask about services: it is anonymous (a Fluent message id).
pub const SERVICES_ANONYMOUS: &str = "campaign-services-anonymous";
/// Why an answer was refused: the campaign does not ask about that service.
pub const SERVICE_NOT_ASKED: &str = skillgym_domain::audit::section_form::SERVICE_NOT_ASKED;

/// A service a campaign asks about, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignService {
    pub id: ServiceId,
    pub code: ServiceCode,
    pub name: Localised,
}

/// The services `campaign` asks about, in order.
pub(crate) async fn services_of<'e>(
    conn: impl sqlx::Executor<'e, Database = Any>,
    campaign: CampaignId,
) -> Result<Vec<CampaignService>> {
    sqlx::query(
        "SELECT s.id, s.code, s.name_en, s.name_cy FROM campaign_services cs \
         JOIN services s ON s.id = cs.service_id AND s.organisation_id = cs.organisation_id \
         WHERE cs.campaign_id = $1 ORDER BY cs.position, s.id",
    )
    .bind(campaign.0)
    .fetch_all(conn)
    .await?
    .iter()
    .map(|r| {
        let code: String = r.try_get("code")?;
        Ok(CampaignService {
            id: ServiceId(r.try_get("id")?),
            code: ServiceCode::parse(&code)
                .map_err(|_| StoreError::Corrupt("service code".into()))?,
            name: Localised::new(r.try_get::<String, _>("name_en")?, r.try_get("name_cy")?),
        })
    })
    .collect()
}

/// Replaces the services `campaign` asks about with `services`, in that order: refused
/// ([`SERVICES_ANONYMOUS`]) for an anonymous campaign asked for any; `NotFound` for a service
/// of another organisation's catalogue (or none).
async fn write_services(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    campaign: CampaignId,
    services: &[ServiceId],
) -> Result<()> {
    let anonymous =
        sqlx::query("SELECT anonymous FROM campaigns WHERE organisation_id = $1 AND id = $2")
            .bind(org.0)
            .bind(campaign.0)
            .fetch_optional(&mut **tx)
            .await?
            .ok_or(StoreError::NotFound)?;
    if !services.is_empty() && flag(&anonymous, "anonymous")? {
        return Err(StoreError::Refused(SERVICES_ANONYMOUS));
    }
    sqlx::query("DELETE FROM campaign_services WHERE organisation_id = $1 AND campaign_id = $2")
        .bind(org.0)
        .bind(campaign.0)
        .execute(&mut **tx)
        .await?;
    let mut seen = Vec::new();
    for service in services {
        if seen.contains(service) {
            continue;
        }
        let added = sqlx::query(
            "INSERT INTO campaign_services (campaign_id, organisation_id, service_id, position) \
             SELECT $1, $2, s.id, $4 FROM services s WHERE s.organisation_id = $2 AND s.id = $3",
        )
        .bind(campaign.0)
        .bind(org.0)
        .bind(service.0)
        .bind(seen.len() as i64)
        .execute(&mut **tx)
        .await?;
        if added.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        seen.push(*service);
    }
    Ok(())
}

impl Store {
    /// The services `campaign` asks about, in order.
    pub async fn campaign_services(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
    ) -> Result<Vec<CampaignService>> {
        self.campaign(org, campaign).await.map(|c| c.services)
    }

    /// Opens a campaign (as [`Store::create_campaign`]) that also asks about `services`, in
    /// one transaction: refused ([`SERVICES_ANONYMOUS`]) when it is anonymous and asks about
    /// any, and nothing is stored.
    pub async fn create_campaign_asking(
        &self,
        org: OrganisationId,
        new: &NewCampaign,
        services: &[ServiceId],
    ) -> Result<CampaignId> {
        if new.anonymous && !services.is_empty() {
            return Err(StoreError::Refused(SERVICES_ANONYMOUS));
        }
        let framework = self.framework(org, new.framework).await?;
        let mut tx = self.begin_write().await?;
        let id = create_campaign_in(&mut tx, org, new, &framework).await?;
        write_services(&mut tx, org, id, services).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes the services a campaign asks about, recording it in the audit trail; `false`
    /// when they were those already. Refused ([`SERVICES_ANONYMOUS`]) for an anonymous
    /// campaign; `Taken(CAMPAIGN_ANSWERED)` once anyone has started answering (its pages are
    /// fixed then, as its questions are).
    pub async fn set_campaign_services(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        services: &[ServiceId],
        actor: Actor,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        open_for_edits(&mut tx, org, campaign).await?;
        let before: Vec<ServiceId> = services_of(&mut *tx, campaign)
            .await?
            .into_iter()
            .map(|s| s.id)
            .collect();
        write_services(&mut tx, org, campaign, services).await?;
        let after: Vec<ServiceId> = services_of(&mut *tx, campaign)
            .await?
            .into_iter()
            .map(|s| s.id)
            .collect();
        if before == after {
            return Ok(false);
        }
        let event = NewAuditEvent::new(actor, AuditAction::CampaignServicesChanged, None)
            .with("campaign", campaign.0)
            .with("services", after.len() as i64);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(true)
    }
}
