//! What a campaign asks besides self-ratings: profile questions and a knowledge round, and who
//! it asks.

use super::Localised;
use crate::{Invalid, JobFamily, SiteId, TeamId};
use serde::{Deserialize, Serialize};

/// The questions of a campaign, as a content file or an admin writes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignContent {
    pub title: Localised,
    #[serde(default)]
    pub profile_questions: Vec<ProfileQuestion>,
    #[serde(default)]
    pub quiz: Vec<QuizItem>,
}

const STANDARD: &str = include_str!("../../content/demo-campaign.json");

impl CampaignContent {
    /// The profile questions and knowledge round skillgym ships, matched to its default
    /// framework.
    pub fn standard() -> CampaignContent {
        serde_json::from_str(STANDARD).expect("the shipped campaign content is valid JSON")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Single,
    Multiple,
    Number,
    Text,
}

impl QuestionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::Number => "number",
            QuestionKind::Text => "text",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw {
            "single" => Ok(QuestionKind::Single),
            "multiple" => Ok(QuestionKind::Multiple),
            "number" => Ok(QuestionKind::Number),
            "text" => Ok(QuestionKind::Text),
            _ => Err(Invalid("audit-question-kind-invalid")),
        }
    }
}

/// A question about the person (years in post, confidence with technology…), for grouping
/// and comparing answers later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileQuestion {
    pub code: String,
    pub kind: QuestionKind,
    pub prompt: Localised,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Localised>,
    #[serde(default)]
    pub options: Vec<Localised>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
}

/// Longest free-text answer kept.
pub const MAX_TEXT_ANSWER: usize = 2000;

impl ProfileQuestion {
    /// Checks a submitted answer and returns it in its stored form: option numbers joined by
    /// commas, a number, or text. Blank answers are allowed: every profile question is
    /// optional, so nobody is stuck on a question they would rather not answer.
    pub fn answer(&self, submitted: &[String]) -> Result<Option<String>, Invalid> {
        let given: Vec<&str> = submitted
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if given.is_empty() {
            return Ok(None);
        }
        match self.kind {
            QuestionKind::Single | QuestionKind::Multiple => {
                let mut chosen = Vec::new();
                for g in &given {
                    match g.parse::<usize>() {
                        Ok(i) if i < self.options.len() => chosen.push(i),
                        _ => return Err(Invalid("audit-option-invalid")),
                    }
                }
                chosen.sort_unstable();
                chosen.dedup();
                if self.kind == QuestionKind::Single && chosen.len() > 1 {
                    return Err(Invalid("audit-option-one"));
                }
                Ok(Some(join(&chosen)))
            }
            QuestionKind::Number => {
                let n: i64 = given[0]
                    .parse()
                    .map_err(|_| Invalid("audit-number-invalid"))?;
                if self.min.is_some_and(|m| n < m) || self.max.is_some_and(|m| n > m) {
                    return Err(Invalid("audit-number-range"));
                }
                Ok(Some(n.to_string()))
            }
            QuestionKind::Text => {
                let text = given.join("\n");
                if text.chars().count() > MAX_TEXT_ANSWER {
                    return Err(Invalid("audit-text-too-long"));
                }
                Ok(Some(text))
            }
        }
    }
}

/// A knowledge-round question, marked on the server; its correct answers never reach the page
/// before the round is submitted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizItem {
    pub code: String,
    /// The code of the competence it tests.
    pub competence: String,
    pub prompt: Localised,
    /// A picture to recognise, by file name among the campaign's pictures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The same picture for Welsh readers (an email or a screen in Welsh), when there is one;
    /// only with `image`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_cy: Option<String>,
    /// What the picture shows, for screen readers; the Welsh describes the Welsh picture when
    /// there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_alt: Option<Localised>,
    pub options: Vec<QuizOption>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Localised>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizOption {
    pub text: Localised,
    pub correct: bool,
}

impl QuizItem {
    /// The picture a reader of `lang` sees: the Welsh one for a Welsh reader when there is
    /// one, else the picture.
    pub fn picture_for(&self, lang: &str) -> Option<&str> {
        match (&self.image_cy, lang) {
            (Some(cy), "cy") if self.image.is_some() => Some(cy),
            _ => self.image.as_deref(),
        }
    }

