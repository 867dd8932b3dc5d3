//! Horizon scanning: anyone clips a link with a note and tags; a synthesis groups a period's
//! clippings by tag (by default the last six months, or a half-year: January to June, July to
//! December), and a lead (trainer or administrator) writes it up for all staff.

use crate::comments::written;
use crate::{ClippingId, Invalid, uk_time};
use std::collections::BTreeMap;
use time::{Date, Duration, Month, Time};

/// The longest link, in characters.
pub const MOST_URL: usize = 2000;
/// The longest note on a clipping, in characters.
pub const MOST_NOTE: usize = 4000;
/// The most tags on one clipping.
pub const MOST_TAGS: usize = 8;
/// The longest tag, in characters.
pub const MOST_TAG: usize = 40;
/// The longest title of a write-up, in characters.
pub const MOST_TITLE: usize = 200;
/// The longest write-up, in characters.
pub const MOST_WRITE_UP: usize = 20_000;
/// How long a published write-up stays on everyone's home page.
pub const WRITE_UP_ON_HOME_DAYS: i64 = 30;
/// From when a write-up published is still on the home page, at `now`.
pub fn on_home_since(now: i64) -> i64 {
    now - WRITE_UP_ON_HOME_DAYS * 24 * 60 * 60
}

/// How many months the synthesis covers when no period is asked for.
pub const DEFAULT_MONTHS: u8 = 6;

/// How often the leads are reminded that a synthesis is due, in months: counted from the last
/// write-up, or from the organisation's first clipping while nothing is written up.
pub const SYNTHESIS_EVERY_MONTHS: i64 = 6;

/// The hour of the UK's day from which a reminder falling due that day is sent.
pub const REMINDER_HOUR: u8 = 9;

/// A synthesis the leads are reminded of: the day it fell due and the period it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthesisDue {
    pub on: Date,
    pub period: Period,
}

/// The synthesis due by `at` (from [`REMINDER_HOUR`] on the UK's clock), counting every
/// [`SYNTHESIS_EVERY_MONTHS`] from `since` (the day of the last write-up, else of the first
/// clipping): the latest such day, covering the months from the one before it (or `since`).
/// `None` before the first falls due. A reminder nobody acted on comes again six months on.
pub fn synthesis_due(since: Date, at: i64) -> Option<SynthesisDue> {
    let now = uk_time::local(at);
    let today = if now.hour() < REMINDER_HOUR {
        now.date() - Duration::days(1)
    } else {
        now.date()
    };
    let after =
        |times: i64| crate::retention::months_before(since, -times * SYNTHESIS_EVERY_MONTHS);
    let mut times = 0;
    while after(times + 1) <= today {
        times += 1;
    }
    (times > 0).then(|| SynthesisDue {
        on: after(times),
        period: Period {
            from: after(times - 1),
            to: after(times),
        },
    })
}

/// A link as clipped: `http` or `https`, with a host, no spaces, at most [`MOST_URL`]
/// characters. The scheme and host are written in lower case; the rest is kept as given.
pub fn parse_url(raw: &str) -> Result<String, Invalid> {
    let url = raw.trim();
    if url.is_empty() {
        return Err(Invalid("horizon-url-missing"));
    }
    if url.chars().count() > MOST_URL {
        return Err(Invalid("horizon-url-too-long"));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Invalid("horizon-url-invalid"));
    }
    let lower = url.to_ascii_lowercase();
    let scheme = if lower.starts_with("https://") {
        "https://"
    } else if lower.starts_with("http://") {
        "http://"
    } else {
        return Err(Invalid("horizon-url-invalid"));
    };
    let rest = &url[scheme.len()..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    if authority.contains('@') {
        // user:password@host hides where a link goes.
        return Err(Invalid("horizon-url-invalid"));
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || authority.starts_with('[') => {
            if port.is_empty() || !port.chars().all(|c| c.is_ascii_digit()) || port.len() > 5 {
                return Err(Invalid("horizon-url-invalid"));
            }
            host
        }
        _ => authority,
    };
    let valid_host = if let Some(inner) = host.strip_prefix('[') {
        inner.strip_suffix(']').is_some_and(|ip| {
            !ip.is_empty() && ip.chars().all(|c| c.is_ascii_hexdigit() || c == ':')
        })
    } else {
        !host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
    };
    if !valid_host {
        return Err(Invalid("horizon-url-invalid"));
    }
    Ok(format!("{scheme}{}{path}", authority.to_ascii_lowercase()))
}

