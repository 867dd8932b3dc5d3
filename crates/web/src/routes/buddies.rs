//! Digital buddies: a volunteer paired with a colleague who helps them with digital things.
//! Supervisors and trainers pair them and end pairings; the pair and the supervisors record
//! their meetings. A pairing is seen by the two people in it and by supervisors and trainers.

use crate::AppState;
use crate::access::{Planner, SignedIn};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, Empty, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::champions::{parse_minutes, parse_note};
use skillgym_domain::people::{format_date, parse_date};
use skillgym_domain::{Employment, Invalid, PairingId, PersonId, Role, uk_time};
use skillgym_store::{Actor, Meeting, Pairing, PersonFilter, StoreError};

fn today() -> time::Date {
    uk_time::local(skillgym_store::now()).date()
}

/// Whether `user` supervises pairings: trainers, managers and administrators.
fn supervises(user: &SignedIn) -> bool {
    [Role::Trainer, Role::Manager, Role::Admin]
        .iter()
        .any(|r| user.roles.has(*r))
}

/// A day in a form: today or before, within the last year.
fn parse_day(raw: &str) -> Result<time::Date, Invalid> {
    let day = parse_date(raw.trim()).map_err(|_| Invalid("help-day-invalid"))?;
    let today = today();
    if day > today {
        Err(Invalid("help-day-future"))
    } else if day < today - time::Duration::days(366) {
        Err(Invalid("help-day-old"))
    } else {
        Ok(day)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "buddies.html")]
pub struct BuddiesPage {
    page: Page,
    supervisor: bool,
    pairings: Vec<Pairing>,
    days: Vec<(String, Option<String>, Option<String>)>,
    notice: Option<&'static str>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
}

