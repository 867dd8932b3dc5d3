//! The completions file: completions of required modules from another learning system, one
//! per row, imported all or nothing (see docs/training.md, "Importing completions").
//!
//! Columns: `employee_number` or `email` (at least one per row: who), `module` (a required
//! module's code), `completed_on` (`YYYY-MM-DD`) and, optionally, `evidence` (a web address).
//! The Welsh names are as good as the English ones.

use super::{parse_completed_on, parse_evidence};
use crate::csv_file::{CsvProblem, TableFormat, TableMessages, TableRow};
use crate::{Email, Invalid};
use time::Date;

pub const COLUMN_NAMES: [(&str, &str); 5] = [
    ("employee_number", "rhif_cyflogai"),
    ("email", "ebost"),
    ("module", "modiwl"),
    ("completed_on", "cwblhawyd_ar"),
    ("evidence", "tystiolaeth"),
];

pub const NOT_UTF8: &str = "training-csv-not-utf8";
pub const UNREADABLE: &str = "training-csv-unreadable";
pub const EMPTY: &str = "training-csv-empty";
pub const MISSING_COLUMN: &str = "training-csv-missing-column";
pub const UNKNOWN_COLUMN: &str = "training-csv-unknown-column";
pub const FIELD_COUNT: &str = "training-csv-field-count";
pub const NO_ROWS: &str = "training-csv-no-rows";
pub const WHO_MISSING: &str = "training-csv-who-missing";
pub const EMAIL_INVALID: &str = "training-csv-email-invalid";
pub const MODULE_UNKNOWN: &str = "training-csv-module-unknown";
/// Given by the store, which knows the staff: nobody has this employee number or email.
pub const PERSON_UNKNOWN: &str = "training-csv-person-unknown";
/// Given by the store: the module does not apply to the person.
pub const NOT_THEIRS: &str = "training-csv-not-theirs";

/// Every problem code reading or importing a completions file can give.
pub const PROBLEM_CODES: &[&str] = &[
    NOT_UTF8,
    UNREADABLE,
    EMPTY,
    MISSING_COLUMN,
    UNKNOWN_COLUMN,
    FIELD_COUNT,
    NO_ROWS,
    WHO_MISSING,
    EMAIL_INVALID,
    MODULE_UNKNOWN,
    PERSON_UNKNOWN,
    NOT_THEIRS,
    "training-date-invalid",
    "training-date-future",
    "training-evidence-invalid",
];

pub const FORMAT: TableFormat = TableFormat {
    columns: &COLUMN_NAMES,
    required: &["module", "completed_on"],
    messages: TableMessages {
        not_utf8: NOT_UTF8,
        unreadable: UNREADABLE,
        empty: EMPTY,
        missing_column: MISSING_COLUMN,
        unknown_column: UNKNOWN_COLUMN,
        field_count: FIELD_COUNT,
    },
};

/// Whose completion a row is: by employee number when the row gives one, else by email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    EmployeeNumber(String),
    Email(Email),
}

/// One row of the file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct CompletionRow {
    pub line: u64,
    pub who: Who,
    /// The column `who` came from, for a problem the store finds.
    pub who_column: &'static str,
    /// The module's code, in capitals.
    pub module: String,
    pub completed_on: Date,
    pub evidence: Option<String>,
}

/// Reads a completions file: every row, or every problem (by line and column) and none of
/// them. `known` says whether a code (in capitals) is one of the organisation's modules.
pub fn read(
    bytes: &[u8],
    known: &dyn Fn(&str) -> bool,
    today: Date,
) -> Result<Vec<CompletionRow>, Vec<CsvProblem>> {
    FORMAT.read_rows(bytes, NO_ROWS, |row, problems| {
        completion(row, known, today, problems)
    })
}

