//! Courses, with audiences and accreditation.

use aula_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::db_test;

db_test!(
    accredited_course_through_the_api,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let body = app.body().await;
        let course = api
            .created(
                "/api/v1/courses",
                &json!({
                    "title": "Marco jurídico de la igualdad de trato",
                    "summary": "Curso en línea acreditado.",
                    "objectives": "- Conocer la Ley 15/2022\n- Aplicarla",
                    "hours": "40",
                    "modality": "online",
                    "audiences": ["public_servant"],
                    "language": "es",
                    "accreditation_body_id": body,
                    "credits": 1.5,
                    "recognised_hours": 40,
                    "survey_required": true,
                }),
            )
            .await;
        assert_eq!(course["accreditation"]["body_code"], "ULE");
        assert_eq!(course["accreditation"]["credits"], 1.5);
        assert_eq!(course["accreditation"]["minimum_attendance_percent"], 80);
        assert_eq!(course["accreditation"]["survey_required"], true);
        assert_eq!(course["hours"], 40.0);

        // Anyone may read the catalogue's courses.
        let id = course["id"].as_str().expect("id");
        let (status, public) = app.anonymous_api().get(&format!("/api/v1/courses/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(public["title"], "Marco jurídico de la igualdad de trato");

        let (status, patched) = api
            .patch(
                &format!("/api/v1/courses/{id}"),
                &json!({"minimum_attendance_percent": 75, "accreditation_body_id": ""}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{patched}");
        assert!(
            patched["accreditation"].is_null(),
            "an empty body removes the accreditation"
        );
    }
);

db_test!(course_validation, |app: crate::helpers::TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (status, body) = api
        .post(
            "/api/v1/courses",
            &json!({"title": "X", "summary": "Y", "hours": "-2", "modality": "hybrid", "audiences": ["martians"], "language": "de",
                     "accreditation_body_id": uuid::Uuid::now_v7(), "minimum_attendance_percent": 120}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for field in [
        "hours",
        "modality",
        "audiences",
        "language",
        "minimum_attendance_percent",
    ] {
        assert!(body["fields"][field].is_array(), "{field} in {body}");
    }
    // A well-formed course pointing at an unknown body: the field says so, nothing is written.
    let (status, body) = api
        .post(
            "/api/v1/courses",
            &json!({"title": "X", "summary": "Y", "hours": 2, "modality": "online", "audiences": ["other"], "language": "es",
                     "accreditation_body_id": uuid::Uuid::now_v7()}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["fields"]["accreditation_body_id"].is_array());
    let (_, list) = api.get("/api/v1/courses").await;
    assert_eq!(list["total"], 0);
});

db_test!(
    organiser_creates_an_accredited_course_in_the_web_ui,
    |app: crate::helpers::TestApp| async move {
        let body = app.body().await.to_string();
        let browser = app.signed_in(&[Role::Organiser]).await;
        let response = browser
            .post_form(
                "/staff/courses/new",
                "/staff/courses/new",
                &[
                    ("title", "Sesgos inconscientes en la selección"),
                    ("summary", "Detectar y corregir sesgos."),
                    ("hours", "7,5"),
                    ("modality", "blended"),
                    ("audiences", "public_servant"),
                    ("audiences", "union_delegate"),
                    ("language", "es"),
                    ("accreditation_body_id", &body),
                    ("credits", "0,5"),
                    ("minimum_attendance_percent", "80"),
                    ("survey_required", "on"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        let id = location.trim_start_matches("/staff/courses/");
        let (_, course) = app.anonymous_api().get(&format!("/api/v1/courses/{id}")).await;
        assert_eq!(course["hours"], 7.5);
        assert_eq!(course["audiences"], json!(["public_servant", "union_delegate"]));
        assert_eq!(course["accreditation"]["credits"], 0.5);
        assert_eq!(course["accreditation"]["survey_required"], true);
        let form = browser.get_html(&location).await;
        assert!(
            form.contains("value=\"7.50\"") || form.contains("value=\"7.5\""),
            "the edit form shows the hours"
        );
    }
);
