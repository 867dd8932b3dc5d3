//! The command line: what a librarian or a council's IT team types.

use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

/// skillgym: find and grow the digital skills of library staff and volunteers.
///
/// Start with `skillgym demo` to try it with a made-up library service, or `skillgym serve`
/// for your own. Data is kept in SQLite in the data folder unless DATABASE_URL points to
/// PostgreSQL.
#[derive(Debug, Parser)]
#[command(name = "skillgym", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Folder for the SQLite database and other files [default: ./skillgym-data]
    #[arg(long, global = true, env = "SKILLGYM_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// A settings file (TOML); by default DATA_DIR/skillgym.toml is read if it exists
    #[arg(long, global = true, env = "SKILLGYM_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The database: postgres://user@host/db for PostgreSQL [default: SQLite in DATA_DIR]
    #[arg(
        long,
        global = true,
        env = "DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web interface for your organisation
    Serve(ServeArgs),
    /// Run the web interface with a made-up library service to explore
    Demo(DemoArgs),
    /// Bring the database up to date (serve and demo do this themselves)
    Migrate,
    /// Import data from a file
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export data to a file
    #[command(subcommand)]
    Export(ExportCommand),
    /// Manage accounts
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// Address and port to listen on [default: 127.0.0.1:8080]
    #[arg(long, env = "SKILLGYM_BIND", value_name = "ADDR")]
    pub bind: Option<SocketAddr>,
    /// The address people use to reach skillgym, e.g. https://skills.example.gov.uk
    #[arg(long, env = "SKILLGYM_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[command(flatten)]
    pub serve: ServeArgs,
    /// How many people the demo organisation has
    #[arg(long, default_value_t = 230)]
    pub people: usize,
    /// Seed for the made-up data: the same seed gives the same organisation
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Throw away the demo database and make a new one
    #[arg(long)]
    pub reset: bool,
    /// Create the demo data and exit without serving
    #[arg(long)]
    pub no_serve: bool,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a staff file (CSV) from your HR system; see docs/staff-file.md
    Staff {
        /// The CSV file
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Export everyone as a staff file (CSV)
    Staff {
        /// Write to this file instead of the screen
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Make someone an administrator, creating the organisation and the person if needed
    CreateAdmin {
        /// Their email address (they sign in with it)
        #[arg(long)]
        email: String,
        /// Their given name (if they are not in skillgym yet)
        #[arg(long, default_value = "Administrator")]
        given_name: String,
        /// Their family name (if they are not in skillgym yet)
        #[arg(long, default_value = "skillgym")]
        family_name: String,
        /// The organisation's name, if there is none yet
        #[arg(long, default_value = "Library service")]
        organisation: String,
    },
}
