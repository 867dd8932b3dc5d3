//! The training matrix on the web: people × required modules, each cell done, due soon,
//! overdue or not started, filtered by site, team and job family, with a CSV export; and each
//! person's own required training, where they (or their manager, or an administrator) record
//! a completion with a link to its evidence.
//!
//! Trainers and administrators see everyone; a manager sees the people they manage. Recording
//! a completion for someone else is in the audit trail with it.

use super::csv_import::{ImportForm, import_page};
use crate::AppState;
use crate::access::SignedIn;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::people::{format_date, parse_date};
use skillgym_domain::training::Cell;
use skillgym_domain::{JobFamily, PersonId, RequirementId, Role, SiteId, TeamId, uk_time};
use skillgym_i18n::Tr;
use skillgym_store::{
    Actor, CompletionSource, Matrix, PersonFilter, Requirement, SessionRecord, SiteRecord,
    TeamRecord,
};

/// People on a page of the matrix.
const PAGE_SIZE: i64 = 50;

fn today() -> time::Date {
    uk_time::local(skillgym_store::now()).date()
}

/// Whose rows `user` sees: `Ok(None)` everyone (trainers, administrators), `Ok(Some(me))` the
/// people a manager manages; anyone else is refused.
fn whose(user: &SessionRecord) -> AppResult<Option<PersonId>> {
    let roles = &user.roles;
    if roles.has(Role::Trainer) || roles.has(Role::Admin) {
        Ok(None)
    } else if roles.has(Role::Manager) {
        Ok(Some(user.person_id))
    } else {
        Err(AppError::Forbidden)
    }
}

/// A cell as a page shows it: its state's code, its words and the day that matters.
pub struct CellView {
    pub code: &'static str,
    pub label: String,
}

pub(crate) fn cell_view(tr: &Tr, cell: Cell) -> CellView {
    let day = |d: time::Date| tr.date(&format_date(d));
    let label = match cell {
        Cell::Done { until } if until == time::Date::MAX => tr.t("training-cell-done-for-ever"),
        Cell::Done { until } => tr.t1("training-cell-done", "date", day(until)),
        Cell::DueSoon { due } => tr.t1("training-cell-due-soon", "date", day(due)),
        Cell::Overdue {
            due,
            never_done: true,
        } => tr.t1("training-cell-overdue-never", "date", day(due)),
        Cell::Overdue { due, .. } => tr.t1("training-cell-overdue", "date", day(due)),
        Cell::NotStarted { due } => tr.t1("training-cell-not-started", "date", day(due)),
    };
    CellView {
        code: cell.code(),
        label,
    }
}

pub struct ColumnView {
    pub id: RequirementId,
    pub code: String,
    pub title: String,
    pub lang: &'static str,
    pub done: i64,
    pub due_soon: i64,
    pub overdue: i64,
    pub not_started: i64,
}

pub struct RowView {
    pub person: PersonId,
    pub name: String,
    pub job_role: String,
    pub team: String,
    pub cells: Vec<Option<CellView>>,
}

#[derive(Debug, Default, Deserialize)]
pub struct MatrixQuery {
    #[serde(default)]
    site: Option<String>,
    #[serde(default)]
    team: Option<String>,
    #[serde(default)]
    family: Option<String>,
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    done: Option<String>,
    #[serde(default)]
    imported: Option<i64>,
    #[serde(default)]
    unchanged: Option<i64>,
}

impl MatrixQuery {
    fn filter(&self, managed_by: Option<PersonId>, page: i64, limit: i64) -> PersonFilter {
        PersonFilter {
            site: self.site.as_deref().and_then(|s| s.parse().ok()),
            team: self.team.as_deref().and_then(|s| s.parse().ok()),
            job_family: self
                .family
                .as_deref()
                .and_then(|f| JobFamily::parse(f).ok()),
            managed_by,
            present_on: Some(today()),
            offset: (page - 1) * limit,
            limit,
            ..PersonFilter::default()
        }
    }

