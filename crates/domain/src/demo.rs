//! The demo organisation: Afon Valley Libraries / Llyfrgelloedd Cwm Afon, a fictional bilingual
//! Welsh county library service (every place and person invented), generated from a seed so that
//! the same options always give the same organisation.
//!
//! At its default size it is a service a librarian recognises: a central library, headquarters,
//! branches, community libraries run mainly by volunteers and a mobile library, with part-time
//! frontline staff as the norm. Larger sizes keep the same shape and exist to test speed.

use crate::accounts::{Role, Roles};
use crate::organisation::{Location, SiteCode, SiteKind, SiteName, TeamName};
use crate::people::{
    ContractedHours, Email, EmployeeNumber, Employment, JobFamily, JobRole, PersonName,
};
use crate::staff_file::StaffRecord;
use std::collections::{HashMap, HashSet};

/// The password of every demo account; the demo is for trying skillgym out, never for real use.
pub const DEMO_PASSWORD: &str = "skillgym-demo";

/// The smallest organisation generated: below this there are not enough people to lead the
/// sites and teams every demo has.
pub const MIN_PEOPLE: usize = 50;

/// From this many people the demo's audits use the national edition of the framework and
/// campaign (60 competences, 20 knowledge-round questions) rather than the default (36, 12).
pub const NATIONAL_PEOPLE: usize = 10_000;

/// The share of people, in percent, who answer a demo audit below national scale: a realistic
/// campaign, where some never reply.
pub const DEFAULT_RESPONSE_RATE: u8 = 72;

/// How big a demo organisation to generate, and from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    /// How many people (employees and volunteers); at least [`MIN_PEOPLE`] are generated.
    pub people: usize,
    /// The same seed and size always give the same organisation.
    pub seed: u64,
    /// The percentage of people who answer each demo audit; by default
    /// [`DEFAULT_RESPONSE_RATE`], or everyone at national scale.
    pub response_rate: Option<u8>,
}

impl Default for DemoOptions {
    fn default() -> Self {
        Self {
            people: 230,
            seed: 2026,
            response_rate: None,
        }
    }
}

/// A site of the demo organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoSite {
    pub code: SiteCode,
    pub name: SiteName,
    pub kind: SiteKind,
    pub location: Location,
}

/// A team of the demo organisation; its manager is one of the staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoTeam {
    pub name: TeamName,
    pub manager: EmployeeNumber,
}

/// A ready-made sign-in for trying the demo as one kind of user, with [`DEMO_PASSWORD`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub employee_number: EmployeeNumber,
    pub email: Email,
    pub roles: Roles,
    /// Fluent id naming the sign-in on the demo page, such as "demo-account-admin".
    pub label: &'static str,
}

/// A whole demo organisation, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoOrganisation {
    pub name: String,
    /// The organisation's name in Welsh.
    pub name_cy: String,
    /// The language it works in first: `en` or `cy`.
    pub main_language: &'static str,
    /// Whether it comes with audits of its own (last year's and this year's, answered); a
    /// member of a benchmark network has only the network's.
    pub audits: bool,
    pub sites: Vec<DemoSite>,
    pub teams: Vec<DemoTeam>,
    /// Everyone, as a staff file would describe them; every record passes the staff file checks.
    pub staff: Vec<StaffRecord>,
    pub accounts: Vec<DemoAccount>,
    /// Whether its audits use the national edition ([`crate::audit::Framework::national`]):
    /// from [`NATIONAL_PEOPLE`] people, or when asked for.
    pub national: bool,
    /// The percentage of people who answer each audit. At national scale everyone does, so
    /// that 50,000 people give the 3 million ratings and 1 million quiz answers the
    /// analysis is measured against.
    pub response_rate: u8,
}

impl DemoOrganisation {
    /// The same organisation under another name, its people's emails at `domain` instead of
    /// `afon.example` (an email address belongs to one account in a skillgym).
    pub fn renamed(mut self, name: &str, name_cy: &str, domain: &str) -> Self {
        let moved = |email: &Email| {
            let (local, _) = email.as_str().split_once('@').expect("an email has an @");
            Email::parse(&format!("{local}@{domain}")).expect("a valid email")
        };
        for record in &mut self.staff {
            record.email = record.email.as_ref().map(moved);
        }
        for account in &mut self.accounts {
            account.email = moved(&account.email);
        }
        self.name = name.to_string();
        self.name_cy = name_cy.to_string();
        self
    }
}

/// The network the demo makes with `skillgym demo --network`: the body that runs it, and its
/// members.
#[derive(Debug, Clone)]
pub struct DemoNetwork {
    pub name: &'static str,
    pub name_cy: &'static str,
    /// The sign-in of the network's coordinator, in the organisation that runs it.
    pub coordinator: Email,
    pub members: Vec<DemoOrganisation>,
    /// How far each member's people's skills are moved for the network campaign's answers, in
    /// members' order: so that the members differ.
    pub shifts: Vec<f64>,
    /// Whether the network's campaign is the national edition (60 competences).
    pub national: bool,
}

/// A network of many members of one size, for benchmarks: `demo --network --members N`.
#[derive(Debug, Clone, Copy)]
pub struct NetworkShape {
    pub members: usize,
    /// People in each member.
    pub people: usize,
    pub national: bool,
    pub response_rate: Option<u8>,
}

