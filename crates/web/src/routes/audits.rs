//! The respondent's side of an audit: the campaigns open to them, one section per page saved
//! as it is submitted, check your answers, and their own results at once.

use crate::AppState;
use crate::access::{Answering, SignedIn};
use crate::charts::{Kind, Row, RowChart, Scale, Series};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, Empty, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS,
};
use axum::response::{IntoResponse, Redirect, Response};
use skillgym_domain::audit::campaign::split;
use skillgym_domain::audit::results::Answers;
use skillgym_domain::audit::section_form::{Asked, SERVICE_FIELD, read_page};
use skillgym_domain::audit::{
    OptionOrder, PersonResults, QuestionKind, Questionnaire, QuizItem, Rating, Section,
};
use skillgym_domain::services::Confidence;
use skillgym_domain::{
    CampaignId, CompetenceId, QuestionId, QuizItemId, ResponseId, Role, ServiceId,
};
use skillgym_store::{
    Campaign, CampaignSummary, ResponseAnswers, ResponseState, SessionRecord, StoreError,
};
use std::collections::HashMap;

/// Today (UTC): the day campaigns are open on.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

#[derive(Template, WebTemplate)]
#[template(path = "audits.html")]
pub struct AuditsPage {
    page: Page,
    campaigns: Vec<CampaignSummary>,
}

pub async fn list(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let user: &SessionRecord = &signed_in;
    let campaigns = state
        .store
        .campaigns_for(user.organisation_id, user.person_id, today())
        .await?;
    Ok(AuditsPage {
        page: ctx.page("audits-title"),
        campaigns,
    }
    .into_response())
}

/// The campaign, if it is open and asks whoever is answering (its audience, or the public
/// respondent who started it); otherwise there is no such page.
async fn open_campaign(state: &AppState, who: &Answering, id: CampaignId) -> AppResult<Campaign> {
    let campaign = state.store.campaign(who.organisation_id(), id).await?;
    let asked = match who {
        Answering::Person(user) => state.store.in_audience(campaign.id, user.person_id).await?,
        Answering::Public(respondent) => respondent.campaign_id == campaign.id,
    };
    if !campaign.is_open(today()) || !asked {
        return Err(AppError::NotFound);
    }
    Ok(campaign)
}

/// What whoever is answering is asked: through a public link, not the services (see
/// [`Campaign::public_questionnaire`]).
fn questionnaire_for(campaign: &Campaign, who: &Answering) -> Questionnaire {
    match who {
        Answering::Person(_) => campaign.questionnaire(),
        Answering::Public(_) => campaign.public_questionnaire(),
    }
}

