//! Sessions of the catalogue's scheduled activities: a person books a place or joins the
//! waiting list from the activity's page, sessions at their own sites first, then online, then
//! the nearest; trainers and administrators schedule sessions and mark who came.

use crate::AppState;
use crate::access::{Curator, SignedIn};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, Empty, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::learning::{Booking, Nearness};
use skillgym_domain::{ActivityId, Invalid, OrganisationId, PersonId, SessionId, SiteId, uk_time};
use skillgym_i18n::Tr;
use skillgym_store::{ActivitySession, NewSession, SessionRecord};

/// The most places a session may have.
const MOST_PLACES: u32 = 1000;

/// A session as the activity's page shows it to one person.
pub struct ShownSession {
    pub id: SessionId,
    pub when: String,
    /// The site's name, or `None` online.
    pub place: Option<String>,
    pub own_site: bool,
    pub places_left: u32,
    pub capacity: u32,
    pub waiting: u32,
    pub booking: Option<Booking>,
}

/// "Tuesday 8 December 2026, 10:00 to 11:30", in the UK's clock and the reader's language.
pub fn when(tr: &Tr, starts_at: i64, ends_at: i64) -> String {
    let (from, to) = (uk_time::local(starts_at), uk_time::local(ends_at));
    let clock = |t: time::PrimitiveDateTime| format!("{:02}:{:02}", t.hour(), t.minute());
    tr.args(
        "session-when",
        [
            (
                "date",
                tr.date(&skillgym_domain::people::format_date(from.date()))
                    .into(),
            ),
            ("from", clock(from).into()),
            ("to", clock(to).into()),
        ],
    )
}

/// The activity's sessions still to come, nearest to `person` first (their own sites, then
/// online, then by distance), then soonest.
pub async fn for_person(
    state: &AppState,
    tr: &Tr,
    org: OrganisationId,
    person: PersonId,
    activity: ActivityId,
) -> AppResult<Vec<ShownSession>> {
    let sessions = state
        .store
        .sessions_of(org, activity, skillgym_store::now())
        .await?;
    if sessions.is_empty() {
        return Ok(Vec::new());
    }
    let own_ids = state.store.person(org, person).await?.sites;
    let sites = state.store.sites(org).await?;
    let own: Vec<(SiteId, Option<(f64, f64)>)> = own_ids
        .iter()
        .map(|(id, _)| {
            let at = sites
                .iter()
                .find(|s| s.id == *id)
                .and_then(|s| Some((s.location.latitude?, s.location.longitude?)));
            (*id, at)
        })
        .collect();
    let mut ranked: Vec<(Nearness, &ActivitySession)> = sessions
        .iter()
        .map(|s| {
            let venue = s.site.as_ref().map(|site| (site.id, site.at));
            (Nearness::of(venue, &own), s)
        })
        .collect();
    ranked.sort_by(|(a, x), (b, y)| {
        let (a, b) = (a.rank(), b.rank());
        a.0.cmp(&b.0)
            .then(a.1.total_cmp(&b.1))
            .then(x.starts_at.cmp(&y.starts_at))
    });
    let mut shown = Vec::new();
    for (nearness, s) in ranked {
        shown.push(ShownSession {
            id: s.id,
            when: when(tr, s.starts_at, s.ends_at),
            place: s.site.as_ref().map(|site| site.name.clone()),
            own_site: nearness == Nearness::OwnSite,
            places_left: s.capacity.saturating_sub(s.booked),
            capacity: s.capacity,
            waiting: s.waiting,
            booking: state.store.booking_of(s.id, person).await?,
        });
    }
    Ok(shown)
}

/// Books a place, or a place on the waiting list when none is free.
pub async fn book(
    signed_in: SignedIn,
    State(state): State<AppState>,
    Path(id): Path<SessionId>,
    CsrfForm(Empty {}): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user: &SessionRecord = &signed_in;
    let session = state.store.session_of(user.organisation_id, id).await?;
    let booking = state
        .store
        .book_session(user.organisation_id, id, user.person_id)
        .await?;
    let notice = match booking {
        Booking::Booked => "booked",
        _ => "waiting",
    };
    Ok(Redirect::to(&format!(
        "/learning/{}?session={notice}#sessions",
        session.activity
    ))
    .into_response())
}

