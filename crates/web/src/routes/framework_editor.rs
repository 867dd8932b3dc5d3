//! Admins writing frameworks on the web: a new framework, its title and levels, and its areas
//! and competences added, reworded, reordered and removed, one thing per page.

use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::audit::editing::{
    CompetenceUse, ItemDraft, ItemFields, Move, Problems, Removal, new_framework_identifier,
    parse_levels,
};
use skillgym_domain::audit::{Framework, Localised};
use skillgym_domain::{FrameworkId, OrganisationId};
use skillgym_store::{StoreError, StoredFramework};

fn errors_of(problems: Problems) -> FormErrors {
    let mut errors = FormErrors::default();
    for (field, code) in problems {
        errors.add(field, code);
    }
    errors
}

fn refused(mut response: Response) -> Response {
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    response
}

fn back_to(framework: FrameworkId, anchor: &str) -> Response {
    Redirect::to(&format!("/frameworks/{framework}?saved=1#{anchor}")).into_response()
}

async fn load(
    state: &AppState,
    org: OrganisationId,
    id: FrameworkId,
) -> AppResult<StoredFramework> {
    Ok(state.store.framework(org, id).await?)
}

/// The form of a framework, area or competence.
#[derive(Deserialize, Default)]
pub struct ItemForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    title_cy: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    description_cy: String,
    /// For a competence: the code of its area.
    #[serde(default)]
    area: String,
}

impl ItemForm {
    fn fields(&self) -> ItemFields {
        ItemFields {
            code: self.code.clone(),
            title_en: self.title_en.clone(),
            title_cy: self.title_cy.clone(),
            description_en: self.description_en.clone(),
            description_cy: self.description_cy.clone(),
        }
    }

    fn of(code: &str, title: &Localised, description: &Localised, area: &str) -> Self {
        ItemForm {
            code: code.to_string(),
            title_en: title.en.clone(),
            title_cy: title.cy.clone().unwrap_or_default(),
            description_en: description.en.clone(),
            description_cy: description.cy.clone().unwrap_or_default(),
            area: area.to_string(),
        }
    }
}

/// What the item form is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Framework,
    Area,
    Competence,
}

impl ItemKind {
    fn as_str(self) -> &'static str {
        match self {
            ItemKind::Framework => "framework",
            ItemKind::Area => "area",
            ItemKind::Competence => "competence",
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "framework_item.html")]
pub struct ItemPage {
    page: Page,
    form: ItemForm,
    errors: FormErrors,
    kind: &'static str,
    /// A new item asks for its code; an existing one shows it.
    adding: bool,
    action: String,
    back: String,
    /// For a competence: the areas it may be in, (code, title).
    areas: Vec<(String, Localised)>,
}

struct ItemPageArgs {
    title: &'static str,
    kind: ItemKind,
    adding: bool,
    action: String,
    back: String,
    areas: Vec<(String, Localised)>,
}

fn item_page(ctx: &Ctx, args: ItemPageArgs, form: ItemForm, errors: FormErrors) -> Response {
    let failed = !errors.is_empty();
    let response = ItemPage {
        page: ctx.page(args.title),
        form,
        errors,
        kind: args.kind.as_str(),
        adding: args.adding,
        action: args.action,
        back: args.back,
        areas: args.areas,
    }
    .into_response();
    if failed { refused(response) } else { response }
}

fn areas_of(framework: &Framework) -> Vec<(String, Localised)> {
    framework
        .areas
        .iter()
        .map(|a| (a.code.clone(), a.title.clone()))
        .collect()
}

/// The five levels every new framework starts with, from the default framework: they fit
/// most skills, and an admin can reword them.
fn starting_levels() -> Vec<Localised> {
    Framework::library_default().levels
}

// ---- A new framework, and its title -------------------------------------------------------

fn new_framework_args() -> ItemPageArgs {
    ItemPageArgs {
        title: "framework-new-title",
        kind: ItemKind::Framework,
        adding: true,
        action: "/frameworks/new".into(),
        back: "/frameworks".into(),
        areas: Vec::new(),
    }
}

pub async fn new_form(_: Admin, ctx: Ctx) -> AppResult<Response> {
    Ok(item_page(
        &ctx,
        new_framework_args(),
        ItemForm::default(),
        FormErrors::default(),
    ))
}