/// Whoever is answering's response to `campaign`, if they started one.
async fn response_of(
    state: &AppState,
    who: &Answering,
    campaign: CampaignId,
) -> AppResult<Option<ResponseState>> {
    Ok(match who {
        Answering::Person(user) => state.store.response_of(campaign, user.person_id).await?,
        Answering::Public(respondent) if respondent.campaign_id == campaign => {
            state.store.response_state(respondent.response_id).await?
        }
        Answering::Public(_) => None,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "audit_start.html")]
pub struct StartPage {
    page: Page,
    campaign: Campaign,
    sections: i64,
    minutes: i64,
    response: Option<ResponseState>,
    /// Answering through a public link: their answers have no name, whatever the campaign.
    public: bool,
}

impl StartPage {
    fn done(&self) -> bool {
        self.response.as_ref().is_some_and(|r| r.submitted)
    }
}

pub async fn start_page(
    who: Answering,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
) -> AppResult<Response> {
    let campaign = open_campaign(&state, &who, id).await?;
    let response = response_of(&state, &who, campaign.id).await?;
    let questionnaire = questionnaire_for(&campaign, &who);
    let mut page = ctx.page("audit-start-title");
    page.title = campaign.title.show(page.lang()).text.to_string();
    Ok(StartPage {
        page,
        sections: questionnaire.len() as i64,
        minutes: questionnaire.minutes() as i64,
        campaign,
        response,
        public: matches!(who, Answering::Public(_)),
    }
    .into_response())
}

/// Starts or continues: to the first section not yet saved, or to checking answers.
pub async fn start(
    who: Answering,
    State(state): State<AppState>,
    Path(id): Path<CampaignId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let campaign = open_campaign(&state, &who, id).await?;
    let response = match &who {
        Answering::Person(user) => {
            state
                .store
                .start_response(campaign.id, user.person_id)
                .await?
        }
        // A public respondent's response is made with them.
        Answering::Public(_) => response_of(&state, &who, campaign.id)
            .await?
            .ok_or(AppError::NotFound)?,
    };
    Ok(Redirect::to(&next_page(&campaign, &who, &response)).into_response())
}

fn next_page(campaign: &Campaign, who: &Answering, response: &ResponseState) -> String {
    if response.submitted {
        return format!("/audits/{}/results", campaign.id);
    }
    match questionnaire_for(campaign, who).resume_at(&response.saved) {
        Some(n) => format!("/audits/{}/section/{n}", campaign.id),
        None => format!("/audits/{}/check", campaign.id),
    }
}

/// The response, started and not yet submitted.
async fn response_in_progress(
    state: &AppState,
    who: &Answering,
    campaign: &Campaign,
) -> AppResult<Result<ResponseState, Response>> {
    let response = response_of(state, who, campaign.id).await?;
    Ok(match response {
        None => Err(Redirect::to(&format!("/audits/{}", campaign.id)).into_response()),
        Some(r) if r.submitted => {
            Err(Redirect::to(&format!("/audits/{}/results", campaign.id)).into_response())
        }
        Some(r) => Ok(r),
    })
}

/// One rating question as the page shows it.
pub struct RatingField {
    pub name: String,
    pub title: String,
    pub title_lang: &'static str,
    pub description: String,
    pub chosen: String,
}

/// One service's confidence question as the page shows it.
pub struct ServiceField {
    pub name: String,
    pub title: String,
    pub title_lang: &'static str,
    pub chosen: String,
}

/// One profile question as the page shows it.
pub struct QuestionField {
    pub name: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub prompt_lang: &'static str,
    pub hint: String,
    /// Whether the page adds "Choose all that apply." (not when the hint already says so).
    pub choose_all: bool,
    pub options: Vec<(String, String)>,
    pub chosen: Vec<String>,
}

/// One knowledge-round question as the page shows it: never with its answers, and its options
/// in this respondent's order.
pub struct QuizField {
    pub name: String,
    pub number: usize,
    pub prompt: String,
    pub prompt_lang: &'static str,
    pub multiple: bool,
    /// Whether the page adds "Choose all that apply." (not when the prompt already says so).
    pub choose_all: bool,
    pub image: Option<QuizImage>,
    /// (the option's own number, its text), in the order shown.
    pub options: Vec<(String, String)>,
    pub chosen: Vec<String>,
}

/// A question's picture, with a link to it on its own.
pub struct QuizImage {
    pub src: String,
    pub alt: String,
    pub alt_lang: &'static str,
    /// The picture's own size: the page never shows it larger, and narrower screens shrink it
    /// to the column (CSS `max-width: 100%`).
    pub size: Option<(i64, i64)>,
    /// The question's number, naming the link for screen readers.
    pub number: usize,
}

impl QuizImage {
    /// The picture a knowledge-round question shows, if any: every page that names the
    /// question shows it the same way, since a question such as "What does this icon mean?"
    /// reads as nonsense without it. A Welsh reader sees the Welsh picture when there is one.
    fn of(
        campaign: CampaignId,
        item: &QuizItem,
        number: usize,
        sizes: &HashMap<String, (i64, i64)>,
        lang: &str,
    ) -> Option<QuizImage> {
        let file = item.picture_for(lang)?;
        let alt = item.image_alt.as_ref().map(|a| a.show(lang));
        Some(QuizImage {
            src: format!("/audits/{campaign}/pictures/{file}"),
            alt: alt.as_ref().map(|a| a.text.to_string()).unwrap_or_default(),
            alt_lang: alt.map_or("en", |a| a.lang),
            size: sizes.get(file).copied().filter(|(w, h)| *w > 0 && *h > 0),
            number,
        })
    }
}

/// Whether `text` already tells people to choose all that apply, as questions written before
/// the page said so itself do: the page then does not say it twice.
fn says_choose_all(text: &str, choose_all: &str) -> bool {
    let words = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .collect::<String>()
            .to_lowercase()
    };
    words(text).contains(words(choose_all).trim())
}

