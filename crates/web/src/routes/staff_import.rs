//! The staff file: importing it on the web (the same import as `skillgym import staff`), with
//! a check page when the file leaves out people now in skillgym; its example, and exporting
//! everyone as one.

use super::audit_trail::{by, record};
use crate::AppState;
use crate::access::Admin;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{CsrfForm, FormErrors};
use crate::page::Page;
use crate::path::Path;
use crate::routes::analysis::csv_download;
use crate::upload::Upload;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use skillgym_domain::leavers::AbsentChoice;
use skillgym_domain::people::format_date;
use skillgym_domain::staff_file;
use skillgym_domain::{FileLanguage, StaffUploadId};
use skillgym_store::{
    Absent, AbsentPeople, AbsentPerson, Actor, AuditAction, ImportOutcome, ImportRefused,
    SessionRecord, StaffUpload, StoreError,
};

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

pub async fn form(_: Admin, ctx: Ctx) -> AppResult<Response> {
    Ok(ImportPage {
        page: ctx.page("import-title"),
        outcome: None,
        problems: Vec::new(),
        file_missing: false,
    }
    .into_response())
}

/// The import page, showing what went wrong (`problems`, `file_missing`) or what an import did.
fn import_page(
    ctx: &Ctx,
    outcome: Option<ImportOutcome>,
    problems: Vec<ShownProblem>,
    file_missing: bool,
) -> Response {
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
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

/// The problems of a file that cannot be imported, on the import page.
fn refused_page(ctx: &Ctx, problems: &[staff_file::Problem]) -> Response {
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
    import_page(ctx, None, shown, false)
}

/// Checks an uploaded file. When someone in skillgym is not in it, the file waits in the
/// database for the check page to be answered; otherwise there is nothing to ask, and it is
/// imported at once.
pub async fn submit(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: Multipart,
) -> AppResult<Response> {
    let user: &SessionRecord = &admin;
    let org = user.organisation_id;
    let upload = Upload::read(&ctx, multipart, "staff_file", &[]).await?;
    let Some(file) = upload.file else {
        return Ok(import_page(&ctx, None, Vec::new(), true));
    };
    let records = match state.store.check_staff_file(org, &file.bytes).await {
        Ok(records) => records,
        Err(ImportRefused::Problems(problems)) => return Ok(refused_page(&ctx, &problems)),
        Err(ImportRefused::MostWouldLeave { .. }) => {
            return Err(AppError::Internal(anyhow::anyhow!(
                "a check that writes nothing refused to mark leavers"
            )));
        }
        Err(ImportRefused::Store(e)) => return Err(e.into()),
    };
    if state.store.absent_from(org, &records).await?.count() == 0 {
        return apply(&state, &ctx, user, &records, Absent::Keep)
            .await?
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("keeping everyone was refused")));
    }
    let id = state
        .store
        .save_staff_upload(
            org,
            file.name.as_deref().unwrap_or("staff.csv"),
            &file.bytes,
        )
        .await?;
    Ok(Redirect::to(&format!("/import/staff/{id}")).into_response())
}

