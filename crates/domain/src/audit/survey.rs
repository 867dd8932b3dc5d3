//! Importing the responses of an audit run elsewhere: a SurveyMonkey "all responses" export
//! or a plain one-row-per-respondent CSV (as Microsoft Forms writes), read with a [`Mapping`]
//! that says which column answers which question of a campaign.
//!
//! All or nothing: [`apply`] either turns every row into an [`ImportedResponse`] or lists
//! every problem by line and column, each named by a Fluent message id. The mapping's JSON
//! form is documented in `docs/survey-import.md`.

use super::{Localised, ProfileQuestion, QuestionKind, QuizItem, Rating};
use crate::csv_file::{self, LineCounter, is_blank, line_at, unclosed_quote};
use crate::{Email, EmployeeNumber, Invalid};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// How many problems are collected before giving up.
pub const MAX_PROBLEMS: usize = 500;
/// How much of an offending value a problem carries, in characters.
pub const MAX_VALUE_CHARS: usize = 60;
/// Rows shown on the mapping page.
pub const PREVIEW_ROWS: usize = 5;
/// The column SurveyMonkey starts its export with, and keeps each response's id in.
pub const RESPONDENT_ID: &str = "Respondent ID";
/// The mapping format [`Mapping::version`] this code reads.
pub const MAPPING_VERSION: u32 = 1;

pub const NOT_UTF8: &str = "survey-file-not-utf8";
pub const EMPTY: &str = "survey-file-empty";
pub const NO_ROWS: &str = "survey-file-no-rows";
pub const UNREADABLE: &str = "survey-file-unreadable";
pub const WRONG_FIELD_COUNT: &str = "survey-wrong-field-count";
pub const TOO_MANY_PROBLEMS: &str = "survey-too-many-problems";
pub const MAPPING_INVALID: &str = "survey-mapping-invalid";
pub const MAPPING_NOT_JSON: &str = "survey-mapping-not-json";
pub const MAPPING_NOT_OBJECT: &str = "survey-mapping-not-object";
pub const MAPPING_RESPONDENT_NEEDED: &str = "survey-mapping-respondent-needed";
pub const MAPPING_VERSION_UNKNOWN: &str = "survey-mapping-version";
pub const MAPPING_COLUMN_UNKNOWN: &str = "survey-mapping-column-unknown";
pub const MAPPING_COLUMN_AMBIGUOUS: &str = "survey-mapping-column-ambiguous";
pub const MAPPING_COLUMN_TWICE: &str = "survey-mapping-column-twice";
pub const MAPPING_TARGET: &str = "survey-mapping-target";
pub const MAPPING_COMPETENCE_UNKNOWN: &str = "survey-mapping-competence-unknown";
pub const MAPPING_COMPETENCE_TWICE: &str = "survey-mapping-competence-twice";
pub const MAPPING_QUESTION_UNKNOWN: &str = "survey-mapping-question-unknown";
pub const MAPPING_QUIZ_UNKNOWN: &str = "survey-mapping-quiz-unknown";
pub const MAPPING_RATING_INVALID: &str = "survey-mapping-rating-invalid";
pub const MAPPING_OPTION_INVALID: &str = "survey-mapping-option-invalid";
pub const MAPPING_NOTHING: &str = "survey-mapping-nothing";
pub const RATING_INVALID: &str = "survey-rating-invalid";
pub const OPTION_UNKNOWN: &str = "survey-option-unknown";
pub const RESPONDENT_MISSING: &str = "survey-respondent-missing";
pub const RESPONDENT_TWICE: &str = "survey-respondent-twice";
pub const RESPONSE_ID_MISSING: &str = "survey-response-id-missing";
pub const RESPONSE_TWICE: &str = "survey-response-twice";
/// Found by the store: nobody in the organisation has this email or employee number.
pub const RESPONDENT_UNKNOWN: &str = "survey-respondent-unknown";
/// Found by the store: the person has already answered the campaign in skillgym.
pub const RESPONDENT_ANSWERED: &str = "survey-respondent-answered";

/// Every Fluent id a [`Problem`] can carry, so a test can check each has a message in every
/// language.
pub const PROBLEM_CODES: &[&str] = &[
    NOT_UTF8,
    EMPTY,
    NO_ROWS,
    UNREADABLE,
    WRONG_FIELD_COUNT,
    TOO_MANY_PROBLEMS,
    MAPPING_INVALID,
    MAPPING_NOT_JSON,
    MAPPING_NOT_OBJECT,
    MAPPING_RESPONDENT_NEEDED,
    MAPPING_VERSION_UNKNOWN,
    MAPPING_COLUMN_UNKNOWN,
    MAPPING_COLUMN_AMBIGUOUS,
    MAPPING_COLUMN_TWICE,
    MAPPING_TARGET,
    MAPPING_COMPETENCE_UNKNOWN,
    MAPPING_COMPETENCE_TWICE,
    MAPPING_QUESTION_UNKNOWN,
    MAPPING_QUIZ_UNKNOWN,
    MAPPING_RATING_INVALID,
    MAPPING_OPTION_INVALID,
    MAPPING_NOTHING,
    RATING_INVALID,
    OPTION_UNKNOWN,
    RESPONDENT_MISSING,
    RESPONDENT_TWICE,
    RESPONSE_ID_MISSING,
    RESPONSE_TWICE,
    RESPONDENT_UNKNOWN,
    RESPONDENT_ANSWERED,
    // The answer checks of the questionnaire, passed through with the column named.
    "audit-option-invalid",
    "audit-option-one",
    "audit-number-invalid",
    "audit-number-range",
    "audit-text-too-long",
    "invalid-email",
    "invalid-employee-number",
    "invalid-employee-number-missing",
];

/// Which kind of export a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyKind {
    /// Two header rows (question, then row or option label), starting with "Respondent ID".
    SurveyMonkey,
    /// One header row, one row per respondent, several choices joined by ';'.
    Plain,
}

/// One column of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// "A", "B", … "AA", as a spreadsheet names it.
    pub letter: String,
    /// What a mapping calls it: the header, or for SurveyMonkey "question | label" when the
    /// second header row holds a row or option label.
    pub header: String,
    /// The question text (SurveyMonkey's first header row, carried across its columns).
    pub question: String,
    /// The row or option label (SurveyMonkey's second header row), or the header.
    pub label: String,
}

impl Column {
    /// Whether the column has a label of its own under its question: a matrix row or a
    /// multiple-choice option in a SurveyMonkey export.
    fn has_own_label(&self) -> bool {
        !self.question.is_empty() && self.label != self.question
    }
}

/// Why a mapping's name for a column finds no one column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotFound {
    /// No column has that header, letter or label.
    Unknown,
    /// That label is a row or option label of several columns (their indexes).
    Ambiguous(Vec<usize>),
}

/// How much of a question a column's name keeps before its row or option label.
const QUESTION_CHARS: usize = 40;

/// `text` cut to `max` characters with an ellipsis, keeping a question's question mark.
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let question = text.trim_end().ends_with('?');
    let keep = max.saturating_sub(if question { 2 } else { 1 });
    let cut: String = text.chars().take(keep).collect();
    format!("{}…{}", cut.trim_end(), if question { "?" } else { "" })
}

/// One respondent's row, with the file line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyRow {
    pub line: u64,
    pub cells: Vec<String>,
}

/// A readable export: its columns and rows, not yet checked against a campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyFile {
    pub kind: SurveyKind,
    pub columns: Vec<Column>,
    pub rows: Vec<SurveyRow>,
}

/// Something wrong with a file or a mapping, named by line and column, never by text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file line; 0 for a problem with the whole file or the mapping.
    pub line: u64,
    /// The column, as "D: header" (or as the mapping names it, for a column not found).
    pub column: Option<String>,
    /// The Fluent message id: one of [`PROBLEM_CODES`].
    pub code: &'static str,
    /// The offending value, cut to [`MAX_VALUE_CHARS`] characters.
    pub value: Option<String>,
}

