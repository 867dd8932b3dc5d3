//! A framework as one CSV sheet a spreadsheet user can edit: one row per thing, named by its
//! `kind` (the framework, each level, each area, each competence), so every title is written
//! once. The format is described in docs/frameworks.md.

use super::Localised;
use super::case::derived_identifier;
use super::framework::{Area, Competence, Framework, FrameworkProblem, LEVELS};
use crate::csv_file::{CsvWriter, FileLanguage, TableFormat, TableMessages, TableRow};
use std::collections::HashMap;
use std::io::Write;

/// The columns as (English, Welsh) names, in the order skillgym writes them.
pub const COLUMN_NAMES: [(&str, &str); 8] = [
    ("kind", "math"),
    ("code", "cod"),
    ("area", "maes"),
    ("title_en", "teitl_en"),
    ("title_cy", "teitl_cy"),
    ("description_en", "disgrifiad_en"),
    ("description_cy", "disgrifiad_cy"),
    ("identifier", "dynodwr"),
];

/// The file's shape, as [`csv_file::TableFormat`] reads it.
pub const FORMAT: TableFormat = TableFormat {
    columns: &COLUMN_NAMES,
    required: &["kind", "code", "title_en"],
    messages: TableMessages {
        not_utf8: NOT_UTF8,
        unreadable: UNREADABLE,
        empty: EMPTY,
        missing_column: MISSING_COLUMN,
        unknown_column: UNKNOWN_COLUMN,
        field_count: FIELD_COUNT,
    },
};

pub use crate::csv_file::CsvProblem;

pub const NOT_UTF8: &str = "framework-csv-not-utf8";
pub const UNREADABLE: &str = "framework-csv-unreadable";
pub const EMPTY: &str = "framework-csv-empty";
pub const MISSING_COLUMN: &str = "framework-csv-missing-column";
pub const UNKNOWN_COLUMN: &str = "framework-csv-unknown-column";
pub const FIELD_COUNT: &str = "framework-csv-field-count";
pub const KIND_INVALID: &str = "framework-csv-kind-invalid";
pub const NO_FRAMEWORK: &str = "framework-csv-no-framework";
pub const FRAMEWORK_TWICE: &str = "framework-csv-framework-twice";
pub const LEVEL_INVALID: &str = "framework-csv-level-invalid";
pub const LEVEL_DUPLICATE: &str = "framework-csv-level-duplicate";
pub const LEVEL_MISSING: &str = "framework-csv-level-missing";
pub const AREA_MISSING: &str = "framework-csv-area-missing";
pub const AREA_UNKNOWN: &str = "framework-csv-area-unknown";

/// Every problem code [`read`] gives of its own (it also passes on the framework's).
pub const PROBLEM_CODES: &[&str] = &[
    NOT_UTF8,
    UNREADABLE,
    EMPTY,
    MISSING_COLUMN,
    UNKNOWN_COLUMN,
    FIELD_COUNT,
    KIND_INVALID,
    NO_FRAMEWORK,
    FRAMEWORK_TWICE,
    LEVEL_INVALID,
    LEVEL_DUPLICATE,
    LEVEL_MISSING,
    AREA_MISSING,
    AREA_UNKNOWN,
];

/// Reads a framework file: the framework, or every problem in it (nothing half-read). Columns
/// are named in the problems as the header names them; one the header lacks is named in the
/// language of the header's first known column.
pub fn read(bytes: &[u8]) -> Result<Framework, Vec<CsvProblem>> {
    let table = FORMAT.read(bytes);
    let mut problems = table.problems;
    let result = if problems.iter().any(|p| p.code != FIELD_COUNT) {
        Err(problems)
    } else {
        let (framework, lines) = assemble(&table.rows, &mut problems);
        if !problems.is_empty() {
            Err(problems)
        } else {
            let found = framework.problems();
            if found.is_empty() {
                Ok(framework)
            } else {
                Err(found.into_iter().map(|p| csv_problem(p, &lines)).collect())
            }
        }
    };
    result.map_err(|mut problems| {
        FORMAT.name_columns(&mut problems, table.language);
        problems
    })
}

/// Where each thing was written: the framework's code and each area's and competence's, and
/// `CODE#n` for level n, as [`Framework::problems`] names them.
type Lines = HashMap<String, u64>;

