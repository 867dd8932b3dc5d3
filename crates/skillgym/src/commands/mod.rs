//! One module per command; each opens the store, does its work, and reports in the reader's
//! language.

mod backup;
mod catalogue;
mod demo;
mod frameworks;
mod import_file;
mod in_use;
mod jobs;
mod kit;
mod network;
mod organisation;
mod plans;
mod report;
mod services;
mod sign_in;
mod staff;
mod survey_import;
mod training;
mod user;
mod xapi;

use crate::cli::{
    AbsentPeople, Command, ExportCommand, ImportCommand, NetworkCommand, OrganisationCommand,
    PlansCommand, ServeArgs, SignInCommand, Switch, UserCommand, XapiClientCommand, XapiCommand,
};
use crate::config::Config;
use crate::output::say;
use anyhow::Context;
use skillgym_domain::FileLanguage;
use skillgym_domain::leavers::AbsentChoice;
use skillgym_i18n::Tr;
use skillgym_store::{SecretKey, SecretKeyError, Store};
use skillgym_web::{PasswordChecks, WebConfig};
use std::process::ExitCode;
use std::sync::Arc;

/// The SQLite file `serve` and the other commands use.
pub const DATABASE_FILE: &str = "skillgym.db";

/// Opens the store and finds the organisation the command works on, or returns from the
/// command (having said why) when there is no one organisation to work on.
macro_rules! open_for_organisation {
    ($config:expr, $tr:expr) => {{
        let store = open(&$config, DATABASE_FILE, &$tr).await?;
        match organisation::chosen(&store, $config.organisation.as_deref(), &$tr).await? {
            Some(org) => (store, org),
            None => return Ok(ExitCode::FAILURE),
        }
    }};
}