impl Problem {
    pub fn new(line: u64, column: Option<String>, code: &'static str) -> Self {
        Self {
            line,
            column,
            code,
            value: None,
        }
    }

    pub fn with_value(mut self, value: &str) -> Self {
        self.value = Some(value.chars().take(MAX_VALUE_CHARS).collect());
        self
    }
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

/// A spreadsheet's name for the column at `index` (from 0): A, B, … Z, AA, AB, …
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

impl SurveyFile {
    /// The column as problems name it: "D: header". A long header is cut short, but a matrix
    /// row's or an option's label is kept whole after its question (`N: How strong are you
    /// at…? | Running public Wi-Fi services`): the question alone does not say which column.
    pub fn column_label(&self, index: usize) -> String {
        let c = &self.columns[index];
        let header = if c.header.chars().count() <= MAX_VALUE_CHARS {
            c.header.clone()
        } else if c.has_own_label() {
            format!(
                "{} | {}",
                shortened(&c.question, QUESTION_CHARS),
                shortened(&c.label, MAX_VALUE_CHARS)
            )
        } else {
            shortened(&c.header, MAX_VALUE_CHARS)
        };
        if header.is_empty() {
            c.letter.clone()
        } else {
            format!("{}: {header}", c.letter)
        }
    }

    /// The first rows, to show while mapping.
    pub fn preview(&self) -> &[SurveyRow] {
        &self.rows[..self.rows.len().min(PREVIEW_ROWS)]
    }

    /// The column a mapping names: by its header (ignoring case and spacing), else by its
    /// letter, else by its matrix row's or option's label alone when only one column has it.
    pub fn find(&self, name: &str) -> Result<usize, NotFound> {
        let wanted = normalise(name);
        if let Some(i) = self
            .columns
            .iter()
            .position(|c| normalise(&c.header) == wanted)
        {
            return Ok(i);
        }
        let letter = name.trim().to_ascii_uppercase();
        if let Some(i) = self.columns.iter().position(|c| c.letter == letter) {
            return Ok(i);
        }
        let labelled: Vec<usize> = (0..self.columns.len())
            .filter(|&i| {
                let c = &self.columns[i];
                c.has_own_label() && normalise(&c.label) == wanted
            })
            .collect();
        match labelled[..] {
            [] => Err(NotFound::Unknown),
            [i] => Ok(i),
            _ => Err(NotFound::Ambiguous(labelled)),
        }
    }

    /// How a mapping should name column `index`: its header when no other column has the
    /// same, else its letter.
    pub fn name_of(&self, index: usize) -> String {
        let c = &self.columns[index];
        let same = self
            .columns
            .iter()
            .filter(|o| normalise(&o.header) == normalise(&c.header))
            .count();
        if c.header.trim().is_empty() || same > 1 || self.find(&c.header) != Ok(index) {
            c.letter.clone()
        } else {
            c.header.clone()
        }
    }
}

/// Lower case, single spaces, straight apostrophes: how labels and headers are compared.
pub fn normalise(text: &str) -> String {
    text.replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Reads an export: encoding, header rows, and rows of the right length. Blank rows are
/// skipped.
pub fn parse(bytes: &[u8]) -> Result<SurveyFile, Vec<Problem>> {
    let text = csv_file::text(bytes).map_err(|line| vec![Problem::new(line, None, NOT_UTF8)])?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // The CSV reader takes an unclosed quote to run to the end of the file; it is reported
    // where the quote opens instead.
    if let Some(at) = unclosed_quote(text.as_bytes()) {
        return Err(vec![Problem::new(
            line_at(text.as_bytes(), at),
            None,
            UNREADABLE,
        )]);
    }
    let mut lines = LineCounter::new(text.as_bytes());
    let mut records = Vec::new();
    for result in reader.records() {
        match result {
            Ok(record) => records.push((lines.record(&record), record)),
            Err(e) => {
                let line = e.position().map_or(0, |p| {
                    line_at(text.as_bytes(), (p.byte() as usize).min(text.len()))
                });
                return Err(vec![Problem::new(line, None, UNREADABLE)]);
            }
        }
    }
    // Blank lines before the header are skipped; SurveyMonkey's second header row may be
    // blank in every cell and still counts.
    let start = records
        .iter()
        .position(|(_, r)| !is_blank(r))
        .unwrap_or(records.len());
    let records = records.split_off(start);
    let Some((_, first)) = records.first() else {
        return Err(vec![Problem::new(0, None, EMPTY)]);
    };
    let kind = if first
        .get(0)
        .is_some_and(|f| f.trim().eq_ignore_ascii_case(RESPONDENT_ID))
    {
        SurveyKind::SurveyMonkey
    } else {
        SurveyKind::Plain
    };
    let width = first.len();
    let columns: Vec<Column> = match kind {
        SurveyKind::Plain => first
            .iter()
            .enumerate()
            .map(|(i, h)| Column {
                letter: column_letter(i),
                header: h.trim().to_string(),
                question: h.trim().to_string(),
                label: h.trim().to_string(),
            })
            .collect(),
        SurveyKind::SurveyMonkey => {
            let second = records.get(1).map(|(_, r)| r.clone()).unwrap_or_default();
            let mut question = String::new();
            (0..width)
                .map(|i| {
                    let top = first.get(i).unwrap_or("").trim();
                    if !top.is_empty() {
                        question = top.to_string();
                    }
                    let label = second.get(i).unwrap_or("").trim();
                    let generic = label.is_empty()
                        || label.eq_ignore_ascii_case("Response")
                        || label.eq_ignore_ascii_case("Open-Ended Response");
                    let header = if generic || question.is_empty() {
                        if question.is_empty() {
                            label.to_string()
                        } else {
                            question.clone()
                        }
                    } else {
                        format!("{question} | {label}")
                    };
                    Column {
                        letter: column_letter(i),
                        header,
                        question: question.clone(),
                        label: if generic {
                            question.clone()
                        } else {
                            label.to_string()
                        },
                    }
                })
                .collect()
        }
    };
    let skip = match kind {
        SurveyKind::SurveyMonkey => 2,
        SurveyKind::Plain => 1,
    };
    let mut problems = Problems::default();
    let mut rows = Vec::with_capacity(records.len().saturating_sub(skip));
    for (line, record) in records.into_iter().skip(skip) {
        if is_blank(&record) {
            continue;
        }
        if record.len() != width {
            problems.push(
                Problem::new(line, None, WRONG_FIELD_COUNT).with_value(&record.len().to_string()),
            );
            continue;
        }
        rows.push(SurveyRow {
            line,
            cells: record.iter().map(|f| f.trim().to_string()).collect(),
        });
    }
    if !problems.list.is_empty() {
        return Err(problems.list);
    }
    if rows.is_empty() {
        return Err(vec![Problem::new(0, None, NO_ROWS)]);
    }
    Ok(SurveyFile {
        kind,
        columns,
        rows,
    })
}

/// Which column is which: how respondents are known, and what each mapped column answers.
/// Saved as JSON; see `docs/survey-import.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    #[serde(default = "version_one")]
    pub version: u32,
    pub respondent: Respondent,
    /// The column holding each response's own id, so that importing again replaces rather
    /// than adds. By default SurveyMonkey's "Respondent ID"; without one, a row is known by
    /// its content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_id: Option<String>,
    pub columns: Vec<ColumnMapping>,
}

fn version_one() -> u32 {
    MAPPING_VERSION
}

/// How respondents are matched to people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case", deny_unknown_fields)]
pub enum Respondent {
    Email {
        column: String,
        #[serde(default)]
        unmatched: Unmatched,
    },
    EmployeeNumber {
        column: String,
        #[serde(default)]
        unmatched: Unmatched,
    },
    /// Nobody is matched: every response is kept without a person.
    Anonymous,
}

impl Respondent {
    pub fn column(&self) -> Option<&str> {
        match self {
            Respondent::Email { column, .. } | Respondent::EmployeeNumber { column, .. } => {
                Some(column)
            }
            Respondent::Anonymous => None,
        }
    }

