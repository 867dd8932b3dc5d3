//! The staff file: the CSV an HR system exports, one row per employee or volunteer.
//!
//! Importing is two steps so that the slow part needs no database: [`parse`] checks the file on
//! its own (encoding, header, every field, duplicates), and [`check`] checks what the rows refer
//! to against what the organisation already holds. Every problem is named by a Fluent message id
//! with its line and column; nothing here is text a person reads.

use crate::Invalid;
use crate::csv_file::{
    self, CsvWriter, FileLanguage, LineCounter, find_column, is_blank, line_at, unclosed_quote,
};
use crate::organisation::{SiteCode, TeamName};
use crate::people::{
    ContractedHours, Email, EmployeeNumber, Employment, JobFamily, JobRole, PersonName,
    format_date, parse_date,
};
use std::collections::{HashMap, HashSet};

/// The columns of a staff file as (English, Welsh) names, in the order [`write`] puts them. A
/// file may order them freely and name them in either language (docs/staff-file.md).
///
/// The Welsh names are part of the file format, as the English ones are: they live here and not
/// in the Fluent message files, so that a translator's edit can never change what an HR system's
/// export must say to be read.
pub const COLUMN_NAMES: [(&str, &str); 12] = [
    ("employee_number", "rhif_cyflogai"),
    ("given_name", "enw_cyntaf"),
    ("family_name", "cyfenw"),
    ("email", "e_bost"),
    ("employment", "cyflogaeth"),
    ("job_role", "swydd"),
    ("job_family", "teulu_swyddi"),
    ("contracted_hours", "oriau_dan_gontract"),
    ("start_date", "dyddiad_dechrau"),
    ("line_manager", "rheolwr_llinell"),
    ("team", "tîm"),
    ("sites", "safleoedd"),
];

/// The English names of [`COLUMN_NAMES`], the names [`check`] reports problems by.
pub const COLUMNS: [&str; 12] = columns(FileLanguage::English);

/// The column names in one language, in the order [`write`] puts them.
pub const fn columns(language: FileLanguage) -> [&'static str; 12] {
    let mut names = [""; 12];
    let mut i = 0;
    while i < names.len() {
        names[i] = match language {
            FileLanguage::English => COLUMN_NAMES[i].0,
            FileLanguage::Welsh => COLUMN_NAMES[i].1,
        };
        i += 1;
    }
    names
}

const EMPLOYEE_NUMBER: usize = 0;
const GIVEN_NAME: usize = 1;
const FAMILY_NAME: usize = 2;
const EMAIL: usize = 3;
const EMPLOYMENT: usize = 4;
const JOB_ROLE: usize = 5;
const JOB_FAMILY: usize = 6;
const CONTRACTED_HOURS: usize = 7;
const START_DATE: usize = 8;
const LINE_MANAGER: usize = 9;
const TEAM: usize = 10;
const SITES: usize = 11;

/// Separates the site codes in the `sites` column.
pub const SITE_SEPARATOR: char = ';';

/// How many problems are collected before giving up: past this the file is wrong as a whole,
/// and a list of thousands helps nobody.
pub const MAX_PROBLEMS: usize = 500;

/// How much of an offending value a problem carries, in characters.
pub const MAX_VALUE_CHARS: usize = 60;

/// The file is not UTF-8; `line` is the first line with a byte that is not.
pub const NOT_UTF8: &str = "staff-file-not-utf8";
/// The file has no header row (it is empty or blank).
pub const EMPTY: &str = "staff-file-empty";
/// The file has a header but no rows.
pub const NO_ROWS: &str = "staff-file-no-rows";
/// A column of [`COLUMNS`] is not in the header; `field` names it.
pub const MISSING_COLUMN: &str = "staff-file-missing-column";
/// A header names a column that is not one of [`COLUMNS`]; `value` is the header as written.
pub const UNKNOWN_COLUMN: &str = "staff-file-unknown-column";
/// A column appears twice in the header.
pub const DUPLICATE_COLUMN: &str = "staff-file-duplicate-column";
/// A row has more or fewer fields than the header; `value` is how many it has.
pub const WRONG_FIELD_COUNT: &str = "staff-file-wrong-field-count";
/// An employee number appears on an earlier row too.
pub const DUPLICATE_EMPLOYEE_NUMBER: &str = "staff-file-duplicate-employee-number";
/// A row lists the same site twice.
pub const DUPLICATE_SITE: &str = "staff-file-duplicate-site";
/// A site code the organisation does not have.
pub const UNKNOWN_SITE: &str = "staff-file-unknown-site";
/// A line manager who is neither in the file nor already stored.
pub const UNKNOWN_MANAGER: &str = "staff-file-unknown-manager";
/// A person named as their own line manager.
pub const SELF_MANAGER: &str = "staff-file-self-manager";
/// People in the file who manage each other round in a loop.
pub const MANAGER_CYCLE: &str = "staff-file-manager-cycle";
/// An email that another person has, in the file or already stored.
pub const EMAIL_TAKEN: &str = "staff-file-email-taken";
/// More than [`MAX_PROBLEMS`] problems; checking stopped. `value` is the limit.
pub const TOO_MANY_PROBLEMS: &str = "staff-file-too-many-problems";
/// The file is not readable as CSV (such as a quote that is never closed).
pub const UNREADABLE: &str = "staff-file-unreadable";

/// Every Fluent id a [`Problem`] from this module can carry, so a test can check that each has a
/// message in every language.
pub const PROBLEM_CODES: &[&str] = &[
    NOT_UTF8,
    EMPTY,
    NO_ROWS,
    MISSING_COLUMN,
    UNKNOWN_COLUMN,
    DUPLICATE_COLUMN,
    WRONG_FIELD_COUNT,
    DUPLICATE_EMPLOYEE_NUMBER,
    DUPLICATE_SITE,
    UNKNOWN_SITE,
    UNKNOWN_MANAGER,
    SELF_MANAGER,
    MANAGER_CYCLE,
    EMAIL_TAKEN,
    TOO_MANY_PROBLEMS,
    UNREADABLE,
    // The field parsers' own codes, passed through with the column named.
    "invalid-employee-number-missing",
    "invalid-employee-number",
    "invalid-name-missing",
    "invalid-name",
    "invalid-email",
    "invalid-employment",
    "invalid-job-role-missing",
    "invalid-job-role",
    "invalid-job-family",
    "invalid-hours",
    "invalid-hours-quarter",
    "invalid-date",
    "invalid-team-name",
    "invalid-site-code-missing",
    "invalid-site-code",
];