pub async fn run(command: Command, config: Config, tr: Tr) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve(args) => {
            let store = open(&config, DATABASE_FILE, &tr).await?;
            serve(store, &config, &args, &tr, |_| {}).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo(args) => demo::run(args, &config, &tr).await,
        Command::Migrate => {
            open(&config, DATABASE_FILE, &tr).await?;
            say!("{}", tr.t("cli-migrated"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Import(ImportCommand::Staff { file, absent, yes }) => {
            let (store, org) = open_for_organisation!(config, tr);
            let absent = match absent {
                AbsentPeople::Keep => AbsentChoice::Keep,
                AbsentPeople::Left => AbsentChoice::MarkLeft,
            };
            staff::import(&store, &org, &file, absent, yes, &tr).await
        }
        Command::Import(ImportCommand::Catalogue { file }) => {
            let (store, org) = open_for_organisation!(config, tr);
            catalogue::import(&store, &org, &file, &tr).await
        }
        Command::Import(ImportCommand::Services { file }) => {
            let (store, org) = open_for_organisation!(config, tr);
            services::import(&store, &org, &file, &tr).await
        }
        Command::Import(ImportCommand::Kit { file }) => {
            let (store, org) = open_for_organisation!(config, tr);
            kit::import(&store, &org, &file, &tr).await
        }
        Command::Export(ExportCommand::Kit { output, language }) => {
            let (store, org) = open_for_organisation!(config, tr);
            let language = file_language(language, &tr);
            kit::export(&store, &org, output.as_deref(), language).await
        }
        Command::Export(ExportCommand::Services { output, language }) => {
            let (store, org) = open_for_organisation!(config, tr);
            let language = file_language(language, &tr);
            services::export(&store, &org, output.as_deref(), language).await
        }
        Command::Import(ImportCommand::Completions { file }) => {
            let (store, org) = open_for_organisation!(config, tr);
            training::import(&store, &org, &file, &tr).await
        }
        Command::Export(ExportCommand::Catalogue { output, language }) => {
            let (store, org) = open_for_organisation!(config, tr);
            let language = file_language(language, &tr);
            catalogue::export(&store, &org, output.as_deref(), language).await
        }
        Command::Import(ImportCommand::Framework { file }) => {
            let (store, org) = open_for_organisation!(config, tr);
            frameworks::import(&store, &org, &file, &tr).await
        }
        Command::Export(ExportCommand::Framework {
            code,
            format,
            output,
            language,
        }) => {
            let (store, org) = open_for_organisation!(config, tr);
            let language = file_language(language, &tr);
            frameworks::export(
                &store,
                &org,
                &code,
                format,
                output.as_deref(),
                language,
                &tr,
            )
            .await
        }
        Command::Import(ImportCommand::Responses {
            file,
            campaign,
            mapping,
        }) => {
            let (store, org) = open_for_organisation!(config, tr);
            survey_import::import(&store, &org, &file, campaign, &mapping, &tr).await
        }
        Command::Export(ExportCommand::Staff { output, language }) => {
            let (store, org) = open_for_organisation!(config, tr);
            let language = file_language(language, &tr);
            staff::export(&store, &org, output.as_deref(), language).await
        }
        Command::SignIn(SignInCommand::Passwords { state }) => {
            let (store, org) = open_for_organisation!(config, tr);
            sign_in::passwords(&store, &org, state == Switch::On, &tr).await
        }
        Command::Plans(PlansCommand::Propose { campaign }) => {
            let (store, org) = open_for_organisation!(config, tr);
            plans::propose(&store, &org, campaign, &tr).await
        }
        Command::Xapi(XapiCommand::Client(XapiClientCommand::Create { name })) => {
            let (store, org) = open_for_organisation!(config, tr);
            let url = public_url(&config, config.bind);
            xapi::create_client(&store, &org, &name, &url, &tr).await
        }
        Command::Xapi(XapiCommand::Map {
            requirement,
            activity,
        }) => {
            let (store, org) = open_for_organisation!(config, tr);
            xapi::map(&store, &org, &requirement, activity.as_deref(), &tr).await
        }
        Command::Report(args) => {
            let (store, org) = open_for_organisation!(config, tr);
            report::run(&store, &org, &args, &tr).await
        }
        Command::Organisation(OrganisationCommand::Create {
            name,
            welsh_name,
            slug,
            language,
        }) => {
            let store = open(&config, DATABASE_FILE, &tr).await?;
            organisation::create(
                &store,
                &name,
                welsh_name.as_deref(),
                slug.as_deref(),
                &language,
                &tr,
            )
            .await
        }
        Command::Organisation(OrganisationCommand::List) => {
            let store = open(&config, DATABASE_FILE, &tr).await?;
            organisation::list(&store, &tr).await
        }
        Command::Network(NetworkCommand::Create {
            name,
            welsh_name,
            slug,
        }) => {
            let (store, org) = open_for_organisation!(config, tr);
            network::create(
                &store,
                &org,
                &name,
                welsh_name.as_deref(),
                slug.as_deref(),
                &tr,
            )
            .await
        }
        Command::Network(NetworkCommand::AddMember { network: slug }) => {
            let (store, org) = open_for_organisation!(config, tr);
            network::add_member(&store, &org, &slug, &tr).await
        }
        Command::Network(NetworkCommand::List) => {
            let store = open(&config, DATABASE_FILE, &tr).await?;
            network::list(&store, &tr).await
        }
        Command::Backup { file } => backup::backup(&config, &file, &tr).await,
        Command::Restore { file } => backup::restore(&config, &file, &tr).await,
        Command::User(UserCommand::CreateAdmin {
            email,
            given_name,
            family_name,
            organisation_name,
            // Read into `config.public_url` with the settings file's.
            public_url: _,
        }) => {
            let store = open(&config, DATABASE_FILE, &tr).await?;
            let url = public_url(&config, config.bind);
            let admin = user::NewAdmin {
                email: &email,
                given_name: &given_name,
                family_name: &family_name,
                organisation_name: &organisation_name,
                organisation: config.organisation.as_deref(),
            };
            user::create_admin(&store, &admin, &url, &tr).await
        }
    }
}

/// Connects to the database and applies any migrations not yet applied.
pub async fn open(config: &Config, sqlite_file: &str, tr: &Tr) -> anyhow::Result<Store> {
    let url = config.database_url_or(sqlite_file, tr)?;
    if let Some(database) = in_use::sqlite_path(&url) {
        // Before the database is opened: a restore may be putting another file in its place.
        match in_use::share(&database) {
            Ok(()) => {}
            Err(in_use::Refused::Held(pids)) => {
                let shown = database.display().to_string();
                anyhow::bail!(if pids.is_empty() {
                    tr.t1("cli-database-restoring", "database", shown.as_str())
                } else {
                    tr.t2(
                        "cli-database-restoring-by",
                        "database",
                        shown.as_str(),
                        "processes",
                        in_use::list(&pids),
                    )
                });
            }
            Err(in_use::Refused::Io(e)) => return Err(e.into()),
        }
    }
    let store = Store::connect(&url)
        .await
        .with_context(|| tr.t1("cli-database-unreachable", "url", redact(&url)))?;
    store
        .migrate()
        .await
        .with_context(|| tr.t("cli-migration-failed"))?;
    Ok(store)
}

/// A database URL without its password, fit for messages and logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

fn public_url(config: &Config, bound: std::net::SocketAddr) -> String {
    config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{bound}"))
}

/// The name of the key file made in the data folder when no key is given.
pub const SECRET_KEY_FILE: &str = "secret.key";

/// Gives the store the key that encrypts secrets in the database: the one configured, or
/// the key file in the data folder (made on first start). Then encrypts any secret saved
/// before encryption, and warns when this key cannot decrypt the stored secret.
async fn with_secret_key(store: Store, config: &Config, tr: &Tr) -> anyhow::Result<Store> {
    let (key, source) = match &config.secret_key {
        Some((text, source)) => {
            let key = SecretKey::from_base64(&text.0).map_err(|_| {
                anyhow::anyhow!(tr.t1("cli-secret-key-malformed", "source", *source))
            })?;
            (key, source.to_string())
        }
        None => {
            let path = config.data_dir.join(SECRET_KEY_FILE);
            let file = path.display().to_string();
            let (key, created) = SecretKey::load_or_create(&path).map_err(|e| match e {
                SecretKeyError::Malformed => {
                    anyhow::anyhow!(tr.t1("cli-secret-key-malformed", "source", file.as_str()))
                }
                SecretKeyError::File { source, .. } => anyhow::anyhow!(tr.t2(
                    "cli-secret-key-file",
                    "file",
                    file.as_str(),
                    "reason",
                    source.to_string()
                )),
            })?;
            if created {
                eprintln!("{}", tr.t1("cli-secret-key-created", "file", file.as_str()));
            }
            (key, file)
        }
    };
    let store = store.with_secret_key(Arc::new(key));
    let checked = store.seal_stored_secrets().await?;
    if checked.sealed > 0 {
        tracing::info!(
            sealed = checked.sealed,
            "client secrets saved before encryption are now encrypted"
        );
    }
    if checked.unreadable > 0 {
        eprintln!(
            "{}",
            tr.t1("cli-secret-key-wrong", "source", source.as_str())
        );
    }
    Ok(store)
}

/// Serves until stopped; `ready` runs once the address is bound, with the address.
pub async fn serve(
    store: Store,
    config: &Config,
    args: &ServeArgs,
    tr: &Tr,
    ready: impl FnOnce(&str),
) -> anyhow::Result<()> {
    let bind = args.bind.unwrap_or(config.bind);
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .with_context(|| tr.t1("cli-cannot-listen", "address", bind.to_string()))?;
    let bound = listener.local_addr()?;
    let url = public_url(config, bound);
    let mailer = config.mailer(tr)?;
    let store = with_secret_key(store, config, tr).await?;
    let password_checks = PasswordChecks::new(
        config
            .password_checks
            .map_or_else(PasswordChecks::default_at_once, usize::from),
        PasswordChecks::WAIT,
    );
    let trusted: Vec<String> = config
        .trusted_proxies
        .iter()
        .map(ToString::to_string)
        .collect();
    tracing::info!(
        password_checks = password_checks.at_once(),
        trusted_proxies = %trusted.join(","),
        "sign-in limits"
    );
    let web = WebConfig {
        secure_cookies: url.starts_with("https://"),
        pseudo_locale: config.pseudo_locale,
        public_url: url.clone(),
        public_url_configured: config.public_url.is_some(),
        trusted_proxies: config.trusted_proxies.clone(),
        password_checks: Arc::new(password_checks),
        mailer: mailer.clone(),
        session_lifetime: std::time::Duration::from_secs(config.session_lifetime_hours * 60 * 60),
        ..WebConfig::default()
    };
    let app = skillgym_web::app(store.clone(), web);
    let local = format!("http://{bound}/");
    say!("{}", tr.t1("cli-listening", "url", local.as_str()));
    ready(&local);
    say!("{}", tr.t("cli-stop-hint"));
    tracing::info!(address = %bound, backend = ?store.backend(), "serving");
    let jobs = jobs::spawn(store.clone(), mailer.map(|m| (m, url)));
    skillgym_web::serve(listener, app).await?;
    jobs.abort();
    store.close().await;
    Ok(())
}

/// The language to name a file's columns in: the one asked for, else the command line's own.
fn file_language(asked: Option<crate::cli::ColumnLanguage>, tr: &Tr) -> FileLanguage {
    match asked {
        Some(crate::cli::ColumnLanguage::En) => FileLanguage::English,
        Some(crate::cli::ColumnLanguage::Cy) => FileLanguage::Welsh,
        None => FileLanguage::from_tag(tr.lang().code()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_kept_out_of_messages() {
        assert_eq!(
            super::redact("postgres://app:secret@db.example/skillgym"),
            "postgres://app:***@db.example/skillgym"
        );
        assert_eq!(
            super::redact("sqlite://data/skillgym.db"),
            "sqlite://data/skillgym.db"
        );
    }
}
