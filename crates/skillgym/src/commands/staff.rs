//! `skillgym import staff` and `skillgym export staff`.

use super::import_file;
use crate::output::say;
use indicatif::{ProgressBar, ProgressStyle};
use skillgym_domain::leavers::AbsentChoice;
use skillgym_domain::{FileLanguage, staff_file};
use skillgym_i18n::Tr;
use skillgym_store::{Absent, Actor, AuditAction, ImportRefused, NewAuditEvent, Store};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

pub async fn import(
    store: &Store,
    org: &skillgym_store::Organisation,
    file: &Path,
    absent: AbsentChoice,
    yes: bool,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let Some(bytes) = import_file::read(file, tr) else {
        return Ok(ExitCode::FAILURE);
    };
    eprintln!(
        "{}",
        tr.t1("cli-import-checking", "file", file.display().to_string())
    );
    let records = match store.check_staff_file(org.id, &bytes).await {
        Ok(records) => records,
        Err(refused) => return refused_import(refused, tr),
    };
    let absent = match absent {
        AbsentChoice::Keep => Absent::Keep,
        AbsentChoice::MarkLeft => {
            // Asked before anything is written; the store asks again inside the transaction.
            let found = store.absent_from(org.id, &records).await?;
            if found.marks_most() && !yes {
                return Ok(most_would_leave(found.count(), found.current, tr));
            }
            Absent::Left {
                on: time::OffsetDateTime::now_utc().date(),
                most_confirmed: yes,
                by: Actor::CommandLine,
            }
        }
    };
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}")
            .expect("a valid progress template"),
    );
    let started = AtomicBool::new(false);
    let rows = records.len() as u64;
    let progress = |done: u64| {
        if !started.swap(true, Ordering::Relaxed) {
            // Printed before the first write, so people (and tests) know saving has begun.
            eprintln!("{}", tr.t1("cli-import-saving", "count", rows));
            bar.set_length(rows);
        }
        bar.set_position(done);
    };
    let outcome = match store
        .import_staff_records(org.id, &records, absent, Actor::CommandLine, &progress)
        .await
    {
        Ok(outcome) => outcome,
        Err(e) => {
            bar.finish_and_clear();
            return refused_import(e.into(), tr);
        }
    };
    bar.finish_and_clear();
    say!(
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
        say!(
            "{}",
            tr.t1(
                "cli-import-teams-added",
                "teams",
                outcome.teams_added.join(", ")
            )
        );
    }
    match absent {
        Absent::Left { .. } => say!(
            "{}",
            tr.t1("cli-import-marked-left", "count", outcome.marked_left)
        ),
        Absent::Keep if outcome.absent > 0 => say!(
            "{}",
            tr.t1("cli-import-absent-kept", "count", outcome.absent)
        ),
        Absent::Keep => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// Why nothing was imported, told to the reader.
fn refused_import(refused: ImportRefused, tr: &Tr) -> anyhow::Result<ExitCode> {
    match refused {
        ImportRefused::Problems(problems) => {
            let lines: Vec<String> = problems.iter().map(|p| describe(p, tr)).collect();
            Ok(import_file::refused("cli-import-refused", &lines, tr))
        }
        ImportRefused::MostWouldLeave { absent, current } => {
            Ok(most_would_leave(absent, current, tr))
        }
        ImportRefused::Store(e) => Err(e.into()),
    }
}

/// Refuses to mark most of the service as leavers without `--yes`: a truncated extract looks
/// just like that.
fn most_would_leave(absent: u64, current: u64, tr: &Tr) -> ExitCode {
    eprintln!(
        "{}",
        tr.args(
            "cli-import-most-would-leave",
            [("count", absent.into()), ("current", current.into())]
        )
    );
    ExitCode::FAILURE
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
    org: &skillgym_store::Organisation,
    output: Option<&Path>,
    language: FileLanguage,
) -> anyhow::Result<ExitCode> {
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
            let mut lock = crate::output::stdout();
            staff_file::write(&mut lock, records, language)?;
            lock.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