/// The order this response sees a question's options in.
fn order_of(response: ResponseId, id: QuizItemId, item: &QuizItem) -> OptionOrder {
    OptionOrder::for_response(response, id, item.options.len())
}

#[derive(Template, WebTemplate)]
#[template(path = "audit_section.html")]
pub struct SectionPage {
    page: Page,
    campaign_id: CampaignId,
    number: i64,
    total: i64,
    heading: String,
    heading_lang: &'static str,
    levels: Vec<String>,
    ratings: Vec<RatingField>,
    questions: Vec<QuestionField>,
    quiz: Vec<QuizField>,
    services: Vec<ServiceField>,
    /// The answers to a service's question: (value, words), as on the service's page.
    service_choices: Vec<(String, String)>,
    errors: FormErrors,
    back_to_check: bool,
}

impl SectionPage {
    fn checked(&self, chosen: &[String], value: &str) -> bool {
        chosen.iter().any(|c| c == value)
    }
}

/// A service's answer in words, as its page says it: "4 – I can help people with it
/// confidently…", or "Not sure…".
fn confidence_words(ctx: &Ctx, c: Confidence) -> String {
    let words = ctx.tr.t(&format!("service-confidence-{}", c.value()));
    match c {
        Confidence::Rated(n) => format!("{n} – {words}"),
        Confidence::NotSure => words,
    }
}

