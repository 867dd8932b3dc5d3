//! The audit trail: who viewed, exported, changed or erased whose personal data.
//!
//! Events are only ever inserted; a trigger on each backend refuses UPDATE and DELETE, except
//! the one change erasure makes through the foreign keys (a person's id becoming NULL). Events
//! hold ids, an action code and a neutral detail (counts and codes, never names), so that once
//! a person is erased nothing in the trail says who they were: their events stay, pointing at
//! no one. The erasure itself is recorded, with the former id in its detail.

use crate::{Result, Store};
use skillgym_domain::{OrganisationId, PersonId};
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};

/// Who did something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A person signed in to the web interface.
    Person(PersonId),
    /// skillgym's own scheduled jobs, such as retention.
    System,
    /// Someone at the command line (who, the operating system knows; skillgym does not).
    CommandLine,
    /// Someone not signed in, trying to sign in (who, skillgym could not tell).
    SignIn,
}

impl Actor {
    pub(crate) fn kind(self) -> &'static str {
        match self {
            Actor::Person(_) => "person",
            Actor::System => "system",
            Actor::CommandLine => "command-line",
            Actor::SignIn => "sign-in",
        }
    }

    pub(crate) fn id(self) -> Option<i64> {
        match self {
            Actor::Person(p) => Some(p.0),
            _ => None,
        }
    }
}

/// What was done. The code is stored; each has a message `audit-action-CODE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    PersonViewed,
    PersonAdded,
    PersonChanged,
    AccessChanged,
    StaffImported,
    StaffExported,
    OwnDataDownloaded,
    PersonErased,
    AuditTrailExported,
    /// The retention period for leavers changed (detail: `previous-months=… months=…`).
    RetentionChanged,
    /// Password sign-in was turned on or off (detail: `passwords-on` or `passwords-off`).
    SignInChanged,
    /// A person was marked as having left and their access ended: sessions, account, roles
    /// (detail: `left-on=DATE`, and `account-closed` when they had an account).
    PersonLeft,
    /// A sign-in through the organisation's account was refused because the person it
    /// matched is linked to another identity at the provider (detail: `other-identity`).
    SingleSignOnRefused,
    /// The anonymity threshold changed (detail: `previous-threshold=… threshold=…`).
    AnonymityThresholdChanged,
    /// Reminders sent from a campaign's chase list (detail: `campaign=…`, and `site=…`,
    /// `team=…` for a group, `sent=…` unless the campaign is anonymous).
    RemindersSent,
    /// A manager sent the campaign's reminder to those of their people who had not finished
    /// (detail: `campaign=… people=…`, how many were sent one).
    TeamReminded,
    /// The organisation let a network's coordinators see its own figures, or stopped
    /// (detail: `network=…` and `sharing-on` or `sharing-off`).
    NetworkSharingChanged,
    /// A coordinator published one of their organisation's campaigns to a network's members
    /// (detail: `network=… campaign=…`).
    NetworkCampaignPublished,
    /// An administrator opened a network's campaign for their own staff, as a campaign of
    /// their organisation (detail: `network-campaign=… campaign=…`).
    NetworkCampaignOpened,
    /// A campaign's public link was opened, changed or closed (detail: `campaign=…` and
    /// `public-anonymous`, `public-email` or `public-closed`).
    PublicLinkChanged,
    /// Activities were added to the learning catalogue or changed, from a file or from a
    /// network (detail: `added=… updated=…`, and `network=…` for an adopted one).
    CatalogueImported,
    /// Learning plans were proposed for many people at once, from a campaign's profiles
    /// (detail: `people=…`, and `campaign=…`).
    PlansProposed,
    /// One person's plan was agreed, edited, paused, resumed or finished (detail: the
    /// flag `plan-…` that says which).
    PlanChanged,
    /// A requirement of the training matrix was added or changed (detail: `requirement=CODE`).
    TrainingChanged,
    /// A requirement of the training matrix was retired (detail: `requirement=CODE`).
    TrainingRetired,
    /// A completion of a required module was recorded for one person (detail:
    /// `requirement=CODE`).
    TrainingCompleted,
    /// A file of completions from another learning system was imported (detail: `added=N`,
    /// `unchanged=N`).
    TrainingImported,
    /// The days after an activity on which follow-ups are sent changed (detail:
    /// `previous-days=… days=…`).
    FollowUpDaysChanged,
    /// The digital team answered a weekly question, or changed its answer (detail:
    /// `question=…`, its number).
    QuestionAnswered,
    /// The digital team removed a weekly question (detail: `question=…`).
    QuestionRemoved,
    /// A service was added to the assisted-digital services catalogue (detail: `service=CODE`).
    ServiceAdded,
    /// A service of the catalogue was changed (detail: `service=CODE`).
    ServiceChanged,
    /// A service was marked as checked against the live service today (detail: `service=CODE`).
    ServiceChecked,
    /// A service was removed from the catalogue, with everyone's confidence with it (detail:
    /// `service=CODE`).
    ServiceRemoved,
    /// A services file was imported (detail: `added=… updated=…`).
    ServicesImported,
    /// How many months after its last check a service is flagged changed (detail:
    /// `previous-months=… months=…`).
    ServiceCheckAgeChanged,
    /// A supervisor nominated the subject to be a digital champion.
    ChampionNominated,
    /// A trainer approved the subject's nomination: they hold the champion role.
    ChampionApproved,
    /// A trainer declined the subject's nomination.
    NominationDeclined,
    /// The subject stopped being a digital champion (they stepped down, or a trainer ended it).
    ChampionEnded,
    /// The subject, a volunteer, was paired with a digital buddy.
    BuddiesPaired,
    /// The subject's pairing with their digital buddy ended.
    BuddiesEnded,
    /// A lead removed a horizon-scanning clipping, with its comments (detail: `clipping=…`).
    ClippingRemoved,
    /// A comment on a clipping or a board post was removed (detail: `comment=…` and
    /// `clipping=…` or `board-post=…`).
    CommentRemoved,
    /// A lead published a write-up of a period's horizon scanning (detail: `write-up=…`).
    WriteUpPublished,
    /// A tip on the champions' board was removed, with its comments (detail: `board-post=…`).
    BoardPostRemoved,
    /// Kit was added to the kit register (detail: `kit=CODE`).
    KitAdded,
    /// Kit in the register was changed (detail: `kit=CODE`).
    KitChanged,
    /// Kit was removed from the register, with its training and use (detail: `kit=CODE`).
    KitRemoved,
    /// A kit file was imported (detail: `added=… updated=…`).
    KitImported,
    /// A person was recorded as trained on kit (detail: `kit=CODE`).
    KitTrained,
    /// A person's training on kit was taken off the register (detail: `kit=CODE`).
    KitTrainingRemoved,
    /// How many months without use before kit is flagged changed (detail:
    /// `previous-months=… months=…`).
    KitUnusedAgeChanged,
    /// The services of the catalogue a campaign asks about changed (detail: `campaign=…
    /// services=…`, how many it asks about now).
    CampaignServicesChanged,
}