/// "Welsh public libraries": four library services of different sizes, one working in Welsh
/// first, each with the demo's sign-ins at its own domain; or, with a `shape`, that many members
/// of one size with no audits of their own (`member1.example`, …), for benchmarks.
pub fn network(seed: u64, shape: Option<NetworkShape>) -> DemoNetwork {
    let member = |people: usize, offset: u64, response_rate: Option<u8>| {
        generate(&DemoOptions {
            people,
            seed: seed.wrapping_add(offset),
            response_rate,
        })
    };
    let coordinator = Email::parse("coordinator@network.example").expect("a valid email");
    let (name, name_cy) = ("Welsh public libraries", "Llyfrgelloedd cyhoeddus Cymru");
    if let Some(shape) = shape {
        let members: Vec<DemoOrganisation> = (1..=shape.members)
            .map(|n| {
                let mut m = member(shape.people, n as u64, shape.response_rate).renamed(
                    &format!("Library service {n}"),
                    &format!("Gwasanaeth llyfrgell {n}"),
                    &format!("member{n}.example"),
                );
                m.audits = false;
                m
            })
            .collect();
        return DemoNetwork {
            name,
            name_cy,
            coordinator,
            shifts: (0..members.len())
                .map(|i| (i % 7) as f64 * 0.1 - 0.3)
                .collect(),
            members,
            national: shape.national,
        };
    }
    let mut mon =
        member(120, 1, None).renamed("Anglesey Libraries", "Llyfrgelloedd Môn", "mon.example");
    mon.main_language = "cy";
    DemoNetwork {
        name,
        name_cy,
        coordinator,
        members: vec![
            member(230, 0, None),
            mon,
            member(80, 2, None).renamed(
                "Bro Library Service",
                "Gwasanaeth Llyfrgell Bro",
                "bro.example",
            ),
            member(400, 3, None).renamed(
                "Valleys Libraries",
                "Llyfrgelloedd y Cymoedd",
                "cymoedd.example",
            ),
        ],
        shifts: vec![0.0, 0.35, -0.4, 0.15],
        national: false,
    }
}

/// SplitMix64: tiny, fast, and the same on every platform, which is all a demo needs.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// A number in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// Picks by weight from `(value, weight)` pairs.
    pub(crate) fn weighted<T: Copy>(&mut self, items: &[(T, usize)]) -> T {
        let total: usize = items.iter().map(|(_, w)| w).sum();
        let mut at = self.below(total);
        for &(item, weight) in items {
            if at < weight {
                return item;
            }
            at -= weight;
        }
        items[items.len() - 1].0
    }
}

struct BaseSite {
    code: &'static str,
    name: &'static str,
    kind: SiteKind,
    postcode: &'static str,
    latitude: f64,
    longitude: f64,
}

const fn site(
    code: &'static str,
    name: &'static str,
    kind: SiteKind,
    postcode: &'static str,
    latitude: f64,
    longitude: f64,
) -> BaseSite {
    BaseSite {
        code,
        name,
        kind,
        postcode,
        latitude,
        longitude,
    }
}

/// The sites every demo has. The central library comes first: it gets the biggest team.
const BASE_SITES: [BaseSite; 12] = [
    site(
        "CEN",
        "Central Library",
        SiteKind::Branch,
        "SA31 1AF",
        51.858,
        -4.305,
    ),
    site(
        "HQ",
        "Library Headquarters",
        SiteKind::Headquarters,
        "SA31 3EQ",
        51.862,
        -4.318,
    ),
    site(
        "LLA",
        "Llanafon Library",
        SiteKind::Branch,
        "SA18 2DP",
        51.794,
        -3.990,
    ),
    site(
        "PON",
        "Pontafon Library",
        SiteKind::Branch,
        "SA11 4HT",
        51.672,
        -3.780,
    ),
    site(
        "CWM",
        "Cwmderwen Library",
        SiteKind::Branch,
        "CF44 6RJ",
        51.712,
        -3.446,
    ),
    site(
        "BRY",
        "Brynhelyg Library",
        SiteKind::Branch,
        "SA14 8BN",
        51.735,
        -4.092,
    ),
    site(
        "ABW",
        "Aberwennol Library",
        SiteKind::Branch,
        "SA33 4LU",
        51.777,
        -4.462,
    ),
    site(
        "GLY",
        "Glynderwen Library",
        SiteKind::Branch,
        "LD3 7XE",
        51.947,
        -3.391,
    ),
    site(
        "CEF",
        "Cefn Afon Library",
        SiteKind::Branch,
        "SA19 6SG",
        51.883,
        -3.992,
    ),
    site(
        "PEN",
        "Pentre Isaf Community Library",
        SiteKind::Community,
        "SA20 0PW",
        51.994,
        -3.797,
    ),
    site(
        "NAN",
        "Nant-y-Coed Community Library",
        SiteKind::Community,
        "LD5 4RB",
        52.061,
        -3.634,
    ),
    site(
        "MOB",
        "Mobile Library",
        SiteKind::Mobile,
        "SA31 3EQ",
        51.862,
        -4.318,
    ),
];
const CENTRAL: usize = 0;
const HQ: usize = 1;
const MOBILE: usize = 11;

#[rustfmt::skip]
const PLACE_STARTS: &[&str] = &[
    "Aber", "Llan", "Pont", "Cwm", "Bryn", "Glyn", "Pen", "Tre", "Maes", "Nant", "Rhyd", "Cefn",
    "Coed", "Ystrad", "Blaen", "Caer",
];
#[rustfmt::skip]
const PLACE_ENDS: &[&str] = &[
    "gwyn", "ddu", "mawr", "fach", "celyn", "onnen", "ffrwd", "garth", "eithin", "rhedyn", "llwyn",
    "berw", "teg", "hir",
];
const PLACE_QUARTERS: &[&str] = &["", " Uchaf", " Isaf", " Newydd"];
#[rustfmt::skip]
const OUTWARD_CODES: &[&str] = &[
    "SA4", "SA10", "SA14", "SA15", "SA17", "SA18", "SA19", "SA20", "SA31", "SA32", "SA33", "SA38",
    "SA39", "SA40", "SA44", "SA48", "CF31", "CF32", "CF34", "CF44", "CF47", "CF48", "LD1", "LD2",
    "LD3", "LD4", "LD5",
];
/// Royal Mail never uses C, I, K, M, O or V in the inward code's letters.
const INWARD_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";

