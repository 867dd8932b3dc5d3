//! The assisted-digital services catalogue: the online public services staff most often help
//! people use (applying for Universal Credit, renewing a blue badge, booking a GP appointment),
//! each with who runs it, what the person needs ready, the steps, the common problems and their
//! fixes, the competences it takes to help, and guides. Staff rate their own confidence with
//! each; the gaps per site are the services nobody working there is confident with.
//!
//! Also the services file (CSV), read all or nothing with every problem named by line and
//! column, and written so that it reads back as it was.

use crate::audit::Localised;
use crate::csv_file::{
    CodeListMessages, CsvProblem, CsvWriter, TableFormat, TableMessages, TableRow, code_words,
    parse_code_list,
};
use crate::learning::{ActivityCode, parse_url};
use crate::people::{format_date, parse_date};
use crate::retention::months_before;
use crate::{FileLanguage, Invalid};
use std::io::Write;

/// A service's stable identifier in its organisation's catalogue, kept when the catalogue is
/// exported and imported again: letters, digits, `-`, `_` and `.`, up to 40, in capitals.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ServiceCode(String);

impl ServiceCode {
    pub const MAX_LEN: usize = 40;

    pub fn parse(text: &str) -> Result<Self, Invalid> {
        crate::text::code(
            text,
            Self::MAX_LEN,
            "service-code-missing",
            "service-code-invalid",
        )
        .map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ServiceCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A guide or video about a service, somewhere on the web.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideLink {
    pub title: String,
    pub url: String,
}

/// One service of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub code: ServiceCode,
    /// What a member of the public is doing: "Applying for Universal Credit".
    pub name: Localised,
    /// Who runs it: DWP, the council, the NHS, DVLA…
    pub run_by: String,
    /// The service's own address, where it has one.
    pub url: Option<String>,
    /// What the person needs ready, one thing a line.
    pub needs: Localised,
    /// The steps, one a line.
    pub steps: Localised,
    /// Common problems, one a line, each written `problem | fix`.
    pub problems: Localised,
    /// The codes of the competences (in the organisation's frameworks) it takes to help.
    pub competences: Vec<String>,
    /// Guides and videos elsewhere.
    pub links: Vec<GuideLink>,
    /// Activities of the learning catalogue about it, by their codes.
    pub activities: Vec<ActivityCode>,
    /// When someone last checked the entry against the live service.
    pub checked_on: time::Date,
}

/// How many competences, links and activities one service may have.
pub const MAX_COMPETENCES: usize = 6;
pub const MAX_LINKS: usize = 10;
pub const MAX_ACTIVITIES: usize = 10;
/// The longest a name or "run by" may be, and a block of lines (needs, steps, problems).
pub const MAX_NAME: usize = 200;
pub const MAX_TEXT: usize = 4000;

/// Text of several lines as stored: each line trimmed, blank ones left out, `\n` between.
pub fn tidy_lines(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The lines of a block (needs, steps), for a list on a page.
pub fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The problems of a block, each with its fix when the line gives one after `|`.
pub fn problems(text: &str) -> Vec<(&str, Option<&str>)> {
    lines(text)
        .into_iter()
        .map(|l| match l.split_once('|') {
            Some((problem, fix)) => (problem.trim(), Some(fix.trim()).filter(|f| !f.is_empty())),
            None => (l, None),
        })
        .collect()
}

/// Competence codes separated by spaces, commas or semicolons, in capitals, each once.
pub fn parse_competences(text: &str) -> Result<Vec<String>, Invalid> {
    const MESSAGES: CodeListMessages = CodeListMessages {
        twice: "service-competence-twice",
        missing: "service-competences-missing",
        too_many: "service-competences-too-many",
    };
    parse_code_list(text, MAX_COMPETENCES, &MESSAGES)
}

/// Activity codes separated by spaces, commas or semicolons; none is fine.
pub fn parse_activities(text: &str) -> Result<Vec<ActivityCode>, Invalid> {
    let mut codes: Vec<ActivityCode> = Vec::new();
    for word in code_words(text) {
        let code = ActivityCode::parse(word).map_err(|_| Invalid("service-activity-invalid"))?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.len() > MAX_ACTIVITIES {
        return Err(Invalid("service-activities-too-many"));
    }
    Ok(codes)
}

/// Links, one a line, each `title | https://…`.
pub fn parse_links(text: &str) -> Result<Vec<GuideLink>, Invalid> {
    let mut links = Vec::new();
    for line in lines(text) {
        let (title, url) = line
            .rsplit_once('|')
            .ok_or(Invalid("service-link-invalid"))?;
        let title = title.trim();
        if title.is_empty() || title.chars().count() > MAX_NAME {
            return Err(Invalid("service-link-invalid"));
        }
        let url = parse_url(url)
            .map_err(|_| Invalid("service-link-url-invalid"))?
            .ok_or(Invalid("service-link-invalid"))?;
        links.push(GuideLink {
            title: title.to_string(),
            url,
        });
    }
    if links.len() > MAX_LINKS {
        return Err(Invalid("service-links-too-many"));
    }
    Ok(links)
}

/// Links as a file or a form writes them: `title | url`, one a line.
pub fn format_links(links: &[GuideLink]) -> String {
    links
        .iter()
        .map(|l| format!("{} | {}", l.title, l.url))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Activity codes as a file or a form writes them.
pub fn format_activities(codes: &[ActivityCode]) -> String {
    codes
        .iter()
        .map(ActivityCode::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The day an entry was last checked: a calendar date, not after today.
pub fn parse_checked_on(text: &str, today: time::Date) -> Result<time::Date, Invalid> {
    if text.trim().is_empty() {
        return Err(Invalid("service-checked-missing"));
    }
    let date = parse_date(text).map_err(|_| Invalid("service-checked-invalid"))?;
    if date > today {
        return Err(Invalid("service-checked-future"));
    }
    Ok(date)
}

/// Text that must be there and not too long.
fn required(text: &str, max: usize, missing: &'static str) -> Result<String, Invalid> {
    match text.trim() {
        "" => Err(Invalid(missing)),
        t if t.chars().count() > max => Err(Invalid("service-text-too-long")),
        t => Ok(t.to_string()),
    }
}

/// A block of lines, tidied, not too long.
fn block(text: &str) -> Result<String, Invalid> {
    let tidy = tidy_lines(text);
    if tidy.chars().count() > MAX_TEXT {
        Err(Invalid("service-text-too-long"))
    } else {
        Ok(tidy)
    }
}

// ---- Confidence ------------------------------------------------------------------------------

/// How confident a person says they are helping someone with a service: 1 to 5 on the words of
/// the audit's levels, or "not sure".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    Rated(u8),
    NotSure,
}

impl Confidence {
    /// The level from which a person counts as confident: 4, "I can help people with it
    /// confidently" (as the audit's level 4 is "…and help members of the public with it").
    pub const CONFIDENT_FROM: u8 = 4;

    /// A form's value: `1` to `5`, or `not-sure`.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        match text.trim() {
            "not-sure" => Ok(Self::NotSure),
            t => t
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .map(Self::Rated)
                .ok_or(Invalid("service-confidence-missing")),
        }
    }

    /// As stored: the level, or 0 for "not sure".
    pub fn stored(self) -> i64 {
        match self {
            Self::Rated(n) => i64::from(n),
            Self::NotSure => 0,
        }
    }

    pub fn from_stored(value: i64) -> Option<Self> {
        match value {
            0 => Some(Self::NotSure),
            1..=5 => Some(Self::Rated(value as u8)),
            _ => None,
        }
    }

    /// The form's value and the message key's end: `1` to `5` or `not-sure`.
    pub fn value(self) -> String {
        match self {
            Self::Rated(n) => n.to_string(),
            Self::NotSure => "not-sure".into(),
        }
    }

    pub fn is_confident(self) -> bool {
        matches!(self, Self::Rated(n) if n >= Self::CONFIDENT_FROM)
    }
}

/// What the gaps page says about how many people at a site are confident with a service. It
/// never names anyone; and a number is shown only when both those confident and the others at
/// the site are at least the anonymity threshold, since a small number (or a site where all
/// but a few are confident) would let a colleague work out who rated what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteConfidence {
    /// Nobody working there rates it 4 or 5: a gap.
    Nobody,
    /// At least one does, and a number would be too revealing.
    Someone,
    Count(usize),
}

impl SiteConfidence {
    /// From how many of the site's `people` (those working there now) are `confident`.
    pub fn of(confident: usize, people: usize, threshold: usize) -> Self {
        let threshold = threshold.max(1);
        if confident == 0 {
            Self::Nobody
        } else if confident >= threshold && people.saturating_sub(confident) >= threshold {
            Self::Count(confident)
        } else {
            Self::Someone
        }
    }

    pub fn is_gap(self) -> bool {
        self == Self::Nobody
    }
}

// ---- How old an entry may get ------------------------------------------------------------------

/// How many months after it was last checked an entry is flagged as due a check: an
/// administrator's setting, 1 to 60 months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckAge(u8);

impl CheckAge {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 60;
    pub const DEFAULT: CheckAge = CheckAge(12);

    /// Whole months as typed.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Invalid("service-age-missing"));
        }
        match s.parse::<i64>() {
            Ok(n) => Self::from_months(n),
            Err(_) => Err(Invalid("service-age-invalid")),
        }
    }

