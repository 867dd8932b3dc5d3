//! Settings, from (highest first) flags, environment variables, a settings file, defaults.

use crate::cli::{Cli, Command, ServeArgs, UserCommand};
use anyhow::Context;
use serde::Deserialize;
use skillgym_i18n::Tr;
use skillgym_web::IpNetwork;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// What the settings file may hold; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    database_url: Option<String>,
    bind: Option<SocketAddr>,
    public_url: Option<String>,
    log: Option<String>,
    log_format: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    secret_key: Option<String>,
    trusted_proxies: Option<Vec<String>>,
    password_checks: Option<std::num::NonZeroU16>,
    session_lifetime_hours: Option<u64>,
}

/// The longest a session may be set to last: 30 days.
pub const MAX_SESSION_LIFETIME_HOURS: u64 = 30 * 24;

#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    /// Set when the database was chosen explicitly (flag, environment or file).
    pub database_url: Option<String>,
    pub bind: SocketAddr,
    pub public_url: Option<String>,
    pub log: String,
    pub json_logs: bool,
    pub pseudo_locale: bool,
    /// Where invitations are sent through, and who they are from; no email without both.
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    /// The key that encrypts secrets in the database, when given (flag, environment or file)
    /// and where it came from; otherwise the key file in the data folder is used.
    pub secret_key: Option<(KeyText, &'static str)>,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpNetwork>,
    /// Password hashes and checks at once, when not the default.
    pub password_checks: Option<u16>,
    /// How many hours a session lasts however much it is used.
    pub session_lifetime_hours: u64,
    /// The organisation a command works on (`--organisation`), by its slug.
    pub organisation: Option<String>,
}

/// A key as given, kept out of debug output.
#[derive(Clone)]
pub struct KeyText(pub String);

impl std::fmt::Debug for KeyText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

impl Config {
    pub fn load(cli: &Cli, tr: &Tr) -> anyhow::Result<Self> {
        let data_dir = cli
            .global
            .data_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("skillgym-data"));
        let file = match &cli.global.config {
            Some(path) => Some(read_file(path, tr)?),
            None => {
                let default = data_dir.join("skillgym.toml");
                default
                    .exists()
                    .then(|| read_file(&default, tr))
                    .transpose()?
            }
        }
        .unwrap_or_default();
        let serve: Option<&ServeArgs> = match &cli.command {
            Command::Serve(s) => Some(s),
            Command::Demo(d) => Some(&d.serve),
            _ => None,
        };
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let session_lifetime_hours = session_lifetime_hours(
            serve
                .and_then(|s| s.session_lifetime_hours)
                .or(file.session_lifetime_hours),
        )
        .ok_or_else(|| {
            anyhow::anyhow!(tr.t1(
                "cli-session-lifetime-invalid",
                "max",
                MAX_SESSION_LIFETIME_HOURS
            ))
        })?;
        Ok(Self {
            database_url: cli.global.database_url.clone().or(file.database_url),
            organisation: cli.global.organisation.clone(),
            bind: serve
                .and_then(|s| s.bind)
                .or(file.bind)
                .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8080))),
            public_url: serve
                .and_then(|s| s.public_url.clone())
                .or(match &cli.command {
                    Command::User(UserCommand::CreateAdmin { public_url, .. }) => {
                        public_url.clone()
                    }
                    _ => None,
                })
                .filter(|u| !u.is_empty())
                .or(file.public_url)
                .map(|u| u.trim_end_matches('/').to_string()),
            log: env("SKILLGYM_LOG")
                .or(file.log)
                .unwrap_or_else(|| "info".into()),
            json_logs: env("SKILLGYM_LOG_FORMAT")
                .or(file.log_format)
                .is_some_and(|f| f == "json"),
            pseudo_locale: env("SKILLGYM_PSEUDO_LOCALE").is_some_and(|v| v == "1"),
            smtp_url: serve
                .and_then(|s| s.smtp_url.clone())
                .or(file.smtp_url)
                .filter(|u| !u.is_empty()),
            mail_from: serve
                .and_then(|s| s.mail_from.clone())
                .or(file.mail_from)
                .filter(|f| !f.is_empty()),
            secret_key: serve
                .and_then(|s| s.secret_key.clone())
                .filter(|k| !k.is_empty())
                .map(|k| (KeyText(k), "SKILLGYM_SECRET_KEY"))
                .or_else(|| {
                    file.secret_key
                        .filter(|k| !k.is_empty())
                        .map(|k| (KeyText(k), "secret_key (settings file)"))
                }),
            trusted_proxies: trusted_proxies(
                serve
                    .map(|s| s.trusted_proxies.clone())
                    .filter(|p| p.iter().any(|p| !p.trim().is_empty()))
                    .or(file.trusted_proxies)
                    .unwrap_or_default(),
                tr,
            )?,
            password_checks: serve
                .and_then(|s| s.password_checks)
                .or(file.password_checks.map(|n| n.get())),
            session_lifetime_hours,
            data_dir,
        })
    }

    /// The database URL: the one given, or a SQLite file named `file` in the data folder.
    pub fn database_url_or(&self, file: &str, tr: &Tr) -> anyhow::Result<String> {
        if let Some(url) = &self.database_url {
            return Ok(url.clone());
        }
        std::fs::create_dir_all(&self.data_dir).with_context(|| {
            tr.t1(
                "cli-data-folder-uncreatable",
                "folder",
                self.data_dir.display().to_string(),
            )
        })?;
        Ok(format!("sqlite://{}", self.data_dir.join(file).display()))
    }
}