    /// Whether more than one option is correct (the page then offers checkboxes).
    pub fn multiple(&self) -> bool {
        self.options.iter().filter(|o| o.correct).count() > 1
    }

    /// Reads submitted option numbers; an answer must choose at least one option.
    pub fn parse_answer(&self, submitted: &[String]) -> Result<Vec<usize>, Invalid> {
        let mut chosen = Vec::new();
        for s in submitted.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
            match s.parse::<usize>() {
                Ok(i) if i < self.options.len() => chosen.push(i),
                _ => return Err(Invalid("audit-option-invalid")),
            }
        }
        chosen.sort_unstable();
        chosen.dedup();
        if chosen.is_empty() {
            return Err(Invalid("audit-quiz-missing"));
        }
        if !self.multiple() && chosen.len() > 1 {
            return Err(Invalid("audit-option-one"));
        }
        Ok(chosen)
    }

    /// Right only when exactly the correct options are chosen.
    pub fn mark(&self, chosen: &[usize]) -> bool {
        let correct: Vec<usize> = self
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
            .map(|(i, _)| i)
            .collect();
        let mut chosen = chosen.to_vec();
        chosen.sort_unstable();
        chosen.dedup();
        chosen == correct
    }
}

/// Option numbers as stored: "0,2".
pub fn join(chosen: &[usize]) -> String {
    chosen
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Stored option numbers back as a list.
pub fn split(stored: &str) -> Vec<usize> {
    stored
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

/// Who a campaign asks. Each list narrows it; empty lists ask everyone.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Audience {
    pub sites: Vec<SiteId>,
    pub teams: Vec<TeamId>,
    pub job_families: Vec<JobFamily>,
}

impl Audience {
    pub fn is_everyone(&self) -> bool {
        self.sites.is_empty() && self.teams.is_empty() && self.job_families.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(correct: &[bool]) -> QuizItem {
        QuizItem {
            code: "Q".into(),
            competence: "C".into(),
            prompt: Localised::new("?", None),
            image: None,
            image_cy: None,
            image_alt: None,
            options: correct
                .iter()
                .map(|c| QuizOption {
                    text: Localised::new("o", None),
                    correct: *c,
                })
                .collect(),
            explanation: None,
        }
    }

    #[test]
    fn quiz_answers_are_right_only_when_exactly_the_correct_options_are_chosen() {
        let single = item(&[false, true, false]);
        assert!(!single.multiple());
        assert!(single.mark(&[1]));
        assert!(!single.mark(&[0]));
        assert_eq!(
            single.parse_answer(&["0".into(), "1".into()]),
            Err(Invalid("audit-option-one"))
        );
        let multi = item(&[true, false, true, false]);
        assert!(multi.multiple());
        assert!(multi.mark(&[2, 0]));
        assert!(!multi.mark(&[0]));
        assert!(!multi.mark(&[0, 1, 2]));
        assert_eq!(multi.parse_answer(&[]), Err(Invalid("audit-quiz-missing")));
        assert_eq!(
            multi.parse_answer(&["9".into()]),
            Err(Invalid("audit-option-invalid"))
        );
    }

    #[test]
    fn profile_answers_are_checked_and_optional() {
        let number = ProfileQuestion {
            code: "YEARS".into(),
            kind: QuestionKind::Number,
            prompt: Localised::new("Years", None),
            hint: None,
            options: vec![],
            min: Some(0),
            max: Some(60),
        };
        assert_eq!(number.answer(&["12".into()]), Ok(Some("12".into())));
        assert_eq!(number.answer(&["".into()]), Ok(None));
        assert_eq!(
            number.answer(&["61".into()]),
            Err(Invalid("audit-number-range"))
        );
        assert_eq!(
            number.answer(&["ten".into()]),
            Err(Invalid("audit-number-invalid"))
        );
        let multiple = ProfileQuestion {
            kind: QuestionKind::Multiple,
            options: vec![Localised::new("a", None), Localised::new("b", None)],
            ..number
        };
        assert_eq!(
            multiple.answer(&["1".into(), "0".into()]),
            Ok(Some("0,1".into()))
        );
        assert_eq!(
            multiple.answer(&["2".into()]),
            Err(Invalid("audit-option-invalid"))
        );
    }

    #[test]
    fn the_standard_content_tests_the_default_framework() {
        let content = CampaignContent::standard();
        let framework = super::super::Framework::library_default();
        assert!(content.quiz.len() >= 10);
        assert!(content.quiz.iter().any(QuizItem::multiple));
        for item in &content.quiz {
            assert!(
                framework
                    .competences()
                    .any(|(_, c)| c.code == item.competence),
                "{} tests an unknown competence",
                item.code
            );
            assert!(
                item.options.iter().any(|o| o.correct),
                "{} has an answer",
                item.code
            );
            assert_eq!(
                item.image.is_some(),
                item.image_alt.is_some(),
                "{} alt text",
                item.code
            );
            // The page says "Choose all that apply" itself, once.
            for text in [&item.prompt.en, item.prompt.cy.as_ref().unwrap()] {
                assert!(
                    !text.contains("all that apply") && !text.contains("berthnasol"),
                    "{}",
                    item.code
                );
            }
        }
        for q in &content.profile_questions {
            assert!(
                q.hint
                    .as_ref()
                    .is_none_or(|h| !h.en.contains("all that apply") && !h.en.contains("Optional")),
                "{}: the page marks optional questions and multiple choices",
                q.code
            );
        }
        let welsh = content.quiz.iter().find(|q| q.image_cy.is_some()).unwrap();
        assert_eq!(welsh.picture_for("cy"), welsh.image_cy.as_deref());
        assert_eq!(welsh.picture_for("en"), welsh.image.as_deref());
    }

    #[test]
    fn the_shipped_questions_do_not_all_put_the_right_answer_in_one_place() {
        // The page shuffles the options for each person; the order written also varies, so
        // that the options' numbers in the page's form give nothing away.
        let firsts: std::collections::BTreeSet<usize> = CampaignContent::national()
            .quiz
            .iter()
            .map(|q| q.options.iter().position(|o| o.correct).unwrap())
            .collect();
        assert!(firsts.len() >= 3, "{firsts:?}");
    }
}

/// The pictures the standard knowledge round shows, drawn for skillgym: (file name, SVG).
pub fn standard_pictures() -> Vec<(&'static str, &'static [u8])> {
    macro_rules! pictures {
        ($($name:literal),*) => {
            vec![$(($name, include_bytes!(concat!("../../content/pictures/", $name)).as_slice())),*]
        };
    }
    pictures!(
        "cloud-upload.svg",
        "padlock.svg",
        "phishing.svg",
        "phishing-cy.svg",
        "ports.svg",
        "qr.svg",
        "share.svg",
        "wifi.svg"
    )
}

/// Earlier drawings of shipped pictures, as campaigns made before they were redrawn keep them:
/// (file name, the earlier SVG). A campaign's copy that is byte for byte one of these is
/// replaced by today's drawing (the same picture, larger and legible).
pub fn earlier_standard_pictures() -> Vec<(&'static str, &'static [u8])> {
    macro_rules! pictures {
        ($($name:literal),*) => {
            vec![$(($name, include_bytes!(concat!("../../content/pictures/earlier/", $name)).as_slice())),*]
        };
    }
    pictures!("padlock.svg", "phishing.svg", "ports.svg")
}

#[cfg(test)]
mod picture_tests {
    #[test]
    fn earlier_drawings_are_of_shipped_pictures_and_differ_from_them() {
        let today = super::standard_pictures();
        for (name, earlier) in super::earlier_standard_pictures() {
            let (_, now) = today
                .iter()
                .find(|(n, _)| *n == name)
                .expect("still shipped");
            assert_ne!(*now, earlier, "{name}");
        }
    }

    #[test]
    fn every_standard_picture_is_shipped() {
        let names: Vec<&str> = super::standard_pictures().iter().map(|p| p.0).collect();
        for item in super::CampaignContent::standard().quiz {
            for image in item.image.iter().chain(&item.image_cy) {
                assert!(names.contains(&image.as_str()), "{image} is shipped");
            }
        }
    }
}
