//! skillgym's domain: the organisation, its people and their roles, and the rules that hold for
//! them whatever stores or shows them. Nothing here knows about HTTP or SQL.

pub mod accounts;
pub mod analysis;
pub mod audit;
pub mod board;
pub mod champions;
pub mod comments;
pub mod csv_file;
pub mod demo;
pub mod evaluation;
pub mod horizon;
pub mod icalendar;
pub mod ids;
pub mod kit;
pub mod learning;
pub mod leavers;
pub mod network;
pub mod organisation;
pub mod people;
pub mod plans;
pub mod retention;
pub mod services;
pub mod single_sign_on;
pub mod staff_file;
pub mod text;
pub mod training;
pub mod uk_time;
pub mod weekly_question;

pub use accounts::{Role, Roles};
pub use csv_file::FileLanguage;
pub use ids::{
    AccountId, ActivityId, AssignmentId, BoardPostId, CampaignId, ClippingId, CommentId,
    CompetenceId, EvaluationId, FrameworkId, HelpGivenId, HelpRequestId, KitId, NetworkId,
    OrganisationId, PairingId, PersonId, PlanId, QuestionId, QuizItemId, RequirementId, ResponseId,
    ServiceId, SessionId, SiteId, StaffUploadId, SurveyUploadId, TeamId, WeeklyQuestionId,
    WriteUpId,
};
pub use organisation::{Location, OrganisationSlug, SiteCode, SiteKind, SiteName, TeamName};
pub use people::{
    ContractedHours, Email, EmployeeNumber, Employment, JobFamily, JobRole, PersonName,
    ServiceLength, WorkingHours,
};
pub use retention::RetentionPeriod;

/// A value that failed to parse, named by the Fluent message id that explains it to a person.
///
/// The id doubles as a stable error code: the web and the command line look it up in their
/// message files, so the domain never holds text a person reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub &'static str);
