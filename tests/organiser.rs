//! Issue 24, the organiser's journey: no page shows a message key, issuing
//! certificates from a preview, previewing a message before it goes, the
//! sessions list's order and filters, past sessions recorded without
//! e-mails, the nominal hours' warning.

use std::collections::{BTreeSet, VecDeque};

use aula_domain::{Email, Language, MailKind, Role};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, course_and_session, db_test};

/// The text a person sees or hears on a page: text between tags and the
/// labels a screen reader reads (`aria-label`, `title`, `placeholder`,
/// `alt`); scripts and styles left out.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let after = &rest[open..];
        let Some(close) = after.find('>') else { break };
        let tag = &after[..=close];
        for attribute in ["aria-label=\"", "title=\"", "placeholder=\"", "alt=\""] {
            if let Some(at) = tag.find(attribute) {
                let value = &tag[at + attribute.len()..];
                out.push(' ');
                out.push_str(&value[..value.find('"').unwrap_or(value.len())]);
                out.push(' ');
            }
        }
        let lower = tag.to_ascii_lowercase();
        rest = &after[close + 1..];
        for element in ["script", "style"] {
            if lower.starts_with(&format!("<{element}")) {
                let end = format!("</{element}>");
                rest = rest.find(&end).map_or("", |e| &rest[e + end.len()..]);
            }
        }
    }
    out.push_str(rest);
    out
}

/// The words of `html` that are message keys: a key of the catalogue shown
/// as is, or a word shaped like one (three parts or more, lower case, the
/// first a family of keys: `outbox-kind-registration-confirmed`), which is
/// what `Tr::t` gives back for a key missing from the catalogue.
pub fn message_keys_in(html: &str) -> Vec<String> {
    let defined = crate::i18n::keys_of("en");
    let families: BTreeSet<&str> = defined
        .iter()
        .filter_map(|k| k.split_once('-').map(|(f, _)| f))
        .collect();
    visible_text(html)
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|word| {
            let parts: Vec<&str> = word.split('-').collect();
            let shaped = parts.len() >= 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
                && families.contains(parts[0]);
            shaped || (word.contains('-') && defined.contains(*word))
        })
        .map(str::to_owned)
        .collect()
}

/// Every staff page reachable from the organiser's menus (links followed,
/// downloads and the mail's HTML part left out), at most `limit` pages.
async fn crawl(browser: &crate::helpers::Browser, start: &[String], limit: usize) -> Vec<(String, String)> {
    let mut queue: VecDeque<String> = start.iter().cloned().collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut pages = Vec::new();
    while let Some(path) = queue.pop_front() {
        if pages.len() >= limit {
            break;
        }
        let response = browser.get(&path).await;
        if response.status() != StatusCode::OK {
            continue;
        }
        let is_html = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        if !is_html {
            continue;
        }
        let html = response.text().await.expect("body");
        for (at, _) in html.match_indices("href=\"") {
            let link = &html[at + 6..];
            let link = link[..link.find('"').unwrap_or(0)].replace("&amp;", "&");
            let path_only = link.split(['?', '#']).next().unwrap_or_default();
            let wanted = (link.starts_with("/staff") || link.starts_with("/admin"))
                && !path_only.ends_with("/html")
                && !path_only.rsplit('/').next().unwrap_or_default().contains('.');
            if wanted && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
        pages.push((path, html));
    }
    pages
}

// Issue 24: the outbox showed `outbox-kind-registration-confirmed`. Every
// page an organiser reaches, in each language, shows words, never keys.
db_test!(
    issue_24_no_organiser_page_shows_a_message_key,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        crate::helpers::seated(&app, &session_id, "Ana", "ana@example.org", Language::Es).await;
        crate::helpers::seated(&app, &session_id, "Luc", "luc@example.org", Language::Fr).await;
        let session: uuid::Uuid = session_id.parse().expect("uuid");
        app.stop_dispatcher();
        // One message of every kind in the outbox.
        for kind in MailKind::ALL {
            aula_storage::outbox::enqueue(
                &app.db,
                &aula_storage::outbox::NewMessage {
                    organisation_id: app.org().await.uuid(),
                    kind: *kind,
                    recipient: Email::parse("ana@example.org").expect("email"),
                    recipient_name: Some("Ana Ruiz".into()),
                    language: Language::Es,
                    data: json!({}),
                    session_id: Some(session),
                    reply_to: None,
                    due_at: None,
                    dedupe_key: None,
                },
                &app.mail.domain,
            )
            .await
            .expect("queued");
        }
        let browser = app.signed_in(&[Role::Organiser]).await;
        for language in ["en", "fr", "es"] {
            let start: Vec<String> = [
                "/staff/sessions",
                "/staff/outbox",
                &format!("/staff/outbox?session_id={session_id}"),
                &format!("/staff/sessions/{session_id}"),
            ]
            .iter()
            .map(|p| format!("{p}{}lang={language}", if p.contains('?') { '&' } else { '?' }))
            .collect();
            let pages = crawl(&browser, &start, 60).await;
            assert!(pages.len() > 10, "{language}: {} pages", pages.len());
            assert!(
                pages.iter().any(|(p, _)| p.starts_with("/staff/outbox/")),
                "the outbox's messages are read"
            );
            for (path, html) in &pages {
                let keys = message_keys_in(html);
                assert!(keys.is_empty(), "{language} {path} shows keys: {keys:?}");
            }
        }
    }
);