/// Free tags, as typed (separated by commas): each trimmed, its inner spaces made single, in
/// lower case; empty ones dropped and repeats kept once, in the order first given. At most
/// [`MOST_TAGS`] tags of at most [`MOST_TAG`] characters each. No tags at all is fine.
pub fn parse_tags(raw: &str) -> Result<Vec<String>, Invalid> {
    let mut tags: Vec<String> = Vec::new();
    for part in raw.split(',') {
        let tag = part
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if tag.is_empty() || tags.contains(&tag) {
            continue;
        }
        if tag.chars().any(char::is_control) {
            return Err(Invalid("text-invalid-characters"));
        }
        if tag.chars().count() > MOST_TAG {
            return Err(Invalid("horizon-tag-too-long"));
        }
        tags.push(tag);
    }
    if tags.len() > MOST_TAGS {
        return Err(Invalid("horizon-tags-too-many"));
    }
    Ok(tags)
}

/// The note on a clipping: why it matters to the service.
pub fn parse_note(raw: &str) -> Result<String, Invalid> {
    written(
        raw,
        MOST_NOTE,
        "horizon-note-missing",
        "horizon-note-too-long",
    )
}

/// The title of a write-up.
pub fn parse_title(raw: &str) -> Result<String, Invalid> {
    let title = written(
        raw,
        MOST_TITLE,
        "horizon-title-missing",
        "horizon-title-too-long",
    )?;
    if title.contains('\n') {
        return Err(Invalid("horizon-title-one-line"));
    }
    Ok(title)
}

/// The text of a write-up: plain text, paragraphs split by blank lines.
pub fn parse_write_up(raw: &str) -> Result<String, Invalid> {
    written(
        raw,
        MOST_WRITE_UP,
        "horizon-write-up-missing",
        "horizon-write-up-too-long",
    )
}

/// A period of days, both ends included, on the UK's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// From `from` to `to` as given (`YYYY-MM-DD`); either left empty, the default period
    /// ending `today` ([`Period::last_months`]). `from` after `to` is refused.
    pub fn parse(from: &str, to: &str, today: Date) -> Result<Period, Invalid> {
        let default = Period::last_months(today, DEFAULT_MONTHS);
        let day = |raw: &str, or: Date| -> Result<Date, Invalid> {
            match raw.trim() {
                "" => Ok(or),
                raw => crate::people::parse_date(raw).map_err(|_| Invalid("horizon-period-date")),
            }
        };
        let period = Period {
            from: day(from, default.from)?,
            to: day(to, default.to)?,
        };
        if period.from > period.to {
            return Err(Invalid("horizon-period-backwards"));
        }
        Ok(period)
    }

    /// The `months` months up to and including `today`: from the day after the same date
    /// `months` earlier (the month's last day when it has no such date).
    pub fn last_months(today: Date, months: u8) -> Period {
        let total = today.year() * 12 + i32::from(u8::from(today.month())) - 1 - i32::from(months);
        let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u8 + 1);
        let month = Month::try_from(month).unwrap_or(Month::January);
        let day = today.day().min(month.length(year));
        let back = Date::from_calendar_date(year, month, day).unwrap_or(today);
        Period {
            from: back + Duration::days(1),
            to: today,
        }
    }

    /// The half-year `today` falls in: January to June, or July to December.
    pub fn half_year_of(today: Date) -> Period {
        let year = today.year();
        let (from, to) = if u8::from(today.month()) <= 6 {
            ((Month::January, 1), (Month::June, 30))
        } else {
            ((Month::July, 1), (Month::December, 31))
        };
        let date = |(m, d)| Date::from_calendar_date(year, m, d).unwrap_or(today);
        Period {
            from: date(from),
            to: date(to),
        }
    }

    /// The half-year `today` falls in and the `count - 1` before it, the latest first.
    pub fn half_years(today: Date, count: usize) -> Vec<Period> {
        let mut halves = Vec::with_capacity(count);
        let mut half = Period::half_year_of(today);
        for _ in 0..count {
            halves.push(half);
            half = Period::half_year_of(half.from - Duration::days(1));
        }
        halves
    }

    /// Whether it is a half-year's first half (January to June).
    pub fn is_first_half(&self) -> bool {
        u8::from(self.from.month()) <= 6
    }

    /// The instants it runs between, on the UK's clock: `from <= at < to`.
    pub fn bounds(&self) -> Result<(i64, i64), Invalid> {
        let midnight = |d: Date| uk_time::instant(d.with_time(Time::MIDNIGHT));
        Ok((midnight(self.from)?, midnight(self.to + Duration::days(1))?))
    }
}

