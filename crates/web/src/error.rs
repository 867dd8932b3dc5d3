//! The web layer's one error type, and how each kind becomes a response.

use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use skillgym_store::StoreError;

/// What can stop a request. The page that explains it is rendered by the request context,
/// which knows the person's language.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign in needed")]
    SignInRequired,
    #[error("forbidden")]
    Forbidden,
    /// The form's token does not match: the page is older than a sign-in, sign-out or the end
    /// of the session.
    #[error("the form was out of date")]
    BadCsrf,
    /// The form came without its token.
    #[error("the form had no CSRF token")]
    CsrfTokenMissing,
    /// The browser sent no CSRF cookie: it is not keeping cookies for this site.
    #[error("the request had no CSRF cookie")]
    CsrfCookieMissing,
    /// The form was posted from a page of another site.
    #[error("the form came from another site")]
    OtherSite,
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// Too many passwords being checked at once: come back in a moment.
    #[error("too busy checking passwords")]
    Busy,
    /// The body went over its route's limit; the route's own limit is named on the page (see
    /// `routes::limit_body`).
    #[error("request body too large")]
    TooLarge,
    #[error("database unavailable: {0}")]
    Unavailable(StoreError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// When to try again after [`AppError::Busy`], in seconds: a few password checks' time.
const BUSY_RETRY_AFTER_SECS: &str = "5";

/// Marks a response whose body the context should fill with the error page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ErrorPage {
    pub status: StatusCode,
    /// Fluent ids of the heading and the advice.
    pub title: &'static str,
    pub advice: &'static str,
    /// The route's body limit, for the advice of a body too large.
    pub megabytes: Option<u64>,
}

impl ErrorPage {
    /// The page for a body over a route's limit of `limit` bytes, which it names.
    pub fn too_large(limit: usize) -> ErrorPage {
        ErrorPage {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            title: "error-too-large-title",
            advice: "error-too-large-limit-advice",
            megabytes: Some((limit / (1024 * 1024)) as u64),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            e if e.is_unavailable() => AppError::Unavailable(e),
            e => AppError::Internal(e.into()),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let page = match &self {
            AppError::NotFound => ErrorPage {
                status: StatusCode::NOT_FOUND,
                title: "error-not-found-title",
                advice: "error-not-found-advice",
                megabytes: None,
            },
            AppError::SignInRequired => {
                return axum::response::Redirect::to("/sign-in").into_response();
            }
            AppError::Forbidden => ErrorPage {
                status: StatusCode::FORBIDDEN,
                title: "error-forbidden-title",
                advice: "error-forbidden-advice",
                megabytes: None,
            },
            AppError::BadCsrf => ErrorPage {
                status: StatusCode::FORBIDDEN,
                title: "error-csrf-title",
                advice: "error-csrf-advice",
                megabytes: None,
            },
            AppError::CsrfTokenMissing => ErrorPage {
                status: StatusCode::FORBIDDEN,
                title: "error-csrf-missing-title",
                advice: "error-csrf-missing-advice",
                megabytes: None,
            },
            AppError::CsrfCookieMissing => ErrorPage {
                status: StatusCode::FORBIDDEN,
                title: "error-csrf-no-cookie-title",
                advice: "error-csrf-no-cookie-advice",
                megabytes: None,
            },
            AppError::OtherSite => ErrorPage {
                status: StatusCode::FORBIDDEN,
                title: "error-other-site-title",
                advice: "error-other-site-advice",
                megabytes: None,
            },
            AppError::BadRequest(_) => ErrorPage {
                status: StatusCode::BAD_REQUEST,
                title: "error-bad-request-title",
                advice: "error-bad-request-advice",
                megabytes: None,
            },
            AppError::TooLarge => ErrorPage {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                title: "error-too-large-title",
                advice: "error-too-large-advice",
                megabytes: None,
            },
            AppError::Busy => {
                let mut response = StatusCode::SERVICE_UNAVAILABLE.into_response();
                response
                    .headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from_static(BUSY_RETRY_AFTER_SECS));
                response.extensions_mut().insert(ErrorPage {
                    status: StatusCode::SERVICE_UNAVAILABLE,
                    title: "error-busy-title",
                    advice: "error-busy-advice",
                    megabytes: None,
                });
                return response;
            }
            AppError::Unavailable(e) => {
                tracing::error!(error = %e, "database unavailable");
                ErrorPage {
                    status: StatusCode::SERVICE_UNAVAILABLE,
                    title: "error-unavailable-title",
                    advice: "error-unavailable-advice",
                    megabytes: None,
                }
            }
            AppError::Internal(e) => {
                tracing::error!(error = ?e, "request failed");
                ErrorPage {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    title: "error-internal-title",
                    advice: "error-internal-advice",
                    megabytes: None,
                }
            }
        };
        let mut response = page.status.into_response();
        response.extensions_mut().insert(page);
        response
    }
}

pub type AppResult<T> = Result<T, AppError>;