impl AuditAction {
    /// How many kinds of action there are.
    pub const COUNT: usize = 54;

    pub const ALL: [AuditAction; Self::COUNT] = [
        AuditAction::PersonViewed,
        AuditAction::PersonAdded,
        AuditAction::PersonChanged,
        AuditAction::AccessChanged,
        AuditAction::StaffImported,
        AuditAction::StaffExported,
        AuditAction::OwnDataDownloaded,
        AuditAction::PersonErased,
        AuditAction::AuditTrailExported,
        AuditAction::RetentionChanged,
        AuditAction::SignInChanged,
        AuditAction::PersonLeft,
        AuditAction::SingleSignOnRefused,
        AuditAction::AnonymityThresholdChanged,
        AuditAction::RemindersSent,
        AuditAction::TeamReminded,
        AuditAction::NetworkSharingChanged,
        AuditAction::NetworkCampaignPublished,
        AuditAction::NetworkCampaignOpened,
        AuditAction::PublicLinkChanged,
        AuditAction::CatalogueImported,
        AuditAction::PlansProposed,
        AuditAction::PlanChanged,
        AuditAction::TrainingChanged,
        AuditAction::TrainingCompleted,
        AuditAction::TrainingImported,
        AuditAction::TrainingRetired,
        AuditAction::FollowUpDaysChanged,
        AuditAction::QuestionAnswered,
        AuditAction::QuestionRemoved,
        AuditAction::ServiceAdded,
        AuditAction::ServiceChanged,
        AuditAction::ServiceChecked,
        AuditAction::ServiceRemoved,
        AuditAction::ServicesImported,
        AuditAction::ServiceCheckAgeChanged,
        AuditAction::ChampionNominated,
        AuditAction::ChampionApproved,
        AuditAction::NominationDeclined,
        AuditAction::ChampionEnded,
        AuditAction::BuddiesPaired,
        AuditAction::BuddiesEnded,
        AuditAction::ClippingRemoved,
        AuditAction::CommentRemoved,
        AuditAction::WriteUpPublished,
        AuditAction::BoardPostRemoved,
        AuditAction::KitAdded,
        AuditAction::KitChanged,
        AuditAction::KitRemoved,
        AuditAction::KitImported,
        AuditAction::KitTrained,
        AuditAction::KitTrainingRemoved,
        AuditAction::KitUnusedAgeChanged,
        AuditAction::CampaignServicesChanged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::PersonViewed => "person-viewed",
            AuditAction::PersonAdded => "person-added",
            AuditAction::PersonChanged => "person-changed",
            AuditAction::AccessChanged => "access-changed",
            AuditAction::StaffImported => "staff-imported",
            AuditAction::StaffExported => "staff-exported",
            AuditAction::OwnDataDownloaded => "own-data-downloaded",
            AuditAction::PersonErased => "person-erased",
            AuditAction::AuditTrailExported => "audit-trail-exported",
            AuditAction::RetentionChanged => "retention-changed",
            AuditAction::SignInChanged => "sign-in-changed",
            AuditAction::PersonLeft => "person-left",
            AuditAction::SingleSignOnRefused => "single-sign-on-refused",
            AuditAction::AnonymityThresholdChanged => "anonymity-threshold-changed",
            AuditAction::RemindersSent => "reminders-sent",
            AuditAction::TeamReminded => "team-reminded",
            AuditAction::NetworkSharingChanged => "network-sharing-changed",
            AuditAction::NetworkCampaignPublished => "network-campaign-published",
            AuditAction::NetworkCampaignOpened => "network-campaign-opened",
            AuditAction::PublicLinkChanged => "public-link-changed",
            AuditAction::CatalogueImported => "catalogue-imported",
            AuditAction::PlansProposed => "plans-proposed",
            AuditAction::PlanChanged => "plan-changed",
            AuditAction::TrainingChanged => "training-changed",
            AuditAction::TrainingCompleted => "training-completed",
            AuditAction::TrainingImported => "training-imported",
            AuditAction::TrainingRetired => "training-retired",
            AuditAction::FollowUpDaysChanged => "follow-up-days-changed",
            AuditAction::QuestionAnswered => "question-answered",
            AuditAction::QuestionRemoved => "question-removed",
            AuditAction::ServiceAdded => "service-added",
            AuditAction::ServiceChanged => "service-changed",
            AuditAction::ServiceChecked => "service-checked",
            AuditAction::ServiceRemoved => "service-removed",
            AuditAction::ServicesImported => "services-imported",
            AuditAction::ServiceCheckAgeChanged => "service-check-age-changed",
            AuditAction::ChampionNominated => "champion-nominated",
            AuditAction::ChampionApproved => "champion-approved",
            AuditAction::NominationDeclined => "nomination-declined",
            AuditAction::ChampionEnded => "champion-ended",
            AuditAction::BuddiesPaired => "buddies-paired",
            AuditAction::BuddiesEnded => "buddies-ended",
            AuditAction::ClippingRemoved => "clipping-removed",
            AuditAction::CommentRemoved => "comment-removed",
            AuditAction::WriteUpPublished => "write-up-published",
            AuditAction::BoardPostRemoved => "board-post-removed",
            AuditAction::KitAdded => "kit-added",
            AuditAction::KitChanged => "kit-changed",
            AuditAction::KitRemoved => "kit-removed",
            AuditAction::KitImported => "kit-imported",
            AuditAction::KitTrained => "kit-trained",
            AuditAction::KitTrainingRemoved => "kit-training-removed",
            AuditAction::KitUnusedAgeChanged => "kit-unused-age-changed",
            AuditAction::CampaignServicesChanged => "campaign-services-changed",
        }
    }

    /// Whether events of this kind are about one person.
    pub fn has_subject(self) -> bool {
        !matches!(
            self,
            AuditAction::StaffImported
                | AuditAction::StaffExported
                | AuditAction::AuditTrailExported
                | AuditAction::RetentionChanged
                | AuditAction::SignInChanged
                | AuditAction::AnonymityThresholdChanged
                | AuditAction::RemindersSent
                | AuditAction::TeamReminded
                | AuditAction::NetworkSharingChanged
                | AuditAction::NetworkCampaignPublished
                | AuditAction::NetworkCampaignOpened
                | AuditAction::PublicLinkChanged
                | AuditAction::CatalogueImported
                | AuditAction::PlansProposed
                | AuditAction::TrainingChanged
                | AuditAction::TrainingImported
                | AuditAction::TrainingRetired
                | AuditAction::FollowUpDaysChanged
                | AuditAction::QuestionAnswered
                | AuditAction::QuestionRemoved
                | AuditAction::ServiceAdded
                | AuditAction::ServiceChanged
                | AuditAction::ServiceChecked
                | AuditAction::ServiceRemoved
                | AuditAction::ServicesImported
                | AuditAction::ServiceCheckAgeChanged
                | AuditAction::ClippingRemoved
                | AuditAction::CommentRemoved
                | AuditAction::WriteUpPublished
                | AuditAction::BoardPostRemoved
                | AuditAction::KitAdded
                | AuditAction::KitChanged
                | AuditAction::KitRemoved
                | AuditAction::KitImported
                | AuditAction::KitUnusedAgeChanged
                | AuditAction::CampaignServicesChanged
        )
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == code)
    }
}