/// One person as a staff file describes them.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffRecord {
    pub employee_number: EmployeeNumber,
    pub given_name: PersonName,
    pub family_name: PersonName,
    /// `None` for people without a work address, as with many volunteers.
    pub email: Option<Email>,
    pub employment: Employment,
    pub job_role: JobRole,
    pub job_family: JobFamily,
    pub contracted_hours: ContractedHours,
    pub start_date: Option<time::Date>,
    /// Their line manager, who is in the same file or already stored.
    pub line_manager: Option<EmployeeNumber>,
    pub team: Option<TeamName>,
    /// Never empty, no code twice, in the order the file gives.
    pub sites: Vec<SiteCode>,
}

/// A record with the file line it came from (1-based, counting the header as line 1; for a quoted
/// field spanning lines, the line where the record starts).
#[derive(Debug, Clone, PartialEq)]
pub struct StaffLine {
    /// Where the record starts in the file; line 1 is the header.
    pub line: u64,
    pub record: StaffRecord,
}

/// Something wrong with a staff file, named by line and field, never by text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file line; 0 when the problem is about the whole file.
    pub line: u64,
    /// The column, when the problem is about one field: its name from [`COLUMN_NAMES`] in the
    /// language the file's header used, so the message names it as the file does.
    pub field: Option<&'static str>,
    /// The Fluent message id: one of [`PROBLEM_CODES`].
    pub code: &'static str,
    /// The offending value, cut to [`MAX_VALUE_CHARS`] characters, when it helps to show it.
    pub value: Option<String>,
}

impl Problem {
    fn new(line: u64, field: Option<&'static str>, code: &'static str) -> Self {
        Self {
            line,
            field,
            code,
            value: None,
        }
    }

    fn with_value(mut self, value: &str) -> Self {
        self.value = Some(value.chars().take(MAX_VALUE_CHARS).collect());
        self
    }
}

/// What the file must be checked against: what already exists in the organisation.
pub struct Known<'a> {
    /// The organisation's site codes.
    pub sites: &'a HashSet<SiteCode>,
    /// People already stored: employee number -> their email if any.
    pub people: &'a HashMap<EmployeeNumber, Option<Email>>,
}

/// Collects problems up to [`MAX_PROBLEMS`], then one [`TOO_MANY_PROBLEMS`] and no more.
type Problems = csv_file::Problems<Problem>;

impl Default for Problems {
    fn default() -> Self {
        Self::new(
            MAX_PROBLEMS,
            Problem::new(0, None, TOO_MANY_PROBLEMS).with_value(&MAX_PROBLEMS.to_string()),
        )
    }
}

/// Reads and checks a whole file: encoding, header, every field, duplicates within the file.
///
/// Never stops at the first problem, but stops collecting after [`MAX_PROBLEMS`] and adds one
/// final [`TOO_MANY_PROBLEMS`]. Rows that are wholly blank are skipped.
pub fn parse(bytes: &[u8]) -> Result<Vec<StaffLine>, Vec<Problem>> {
    let (lines, problems, _) = parse_lenient(bytes);
    if problems.is_empty() {
        Ok(lines)
    } else {
        Err(problems)
    }
}

/// Reads a file and checks it against what is stored: every problem in one list, in line
/// order, or the records when there is none.
///
/// Where some lines cannot be read, the others are still checked for references that do not
/// depend on other lines (unknown sites, emails taken), so one upload shows as many problems as
/// possible; line-manager problems wait until every line can be read, since a manager's own
/// line may be among the unreadable ones.
pub fn read_and_check(bytes: &[u8], known: &Known) -> Result<Vec<StaffLine>, Vec<Problem>> {
    let (lines, mut problems, names) = parse_lenient(bytes);
    let unreadable = !problems.is_empty();
    let mut references = check(&lines, known);
    // `check` names columns in English; the person should see them as their file names them.
    for problem in &mut references {
        problem.field = problem
            .field
            .map(|f| COLUMNS.iter().position(|c| *c == f).map_or(f, |i| names[i]));
    }
    if unreadable {
        references.retain(|p| p.code != UNKNOWN_MANAGER && p.code != MANAGER_CYCLE);
    }
    if problems.is_empty() && references.is_empty() {
        return Ok(lines);
    }
    let capped = problems
        .iter()
        .chain(&references)
        .any(|p| p.code == TOO_MANY_PROBLEMS);
    problems.retain(|p| p.code != TOO_MANY_PROBLEMS);
    problems.extend(
        references
            .into_iter()
            .filter(|p| p.code != TOO_MANY_PROBLEMS),
    );
    problems.sort_by_key(|p| (p.line, p.field.map(column_index)));
    if capped || problems.len() > MAX_PROBLEMS {
        problems.truncate(MAX_PROBLEMS);
        problems
            .push(Problem::new(0, None, TOO_MANY_PROBLEMS).with_value(&MAX_PROBLEMS.to_string()));
    }
    Err(problems)
}

fn column_index(name: &str) -> usize {
    find_column(&COLUMN_NAMES, name).map_or(COLUMNS.len(), |(i, _)| i)
}

/// Reads what it can: the lines with no problem, every problem found, and each column's name as
/// the file gives it (English where the file has no header).
fn parse_lenient(bytes: &[u8]) -> (Vec<StaffLine>, Vec<Problem>, [&'static str; 12]) {
    let (lines, problems, header) = parse_with_header(bytes);
    (lines, problems, header.map_or(COLUMNS, |h| h.names))
}

fn parse_with_header(bytes: &[u8]) -> (Vec<StaffLine>, Vec<Problem>, Option<Header>) {
    let bytes = match csv_file::text(bytes) {
        Ok(text) => text.as_bytes(),
        Err(line) => return (Vec::new(), vec![Problem::new(line, None, NOT_UTF8)], None),
    };
    // The csv crate reads an unclosed quote as a field running to the end of the file, which
    // would show up as one baffling problem on the last row instead of where the mistake is.
    if let Some(at) = unclosed_quote(bytes) {
        return (
            Vec::new(),
            vec![Problem::new(line_at(bytes, at), None, UNREADABLE)],
            None,
        );
    }

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::StringRecord::new();
    let mut problems = Problems::default();
    let mut lines_to = LineCounter::new(bytes);

    let header_line = loop {
        match reader.read_record(&mut record) {
            Ok(false) => return (Vec::new(), vec![Problem::new(0, None, EMPTY)], None),
            Ok(true) if is_blank(&record) => continue,
            Ok(true) => break lines_to.record(&record),
            Err(e) => return (Vec::new(), vec![unreadable(&e, bytes)], None),
        }
    };
    let header = Header::read(&record, header_line, &mut problems);

    // Room for every line up front: growing a vector of 100,000 records copies megabytes.
    let newlines = bytes.iter().filter(|&&b| b == b'\n').count();
    let mut lines = Vec::with_capacity(newlines);
    let mut seen = HashSet::with_capacity(newlines);
    let mut rows = 0usize;
    while !problems.full {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) if is_blank(&record) => continue,
            Ok(true) => {
                rows += 1;
                let line = lines_to.record(&record);
                if record.len() != header.width {
                    problems.push(
                        Problem::new(line, None, WRONG_FIELD_COUNT)
                            .with_value(&record.len().to_string()),
                    );
                    continue;
                }
                let before = problems.list.len();
                let mut row = Row {
                    record: &record,
                    header: &header,
                    line,
                    problems: &mut problems,
                };
                if let Some(record) = row.read(&mut seen)
                    && problems.list.len() == before
                {
                    lines.push(StaffLine { line, record });
                }
            }
            Err(e) => problems.push(unreadable(&e, bytes)),
        }
    }
    if rows == 0 && problems.is_empty() {
        problems.push(Problem::new(0, None, NO_ROWS));
    }
    (lines, problems.list, Some(header))
}

