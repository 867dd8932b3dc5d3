//! What every CSV file has in common, whatever it holds (staff, survey responses, frameworks,
//! figures). Files people upload: UTF-8 text with an optional byte order mark, line numbers as
//! an editor shows them, rows a spreadsheet left blank, and a list of problems that stops
//! growing. Files skillgym writes: [`CsvWriter`], the one writer every CSV download and export
//! goes through, with the guard against spreadsheet formulas.

use std::borrow::Cow;
use std::io::Write;

/// The language of a re-importable file's column names. Each such format (the staff file, the
/// framework sheet) names every column in English and in Welsh; a file may use either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FileLanguage {
    #[default]
    English,
    Welsh,
}

impl FileLanguage {
    /// The language for a BCP 47 tag such as `cy` or `en-GB`: Welsh for `cy`, otherwise English.
    pub fn from_tag(tag: &str) -> Self {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("cy") {
            Self::Welsh
        } else {
            Self::English
        }
    }

    /// The name in this language from an (English, Welsh) pair.
    pub fn pick(self, (english, welsh): (&'static str, &'static str)) -> &'static str {
        match self {
            Self::English => english,
            Self::Welsh => welsh,
        }
    }
}

/// Finds a header name in a table of (English, Welsh) column names, ignoring case and the
/// spaces round it: the column's position and the language it was written in.
pub(crate) fn find_column(
    table: &[(&'static str, &'static str)],
    raw: &str,
) -> Option<(usize, FileLanguage)> {
    let name = raw.trim().to_lowercase();
    table.iter().enumerate().find_map(|(i, (en, cy))| {
        if *en == name {
            Some((i, FileLanguage::English))
        } else if *cy == name {
            Some((i, FileLanguage::Welsh))
        } else {
            None
        }
    })
}

/// The file as text, without the byte order mark spreadsheets put first; or, when it is not
/// UTF-8, the 1-based line of its first bad byte.
pub(crate) fn text(bytes: &[u8]) -> Result<&str, u64> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| line_at(bytes, e.valid_up_to()))
}

/// The 1-based line holding byte `at`, counted as [`LineCounter`] counts.
pub(crate) fn line_at(bytes: &[u8], at: usize) -> u64 {
    1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64
}

/// Finds the line each record starts on, by counting newlines up to its first byte: "line 7"
/// is the file's 7th line, the header being line 1, as an editor numbers them. A Windows (CRLF)
/// ending is one line break, and a line break inside a quoted cell starts a new line, so a
/// record after such a cell starts further down than its row number in a spreadsheet (the two
/// agree otherwise). The csv crate's own `Position::line()` counts a CRLF file's lines one too
/// many and skips blank lines, so it is not used.
pub(crate) struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            at: 0,
            line: 1,
        }
    }

    /// The line `record` starts on; records must come in file order.
    pub fn record(&mut self, record: &csv::StringRecord) -> u64 {
        // The csv crate gives where it started reading, which is before any empty lines it
        // skipped on the way to the record.
        let mut start = record
            .position()
            .map_or(self.at, |p| p.byte() as usize)
            .clamp(self.at, self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        self.line += self.bytes[self.at..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.at = start;
        self.line
    }
}

/// Where a quoted field opens that no quote closes, following the csv crate's own reading of
/// quotes (a quote that does not start a field is an ordinary character).
pub(crate) fn unclosed_quote(bytes: &[u8]) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted(usize),
        QuoteInQuoted,
    }
    if !bytes.contains(&b'"') {
        return None;
    }
    let mut state = State::FieldStart;
    for (i, &b) in bytes.iter().enumerate() {
        let ends_field = matches!(b, b',' | b'\n' | b'\r');
        state = match state {
            State::FieldStart if b == b'"' => State::Quoted(i),
            State::FieldStart | State::Unquoted | State::QuoteInQuoted if ends_field => {
                State::FieldStart
            }
            State::FieldStart | State::Unquoted => State::Unquoted,
            State::Quoted(_) if b == b'"' => State::QuoteInQuoted,
            State::Quoted(at) => State::Quoted(at),
            State::QuoteInQuoted if b == b'"' => State::Quoted(i),
            State::QuoteInQuoted => State::Unquoted,
        };
    }
    match state {
        State::Quoted(at) => Some(at),
        _ => None,
    }
}