    /// Whether a respondent who matches nobody is kept anonymously (rather than refused).
    pub fn keeps_unmatched(&self) -> bool {
        match self {
            Respondent::Email { unmatched, .. } | Respondent::EmployeeNumber { unmatched, .. } => {
                *unmatched == Unmatched::Anonymous
            }
            Respondent::Anonymous => true,
        }
    }
}

/// What to do with a respondent the organisation does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unmatched {
    /// Refuse the import, listing them.
    #[default]
    Problem,
    /// Keep their answers without a person.
    Anonymous,
}

/// What one column answers: exactly one of `competence`, `question` or `quiz`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnMapping {
    /// The column's header (see [`Column::header`]) or letter.
    pub column: String,
    /// A competence code: the cell is a self-rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competence: Option<String>,
    /// A profile question code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// A knowledge-round item code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<String>,
    /// For a rating: cell label → 1 to 5 or "not-sure", before the defaults.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, LabelValue>,
    /// For a question or quiz item: cell label → option number (from 0), before the
    /// options' own text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, usize>,
}

/// A rating as a mapping writes it: `3` or `"3"` or `"not-sure"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LabelValue {
    Number(i64),
    Text(String),
}

impl LabelValue {
    fn rating(&self) -> Result<Rating, Invalid> {
        match self {
            LabelValue::Number(n) => Rating::parse(&n.to_string()),
            LabelValue::Text(t) => Rating::parse(t),
        }
    }
}

impl Mapping {
    /// Reads a mapping's JSON; the error is a problem to show.
    pub fn from_json(json: &str) -> Result<Mapping, Problem> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
            Problem::new(0, None, MAPPING_NOT_JSON).with_value(&e.line().to_string())
        })?;
        // What people most often leave out gets a sentence of its own; serde's wording is
        // for programmers.
        let Some(object) = value.as_object() else {
            return Err(Problem::new(0, None, MAPPING_NOT_OBJECT));
        };
        if !object
            .get("respondent")
            .and_then(|r| r.as_object())
            .is_some_and(|r| r.contains_key("by"))
        {
            return Err(Problem::new(0, None, MAPPING_RESPONDENT_NEEDED));
        }
        let mapping: Mapping = serde_json::from_value(value).map_err(|e| Problem {
            // serde names the key or value at fault; its whole sentence is needed.
            value: Some(e.to_string()),
            ..Problem::new(0, None, MAPPING_INVALID)
        })?;
        if mapping.version != MAPPING_VERSION {
            return Err(Problem::new(0, None, MAPPING_VERSION_UNKNOWN)
                .with_value(&mapping.version.to_string()));
        }
        Ok(mapping)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a mapping serialises")
    }
}

/// What a campaign asks, for checking a mapping against.
#[derive(Debug, Clone, Default)]
pub struct Targets {
    /// Competence codes and titles, in the order asked.
    pub competences: Vec<(String, Localised)>,
    pub questions: Vec<ProfileQuestion>,
    pub quiz: Vec<QuizItem>,
}

/// Who answered, as the file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RespondentKey {
    Email(Email),
    EmployeeNumber(EmployeeNumber),
    Anonymous,
}

impl RespondentKey {
    pub fn as_str(&self) -> &str {
        match self {
            RespondentKey::Email(e) => e.as_str(),
            RespondentKey::EmployeeNumber(n) => n.as_str(),
            RespondentKey::Anonymous => "",
        }
    }
}

/// One respondent's answers, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedResponse {
    pub line: u64,
    pub respondent: RespondentKey,
    /// The response's id in the other tool, or `row-` and a hash of the row.
    pub external_key: String,
    /// Ratings by competence code.
    pub ratings: Vec<(String, Rating)>,
    /// Profile answers by question code, in their stored form.
    pub profile: Vec<(String, String)>,
    /// Knowledge-round choices by item code, and whether they are right.
    pub quiz: Vec<(String, Vec<usize>, bool)>,
}

/// Every row of a file, mapped.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub responses: Vec<ImportedResponse>,
    /// Rows that answered nothing the mapping names; they are left out.
    pub empty_rows: u64,
    /// The respondent column as problems name it.
    pub respondent_column: Option<String>,
    pub keeps_unmatched: bool,
}

enum Target {
    Competence {
        code: String,
        labels: HashMap<String, Rating>,
    },
    Question {
        index: usize,
        options: HashMap<String, usize>,
    },
    Quiz {
        index: usize,
        options: HashMap<String, usize>,
    },
}

struct Resolved {
    respondent: Option<(usize, bool)>,
    response_id: Option<usize>,
    columns: Vec<(usize, Target)>,
}

/// Each option's text in both languages → its number, for matching cells.
fn option_texts<'a>(texts: impl Iterator<Item = &'a Localised>) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (i, t) in texts.enumerate() {
        out.entry(normalise(&t.en)).or_insert(i);
        if let Some(cy) = &t.cy {
            out.entry(normalise(cy)).or_insert(i);
        }
    }
    out
}

fn resolve(
    file: &SurveyFile,
    mapping: &Mapping,
    targets: &Targets,
) -> Result<Resolved, Vec<Problem>> {
    let mut problems = Vec::new();
    // The column a mapping names, or a problem saying why there is not one.
    let locate = |name: &str, problems: &mut Vec<Problem>| match file.find(name) {
        Ok(i) => Some(i),
        Err(NotFound::Unknown) => {
            problems.push(Problem::new(
                0,
                Some(name.to_string()),
                MAPPING_COLUMN_UNKNOWN,
            ));
            None
        }
        Err(NotFound::Ambiguous(columns)) => {
            let letters: Vec<&str> = columns
                .iter()
                .map(|&i| file.columns[i].letter.as_str())
                .collect();
            problems.push(
                Problem::new(0, Some(name.to_string()), MAPPING_COLUMN_AMBIGUOUS)
                    .with_value(&letters.join(", ")),
            );
            None
        }
    };
    let respondent = mapping
        .respondent
        .column()
        .and_then(|name| locate(name, &mut problems))
        .map(|i| (i, matches!(mapping.respondent, Respondent::Email { .. })));
    let response_id = match &mapping.response_id {
        Some(name) => locate(name, &mut problems),
        None if file.kind == SurveyKind::SurveyMonkey => file.find(RESPONDENT_ID).ok(),
        None => None,
    };
    let mut seen = HashSet::new();
    let mut rated = HashSet::new();
    let mut columns = Vec::new();
    for m in &mapping.columns {
        let Some(index) = locate(&m.column, &mut problems) else {
            continue;
        };
        let label = Some(file.column_label(index));
        if !seen.insert(index) {
            problems.push(Problem::new(0, label, MAPPING_COLUMN_TWICE));
            continue;
        }
        let target = match (&m.competence, &m.question, &m.quiz) {
            (Some(code), None, None) => {
                if !targets.competences.iter().any(|(c, _)| c == code) {
                    problems
                        .push(Problem::new(0, label, MAPPING_COMPETENCE_UNKNOWN).with_value(code));
                    continue;
                }
                if !rated.insert(code.clone()) {
                    problems
                        .push(Problem::new(0, label, MAPPING_COMPETENCE_TWICE).with_value(code));
                    continue;
                }
                let mut labels = HashMap::new();
                for (text, value) in &m.labels {
                    match value.rating() {
                        Ok(r) => {
                            labels.insert(normalise(text), r);
                        }
                        Err(_) => problems.push(
                            Problem::new(0, label.clone(), MAPPING_RATING_INVALID).with_value(text),
                        ),
                    }
                }
                Target::Competence {
                    code: code.clone(),
                    labels,
                }
            }
            (None, Some(code), None) => {
                let Some(index) = targets.questions.iter().position(|q| &q.code == code) else {
                    problems
                        .push(Problem::new(0, label, MAPPING_QUESTION_UNKNOWN).with_value(code));
                    continue;
                };
                let q = &targets.questions[index];
                let mut options = option_texts(q.options.iter());
                for (text, n) in &m.options {
                    if *n >= q.options.len() {
                        problems.push(
                            Problem::new(0, label.clone(), MAPPING_OPTION_INVALID).with_value(text),
                        );
                    }
                    options.insert(normalise(text), *n);
                }
                Target::Question { index, options }
            }
            (None, None, Some(code)) => {
                let Some(index) = targets.quiz.iter().position(|q| &q.code == code) else {
                    problems.push(Problem::new(0, label, MAPPING_QUIZ_UNKNOWN).with_value(code));
                    continue;
                };
                let item = &targets.quiz[index];
                let mut options = option_texts(item.options.iter().map(|o| &o.text));
                for (text, n) in &m.options {
                    if *n >= item.options.len() {
                        problems.push(
                            Problem::new(0, label.clone(), MAPPING_OPTION_INVALID).with_value(text),
                        );
                    }
                    options.insert(normalise(text), *n);
                }
                Target::Quiz { index, options }
            }
            _ => {
                problems.push(Problem::new(0, label, MAPPING_TARGET));
                continue;
            }
        };
        columns.push((index, target));
    }
    if mapping.columns.is_empty() {
        problems.push(Problem::new(0, None, MAPPING_NOTHING));
    }
    if problems.is_empty() {
        Ok(Resolved {
            respondent,
            response_id,
            columns,
        })
    } else {
        Err(problems)
    }
}