/// The csv crate reports no syntax errors for text already in memory (it reads stray quotes
/// leniently), so this is for whatever it may report in future versions.
fn unreadable(e: &csv::Error, bytes: &[u8]) -> Problem {
    let line = e
        .position()
        .map_or(0, |p| line_at(bytes, (p.byte() as usize).min(bytes.len())));
    Problem::new(line, None, UNREADABLE)
}

/// Where each column of [`COLUMN_NAMES`] is in the file's rows, and what the file calls it.
struct Header {
    positions: [Option<usize>; COLUMNS.len()],
    /// Each column's name as the header wrote it; a column the header lacks is named in the
    /// language of the header's first known column.
    names: [&'static str; COLUMNS.len()],
    width: usize,
}

impl Header {
    /// Reads a header in English, Welsh or a mix of both: a spreadsheet user who renames one
    /// column into the other language should not be refused for it.
    fn read(record: &csv::StringRecord, line: u64, problems: &mut Problems) -> Self {
        let mut positions = [None; COLUMNS.len()];
        let mut languages = [None; COLUMNS.len()];
        let mut first_language = None;
        for (at, raw) in record.iter().enumerate() {
            match find_column(&COLUMN_NAMES, raw) {
                Some((column, language)) if positions[column].is_some() => problems.push(
                    Problem::new(
                        line,
                        Some(language.pick(COLUMN_NAMES[column])),
                        DUPLICATE_COLUMN,
                    )
                    .with_value(raw),
                ),
                Some((column, language)) => {
                    positions[column] = Some(at);
                    languages[column] = Some(language);
                    first_language.get_or_insert(language);
                }
                None => problems.push(Problem::new(line, None, UNKNOWN_COLUMN).with_value(raw)),
            }
        }
        let header_language = first_language.unwrap_or_default();
        let names = std::array::from_fn(|column| {
            languages[column]
                .unwrap_or(header_language)
                .pick(COLUMN_NAMES[column])
        });
        // Every column must be there, even the optional ones: a column left out would read as
        // blank, and re-importing would then wipe what is stored for everyone in the file.
        for (column, position) in positions.iter().enumerate() {
            if position.is_none() {
                problems.push(Problem::new(line, Some(names[column]), MISSING_COLUMN));
            }
        }
        Self {
            positions,
            names,
            width: record.len(),
        }
    }
}

/// One data row being read: reports each bad field and carries on, so that a row shows all its
/// problems at once.
struct Row<'a> {
    record: &'a csv::StringRecord,
    header: &'a Header,
    line: u64,
    problems: &'a mut Problems,
}

impl<'a> Row<'a> {
    fn read(&mut self, seen: &mut HashSet<EmployeeNumber>) -> Option<StaffRecord> {
        let employee_number = self.required(EMPLOYEE_NUMBER, EmployeeNumber::parse);
        if let Some(number) = &employee_number
            && !seen.insert(number.clone())
        {
            self.problems.push(
                Problem::new(
                    self.line,
                    Some(self.header.names[EMPLOYEE_NUMBER]),
                    DUPLICATE_EMPLOYEE_NUMBER,
                )
                .with_value(number.as_str()),
            );
        }
        let given_name = self.required(GIVEN_NAME, PersonName::parse);
        let family_name = self.required(FAMILY_NAME, PersonName::parse);
        let email = self.optional(EMAIL, Email::parse);
        let employment = self.required(EMPLOYMENT, parse_employment);
        let job_role = self.required(JOB_ROLE, JobRole::parse);
        let job_family = self.required(JOB_FAMILY, parse_job_family);
        let contracted_hours = self.required(CONTRACTED_HOURS, ContractedHours::parse);
        let start_date = self.optional(START_DATE, parse_iso_date);
        let line_manager = self.optional(LINE_MANAGER, EmployeeNumber::parse);
        let team = self.optional(TEAM, TeamName::parse);
        let sites = self.sites();
        Some(StaffRecord {
            employee_number: employee_number?,
            given_name: given_name?,
            family_name: family_name?,
            email: email?,
            employment: employment?,
            job_role: job_role?,
            job_family: job_family?,
            contracted_hours: contracted_hours?,
            start_date: start_date?,
            line_manager: line_manager?,
            team: team?,
            sites: sites?,
        })
    }

    /// The raw text of a column (its formula guard undone, as an export wrote it); `None` when
    /// the header lacks it (already reported once).
    fn raw(&self, column: usize) -> Option<&'a str> {
        self.header.positions[column]
            .and_then(|at| self.record.get(at))
            .map(csv_file::unguarded)
    }

    fn report(&mut self, column: usize, Invalid(code): Invalid, raw: &str) {
        let problem = Problem::new(self.line, Some(self.header.names[column]), code);
        let raw = raw.trim();
        // A blank value says nothing the message does not.
        let problem = if raw.is_empty() {
            problem
        } else {
            problem.with_value(raw)
        };
        self.problems.push(problem);
    }

    fn required<T>(&mut self, column: usize, parse: fn(&str) -> Result<T, Invalid>) -> Option<T> {
        let raw = self.raw(column)?;
        parse(raw)
            .map_err(|invalid| self.report(column, invalid, raw))
            .ok()
    }

    fn optional<T>(
        &mut self,
        column: usize,
        parse: fn(&str) -> Result<T, Invalid>,
    ) -> Option<Option<T>> {
        let raw = self.raw(column)?;
        if raw.trim().is_empty() {
            return Some(None);
        }
        parse(raw)
            .map(Some)
            .map_err(|invalid| self.report(column, invalid, raw))
            .ok()
    }

    fn sites(&mut self) -> Option<Vec<SiteCode>> {
        let raw = self.raw(SITES)?;
        let mut sites: Vec<SiteCode> = Vec::with_capacity(2);
        let mut ok = true;
        // Empty pieces ("CEN;;LLA", a trailing ';') are slips, not sites.
        for piece in raw.split(SITE_SEPARATOR).filter(|p| !p.trim().is_empty()) {
            match SiteCode::parse(piece) {
                Ok(code) if sites.contains(&code) => {
                    ok = false;
                    self.problems.push(
                        Problem::new(self.line, Some(self.header.names[SITES]), DUPLICATE_SITE)
                            .with_value(code.as_str()),
                    );
                }
                Ok(code) => sites.push(code),
                Err(invalid) => {
                    ok = false;
                    self.report(SITES, invalid, piece);
                }
            }
        }
        if ok && sites.is_empty() {
            ok = false;
            self.report(SITES, Invalid("invalid-site-code-missing"), "");
        }
        ok.then_some(sites)
    }
}