#[allow(clippy::too_many_arguments)]
fn build_section(
    ctx: &Ctx,
    campaign: &Campaign,
    questionnaire: &Questionnaire,
    number: usize,
    response: ResponseId,
    answers: &ResponseAnswers,
    submitted: &HashMap<String, Vec<String>>,
    sizes: &HashMap<String, (i64, i64)>,
) -> AppResult<SectionPage> {
    let section = questionnaire.section(number).ok_or(AppError::NotFound)?;
    let lang = ctx.tr.lang().code();
    let choose_all = ctx.tr.t("audit-choose-all");
    let typed = |name: &str| submitted.get(name).cloned();
    let mut page = SectionPage {
        page: ctx.page("audit-section-title"),
        campaign_id: campaign.id,
        number: number as i64,
        total: questionnaire.len() as i64,
        heading: String::new(),
        heading_lang: "en",
        levels: campaign
            .levels
            .iter()
            .map(|l| l.show(lang).text.to_string())
            .collect(),
        ratings: Vec::new(),
        questions: Vec::new(),
        quiz: Vec::new(),
        services: Vec::new(),
        service_choices: Vec::new(),
        errors: FormErrors::default(),
        back_to_check: false,
    };
    match section {
        Section::Profile => {
            page.heading = ctx.tr.t("audit-profile-heading");
            page.heading_lang = ctx.tr.lang().code();
            for (id, q) in &campaign.questions {
                let name = format!("q-{id}");
                let stored = answers.profile.get(id).cloned().unwrap_or_default();
                let chosen = typed(&name).unwrap_or_else(|| match q.kind {
                    QuestionKind::Single | QuestionKind::Multiple => {
                        split(&stored).iter().map(usize::to_string).collect()
                    }
                    _ => vec![stored],
                });
                let prompt = q.prompt.show(lang);
                let hint = q
                    .hint
                    .as_ref()
                    .map(|h| h.show(lang).text.to_string())
                    .unwrap_or_default();
                page.questions.push(QuestionField {
                    kind: q.kind,
                    prompt: prompt.text.to_string(),
                    prompt_lang: prompt.lang,
                    choose_all: q.kind == QuestionKind::Multiple
                        && !says_choose_all(&hint, &choose_all),
                    hint,
                    options: q
                        .options
                        .iter()
                        .enumerate()
                        .map(|(i, o)| (i.to_string(), o.show(lang).text.to_string()))
                        .collect(),
                    chosen,
                    name,
                });
            }
        }
        Section::Area(i) => {
            let area = &campaign.areas[i];
            let title = area.title.show(lang);
            page.heading = title.text.to_string();
            page.heading_lang = title.lang;
            for c in &area.competences {
                let name = format!("rating-{}", c.id);
                let chosen = typed(&name)
                    .and_then(|v| v.into_iter().next())
                    .or_else(|| answers.ratings.get(&c.id).map(|r| r.value()))
                    .unwrap_or_default();
                let title = c.title.show(lang);
                page.ratings.push(RatingField {
                    name,
                    title: title.text.to_string(),
                    title_lang: title.lang,
                    description: c.description.show(lang).text.to_string(),
                    chosen,
                });
            }
        }
        Section::Quiz(p) => {
            page.heading = ctx.tr.t("audit-quiz-heading");
            page.heading_lang = ctx.tr.lang().code();
            for position in questionnaire.quiz_items_on(p) {
                let (id, item) = &campaign.quiz[position];
                let name = format!("quiz-{id}");
                let chosen = typed(&name).unwrap_or_else(|| {
                    answers
                        .quiz
                        .get(id)
                        .map(|(c, _)| c.iter().map(usize::to_string).collect())
                        .unwrap_or_default()
                });
                let prompt = item.prompt.show(lang);
                page.quiz.push(QuizField {
                    number: position + 1,
                    prompt: prompt.text.to_string(),
                    prompt_lang: prompt.lang,
                    multiple: item.multiple(),
                    choose_all: item.multiple() && !says_choose_all(prompt.text, &choose_all),
                    image: QuizImage::of(campaign.id, item, position + 1, sizes, lang),
                    // Each option keeps its own number as its value: answers are stored and
                    // marked by it, whatever place it was shown in.
                    options: order_of(response, *id, item)
                        .shown()
                        .iter()
                        .map(|&i| {
                            (
                                i.to_string(),
                                item.options[i].text.show(lang).text.to_string(),
                            )
                        })
                        .collect(),
                    chosen,
                    name,
                });
            }
        }
        Section::Services => {
            page.heading = ctx.tr.t("audit-services-heading");
            page.heading_lang = ctx.tr.lang().code();
            page.service_choices = [1, 2, 3, 4, 5]
                .map(Confidence::Rated)
                .into_iter()
                .chain([Confidence::NotSure])
                .map(|c| (c.value(), confidence_words(ctx, c)))
                .collect();
            for s in &campaign.services {
                let name = format!("{SERVICE_FIELD}{}", s.id);
                let chosen = typed(&name)
                    .and_then(|v| v.into_iter().next())
                    .or_else(|| answers.services.get(&s.id).map(|c| c.value()))
                    .unwrap_or_default();
                let title = s.name.show(lang);
                page.services.push(ServiceField {
                    name,
                    title: title.text.to_string(),
                    title_lang: title.lang,
                    chosen,
                });
            }
        }
    }
    Ok(page)
}

pub async fn section(
    who: Answering,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(CampaignId, usize)>,
) -> AppResult<Response> {
    let campaign = open_campaign(&state, &who, id).await?;
    let response = match response_in_progress(&state, &who, &campaign).await? {
        Ok(r) => r,
        Err(redirect) => return Ok(redirect),
    };
    let answers = state.store.response_answers(response.id).await?;
    let sizes = state.store.picture_sizes(campaign.id).await?;
    let questionnaire = questionnaire_for(&campaign, &who);
    let mut page = build_section(
        &ctx,
        &campaign,
        &questionnaire,
        number,
        response.id,
        &answers,
        &HashMap::new(),
        &sizes,
    )?;
    page.back_to_check = questionnaire.resume_at(&response.saved).is_none();
    Ok(page.into_response())
}

