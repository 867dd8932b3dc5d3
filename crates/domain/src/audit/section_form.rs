//! One page of the questionnaire as a form sends it back: every field checked against what the
//! page asked, and every problem named by its field.

use super::{ProfileQuestion, QuizItem, Rating};
use crate::services::Confidence;
use crate::{CompetenceId, QuestionId, QuizItemId, ServiceId};
use std::collections::HashMap;

/// What a page asks, by the ids its fields are named after (`q-ID`, `rating-ID`, `quiz-ID`,
/// `service-ID`).
#[derive(Debug, Clone, Copy)]
pub enum Asked<'a> {
    Profile(&'a [(QuestionId, ProfileQuestion)]),
    Ratings(&'a [CompetenceId]),
    Quiz(&'a [(QuizItemId, QuizItem)]),
    Services(&'a [ServiceId]),
}

/// The field of a service's confidence question.
pub const SERVICE_FIELD: &str = "service-";
/// A service page's field naming a service the campaign does not ask about.
pub const SERVICE_NOT_ASKED: &str = "audit-service-not-asked";

/// The checked answers of one page, in the order the page asks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageAnswers {
    pub ratings: Vec<(CompetenceId, Rating)>,
    pub profile: Vec<(QuestionId, String)>,
    /// Profile questions left blank: any earlier answer to them is removed.
    pub cleared: Vec<QuestionId>,
    /// The options chosen, and whether that is right.
    pub quiz: Vec<(QuizItemId, Vec<usize>, bool)>,
    /// How confident the person is with each service asked about.
    pub services: Vec<(ServiceId, Confidence)>,
}

/// A field's problem: its name and the Fluent message id that explains it.
pub type FieldProblem = (String, &'static str);

/// Reads the fields a page sent (in any order, a name possibly repeated for checkboxes;
/// fields the page did not ask for are ignored, except on the services page, where a service
/// not asked about is a problem). Every question asked is answered, cleared or named in a
/// problem.
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
        Asked::Services(services) => {
            for id in services {
                let name = format!("{SERVICE_FIELD}{id}");
                let value = match given(&name) {
                    [one] => one.as_str(),
                    // None, or two answers to one question: neither is the answer.
                    _ => "",
                };
                match Confidence::parse(value) {
                    Ok(c) => page.services.push((*id, c)),
                    Err(e) => problems.push((name, e.0)),
                }
            }
            let mut others: Vec<&str> = submitted
                .keys()
                .copied()
                .filter(|k| {
                    k.strip_prefix(SERVICE_FIELD)
                        .is_some_and(|id| !services.iter().any(|s| s.to_string() == id))
                })
                .collect();
            others.sort_unstable();
            problems.extend(
                others
                    .into_iter()
                    .map(|k| (k.to_string(), SERVICE_NOT_ASKED)),
            );
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
    fn services_are_read_and_a_bad_or_unasked_one_is_named() {
        let ids = [ServiceId(3), ServiceId(8)];
        let page = read_page(
            Asked::Services(&ids),
            &fields(&[("service-8", "not-sure"), ("service-3", "5"), ("csrf", "x")]),
        )
        .unwrap();
        assert_eq!(
            page.services,
            vec![
                (ids[0], Confidence::Rated(5)),
                (ids[1], Confidence::NotSure)
            ]
        );
        for bad in ["6", "0", "-1", "4.5", "", "sure"] {
            let problems = read_page(
                Asked::Services(&ids),
                &fields(&[("service-3", bad), ("service-8", "2")]),
            )
            .unwrap_err();
            assert_eq!(
                problems,
                vec![("service-3".to_string(), "service-confidence-missing")],
                "{bad:?}"
            );
        }
        let problems = read_page(
            Asked::Services(&ids),
            &fields(&[("service-3", "1"), ("service-8", "2"), ("service-99", "4")]),
        )
        .unwrap_err();
        assert_eq!(
            problems,
            vec![("service-99".to_string(), SERVICE_NOT_ASKED)]
        );
        let problems = read_page(
            Asked::Services(&ids),
            &fields(&[("service-3", "1"), ("service-3", "2"), ("service-8", "2")]),
        )
        .unwrap_err();
        assert_eq!(problems.len(), 1, "two answers to one question");
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