pub async fn create(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<ItemForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let draft = match ItemDraft::parse(&form.fields(), true) {
        Ok(d) => d,
        Err(problems) => {
            return Ok(item_page(
                &ctx,
                new_framework_args(),
                form,
                errors_of(problems),
            ));
        }
    };
    let framework = Framework {
        identifier: new_framework_identifier(&draft.code),
        code: draft.code.clone(),
        title: draft.title,
        description: draft.description,
        levels: starting_levels(),
        areas: Vec::new(),
    };
    let taken = state
        .store
        .frameworks(org)
        .await?
        .iter()
        .any(|f| f.code == framework.code);
    let created = if taken {
        Err(StoreError::Taken("code"))
    } else {
        state.store.create_framework(org, &framework).await
    };
    match created {
        Ok(id) => Ok(Redirect::to(&format!("/frameworks/{id}")).into_response()),
        Err(StoreError::Taken(_)) => {
            let mut errors = FormErrors::default();
            errors.add("code", "frameworks-import-code-taken");
            Ok(item_page(&ctx, new_framework_args(), form, errors))
        }
        Err(e) => Err(e.into()),
    }
}

fn framework_args(id: FrameworkId) -> ItemPageArgs {
    ItemPageArgs {
        title: "framework-edit-title",
        kind: ItemKind::Framework,
        adding: false,
        action: format!("/frameworks/{id}/edit"),
        back: format!("/frameworks/{id}"),
        areas: Vec::new(),
    }
}

pub async fn edit_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<FrameworkId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    let f = &stored.framework;
    let form = ItemForm::of(&f.code, &f.title, &f.description, "");
    Ok(item_page(
        &ctx,
        framework_args(stored.id),
        form,
        FormErrors::default(),
    ))
}

pub async fn update(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<FrameworkId>,
    CsrfForm(mut form): CsrfForm<ItemForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    form.code = stored.framework.code.clone();
    match ItemDraft::parse(&form.fields(), false) {
        Ok(draft) => {
            state
                .store
                .update_framework_text(org, stored.id, &draft.title, &draft.description)
                .await?;
            Ok(back_to(stored.id, "top"))
        }
        Err(problems) => Ok(item_page(
            &ctx,
            framework_args(stored.id),
            form,
            errors_of(problems),
        )),
    }
}

// ---- Levels -------------------------------------------------------------------------------

/// One level on the form: its number, English and Welsh.
pub struct LevelRow {
    number: i64,
    en: String,
    cy: String,
    en_name: String,
    cy_name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "framework_levels.html")]
pub struct LevelsPage {
    page: Page,
    id: FrameworkId,
    levels: Vec<LevelRow>,
    errors: FormErrors,
}

fn levels_page(
    ctx: &Ctx,
    id: FrameworkId,
    levels: Vec<(String, String)>,
    errors: FormErrors,
) -> Response {
    let failed = !errors.is_empty();
    let response = LevelsPage {
        page: ctx.page("framework-levels-edit-title"),
        id,
        levels: levels
            .into_iter()
            .enumerate()
            .map(|(i, (en, cy))| LevelRow {
                number: i as i64 + 1,
                en,
                cy,
                en_name: format!("level-{}-en", i + 1),
                cy_name: format!("level-{}-cy", i + 1),
            })
            .collect(),
        errors,
    }
    .into_response();
    if failed { refused(response) } else { response }
}

pub async fn levels_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<FrameworkId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    let mut levels: Vec<(String, String)> = stored
        .framework
        .levels
        .iter()
        .map(|l| (l.en.clone(), l.cy.clone().unwrap_or_default()))
        .collect();
    levels.resize(
        skillgym_domain::audit::framework::LEVELS,
        Default::default(),
    );
    Ok(levels_page(&ctx, stored.id, levels, FormErrors::default()))
}

pub async fn save_levels(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<FrameworkId>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    let mut typed = vec![(String::new(), String::new()); skillgym_domain::audit::framework::LEVELS];
    for (k, v) in fields {
        let Some(rest) = k.strip_prefix("level-") else {
            continue;
        };
        let Some((n, lang)) = rest.split_once('-') else {
            continue;
        };
        let Some(slot) = n
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| typed.get_mut(i))
        else {
            continue;
        };
        match lang {
            "en" => slot.0 = v,
            "cy" => slot.1 = v,
            _ => {}
        }
    }
    match parse_levels(&typed) {
        Ok(levels) => {
            state.store.update_levels(org, stored.id, &levels).await?;
            Ok(back_to(stored.id, "levels"))
        }
        Err(problems) => Ok(levels_page(&ctx, stored.id, typed, errors_of(problems))),
    }
}

