//! Importing the responses of an audit run elsewhere, from the campaign page: upload an
//! export, match its columns to the campaign's questions, import. The upload waits in the
//! database between the two steps, so any instance can serve the second.

use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::page::Page;
use crate::path::Path;
use crate::upload::Upload;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use skillgym_domain::audit::survey::{
    self, Choice, Mapping, Problem, SurveyFile, SurveyKind, Unmatched,
};
use skillgym_domain::{CampaignId, SurveyUploadId};
use skillgym_store::{Campaign, SavedMapping, SurveyOutcome, SurveyRefused, survey_targets};

/// Longest name a saved mapping keeps.
const MAX_MAPPING_NAME: usize = 100;

/// A problem ready to show: line, column and the explanation in the reader's language.
pub struct ShownProblem {
    pub line: u64,
    pub column: String,
    pub message: String,
}

fn shown(ctx: &Ctx, problems: &[Problem]) -> Vec<ShownProblem> {
    problems
        .iter()
        .map(|p| ShownProblem {
            line: p.line,
            column: p.column.clone().unwrap_or_default(),
            message: ctx
                .tr
                .t1(p.code, "value", p.value.clone().unwrap_or_default()),
        })
        .collect()
}

fn refuse(mut response: Response) -> Response {
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    response
}

#[derive(Template, WebTemplate)]
#[template(path = "survey_upload.html")]
pub struct UploadPage {
    page: Page,
    campaign: Campaign,
    saved: Vec<SavedMapping>,
    problems: Vec<ShownProblem>,
    file_missing: bool,
}

async fn campaign_for(state: &AppState, admin: &Admin, id: CampaignId) -> AppResult<Campaign> {
    let org = admin.organisation_id;
    Ok(state.store.campaign(org, id).await?)
}

pub async fn upload_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
) -> AppResult<Response> {
    let campaign = campaign_for(&state, &admin, id).await?;
    Ok(UploadPage {
        page: ctx.page("survey-import-title"),
        saved: state.store.survey_mappings(campaign.id).await?,
        campaign,
        problems: Vec::new(),
        file_missing: false,
    }
    .into_response())
}

pub async fn upload(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    multipart: Multipart,
) -> AppResult<Response> {
    let upload = Upload::read(&ctx, multipart, "survey_file", &["mapping"]).await?;
    let saved = upload.text("mapping");
    let campaign = campaign_for(&state, &admin, id).await?;
    let page = |problems: Vec<ShownProblem>, file_missing: bool, saved: Vec<SavedMapping>| {
        refuse(
            UploadPage {
                page: ctx.page("survey-import-title"),
                campaign: campaign.clone(),
                saved,
                problems,
                file_missing,
            }
            .into_response(),
        )
    };
    let Some(file) = upload.file.as_ref() else {
        return Ok(page(
            Vec::new(),
            true,
            state.store.survey_mappings(campaign.id).await?,
        ));
    };
    if let Err(problems) = survey::parse(&file.bytes) {
        return Ok(page(
            shown(&ctx, &problems),
            false,
            state.store.survey_mappings(campaign.id).await?,
        ));
    }
    let upload = state
        .store
        .save_survey_upload(
            campaign.id,
            file.name.as_deref().unwrap_or("survey.csv"),
            &file.bytes,
        )
        .await?;
    let query = serde_urlencoded::to_string([("mapping", saved)])
        .map_err(|e| AppError::Internal(e.into()))?;
    let query = if saved.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    Ok(Redirect::to(&format!(
        "/campaigns/{}/import/{upload}{query}",
        campaign.id
    ))
    .into_response())
}

/// One column on the mapping page.
pub struct MapColumn {
    pub index: usize,
    pub letter: String,
    pub header: String,
    /// The first rows' values.
    pub examples: Vec<String>,
    pub chosen: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "survey_map.html")]
pub struct MapPage {
    page: Page,
    campaign: Campaign,
    upload: SurveyUploadId,
    surveymonkey: bool,
    rows: usize,
    columns: Vec<MapColumn>,
    unmatched_anonymous: bool,
    save_as: String,
    base: String,
    problems: Vec<ShownProblem>,
}

impl MapPage {
    /// Whether column `c` is set to `value` ("competence:CODE", …).
    fn is(&self, c: &MapColumn, kind: &str, code: &str) -> bool {
        let value = match kind {
            "competence" => Choice::Competence(code.to_string()),
            "question" => Choice::Question(code.to_string()),
            _ => Choice::Quiz(code.to_string()),
        }
        .value();
        c.chosen == value
    }
}

#[allow(clippy::too_many_arguments)]
fn map_page(
    ctx: &Ctx,
    campaign: Campaign,
    upload: SurveyUploadId,
    file: &SurveyFile,
    choices: &[Choice],
    unmatched: Unmatched,
    save_as: String,
    base: String,
    problems: Vec<ShownProblem>,
) -> Response {
    let columns = file
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| MapColumn {
            index: i,
            letter: c.letter.clone(),
            header: c.header.clone(),
            examples: file
                .preview()
                .iter()
                .map(|r| r.cells[i].clone())
                .filter(|v| !v.is_empty())
                .collect(),
            chosen: choices.get(i).map(Choice::value).unwrap_or_default(),
        })
        .collect();
    let failed = !problems.is_empty();
    let response = MapPage {
        page: ctx.page("survey-map-title"),
        campaign,
        upload,
        surveymonkey: file.kind == SurveyKind::SurveyMonkey,
        rows: file.rows.len(),
        columns,
        unmatched_anonymous: unmatched == Unmatched::Anonymous,
        save_as,
        base,
        problems,
    }
    .into_response();
    if failed { refuse(response) } else { response }
}

