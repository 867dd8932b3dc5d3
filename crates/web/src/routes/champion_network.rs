//! The champion network as supervisors and trainers run it: a supervisor (a manager, for the
//! people they manage, or a trainer or administrator) nominates a digital champion; a trainer
//! or administrator approves, which gives the champion role, or declines; either ends a
//! champion's time. The help champions log is counted in a report.

use crate::AppState;
use crate::access::{Champion, Curator, Planner};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, Empty, FormErrors};
use crate::page::Page;
use crate::path::Path;
use crate::routes::catalogue::competence_titles;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::champions::{ChampionStatus, parse_reason};
use skillgym_domain::people::parse_date;
use skillgym_domain::{PersonId, uk_time};
use skillgym_store::{Actor, ChampionRecord, HelpTotals, PersonFilter, StoreError};

/// How many people the nomination page lists to choose from.
const LISTED: i64 = 50;

/// Whether `planner` may nominate `person`: a trainer or administrator anyone, a manager the
/// people they manage.
async fn may_nominate(state: &AppState, planner: &Planner, person: PersonId) -> AppResult<bool> {
    if Curator::is(planner) {
        return Ok(true);
    }
    Ok(person != planner.person_id && state.store.manages(planner.person_id, person).await?)
}

#[derive(Template, WebTemplate)]
#[template(path = "champions.html")]
pub struct ChampionsPage {
    page: Page,
    curator: bool,
    nominated: Vec<ChampionRecord>,
    approved: Vec<ChampionRecord>,
    notice: Option<&'static str>,
    /// Why an approval was refused.
    problem: Option<&'static str>,
}

