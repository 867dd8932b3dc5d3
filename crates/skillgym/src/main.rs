//! The skillgym command: serve the web interface, run the demo, and look after the data.

mod cli;
mod commands;
mod config;
mod help;
mod memory;
mod output;
mod usage_error;

use clap::{CommandFactory, FromArgMatches};
use skillgym_i18n::{Lang, Tr};
use std::process::ExitCode;

fn main() -> ExitCode {
    memory::limit_arenas();
    let tr = cli_language();
    let cmd = help::localise(cli::Cli::command(), &tr);
    let args: Vec<String> = std::env::args().collect();
    let parsed = cmd
        .clone()
        .try_get_matches_from(&args)
        .and_then(|matches| cli::Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if usage_error::is_display(&e) => e.exit(),
        Err(e) => {
            eprintln!("{}", usage_error::message(&e, &cmd, &args[1..], &tr));
            // clap's exit code for a usage mistake, which scripts may already test for.
            return ExitCode::from(2);
        }
    };
    let config = match config::Config::load(&cli, &tr) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("{}", tr.t1("cli-error", "message", format!("{e:#}")));
            return ExitCode::FAILURE;
        }
    };
    config::init_logging(&config);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the async runtime starts");
    match runtime.block_on(commands::run(cli.command, config, tr)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", tr.t1("cli-error", "message", format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

/// The command line speaks Welsh when `SKILLGYM_LANG` (or else the locale in `LANG`) asks.
fn cli_language() -> Tr {
    let lang = ["SKILLGYM_LANG", "LC_ALL", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::parse(&v))
        .filter(|l| Lang::OFFERED.contains(l))
        .unwrap_or_default();
    Tr::new(lang)
}
