//! Web security (issue 15): the headers every answer carries, where a
//! sign-in may lead back to, the cookie-authenticated API refused to other
//! sites, closed metrics labels, and slow clients that cannot hold the
//! server.

use std::time::{Duration, Instant};

use aula_domain::Role;
use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{TestApp, db_test};

/// A second server on the test app's database, configured by `change`
/// (another base URL, short timeouts, a metrics token).
async fn serve_with(app: &TestApp, change: impl FnOnce(&mut aula_web::Config)) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let mut config = aula_web::Config {
        rate_limits: false,
        ..aula_web::Config::new(base.clone())
    };
    change(&mut config);
    let state = aula_web::AppState::new(app.db.clone(), config, app.mail.clone(), app.wake.clone());
    tokio::spawn(async move {
        let _ = aula_web::serve(listener, state, std::future::pending()).await;
    });
    base
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

fn assert_security_headers(response: &reqwest::Response, what: &str) {
    let csp = header(response, "content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: CSP {csp:?}");
    assert!(csp.contains("script-src 'self'"), "{what}: CSP {csp:?}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{what}: CSP {csp:?}"
    );
    assert_eq!(header(response, "x-content-type-options"), "nosniff", "{what}");
    assert!(
        ["no-referrer", "same-origin"].contains(&header(response, "referrer-policy")),
        "{what}: referrer policy"
    );
    assert!(header(response, "permissions-policy").contains("camera=()"), "{what}");
}

db_test!(
    issue_15_every_kind_of_answer_carries_the_security_headers,
    |app: TestApp| async move {
        let anonymous = app.browser();
        let staff = app.signed_in(&[Role::Organiser]).await;
        let api = app.api(&[Role::Organiser]).await;
        let api_get = |path: &str| {
            api.client
                .get(app.url(path))
                .bearer_auth(api.token.clone().unwrap_or_default())
        };
        let cases = [
            ("public page", anonymous.get("/").await, StatusCode::OK),
            ("sign-in page", anonymous.get("/sign-in").await, StatusCode::OK),
            ("staff page", staff.get("/staff/sessions").await, StatusCode::OK),
            ("API docs", anonymous.get("/api/docs").await, StatusCode::OK),
            (
                "API JSON",
                api_get("/api/v1/regions").send().await.expect("GET"),
                StatusCode::OK,
            ),
            ("OpenAPI", anonymous.get("/api/openapi.json").await, StatusCode::OK),
            (
                "API error",
                api_get("/api/v1/users").send().await.expect("GET"),
                StatusCode::FORBIDDEN,
            ),
            (
                "API 401",
                anonymous.get("/api/v1/users").await,
                StatusCode::UNAUTHORIZED,
            ),
            ("asset", anonymous.get("/assets/aula.css").await, StatusCode::OK),
            ("script", anonymous.get("/assets/api-docs.js").await, StatusCode::OK),
            ("404", anonymous.get("/no/such/page").await, StatusCode::NOT_FOUND),
            (
                "API 404",
                anonymous.get("/api/v1/no-such-thing").await,
                StatusCode::NOT_FOUND,
            ),
            (
                "redirect",
                anonymous.get("/staff/sessions").await,
                StatusCode::SEE_OTHER,
            ),
            ("health", anonymous.get("/healthz").await, StatusCode::OK),
            ("metrics", anonymous.get("/metrics").await, StatusCode::OK),
        ];
        for (what, response, status) in &cases {
            assert_eq!(response.status(), *status, "{what}");
            assert_security_headers(response, what);
            // Served over plain HTTP: no HSTS, which would lock browsers out.
            assert!(response.headers().get("strict-transport-security").is_none(), "{what}");
        }

        // Behind HTTPS (the base URL says so), HSTS too.
        let https = serve_with(&app, |c| c.base_url = "https://aula.example.org".into()).await;
        let response = reqwest::get(format!("{https}/")).await.expect("GET");
        assert_security_headers(&response, "https page");
        assert!(header(&response, "strict-transport-security").starts_with("max-age="));
    }
);

