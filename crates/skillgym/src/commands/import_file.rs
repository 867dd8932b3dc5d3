//! The file an import command is given: reading it whole, and refusing it with every problem
//! listed, the same way for staff, frameworks, catalogues and survey responses; and the file an
//! export command writes.

use crate::output::say;
use skillgym_i18n::Tr;
use std::path::Path;
use std::process::ExitCode;

/// The file's contents, or `None` once the reader has been told why it could not be read.
pub fn read(file: &Path, tr: &Tr) -> Option<Vec<u8>> {
    match std::fs::read(file) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            eprintln!(
                "{}",
                tr.t2(
                    "cli-file-unreadable",
                    "file",
                    file.display().to_string(),
                    "reason",
                    e.to_string()
                )
            );
            None
        }
    }
}

/// Refuses the file: `heading` (a message given the problems' `count`), then each problem on
/// its own indented line; nothing has been imported.
pub fn refused(heading: &str, problems: &[String], tr: &Tr) -> ExitCode {
    eprintln!("{}", tr.t1(heading, "count", problems.len()));
    for p in problems {
        eprintln!("  {p}");
    }
    ExitCode::FAILURE
}

/// A table file's problems, one line each: the line and column, then what is wrong.
pub fn table_problems(
    problems: Vec<skillgym_domain::csv_file::CsvProblem>,
    tr: &Tr,
) -> Vec<String> {
    let whole_file = tr.t("frameworks-import-whole-file");
    problems
        .into_iter()
        .map(|p| {
            let message = tr.t1(p.code, "value", p.value.unwrap_or_default());
            match p.line {
                0 => format!("{whole_file}: {message}"),
                line => tr.args(
                    "cli-framework-problem-line",
                    [
                        ("line", line.into()),
                        ("field", p.column.unwrap_or("-").into()),
                        ("message", message.into()),
                    ],
                ),
            }
        })
        .collect()
}

/// Writes an export to `output`, or to standard output without one. A file is written beside
/// its target and renamed, so a failure never leaves half a file.
pub fn write_out(body: &[u8], output: Option<&Path>) -> std::io::Result<()> {
    use std::io::Write;
    match output {
        Some(path) => {
            let tmp = path.with_extension("partial");
            std::fs::write(&tmp, body)?;
            std::fs::rename(&tmp, path)
        }
        None => {
            let mut stdout = crate::output::stdout();
            stdout.write_all(body)?;
            stdout.flush()
        }
    }
}

/// A register file as read (the learning catalogue, services, kit): its entries, or the exit
/// code once the reader has been told every problem by line and column under `heading`.
pub fn entries_or_refused<T>(
    read: Result<Vec<T>, Vec<skillgym_domain::csv_file::CsvProblem>>,
    heading: &str,
    tr: &Tr,
) -> Result<Vec<T>, ExitCode> {
    read.map_err(|problems| refused(heading, &table_problems(problems, tr), tr))
}

/// Says what a register import did, with the message `said` given `added` and `updated`.
pub fn say_imported(said: &str, done: skillgym_store::Imported, tr: &Tr) {
    say!(
        "{}",
        tr.t2(said, "added", done.added, "updated", done.updated)
    );
}

/// Writes a register file, as `write` writes it, to `output` (standard output when none).
pub fn export(
    output: Option<&Path>,
    write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
) -> anyhow::Result<ExitCode> {
    let mut body = Vec::new();
    write(&mut body)?;
    write_out(&body, output)?;
    Ok(ExitCode::SUCCESS)
}