#[rustfmt::skip]
const GIVEN_NAMES: &[&str] = &[
    "Rhiannon", "Gareth", "Siân", "Dylan", "Ceri", "Eleri", "Iwan", "Nia", "Aled", "Ffion",
    "Gwenllian", "Rhys", "Carys", "Owain", "Megan", "Cerys", "Geraint", "Angharad", "Emyr", "Lowri",
    "Huw", "Bethan", "Dafydd", "Mererid", "Tomos", "Heledd", "Gethin", "Elin", "Osian", "Catrin",
    "Llŷr", "Branwen", "Sioned", "Hywel", "Manon", "Gruffydd", "Sarah", "James", "Emma", "David",
    "Rachel", "Mark", "Helen", "Paul", "Claire", "Michael", "Laura", "Andrew", "Joanne",
    "Christopher", "Susan", "Karen", "Amir", "Priya", "Tomasz", "Agnieszka", "Chiara", "Kwame",
    "Aisha", "Mei", "Oluwaseun", "Fatima", "Rajesh", "Yusuf", "Ana", "Zofia",
];
#[rustfmt::skip]
const FAMILY_NAMES: &[&str] = &[
    "Jones", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths",
    "Price", "Williams", "Edwards", "Pritchard", "Rees", "Jenkins", "Powell", "Owen", "Bowen",
    "Parry", "Lloyd", "Vaughan", "Rowlands", "Llywelyn", "Prosser", "Watkins", "Phillips",
    "Harries", "ap Rhys", "Smith", "Taylor", "Brown", "Wilson", "Walker", "Clarke", "Wright",
    "Khan", "Patel", "Nowak", "Kowalski", "Rossi", "Mensah", "Okafor", "Chen", "Begum", "Ahmed",
    "Silva", "O'Connor",
];

/// What a kind of post looks like: the job, and the hours and sites that go with it.
#[derive(Clone, Copy)]
struct Post {
    role: &'static str,
    family: JobFamily,
    hours: Hours,
    sites: Sites,
}

#[derive(Clone, Copy, PartialEq)]
enum Hours {
    /// Part-time is the norm on the library floor.
    Frontline,
    Specialist,
    Manager,
    FullTime,
    /// A few hours a week, given as a volunteer.
    Volunteer,
    Exactly(f64),
}

#[derive(Clone, Copy)]
enum Sites {
    /// The team's own site.
    Home,
    /// The team's site, and sometimes a second branch they cover.
    HomeAndRelief,
    /// One community library.
    Community,
    /// One branch library.
    Branch,
    /// The team's base and two branches they visit.
    Roaming,
}

const fn post(role: &'static str, family: JobFamily, hours: Hours, sites: Sites) -> Post {
    Post {
        role,
        family,
        hours,
        sites,
    }
}

use Hours as H;
use JobFamily as F;
use Sites as S;

const LIBRARY_ASSISTANT: Post = post(
    "Library Assistant",
    F::Frontline,
    H::Frontline,
    S::HomeAndRelief,
);
const SENIOR_ASSISTANT: Post = post(
    "Senior Library Assistant",
    F::Frontline,
    H::Frontline,
    S::HomeAndRelief,
);
/// Senior assistants on the leadership programme: the aspiring leaders.
const ASPIRING_LEADER: Post = post(
    "Senior Library Assistant",
    F::AspiringLeader,
    H::Specialist,
    S::HomeAndRelief,
);
const DIGITAL_INCLUSION_OFFICER: Post = post(
    "Digital Inclusion Officer",
    F::Specialist,
    H::Specialist,
    S::Roaming,
);
const DIGITAL_BUDDY: Post = post("Digital Buddy", F::Frontline, H::Volunteer, S::Branch);

/// A team's members by post, as shares out of 100.
type Template = &'static [(Post, usize)];

const BRANCH_TEAM: Template = &[
    (LIBRARY_ASSISTANT, 46),
    (SENIOR_ASSISTANT, 16),
    (ASPIRING_LEADER, 14),
    (
        post("Library Volunteer", F::Frontline, H::Volunteer, S::Home),
        12,
    ),
    (
        post("Digital Buddy", F::Frontline, H::Volunteer, S::Home),
        8,
    ),
    (
        post("Code Club Volunteer", F::Frontline, H::Volunteer, S::Home),
        4,
    ),
];
const COMMUNITY_TEAM: Template = &[
    (
        post(
            "Community Library Volunteer",
            F::Frontline,
            H::Volunteer,
            S::Home,
        ),
        60,
    ),
    (
        post("Library Assistant", F::Frontline, H::Frontline, S::Home),
        30,
    ),
    (ASPIRING_LEADER, 10),
];

/// The service-wide teams every demo has, after the senior leadership team.
struct ServiceTeam {
    name: &'static str,
    home: usize,
    manager: &'static str,
    /// Which service manager the team's manager reports to.
    service: usize,
    /// How large the team is beside a branch team of weight 1.2.
    weight: f64,
    members: Template,
}

