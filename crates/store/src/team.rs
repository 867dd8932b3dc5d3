//! A manager's view of an audit: the campaigns their people were asked in, and where each of
//! those people has got to. "Their people" are those they manage, directly or through the teams
//! they manage (see `people::MANAGED`), never themselves; only people still with the
//! organisation are counted.

use crate::dates::date;
use crate::people::MANAGED;
use crate::{Result, Store, flag};
use skillgym_domain::audit::Localised;
use skillgym_domain::{CampaignId, OrganisationId, PersonId, TeamId};
use sqlx::{AssertSqlSafe, Row};

use crate::asked::Progress;

/// One of a manager's people in a campaign's audience.
#[derive(Debug, Clone)]
pub struct TeamMember {
    pub person: PersonId,
    pub name: String,
    pub progress: Progress,
}

/// A campaign that asked at least one of a manager's people.
#[derive(Debug, Clone)]
pub struct TeamCampaign {
    pub id: CampaignId,
    pub title: Localised,
    pub opens_on: time::Date,
    pub closes_on: time::Date,
    pub anonymous: bool,
}

/// The manager's people (`$1` the manager) whom campaign `c` asked, as `tp`, still with the
/// organisation on `today` (the parameter named). "Asked" is the campaign's own record
/// (`campaign_asked`), as for every other figure, so a closed campaign's list does not move.
fn asked_members(today: &str) -> String {
    format!(
        "tp.organisation_id = c.organisation_id AND tp.id IN (SELECT id FROM managed) \
         AND tp.id <> $1 AND (tp.left_on IS NULL OR tp.left_on > {today}) \
         AND EXISTS (SELECT 1 FROM campaign_asked k WHERE k.campaign_id = c.id AND k.person_id = tp.id)"
    )
}

impl Store {
    /// The campaigns of `org` that asked any of `manager`'s people, open on `today` or closed
    /// on or after `since`, most recent first. Brings the organisation's records of who its
    /// campaigns asked up to date first (only this organisation's).
    pub async fn team_campaigns(
        &self,
        org: OrganisationId,
        manager: PersonId,
        today: time::Date,
        since: time::Date,
    ) -> Result<Vec<TeamCampaign>> {
        let mut conn = self.pool.acquire().await?;
        crate::asked::record_due(&mut conn, self.backend, Some(org), None, today).await?;
        drop(conn);
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{MANAGED}SELECT c.id, c.title_en, c.title_cy, c.opens_on, c.closes_on, c.anonymous \
             FROM campaigns c \
             WHERE c.organisation_id = $2 AND c.opens_on <= $3 AND c.closes_on >= $4 \
               AND EXISTS (SELECT 1 FROM people tp WHERE {}) \
             ORDER BY c.closes_on DESC, c.id DESC",
            asked_members("$3")
        )))
        .bind(manager.0)
        .bind(org.0)
        .bind(skillgym_domain::people::format_date(today))
        .bind(skillgym_domain::people::format_date(since))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let en: String = r.try_get("title_en")?;
                Ok(TeamCampaign {
                    id: CampaignId(r.try_get("id")?),
                    title: Localised::new(en, r.try_get("title_cy")?),
                    opens_on: date(r, "opens_on")?,
                    closes_on: date(r, "closes_on")?,
                    anonymous: flag(r, "anonymous")?,
                })
            })
            .collect()
    }

    /// `manager`'s people in `campaign`'s audience, by family name, with where each has got
    /// to; empty for a campaign of another organisation or one that asked none of them.
    pub async fn team_progress(
        &self,
        org: OrganisationId,
        manager: PersonId,
        campaign: CampaignId,
        today: time::Date,
    ) -> Result<Vec<TeamMember>> {
        self.record_audience(campaign).await?;
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{MANAGED}SELECT tp.id, tp.given_name || ' ' || tp.family_name AS name, \
                    r.id AS response_id, r.submitted_at \
             FROM campaigns c JOIN people tp ON tp.organisation_id = c.organisation_id \
             LEFT JOIN responses r ON r.campaign_id = c.id AND r.person_id = tp.id \
             WHERE c.organisation_id = $2 AND c.id = $3 AND {} \
             ORDER BY tp.family_name, tp.given_name, tp.id",
            asked_members("$4")
        )))
        .bind(manager.0)
        .bind(org.0)
        .bind(campaign.0)
        .bind(skillgym_domain::people::format_date(today))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let response: Option<i64> = r.try_get("response_id")?;
                let submitted: Option<i64> = r.try_get("submitted_at")?;
                Ok(TeamMember {
                    person: PersonId(r.try_get("id")?),
                    name: r.try_get("name")?,
                    progress: match (response, submitted) {
                        (None, _) => Progress::NotStarted,
                        (Some(_), None) => Progress::Started,
                        (Some(_), Some(_)) => Progress::Finished,
                    },
                })
            })
            .collect()
    }

    /// The teams `manager` manages themselves (not those of the people they manage).
    pub async fn teams_managed(
        &self,
        org: OrganisationId,
        manager: PersonId,
    ) -> Result<Vec<(TeamId, String)>> {
        let rows = sqlx::query(
            "SELECT id, name FROM teams WHERE organisation_id = $1 AND manager_id = $2 \
             ORDER BY name, id",
        )
        .bind(org.0)
        .bind(manager.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((TeamId(r.try_get("id")?), r.try_get("name")?)))
            .collect()
    }
}
