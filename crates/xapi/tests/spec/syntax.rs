//! The data types of Data 4.0: timestamps, durations, language tags, IRIs.

use skillgym_xapi::{Duration, Iri, LanguageTag, Timestamp};
use time::macros::datetime;

#[test]
fn timestamps_in_iso_8601() {
    for (text, at) in [
        (
            "2013-05-18T05:32:34.804+00:00",
            datetime!(2013-05-18 05:32:34.804 UTC),
        ),
        (
            "2013-05-18T05:32:34.804Z",
            datetime!(2013-05-18 05:32:34.804 UTC),
        ),
        ("2013-05-18t05:32:34z", datetime!(2013-05-18 05:32:34 UTC)),
        (
            "2013-05-18T06:32:34+01:00",
            datetime!(2013-05-18 05:32:34 UTC),
        ),
        (
            "2013-05-18T06:32:34+0100",
            datetime!(2013-05-18 05:32:34 UTC),
        ),
        ("2013-05-18T06:32:34+01", datetime!(2013-05-18 05:32:34 UTC)),
        (
            "2013-05-18T00:02:34-05:30",
            datetime!(2013-05-18 05:32:34 UTC),
        ),
        (
            "2013-05-18T05:32:34,5Z",
            datetime!(2013-05-18 05:32:34.5 UTC),
        ),
        ("2013-05-18T05:32Z", datetime!(2013-05-18 05:32 UTC)),
        ("20130518T053234Z", datetime!(2013-05-18 05:32:34 UTC)),
        (
            "20130518T053234.804+0000",
            datetime!(2013-05-18 05:32:34.804 UTC),
        ),
        (
            "2013-05-18T05:32:34.123456789123Z",
            datetime!(2013-05-18 05:32:34.123456789 UTC),
        ),
        (
            "2016-12-31T23:59:60Z",
            datetime!(2016-12-31 23:59:59.999999999 UTC),
        ),
        ("2013-05-18T05:32:34", datetime!(2013-05-18 05:32:34 UTC)),
    ] {
        let parsed = Timestamp::parse(text).unwrap_or_else(|| panic!("{text} refused"));
        assert_eq!(parsed.at(), at, "{text}");
        assert_eq!(parsed.as_str(), text);
    }
    assert!(!Timestamp::parse("2013-05-18T05:32:34").unwrap().has_zone());
}

#[test]
fn not_timestamps() {
    for text in [
        "",
        "should fail",
        "01/011/2015",
        "2015-11-18",
        "2015-11-18 12:17:00Z",
        "2008-09-15T15:53:00.601-00:00",
        "2008-09-15T15:53:00.601-0000",
        "2008-09-15T15:53:00.601-00",
        "2013-13-01T00:00:00Z",
        "2013-02-30T00:00:00Z",
        "2013-05-18T24:00:00Z",
        "2013-05-18T05:60:00Z",
        "2013-05-18T05:32:34.Z",
        "2013-05-18T05:32:34+24:00",
        "2013-05-1805:32:34Z",
        "2013-05-18T053234Z",
        "2013-05-18T05:32:34Z ",
        "13-05-18T05:32:34Z",
    ] {
        assert!(Timestamp::parse(text).is_none(), "{text} accepted");
    }
}

#[test]
fn timestamps_are_rewritten_in_utc_with_their_precision() {
    for (text, utc) in [
        ("2013-05-18T05:32:34.804+00:00", "2013-05-18T05:32:34.804Z"),
        ("2013-05-18T06:32:34+01:00", "2013-05-18T05:32:34Z"),
        ("2013-05-18T01:00:00.120-05:00", "2013-05-18T06:00:00.120Z"),
        ("2013-05-18T05:32Z", "2013-05-18T05:32:00Z"),
        ("2013-05-18T05:32:34", "2013-05-18T05:32:34"),
    ] {
        assert_eq!(
            Timestamp::parse(text).unwrap().to_utc_string(),
            utc,
            "{text}"
        );
    }
}

#[test]
fn durations_in_iso_8601() {
    // Data 4.6.s2's examples, and others of the same format.
    for text in [
        "PT4H35M59.14S",
        "P3Y1M29DT4H35M59.14S",
        "P3Y",
        "P4W",
        "PT1H0M0S",
        "PT1234S",
        "P1D",
        "PT0.5S",
        "PT0,5S",
        "P0.5D",
        "P1Y2M",
        "PT36H",
        "P1DT12H",
        "P0.5W",
    ] {
        assert!(Duration::parse(text).is_some(), "{text} refused");
    }
    for text in [
        // Data 4.6.s2 gives this as "the same time period in seconds", but without the T it is
        // not an ISO 8601 duration: seconds are a time component.
        "P16559.14S",
        "P4W1D",
        "P",
        "PT",
        "P1DT",
        "1H",
        "PT1.5H30M",
        "P1.5DT2H",
        "-PT1H",
        "P1M1Y",
        "PT1S1M",
        "P0001-02-03T04:05:06",
        "pt1h",
        "PT1.S",
        "P1H",
    ] {
        assert!(Duration::parse(text).is_none(), "{text} accepted");
    }
}

#[test]
fn language_tags_follow_rfc_5646() {
    for text in [
        "en",
        "en-US",
        "en-GB",
        "cy",
        "cy-GB",
        "tlh",
        "es-MX",
        "es-419",
        "zh-Hant-TW",
        "zh-yue-HK",
        "de-CH-1901",
        "sl-rozaj-biske",
        "en-a-bbb-x-a-ccc",
        "x-whatever",
        "i-klingon",
        "sgn-BE-FR",
        "en-GB-oed",
        "EN-gb",
        "qaa-Qaaa-QM-x-southern",
        // Well-formed (a language subtag may have 5 to 8 letters), though not registered.
        "english",
    ] {
        assert!(LanguageTag::parse(text).is_some(), "{text} refused");
    }
    for text in [
        "",
        "e",
        "en-",
        "-en",
        "en_US",
        "engl1sh",
        "British English",
        "123",
        "de-419-DE",
        "en-US-GB",
        "a-DE",
        "en-a",
        "en-x",
        "x",
        "toolongtag",
        "en-GB-",
        "zh-Hant-Latn",
    ] {
        assert!(LanguageTag::parse(text).is_none(), "{text} accepted");
    }
}

#[test]
fn iris_have_a_scheme_and_no_forbidden_characters() {
    for text in [
        "http://example.com/xapi/verbs#sent-a-statement",
        "https://www.youtube.com/watch?v=xh4kIiH3Sm8",
        "urn:uuid:fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
        "tag:adlnet.gov,2013:expapi:0.9:activities:x",
        "http://example.com/فعل/خواندن",
        "http://example.com/a%20b",
        "mailto:learner@example.com",
    ] {
        assert!(Iri::parse(text).is_some(), "{text} refused");
    }
    for text in [
        "",
        "completed",
        "/relative/path",
        "//example.com/x",
        "http:",
        "1http://x.com",
        "http://exa mple.com",
        "http://x.com/%zz",
        "http://x.com/a#b#c",
        "http://x.com/<a>",
        ":nothing",
    ] {
        assert!(Iri::parse(text).is_none(), "{text} accepted");
    }
    assert!(Iri::parse_irl("http://www.example.com").is_some());
    assert!(Iri::parse_irl("urn:isbn:0451450523").is_none());
    assert!(Iri::parse_irl("http://").is_none());
}