#[test]
fn issue_24_a_missing_key_is_found_and_words_are_not() {
    assert_eq!(
        message_keys_in("<td>outbox-kind-registration-confirmed</td>"),
        vec!["outbox-kind-registration-confirmed".to_owned()]
    );
    assert_eq!(
        message_keys_in("<a aria-label=\"session-public-page\" href=\"/x\">x</a>"),
        vec!["session-public-page".to_owned()]
    );
    assert!(message_keys_in("<p class=\"badge badge-outbox-sent\">Check-in by e-mail, face-to-face</p>").is_empty());
    assert!(message_keys_in("<script>var outbox-kind-x-y;</script><p>ok</p>").is_empty());
}

// Issue 24: "Issue certificates" sat only on the attendance page and issued
// at once. The session page leads to a preview — who qualifies, who does
// not and why — and only its confirmation issues.
db_test!(
    issue_24_certificates_are_issued_after_a_preview,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        // 3 meetings of 5 hours, 12 needed: P0 and P1 qualify, P2's 10 hours do not.
        let (session, _) = crate::certificates::completed_session(&app, &api, true, false, &[3, 3, 2], "i24").await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/sessions/{session}/certificates");
        let session_page = browser.get_html(&format!("/staff/sessions/{session}?lang=en")).await;
        assert!(
            session_page.contains(&format!("href=\"{page}\"")),
            "the session page leads to it"
        );
        let attendance = browser.get_html(&format!("/staff/sessions/{session}/attendance")).await;
        assert!(
            !attendance.contains(&format!("action=\"{page}\"")),
            "the attendance page issues nothing in one press"
        );
        let preview = browser.get_html(&page).await;
        assert!(preview.contains("2 of 3 participants qualify"), "{preview}");
        assert!(preview.contains("A certificate needs 80 % of the session"));
        let row = |name: &str| {
            let at = preview.find(&format!("{name} Ruiz")).expect("a row per participant");
            preview[at..at + preview[at..].find("</tr>").expect("row end")].to_owned()
        };
        assert!(row("P0").contains("Qualifies"));
        let p2 = row("P2");
        assert!(
            p2.contains(">10<") && p2.contains(">12<"),
            "hours attended and needed: {p2}"
        );
        assert!(p2.contains("did not complete the session"), "{p2}");
        assert!(preview.contains("Issue 2 certificates"));
        let (_, listed) = api.get(&format!("/api/v1/certificates?session_id={session}")).await;
        assert_eq!(listed["total"], 0, "looking issues nothing");
        let response = browser.submit(&page, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, listed) = api.get(&format!("/api/v1/certificates?session_id={session}")).await;
        assert_eq!(listed["total"], 2, "{listed}");
        let again = browser.get_html(&page).await;
        assert!(again.contains("Already issued: ULE-"), "{again}");
        assert!(!again.contains("Issue 2 certificates"));

        // The survey a course asks for is a reason too; a session not completed
        // shows the figures so far and no button.
        let (surveyed, _) = crate::certificates::completed_session(&app, &api, true, true, &[3], "i24s").await;
        let preview = browser
            .get_html(&format!("/staff/sessions/{surveyed}/certificates"))
            .await;
        assert!(
            preview.contains("asks for the satisfaction survey to be answered first"),
            "{preview}"
        );
        assert!(preview.contains("Not answered"));
        let (_, open) = course_and_session(&app, &api).await;
        let preview = browser.get_html(&format!("/staff/sessions/{open}/certificates")).await;
        assert!(preview.contains("once the session is marked completed"));
        assert!(
            !preview.contains(&format!("action=\"/staff/sessions/{open}/certificates\"")),
            "nothing to issue yet"
        );
        // The API issues as before.
        api.post_ok(&format!("/api/v1/sessions/{surveyed}/certificates"), &json!({}))
            .await;
    }
);

