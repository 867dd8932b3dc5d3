//! The Statement of Data 2.4, as typed values. They are built only by [`crate::validate`] (or
//! the few constructors below), so every one holds what the specification allows.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::error::Invalid;
use crate::syntax::{Duration, Iri, LanguageTag, Timestamp};

/// A Statement (Data 2.4) that passed validation, with its JSON as it will be stored:
/// the JSON received, with UUIDs in lowercase and each `contextActivities` value an array
/// (Data 2.4.6.2.s4.b3). Nothing else is changed: the LRS MUST NOT return a different
/// serialisation of other properties (Data 2.2.s2.b5).
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub(crate) json: Value,
    pub(crate) id: Option<Uuid>,
    pub(crate) body: SubStatement,
    pub(crate) stored: Option<Timestamp>,
    pub(crate) authority: Option<Actor>,
    pub(crate) version: Option<String>,
}

/// A SubStatement (Data 2.4.4.3): a statement inside another, without `id`, `stored`,
/// `authority` or `version` (2.4.4.3.s8.b3) and never holding a SubStatement itself
/// (2.4.4.3.s8.b4). A [`Statement`] keeps the same parts in one of these, since a SubStatement
/// MUST be validated as a Statement (2.4.4.3.s8.b2).
#[derive(Debug, Clone, PartialEq)]
pub struct SubStatement {
    /// Whom the statement is about (Data 2.4.2).
    pub actor: Actor,
    /// What the actor did (Data 2.4.3).
    pub verb: Verb,
    /// What it was done to (Data 2.4.4).
    pub object: StatementObject,
    /// The measured outcome (Data 2.4.5).
    pub result: Option<Outcome>,
    /// The context (Data 2.4.6).
    pub context: Option<Context>,
    /// When the experience happened (Data 2.4.7).
    pub timestamp: Option<Timestamp>,
    /// The attachments' headers (Data 2.4.11), in order.
    pub attachments: Vec<Attachment>,
}

impl Statement {
    /// The JSON to store (see the type's documentation).
    pub fn json(&self) -> &Value {
        &self.json
    }

    /// The statement's `id`, if it came with one (Data 2.4.1).
    pub fn id(&self) -> Option<Uuid> {
        self.id
    }

    /// The actor (Data 2.4.2).
    pub fn actor(&self) -> &Actor {
        &self.body.actor
    }

    /// The verb (Data 2.4.3).
    pub fn verb(&self) -> &Verb {
        &self.body.verb
    }

    /// The object (Data 2.4.4).
    pub fn object(&self) -> &StatementObject {
        &self.body.object
    }

    /// The result (Data 2.4.5).
    pub fn result(&self) -> Option<&Outcome> {
        self.body.result.as_ref()
    }

    /// The context (Data 2.4.6).
    pub fn context(&self) -> Option<&Context> {
        self.body.context.as_ref()
    }

    /// The timestamp sent, if any (Data 2.4.7).
    pub fn timestamp(&self) -> Option<&Timestamp> {
        self.body.timestamp.as_ref()
    }

    /// The `stored` sent, if any; the LRS overwrites it (Data 2.4.8.s3.b2).
    pub fn stored(&self) -> Option<&Timestamp> {
        self.stored.as_ref()
    }

    /// The authority sent, if any; the LRS overwrites it (Data 2.4.9.s3.b4).
    pub fn authority(&self) -> Option<&Actor> {
        self.authority.as_ref()
    }

    /// The version sent, if any; it starts with `1.0.` (Data 2.4.10.s3.b2).
    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    /// The attachments' headers (Data 2.4.11).
    pub fn attachments(&self) -> &[Attachment] {
        &self.body.attachments
    }
}

/// An Agent or a Group (Data 2.4.2), wherever one may stand: actor, object, instructor,
/// team, authority, or the `agent` query parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum Actor {
    /// An individual (Data 2.4.2.1).
    Agent(Agent),
    /// A group (Data 2.4.2.2).
    Group(Group),
}

impl Actor {
    /// The Agent or Group in `json`, checked as an actor is (Data 2.4.2).
    pub fn from_json(json: &Value) -> Result<Actor, Invalid> {
        crate::parse::actor(json, "", crate::parse::Role::Actor)
    }

    /// The Inverse Functional Identifier, if there is one (an Anonymous Group has none).
    pub fn ifi(&self) -> Option<&Ifi> {
        match self {
            Actor::Agent(agent) => Some(&agent.ifi),
            Actor::Group(group) => group.ifi.as_ref(),
        }
    }