/// Imports checked records, records it in the audit trail and shows what it did; `None` when
/// the store found that more than half would be marked as left, unconfirmed (nothing was
/// written).
async fn apply(
    state: &AppState,
    ctx: &Ctx,
    user: &SessionRecord,
    records: &[staff_file::StaffRecord],
    absent: Absent,
) -> AppResult<Option<Response>> {
    let outcome = match state
        .store
        .import_staff_records(
            user.organisation_id,
            records,
            absent,
            Actor::Person(user.person_id),
            &|_| {},
        )
        .await
    {
        Ok(outcome) => outcome,
        Err(StoreError::MostWouldLeave { .. }) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    tracing::info!(
        added = outcome.added,
        updated = outcome.updated,
        marked_left = outcome.marked_left,
        "staff file imported"
    );
    Ok(Some(import_page(ctx, Some(outcome), Vec::new(), false)))
}

/// Most people listed on the check page; the rest are counted.
const ABSENT_SHOWN: usize = 50;

#[derive(Template, WebTemplate)]
#[template(path = "import_staff_check.html")]
pub struct CheckPage {
    page: Page,
    errors: FormErrors,
    upload: StaffUploadId,
    file_name: String,
    in_file: u64,
    absent: Vec<AbsentPerson>,
    absent_count: u64,
    more: u64,
    current: u64,
    marks_most: bool,
    /// The day they would be marked as having left, as the reader reads dates.
    left_on: String,
    choice: String,
}

/// The check page's answers.
#[derive(serde::Deserialize)]
pub struct CheckForm {
    #[serde(default)]
    absent: String,
    /// "yes" when the box confirming that most people have left is ticked.
    #[serde(default)]
    confirm: String,
    /// How many people the confirmation was shown for: ticking it for one figure does not
    /// count for another.
    #[serde(default)]
    confirm_for: String,
}

/// A kept upload, checked again (the organisation may have changed since), or the page that
/// says why it cannot be imported now.
async fn kept_upload(
    state: &AppState,
    ctx: &Ctx,
    org: skillgym_domain::OrganisationId,
    id: StaffUploadId,
) -> AppResult<Result<(StaffUpload, Vec<staff_file::StaffRecord>), Response>> {
    let upload = state.store.staff_upload(org, id).await?;
    match state.store.check_staff_file(org, &upload.body).await {
        Ok(records) => Ok(Ok((upload, records))),
        Err(ImportRefused::Problems(problems)) => Ok(Err(refused_page(ctx, &problems))),
        Err(ImportRefused::MostWouldLeave { .. }) => Err(AppError::Internal(anyhow::anyhow!(
            "a check that writes nothing refused to mark leavers"
        ))),
        Err(ImportRefused::Store(e)) => Err(e.into()),
    }
}

fn check_page(
    ctx: &Ctx,
    upload: &StaffUpload,
    records: &[staff_file::StaffRecord],
    found: AbsentPeople,
    choice: &str,
    errors: FormErrors,
) -> Response {
    let absent_count = found.count();
    let marks_most = found.marks_most();
    let mut absent = found.people;
    absent.truncate(ABSENT_SHOWN);
    let failed = !errors.is_empty();
    let mut response = CheckPage {
        page: ctx.page("import-check-title"),
        errors,
        upload: upload.id,
        file_name: upload.file_name.clone(),
        in_file: records.len() as u64,
        more: absent_count - absent.len() as u64,
        absent,
        absent_count,
        current: found.current,
        marks_most,
        left_on: crate::mail::long_date(&ctx.tr, &format_date(super::audits::today())),
        choice: choice.to_string(),
    }
    .into_response();
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

/// The check page: who is in skillgym but not in the file, and what to do with them.
pub async fn check(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<StaffUploadId>,
) -> AppResult<Response> {
    let org = admin.organisation_id;
    let (upload, records) = match kept_upload(&state, &ctx, org, id).await? {
        Ok(kept) => kept,
        Err(refused) => return Ok(refused),
    };
    let found = state.store.absent_from(org, &records).await?;
    Ok(check_page(
        &ctx,
        &upload,
        &records,
        found,
        AbsentChoice::Keep.as_str(),
        FormErrors::default(),
    ))
}

/// Imports a kept upload as the check page was answered.
pub async fn confirm(
    admin: Admin,
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<StaffUploadId>,
    CsrfForm(form): CsrfForm<CheckForm>,
) -> AppResult<Response> {
    let user: &SessionRecord = &admin;
    let org = user.organisation_id;
    let (upload, records) = match kept_upload(&state, &ctx, org, id).await? {
        Ok(kept) => kept,
        Err(refused) => return Ok(refused),
    };
    let found = state.store.absent_from(org, &records).await?;
    let mut errors = FormErrors::default();
    let choice = AbsentChoice::parse(&form.absent);
    let confirmed = form.confirm == "yes" && form.confirm_for == found.count().to_string();
    match choice {
        None => errors.add("absent-keep", "import-absent-choice-missing"),
        Some(AbsentChoice::MarkLeft) if found.marks_most() && !confirmed => {
            errors.add("confirm", "import-absent-confirm-missing")
        }
        Some(_) => {}
    }
    if !errors.is_empty() {
        return Ok(check_page(
            &ctx,
            &upload,
            &records,
            found,
            &form.absent,
            errors,
        ));
    }
    let absent = match choice {
        Some(AbsentChoice::MarkLeft) => Absent::Left {
            on: super::audits::today(),
            most_confirmed: confirmed,
            by: Actor::Person(user.person_id),
        },
        _ => Absent::Keep,
    };
    let response = match apply(&state, &ctx, user, &records, absent).await? {
        Some(response) => response,
        None => {
            // More people left the file between the page and the answer: ask again.
            let found = state.store.absent_from(org, &records).await?;
            let mut errors = FormErrors::default();
            errors.add("confirm", "import-absent-confirm-missing");
            return Ok(check_page(
                &ctx,
                &upload,
                &records,
                found,
                &form.absent,
                errors,
            ));
        }
    };
    state.store.delete_staff_upload(org, upload.id).await?;
    Ok(response)
}

/// The example staff file, its header in the person's language.
pub async fn example(_: Admin, ctx: Ctx) -> AppResult<Response> {
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

pub async fn export(admin: Admin, State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user: &SessionRecord = &admin;
    let records = state.store.staff_records(user.organisation_id).await?;
    let event = by(user, AuditAction::StaffExported, None).with("people", records.len());
    record(&state, user, event).await?;
    let mut out = Vec::new();
    staff_file::write(&mut out, records, file_language(&ctx)).map_err(anyhow::Error::from)?;
    Ok(csv_download("staff.csv", out))
}
