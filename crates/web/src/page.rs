//! The frame every page shares: title, language, navigation by role, the CSRF token.

use crate::context::Ctx;
use askama::Template;
use skillgym_domain::Role;
use skillgym_i18n::{Arg, Lang, Tr};

/// One link in the main navigation.
pub struct NavLink {
    pub href: &'static str,
    pub label: String,
    /// `Some("page")` on the page itself, `Some("true")` within its section.
    pub current: Option<&'static str>,
}

/// What the layout needs; every page template holds one as `page`.
pub struct Page {
    pub tr: Tr,
    pub title: String,
    pub organisation: String,
    pub user_name: Option<String>,
    pub nav: Vec<NavLink>,
    /// The administration pages, on any of them: a second row under the main navigation.
    pub admin_nav: Vec<NavLink>,
    pub csrf: String,
    pub path: String,
}

/// The main navigation, kept short: (path, message id, who sees it, the other paths of its
/// section). Later parts of the loop (plans, learning, training, evaluation) add their entries
/// here; pages for administrators alone go under Administration ([`ADMIN_PAGES`]).
const NAV: &[(&str, &str, &[Role], &[&str])] = &[
    ("/", "nav-home", &[], &[]),
    ("/audits", "nav-audits", &[], &[]),
    // A person's own plan is part of their learning, as are the digital team's answers; the
    // Learning page links to them.
    (
        "/learning",
        "nav-learning",
        &[],
        &[
            "/me/plan",
            "/me/training",
            "/me/feedback",
            "/me/follow-ups",
            "/questions",
            "/help",
            "/champions",
            "/buddies",
        ],
    ),
    // The assisted-digital services catalogue, for everyone (but see [`NOT_FOR_ADMINS`]).
    ("/services", "nav-services", &[], &[]),
    ("/team", "nav-my-people", &[Role::Manager], &[]),
    // Administrators reach plans from the Learning page, which keeps their menu short.
    ("/plans", "nav-plans", &[Role::Trainer, Role::Manager], &[]),
    ("/champion", "nav-champion", &[Role::Champion], &[]),
    // Administrators reach the training matrix from Administration.
    (
        "/training",
        "nav-training",
        &[Role::Trainer, Role::Manager],
        &[],
    ),
    // Administrators reach the evaluation report from Administration.
    ("/evaluation", "nav-evaluation", &[Role::Trainer], &[]),
    ("/campaigns", "nav-campaigns", &[Role::Admin], &[]),
    ("/people", "nav-people", &[Role::Admin], &[]),
    ("/admin", "nav-admin", &[Role::Admin], ADMIN_SECTION),
    ("/network", "nav-network", &[Role::Coordinator], &[]),
];

/// Entries of [`NAV`] an administrator reaches from Administration (and the Learning page)
/// instead, which keeps their menu short.
const NOT_FOR_ADMINS: &[&str] = &["/services"];

/// The paths under Administration.
const ADMIN_SECTION: &[&str] = &[
    "/frameworks",
    "/sites",
    "/teams",
    "/import/staff",
    "/settings",
    "/audit-trail",
    "/networks",
    "/training",
    "/evaluation",
];

