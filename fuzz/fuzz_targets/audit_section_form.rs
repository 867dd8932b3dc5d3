//! Any form body posted to a questionnaire page (the first byte picks the page: profile
//! questions, ratings or a quiz page): reading it must never panic, and what it accepts holds
//! only answers to what the page asked, ratings 1 to 5 or "not sure", options that exist and
//! quiz answers marked right exactly when they are.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgym_domain::audit::section_form::{Asked, read_page};
use skillgym_domain::audit::{CampaignContent, ProfileQuestion, QuestionKind, QuizItem, Rating};
use skillgym_domain::services::Confidence;
use skillgym_domain::{CompetenceId, QuestionId, QuizItemId, ServiceId};
use std::sync::OnceLock;

struct Campaign {
    questions: Vec<(QuestionId, ProfileQuestion)>,
    competences: Vec<CompetenceId>,
    quiz: Vec<(QuizItemId, QuizItem)>,
}

fn campaign() -> &'static Campaign {
    static CAMPAIGN: OnceLock<Campaign> = OnceLock::new();
    CAMPAIGN.get_or_init(|| {
        let content = CampaignContent::standard();
        Campaign {
            questions: (1..)
                .map(QuestionId)
                .zip(content.profile_questions)
                .collect(),
            competences: (1..=6).map(CompetenceId).collect(),
            quiz: (1..).map(QuizItemId).zip(content.quiz).collect(),
        }
    })
}

/// `application/x-www-form-urlencoded`, as the web framework decodes it.
fn decode(part: &[u8]) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(part.len());
    let mut i = 0;
    while i < part.len() {
        match (
            part[i],
            part.get(i + 1).copied().and_then(hex),
            part.get(i + 2).copied().and_then(hex),
        ) {
            (b'+', _, _) => out.push(b' '),
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 2;
            }
            (b, _, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
    let Some((which, body)) = data.split_first() else {
        return;
    };
    let fields: Vec<(String, String)> = body
        .split(|b| *b == b'&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.iter().position(|b| *b == b'=') {
            Some(eq) => (decode(&p[..eq]), decode(&p[eq + 1..])),
            None => (decode(p), String::new()),
        })
        .collect();
    let c = campaign();
    const SERVICES: [ServiceId; 3] = [ServiceId(1), ServiceId(2), ServiceId(12)];
    let asked = match which % 4 {
        0 => Asked::Profile(&c.questions),
        1 => Asked::Ratings(&c.competences),
        3 => Asked::Services(&SERVICES),
        _ => {
            let start = (usize::from(*which / 3) % 3) * 4;
            Asked::Quiz(&c.quiz[start.min(c.quiz.len())..(start + 4).min(c.quiz.len())])
        }
    };
    let Ok(page) = read_page(asked, &fields) else {
        return;
    };
    match asked {
        Asked::Profile(questions) => {
            assert_eq!(page.profile.len() + page.cleared.len(), questions.len());
            for (id, value) in &page.profile {
                let (_, q) = questions.iter().find(|(q, _)| q == id).expect("asked");
                assert_eq!(
                    q.answer(&stored_parts(q, value)).ok().flatten().as_ref(),
                    Some(value)
                );
            }
        }
        Asked::Ratings(ids) => {
            assert_eq!(
                page.ratings.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
                ids
            );
            for (_, r) in &page.ratings {
                if let Rating::Level(n) = r {
                    assert!((1..=5).contains(n), "rating {n} outside 1 to 5");
                }
            }
        }
        Asked::Services(ids) => {
            assert_eq!(
                page.services.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
                ids
            );
            for (_, c) in &page.services {
                if let Confidence::Rated(n) = c {
                    assert!((1..=5).contains(n), "confidence {n} outside 1 to 5");
                }
            }
        }
        Asked::Quiz(items) => {
            assert_eq!(page.quiz.len(), items.len());
            for ((id, chosen, right), (asked_id, item)) in page.quiz.iter().zip(items) {
                assert_eq!(id, asked_id);
                assert!(!chosen.is_empty() && chosen.iter().all(|i| *i < item.options.len()));
                assert!(item.multiple() || chosen.len() == 1);
                assert_eq!(*right, item.mark(chosen));
            }
        }
    }
});
