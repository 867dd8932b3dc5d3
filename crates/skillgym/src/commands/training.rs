//! `skillgym import completions FILE`: completions of required training from another learning
//! system, all or none (docs/training.md, "Importing completions").

use super::import_file;
use crate::output::say;
use skillgym_domain::training::file;
use skillgym_i18n::Tr;
use skillgym_store::{Actor, CompletionsRefused, Organisation, Store};
use std::collections::HashSet;
use std::path::Path;
use std::process::ExitCode;

pub async fn import(
    store: &Store,
    org: &Organisation,
    path: &Path,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let Some(bytes) = import_file::read(path, tr) else {
        return Ok(ExitCode::FAILURE);
    };
    let codes: HashSet<String> = store
        .requirements(org.id)
        .await?
        .into_iter()
        .map(|r| r.code)
        .collect();
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let refused = |problems| {
        let problems = import_file::table_problems(problems, tr);
        import_file::refused("cli-completions-refused", &problems, tr)
    };
    let rows = match file::read(&bytes, &|code| codes.contains(code), today) {
        Ok(rows) => rows,
        Err(problems) => return Ok(refused(problems)),
    };
    match store
        .import_completions(org.id, &rows, Actor::CommandLine)
        .await
    {
        Ok((added, unchanged)) => {
            say!(
                "{}",
                tr.t2("training-imported", "added", added, "unchanged", unchanged)
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(CompletionsRefused::Problems(problems)) => Ok(refused(problems)),
        Err(CompletionsRefused::Store(e)) => Err(e.into()),
    }
}
