//! Admins' edits on the web: frameworks changed item by item, and a campaign's own questions.
//!
//! Areas and competences are named by their code, which never changes once given; their CASE
//! identifiers are set when they are added and never rewritten, so an export after any number
//! of edits still names the same items. A competence people have answered about is never
//! removed (its wording may change), and a campaign's questions are fixed once anyone has
//! started answering it.

use crate::{Result, Store, StoreError};
use skillgym_domain::audit::Localised;
use skillgym_domain::audit::campaign::{ProfileQuestion, QuizItem, standard_pictures};
use skillgym_domain::audit::editing::{
    CompetenceUse, ItemDraft, Move, Removal, new_item_identifier,
};
use skillgym_domain::{CampaignId, FrameworkId, OrganisationId, QuestionId, QuizItemId};
use sqlx::{Any, Row, Transaction};

/// Why a campaign's questions could not change.
pub const ANSWERED: &str = "answered";

async fn framework_identifier(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    framework: FrameworkId,
) -> Result<String> {
    sqlx::query_scalar("SELECT identifier FROM frameworks WHERE organisation_id = $1 AND id = $2")
        .bind(org.0)
        .bind(framework.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)
}

/// Whether `code` is free among the framework's areas and competences (they share codes, so
/// a file or a report never confuses one for the other).
async fn code_free(
    tx: &mut Transaction<'_, Any>,
    framework: FrameworkId,
    code: &str,
) -> Result<bool> {
    let used: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM framework_areas WHERE framework_id = $1 AND code = $2) + \
                (SELECT COUNT(*) FROM competences WHERE framework_id = $1 AND code = $2)",
    )
    .bind(framework.0)
    .bind(code)
    .fetch_one(&mut **tx)
    .await?;
    Ok(used == 0)
}

async fn area_id(tx: &mut Transaction<'_, Any>, framework: FrameworkId, code: &str) -> Result<i64> {
    sqlx::query_scalar("SELECT id FROM framework_areas WHERE framework_id = $1 AND code = $2")
        .bind(framework.0)
        .bind(code)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)
}

async fn competence_id(
    tx: &mut Transaction<'_, Any>,
    framework: FrameworkId,
    code: &str,
) -> Result<(i64, i64)> {
    let row =
        sqlx::query("SELECT id, area_id FROM competences WHERE framework_id = $1 AND code = $2")
            .bind(framework.0)
            .bind(code)
            .fetch_optional(&mut **tx)
            .await?
            .ok_or(StoreError::NotFound)?;
    Ok((row.try_get("id")?, row.try_get("area_id")?))
}

/// Writes positions 0, 1, 2… in the order given.
async fn renumber(tx: &mut Transaction<'_, Any>, table: &'static str, ids: &[i64]) -> Result<()> {
    let sql = match table {
        "framework_areas" => "UPDATE framework_areas SET position = $2 WHERE id = $1",
        "competences" => "UPDATE competences SET position = $2 WHERE id = $1",
        _ => unreachable!("only areas and competences are ordered here"),
    };
    for (position, id) in ids.iter().enumerate() {
        sqlx::query(sql)
            .bind(id)
            .bind(position as i64)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Moves `id` one place up or down among `order` (the ids in their present order) and
/// writes everyone's new positions.
async fn move_within(
    tx: &mut Transaction<'_, Any>,
    table: &'static str,
    order: &[i64],
    id: i64,
    to: Move,
) -> Result<()> {
    let index = order
        .iter()
        .position(|item| *item == id)
        .ok_or(StoreError::NotFound)?;
    renumber(tx, table, &to.apply(order, index)).await
}

async fn use_of(tx: &mut Transaction<'_, Any>, competences: &[i64]) -> Result<CompetenceUse> {
    let mut total = CompetenceUse::default();
    for id in competences {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM ratings WHERE competence_id = $1) AS ratings, \
                (SELECT COUNT(*) FROM quiz_answers qa JOIN quiz_items q ON q.id = qa.item_id \
                    WHERE q.competence_id = $1) AS quiz_answers, \
                (SELECT COUNT(*) FROM quiz_items WHERE competence_id = $1) AS quiz_items, \
                (SELECT COUNT(*) FROM campaign_competences WHERE competence_id = $1) AS campaigns",
        )
        .bind(id)
        .fetch_one(&mut **tx)
        .await?;
        total.answers +=
            row.try_get::<i64, _>("ratings")? + row.try_get::<i64, _>("quiz_answers")?;
        total.quiz_items += row.try_get::<i64, _>("quiz_items")?;
        total.campaigns += row.try_get::<i64, _>("campaigns")?;
    }
    Ok(total)
}

