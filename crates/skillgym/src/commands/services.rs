//! `skillgym import services` and `skillgym export services`: the assisted-digital services
//! catalogue as a CSV file, the same file as on the web (docs/services.md).

use super::import_file;
use skillgym_domain::FileLanguage;
use skillgym_domain::services::{self, Service};
use skillgym_i18n::Tr;
use skillgym_store::{Actor, Organisation, Store};
use std::path::Path;
use std::process::ExitCode;

/// Adds the file's services to the catalogue, or changes those whose code it has: all of
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
    let competences = store.competence_codes(org.id).await?;
    let activities = store.activity_codes(org.id).await?;
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    // In a block of its own: the checks are not `Send`, and must be gone before any await.
    let read = {
        let known = services::Known {
            competence: &|c| competences.contains(c),
            activity: &|a| activities.contains(a),
            today,
        };
        services::read(&bytes, &known)
    };
    let read = match import_file::entries_or_refused(read, "cli-services-refused", tr) {
        Ok(s) => s,
        Err(refused) => return Ok(refused),
    };
    let done = store
        .import_services(org.id, &read, Actor::CommandLine)
        .await?;
    import_file::say_imported("services-imported", done, tr);
    Ok(ExitCode::SUCCESS)
}

pub async fn export(
    store: &Store,
    org: &Organisation,
    output: Option<&Path>,
    language: FileLanguage,
) -> anyhow::Result<ExitCode> {
    let all: Vec<Service> = store
        .services(org.id)
        .await?
        .into_iter()
        .map(|s| s.service)
        .collect();
    import_file::export(output, |out| services::write(out, &all, language))
}
