//! Evaluation: "Tell us how it went" after an activity, the follow-ups some days later (the
//! email's link opens a page for the person signed in, which changes nothing until they
//! answer), the follow-up days an administrator sets, and the report at four levels for
//! trainers and administrators (a manager sees none of it: the groups are activities,
//! providers, formats and trainers, never a team, so there is nothing to narrow to their
//! people without making groups too small to show).

use crate::AppState;
use crate::access::{Admin, Curator, SignedIn};
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
use skillgym_domain::evaluation::{
    Barrier, Feedback, FollowUpAnswer, FollowUpDays, GroupFigures, Grouping, Objectives, Score,
    Takeaways, report,
};
use skillgym_domain::{ActivityId, EvaluationId};
use skillgym_i18n::Tr;
use skillgym_store::{Actor, FollowUp, ToEvaluate};

fn unprocessable(mut response: Response) -> Response {
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    response
}

// ---- Tell us how it went -------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "feedback_list.html")]
pub struct FeedbackList {
    page: Page,
    done: Vec<ToEvaluate>,
    follow_ups: Vec<FollowUp>,
    saved: bool,
}

#[derive(Deserialize)]
pub struct Saved {
    #[serde(default)]
    saved: Option<String>,
}

/// What the person did that they may give feedback on, and the follow-ups waiting for them.
pub async fn list(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(saved): Query<Saved>,
) -> AppResult<Response> {
    let (org, person) = (signed_in.0.organisation_id, signed_in.0.person_id);
    Ok(FeedbackList {
        page: ctx.page("feedback-list-title"),
        done: state.store.to_evaluate(org, person).await?,
        follow_ups: state.store.follow_ups_waiting(org, person).await?,
        saved: saved.saved.is_some(),
    }
    .into_response())
}

#[derive(Deserialize, Default)]
pub struct FeedbackForm {
    #[serde(default)]
    usefulness: String,
    #[serde(default)]
    facilitator: String,
    #[serde(default)]
    objectives: String,
    #[serde(default)]
    takeaway1: String,
    #[serde(default)]
    takeaway2: String,
    #[serde(default)]
    takeaway3: String,
    #[serde(default)]
    more_effective: String,
}

impl FeedbackForm {
    fn parse(&self, has_facilitator: bool, errors: &mut FormErrors) -> Option<Feedback> {
        let usefulness = errors.check(
            "usefulness",
            Score::parse(&self.usefulness, "feedback-usefulness-missing"),
        );
        let facilitator = if has_facilitator {
            errors
                .check(
                    "facilitator",
                    Score::parse(&self.facilitator, "feedback-facilitator-missing"),
                )
                .map(Some)
        } else {
            Some(None)
        };
        let objectives = errors.check("objectives", Objectives::parse(&self.objectives));
        let takeaways = errors.check(
            "takeaway1",
            Takeaways::parse(&[&self.takeaway1, &self.takeaway2, &self.takeaway3]),
        );
        let more_effective = errors.check(
            "more_effective",
            Score::parse(&self.more_effective, "feedback-more-effective-missing"),
        );
        Some(Feedback {
            usefulness: usefulness?,
            facilitator: facilitator?,
            objectives: objectives?,
            takeaways: takeaways?,
            more_effective: more_effective?,
        })
    }