/// Every key an event's detail can hold as `key=value`. Each has a message `audit-detail-KEY`
/// in both languages, which the audit trail's Details column shows (a test renders them all).
pub const DETAIL_KEYS: [&str; 32] = [
    "added",
    "updated",
    "unchanged",
    "left",
    "people",
    "events",
    "roles",
    "former-id",
    "left-on",
    "previous-months",
    "months",
    "identities-forgotten",
    "view",
    "campaign",
    "previous-threshold",
    "threshold",
    "site",
    "team",
    "sent",
    "network",
    "network-campaign",
    "requirement",
    "previous-days",
    "days",
    "question",
    "service",
    "clipping",
    "comment",
    "write-up",
    "board-post",
    "kit",
    "services",
];

/// Every bare flag an event's detail can hold, each with a message `audit-detail-FLAG`.
pub const DETAIL_FLAGS: [&str; 18] = [
    "command-line",
    "link",
    "retention",
    "account-closed",
    "other-identity",
    "passwords-on",
    "passwords-off",
    "issuer-changed",
    "sharing-on",
    "sharing-off",
    "public-anonymous",
    "public-email",
    "public-closed",
    "plan-agreed",
    "plan-paused",
    "plan-resumed",
    "plan-finished",
    "plan-edited",
];

/// An event to record. `detail` is neutral: space-separated `key=value` pairs of counts and
/// codes, or bare flags such as `command-line`; never a name or an email address.
#[derive(Debug, Clone)]
pub struct NewAuditEvent {
    pub actor: Actor,
    pub action: AuditAction,
    pub subject: Option<PersonId>,
    pub detail: String,
}

