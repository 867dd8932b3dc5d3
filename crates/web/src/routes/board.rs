//! The champions' board: digital champions, trainers and administrators post tips and good
//! practice (a title, a text, perhaps a competence of the organisation's frameworks); everyone
//! signed in reads and comments; the author or a lead removes a tip.

use super::comments::{self, CommentForm, CommentsBlock, as_paragraphs, day};
use crate::AppState;
use crate::access::{BoardWriter, Curator, SignedIn};
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
use skillgym_domain::BoardPostId;
use skillgym_domain::board::{parse_text, parse_title};
use skillgym_domain::comments::CommentOn;
use skillgym_store::{BoardPost, NewBoardPost, SessionRecord};

/// A competence's code, title and the title's language.
type Competences = Vec<(String, String, &'static str)>;

pub struct PostView {
    pub id: BoardPostId,
    pub title: String,
    pub paragraphs: Vec<Vec<String>>,
    /// `None` once the author is no longer in the organisation.
    pub author: Option<String>,
    pub day: String,
    /// The competence it is about, in the reader's language.
    pub competence: Option<(String, &'static str)>,
    pub comments: usize,
}

fn view(ctx: &Ctx, p: &BoardPost, competences: &Competences) -> PostView {
    PostView {
        id: p.id,
        title: p.title.clone(),
        paragraphs: as_paragraphs(&p.body),
        author: p.author_name.clone(),
        day: day(ctx, p.posted_at),
        competence: p.competence.as_deref().map(|code| {
            competences
                .iter()
                .find(|(c, _, _)| c == code)
                .map(|(_, title, lang)| (title.clone(), *lang))
                .unwrap_or_else(|| (code.to_string(), "en"))
        }),
        comments: p.comments,
    }
}

/// Who may remove a tip: its author, or a lead.
fn may_remove(user: &SessionRecord, post: &BoardPost) -> bool {
    Curator::is(user) || post.author == Some(user.person_id)
}

fn notice(done: &str) -> Option<&'static str> {
    match done {
        "posted" => Some("board-posted"),
        "removed" => Some("board-removed"),
        "commented" => Some("comments-added"),
        "comment-removed" => Some("comments-removed"),
        _ => None,
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "board.html")]
pub struct BoardPage {
    page: Page,
    posts: Vec<PostView>,
    writer: bool,
    notice: Option<&'static str>,
}

/// Every tip, the latest first.
pub async fn list(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let competences = super::catalogue::competence_titles(&state, &ctx, org).await?;
    let posts = state
        .store
        .board_posts(org)
        .await?
        .iter()
        .map(|p| view(&ctx, p, &competences))
        .collect();
    Ok(BoardPage {
        page: ctx.page("board-title"),
        posts,
        writer: BoardWriter::is(&signed_in),
        notice: notice(&done.done),
    }
    .into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct PostForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub competence: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "board_new.html")]
pub struct NewPage {
    page: Page,
    competences: Competences,
    form: PostForm,
    errors: FormErrors,
}

pub async fn new_form(
    writer: BoardWriter,
    State(state): State<AppState>,
    ctx: Ctx,
) -> AppResult<Response> {
    Ok(NewPage {
        page: ctx.page("board-new-title"),
        competences: super::catalogue::competence_titles(&state, &ctx, writer.organisation_id)
            .await?,
        form: PostForm::default(),
        errors: FormErrors::default(),
    }
    .into_response())
}

/// Posts a tip: a title, a text, and perhaps a competence of the organisation's frameworks.
pub async fn create(
    writer: BoardWriter,
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<PostForm>,
) -> AppResult<Response> {
    let org = writer.organisation_id;
    let competences = super::catalogue::competence_titles(&state, &ctx, org).await?;
    let mut errors = FormErrors::default();
    let title = errors.check("title", parse_title(&form.title));
    let text = errors.check("text", parse_text(&form.text));
    let code = form.competence.trim();
    let competence = if code.is_empty() {
        None
    } else if competences.iter().any(|(c, _, _)| c == code) {
        Some(code.to_string())
    } else {
        errors.add("competence", "board-competence-unknown");
        None
    };
    let (Some(title), Some(body), true) = (title, text, errors.is_empty()) else {
        let mut response = NewPage {
            page: ctx.page("board-new-title"),
            competences,
            form,
            errors,
        }
        .into_response();
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    };
    let id = state
        .store
        .post_to_board(
            org,
            writer.person_id,
            &NewBoardPost {
                title,
                body,
                competence,
            },
        )
        .await?;
    Ok(Redirect::to(&format!("/champions/board/{id}?done=posted")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "board_post.html")]
pub struct PostPage {
    page: Page,
    post: PostView,
    competence_code: String,
    comments: CommentsBlock,
    errors: FormErrors,
    removable: bool,
    notice: Option<&'static str>,
}

async fn post_page(
    state: &AppState,
    ctx: &Ctx,
    signed_in: &SignedIn,
    id: BoardPostId,
    comment: String,
    errors: FormErrors,
    done: &str,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let post = state.store.board_post(org, id).await?;
    let competences = super::catalogue::competence_titles(state, ctx, org).await?;
    let comments =
        comments::block(state, ctx, signed_in, CommentOn::BoardPost(id), comment).await?;
    let failed = !errors.is_empty();
    let mut page = ctx.page("board-title");
    page.title = post.title.clone();
    let mut response = PostPage {
        page,
        removable: may_remove(signed_in, &post),
        competence_code: post.competence.clone().unwrap_or_default(),
        post: view(ctx, &post, &competences),
        comments,
        errors,
        notice: notice(done),
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// One tip, with its comments.
pub async fn show(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<BoardPostId>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    post_page(
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

/// Comments on a tip.
pub async fn comment(
    signed_in: SignedIn,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<BoardPostId>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> AppResult<Response> {
    state
        .store
        .board_post(signed_in.organisation_id, id)
        .await?;
    match comments::add(&state, &signed_in, CommentOn::BoardPost(id), &form).await? {
        Ok(done) => Ok(done),
        Err(errors) => post_page(&state, &ctx, &signed_in, id, form.comment, errors, "").await,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "board_remove.html")]
pub struct RemovePage {
    page: Page,
    post: PostView,
}

/// The tip, if `writer` may remove it. Only those who post may be its author or a lead, so
/// the others are refused before any tip is looked at.
async fn removable(
    state: &AppState,
    writer: &BoardWriter,
    id: BoardPostId,
) -> AppResult<BoardPost> {
    let post = state.store.board_post(writer.organisation_id, id).await?;
    if !may_remove(writer, &post) {
        return Err(AppError::Forbidden);
    }
    Ok(post)
}

pub async fn remove_form(
    writer: BoardWriter,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<BoardPostId>,
) -> AppResult<Response> {
    let post = removable(&state, &writer, id).await?;
    Ok(RemovePage {
        page: ctx.page("board-remove-title"),
        post: view(&ctx, &post, &Vec::new()),
    }
    .into_response())
}

/// The author or a lead removes a tip and its comments.
pub async fn remove(
    writer: BoardWriter,
    State(state): State<AppState>,
    Path(id): Path<BoardPostId>,
    CsrfForm(_): CsrfForm<std::collections::HashMap<String, String>>,
) -> AppResult<Response> {
    removable(&state, &writer, id).await?;
    state
        .store
        .remove_board_post(writer.organisation_id, id, writer.person_id)
        .await?;
    Ok(Redirect::to("/champions/board?done=removed").into_response())
}
