//! Clubs' weekly assignments: trainers and administrators set them on the club's page; the
//! club's cohort (whoever has a place on one of its sessions) read them and hand in a
//! submission, text and a link if they like; trainers and administrators write feedback on each.
//! Nobody outside the cohort sees an assignment or what was handed in.

use crate::AppState;
use crate::access::{Curator, SignedIn};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::people::{format_date, parse_date};
use skillgym_domain::{ActivityId, AssignmentId, PersonId};
use skillgym_store::{Assignment, NewAssignment, SessionRecord, StoreError, Submission};

/// The longest title, and the longest brief, submission or feedback, in characters.
const MOST_TITLE: usize = 200;
const MOST_TEXT: usize = 4000;

/// A text field: trimmed, required, at most `most` characters.
fn text(errors: &mut FormErrors, field: &'static str, value: &str, most: usize) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.add(field, "club-field-missing");
    } else if value.chars().count() > most {
        errors.add(field, "club-field-too-long");
    }
    value.to_string()
}

/// The assignment form as typed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct AssignmentForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub brief: String,
    #[serde(default)]
    pub due: String,
}

impl AssignmentForm {
    fn read(&self) -> Result<NewAssignment, FormErrors> {
        let mut errors = FormErrors::default();
        let title = text(&mut errors, "title", &self.title, MOST_TITLE);
        let brief = text(&mut errors, "brief", &self.brief, MOST_TEXT);
        let due_on = parse_date(&self.due).ok();
        if due_on.is_none() {
            errors.add("due", "club-due-invalid");
        }
        match due_on {
            Some(due_on) if errors.is_empty() => Ok(NewAssignment {
                title,
                brief,
                due_on,
            }),
            _ => Err(errors),
        }
    }
}

/// The club part of a club's activity page.
pub struct ClubView {
    pub assignments: Vec<(AssignmentId, String, String)>,
    /// The reader is in the cohort, or sets the assignments.
    pub may_open: bool,
    pub curator: bool,
    pub form: AssignmentForm,
}

/// The club section for `activity`'s page, or `None` when it is not a club.
pub(crate) async fn club_view(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    activity: ActivityId,
    form: AssignmentForm,
) -> AppResult<ClubView> {
    let org = user.organisation_id;
    let curator = Curator::is(user);
    Ok(ClubView {
        assignments: state
            .store
            .assignments_of(org, activity)
            .await?
            .into_iter()
            .map(|a| (a.id, a.title, ctx.tr.date(&format_date(a.due_on))))
            .collect(),
        may_open: curator || state.store.in_cohort(activity, user.person_id).await?,
        curator,
        form,
    })
}

