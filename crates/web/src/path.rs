//! The values in a route's path (`/campaigns/{id}/report`), parsed into their types. A path
//! whose id is not a number, or not one that fits, names no page: the person is told the page
//! was not found, in their language, rather than shown axum's own plain-text rejection.

use crate::error::AppError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

/// A route's path parameters as `T`: a typed id (`Path<CampaignId>`), or a tuple of them and
/// other values (`Path<(FrameworkId, String)>`). Used in every handler in place of
/// `axum::extract::Path` (clippy.toml refuses that one), so that no route answers a mistyped
/// address differently.
#[derive(Debug, Clone, Copy)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    #[allow(clippy::disallowed_types, reason = "the one place it is wrapped")]
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            // The address is at fault (not a number, too large, not UTF-8): no such page.
            Err(rejection) if rejection.status().is_client_error() => Err(AppError::NotFound),
            // The route and its handler disagree about the parameters: a fault of ours.
            Err(rejection) => Err(AppError::Internal(anyhow::anyhow!(
                "path parameters: {}",
                rejection.body_text()
            ))),
        }
    }
}