    /// The filters as a query string, for the CSV link and the pages.
    fn query_string(&self) -> String {
        let mut parts = Vec::new();
        for (key, value) in [
            ("site", &self.site),
            ("team", &self.team),
            ("family", &self.family),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                parts.push(format!("{key}={}", v.replace(['&', '=', '#', '?'], "")));
            }
        }
        parts.join("&")
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "training.html")]
pub struct MatrixPage {
    page: Page,
    columns: Vec<ColumnView>,
    rows: Vec<RowView>,
    total: i64,
    sites: Vec<SiteRecord>,
    teams: Vec<TeamRecord>,
    families: [JobFamily; 5],
    site: Option<SiteId>,
    team: Option<TeamId>,
    family: Option<JobFamily>,
    page_number: i64,
    pages: i64,
    filters: String,
    admin: bool,
    notice: Option<&'static str>,
    /// After an import: how many completions were added, and how many were there already.
    imported: Option<(i64, i64)>,
}

fn columns(tr: &Tr, matrix: &Matrix) -> Vec<ColumnView> {
    let lang = tr.lang().code();
    matrix
        .requirements
        .iter()
        .zip(&matrix.counts)
        .map(|(r, c)| {
            let title = r.title.show(lang);
            ColumnView {
                id: r.id,
                code: r.code.clone(),
                title: title.text.to_string(),
                lang: title.lang,
                done: c.done,
                due_soon: c.due_soon,
                overdue: c.overdue,
                not_started: c.not_started,
            }
        })
        .collect()
}

/// The matrix, a page of people at a time.
pub async fn matrix(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<MatrixQuery>,
) -> AppResult<Response> {
    let managed_by = whose(&signed_in)?;
    let org = signed_in.organisation_id;
    let page_number = query.page.unwrap_or(1).max(1);
    let filter = query.filter(managed_by, page_number, PAGE_SIZE);
    let today = today();
    let matrix = state.store.training_matrix(org, &filter, today).await?;
    let rows = matrix
        .rows
        .iter()
        .map(|row| RowView {
            person: row.person,
            name: row.name.clone(),
            job_role: row.job_role.clone(),
            team: row.team.clone().unwrap_or_default(),
            cells: row
                .cells
                .iter()
                .zip(&matrix.requirements)
                .map(|(cell, req)| cell.map(|c| cell_view(&ctx.tr, c.cell(req.renewal, today))))
                .collect(),
        })
        .collect();
    Ok(MatrixPage {
        page: ctx.page("training-title"),
        columns: columns(&ctx.tr, &matrix),
        rows,
        total: matrix.total,
        sites: state.store.sites(org).await?,
        teams: state.store.teams(org).await?,
        families: JobFamily::ALL,
        site: filter.site,
        team: filter.team,
        family: filter.job_family,
        page_number,
        pages: (matrix.total + PAGE_SIZE - 1) / PAGE_SIZE,
        filters: query.query_string(),
        admin: signed_in.roles.has(Role::Admin),
        notice: match query.done.as_deref() {
            Some("added") => Some("training-added"),
            Some("changed") => Some("training-changed"),
            Some("retired") => Some("training-retired"),
            _ => None,
        },
        imported: query.imported.map(|a| (a, query.unchanged.unwrap_or(0))),
    }
    .into_response())
}

/// The matrix as CSV, every person the filters match: for each module its state's code and the
/// day it is (or was) due.
pub async fn export(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<MatrixQuery>,
) -> AppResult<Response> {
    let managed_by = whose(&signed_in)?;
    let org = signed_in.organisation_id;
    let filter = query.filter(managed_by, 1, i64::MAX);
    let today = today();
    let matrix = state.store.training_matrix(org, &filter, today).await?;
    let tr = &ctx.tr;
    let mut heading = vec![
        tr.t("training-csv-employee-number"),
        tr.t("training-csv-name"),
        tr.t("training-csv-job-role"),
        tr.t("training-csv-team"),
    ];
    for r in &matrix.requirements {
        heading.push(r.code.clone());
        heading.push(tr.t1("training-csv-due", "code", r.code.as_str()));
    }
    let mut rows = vec![heading];
    for row in &matrix.rows {
        let mut line = vec![
            row.employee_number.clone(),
            row.name.clone(),
            row.job_role.clone(),
            row.team.clone().unwrap_or_default(),
        ];
        for (cell, req) in row.cells.iter().zip(&matrix.requirements) {
            match cell.map(|c| c.cell(req.renewal, today)) {
                Some(c) => {
                    line.push(c.code().to_string());
                    line.push(c.due().map(format_date).unwrap_or_default());
                }
                None => {
                    line.push(String::new());
                    line.push(String::new());
                }
            }
        }
        rows.push(line);
    }
    super::analysis::csv_body(rows, &format!("training-{}.csv", format_date(today)))
}

