//! The directory of champions Find help searches ([`Directory`]), read whole from the database,
//! and the version that says when a directory read earlier is out of date.
//!
//! A search at national size looks at thousands of champions to find the hundreds who can
//! help, and each champion's latest rating of a skill is a walk through their audit answers:
//! too slow to do per request. The directory is read once (a few queries of the whole
//! organisation) and kept by the web server while the organisation's `help_version` stays the
//! same; the database's triggers move it on any write that could change what Find help shows
//! (migration 0049), whichever instance made it.

use crate::champions::{HOLDS_ROLE, NAME};
use crate::dates::optional_date;
use crate::{Fields, Result, Store, StoreError};
use skillgym_domain::champions::{Directory, HelpTopic, Listing, Place};
use skillgym_domain::{KitId, OrganisationId, PersonId, ServiceId, SiteId};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Approved champions holding the role, with the day they leave.
static CHAMPIONS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT ch.person_id, {NAME} AS name, ch.availability, p.left_on \
         FROM champions ch JOIN people p ON p.id = ch.person_id \
         WHERE ch.organisation_id = $1 AND ch.status = 'approved' AND {HOLDS_ROLE}"
    )
});

/// Where each champion helps.
const SITES: &str = "SELECT cs.person_id, s.id AS site_id, s.name, s.latitude, s.longitude \
     FROM champion_sites cs JOIN sites s ON s.id = cs.site_id \
     WHERE cs.organisation_id = $1 ORDER BY cs.person_id, s.name, s.id";

/// What they listed, and the kit the register says they are trained on: (person, topic).
const LISTED: [(&str, Kind); 3] = [
    (
        "SELECT person_id, competence AS topic FROM champion_competences \
         WHERE organisation_id = $1",
        Kind::Competence,
    ),
    (
        "SELECT person_id, CAST(service_id AS TEXT) AS topic FROM champion_services \
         WHERE organisation_id = $1",
        Kind::Service,
    ),
    (
        "SELECT person_id, CAST(kit_id AS TEXT) AS topic FROM kit_trained \
         WHERE organisation_id = $1",
        Kind::Kit,
    ),
];

/// The ratings of champions who agreed that theirs be used: (person, topic, value). A skill's
/// is the latest in an audit that kept their name ("not sure", 0, is no rating); a service's
/// is what they said last, in an audit or on its page.
const RATED: [(&str, Kind); 2] = [
    (
        "SELECT person_id, code AS topic, value FROM ( \
             SELECT s.person_id, k.code, r.value, ROW_NUMBER() OVER \
                 (PARTITION BY s.person_id, k.code ORDER BY s.submitted_at DESC, s.id DESC) AS n \
             FROM champions ch \
             JOIN responses s ON s.person_id = ch.person_id AND s.submitted_at IS NOT NULL \
             JOIN campaigns c ON c.id = s.campaign_id AND c.anonymous = 0 \
                 AND c.organisation_id = $1 \
             JOIN ratings r ON r.response_id = s.id \
             JOIN competences k ON k.id = r.competence_id \
             WHERE ch.organisation_id = $1 AND ch.status = 'approved' AND ch.findable = 1 \
         ) t WHERE n = 1",
        Kind::Competence,
    ),
    (
        "SELECT c.person_id, CAST(c.service_id AS TEXT) AS topic, c.confidence AS value \
         FROM service_confidence c JOIN champions ch ON ch.person_id = c.person_id \
         WHERE c.organisation_id = $1 AND ch.status = 'approved' AND ch.findable = 1",
        Kind::Service,
    ),
];

#[derive(Clone, Copy)]
enum Kind {
    Competence,
    Service,
    Kit,
}

