//! One page of the questionnaire as a form sends it back: every field checked against what the
//! page asked, and every problem named by its field.

use super::{ProfileQuestion, QuizItem, Rating};
use crate::{CompetenceId, QuestionId, QuizItemId};
use std::collections::HashMap;

/// What a page asks, by the ids its fields are named after (`q-ID`, `rating-ID`, `quiz-ID`).
#[derive(Debug, Clone, Copy)]
pub enum Asked<'a> {
    Profile(&'a [(QuestionId, ProfileQuestion)]),
    Ratings(&'a [CompetenceId]),
    Quiz(&'a [(QuizItemId, QuizItem)]),
}

/// The checked answers of one page, in the order the page asks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageAnswers {
    pub ratings: Vec<(CompetenceId, Rating)>,
    pub profile: Vec<(QuestionId, String)>,
    /// Profile questions left blank: any earlier answer to them is removed.
    pub cleared: Vec<QuestionId>,
    /// The options chosen, and whether that is right.
    pub quiz: Vec<(QuizItemId, Vec<usize>, bool)>,
}

/// A field's problem: its name and the Fluent message id that explains it.
pub type FieldProblem = (String, &'static str);

/// Reads the fields a page sent (in any order, a name possibly repeated for checkboxes;
/// fields the page did not ask for are ignored). Every question asked is answered, cleared or
/// named in a problem.
pub fn read_page(
    asked: Asked<'_>,
    fields: &[(String, String)],
) -> Result<PageAnswers, Vec<FieldProblem>> {
    let mut submitted: HashMap<&str, Vec<String>> = HashMap::new();
    for (k, v) in fields {
        submitted.entry(k.as_str()).or_default().push(v.clone());
    }
    let given = |name: &str| submitted.get(name).map_or(&[][..], Vec::as_slice);
    let mut page = PageAnswers::default();
    let mut problems = Vec::new();
    match asked {
        Asked::Profile(questions) => {
            for (id, q) in questions {
                let name = format!("q-{id}");
                match q.answer(given(&name)) {
                    Ok(Some(v)) => page.profile.push((*id, v)),
                    Ok(None) => page.cleared.push(*id),
                    Err(e) => problems.push((name, e.0)),
                }
            }
        }
        Asked::Ratings(competences) => {
            for id in competences {
                let name = format!("rating-{id}");
                match Rating::parse(given(&name).first().map_or("", String::as_str)) {
                    Ok(r) => page.ratings.push((*id, r)),
                    Err(e) => problems.push((name, e.0)),
                }
            }
        }
        Asked::Quiz(items) => {
            for (id, item) in items {
                let name = format!("quiz-{id}");
                match item.parse_answer(given(&name)) {
                    Ok(chosen) => {
                        let correct = item.mark(&chosen);
                        page.quiz.push((*id, chosen, correct));
                    }
                    Err(e) => problems.push((name, e.0)),
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(page)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::CampaignContent;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn ratings_are_read_and_a_missing_one_is_named() {
        let ids = [CompetenceId(7), CompetenceId(9)];
        let page = read_page(
            Asked::Ratings(&ids),
            &fields(&[("rating-9", "not-sure"), ("rating-7", "4"), ("other", "x")]),
        )
        .unwrap();
        assert_eq!(
            page.ratings,
            vec![(ids[0], Rating::Level(4)), (ids[1], Rating::NotSure)]
        );
        let problems = read_page(Asked::Ratings(&ids), &fields(&[("rating-7", "6")])).unwrap_err();
        let names: Vec<&str> = problems.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["rating-7", "rating-9"]);
    }

    #[test]
    fn blank_profile_answers_clear_and_quiz_answers_are_marked() {
        let content = CampaignContent::standard();
        let questions: Vec<(QuestionId, ProfileQuestion)> = content
            .profile_questions
            .iter()
            .enumerate()
            .map(|(i, q)| (QuestionId(i as i64 + 1), q.clone()))
            .collect();
        let page = read_page(Asked::Profile(&questions), &[]).unwrap();
        assert_eq!(page.cleared.len(), questions.len());
        let items: Vec<(QuizItemId, QuizItem)> = content
            .quiz
            .iter()
            .take(1)
            .map(|q| (QuizItemId(5), q.clone()))
            .collect();
        let right = items[0].1.options.iter().position(|o| o.correct).unwrap();
        let page = read_page(
            Asked::Quiz(&items),
            &fields(&[("quiz-5", &right.to_string())]),
        )
        .unwrap();
        assert_eq!(page.quiz, vec![(QuizItemId(5), vec![right], true)]);
        assert_eq!(
            read_page(Asked::Quiz(&items), &[]).unwrap_err(),
            vec![("quiz-5".to_string(), "audit-quiz-missing")]
        );
    }
}
