//! Frameworks, campaigns and responses.
//!
//! A response is saved section by section, each in one transaction with the record that the
//! section is saved, so a person who closes the browser resumes exactly where they stopped and
//! a retried submission never counts twice (answers are upserted by their keys).

use crate::dates::date;
use crate::people::corrupt;
use crate::{Fields, Result, Store, StoreError, flag, inline, now};
use skillgym_domain::audit::campaign::{join, split};
use skillgym_domain::audit::framework::{Area, Competence};
use skillgym_domain::audit::{
    Audience, CampaignContent, Framework, Localised, ProfileQuestion, QuestionKind, Questionnaire,
    QuizItem, QuizOption, Rating,
};
use skillgym_domain::services::Confidence;
use skillgym_domain::{
    CampaignId, CompetenceId, FrameworkId, JobFamily, OrganisationId, PersonId, QuestionId,
    QuizItemId, ResponseId, ServiceId, SiteId, TeamId,
};
use sqlx::{Any, AssertSqlSafe, Row, Transaction};
use std::collections::HashMap;

/// A framework in a list.
#[derive(Debug, Clone)]
pub struct FrameworkSummary {
    pub id: FrameworkId,
    pub code: String,
    pub title: Localised,
    pub areas: i64,
    pub competences: i64,
}

/// A framework with the ids its competences are stored under.
#[derive(Debug, Clone)]
pub struct StoredFramework {
    pub id: FrameworkId,
    pub framework: Framework,
    pub competence_ids: HashMap<String, CompetenceId>,
}

/// What it takes to open a campaign.
#[derive(Debug, Clone)]
pub struct NewCampaign {
    pub framework: FrameworkId,
    pub title: Localised,
    pub opens_on: time::Date,
    pub closes_on: time::Date,
    pub anonymous: bool,
    /// The competences to rate, in the order they are asked.
    pub competences: Vec<CompetenceId>,
    pub audience: Audience,
    /// Profile questions and the knowledge round (quiz items name competences by code).
    pub content: CampaignContent,
    /// Pictures for the knowledge round: (file name, content type, bytes).
    pub pictures: Vec<(String, String, Vec<u8>)>,
    pub cloned_from: Option<CampaignId>,
}

/// A campaign in a list, with how far people have got.
#[derive(Debug, Clone)]
pub struct CampaignSummary {
    pub id: CampaignId,
    pub title: Localised,
    pub opens_on: time::Date,
    pub closes_on: time::Date,
    pub anonymous: bool,
    pub started: i64,
    pub submitted: i64,
}

impl CampaignSummary {
    /// Responses started and not yet finished.
    pub fn in_progress(&self) -> i64 {
        self.started - self.submitted
    }
}

#[derive(Debug, Clone)]
pub struct CampaignCompetence {
    pub id: CompetenceId,
    pub code: String,
    pub title: Localised,
    pub description: Localised,
}

#[derive(Debug, Clone)]
pub struct CampaignArea {
    pub code: String,
    pub title: Localised,
    pub competences: Vec<CampaignCompetence>,
}

/// Everything a campaign asks, ready to show.
#[derive(Debug, Clone)]
pub struct Campaign {
    pub id: CampaignId,
    pub framework_id: FrameworkId,
    pub title: Localised,
    pub opens_on: time::Date,
    pub closes_on: time::Date,
    pub anonymous: bool,
    pub cloned_from: Option<CampaignId>,
    /// What ratings 1 to 5 mean.
    pub levels: Vec<Localised>,
    /// The areas with competences to rate, in order (areas with none are left out).
    pub areas: Vec<CampaignArea>,
    pub questions: Vec<(QuestionId, ProfileQuestion)>,
    pub quiz: Vec<(QuizItemId, QuizItem)>,
    pub audience: Audience,
    /// The catalogue's services it asks about, on its last page (never when anonymous).
    pub services: Vec<crate::CampaignService>,
}

impl Campaign {
    /// What a person on the staff file is asked.
    pub fn questionnaire(&self) -> Questionnaire {
        self.public_questionnaire()
            .with_services(self.services.len())
    }

    /// What someone answering through a public link is asked: not the services, since
    /// confidence with a service is a person's own and they are nobody on the staff file.
    pub fn public_questionnaire(&self) -> Questionnaire {
        let areas: Vec<usize> = self.areas.iter().map(|a| a.competences.len()).collect();
        Questionnaire::new(&areas, self.questions.len(), self.quiz.len())
    }

