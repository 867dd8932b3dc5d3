//! Every route, for every kind of visitor: who gets what. The routes come from the router itself
//! (`skillgym_web::route_table`), so a route added without a row here fails
//! `every_route_has_a_row_and_every_row_a_route`.
//!
//! # Adding a row to [`TABLE`]
//! One row per method and path pattern, written as the router has it (`"/people/{id}/edit"`);
//! then the path asked for, its ids written as fixtures (`{managed}`, `{campaign}`: see
//! [`Fixtures`]); then what each kind of visitor gets, one column each: signed out, learner,
//! champion, trainer, manager, admin, coordinator, someone answering through a public link
//! (public), and a leaver (an admin who has been marked as left, who must get what someone
//! signed out gets). A route may have more rows after its first, for
//! other ids or queries (someone they manage or not, an id that does not exist).
//!
//! `POST` sends a form holding only a valid CSRF token, `UPLOAD` the same as a multipart form:
//! each must be refused before anything changes, by role first, then by validation. `GET`s run
//! first, then the forms, in table order; `/sign-out` comes last, as it ends the session.
//!
//! The answers: `OK` (200), `SIGN_IN` (sent to sign in: a refusal), `MOVED` (303 elsewhere: a
//! form that worked, or a page that moves people on), `DENIED` (403), `MISSING` (404), `BAD`
//! (400), `INVALID` (422: the form was read and refused), `CONFLICT` (409), `SIGNED_OUT` (303 to
//! the sign-in page, as signing out does).

mod common;

use common::{TestApp, add_organisation, location, spawn_app};
use reqwest::cookie::{CookieStore, Jar};
use reqwest::redirect::Policy;
use reqwest::{Client, StatusCode};
use skillgym_domain::demo::DEMO_PASSWORD;
use skillgym_domain::{CampaignId, Email, OrganisationId, PersonId, Role, Roles};
use skillgym_store::{NewAccount, PersonFilter, PublicLinkMode};
use skillgym_test_db::{Backend, both_backends};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// How a row asks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ask {
    Get,
    /// A urlencoded form with its CSRF token and nothing else.
    Post,
    /// The same as a multipart form, as the forms that carry a file send it.
    Upload,
    /// A PUT (the Learning Record Store's), sent as the form is.
    Put,
}
use Ask::{Get as GET, Post as POST, Put as PUT, Upload as UPLOAD};

/// What a request should answer.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Ok,
    SignIn,
    Moved,
    Denied,
    Missing,
    Bad,
    Invalid,
    Conflict,
    /// 303 to the sign-in page as what the form is for, not as a refusal.
    SignedOut,
    /// 401 with `WWW-Authenticate: Basic`: the Learning Record Store, asked without a client's
    /// credentials (a session is not one).
    Unauthorized,
}
const OK: Expect = Expect::Ok;
const SIGN_IN: Expect = Expect::SignIn;
const MOVED: Expect = Expect::Moved;
const DENIED: Expect = Expect::Denied;
const MISSING: Expect = Expect::Missing;
const BAD: Expect = Expect::Bad;
const INVALID: Expect = Expect::Invalid;
const CONFLICT: Expect = Expect::Conflict;
const SIGNED_OUT: Expect = Expect::SignedOut;
const UNAUTHORIZED: Expect = Expect::Unauthorized;

impl Expect {
    fn matches(self, status: u16, location: &str) -> bool {
        match self {
            Expect::Ok => status == 200,
            Expect::SignIn => status == 303 && location == "/sign-in",
            Expect::Moved => status == 303 && location != "/sign-in",
            Expect::Denied => status == 403,
            Expect::Missing => status == 404,
            Expect::Bad => status == 400,
            Expect::Invalid => status == 422,
            Expect::Conflict => status == 409,
            Expect::SignedOut => status == 303 && location == "/sign-in",
            Expect::Unauthorized => status == 401,
        }
    }

    /// A refusal by who is asking, which must come before the body is read.
    fn refuses_the_visitor(self) -> bool {
        matches!(self, Expect::SignIn | Expect::Denied | Expect::Unauthorized)
    }
}

/// The kinds of visitor, in the table's column order.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Visitor {
    SignedOut,
    Learner,
    Champion,
    Trainer,
    Manager,
    Admin,
    /// A network coordinator (and nothing else) of the organisation that runs the network.
    Coordinator,
    /// Someone answering `{opened}` through its public link, with no account: on that
    /// campaign's pages they answer; everywhere else they are signed out.
    Respondent,
    /// An admin marked as left yesterday, who was signed in before.
    Leaver,
}

const VISITORS: [Visitor; 9] = [
    Visitor::SignedOut,
    Visitor::Learner,
    Visitor::Champion,
    Visitor::Trainer,
    Visitor::Manager,
    Visitor::Admin,
    Visitor::Coordinator,
    Visitor::Respondent,
    Visitor::Leaver,
];

/// Everyone but the leaver, who is walked on their own (they must get what someone signed out
/// gets, and becoming one changes the organisation).
fn present() -> impl Iterator<Item = Visitor> {
    VISITORS.into_iter().filter(|v| *v != Visitor::Leaver)
}

impl Visitor {
    fn column(self) -> usize {
        VISITORS.iter().position(|v| *v == self).unwrap()
    }

    /// The visitor who holds `role`: every role has its column (a new role fails to compile
    /// here until it has one).
    fn holding(role: Role) -> Visitor {
        match role {
            Role::Learner => Visitor::Learner,
            Role::Champion => Visitor::Champion,
            Role::Trainer => Visitor::Trainer,
            Role::Manager => Visitor::Manager,
            Role::Admin => Visitor::Admin,
            Role::Coordinator => Visitor::Coordinator,
        }
    }

    fn demo_email(self) -> Option<&'static str> {
        match self {
            Visitor::Learner => Some("learner@afon.example"),
            Visitor::Champion => Some("champion@afon.example"),
            Visitor::Trainer => Some("trainer@afon.example"),
            Visitor::Manager => Some("manager@afon.example"),
            Visitor::Admin => Some("admin@afon.example"),
            Visitor::SignedOut | Visitor::Coordinator | Visitor::Respondent | Visitor::Leaver => {
                None
            }
        }
    }
}

/// Method, route pattern, path asked for, and the answer for each visitor.
type Row = (Ask, &'static str, &'static str, [Expect; 9]);