    fn of(feedback: &Feedback) -> Self {
        let t = feedback.takeaways.items();
        let nth = |i: usize| t.get(i).cloned().unwrap_or_default();
        FeedbackForm {
            usefulness: feedback.usefulness.get().to_string(),
            facilitator: feedback
                .facilitator
                .map(|s| s.get().to_string())
                .unwrap_or_default(),
            objectives: feedback.objectives.as_str().into(),
            takeaway1: nth(0),
            takeaway2: nth(1),
            takeaway3: nth(2),
            more_effective: feedback.more_effective.get().to_string(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "feedback_form.html")]
pub struct FeedbackPage {
    page: Page,
    done: ToEvaluate,
    form: FeedbackForm,
    errors: FormErrors,
    /// Feedback was given before: this changes it.
    again: bool,
    scale: [u8; 5],
    objectives: [Objectives; 3],
}

impl FeedbackPage {
    fn chosen(&self, field: &str, value: &u8) -> bool {
        let typed = match field {
            "usefulness" => &self.form.usefulness,
            "facilitator" => &self.form.facilitator,
            _ => &self.form.more_effective,
        };
        *typed == value.to_string()
    }
}

async fn done_activity(
    state: &AppState,
    user: &skillgym_store::SessionRecord,
    activity: ActivityId,
) -> AppResult<ToEvaluate> {
    state
        .store
        .to_evaluate(user.organisation_id, user.person_id)
        .await?
        .into_iter()
        .find(|t| t.activity == activity)
        .ok_or(AppError::NotFound)
}

fn feedback_page(
    ctx: &Ctx,
    done: ToEvaluate,
    form: FeedbackForm,
    errors: FormErrors,
) -> FeedbackPage {
    FeedbackPage {
        page: ctx.page("feedback-title"),
        again: done.evaluation.is_some(),
        done,
        form,
        errors,
        scale: [1, 2, 3, 4, 5],
        objectives: Objectives::ALL,
    }
}

/// The feedback form for an activity the person did (filled in with what they said, if they
/// gave feedback before).
pub async fn form(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(activity): Path<ActivityId>,
) -> AppResult<Response> {
    let user = &signed_in.0;
    let done = done_activity(&state, user, activity).await?;
    let form = state
        .store
        .feedback_of(user.organisation_id, user.person_id, activity)
        .await?
        .map(|f| FeedbackForm::of(&f.feedback))
        .unwrap_or_default();
    Ok(feedback_page(&ctx, done, form, FormErrors::default()).into_response())
}

/// Records the feedback, or changes it: one per person and activity.
pub async fn submit(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(activity): Path<ActivityId>,
    CsrfForm(form): CsrfForm<FeedbackForm>,
) -> AppResult<Response> {
    let user = &signed_in.0;
    let done = done_activity(&state, user, activity).await?;
    let mut errors = FormErrors::default();
    match form.parse(done.facilitator.is_some(), &mut errors) {
        Some(feedback) if errors.is_empty() => {
            state
                .store
                .save_feedback(user.organisation_id, user.person_id, &done, &feedback)
                .await?;
            Ok(Redirect::to("/me/feedback?saved=1").into_response())
        }
        _ => Ok(unprocessable(
            feedback_page(&ctx, done, form, errors).into_response(),
        )),
    }
}

// ---- Follow-ups ----------------------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct FollowUpForm {
    #[serde(default)]
    used: String,
    #[serde(default)]
    barriers: Vec<String>,
    #[serde(default)]
    other: String,
    #[serde(default)]
    effectiveness: String,
    #[serde(default)]
    example: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "follow_up_form.html")]
pub struct FollowUpPage {
    page: Page,
    follow_up: FollowUp,
    form: FollowUpForm,
    errors: FormErrors,
    scale: [u8; 5],
    barriers: [Barrier; 6],
}

impl FollowUpPage {
    fn ticked(&self, barrier: &Barrier) -> bool {
        self.form.barriers.iter().any(|b| b == barrier.as_str())
    }

    fn chosen(&self, value: &u8) -> bool {
        self.form.effectiveness == value.to_string()
    }
}

fn follow_up_page(
    ctx: &Ctx,
    follow_up: FollowUp,
    form: FollowUpForm,
    errors: FormErrors,
) -> FollowUpPage {
    FollowUpPage {
        page: ctx.page("follow-up-title"),
        follow_up,
        form,
        errors,
        scale: [1, 2, 3, 4, 5],
        barriers: Barrier::ALL,
    }
}

/// A follow-up sent to the person signed in, with their answer if they gave one.
pub async fn follow_up_form(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((evaluation, days)): Path<(EvaluationId, u16)>,
) -> AppResult<Response> {
    let user = &signed_in.0;
    let follow_up = state
        .store
        .follow_up(user.organisation_id, user.person_id, evaluation, days)
        .await?;
    let form = match &follow_up.answer {
        Some(a) => FollowUpForm {
            used: if a.used_at_work { "yes" } else { "no" }.into(),
            barriers: a.barriers.iter().map(|b| b.as_str().to_string()).collect(),
            other: a.other.clone().unwrap_or_default(),
            effectiveness: a.effectiveness.get().to_string(),
            example: a.example.clone(),
        },
        None => FollowUpForm::default(),
    };
    Ok(follow_up_page(&ctx, follow_up, form, FormErrors::default()).into_response())
}

