//! `skillgym import responses`: the responses of an audit run in another tool.

use super::import_file;
use crate::output::say;
use skillgym_domain::CampaignId;
use skillgym_domain::audit::survey::{Mapping, Problem};
use skillgym_i18n::Tr;
use skillgym_store::{Store, StoreError, SurveyRefused};
use std::path::Path;
use std::process::ExitCode;

pub async fn import(
    store: &Store,
    org: &skillgym_store::Organisation,
    file: &Path,
    campaign: i64,
    mapping: &str,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let campaign = CampaignId(campaign);
    match store.campaign(org.id, campaign).await {
        Ok(_) => {}
        Err(StoreError::NotFound) => {
            eprintln!("{}", tr.t1("cli-survey-campaign-unknown", "id", campaign.0));
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    }
    let Some(bytes) = import_file::read(file, tr) else {
        return Ok(ExitCode::FAILURE);
    };
    // A mapping file, or else one saved for the campaign on the web under that name.
    let mapping = match std::fs::read_to_string(mapping) {
        Ok(json) => match Mapping::from_json(&json) {
            Ok(m) => m,
            Err(problem) => return Ok(refused(&[problem], tr)),
        },
        Err(_) => match store
            .survey_mappings(campaign)
            .await?
            .into_iter()
            .find(|s| s.name == mapping)
        {
            Some(saved) => saved.mapping,
            None => {
                eprintln!(
                    "{}",
                    tr.t1("cli-survey-mapping-unreadable", "file", mapping)
                );
                return Ok(ExitCode::FAILURE);
            }
        },
    };
    eprintln!(
        "{}",
        tr.t1("cli-survey-checking", "file", file.display().to_string())
    );
    match store
        .import_survey(org.id, campaign, &bytes, &mapping)
        .await
    {
        Ok(outcome) => {
            let campaign = store.campaign(org.id, campaign).await?;
            skillgym_reporting::take_snapshot(store, org.id, &campaign).await?;
            say!(
                "{}",
                tr.args(
                    "cli-survey-done",
                    [
                        ("added", outcome.added.into()),
                        ("updated", outcome.updated.into()),
                        ("empty", outcome.empty.into()),
                    ]
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(SurveyRefused::Problems(problems)) => Ok(refused(&problems, tr)),
        Err(SurveyRefused::Store(e)) => Err(e.into()),
    }
}

/// Lists every problem, one a line, and fails.
fn refused(problems: &[Problem], tr: &Tr) -> ExitCode {
    let lines: Vec<String> = problems
        .iter()
        .map(|p| {
            let message = tr.t1(p.code, "value", p.value.clone().unwrap_or_default());
            let line = if p.line == 0 {
                tr.t("survey-import-whole-file")
            } else {
                p.line.to_string()
            };
            tr.args(
                "cli-survey-problem",
                [
                    ("line", line.into()),
                    (
                        "column",
                        p.column.clone().unwrap_or_else(|| "-".into()).into(),
                    ),
                    ("message", message.into()),
                ],
            )
        })
        .collect();
    import_file::refused("cli-survey-refused", &lines, tr)
}
