//! Networks of organisations, their members, and the campaigns they run together.

use crate::audit_trail::{AuditAction, NewAuditEvent, insert_event};
use crate::error::taken_or;
use crate::{Actor, Result, Store, StoreError, flag, now};
use skillgym_domain::{CampaignId, NetworkId, OrganisationId, OrganisationSlug};
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};

/// A network as stored.
#[derive(Debug, Clone)]
pub struct NetworkRecord {
    pub id: NetworkId,
    /// The organisation that runs it: its coordinators are that organisation's people with
    /// the coordinator role.
    pub organisation_id: OrganisationId,
    pub slug: OrganisationSlug,
    pub name: String,
    pub name_cy: Option<String>,
}

/// What it takes to create a network.
#[derive(Debug, Clone)]
pub struct NewNetwork {
    pub slug: OrganisationSlug,
    pub name: String,
    pub name_cy: Option<String>,
}

/// A member of a network.
#[derive(Debug, Clone)]
pub struct NetworkMember {
    pub organisation_id: OrganisationId,
    pub name: String,
    pub name_cy: Option<String>,
    /// Whether it lets the network's coordinators see its own figures.
    pub shares_figures: bool,
}

/// A network campaign as a member sees it: the network's, and its own opening if any.
#[derive(Debug, Clone)]
pub struct NetworkCampaignRecord {
    /// The campaign in the network's own organisation.
    pub id: CampaignId,
    pub network: NetworkId,
    pub network_name: String,
    pub network_name_cy: Option<String>,
    pub title: String,
    pub title_cy: Option<String>,
    pub opens_on: time::Date,
    pub closes_on: time::Date,
    /// The member's own campaign that opens it for its staff, once opened.
    pub opened_as: Option<CampaignId>,
}

/// A framework shared with a network, as a member sees it.
#[derive(Debug, Clone)]
pub struct NetworkFrameworkRecord {
    /// The framework in the network's own organisation.
    pub id: skillgym_domain::FrameworkId,
    pub network: NetworkId,
    pub code: String,
    pub title: String,
    pub title_cy: Option<String>,
    /// The member's own copy (the framework of its own with the same identifier), if any.
    pub adopted_as: Option<skillgym_domain::FrameworkId>,
}

/// A member's opening of a network campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opening {
    pub organisation_id: OrganisationId,
    pub campaign_id: CampaignId,
}

const NETWORK_COLUMNS: &str = "n.id, n.organisation_id, n.slug, n.name, n.name_cy";

fn network_from(row: &AnyRow) -> Result<NetworkRecord> {
    let slug: String = row.try_get("slug")?;
    Ok(NetworkRecord {
        id: NetworkId(row.try_get("id")?),
        organisation_id: OrganisationId(row.try_get("organisation_id")?),
        slug: OrganisationSlug::parse(&slug)
            .map_err(|_| StoreError::Corrupt(format!("network slug {slug:?}")))?,
        name: row.try_get("name")?,
        name_cy: row.try_get("name_cy")?,
    })
}

fn date(row: &AnyRow, column: &str) -> Result<time::Date> {
    let text: String = row.try_get(column)?;
    skillgym_domain::people::parse_date(&text)
        .map_err(|_| StoreError::Corrupt(format!("{column} {text:?}")))
}

impl Store {
    /// Creates a network run by `org`.
    pub async fn create_network(
        &self,
        org: OrganisationId,
        new: &NewNetwork,
    ) -> Result<NetworkRecord> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO networks (organisation_id, slug, name, name_cy, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(org.0)
        .bind(new.slug.as_str())
        .bind(&new.name)
        .bind(&new.name_cy)
        .bind(now())
        .fetch_one(&self.pool)
        .await
        .map_err(|e| taken_or(e, "network-slug-taken"))?;
        self.network(NetworkId(id)).await
    }

