//! The kit register: equipment at each site (3D printers, VR headsets, laser cutters,
//! self-service kiosks, tablets for lending), the competences it takes to use, who is trained
//! on it and how much it is used. Two flags per site: kit nobody working there now is trained
//! on, and kit unused for longer than the organisation's setting.
//!
//! Also the kit file (CSV): the register without people, read all or nothing with every
//! problem named by line and column, and written so that it reads back as it was.

use crate::csv_file::{
    CodeListMessages, CsvProblem, CsvWriter, TableFormat, TableMessages, TableRow, parse_code_list,
};
use crate::people::parse_date;
use crate::retention::months_before;
use crate::{FileLanguage, Invalid, SiteCode};
use std::io::Write;

/// A kit item's stable identifier in its organisation's register, kept when the register is
/// exported and imported again: letters, digits, `-`, `_` and `.`, up to 40, in capitals.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KitCode(String);

impl KitCode {
    pub const MAX_LEN: usize = 40;

    pub fn parse(text: &str) -> Result<Self, Invalid> {
        crate::text::code(text, Self::MAX_LEN, "kit-code-missing", "kit-code-invalid").map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for KitCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One piece of kit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitItem {
    pub code: KitCode,
    /// "3D printer (Prusa MK4)".
    pub name: String,
    /// What it is for, where it is kept, how it is booked.
    pub description: String,
    /// The site it is kept at, by the site's code.
    pub site: SiteCode,
    /// The codes of the competences (in the organisation's frameworks) it takes to use.
    pub competences: Vec<String>,
}

pub const MAX_COMPETENCES: usize = 6;
pub const MAX_NAME: usize = 200;
pub const MAX_DESCRIPTION: usize = 2000;
pub const MAX_NOTE: usize = 200;
/// The most sessions or people one use entry may record: a month of heavy use, with room.
pub const MAX_SESSIONS: u32 = 1000;
pub const MAX_PEOPLE: u32 = 10_000;

/// A name: there, and not too long.
pub fn parse_name(text: &str) -> Result<String, Invalid> {
    match text.trim() {
        "" => Err(Invalid("kit-name-missing")),
        t if t.chars().count() > MAX_NAME => Err(Invalid("kit-text-too-long")),
        t => Ok(t.to_string()),
    }
}

/// A description: lines tidied (each trimmed, blank ones left out); may be empty.
pub fn parse_description(text: &str) -> Result<String, Invalid> {
    let tidy = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if tidy.chars().count() > MAX_DESCRIPTION {
        Err(Invalid("kit-text-too-long"))
    } else {
        Ok(tidy)
    }
}

/// Competence codes separated by spaces, commas or semicolons, in capitals, each once.
pub fn parse_competences(text: &str) -> Result<Vec<String>, Invalid> {
    const MESSAGES: CodeListMessages = CodeListMessages {
        twice: "kit-competence-twice",
        missing: "kit-competences-missing",
        too_many: "kit-competences-too-many",
    };
    parse_code_list(text, MAX_COMPETENCES, &MESSAGES)
}

/// A day something happened (trained, used): a calendar date, not after today.
pub fn parse_day(text: &str, today: time::Date) -> Result<time::Date, Invalid> {
    if text.trim().is_empty() {
        return Err(Invalid("kit-date-missing"));
    }
    let date = parse_date(text).map_err(|_| Invalid("kit-date-invalid"))?;
    if date > today {
        return Err(Invalid("kit-date-future"));
    }
    Ok(date)
}

/// A whole number from 0 to `max`, as typed; empty is 0.
pub fn parse_count(text: &str, max: u32) -> Result<u32, Invalid> {
    match text.trim() {
        "" => Ok(0),
        t => t
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or(Invalid("kit-count-invalid")),
    }
}

/// One entry of a kit item's use log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitUse {
    pub used_on: time::Date,
    pub sessions: u32,
    pub people_helped: u32,
    pub note: String,
}

impl KitUse {
    /// An entry as typed, or each field's problem: (field, message id). An entry that ran no
    /// session and helped nobody says nothing, and is refused.
    pub fn parse(
        used_on: &str,
        sessions: &str,
        people_helped: &str,
        note: &str,
        today: time::Date,
    ) -> Result<Self, Vec<(&'static str, Invalid)>> {
        let mut problems = Vec::new();
        let used_on = parse_day(used_on, today).map_err(|e| problems.push(("used_on", e)));
        let sessions =
            parse_count(sessions, MAX_SESSIONS).map_err(|e| problems.push(("sessions", e)));
        let people =
            parse_count(people_helped, MAX_PEOPLE).map_err(|e| problems.push(("people_helped", e)));
        let note = note.trim();
        if note.chars().count() > MAX_NOTE {
            problems.push(("note", Invalid("kit-text-too-long")));
        }
        if let (Ok(0), Ok(0)) = (sessions, people) {
            problems.push(("sessions", Invalid("kit-use-empty")));
        }
        match (used_on, sessions, people) {
            (Ok(used_on), Ok(sessions), Ok(people_helped)) if problems.is_empty() => Ok(Self {
                used_on,
                sessions,
                people_helped,
                note: note.to_string(),
            }),
            _ => Err(problems),
        }
    }
}

// ---- How long kit may go unused -----------------------------------------------------------------

/// How many months without a use entry before kit is flagged as unused: an administrator's
/// setting, 1 to 60 months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnusedAge(u8);

impl UnusedAge {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 60;
    pub const DEFAULT: UnusedAge = UnusedAge(6);

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Invalid("kit-age-missing"));
        }
        match s.parse::<i64>() {
            Ok(n) => Self::from_months(n),
            Err(_) => Err(Invalid("kit-age-invalid")),
        }
    }

    pub fn from_months(months: i64) -> Result<Self, Invalid> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&months) {
            Ok(Self(months as u8))
        } else {
            Err(Invalid("kit-age-invalid"))
        }
    }

    pub fn months(self) -> i64 {
        i64::from(self.0)
    }

    /// Whether kit last used on `last_used` (or, never used, added to the register on
    /// `added_on`) is unused on `today`: that day is more than the set months ago. Used exactly
    /// that many months ago is not yet unused.
    pub fn is_unused(
        self,
        last_used: Option<time::Date>,
        added_on: time::Date,
        today: time::Date,
    ) -> bool {
        last_used.unwrap_or(added_on) < months_before(today, self.months())
    }
}