pub async fn save_section(
    who: Answering,
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(CampaignId, usize)>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let campaign = open_campaign(&state, &who, id).await?;
    let response = match response_in_progress(&state, &who, &campaign).await? {
        Ok(r) => r,
        Err(redirect) => return Ok(redirect),
    };
    let questionnaire = questionnaire_for(&campaign, &who);
    let section = questionnaire.section(number).ok_or(AppError::NotFound)?;
    let competences: Vec<CompetenceId>;
    let services: Vec<ServiceId> = campaign.services.iter().map(|s| s.id).collect();
    let asked = match section {
        Section::Profile => Asked::Profile(&campaign.questions),
        Section::Area(i) => {
            competences = campaign.areas[i].competences.iter().map(|c| c.id).collect();
            Asked::Ratings(&competences)
        }
        Section::Quiz(p) => Asked::Quiz(&campaign.quiz[questionnaire.quiz_items_on(p)]),
        Section::Services => Asked::Services(&services),
    };
    let read = read_page(asked, &fields);
    let mut submitted: HashMap<String, Vec<String>> = HashMap::new();
    for (k, v) in fields {
        submitted.entry(k).or_default().push(v);
    }
    let mut errors = FormErrors::default();
    let mut answers = ResponseAnswers::default();
    let mut cleared: Vec<QuestionId> = Vec::new();
    match read {
        Ok(page) => {
            answers.ratings = page.ratings.into_iter().collect();
            answers.profile = page.profile.into_iter().collect();
            answers.quiz = page
                .quiz
                .into_iter()
                .map(|(id, chosen, correct)| (id, (chosen, correct)))
                .collect();
            answers.services = page.services.into_iter().collect();
            cleared = page.cleared;
        }
        Err(problems) => {
            for (field, message) in problems {
                errors.add(field, message);
            }
        }
    }
    if !errors.is_empty() {
        let stored = state.store.response_answers(response.id).await?;
        let sizes = state.store.picture_sizes(campaign.id).await?;
        let mut page = build_section(
            &ctx,
            &campaign,
            &questionnaire,
            number,
            response.id,
            &stored,
            &submitted,
            &sizes,
        )?;
        page.errors = errors;
        let mut response = page.into_response();
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    }
    match state
        .store
        .save_section(response.id, number, &answers, &cleared)
        .await
    {
        Ok(()) => {}
        // A service taken out of the campaign since the page was read: nothing is kept.
        Err(StoreError::Refused(_)) => return Err(AppError::BadRequest("service")),
        Err(e) => return Err(e.into()),
    }
    let mut saved = response.saved.clone();
    saved.push(number);
    let back_to_check = submitted.contains_key("back-to-check");
    let next = if back_to_check {
        None
    } else {
        // On to the next section, or the first one skipped.
        (number + 1..=questionnaire.len())
            .find(|n| !saved.contains(n))
            .or_else(|| questionnaire.resume_at(&saved))
    };
    let to = match next {
        Some(n) => format!("/audits/{}/section/{n}", campaign.id),
        None => format!("/audits/{}/check", campaign.id),
    };
    Ok(Redirect::to(&to).into_response())
}

/// A line of the check-your-answers page.
pub struct CheckRow {
    pub question: String,
    pub question_lang: &'static str,
    pub image: Option<QuizImage>,
    pub answer: String,
    pub section: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "audit_check.html")]
pub struct CheckPage {
    page: Page,
    campaign_id: CampaignId,
    groups: Vec<(String, Vec<CheckRow>)>,
    missing: Vec<i64>,
    errors: FormErrors,
}