/// Records the answer to a follow-up (or changes it).
pub async fn answer_follow_up(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((evaluation, days)): Path<(EvaluationId, u16)>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let user = &signed_in.0;
    let follow_up = state
        .store
        .follow_up(user.organisation_id, user.person_id, evaluation, days)
        .await?;
    let mut form = FollowUpForm::default();
    for (k, v) in fields {
        match k.as_str() {
            "used" => form.used = v,
            "barriers" => form.barriers.push(v),
            "other" => form.other = v,
            "effectiveness" => form.effectiveness = v,
            "example" => form.example = v,
            _ => {}
        }
    }
    let barriers: Vec<&str> = form.barriers.iter().map(String::as_str).collect();
    match FollowUpAnswer::parse(
        &form.used,
        &barriers,
        &form.other,
        &form.effectiveness,
        &form.example,
    ) {
        Ok(answer) => {
            state
                .store
                .answer_follow_up(
                    user.organisation_id,
                    user.person_id,
                    evaluation,
                    days,
                    &answer,
                )
                .await?;
            Ok(Redirect::to("/me/feedback?saved=1").into_response())
        }
        Err(problems) => {
            let mut errors = FormErrors::default();
            for (field, invalid) in problems {
                if !errors.has(field) {
                    errors.add(field, invalid.0);
                }
            }
            Ok(unprocessable(
                follow_up_page(&ctx, follow_up, form, errors).into_response(),
            ))
        }
    }
}

// ---- The follow-up days (administrators) ---------------------------------------------------

#[derive(Deserialize, Default)]
pub struct DaysForm {
    #[serde(default)]
    days: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "follow_up_settings.html")]
pub struct DaysPage {
    page: Page,
    days: String,
    errors: FormErrors,
    saved: bool,
}

pub async fn days_form(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(saved): Query<Saved>,
) -> AppResult<Response> {
    let days = state.store.follow_up_days(admin.0.organisation_id).await?;
    Ok(DaysPage {
        page: ctx.page("follow-up-days-title"),
        days: days
            .days()
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        errors: FormErrors::default(),
        saved: saved.saved.is_some(),
    }
    .into_response())
}

pub async fn save_days(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<DaysForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    if let Some(days) = errors.check("days", FollowUpDays::parse(&form.days)) {
        state
            .store
            .change_follow_up_days(
                admin.0.organisation_id,
                &days,
                Actor::Person(admin.0.person_id),
            )
            .await?;
        return Ok(Redirect::to("/settings/follow-ups?saved=1").into_response());
    }
    Ok(unprocessable(
        DaysPage {
            page: ctx.page("follow-up-days-title"),
            days: form.days,
            errors,
            saved: false,
        }
        .into_response(),
    ))
}

// ---- The report ----------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct ReportQuery {
    #[serde(default)]
    by: Option<String>,
}

/// One row of the report, as both the page and the CSV show it.
pub struct ReportRow {
    pub label: String,
    pub figures: GroupFigures,
}

impl ReportRow {
    /// The row's cells after its label, in the order of [`HEADINGS`]: blank where hidden.
    fn cells(&self, tr: &Tr) -> Vec<String> {
        let f = &self.figures;
        let one = |x: f64| format!("{x:.1}");
        let two = |x: f64| format!("{x:+.2}");
        let pct = |x: f64| format!("{:.0}%", x * 100.0);
        // Under the threshold not even n is shown: the reason says it is fewer than k.
        let mut cells = vec![if f.shown() {
            f.n.to_string()
        } else {
            String::new()
        }];
        match f.reaction.figures() {
            Some(r) => cells.extend([
                one(r.usefulness),
                one(r.more_effective),
                pct(r.met_objectives),
            ]),
            None => cells.extend([String::new(), String::new(), String::new()]),
        }
        let n_of = |n: usize| {
            if f.shown() {
                n.to_string()
            } else {
                String::new()
            }
        };
        cells.push(n_of(f.learning.n()));
        cells.push(f.learning.figures().map(|x| two(*x)).unwrap_or_default());
        cells.push(n_of(f.quiz.n()));
        cells.push(
            f.quiz
                .figures()
                .map(|x| format!("{:+.0}", x * 100.0))
                .unwrap_or_default(),
        );
        cells.push(n_of(f.behaviour.n()));
        match f.behaviour.figures() {
            Some(b) => {
                cells.push(pct(b.used_at_work));
                cells.push(one(b.effectiveness));
                let named: Vec<String> = Barrier::ALL
                    .iter()
                    .zip(b.barriers)
                    .filter(|(_, n)| *n > 0)
                    .map(|(barrier, n)| {
                        format!(
                            "{} {n}",
                            tr.t(&format!("evaluation-barrier-{}", barrier.as_str()))
                        )
                    })
                    .collect();
                cells.push(named.join("; "));
            }
            None => cells.extend([String::new(), String::new(), String::new()]),
        }
        cells.push(match f.results.figures() {
            Some(Some(x)) => two(*x),
            _ => String::new(),
        });
        cells
    }

    /// Why a hidden row or level is hidden.
    fn hidden_reason(&self, tr: &Tr, k: usize) -> Option<String> {
        (!self.figures.shown()).then(|| tr.t1("evaluation-report-hidden", "threshold", k))
    }
}