/// A self-rating as other tools write it: a leading digit 1 to 5 ("3 - about average"), or
/// "not sure", "n/a", "don't know" (and their Welsh), ignoring case.
pub fn default_rating(cell: &str) -> Option<Rating> {
    let n = normalise(cell);
    let number: String = n
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    if let Ok(level @ 1..=5) = number.parse::<u8>() {
        return Some(Rating::Level(level));
    }
    const NOT_SURE: [&str; 10] = [
        "not sure",
        "n/a",
        "na",
        "don't know",
        "dont know",
        "do not know",
        "not applicable",
        "ddim yn siŵr",
        "ddim yn siwr",
        "ddim yn gwybod",
    ];
    NOT_SURE
        .iter()
        .any(|p| {
            n.strip_prefix(p)
                .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
        })
        .then_some(Rating::NotSure)
}

/// The options a cell chooses: the whole cell when it is one option's label, else its parts
/// between ';' (how Microsoft Forms joins several choices).
fn choices(cell: &str, options: &HashMap<String, usize>) -> Result<Vec<usize>, String> {
    if let Some(i) = options.get(&normalise(cell)) {
        return Ok(vec![*i]);
    }
    cell.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            options
                .get(&normalise(p))
                .copied()
                .ok_or_else(|| p.to_string())
        })
        .collect()
}

