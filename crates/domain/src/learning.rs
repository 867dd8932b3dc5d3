//! The learning catalogue: the activities a service offers its staff and volunteers to close
//! the gaps an audit finds (a video, a one-page guide, a club with weekly assignments, a
//! course, coaching…), each with the competences it builds and to which level. And its file:
//! one CSV row per activity, in English or Welsh column names, read all or nothing.

use crate::Invalid;
use crate::audit::Localised;
use crate::csv_file::{CsvProblem, CsvWriter, FileLanguage, TableFormat, TableMessages, TableRow};
use std::io::Write;

/// What kind of learning an activity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActivityKind {
    Video,
    Guide,
    CaseStudy,
    ELearning,
    Course,
    Webinar,
    Event,
    Club,
    DropIn,
    Shadowing,
    Coaching,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 11] = [
        ActivityKind::Video,
        ActivityKind::Guide,
        ActivityKind::CaseStudy,
        ActivityKind::ELearning,
        ActivityKind::Course,
        ActivityKind::Webinar,
        ActivityKind::Event,
        ActivityKind::Club,
        ActivityKind::DropIn,
        ActivityKind::Shadowing,
        ActivityKind::Coaching,
    ];

    /// As files and addresses write it; pages show the message `activity-kind-{code}`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Video => "video",
            ActivityKind::Guide => "guide",
            ActivityKind::CaseStudy => "case-study",
            ActivityKind::ELearning => "e-learning",
            ActivityKind::Course => "course",
            ActivityKind::Webinar => "webinar",
            ActivityKind::Event => "event",
            ActivityKind::Club => "club",
            ActivityKind::DropIn => "drop-in",
            ActivityKind::Shadowing => "shadowing",
            ActivityKind::Coaching => "coaching",
        }
    }

    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let text = text.trim().to_lowercase();
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
            .ok_or(Invalid("activity-kind-invalid"))
    }
}

/// An activity's stable identifier within its catalogue, kept when the catalogue is exported,
/// imported again or adopted from a network.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActivityCode(String);

impl ActivityCode {
    pub const MAX_LEN: usize = 40;

    /// Letters, digits, `-`, `_` and `.`, up to 40; written in capitals.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Invalid("activity-code-missing"));
        }
        let good = text.len() <= Self::MAX_LEN
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !good {
            return Err(Invalid("activity-code-invalid"));
        }
        Ok(Self(text.to_ascii_uppercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ActivityCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The languages an activity is delivered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Languages {
    pub english: bool,
    pub welsh: bool,
}

impl Languages {
    /// `en`, `cy` or both, separated by spaces or commas.
    pub fn parse(text: &str) -> Result<Self, Invalid> {
        let mut found = Languages::default();
        for word in text.split([' ', ',', ';']).filter(|w| !w.is_empty()) {
            match word.to_lowercase().as_str() {
                "en" => found.english = true,
                "cy" => found.welsh = true,
                _ => return Err(Invalid("activity-languages-invalid")),
            }
        }
        if found == Languages::default() {
            return Err(Invalid("activity-languages-missing"));
        }
        Ok(found)
    }

    pub fn as_str(self) -> &'static str {
        match (self.english, self.welsh) {
            (true, true) => "en cy",
            (false, true) => "cy",
            _ => "en",
        }
    }

    pub fn has(self, code: &str) -> bool {
        match code {
            "en" => self.english,
            "cy" => self.welsh,
            _ => false,
        }
    }
}

/// A competence an activity builds, and the level (1 to 5) it builds it to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Builds {
    /// The competence's code in the organisation's frameworks.
    pub competence: String,
    pub level: u8,
}

/// The longest an activity may take, in minutes: a year's club or programme fits.
pub const MAX_MINUTES: u32 = 10_000;
/// The most an activity may cost, in pence (£10,000).
pub const MAX_COST_PENCE: u32 = 1_000_000;
/// How many competences one activity may build.
pub const MAX_BUILDS: usize = 6;