/// A clipping as the synthesis sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToSynthesise {
    pub id: ClippingId,
    pub tags: Vec<String>,
    pub comments: usize,
}

/// One tag's clippings in a synthesis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagGroup {
    /// `None`: the clippings with no tag.
    pub tag: Option<String>,
    /// In the order given.
    pub clippings: Vec<ClippingId>,
    /// Comments on them, in all.
    pub comments: usize,
}

/// A period's clippings grouped by tag: a clipping with two tags is in both groups, one with
/// none in the group of no tag. The most clipped tag first (then by name); no tag last.
pub fn synthesise(clippings: &[ToSynthesise]) -> Vec<TagGroup> {
    let mut by_tag: BTreeMap<&str, TagGroup> = BTreeMap::new();
    let mut untagged = TagGroup {
        tag: None,
        clippings: Vec::new(),
        comments: 0,
    };
    for clipping in clippings {
        if clipping.tags.is_empty() {
            untagged.clippings.push(clipping.id);
            untagged.comments += clipping.comments;
        }
        for tag in &clipping.tags {
            let group = by_tag.entry(tag).or_insert_with(|| TagGroup {
                tag: Some(tag.clone()),
                clippings: Vec::new(),
                comments: 0,
            });
            if !group.clippings.contains(&clipping.id) {
                group.clippings.push(clipping.id);
                group.comments += clipping.comments;
            }
        }
    }
    let mut groups: Vec<TagGroup> = by_tag.into_values().collect();
    // Stable: equal counts stay in the tags' order.
    groups.sort_by_key(|g| std::cmp::Reverse(g.clippings.len()));
    if !untagged.clippings.is_empty() {
        groups.push(untagged);
    }
    groups
}

