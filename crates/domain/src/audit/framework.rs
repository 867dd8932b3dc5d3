//! A skills framework: areas, each of competences, rated on five levels with descriptors a
//! person can recognise themselves in.

use super::Localised;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A framework, as skillgym ships it, an admin writes it, or a CASE file brings it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    /// Stable across exports and imports (a CASE `identifier`, a UUID).
    pub identifier: String,
    pub code: String,
    pub title: Localised,
    #[serde(default)]
    pub description: Localised,
    /// What each self-rating from 1 to 5 means, in words.
    pub levels: Vec<Localised>,
    pub areas: Vec<Area>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub code: String,
    pub identifier: String,
    pub title: Localised,
    #[serde(default)]
    pub description: Localised,
    pub competences: Vec<Competence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Competence {
    pub code: String,
    pub identifier: String,
    pub title: Localised,
    #[serde(default)]
    pub description: Localised,
}

/// Something wrong with a framework, named by the item (its code, or a position) and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameworkProblem {
    pub item: String,
    pub field: &'static str,
    /// Fluent message id.
    pub code: &'static str,
}

/// Self-ratings run from 1 to 5, so a framework describes exactly five levels.
pub const LEVELS: usize = 5;

const DEFAULT: &str = include_str!("../../content/default-framework.json");

impl Framework {
    /// The framework skillgym ships for library and council staff.
    pub fn library_default() -> Framework {
        let framework: Framework =
            serde_json::from_str(DEFAULT).expect("the shipped framework is valid JSON");
        debug_assert!(framework.problems().is_empty());
        framework
    }

    /// Everything that would make the framework unusable; empty when it is sound.
    pub fn problems(&self) -> Vec<FrameworkProblem> {
        let mut found = Vec::new();
        let mut problem = |item: &str, field, code| {
            found.push(FrameworkProblem {
                item: item.to_string(),
                field,
                code,
            })
        };
        if self.title.is_blank() {
            problem(&self.code, "title", "framework-title-missing");
        }
        if self.levels.len() != LEVELS {
            problem(&self.code, "levels", "framework-levels-count");
        }
        for (i, level) in self.levels.iter().enumerate() {
            if level.is_blank() {
                problem(
                    &format!("{}#{}", self.code, i + 1),
                    "levels",
                    "framework-level-missing",
                );
            }
        }
        if self.areas.is_empty() {
            problem(&self.code, "areas", "framework-no-areas");
        }
        let mut codes = HashSet::new();
        let mut identifiers = HashSet::new();
        for area in &self.areas {
            let items = std::iter::once((&area.code, &area.identifier, &area.title)).chain(
                area.competences
                    .iter()
                    .map(|c| (&c.code, &c.identifier, &c.title)),
            );
            for (code, identifier, title) in items {
                if !valid_code(code) {
                    problem(code, "code", "framework-code-invalid");
                } else if !codes.insert(code.clone()) {
                    problem(code, "code", "framework-code-duplicate");
                }
                if identifier.trim().is_empty() {
                    problem(code, "identifier", "framework-identifier-missing");
                } else if !identifiers.insert(identifier.clone()) {
                    problem(code, "identifier", "framework-identifier-duplicate");
                }
                if title.is_blank() {
                    problem(code, "title", "framework-title-missing");
                }
            }
            if area.competences.is_empty() {
                problem(&area.code, "competences", "framework-no-competences");
            }
        }
        found
    }

    /// Every competence with the area it belongs to, in order.
    pub fn competences(&self) -> impl Iterator<Item = (&Area, &Competence)> {
        self.areas
            .iter()
            .flat_map(|a| a.competences.iter().map(move |c| (a, c)))
    }
}

/// Codes are what files and reports use: upper-case letters, digits, dashes and dots.
pub fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_framework_is_sound_and_bilingual() {
        let f = Framework::library_default();
        assert!(f.problems().is_empty(), "{:?}", f.problems());
        assert_eq!(f.levels.len(), LEVELS);
        assert!(f.areas.len() >= 11);
        assert!(f.competences().count() >= 25);
        for (area, competence) in f.competences() {
            assert!(
                area.title.cy.is_some() && competence.title.cy.is_some(),
                "{}",
                competence.code
            );
        }
    }

    #[test]
    fn problems_name_the_item_and_field() {
        let mut f = Framework::library_default();
        f.levels.pop();
        let first = f.areas[0].competences[0].code.clone();
        f.areas[1].competences[0].code = first.clone();
        f.areas[2].competences[0].title.en = " ".into();
        let problems = f.problems();
        assert!(problems.iter().any(|p| p.code == "framework-levels-count"));
        assert!(
            problems
                .iter()
                .any(|p| p.item == first && p.code == "framework-code-duplicate")
        );
        assert!(
            problems
                .iter()
                .any(|p| p.field == "title" && p.code == "framework-title-missing")
        );
    }
}
