//! Horizon scanning and the champions' board: anyone clips a link (http or https only) with a
//! note and free tags, normalised; everyone comments, and text is shown as text, never HTML;
//! the synthesis groups a period's clippings by tag, its days whole on the UK's calendar; a
//! lead publishes a write-up, which everyone gets once by email however many instances run;
//! champions, trainers and admins post tips; who may remove what; a person's clippings,
//! tips and comments are in their data, and on erasure their comments go while their
//! clippings and tips stay, unnamed. On both databases.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::StatusCode;
use skillgym_domain::comments::CommentOn;
use skillgym_domain::{Email, PersonId};
use skillgym_store::{AuditFilter, NewClipping, PersonFilter};
use skillgym_test_db::{Backend, both_backends};
use std::collections::BTreeSet;

both_backends!(
    tags_are_normalised_and_a_bad_link_is_refused_with_nothing_kept,
    text_is_shown_as_text_never_as_html,
    the_synthesis_groups_a_periods_clippings_by_tag,
    a_write_up_goes_to_everyone_once_whatever_the_instances,
    the_leads_are_reminded_every_six_months_once_whatever_the_instances,
    leads_remove_clippings_and_comments_and_authors_their_own,
    champions_trainers_and_admins_post_tips_and_everyone_comments,
    a_persons_clippings_and_comments_are_in_their_data_and_erasure_unnames_them,
);

async fn person_of(app: &TestApp, email: &str) -> PersonId {
    app.store()
        .account_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .person_id
}

async fn audit_details(app: &TestApp, action: &str) -> Vec<String> {
    let filter = AuditFilter {
        limit: 100_000,
        ..AuditFilter::default()
    };
    app.store()
        .audit_events(app.org, &filter)
        .await
        .unwrap()
        .0
        .into_iter()
        .filter(|e| e.action_code == action)
        .map(|e| e.detail)
        .collect()
}

async fn clipping_count(app: &TestApp) -> i64 {
    app.store().clippings(app.org, "", 0, 1).await.unwrap().1
}

