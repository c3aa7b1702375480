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
        let public = app.anonymous_api().get_ok(&format!("/api/v1/courses/{id}")).await;
        assert_eq!(public["title"], "Marco jurídico de la igualdad de trato");

        let patched = api
            .patch_ok(
                &format!("/api/v1/courses/{id}"),
                &json!({"minimum_attendance_percent": 75, "accreditation_body_id": ""}),
            )
            .await;
        assert!(
            patched["accreditation"].is_null(),
            "an empty body removes the accreditation"
        );
        assert_eq!(patched["minimum_attendance_percent"], 75, "{patched}");

        // Session 29's attack round: without a body, a minimum attendance,
        // credits or recognised hours answered 200 and were not kept.
        let path = format!("/api/v1/courses/{id}");
        let patched = api.patch_ok(&path, &json!({"minimum_attendance_percent": "50"})).await;
        assert_eq!(patched["minimum_attendance_percent"], 50, "{patched}");
        let stored = aula_storage::courses::get(&app.db, id.parse().expect("uuid"))
            .await
            .expect("course");
        assert_eq!(stored.course.minimum_attendance_percent, 50);
        for (field, value) in [
            ("credits", json!("2.5")),
            ("recognised_hours", json!("3")),
            ("survey_required", json!(true)),
        ] {
            let (status, body) = api.patch(&path, &json!({ field: value })).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {body}");
            assert!(
                crate::helpers::problem_for(&body, field).contains("accrediting body"),
                "{body}"
            );
        }
        let browser = app.signed_in(&[Role::Organiser]).await;
        let response = browser
            .submit(
                &format!("/staff/courses/{id}"),
                &[
                    ("title", "Marco jurídico de la igualdad de trato"),
                    ("summary", "Curso en línea acreditado."),
                    ("hours", "40"),
                    ("modality", "online"),
                    ("audiences", "public_servant"),
                    ("language", "es"),
                    ("accreditation_body_id", ""),
                    ("minimum_attendance_percent", "60"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let stored = aula_storage::courses::get(&app.db, id.parse().expect("uuid"))
            .await
            .expect("course");
        assert_eq!(stored.course.minimum_attendance_percent, 60);
    }
);

db_test!(course_validation, |app: crate::helpers::TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (status, body) = api
        .post(
            "/api/v1/courses",
            &json!({"title": "X", "summary": "Y", "hours": "-2", "modality": "hybrid", "audiences": ["Martians!"], "language": "de",
                     "accreditation_body_id": uuid::Uuid::now_v7(), "minimum_attendance_percent": 120}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    // (A well-formed code the instance has no audience for is refused as
    // the course is written: `audiences::issue_20_…`.)
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
            .submit(
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

db_test!(
    issue_23_a_course_speaks_its_readers_language,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        // A Spanish course, given in French and English too.
        let (course_id, session_id) = crate::helpers::course_and_session(&app, &api).await;
        let texts_path = format!("/api/v1/courses/{course_id}/texts");
        let texts = json!({
            "fr": {"title": "Égalité de traitement au guichet", "summary": "Des cas pratiques.", "objectives": "Connaître la loi\nL'appliquer"},
            "en": {"title": "Equal treatment at the front desk", "summary": "Case studies."},
        });
        let course = api.put_ok(&texts_path, &texts).await;
        assert_eq!(course["title"], "Igualdad de trato en la atención al público");
        assert_eq!(course["texts"]["fr"]["title"], "Égalité de traitement au guichet");
        assert_eq!(course["texts"]["en"]["objectives"], "");

        // The course's own language, a half-given one and an unknown one are
        // refused, each named; nothing changes.
        let (status, body) = api
            .put(
                &texts_path,
                &json!({"es": {"title": "X", "summary": "Y"}, "en": {"title": "Only a title"}, "xx": {"title": "?", "summary": "?"}}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        for field in ["es", "en.summary", "xx"] {
            assert!(body["fields"][field].is_array(), "{field}: {body}");
        }
        let (_, unchanged) = api.get(&format!("/api/v1/courses/{course_id}")).await;
        assert_eq!(unchanged["texts"], course["texts"]);
        // Nor may the course take a language it has a text in.
        let (status, body) = api
            .patch(&format!("/api/v1/courses/{course_id}"), &json!({"language": "fr"}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["language"].is_array(), "{body}");

        // Only organisers write them.
        let (status, _) = app.api(&[Role::Trainer]).await.put(&texts_path, &texts).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app.anonymous_api().put(&texts_path, &texts).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);

        // Each reader sees their language, marked so screen readers say it
        // right; a language without a text falls back to the course's own.
        let visitor = app.browser();
        let html = visitor.get_html(&format!("/courses/{course_id}?lang=fr")).await;
        assert!(
            html.contains(r#"<h1 lang="fr" dir="auto">Égalité de traitement au guichet</h1>"#),
            "{html}"
        );
        assert!(html.contains("<p>Connaître la loi</p>"), "{html}");
        let html = visitor.get_html(&format!("/sessions/{session_id}?lang=en")).await;
        assert!(
            html.contains(r#"<h1 lang="en" dir="auto">Equal treatment at the front desk</h1>"#),
            "{html}"
        );
        let html = visitor.get_html(&format!("/courses/{course_id}?lang=es")).await;
        assert!(
            html.contains(r#"<h1 lang="es" dir="auto">Igualdad de trato en la atención al público</h1>"#),
            "{html}"
        );
        // An Arabic reader, with no Arabic text: the course's own, marked Spanish.
        let html = visitor.get_html(&format!("/courses/{course_id}?lang=ar")).await;
        assert!(
            html.contains(r#"<html lang="ar" dir="rtl""#)
                && html.contains(r#"<h1 lang="es" dir="auto">Igualdad de trato en la atención al público</h1>"#),
            "{html}"
        );
        // The calendar file speaks the reader's language too.
        let ics = visitor
            .get_text(&format!("/sessions/{session_id}/calendar.ics?lang=fr"))
            .await;
        assert!(ics.contains("SUMMARY:Égalité de traitement au guichet"), "{ics}");
        let html = visitor.get_html("/?lang=fr").await;
        assert!(
            html.contains("Égalité de traitement au guichet"),
            "the catalogue in French"
        );
        // The catalogue's search finds it by its words in any language.
        let html = visitor.get_html("/?q=guichet&lang=es").await;
        assert!(
            html.contains(&format!("/sessions/{session_id}")),
            "found by its French title"
        );

        // A person who reads English gets their e-mails with the English title.
        let mut jo = crate::helpers::registrant("Jo", "jo@example.org");
        jo["language"] = json!("en");
        let (status, body) = app
            .anonymous_api()
            .post(&format!("/api/v1/sessions/{session_id}/registrations"), &jo)
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let received = app.smtp.wait_for(1, std::time::Duration::from_secs(10)).await;
        let mail = received
            .iter()
            .find(|m| m.to.contains(&"jo@example.org".to_owned()))
            .expect("Jo's e-mail");
        assert!(
            mail.data
                .replace("=\r\n", "")
                .contains("Equal treatment at the front desk"),
            "{}",
            mail.data
        );

        // The page: an organiser clears the French text and keeps the English one.
        let organiser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/courses/{course_id}/texts");
        let form = organiser.get_html(&page).await;
        assert!(
            form.contains(r#"name="fr.title""#) && !form.contains(r#"name="es.title""#),
            "no fields for the course's own language"
        );
        let response = organiser
            .submit(
                &page,
                &[
                    ("fr.title", ""),
                    ("fr.summary", ""),
                    ("fr.objectives", ""),
                    ("en.title", "Equal treatment"),
                    ("en.summary", "Cases."),
                    ("en.objectives", ""),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, course) = api.get(&format!("/api/v1/courses/{course_id}")).await;
        assert!(course["texts"]["fr"].is_null(), "{course}");
        assert_eq!(course["texts"]["en"]["title"], "Equal treatment");
        // A half-given language shows the form again with its error, and changes nothing.
        let response = organiser
            .submit(&page, &[("fr.title", "Seulement un titre"), ("fr.summary", "")])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("body");
        assert!(html.contains(r#"id="error-fr.summary""#), "{html}");
        let (_, after) = api.get(&format!("/api/v1/courses/{course_id}")).await;
        assert_eq!(after["texts"], course["texts"]);
        // `null` is a blank language, as the API's description says (it was
        // a type error: session 29's attack round).
        let course = api
            .put_ok(
                &texts_path,
                &json!({"en": null, "fr": {"title": "Égalité", "summary": "Des cas."}}),
            )
            .await;
        assert!(course["texts"]["en"].is_null(), "{course}");
        assert_eq!(course["texts"]["fr"]["title"], "Égalité", "{course}");
    }
);