    /// The canonical key of the IFI (see [`Ifi::key`]), for indexing; `None` for an Anonymous
    /// Group, which has no identity of its own (Data 2.4.2.2.s3.b1).
    pub fn ifi_key(&self) -> Option<String> {
        self.ifi().map(Ifi::key)
    }

    /// The JSON of this Agent or Group, with its `objectType`.
    pub fn to_json(&self) -> Value {
        match self {
            Actor::Agent(agent) => agent.to_json(),
            Actor::Group(group) => {
                let mut map = Map::new();
                map.insert("objectType".into(), json!("Group"));
                if let Some(name) = &group.name {
                    map.insert("name".into(), json!(name));
                }
                if let Some(ifi) = &group.ifi {
                    ifi.write(&mut map);
                }
                if !group.members.is_empty() {
                    let members = group.members.iter().map(Agent::to_json).collect();
                    map.insert("member".into(), Value::Array(members));
                }
                Value::Object(map)
            }
        }
    }
}

/// An Agent: a person or system, identified by exactly one IFI (Data 2.4.2.1.s2.b1/b2).
#[derive(Debug, Clone, PartialEq)]
pub struct Agent {
    /// Full name.
    pub name: Option<String>,
    /// The identifier.
    pub ifi: Ifi,
}

impl Agent {
    /// An Agent identified by an account (Data 2.4.2.4), as an LRS's own authority for a
    /// client is: `home_page` MUST be an IRL.
    pub fn with_account(
        name: Option<&str>,
        home_page: &str,
        account_name: &str,
    ) -> Result<Agent, Invalid> {
        let home_page = Iri::parse_irl(home_page)
            .ok_or_else(|| Invalid::new("account.homePage", "must be an IRL"))?;
        Ok(Agent {
            name: name.map(str::to_owned),
            ifi: Ifi::Account {
                home_page,
                name: account_name.to_owned(),
            },
        })
    }

    /// The JSON of this Agent, with `"objectType": "Agent"`.
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("objectType".into(), json!("Agent"));
        if let Some(name) = &self.name {
            map.insert("name".into(), json!(name));
        }
        self.ifi.write(&mut map);
        Value::Object(map)
    }
}

/// A Group (Data 2.4.2.2): Identified when it has an IFI, Anonymous when not. An Anonymous
/// Group always has members (Data 2.4.2.2.s4.b1); members are Agents, never Groups.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Name of the group.
    pub name: Option<String>,
    /// The identifier of an Identified Group.
    pub ifi: Option<Ifi>,
    /// The members listed (an unordered list, Data 2.4.2.2.s3.b4).
    pub members: Vec<Agent>,
}

/// An Inverse Functional Identifier (Data 2.4.2.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ifi {
    /// `mbox`: a `mailto:` IRI.
    Mbox(String),
    /// `mbox_sha1sum`: the hex SHA-1 of a mailto IRI.
    MboxSha1Sum(String),
    /// `openid`: a URI.
    OpenId(Iri),
    /// `account` (Data 2.4.2.4).
    Account {
        /// The home page of the system the account is on (an IRL).
        home_page: Iri,
        /// The account's unique name on that system.
        name: String,
    },
}

impl Ifi {
    /// A key that is equal for two IFIs exactly when they identify the same Agent or Group,
    /// for indexing actors: `mbox:mailto:local@domain` (domain in lowercase, being case
    /// insensitive, Data 2.4.2.3.s4.b1 and 2.3.1.b7), `mbox_sha1sum:<hex in lowercase>`,
    /// `openid:<uri>`, `account:<homePage>|<name>` (an IRI cannot contain `|`).
    pub fn key(&self) -> String {
        match self {
            Ifi::Mbox(mbox) => format!("mbox:{}", normalise_mbox(mbox)),
            Ifi::MboxSha1Sum(sum) => format!("mbox_sha1sum:{}", sum.to_ascii_lowercase()),
            Ifi::OpenId(uri) => format!("openid:{uri}"),
            Ifi::Account { home_page, name } => format!("account:{home_page}|{name}"),
        }
    }

