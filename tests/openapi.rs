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
        ("/api/v1/programmes/{id}", &["get", "patch", "delete"]),
        ("/api/v1/programmes/{id}/archive", &["post"]),
        ("/api/v1/programmes/{id}/restore", &["post"]),
        ("/api/v1/accreditation-bodies", &["get", "post"]),
        ("/api/v1/accreditation-bodies/{id}", &["patch"]),
        ("/api/v1/accreditation-bodies/{id}/logo", &["put", "delete"]),
        ("/api/v1/issuer", &["get", "put"]),
        ("/api/v1/signatories", &["get", "post"]),
        ("/api/v1/signatories/{id}", &["get", "patch", "delete"]),
        ("/api/v1/signatories/{id}/signature", &["put", "delete"]),
        ("/api/v1/courses/{id}/signatory", &["put"]),
        ("/api/v1/sessions/{id}/signatory", &["put"]),
        ("/api/v1/courses", &["get", "post"]),
        ("/api/v1/courses/{id}", &["get", "patch", "delete"]),
        ("/api/v1/courses/{id}/archive", &["post"]),
        ("/api/v1/courses/{id}/restore", &["post"]),
        ("/api/v1/courses/{id}/texts", &["put"]),
        ("/api/v1/sessions", &["get", "post"]),
        ("/api/v1/sessions/{id}", &["get", "patch"]),
        ("/api/v1/regions", &["get", "post"]),
        ("/api/v1/audiences", &["get", "post"]),
        ("/api/v1/audiences/{code}", &["patch", "delete"]),
        ("/api/v1/organisations", &["get", "post"]),
        ("/api/v1/organisations/{id}", &["get", "patch"]),
        ("/api/v1/organisations/{id}/members", &["get", "post"]),
        ("/api/v1/organisations/{id}/members/{user_id}/{role}", &["delete"]),
        ("/api/v1/organisations/{id}/logo", &["put", "delete"]),
        ("/api/v1/organisations/{id}/network", &["get", "put"]),
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
        ("/api/v1/indicators.xlsx", &["get"]),
        ("/api/v1/people/{id}/erasure", &["post"]),
        ("/api/v1/retention-periods", &["get", "put"]),
        ("/api/v1/privacy/records", &["get"]),
        // Outreach beside training (issue 20).
        ("/api/v1/outreach", &["get", "post"]),
        ("/api/v1/outreach/{id}", &["get", "patch", "delete"]),
        ("/api/v1/outreach/{id}/walk-ins", &["get", "post"]),
        ("/api/v1/outreach/{id}/walk-ins/{walk_in_id}", &["delete"]),
        // Sessions by invitation (issue 20).
        ("/api/v1/sessions/{id}/invitation-link", &["post", "delete"]),
        // Funders' logos (issue 20).
        ("/api/v1/programmes/{id}/funders/{position}/logo", &["put", "delete"]),
        // Co-facilitators who are not staff (issue 20).
        ("/api/v1/sessions/{id}/facilitators", &["get", "post"]),
        ("/api/v1/sessions/{id}/facilitators/{facilitator_id}", &["delete"]),
        // The person's correction of their identifier for the accrediting body (issue 20).
        ("/api/v1/registrations/{id}/identifier", &["put"]),
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

