//! skillgym's interface text in English and Welsh, from the Project Fluent files in
//! `locales/{en,cy}/`. Code names a message by its id; it never holds the words.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Isolation marks would end up in CSV cells, email subjects and terminal output; both
        // languages are written left to right, so they buy nothing here.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language skillgym speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Cy,
    /// English with every message marked, so a test can find text that is not from a message
    /// file. Never offered to people.
    Pseudo,
}

static EN: LanguageIdentifier = langid!("en");
static CY: LanguageIdentifier = langid!("cy");

impl Lang {
    /// The languages people can choose, in the order they are offered.
    pub const OFFERED: [Lang; 2] = [Lang::En, Lang::Cy];

    /// The BCP 47 tag, for `<html lang>` and for storing a person's choice.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
            Lang::Pseudo => "en-x-pseudo",
        }
    }

    /// Reads a stored or submitted language tag; `None` for a language skillgym does not speak.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" if tag.trim() == "en-x-pseudo" => Some(Lang::Pseudo),
            "en" => Some(Lang::En),
            "cy" => Some(Lang::Cy),
            _ => None,
        }
    }

    /// The best language for an `Accept-Language` header, by its quality values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            if let Some(lang) = Lang::parse(tag).filter(|l| *l != Lang::Pseudo)
                && q > 0.0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, lang)| lang)
    }

    /// The other language offered, for the switch in the page header.
    pub fn other(self) -> Lang {
        match self {
            Lang::Cy => Lang::En,
            _ => Lang::Cy,
        }
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Cy => &CY,
            _ => &EN,
        }
    }
}

/// An argument to a message: text or a number (numbers pick Welsh plural forms).
pub type Arg<'a> = FluentValue<'a>;