    /// Open on `today`, both ends included.
    pub fn is_open(&self, today: time::Date) -> bool {
        self.opens_on <= today && today <= self.closes_on
    }
}

/// Where a person's response stands.
#[derive(Debug, Clone)]
pub struct ResponseState {
    pub id: ResponseId,
    /// The 1-based sections saved so far.
    pub saved: Vec<usize>,
    pub submitted: bool,
}

/// The answers in a response.
#[derive(Debug, Clone, Default)]
pub struct ResponseAnswers {
    pub ratings: HashMap<CompetenceId, Rating>,
    pub profile: HashMap<QuestionId, String>,
    /// The options chosen, and whether that was right.
    pub quiz: HashMap<QuizItemId, (Vec<usize>, bool)>,
    /// How confident they are with each service asked about: a draft until submitted.
    pub services: HashMap<ServiceId, Confidence>,
}

fn localised(row: &(impl Fields + ?Sized), prefix: &str) -> Result<Localised> {
    let en: Option<String> = row.field(format!("{prefix}_en").as_str())?;
    let cy: Option<String> = row.field(format!("{prefix}_cy").as_str())?;
    Ok(Localised::new(en.unwrap_or_default(), cy))
}

fn optional_localised(row: &(impl Fields + ?Sized), prefix: &str) -> Result<Option<Localised>> {
    let l = localised(row, prefix)?;
    Ok((!l.is_blank()).then_some(l))
}

pub(crate) fn json_error(e: serde_json::Error) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

impl Store {
    /// Stores a framework; its codes and identifiers must be free in the organisation.
    pub async fn create_framework(
        &self,
        org: OrganisationId,
        f: &Framework,
    ) -> Result<FrameworkId> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO frameworks (organisation_id, identifier, code, title_en, title_cy, \
                description_en, description_cy, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(org.0)
        .bind(&f.identifier)
        .bind(&f.code)
        .bind(&f.title.en)
        .bind(&f.title.cy)
        .bind(&f.description.en)
        .bind(&f.description.cy)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| crate::error::taken_or(e, "code"))?;
        for (i, level) in f.levels.iter().enumerate() {
            sqlx::query(
                "INSERT INTO framework_levels (framework_id, level, descriptor_en, descriptor_cy) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(i as i64 + 1)
            .bind(&level.en)
            .bind(&level.cy)
            .execute(&mut *tx)
            .await?;
        }
        for (a, area) in f.areas.iter().enumerate() {
            let area_id: i64 = sqlx::query_scalar(
                "INSERT INTO framework_areas (framework_id, position, code, identifier, title_en, \
                    title_cy, description_en, description_cy) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(id)
            .bind(a as i64)
            .bind(&area.code)
            .bind(&area.identifier)
            .bind(&area.title.en)
            .bind(&area.title.cy)
            .bind(&area.description.en)
            .bind(&area.description.cy)
            .fetch_one(&mut *tx)
            .await?;
            for (c, competence) in area.competences.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO competences (framework_id, area_id, position, code, identifier, \
                        title_en, title_cy, description_en, description_cy) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(id)
                .bind(area_id)
                .bind(c as i64)
                .bind(&competence.code)
                .bind(&competence.identifier)
                .bind(&competence.title.en)
                .bind(&competence.title.cy)
                .bind(&competence.description.en)
                .bind(&competence.description.cy)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(FrameworkId(id))
    }

    pub async fn frameworks(&self, org: OrganisationId) -> Result<Vec<FrameworkSummary>> {
        let rows = sqlx::query(
            "SELECT f.id, f.code, f.title_en, f.title_cy, \
                (SELECT COUNT(*) FROM framework_areas a WHERE a.framework_id = f.id) AS areas, \
                (SELECT COUNT(*) FROM competences c WHERE c.framework_id = f.id) AS competences \
             FROM frameworks f WHERE f.organisation_id = $1 ORDER BY f.title_en",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FrameworkSummary {
                    id: FrameworkId(r.try_get("id")?),
                    code: r.try_get("code")?,
                    title: localised(r, "title")?,
                    areas: r.try_get("areas")?,
                    competences: r.try_get("competences")?,
                })
            })
            .collect()
    }