db_test!(
    issue_15_pages_have_no_inline_script_or_style,
    |app: TestApp| async move {
        let staff = app.signed_in(&[Role::Organiser, Role::Admin]).await;
        let anonymous = app.browser();
        for path in [
            "/",
            "/sign-in",
            "/api/docs",
            "/staff/sessions",
            "/admin/users",
            "/verify",
        ] {
            let who = if path == "/sign-in" { &anonymous } else { &staff };
            let response = who.get(path).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            let html = response.text().await.expect("body");
            for (at, _) in html.match_indices("<script") {
                let tag = &html[at..at + html[at..].find('>').expect("tag ends")];
                // Data for a script is not run; every other script is a file of ours.
                assert!(
                    tag.contains("type=\"application/json\"") || tag.contains("src=\"/assets/"),
                    "{path}: {tag}"
                );
            }
            assert!(!html.contains(" style=") && !html.contains("<style"), "{path}");
            assert!(!html.contains(" onclick=") && !html.contains("javascript:"), "{path}");
        }
    }
);

/// `next` values that lead elsewhere, as they arrive in the query string.
const ATTACKS: &[&str] = &[
    "%2F%09%2Fevil.example%2F",
    "%2F%09%5Cevil.example",
    "%2F%2Fevil.example",
    "%2F%5Cevil.example",
    "%5C%5Cevil.example",
    "https%3A%2F%2Fevil.example",
    "javascript%3Aalert(1)",
    "%2F%0D%0ASet-Cookie%3A%20x%3Dy",
    "%2Fstaff%00",
    "%2F%0A%2Fevil.example",
    "%2F%252F%2Fevil.example",
    "%2F%2F%2Fevil.example",
    "evil.example",
];

