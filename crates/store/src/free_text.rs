//! A campaign's answers to its free-text questions, with what groups each response (its
//! person's job family, employment, working hours and length of service, the team the campaign
//! recorded for them, its single-choice answers), for the answers page.

use crate::analysis_columns::SUBMITTED_IN_ORDER;
use crate::{Campaign, Result, Store};
use skillgym_domain::audit::QuestionKind;
use skillgym_domain::{
    ContractedHours, Employment, JobFamily, OrganisationId, QuestionId, ServiceLength, SiteId,
    TeamId, WorkingHours,
};
use sqlx::{AssertSqlSafe, Row};
use std::collections::HashMap;

/// One finished response: what groups it, and its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeTextResponse {
    /// Its person's, while the person is known (not for a response imported without a name or
    /// whose person has been erased).
    pub job_family: Option<JobFamily>,
    pub employment: Option<Employment>,
    pub hours: Option<WorkingHours>,
    /// Length of service when the campaign opened.
    pub service: Option<ServiceLength>,
    /// As the campaign recorded it for its person, when it asked them.
    pub team: Option<TeamId>,
    /// Its person's main site (the first listed), as the campaign recorded it.
    pub main_site: Option<SiteId>,
    /// Its answers to the campaign's free-text and single-choice questions, as stored (text,
    /// or an option's number), in the campaign's order of questions.
    pub answers: Vec<(QuestionId, String)>,
}

impl Store {
    /// The campaign's finished responses in the order they were submitted (as the figures of
    /// an open anonymous campaign count them), only the first `first` when given. Nothing for
    /// a campaign of another organisation.
    pub async fn free_text_answers(
        &self,
        org: OrganisationId,
        campaign: &Campaign,
        first: Option<usize>,
    ) -> Result<Vec<FreeTextResponse>> {
        // Teams and sites as the campaign recorded them: recorded first, as for its figures.
        self.record_audience(campaign.id).await?;
        let responses = sqlx::query(AssertSqlSafe(format!(
            "SELECT r.id, p.job_family, p.employment, \
               CASE WHEN r.submitted_seq IS NULL THEN r.submitted_at \
                 ELSE {SUBMITTED_IN_ORDER} + r.submitted_seq END AS submitted, \
               p.contracted_hours, p.start_date, k.team_id, k.sites \
             FROM responses r JOIN campaigns c ON c.id = r.campaign_id \
               LEFT JOIN people p ON p.id = r.person_id \
               LEFT JOIN campaign_asked k ON k.campaign_id = r.campaign_id \
                 AND k.person_id = r.person_id \
             WHERE r.campaign_id = $1 AND c.organisation_id = $2 AND r.submitted_at IS NOT NULL \
             ORDER BY submitted, r.id"
        )))
        .bind(campaign.id.0)
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        let kept = first.unwrap_or(usize::MAX).min(responses.len());
        let mut out = Vec::with_capacity(kept);
        let mut position: HashMap<i64, usize> = HashMap::with_capacity(kept);
        let opened = campaign.opens_on;
        for row in &responses[..kept] {
            position.insert(row.try_get(0)?, out.len());
            let family: Option<String> = row.try_get(1)?;
            let employment: Option<Employment> = row
                .try_get::<Option<String>, _>(2)?
                .and_then(|e| Employment::ALL.iter().find(|x| x.as_str() == e).copied());
            let hours: Option<f64> = row.try_get(4)?;
            let started = crate::dates::optional_date(row, "start_date")?;
            out.push(FreeTextResponse {
                job_family: family
                    .and_then(|f| JobFamily::ALL.iter().find(|x| x.as_str() == f).copied()),
                employment,
                hours: employment
                    .zip(hours.and_then(|h| ContractedHours::from_hours(h).ok()))
                    .map(|(e, h)| WorkingHours::of(e, h)),
                service: started.and_then(|d| ServiceLength::on(d, opened)),
                team: row.try_get::<Option<i64>, _>(6)?.map(TeamId),
                main_site: crate::asked::parse_sites(
                    row.try_get::<Option<String>, _>(7)?
                        .as_deref()
                        .unwrap_or(""),
                )?
                .first()
                .copied(),
                answers: Vec::new(),
            });
        }
        let asked: Vec<QuestionId> = campaign
            .questions
            .iter()
            .filter(|(_, q)| matches!(q.kind, QuestionKind::Text | QuestionKind::Single))
            .map(|(id, _)| *id)
            .collect();
        if asked.is_empty() || out.is_empty() {
            return Ok(out);
        }
        let ids: Vec<String> = asked.iter().map(|id| id.0.to_string()).collect();
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT a.response_id, a.question_id, a.value FROM profile_answers a \
               JOIN responses r ON r.id = a.response_id \
             WHERE r.campaign_id = $1 AND r.submitted_at IS NOT NULL \
               AND a.question_id IN ({})",
            ids.join(",")
        )))
        .bind(campaign.id.0)
        .fetch_all(&self.pool)
        .await?;
        for row in &rows {
            // A response submitted since the first query, or past `first`, is left out.
            let Some(at) = position.get(&row.try_get::<i64, _>(0)?) else {
                continue;
            };
            out[*at]
                .answers
                .push((QuestionId(row.try_get(1)?), row.try_get(2)?));
        }
        let order: HashMap<QuestionId, usize> =
            asked.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        for response in &mut out {
            response.answers.sort_by_key(|(q, _)| order[q]);
        }
        Ok(out)
    }
}
