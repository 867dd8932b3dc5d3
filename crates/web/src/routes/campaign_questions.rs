//! A campaign's own questions, written by an admin before anyone answers: profile questions
//! (single or multiple choice, a number, free text) and knowledge-round questions, each in
//! English and Welsh. Once anyone has started answering, the questions are fixed.

use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use crate::upload::Submitted;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use skillgym_domain::Invalid;
use skillgym_domain::audit::campaign::standard_pictures;
use skillgym_domain::audit::editing::{
    Problems, ProfileQuestionFields, QUIZ_OPTION_ROWS, QuizItemFields, QuizOptionFields, next_code,
};
use skillgym_domain::audit::picture;
use skillgym_domain::audit::{Localised, QuestionKind};
use skillgym_domain::{CampaignId, OrganisationId, QuestionId, QuizItemId};
use skillgym_store::{CAMPAIGN_ANSWERED, Campaign, StoreError, UploadedPicture};

fn errors_of(problems: Problems) -> FormErrors {
    let mut errors = FormErrors::default();
    for (field, code) in problems {
        errors.add(field, code);
    }
    errors
}

fn with_status(mut response: Response, status: StatusCode) -> Response {
    *response.status_mut() = status;
    response
}

fn overview(id: CampaignId, anchor: &str) -> Response {
    Redirect::to(&format!("/campaigns/{id}/questions?saved=1#{anchor}")).into_response()
}

/// The campaign's questions, with what can be done to them.
#[derive(Template, WebTemplate)]
#[template(path = "campaign_questions.html")]
pub struct QuestionsPage {
    page: Page,
    campaign: Campaign,
    /// Someone has started answering: nothing can change.
    answered: bool,
    saved: bool,
    /// Competence titles by code, for the knowledge round's list.
    competences: Vec<(String, Localised)>,
}

#[derive(Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

fn competences_of(campaign: &Campaign) -> Vec<(String, Localised)> {
    campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter())
        .map(|c| (c.code.clone(), c.title.clone()))
        .collect()
}

async fn questions_page(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    id: CampaignId,
    saved: bool,
) -> AppResult<Response> {
    let campaign = state.store.campaign(org, id).await?;
    let answered = state.store.campaign_answered(id).await?;
    let mut page = ctx.page("campaign-questions-title");
    page.title = page.t1(
        "campaign-questions-of",
        "campaign",
        campaign.title.show(page.lang()).text.to_string(),
    );
    Ok(QuestionsPage {
        page,
        competences: competences_of(&campaign),
        campaign,
        answered,
        saved,
    }
    .into_response())
}

pub async fn list(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    axum::extract::Query(query): axum::extract::Query<SavedQuery>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    questions_page(&state, &ctx, org, id, query.saved.is_some()).await
}

/// The campaign, if its questions can still change; otherwise the response to give instead:
/// the questions page, which says why (409 to a form, a redirect to a page asking for one).
async fn editable(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    id: CampaignId,
    posting: bool,
) -> AppResult<Result<Campaign, Response>> {
    let campaign = state.store.campaign(org, id).await?;
    if !state.store.campaign_answered(campaign.id).await? {
        return Ok(Ok(campaign));
    }
    Ok(Err(if posting {
        with_status(
            questions_page(state, ctx, org, campaign.id, false).await?,
            StatusCode::CONFLICT,
        )
    } else {
        Redirect::to(&format!("/campaigns/{}/questions", campaign.id)).into_response()
    }))
}

/// A store refusal because answers arrived between the check and the write.
async fn answered_meanwhile(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    id: CampaignId,
) -> AppResult<Response> {
    Ok(with_status(
        questions_page(state, ctx, org, id, false).await?,
        StatusCode::CONFLICT,
    ))
}

// ---- Profile questions --------------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct ProfileForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    prompt_en: String,
    #[serde(default)]
    prompt_cy: String,
    #[serde(default)]
    hint_en: String,
    #[serde(default)]
    hint_cy: String,
    #[serde(default)]
    options_en: String,
    #[serde(default)]
    options_cy: String,
    #[serde(default)]
    min: String,
    #[serde(default)]
    max: String,
}