/// A clipping of the demo organisation's: its link, tags, and note and comments in English
/// and Welsh.
pub struct DemoClipping {
    pub url: &'static str,
    pub tags: &'static [&'static str],
    pub days_ago: i64,
    pub en: (&'static str, &'static [&'static str]),
    pub cy: (&'static str, &'static [&'static str]),
}

/// The demo's clippings, the latest last.
pub const DEMO_CLIPPINGS: [DemoClipping; 5] = [
    DemoClipping {
        url: "https://www.gov.uk/government/publications/ai-playbook-for-the-uk-government",
        tags: &["ai", "public enquiries"],
        days_ago: 120,
        en: (
            "The government's AI playbook: what to check before a chatbot answers the public. Worth reading before anyone suggests one for library enquiries: it is clear about accuracy, bias and being open that people are talking to a machine.",
            &[
                "We get asked about ChatGPT at the enquiry desk every week now. Could this go into the next staff briefing?",
                "Agreed. A short session on what chatbots get wrong would help frontline staff more than a policy.",
            ],
        ),
        cy: (
            "Llyfr chwarae AI y llywodraeth: beth i'w wirio cyn i sgwrsfot ateb y cyhoedd. Gwerth ei ddarllen cyn i unrhyw un awgrymu un ar gyfer ymholiadau'r llyfrgell: mae'n glir am gywirdeb, tuedd a bod yn agored bod pobl yn siarad â pheiriant.",
            &[
                "Rydym yn cael cwestiynau am ChatGPT wrth y ddesg ymholiadau bob wythnos erbyn hyn. Allai hyn fynd i'r sesiwn friffio nesaf i staff?",
                "Cytuno. Byddai sesiwn fer ar beth mae sgwrsfotiaid yn ei gael yn anghywir yn helpu staff rheng flaen yn fwy na pholisi.",
            ],
        ),
    },
    DemoClipping {
        url: "https://www.gov.uk/using-your-gov-uk-one-login",
        tags: &["digital id", "gov.uk one login", "public enquiries"],
        days_ago: 95,
        en: (
            "More services are moving to GOV.UK One Login, and proving your identity needs a phone with a camera or a visit to a Post Office. Expect more people at the desk who cannot get past the identity check.",
            &[
                "We had three people last week stuck on the photo ID step. The Post Office route is not well known.",
            ],
        ),
        cy: (
            "Mae mwy o wasanaethau'n symud i GOV.UK One Login, ac mae profi pwy ydych chi'n gofyn am ffôn gyda chamera neu ymweliad â Swyddfa'r Post. Disgwyliwch fwy o bobl wrth y ddesg sy'n methu mynd heibio'r gwiriad hunaniaeth.",
            &[
                "Cawsom dri pherson yr wythnos diwethaf yn sownd ar gam y llun adnabod. Nid yw llwybr Swyddfa'r Post yn adnabyddus.",
            ],
        ),
    },
    DemoClipping {
        url: "https://support.microsoft.com/en-gb/windows/windows-10-support-has-ended-on-october-14-2025-2ca8b313-1946-43d3-b55c-2b95b107f281",
        tags: &["windows 10", "security"],
        days_ago: 60,
        en: (
            "Windows 10 no longer gets security updates. Our public PCs are upgraded, but many people bring in old laptops and ask whether they are safe to use for banking.",
            &[
                "A one-page handout on what to do with an old laptop would save a lot of explaining.",
                "The digital team has a draft: I will share it on the champions' board.",
            ],
        ),
        cy: (
            "Nid yw Windows 10 yn cael diweddariadau diogelwch mwyach. Mae ein cyfrifiaduron cyhoeddus wedi'u huwchraddio, ond mae llawer o bobl yn dod â hen liniaduron ac yn gofyn a ydyn nhw'n ddiogel ar gyfer bancio.",
            &[
                "Byddai taflen un dudalen ar beth i'w wneud â hen liniadur yn arbed llawer o esbonio.",
                "Mae gan y tîm digidol ddrafft: byddaf yn ei rannu ar fwrdd yr hyrwyddwyr.",
            ],
        ),
    },
    DemoClipping {
        url: "https://www.ncsc.gov.uk/collection/phishing-scams",
        tags: &["scams", "security"],
        days_ago: 30,
        en: (
            "The NCSC's guide to spotting scam messages. Fake parcel texts and 'your bank account is locked' calls are what customers ask us about most; the reporting numbers (7726 for texts) are worth knowing by heart.",
            &["Could we put 7726 on the PC screens' welcome page?"],
        ),
        cy: (
            "Canllaw'r NCSC i adnabod negeseuon sgam. Negeseuon testun ffug am barseli a galwadau 'mae eich cyfrif banc wedi'i gloi' yw'r hyn mae cwsmeriaid yn gofyn i ni amdano fwyaf; mae'n werth gwybod y rhifau adrodd (7726 ar gyfer negeseuon testun) ar eich cof.",
            &["Allen ni roi 7726 ar dudalen groeso sgriniau'r cyfrifiaduron?"],
        ),
    },
    DemoClipping {
        url: "https://www.goodthingsfoundation.org/policy-and-research/research-and-evidence",
        tags: &[],
        days_ago: 10,
        en: (
            "Good Things Foundation's latest research on digital exclusion: the figures for older people and data poverty are useful for our next funding bid.",
            &[],
        ),
        cy: (
            "Ymchwil ddiweddaraf Good Things Foundation ar allgáu digidol: mae'r ffigurau ar gyfer pobl hŷn a thlodi data'n ddefnyddiol ar gyfer ein cais nesaf am gyllid.",
            &[],
        ),
    },
];

/// The demo's published write-up, in English and Welsh: (title, text).
pub const DEMO_WRITE_UP: [(&str, &str); 2] = [
    (
        "What is coming: identity checks, chatbots and old laptops",
        "Three things came up again and again in what you clipped this half-year.\n\nFirst, identity: GOV.UK One Login is spreading, and people without a smartphone get stuck at the photo ID step. Everyone on the enquiry desk should know the Post Office route.\n\nSecond, AI chatbots: the public ask about them every week. We will run a short session on what they get wrong before anyone proposes one for our own enquiries.\n\nThird, Windows 10 has no more security updates. A handout on what to do with an old laptop is on the champions' board.",
    ),
    (
        "Beth sydd i ddod: gwiriadau hunaniaeth, sgwrsfotiaid a hen liniaduron",
        "Daeth tri pheth i'r amlwg dro ar ôl tro yn yr hyn a gadwoch chi'r hanner blwyddyn hon.\n\nYn gyntaf, hunaniaeth: mae GOV.UK One Login yn lledaenu, ac mae pobl heb ffôn clyfar yn mynd yn sownd ar gam y llun adnabod. Dylai pawb ar y ddesg ymholiadau wybod am lwybr Swyddfa'r Post.\n\nYn ail, sgwrsfotiaid AI: mae'r cyhoedd yn gofyn amdanynt bob wythnos. Byddwn yn cynnal sesiwn fer ar beth maen nhw'n ei gael yn anghywir cyn i unrhyw un gynnig un ar gyfer ein hymholiadau ein hunain.\n\nYn drydydd, nid oes mwy o ddiweddariadau diogelwch i Windows 10. Mae taflen ar beth i'w wneud â hen liniadur ar fwrdd yr hyrwyddwyr.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    /// 09:00 on `day` in the UK (GMT in winter, BST in summer), plus `minutes`.
    fn at_nine(day: Date, minutes: i64) -> i64 {
        uk_time::instant(day.with_time(Time::from_hms(9, 0, 0).unwrap())).unwrap() + minutes * 60
    }

    #[test]
    fn a_synthesis_falls_due_every_six_months_from_nine_on_the_day() {
        let since = date!(2026 - 01 - 10);
        // Not before six months, nor before nine on the day.
        assert_eq!(
            synthesis_due(since, at_nine(date!(2026 - 07 - 09), 600)),
            None
        );
        assert_eq!(
            synthesis_due(since, at_nine(date!(2026 - 07 - 10), -1)),
            None
        );
        let first = SynthesisDue {
            on: date!(2026 - 07 - 10),
            period: Period {
                from: since,
                to: date!(2026 - 07 - 10),
            },
        };
        assert_eq!(
            synthesis_due(since, at_nine(date!(2026 - 07 - 10), 0)),
            Some(first)
        );
        assert_eq!(
            synthesis_due(since, at_nine(date!(2027 - 01 - 09), 0)),
            Some(first)
        );
        // Nobody wrote it up: again six months on, for the six months since.
        assert_eq!(
            synthesis_due(since, at_nine(date!(2027 - 01 - 10), 0)),
            Some(SynthesisDue {
                on: date!(2027 - 01 - 10),
                period: Period {
                    from: date!(2026 - 07 - 10),
                    to: date!(2027 - 01 - 10),
                },
            })
        );
        // From the end of August: the end of February, and of August again (not the 28th).
        let since = date!(2025 - 08 - 31);
        assert_eq!(
            synthesis_due(since, at_nine(date!(2026 - 02 - 28), 0)).map(|d| d.on),
            Some(date!(2026 - 02 - 28))
        );
        assert_eq!(
            synthesis_due(since, at_nine(date!(2026 - 08 - 31), 0)).map(|d| d.on),
            Some(date!(2026 - 08 - 31))
        );
        assert_eq!(
            synthesis_due(since, at_nine(date!(2026 - 08 - 30), 0)).map(|d| d.on),
            Some(date!(2026 - 02 - 28))
        );
    }

    #[test]
    fn links_are_http_or_https_with_a_host() {
        assert_eq!(
            parse_url("  HTTPS://WWW.Gov.UK/Guidance?x=1 "),
            Ok("https://www.gov.uk/Guidance?x=1".into())
        );
        assert_eq!(
            parse_url("http://localhost:8080"),
            Ok("http://localhost:8080".into())
        );
        assert_eq!(
            parse_url("https://[::1]:443/x"),
            Ok("https://[::1]:443/x".into())
        );
        for bad in [
            "javascript:alert(1)",
            "ftp://example.com",
            "https://",
            "https://exa mple.com",
            "https://user:pw@example.com",
            "www.example.com",
            "https://-bad-.example",
            "https://example.com:port",
            "https://example..com",
        ] {
            assert_eq!(parse_url(bad), Err(Invalid("horizon-url-invalid")), "{bad}");
        }
        assert_eq!(parse_url(" "), Err(Invalid("horizon-url-missing")));
        let long = format!("https://example.com/{}", "a".repeat(MOST_URL));
        assert_eq!(parse_url(&long), Err(Invalid("horizon-url-too-long")));
    }

    #[test]
    fn a_write_up_is_on_the_home_page_for_thirty_days() {
        assert_eq!(on_home_since(100 * 86_400), 70 * 86_400);
    }

    #[test]
    fn tags_are_trimmed_lower_case_and_kept_once() {
        assert_eq!(
            parse_tags(" AI ,  Digital   ID,ai,, digital id , Scams"),
            Ok(vec!["ai".into(), "digital id".into(), "scams".into()])
        );
        assert_eq!(parse_tags(""), Ok(vec![]));
        let many = (0..=MOST_TAGS).map(|i| format!("t{i}")).collect::<Vec<_>>();
        assert_eq!(
            parse_tags(&many.join(",")),
            Err(Invalid("horizon-tags-too-many"))
        );
        // Repeats do not count against the most.
        let repeated = ["same"; MOST_TAGS + 3].join(",");
        assert_eq!(parse_tags(&repeated), Ok(vec!["same".into()]));
        assert_eq!(
            parse_tags(&"x".repeat(MOST_TAG + 1)),
            Err(Invalid("horizon-tag-too-long"))
        );
    }

    #[test]
    fn the_default_period_is_the_last_six_months() {
        let p = Period::parse("", "", date!(2026 - 08 - 31)).unwrap();
        assert_eq!(
            (p.from, p.to),
            (date!(2026 - 03 - 01), date!(2026 - 08 - 31))
        );
        let p = Period::parse("", "", date!(2026 - 03 - 15)).unwrap();
        assert_eq!(
            (p.from, p.to),
            (date!(2025 - 09 - 16), date!(2026 - 03 - 15))
        );
        let p = Period::parse("2026-01-01", "2026-06-30", date!(2026 - 08 - 31)).unwrap();
        assert_eq!(
            (p.from, p.to),
            (date!(2026 - 01 - 01), date!(2026 - 06 - 30))
        );
        assert_eq!(
            Period::parse("2026-07-01", "2026-06-30", date!(2026 - 08 - 31)),
            Err(Invalid("horizon-period-backwards"))
        );
        assert_eq!(
            Period::parse("last week", "", date!(2026 - 08 - 31)),
            Err(Invalid("horizon-period-date"))
        );
    }

    #[test]
    fn half_years_run_january_to_june_and_july_to_december() {
        let halves = Period::half_years(date!(2026 - 02 - 10), 3);
        assert_eq!(
            halves
                .iter()
                .map(|p| (p.from, p.to, p.is_first_half()))
                .collect::<Vec<_>>(),
            vec![
                (date!(2026 - 01 - 01), date!(2026 - 06 - 30), true),
                (date!(2025 - 07 - 01), date!(2025 - 12 - 31), false),
                (date!(2025 - 01 - 01), date!(2025 - 06 - 30), true),
            ]
        );
    }

    #[test]
    fn a_period_runs_from_the_first_days_midnight_to_after_the_last_day_on_the_uks_clock() {
        // Summer time: midnight in London is 23:00 UTC the day before.
        let p = Period {
            from: date!(2026 - 07 - 01),
            to: date!(2026 - 07 - 31),
        };
        let (from, to) = p.bounds().unwrap();
        assert_eq!(from, 1_782_860_400);
        assert_eq!(to - from, 31 * 24 * 60 * 60);
    }

    #[test]
    fn the_synthesis_groups_by_tag_with_untagged_last() {
        let c = |id, tags: &[&str], comments| ToSynthesise {
            id: ClippingId(id),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            comments,
        };
        let groups = synthesise(&[
            c(1, &["ai", "security"], 2),
            c(2, &["security"], 1),
            c(3, &[], 4),
            c(4, &["ai"], 0),
            c(5, &["scams"], 3),
        ]);
        let seen: Vec<(Option<&str>, Vec<i64>, usize)> = groups
            .iter()
            .map(|g| {
                (
                    g.tag.as_deref(),
                    g.clippings.iter().map(|c| c.0).collect(),
                    g.comments,
                )
            })
            .collect();
        assert_eq!(
            seen,
            vec![
                (Some("ai"), vec![1, 4], 2),
                (Some("security"), vec![1, 2], 3),
                (Some("scams"), vec![5], 3),
                (None, vec![3], 4),
            ]
        );
        assert!(synthesise(&[]).is_empty());
    }
}