db_test!(
    issue_15_sign_in_never_leads_to_another_site,
    |app: TestApp| async move {
        // Already signed in: `/sign-in?next=…` redirects at once.
        let staff = app.signed_in(&[Role::Organiser]).await;
        for attack in ATTACKS {
            let response = staff.get(&format!("/sign-in?next={attack}")).await;
            assert!(response.status().is_redirection(), "{attack}: {}", response.status());
            assert_eq!(header(&response, "location"), "/staff", "{attack}");
        }
        let response = staff.get("/sign-in?next=%2Fstaff%2Fsessions%3Fpage%3D2").await;
        assert_eq!(header(&response, "location"), "/staff/sessions?page=2");

        // Signing in with the form: the same rule, and the page never reflects a bad `next`.
        app.user("next@staff.example.org", &[Role::Organiser]).await;
        for attack in ["%2F%09%2Fevil.example%2F", "%2F%0D%0Ax", "%2F%00"] {
            let browser = app.browser();
            let page = browser.get_html(&format!("/sign-in?next={attack}")).await;
            assert!(page.contains("name=\"next\" value=\"\""), "{attack}");
            let decoded = attack.replace("%2F", "/").replace("%09", "\t").replace("%0D", "\r");
            let decoded = decoded.replace("%0A", "\n").replace("%00", "\0");
            let response = browser
                .submit(
                    "/sign-in",
                    &[
                        ("email", "next@staff.example.org"),
                        ("password", crate::helpers::PASSWORD),
                        ("next", &decoded),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{attack}");
            assert_eq!(header(&response, "location"), "/staff", "{attack}");
        }

        // A page that needs signing in sends there with itself as `next`, and back.
        let browser = app.browser();
        let response = browser.get("/staff/sessions?page=1").await;
        assert_eq!(
            header(&response, "location"),
            "/sign-in?next=/staff/sessions%3Fpage%3D1"
        );
        let response = browser
            .post_form(
                "/sign-in?next=/staff/sessions%3Fpage%3D1",
                "/sign-in",
                &[
                    ("email", "next@staff.example.org"),
                    ("password", crate::helpers::PASSWORD),
                    ("next", "/staff/sessions?page=1"),
                ],
            )
            .await;
        assert_eq!(header(&response, "location"), "/staff/sessions?page=1");
        // `//host/...` as the page asked for is not carried as `next`.
        let response = app.browser().get("//evil.example/staff").await;
        assert!(
            !header(&response, "location").contains("evil"),
            "{}",
            header(&response, "location")
        );
    }
);

db_test!(
    issue_15_cookie_api_changes_only_from_our_own_pages,
    |app: TestApp| async move {
        let admin = app.signed_in(&[Role::Admin]).await;
        let token = admin.csrf("/admin/regions").await;
        let origin = app.base.clone();
        let post = |code: &str, headers: &[(&str, &str)]| {
            let mut request = admin
                .client
                .post(app.url("/api/v1/regions"))
                .json(&serde_json::json!({"code": code, "name": format!("Region {code}")}));
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            request.send()
        };

        for (code, headers) in [
            ("ES-AA", vec![("origin", "https://evil.example")]),
            ("ES-AB", vec![]),
            ("ES-AC", vec![("sec-fetch-site", "cross-site")]),
            ("ES-AD", vec![("origin", "null")]),
            ("ES-AE", vec![("x-csrf-token", "not-the-token")]),
            (
                "ES-AF",
                vec![("origin", "https://evil.example"), ("sec-fetch-site", "same-origin")],
            ),
        ] {
            let response = post(code, &headers).await.expect("POST");
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{headers:?}");
            let body: serde_json::Value = response.json().await.expect("json");
            assert_eq!(body["error"], "cross_site", "{headers:?}");
            assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
        }
        for (code, headers) in [
            ("ES-BA", vec![("origin", origin.as_str())]),
            ("ES-BB", vec![("sec-fetch-site", "same-origin")]),
            ("ES-BC", vec![("x-csrf-token", token.as_str())]),
        ] {
            let response = post(code, &headers).await.expect("POST");
            assert_eq!(response.status(), StatusCode::CREATED, "{headers:?}");
        }
        // Reading is not a change.
        let response = admin.get("/api/v1/regions").await;
        assert_eq!(response.status(), StatusCode::OK);

        // A bearer token is no ambient credential: its requests are unaffected.
        let api = app.api(&[Role::Admin]).await;
        let response = api
            .client
            .post(app.url("/api/v1/regions"))
            .bearer_auth(api.token.clone().unwrap_or_default())
            .header("origin", "https://evil.example")
            .json(&serde_json::json!({"code": "ES-CA", "name": "Region CA"}))
            .send()
            .await
            .expect("POST");
        assert_eq!(response.status(), StatusCode::CREATED);

        // Nor is an anonymous caller carrying no cookie of ours.
        let response = app
            .anonymous_api()
            .client
            .post(app.url("/api/v1/regions"))
            .header("origin", "https://evil.example")
            .json(&serde_json::json!({"code": "ES-DA", "name": "Region DA"}))
            .send()
            .await
            .expect("POST");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
);

db_test!(issue_15_metrics_labels_are_a_closed_set, |app: TestApp| async move {
    let client = reqwest::Client::new();
    let invented = |n: usize| reqwest::Method::from_bytes(format!("INVENTED{n}").as_bytes()).expect("method");
    let send = |n: usize| client.request(invented(n), app.url(&format!("/made/up/{n}"))).send();
    send(0).await.expect("request");
    let metrics = || async {
        client
            .get(app.url("/metrics"))
            .send()
            .await
            .expect("GET")
            .text()
            .await
            .expect("text")
    };
    let before = metrics().await;
    for n in 1..=500 {
        send(n).await.expect("request");
    }
    let after = metrics().await;
    assert!(!after.contains("INVENTED"), "invented methods are not labels");
    assert!(!after.contains("/made/up"), "unknown paths are not labels");
    assert!(after.contains("method=\"other\",route=\"unmatched\""), "{after}");
    // Only counts changed: a few more digits, never new series.
    assert_eq!(before.lines().count(), after.lines().count());
    assert!(after.len() < before.len() + 100, "{} -> {}", before.len(), after.len());
});

db_test!(issue_15_metrics_can_require_a_token, |app: TestApp| async move {
    let base = serve_with(&app, |c| c.metrics_token = Some("scrape-secret".into())).await;
    let client = reqwest::Client::new();
    let response = client.get(format!("{base}/metrics")).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_security_headers(&response, "metrics refused");
    let response = client
        .get(format!("{base}/metrics"))
        .bearer_auth("wrong")
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let response = client
        .get(format!("{base}/metrics"))
        .bearer_auth("scrape-secret")
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status(), StatusCode::OK);
    let metrics = response.text().await.expect("text");
    assert!(metrics.contains("aula_http_requests_total"), "{metrics}");
    // The health check stays open for load balancers.
    let response = client.get(format!("{base}/healthz")).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::OK);
});

/// Reads until the server closes the connection; how long that took.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buffer = [0u8; 1024];
    tokio::time::timeout(limit, async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await
    .ok()
    .map(|()| started.elapsed())
}

db_test!(
    issue_15_slow_clients_cannot_hold_the_server,
    |app: TestApp| async move {
        // The test process holds both ends of every connection.
        let _ = aula_web::raise_open_files_limit();
        let base = serve_with(&app, |c| {
            c.header_timeout = Duration::from_secs(1);
            c.idle_timeout = Duration::from_secs(2);
        })
        .await;
        let address = base.trim_start_matches("http://").to_owned();

        // A slowloris burst from one address: 200 connections, each half a head.
        let mut slow = Vec::new();
        for _ in 0..200 {
            let mut stream = TcpStream::connect(&address).await.expect("connect");
            stream
                .write_all(b"GET / HTTP/1.1\r\nHost: aula\r\nX-Slow: ")
                .await
                .expect("write");
            slow.push(stream);
        }
        // Others are still served, at once.
        let started = Instant::now();
        let response = reqwest::get(format!("{base}/healthz")).await.expect("GET");
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            started.elapsed() < Duration::from_millis(900),
            "{:?}",
            started.elapsed()
        );

        // Each half-sent head is cut off after the header timeout.
        let took = closed_within(&mut slow[0], Duration::from_secs(5))
            .await
            .expect("a half-sent head is closed");
        assert!(took < Duration::from_secs(3), "{took:?}");
        for stream in &mut slow[1..] {
            assert!(closed_within(stream, Duration::from_secs(3)).await.is_some());
        }

        // A connection that sends nothing is closed too.
        let mut silent = TcpStream::connect(&address).await.expect("connect");
        assert!(closed_within(&mut silent, Duration::from_secs(4)).await.is_some());

        // A body announced and never sent: closed once nothing moves.
        let mut stalled = TcpStream::connect(&address).await.expect("connect");
        stalled
        .write_all(
            b"POST /sign-in HTTP/1.1\r\nHost: aula\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=",
        )
        .await
        .expect("write");
        let took = closed_within(&mut stalled, Duration::from_secs(8))
            .await
            .expect("a stalled body is closed");
        assert!(took < Duration::from_secs(5), "{took:?}");

        // And the server still answers.
        let response = reqwest::get(format!("{base}/healthz")).await.expect("GET");
        assert_eq!(response.status(), StatusCode::OK);
    }
);

