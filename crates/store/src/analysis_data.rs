//! The data group comparisons and calibration are computed from: every finished response with
//! its respondent's job family and employment, ratings, profile answers and quiz answers, read
//! in four set-wise queries whatever the number of people.

use crate::{Result, Store, StoreError};
use skillgym_domain::audit::Rating;
use skillgym_domain::{CampaignId, CompetenceId, OrganisationId, QuestionId};
use sqlx::Row;
use std::collections::HashMap;

/// One finished response.
#[derive(Debug, Clone, Default)]
pub struct AnalysisRespondent {
    /// The respondent's job family and employment as stored; `None` when the response is from
    /// someone no longer in the organisation, or imported anonymously.
    pub job_family: Option<String>,
    pub employment: Option<String>,
    pub ratings: HashMap<CompetenceId, Rating>,
    /// Profile answers in their stored form (option numbers joined by commas, a number, text).
    pub profile: HashMap<QuestionId, String>,
    /// Each quiz answer: the competence its item tests, and whether it was right.
    pub quiz: Vec<(CompetenceId, bool)>,
}

/// Every finished response of a campaign.
#[derive(Debug, Clone, Default)]
pub struct AnalysisData {
    pub respondents: Vec<AnalysisRespondent>,
}

impl Store {
    pub async fn analysis_data(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
    ) -> Result<AnalysisData> {
        let responses = sqlx::query(
            "SELECT r.id, p.job_family, p.employment FROM responses r \
             JOIN campaigns c ON c.id = r.campaign_id \
             LEFT JOIN people p ON p.id = r.person_id \
             WHERE c.organisation_id = $1 AND r.campaign_id = $2 AND r.submitted_at IS NOT NULL \
             ORDER BY r.id",
        )
        .bind(org.0)
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?;
        if responses.is_empty() {
            let exists: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM campaigns WHERE organisation_id = $1 AND id = $2",
            )
            .bind(org.0)
            .bind(campaign.0)
            .fetch_optional(&self.pool)
            .await?;
            exists.ok_or(StoreError::NotFound)?;
        }
        let mut at: HashMap<i64, usize> = HashMap::new();
        let mut data = AnalysisData::default();
        for (i, r) in responses.iter().enumerate() {
            at.insert(r.try_get("id")?, i);
            data.respondents.push(AnalysisRespondent {
                job_family: r.try_get("job_family")?,
                employment: r.try_get("employment")?,
                ..AnalysisRespondent::default()
            });
        }
        let submitted = "JOIN responses r ON r.id = a.response_id \
                         WHERE r.campaign_id = $1 AND r.submitted_at IS NOT NULL";
        for r in sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT a.response_id, a.competence_id, a.value FROM ratings a {submitted}"
        )))
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?
        {
            if let Some(i) = at.get(&r.try_get::<i64, _>("response_id")?) {
                data.respondents[*i].ratings.insert(
                    CompetenceId(r.try_get("competence_id")?),
                    Rating::from_stored(r.try_get("value")?).map_err(crate::people::corrupt)?,
                );
            }
        }
        for r in sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT a.response_id, a.question_id, a.value FROM profile_answers a {submitted}"
        )))
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?
        {
            if let Some(i) = at.get(&r.try_get::<i64, _>("response_id")?) {
                data.respondents[*i]
                    .profile
                    .insert(QuestionId(r.try_get("question_id")?), r.try_get("value")?);
            }
        }
        for r in sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT a.response_id, q.competence_id, a.correct FROM quiz_answers a \
             JOIN quiz_items q ON q.id = a.item_id {submitted} ORDER BY a.response_id, q.position"
        )))
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?
        {
            if let Some(i) = at.get(&r.try_get::<i64, _>("response_id")?) {
                data.respondents[*i].quiz.push((
                    CompetenceId(r.try_get("competence_id")?),
                    r.try_get::<i64, _>("correct")? != 0,
                ));
            }
        }
        Ok(data)
    }
}