async fn check_page(
    state: &AppState,
    ctx: &Ctx,
    campaign: &Campaign,
    questionnaire: &Questionnaire,
    response: &ResponseState,
    errors: FormErrors,
) -> AppResult<Response> {
    let answers = state.store.response_answers(response.id).await?;
    let sizes = state.store.picture_sizes(campaign.id).await?;
    let lang = ctx.tr.lang().code();
    let not_answered = ctx.tr.t("audit-not-answered");
    let mut groups = Vec::new();
    for (n, section) in questionnaire.sections.iter().enumerate() {
        let number = n + 1;
        let mut rows = Vec::new();
        let (title, _) = match section {
            Section::Profile => {
                for (id, q) in &campaign.questions {
                    let answer = match (answers.profile.get(id), q.kind) {
                        (None, _) => not_answered.clone(),
                        (Some(v), QuestionKind::Single | QuestionKind::Multiple) => split(v)
                            .iter()
                            .filter_map(|i| q.options.get(*i))
                            .map(|o| o.show(lang).text.to_string())
                            .collect::<Vec<_>>()
                            .join(", "),
                        (Some(v), _) => v.clone(),
                    };
                    let prompt = q.prompt.show(lang);
                    rows.push(CheckRow {
                        question: prompt.text.to_string(),
                        question_lang: prompt.lang,
                        image: None,
                        answer,
                        section: number,
                    });
                }
                (ctx.tr.t("audit-profile-heading"), ())
            }
            Section::Area(i) => {
                let area = &campaign.areas[*i];
                for c in &area.competences {
                    let answer = match answers.ratings.get(&c.id) {
                        None => not_answered.clone(),
                        Some(Rating::NotSure) => ctx.tr.t("audit-rating-not-sure"),
                        Some(Rating::Level(n)) => ctx.tr.t2(
                            "audit-rating-answer",
                            "level",
                            i64::from(*n),
                            "descriptor",
                            campaign.levels[usize::from(*n) - 1]
                                .show(lang)
                                .text
                                .to_string(),
                        ),
                    };
                    let title = c.title.show(lang);
                    rows.push(CheckRow {
                        question: title.text.to_string(),
                        question_lang: title.lang,
                        image: None,
                        answer,
                        section: number,
                    });
                }
                (area.title.show(lang).text.to_string(), ())
            }
            Section::Quiz(p) => {
                for position in questionnaire.quiz_items_on(*p) {
                    let (id, item) = &campaign.quiz[position];
                    let answer = match answers.quiz.get(id) {
                        None => not_answered.clone(),
                        Some((chosen, _)) => order_of(response.id, *id, item)
                            .arrange(chosen)
                            .iter()
                            .filter_map(|i| item.options.get(*i))
                            .map(|o| o.text.show(lang).text.to_string())
                            .collect::<Vec<_>>()
                            .join(", "),
                    };
                    let prompt = item.prompt.show(lang);
                    rows.push(CheckRow {
                        question: prompt.text.to_string(),
                        question_lang: prompt.lang,
                        image: QuizImage::of(campaign.id, item, position + 1, &sizes, lang),
                        answer,
                        section: number,
                    });
                }
                (ctx.tr.t1("audit-quiz-part", "part", (*p + 1) as i64), ())
            }
            Section::Services => {
                for s in &campaign.services {
                    let answer = match answers.services.get(&s.id) {
                        None => not_answered.clone(),
                        Some(c) => confidence_words(ctx, *c),
                    };
                    let title = s.name.show(lang);
                    rows.push(CheckRow {
                        question: title.text.to_string(),
                        question_lang: title.lang,
                        image: None,
                        answer,
                        section: number,
                    });
                }
                (ctx.tr.t("audit-services-heading"), ())
            }
        };
        groups.push((title, rows));
    }
    let missing = (1..=questionnaire.len())
        .filter(|n| !response.saved.contains(n))
        .map(|n| n as i64)
        .collect();
    let failed = !errors.is_empty();
    let mut out = CheckPage {
        page: ctx.page("audit-check-title"),
        campaign_id: campaign.id,
        groups,
        missing,
        errors,
    }
    .into_response();
    if failed {
        *out.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(out)
}

pub async fn check(
    who: Answering,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
) -> AppResult<Response> {
    let campaign = open_campaign(&state, &who, id).await?;
    let response = match response_in_progress(&state, &who, &campaign).await? {
        Ok(r) => r,
        Err(redirect) => return Ok(redirect),
    };
    let questionnaire = questionnaire_for(&campaign, &who);
    check_page(
        &state,
        &ctx,
        &campaign,
        &questionnaire,
        &response,
        FormErrors::default(),
    )
    .await
}

pub async fn submit(
    who: Answering,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let campaign = open_campaign(&state, &who, id).await?;
    let response = match response_in_progress(&state, &who, &campaign).await? {
        Ok(r) => r,
        Err(redirect) => return Ok(redirect),
    };
    let questionnaire = questionnaire_for(&campaign, &who);
    if questionnaire.resume_at(&response.saved).is_some() {
        let mut errors = FormErrors::default();
        errors.add("missing", "audit-sections-missing");
        return check_page(&state, &ctx, &campaign, &questionnaire, &response, errors).await;
    }
    state.store.submit_response(response.id).await?;
    Ok(Redirect::to(&format!("/audits/{}/results", campaign.id)).into_response())
}

/// One area's bar in the results.
pub struct AreaBar {
    pub title: String,
    pub title_lang: &'static str,
    pub mean: Option<f64>,
    pub not_sure: usize,
}

/// One knowledge-round question, with its answer now revealed.
pub struct QuizReview {
    pub prompt: String,
    pub prompt_lang: &'static str,
    pub image: Option<QuizImage>,
    pub right: bool,
    /// The options the person chose, in the order they were shown them.
    pub chosen: String,
    pub correct: String,
    pub explanation: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "audit_results.html")]
