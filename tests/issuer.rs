//! The issuer's identity on certificates (issue 19): an organisation's
//! organisers set its legal name, address, website and signatories (API and
//! page), bad pictures are refused with a message and change nothing,
//! another organisation's organisers see none of it, and a certificate
//! prints what it kept at issue, whatever changes afterwards.

use aula_domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::certificates::{completed_session, issue};
use crate::helpers::{Api, Browser, TestApp, db_test};

const SIGNATURE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" viewBox="0 0 300 80"><path d="M10 60 C 40 0, 70 90, 100 40 S 160 10, 190 50 S 250 70, 290 20" fill="none" stroke="#1b2a4a" stroke-width="3"/></svg>"##;
const OTHER_SIGNATURE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><path d="M5 50 L 195 10" stroke="#000" stroke-width="4"/></svg>"##;
const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="160" height="80"><rect x="4" y="8" width="56" height="64" fill="#7a1c2e"/></svg>"##;

/// A real PNG, `width` × `height`, grey.
pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbaImage::from_pixel(width, height, image::Rgba([90, 90, 90, 255]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut bytes, image::ImageFormat::Png).expect("png");
    bytes.into_inner()
}

/// A PNG file that says it is `width` × `height` pixels, with no pixels:
/// its signature, header and end, each chunk with its checksum (an encoder
/// refuses to write a picture of no size; an editor's export can).
fn png_header(width: u32, height: u32) -> Vec<u8> {
    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut crc = 0xffff_ffff_u32;
        for byte in kind.iter().chain(data) {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        let mut out = u32::try_from(data.len()).expect("length").to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&(!crc).to_be_bytes());
        out
    }
    let mut header = width.to_be_bytes().to_vec();
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut file = b"\x89PNG\r\n\x1a\n".to_vec();
    file.extend(chunk(b"IHDR", &header));
    file.extend(chunk(b"IEND", &[]));
    file
}

/// The pictures refused, with what the message says: a script, a file that
/// is no image, one too large, one too wide.
pub(crate) fn bad_pictures() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        (
            "image/svg+xml",
            br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.to_vec(),
            "scripts",
        ),
        (
            "image/svg+xml",
            br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#.to_vec(),
            "scripts",
        ),
        (
            "image/svg+xml",
            br#"<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>"#.to_vec(),
            "scripts",
        ),
        ("image/png", b"hello, not an image".to_vec(), "PNG or SVG"),
        ("image/svg+xml", b"<html><body>hi</body></html>".to_vec(), "PNG or SVG"),
        (
            "image/svg+xml",
            format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\">{}</svg>",
                " ".repeat(600 * 1024)
            )
            .into_bytes(),
            "512 KiB",
        ),
        ("image/png", png(3000, 10), "pixels"),
        // A PNG of 0 × 0 draws nothing; it was told "at most 2048 pixels"
        // (session 25).
        ("image/png", png_header(0, 0), "no width or height"),
    ]
    .into_iter()
    .chain(svg_bombs())
    .collect()
}

/// SVGs that took the server down when drawn (found by attacking the
/// uploads, session 21), with what the message says in English: a thousand
/// nested groups overflowed the stack; a PNG declaring 50,000 × 50,000
/// (its first bytes are all it takes) asked for 2.5 GB on every certificate.
pub(crate) fn svg_bombs() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    use base64::Engine as _;
    let mut header = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    header.extend_from_slice(&50_000u32.to_be_bytes());
    header.extend_from_slice(&50_000u32.to_be_bytes());
    header.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0, 0]);
    let embedded = base64::engine::general_purpose::STANDARD.encode(header);
    vec![
        (
            "image/svg+xml",
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{}<rect width="1" height="1"/>{}</svg>"#,
                "<g>".repeat(1000),
                "</g>".repeat(1000)
            )
            .into_bytes(),
            "levels deep",
        ),
        (
            "image/svg+xml",
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><image width="200" height="100" href="data:image/png;base64,{embedded}"/></svg>"#
            )
            .into_bytes(),
            "pixels together",
        ),
    ]
}