/// Clips through the form and returns the new clipping's id.
async fn clip(app: &TestApp, client: &reqwest::Client, fields: &[(&str, &str)]) -> i64 {
    let response = app.post(client, "/horizon/new", fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to = location(&response).to_string();
    let id = to
        .strip_prefix("/horizon/")
        .and_then(|r| r.strip_suffix("?done=clipped"))
        .unwrap_or_else(|| panic!("{to}"));
    id.parse().unwrap()
}

async fn tags_are_normalised_and_a_bad_link_is_refused_with_nothing_kept(backend: Backend) {
    let app = spawn_app(backend).await;
    let learner = app.signed_in("learner@afon.example").await;
    let before = clipping_count(&app).await;

    for (url, message) in [
        (
            "javascript:alert(1)",
            "Enter a web address starting https://",
        ),
        (
            "www.gov.uk/one-login",
            "Enter a web address starting https://",
        ),
        (
            "https://exa mple.com",
            "Enter a web address starting https://",
        ),
        ("", "Enter the link"),
    ] {
        let refused = app
            .post(
                &learner,
                "/horizon/new",
                &[("url", url), ("note", "Worth a look"), ("tags", "ai")],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{url}");
        let html = refused.text().await.unwrap();
        assert!(
            html.contains("error-summary") && html.contains(message),
            "{url}"
        );
        // What they typed is given back to correct.
        assert!(html.contains("Worth a look"));
    }
    let many = (1..=9)
        .map(|i| format!("t{i}"))
        .collect::<Vec<_>>()
        .join(",");
    let refused = app
        .post(
            &learner,
            "/horizon/new",
            &[
                ("url", "https://www.gov.uk"),
                ("note", "x"),
                ("tags", &many),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Give 8 tags or fewer")
    );
    assert_eq!(clipping_count(&app).await, before, "nothing kept");

    let id = clip(
        &app,
        &learner,
        &[
            ("url", " HTTPS://WWW.GOV.UK/guidance/digital-identity "),
            ("note", "Digital identity is coming to more services."),
            (
                "tags",
                " Digital   ID , GOV.UK One Login,digital id,, SCAMS ",
            ),
        ],
    )
    .await;
    let kept = app
        .store()
        .clipping(app.org, skillgym_domain::ClippingId(id))
        .await
        .unwrap();
    assert_eq!(kept.url, "https://www.gov.uk/guidance/digital-identity");
    assert_eq!(kept.tags, ["digital id", "gov.uk one login", "scams"]);
    assert_eq!(
        kept.clipped_by,
        Some(person_of(&app, "learner@afon.example").await)
    );

    // The list, newest first, filtered by a tag however it is typed; shown with who clipped.
    let list = app.page(&learner, "/horizon?tag=Digital+ID").await;
    assert!(list.contains(&format!("/horizon/{id}\"")));
    // The demo has one more.
    assert!(list.contains("2 clippings tagged “digital id”"));
    let everything = app.page(&learner, "/horizon").await;
    let first = everything.find("data-clipping=").unwrap();
    assert!(everything[first..].starts_with(&format!("data-clipping=\"{id}\"")));
    let other = app.page(&learner, "/horizon?tag=windows+10").await;
    assert!(!other.contains(&format!("/horizon/{id}\"")));
    let record = app
        .store()
        .person(app.org, kept.clipped_by.unwrap())
        .await
        .unwrap();
    assert!(
        app.page(&learner, &format!("/horizon/{id}"))
            .await
            .contains(&format!("Clipped by {}", record.name()))
    );
    // Paged: twenty to a page.
    let total = clipping_count(&app).await;
    let page = app.page(&learner, "/horizon?page=2").await;
    assert_eq!(
        page.matches("data-clipping=").count() as i64,
        (total - 20).clamp(0, 20)
    );
}

async fn text_is_shown_as_text_never_as_html(backend: Backend) {
    let app = spawn_app(backend).await;
    let learner = app.signed_in("learner@afon.example").await;
    let id = clip(
        &app,
        &learner,
        &[
            ("url", "https://example.com/?a=1&b=<2>"),
            (
                "note",
                "<script>alert('note')</script>\n\nSecond <b>paragraph</b>",
            ),
            ("tags", "<i>tag</i>"),
        ],
    )
    .await;
    let path = format!("/horizon/{id}");
    let before = app
        .store()
        .comments_on(
            app.org,
            CommentOn::Clipping(skillgym_domain::ClippingId(id)),
        )
        .await
        .unwrap()
        .len();
    // An empty comment is refused, in the error summary, and nothing is kept.
    let refused = app
        .post(
            &learner,
            &format!("{path}/comments"),
            &[("comment", " \n ")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("Enter your comment"));
    let response = app
        .post(
            &learner,
            &format!("{path}/comments"),
            &[("comment", "<img src=x onerror=alert('comment')>")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.store()
            .comments_on(
                app.org,
                CommentOn::Clipping(skillgym_domain::ClippingId(id))
            )
            .await
            .unwrap()
            .len(),
        before + 1
    );
    let html = app.page(&learner, &path).await;
    for raw in [
        "<script>alert",
        "<b>paragraph",
        "<img src=x",
        "<i>tag",
        "b=<2>",
    ] {
        assert!(!html.contains(raw), "{raw} is escaped");
    }
    assert!(html.contains("&#60;script&#62;"));
    assert!(html.contains("&#60;img src=x onerror="));
    // Paragraphs stay paragraphs.
    assert!(html.contains("<p>Second &#60;b&#62;paragraph&#60;/b&#62;</p>"));

    // A write-up's title and text too.
    let trainer = app.signed_in("trainer@afon.example").await;
    let response = app
        .post(
            &trainer,
            "/horizon/write-ups/new",
            &[
                ("from", "2026-01-01"),
                ("to", "2026-06-30"),
                ("title", "<em>Coming</em>"),
                ("text", "<script>x()</script>\r\n\r\nAnd more"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = app.page(&learner, location(&response)).await;
    assert!(!page.contains("<script>x()") && !page.contains("<em>Coming"));
    assert!(page.contains("&#60;em&#62;Coming&#60;/em&#62;"));
    assert!(page.contains("<p>And more</p>"));
}

/// The numbers of a synthesis table's row for `tag` (empty: no tag): clippings, comments.
fn group_row(html: &str, tag: &str) -> Option<(usize, usize)> {
    let start = html.find(&format!("<tr data-tag=\"{tag}\">"))?;
    let row = &html[start..start + html[start..].find("</tr>")?];
    let numbers: Vec<usize> = row
        .split("<td class=\"numeric\">")
        .skip(1)
        .map(|cell| cell[..cell.find('<').unwrap()].parse().unwrap())
        .collect();
    Some((numbers[0], numbers[1]))
}

async fn the_synthesis_groups_a_periods_clippings_by_tag(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let learner = person_of(&app, "learner@afon.example").await;
    let champion = person_of(&app, "champion@afon.example").await;
    let at = |y: i32, m: u8, d: u8, h: u8, min: u8, s: u8| {
        let month = time::Month::try_from(m).unwrap();
        let local = time::Date::from_calendar_date(y, month, d)
            .unwrap()
            .with_hms(h, min, s)
            .unwrap();
        skillgym_domain::uk_time::instant(local).unwrap()
    };
    let clipping = |tags: &[&str]| NewClipping {
        url: "https://www.gov.uk".into(),
        note: "A note".into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
    };
    // The first half of 2024, on the UK's clock (British Summer Time from 31 March).
    let inside = [
        (at(2024, 1, 1, 0, 0, 0), vec!["ai", "security"], 2),
        (at(2024, 3, 31, 3, 0, 0), vec!["security"], 1),
        (at(2024, 4, 15, 12, 0, 0), vec![], 0),
        (at(2024, 6, 30, 23, 59, 59), vec!["ai"], 3),
    ];
    let outside = [
        (at(2023, 12, 31, 23, 59, 59), vec!["ai"], 1),
        (at(2024, 7, 1, 0, 0, 0), vec!["ai", "scams"], 1),
    ];
    for (when, tags, comments) in inside.iter().chain(outside.iter()) {
        let id = store
            .clip_at(app.org, learner, &clipping(tags), *when)
            .await
            .unwrap();
        for _ in 0..*comments {
            store
                .add_comment(app.org, CommentOn::Clipping(id), champion, "Agreed")
                .await
                .unwrap();
        }
    }
    let client = app.signed_in("learner@afon.example").await;
    let html = app
        .page(&client, "/horizon/synthesis?from=2024-01-01&to=2024-06-30")
        .await;
    assert!(html.contains("4 clippings"), "only the period's");
    assert_eq!(group_row(&html, "ai"), Some((2, 5)));
    assert_eq!(group_row(&html, "security"), Some((2, 3)));
    assert_eq!(group_row(&html, ""), Some((1, 0)), "No tag");
    assert_eq!(group_row(&html, "scams"), None, "1 July is the next half");
    assert!(html.contains("No tag"));
    // The most clipped first, no tag last.
    let order: Vec<usize> = ["data-tag=\"ai\"", "data-tag=\"security\"", "data-tag=\"\""]
        .iter()
        .map(|t| html.find(t).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // The next half-year has the 1 July clipping.
    let next = app
        .page(&client, "/horizon/synthesis?from=2024-07-01&to=2024-12-31")
        .await;
    assert_eq!(group_row(&next, "ai"), Some((1, 1)));
    assert_eq!(group_row(&next, "scams"), Some((1, 1)));
    // A learner reads it but has no form to write it up.
    assert!(!html.contains("/horizon/write-ups/new"));
    let trainer = app.signed_in("trainer@afon.example").await;
    assert!(
        app.page(&trainer, "/horizon/synthesis")
            .await
            .contains("action=\"/horizon/write-ups/new\"")
    );

    // By default the last six months, with a link to each recent half-year.
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let default = app.page(&client, "/horizon/synthesis").await;
    let six = skillgym_domain::horizon::Period::last_months(today, 6);
    assert!(default.contains(&format!(
        "value=\"{}\"",
        skillgym_domain::people::format_date(six.from)
    )));
    let half = skillgym_domain::horizon::Period::half_year_of(today);
    let (from, to) = (
        skillgym_domain::people::format_date(half.from),
        skillgym_domain::people::format_date(half.to),
    );
    assert!(default.contains(&format!("/horizon/synthesis?from={from}&#38;to={to}")));
    let label = if half.is_first_half() {
        "January to June"
    } else {
        "July to December"
    };
    assert!(default.contains(&format!("{label} {}", today.year())));
    // A period the wrong way round is refused.
    let refused = app
        .get(&client, "/horizon/synthesis?from=2024-07-01&to=2024-01-01")
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("The first day must be on or before the last day")
    );
}

async fn a_write_up_goes_to_everyone_once_whatever_the_instances(backend: Backend) {
    let smtp = common::smtp::SmtpServer::start().await;
    let config = skillgym_web::WebConfig {
        mailer: Some(smtp.mailer()),
        ..skillgym_web::WebConfig::default()
    };
    let app = common::spawn_app_with(backend, config).await;
    let one = app.store().clone();
    let two = skillgym_store::Store::connect(&app.db.url).await.unwrap();
    let mailer = smtp.mailer();

    // Only a lead publishes; a refused form keeps nothing.
    let learner = app.signed_in("learner@afon.example").await;
    let fields = [
        ("from", "2026-01-01"),
        ("to", "2026-06-30"),
        ("title", "What is coming this summer"),
        ("text", "Digital ID.\n\nAnd chatbots."),
    ];
    assert_eq!(
        app.post(&learner, "/horizon/write-ups/new", &fields)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let trainer = app.signed_in("trainer@afon.example").await;
    let before = one.write_ups(app.org, 0).await.unwrap().len();
    let refused = app
        .post(
            &trainer,
            "/horizon/write-ups/new",
            &[
                ("from", "2026-01-01"),
                ("to", "2026-06-30"),
                ("title", ""),
                ("text", ""),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Enter a title") && html.contains("Enter the write-up"));
    assert_eq!(one.write_ups(app.org, 0).await.unwrap().len(), before);

    let published = app.post(&trainer, "/horizon/write-ups/new", &fields).await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    let path = location(&published).to_string();
    let id = path
        .strip_prefix("/horizon/write-ups/")
        .and_then(|r| r.strip_suffix("?done=published"))
        .unwrap()
        .to_string();
    assert_eq!(
        audit_details(&app, "write-up-published").await,
        [format!("write-up={id}")]
    );
    // Everyone reads it, in the list and on their home page.
    let champion = app.signed_in("champion@afon.example").await;
    assert!(
        app.page(&champion, "/horizon/write-ups")
            .await
            .contains(&format!("/horizon/write-ups/{id}\""))
    );
    let home = app.page(&learner, "/").await;
    assert!(home.contains(&format!("/horizon/write-ups/{id}\"")));
    // The demo's, published twelve days ago, is there too.
    let demo = one.write_ups(app.org, 0).await.unwrap().last().unwrap().id;
    assert!(home.contains(&format!("/horizon/write-ups/{demo}\"")));
    assert!(home.contains("What is coming this summer"));

    // Everyone who has an email address and has not left, from the store's own records.
    let today = skillgym_domain::uk_time::local(skillgym_store::now()).date();
    let expected: BTreeSet<String> = {
        let filter = PersonFilter {
            present_on: Some(today),
            limit: i64::MAX,
            ..PersonFilter::default()
        };
        let mut emails = BTreeSet::new();
        for p in one.people(app.org, &filter).await.unwrap().0 {
            let record = one.person(app.org, p.id).await.unwrap();
            if let Some(email) = record.email {
                emails.insert(email);
            }
        }
        emails
    };
    assert!(expected.len() > 10);

    let at = skillgym_store::now();
    let (a, b) = futures_util::future::join(
        skillgym_web::run_write_up_email_job(&one, &mailer, &app.url, "one", at),
        skillgym_web::run_write_up_email_job(&two, &mailer, &app.url, "two", at),
    )
    .await;
    let runs = [a.unwrap(), b.unwrap()];
    assert_eq!(runs.iter().flatten().count(), 1, "{runs:?}");
    assert_eq!(runs.iter().flatten().next().unwrap().sent, expected.len());
    // Runs after, from either instance: nothing more (the demo's older write-up is not sent).
    for (store, name, later) in [(&one, "one", 301), (&two, "two", 602)] {
        let again =
            skillgym_web::run_write_up_email_job(store, &mailer, &app.url, name, at + later)
                .await
                .unwrap();
        assert_eq!(again.map(|s| s.sent).unwrap_or(0), 0);
    }
    // Claiming one email from both instances at once: one of them has it.
    let someone = person_of(&app, "manager@afon.example").await;
    let fresh = one
        .publish_write_up(
            app.org,
            skillgym_domain::horizon::Period::half_year_of(today),
            "Another",
            "Text",
            someone,
        )
        .await
        .unwrap();
    let (x, y) = futures_util::future::join(
        one.claim_write_up_email(app.org, fresh, someone),
        two.claim_write_up_email(app.org, fresh, someone),
    )
    .await;
    assert_ne!(x.unwrap(), y.unwrap());

    let messages = smtp.wait_for(expected.len()).await;
    assert_eq!(messages.len(), expected.len());
    let sent_to: BTreeSet<String> = messages.iter().map(|m| m.to.clone()).collect();
    assert_eq!(sent_to, expected);
    let message = &messages[0];
    assert_eq!(
        message.subject,
        "What is coming: What is coming this summer"
    );
    assert!(message.body.contains("And chatbots."));
    assert!(
        message
            .body
            .contains(&format!("{}/horizon/write-ups/{id}", app.url))
    );
    two.close().await;
}

async fn leads_remove_clippings_and_comments_and_authors_their_own(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let learner = app.signed_in("learner@afon.example").await;
    let champion = app.signed_in("champion@afon.example").await;
    let trainer = app.signed_in("trainer@afon.example").await;
    let id = clip(
        &app,
        &learner,
        &[
            ("url", "https://www.ncsc.gov.uk"),
            ("note", "Scams"),
            ("tags", ""),
        ],
    )
    .await;
    let on = CommentOn::Clipping(skillgym_domain::ClippingId(id));
    for (client, text) in [(&learner, "Mine"), (&champion, "The champion's")] {
        let response = app
            .post(
                client,
                &format!("/horizon/{id}/comments"),
                &[("comment", text)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let comments = store.comments_on(app.org, on).await.unwrap();
    let (mine, theirs) = (comments[0].id, comments[1].id);
    // The learner sees a remove button on their own comment only.
    let page = app.page(&learner, &format!("/horizon/{id}")).await;
    assert!(page.contains(&format!("/comments/{mine}/remove")));
    assert!(!page.contains(&format!("/comments/{theirs}/remove")));
    assert_eq!(
        app.post(&learner, &format!("/comments/{theirs}/remove"), &[])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let removed = app
        .post(&learner, &format!("/comments/{mine}/remove"), &[])
        .await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&removed),
        format!("/horizon/{id}?done=comment-removed#comments")
    );
    // A lead removes anyone's, in the audit trail.
    assert_eq!(
        app.post(&trainer, &format!("/comments/{theirs}/remove"), &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert!(store.comments_on(app.org, on).await.unwrap().is_empty());
    let details = audit_details(&app, "comment-removed").await;
    assert!(details.contains(&format!("comment={theirs} clipping={id}")));

    // Only a lead removes a clipping, with its comments, in the audit trail.
    app.post(
        &champion,
        &format!("/horizon/{id}/comments"),
        &[("comment", "Again")],
    )
    .await;
    for client in [&learner, &champion] {
        assert_eq!(
            app.post(client, &format!("/horizon/{id}/remove"), &[])
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
    }
    assert!(!page.contains(&format!("/horizon/{id}/remove")));
    assert!(
        app.page(&trainer, &format!("/horizon/{id}"))
            .await
            .contains(&format!("/horizon/{id}/remove"))
    );
    let removed = app
        .post(&trainer, &format!("/horizon/{id}/remove"), &[])
        .await;
    assert_eq!(location(&removed), "/horizon?done=removed");
    assert_eq!(
        app.get(&learner, &format!("/horizon/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(store.comments_on(app.org, on).await.unwrap().is_empty());
    assert_eq!(
        audit_details(&app, "clipping-removed").await,
        [format!("clipping={id}")]
    );

    // Another organisation's clipping is not there to read, comment on or remove.
    let other = common::add_organisation(&app, "Bro Library Service", "bro.example").await;
    let theirs = store.clippings(other, "", 0, 1).await.unwrap().0[0].id;
    for (get, path) in [
        (true, format!("/horizon/{theirs}")),
        (false, format!("/horizon/{theirs}/comments")),
        (false, format!("/horizon/{theirs}/remove")),
    ] {
        let status = if get {
            app.get(&trainer, &path).await.status()
        } else {
            app.post(&trainer, &path, &[("comment", "Hello")])
                .await
                .status()
        };
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}

async fn champions_trainers_and_admins_post_tips_and_everyone_comments(backend: Backend) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let learner = app.signed_in("learner@afon.example").await;
    let champion = app.signed_in("champion@afon.example").await;
    let admin = app.signed_in("admin@afon.example").await;
    let fields = [
        ("title", "Tablets for lending: charge them on Fridays"),
        (
            "text",
            "Plug them in before closing.\n\nThey last the weekend.",
        ),
        ("competence", ""),
    ];
    assert_eq!(
        app.post(&learner, "/champions/board/new", &fields)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert!(
        !app.page(&learner, "/champions/board")
            .await
            .contains("/champions/board/new")
    );
    // A skill the organisation does not have, and no title: refused, nothing kept.
    let before = store.board_posts(app.org).await.unwrap().len();
    let refused = app
        .post(
            &champion,
            "/champions/board/new",
            &[
                ("title", ""),
                ("text", "x"),
                ("competence", "no-such-skill"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Enter a title") && html.contains("Choose a skill from the list"));
    assert_eq!(store.board_posts(app.org).await.unwrap().len(), before);

    // With a skill of the framework, shown by its title.
    let competence = store
        .catalogue(app.org)
        .await
        .unwrap()
        .into_iter()
        .find_map(|a| a.activity.builds.first().map(|b| b.competence.clone()))
        .unwrap();
    let mut with_skill = fields.to_vec();
    with_skill[2] = ("competence", competence.as_str());
    let posted = app
        .post(&champion, "/champions/board/new", &with_skill)
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let path = location(&posted)
        .strip_suffix("?done=posted")
        .unwrap()
        .to_string();
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let post = store
        .board_post(app.org, skillgym_domain::BoardPostId(id))
        .await
        .unwrap();
    assert_eq!(post.competence.as_deref(), Some(competence.as_str()));
    let shown = app.page(&learner, &path).await;
    assert!(shown.contains("<p>They last the weekend.</p>"));
    assert!(shown.contains(&format!("competence={competence}")));
    // Everyone comments; the list counts them.
    let response = app
        .post(
            &learner,
            &format!("{path}/comments"),
            &[("comment", "Thanks!")],
        )
        .await;
    assert_eq!(
        location(&response),
        format!("{path}?done=commented#comments")
    );
    let list = app.page(&learner, "/champions/board").await;
    assert!(list.contains("Tablets for lending") && list.contains("1 comment"));
    // Trainers and admins post too.
    for client in [&admin, &app.signed_in("trainer@afon.example").await] {
        assert_eq!(
            app.post(client, "/champions/board/new", &fields)
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
    }

    // The author or a lead removes it; not another reader.
    assert_eq!(
        app.get(&learner, &format!("{path}/remove")).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(&learner, &format!("{path}/remove"), &[])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert!(
        app.page(&champion, &path)
            .await
            .contains(&format!("{path}/remove"))
    );
    let removed = app.post(&champion, &format!("{path}/remove"), &[]).await;
    assert_eq!(location(&removed), "/champions/board?done=removed");
    assert_eq!(
        app.get(&learner, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(
        store
            .comments_on(
                app.org,
                CommentOn::BoardPost(skillgym_domain::BoardPostId(id))
            )
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        audit_details(&app, "board-post-removed").await,
        [format!("board-post={id}")]
    );
    // A lead removes another's tip.
    let demo_tip = store.board_posts(app.org).await.unwrap().last().unwrap().id;
    assert_eq!(
        app.post(&admin, &format!("/champions/board/{demo_tip}/remove"), &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );

    // The board is linked from the champion's page and the Learning page.
    assert!(
        app.page(&champion, "/champion")
            .await
            .contains("href=\"/champions/board\"")
    );
    let learning = app.page(&learner, "/learning").await;
    assert!(
        learning.contains("href=\"/champions/board\"") && learning.contains("href=\"/horizon\"")
    );
}

async fn a_persons_clippings_and_comments_are_in_their_data_and_erasure_unnames_them(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let store = app.store();
    let learner = person_of(&app, "learner@afon.example").await;
    let trainer = person_of(&app, "trainer@afon.example").await;
    let clipping = store
        .clip(
            app.org,
            learner,
            &NewClipping {
                url: "https://www.gov.uk/one-login".into(),
                note: "One Login is spreading".into(),
                tags: vec!["digital id".into()],
            },
        )
        .await
        .unwrap();
    let on_theirs = CommentOn::Clipping(clipping);
    store
        .add_comment(app.org, on_theirs, learner, "My own comment")
        .await
        .unwrap();
    store
        .add_comment(app.org, on_theirs, trainer, "The trainer's comment")
        .await
        .unwrap();
    let tip = store.board_posts(app.org).await.unwrap()[0].id;
    store
        .add_comment(app.org, CommentOn::BoardPost(tip), learner, "Useful tip")
        .await
        .unwrap();

    let data = store.personal_data(app.org, learner).await.unwrap();
    let clippings = data.table("horizon_clippings").unwrap();
    assert_eq!(clippings.rows.len(), 1);
    assert_eq!(data.table("comments").unwrap().rows.len(), 2);
    assert!(data.table("board_posts").is_some() && data.table("horizon_write_ups").is_some());
    // The download's columns each have a heading in both languages.
    let client = app.signed_in("learner@afon.example").await;
    assert_eq!(
        app.post(&client, "/me/data", &[]).await.status(),
        StatusCode::OK
    );

    store
        .erase_person(app.org, learner, skillgym_store::Actor::System)
        .await
        .unwrap();
    // The clipping stays for everyone, tied to nobody; their comments go, others' stay.
    let kept = store.clipping(app.org, clipping).await.unwrap();
    assert_eq!((kept.clipped_by, kept.clipper), (None, None));
    assert_eq!(kept.note, "One Login is spreading");
    let left: Vec<String> = store
        .comments_on(app.org, on_theirs)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.body)
        .collect();
    assert_eq!(left, ["The trainer's comment"]);
    assert!(
        store
            .comments_on(app.org, CommentOn::BoardPost(tip))
            .await
            .unwrap()
            .iter()
            .all(|c| c.body != "Useful tip")
    );
    // The page says nobody's name.
    let trainer_client = app.signed_in("trainer@afon.example").await;
    assert!(
        app.page(&trainer_client, &format!("/horizon/{clipping}"))
            .await
            .contains("Clipped on ")
    );
    // The author of a tip and of a write-up can be erased too; what they wrote stays.
    let author = store
        .board_post(app.org, tip)
        .await
        .unwrap()
        .author
        .unwrap();
    store
        .erase_person(app.org, author, skillgym_store::Actor::System)
        .await
        .unwrap();
    assert_eq!(store.board_post(app.org, tip).await.unwrap().author, None);
    assert!(
        app.page(&trainer_client, &format!("/champions/board/{tip}"))
            .await
            .contains("Posted on ")
    );
    store
        .erase_person(app.org, trainer, skillgym_store::Actor::System)
        .await
        .unwrap();
    let write_ups = store.write_ups(app.org, 0).await.unwrap();
    assert!(!write_ups.is_empty() && write_ups.iter().all(|w| w.written_by.is_none()));
}

/// docs/horizon.md, "The reminder": six months after the last write-up (or the first clipping
/// while nothing is written up), each lead gets one email, in their language, linking to the
/// synthesis of those months; once however many instances run; none while a write-up is recent.
async fn the_leads_are_reminded_every_six_months_once_whatever_the_instances(backend: Backend) {
    use skillgym_domain::retention::months_before;
    use skillgym_domain::{Role, uk_time};
    let smtp = common::smtp::SmtpServer::start().await;
    let config = skillgym_web::WebConfig {
        mailer: Some(smtp.mailer()),
        ..skillgym_web::WebConfig::default()
    };
    let app = common::spawn_app_with(backend, config).await;
    let one = app.store().clone();
    let two = skillgym_store::Store::connect(&app.db.url).await.unwrap();
    let mailer = smtp.mailer();
    let pool = sqlx::AnyPool::connect(&app.db.url).await.unwrap();
    let today = uk_time::local(skillgym_store::now()).date();
    let noon = |day: time::Date| {
        uk_time::instant(day.with_time(time::Time::from_hms(12, 0, 0).unwrap())).unwrap()
    };

    // The leads, who may write up: trainers and administrators who have not left. One reads
    // Welsh.
    let trainer = person_of(&app, "trainer@afon.example").await;
    let account = one
        .person(app.org, trainer)
        .await
        .unwrap()
        .account
        .unwrap()
        .0;
    one.set_language(account, "cy").await.unwrap();
    let filter = PersonFilter {
        present_on: Some(today),
        limit: i64::MAX,
        ..PersonFilter::default()
    };
    let mut leads = BTreeSet::new();
    for p in one.people(app.org, &filter).await.unwrap().0 {
        let record = one.person(app.org, p.id).await.unwrap();
        if let (Some((_, roles)), Some(email)) = (record.account, record.email)
            && (roles.has(Role::Trainer) || roles.has(Role::Admin))
        {
            leads.insert(email);
        }
    }
    assert!(leads.contains("trainer@afon.example") && leads.contains("admin@afon.example"));
    assert!(!leads.contains("manager@afon.example") && !leads.contains("learner@afon.example"));

    // The first clipping was eight months ago, but the demo's write-up is twelve days old:
    // nothing is due.
    let first_clipped = months_before(today, 8);
    sqlx::query(
        "UPDATE horizon_clippings SET clipped_at = $1 WHERE id = \
             (SELECT MIN(id) FROM horizon_clippings WHERE organisation_id = $2)",
    )
    .bind(noon(first_clipped))
    .bind(app.org.0)
    .execute(&pool)
    .await
    .unwrap();
    let at = skillgym_store::now() + 1;
    let run = |store: &skillgym_store::Store, name: &'static str, at: i64| {
        let (store, mailer, url) = (store.clone(), mailer.clone(), app.url.clone());
        async move {
            skillgym_web::run_synthesis_reminder_job(&store, &mailer, &url, name, at)
                .await
                .unwrap()
        }
    };
    assert_eq!(run(&one, "one", at).await.map(|s| s.sent), Some(0));

    // The last write-up seven months ago: due a month ago, for the six months after it.
    let written = months_before(today, 7);
    sqlx::query("UPDATE horizon_write_ups SET published_at = $1 WHERE organisation_id = $2")
        .bind(noon(written))
        .bind(app.org.0)
        .execute(&pool)
        .await
        .unwrap();
    let at = at + 3600;
    let (a, b) = futures_util::future::join(run(&one, "one", at), run(&two, "two", at)).await;
    let runs = [a, b];
    assert_eq!(runs.iter().flatten().count(), 1, "{runs:?}");
    assert_eq!(runs.iter().flatten().next().unwrap().sent, leads.len());
    // Runs after, from either instance: nothing more.
    for (store, name, later) in [(&one, "one", 3601), (&two, "two", 7202)] {
        let again = run(store, name, at + later).await;
        assert_eq!(again.map(|s| s.sent).unwrap_or(0), 0);
    }
    let messages = smtp.wait_for(leads.len()).await;
    assert_eq!(messages.len(), leads.len());
    let sent_to: BTreeSet<String> = messages.iter().map(|m| m.to.clone()).collect();
    assert_eq!(sent_to, leads);
    let link = |from: time::Date| {
        format!(
            "{}/horizon/synthesis?from={}&to={}",
            app.url,
            skillgym_domain::people::format_date(from),
            skillgym_domain::people::format_date(months_before(from, -6)),
        )
    };
    for message in &messages {
        assert!(message.body.contains(&link(written)), "{}", message.body);
        if message.to == "trainer@afon.example" {
            assert_eq!(
                message.subject,
                "Mae'n bryd llunio crynodeb o sganio'r gorwel"
            );
            assert!(message.body.contains("Annwyl"));
        } else {
            assert_eq!(message.subject, "A horizon-scanning synthesis is due");
            assert!(message.body.contains("Dear"));
        }
    }
    // The link opens the synthesis of those months for a lead.
    let lead = app.signed_in("admin@afon.example").await;
    let path = link(written).replace(&app.url, "");
    assert!(app.page(&lead, &path).await.contains("Write it up"));

    // Claiming one reminder from both instances at once: one of them has it.
    let later = today + time::Duration::days(400);
    let (x, y) = futures_util::future::join(
        one.claim_synthesis_reminder(app.org, trainer, later),
        two.claim_synthesis_reminder(app.org, trainer, later),
    )
    .await;
    assert_ne!(x.unwrap(), y.unwrap());

    // With nothing written up, from the first clipping: due two months ago.
    sqlx::query("DELETE FROM horizon_write_ups WHERE organisation_id = $1")
        .bind(app.org.0)
        .execute(&pool)
        .await
        .unwrap();
    let at = at + 4 * 3600;
    let sent = run(&two, "two", at).await.unwrap();
    assert_eq!(sent.sent, leads.len());
    let all = smtp.wait_for(2 * leads.len()).await;
    assert_eq!(all.len(), 2 * leads.len());
    // The mailbox's order is not the order of sending: the new ones are those not seen before.
    let seen: BTreeSet<&str> = messages.iter().map(|m| m.message_id.as_str()).collect();
    let new: Vec<_> = all
        .iter()
        .filter(|m| !seen.contains(m.message_id.as_str()))
        .collect();
    assert_eq!(new.len(), leads.len());
    for message in new {
        assert!(
            message.body.contains(&link(first_clipped)),
            "{}",
            message.body
        );
    }

    // Erasing a lead erases the record of their reminders.
    let kept = "SELECT COUNT(*) FROM horizon_synthesis_reminders WHERE person_id = $1";
    let count = |person: PersonId| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(kept)
                .bind(person.0)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(count(trainer).await, 3);
    one.erase_person(app.org, trainer, skillgym_store::Actor::System)
        .await
        .unwrap();
    assert_eq!(count(trainer).await, 0);
    pool.close().await;
    two.close().await;
}