    pub fn from_months(months: i64) -> Result<Self, Invalid> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&months) {
            Ok(Self(months as u8))
        } else {
            Err(Invalid("service-age-invalid"))
        }
    }

    pub fn months(self) -> i64 {
        i64::from(self.0)
    }

    /// Whether an entry checked on `checked_on` is due a check on `today`: it was checked more
    /// than the set number of months ago.
    pub fn is_due(self, checked_on: time::Date, today: time::Date) -> bool {
        checked_on < months_before(today, self.months())
    }
}

impl Default for CheckAge {
    fn default() -> Self {
        Self::DEFAULT
    }
}

// ---- Searching ------------------------------------------------------------------------------

/// What someone looks for in the services catalogue; each part left empty matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceFilter {
    /// Needs this competence (its code).
    pub competence: Option<String>,
    /// Words in its name, who runs it, what it needs, its steps or problems, in either
    /// language (case ignored); every word must be found.
    pub words: Option<String>,
}

impl ServiceFilter {
    pub fn matches(&self, s: &Service) -> bool {
        if let Some(code) = &self.competence
            && !s.competences.iter().any(|c| c.eq_ignore_ascii_case(code))
        {
            return false;
        }
        let Some(words) = &self.words else {
            return true;
        };
        let haystack = [
            Some(s.name.en.as_str()),
            s.name.cy.as_deref(),
            Some(s.run_by.as_str()),
            Some(s.code.as_str()),
            Some(s.needs.en.as_str()),
            s.needs.cy.as_deref(),
            Some(s.steps.en.as_str()),
            s.steps.cy.as_deref(),
            Some(s.problems.en.as_str()),
            s.problems.cy.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase();
        words
            .split_whitespace()
            .all(|w| haystack.contains(&w.to_lowercase()))
    }
}

// ---- The services file ------------------------------------------------------------------------

/// The columns as (English, Welsh) names, in the order skillgym writes them.
pub const COLUMN_NAMES: [(&str, &str); 15] = [
    ("code", "cod"),
    ("name", "enw"),
    ("name_cy", "enw_cy"),
    ("run_by", "rhedir_gan"),
    ("url", "cyfeiriad"),
    ("needs", "angen"),
    ("needs_cy", "angen_cy"),
    ("steps", "camau"),
    ("steps_cy", "camau_cy"),
    ("problems", "problemau"),
    ("problems_cy", "problemau_cy"),
    ("competences", "cymwyseddau"),
    ("links", "dolenni"),
    ("activities", "gweithgareddau"),
    ("checked_on", "gwiriwyd"),
];

pub const NOT_UTF8: &str = "services-csv-not-utf8";
pub const UNREADABLE: &str = "services-csv-unreadable";
pub const EMPTY: &str = "services-csv-empty";
pub const MISSING_COLUMN: &str = "services-csv-missing-column";
pub const UNKNOWN_COLUMN: &str = "services-csv-unknown-column";
pub const FIELD_COUNT: &str = "services-csv-field-count";
pub const NO_ROWS: &str = "services-csv-no-rows";
pub const CODE_TWICE: &str = "services-csv-code-twice";
pub const COMPETENCE_UNKNOWN: &str = "service-competence-unknown";
pub const ACTIVITY_UNKNOWN: &str = "service-activity-unknown";

/// Every problem code reading a services file can give.
pub const PROBLEM_CODES: &[&str] = &[
    NOT_UTF8,
    UNREADABLE,
    EMPTY,
    MISSING_COLUMN,
    UNKNOWN_COLUMN,
    FIELD_COUNT,
    NO_ROWS,
    CODE_TWICE,
    COMPETENCE_UNKNOWN,
    ACTIVITY_UNKNOWN,
    "service-code-missing",
    "service-code-invalid",
    "service-name-missing",
    "service-run-by-missing",
    "service-text-too-long",
    "service-url-invalid",
    "service-competence-twice",
    "service-competences-missing",
    "service-competences-too-many",
    "service-activity-invalid",
    "service-activities-too-many",
    "service-link-invalid",
    "service-link-url-invalid",
    "service-links-too-many",
    "service-checked-missing",
    "service-checked-invalid",
    "service-checked-future",
];

/// The file's shape, as [`TableFormat`] reads it.
pub const FORMAT: TableFormat = TableFormat {
    columns: &COLUMN_NAMES,
    required: &["code", "name", "run_by", "competences", "checked_on"],
    messages: TableMessages {
        not_utf8: NOT_UTF8,
        unreadable: UNREADABLE,
        empty: EMPTY,
        missing_column: MISSING_COLUMN,
        unknown_column: UNKNOWN_COLUMN,
        field_count: FIELD_COUNT,
    },
};

/// What a services file's rows may name: competences of the organisation's frameworks, and
/// activities of its learning catalogue.
pub struct Known<'a> {
    pub competence: &'a dyn Fn(&str) -> bool,
    pub activity: &'a dyn Fn(&str) -> bool,
    /// No entry may say it was checked after this day.
    pub today: time::Date,
}