// ---- One person's required training -----------------------------------------------------------

pub struct OwnRow {
    pub id: RequirementId,
    pub code: String,
    pub title: String,
    pub lang: &'static str,
    pub url: Option<String>,
    pub activity: Option<String>,
    pub cell: CellView,
    /// The latest completions.
    pub done: Vec<DoneView>,
}

/// A completion as a person's page lists it: "day (how)", with its evidence.
pub struct DoneView {
    pub line: String,
    /// The link given as evidence.
    pub link: Option<String>,
    /// Where to download the certificate uploaded with it, and its name.
    pub file: Option<(String, String)>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct CompletionForm {
    #[serde(default)]
    requirement: String,
    #[serde(default)]
    completed_on: String,
    #[serde(default)]
    evidence: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "person_training.html")]
pub struct PersonTrainingPage {
    page: Page,
    person: PersonId,
    name: String,
    own: bool,
    rows: Vec<OwnRow>,
    form: CompletionForm,
    errors: FormErrors,
    notice: bool,
    action: String,
}

impl PersonTrainingPage {
    fn chosen(&self, id: &RequirementId) -> bool {
        self.form.requirement == id.to_string()
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Done {
    done: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn person_page(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    person: PersonId,
    own: bool,
    form: CompletionForm,
    errors: FormErrors,
    notice: bool,
) -> AppResult<Response> {
    let org = user.organisation_id;
    let record = state.store.person(org, person).await?;
    let today = today();
    let lang = ctx.tr.lang().code();
    let mut rows = Vec::new();
    for (req, standing, completions) in state.store.training_of(org, person).await? {
        let title = req.title.show(lang);
        let done = completions
            .into_iter()
            .take(3)
            .map(|c| DoneView {
                line: ctx.tr.t2(
                    "training-completed-line",
                    "date",
                    ctx.tr.date(&format_date(c.completed_on)),
                    "source",
                    ctx.tr.t(&format!("training-source-{}", c.source)),
                ),
                link: c.evidence,
                file: c
                    .file_name
                    .map(|name| (format!("/people/{person}/training/evidence/{}", c.id), name)),
            })
            .collect();
        rows.push(OwnRow {
            id: req.id,
            code: req.code.clone(),
            title: title.text.to_string(),
            lang: title.lang,
            url: req.url.clone(),
            activity: req.activity.map(|a| format!("/learning/{a}")),
            cell: cell_view(&ctx.tr, standing.cell(req.renewal, today)),
            done,
        });
    }
    let failed = !errors.is_empty();
    let title = if own {
        ctx.page("training-own-title")
    } else {
        Page::new(
            ctx,
            ctx.tr.t1("training-person-title", "name", record.name()),
        )
    };
    let mut response = PersonTrainingPage {
        page: title,
        person,
        name: record.name(),
        own,
        rows,
        form,
        errors,
        notice,
        action: if own {
            "/me/training".into()
        } else {
            format!("/people/{person}/training")
        },
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// Whether `user` may see and record `person`'s required training: their own, anyone's for a
/// trainer or administrator, their people's for a manager. Anyone else is told there is no such
/// page.
async fn may_see(state: &AppState, user: &SessionRecord, person: PersonId) -> AppResult<()> {
    let roles = &user.roles;
    if user.person_id == person
        || roles.has(Role::Trainer)
        || roles.has(Role::Admin)
        || (roles.has(Role::Manager) && state.store.manages(user.person_id, person).await?)
    {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn own(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let user: SessionRecord = (*signed_in).clone();
    person_page(
        &state,
        &ctx,
        &user,
        user.person_id,
        true,
        CompletionForm::default(),
        FormErrors::default(),
        done.done.is_some(),
    )
    .await
}

pub async fn of_person(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(person): Path<PersonId>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let user: SessionRecord = (*signed_in).clone();
    may_see(&state, &user, person).await?;
    if person == user.person_id {
        return Ok(Redirect::to("/me/training").into_response());
    }
    person_page(
        &state,
        &ctx,
        &user,
        person,
        false,
        CompletionForm::default(),
        FormErrors::default(),
        done.done.is_some(),
    )
    .await
}

pub async fn record_own(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    request: Request,
) -> AppResult<Response> {
    let user: SessionRecord = (*signed_in).clone();
    let person = user.person_id;
    let submitted = crate::upload::read_with_file(&state, &ctx, request, EVIDENCE_FILE).await?;
    record(&state, &ctx, &user, person, submitted).await
}

pub async fn record_for(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(person): Path<PersonId>,
    request: Request,
) -> AppResult<Response> {
    let user: SessionRecord = (*signed_in).clone();
    // The form's CSRF token is checked first, as for every form, then whose page it is.
    let submitted = crate::upload::read_with_file(&state, &ctx, request, EVIDENCE_FILE).await?;
    may_see(&state, &user, person).await?;
    record(&state, &ctx, &user, person, submitted).await
}

/// The form field of the certificate file.
const EVIDENCE_FILE: &str = "evidence_file";

/// Records a completion: a module that applies to them, a day neither in the future nor
/// before 2000, and optional evidence: a web link, a certificate (PDF, PNG or JPEG), or both.
async fn record(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    person: PersonId,
    submitted: crate::upload::Submitted,
) -> AppResult<Response> {
    use skillgym_domain::training::evidence;
    let org = user.organisation_id;
    state.store.person(org, person).await?;
    let text = |name: &str| {
        submitted
            .texts
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let form = CompletionForm {
        requirement: text("requirement"),
        completed_on: text("completed_on"),
        evidence: text("evidence"),
    };
    let own = person == user.person_id;
    let mut errors = FormErrors::default();
    let requirements: Vec<Requirement> = state.store.requirements(org).await?;
    let mut chosen = None;
    if let Some(r) = form
        .requirement
        .parse::<i64>()
        .ok()
        .and_then(|id| requirements.iter().find(|r| r.id.0 == id))
        && state.store.standing(r.id, person).await?.is_some()
    {
        chosen = Some(r);
    }
    if chosen.is_none() {
        errors.add("requirement", "training-requirement-missing");
    }
    let day = errors.check(
        "completed_on",
        skillgym_domain::training::parse_completed_on(&form.completed_on, today()),
    );
    let link = errors
        .check(
            "evidence",
            skillgym_domain::training::parse_evidence(&form.evidence),
        )
        .flatten();
    let file = if submitted.too_large {
        errors.add(EVIDENCE_FILE, "training-evidence-file-too-large");
        None
    } else {
        match &submitted.file {
            None => None,
            Some(f) => errors
                .check(EVIDENCE_FILE, evidence::check(&f.bytes))
                .map(|kind| skillgym_store::EvidenceFile {
                    file_name: evidence::file_name(f.name.as_deref(), kind),
                    content_type: kind.content_type().to_string(),
                    bytes: f.bytes.to_vec(),
                }),
        }
    };
    let (Some(req), Some(day)) = (chosen, day) else {
        return person_page(state, ctx, user, person, own, form, errors, false).await;
    };
    if !errors.is_empty() {
        return person_page(state, ctx, user, person, own, form, errors, false).await;
    }
    state
        .store
        .record_completion(
            org,
            req.id,
            person,
            day,
            link.as_deref(),
            CompletionSource::Recorded,
            Actor::Person(user.person_id),
        )
        .await?;
    if let Some(file) = file {
        state
            .store
            .attach_evidence(org, req.id, person, day, &file)
            .await?;
    }
    let to = if own {
        "/me/training?done=recorded".to_string()
    } else {
        format!("/people/{person}/training?done=recorded")
    };
    Ok(Redirect::to(&to).into_response())
}

/// A certificate kept with one of `person`'s completions, for whoever may see their training,
/// as a download (never shown in the page, whatever it holds).
pub async fn evidence(
    signed_in: SignedIn,
    State(state): State<AppState>,
    Path((person, completion)): Path<(PersonId, i64)>,
) -> AppResult<Response> {
    let user: SessionRecord = (*signed_in).clone();
    may_see(&state, &user, person).await?;
    let file = state
        .store
        .evidence_file(user.organisation_id, person, completion)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, file.content_type),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", file.file_name),
            ),
            (
                axum::http::header::CACHE_CONTROL,
                "private, no-store".into(),
            ),
        ],
        file.bytes,
    )
        .into_response())
}

// ---- Adding a requirement ----------------------------------------------------------------------

/// The requirement form, as typed: its checkboxes are named `family-{family}` and `site-{id}`.
type RequirementForm = std::collections::HashMap<String, String>;

pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "requirement_form.html")]
pub struct RequirementPage {
    page: Page,
    /// The module being changed, and its code (which does not change).
    editing: Option<(RequirementId, String)>,
    form: RequirementForm,
    errors: FormErrors,
    activities: Vec<Choice>,
    families: Vec<Choice>,
    sites: Vec<Choice>,
}

impl RequirementPage {
    fn value(&self, name: &str) -> String {
        self.form.get(name).cloned().unwrap_or_default()
    }

