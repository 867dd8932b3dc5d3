//! Horizon scanning: anyone signed in clips a link with a note and tags and comments on
//! others' clippings; the synthesis groups a period's clippings by tag, and from it a lead
//! (trainer or administrator) publishes a write-up that all staff read and are emailed.
//! Leads remove clippings.

use super::comments::{self, CommentForm, CommentsBlock, as_paragraphs, day};
use crate::AppState;
use crate::access::{Curator, SignedIn};
use crate::context::Ctx;
use crate::error::AppResult;
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::comments::CommentOn;
use skillgym_domain::horizon::{
    Period, ToSynthesise, on_home_since, parse_note, parse_tags, parse_title, parse_url,
    parse_write_up, synthesise,
};
use skillgym_domain::people::format_date;
use skillgym_domain::{ClippingId, WriteUpId, uk_time};
use skillgym_store::{Clipping, NewClipping, WriteUp};
use std::collections::HashMap;

/// Clippings on a page of the list.
const PAGE_SIZE: i64 = 20;
/// Half-years the synthesis links to, the current one first.
const HALF_YEARS: usize = 4;

pub struct ClippingView {
    pub id: ClippingId,
    pub url: String,
    pub note: Vec<Vec<String>>,
    /// Each tag and the list of its clippings.
    pub tags: Vec<(String, String)>,
    /// `None` once whoever clipped it is no longer in the organisation.
    pub clipper: Option<String>,
    pub day: String,
    pub comments: usize,
}

fn view(ctx: &Ctx, c: &Clipping) -> ClippingView {
    ClippingView {
        id: c.id,
        url: c.url.clone(),
        note: as_paragraphs(&c.note),
        tags: c.tags.iter().map(|t| (t.clone(), tag_href(t))).collect(),
        clipper: c.clipper.clone(),
        day: day(ctx, c.clipped_at),
        comments: c.comments,
    }
}

/// The list of `tag`'s clippings.
fn tag_href(tag: &str) -> String {
    format!(
        "/horizon?{}",
        serde_urlencoded::to_string([("tag", tag)]).unwrap_or_default()
    )
}

fn today() -> time::Date {
    uk_time::local(skillgym_store::now()).date()
}

/// A period as a query string.
fn period_query(p: Period) -> String {
    format!("from={}&to={}", format_date(p.from), format_date(p.to))
}

fn notice(done: &str) -> Option<&'static str> {
    match done {
        "clipped" => Some("horizon-clipped"),
        "removed" => Some("horizon-removed"),
        "commented" => Some("comments-added"),
        "comment-removed" => Some("comments-removed"),
        "published" => Some("horizon-published"),
        _ => None,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub tag: String,
    #[serde(default)]
    pub page: String,
    #[serde(default)]
    pub done: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "horizon.html")]
pub struct ListPage {
    page: Page,
    /// Every tag in use: its name, how many clippings have it, and its list.
    tags: Vec<(String, usize, String)>,
    tag: String,
    clippings: Vec<ClippingView>,
    total: i64,
    page_no: i64,
    pages: i64,
    /// The tag filter as a query string's start (`tag=…&`), or empty.
    tag_query: String,
    notice: Option<&'static str>,
}