/// Reads a services file: every service, or every problem (by line and column) and none.
pub fn read(bytes: &[u8], known: &Known) -> Result<Vec<Service>, Vec<CsvProblem>> {
    FORMAT.read_register(
        bytes,
        NO_ROWS,
        CODE_TWICE,
        |row, problems| service(row, known, problems),
        |service| service.code.as_str(),
    )
}

/// One row as a service, or its problems added to `problems`.
fn service(row: &TableRow, known: &Known, problems: &mut Vec<CsvProblem>) -> Option<Service> {
    let before = problems.len();
    let code = ServiceCode::parse(row.get("code"));
    row.note(problems, "code", &code);
    let name = required(row.get("name"), MAX_NAME, "service-name-missing");
    row.note(problems, "name", &name);
    let run_by = required(row.get("run_by"), MAX_NAME, "service-run-by-missing");
    row.note(problems, "run_by", &run_by);
    let name_cy = match row.get("name_cy") {
        t if t.chars().count() > MAX_NAME => Err(Invalid("service-text-too-long")),
        t => Ok(t.to_string()),
    };
    row.note(problems, "name_cy", &name_cy);
    let mut blocks = Vec::new();
    for column in [
        "needs",
        "needs_cy",
        "steps",
        "steps_cy",
        "problems",
        "problems_cy",
    ] {
        let text = block(row.get(column));
        row.note(problems, column, &text);
        blocks.push(text.unwrap_or_default());
    }
    let url = parse_url(row.get("url")).map_err(|_| Invalid("service-url-invalid"));
    row.note(problems, "url", &url);
    let competences = parse_competences(row.get("competences"));
    row.note(problems, "competences", &competences);
    if let Ok(codes) = &competences {
        let codes = codes.iter().map(String::as_str);
        row.note_unknown(
            problems,
            "competences",
            codes,
            known.competence,
            COMPETENCE_UNKNOWN,
        );
    }
    let links = parse_links(row.get("links"));
    row.note(problems, "links", &links);
    let activities = parse_activities(row.get("activities"));
    row.note(problems, "activities", &activities);
    if let Ok(codes) = &activities {
        let codes = codes.iter().map(ActivityCode::as_str);
        row.note_unknown(
            problems,
            "activities",
            codes,
            known.activity,
            ACTIVITY_UNKNOWN,
        );
    }
    let checked_on = parse_checked_on(row.get("checked_on"), known.today);
    row.note(problems, "checked_on", &checked_on);
    if problems.len() > before {
        return None;
    }
    let optional = |text: &str| Some(text.to_string()).filter(|t| !t.is_empty());
    let [needs, needs_cy, steps, steps_cy, problems_en, problems_cy]: [String; 6] =
        blocks.try_into().ok()?;
    Some(Service {
        code: code.ok()?,
        name: Localised::new(name.ok()?, optional(&name_cy.ok()?)),
        run_by: run_by.ok()?,
        url: url.ok()?,
        needs: Localised::new(needs, optional(&needs_cy)),
        steps: Localised::new(steps, optional(&steps_cy)),
        problems: Localised::new(problems_en, optional(&problems_cy)),
        competences: competences.ok()?,
        links: links.ok()?,
        activities: activities.ok()?,
        checked_on: checked_on.ok()?,
    })
}

