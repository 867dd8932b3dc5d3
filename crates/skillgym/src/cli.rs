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
    /// Which organisation a command works on, by its short name (`skillgym organisation
    /// list`); needed only when there is more than one
    #[arg(
        long,
        global = true,
        env = "SKILLGYM_ORGANISATION",
        value_name = "SLUG"
    )]
    pub organisation: Option<String>,
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
    /// Write a campaign's figures for other tools: its report, one group comparison,
    /// confidence against knowledge and change over time, with small groups left out as on the
    /// web, and people's skills profiles when asked for
    Report(ReportArgs),
    /// Learning plans: propose them from a campaign's results
    #[command(subcommand)]
    Plans(PlansCommand),
    /// The Learning Record Store at /xapi/: the systems that send it xAPI statements, and the
    /// Activities whose completion counts in the training matrix
    #[command(subcommand)]
    Xapi(XapiCommand),
    /// Manage accounts
    #[command(subcommand)]
    User(UserCommand),
    /// The organisations (library services) this skillgym serves
    #[command(subcommand)]
    Organisation(OrganisationCommand),
    /// Networks of organisations that audit together and compare their figures
    #[command(subcommand)]
    Network(NetworkCommand),
    /// How people sign in: turn password sign-in back on if single sign-on stops working
    #[command(subcommand)]
    SignIn(SignInCommand),
    /// Copy the SQLite database to FILE, consistently, while skillgym keeps running
    Backup {
        /// Where to write the copy (replaced if it exists)
        file: PathBuf,
    },
    /// Replace the SQLite database with a backup; stop skillgym first
    Restore {
        /// A file made by `skillgym backup`
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum PlansCommand {
    /// Propose a twelve-week learning plan for everyone the campaign measured who works here
    /// and has no plan, and say how many and how long it took
    Propose {
        /// The campaign's number, as in its address /campaigns/NUMBER
        #[arg(long)]
        campaign: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum XapiCommand {
    /// The systems allowed to send statements
    #[command(subcommand)]
    Client(XapiClientCommand),
    /// Count `completed` and `passed` statements about an xAPI Activity as completing a
    /// training requirement's module (docs/xapi.md)
    Map {
        /// The requirement's code, as on the training matrix
        #[arg(long)]
        requirement: String,
        /// The Activity's id (an IRI); leave it out to stop counting statements for the
        /// requirement
        #[arg(long, value_name = "IRI")]
        activity: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum XapiClientCommand {
    /// Make a key and secret for a system that sends statements (a learning platform); the
    /// secret is shown this once
    Create {
        /// What the system is, e.g. "Moodle"
        #[arg(long)]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum SignInCommand {
    /// Let people sign in with their email address and password as well as single sign-on
    /// (on), or with single sign-on only (off)
    Passwords {
        /// on or off
        #[arg(value_enum)]
        state: Switch,
    },
}

/// A setting turned on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Switch {
    On,
    Off,
}

#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// Address and port to listen on [default: 127.0.0.1:8080]
    #[arg(long, env = "SKILLGYM_BIND", value_name = "ADDR")]
    pub bind: Option<SocketAddr>,
    /// The address people use to reach skillgym, e.g. https://skills.example.gov.uk
    #[arg(long, env = "SKILLGYM_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
    /// The SMTP server for invitations, e.g. smtp://user:pass@host:587?tls=required
    #[arg(
        long,
        env = "SKILLGYM_SMTP_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub smtp_url: Option<String>,
    /// The address invitations come from, e.g. "Skills <skills@example.gov.uk>"
    #[arg(long, env = "SKILLGYM_MAIL_FROM", value_name = "ADDRESS")]
    pub mail_from: Option<String>,
    /// The key that encrypts the single sign-on client secret and signs password-free audit
    /// links (32 random bytes as base64); default: the key file DATA_DIR/secret.key, made on
    /// first start
    #[arg(
        long,
        env = "SKILLGYM_SECRET_KEY",
        value_name = "KEY",
        hide_env_values = true
    )]
    pub secret_key: Option<String>,
    /// A proxy whose X-Forwarded-For header tells the client's address, as an address or a
    /// range (127.0.0.1, 10.0.0.0/8); repeat it or separate with commas [default: none]
    #[arg(
        long = "trusted-proxy",
        env = "SKILLGYM_TRUSTED_PROXIES",
        value_name = "CIDR",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<String>,
    /// How many password hashes and checks may run at once (each runs on a thread of its own,
    /// which keeps 19 MiB once used) [default: two per core]
    #[arg(
        long,
        env = "SKILLGYM_PASSWORD_CHECKS",
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..)
    )]
    pub password_checks: Option<u16>,
    /// How many hours a session lasts however much it is used, 1 to 720 [default: 12]
    #[arg(long, env = "SKILLGYM_SESSION_LIFETIME_HOURS", value_name = "HOURS")]
    pub session_lifetime_hours: Option<u64>,
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
    /// Audit 60 competences with 20 quiz questions (the national edition) rather than 36 and
    /// 12; the default from 10,000 people
    #[arg(long)]
    pub national: bool,
    /// The percentage of people who answer each demo audit (1–100): 72 by default, or 100
    /// from 10,000 people
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=100))]
    pub response_rate: Option<u8>,
    /// Make a network of four library services instead of one ("Welsh public libraries"),
    /// with a network campaign each has opened and answered
    #[arg(long)]
    pub network: bool,
    /// With --network, that many members of --people people each, with no audits of their
    /// own (for benchmarks) rather than the four of the demo
    #[arg(long, requires = "network")]
    pub members: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a staff file (CSV) from your HR system; see docs/staff-file.md
    Staff {
        /// The CSV file
        file: PathBuf,
        /// What to do with the people in skillgym whom the file leaves out: keep (leave them as
        /// they are) or left (mark them as having left today)
        #[arg(long, value_enum, default_value_t = AbsentPeople::Keep)]
        absent: AbsentPeople,
        /// Confirm marking more than half of the current people as having left
        #[arg(long)]
        yes: bool,
    },
    /// Import the responses of an audit run in another tool (SurveyMonkey, Microsoft Forms)
    /// into a campaign; see docs/survey-import.md
    Responses {
        /// The export (CSV)
        file: PathBuf,
        /// The campaign's number, as in its address /campaigns/NUMBER
        #[arg(long)]
        campaign: i64,
        /// A mapping file (JSON), or the name of a mapping saved for the campaign on the web
        #[arg(long)]
        mapping: String,
    },
    /// Import a skills framework: a CASE 1.0 file (JSON) or a framework CSV file; see
    /// docs/frameworks.md
    Framework {
        /// The CASE JSON or CSV file (told apart by what is in it)
        file: PathBuf,
    },
    /// Import a learning catalogue (CSV): activities whose code the catalogue has are changed,
    /// the others added, all or none; see docs/catalogue.md
    Catalogue {
        /// The CSV file
        file: PathBuf,
    },
    /// Import completions of required training from another learning system (CSV), all or
    /// none; see docs/training.md
    Completions {
        /// The CSV file
        file: PathBuf,
    },
    /// Import the services catalogue (CSV): services whose code the catalogue has are
    /// changed, the others added, all or none; see docs/services.md
    Services {
        /// The CSV file
        file: PathBuf,
    },
    /// Import the kit register (CSV): kit whose code the register has is changed, the rest
    /// added, all or none; see docs/kit.md
    Kit {
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
        /// The language of the column names (the command line's own by default)
        #[arg(long, value_enum)]
        language: Option<ColumnLanguage>,
    },
    /// Export a skills framework as CASE 1.0 (JSON) or as a framework CSV file
    Framework {
        /// The framework's code, as shown on its page
        code: String,
        /// The file format
        #[arg(long, value_enum, default_value_t = FrameworkFormat::Case)]
        format: FrameworkFormat,
        /// Write to this file instead of the screen
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The language of a CSV file's column names (the command line's own by default)
        #[arg(long, value_enum)]
        language: Option<ColumnLanguage>,
    },
    /// Export the learning catalogue as a CSV file
    Catalogue {
        /// Write to this file instead of the screen
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The language of the column names (the command line's own by default)
        #[arg(long, value_enum)]
        language: Option<ColumnLanguage>,
    },
    /// Export the services catalogue as a CSV file
    Services {
        /// Write to this file instead of the screen
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The language of the column names (the command line's own by default)
        #[arg(long, value_enum)]
        language: Option<ColumnLanguage>,
    },
    /// Export the kit register as a CSV file
    Kit {
        /// Write to this file instead of the screen
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The language of the column names (the command line's own by default)
        #[arg(long, value_enum)]
        language: Option<ColumnLanguage>,
    },
}

/// What a staff import does with the people the file leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AbsentPeople {
    Keep,
    Left,
}

/// The language a re-importable file's column names are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColumnLanguage {
    En,
    Cy,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The campaign's number, as in its address /campaigns/NUMBER
    pub campaign: i64,
    /// The format: json, or csv for one of its tables; both described in docs/report-json.md
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    pub format: ReportFormat,
    /// With --format csv, the table to write: competences, sites, teams, heat-map, comparison,
    /// calibration, change-rates, change-areas, change-competences or profiles
    #[arg(long, value_name = "TABLE", default_value = "competences")]
    pub table: String,
    /// Compare groups by job_family, employment, or the code of a single-choice profile
    /// question [default: job_family]
    #[arg(long, value_name = "GROUPING")]
    pub by: Option<String>,
    /// Measure change over time from this earlier campaign on the same framework [default:
    /// the campaign this was copied from, or else the latest earlier one]
    #[arg(long, value_name = "CAMPAIGN")]
    pub earlier: Option<i64>,
    /// Include this person's skills profile (their number or email address); repeat for more.
    /// Recorded in the audit trail; refused for an anonymous campaign
    #[arg(long, value_name = "ID_OR_EMAIL", conflicts_with = "profiles")]
    pub person: Vec<String>,
    /// Include the skills profile of everyone who finished the campaign. Recorded in the audit
    /// trail; refused for an anonymous campaign
    #[arg(long)]
    pub profiles: bool,
    /// Write to this file instead of the screen
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// The formats a campaign's figures can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Json,
    Csv,
}