const SERVICE_TEAMS: [ServiceTeam; 7] = [
    ServiceTeam {
        name: "Digital Inclusion team",
        home: HQ,
        manager: "Digital Inclusion Lead",
        service: 2,
        weight: 0.8,
        members: &[
            (DIGITAL_INCLUSION_OFFICER, 40),
            (DIGITAL_BUDDY, 50),
            (
                post(
                    "Senior Library Assistant",
                    F::AspiringLeader,
                    H::Specialist,
                    S::Branch,
                ),
                10,
            ),
        ],
    },
    ServiceTeam {
        name: "Children and Young People's team",
        home: CENTRAL,
        manager: "Children and Young People's Lead",
        service: 1,
        weight: 0.8,
        members: &[
            (
                post(
                    "Children's Librarian",
                    F::Specialist,
                    H::Specialist,
                    S::Roaming,
                ),
                30,
            ),
            (
                post(
                    "Children's Library Assistant",
                    F::Frontline,
                    H::Frontline,
                    S::Branch,
                ),
                40,
            ),
            (
                post("Code Club Volunteer", F::Frontline, H::Volunteer, S::Branch),
                30,
            ),
        ],
    },
    ServiceTeam {
        name: "Reader Development team",
        home: CENTRAL,
        manager: "Reader Development Lead",
        service: 1,
        weight: 0.4,
        members: &[
            (
                post(
                    "Reader Development Librarian",
                    F::Specialist,
                    H::Specialist,
                    S::Roaming,
                ),
                40,
            ),
            (
                post(
                    "Reading Friends Volunteer",
                    F::Frontline,
                    H::Volunteer,
                    S::Branch,
                ),
                60,
            ),
        ],
    },
    ServiceTeam {
        name: "Systems and Digital team",
        home: HQ,
        manager: "Digital Services Lead",
        service: 2,
        weight: 0.3,
        members: &[
            (
                post("Systems Librarian", F::Specialist, H::Specialist, S::Home),
                60,
            ),
            (
                post("Systems Officer", F::Specialist, H::Specialist, S::Home),
                40,
            ),
        ],
    },
    ServiceTeam {
        name: "Volunteers team",
        home: HQ,
        manager: "Volunteer Coordinator",
        service: 1,
        weight: 1.2,
        members: &[
            (
                post(
                    "Community Library Volunteer",
                    F::Frontline,
                    H::Volunteer,
                    S::Community,
                ),
                80,
            ),
            (
                post(
                    "Library Assistant",
                    F::Frontline,
                    H::Frontline,
                    S::Community,
                ),
                20,
            ),
        ],
    },
    ServiceTeam {
        name: "Mobile and Home Library team",
        home: MOBILE,
        manager: "Mobile and Home Library Manager",
        service: 1,
        weight: 0.6,
        members: &[
            (
                post("Mobile Library Driver", F::Specialist, H::FullTime, S::Home),
                35,
            ),
            (
                post(
                    "Home Library Volunteer",
                    F::Frontline,
                    H::Volunteer,
                    S::Home,
                ),
                45,
            ),
            (
                post("Library Assistant", F::Frontline, H::Frontline, S::Home),
                20,
            ),
        ],
    },
    ServiceTeam {
        name: "Local Studies team",
        home: CENTRAL,
        manager: "Local Studies Manager",
        service: 2,
        weight: 0.3,
        members: &[
            (
                post(
                    "Local Studies Librarian",
                    F::Specialist,
                    H::Specialist,
                    S::Home,
                ),
                40,
            ),
            (
                post(
                    "Local Studies Volunteer",
                    F::Frontline,
                    H::Volunteer,
                    S::Home,
                ),
                60,
            ),
        ],
    },
];
const DIGITAL_INCLUSION_TEAM: usize = 0;
const SYSTEMS_TEAM: usize = 3;

/// The service managers every demo has; bigger services add area service managers.
const SERVICE_MANAGERS: [&str; 3] = [
    "Service Manager (Branches)",
    "Service Manager (Community and Learning)",
    "Service Manager (Digital and Resources)",
];

/// What a larger branch's second and later teams look after.
#[rustfmt::skip]
const BRANCH_AREAS: &[&str] = &[
    "Lending", "Information", "Children's", "Digital", "Events", "Evening", "Weekend", "Outreach",
    "Stock", "Study Centre",
];

/// A team while the organisation is built: its people are made after every team is known.
struct TeamPlan {
    name: String,
    home: usize,
    manager_role: String,
    service_manager: usize,
    weight: f64,
    members: Template,
}

