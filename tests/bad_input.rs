//! Bad requests get a clear 4xx in the asker's language, never a 500, and change nothing.

use aula_domain::Role;
use reqwest::{Method, StatusCode};

use crate::helpers::db_test;

db_test!(malformed_requests, |app: crate::helpers::TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let post = |ct: &'static str, body: Vec<u8>| {
        let api = &api;
        async move { api.raw(Method::POST, "/api/v1/programmes", ct, body).await }
    };
    let (status, body) = post("application/json", b"{\"title\": ".to_vec()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"], "bad_request");
    let (status, body) = post("text/plain", b"title=x".to_vec()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        body["message"].as_str().is_some_and(|m| m.contains("application/json")),
        "{body}"
    );
    let (status, _) = post("application/json", vec![0xff, 0xfe, 0x7b]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, body) = post("application/json", b"{\"title\": 42, \"colour\": \"red\"}".to_vec()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    // A list is no object (issue 16's schemathesis round: it was read field by field).
    let (status, body) = post("application/json", b"[1,2]".to_vec()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    // A body announced larger than the limit is refused before it is read.
    // (Sent by hand: a client still writing 3 MB may see the connection
    // close before it reads the answer.)
    assert_eq!(
        announce_huge_body(&app, api.token.as_deref().unwrap_or_default()).await,
        413
    );
    let (status, body) = post(
        "application/json",
        format!("{{\"title\": \"{}\"}}", "a".repeat(300)).into_bytes(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(crate::helpers::problem_for(&body, "title").contains("200"), "{body}");
    let (status, _) = post("application/json", b"{\"title\": \"a\\u0000b\"}".to_vec()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = api.patch("/api/v1/programmes/not-a-uuid", &serde_json::json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A value that cannot be read is told on its parameter (400 naming
    // nothing until session 27).
    let (status, body) = api.get("/api/v1/programmes?page=minus-one").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["fields"]["page"].is_array(), "{body}");
    let (status, _) = api.get("/api/v1/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = api.get("/api/v1/programmes").await;
    assert_eq!(list["total"], 0, "nothing written");
});

// Issue 16's schemathesis round: serde read a record from a list, by
// position, so `["Ana", "Director"]` made a signatory and `["reason"]`
// revoked a certificate; a wrong value's message was half English and named
// no field; a PATCH kept the last of two same-named fields; a body said to be
// UTF-16 was read as UTF-8; and a query that is not UTF-8 searched for
// replacement characters.
db_test!(
    issue_16_json_bodies_are_objects_and_refusals_name_the_field,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let post = |body: &'static str| {
            let api = &api;
            async move {
                api.raw(
                    Method::POST,
                    "/api/v1/programmes?lang=fr",
                    "application/json",
                    body.as_bytes().to_vec(),
                )
                .await
            }
        };
        for list in [
            r#"["Programme by position"]"#,
            r#"  [{"title": "x"}]"#,
            "\"x\"",
            "42",
            "null",
        ] {
            let (status, body) = post(list).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{list}: {body}");
            assert_eq!(body["message"], "Envoyez un objet JSON.", "{list}: {body}");
        }
        let (status, body) = post(r#"{"title": {"a": 1}}"#).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(
            body["fields"]["title"][0], "Le champ « title » n’a pas le type attendu.",
            "{body}"
        );
        let (status, body) = post(r#"{"title": "A", "funders": [{"name": "F"}, {"name": {"x": 1}}]}"#).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        // Dotted, as the rules name list items (session 29: it was `funders[1].name`).
        assert_eq!(
            body["fields"]["funders.1.name"][0], "Le champ « funders.1.name » n’a pas le type attendu.",
            "{body}"
        );
        let (status, body) = post(r#"{"title": "A", "title": "B"}"#).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(
            body["fields"]["title"][0], "Le champ « title » est donné deux fois.",
            "{body}"
        );
        let (status, body) = post(r#"{"title": "A", "colour": "red"}"#).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["colour"].is_array(), "{body}");
        let (status, body) = api
            .raw(
                Method::POST,
                "/api/v1/programmes",
                "application/json; charset=utf-16",
                br#"{"title": "A"}"#.to_vec(),
            )
            .await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
        let (_, list) = api.get("/api/v1/programmes").await;
        assert_eq!(list["total"], 0, "nothing written: {list}");

        // A PATCH too: an object, each field once.
        let programme = api
            .created("/api/v1/programmes", &serde_json::json!({"title": "Igualdad"}))
            .await;
        let path = format!("/api/v1/programmes/{}", programme["id"].as_str().expect("id"));
        let (status, body) = api
            .raw(
                Method::PATCH,
                &path,
                "application/json",
                br#"{"title": "Uno", "title": "Dos"}"#.to_vec(),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let (status, body) = api
            .raw(
                Method::PATCH,
                &path,
                "application/json",
                br#"["Renamed by position"]"#.to_vec(),
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(api.get_ok(&path).await["title"], "Igualdad");

        // A query that is not UTF-8.
        let (status, body) = api.get("/api/v1/sessions?q=%ff%fe").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

        // The scheme of `Authorization` in any case.
        let response = api
            .client
            .get(format!("{}/api/v1/programmes", api.base))
            .header(
                "authorization",
                format!("bearer {}", api.token.as_deref().unwrap_or_default()),
            )
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::OK);
    }
);

db_test!(bad_pages, |app: crate::helpers::TestApp| async move {
    let browser = app.browser();
    let response = browser.get("/sessions/not-an-id?lang=es").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = response.text().await.expect("html");
    assert!(
        html.contains("<html lang=\"es\""),
        "the error page speaks the reader's language"
    );
    let response = browser.get("/no/such/page").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = browser.get(&format!("/courses/{}", uuid::Uuid::now_v7())).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // A form body that is not a form.
    let organiser = app.signed_in(&[Role::Organiser]).await;
    let response = organiser
        .post_body("/staff/programmes/new", "application/json", "{}")
        .await;
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let token = organiser.csrf("/staff/programmes/new").await;
    let response = organiser
        .post_body(
            "/staff/programmes/new",
            "application/x-www-form-urlencoded",
            format!("csrf={token}&title=%FF%FE"),
        )
        .await;
    assert!(response.status().is_client_error(), "bad UTF-8: {}", response.status());
    // A method the address does not take (found by attacking the forms,
    // session 21): said in the reader's language, the methods it takes in
    // `Allow`, and the body read, so the connection serves the next request.
    let response = browser
        .post_body("/verify/abc?lang=fr", "application/x-www-form-urlencoded", "code=abc")
        .await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(response.headers().contains_key("allow"), "{:?}", response.headers());
    let html = response.text().await.expect("html");
    assert!(
        html.contains("Cette adresse n'accepte pas") || html.contains("Cette adresse n&#39;accepte pas"),
        "{html}"
    );
    let api = app.anonymous_api();
    let (status, body) = api
        .raw(Method::DELETE, "/api/v1/sessions", "application/json", b"{}".to_vec())
        .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body["error"], "method_not_allowed", "{body}");
    let next = browser.get("/verify/abc").await.status();
    assert!(!next.is_server_error(), "the next request on the connection: {next}");
});

// Found by a black-box run of every operation with bad input: the search
// words become SQL `LIKE` patterns, which SQLite refuses past 50,000 bytes
// (25,000 `_`, each escaped to two), and that came out as a 500.
db_test!(
    a_search_too_long_for_the_database_is_refused_at_its_field,
    |app: crate::helpers::TestApp| async move {
        let api = app.anonymous_api();
        let (status, body) = api.get(&format!("/api/v1/sessions?q={}", "_".repeat(25_000))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(crate::helpers::problem_for(&body, "q").contains("200"), "{body}");
        api.get_ok(&format!("/api/v1/sessions?q={}", "_".repeat(200))).await;
        // A cell pasted from a spreadsheet: the tab is a space between words.
        let (status, body) = api.get("/api/v1/sessions?q=igualdad%09trato%0A").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let browser = app.browser();
        let organisation = format!("/o/{}/", app.organisation_slug().await);
        for page in ["/", organisation.as_str()] {
            let response = browser.get(&format!("{page}?lang=fr&q={}", "a".repeat(49_999))).await;
            assert!(response.status().is_success(), "{page}: {}", response.status());
            let html = response.text().await.expect("html");
            assert!(
                html.contains("caractères au maximum") && html.contains("200"),
                "{page}: the problem at the field, in French"
            );
        }
    }
);

async fn announce_huge_body(app: &crate::helpers::TestApp, token: &str) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.expect("connect");
    let head = format!(
        "POST /api/v1/programmes HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{{\"title\": \"",
        3 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    let mut answer = vec![0u8; 64];
    let read = stream.read(&mut answer).await.expect("read");
    let line = String::from_utf8_lossy(&answer[..read]).into_owned();
    line.split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

// Issue 15: `per_page` beyond its maximum (100) is refused, not clamped, on
// every list of the API.
db_test!(
    issue_15_per_page_beyond_its_maximum_is_refused,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser, Role::Admin]).await;
        let (_, session) = crate::helpers::course_and_session(&app, &api).await;
        for list in [
            "/api/v1/programmes".to_owned(),
            "/api/v1/courses".to_owned(),
            "/api/v1/sessions".to_owned(),
            "/api/v1/users".to_owned(),
            "/api/v1/outbox".to_owned(),
            "/api/v1/certificates".to_owned(),
            format!("/api/v1/sessions/{session}/registrations"),
        ] {
            let (status, body) = api.get(&format!("{list}?per_page=101&lang=es")).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{list}: {body}");
            assert!(
                crate::helpers::problem_for(&body, "per_page").contains("100"),
                "{list}: {body}"
            );
            let (status, _) = api.get(&format!("{list}?per_page=0")).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{list}");
            let (status, body) = api.get(&format!("{list}?per_page=100")).await;
            assert_eq!(status, StatusCode::OK, "{list}: {body}");
            assert_eq!(body["per_page"], 100, "{list}");
        }
    }
);

// Issue 15: meetings before 1900 or after 2200 are refused, in the asker's language.
db_test!(
    issue_15_meetings_outside_1900_to_2200_are_refused,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (course, _) = crate::helpers::course_and_session(&app, &api).await;
        let region = app.region("ES-AN").await;
        for (lang, starts, ends, words) in [
            (
                "en",
                "1899-12-31T09:00:00Z",
                "1899-12-31T11:00:00Z",
                "between the years 1900 and 2200",
            ),
            (
                "fr",
                "2201-01-01T09:00:00Z",
                "2201-01-01T11:00:00Z",
                "entre les années 1900 et 2200",
            ),
            (
                "es",
                "0026-03-12T09:00:00Z",
                "0026-03-12T11:00:00Z",
                "entre los años 1900 y 2200",
            ),
        ] {
            let (status, body) = api
                .post(
                    &format!("/api/v1/sessions?lang={lang}"),
                    &serde_json::json!({"course_id": course, "capacity": 10,
                        "venue": {"name": "Sede", "city": "Sevilla", "region_id": region},
                        "meetings": [{"starts_at": starts, "ends_at": ends}]}),
                )
                .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            assert!(
                crate::helpers::problem_for(&body, "meetings.0").contains(words),
                "{lang}: {body}"
            );
        }
    }
);

// Session 25's attack round on the API: a flag sent as a string that is
// neither yes nor no was read as "no" and saved ("TRUE" deactivated an
// account, whose tokens stayed revoked); a misspelt field of an erasure was
// ignored, and the erasure kept the person's certificates; addresses the
// mailer refuses for good were taken, and their confirmation never left.
db_test!(
    session_25_flags_fields_and_addresses_are_refused_not_guessed,
    |app: crate::helpers::TestApp| async move {
        use serde_json::json;
        let admin = app.api(&[Role::Admin]).await;
        let marta = app.user("marta@example.org", &[Role::Organiser]).await;
        let path = format!("/api/v1/users/{}", marta.user.id);
        for flag in ["TRUE", "maybe", "oui", "sí"] {
            let (status, body) = admin.patch(&path, &json!({"active": flag})).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{flag}: {body}");
            assert!(body["fields"]["active"].is_array(), "{body}");
        }
        let (_, user) = admin.get(&path).await;
        assert_eq!(user["active"], true, "nothing changed: {user}");
        // The words a form or a careful integrator sends still work.
        let user = admin.patch_ok(&path, &json!({"active": "false"})).await;
        assert_eq!(user["active"], false);

        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        let placed =
            crate::helpers::seated(&app, &session_id, "Ana", "ana@example.org", aula_domain::Language::Es).await;
        let erasure = format!("/api/v1/people/{}/erasure", placed.person_id);
        for body in [
            json!({"reason": "asked", "certficates": true}),
            json!({"reason": "asked", "certificates": "TRUE"}),
        ] {
            let (status, answer) = api.post(&erasure, &body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
        }
        let person = aula_storage::people::get(&app.db, placed.person_id)
            .await
            .expect("person");
        assert!(person.erased_at.is_none(), "nobody erased");

        for address in [
            "john..doe@example.org",
            ".ana@example.org",
            "ana.@example.org",
            "ana@[127.0.0.1]",
        ] {
            let (status, body) = app
                .anonymous_api()
                .post(
                    &format!("/api/v1/sessions/{session_id}/registrations"),
                    &crate::helpers::registrant("Ana", address),
                )
                .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{address}: {body}");
            assert!(body["fields"]["email"].is_array(), "{body}");
        }
    }
);

// Session 25's walk through the pages: an address that takes only POST,
// opened, showed its message key as the page's heading; a refused form's
// language links led to that address; conflicts named statuses by their
// codes ("de « draft » à « completed »") on French pages.
db_test!(
    session_25_a_refused_form_links_its_own_page_in_other_languages,
    |app: crate::helpers::TestApp| async move {
        let browser = app.browser();
        let response = browser.get("/sign-out?lang=fr").await;
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
        let html = response.text().await.expect("html");
        assert!(html.contains("<h1>Cette page ne s&#39;ouvre pas ainsi</h1>"), "{html}");
        assert!(!html.contains("error-title"), "{html}");

        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        let page = format!("/sessions/{session_id}?lang=fr");
        let token = browser.csrf(&page).await;
        let response = browser
            .client
            .post(app.url(&format!("/sessions/{session_id}/register")))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("referer", app.url(&page))
            .body(format!("csrf={token}&given_name=&family_name="))
            .send()
            .await
            .expect("POST");
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(
            html.contains(&format!("href=\"/sessions/{session_id}?lang=ar\"")),
            "{html}"
        );
        assert!(!html.contains("/register?lang="), "{html}");
        // Another site's page is not taken for the form's.
        let response = browser
            .client
            .post(app.url(&format!("/sessions/{session_id}/register")))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("referer", "https://elsewhere.example/phish?lang=fr")
            .body(format!("csrf={token}&given_name=&family_name="))
            .send()
            .await
            .expect("POST");
        let html = response.text().await.expect("html");
        assert!(!html.contains("phish"), "{html}");

        let (status, body) = api
            .raw(
                Method::PATCH,
                &format!("/api/v1/sessions/{session_id}?lang=fr"),
                "application/json",
                br#"{"status": "draft"}"#.to_vec(),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        let message = body["message"].as_str().expect("message");
        assert!(
            message.contains("Inscriptions ouvertes") && message.contains("Brouillon") && !message.contains("draft"),
            "{message}"
        );
    }
);

/// Every staff account's language becomes `language`.
async fn every_account_speaks(app: &crate::helpers::TestApp, language: aula_domain::Language) {
    use aula_storage::entities::user;
    use sea_orm::{EntityTrait, sea_query::Expr};
    user::Entity::update_many()
        .col_expr(user::Column::Language, Expr::value(language.as_str()))
        .exec(&app.db)
        .await
        .expect("language");
}

db_test!(
    session_25_an_integration_is_answered_in_its_accounts_language,
    |app: crate::helpers::TestApp| async move {
        use serde_json::json;
        let api = app.api(&[Role::Organiser]).await;
        every_account_speaks(&app, aula_domain::Language::Es).await;
        // No language named: the account's.
        let (status, body) = api.post("/api/v1/courses", &json!({})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(
            body["message"], "Algunos datos no son correctos: revise el mensaje de cada campo.",
            "{body}"
        );
        // One named wins.
        let (_, body) = api.post("/api/v1/courses?lang=fr", &json!({})).await;
        assert_eq!(
            body["message"], "Certaines valeurs sont incorrectes\u{a0}: consultez le message sous chaque champ.",
            "{body}"
        );
        let body: serde_json::Value = api
            .client
            .post(format!("{}/api/v1/courses", api.base))
            .bearer_auth(api.token.as_deref().expect("token"))
            .header("Accept-Language", "en")
            .json(&json!({}))
            .send()
            .await
            .expect("POST")
            .json()
            .await
            .expect("JSON");
        assert_eq!(body["message"], "Some values are not right; see each field.", "{body}");
    }
);

db_test!(
    session_25_a_reason_of_spaces_is_told_on_its_row,
    |app: crate::helpers::TestApp| async move {
        // The browser stops a reason of spaces alone (`pattern`); posted
        // anyway, the list comes back as it was filtered, with the problem
        // on the row, and nothing changes (it was a bare page naming
        // `reason:`).
        let api = app.api(&[Role::Organiser]).await;
        let organiser = app.signed_in(&[Role::Organiser]).await;
        let post = |action: String, referer: String, body: String| {
            let client = organiser.client.clone();
            let url = app.url(&action);
            let referer = app.url(&referer);
            async move {
                client
                    .post(url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("referer", referer)
                    .body(body)
                    .send()
                    .await
                    .expect("POST")
            }
        };

        let (session, _) = crate::certificates::completed_session(&app, &api, false, false, &[3], "why").await;
        let issued = crate::certificates::issue(&api, &session).await;
        let id = issued["certificates"][0]["id"].as_str().expect("id").to_owned();
        let list = "/staff/certificates?status=valid&lang=es";
        let token = organiser.csrf(list).await;
        let response = post(
            format!("/staff/certificates/{id}/revoke"),
            list.to_owned(),
            format!("csrf={token}&reason=+++"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains(&format!("id=\"error-reason-{id}\"")), "{html}");
        assert!(html.contains(&format!("href=\"#field-reason-{id}\"")), "{html}");
        assert!(
            html.contains("<option value=\"valid\" selected>"),
            "the filter kept: {html}"
        );
        assert!(html.contains("lang=\"es\""), "{html}");
        let listed = api.get_ok(&format!("/api/v1/certificates?session_id={session}")).await;
        assert!(listed["items"][0]["revoked_at"].is_null(), "{listed}");

        let (_, open) = crate::helpers::course_and_session(&app, &api).await;
        let seated = crate::helpers::seated_people(&app, &open, 1, "M", ".why").await;
        let registrations = format!("/staff/sessions/{open}/registrations?status=confirmed");
        let token = organiser.csrf(&registrations).await;
        let response = post(
            format!("/staff/registrations/{}/move", seated[0]),
            registrations.clone(),
            format!("csrf={token}&status=cancelled&reason=%20%09"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains(&format!("id=\"error-reason-{}\"", seated[0])), "{html}");
        assert!(
            html.contains(&format!("href=\"#field-reason-{}\"", seated[0])),
            "{html}"
        );
        let listed = api.get_ok(&format!("/api/v1/sessions/{open}/registrations")).await;
        assert_eq!(listed["items"][0]["status"], "confirmed", "{listed}");
    }
);

db_test!(
    session_27_an_api_query_takes_each_parameter_it_reads_once,
    |app: crate::helpers::TestApp| async move {
        // Session 27's attack round: a misspelt filter answered with
        // everything (an export of every certificate included), and an
        // import told `dry_run=true&dry_run=false` registered for real.
        let api = app.api(&[Role::Organiser]).await;
        let (_, session) = crate::helpers::course_and_session(&app, &api).await;
        let (status, body) = api.get("/api/v1/sessions?statuss=open&lang=en").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let told = body["fields"]["statuss"][0].as_str().expect("told");
        assert!(
            told.starts_with("This address does not read this parameter. It reads: ") && told.contains("status"),
            "{told}"
        );
        let (status, body) = api.get(&format!("/api/v1/certificates/export?session={session}")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let (status, body) = api.get("/api/v1/sessions?status=open&status=draft&lang=fr").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(
            body["fields"]["status"][0], "Donnez ce paramètre une seule fois.",
            "{body}"
        );
        // A value that cannot be read is told on its parameter.
        let (status, body) = api.get("/api/v1/certificates?course_id=zz&lang=es").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(
            body["fields"]["course_id"][0], "Este valor no se puede leer aquí.",
            "{body}"
        );

        let file = b"given_name,family_name,email\nRep,Param,rep.param@example.org\n";
        let (status, body) = crate::imports::import(&api, &session, "?dry_run=true&dry_run=false", file).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["dry_run"].is_array(), "{body}");
        let detail = api.get_ok(&format!("/api/v1/sessions/{session}")).await;
        let meeting = detail["meetings"][0]["id"].as_str().expect("meeting");
        let (status, body) = api
            .raw(
                Method::POST,
                &format!("/api/v1/meetings/{meeting}/attendance/import?dry_run=true&dry_run=false"),
                "text/csv; charset=utf-8",
                b"Name,Email\nRep Param,rep.param@example.org\n".to_vec(),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["dry_run"].is_array(), "{body}");
        let listed = api.get_ok(&format!("/api/v1/sessions/{session}/registrations")).await;
        assert_eq!(listed["total"], 0, "nobody was registered: {listed}");

        // Pages take the parameters links come back with from newsletters.
        let page = app.browser().get("/?utm_source=boletin&fbclid=x").await;
        assert_eq!(page.status(), StatusCode::OK);
    }
);

db_test!(
    session_27_a_signed_in_page_is_in_the_accounts_language,
    |app: crate::helpers::TestApp| async move {
        // Session 27's attack round: a French organiser's pages and errors
        // came in English from a browser that named no language, where a
        // token of theirs was answered in French.
        let browser = app.signed_in(&[Role::Organiser]).await;
        every_account_speaks(&app, aula_domain::Language::Fr).await;
        let page = browser.get_html("/staff/sessions").await;
        assert!(page.contains("<html lang=\"fr\""), "{page}");
        // A language named still wins.
        let page = browser.get_html("/staff/sessions?lang=es").await;
        assert!(page.contains("<html lang=\"es\""), "{page}");
    }
);

db_test!(
    session_27_media_types_are_read_as_the_standard_says,
    |app: crate::helpers::TestApp| async move {
        // Session 27's attack round: a form type in capitals was refused
        // asking for itself; `…-urlencoded-evil` and a UTF-16 form were
        // read as UTF-8; `/o/<slug>` without its slash was not found.
        let browser = app.browser();
        let csrf = browser.csrf("/sign-in").await;
        let body = format!("csrf={csrf}&email=nobody%40example.org&password=wrong-password");
        for (content_type, refused) in [
            ("Application/X-WWW-Form-Urlencoded", false),
            ("application/x-www-form-urlencoded; charset=UTF-8", false),
            ("application/x-www-form-urlencoded-evil", true),
            ("application/x-www-form-urlencoded; charset=utf-16", true),
        ] {
            let response = browser
                .client
                .post(app.url("/sign-in?lang=en"))
                .header("content-type", content_type)
                .header("origin", app.base.clone())
                .body(body.clone())
                .send()
                .await
                .expect("POST");
            let status = response.status();
            assert_eq!(
                status == StatusCode::UNSUPPORTED_MEDIA_TYPE,
                refused,
                "{content_type}: {status}"
            );
        }
        let slug = app.organisation_slug().await;
        let response = browser.get(&format!("/o/{slug}?lang=fr")).await;
        assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
        assert_eq!(response.headers()["location"], format!("/o/{slug}/?lang=fr").as_str());
        assert_eq!(browser.get(&format!("/o/{slug}/")).await.status(), StatusCode::OK);
        assert_eq!(browser.get("/o/Not%20a%20slug").await.status(), StatusCode::NOT_FOUND);
    }
);

// Session 28's attack round: filters and fields told in words the page or
// the body does not have. A status the certificates or registrations page
// does not know was an error page pointing to fields it has not; a session
// id that does not read was ignored; the indicators' report named a chosen
// session by its id, and called a repeated filter unreadable; a session's
// API refusal named `venue_name`, which its JSON has not.
db_test!(
    session_28_refusals_name_what_the_reader_sees,
    |app: crate::helpers::TestApp| async move {
        use serde_json::json;
        let api = app.api(&[Role::Organiser]).await;
        let (course, session) = crate::helpers::course_and_session(&app, &api).await;
        let browser = app.signed_in(&[Role::Organiser]).await;

        let response = browser.get("/staff/certificates?status=zzz").await;
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.expect("html");
        assert!(
            html.contains("id=\"error-status\"") && html.contains("id=\"field-status\""),
            "{html}"
        );
        let html = browser.get_html("/staff/certificates?session_id=zzz").await;
        assert!(
            html.contains("id=\"error-session_id\"") && html.contains("id=\"field-session_id\""),
            "{html}"
        );
        let unknown = uuid::Uuid::now_v7();
        let html = browser
            .get_html(&format!("/staff/certificates?session_id={unknown}"))
            .await;
        assert!(html.contains("id=\"error-session_id\""), "{html}");
        let html = browser
            .get_html(&format!("/staff/certificates?session_id={session}&status=valid"))
            .await;
        assert!(!html.contains("error-summary"), "{html}");
        assert!(html.contains("Igualdad de trato en la atención al público, "), "{html}");
        assert!(html.contains("href=\"/staff/certificates?status=valid\""), "{html}");

        let response = browser
            .get(&format!("/staff/sessions/{session}/registrations?status=zzz"))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.expect("html");
        assert!(
            html.contains("id=\"error-status\"") && html.contains("id=\"field-status\""),
            "{html}"
        );

        let response = browser
            .get("/staff/indicators?audience=public_servant&audience=mediator")
            .await;
        crate::helpers::answers(response, StatusCode::UNPROCESSABLE_ENTITY, "Give this parameter once.").await;
        let html = browser.get_html(&format!("/staff/indicators?session={session}")).await;
        let scope = html
            .split("class=\"report-scope\">")
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .expect("the report's scope");
        assert!(scope.contains("2030") && !scope.contains(&session), "{scope}");

        let region = app.region("ES-AN").await;
        let meetings = json!([{"starts_at": "2030-05-12T09:00:00Z", "ends_at": "2030-05-12T11:00:00Z"}]);
        let (status, body) = api
            .post(
                "/api/v1/sessions",
                &json!({"course_id": course, "capacity": 10, "meetings": meetings,
                    "venue": {"city": "Sevilla", "region_id": region}}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["venue.name"].is_array(), "{body}");
        assert!(body["fields"].get("venue_name").is_none(), "{body}");
        let (status, body) = api
            .post(
                "/api/v1/sessions",
                &json!({"course_id": course, "capacity": 10, "meetings": meetings}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["venue"].is_array(), "{body}");
    }
);

// Session 29's attack round: a name with characters that show nothing
// ("Z\u{200B}ero\u{200D} Ruiz") was taken, and looked like another on the
// pages and in the e-mails.
db_test!(
    session_29_a_name_that_hides_characters_is_refused,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session) = crate::helpers::course_and_session(&app, &api).await;
        let path = format!("/api/v1/sessions/{session}/registrations?lang=en");
        let mut body = crate::helpers::registrant("Z\u{200B}ero", "zero@example.org");
        body["family_name"] = serde_json::json!("Ruiz\u{200D}");
        let (status, problem) = app.anonymous_api().post(&path, &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        for field in ["given_name", "family_name"] {
            assert!(
                crate::helpers::problem_for(&problem, field).contains("shows nothing"),
                "{problem}"
            );
        }
        let (_, listed) = api.get(&format!("/api/v1/sessions/{session}/registrations")).await;
        assert_eq!(listed["total"], 0, "{listed}");
    }
);

// Session 29's attack round: a second region could take an existing
// region's name under another code, and every list of regions (a venue's,
// a person's, the indicators' filter) shows names only.
db_test!(
    session_29_two_regions_of_one_name_are_refused,
    |app: crate::helpers::TestApp| async move {
        let admin = app.api(&[Role::Admin]).await;
        let before = admin.get_ok("/api/v1/regions").await.as_array().map_or(0, Vec::len);
        let region = serde_json::json!({"code": "ES-AN", "name": "Andalucía"});
        admin.created("/api/v1/regions?lang=en", &region).await;
        let twin = serde_json::json!({"code": "AND", "name": " andalucía"});
        let (status, problem) = admin.post("/api/v1/regions?lang=en", &twin).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert_eq!(
            crate::helpers::problem_for(&problem, "name"),
            "Another region already has this name.",
            "{problem}"
        );
        let browser = app.signed_in(&[Role::Admin]).await;
        let response = browser
            .post_form(
                "/admin/regions?lang=en",
                "/admin/regions?lang=en",
                &[("code", "AND"), ("name", "ANDALUCÍA")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains("id=\"error-name\""), "{html}");
        assert!(html.contains("value=\"AND\""), "what was typed stays: {html}");
        let regions = admin.get_ok("/api/v1/regions").await;
        assert_eq!(regions.as_array().map(Vec::len), Some(before + 1), "{regions}");
    }
);