/// The formats a framework can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FrameworkFormat {
    /// 1EdTech CASE 1.0 JSON, for other skills tools and other skillgym services
    Case,
    /// One CSV sheet, to edit in a spreadsheet
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum OrganisationCommand {
    /// Add an organisation, with no one in it yet: give it an administrator with
    /// `skillgym user create-admin --organisation SLUG`
    Create {
        /// Its name, as its people know it
        #[arg(long)]
        name: String,
        /// Its name in Welsh, if it has one
        #[arg(long)]
        welsh_name: Option<String>,
        /// The short name in its addresses and in --organisation [default: made from the name]
        #[arg(long)]
        slug: Option<String>,
        /// The language it works in first: en or cy
        #[arg(long, default_value = "en")]
        language: String,
    },
    /// List the organisations, with their short names and how many people each has
    List,
}

#[derive(Debug, Subcommand)]
pub enum NetworkCommand {
    /// Create a network run by the organisation --organisation names (its people with the
    /// coordinator role coordinate it)
    Create {
        /// Its name
        #[arg(long)]
        name: String,
        /// Its name in Welsh, if it has one
        #[arg(long)]
        welsh_name: Option<String>,
        /// Its short name [default: made from the name]
        #[arg(long)]
        slug: Option<String>,
    },
    /// Make the organisation --organisation names a member of the network
    AddMember {
        /// The network's short name
        network: String,
    },
    /// List the networks, with who runs each and its members
    List,
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
        /// The name of the organisation to create when there is none yet (with more than one,
        /// choose theirs with --organisation)
        #[arg(long, value_name = "NAME", default_value = "Library service")]
        organisation_name: String,
        /// The address people use to reach skillgym, for the sign-in link printed
        #[arg(long, env = "SKILLGYM_PUBLIC_URL", value_name = "URL")]
        public_url: Option<String>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use skillgym_i18n::{Lang, Tr};