    fn write(&self, map: &mut Map<String, Value>) {
        let (key, value) = match self {
            Ifi::Mbox(mbox) => ("mbox", json!(mbox)),
            Ifi::MboxSha1Sum(sum) => ("mbox_sha1sum", json!(sum)),
            Ifi::OpenId(uri) => ("openid", json!(uri.as_str())),
            Ifi::Account { home_page, name } => (
                "account",
                json!({ "homePage": home_page.as_str(), "name": name }),
            ),
        };
        map.insert(key.into(), value);
    }
}

/// `mailto:local@domain` with the domain in lowercase.
pub(crate) fn normalise_mbox(mbox: &str) -> String {
    match mbox.rsplit_once('@') {
        Some((local, domain)) => format!("{local}@{}", domain.to_lowercase()),
        None => mbox.to_owned(),
    }
}

/// The e-mail address of an Agent identified by `mbox` (or of an Identified Group so
/// identified): lowercased, without `mailto:`.
pub fn mbox_of(actor: &Actor) -> Option<String> {
    match actor.ifi()? {
        Ifi::Mbox(mbox) => mbox.strip_prefix("mailto:").map(str::to_lowercase),
        _ => None,
    }
}

/// A language map (Data 4.2): RFC 5646 tags to strings.
pub type LanguageMap = BTreeMap<LanguageTag, String>;

/// An extensions map (Data 4.1): IRIs to any JSON value.
pub type Extensions = BTreeMap<Iri, Value>;

/// A Verb (Data 2.4.3).
#[derive(Debug, Clone, PartialEq)]
pub struct Verb {
    /// The IRI that gives the verb its meaning.
    pub id: Iri,
    /// Display names, for people only (Data 2.4.3.s7).
    pub display: Option<LanguageMap>,
}

/// The object of a Statement (Data 2.4.4).
#[derive(Debug, Clone, PartialEq)]
pub enum StatementObject {
    /// An Activity (Data 2.4.4.1), the default `objectType`.
    Activity(Activity),
    /// An Agent (Data 2.4.4.2).
    Agent(Agent),
    /// A Group (Data 2.4.4.2).
    Group(Group),
    /// A Statement Reference: the id of another statement (Data 2.4.4.3).
    StatementRef(Uuid),
    /// A SubStatement (Data 2.4.4.3); never inside another SubStatement.
    SubStatement(Box<SubStatement>),
}

/// An Activity (Data 2.4.4.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// The Activity's IRI.
    pub id: Iri,
    /// Its definition, as this statement gives it.
    pub definition: Option<ActivityDefinition>,
}

/// An Activity Definition (Data 2.4.4.1 "Activity Definition" and "Interaction Activities").
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityDefinition {
    /// Human readable name.
    pub name: Option<LanguageMap>,
    /// Description.
    pub description: Option<LanguageMap>,
    /// `type`: the IRI of the kind of Activity.
    pub kind: Option<Iri>,
    /// `moreInfo`: an IRL for people.
    pub more_info: Option<Iri>,
    /// The interaction properties, when this is an Interaction Activity.
    pub interaction: Option<Interaction>,
    /// Extensions (Data 4.1).
    pub extensions: Option<Extensions>,
}

/// The interaction properties of an Activity Definition (Data 2.4.4.1.s8).
#[derive(Debug, Clone, PartialEq)]
pub struct Interaction {
    /// `interactionType`.
    pub kind: InteractionType,
    /// `correctResponsesPattern`: response patterns, any of which is correct.
    pub correct_responses_pattern: Option<Vec<String>>,
    /// The interaction component lists present (only those the type supports,
    /// Data 2.4.4.1.s15 table 2).
    pub components: BTreeMap<ComponentList, Vec<InteractionComponent>>,
}

/// `interactionType` (Data 2.4.4.1.s8, exact case per Data 2.2.s4.b1.b6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InteractionType {
    /// `true-false`
    TrueFalse,
    /// `choice`
    Choice,
    /// `fill-in`
    FillIn,
    /// `long-fill-in`
    LongFillIn,
    /// `matching`
    Matching,
    /// `performance`
    Performance,
    /// `sequencing`
    Sequencing,
    /// `likert`
    Likert,
    /// `numeric`
    Numeric,
    /// `other`
    Other,
}