impl Default for UnusedAge {
    fn default() -> Self {
        Self::DEFAULT
    }
}

// ---- The kit file ------------------------------------------------------------------------------

/// The columns as (English, Welsh) names, in the order skillgym writes them.
pub const COLUMN_NAMES: [(&str, &str); 5] = [
    ("code", "cod"),
    ("name", "enw"),
    ("description", "disgrifiad"),
    ("site", "safle"),
    ("competences", "cymwyseddau"),
];

pub const NOT_UTF8: &str = "kit-csv-not-utf8";
pub const UNREADABLE: &str = "kit-csv-unreadable";
pub const EMPTY: &str = "kit-csv-empty";
pub const MISSING_COLUMN: &str = "kit-csv-missing-column";
pub const UNKNOWN_COLUMN: &str = "kit-csv-unknown-column";
pub const FIELD_COUNT: &str = "kit-csv-field-count";
pub const NO_ROWS: &str = "kit-csv-no-rows";
pub const CODE_TWICE: &str = "kit-csv-code-twice";
pub const COMPETENCE_UNKNOWN: &str = "kit-competence-unknown";
pub const SITE_UNKNOWN: &str = "kit-site-unknown";

/// Every problem code reading a kit file can give.
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
    SITE_UNKNOWN,
    "kit-code-missing",
    "kit-code-invalid",
    "kit-name-missing",
    "kit-text-too-long",
    "kit-site-missing",
    "kit-competence-twice",
    "kit-competences-missing",
    "kit-competences-too-many",
];

pub const FORMAT: TableFormat = TableFormat {
    columns: &COLUMN_NAMES,
    required: &["code", "name", "site", "competences"],
    messages: TableMessages {
        not_utf8: NOT_UTF8,
        unreadable: UNREADABLE,
        empty: EMPTY,
        missing_column: MISSING_COLUMN,
        unknown_column: UNKNOWN_COLUMN,
        field_count: FIELD_COUNT,
    },
};

/// What a kit file's rows may name: the organisation's sites (by code) and the competences of
/// its frameworks.
pub struct Known<'a> {
    pub site: &'a dyn Fn(&str) -> bool,
    pub competence: &'a dyn Fn(&str) -> bool,
}

/// Reads a kit file: every item, or every problem (by line and column) and none.
pub fn read(bytes: &[u8], known: &Known) -> Result<Vec<KitItem>, Vec<CsvProblem>> {
    FORMAT.read_register(
        bytes,
        NO_ROWS,
        CODE_TWICE,
        |row, problems| item(row, known, problems),
        |item| item.code.as_str(),
    )
}