impl NewAuditEvent {
    pub fn new(actor: Actor, action: AuditAction, subject: Option<PersonId>) -> Self {
        let detail = if actor == Actor::CommandLine {
            "command-line".to_string()
        } else {
            String::new()
        };
        Self {
            actor,
            action,
            subject,
            detail,
        }
    }

    /// Adds a bare flag (such as `passwords-on`) to the detail.
    pub fn with_flag(mut self, flag: &str) -> Self {
        debug_assert!(
            DETAIL_FLAGS.contains(&flag),
            "add {flag} to DETAIL_FLAGS, with a message audit-detail-{flag}"
        );
        if !self.detail.is_empty() {
            self.detail.push(' ');
        }
        self.detail.push_str(flag);
        self
    }

    /// Adds `key=value` to the detail.
    pub fn with(mut self, key: &str, value: impl std::fmt::Display) -> Self {
        debug_assert!(
            DETAIL_KEYS.contains(&key),
            "add {key} to DETAIL_KEYS, with a message audit-detail-{key}"
        );
        if !self.detail.is_empty() {
            self.detail.push(' ');
        }
        self.detail.push_str(&format!("{key}={value}"));
        self
    }
}

/// An event as stored, with the names of the people it names while they are still stored.
#[derive(Debug, Clone)]
pub struct AuditEventRecord {
    pub id: i64,
    pub at: i64,
    /// `person`, `system` or `command-line`.
    pub actor_kind: String,
    pub actor: Option<(PersonId, String)>,
    pub action: Option<AuditAction>,
    pub action_code: String,
    pub subject: Option<(PersonId, String)>,
    /// The event was about a person who has since been erased.
    pub subject_erased: bool,
    pub detail: String,
}

