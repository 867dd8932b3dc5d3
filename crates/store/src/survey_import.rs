//! Importing the responses of an audit run elsewhere, and the mappings and uploads that go
//! with it.
//!
//! An import is one transaction. Respondents are matched to people by email or employee
//! number; responses are stored as submitted, with `source = 'import'` and the response's id
//! from the file as `external_key`, so importing the same file again replaces those responses'
//! answers instead of counting them twice.

use crate::staff::{placeholders, placeholders_with_literal};
use crate::{Backend, Campaign, Result, Store, StoreError, now};
use skillgym_domain::audit::campaign::join;
use skillgym_domain::audit::survey::{
    self, Imported, Mapping, Problem, RESPONDENT_ANSWERED, RESPONDENT_UNKNOWN, RespondentKey,
    Targets,
};
use skillgym_domain::{CampaignId, OrganisationId, SurveyUploadId};
use sqlx::{AssertSqlSafe, Row};
use std::collections::HashMap;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SurveyOutcome {
    pub added: u64,
    pub updated: u64,
    /// Rows that answered nothing the mapping names, left out.
    pub empty: u64,
}

/// Why responses were not imported.
#[derive(Debug)]
pub enum SurveyRefused {
    /// The file or the mapping has problems; nothing was written.
    Problems(Vec<Problem>),
    Store(StoreError),
}

impl From<StoreError> for SurveyRefused {
    fn from(e: StoreError) -> Self {
        SurveyRefused::Store(e)
    }
}

impl From<sqlx::Error> for SurveyRefused {
    fn from(e: sqlx::Error) -> Self {
        SurveyRefused::Store(e.into())
    }
}

/// A saved mapping, by name.
#[derive(Debug, Clone)]
pub struct SavedMapping {
    pub name: String,
    pub mapping: Mapping,
}

/// An uploaded file waiting to be mapped.
#[derive(Debug, Clone)]
pub struct SurveyUpload {
    pub id: SurveyUploadId,
    pub file_name: String,
    pub body: Vec<u8>,
}

/// How long an upload is kept if it is never imported.
const UPLOAD_LIFETIME_SECS: i64 = 24 * 60 * 60;

/// SQLite looks bound parameters up one by one, so its statements stay under about 500;
/// PostgreSQL gains from fewer, larger statements.
fn max_params(backend: Backend) -> usize {
    // Both well under each backend's bound (SQLite 32,766, PostgreSQL 65,535): fewer, larger
    // statements, since each costs a round of parsing and planning. SQLite gets anonymous `?`
    // parameters (see `staff::placeholders`), so binding many stays linear.
    match backend {
        Backend::Sqlite => 30_000,
        Backend::Postgres => 20_000,
    }
}

/// What a campaign asks, for checking a mapping.
pub fn targets(campaign: &Campaign) -> Targets {
    Targets {
        competences: campaign
            .areas
            .iter()
            .flat_map(|a| a.competences.iter())
            .map(|c| (c.code.clone(), c.title.clone()))
            .collect(),
        questions: campaign.questions.iter().map(|(_, q)| q.clone()).collect(),
        quiz: campaign.quiz.iter().map(|(_, q)| q.clone()).collect(),
    }
}

impl Store {
    /// Reads, maps and stores a whole export: every problem is reported and nothing written,
    /// or all of it is.
    pub async fn import_survey(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        bytes: &[u8],
        mapping: &Mapping,
    ) -> std::result::Result<SurveyOutcome, SurveyRefused> {
        let campaign = self.campaign(org, campaign).await?;
        let file = survey::parse(bytes).map_err(SurveyRefused::Problems)?;
        let imported =
            survey::apply(&file, mapping, &targets(&campaign)).map_err(SurveyRefused::Problems)?;
        self.apply_survey(org, &campaign, &imported).await
    }