/// Builds a demo organisation. Every record passes the staff file checks, line managers form a
/// tree under the head of service, and each team's manager is a manager or senior leader.
pub fn generate(options: &DemoOptions) -> DemoOrganisation {
    let people = options.people.max(MIN_PEOPLE);
    let mut rng = Rng(options.seed);
    let sites = make_sites(people, &mut rng);
    let site_codes: Vec<SiteCode> = sites.iter().map(|s| s.code.clone()).collect();
    let branches: Vec<usize> = kinds(&sites, SiteKind::Branch);
    let communities: Vec<usize> = kinds(&sites, SiteKind::Community);

    let team_count = (people / 25).max(1 + SERVICE_TEAMS.len() + branches.len());
    let service_managers = (team_count / 100).max(SERVICE_MANAGERS.len());
    let plans = plan_teams(
        team_count,
        service_managers,
        &sites,
        &branches,
        &communities,
        &mut rng,
    );

    let mut staff = Staff {
        records: Vec::with_capacity(people),
        emails: HashMap::with_capacity(people),
        rng,
        site_codes,
        branches,
        communities,
    };

    let leadership = TeamName::parse("Senior Leadership Team").expect("a valid team name");
    let head = staff.add(&Person {
        role: "Head of Libraries",
        family: F::SeniorLeader,
        hours: H::FullTime,
        sites: vec![HQ],
        team: &leadership,
        manager: None,
        email: None,
    });
    let service_manager_numbers: Vec<EmployeeNumber> = (0..service_managers)
        .map(|i| {
            let role = SERVICE_MANAGERS.get(i).map_or_else(
                || format!("Area Service Manager {}", i - 1),
                |r| r.to_string(),
            );
            staff.add(&Person {
                role: &role,
                family: F::SeniorLeader,
                hours: H::FullTime,
                sites: vec![HQ],
                team: &leadership,
                manager: Some(&head),
                email: None,
            })
        })
        .collect();

    let team_names: Vec<TeamName> = plans
        .iter()
        .map(|p| TeamName::parse(&p.name).expect("a valid team name"))
        .collect();
    let mut teams = vec![DemoTeam {
        name: leadership.clone(),
        manager: head.clone(),
    }];
    let mut accounts = Vec::with_capacity(5);
    let account = |number: &EmployeeNumber, email: &str, roles: &[Role], label| DemoAccount {
        employee_number: number.clone(),
        email: Email::parse(email).expect("a valid email"),
        roles: Roles::from_iter(roles.iter().copied()),
        label,
    };
    let first_service_team = plans.len() - SERVICE_TEAMS.len();
    let admin_team = first_service_team + SYSTEMS_TEAM;
    let mut managers = Vec::with_capacity(plans.len());
    for (i, plan) in plans.iter().enumerate() {
        let email = match i {
            0 => Some("manager@afon.example"),
            _ if i == admin_team => Some("admin@afon.example"),
            _ => None,
        };
        let number = staff.add(&Person {
            role: &plan.manager_role,
            family: F::Manager,
            hours: H::Manager,
            sites: vec![plan.home],
            team: &team_names[i],
            manager: Some(&service_manager_numbers[plan.service_manager]),
            email,
        });
        match email {
            Some(e) if i == 0 => accounts.push(account(
                &number,
                e,
                &[Role::Manager],
                "demo-account-manager",
            )),
            Some(e) => accounts.push(account(&number, e, &[Role::Admin], "demo-account-admin")),
            None => {}
        }
        teams.push(DemoTeam {
            name: team_names[i].clone(),
            manager: number.clone(),
        });
        managers.push(number);
    }

    // The learner and the champion work at the central library, so that the demo manager sees
    // them; the trainer is one of the digital inclusion officers.
    // A part-time learner, as most are.
    let trainer_team = first_service_team + DIGITAL_INCLUSION_TEAM;
    let demo_members: [(usize, Post, f64, &str, Role, &'static str); 3] = [
        (
            0,
            LIBRARY_ASSISTANT,
            18.5,
            "learner@afon.example",
            Role::Learner,
            "demo-account-learner",
        ),
        (
            0,
            SENIOR_ASSISTANT,
            30.0,
            "champion@afon.example",
            Role::Champion,
            "demo-account-champion",
        ),
        (
            trainer_team,
            DIGITAL_INCLUSION_OFFICER,
            37.0,
            "trainer@afon.example",
            Role::Trainer,
            "demo-account-trainer",
        ),
    ];
    for (team, post, hours, email, role, label) in demo_members {
        let sites = staff.sites_for(post.sites, plans[team].home);
        let number = staff.add(&Person {
            role: post.role,
            family: post.family,
            hours: H::Exactly(hours),
            sites,
            team: &team_names[team],
            manager: Some(&managers[team]),
            email: Some(email),
        });
        accounts.push(account(&number, email, &[role], label));
    }

    let members = people - staff.records.len();
    for (i, size) in team_sizes(&plans, members).into_iter().enumerate() {
        let plan = &plans[i];
        for k in 0..size {
            // Spread the team over its template's posts in proportion, whatever its size.
            let share = (k * 100 + 50) / size;
            let post = plan
                .members
                .iter()
                .scan(0, |upto, &(post, weight)| {
                    *upto += weight;
                    Some((post, *upto))
                })
                .find(|&(_, upto)| share < upto)
                .map_or(plan.members[0].0, |(post, _)| post);
            let sites = staff.sites_for(post.sites, plan.home);
            staff.add(&Person {
                role: post.role,
                family: post.family,
                hours: post.hours,
                sites,
                team: &team_names[i],
                manager: Some(&managers[i]),
                email: None,
            });
        }
    }

    DemoOrganisation {
        name: "Afon Valley Libraries".to_string(),
        name_cy: "Llyfrgelloedd Cwm Afon".to_string(),
        main_language: "en",
        audits: true,
        sites,
        teams,
        staff: staff.records,
        accounts,
        national: people >= NATIONAL_PEOPLE,
        response_rate: options
            .response_rate
            .unwrap_or(if people >= NATIONAL_PEOPLE {
                100
            } else {
                DEFAULT_RESPONSE_RATE
            }),
    }
}

fn kinds(sites: &[DemoSite], kind: SiteKind) -> Vec<usize> {
    (0..sites.len())
        .filter(|&i| sites[i].kind == kind)
        .collect()
}

/// The base sites, then invented branches and community libraries: one site per 250 people.
fn make_sites(people: usize, rng: &mut Rng) -> Vec<DemoSite> {
    let count = (people / 250).max(BASE_SITES.len());
    let mut sites: Vec<DemoSite> = BASE_SITES
        .iter()
        .map(|s| DemoSite {
            code: SiteCode::parse(s.code).expect("a valid site code"),
            name: SiteName::parse(s.name).expect("a valid site name"),
            kind: s.kind,
            location: Location {
                postcode: Some(s.postcode.to_string()),
                latitude: Some(s.latitude),
                longitude: Some(s.longitude),
            },
        })
        .collect();
    let mut places: HashSet<String> = BASE_SITES
        .iter()
        .map(|s| {
            let place = s.name.trim_end_matches(" Library");
            place.trim_end_matches(" Community").to_string()
        })
        .collect();
    let mut next_place = 0usize;
    for i in sites.len()..count {
        let place = loop {
            let n = next_place;
            next_place += 1;
            let start = PLACE_STARTS[n % PLACE_STARTS.len()];
            let end = PLACE_ENDS[(n / PLACE_STARTS.len()) % PLACE_ENDS.len()];
            let round = n / (PLACE_STARTS.len() * PLACE_ENDS.len());
            let place = match PLACE_QUARTERS.get(round) {
                Some(quarter) => format!("{start}{end}{quarter}"),
                None => format!("{start}{end} {}", round - PLACE_QUARTERS.len() + 2),
            };
            if places.insert(place.clone()) {
                break place;
            }
        };
        let (kind, prefix, name) = if i % 5 == 4 {
            (
                SiteKind::Community,
                "CM",
                format!("{place} Community Library"),
            )
        } else {
            (SiteKind::Branch, "BR", format!("{place} Library"))
        };
        let postcode = format!(
            "{} {}{}{}",
            rng.pick(OUTWARD_CODES),
            rng.below(10),
            char::from(rng.pick(INWARD_LETTERS)),
            char::from(rng.pick(INWARD_LETTERS)),
        );
        let latitude = 51.55 + (rng.unit() * 0.8);
        let longitude = -4.6 + (rng.unit() * 1.3);
        sites.push(DemoSite {
            code: SiteCode::parse(&format!("{prefix}{:03}", i + 1)).expect("a valid site code"),
            name: SiteName::parse(&name).expect("a valid site name"),
            kind,
            location: Location {
                postcode: Some(postcode),
                // Three decimals is about a hundred metres: enough to find a library.
                latitude: Some((latitude * 1000.0).round() / 1000.0),
                longitude: Some((longitude * 1000.0).round() / 1000.0),
            },
        });
    }
    sites
}

/// Every team but the senior leadership team, which the head of service leads: first a team per
/// branch (the central library's first), then one per community library, then more teams at the
/// branches, and the service-wide teams last.
fn plan_teams(
    team_count: usize,
    service_managers: usize,
    sites: &[DemoSite],
    branches: &[usize],
    communities: &[usize],
    rng: &mut Rng,
) -> Vec<TeamPlan> {
    let site_teams = team_count - 1 - SERVICE_TEAMS.len();
    // Branch teams report to the branches' service manager, or in a big service share out
    // among the area service managers too.
    let area_managers: Vec<usize> = std::iter::once(0)
        .chain(SERVICE_MANAGERS.len()..service_managers)
        .collect();
    let mut plans = Vec::with_capacity(team_count);
    let mut teams_at = vec![0usize; sites.len()];
    for t in 0..site_teams {
        let at = if t < branches.len() {
            branches[t]
        } else if t < branches.len() + communities.len() {
            communities[t - branches.len()]
        } else {
            branches[(t - branches.len() - communities.len()) % branches.len()]
        };
        teams_at[at] += 1;
        let site = sites[at].name.as_str();
        let community = sites[at].kind == SiteKind::Community;
        let (name, manager_role, weight) = match teams_at[at] {
            1 if at == CENTRAL => (
                format!("{site} team"),
                "Central Library Manager".to_string(),
                3.0,
            ),
            1 if community => (
                format!("{site} team"),
                "Community Library Coordinator".to_string(),
                0.6,
            ),
            1 => (format!("{site} team"), "Library Manager".to_string(), 1.2),
            n => {
                let name = match BRANCH_AREAS.get(n - 2) {
                    Some(area) => format!("{site} {area} team"),
                    None => format!("{site} team {n}"),
                };
                (name, "Team Leader".to_string(), 1.0)
            }
        };
        plans.push(TeamPlan {
            name,
            home: at,
            manager_role,
            service_manager: area_managers[t % area_managers.len()],
            weight: weight * (0.7 + 0.6 * rng.unit()),
            members: if community {
                COMMUNITY_TEAM
            } else {
                BRANCH_TEAM
            },
        });
    }
    for team in &SERVICE_TEAMS {
        plans.push(TeamPlan {
            name: team.name.to_string(),
            home: team.home,
            manager_role: team.manager.to_string(),
            service_manager: team.service,
            weight: team.weight * (0.7 + 0.6 * rng.unit()),
            members: team.members,
        });
    }
    plans
}

/// Shares `members` out over the teams by weight, adding up exactly.
fn team_sizes(plans: &[TeamPlan], members: usize) -> Vec<usize> {
    let total: f64 = plans.iter().map(|p| p.weight).sum();
    let mut sizes = Vec::with_capacity(plans.len());
    let (mut upto, mut given) = (0.0, 0usize);
    for plan in plans {
        upto += plan.weight;
        // Rounding the running total, not each share, is what makes the sizes add up.
        let cumulative = (((members as f64) * upto / total).round() as usize).clamp(given, members);
        sizes.push(cumulative - given);
        given = cumulative;
    }
    if let Some(last) = sizes.last_mut() {
        *last += members - given;
    }
    sizes
}

/// One person to add: everything but their name, number and hours, which are drawn.
struct Person<'a> {
    role: &'a str,
    family: JobFamily,
    hours: Hours,
    sites: Vec<usize>,
    team: &'a TeamName,
    manager: Option<&'a EmployeeNumber>,
    /// A demo account's address, in place of the given.family pattern.
    email: Option<&'a str>,
}