impl ProfileForm {
    fn fields(&self) -> ProfileQuestionFields {
        ProfileQuestionFields {
            kind: self.kind.clone(),
            prompt_en: self.prompt_en.clone(),
            prompt_cy: self.prompt_cy.clone(),
            hint_en: self.hint_en.clone(),
            hint_cy: self.hint_cy.clone(),
            options_en: self.options_en.clone(),
            options_cy: self.options_cy.clone(),
            min: self.min.clone(),
            max: self.max.clone(),
        }
    }

    fn of(f: ProfileQuestionFields) -> Self {
        ProfileForm {
            kind: f.kind,
            prompt_en: f.prompt_en,
            prompt_cy: f.prompt_cy,
            hint_en: f.hint_en,
            hint_cy: f.hint_cy,
            options_en: f.options_en,
            options_cy: f.options_cy,
            min: f.min,
            max: f.max,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "profile_question_form.html")]
pub struct ProfileFormPage {
    page: Page,
    form: ProfileForm,
    errors: FormErrors,
    action: String,
    back: String,
    adding: bool,
    kinds: [QuestionKind; 4],
}

fn profile_page(
    ctx: &Ctx,
    campaign: CampaignId,
    question: Option<QuestionId>,
    form: ProfileForm,
    errors: FormErrors,
) -> Response {
    let failed = !errors.is_empty();
    let response = ProfileFormPage {
        page: ctx.page(if question.is_some() {
            "question-edit-title"
        } else {
            "question-new-title"
        }),
        form,
        errors,
        action: match question {
            Some(q) => format!("/campaigns/{campaign}/questions/{q}/edit"),
            None => format!("/campaigns/{campaign}/questions/new"),
        },
        back: format!("/campaigns/{campaign}/questions"),
        adding: question.is_none(),
        kinds: [
            QuestionKind::Single,
            QuestionKind::Multiple,
            QuestionKind::Number,
            QuestionKind::Text,
        ],
    }
    .into_response();
    if failed {
        with_status(response, StatusCode::UNPROCESSABLE_ENTITY)
    } else {
        response
    }
}

pub async fn new_question_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = match editable(&state, &ctx, org, id, false).await? {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    Ok(profile_page(
        &ctx,
        campaign.id,
        None,
        ProfileForm::default(),
        FormErrors::default(),
    ))
}

pub async fn add_question(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = match editable(&state, &ctx, org, id, true).await? {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let code = next_code("Q", campaign.questions.iter().map(|(_, q)| q.code.as_str()));
    let question = match form.fields().parse(&code) {
        Ok(q) => q,
        Err(p) => return Ok(profile_page(&ctx, campaign.id, None, form, errors_of(p))),
    };
    match state
        .store
        .add_profile_question(org, campaign.id, &question)
        .await
    {
        Ok(q) => Ok(overview(campaign.id, &format!("question-{q}"))),
        Err(StoreError::Taken(CAMPAIGN_ANSWERED)) => {
            answered_meanwhile(&state, &ctx, org, campaign.id).await
        }
        Err(e) => Err(e.into()),
    }
}

fn find_question(
    campaign: &Campaign,
    q: QuestionId,
) -> AppResult<&skillgym_domain::audit::ProfileQuestion> {
    campaign
        .questions
        .iter()
        .find(|(id, _)| *id == q)
        .map(|(_, q)| q)
        .ok_or(AppError::NotFound)
}

pub async fn edit_question_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, q)): Path<(CampaignId, QuestionId)>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = match editable(&state, &ctx, org, id, false).await? {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let question = find_question(&campaign, q)?;
    Ok(profile_page(
        &ctx,
        campaign.id,
        Some(q),
        ProfileForm::of(ProfileQuestionFields::of(question)),
        FormErrors::default(),
    ))
}

