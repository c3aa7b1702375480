//! Programmes through the API and the organiser's pages.

use aula_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::db_test;

db_test!(api_create_read_update, |app: crate::helpers::TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let created = api.created("/api/v1/programmes", &json!({"title": "Diversidad en los servicios públicos", "funder": "FSE+", "starts_on": "2026-01-01", "ends_on": "2027-06-30"})).await;
    let id = created["id"].as_str().expect("id");

    let got = api.get_ok(&format!("/api/v1/programmes/{id}")).await;
    assert_eq!(got["funder"], "FSE+");

    let patched = api
        .patch_ok(
            &format!("/api/v1/programmes/{id}"),
            &json!({"funder": "Fondo Social Europeo Plus"}),
        )
        .await;
    assert_eq!(patched["funder"], "Fondo Social Europeo Plus");
    assert_eq!(
        patched["title"], "Diversidad en los servicios públicos",
        "untouched fields stay"
    );

    let list = api.get_ok("/api/v1/programmes?per_page=1").await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["per_page"], 1);
});

db_test!(api_validation_names_fields, |app: crate::helpers::TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (status, body) = api
        .post(
            "/api/v1/programmes",
            &json!({"title": "   ", "starts_on": "2026-13-01", "ends_on": "2025-01-01"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"], "invalid");
    assert!(body["fields"]["title"].is_array(), "{body}");
    assert!(body["fields"]["starts_on"].is_array(), "{body}");
    let (_, list) = api.get("/api/v1/programmes").await;
    assert_eq!(list["total"], 0, "nothing written");

    let (status, body) = api
        .post(
            "/api/v1/programmes",
            &json!({"title": "A", "starts_on": "2026-02-01", "ends_on": "2026-01-01"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["fields"]["ends_on"].is_array(), "{body}");

    let (status, body) = api
        .patch(
            &format!("/api/v1/programmes/{}", uuid::Uuid::now_v7()),
            &json!({"title": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
});

db_test!(
    organiser_creates_and_edits_in_the_web_ui,
    |app: crate::helpers::TestApp| async move {
        let browser = app.signed_in(&[Role::Organiser]).await;
        let response = browser
            .submit(
                "/staff/programmes/new",
                &[
                    ("title", "Villes accueillantes"),
                    ("funder", "FAMI"),
                    ("description", ""),
                    ("starts_on", ""),
                    ("ends_on", ""),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let list = browser.get_html("/staff/programmes").await;
        assert!(list.contains("Villes accueillantes"));
        assert!(list.contains("Saved."), "the flash message shows once");
        let again = browser.get_html("/staff/programmes").await;
        assert!(!again.contains("Saved."), "and only once");

        // A problem re-renders the form with the value kept and the message beside the field.
        let response = browser
            .submit(
                "/staff/programmes/new",
                &[("title", ""), ("funder", "FAMI"), ("starts_on", "nope")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains("error-summary"));
        assert!(html.contains("id=\"error-title\""));
        assert!(html.contains("aria-invalid=\"true\""));
        assert!(html.contains("value=\"FAMI\""), "values are kept");
    }
);

// Issue 20: a programme's page lists its courses and its sessions, upcoming
// first, with a link to its indicators; another programme's stay out.
db_test!(
    issue_20_a_programmes_page_lists_its_courses_and_sessions,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = api
            .created("/api/v1/programmes", &json!({"title": "Gouvernance locale"}))
            .await;
        let other = api.created("/api/v1/programmes", &json!({"title": "Autre"})).await;
        let course = |programme: &serde_json::Value, title: &str| {
            json!({"programme_id": programme["id"], "title": title, "summary": "S", "hours": 3,
                "modality": "online", "audiences": ["public_servant"], "language": "fr"})
        };
        let coaching = api
            .created("/api/v1/courses", &course(&programme, "Accompagnement"))
            .await;
        api.created("/api/v1/courses", &course(&programme, "Médiation")).await;
        let elsewhere = api.created("/api/v1/courses", &course(&other, "Hors programme")).await;
        let mut sessions = Vec::new();
        for (course, day) in [
            (&coaching, "2026-06-02"),
            (&coaching, "2031-03-04"),
            (&coaching, "2030-06-04"),
            (&elsewhere, "2030-01-08"),
        ] {
            let created = api
                .created(
                    "/api/v1/sessions",
                    &json!({"course_id": course["id"], "capacity": 10, "online_url": "https://meet.example.org/a",
                        "meetings": [{"starts_at": format!("{day}T09:00:00+01:00"), "ends_at": format!("{day}T12:00:00+01:00")}]}),
                )
                .await;
            sessions.push(created["id"].as_str().expect("id").to_owned());
        }
        let id = programme["id"].as_str().expect("id");
        let browser = app.signed_in(&[Role::Organiser]).await;
        let html = browser.get_html(&format!("/staff/programmes/{id}?lang=fr")).await;
        assert!(html.contains(&format!("/staff/indicators?programme={id}")), "{html}");
        assert!(html.contains("Accompagnement") && html.contains("Médiation"), "{html}");
        assert!(!html.contains("Hors programme"), "{html}");
        // Upcoming first (2030, then 2031), then the past one.
        let at = |session: &str| html.find(&format!("/staff/sessions/{session}\"")).expect("listed");
        assert!(at(&sessions[2]) < at(&sessions[1]), "{html}");
        assert!(at(&sessions[1]) < at(&sessions[0]), "{html}");
        assert!(!html.contains(&format!("/staff/sessions/{}\"", sessions[3])), "{html}");
    }
);