fn assemble(rows: &[TableRow], problems: &mut Vec<CsvProblem>) -> (Framework, Lines) {
    let mut lines = Lines::new();
    let mut framework: Option<(&TableRow, Framework)> = None;
    let mut levels: [Option<Localised>; LEVELS] = Default::default();
    let mut level_lines = [0u64; LEVELS];
    let mut areas: Vec<Area> = Vec::new();
    let mut competences: Vec<(&TableRow, Competence)> = Vec::new();
    for row in rows {
        let kind = row.get("kind").to_ascii_lowercase();
        match kind.as_str() {
            "framework" if framework.is_some() => {
                problems.push(CsvProblem::new(row.line, Some("kind"), FRAMEWORK_TWICE));
            }
            "framework" => {
                let code = row.get("code").to_string();
                let identifier = match row.get("identifier") {
                    "" => derived_identifier(&format!("framework/{code}")),
                    given => given.to_string(),
                };
                let f = Framework {
                    identifier,
                    code,
                    title: row.localised("title"),
                    description: row.localised("description"),
                    levels: Vec::new(),
                    areas: Vec::new(),
                };
                framework = Some((row, f));
            }
            "level" => match row.get("code").parse::<usize>() {
                Ok(n @ 1..=LEVELS) if levels[n - 1].is_some() => problems.push(
                    CsvProblem::new(row.line, Some("code"), LEVEL_DUPLICATE)
                        .with_value(row.get("code")),
                ),
                Ok(n @ 1..=LEVELS) => {
                    levels[n - 1] = Some(row.localised("title"));
                    level_lines[n - 1] = row.line;
                }
                _ => problems.push(
                    CsvProblem::new(row.line, Some("code"), LEVEL_INVALID)
                        .with_value(row.get("code")),
                ),
            },
            "area" => areas.push(Area {
                code: row.get("code").to_string(),
                identifier: row.get("identifier").to_string(),
                title: row.localised("title"),
                description: row.localised("description"),
                competences: Vec::new(),
            }),
            "competence" => competences.push((
                row,
                Competence {
                    code: row.get("code").to_string(),
                    identifier: row.get("identifier").to_string(),
                    title: row.localised("title"),
                    description: row.localised("description"),
                },
            )),
            _ => problems
                .push(CsvProblem::new(row.line, Some("kind"), KIND_INVALID).with_value(&kind)),
        }
        if kind == "area" || kind == "competence" {
            lines.insert(row.get("code").to_string(), row.line);
        }
    }
    let Some((framework_row, mut framework)) = framework else {
        problems.push(CsvProblem::new(0, Some("kind"), NO_FRAMEWORK));
        return (empty(), lines);
    };
    lines
        .entry(framework.code.clone())
        .or_insert(framework_row.line);
    for (n, level) in levels.iter().enumerate() {
        lines.insert(format!("{}#{}", framework.code, n + 1), level_lines[n]);
        if level.is_none() {
            problems.push(
                CsvProblem::new(0, Some("kind"), LEVEL_MISSING).with_value(&(n + 1).to_string()),
            );
        }
    }
    framework.levels = levels.into_iter().flatten().collect();
    for (row, mut competence) in competences {
        let area_code = row.get("area");
        if area_code.is_empty() {
            problems.push(CsvProblem::new(row.line, Some("area"), AREA_MISSING));
            continue;
        }
        let Some(area) = areas.iter_mut().find(|a| a.code == area_code) else {
            problems
                .push(CsvProblem::new(row.line, Some("area"), AREA_UNKNOWN).with_value(area_code));
            continue;
        };
        if competence.identifier.is_empty() {
            competence.identifier =
                derived_identifier(&format!("{}/{}", framework.identifier, competence.code));
        }
        area.competences.push(competence);
    }
    for area in &mut areas {
        if area.identifier.is_empty() {
            area.identifier =
                derived_identifier(&format!("{}/{}", framework.identifier, area.code));
        }
    }
    framework.areas = areas;
    (framework, lines)
}

fn empty() -> Framework {
    Framework {
        identifier: String::new(),
        code: String::new(),
        title: Localised::default(),
        description: Localised::default(),
        levels: Vec::new(),
        areas: Vec::new(),
    }
}

/// A framework problem at the line and column it comes from.
fn csv_problem(p: FrameworkProblem, lines: &Lines) -> CsvProblem {
    let column = match p.field {
        "code" => Some("code"),
        "title" | "levels" => Some("title_en"),
        "identifier" => Some("identifier"),
        _ => None,
    };
    let column = if p.code == "framework-levels-count" {
        Some("kind")
    } else {
        column
    };
    CsvProblem::new(lines.get(&p.item).copied().unwrap_or(0), column, p.code).with_value(&p.item)
}

