//! An admin's own pictures for knowledge-round questions: uploaded as PNG or JPEG on the
//! question form, checked by their bytes, served only to those who may see the questions, and
//! deleted once no question shows them.

mod common;

use common::{TestApp, location, spawn_app};
use reqwest::{Client, StatusCode};
use skillgym_domain::CampaignId;
use skillgym_domain::audit::picture::{MAX_BYTES, samples};
use skillgym_test_db::{Backend, both_backends};

both_backends!(
    uploaded_pictures_are_checked_stored_served_and_removed,
    a_picture_too_large_to_read_is_refused_on_the_form_early,
    pictures_are_legible_open_on_their_own_and_welsh_for_welsh_readers,
);

/// Posts the knowledge-round form as the page does: multipart, with the picture as a file.
async fn post_quiz(
    app: &TestApp,
    admin: &Client,
    path: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &str, Vec<u8>)>,
) -> (StatusCode, String, String) {
    let csrf = app.csrf(admin).await;
    let mut form = reqwest::multipart::Form::new().text("csrf", csrf);
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    if let Some((name, declared, bytes)) = file {
        form = form.part(
            "picture_file",
            reqwest::multipart::Part::bytes(bytes)
                .file_name(name.to_string())
                .mime_str(declared)
                .unwrap(),
        );
    }
    let response = admin
        .post(format!("{}{path}", app.url))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let to = location(&response).to_string();
    (status, to, response.text().await.unwrap())
}