/// The byte order mark every CSV file skillgym writes starts with: Excel needs it to read
/// names such as "Siân" as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a cell may start with for a spreadsheet to run it as a formula (or, for tab and
/// carriage return, to hide such a start): `=`, `+`, `-`, `@`, tab and carriage return.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written to a CSV file: text a spreadsheet would run as a formula
/// (`=HYPERLINK(…)`, `+44…`, `-1+1`, `@SUM(…)`) gets a leading apostrophe, so it shows as
/// the text it is. A plain number (`-0.25`, `+3`, `-1e-5`) is left alone: a spreadsheet reads
/// it as a number, never as a formula, and a negative mean must stay a number. Text that
/// already starts with apostrophes before such a start gets one more, so that [`unguarded`]
/// gives back exactly what was written.
pub fn guarded(cell: &str) -> Cow<'_, str> {
    if needs_guard(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as read back from a file skillgym wrote: [`guarded`] undone, so that exporting and
/// importing again (a staff file, a framework) changes nothing.
pub fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

fn needs_guard(cell: &str) -> bool {
    let start = cell.trim_start_matches('\'');
    start.starts_with(FORMULA_STARTS) && !is_plain_number(start)
}

/// A decimal number with an optional sign and exponent, and nothing else.
fn is_plain_number(cell: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            (whole.is_empty() || digits(whole))
                && (fraction.is_empty() || digits(fraction))
                && !(whole.is_empty() && fraction.is_empty())
        }
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(digits)
}

/// The one writer of CSV files: a byte order mark first, lines ending in CRLF (as Excel writes
/// them), and every cell [`guarded`].
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> CsvWriter<W> {
    /// Starts a file on `out` with the byte order mark.
    pub fn new(mut out: W) -> std::io::Result<Self> {
        out.write_all(BOM)?;
        Ok(Self {
            inner: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(out),
        })
    }

    /// Writes one row (the headings are a row like any other).
    pub fn row<I, T>(&mut self, cells: I) -> std::io::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        for cell in cells {
            self.inner.write_field(guarded(cell.as_ref()).as_bytes())?;
        }
        self.inner.write_record(None::<&[u8]>)?;
        Ok(())
    }

    /// Writes out whatever is buffered and hands back the output.
    pub fn finish(self) -> std::io::Result<W> {
        self.inner.into_inner().map_err(|e| e.into_error())
    }
}

/// A whole file in memory, from its rows (headings first).
pub fn to_bytes<I, R, T>(rows: I) -> std::io::Result<Vec<u8>>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = T>,
    T: AsRef<str>,
{
    let mut writer = CsvWriter::new(Vec::new())?;
    for row in rows {
        writer.row(row)?;
    }
    writer.finish()
}

/// Spreadsheets save rows of empty cells below the data; they carry nothing.
pub(crate) fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|f| f.trim().is_empty())
}

/// Something wrong in a table file, by line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    /// The file line; 0 when the problem is about the whole file.
    pub line: u64,
    /// The column as the file's header names it (English or Welsh).
    pub column: Option<&'static str>,
    /// Fluent message id.
    pub code: &'static str,
    /// The offending value, when showing it helps.
    pub value: Option<String>,
}

impl CsvProblem {
    pub fn new(line: u64, column: Option<&'static str>, code: &'static str) -> Self {
        Self {
            line,
            column,
            code,
            value: None,
        }
    }

    pub fn with_value(mut self, value: &str) -> Self {
        self.value = Some(value.chars().take(60).collect());
        self
    }
}