// ---- Areas --------------------------------------------------------------------------------

fn area_args(id: FrameworkId, code: Option<&str>) -> ItemPageArgs {
    ItemPageArgs {
        title: if code.is_some() {
            "framework-area-edit-title"
        } else {
            "framework-area-new-title"
        },
        kind: ItemKind::Area,
        adding: code.is_none(),
        action: match code {
            Some(c) => format!("/frameworks/{id}/areas/{c}/edit"),
            None => format!("/frameworks/{id}/areas/new"),
        },
        back: format!("/frameworks/{id}"),
        areas: Vec::new(),
    }
}

pub async fn new_area_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<FrameworkId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    Ok(item_page(
        &ctx,
        area_args(stored.id, None),
        ItemForm::default(),
        FormErrors::default(),
    ))
}

fn code_taken(ctx: &Ctx, args: ItemPageArgs, form: ItemForm) -> Response {
    let mut errors = FormErrors::default();
    errors.add("code", "framework-code-taken");
    item_page(ctx, args, form, errors)
}

pub async fn add_area(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<FrameworkId>,
    CsrfForm(form): CsrfForm<ItemForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    let draft = match ItemDraft::parse(&form.fields(), true) {
        Ok(d) => d,
        Err(problems) => {
            return Ok(item_page(
                &ctx,
                area_args(stored.id, None),
                form,
                errors_of(problems),
            ));
        }
    };
    match state.store.add_area(org, stored.id, &draft).await {
        Ok(()) => Ok(back_to(stored.id, &format!("area-{}", draft.code))),
        Err(StoreError::Taken(_)) => Ok(code_taken(&ctx, area_args(stored.id, None), form)),
        Err(e) => Err(e.into()),
    }
}

pub async fn edit_area_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, code)): Path<(FrameworkId, String)>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    let area = stored
        .framework
        .areas
        .iter()
        .find(|a| a.code == code)
        .ok_or(AppError::NotFound)?;
    let form = ItemForm::of(&area.code, &area.title, &area.description, "");
    Ok(item_page(
        &ctx,
        area_args(stored.id, Some(&area.code)),
        form,
        FormErrors::default(),
    ))
}

pub async fn update_area(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, code)): Path<(FrameworkId, String)>,
    CsrfForm(mut form): CsrfForm<ItemForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    if !stored.framework.areas.iter().any(|a| a.code == code) {
        return Err(AppError::NotFound);
    }
    form.code = code.clone();
    match ItemDraft::parse(&form.fields(), false) {
        Ok(draft) => {
            state
                .store
                .update_area(org, stored.id, &code, &draft)
                .await?;
            Ok(back_to(stored.id, &format!("area-{code}")))
        }
        Err(problems) => Ok(item_page(
            &ctx,
            area_args(stored.id, Some(&code)),
            form,
            errors_of(problems),
        )),
    }
}

#[derive(Deserialize, Default)]
pub struct MoveForm {
    #[serde(default)]
    direction: String,
}

pub async fn move_area(
    admin: Admin,
    State(state): State<AppState>,
    Path((id, code)): Path<(FrameworkId, String)>,
    CsrfForm(form): CsrfForm<MoveForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    let to = Move::parse(&form.direction).map_err(|_| AppError::BadRequest("direction"))?;
    state.store.move_area(org, stored.id, &code, to).await?;
    Ok(back_to(stored.id, &format!("area-{code}")))
}

// ---- Competences --------------------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct AreaQuery {
    #[serde(default)]
    area: String,
}

fn competence_args(stored: &StoredFramework, code: Option<&str>) -> ItemPageArgs {
    let id = stored.id;
    ItemPageArgs {
        title: if code.is_some() {
            "framework-competence-edit-title"
        } else {
            "framework-competence-new-title"
        },
        kind: ItemKind::Competence,
        adding: code.is_none(),
        action: match code {
            Some(c) => format!("/frameworks/{id}/competences/{c}/edit"),
            None => format!("/frameworks/{id}/competences/new"),
        },
        back: format!("/frameworks/{id}"),
        areas: areas_of(&stored.framework),
    }
}