/// A new campaign (not yet started by anyone) on the first area of the first framework, and
/// the code of a competence it rates.
async fn new_campaign(app: &TestApp, admin: &Client) -> (CampaignId, String) {
    let framework = app.store().frameworks(app.org).await.unwrap()[0].id;
    let stored = app.store().framework(app.org, framework).await.unwrap();
    let area = stored.framework.areas[0].clone();
    let competence = area.competences[0].code.clone();
    let today = time::OffsetDateTime::now_utc().date();
    let response = app
        .post(
            admin,
            "/campaigns/new",
            &[
                ("title_en", "Pictures"),
                ("title_cy", "Lluniau"),
                ("framework", &framework.to_string()),
                ("area", &area.code),
                ("opens_on", &skillgym_domain::people::format_date(today)),
                (
                    "closes_on",
                    &skillgym_domain::people::format_date(today + time::Duration::days(14)),
                ),
                ("anonymous", "no"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let id = CampaignId(
        location(&response)
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap(),
    );
    (id, competence)
}

async fn uploaded_pictures_are_checked_stored_served_and_removed(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let (id, competence) = new_campaign(&app, &admin).await;
    let new = format!("/campaigns/{id}/quiz/new");
    let form = app.page(&admin, &new).await;
    assert!(form.contains("enctype=\"multipart/form-data\""));
    assert!(form.contains("type=\"file\" id=\"picture_file\""));

    let fields = |alt: &'static str| {
        vec![
            ("competence", competence.clone()),
            ("prompt_en", "Which screen is our catalogue?".to_string()),
            ("option-1-en", "This one".to_string()),
            ("option-1-correct", "yes".to_string()),
            ("option-2-en", "Not this one".to_string()),
            ("image_alt_en", alt.to_string()),
            ("image_alt_cy", "Sgrinlun".to_string()),
        ]
    };
    let as_refs = |v: &Vec<(&'static str, String)>| -> Vec<(&'static str, String)> { v.clone() };
    async fn post(
        app: &TestApp,
        admin: &Client,
        path: &str,
        fields: &[(&'static str, String)],
        file: Option<(&str, &str, Vec<u8>)>,
    ) -> (StatusCode, String, String) {
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        post_quiz(app, admin, path, &refs, file).await
    }

    // Refused: SVG (even named .png), HTML behind a PNG signature, too large, a corrupt header,
    // and a good picture without alt text; each named in the error summary.
    let mut disguised = b"\x89PNG\r\n\x1a\n".to_vec();
    disguised.extend_from_slice(b"<html><script>alert(1)</script></html>");
    let mut big = samples::png(8, 8);
    big.resize(MAX_BYTES + 1, 0);
    let mut corrupt = samples::png(8, 8);
    corrupt[18] ^= 0x40;
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".to_vec();
    for (bytes, message) in [
        (svg, "The picture must be a PNG or JPEG file"),
        (disguised, "The picture could not be read"),
        (big, "The picture must be smaller than 2 MB"),
        (corrupt, "The picture could not be read"),
    ] {
        let (status, _, html) = post(
            &app,
            &admin,
            &new,
            &as_refs(&fields("A screenshot")),
            Some(("screen.png", "image/png", bytes)),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert!(html.contains("href=\"#picture_file\""), "{message}");
        assert!(html.contains(message), "{message}");
    }
    let (status, _, html) = post(
        &app,
        &admin,
        &new,
        &as_refs(&fields("")),
        Some(("screen.png", "image/png", samples::png(8, 8))),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("href=\"#image_alt_en\""));
    assert!(html.contains("Describe the picture for people who cannot see it"));
    assert!(
        app.store()
            .campaign(app.org, id)
            .await
            .unwrap()
            .quiz
            .is_empty()
    );
    assert!(
        app.store()
            .uploaded_picture_names(app.org, id)
            .await
            .unwrap()
            .is_empty()
    );

    // A PNG (declared as anything) and a JPEG are taken, with their sizes.
    let png = samples::png(640, 400);
    let (status, _, body) = post(
        &app,
        &admin,
        &new,
        &as_refs(&fields("Our catalogue's search page")),
        Some(("catalogue.bin", "application/octet-stream", png.clone())),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let jpeg = samples::jpeg(300, 200);
    let (status, _, body) = post(
        &app,
        &admin,
        &new,
        &as_refs(&fields("The self-service kiosk")),
        Some(("kiosk.jpg", "image/jpeg", jpeg.clone())),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let campaign = app.store().campaign(app.org, id).await.unwrap();
    let (q1, first) = campaign.quiz[0].clone();
    let (q2, second) = campaign.quiz[1].clone();
    let png_name = first.image.clone().unwrap();
    let jpeg_name = second.image.clone().unwrap();
    assert!(png_name.starts_with("upload-") && png_name.ends_with(".png"));
    assert!(jpeg_name.starts_with("upload-") && jpeg_name.ends_with(".jpg"));
    let sizes = app.store().picture_sizes(id).await.unwrap();
    assert_eq!(sizes.get(&png_name), Some(&(640, 400)));
    assert_eq!(sizes.get(&jpeg_name), Some(&(300, 200)));
    // The form offers the uploaded pictures to choose again.
    assert!(app.page(&admin, &new).await.contains(&png_name));

    // Served as the type its bytes were checked to be, never sniffed.
    let picture = |name: &str| format!("/audits/{id}/pictures/{name}");
    let response = app.get(&admin, &picture(&png_name)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let header = |r: &reqwest::Response, h: &str| {
        r.headers()
            .get(h)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert_eq!(header(&response, "content-type"), "image/png");
    assert_eq!(header(&response, "x-content-type-options"), "nosniff");
    assert_eq!(header(&response, "content-disposition"), "inline");
    assert!(header(&response, "cache-control").contains("max-age"));
    assert_eq!(response.bytes().await.unwrap().to_vec(), png);
    let response = app.get(&admin, &picture(&jpeg_name)).await;
    assert_eq!(header(&response, "content-type"), "image/jpeg");

    // Replacing a question's picture deletes the unused one; so does removing a question.
    let (status, _, body) = post(
        &app,
        &admin,
        &format!("/campaigns/{id}/quiz/{q1}/edit"),
        &as_refs(&fields("Our catalogue, new look")),
        Some(("new.png", "image/png", samples::png(320, 200))),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert_eq!(
        app.get(&admin, &picture(&png_name)).await.status(),
        StatusCode::NOT_FOUND
    );
    let response = app
        .post(
            &admin,
            &format!("/campaigns/{id}/quiz/{q2}/remove"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get(&admin, &picture(&jpeg_name)).await.status(),
        StatusCode::NOT_FOUND
    );
    let campaign = app.store().campaign(app.org, id).await.unwrap();
    let current = campaign.quiz[0].1.image.clone().unwrap();
    assert_eq!(
        app.store()
            .uploaded_picture_names(app.org, id)
            .await
            .unwrap(),
        vec![current.clone()]
    );

    // A respondent sees it on their page, with its size, and may fetch it.
    let learner = app.signed_in("learner@afon.example").await;
    let response = app
        .post(&learner, &format!("/audits/{id}/start"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mut answers: Vec<(String, String)> =
        vec![(format!("quiz-{}", campaign.quiz[0].0), "0".into())];
    for comp in campaign.areas.iter().flat_map(|a| &a.competences) {
        answers.push((format!("rating-{}", comp.id), "4".into()));
    }
    let refs: Vec<(&str, &str)> = answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut seen = false;
    for n in 1..=campaign.questionnaire().len() {
        let path = format!("/audits/{id}/section/{n}");
        let html = app.page(&learner, &path).await;
        if html.contains(&picture(&current)) {
            assert!(html.contains("width=\"320\" height=\"200\""));
            assert!(html.contains("alt=\"Our catalogue, new look\""));
            seen = true;
        }
        let response = app.post(&learner, &path, &refs).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
    }
    assert!(seen, "the respondent's page shows the uploaded picture");
    assert_eq!(
        app.get(&learner, &picture(&current)).await.status(),
        StatusCode::OK
    );
    // Checking answers and the results show the question with its picture, as it was asked.
    let shown = format!(
        "<img class=\"quiz-picture\" src=\"{}\" alt=\"Our catalogue, new look\" lang=\"en\" \
         width=\"320\" height=\"200\">",
        picture(&current)
    );
    let check = app.page(&learner, &format!("/audits/{id}/check")).await;
    assert!(check.contains(&shown), "{check}");
    let response = app
        .post(&learner, &format!("/audits/{id}/check"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let results = app.page(&learner, &format!("/audits/{id}/results")).await;
    assert!(results.contains(&shown), "{results}");
    // In Welsh, with the Welsh description.
    let response = app.post(&learner, "/language", &[("lang", "cy")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let results = app.page(&learner, &format!("/audits/{id}/results")).await;
    assert!(
        results.contains("alt=\"Sgrinlun\" lang=\"cy\" width=\"320\""),
        "{results}"
    );
    // Once anyone has started, the picture is locked with the questions.
    let (status, _, _) = post(
        &app,
        &admin,
        &format!("/campaigns/{id}/quiz/{}/edit", campaign.quiz[0].0),
        &as_refs(&fields("Changed")),
        Some(("again.png", "image/png", samples::png(10, 10))),
    )
    .await;
    assert_ne!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store()
            .uploaded_picture_names(app.org, id)
            .await
            .unwrap(),
        vec![current]
    );
}

async fn a_picture_too_large_to_read_is_refused_on_the_form_early(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let (id, competence) = new_campaign(&app, &admin).await;
    let new = format!("/campaigns/{id}/quiz/new");
    let fields = [
        ("competence", competence.as_str()),
        ("prompt_en", "Which screen is our catalogue?"),
        ("option-1-en", "This one"),
        ("option-1-correct", "yes"),
        ("option-2-en", "Not this one"),
        ("explanation_en", "The catalogue has a search box"),
        ("image_alt_en", "A screenshot"),
        ("image_alt_cy", "Sgrinlun"),
    ];
    // Just over what the route reads, and far over it: both stop at the limit and show the
    // form again, as too large (413), with the error and everything typed.
    for size in [MAX_BYTES + 512 * 1024, 60 * 1024 * 1024] {
        let mut big = samples::png(8, 8);
        big.resize(size, 0);
        let (status, _, html) = post_quiz(
            &app,
            &admin,
            &new,
            &fields,
            Some(("screen.png", "image/png", big)),
        )
        .await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{size}: {html}");
        assert!(html.contains("class=\"error-summary\""), "{size}");
        assert!(html.contains("href=\"#picture_file\""), "{size}");
        assert!(
            html.contains("The picture must be smaller than 2 MB"),
            "{size}"
        );
        for value in [
            "value=\"Which screen is our catalogue?\"",
            "value=\"Not this one\"",
            "The catalogue has a search box",
            "value=\"A screenshot\"",
            "value=\"Sgrinlun\"",
        ] {
            assert!(html.contains(value), "{size}: {value} kept");
        }
        assert!(
            app.store()
                .campaign(app.org, id)
                .await
                .unwrap()
                .quiz
                .is_empty()
        );
    }
    // A 60 MB upload is answered once the limit is read: this one never sends the rest of its
    // body, and still gets the form back.
    let (status, html) = upload_cut_short(&app, &new, &fields, 60 * 1024 * 1024).await;
    assert!(status.starts_with("HTTP/1.1 413"), "{status}");
    assert!(html.contains("The picture must be smaller than 2 MB"));
    assert!(html.contains("value=\"Which screen is our catalogue?\""));
    // Other forms keep a small limit too, and say so; the data-file routes keep their large one
    // (see the staff import tests).
    let response = admin
        .post(format!("{}/sites/new", app.url))
        .form(&[
            ("csrf", app.csrf(&admin).await),
            ("name", "x".repeat(3 << 20)),
        ])
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
}

/// Signs in, then sends the knowledge-round form by hand, declaring a picture of `declared`
/// bytes but sending only a little over the route's limit of it and then nothing more; gives
/// the response's status line and body as they come back before the upload is finished.
async fn upload_cut_short(
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
    declared: usize,
) -> (String, String) {
    use reqwest::cookie::CookieStore;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let client = Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = app
        .post(
            &client,
            "/sign-in",
            &[
                ("email", "admin@afon.example"),
                ("password", skillgym_domain::demo::DEMO_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let url: reqwest::Url = app.url.parse().unwrap();
    let cookie = jar.cookies(&url).unwrap();
    let csrf = app.csrf(&client).await;

    let boundary = "cut-short-boundary";
    let mut head =
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n");
    for (name, value) in fields {
        head.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    head.push_str(&format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"picture_file\"; \
         filename=\"huge.png\"\r\nContent-Type: image/png\r\n\r\n"
    ));
    let length = head.len() + declared + format!("\r\n--{boundary}--\r\n").len();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\n\
         Content-Length: {length}\r\n\r\n{head}",
        host = url.authority(),
        cookie = cookie.to_str().unwrap(),
    );
    let stream = tokio::net::TcpStream::connect(url.authority())
        .await
        .unwrap();
    let (mut reading, mut writing) = stream.into_split();
    let sender = tokio::spawn(async move {
        writing.write_all(request.as_bytes()).await?;
        let mut picture = samples::png(8, 8);
        picture.resize(MAX_BYTES + 512 * 1024, 0);
        writing.write_all(&picture).await?;
        // The rest of the declared body never comes.
        std::future::pending::<()>().await;
        Ok::<_, std::io::Error>(())
    });
    let mut answer = Vec::new();
    let read = tokio::time::timeout(std::time::Duration::from_secs(20), async {
        let mut buffer = [0u8; 64 * 1024];
        loop {
            let n = reading.read(&mut buffer).await.unwrap_or(0);
            answer.extend_from_slice(&buffer[..n]);
            let text = String::from_utf8_lossy(&answer);
            if n == 0 || text.contains("</html>") {
                break;
            }
        }
    })
    .await;
    sender.abort();
    assert!(read.is_ok(), "answered before the whole body was sent");
    let text = String::from_utf8_lossy(&answer).to_string();
    let status = text.lines().next().unwrap_or_default().to_string();
    (status, text)
}

async fn pictures_are_legible_open_on_their_own_and_welsh_for_welsh_readers(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.signed_in("admin@afon.example").await;
    let (id, competence) = new_campaign(&app, &admin).await;
    let new = format!("/campaigns/{id}/quiz/new");
    let form = app.page(&admin, &new).await;
    assert!(form.contains("id=\"image_cy\"") && form.contains("Welsh picture"));
    let fields = |image: &str, image_cy: &str, alt_cy: &str| {
        vec![
            ("competence", competence.clone()),
            (
                "prompt_en",
                "Which signs suggest this is a scam?".to_string(),
            ),
            (
                "prompt_cy",
                "Pa arwyddion sy'n awgrymu mai sgam yw hwn?".to_string(),
            ),
            ("option-1-en", "The sender's address".to_string()),
            ("option-1-correct", "yes".to_string()),
            ("option-2-en", "It is about a parcel".to_string()),
            ("image", image.to_string()),
            ("image_cy", image_cy.to_string()),
            ("image_alt_en", "An email".to_string()),
            ("image_alt_cy", alt_cy.to_string()),
        ]
    };
    let post = |fields: Vec<(&'static str, String)>, file: Option<(&str, &str, Vec<u8>)>| {
        let app = &app;
        let admin = &admin;
        let new = new.clone();
        let file = file.map(|(n, t, b)| (n.to_string(), t.to_string(), b));
        async move {
            let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_quiz(
                app,
                admin,
                &new,
                &refs,
                file.as_ref()
                    .map(|(n, t, b)| (n.as_str(), t.as_str(), b.clone())),
            )
            .await
        }
    };
    // A Welsh picture goes with a picture, and with a Welsh description.
    let (status, _, html) = post(fields("", "phishing-cy.svg", "E-bost"), None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("href=\"#image_cy\""), "{html}");
    let (status, _, html) = post(fields("phishing.svg", "phishing-cy.svg", ""), None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("href=\"#image_alt_cy\""), "{html}");
    // The Welsh picture can be an upload, said to be for the Welsh picture.
    let mut with_upload = fields("phishing.svg", "", "E-bost yn Gymraeg");
    with_upload.push(("picture_file_for", "cy".to_string()));
    let (status, _, body) = post(
        with_upload,
        Some(("ebost.png", "image/png", samples::png(900, 600))),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let campaign = app.store().campaign(app.org, id).await.unwrap();
    let (item_id, item) = campaign.quiz[0].clone();
    assert_eq!(item.image.as_deref(), Some("phishing.svg"));
    let welsh = item.image_cy.clone().unwrap();
    assert!(welsh.starts_with("upload-") && welsh.ends_with(".png"));
    assert!(
        app.page(&admin, &format!("/campaigns/{id}/questions"))
            .await
            .contains(&welsh)
    );

    // The respondent sees the picture at its own size (CSS shrinks it to the column, never
    // past it), with a link to the picture on its own.
    let learner = app.signed_in("learner@afon.example").await;
    app.post(&learner, &format!("/audits/{id}/start"), &[])
        .await;
    let english = format!("/audits/{id}/pictures/phishing.svg");
    let cymraeg = format!("/audits/{id}/pictures/{welsh}");
    // The one question is on the last page.
    let quiz_page = format!("/audits/{id}/section/{}", campaign.questionnaire().len());
    let html = app.page(&learner, &quiz_page).await;
    assert!(
        html.contains(&format!(
            "<img class=\"quiz-picture\" src=\"{english}\" alt=\"An email\" lang=\"en\" \
             width=\"480\" height=\"330\">"
        )),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<a class=\"picture-link\" href=\"{english}\" lang=\"en\">Open the picture on its \
             own, full size<span class=\"visually-hidden\"> (question 1)</span></a>"
        )),
        "{html}"
    );
    let picture = app.get(&learner, &english).await;
    assert_eq!(picture.status(), StatusCode::OK);
    assert_eq!(
        picture.headers()["content-type"].to_str().unwrap(),
        "image/svg+xml"
    );
    // A Welsh reader sees the Welsh picture, described in Welsh, linked in Welsh.
    app.post(&learner, "/language", &[("lang", "cy")]).await;
    let html = app.page(&learner, &quiz_page).await;
    assert!(
        html.contains(&format!(
            "src=\"{cymraeg}\" alt=\"E-bost yn Gymraeg\" lang=\"cy\" width=\"900\" \
             height=\"600\">"
        )),
        "{html}"
    );
    assert!(!html.contains(&english));
    assert!(html.contains(&format!(
        "href=\"{cymraeg}\" lang=\"cy\">Agor y llun ar ei ben ei hun, maint llawn"
    )));
    assert_eq!(app.get(&learner, &cymraeg).await.status(), StatusCode::OK);
    // So do checking answers and the results.
    let mut answers = vec![(format!("quiz-{item_id}"), "0".to_string())];
    for comp in campaign.areas.iter().flat_map(|a| &a.competences) {
        answers.push((format!("rating-{}", comp.id), "4".into()));
    }
    let refs: Vec<(&str, &str)> = answers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    for n in 1..=campaign.questionnaire().len() {
        app.post(&learner, &format!("/audits/{id}/section/{n}"), &refs)
            .await;
    }
    let check = app.page(&learner, &format!("/audits/{id}/check")).await;
    assert!(
        check.contains(&format!("src=\"{cymraeg}\"")) && check.contains("class=\"with-picture\"")
    );
    assert!(check.contains(&format!("href=\"{cymraeg}\" lang=\"cy\">")));
    app.post(&learner, &format!("/audits/{id}/check"), &[])
        .await;
    let results = app.page(&learner, &format!("/audits/{id}/results")).await;
    assert!(results.contains(&format!("src=\"{cymraeg}\"")), "{results}");
    assert!(results.contains(&format!("href=\"{cymraeg}\" lang=\"cy\">")));
    app.post(&learner, "/language", &[("lang", "en")]).await;
    let results = app.page(&learner, &format!("/audits/{id}/results")).await;
    assert!(results.contains(&format!("src=\"{english}\"")) && !results.contains(&cymraeg));
}
