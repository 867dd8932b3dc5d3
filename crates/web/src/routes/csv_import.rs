//! The page to import a CSV file of rows (a catalogue, completions): the form, and the file's
//! problems by line and column when it was refused, nothing having been written.

use super::framework_files::ShownProblem;
use crate::context::Ctx;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// What one import's page says and where its form goes.
pub struct ImportForm {
    /// The message id of the page's title.
    pub title: &'static str,
    pub action: &'static str,
    /// The file field's name.
    pub field: &'static str,
    /// The prefix of its messages: `{prefix}-intro`, `-file-label`, `-file-hint`, `-button`,
    /// `-file-missing` and `-nothing-written`.
    pub messages: &'static str,
    /// The page it belongs to, and the message id of the link back there.
    pub back: &'static str,
    pub back_says: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "csv_import.html")]
pub struct ImportPage {
    page: Page,
    form: &'static ImportForm,
    problems: Vec<ShownProblem>,
    file_missing: bool,
}

impl ImportPage {
    fn says(&self, what: &str) -> String {
        format!("{}-{what}", self.form.messages)
    }
}

/// The page: the form alone, or refused (422) with the file's problems or its absence.
pub fn import_page(
    ctx: &Ctx,
    form: &'static ImportForm,
    problems: Vec<ShownProblem>,
    file_missing: bool,
) -> Response {
    let failed = !problems.is_empty() || file_missing;
    let mut response = ImportPage {
        page: ctx.page(form.title),
        form,
        problems,
        file_missing,
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}
