//! `skillgym import catalogue` and `skillgym export catalogue`: the learning catalogue as a CSV
//! file, the same file as on the web (docs/catalogue.md).

use super::import_file;
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
    let read = learning::read(&bytes, &|code| known.contains(code));
    let activities = match import_file::entries_or_refused(read, "cli-catalogue-refused", tr) {
        Ok(a) => a,
        Err(refused) => return Ok(refused),
    };
    let done = store
        .import_catalogue(org.id, &activities, Actor::CommandLine)
        .await?;
    import_file::say_imported("catalogue-imported", done, tr);
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
    import_file::export(output, |out| learning::write(out, &activities, language))
}
