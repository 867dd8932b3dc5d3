//! The data a campaign's reports are computed from, read in a few set-wise queries.

use crate::{Result, Store, StoreError};
use skillgym_domain::audit::Rating;
use skillgym_domain::{CampaignId, CompetenceId, OrganisationId, SiteId, TeamId};
use sqlx::Row;
use std::collections::HashMap;

/// One person asked by a campaign, and whether they finished.
#[derive(Debug, Clone)]
pub struct Asked {
    pub sites: Vec<SiteId>,
    pub team: Option<TeamId>,
    pub job_family: String,
    /// Their finished response, by its position in [`ReportData::responses`].
    pub response: Option<usize>,
}

/// Everything a campaign report needs: who was asked, who answered, and every rating.
#[derive(Debug, Clone, Default)]
pub struct ReportData {
    pub asked: Vec<Asked>,
    /// Finished responses; each holds its ratings by competence.
    pub responses: Vec<HashMap<CompetenceId, Rating>>,
    /// Finished responses from people no longer in the organisation (erased or imported
    /// anonymously): counted in the totals, in no group.
    pub ungrouped: usize,
}

impl Store {
    pub async fn report_data(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
    ) -> Result<ReportData> {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT id FROM campaigns WHERE organisation_id = $1 AND id = $2")
                .bind(org.0)
                .bind(campaign.0)
                .fetch_optional(&self.pool)
                .await?;
        exists.ok_or(StoreError::NotFound)?;
        // Who was asked as the campaign recorded them (see `crate::asked`), not today's staff.
        self.record_audience(campaign).await?;
        let people = sqlx::query(
            "SELECT person_id, team_id, COALESCE(job_family, '') AS job_family, sites \
             FROM campaign_asked WHERE campaign_id = $1 ORDER BY id",
        )
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?;
        let responses = sqlx::query(
            "SELECT id, person_id FROM responses WHERE campaign_id = $1 AND submitted_at IS NOT NULL \
             ORDER BY id",
        )
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?;
        let mut position_of_response: HashMap<i64, usize> = HashMap::new();
        let mut response_of_person: HashMap<i64, usize> = HashMap::new();
        for (i, r) in responses.iter().enumerate() {
            position_of_response.insert(r.try_get("id")?, i);
            if let Some(person) = r.try_get::<Option<i64>, _>("person_id")? {
                response_of_person.insert(person, i);
            }
        }
        let mut data = ReportData {
            responses: vec![HashMap::new(); responses.len()],
            ..ReportData::default()
        };
        let mut grouped = 0;
        for r in &people {
            let response = r
                .try_get::<Option<i64>, _>("person_id")?
                .and_then(|id| response_of_person.get(&id).copied());
            grouped += usize::from(response.is_some());
            data.asked.push(Asked {
                sites: crate::asked::parse_sites(&r.try_get::<String, _>("sites")?)?,
                team: r.try_get::<Option<i64>, _>("team_id")?.map(TeamId),
                job_family: r.try_get("job_family")?,
                response,
            });
        }
        data.ungrouped = responses.len() - grouped;
        let ratings = sqlx::query(
            "SELECT ra.response_id, ra.competence_id, ra.value FROM ratings ra \
             JOIN responses r ON r.id = ra.response_id \
             WHERE r.campaign_id = $1 AND r.submitted_at IS NOT NULL",
        )
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?;
        for r in &ratings {
            let response: i64 = r.try_get("response_id")?;
            if let Some(at) = position_of_response.get(&response) {
                data.responses[*at].insert(
                    CompetenceId(r.try_get("competence_id")?),
                    Rating::from_stored(r.try_get("value")?).map_err(crate::people::corrupt)?,
                );
            }
        }
        Ok(data)
    }
}
