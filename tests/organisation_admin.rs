//! Organisations managed from the web and the API (issue 17): a platform
//! administrator's pages and operations, each organisation's branding
//! (accent colour checked for contrast, a logo checked for what could run),
//! suspension, and the sender name and reply-to on its mail. Every form
//! and operation is tried as an attacker would.

use std::time::Duration;

use aula_domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{Api, Browser, PASSWORD, TestApp, course_and_session, db_test, registrant};

const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1d4ed8"/></svg>"##;

/// A real PNG: certificates draw the logo, so it must decode (issue 19).
fn png() -> Vec<u8> {
    let picture = image::RgbaImage::from_pixel(16, 8, image::Rgba([29, 78, 216, 255]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut bytes, image::ImageFormat::Png).expect("png");
    bytes.into_inner()
}

/// A second organisation (through the API) and its id.
async fn second(admin: &Api, slug: &str) -> String {
    let created = admin
        .created(
            "/api/v1/organisations",
            &json!({"slug": slug, "name": format!("Org {slug}")}),
        )
        .await;
    created["id"].as_str().expect("id").to_owned()
}

async fn signed_in_as(app: &TestApp, email: &str) -> Browser {
    let browser = app.browser();
    let response = browser.sign_in(email, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{email} signs in");
    browser
}

/// Ana registers on `session` (the public API): its status.
async fn ana_registers(app: &TestApp, session: &str) -> StatusCode {
    app.anonymous_api()
        .post(
            &format!("/api/v1/sessions/{session}/registrations"),
            &registrant("Ana", "ana@example.org"),
        )
        .await
        .0
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().expect("location").to_owned()
}

db_test!(
    issue_17_an_administrator_makes_and_runs_an_organisation_from_the_pages,
    |app: TestApp| async move {
        let admin = app.signed_in(&[Role::Admin]).await;
        let first_slug = aula_storage::organisations::first(&app.db).await.expect("first").slug;
        let list = admin.get_html("/admin/organisations").await;
        assert!(list.contains(&format!("<bdi>{first_slug}</bdi>")), "{list}");

        // Bad, reserved and taken slugs are refused beside the field, values kept.
        for (slug, says) in [
            ("Bad Slug", "lower-case letters"),
            ("admin", "reserved"),
            (first_slug.as_str(), "already exists"),
            ("a", "2 to 40"),
        ] {
            let response = admin
                .submit("/admin/organisations/new", &[("slug", slug), ("name", "Ciudad")])
                .await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{slug}");
            let html = response.text().await.expect("body");
            assert!(html.contains(says), "{slug}: {html}");
            assert!(html.contains("value=\"Ciudad\""), "the name is kept");
        }
        let response = admin
            .submit(
                "/admin/organisations/new",
                &[
                    ("slug", "ciudad-de-leon"),
                    ("name", "Ciudad de León"),
                    ("time_zone", "Europe/Madrid"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = location(&response);
        assert!(page.starts_with("/admin/organisations/"), "{page}");

        // Settings: a bad time zone and no language are refused; good ones are kept.
        let response = admin
            .post_form(&page, &page, &[("name", "Ciudad de León"), ("time_zone", "Mars/Base")])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let response = admin
            .post_form(
                &page,
                &page,
                &[
                    ("name", "Ayuntamiento de León"),
                    ("time_zone", "Europe/Madrid"),
                    ("languages", "es"),
                    ("languages", "en"),
                    ("mail_sender_name", "Formacion Leon"),
                    ("reply_to", "formacion@leon.example.org"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let html = admin.get_html(&page).await;
        assert!(html.contains("Ayuntamiento de León") && html.contains("formacion@leon.example.org"));

        // Members: an address nobody has is refused; a staff user is added, then removed.
        app.user("ines@staff.example.org", &[Role::Trainer]).await;
        let members = format!("{page}/members");
        let response = admin
            .post_form(&page, &members, &[("email", "nobody@example.org"), ("role", "trainer")])
            .await;
        crate::helpers::answers(response, StatusCode::UNPROCESSABLE_ENTITY, "No staff account").await;
        let response = admin
            .post_form(
                &page,
                &members,
                &[("email", "ines@staff.example.org"), ("role", "admin")],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "admin is not a membership"
        );
        let response = admin
            .post_form(
                &page,
                &members,
                &[("email", "ines@staff.example.org"), ("role", "trainer")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let html = admin.get_html(&page).await;
        assert!(html.contains("ines@staff.example.org"));
        let user_id = aula_storage::users::find_by_email(
            &app.db,
            &aula_domain::Email::parse("ines@staff.example.org").expect("email"),
        )
        .await
        .expect("query")
        .expect("user")
        .user
        .id
        .to_string();
        let list = admin.get_html("/admin/organisations").await;
        assert!(list.contains("Ayuntamiento de León"));
        let remove = format!("{page}/members/remove");
        let response = admin
            .post_form(&page, &remove, &[("user_id", &user_id), ("role", "organiser")])
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "a role they do not hold");
        let response = admin
            .post_form(&page, &remove, &[("user_id", &user_id), ("role", "trainer")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(!admin.get_html(&page).await.contains("ines@staff.example.org"));

        // Suspending asks first (a page of its own), then closes the catalogue.
        let confirm = admin.get_html(&format!("{page}/status?to=suspended")).await;
        assert!(confirm.contains("name=\"status\" value=\"suspended\""), "{confirm}");
        assert_eq!(
            admin.get(&format!("{page}/status?to=gone")).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(app.browser().get("/o/ciudad-de-leon/").await.status(), StatusCode::OK);
        let status = format!("{page}/status");
        let response = admin
            .post_form(&format!("{status}?to=suspended"), &status, &[("status", "suspended")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let gone = app
            .browser()
            .get_with("/o/ciudad-de-leon/", &[("accept-language", "fr")])
            .await;
        crate::helpers::answers(gone, StatusCode::GONE, "est suspendue").await;
        let response = admin
            .post_form(&format!("{status}?to=active"), &status, &[("status", "active")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.browser().get("/o/ciudad-de-leon/").await.status(), StatusCode::OK);
        // Without its token, no form of these pages does anything.
        for action in [page.clone(), members, remove, status, format!("{page}/colour")] {
            let response = admin.post_raw(&action, &[("status", "suspended")]).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{action}");
        }
    }
);

db_test!(
    issue_17_only_platform_administrators_reach_the_organisations,
    |app: TestApp| async move {
        let admin = app.api(&[Role::Admin]).await;
        let b = second(&admin, "ciudad-b").await;
        let organiser = app.api(&[Role::Organiser]).await;
        let anonymous = app.anonymous_api();
        let member = format!("/api/v1/organisations/{b}/members/{}/trainer", uuid::Uuid::now_v7());
        let operations: Vec<(Method, String)> = vec![
            (Method::GET, format!("/api/v1/organisations/{b}")),
            (Method::PATCH, format!("/api/v1/organisations/{b}")),
            (Method::GET, format!("/api/v1/organisations/{b}/members")),
            (Method::DELETE, member),
            (Method::PUT, format!("/api/v1/organisations/{b}/logo")),
            (Method::DELETE, format!("/api/v1/organisations/{b}/logo")),
        ];
        for (method, path) in &operations {
            let (status, _) = organiser
                .raw(
                    method.clone(),
                    path,
                    "application/json",
                    b"{\"status\":\"suspended\"}".to_vec(),
                )
                .await;
            assert_eq!(status, StatusCode::FORBIDDEN, "organiser: {method} {path}");
            let (status, _) = anonymous
                .raw(method.clone(), path, "application/json", b"{}".to_vec())
                .await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "anonymous: {method} {path}");
        }
        // An id no organisation has is 404 for the administrator.
        let missing = uuid::Uuid::now_v7();
        let (status, _) = admin.get(&format!("/api/v1/organisations/{missing}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = admin
            .patch(&format!("/api/v1/organisations/{missing}"), &json!({"name": "X"}))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = admin.get("/api/v1/organisations/not-a-uuid").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // Nothing was changed by the refused calls.
        let (_, org) = admin.get(&format!("/api/v1/organisations/{b}")).await;
        assert_eq!(org["status"], "active");

        // The pages: an organiser or a trainer is refused, whatever the id.
        let organiser = app.signed_in(&[Role::Organiser]).await;
        for path in [
            "/admin/organisations".to_owned(),
            format!("/admin/organisations/{b}"),
            format!("/admin/organisations/{b}/status?to=suspended"),
        ] {
            assert_eq!(organiser.get(&path).await.status(), StatusCode::FORBIDDEN, "{path}");
        }
        let token = organiser.csrf("/staff/organisation").await;
        let response = organiser
            .post_raw(
                &format!("/admin/organisations/{b}/status"),
                &[("csrf", &token), ("status", "suspended")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = organiser
            .upload(
                &format!("/admin/organisations/{b}/logo"),
                &token,
                "logo.svg",
                SVG.as_bytes(),
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "another organisation's logo");
        let trainer = app.signed_in(&[Role::Trainer]).await;
        assert_eq!(trainer.get("/staff/organisation").await.status(), StatusCode::FORBIDDEN);
        let (_, org) = admin.get(&format!("/api/v1/organisations/{b}")).await;
        assert_eq!(org["status"], "active");
        assert_eq!(org["logo_url"], serde_json::Value::Null);
    }
);

db_test!(
    issue_17_the_api_changes_settings_members_and_status,
    |app: TestApp| async move {
        let admin = app.api(&[Role::Admin]).await;
        let b = second(&admin, "ciudad-b").await;
        let path = format!("/api/v1/organisations/{b}");
        let (status, refused) = admin
            .patch(
                &path,
                &json!({
                    "accent_colour": "#777777",
                    "languages": ["fr", "xx"],
                    "reply_to": "not an address",
                    "status": "gone",
                    "time_zone": "Mars/Base",
                }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        insta::assert_json_snapshot!("organisation_patch_refused", refused);
        for bad in ["blue", "#abc", "#1d4ed8ff", "rgb(0,0,0)", "#ffcc00"] {
            let (status, body) = admin.patch(&path, &json!({"accent_colour": bad})).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
        }
        let (status, body) = admin.patch(&path, &json!({"slug": "other"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "the slug stays: {body}");
        let changed = admin
            .patch_ok(
                &path,
                &json!({
                    "name": "Ciudad B",
                    "accent_colour": "#1D4ED8",
                    "languages": ["es", "ar"],
                    "mail_sender_name": "Formacion B",
                    "reply_to": "b@example.org",
                }),
            )
            .await;
        assert_eq!(changed["accent_colour"], "#1d4ed8");
        assert_eq!(changed["languages"], json!(["es", "ar"]));
        // Its public pages link to the languages it offers, and to the one
        // they are in (session 29's attack round: all four, always).
        let reader = app.browser();
        let offered = |html: &str| {
            ["fr", "es", "en", "ar"]
                .into_iter()
                .filter(|code| html.contains(&format!("hreflang=\"{code}\"")))
                .collect::<Vec<_>>()
        };
        let spanish = reader.get_html("/o/ciudad-b/?lang=es").await;
        assert_eq!(offered(&spanish), ["es", "ar"], "{spanish}");
        let english = reader.get_html("/o/ciudad-b/?lang=en").await;
        assert_eq!(offered(&english), ["es", "en", "ar"], "{english}");
        assert_eq!(changed["mail_sender_name"], "Formacion B");
        let (_, cleared) = admin.patch(&path, &json!({"accent_colour": "", "reply_to": ""})).await;
        assert_eq!(cleared["accent_colour"], serde_json::Value::Null);
        assert_eq!(cleared["reply_to"], serde_json::Value::Null);

        // Members: listed, removed once, then not found.
        let user = app.user("pablo@staff.example.org", &[Role::Trainer]).await;
        admin
            .post_ok(
                &format!("{path}/members"),
                &json!({"email": "pablo@staff.example.org", "role": "organiser"}),
            )
            .await;
        let members = admin.get_ok(&format!("{path}/members")).await;
        assert_eq!(members[0]["email"], "pablo@staff.example.org");
        assert_eq!(members[0]["role"], "organiser");
        let one = format!("{path}/members/{}/organiser", user.user.id);
        let (status, _) = admin.delete(&format!("{path}/members/{}/admin", user.user.id)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "not a membership role");
        let (status, _) = admin.delete(&one).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, _) = admin.delete(&one).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (_, members) = admin.get(&format!("{path}/members")).await;
        assert_eq!(members, json!([]));

        // Every change is in the organisation's audit log.
        let db = &app.db;
        let entries = aula_storage::entities::audit_entry::Entity::find()
            .filter(aula_storage::entities::audit_entry::Column::EntityId.eq(uuid::Uuid::parse_str(&b).expect("id")))
            .all(db)
            .await
            .expect("audit");
        let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
        for action in ["create", "update", "branding.accent", "member.added", "member.removed"] {
            assert!(actions.contains(&action), "{action} in {actions:?}");
        }
    }
);

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

db_test!(
    issue_17_a_logo_is_an_image_and_nothing_that_runs,
    |app: TestApp| async move {
        let admin = app.api(&[Role::Admin]).await;
        let b = second(&admin, "ciudad-b").await;
        let logo = format!("/api/v1/organisations/{b}/logo");
        let put = |content_type: &'static str, body: Vec<u8>| {
            let (admin, logo) = (&admin, &logo);
            async move { admin.raw(Method::PUT, logo, content_type, body).await }
        };
        assert_eq!(
            put("text/plain", SVG.into()).await.0,
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        );
        assert_eq!(
            put("image/gif", b"GIF89a".to_vec()).await.0,
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        );
        let refusals: Vec<(&str, Vec<u8>, &str)> = vec![
            ("image/png", b"hello, not an image".to_vec(), "PNG or SVG"),
            ("image/svg+xml", b"<html><body>hi</body></html>".to_vec(), "PNG or SVG"),
            ("image/png", SVG.into(), "PNG or SVG"),
            ("image/svg+xml", png(), "PNG or SVG"),
            // Issue 19: a PNG signature on nothing decodable (the certificate could not draw it).
            ("image/png", [b"\x89PNG\r\n\x1a\n".as_slice(), &[0; 64]].concat(), "PNG or SVG"),
            ("image/svg+xml", format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{}</svg>", " ".repeat(300 * 1024)).into_bytes(), "256 KiB"),
            ("image/svg+xml", br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.to_vec(), "scripts"),
            ("image/svg+xml", br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#.to_vec(), "scripts"),
            ("image/svg+xml", br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://evil.example/t.png"/></svg>"#.to_vec(), "scripts"),
            ("image/svg+xml", br#"<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/s.svg#a"/></svg>"#.to_vec(), "scripts"),
            ("image/svg+xml", br#"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>"#.to_vec(), "scripts"),
            ("image/svg+xml", br#"<!DOCTYPE svg [<!ENTITY e SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&e;</svg>"#.to_vec(), "PNG or SVG"),
        ]
        .into_iter()
        .chain(crate::issuer::svg_bombs())
        .collect();
        for (content_type, body, says) in refusals {
            let (status, answer) = put(content_type, body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
            assert!(
                answer["fields"]["logo"][0].as_str().expect("message").contains(says),
                "{answer}"
            );
        }
        let slug = "ciudad-b";
        assert_eq!(
            app.browser().get(&format!("/o/{slug}/logo")).await.status(),
            StatusCode::NOT_FOUND
        );

        let (status, changed) = put("image/svg+xml", SVG.into()).await;
        assert_eq!(status, StatusCode::OK, "{changed}");
        assert_eq!(changed["logo_url"], format!("/o/{slug}/logo"));
        let served = app.browser().get(&format!("/o/{slug}/logo")).await;
        assert_eq!(served.status(), StatusCode::OK);
        let headers = served.headers().clone();
        assert_eq!(headers["content-type"], "image/svg+xml");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(
            headers["content-security-policy"],
            "default-src 'none'; style-src 'unsafe-inline'"
        );
        assert_eq!(served.text().await.expect("body"), SVG);

        let (status, _) = put("image/png", png()).await;
        assert_eq!(status, StatusCode::OK);
        let served = app.browser().get(&format!("/o/{slug}/logo")).await;
        assert_eq!(served.headers()["content-type"], "image/png");
        assert_eq!(served.bytes().await.expect("bytes").to_vec(), png());

        // The upload form says the same, beside the field.
        let browser = app.signed_in(&[Role::Admin]).await;
        let page = format!("/admin/organisations/{b}");
        let token = browser.csrf(&page).await;
        let response = browser
            .upload(
                &format!("{page}/logo"),
                &token,
                "evil.svg",
                br#"<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>"#,
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("body");
        assert!(html.contains("id=\"error-file\""), "{html}");
        let response = browser
            .upload(&format!("{page}/logo"), "forged", "logo.svg", SVG.as_bytes())
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let response = browser
            .upload(&format!("{page}/logo"), &token, "logo.svg", SVG.as_bytes())
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.browser().get(&format!("/o/{slug}/logo")).await.headers()["content-type"],
            "image/svg+xml"
        );
        let response = browser.post_form(&page, &format!("{page}/logo/remove"), &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            app.browser().get(&format!("/o/{slug}/logo")).await.status(),
            StatusCode::NOT_FOUND
        );
    }
);

db_test!(
    issue_17_the_branding_shows_on_its_own_pages_and_not_on_another_s,
    |app: TestApp| async move {
        let admin = app.api(&[Role::Admin]).await;
        let b = second(&admin, "ciudad-b").await;
        let a = app.org().await;
        let a_row = aula_storage::organisations::get(&app.db, a).await.expect("a");
        let organiser_api = app.api(&[Role::Organiser]).await;
        let (course, session) = course_and_session(&app, &organiser_api).await;

        // An organiser of A sets A's colour and logo on the staff page.
        app.user("marta@staff.example.org", &[Role::Organiser]).await;
        let organiser = signed_in_as(&app, "marta@staff.example.org").await;
        let response = organiser
            .post_form(
                "/staff/organisation",
                "/staff/organisation/colour",
                &[("accent_colour", "#ffcc00")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("body");
        assert!(
            html.contains("1.51:1") && html.contains("4.50:1"),
            "the ratio is said: {html}"
        );
        let response = organiser
            .post_form(
                "/staff/organisation",
                "/staff/organisation/colour",
                &[("accent_colour", "#9b1c31")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let token = organiser.csrf("/staff/organisation").await;
        let response = organiser
            .upload("/staff/organisation/logo", &token, "logo.svg", SVG.as_bytes())
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);

        let brand = format!("/o/{}/brand.css", a_row.slug);
        let logo = format!("/o/{}/logo", a_row.slug);
        let css = app.browser().get(&brand).await;
        assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
        assert_eq!(css.text().await.expect("css"), ":root { --accent: #9b1c31; }\n");
        for page in [
            format!("/o/{}/", a_row.slug),
            format!("/sessions/{session}"),
            format!("/courses/{course}"),
        ] {
            let html = app.browser().get_html(&page).await;
            assert!(
                html.contains(&brand) && html.contains(&logo),
                "{page} shows A's branding"
            );
            assert!(
                html.contains(&format!("<span class=\"org-name\">{}</span>", a_row.name)),
                "{page}"
            );
        }
        let staff = organiser.get_html("/staff/sessions").await;
        assert!(staff.contains(&brand) && staff.contains(&logo), "A's staff pages");
        // B's pages show B's name, none of A's branding; B has no colour or logo.
        let b_page = app.browser().get_html("/o/ciudad-b/").await;
        assert!(!b_page.contains(&brand) && !b_page.contains(&logo));
        assert!(b_page.contains("<span class=\"org-name\">Org ciudad-b</span>"));
        assert_eq!(
            app.browser().get("/o/ciudad-b/brand.css").await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.browser().get("/o/ciudad-b/logo").await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.browser().get("/o/no-such-org/logo").await.status(),
            StatusCode::NOT_FOUND
        );
        let (_, b_row) = admin.get(&format!("/api/v1/organisations/{b}")).await;
        assert_eq!(b_row["accent_colour"], serde_json::Value::Null);
        assert_eq!(b_row["logo_url"], serde_json::Value::Null);
    }
);

db_test!(
    issue_17_a_suspended_organisation_says_so_and_takes_no_registration,
    |app: TestApp| async move {
        let admin = app.api(&[Role::Admin]).await;
        let a = app.org().await;
        let a_row = aula_storage::organisations::get(&app.db, a).await.expect("a");
        second(&admin, "ciudad-b").await;
        let organiser_api = app.api(&[Role::Organiser]).await;
        let (course, session) = course_and_session(&app, &organiser_api).await;
        app.user("marta@staff.example.org", &[Role::Organiser]).await;
        let organiser = signed_in_as(&app, "marta@staff.example.org").await;
        let public = app.browser();
        let form_token = public.csrf(&format!("/sessions/{session}")).await;

        admin
            .patch_ok(&format!("/api/v1/organisations/{a}"), &json!({"status": "suspended"}))
            .await;
        for (lang, says) in [
            ("fr", "est suspendue"),
            ("es", "está suspendida"),
            ("en", "is suspended"),
            ("ar", "معلّقة"),
        ] {
            for page in [
                format!("/o/{}/", a_row.slug),
                format!("/sessions/{session}"),
                format!("/courses/{course}"),
            ] {
                let response = public.get_with(&page, &[("accept-language", lang)]).await;
                assert_eq!(response.status(), StatusCode::GONE, "{page}");
                let html = response.text().await.expect("body");
                assert!(html.contains(says), "{lang} {page}: {html}");
            }
        }
        // Registering is refused, by the form and by the API, and nothing is written.
        let response = public
            .post_raw(
                &format!("/sessions/{session}/register"),
                &[
                    ("csrf", &form_token),
                    ("given_name", "Ana"),
                    ("family_name", "Ruiz"),
                    ("email", "ana@example.org"),
                    ("audience", "public_servant"),
                    ("consent", "on"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::GONE);
        let (status, body) = app
            .anonymous_api()
            .post(
                &format!("/api/v1/sessions/{session}/registrations"),
                &registrant("Ana", "ana@example.org"),
            )
            .await;
        assert_eq!(status, StatusCode::GONE, "{body}");
        assert_eq!(body["error"], "gone");
        let (status, _) = organiser_api
            .post(
                &format!("/api/v1/sessions/{session}/registrations"),
                &registrant("Eva", "eva@example.org"),
            )
            .await;
        assert_ne!(status, StatusCode::CREATED, "not even an organiser's");
        let people = aula_storage::entities::person::Entity::find()
            .all(&app.db)
            .await
            .expect("people");
        assert!(people.is_empty(), "nobody was registered");
        // The instance's catalogue lists neither it nor its sessions, and
        // the API neither lists nor shows its courses (session 26's attack
        // round read them there).
        let home = public.get_html("/").await;
        assert!(!home.contains(&format!("/sessions/{session}")));
        let anonymous = app.anonymous_api();
        let listed = anonymous.get_ok("/api/v1/courses").await;
        assert!(!listed.to_string().contains(&course), "{listed}");
        let (status, body) = anonymous.get(&format!("/api/v1/courses/{course}")).await;
        assert_eq!(status, StatusCode::GONE, "{body}");
        // Its staff no longer work in it: without another membership they
        // hold no organiser's role anywhere, so its pages and API refuse them.
        // They are told why, not that their role does not allow it
        // (session 26's isolation round).
        let name = aula_storage::organisations::first(&app.db)
            .await
            .expect("organisation")
            .name;
        let refused = organiser.get("/staff/sessions?lang=en").await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        let page = refused.text().await.expect("page");
        assert!(
            page.contains(&format!("{name} is suspended: its staff cannot work in it")),
            "{page}"
        );
        let (status, body) = organiser_api.get("/api/v1/programmes?lang=fr").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(body["error"], "forbidden", "{body}");
        assert_eq!(
            body["message"],
            format!(
                "{name} est suspendue : son personnel ne peut pas y travailler tant qu'un administrateur du site ne l'a pas réactivée."
            ),
        );

        // Reactivated, all is as before.
        admin
            .patch(&format!("/api/v1/organisations/{a}"), &json!({"status": "active"}))
            .await;
        assert_eq!(
            public.get(&format!("/sessions/{session}")).await.status(),
            StatusCode::OK
        );
        assert_eq!(organiser.get("/staff/sessions").await.status(), StatusCode::OK);
        let status = ana_registers(&app, &session).await;
        assert_eq!(status, StatusCode::CREATED);
    }
);

db_test!(
    issue_17_an_organisation_s_mail_carries_its_sender_name_and_reply_to,
    |app: TestApp| async move {
        let admin = app.api(&[Role::Admin]).await;
        let a = app.org().await;
        let organiser_api = app.api(&[Role::Organiser]).await;
        let (_, session) = course_and_session(&app, &organiser_api).await;
        admin
            .patch_ok(
                &format!("/api/v1/organisations/{a}"),
                &json!({"mail_sender_name": "Formacion UGT Leon", "reply_to": "formacion@ugt.example.org"}),
            )
            .await;
        // A name that would read as another sender's address is refused.
        let (status, refused) = admin
            .patch(
                &format!("/api/v1/organisations/{a}"),
                &json!({"mail_sender_name": "Formacion <alerts@evil.example>"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(refused["fields"]["mail_sender_name"].is_array(), "{refused}");
        let status = ana_registers(&app, &session).await;
        assert_eq!(status, StatusCode::CREATED);
        let received = app.smtp.wait_for(1, Duration::from_secs(10)).await;
        let message = received
            .iter()
            .find(|m| m.to.iter().any(|t| t == "ana@example.org"))
            .expect("mail to Ana");
        let from = message.header("from").expect("From");
        assert!(from.contains("Formacion UGT Leon"), "{from}");
        assert!(
            from.contains(&app.mail.from.email.to_string()),
            "the instance's address: {from}"
        );
        let reply_to = message.header("reply-to").expect("Reply-To");
        assert!(reply_to.contains("formacion@ugt.example.org"), "{reply_to}");

        // The message speaks for the organisation, not for the software:
        // its name heads it and signs it, and the signature's link opens its
        // catalogue (session 24: both said "Aula").
        let body = message
            .data
            .split_once("\r\n\r\n")
            .expect("a body")
            .1
            .replace("=\r\n", "");
        assert!(body.contains(">Formacion UGT Leon</p>"), "the banner: {body}");
        assert!(
            body.matches("Formacion UGT Leon").count() >= 3,
            "banner and both signatures: {body}"
        );
        let slug = app.organisation_slug().await;
        assert!(body.contains(&format!("/o/{slug}/?lang=")), "{body}");
        assert!(!body.contains(">Aula<") && !body.contains("by Aula"), "{body}");
        assert_eq!(
            message.header("content-language").as_deref(),
            Some("es"),
            "{}",
            message.data
        );
        // And calendars name it as the events' organiser.
        let ics = crate::helpers::public_calendar(&app, &session).await;
        assert!(ics.contains("ORGANIZER;CN=\"Formacion UGT Leon\":mailto:"), "{ics}");
        if let Some(invitation) = crate::helpers::attachment(&message.data, "invite.ics") {
            assert!(
                invitation.contains("ORGANIZER;CN=\"Formacion UGT Leon\":mailto:"),
                "{invitation}"
            );
        }
    }
);

// Found by attacking the organisations (session 23): taking someone's
// organiser role in their only organisation left the role on their account;
// the account form showed it ticked, and the administrator's next save of
// it, for a new name, made them an organiser of the administrator's own
// organisation, with its people and registrations.
db_test!(
    issue_17_a_role_taken_away_does_not_come_back_with_the_next_save,
    |app: TestApp| async move {
        let admin = app.api(&[Role::Admin]).await;
        let b = second(&admin, "ciudad-b").await;
        let b_org = aula_domain::OrganisationId::from_row(uuid::Uuid::parse_str(&b).expect("id"));
        let rosa = app
            .user_in(b_org, "rosa@staff.example.org", &[Role::Organiser], None)
            .await;
        let removed = format!("/api/v1/organisations/{b}/members/{}/organiser", rosa.user.id);
        let (status, _) = admin.delete(&removed).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let user = format!("/api/v1/users/{}", rosa.user.id);
        assert_eq!(admin.get_ok(&user).await["roles"], json!([]), "no role left to show");

        // The account has no role left: a save must give one, and gives
        // none by itself.
        let (status, refused) = admin.patch(&user, &json!({"name": "Rosa Martín"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert!(refused["fields"]["roles"].is_array(), "{refused}");
        for org in [app.org().await.uuid().to_string(), b.clone()] {
            let members = admin.get_ok(&format!("/api/v1/organisations/{org}/members")).await;
            let emails = crate::helpers::texts(&members, "email");
            assert!(!emails.contains(&"rosa@staff.example.org"), "{org}: {emails:?}");
        }
        let rosa_api = app.api_for("rosa@staff.example.org").await;
        let (status, _) = rosa_api.get("/api/v1/programmes").await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        // Given again, the role is shown again.
        admin
            .post_ok(
                &format!("/api/v1/organisations/{b}/members"),
                &json!({"email": "rosa@staff.example.org", "role": "organiser"}),
            )
            .await;
        // Shown, by an administrator of another organisation, with their
        // roles there only; and a save there copies none (the reviewer's
        // case: a trainer of A made an organiser of A by a new name).
        let own = app.org().await;
        app.user_in(own, "tomas@staff.example.org", &[Role::Trainer], None)
            .await;
        admin
            .post_ok(
                &format!("/api/v1/organisations/{b}/members"),
                &json!({"email": "tomas@staff.example.org", "role": "organiser"}),
            )
            .await;
        let tomas = aula_storage::users::find_by_email(
            &app.db,
            &aula_domain::Email::parse("tomas@staff.example.org").expect("email"),
        )
        .await
        .expect("query")
        .expect("user");
        let path = format!("/api/v1/users/{}", tomas.user.id);
        assert_eq!(admin.get_ok(&path).await["roles"], json!(["trainer"]));
        let renamed = admin.patch_ok(&path, &json!({"name": "Tomás Gil"})).await;
        assert_eq!(renamed["roles"], json!(["trainer"]));
        let roles_in = |org: String| {
            let admin = &admin;
            async move {
                let members = admin.get_ok(&format!("/api/v1/organisations/{org}/members")).await;
                members
                    .as_array()
                    .expect("list")
                    .iter()
                    .filter(|m| m["email"] == "tomas@staff.example.org")
                    .map(|m| m["role"].as_str().unwrap_or_default().to_owned())
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(roles_in(own.uuid().to_string()).await, ["trainer"]);
        assert_eq!(roles_in(b.clone()).await, ["organiser"]);
    }
);

// Session 29's attack round: while its organisation was suspended, a
// registration's confirmation link still placed the person and mailed
// them, where the form and the API refused to register anyone.
db_test!(
    session_29_a_suspended_organisation_confirms_no_registration,
    |app: TestApp| async move {
        use aula_storage::entities::{outbox, registration};
        use sea_orm::{EntityTrait, PaginatorTrait};
        let admin = app.api(&[Role::Admin]).await;
        let organiser = app.api(&[Role::Organiser]).await;
        let (_, session) = course_and_session(&app, &organiser).await;
        app.anonymous_api()
            .created(
                &format!("/api/v1/sessions/{session}/registrations"),
                &registrant("Nadia", "nadia@example.org"),
            )
            .await;
        let link = crate::signup::confirm_path(&app, "nadia@example.org").await;
        let public = app.browser();
        let form_token = public.csrf(&link).await;
        admin
            .patch_ok(
                &format!("/api/v1/organisations/{}", app.org().await),
                &json!({"status": "suspended"}),
            )
            .await;
        let mails = || outbox::Entity::find().count(&app.db);
        let before = mails().await.expect("outbox");

        assert_eq!(public.get(&link).await.status(), StatusCode::GONE);
        let response = public.post_raw(&link, &[("csrf", &form_token)]).await;
        crate::helpers::answers(response, StatusCode::GONE, "is suspended").await;

        let registrations = registration::Entity::find().all(&app.db).await.expect("registrations");
        assert_eq!(registrations.len(), 1);
        assert_eq!(registrations[0].status, aula_domain::RegistrationStatus::Pending);
        assert_eq!(
            mails().await.expect("outbox"),
            before,
            "nobody is told they have a seat"
        );
    }
);

// Session 31's attack round: an admin's token for an organisation they are
// not a member of (`aula token create --organisation`) made its users in
// the first organisation, without a word. It works in its own.
db_test!(
    session_31_an_admins_token_works_in_its_organisation,
    |app: crate::helpers::TestApp| async move {
        use aula_domain::Role;
        let other =
            aula_storage::organisations::id(&crate::helpers::new_organisation(&app.db, "ville-b", "Ville B").await);
        let admin = app
            .user_in(app.org().await, "admin@example.org", &[Role::Admin], None)
            .await;
        let (_, token) =
            aula_storage::tokens::create(&app.db, &aula_storage::Actor::system("test"), other, admin.user.id, "b")
                .await
                .expect("token");
        let api = app.api_with(Some(token));
        let made = api
            .created(
                "/api/v1/users",
                &serde_json::json!({"email": "marta@example.org", "name": "Marta", "roles": ["organiser"]}),
            )
            .await;
        let id: uuid::Uuid = made["id"].as_str().expect("id").parse().expect("uuid");
        let memberships = aula_storage::organisations::memberships(&app.db, id)
            .await
            .expect("memberships");
        let orgs: Vec<_> = memberships.iter().map(|m| m.id()).collect();
        assert_eq!(orgs, [other], "{made}");
    }
);

// Session 31's attack round: a token of an organisation its user has left
// was refused as if another organisation of theirs, suspended, were its
// own ("Réseau … est suspendue"). It is refused for what it is.
db_test!(
    session_31_a_token_is_refused_for_its_own_organisation,
    |app: crate::helpers::TestApp| async move {
        use aula_domain::{OrganisationStatus, Role};
        use aula_storage::organisations;
        let first = app.org().await;
        let other = organisations::id(&crate::helpers::new_organisation(&app.db, "reseau", "Réseau B").await);
        let user = app.user_in(first, "marta@example.org", &[Role::Organiser], None).await;
        organisations::add_member(&app.db, other, user.user.id, Role::Organiser)
            .await
            .expect("member");
        let (_, token) =
            aula_storage::tokens::create(&app.db, &aula_storage::Actor::system("test"), first, user.user.id, "t")
                .await
                .expect("token");
        organisations::remove_member(&app.db, first, user.user.id, Role::Organiser)
            .await
            .expect("left");
        organisations::set_status(&app.db, other, OrganisationStatus::Suspended)
            .await
            .expect("suspended");
        let (status, body) = app.api_with(Some(token)).get("/api/v1/programmes?lang=en").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        assert!(!body.to_string().contains("Réseau B"), "{body}");
    }
);