fn item(row: &TableRow, known: &Known, problems: &mut Vec<CsvProblem>) -> Option<KitItem> {
    let before = problems.len();
    let code = KitCode::parse(row.get("code"));
    row.note(problems, "code", &code);
    let name = parse_name(row.get("name"));
    row.note(problems, "name", &name);
    let description = parse_description(row.get("description"));
    row.note(problems, "description", &description);
    let site = match row.get("site") {
        "" => Err(Invalid("kit-site-missing")),
        s => SiteCode::parse(s).map_err(|_| Invalid(SITE_UNKNOWN)),
    };
    row.note(problems, "site", &site);
    if let Ok(s) = &site
        && !(known.site)(s.as_str())
    {
        problems.push(CsvProblem::new(row.line, Some("site"), SITE_UNKNOWN).with_value(s.as_str()));
    }
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
    if problems.len() > before {
        return None;
    }
    Some(KitItem {
        code: code.ok()?,
        name: name.ok()?,
        description: description.ok()?,
        site: site.ok()?,
        competences: competences.ok()?,
    })
}

/// Writes a kit file with [`CsvWriter`], which [`read`] reads back as it was.
pub fn write<W: Write>(out: W, items: &[KitItem], language: FileLanguage) -> std::io::Result<()> {
    let mut writer = CsvWriter::new(out)?;
    writer.row(FORMAT.header(language))?;
    for k in items {
        writer.row([
            k.code.as_str().to_string(),
            k.name.clone(),
            k.description.clone(),
            k.site.as_str().to_string(),
            k.competences.join(" "),
        ])?;
    }
    writer.finish()?.flush()
}

