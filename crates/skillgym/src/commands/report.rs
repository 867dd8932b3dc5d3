//! `skillgym report CAMPAIGN`: a campaign's figures for other tools, as JSON or as one of its
//! tables in CSV; worked out by the `reporting` crate, as the web pages are.

use crate::cli::{ReportArgs, ReportFormat};
use skillgym_i18n::Tr;
use skillgym_reporting::report::campaign_report;
use skillgym_reporting::{AnalysisCache, Profiles, ReportError, ReportOptions, Reports, Table};
use skillgym_store::{Actor, AuditAction, NewAuditEvent, Store};
use std::io::Write;
use std::process::ExitCode;

pub async fn run(
    store: &Store,
    org: &skillgym_store::Organisation,
    args: &ReportArgs,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    // Checked before any figure is worked out or any profile recorded as seen.
    let table = match args.format {
        ReportFormat::Json => None,
        ReportFormat::Csv => match Table::named(&args.table) {
            Some(table) => Some(table),
            None => {
                let offered: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
                eprintln!(
                    "{}",
                    tr.t2(
                        "cli-report-no-table",
                        "table",
                        args.table.clone(),
                        "offered",
                        offered.join(", "),
                    )
                );
                return Ok(ExitCode::FAILURE);
            }
        },
    };
    let options = ReportOptions {
        by: args.by.clone(),
        earlier: args.earlier,
        // Profiles are worked out (and recorded as seen) only for an output that holds them.
        profiles: if table.is_some_and(|t| t != Table::Profiles) {
            Profiles::Nobody
        } else if args.profiles {
            Profiles::Everyone
        } else if args.person.is_empty() {
            Profiles::Nobody
        } else {
            Profiles::Chosen(args.person.clone())
        },
    };
    let cache = AnalysisCache::default();
    let reports = Reports::open(store, &cache, org.id).await?;
    let campaign = skillgym_domain::CampaignId(args.campaign);
    let report = match campaign_report(&reports, campaign, &options, tr).await {
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
                .with("campaign", campaign.0);
        store.record_event(org.id, &event).await?;
    }
    let body = match table {
        None => report.to_json()?,
        Some(table) => report.to_csv(table)?,
    };
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