/// Sets an assignment for the club.
pub async fn set(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(activity): Path<ActivityId>,
    request: Request,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    state.store.activity(org, activity).await?;
    let CsrfForm(form) = CsrfForm::<AssignmentForm>::from_request(request, &state).await?;
    match form.read() {
        Ok(new) => {
            let id = state
                .store
                .set_assignment(org, activity, &new, curator.person_id)
                .await?;
            Ok(Redirect::to(&format!("/learning/assignments/{id}")).into_response())
        }
        Err(errors) => {
            super::catalogue::activity_page_with(&state, &ctx, &curator, activity, errors, form)
                .await
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "assignment.html")]
pub struct AssignmentPage {
    page: Page,
    assignment: Assignment,
    due: String,
    club: (String, &'static str),
    curator: bool,
    /// The reader's own submission, for a member.
    own: Option<Submission>,
    member: bool,
    /// Everyone's, for a trainer or administrator: each member of the cohort and what they
    /// handed in.
    everyone: Vec<(PersonId, String, Option<Submission>)>,
    form: SubmissionForm,
    errors: FormErrors,
    notice: Option<&'static str>,
}

impl AssignmentPage {
    /// A member hands in, or changes what they handed in, until it has feedback.
    fn may_hand_in(&self) -> bool {
        self.own.as_ref().is_none_or(|s| s.feedback.is_none())
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct SubmissionForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    link: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct Notice {
    done: Option<String>,
}

async fn assignment_page(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    id: AssignmentId,
    form: Option<SubmissionForm>,
    errors: FormErrors,
    notice: Option<&'static str>,
) -> AppResult<Response> {
    let org = user.organisation_id;
    let assignment = state.store.assignment(org, id).await?;
    let curator = Curator::is(user);
    let member = state
        .store
        .in_cohort(assignment.activity, user.person_id)
        .await?;
    // Outside the cohort, an assignment is not there to see.
    if !curator && !member {
        return Err(AppError::NotFound);
    }
    let club = state.store.activity(org, assignment.activity).await?;
    let title = club.activity.title.show(ctx.tr.lang().code());
    let own = state.store.submission_of(id, user.person_id).await?;
    let everyone = if curator {
        let handed_in = state.store.submissions(org, id).await?;
        state
            .store
            .cohort(org, assignment.activity)
            .await?
            .into_iter()
            .map(|(p, name)| {
                let s = handed_in.iter().find(|s| s.person == p).cloned();
                (p, name, s)
            })
            .collect()
    } else {
        Vec::new()
    };
    let form = form.unwrap_or_else(|| SubmissionForm {
        body: own.as_ref().map(|s| s.body.clone()).unwrap_or_default(),
        link: own
            .as_ref()
            .and_then(|s| s.link.clone())
            .unwrap_or_default(),
    });
    let failed = !errors.is_empty();
    let mut page = ctx.page("club-assignment-title");
    page.title = assignment.title.clone();
    let mut response = AssignmentPage {
        page,
        due: ctx.tr.date(&format_date(assignment.due_on)),
        assignment,
        club: (title.text.to_string(), title.lang),
        curator,
        own,
        member,
        everyone,
        form,
        errors,
        notice,
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn show(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<AssignmentId>,
    axum::extract::Query(query): axum::extract::Query<Notice>,
) -> AppResult<Response> {
    let notice = match query.done.as_deref() {
        Some("handed-in") => Some("club-notice-handed-in"),
        Some("feedback") => Some("club-notice-feedback"),
        _ => None,
    };
    assignment_page(
        &state,
        &ctx,
        &signed_in,
        id,
        None,
        FormErrors::default(),
        notice,
    )
    .await
}

/// A member hands in (or changes) their submission.
pub async fn submit(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<AssignmentId>,
    CsrfForm(form): CsrfForm<SubmissionForm>,
) -> AppResult<Response> {
    let user: &SessionRecord = &signed_in;
    let org = user.organisation_id;
    let assignment = state.store.assignment(org, id).await?;
    if !state
        .store
        .in_cohort(assignment.activity, user.person_id)
        .await?
    {
        return Err(AppError::NotFound);
    }
    let mut errors = FormErrors::default();
    let body = text(&mut errors, "body", &form.body, MOST_TEXT);
    let link = errors.check("link", skillgym_domain::learning::parse_url(&form.link));
    if !errors.is_empty() {
        return assignment_page(&state, &ctx, user, id, Some(form), errors, None).await;
    }
    match state
        .store
        .submit(org, id, user.person_id, &body, link.flatten().as_deref())
        .await
    {
        Ok(()) => {}
        Err(StoreError::Taken(_)) => {
            errors.add("body", "club-submission-has-feedback");
            return assignment_page(&state, &ctx, user, id, Some(form), errors, None).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Redirect::to(&format!("/learning/assignments/{id}?done=handed-in")).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct FeedbackForm {
    #[serde(default)]
    person: String,
    #[serde(default)]
    feedback: String,
}

/// A trainer or administrator writes feedback on a member's submission.
pub async fn feedback(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<AssignmentId>,
    request: Request,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    state.store.assignment(org, id).await?;
    let CsrfForm(form) = CsrfForm::<FeedbackForm>::from_request(request, &state).await?;
    let mut errors = FormErrors::default();
    let person = form.person.parse::<i64>().ok().map(PersonId);
    let field = format!("feedback-{}", form.person);
    let feedback = form.feedback.trim();
    if feedback.is_empty() {
        errors.add(field.clone(), "club-field-missing");
    } else if feedback.chars().count() > MOST_TEXT {
        errors.add(field.clone(), "club-field-too-long");
    }
    let given = match (person, errors.is_empty()) {
        (Some(p), true) => state
            .store
            .give_feedback(org, id, p, feedback, curator.person_id)
            .await
            .map(|_| true)
            .or_else(|e| match e {
                StoreError::NotFound => Ok(false),
                e => Err(e),
            })?,
        _ => false,
    };
    if !given {
        if errors.is_empty() {
            errors.add("feedback", "club-feedback-nobody");
        }
        return assignment_page(&state, &ctx, &curator, id, None, errors, None).await;
    }
    Ok(Redirect::to(&format!("/learning/assignments/{id}?done=feedback")).into_response())
}