/// [`Employment::parse`], without its allocation for the spelling nearly every row uses.
fn parse_employment(raw: &str) -> Result<Employment, Invalid> {
    match raw {
        "employee" => Ok(Employment::Employee),
        "volunteer" => Ok(Employment::Volunteer),
        _ => Employment::parse(raw),
    }
}

/// [`parse_date`], reading the plain `YYYY-MM-DD` every HR system writes without a format
/// description; anything else goes to [`parse_date`], which has the last word.
fn parse_iso_date(raw: &str) -> Result<time::Date, Invalid> {
    let b = raw.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u16, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u16::from(d - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10))
        && let Ok(month) = time::Month::try_from(month as u8)
        && let Ok(date) = time::Date::from_calendar_date(i32::from(year), month, day as u8)
    {
        return Ok(date);
    }
    parse_date(raw)
}

/// [`JobFamily::parse`], without its allocation for the stored spellings.
fn parse_job_family(raw: &str) -> Result<JobFamily, Invalid> {
    JobFamily::ALL
        .into_iter()
        .find(|f| f.as_str() == raw)
        .map_or_else(|| JobFamily::parse(raw), Ok)
}

/// Checks references: unknown site codes, a line manager who is neither in the file nor already
/// stored, a person who is their own line manager, line-manager cycles within the file, and an
/// email already used by a different person either in the file or in the stored people.
///
/// An email counts as taken by a stored person only if the file does not give that person a new
/// one, because the import replaces it. Problems come in line order, capped as in [`parse`].
pub fn check(lines: &[StaffLine], known: &Known) -> Vec<Problem> {
    let mut found = Vec::new();
    let in_file: HashMap<&EmployeeNumber, usize> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (&l.record.employee_number, i))
        .collect();

    for l in lines {
        for site in &l.record.sites {
            if !known.sites.contains(site) {
                found.push(
                    Problem::new(l.line, Some(COLUMNS[SITES]), UNKNOWN_SITE)
                        .with_value(site.as_str()),
                );
            }
        }
        if let Some(manager) = &l.record.line_manager {
            let code = if *manager == l.record.employee_number {
                Some(SELF_MANAGER)
            } else if !in_file.contains_key(manager) && !known.people.contains_key(manager) {
                Some(UNKNOWN_MANAGER)
            } else {
                None
            };
            if let Some(code) = code {
                found.push(
                    Problem::new(l.line, Some(COLUMNS[LINE_MANAGER]), code)
                        .with_value(manager.as_str()),
                );
            }
        }
    }

    found.extend(manager_cycles(lines, &in_file));
    found.extend(emails_taken(lines, known, &in_file));

    let column = |p: &Problem| p.field.and_then(|f| COLUMNS.iter().position(|c| *c == f));
    found.sort_by_key(|p| (p.line, column(p)));
    let mut problems = Problems::default();
    for problem in found {
        problems.push(problem);
    }
    problems.list
}

/// Every line on a loop of line managers within the file (people managing themselves are
/// reported as [`SELF_MANAGER`] instead).
fn manager_cycles(lines: &[StaffLine], in_file: &HashMap<&EmployeeNumber, usize>) -> Vec<Problem> {
    // Each person has at most one manager, so following managers from anyone either leaves the
    // file, reaches someone already explored, or comes back round onto the current path.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath,
        Done,
    }
    let manager_of = |i: usize| {
        let record = &lines[i].record;
        record
            .line_manager
            .as_ref()
            .filter(|m| **m != record.employee_number)
            .and_then(|m| in_file.get(m).copied())
    };
    let mut marks = vec![Mark::New; lines.len()];
    let mut problems = Vec::new();
    let mut path = Vec::new();
    for start in 0..lines.len() {
        let mut at = Some(start);
        while let Some(i) = at {
            match marks[i] {
                Mark::Done => break,
                Mark::OnPath => {
                    let loop_start = path.iter().position(|&p| p == i).unwrap_or(0);
                    for &member in &path[loop_start..] {
                        let l: &StaffLine = &lines[member];
                        let manager = l.record.line_manager.as_ref().map(EmployeeNumber::as_str);
                        let problem =
                            Problem::new(l.line, Some(COLUMNS[LINE_MANAGER]), MANAGER_CYCLE);
                        problems.push(match manager {
                            Some(m) => problem.with_value(m),
                            None => problem,
                        });
                    }
                    break;
                }
                Mark::New => {
                    marks[i] = Mark::OnPath;
                    path.push(i);
                    at = manager_of(i);
                }
            }
        }
        for i in path.drain(..) {
            marks[i] = Mark::Done;
        }
    }
    problems
}

/// Emails that would belong to two people once the file is imported.
fn emails_taken(
    lines: &[StaffLine],
    known: &Known,
    in_file: &HashMap<&EmployeeNumber, usize>,
) -> Vec<Problem> {
    let stored: HashMap<&Email, &EmployeeNumber> = known
        .people
        .iter()
        .filter(|(number, _)| !in_file.contains_key(number))
        .filter_map(|(number, email)| email.as_ref().map(|e| (e, number)))
        .collect();
    let mut owners: HashMap<&Email, &EmployeeNumber> = HashMap::with_capacity(lines.len());
    let mut problems = Vec::new();
    for l in lines {
        let Some(email) = &l.record.email else {
            continue;
        };
        let number = &l.record.employee_number;
        let other = stored
            .get(email)
            .copied()
            .or_else(|| owners.get(email).copied())
            .filter(|owner| *owner != number);
        if other.is_some() {
            problems.push(
                Problem::new(l.line, Some(COLUMNS[EMAIL]), EMAIL_TAKEN).with_value(email.as_str()),
            );
        } else {
            owners.insert(email, number);
        }
    }
    problems
}

