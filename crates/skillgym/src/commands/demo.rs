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

pub async fn run(args: DemoArgs, config: &Config, tr: &Tr) -> anyhow::Result<ExitCode> {
    if args.reset && config.database_url.is_none() {
        for suffix in ["", "-wal", "-shm"] {
            let path = config
                .data_dir
                .join(format!("{DEMO_DATABASE_FILE}{suffix}"));
            if path.exists() {
                std::fs::remove_file(&path)?;
            }
        }
    }
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
            // So that the first report after the server starts reads a snapshot, not every
            // rating (a national demo holds millions).
            for summary in store.campaigns(org.id).await? {
                let campaign = store.campaign(org.id, summary.id).await?;
                skillgym_reporting::take_snapshot(&store, org.id, &campaign).await?;
            }
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