impl InteractionType {
    pub(crate) const ALL: [(&'static str, InteractionType); 10] = [
        ("true-false", InteractionType::TrueFalse),
        ("choice", InteractionType::Choice),
        ("fill-in", InteractionType::FillIn),
        ("long-fill-in", InteractionType::LongFillIn),
        ("matching", InteractionType::Matching),
        ("performance", InteractionType::Performance),
        ("sequencing", InteractionType::Sequencing),
        ("likert", InteractionType::Likert),
        ("numeric", InteractionType::Numeric),
        ("other", InteractionType::Other),
    ];

    /// The component lists this type supports (Data 2.4.4.1.s15 table 2).
    pub fn component_lists(self) -> &'static [ComponentList] {
        match self {
            InteractionType::Choice | InteractionType::Sequencing => &[ComponentList::Choices],
            InteractionType::Likert => &[ComponentList::Scale],
            InteractionType::Matching => &[ComponentList::Source, ComponentList::Target],
            InteractionType::Performance => &[ComponentList::Steps],
            _ => &[],
        }
    }
}

/// An interaction component list's property name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ComponentList {
    /// `choices`
    Choices,
    /// `scale`
    Scale,
    /// `source`
    Source,
    /// `target`
    Target,
    /// `steps`
    Steps,
}

impl ComponentList {
    pub(crate) const ALL: [(&'static str, ComponentList); 5] = [
        ("choices", ComponentList::Choices),
        ("scale", ComponentList::Scale),
        ("source", ComponentList::Source),
        ("target", ComponentList::Target),
        ("steps", ComponentList::Steps),
    ];
}

/// An interaction component (Data 2.4.4.1.s15).
#[derive(Debug, Clone, PartialEq)]
pub struct InteractionComponent {
    /// Distinct within its list (Data 2.4.4.1.s16.b1).
    pub id: String,
    /// Description, e.g. the text of a choice.
    pub description: Option<LanguageMap>,
}

/// The Result object (Data 2.4.5); named so as not to shadow Rust's `Result`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The score (Data 2.4.5.1).
    pub score: Option<Score>,
    /// Whether the attempt was successful.
    pub success: Option<bool>,
    /// Whether the Activity was completed.
    pub completion: Option<bool>,
    /// The response.
    pub response: Option<String>,
    /// How long it took.
    pub duration: Option<Duration>,
    /// Extensions (Data 4.1).
    pub extensions: Option<Extensions>,
}

/// A Score (Data 2.4.5.1): `scaled` within -1..=1, `min` < `max`, `raw` within them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// Scaled score, -1 to 1 inclusive.
    pub scaled: Option<f64>,
    /// Raw score.
    pub raw: Option<f64>,
    /// Lowest possible score.
    pub min: Option<f64>,
    /// Highest possible score.
    pub max: Option<f64>,
}

/// The Context object (Data 2.4.6).
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    /// The registration (attempt, session…) the statement belongs to.
    pub registration: Option<Uuid>,
    /// The instructor, an Agent or a Group.
    pub instructor: Option<Actor>,
    /// The team, always a Group.
    pub team: Option<Group>,
    /// Related Activities (Data 2.4.6.2), each kind as a list.
    pub context_activities: ContextActivities,
    /// Revision of the Activity (only when the object is an Activity).
    pub revision: Option<String>,
    /// Platform (only when the object is an Activity).
    pub platform: Option<String>,
    /// Language the experience happened in.
    pub language: Option<LanguageTag>,
    /// Another statement giving context (a Statement Reference).
    pub statement: Option<Uuid>,
    /// Extensions (Data 4.1).
    pub extensions: Option<Extensions>,
}

/// `contextActivities` (Data 2.4.6.2), every value as a list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContextActivities {
    /// Activities directly above the object.
    pub parent: Vec<Activity>,
    /// Activities indirectly above the object.
    pub grouping: Vec<Activity>,
    /// Tags, e.g. the profile followed.
    pub category: Vec<Activity>,
    /// Anything else.
    pub other: Vec<Activity>,
}

impl ContextActivities {
    /// All four lists, in the order parent, grouping, category, other.
    pub fn all(&self) -> impl Iterator<Item = &Activity> {
        self.parent
            .iter()
            .chain(&self.grouping)
            .chain(&self.category)
            .chain(&self.other)
    }
}

/// An Attachment's header (Data 2.4.11).
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// What the attachment is used for.
    pub usage_type: Iri,
    /// Title.
    pub display: LanguageMap,
    /// Description.
    pub description: Option<LanguageMap>,
    /// Internet Media Type.
    pub content_type: String,
    /// Length in octets.
    pub length: u64,
    /// SHA-2 of the data, in hex.
    pub sha2: String,
    /// Where the data can be fetched.
    pub file_url: Option<Iri>,
}
