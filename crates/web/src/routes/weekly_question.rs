//! The weekly question: anyone asks the digital team (trainers and administrators), with their
//! name or without it; the team answers, rewording the question for the FAQ if it needs it,
//! and tags it with a competence; every answer is in the FAQ, searchable by words and skill.
//! A question waiting for an answer is seen only by the team and the person who asked with
//! their name; a question asked without a name keeps nothing of who asked.

use crate::AppState;
use crate::access::{Curator, SignedIn};
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
use skillgym_domain::weekly_question::{matches_words, parse_answer, parse_question};
use skillgym_domain::{WeeklyQuestionId, uk_time};
use skillgym_store::{NewAnswer, WeeklyQuestion};

/// The day an instant falls on, in the UK, as the reader's language writes it.
fn day(ctx: &Ctx, at: i64) -> String {
    ctx.tr.date(&skillgym_domain::people::format_date(
        uk_time::local(at).date(),
    ))
}

/// A question in a list.
pub struct Listed {
    pub id: WeeklyQuestionId,
    pub title: String,
    pub day: String,
    /// The competence it is about, in the reader's language.
    pub competence: Option<(String, &'static str)>,
    pub answered: bool,
    /// Who asked, for the digital team: `None` when asked without a name.
    pub asker: Option<String>,
}

fn listed(ctx: &Ctx, q: &WeeklyQuestion, competences: &[(String, String, &'static str)]) -> Listed {
    Listed {
        id: q.id,
        title: q.title().to_string(),
        day: day(ctx, q.answered_at.unwrap_or(q.asked_at)),
        competence: competence_title(q.competence.as_deref(), competences),
        answered: q.is_answered(),
        asker: q.asker.clone(),
    }
}

fn competence_title(
    code: Option<&str>,
    competences: &[(String, String, &'static str)],
) -> Option<(String, &'static str)> {
    let code = code?;
    Some(
        competences
            .iter()
            .find(|(c, _, _)| c == code)
            .map(|(_, title, lang)| (title.clone(), *lang))
            .unwrap_or_else(|| (code.to_string(), "en")),
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct Search {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub competence: String,
    /// After asking: `named` or `anonymous`; after removing: `removed`.
    #[serde(default)]
    pub done: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "weekly_questions.html")]
pub struct FaqPage {
    page: Page,
    search: Search,
    searched: bool,
    competences: Vec<(String, String, &'static str)>,
    answered: Vec<Listed>,
    total: usize,
    own: Vec<Listed>,
    /// For the digital team: how many wait for an answer.
    waiting: Option<usize>,
    notice: Option<&'static str>,
}

/// The FAQ: every answer, searched by words and competence, with the reader's own questions
/// and, for the team, how many wait.
pub async fn faq(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(search): Query<Search>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let competences = super::catalogue::competence_titles(&state, &ctx, org).await?;
    let all = state.store.answered_questions(org).await?;
    let total = all.len();
    let competence = search.competence.trim();
    let answered = all
        .iter()
        .filter(|q| competence.is_empty() || q.competence.as_deref() == Some(competence))
        .filter(|q| {
            matches_words(
                &search.q,
                &[q.title(), q.answer.as_deref().unwrap_or_default()],
            )
        })
        .map(|q| listed(&ctx, q, &competences))
        .collect();
    let own = state
        .store
        .questions_asked_by(org, signed_in.person_id)
        .await?
        .iter()
        .map(|q| listed(&ctx, q, &competences))
        .collect();
    let waiting = if Curator::is(&signed_in) {
        Some(state.store.waiting_questions(org).await?.len())
    } else {
        None
    };
    let notice = match search.done.as_str() {
        "named" => Some("questions-asked-named"),
        "anonymous" => Some("questions-asked-anonymous"),
        "removed" => Some("questions-removed"),
        _ => None,
    };
    Ok(FaqPage {
        page: ctx.page("questions-title"),
        searched: !search.q.trim().is_empty() || !competence.is_empty(),
        search,
        competences,
        answered,
        total,
        own,
        waiting,
        notice,
    }
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct AskForm {
    #[serde(default)]
    pub question: String,
    /// `yes` to ask without a name.
    #[serde(default)]
    pub anonymous: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "weekly_question_ask.html")]
pub struct AskPage {
    page: Page,
    form: AskForm,
    errors: FormErrors,
}

pub async fn ask_form(_signed_in: SignedIn, ctx: Ctx) -> AppResult<Response> {
    Ok(AskPage {
        page: ctx.page("questions-ask-title"),
        form: AskForm::default(),
        errors: FormErrors::default(),
    }
    .into_response())
}

/// Keeps the question; without a name, nothing of who asked.
pub async fn ask(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<AskForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let question = errors.check("question", parse_question(&form.question));
    let anonymous = form.anonymous == "yes";
    let Some(question) = question else {
        let mut response = AskPage {
            page: ctx.page("questions-ask-title"),
            form,
            errors,
        }
        .into_response();
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    };
    let asked_by = (!anonymous).then_some(signed_in.person_id);
    state
        .store
        .ask_question(signed_in.organisation_id, asked_by, &question)
        .await?;
    let done = if anonymous { "anonymous" } else { "named" };
    Ok(Redirect::to(&format!("/questions?done={done}")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "weekly_question.html")]
pub struct QuestionPage {
    page: Page,
    question: WeeklyQuestion,
    asked_on: String,
    answered_on: Option<String>,
    competence: Option<(String, &'static str)>,
    team: bool,
    notice: Option<&'static str>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
}

/// One question: an answered one for everyone; one waiting only for the team and whoever
/// asked it with their name.
pub async fn show(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<WeeklyQuestionId>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let question = state.store.weekly_question(org, id).await?;
    let team = Curator::is(&signed_in);
    if !question.is_answered() && !team && question.asked_by != Some(signed_in.person_id) {
        return Err(AppError::NotFound);
    }
    let competences = super::catalogue::competence_titles(&state, &ctx, org).await?;
    let mut page = ctx.page("questions-question-title");
    page.title = question.title().to_string();
    Ok(QuestionPage {
        page,
        asked_on: day(&ctx, question.asked_at),
        answered_on: question.answered_at.map(|at| day(&ctx, at)),
        competence: competence_title(question.competence.as_deref(), &competences),
        question,
        team,
        notice: (done.done == "answered").then_some("questions-answered-notice"),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "weekly_questions_waiting.html")]
pub struct WaitingPage {
    page: Page,
    waiting: Vec<Listed>,
}

/// The questions waiting for the team's answer, the longest waiting first.
pub async fn waiting(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let competences = super::catalogue::competence_titles(&state, &ctx, org).await?;
    let waiting = state
        .store
        .waiting_questions(org)
        .await?
        .iter()
        .map(|q| listed(&ctx, q, &competences))
        .collect();
    Ok(WaitingPage {
        page: ctx.page("questions-waiting-title"),
        waiting,
    }
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    pub wording: String,
    #[serde(default)]
    pub answer: String,
    #[serde(default)]
    pub competence: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "weekly_question_answer.html")]
pub struct AnswerPage {
    page: Page,
    question: WeeklyQuestion,
    asked_on: String,
    competences: Vec<(String, String, &'static str)>,
    form: AnswerForm,
    errors: FormErrors,
}

async fn answer_page(
    state: &AppState,
    ctx: &Ctx,
    curator: &Curator,
    id: WeeklyQuestionId,
    form: Option<AnswerForm>,
    errors: FormErrors,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let question = state.store.weekly_question(org, id).await?;
    let competences = super::catalogue::competence_titles(state, ctx, org).await?;
    let form = form.unwrap_or_else(|| AnswerForm {
        wording: question.title().to_string(),
        answer: question.answer.clone().unwrap_or_default(),
        competence: question.competence.clone().unwrap_or_default(),
    });
    let failed = !errors.is_empty();
    let mut response = AnswerPage {
        page: ctx.page(if question.is_answered() {
            "questions-change-answer-title"
        } else {
            "questions-answer-title"
        }),
        asked_on: day(ctx, question.asked_at),
        question,
        competences,
        form,
        errors,
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn answer_form(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<WeeklyQuestionId>,
) -> AppResult<Response> {
    answer_page(&state, &ctx, &curator, id, None, FormErrors::default()).await
}

/// The team answers (or changes the answer): the question's wording, the answer, and the
/// competence it is about, from the organisation's frameworks.
pub async fn answer(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<WeeklyQuestionId>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let question = state.store.weekly_question(org, id).await?;
    let mut errors = FormErrors::default();
    let wording = errors.check("wording", parse_question(&form.wording));
    let text = errors.check("answer", parse_answer(&form.answer));
    let code = form.competence.trim();
    let competence = if code.is_empty() {
        None
    } else if super::catalogue::competence_titles(&state, &ctx, org)
        .await?
        .iter()
        .any(|(c, _, _)| c == code)
    {
        Some(code.to_string())
    } else {
        errors.add("competence", "questions-competence-unknown");
        None
    };
    let (Some(wording), Some(text), true) = (wording, text, errors.is_empty()) else {
        return answer_page(&state, &ctx, &curator, id, Some(form), errors).await;
    };
    let answer = NewAnswer {
        wording: (wording != question.question).then_some(wording),
        answer: text,
        competence,
    };
    state
        .store
        .answer_question(org, id, &answer, curator.person_id)
        .await?;
    Ok(Redirect::to(&format!("/questions/{id}?done=answered")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "weekly_question_remove.html")]
pub struct RemovePage {
    page: Page,
    question: WeeklyQuestion,
}

pub async fn remove_form(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<WeeklyQuestionId>,
) -> AppResult<Response> {
    let question = state
        .store
        .weekly_question(curator.organisation_id, id)
        .await?;
    Ok(RemovePage {
        page: ctx.page("questions-remove-title"),
        question,
    }
    .into_response())
}

/// Removes a question that should not be answered, or should leave the FAQ.
pub async fn remove(
    curator: Curator,
    State(state): State<AppState>,
    Path(id): Path<WeeklyQuestionId>,
    CsrfForm(_): CsrfForm<std::collections::HashMap<String, String>>,
) -> AppResult<Response> {
    state
        .store
        .remove_question(curator.organisation_id, id, curator.person_id)
        .await?;
    Ok(Redirect::to("/questions?done=removed").into_response())
}

/// Answered questions about any of `codes` (competences), the latest first, at most `most`:
/// for the pages of activities and plans that build them.
pub(crate) async fn answered_about(
    state: &AppState,
    org: skillgym_domain::OrganisationId,
    codes: &[String],
    most: usize,
) -> AppResult<Vec<(WeeklyQuestionId, String)>> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    Ok(state
        .store
        .answered_questions(org)
        .await?
        .into_iter()
        .filter(|q| q.competence.as_ref().is_some_and(|c| codes.contains(c)))
        .take(most)
        .map(|q| (q.id, q.title().to_string()))
        .collect())
}
