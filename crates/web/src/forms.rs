//! Forms: reading them only once their CSRF token is checked, and the errors they show.

use crate::context::Ctx;
use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use skillgym_domain::Invalid;

/// A urlencoded form whose `csrf` field has been checked: handlers cannot read a form
/// without the check having passed.
pub struct CsrfForm<T>(pub T);

#[derive(Deserialize)]
struct Token {
    #[serde(default)]
    csrf: String,
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = req
            .extensions()
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("request context missing")))?;
        let body = Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::BadRequest("body"))?;
        let token: Token =
            serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest("form"))?;
        ctx.check_csrf(&token.csrf)?;
        let form = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest("form"))?;
        Ok(CsrfForm(form))
    }
}

/// The problems with a submitted form, field by field, as message ids.
#[derive(Debug, Default, Clone)]
pub struct FormErrors(Vec<(String, &'static str)>);

impl FormErrors {
    pub fn add(&mut self, field: impl Into<String>, message: &'static str) {
        let field = field.into();
        if !self.has(&field) {
            self.0.push((field, message));
        }
    }

    /// Parses a field, noting its problem and giving `None` when it is invalid.
    pub fn check<T>(&mut self, field: &'static str, parsed: Result<T, Invalid>) -> Option<T> {
        match parsed {
            Ok(v) => Some(v),
            Err(Invalid(code)) => {
                self.add(field, code);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _)| *f == field)
    }

    /// The message id for a field's problem ("" when it has none).
    pub fn message(&self, field: &str) -> &'static str {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| *m)
            .unwrap_or("")
    }

    pub fn iter(&self) -> impl Iterator<Item = &(String, &'static str)> {
        self.0.iter()
    }
}
