//! The assisted-digital services catalogue (`/services`): the online public services staff
//! most often help people use. Anyone signed in searches it, reads each entry and says how
//! confident they are helping with it; trainers and administrators add, change, mark as
//! checked and remove entries, and bring or take the whole catalogue as a CSV file (the same
//! file as `skillgym import services` and `export services`). Managers, trainers and
//! administrators see, per site, the services nobody working there is confident with.

use super::csv_import::{self, ImportForm, import_page};
use super::removal::{self, Removal};
use crate::AppState;
use crate::access::{Admin, Curator, Planner, SignedIn};
use crate::context::Ctx;
use crate::error::AppResult;
use crate::forms::{Confirmed, CsrfForm, Empty, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::audit::Localised;
use skillgym_domain::learning::parse_url;
use skillgym_domain::people::format_date;
use skillgym_domain::services::{
    self, CheckAge, Confidence, GuideLink, Service, ServiceCode, ServiceFilter, SiteConfidence,
};
use skillgym_domain::{ActivityId, Invalid, OrganisationId, Role, ServiceId, uk_time};
use skillgym_store::{Actor, SessionRecord, StoreError, StoredService};
use std::collections::{BTreeSet, HashMap};

/// How many competences the form offers (as many as a service may have).
const COMPETENCE_FIELDS: usize = services::MAX_COMPETENCES;

fn today() -> time::Date {
    uk_time::local(skillgym_store::now()).date()
}

fn unprocessable(mut response: Response) -> Response {
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    response
}

/// Text in the reader's language: (text, its language).
type InLang = (String, &'static str);

fn in_lang(l: &Localised, lang: &str) -> InLang {
    let s = l.show(lang);
    (s.text.to_string(), s.lang)
}

fn titled(
    codes: &[String],
    titles: &[(String, String, &'static str)],
) -> Vec<(String, String, &'static str)> {
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

/// The learning catalogue's activities by code: (id, title, its language).
async fn activity_titles(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
) -> AppResult<HashMap<String, (ActivityId, String, &'static str)>> {
    let lang = ctx.tr.lang().code();
    Ok(state
        .store
        .catalogue(org)
        .await?
        .into_iter()
        .map(|a| {
            let title = a.activity.title.show(lang);
            (
                a.activity.code.to_string(),
                (a.id, title.text.to_string(), title.lang),
            )
        })
        .collect())
}

/// A service as a list or its page shows it, in the reader's language.
pub struct ShownService {
    pub id: ServiceId,
    pub code: String,
    pub name: InLang,
    pub run_by: String,
    pub url: Option<String>,
    pub needs: (Vec<String>, &'static str),
    pub steps: (Vec<String>, &'static str),
    /// (problem, its fix)
    pub problems: (Vec<(String, Option<String>)>, &'static str),
    /// (code, title, its language)
    pub competences: Vec<(String, String, &'static str)>,
    pub links: Vec<GuideLink>,
    /// The activities it names that the catalogue has: (id, title, its language).
    pub activities: Vec<(ActivityId, String, &'static str)>,
    pub checked_on: String,
    /// Last checked longer ago than the organisation's setting.
    pub due: bool,
}

fn shown(
    stored: &StoredService,
    ctx: &Ctx,
    titles: &[(String, String, &'static str)],
    activities: &HashMap<String, (ActivityId, String, &'static str)>,
    age: CheckAge,
) -> ShownService {
    let lang = ctx.tr.lang().code();
    let s = &stored.service;
    let needs = s.needs.show(lang);
    let steps = s.steps.show(lang);
    let problems = s.problems.show(lang);
    ShownService {
        id: stored.id,
        code: s.code.to_string(),
        name: in_lang(&s.name, lang),
        run_by: s.run_by.clone(),
        url: s.url.clone(),
        needs: (
            services::lines(needs.text)
                .into_iter()
                .map(String::from)
                .collect(),
            needs.lang,
        ),
        steps: (
            services::lines(steps.text)
                .into_iter()
                .map(String::from)
                .collect(),
            steps.lang,
        ),
        problems: (
            services::problems(problems.text)
                .into_iter()
                .map(|(p, f)| (p.to_string(), f.map(String::from)))
                .collect(),
            problems.lang,
        ),
        competences: titled(&s.competences, titles),
        links: s.links.clone(),
        activities: s
            .activities
            .iter()
            .filter_map(|code| activities.get(code.as_str()).cloned())
            .collect(),
        checked_on: ctx.tr.date(&format_date(s.checked_on)),
        due: age.is_due(s.checked_on, today()),
    }
}

// ---- The list ------------------------------------------------------------------------------

/// The search form, as the address carries it.
#[derive(Debug, Default, Deserialize)]
pub struct Search {
    #[serde(default)]
    q: String,
    #[serde(default)]
    competence: String,
    /// What an import just did, for the notice.
    #[serde(default)]
    added: Option<usize>,
    #[serde(default)]
    updated: Option<usize>,
    #[serde(default)]
    removed: Option<String>,
}

impl Search {
    fn filter(&self) -> ServiceFilter {
        let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        ServiceFilter {
            competence: some(&self.competence),
            words: some(&self.q),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "services.html")]
pub struct ServicesPage {
    page: Page,
    search: Search,
    competences: Vec<(String, String, &'static str)>,
    services: Vec<ShownService>,
    total: usize,
    searched: bool,
    curator: bool,
    /// Sees the gaps per site.
    planner: bool,
    age_months: i64,
}

pub async fn list(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(search): Query<Search>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let all = state.store.services(org).await?;
    let titles = super::catalogue::competence_titles(&state, &ctx, org).await?;
    let activities = activity_titles(&state, &ctx, org).await?;
    let age = state.store.service_check_age(org).await?;
    let filter = search.filter();
    // Only the competences some service needs are worth searching by.
    let needed: BTreeSet<&str> = all
        .iter()
        .flat_map(|s| s.service.competences.iter().map(String::as_str))
        .collect();
    let competences = titles
        .iter()
        .filter(|(code, _, _)| needed.contains(code.as_str()))
        .cloned()
        .collect();
    let services = all
        .iter()
        .filter(|s| filter.matches(&s.service))
        .map(|s| shown(s, &ctx, &titles, &activities, age))
        .collect();
    Ok(ServicesPage {
        page: ctx.page("services-title"),
        searched: filter != ServiceFilter::default(),
        search,
        competences,
        services,
        total: all.len(),
        curator: Curator::is(&signed_in),
        planner: [Role::Trainer, Role::Manager, Role::Admin]
            .iter()
            .any(|r| signed_in.roles.has(*r)),
        age_months: age.months(),
    }
    .into_response())
}

// ---- One service, and confidence with it ---------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "service.html")]
pub struct ServicePage {
    page: Page,
    service: ShownService,
    confidence: Option<Confidence>,
    curator: bool,
    errors: FormErrors,
    notice: Option<&'static str>,
    age_months: i64,
}

impl ServicePage {
    fn chosen(&self, value: &str) -> bool {
        self.confidence.is_some_and(|c| c.value() == value)
    }

    /// The choices of the confidence question: (value, message id).
    fn choices(&self) -> Vec<(String, String)> {
        ["1", "2", "3", "4", "5", "not-sure"]
            .iter()
            .map(|v| (v.to_string(), format!("service-confidence-{v}")))
            .collect()
    }
}

async fn service_page(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    id: ServiceId,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> AppResult<Response> {
    let org = user.organisation_id;
    let stored = state.store.service(org, id).await?;
    let titles = super::catalogue::competence_titles(state, ctx, org).await?;
    let activities = activity_titles(state, ctx, org).await?;
    let age = state.store.service_check_age(org).await?;
    let service = shown(&stored, ctx, &titles, &activities, age);
    let mut page = ctx.page("services-title");
    page.title = service.name.0.clone();
    let failed = !errors.is_empty();
    let response = ServicePage {
        page,
        service,
        confidence: state
            .store
            .service_confidence_of(org, id, user.person_id)
            .await?,
        curator: Curator::is(user),
        errors,
        notice,
        age_months: age.months(),
    }
    .into_response();
    Ok(if failed {
        unprocessable(response)
    } else {
        response
    })
}

/// What the page's address says was just done.
#[derive(Debug, Default, Deserialize)]
pub struct Notice {
    #[serde(default)]
    done: Option<String>,
}

pub async fn show(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ServiceId>,
    Query(notice): Query<Notice>,
) -> AppResult<Response> {
    let notice = match notice.done.as_deref() {
        Some("rated") => Some("service-notice-rated"),
        Some("withdrawn") => Some("service-notice-withdrawn"),
        Some("checked") => Some("service-notice-checked"),
        Some("saved") => Some("service-notice-saved"),
        _ => None,
    };
    service_page(&state, &ctx, &signed_in, id, FormErrors::default(), notice).await
}

#[derive(Deserialize)]
pub struct ConfidenceForm {
    #[serde(default)]
    confidence: String,
    /// `yes` from the button that withdraws what they said.
    #[serde(default)]
    withdraw: String,
}

/// Anyone signed in says how confident they are helping with a service, changes it, or
/// withdraws it.
pub async fn rate(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ServiceId>,
    CsrfForm(form): CsrfForm<ConfidenceForm>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let (confidence, done) = if form.withdraw == "yes" {
        (None, "withdrawn")
    } else {
        match Confidence::parse(&form.confidence) {
            Ok(c) => (Some(c), "rated"),
            Err(Invalid(message)) => {
                let mut errors = FormErrors::default();
                errors.add("confidence", message);
                return service_page(&state, &ctx, &signed_in, id, errors, None).await;
            }
        }
    };
    state
        .store
        .rate_service(org, id, signed_in.person_id, confidence)
        .await?;
    Ok(Redirect::to(&format!("/services/{id}?done={done}#confidence")).into_response())
}

/// A trainer or administrator says the entry still matches the live service, today.
pub async fn checked(
    curator: Curator,
    State(state): State<AppState>,
    Path(id): Path<ServiceId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    state
        .store
        .mark_service_checked(
            curator.organisation_id,
            id,
            today(),
            Actor::Person(curator.person_id),
        )
        .await?;
    Ok(Redirect::to(&format!("/services/{id}?done=checked")).into_response())
}

// ---- Removing ------------------------------------------------------------------------------

async fn remove_page(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    id: ServiceId,
    missing_confirmation: bool,
) -> AppResult<Response> {
    let stored = state.store.service(org, id).await?;
    let (name, lang) = in_lang(&stored.service.name, ctx.tr.lang().code());
    let removal = Removal {
        messages: "service-remove",
        path: format!("/services/{id}"),
        name,
        lang: Some(lang),
    };
    Ok(removal::remove_page(ctx, removal, missing_confirmation))
}

pub async fn remove_form(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ServiceId>,
) -> AppResult<Response> {
    remove_page(&state, &ctx, curator.organisation_id, id, false).await
}

pub async fn remove(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ServiceId>,
    CsrfForm(form): CsrfForm<Confirmed>,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    if !form.is_confirmed() {
        return remove_page(&state, &ctx, org, id, true).await;
    }
    state
        .store
        .remove_service(org, id, Actor::Person(curator.person_id))
        .await?;
    Ok(Redirect::to("/services?removed=1").into_response())
}

// ---- Adding and changing -----------------------------------------------------------------------

/// The form's fields as typed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ServiceForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_cy: String,
    #[serde(default)]
    run_by: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    needs_en: String,
    #[serde(default)]
    needs_cy: String,
    #[serde(default)]
    steps_en: String,
    #[serde(default)]
    steps_cy: String,
    #[serde(default)]
    problems_en: String,
    #[serde(default)]
    problems_cy: String,
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
    #[serde(default)]
    links: String,
    #[serde(default)]
    activities: String,
    #[serde(default)]
    checked_on: String,
}

/// The form's field for competence `n` (1 to [`COMPETENCE_FIELDS`]).
const COMPETENCE_FIELD_NAMES: [&str; COMPETENCE_FIELDS] = [
    "competence_1",
    "competence_2",
    "competence_3",
    "competence_4",
    "competence_5",
    "competence_6",
];

impl ServiceForm {
    fn of(s: &Service) -> Self {
        let c = |i: usize| s.competences.get(i).cloned().unwrap_or_default();
        let cy = |l: &Localised| l.cy.clone().unwrap_or_default();
        ServiceForm {
            code: s.code.to_string(),
            name_en: s.name.en.clone(),
            name_cy: cy(&s.name),
            run_by: s.run_by.clone(),
            url: s.url.clone().unwrap_or_default(),
            needs_en: s.needs.en.clone(),
            needs_cy: cy(&s.needs),
            steps_en: s.steps.en.clone(),
            steps_cy: cy(&s.steps),
            problems_en: s.problems.en.clone(),
            problems_cy: cy(&s.problems),
            competence_1: c(0),
            competence_2: c(1),
            competence_3: c(2),
            competence_4: c(3),
            competence_5: c(4),
            competence_6: c(5),
            links: services::format_links(&s.links),
            activities: services::format_activities(&s.activities),
            checked_on: format_date(s.checked_on),
        }
    }

    /// The competence chosen in field `n` (1-based).
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

    /// The service, or what is wrong with each field.
    fn read(
        &self,
        competences: &BTreeSet<String>,
        activities: &BTreeSet<String>,
        today: time::Date,
    ) -> Result<Service, FormErrors> {
        let mut errors = FormErrors::default();
        let code = errors.check("code", ServiceCode::parse(&self.code));
        let required = |text: &str, missing: &'static str| -> Result<String, Invalid> {
            match text.trim() {
                "" => Err(Invalid(missing)),
                t if t.chars().count() > services::MAX_NAME => {
                    Err(Invalid("service-text-too-long"))
                }
                t => Ok(t.to_string()),
            }
        };
        let name = errors.check("name_en", required(&self.name_en, "service-name-missing"));
        let run_by = errors.check("run_by", required(&self.run_by, "service-run-by-missing"));
        if self.name_cy.trim().chars().count() > services::MAX_NAME {
            errors.add("name_cy", "service-text-too-long");
        }
        let url = errors.check(
            "url",
            parse_url(&self.url).map_err(|_| Invalid("service-url-invalid")),
        );
        let block = |field: &'static str, text: &str, errors: &mut FormErrors| {
            let tidy = services::tidy_lines(text);
            if tidy.chars().count() > services::MAX_TEXT {
                errors.add(field, "service-text-too-long");
            }
            tidy
        };
        let needs_en = block("needs_en", &self.needs_en, &mut errors);
        let needs_cy = block("needs_cy", &self.needs_cy, &mut errors);
        let steps_en = block("steps_en", &self.steps_en, &mut errors);
        let steps_cy = block("steps_cy", &self.steps_cy, &mut errors);
        let problems_en = block("problems_en", &self.problems_en, &mut errors);
        let problems_cy = block("problems_cy", &self.problems_cy, &mut errors);
        let mut chosen: Vec<String> = Vec::new();
        for (n, field) in COMPETENCE_FIELD_NAMES.iter().enumerate() {
            let code = self.competence(n + 1).trim();
            if code.is_empty() {
                continue;
            }
            if !competences.contains(code) {
                errors.add(*field, "service-competence-unknown");
            } else if chosen.iter().any(|c| c == code) {
                errors.add(*field, "service-competence-twice");
            } else {
                chosen.push(code.to_string());
            }
        }
        if chosen.is_empty() && !errors.has("competence_1") {
            errors.add("competence_1", "service-competences-missing");
        }
        let links = errors.check("links", services::parse_links(&self.links));
        let codes = errors.check("activities", services::parse_activities(&self.activities));
        if let Some(codes) = &codes
            && codes.iter().any(|c| !activities.contains(c.as_str()))
        {
            errors.add("activities", "service-activity-unknown");
        }
        let checked_on = errors.check(
            "checked_on",
            services::parse_checked_on(&self.checked_on, today),
        );
        let optional = |text: String| Some(text).filter(|t| !t.trim().is_empty());
        match (code, name, run_by, url, links, codes, checked_on) {
            (
                Some(code),
                Some(name),
                Some(run_by),
                Some(url),
                Some(links),
                Some(codes),
                Some(checked_on),
            ) if errors.is_empty() => Ok(Service {
                code,
                name: Localised::new(name, optional(self.name_cy.trim().to_string())),
                run_by,
                url,
                needs: Localised::new(needs_en, optional(needs_cy)),
                steps: Localised::new(steps_en, optional(steps_cy)),
                problems: Localised::new(problems_en, optional(problems_cy)),
                competences: chosen,
                links,
                activities: codes,
                checked_on,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "service_form.html")]
pub struct ServiceFormPage {
    page: Page,
    action: String,
    form: ServiceForm,
    errors: FormErrors,
    competences: Vec<(String, String, &'static str)>,
    fields: usize,
}

impl ServiceFormPage {
    fn chosen(&self, n: &usize, code: &str) -> bool {
        self.form.competence(*n) == code
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    action: String,
    title: &str,
    form: ServiceForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let failed = !errors.is_empty();
    let response = ServiceFormPage {
        page: ctx.page(title),
        action,
        form,
        errors,
        competences: super::catalogue::competence_titles(state, ctx, org).await?,
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
    let form = ServiceForm {
        checked_on: format_date(today()),
        ..Default::default()
    };
    form_page(
        &state,
        &ctx,
        curator.organisation_id,
        "/services/new".into(),
        "service-new-title",
        form,
        FormErrors::default(),
    )
    .await
}

pub async fn edit_form(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ServiceId>,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let stored = state.store.service(org, id).await?;
    form_page(
        &state,
        &ctx,
        org,
        format!("/services/{id}/edit"),
        "service-edit-title",
        ServiceForm::of(&stored.service),
        FormErrors::default(),
    )
    .await
}

pub async fn create(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<ServiceForm>,
) -> AppResult<Response> {
    save(&state, &ctx, &curator, None, form).await
}

pub async fn update(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ServiceId>,
    request: axum::extract::Request,
) -> AppResult<Response> {
    state.store.service(curator.organisation_id, id).await?;
    let CsrfForm(form) = CsrfForm::<ServiceForm>::from_request(request, &state).await?;
    save(&state, &ctx, &curator, Some(id), form).await
}

async fn save(
    state: &AppState,
    ctx: &Ctx,
    curator: &SessionRecord,
    id: Option<ServiceId>,
    form: ServiceForm,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let (action, title) = match id {
        Some(id) => (format!("/services/{id}/edit"), "service-edit-title"),
        None => ("/services/new".to_string(), "service-new-title"),
    };
    let competences = state.store.competence_codes(org).await?;
    let activities = state.store.activity_codes(org).await?;
    let service = match form.read(&competences, &activities, today()) {
        Ok(s) => s,
        Err(errors) => return form_page(state, ctx, org, action, title, form, errors).await,
    };
    match state
        .store
        .save_service(org, id, &service, Actor::Person(curator.person_id))
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/services/{id}?done=saved")).into_response()),
        Err(StoreError::Taken(_)) => {
            let mut errors = FormErrors::default();
            errors.add("code", "service-code-taken");
            form_page(state, ctx, org, action, title, form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---- The gaps per site ---------------------------------------------------------------------

/// One service at one site, as the gaps page shows it.
pub struct GapRow {
    pub id: ServiceId,
    pub name: InLang,
    pub confident: SiteConfidence,
    /// What builds the competences it takes: (code, title, its language) of each, searched
    /// for in the learning catalogue.
    pub competences: Vec<(String, String, &'static str)>,
    /// The activities its entry names.
    pub activities: Vec<(ActivityId, String, &'static str)>,
}

pub struct GapSite {
    pub name: String,
    pub gaps: usize,
    pub rows: Vec<GapRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "service_gaps.html")]
pub struct GapsPage {
    page: Page,
    sites: Vec<GapSite>,
    threshold: usize,
    /// A manager sees only their people's sites.
    own_sites_only: bool,
    no_services: bool,
}

/// Managers, trainers and administrators: per site, the services nobody working there is
/// confident with. A manager (who is not also a trainer or administrator) sees only the
/// sites where the people they manage work.
pub async fn gaps(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let org = planner.organisation_id;
    let manager = (!Curator::is(&planner)).then_some(planner.person_id);
    let threshold = state.store.anonymity_threshold(org).await?.get();
    let all = state.store.services(org).await?;
    let titles = super::catalogue::competence_titles(&state, &ctx, org).await?;
    let activities = activity_titles(&state, &ctx, org).await?;
    let lang = ctx.tr.lang().code();
    let counts = state.store.site_confidence(org, today(), manager).await?;
    let sites = counts
        .into_iter()
        .map(|site| {
            let mut rows: Vec<GapRow> = all
                .iter()
                .map(|s| GapRow {
                    id: s.id,
                    name: in_lang(&s.service.name, lang),
                    confident: SiteConfidence::of(
                        site.confident.get(&s.id).copied().unwrap_or(0),
                        site.people,
                        threshold,
                    ),
                    competences: titled(&s.service.competences, &titles),
                    activities: s
                        .service
                        .activities
                        .iter()
                        .filter_map(|code| activities.get(code.as_str()).cloned())
                        .collect(),
                })
                .collect();
            // Gaps first, each group by name.
            rows.sort_by_key(|r| !r.confident.is_gap());
            GapSite {
                name: site.name,
                gaps: rows.iter().filter(|r| r.confident.is_gap()).count(),
                rows,
            }
        })
        .collect();
    Ok(GapsPage {
        page: ctx.page("service-gaps-title"),
        sites,
        threshold,
        own_sites_only: manager.is_some(),
        no_services: all.is_empty(),
    }
    .into_response())
}

// ---- The catalogue as a file ---------------------------------------------------------------------

pub async fn export(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let services: Vec<Service> = state
        .store
        .services(curator.organisation_id)
        .await?
        .into_iter()
        .map(|s| s.service)
        .collect();
    csv_import::export(&ctx, "services.csv", |out, language| {
        services::write(out, &services, language)
    })
}

const IMPORT: ImportForm = ImportForm {
    title: "services-import-title",
    action: "/services/import",
    field: "services_file",
    messages: "services-import",
    back: "/services",
    back_says: "services-back",
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
    let activities = state.store.activity_codes(org).await?;
    let read = IMPORT.read_upload(&ctx, multipart, |bytes| {
        let known = services::Known {
            competence: &|c| competences.contains(c),
            activity: &|a| activities.contains(a),
            today: today(),
        };
        services::read(bytes, &known)
    });
    let read = match read.await? {
        Ok(s) => s,
        Err(refused) => return Ok(refused),
    };
    let done = state
        .store
        .import_services(org, &read, Actor::Person(curator.person_id))
        .await?;
    Ok(IMPORT.imported(done.added, done.updated))
}

// ---- The setting: how old an entry may get -------------------------------------------------------

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
#[template(path = "service_settings.html")]
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
    let age = state
        .store
        .service_check_age(admin.0.organisation_id)
        .await?;
    Ok(AgePage {
        page: ctx.page("service-age-title"),
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
    if let Some(age) = errors.check("months", CheckAge::parse(&form.months)) {
        state
            .store
            .change_service_check_age(
                admin.0.organisation_id,
                age,
                Actor::Person(admin.0.person_id),
            )
            .await?;
        return Ok(Redirect::to("/settings/services?saved=1").into_response());
    }
    Ok(unprocessable(
        AgePage {
            page: ctx.page("service-age-title"),
            months: form.months,
            errors,
            saved: false,
        }
        .into_response(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_reads_as_a_service_or_says_what_is_wrong_with_each_field() {
        let competences: BTreeSet<String> = ["SERVICES-1".to_string()].into();
        let activities: BTreeSet<String> = ["ACT-UC".to_string()].into();
        let today = time::macros::date!(2026 - 06 - 01);
        let form = ServiceForm {
            code: "uc".into(),
            name_en: "Universal Credit".into(),
            run_by: "DWP".into(),
            steps_en: "One\n\n  Two ".into(),
            competence_2: "SERVICES-1".into(),
            activities: "act-uc".into(),
            checked_on: "2026-05-01".into(),
            ..Default::default()
        };
        let s = form.read(&competences, &activities, today).unwrap();
        assert_eq!(s.code.as_str(), "UC");
        assert_eq!(s.steps.en, "One\nTwo");
        assert_eq!(s.competences, ["SERVICES-1"]);

        let bad = ServiceForm {
            url: "javascript:alert(1)".into(),
            competence_1: "NOPE".into(),
            links: "no url here".into(),
            activities: "ACT-NONE".into(),
            checked_on: "2027-01-01".into(),
            ..Default::default()
        };
        let errors = bad.read(&competences, &activities, today).unwrap_err();
        for field in [
            "code",
            "name_en",
            "run_by",
            "url",
            "competence_1",
            "links",
            "activities",
            "checked_on",
        ] {
            assert!(errors.has(field), "{field}");
        }
    }
}