/// The clippings, the latest first, a page at a time, perhaps only one tag's.
pub async fn list(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let tag = parse_tags(&query.tag)
        .ok()
        .and_then(|t| t.into_iter().next())
        .unwrap_or_default();
    let page_no = query.page.trim().parse::<i64>().unwrap_or(1).max(1);
    let (clippings, total) = state
        .store
        .clippings(org, &tag, (page_no - 1) * PAGE_SIZE, PAGE_SIZE)
        .await?;
    let tag_query = if tag.is_empty() {
        String::new()
    } else {
        serde_urlencoded::to_string([("tag", tag.as_str())]).unwrap_or_default() + "&"
    };
    Ok(ListPage {
        page: ctx.page("horizon-title"),
        tags: state
            .store
            .clipping_tags(org)
            .await?
            .into_iter()
            .map(|(t, n)| {
                let href = tag_href(&t);
                (t, n, href)
            })
            .collect(),
        clippings: clippings.iter().map(|c| view(&ctx, c)).collect(),
        total,
        page_no,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        tag,
        tag_query,
        notice: notice(&query.done),
    }
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct ClipForm {
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub tags: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "horizon_new.html")]
pub struct ClipPage {
    page: Page,
    form: ClipForm,
    errors: FormErrors,
}

pub async fn clip_form(_signed_in: SignedIn, ctx: Ctx) -> AppResult<Response> {
    Ok(ClipPage {
        page: ctx.page("horizon-clip-title"),
        form: ClipForm::default(),
        errors: FormErrors::default(),
    }
    .into_response())
}

/// Keeps a clipping: a link (http or https), a note, and free tags.
pub async fn clip(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<ClipForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let url = errors.check("url", parse_url(&form.url));
    let note = errors.check("note", parse_note(&form.note));
    let tags = errors.check("tags", parse_tags(&form.tags));
    let (Some(url), Some(note), Some(tags)) = (url, note, tags) else {
        let mut response = ClipPage {
            page: ctx.page("horizon-clip-title"),
            form,
            errors,
        }
        .into_response();
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    };
    let id = state
        .store
        .clip(
            signed_in.organisation_id,
            signed_in.person_id,
            &NewClipping { url, note, tags },
        )
        .await?;
    Ok(Redirect::to(&format!("/horizon/{id}?done=clipped")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "horizon_clipping.html")]
pub struct ClippingPage {
    page: Page,
    clipping: ClippingView,
    comments: CommentsBlock,
    errors: FormErrors,
    lead: bool,
    notice: Option<&'static str>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
}

async fn clipping_page(
    state: &AppState,
    ctx: &Ctx,
    signed_in: &SignedIn,
    id: ClippingId,
    comment: String,
    errors: FormErrors,
    done: &str,
) -> AppResult<Response> {
    let clipping = state.store.clipping(signed_in.organisation_id, id).await?;
    let comments = comments::block(state, ctx, signed_in, CommentOn::Clipping(id), comment).await?;
    let failed = !errors.is_empty();
    let mut response = ClippingPage {
        page: ctx.page("horizon-clipping-title"),
        clipping: view(ctx, &clipping),
        comments,
        errors,
        lead: Curator::is(signed_in),
        notice: notice(done),
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// One clipping, with its comments.
pub async fn show(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ClippingId>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    clipping_page(
        &state,
        &ctx,
        &signed_in,
        id,
        String::new(),
        FormErrors::default(),
        &done.done,
    )
    .await
}

/// Comments on a clipping.
pub async fn comment(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ClippingId>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> AppResult<Response> {
    // Another organisation's, or none: not found, before anything is kept.
    state.store.clipping(signed_in.organisation_id, id).await?;
    match comments::add(&state, &signed_in, CommentOn::Clipping(id), &form).await? {
        Ok(done) => Ok(done),
        Err(errors) => clipping_page(&state, &ctx, &signed_in, id, form.comment, errors, "").await,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "horizon_remove.html")]
pub struct RemovePage {
    page: Page,
    clipping: ClippingView,
}

pub async fn remove_form(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<ClippingId>,
) -> AppResult<Response> {
    let clipping = state.store.clipping(curator.organisation_id, id).await?;
    Ok(RemovePage {
        page: ctx.page("horizon-remove-title"),
        clipping: view(&ctx, &clipping),
    }
    .into_response())
}

/// A lead removes a clipping and its comments.
pub async fn remove(
    curator: Curator,
    State(state): State<AppState>,
    Path(id): Path<ClippingId>,
    CsrfForm(_): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    state
        .store
        .remove_clipping(curator.organisation_id, id, curator.person_id)
        .await?;
    Ok(Redirect::to("/horizon?done=removed").into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct PeriodQuery {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

pub struct GroupView {
    /// `None`: the clippings with no tag.
    pub tag: Option<String>,
    pub clippings: Vec<ClippingView>,
    pub comments: usize,
}

pub struct HalfYearLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct WriteUpForm {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "horizon_synthesis.html")]
pub struct SynthesisPage {
    page: Page,
    /// The period shown, as the form's fields hold it.
    from: String,
    to: String,
    /// The period shown, in words.
    period: String,
    halves: Vec<HalfYearLink>,
    groups: Vec<GroupView>,
    clipped: usize,
    lead: bool,
    form: WriteUpForm,
    errors: FormErrors,
}

fn half_label(ctx: &Ctx, half: Period) -> String {
    let id = if half.is_first_half() {
        "horizon-half-first"
    } else {
        "horizon-half-second"
    };
    ctx.tr.t1(id, "year", half.from.year().to_string())
}

async fn synthesis_page(
    state: &AppState,
    ctx: &Ctx,
    signed_in: &SignedIn,
    query: PeriodQuery,
    form: Option<WriteUpForm>,
    mut errors: FormErrors,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let today = today();
    let period = match Period::parse(&query.from, &query.to, today) {
        Ok(p) => p,
        Err(e) => {
            errors.add("from", e.0);
            Period::parse("", "", today).map_err(|e| anyhow::anyhow!("{e}"))?
        }
    };
    let clippings = state.store.clippings_in(org, period).await?;
    let by_id: HashMap<ClippingId, &Clipping> = clippings.iter().map(|c| (c.id, c)).collect();
    let to_synthesise: Vec<ToSynthesise> = clippings
        .iter()
        .map(|c| ToSynthesise {
            id: c.id,
            tags: c.tags.clone(),
            comments: c.comments,
        })
        .collect();
    let groups = synthesise(&to_synthesise)
        .into_iter()
        .map(|g| GroupView {
            tag: g.tag,
            clippings: g
                .clippings
                .iter()
                .filter_map(|id| by_id.get(id).map(|c| view(ctx, c)))
                .collect(),
            comments: g.comments,
        })
        .collect();
    let halves = Period::half_years(today, HALF_YEARS)
        .into_iter()
        .map(|half| HalfYearLink {
            href: format!("/horizon/synthesis?{}", period_query(half)),
            label: half_label(ctx, half),
            current: half == period,
        })
        .collect();
    let failed = !errors.is_empty();
    let (from, to) = (format_date(period.from), format_date(period.to));
    let mut response = SynthesisPage {
        page: ctx.page("horizon-synthesis-title"),
        period: ctx.tr.args(
            "horizon-period",
            [
                ("from", ctx.tr.date(&from).into()),
                ("to", ctx.tr.date(&to).into()),
            ],
        ),
        form: form.unwrap_or_else(|| WriteUpForm {
            from: from.clone(),
            to: to.clone(),
            ..WriteUpForm::default()
        }),
        from,
        to,
        halves,
        groups,
        clipped: clippings.len(),
        lead: Curator::is(signed_in),
        errors,
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// A period's clippings grouped by tag (by default the last six months), with links to the
/// half-years; for a lead, the form to write it up.
pub async fn synthesis(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<PeriodQuery>,
) -> AppResult<Response> {
    synthesis_page(&state, &ctx, &signed_in, query, None, FormErrors::default()).await
}

/// A lead publishes a write-up of the period the synthesis showed.
pub async fn publish(
    curator: Curator,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<WriteUpForm>,
) -> AppResult<Response> {
    let mut errors = FormErrors::default();
    let period = errors.check("from", Period::parse(&form.from, &form.to, today()));
    let title = errors.check("title", parse_title(&form.title));
    let text = errors.check("text", parse_write_up(&form.text));
    let (Some(period), Some(title), Some(text)) = (period, title, text) else {
        let query = PeriodQuery {
            from: form.from.clone(),
            to: form.to.clone(),
        };
        let signed_in = SignedIn(curator.0.clone());
        return synthesis_page(&state, &ctx, &signed_in, query, Some(form), errors).await;
    };
    let id = state
        .store
        .publish_write_up(
            curator.organisation_id,
            period,
            &title,
            &text,
            curator.person_id,
        )
        .await?;
    Ok(Redirect::to(&format!("/horizon/write-ups/{id}?done=published")).into_response())
}

pub struct WriteUpView {
    pub id: WriteUpId,
    pub title: String,
    pub paragraphs: Vec<Vec<String>>,
    pub writer: Option<String>,
    pub day: String,
    pub period: String,
    pub synthesis: String,
}

fn write_up_view(ctx: &Ctx, w: &WriteUp) -> WriteUpView {
    WriteUpView {
        id: w.id,
        title: w.title.clone(),
        paragraphs: as_paragraphs(&w.body),
        writer: w.writer.clone(),
        day: day(ctx, w.published_at),
        period: ctx.tr.args(
            "horizon-period",
            [
                ("from", ctx.tr.date(&format_date(w.period.from)).into()),
                ("to", ctx.tr.date(&format_date(w.period.to)).into()),
            ],
        ),
        synthesis: format!("/horizon/synthesis?{}", period_query(w.period)),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "horizon_write_ups.html")]
pub struct WriteUpsPage {
    page: Page,
    write_ups: Vec<WriteUpView>,
}

/// Every published write-up, the latest first.
pub async fn write_ups(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    let write_ups = state
        .store
        .write_ups(signed_in.organisation_id, 0)
        .await?
        .iter()
        .map(|w| write_up_view(&ctx, w))
        .collect();
    Ok(WriteUpsPage {
        page: ctx.page("horizon-write-ups-title"),
        write_ups,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "horizon_write_up.html")]
pub struct WriteUpPage {
    page: Page,
    write_up: WriteUpView,
    notice: Option<&'static str>,
}

pub async fn write_up(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<WriteUpId>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let write_up = state.store.write_up(signed_in.organisation_id, id).await?;
    let mut page = ctx.page("horizon-write-ups-title");
    page.title = write_up.title.clone();
    Ok(WriteUpPage {
        page,
        write_up: write_up_view(&ctx, &write_up),
        notice: notice(&done.done),
    }
    .into_response())
}

/// The write-ups published in the last
/// [`skillgym_domain::horizon::WRITE_UP_ON_HOME_DAYS`] days, for the home page:
/// (id, title).
pub(crate) async fn on_home(
    state: &AppState,
    org: skillgym_domain::OrganisationId,
) -> AppResult<Vec<(WriteUpId, String)>> {
    let since = on_home_since(skillgym_store::now());
    Ok(state
        .store
        .write_ups(org, since)
        .await?
        .into_iter()
        .map(|w| (w.id, w.title))
        .collect())
}