// Issue 24: a message to participants went at the first press. The form
// first shows it as each language's recipients will read it, and how many
// they are; only the preview's button sends, and the API sends as before.
db_test!(
    issue_24_a_message_is_previewed_in_each_language_before_it_goes,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        for (name, language) in [("Ana", Language::Es), ("Bea", Language::Es), ("Luc", Language::Fr)] {
            let email = format!("{}@example.org", name.to_lowercase());
            crate::helpers::seated(&app, &session_id, name, &email, language).await;
        }
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/sessions/{session_id}/messages");
        browser.get_html(&format!("{page}?lang=en")).await;
        let fields = [
            ("audience", "confirmed"),
            ("subject", "Cambio de aula"),
            ("body", "Nos vemos en la sala 2.\n\nGracias."),
        ];
        let response = browser.submit(&page, &fields).await;
        assert_eq!(response.status(), StatusCode::OK, "a preview, not a redirect");
        let preview = response.text().await.expect("html");
        assert!(preview.contains("3 people receive it"), "{preview}");
        assert!(preview.contains("Send to 3 people"));
        assert!(
            preview.contains("Spanish · 2 recipients") || preview.contains("Español · 2 recipients"),
            "{preview}"
        );
        assert!(preview.contains("· 1 recipient<"), "{preview}");
        assert!(preview.contains("lang=\"fr\"") && preview.contains("lang=\"es\""));
        assert!(
            preview.contains("Bonjour Luc Ruiz"),
            "the French frame, greeting its first recipient"
        );
        assert!(preview.contains("Nos vemos en la sala 2."));
        let (_, outbox) = api
            .get(&format!("/api/v1/outbox?session_id={session_id}&kind=broadcast"))
            .await;
        assert_eq!(outbox["total"], 0, "a preview queues nothing");
        // Bad input is refused beside its field, before any preview.
        let response = browser
            .submit(&page, &[("audience", "everyone"), ("subject", " "), ("body", "x")])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // The preview's button sends what was previewed.
        let token = crate::helpers::csrf_in(&preview).expect("token");
        let body = fields_in_send_form(&preview);
        let mut sent: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        sent.extend(body.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let response = browser.post_raw(&page, &sent).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, outbox) = api
            .get(&format!("/api/v1/outbox?session_id={session_id}&kind=broadcast"))
            .await;
        assert_eq!(outbox["total"], 3, "{outbox}");
        // Nobody in the group: said so, and no button.
        let response = browser
            .submit(
                &page,
                &[("audience", "waitlisted"), ("subject", "Hola"), ("body", "Hola")],
            )
            .await;
        let html = response.text().await.expect("html");
        assert!(html.contains("Nobody receives it"), "{html}");
        assert!(!html.contains("name=\"send\""));
    }
);

