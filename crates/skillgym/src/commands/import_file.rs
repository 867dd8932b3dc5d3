//! The file an import command is given: reading it whole, and refusing it with every problem
//! listed, the same way for staff, frameworks and survey responses.

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