/// The people made so far, and what making more needs.
struct Staff {
    records: Vec<StaffRecord>,
    /// How many people have each given.family address so far.
    emails: HashMap<String, usize>,
    rng: Rng,
    site_codes: Vec<SiteCode>,
    branches: Vec<usize>,
    communities: Vec<usize>,
}

impl Staff {
    fn add(&mut self, person: &Person) -> EmployeeNumber {
        let rng = &mut self.rng;
        let number = EmployeeNumber::parse(&format!("AV{}", 10_001 + self.records.len()))
            .expect("a valid employee number");
        let given = rng.pick(GIVEN_NAMES);
        let family = rng.pick(FAMILY_NAMES);
        let volunteer = person.hours == H::Volunteer;
        let hours = match person.hours {
            H::Frontline => rng.weighted(&[
                (7.5, 2),
                (11.0, 1),
                (14.5, 1),
                (15.0, 2),
                (18.5, 4),
                (22.5, 3),
                (24.0, 1),
                (30.0, 3),
                (37.0, 3),
            ]),
            H::Specialist => rng.weighted(&[(18.5, 2), (22.5, 2), (30.0, 3), (37.0, 5)]),
            H::Manager => rng.weighted(&[(30.0, 1), (37.0, 4)]),
            H::FullTime => 37.0,
            H::Volunteer => rng.pick(&[2.0, 3.0, 4.0, 6.0, 8.0]),
            H::Exactly(hours) => hours,
        };
        // Leaders have been here a while; volunteering schemes are newer.
        let (from, to) = match person.family {
            F::Manager | F::SeniorLeader => (DATE_1998, DATE_2016),
            _ if volunteer => (DATE_2012, DATE_2026),
            _ => (DATE_1998, DATE_2026),
        };
        let day = from + rng.below((to - from) as usize) as i32;
        let start_date = time::Date::from_julian_day(day).expect("a date in range");
        let email = match person.email {
            Some(email) => Some(email.to_string()),
            // Some volunteers have no work address.
            None if volunteer && rng.chance(30) => None,
            None => {
                let base = format!("{}.{}", email_part(given), email_part(family));
                let seen = self.emails.entry(base.clone()).or_insert(0);
                *seen += 1;
                Some(match *seen {
                    1 => format!("{base}@afon.example"),
                    n => format!("{base}{n}@afon.example"),
                })
            }
        };
        let mut sites: Vec<SiteCode> = Vec::with_capacity(person.sites.len());
        for &s in &person.sites {
            let code = &self.site_codes[s];
            if !sites.contains(code) {
                sites.push(code.clone());
            }
        }
        self.records.push(StaffRecord {
            employee_number: number.clone(),
            given_name: PersonName::parse(given).expect("a valid name"),
            family_name: PersonName::parse(family).expect("a valid name"),
            email: email.map(|e| Email::parse(&e).expect("a valid email")),
            employment: if volunteer {
                Employment::Volunteer
            } else {
                Employment::Employee
            },
            job_role: JobRole::parse(person.role).expect("a valid job role"),
            job_family: person.family,
            contracted_hours: ContractedHours::from_hours(hours).expect("valid hours"),
            start_date: Some(start_date),
            line_manager: person.manager.cloned(),
            team: Some(person.team.clone()),
            sites,
        });
        number
    }