    /// Words as a shell splits them, for the one-line commands the messages suggest.
    fn shell_words(line: &str) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let (mut word, mut quoted, mut started) = (String::new(), false, false);
        for c in line.chars() {
            if c == '"' {
                quoted = !quoted;
                started = true;
            } else if c.is_whitespace() && !quoted {
                if started {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
            } else {
                word.push(c);
                started = true;
            }
        }
        if started {
            words.push(word);
        }
        words
    }

    /// With no organisation yet, the commands tell you how to make one: with a command that
    /// works, in both languages.
    #[test]
    fn the_command_suggested_for_a_first_organisation_is_one_skillgym_takes() {
        for lang in Lang::OFFERED {
            let text = Tr::new(lang).t("cli-no-organisation");
            let command = &text[text.find("skillgym user").expect("a command")..];
            let cli = Cli::try_parse_from(shell_words(command))
                .unwrap_or_else(|e| panic!("{command}\n{e}"));
            let Command::User(UserCommand::CreateAdmin {
                email,
                given_name,
                family_name,
                organisation_name,
                ..
            }) = cli.command
            else {
                panic!("{command} is not create-admin");
            };
            assert_eq!(email, "you@example.org");
            for given in [given_name, family_name, organisation_name] {
                assert!(
                    command.contains(&format!("\"{given}\"")),
                    "{given} is given in {command}"
                );
            }
        }
    }
}
