//! `skillgym demo`: a made-up library service to explore, created on first run.

use super::{open, serve};
use crate::cli::DemoArgs;
use crate::config::Config;
use crate::output::say;
use indicatif::ProgressBar;
use skillgym_domain::demo::{self, DEMO_PASSWORD, DemoOptions};
use skillgym_i18n::Tr;
use std::process::ExitCode;

/// The demo keeps its own SQLite file, so it never mixes with real data in the same folder.
const DEMO_DATABASE_FILE: &str = "demo.db";
/// The network demo's, so that it never mixes with the single service's demo either.
const NETWORK_DEMO_DATABASE_FILE: &str = "network-demo.db";

/// Keeps a snapshot of each of the organisation's campaigns, so that the first report after
/// the server starts reads it rather than every rating (a national demo holds millions).
async fn take_snapshots(
    store: &skillgym_store::Store,
    org: skillgym_domain::OrganisationId,
) -> anyhow::Result<()> {
    for summary in store.campaigns(org).await? {
        let campaign = store.campaign(org, summary.id).await?;
        skillgym_reporting::take_snapshot(store, org, &campaign).await?;
    }
    Ok(())
}

/// Throws away the demo's SQLite file when asked to start afresh.
fn reset(args: &DemoArgs, config: &Config, file: &str) -> anyhow::Result<()> {
    if args.reset && config.database_url.is_none() {
        for suffix in ["", "-wal", "-shm"] {
            let path = config.data_dir.join(format!("{file}{suffix}"));
            if path.exists() {
                std::fs::remove_file(&path)?;
            }
        }
    }
    Ok(())
}

pub async fn run(args: DemoArgs, config: &Config, tr: &Tr) -> anyhow::Result<ExitCode> {
    if args.network {
        return run_network(args, config, tr).await;
    }
    reset(&args, config, DEMO_DATABASE_FILE)?;
    let store = open(config, DEMO_DATABASE_FILE, tr).await?;
    let mut generated = demo::generate(&DemoOptions {
        people: args.people,
        seed: args.seed,
        response_rate: args.response_rate,
    });
    generated.national |= args.national;
    let organisation = match store.default_organisation().await? {
        Some(org) => org,
        None => {
            eprintln!("{}", tr.t("cli-demo-created"));
            let hash = tokio::task::spawn_blocking(|| skillgym_web::hash_password(DEMO_PASSWORD))
                .await??;
            let bar = ProgressBar::new(generated.staff.len() as u64);
            let org = store
                .seed_demo(&generated, &hash, &|done| bar.set_position(done))
                .await?;
            bar.finish_and_clear();
            take_snapshots(&store, org.id).await?;
            org
        }
    };
    let people = store.people_counts(organisation.id).await?.total;
    let name = if tr.lang() == skillgym_i18n::Lang::Cy {
        organisation
            .name_cy
            .clone()
            .unwrap_or(organisation.name.clone())
    } else {
        organisation.name.clone()
    };
    say!(
        "{}",
        tr.t2("cli-demo-ready", "name", name.as_str(), "people", people)
    );
    say!("{}", tr.t1("cli-demo-sign-ins", "password", DEMO_PASSWORD));
    for account in &generated.accounts {
        say!(
            "  {}",
            tr.t2(
                "cli-demo-sign-in-line",
                "email",
                account.email.as_str(),
                "label",
                tr.t(account.label)
            )
        );
    }
    if args.no_serve {
        store.close().await;
        return Ok(ExitCode::SUCCESS);
    }
    serve(store, config, &args.serve, tr, |_| {}).await?;
    Ok(ExitCode::SUCCESS)
}

/// `skillgym demo --network`: "Welsh public libraries" and its four members.
async fn run_network(args: DemoArgs, config: &Config, tr: &Tr) -> anyhow::Result<ExitCode> {
    reset(&args, config, NETWORK_DEMO_DATABASE_FILE)?;
    let store = open(config, NETWORK_DEMO_DATABASE_FILE, tr).await?;
    let shape = args.members.map(|members| demo::NetworkShape {
        members,
        people: args.people,
        national: args.national || args.people >= demo::NATIONAL_PEOPLE,
        response_rate: args.response_rate,
    });
    let network = demo::network(args.seed, shape);
    if store.networks().await?.is_empty() {
        eprintln!("{}", tr.t("cli-demo-created"));
        let hash =
            tokio::task::spawn_blocking(|| skillgym_web::hash_password(DEMO_PASSWORD)).await??;
        let people: usize = network.members.iter().map(|m| m.staff.len()).sum();
        let bar = ProgressBar::new(people as u64);
        store
            .seed_network_demo(&network, &hash, &|done| bar.set_position(done))
            .await?;
        bar.finish_and_clear();
        for org in store.organisations().await? {
            take_snapshots(&store, org.id).await?;
        }
    }
    let name = if tr.lang() == skillgym_i18n::Lang::Cy {
        network.name_cy
    } else {
        network.name
    };
    say!(
        "{}",
        tr.t2(
            "cli-demo-network-ready",
            "name",
            name,
            "members",
            network.members.len()
        )
    );
    say!("{}", tr.t1("cli-demo-sign-ins", "password", DEMO_PASSWORD));
    say!(
        "  {}",
        tr.t2(
            "cli-demo-sign-in-line",
            "email",
            network.coordinator.as_str(),
            "label",
            tr.t("demo-account-coordinator")
        )
    );
    for member in &network.members {
        for account in member.accounts.iter().filter(|a| a.roles.is_admin()) {
            say!(
                "  {}",
                tr.t2(
                    "cli-demo-sign-in-line",
                    "email",
                    account.email.as_str(),
                    "label",
                    tr.t1("demo-account-member-admin", "member", member.name.as_str())
                )
            );
        }
    }
    say!(
        "{}",
        tr.t1(
            "cli-demo-public-link",
            "path",
            format!("/take/{}", skillgym_store::DEMO_PUBLIC_LINK)
        )
    );
    if args.no_serve {
        store.close().await;
        return Ok(ExitCode::SUCCESS);
    }
    serve(store, config, &args.serve, tr, |_| {}).await?;
    Ok(ExitCode::SUCCESS)
}
