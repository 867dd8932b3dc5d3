//! `skillgym report CAMPAIGN --format json`: a campaign's figures for other tools.

use crate::cli::{ReportArgs, ReportFormat};
use skillgym_i18n::Tr;
use skillgym_store::Store;
use skillgym_web::report_json::{ReportError, campaign_report_json};
use std::io::Write;
use std::process::ExitCode;

pub async fn run(store: &Store, args: &ReportArgs, tr: &Tr) -> anyhow::Result<ExitCode> {
    let Some(org) = store.organisation().await? else {
        eprintln!("{}", tr.t("cli-no-organisation"));
        return Ok(ExitCode::FAILURE);
    };
    let threshold = org.anonymity_threshold.max(1) as usize;
    let figures = match campaign_report_json(
        store,
        org.id,
        skillgym_domain::CampaignId(args.campaign),
        args.by.as_deref(),
        threshold,
        tr,
    )
    .await
    {
        Ok(figures) => figures,
        Err(ReportError::NoCampaign) => {
            eprintln!(
                "{}",
                tr.t1("cli-report-no-campaign", "campaign", args.campaign)
            );
            return Ok(ExitCode::FAILURE);
        }
        Err(ReportError::NoGrouping(offered)) => {
            eprintln!(
                "{}",
                tr.t2(
                    "cli-report-no-grouping",
                    "by",
                    args.by.clone().unwrap_or_default(),
                    "offered",
                    offered.join(", ")
                )
            );
            return Ok(ExitCode::FAILURE);
        }
        Err(ReportError::Store(e)) => return Err(e.into()),
    };
    let mut body = Vec::new();
    match args.format {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut body, &figures)?;
            body.push(b'\n');
        }
    }
    match &args.output {
        Some(path) => {
            // Written beside the target and renamed, so a failure never leaves half a file.
            let tmp = path.with_extension("partial");
            std::fs::write(&tmp, &body)?;
            std::fs::rename(&tmp, path)?;
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&body)?;
            stdout.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