    /// The sites of someone in a post whose team is based at `home`.
    fn sites_for(&mut self, rule: Sites, home: usize) -> Vec<usize> {
        let rng = &mut self.rng;
        match rule {
            S::Home => vec![home],
            S::HomeAndRelief if rng.chance(15) => vec![home, rng.pick(&self.branches)],
            S::HomeAndRelief => vec![home],
            S::Community if self.communities.is_empty() => vec![home],
            S::Community => vec![rng.pick(&self.communities)],
            S::Branch => vec![rng.pick(&self.branches)],
            S::Roaming => vec![home, rng.pick(&self.branches), rng.pick(&self.branches)],
        }
    }
}

const DATE_1998: i32 = time::macros::date!(1998 - 01 - 01).to_julian_day();
const DATE_2012: i32 = time::macros::date!(2012 - 01 - 01).to_julian_day();
const DATE_2016: i32 = time::macros::date!(2016 - 12 - 31).to_julian_day();
const DATE_2026: i32 = time::macros::date!(2026 - 03 - 31).to_julian_day();

/// A name as it appears in an email address: lower case ASCII letters and hyphens only.
fn email_part(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'a'..='z' | '-' => Some(c),
            'â' | 'á' | 'à' | 'ä' => Some('a'),
            'ê' | 'é' | 'è' | 'ë' => Some('e'),
            'î' | 'í' | 'ì' | 'ï' => Some('i'),
            'ô' | 'ó' | 'ò' | 'ö' => Some('o'),
            'û' | 'ú' | 'ù' | 'ü' => Some('u'),
            'ŵ' => Some('w'),
            'ŷ' => Some('y'),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::organisation::normalise_postcode;
    use crate::staff_file::{self, Known};

    fn count(org: &DemoOrganisation, keep: impl Fn(&StaffRecord) -> bool) -> usize {
        org.staff.iter().filter(|r| keep(r)).count()
    }

    /// Writes the organisation as a staff file, reads it back and checks it against itself.
    fn file_problems(org: &DemoOrganisation) -> Vec<staff_file::Problem> {
        let mut bytes = Vec::new();
        staff_file::write(
            &mut bytes,
            org.staff.iter().cloned(),
            crate::FileLanguage::English,
        )
        .unwrap();
        let lines = staff_file::parse(&bytes).expect("the demo staff file parses");
        assert_eq!(lines.len(), org.staff.len());
        let sites: HashSet<SiteCode> = org.sites.iter().map(|s| s.code.clone()).collect();
        staff_file::check(
            &lines,
            &Known {
                sites: &sites,
                people: &HashMap::new(),
            },
        )
    }

    fn assert_structure(org: &DemoOrganisation) {
        let by_number: HashMap<&EmployeeNumber, &StaffRecord> =
            org.staff.iter().map(|r| (&r.employee_number, r)).collect();
        assert_eq!(
            by_number.len(),
            org.staff.len(),
            "employee numbers are unique"
        );
        let emails: HashSet<&Email> = org.staff.iter().filter_map(|r| r.email.as_ref()).collect();
        assert_eq!(
            emails.len(),
            count(org, |r| r.email.is_some()),
            "emails are unique"
        );
        let team_names: HashSet<&TeamName> = org.teams.iter().map(|t| &t.name).collect();
        assert_eq!(team_names.len(), org.teams.len(), "team names are unique");

        for team in &org.teams {
            let manager = by_number[&team.manager];
            assert!(
                matches!(manager.job_family, F::Manager | F::SeniorLeader),
                "{} is managed by a {:?}",
                team.name,
                manager.job_family
            );
        }
        let mut heads = 0;
        for r in &org.staff {
            assert!(team_names.contains(r.team.as_ref().unwrap()));
            let Some(mut manager) = r.line_manager.as_ref() else {
                heads += 1;
                continue;
            };
            // Following line managers up must reach the head without coming round again.
            let mut steps = 0;
            while let Some(next) = by_number[manager].line_manager.as_ref() {
                manager = next;
                steps += 1;
                assert!(steps < 5, "{} has a loop of managers", r.employee_number);
            }
        }
        assert_eq!(heads, 1, "one head of service");
        for site in &org.sites {
            let location = &site.location;
            let postcode = location.postcode.as_deref().unwrap();
            assert_eq!(normalise_postcode(postcode).as_deref(), Some(postcode));
            assert!((51.4..52.5).contains(&location.latitude.unwrap()));
            assert!((-4.8..-3.0).contains(&location.longitude.unwrap()));
        }
    }

    #[test]
    fn the_default_organisation_looks_like_a_library_service() {
        let org = generate(&DemoOptions::default());
        assert_eq!(org.name, "Afon Valley Libraries");
        assert_eq!(org.name_cy, "Llyfrgelloedd Cwm Afon");
        assert!((200..=250).contains(&org.staff.len()));
        assert!((11..=14).contains(&org.sites.len()));
        assert!((15..=20).contains(&org.teams.len()));
        let people = org.staff.len() as f64;
        let share = |n: usize| n as f64 / people;
        let volunteers = count(&org, |r| r.employment == Employment::Volunteer);
        assert!(
            (0.15..=0.35).contains(&share(volunteers)),
            "{volunteers} volunteers"
        );
        let aspiring = count(&org, |r| r.job_family == F::AspiringLeader);
        assert!(
            (0.05..=0.15).contains(&share(aspiring)),
            "{aspiring} aspiring leaders"
        );
        let senior = count(&org, |r| r.job_family == F::SeniorLeader);
        assert!((3..=5).contains(&senior), "{senior} senior leaders");
        assert!(count(&org, |r| r.job_family == F::Specialist) >= 8);
        assert!(
            count(&org, |r| r.employment == Employment::Volunteer
                && r.email.is_none())
                > 0
        );

        let mut hours: Vec<_> = org
            .staff
            .iter()
            .filter(|r| r.employment == Employment::Employee)
            .map(|r| r.contracted_hours)
            .collect();
        hours.sort();
        assert!(
            hours[hours.len() / 2].is_part_time(),
            "part-time is the norm"
        );

        for kind in SiteKind::ALL {
            assert!(org.sites.iter().any(|s| s.kind == kind), "{kind:?}");
        }
        assert_structure(&org);
        assert_eq!(file_problems(&org), []);
    }

    #[test]
    fn the_demo_accounts_are_real_people() {
        let org = generate(&DemoOptions::default());
        let expected = [
            ("admin@afon.example", Role::Admin, "demo-account-admin"),
            (
                "manager@afon.example",
                Role::Manager,
                "demo-account-manager",
            ),
            (
                "learner@afon.example",
                Role::Learner,
                "demo-account-learner",
            ),
            (
                "champion@afon.example",
                Role::Champion,
                "demo-account-champion",
            ),
            (
                "trainer@afon.example",
                Role::Trainer,
                "demo-account-trainer",
            ),
        ];
        assert_eq!(org.accounts.len(), expected.len());
        for (email, role, label) in expected {
            let account = org
                .accounts
                .iter()
                .find(|a| a.email.as_str() == email)
                .unwrap();
            assert!(account.roles.has(role));
            assert_eq!(account.label, label);
            let person = org
                .staff
                .iter()
                .find(|r| r.employee_number == account.employee_number)
                .unwrap();
            assert_eq!(person.email.as_ref(), Some(&account.email));
            assert_eq!(person.employment, Employment::Employee);
            match role {
                Role::Admin => assert_eq!(person.job_role.as_str(), "Digital Services Lead"),
                Role::Manager => {
                    let team = org
                        .teams
                        .iter()
                        .find(|t| t.manager == person.employee_number);
                    let team = &team.expect("the manager leads a team").name;
                    let members = count(&org, |r| r.team.as_ref() == Some(team));
                    assert!(members >= 8, "{members} in the demo manager's team");
                    let branch = &org
                        .sites
                        .iter()
                        .find(|s| s.code == person.sites[0])
                        .unwrap();
                    assert_eq!(branch.kind, SiteKind::Branch);
                }
                Role::Learner => {
                    assert_eq!(person.job_role.as_str(), "Library Assistant");
                    assert_eq!(person.job_family, F::Frontline);
                    assert!(person.contracted_hours.is_part_time());
                }
                Role::Champion => assert_eq!(person.job_family, F::Frontline),
                Role::Trainer => {
                    assert_eq!(person.job_role.as_str(), "Digital Inclusion Officer");
                }
                // The single-service demo runs no network.
                Role::Coordinator => panic!("no demo sign-in coordinates a network"),
            }
        }
    }

    #[test]
    fn the_same_options_give_the_same_organisation() {
        let options = DemoOptions::default();
        assert_eq!(generate(&options), generate(&options));
        let other = generate(&DemoOptions { seed: 7, ..options });
        assert_ne!(generate(&options).staff, other.staff);
    }

    #[test]
    fn the_smallest_organisation_still_holds_together() {
        let org = generate(&DemoOptions {
            people: 10,
            seed: 3,
            ..Default::default()
        });
        assert_eq!(org.staff.len(), MIN_PEOPLE);
        assert_eq!(org.accounts.len(), 5);
        assert_eq!(org.response_rate, DEFAULT_RESPONSE_RATE);
        assert_structure(&org);
        assert_eq!(file_problems(&org), []);
    }

    #[test]
    fn a_large_organisation_scales_sites_and_teams() {
        let org = generate(&DemoOptions {
            people: 50_000,
            seed: 11,
            ..Default::default()
        });
        assert_eq!(org.staff.len(), 50_000);
        assert_eq!(org.teams.len(), 2_000);
        assert_eq!(org.sites.len(), 200);
        assert_eq!(org.response_rate, 100);
        let codes: HashSet<&SiteCode> = org.sites.iter().map(|s| &s.code).collect();
        assert_eq!(codes.len(), 200);
        let names: HashSet<&str> = org.sites.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names.len(), 200);
        assert_structure(&org);
        assert_eq!(file_problems(&org), []);
    }
}
