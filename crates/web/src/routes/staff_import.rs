//! The staff file: importing it on the web (the same import as `skillgym import staff`),
//! its example, and exporting everyone as one.

use super::audit_trail::{by, record};
use crate::AppState;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::page::Page;
use crate::upload::Upload;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use skillgym_domain::staff_file;
use skillgym_domain::{FileLanguage, Role};
use skillgym_store::{AuditAction, ImportOutcome, ImportRefused};

/// A problem ready to show: line, column and the explanation in the reader's language.
pub struct ShownProblem {
    pub line: u64,
    pub field: &'static str,
    pub message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "import_staff.html")]
pub struct ImportPage {
    page: Page,
    outcome: Option<ImportOutcome>,
    problems: Vec<ShownProblem>,
    file_missing: bool,
}

pub async fn form(ctx: Ctx) -> AppResult<Response> {
    ctx.require(Role::Admin)?;
    Ok(ImportPage {
        page: ctx.page("import-title"),
        outcome: None,
        problems: Vec::new(),
        file_missing: false,
    }
    .into_response())
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: Multipart,
) -> AppResult<Response> {
    let user = ctx.require(Role::Admin)?;
    let org = user.organisation_id;
    let upload = Upload::read(&ctx, multipart, "staff_file", &[]).await?;
    let page = |outcome: Option<ImportOutcome>, problems: Vec<ShownProblem>, file_missing: bool| {
        let failed = !problems.is_empty() || file_missing;
        let title = if outcome.is_some() {
            "import-done-title"
        } else {
            "import-title"
        };
        let mut response = ImportPage {
            page: ctx.page(title),
            outcome,
            problems,
            file_missing,
        }
        .into_response();
        if failed {
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        }
        response
    };
    let Some(file) = upload.file else {
        return Ok(page(None, Vec::new(), true));
    };
    match state
        .store
        .import_staff_file(org, &file.bytes, &|_| {})
        .await
    {
        Ok(outcome) => {
            tracing::info!(
                added = outcome.added,
                updated = outcome.updated,
                "staff file imported"
            );
            let event = by(user, AuditAction::StaffImported, None)
                .with("added", outcome.added)
                .with("updated", outcome.updated)
                .with("unchanged", outcome.unchanged);
            record(&state, user, event).await?;
            Ok(page(Some(outcome), Vec::new(), false))
        }
        Err(ImportRefused::Problems(problems)) => {
            let shown = problems
                .iter()
                .map(|p| ShownProblem {
                    line: p.line,
                    field: p.field.unwrap_or(""),
                    message: ctx
                        .tr
                        .t1(p.code, "value", p.value.clone().unwrap_or_default()),
                })
                .collect();
            Ok(page(None, shown, false))
        }
        Err(ImportRefused::Store(e)) => Err(e.into()),
    }
}

/// The example staff file, its header in the person's language.
pub async fn example(ctx: Ctx) -> AppResult<Response> {
    ctx.require(Role::Admin)?;
    let body: &[u8] = match file_language(&ctx) {
        FileLanguage::English => include_bytes!("../../../../examples/staff.csv"),
        FileLanguage::Welsh => include_bytes!("../../../../examples/staff.cy.csv"),
    };
    Ok(csv_download("staff-example.csv", body.to_vec()))
}

/// The language a downloaded staff file's header is written in: the person's own.
fn file_language(ctx: &Ctx) -> FileLanguage {
    FileLanguage::from_tag(ctx.tr.lang().code())
}

pub async fn export(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require(Role::Admin)?;
    let records = state.store.staff_records(user.organisation_id).await?;
    let event = by(user, AuditAction::StaffExported, None).with("people", records.len());
    record(&state, user, event).await?;
    let mut out = Vec::new();
    staff_file::write(&mut out, records, file_language(&ctx)).map_err(anyhow::Error::from)?;
    Ok(csv_download("staff.csv", out))
}

fn csv_download(name: &str, body: Vec<u8>) -> Response {
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}