/// Which events a list shows.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Events this person did, or that were about them.
    pub person: Option<PersonId>,
    /// Matches the name or employee number of the actor or the subject, ignoring case.
    pub query: Option<String>,
    pub action: Option<AuditAction>,
    pub offset: i64,
    pub limit: i64,
}

const EVENT_COLUMNS: &str = "e.id, e.at, e.actor_kind, e.actor_id, e.action, e.subject_id, \
     e.detail, \
     ap.given_name || ' ' || ap.family_name AS actor_name, \
     sp.given_name || ' ' || sp.family_name AS subject_name";

fn event_from(row: &AnyRow) -> Result<AuditEventRecord> {
    let code: String = row.try_get("action")?;
    let action = AuditAction::parse(&code);
    let actor = match row.try_get::<Option<i64>, _>("actor_id")? {
        Some(id) => Some((PersonId(id), row.try_get("actor_name")?)),
        None => None,
    };
    let subject = match row.try_get::<Option<i64>, _>("subject_id")? {
        Some(id) => Some((PersonId(id), row.try_get("subject_name")?)),
        None => None,
    };
    Ok(AuditEventRecord {
        id: row.try_get("id")?,
        at: row.try_get("at")?,
        actor_kind: row.try_get("actor_kind")?,
        actor,
        action,
        action_code: code,
        subject_erased: subject.is_none() && action.is_some_and(AuditAction::has_subject),
        subject,
        detail: row.try_get("detail")?,
    })
}

impl Store {
    /// Records an event now.
    pub async fn record_event(&self, org: OrganisationId, event: &NewAuditEvent) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        insert_event(&mut conn, org, event).await
    }

    /// A page of events, newest first, and how many match in all.
    pub async fn audit_events(
        &self,
        org: OrganisationId,
        filter: &AuditFilter,
    ) -> Result<(Vec<AuditEventRecord>, i64)> {
        // As with people, each optional condition switches itself off on a NULL argument.
        let condition = "FROM audit_events e \
             LEFT JOIN people ap ON ap.id = e.actor_id \
             LEFT JOIN people sp ON sp.id = e.subject_id \
             WHERE e.organisation_id = $1 \
               AND ($2 IS NULL OR e.actor_id = $2 OR e.subject_id = $2) \
               AND ($3 IS NULL OR LOWER(ap.given_name || ' ' || ap.family_name) LIKE $3 \
                    OR LOWER(ap.employee_number) LIKE $3 \
                    OR LOWER(sp.given_name || ' ' || sp.family_name) LIKE $3 \
                    OR LOWER(sp.employee_number) LIKE $3) \
               AND ($4 IS NULL OR e.action = $4)";
        let pattern = filter
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(|q| format!("%{}%", q.to_lowercase().replace(['%', '_'], "")));
        let bind = |q: String| {
            sqlx::query(AssertSqlSafe(q))
                .bind(org.0)
                .bind(filter.person.map(|p| p.0))
                .bind(pattern.clone())
                .bind(filter.action.map(AuditAction::as_str))
        };
        let total: i64 = bind(format!("SELECT COUNT(*) AS n {condition}"))
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?;
        let rows = bind(format!(
            "SELECT {EVENT_COLUMNS} {condition} ORDER BY e.at DESC, e.id DESC LIMIT $5 OFFSET $6"
        ))
        .bind(filter.limit)
        .bind(filter.offset)
        .fetch_all(&self.pool)
        .await?;
        let events = rows.iter().map(event_from).collect::<Result<_>>()?;
        Ok((events, total))
    }
}

pub(crate) async fn insert_event(
    conn: &mut sqlx::AnyConnection,
    org: OrganisationId,
    event: &NewAuditEvent,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO audit_events (organisation_id, at, actor_kind, actor_id, action, subject_id, \
            detail) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(org.0)
    .bind(crate::now())
    .bind(event.actor.kind())
    .bind(event.actor.id())
    .bind(event.action.as_str())
    .bind(event.subject.map(|p| p.0))
    .bind(&event.detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
