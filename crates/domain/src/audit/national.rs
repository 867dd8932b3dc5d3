//! The national edition of skillgym's framework and campaign, which the national-scale demo
//! uses: the default framework's 36 competences and 12 knowledge-round questions, with six
//! more areas (24 competences) and 8 more questions from `content/national-additions.json`,
//! for 60 rated competences and 20 questions — the size of a national audit.

use super::{Area, CampaignContent, Framework, Localised, QuizItem};
use serde::Deserialize;

const ADDITIONS: &str = include_str!("../../content/national-additions.json");

#[derive(Deserialize)]
struct Additions {
    areas: Vec<Area>,
    quiz: Vec<QuizItem>,
}

fn additions() -> Additions {
    serde_json::from_str(ADDITIONS).expect("the shipped national additions are valid JSON")
}

impl Framework {
    /// The default framework with the national edition's six further areas.
    pub fn national() -> Framework {
        let mut framework = Framework::library_default();
        framework.identifier = "8c1f5a52-4a3e-5d0e-9b61-2f7d3c0a9e15".into();
        framework.code = "SKILLGYM-NATIONAL-2026".into();
        framework.title = Localised {
            en: "skillgym digital skills framework for library and council staff, national edition"
                .into(),
            cy: Some(
                "Fframwaith sgiliau digidol skillgym ar gyfer staff llyfrgelloedd a chynghorau, \
                 argraffiad cenedlaethol"
                    .into(),
            ),
        };
        framework.areas.extend(additions().areas);
        debug_assert!(framework.problems().is_empty());
        framework
    }
}

impl CampaignContent {
    /// The standard campaign with the national edition's further knowledge-round questions,
    /// matched to [`Framework::national`].
    pub fn national() -> CampaignContent {
        let mut content = CampaignContent::standard();
        content.quiz.extend(additions().quiz);
        content
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_national_edition_rates_sixty_competences_and_asks_twenty_questions() {
        let framework = Framework::national();
        assert_eq!(framework.problems(), vec![]);
        assert_eq!(framework.competences().count(), 60);
        let content = CampaignContent::national();
        assert_eq!(content.quiz.len(), 20);
        let codes: HashSet<&str> = framework
            .competences()
            .map(|(_, c)| c.code.as_str())
            .collect();
        let items: HashSet<&str> = content.quiz.iter().map(|q| q.code.as_str()).collect();
        assert_eq!(items.len(), 20, "question codes are unique");
        for item in &content.quiz {
            assert!(
                codes.contains(item.competence.as_str()),
                "{} tests a known competence",
                item.code
            );
            assert!(
                item.options.iter().any(|o| o.correct),
                "{} can be answered",
                item.code
            );
        }
        for (area, competence) in framework.competences() {
            for text in [&area.title, &competence.title, &competence.description] {
                assert!(
                    text.cy.as_deref().is_some_and(|t| !t.is_empty()),
                    "{} has Welsh",
                    competence.code
                );
            }
        }
    }
}
