//! `skillgym import staff` and `skillgym export staff`.

use super::import_file;
use indicatif::{ProgressBar, ProgressStyle};
use skillgym_domain::{FileLanguage, staff_file};
use skillgym_i18n::Tr;
use skillgym_store::{Actor, AuditAction, ImportRefused, NewAuditEvent, Store};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

pub async fn import(store: &Store, file: &Path, tr: &Tr) -> anyhow::Result<ExitCode> {
    let Some(org) = store.organisation().await? else {
        eprintln!("{}", tr.t("cli-no-organisation"));
        return Ok(ExitCode::FAILURE);
    };
    let Some(bytes) = import_file::read(file, tr) else {
        return Ok(ExitCode::FAILURE);
    };
    eprintln!(
        "{}",
        tr.t1("cli-import-checking", "file", file.display().to_string())
    );
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}")
            .expect("a valid progress template"),
    );
    let started = AtomicBool::new(false);
    let rows = bytes.iter().filter(|b| **b == b'\n').count() as u64;
    let progress = |done: u64| {
        if !started.swap(true, Ordering::Relaxed) {
            // Printed before the first write, so people (and tests) know saving has begun.
            eprintln!(
                "{}",
                tr.t1("cli-import-saving", "count", rows.saturating_sub(1))
            );
            bar.set_length(rows.saturating_sub(1));
        }
        bar.set_position(done);
    };
    match store.import_staff_file(org.id, &bytes, &progress).await {
        Ok(outcome) => {
            bar.finish_and_clear();
            let event = NewAuditEvent::new(Actor::CommandLine, AuditAction::StaffImported, None)
                .with("added", outcome.added)
                .with("updated", outcome.updated)
                .with("unchanged", outcome.unchanged);
            store.record_event(org.id, &event).await?;
            println!(
                "{}",
                tr.args(
                    "cli-import-done",
                    [
                        ("added", outcome.added.into()),
                        ("updated", outcome.updated.into()),
                        ("unchanged", outcome.unchanged.into()),
                    ]
                )
            );
            if !outcome.teams_added.is_empty() {
                println!(
                    "{}",
                    tr.t1(
                        "cli-import-teams-added",
                        "teams",
                        outcome.teams_added.join(", ")
                    )
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportRefused::Problems(problems)) => {
            bar.finish_and_clear();
            let lines: Vec<String> = problems.iter().map(|p| describe(p, tr)).collect();
            Ok(import_file::refused("cli-import-refused", &lines, tr))
        }
        Err(ImportRefused::Store(e)) => Err(e.into()),
    }
}

/// One problem as a line: where it is, and what is wrong.
fn describe(p: &staff_file::Problem, tr: &Tr) -> String {
    let message = tr.t1(p.code, "value", p.value.clone().unwrap_or_default());
    match (p.line, p.field) {
        (0, _) => tr.t1("cli-import-problem-file", "message", message),
        (line, field) => tr.args(
            "cli-import-problem",
            [
                ("line", line.into()),
                ("field", field.unwrap_or("-").into()),
                ("message", message.into()),
            ],
        ),
    }
}

pub async fn export(
    store: &Store,
    output: Option<&Path>,
    language: FileLanguage,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let Some(org) = store.organisation().await? else {
        eprintln!("{}", tr.t("cli-no-organisation"));
        return Ok(ExitCode::FAILURE);
    };
    let records = store.staff_records(org.id).await?;
    let event = NewAuditEvent::new(Actor::CommandLine, AuditAction::StaffExported, None)
        .with("people", records.len());
    store.record_event(org.id, &event).await?;
    match output {
        Some(path) => {
            // Written beside the target and renamed, so a failure never leaves half a file.
            let tmp = path.with_extension("csv.partial");
            let file = std::fs::File::create(&tmp)?;
            staff_file::write(std::io::BufWriter::new(file), records, language)?;
            std::fs::rename(&tmp, path)?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            staff_file::write(&mut lock, records, language)?;
            lock.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
