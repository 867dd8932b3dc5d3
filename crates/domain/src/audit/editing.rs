//! What admins write on the web: frameworks built item by item, and a campaign's own profile
//! questions and knowledge-round questions. Each form is parsed here into a value that is
//! always sound, or into the problems with it, field by field.

use super::campaign::{ProfileQuestion, QuestionKind, QuizItem, QuizOption};
use super::case::derived_identifier;
use super::framework::{LEVELS, valid_code};
use super::localised::Localised;
use crate::Invalid;

/// The problems with a form: (field, Fluent message id), in the order of the form.
pub type Problems = Vec<(String, &'static str)>;

fn problem(problems: &mut Problems, field: impl Into<String>, code: &'static str) {
    let field = field.into();
    if !problems.iter().any(|(f, _)| *f == field) {
        problems.push((field, code));
    }
}

fn text(en: &str, cy: &str) -> Localised {
    Localised::new(en.trim(), Some(cy.trim().to_string()))
}

/// The longest title or prompt kept; descriptions and hints may be longer.
pub const MAX_TITLE: usize = 300;
pub const MAX_DESCRIPTION: usize = 2000;

fn check_length(
    problems: &mut Problems,
    field: &str,
    value: &Localised,
    max: usize,
    code: &'static str,
) {
    if value.en.chars().count() > max {
        problem(problems, format!("{field}_en"), code);
    }
    if value.cy.as_ref().is_some_and(|c| c.chars().count() > max) {
        problem(problems, format!("{field}_cy"), code);
    }
}

/// A framework, area or competence as an admin types it: a code (set once, when it is added),
/// and a title and description in each language. Welsh may be left blank: pages then show the
/// English and mark it as such.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDraft {
    pub code: String,
    pub title: Localised,
    pub description: Localised,
}

/// The fields of an item form, as typed.
#[derive(Debug, Clone, Default)]
pub struct ItemFields {
    pub code: String,
    pub title_en: String,
    pub title_cy: String,
    pub description_en: String,
    pub description_cy: String,
}

impl ItemDraft {
    /// Parses a form. `code_given` is false when editing, where the code stays as it was.
    pub fn parse(fields: &ItemFields, code_given: bool) -> Result<ItemDraft, Problems> {
        let mut problems = Vec::new();
        let code = fields.code.trim().to_ascii_uppercase();
        if code_given {
            if code.is_empty() {
                problem(&mut problems, "code", "framework-code-missing");
            } else if !valid_code(&code) {
                problem(&mut problems, "code", "framework-code-invalid");
            }
        }
        let title = text(&fields.title_en, &fields.title_cy);
        let description = text(&fields.description_en, &fields.description_cy);
        if title.is_blank() {
            problem(&mut problems, "title_en", "framework-title-missing");
        }
        check_length(
            &mut problems,
            "title",
            &title,
            MAX_TITLE,
            "framework-text-too-long",
        );
        check_length(
            &mut problems,
            "description",
            &description,
            MAX_DESCRIPTION,
            "framework-text-too-long",
        );
        if problems.is_empty() {
            Ok(ItemDraft {
                code,
                title,
                description,
            })
        } else {
            Err(problems)
        }
    }
}

/// The identifier of a framework an admin creates: derived from its code, as for a framework
/// CSV without identifiers, so the two agree.
pub fn new_framework_identifier(code: &str) -> String {
    derived_identifier(&format!("framework/{code}"))
}

/// The identifier of an area or competence added on the web. It is set once and kept through
/// every later edit, so CASE exports of the framework keep naming the same item.
pub fn new_item_identifier(framework_identifier: &str, code: &str) -> String {
    derived_identifier(&format!("{framework_identifier}/{code}"))
}

/// The five level descriptors, as typed: `(en, cy)` for levels 1 to 5.
pub fn parse_levels(typed: &[(String, String)]) -> Result<Vec<Localised>, Problems> {
    let mut problems = Vec::new();
    if typed.len() != LEVELS {
        problem(&mut problems, "level-1-en", "framework-levels-count");
    }
    let levels: Vec<Localised> = typed.iter().map(|(en, cy)| text(en, cy)).collect();
    for (i, level) in levels.iter().enumerate() {
        let field = format!("level-{}", i + 1);
        if level.is_blank() {
            problem(
                &mut problems,
                format!("{field}-en"),
                "framework-level-missing",
            );
        }
        if level.en.chars().count() > MAX_DESCRIPTION {
            problem(
                &mut problems,
                format!("{field}-en"),
                "framework-text-too-long",
            );
        }
        if level
            .cy
            .as_ref()
            .is_some_and(|c| c.chars().count() > MAX_DESCRIPTION)
        {
            problem(
                &mut problems,
                format!("{field}-cy"),
                "framework-text-too-long",
            );
        }
    }
    if problems.is_empty() {
        Ok(levels)
    } else {
        Err(problems)
    }
}

