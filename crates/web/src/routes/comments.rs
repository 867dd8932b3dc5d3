//! Comments, the same on horizon-scanning clippings and champions' board posts: the list and
//! form each page shows (the `comments.html` partial), adding one, and removing one (its
//! author, or a lead: a trainer or administrator).

use crate::AppState;
use crate::access::{Curator, SignedIn};
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::path::Path;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use skillgym_domain::comments::{CommentOn, paragraphs, parse_comment};
use skillgym_domain::{CommentId, uk_time};
use skillgym_store::{Comment, SessionRecord};

/// The day an instant falls on, in the UK, as the reader's language writes it.
pub(crate) fn day(ctx: &Ctx, at: i64) -> String {
    ctx.tr.date(&skillgym_domain::people::format_date(
        uk_time::local(at).date(),
    ))
}

/// Plain text as paragraphs of lines, for a template to show as text.
pub(crate) fn as_paragraphs(text: &str) -> Vec<Vec<String>> {
    paragraphs(text)
        .into_iter()
        .map(|p| p.into_iter().map(str::to_string).collect())
        .collect()
}

/// Who may remove a comment: its author, or a lead.
fn may_remove(user: &SessionRecord, comment: &Comment) -> bool {
    Curator::is(user) || comment.author == Some(user.person_id)
}

pub struct CommentView {
    pub id: CommentId,
    /// `None` once its author is no longer in the organisation.
    pub author: Option<String>,
    pub day: String,
    pub paragraphs: Vec<Vec<String>>,
    pub removable: bool,
}

/// What the `comments.html` partial shows: the comments, and the form to add one.
pub struct CommentsBlock {
    pub items: Vec<CommentView>,
    /// Where the form posts.
    pub action: String,
    /// The comment as typed, when it was refused.
    pub text: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    pub comment: String,
}

/// The comments on `on` as `user` sees them, with the form holding `text`.
pub(crate) async fn block(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    on: CommentOn,
    text: String,
) -> AppResult<CommentsBlock> {
    let items = state
        .store
        .comments_on(user.organisation_id, on)
        .await?
        .into_iter()
        .map(|c| CommentView {
            id: c.id,
            removable: may_remove(user, &c),
            author: c.author_name.clone(),
            day: day(ctx, c.written_at),
            paragraphs: as_paragraphs(&c.body),
        })
        .collect();
    Ok(CommentsBlock {
        items,
        action: format!("{}/comments", on.path()),
        text,
    })
}

/// Keeps `signed_in`'s comment on `on` (which the caller found in their organisation) and
/// sends them back to it; or, refused, the errors to show on its page.
pub(crate) async fn add(
    state: &AppState,
    signed_in: &SignedIn,
    on: CommentOn,
    form: &CommentForm,
) -> AppResult<Result<Response, FormErrors>> {
    let mut errors = FormErrors::default();
    let Some(body) = errors.check("comment", parse_comment(&form.comment)) else {
        return Ok(Err(errors));
    };
    state
        .store
        .add_comment(signed_in.organisation_id, on, signed_in.person_id, &body)
        .await?;
    Ok(Ok(Redirect::to(&format!(
        "{}?done=commented#comments",
        on.path()
    ))
    .into_response()))
}

/// Removes a comment: its author, or a lead (in the audit trail either way).
pub async fn remove(
    signed_in: SignedIn,
    State(state): State<AppState>,
    Path(id): Path<CommentId>,
    CsrfForm(_): CsrfForm<std::collections::HashMap<String, String>>,
) -> AppResult<Response> {
    let org = signed_in.organisation_id;
    let comment = state.store.comment(org, id).await?;
    if !may_remove(&signed_in, &comment) {
        return Err(AppError::Forbidden);
    }
    state
        .store
        .remove_comment(org, id, signed_in.person_id)
        .await?;
    Ok(Redirect::to(&format!(
        "{}?done=comment-removed#comments",
        comment.on.path()
    ))
    .into_response())
}
