//! A mapping and a survey export, as bytes split at the first NUL: the mapping's JSON, then the
//! export. Applying any mapping to any export must never panic; every response it yields rates
//! only the campaign's competences with 1 to 5 or "not sure", chooses only options that exist
//! and marks quiz answers as the web does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgym_domain::audit::survey::{self, Mapping, Targets};
use skillgym_domain::audit::{CampaignContent, Framework, ProfileQuestion, QuestionKind, Rating};
use std::sync::OnceLock;

fn targets() -> &'static Targets {
    static TARGETS: OnceLock<Targets> = OnceLock::new();
    TARGETS.get_or_init(|| {
        let framework = Framework::library_default();
        let content = CampaignContent::standard();
        Targets {
            competences: framework
                .areas
                .iter()
                .flat_map(|a| &a.competences)
                .map(|c| (c.code.clone(), c.title.clone()))
                .collect(),
            questions: content.profile_questions,
            quiz: content.quiz,
        }
    })
}

/// A profile answer in its stored form, as the form would send it again: option numbers are
/// stored joined by commas.
fn stored_parts(q: &ProfileQuestion, value: &str) -> Vec<String> {
    match q.kind {
        QuestionKind::Single | QuestionKind::Multiple => {
            value.split(',').map(String::from).collect()
        }
        QuestionKind::Number | QuestionKind::Text => vec![value.to_string()],
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(split) = data.iter().position(|b| *b == 0) else {
        return;
    };
    let Ok(json) = std::str::from_utf8(&data[..split]) else {
        return;
    };
    let Ok(mapping) = Mapping::from_json(json) else {
        return;
    };
    let Ok(file) = survey::parse(&data[split + 1..]) else {
        return;
    };
    let targets = targets();
    let Ok(imported) = survey::apply(&file, &mapping, targets) else {
        return;
    };
    assert!(imported.responses.len() <= file.rows.len());
    let mut keys = std::collections::HashSet::new();
    for r in &imported.responses {
        assert!(keys.insert(&r.external_key), "two responses share a key");
        assert!(r.line >= 1);
        for (code, rating) in &r.ratings {
            assert!(targets.competences.iter().any(|(c, _)| c == code));
            if let Rating::Level(n) = rating {
                assert!((1..=5).contains(n), "rating {n} outside 1 to 5");
            }
        }
        for (code, value) in &r.profile {
            let q = targets
                .questions
                .iter()
                .find(|q| &q.code == code)
                .expect("a question");
            // The stored form reads back as an answer to the question.
            assert_eq!(
                q.answer(&stored_parts(q, value)).ok().flatten().as_ref(),
                Some(value)
            );
        }
        for (code, chosen, right) in &r.quiz {
            let item = targets
                .quiz
                .iter()
                .find(|q| &q.code == code)
                .expect("a quiz item");
            assert!(!chosen.is_empty() && chosen.iter().all(|i| *i < item.options.len()));
            assert_eq!(*right, item.mark(chosen));
        }
    }
});