/// An administration page: its path, the message naming it and the one saying what it is for.
pub type AdminLink = (&'static str, &'static str, &'static str);

/// The administration pages, grouped as the Administration page lists them: (heading, then
/// each page's path, name and what it is for).
pub const ADMIN_PAGES: &[(&str, &[AdminLink])] = &[
    (
        "admin-group-frameworks",
        &[("/frameworks", "nav-frameworks", "admin-frameworks-hint")],
    ),
    (
        "admin-group-people",
        &[
            ("/sites", "nav-sites", "admin-sites-hint"),
            ("/teams", "nav-teams", "admin-teams-hint"),
            (
                "/import/staff",
                "nav-import-staff",
                "admin-import-staff-hint",
            ),
        ],
    ),
    (
        "admin-group-settings",
        &[
            ("/settings", "nav-settings", "admin-settings-hint"),
            (
                "/settings/anonymity",
                "anonymity-title",
                "admin-anonymity-hint",
            ),
            (
                "/settings/retention",
                "retention-title",
                "admin-retention-hint",
            ),
            (
                "/settings/follow-ups",
                "follow-up-days-title",
                "admin-follow-ups-hint",
            ),
            (
                "/settings/services",
                "service-age-title",
                "admin-services-age-hint",
            ),
            ("/settings/kit", "kit-age-title", "admin-kit-age-hint"),
        ],
    ),
    (
        "admin-group-training",
        &[
            ("/training", "nav-training", "admin-training-hint"),
            ("/evaluation", "nav-evaluation", "admin-evaluation-hint"),
            ("/services", "nav-services", "admin-services-hint"),
            ("/kit", "kit-title", "admin-kit-hint"),
        ],
    ),
    (
        "admin-group-records",
        &[("/audit-trail", "nav-audit-trail", "admin-audit-trail-hint")],
    ),
    (
        "admin-group-networks",
        &[("/networks", "nav-networks", "admin-networks-hint")],
    ),
];

/// Whether `path` is `href` or a page under it.
fn within(path: &str, href: &str) -> bool {
    path == href || (href != "/" && path.starts_with(&format!("{href}/")))
}

impl Page {
    pub fn new(ctx: &Ctx, title: String) -> Self {
        let tr = ctx.tr;
        let nav = match &ctx.session {
            // A password-free link's session reaches one audit only: no navigation.
            Some(s) if s.scope.is_some() => Vec::new(),
            None => Vec::new(),
            Some(s) => NAV
                .iter()
                .filter(|(href, _, roles, _)| {
                    (roles.is_empty() || roles.iter().any(|r| s.roles.has(*r)))
                        && !(s.roles.has(Role::Admin) && NOT_FOR_ADMINS.contains(href))
                })
                .map(|(href, label, _, section)| NavLink {
                    href,
                    label: tr.t(label),
                    current: if ctx.path == *href {
                        Some("page")
                    } else if within(&ctx.path, href)
                        || section.iter().any(|p| within(&ctx.path, p))
                    {
                        Some("true")
                    } else {
                        None
                    },
                })
                .collect(),
        };
        let in_admin = nav
            .iter()
            .any(|l| l.href == "/admin" && l.current.is_some());
        let admin_nav = if in_admin {
            ADMIN_PAGES
                .iter()
                .flat_map(|(_, pages)| pages.iter())
                // Settings' own pages are reached from it, and keep it current.
                .filter(|(href, _, _)| !href.starts_with("/settings/"))
                .map(|(href, label, _)| NavLink {
                    href,
                    label: tr.t(label),
                    current: if ctx.path == *href {
                        Some("page")
                    } else if within(&ctx.path, href) {
                        Some("true")
                    } else {
                        None
                    },
                })
                .collect()
        } else {
            Vec::new()
        };
        let organisation = match (&ctx.organisation, tr.lang()) {
            (Some(o), Lang::Cy) => o.name_cy.clone().unwrap_or_else(|| o.name.clone()),
            (Some(o), _) => o.name.clone(),
            (None, _) => String::new(),
        };
        Self {
            tr,
            title,
            organisation,
            user_name: ctx.session.as_ref().map(|s| s.name.clone()),
            nav,
            admin_nav,
            csrf: ctx.csrf.clone(),
            path: ctx.path.clone(),
        }
    }

    pub fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }

    /// The message for a stored value, such as `job-family-frontline` for ("job-family",
    /// "frontline").
    pub fn t_of(&self, prefix: &str, value: &str) -> String {
        self.tr.t(&format!("{prefix}-{value}"))
    }

    pub fn t1<'a>(&self, id: &str, name: &'static str, value: impl Into<Arg<'a>>) -> String {
        self.tr.t1(id, name, value)
    }

    pub fn t2<'a>(
        &self,
        id: &str,
        name: &'static str,
        value: impl Into<Arg<'a>>,
        name2: &'static str,
        value2: impl Into<Arg<'a>>,
    ) -> String {
        self.tr.t2(id, name, value, name2, value2)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn t3<'a>(
        &self,
        id: &str,
        name: &'static str,
        value: impl Into<Arg<'a>>,
        name2: &'static str,
        value2: impl Into<Arg<'a>>,
        name3: &'static str,
        value3: impl Into<Arg<'a>>,
    ) -> String {
        self.tr.args(
            id,
            [
                (name, value.into()),
                (name2, value2.into()),
                (name3, value3.into()),
            ],
        )
    }

    /// A day as people write it ("30 December 2026").
    pub fn day(&self, day: &time::Date) -> String {
        self.tr.date(&skillgym_domain::people::format_date(*day))
    }

    pub fn lang(&self) -> &'static str {
        self.tr.lang().code()
    }

    /// The language the switch in the header offers, by code and by its own name.
    pub fn other_lang(&self) -> &'static str {
        self.tr.lang().other().code()
    }

    pub fn other_lang_name(&self) -> String {
        self.tr.t(match self.tr.lang().other() {
            Lang::Cy => "language-name-cy",
            _ => "language-name-en",
        })
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorTemplate {
    pub page: Page,
    pub advice: String,
}