/// The message ids of the problems any table file can have, in its format's own words.
pub struct TableMessages {
    pub not_utf8: &'static str,
    pub unreadable: &'static str,
    pub empty: &'static str,
    pub missing_column: &'static str,
    pub unknown_column: &'static str,
    pub field_count: &'static str,
}

/// A file format of one table: a header row naming its columns, then a row per thing.
///
/// The Welsh column names are part of the format, as the English ones are: they live in code
/// and not in the Fluent message files, so that a translator's edit can never stop a file
/// importing.
pub struct TableFormat {
    /// The columns as (English, Welsh) names, in the order skillgym writes them. A file may
    /// give them in any order, name them in either language and leave out optional ones.
    pub columns: &'static [(&'static str, &'static str)],
    /// The English names of the columns a file must have.
    pub required: &'static [&'static str],
    pub messages: TableMessages,
}

/// One data row of a table file, by its columns' English names.
pub struct TableRow {
    pub line: u64,
    fields: std::collections::HashMap<&'static str, String>,
}

impl TableRow {
    /// A cell, trimmed, with the formula guard an export wrote undone; empty when the file has
    /// no such column.
    pub fn get(&self, column: &str) -> &str {
        self.fields.get(column).map_or("", |v| unguarded(v.trim()))
    }

    /// Adds the problem of `result`, if it failed, as the problem of this row's `column`,
    /// with the cell's value.
    pub fn note<T>(
        &self,
        problems: &mut Vec<CsvProblem>,
        column: &'static str,
        result: &Result<T, crate::Invalid>,
    ) {
        if let Err(crate::Invalid(code)) = result {
            problems
                .push(CsvProblem::new(self.line, Some(column), code).with_value(self.get(column)));
        }
    }

    /// The pair of cells `{prefix}_en` and `{prefix}_cy`.
    pub fn localised(&self, prefix: &str) -> crate::audit::Localised {
        crate::audit::Localised::new(
            self.get(&format!("{prefix}_en")),
            Some(self.get(&format!("{prefix}_cy")).to_string()),
        )
    }
}