pub struct ResultsPage {
    page: Page,
    areas: Vec<AreaBar>,
    right: i64,
    asked: i64,
    quiz: Vec<QuizReview>,
    calibration: Vec<(String, &'static str)>,
    /// The person's profile for this campaign; not offered to a password-free link's session,
    /// which reaches this audit only.
    profile: Option<String>,
    /// Their biggest gaps against their role's targets, with what the next level looks like.
    gaps: Vec<super::profile::GapView>,
    /// The person's mean in each area as bars (`crate::charts`).
    chart: String,
}

/// How many of the biggest gaps the results list (the profile has every competence).
const MOST_GAPS: usize = 5;

pub async fn results(
    who: Answering,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<CampaignId>,
) -> AppResult<Response> {
    let campaign = state.store.campaign(who.organisation_id(), id).await?;
    let response = response_of(&state, &who, campaign.id)
        .await?
        .filter(|r| r.submitted)
        .ok_or(AppError::NotFound)?;
    let stored = state.store.response_answers(response.id).await?;
    let lang = ctx.tr.lang().code();
    let codes: HashMap<CompetenceId, &str> = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(|c| (c.id, c.code.as_str())))
        .collect();
    let mut answers = Answers::default();
    for (id, rating) in &stored.ratings {
        if let Some(code) = codes.get(id) {
            answers.ratings.insert(code.to_string(), *rating);
        }
    }
    let sizes = state.store.picture_sizes(campaign.id).await?;
    let mut quiz = Vec::new();
    for (position, (qid, item)) in campaign.quiz.iter().enumerate() {
        let Some((chosen, right)) = stored.quiz.get(qid) else {
            continue;
        };
        answers.quiz.push((item.competence.clone(), *right));
        let prompt = item.prompt.show(lang);
        let correct: Vec<usize> = (0..item.options.len())
            .filter(|i| item.options[*i].correct)
            .collect();
        let order = order_of(response.id, *qid, item);
        let texts = |options: &[usize]| {
            order
                .arrange(options)
                .iter()
                .filter_map(|i| item.options.get(*i))
                .map(|o| o.text.show(lang).text.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        quiz.push(QuizReview {
            prompt: prompt.text.to_string(),
            prompt_lang: prompt.lang,
            image: QuizImage::of(campaign.id, item, position + 1, &sizes, lang),
            right: *right,
            chosen: texts(chosen),
            correct: texts(&correct),
            explanation: item
                .explanation
                .as_ref()
                .map(|e| e.show(lang).text.to_string())
                .unwrap_or_default(),
        });
    }
    let areas: Vec<(String, Vec<String>)> = campaign
        .areas
        .iter()
        .map(|a| {
            (
                a.code.clone(),
                a.competences.iter().map(|c| c.code.clone()).collect(),
            )
        })
        .collect();
    let results = PersonResults::new(&areas, &answers);
    let bars = campaign
        .areas
        .iter()
        .zip(&results.areas)
        .map(|(area, r)| {
            let title = area.title.show(lang);
            AreaBar {
                title: title.text.to_string(),
                title_lang: title.lang,
                mean: r.mean.map(|m| (m * 10.0).round() / 10.0),
                not_sure: r.not_sure,
            }
        })
        .collect::<Vec<_>>();
    let chart = RowChart {
        id: "results",
        kind: Kind::Bars,
        scale: Scale::new(0.0, 5.0, 5),
        series: vec![Series::nth(0, ctx.tr.t("audit-results-mean"), lang)],
        rows: bars
            .iter()
            .map(|a| Row {
                label: a.title.clone(),
                values: vec![a.mean],
                missing: "–".into(),
            })
            .collect(),
        decimals: 1,
    }
    .html();
    let titles: HashMap<&str, String> = campaign
        .areas
        .iter()
        .flat_map(|a| a.competences.iter())
        .map(|c| (c.code.as_str(), c.title.show(lang).text.to_string()))
        .collect();
    let calibration = results
        .calibration
        .iter()
        .map(|(code, kind)| {
            (
                titles.get(code.as_str()).cloned().unwrap_or_default(),
                kind.message(),
            )
        })
        .collect();
    let right = quiz.iter().filter(|q| q.right).count() as i64;
    // Gaps are against a role's targets: someone answering through a public link has none.
    let (gaps, profile) = match &who {
        Answering::Person(user) => {
            let person = state
                .store
                .person(user.organisation_id, user.person_id)
                .await?;
            let reports = state.reports(user.organisation_id).await?;
            let gaps = match reports.profile(&campaign, &person).await? {
                Some(profile) => super::profile::gap_views(
                    &campaign,
                    &profile,
                    lang,
                    user.roles.has(skillgym_domain::Role::Admin) && user.scope.is_none(),
                    MOST_GAPS,
                ),
                None => Vec::new(),
            };
            let profile = user.scope.is_none().then(|| {
                format!(
                    "/people/{}/profile?campaign={}",
                    user.person_id, campaign.id
                )
            });
            (gaps, profile)
        }
        Answering::Public(_) => (Vec::new(), None),
    };
    Ok(ResultsPage {
        gaps,
        page: ctx.page("audit-results-title"),
        areas: bars,
        chart,
        right,
        asked: quiz.len() as i64,
        quiz,
        calibration,
        profile,
    }
    .into_response())
}

/// A knowledge-round picture, for the people who may see the campaign's questions: admins, and
/// the people it asks (or who answered it). It is served as the type its bytes were checked to
/// be, never sniffed, and shown inline.
pub async fn picture(
    who: Answering,
    State(state): State<AppState>,
    Path((campaign, name)): Path<(CampaignId, String)>,
) -> AppResult<Response> {
    let (content_type, body) = state
        .store
        .campaign_picture(who.organisation_id(), campaign, &name)
        .await?;
    let may_see = match &who {
        Answering::Person(user) => {
            user.roles.has(Role::Admin) || state.store.in_audience(campaign, user.person_id).await?
        }
        Answering::Public(_) => false,
    } || response_of(&state, &who, campaign).await?.is_some();
    if !may_see {
        return Err(AppError::NotFound);
    }
    Ok((
        [
            (CONTENT_TYPE, content_type),
            (CACHE_CONTROL, "private, max-age=3600".to_string()),
            (X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (CONTENT_DISPOSITION, "inline".to_string()),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::says_choose_all;

    #[test]
    fn a_question_that_already_says_choose_all_is_not_told_twice() {
        assert!(says_choose_all(
            "Choose all that apply.",
            "Choose all that apply."
        ));
        assert!(says_choose_all(
            "Which signs suggest it is a scam? Choose all that apply.",
            "Choose all that apply."
        ));
        assert!(says_choose_all(
            "Pa rai sy'n wir? Dewiswch bob un sy'n berthnasol.",
            "Dewiswch bob un sy'n berthnasol."
        ));
        assert!(!says_choose_all(
            "Which signs suggest it is a scam?",
            "Choose all that apply."
        ));
        assert!(!says_choose_all("", "Choose all that apply."));
    }
}