#[rustfmt::skip]
const TABLE: &[Row] = &[
//   ask     route pattern                                 path asked for                                                  signed out learner  champion trainer  manager  admin     coord    public   leaver
    (GET,    "/healthz",                                   "/healthz",                                                     [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK]),
    (GET,    "/assets/{file}",                             "/assets/style.css",                                            [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK]),
    (GET,    "/",                                          "/",                                                            [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/sign-in",                                   "/sign-in",                                                     [OK,      MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   OK,      OK]),
    (POST,   "/sign-in",                                   "/sign-in",                                                     [INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID]),
    // Single sign-on is not set up in the demo: nothing to start; signed in, go home.
    (GET,    "/sign-in/sso",                               "/sign-in/sso",                                                 [MISSING, MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MISSING, MISSING]),
    (GET,    "/sign-in/sso/callback",                      "/sign-in/sso/callback?code=x&state=not-a-real-state",          [BAD,     BAD,     BAD,     BAD,     BAD,     BAD,     BAD,     BAD,     BAD]),
    (GET,    "/settings",                                  "/settings",                                                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/settings",                                  "/settings",                                                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/settings/retention",                        "/settings/retention",                                          [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/settings/retention",                        "/settings/retention",                                          [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/settings/anonymity",                        "/settings/anonymity",                                          [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    // An empty anonymity threshold is refused; nothing changes.
    (POST,   "/settings/anonymity",                        "/settings/anonymity",                                          [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    // Anyone may change language; a form without one is a bad request.
    (POST,   "/language",                                  "/language",                                                    [BAD,     BAD,     BAD,     BAD,     BAD,     BAD,     BAD,     BAD,     BAD]),
    (GET,    "/access/{token}",                            "/access/not-a-real-token",                                     [MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING]),
    (POST,   "/access/{token}",                            "/access/not-a-real-token",                                     [MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING]),
    (GET,    "/audits",                                    "/audits",                                                      [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/audits/{id}",                               "/audits/{campaign}",                                           [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/audits/{id}",                               "/audits/{none}",                                               [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    // A campaign that has not opened yet cannot be started.
    (POST,   "/audits/{id}/start",                         "/audits/{fresh}/start",                                        [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    // Nobody has started: the questionnaire sends people to the start page first.
    (GET,    "/audits/{id}/section/{number}",              "/audits/{campaign}/section/1",                                 [SIGN_IN, MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   SIGN_IN, SIGN_IN]),
    (POST,   "/audits/{id}/section/{number}",              "/audits/{campaign}/section/1",                                 [SIGN_IN, MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   SIGN_IN, SIGN_IN]),
    (GET,    "/audits/{id}/check",                         "/audits/{campaign}/check",                                     [SIGN_IN, MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   SIGN_IN, SIGN_IN]),
    (POST,   "/audits/{id}/check",                         "/audits/{campaign}/check",                                     [SIGN_IN, MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   SIGN_IN, SIGN_IN]),
    (GET,    "/audits/{id}/results",                       "/audits/{campaign}/results",                                   [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/audits/{id}/pictures/{name}",               "/audits/{campaign}/pictures/wifi.svg",                         [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    // Someone answering through a public link reaches the pages of the campaign they answer,
    // as its audience does (they have started: the link's button starts them).
    (GET,    "/audits/{id}",                               "/audits/{opened}",                                             [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN]),
    (POST,   "/audits/{id}/start",                         "/audits/{opened}/start",                                       [SIGN_IN, MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   SIGN_IN]),
    (GET,    "/audits/{id}/section/{number}",              "/audits/{opened}/section/1",                                   [SIGN_IN, MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   OK,      SIGN_IN]),
    (GET,    "/audits/{id}/check",                         "/audits/{opened}/check",                                       [SIGN_IN, MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   OK,      SIGN_IN]),
    (POST,   "/audits/{id}/check",                         "/audits/{opened}/check",                                       [SIGN_IN, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, SIGN_IN]),
    (GET,    "/audits/{id}/results",                       "/audits/{opened}/results",                                     [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN]),
    (GET,    "/audits/{id}/pictures/{name}",               "/audits/{opened}/pictures/wifi.svg",                           [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN]),
    // A public link is for anyone; someone already answering through it (or through the
    // network's link to the same member's campaign) goes back to their answers. Its form, with nothing chosen, starts anonymously; the network's link asks
    // which member first.
    (GET,    "/take/{code}",                               "/take/{public_code}",                                          [OK,      OK,      OK,      OK,      OK,      OK,      OK,      MOVED,   OK]),
    (GET,    "/take/{code}",                               "/take/{network_code}",                                         [OK,      OK,      OK,      OK,      OK,      OK,      OK,      MOVED,   OK]),
    (GET,    "/take/{code}",                               "/take/no-such-link",                                           [MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING]),
    (POST,   "/take/{code}",                               "/take/{public_code}",                                          [MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED]),
    (POST,   "/take/{code}",                               "/take/{network_code}",                                         [INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID]),
    (GET,    "/take/{code}/sent",                          "/take/{public_code}/sent",                                     [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK]),
    (GET,    "/take/{code}/confirm/{token}",               "/take/{public_code}/confirm/not-a-real-token",                 [MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING]),
    (POST,   "/take/{code}/confirm/{token}",               "/take/{public_code}/confirm/not-a-real-token",                 [MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING]),
    // A password-free link that is not ours is refused, whoever opens it.
    (GET,    "/audits/{id}/link/{token}",                  "/audits/{campaign}/link/1.{campaign}.99999999999.bad",         [DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED]),
    // Its button, likewise: refused, whoever presses it.
    (POST,   "/audits/{id}/link/{token}",                  "/audits/{campaign}/link/1.{campaign}.99999999999.bad",         [DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  DENIED]),
    // The learning catalogue: anyone signed in searches it and rates what they did; trainers
    // and administrators keep it.
    (GET,    "/learning",                                   "/learning",                                                    [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/learning",                                   "/learning?minutes=15&language=cy&competence=SAFE-1&level=2",   [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/learning/new",                               "/learning/new",                                                [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/learning/new",                               "/learning/new",                                                [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/learning/import",                            "/learning/import",                                             [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (UPLOAD, "/learning/import",                            "/learning/import",                                             [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/learning/catalogue.csv",                     "/learning/catalogue.csv",                                      [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/learning/{id}",                              "/learning/{activity}",                                         [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/learning/{id}",                              "/learning/{none}",                                             [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/learning/{id}/edit",                         "/learning/{activity}/edit",                                    [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/learning/{id}/edit",                         "/learning/{none}/edit",                                        [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/learning/{id}/edit",                         "/learning/{activity}/edit",                                    [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    // Clubs' assignments: trainers and administrators set them and give feedback (empty forms
    // refused on the page); only the club's cohort, which none of the visitors is in, sees one
    // or hands in.
    (POST,   "/learning/{id}/assignments",                  "/learning/{club}/assignments",                                 [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/learning/assignments/{id}",                  "/learning/assignments/{assignment}",                           [SIGN_IN, MISSING, MISSING, OK,      MISSING, OK,      MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/learning/assignments/{id}",                  "/learning/assignments/{none}",                                 [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (POST,   "/learning/assignments/{id}/submission",       "/learning/assignments/{assignment}/submission",                [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (POST,   "/learning/assignments/{id}/feedback",         "/learning/assignments/{assignment}/feedback",                  [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/learning/{id}/sessions/new",                 "/learning/{activity}/sessions/new",                            [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/learning/{id}/sessions/new",                 "/learning/{activity}/sessions/new",                            [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/learning/sessions/{id}",                     "/learning/sessions/{session}",                                 [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/learning/sessions/{id}",                     "/learning/sessions/{none}",                                    [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    // Anyone signed in books a place (or waits for one), then gives it up; trainers and
    // administrators, having booked, mark who came (a form with no box ticked: nobody).
    (POST,   "/learning/sessions/{id}/book",                "/learning/sessions/{session}/book",                            [SIGN_IN, MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   SIGN_IN, SIGN_IN]),
    (POST,   "/learning/sessions/{id}/attendance",          "/learning/sessions/{session}/attendance",                      [SIGN_IN, DENIED,  DENIED,  MOVED,   DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/learning/sessions/{id}/facilitator",         "/learning/sessions/{session}/facilitator",                     [SIGN_IN, DENIED,  DENIED,  MOVED,   DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/learning/sessions/{id}/facilitator",         "/learning/sessions/{none}/facilitator",                        [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/learning/sessions/{id}/cancel",              "/learning/sessions/{session}/cancel",                          [SIGN_IN, MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   MOVED,   SIGN_IN, SIGN_IN]),
    // A calendar file only for a session one has a place on (the GETs run before anyone books).
    (GET,    "/learning/sessions/{id}/calendar.ics",        "/learning/sessions/{session}/calendar.ics",                    [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/me/calendar",                                "/me/calendar",                                                 [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    // Making a calendar address shows it, this once.
    (POST,   "/me/calendar",                                "/me/calendar",                                                 [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    // A calendar feed is for whoever holds its address; a made-up one opens nothing.
    (GET,    "/calendar/{token}",                           "/calendar/not-a-real-token.ics",                               [MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING]),
    // A rating with no usefulness chosen is refused on the page; nothing is saved.
    (POST,   "/learning/{id}/rating",                       "/learning/{activity}/rating",                                  [SIGN_IN, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, SIGN_IN, SIGN_IN]),
    // Learning plans. Everyone has their own page; none of the visitors has a plan, so there
    // is no step of theirs to tick. Trainers and administrators work with anyone's plan, a
    // manager with their people's; `{plan}` is `{managed}`'s, proposed. Empty forms are
    // refused on the page, and change nothing.
    (GET,    "/me/plan",                                    "/me/plan",                                                     [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (POST,   "/me/plan/steps",                              "/me/plan/steps",                                               [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (POST,   "/me/plan/reassess",                           "/me/plan/reassess",                                            [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/plans",                                      "/plans",                                                       [SIGN_IN, DENIED,  DENIED,  OK,      OK,      OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/champion",                                   "/champion",                                                    [SIGN_IN, DENIED,  OK,      DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    // A champion says what they help with and logs the help they gave; an empty offer is one.
    (GET,    "/champion/offer",                             "/champion/offer",                                              [SIGN_IN, DENIED,  OK,      DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/champion/offer",                             "/champion/offer",                                              [SIGN_IN, DENIED,  MOVED,   DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/champion/help",                              "/champion/help",                                               [SIGN_IN, DENIED,  OK,      DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/champion/help",                              "/champion/help",                                               [SIGN_IN, DENIED,  INVALID, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/champion/step-down",                         "/champion/step-down",                                          [SIGN_IN, DENIED,  OK,      DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    // Supervisors (managers, trainers, administrators) nominate; trainers and administrators
    // approve, decline and end; a champion ends only their own time.
    (GET,    "/champions",                                  "/champions",                                                   [SIGN_IN, DENIED,  DENIED,  OK,      OK,      OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/champions/nominate",                         "/champions/nominate",                                          [SIGN_IN, DENIED,  DENIED,  OK,      OK,      OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/champions/nominate",                         "/champions/nominate?person={unmanaged}",                       [SIGN_IN, DENIED,  DENIED,  OK,      MISSING, OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/champions/nominate",                         "/champions/nominate",                                          [SIGN_IN, DENIED,  DENIED,  INVALID, INVALID, INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/champions/help",                             "/champions/help",                                              [SIGN_IN, DENIED,  DENIED,  OK,      OK,      OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/champions/{person}/approve",                 "/champions/{none}/approve",                                    [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/champions/{person}/end",                     "/champions/{champion_person}/end",                             [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/champions/{person}/end",                     "/champions/{none}/end",                                        [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/champions/{person}/end",                     "/champions/{none}/end",                                        [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    // Anyone finds a champion and asks them for help (not themselves, nor someone who is not
    // an approved champion); an empty message is refused.
    (GET,    "/help",                                       "/help",                                                        [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/help",                                       "/help?about=competence:{competence}&near={site}",              [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/help/ask/{person}",                          "/help/ask/{champion_person}",                                  [SIGN_IN, OK,      MISSING, OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/help/ask/{person}",                          "/help/ask/{not_champion}",                                     [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (POST,   "/help/ask/{person}",                          "/help/ask/{champion_person}",                                  [SIGN_IN, INVALID, MISSING, INVALID, INVALID, INVALID, INVALID, SIGN_IN, SIGN_IN]),
    (POST,   "/help/ask/{person}",                          "/help/ask/{none}",                                             [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    // Digital buddies: a pairing is seen by its two people and by supervisors.
    (GET,    "/buddies",                                    "/buddies",                                                     [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/buddies/new",                                "/buddies/new",                                                 [SIGN_IN, DENIED,  DENIED,  OK,      OK,      OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/buddies/new",                                "/buddies/new",                                                 [SIGN_IN, DENIED,  DENIED,  INVALID, INVALID, INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/buddies/{id}",                               "/buddies/{pairing}",                                           [SIGN_IN, MISSING, MISSING, OK,      OK,      OK,      MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/buddies/{id}",                               "/buddies/{none}",                                              [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (POST,   "/buddies/{id}/meetings",                      "/buddies/{pairing}/meetings",                                  [SIGN_IN, MISSING, MISSING, INVALID, INVALID, INVALID, MISSING, SIGN_IN, SIGN_IN]),
    (POST,   "/buddies/{id}/end",                           "/buddies/{none}/end",                                          [SIGN_IN, DENIED,  DENIED,  MISSING, MISSING, MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/training",                                   "/training",                                                    [SIGN_IN, DENIED,  DENIED,  OK,      OK,      OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/training/export.csv",                        "/training/export.csv",                                         [SIGN_IN, DENIED,  DENIED,  OK,      OK,      OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/training/requirements/new",                  "/training/requirements/new",                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/training/requirements",                      "/training/requirements",                                       [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/training/requirements/{id}",                 "/training/requirements/{requirement}",                         [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/training/requirements/{id}",                 "/training/requirements/{none}",                                [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/training/requirements/{id}",                 "/training/requirements/{requirement}",                         [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/training/requirements/{id}/retire",          "/training/requirements/{requirement}/retire",                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/training/requirements/{id}/retire",          "/training/requirements/{none}/retire",                         [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/training/import",                            "/training/import",                                             [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (UPLOAD, "/training/import",                            "/training/import",                                             [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/me/training",                                "/me/training",                                                 [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    // Evaluation: anyone signed in gives feedback on what they did (none of the visitors did
    // the activity asked for) and answers the follow-ups sent to them; trainers and
    // administrators read the report, managers do not; administrators set the follow-up days.
    (GET,    "/me/feedback",                                "/me/feedback",                                                 [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/me/feedback/{id}",                           "/me/feedback/{none}",                                          [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (POST,   "/me/feedback/{id}",                           "/me/feedback/{none}",                                          [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/me/follow-ups/{id}/{days}",                  "/me/follow-ups/{none}/30",                                     [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/me/follow-ups/{id}/{days}",                  "/me/follow-ups/{none}/x",                                      [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (POST,   "/me/follow-ups/{id}/{days}",                  "/me/follow-ups/{none}/30",                                     [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/evaluation",                                 "/evaluation",                                                  [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/evaluation",                                 "/evaluation?by=trainer",                                       [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/evaluation",                                 "/evaluation?by=team",                                          [SIGN_IN, DENIED,  DENIED,  BAD,     DENIED,  BAD,     DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/evaluation.csv",                             "/evaluation.csv?by=format",                                    [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/questions",                                  "/questions",                                                   [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/questions",                                  "/questions?q=scan&competence={competence}",                    [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/questions/ask",                              "/questions/ask",                                               [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    // An empty question is refused; nothing is kept.
    (POST,   "/questions/ask",                              "/questions/ask",                                               [SIGN_IN, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, SIGN_IN, SIGN_IN]),
    (GET,    "/questions/waiting",                          "/questions/waiting",                                           [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/questions/{id}",                             "/questions/{answered_question}",                               [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    // Waiting for an answer: the digital team and the learner who asked it with their name.
    (GET,    "/questions/{id}",                             "/questions/{waiting_question}",                                [SIGN_IN, OK,      MISSING, OK,      MISSING, OK,      MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/questions/{id}",                             "/questions/{none}",                                            [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/questions/{id}/answer",                      "/questions/{waiting_question}/answer",                         [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/questions/{id}/answer",                      "/questions/{none}/answer",                                     [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    // An empty answer is refused; nothing changes.
    (POST,   "/questions/{id}/answer",                      "/questions/{waiting_question}/answer",                         [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/questions/{id}/answer",                      "/questions/{none}/answer",                                     [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/questions/{id}/remove",                      "/questions/{answered_question}/remove",                        [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    // Removing works (the web tests show it); here only who may, on an id nothing has.
    (POST,   "/questions/{id}/remove",                      "/questions/{none}/remove",                                     [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    // Horizon scanning: anyone signed in clips, comments and reads (an empty form is refused);
    // leads (trainers and administrators) publish write-ups and remove clippings.
    (GET,    "/horizon",                                    "/horizon",                                                     [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/horizon",                                    "/horizon?tag=AI&page=2",                                       [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/horizon/new",                                "/horizon/new",                                                 [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (POST,   "/horizon/new",                                "/horizon/new",                                                 [SIGN_IN, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, SIGN_IN, SIGN_IN]),
    (GET,    "/horizon/synthesis",                          "/horizon/synthesis",                                           [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/horizon/synthesis",                          "/horizon/synthesis?from=2026-01-01&to=2026-06-30",             [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/horizon/synthesis",                          "/horizon/synthesis?from=2026-07-01&to=2026-01-01",             [SIGN_IN, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, SIGN_IN, SIGN_IN]),
    (GET,    "/horizon/write-ups",                          "/horizon/write-ups",                                           [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (POST,   "/horizon/write-ups/new",                      "/horizon/write-ups/new",                                       [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/horizon/write-ups/{id}",                     "/horizon/write-ups/{write_up}",                                [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/horizon/write-ups/{id}",                     "/horizon/write-ups/{none}",                                    [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/horizon/{id}",                               "/horizon/{clipping}",                                          [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/horizon/{id}",                               "/horizon/{none}",                                              [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (POST,   "/horizon/{id}/comments",                      "/horizon/{clipping}/comments",                                 [SIGN_IN, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, SIGN_IN, SIGN_IN]),
    (POST,   "/horizon/{id}/comments",                      "/horizon/{none}/comments",                                     [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/horizon/{id}/remove",                        "/horizon/{clipping}/remove",                                   [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/horizon/{id}/remove",                        "/horizon/{none}/remove",                                       [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    // Removing works (the web tests show it); here only who may, on an id nothing has.
    (POST,   "/horizon/{id}/remove",                        "/horizon/{none}/remove",                                       [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/comments/{id}/remove",                       "/comments/{none}/remove",                                      [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    // The champions' board: champions, trainers and administrators post; everyone reads and
    // comments; the author (the demo's tips are the champion's) or a lead removes a tip, and
    // those who cannot post are refused before any tip is looked at.
    (GET,    "/champions/board",                            "/champions/board",                                             [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/champions/board/new",                        "/champions/board/new",                                         [SIGN_IN, DENIED,  OK,      OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/champions/board/new",                        "/champions/board/new",                                         [SIGN_IN, DENIED,  INVALID, INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/champions/board/{id}",                       "/champions/board/{board_post}",                                [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/champions/board/{id}",                       "/champions/board/{none}",                                      [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (POST,   "/champions/board/{id}/comments",              "/champions/board/{board_post}/comments",                       [SIGN_IN, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, SIGN_IN, SIGN_IN]),
    (POST,   "/champions/board/{id}/comments",              "/champions/board/{none}/comments",                             [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/champions/board/{id}/remove",                "/champions/board/{board_post}/remove",                         [SIGN_IN, DENIED,  OK,      OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/champions/board/{id}/remove",                "/champions/board/{none}/remove",                               [SIGN_IN, DENIED,  MISSING, MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/champions/board/{id}/remove",                "/champions/board/{none}/remove",                               [SIGN_IN, DENIED,  MISSING, MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/settings/follow-ups",                        "/settings/follow-ups",                                         [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    // An empty list of days is refused; nothing changes.
    (POST,   "/settings/follow-ups",                        "/settings/follow-ups",                                         [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    // The services catalogue: anyone signed in reads it and says how confident they are with
    // a service (an empty answer is refused on the page); trainers and administrators keep
    // it (removing needs the box ticked); managers, trainers and administrators see the gaps
    // per site; administrators set when entries are due a check.
    (GET,    "/services",                                   "/services",                                                    [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/services",                                   "/services?q=credit&competence=SERVICES-1",                     [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/services.csv",                               "/services.csv",                                                [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/services/new",                               "/services/new",                                                [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/services/new",                               "/services/new",                                                [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/services/import",                            "/services/import",                                             [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (UPLOAD, "/services/import",                            "/services/import",                                             [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/services/gaps",                              "/services/gaps",                                               [SIGN_IN, DENIED,  DENIED,  OK,      OK,      OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/services/{id}",                              "/services/{service}",                                          [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/services/{id}",                              "/services/{none}",                                             [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/services/{id}/edit",                         "/services/{service}/edit",                                     [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/services/{id}/edit",                         "/services/{none}/edit",                                        [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/services/{id}/edit",                         "/services/{service}/edit",                                     [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/services/{id}/checked",                      "/services/{service}/checked",                                  [SIGN_IN, DENIED,  DENIED,  MOVED,   DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/services/{id}/checked",                      "/services/{none}/checked",                                     [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/services/{id}/confidence",                   "/services/{service}/confidence",                               [SIGN_IN, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, SIGN_IN, SIGN_IN]),
    (POST,   "/services/{id}/confidence",                   "/services/{none}/confidence",                                  [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/services/{id}/remove",                       "/services/{service}/remove",                                   [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/services/{id}/remove",                       "/services/{service}/remove",                                   [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/services/{id}/remove",                       "/services/{none}/remove",                                      [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/settings/services",                          "/settings/services",                                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    // An empty number of months is refused; nothing changes.
    (POST,   "/settings/services",                          "/settings/services",                                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    // The kit register: anyone signed in reads it; trainers and administrators keep it and
    // record training; those working at the item's site (here: a site nobody works at, so
    // only champions, trainers and administrators) log its use; managers, trainers and
    // administrators see the flags; administrators set when kit counts as unused. Kit that is
    // not there is refused to those who may log use only at their own site, as kit elsewhere is.
    (GET,    "/kit",                                        "/kit",                                                         [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/kit",                                        "/kit?site={kit_site}",                                         [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/kit.csv",                                    "/kit.csv",                                                     [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/kit/new",                                    "/kit/new",                                                     [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/kit/new",                                    "/kit/new",                                                     [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/kit/import",                                 "/kit/import",                                                  [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (UPLOAD, "/kit/import",                                 "/kit/import",                                                  [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/kit/flags",                                  "/kit/flags",                                                   [SIGN_IN, DENIED,  DENIED,  OK,      OK,      OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/kit/flags",                                  "/kit/flags?site={kit_site}",                                   [SIGN_IN, DENIED,  DENIED,  OK,      OK,      OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/kit/{id}",                                   "/kit/{kit}",                                                   [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/kit/{id}",                                   "/kit/{none}",                                                  [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/kit/{id}/edit",                              "/kit/{kit}/edit",                                              [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/kit/{id}/edit",                              "/kit/{none}/edit",                                             [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/kit/{id}/edit",                              "/kit/{kit}/edit",                                              [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/kit/{id}/edit",                              "/kit/{none}/edit",                                             [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/kit/{id}/trained",                           "/kit/{kit}/trained",                                           [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/kit/{id}/trained",                           "/kit/{none}/trained",                                          [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/kit/{id}/use",                               "/kit/{kit}/use",                                               [SIGN_IN, DENIED,  INVALID, INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/kit/{id}/use",                               "/kit/{none}/use",                                              [SIGN_IN, DENIED,  MISSING, MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/kit/{id}/remove",                            "/kit/{kit}/remove",                                            [SIGN_IN, DENIED,  DENIED,  OK,      DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/kit/{id}/remove",                            "/kit/{kit}/remove",                                            [SIGN_IN, DENIED,  DENIED,  INVALID, DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/kit/{id}/remove",                            "/kit/{none}/remove",                                           [SIGN_IN, DENIED,  DENIED,  MISSING, DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/settings/kit",                               "/settings/kit",                                                [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    // An empty number of months is refused; nothing changes.
    (POST,   "/settings/kit",                               "/settings/kit",                                                [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (UPLOAD, "/me/training",                                "/me/training",                                                 [SIGN_IN, INVALID, INVALID, INVALID, INVALID, INVALID, INVALID, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/training",                       "/people/{managed}/training",                                   [SIGN_IN, MISSING, MISSING, OK,      OK,      OK,      MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/training",                       "/people/{unmanaged}/training",                                 [SIGN_IN, MISSING, MISSING, OK,      MISSING, OK,      MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/training",                       "/people/{none}/training",                                      [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (UPLOAD, "/people/{id}/training",                       "/people/{managed}/training",                                   [SIGN_IN, MISSING, MISSING, INVALID, INVALID, INVALID, MISSING, SIGN_IN, SIGN_IN]),
    (UPLOAD, "/people/{id}/training",                       "/people/{unmanaged}/training",                                 [SIGN_IN, MISSING, MISSING, INVALID, MISSING, INVALID, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/training/evidence/{completion}", "/people/{managed}/training/evidence/{evidence}",               [SIGN_IN, MISSING, MISSING, OK,      OK,      OK,      MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/training/evidence/{completion}", "/people/{unmanaged}/training/evidence/{evidence}",             [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/training/evidence/{completion}", "/people/{managed}/training/evidence/{none}",                    [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/plan",                           "/people/{managed}/plan",                                       [SIGN_IN, DENIED,  DENIED,  OK,      OK,      OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/plan",                           "/people/{unmanaged}/plan",                                     [SIGN_IN, DENIED,  DENIED,  OK,      MISSING, OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/plan",                           "/people/{none}/plan",                                          [SIGN_IN, DENIED,  DENIED,  MISSING, MISSING, MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/people/{id}/plan",                           "/people/{managed}/plan",                                       [SIGN_IN, DENIED,  DENIED,  INVALID, INVALID, INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/people/{id}/plan",                           "/people/{unmanaged}/plan",                                     [SIGN_IN, DENIED,  DENIED,  INVALID, MISSING, INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/plans/{id}/propose",                         "/plans/{plan}/propose",                                        [SIGN_IN, DENIED,  DENIED,  INVALID, INVALID, INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/plans/{id}/propose",                         "/plans/{none}/propose",                                        [SIGN_IN, DENIED,  DENIED,  MISSING, MISSING, MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/plans/{id}/change",                          "/plans/{plan}/change",                                         [SIGN_IN, DENIED,  DENIED,  INVALID, INVALID, INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/plans/{id}/steps",                           "/plans/{plan}/steps",                                          [SIGN_IN, DENIED,  DENIED,  INVALID, INVALID, INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/plans/{id}/notes",                           "/plans/{plan}/notes",                                          [SIGN_IN, DENIED,  DENIED,  INVALID, INVALID, INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    // Badges are public: whoever holds a badge's address sees it checked (none has this id),
    // and the issuer's profile and key are there for any verifier.
    (GET,    "/credentials/{id}",                           "/credentials/{none}",                                          [MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING]),
    (GET,    "/credentials/{id}/credential.jws",            "/credentials/{none}/credential.jws",                           [MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING]),
    (GET,    "/credentials/issuers/{slug}",                 "/credentials/issuers/{org_slug}",                              [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK     ]),
    (GET,    "/.well-known/jwks.json",                      "/.well-known/jwks.json",                                       [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK     ]),
    // The Learning Record Store takes a client's Basic credentials, never a session: everyone
    // here is refused as unauthenticated first (before the version header is looked at). Its
    // versions are for anyone.
    (GET,    "/xapi/about",                                 "/xapi/about",                                                  [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK     ]),
    (GET,    "/xapi/statements",                            "/xapi/statements",                                             [UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED]),
    (GET,    "/xapi/statements",                            "/xapi/statements?statementId=00000000-0000-4000-8000-000000000001", [UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED]),
    (POST,   "/xapi/statements",                            "/xapi/statements",                                             [UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED]),
    (PUT,    "/xapi/statements",                            "/xapi/statements?statementId=00000000-0000-4000-8000-000000000001", [UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED]),
    (GET,    "/frameworks",                                "/frameworks",                                                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/import",                         "/frameworks/import",                                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (UPLOAD, "/frameworks/import",                         "/frameworks/import",                                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/new",                            "/frameworks/new",                                              [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/frameworks/new",                            "/frameworks/new",                                              [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}",                           "/frameworks/{framework}",                                      [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/edit",                      "/frameworks/{framework}/edit",                                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/edit",                      "/frameworks/{none}/edit",                                      [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/frameworks/{id}/edit",                      "/frameworks/{framework}/edit",                                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/levels",                    "/frameworks/{framework}/levels",                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/frameworks/{id}/levels",                    "/frameworks/{framework}/levels",                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/areas/new",                 "/frameworks/{framework}/areas/new",                            [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/frameworks/{id}/areas/new",                 "/frameworks/{framework}/areas/new",                            [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/areas/{code}/edit",         "/frameworks/{framework}/areas/{area}/edit",                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/areas/{code}/edit",         "/frameworks/{framework}/areas/NO-SUCH-AREA/edit",              [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/frameworks/{id}/areas/{code}/edit",         "/frameworks/{framework}/areas/{area}/edit",                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/frameworks/{id}/areas/{code}/move",         "/frameworks/{framework}/areas/{area}/move",                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  BAD,     DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/areas/{code}/remove",       "/frameworks/{framework}/areas/{area}/remove",                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/frameworks/{id}/areas/{code}/remove",       "/frameworks/{framework}/areas/{area}/remove",                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/competences/new",           "/frameworks/{framework}/competences/new",                      [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/competences/new",           "/frameworks/{framework}/competences/new?area={area}",          [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/frameworks/{id}/competences/new",           "/frameworks/{framework}/competences/new",                      [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/competences/{code}/edit",   "/frameworks/{framework}/competences/{competence}/edit",        [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/frameworks/{id}/competences/{code}/edit",   "/frameworks/{framework}/competences/{competence}/edit",        [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/frameworks/{id}/competences/{code}/move",   "/frameworks/{framework}/competences/{competence}/move",        [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  BAD,     DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/competences/{code}/remove", "/frameworks/{framework}/competences/{competence}/remove",      [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/frameworks/{id}/competences/{code}/remove", "/frameworks/{framework}/competences/{competence}/remove",      [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/case.json",                 "/frameworks/{framework}/case.json",                            [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/case.json",                 "/frameworks/{none}/case.json",                                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/frameworks/{id}/framework.csv",             "/frameworks/{framework}/framework.csv",                        [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/admin",                                     "/admin",                                                       [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns",                                 "/campaigns",                                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/new",                             "/campaigns/new",                                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/new",                             "/campaigns/new",                                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}",                            "/campaigns/{campaign}",                                        [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/clone",                      "/campaigns/{campaign}/clone",                                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  BAD,     DENIED,  SIGN_IN, SIGN_IN]),
    // With no mode chosen, the public link's form is refused as it stands.
    (POST,   "/campaigns/{id}/public-link",                "/campaigns/{campaign}/public-link",                            [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  BAD,     DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/network/campaigns/{id}/public-link",        "/network/campaigns/{network_campaign}/public-link",            [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  BAD,     SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/questions",                  "/campaigns/{campaign}/questions",                              [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/questions",                  "/campaigns/{fresh}/questions",                                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/questions",                  "/campaigns/{none}/questions",                                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    // So may the services it asks about (none chosen: none asked).
    (GET,    "/campaigns/{id}/services",                   "/campaigns/{campaign}/services",                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/services",                   "/campaigns/{none}/services",                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/services",                   "/campaigns/{fresh}/services",                                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/services",                   "/campaigns/{campaign}/services",                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  CONFLICT,DENIED,  SIGN_IN, SIGN_IN]),
    // The questions of a campaign nobody has answered may change; once people answer, not.
    (GET,    "/campaigns/{id}/questions/new",              "/campaigns/{fresh}/questions/new",                             [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/questions/new",              "/campaigns/{campaign}/questions/new",                          [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/questions/new",              "/campaigns/{fresh}/questions/new",                             [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/questions/new",              "/campaigns/{campaign}/questions/new",                          [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  CONFLICT,DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/questions/{q}/edit",         "/campaigns/{fresh}/questions/{fresh_question}/edit",           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/questions/{q}/edit",         "/campaigns/{fresh}/questions/{fresh_question}/edit",           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/questions/{q}/remove",       "/campaigns/{fresh}/questions/{fresh_question}/remove",         [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/questions/{q}/remove",       "/campaigns/{fresh}/questions/{fresh_question}/remove",         [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/quiz/new",                   "/campaigns/{fresh}/quiz/new",                                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/quiz/new",                   "/campaigns/{campaign}/quiz/new",                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (UPLOAD, "/campaigns/{id}/quiz/new",                   "/campaigns/{fresh}/quiz/new",                                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (UPLOAD, "/campaigns/{id}/quiz/new",                   "/campaigns/{campaign}/quiz/new",                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  CONFLICT,DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/quiz/{q}/edit",              "/campaigns/{fresh}/quiz/{fresh_quiz}/edit",                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/quiz/{q}/edit",              "/campaigns/{fresh}/quiz/{none}/edit",                          [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (UPLOAD, "/campaigns/{id}/quiz/{q}/edit",              "/campaigns/{fresh}/quiz/{fresh_quiz}/edit",                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/quiz/{q}/remove",            "/campaigns/{fresh}/quiz/{fresh_quiz}/remove",                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/quiz/{q}/remove",            "/campaigns/{fresh}/quiz/{fresh_quiz}/remove",                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    // Without SMTP set up, sending explains so on the campaign page.
    (POST,   "/campaigns/{id}/invitations",                "/campaigns/{campaign}/invitations",                            [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/reminders",                  "/campaigns/{campaign}/reminders",                              [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/progress",                   "/campaigns/{campaign}/progress",                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/progress",                   "/campaigns/{campaign}/progress?site=x",                        [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  BAD,     DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/progress",                   "/campaigns/{none}/progress",                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/progress.csv",               "/campaigns/{campaign}/progress.csv",                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/progress.csv",               "/campaigns/{none}/progress.csv",                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/progress/reminders",         "/campaigns/{campaign}/progress/reminders",                     [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/progress/reminders",         "/campaigns/{none}/progress/reminders",                         [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/invitation-settings",        "/campaigns/{campaign}/invitation-settings",                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  BAD,     DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/import",                     "/campaigns/{campaign}/import",                                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (UPLOAD, "/campaigns/{id}/import",                     "/campaigns/{campaign}/import",                                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    // An upload that is not kept (never made, imported, or over a day old).
    (GET,    "/campaigns/{id}/import/{upload}",            "/campaigns/{campaign}/import/{none}",                          [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/campaigns/{id}/import/{upload}",            "/campaigns/{campaign}/import/{none}",                          [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/report",                     "/campaigns/{campaign}/report",                                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/report/print",               "/campaigns/{campaign}/report/print",                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/report/print",               "/campaigns/{none}/report/print",                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/report/{table}",             "/campaigns/{campaign}/report/sites.csv",                       [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/report/{table}",             "/campaigns/{campaign}/report/teams.csv",                       [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/report/{table}",             "/campaigns/{campaign}/report/competences.csv",                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/report/{table}",             "/campaigns/{campaign}/report/weakest.csv",                     [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/report/{table}",             "/campaigns/{campaign}/report/strongest.csv",                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/report/{table}",             "/campaigns/{campaign}/report/heat.csv",                        [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/report/{table}",             "/campaigns/{campaign}/report/nothing.csv",                     [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/report/{table}",             "/campaigns/{none}/report/sites.csv",                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/compare",                    "/campaigns/{campaign}/compare",                                [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/compare",                    "/campaigns/{campaign}/compare?by=LEADERSHIP",                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/compare",                    "/campaigns/{none}/compare",                                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/compare.csv",                "/campaigns/{campaign}/compare.csv?by=employment",              [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/calibration",                "/campaigns/{campaign}/calibration",                            [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/calibration.csv",            "/campaigns/{campaign}/calibration.csv?by=job_family",          [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/calibration-competences.csv", "/campaigns/{campaign}/calibration-competences.csv?by=hours",  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/change",                     "/campaigns/{campaign}/change",                                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/change",                     "/campaigns/{campaign}/change?earlier={none}",                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/change",                     "/campaigns/{none}/change",                                     [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/change.csv",                 "/campaigns/{campaign}/change.csv?table=areas",                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/answers",                    "/campaigns/{campaign}/answers",                                [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/answers",                    "/campaigns/{campaign}/answers?by=employment",                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/answers",                    "/campaigns/{none}/answers",                                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/answers.csv",                "/campaigns/{campaign}/answers.csv?by=LEADERSHIP",              [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/me",                                        "/me",                                                          [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (POST,   "/me/data",                                   "/me/data",                                                     [SIGN_IN, OK,      OK,      OK,      OK,      OK,      OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/team",                                      "/team",                                                        [SIGN_IN, DENIED,  DENIED,  DENIED,  OK,      DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    // A manager's people in one audit: a campaign that asked none of them is no page of theirs.
    (GET,    "/team/campaigns/{id}",                       "/team/campaigns/{campaign}",                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  OK,      DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/team/campaigns/{id}",                       "/team/campaigns/{not_their_team}",                             [SIGN_IN, DENIED,  DENIED,  DENIED,  MISSING, DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/team/campaigns/{id}",                       "/team/campaigns/{none}",                                       [SIGN_IN, DENIED,  DENIED,  DENIED,  MISSING, DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    // Email is not set up in the tests: back to the page, which says so.
    (POST,   "/team/campaigns/{id}/reminders",             "/team/campaigns/{campaign}/reminders",                         [SIGN_IN, DENIED,  DENIED,  DENIED,  MOVED,   DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/team/campaigns/{id}/reminders",             "/team/campaigns/{not_their_team}/reminders",                   [SIGN_IN, DENIED,  DENIED,  DENIED,  MISSING, DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/people",                                    "/people",                                                      [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/people",                                    "/people?q=a&page=2",                                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/people/new",                                "/people/new",                                                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/people/new",                                "/people/new",                                                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    // Someone who may not see a person is told there is no such page.
    (GET,    "/people/{id}",                               "/people/{managed}",                                            [SIGN_IN, MISSING, MISSING, MISSING, OK,      OK,      MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}",                               "/people/{unmanaged}",                                          [SIGN_IN, MISSING, MISSING, MISSING, MISSING, OK,      MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}",                               "/people/{none}",                                               [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/profile",                       "/people/{managed}/profile",                                    [SIGN_IN, MISSING, MISSING, MISSING, OK,      OK,      MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/profile",                       "/people/{unmanaged}/profile",                                  [SIGN_IN, MISSING, MISSING, MISSING, MISSING, OK,      MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/profile",                       "/people/{managed}/profile?campaign={none}",                    [SIGN_IN, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/profile.csv",                   "/people/{managed}/profile.csv",                                [SIGN_IN, MISSING, MISSING, MISSING, OK,      OK,      MISSING, SIGN_IN, SIGN_IN]),
    (GET,    "/role-profiles",                             "/role-profiles",                                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/role-profiles",                             "/role-profiles?framework={none}",                              [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    // No framework named: nothing to save.
    (POST,   "/role-profiles",                             "/role-profiles",                                               [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  BAD,     DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/edit",                          "/people/{managed}/edit",                                       [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/people/{id}/edit",                          "/people/{managed}/edit",                                       [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    // An empty form on someone else gives them an account as a learner, and no more.
    (POST,   "/people/{id}/access",                        "/people/{unmanaged}/access",                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/erase",                         "/people/{unmanaged}/erase",                                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/people/{id}/erase",                         "/people/{none}/erase",                                         [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    // Erasing needs the box ticked: an empty form erases no one.
    (POST,   "/people/{id}/erase",                         "/people/{unmanaged}/erase",                                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/audit-trail",                               "/audit-trail",                                                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/audit-trail",                               "/audit-trail?q=a&action=person-viewed&page=2",                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/audit-trail",                               "/audit-trail?person={unmanaged}",                              [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/audit-trail.csv",                           "/audit-trail.csv",                                             [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/sites",                                     "/sites",                                                       [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/sites/new",                                 "/sites/new",                                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/sites/new",                                 "/sites/new",                                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/sites/{id}/edit",                           "/sites/{site}/edit",                                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/sites/{id}/edit",                           "/sites/{site}/edit",                                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/teams",                                     "/teams",                                                       [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/teams/new",                                 "/teams/new",                                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/teams/new",                                 "/teams/new",                                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/teams/{id}/edit",                           "/teams/{team}/edit",                                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/teams/{id}/edit",                           "/teams/{team}/edit",                                           [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/import/staff",                              "/import/staff",                                                [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (UPLOAD, "/import/staff",                              "/import/staff",                                                [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  INVALID, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/import/staff/example.csv",                  "/import/staff/example.csv",                                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/import/staff/{upload}",                     "/import/staff/{none}",                                         [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/import/staff/{upload}",                     "/import/staff/{none}",                                         [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/export/staff.csv",                          "/export/staff.csv",                                            [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    // Networks: the coordinators' pages, for the network their organisation runs.
    (GET,    "/network",                                   "/network",                                                     [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  OK,      SIGN_IN, SIGN_IN]),
    // No campaign named: nothing to publish.
    (POST,   "/network/{id}/campaigns",                    "/network/{network}/campaigns",                                 [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  BAD,     SIGN_IN, SIGN_IN]),
    (POST,   "/network/{id}/campaigns",                    "/network/{none}/campaigns",                                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  MISSING, SIGN_IN, SIGN_IN]),
    // No framework named: nothing to share.
    (POST,   "/network/{id}/frameworks",                   "/network/{network}/frameworks",                                [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  BAD,     SIGN_IN, SIGN_IN]),
    (POST,   "/network/{id}/activities",                   "/network/{network}/activities",                                [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  BAD,     SIGN_IN, SIGN_IN]),
    (GET,    "/network/campaigns/{id}",                    "/network/campaigns/{network_campaign}",                        [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  OK,      SIGN_IN, SIGN_IN]),
    (GET,    "/network/campaigns/{id}",                    "/network/campaigns/{fresh}",                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  DENIED,  MISSING, SIGN_IN, SIGN_IN]),
    // A member's administrators: the networks it belongs to.
    (GET,    "/networks",                                  "/networks",                                                    [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    // Neither yes nor no: nothing changes.
    (POST,   "/networks/{id}/sharing",                     "/networks/{network}/sharing",                                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  BAD,     DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/networks/{id}/sharing",                     "/networks/{none}/sharing",                                     [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    // Opened already: on to the organisation's own campaign.
    (POST,   "/networks/campaigns/{id}/open",              "/networks/campaigns/{network_campaign}/open",                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/networks/campaigns/{id}/open",              "/networks/campaigns/{fresh}/open",                             [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    // The organisation's own framework, shared with its network: on to its own copy (itself).
    (POST,   "/networks/frameworks/{id}/adopt",            "/networks/frameworks/{framework}/adopt",                       [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/networks/frameworks/{id}/adopt",            "/networks/frameworks/{none}/adopt",                            [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/networks/activities/{id}/adopt",            "/networks/activities/{activity}/adopt",                        [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MOVED,   DENIED,  SIGN_IN, SIGN_IN]),
    (POST,   "/networks/activities/{id}/adopt",            "/networks/activities/{none}/adopt",                            [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    (GET,    "/campaigns/{id}/network",                    "/campaigns/{opened}/network",                                  [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  OK,      DENIED,  SIGN_IN, SIGN_IN]),
    // A campaign that opens no network's.
    (GET,    "/campaigns/{id}/network",                    "/campaigns/{fresh}/network",                                   [SIGN_IN, DENIED,  DENIED,  DENIED,  DENIED,  MISSING, DENIED,  SIGN_IN, SIGN_IN]),
    // Stepping down needs the champion to say they are sure.
    (POST,   "/champion/step-down",                         "/champion/step-down",                                          [SIGN_IN, DENIED,  INVALID, DENIED,  DENIED,  DENIED,  DENIED,  SIGN_IN, SIGN_IN]),
    // Last: it ends the session.
    (POST,   "/sign-out",                                  "/sign-out",                                                    [SIGNED_OUT,SIGNED_OUT,SIGNED_OUT,SIGNED_OUT,SIGNED_OUT,SIGNED_OUT,SIGNED_OUT,SIGNED_OUT,SIGNED_OUT]),
];

/// Paths no route answers: everyone is told there is no such page.
const NO_ROUTE: &[&str] = &["/no/such/page", "/people/1/nothing"];

// ---- The route list against the table ---------------------------------------------------------

#[test]
fn every_route_has_a_row_and_every_row_a_route() {
    let routes: BTreeSet<(String, &str)> = skillgym_web::route_table()
        .into_iter()
        .map(|r| (r.method.to_string(), r.path))
        .collect();
    let rows: BTreeSet<(String, &str)> = TABLE
        .iter()
        .map(|(ask, pattern, _, _)| (method(*ask).to_string(), *pattern))
        .collect();
    let without_row: Vec<_> = routes.difference(&rows).collect();
    let without_route: Vec<_> = rows.difference(&routes).collect();
    assert!(
        without_row.is_empty() && without_route.is_empty(),
        "routes with no row in the access table: {without_row:?}\n\
         rows for no route: {without_route:?}"
    );
    // Each row asks for a path of its own pattern, and forms that take a file are sent as one.
    for (ask, pattern, path, _) in TABLE {
        assert!(fits(pattern, path), "{path} is not a path of {pattern}");
        let route = skillgym_web::route_table()
            .into_iter()
            .find(|r| r.method.as_str() == method(*ask) && r.path == *pattern)
            .unwrap();
        if *ask == UPLOAD {
            assert!(
                route.body_limit > Some(2 * 1024 * 1024),
                "{pattern} takes no file"
            );
        }
    }
    assert_eq!(TABLE.last().unwrap().1, "/sign-out");
    // Every role has its column (see `Visitor::holding`), besides signed out and a leaver.
    let columns: BTreeSet<usize> = Role::ALL
        .into_iter()
        .map(|r| Visitor::holding(r).column())
        .collect();
    assert_eq!(columns.len(), Role::ALL.len());
}

fn method(ask: Ask) -> &'static str {
    match ask {
        Ask::Get => "GET",
        Ask::Post | Ask::Upload => "POST",
        Ask::Put => "PUT",
    }
}

/// Whether `path` (its fixtures not filled in yet) is one of `pattern`'s.
fn fits(pattern: &str, path: &str) -> bool {
    let path = path.split('?').next().unwrap();
    let (pattern, path): (Vec<_>, Vec<_>) =
        (pattern.split('/').collect(), path.split('/').collect());
    pattern.len() == path.len()
        && pattern
            .iter()
            .zip(&path)
            .all(|(p, s)| p.starts_with('{') || p == s)
}

// ---- The answers -------------------------------------------------------------------------------

both_backends!(
    every_route_answers_every_role_as_the_table_says,
    a_leaver_gets_what_a_signed_out_visitor_gets,
    every_refusal_comes_before_the_body_is_read,
    a_learner_is_refused_an_upload_before_it_is_read,
    a_body_over_its_routes_limit_is_refused_with_a_page_that_says_so,
    no_route_reaches_another_organisations_objects,
);

async fn every_route_answers_every_role_as_the_table_says(backend: Backend) {
    let app = spawn_app(backend).await;
    let fixtures = Fixtures::new(&app).await;
    let mut wrong = Vec::new();
    for visitor in present() {
        let browser = Browser::new(&app, visitor).await;
        wrong.extend(browser.walk(&app, &fixtures).await);
    }
    assert!(
        wrong.is_empty(),
        "unexpected answers:\n{}",
        wrong.join("\n")
    );
}

/// Two organisations of the same shape in one skillgym. Every row whose path names an object
/// (an id or code in the path itself) is asked by every kind of visitor of the first with the
/// second's ids: each gets what they would get for an id that does not exist, a 404, unless
/// their role is refused before any object is looked at (then that refusal, as for their own
/// organisation's ids). Forms are sent too, and must change nothing there: the second
/// organisation's audit trail stays as it was.
async fn no_route_reaches_another_organisations_objects(backend: Backend) {
    let app = spawn_app(backend).await;
    let other = add_organisation(&app, "Bro Library Service", "bro.example").await;
    let theirs = Fixtures::of(&app, other, "bro.example").await;
    let trail = async || {
        let all = skillgym_store::AuditFilter {
            limit: 1,
            ..Default::default()
        };
        app.store().audit_events(other, &all).await.unwrap().1
    };
    let trail_before = trail().await;
    let mut wrong = Vec::new();
    let mut asked = 0;
    // Someone answering through a public link is signed out on every page but their own
    // campaign's, which the main table checks by id; and a public link is for anyone, so
    // `/take/` rows are not objects to keep from another organisation; nor are badges, whose
    // address is public for whoever their holder shows it to.
    let staff = |v: &Visitor| !matches!(v, Visitor::SignedOut | Visitor::Respondent);
    for visitor in present().filter(staff) {
        let browser = Browser::new(&app, visitor).await;
        let gets = TABLE.iter().filter(|row| row.0 == GET);
        let forms = TABLE.iter().filter(|row| row.0 != GET);
        for (ask, _, path, expect) in gets.chain(forms) {
            let in_path = path.split('?').next().unwrap();
            if !in_path.contains('{')
                || in_path.contains("{none}")
                || in_path.starts_with("/take/")
                || in_path.starts_with("/credentials/")
                || *path == "/sign-out"
            {
                continue;
            }
            let own = expect[visitor.column()];
            let expect = if own.refuses_the_visitor() {
                own
            } else {
                MISSING
            };
            let path = theirs.fill(path);
            let response = browser.ask(&app, *ask, &path, true).await;
            let (status, to) = (response.status().as_u16(), location(&response).to_string());
            asked += 1;
            if !expect.matches(status, &to) {
                wrong.push(format!(
                    "{visitor:?} {} {path}: {status} {to}, wanted {expect:?}",
                    method(*ask)
                ));
            }
        }
    }
    assert!(asked > 200, "only {asked} asked");
    assert!(
        wrong.is_empty(),
        "another organisation's objects reached:\n{}",
        wrong.join("\n")
    );
    assert_eq!(
        trail().await,
        trail_before,
        "nothing was done in the other organisation"
    );
}

/// Someone marked as left (here an admin, the day before, while signed in) gets on every route
/// what someone signed out gets.
async fn a_leaver_gets_what_a_signed_out_visitor_gets(backend: Backend) {
    let app = spawn_app(backend).await;
    let fixtures = Fixtures::new(&app).await;
    let browser = Browser::new(&app, Visitor::Leaver).await;
    let wrong = browser.walk(&app, &fixtures).await;
    assert!(
        wrong.is_empty(),
        "unexpected answers:\n{}",
        wrong.join("\n")
    );
    for (_, _, path, expect) in TABLE {
        assert_eq!(
            expect[Visitor::Leaver.column()],
            expect[Visitor::SignedOut.column()],
            "{path}: a leaver gets what someone signed out gets"
        );
    }
}

/// Each form route that refuses a visitor does so from the request's head alone: the body is
/// declared at a megabyte and never sent, so an answer proves nothing waited for it.
async fn every_refusal_comes_before_the_body_is_read(backend: Backend) {
    let app = spawn_app(backend).await;
    let fixtures = Fixtures::new(&app).await;
    let mut asks = tokio::task::JoinSet::new();
    for visitor in present() {
        let browser = Browser::new(&app, visitor).await;
        let cookie = browser.cookie(&app);
        let csrf = app.csrf(&browser.client).await;
        for (ask, _, path, expect) in TABLE {
            let expect = expect[visitor.column()];
            if *ask == GET || !expect.refuses_the_visitor() {
                continue;
            }
            let path = fixtures.fill(path);
            let url = app.url.clone();
            let (cookie, csrf, ask, visitor) = (cookie.clone(), csrf.clone(), *ask, visitor);
            asks.spawn(async move {
                let head = cut_short(&url, &path, ask, &cookie, &csrf, 1 << 20).await;
                match head {
                    Some((status, location)) if expect.matches(status, &location) => None,
                    Some((status, location)) => Some(format!(
                        "{visitor:?} POST {path}: {status} {location}, wanted {expect:?}"
                    )),
                    None => Some(format!(
                        "{visitor:?} POST {path}: no answer while the body was awaited"
                    )),
                }
            });
        }
    }
    let mut wrong: Vec<String> = asks.join_all().await.into_iter().flatten().collect();
    wrong.sort();
    assert!(
        wrong.is_empty(),
        "read the body first:\n{}",
        wrong.join("\n")
    );
}

/// A learner starts a 60 MB upload to each of an administrator's upload routes and sends only
/// its first bytes: each refuses them at once.
async fn a_learner_is_refused_an_upload_before_it_is_read(backend: Backend) {
    let app = spawn_app(backend).await;
    let fixtures = Fixtures::new(&app).await;
    let learner = Browser::new(&app, Visitor::Learner).await;
    let (cookie, csrf) = (learner.cookie(&app), app.csrf(&learner.client).await);
    for path in [
        "/import/staff",
        "/frameworks/import",
        "/campaigns/{campaign}/import",
        "/campaigns/{fresh}/quiz/new",
        "/campaigns/{fresh}/quiz/{fresh_quiz}/edit",
    ] {
        let path = fixtures.fill(path);
        let started = std::time::Instant::now();
        let head = cut_short(&app.url, &path, UPLOAD, &cookie, &csrf, 60 << 20).await;
        assert_eq!(head.map(|(status, _)| status), Some(403), "{path}");
        assert!(started.elapsed() < Duration::from_secs(5), "{path}");
    }
}

/// Every route that takes a body refuses one declared over its limit at once, before reading
/// any of it, with a page in the reader's language that names the limit. The forms with a
/// picture read up to their limit instead, and show the form again (tests/quiz_pictures.rs).
async fn a_body_over_its_routes_limit_is_refused_with_a_page_that_says_so(backend: Backend) {
    let app = spawn_app(backend).await;
    let fixtures = Fixtures::new(&app).await;
    let admin = Browser::new(&app, Visitor::Admin).await;
    let cookie = admin.cookie(&app);
    let csrf = app.csrf(&admin.client).await;
    let mut wrong = Vec::new();
    for route in skillgym_web::route_table() {
        let Some(limit) = route.body_limit else {
            continue;
        };
        if !route.refused_when_declared_larger {
            continue;
        }
        let (ask, _, path, _) = TABLE
            .iter()
            .find(|(ask, pattern, _, _)| method(*ask) == route.method && *pattern == route.path)
            .unwrap();
        let path = fixtures.fill(path);
        let (status, page) = refused_page(&app, &path, *ask, &cookie, limit + 1).await;
        let says = format!("This page accepts at most {} MB", limit >> 20);
        if status != 413 || !page.contains("What you sent is too large") || !page.contains(&says) {
            wrong.push(format!("POST {path}: {status}, {page}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "not refused as too large:\n{}",
        wrong.join("\n")
    );

    // In Welsh for a Welsh reader.
    admin
        .client
        .post(format!("{}/language", app.url))
        .form(&[("csrf", csrf.as_str()), ("lang", "cy")])
        .send()
        .await
        .unwrap();
    let (status, page) = refused_page(&app, "/sites/new", POST, &cookie, (2 << 20) + 1).await;
    assert_eq!(status, 413);
    assert!(
        page.contains("Mae&#39;r dudalen hon yn derbyn 2 MB ar y mwyaf"),
        "{page}"
    );
    admin
        .client
        .post(format!("{}/language", app.url))
        .form(&[("csrf", csrf.as_str()), ("lang", "en")])
        .send()
        .await
        .unwrap();

    // A browser sends the whole body: the page still reaches it, for a form and for a file.
    let response = admin
        .client
        .post(format!("{}/settings/retention", app.url))
        .form(&[("csrf", csrf.as_str()), ("months", &"9".repeat(3 << 20))])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("This page accepts at most 2 MB")
    );
    let file = reqwest::multipart::Part::bytes(vec![b'a'; 65 << 20]).file_name("staff.csv");
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf.clone())
        .part("staff_file", file);
    let response = admin
        .client
        .post(format!("{}/import/staff", app.url))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("This page accepts at most 64 MB")
    );

    // A client that reads the answer only once it has sent all of a body far over the limit
    // (as browsers do) is not cut off meanwhile: it gets the page.
    let size = 20 << 20;
    let mut request = request_head(&app.url, "/sites/new", POST, &cookie, size).into_bytes();
    request.resize(request.len() + size, b'x');
    let stream = tokio::net::TcpStream::connect(app.url.trim_start_matches("http://"))
        .await
        .unwrap();
    let (mut reading, mut writing) = stream.into_split();
    writing
        .write_all(&request)
        .await
        .expect("the whole body is taken");
    let answer = read_until(&mut reading, "</html>")
        .await
        .unwrap_or_default();
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("This page accepts at most 2 MB"));

    // A body that declares no length is held to the limit as it is read.
    let (status, page) = chunked_over_limit(&app, "/sites/new", &cookie, &csrf, 2 << 20).await;
    assert_eq!(status, 413, "{page}");
    assert!(page.contains("This page accepts at most 2 MB"), "{page}");
}

// ---- Fixtures and visitors --------------------------------------------------------------------

/// The ids a row's path names, found in the demo organisation (and one campaign made for the
/// test, which nobody has answered).
struct Fixtures(Vec<(&'static str, String)>);

impl Fixtures {
    async fn new(app: &TestApp) -> Fixtures {
        Fixtures::of(app, app.org, "afon.example").await
    }

    /// The fixtures of organisation `org`, whose demo accounts' emails are at `domain`.
    async fn of(app: &TestApp, org: OrganisationId, domain: &str) -> Fixtures {
        let at = |email: &str| email.replace("afon.example", domain);
        let store = app.store();
        let id_of = async |email: &str| {
            store
                .account_by_email(&Email::parse(email).unwrap())
                .await
                .unwrap()
                .unwrap()
                .person_id
        };
        let manager = id_of(&at("manager@afon.example")).await;
        let mut accounts = Vec::new();
        for visitor in VISITORS {
            if let Some(email) = visitor.demo_email() {
                accounts.push(id_of(&at(email)).await);
            }
        }
        // Someone the manager manages who has finished an audit, so that their profile has a
        // CSV to give.
        let filter = PersonFilter {
            managed_by: Some(manager),
            limit: 100,
            ..PersonFilter::default()
        };
        let mut managed = None;
        for person in store.people(org, &filter).await.unwrap().0 {
            if !accounts.contains(&person.id)
                && !store
                    .answered_campaigns(org, person.id)
                    .await
                    .unwrap()
                    .is_empty()
            {
                managed = Some(person.id);
                break;
            }
        }
        let managed = managed.expect("the manager manages someone who answered");
        // Someone they do not manage, with an email (so that an admin can give them an account).
        let unmanaged = someone_else(app, org, &accounts, manager, &[]).await;
        // A module that applies to `{managed}`, and a completion of theirs with a certificate.
        let mut requirement = None;
        for r in store.requirements(org).await.unwrap() {
            if store.standing(r.id, managed).await.unwrap().is_some() {
                requirement = Some(r.id);
                break;
            }
        }
        let requirement = requirement.expect("a demo module applies to them");
        let completed_on = time::macros::date!(2021 - 03 - 04);
        store
            .record_completion(
                org,
                requirement,
                managed,
                completed_on,
                None,
                skillgym_store::CompletionSource::Recorded,
                skillgym_store::Actor::System,
            )
            .await
            .unwrap();
        store
            .attach_evidence(
                org,
                requirement,
                managed,
                completed_on,
                &skillgym_store::EvidenceFile {
                    file_name: "certificate.pdf".into(),
                    content_type: "application/pdf".into(),
                    bytes: b"%PDF-1.4\n%%EOF\n".to_vec(),
                },
            )
            .await
            .unwrap();
        let evidence = store
            .completions(org, requirement, managed)
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.completed_on == completed_on)
            .unwrap()
            .id;
        // A question answered for everyone, and one the learner asked with their name that
        // waits for an answer.
        let answered_question = store
            .ask_question(org, None, "How do I scan?")
            .await
            .unwrap();
        store
            .answer_question(
                org,
                answered_question,
                &skillgym_store::NewAnswer {
                    wording: None,
                    answer: "With the scanner app.".into(),
                    competence: None,
                },
                manager,
            )
            .await
            .unwrap();
        let learner = id_of(&at("learner@afon.example")).await;
        let waiting_question = store
            .ask_question(org, Some(learner), "Where is the printer?")
            .await
            .unwrap();
        let campaign = store.campaigns(org).await.unwrap()[0].id;
        let framework = store.frameworks(org).await.unwrap()[0].id;
        // The framework's first area and competence, which the demo's campaigns have answers
        // about.
        let stored = store.framework(org, framework).await.unwrap();
        let area = stored.framework.areas[0].code.clone();
        let competence = stored.framework.areas[0].competences[0].code.clone();
        let fresh = {
            let demo = store.campaign(org, campaign).await.unwrap();
            let new = skillgym_store::NewCampaign {
                framework: demo.framework_id,
                title: demo.title.clone(),
                opens_on: time::macros::date!(2030 - 01 - 01),
                closes_on: time::macros::date!(2030 - 02 - 01),
                anonymous: false,
                competences: demo
                    .areas
                    .iter()
                    .flat_map(|a| a.competences.iter().map(|c| c.id))
                    .collect(),
                audience: Default::default(),
                content: skillgym_domain::audit::CampaignContent {
                    title: demo.title.clone(),
                    profile_questions: demo.questions.iter().map(|(_, q)| q.clone()).collect(),
                    quiz: demo.quiz.iter().map(|(_, q)| q.clone()).collect(),
                },
                pictures: store.campaign_pictures(demo.id).await.unwrap(),
                cloned_from: Some(demo.id),
            };
            let id = store.create_campaign(org, &new).await.unwrap();
            store.campaign(org, id).await.unwrap()
        };
        // A campaign that asked one team, none of whose people the manager manages.
        let mut other_team = None;
        for team in store.teams(org).await.unwrap() {
            let members = PersonFilter {
                team: Some(team.id),
                limit: 1000,
                ..PersonFilter::default()
            };
            let people = store.people(org, &members).await.unwrap().0;
            let mut theirs = false;
            for p in &people {
                theirs |= p.id == manager || store.manages(manager, p.id).await.unwrap();
            }
            if !people.is_empty() && !theirs {
                other_team = Some(team.id);
                break;
            }
        }
        let not_their_team = {
            let demo = store.campaign(org, campaign).await.unwrap();
            let new = skillgym_store::NewCampaign {
                framework: demo.framework_id,
                title: demo.title.clone(),
                opens_on: time::OffsetDateTime::now_utc().date() - time::Duration::days(1),
                closes_on: time::OffsetDateTime::now_utc().date() + time::Duration::days(30),
                anonymous: false,
                competences: demo
                    .areas
                    .iter()
                    .flat_map(|a| a.competences.iter().map(|c| c.id))
                    .collect(),
                audience: skillgym_domain::audit::Audience {
                    teams: vec![other_team.expect("a team the manager does not manage")],
                    ..Default::default()
                },
                content: skillgym_domain::audit::CampaignContent {
                    title: demo.title.clone(),
                    profile_questions: Vec::new(),
                    quiz: Vec::new(),
                },
                pictures: Vec::new(),
                cloned_from: None,
            };
            store.create_campaign(org, &new).await.unwrap()
        };
        // A network the organisation runs and belongs to, with the demo campaign published to
        // it and opened for the organisation's own staff.
        let network = store
            .create_network(
                org,
                &skillgym_store::NewNetwork {
                    slug: skillgym_domain::OrganisationSlug::parse(&format!("net-{org}")).unwrap(),
                    name: format!("Network of {domain}"),
                    name_cy: None,
                },
            )
            .await
            .unwrap();
        store.add_network_member(network.id, org).await.unwrap();
        let system = skillgym_store::Actor::System;
        store
            .publish_network_campaign(org, network.id, campaign, system)
            .await
            .unwrap();
        store
            .publish_network_framework(org, network.id, framework)
            .await
            .unwrap();
        let activity = store.catalogue(org).await.unwrap()[0].id;
        store
            .publish_network_activity(org, network.id, activity)
            .await
            .unwrap();
        let today = time::OffsetDateTime::now_utc().date();
        let opened = store
            .open_network_campaign_for(org, campaign, today, today, system)
            .await
            .unwrap();
        Fixtures(vec![
            ("public_code", public_code(app, org).await),
            (
                "activity",
                store.catalogue(org).await.unwrap()[0].id.to_string(),
            ),
            ("session", fixture_session(app, org).await.to_string()),
            (
                "service",
                store.services(org).await.unwrap()[0].id.to_string(),
            ),
            ("kit", fixture_kit(app, org).await.to_string()),
            ("kit_site", fixture_kit_site(app, org).await.to_string()),
            ("plan", fixture_plan(app, org, managed).await.to_string()),
            ("club", fixture_club(app, org).await.to_string()),
            ("assignment", fixture_assignment(app, org).await.to_string()),
            (
                "org_slug",
                store
                    .organisation(org)
                    .await
                    .unwrap()
                    .slug
                    .as_str()
                    .to_string(),
            ),
            ("network_code", network_code(app, org, campaign).await),
            ("network_campaign", campaign.to_string()),
            ("network", network.id.to_string()),
            ("opened", opened.to_string()),
            ("not_their_team", not_their_team.to_string()),
            ("campaign", campaign.to_string()),
            ("fresh_question", fresh.questions[0].0.to_string()),
            ("fresh_quiz", fresh.quiz[0].0.to_string()),
            ("fresh", fresh.id.to_string()),
            ("framework", framework.to_string()),
            ("area", area),
            ("competence", competence),
            ("unmanaged", unmanaged.to_string()),
            ("managed", managed.to_string()),
            ("requirement", requirement.to_string()),
            ("evidence", evidence.to_string()),
            ("answered_question", answered_question.to_string()),
            // The learner sign-in: nobody's champion.
            ("not_champion", learner.to_string()),
            (
                "champion_person",
                id_of(&at("champion@afon.example")).await.to_string(),
            ),
            (
                "pairing",
                store.pairings(org, None).await.unwrap()[0].id.to_string(),
            ),
            ("waiting_question", waiting_question.to_string()),
            (
                "clipping",
                store.clippings(org, "", 0, 1).await.unwrap().0[0]
                    .id
                    .to_string(),
            ),
            (
                "write_up",
                store.write_ups(org, 0).await.unwrap()[0].id.to_string(),
            ),
            (
                "board_post",
                store.board_posts(org).await.unwrap()[0].id.to_string(),
            ),
            ("site", store.sites(org).await.unwrap()[0].id.to_string()),
            ("team", store.teams(org).await.unwrap()[0].id.to_string()),
            // An id nothing has.
            ("none", "999999".to_string()),
        ])
    }

    fn fill(&self, path: &str) -> String {
        let mut path = path.to_string();
        for (name, value) in &self.0 {
            path = path.replace(&format!("{{{name}}}"), value);
        }
        assert!(
            !path.contains('{'),
            "{path} names a fixture that does not exist"
        );
        path
    }
}

/// The member's own opening of the network campaign (`{opened}`): the one campaign of `org`
/// that opens another.
async fn opened(app: &TestApp, org: OrganisationId) -> CampaignId {
    let store = app.store();
    for c in store.campaigns(org).await.unwrap() {
        if store
            .opened_network_campaign(org, c.id)
            .await
            .unwrap()
            .is_some()
        {
            return c.id;
        }
    }
    panic!("the fixtures open a network campaign")
}

/// The organisation's first club.
async fn fixture_club(app: &TestApp, org: OrganisationId) -> skillgym_domain::ActivityId {
    app.store()
        .catalogue(org)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.activity.kind == skillgym_domain::learning::ActivityKind::Club)
        .expect("the demo catalogue has a club")
        .id
}

/// A site nobody works at, for kit whose use only champions, trainers and administrators may
/// log.
async fn fixture_kit_site(app: &TestApp, org: OrganisationId) -> i64 {
    let code = skillgym_domain::SiteCode::parse("KIT-STORE").unwrap();
    let store = app.store();
    if let Some(site) = store.site_codes(org).await.unwrap().get(code.as_str()) {
        return site.0;
    }
    let input = skillgym_store::SiteInput {
        code,
        name: skillgym_domain::SiteName::parse("Kit store").unwrap(),
        kind: skillgym_domain::SiteKind::Headquarters,
        location: skillgym_domain::Location::parse("", "", "").unwrap(),
    };
    store.create_site(org, &input).await.unwrap().0
}

/// Kit at that site.
async fn fixture_kit(app: &TestApp, org: OrganisationId) -> i64 {
    fixture_kit_site(app, org).await;
    let item = skillgym_domain::kit::KitItem {
        code: skillgym_domain::kit::KitCode::parse("FIXTURE-VR").unwrap(),
        name: "VR headset".into(),
        description: String::new(),
        site: skillgym_domain::SiteCode::parse("KIT-STORE").unwrap(),
        competences: vec!["DEVICES-1".into()],
    };
    let today = time::OffsetDateTime::now_utc().date();
    app.store()
        .save_kit(org, None, &item, today, skillgym_store::Actor::System)
        .await
        .unwrap()
        .0
}

/// An assignment of the first club, whose cohort none of the visitors is in.
async fn fixture_assignment(app: &TestApp, org: OrganisationId) -> i64 {
    let club = fixture_club(app, org).await;
    let new = skillgym_store::NewAssignment {
        title: "Week 1".into(),
        brief: "Try it".into(),
        due_on: time::macros::date!(2030 - 01 - 01),
    };
    let someone = app
        .store()
        .person_ids(org)
        .await
        .unwrap()
        .into_values()
        .next()
        .unwrap();
    app.store()
        .set_assignment(org, club, &new, someone)
        .await
        .unwrap()
        .0
}

/// A plan proposed for `managed` from a campaign with names they finished.
async fn fixture_plan(app: &TestApp, org: OrganisationId, managed: PersonId) -> i64 {
    let store = app.store();
    let campaign = store
        .answered_campaigns(org, managed)
        .await
        .unwrap()
        .into_iter()
        .find(|c| !c.anonymous)
        .expect("the managed person finished a campaign with names")
        .id;
    let cache = skillgym_reporting::AnalysisCache::default();
    let reports = skillgym_reporting::Reports::open(store, &cache, org)
        .await
        .unwrap();
    let campaign = reports.campaign(campaign).await.unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let whom = skillgym_reporting::proposals::Whom::One(managed, None);
    let found = skillgym_reporting::proposals::proposals(&reports, &campaign, whom, today)
        .await
        .unwrap();
    store
        .save_proposals(org, &found.drafts, skillgym_store::Actor::System)
        .await
        .unwrap();
    store
        .current_plan(org, managed)
        .await
        .unwrap()
        .expect("a plan")
        .id
        .0
}

/// A session of the first activity a week from now, with two places.
async fn fixture_session(app: &TestApp, org: OrganisationId) -> skillgym_domain::SessionId {
    let store = app.store();
    let activity = store.catalogue(org).await.unwrap()[0].id;
    let starts_at = skillgym_store::now() + 7 * 86_400;
    let new = skillgym_store::NewSession {
        starts_at,
        ends_at: starts_at + 3600,
        site: None,
        capacity: 2,
    };
    store.schedule_session(org, activity, &new).await.unwrap()
}

/// The code of `{opened}`'s public link, opened to anyone (once).
async fn public_code(app: &TestApp, org: OrganisationId) -> String {
    let campaign = opened(app, org).await;
    let (anyone, system) = (PublicLinkMode::Anonymous, skillgym_store::Actor::System);
    let code = format!("public-{org}");
    let store = app.store();
    store
        .set_public_link(org, campaign, Some(anyone), &code, system)
        .await
        .unwrap();
    store
        .public_link_of(org, campaign)
        .await
        .unwrap()
        .unwrap()
        .code
}

/// The code of the network campaign's public link, opened to anyone.
async fn network_code(app: &TestApp, org: OrganisationId, campaign: CampaignId) -> String {
    let (anyone, system) = (PublicLinkMode::Anonymous, skillgym_store::Actor::System);
    let code = format!("network-{org}");
    let store = app.store();
    store
        .set_public_link(org, campaign, Some(anyone), &code, system)
        .await
        .unwrap();
    store
        .public_link_of(org, campaign)
        .await
        .unwrap()
        .unwrap()
        .code
}

/// Someone with an email and no account, whom `manager` does not manage, other than `besides`.
async fn someone_else(
    app: &TestApp,
    org: OrganisationId,
    accounts: &[PersonId],
    manager: PersonId,
    besides: &[PersonId],
) -> PersonId {
    let store = app.store();
    // In id order, so that every call gives the same person.
    let mut ids: Vec<PersonId> = store.person_ids(org).await.unwrap().into_values().collect();
    ids.sort();
    for id in ids {
        if accounts.contains(&id)
            || besides.contains(&id)
            || store.manages(manager, id).await.unwrap()
        {
            continue;
        }
        if store.person(org, id).await.unwrap().email.is_some() {
            return id;
        }
    }
    panic!("the demo has people enough")
}

/// A browser for one kind of visitor, whose cookies the test can read.
struct Browser {
    visitor: Visitor,
    client: Client,
    jar: Arc<Jar>,
}

impl Browser {
    async fn new(app: &TestApp, visitor: Visitor) -> Browser {
        let jar = Arc::new(Jar::default());
        let client = Client::builder()
            .cookie_provider(jar.clone())
            .redirect(Policy::none())
            .build()
            .unwrap();
        let email = match visitor {
            Visitor::SignedOut => None,
            Visitor::Leaver => Some(make_account(app, Role::Admin).await),
            Visitor::Coordinator => Some(make_account(app, Role::Coordinator).await),
            _ => visitor.demo_email().map(String::from),
        };
        if visitor == Visitor::Respondent {
            let code = public_code(app, app.org).await;
            let response = app.post(&client, &format!("/take/{code}"), &[]).await;
            assert_eq!(
                response.status(),
                StatusCode::SEE_OTHER,
                "starts through the link"
            );
        }
        if let Some(email) = &email {
            let response = app
                .post(
                    &client,
                    "/sign-in",
                    &[("email", email.as_str()), ("password", DEMO_PASSWORD)],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{email} signs in");
        }
        if visitor == Visitor::Leaver {
            // They leave, as a departure is recorded: their "left on" date is yesterday.
            let email = Email::parse(email.as_deref().unwrap()).unwrap();
            let person = app
                .store()
                .account_by_email(&email)
                .await
                .unwrap()
                .unwrap()
                .person_id;
            let yesterday = time::OffsetDateTime::now_utc()
                .date()
                .previous_day()
                .unwrap();
            app.store()
                .set_left_on(app.org, person, Some(yesterday))
                .await
                .unwrap();
        }
        Browser {
            visitor,
            client,
            jar,
        }
    }

    /// The Cookie header this browser sends.
    fn cookie(&self, app: &TestApp) -> String {
        self.jar
            .cookies(&app.url.parse().unwrap())
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    }

    /// Asks every row of the table (`GET`s first, then the forms, `/sign-out` last), and every
    /// path no route answers; gives the answers that are not the table's.
    async fn walk(&self, app: &TestApp, fixtures: &Fixtures) -> Vec<String> {
        let who = self.visitor;
        let mut wrong = Vec::new();
        for path in NO_ROUTE {
            let status = app.get(&self.client, path).await.status();
            if status != StatusCode::NOT_FOUND {
                wrong.push(format!("{who:?} GET {path}: {status}, wanted Missing"));
            }
        }
        let gets = TABLE.iter().filter(|row| row.0 == GET);
        let forms = TABLE.iter().filter(|row| row.0 != GET);
        for (ask, _, path, expect) in gets.chain(forms) {
            let path = fixtures.fill(path);
            let expect = expect[who.column()];
            let method = method(*ask);
            let response = self.ask(app, *ask, &path, true).await;
            let (status, to) = (response.status().as_u16(), location(&response).to_string());
            if !expect.matches(status, &to) {
                wrong.push(format!(
                    "{who:?} {method} {path}: {status} {to}, wanted {expect:?}"
                ));
            }
            // Without its CSRF token, a form is refused: by who is asking first, or as forged.
            if *ask != GET && path != "/sign-out" {
                let response = self.ask(app, *ask, &path, false).await;
                let (status, to) = (response.status().as_u16(), location(&response).to_string());
                let expect = if expect.refuses_the_visitor() {
                    expect
                } else {
                    DENIED
                };
                if !expect.matches(status, &to) {
                    wrong.push(format!(
                        "{who:?} {method} {path} without CSRF: {status} {to}, wanted {expect:?}"
                    ));
                }
            }
        }
        wrong
    }

    async fn ask(&self, app: &TestApp, ask: Ask, path: &str, with_csrf: bool) -> reqwest::Response {
        let url = format!("{}{path}", app.url);
        let csrf = if with_csrf {
            app.csrf(&self.client).await
        } else {
            String::new()
        };
        let request = match ask {
            Ask::Get => self.client.get(url),
            Ask::Post if with_csrf => self.client.post(url).form(&[("csrf", csrf)]),
            Ask::Post => self.client.post(url).form(&[("name", "x")]),
            Ask::Put if with_csrf => self.client.put(url).form(&[("csrf", csrf)]),
            Ask::Put => self.client.put(url).form(&[("name", "x")]),
            Ask::Upload => {
                let form = reqwest::multipart::Form::new();
                let form = if with_csrf {
                    form.text("csrf", csrf)
                } else {
                    form.text("name", "x")
                };
                self.client.post(url).multipart(form)
            }
        };
        request.send().await.unwrap()
    }
}

/// Gives someone who is not a demo account an account holding `role` with the demo password;
/// their email.
async fn make_account(app: &TestApp, role: Role) -> String {
    let store = app.store();
    let id_of = async |email: &str| {
        store
            .account_by_email(&Email::parse(email).unwrap())
            .await
            .unwrap()
            .unwrap()
            .person_id
    };
    let manager = id_of("manager@afon.example").await;
    let mut accounts = Vec::new();
    for visitor in VISITORS {
        if let Some(email) = visitor.demo_email() {
            accounts.push(id_of(email).await);
        }
    }
    // Not the person the table gives an account to (the first someone else), nor anyone with
    // an account already, nor anyone who has answered an audit: their results would be theirs
    // to see, as for no demo account.
    let unmanaged = someone_else(app, app.org, &accounts, manager, &[]).await;
    let mut besides = vec![unmanaged];
    let person = loop {
        let person = someone_else(app, app.org, &accounts, manager, &besides).await;
        let free = store
            .person(app.org, person)
            .await
            .unwrap()
            .account
            .is_none();
        if free
            && store
                .answered_campaigns(app.org, person)
                .await
                .unwrap()
                .is_empty()
        {
            break person;
        }
        besides.push(person);
    };
    let email = store.person(app.org, person).await.unwrap().email.unwrap();
    let admin = store
        .account_for_sign_in(&Email::parse("admin@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    store
        .create_account(&NewAccount {
            person,
            email: Email::parse(&email).unwrap(),
            password_hash: admin.password_hash,
            roles: Roles::default().with(role),
        })
        .await
        .unwrap();
    email
}

// ---- Requests by hand -------------------------------------------------------------------------

/// The head of a form post declaring a body of `declared` bytes, and the start of that body.
fn request_head(url: &str, path: &str, ask: Ask, cookie: &str, declared: usize) -> String {
    let authority = url.trim_start_matches("http://");
    let content_type = match ask {
        Ask::Upload => "multipart/form-data; boundary=cut-short",
        _ => "application/x-www-form-urlencoded",
    };
    format!(
        "{} {path} HTTP/1.1\r\nHost: {authority}\r\nCookie: {cookie}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {declared}\r\n\r\n",
        method(ask)
    )
}

fn body_start(ask: Ask, csrf: &str) -> String {
    match ask {
        Ask::Upload => format!(
            "--cut-short\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
             --cut-short\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
        ),
        _ => format!("csrf={csrf}&name="),
    }
}

/// Sends a form's head and the first bytes of a body declared at `declared` bytes, and nothing
/// more; gives the status and location of the answer, if one comes within ten seconds.
async fn cut_short(
    url: &str,
    path: &str,
    ask: Ask,
    cookie: &str,
    csrf: &str,
    declared: usize,
) -> Option<(u16, String)> {
    let request = request_head(url, path, ask, cookie, declared) + &body_start(ask, csrf);
    let answer = exchange(url, request.into_bytes(), "\r\n\r\n").await?;
    let (status, headers) = head_of(&answer);
    let location = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("location"))
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    Some((status, location))
}

/// Declares a body of `declared` bytes and sends none of it; gives the status and the page.
async fn refused_page(
    app: &TestApp,
    path: &str,
    ask: Ask,
    cookie: &str,
    declared: usize,
) -> (u16, String) {
    let request = request_head(&app.url, path, ask, cookie, declared);
    let answer = exchange(&app.url, request.into_bytes(), "</html>")
        .await
        .unwrap_or_else(|| panic!("POST {path}: no answer to a body over the limit"));
    (head_of(&answer).0, answer)
}

/// Sends a form of `size` bytes without declaring its length (chunked), then waits.
async fn chunked_over_limit(
    app: &TestApp,
    path: &str,
    cookie: &str,
    csrf: &str,
    limit: usize,
) -> (u16, String) {
    let authority = app.url.trim_start_matches("http://");
    let mut body = format!("csrf={csrf}&name=").into_bytes();
    body.resize(limit + 1024, b'x');
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: {authority}\r\nCookie: {cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n\
         {:x}\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(&body);
    request.extend_from_slice(b"\r\n");
    let answer = exchange(&app.url, request, "</html>")
        .await
        .unwrap_or_else(|| panic!("POST {path}: no answer to a body over the limit"));
    (head_of(&answer).0, answer)
}

/// Writes `request` and reads what comes back until `until` appears, the connection closes, or
/// ten seconds pass (`None`). The connection is kept open meanwhile, as a slow upload would.
async fn exchange(url: &str, request: Vec<u8>, until: &str) -> Option<String> {
    let stream = tokio::net::TcpStream::connect(url.trim_start_matches("http://"))
        .await
        .unwrap();
    let (mut reading, mut writing) = stream.into_split();
    let sender = tokio::spawn(async move {
        writing.write_all(&request).await?;
        std::future::pending::<()>().await;
        Ok::<_, std::io::Error>(())
    });
    let answer = read_until(&mut reading, until).await;
    sender.abort();
    answer
}

/// What comes back until `until` appears or the connection closes, if that is within ten
/// seconds and anything comes.
async fn read_until(reading: &mut tokio::net::tcp::OwnedReadHalf, until: &str) -> Option<String> {
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), async {
        let mut buffer = [0u8; 16 * 1024];
        loop {
            let n = reading.read(&mut buffer).await.unwrap_or(0);
            answer.extend_from_slice(&buffer[..n]);
            if n == 0 || String::from_utf8_lossy(&answer).contains(until) {
                break;
            }
        }
    })
    .await;
    read.ok().filter(|_| !answer.is_empty())?;
    Some(String::from_utf8_lossy(&answer).to_string())
}

/// The status and headers of a raw HTTP answer.
fn head_of(answer: &str) -> (u16, Vec<(String, String)>) {
    let mut lines = answer.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    (status, headers)
}