/// The columns after the group's name.
const HEADINGS: [&str; 14] = [
    "evaluation-report-n",
    "evaluation-report-usefulness",
    "evaluation-report-more-effective",
    "evaluation-report-objectives",
    "evaluation-report-learning-n",
    "evaluation-report-learning",
    "evaluation-report-quiz-n",
    "evaluation-report-quiz",
    "evaluation-report-behaviour-n",
    "evaluation-report-used",
    "evaluation-report-effectiveness",
    "evaluation-report-barriers",
    "evaluation-report-results",
    "evaluation-report-hidden-heading",
];

async fn rows(
    state: &AppState,
    tr: &Tr,
    org: skillgym_domain::OrganisationId,
    grouping: Grouping,
) -> AppResult<(Vec<ReportRow>, usize)> {
    let k = state.store.anonymity_threshold(org).await?;
    let facts = state.store.evaluation_facts(org).await?;
    let audits = state.store.service_audits(org).await?;
    let lang = tr.lang().code();
    let items = facts
        .into_iter()
        .filter_map(|f| {
            let key = match grouping {
                Grouping::Activity => (f.title.show(lang).text.to_string(), f.activity.0),
                Grouping::Provider => (f.provider.clone(), 0),
                Grouping::Format => (tr.t(&format!("activity-kind-{}", f.kind.as_str())), 0),
                Grouping::Trainer => {
                    let (id, name) = f.facilitator.clone()?;
                    (name, id.0)
                }
            };
            Some((key, f.evaluated, f.builds))
        })
        .collect();
    let rows = report(items, &audits, k)
        .into_iter()
        .map(|((label, _), figures)| ReportRow { label, figures })
        .collect();
    Ok((rows, k.get()))
}

fn grouping_of(query: &ReportQuery) -> AppResult<Grouping> {
    match query.by.as_deref() {
        None | Some("") => Ok(Grouping::Activity),
        Some(by) => {
            Grouping::parse(by).map_err(|_| AppError::BadRequest("evaluation-grouping-unknown"))
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "evaluation_report.html")]
pub struct ReportPage {
    page: Page,
    grouping: Grouping,
    groupings: [Grouping; 4],
    rows: Vec<(String, Vec<String>, Option<String>)>,
    headings: Vec<String>,
    threshold: usize,
}

/// The report, for trainers and administrators.
pub async fn report_page(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ReportQuery>,
) -> AppResult<Response> {
    let grouping = grouping_of(&query)?;
    let (rows, k) = rows(&state, &ctx.tr, curator.organisation_id, grouping).await?;
    let shown = rows
        .iter()
        .map(|r| {
            (
                r.label.clone(),
                r.cells(&ctx.tr),
                r.hidden_reason(&ctx.tr, k),
            )
        })
        .collect();
    Ok(ReportPage {
        page: ctx.page("evaluation-report-title"),
        grouping,
        groupings: Grouping::ALL,
        rows: shown,
        headings: HEADINGS[..HEADINGS.len() - 1]
            .iter()
            .map(|h| ctx.tr.t(h))
            .collect(),
        threshold: k,
    }
    .into_response())
}

/// The same table as a CSV file: a hidden group's figures are blank, with the reason.
pub async fn report_csv(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ReportQuery>,
) -> AppResult<Response> {
    let grouping = grouping_of(&query)?;
    let tr = &ctx.tr;
    let (rows, k) = rows(&state, tr, curator.organisation_id, grouping).await?;
    let mut heading = vec![tr.t(&format!("evaluation-by-{}", grouping.as_str()))];
    heading.extend(HEADINGS.iter().map(|h| tr.t(h)));
    let mut lines = vec![heading];
    for r in &rows {
        let mut line = vec![r.label.clone()];
        line.extend(r.cells(tr));
        line.push(r.hidden_reason(tr, k).unwrap_or_default());
        lines.push(line);
    }
    super::analysis::csv_body(lines, &format!("evaluation-by-{}.csv", grouping.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use skillgym_domain::evaluation::Level;

    #[test]
    fn a_hidden_row_shows_no_figure_not_even_its_n() {
        let tr = Tr::new(skillgym_i18n::Lang::En);
        let row = ReportRow {
            label: "x".into(),
            figures: GroupFigures {
                n: 2,
                reaction: Level::TooFew { n: 2 },
                learning: Level::TooFew { n: 0 },
                quiz: Level::TooFew { n: 0 },
                behaviour: Level::TooFew { n: 0 },
                results: Level::TooFew { n: 0 },
            },
        };
        let cells = row.cells(&tr);
        assert_eq!(cells.len(), HEADINGS.len() - 1);
        assert!(cells.iter().all(String::is_empty), "{cells:?}");
        assert!(row.hidden_reason(&tr, 5).is_some());
    }
}