/// The kit of skillgym's demo organisation, at sites every demo has: (item, months since it
/// was last used, or `None` for never).
pub fn demo_kit() -> Vec<(KitItem, Option<i64>)> {
    let item =
        |code: &str, name: &str, description: &str, site: &str, competences: &[&str]| KitItem {
            code: KitCode::parse(code).expect("a valid kit code"),
            name: name.into(),
            description: description.into(),
            site: SiteCode::parse(site).expect("a demo site"),
            competences: competences.iter().map(|c| c.to_string()).collect(),
        };
    vec![
        (
            item(
                "CEN-3DP",
                "3D printer",
                "Prusa MK4 in the makerspace. Prints in PLA; a session takes about two hours.",
                "CEN",
                &["PROBLEMS-3", "DEVICES-1"],
            ),
            Some(1),
        ),
        (
            item(
                "CEN-VR",
                "VR headsets (4)",
                "Meta Quest headsets for taster sessions and reminiscence groups.\nKept charged in the staff room.",
                "CEN",
                &["DEVICES-1", "PROBLEMS-1"],
            ),
            Some(9),
        ),
        (
            item(
                "CEN-LASER",
                "Laser cutter",
                "Glowforge in the makerspace. Only with the extractor running.",
                "CEN",
                &["PROBLEMS-3"],
            ),
            None,
        ),
        (
            item(
                "CEN-KIOSK",
                "Self-service kiosks",
                "Two kiosks by the entrance for borrowing, returning and paying fines.",
                "CEN",
                &["DEVICES-1", "TRANSACT-1"],
            ),
            Some(0),
        ),
        (
            item(
                "LLA-TABLETS",
                "Tablets for lending",
                "Ten tablets with a SIM, lent for three weeks to people without a device at home.",
                "LLA",
                &["DEVICES-4", "SAFE-1"],
            ),
            Some(2),
        ),
        (
            item(
                "PON-VR",
                "VR headset",
                "One headset for the Thursday digital drop-in.",
                "PON",
                &["DEVICES-1"],
            ),
            Some(14),
        ),
        (
            item(
                "CWM-TABLETS",
                "Tablets for lending",
                "Six tablets for the home library service.",
                "CWM",
                &["DEVICES-4"],
            ),
            Some(1),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn known() -> Known<'static> {
        Known {
            site: &|s| ["CEN", "LLA"].contains(&s),
            competence: &|c| ["CREATE-2", "DEVICES-4"].contains(&c),
        }
    }

    #[test]
    fn a_file_reads_and_writes_back_the_same_in_either_language() {
        let file = "code,name,description,site,competences\n\
                    cen-3dp,3D printer,\"Prusa\n  In the makerspace \",cen,create-2\n\
                    LLA-TAB,Tablets,,LLA,\"DEVICES-4, CREATE-2\"\n";
        let items = read(file.as_bytes(), &known()).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].code.as_str(), "CEN-3DP");
        assert_eq!(items[0].description, "Prusa\nIn the makerspace");
        assert_eq!(items[0].site.as_str(), "CEN");
        assert_eq!(items[1].competences, ["DEVICES-4", "CREATE-2"]);
        for language in [FileLanguage::English, FileLanguage::Welsh] {
            let mut out = Vec::new();
            write(&mut out, &items, language).unwrap();
            assert_eq!(read(&out, &known()).unwrap(), items, "{language:?}");
        }
    }

    #[test]
    fn each_problem_is_named_by_line_and_column_and_nothing_is_read() {
        let file = "code,name,description,site,competences\n\
                    A,,,CEN,CREATE-2\n\
                    B,Tablets,,NOWHERE,NOT-A-SKILL\n\
                    A,Again,,CEN,CREATE-2 CREATE-2\n\
                    C D,Kiosk,,,\n";
        let problems = read(file.as_bytes(), &known()).unwrap_err();
        let found: Vec<(u64, Option<&str>, &str)> = problems
            .iter()
            .map(|p| (p.line, p.column, p.code))
            .collect();
        for expected in [
            (2, Some("name"), "kit-name-missing"),
            (3, Some("site"), SITE_UNKNOWN),
            (3, Some("competences"), COMPETENCE_UNKNOWN),
            (4, Some("competences"), "kit-competence-twice"),
            (5, Some("code"), "kit-code-invalid"),
            (5, Some("site"), "kit-site-missing"),
            (5, Some("competences"), "kit-competences-missing"),
        ] {
            assert!(found.contains(&expected), "{expected:?} in {found:?}");
        }
        let twice = "code,name,site,competences\nA,One,CEN,CREATE-2\na,Two,CEN,CREATE-2\n";
        let problems = read(twice.as_bytes(), &known()).unwrap_err();
        assert_eq!((problems[0].line, problems[0].code), (3, CODE_TWICE));
        let welsh = "cod,enw,safle\nA,Un,CEN\n";
        let problems = read(welsh.as_bytes(), &known()).unwrap_err();
        assert_eq!(problems[0].code, MISSING_COLUMN);
        assert_eq!(problems[0].value.as_deref(), Some("cymwyseddau"));
        let header_only = "code,name,site,competences\n";
        assert_eq!(
            read(header_only.as_bytes(), &known()).unwrap_err()[0].code,
            NO_ROWS
        );
    }

    #[test]
    fn kit_is_unused_once_more_than_the_set_months_have_passed() {
        let age = UnusedAge::DEFAULT;
        let today = date!(2026 - 06 - 15);
        let added = date!(2020 - 01 - 01);
        assert!(!age.is_unused(Some(date!(2025 - 12 - 15)), added, today));
        assert!(age.is_unused(Some(date!(2025 - 12 - 14)), added, today));
        // Never used: counted from the day it was added.
        assert!(!age.is_unused(None, date!(2026 - 06 - 01), today));
        assert!(age.is_unused(None, added, today));
        assert!(UnusedAge::parse("0").is_err() && UnusedAge::parse("61").is_err());
        assert_eq!(UnusedAge::parse(" 3 ").unwrap().months(), 3);
    }

    #[test]
    fn a_use_entry_needs_a_day_not_in_the_future_and_something_done() {
        let today = date!(2026 - 06 - 15);
        let entry = KitUse::parse("2026-06-15", "2", "", " Code club ", today).unwrap();
        assert_eq!((entry.sessions, entry.people_helped), (2, 0));
        assert_eq!(entry.note, "Code club");
        let fields = |r: Result<KitUse, Vec<(&'static str, Invalid)>>| {
            r.unwrap_err()
                .into_iter()
                .map(|(f, e)| (f, e.0))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fields(KitUse::parse("2026-06-16", "1", "1", "", today)),
            [("used_on", "kit-date-future")]
        );
        assert_eq!(
            fields(KitUse::parse("2026-06-01", "0", "0", "", today)),
            [("sessions", "kit-use-empty")]
        );
        assert_eq!(
            fields(KitUse::parse("", "-1", "x", &"n".repeat(201), today)),
            [
                ("used_on", "kit-date-missing"),
                ("sessions", "kit-count-invalid"),
                ("people_helped", "kit-count-invalid"),
                ("note", "kit-text-too-long")
            ]
        );
    }

    #[test]
    fn the_demo_kit_names_sites_every_demo_has() {
        let kit = demo_kit();
        assert_eq!(kit.len(), 7);
        let sites: std::collections::HashSet<&str> =
            kit.iter().map(|(k, _)| k.site.as_str()).collect();
        assert_eq!(sites.len(), 4);
        assert!(kit.iter().any(|(_, used)| used.is_none()));
        assert!(kit.iter().any(|(_, used)| used.is_some_and(|m| m > 6)));
    }
}