    /// Stores mapped responses in one transaction, after matching every respondent.
    pub async fn apply_survey(
        &self,
        org: OrganisationId,
        campaign: &Campaign,
        imported: &Imported,
    ) -> std::result::Result<SurveyOutcome, SurveyRefused> {
        let competences: HashMap<&str, i64> = campaign
            .areas
            .iter()
            .flat_map(|a| a.competences.iter())
            .map(|c| (c.code.as_str(), c.id.0))
            .collect();
        let questions: HashMap<&str, i64> = campaign
            .questions
            .iter()
            .map(|(id, q)| (q.code.as_str(), id.0))
            .collect();
        let items: HashMap<&str, i64> = campaign
            .quiz
            .iter()
            .map(|(id, q)| (q.code.as_str(), id.0))
            .collect();

        let mut tx = self.begin_write().await?;
        let mut by_email = HashMap::new();
        let mut by_number = HashMap::new();
        for r in
            sqlx::query("SELECT id, email, employee_number FROM people WHERE organisation_id = $1")
                .bind(org.0)
                .fetch_all(&mut *tx)
                .await?
        {
            let id: i64 = r.try_get("id")?;
            if let Some(email) = r.try_get::<Option<String>, _>("email")? {
                by_email.insert(email.to_lowercase(), id);
            }
            by_number.insert(r.try_get::<String, _>("employee_number")?, id);
        }
        let mut by_key: HashMap<String, i64> = HashMap::new();
        let mut by_person: HashMap<i64, Option<String>> = HashMap::new();
        for r in
            sqlx::query("SELECT id, person_id, external_key FROM responses WHERE campaign_id = $1")
                .bind(campaign.id.0)
                .fetch_all(&mut *tx)
                .await?
        {
            let key: Option<String> = r.try_get("external_key")?;
            if let Some(person) = r.try_get::<Option<i64>, _>("person_id")? {
                by_person.insert(person, key.clone());
            }
            if let Some(key) = key {
                by_key.insert(key, r.try_get("id")?);
            }
        }

        let mut problems = Vec::new();
        let mut people = Vec::with_capacity(imported.responses.len());
        for response in &imported.responses {
            let person = match &response.respondent {
                RespondentKey::Anonymous => None,
                RespondentKey::Email(e) => by_email.get(&e.as_str().to_lowercase()).copied(),
                RespondentKey::EmployeeNumber(n) => by_number.get(n.as_str()).copied(),
            };
            let known = !matches!(response.respondent, RespondentKey::Anonymous);
            if known && person.is_none() && !imported.keeps_unmatched {
                problems.push(
                    Problem::new(
                        response.line,
                        imported.respondent_column.clone(),
                        RESPONDENT_UNKNOWN,
                    )
                    .with_value(response.respondent.as_str()),
                );
            }
            if let Some(p) = person
                && let Some(existing) = by_person.get(&p)
                && existing.as_deref() != Some(response.external_key.as_str())
            {
                problems.push(
                    Problem::new(
                        response.line,
                        imported.respondent_column.clone(),
                        RESPONDENT_ANSWERED,
                    )
                    .with_value(response.respondent.as_str()),
                );
            }
            people.push(person);
        }
        if !problems.is_empty() {
            problems.truncate(survey::MAX_PROBLEMS);
            return Err(SurveyRefused::Problems(problems));
        }

        let at = now();
        let limit = max_params(self.backend);
        let mut ids = Vec::with_capacity(imported.responses.len());
        let mut outcome = SurveyOutcome {
            empty: imported.empty_rows,
            ..SurveyOutcome::default()
        };
        let mut new = Vec::new();
        let mut again = Vec::new();
        for (i, response) in imported.responses.iter().enumerate() {
            match by_key.get(&response.external_key) {
                Some(id) => {
                    // Re-imported: the response keeps its id; its answers are replaced.
                    again.push((*id, people[i]));
                    ids.push(*id);
                    outcome.updated += 1;
                }
                None => {
                    new.push(i);
                    ids.push(0);
                }
            }
        }
        // Many rows a statement: (id, person) pairs joined in as a VALUES list.
        for chunk in again.chunks(limit / 2) {
            let sql = format!(
                "UPDATE responses SET person_id = v.column2, source = 'import', updated_at = {at}, \
                    submitted_at = {at} FROM (VALUES {}) AS v WHERE responses.id = v.column1",
                placeholders(self.backend, chunk.len(), 2, 1)
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for (id, person) in chunk {
                q = q.bind(*id).bind(*person);
            }
            q.execute(&mut *tx).await?;
        }
        let replaced: Vec<i64> = again.iter().map(|(id, _)| *id).collect();
        for table in ["ratings", "profile_answers", "quiz_answers"] {
            for chunk in replaced.chunks(limit) {
                let list = numbered(self.backend, chunk.len(), 1);
                let mut q = sqlx::query(AssertSqlSafe(format!(
                    "DELETE FROM {table} WHERE response_id IN ({list})"
                )));
                for id in chunk {
                    q = q.bind(*id);
                }
                q.execute(&mut *tx).await?;
            }
        }
        for chunk in new.chunks(limit / 6) {
            let sql = format!(
                "INSERT INTO responses (campaign_id, person_id, source, external_key, started_at, \
                    updated_at, submitted_at) VALUES {} RETURNING id, external_key",
                placeholders_with_literal(self.backend, chunk.len(), 6, "'import'", 2)
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for i in chunk {
                q = q
                    .bind(campaign.id.0)
                    .bind(people[*i])
                    .bind(&imported.responses[*i].external_key)
                    .bind(at)
                    .bind(at)
                    .bind(at);
            }
            // RETURNING does not promise the order of VALUES: match back by key.
            let returned: HashMap<String, i64> = q
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| Ok((r.try_get("external_key")?, r.try_get("id")?)))
                .collect::<Result<_>>()?;
            for i in chunk {
                ids[*i] = returned[&imported.responses[*i].external_key];
            }
            outcome.added += chunk.len() as u64;
        }

        // One number of the campaign's submissions counter for the whole import: no one can
        // see some of its responses and not the others (see migration 0017).
        let number: i64 = sqlx::query_scalar(
            "UPDATE campaigns SET submissions = submissions + 1 WHERE id = $1 \
             RETURNING submissions",
        )
        .bind(campaign.id.0)
        .fetch_one(&mut *tx)
        .await?;
        for chunk in ids.chunks(limit - 1) {
            let list = numbered(self.backend, chunk.len(), 2);
            let mut q = sqlx::query(AssertSqlSafe(format!(
                "UPDATE responses SET submitted_seq = $1 WHERE id IN ({list})"
            )))
            .bind(number);
            for id in chunk {
                q = q.bind(*id);
            }
            q.execute(&mut *tx).await?;
        }

        let missing = |what: &str| StoreError::Corrupt(format!("{what} is not in the campaign"));
        let mut ratings = Vec::new();
        let mut profile = Vec::new();
        let mut quiz = Vec::new();
        for (response, id) in imported.responses.iter().zip(&ids) {
            for (code, rating) in &response.ratings {
                let c = *competences
                    .get(code.as_str())
                    .ok_or_else(|| missing(code))?;
                ratings.push((*id, c, rating.to_stored()));
            }
            for (code, value) in &response.profile {
                let q = *questions.get(code.as_str()).ok_or_else(|| missing(code))?;
                profile.push((*id, q, value.as_str()));
            }
            for (code, chosen, right) in &response.quiz {
                let item = *items.get(code.as_str()).ok_or_else(|| missing(code))?;
                quiz.push((*id, item, join(chosen), i64::from(*right)));
            }
        }
        for chunk in ratings.chunks(limit / 3) {
            let sql = format!(
                "INSERT INTO ratings (response_id, competence_id, value) VALUES {}",
                placeholders(self.backend, chunk.len(), 3, 1)
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for (r, c, v) in chunk {
                q = q.bind(*r).bind(*c).bind(*v);
            }
            q.execute(&mut *tx).await?;
        }
        for chunk in profile.chunks(limit / 3) {
            let sql = format!(
                "INSERT INTO profile_answers (response_id, question_id, value) VALUES {}",
                placeholders(self.backend, chunk.len(), 3, 1)
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for (r, question, v) in chunk {
                q = q.bind(*r).bind(*question).bind(*v);
            }
            q.execute(&mut *tx).await?;
        }
        for chunk in quiz.chunks(limit / 4) {
            let sql = format!(
                "INSERT INTO quiz_answers (response_id, item_id, chosen, correct) VALUES {}",
                placeholders(self.backend, chunk.len(), 4, 1)
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for (r, item, chosen, right) in chunk {
                q = q.bind(*r).bind(*item).bind(chosen.as_str()).bind(*right);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(outcome)
    }

    /// Saves a mapping under a name for a campaign, replacing one of the same name.
    pub async fn save_survey_mapping(
        &self,
        campaign: CampaignId,
        name: &str,
        mapping: &Mapping,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO survey_mappings (campaign_id, name, json, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (campaign_id, name) DO UPDATE SET json = excluded.json, \
                created_at = excluded.created_at",
        )
        .bind(campaign.0)
        .bind(name)
        .bind(mapping.to_json())
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A campaign's saved mappings, by name.
    pub async fn survey_mappings(&self, campaign: CampaignId) -> Result<Vec<SavedMapping>> {
        let rows = sqlx::query(
            "SELECT name, json FROM survey_mappings WHERE campaign_id = $1 ORDER BY name",
        )
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let json: String = r.try_get("json")?;
                Ok(SavedMapping {
                    name: r.try_get("name")?,
                    mapping: Mapping::from_json(&json)
                        .map_err(|p| StoreError::Corrupt(p.value.unwrap_or_default()))?,
                })
            })
            .collect()
    }

    /// Keeps an uploaded export until it is mapped, and forgets uploads older than a day.
    pub async fn save_survey_upload(
        &self,
        campaign: CampaignId,
        file_name: &str,
        body: &[u8],
    ) -> Result<SurveyUploadId> {
        let at = now();
        sqlx::query("DELETE FROM survey_uploads WHERE created_at < $1")
            .bind(at - UPLOAD_LIFETIME_SECS)
            .execute(&self.pool)
            .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO survey_uploads (campaign_id, file_name, body, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(campaign.0)
        .bind(file_name)
        .bind(body.to_vec())
        .bind(at)
        .fetch_one(&self.pool)
        .await?;
        Ok(SurveyUploadId(id))
    }

    /// An upload of the organisation's campaign, if it is still kept.
    pub async fn survey_upload(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        id: SurveyUploadId,
    ) -> Result<SurveyUpload> {
        let row = sqlx::query(
            "SELECT u.id, u.file_name, u.body FROM survey_uploads u \
             JOIN campaigns c ON c.id = u.campaign_id \
             WHERE c.organisation_id = $1 AND u.campaign_id = $2 AND u.id = $3 AND u.created_at >= $4",
        )
        .bind(org.0)
        .bind(campaign.0)
        .bind(id.0)
        .bind(now() - UPLOAD_LIFETIME_SECS)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok(SurveyUpload {
            id: SurveyUploadId(row.try_get("id")?),
            file_name: row.try_get("file_name")?,
            body: row.try_get("body")?,
        })
    }

    pub async fn delete_survey_upload(&self, id: SurveyUploadId) -> Result<()> {
        sqlx::query("DELETE FROM survey_uploads WHERE id = $1")
            .bind(id.0)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// `$1, $2, …` for `n` parameters numbered from `first` (`?, ?, …` on SQLite).
fn numbered(backend: Backend, n: usize, first: usize) -> String {
    (first..first + n)
        .map(|i| match backend {
            Backend::Sqlite => "?".to_string(),
            Backend::Postgres => format!("${i}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use crate::Backend::{Postgres, Sqlite};

    #[test]
    fn parameters_are_numbered_on_postgres_and_anonymous_on_sqlite() {
        assert_eq!(super::numbered(Postgres, 3, 1), "$1, $2, $3");
        assert_eq!(super::numbered(Sqlite, 2, 1), "?, ?");
    }
}
