//! The page to import a CSV file of rows (a catalogue, completions): the form, and the file's
//! problems by line and column when it was refused, nothing having been written; and, for a
//! register (the learning catalogue, services, kit), reading the file sent, the page it goes
//! back to once imported, and its export.

use super::framework_files::{ShownProblem, download, shown_csv_problems};
use crate::context::Ctx;
use crate::error::AppResult;
use crate::page::Page;
use crate::upload::Upload;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Multipart;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use skillgym_domain::FileLanguage;
use skillgym_domain::csv_file::CsvProblem;

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

impl ImportForm {
    /// The file sent to this form, read with `read`: what it holds, or the page refusing it
    /// (no file, or the file's problems) with nothing written.
    pub async fn read_upload<T>(
        &'static self,
        ctx: &Ctx,
        multipart: Multipart,
        read: impl FnOnce(&[u8]) -> Result<T, Vec<CsvProblem>>,
    ) -> AppResult<Result<T, Response>> {
        let upload = Upload::read(ctx, multipart, self.field, &[]).await?;
        let Some(file) = upload.file else {
            return Ok(Err(import_page(ctx, self, Vec::new(), true)));
        };
        Ok(read(&file.bytes).map_err(|problems| {
            import_page(ctx, self, shown_csv_problems(problems, &ctx.tr), false)
        }))
    }

    /// Back to the page the import belongs to, which says how many were added and changed.
    pub fn imported(&self, added: usize, updated: usize) -> Response {
        Redirect::to(&format!("{}?added={added}&updated={updated}", self.back)).into_response()
    }
}

/// A register as the CSV file `name`, in the reader's language, as `write` writes it.
pub fn export(
    ctx: &Ctx,
    name: &str,
    write: impl FnOnce(&mut Vec<u8>, FileLanguage) -> std::io::Result<()>,
) -> AppResult<Response> {
    let mut body = Vec::new();
    write(&mut body, FileLanguage::from_tag(ctx.tr.lang().code())).map_err(anyhow::Error::from)?;
    Ok(download("text/csv; charset=utf-8", name, body))
}