fn area_known(stored: &StoredFramework, area: &str) -> bool {
    stored.framework.areas.iter().any(|a| a.code == area)
}

pub async fn new_competence_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<FrameworkId>,
    Query(query): Query<AreaQuery>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    if stored.framework.areas.is_empty() {
        // A competence belongs to an area: add one first.
        return Ok(Redirect::to(&format!("/frameworks/{}/areas/new", stored.id)).into_response());
    }
    let form = ItemForm {
        area: query.area,
        ..ItemForm::default()
    };
    Ok(item_page(
        &ctx,
        competence_args(&stored, None),
        form,
        FormErrors::default(),
    ))
}

pub async fn add_competence(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<FrameworkId>,
    CsrfForm(form): CsrfForm<ItemForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    let parsed = ItemDraft::parse(&form.fields(), true);
    let mut errors = match &parsed {
        Ok(_) => FormErrors::default(),
        Err(problems) => errors_of(problems.clone()),
    };
    if !area_known(&stored, &form.area) {
        errors.add("area", "framework-area-missing");
    }
    let draft = match parsed {
        Ok(d) if errors.is_empty() => d,
        _ => {
            return Ok(item_page(
                &ctx,
                competence_args(&stored, None),
                form,
                errors,
            ));
        }
    };
    match state
        .store
        .add_competence(org, stored.id, &form.area, &draft)
        .await
    {
        Ok(()) => Ok(back_to(stored.id, &format!("competence-{}", draft.code))),
        Err(StoreError::Taken(_)) => Ok(code_taken(&ctx, competence_args(&stored, None), form)),
        Err(e) => Err(e.into()),
    }
}

fn find_competence<'a>(
    stored: &'a StoredFramework,
    code: &str,
) -> AppResult<(
    &'a skillgym_domain::audit::Area,
    &'a skillgym_domain::audit::Competence,
)> {
    stored
        .framework
        .competences()
        .find(|(_, c)| c.code == code)
        .ok_or(AppError::NotFound)
}

pub async fn edit_competence_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, code)): Path<(FrameworkId, String)>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    let (area, c) = find_competence(&stored, &code)?;
    let form = ItemForm::of(&c.code, &c.title, &c.description, &area.code);
    Ok(item_page(
        &ctx,
        competence_args(&stored, Some(&c.code)),
        form,
        FormErrors::default(),
    ))
}

pub async fn update_competence(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, code)): Path<(FrameworkId, String)>,
    CsrfForm(mut form): CsrfForm<ItemForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    find_competence(&stored, &code)?;
    form.code = code.clone();
    let parsed = ItemDraft::parse(&form.fields(), false);
    let mut errors = match &parsed {
        Ok(_) => FormErrors::default(),
        Err(problems) => errors_of(problems.clone()),
    };
    if !area_known(&stored, &form.area) {
        errors.add("area", "framework-area-missing");
    }
    match parsed {
        Ok(draft) if errors.is_empty() => {
            state
                .store
                .update_competence(org, stored.id, &code, &form.area, &draft)
                .await?;
            Ok(back_to(stored.id, &format!("competence-{code}")))
        }
        _ => Ok(item_page(
            &ctx,
            competence_args(&stored, Some(&code)),
            form,
            errors,
        )),
    }
}

pub async fn move_competence(
    admin: Admin,
    State(state): State<AppState>,
    Path((id, code)): Path<(FrameworkId, String)>,
    CsrfForm(form): CsrfForm<MoveForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    let to = Move::parse(&form.direction).map_err(|_| AppError::BadRequest("direction"))?;
    state
        .store
        .move_competence(org, stored.id, &code, to)
        .await?;
    Ok(back_to(stored.id, &format!("competence-{code}")))
}

