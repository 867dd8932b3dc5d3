//! The weekly question: anyone asks the digital team (the organisation's trainers and
//! administrators) a question, with their name or without it. The team answers; each Monday
//! from 09:00 on the UK's clock, everyone gets one email with the answers given the week
//! before, and every answer stays in a searchable FAQ.

use crate::text::written;
use crate::{Invalid, uk_time};
use time::{Date, Duration, Time, Weekday};

/// The longest question, in characters.
pub const MOST_QUESTION: usize = 2000;
/// The longest answer, in characters.
pub const MOST_ANSWER: usize = 8000;

/// The hour of the UK's Monday from which the week's digest goes out.
pub const DIGEST_FROM_HOUR: u8 = 9;

/// A question as someone asked it, or as the team worded it for the FAQ.
pub fn parse_question(raw: &str) -> Result<String, Invalid> {
    written(
        raw,
        MOST_QUESTION,
        "question-missing",
        "question-too-long",
        "question-text-invalid",
    )
}

/// The team's answer.
pub fn parse_answer(raw: &str) -> Result<String, Invalid> {
    written(
        raw,
        MOST_ANSWER,
        "answer-missing",
        "answer-too-long",
        "question-text-invalid",
    )
}

/// The week a digest sent at `at` carries: the answers given from the Monday before last's
/// midnight to last Monday's, on the UK's clock. `None` before 09:00 on a Monday, when the
/// week before is not yet sent. Returns that week's Monday and the instants it runs between
/// (from, to: `from <= answered_at < to`).
pub fn digest_week(at: i64) -> Option<(Date, i64, i64)> {
    let local = uk_time::local(at);
    let today = local.date();
    if today.weekday() == Weekday::Monday && local.hour() < DIGEST_FROM_HOUR {
        return None;
    }
    let this_monday = today - Duration::days(i64::from(today.weekday().number_days_from_monday()));
    let monday = this_monday - Duration::days(7);
    let midnight = |d: Date| uk_time::instant(d.with_time(Time::MIDNIGHT)).ok();
    Some((monday, midnight(monday)?, midnight(this_monday)?))
}

