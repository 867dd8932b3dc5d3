//! People: a person's own details, a manager's people, and the admin's register of everyone.

use super::audit_trail::{by, record};
use crate::AppState;
use crate::access::{Admin, Manager, SignedIn};
use crate::auth;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::leavers::Departure;
use skillgym_domain::people::{format_date, parse_date};
use skillgym_domain::{
    ContractedHours, Email, EmployeeNumber, Employment, JobFamily, JobRole, PersonId, PersonName,
    Role, Roles, SiteId, TeamId,
};
use skillgym_store::{
    AccessChange, Actor, AuditAction, NewAccount, PersonFilter, PersonInput, PersonRecord,
    PersonSummary, SessionRecord, SiteRecord, StoreError, TeamRecord,
};

const PAGE_SIZE: i64 = 50;

#[derive(Template, WebTemplate)]
#[template(path = "person.html")]
pub struct PersonPage {
    page: Page,
    person: PersonRecord,
    /// Admins see and change the person's account.
    admin: bool,
    roles: Vec<(&'static str, bool)>,
    access_link: Option<String>,
    /// The person is the one signed in: they may download their data.
    own: bool,
    departure: Departure,
}

impl PersonPage {
    fn leaving(&self) -> bool {
        matches!(self.departure, Departure::Leaving(_))
    }

    fn has_left(&self) -> bool {
        self.departure.has_left()
    }
}

/// Where `left_on` puts a person today.
fn departure(left_on: Option<time::Date>) -> Departure {
    Departure::on(left_on, time::OffsetDateTime::now_utc().date())
}

/// A person's own details.
pub async fn me(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let user: &SessionRecord = &signed_in;
    let person = state
        .store
        .person(user.organisation_id, user.person_id)
        .await?;
    Ok(PersonPage {
        page: ctx.page("me-title"),
        departure: departure(person.left_on),
        person,
        admin: false,
        roles: Vec::new(),
        access_link: None,
        own: true,
    }
    .into_response())
}

/// One person, for an admin or for someone who manages them.
pub async fn show(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(person): Path<PersonId>,
) -> AppResult<Response> {
    let user: &SessionRecord = &signed_in;
    let admin = user.roles.has(Role::Admin);
    // Someone who may not see a person is told there is no such page, so that ids do not
    // reveal who works where.
    if !admin
        && user.person_id != person
        && !(user.roles.has(Role::Manager) && state.store.manages(user.person_id, person).await?)
    {
        return Err(AppError::NotFound);
    }
    let found = state.store.person(user.organisation_id, person).await?;
    if person != user.person_id {
        record(
            &state,
            user,
            by(user, AuditAction::PersonViewed, Some(person)),
        )
        .await?;
    }
    Ok(person_page(&ctx, found, admin, None))
}

fn person_page(
    ctx: &Ctx,
    person: PersonRecord,
    admin: bool,
    access_link: Option<String>,
) -> Response {
    let held = person.account.map(|(_, r)| r).unwrap_or_default();
    let roles = Role::ALL
        .into_iter()
        .filter(|r| *r != Role::Learner)
        .map(|r| (r.as_str(), held.has(r)))
        .collect();
    let title = person.name();
    let own = ctx
        .session
        .as_ref()
        .is_some_and(|s| s.person_id == person.id);
    let mut page = ctx.page("person-title");
    page.title = title;
    PersonPage {
        page,
        departure: departure(person.left_on),
        person,
        admin,
        roles,
        access_link,
        own,
    }
    .into_response()
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    site: Option<String>,
    #[serde(default)]
    team: Option<String>,
    #[serde(default)]
    family: Option<String>,
    #[serde(default)]
    page: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "people.html")]
pub struct PeoplePage {
    page: Page,
    people: Vec<PersonSummary>,
    total: i64,
    query: String,
    site: Option<SiteId>,
    team: Option<TeamId>,
    family: Option<JobFamily>,
    sites: Vec<SiteRecord>,
    teams: Vec<TeamRecord>,
    families: [JobFamily; 5],
    page_number: i64,
    pages: i64,
    base: &'static str,
    admin: bool,
    /// For a manager: the open and recent audits that asked their people.
    audits: Vec<super::team_audits::TeamCampaignView>,
}

