//! Identifiers of stored things. Distinct types so a team's id is never passed as a person's.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }
    )*};
}

id_type!(
    /// An organisation: a library service or council.
    OrganisationId,
    /// A site: a branch, community or mobile library, or offices.
    SiteId,
    /// A team.
    TeamId,
    /// A person: employee or volunteer.
    PersonId,
    /// A person's account, through which they sign in.
    AccountId,
    /// A skills framework.
    FrameworkId,
    /// A competence within a framework.
    CompetenceId,
    /// An audit campaign.
    CampaignId,
    /// A campaign's profile question.
    QuestionId,
    /// A campaign's knowledge-round question.
    QuizItemId,
    /// One person's (or one imported respondent's) answers to a campaign.
    ResponseId,
    /// A staff file kept between its upload and its check page being answered.
    StaffUploadId,
    /// A survey export kept between its upload and its columns being mapped.
    SurveyUploadId,
    /// A network of organisations that audit together (a national body and its members).
    NetworkId,
    /// An activity in an organisation's learning catalogue.
    ActivityId,
    /// A scheduled session of a catalogue activity.
    SessionId,
    /// An online public service in the assisted-digital services catalogue.
    ServiceId,
    /// A piece of kit at a site (see `kit`).
    KitId,
    /// One person's feedback on one activity (see `evaluation`).
    EvaluationId,
    /// A person's learning plan.
    PlanId,
    /// A club's weekly assignment.
    AssignmentId,
    /// A module of the training matrix that a service requires.
    RequirementId,
    /// A question someone asked the digital team (see `weekly_question`).
    WeeklyQuestionId,
    /// Someone's request to a digital champion for help.
    HelpRequestId,
    /// Help a digital champion logged.
    HelpGivenId,
    /// A volunteer paired with a digital buddy.
    PairingId,
    /// A horizon-scanning clipping: a link with a note and tags (see `horizon`).
    ClippingId,
    /// A comment on a clipping or a champions' board post (see `comments`).
    CommentId,
    /// A lead's published write-up of a period's horizon scanning.
    WriteUpId,
    /// A tip on the champions' board (see `board`).
    BoardPostId,
);
