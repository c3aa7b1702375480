//! The OpenAPI document lists every API route with its schemas.

use reqwest::StatusCode;

#[tokio::test]
async fn every_route_is_documented() {
    let app = crate::helpers::TestApp::sqlite().await;
    let (status, doc) = app.anonymous_api().get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")),
        "{}",
        doc["openapi"]
    );
    let paths = doc["paths"].as_object().expect("paths");
    let expected: &[(&str, &[&str])] = &[
        ("/api/v1/programmes", &["get", "post"]),
        ("/api/v1/programmes/{id}", &["get", "patch"]),
        ("/api/v1/accreditation-bodies", &["get", "post"]),
        ("/api/v1/courses", &["get", "post"]),
        ("/api/v1/courses/{id}", &["get", "patch"]),
        ("/api/v1/sessions", &["get", "post"]),
        ("/api/v1/sessions/{id}", &["get", "patch"]),
        ("/api/v1/regions", &["get", "post"]),
        ("/api/v1/users", &["get", "post"]),
        ("/api/v1/users/{id}", &["get", "patch"]),
        ("/api/v1/tokens", &["get"]),
        ("/api/v1/tokens/{id}", &["delete"]),
        ("/api/v1/sessions/{id}/messages", &["post"]),
        ("/api/v1/outbox", &["get"]),
        ("/api/v1/outbox/{id}/retry", &["post"]),
        ("/api/v1/sessions/{id}/registrations", &["get", "post"]),
        ("/api/v1/registrations/{id}/cancel", &["post"]),
        ("/api/v1/registrations/{id}/move", &["post"]),
        ("/api/v1/meetings/{id}/attendance", &["put"]),
        ("/api/v1/surveys/{token}", &["post"]),
        ("/api/v1/sessions/{id}/certificates", &["post"]),
        ("/api/v1/certificates", &["get"]),
        ("/api/v1/certificates/export", &["get"]),
        ("/api/v1/certificates/{id}/pdf", &["get"]),
        ("/api/v1/certificates/{id}/credential", &["get"]),
        ("/api/v1/certificates/{id}/revoke", &["post"]),
        ("/api/v1/verify/{code}", &["get"]),
        ("/api/v1/sessions/{id}/survey-results", &["get"]),
        ("/api/v1/courses/{id}/survey-results", &["get"]),
        ("/api/v1/programmes/{id}/survey-results", &["get"]),
        ("/api/v1/meetings/{id}/attendance/import", &["post"]),
        ("/api/v1/sessions/{id}/attendance", &["get"]),
        ("/api/v1/sessions/{id}/registrations/import", &["post"]),
        ("/api/v1/survey-templates", &["get", "post"]),
        ("/api/v1/survey-templates/{id}", &["get", "put"]),
        ("/api/v1/indicators", &["get"]),
        ("/api/v1/indicators.csv", &["get"]),
    ];
    for (path, methods) in expected {
        let item = paths.get(*path).unwrap_or_else(|| panic!("{path} is documented"));
        for method in *methods {
            let operation = &item[*method];
            assert!(operation.is_object(), "{method} {path}");
            assert!(
                operation["responses"].as_object().is_some_and(|r| !r.is_empty()),
                "{method} {path} responses"
            );
        }
    }
    assert_eq!(
        paths.len(),
        expected.len(),
        "no undocumented extra: {:?}",
        paths.keys().collect::<Vec<_>>()
    );
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    for schema in [
        "ProgrammeInput",
        "ProgrammeOut",
        "CourseInput",
        "CourseOut",
        "SessionInput",
        "SessionOut",
        "Error",
        "UserOut",
    ] {
        assert!(
            schemas.contains_key(schema),
            "{schema} in {:?}",
            schemas.keys().collect::<Vec<_>>()
        );
    }
    let docs = app.browser().get("/api/docs").await;
    assert_eq!(docs.status(), StatusCode::OK);
    let html = docs.text().await.expect("html");
    assert!(html.contains("/assets/api-docs.js") && !html.contains("http://") && !html.contains("https://cdn"));
    assert_eq!(app.browser().get("/assets/api-docs.js").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn operations_endpoints() {
    let app = crate::helpers::TestApp::sqlite().await;
    let (status, body) = app.anonymous_api().get("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    app.browser().get("/").await;
    let metrics = app.browser().get("/metrics").await.text().await.expect("text");
    assert!(
        metrics.contains("aula_http_requests_total{method=\"GET\",route=\"/\",status=\"200\"}"),
        "{metrics}"
    );
    assert!(metrics.contains("aula_http_request_duration_seconds_bucket"));
}
