//! Made-up answers for the demo organisation, shaped like real audits: frontline staff and
//! volunteers less confident than specialists, leaders rating themselves lower on technology
//! than aspiring leaders while doing better in the knowledge round, some "not sure", some
//! people who never answer. Deterministic for a seed.

use super::{ProfileQuestion, QuestionKind, QuizItem, Rating};
use crate::demo::Rng;
use crate::{Employment, JobFamily};

/// Who is asked, as the simulation needs them.
#[derive(Debug, Clone, Copy)]
pub struct Respondent {
    pub job_family: JobFamily,
    pub employment: Employment,
    /// Years in post, for the profile question about it.
    pub years: u32,
}

/// What a campaign asks, by position.
pub struct Asked<'a> {
    /// Each rated competence's area position (areas later in a framework are the
    /// library-specific, harder ones).
    pub competence_areas: &'a [usize],
    pub questions: &'a [ProfileQuestion],
    pub quiz: &'a [QuizItem],
    /// Each quiz item's competence, as a position in `competence_areas`.
    pub quiz_competences: &'a [usize],
}

/// One made-up response; positions refer to [`Asked`].
#[derive(Debug, Clone, PartialEq)]
pub struct SimulatedResponse {
    pub respondent: usize,
    pub ratings: Vec<(usize, Rating)>,
    pub profile: Vec<(usize, String)>,
    pub quiz: Vec<(usize, Vec<usize>, bool)>,
}

/// Answers for about `response_rate` percent of respondents (all of them at 100).
/// `skill_shift` moves everyone's skill (a year earlier, people were less skilled).
pub fn simulate(
    seed: u64,
    respondents: &[Respondent],
    asked: &Asked,
    skill_shift: f64,
    response_rate: u8,
) -> Vec<SimulatedResponse> {
    let mut rng = Rng(seed ^ 0x5EED_A0D1_7000_0001);
    let areas = asked.competence_areas.iter().max().map_or(1, |m| m + 1) as f64;
    let difficulty: Vec<f64> = asked
        .competence_areas
        .iter()
        .enumerate()
        .map(|(i, area)| 0.6 * (*area as f64) / areas + 0.25 * ((i * 7 % 5) as f64 / 4.0) - 0.3)
        .collect();
    let mut out = Vec::new();
    for (index, who) in respondents.iter().enumerate() {
        if !rng.chance(usize::from(response_rate)) {
            continue;
        }
        let (base, bias) = match who.job_family {
            JobFamily::Frontline => (2.9, 0.1),
            JobFamily::Specialist => (3.6, 0.0),
            JobFamily::Manager => (3.4, -0.55),
            JobFamily::SeniorLeader => (3.6, -0.75),
            JobFamily::AspiringLeader => (3.0, 0.6),
        };
        let volunteer = if who.employment == Employment::Volunteer {
            -0.3
        } else {
            0.0
        };
        let skill = base + volunteer + skill_shift + 0.6 * normal(&mut rng);
        let mut ratings = Vec::new();
        for (c, d) in difficulty.iter().enumerate() {
            let hard = asked.competence_areas[c] as f64 / areas > 0.7;
            let not_sure = if hard && who.job_family == JobFamily::Frontline {
                18
            } else {
                5
            };
            let rating = if rng.chance(not_sure) {
                Rating::NotSure
            } else {
                let value = (skill - d + bias + 0.7 * normal(&mut rng))
                    .round()
                    .clamp(1.0, 5.0);
                Rating::Level(value as u8)
            };
            ratings.push((c, rating));
        }
        let profile = asked
            .questions
            .iter()
            .enumerate()
            .filter_map(|(q, question)| {
                answer_profile(&mut rng, question, who, skill).map(|a| (q, a))
            })
            .collect();
        let quiz = asked
            .quiz
            .iter()
            .enumerate()
            .map(|(q, item)| {
                let d = difficulty[asked.quiz_competences[q]];
                let p = 1.0 / (1.0 + (-1.4 * (skill - d - 2.6)).exp());
                let right = rng.unit() < p;
                let correct: Vec<usize> = item
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.correct)
                    .map(|(i, _)| i)
                    .collect();
                let chosen = if right {
                    correct
                } else {
                    let wrong: Vec<usize> = (0..item.options.len())
                        .filter(|i| !correct.contains(i))
                        .collect();
                    vec![if wrong.is_empty() {
                        0
                    } else {
                        rng.pick(&wrong)
                    }]
                };
                let marked = item.mark(&chosen);
                (q, chosen, marked)
            })
            .collect();
        out.push(SimulatedResponse {
            respondent: index,
            ratings,
            profile,
            quiz,
        });
    }
    out
}