/// Gives up a place (it goes to whoever has waited longest) or leaves the waiting list.
pub async fn cancel(
    signed_in: SignedIn,
    State(state): State<AppState>,
    Path(id): Path<SessionId>,
    CsrfForm(Empty {}): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user: &SessionRecord = &signed_in;
    let session = state.store.session_of(user.organisation_id, id).await?;
    state
        .store
        .cancel_booking(user.organisation_id, id, user.person_id)
        .await?;
    Ok(Redirect::to(&format!(
        "/learning/{}?session=cancelled#sessions",
        session.activity
    ))
    .into_response())
}

// ---- Scheduling ----------------------------------------------------------------------------

#[derive(Debug, Default, Clone, Deserialize)]
pub struct SessionForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    capacity: String,
    /// Who runs it (a person's id), or empty for nobody in particular.
    #[serde(default)]
    facilitator: String,
}

impl SessionForm {
    fn read(&self, sites: &[SiteId]) -> Result<NewSession, FormErrors> {
        let mut errors = FormErrors::default();
        let at = |clock: &str| uk_time::parse_local(&self.date, clock).and_then(uk_time::instant);
        let date_ok = skillgym_domain::people::parse_date(&self.date).is_ok();
        if !date_ok {
            errors.add("date", "session-date-invalid");
        }
        let starts = if date_ok {
            errors.check("starts", at(&self.starts))
        } else {
            None
        };
        let ends = if date_ok {
            errors.check("ends", at(&self.ends))
        } else {
            None
        };
        if let (Some(s), Some(e)) = (starts, ends)
            && e <= s
        {
            errors.add("ends", "session-ends-before");
        }
        if starts.is_some_and(|s| s <= skillgym_store::now()) {
            errors.add("date", "session-in-the-past");
        }
        let site = match self.place.as_str() {
            "online" => Ok(None),
            other => other
                .parse::<i64>()
                .ok()
                .map(SiteId)
                .filter(|s| sites.contains(s))
                .map(Some)
                .ok_or(Invalid("session-place-missing")),
        };
        let site = errors.check("place", site);
        let capacity = errors.check(
            "capacity",
            self.capacity
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|c| (1..=MOST_PLACES).contains(c))
                .ok_or(Invalid("session-capacity-invalid")),
        );
        match (starts, ends, site, capacity) {
            (Some(starts_at), Some(ends_at), Some(site), Some(capacity)) if errors.is_empty() => {
                Ok(NewSession {
                    starts_at,
                    ends_at,
                    site,
                    capacity,
                })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "session_form.html")]
pub struct SessionFormPage {
    page: Page,
    activity: ActivityId,
    activity_title: (String, &'static str),
    form: SessionForm,
    sites: Vec<(SiteId, String)>,
    facilitators: Vec<(PersonId, String)>,
    errors: FormErrors,
}

impl SessionFormPage {
    fn place_is(&self, id: &SiteId) -> bool {
        self.form.place == id.to_string()
    }