/// One activity of a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub code: ActivityCode,
    pub title: Localised,
    pub summary: Localised,
    pub kind: ActivityKind,
    pub provider: String,
    /// How long it takes in all, in minutes (a club's or course's every session together).
    pub minutes: u32,
    /// What it costs the service, in pence; 0 when free.
    pub cost_pence: u32,
    pub languages: Languages,
    /// Where to find it, for one that lives elsewhere (a video, e-learning, a webinar).
    pub url: Option<String>,
    /// For e-learning elsewhere: how completing it is recorded.
    pub completion: Option<String>,
    pub builds: Vec<Builds>,
}

impl Activity {
    /// The cost as written in a file and on a page: pounds with two decimals.
    pub fn cost(&self) -> String {
        format_pounds(self.cost_pence)
    }
}

/// Pence as pounds with two decimals: `1250` is `12.50`.
pub fn format_pounds(pence: u32) -> String {
    format!("{}.{:02}", pence / 100, pence % 100)
}

/// Pounds as typed (`12`, `12.5`, `12.50`, `£12.50`) in pence.
pub fn parse_pounds(text: &str) -> Result<u32, Invalid> {
    let bad = Invalid("activity-cost-invalid");
    let text = text.trim().trim_start_matches('£');
    if text.is_empty() {
        return Ok(0);
    }
    let (whole, part) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || part.len() > 2
        || !part.chars().all(|c| c.is_ascii_digit())
    {
        return Err(bad);
    }
    let pounds: u32 = whole.parse().map_err(|_| bad)?;
    let pence: u32 = format!("{part:0<2}").parse().map_err(|_| bad)?;
    let total = pounds
        .checked_mul(100)
        .and_then(|p| p.checked_add(pence))
        .ok_or(bad)?;
    if total > MAX_COST_PENCE {
        return Err(bad);
    }
    Ok(total)
}

/// `CODE:LEVEL` pairs separated by spaces (or commas or semicolons), as files write what an
/// activity builds.
pub fn parse_builds(text: &str) -> Result<Vec<Builds>, Invalid> {
    let mut builds: Vec<Builds> = Vec::new();
    for pair in text.split([' ', ',', ';']).filter(|w| !w.is_empty()) {
        let (code, level) = pair
            .rsplit_once(':')
            .ok_or(Invalid("activity-builds-invalid"))?;
        let level: u8 = level
            .parse()
            .ok()
            .filter(|l| (1..=5).contains(l))
            .ok_or(Invalid("activity-builds-level"))?;
        let code = code.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(Invalid("activity-builds-invalid"));
        }
        if builds.iter().any(|b| b.competence == code) {
            return Err(Invalid("activity-builds-twice"));
        }
        builds.push(Builds {
            competence: code,
            level,
        });
    }
    if builds.is_empty() {
        return Err(Invalid("activity-builds-missing"));
    }
    if builds.len() > MAX_BUILDS {
        return Err(Invalid("activity-builds-too-many"));
    }
    Ok(builds)
}

/// What an activity builds, as a file writes it.
pub fn format_builds(builds: &[Builds]) -> String {
    builds
        .iter()
        .map(|b| format!("{}:{}", b.competence, b.level))
        .collect::<Vec<_>>()
        .join(" ")
}

/// An address people can follow: `http://` or `https://` and no spaces.
pub fn parse_url(text: &str) -> Result<Option<String>, Invalid> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let lower = text.to_ascii_lowercase();
    let good = (lower.starts_with("https://") || lower.starts_with("http://"))
        && text.len() > "https://".len()
        && text.len() <= 500
        && !text.chars().any(|c| c.is_whitespace() || c.is_control());
    if good {
        Ok(Some(text.to_string()))
    } else {
        Err(Invalid("activity-url-invalid"))
    }
}