fn completion(
    row: &TableRow,
    known: &dyn Fn(&str) -> bool,
    today: Date,
    problems: &mut Vec<CsvProblem>,
) -> Option<CompletionRow> {
    let (who, who_column) = match (row.get("employee_number"), row.get("email")) {
        ("", "") => (Err(Invalid(WHO_MISSING)), "employee_number"),
        ("", email) => (
            Email::parse(email)
                .map(Who::Email)
                .map_err(|_| Invalid(EMAIL_INVALID)),
            "email",
        ),
        (number, _) => (
            Ok(Who::EmployeeNumber(number.to_string())),
            "employee_number",
        ),
    };
    row.note(problems, who_column, &who);
    let code = row.get("module").to_ascii_uppercase();
    let module = if known(&code) {
        Ok(code)
    } else {
        Err(Invalid(MODULE_UNKNOWN))
    };
    row.note(problems, "module", &module);
    let completed_on = parse_completed_on(row.get("completed_on"), today);
    row.note(problems, "completed_on", &completed_on);
    let evidence = parse_evidence(row.get("evidence"));
    row.note(problems, "evidence", &evidence);
    Some(CompletionRow {
        line: row.line,
        who: who.ok()?,
        who_column,
        module: module.ok()?,
        completed_on: completed_on.ok()?,
        evidence: evidence.ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn known(code: &str) -> bool {
        ["DP-ANNUAL", "CYBER"].contains(&code)
    }

    const TODAY: Date = date!(2026 - 12 - 06);

    #[test]
    fn a_file_from_another_system_is_read_whole() {
        let file = "employee_number,email,module,completed_on,evidence\n\
                    E100,,dp-annual,2026-11-30,https://lms.example.org/c/1\n\
                    ,sian@afon.example,CYBER,2026-01-05,\n";
        let rows = read(file.as_bytes(), &known, TODAY).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].who, Who::EmployeeNumber("E100".into()));
        assert_eq!(rows[0].module, "DP-ANNUAL");
        assert_eq!(rows[0].completed_on, date!(2026 - 11 - 30));
        assert_eq!(
            rows[0].evidence.as_deref(),
            Some("https://lms.example.org/c/1")
        );
        assert_eq!(rows[1].who_column, "email");
        assert_eq!(rows[1].line, 3);
    }

    #[test]
    fn welsh_column_names_read_the_same() {
        let file = "rhif_cyflogai,modiwl,cwblhawyd_ar\nE100,CYBER,2026-01-05\n";
        assert_eq!(read(file.as_bytes(), &known, TODAY).unwrap().len(), 1);
    }

    #[test]
    fn every_mistake_is_named_by_line_and_column_and_nothing_is_read() {
        let file = "employee_number,email,module,completed_on,evidence\n\
                    E100,,DP-ANNUAL,2026-11-30,\n\
                    ,,DP-ANNUAL,2026-11-30,\n\
                    ,not-an-email,DP-ANNUAL,2026-11-30,\n\
                    E101,,FIRE-SAFETY,2026-11-30,\n\
                    E102,,CYBER,2027-01-01,\n\
                    E103,,CYBER,30/11/2026,\n\
                    E104,,CYBER,2026-11-30,javascript:alert(1)\n";
        let problems = read(file.as_bytes(), &known, TODAY).unwrap_err();
        let found: Vec<(u64, Option<&str>, &str)> = problems
            .iter()
            .map(|p| (p.line, p.column, p.code))
            .collect();
        assert_eq!(
            found,
            vec![
                (3, Some("employee_number"), WHO_MISSING),
                (4, Some("email"), EMAIL_INVALID),
                (5, Some("module"), MODULE_UNKNOWN),
                (6, Some("completed_on"), "training-date-future"),
                (7, Some("completed_on"), "training-date-invalid"),
                (8, Some("evidence"), "training-evidence-invalid"),
            ]
        );
    }

    #[test]
    fn a_file_without_its_columns_or_rows_is_refused() {
        let problems = read(b"employee_number,module\nE1,CYBER\n", &known, TODAY).unwrap_err();
        assert_eq!(problems[0].code, MISSING_COLUMN);
        let problems = read(b"employee_number,module,completed_on\n", &known, TODAY).unwrap_err();
        assert_eq!(problems[0].code, NO_ROWS);
    }
}