impl TableFormat {
    /// The column names in one language, in the order skillgym writes them.
    pub fn header(&self, language: FileLanguage) -> Vec<&'static str> {
        self.columns
            .iter()
            .map(|names| language.pick(*names))
            .collect()
    }

    /// A column's name in `language`, from its English name.
    fn named_in(&self, language: FileLanguage, english: &'static str) -> &'static str {
        self.columns
            .iter()
            .find(|(en, _)| *en == english)
            .map_or(english, |names| language.pick(*names))
    }

    /// Names the columns of `problems` (and a missing column's name given as their value) in
    /// `language`: problems speak of columns as the file's header does.
    pub fn name_columns(&self, problems: &mut [CsvProblem], language: FileLanguage) {
        for p in problems {
            p.column = p.column.map(|c| self.named_in(language, c));
            if p.code == self.messages.missing_column
                && let Some(value) = &mut p.value
                && let Some((english, _)) =
                    self.columns.iter().find(|(en, _)| *en == value.as_str())
            {
                *value = self.named_in(language, english).to_string();
            }
        }
    }

    /// Reads a file's rows (blank ones left out) and the problems found reading them: not
    /// UTF-8, a quote never closed, no header, a column unknown, twice or missing (none of
    /// whose rows are read), or a row with another number of cells (left out).
    pub fn read(&self, bytes: &[u8]) -> ReadTable {
        let m = &self.messages;
        let refused = |problem| ReadTable {
            rows: Vec::new(),
            problems: vec![problem],
            language: FileLanguage::English,
        };
        let bytes = match text(bytes) {
            Ok(text) => text.as_bytes(),
            Err(line) => return refused(CsvProblem::new(line, None, m.not_utf8)),
        };
        // The csv crate reads an unclosed quote as a field running to the end of the file; say
        // where the quote was opened instead.
        if let Some(at) = unclosed_quote(bytes) {
            return refused(CsvProblem::new(line_at(bytes, at), None, m.unreadable));
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut lines = LineCounter::new(bytes);
        let mut records = Vec::new();
        for record in reader.records() {
            match record {
                Ok(r) => {
                    let line = lines.record(&r);
                    if !is_blank(&r) {
                        records.push((line, r));
                    }
                }
                Err(e) => {
                    let line = e
                        .position()
                        .map_or(0, |p| line_at(bytes, (p.byte() as usize).min(bytes.len())));
                    return refused(CsvProblem::new(line, None, m.unreadable));
                }
            }
        }
        let Some(((header_line, header), rows)) = records.split_first() else {
            return refused(CsvProblem::new(0, None, m.empty));
        };
        let mut problems = Vec::new();
        let mut columns: Vec<Option<&'static str>> = Vec::new();
        let mut first_language = None;
        for name in header {
            let found = find_column(self.columns, name);
            match found {
                Some((i, lang)) if !columns.contains(&Some(self.columns[i].0)) => {
                    columns.push(Some(self.columns[i].0));
                    first_language.get_or_insert(lang);
                }
                _ => {
                    let name = name.trim().to_lowercase();
                    problems.push(
                        CsvProblem::new(*header_line, None, m.unknown_column).with_value(&name),
                    );
                    columns.push(None);
                }
            }
        }
        let language = first_language.unwrap_or_default();
        for required in self.required {
            if !columns.contains(&Some(*required)) {
                problems.push(
                    CsvProblem::new(*header_line, None, m.missing_column).with_value(required),
                );
            }
        }
        if !problems.is_empty() {
            return ReadTable {
                rows: Vec::new(),
                problems,
                language,
            };
        }
        let mut read = Vec::new();
        for (line, r) in rows {
            if r.len() != header.len() {
                problems.push(
                    CsvProblem::new(*line, None, m.field_count).with_value(&r.len().to_string()),
                );
                continue;
            }
            let fields = columns
                .iter()
                .zip(r.iter())
                .filter_map(|(c, v)| c.map(|c| (c, v.to_string())))
                .collect();
            read.push(TableRow {
                line: *line,
                fields,
            });
        }
        ReadTable {
            rows: read,
            problems,
            language,
        }
    }
}

/// What [`TableFormat::read`] found.
pub struct ReadTable {
    pub rows: Vec<TableRow>,
    pub problems: Vec<CsvProblem>,
    /// The language the header is written in (that of its first known column; English when
    /// there is none).
    pub language: FileLanguage,
}

impl TableFormat {
    /// Reads a file with a row per thing: each row read by `each` (which adds the row's
    /// problems and gives nothing when there are any), and the file refused with `no_rows`
    /// when it has none. Every thing, or every problem (columns named in the file's language)
    /// and no thing. A file whose header or text is wrong has its rows left unread.
    pub fn read_rows<T>(
        &self,
        bytes: &[u8],
        no_rows: &'static str,
        mut each: impl FnMut(&TableRow, &mut Vec<CsvProblem>) -> Option<T>,
    ) -> Result<Vec<T>, Vec<CsvProblem>> {
        let table = self.read(bytes);
        let mut problems = table.problems;
        let mut things = Vec::new();
        if !problems.iter().any(|p| p.code != self.messages.field_count) {
            if table.rows.is_empty() && problems.is_empty() {
                problems.push(CsvProblem::new(0, None, no_rows));
            }
            for row in &table.rows {
                if let Some(thing) = each(row, &mut problems) {
                    things.push(thing);
                }
            }
        }
        if problems.is_empty() {
            Ok(things)
        } else {
            self.name_columns(&mut problems, table.language);
            Err(problems)
        }
    }

    /// [`TableFormat::read_rows`] for a register, whose things each have a code of their own
    /// (in the `code` column): a code given twice is a problem, `code_twice`, of its second row.
    pub fn read_register<T>(
        &self,
        bytes: &[u8],
        no_rows: &'static str,
        code_twice: &'static str,
        mut each: impl FnMut(&TableRow, &mut Vec<CsvProblem>) -> Option<T>,
        code: impl Fn(&T) -> &str,
    ) -> Result<Vec<T>, Vec<CsvProblem>> {
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        self.read_rows(bytes, no_rows, |row, problems| {
            let thing = each(row, problems)?;
            if !seen.insert(code(&thing).to_string()) {
                problems.push(
                    CsvProblem::new(row.line, Some("code"), code_twice).with_value(code(&thing)),
                );
            }
            Some(thing)
        })
    }
}

/// What a list of codes may be wrong with, as message ids.
pub struct CodeListMessages {
    pub twice: &'static str,
    pub missing: &'static str,
    pub too_many: &'static str,
}

/// The words of a cell listing codes: separated by spaces, commas, semicolons or lines.
pub fn code_words(text: &str) -> impl Iterator<Item = &str> {
    text.split([' ', ',', ';', '\n'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
}

/// Codes (such as competences) separated by spaces, commas, semicolons or lines, in capitals,
/// each once: at least one and at most `max`.
pub fn parse_code_list(
    text: &str,
    max: usize,
    messages: &CodeListMessages,
) -> Result<Vec<String>, crate::Invalid> {
    let mut codes: Vec<String> = Vec::new();
    for code in code_words(text) {
        let code = code.to_ascii_uppercase();
        if codes.contains(&code) {
            return Err(crate::Invalid(messages.twice));
        }
        codes.push(code);
    }
    if codes.is_empty() {
        return Err(crate::Invalid(messages.missing));
    }
    if codes.len() > max {
        return Err(crate::Invalid(messages.too_many));
    }
    Ok(codes)
}

impl TableRow {
    /// Adds a problem `unknown` of `column` for each of `codes` that `known` does not know.
    pub fn note_unknown<'a>(
        &self,
        problems: &mut Vec<CsvProblem>,
        column: &'static str,
        codes: impl IntoIterator<Item = &'a str>,
        known: &dyn Fn(&str) -> bool,
        unknown: &'static str,
    ) {
        for c in codes.into_iter().filter(|c| !known(c)) {
            problems.push(CsvProblem::new(self.line, Some(column), unknown).with_value(c));
        }
    }
}

/// Problems collected up to a limit, then one saying there are too many, and no more: a file
/// wrong on every line would otherwise bury the reader.
pub(crate) struct Problems<P> {
    pub list: Vec<P>,
    /// The limit was reached: nothing more is kept.
    pub full: bool,
    limit: usize,
    too_many: Option<P>,
}

impl<P> Problems<P> {
    /// Keeps `limit` problems, then adds `too_many`.
    pub fn new(limit: usize, too_many: P) -> Self {
        Self {
            list: Vec::new(),
            full: false,
            limit,
            too_many: Some(too_many),
        }
    }

    pub fn push(&mut self, problem: P) {
        if self.full {
            return;
        }
        if self.list.len() == self.limit {
            self.full = true;
            self.list.extend(self.too_many.take());
        } else {
            self.list.push(problem);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGISTER: TableFormat = TableFormat {
        columns: &[("code", "cod"), ("skills", "sgiliau")],
        required: &["code"],
        messages: TableMessages {
            not_utf8: "t-not-utf8",
            unreadable: "t-unreadable",
            empty: "t-empty",
            missing_column: "t-missing-column",
            unknown_column: "t-unknown-column",
            field_count: "t-field-count",
        },
    };

    const LIST: CodeListMessages = CodeListMessages {
        twice: "t-twice",
        missing: "t-missing",
        too_many: "t-too-many",
    };

    /// Reads `file` as a register whose rows are a code and a list of at most two known skills.
    fn register(file: &str) -> Result<Vec<(String, Vec<String>)>, Vec<CsvProblem>> {
        let known = |c: &str| c.starts_with("OK");
        REGISTER.read_register(
            file.as_bytes(),
            "t-no-rows",
            "t-code-twice",
            |row, problems| {
                let before = problems.len();
                let skills = parse_code_list(row.get("skills"), 2, &LIST);
                row.note(problems, "skills", &skills);
                if let Ok(codes) = &skills {
                    let codes = codes.iter().map(String::as_str);
                    row.note_unknown(problems, "skills", codes, &known, "t-unknown");
                }
                if problems.len() > before {
                    return None;
                }
                Some((row.get("code").to_string(), skills.ok()?))
            },
            |(code, _)| code.as_str(),
        )
    }

    #[test]
    fn a_register_is_every_row_or_every_problem_and_a_code_once() {
        assert_eq!(
            register("code,skills\nA,ok-1 ok-2\nB,\"ok-3;ok-1\"\n"),
            Ok(vec![
                ("A".into(), vec!["OK-1".into(), "OK-2".into()]),
                ("B".into(), vec!["OK-3".into(), "OK-1".into()]),
            ])
        );
        let problems = register(
            "cod,sgiliau\nA,OK-1 ok-1\nB,\nC,OK-1 OK-2 OK-3\nD,OK-1 NO-1\nE,OK-1\nE,OK-2\n",
        )
        .unwrap_err();
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.line, p.column, p.code, p.value.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (2, Some("sgiliau"), "t-twice", Some("OK-1 ok-1")),
                (3, Some("sgiliau"), "t-missing", Some("")),
                (4, Some("sgiliau"), "t-too-many", Some("OK-1 OK-2 OK-3")),
                (5, Some("sgiliau"), "t-unknown", Some("NO-1")),
                (7, Some("cod"), "t-code-twice", Some("E")),
            ]
        );
        assert_eq!(register("code,skills\n").unwrap_err()[0].code, "t-no-rows");
        // A wrong header: its rows are not read.
        let problems = register("code,other\nA,OK-1\nA,OK-1\n").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "t-unknown-column");
    }

    #[test]
    fn text_drops_the_byte_order_mark_and_finds_the_first_bad_line() {
        assert_eq!(text(b"\xEF\xBB\xBFa,b\n"), Ok("a,b\n"));
        assert_eq!(text(b"a\nb\n\xFFc"), Err(3));
        assert_eq!(text(b"\xEF\xBB\xBF\xFF"), Err(1));
    }

    #[test]
    fn text_a_spreadsheet_would_run_is_guarded_and_numbers_are_not() {
        for formula in [
            "=HYPERLINK(\"https://evil.example\",\"Click\")",
            "+44 7700 900123",
            "-1+1",
            "-",
            "@SUM(A1:A9)",
            "\t=1+1",
            "\r=1+1",
            "-e5",
            "+.",
            "'=already quoted",
        ] {
            assert_eq!(guarded(formula), format!("'{formula}"), "{formula:?}");
            assert_eq!(unguarded(&guarded(formula)), formula, "{formula:?}");
        }
        for plain in [
            "", "Siân", "0", "-0.25", "+3", "-1e-5", "2.5E+3", "-.5", "12.", "'-5", "'", "a=b",
        ] {
            assert_eq!(guarded(plain), plain, "{plain:?}");
            assert_eq!(unguarded(plain), plain, "{plain:?}");
        }
    }

    #[test]
    fn the_writer_starts_with_the_mark_ends_lines_with_crlf_and_guards_every_cell() {
        let bytes = to_bytes([
            vec!["name", "mean"],
            vec!["=HYPERLINK(\"x\")", "-0.50"],
            vec!["Llŷr, \"Ll\"", "3"],
        ])
        .unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{feff}name,mean\r\n\"'=HYPERLINK(\"\"x\"\")\",-0.50\r\n\"Llŷr, \"\"Ll\"\"\",3\r\n"
        );
    }

    #[test]
    fn problems_stop_after_the_limit_with_one_more_saying_so() {
        let mut problems = Problems::new(2, "too many");
        for p in ["a", "b", "c", "d"] {
            problems.push(p);
        }
        assert_eq!(problems.list, ["a", "b", "too many"]);
        assert!(problems.full);
    }
}