    pub async fn network(&self, id: NetworkId) -> Result<NetworkRecord> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {NETWORK_COLUMNS} FROM networks n WHERE n.id = $1"
        )))
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        network_from(&row)
    }

    pub async fn network_by_slug(&self, slug: &OrganisationSlug) -> Result<Option<NetworkRecord>> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {NETWORK_COLUMNS} FROM networks n WHERE n.slug = $1"
        )))
        .bind(slug.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(network_from).transpose()
    }

    /// Every network, in the order they were created.
    pub async fn networks(&self) -> Result<Vec<NetworkRecord>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {NETWORK_COLUMNS} FROM networks n ORDER BY n.id"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(network_from).collect()
    }

    /// The networks `org` runs.
    pub async fn networks_run_by(&self, org: OrganisationId) -> Result<Vec<NetworkRecord>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {NETWORK_COLUMNS} FROM networks n WHERE n.organisation_id = $1 ORDER BY n.name"
        )))
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(network_from).collect()
    }

    /// The networks `org` is a member of, with whether it shares its figures with each.
    pub async fn memberships(&self, org: OrganisationId) -> Result<Vec<(NetworkRecord, bool)>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {NETWORK_COLUMNS}, m.shares_figures FROM networks n \
             JOIN network_members m ON m.network_id = n.id \
             WHERE m.organisation_id = $1 ORDER BY n.name"
        )))
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((network_from(r)?, flag(r, "shares_figures")?)))
            .collect()
    }

    /// Makes `member` a member of `network`; `false` when it already was.
    pub async fn add_network_member(
        &self,
        network: NetworkId,
        member: OrganisationId,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO network_members (network_id, organisation_id, joined_at) \
             VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(network.0)
        .bind(member.0)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The network's members, by name.
    pub async fn network_members(&self, network: NetworkId) -> Result<Vec<NetworkMember>> {
        let rows = sqlx::query(
            "SELECT o.id, o.name, o.name_cy, m.shares_figures FROM network_members m \
             JOIN organisations o ON o.id = m.organisation_id \
             WHERE m.network_id = $1 ORDER BY o.name, o.id",
        )
        .bind(network.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(NetworkMember {
                    organisation_id: OrganisationId(r.try_get("id")?),
                    name: r.try_get("name")?,
                    name_cy: r.try_get("name_cy")?,
                    shares_figures: flag(r, "shares_figures")?,
                })
            })
            .collect()
    }

    /// Lets the network's coordinators see `member`'s own figures, or stops them; recorded in
    /// the member's audit trail. `false` when nothing changed; `NotFound` when it is not a
    /// member.
    pub async fn set_network_sharing(
        &self,
        network: NetworkId,
        member: OrganisationId,
        shares: bool,
        actor: Actor,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let was: Option<i64> = sqlx::query_scalar(
            "SELECT shares_figures FROM network_members \
             WHERE network_id = $1 AND organisation_id = $2",
        )
        .bind(network.0)
        .bind(member.0)
        .fetch_optional(&mut *tx)
        .await?;
        let was = was.ok_or(StoreError::NotFound)? != 0;
        if was == shares {
            return Ok(false);
        }
        sqlx::query(
            "UPDATE network_members SET shares_figures = $3 \
             WHERE network_id = $1 AND organisation_id = $2",
        )
        .bind(network.0)
        .bind(member.0)
        .bind(i64::from(shares))
        .execute(&mut *tx)
        .await?;
        let event = NewAuditEvent::new(actor, AuditAction::NetworkSharingChanged, None)
            .with("network", network.0)
            .with_flag(if shares { "sharing-on" } else { "sharing-off" });
        insert_event(&mut tx, member, &event).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Publishes `campaign`, of the organisation that runs `network`, to the network's members.
    /// `NotFound` when the network is not `org`'s or the campaign is not; `false` when it was
    /// published already.
    pub async fn publish_network_campaign(
        &self,
        org: OrganisationId,
        network: NetworkId,
        campaign: CampaignId,
        actor: Actor,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let ours: Option<i64> = sqlx::query_scalar(
            "SELECT c.id FROM campaigns c JOIN networks n ON n.organisation_id = c.organisation_id \
             WHERE c.organisation_id = $1 AND c.id = $2 AND n.id = $3",
        )
        .bind(org.0)
        .bind(campaign.0)
        .bind(network.0)
        .fetch_optional(&mut *tx)
        .await?;
        ours.ok_or(StoreError::NotFound)?;
        let done = sqlx::query(
            "INSERT INTO network_campaigns (campaign_id, organisation_id, network_id, published_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(campaign.0)
        .bind(org.0)
        .bind(network.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        let event = NewAuditEvent::new(actor, AuditAction::NetworkCampaignPublished, None)
            .with("network", network.0)
            .with("campaign", campaign.0);
        insert_event(&mut tx, org, &event).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The network campaigns of every network `member` belongs to, newest first, each with the
    /// member's own opening of it if any.
    pub async fn network_campaigns_for(
        &self,
        member: OrganisationId,
    ) -> Result<Vec<NetworkCampaignRecord>> {
        let rows = sqlx::query(
            "SELECT c.id, n.id AS network_id, n.name AS network_name, \
                    n.name_cy AS network_name_cy, c.title_en, c.title_cy, c.opens_on, \
                    c.closes_on, o.campaign_id AS opened_as \
             FROM network_members m \
             JOIN networks n ON n.id = m.network_id \
             JOIN network_campaigns nc ON nc.network_id = n.id \
             JOIN campaigns c ON c.id = nc.campaign_id \
             LEFT JOIN network_campaign_openings o \
                 ON o.network_campaign_id = nc.campaign_id AND o.organisation_id = m.organisation_id \
             WHERE m.organisation_id = $1 \
             ORDER BY c.opens_on DESC, c.id DESC",
        )
        .bind(member.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(network_campaign_from).collect()
    }

    /// The campaigns published to `network`, newest first (`opened_as` is `None`: no member's
    /// opening is meant).
    pub async fn network_campaigns_of(
        &self,
        network: NetworkId,
    ) -> Result<Vec<NetworkCampaignRecord>> {
        let rows = sqlx::query(
            "SELECT c.id, n.id AS network_id, n.name AS network_name, \
                    n.name_cy AS network_name_cy, c.title_en, c.title_cy, c.opens_on, \
                    c.closes_on, CAST(NULL AS BIGINT) AS opened_as \
             FROM network_campaigns nc \
             JOIN networks n ON n.id = nc.network_id \
             JOIN campaigns c ON c.id = nc.campaign_id \
             WHERE nc.network_id = $1 \
             ORDER BY c.opens_on DESC, c.id DESC",
        )
        .bind(network.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(network_campaign_from).collect()
    }

    /// The network campaign `id` as `member` sees it: `NotFound` unless `member` belongs to
    /// its network.
    pub async fn network_campaign_for(
        &self,
        member: OrganisationId,
        id: CampaignId,
    ) -> Result<NetworkCampaignRecord> {
        self.network_campaigns_for(member)
            .await?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or(StoreError::NotFound)
    }

    /// The network campaign a member's campaign opens, if it opens one.
    pub async fn opened_network_campaign(
        &self,
        member: OrganisationId,
        campaign: CampaignId,
    ) -> Result<Option<CampaignId>> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT network_campaign_id FROM network_campaign_openings \
             WHERE organisation_id = $1 AND campaign_id = $2",
        )
        .bind(member.0)
        .bind(campaign.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(CampaignId))
    }

    /// Every member's opening of the network campaign `id`, members of its network only.
    pub async fn openings(&self, id: CampaignId) -> Result<Vec<Opening>> {
        let rows = sqlx::query(
            "SELECT o.organisation_id, o.campaign_id FROM network_campaign_openings o \
             JOIN network_campaigns nc ON nc.campaign_id = o.network_campaign_id \
             JOIN network_members m \
                 ON m.network_id = nc.network_id AND m.organisation_id = o.organisation_id \
             WHERE o.network_campaign_id = $1 ORDER BY o.organisation_id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Opening {
                    organisation_id: OrganisationId(r.try_get("organisation_id")?),
                    campaign_id: CampaignId(r.try_get("campaign_id")?),
                })
            })
            .collect()
    }

    /// Opens the network campaign `network_campaign` for `member`'s staff: creates `new` in
    /// the member's organisation (on its own copy of the framework) and records the opening,
    /// in one transaction, with the event in the member's audit trail. `Taken` when the member
    /// opened it already.
    pub async fn open_network_campaign(
        &self,
        member: OrganisationId,
        network_campaign: CampaignId,
        new: &crate::NewCampaign,
        actor: Actor,
    ) -> Result<CampaignId> {
        let framework = self.framework(member, new.framework).await?;
        let mut tx = self.begin_write().await?;
        let campaign = crate::audit::create_campaign_in(&mut tx, member, new, &framework).await?;
        sqlx::query(
            "INSERT INTO network_campaign_openings \
                 (campaign_id, organisation_id, network_campaign_id) VALUES ($1, $2, $3)",
        )
        .bind(campaign.0)
        .bind(member.0)
        .bind(network_campaign.0)
        .execute(&mut *tx)
        .await
        .map_err(|e| taken_or(e, "network-campaign-opened"))?;
        let event = NewAuditEvent::new(actor, AuditAction::NetworkCampaignOpened, None)
            .with("network-campaign", network_campaign.0)
            .with("campaign", campaign.0);
        insert_event(&mut tx, member, &event).await?;
        tx.commit().await?;
        Ok(campaign)
    }

    /// Opens the network campaign `id` for `member`'s staff between `opens_on` and
    /// `closes_on`: the member adopts the network's framework (once, keeping its stable
    /// identifiers; a framework of its own with the same identifier is used again) and gets a
    /// campaign of its own asking what the network's asks, which its administrators may then
    /// change as any other (dates, profile questions of their own) until people answer.
    /// `NotFound` unless `member` belongs to the campaign's network; `Taken` when a framework
    /// of the member's has the network framework's code but not its identifier, or the member
    /// opened this campaign already.
    pub async fn open_network_campaign_for(
        &self,
        member: OrganisationId,
        id: CampaignId,
        opens_on: time::Date,
        closes_on: time::Date,
        actor: Actor,
    ) -> Result<CampaignId> {
        let listed = self.network_campaign_for(member, id).await?;
        if listed.opened_as.is_some() {
            return Err(StoreError::Taken("network-campaign-opened"));
        }
        let owner = self.network(listed.network).await?.organisation_id;
        let source = self.campaign(owner, id).await?;
        let theirs = self.framework(owner, source.framework_id).await?;
        let identifier = &theirs.framework.identifier;
        let framework = match self.framework_by_identifier(member, identifier).await? {
            Some(own) => own,
            None => self.create_framework(member, &theirs.framework).await?,
        };
        let adopted = self.framework(member, framework).await?;
        let competences = source
            .areas
            .iter()
            .flat_map(|a| &a.competences)
            .map(|c| adopted.competence_ids.get(&c.code).copied())
            .collect::<Option<Vec<_>>>()
            .ok_or(StoreError::Taken("network-framework-changed"))?;
        let new = crate::NewCampaign {
            framework,
            title: source.title.clone(),
            opens_on,
            closes_on,
            anonymous: source.anonymous,
            competences,
            audience: Default::default(),
            content: skillgym_domain::audit::CampaignContent {
                title: source.title.clone(),
                profile_questions: source.questions.iter().map(|(_, q)| q.clone()).collect(),
                quiz: source.quiz.iter().map(|(_, q)| q.clone()).collect(),
            },
            pictures: self.campaign_pictures(source.id).await?,
            cloned_from: None,
        };
        self.open_network_campaign(member, id, &new, actor).await
    }

    /// Shares `framework`, of the organisation that runs `network`, with the network's members.
    /// `NotFound` when the network or the framework is not `org`'s; `false` when it was shared
    /// already.
    pub async fn publish_network_framework(
        &self,
        org: OrganisationId,
        network: NetworkId,
        framework: skillgym_domain::FrameworkId,
    ) -> Result<bool> {
        let ours: Option<i64> = sqlx::query_scalar(
            "SELECT f.id FROM frameworks f JOIN networks n ON n.organisation_id = f.organisation_id \
             WHERE f.organisation_id = $1 AND f.id = $2 AND n.id = $3",
        )
        .bind(org.0)
        .bind(framework.0)
        .bind(network.0)
        .fetch_optional(&self.pool)
        .await?;
        ours.ok_or(StoreError::NotFound)?;
        let done = sqlx::query(
            "INSERT INTO network_frameworks (framework_id, organisation_id, network_id, \
                 published_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(framework.0)
        .bind(org.0)
        .bind(network.0)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The frameworks shared with the networks `member` belongs to (or, for the organisation
    /// that runs a network, with that network: `member` then is its runner), each with the
    /// member's own copy if it has one.
    pub async fn network_frameworks_for(
        &self,
        member: OrganisationId,
    ) -> Result<Vec<NetworkFrameworkRecord>> {
        let rows = sqlx::query(
            "SELECT f.id, nf.network_id, f.code, f.title_en, f.title_cy, \
                    (SELECT own.id FROM frameworks own \
                     WHERE own.organisation_id = $1 AND own.identifier = f.identifier) AS adopted_as \
             FROM network_frameworks nf \
             JOIN frameworks f ON f.id = nf.framework_id \
             WHERE nf.network_id IN (SELECT network_id FROM network_members WHERE organisation_id = $1) \
             ORDER BY f.code, f.id",
        )
        .bind(member.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let adopted: Option<i64> = r.try_get("adopted_as")?;
                Ok(NetworkFrameworkRecord {
                    id: skillgym_domain::FrameworkId(r.try_get("id")?),
                    network: NetworkId(r.try_get("network_id")?),
                    code: r.try_get("code")?,
                    title: r.try_get("title_en")?,
                    title_cy: r.try_get("title_cy")?,
                    adopted_as: adopted.map(skillgym_domain::FrameworkId),
                })
            })
            .collect()
    }

    /// The frameworks shared with `network`.
    pub async fn network_frameworks_of(
        &self,
        network: NetworkId,
    ) -> Result<Vec<skillgym_domain::FrameworkId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT framework_id FROM network_frameworks WHERE network_id = $1 ORDER BY framework_id",
        )
        .bind(network.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().map(skillgym_domain::FrameworkId).collect())
    }

    /// `member` adopts the shared framework `id`: a copy of its own, with the same stable
    /// identifiers, so that a CASE file or a network campaign finds it again. Its own copy when
    /// it has one already; `NotFound` unless the framework is shared with a network `member`
    /// belongs to; `Taken` when a framework of its own has the same code and another identifier.
    pub async fn adopt_network_framework(
        &self,
        member: OrganisationId,
        id: skillgym_domain::FrameworkId,
    ) -> Result<skillgym_domain::FrameworkId> {
        let shared = self
            .network_frameworks_for(member)
            .await?
            .into_iter()
            .find(|f| f.id == id)
            .ok_or(StoreError::NotFound)?;
        if let Some(own) = shared.adopted_as {
            return Ok(own);
        }
        let owner = self.network(shared.network).await?.organisation_id;
        let theirs = self.framework(owner, id).await?;
        self.create_framework(member, &theirs.framework).await
    }

    /// The organisation's framework with this stable identifier (as a CASE file gives it), if
    /// it has one: a network's framework adopted once is used again.
    pub async fn framework_by_identifier(
        &self,
        org: OrganisationId,
        identifier: &str,
    ) -> Result<Option<skillgym_domain::FrameworkId>> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM frameworks WHERE organisation_id = $1 AND identifier = $2",
        )
        .bind(org.0)
        .bind(identifier)
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(skillgym_domain::FrameworkId))
    }
}

fn network_campaign_from(row: &AnyRow) -> Result<NetworkCampaignRecord> {
    let opened_as: Option<i64> = row.try_get("opened_as")?;
    Ok(NetworkCampaignRecord {
        id: CampaignId(row.try_get("id")?),
        network: NetworkId(row.try_get("network_id")?),
        network_name: row.try_get("network_name")?,
        network_name_cy: row.try_get("network_name_cy")?,
        title: row.try_get("title_en")?,
        title_cy: row.try_get("title_cy")?,
        opens_on: date(row, "opens_on")?,
        closes_on: date(row, "closes_on")?,
        opened_as: opened_as.map(CampaignId),
    })
}
