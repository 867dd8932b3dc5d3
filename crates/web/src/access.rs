//! Who may use a route, said once in its handler's signature. Each extractor here reads only
//! the request's head, so as a handler's first argument it refuses a request before anything
//! reads the body: people signed out are sent to sign in, people without the role are refused.

use crate::context::Ctx;
use crate::error::AppError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use skillgym_domain::Role;
use skillgym_store::SessionRecord;
use std::ops::Deref;
use std::sync::Arc;

/// Anyone signed in.
pub struct SignedIn(pub Arc<SessionRecord>);

/// A signed-in administrator of this organisation.
pub struct Admin(pub Arc<SessionRecord>);

/// A signed-in coordinator of the networks their organisation runs.
pub struct Coordinator(pub Arc<SessionRecord>);

/// A signed-in manager (of whoever they manage: each handler asks the store whom).
pub struct Manager(pub Arc<SessionRecord>);

/// A signed-in digital champion.
pub struct Champion(pub Arc<SessionRecord>);

/// The signed-in person if they hold `role` (any role when `None`), as the request context
/// found them.
fn holding(parts: &Parts, role: Option<Role>) -> Result<Arc<SessionRecord>, AppError> {
    let ctx = parts
        .extensions
        .get::<Ctx>()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("request context missing")))?;
    let user = ctx.session.clone().ok_or(AppError::SignInRequired)?;
    match role {
        Some(role) if !user.roles.has(role) => Err(AppError::Forbidden),
        _ => Ok(user),
    }
}

macro_rules! extractor {
    ($name:ident, $role:expr) => {
        impl<S: Send + Sync> FromRequestParts<S> for $name {
            type Rejection = AppError;

            async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
                holding(parts, $role).map($name)
            }
        }

        impl Deref for $name {
            type Target = SessionRecord;

            fn deref(&self) -> &SessionRecord {
                &self.0
            }
        }
    };
}

extractor!(SignedIn, None);
extractor!(Admin, Some(Role::Admin));
extractor!(Manager, Some(Role::Manager));
extractor!(Coordinator, Some(Role::Coordinator));
extractor!(Champion, Some(Role::Champion));

/// Whoever is answering an audit: a signed-in person, or on their campaign's pages, someone
/// answering through its public link (who is never signed in and reaches nothing else).
pub enum Answering {
    Person(Arc<SessionRecord>),
    Public(Arc<skillgym_store::PublicRespondent>),
}

impl Answering {
    /// The organisation whose campaign they answer.
    pub fn organisation_id(&self) -> skillgym_domain::OrganisationId {
        match self {
            Answering::Person(user) => user.organisation_id,
            Answering::Public(respondent) => respondent.organisation_id,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Answering {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let respondent = parts
            .extensions
            .get::<Ctx>()
            .and_then(|ctx| ctx.respondent.clone());
        match respondent {
            Some(respondent) => Ok(Answering::Public(respondent)),
            None => holding(parts, None).map(Answering::Person),
        }
    }
}

/// A signed-in trainer, manager or administrator: who works with people's learning plans
/// (whose, each handler decides: a manager only their people's).
pub struct Planner(pub Arc<SessionRecord>);

impl<S: Send + Sync> FromRequestParts<S> for Planner {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let user = holding(parts, None)?;
        if [Role::Trainer, Role::Manager, Role::Admin]
            .iter()
            .any(|r| user.roles.has(*r))
        {
            Ok(Planner(user))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl Deref for Planner {
    type Target = SessionRecord;

    fn deref(&self) -> &SessionRecord {
        &self.0
    }
}

/// A signed-in trainer or administrator: who keeps the learning catalogue, the services
/// catalogue and the weekly question's answers (the digital team).
pub struct Curator(pub Arc<SessionRecord>);

impl Curator {
    /// Whether `user` is one: for pages that show curators more than others.
    pub fn is(user: &SessionRecord) -> bool {
        user.roles.has(Role::Trainer) || user.roles.has(Role::Admin)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Curator {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let user = holding(parts, None)?;
        if Curator::is(&user) {
            Ok(Curator(user))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl Deref for Curator {
    type Target = SessionRecord;

    fn deref(&self) -> &SessionRecord {
        &self.0
    }
}

/// A signed-in digital champion, trainer or administrator: who posts tips on the champions'
/// board.
pub struct BoardWriter(pub Arc<SessionRecord>);

impl BoardWriter {
    /// Whether `user` is one: for pages that offer them the board's form.
    pub fn is(user: &SessionRecord) -> bool {
        user.roles.has(Role::Champion) || Curator::is(user)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for BoardWriter {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let user = holding(parts, None)?;
        if BoardWriter::is(&user) {
            Ok(BoardWriter(user))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl Deref for BoardWriter {
    type Target = SessionRecord;

    fn deref(&self) -> &SessionRecord {
        &self.0
    }
}