/// Writes a services file with [`CsvWriter`], which [`read`] reads back as it was.
pub fn write<W: Write>(
    out: W,
    services: &[Service],
    language: FileLanguage,
) -> std::io::Result<()> {
    let mut writer = CsvWriter::new(out)?;
    writer.row(FORMAT.header(language))?;
    let cy = |l: &Localised| l.cy.clone().unwrap_or_default();
    for s in services {
        writer.row([
            s.code.as_str().to_string(),
            s.name.en.clone(),
            cy(&s.name),
            s.run_by.clone(),
            s.url.clone().unwrap_or_default(),
            s.needs.en.clone(),
            cy(&s.needs),
            s.steps.en.clone(),
            cy(&s.steps),
            s.problems.en.clone(),
            cy(&s.problems),
            s.competences.join(" "),
            format_links(&s.links),
            format_activities(&s.activities),
            format_date(s.checked_on),
        ])?;
    }
    writer.finish()?.flush()
}

/// The services skillgym's demo organisation starts with (`content/demo-services.csv`, written
/// for skillgym), checked at different times before `today` so that one is due a check.
pub fn demo_services(today: time::Date) -> Vec<Service> {
    const FILE: &str = include_str!("../content/demo-services.csv");
    let known = Known {
        competence: &|_| true,
        activity: &|_| true,
        today: time::Date::MAX,
    };
    let mut services = read(FILE.as_bytes(), &known).expect("the shipped services read");
    // Months ago each was checked: most recently, one well over a year ago.
    for (i, s) in services.iter_mut().enumerate() {
        let months = [1, 3, 2, 5, 14, 4, 7, 2, 9, 1][i % 10];
        s.checked_on = months_before(today, months);
    }
    services
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const HEADER: &str = "code,name,name_cy,run_by,url,needs,needs_cy,steps,steps_cy,problems,problems_cy,competences,links,activities,checked_on\n";

    fn known() -> Known<'static> {
        Known {
            competence: &|c| ["SERVICES-1", "SAFE-2"].contains(&c),
            activity: &|a| a == "ACT-UC",
            today: date!(2026 - 06 - 01),
        }
    }

    #[test]
    fn a_file_reads_as_services_and_writes_back_the_same_in_either_language() {
        let file = format!(
            "{HEADER}uc-apply,Applying for Universal Credit,Gwneud cais am Gredyd Cynhwysol,DWP,https://www.gov.uk/apply-universal-credit,\"Email address\nBank details\",,\"Create an account\n Verify identity \",,\"Forgot password | Use the reset link\",,services-1 SAFE-2,\"Guide | https://example.org/uc\",ACT-UC,2026-05-01\n"
        );
        let services = read(file.as_bytes(), &known()).unwrap();
        assert_eq!(services.len(), 1);
        let s = &services[0];
        assert_eq!(s.code.as_str(), "UC-APPLY");
        assert_eq!(s.competences, ["SERVICES-1", "SAFE-2"]);
        assert_eq!(s.steps.en, "Create an account\nVerify identity");
        assert_eq!(
            problems(&s.problems.en),
            [("Forgot password", Some("Use the reset link"))]
        );
        assert_eq!(s.links[0].url, "https://example.org/uc");
        for language in [FileLanguage::English, FileLanguage::Welsh] {
            let mut out = Vec::new();
            write(&mut out, &services, language).unwrap();
            assert_eq!(read(&out, &known()).unwrap(), services, "{language:?}");
        }
    }

    #[test]
    fn each_problem_is_named_by_line_and_column_and_nothing_is_read() {
        let file = format!(
            "{HEADER}UC,Universal Credit,,DWP,not a url,,,,,,,SERVICES-1,,,2026-05-01\nBB,Blue badge,,Council,,,,,,,,NOT-A-SKILL,Guide | ftp://x,ACT-NONE,2026-13-01\n"
        );
        let problems = read(file.as_bytes(), &known()).unwrap_err();
        let found: Vec<(u64, Option<&str>, &str)> = problems
            .iter()
            .map(|p| (p.line, p.column, p.code))
            .collect();
        assert!(
            found.contains(&(2, Some("url"), "service-url-invalid")),
            "{found:?}"
        );
        assert!(found.contains(&(3, Some("competences"), COMPETENCE_UNKNOWN)));
        assert!(found.contains(&(3, Some("links"), "service-link-url-invalid")));
        assert!(found.contains(&(3, Some("activities"), ACTIVITY_UNKNOWN)));
        assert!(found.contains(&(3, Some("checked_on"), "service-checked-invalid")));
        // A missing column is named in the header's language.
        let welsh = "cod,enw,rhedir_gan,cymwyseddau\nUC,Credyd,DWP,SERVICES-1\n";
        let problems = read(welsh.as_bytes(), &known()).unwrap_err();
        assert_eq!(problems[0].code, MISSING_COLUMN);
        assert_eq!(problems[0].value.as_deref(), Some("gwiriwyd"));
    }

    #[test]
    fn a_count_is_shown_only_when_neither_side_is_small() {
        assert_eq!(SiteConfidence::of(0, 30, 5), SiteConfidence::Nobody);
        assert_eq!(SiteConfidence::of(1, 30, 5), SiteConfidence::Someone);
        assert_eq!(SiteConfidence::of(4, 30, 5), SiteConfidence::Someone);
        assert_eq!(SiteConfidence::of(5, 30, 5), SiteConfidence::Count(5));
        // All but a few confident: the few would be known.
        assert_eq!(SiteConfidence::of(27, 30, 5), SiteConfidence::Someone);
        assert_eq!(SiteConfidence::of(25, 30, 5), SiteConfidence::Count(25));
    }

    #[test]
    fn an_entry_is_due_a_check_once_older_than_the_set_months() {
        let age = CheckAge::DEFAULT;
        let today = date!(2026 - 06 - 15);
        assert!(!age.is_due(date!(2025 - 06 - 15), today));
        assert!(age.is_due(date!(2025 - 06 - 14), today));
        assert!(CheckAge::parse("0").is_err() && CheckAge::parse("61").is_err());
        assert_eq!(CheckAge::parse(" 6 ").unwrap().months(), 6);
    }

    #[test]
    fn confidence_reads_from_a_form_and_four_and_five_are_confident() {
        assert_eq!(Confidence::parse("4"), Ok(Confidence::Rated(4)));
        assert_eq!(Confidence::parse("not-sure"), Ok(Confidence::NotSure));
        assert!(Confidence::parse("6").is_err() && Confidence::parse("").is_err());
        assert!(Confidence::Rated(4).is_confident() && Confidence::Rated(5).is_confident());
        assert!(!Confidence::Rated(3).is_confident() && !Confidence::NotSure.is_confident());
        assert_eq!(Confidence::from_stored(0), Some(Confidence::NotSure));
    }

    #[test]
    fn the_shipped_demo_services_read() {
        let services = demo_services(date!(2026 - 06 - 15));
        assert!(services.len() >= 8);
        assert!(services.iter().all(|s| s.name.cy.is_some()));
        assert!(
            services
                .iter()
                .any(|s| CheckAge::DEFAULT.is_due(s.checked_on, date!(2026 - 06 - 15)))
        );
    }
}
