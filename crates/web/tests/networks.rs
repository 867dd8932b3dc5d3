//! A network of four library services: a campaign published by the coordinators, opened by
//! each member for its own staff, and each member's figures beside the network's, worked out
//! here again from each member's own report.

mod common;

use common::{TestApp, add_organisation, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::{CampaignId, OrganisationId, Role};
use skillgym_reporting::report::campaign_report;
use skillgym_reporting::{AnalysisCache, ReportOptions, Reports};
use skillgym_store::{AuditAction, AuditFilter, NewNetwork};
use skillgym_test_db::{Backend, both_backends};

both_backends!(members_see_where_they_stand_and_coordinators_only_what_is_shared);

struct Member {
    org: OrganisationId,
    name: &'static str,
    admin: &'static str,
    opened: CampaignId,
}

/// Each competence's mean self-rating in `org`'s campaign, as its own report shows it.
async fn report_means(
    app: &TestApp,
    org: OrganisationId,
    campaign: CampaignId,
) -> Vec<Option<f64>> {
    let cache = AnalysisCache::default();
    let reports = Reports::open(app.store(), &cache, org).await.unwrap();
    let tr = skillgym_i18n::Tr::new(skillgym_i18n::Lang::En);
    let report = campaign_report(&reports, campaign, &ReportOptions::default(), &tr)
        .await
        .unwrap();
    report.competences.iter().map(|c| c.mean).collect()
}

/// The quartile `q` of `values` as a spreadsheet's QUARTILE.INC works it out.
fn quartile(values: &[f64], q: usize) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let at = (v.len() - 1) as f64 * q as f64 / 4.0;
    let (low, frac) = (at.floor() as usize, at.fract());
    if frac == 0.0 {
        v[low]
    } else {
        v[low] + (v[low + 1] - v[low]) * frac
    }
}

/// Text as the pages write it in HTML.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// The cells of the table row headed `title`, as shown.
fn row(page: &str, title: &str) -> Vec<String> {
    let title = escaped(title);
    let start = page
        .find(&format!(">{title}</th>"))
        .unwrap_or_else(|| panic!("a row for {title}"));
    let rest = &page[start..page[start..].find("</tr>").unwrap() + start];
    rest.split("<td")
        .skip(1)
        .map(|cell| {
            let open = cell.find('>').unwrap() + 1;
            cell[open..cell.find("</td>").unwrap()].trim().to_string()
        })
        .collect()
}