/// The hidden fields of the preview's send form, as a browser posts them.
fn fields_in_send_form(html: &str) -> Vec<(String, String)> {
    let form = &html[html
        .find("name=\"send\"")
        .map(|at| html[..at].rfind("<form").expect("form"))
        .expect("send form")..];
    let form = &form[..form.find("</form>").expect("form end")];
    let mut out = Vec::new();
    for (at, _) in form.match_indices("<input type=\"hidden\" name=\"") {
        let rest = &form[at + 27..];
        let name = &rest[..rest.find('"').expect("name")];
        let value_at = rest.find("value=\"").expect("value") + 7;
        let value = &rest[value_at..value_at + rest[value_at..].find('"').expect("value end")];
        if name != "csrf" {
            out.push((name.to_owned(), decode_entities(value)));
        }
    }
    out
}

fn decode_entities(value: &str) -> String {
    value
        .replace("&#10;", "\n")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A course titled `title` of `hours` hours, in person; returns its id.
async fn course_of(api: &crate::helpers::Api, title: &str, hours: u32) -> String {
    let course = api
        .created(
            "/api/v1/courses",
            &json!({"title": title, "summary": "Igualdad.", "hours": hours, "modality": "in_person",
                "audiences": ["public_servant"], "language": "es"}),
        )
        .await;
    course["id"].as_str().expect("id").to_owned()
}

/// The new-session form's fields: one meeting on `day` from 09:00 to `end`
/// in Madrid, at a venue in `region`.
fn session_form<'a>(course_id: &'a str, region: &'a str, day: &'a str, end: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("course_id", course_id),
        ("capacity", "20"),
        ("time_zone", "Europe/Madrid"),
        ("meeting_date", day),
        ("meeting_start", "09:00"),
        ("meeting_end", end),
        ("venue_name", "Sede"),
        ("venue_city", "Sevilla"),
        ("venue_region_id", region),
    ]
}

/// A course titled `title` and a session of it with one meeting on `day`
/// (09:00–14:00 in Madrid), in `status`; returns the session's id.
async fn session_on(app: &TestApp, api: &crate::helpers::Api, title: &str, day: &str, status: &str) -> String {
    let course_id = course_of(api, title, 5).await;
    let region = app.region("ES-AN").await;
    let session = api
        .created(
            "/api/v1/sessions",
            &json!({"course_id": course_id, "capacity": 20, "status": status,
                "venue": {"name": "Sede", "city": "Sevilla", "region_id": region},
                "meetings": [{"starts_at": format!("{day}T09:00:00+01:00"), "ends_at": format!("{day}T14:00:00+01:00")}]}),
        )
        .await;
    session["id"].as_str().expect("id").to_owned()
}

/// The course titles of a sessions list, in the order shown.
fn titles_in_order(html: &str, titles: &[&str]) -> Vec<String> {
    let mut found: Vec<(usize, String)> = titles
        .iter()
        .filter_map(|t| html.find(&format!(">{t}</a>")).map(|at| (at, (*t).to_owned())))
        .collect();
    found.sort();
    found.into_iter().map(|(_, t)| t).collect()
}

