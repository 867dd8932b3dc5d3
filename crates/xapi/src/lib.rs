//! skillgym's Learning Record Store logic for the Statement Resource of xAPI 1.0.3: everything
//! about statements that needs no HTTP and no SQL, as the specification words it.
//!
//! - [`validate`], [`validate_batch`], [`validate_put`]: the `400 Bad Request` rules of Data 2.2
//!   and 2.4, giving a typed [`Statement`] or an [`Invalid`] naming the property at fault.
//! - [`prepare`]: the JSON to store, with `id`, `stored`, `authority`, `version` and
//!   `timestamp` assigned as Data 2.4 says.
//! - [`same_statement`]: Data 2.3.1's comparison, for "already stored" (ignore) versus
//!   `409 Conflict`.
//! - [`is_voiding`], [`voided_target`], [`can_be_voided`]: voiding (Data 2.3.2).
//! - [`Query`], [`matches()`], [`matches_with`]: GET Statements' parameters and filters
//!   (Communication 2.1.3).
//! - [`format::render`] and the [`format`](mod@format) module: the `exact`, `ids` and `canonical` formats.
//! - [`Ifi::key`], [`Actor::ifi_key`], [`mbox_of`]: Agent identity, for indexing.
//!
//! A POST, as the Statement Resource's handler and store might use these:
//!
//! ```
//! use skillgym_xapi::{Agent, Query, matches, prepare, same_statement, validate_batch};
//!
//! let body = serde_json::json!({
//!     "actor": { "mbox": "mailto:learner@example.gov.uk" },
//!     "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
//!     "object": { "id": "https://learning.example.gov.uk/courses/email-basics" }
//! });
//! let statements = validate_batch(&body)?; // Err: 400 Bad Request, with the path at fault
//! let authority = Agent::with_account(None, "https://skillgym.example.gov.uk/", "moodle")?;
//! let stored = prepare(&statements[0], &authority, time::OffsetDateTime::now_utc());
//! assert!(same_statement(&body, &stored)); // a resend with this id: no change, no 409
//!
//! let query = Query::parse([("verb", "http://adlnet.gov/expapi/verbs/completed")])?;
//! assert!(matches(&query, &stored));
//! # Ok::<(), skillgym_xapi::Invalid>(())
//! ```
//!
//! Section numbers are those of the xAPI 1.0.3 documents: "Data" is Part Two
//! (`xAPI-Data.md`), "Communication" Part Three (`xAPI-Communication.md`), "About" Part One.
//!
//! Attachments with their data (Communication 1.5.2) and signed statements (Data 2.6):
//! [`multipart::read`] splits a `multipart/mixed` body into its parts, [`attachments`] checks
//! them against the statements' attachment headers (and [`signature::check`] each signature)
//! and gives the data to keep, [`multipart::write`] frames a GET's answer.

pub mod attachments;
mod compare;
mod error;
pub mod format;
mod model;
pub mod multipart;
mod parse;
mod prepare;
mod query;
pub mod signature;
mod syntax;
mod voiding;

pub use compare::same_statement;
pub use error::Invalid;
pub use format::{AcceptLanguage, Format};
pub use model::{
    Activity, ActivityDefinition, Actor, Agent, Attachment, ComponentList, Context,
    ContextActivities, Extensions, Group, Ifi, Interaction, InteractionComponent, InteractionType,
    LanguageMap, Outcome, Score, Statement, StatementObject, SubStatement, Verb, mbox_of,
};
pub use parse::{validate, validate_batch, validate_put};
pub use prepare::prepare;
pub use query::{Filter, Query, Target, matches, matches_with};
pub use syntax::{Duration, Iri, LanguageTag, Timestamp};
pub use voiding::{VOIDED, can_be_voided, is_voiding, voided_target, voided_target_json};