/// Which way to move an item among its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

impl Move {
    pub fn parse(raw: &str) -> Result<Move, Invalid> {
        match raw {
            "up" => Ok(Move::Up),
            "down" => Ok(Move::Down),
            _ => Err(Invalid("framework-move-invalid")),
        }
    }

    /// The new order after moving the item at `index`; unchanged at either end.
    pub fn apply<T: Clone>(self, order: &[T], index: usize) -> Vec<T> {
        let mut order = order.to_vec();
        match self {
            Move::Up if index > 0 && index < order.len() => order.swap(index, index - 1),
            Move::Down if index + 1 < order.len() => order.swap(index, index + 1),
            _ => {}
        }
        order
    }
}

/// What stands in the way of removing a competence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CompetenceUse {
    /// Ratings of it, and answers to knowledge-round questions that test it, in any campaign.
    pub answers: i64,
    /// Knowledge-round questions that test it.
    pub quiz_items: i64,
    /// Campaigns that ask people to rate it.
    pub campaigns: i64,
}

/// Whether a competence may be removed, and if not, why (a Fluent message id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    /// Nothing refers to it, or only campaigns nobody has answered yet (it leaves those too).
    Allowed,
    /// People's answers refer to it: removing it would rewrite their results. Its wording may
    /// still be edited.
    HasAnswers,
    /// A knowledge-round question tests it: that question must change first.
    TestedByQuiz,
}

impl CompetenceUse {
    pub fn removal(self) -> Removal {
        if self.answers > 0 {
            Removal::HasAnswers
        } else if self.quiz_items > 0 {
            Removal::TestedByQuiz
        } else {
            Removal::Allowed
        }
    }
}

impl Removal {
    /// The message that explains a refusal and what to do instead.
    pub fn message(self) -> Option<&'static str> {
        match self {
            Removal::Allowed => None,
            Removal::HasAnswers => Some("framework-remove-has-answers"),
            Removal::TestedByQuiz => Some("framework-remove-tested-by-quiz"),
        }
    }
}

