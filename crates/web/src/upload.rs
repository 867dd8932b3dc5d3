//! Uploads: a multipart form carrying one file, read only once its CSRF token is checked.
//!
//! The body's size is capped by the limit each upload route sets in the router (a body declared
//! larger is refused before it is read). A body that goes over it all the same fails
//! [`Upload::read`] as too large; [`Upload::read_all`] reports it, so that the form can say so.

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use axum::body::{Body, Bytes};
use axum::extract::Multipart;
use axum::extract::Request;
use axum::extract::multipart::MultipartError;
use axum::http::StatusCode;
use futures_util::StreamExt;

/// The file a person chose, as the browser sent it.
pub struct UploadedFile {
    /// The name it had on their computer, when the browser gave one.
    pub name: Option<String>,
    /// Never empty: choosing no file reads as no file.
    pub bytes: Bytes,
}

/// A submitted upload form whose CSRF token has been checked.
pub struct Upload {
    /// `None` when no file was chosen (or an empty one was).
    pub file: Option<UploadedFile>,
    texts: Vec<(&'static str, String)>,
}

impl Upload {
    /// Reads the form: the `csrf` field, the file field `file_field`, and the text fields
    /// `text_fields` (the last, when one is sent twice); any other field is ignored. Fails with
    /// a bad request when the form cannot be read, as too large when it is over the route's
    /// limit, and with a CSRF error when the token is wrong or missing.
    pub async fn read(
        ctx: &Ctx,
        multipart: Multipart,
        file_field: &str,
        text_fields: &[&'static str],
    ) -> AppResult<Upload> {
        let submitted = read_form(ctx, multipart, file_field, |name| {
            text_fields.contains(&name)
        })
        .await?;
        if submitted.too_large {
            return Err(AppError::TooLarge);
        }
        let mut texts: Vec<(&'static str, String)> = Vec::new();
        for (name, value) in submitted.texts {
            if let Some(&wanted) = text_fields.iter().find(|&&t| t == name) {
                texts.retain(|(n, _)| *n != wanted);
                texts.push((wanted, value));
            }
        }
        Ok(Upload {
            file: submitted.file,
            texts,
        })
    }

    /// A text field's value; empty when the form did not send it.
    pub fn text(&self, field: &str) -> &str {
        self.texts
            .iter()
            .find(|(n, _)| *n == field)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Reads a form that carries a file among any number of text fields (such as a form with
    /// numbered rows): the file field `file_field` and every text field, in order. Checks the
    /// CSRF token as [`Upload::read`] does.
    ///
    /// A body over the route's limit is not an error here: reading stops where the limit was
    /// reached, so the form can be shown again with what came before it (see
    /// [`Submitted::too_large`]).
    pub async fn read_all(
        ctx: &Ctx,
        multipart: Multipart,
        file_field: &str,
    ) -> AppResult<Submitted> {
        read_form(ctx, multipart, file_field, |_| true).await
    }
}

/// Reads a multipart form to its end, or to the route's body limit: the `csrf` field (then
/// checked), the file field `file_field`, and the text fields `keep` accepts, in order, at
/// most `MAX_FIELDS` of them.
async fn read_form(
    ctx: &Ctx,
    mut multipart: Multipart,
    file_field: &str,
    keep: impl Fn(&str) -> bool,
) -> AppResult<Submitted> {
    const MAX_FIELDS: usize = 500;
    let mut csrf = None;
    let mut file = None;
    let mut texts = Vec::new();
    let mut too_large = false;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if over_limit(&e) => {
                too_large = true;
                break;
            }
            Err(_) => return Err(AppError::BadRequest("multipart")),
        };
        let Some(name) = field.name().map(str::to_string) else {
            continue;
        };
        if name == "csrf" {
            csrf = Some(
                field
                    .text()
                    .await
                    .map_err(|_| AppError::BadRequest("csrf"))?,
            );
        } else if name == file_field {
            let file_name = field.file_name().map(str::to_string);
            match field.bytes().await {
                Ok(bytes) => {
                    file = Some(UploadedFile {
                        name: file_name,
                        bytes,
                    })
                }
                Err(e) if over_limit(&e) => {
                    too_large = true;
                    break;
                }
                Err(_) => return Err(AppError::BadRequest("file")),
            }
        } else if keep(&name) {
            if texts.len() >= MAX_FIELDS {
                return Err(AppError::BadRequest("fields"));
            }
            match field.text().await {
                Ok(value) => texts.push((name, value)),
                Err(e) if over_limit(&e) => {
                    too_large = true;
                    break;
                }
                Err(_) => return Err(AppError::BadRequest("field")),
            }
        }
    }
    ctx.check_csrf(csrf.as_deref().unwrap_or(""))?;
    Ok(Submitted {
        file: file.filter(|f| !f.bytes.is_empty()),
        texts,
        too_large,
    })
}

/// A form read by [`Upload::read_all`].
pub struct Submitted {
    /// `None` when no file was chosen (or an empty one was), or the body was too large.
    pub file: Option<UploadedFile>,
    /// The text fields, in the order the form sent them.
    pub texts: Vec<(String, String)>,
    /// The body went over the route's limit, so reading stopped there: `texts` holds only the
    /// fields sent before that point.
    pub too_large: bool,
}

/// How long, and how much, the rest of a refused body is read for (see [`drain_unread`]).
const DRAIN_TIME: std::time::Duration = std::time::Duration::from_secs(30);
const DRAIN_BYTES: usize = 128 * 1024 * 1024;

/// The request with its body passed through a task that, once the handler stops reading it
/// (at the route's body limit), reads and drops the rest, for a while. The page that refuses
/// the file is sent at once; but closing the connection while the browser is still sending
/// makes it reset, and the browser would show that instead of the page.
pub fn drain_unread(request: Request) -> Request {
    let (parts, body) = request.into_parts();
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, axum::Error>>(4);
    tokio::spawn(async move {
        let mut stream = body.into_data_stream();
        // Set once the handler has stopped reading.
        let mut draining: Option<(tokio::time::Instant, usize)> = None;
        loop {
            let next = match draining {
                None => stream.next().await,
                Some((until, _)) => tokio::time::timeout_at(until, stream.next())
                    .await
                    .ok()
                    .flatten(),
            };
            match (next, &mut draining) {
                (None, _) => break,
                (Some(Ok(bytes)), None) => {
                    let read = bytes.len();
                    if tx.send(Ok(bytes)).await.is_err() {
                        draining = Some((tokio::time::Instant::now() + DRAIN_TIME, read));
                    }
                }
                (Some(Ok(bytes)), Some((_, drained))) => {
                    *drained += bytes.len();
                    if *drained > DRAIN_BYTES {
                        break;
                    }
                }
                (Some(Err(e)), _) => {
                    let _ = tx.send(Err(e)).await;
                    break;
                }
            }
        }
    });
    let body = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    Request::from_parts(parts, Body::from_stream(body))
}

/// Reads and drops a refused body in the background, for as long as [`drain_unread`] would:
/// the page that refuses it goes out at once, and the browser, which is still sending, then
/// reads it rather than a reset connection.
pub fn discard(body: Body) {
    tokio::spawn(async move {
        let until = tokio::time::Instant::now() + DRAIN_TIME;
        let mut stream = body.into_data_stream();
        let mut drained = 0;
        while let Ok(Some(Ok(bytes))) = tokio::time::timeout_at(until, stream.next()).await {
            drained += bytes.len();
            if drained > DRAIN_BYTES {
                break;
            }
        }
    });
}

/// Whether reading failed because the body went over the route's `DefaultBodyLimit`.
fn over_limit(e: &MultipartError) -> bool {
    e.status() == StatusCode::PAYLOAD_TOO_LARGE
}

/// Reads a form that may carry a file in `file_field`, checking its CSRF token: a page sends
/// it as multipart; a plain form (from a client with no file to send) is read as well, with no
/// file.
pub async fn read_with_file(
    state: &crate::AppState,
    ctx: &Ctx,
    request: Request,
    file_field: &str,
) -> AppResult<Submitted> {
    use axum::extract::FromRequest;
    let multipart = request
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if multipart {
        let multipart = Multipart::from_request(drain_unread(request), state)
            .await
            .map_err(|_| AppError::BadRequest("multipart"))?;
        Upload::read_all(ctx, multipart, file_field).await
    } else {
        let crate::forms::CsrfForm(texts) =
            crate::forms::CsrfForm::<Vec<(String, String)>>::from_request(request, state).await?;
        Ok(Submitted {
            file: None,
            texts,
            too_large: false,
        })
    }
}