/// Where `value` departs from `schema` (required properties missing,
/// properties sent that the schema does not declare, wrong types), as
/// JSON pointers with what is wrong.
fn departures(doc: &serde_json::Value, schema: &serde_json::Value, value: &serde_json::Value, at: &str) -> Vec<String> {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/components/schemas/");
        let target = &doc["components"]["schemas"][name];
        if target.is_null() {
            return vec![format!("{at}: {reference} is not in the document")];
        }
        return departures(doc, target, value, at);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(alternatives) = schema[key].as_array() {
            let tries: Vec<Vec<String>> = alternatives.iter().map(|s| departures(doc, s, value, at)).collect();
            if tries.iter().any(Vec::is_empty) {
                return Vec::new();
            }
            return tries.into_iter().flatten().collect();
        }
    }
    if let Some(all) = schema["allOf"].as_array() {
        return all.iter().flat_map(|s| departures(doc, s, value, at)).collect();
    }
    let types: Vec<&str> = match &schema["type"] {
        serde_json::Value::String(t) => vec![t.as_str()],
        serde_json::Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => return Vec::new(), // any value
    };
    let fits = types.iter().any(|t| match *t {
        "null" => value.is_null(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        _ => false,
    });
    if !fits {
        return vec![format!("{at}: {value} is not {types:?}")];
    }
    let mut found = Vec::new();
    if let Some(object) = value.as_object() {
        let properties = schema["properties"].as_object();
        for required in schema["required"].as_array().into_iter().flatten() {
            let name = required.as_str().unwrap_or_default();
            if !object.contains_key(name) {
                found.push(format!("{at}/{name}: declared required, not sent"));
            }
        }
        for (name, item) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(property) => found.extend(departures(doc, property, item, &format!("{at}/{name}"))),
                None => match &schema["additionalProperties"] {
                    serde_json::Value::Object(_) => found.extend(departures(
                        doc,
                        &schema["additionalProperties"],
                        item,
                        &format!("{at}/{name}"),
                    )),
                    serde_json::Value::Bool(true) => {}
                    _ => found.push(format!("{at}/{name}: sent, not declared")),
                },
            }
        }
    }
    if let Some(items) = value.as_array() {
        for (n, item) in items.iter().enumerate() {
            found.extend(departures(doc, &schema["items"], item, &format!("{at}/{n}")));
        }
    }
    found
}