async fn area_competences(tx: &mut Transaction<'_, Any>, area: i64) -> Result<Vec<i64>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM competences WHERE area_id = $1 ORDER BY position, id")
            .bind(area)
            .fetch_all(&mut **tx)
            .await?,
    )
}

/// Removes competences nothing has answered about, and takes them out of the campaigns that
/// would have asked about them.
async fn delete_competences(tx: &mut Transaction<'_, Any>, ids: &[i64]) -> Result<()> {
    for id in ids {
        sqlx::query("DELETE FROM campaign_competences WHERE competence_id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await?;
        sqlx::query("DELETE FROM competences WHERE id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

impl Store {
    /// Changes a framework's title and description.
    pub async fn update_framework_text(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        title: &Localised,
        description: &Localised,
    ) -> Result<()> {
        let done = sqlx::query(
            "UPDATE frameworks SET title_en = $3, title_cy = $4, description_en = $5, \
                description_cy = $6 WHERE organisation_id = $1 AND id = $2",
        )
        .bind(org.0)
        .bind(framework.0)
        .bind(&title.en)
        .bind(&title.cy)
        .bind(&description.en)
        .bind(&description.cy)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Rewrites what the five levels mean.
    pub async fn update_levels(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        levels: &[Localised],
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        // Write first (see `save_section`): touch the framework row, then check it was there.
        let done =
            sqlx::query("UPDATE frameworks SET code = code WHERE organisation_id = $1 AND id = $2")
                .bind(org.0)
                .bind(framework.0)
                .execute(&mut *tx)
                .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM framework_levels WHERE framework_id = $1")
            .bind(framework.0)
            .execute(&mut *tx)
            .await?;
        for (i, level) in levels.iter().enumerate() {
            sqlx::query(
                "INSERT INTO framework_levels (framework_id, level, descriptor_en, descriptor_cy) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(framework.0)
            .bind(i as i64 + 1)
            .bind(&level.en)
            .bind(&level.cy)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Adds an area at the end; its code must be free in the framework.
    pub async fn add_area(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        draft: &ItemDraft,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let identifier = framework_identifier(&mut tx, org, framework).await?;
        if !code_free(&mut tx, framework, &draft.code).await? {
            return Err(StoreError::Taken("code"));
        }
        sqlx::query(
            "INSERT INTO framework_areas (framework_id, position, code, identifier, title_en, \
                title_cy, description_en, description_cy) \
             VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM framework_areas \
                WHERE framework_id = $1), $2, $3, $4, $5, $6, $7)",
        )
        .bind(framework.0)
        .bind(&draft.code)
        .bind(new_item_identifier(&identifier, &draft.code))
        .bind(&draft.title.en)
        .bind(&draft.title.cy)
        .bind(&draft.description.en)
        .bind(&draft.description.cy)
        .execute(&mut *tx)
        .await
        .map_err(|e| crate::error::taken_or(e, "code"))?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes an area's wording; its code and identifier stay.
    pub async fn update_area(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        code: &str,
        draft: &ItemDraft,
    ) -> Result<()> {
        let done = sqlx::query(
            "UPDATE framework_areas SET title_en = $4, title_cy = $5, description_en = $6, \
                description_cy = $7 \
             WHERE framework_id = $2 AND code = $3 AND framework_id IN \
                (SELECT id FROM frameworks WHERE organisation_id = $1)",
        )
        .bind(org.0)
        .bind(framework.0)
        .bind(code)
        .bind(&draft.title.en)
        .bind(&draft.title.cy)
        .bind(&draft.description.en)
        .bind(&draft.description.cy)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Moves an area up or down among the framework's areas.
    pub async fn move_area(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        code: &str,
        to: Move,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        framework_identifier(&mut tx, org, framework).await?;
        let id = area_id(&mut tx, framework, code).await?;
        let order: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM framework_areas WHERE framework_id = $1 ORDER BY position, id",
        )
        .bind(framework.0)
        .fetch_all(&mut *tx)
        .await?;
        move_within(&mut tx, "framework_areas", &order, id, to).await?;
        tx.commit().await?;
        Ok(())
    }

    /// What refers to an area's competences, all together.
    pub async fn area_use(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        code: &str,
    ) -> Result<CompetenceUse> {
        let mut tx = self.begin_write().await?;
        framework_identifier(&mut tx, org, framework).await?;
        let area = area_id(&mut tx, framework, code).await?;
        let competences = area_competences(&mut tx, area).await?;
        let found = use_of(&mut tx, &competences).await?;
        tx.rollback().await?;
        Ok(found)
    }

    /// Removes an area and its competences, unless any of them may not be removed.
    pub async fn remove_area(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        code: &str,
    ) -> Result<Removal> {
        let mut tx = self.begin_write().await?;
        framework_identifier(&mut tx, org, framework).await?;
        let area = area_id(&mut tx, framework, code).await?;
        let competences = area_competences(&mut tx, area).await?;
        let removal = use_of(&mut tx, &competences).await?.removal();
        if removal != Removal::Allowed {
            return Ok(removal);
        }
        delete_competences(&mut tx, &competences).await?;
        sqlx::query("DELETE FROM framework_areas WHERE id = $1")
            .bind(area)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Removal::Allowed)
    }

    /// Adds a competence at the end of an area; its code must be free in the framework.
    pub async fn add_competence(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        area_code: &str,
        draft: &ItemDraft,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let identifier = framework_identifier(&mut tx, org, framework).await?;
        let area = area_id(&mut tx, framework, area_code).await?;
        if !code_free(&mut tx, framework, &draft.code).await? {
            return Err(StoreError::Taken("code"));
        }
        sqlx::query(
            "INSERT INTO competences (framework_id, area_id, position, code, identifier, \
                title_en, title_cy, description_en, description_cy) \
             VALUES ($1, $2, (SELECT COALESCE(MAX(position), -1) + 1 FROM competences \
                WHERE area_id = $2), $3, $4, $5, $6, $7, $8)",
        )
        .bind(framework.0)
        .bind(area)
        .bind(&draft.code)
        .bind(new_item_identifier(&identifier, &draft.code))
        .bind(&draft.title.en)
        .bind(&draft.title.cy)
        .bind(&draft.description.en)
        .bind(&draft.description.cy)
        .execute(&mut *tx)
        .await
        .map_err(|e| crate::error::taken_or(e, "code"))?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes a competence's wording, and the area it is in (moving to the end of another
    /// area); its code and identifier stay, and so do the answers about it.
    pub async fn update_competence(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        code: &str,
        area_code: &str,
        draft: &ItemDraft,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        framework_identifier(&mut tx, org, framework).await?;
        let (id, area) = competence_id(&mut tx, framework, code).await?;
        let to_area = area_id(&mut tx, framework, area_code).await?;
        sqlx::query(
            "UPDATE competences SET title_en = $2, title_cy = $3, description_en = $4, \
                description_cy = $5 WHERE id = $1",
        )
        .bind(id)
        .bind(&draft.title.en)
        .bind(&draft.title.cy)
        .bind(&draft.description.en)
        .bind(&draft.description.cy)
        .execute(&mut *tx)
        .await?;
        if to_area != area {
            sqlx::query(
                "UPDATE competences SET area_id = $2, position = (SELECT COALESCE(MAX(position), -1) + 1 \
                    FROM competences WHERE area_id = $2) WHERE id = $1",
            )
            .bind(id)
            .bind(to_area)
            .execute(&mut *tx)
            .await?;
            let left = area_competences(&mut tx, area).await?;
            renumber(&mut tx, "competences", &left).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Moves a competence up or down within its area.
    pub async fn move_competence(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        code: &str,
        to: Move,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        framework_identifier(&mut tx, org, framework).await?;
        let (id, area) = competence_id(&mut tx, framework, code).await?;
        let order = area_competences(&mut tx, area).await?;
        move_within(&mut tx, "competences", &order, id, to).await?;
        tx.commit().await?;
        Ok(())
    }

    /// What refers to a competence: answers, knowledge-round questions, campaigns.
    pub async fn competence_use(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        code: &str,
    ) -> Result<CompetenceUse> {
        let mut tx = self.begin_write().await?;
        framework_identifier(&mut tx, org, framework).await?;
        let (id, _) = competence_id(&mut tx, framework, code).await?;
        let found = use_of(&mut tx, &[id]).await?;
        tx.rollback().await?;
        Ok(found)
    }

    /// Removes a competence, unless answers or knowledge-round questions refer to it; says
    /// which when it does not.
    pub async fn remove_competence(
        &self,
        org: OrganisationId,
        framework: FrameworkId,
        code: &str,
    ) -> Result<Removal> {
        let mut tx = self.begin_write().await?;
        framework_identifier(&mut tx, org, framework).await?;
        let (id, area) = competence_id(&mut tx, framework, code).await?;
        let removal = use_of(&mut tx, &[id]).await?.removal();
        if removal != Removal::Allowed {
            return Ok(removal);
        }
        delete_competences(&mut tx, &[id]).await?;
        let left = area_competences(&mut tx, area).await?;
        renumber(&mut tx, "competences", &left).await?;
        tx.commit().await?;
        Ok(Removal::Allowed)
    }

    /// Whether anyone has started answering a campaign (on the web or by import): its
    /// questions are then fixed.
    pub async fn campaign_answered(&self, campaign: CampaignId) -> Result<bool> {
        let started: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE campaign_id = $1")
                .bind(campaign.0)
                .fetch_one(&self.pool)
                .await?;
        Ok(started > 0)
    }

    /// Adds a profile question at the end of a campaign's.
    pub async fn add_profile_question(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        q: &ProfileQuestion,
    ) -> Result<QuestionId> {
        let mut tx = self.begin_write().await?;
        open_for_edits(&mut tx, org, campaign).await?;
        let hint = q.hint.clone().unwrap_or_default();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO profile_questions (campaign_id, position, code, kind, prompt_en, \
                prompt_cy, hint_en, hint_cy, options, min_value, max_value) \
             VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM profile_questions \
                WHERE campaign_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(campaign.0)
        .bind(&q.code)
        .bind(q.kind.as_str())
        .bind(&q.prompt.en)
        .bind(&q.prompt.cy)
        .bind(Some(hint.en).filter(|h| !h.is_empty()))
        .bind(hint.cy)
        .bind(serde_json::to_string(&q.options).map_err(crate::audit::json_error)?)
        .bind(q.min)
        .bind(q.max)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| crate::error::taken_or(e, "code"))?;
        tx.commit().await?;
        Ok(QuestionId(id))
    }

    /// Rewrites a profile question (its code stays).
    pub async fn update_profile_question(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        id: QuestionId,
        q: &ProfileQuestion,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        open_for_edits(&mut tx, org, campaign).await?;
        let hint = q.hint.clone().unwrap_or_default();
        let done = sqlx::query(
            "UPDATE profile_questions SET kind = $3, prompt_en = $4, prompt_cy = $5, \
                hint_en = $6, hint_cy = $7, options = $8, min_value = $9, max_value = $10 \
             WHERE campaign_id = $1 AND id = $2",
        )
        .bind(campaign.0)
        .bind(id.0)
        .bind(q.kind.as_str())
        .bind(&q.prompt.en)
        .bind(&q.prompt.cy)
        .bind(Some(hint.en).filter(|h| !h.is_empty()))
        .bind(hint.cy)
        .bind(serde_json::to_string(&q.options).map_err(crate::audit::json_error)?)
        .bind(q.min)
        .bind(q.max)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove_profile_question(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        id: QuestionId,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        open_for_edits(&mut tx, org, campaign).await?;
        let done = sqlx::query("DELETE FROM profile_questions WHERE campaign_id = $1 AND id = $2")
            .bind(campaign.0)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    /// Adds a knowledge-round question at the end; its competence must be one the campaign
    /// rates, and a picture it shows is copied into the campaign from the shipped set.
    pub async fn add_quiz_item(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        item: &QuizItem,
        upload: Option<&UploadedPicture>,
    ) -> Result<QuizItemId> {
        let mut tx = self.begin_write().await?;
        open_for_edits(&mut tx, org, campaign).await?;
        let competence = rated_competence(&mut tx, campaign, &item.competence).await?;
        add_picture(&mut tx, campaign, item.image.as_deref(), upload).await?;
        add_picture(&mut tx, campaign, item.image_cy.as_deref(), upload).await?;
        let alt = item.image_alt.clone().unwrap_or_default();
        let explanation = item.explanation.clone().unwrap_or_default();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO quiz_items (campaign_id, position, code, competence_id, prompt_en, \
                prompt_cy, image, image_alt_en, image_alt_cy, options, explanation_en, \
                explanation_cy, image_cy) \
             VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM quiz_items \
                WHERE campaign_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             RETURNING id",
        )
        .bind(campaign.0)
        .bind(&item.code)
        .bind(competence)
        .bind(&item.prompt.en)
        .bind(&item.prompt.cy)
        .bind(&item.image)
        .bind(Some(alt.en).filter(|a| !a.is_empty()))
        .bind(alt.cy)
        .bind(serde_json::to_string(&item.options).map_err(crate::audit::json_error)?)
        .bind(Some(explanation.en).filter(|e| !e.is_empty()))
        .bind(explanation.cy)
        .bind(&item.image_cy)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| crate::error::taken_or(e, "code"))?;
        tx.commit().await?;
        Ok(QuizItemId(id))
    }

    /// Rewrites a knowledge-round question (its code stays).
    pub async fn update_quiz_item(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        id: QuizItemId,
        item: &QuizItem,
        upload: Option<&UploadedPicture>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        open_for_edits(&mut tx, org, campaign).await?;
        let competence = rated_competence(&mut tx, campaign, &item.competence).await?;
        add_picture(&mut tx, campaign, item.image.as_deref(), upload).await?;
        add_picture(&mut tx, campaign, item.image_cy.as_deref(), upload).await?;
        let alt = item.image_alt.clone().unwrap_or_default();
        let explanation = item.explanation.clone().unwrap_or_default();
        let done = sqlx::query(
            "UPDATE quiz_items SET competence_id = $3, prompt_en = $4, prompt_cy = $5, \
                image = $6, image_alt_en = $7, image_alt_cy = $8, options = $9, \
                explanation_en = $10, explanation_cy = $11, image_cy = $12 \
             WHERE campaign_id = $1 AND id = $2",
        )
        .bind(campaign.0)
        .bind(id.0)
        .bind(competence)
        .bind(&item.prompt.en)
        .bind(&item.prompt.cy)
        .bind(&item.image)
        .bind(Some(alt.en).filter(|a| !a.is_empty()))
        .bind(alt.cy)
        .bind(serde_json::to_string(&item.options).map_err(crate::audit::json_error)?)
        .bind(Some(explanation.en).filter(|e| !e.is_empty()))
        .bind(explanation.cy)
        .bind(&item.image_cy)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        remove_unused_pictures(&mut tx, campaign).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The names of the pictures an admin uploaded to the campaign, for its questions to show.
    pub async fn uploaded_picture_names(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
    ) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT p.name FROM campaign_pictures p JOIN campaigns c ON c.id = p.campaign_id \
             WHERE c.organisation_id = $1 AND p.campaign_id = $2 AND p.width IS NOT NULL \
             ORDER BY p.name",
        )
        .bind(org.0)
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The width and height of each picture of the campaign, for `<img>` attributes: an
    /// upload's as read from its header, a shipped SVG's as it declares.
    pub async fn picture_sizes(
        &self,
        campaign: CampaignId,
    ) -> Result<std::collections::HashMap<String, (i64, i64)>> {
        // Only the shipped SVGs (a few small files) leave the size empty and send their body.
        let rows = sqlx::query(
            "SELECT name, width, height, CASE WHEN width IS NULL THEN body END AS body \
             FROM campaign_pictures WHERE campaign_id = $1",
        )
        .bind(campaign.0)
        .fetch_all(&self.pool)
        .await?;
        let mut sizes = std::collections::HashMap::new();
        for r in &rows {
            let stored: (Option<i64>, Option<i64>) = (r.try_get("width")?, r.try_get("height")?);
            let size = match stored {
                (Some(w), Some(h)) => Some((w, h)),
                _ => r
                    .try_get::<Option<Vec<u8>>, _>("body")?
                    .and_then(|body| skillgym_domain::audit::picture::svg_size(&body))
                    .map(|(w, h)| (i64::from(w), i64::from(h))),
            };
            if let Some(size) = size {
                sizes.insert(r.try_get("name")?, size);
            }
        }
        Ok(sizes)
    }

    /// Replaces every campaign's copy of a shipped picture that is byte for byte an earlier
    /// drawing of it with today's (the same picture, drawn larger to be legible). Returns how
    /// many copies changed; run after the migrations, so it costs a scan of a small table.
    pub async fn redraw_shipped_pictures(&self) -> Result<u64> {
        let today = standard_pictures();
        let mut changed = 0;
        for (name, earlier) in skillgym_domain::audit::campaign::earlier_standard_pictures() {
            let Some((_, body)) = today.iter().find(|(n, _)| *n == name) else {
                continue;
            };
            changed += sqlx::query(
                "UPDATE campaign_pictures SET body = $1 WHERE name = $2 AND width IS NULL \
                 AND body = $3",
            )
            .bind(body.to_vec())
            .bind(name)
            .bind(earlier.to_vec())
            .execute(&self.pool)
            .await?
            .rows_affected();
        }
        Ok(changed)
    }

    pub async fn remove_quiz_item(
        &self,
        org: OrganisationId,
        campaign: CampaignId,
        id: QuizItemId,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        open_for_edits(&mut tx, org, campaign).await?;
        let done = sqlx::query("DELETE FROM quiz_items WHERE campaign_id = $1 AND id = $2")
            .bind(campaign.0)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        remove_unused_pictures(&mut tx, campaign).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Checks the campaign is the organisation's and nobody has started answering it, holding
/// the campaign row so that no response can start until the edit is done.
pub(crate) async fn open_for_edits(
    tx: &mut Transaction<'_, Any>,
    org: OrganisationId,
    campaign: CampaignId,
) -> Result<()> {
    // Write first (see `save_section`): on SQLite this takes the write lock at once.
    let done = sqlx::query(
        "UPDATE campaigns SET title_en = title_en WHERE organisation_id = $1 AND id = $2",
    )
    .bind(org.0)
    .bind(campaign.0)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    let started: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE campaign_id = $1")
        .bind(campaign.0)
        .fetch_one(&mut **tx)
        .await?;
    if started > 0 {
        return Err(StoreError::Taken(ANSWERED));
    }
    Ok(())
}

/// The id of a competence the campaign rates, by code.
async fn rated_competence(
    tx: &mut Transaction<'_, Any>,
    campaign: CampaignId,
    code: &str,
) -> Result<i64> {
    sqlx::query_scalar(
        "SELECT c.id FROM campaign_competences cc JOIN competences c ON c.id = cc.competence_id \
         WHERE cc.campaign_id = $1 AND c.code = $2",
    )
    .bind(campaign.0)
    .bind(code)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(StoreError::NotFound)
}

/// A PNG or JPEG an admin uploaded, its bytes checked (see `audit::picture::check`).
#[derive(Debug, Clone)]
pub struct UploadedPicture {
    /// The name it is stored and served under within the campaign.
    pub name: String,
    pub content_type: String,
    pub width: u32,
    pub height: u32,
    pub body: Vec<u8>,
}

/// Makes sure the picture a question shows is in the campaign: the upload that came with the
/// question, a shipped picture (copied in if it is not there yet), or one already uploaded.
async fn add_picture(
    tx: &mut Transaction<'_, Any>,
    campaign: CampaignId,
    name: Option<&str>,
    upload: Option<&UploadedPicture>,
) -> Result<()> {
    let Some(name) = name else { return Ok(()) };
    if let Some(upload) = upload.filter(|u| u.name == name) {
        sqlx::query(
            "INSERT INTO campaign_pictures (campaign_id, name, content_type, body, width, height) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (campaign_id, name) DO NOTHING",
        )
        .bind(campaign.0)
        .bind(&upload.name)
        .bind(&upload.content_type)
        .bind(upload.body.clone())
        .bind(i64::from(upload.width))
        .bind(i64::from(upload.height))
        .execute(&mut **tx)
        .await?;
        return Ok(());
    }
    if let Some((name, body)) = standard_pictures().into_iter().find(|(n, _)| *n == name) {
        sqlx::query(
            "INSERT INTO campaign_pictures (campaign_id, name, content_type, body) \
             VALUES ($1, $2, 'image/svg+xml', $3) ON CONFLICT (campaign_id, name) DO NOTHING",
        )
        .bind(campaign.0)
        .bind(name)
        .bind(body.to_vec())
        .execute(&mut **tx)
        .await?;
        return Ok(());
    }
    let there: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM campaign_pictures WHERE campaign_id = $1 AND name = $2",
    )
    .bind(campaign.0)
    .bind(name)
    .fetch_one(&mut **tx)
    .await?;
    if there == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Deletes the campaign's pictures that no question shows any more.
async fn remove_unused_pictures(tx: &mut Transaction<'_, Any>, campaign: CampaignId) -> Result<()> {
    sqlx::query(
        "DELETE FROM campaign_pictures WHERE campaign_id = $1 AND name NOT IN \
            (SELECT image FROM quiz_items WHERE campaign_id = $1 AND image IS NOT NULL \
             UNION SELECT image_cy FROM quiz_items WHERE campaign_id = $1 AND image_cy IS NOT NULL)",
    )
    .bind(campaign.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