    pub async fn framework(&self, org: OrganisationId, id: FrameworkId) -> Result<StoredFramework> {
        let row = sqlx::query(
            "SELECT identifier, code, title_en, title_cy, description_en, description_cy \
             FROM frameworks WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let levels = sqlx::query(
            "SELECT descriptor_en, descriptor_cy FROM framework_levels \
             WHERE framework_id = $1 ORDER BY level",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| localised(r, "descriptor"))
        .collect::<Result<Vec<_>>>()?;
        let area_rows = sqlx::query(
            "SELECT id, code, identifier, title_en, title_cy, description_en, description_cy \
             FROM framework_areas WHERE framework_id = $1 ORDER BY position",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        let competence_rows = sqlx::query(
            "SELECT id, area_id, code, identifier, title_en, title_cy, description_en, description_cy \
             FROM competences WHERE framework_id = $1 ORDER BY position",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        let mut competence_ids = HashMap::new();
        let mut by_area: HashMap<i64, Vec<Competence>> = HashMap::new();
        for r in &competence_rows {
            let code: String = r.try_get("code")?;
            competence_ids.insert(code.clone(), CompetenceId(r.try_get("id")?));
            by_area
                .entry(r.try_get("area_id")?)
                .or_default()
                .push(Competence {
                    code,
                    identifier: r.try_get("identifier")?,
                    title: localised(r, "title")?,
                    description: localised(r, "description")?,
                });
        }
        let areas = area_rows
            .iter()
            .map(|r| {
                Ok(Area {
                    code: r.try_get("code")?,
                    identifier: r.try_get("identifier")?,
                    title: localised(r, "title")?,
                    description: localised(r, "description")?,
                    competences: by_area
                        .remove(&r.try_get::<i64, _>("id")?)
                        .unwrap_or_default(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(StoredFramework {
            id,
            framework: Framework {
                identifier: row.try_get("identifier")?,
                code: row.try_get("code")?,
                title: localised(&row, "title")?,
                description: localised(&row, "description")?,
                levels,
                areas,
            },
            competence_ids,
        })
    }

    /// Opens a campaign with its questions, knowledge round, pictures and audience.
    pub async fn create_campaign(
        &self,
        org: OrganisationId,
        new: &NewCampaign,
    ) -> Result<CampaignId> {
        let framework = self.framework(org, new.framework).await?;
        let mut tx = self.begin_write().await?;
        let id = create_campaign_in(&mut tx, org, new, &framework).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every campaign, newest first, with how many people started and submitted.
    pub async fn campaigns(&self, org: OrganisationId) -> Result<Vec<CampaignSummary>> {
        let rows = sqlx::query(
            "SELECT c.id, c.title_en, c.title_cy, c.opens_on, c.closes_on, c.anonymous, \
                (SELECT COUNT(*) FROM responses r WHERE r.campaign_id = c.id) AS started, \
                (SELECT COUNT(*) FROM responses r WHERE r.campaign_id = c.id \
                    AND r.submitted_at IS NOT NULL) AS submitted \
             FROM campaigns c WHERE c.organisation_id = $1 ORDER BY c.opens_on DESC, c.id DESC",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(campaign_summary).collect()
    }

    /// The campaigns open today whose audience includes `person`.
    pub async fn campaigns_for(
        &self,
        org: OrganisationId,
        person: PersonId,
        today: time::Date,
    ) -> Result<Vec<CampaignSummary>> {
        let sql = format!(
            "SELECT c.id, c.title_en, c.title_cy, c.opens_on, c.closes_on, c.anonymous, \
                (SELECT COUNT(*) FROM responses r WHERE r.campaign_id = c.id AND r.person_id = $2) AS started, \
                (SELECT COUNT(*) FROM responses r WHERE r.campaign_id = c.id AND r.person_id = $2 \
                    AND r.submitted_at IS NOT NULL) AS submitted \
             FROM campaigns c \
             WHERE c.organisation_id = $1 AND c.opens_on <= $3 AND c.closes_on >= $3 \
               AND {AUDIENCE} \
             ORDER BY c.closes_on, c.id"
        );
        let today = skillgym_domain::people::format_date(today);
        if let Some(inline) = &self.inline {
            return inline.read(|conn| {
                let args: [&dyn rusqlite::ToSql; 3] = [&org.0, &person.0, &today];
                inline::rows(conn, &sql, &args, |r| campaign_summary(r))
            });
        }
        let rows = sqlx::query(AssertSqlSafe(sql))
            .bind(org.0)
            .bind(person.0)
            .bind(today)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(campaign_summary).collect()
    }

    pub async fn campaign(&self, org: OrganisationId, id: CampaignId) -> Result<Campaign> {
        let row = sqlx::query(
            "SELECT id, framework_id, title_en, title_cy, opens_on, closes_on, anonymous, cloned_from \
             FROM campaigns WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let framework_id = FrameworkId(row.try_get("framework_id")?);
        let levels = sqlx::query(
            "SELECT descriptor_en, descriptor_cy FROM framework_levels \
             WHERE framework_id = $1 ORDER BY level",
        )
        .bind(framework_id.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| localised(r, "descriptor"))
        .collect::<Result<Vec<_>>>()?;
        let competence_rows = sqlx::query(
            "SELECT c.id, c.code, c.title_en, c.title_cy, c.description_en, c.description_cy, \
                    a.code AS area_code, a.title_en AS area_en, a.title_cy AS area_cy \
             FROM campaign_competences cc \
             JOIN competences c ON c.id = cc.competence_id \
             JOIN framework_areas a ON a.id = c.area_id \
             WHERE cc.campaign_id = $1 ORDER BY a.position, cc.position",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        let mut areas: Vec<CampaignArea> = Vec::new();
        for r in &competence_rows {
            let area_code: String = r.try_get("area_code")?;
            if areas.last().is_none_or(|a| a.code != area_code) {
                areas.push(CampaignArea {
                    code: area_code,
                    title: localised(r, "area")?,
                    competences: Vec::new(),
                });
            }
            areas
                .last_mut()
                .expect("an area was just pushed")
                .competences
                .push(CampaignCompetence {
                    id: CompetenceId(r.try_get("id")?),
                    code: r.try_get("code")?,
                    title: localised(r, "title")?,
                    description: localised(r, "description")?,
                });
        }
        let questions = sqlx::query(
            "SELECT id, code, kind, prompt_en, prompt_cy, hint_en, hint_cy, options, min_value, max_value \
             FROM profile_questions WHERE campaign_id = $1 ORDER BY position",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            let kind: String = r.try_get("kind")?;
            let options: String = r.try_get("options")?;
            Ok((
                QuestionId(r.try_get("id")?),
                ProfileQuestion {
                    code: r.try_get("code")?,
                    kind: QuestionKind::parse(&kind).map_err(corrupt)?,
                    prompt: localised(r, "prompt")?,
                    hint: optional_localised(r, "hint")?,
                    options: serde_json::from_str(&options).map_err(json_error)?,
                    min: r.try_get("min_value")?,
                    max: r.try_get("max_value")?,
                },
            ))
        })
        .collect::<Result<Vec<_>>>()?;
        let quiz = sqlx::query(
            "SELECT q.id, q.code, c.code AS competence, q.prompt_en, q.prompt_cy, q.image, \
                    q.image_cy, q.image_alt_en, q.image_alt_cy, q.options, q.explanation_en, \
                    q.explanation_cy \
             FROM quiz_items q JOIN competences c ON c.id = q.competence_id \
             WHERE q.campaign_id = $1 ORDER BY q.position",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            let options: String = r.try_get("options")?;
            let options: Vec<QuizOption> = serde_json::from_str(&options).map_err(json_error)?;
            Ok((
                QuizItemId(r.try_get("id")?),
                QuizItem {
                    code: r.try_get("code")?,
                    competence: r.try_get("competence")?,
                    prompt: localised(r, "prompt")?,
                    image: r.try_get("image")?,
                    image_cy: r.try_get("image_cy")?,
                    image_alt: optional_localised(r, "image_alt")?,
                    options,
                    explanation: optional_localised(r, "explanation")?,
                },
            ))
        })
        .collect::<Result<Vec<_>>>()?;
        let mut audience = Audience::default();
        for r in sqlx::query(
            "SELECT kind, value FROM campaign_audience WHERE campaign_id = $1 ORDER BY kind, value",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?
        {
            let kind: String = r.try_get("kind")?;
            let value: String = r.try_get("value")?;
            match kind.as_str() {
                "site" => audience.sites.extend(value.parse().ok().map(SiteId)),
                "team" => audience.teams.extend(value.parse().ok().map(TeamId)),
                "job_family" => audience.job_families.extend(JobFamily::parse(&value).ok()),
                _ => {}
            }
        }
        Ok(Campaign {
            id,
            framework_id,
            title: localised(&row, "title")?,
            opens_on: date(&row, "opens_on")?,
            closes_on: date(&row, "closes_on")?,
            anonymous: flag(&row, "anonymous")?,
            cloned_from: row
                .try_get::<Option<i64>, _>("cloned_from")?
                .map(CampaignId),
            levels,
            areas,
            questions,
            quiz,
            audience,
            services: crate::campaign_services::services_of(&self.pool, id).await?,
        })
    }

    /// A picture for a campaign's knowledge round: content type and bytes.
    pub async fn campaign_picture(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        name: &str,
    ) -> Result<(String, Vec<u8>)> {
        let row = sqlx::query(
            "SELECT p.content_type, p.body FROM campaign_pictures p \
             JOIN campaigns c ON c.id = p.campaign_id \
             WHERE c.organisation_id = $1 AND p.campaign_id = $2 AND p.name = $3",
        )
        .bind(org.0)
        .bind(campaign.0)
        .bind(name)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        Ok((row.try_get("content_type")?, row.try_get("body")?))
    }

    /// The campaign's pictures, for cloning it.
    pub async fn campaign_pictures(
        &self,
        campaign: CampaignId,
    ) -> Result<Vec<(String, String, Vec<u8>)>> {
        let rows = sqlx::query(
            "SELECT name, content_type, body FROM campaign_pictures WHERE campaign_id = $1 ORDER BY name",
        )
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("name")?,
                    r.try_get("content_type")?,
                    r.try_get("body")?,
                ))
            })
            .collect()
    }

    /// Whether `person` is among the people a campaign asks (by site, team and job family).
    pub async fn in_audience(&self, campaign: CampaignId, person: PersonId) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "SELECT c.id FROM campaigns c WHERE c.id = $1 AND {AUDIENCE}"
        )))
        .bind(campaign.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(found.is_some())
    }

    /// A person's response to a campaign, if they have started one.
    pub async fn response_of(
        &self,
        campaign: CampaignId,
        person: PersonId,
    ) -> Result<Option<ResponseState>> {
        let row = sqlx::query(
            "SELECT id, submitted_at FROM responses WHERE campaign_id = $1 AND person_id = $2",
        )
        .bind(campaign.0)
        .bind(person.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let id = ResponseId(row.try_get("id")?);
        Ok(Some(ResponseState {
            id,
            saved: self.saved_sections(id).await?,
            submitted: row.try_get::<Option<i64>, _>("submitted_at")?.is_some(),
        }))
    }

    pub(crate) async fn saved_sections(&self, id: ResponseId) -> Result<Vec<usize>> {
        let sections: Vec<i64> = sqlx::query_scalar(
            "SELECT section FROM response_sections WHERE response_id = $1 ORDER BY section",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(sections.into_iter().map(|s| s as usize).collect())
    }

    /// Starts (or finds) a person's response; safe to call twice at once.
    pub async fn start_response(
        &self,
        campaign: CampaignId,
        person: PersonId,
    ) -> Result<ResponseState> {
        let at = now();
        sqlx::query(
            "INSERT INTO responses (campaign_id, person_id, started_at, updated_at) \
             VALUES ($1, $2, $3, $3) ON CONFLICT (campaign_id, person_id) DO NOTHING",
        )
        .bind(campaign.0)
        .bind(person.0)
        .bind(at)
        .execute(&self.pool)
        .await?;
        self.response_of(campaign, person)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Saves one section's ratings, profile answers and quiz answers, with the mark that the
    /// section is saved, in one transaction. Answers replace earlier ones for the same
    /// questions, so saving twice is the same as saving once.
    pub async fn save_section(
        &self,
        response: ResponseId,
        section: usize,
        answers: &ResponseAnswers,
        cleared: &[QuestionId],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        // Write first: on SQLite a transaction that reads and then writes fails at once with
        // "database is locked" when another writer got in between, whatever the busy timeout;
        // one that starts by writing waits for the lock instead.
        let at = now();
        let updated = sqlx::query(
            "UPDATE responses SET updated_at = $2 WHERE id = $1 AND submitted_at IS NULL",
        )
        .bind(response.0)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            let found: Option<i64> = sqlx::query_scalar("SELECT id FROM responses WHERE id = $1")
                .bind(response.0)
                .fetch_optional(&mut *tx)
                .await?;
            return Err(match found {
                Some(_) => StoreError::Taken("submitted"),
                None => StoreError::NotFound,
            });
        }
        for (competence, rating) in &answers.ratings {
            sqlx::query(
                "INSERT INTO ratings (response_id, competence_id, value) VALUES ($1, $2, $3) \
                 ON CONFLICT (response_id, competence_id) DO UPDATE SET value = excluded.value",
            )
            .bind(response.0)
            .bind(competence.0)
            .bind(rating.to_stored())
            .execute(&mut *tx)
            .await?;
        }
        for (question, value) in &answers.profile {
            sqlx::query(
                "INSERT INTO profile_answers (response_id, question_id, value) VALUES ($1, $2, $3) \
                 ON CONFLICT (response_id, question_id) DO UPDATE SET value = excluded.value",
            )
            .bind(response.0)
            .bind(question.0)
            .bind(value)
            .execute(&mut *tx)
            .await?;
        }
        for question in cleared {
            sqlx::query("DELETE FROM profile_answers WHERE response_id = $1 AND question_id = $2")
                .bind(response.0)
                .bind(question.0)
                .execute(&mut *tx)
                .await?;
        }
        for (item, (chosen, correct)) in &answers.quiz {
            sqlx::query(
                "INSERT INTO quiz_answers (response_id, item_id, chosen, correct) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (response_id, item_id) DO UPDATE SET chosen = excluded.chosen, \
                    correct = excluded.correct",
            )
            .bind(response.0)
            .bind(item.0)
            .bind(join(chosen))
            .bind(i64::from(*correct))
            .execute(&mut *tx)
            .await?;
        }
        for (service, confidence) in &answers.services {
            // Only a service the response's campaign asks about: anything else is refused, and
            // the transaction keeps nothing of the page.
            let kept = sqlx::query(
                "INSERT INTO response_service_answers \
                     (response_id, organisation_id, service_id, confidence) \
                 SELECT r.id, cs.organisation_id, cs.service_id, $3 FROM responses r \
                 JOIN campaign_services cs ON cs.campaign_id = r.campaign_id \
                     AND cs.service_id = $2 \
                 WHERE r.id = $1 \
                 ON CONFLICT (response_id, service_id) \
                     DO UPDATE SET confidence = excluded.confidence",
            )
            .bind(response.0)
            .bind(service.0)
            .bind(confidence.stored())
            .execute(&mut *tx)
            .await?;
            if kept.rows_affected() != 1 {
                return Err(StoreError::Refused(crate::SERVICE_NOT_ASKED));
            }
        }
        sqlx::query(
            "INSERT INTO response_sections (response_id, section, saved_at) VALUES ($1, $2, $3) \
             ON CONFLICT (response_id, section) DO UPDATE SET saved_at = excluded.saved_at",
        )
        .bind(response.0)
        .bind(section as i64)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Everything answered so far in a response.
    pub async fn response_answers(&self, response: ResponseId) -> Result<ResponseAnswers> {
        let mut answers = ResponseAnswers::default();
        for r in sqlx::query("SELECT competence_id, value FROM ratings WHERE response_id = $1")
            .bind(response.0)
            .fetch_all(&self.pool)
            .await?
        {
            answers.ratings.insert(
                CompetenceId(r.try_get("competence_id")?),
                Rating::from_stored(r.try_get("value")?).map_err(corrupt)?,
            );
        }
        for r in
            sqlx::query("SELECT question_id, value FROM profile_answers WHERE response_id = $1")
                .bind(response.0)
                .fetch_all(&self.pool)
                .await?
        {
            answers
                .profile
                .insert(QuestionId(r.try_get("question_id")?), r.try_get("value")?);
        }
        for r in
            sqlx::query("SELECT item_id, chosen, correct FROM quiz_answers WHERE response_id = $1")
                .bind(response.0)
                .fetch_all(&self.pool)
                .await?
        {
            let chosen: String = r.try_get("chosen")?;
            answers.quiz.insert(
                QuizItemId(r.try_get("item_id")?),
                (split(&chosen), flag(&r, "correct")?),
            );
        }
        for r in sqlx::query(
            "SELECT service_id, confidence FROM response_service_answers WHERE response_id = $1",
        )
        .bind(response.0)
        .fetch_all(&self.pool)
        .await?
        {
            let value: i64 = r.try_get("confidence")?;
            answers.services.insert(
                ServiceId(r.try_get("service_id")?),
                Confidence::from_stored(value)
                    .ok_or_else(|| StoreError::Corrupt("service confidence".into()))?,
            );
        }
        Ok(answers)
    }

    /// Marks a response submitted, numbered after every response of its campaign submitted
    /// before (see migration 0017); submitting twice changes nothing. Its answers about
    /// services become the person's confidence with each, said now (replacing what they said
    /// before, on the service's page or in another audit), and the drafts go.
    pub async fn submit_response(&self, response: ResponseId) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let Some(number) = next_submission(&mut tx, response).await? else {
            return Ok(());
        };
        let at = now();
        sqlx::query(
            "UPDATE responses SET submitted_at = $2, updated_at = $2, submitted_seq = $3 \
             WHERE id = $1 AND submitted_at IS NULL",
        )
        .bind(response.0)
        .bind(at)
        .bind(number)
        .execute(&mut *tx)
        .await?;
        // A response through a public link has no person: nobody's confidence to record.
        sqlx::query(
            "INSERT INTO service_confidence \
                 (service_id, organisation_id, person_id, confidence, rated_at) \
             SELECT a.service_id, a.organisation_id, r.person_id, a.confidence, $2 \
             FROM response_service_answers a JOIN responses r ON r.id = a.response_id \
             WHERE a.response_id = $1 AND r.person_id IS NOT NULL \
             ON CONFLICT (service_id, person_id) \
                 DO UPDATE SET confidence = excluded.confidence, rated_at = excluded.rated_at",
        )
        .bind(response.0)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM response_service_answers WHERE response_id = $1")
            .bind(response.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The next number of the campaign's submissions counter, for an unfinished `response`; `None`
/// when it is finished already (or gone). The update holds the campaign's row until the
/// transaction ends, so two submissions are numbered in the order they commit.
async fn next_submission(
    tx: &mut Transaction<'_, Any>,
    response: ResponseId,
) -> Result<Option<i64>> {
    sqlx::query_scalar(
        "UPDATE campaigns SET submissions = submissions + 1 \
         WHERE id = (SELECT campaign_id FROM responses WHERE id = $1 AND submitted_at IS NULL) \
         RETURNING submissions",
    )
    .bind(response.0)
    .fetch_optional(&mut **tx)
    .await
    .map_err(Into::into)
}

/// The audience rule for campaign `c` and the person bound to `$2`: each kind of audience row
/// present must match the person. (The people inside are `q`, so that `$2` may be the outer
/// query's `p.id`: as `p` they hid it, and a team's rule matched anyone once the team had a
/// member.)
pub(crate) const AUDIENCE: &str = "(NOT EXISTS (SELECT 1 FROM campaign_audience a WHERE a.campaign_id = c.id AND a.kind = 'site') \
        OR EXISTS (SELECT 1 FROM campaign_audience a JOIN person_sites ps ON a.value = CAST(ps.site_id AS TEXT) \
            WHERE a.campaign_id = c.id AND a.kind = 'site' AND ps.person_id = $2)) \
    AND (NOT EXISTS (SELECT 1 FROM campaign_audience a WHERE a.campaign_id = c.id AND a.kind = 'team') \
        OR EXISTS (SELECT 1 FROM campaign_audience a JOIN people q ON a.value = CAST(q.team_id AS TEXT) \
            WHERE a.campaign_id = c.id AND a.kind = 'team' AND q.id = $2)) \
    AND (NOT EXISTS (SELECT 1 FROM campaign_audience a WHERE a.campaign_id = c.id AND a.kind = 'job_family') \
        OR EXISTS (SELECT 1 FROM campaign_audience a JOIN people q ON a.value = q.job_family \
            WHERE a.campaign_id = c.id AND a.kind = 'job_family' AND q.id = $2))";

fn campaign_summary(r: &(impl Fields + ?Sized)) -> Result<CampaignSummary> {
    Ok(CampaignSummary {
        id: CampaignId(r.field("id")?),
        title: localised(r, "title")?,
        opens_on: date(r, "opens_on")?,
        closes_on: date(r, "closes_on")?,
        anonymous: flag(r, "anonymous")?,
        started: r.field("started")?,
        submitted: r.field("submitted")?,
    })
}

async fn insert_audience(
    tx: &mut Transaction<'_, Any>,
    campaign: i64,
    audience: &Audience,
) -> Result<()> {
    let rows = audience
        .sites
        .iter()
        .map(|s| ("site", s.to_string()))
        .chain(audience.teams.iter().map(|t| ("team", t.to_string())))
        .chain(
            audience
                .job_families
                .iter()
                .map(|f| ("job_family", f.as_str().to_string())),
        );
    for (kind, value) in rows {
        sqlx::query(
            "INSERT INTO campaign_audience (campaign_id, kind, value) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(campaign)
        .bind(kind)
        .bind(value)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Stores a campaign within `tx`, on `framework` (the campaign's own, as read by the caller).
pub(crate) async fn create_campaign_in(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    new: &NewCampaign,
    framework: &StoredFramework,
) -> Result<CampaignId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO campaigns (organisation_id, framework_id, title_en, title_cy, opens_on, \
                closes_on, anonymous, cloned_from, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(org.0)
    .bind(new.framework.0)
    .bind(&new.title.en)
    .bind(&new.title.cy)
    .bind(skillgym_domain::people::format_date(new.opens_on))
    .bind(skillgym_domain::people::format_date(new.closes_on))
    .bind(i64::from(new.anonymous))
    .bind(new.cloned_from.map(|c| c.0))
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    for (position, competence) in new.competences.iter().enumerate() {
        if !framework.competence_ids.values().any(|c| c == competence) {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "INSERT INTO campaign_competences (campaign_id, competence_id, position) \
                 VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(competence.0)
        .bind(position as i64)
        .execute(&mut **tx)
        .await?;
    }
    insert_audience(tx, id, &new.audience).await?;
    for (position, q) in new.content.profile_questions.iter().enumerate() {
        let hint = q.hint.clone().unwrap_or_default();
        sqlx::query(
            "INSERT INTO profile_questions (campaign_id, position, code, kind, prompt_en, \
                    prompt_cy, hint_en, hint_cy, options, min_value, max_value) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(&q.code)
        .bind(q.kind.as_str())
        .bind(&q.prompt.en)
        .bind(&q.prompt.cy)
        .bind(Some(hint.en).filter(|h| !h.is_empty()))
        .bind(hint.cy)
        .bind(serde_json::to_string(&q.options).map_err(json_error)?)
        .bind(q.min)
        .bind(q.max)
        .execute(&mut **tx)
        .await?;
    }
    for (position, item) in new.content.quiz.iter().enumerate() {
        let competence = framework
            .competence_ids
            .get(&item.competence)
            .ok_or(StoreError::NotFound)?;
        let alt = item.image_alt.clone().unwrap_or_default();
        let explanation = item.explanation.clone().unwrap_or_default();
        sqlx::query(
            "INSERT INTO quiz_items (campaign_id, position, code, competence_id, prompt_en, \
                    prompt_cy, image, image_alt_en, image_alt_cy, options, explanation_en, \
                    explanation_cy, image_cy) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(&item.code)
        .bind(competence.0)
        .bind(&item.prompt.en)
        .bind(&item.prompt.cy)
        .bind(&item.image)
        .bind(Some(alt.en).filter(|a| !a.is_empty()))
        .bind(alt.cy)
        .bind(serde_json::to_string(&item.options).map_err(json_error)?)
        .bind(Some(explanation.en).filter(|e| !e.is_empty()))
        .bind(explanation.cy)
        .bind(&item.image_cy)
        .execute(&mut **tx)
        .await?;
    }
    for (name, content_type, body) in &new.pictures {
        // An uploaded PNG or JPEG keeps its size when the campaign is cloned.
        let size = skillgym_domain::audit::picture::check(body).ok();
        sqlx::query(
            "INSERT INTO campaign_pictures (campaign_id, name, content_type, body, width, \
                    height) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(name)
        .bind(content_type)
        .bind(body.clone())
        .bind(size.map(|s| i64::from(s.width)))
        .bind(size.map(|s| i64::from(s.height)))
        .execute(&mut **tx)
        .await?;
    }
    Ok(CampaignId(id))
}