/// What someone looks for in the catalogue: each part left empty matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityFilter {
    /// Builds this competence (its code)…
    pub competence: Option<String>,
    /// …to at least this level (or, without a competence, builds anything to it).
    pub level: Option<u8>,
    pub kind: Option<ActivityKind>,
    /// Takes no longer than this ("what can I do in 15 minutes?").
    pub most_minutes: Option<u32>,
    pub provider: Option<String>,
    /// Delivered in this language (`en` or `cy`).
    pub language: Option<&'static str>,
    /// Words in its title or summary, in either language (case ignored).
    pub words: Option<String>,
}

impl ActivityFilter {
    pub fn matches(&self, a: &Activity) -> bool {
        let level = self.level.unwrap_or(1);
        let builds = match &self.competence {
            Some(code) => a
                .builds
                .iter()
                .any(|b| b.competence.eq_ignore_ascii_case(code) && b.level >= level),
            None => self.level.is_none() || a.builds.iter().any(|b| b.level >= level),
        };
        let words = self.words.as_deref().map(str::to_lowercase);
        let texts = [
            Some(a.title.en.as_str()),
            a.title.cy.as_deref(),
            Some(a.summary.en.as_str()),
            a.summary.cy.as_deref(),
        ];
        builds
            && self.kind.is_none_or(|k| a.kind == k)
            && self.most_minutes.is_none_or(|m| a.minutes <= m)
            && self
                .provider
                .as_deref()
                .is_none_or(|p| a.provider.eq_ignore_ascii_case(p))
            && self.language.is_none_or(|l| a.languages.has(l))
            && words.is_none_or(|w| {
                w.split_whitespace().all(|word| {
                    texts
                        .iter()
                        .flatten()
                        .any(|t| t.to_lowercase().contains(word))
                })
            })
    }
}

// ---- Sessions ----------------------------------------------------------------------------------

/// Where a session is, as seen from one person: at one of their own sites, online, at another
/// site so far away (kilometres from the nearest of their own sites), or at a site whose
/// distance cannot be told (no coordinates). Sessions are offered in this order, then by when
/// they start: a person's own library first, then ones they need not travel to, then the
/// nearest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Nearness {
    OwnSite,
    Online,
    Away(f64),
    Unknown,
}

impl Nearness {
    /// `venue` is the session's site and its coordinates (`None` online); `own` the person's
    /// sites and theirs.
    pub fn of(
        venue: Option<(crate::SiteId, Option<(f64, f64)>)>,
        own: &[(crate::SiteId, Option<(f64, f64)>)],
    ) -> Nearness {
        let Some((site, at)) = venue else {
            return Nearness::Online;
        };
        if own.iter().any(|(s, _)| *s == site) {
            return Nearness::OwnSite;
        }
        let nearest = at.and_then(|at| {
            own.iter()
                .filter_map(|(_, o)| o.map(|o| distance_km(at, o)))
                .min_by(f64::total_cmp)
        });
        nearest.map_or(Nearness::Unknown, Nearness::Away)
    }

    /// A key that sorts nearer first.
    pub fn rank(self) -> (u8, f64) {
        match self {
            Nearness::OwnSite => (0, 0.0),
            Nearness::Online => (1, 0.0),
            Nearness::Away(km) => (2, km),
            Nearness::Unknown => (3, 0.0),
        }
    }
}

/// The great-circle distance between two (latitude, longitude) points, in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

/// Where someone stands on a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Booking {
    Booked,
    /// Waiting for a place: this many asked before them.
    Waiting(u32),
    Cancelled,
}

// ---- The catalogue file ---------------------------------------------------------------------

/// The columns as (English, Welsh) names, in the order skillgym writes them.
pub const COLUMN_NAMES: [(&str, &str); 13] = [
    ("code", "cod"),
    ("title", "teitl"),
    ("title_cy", "teitl_cy"),
    ("summary", "crynodeb"),
    ("summary_cy", "crynodeb_cy"),
    ("kind", "math"),
    ("provider", "darparwr"),
    ("minutes", "munudau"),
    ("cost", "cost"),
    ("languages", "ieithoedd"),
    ("url", "cyfeiriad"),
    ("completion", "cwblhau"),
    ("competences", "cymwyseddau"),
];

