//! Removing an entry of a register (an item of kit, a service) once a box is ticked: the page
//! that asks, again with an error when the box was not ticked.

use crate::context::Ctx;
use crate::page::Page;
use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// What one register's removal page says and where it goes.
pub struct Removal {
    /// The prefix of its messages: `{prefix}-title`, `-warning`, `-confirm`,
    /// `-confirm-missing`, `-cancel` and the button's `{prefix}` itself.
    pub messages: &'static str,
    /// The entry's page (`/kit/3`): the form posts to `{path}/remove`, cancelling goes back.
    pub path: String,
    /// The entry's name, and its language when it is not the page's.
    pub name: String,
    pub lang: Option<&'static str>,
}

#[derive(Template, WebTemplate)]
#[template(path = "register_remove.html")]
pub struct RemovePage {
    page: Page,
    removal: Removal,
    missing_confirmation: bool,
}

impl RemovePage {
    fn says(&self, what: &str) -> String {
        format!("{}-{what}", self.removal.messages)
    }
}

/// The page: the question alone, or asked again (422) because the box was not ticked.
pub fn remove_page(ctx: &Ctx, removal: Removal, missing_confirmation: bool) -> Response {
    let mut response = RemovePage {
        page: ctx.page(&format!("{}-title", removal.messages)),
        removal,
        missing_confirmation,
    }
    .into_response();
    if missing_confirmation {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}