/// Every pairing for supervisors; for anyone else, their own.
pub async fn list(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let supervisor = supervises(&signed_in);
    let involving = (!supervisor).then_some(signed_in.person_id);
    let pairings = state
        .store
        .pairings(signed_in.organisation_id, involving)
        .await?;
    let day = |d: time::Date| ctx.tr.date(&format_date(d));
    let days = pairings
        .iter()
        .map(|p| (day(p.started_on), p.ended_on.map(day), p.last_met.map(day)))
        .collect();
    Ok(BuddiesPage {
        page: ctx.page("buddies-title"),
        supervisor,
        pairings,
        days,
        notice: match done.done.as_str() {
            "paired" => Some("buddies-notice-paired"),
            "ended" => Some("buddies-notice-ended"),
            _ => None,
        },
    }
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct PairForm {
    #[serde(default)]
    volunteer: String,
    #[serde(default)]
    buddy: String,
    #[serde(default)]
    started_on: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "buddies_new.html")]
pub struct PairPage {
    page: Page,
    volunteers: Vec<(String, String)>,
    form: PairForm,
    errors: FormErrors,
}

/// How many volunteers the pairing form lists.
const VOLUNTEERS_LISTED: i64 = 500;

async fn pair_page(
    state: &AppState,
    ctx: &Ctx,
    planner: &Planner,
    form: PairForm,
    errors: FormErrors,
) -> AppResult<PairPage> {
    let curator = crate::access::Curator::is(planner);
    let filter = PersonFilter {
        employment: Some(Employment::Volunteer),
        managed_by: (!curator && !planner.roles.has(Role::Admin)).then_some(planner.person_id),
        present_on: Some(today()),
        limit: VOLUNTEERS_LISTED,
        ..PersonFilter::default()
    };
    let (people, _) = state.store.people(planner.organisation_id, &filter).await?;
    Ok(PairPage {
        page: ctx.page("buddies-new-title"),
        volunteers: people
            .into_iter()
            .map(|p| (p.id.0.to_string(), p.name))
            .collect(),
        form,
        errors,
    })
}

pub async fn new_form(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let form = PairForm {
        started_on: format_date(today()),
        ..PairForm::default()
    };
    Ok(
        pair_page(&state, &ctx, &planner, form, FormErrors::default())
            .await?
            .into_response(),
    )
}

pub async fn create(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<PairForm>,
) -> AppResult<Response> {
    let org = planner.organisation_id;
    let mut errors = FormErrors::default();
    let volunteer = form.volunteer.trim().parse::<i64>().ok().map(PersonId);
    // A manager pairs only the volunteers they manage.
    let volunteer = match volunteer {
        Some(v)
            if crate::access::Curator::is(&planner)
                || state.store.manages(planner.person_id, v).await? =>
        {
            Some(v)
        }
        _ => {
            errors.add("volunteer", "buddy-volunteer-invalid");
            None
        }
    };
    let buddy = if form.buddy.trim().is_empty() {
        errors.add("buddy", "buddy-buddy-missing");
        None
    } else {
        let found = state.store.person_by_reference(org, &form.buddy).await?;
        if found.is_none() {
            errors.add("buddy", "buddy-buddy-invalid");
        }
        found
    };
    let started_on = errors.check("started_on", parse_day(&form.started_on));
    if let (Some(volunteer), Some(buddy), Some(started_on), true) =
        (volunteer, buddy, started_on, errors.is_empty())
    {
        match state
            .store
            .pair_buddies(org, volunteer, buddy, started_on, planner.person_id)
            .await
        {
            Ok(_) => return Ok(Redirect::to("/buddies?done=paired").into_response()),
            Err(StoreError::Refused(why)) => {
                let field = if why == "buddy-volunteer-invalid" {
                    "volunteer"
                } else {
                    "buddy"
                };
                errors.add(field, why);
            }
            Err(StoreError::Taken(_)) => errors.add("volunteer", "buddy-taken"),
            Err(e) => return Err(e.into()),
        }
    }
    let mut response = pair_page(&state, &ctx, &planner, form, errors)
        .await?
        .into_response();
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// The pairing, if `signed_in` may see it: one of the two, or a supervisor.
async fn visible(state: &AppState, signed_in: &SignedIn, id: PairingId) -> AppResult<Pairing> {
    let pairing = state.store.pairing(signed_in.organisation_id, id).await?;
    let theirs =
        pairing.volunteer.0 == signed_in.person_id || pairing.buddy.0 == signed_in.person_id;
    if !theirs && !supervises(signed_in) {
        return Err(AppError::NotFound);
    }
    Ok(pairing)
}

#[derive(Debug, Default, Deserialize)]
pub struct MeetingForm {
    #[serde(default)]
    met_on: String,
    #[serde(default)]
    minutes: String,
    #[serde(default)]
    note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "buddy_pairing.html")]
pub struct PairingPage {
    page: Page,
    pairing: Pairing,
    started: String,
    ended: Option<String>,
    meetings: Vec<(String, Meeting)>,
    supervisor: bool,
    form: MeetingForm,
    errors: FormErrors,
    notice: Option<&'static str>,
}

async fn pairing_page(
    state: &AppState,
    ctx: &Ctx,
    signed_in: &SignedIn,
    pairing: Pairing,
    form: MeetingForm,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> AppResult<PairingPage> {
    let day = |d: time::Date| ctx.tr.date(&format_date(d));
    let meetings = state
        .store
        .meetings(signed_in.organisation_id, pairing.id)
        .await?
        .into_iter()
        .map(|m| (day(m.met_on), m))
        .collect();
    Ok(PairingPage {
        page: ctx.page("buddy-pairing-title"),
        started: day(pairing.started_on),
        ended: pairing.ended_on.map(day),
        pairing,
        meetings,
        supervisor: supervises(signed_in),
        form,
        errors,
        notice,
    })
}

pub async fn show(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PairingId>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let pairing = visible(&state, &signed_in, id).await?;
    let form = MeetingForm {
        met_on: format_date(today()),
        ..MeetingForm::default()
    };
    let notice = (done.done == "met").then_some("buddy-meeting-logged");
    Ok(pairing_page(
        &state,
        &ctx,
        &signed_in,
        pairing,
        form,
        FormErrors::default(),
        notice,
    )
    .await?
    .into_response())
}

pub async fn log_meeting(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<PairingId>,
    CsrfForm(form): CsrfForm<MeetingForm>,
) -> AppResult<Response> {
    let pairing = visible(&state, &signed_in, id).await?;
    if pairing.ended_on.is_some() {
        return Err(AppError::NotFound);
    }
    let mut errors = FormErrors::default();
    let met_on = errors.check("met_on", parse_day(&form.met_on));
    let minutes = errors.check("minutes", parse_minutes(&form.minutes));
    let note = errors.check("note", parse_note(&form.note));
    if let (Some(met_on), Some(minutes), Some(note)) = (met_on, minutes, note) {
        state
            .store
            .log_meeting(
                signed_in.organisation_id,
                id,
                met_on,
                minutes,
                &note,
                signed_in.person_id,
            )
            .await?;
        return Ok(Redirect::to(&format!("/buddies/{}?done=met", id.0)).into_response());
    }
    let mut response = pairing_page(&state, &ctx, &signed_in, pairing, form, errors, None)
        .await?
        .into_response();
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// Ends a pairing today: a supervisor.
pub async fn end(
    planner: Planner,
    State(state): State<AppState>,
    Path(id): Path<PairingId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    state
        .store
        .end_pairing(
            planner.organisation_id,
            id,
            today(),
            Actor::Person(planner.person_id),
        )
        .await?;
    Ok(Redirect::to("/buddies?done=ended").into_response())
}
