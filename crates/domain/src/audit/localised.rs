//! Text an organisation writes (framework names, questions), with one field per language.

use serde::{Deserialize, Serialize};

/// Text in English and, where written, Welsh.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Localised {
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cy: Option<String>,
}

/// The text to show, in which language, and whether it fell back from the one asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub lang: &'static str,
    /// True when the reader's language was missing and the main language is shown instead;
    /// pages mark such text so a Welsh reader knows it is not a translation.
    pub fallback: bool,
}

impl Localised {
    pub fn new(en: impl Into<String>, cy: Option<String>) -> Self {
        Self {
            en: en.into(),
            cy: cy.filter(|c| !c.trim().is_empty()),
        }
    }

    /// The text for a reader of `lang` ("en" or "cy").
    pub fn show(&self, lang: &str) -> Shown<'_> {
        match (lang, &self.cy) {
            ("cy", Some(cy)) => Shown {
                text: cy,
                lang: "cy",
                fallback: false,
            },
            ("cy", None) => Shown {
                text: &self.en,
                lang: "en",
                fallback: true,
            },
            _ => Shown {
                text: &self.en,
                lang: "en",
                fallback: false,
            },
        }
    }

    /// Whether the English text is there (the main language must always be written).
    pub fn is_blank(&self) -> bool {
        self.en.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_falls_back_to_english_and_says_so() {
        let both = Localised::new("Email", Some("E-bost".into()));
        assert_eq!(both.show("cy").text, "E-bost");
        assert!(!both.show("cy").fallback);
        let english = Localised::new("Email", Some("  ".into()));
        let shown = english.show("cy");
        assert_eq!(
            (shown.text, shown.lang, shown.fallback),
            ("Email", "en", true)
        );
        assert!(!english.show("en").fallback);
    }
}