    fn is(&self, name: &str, value: &str) -> bool {
        self.form.get(name).is_some_and(|v| v == value)
    }
}

async fn requirement_page(
    state: &AppState,
    ctx: &Ctx,
    org: skillgym_domain::OrganisationId,
    form: RequirementForm,
    errors: FormErrors,
    editing: Option<(RequirementId, String)>,
) -> AppResult<Response> {
    let lang = ctx.tr.lang().code();
    let checked = |name: String| form.contains_key(&name);
    let activities = state
        .store
        .catalogue(org)
        .await?
        .into_iter()
        .map(|a| Choice {
            value: a.id.to_string(),
            label: format!("{} ({})", a.activity.title.show(lang).text, a.activity.code),
            checked: false,
        })
        .collect();
    let families = JobFamily::ALL
        .iter()
        .map(|f| Choice {
            value: f.as_str().to_string(),
            label: ctx.tr.t(&format!("job-family-{}", f.as_str())),
            checked: checked(format!("family-{}", f.as_str())),
        })
        .collect();
    let sites = state
        .store
        .sites(org)
        .await?
        .into_iter()
        .map(|s| Choice {
            value: s.id.to_string(),
            label: s.name.to_string(),
            checked: checked(format!("site-{}", s.id)),
        })
        .collect();
    let failed = !errors.is_empty();
    let mut response = RequirementPage {
        page: ctx.page(if editing.is_some() {
            "training-edit-title"
        } else {
            "training-new-title"
        }),
        form,
        errors,
        editing,
        activities,
        families,
        sites,
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn new_requirement(
    admin: crate::access::Admin,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let form = RequirementForm::from([
        ("window".to_string(), "30".to_string()),
        ("grace".to_string(), "28".to_string()),
        ("every".to_string(), "12".to_string()),
        ("starts_on".to_string(), format_date(today())),
        ("employment".to_string(), "any".to_string()),
    ]);
    requirement_page(
        &state,
        &ctx,
        admin.organisation_id,
        form,
        FormErrors::default(),
        None,
    )
    .await
}

/// A whole number of days or months from `raw`, within `0..=most`.
fn whole(raw: &str, most: u32) -> Option<u32> {
    raw.trim().parse::<u32>().ok().filter(|n| *n <= most)
}

/// Reads the requirement form's terms (all but the code), adding each problem to `errors`:
/// `None` when any is wrong.
async fn read_requirement(
    state: &AppState,
    org: skillgym_domain::OrganisationId,
    form: &RequirementForm,
    errors: &mut FormErrors,
    code: Option<String>,
) -> AppResult<Option<skillgym_store::NewRequirement>> {
    use skillgym_domain::training::{
        Audience, MAX_ALLOWANCE_DAYS, MAX_PERIOD_MONTHS, MAX_TITLE_LEN, Renewal,
    };
    let field = |name: &str| form.get(name).map(|v| v.trim()).unwrap_or_default();
    let title = field("title");
    if title.is_empty() || title.chars().count() > MAX_TITLE_LEN {
        errors.add("title", "training-title-invalid");
    }
    let title_cy = field("title_cy");
    if title_cy.chars().count() > MAX_TITLE_LEN {
        errors.add("title_cy", "training-title-invalid");
    }
    let catalogue = state.store.catalogue(org).await?;
    let activity = match field("activity") {
        "" => None,
        raw => match catalogue.iter().find(|a| a.id.to_string() == raw) {
            Some(a) => Some(a.id),
            None => {
                errors.add("activity", "training-activity-missing");
                None
            }
        },
    };
    let url = errors
        .check(
            "url",
            skillgym_domain::training::parse_evidence(field("url")),
        )
        .flatten();
    let months = match field("every") {
        "" => Some(None),
        raw => whole(raw, MAX_PERIOD_MONTHS).filter(|m| *m > 0).map(Some),
    };
    if months.is_none() {
        errors.add("every", "training-period-invalid");
    }
    let window = whole(field("window"), MAX_ALLOWANCE_DAYS);
    if window.is_none() {
        errors.add("window", "training-window-invalid");
    }
    let grace = whole(field("grace"), MAX_ALLOWANCE_DAYS);
    if grace.is_none() {
        errors.add("grace", "training-grace-invalid");
    }
    let renewal = match (months, window, grace) {
        (Some(m), Some(w), Some(g)) => errors.check("window", Renewal::new(m, w, g)),
        _ => None,
    };
    let starts_on = parse_date(field("starts_on")).ok();
    if starts_on.is_none() {
        errors.add("starts_on", "training-starts-invalid");
    }
    let employment = match field("employment") {
        "employee" => Some(skillgym_domain::Employment::Employee),
        "volunteer" => Some(skillgym_domain::Employment::Volunteer),
        _ => None,
    };
    let sites: Vec<SiteId> = state
        .store
        .sites(org)
        .await?
        .into_iter()
        .filter(|s| form.contains_key(&format!("site-{}", s.id)))
        .map(|s| s.id)
        .collect();
    let audience = Audience {
        employment,
        job_families: JobFamily::ALL
            .into_iter()
            .filter(|f| form.contains_key(&format!("family-{}", f.as_str())))
            .collect(),
        job_roles: field("job_roles")
            .split([',', '\n'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect(),
        sites,
    };
    let (Some(code), Some(renewal), Some(starts_on)) = (code, renewal, starts_on) else {
        return Ok(None);
    };
    if !errors.is_empty() {
        return Ok(None);
    }
    Ok(Some(skillgym_store::NewRequirement {
        code,
        title: skillgym_domain::audit::Localised::new(title, Some(title_cy.to_string())),
        activity,
        url,
        renewal,
        audience,
        starts_on,
    }))
}

pub async fn create_requirement(
    admin: crate::access::Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<RequirementForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let mut errors = FormErrors::default();
    let code = errors.check(
        "code",
        skillgym_domain::training::parse_code(form.get("code").map_or("", |c| c.trim())),
    );
    let Some(new) = read_requirement(&state, org, &form, &mut errors, code).await? else {
        return requirement_page(&state, &ctx, org, form, errors, None).await;
    };
    match state
        .store
        .create_requirement(org, &new, Actor::Person(admin.person_id))
        .await
    {
        Ok(_) => Ok(Redirect::to("/training?done=added").into_response()),
        Err(skillgym_store::StoreError::Taken(_)) => {
            errors.add("code", "training-code-taken");
            requirement_page(&state, &ctx, org, form, errors, None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The form as it was filled in to make `req`.
fn form_of(req: &Requirement) -> RequirementForm {
    let mut form = RequirementForm::from([
        ("code".to_string(), req.code.clone()),
        ("title".to_string(), req.title.en.clone()),
        (
            "title_cy".to_string(),
            req.title.cy.clone().unwrap_or_default(),
        ),
        (
            "activity".to_string(),
            req.activity.map(|a| a.to_string()).unwrap_or_default(),
        ),
        ("url".to_string(), req.url.clone().unwrap_or_default()),
        (
            "every".to_string(),
            req.renewal
                .months()
                .map(|m| m.to_string())
                .unwrap_or_default(),
        ),
        ("window".to_string(), req.renewal.window_days().to_string()),
        ("grace".to_string(), req.renewal.grace_days().to_string()),
        ("starts_on".to_string(), format_date(req.starts_on)),
        (
            "employment".to_string(),
            req.audience
                .employment
                .map_or("any", |e| e.as_str())
                .to_string(),
        ),
        ("job_roles".to_string(), req.audience.job_roles.join(", ")),
    ]);
    for f in &req.audience.job_families {
        form.insert(format!("family-{}", f.as_str()), "on".into());
    }
    for s in &req.audience.sites {
        form.insert(format!("site-{s}"), "on".into());
    }
    form
}

/// A module that is still required, for the forms that change or retire it.
async fn current(
    state: &AppState,
    org: skillgym_domain::OrganisationId,
    id: RequirementId,
) -> AppResult<Requirement> {
    let req = state.store.requirement(org, id).await?;
    if req.retired {
        return Err(AppError::NotFound);
    }
    Ok(req)
}

pub async fn edit_requirement(
    admin: crate::access::Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<RequirementId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let req = current(&state, org, id).await?;
    let form = form_of(&req);
    requirement_page(
        &state,
        &ctx,
        org,
        form,
        FormErrors::default(),
        Some((id, req.code)),
    )
    .await
}

pub async fn change_requirement(
    admin: crate::access::Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<RequirementId>,
    CsrfForm(form): CsrfForm<RequirementForm>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let req = current(&state, org, id).await?;
    let mut errors = FormErrors::default();
    let editing = Some((id, req.code.clone()));
    let Some(changed) = read_requirement(&state, org, &form, &mut errors, Some(req.code)).await?
    else {
        return requirement_page(&state, &ctx, org, form, errors, editing).await;
    };
    state
        .store
        .change_requirement(org, id, &changed, Actor::Person(admin.person_id))
        .await?;
    Ok(Redirect::to("/training?done=changed").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "training_retire.html")]
pub struct RetirePage {
    page: Page,
    id: RequirementId,
    code: String,
    title: String,
    lang: &'static str,
}

pub async fn retire_form(
    admin: crate::access::Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<RequirementId>,
) -> AppResult<Response> {
    let req = current(&state, admin.organisation_id, id).await?;
    let title = req.title.show(ctx.tr.lang().code());
    Ok(RetirePage {
        page: ctx.page("training-retire-title"),
        id,
        code: req.code.clone(),
        title: title.text.to_string(),
        lang: title.lang,
    }
    .into_response())
}

pub async fn retire(
    admin: crate::access::Admin,
    State(state): State<AppState>,
    Path(id): Path<RequirementId>,
    CsrfForm(_): CsrfForm<std::collections::HashMap<String, String>>,
) -> AppResult<Response> {
    state
        .store
        .retire_requirement(admin.organisation_id, id, Actor::Person(admin.person_id))
        .await?;
    Ok(Redirect::to("/training?done=retired").into_response())
}

// ---- Importing completions ---------------------------------------------------------------------

const IMPORT: ImportForm = ImportForm {
    title: "training-import-title",
    action: "/training/import",
    field: "completions_file",
    messages: "training-import",
    back: "/training",
    back_says: "training-title",
};

pub async fn import_form(_: crate::access::Admin, ctx: Ctx) -> AppResult<Response> {
    Ok(import_page(&ctx, &IMPORT, Vec::new(), false))
}

/// Imports a completions file, all or nothing, every problem named by line and column.
pub async fn import(
    admin: crate::access::Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: axum::extract::Multipart,
) -> AppResult<Response> {
    use super::framework_files::shown_csv_problems;
    let org = admin.organisation_id;
    let codes: std::collections::HashSet<String> = state
        .store
        .requirements(org)
        .await?
        .into_iter()
        .map(|r| r.code)
        .collect();
    let read = IMPORT.read_upload(&ctx, multipart, |bytes| {
        skillgym_domain::training::file::read(bytes, &|code| codes.contains(code), today())
    });
    let rows = match read.await? {
        Ok(rows) => rows,
        Err(refused) => return Ok(refused),
    };
    match state
        .store
        .import_completions(org, &rows, Actor::Person(admin.person_id))
        .await
    {
        Ok((added, unchanged)) => Ok(Redirect::to(&format!(
            "/training?imported={added}&unchanged={unchanged}"
        ))
        .into_response()),
        Err(skillgym_store::CompletionsRefused::Problems(problems)) => Ok(import_page(
            &ctx,
            &IMPORT,
            shown_csv_problems(problems, &ctx.tr),
            false,
        )),
        Err(skillgym_store::CompletionsRefused::Store(e)) => Err(e.into()),
    }
}