/// Looks up messages in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tr {
    lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Self { lang }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id`. A missing message is a bug that must fail a test, not reach a page:
    /// debug and test builds panic; a release build shows the id, marked with ⚠.
    pub fn t(&self, id: &str) -> String {
        self.finish(id, LOCALES.try_lookup(self.lang.langid(), id))
    }

    /// The message `id` if there is one, for text that may be left unwritten (such as a
    /// command's longer help).
    pub fn find(&self, id: &str) -> Option<String> {
        LOCALES
            .try_lookup(self.lang.langid(), id)
            .map(|text| self.mark(text))
    }

    /// The message `id` with one argument.
    pub fn t1<'a>(&self, id: &str, name: &'static str, value: impl Into<Arg<'a>>) -> String {
        self.args(id, [(name, value.into())])
    }

    /// The message `id` with two arguments.
    pub fn t2<'a>(
        &self,
        id: &str,
        name: &'static str,
        value: impl Into<Arg<'a>>,
        name2: &'static str,
        value2: impl Into<Arg<'a>>,
    ) -> String {
        self.args(id, [(name, value.into()), (name2, value2.into())])
    }

    /// The message `id` with any number of arguments.
    pub fn args<'a>(
        &self,
        id: &str,
        args: impl IntoIterator<Item = (&'static str, Arg<'a>)>,
    ) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .into_iter()
            .map(|(k, v)| (Cow::Borrowed(k), v.into_owned()))
            .collect();
        self.finish(
            id,
            LOCALES.try_lookup_with_args(self.lang.langid(), id, &args),
        )
    }

    /// A date as people write it: "30 December 2026", "30 Rhagfyr 2026". Every page, email
    /// and print shows dates through this one function. `iso` is a date as skillgym keeps it,
    /// `YYYY-MM-DD` (a longer timestamp's first ten characters are its date); anything else is
    /// shown as it is. Welsh needs no mutation after a numeral here.
    pub fn date(&self, iso: &str) -> String {
        let day = iso.get(..10).unwrap_or(iso);
        let mut parts = day.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return iso.to_string();
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return iso.to_string();
        }
        let (month, dd): (u8, u8) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0));
        if !(1..=12).contains(&month) || !(1..=31).contains(&dd) {
            return iso.to_string();
        }
        format!("{dd} {} {y}", self.t(&format!("month-{month}")))
    }

    /// `found` is `None` when the message is missing in both languages, or when formatting
    /// failed in both (an argument the message needs was not given).
    fn finish(&self, id: &str, found: Option<String>) -> String {
        match found {
            Some(text) => self.mark(text),
            None if cfg!(debug_assertions) => panic!(
                "the message {id} is missing from crates/i18n/locales, or was given the wrong \
                 arguments"
            ),
            None => format!("⚠{id}"),
        }
    }

    fn mark(&self, text: String) -> String {
        match self.lang {
            Lang::Pseudo => format!("⟦{text}⟧"),
            _ => text,
        }
    }
}

/// The ids a Fluent file defines (messages and terms), in file order.
pub fn message_ids(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter(|line| {
            line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-') && line.contains(" =")
        })
        .filter_map(|line| line.split(" =").next())
        .map(str::trim)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every message file of a language, read from disk so a new file is checked unasked.
    fn message_files(lang: &str) -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let (en_files, cy_files) = (message_files("en"), message_files("cy"));
        let names =
            |files: &[(String, String)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&en_files),
            names(&cy_files),
            "the same files in both languages"
        );
        let mut en = BTreeSet::new();
        let mut cy = BTreeSet::new();
        for (lang, files) in [("en", &en_files), ("cy", &cy_files)] {
            for (name, source) in files {
                for id in message_ids(source) {
                    let set = if lang == "en" { &mut en } else { &mut cy };
                    assert!(
                        set.insert(id.to_string()),
                        "{id} is defined twice in {lang}/{name}"
                    );
                }
            }
        }
        let only_en: Vec<_> = en.difference(&cy).collect();
        let only_cy: Vec<_> = cy.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in Welsh: {only_en:?}");
        assert!(only_cy.is_empty(), "missing in English: {only_cy:?}");
        assert!(en.len() > 20);
    }

    #[test]
    fn messages_resolve_in_each_language() {
        let en = Tr::new(Lang::En);
        let cy = Tr::new(Lang::Cy);
        assert_eq!(en.t("product-name"), "skillgym");
        assert_ne!(en.t("sign-in"), cy.t("sign-in"));
        assert_eq!(en.find("no-such-message"), None);
        assert_eq!(en.find("product-name").as_deref(), Some("skillgym"));
        assert!(Tr::new(Lang::Pseudo).t("sign-in").starts_with('⟦'));
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "no-such-message")]
    fn a_missing_message_fails_loudly_in_a_test() {
        Tr::new(Lang::Cy).t("no-such-message");
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "people-count")]
    fn a_message_missing_its_argument_fails_loudly_in_a_test() {
        Tr::new(Lang::En).t("people-count");
    }

    #[test]
    fn welsh_plurals_follow_welsh_rules() {
        let cy = Tr::new(Lang::Cy);
        let forms: BTreeSet<String> = [0, 1, 2, 3, 6, 7]
            .into_iter()
            .map(|n| cy.t1("people-count", "count", n))
            .collect();
        assert!(
            forms.len() >= 4,
            "Welsh has zero, one, two, few, many and other: {forms:?}"
        );
    }

    #[test]
    fn dates_are_written_as_people_write_them() {
        assert_eq!(Tr::new(Lang::En).date("2026-12-30"), "30 December 2026");
        assert_eq!(Tr::new(Lang::Cy).date("2026-12-30"), "30 Rhagfyr 2026");
        assert_eq!(Tr::new(Lang::Cy).date("2027-01-05"), "5 Ionawr 2027");
        assert_eq!(
            Tr::new(Lang::En).date("2026-03-01T10:00:00Z"),
            "1 March 2026"
        );
        for not_a_date in ["", "soon", "2026-13-01", "2026-1-1", "2026-00-10"] {
            assert_eq!(Tr::new(Lang::En).date(not_a_date), not_a_date);
        }
    }

    #[test]
    fn accept_language_picks_the_preferred_language_we_speak() {
        assert_eq!(
            Lang::from_accept_language("cy-GB,cy;q=0.9,en;q=0.8"),
            Some(Lang::Cy)
        );
        assert_eq!(
            Lang::from_accept_language("fr, en;q=0.5, cy;q=0.7"),
            Some(Lang::Cy)
        );
        assert_eq!(Lang::from_accept_language("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("fr, de"), None);
        assert_eq!(Lang::from_accept_language("en-x-pseudo"), None);
    }
}