pub const NOT_UTF8: &str = "catalogue-csv-not-utf8";
pub const UNREADABLE: &str = "catalogue-csv-unreadable";
pub const EMPTY: &str = "catalogue-csv-empty";
pub const MISSING_COLUMN: &str = "catalogue-csv-missing-column";
pub const UNKNOWN_COLUMN: &str = "catalogue-csv-unknown-column";
pub const FIELD_COUNT: &str = "catalogue-csv-field-count";
pub const NO_ROWS: &str = "catalogue-csv-no-rows";
pub const CODE_TWICE: &str = "catalogue-csv-code-twice";
pub const TITLE_MISSING: &str = "activity-title-missing";
pub const PROVIDER_MISSING: &str = "activity-provider-missing";
pub const TEXT_TOO_LONG: &str = "activity-text-too-long";
pub const MINUTES_INVALID: &str = "activity-minutes-invalid";
pub const COMPETENCE_UNKNOWN: &str = "activity-competence-unknown";

/// Every problem code reading a catalogue file can give.
pub const PROBLEM_CODES: &[&str] = &[
    NOT_UTF8,
    UNREADABLE,
    EMPTY,
    MISSING_COLUMN,
    UNKNOWN_COLUMN,
    FIELD_COUNT,
    NO_ROWS,
    CODE_TWICE,
    TITLE_MISSING,
    PROVIDER_MISSING,
    TEXT_TOO_LONG,
    MINUTES_INVALID,
    COMPETENCE_UNKNOWN,
    "activity-code-missing",
    "activity-code-invalid",
    "activity-kind-invalid",
    "activity-languages-invalid",
    "activity-languages-missing",
    "activity-cost-invalid",
    "activity-url-invalid",
    "activity-builds-invalid",
    "activity-builds-level",
    "activity-builds-twice",
    "activity-builds-missing",
    "activity-builds-too-many",
];

/// The file's shape, as [`TableFormat`] reads it.
pub const FORMAT: TableFormat = TableFormat {
    columns: &COLUMN_NAMES,
    required: &[
        "code",
        "title",
        "kind",
        "provider",
        "minutes",
        "competences",
    ],
    messages: TableMessages {
        not_utf8: NOT_UTF8,
        unreadable: UNREADABLE,
        empty: EMPTY,
        missing_column: MISSING_COLUMN,
        unknown_column: UNKNOWN_COLUMN,
        field_count: FIELD_COUNT,
    },
};

/// The longest a title may be, and a summary or a provider's name.
const MAX_TITLE: usize = 200;
const MAX_SUMMARY: usize = 2000;
const MAX_PROVIDER: usize = 200;

/// Reads a catalogue file: every activity, or every problem (by line and column) and none of
/// them. `known` says whether a competence code is one of the organisation's.
pub fn read(bytes: &[u8], known: &dyn Fn(&str) -> bool) -> Result<Vec<Activity>, Vec<CsvProblem>> {
    FORMAT.read_register(
        bytes,
        NO_ROWS,
        CODE_TWICE,
        |row, problems| activity(row, known, problems),
        |activity| activity.code.as_str(),
    )
}

