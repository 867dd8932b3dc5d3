//! The learning catalogue (`/learning`): anyone signed in searches it ("what can I do in 15
//! minutes?") and rates what they did; trainers and administrators add and change activities,
//! and bring or take the whole catalogue as a CSV file (the same file as `skillgym import
//! catalogue` and `export catalogue`).

use super::csv_import::{self, ImportForm, import_page};
use crate::AppState;
use crate::access::{Curator, SignedIn};
use crate::context::Ctx;
use crate::error::AppResult;
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::learning::{
    self, Activity, ActivityCode, ActivityFilter, ActivityKind, Builds, Languages, parse_pounds,
    parse_url,
};
use skillgym_domain::{ActivityId, Invalid, Role};
use skillgym_store::{Actor, StoreError, StoredActivity};
use std::collections::BTreeSet;

/// The choices of length the search offers, in minutes.
const LENGTHS: [u32; 5] = [5, 15, 30, 60, 240];

/// An activity as a list or its page shows it, in the reader's language.
pub struct ShownActivity {
    pub id: ActivityId,
    pub title: (String, &'static str),
    pub summary: (String, &'static str),
    pub kind: &'static str,
    pub provider: String,
    pub minutes: u32,
    pub cost: Option<String>,
    pub languages: Languages,
    pub url: Option<String>,
    pub completion: Option<String>,
    /// (competence title, its language, level)
    pub builds: Vec<(String, &'static str, u8)>,
    /// The mean usefulness, shown once enough people rated it.
    pub usefulness: Option<String>,
    pub ratings: i64,
}

/// The titles of the organisation's competences by code, in the reader's language.
pub(crate) async fn competence_titles(
    state: &AppState,
    ctx: &Ctx,
    org: skillgym_domain::OrganisationId,
) -> AppResult<Vec<(String, String, &'static str)>> {
    competence_titles_in(state, ctx.tr.lang().code(), org).await
}

/// The titles of the organisation's competences by code, in `lang` (for an email to someone
/// other than the reader).
pub(crate) async fn competence_titles_in(
    state: &AppState,
    lang: &str,
    org: skillgym_domain::OrganisationId,
) -> AppResult<Vec<(String, String, &'static str)>> {
    Ok(state
        .store
        .competence_titles(org)
        .await?
        .into_iter()
        .map(|(code, title)| {
            let shown = title.show(lang);
            (code, shown.text.to_string(), shown.lang)
        })
        .collect())
}

fn shown(
    stored: &StoredActivity,
    titles: &[(String, String, &'static str)],
    ctx: &Ctx,
    threshold: usize,
) -> ShownActivity {
    let lang = ctx.tr.lang().code();
    let a = &stored.activity;
    let pair = |l: &skillgym_domain::audit::Localised| {
        let s = l.show(lang);
        (s.text.to_string(), s.lang)
    };
    ShownActivity {
        id: stored.id,
        title: pair(&a.title),
        summary: pair(&a.summary),
        kind: a.kind.as_str(),
        provider: a.provider.clone(),
        minutes: a.minutes,
        cost: (a.cost_pence > 0).then(|| a.cost()),
        languages: a.languages,
        url: a.url.clone(),
        completion: a.completion.clone(),
        builds: a
            .builds
            .iter()
            .map(
                |b| match titles.iter().find(|(code, _, _)| *code == b.competence) {
                    Some((_, title, lang)) => (title.clone(), *lang, b.level),
                    None => (b.competence.clone(), "en", b.level),
                },
            )
            .collect(),
        usefulness: stored.usefulness(threshold).map(|m| format!("{m:.1}")),
        ratings: stored.ratings,
    }
}

/// The search form, as the address carries it.
#[derive(Debug, Default, Deserialize)]
pub struct Search {
    #[serde(default)]
    competence: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    minutes: String,
    #[serde(default)]
    provider: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    q: String,
    /// What an import just did, for the notice.
    #[serde(default)]
    added: Option<usize>,
    #[serde(default)]
    updated: Option<usize>,
}

impl Search {
    /// The filter it asks for; a value that is not one of the form's choices matches nothing
    /// being asked (as if left empty).
    fn filter(&self) -> ActivityFilter {
        let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        ActivityFilter {
            competence: some(&self.competence),
            level: self.level.parse().ok().filter(|l| (1..=5).contains(l)),
            kind: ActivityKind::parse(&self.kind).ok(),
            most_minutes: self.minutes.parse().ok(),
            provider: some(&self.provider),
            language: match self.language.as_str() {
                "en" => Some("en"),
                "cy" => Some("cy"),
                _ => None,
            },
            words: some(&self.q),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "catalogue.html")]
pub struct CataloguePage {
    page: Page,
    search: Search,
    competences: Vec<(String, String, &'static str)>,
    kinds: [ActivityKind; 11],
    lengths: [u32; 5],
    providers: Vec<String>,
    activities: Vec<ShownActivity>,
    total: usize,
    curator: bool,
    /// Works with people's learning plans: a link to the list of them.
    planner: bool,
    searched: bool,
}

pub async fn list(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(search): Query<Search>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let all = state.store.catalogue(org).await?;
    let titles = competence_titles(&state, &ctx, org).await?;
    let threshold = state.store.anonymity_threshold(org).await?.get();
    let filter = search.filter();
    let providers: BTreeSet<String> = all.iter().map(|a| a.activity.provider.clone()).collect();
    let activities = all
        .iter()
        .filter(|a| filter.matches(&a.activity))
        .map(|a| shown(a, &titles, &ctx, threshold))
        .collect();
    Ok(CataloguePage {
        page: ctx.page("catalogue-title"),
        searched: filter != ActivityFilter::default(),
        search,
        competences: titles,
        kinds: ActivityKind::ALL,
        lengths: LENGTHS,
        providers: providers.into_iter().collect(),
        activities,
        total: all.len(),
        curator: Curator::is(&signed_in),
        planner: [Role::Trainer, Role::Manager, Role::Admin]
            .iter()
            .any(|r| signed_in.roles.has(*r)),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "activity.html")]
pub struct ActivityPage {
    page: Page,
    activity: ShownActivity,
    code: String,
    rated: Option<u8>,
    curator: bool,
    errors: FormErrors,
    threshold: usize,
    sessions: Vec<super::sessions::ShownSession>,
    session_notice: Option<&'static str>,
    /// A club's weekly assignments.
    club: Option<super::clubs::ClubView>,
    /// Answers of the digital team about the skills it builds.
    questions: Vec<(skillgym_domain::WeeklyQuestionId, String)>,
}

async fn activity_page(
    state: &AppState,
    ctx: &Ctx,
    user: &skillgym_store::SessionRecord,
    id: ActivityId,
    errors: FormErrors,
    session_notice: Option<&'static str>,
) -> AppResult<Response> {
    page_of(
        state,
        ctx,
        user,
        id,
        errors,
        session_notice,
        Default::default(),
    )
    .await
}

/// The activity's page with a club assignment form that was refused.
pub(crate) async fn activity_page_with(
    state: &AppState,
    ctx: &Ctx,
    user: &skillgym_store::SessionRecord,
    id: ActivityId,
    errors: FormErrors,
    form: super::clubs::AssignmentForm,
) -> AppResult<Response> {
    page_of(state, ctx, user, id, errors, None, form).await
}

async fn page_of(
    state: &AppState,
    ctx: &Ctx,
    user: &skillgym_store::SessionRecord,
    id: ActivityId,
    errors: FormErrors,
    session_notice: Option<&'static str>,
    form: super::clubs::AssignmentForm,
) -> AppResult<Response> {
    let org = user.organisation_id;
    let stored = state.store.activity(org, id).await?;
    let club = match stored.activity.kind {
        ActivityKind::Club => Some(super::clubs::club_view(state, ctx, user, id, form).await?),
        _ => None,
    };
    let titles = competence_titles(state, ctx, org).await?;
    let threshold = state.store.anonymity_threshold(org).await?.get();
    let builds: Vec<String> = stored
        .activity
        .builds
        .iter()
        .map(|b| b.competence.clone())
        .collect();
    let questions = super::weekly_question::answered_about(state, org, &builds, 5).await?;
    let failed = !errors.is_empty();
    let mut page = ctx.page("activity-title");
    let activity = shown(&stored, &titles, ctx, threshold);
    page.title = activity.title.0.clone();
    let mut response = ActivityPage {
        page,
        code: stored.activity.code.to_string(),
        activity,
        rated: state.store.rating_of(id, user.person_id).await?,
        curator: Curator::is(user),
        errors,
        threshold,
        sessions: super::sessions::for_person(state, &ctx.tr, org, user.person_id, id).await?,
        session_notice,
        club,
        questions,
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// What a booking button reports back through the page's address.
#[derive(Debug, Default, Deserialize)]
pub struct SessionNotice {
    #[serde(default)]
    session: Option<String>,
}

pub async fn show(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ActivityId>,
    Query(notice): Query<SessionNotice>,
) -> AppResult<Response> {
    let notice = match notice.session.as_deref() {
        Some("booked") => Some("session-notice-booked"),
        Some("waiting") => Some("session-notice-waiting"),
        Some("cancelled") => Some("session-notice-cancelled"),
        _ => None,
    };
    activity_page(&state, &ctx, &signed_in, id, FormErrors::default(), notice).await
}

#[derive(Deserialize)]
pub struct RatingForm {
    #[serde(default)]
    usefulness: String,
}

/// Anyone who did an activity says how useful it was (1 to 5); a second rating replaces the
/// first.
pub async fn rate(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ActivityId>,
    CsrfForm(form): CsrfForm<RatingForm>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let Some(usefulness) = form
        .usefulness
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=5).contains(n))
    else {
        state.store.activity(org, id).await?;
        let mut errors = FormErrors::default();
        errors.add("usefulness", "activity-rating-missing");
        return activity_page(&state, &ctx, &signed_in, id, errors, None).await;
    };
    state
        .store
        .rate_activity(org, id, signed_in.person_id, usefulness)
        .await?;
    Ok(Redirect::to(&format!("/learning/{id}?rated=1")).into_response())
}

// ---- Adding and changing -----------------------------------------------------------------------

/// The form's fields as typed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ActivityForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    title_cy: String,
    #[serde(default)]
    summary_en: String,
    #[serde(default)]
    summary_cy: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    provider: String,
    #[serde(default)]
    minutes: String,
    #[serde(default)]
    cost: String,
    #[serde(default)]
    english: String,
    #[serde(default)]
    welsh: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    completion: String,
    #[serde(default)]
    competence_1: String,
    #[serde(default)]
    level_1: String,
    #[serde(default)]
    competence_2: String,
    #[serde(default)]
    level_2: String,
    #[serde(default)]
    competence_3: String,
    #[serde(default)]
    level_3: String,
}

impl ActivityForm {
    fn of(a: &Activity) -> Self {
        let build = |i: usize| a.builds.get(i);
        let code = |i| build(i).map(|b| b.competence.clone()).unwrap_or_default();
        let level = |i| build(i).map(|b| b.level.to_string()).unwrap_or_default();
        ActivityForm {
            code: a.code.to_string(),
            title_en: a.title.en.clone(),
            title_cy: a.title.cy.clone().unwrap_or_default(),
            summary_en: a.summary.en.clone(),
            summary_cy: a.summary.cy.clone().unwrap_or_default(),
            kind: a.kind.as_str().to_string(),
            provider: a.provider.clone(),
            minutes: a.minutes.to_string(),
            cost: a.cost(),
            english: if a.languages.english {
                "yes".into()
            } else {
                String::new()
            },
            welsh: if a.languages.welsh {
                "yes".into()
            } else {
                String::new()
            },
            url: a.url.clone().unwrap_or_default(),
            completion: a.completion.clone().unwrap_or_default(),
            competence_1: code(0),
            level_1: level(0),
            competence_2: code(1),
            level_2: level(1),
            competence_3: code(2),
            level_3: level(2),
        }
    }

    /// The competence and level typed in row `n` (1 to 3).
    pub fn build(&self, n: usize) -> (&str, &str) {
        match n {
            1 => (&self.competence_1, &self.level_1),
            2 => (&self.competence_2, &self.level_2),
            _ => (&self.competence_3, &self.level_3),
        }
    }

    /// The activity, or what is wrong with each field.
    fn read(&self, known: &BTreeSet<String>) -> Result<Activity, FormErrors> {
        let mut errors = FormErrors::default();
        let code = errors.check("code", ActivityCode::parse(&self.code));
        let kind = errors.check("kind", ActivityKind::parse(&self.kind));
        let required = |text: &str, missing: &'static str| -> Result<String, Invalid> {
            match text.trim() {
                "" => Err(Invalid(missing)),
                t => Ok(t.to_string()),
            }
        };
        let title = errors.check(
            "title_en",
            required(&self.title_en, "activity-title-missing"),
        );
        let provider = errors.check(
            "provider",
            required(&self.provider, "activity-provider-missing"),
        );
        let minutes = errors.check(
            "minutes",
            self.minutes
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=learning::MAX_MINUTES).contains(m))
                .ok_or(Invalid("activity-minutes-invalid")),
        );
        let cost = errors.check("cost", parse_pounds(&self.cost));
        let languages = Languages {
            english: self.english == "yes",
            welsh: self.welsh == "yes",
        };
        if languages == Languages::default() {
            errors.add("english", "activity-languages-missing");
        }
        let url = errors.check("url", parse_url(&self.url));
        let mut builds: Vec<Builds> = Vec::new();
        for n in 1..=3 {
            let (competence, level) = self.build(n);
            if competence.is_empty() {
                continue;
            }
            let field: &'static str = ["competence_1", "competence_2", "competence_3"][n - 1];
            if !known.contains(competence) {
                errors.add(field, "activity-competence-unknown");
            } else if builds.iter().any(|b| b.competence == competence) {
                errors.add(field, "activity-builds-twice");
            } else {
                match level.parse::<u8>().ok().filter(|l| (1..=5).contains(l)) {
                    Some(level) => builds.push(Builds {
                        competence: competence.to_string(),
                        level,
                    }),
                    None => errors.add(
                        ["level_1", "level_2", "level_3"][n - 1],
                        "activity-builds-level",
                    ),
                }
            }
        }
        if builds.is_empty() && errors.is_empty() {
            errors.add("competence_1", "activity-builds-missing");
        }
        let optional = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
        match (code, kind, title, provider, minutes, cost, url) {
            (
                Some(code),
                Some(kind),
                Some(title),
                Some(provider),
                Some(minutes),
                Some(cost),
                Some(url),
            ) if errors.is_empty() => Ok(Activity {
                code,
                title: skillgym_domain::audit::Localised::new(title, optional(&self.title_cy)),
                summary: skillgym_domain::audit::Localised::new(
                    self.summary_en.trim(),
                    optional(&self.summary_cy),
                ),
                kind,
                provider,
                minutes,
                cost_pence: cost,
                languages,
                url,
                completion: optional(&self.completion),
                builds,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "activity_form.html")]
pub struct ActivityFormPage {
    page: Page,
    /// Where the form goes.
    action: String,
    form: ActivityForm,
    errors: FormErrors,
    kinds: [ActivityKind; 11],
    competences: Vec<(String, String, &'static str)>,
}

impl ActivityPage {
    fn rated_is(&self, n: &u8) -> bool {
        self.rated == Some(*n)
    }
}

impl ActivityFormPage {
    fn chosen(&self, n: &usize, code: &str) -> bool {
        self.form.build(*n).0 == code
    }

    fn level_is(&self, n: &usize, level: &u8) -> bool {
        self.form.build(*n).1 == level.to_string()
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    org: skillgym_domain::OrganisationId,
    action: String,
    title: &str,
    form: ActivityForm,
    errors: FormErrors,
) -> AppResult<Response> {
    let failed = !errors.is_empty();
    let mut response = ActivityFormPage {
        page: ctx.page(title),
        action,
        form,
        errors,
        kinds: ActivityKind::ALL,
        competences: competence_titles(state, ctx, org).await?,
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
) -> AppResult<Response> {
    let form = ActivityForm {
        english: "yes".into(),
        cost: "0.00".into(),
        ..Default::default()
    };
    let org = curator.organisation_id;
    form_page(
        &state,
        &ctx,
        org,
        "/learning/new".into(),
        "activity-new-title",
        form,
        FormErrors::default(),
    )
    .await
}

pub async fn edit_form(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ActivityId>,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let stored = state.store.activity(org, id).await?;
    let form = ActivityForm::of(&stored.activity);
    form_page(
        &state,
        &ctx,
        org,
        format!("/learning/{id}/edit"),
        "activity-edit-title",
        form,
        FormErrors::default(),
    )
    .await
}

pub async fn create(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<ActivityForm>,
) -> AppResult<Response> {
    save(&state, &ctx, &curator, None, form).await
}

pub async fn update(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ActivityId>,
    request: axum::extract::Request,
) -> AppResult<Response> {
    // The activity is looked up before the form is read: another organisation's id is
    // "not found" whatever the form holds.
    state.store.activity(curator.organisation_id, id).await?;
    let CsrfForm(form) = CsrfForm::<ActivityForm>::from_request(request, &state).await?;
    save(&state, &ctx, &curator, Some(id), form).await
}

async fn save(
    state: &AppState,
    ctx: &Ctx,
    curator: &skillgym_store::SessionRecord,
    id: Option<ActivityId>,
    form: ActivityForm,
) -> AppResult<Response> {
    let org = curator.organisation_id;
    let (action, title) = match id {
        Some(id) => (format!("/learning/{id}/edit"), "activity-edit-title"),
        None => ("/learning/new".to_string(), "activity-new-title"),
    };
    let known = state.store.competence_codes(org).await?;
    let activity = match form.read(&known) {
        Ok(a) => a,
        Err(errors) => return form_page(state, ctx, org, action, title, form, errors).await,
    };
    match state.store.save_activity(org, id, &activity).await {
        Ok(id) => Ok(Redirect::to(&format!("/learning/{id}")).into_response()),
        Err(StoreError::Taken(_)) => {
            let mut errors = FormErrors::default();
            errors.add("code", "activity-code-taken");
            form_page(state, ctx, org, action, title, form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---- The catalogue as a file ---------------------------------------------------------------------

pub async fn export(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let activities: Vec<Activity> = state
        .store
        .catalogue(curator.organisation_id)
        .await?
        .into_iter()
        .map(|a| a.activity)
        .collect();
    csv_import::export(&ctx, "catalogue.csv", |out, language| {
        learning::write(out, &activities, language)
    })
}

const IMPORT: ImportForm = ImportForm {
    title: "catalogue-import-title",
    action: "/learning/import",
    field: "catalogue_file",
    messages: "catalogue-import",
    back: "/learning",
    back_says: "catalogue-back",
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
    let known = state.store.competence_codes(org).await?;
    let read = IMPORT.read_upload(&ctx, multipart, |bytes| {
        learning::read(bytes, &|code| known.contains(code))
    });
    let activities = match read.await? {
        Ok(a) => a,
        Err(refused) => return Ok(refused),
    };
    let done = state
        .store
        .import_catalogue(org, &activities, Actor::Person(curator.person_id))
        .await?;
    Ok(IMPORT.imported(done.added, done.updated))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> BTreeSet<String> {
        ["SAFE-1", "SAFE-2"].iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_form_reads_as_an_activity_or_says_what_is_wrong_with_each_field() {
        let form = ActivityForm {
            code: "act-9".into(),
            title_en: "Spot a scam".into(),
            kind: "video".into(),
            provider: "Digital team".into(),
            minutes: "5".into(),
            cost: "0".into(),
            welsh: "yes".into(),
            competence_1: "SAFE-1".into(),
            level_1: "2".into(),
            ..Default::default()
        };
        let a = form.read(&known()).unwrap();
        assert_eq!(a.code.as_str(), "ACT-9");
        assert!(a.languages.welsh && !a.languages.english);
        assert_eq!(a.builds.len(), 1);

        let bad = ActivityForm {
            competence_2: "SAFE-9".into(),
            level_2: "2".into(),
            competence_3: "SAFE-1".into(),
            level_3: "8".into(),
            minutes: "0".into(),
            url: "javascript:alert(1)".into(),
            ..Default::default()
        };
        let errors = bad.read(&known()).unwrap_err();
        for field in [
            "code",
            "kind",
            "title_en",
            "provider",
            "minutes",
            "english",
            "url",
            "competence_2",
            "level_3",
        ] {
            assert!(errors.has(field), "{field}");
        }
    }
}