/// Makes `signatory` the signer of `record` (`courses/{id}` or
/// `sessions/{id}`) through the API, asserting it is taken.
async fn signs(api: &Api, record: &str, signatory: &str) {
    let (status, body) = api
        .put(
            &format!("/api/v1/{record}/signatory"),
            &json!({"signatory_id": signatory}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
}

/// Sends the issuer page's identity form for the foundation in León, with
/// this website and default signatory (the two the tests change).
async fn send_identity(browser: &Browser, website: &str, default_signatory: &str) -> reqwest::Response {
    let page = "/staff/organisation/issuer";
    browser
        .post_form(
            page,
            page,
            &[
                ("legal_name", "Fundación Igualdad de Trato"),
                ("postal_address", "Calle Mayor 1, León"),
                ("website", website),
                ("default_signatory_id", default_signatory),
            ],
        )
        .await
}

async fn put_picture(api: &Api, path: &str, content_type: &str, bytes: Vec<u8>) -> (StatusCode, serde_json::Value) {
    api.raw(Method::PUT, path, content_type, bytes).await
}

/// An organiser's signatory with a signature: its id.
async fn signatory(api: &Api, name: &str, title: &str, signature: &str) -> String {
    let created = api
        .created("/api/v1/signatories", &json!({"name": name, "title": title}))
        .await;
    let id = created["id"].as_str().expect("id").to_owned();
    let (status, body) = put_picture(
        api,
        &format!("/api/v1/signatories/{id}/signature"),
        "image/svg+xml",
        signature.as_bytes().to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body["signature_sha256"].as_str().is_some_and(|h| h.len() == 64),
        "{body}"
    );
    id
}

db_test!(
    issue_19_an_organiser_sets_the_issuer_and_its_signatories_through_the_api,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let before = api.get_ok("/api/v1/issuer").await;
        assert_eq!(before["legal_name"], serde_json::Value::Null);
        assert!(before["signatories"].as_array().is_some_and(Vec::is_empty));
        let printed = before["printed_name"].as_str().expect("name").to_owned();
        assert!(!printed.is_empty(), "the organisation's name by default");

        let ana = signatory(&api, "Ana Ruiz Pérez", "Rectora", SIGNATURE).await;
        let identity = api
            .put_ok(
                "/api/v1/issuer",
                &json!({"legal_name": "Fundación Igualdad de Trato", "postal_address": "Calle Mayor 1, 24003 León",
                    "website": "https://igualdad.example.org", "default_signatory_id": ana}),
            )
            .await;
        assert_eq!(identity["printed_name"], "Fundación Igualdad de Trato");
        assert_eq!(identity["default_signatory_id"], ana.as_str());
        assert_eq!(identity["signatories"][0]["name"], "Ana Ruiz Pérez");

        // Bad input: a message, nothing changed.
        for (body, field) in [
            (json!({"website": "ftp://igualdad.example.org"}), "website"),
            (
                json!({"default_signatory_id": uuid::Uuid::now_v7()}),
                "default_signatory_id",
            ),
            (json!({"default_signatory_id": "someone"}), "default_signatory_id"),
            (json!({"postal_address": "Calle\u{7}Mayor"}), "postal_address"),
        ] {
            let (status, refused) = api.put("/api/v1/issuer", &body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {refused}");
            assert!(refused["fields"][field].is_array(), "{field}: {refused}");
        }
        let (_, after) = api.get("/api/v1/issuer").await;
        assert_eq!(after, identity, "refused changes change nothing");

        // Bad signatures: refused with a message, the signature unchanged.
        let path = format!("/api/v1/signatories/{ana}/signature");
        let (_, kept) = api.get(&format!("/api/v1/signatories/{ana}")).await;
        for (content_type, bytes, says) in bad_pictures() {
            let (status, refused) = put_picture(&api, &path, content_type, bytes).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{says}: {refused}");
            let message = crate::helpers::problem_for(&refused, "signature");
            assert!(message.contains(says), "{says}: {refused}");
        }
        let (status, body) = put_picture(&api, &path, "image/gif", b"GIF89a".to_vec()).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(
            body["message"].as_str().is_some_and(|m| m.contains("image/svg+xml")),
            "{body}"
        );
        let (_, unchanged) = api.get(&format!("/api/v1/signatories/{ana}")).await;
        assert_eq!(unchanged, kept);
        // A PNG signature is fine too.
        let (status, body) = put_picture(&api, &path, "image/png", png(300, 80)).await;
        assert_eq!(status, StatusCode::OK, "{body}");

        // Who signs which course and session.
        let (course, session) = crate::helpers::course_and_session(&app, &api).await;
        let luis = signatory(&api, "Luis Gómez", "Director de Formación", OTHER_SIGNATURE).await;
        signs(&api, &format!("courses/{course}"), &luis).await;
        signs(&api, &format!("sessions/{session}"), &ana).await;
        let (_, listed) = api.get(&format!("/api/v1/signatories/{luis}")).await;
        assert_eq!(listed["courses"], json!([course]));
        let (_, listed) = api.get(&format!("/api/v1/signatories/{ana}")).await;
        assert_eq!(listed["sessions"], json!([session]));
        let (status, _) = api
            .put(
                &format!("/api/v1/courses/{course}/signatory"),
                &json!({"signatory_id": uuid::Uuid::now_v7()}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, _) = api
            .put(
                &format!("/api/v1/courses/{}/signatory", uuid::Uuid::now_v7()),
                &json!({"signatory_id": luis}),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // Renamed, then removed: no longer the default.
        let renamed = api
            .patch_ok(
                &format!("/api/v1/signatories/{ana}"),
                &json!({"title": "Rectora magnífica"}),
            )
            .await;
        assert_eq!(renamed["title"], "Rectora magnífica");
        let (status, _) = api.delete(&format!("/api/v1/signatories/{ana}")).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (_, after) = api.get("/api/v1/issuer").await;
        assert_eq!(after["default_signatory_id"], serde_json::Value::Null);
        assert_eq!(after["signatories"].as_array().map(Vec::len), Some(1));

        // The accrediting body's logo, checked the same way: an
        // administrator's (the body is every organisation's; an organiser
        // is refused, session 23).
        let body = app.body().await;
        let path = format!("/api/v1/accreditation-bodies/{body}/logo");
        let (status, _) = put_picture(&api, &path, "image/svg+xml", LOGO.as_bytes().to_vec()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = api.delete(&path).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let api = app.api(&[Role::Admin]).await;
        for (content_type, bytes, says) in bad_pictures() {
            let (status, refused) = put_picture(&api, &path, content_type, bytes).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{says}: {refused}");
            assert!(
                crate::helpers::problem_for(&refused, "logo").contains(says),
                "{refused}"
            );
        }
        let (status, logo) = put_picture(&api, &path, "image/svg+xml", LOGO.as_bytes().to_vec()).await;
        assert_eq!(status, StatusCode::OK, "{logo}");
        assert!(logo["logo_sha256"].is_string(), "{logo}");
    }
);

db_test!(
    issue_19_another_organisations_organiser_gets_404_on_its_signatories,
    |app: TestApp| async move {
        let a = app.api(&[Role::Organiser]).await;
        let a_signatory = signatory(&a, "Ana Ruiz Pérez", "Rectora", SIGNATURE).await;
        let (_, b) = {
            let (org, _, api) = crate::organisations::organisation_with_organiser(&app, "ville-b", "Ville B").await;
            (org, api)
        };
        let one = format!("/api/v1/signatories/{a_signatory}");
        let (status, _) = b.get(&one).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = b.patch(&one, &json!({"name": "Mallory"})).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = put_picture(&b, &format!("{one}/signature"), "image/svg+xml", SIGNATURE.into()).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        for path in [one.clone(), format!("{one}/signature")] {
            let (status, _) = b.delete(&path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        }
        let (_, listed) = b.get("/api/v1/signatories").await;
        assert_eq!(listed, json!([]));
        // Not B's to choose as its default, nor for its courses.
        let (status, _) = b
            .put("/api/v1/issuer", &json!({"default_signatory_id": a_signatory}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (b_course, _) = crate::helpers::course_and_session(&app, &b).await;
        let (status, _) = b
            .put(
                &format!("/api/v1/courses/{b_course}/signatory"),
                &json!({"signatory_id": a_signatory}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        // Nor A's courses.
        let (a_course, _) = crate::helpers::course_and_session(&app, &a).await;
        let (status, _) = b
            .put(&format!("/api/v1/courses/{a_course}/signatory"), &json!({}))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // Still A's, unchanged.
        let (status, kept) = a.get(&one).await;
        assert_eq!(
            (status, kept["name"].as_str()),
            (StatusCode::OK, Some("Ana Ruiz Pérez"))
        );
        // The pages too.
        let b_browser = app.browser();
        b_browser
            .sign_in("organiser@ville-b.example.org", crate::helpers::PASSWORD)
            .await;
        for page in [
            format!("/staff/organisation/issuer/signatories/{a_signatory}"),
            format!("/staff/organisation/issuer/signatories/{a_signatory}/signature"),
        ] {
            assert_eq!(b_browser.get(&page).await.status(), StatusCode::NOT_FOUND, "{page}");
        }
        let html = b_browser.get_html("/staff/organisation/issuer").await;
        assert!(!html.contains(&a_signatory) && !html.contains("Ana Ruiz"), "{html}");
    }
);

db_test!(
    issue_19_an_organiser_sets_the_issuer_through_the_page,
    |app: TestApp| async move {
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = "/staff/organisation/issuer";
        let html = browser.get_html(page).await;
        assert!(
            html.contains("for=\"field-legal_name\"") && html.contains("for=\"field-postal_address\""),
            "{html}"
        );
        // A bad website: the page again with the message, nothing saved.
        let response = send_identity(&browser, "not a website", "").await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(
            html.contains("error-summary") && html.contains("aria-invalid=\"true\""),
            "{html}"
        );
        let api = app.api(&[Role::Organiser]).await;
        let (_, unchanged) = api.get("/api/v1/issuer").await;
        assert_eq!(unchanged["legal_name"], serde_json::Value::Null);

        // A signatory, added by the form, with a signature uploaded.
        let response = browser
            .post_form(
                page,
                "/staff/organisation/issuer/signatories",
                &[("name", "Ana Ruiz Pérez"), ("title", "Rectora")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        assert!(
            location.starts_with("/staff/organisation/issuer/signatories/"),
            "{location}"
        );
        let id = location.rsplit('/').next().expect("id").to_owned();
        let token = browser.csrf(&location).await;
        let action = format!("{location}/signature");
        for (_, bytes, says) in bad_pictures() {
            let response = browser.upload(&action, &token, "signature.svg", &bytes).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{says}");
            let html = response.text().await.expect("html");
            assert!(
                html.contains(says) && html.contains("id=\"error-file\""),
                "{says}: {html}"
            );
        }
        let (_, kept) = api.get(&format!("/api/v1/signatories/{id}")).await;
        assert_eq!(kept["signature_sha256"], serde_json::Value::Null, "nothing kept");
        let response = browser
            .upload(&action, &token, "signature.svg", SIGNATURE.as_bytes())
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let served = browser.get(&action).await;
        assert_eq!(served.status(), StatusCode::OK);
        assert_eq!(served.headers()["content-type"], "image/svg+xml");
        assert!(
            served.headers()["content-security-policy"]
                .to_str()
                .expect("csp")
                .contains("sandbox")
        );

        // Now the identity, with Ana as the default.
        let response = send_identity(&browser, "https://igualdad.example.org", &id).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, saved) = api.get("/api/v1/issuer").await;
        assert_eq!(saved["printed_name"], "Fundación Igualdad de Trato");
        assert_eq!(saved["default_signatory_id"], id.as_str());
        // A course signed by Ana by name.
        let (course, _) = crate::helpers::course_and_session(&app, &api).await;
        let response = browser
            .post_form(
                page,
                "/staff/organisation/issuer/courses",
                &[("course_id", &course), ("signatory_id", &id)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, listed) = api.get(&format!("/api/v1/signatories/{id}")).await;
        assert_eq!(listed["courses"], json!([course]));
        let html = browser.get_html(page).await;
        assert!(
            html.contains("Ana Ruiz Pérez") && html.contains("Fundación Igualdad de Trato"),
            "{html}"
        );
        // In another language, the same page.
        let html = browser.get_html(&format!("{page}?lang=ar")).await;
        assert!(html.contains("الموقّعون"), "{html}");
    }
);

/// The text of a certificate's PDF, read back with poppler (`None` without it).
async fn pdf_text(app: &TestApp, id: &str) -> (Vec<u8>, Option<String>) {
    let response = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/certificates/{id}/pdf")))
        .bearer_auth(app.token(&[Role::Organiser]).await)
        .send()
        .await
        .expect("pdf");
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = response.bytes().await.expect("bytes").to_vec();
    let text = crate::helpers::pdf_text(&bytes);
    (bytes, text)
}

db_test!(
    issue_19_the_certificate_prints_its_issuer_as_it_was_at_issue,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let ana = signatory(&api, "Ana Ruiz Pérez", "Rectora de la Universidad", SIGNATURE).await;
        api.put_ok(
            "/api/v1/issuer",
            &json!({"legal_name": "Fundación Igualdad de Trato", "postal_address": "Calle Mayor 1, 24003 León",
                    "website": "https://igualdad.example.org", "default_signatory_id": ana}),
        )
        .await;
        let org = app.org().await;
        let logo = aula_domain::Logo::parse(LOGO.as_bytes().to_vec()).expect("logo");
        aula_storage::organisations::set_logo(&app.db, org, Some(&logo))
            .await
            .expect("logo");
        let body_id = app.body().await;
        let (status, _) = put_picture(
            &app.api(&[Role::Admin]).await,
            &format!("/api/v1/accreditation-bodies/{body_id}/logo"),
            "image/png",
            png(160, 80),
        )
        .await;
        assert_eq!(status, StatusCode::OK);

        let (session, _) = completed_session(&app, &api, true, false, &[3], "issuer").await;
        // The course's objectives become the outcomes: set before issuing.
        let (_, detail) = api.get(&format!("/api/v1/sessions/{session}")).await;
        let course_id = detail["course"]["id"].as_str().expect("course").to_owned();
        api.patch_ok(
            &format!("/api/v1/courses/{course_id}"),
            &json!({"objectives": "Reconocer la discriminación directa e indirecta\nAplicar el protocolo de atención"}),
        )
        .await;
        let certificate = issue(&api, &session).await["certificates"][0].clone();
        let id = certificate["id"].as_str().expect("id").to_owned();
        let row = aula_storage::certificates::get(&app.db, id.parse().expect("uuid"))
            .await
            .expect("certificate");
        assert_eq!(row.issuer_name, "Fundación Igualdad de Trato");
        assert_eq!(row.signatory_name.as_deref(), Some("Ana Ruiz Pérez"));
        assert!(
            row.issuer_logo_sha256.is_some() && row.signature_sha256.is_some() && row.accreditor_logo_sha256.is_some()
        );

        let (before, text) = pdf_text(&app, &id).await;
        if let Some(text) = text {
            for expected in [
                "Fundación Igualdad de Trato",
                "Calle Mayor 1, 24003 León",
                "igualdad.example.org",
                "Ana Ruiz Pérez",
                "Rectora de la Universidad",
                "Universidad de León",
                "Reconocer la discriminación directa e indirecta",
                "Aplicar el protocolo de atención",
            ] {
                assert!(text.contains(expected), "{expected} in {text}");
            }
        }

        // Everything changes afterwards: the issued certificate does not.
        api.put_ok(
            "/api/v1/issuer",
            &json!({"legal_name": "Otra Fundación", "postal_address": "Otra calle 2",
                    "website": "https://otra.example.org", "default_signatory_id": ana}),
        )
        .await;
        api.patch_ok(
            &format!("/api/v1/signatories/{ana}"),
            &json!({"name": "Otra Persona", "title": "Otro cargo"}),
        )
        .await;
        let (status, _) = put_picture(
            &api,
            &format!("/api/v1/signatories/{ana}/signature"),
            "image/svg+xml",
            OTHER_SIGNATURE.as_bytes().to_vec(),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let other_logo = aula_domain::Logo::parse(OTHER_SIGNATURE.as_bytes().to_vec()).expect("logo");
        aula_storage::organisations::set_logo(&app.db, org, Some(&other_logo))
            .await
            .expect("logo");
        let (status, _) = put_picture(
            &app.api(&[Role::Admin]).await,
            &format!("/api/v1/accreditation-bodies/{body_id}/logo"),
            "image/svg+xml",
            LOGO.as_bytes().to_vec(),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        api.patch_ok(
            &format!("/api/v1/courses/{course_id}"),
            &json!({"objectives": "Otra cosa"}),
        )
        .await;
        let (status, _) = api.delete(&format!("/api/v1/signatories/{ana}")).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (after, text) = pdf_text(&app, &id).await;
        assert!(before == after, "the same certificate, the same bytes");
        if let Some(text) = text {
            assert!(!text.contains("Otra") && text.contains("Ana Ruiz Pérez"), "{text}");
        }
    }
);

db_test!(
    issue_19_certificates_issued_before_print_without_an_issuer_snapshot,
    |app: TestApp| async move {
        use sea_orm::{ActiveModelTrait, Set};
        let api = app.api(&[Role::Organiser]).await;
        let (session, _) = completed_session(&app, &api, true, false, &[3], "old").await;
        let certificate = issue(&api, &session).await["certificates"][0].clone();
        let id: uuid::Uuid = certificate["id"].as_str().expect("id").parse().expect("uuid");
        // As a row written before migration 24 reads: none of its columns.
        let row = aula_storage::certificates::get(&app.db, id).await.expect("row");
        let mut old: aula_storage::entities::certificate::ActiveModel = row.into();
        old.issuer_address = Set(None);
        old.issuer_website = Set(None);
        old.issuer_logo_sha256 = Set(None);
        old.signatory_name = Set(None);
        old.signatory_title = Set(None);
        old.signature_sha256 = Set(None);
        old.accreditor_logo_sha256 = Set(None);
        old.outcomes = Set(None);
        old.update(&app.db).await.expect("update");
        let (bytes, text) = pdf_text(&app, &id.to_string()).await;
        assert!(bytes.starts_with(b"%PDF-"));
        if let Some(text) = text {
            assert!(text.contains(certificate["number"].as_str().expect("number")), "{text}");
        }
        // A picture whose bytes were lost is not drawn, and the PDF still comes.
        let row = aula_storage::certificates::get(&app.db, id).await.expect("row");
        let mut lost: aula_storage::entities::certificate::ActiveModel = row.into();
        lost.signature_sha256 = Set(Some("0".repeat(64)));
        lost.signatory_name = Set(Some("Ana Ruiz Pérez".into()));
        lost.update(&app.db).await.expect("update");
        let (bytes, _) = pdf_text(&app, &id.to_string()).await;
        assert!(bytes.starts_with(b"%PDF-"));
    }
);
