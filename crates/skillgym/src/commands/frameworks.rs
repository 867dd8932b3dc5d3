//! `skillgym import framework` and `skillgym export framework`.

use super::import_file;
use crate::cli::FrameworkFormat;
use crate::output::say;
use skillgym_domain::FileLanguage;
use skillgym_domain::audit::{Framework, case, framework_csv};
use skillgym_i18n::Tr;
use skillgym_store::{Store, StoreError};
use std::path::Path;
use std::process::ExitCode;

pub async fn import(
    store: &Store,
    org: &skillgym_store::Organisation,
    file: &Path,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let Some(bytes) = import_file::read(file, tr) else {
        return Ok(ExitCode::FAILURE);
    };
    let framework = match read(&bytes, tr) {
        Ok(f) => f,
        Err(problems) => return Ok(refuse(&problems, tr)),
    };
    let taken = |message: &str| {
        let line = tr.args(
            "cli-framework-problem-item",
            [
                ("item", framework.code.clone().into()),
                ("field", "code".into()),
                ("message", tr.t(message).into()),
            ],
        );
        refuse(&[line], tr)
    };
    if store
        .frameworks(org.id)
        .await?
        .iter()
        .any(|f| f.code == framework.code)
    {
        return Ok(taken("frameworks-import-code-taken"));
    }
    match store.create_framework(org.id, &framework).await {
        Ok(_) => {
            say!(
                "{}",
                tr.t2(
                    "cli-framework-imported",
                    "code",
                    framework.code.as_str(),
                    "competences",
                    framework.competences().count()
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        // The code is free, so it is the identifier that is taken.
        Err(StoreError::Taken(_)) => Ok(taken("frameworks-import-identifier-taken")),
        Err(e) => Err(e.into()),
    }
}

fn refuse(problems: &[String], tr: &Tr) -> ExitCode {
    import_file::refused("cli-framework-refused", problems, tr)
}

/// Reads a framework file in whichever format it is, or describes each problem on a line.
fn read(bytes: &[u8], tr: &Tr) -> Result<Framework, Vec<String>> {
    let whole_file = tr.t("frameworks-import-whole-file");
    if case::is_case(bytes) {
        case::from_case(bytes).map_err(|problems| {
            problems
                .into_iter()
                .map(|p| {
                    let (line, column) = p.at.unwrap_or_default();
                    let message = tr.t2(p.code, "line", line, "column", column);
                    let item = if p.item.is_empty() {
                        whole_file.clone()
                    } else {
                        p.item
                    };
                    let field = if p.field.is_empty() { "-" } else { p.field };
                    tr.args(
                        "cli-framework-problem-item",
                        [
                            ("item", item.into()),
                            ("field", field.into()),
                            ("message", message.into()),
                        ],
                    )
                })
                .collect()
        })
    } else {
        framework_csv::read(bytes).map_err(|problems| import_file::table_problems(problems, tr))
    }
}

pub async fn export(
    store: &Store,
    org: &skillgym_store::Organisation,
    code: &str,
    format: FrameworkFormat,
    output: Option<&Path>,
    language: FileLanguage,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let Some(summary) = store
        .frameworks(org.id)
        .await?
        .into_iter()
        .find(|f| f.code == code)
    else {
        eprintln!("{}", tr.t1("cli-framework-not-found", "code", code));
        return Ok(ExitCode::FAILURE);
    };
    let framework = store.framework(org.id, summary.id).await?.framework;
    let mut body = Vec::new();
    match format {
        FrameworkFormat::Case => {
            let case = case::to_case(&framework, time::OffsetDateTime::now_utc());
            serde_json::to_writer_pretty(&mut body, &case)?;
            body.push(b'\n');
        }
        FrameworkFormat::Csv => framework_csv::write(&mut body, &framework, language)?,
    }
    import_file::write_out(&body, output)?;
    Ok(ExitCode::SUCCESS)
}