impl Config {
    /// The mailer for invitations, when SMTP is set up; an error names the setting to fix.
    pub fn mailer(&self, tr: &Tr) -> anyhow::Result<Option<skillgym_web::Mailer>> {
        match (&self.smtp_url, &self.mail_from) {
            (None, _) => Ok(None),
            (Some(_), None) => {
                anyhow::bail!(tr.t("cli-mail-from-missing"))
            }
            (Some(url), Some(from)) => Ok(Some(skillgym_web::Mailer::new(url, from)?)),
        }
    }
}

/// The trusted proxies as given, each checked; an error names the one that is not an address
/// or a range.
fn trusted_proxies(given: Vec<String>, tr: &Tr) -> anyhow::Result<Vec<IpNetwork>> {
    given
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.parse()
                .map_err(|_| anyhow::anyhow!(tr.t1("cli-trusted-proxy-invalid", "value", p)))
        })
        .collect()
}

/// The session lifetime given (or the default), if it is between 1 hour and 30 days.
fn session_lifetime_hours(given: Option<u64>) -> Option<u64> {
    let hours = given.unwrap_or(skillgym_web::DEFAULT_SESSION_LIFETIME_HOURS);
    (1..=MAX_SESSION_LIFETIME_HOURS)
        .contains(&hours)
        .then_some(hours)
}

fn read_file(path: &Path, tr: &Tr) -> anyhow::Result<FileSettings> {
    let file = || path.display().to_string();
    let text = std::fs::read_to_string(path)
        .with_context(|| tr.t1("cli-settings-unreadable", "file", file()))?;
    toml::from_str(&text).with_context(|| tr.t1("cli-settings-invalid", "file", file()))
}

pub fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_new(&config.log)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if config.json_logs {
        builder.json().init();
    } else {
        builder.init();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_last_twelve_hours_unless_set_between_one_hour_and_thirty_days() {
        assert_eq!(session_lifetime_hours(None), Some(12));
        assert_eq!(session_lifetime_hours(Some(1)), Some(1));
        assert_eq!(session_lifetime_hours(Some(720)), Some(720));
        assert_eq!(session_lifetime_hours(Some(0)), None);
        assert_eq!(session_lifetime_hours(Some(721)), None);
        let file: FileSettings = toml::from_str("session_lifetime_hours = 8").unwrap();
        assert_eq!(file.session_lifetime_hours, Some(8));
    }
}