impl Kind {
    fn topic(self, text: String) -> Result<HelpTopic> {
        let id = |text: &str| {
            text.parse::<i64>()
                .map_err(|_| StoreError::Corrupt(format!("help topic id {text:?}")))
        };
        Ok(match self {
            Kind::Competence => HelpTopic::Competence(text),
            Kind::Service => HelpTopic::Service(ServiceId(id(&text)?)),
            Kind::Kit => HelpTopic::Kit(KitId(id(&text)?)),
        })
    }
}

/// Reads every row of `sql` (whose one parameter is the organisation), on the calling thread on
/// SQLite (the rows cross no thread), through the pool on PostgreSQL.
macro_rules! read_rows {
    ($store:expr, $sql:expr, $org:expr, $decode:path $(, $arg:expr)*) => {
        match &$store.inline {
            Some(inline) => inline.read(|conn| {
                crate::inline::rows(conn, $sql, &[&$org.0], |r| $decode(r $(, $arg)*))
            })?,
            None => sqlx::query($sql)
                .bind($org.0)
                .fetch_all(&$store.pool)
                .await?
                .iter()
                .map(|r| $decode(r $(, $arg)*))
                .collect::<Result<Vec<_>>>()?,
        }
    };
}

fn person(r: &(impl Fields + ?Sized)) -> Result<PersonId> {
    Ok(PersonId(r.field("person_id")?))
}

fn site_row(r: &(impl Fields + ?Sized)) -> Result<(PersonId, Place, String)> {
    let lat: Option<f64> = r.field("latitude")?;
    let lon: Option<f64> = r.field("longitude")?;
    let place = Place {
        site: SiteId(r.field("site_id")?),
        at: lat.zip(lon),
    };
    Ok((person(r)?, place, r.field("name")?))
}

fn listing_row(r: &(impl Fields + ?Sized)) -> Result<Listing> {
    Ok(Listing {
        person: person(r)?,
        name: r.field("name")?,
        availability: r.field("availability")?,
        leaves_on: optional_date(r, "left_on")?,
        places: Vec::new(),
    })
}

fn listed_row(r: &(impl Fields + ?Sized), kind: Kind) -> Result<(PersonId, HelpTopic)> {
    Ok((person(r)?, kind.topic(r.field("topic")?)?))
}

fn rated_row(r: &(impl Fields + ?Sized), kind: Kind) -> Result<(PersonId, HelpTopic, u8)> {
    let value: i64 = r.field("value")?;
    // Anything but 1 to 5 is no rating.
    Ok((
        person(r)?,
        kind.topic(r.field("topic")?)?,
        u8::try_from(value).unwrap_or(0),
    ))
}

impl Store {
    /// Where `org`'s directory of champions stands: it moves whenever what Find help would
    /// show may have changed. `NotFound` for no such organisation.
    pub async fn help_version(&self, org: OrganisationId) -> Result<i64> {
        sqlx::query_scalar("SELECT help_version FROM organisations WHERE id = $1")
            .bind(org.0)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// `org`'s directory of champions, with the [`Store::help_version`] it was read at (read
    /// first, so that a change made meanwhile moves the version past it).
    pub async fn champion_directory(&self, org: OrganisationId) -> Result<(i64, Directory)> {
        let version = self.help_version(org).await?;
        let mut places: HashMap<PersonId, Vec<(Place, String)>> = HashMap::new();
        for (who, place, name) in read_rows!(self, SITES, org, site_row) {
            places.entry(who).or_default().push((place, name));
        }
        let mut directory = Directory::default();
        for mut listing in read_rows!(self, CHAMPIONS.as_str(), org, listing_row) {
            listing.places = places.remove(&listing.person).unwrap_or_default();
            directory.add(listing);
        }
        for (sql, kind) in LISTED {
            for (who, topic) in read_rows!(self, sql, org, listed_row, kind) {
                directory.listed(who, topic);
            }
        }
        for (sql, kind) in RATED {
            for (who, topic, value) in read_rows!(self, sql, org, rated_row, kind) {
                directory.rated(who, topic, value);
            }
        }
        Ok((version, directory))
    }
}
