//! The kit register (`/kit`): equipment at each site. Anyone signed in reads it and each item's
//! page; trainers and administrators add, change and remove kit, record who is trained on it,
//! and bring or take the register as a CSV file (the same file as `skillgym import kit` and
//! `export kit`). Those working at the item's site, champions, trainers and administrators log
//! its use. Trainers, managers and administrators see the flags: per site, kit nobody working
//! there is trained on, and kit unused for longer than the organisation's setting.

use super::csv_import::{self, ImportForm, import_page};
use super::removal::{self, Removal};
use crate::AppState;
use crate::access::{Admin, Curator, Planner, SignedIn};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{Confirmed, CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::kit::{self, KitCode, KitItem, KitUse, UnusedAge};
use skillgym_domain::people::format_date;
use skillgym_domain::{Invalid, KitId, OrganisationId, Role, SiteId, uk_time};
use skillgym_store::{Actor, KitStatus, SessionRecord, StoreError, StoredKit};
use std::collections::{BTreeSet, HashMap};

const COMPETENCE_FIELDS: usize = kit::MAX_COMPETENCES;
const COMPETENCE_FIELD_NAMES: [&str; COMPETENCE_FIELDS] = [
    "competence_1",
    "competence_2",
    "competence_3",
    "competence_4",
    "competence_5",
    "competence_6",
];
/// How many entries of the use log an item's page shows.
const USE_SHOWN: i64 = 20;

fn today() -> time::Date {
    uk_time::local(skillgym_store::now()).date()
}

fn unprocessable(mut response: Response) -> Response {
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    response
}

/// (code, title, its language) of each competence, in the reader's language.
type Titled = Vec<(String, String, &'static str)>;

fn titled(codes: &[String], titles: &[(String, String, &'static str)]) -> Titled {
    codes
        .iter()
        .map(
            |code| match titles.iter().find(|(c, _, _)| c.eq_ignore_ascii_case(code)) {
                Some((c, title, lang)) => (c.clone(), title.clone(), *lang),
                None => (code.clone(), code.clone(), "en"),
            },
        )
        .collect()
}

fn is_planner(user: &SessionRecord) -> bool {
    [Role::Trainer, Role::Manager, Role::Admin]
        .iter()
        .any(|r| user.roles.has(*r))
}

/// Whether `user` may log kit's use: trainers, administrators and champions anywhere, anyone
/// else at the kit's site.
async fn may_log_use(state: &AppState, user: &SessionRecord, kit: &StoredKit) -> AppResult<bool> {
    if Curator::is(user) || user.roles.has(Role::Champion) {
        return Ok(true);
    }
    Ok(state
        .store
        .works_at(user.organisation_id, user.person_id, kit.site_id, today())
        .await?)
}

// ---- The register ----------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    site: String,
    #[serde(default)]
    added: Option<usize>,
    #[serde(default)]
    updated: Option<usize>,
    #[serde(default)]
    removed: Option<String>,
}

pub struct ShownKit {
    pub id: KitId,
    pub name: String,
    pub site: String,
    pub competences: Titled,
}

#[derive(Template, WebTemplate)]
#[template(path = "kit.html")]
pub struct KitPage {
    page: Page,
    query: ListQuery,
    /// (id, name) of every site, for the filter.
    sites: Vec<(SiteId, String)>,
    chosen: Option<SiteId>,
    kit: Vec<ShownKit>,
    curator: bool,
    planner: bool,
}

impl KitPage {
    fn is_chosen(&self, site: &SiteId) -> bool {
        self.chosen == Some(*site)
    }
}

pub async fn list(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let chosen = query.site.trim().parse().ok().map(SiteId);
    let titles = super::catalogue::competence_titles(&state, &ctx, org).await?;
    let kit = state
        .store
        .kit(org, chosen)
        .await?
        .into_iter()
        .map(|k| ShownKit {
            id: k.id,
            name: k.item.name,
            site: k.site_name,
            competences: titled(&k.item.competences, &titles),
        })
        .collect();
    let sites = state
        .store
        .sites(org)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    Ok(KitPage {
        page: ctx.page("kit-title"),
        query,
        sites,
        chosen,
        kit,
        curator: Curator::is(&signed_in),
        planner: is_planner(&signed_in),
    }
    .into_response())
}

// ---- One item --------------------------------------------------------------------------------

pub struct ShownTrained {
    pub person: i64,
    pub name: String,
    pub trained_on: String,
    pub left: bool,
    pub at_site: bool,
}

pub struct ShownUse {
    pub used_on: String,
    pub sessions: u32,
    pub people_helped: u32,
    pub note: String,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct TrainedForm {
    #[serde(default)]
    employee_number: String,
    #[serde(default)]
    trained_on: String,
    /// A person's id, from the button that takes their training off.
    #[serde(default)]
    remove: String,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct UseForm {
    #[serde(default)]
    used_on: String,
    #[serde(default)]
    sessions: String,
    #[serde(default)]
    people_helped: String,
    #[serde(default)]
    note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "kit_item.html")]
pub struct KitItemPage {
    page: Page,
    id: KitId,
    item: KitItem,
    site_name: String,
    competences: Titled,
    trained: Vec<ShownTrained>,
    uses: Vec<ShownUse>,
    sessions: i64,
    people_helped: i64,
    last_used: Option<String>,
    nobody_trained: bool,
    unused: bool,
    age_months: i64,
    curator: bool,
    may_log: bool,
    trained_form: TrainedForm,
    use_form: UseForm,
    errors: FormErrors,
    notice: Option<&'static str>,
}

#[allow(clippy::too_many_arguments)]
async fn item_page(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    id: KitId,
    trained_form: TrainedForm,
    use_form: UseForm,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> AppResult<Response> {
    let org = user.organisation_id;
    let stored = state.store.kit_item(org, id).await?;
    let today = today();
    let titles = super::catalogue::competence_titles(state, ctx, org).await?;
    let age = state.store.kit_unused_age(org).await?;
    let status = state
        .store
        .kit_status(org, today)
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AppError::NotFound)?;
    let trained = state
        .store
        .kit_trained(org, id, today)
        .await?
        .into_iter()
        .map(|t| ShownTrained {
            person: t.person.0,
            name: t.name,
            trained_on: ctx.tr.date(&format_date(t.trained_on)),
            left: t.left,
            at_site: t.at_site,
        })
        .collect();
    let uses = state
        .store
        .kit_use(org, id, USE_SHOWN)
        .await?
        .into_iter()
        .map(|u| ShownUse {
            used_on: ctx.tr.date(&format_date(u.entry.used_on)),
            sessions: u.entry.sessions,
            people_helped: u.entry.people_helped,
            note: u.entry.note,
        })
        .collect();
    let may_log = may_log_use(state, user, &stored).await?;
    let mut page = ctx.page("kit-title");
    page.title = stored.item.name.clone();
    let failed = !errors.is_empty();
    let use_form = UseForm {
        used_on: if use_form.used_on.is_empty() && !errors.has("used_on") {
            format_date(today)
        } else {
            use_form.used_on
        },
        ..use_form
    };
    let trained_form = TrainedForm {
        trained_on: if trained_form.trained_on.is_empty() && !errors.has("trained_on") {
            format_date(today)
        } else {
            trained_form.trained_on
        },
        ..trained_form
    };
    let response = KitItemPage {
        page,
        id,
        competences: titled(&stored.item.competences, &titles),
        item: stored.item,
        site_name: stored.site_name,
        trained,
        uses,
        sessions: status.sessions,
        people_helped: status.people_helped,
        last_used: status.last_used.map(|d| ctx.tr.date(&format_date(d))),
        nobody_trained: status.trained_here == 0,
        unused: age.is_unused(status.last_used, status.added_on, today),
        age_months: age.months(),
        curator: Curator::is(user),
        may_log,
        trained_form,
        use_form,
        errors,
        notice,
    }
    .into_response();
    Ok(if failed {
        unprocessable(response)
    } else {
        response
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct Notice {
    #[serde(default)]
    done: Option<String>,
}

pub async fn show(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<KitId>,
    Query(notice): Query<Notice>,
) -> AppResult<Response> {
    let notice = match notice.done.as_deref() {
        Some("saved") => Some("kit-notice-saved"),
        Some("trained") => Some("kit-notice-trained"),
        Some("untrained") => Some("kit-notice-untrained"),
        Some("used") => Some("kit-notice-used"),
        _ => None,
    };
    item_page(
        &state,
        &ctx,
        &signed_in,
        id,
        TrainedForm::default(),
        UseForm::default(),
        FormErrors::default(),
        notice,
    )
    .await
}

/// A trainer or administrator records someone (by staff number) as trained on the kit on a
/// day, or takes someone's training off.
pub async fn trained(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<KitId>,
    CsrfForm(form): CsrfForm<TrainedForm>,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let actor = Actor::Person(curator.person_id);
    state.store.kit_item(org, id).await?;
    if let Ok(person) = form.remove.trim().parse::<i64>() {
        state
            .store
            .remove_kit_training(org, id, skillgym_domain::PersonId(person), actor)
            .await?;
        return Ok(Redirect::to(&format!("/kit/{id}?done=untrained#trained")).into_response());
    }
    let mut errors = FormErrors::default();
    let person = match form.employee_number.trim() {
        "" => {
            errors.add("employee_number", "kit-person-missing");
            None
        }
        number => {
            let found = state.store.person_by_employee_number(org, number).await?;
            if found.is_none() {
                errors.add("employee_number", "kit-person-unknown");
            }
            found
        }
    };
    let on = errors.check("trained_on", kit::parse_day(&form.trained_on, today()));
    match (person, on) {
        (Some(person), Some(on)) if errors.is_empty() => {
            state
                .store
                .record_kit_training(org, id, person, on, actor)
                .await?;
            Ok(Redirect::to(&format!("/kit/{id}?done=trained#trained")).into_response())
        }
        _ => {
            item_page(
                &state,
                &ctx,
                &curator,
                id,
                form,
                UseForm::default(),
                errors,
                None,
            )
            .await
        }
    }
}

/// Someone at the kit's site, a champion, trainer or administrator logs its use. Someone who
/// may log use only at their own site is refused before the form is read, and refused kit
/// that is not there as they are kit elsewhere.
pub async fn log_use(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<KitId>,
    request: axum::extract::Request,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    if !Curator::is(&signed_in) && !signed_in.roles.has(Role::Champion) {
        let here = match state.store.kit_item(org, id).await {
            Ok(stored) => may_log_use(&state, &signed_in, &stored).await?,
            Err(StoreError::NotFound) => false,
            Err(e) => return Err(e.into()),
        };
        if !here {
            return Err(AppError::Forbidden);
        }
    }
    let CsrfForm(form) = CsrfForm::<UseForm>::from_request(request, &state).await?;
    state.store.kit_item(org, id).await?;
    match KitUse::parse(
        &form.used_on,
        &form.sessions,
        &form.people_helped,
        &form.note,
        today(),
    ) {
        Ok(entry) => {
            state
                .store
                .log_kit_use(org, id, &entry, Some(signed_in.person_id))
                .await?;
            Ok(Redirect::to(&format!("/kit/{id}?done=used#use")).into_response())
        }
        Err(problems) => {
            let mut errors = FormErrors::default();
            for (field, Invalid(message)) in problems {
                if !errors.has(field) {
                    errors.add(field, message);
                }
            }
            item_page(
                &state,
                &ctx,
                &signed_in,
                id,
                TrainedForm::default(),
                form,
                errors,
                None,
            )
            .await
        }
    }
}

// ---- Adding, changing, removing ---------------------------------------------------------------

#[derive(Debug, Default, Clone, Deserialize)]
pub struct KitForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    site: String,
    #[serde(default)]
    competence_1: String,
    #[serde(default)]
    competence_2: String,
    #[serde(default)]
    competence_3: String,
    #[serde(default)]
    competence_4: String,
    #[serde(default)]
    competence_5: String,
    #[serde(default)]
    competence_6: String,
}

impl KitForm {
    fn of(k: &KitItem) -> Self {
        let c = |i: usize| k.competences.get(i).cloned().unwrap_or_default();
        KitForm {
            code: k.code.to_string(),
            name: k.name.clone(),
            description: k.description.clone(),
            site: k.site.to_string(),
            competence_1: c(0),
            competence_2: c(1),
            competence_3: c(2),
            competence_4: c(3),
            competence_5: c(4),
            competence_6: c(5),
        }
    }

    pub fn competence(&self, n: usize) -> &str {
        match n {
            1 => &self.competence_1,
            2 => &self.competence_2,
            3 => &self.competence_3,
            4 => &self.competence_4,
            5 => &self.competence_5,
            _ => &self.competence_6,
        }
    }

    /// The kit, or what is wrong with each field.
    fn read(
        &self,
        competences: &BTreeSet<String>,
        sites: &HashMap<String, SiteId>,
    ) -> Result<KitItem, FormErrors> {
        let mut errors = FormErrors::default();
        let code = errors.check("code", KitCode::parse(&self.code));
        let name = errors.check("name", kit::parse_name(&self.name));
        let description = errors.check("description", kit::parse_description(&self.description));
        let site = match self.site.trim() {
            "" => errors.check("site", Err(Invalid("kit-site-missing"))),
            code => match skillgym_domain::SiteCode::parse(code) {
                Ok(c) if sites.contains_key(c.as_str()) => Some(c),
                _ => errors.check("site", Err(Invalid(kit::SITE_UNKNOWN))),
            },
        };
        let mut chosen: Vec<String> = Vec::new();
        for (n, field) in COMPETENCE_FIELD_NAMES.iter().enumerate() {
            let code = self.competence(n + 1).trim();
            if code.is_empty() {
                continue;
            }
            if !competences.contains(code) {
                errors.add(*field, kit::COMPETENCE_UNKNOWN);
            } else if chosen.iter().any(|c| c == code) {
                errors.add(*field, "kit-competence-twice");
            } else {
                chosen.push(code.to_string());
            }
        }
        if chosen.is_empty() && !errors.has("competence_1") {
            errors.add("competence_1", "kit-competences-missing");
        }
        match (code, name, description, site) {
            (Some(code), Some(name), Some(description), Some(site)) if errors.is_empty() => {
                Ok(KitItem {
                    code,
                    name,
                    description,
                    site,
                    competences: chosen,
                })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "kit_form.html")]
pub struct KitFormPage {
    page: Page,
    action: String,
    back: String,
    form: KitForm,
    errors: FormErrors,
    competences: Titled,
    /// (code, name)
    sites: Vec<(String, String)>,
    fields: usize,
}

impl KitFormPage {
    fn chosen(&self, n: &usize, code: &str) -> bool {
        self.form.competence(*n) == code
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    id: Option<KitId>,
    form: KitForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let failed = !errors.is_empty();
    let (action, back, title) = match id {
        Some(id) => (
            format!("/kit/{id}/edit"),
            format!("/kit/{id}"),
            "kit-edit-title",
        ),
        None => ("/kit/new".to_string(), "/kit".to_string(), "kit-new-title"),
    };
    let response = KitFormPage {
        page: ctx.page(title),
        action,
        back,
        form,
        errors,
        competences: super::catalogue::competence_titles(state, ctx, org).await?,
        sites: state
            .store
            .sites(org)
            .await?
            .into_iter()
            .map(|s| (s.code.to_string(), s.name))
            .collect(),
        fields: COMPETENCE_FIELDS,
    }
    .into_response();
    Ok(if failed {
        unprocessable(response)
    } else {
        response
    })
}

pub async fn new_form(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    form_page(
        &state,
        &ctx,
        curator.organisation_id,
        None,
        KitForm::default(),
        FormErrors::default(),
    )
    .await
}

pub async fn edit_form(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<KitId>,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let stored = state.store.kit_item(org, id).await?;
    form_page(
        &state,
        &ctx,
        org,
        Some(id),
        KitForm::of(&stored.item),
        FormErrors::default(),
    )
    .await
}

pub async fn create(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<KitForm>,
) -> AppResult<Response> {
    save(&state, &ctx, &curator, None, form).await
}

pub async fn update(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<KitId>,
    CsrfForm(form): CsrfForm<KitForm>,
) -> AppResult<Response> {
    state.store.kit_item(curator.organisation_id, id).await?;
    save(&state, &ctx, &curator, Some(id), form).await
}

async fn save(
    state: &AppState,
    ctx: &Ctx,
    curator: &SessionRecord,
    id: Option<KitId>,
    form: KitForm,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let competences = state.store.competence_codes(org).await?;
    let sites = state.store.site_codes(org).await?;
    let item = match form.read(&competences, &sites) {
        Ok(k) => k,
        Err(errors) => return form_page(state, ctx, org, id, form, errors).await,
    };
    match state
        .store
        .save_kit(org, id, &item, today(), Actor::Person(curator.person_id))
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/kit/{id}?done=saved")).into_response()),
        Err(StoreError::Taken(_)) => {
            let mut errors = FormErrors::default();
            errors.add("code", "kit-code-taken");
            form_page(state, ctx, org, id, form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn remove_page(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    id: KitId,
    missing_confirmation: bool,
) -> AppResult<Response> {
    let stored = state.store.kit_item(org, id).await?;
    let removal = Removal {
        messages: "kit-remove",
        path: format!("/kit/{id}"),
        name: stored.item.name,
        lang: None,
    };
    Ok(removal::remove_page(ctx, removal, missing_confirmation))
}

pub async fn remove_form(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<KitId>,
) -> AppResult<Response> {
    remove_page(&state, &ctx, curator.organisation_id, id, false).await
}

pub async fn remove(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<KitId>,
    CsrfForm(form): CsrfForm<Confirmed>,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    if !form.is_confirmed() {
        return remove_page(&state, &ctx, org, id, true).await;
    }
    state
        .store
        .remove_kit(org, id, Actor::Person(curator.person_id))
        .await?;
    Ok(Redirect::to("/kit?removed=1").into_response())
}

// ---- The flags --------------------------------------------------------------------------------

/// One site's line of the summary.
pub struct FlagSite {
    pub id: SiteId,
    pub name: String,
    pub kit: usize,
    pub untrained: usize,
    pub unused: usize,
}

/// One flagged item at the chosen site.
pub struct FlaggedKit {
    pub id: KitId,
    pub name: String,
    pub untrained: bool,
    pub unused: bool,
    pub last_used: Option<String>,
    pub competences: Titled,
}

#[derive(Debug, Default, Deserialize)]
pub struct FlagsQuery {
    #[serde(default)]
    site: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "kit_flags.html")]
pub struct FlagsPage {
    page: Page,
    sites: Vec<FlagSite>,
    /// Every site with kit, for the filter.
    chosen: Option<SiteId>,
    chosen_name: Option<String>,
    flagged: Vec<FlaggedKit>,
    total_kit: usize,
    total_untrained: usize,
    total_unused: usize,
    age_months: i64,
}

impl FlagsPage {
    fn is_chosen(&self, site: &SiteId) -> bool {
        self.chosen == Some(*site)
    }
}

/// Which of a site's kit is flagged: (nobody there trained, unused).
pub fn flags(status: &KitStatus, age: UnusedAge, today: time::Date) -> (bool, bool) {
    (
        status.trained_here == 0,
        age.is_unused(status.last_used, status.added_on, today),
    )
}

/// Trainers, managers and administrators: per site, kit nobody working there is trained on
/// and kit unused for the set months. A summary of every site first; the flagged kit itself
/// for the site chosen.
pub async fn flags_page(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<FlagsQuery>,
) -> AppResult<Response> {
    let org = planner.organisation_id;
    let today = today();
    let age = state.store.kit_unused_age(org).await?;
    let statuses = state.store.kit_status(org, today).await?;
    let chosen: Option<SiteId> = query.site.trim().parse().ok().map(SiteId);
    let titles = super::catalogue::competence_titles(&state, &ctx, org).await?;
    let mut sites: Vec<FlagSite> = Vec::new();
    let mut flagged = Vec::new();
    for s in &statuses {
        let (untrained, unused) = flags(s, age, today);
        let i = match sites.iter().position(|f| f.id == s.site_id) {
            Some(i) => i,
            None => {
                sites.push(FlagSite {
                    id: s.site_id,
                    name: s.site_name.clone(),
                    kit: 0,
                    untrained: 0,
                    unused: 0,
                });
                sites.len() - 1
            }
        };
        let site = &mut sites[i];
        site.kit += 1;
        site.untrained += usize::from(untrained);
        site.unused += usize::from(unused);
        if chosen == Some(s.site_id) && (untrained || unused) {
            flagged.push(FlaggedKit {
                id: s.id,
                name: s.name.clone(),
                untrained,
                unused,
                last_used: s.last_used.map(|d| ctx.tr.date(&format_date(d))),
                competences: titled(&s.competences, &titles),
            });
        }
    }
    let chosen_name = chosen.and_then(|c| sites.iter().find(|s| s.id == c).map(|s| s.name.clone()));
    Ok(FlagsPage {
        page: ctx.page("kit-flags-title"),
        total_kit: statuses.len(),
        total_untrained: sites.iter().map(|s| s.untrained).sum(),
        total_unused: sites.iter().map(|s| s.unused).sum(),
        sites,
        chosen,
        chosen_name,
        flagged,
        age_months: age.months(),
    }
    .into_response())
}

// ---- The register as a file -------------------------------------------------------------------

pub async fn export(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let items: Vec<KitItem> = state
        .store
        .kit(curator.organisation_id, None)
        .await?
        .into_iter()
        .map(|k| k.item)
        .collect();
    csv_import::export(&ctx, "kit.csv", |out, language| {
        kit::write(out, &items, language)
    })
}

const IMPORT: ImportForm = ImportForm {
    title: "kit-import-title",
    action: "/kit/import",
    field: "kit_file",
    messages: "kit-import",
    back: "/kit",
    back_says: "kit-back",
};

pub async fn import_form(_: Curator, ctx: Ctx) -> AppResult<Response> {
    Ok(import_page(&ctx, &IMPORT, Vec::new(), false))
}

pub async fn import(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: Multipart,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let competences = state.store.competence_codes(org).await?;
    let sites = state.store.site_codes(org).await?;
    let read = IMPORT.read_upload(&ctx, multipart, |bytes| {
        let known = kit::Known {
            site: &|s| sites.contains_key(s),
            competence: &|c| competences.contains(c),
        };
        kit::read(bytes, &known)
    });
    let items = match read.await? {
        Ok(items) => items,
        Err(refused) => return Ok(refused),
    };
    let done = state
        .store
        .import_kit(org, &items, today(), Actor::Person(curator.person_id))
        .await?;
    Ok(IMPORT.imported(done.added, done.updated))
}

// ---- The setting: how long kit may go unused ---------------------------------------------------

#[derive(Deserialize, Default)]
pub struct AgeForm {
    #[serde(default)]
    months: String,
}

#[derive(Deserialize, Default)]
pub struct Saved {
    #[serde(default)]
    saved: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "kit_settings.html")]
pub struct AgePage {
    page: Page,
    months: String,
    errors: FormErrors,
    saved: bool,
}

pub async fn age_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(saved): Query<Saved>,
) -> AppResult<Response> {
    let age = state.store.kit_unused_age(admin.0.organisation_id).await?;
    Ok(AgePage {
        page: ctx.page("kit-age-title"),
        months: age.months().to_string(),
        errors: FormErrors::default(),
        saved: saved.saved.is_some(),
    }
    .into_response())
}

pub async fn save_age(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<AgeForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    if let Some(age) = errors.check("months", UnusedAge::parse(&form.months)) {
        state
            .store
            .change_kit_unused_age(
                admin.0.organisation_id,
                age,
                Actor::Person(admin.0.person_id),
            )
            .await?;
        return Ok(Redirect::to("/settings/kit?saved=1").into_response());
    }
    Ok(unprocessable(
        AgePage {
            page: ctx.page("kit-age-title"),
            months: form.months,
            errors,
            saved: false,
        }
        .into_response(),
    ))
}