// Issue 24: sessions were listed oldest first. Those to come first, the
// soonest at the top, then the past, the latest first; filters by status
// and dates in the query string; a bad value is named, never a 500.
db_test!(
    issue_24_sessions_list_upcoming_first_then_past_with_filters,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let titles = ["Pasada 2024", "Pasada 2025", "Futura 2030", "Futura 2029"];
        session_on(&app, &api, titles[0], "2024-01-10", "open").await;
        session_on(&app, &api, titles[1], "2025-06-10", "open").await;
        session_on(&app, &api, titles[2], "2030-03-12", "open").await;
        session_on(&app, &api, titles[3], "2029-05-08", "draft").await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let html = browser.get_html("/staff/sessions?lang=en").await;
        assert_eq!(
            titles_in_order(&html, &titles),
            ["Futura 2029", "Futura 2030", "Pasada 2025", "Pasada 2024"]
        );
        let past = html.find("Past sessions").expect("the past is named");
        assert!(
            html.find(">Futura 2030<").expect("listed") < past && past < html.find(">Pasada 2025<").expect("listed")
        );
        // By status, by dates.
        let html = browser.get_html("/staff/sessions?status=draft").await;
        assert_eq!(titles_in_order(&html, &titles), ["Futura 2029"]);
        let html = browser.get_html("/staff/sessions?from=2025-01-01&to=2029-12-31").await;
        assert_eq!(titles_in_order(&html, &titles), ["Futura 2029", "Pasada 2025"]);
        assert!(html.contains("value=\"2025-01-01\""), "the form keeps its values");
        // Bad values: named beside their field, the list unfiltered, never a 500.
        // (The period's end before its start is dropped; its start still holds.)
        for (query, message, listed) in [
            ("from=2025-13-45", "Give a date as YYYY-MM-DD.", 4),
            ("to=yesterday", "Give a date as YYYY-MM-DD.", 4),
            ("status=finished", "Choose one of the options.", 4),
            (
                "from=2026-02-01&to=2026-01-01",
                "The end of the period must not be before its start.",
                2,
            ),
            ("course_id=42", "", 4),
        ] {
            let response = browser.get(&format!("/staff/sessions?{query}")).await;
            assert_eq!(response.status(), StatusCode::OK, "{query}");
            let html = response.text().await.expect("html");
            assert!(html.contains(message), "{query}: {html}");
            assert!(html.contains("class=\"error-summary\""), "{query}");
            assert_eq!(titles_in_order(&html, &titles).len(), listed, "{query}");
        }
        // A trainer's sessions are in the same order.
        let trainer = app.user("t24@staff.example.org", &[Role::Trainer]).await;
        let (_, all) = api.get("/api/v1/sessions?per_page=100").await;
        for session in all["items"].as_array().expect("items") {
            let path = format!("/api/v1/sessions/{}", session["id"].as_str().expect("id"));
            api.patch_ok(&path, &json!({"trainer_ids": [trainer.user.id]})).await;
        }
        let browser = app.browser();
        browser.sign_in("t24@staff.example.org", crate::helpers::PASSWORD).await;
        let html = browser.get_html("/staff/my-sessions").await;
        assert_eq!(
            titles_in_order(&html, &titles),
            ["Futura 2029", "Futura 2030", "Pasada 2025", "Pasada 2024"]
        );
    }
);

