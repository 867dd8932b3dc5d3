//! Forms: reading them only once their CSRF token is checked, and the errors they show.

use crate::context::Ctx;
use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use skillgym_domain::Invalid;
use skillgym_i18n::{Arg, Tr};

/// A urlencoded form whose `csrf` field has been checked: handlers cannot read a form
/// without the check having passed.
pub struct CsrfForm<T>(pub T);

/// A form that carries nothing but its CSRF token: a button.
#[derive(serde::Deserialize)]
pub struct Empty {}

/// A form whose one box says "yes, I am sure" (`confirm=yes`), as removing something asks.
#[derive(serde::Deserialize)]
pub struct Confirmed {
    #[serde(default)]
    confirm: String,
}

impl Confirmed {
    /// Whether the box was ticked.
    pub fn is_confirmed(&self) -> bool {
        self.confirm == "yes"
    }
}

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
        let body = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::TooLarge
            } else {
                AppError::BadRequest("body")
            }
        })?;
        let token: Token =
            serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest("form"))?;
        ctx.check_csrf(&token.csrf)?;
        let form = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest("form"))?;
        Ok(CsrfForm(form))
    }
}

/// The problems with a submitted form, field by field, as message ids.
#[derive(Debug, Default, Clone)]
pub struct FormErrors(Vec<FieldError>);

/// One field's problem: a message id, and the words it names (such as which box of a table is
/// wrong, so that the entries of an error summary tell apart boxes that share a message).
#[derive(Debug, Clone)]
pub struct FieldError {
    pub field: String,
    message: &'static str,
    args: Vec<(&'static str, String)>,
}

impl FieldError {
    /// The message in the reader's language.
    pub fn text(&self, tr: &Tr) -> String {
        tr.args(
            self.message,
            self.args.iter().map(|(k, v)| (*k, Arg::from(v.as_str()))),
        )
    }
}

impl FormErrors {
    pub fn add(&mut self, field: impl Into<String>, message: &'static str) {
        self.add_with(field, message, Vec::new());
    }

    /// Notes a problem whose message names things, as (argument, words) pairs.
    pub fn add_with(
        &mut self,
        field: impl Into<String>,
        message: &'static str,
        args: Vec<(&'static str, String)>,
    ) {
        let field = field.into();
        if !self.has(&field) {
            self.0.push(FieldError {
                field,
                message,
                args,
            });
        }
    }

    /// Adds another form's problems, after this one's; a field keeps its first problem.
    pub fn append(&mut self, other: FormErrors) {
        for e in other.0 {
            self.add_with(e.field, e.message, e.args);
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
        self.0.iter().any(|e| e.field == field)
    }

    /// The message id for a field's problem ("" when it has none).
    pub fn message(&self, field: &str) -> &'static str {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message)
            .unwrap_or("")
    }

    /// A field's problem in the reader's language, with the words it names ("" when it has
    /// none).
    pub fn text(&self, tr: &Tr, field: &str) -> String {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.text(tr))
            .unwrap_or_default()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }
}