async fn members_see_where_they_stand_and_coordinators_only_what_is_shared(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let mut orgs = vec![(app.org, "Afon", "admin@afon.example")];
    for (name, domain, admin) in [
        ("Bro Library Service", "bro.example", "admin@bro.example"),
        (
            "Cymoedd Library Service",
            "cymoedd.example",
            "admin@cymoedd.example",
        ),
        (
            "Dyffryn Library Service",
            "dyffryn.example",
            "admin@dyffryn.example",
        ),
    ] {
        orgs.push((add_organisation(&app, name, domain).await, name, admin));
    }
    let network = store
        .create_network(
            app.org,
            &NewNetwork {
                slug: skillgym_domain::OrganisationSlug::parse("welsh-libraries").unwrap(),
                name: "Welsh public libraries".into(),
                name_cy: Some("Llyfrgelloedd cyhoeddus Cymru".into()),
            },
        )
        .await
        .unwrap();
    for (org, _, _) in &orgs {
        store.add_network_member(network.id, *org).await.unwrap();
    }
    // Afon's administrator coordinates the network too.
    let admin = store
        .account_by_email(&skillgym_domain::Email::parse("admin@afon.example").unwrap())
        .await
        .unwrap()
        .unwrap();
    store
        .set_roles(admin.id, admin.roles.with(Role::Coordinator))
        .await
        .unwrap();
    let coordinator = app.signed_in("admin@afon.example").await;
    let published = store.campaigns(app.org).await.unwrap()[0].id;
    let response = app
        .post(
            &coordinator,
            &format!("/network/{}/campaigns", network.id),
            &[("campaign", &published.to_string())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    // Each member opens it from its networks page, and its people answer: Bro's more skilled
    // than most, Cymoedd's less; only three of Dyffryn's, too few to show.
    let mut members = Vec::new();
    for (i, (org, name, email)) in orgs.iter().enumerate() {
        let admin = app.signed_in(email).await;
        let page = app.page(&admin, "/networks").await;
        assert!(page.contains("Welsh public libraries"), "{page}");
        if i == 0 {
            // Dates that cannot be used: the page again, saying so, with what was typed.
            let refused = app
                .post(
                    &admin,
                    &format!("/networks/campaigns/{published}/open"),
                    &[("opens_on", "2026-02-05"), ("closes_on", "2026-01-05")],
                )
                .await;
            assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let html = refused.text().await.unwrap();
            assert!(
                html.contains("error-summary")
                    && html.contains(&format!("href=\"#opens_on-{published}\""))
            );
            assert!(
                html.contains("value=\"2026-02-05\"") && html.contains("aria-invalid=\"true\"")
            );
            let listed = store.network_campaign_for(*org, published).await.unwrap();
            assert_eq!(listed.opened_as, None, "nothing was opened");
        }
        let response = app
            .post(
                &admin,
                &format!("/networks/campaigns/{published}/open"),
                &[("opens_on", "2026-01-05"), ("closes_on", "2026-02-05")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let opened: CampaignId = common::location(&response)
            .trim_start_matches("/campaigns/")
            .parse()
            .unwrap();
        let people: Vec<_> = store
            .person_ids(*org)
            .await
            .unwrap()
            .into_values()
            .collect();
        let (shift, keep_free) = match i {
            0 => (0.0, Vec::new()),
            1 => (0.6, Vec::new()),
            2 => (-0.6, Vec::new()),
            _ => (0.0, people[3..].to_vec()),
        };
        store
            .answer_as_demo(*org, opened, 7 + i as u64, shift, 100, &keep_free)
            .await
            .unwrap();
        members.push(Member {
            org: *org,
            name,
            admin: email,
            opened,
        });
        // With two members' figures, the network shows none: either could work out the other's.
        if i == 1 {
            let page = app
                .page(&admin, &format!("/campaigns/{opened}/network"))
                .await;
            let title = store.campaign(*org, opened).await.unwrap().areas[0].competences[0]
                .title
                .en
                .clone();
            let cells = row(&page, &title);
            assert_ne!(cells[0], "–", "its own mean is shown");
            assert_eq!(cells[1..], ["–", "–", "–", "–"], "nothing of the network's");
            assert!(page.contains("None yet: the network"), "no weak spots yet");
        }
    }
    // Its campaign page leads to the comparison.
    let bro = app.signed_in(members[1].admin).await;
    let page = app
        .page(&bro, &format!("/campaigns/{}", members[1].opened))
        .await;
    assert!(
        page.contains(&format!(
            "href=\"/campaigns/{}/network\"",
            members[1].opened
        )),
        "{page}"
    );
    // Opening twice gives the same campaign.
    let response = app
        .post(
            &bro,
            &format!("/networks/campaigns/{published}/open"),
            &[("opens_on", "2026-01-05"), ("closes_on", "2026-02-05")],
        )
        .await;
    assert_eq!(
        common::location(&response),
        format!("/campaigns/{}", members[1].opened)
    );

    // What each member's own report shows, and the network's figures worked out from them.
    let mut means = Vec::new();
    for m in &members {
        means.push(report_means(&app, m.org, m.opened).await);
    }
    assert!(means[3].iter().all(Option::is_none), "Dyffryn's are hidden");
    let titles: Vec<String> = store
        .campaign(app.org, published)
        .await
        .unwrap()
        .areas
        .iter()
        .flat_map(|a| a.competences.iter().map(|c| c.title.en.clone()))
        .collect();
    let shown: Vec<Vec<f64>> = (0..titles.len())
        .map(|c| means.iter().filter_map(|m| m[c]).collect())
        .collect();
    let two = |x: f64| format!("{x:.2}");

    // Bro sees its own means beside the network's spread, and where it stands.
    let page = app
        .page(&bro, &format!("/campaigns/{}/network", members[1].opened))
        .await;
    for (c, title) in titles.iter().enumerate() {
        let cells = row(&page, title);
        let values = &shown[c];
        assert_eq!(values.len(), 3, "{title}: three members have a figure");
        let expected = [
            two(means[1][c].unwrap()),
            two(quartile(values, 1)),
            two(quartile(values, 2)),
            two(quartile(values, 3)),
        ];
        assert_eq!(cells[..4], expected, "{title}");
        let own = means[1][c].unwrap();
        let stands = if own < quartile(values, 1) {
            "In the bottom quarter"
        } else if own < quartile(values, 2) {
            "Below the median"
        } else if own <= quartile(values, 3) {
            "At or above the median"
        } else {
            "In the top quarter"
        };
        assert_eq!(cells[4], stands, "{title}");
    }
    // The weak spots: the lowest median first.
    let lowest = (0..titles.len())
        .min_by(|a, b| quartile(&shown[*a], 2).total_cmp(&quartile(&shown[*b], 2)))
        .unwrap();
    let weak = &page[page.find("<ol>").unwrap()..];
    assert!(
        weak.starts_with(&format!(
            "<ol><li lang=\"en\">{}</li>",
            escaped(&titles[lowest])
        )),
        "{weak}"
    );
    // A chart of the same figures, drawn by the server: the spread and Bro's own mean.
    let key = &page[page.find("<ul class=\"chart-key\">").unwrap()..];
    let key = &key[..key.find("</ul>").unwrap()];
    for series in ["Lower quartile", "Median", "Upper quartile", "Yours"] {
        assert!(key.contains(series), "{series} in {key}");
    }
    assert!(page.contains("<figure class=\"chart\""));
    // No other member is named to Bro.
    for other in ["Cymoedd Library Service", "Dyffryn Library Service"] {
        assert!(!page.contains(other), "{other} named to Bro");
    }

    // The coordinators see the network's figures and no member's until it shares them.
    let figures = format!("/network/campaigns/{published}");
    let page = app.page(&coordinator, &figures).await;
    let cells = row(&page, &titles[0]);
    assert_eq!(cells[0], "3", "members counted");
    assert_eq!(cells[1..4], [1, 2, 3].map(|q| two(quartile(&shown[0], q))));
    assert_eq!(cells.len(), 4, "no member's own column");
    assert!(!page.contains(members[1].name));
    let response = app
        .post(
            &bro,
            &format!("/networks/{}/sharing", network.id),
            &[("shares", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = app.page(&coordinator, &figures).await;
    assert!(page.contains(members[1].name), "Bro shares now");
    assert!(!page.contains(members[2].name), "Cymoedd does not");
    // Afon runs the network and is a member too: its coordinators may read its own report, so
    // with Bro sharing, Cymoedd alone is unknown to them, and its mean could be worked out from
    // the spread: they see no spread, only Bro's mean.
    let cells = row(&page, &titles[0]);
    assert_eq!(cells[1..4], ["–", "–", "–"], "{cells:?}");
    assert_eq!(cells[4..], [two(means[1][0].unwrap())]);
    // Recorded in Bro's own audit trail.
    let filter = AuditFilter {
        action: Some(AuditAction::NetworkSharingChanged),
        limit: 10,
        ..Default::default()
    };
    let (events, _) = store.audit_events(members[1].org, &filter).await.unwrap();
    assert_eq!(events.len(), 1);
    assert!(
        events[0].detail.contains("sharing-on"),
        "{}",
        events[0].detail
    );
    let (events, _) = store.audit_events(app.org, &filter).await.unwrap();
    assert!(events.is_empty());

    // Afon sharing too changes nothing of that: Cymoedd is still the one unknown.
    store
        .set_network_sharing(network.id, app.org, true, skillgym_store::Actor::System)
        .await
        .unwrap();
    let page = app.page(&coordinator, &figures).await;
    let cells = row(&page, &titles[0]);
    assert_eq!(cells[..4], ["", "–", "–", "–"], "{cells:?}");
    assert_eq!(
        cells[4..],
        [two(means[0][0].unwrap()), two(means[1][0].unwrap())]
    );
    assert!(page.contains("None yet"), "no weak spots either");
    store
        .set_network_sharing(network.id, app.org, false, skillgym_store::Actor::System)
        .await
        .unwrap();
    // A framework shared with the network: Bro adopts a copy that keeps its identifiers.
    let national = skillgym_domain::audit::Framework::national();
    let shared = store.create_framework(app.org, &national).await.unwrap();
    let response = app
        .post(
            &coordinator,
            &format!("/network/{}/frameworks", network.id),
            &[("framework", &shared.to_string())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = app.page(&bro, "/networks").await;
    assert!(
        page.contains(&format!("/networks/frameworks/{shared}/adopt")),
        "{page}"
    );
    let adopt = format!("/networks/frameworks/{shared}/adopt");
    let response = app.post(&bro, &adopt, &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let copy: skillgym_domain::FrameworkId = common::location(&response)
        .trim_start_matches("/frameworks/")
        .parse()
        .unwrap();
    let theirs = store
        .framework(members[1].org, copy)
        .await
        .unwrap()
        .framework;
    assert_eq!(theirs, national, "the same framework, identifiers and all");
    let response = app.post(&bro, &adopt, &[]).await;
    assert_eq!(
        common::location(&response),
        format!("/frameworks/{copy}"),
        "adopted once"
    );
    assert!(
        app.page(&bro, "/networks")
            .await
            .contains(&format!("href=\"/frameworks/{copy}\""))
    );

    // A member is no coordinator: the network's page and figures are not Bro's.
    assert_eq!(
        app.get(&bro, &figures).await.status(),
        StatusCode::FORBIDDEN
    );
}
