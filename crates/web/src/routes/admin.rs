//! Administration: one page listing the administrators' pages in groups, so that the main
//! navigation stays short (see `crate::page::ADMIN_PAGES`).

use crate::access::Admin;
use crate::context::Ctx;
use crate::page::{ADMIN_PAGES, Page};
use askama::Template;
use askama_web::WebTemplate;

/// One group of links: its heading, then each page's path, name and what it is for.
pub struct AdminGroup {
    pub heading: String,
    pub links: Vec<(&'static str, String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin.html")]
pub struct AdminPage {
    page: Page,
    groups: Vec<AdminGroup>,
}

pub async fn show(_: Admin, ctx: Ctx) -> AdminPage {
    let tr = &ctx.tr;
    let groups = ADMIN_PAGES
        .iter()
        .map(|(heading, pages)| AdminGroup {
            heading: tr.t(heading),
            links: pages
                .iter()
                .map(|(href, name, hint)| (*href, tr.t(name), tr.t(hint)))
                .collect(),
        })
        .collect();
    AdminPage {
        page: ctx.page("admin-title"),
        groups,
    }
}