async fn champions_page(
    state: &AppState,
    ctx: &Ctx,
    user: &skillgym_store::SessionRecord,
    notice: Option<&'static str>,
    problem: Option<&'static str>,
) -> AppResult<ChampionsPage> {
    let all = state.store.champions(user.organisation_id).await?;
    let (nominated, approved) = all
        .into_iter()
        .partition(|c| c.status == ChampionStatus::Nominated);
    Ok(ChampionsPage {
        page: ctx.page("champions-title"),
        curator: Curator::is(user),
        nominated,
        approved,
        notice,
        problem,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
}

/// Everyone nominated and every champion, for supervisors and trainers.
pub async fn list(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let notice = match done.done.as_str() {
        "nominated" => Some("champions-notice-nominated"),
        "approved" => Some("champions-notice-approved"),
        "ended" => Some("champions-notice-ended"),
        _ => None,
    };
    Ok(champions_page(&state, &ctx, &planner, notice, None)
        .await?
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct NominateQuery {
    #[serde(default)]
    person: String,
    #[serde(default)]
    q: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct NominateForm {
    #[serde(default)]
    person: String,
    #[serde(default)]
    reason: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "champion_nominate.html")]
pub struct NominatePage {
    page: Page,
    /// The person being nominated, once chosen.
    chosen: Option<(PersonId, String)>,
    /// People to choose from, when none is chosen yet.
    people: Vec<(PersonId, String, String)>,
    total: i64,
    q: String,
    form: NominateForm,
    errors: FormErrors,
}

async fn nominate_page(
    state: &AppState,
    planner: &Planner,
    ctx: &Ctx,
    query: NominateQuery,
) -> AppResult<NominatePage> {
    let org = planner.organisation_id;
    let chosen = match query.person.trim().parse::<i64>() {
        Ok(id) => {
            let person = PersonId(id);
            if !may_nominate(state, planner, person).await? {
                return Err(AppError::NotFound);
            }
            Some((person, state.store.person(org, person).await?.name()))
        }
        Err(_) => None,
    };
    let (people, total) = if chosen.is_none() {
        let filter = PersonFilter {
            query: Some(query.q.trim().to_string()).filter(|q| !q.is_empty()),
            managed_by: (!Curator::is(planner)).then_some(planner.person_id),
            present_on: Some(uk_time::local(skillgym_store::now()).date()),
            limit: LISTED,
            ..PersonFilter::default()
        };
        let (people, total) = state.store.people(org, &filter).await?;
        let people = people
            .into_iter()
            .filter(|p| p.id != planner.person_id)
            .map(|p| (p.id, p.name, p.job_role))
            .collect();
        (people, total)
    } else {
        (Vec::new(), 0)
    };
    Ok(NominatePage {
        page: ctx.page("champion-nominate-title"),
        form: NominateForm {
            person: chosen
                .as_ref()
                .map(|(id, _)| id.0.to_string())
                .unwrap_or_default(),
            reason: String::new(),
        },
        chosen,
        people,
        total,
        q: query.q,
        errors: FormErrors::default(),
    })
}

pub async fn nominate_form(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<NominateQuery>,
) -> AppResult<Response> {
    Ok(nominate_page(&state, &planner, &ctx, query)
        .await?
        .into_response())
}

pub async fn nominate(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<NominateForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let reason = errors.check("reason", parse_reason(&form.reason));
    let person = form.person.trim().parse::<i64>().ok().map(PersonId);
    let person = match person {
        Some(p) if may_nominate(&state, &planner, p).await? => Some(p),
        _ => {
            errors.add("person", "champion-person-missing");
            None
        }
    };
    if let (Some(person), Some(reason)) = (person, reason.as_ref()) {
        match state
            .store
            .nominate_champion(planner.organisation_id, person, reason, planner.person_id)
            .await
        {
            Ok(()) => return Ok(Redirect::to("/champions?done=nominated").into_response()),
            Err(StoreError::Taken(_)) => errors.add("reason", "champion-already"),
            Err(StoreError::NotFound) => errors.add("person", "champion-person-missing"),
            Err(e) => return Err(e.into()),
        }
    }
    let query = NominateQuery {
        person: person.map(|p| p.0.to_string()).unwrap_or_default(),
        q: String::new(),
    };
    let mut page = nominate_page(&state, &planner, &ctx, query).await?;
    page.form = form;
    page.errors = errors;
    let mut response = page.into_response();
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// Approves a nomination: the champion role, and the champion's sites from where they work.
pub async fn approve(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(person): Path<PersonId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    match state
        .store
        .approve_champion(curator.organisation_id, person, curator.person_id)
        .await
    {
        Ok(()) => Ok(Redirect::to("/champions?done=approved").into_response()),
        Err(StoreError::Refused(why)) => {
            let page = champions_page(&state, &ctx, &curator, None, Some(why)).await?;
            let mut response = page.into_response();
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "champion_end.html")]
pub struct EndPage {
    page: Page,
    errors: FormErrors,
    action: String,
    name: String,
    own: bool,
    nominated: bool,
}

async fn end_page(
    state: &AppState,
    ctx: &Ctx,
    user: &skillgym_store::SessionRecord,
    person: PersonId,
    own: bool,
) -> AppResult<EndPage> {
    let champion = state
        .store
        .champion(user.organisation_id, person)
        .await?
        .ok_or(AppError::NotFound)?;
    let nominated = champion.status == ChampionStatus::Nominated;
    let title = match (own, nominated) {
        (true, _) => "champion-end-own-title",
        (false, true) => "champion-decline-title",
        (false, false) => "champion-end-title",
    };
    Ok(EndPage {
        page: ctx.page(title),
        errors: FormErrors::default(),
        action: if own {
            "/champion/step-down".to_string()
        } else {
            format!("/champions/{}/end", person.0)
        },
        name: champion.name,
        own,
        nominated,
    })
}

/// Asks before a trainer or administrator declines a nomination or ends a champion's time.
pub async fn end_form(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(person): Path<PersonId>,
) -> AppResult<Response> {
    Ok(end_page(&state, &ctx, &curator, person, false)
        .await?
        .into_response())
}

/// Declines a nomination or ends a champion's time.
pub async fn end(
    curator: Curator,
    State(state): State<AppState>,
    Path(person): Path<PersonId>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    state
        .store
        .end_champion(
            curator.organisation_id,
            person,
            Actor::Person(curator.person_id),
        )
        .await?;
    Ok(Redirect::to("/champions?done=ended").into_response())
}

/// Asks a champion before they step down.
pub async fn step_down_form(
    champion: Champion,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    Ok(end_page(&state, &ctx, &champion, champion.person_id, true)
        .await?
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct StepDownForm {
    #[serde(default)]
    sure: String,
}

/// A champion steps down, once they say they are sure: the role and what they offered go.
pub async fn step_down(
    champion: Champion,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<StepDownForm>,
) -> AppResult<Response> {
    if form.sure != "yes" {
        let mut page = end_page(&state, &ctx, &champion, champion.person_id, true).await?;
        page.errors.add("sure", "champion-step-down-unsure");
        let mut response = page.into_response();
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    }
    state
        .store
        .end_champion(
            champion.organisation_id,
            champion.person_id,
            Actor::Person(champion.person_id),
        )
        .await?;
    Ok(Redirect::to("/").into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct Period {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

/// A row of the report: what it is, the times and the hours (one decimal).
pub struct ReportRow {
    pub label: String,
    pub lang: &'static str,
    pub times: usize,
    pub hours: String,
}

/// `YYYY-MM` as people write it: "March 2026".
fn month(ctx: &Ctx, year_month: &str) -> String {
    match year_month.split_once('-') {
        Some((y, m)) => match m.parse::<u8>() {
            Ok(m @ 1..=12) => format!("{} {y}", ctx.tr.t(&format!("month-{m}"))),
            _ => year_month.to_string(),
        },
        None => year_month.to_string(),
    }
}

fn hours(minutes: u64) -> String {
    format!("{:.1}", minutes as f64 / 60.0)
}

#[derive(Template, WebTemplate)]
#[template(path = "champions_help.html")]
pub struct HelpReportPage {
    page: Page,
    from: String,
    to: String,
    times: usize,
    hours: String,
    /// (id, caption's message, rows): by month, site, skill and champion.
    tables: Vec<(&'static str, &'static str, Vec<ReportRow>)>,
}

/// The help champions logged, counted by month, site, skill and champion.
pub async fn report(
    planner: Planner,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(period): Query<Period>,
) -> AppResult<Response> {
    let org = planner.organisation_id;
    let today = uk_time::local(skillgym_store::now()).date();
    let to = parse_date(period.to.trim()).unwrap_or(today);
    let from = parse_date(period.from.trim())
        .unwrap_or_else(|_| to - time::Duration::days(365))
        .min(to);
    let report = state.store.help_report(org, from, to).await?;
    let titles = competence_titles(&state, &ctx, org).await?;
    let none = |id: &str| ctx.tr.t(id);
    let row = |label: String, lang: &'static str, t: &HelpTotals| ReportRow {
        label,
        lang,
        times: t.times,
        hours: hours(t.minutes),
    };
    let lang = ctx.tr.lang().code();
    let by_month: Vec<_> = report
        .by_month
        .iter()
        .map(|(m, t)| row(month(&ctx, m), lang, t))
        .collect();
    let by_site: Vec<_> = report
        .by_site
        .iter()
        .map(|(s, t)| {
            row(
                s.clone().unwrap_or_else(|| none("champions-help-no-site")),
                lang,
                t,
            )
        })
        .collect();
    let by_competence: Vec<_> = report
        .by_competence
        .iter()
        .map(|(c, t)| match c {
            Some(code) => {
                let (title, l) = titles
                    .iter()
                    .find(|(k, _, _)| k == code)
                    .map(|(_, title, l)| (title.clone(), *l))
                    .unwrap_or_else(|| (code.clone(), "en"));
                row(title, l, t)
            }
            None => row(none("champions-help-no-skill"), lang, t),
        })
        .collect();
    let by_champion: Vec<_> = report
        .by_champion
        .iter()
        .map(|(c, t)| {
            row(
                c.clone().unwrap_or_else(|| none("champions-help-erased")),
                lang,
                t,
            )
        })
        .collect();
    Ok(HelpReportPage {
        page: ctx.page("champions-help-title"),
        from: skillgym_domain::people::format_date(from),
        to: skillgym_domain::people::format_date(to),
        times: report.all.times,
        hours: hours(report.all.minutes),
        tables: vec![
            ("month", "champions-help-by-month", by_month),
            ("site", "champions-help-by-site", by_site),
            ("skill", "champions-help-by-skill", by_competence),
            ("champion", "champions-help-by-champion", by_champion),
        ],
    }
    .into_response())
}