/// A stable id for a row without one: FNV-1a over its cells.
fn row_hash(cells: &[String]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for cell in cells {
        for b in cell.bytes().chain([0x1f]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("row-{h:016x}")
}

/// Applies a mapping to every row: the answers of each respondent, or every problem.
pub fn apply(
    file: &SurveyFile,
    mapping: &Mapping,
    targets: &Targets,
) -> Result<Imported, Vec<Problem>> {
    let resolved = resolve(file, mapping, targets)?;
    let mut problems = Problems::default();
    let mut responses = Vec::with_capacity(file.rows.len());
    let mut empty_rows = 0;
    let mut respondents: HashMap<String, u64> = HashMap::new();
    let mut keys: HashMap<String, u64> = HashMap::new();
    let label = |i: usize| Some(file.column_label(i));
    for row in &file.rows {
        let cell = |i: usize| row.cells[i].as_str();
        let line = row.line;
        let mut ok = true;
        let mut report = |p: Problem, ok: &mut bool| {
            *ok = false;
            problems.push(p);
        };
        let respondent = match resolved.respondent {
            None => RespondentKey::Anonymous,
            Some((i, by_email)) => {
                let raw = cell(i);
                let parsed = if raw.is_empty() {
                    Err(Invalid(RESPONDENT_MISSING))
                } else if by_email {
                    Email::parse(raw).map(RespondentKey::Email)
                } else {
                    EmployeeNumber::parse(raw).map(RespondentKey::EmployeeNumber)
                };
                match parsed {
                    Ok(key) => {
                        if let Some(first) = respondents.insert(key.as_str().to_string(), line) {
                            report(
                                Problem::new(line, label(i), RESPONDENT_TWICE)
                                    .with_value(&first.to_string()),
                                &mut ok,
                            );
                        }
                        key
                    }
                    Err(Invalid(code)) => {
                        report(Problem::new(line, label(i), code).with_value(raw), &mut ok);
                        RespondentKey::Anonymous
                    }
                }
            }
        };
        let external_key = match resolved.response_id {
            Some(i) if cell(i).is_empty() => {
                report(Problem::new(line, label(i), RESPONSE_ID_MISSING), &mut ok);
                String::new()
            }
            Some(i) => cell(i).to_string(),
            None => row_hash(&row.cells),
        };
        if !external_key.is_empty()
            && let Some(first) = keys.insert(external_key.clone(), line)
        {
            let column = resolved.response_id.and_then(label);
            report(
                Problem::new(line, column, RESPONSE_TWICE).with_value(&first.to_string()),
                &mut ok,
            );
        }
        let mut ratings = Vec::new();
        // Answers gathered over the columns that answer the same question: (first column, raw).
        let mut questions: BTreeMap<usize, (usize, Vec<String>)> = BTreeMap::new();
        let mut quiz: BTreeMap<usize, (usize, Vec<usize>)> = BTreeMap::new();
        for (i, target) in &resolved.columns {
            let raw = cell(*i);
            if raw.is_empty() {
                continue;
            }
            match target {
                Target::Competence { code, labels } => {
                    match labels
                        .get(&normalise(raw))
                        .copied()
                        .or_else(|| default_rating(raw))
                    {
                        Some(r) => ratings.push((code.clone(), r)),
                        None => report(
                            Problem::new(line, label(*i), RATING_INVALID).with_value(raw),
                            &mut ok,
                        ),
                    }
                }
                Target::Question { index, options } => {
                    let q = &targets.questions[*index];
                    let entry = questions.entry(*index).or_insert((*i, Vec::new()));
                    match q.kind {
                        QuestionKind::Single | QuestionKind::Multiple => {
                            match choices(raw, options) {
                                Ok(chosen) => entry.1.extend(chosen.iter().map(usize::to_string)),
                                Err(part) => report(
                                    Problem::new(line, label(*i), OPTION_UNKNOWN).with_value(&part),
                                    &mut ok,
                                ),
                            }
                        }
                        QuestionKind::Number | QuestionKind::Text => entry.1.push(raw.to_string()),
                    }
                }
                Target::Quiz { index, options } => match choices(raw, options) {
                    Ok(chosen) => quiz
                        .entry(*index)
                        .or_insert((*i, Vec::new()))
                        .1
                        .extend(chosen),
                    Err(part) => report(
                        Problem::new(line, label(*i), OPTION_UNKNOWN).with_value(&part),
                        &mut ok,
                    ),
                },
            }
        }
        let mut profile = Vec::new();
        for (index, (column, given)) in questions {
            let q = &targets.questions[index];
            match q.answer(&given) {
                Ok(Some(value)) => profile.push((q.code.clone(), value)),
                Ok(None) => {}
                Err(Invalid(code)) => report(
                    Problem::new(line, label(column), code).with_value(&given.join("; ")),
                    &mut ok,
                ),
            }
        }
        let mut marked = Vec::new();
        for (index, (column, chosen)) in quiz {
            let item = &targets.quiz[index];
            let given: Vec<String> = chosen.iter().map(usize::to_string).collect();
            match item.parse_answer(&given) {
                Ok(chosen) => {
                    let right = item.mark(&chosen);
                    marked.push((item.code.clone(), chosen, right));
                }
                Err(Invalid(code)) => report(
                    Problem::new(line, label(column), code).with_value(&given.join("; ")),
                    &mut ok,
                ),
            }
        }
        if !ok {
            continue;
        }
        if ratings.is_empty() && profile.is_empty() && marked.is_empty() {
            empty_rows += 1;
            continue;
        }
        responses.push(ImportedResponse {
            line,
            respondent,
            external_key,
            ratings,
            profile,
            quiz: marked,
        });
    }
    if !problems.list.is_empty() {
        return Err(problems.list);
    }
    Ok(Imported {
        responses,
        empty_rows,
        respondent_column: resolved.respondent.and_then(|(i, _)| label(i)),
        keeps_unmatched: mapping.respondent.keeps_unmatched(),
    })
}

/// What one column could be set to on the mapping page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Ignore,
    Email,
    EmployeeNumber,
    ResponseId,
    Competence(String),
    Question(String),
    Quiz(String),
}

impl Choice {
    /// The form value: "", "email", "employee_number", "response_id", "competence:CODE", …
    pub fn value(&self) -> String {
        match self {
            Choice::Ignore => String::new(),
            Choice::Email => "email".into(),
            Choice::EmployeeNumber => "employee_number".into(),
            Choice::ResponseId => "response_id".into(),
            Choice::Competence(c) => format!("competence:{c}"),
            Choice::Question(c) => format!("question:{c}"),
            Choice::Quiz(c) => format!("quiz:{c}"),
        }
    }

    pub fn parse(value: &str) -> Choice {
        match value.split_once(':') {
            Some(("competence", c)) => Choice::Competence(c.into()),
            Some(("question", c)) => Choice::Question(c.into()),
            Some(("quiz", c)) => Choice::Quiz(c.into()),
            _ => match value {
                "email" => Choice::Email,
                "employee_number" => Choice::EmployeeNumber,
                "response_id" => Choice::ResponseId,
                _ => Choice::Ignore,
            },
        }
    }
}

/// The choice for every column that a mapping gives.
pub fn choices_of(file: &SurveyFile, mapping: &Mapping) -> Vec<Choice> {
    let mut out = vec![Choice::Ignore; file.columns.len()];
    let mut set = |name: &str, choice: Choice| {
        if let Ok(i) = file.find(name) {
            out[i] = choice;
        }
    };
    match &mapping.respondent {
        Respondent::Email { column, .. } => set(column, Choice::Email),
        Respondent::EmployeeNumber { column, .. } => set(column, Choice::EmployeeNumber),
        Respondent::Anonymous => {}
    }
    if let Some(column) = &mapping.response_id {
        set(column, Choice::ResponseId);
    }
    for m in &mapping.columns {
        let choice = match (&m.competence, &m.question, &m.quiz) {
            (Some(c), _, _) => Choice::Competence(c.clone()),
            (_, Some(q), _) => Choice::Question(q.clone()),
            (_, _, Some(q)) => Choice::Quiz(q.clone()),
            _ => Choice::Ignore,
        };
        set(&m.column, choice);
    }
    out
}

/// A mapping from a choice per column. Labels and options of `base` are kept for columns
/// still mapped to the same thing. The first respondent column chosen counts.
pub fn mapping_from(
    file: &SurveyFile,
    choices: &[Choice],
    unmatched: Unmatched,
    base: Option<&Mapping>,
) -> Mapping {
    let mut respondent = Respondent::Anonymous;
    let mut response_id = None;
    let mut columns = Vec::new();
    for (i, choice) in choices.iter().enumerate().take(file.columns.len()) {
        let column = file.name_of(i);
        let mut m = ColumnMapping {
            column: column.clone(),
            ..ColumnMapping::default()
        };
        match choice {
            Choice::Ignore => continue,
            Choice::Email | Choice::EmployeeNumber => {
                if respondent == Respondent::Anonymous {
                    respondent = if *choice == Choice::Email {
                        Respondent::Email { column, unmatched }
                    } else {
                        Respondent::EmployeeNumber { column, unmatched }
                    };
                }
                continue;
            }
            Choice::ResponseId => {
                response_id.get_or_insert(column);
                continue;
            }
            Choice::Competence(c) => m.competence = Some(c.clone()),
            Choice::Question(c) => m.question = Some(c.clone()),
            Choice::Quiz(c) => m.quiz = Some(c.clone()),
        }
        if let Some(old) = base.and_then(|b| {
            b.columns.iter().find(|o| {
                file.find(&o.column) == Ok(i)
                    && (o.competence.clone(), o.question.clone(), o.quiz.clone())
                        == (m.competence.clone(), m.question.clone(), m.quiz.clone())
            })
        }) {
            m.labels = old.labels.clone();
            m.options = old.options.clone();
        }
        columns.push(m);
    }
    Mapping {
        version: MAPPING_VERSION,
        respondent,
        response_id,
        columns,
    }
}

/// A first guess at every column, from its text: respondent columns by their usual headers,
/// the others by the competence title, question or quiz prompt they contain.
pub fn suggest(file: &SurveyFile, targets: &Targets) -> Vec<Choice> {
    let mut respondent_found = false;
    file.columns
        .iter()
        .map(|c| {
            let header = normalise(&c.header);
            let label = normalise(&c.label);
            let question = normalise(&c.question);
            if !respondent_found
                && [
                    "email address",
                    "email",
                    "e-mail",
                    "email_address",
                    "work email",
                ]
                .contains(&header.as_str())
            {
                respondent_found = true;
                return Choice::Email;
            }
            if !respondent_found
                && [
                    "employee number",
                    "employee_number",
                    "staff number",
                    "employee id",
                ]
                .contains(&header.as_str())
            {
                respondent_found = true;
                return Choice::EmployeeNumber;
            }
            if header == normalise(RESPONDENT_ID) {
                return Choice::ResponseId;
            }
            let matches = |title: &Localised| {
                let mut best = 0;
                for t in std::iter::once(&title.en).chain(&title.cy) {
                    let t = normalise(t);
                    if !t.is_empty() && (label == t || label.contains(&t) || header.contains(&t)) {
                        best = best.max(t.len());
                    }
                }
                best
            };
            let best = |candidates: Vec<(usize, Choice)>| {
                candidates
                    .into_iter()
                    .filter(|(n, _)| *n > 0)
                    .max_by_key(|(n, _)| *n)
                    .map(|(_, c)| c)
            };
            if let Some(choice) = best(
                targets
                    .competences
                    .iter()
                    .map(|(code, title)| (matches(title), Choice::Competence(code.clone())))
                    .collect(),
            ) {
                return choice;
            }
            let prompt_in = |prompt: &Localised| {
                std::iter::once(&prompt.en)
                    .chain(&prompt.cy)
                    .map(|p| normalise(p))
                    .filter(|p| !p.is_empty() && (question.contains(p) || header.contains(p)))
                    .map(|p| p.len())
                    .max()
                    .unwrap_or(0)
            };
            best(
                targets
                    .questions
                    .iter()
                    .map(|q| (prompt_in(&q.prompt), Choice::Question(q.code.clone())))
                    .chain(
                        targets
                            .quiz
                            .iter()
                            .map(|q| (prompt_in(&q.prompt), Choice::Quiz(q.code.clone()))),
                    )
                    .collect(),
            )
            .unwrap_or(Choice::Ignore)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::QuizOption;

    const MONKEY: &[u8] = include_bytes!("../../tests/fixtures/surveymonkey.csv");
    const FORMS: &[u8] = include_bytes!("../../tests/fixtures/forms.csv");

    fn targets() -> Targets {
        let text = |s: &str| Localised::new(s, None);
        Targets {
            competences: vec![
                ("EMAIL".into(), text("Using email")),
                ("SEARCH".into(), text("Searching the web")),
            ],
            questions: vec![
                ProfileQuestion {
                    code: "YEARS".into(),
                    kind: QuestionKind::Number,
                    prompt: text("How many years have you worked in libraries?"),
                    hint: None,
                    options: vec![],
                    min: Some(0),
                    max: Some(60),
                },
                ProfileQuestion {
                    code: "HELP".into(),
                    kind: QuestionKind::Multiple,
                    prompt: text("Which of these do you help people with?"),
                    hint: None,
                    options: vec![text("Printing"), text("Wi-Fi"), text("Job searches")],
                    min: None,
                    max: None,
                },
            ],
            quiz: vec![QuizItem {
                code: "Q1".into(),
                competence: "EMAIL".into(),
                prompt: text("Which password is strongest?"),
                image: None,
                image_cy: None,
                image_alt: None,
                options: vec![
                    QuizOption {
                        text: text("Password1"),
                        correct: false,
                    },
                    QuizOption {
                        text: Localised::new("Three random words", Some("Tri gair".into())),
                        correct: true,
                    },
                ],
                explanation: None,
            }],
        }
    }

    fn monkey_mapping() -> Mapping {
        Mapping::from_json(
            r#"{
              "respondent": {"by": "email", "column": "Email Address"},
              "columns": [
                {"column": "How strong are you at each of these? | Using email", "competence": "EMAIL"},
                {"column": "How strong are you at each of these? | Searching the web", "competence": "SEARCH",
                 "labels": {"Expert": 5}},
                {"column": "How many years have you worked in libraries?", "question": "YEARS"},
                {"column": "Which of these do you help people with? | Printing", "question": "HELP"},
                {"column": "Which of these do you help people with? | Wi-Fi", "question": "HELP"},
                {"column": "Which of these do you help people with? | Job searches", "question": "HELP"},
                {"column": "Which password is strongest?", "quiz": "Q1"}
              ]
            }"#,
        )
        .unwrap()
    }

    fn problems(bytes: &[u8], mapping: &Mapping) -> Vec<(u64, String, &'static str)> {
        let file = parse(bytes).unwrap();
        apply(&file, mapping, &targets())
            .unwrap_err()
            .into_iter()
            .map(|p| (p.line, p.column.unwrap_or_default(), p.code))
            .collect()
    }

    /// The SurveyMonkey fixture with `row` appended as a fourth respondent.
    fn monkey_with(row: &str) -> Vec<u8> {
        let mut bytes = MONKEY.to_vec();
        bytes.extend_from_slice(row.as_bytes());
        bytes.extend_from_slice(b",\n");
        bytes
    }

    #[test]
    fn a_surveymonkey_export_is_known_by_its_two_header_rows() {
        let file = parse(MONKEY).unwrap();
        assert_eq!(file.kind, SurveyKind::SurveyMonkey);
        assert_eq!(file.rows.len(), 3);
        assert_eq!(file.rows[0].line, 3);
        assert_eq!(file.columns[0].header, "Respondent ID");
        assert_eq!(
            file.columns[9].header,
            "How strong are you at each of these? | Using email"
        );
        assert_eq!(file.columns[9].letter, "J");
        assert_eq!(
            file.columns[11].header,
            "How many years have you worked in libraries?"
        );
        assert_eq!(file.preview().len(), 3);
    }

    #[test]
    fn a_surveymonkey_export_maps_to_answers() {
        let file = parse(MONKEY).unwrap();
        let imported = apply(&file, &monkey_mapping(), &targets()).unwrap();
        assert_eq!(imported.responses.len(), 2);
        assert_eq!(
            imported.empty_rows, 1,
            "a respondent who answered nothing is left out"
        );
        let first = &imported.responses[0];
        assert_eq!(first.external_key, "114000001");
        assert_eq!(first.respondent.as_str(), "gwen.parry@example.org");
        assert_eq!(
            first.ratings,
            vec![
                ("EMAIL".into(), Rating::Level(1)),
                ("SEARCH".into(), Rating::NotSure)
            ]
        );
        assert_eq!(
            first.profile,
            vec![("YEARS".into(), "12".into()), ("HELP".into(), "0,2".into())]
        );
        assert_eq!(first.quiz, vec![("Q1".into(), vec![1], true)]);
        let second = &imported.responses[1];
        assert_eq!(
            second.ratings,
            vec![
                ("EMAIL".into(), Rating::Level(5)),
                ("SEARCH".into(), Rating::Level(5))
            ]
        );
        assert_eq!(second.quiz, vec![("Q1".into(), vec![0], false)]);
        assert_eq!(
            imported.respondent_column.as_deref(),
            Some("F: Email Address")
        );
    }

    #[test]
    fn a_plain_export_has_one_header_row_and_choices_joined_by_semicolons() {
        let file = parse(FORMS).unwrap();
        assert_eq!(file.kind, SurveyKind::Plain);
        let mapping = Mapping::from_json(
            r#"{"respondent": {"by": "employee_number", "column": "Employee number"},
                "columns": [
                  {"column": "Using email", "competence": "EMAIL"},
                  {"column": "Searching the web", "competence": "SEARCH"},
                  {"column": "Which of these do you help people with?", "question": "HELP"},
                  {"column": "E", "quiz": "Q1", "options": {"Words": 1}}
                ]}"#,
        )
        .unwrap();
        let imported = apply(&file, &mapping, &targets()).unwrap();
        assert_eq!(imported.responses.len(), 2);
        let first = &imported.responses[0];
        assert_eq!(first.respondent.as_str(), "W0001");
        assert!(
            first.external_key.starts_with("row-"),
            "rows without ids are hashed"
        );
        assert_eq!(first.profile, vec![("HELP".into(), "0,1".into())]);
        assert_eq!(first.ratings[0], ("EMAIL".into(), Rating::Level(4)));
        assert_eq!(
            imported.responses[1].quiz,
            vec![("Q1".into(), vec![1], true)]
        );
        let again = apply(&parse(FORMS).unwrap(), &mapping, &targets()).unwrap();
        assert_eq!(
            again.responses[0].external_key, first.external_key,
            "the hash is stable"
        );
    }

    #[test]
    fn quiz_answers_are_matched_by_their_text_never_by_their_place() {
        // The other tool may have shown (and exported) the options in any order, and a
        // respondent here sees them in an order of their own: the cell's text decides.
        let mut targets = targets();
        targets.quiz[0].options.insert(
            0,
            QuizOption {
                text: Localised::new("A long passphrase", Some("Cyfrinymadrodd hir".into())),
                correct: true,
            },
        );
        let csv = "Employee number,Which password is strongest?\n\
                   W0001,Three random words;A long passphrase\n\
                   W0002,Tri gair; Cyfrinymadrodd hir\n\
                   W0003,Password1\n\
                   W0004,1\n";
        let mapping = Mapping::from_json(
            r#"{"respondent": {"by": "employee_number", "column": "Employee number"},
                "columns": [{"column": "Which password is strongest?", "quiz": "Q1"}]}"#,
        )
        .unwrap();
        let file = parse(csv.as_bytes()).unwrap();
        let refused = apply(&file, &mapping, &targets).unwrap_err();
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert_eq!((refused[0].line, refused[0].code), (5, OPTION_UNKNOWN));
        let csv = csv.replace("W0004,1\n", "");
        let imported = apply(&parse(csv.as_bytes()).unwrap(), &mapping, &targets).unwrap();
        let quiz: Vec<_> = imported
            .responses
            .iter()
            .map(|r| r.quiz[0].clone())
            .collect();
        assert_eq!(
            quiz,
            vec![
                ("Q1".into(), vec![0, 2], true),
                ("Q1".into(), vec![0, 2], true),
                ("Q1".into(), vec![1], false),
            ]
        );
        for (_, chosen, right) in &quiz {
            assert_eq!(targets.quiz[0].mark(chosen), *right);
        }
    }

    #[test]
    fn ratings_are_read_from_their_labels() {
        assert_eq!(default_rating("1 - not strong"), Some(Rating::Level(1)));
        assert_eq!(default_rating("3 – about average"), Some(Rating::Level(3)));
        assert_eq!(default_rating("5"), Some(Rating::Level(5)));
        assert_eq!(default_rating("Not sure"), Some(Rating::NotSure));
        assert_eq!(default_rating("N/A"), Some(Rating::NotSure));
        assert_eq!(default_rating("Don’t know"), Some(Rating::NotSure));
        assert_eq!(
            default_rating("Not sure / doesn't apply"),
            Some(Rating::NotSure)
        );
        assert_eq!(default_rating("6 - amazing"), None);
        assert_eq!(default_rating("10"), None);
        assert_eq!(default_rating("1.5"), None);
        assert_eq!(default_rating("nasty"), None);
        assert_eq!(default_rating("Expert"), None);
    }

    #[test]
    fn unreadable_files_are_refused_whole() {
        let code = |bytes: &[u8]| parse(bytes).unwrap_err()[0].clone();
        assert_eq!(
            code(b"Name,Email\nSin\xe9ad,x\n"),
            Problem::new(2, None, NOT_UTF8)
        );
        assert_eq!(code(b"").code, EMPTY);
        assert_eq!(code(b"\n \n").code, EMPTY);
        assert_eq!(code(b"Name,Email\n").code, NO_ROWS);
        assert_eq!(code(b"Respondent ID,Email Address\n,\n").code, NO_ROWS);
        assert_eq!(
            code(b"Name,Email\na,b\nc,d,e\n"),
            Problem::new(3, None, WRONG_FIELD_COUNT).with_value("3")
        );
        assert_eq!(code(b"Name,Email\n\"a,b\n").code, UNREADABLE);
        let bom =
            parse(b"\xef\xbb\xbfRespondent ID,Email Address\r\n,\r\n1,a@example.org\r\n").unwrap();
        assert_eq!(bom.kind, SurveyKind::SurveyMonkey);
    }

    #[test]
    fn a_mapping_is_checked_against_the_file_and_the_campaign() {
        let file = parse(MONKEY).unwrap();
        let mapping = Mapping::from_json(
            r#"{"respondent": {"by": "email", "column": "No such column"},
                "response_id": "Nor this",
                "columns": [
                  {"column": "J", "competence": "NOPE"},
                  {"column": "K", "competence": "EMAIL"},
                  {"column": "M", "competence": "EMAIL"},
                  {"column": "K", "question": "YEARS"},
                  {"column": "L", "question": "NOPE"},
                  {"column": "N", "quiz": "NOPE"},
                  {"column": "O", "quiz": "Q1", "question": "HELP"},
                  {"column": "P", "question": "HELP", "options": {"Knitting": 7}},
                  {"column": "Q", "competence": "SEARCH", "labels": {"Wizard": 9}},
                  {"column": "Missing", "competence": "SEARCH"}
                ]}"#,
        )
        .unwrap();
        let codes: Vec<(String, &str)> = apply(&file, &mapping, &targets())
            .unwrap_err()
            .into_iter()
            .map(|p| (p.column.unwrap_or_default(), p.code))
            .collect();
        let column = |l: usize| file.column_label(l);
        assert_eq!(
            codes,
            vec![
                ("No such column".to_string(), MAPPING_COLUMN_UNKNOWN),
                ("Nor this".to_string(), MAPPING_COLUMN_UNKNOWN),
                (column(9), MAPPING_COMPETENCE_UNKNOWN),
                (column(12), MAPPING_COMPETENCE_TWICE),
                (column(10), MAPPING_COLUMN_TWICE),
                (column(11), MAPPING_QUESTION_UNKNOWN),
                (column(13), MAPPING_QUIZ_UNKNOWN),
                (column(14), MAPPING_TARGET),
                (column(15), MAPPING_OPTION_INVALID),
                (column(16), MAPPING_RATING_INVALID),
                ("Missing".to_string(), MAPPING_COLUMN_UNKNOWN),
            ]
        );
        let empty =
            Mapping::from_json(r#"{"respondent": {"by": "anonymous"}, "columns": []}"#).unwrap();
        assert_eq!(
            apply(&file, &empty, &targets()).unwrap_err()[0].code,
            MAPPING_NOTHING
        );
        assert_eq!(
            Mapping::from_json("{\n\"columns\": [\n").unwrap_err(),
            Problem::new(0, None, MAPPING_NOT_JSON).with_value("3")
        );
        assert_eq!(
            Mapping::from_json(r#"{"respondent": {"by": "anonymous"}, "columns": [], "extra": 1}"#)
                .unwrap_err()
                .code,
            MAPPING_INVALID
        );
        assert_eq!(
            Mapping::from_json(
                r#"{"version": 2, "respondent": {"by": "anonymous"}, "columns": []}"#
            )
            .unwrap_err()
            .code,
            MAPPING_VERSION_UNKNOWN
        );
    }

    #[test]
    fn every_bad_cell_is_reported_by_line_and_column() {
        let m = monkey_mapping();
        let label = |i: usize| parse(MONKEY).unwrap().column_label(i);
        type Found = Vec<(u64, String, &'static str)>;
        let cases: Vec<(&str, Found)> = vec![
            (
                "114000009,1,,,,gwen.parry@example.org,,,,7 - superb,,12,,,,Password1",
                vec![
                    (6, label(5), RESPONDENT_TWICE),
                    (6, label(9), RATING_INVALID),
                ],
            ),
            (
                "114000009,1,,,,,,,,1,,12,,,,",
                vec![(6, label(5), RESPONDENT_MISSING)],
            ),
            (
                "114000009,1,,,,not-an-email,,,,1,,,,,,",
                vec![(6, label(5), "invalid-email")],
            ),
            (
                "114000001,1,,,,new@example.org,,,,1,,,,,,",
                vec![(6, label(0), RESPONSE_TWICE)],
            ),
            (
                ",1,,,,new@example.org,,,,1,,,,,,",
                vec![(6, label(0), RESPONSE_ID_MISSING)],
            ),
            (
                "114000009,1,,,,new@example.org,,,,1,,ten,,,,",
                vec![(6, label(11), "audit-number-invalid")],
            ),
            (
                "114000009,1,,,,new@example.org,,,,1,,99,,,,",
                vec![(6, label(11), "audit-number-range")],
            ),
            (
                "114000009,1,,,,new@example.org,,,,1,,,Knitting,,,",
                vec![(6, label(12), OPTION_UNKNOWN)],
            ),
            (
                "114000009,1,,,,new@example.org,,,,1,,,,,,Maybe",
                vec![(6, label(15), OPTION_UNKNOWN)],
            ),
            (
                "114000009,1,,,,new@example.org,,,,1,,,,,,Password1;Three random words",
                vec![(6, label(15), "audit-option-one")],
            ),
        ];
        for (row, expected) in cases {
            assert_eq!(problems(&monkey_with(row), &m), expected, "{row}");
        }
    }

    /// A matrix whose question is long, and a second matrix with a row label in common.
    const MATRICES: &str = "Respondent ID,Email Address,\
        How strong are you at each of these digital skills in your day-to-day work?,,\
        How often do you help customers with these?,\n\
        ,,Using email,Running public Wi-Fi services,Using email,Printing\n\
        1,a@example.org,3,9 - superb,Often,Never\n";

    #[test]
    fn a_matrix_column_is_named_by_its_row_label_as_well_as_its_question() {
        let file = parse(MATRICES.as_bytes()).unwrap();
        assert_eq!(
            file.column_label(3),
            "D: How strong are you at each of these di…? | Running public Wi-Fi services"
        );
        // Named by the row label alone, where only one column has it.
        let mapping = Mapping::from_json(
            r#"{"respondent": {"by": "email", "column": "Email Address"},
                "columns": [{"column": "running public wi-fi services", "competence": "SEARCH"}]}"#,
        )
        .unwrap();
        assert_eq!(file.find("Running public Wi-Fi services"), Ok(3));
        let found = apply(&file, &mapping, &targets()).unwrap_err();
        assert_eq!(
            found,
            [
                Problem::new(3, Some(file.column_label(3)), RATING_INVALID)
                    .with_value("9 - superb")
            ]
        );
        // A label two matrices share names neither.
        let mapping = Mapping::from_json(
            r#"{"respondent": {"by": "email", "column": "Email Address"},
                "columns": [{"column": "Using email", "competence": "EMAIL"}]}"#,
        )
        .unwrap();
        assert_eq!(
            file.find("Using email"),
            Err(NotFound::Ambiguous(vec![2, 4]))
        );
        assert_eq!(
            apply(&file, &mapping, &targets()).unwrap_err(),
            [
                Problem::new(0, Some("Using email".into()), MAPPING_COLUMN_AMBIGUOUS)
                    .with_value("C, E")
            ]
        );
        // The whole heading or the letter still names one.
        assert_eq!(
            file.find("How often do you help customers with these? | Using email"),
            Ok(4)
        );
        assert_eq!(file.find("e"), Ok(4));
        assert_eq!(file.find("Knitting"), Err(NotFound::Unknown));
    }

    #[test]
    fn a_mapping_without_a_respondent_is_refused_in_a_sentence() {
        for json in [
            r#"{"columns": [{"column": "J", "competence": "EMAIL"}]}"#,
            r#"{"respondent": {"column": "Email Address"}, "columns": []}"#,
            r#"{"respondent": "email", "columns": []}"#,
        ] {
            assert_eq!(
                Mapping::from_json(json),
                Err(Problem::new(0, None, MAPPING_RESPONDENT_NEEDED)),
                "{json}"
            );
        }
        assert_eq!(
            Mapping::from_json("[]"),
            Err(Problem::new(0, None, MAPPING_NOT_OBJECT))
        );
    }

    /// Lines as an editor numbers them, the header being line 1, whatever the line endings
    /// and whether or not a quoted answer above holds a line break.
    #[test]
    fn problems_are_reported_on_the_line_an_editor_shows() {
        let m = monkey_mapping();
        let label = |i: usize| parse(MONKEY).unwrap().column_label(i);
        // Row 3's free-text answer runs over two lines, so the rows below start one line on.
        let lf = String::from_utf8(monkey_with(
            "114000009,1,,,,new@example.org,,,,7 - superb,,,,,,",
        ))
        .unwrap()
        .replace("\"Nothing, thanks\"", "\"Nothing,\nthanks\"");
        let crlf = lf.replace('\n', "\r\n");
        let cr_in_cell_only = lf.replace("Nothing,\n", "Nothing,\r\n");
        for (name, text) in [
            ("LF", &lf),
            ("CRLF", &crlf),
            ("a CRLF in the cell", &cr_in_cell_only),
        ] {
            let file = parse(text.as_bytes()).unwrap();
            assert_eq!(
                file.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
                [3, 5, 6, 7],
                "{name}"
            );
            assert_eq!(
                problems(text.as_bytes(), &m),
                [(7, label(9), RATING_INVALID)],
                "{name}"
            );
            // A wrong number of cells and an unclosed quote are placed the same way.
            let short = text.replace(",7 - superb,,,,,,", ",1");
            assert_eq!(
                parse(short.as_bytes()).unwrap_err(),
                [Problem::new(7, None, WRONG_FIELD_COUNT).with_value("11")],
                "{name}"
            );
            let unclosed = text.replace("Huw,Bowen,", "\"Huw,Bowen,");
            assert_eq!(
                parse(unclosed.as_bytes()).unwrap_err(),
                [Problem::new(5, None, UNREADABLE)],
                "{name}"
            );
        }
    }

    #[test]
    fn a_long_answer_is_refused_and_too_many_problems_stop_the_list() {
        let mut text_q = targets();
        text_q.questions.push(ProfileQuestion {
            code: "MORE".into(),
            kind: QuestionKind::Text,
            prompt: Localised::new("More", None),
            hint: None,
            options: vec![],
            min: None,
            max: None,
        });
        let long = "x".repeat(2001);
        let file = parse(format!("Email,More\na@example.org,{long}\n").as_bytes()).unwrap();
        let mapping = Mapping::from_json(
            r#"{"respondent": {"by": "email", "column": "Email"}, "columns": [{"column": "More", "question": "MORE"}]}"#,
        )
        .unwrap();
        assert_eq!(
            apply(&file, &mapping, &text_q).unwrap_err()[0].code,
            "audit-text-too-long"
        );
        let mut body = String::from("Email,Using email\n");
        for _ in 0..600 {
            body.push_str("bad,9\n");
        }
        let file = parse(body.as_bytes()).unwrap();
        let mapping = Mapping::from_json(
            r#"{"respondent": {"by": "anonymous"}, "columns": [{"column": "Using email", "competence": "EMAIL"}]}"#,
        )
        .unwrap();
        let found = apply(&file, &mapping, &targets()).unwrap_err();
        assert_eq!(found.len(), MAX_PROBLEMS + 1);
        assert_eq!(found.last().unwrap().code, TOO_MANY_PROBLEMS);
    }

    #[test]
    fn columns_are_guessed_from_their_text_and_mappings_round_trip() {
        let file = parse(MONKEY).unwrap();
        let guessed = suggest(&file, &targets());
        assert_eq!(guessed[0], Choice::ResponseId);
        assert_eq!(guessed[5], Choice::Email);
        assert_eq!(guessed[9], Choice::Competence("EMAIL".into()));
        assert_eq!(guessed[10], Choice::Competence("SEARCH".into()));
        assert_eq!(guessed[11], Choice::Question("YEARS".into()));
        assert_eq!(guessed[12], Choice::Question("HELP".into()));
        assert_eq!(guessed[15], Choice::Quiz("Q1".into()));
        assert_eq!(guessed[1], Choice::Ignore);
        let base = monkey_mapping();
        let mapping = mapping_from(&file, &guessed, Unmatched::Problem, Some(&base));
        assert_eq!(choices_of(&file, &mapping), guessed);
        let search = mapping
            .columns
            .iter()
            .find(|c| c.competence.as_deref() == Some("SEARCH"));
        assert_eq!(search.unwrap().labels.len(), 1, "the saved labels are kept");
        let json = mapping.to_json();
        assert_eq!(Mapping::from_json(&json).unwrap(), mapping);
        assert_eq!(
            apply(&file, &mapping, &targets()).unwrap(),
            apply(&file, &base, &targets()).unwrap()
        );
        for c in [
            Choice::Ignore,
            Choice::Email,
            Choice::Quiz("Q1".into()),
            Choice::Competence("A:B".into()),
        ] {
            assert_eq!(Choice::parse(&c.value()), c);
        }
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