/// Writes a framework as a framework file, with [`CsvWriter`]: UTF-8 with a byte-order mark,
/// so spreadsheets read the Welsh correctly, and every cell guarded against running as a
/// formula (a guard [`read`] undoes).
pub fn write<W: Write>(out: W, f: &Framework, language: FileLanguage) -> std::io::Result<()> {
    let mut writer = CsvWriter::new(out)?;
    writer.row(FORMAT.header(language))?;
    let cy = |l: &Localised| l.cy.clone().unwrap_or_default();
    let mut row = |kind: &str, code: &str, area: &str, title: &Localised, about: &Localised, id| {
        writer.row([
            kind,
            code,
            area,
            &title.en,
            &cy(title),
            &about.en,
            &cy(about),
            id,
        ])
    };
    let none = Localised::default();
    row(
        "framework",
        &f.code,
        "",
        &f.title,
        &f.description,
        &f.identifier,
    )?;
    for (n, level) in f.levels.iter().enumerate() {
        row("level", &(n + 1).to_string(), "", level, &none, "")?;
    }
    for area in &f.areas {
        row(
            "area",
            &area.code,
            "",
            &area.title,
            &area.description,
            &area.identifier,
        )?;
        for c in &area.competences {
            row(
                "competence",
                &c.code,
                &area.code,
                &c.title,
                &c.description,
                &c.identifier,
            )?;
        }
    }
    writer.finish()?.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: &Framework) -> String {
        let mut out = Vec::new();
        write(&mut out, f, FileLanguage::English).unwrap();
        String::from_utf8(out).unwrap()
    }

    const SMALL: &str = "kind,code,area,title_en,title_cy,description_en,description_cy\n\
        framework,SMALL,,Small framework,Fframwaith bach,,\n\
        level,1,,Not yet,Ddim eto,,\n\
        level,2,,With help,,,\n\
        level,3,,Alone,,,\n\
        level,4,,Confidently,,,\n\
        level,5,,Could teach,,,\n\
        area,EMAIL,,Email,E-bost,Sending and reading,\n\
        competence,EMAIL-1,EMAIL,I can send email,,,\n";

    fn problems(file: &str) -> Vec<CsvProblem> {
        read(file.as_bytes()).unwrap_err()
    }

    fn has(file: &str, line: u64, column: Option<&str>, code: &str) {
        let found = problems(file);
        assert!(
            found
                .iter()
                .any(|p| p.line == line && p.column == column && p.code == code),
            "{code} at {line} {column:?}: {found:?}"
        );
    }

    #[test]
    fn a_round_trip_gives_the_same_framework() {
        let f = Framework::library_default();
        let file = written(&f);
        assert!(file.starts_with("\u{feff}kind,code,area,title_en"));
        assert_eq!(read(file.as_bytes()), Ok(f.clone()));
        assert_eq!(written(&read(file.as_bytes()).unwrap()), file);

        let mut welsh = Vec::new();
        write(&mut welsh, &f, FileLanguage::Welsh).unwrap();
        assert!(welsh.starts_with("\u{feff}math,cod,maes,teitl_en".as_bytes()));
        assert_eq!(read(&welsh), Ok(f));
    }

    #[test]
    fn a_value_a_spreadsheet_would_run_is_written_guarded_and_read_back_as_it_was() {
        let mut f = read(SMALL.as_bytes()).unwrap();
        f.areas[0].description = Localised::new("- sending\n- reading", None);
        f.areas[0].competences[0].title =
            Localised::new("=HYPERLINK(\"https://evil.example\")", None);
        let file = written(&f);
        assert!(file.contains("\"'- sending\n- reading\""), "{file}");
        assert!(file.contains("\"'=HYPERLINK("), "{file}");
        assert_eq!(read(file.as_bytes()), Ok(f));
    }

    #[test]
    fn a_welsh_header_reads_and_its_problems_name_columns_in_welsh() {
        let welsh = SMALL.replacen(
            "kind,code,area,title_en,title_cy,description_en,description_cy",
            "math,cod,maes,teitl_en,teitl_cy,disgrifiad_en,disgrifiad_cy",
            1,
        );
        assert_eq!(read(welsh.as_bytes()), read(SMALL.as_bytes()));
        has(
            &format!("{welsh}level,6,,T,,,\n"),
            10,
            Some("cod"),
            LEVEL_INVALID,
        );
        let found = problems("math,cod\nframework,A\n");
        assert_eq!(found[0].value.as_deref(), Some("teitl_en"));
    }

    #[test]
    fn a_hand_written_file_gets_stable_identifiers() {
        let f = read(SMALL.as_bytes()).unwrap();
        assert_eq!(f.code, "SMALL");
        assert_eq!(f.title.cy.as_deref(), Some("Fframwaith bach"));
        assert_eq!(f.levels[1].cy, None);
        assert_eq!(f.areas[0].competences[0].title.en, "I can send email");
        assert_eq!(f.areas[0].identifier.len(), 36);
        assert_eq!(read(SMALL.as_bytes()).unwrap(), f);
        // Columns in another order, and rows too: competences may come before their area.
        let reordered = "title_en,kind,code,area\nSmall,framework,SMALL,\nI can,competence,A-1,A\n\
            Area,area,A,\n1,level,1,\n2,level,2,\n3,level,3,\n4,level,4,\n5,level,5,\n";
        let f = read(reordered.as_bytes()).unwrap();
        assert_eq!(f.areas[0].competences[0].code, "A-1");
        assert_eq!(f.levels[4].en, "5");
    }

    /// Lines as an editor numbers them, the header being line 1, whatever the line endings
    /// and whether or not a quoted cell above holds a line break.
    #[test]
    fn problems_are_reported_on_the_line_an_editor_shows() {
        // The area's description runs over two lines; a blank line follows it.
        let lf = SMALL.replace("Sending and reading,", "\"Sending\nand reading\",\n");
        let crlf = lf.replace('\n', "\r\n");
        for (name, good, end) in [("LF", &lf, "\n"), ("CRLF", &crlf, "\r\n")] {
            let text = &format!("{good}level,6,,T,,,{end}");
            assert_eq!(
                problems(text)
                    .iter()
                    .map(|p| (p.line, p.column, p.code))
                    .collect::<Vec<_>>(),
                [(12, Some("code"), LEVEL_INVALID)],
                "{name}"
            );
            has(
                &text.replace("level,6,,T,,,", "area,X"),
                12,
                None,
                FIELD_COUNT,
            );
            has(
                &text.replace("level,6,,T", "level,6,,\"T"),
                12,
                None,
                UNREADABLE,
            );
            has(
                &good.replace("I can send email", ""),
                11,
                Some("title_en"),
                "framework-title-missing",
            );
        }
    }

    #[test]
    fn every_problem_names_the_line_and_column() {
        let found = read(b"kind,code,title_en\nframework,\xff,x\n").unwrap_err();
        assert_eq!((found[0].line, found[0].code), (2, NOT_UTF8));
        has("kind,code,title_en\nframework,\"A,x\n", 2, None, UNREADABLE);
        has("\n\n", 0, None, EMPTY);
        has("kind,code\nframework,A\n", 1, None, MISSING_COLUMN);
        has(
            &SMALL.replace("description_cy", "colour"),
            1,
            None,
            UNKNOWN_COLUMN,
        );
        has(&format!("{SMALL}area,X\n"), 10, None, FIELD_COUNT);
        has(
            &format!("{SMALL}topic,X,,T,,,\n"),
            10,
            Some("kind"),
            KIND_INVALID,
        );
        has(
            &SMALL.replace("framework,SMALL", "area,OTHER"),
            0,
            Some("kind"),
            NO_FRAMEWORK,
        );
        has(
            &format!("{SMALL}framework,B,,T,,,\n"),
            10,
            Some("kind"),
            FRAMEWORK_TWICE,
        );
        has(
            &format!("{SMALL}level,6,,T,,,\n"),
            10,
            Some("code"),
            LEVEL_INVALID,
        );
        has(
            &format!("{SMALL}level,5,,T,,,\n"),
            10,
            Some("code"),
            LEVEL_DUPLICATE,
        );
        has(
            &SMALL.replace("level,3,,Alone,,,\n", ""),
            0,
            Some("kind"),
            LEVEL_MISSING,
        );
        has(
            &format!("{SMALL}competence,E-2,,T,,,\n"),
            10,
            Some("area"),
            AREA_MISSING,
        );
        has(
            &format!("{SMALL}competence,E-2,NOPE,T,,,\n"),
            10,
            Some("area"),
            AREA_UNKNOWN,
        );
        // And the framework's own rules, at the line they come from.
        has(
            &format!("{SMALL}competence,EMAIL-1,EMAIL,Again,,,\n"),
            10,
            Some("code"),
            "framework-code-duplicate",
        );
        has(
            &SMALL.replace("I can send email", ""),
            9,
            Some("title_en"),
            "framework-title-missing",
        );
        has(
            &SMALL.replace("Could teach", ""),
            7,
            Some("title_en"),
            "framework-level-missing",
        );
        has(
            &SMALL.replace("EMAIL-1", "email 1"),
            9,
            Some("code"),
            "framework-code-invalid",
        );
    }
}
