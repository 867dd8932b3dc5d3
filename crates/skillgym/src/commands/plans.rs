//! `skillgym plans propose --campaign N`: a twelve-week learning plan proposed for everyone the
//! campaign measured who works at the organisation and has no plan, as a trainer would propose
//! one on the web (docs/plans.md).

use crate::output::say;
use skillgym_domain::{CampaignId, uk_time};
use skillgym_i18n::Tr;
use skillgym_reporting::proposals::{ProposeError, Whom, proposals};
use skillgym_reporting::{AnalysisCache, Reports};
use skillgym_store::{Actor, Organisation, Store, StoreError};
use std::process::ExitCode;
use std::time::Instant;

pub async fn propose(
    store: &Store,
    org: &Organisation,
    campaign: i64,
    tr: &Tr,
) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let cache = AnalysisCache::default();
    let reports = Reports::open(store, &cache, org.id).await?;
    let found = match reports.campaign(CampaignId(campaign)).await {
        Ok(c) => {
            let today = uk_time::local(skillgym_store::now()).date();
            proposals(&reports, &c, Whom::Everyone, today).await
        }
        Err(StoreError::NotFound) => {
            eprintln!("{}", tr.t1("cli-report-no-campaign", "campaign", campaign));
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    let found = match found {
        Ok(found) => found,
        Err(ProposeError::Anonymous) => {
            eprintln!("{}", tr.t1("cli-plans-anonymous", "campaign", campaign));
            return Ok(ExitCode::FAILURE);
        }
        Err(ProposeError::Store(e)) => return Err(e.into()),
    };
    let worked_out = started.elapsed().as_secs_f64();
    let made = store
        .save_proposals(org.id, &found.drafts, Actor::CommandLine)
        .await?;
    let seconds = started.elapsed().as_secs_f64();
    say!(
        "{}",
        tr.args(
            "cli-plans-proposed",
            [
                ("made", made.len().into()),
                ("planned", found.planned_already.into()),
                ("unmeasured", found.nothing_measured.into()),
                ("unfitted", found.nothing_fits.into()),
                ("seconds", format!("{seconds:.2}").into()),
                ("worked", format!("{worked_out:.2}").into()),
                ("written", format!("{:.2}", seconds - worked_out).into()),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}