/// Writes records as a staff file with its header in `language` (export); reading the output
/// with [`parse`] gives the same records back.
///
/// Written by [`CsvWriter`]: a UTF-8 byte order mark and CRLF line ends, because that is what
/// Excel needs to open it with names such as "Siân" intact, and every cell guarded against
/// running as a formula (a guard [`parse`] undoes).
pub fn write<W: std::io::Write>(
    out: W,
    records: impl IntoIterator<Item = StaffRecord>,
    language: FileLanguage,
) -> std::io::Result<()> {
    let mut writer = CsvWriter::new(out)?;
    writer.row(columns(language))?;
    let mut sites = String::new();
    for r in records {
        sites.clear();
        for (i, site) in r.sites.iter().enumerate() {
            if i > 0 {
                sites.push(SITE_SEPARATOR);
            }
            sites.push_str(site.as_str());
        }
        let hours = r.contracted_hours.to_string();
        let start_date = r.start_date.map(format_date).unwrap_or_default();
        writer.row([
            r.employee_number.as_str(),
            r.given_name.as_str(),
            r.family_name.as_str(),
            r.email.as_ref().map_or("", Email::as_str),
            r.employment.as_str(),
            r.job_role.as_str(),
            r.job_family.as_str(),
            &hours,
            &start_date,
            r.line_manager.as_ref().map_or("", EmployeeNumber::as_str),
            r.team.as_ref().map_or("", TeamName::as_str),
            &sites,
        ])?;
    }
    writer.finish()?.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "employee_number,given_name,family_name,email,employment,job_role,job_family,contracted_hours,start_date,line_manager,team,sites";
    const MANAGER: &str = "AV1,Rhiannon,Jones,rhiannon.jones@afon.example,employee,Library Manager,manager,37,2010-04-01,,Central Library team,CEN";
    const VOLUNTEER: &str = "AV2,Gareth,Davies,,volunteer,Digital Buddy,frontline,4,,AV1,,CEN;LLA";

    fn file(rows: &[&str]) -> Vec<u8> {
        let mut text = String::from(HEADER);
        for row in rows {
            text.push('\n');
            text.push_str(row);
        }
        text.push('\n');
        text.into_bytes()
    }

    /// The single problem a file has, panicking when it has none or several.
    fn problem(bytes: &[u8]) -> Problem {
        let problems = parse(bytes).expect_err("the file should have a problem");
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems.into_iter().next().unwrap()
    }

    fn at(
        line: u64,
        field: Option<&'static str>,
        code: &'static str,
        value: Option<&str>,
    ) -> Problem {
        Problem {
            line,
            field,
            code,
            value: value.map(str::to_string),
        }
    }

    fn sites() -> HashSet<SiteCode> {
        ["CEN", "LLA", "HQ"]
            .into_iter()
            .map(|c| SiteCode::parse(c).unwrap())
            .collect()
    }

    fn number(raw: &str) -> EmployeeNumber {
        EmployeeNumber::parse(raw).unwrap()
    }

    fn checked(bytes: &[u8], people: &HashMap<EmployeeNumber, Option<Email>>) -> Vec<Problem> {
        let lines = parse(bytes).expect("the file parses");
        check(
            &lines,
            &Known {
                sites: &sites(),
                people,
            },
        )
    }

    #[test]
    fn a_valid_file_parses() {
        let lines = parse(&file(&[MANAGER, VOLUNTEER])).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].line, 2);
        assert_eq!(lines[1].line, 3);
        let manager = &lines[0].record;
        assert_eq!(manager.employee_number.as_str(), "AV1");
        assert_eq!(
            manager.email.as_ref().unwrap().as_str(),
            "rhiannon.jones@afon.example"
        );
        assert_eq!(manager.job_family, JobFamily::Manager);
        assert_eq!(manager.contracted_hours, ContractedHours::FULL_TIME);
        assert_eq!(
            manager.start_date.map(format_date).as_deref(),
            Some("2010-04-01")
        );
        assert_eq!(
            manager.team.as_ref().unwrap().as_str(),
            "Central Library team"
        );
        let volunteer = &lines[1].record;
        assert_eq!(volunteer.email, None);
        assert_eq!(volunteer.employment, Employment::Volunteer);
        assert_eq!(volunteer.start_date, None);
        assert_eq!(volunteer.team, None);
        assert_eq!(volunteer.line_manager, Some(number("AV1")));
        let codes: Vec<_> = volunteer.sites.iter().map(SiteCode::as_str).collect();
        assert_eq!(codes, ["CEN", "LLA"]);
        assert!(checked(&file(&[MANAGER, VOLUNTEER]), &HashMap::new()).is_empty());
    }

    #[test]
    fn columns_may_come_in_any_order_and_case() {
        let text = "Sites , EMPLOYEE_NUMBER,given_name,family_name,email,employment,job_role,job_family,contracted_hours,start_date,line_manager,team\n\
                    cen; lla ,AV9,Ceri,Evans,,Staff,Library Assistant,Senior leader,18.5,,,\n";
        let lines = parse(text.as_bytes()).unwrap();
        let r = &lines[0].record;
        assert_eq!(r.employee_number.as_str(), "AV9");
        assert_eq!(r.employment, Employment::Employee);
        assert_eq!(r.job_family, JobFamily::SeniorLeader);
        assert_eq!(r.contracted_hours.hours(), 18.5);
        assert_eq!(r.sites.len(), 2);
    }

    #[test]
    fn a_byte_order_mark_and_windows_line_endings_are_accepted() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(
            String::from_utf8(file(&[MANAGER, VOLUNTEER]))
                .unwrap()
                .replace('\n', "\r\n")
                .bytes(),
        );
        let lines = parse(&bytes).unwrap();
        assert_eq!(lines.iter().map(|l| l.line).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(lines[1].record.sites.last().unwrap().as_str(), "LLA");
    }

    #[test]
    fn blank_lines_are_ignored() {
        let mut bytes = file(&[MANAGER, "", VOLUNTEER]);
        bytes.extend(b"\n\r\n,,,,,,,,,,,\n   \n");
        let lines = parse(&bytes).unwrap();
        assert_eq!(lines.iter().map(|l| l.line).collect::<Vec<_>>(), [2, 4]);
    }

    #[test]
    fn a_quoted_field_across_lines_counts_from_where_the_record_starts() {
        // No field may hold a line break, but the lines still count where they are.
        let bytes = file(&[
            "AV1,Rhiannon,Jones,,employee,\"Library Manager,\nCentral\",manager,37,,,,CEN",
            &VOLUNTEER.replace("volunteer", "helper"),
        ]);
        let problems = parse(&bytes).unwrap_err();
        let lines: Vec<_> = problems
            .iter()
            .map(|p| (p.line, p.field.unwrap()))
            .collect();
        assert_eq!(lines, [(2, "job_role"), (4, "employment")]);
    }

    /// Lines as an editor numbers them, the header being line 1, whatever the line endings.
    #[test]
    fn problems_are_reported_on_the_line_an_editor_shows() {
        let lf = String::from_utf8(file(&[
            "AV1,Rhiannon,Jones,,employee,\"Library Manager,\nCentral\",manager,37,,,,CEN",
            "",
            &VOLUNTEER.replace("volunteer", "helper"),
            &VOLUNTEER.replace("AV2", "AV3").replace(",4,", ",4"),
        ]))
        .unwrap();
        let crlf = lf.replace('\n', "\r\n");
        for (name, text) in [("LF", &lf), ("CRLF", &crlf)] {
            let found: Vec<_> = parse(text.as_bytes())
                .unwrap_err()
                .iter()
                .map(|p| (p.line, p.field))
                .collect();
            assert_eq!(
                found,
                [(2, Some("job_role")), (5, Some("employment")), (6, None)],
                "{name}"
            );
            let unclosed = text.replace("AV3", "\"AV3");
            assert_eq!(problem(unclosed.as_bytes()).line, 6, "{name}");
        }
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused_at_its_first_bad_line() {
        let mut bytes = file(&[MANAGER]);
        bytes.extend(b"AV2,Si\xE2n,Davies,,volunteer,Digital Buddy,frontline,4,,AV1,,CEN\n");
        assert_eq!(problem(&bytes), at(3, None, NOT_UTF8, None));
    }

    #[test]
    fn an_empty_file_has_no_header() {
        assert_eq!(problem(b""), at(0, None, EMPTY, None));
        assert_eq!(problem(b"\xEF\xBB\xBF\r\n\n"), at(0, None, EMPTY, None));
    }

    #[test]
    fn a_header_alone_has_no_rows() {
        assert_eq!(problem(&file(&[])), at(0, None, NO_ROWS, None));
    }

    #[test]
    fn every_column_must_be_in_the_header() {
        let header = HEADER.replace(",team", "");
        let bytes =
            format!("{header}\nAV1,Rhiannon,Jones,,employee,Library Manager,manager,37,,,CEN\n");
        assert_eq!(
            problem(bytes.as_bytes()),
            at(1, Some("team"), MISSING_COLUMN, None)
        );
    }

    #[test]
    fn an_unknown_column_is_refused_to_catch_typos() {
        let header = HEADER.replace("email", "e-mail");
        let bytes = format!("{header}\n{MANAGER}\n");
        let problems = parse(bytes.as_bytes()).unwrap_err();
        assert_eq!(
            problems,
            [
                at(1, None, UNKNOWN_COLUMN, Some("e-mail")),
                at(1, Some("email"), MISSING_COLUMN, None)
            ]
        );
    }

    #[test]
    fn a_column_twice_is_refused() {
        let bytes = format!("{HEADER},Email\n{MANAGER},x@afon.example\n");
        assert_eq!(
            problem(bytes.as_bytes()),
            at(1, Some("email"), DUPLICATE_COLUMN, Some("Email"))
        );
    }

    #[test]
    fn a_row_must_have_as_many_fields_as_the_header() {
        let short = "AV2,Gareth,Davies,,volunteer,Digital Buddy,frontline,4,,AV1,CEN";
        assert_eq!(
            problem(&file(&[MANAGER, short])),
            at(3, None, WRONG_FIELD_COUNT, Some("11"))
        );
        let long = format!("{VOLUNTEER},extra");
        assert_eq!(
            problem(&file(&[MANAGER, &long])),
            at(3, None, WRONG_FIELD_COUNT, Some("13"))
        );
    }

    #[test]
    fn an_employee_number_twice_is_reported_on_its_second_line() {
        let again = VOLUNTEER.replace("AV2", "AV1");
        assert_eq!(
            problem(&file(&[MANAGER, VOLUNTEER, &again])),
            at(
                4,
                Some("employee_number"),
                DUPLICATE_EMPLOYEE_NUMBER,
                Some("AV1")
            )
        );
    }

    #[test]
    fn a_site_twice_in_a_row_is_refused() {
        let row = VOLUNTEER.replace("CEN;LLA", "CEN;lla;LLA");
        assert_eq!(
            problem(&file(&[MANAGER, &row])),
            at(3, Some("sites"), DUPLICATE_SITE, Some("LLA"))
        );
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        let row = VOLUNTEER.replace("Digital Buddy", "\"Digital Buddy");
        assert_eq!(
            problem(&file(&[MANAGER, &row, VOLUNTEER])),
            at(3, None, UNREADABLE, None)
        );
        // A quote inside an unquoted field is an ordinary character, as the csv crate reads it.
        let row = VOLUNTEER.replace("Digital Buddy", "Digital \"Buddy");
        assert!(parse(&file(&[MANAGER, &row])).is_ok());
    }

    #[test]
    fn bad_fields_are_named_by_the_parsers_code_and_their_column() {
        let cases = [
            (
                "AV2,",
                ",",
                "employee_number",
                "invalid-employee-number-missing",
                None,
            ),
            (
                "AV2,",
                "AV 2,",
                "employee_number",
                "invalid-employee-number",
                Some("AV 2"),
            ),
            ("Gareth", " ", "given_name", "invalid-name-missing", None),
            ("Davies", "", "family_name", "invalid-name-missing", None),
            (
                ",,volunteer",
                ",gareth@,volunteer",
                "email",
                "invalid-email",
                Some("gareth@"),
            ),
            (
                "volunteer",
                "helper",
                "employment",
                "invalid-employment",
                Some("helper"),
            ),
            (
                "Digital Buddy",
                "",
                "job_role",
                "invalid-job-role-missing",
                None,
            ),
            (
                "frontline",
                "boss",
                "job_family",
                "invalid-job-family",
                Some("boss"),
            ),
            (
                ",4,",
                ",four,",
                "contracted_hours",
                "invalid-hours",
                Some("four"),
            ),
            (
                ",4,",
                ",60,",
                "contracted_hours",
                "invalid-hours",
                Some("60"),
            ),
            (
                ",4,",
                ",4.1,",
                "contracted_hours",
                "invalid-hours-quarter",
                Some("4.1"),
            ),
            (
                ",4,,",
                ",4,31/01/2020,",
                "start_date",
                "invalid-date",
                Some("31/01/2020"),
            ),
            (
                ",AV1,",
                ",AV 1,",
                "line_manager",
                "invalid-employee-number",
                Some("AV 1"),
            ),
            (
                "CEN;LLA",
                "CEN;L L A",
                "sites",
                "invalid-site-code",
                Some("L L A"),
            ),
            ("CEN;LLA", " ; ", "sites", "invalid-site-code-missing", None),
        ];
        for (from, to, field, code, value) in cases {
            let row = VOLUNTEER.replacen(from, to, 1);
            assert_eq!(
                problem(&file(&[MANAGER, &row])),
                at(3, Some(field), code, value),
                "{row}"
            );
            assert!(PROBLEM_CODES.contains(&code), "{code}");
        }
        let long_team = format!("{},CEN", "T".repeat(121));
        let row = VOLUNTEER.replace(",,CEN;LLA", &format!(",{long_team}"));
        let p = problem(&file(&[MANAGER, &row]));
        assert_eq!((p.field, p.code), (Some("team"), "invalid-team-name"));
        assert_eq!(p.value.unwrap().chars().count(), MAX_VALUE_CHARS);
    }

    #[test]
    fn a_row_reports_all_its_problems() {
        let row = "AV2,,Davies,nope,volunteer,Digital Buddy,frontline,99,,AV1,,CEN";
        let problems = parse(&file(&[MANAGER, row])).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field.unwrap()).collect();
        assert_eq!(fields, ["given_name", "email", "contracted_hours"]);
    }

    #[test]
    fn collecting_stops_after_too_many_problems() {
        let rows: Vec<String> = (0..MAX_PROBLEMS + 100)
            .map(|i| {
                VOLUNTEER
                    .replace("AV2", &format!("V{i}"))
                    .replace(",,volunteer", ",bad,volunteer")
            })
            .collect();
        let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
        let problems = parse(&file(&rows)).unwrap_err();
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(problems[MAX_PROBLEMS - 1].line, MAX_PROBLEMS as u64 + 1);
        assert_eq!(
            problems[MAX_PROBLEMS],
            at(0, None, TOO_MANY_PROBLEMS, Some("500"))
        );
    }

    #[test]
    fn unknown_sites_are_found() {
        let row = VOLUNTEER.replace("CEN;LLA", "CEN;XYZ");
        assert_eq!(
            checked(&file(&[MANAGER, &row]), &HashMap::new()),
            [at(3, Some("sites"), UNKNOWN_SITE, Some("XYZ"))]
        );
    }

    #[test]
    fn a_line_manager_must_be_in_the_file_or_stored() {
        let row = VOLUNTEER.replace(",AV1,", ",AV7,");
        let bytes = file(&[MANAGER, &row]);
        assert_eq!(
            checked(&bytes, &HashMap::new()),
            [at(3, Some("line_manager"), UNKNOWN_MANAGER, Some("AV7"))]
        );
        let stored = HashMap::from([(number("AV7"), None)]);
        assert!(checked(&bytes, &stored).is_empty());
    }

    #[test]
    fn nobody_manages_themselves() {
        let row = VOLUNTEER.replace(",AV1,", ",AV2,");
        assert_eq!(
            checked(&file(&[MANAGER, &row]), &HashMap::new()),
            [at(3, Some("line_manager"), SELF_MANAGER, Some("AV2"))]
        );
    }

    #[test]
    fn line_managers_do_not_go_round_in_a_loop() {
        let head = MANAGER.replace("2010-04-01,,", "2010-04-01,AV3,");
        let deputy = VOLUNTEER.replace("AV2", "AV3").replace(",AV1,", ",AV4,");
        let officer = VOLUNTEER.replace("AV2", "AV4");
        let outside = VOLUNTEER.replace(",AV1,", ",AV4,");
        let problems = checked(
            &file(&[&head, &deputy, &officer, &outside]),
            &HashMap::new(),
        );
        assert_eq!(
            problems,
            [
                at(2, Some("line_manager"), MANAGER_CYCLE, Some("AV3")),
                at(3, Some("line_manager"), MANAGER_CYCLE, Some("AV4")),
                at(4, Some("line_manager"), MANAGER_CYCLE, Some("AV1")),
            ]
        );
    }

    #[test]
    fn an_email_belongs_to_one_person() {
        let twin = VOLUNTEER.replace(",,volunteer", ",Rhiannon.Jones@afon.example,volunteer");
        assert_eq!(
            checked(&file(&[MANAGER, &twin]), &HashMap::new()),
            [at(
                3,
                Some("email"),
                EMAIL_TAKEN,
                Some("rhiannon.jones@afon.example")
            )]
        );

        let email = |raw: &str| Some(Email::parse(raw).unwrap());
        let stored = HashMap::from([(number("AV5"), email("gareth@afon.example"))]);
        let taken = VOLUNTEER.replace(",,volunteer", ",gareth@afon.example,volunteer");
        assert_eq!(
            checked(&file(&[MANAGER, &taken]), &stored),
            [at(
                3,
                Some("email"),
                EMAIL_TAKEN,
                Some("gareth@afon.example")
            )]
        );
        // Keeping one's own stored email is no clash.
        let own = HashMap::from([(number("AV2"), email("gareth@afon.example"))]);
        assert!(checked(&file(&[MANAGER, &taken]), &own).is_empty());
        // Nor is taking over an address the file moves its stored owner away from.
        let moved = VOLUNTEER
            .replace("AV2", "AV5")
            .replace(",,volunteer", ",gareth.davies@afon.example,volunteer");
        assert!(checked(&file(&[MANAGER, &taken, &moved]), &stored).is_empty());
    }

    #[test]
    fn written_records_read_back_the_same() {
        let mut lines = parse(&file(&[MANAGER, VOLUNTEER])).unwrap();
        lines[1].record.job_role = JobRole::parse("Buddy, \"digital\"; more").unwrap();
        lines[1].record.given_name = PersonName::parse("Siân").unwrap();
        lines[1].record.contracted_hours = ContractedHours::parse("7.25").unwrap();
        let records: Vec<_> = lines.into_iter().map(|l| l.record).collect();
        let mut out = Vec::new();
        write(&mut out, records.clone(), FileLanguage::English).unwrap();
        assert!(out.starts_with(b"\xEF\xBB\xBFemployee_number,given_name"));
        let back: Vec<_> = parse(&out).unwrap().into_iter().map(|l| l.record).collect();
        assert_eq!(back, records);

        let mut out = Vec::new();
        write(&mut out, records.clone(), FileLanguage::Welsh).unwrap();
        assert!(out.starts_with("\u{FEFF}rhif_cyflogai,enw_cyntaf".as_bytes()));
        let back: Vec<_> = parse(&out).unwrap().into_iter().map(|l| l.record).collect();
        assert_eq!(back, records);
    }

    #[test]
    fn a_value_a_spreadsheet_would_run_is_written_guarded_and_read_back_as_it_was() {
        let mut lines = parse(&file(&[MANAGER, VOLUNTEER])).unwrap();
        let hyperlink = "=HYPERLINK(\"https://evil.example\",\"Pay\")";
        lines[0].record.given_name = PersonName::parse(hyperlink).unwrap();
        lines[0].record.job_role = JobRole::parse("-1+1").unwrap();
        lines[1].record.team = Some(TeamName::parse("@SUM(A1)").unwrap());
        let records: Vec<_> = lines.into_iter().map(|l| l.record).collect();
        let mut out = Vec::new();
        write(&mut out, records.clone(), FileLanguage::English).unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(
            text.contains("\"'=HYPERLINK(\"\"https://evil.example"),
            "{text}"
        );
        assert!(
            text.contains(",'-1+1,") && text.contains(",'@SUM(A1),"),
            "{text}"
        );
        let back: Vec<_> = parse(&out).unwrap().into_iter().map(|l| l.record).collect();
        assert_eq!(back, records);
    }

    /// The file with its header in Welsh.
    fn welsh(rows: &[&str]) -> Vec<u8> {
        let english = String::from_utf8(file(rows)).unwrap();
        let header = columns(FileLanguage::Welsh).join(",");
        english.replacen(HEADER, &header, 1).into_bytes()
    }

    #[test]
    fn a_welsh_header_reads_the_same_as_an_english_one() {
        assert_eq!(
            parse(&welsh(&[MANAGER, VOLUNTEER])).unwrap(),
            parse(&file(&[MANAGER, VOLUNTEER])).unwrap()
        );
        // Capitals and the circumflex's case do not matter.
        let shouted = String::from_utf8(welsh(&[MANAGER]))
            .unwrap()
            .replacen("tîm", "TÎM", 1);
        assert!(parse(shouted.as_bytes()).is_ok());
    }

    #[test]
    fn problems_name_the_column_as_a_welsh_file_does() {
        let bad = "AV1,Rhiannon,Jones,not-an-email,employee,Library Manager,manager,37,,,,CEN;CEN";
        let fields: Vec<_> = parse(&welsh(&[bad]))
            .unwrap_err()
            .into_iter()
            .map(|p| p.field.unwrap())
            .collect();
        assert_eq!(fields, ["e_bost", "safleoedd"]);

        let without_team = String::from_utf8(welsh(&[MANAGER]))
            .unwrap()
            .replacen(",tîm,", ",", 1);
        let problems = parse(without_team.as_bytes()).unwrap_err();
        assert!(problems.contains(&at(1, Some("tîm"), MISSING_COLUMN, None)));

        // References checked against what is stored are named in Welsh too.
        let people = HashMap::new();
        let known = Known {
            sites: &sites(),
            people: &people,
        };
        let unknown_site = MANAGER.replace(",CEN", ",XYZ");
        let problems = read_and_check(&welsh(&[&unknown_site]), &known).unwrap_err();
        assert_eq!(
            problems,
            [at(2, Some("safleoedd"), UNKNOWN_SITE, Some("XYZ"))]
        );
    }

    #[test]
    fn a_header_may_mix_the_languages_and_each_column_is_named_as_written() {
        let mixed = String::from_utf8(file(&[
            "AV1,Rhiannon,Jones,,employee,Library Manager,manager,37,,,,",
        ]))
        .unwrap()
        .replacen("given_name", "enw_cyntaf", 1);
        let problems = parse(mixed.as_bytes()).unwrap_err();
        assert_eq!(
            problems,
            [at(2, Some("sites"), "invalid-site-code-missing", None)]
        );
        let mixed = mixed.replacen("sites", "safleoedd", 1);
        let problems = parse(mixed.as_bytes()).unwrap_err();
        assert_eq!(
            problems,
            [at(2, Some("safleoedd"), "invalid-site-code-missing", None)]
        );
        // The same column in both languages is there twice.
        let twice =
            String::from_utf8(file(&[MANAGER]))
                .unwrap()
                .replacen(",sites", ",sites,safleoedd", 1);
        let problems = parse(twice.as_bytes()).unwrap_err();
        assert_eq!(
            problems[0],
            at(1, Some("safleoedd"), DUPLICATE_COLUMN, Some("safleoedd"))
        );
    }

    #[test]
    fn every_column_has_a_name_in_each_language_and_no_name_is_used_twice() {
        let mut all: Vec<&str> = COLUMN_NAMES
            .iter()
            .flat_map(|(en, cy)| [*en, *cy])
            .collect();
        assert!(all.iter().all(|n| !n.is_empty() && *n == n.to_lowercase()));
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 2 * COLUMN_NAMES.len());
    }

    #[test]
    fn the_example_file_parses_and_fits_the_demo_organisation() {
        let bytes = include_bytes!("../../../examples/staff.csv");
        let lines = parse(bytes).expect("examples/staff.csv parses");
        let welsh = include_bytes!("../../../examples/staff.cy.csv");
        assert!(
            welsh.starts_with("\u{FEFF}rhif_cyflogai,".as_bytes())
                || welsh.starts_with(b"rhif_cyflogai,")
        );
        assert_eq!(parse(welsh).expect("examples/staff.cy.csv parses"), lines);
        assert!(lines.len() >= 10);
        let demo = crate::demo::generate(&crate::demo::DemoOptions::default());
        let sites: HashSet<SiteCode> = demo.sites.iter().map(|s| s.code.clone()).collect();
        // Importing the example into the demo organisation must work too.
        let people: HashMap<EmployeeNumber, Option<Email>> = demo
            .staff
            .iter()
            .map(|r| (r.employee_number.clone(), r.email.clone()))
            .collect();
        let problems = check(
            &lines,
            &Known {
                sites: &sites,
                people: &people,
            },
        );
        assert_eq!(problems, []);
    }

    #[test]
    fn dates_read_quickly_read_the_same() {
        for raw in [
            "2024-02-29",
            "1998-01-01",
            " 2026-03-31 ",
            "2023-02-29",
            "2024-13-01",
            "24-1-1",
            "2024-1-01",
            "２０２４-01-01",
        ] {
            assert_eq!(parse_iso_date(raw), parse_date(raw), "{raw}");
        }
    }

    #[test]
    fn problem_codes_are_listed_once() {
        let unique: HashSet<_> = PROBLEM_CODES.iter().collect();
        assert_eq!(unique.len(), PROBLEM_CODES.len());
    }

    /// Run with `cargo test -p skillgym-domain --release -- --ignored --nocapture`.
    #[test]
    #[ignore = "a timing, not a check"]
    fn parse_speed() {
        let demo = crate::demo::generate(&crate::demo::DemoOptions {
            people: 100_000,
            seed: 1,
            ..Default::default()
        });
        let mut bytes = Vec::new();
        write(&mut bytes, demo.staff, FileLanguage::English).unwrap();
        let started = std::time::Instant::now();
        let lines = parse(&bytes).unwrap();
        let parsed = started.elapsed();
        let sites: HashSet<SiteCode> = demo.sites.iter().map(|s| s.code.clone()).collect();
        let people = HashMap::new();
        let problems = check(
            &lines,
            &Known {
                sites: &sites,
                people: &people,
            },
        );
        assert_eq!(problems, []);
        let total = started.elapsed();
        let rate = |d: std::time::Duration| lines.len() as f64 / d.as_secs_f64();
        println!(
            "{} rows, {} MB: parse {parsed:?} ({:.0} rows/s), parse+check {total:?} ({:.0} rows/s)",
            lines.len(),
            bytes.len() / 1_000_000,
            rate(parsed),
            rate(total)
        );
    }
}
