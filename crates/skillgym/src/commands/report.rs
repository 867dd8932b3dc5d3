//! `skillgym report CAMPAIGN --format json`: a campaign's figures for other tools.

use crate::cli::{ReportArgs, ReportFormat};
use skillgym_i18n::Tr;
use skillgym_store::{Actor, AuditAction, NewAuditEvent, Store};
use skillgym_web::report_json::{Profiles, ReportError, ReportOptions, campaign_report_json};
use std::io::Write;
use std::process::ExitCode;

pub async fn run(store: &Store, args: &ReportArgs, tr: &Tr) -> anyhow::Result<ExitCode> {
    let Some(org) = store.organisation().await? else {
        eprintln!("{}", tr.t("cli-no-organisation"));
        return Ok(ExitCode::FAILURE);
    };
    let threshold = store.anonymity_threshold(org.id).await?;
    let options = ReportOptions {
        by: args.by.clone(),
        earlier: args.earlier,
        profiles: if args.profiles {
            Profiles::Everyone
        } else if args.person.is_empty() {
            Profiles::Nobody
        } else {
            Profiles::Chosen(args.person.clone())
        },
    };
    let report = match campaign_report_json(
        store,
        org.id,
        skillgym_domain::CampaignId(args.campaign),
        &options,
        threshold,
        tr,
    )
    .await
    {
        Ok(report) => report,
        Err(e) => {
            let message = match e {
                ReportError::NoCampaign => {
                    tr.t1("cli-report-no-campaign", "campaign", args.campaign)
                }
                ReportError::NoGrouping(offered) => tr.t2(
                    "cli-report-no-grouping",
                    "by",
                    args.by.clone().unwrap_or_default(),
                    "offered",
                    offered.join(", "),
                ),
                ReportError::NoEarlier(offered) => {
                    let offered: Vec<String> = offered
                        .iter()
                        .map(|c| format!("{} ({})", c.id.0, c.opens_on))
                        .collect();
                    let mut args_ = vec![
                        ("campaign", args.campaign.into()),
                        ("earlier", args.earlier.unwrap_or_default().into()),
                    ];
                    let id = if offered.is_empty() {
                        "cli-report-no-earlier-none"
                    } else {
                        args_.push(("offered", offered.join(", ").into()));
                        "cli-report-no-earlier"
                    };
                    tr.args(id, args_)
                }
                ReportError::NoPerson(typed) => tr.t1("cli-report-no-person", "person", typed),
                ReportError::Anonymous => tr.t1("cli-report-anonymous", "campaign", args.campaign),
                ReportError::Store(e) => return Err(e.into()),
            };
            eprintln!("{message}");
            return Ok(ExitCode::FAILURE);
        }
    };
    // Writing profiles out is seeing personal data: each is recorded as an admin's view of the
    // profile page is, before anything is written.
    for person in &report.profiled {
        let event =
            NewAuditEvent::new(Actor::CommandLine, AuditAction::PersonViewed, Some(*person))
                .with("view", "profile")
                .with("campaign", report.campaign.0);
        store.record_event(org.id, &event).await?;
    }
    let mut body = Vec::new();
    match args.format {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut body, &report.json)?;
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
            let mut stdout = crate::output::stdout();
            stdout.write_all(&body)?;
            stdout.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
