//! Answering an audit over HTTP, as a browser's forms do.

use super::TestApp;
use reqwest::Client;
use skillgym_domain::audit::Section;
use skillgym_store::Campaign;

/// Answers every question of section `n` the same way: rating 4 (and confidence 4 with each
/// service), first options, 12 years.
pub fn answers_for(campaign: &Campaign, n: usize, wrong_quiz: bool) -> Vec<(String, String)> {
    let q = campaign.questionnaire();
    let mut fields = Vec::new();
    match q.section(n).unwrap() {
        Section::Profile => {
            for (id, question) in &campaign.questions {
                let value = match question.kind.as_str() {
                    "number" => "12".to_string(),
                    "text" => "Spreadsheets, please".to_string(),
                    _ => "0".to_string(),
                };
                fields.push((format!("q-{id}"), value));
            }
        }
        Section::Area(i) => {
            for c in &campaign.areas[i].competences {
                fields.push((format!("rating-{}", c.id), "4".to_string()));
            }
        }
        Section::Quiz(p) => {
            for position in q.quiz_items_on(p) {
                let (id, item) = &campaign.quiz[position];
                for (i, option) in item.options.iter().enumerate() {
                    if option.correct != wrong_quiz
                        && (item.multiple()
                            || !fields.iter().any(|(k, _)| *k == format!("quiz-{id}")))
                    {
                        fields.push((format!("quiz-{id}"), i.to_string()));
                    }
                }
            }
        }
        Section::Services => {
            for s in &campaign.services {
                fields.push((format!("service-{}", s.id), "4".to_string()));
            }
        }
    }
    fields
}

pub async fn post_section(
    app: &TestApp,
    client: &Client,
    campaign: &Campaign,
    n: usize,
    fields: &[(String, String)],
) -> reqwest::Response {
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post(
        client,
        &format!("/audits/{}/section/{n}", campaign.id),
        &refs,
    )
    .await
}
