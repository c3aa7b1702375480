//! The public catalogue: filters, pagination, languages.

use aula_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, db_test};

/// Two open sessions: in person in Andalucía for public servants, online for union delegates.
async fn two_sessions(app: &TestApp) -> (String, String) {
    let api = app.api(&[Role::Organiser]).await;
    let region = app.region("ES-AN").await;
    let mut ids = Vec::new();
    for (title, modality, audience, venue, day) in [
        (
            "Atención a la ciudadanía sin discriminación",
            "in_person",
            "public_servant",
            true,
            "2030-04-02",
        ),
        (
            "Delegadas y delegados contra el racismo",
            "online",
            "union_delegate",
            false,
            "2030-05-06",
        ),
    ] {
        let (_, course) = api
            .post(
                "/api/v1/courses",
                &json!({"title": title, "summary": "Formación práctica.", "hours": 5, "modality": modality,
                        "audiences": [audience], "language": "es"}),
            )
            .await;
        let mut session = json!({
            "course_id": course["id"], "capacity": 12, "status": "open",
            "meetings": [{"starts_at": format!("{day}T09:00:00+02:00"), "ends_at": format!("{day}T14:00:00+02:00")}],
        });
        if venue {
            session["venue"] = json!({"name": "Sede", "city": "Sevilla", "region_id": region});
        } else {
            session["online_url"] = json!("https://meet.example.org/x");
        }
        let created = api.created("/api/v1/sessions", &session).await;
        ids.push(created["id"].as_str().expect("id").to_owned());
    }
    (ids[0].clone(), ids[1].clone())
}

db_test!(filters, |app: crate::helpers::TestApp| async move {
    let (in_person, online) = two_sessions(&app).await;
    let region = app.region("ES-AN").await;
    let browser = app.browser();
    let has = |html: &str, id: &str| html.contains(&format!("/sessions/{id}"));

    let html = browser.get_html("/").await;
    assert!(has(&html, &in_person) && has(&html, &online));
    let html = browser.get_html("/?modality=online").await;
    assert!(!has(&html, &in_person) && has(&html, &online));
    let html = browser.get_html(&format!("/?region_id={region}")).await;
    assert!(has(&html, &in_person) && !has(&html, &online));
    let html = browser.get_html("/?audience=union_delegate").await;
    assert!(!has(&html, &in_person) && has(&html, &online));
    // Words match without accents or case.
    let html = browser.get_html("/?q=ATENCION+ciudadania").await;
    assert!(has(&html, &in_person) && !has(&html, &online));
    let html = browser.get_html("/?from=2030-05-01&to=2030-05-31").await;
    assert!(!has(&html, &in_person) && has(&html, &online));
    // A bad filter is explained beside its field, not a failure.
    let response = browser.get("/?from=yesterday&modality=teleport").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("html");
    assert!(html.contains("id=\"error-from\"") && html.contains("id=\"error-modality\""));
    // An audience or a region the lists do not have is told too (session
    // 29's attack round: "no sessions found").
    let nowhere = uuid::Uuid::now_v7();
    let html = browser
        .get_html(&format!("/?audience=bogus&region_id={nowhere}&lang=en"))
        .await;
    assert!(
        html.contains("id=\"error-audience\"") && html.contains("id=\"error-region_id\""),
        "{html}"
    );
    // The API filters the same way.
    let (_, list) = app
        .anonymous_api()
        .get("/api/v1/sessions?modality=in_person&q=ciudadania")
        .await;
    assert_eq!(list["total"], 1);
    let (status, _) = app.anonymous_api().get("/api/v1/sessions?modality=teleport").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
});

db_test!(pagination, |app: crate::helpers::TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, course) = api
        .post("/api/v1/courses", &json!({"title": "Webinar", "summary": "S", "hours": 1, "modality": "online", "audiences": ["other"], "language": "es"}))
        .await;
    for day in 1..=14 {
        api
            .created(
                "/api/v1/sessions",
                &json!({"course_id": course["id"], "capacity": 100, "status": "open", "online_url": "https://meet.example.org/w",
                        "meetings": [{"starts_at": format!("2030-06-{day:02}T10:00:00Z"), "ends_at": format!("2030-06-{day:02}T11:00:00Z")}]}),
            )
            .await;
    }
    let browser = app.browser();
    let first = browser.get_html("/").await;
    assert_eq!(first.matches("<article class=\"card\">").count(), 12);
    assert!(first.contains("page=2"));
    let second = browser.get_html("/?page=2").await;
    assert_eq!(second.matches("<article class=\"card\">").count(), 2);
    // Past the end (session 29's attack round: "no session matches these
    // filters"), the page says so and leads to the last one.
    let past = browser.get_html("/?page=5&lang=en").await;
    assert!(past.contains("This page is past the end of the list."), "{past}");
    assert!(past.contains("href=\"/?page=2\""), "{past}");
    assert!(!past.contains("No session matches"), "{past}");
    let (_, page) = app.anonymous_api().get("/api/v1/sessions?per_page=5&page=3").await;
    assert_eq!(page["items"].as_array().map(Vec::len), Some(4));
    assert_eq!(page["total"], 14);
    // More than the maximum is refused, not clamped (issue 15).
    let (status, refused) = app.anonymous_api().get("/api/v1/sessions?per_page=5000").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let (_, most) = app.anonymous_api().get("/api/v1/sessions?per_page=100").await;
    assert_eq!(most["per_page"], 100);
});

db_test!(languages, |app: crate::helpers::TestApp| async move {
    let browser = app.browser();
    let fr = browser.get_html("/?lang=fr").await;
    assert!(fr.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(fr.contains("Catalogue des formations"));
    // The choice is remembered by a cookie.
    let again = browser.get_html("/").await;
    assert!(again.contains("<html lang=\"fr\""));
    // Without a choice, Accept-Language decides.
    let response = app
        .browser()
        .get_with("/", &[("accept-language", "es-ES,es;q=0.9,en;q=0.5")])
        .await;
    let es = response.text().await.expect("html");
    assert!(es.contains("<html lang=\"es\""));
    let en = app.browser().get_html("/?lang=en").await;
    assert!(en.contains("Training catalogue"));
    // The switcher links the same page with its filters in each language.
    let html = app.browser().get_html("/?modality=online&lang=en").await;
    assert!(html.contains("href=\"/?modality=online&#38;lang=es\""), "{html}");
    // API errors speak the asker's language too.
    let response = app
        .browser()
        .get_with("/api/v1/programmes", &[("accept-language", "fr")])
        .await;
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body["message"], "Connectez-vous pour continuer.");
});