/// Whether `text` holds every word of `words` (any case): the FAQ's search.
pub fn matches_words(words: &str, text: &[&str]) -> bool {
    let haystack: String = text
        .iter()
        .map(|t| t.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    words
        .split_whitespace()
        .all(|w| haystack.contains(&w.to_lowercase()))
}

/// A question of the demo organisation's, in English and Welsh: (question, answer).
pub struct DemoQuestion {
    pub en: (&'static str, &'static str),
    pub cy: (&'static str, &'static str),
}

/// The demo's answered questions, each about the competence of the catalogue activity at the
/// same place, and one more question waiting for an answer (the last).
pub const DEMO_QUESTIONS: [DemoQuestion; 5] = [
    DemoQuestion {
        en: (
            "Someone wants to scan a document to send to the council. Which of our PCs can do it?",
            "Every PC in the study area can scan from the printer-copier: choose Scan to USB on the copier's screen, or Scan to email to send it to their own address. The council's forms accept PDF and JPEG.",
        ),
        cy: (
            "Mae rhywun eisiau sganio dogfen i'w hanfon at y cyngor. Pa rai o'n cyfrifiaduron ni sy'n gallu gwneud hynny?",
            "Mae pob cyfrifiadur yn yr ardal astudio'n gallu sganio o'r argraffydd-copïwr: dewiswch Sganio i USB ar sgrin y copïwr, neu Sganio i e-bost i'w anfon i'w cyfeiriad eu hunain. Mae ffurflenni'r cyngor yn derbyn PDF a JPEG.",
        ),
    },
    DemoQuestion {
        en: (
            "How do I help someone who has forgotten their email password?",
            "Let them do it themselves, on their own phone if they can: choose Forgot password on the sign-in page and follow the code sent by text. Never type a password for them, and never write one down.",
        ),
        cy: (
            "Sut ydw i'n helpu rhywun sydd wedi anghofio cyfrinair ei e-bost?",
            "Gadewch iddyn nhw ei wneud eu hunain, ar eu ffôn eu hunain os gallan nhw: dewiswch Wedi anghofio'r cyfrinair ar y dudalen fewngofnodi a dilyn y cod a anfonir drwy neges destun. Peidiwch byth â theipio cyfrinair ar eu rhan, na'i ysgrifennu.",
        ),
    },
    DemoQuestion {
        en: (
            "Is it safe to let a customer use their own USB stick on our PCs?",
            "Yes: the PCs scan every USB stick when it goes in, and wipe themselves at the end of each session. Remind the customer to take the stick with them.",
        ),
        cy: (
            "Ydy hi'n ddiogel gadael i gwsmer ddefnyddio ei gof bach USB ei hun ar ein cyfrifiaduron?",
            "Ydy: mae'r cyfrifiaduron yn sganio pob cof bach USB wrth iddo fynd i mewn, ac yn clirio eu hunain ar ddiwedd pob sesiwn. Atgoffwch y cwsmer i fynd â'r cof bach gyda nhw.",
        ),
    },
    DemoQuestion {
        en: (
            "Can we share photos of a Code Club session on the library's Facebook page?",
            "Only with written consent from a parent or carer for each child who can be recognised. The consent form is on the staff intranet; keep the signed forms at the branch.",
        ),
        cy: (
            "Allwn ni rannu lluniau o sesiwn Clwb Codio ar dudalen Facebook y llyfrgell?",
            "Dim ond gyda chaniatâd ysgrifenedig rhiant neu ofalwr ar gyfer pob plentyn y gellir ei adnabod. Mae'r ffurflen ganiatâd ar fewnrwyd y staff; cadwch y ffurflenni wedi'u llofnodi yn y gangen.",
        ),
    },
    DemoQuestion {
        en: (
            "What should I say when someone asks whether an email they got from 'HMRC' is real?",
            "",
        ),
        cy: (
            "Beth ddylwn i ei ddweud pan fydd rhywun yn gofyn a yw e-bost a gawson nhw gan 'CThEF' yn un go iawn?",
            "",
        ),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn utc(at: time::PrimitiveDateTime) -> i64 {
        at.assume_utc().unix_timestamp()
    }

    #[test]
    fn a_question_is_trimmed_and_kept_within_its_length() {
        assert_eq!(
            parse_question("  How do I scan?  ").unwrap(),
            "How do I scan?"
        );
        assert_eq!(parse_question("   "), Err(Invalid("question-missing")));
        assert_eq!(
            parse_question(&"a".repeat(MOST_QUESTION + 1)),
            Err(Invalid("question-too-long"))
        );
        assert!(parse_question(&"a".repeat(MOST_QUESTION)).is_ok());
        assert_eq!(
            parse_question("one\r\ntwo").unwrap(),
            "one\ntwo",
            "line breaks are kept, the same on every browser"
        );
        assert_eq!(
            parse_question("bell\u{7}"),
            Err(Invalid("question-text-invalid"))
        );
        assert_eq!(parse_answer(""), Err(Invalid("answer-missing")));
    }

    #[test]
    fn the_digest_of_a_week_goes_from_nine_on_the_monday_after_it() {
        // Monday 2 November 2026, GMT: 08:59 is too early, 09:00 sends the week of 26 October.
        assert_eq!(digest_week(utc(datetime!(2026-11-02 08:59))), None);
        let (monday, from, to) = digest_week(utc(datetime!(2026-11-02 09:00))).unwrap();
        assert_eq!(monday, time::macros::date!(2026 - 10 - 26));
        // 26 October is in GMT (summer time ended on the 25th): midnight is 00:00 UTC.
        assert_eq!(from, utc(datetime!(2026-10-26 00:00)));
        assert_eq!(to, utc(datetime!(2026-11-02 00:00)));
        // Any later day of the week still means that week, for an instance that was down on
        // the Monday.
        let (later, ..) = digest_week(utc(datetime!(2026-11-08 23:59))).unwrap();
        assert_eq!(later, monday);
    }

    #[test]
    fn a_week_in_summer_time_starts_at_the_uk_midnight() {
        // Monday 6 July 2026, BST: the UK's 09:00 is 08:00 UTC.
        assert_eq!(digest_week(utc(datetime!(2026-07-06 07:59))), None);
        let (monday, from, to) = digest_week(utc(datetime!(2026-07-06 08:00))).unwrap();
        assert_eq!(monday, time::macros::date!(2026 - 06 - 29));
        assert_eq!(from, utc(datetime!(2026-06-28 23:00)));
        assert_eq!(to, utc(datetime!(2026-07-05 23:00)));
    }

    #[test]
    fn the_week_the_clocks_go_back_is_an_hour_longer() {
        // The clocks went back at 01:00 UTC on Sunday 25 October 2026.
        let (monday, from, to) = digest_week(utc(datetime!(2026-10-26 10:00))).unwrap();
        assert_eq!(monday, time::macros::date!(2026 - 10 - 19));
        assert_eq!(to - from, 7 * 24 * 3600 + 3600);
    }

    #[test]
    fn the_search_needs_every_word_in_any_case() {
        let text = ["How do I scan a document?", "Use the Office Lens app."];
        assert!(matches_words("scan LENS", &text));
        assert!(matches_words("", &text));
        assert!(!matches_words("scan printer", &text));
    }
}
