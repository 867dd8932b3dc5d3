//! `skillgym import kit` and `skillgym export kit`: the kit register as a CSV file, the same
//! file as on the web (docs/kit.md).

use super::import_file;
use skillgym_domain::FileLanguage;
use skillgym_domain::kit::{self, KitItem};
use skillgym_i18n::Tr;
use skillgym_store::{Actor, Organisation, Store};
use std::path::Path;
use std::process::ExitCode;

/// Adds the file's kit to the register, or changes the kit whose code it has: all of it, or
/// (with every problem listed by line and column) none.
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
    let sites = store.site_codes(org.id).await?;
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    // In a block of its own: the checks are not `Send`, and must be gone before any await.
    let read = {
        let known = kit::Known {
            site: &|s| sites.contains_key(s),
            competence: &|c| competences.contains(c),
        };
        kit::read(&bytes, &known)
    };
    let items = match import_file::entries_or_refused(read, "cli-kit-refused", tr) {
        Ok(items) => items,
        Err(refused) => return Ok(refused),
    };
    let done = store
        .import_kit(org.id, &items, today, Actor::CommandLine)
        .await?;
    import_file::say_imported("kit-imported", done, tr);
    Ok(ExitCode::SUCCESS)
}

pub async fn export(
    store: &Store,
    org: &Organisation,
    output: Option<&Path>,
    language: FileLanguage,
) -> anyhow::Result<ExitCode> {
    let all: Vec<KitItem> = store
        .kit(org.id, None)
        .await?
        .into_iter()
        .map(|k| k.item)
        .collect();
    import_file::export(output, |out| kit::write(out, &all, language))
}