/// One row as an activity, or its problems added to `problems`.
fn activity(
    row: &TableRow,
    known: &dyn Fn(&str) -> bool,
    problems: &mut Vec<CsvProblem>,
) -> Option<Activity> {
    let before = problems.len();
    let code = ActivityCode::parse(row.get("code"));
    row.note(problems, "code", &code);
    let kind = ActivityKind::parse(row.get("kind"));
    row.note(problems, "kind", &kind);
    for (column, max, missing) in [
        ("title", MAX_TITLE, Some(TITLE_MISSING)),
        ("title_cy", MAX_TITLE, None),
        ("summary", MAX_SUMMARY, None),
        ("summary_cy", MAX_SUMMARY, None),
        ("provider", MAX_PROVIDER, Some(PROVIDER_MISSING)),
        ("completion", MAX_SUMMARY, None),
    ] {
        let text = row.get(column);
        let problem = match missing {
            Some(code) if text.is_empty() => Some(code),
            _ if text.chars().count() > max => Some(TEXT_TOO_LONG),
            _ => None,
        };
        if let Some(code) = problem {
            row.note::<()>(problems, column, &Err(Invalid(code)));
        }
    }
    let minutes = row
        .get("minutes")
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=MAX_MINUTES).contains(m))
        .ok_or(Invalid(MINUTES_INVALID));
    row.note(problems, "minutes", &minutes);
    let cost = parse_pounds(row.get("cost"));
    row.note(problems, "cost", &cost);
    let languages = match row.get("languages") {
        // A file without the column, or an empty cell: English.
        "" => Ok(Languages {
            english: true,
            welsh: false,
        }),
        text => Languages::parse(text),
    };
    row.note(problems, "languages", &languages);
    let url = parse_url(row.get("url"));
    row.note(problems, "url", &url);
    let builds = parse_builds(row.get("competences"));
    row.note(problems, "competences", &builds);
    if let Ok(builds) = &builds {
        let codes = builds.iter().map(|b| b.competence.as_str());
        row.note_unknown(problems, "competences", codes, known, COMPETENCE_UNKNOWN);
    }
    if problems.len() > before {
        return None;
    }
    let optional = |column: &str| Some(row.get(column).to_string()).filter(|t| !t.is_empty());
    Some(Activity {
        code: code.ok()?,
        title: Localised::new(row.get("title"), optional("title_cy")),
        summary: Localised::new(row.get("summary"), optional("summary_cy")),
        kind: kind.ok()?,
        provider: row.get("provider").to_string(),
        minutes: minutes.ok()?,
        cost_pence: cost.ok()?,
        languages: languages.ok()?,
        url: url.ok()?,
        completion: optional("completion"),
        builds: builds.ok()?,
    })
}

/// Writes a catalogue file with [`CsvWriter`] (a byte-order mark, cells guarded against
/// running as formulas), which [`read`] reads back as it was.
pub fn write<W: Write>(
    out: W,
    activities: &[Activity],
    language: FileLanguage,
) -> std::io::Result<()> {
    let mut writer = CsvWriter::new(out)?;
    writer.row(FORMAT.header(language))?;
    for a in activities {
        writer.row([
            a.code.as_str(),
            &a.title.en,
            a.title.cy.as_deref().unwrap_or(""),
            &a.summary.en,
            a.summary.cy.as_deref().unwrap_or(""),
            a.kind.as_str(),
            &a.provider,
            &a.minutes.to_string(),
            &a.cost(),
            a.languages.as_str(),
            a.url.as_deref().unwrap_or(""),
            a.completion.as_deref().unwrap_or(""),
            &format_builds(&a.builds),
        ])?;
    }
    writer.finish()?.flush()
}