    fn facilitator_is(&self, id: &PersonId) -> bool {
        self.form.facilitator == id.to_string()
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    org: OrganisationId,
    activity: ActivityId,
    form: SessionForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let stored = state.store.activity(org, activity).await?;
    let title = stored.activity.title.show(ctx.tr.lang().code());
    let failed = !errors.is_empty();
    let mut response = SessionFormPage {
        page: ctx.page("session-new-title"),
        activity,
        activity_title: (title.text.to_string(), title.lang),
        form,
        sites: state
            .store
            .sites(org)
            .await?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect(),
        facilitators: state.store.facilitators(org).await?,
        errors,
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn new_form(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(activity): Path<ActivityId>,
) -> AppResult<Response> {
    let form = SessionForm {
        starts: "10:00".into(),
        ends: "11:00".into(),
        capacity: "12".into(),
        ..Default::default()
    };
    form_page(
        &state,
        &ctx,
        curator.organisation_id,
        activity,
        form,
        FormErrors::default(),
    )
    .await
}

pub async fn create(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(activity): Path<ActivityId>,
    request: Request,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    state.store.activity(org, activity).await?;
    let CsrfForm(form) = CsrfForm::<SessionForm>::from_request(request, &state).await?;
    let sites: Vec<SiteId> = state
        .store
        .sites(org)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let facilitators = state.store.facilitators(org).await?;
    let facilitator = match form.facilitator.trim() {
        "" => Ok(None),
        id => facilitators
            .iter()
            .find(|(p, _)| p.to_string() == id)
            .map(|(p, _)| Some(*p))
            .ok_or("session-facilitator-invalid"),
    };
    match (form.read(&sites), facilitator) {
        (Ok(new), Ok(facilitator)) => {
            let session = state.store.schedule_session(org, activity, &new).await?;
            if facilitator.is_some() {
                state
                    .store
                    .set_session_facilitator(org, session, facilitator)
                    .await?;
            }
            Ok(Redirect::to(&format!("/learning/{activity}#sessions")).into_response())
        }
        (read, facilitator) => {
            let mut errors = read.err().unwrap_or_default();
            if let Err(message) = facilitator {
                errors.add("facilitator", message);
            }
            form_page(&state, &ctx, org, activity, form, errors).await
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "session.html")]
pub struct AttendancePage {
    page: Page,
    id: SessionId,
    activity: ActivityId,
    when: String,
    place: Option<String>,
    capacity: u32,
    booked: Vec<skillgym_store::Booked>,
    waiting: Vec<skillgym_store::Booked>,
    facilitators: Vec<(PersonId, String)>,
    facilitator: Option<PersonId>,
    notice: Option<&'static str>,
}

impl AttendancePage {
    fn facilitator_is(&self, id: &PersonId) -> bool {
        self.facilitator == Some(*id)
    }
}

/// The session's bookings and waiting list, for marking who came.
#[derive(Debug, Default, Deserialize)]
pub struct AttendanceNotice {
    #[serde(default)]
    done: String,
}

pub async fn attendance_page(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SessionId>,
    Query(notice): Query<AttendanceNotice>,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let session = state.store.session_of(org, id).await?;
    let all = state.store.bookings(org, id).await?;
    let (booked, rest): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|b| b.status == Booking::Booked);
    Ok(AttendancePage {
        page: ctx.page("session-title"),
        id,
        activity: session.activity,
        when: when(&ctx.tr, session.starts_at, session.ends_at),
        place: session.site.map(|site| site.name),
        capacity: session.capacity,
        booked,
        waiting: rest
            .into_iter()
            .filter(|b| matches!(b.status, Booking::Waiting(_)))
            .collect(),
        facilitators: state.store.facilitators(org).await?,
        facilitator: state.store.session_facilitator(org, id).await?,
        notice: (notice.done == "facilitator").then_some("session-facilitator-changed"),
    }
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct FacilitatorForm {
    #[serde(default)]
    facilitator: String,
}

/// Changes who runs the session after it is scheduled: one of the people who may (trainers,
/// champions, administrators), or nobody in particular. Feedback already given moves with it.
pub async fn change_facilitator(
    curator: Curator,
    State(state): State<AppState>,
    Path(id): Path<SessionId>,
    CsrfForm(form): CsrfForm<FacilitatorForm>,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    state.store.session_of(org, id).await?;
    let facilitator = match form.facilitator.trim() {
        "" => None,
        chosen => Some(
            state
                .store
                .facilitators(org)
                .await?
                .into_iter()
                .map(|(p, _)| p)
                .find(|p| p.to_string() == chosen)
                .ok_or(AppError::BadRequest("facilitator"))?,
        ),
    };
    state
        .store
        .set_session_facilitator(org, id, facilitator)
        .await?;
    Ok(Redirect::to(&format!("/learning/sessions/{id}?done=facilitator")).into_response())
}

/// Marks who came: a box ticked for each person booked who did (`came=PERSON` repeated).
pub async fn mark_attendance(
    curator: Curator,
    State(state): State<AppState>,
    Path(id): Path<SessionId>,
    request: Request,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    state.store.session_of(org, id).await?;
    let CsrfForm(fields) = CsrfForm::<Vec<(String, String)>>::from_request(request, &state).await?;
    let came: Vec<i64> = fields
        .iter()
        .filter(|(k, _)| k == "came")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let marks: Vec<(PersonId, bool)> = state
        .store
        .bookings(org, id)
        .await?
        .into_iter()
        .filter(|b| b.status == Booking::Booked)
        .map(|b| (b.person, came.contains(&b.person.0)))
        .collect();
    if marks.is_empty() {
        return Err(AppError::BadRequest("nobody-booked"));
    }
    state.store.mark_attendance(org, id, &marks).await?;
    Ok(Redirect::to(&format!("/learning/sessions/{id}?saved=1")).into_response())
}

// ---- Calendars ------------------------------------------------------------------------------

/// The calendar events of `booked`, in the reader's language, each linking to its activity.
fn events(
    state: &AppState,
    tr: &Tr,
    booked: &[skillgym_store::BookedSession],
) -> Vec<skillgym_domain::icalendar::Event> {
    let lang = tr.lang().code();
    booked
        .iter()
        .map(|b| {
            let s = &b.session;
            skillgym_domain::icalendar::Event {
                uid: format!("session-{}@skillgym", s.id),
                starts_at: s.starts_at,
                ends_at: s.ends_at,
                summary: b.title.show(lang).text.to_string(),
                location: s
                    .site
                    .as_ref()
                    .map_or_else(|| tr.t("session-online"), |site| site.name.clone()),
                description: b.summary.show(lang).text.to_string(),
                url: Some(format!(
                    "{}/learning/{}",
                    state.config.public_url, s.activity
                )),
            }
        })
        .collect()
}

fn ics(body: String, name: &str) -> Response {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// One booked session as an iCalendar file, for the person who has a place on it.
pub async fn session_ics(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<SessionId>,
) -> AppResult<Response> {
    let user: &SessionRecord = &signed_in;
    let booked: Vec<_> = state
        .store
        .booked_sessions(user.organisation_id, user.person_id, 0)
        .await?
        .into_iter()
        .filter(|b| b.session.id == id)
        .collect();
    if booked.is_empty() {
        return Err(AppError::NotFound);
    }
    let name = ctx.tr.t("calendar-name");
    let body = skillgym_domain::icalendar::calendar(
        &name,
        &events(&state, &ctx.tr, &booked),
        skillgym_store::now(),
    );
    Ok(ics(body, &format!("session-{id}.ics")))
}

/// The private feed: every session its owner has a place on, from a month ago on. The address
/// is the secret; it stops working when renewed or when its owner leaves.
pub async fn feed(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let token = token.strip_suffix(".ics").unwrap_or(&token);
    let (org, person) = state
        .store
        .calendar_feed_owner(&crate::auth::token_hash(token))
        .await?
        .ok_or(AppError::NotFound)?;
    let since = skillgym_store::now() - 31 * 86_400;
    let booked = state.store.booked_sessions(org, person, since).await?;
    let name = ctx.tr.t("calendar-name");
    let body = skillgym_domain::icalendar::calendar(
        &name,
        &events(&state, &ctx.tr, &booked),
        skillgym_store::now(),
    );
    Ok(ics(body, "skillgym.ics"))
}

#[derive(Template, WebTemplate)]
#[template(path = "calendar.html")]
pub struct CalendarPage {
    page: Page,
    /// When the person's current feed was made, as a date.
    made: Option<String>,
    /// The new address, shown once: only its hash is kept.
    address: Option<String>,
}

pub async fn calendar_page(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let made = state.store.calendar_feed_made(signed_in.person_id).await?;
    Ok(CalendarPage {
        page: ctx.page("calendar-title"),
        made: made.map(|at| ctx.tr.date(&skillgym_store::iso_time(at))),
        address: None,
    }
    .into_response())
}

/// Makes (or renews) the person's feed and shows its address, this once.
pub async fn renew_calendar(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(Empty {}): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user: &SessionRecord = &signed_in;
    let token = crate::auth::random_token();
    state
        .store
        .renew_calendar_feed(
            user.organisation_id,
            user.person_id,
            &crate::auth::token_hash(&token),
        )
        .await?;
    let mut response = CalendarPage {
        page: ctx.page("calendar-title"),
        made: Some(
            ctx.tr
                .date(&skillgym_store::iso_time(skillgym_store::now())),
        ),
        address: Some(format!("{}/calendar/{token}.ics", state.config.public_url)),
    }
    .into_response();
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
