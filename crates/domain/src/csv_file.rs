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
