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
