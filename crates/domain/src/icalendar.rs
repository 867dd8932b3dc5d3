//! iCalendar (RFC 5545) as skillgym writes it: a calendar of events, each with its times in
//! UTC (so every calendar program shows them at the right local time, whatever side of a change
//! of the clocks they fall), text escaped, and lines folded at 75 octets with CRLF endings.

use std::fmt::Write;
use time::OffsetDateTime;

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stays the same for the same session, so a calendar updates it rather than adding one.
    pub uid: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub summary: String,
    pub location: String,
    pub description: String,
    pub url: Option<String>,
}

/// A whole calendar: `name` is what a calendar program calls it; `now` stamps each event.
pub fn calendar(name: &str, events: &[Event], now: i64) -> String {
    let mut out = String::new();
    let mut line = |text: String| fold(&mut out, &text);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//skillgym//learning sessions//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape(&e.uid)));
        line(format!("DTSTAMP:{}", utc(now)));
        line(format!("DTSTART:{}", utc(e.starts_at)));
        line(format!("DTEND:{}", utc(e.ends_at)));
        line(format!("SUMMARY:{}", escape(&e.summary)));
        if !e.location.is_empty() {
            line(format!("LOCATION:{}", escape(&e.location)));
        }
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&e.description)));
        }
        if let Some(url) = &e.url {
            line(format!("URL:{url}"));
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// An instant as a UTC DATE-TIME: `20270701T090000Z`.
pub fn utc(unix: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// TEXT as RFC 5545 writes it: backslash, semicolon and comma escaped, line breaks as `\n`,
/// other control characters left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line folded so that no line is longer than 75 octets (a continuation starts
/// with one space), never splitting a character, each ending in CRLF.
fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    let _ = out.write_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(summary: &str) -> Event {
        Event {
            uid: "session-7@skillgym".into(),
            starts_at: 1_814_432_400, // 2027-07-01 09:00 UTC
            ends_at: 1_814_437_800,
            summary: summary.into(),
            location: "Afon Central Library".into(),
            description: "Line one\nLine two; with, punctuation \\ and a backslash".into(),
            url: Some("https://skills.example.org/learning/3".into()),
        }
    }

    #[test]
    fn times_are_utc_and_text_is_escaped() {
        let text = calendar("My sessions", &[event("Phishing")], 1_814_000_000);
        assert!(text.contains("DTSTART:20270701T090000Z\r\n"));
        assert!(text.contains("DTEND:20270701T103000Z\r\n"));
        assert!(text.contains(
            "DESCRIPTION:Line one\\nLine two\\; with\\, punctuation \\\\ and a backslash\r\n"
        ));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "every line ends CRLF"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_letter() {
        let long =
            "Cyflwyniad i ŵyl ddigidol: sut i helpu pobl i ddefnyddio'r ap yn hyderus ".repeat(3);
        let text = calendar("x", &[event(&long)], 0);
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        // Unfolded, the summary is whole again.
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", escape(&long))));
    }
}