fn answer_profile(
    rng: &mut Rng,
    question: &ProfileQuestion,
    who: &Respondent,
    skill: f64,
) -> Option<String> {
    let options = question.options.len();
    match (question.kind, question.code.as_str()) {
        (QuestionKind::Number, _) => Some(who.years.to_string()),
        (QuestionKind::Single, "LEADERSHIP") if options >= 3 => Some(
            match who.job_family {
                JobFamily::Manager | JobFamily::SeniorLeader => 0,
                JobFamily::AspiringLeader => 1,
                _ => 2,
            }
            .to_string(),
        ),
        (QuestionKind::Single, _) if options > 0 => {
            // Confidence-like scales follow skill, with the leaders' modesty.
            let at = ((skill - 1.0) / 4.0 * options as f64 + 0.8 * normal(rng)).floor();
            Some((at.clamp(0.0, options as f64 - 1.0) as usize).to_string())
        }
        (QuestionKind::Multiple, _) if options > 0 => {
            let chosen: Vec<usize> = (0..options).filter(|_| rng.chance(40)).collect();
            (!chosen.is_empty()).then(|| super::campaign::join(&chosen))
        }
        _ => None,
    }
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut Rng) -> f64 {
    let u = rng.unit().max(1e-12);
    let v = rng.unit();
    (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{CampaignContent, Framework};

    fn asked_from(framework: &Framework, content: &CampaignContent) -> (Vec<usize>, Vec<usize>) {
        let mut areas = Vec::new();
        let mut codes = Vec::new();
        for (a, area) in framework.areas.iter().enumerate() {
            for c in &area.competences {
                areas.push(a);
                codes.push(c.code.clone());
            }
        }
        let quiz = content
            .quiz
            .iter()
            .map(|q| codes.iter().position(|c| *c == q.competence).unwrap())
            .collect();
        (areas, quiz)
    }

    #[test]
    fn simulated_answers_are_plausible_and_repeatable() {
        let framework = Framework::library_default();
        let content = CampaignContent::standard();
        let (areas, quiz) = asked_from(&framework, &content);
        let asked = Asked {
            competence_areas: &areas,
            questions: &content.profile_questions,
            quiz: &content.quiz,
            quiz_competences: &quiz,
        };
        let people: Vec<Respondent> = (0..400)
            .map(|i| Respondent {
                job_family: [
                    JobFamily::Frontline,
                    JobFamily::SeniorLeader,
                    JobFamily::AspiringLeader,
                ][i % 3],
                employment: Employment::Employee,
                years: (i % 30) as u32,
            })
            .collect();
        let a = simulate(1, &people, &asked, 0.0, 72);
        assert_eq!(a, simulate(1, &people, &asked, 0.0, 72));
        let rate = a.len() as f64 / people.len() as f64;
        assert!((0.6..0.85).contains(&rate), "{rate}");
        let everyone = simulate(1, &people, &asked, 0.0, 100);
        assert_eq!(everyone.len(), people.len());
        assert!(everyone.iter().enumerate().all(|(i, r)| r.respondent == i));
        for r in &a {
            assert_eq!(r.ratings.len(), areas.len());
            for (q, chosen, marked) in &r.quiz {
                assert_eq!(content.quiz[*q].mark(chosen), *marked);
            }
            for (q, answer) in &r.profile {
                let parts: Vec<String> = answer.split(',').map(str::to_string).collect();
                assert!(
                    content.profile_questions[*q].answer(&parts).is_ok(),
                    "{answer}"
                );
            }
        }
        // Leaders rate themselves lower than aspiring leaders, yet do better in the quiz.
        let mean = |family: JobFamily, f: &dyn Fn(&SimulatedResponse) -> f64| {
            let v: Vec<f64> = a
                .iter()
                .filter(|r| people[r.respondent].job_family == family)
                .map(f)
                .collect();
            v.iter().sum::<f64>() / v.len() as f64
        };
        let rating = |r: &SimulatedResponse| {
            let l: Vec<f64> = r
                .ratings
                .iter()
                .filter_map(|(_, x)| x.level().map(f64::from))
                .collect();
            l.iter().sum::<f64>() / l.len().max(1) as f64
        };
        let score = |r: &SimulatedResponse| r.quiz.iter().filter(|q| q.2).count() as f64;
        assert!(mean(JobFamily::SeniorLeader, &rating) < mean(JobFamily::AspiringLeader, &rating));
        assert!(mean(JobFamily::SeniorLeader, &score) > mean(JobFamily::AspiringLeader, &score));
    }
}