db_test!(
    issue_15_connections_beyond_the_cap_wait_their_turn,
    |app: TestApp| async move {
        let base = serve_with(&app, |c| {
            c.header_timeout = Duration::from_secs(1);
            c.max_connections = 4;
        })
        .await;
        let address = base.trim_start_matches("http://").to_owned();
        let mut held = Vec::new();
        for _ in 0..4 {
            held.push(TcpStream::connect(&address).await.expect("connect"));
        }
        // The fifth waits until the header timeout frees a place, then is served.
        let started = Instant::now();
        let response = reqwest::get(format!("{base}/healthz")).await.expect("GET");
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            started.elapsed() >= Duration::from_millis(500),
            "{:?}",
            started.elapsed()
        );
        assert!(started.elapsed() < Duration::from_secs(4), "{:?}", started.elapsed());
    }
);

db_test!(
    session_27_a_body_sent_too_slowly_is_told_in_the_readers_language,
    |app: TestApp| async move {
        // Session 27's attack round: a body arriving a byte at a time got
        // an empty 408 from the outer timeout, in no language.
        let base = serve_with(&app, |c| {
            c.request_timeout = Duration::from_secs(1);
            c.idle_timeout = Duration::from_secs(3);
        })
        .await;
        let address = base.trim_start_matches("http://").to_owned();
        let mut slow = TcpStream::connect(&address).await.expect("connect");
        let head = format!(
            "POST /api/v1/sessions/{}/registrations?lang=ar HTTP/1.1\r\nHost: aula\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: 33\r\n\r\n{{",
            uuid::Uuid::now_v7()
        );
        slow.write_all(head.as_bytes()).await.expect("write");
        let mut answer = Vec::new();
        tokio::time::timeout(Duration::from_secs(10), slow.read_to_end(&mut answer))
            .await
            .expect("answered")
            .expect("read");
        let answer = String::from_utf8_lossy(&answer);
        assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
        assert!(answer.contains("\"error\":\"timeout\""), "{answer}");
        assert!(answer.contains("استغرق الطلب وقتًا طويلًا"), "{answer}");
    }
);
