//! `skillgym import catalogue` and `skillgym export catalogue`: the learning catalogue as a CSV
//! file, the same file as on the web (docs/catalogue.md).

use super::import_file;
use crate::output::say;
use skillgym_domain::FileLanguage;
use skillgym_domain::learning::{self, Activity};
use skillgym_i18n::Tr;
use skillgym_store::{Actor, Organisation, Store};
use std::path::Path;
use std::process::ExitCode;

/// Adds the file's activities to the catalogue, or changes those whose code it has: all of
/// them, or (with every problem listed by line and column) none.
pub async fn import(
    store: &Store,
    org: &Organisation,
    file: &Path,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let Some(bytes) = import_file::read(file, tr) else {
        return Ok(ExitCode::FAILURE);
    };
    let known = store.competence_codes(org.id).await?;
    let activities = match learning::read(&bytes, &|code| known.contains(code)) {
        Ok(a) => a,
        Err(problems) => {
            let problems = import_file::table_problems(problems, tr);
            return Ok(import_file::refused("cli-catalogue-refused", &problems, tr));
        }
    };
    let done = store
        .import_catalogue(org.id, &activities, Actor::CommandLine)
        .await?;
    say!(
        "{}",
        tr.t2(
            "catalogue-imported",
            "added",
            done.added,
            "updated",
            done.updated
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub async fn export(
    store: &Store,
    org: &Organisation,
    output: Option<&Path>,
    language: FileLanguage,
) -> anyhow::Result<ExitCode> {
    let activities: Vec<Activity> = store
        .catalogue(org.id)
        .await?
        .into_iter()
        .map(|a| a.activity)
        .collect();
    let mut body = Vec::new();
    learning::write(&mut body, &activities, language)?;
    import_file::write_out(&body, output)?;
    Ok(ExitCode::SUCCESS)
}