// Issue 24: a session created in the past e-mailed "your place is confirmed"
// for a training held months ago to everyone imported into it. The form
// asks first; a session recorded after the fact places people (no
// confirmation) and writes no outbox row, from the form and the API.
db_test!(
    issue_24_a_past_session_is_recorded_without_emails,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let course_id = course_of(&api, "Formación de 2025", 5).await;
        let region = app.region("ES-AN").await.to_string();
        let browser = app.signed_in(&[Role::Organiser]).await;
        browser.get_html("/staff/sessions/new?lang=en").await;
        let fields = session_form(&course_id, &region, "2025-03-10", "14:00");
        let response = browser.submit("/staff/sessions/new", &fields).await;
        assert_eq!(response.status(), StatusCode::OK, "a question, not a session");
        let html = response.text().await.expect("html");
        assert!(html.contains("This session has already started"), "{html}");
        assert!(html.contains("value=\"2025-03-10\""), "the form keeps what was typed");
        let (_, listed) = api.get("/api/v1/sessions").await;
        assert_eq!(listed["total"], 0, "nothing created before the answer");

        // Recorded after the fact.
        let mut recorded = fields.to_vec();
        recorded.push(("past", "record"));
        let response = browser.submit("/staff/sessions/new", &recorded).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        let id = location.trim_start_matches("/staff/sessions/").to_owned();
        let (_, session) = api.get(&format!("/api/v1/sessions/{id}")).await;
        assert_eq!(session["record_past"], true, "{session}");
        assert!(
            browser
                .get_html(&location)
                .await
                .contains("Past session, recorded: no e-mails")
        );
        let (status, _) = api.patch_session(&id, &json!({"status": "open"})).await;
        assert_eq!(status, StatusCode::OK);
        // An import and a hand entry: placed at once, nobody written to.
        let file = "given name,family name,email\nAna,Ruiz,ana@example.org\nLuis,Gil,luis@example.org\n";
        let (status, body) = crate::imports::import(&api, &id, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["registered"], 2, "{body}");
        let page = format!("/staff/sessions/{id}/registrations");
        let response = browser
            .post_form(
                &page,
                &format!("{page}/add"),
                &[
                    ("given_name", "Eva"),
                    ("family_name", "Sanz"),
                    ("email", "eva@example.org"),
                    ("audience", "public_servant"),
                    ("language", "es"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, registrations) = api.get(&format!("/api/v1/sessions/{id}/registrations")).await;
        let statuses: Vec<&str> = crate::helpers::texts(&registrations["items"], "status");
        assert_eq!(statuses, ["confirmed"; 3], "{registrations}");
        let (_, outbox) = api.get(&format!("/api/v1/outbox?session_id={id}")).await;
        assert_eq!(outbox["total"], 0, "no confirmation, invitation or reminder: {outbox}");

        // Live after all: said so, and people are e-mailed as usual.
        let mut live = fields.to_vec();
        live.push(("past", "live"));
        let response = browser.submit("/staff/sessions/new", &live).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let live_id = response.headers()["location"]
            .to_str()
            .expect("location")
            .trim_start_matches("/staff/sessions/")
            .to_owned();
        let (_, session) = api.get(&format!("/api/v1/sessions/{live_id}")).await;
        assert_eq!(session["record_past"], false);

        // Session 29's attack round: an open session still to come, with
        // people registered, was turned into one recorded after the fact,
        // and would have told them nothing more. Refused, and unchanged.
        let (_, coming) = crate::helpers::course_and_session(&app, &api).await;
        let (status, body) = api
            .patch_session(&format!("{coming}?lang=en"), &json!({"record_past": true}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(
            crate::helpers::problem_for(&body, "record_past").contains("still to come"),
            "{body}"
        );
        assert_eq!(
            api.get_ok(&format!("/api/v1/sessions/{coming}")).await["record_past"],
            false
        );

        // The API: `record_past` on creation.
        let session = past_session(&api, &course_id, &region).await;
        let api_id = session["id"].as_str().expect("id");
        assert_eq!(session["record_past"], true);
        let (status, body) = crate::imports::import(&api, api_id, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (_, outbox) = api.get(&format!("/api/v1/outbox?session_id={api_id}")).await;
        assert_eq!(outbox["total"], 0, "{outbox}");
    }
);

/// An open session of `course_id` held on 10 May 2025, recorded after the
/// fact through the API (`record_past`).
async fn past_session(api: &crate::helpers::Api, course_id: &str, region: &str) -> serde_json::Value {
    api.created(
        "/api/v1/sessions",
        &json!({"course_id": course_id, "capacity": 20, "status": "open", "record_past": true,
        "venue": {"name": "Sede", "city": "Sevilla", "region_id": region},
        "meetings": [{"starts_at": "2025-05-10T09:00:00+02:00", "ends_at": "2025-05-10T14:00:00+02:00"}]}),
    )
    .await
}

// Issue 24: a 9-hour course took a 3-hour session without a word, and its
// certificates then read as partial. The session's page says so, with the
// numbers, and saving is not refused.
db_test!(
    issue_24_planned_hours_that_differ_from_the_course_are_warned,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let course_id = course_of(&api, "Nueve horas", 9).await;
        let region = app.region("ES-AN").await.to_string();
        let browser = app.signed_in(&[Role::Organiser]).await;
        browser.get_html("/staff/sessions/new?lang=en").await;
        let mut fields = session_form(&course_id, &region, "2030-03-10", "12:00");
        let response = browser.submit("/staff/sessions/new", &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "saved all the same");
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        let page = browser.get_html(&location).await;
        assert!(
            page.contains("Its meetings add up to 3 hours, and the course is 9 hours."),
            "{page}"
        );
        // Planned as the course says: no warning.
        for day in ["2030-03-11", "2030-03-12"] {
            fields.extend([
                ("meeting_date", day),
                ("meeting_start", "09:00"),
                ("meeting_end", "12:00"),
            ]);
        }
        let response = browser.submit(&location, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let page = browser.get_html(&location).await;
        assert!(!page.contains("id=\"hours-differ\""), "{page}");
    }
);

// Session 28's attack round: a session recorded after the fact, its people
// all present, then completed, counted its eleven participants as invited
// to a survey nobody was sent, and lowered the organisation's response
// rate. Nobody is invited: the figures say no invitation and no rate.
db_test!(
    session_28_a_past_session_invites_nobody_to_its_survey,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        // A course whose certificates ask for the survey (session 29, below).
        let course = crate::helpers::accredited_course(
            &app,
            &api,
            json!({"title": "Marco jurídico", "summary": "Ley 15/2022.", "hours": 5, "modality": "in_person",
                "audiences": ["public_servant"], "language": "es", "survey_required": true}),
        )
        .await;
        let course_id = course["id"].as_str().expect("id").to_owned();
        let region = app.region("ES-AN").await.to_string();
        let session = past_session(&api, &course_id, &region).await;
        let id = session["id"].as_str().expect("id").to_owned();
        let file = "given name,family name,email\nAna,Ruiz,ana@example.org\nLuis,Gil,luis@example.org\n";
        let (status, body) = crate::imports::import(&api, &id, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (_, registrations) = api.get(&format!("/api/v1/sessions/{id}/registrations")).await;
        let present: Vec<_> = registrations["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|r| json!({"registration_id": r["id"], "status": "present"}))
            .collect();
        let meeting = &crate::helpers::meeting_ids(&session)[0];
        let (status, body) = api.put_marks(meeting, &json!(present)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        api.close_and_complete(&id).await;

        let results = api.get_ok(&format!("/api/v1/sessions/{id}/survey-results")).await;
        assert_eq!(results["invited"], 0, "{results}");
        let figures = api.get_ok(&format!("/api/v1/indicators?session={id}")).await;
        assert_eq!(
            (
                figures["totals"]["participants"].clone(),
                figures["totals"]["survey_invitations"].clone(),
                figures["totals"]["survey_response_rate"].clone()
            ),
            (json!(2), json!(0), json!(null)),
            "{figures}"
        );

        let (_, outbox) = api.get(&format!("/api/v1/outbox?session_id={id}")).await;
        assert_eq!(outbox["total"], 0, "{outbox}");

        // Session 29's attack round: so its people could never answer the
        // survey their certificates asked for, and opening it by hand said
        // "invitations are on their way" and sent none. Its certificates
        // ask for no survey, and its survey cannot be opened.
        let issued = crate::certificates::issue(&api, &id).await;
        assert_eq!(issued["issued"], 2, "{issued}");
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/sessions/{id}/survey?lang=en");
        let html = browser.get_html(&page).await;
        assert!(
            html.contains("it sends no survey") && !html.contains("/survey/open"),
            "{html}"
        );
        let response = browser
            .post_form(
                &page,
                &format!("/staff/sessions/{id}/survey/open"),
                &[("invitees", "confirmed")],
            )
            .await;
        crate::helpers::answers(response, StatusCode::CONFLICT, "its survey cannot be sent").await;
        assert!(
            aula_storage::surveys::for_session(&app.db, id.parse().expect("uuid"))
                .await
                .expect("survey")
                .is_none()
        );
        // Only the certificates are mailed, as to any past session's holders.
        let (_, outbox) = api.get(&format!("/api/v1/outbox?session_id={id}")).await;
        assert_eq!(
            crate::helpers::texts(&outbox["items"], "kind"),
            ["certificate_ready"; 2],
            "{outbox}"
        );
    }
);
