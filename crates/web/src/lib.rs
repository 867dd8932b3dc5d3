//! skillgym's web interface: server-rendered pages that work without JavaScript, in English
//! and Welsh, with every route's access decided on the server.

mod access;
mod assets;
pub mod audit_links;
mod auth;
mod champion_directory;
pub mod charts;
mod client_address;
mod context;
mod error;
mod forms;
pub mod mail;
mod page;
mod path;
mod routes;
mod same_site;
mod single_sign_on;
mod upload;

pub use auth::make_access_link;
pub use auth::password::{PasswordChecks, PasswordTurn, hash_password};
pub use client_address::{BadNetwork, IpNetwork};
pub use error::AppError;
pub use mail::{
    MailError, Mailer, Sent, follow_up as send_follow_ups, run_follow_up_job,
    run_plan_check_in_job, run_question_digest_job, run_reminder_job, run_session_reminder_job,
    run_synthesis_reminder_job, run_training_digest_job, run_write_up_email_job, send_invitations,
    send_reminders,
};
#[doc(hidden)]
pub use routes::{RouteInfo, route_table};

use axum::Router;
use skillgym_reporting::{AnalysisCache, Reports};
use skillgym_store::Store;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

/// How long a session lasts however much it is used, unless configured otherwise.
pub const DEFAULT_SESSION_LIFETIME_HOURS: u64 = 12;

/// How the web interface behaves, set by the binary from its configuration.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` and send HSTS: on whenever skillgym is reached over HTTPS.
    pub secure_cookies: bool,
    /// How long a session lasts without use.
    pub session_idle: Duration,
    /// How long a session lasts however much it is used: sign in again after this.
    pub session_lifetime: Duration,
    /// Offer the pseudo-locale (`?lang=en-x-pseudo`) that marks every message, for tests.
    pub pseudo_locale: bool,
    /// The address people reach skillgym at, for links in emails and on pages (no trailing /).
    pub public_url: String,
    /// Whether `public_url` was set by the administrator rather than made up from the bound
    /// address: only then do forms have to come from its origin (otherwise from the `Host`).
    pub public_url_configured: bool,
    /// Proxies whose `X-Forwarded-For` tells the client's address (for the sign-in throttle).
    pub trusted_proxies: Vec<IpNetwork>,
    /// Password hashes and checks: how many at once, and how long the others wait.
    pub password_checks: Arc<PasswordChecks>,
    /// Sends invitations and reminders; `None` when SMTP is not set up.
    pub mailer: Option<Mailer>,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            session_idle: Duration::from_secs(2 * 60 * 60),
            session_lifetime: Duration::from_secs(DEFAULT_SESSION_LIFETIME_HOURS * 60 * 60),
            pseudo_locale: false,
            public_url: "http://127.0.0.1:8080".into(),
            public_url_configured: false,
            trusted_proxies: Vec::new(),
            password_checks: Arc::default(),
            mailer: None,
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    pub(crate) organisations: Arc<context::OrganisationCache>,
    /// Campaigns' answers held in memory for analysis.
    pub analysis: Arc<AnalysisCache>,
    /// Organisations' champions held in memory for Find help.
    pub(crate) champions: Arc<champion_directory::DirectoryCache>,
}

impl AppState {
    /// The organisation's figures, with its anonymity threshold read once for the request.
    pub(crate) async fn reports(
        &self,
        org: skillgym_domain::OrganisationId,
    ) -> Result<Reports<'_>, skillgym_store::StoreError> {
        Reports::open(&self.store, &self.analysis, org).await
    }
}

/// Builds the whole application: routes, the per-request context, security headers, logs.
pub fn app(store: Store, config: WebConfig) -> Router {
    let state = AppState {
        store,
        config: Arc::new(config),
        organisations: Arc::default(),
        analysis: Arc::default(),
        champions: Arc::default(),
    };
    routes::router(state)
}

/// Serves `app` on `listener` until Ctrl-C or SIGTERM.
pub async fn serve(listener: TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