// ---- Removing -----------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "framework_remove.html")]
pub struct RemovePage {
    page: Page,
    /// "area" or "competence".
    kind: &'static str,
    title: Localised,
    code: String,
    action: String,
    back: String,
    /// For an area: how many competences go with it.
    competences: usize,
    found: CompetenceUse,
    /// The message saying why it cannot be removed, if it cannot.
    blocked: &'static str,
    /// The form came back without the confirmation.
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub struct RemoveForm {
    #[serde(default)]
    confirm: String,
}

struct Removable {
    kind: &'static str,
    title: Localised,
    code: String,
    competences: usize,
}

fn removable(stored: &StoredFramework, kind: ItemKind, code: &str) -> AppResult<Removable> {
    match kind {
        ItemKind::Area => {
            let area = stored
                .framework
                .areas
                .iter()
                .find(|a| a.code == code)
                .ok_or(AppError::NotFound)?;
            Ok(Removable {
                kind: "area",
                title: area.title.clone(),
                code: area.code.clone(),
                competences: area.competences.len(),
            })
        }
        _ => {
            let (_, c) = find_competence(stored, code)?;
            Ok(Removable {
                kind: "competence",
                title: c.title.clone(),
                code: c.code.clone(),
                competences: 1,
            })
        }
    }
}

fn remove_page(
    ctx: &Ctx,
    stored: &StoredFramework,
    item: Removable,
    found: CompetenceUse,
    errors: FormErrors,
) -> Response {
    let blocked = found.removal().message().unwrap_or("");
    let id = stored.id;
    let plural = if item.kind == "area" {
        "areas"
    } else {
        "competences"
    };
    let failed = !errors.is_empty();
    let response = RemovePage {
        page: ctx.page(if item.kind == "area" {
            "framework-area-remove-title"
        } else {
            "framework-competence-remove-title"
        }),
        kind: item.kind,
        action: format!("/frameworks/{id}/{plural}/{}/remove", item.code),
        back: format!("/frameworks/{id}"),
        title: item.title,
        code: item.code,
        competences: item.competences,
        found,
        blocked,
        errors,
    }
    .into_response();
    if failed { refused(response) } else { response }
}

async fn item_use(
    state: &AppState,
    org: OrganisationId,
    stored: &StoredFramework,
    kind: ItemKind,
    code: &str,
) -> AppResult<CompetenceUse> {
    Ok(match kind {
        ItemKind::Area => state.store.area_use(org, stored.id, code).await?,
        _ => state.store.competence_use(org, stored.id, code).await?,
    })
}

async fn remove_form(
    admin: Admin,
    state: AppState,
    ctx: Ctx,
    id: FrameworkId,
    code: String,
    kind: ItemKind,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    let item = removable(&stored, kind, &code)?;
    let found = item_use(&state, org, &stored, kind, &code).await?;
    Ok(remove_page(
        &ctx,
        &stored,
        item,
        found,
        FormErrors::default(),
    ))
}

async fn remove(
    admin: Admin,
    state: AppState,
    ctx: Ctx,
    id: FrameworkId,
    code: String,
    kind: ItemKind,
    form: RemoveForm,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let stored = load(&state, org, id).await?;
    let item = removable(&stored, kind, &code)?;
    if form.confirm != "yes" {
        let found = item_use(&state, org, &stored, kind, &code).await?;
        let mut errors = FormErrors::default();
        errors.add("confirm", "framework-remove-confirm-missing");
        return Ok(remove_page(&ctx, &stored, item, found, errors));
    }
    let removal = match kind {
        ItemKind::Area => state.store.remove_area(org, stored.id, &code).await?,
        _ => state.store.remove_competence(org, stored.id, &code).await?,
    };
    if removal == Removal::Allowed {
        tracing::info!(framework = %stored.framework.code, %code, "framework item removed");
        return Ok(back_to(stored.id, "top"));
    }
    // Something came to refer to it since the page was shown: explain, change nothing.
    let found = item_use(&state, org, &stored, kind, &code).await?;
    Ok(refused(remove_page(
        &ctx,
        &stored,
        item,
        found,
        FormErrors::default(),
    )))
}

pub async fn remove_area_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, code)): Path<(FrameworkId, String)>,
) -> AppResult<Response> {
    remove_form(admin, state, ctx, id, code, ItemKind::Area).await
}

pub async fn remove_area(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, code)): Path<(FrameworkId, String)>,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> AppResult<Response> {
    remove(admin, state, ctx, id, code, ItemKind::Area, form).await
}

pub async fn remove_competence_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, code)): Path<(FrameworkId, String)>,
) -> AppResult<Response> {
    remove_form(admin, state, ctx, id, code, ItemKind::Competence).await
}

pub async fn remove_competence(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, code)): Path<(FrameworkId, String)>,
    CsrfForm(form): CsrfForm<RemoveForm>,
) -> AppResult<Response> {
    remove(admin, state, ctx, id, code, ItemKind::Competence, form).await
}