#[derive(serde::Deserialize)]
pub struct MapQuery {
    #[serde(default)]
    mapping: String,
}

/// The file of an upload that is still kept; an unreadable one cannot be (it is checked
/// before it is kept).
fn read(body: &[u8]) -> AppResult<SurveyFile> {
    survey::parse(body).map_err(|_| AppError::BadRequest("upload"))
}

pub async fn map_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, upload)): Path<(CampaignId, SurveyUploadId)>,
    Query(query): Query<MapQuery>,
) -> AppResult<Response> {
    let campaign = campaign_for(&state, &admin, id).await?;
    let org = admin.organisation_id;
    let stored = state.store.survey_upload(org, campaign.id, upload).await?;
    let file = read(&stored.body)?;
    let base = state
        .store
        .survey_mappings(campaign.id)
        .await?
        .into_iter()
        .find(|s| s.name == query.mapping);
    let (choices, unmatched, base_name) = match &base {
        Some(saved) => (
            survey::choices_of(&file, &saved.mapping),
            if saved.mapping.respondent.keeps_unmatched()
                && saved.mapping.respondent.column().is_some()
            {
                Unmatched::Anonymous
            } else {
                Unmatched::Problem
            },
            saved.name.clone(),
        ),
        None => (
            survey::suggest(&file, &survey_targets(&campaign)),
            Unmatched::Problem,
            String::new(),
        ),
    };
    Ok(map_page(
        &ctx,
        campaign,
        stored.id,
        &file,
        &choices,
        unmatched,
        base_name.clone(),
        base_name,
        Vec::new(),
    ))
}

#[derive(Template, WebTemplate)]
#[template(path = "survey_done.html")]
pub struct DonePage {
    page: Page,
    campaign: Campaign,
    outcome: SurveyOutcome,
    saved_as: String,
}

pub async fn import(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, upload)): Path<(CampaignId, SurveyUploadId)>,
    crate::forms::CsrfForm(fields): crate::forms::CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let campaign = campaign_for(&state, &admin, id).await?;
    let org = admin.organisation_id;
    let stored = state.store.survey_upload(org, campaign.id, upload).await?;
    let file = read(&stored.body)?;
    let mut choices = vec![Choice::Ignore; file.columns.len()];
    let mut unmatched = Unmatched::Problem;
    let mut save_as = String::new();
    let mut base_name = String::new();
    for (k, v) in fields {
        if let Some(i) = k.strip_prefix("col-").and_then(|i| i.parse::<usize>().ok()) {
            if let Some(c) = choices.get_mut(i) {
                *c = Choice::parse(&v);
            }
            continue;
        }
        match k.as_str() {
            "unmatched" if v == "anonymous" => unmatched = Unmatched::Anonymous,
            "save_as" => save_as = v.trim().chars().take(MAX_MAPPING_NAME).collect(),
            "base" => base_name = v,
            _ => {}
        }
    }
    let base: Option<Mapping> = if base_name.is_empty() {
        None
    } else {
        state
            .store
            .survey_mappings(campaign.id)
            .await?
            .into_iter()
            .find(|s| s.name == base_name)
            .map(|s| s.mapping)
    };
    let mapping = survey::mapping_from(&file, &choices, unmatched, base.as_ref());
    match state
        .store
        .import_survey(org, campaign.id, &stored.body, &mapping)
        .await
    {
        Ok(outcome) => {
            if !save_as.is_empty() {
                state
                    .store
                    .save_survey_mapping(campaign.id, &save_as, &mapping)
                    .await?;
            }
            state.store.delete_survey_upload(stored.id).await?;
            // Read the new answers now, in the background: the first report is then warm, and
            // the snapshot taken serves the next server to start.
            let (store, analysis, read) = (
                state.store.clone(),
                state.analysis.clone(),
                campaign.clone(),
            );
            tokio::spawn(async move {
                if let Err(e) = analysis.columns(&store, org, &read).await {
                    tracing::warn!(campaign = read.id.0, error = %e, "could not read the campaign's answers");
                }
            });
            tracing::info!(
                campaign = campaign.id.0,
                added = outcome.added,
                updated = outcome.updated,
                "survey responses imported"
            );
            Ok(DonePage {
                page: ctx.page("survey-import-done-title"),
                campaign,
                outcome,
                saved_as: save_as,
            }
            .into_response())
        }
        Err(SurveyRefused::Problems(problems)) => {
            let problems = shown(&ctx, &problems);
            Ok(map_page(
                &ctx, campaign, stored.id, &file, &choices, unmatched, save_as, base_name, problems,
            ))
        }
        Err(SurveyRefused::Store(e)) => Err(e.into()),
    }
}