pub async fn update_question(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, q)): Path<(CampaignId, QuestionId)>,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = match editable(&state, &ctx, org, id, true).await? {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let code = find_question(&campaign, q)?.code.clone();
    let question = match form.fields().parse(&code) {
        Ok(q) => q,
        Err(p) => {
            return Ok(profile_page(&ctx, campaign.id, Some(q), form, errors_of(p)));
        }
    };
    match state
        .store
        .update_profile_question(org, campaign.id, q, &question)
        .await
    {
        Ok(()) => Ok(overview(campaign.id, &format!("question-{q}"))),
        Err(StoreError::Taken(CAMPAIGN_ANSWERED)) => {
            answered_meanwhile(&state, &ctx, org, campaign.id).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---- Knowledge round ----------------------------------------------------------------------

/// One option row on the form.
pub struct OptionRow {
    number: usize,
    en: String,
    cy: String,
    correct: bool,
    en_name: String,
    cy_name: String,
    correct_name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "quiz_item_form.html")]
pub struct QuizFormPage {
    page: Page,
    form: QuizItemFields,
    rows: Vec<OptionRow>,
    errors: FormErrors,
    action: String,
    back: String,
    adding: bool,
    competences: Vec<(String, Localised)>,
    pictures: Vec<String>,
    /// The uploaded file is for the Welsh picture (else for the picture).
    upload_for_cy: bool,
}

/// The pictures a question may show: the shipped ones, then those uploaded to the campaign.
async fn picture_names(
    state: &AppState,
    org: OrganisationId,
    campaign: CampaignId,
) -> AppResult<Vec<String>> {
    let mut names: Vec<String> = standard_pictures()
        .into_iter()
        .map(|(n, _)| n.to_string())
        .collect();
    names.extend(state.store.uploaded_picture_names(org, campaign).await?);
    Ok(names)
}

/// The form field of the picture file.
const PICTURE_FILE: &str = "picture_file";
/// The form field saying which picture the file is: "cy" for the Welsh one.
const PICTURE_FILE_FOR: &str = "picture_file_for";

/// Reads the knowledge-round form, checking its CSRF token: the page sends it as multipart
/// with the picture it may carry; a plain form (from a client with no file to send) is read as
/// before.
async fn read_quiz_request(state: &AppState, ctx: &Ctx, request: Request) -> AppResult<Submitted> {
    crate::upload::read_with_file(state, ctx, request, PICTURE_FILE).await
}

/// A knowledge-round form as sent, with the picture file it came with.
struct QuizSubmission {
    form: QuizItemFields,
    upload: Option<UploadedPicture>,
    /// The file's problems.
    errors: FormErrors,
    /// The pictures the question may show, the upload among them.
    pictures: Vec<String>,
    /// The file is for the Welsh picture.
    for_cy: bool,
}

/// The typed question with the picture file it came with. A picture that passes its checks
/// becomes the question's picture (or its Welsh picture, as the form says), under a name made
/// from its bytes; one that does not, or a body too large to read, is reported against the file
/// field. The file field comes last in the form, so a body cut short at the limit has brought
/// every typed field.
async fn read_quiz_upload(
    state: &AppState,
    org: OrganisationId,
    campaign: CampaignId,
    submitted: Submitted,
) -> AppResult<QuizSubmission> {
    let for_cy = submitted
        .texts
        .iter()
        .any(|(k, v)| k == PICTURE_FILE_FOR && v == "cy");
    let mut form = read_quiz(submitted.texts);
    let mut pictures = picture_names(state, org, campaign).await?;
    let mut errors = FormErrors::default();
    let mut upload = None;
    if submitted.too_large {
        errors.add(PICTURE_FILE, "picture-too-large");
    }
    if let Some(file) = submitted.file {
        match picture::check(&file.bytes) {
            Ok(checked) => {
                let digest = Sha256::digest(&file.bytes);
                let name = format!(
                    "upload-{}.{}",
                    hex::encode(&digest[..12]),
                    checked.kind.extension()
                );
                if for_cy {
                    form.image_cy = name.clone();
                } else {
                    form.image = name.clone();
                }
                if !pictures.contains(&name) {
                    pictures.push(name.clone());
                }
                upload = Some(UploadedPicture {
                    name,
                    content_type: checked.kind.content_type().to_string(),
                    width: checked.width,
                    height: checked.height,
                    body: file.bytes.to_vec(),
                });
            }
            Err(Invalid(code)) => errors.add(PICTURE_FILE, code),
        }
    }
    Ok(QuizSubmission {
        form,
        upload,
        errors,
        pictures,
        for_cy,
    })
}

fn quiz_page(
    ctx: &Ctx,
    campaign: &Campaign,
    item: Option<QuizItemId>,
    form: QuizItemFields,
    errors: FormErrors,
    pictures: Vec<String>,
    upload_for_cy: bool,
) -> Response {
    let failed = !errors.is_empty();
    let id = campaign.id;
    let rows = form
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| OptionRow {
            number: i + 1,
            en: o.en.clone(),
            cy: o.cy.clone(),
            correct: o.correct,
            en_name: format!("option-{}-en", i + 1),
            cy_name: format!("option-{}-cy", i + 1),
            correct_name: format!("option-{}-correct", i + 1),
        })
        .collect();
    let response = QuizFormPage {
        page: ctx.page(if item.is_some() {
            "quiz-edit-title"
        } else {
            "quiz-new-title"
        }),
        form,
        rows,
        errors,
        action: match item {
            Some(q) => format!("/campaigns/{id}/quiz/{q}/edit"),
            None => format!("/campaigns/{id}/quiz/new"),
        },
        back: format!("/campaigns/{id}/questions"),
        adding: item.is_none(),
        competences: competences_of(campaign),
        pictures,
        upload_for_cy,
    }
    .into_response();
    if failed {
        with_status(response, StatusCode::UNPROCESSABLE_ENTITY)
    } else {
        response
    }
}

/// Reads the knowledge-round form: option rows come as `option-N-en`, `option-N-cy` and
/// `option-N-correct`.
fn read_quiz(fields: Vec<(String, String)>) -> QuizItemFields {
    let mut form = QuizItemFields {
        options: vec![QuizOptionFields::default(); QUIZ_OPTION_ROWS],
        ..QuizItemFields::default()
    };
    for (k, v) in fields {
        match k.as_str() {
            "competence" => form.competence = v,
            "prompt_en" => form.prompt_en = v,
            "prompt_cy" => form.prompt_cy = v,
            "image" => form.image = v,
            "image_cy" => form.image_cy = v,
            "image_alt_en" => form.image_alt_en = v,
            "image_alt_cy" => form.image_alt_cy = v,
            "explanation_en" => form.explanation_en = v,
            "explanation_cy" => form.explanation_cy = v,
            other => {
                let Some((n, part)) = other
                    .strip_prefix("option-")
                    .and_then(|rest| rest.split_once('-'))
                else {
                    continue;
                };
                let Some(row) = n
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=QUIZ_OPTION_ROWS).contains(n))
                    .and_then(|n| form.options.get_mut(n - 1))
                else {
                    continue;
                };
                match part {
                    "en" => row.en = v,
                    "cy" => row.cy = v,
                    "correct" => row.correct = v == "yes",
                    _ => {}
                }
            }
        }
    }
    form
}

