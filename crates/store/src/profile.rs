//! Role profiles (the target level of each competence for each job family) and what a person's
//! profile is read from: the campaigns they answered, and their answers to one.

use crate::dates::date;
use crate::{Result, Store, StoreError};
use skillgym_domain::analysis::profile::{TargetLevel, demo_target};
use skillgym_domain::audit::{Localised, Rating};
use skillgym_domain::{CampaignId, CompetenceId, FrameworkId, JobFamily, OrganisationId, PersonId};
use sqlx::Row;
use std::collections::HashMap;

/// A framework's role profile: target levels by competence and job family.
pub type RoleTargets = HashMap<(CompetenceId, JobFamily), TargetLevel>;

/// A campaign a person finished.
#[derive(Debug, Clone)]
pub struct AnsweredCampaign {
    pub id: CampaignId,
    pub title: Localised,
    pub opens_on: time::Date,
    pub anonymous: bool,
}

/// A person's finished response to one campaign.
#[derive(Debug, Clone, Default)]
pub struct PersonAnswers {
    pub ratings: HashMap<CompetenceId, Rating>,
    /// Each quiz answer: the competence its item tests, and whether it was right.
    pub quiz: Vec<(CompetenceId, bool)>,
}

impl Store {
    /// The framework's target levels. `NotFound` when the framework is not the organisation's.
    pub async fn role_targets(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
    ) -> Result<RoleTargets> {
        self.framework_of(org, framework).await?;
        let rows = sqlx::query(
            "SELECT t.competence_id, t.job_family, t.level FROM role_targets t \
             JOIN competences c ON c.id = t.competence_id WHERE c.framework_id = $1",
        )
        .bind(framework.0)
        .fetch_all(&self.pool)
        .await?;
        let mut out = RoleTargets::new();
        for r in &rows {
            let family = JobFamily::parse(&r.try_get::<String, _>("job_family")?)
                .map_err(crate::people::corrupt)?;
            let level = TargetLevel::new(r.try_get::<i64, _>("level")? as u8)
                .ok_or_else(|| StoreError::Corrupt("role target level".into()))?;
            out.insert((CompetenceId(r.try_get("competence_id")?), family), level);
        }
        Ok(out)
    }

    /// Replaces the framework's role profile with `targets`; competences not in the framework
    /// are refused as `NotFound`, and nothing changes.
    pub async fn set_role_targets(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        targets: &RoleTargets,
    ) -> Result<()> {
        self.framework_of(org, framework).await?;
        let competences: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM competences WHERE framework_id = $1")
                .bind(framework.0)
                .fetch_all(&self.pool)
                .await?;
        if targets.keys().any(|(c, _)| !competences.contains(&c.0)) {
            return Err(StoreError::NotFound);
        }
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "DELETE FROM role_targets WHERE competence_id IN \
             (SELECT id FROM competences WHERE framework_id = $1)",
        )
        .bind(framework.0)
        .execute(&mut *tx)
        .await?;
        let mut rows: Vec<_> = targets.iter().collect();
        rows.sort_by_key(|((c, f), _)| (c.0, f.as_str()));
        for ((competence, family), level) in rows {
            sqlx::query(
                "INSERT INTO role_targets (competence_id, job_family, level) VALUES ($1, $2, $3)",
            )
            .bind(competence.0)
            .bind(family.as_str())
            .bind(i64::from(level.level()))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Sets the demo's role profile on a framework (see [`demo_target`]).
    pub(crate) async fn seed_demo_targets(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
    ) -> Result<()> {
        let stored = self.framework(org, framework).await?;
        let mut targets = RoleTargets::new();
        for area in &stored.framework.areas {
            for competence in &area.competences {
                let Some(id) = stored.competence_ids.get(&competence.code) else {
                    continue;
                };
                for family in JobFamily::ALL {
                    if let Some(level) = demo_target(&area.code, family) {
                        targets.insert((*id, family), level);
                    }
                }
            }
        }
        self.set_role_targets(org, framework, &targets).await
    }

    /// The campaigns `person` finished, newest first.
    pub async fn answered_campaigns(
        &self,
        org: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<AnsweredCampaign>> {
        let rows = sqlx::query(
            "SELECT c.id, c.title_en, c.title_cy, c.opens_on, c.anonymous FROM campaigns c \
             JOIN responses r ON r.campaign_id = c.id \
             WHERE c.organisation_id = $1 AND r.person_id = $2 AND r.submitted_at IS NOT NULL \
             ORDER BY c.opens_on DESC, c.id DESC",
        )
        .bind(org.0)
        .bind(person.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AnsweredCampaign {
                    id: CampaignId(r.try_get("id")?),
                    title: Localised::new(
                        r.try_get::<String, _>("title_en")?,
                        r.try_get::<Option<String>, _>("title_cy")?,
                    ),
                    opens_on: date(r, "opens_on")?,
                    anonymous: r.try_get::<i64, _>("anonymous")? != 0,
                })
            })
            .collect()
    }

    /// `person`'s finished response to `campaign`, if there is one.
    pub async fn person_answers(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        person: PersonId,
    ) -> Result<Option<PersonAnswers>> {
        let response: Option<i64> = sqlx::query_scalar(
            "SELECT r.id FROM responses r JOIN campaigns c ON c.id = r.campaign_id \
             WHERE c.organisation_id = $1 AND r.campaign_id = $2 AND r.person_id = $3 \
             AND r.submitted_at IS NOT NULL",
        )
        .bind(org.0)
        .bind(campaign.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(response) = response else {
            return Ok(None);
        };
        let mut answers = PersonAnswers::default();
        for r in sqlx::query("SELECT competence_id, value FROM ratings WHERE response_id = $1")
            .bind(response)
            .fetch_all(&self.pool)
            .await?
        {
            answers.ratings.insert(
                CompetenceId(r.try_get("competence_id")?),
                Rating::from_stored(r.try_get("value")?).map_err(crate::people::corrupt)?,
            );
        }
        for r in sqlx::query(
            "SELECT q.competence_id, a.correct FROM quiz_answers a \
             JOIN quiz_items q ON q.id = a.item_id WHERE a.response_id = $1 ORDER BY q.position",
        )
        .bind(response)
        .fetch_all(&self.pool)
        .await?
        {
            answers.quiz.push((
                CompetenceId(r.try_get("competence_id")?),
                r.try_get::<i64, _>("correct")? != 0,
            ));
        }
        Ok(Some(answers))
    }

    async fn framework_of(&self, org: OrganisationId, framework: FrameworkId) -> Result<()> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM frameworks WHERE organisation_id = $1 AND id = $2")
                .bind(org.0)
                .bind(framework.0)
                .fetch_optional(&self.pool)
                .await?;
        found.map(|_| ()).ok_or(StoreError::NotFound)
    }
}