/// The catalogue skillgym's demo organisation starts with, written for skillgym
/// (`content/demo-catalogue.csv`).
pub fn demo_catalogue() -> Vec<Activity> {
    const FILE: &str = include_str!("../content/demo-catalogue.csv");
    read(FILE.as_bytes(), &|_| true).expect("the shipped catalogue reads")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "code,title,title_cy,summary,summary_cy,kind,provider,minutes,cost,languages,url,completion,competences\n";

    fn known(code: &str) -> bool {
        ["SAFE-1", "SAFE-2", "COMMUNICATE-1"].contains(&code)
    }

    fn problems(rows: &str) -> Vec<CsvProblem> {
        read(format!("{HEADER}{rows}").as_bytes(), &known).unwrap_err()
    }

    #[test]
    fn a_row_reads_as_an_activity() {
        let file = format!(
            "{HEADER}act-1,Spot a scam,Sylwi ar sgam,In five minutes,,Video,Digital team,5,0,en cy,https://learning.example.org/v,,SAFE-1:2 safe-2:3\n"
        );
        let read = read(file.as_bytes(), &known).unwrap();
        assert_eq!(read.len(), 1);
        let a = &read[0];
        assert_eq!(a.code.as_str(), "ACT-1");
        assert_eq!(a.title.cy.as_deref(), Some("Sylwi ar sgam"));
        assert_eq!(a.summary.cy, None);
        assert_eq!(a.kind, ActivityKind::Video);
        assert_eq!((a.minutes, a.cost_pence), (5, 0));
        assert!(a.languages.english && a.languages.welsh);
        assert_eq!(
            a.builds,
            [
                Builds {
                    competence: "SAFE-1".into(),
                    level: 2
                },
                Builds {
                    competence: "SAFE-2".into(),
                    level: 3
                }
            ]
        );
    }

    #[test]
    fn every_problem_is_named_by_line_and_column_and_nothing_is_read() {
        let found = problems(
            "A,Fine,,,,video,Team,5,0,en,,,SAFE-1:2\n\
             B,,,,,podcast,,0,12.345,fr,ftp://x,,SAFE-9:2 SAFE-1:7\n\
             a,Again,,,,guide,Team,5,,,,,SAFE-1:1\n",
        );
        let at = |line, column: &str, code: &str| {
            assert!(
                found
                    .iter()
                    .any(|p| p.line == line && p.column == Some(column) && p.code == code),
                "{code} at line {line}, {column}: {found:?}"
            );
        };
        at(3, "title", TITLE_MISSING);
        at(3, "kind", "activity-kind-invalid");
        at(3, "provider", PROVIDER_MISSING);
        at(3, "minutes", MINUTES_INVALID);
        at(3, "cost", "activity-cost-invalid");
        at(3, "languages", "activity-languages-invalid");
        at(3, "url", "activity-url-invalid");
        at(3, "competences", "activity-builds-level");
        at(4, "code", CODE_TWICE);
    }

    #[test]
    fn a_competence_the_organisation_has_not_is_refused() {
        let found = problems("A,Fine,,,,video,Team,5,0,en,,,SAFE-9:2\n");
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].line, found[0].column, found[0].code),
            (2, Some("competences"), COMPETENCE_UNKNOWN)
        );
        assert_eq!(found[0].value.as_deref(), Some("SAFE-9"));
    }

    #[test]
    fn a_file_without_rows_or_columns_says_so() {
        let found = read(HEADER.as_bytes(), &known).unwrap_err();
        assert_eq!(found[0].code, NO_ROWS);
        let found = read(b"code,title\nA,B\n", &known).unwrap_err();
        assert!(
            found
                .iter()
                .any(|p| p.code == MISSING_COLUMN && p.value.as_deref() == Some("minutes"))
        );
    }

    #[test]
    fn a_written_catalogue_reads_back_the_same_in_either_language() {
        let demo = demo_catalogue();
        for language in [FileLanguage::English, FileLanguage::Welsh] {
            let mut out = Vec::new();
            write(&mut out, &demo, language).unwrap();
            assert_eq!(read(&out, &|_| true).unwrap(), demo);
        }
        let mut welsh = Vec::new();
        write(&mut welsh, &demo, FileLanguage::Welsh).unwrap();
        assert!(welsh.starts_with("\u{feff}cod,teitl,teitl_cy".as_bytes()));
    }

    #[test]
    fn a_welsh_header_names_its_problems_columns_in_welsh() {
        let file = "cod,teitl,math,darparwr,munudau,cymwyseddau\nA,Teitl,fideo,Tîm,5,SAFE-1:2\n";
        let found = read(file.as_bytes(), &known).unwrap_err();
        assert_eq!(found[0].column, Some("math"));
    }

    #[test]
    fn a_filter_finds_what_builds_a_competence_far_enough_quickly_enough() {
        let demo = demo_catalogue();
        let quick = ActivityFilter {
            most_minutes: Some(15),
            ..Default::default()
        };
        let found: Vec<_> = demo.iter().filter(|a| quick.matches(a)).collect();
        assert!(found.len() >= 20 && found.iter().all(|a| a.minutes <= 15));
        let phishing = ActivityFilter {
            competence: Some("safe-1".into()),
            level: Some(2),
            language: Some("cy"),
            ..Default::default()
        };
        for a in &demo {
            let expected = a.languages.welsh
                && a.builds
                    .iter()
                    .any(|b| b.competence == "SAFE-1" && b.level >= 2);
            assert_eq!(phishing.matches(a), expected, "{}", a.code);
        }
        let words = ActivityFilter {
            words: Some("PHISHING email".into()),
            ..Default::default()
        };
        assert!(demo.iter().any(|a| words.matches(a)));
        assert!(ActivityFilter::default().matches(&demo[0]));
    }

    #[test]
    fn sessions_are_offered_at_ones_own_sites_then_online_then_the_nearest() {
        use crate::SiteId;
        let cardiff = (51.4816, -3.1791);
        let newport = (51.5842, -2.9977);
        let aberystwyth = (52.4153, -4.0829);
        // Cardiff to Newport is about 17 km; to Aberystwyth about 121 km.
        assert!((distance_km(cardiff, newport) - 17.0).abs() < 1.5);
        assert!((distance_km(cardiff, aberystwyth) - 121.0).abs() < 2.0);
        let own = [(SiteId(1), Some(cardiff)), (SiteId(2), None)];
        let mut sessions = [
            (
                "far",
                Nearness::of(Some((SiteId(3), Some(aberystwyth))), &own),
            ),
            ("unknown", Nearness::of(Some((SiteId(4), None)), &own)),
            (
                "own, no coordinates",
                Nearness::of(Some((SiteId(2), None)), &own),
            ),
            ("online", Nearness::of(None, &own)),
            ("near", Nearness::of(Some((SiteId(5), Some(newport))), &own)),
        ];
        sessions.sort_by(|a, b| {
            let (x, y) = (a.1.rank(), b.1.rank());
            x.0.cmp(&y.0).then(x.1.total_cmp(&y.1))
        });
        let order: Vec<&str> = sessions.iter().map(|s| s.0).collect();
        assert_eq!(
            order,
            ["own, no coordinates", "online", "near", "far", "unknown"]
        );
        // Someone with no site of their own sees every site as unknown distance.
        assert_eq!(
            Nearness::of(Some((SiteId(5), Some(newport))), &[]),
            Nearness::Unknown
        );
    }

    #[test]
    fn pounds_are_read_and_written_in_pence() {
        assert_eq!(parse_pounds("12"), Ok(1200));
        assert_eq!(parse_pounds("£12.5"), Ok(1250));
        assert_eq!(parse_pounds("0.05"), Ok(5));
        assert_eq!(parse_pounds(""), Ok(0));
        for bad in ["12.345", "-1", "1,000", "x", "10000.01"] {
            assert!(parse_pounds(bad).is_err(), "{bad}");
        }
        assert_eq!(format_pounds(1250), "12.50");
    }

    #[test]
    fn the_demo_catalogue_is_broad_enough_to_plan_with() {
        let demo = demo_catalogue();
        assert!(demo.len() >= 60);
        for kind in ActivityKind::ALL {
            assert!(
                demo.iter().filter(|a| a.kind == kind).count() >= 3,
                "{kind:?}"
            );
        }
        assert!(demo.iter().filter(|a| a.minutes <= 15).count() >= 20);
        assert!(demo.iter().filter(|a| a.languages.welsh).count() >= 15);
        assert!(
            demo.iter()
                .all(|a| a.title.cy.is_some() && a.summary.cy.is_some())
        );
    }
}
