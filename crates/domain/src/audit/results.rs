//! What one person's answers show: ratings by area, the knowledge round by competence, and
//! where confidence and tested knowledge disagree.

use super::Rating;
use std::collections::HashMap;

/// One person's answers, keyed by competence code.
#[derive(Debug, Clone, Default)]
pub struct Answers {
    pub ratings: HashMap<String, Rating>,
    /// For each quiz item answered: the competence it tests and whether it was right.
    pub quiz: Vec<(String, bool)>,
}

/// An area's ratings summed up.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaResult {
    pub code: String,
    /// Mean of the 1–5 ratings, leaving out "not sure"; `None` when every one was "not sure".
    pub mean: Option<f64>,
    pub rated: usize,
    pub not_sure: usize,
}

/// The knowledge round for one competence.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizResult {
    pub competence: String,
    pub right: usize,
    pub asked: usize,
}

/// Where rating and quiz disagree enough to be worth saying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calibration {
    /// Rated 4 or 5, but got most of the questions wrong.
    MoreConfidentThanTested,
    /// Rated 1 or 2 (or not sure), but got the questions right.
    KnowsMoreThanTheyThink,
}

impl Calibration {
    /// Fluent id of the kind sentence that explains it.
    pub fn message(self) -> &'static str {
        match self {
            Calibration::MoreConfidentThanTested => "results-more-confident",
            Calibration::KnowsMoreThanTheyThink => "results-knows-more",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PersonResults {
    pub areas: Vec<AreaResult>,
    pub quiz: Vec<QuizResult>,
    pub calibration: Vec<(String, Calibration)>,
}

impl PersonResults {
    /// `areas` lists each area's code with the codes of its rated competences, in order.
    pub fn new(areas: &[(String, Vec<String>)], answers: &Answers) -> Self {
        let area_results = areas
            .iter()
            .map(|(code, competences)| {
                let ratings: Vec<Rating> = competences
                    .iter()
                    .filter_map(|c| answers.ratings.get(c).copied())
                    .collect();
                let levels: Vec<f64> = ratings
                    .iter()
                    .filter_map(|r| r.level().map(f64::from))
                    .collect();
                AreaResult {
                    code: code.clone(),
                    mean: (!levels.is_empty())
                        .then(|| levels.iter().sum::<f64>() / levels.len() as f64),
                    rated: levels.len(),
                    not_sure: ratings.len() - levels.len(),
                }
            })
            .collect();
        let mut quiz: Vec<QuizResult> = Vec::new();
        for (competence, right) in &answers.quiz {
            match quiz.iter_mut().find(|q| &q.competence == competence) {
                Some(q) => {
                    q.asked += 1;
                    q.right += usize::from(*right);
                }
                None => quiz.push(QuizResult {
                    competence: competence.clone(),
                    right: usize::from(*right),
                    asked: 1,
                }),
            }
        }
        let calibration = quiz
            .iter()
            .filter_map(|q| {
                let share = q.right as f64 / q.asked as f64;
                let kind = match answers.ratings.get(&q.competence)? {
                    Rating::Level(4 | 5) if share < 0.5 => Calibration::MoreConfidentThanTested,
                    Rating::Level(1 | 2) | Rating::NotSure if share >= 0.75 => {
                        Calibration::KnowsMoreThanTheyThink
                    }
                    _ => return None,
                };
                Some((q.competence.clone(), kind))
            })
            .collect();
        Self {
            areas: area_results,
            quiz,
            calibration,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_average_ratings_and_leave_out_not_sure() {
        let mut answers = Answers::default();
        answers.ratings.insert("A1".into(), Rating::Level(2));
        answers.ratings.insert("A2".into(), Rating::Level(5));
        answers.ratings.insert("A3".into(), Rating::NotSure);
        answers.ratings.insert("B1".into(), Rating::NotSure);
        let areas = vec![
            ("A".to_string(), vec!["A1".into(), "A2".into(), "A3".into()]),
            ("B".to_string(), vec!["B1".into()]),
        ];
        let results = PersonResults::new(&areas, &answers);
        assert_eq!(results.areas[0].mean, Some(3.5));
        assert_eq!((results.areas[0].rated, results.areas[0].not_sure), (2, 1));
        assert_eq!(results.areas[1].mean, None);
    }

    #[test]
    fn confidence_and_knowledge_disagreeing_is_noticed() {
        let mut answers = Answers::default();
        answers.ratings.insert("SAFE".into(), Rating::Level(5));
        answers.ratings.insert("WIFI".into(), Rating::Level(1));
        answers.ratings.insert("MAIL".into(), Rating::Level(3));
        answers.quiz = vec![
            ("SAFE".into(), false),
            ("SAFE".into(), true),
            ("SAFE".into(), false),
            ("WIFI".into(), true),
            ("MAIL".into(), false),
        ];
        let results = PersonResults::new(&[], &answers);
        assert_eq!(
            results.calibration,
            vec![
                ("SAFE".to_string(), Calibration::MoreConfidentThanTested),
                ("WIFI".to_string(), Calibration::KnowsMoreThanTheyThink),
            ]
        );
        let safe = results
            .quiz
            .iter()
            .find(|q| q.competence == "SAFE")
            .unwrap();
        assert_eq!((safe.right, safe.asked), (1, 3));
    }
}
