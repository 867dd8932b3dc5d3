//! The data change over time is computed from: for each of two campaigns, how many people were
//! asked and every finished response with whose it is and its ratings, read set-wise.

use crate::dates::date;
use crate::{Result, Store, StoreError};
use skillgym_domain::audit::{Localised, Rating};
use skillgym_domain::people::format_date;
use skillgym_domain::{CampaignId, CompetenceId, FrameworkId, OrganisationId, PersonId};
use sqlx::Row;
use std::collections::HashMap;

/// A campaign that another can be compared with.
#[derive(Debug, Clone)]
pub struct CampaignChoice {
    pub id: CampaignId,
    pub title: Localised,
    pub opens_on: time::Date,
}

/// One finished response: whose it is (`None` once the person is erased, or when it was
/// imported without a name) and its ratings.
#[derive(Debug, Clone, Default)]
pub struct ChangeResponse {
    pub person: Option<PersonId>,
    pub ratings: HashMap<CompetenceId, Rating>,
}

/// A campaign's respondents and how many people it asked.
#[derive(Debug, Clone, Default)]
pub struct ChangeData {
    /// People in its audience now, and those no longer in it who answered.
    pub asked: usize,
    pub responses: Vec<ChangeResponse>,
}

impl Store {
    /// The other campaigns on `framework` that opened no later than `opens_on`, newest first:
    /// the ones a campaign can be compared with.
    pub async fn earlier_campaigns(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        except: CampaignId,
        opens_on: time::Date,
    ) -> Result<Vec<CampaignChoice>> {
        let rows = sqlx::query(
            "SELECT id, title_en, title_cy, opens_on FROM campaigns \
             WHERE organisation_id = $1 AND framework_id = $2 AND id <> $3 AND opens_on <= $4 \
             ORDER BY opens_on DESC, id DESC",
        )
        .bind(org.0)
        .bind(framework.0)
        .bind(except.0)
        .bind(format_date(opens_on))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CampaignChoice {
                    id: CampaignId(r.try_get("id")?),
                    title: Localised::new(
                        r.try_get::<String, _>("title_en")?,
                        r.try_get::<Option<String>, _>("title_cy")?,
                    ),
                    opens_on: date(r, "opens_on")?,
                })
            })
            .collect()
    }

    /// A campaign's finished responses and the number asked.
    pub async fn change_data(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
    ) -> Result<ChangeData> {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM campaigns WHERE organisation_id = $1 AND id = $2")
                .bind(org.0)
                .bind(campaign.0)
                .fetch_optional(&self.pool)
                .await?;
        exists.ok_or(StoreError::NotFound)?;
        // Who was asked as the campaign recorded them (see `crate::asked`), and the finished
        // responses of no one recorded: erased people who finished, and imported ones.
        self.record_audience(campaign).await?;
        let in_audience: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM campaign_asked WHERE campaign_id = $1")
                .bind(campaign.0)
                .fetch_one(&self.pool)
                .await?;
        let outside: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM responses r \
             WHERE r.campaign_id = $1 AND r.submitted_at IS NOT NULL AND NOT EXISTS ( \
                SELECT 1 FROM campaign_asked k \
                WHERE k.campaign_id = r.campaign_id AND k.person_id = r.person_id)",
        )
        .bind(campaign.0)
        .fetch_one(&self.pool)
        .await?;
        let responses = sqlx::query(
            "SELECT id, person_id FROM responses \
             WHERE campaign_id = $1 AND submitted_at IS NOT NULL ORDER BY id",
        )
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?;
        let mut at: HashMap<i64, usize> = HashMap::new();
        let mut data = ChangeData {
            asked: (in_audience + outside) as usize,
            responses: Vec::with_capacity(responses.len()),
        };
        for (i, r) in responses.iter().enumerate() {
            at.insert(r.try_get("id")?, i);
            data.responses.push(ChangeResponse {
                person: r.try_get::<Option<i64>, _>("person_id")?.map(PersonId),
                ratings: HashMap::new(),
            });
        }
        for r in sqlx::query(
            "SELECT a.response_id, a.competence_id, a.value FROM ratings a \
             JOIN responses r ON r.id = a.response_id \
             WHERE r.campaign_id = $1 AND r.submitted_at IS NOT NULL",
        )
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?
        {
            if let Some(i) = at.get(&r.try_get::<i64, _>("response_id")?) {
                data.responses[*i].ratings.insert(
                    CompetenceId(r.try_get("competence_id")?),
                    Rating::from_stored(r.try_get("value")?).map_err(crate::people::corrupt)?,
                );
            }
        }
        Ok(data)
    }
}
