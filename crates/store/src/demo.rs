//! Loading the demo organisation, through the same staff-file path an HR import takes.

use crate::{
    NewAccount, NewCampaign, NewOrganisation, Organisation, Result, SiteInput, Store, StoreError,
};
use skillgym_domain::audit::campaign::{join, standard_pictures};
use skillgym_domain::audit::simulate::{Asked, Respondent, SimulatedResponse, simulate};
use skillgym_domain::audit::{CampaignContent, Framework};
use skillgym_domain::demo::DemoOrganisation;
use skillgym_domain::{Employment, JobFamily, OrganisationId};
use skillgym_domain::{PersonId, SiteName};
use sqlx::AssertSqlSafe;
use sqlx::Row;
use std::collections::HashMap;

/// The code of the network demo's public link: `/take/network-demo`.
pub const DEMO_PUBLIC_LINK: &str = "network-demo";

impl Store {
    /// Creates the demo organisation with its sites, people, team managers and sign-ins.
    /// `password_hash` is the hash every demo sign-in gets.
    pub async fn seed_demo(
        &self,
        demo: &DemoOrganisation,
        password_hash: &str,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<Organisation> {
        let org = self
            .create_organisation(&NewOrganisation {
                slug: self.unused_slug(&demo.name).await?,
                name: demo.name.clone(),
                name_cy: Some(demo.name_cy.clone()),
                main_language: demo.main_language.into(),
            })
            .await?;
        for site in &demo.sites {
            self.create_site(
                org.id,
                &SiteInput {
                    code: site.code.clone(),
                    name: SiteName::parse(site.name.as_str()).map_err(crate::people::corrupt)?,
                    kind: site.kind,
                    location: site.location.clone(),
                },
            )
            .await?;
        }
        self.apply_staff_file(org.id, &demo.staff, crate::Absent::Keep, progress)
            .await?;
        let ids = self.person_ids(org.id).await?;
        let teams: HashMap<String, _> = self
            .teams(org.id)
            .await?
            .into_iter()
            .map(|t| (t.name.clone(), t.id))
            .collect();
        let mut tx = self.begin_write().await?;
        for team in &demo.teams {
            if let (Some(team_id), Some(manager)) = (
                teams.get(team.name.as_str()),
                ids.get(team.manager.as_str()),
            ) {
                sqlx::query("UPDATE teams SET manager_id = $1 WHERE id = $2")
                    .bind(manager.0)
                    .bind(team_id.0)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        for account in &demo.accounts {
            if let Some(person) = ids.get(account.employee_number.as_str()) {
                self.create_account(&NewAccount {
                    person: *person,
                    email: account.email.clone(),
                    password_hash: Some(password_hash.to_string()),
                    roles: account.roles,
                })
                .await?;
            }
        }
        let keep_free: Vec<PersonId> = demo
            .accounts
            .iter()
            .filter_map(|a| ids.get(a.employee_number.as_str()).copied())
            .collect();
        if demo.audits {
            self.seed_demo_audit(org.id, &keep_free, demo.national, demo.response_rate)
                .await?;
            self.seed_demo_catalogue(org.id, &keep_free).await?;
            self.seed_demo_services(org.id, &keep_free).await?;
            self.seed_demo_kit(org.id, &keep_free).await?;
            self.seed_demo_training(org.id, &keep_free).await?;
            self.seed_demo_evaluation(org.id, &keep_free).await?;
            let trainer = demo
                .accounts
                .iter()
                .find(|a| a.roles.has(skillgym_domain::Role::Trainer))
                .and_then(|a| ids.get(a.employee_number.as_str()).copied());
            self.seed_demo_questions(org.id, demo.main_language == "cy", trainer)
                .await?;
            let holding = |role: skillgym_domain::Role| {
                demo.accounts
                    .iter()
                    .find(|a| a.roles.has(role))
                    .and_then(|a| ids.get(a.employee_number.as_str()).copied())
            };
            self.seed_demo_champions(
                org.id,
                demo.main_language == "cy",
                holding(skillgym_domain::Role::Champion),
                holding(skillgym_domain::Role::Manager),
                &keep_free,
            )
            .await?;
            self.seed_demo_horizon_and_board(org.id, demo.main_language == "cy", demo, &ids)
                .await?;
        }
        Ok(org)
    }

    /// The demo's mandatory training: data protection and cyber security for everyone every
    /// year, Learn My Way for frontline staff every two years, with completions spread over the
    /// last fourteen months so that the matrix shows people done, due soon, overdue and never
    /// started. The demo sign-ins have done none.
    async fn seed_demo_training(&self, org: OrganisationId, keep_free: &[PersonId]) -> Result<()> {
        use skillgym_domain::audit::Localised;
        use skillgym_domain::training::{Audience, Renewal};
        let today = crate::training::today();
        let starts_on = today - time::Duration::days(730);
        let modules = [
            (
                "DP-ANNUAL",
                "Data protection",
                "Diogelu data",
                Some(12),
                Audience::default(),
            ),
            (
                "CYBER",
                "Cyber security awareness",
                "Ymwybyddiaeth seiberddiogelwch",
                Some(12),
                Audience::default(),
            ),
            (
                "LMW",
                "Learn My Way: helping people online",
                "Learn My Way: helpu pobl ar-lein",
                Some(24),
                Audience {
                    job_families: vec![skillgym_domain::JobFamily::Frontline],
                    ..Audience::default()
                },
            ),
        ];
        let mut ids = Vec::new();
        for (code, en, cy, months, audience) in modules {
            let renewal = Renewal::new(months, if months == Some(12) { 30 } else { 0 }, 28)
                .map_err(|e| StoreError::Corrupt(e.0.into()))?;
            ids.push(
                self.add_requirement(
                    org,
                    &crate::NewRequirement {
                        code: code.into(),
                        title: Localised::new(en, Some(cy.into())),
                        activity: None,
                        url: Some("https://learning.example.org/mandatory".into()),
                        renewal,
                        audience,
                        starts_on,
                    },
                    None,
                )
                .await?,
            );
        }
        let mut people: Vec<PersonId> = self
            .person_ids(org)
            .await?
            .into_values()
            .filter(|p| !keep_free.contains(p))
            .collect();
        people.sort();
        let mut rows = Vec::new();
        for (i, person) in people.iter().enumerate() {
            for (r, id) in ids.iter().enumerate() {
                // About one in ten never did it; the rest between today and 14 months ago.
                if (i * 7 + r * 3) % 10 == 0 {
                    continue;
                }
                let days = ((i * 37 + r * 101) % 430) as i64;
                rows.push(serde_json::json!([
                    org.0,
                    id.0,
                    person.0,
                    skillgym_domain::people::format_date(today - time::Duration::days(days)),
                    "import",
                    crate::now(),
                ]));
            }
        }
        let mut tx = self.begin_write().await?;
        for chunk in rows.chunks(5000) {
            sqlx::query(sqlx::AssertSqlSafe(crate::plans::insert_json_rows(
                self.backend,
                "training_completions",
                &[
                    ("organisation_id", "BIGINT"),
                    ("requirement_id", "BIGINT"),
                    ("person_id", "BIGINT"),
                    ("completed_on", "TEXT"),
                    ("source", "TEXT"),
                    ("recorded_at", "BIGINT"),
                ],
            )))
            .bind(serde_json::Value::from(chunk.to_vec()).to_string())
            .execute(&mut *tx)
            .await?;
        }
        // The cells, worked out again with the completions: everyone has had the modules
        // since they started, or since the modules did.
        sqlx::query("DELETE FROM training_subjects WHERE organisation_id = $1")
            .bind(org.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.sync_training(org, starts_on).await?;
        Ok(())
    }

    /// The demo's learning catalogue, and how useful some of its people found the first
    /// activities: from three to eight ratings each, so that some show a mean and some are
    /// still too few to. The demo sign-ins have rated nothing.
    async fn seed_demo_catalogue(&self, org: OrganisationId, keep_free: &[PersonId]) -> Result<()> {
        let activities = skillgym_domain::learning::demo_catalogue();
        self.seed_catalogue(org, &activities).await?;
        let mut people: Vec<PersonId> = self
            .person_ids(org)
            .await?
            .into_values()
            .filter(|p| !keep_free.contains(p))
            .collect();
        people.sort();
        let stored = self.catalogue(org).await?;
        self.seed_demo_sessions(org, &stored, &people).await?;
        for (i, activity) in stored.iter().take(30).enumerate() {
            let raters = 3 + i % 6;
            for (j, person) in people.iter().skip(i * 3).take(raters).enumerate() {
                let usefulness = 2 + ((i + j) % 4) as u8;
                self.rate_activity(org, activity.id, *person, usefulness)
                    .await?;
            }
        }
        Ok(())
    }

    /// The demo's services catalogue, and how confident some of its people are with each:
    /// at each site, a few people rate a few services, so that the gaps page shows services
    /// nobody at a site is confident with beside ones somebody is. The demo sign-ins have rated
    /// nothing.
    async fn seed_demo_services(&self, org: OrganisationId, keep_free: &[PersonId]) -> Result<()> {
        let today = crate::dates::today();
        let services = skillgym_domain::services::demo_services(today);
        self.seed_services(org, &services).await?;
        let stored = self.services(org).await?;
        let mut people: Vec<PersonId> = self
            .person_ids(org)
            .await?
            .into_values()
            .filter(|p| !keep_free.contains(p))
            .collect();
        people.sort();
        // Each service is rated by a different handful of people; the last three services by
        // nobody, so that every site has gaps.
        let rated = stored.len().saturating_sub(3);
        for (i, service) in stored.iter().take(rated).enumerate() {
            for (j, person) in people.iter().skip(i * 4).take(3 + i % 4).enumerate() {
                let confidence = match (i + j) % 6 {
                    0 => skillgym_domain::services::Confidence::NotSure,
                    n => skillgym_domain::services::Confidence::Rated(n as u8),
                };
                self.rate_service(org, service.id, *person, Some(confidence))
                    .await?;
            }
        }
        Ok(())
    }

    /// The demo's kit register: a few items at its sites, some of their staff trained on
    /// them and some use logged, so that the flags page shows kit nobody at its site is trained
    /// on (the laser cutter, the Pontardawe headset) and kit unused for months. The demo
    /// sign-ins are trained on nothing.
    async fn seed_demo_kit(&self, org: OrganisationId, keep_free: &[PersonId]) -> Result<()> {
        let today = crate::dates::today();
        let demo = skillgym_domain::kit::demo_kit();
        let items: Vec<_> = demo.iter().map(|(k, _)| k.clone()).collect();
        self.seed_kit(org, &items, crate::months_before(today, 24))
            .await?;
        let stored = self.kit(org, None).await?;
        for (i, (item, used)) in demo.iter().enumerate() {
            let Some(kit) = stored.iter().find(|k| k.item.code == item.code) else {
                continue;
            };
            let staff: Vec<i64> = sqlx::query_scalar(
                "SELECT p.id FROM people p JOIN person_sites ps ON ps.person_id = p.id \
                 WHERE p.organisation_id = $1 AND ps.site_id = $2 AND p.left_on IS NULL \
                 ORDER BY p.id",
            )
            .bind(org.0)
            .bind(kit.site_id.0)
            .fetch_all(&self.pool)
            .await?;
            let staff: Vec<PersonId> = staff
                .into_iter()
                .map(PersonId)
                .filter(|p| !keep_free.contains(p))
                .collect();
            // The laser cutter and the small branch's headset: nobody there trained.
            let trained = if item.code.as_str() == "CEN-LASER" || item.code.as_str() == "PON-VR" {
                0
            } else {
                2 + i % 2
            };
            for (j, person) in staff.iter().take(trained).enumerate() {
                let on = crate::months_before(today, 3 + (i + j) as i64 % 10);
                sqlx::query(
                    "INSERT INTO kit_trained (kit_id, organisation_id, person_id, trained_on, \
                         recorded_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(kit.id.0)
                .bind(org.0)
                .bind(person.0)
                .bind(skillgym_domain::people::format_date(on))
                .bind(crate::now())
                .execute(&self.pool)
                .await?;
            }
            if let Some(months) = used {
                for (n, back) in [*months, months + 2, months + 5].into_iter().enumerate() {
                    let entry = skillgym_domain::kit::KitUse {
                        used_on: crate::months_before(today, back),
                        sessions: 1 + (i + n) as u32 % 3,
                        people_helped: 3 + ((i * 5 + n * 3) % 9) as u32,
                        note: String::new(),
                    };
                    self.log_kit_use(org, kit.id, &entry, None).await?;
                }
            }
        }
        Ok(())
    }

    /// The network demo: the organisation that runs the network (its coordinator the one
    /// person in it, an administrator too), each member seeded as the demo is, and a network
    /// campaign that every member has opened and most of its people have answered (the
    /// members' demo sign-ins are left free to take it). The organisation that runs it is
    /// created first, so it is the default one.
    pub async fn seed_network_demo(
        &self,
        demo: &skillgym_domain::demo::DemoNetwork,
        password_hash: &str,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<crate::NetworkRecord> {
        use skillgym_domain::{
            ContractedHours, EmployeeNumber, JobRole, OrganisationSlug, PersonName, Role, Roles,
        };
        let runner = self
            .create_organisation(&NewOrganisation {
                slug: self.unused_slug(demo.name).await?,
                name: demo.name.to_string(),
                name_cy: Some(demo.name_cy.to_string()),
                main_language: "en".into(),
            })
            .await?;
        let parse = |e: skillgym_domain::Invalid| StoreError::Corrupt(e.0.into());
        let coordinator = self
            .create_person(
                runner.id,
                &crate::PersonInput {
                    employee_number: EmployeeNumber::parse("NET-1").map_err(parse)?,
                    given_name: PersonName::parse("Nia").map_err(parse)?,
                    family_name: PersonName::parse("Rhys").map_err(parse)?,
                    email: Some(demo.coordinator.clone()),
                    employment: Employment::Employee,
                    job_role: JobRole::parse("Network Coordinator").map_err(parse)?,
                    job_family: JobFamily::Specialist,
                    contracted_hours: ContractedHours::FULL_TIME,
                    start_date: None,
                    left_on: None,
                    line_manager: None,
                    team: None,
                    sites: Vec::new(),
                },
                crate::Actor::System,
            )
            .await?;
        self.create_account(&NewAccount {
            person: coordinator,
            email: demo.coordinator.clone(),
            password_hash: Some(password_hash.to_string()),
            roles: Roles::from_iter([Role::Admin, Role::Coordinator]),
        })
        .await?;
        let network = self
            .create_network(
                runner.id,
                &crate::NewNetwork {
                    slug: OrganisationSlug::from_name(demo.name),
                    name: demo.name.to_string(),
                    name_cy: Some(demo.name_cy.to_string()),
                },
            )
            .await?;
        // The network's campaign: this year's audit on the default framework.
        let (framework, content) = if demo.national {
            (Framework::national(), CampaignContent::national())
        } else {
            (Framework::library_default(), CampaignContent::standard())
        };
        let framework_id = self.create_framework(runner.id, &framework).await?;
        let stored = self.framework(runner.id, framework_id).await?;
        let today = time::OffsetDateTime::now_utc().date();
        let dates = (
            today - time::Duration::days(14),
            today + time::Duration::days(28),
        );
        let campaign = self
            .create_campaign(
                runner.id,
                &demo_campaign(&framework, &stored, content, dates, None),
            )
            .await?;
        self.publish_network_campaign(runner.id, network.id, campaign, crate::Actor::System)
            .await?;
        let mut done = 0;
        for (i, member) in demo.members.iter().enumerate() {
            let org = self
                .seed_demo(member, password_hash, &|n| progress(done + n))
                .await?;
            done += member.staff.len() as u64;
            self.add_network_member(network.id, org.id).await?;
            if i % 2 == 0 {
                self.set_network_sharing(network.id, org.id, true, crate::Actor::System)
                    .await?;
            }
            let opened = self
                .open_network_campaign_for(
                    org.id,
                    campaign,
                    today - time::Duration::days(14),
                    today + time::Duration::days(28),
                    crate::Actor::System,
                )
                .await?;
            let ids = self.person_ids(org.id).await?;
            let keep_free: Vec<PersonId> = member
                .accounts
                .iter()
                .filter_map(|a| ids.get(a.employee_number.as_str()).copied())
                .collect();
            let shift = demo.shifts.get(i).copied().unwrap_or(0.0);
            self.answer_as_demo(
                org.id,
                opened,
                1_000 + i as u64,
                shift,
                member.response_rate,
                &keep_free,
            )
            .await?;
        }
        // Its public link, open to anyone: volunteers and aspiring leaders on no staff list
        // answered it at each member.
        self.set_public_link(
            runner.id,
            campaign,
            Some(crate::PublicLinkMode::Anonymous),
            DEMO_PUBLIC_LINK,
            crate::Actor::System,
        )
        .await?;
        let link = self
            .public_link(DEMO_PUBLIC_LINK)
            .await?
            .ok_or(StoreError::NotFound)?;
        for (i, target) in self.public_targets(&link, today).await?.iter().enumerate() {
            let shift = demo.shifts.get(i).copied().unwrap_or(0.0);
            self.answer_through_link_as_demo(&link, target, 6 + 3 * i, 2_000 + i as u64, shift)
                .await?;
        }
        Ok(network)
    }

    /// Answers `target`'s campaign through `link` as `people` volunteers on no staff list
    /// would, through the same calls as the web's pages: a start, each section saved, then
    /// submitted.
    async fn answer_through_link_as_demo(
        &self,
        link: &crate::PublicLink,
        target: &crate::PublicTarget,
        people: usize,
        seed: u64,
        shift: f64,
    ) -> Result<()> {
        let campaign = self
            .campaign(target.organisation_id, target.campaign_id)
            .await?;
        let asked = AskedOf::new(&campaign);
        let volunteer = Respondent {
            job_family: JobFamily::Frontline,
            employment: Employment::Volunteer,
            years: 1,
        };
        let who = vec![volunteer; people];
        let competences: Vec<skillgym_domain::CompetenceId> = campaign
            .areas
            .iter()
            .flat_map(|a| a.competences.iter().map(|c| c.id))
            .collect();
        for r in simulate(seed, &who, &asked.asked(), shift, 100) {
            let respondent = self.start_public_response(link, target).await?;
            let answers = crate::ResponseAnswers {
                ratings: r
                    .ratings
                    .iter()
                    .map(|(c, rating)| (competences[*c], *rating))
                    .collect(),
                profile: r
                    .profile
                    .iter()
                    .map(|(q, answer)| (campaign.questions[*q].0, answer.clone()))
                    .collect(),
                quiz: r
                    .quiz
                    .iter()
                    .map(|(q, chosen, right)| (campaign.quiz[*q].0, (chosen.clone(), *right)))
                    .collect(),
                services: Default::default(),
            };
            let response = respondent.response_id;
            self.save_section(response, 1, &answers, &[]).await?;
            for section in 2..=campaign.public_questionnaire().len() {
                self.save_section(response, section, &Default::default(), &[])
                    .await?;
            }
            self.submit_response(response).await?;
        }
        Ok(())
    }

    /// Sessions of the catalogue's scheduled activities over the coming weeks, at 10:00 UK
    /// time on weekdays, round the sites (webinars online), two of each; some people have
    /// booked, and one session is full with people waiting.
    async fn seed_demo_sessions(
        &self,
        org: OrganisationId,
        catalogue: &[crate::StoredActivity],
        people: &[PersonId],
    ) -> Result<()> {
        use skillgym_domain::learning::ActivityKind;
        let sites = self.sites(org).await?;
        let today = time::OffsetDateTime::now_utc().date();
        let scheduled = catalogue.iter().filter(|a| {
            matches!(
                a.activity.kind,
                ActivityKind::Course
                    | ActivityKind::Webinar
                    | ActivityKind::Event
                    | ActivityKind::Club
                    | ActivityKind::DropIn
            )
        });
        let mut n = 0usize;
        for activity in scheduled {
            for round in 0..2 {
                let mut day = today + time::Duration::days((3 + n * 2 + round * 7) as i64);
                // Weekdays, and not the days libraries close at Christmas and the New Year.
                let closed = |d: time::Date| {
                    matches!(d.weekday(), time::Weekday::Saturday | time::Weekday::Sunday)
                        || (d.month() == time::Month::December && d.day() >= 24)
                        || (d.month() == time::Month::January && d.day() == 1)
                };
                while closed(day) {
                    day = day.next_day().expect("a real date");
                }
                let ten = time::PrimitiveDateTime::new(day, time::macros::time!(10:00));
                let starts_at = skillgym_domain::uk_time::instant(ten)
                    .map_err(|e| StoreError::Corrupt(e.0.into()))?;
                let minutes = i64::from(activity.activity.minutes.clamp(30, 180));
                let site = match activity.activity.kind {
                    ActivityKind::Webinar => None,
                    _ if sites.is_empty() => None,
                    // Every site in turn (n counts rounds too).
                    _ => Some(sites[n % sites.len()].id),
                };
                let capacity = if n == 0 && round == 0 {
                    2
                } else {
                    8 + (n % 3) as u32 * 4
                };
                let id = self
                    .schedule_session(
                        org,
                        activity.id,
                        &crate::NewSession {
                            starts_at,
                            ends_at: starts_at + minutes * 60,
                            site,
                            capacity,
                        },
                    )
                    .await?;
                let takers = (n % 4) + usize::from(capacity == 2) * 3;
                for person in people.iter().skip(n * 2).take(takers) {
                    self.book_session(org, id, *person).await?;
                }
                n += 1;
            }
        }
        Ok(())
    }

    /// The default framework (or its national edition), last year's campaign (closed, with
    /// answers) and this year's re-audit (open, with answers from most people but the demo
    /// sign-ins, who can take it).
    async fn seed_demo_audit(
        &self,
        org: OrganisationId,
        keep_free: &[PersonId],
        national: bool,
        response_rate: u8,
    ) -> Result<()> {
        let framework = if national {
            Framework::national()
        } else {
            Framework::library_default()
        };
        let id = self.create_framework(org, &framework).await?;
        self.seed_demo_targets(org, id).await?;
        let stored = self.framework(org, id).await?;
        let today = time::OffsetDateTime::now_utc().date();
        let days = time::Duration::days;
        let mut previous = None;
        for (year_ago, shift, opens, closes) in [
            (true, -0.25, today - days(380), today - days(352)),
            (false, 0.0, today - days(14), today + days(28)),
        ] {
            let mut content = if national {
                CampaignContent::national()
            } else {
                CampaignContent::standard()
            };
            if year_ago {
                // Last year's audit carried last year's name.
                for text in [&mut content.title.en]
                    .into_iter()
                    .chain(content.title.cy.as_mut())
                {
                    *text = text.replace("2026", &(opens.year()).to_string());
                }
            }
            let new = demo_campaign(&framework, &stored, content, (opens, closes), previous);
            let campaign = self.create_campaign(org, &new).await?;
            previous = Some(campaign);
            let free: &[PersonId] = if year_ago { &[] } else { keep_free };
            let seed = org.0 as u64 * 31 + u64::from(year_ago);
            self.answer_as_demo(org, campaign, seed, shift, response_rate, free)
                .await?;
        }
        Ok(())
    }

    /// Answers `campaign` as the demo's people would (the same made-up answers for the same
    /// `seed`): `response_rate` percent of its people, skills moved by `shift` on the 1 to 5
    /// scale, leaving out `keep_free`. For the demo, and for tests and benchmarks that need a
    /// campaign answered.
    pub async fn answer_as_demo(
        &self,
        org: OrganisationId,
        campaign: skillgym_domain::CampaignId,
        seed: u64,
        shift: f64,
        response_rate: u8,
        keep_free: &[PersonId],
    ) -> Result<()> {
        let respondents = self.respondents(org).await?;
        let campaign = self.campaign(org, campaign).await?;
        let people: Vec<&(PersonId, Respondent)> = respondents
            .iter()
            .filter(|(p, _)| !keep_free.contains(p))
            .collect();
        let who: Vec<Respondent> = people.iter().map(|(_, r)| *r).collect();
        let simulated = simulate(
            seed,
            &who,
            &AskedOf::new(&campaign).asked(),
            shift,
            response_rate,
        );
        let person_ids: Vec<PersonId> = people.iter().map(|(p, _)| *p).collect();
        let today = time::OffsetDateTime::now_utc().date();
        let submitted_at = (campaign.closes_on - time::Duration::days(3))
            .min(today)
            .midnight()
            .assume_utc()
            .unix_timestamp();
        self.insert_simulated_responses(&campaign, &person_ids, &simulated, submitted_at)
            .await?;
        Ok(())
    }

    /// What the simulation needs to know about everyone.
    async fn respondents(&self, org: OrganisationId) -> Result<Vec<(PersonId, Respondent)>> {
        let rows = sqlx::query(
            "SELECT id, job_family, employment, start_date FROM people \
             WHERE organisation_id = $1 ORDER BY id",
        )
        .bind(org.0)
        .fetch_all(&self.pool)
        .await?;
        let this_year = time::OffsetDateTime::now_utc().year();
        rows.iter()
            .map(|r| {
                let family: String = r.try_get("job_family")?;
                let employment: String = r.try_get("employment")?;
                let start: Option<String> = r.try_get("start_date")?;
                let started = start
                    .and_then(|d| d.get(..4).and_then(|y| y.parse::<i32>().ok()))
                    .unwrap_or(this_year);
                Ok((
                    PersonId(r.try_get("id")?),
                    Respondent {
                        job_family: JobFamily::parse(&family).map_err(crate::people::corrupt)?,
                        employment: Employment::parse(&employment)
                            .map_err(crate::people::corrupt)?,
                        years: (this_year - started).max(0) as u32,
                    },
                ))
            })
            .collect()
    }

    /// Writes made-up responses in batches, each one submitted with every section saved.
    async fn insert_simulated_responses(
        &self,
        campaign: &crate::Campaign,
        people: &[PersonId],
        responses: &[SimulatedResponse],
        submitted_at: i64,
    ) -> Result<()> {
        let batch = match self.backend {
            crate::Backend::Sqlite => 30,
            crate::Backend::Postgres => 400,
        };
        let competences: Vec<i64> = campaign
            .areas
            .iter()
            .flat_map(|a| a.competences.iter().map(|c| c.id.0))
            .collect();
        let sections = campaign.questionnaire().len();
        let mut tx = self.begin_write().await?;
        for chunk in responses.chunks(batch) {
            let sql = format!(
                "INSERT INTO responses (campaign_id, person_id, source, started_at, updated_at, \
                    submitted_at) VALUES {} RETURNING id, person_id",
                crate::staff::placeholders(self.backend, chunk.len(), 6, 1)
            );
            let mut query = sqlx::query(AssertSqlSafe(sql));
            for r in chunk {
                query = query
                    .bind(campaign.id.0)
                    .bind(people[r.respondent].0)
                    .bind("demo")
                    .bind(submitted_at - 600)
                    .bind(submitted_at)
                    .bind(submitted_at);
            }
            let ids: std::collections::HashMap<i64, i64> = query
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|row| Ok((row.try_get("person_id")?, row.try_get("id")?)))
                .collect::<Result<_>>()?;
            let mut ratings = Vec::new();
            let mut profile = Vec::new();
            let mut quiz = Vec::new();
            let mut saved = Vec::new();
            for r in chunk {
                let response = ids[&people[r.respondent].0];
                ratings.extend(
                    r.ratings
                        .iter()
                        .map(|(c, rating)| (response, competences[*c], rating.to_stored())),
                );
                profile.extend(
                    r.profile
                        .iter()
                        .map(|(q, answer)| (response, campaign.questions[*q].0.0, answer.clone())),
                );
                quiz.extend(r.quiz.iter().map(|(q, chosen, right)| {
                    (
                        response,
                        campaign.quiz[*q].0.0,
                        join(chosen),
                        i64::from(*right),
                    )
                }));
                saved.extend((1..=sections).map(|s| (response, s as i64, submitted_at)));
            }
            for rows in ratings.chunks(batch * 4) {
                let sql = format!(
                    "INSERT INTO ratings (response_id, competence_id, value) VALUES {}",
                    crate::staff::placeholders(self.backend, rows.len(), 3, 1)
                );
                let mut query = sqlx::query(AssertSqlSafe(sql));
                for (a, b, c) in rows {
                    query = query.bind(*a).bind(*b).bind(*c);
                }
                query.execute(&mut *tx).await?;
            }
            for rows in profile.chunks(batch * 4) {
                let sql = format!(
                    "INSERT INTO profile_answers (response_id, question_id, value) VALUES {}",
                    crate::staff::placeholders(self.backend, rows.len(), 3, 1)
                );
                let mut query = sqlx::query(AssertSqlSafe(sql));
                for (a, b, c) in rows {
                    query = query.bind(*a).bind(*b).bind(c.clone());
                }
                query.execute(&mut *tx).await?;
            }
            for rows in quiz.chunks(batch * 3) {
                let sql = format!(
                    "INSERT INTO quiz_answers (response_id, item_id, chosen, correct) VALUES {}",
                    crate::staff::placeholders(self.backend, rows.len(), 4, 1)
                );
                let mut query = sqlx::query(AssertSqlSafe(sql));
                for (a, b, c, d) in rows {
                    query = query.bind(*a).bind(*b).bind(c.clone()).bind(*d);
                }
                query.execute(&mut *tx).await?;
            }
            for rows in saved.chunks(batch * 4) {
                let sql = format!(
                    "INSERT INTO response_sections (response_id, section, saved_at) VALUES {}",
                    crate::staff::placeholders(self.backend, rows.len(), 3, 1)
                );
                let mut query = sqlx::query(AssertSqlSafe(sql));
                for (a, b, c) in rows {
                    query = query.bind(*a).bind(*b).bind(*c);
                }
                query.execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every person's id by employee number.
    pub async fn person_ids(
        &self,
        org: skillgym_domain::OrganisationId,
    ) -> Result<HashMap<String, PersonId>> {
        let rows = sqlx::query("SELECT id, employee_number FROM people WHERE organisation_id = $1")
            .bind(org.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("employee_number")?, PersonId(r.try_get("id")?))))
            .collect()
    }
}

/// A demo campaign on `framework` (stored as `stored`) asking all its competences, with the
/// standard pictures, open between `dates`.
fn demo_campaign(
    framework: &Framework,
    stored: &crate::StoredFramework,
    content: CampaignContent,
    (opens_on, closes_on): (time::Date, time::Date),
    cloned_from: Option<skillgym_domain::CampaignId>,
) -> NewCampaign {
    NewCampaign {
        framework: stored.id,
        title: content.title.clone(),
        opens_on,
        closes_on,
        anonymous: false,
        competences: framework
            .competences()
            .map(|(_, c)| stored.competence_ids[&c.code])
            .collect(),
        audience: Default::default(),
        content,
        pictures: standard_pictures()
            .into_iter()
            .map(|(name, body)| (name.to_string(), "image/svg+xml".to_string(), body.to_vec()))
            .collect(),
        cloned_from,
    }
}

/// What a stored campaign asks, by position, as the simulation reads it.
struct AskedOf {
    competence_areas: Vec<usize>,
    questions: Vec<skillgym_domain::audit::ProfileQuestion>,
    quiz: Vec<skillgym_domain::audit::QuizItem>,
    quiz_competences: Vec<usize>,
}

impl AskedOf {
    fn new(campaign: &crate::Campaign) -> Self {
        let competences: Vec<&crate::CampaignCompetence> =
            campaign.areas.iter().flat_map(|a| &a.competences).collect();
        let quiz: Vec<_> = campaign.quiz.iter().map(|(_, q)| q.clone()).collect();
        AskedOf {
            competence_areas: campaign
                .areas
                .iter()
                .enumerate()
                .flat_map(|(i, a)| std::iter::repeat_n(i, a.competences.len()))
                .collect(),
            questions: campaign.questions.iter().map(|(_, q)| q.clone()).collect(),
            quiz_competences: quiz
                .iter()
                .map(|q| {
                    competences
                        .iter()
                        .position(|c| c.code == q.competence)
                        .unwrap_or(0)
                })
                .collect(),
            quiz,
        }
    }

    fn asked(&self) -> Asked<'_> {
        Asked {
            competence_areas: &self.competence_areas,
            questions: &self.questions,
            quiz: &self.quiz,
            quiz_competences: &self.quiz_competences,
        }
    }
}

impl Store {
    /// The demo's horizon scanning (clippings by its champion, trainer and manager and a few
    /// colleagues, with comments, and the trainer's write-up) and its champions' board (tips by
    /// the champion, about skills the catalogue builds).
    async fn seed_demo_horizon_and_board(
        &self,
        org: OrganisationId,
        welsh: bool,
        demo: &skillgym_domain::demo::DemoOrganisation,
        ids: &HashMap<String, PersonId>,
    ) -> Result<()> {
        use skillgym_domain::Role;
        let with_role = |role: Role| {
            demo.accounts
                .iter()
                .find(|a| a.roles.has(role))
                .and_then(|a| ids.get(a.employee_number.as_str()).copied())
        };
        let champion = with_role(Role::Champion);
        let trainer = with_role(Role::Trainer);
        let mut people: Vec<PersonId> = [champion, trainer, with_role(Role::Manager)]
            .into_iter()
            .flatten()
            .collect();
        let mut others: Vec<PersonId> = ids
            .values()
            .copied()
            .filter(|p| !people.contains(p))
            .collect();
        others.sort();
        people.extend(others.into_iter().take(3));
        self.seed_demo_horizon(org, welsh, &people, trainer).await?;
        let skills: Vec<String> = self
            .catalogue(org)
            .await?
            .iter()
            .filter_map(|a| a.activity.builds.first().map(|b| b.competence.clone()))
            .collect();
        let commenters: Vec<PersonId> = people.iter().skip(1).copied().collect();
        self.seed_demo_board(org, welsh, champion, &commenters, &skills)
            .await
    }
}