fn rated_codes(campaign: &Campaign) -> Vec<String> {
    competences_of(campaign)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

pub async fn new_quiz_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = match editable(&state, &ctx, org, id, false).await? {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let form = QuizItemFields {
        options: vec![QuizOptionFields::default(); QUIZ_OPTION_ROWS],
        ..QuizItemFields::default()
    };
    let pictures = picture_names(&state, org, campaign.id).await?;
    Ok(quiz_page(
        &ctx,
        &campaign,
        None,
        form,
        FormErrors::default(),
        pictures,
        false,
    ))
}

pub async fn add_quiz(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    request: Request,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let submitted = read_quiz_request(&state, &ctx, request).await?;
    let campaign = match editable(&state, &ctx, org, id, true).await? {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let too_large = submitted.too_large;
    let sent = read_quiz_upload(&state, org, campaign.id, submitted).await?;
    let code = next_code("K", campaign.quiz.iter().map(|(_, q)| q.code.as_str()));
    let item = match parse_quiz(&sent.form, &code, &campaign, &sent.pictures, sent.errors) {
        Ok(i) => i,
        Err(errors) => {
            let page = quiz_page(
                &ctx,
                &campaign,
                None,
                sent.form,
                errors,
                sent.pictures,
                sent.for_cy,
            );
            return Ok(over_limit(too_large, page));
        }
    };
    match state
        .store
        .add_quiz_item(org, campaign.id, &item, sent.upload.as_ref())
        .await
    {
        Ok(q) => Ok(overview(campaign.id, &format!("quiz-{q}"))),
        Err(StoreError::Taken(CAMPAIGN_ANSWERED)) => {
            answered_meanwhile(&state, &ctx, org, campaign.id).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The form shown again after a body over the route's limit is a 413, as any such body is
/// answered: what was typed before the file comes back with the file's error.
fn over_limit(too_large: bool, page: Response) -> Response {
    if too_large {
        with_status(page, StatusCode::PAYLOAD_TOO_LARGE)
    } else {
        page
    }
}

/// Checks the typed question; a refused picture file is reported with the form's problems.
fn parse_quiz(
    form: &QuizItemFields,
    code: &str,
    campaign: &Campaign,
    pictures: &[String],
    upload_errors: FormErrors,
) -> Result<skillgym_domain::audit::QuizItem, FormErrors> {
    let names: Vec<&str> = pictures.iter().map(String::as_str).collect();
    let (item, mut errors) = match form.parse(code, &rated_codes(campaign), &names) {
        Ok(item) => (Some(item), FormErrors::default()),
        Err(problems) => (None, errors_of(problems)),
    };
    errors.append(upload_errors);
    match item {
        Some(item) if errors.is_empty() => Ok(item),
        _ => Err(errors),
    }
}

fn find_quiz(campaign: &Campaign, q: QuizItemId) -> AppResult<&skillgym_domain::audit::QuizItem> {
    campaign
        .quiz
        .iter()
        .find(|(id, _)| *id == q)
        .map(|(_, q)| q)
        .ok_or(AppError::NotFound)
}

pub async fn edit_quiz_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, q)): Path<(CampaignId, QuizItemId)>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = match editable(&state, &ctx, org, id, false).await? {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let form = QuizItemFields::of(find_quiz(&campaign, q)?);
    let pictures = picture_names(&state, org, campaign.id).await?;
    Ok(quiz_page(
        &ctx,
        &campaign,
        Some(q),
        form,
        FormErrors::default(),
        pictures,
        false,
    ))
}

pub async fn update_quiz(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, q)): Path<(CampaignId, QuizItemId)>,
    request: Request,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let submitted = read_quiz_request(&state, &ctx, request).await?;
    let campaign = match editable(&state, &ctx, org, id, true).await? {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let code = find_quiz(&campaign, q)?.code.clone();
    let too_large = submitted.too_large;
    let sent = read_quiz_upload(&state, org, campaign.id, submitted).await?;
    let item = match parse_quiz(&sent.form, &code, &campaign, &sent.pictures, sent.errors) {
        Ok(i) => i,
        Err(errors) => {
            let page = quiz_page(
                &ctx,
                &campaign,
                Some(q),
                sent.form,
                errors,
                sent.pictures,
                sent.for_cy,
            );
            return Ok(over_limit(too_large, page));
        }
    };
    match state
        .store
        .update_quiz_item(org, campaign.id, q, &item, sent.upload.as_ref())
        .await
    {
        Ok(()) => Ok(overview(campaign.id, &format!("quiz-{q}"))),
        Err(StoreError::Taken(CAMPAIGN_ANSWERED)) => {
            answered_meanwhile(&state, &ctx, org, campaign.id).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---- Removing -----------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "question_remove.html")]
pub struct RemovePage {
    page: Page,
    prompt: Localised,
    action: String,
    back: String,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct RemoveForm {
    #[serde(default)]
    confirm: String,
}

fn remove_page(
    ctx: &Ctx,
    prompt: Localised,
    action: String,
    back: String,
    errors: FormErrors,
) -> Response {
    let failed = !errors.is_empty();
    let response = RemovePage {
        page: ctx.page("question-remove-title"),
        prompt,
        action,
        back,
        errors,
    }
    .into_response();
    if failed {
        with_status(response, StatusCode::UNPROCESSABLE_ENTITY)
    } else {
        response
    }
}

/// The question to remove: a profile question or a knowledge-round one.
#[derive(Clone, Copy)]
enum Item {
    Profile(QuestionId),
    Quiz(QuizItemId),
}

impl Item {
    /// Its prompt, and the part of the path its pages are under.
    fn prompt_and_path(self, campaign: &Campaign) -> AppResult<(Localised, String)> {
        Ok(match self {
            Item::Profile(q) => (
                find_question(campaign, q)?.prompt.clone(),
                format!("questions/{q}"),
            ),
            Item::Quiz(q) => (find_quiz(campaign, q)?.prompt.clone(), format!("quiz/{q}")),
        })
    }
}

async fn remove_form(
    admin: Admin,
    state: AppState,
    ctx: Ctx,
    id: CampaignId,
    item: Item,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = match editable(&state, &ctx, org, id, false).await? {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let (prompt, path) = item.prompt_and_path(&campaign)?;
    Ok(remove_page(
        &ctx,
        prompt,
        format!("/campaigns/{id}/{path}/remove"),
        format!("/campaigns/{id}/questions"),
        FormErrors::default(),
    ))
}

async fn remove(
    admin: Admin,
    state: AppState,
    ctx: Ctx,
    id: CampaignId,
    item: Item,
    form: RemoveForm,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let campaign = match editable(&state, &ctx, org, id, true).await? {
        Ok(c) => c,
        Err(r) => return Ok(r),
    };
    let (prompt, path) = item.prompt_and_path(&campaign)?;
    if form.confirm != "yes" {
        let mut errors = FormErrors::default();
        errors.add("confirm", "question-remove-confirm-missing");
        return Ok(remove_page(
            &ctx,
            prompt,
            format!("/campaigns/{id}/{path}/remove"),
            format!("/campaigns/{id}/questions"),
            errors,
        ));
    }
    let removed = match item {
        Item::Profile(q) => {
            state
                .store
                .remove_profile_question(org, campaign.id, q)
                .await
        }
        Item::Quiz(q) => state.store.remove_quiz_item(org, campaign.id, q).await,
    };
    match removed {
        Ok(()) => Ok(overview(campaign.id, "top")),
        Err(StoreError::Taken(CAMPAIGN_ANSWERED)) => {
            answered_meanwhile(&state, &ctx, org, campaign.id).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_question_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, q)): Path<(CampaignId, QuestionId)>,
) -> AppResult<Response> {
    remove_form(admin, state, ctx, id, Item::Profile(q)).await
}

pub async fn remove_question(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, q)): Path<(CampaignId, QuestionId)>,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> AppResult<Response> {
    remove(admin, state, ctx, id, Item::Profile(q), form).await
}

pub async fn remove_quiz_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, q)): Path<(CampaignId, QuizItemId)>,
) -> AppResult<Response> {
    remove_form(admin, state, ctx, id, Item::Quiz(q)).await
}

pub async fn remove_quiz(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, q)): Path<(CampaignId, QuizItemId)>,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> AppResult<Response> {
    remove(admin, state, ctx, id, Item::Quiz(q), form).await
}