impl PeoplePage {
    /// "Left", or "Leaving on" a day to come, for someone with a "left on" date.
    fn departure_tag(&self, person: &PersonSummary) -> Option<String> {
        match departure(person.left_on) {
            Departure::Current => None,
            Departure::Left(_) => Some(self.page.t("people-left-tag")),
            Departure::Leaving(day) => Some(self.page.t1(
                "people-leaving-tag",
                "date",
                crate::mail::long_date(&self.page.tr, &format_date(day)),
            )),
        }
    }

    /// The link to page `n` of the same list.
    fn page_link(&self, n: &i64) -> String {
        let mut q = vec![("page", n.to_string())];
        if !self.query.is_empty() {
            q.push(("q", self.query.clone()));
        }
        if let Some(s) = self.site {
            q.push(("site", s.to_string()));
        }
        if let Some(t) = self.team {
            q.push(("team", t.to_string()));
        }
        if let Some(f) = self.family {
            q.push(("family", f.as_str().to_string()));
        }
        format!(
            "{}?{}",
            self.base,
            serde_urlencoded::to_string(q).unwrap_or_default()
        )
    }
}

/// Everyone, for admins.
pub async fn list(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let user: &SessionRecord = &admin;
    people_list(
        &state,
        &ctx,
        query,
        user.organisation_id,
        None,
        "/people",
        "people-title",
        Vec::new(),
    )
    .await
}