/// Lines of a text box, trimmed, blank lines left out.
fn lines(raw: &str) -> Vec<String> {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Most options a question may offer.
pub const MAX_OPTIONS: usize = 12;
/// Option rows on the knowledge-round form (blank rows are left out).
pub const QUIZ_OPTION_ROWS: usize = 6;

/// A profile question form, as typed. Options are one a line, with the Welsh in the same order.
#[derive(Debug, Clone, Default)]
pub struct ProfileQuestionFields {
    pub kind: String,
    pub prompt_en: String,
    pub prompt_cy: String,
    pub hint_en: String,
    pub hint_cy: String,
    pub options_en: String,
    pub options_cy: String,
    pub min: String,
    pub max: String,
}

impl ProfileQuestionFields {
    /// The form filled in from a stored question, for editing.
    pub fn of(q: &ProfileQuestion) -> Self {
        let hint = q.hint.clone().unwrap_or_default();
        let join = |f: &dyn Fn(&Localised) -> String| {
            q.options.iter().map(f).collect::<Vec<_>>().join("\n")
        };
        ProfileQuestionFields {
            kind: q.kind.as_str().into(),
            prompt_en: q.prompt.en.clone(),
            prompt_cy: q.prompt.cy.clone().unwrap_or_default(),
            hint_en: hint.en,
            hint_cy: hint.cy.unwrap_or_default(),
            options_en: join(&|o| o.en.clone()),
            options_cy: if q.options.iter().any(|o| o.cy.is_some()) {
                join(&|o| o.cy.clone().unwrap_or_default())
            } else {
                String::new()
            },
            min: q.min.map(|m| m.to_string()).unwrap_or_default(),
            max: q.max.map(|m| m.to_string()).unwrap_or_default(),
        }
    }

    /// The question, with `code` (kept from before when editing, or a new free one).
    pub fn parse(&self, code: &str) -> Result<ProfileQuestion, Problems> {
        let mut problems = Vec::new();
        let kind = match QuestionKind::parse(self.kind.trim()) {
            Ok(k) => Some(k),
            Err(Invalid(c)) => {
                problem(&mut problems, "kind", c);
                None
            }
        };
        let prompt = text(&self.prompt_en, &self.prompt_cy);
        if prompt.is_blank() {
            problem(&mut problems, "prompt_en", "question-prompt-missing");
        }
        check_length(
            &mut problems,
            "prompt",
            &prompt,
            MAX_TITLE,
            "framework-text-too-long",
        );
        let hint = text(&self.hint_en, &self.hint_cy);
        check_length(
            &mut problems,
            "hint",
            &hint,
            MAX_DESCRIPTION,
            "framework-text-too-long",
        );
        let mut options = Vec::new();
        let (mut min, mut max) = (None, None);
        match kind {
            Some(QuestionKind::Single | QuestionKind::Multiple) => {
                let en = lines(&self.options_en);
                let cy = lines(&self.options_cy);
                if en.len() < 2 {
                    problem(&mut problems, "options_en", "question-options-too-few");
                } else if en.len() > MAX_OPTIONS {
                    problem(&mut problems, "options_en", "question-options-too-many");
                } else if en.iter().any(|o| o.chars().count() > MAX_TITLE) {
                    problem(&mut problems, "options_en", "framework-text-too-long");
                } else if !cy.is_empty() && cy.len() != en.len() {
                    problem(&mut problems, "options_cy", "question-options-cy-count");
                }
                options = en
                    .iter()
                    .enumerate()
                    .map(|(i, e)| Localised::new(e.clone(), cy.get(i).cloned()))
                    .collect();
            }
            Some(QuestionKind::Number) => {
                let number = |raw: &str, field: &str, problems: &mut Problems| {
                    let raw = raw.trim();
                    if raw.is_empty() {
                        return None;
                    }
                    match raw.parse::<i64>() {
                        Ok(n) => Some(n),
                        Err(_) => {
                            problem(problems, field, "audit-number-invalid");
                            None
                        }
                    }
                };
                min = number(&self.min, "min", &mut problems);
                max = number(&self.max, "max", &mut problems);
                if let (Some(lo), Some(hi)) = (min, max)
                    && hi < lo
                {
                    problem(&mut problems, "max", "question-max-below-min");
                }
            }
            Some(QuestionKind::Text) | None => {}
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(ProfileQuestion {
            code: code.to_string(),
            kind: kind.expect("checked above"),
            prompt,
            hint: (!hint.is_blank()).then_some(hint),
            options,
            min,
            max,
        })
    }
}

/// One option row of a knowledge-round form.
#[derive(Debug, Clone, Default)]
pub struct QuizOptionFields {
    pub en: String,
    pub cy: String,
    pub correct: bool,
}

/// A knowledge-round question form, as typed.
#[derive(Debug, Clone, Default)]
pub struct QuizItemFields {
    pub competence: String,
    pub prompt_en: String,
    pub prompt_cy: String,
    pub options: Vec<QuizOptionFields>,
    pub image: String,
    /// The Welsh picture, if any: one of the same list.
    pub image_cy: String,
    pub image_alt_en: String,
    pub image_alt_cy: String,
    pub explanation_en: String,
    pub explanation_cy: String,
}

impl QuizItemFields {
    /// The form filled in from a stored question, with blank rows to add options.
    pub fn of(item: &QuizItem) -> Self {
        let alt = item.image_alt.clone().unwrap_or_default();
        let explanation = item.explanation.clone().unwrap_or_default();
        let mut options: Vec<QuizOptionFields> = item
            .options
            .iter()
            .map(|o| QuizOptionFields {
                en: o.text.en.clone(),
                cy: o.text.cy.clone().unwrap_or_default(),
                correct: o.correct,
            })
            .collect();
        while options.len() < QUIZ_OPTION_ROWS {
            options.push(QuizOptionFields::default());
        }
        QuizItemFields {
            competence: item.competence.clone(),
            prompt_en: item.prompt.en.clone(),
            prompt_cy: item.prompt.cy.clone().unwrap_or_default(),
            options,
            image: item.image.clone().unwrap_or_default(),
            image_cy: item.image_cy.clone().unwrap_or_default(),
            image_alt_en: alt.en,
            image_alt_cy: alt.cy.unwrap_or_default(),
            explanation_en: explanation.en,
            explanation_cy: explanation.cy.unwrap_or_default(),
        }
    }

    /// The question, with `code`, testing one of `competences` (codes of the competences the
    /// campaign rates) and showing one of `pictures` (file names) if any.
    pub fn parse(
        &self,
        code: &str,
        competences: &[String],
        pictures: &[&str],
    ) -> Result<QuizItem, Problems> {
        let mut problems = Vec::new();
        let competence = self.competence.trim().to_string();
        if !competences.contains(&competence) {
            problem(&mut problems, "competence", "quiz-competence-missing");
        }
        let prompt = text(&self.prompt_en, &self.prompt_cy);
        if prompt.is_blank() {
            problem(&mut problems, "prompt_en", "question-prompt-missing");
        }
        check_length(
            &mut problems,
            "prompt",
            &prompt,
            MAX_TITLE,
            "framework-text-too-long",
        );
        let mut options = Vec::new();
        for (i, row) in self.options.iter().enumerate() {
            let option = text(&row.en, &row.cy);
            if option.is_blank() {
                if option.cy.is_some() || row.correct {
                    problem(
                        &mut problems,
                        format!("option-{}-en", i + 1),
                        "quiz-option-missing",
                    );
                }
                continue;
            }
            if option.en.chars().count() > MAX_TITLE
                || option
                    .cy
                    .as_ref()
                    .is_some_and(|c| c.chars().count() > MAX_TITLE)
            {
                problem(
                    &mut problems,
                    format!("option-{}-en", i + 1),
                    "framework-text-too-long",
                );
            }
            options.push(QuizOption {
                text: option,
                correct: row.correct,
            });
        }
        if options.len() < 2 {
            problem(&mut problems, "option-1-en", "quiz-options-too-few");
        } else if !options.iter().any(|o| o.correct) {
            problem(&mut problems, "option-1-en", "quiz-correct-missing");
        } else if options.iter().all(|o| o.correct) {
            problem(&mut problems, "option-1-en", "quiz-all-correct");
        }
        let image = Some(self.image.trim().to_string()).filter(|i| !i.is_empty());
        let alt = text(&self.image_alt_en, &self.image_alt_cy);
        if let Some(name) = &image {
            if !pictures.contains(&name.as_str()) {
                problem(&mut problems, "image", "quiz-picture-unknown");
            } else if alt.is_blank() {
                problem(&mut problems, "image_alt_en", "quiz-picture-alt-missing");
            }
        }
        let image_cy = Some(self.image_cy.trim().to_string()).filter(|i| !i.is_empty());
        if let Some(name) = &image_cy {
            if !pictures.contains(&name.as_str()) {
                problem(&mut problems, "image_cy", "quiz-picture-unknown");
            } else if image.is_none() {
                problem(&mut problems, "image_cy", "quiz-picture-cy-alone");
            } else if alt.cy.is_none() {
                // Welsh readers see the Welsh picture: its description must be Welsh too.
                problem(&mut problems, "image_alt_cy", "quiz-picture-cy-alt-missing");
            }
        }
        let explanation = text(&self.explanation_en, &self.explanation_cy);
        check_length(
            &mut problems,
            "explanation",
            &explanation,
            MAX_DESCRIPTION,
            "framework-text-too-long",
        );
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(QuizItem {
            code: code.to_string(),
            competence,
            prompt,
            image_alt: image.as_ref().map(|_| alt),
            image_cy: image_cy.filter(|cy| Some(cy) != image.as_ref()),
            image,
            options,
            explanation: (!explanation.is_blank()).then_some(explanation),
        })
    }
}

/// The first code `PREFIX1`, `PREFIX2`… not among `taken`: new questions get one, and keep it
/// through every edit, so saved survey-import mappings still find them.
pub fn next_code<'a>(prefix: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: Vec<&str> = taken.into_iter().collect();
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|c| !taken.contains(&c.as_str()))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(code: &str, title: &str) -> ItemFields {
        ItemFields {
            code: code.into(),
            title_en: title.into(),
            ..ItemFields::default()
        }
    }

    #[test]
    fn items_need_a_code_and_an_english_title_and_welsh_is_optional() {
        let draft = ItemDraft::parse(&item(" comm-9 ", "Video calls"), true).unwrap();
        assert_eq!(draft.code, "COMM-9");
        assert_eq!(draft.title.cy, None);
        let problems = ItemDraft::parse(&item("", " "), true).unwrap_err();
        assert_eq!(
            problems,
            vec![
                ("code".to_string(), "framework-code-missing"),
                ("title_en".to_string(), "framework-title-missing")
            ]
        );
        assert_eq!(
            ItemDraft::parse(&item("A B", "x"), true).unwrap_err()[0].1,
            "framework-code-invalid"
        );
        // Editing keeps the code: none is asked for.
        assert!(ItemDraft::parse(&item("", "Renamed"), false).is_ok());
    }

    #[test]
    fn identifiers_are_stable_for_the_same_framework_and_code() {
        let a = new_item_identifier("f-1", "COMM-9");
        assert_eq!(a, new_item_identifier("f-1", "COMM-9"));
        assert_ne!(a, new_item_identifier("f-1", "COMM-8"));
        assert_ne!(a, new_item_identifier("f-2", "COMM-9"));
    }

    #[test]
    fn moves_swap_with_a_neighbour_and_stop_at_the_ends() {
        assert_eq!(Move::Up.apply(&[1, 2, 3], 1), vec![2, 1, 3]);
        assert_eq!(Move::Down.apply(&[1, 2, 3], 1), vec![1, 3, 2]);
        assert_eq!(Move::Up.apply(&[1, 2, 3], 0), vec![1, 2, 3]);
        assert_eq!(Move::Down.apply(&[1, 2, 3], 2), vec![1, 2, 3]);
        assert!(Move::parse("sideways").is_err());
    }

    #[test]
    fn competences_with_answers_cannot_be_removed() {
        let unused = CompetenceUse::default();
        assert_eq!(unused.removal(), Removal::Allowed);
        let asked = CompetenceUse {
            campaigns: 2,
            ..unused
        };
        assert_eq!(asked.removal(), Removal::Allowed);
        let tested = CompetenceUse {
            quiz_items: 1,
            ..asked
        };
        assert_eq!(tested.removal(), Removal::TestedByQuiz);
        let answered = CompetenceUse {
            answers: 1,
            ..tested
        };
        assert_eq!(answered.removal(), Removal::HasAnswers);
        assert_eq!(
            answered.removal().message(),
            Some("framework-remove-has-answers")
        );
    }

    #[test]
    fn levels_are_five_with_english_and_optional_welsh() {
        let mut typed: Vec<(String, String)> = (1..=5)
            .map(|i| (format!("Level {i}"), String::new()))
            .collect();
        assert_eq!(parse_levels(&typed).unwrap().len(), 5);
        typed[2].0 = " ".into();
        assert_eq!(
            parse_levels(&typed).unwrap_err(),
            vec![("level-3-en".to_string(), "framework-level-missing")]
        );
    }

    #[test]
    fn profile_questions_of_each_kind() {
        let single = ProfileQuestionFields {
            kind: "single".into(),
            prompt_en: "Where do you work most?".into(),
            prompt_cy: "Ble rydych chi'n gweithio fwyaf?".into(),
            options_en: "Branch\n\nMobile library\n".into(),
            options_cy: "Cangen\nLlyfrgell deithiol".into(),
            ..ProfileQuestionFields::default()
        };
        let q = single.parse("Q1").unwrap();
        assert_eq!(q.options.len(), 2);
        assert_eq!(q.options[1].cy.as_deref(), Some("Llyfrgell deithiol"));
        assert_eq!(ProfileQuestionFields::of(&q).parse("Q1").unwrap(), q);
        let uneven = ProfileQuestionFields {
            options_cy: "Cangen".into(),
            ..single.clone()
        };
        assert_eq!(
            uneven.parse("Q1").unwrap_err(),
            vec![("options_cy".to_string(), "question-options-cy-count")]
        );
        let number = ProfileQuestionFields {
            kind: "number".into(),
            prompt_en: "Years in libraries".into(),
            min: "0".into(),
            max: "-1".into(),
            ..ProfileQuestionFields::default()
        };
        assert_eq!(
            number.parse("Q2").unwrap_err(),
            vec![("max".to_string(), "question-max-below-min")]
        );
        let number = ProfileQuestionFields {
            max: "60".into(),
            ..number
        };
        let q = number.parse("Q2").unwrap();
        assert_eq!((q.min, q.max), (Some(0), Some(60)));
        assert_eq!(q.answer(&["61".into()]), Err(Invalid("audit-number-range")));
        let blank = ProfileQuestionFields::default();
        let problems = blank.parse("Q3").unwrap_err();
        assert!(problems.iter().any(|p| p.0 == "kind"));
        assert!(problems.iter().any(|p| p.0 == "prompt_en"));
    }

    fn quiz_fields(correct: &[bool]) -> QuizItemFields {
        QuizItemFields {
            competence: "SAFE-1".into(),
            prompt_en: "Which of these is a strong password?".into(),
            options: correct
                .iter()
                .enumerate()
                .map(|(i, c)| QuizOptionFields {
                    en: format!("Option {i}"),
                    cy: String::new(),
                    correct: *c,
                })
                .chain(std::iter::once(QuizOptionFields::default()))
                .collect(),
            ..QuizItemFields::default()
        }
    }

    #[test]
    fn quiz_items_need_a_competence_options_and_a_right_answer() {
        let competences = vec!["SAFE-1".to_string()];
        let item = quiz_fields(&[false, true, true])
            .parse("K1", &competences, &[])
            .unwrap();
        assert!(item.multiple());
        assert_eq!(item.options.len(), 3);
        assert!(item.mark(&[1, 2]));
        assert_eq!(
            QuizItemFields::of(&item)
                .parse("K1", &competences, &[])
                .unwrap(),
            item
        );
        let none_right = quiz_fields(&[false, false]).parse("K1", &competences, &[]);
        assert_eq!(none_right.unwrap_err()[0].1, "quiz-correct-missing");
        let one = quiz_fields(&[true]).parse("K1", &competences, &[]);
        assert_eq!(one.unwrap_err()[0].1, "quiz-options-too-few");
        let elsewhere = quiz_fields(&[true, false]).parse("K1", &[], &[]);
        assert_eq!(elsewhere.unwrap_err()[0].1, "quiz-competence-missing");
    }

    #[test]
    fn quiz_pictures_are_from_the_shipped_set_and_need_alt_text() {
        let competences = vec!["SAFE-1".to_string()];
        let mut fields = quiz_fields(&[true, false]);
        fields.image = "../../etc/passwd".into();
        assert_eq!(
            fields.parse("K1", &competences, &["wifi.svg"]).unwrap_err()[0].1,
            "quiz-picture-unknown"
        );
        fields.image = "wifi.svg".into();
        assert_eq!(
            fields.parse("K1", &competences, &["wifi.svg"]).unwrap_err()[0].1,
            "quiz-picture-alt-missing"
        );
        fields.image_alt_en = "A Wi-Fi symbol".into();
        let item = fields.parse("K1", &competences, &["wifi.svg"]).unwrap();
        assert_eq!(item.image.as_deref(), Some("wifi.svg"));
        assert_eq!(item.image_cy, None);
    }

    #[test]
    fn a_welsh_picture_goes_with_a_picture_and_a_welsh_description() {
        let competences = vec!["SAFE-1".to_string()];
        let pictures = ["phishing.svg", "phishing-cy.svg"];
        let mut fields = quiz_fields(&[true, false]);
        fields.image_cy = "phishing-cy.svg".into();
        assert_eq!(
            fields.parse("K1", &competences, &pictures).unwrap_err()[0],
            ("image_cy".to_string(), "quiz-picture-cy-alone")
        );
        fields.image = "phishing.svg".into();
        fields.image_alt_en = "An email".into();
        assert_eq!(
            fields.parse("K1", &competences, &pictures).unwrap_err()[0],
            ("image_alt_cy".to_string(), "quiz-picture-cy-alt-missing")
        );
        fields.image_alt_cy = "E-bost".into();
        let item = fields.parse("K1", &competences, &pictures).unwrap();
        assert_eq!(item.picture_for("cy"), Some("phishing-cy.svg"));
        assert_eq!(item.picture_for("en"), Some("phishing.svg"));
        assert_eq!(
            QuizItemFields::of(&item)
                .parse("K1", &competences, &pictures)
                .unwrap(),
            item
        );
        fields.image_cy = "../secret".into();
        assert_eq!(
            fields.parse("K1", &competences, &pictures).unwrap_err()[0],
            ("image_cy".to_string(), "quiz-picture-unknown")
        );
    }

    #[test]
    fn new_codes_are_the_first_free_number() {
        assert_eq!(next_code("Q", []), "Q1");
        assert_eq!(next_code("Q", ["Q1", "Q3"]), "Q2");
    }
}
