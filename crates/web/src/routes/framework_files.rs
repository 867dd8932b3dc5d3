//! Frameworks as files: importing one (CASE 1.0 JSON or CSV, told apart by content, the same
//! import as `skillgym import framework`) and downloading one in either format.

use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::AppResult;
use crate::page::Page;
use crate::path::Path;
use crate::upload::Upload;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use skillgym_domain::audit::{Framework, case, framework_csv};
use skillgym_domain::{FileLanguage, FrameworkId};
use skillgym_i18n::Tr;
use skillgym_store::StoreError;

/// A problem ready to show: the item or line, the field, and the explanation.
pub struct ShownProblem {
    pub place: String,
    pub field: String,
    pub message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "framework_import.html")]
pub struct ImportPage {
    page: Page,
    problems: Vec<ShownProblem>,
    file_missing: bool,
}

pub async fn form(_: Admin, ctx: Ctx) -> AppResult<Response> {
    Ok(ImportPage {
        page: ctx.page("frameworks-import-title"),
        problems: Vec::new(),
        file_missing: false,
    }
    .into_response())
}

pub async fn submit(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: Multipart,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let upload = Upload::read(&ctx, multipart, "framework_file", &[]).await?;
    let refused = |problems: Vec<ShownProblem>, file_missing: bool| {
        let mut response = ImportPage {
            page: ctx.page("frameworks-import-title"),
            problems,
            file_missing,
        }
        .into_response();
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        response
    };
    let Some(file) = upload.file else {
        return Ok(refused(Vec::new(), true));
    };
    let framework = match read(&file.bytes, &ctx.tr) {
        Ok(f) => f,
        Err(problems) => return Ok(refused(problems, false)),
    };
    let taken = |message| {
        vec![ShownProblem {
            place: framework.code.clone(),
            field: String::new(),
            message: ctx.tr.t(message),
        }]
    };
    let existing = state.store.frameworks(org).await?;
    if existing.iter().any(|f| f.code == framework.code) {
        return Ok(refused(taken("frameworks-import-code-taken"), false));
    }
    match state.store.create_framework(org, &framework).await {
        Ok(id) => {
            tracing::info!(code = %framework.code, "framework imported");
            Ok(Redirect::to(&format!("/frameworks/{id}")).into_response())
        }
        // The code is free, so it is the identifier that is taken.
        Err(StoreError::Taken(_)) => {
            Ok(refused(taken("frameworks-import-identifier-taken"), false))
        }
        Err(e) => Err(e.into()),
    }
}

/// Reads a framework file in whichever format it is, or explains every problem in it.
pub fn read(file: &[u8], tr: &Tr) -> Result<Framework, Vec<ShownProblem>> {
    let whole_file = || tr.t("frameworks-import-whole-file");
    if case::is_case(file) {
        case::from_case(file).map_err(|problems| {
            problems
                .into_iter()
                .map(|p| {
                    let (line, column) = p.at.unwrap_or_default();
                    ShownProblem {
                        place: if p.item.is_empty() {
                            whole_file()
                        } else {
                            p.item
                        },
                        field: p.field.to_string(),
                        message: tr.t2(p.code, "line", line, "column", column),
                    }
                })
                .collect()
        })
    } else {
        framework_csv::read(file).map_err(|problems| shown_csv_problems(problems, tr))
    }
}

/// A table file's problems as pages show them: where (the line, or the whole file), the
/// column as the file's header names it, and what is wrong.
pub fn shown_csv_problems(
    problems: Vec<skillgym_domain::csv_file::CsvProblem>,
    tr: &Tr,
) -> Vec<ShownProblem> {
    problems
        .into_iter()
        .map(|p| ShownProblem {
            place: match p.line {
                0 => tr.t("frameworks-import-whole-file"),
                line => tr.t1("frameworks-import-line", "line", line),
            },
            field: p.column.unwrap_or_default().to_string(),
            message: tr.t1(p.code, "value", p.value.unwrap_or_default()),
        })
        .collect()
}

pub async fn case_json(
    admin: Admin,
    State(state): State<AppState>,
    Path(id): Path<FrameworkId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let framework = state.store.framework(org, id).await?.framework;
    let case = case::to_case(&framework, time::OffsetDateTime::now_utc());
    let body = serde_json::to_vec_pretty(&case).map_err(anyhow::Error::from)?;
    Ok(download(
        "application/json",
        &format!("{}.case.json", framework.code),
        body,
    ))
}

pub async fn csv(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<FrameworkId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let framework = state.store.framework(org, id).await?.framework;
    let mut body = Vec::new();
    framework_csv::write(
        &mut body,
        &framework,
        FileLanguage::from_tag(ctx.tr.lang().code()),
    )
    .map_err(anyhow::Error::from)?;
    Ok(download(
        "text/csv; charset=utf-8",
        &format!("{}.csv", framework.code),
        body,
    ))
}

/// A file to save; framework codes hold only letters, digits, dashes and dots, so the name is
/// safe as it is.
pub fn download(content_type: &'static str, name: &str, body: Vec<u8>) -> Response {
    (
        [
            (CONTENT_TYPE, content_type.to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}