/// The people a manager manages, directly or through their teams.
pub async fn my_people(
    manager: Manager,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let user: &SessionRecord = &manager;
    let me = Some(user.person_id);
    let audits = super::team_audits::campaigns(&state, &ctx, user).await?;
    people_list(
        &state,
        &ctx,
        query,
        user.organisation_id,
        me,
        "/team",
        "my-people-title",
        audits,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn people_list(
    state: &AppState,
    ctx: &Ctx,
    query: ListQuery,
    org: skillgym_domain::OrganisationId,
    managed_by: Option<PersonId>,
    base: &'static str,
    title: &str,
    audits: Vec<super::team_audits::TeamCampaignView>,
) -> AppResult<Response> {
    let page_number = query.page.unwrap_or(1).max(1);
    let site = query.site.as_deref().and_then(|s| s.parse().ok());
    let team = query.team.as_deref().and_then(|s| s.parse().ok());
    let family = query
        .family
        .as_deref()
        .and_then(|f| JobFamily::parse(f).ok());
    let filter = PersonFilter {
        query: Some(query.q.clone()),
        site,
        team,
        job_family: family,
        employment: None,
        managed_by,
        offset: (page_number - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
        present_on: None,
    };
    let (people, total) = state.store.people(org, &filter).await?;
    Ok(PeoplePage {
        page: ctx.page(title),
        people,
        total,
        query: query.q,
        site,
        team,
        family,
        sites: state.store.sites(org).await?,
        teams: state.store.teams(org).await?,
        families: JobFamily::ALL,
        page_number,
        pages: (total + PAGE_SIZE - 1) / PAGE_SIZE,
        base,
        admin: managed_by.is_none(),
        audits,
    }
    .into_response())
}

/// A person as typed into the form, kept as typed so a form with errors shows it back.
#[derive(Deserialize, Default, Clone)]
pub struct PersonForm {
    #[serde(default)]
    employee_number: String,
    #[serde(default)]
    given_name: String,
    #[serde(default)]
    family_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    employment: String,
    #[serde(default)]
    job_role: String,
    #[serde(default)]
    job_family: String,
    #[serde(default)]
    contracted_hours: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    left_on: String,
    #[serde(default)]
    line_manager: String,
    #[serde(default)]
    team: String,
    #[serde(default)]
    site: Vec<String>,
}

impl PersonForm {
    fn from_record(p: &PersonRecord) -> Self {
        Self {
            employee_number: p.employee_number.to_string(),
            given_name: p.given_name.clone(),
            family_name: p.family_name.clone(),
            email: p.email.clone().unwrap_or_default(),
            employment: p.employment.as_str().into(),
            job_role: p.job_role.clone(),
            job_family: p.job_family.as_str().into(),
            contracted_hours: ContractedHours::from_hours(p.contracted_hours)
                .map(|h| h.to_string())
                .unwrap_or_default(),
            start_date: p.start_date.map(format_date).unwrap_or_default(),
            left_on: p.left_on.map(format_date).unwrap_or_default(),
            line_manager: p
                .line_manager
                .as_ref()
                .map(|m| m.0.to_string())
                .unwrap_or_default(),
            team: p.team.as_ref().map(|t| t.0.to_string()).unwrap_or_default(),
            site: p.sites.iter().map(|(id, _)| id.to_string()).collect(),
        }
    }

    fn parse(&self, errors: &mut FormErrors) -> Option<PersonInput> {
        let employee_number = errors.check(
            "employee_number",
            EmployeeNumber::parse(&self.employee_number),
        );
        let given_name = errors.check("given_name", PersonName::parse(&self.given_name));
        let family_name = errors.check("family_name", PersonName::parse(&self.family_name));
        let email = errors.check("email", optional(&self.email).map(Email::parse).transpose());
        let employment = errors.check("employment", Employment::parse(&self.employment));
        let job_role = errors.check("job_role", JobRole::parse(&self.job_role));
        let job_family = errors.check("job_family", JobFamily::parse(&self.job_family));
        let hours = errors.check(
            "contracted_hours",
            ContractedHours::parse(&self.contracted_hours),
        );
        let start_date = errors.check(
            "start_date",
            optional(&self.start_date).map(parse_date).transpose(),
        );
        let left_on = errors.check(
            "left_on",
            optional(&self.left_on).map(parse_date).transpose(),
        );
        let sites: Vec<SiteId> = self.site.iter().filter_map(|s| s.parse().ok()).collect();
        if sites.is_empty() {
            errors.add("site", "invalid-sites-missing");
        }
        Some(PersonInput {
            employee_number: employee_number?,
            given_name: given_name?,
            family_name: family_name?,
            email: email?,
            employment: employment?,
            job_role: job_role?,
            job_family: job_family?,
            contracted_hours: hours?,
            start_date: start_date?,
            left_on: left_on?,
            line_manager: self.line_manager.parse().ok().map(PersonId),
            team: self.team.parse().ok().map(TeamId),
            sites,
        })
        .filter(|_| errors.is_empty())
    }

    fn has_site(&self, id: &SiteId) -> bool {
        self.site.iter().any(|s| *s == id.to_string())
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "person_form.html")]
pub struct PersonFormPage {
    page: Page,
    form: PersonForm,
    errors: FormErrors,
    action: String,
    sites: Vec<SiteRecord>,
    teams: Vec<TeamRecord>,
    managers: Vec<(PersonId, String)>,
    families: [JobFamily; 5],
    employments: [Employment; 2],
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    title: &str,
    action: String,
    form: PersonForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let org = ctx.user()?.organisation_id;
    let mut response = PersonFormPage {
        page: ctx.page(title),
        form,
        action,
        sites: state.store.sites(org).await?,
        teams: state.store.teams(org).await?,
        managers: state.store.people_names(org).await?,
        families: JobFamily::ALL,
        employments: Employment::ALL,
        errors: errors.clone(),
    }
    .into_response();
    if !errors.is_empty() {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn new_form(_: Admin, State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let form = PersonForm {
        employment: "employee".into(),
        job_family: "frontline".into(),
        ..PersonForm::default()
    };
    form_page(
        &state,
        &ctx,
        "person-new-title",
        "/people/new".into(),
        form,
        FormErrors::default(),
    )
    .await
}

pub async fn create(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let form = person_form(form);
    let mut errors = FormErrors::default();
    if let Some(input) = form.parse(&mut errors) {
        let actor = Actor::Person(ctx.user()?.person_id);
        match state.store.create_person(org, &input, actor).await {
            Ok(id) => {
                return Ok(Redirect::to(&format!("/people/{id}")).into_response());
            }
            Err(StoreError::Taken(what)) => errors.add(taken_field(what), taken_message(what)),
            Err(e) => return Err(e.into()),
        }
    }
    form_page(
        &state,
        &ctx,
        "person-new-title",
        "/people/new".into(),
        form,
        errors,
    )
    .await
}

pub async fn edit_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PersonId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let person = state.store.person(org, id).await?;
    let form = PersonForm::from_record(&person);
    form_page(
        &state,
        &ctx,
        "person-edit-title",
        format!("/people/{id}/edit"),
        form,
        FormErrors::default(),
    )
    .await
}

pub async fn update(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PersonId>,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    state.store.person(org, id).await?;
    let form = person_form(form);
    let mut errors = FormErrors::default();
    if let Some(input) = form.parse(&mut errors) {
        let actor = Actor::Person(ctx.user()?.person_id);
        match state.store.update_person(org, id, &input, actor).await {
            Ok(()) => {
                return Ok(Redirect::to(&format!("/people/{id}")).into_response());
            }
            Err(StoreError::Taken(what)) => errors.add(taken_field(what), taken_message(what)),
            Err(e) => return Err(e.into()),
        }
    }
    form_page(
        &state,
        &ctx,
        "person-edit-title",
        format!("/people/{id}/edit"),
        form,
        errors,
    )
    .await
}

/// Reads the person form's fields; `site` repeats, once per ticked site.
fn person_form(fields: Vec<(String, String)>) -> PersonForm {
    let mut form = PersonForm::default();
    for (key, value) in fields {
        match key.as_str() {
            "employee_number" => form.employee_number = value,
            "given_name" => form.given_name = value,
            "family_name" => form.family_name = value,
            "email" => form.email = value,
            "employment" => form.employment = value,
            "job_role" => form.job_role = value,
            "job_family" => form.job_family = value,
            "contracted_hours" => form.contracted_hours = value,
            "start_date" => form.start_date = value,
            "left_on" => form.left_on = value,
            "line_manager" => form.line_manager = value,
            "team" => form.team = value,
            "site" => form.site.push(value),
            _ => {}
        }
    }
    form
}

fn taken_field(what: &str) -> &'static str {
    match what {
        "email" => "email",
        "line_manager" => "line_manager",
        _ => "employee_number",
    }
}

fn taken_message(what: &str) -> &'static str {
    match what {
        "email" => "person-email-taken",
        "line_manager" => "person-manager-cycle",
        _ => "person-number-taken",
    }
}

/// Gives a person an account or changes its roles; optionally makes a one-time link with
/// which they choose a password.
pub async fn access(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PersonId>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let user: &SessionRecord = &admin;
    let org = user.organisation_id;
    let person = state.store.person(org, id).await?;
    // Their page offers no access to give: their "left on" date must be cleared first.
    if departure(person.left_on).has_left() {
        return Err(AppError::BadRequest("left_on"));
    }
    let roles = Roles::from_iter(
        fields
            .iter()
            .filter(|(k, _)| k == "role")
            .filter_map(|(_, v)| Role::parse(v).ok()),
    );
    // An admin cannot take away their own admin role, so an organisation never loses its last.
    let roles = if person.id == user.person_id {
        roles.with(Role::Admin)
    } else {
        roles
    };
    let wants_link = fields.iter().any(|(k, v)| k == "link" && v == "yes");
    let held: Vec<&str> = roles
        .with(Role::Learner)
        .iter()
        .map(|r| r.as_str())
        .collect();
    let mut event =
        by(user, AuditAction::AccessChanged, Some(person.id)).with("roles", held.join(","));
    if wants_link {
        event = event.with_flag("link");
    }
    let change = match person.account {
        Some((account, _)) => AccessChange::Roles(account, roles),
        None => {
            let email = person
                .email
                .as_deref()
                .and_then(|e| Email::parse(e).ok())
                .ok_or(AppError::BadRequest("email"))?;
            AccessChange::NewAccount(NewAccount {
                person: person.id,
                email,
                password_hash: None,
                roles,
            })
        }
    };
    // Made before the change so that the link, the change and the event are kept together.
    let (link, address) = wants_link
        .then(|| auth::new_access_link(&state.config.public_url))
        .unzip();
    state
        .store
        .change_access(org, change, link.as_ref(), &event)
        .await?;
    let person = state.store.person(org, id).await?;
    Ok(person_page(&ctx, person, true, address))
}

/// A form field left blank means "not given".
fn optional(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}