/// Issue 15: `MeetingOut.minutes` was declared required and never sent.
/// Real answers of the API's GET operations, with every kind of record in
/// them, are checked against the schemas the document declares.
#[tokio::test]
async fn issue_15_responses_match_their_declared_schemas() {
    use aula_domain::{Language, Role};
    use serde_json::json;

    let app = crate::helpers::TestApp::sqlite().await;
    let (_, doc) = app.anonymous_api().get("/api/openapi.json").await;
    let api = app.api(&[Role::Organiser, Role::Admin]).await;
    let programme = api
        .created("/api/v1/programmes", &json!({"title": "Programa", "funder": "FSE+"}))
        .await;
    let course = crate::helpers::accredited_course(
        &app,
        &api,
        json!({"programme_id": programme["id"], "title": "Curso", "summary": "S", "hours": 5,
            "modality": "in_person", "audiences": ["public_servant"], "language": "es"}),
    )
    .await;
    let session =
        crate::helpers::session_in_leon(&app, &api, &course, 10, crate::helpers::mornings_from_12_march_2026(1)).await;
    let session_id = session["id"].as_str().expect("id").to_owned();
    let meeting = session["meetings"][0]["id"].as_str().expect("meeting").to_owned();
    let registration = crate::helpers::seated(&app, &session_id, "Inés", "ines@example.org", Language::Es).await;
    let (status, saved) = api
        .put_marks(
            &meeting,
            &json!([{"registration_id": registration.id, "status": "present", "minutes": 290}]),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    api.close_and_complete(&session_id).await;
    api.post_ok(&format!("/api/v1/sessions/{session_id}/certificates"), &json!({}))
        .await;
    let (_, certificates) = api.get("/api/v1/certificates").await;
    let code = certificates["items"][0]["verification_code"]
        .as_str()
        .expect("a certificate")
        .to_owned();

    let programme_id = programme["id"].as_str().expect("id");
    let course_id = course["id"].as_str().expect("id");
    let gets: Vec<(&str, String)> = vec![
        ("/api/v1/programmes", "/api/v1/programmes".into()),
        ("/api/v1/programmes/{id}", format!("/api/v1/programmes/{programme_id}")),
        ("/api/v1/accreditation-bodies", "/api/v1/accreditation-bodies".into()),
        ("/api/v1/courses", "/api/v1/courses".into()),
        ("/api/v1/courses/{id}", format!("/api/v1/courses/{course_id}")),
        ("/api/v1/sessions", "/api/v1/sessions".into()),
        ("/api/v1/sessions/{id}", format!("/api/v1/sessions/{session_id}")),
        ("/api/v1/regions", "/api/v1/regions".into()),
        ("/api/v1/audiences", "/api/v1/audiences".into()),
        ("/api/v1/users", "/api/v1/users".into()),
        ("/api/v1/tokens", "/api/v1/tokens".into()),
        ("/api/v1/outbox", "/api/v1/outbox".into()),
        (
            "/api/v1/sessions/{id}/registrations",
            format!("/api/v1/sessions/{session_id}/registrations"),
        ),
        (
            "/api/v1/sessions/{id}/attendance",
            format!("/api/v1/sessions/{session_id}/attendance"),
        ),
        (
            "/api/v1/sessions/{id}/survey-results",
            format!("/api/v1/sessions/{session_id}/survey-results"),
        ),
        ("/api/v1/certificates", "/api/v1/certificates".into()),
        ("/api/v1/verify/{code}", format!("/api/v1/verify/{code}")),
        (
            "/api/v1/indicators",
            format!("/api/v1/indicators?programme={programme_id}"),
        ),
        ("/api/v1/survey-templates", "/api/v1/survey-templates".into()),
    ];
    let mut problems = Vec::new();
    for (path, url) in gets {
        let (status, value) = api.get(&url).await;
        assert_eq!(status, StatusCode::OK, "{url}: {value}");
        let schema = &doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        assert!(schema.is_object(), "{path} declares its answer");
        problems.extend(departures(&doc, schema, &value, &url));
    }
    // An error answer matches the error schema.
    let (status, value) = api.get("/api/v1/programmes?per_page=500").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let schema =
        &doc["paths"]["/api/v1/programmes"]["get"]["responses"]["422"]["content"]["application/json"]["schema"];
    problems.extend(departures(&doc, schema, &value, "422"));
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Issue 15: every status the API can answer is in the document, for every
/// operation where it can happen, and the API answers it.
#[tokio::test]
async fn issue_15_every_answer_is_documented() {
    let app = crate::helpers::TestApp::sqlite().await;
    let (_, doc) = app.anonymous_api().get("/api/openapi.json").await;
    let methods = ["get", "put", "post", "delete", "patch"];
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in methods {
            let operation = &item[method];
            if operation.is_null() {
                continue;
            }
            let responses = &operation["responses"];
            let parameters: Vec<&serde_json::Value> =
                operation["parameters"].as_array().into_iter().flatten().collect();
            let query = parameters.iter().any(|p| p["in"] == "query");
            let body = operation["requestBody"].is_object();
            let mut expected = vec!["401"];
            if query || body {
                expected.push("400");
            }
            if body {
                expected.extend(["413", "415"]);
            }
            // A parameter the endpoint does not read, or given twice (session 27).
            if query || parameters.iter().any(|p| p["name"] == "per_page") {
                expected.push("422");
            }
            for status in expected {
                assert!(responses[status].is_object(), "{method} {path} documents {status}");
            }
            if responses["429"].is_object() {
                assert!(
                    responses["429"]["headers"]["Retry-After"].is_object(),
                    "{method} {path}: 429 with Retry-After"
                );
            }
        }
    }
    // And the API does answer them.
    let anonymous = app.anonymous_api();
    // A value that cannot be read is told on its parameter (a bare 400
    // until session 27).
    let (status, body) = anonymous.get("/api/v1/courses?page=first").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["fields"]["page"].is_array(), "{body}");
    let (status, _) = anonymous.get("/api/v1/courses?page=%ff").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let response = anonymous
        .client
        .get(app.url("/api/v1/courses"))
        .header("authorization", "Basic dXNlcjpwYXNz")
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let token = app.token(&[aula_domain::Role::Organiser]).await;
    let response = anonymous
        .client
        .post(app.url("/api/v1/courses"))
        .bearer_auth(&token)
        .body("{}")
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let item = &doc["paths"]["/api/v1/sessions/{id}/registrations"]["post"]["responses"];
    assert!(item["429"]["headers"]["Retry-After"].is_object(), "{item}");
    assert!(doc["paths"]["/api/v1/verify/{code}"]["get"]["responses"]["429"].is_object());
}

/// The whole document, snapshotted: a change to the API's contract shows in
/// review as a diff of `snapshots/integration__openapi__openapi.snap`.
#[tokio::test]
async fn the_document_is_snapshotted() {
    let app = crate::helpers::TestApp::sqlite().await;
    let doc = app.anonymous_api().get_ok("/api/openapi.json").await;
    insta::assert_json_snapshot!("openapi", doc);
}
