//! Sessions: meetings in a time zone, places, trainers, status.

use aula_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{course_and_session, db_test};

db_test!(
    session_with_three_meetings_shows_local_times,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;

        let (status, session) = app.anonymous_api().get(&format!("/api/v1/sessions/{session_id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(session["status"], "open");
        assert_eq!(session["meetings"].as_array().map(Vec::len), Some(3));
        assert_eq!(session["meetings"][0]["local_start"], "09:00");
        assert_eq!(session["meetings"][0]["starts_at"], "2030-03-12T08:00:00Z");
        assert_eq!(session["hours"], 15.0);
        assert_eq!(session["seats_left"], 20);
        assert_eq!(session["venue"]["region"]["code"], "ES-AN");

        // The public page shows the Madrid wall-clock times, in the reader's language.
        let html = app.browser().get_html(&format!("/sessions/{session_id}?lang=es")).await;
        assert!(html.contains("martes, 12 de marzo de 2030"), "{html}");
        assert!(html.contains("<td>09:00</td><td>14:00</td>"));
        let html = app.browser().get_html(&format!("/sessions/{session_id}?lang=fr")).await;
        assert!(html.contains("mardi 12 mars 2030"));
    }
);

db_test!(
    drafts_are_hidden_from_the_public,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let (status, _) = api.patch_session(&session_id, &json!({"status": "closed"})).await;
        assert_eq!(status, StatusCode::OK);
        // A new draft of the same course.
        let (_, session) = api.get(&format!("/api/v1/sessions/{session_id}")).await;
        let draft = api.created("/api/v1/sessions", &json!({"course_id": session["course"]["id"], "capacity": 10, "venue": {"name": "Sede", "city": "Sevilla", "region_id": session["venue"]["region"]["id"]}})).await;
        assert_eq!(draft["status"], "draft");
        let draft_id = draft["id"].as_str().expect("id");
        let (status, _) = app.anonymous_api().get(&format!("/api/v1/sessions/{draft_id}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let response = app.browser().get(&format!("/sessions/{draft_id}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let (_, public) = app.anonymous_api().get("/api/v1/sessions").await;
        assert_eq!(public["total"], 1, "only the closed one");
        let (_, all) = api.get("/api/v1/sessions").await;
        assert_eq!(all["total"], 2, "organisers see drafts");

        // A draft without meetings cannot open.
        let (status, body) = api.patch_session(draft_id, &json!({"status": "open"})).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        // Nor jump to completed.
        let (status, _) = api.patch_session(draft_id, &json!({"status": "completed"})).await;
        assert_eq!(status, StatusCode::CONFLICT);
    }
);

db_test!(session_rules, |app: crate::helpers::TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (course_id, session_id) = course_and_session(&app, &api).await;
    let (status, body) = api
        .post(
            "/api/v1/sessions",
            &json!({
                "course_id": course_id, "capacity": 0, "time_zone": "Mars/Olympus",
                "meetings": [
                    {"starts_at": "2030-03-12T09:00:00+01:00", "ends_at": "2030-03-12T14:00:00+01:00"},
                    {"starts_at": "2030-03-12T13:00:00+01:00", "ends_at": "2030-03-12T12:00:00+01:00"},
                    {"starts_at": "yesterday", "ends_at": "2030-03-12T12:00:00+01:00"},
                ],
            }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for field in ["capacity", "time_zone", "meetings.1", "meetings.2"] {
        assert!(body["fields"][field].is_array(), "{field} in {body}");
    }
    // In person without a venue: named as the body names it (`venue_name`
    // until session 28, a form's name the JSON has not).
    let (status, body) = api
        .post("/api/v1/sessions", &json!({"course_id": course_id, "capacity": 5}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["fields"]["venue"].is_array(), "{body}");
    // Unknown course.
    let (status, body) = api
        .post(
            "/api/v1/sessions",
            &json!({"course_id": uuid::Uuid::now_v7(), "capacity": 5}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["fields"]["course_id"].is_array(), "{body}");
    // A trainer who is not one.
    let organiser = app.user("not-a-trainer@example.org", &[Role::Organiser]).await;
    let (status, body) = api
        .patch_session(&session_id, &json!({"trainer_ids": [organiser.user.id]}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["fields"]["trainer_ids"].is_array(), "{body}");
    let trainer = app.user("trainer@example.org", &[Role::Trainer]).await;
    let (status, body) = api
        .patch_session(&session_id, &json!({"trainer_ids": [trainer.user.id]}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["trainers"][0]["name"], "User trainer@example.org");
    // Completed is final (once its meetings are over, session 29).
    ended_hours_ago(&app, &session_id, 1).await;
    api.close_and_complete(&session_id).await;
    let (status, _) = api.patch_session(&session_id, &json!({"capacity": 30})).await;
    assert_eq!(status, StatusCode::CONFLICT);
});

db_test!(
    organiser_creates_a_session_with_three_meetings_in_the_web_ui,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (course_id, _) = course_and_session(&app, &api).await;
        let region = app.region("ES-EX").await.to_string();
        let trainer = app
            .user("lucia@example.org", &[Role::Trainer])
            .await
            .user
            .id
            .to_string();
        let browser = app.signed_in(&[Role::Organiser]).await;
        let fields = [
            ("course_id", course_id.as_str()),
            ("capacity", "25"),
            ("time_zone", "Atlantic/Canary"),
            ("meeting_date", "2030-07-01"),
            ("meeting_start", "09:30"),
            ("meeting_end", "13:30"),
            ("meeting_date", "2030-07-02"),
            ("meeting_start", "09:30"),
            ("meeting_end", "13:30"),
            ("meeting_date", "2030-07-03"),
            ("meeting_start", "09:30"),
            ("meeting_end", "13:30"),
            ("meeting_date", ""),
            ("meeting_start", ""),
            ("meeting_end", ""),
            ("venue_name", "Sede de Mérida"),
            ("venue_address", "Calle Santa Eulalia 1"),
            ("venue_city", "Mérida"),
            ("venue_region_id", region.as_str()),
            ("online_url", ""),
            ("registration_opens_at", "2030-05-01T09:00"),
            ("registration_closes_at", "2030-06-28T23:59"),
            ("trainer_ids", trainer.as_str()),
        ];
        let response = browser.submit("/staff/sessions/new", &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        let id = location.trim_start_matches("/staff/sessions/").to_owned();
        // Open it from its page.
        let response = browser
            .post_form(
                &location,
                &format!("/staff/sessions/{id}/status"),
                &[("status", "open")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, session) = app.anonymous_api().get(&format!("/api/v1/sessions/{id}")).await;
        assert_eq!(session["status"], "open");
        assert_eq!(session["meetings"].as_array().map(Vec::len), Some(3));
        // 09:30 in the Canaries in summer is 08:30 UTC.
        assert_eq!(session["meetings"][0]["starts_at"], "2030-07-01T08:30:00Z");
        assert_eq!(session["registration_opens_at"], "2030-05-01T08:00:00Z");
        assert_eq!(session["trainers"][0]["id"], trainer.as_str());
        // The edit form shows the wall-clock times again.
        let form = browser.get_html(&location).await;
        assert!(form.contains("value=\"09:30\""));
        assert!(form.contains("value=\"2030-07-03\""));

        // A bad row re-renders with the problem beside that row.
        let mut bad = fields.to_vec();
        bad[5] = ("meeting_end", "08:00");
        let response = browser.submit("/staff/sessions/new", &bad).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains("id=\"error-meetings.0\""), "{html}");
    }
);

// Issue 20: the form offered 15 zones, and a city project in Tunisia could
// not choose Africa/Tunis.
db_test!(
    issue_20_the_session_form_offers_every_iana_zone,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (course_id, _) = course_and_session(&app, &api).await;
        let region = app.region("ES-EX").await.to_string();
        let browser = app.signed_in(&[Role::Organiser]).await;
        let form = browser.get_html("/staff/sessions/new?lang=fr").await;
        for zone in [
            "Africa/Tunis",
            "Asia/Tokyo",
            "Pacific/Auckland",
            "America/Argentina/Buenos_Aires",
        ] {
            assert!(form.contains(&format!("<option value=\"{zone}\"")), "{zone}");
        }
        assert!(form.contains("<optgroup label=\"Afrique\">"), "grouped by region");
        assert!(!form.contains("value=\"US/Eastern\""), "no old aliases");
        let fields = [
            ("course_id", course_id.as_str()),
            ("capacity", "20"),
            ("time_zone", "Africa/Tunis"),
            ("meeting_date", "2030-07-01"),
            ("meeting_start", "09:00"),
            ("meeting_end", "12:00"),
            ("venue_name", "Municipalité de Raoued"),
            ("venue_address", "Avenue Habib Bourguiba"),
            ("venue_city", "Raoued"),
            ("venue_region_id", region.as_str()),
            ("online_url", ""),
        ];
        let response = browser.submit("/staff/sessions/new", &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        let id = location.trim_start_matches("/staff/sessions/").to_owned();
        let (_, session) = api.get(&format!("/api/v1/sessions/{id}")).await;
        assert_eq!(session["time_zone"], "Africa/Tunis");
        // 09:00 in Tunis (UTC+1, no summer time) is 08:00 UTC.
        assert_eq!(session["meetings"][0]["starts_at"], "2030-07-01T08:00:00Z");
        let edit = browser.get_html(&location).await;
        assert!(
            edit.contains("<option value=\"Africa/Tunis\" selected>"),
            "kept on the edit form"
        );
    }
);

// Issue 20: a session outside its programme's dates is refused, with the
// programme's dates in the message, through the API and the form; a
// session within them is taken, and an edit may not add a meeting outside.
db_test!(
    issue_20_sessions_outside_their_programme_dates_are_refused,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = api
            .created(
                "/api/v1/programmes",
                &json!({"title": "Gouvernance locale", "starts_on": "2032-03-01", "ends_on": "2032-11-30"}),
            )
            .await;
        let course = api
            .created(
                "/api/v1/courses",
                &json!({"programme_id": programme["id"], "title": "Accompagnement", "summary": "S", "hours": 3,
                    "modality": "online", "audiences": ["public_servant"], "language": "fr"}),
            )
            .await;
        let course_id = course["id"].as_str().expect("id").to_owned();
        let session = |day: &str| {
            json!({"course_id": course_id, "capacity": 10, "online_url": "https://meet.example.org/a",
                "meetings": [{"starts_at": format!("{day}T09:00:00+01:00"), "ends_at": format!("{day}T12:00:00+01:00")}]})
        };
        let (status, body) = api.post("/api/v1/sessions?lang=fr", &session("2032-12-02")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let message = body["fields"]["meetings"][0].as_str().expect("the meetings' problem");
        assert!(message.contains("du 2032-03-01 au 2032-11-30"), "{message}");
        let (_, list) = api.get("/api/v1/sessions").await;
        assert_eq!(list["total"], 0, "nothing written: {list}");

        let created = api.created("/api/v1/sessions", &session("2032-11-30")).await;
        let id = created["id"].as_str().expect("id");
        let mut moved = session("2032-11-30");
        moved["meetings"]
            .as_array_mut()
            .expect("meetings")
            .push(json!({"starts_at": "2033-01-12T09:00:00+01:00", "ends_at": "2033-01-12T12:00:00+01:00"}));
        let (status, body) = api.patch_session(&format!("{id}?lang=es"), &moved).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(
            crate::helpers::problem_for(&body, "meetings").contains("del 2032-03-01 al 2032-11-30"),
            "{body}"
        );

        // The form: the problem beside the meetings, in the reader's language.
        let browser = app.signed_in(&[Role::Organiser]).await;
        let fields = [
            ("course_id", course_id.as_str()),
            ("capacity", "10"),
            ("time_zone", "Europe/Paris"),
            ("meeting_date", "2032-02-26"),
            ("meeting_start", "09:00"),
            ("meeting_end", "12:00"),
            ("online_url", "https://meet.example.org/a"),
        ];
        browser.get_html("/staff/sessions/new?lang=en").await;
        let response = browser.submit("/staff/sessions/new", &fields).await;
        let status = response.status();
        let html = response.text().await.expect("html");
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
        assert!(html.contains("id=\"error-meetings\""), "{html}");
        assert!(
            html.contains("The programme runs from 2032-03-01 to 2032-11-30"),
            "{html}"
        );
    }
);

// Issue 20: an open session goes straight to completed once every meeting
// is over (the page offers it then, not before); closing first still works.
db_test!(
    issue_20_an_open_session_is_completed_once_every_meeting_is_over,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let course = api.course("Acompañamiento", 3, "online").await;
        let open_session = |day: &str| {
            json!({"course_id": course["id"], "capacity": 10, "status": "open",
                "online_url": "https://meet.example.org/a",
                "meetings": [{"starts_at": format!("{day}T09:00:00+01:00"), "ends_at": format!("{day}T12:00:00+01:00")}]})
        };
        let past = api.created("/api/v1/sessions", &open_session("2026-06-02")).await;
        let coming = api.created("/api/v1/sessions", &open_session("2030-06-04")).await;
        let (past, coming) = (
            past["id"].as_str().expect("id").to_owned(),
            coming["id"].as_str().expect("id").to_owned(),
        );

        let (status, body) = api
            .patch_session(&format!("{coming}?lang=fr"), &json!({"status": "completed"}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert!(
            body["message"].as_str().is_some_and(|m| m.contains("dernière séance")),
            "{body}"
        );

        // The page offers completing the session that is over, not the other.
        let browser = app.signed_in(&[Role::Organiser]).await;
        let completes = "name=\"status\" value=\"completed\"";
        assert!(
            browser
                .get_html(&format!("/staff/sessions/{past}"))
                .await
                .contains(completes)
        );
        assert!(
            !browser
                .get_html(&format!("/staff/sessions/{coming}"))
                .await
                .contains(completes)
        );

        let (status, body) = api.patch_session(&past, &json!({"status": "completed"})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["status"], "completed");
        // Nor by closing it first (session 29's attack round: a closed
        // session still to come was completed, surveyed and certified).
        ok(api.patch_session(&coming, &json!({"status": "closed"})).await);
        let (status, body) = api.patch_session(&coming, &json!({"status": "completed"})).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert!(
            !browser
                .get_html(&format!("/staff/sessions/{coming}"))
                .await
                .contains(completes)
        );
        assert_eq!(
            api.get_ok(&format!("/api/v1/sessions/{coming}")).await["status"],
            "closed"
        );
    }
);

// Issue 20: the catalogue said "under way" of an open session that was
// over; it now says it was held, and the registration stays refused.
db_test!(
    issue_20_the_catalogue_shows_a_finished_session_as_held,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let course = api.course("Taller de mediación", 3, "online").await;
        let session = api
            .created(
                "/api/v1/sessions",
                &json!({"course_id": course["id"], "capacity": 10, "status": "open",
                    "online_url": "https://meet.example.org/a",
                    "meetings": [{"starts_at": "2026-06-02T09:00:00+02:00", "ends_at": "2026-06-02T12:00:00+02:00"}]}),
            )
            .await;
        let id = session["id"].as_str().expect("id");
        let visitor = app.browser();
        for (lang, held) in [
            ("en", "Held: the session is over"),
            ("fr", "Tenue : la session est terminée"),
        ] {
            let html = visitor
                .get_text(&format!("/?from=2026-06-01&to=2026-06-30&lang={lang}"))
                .await;
            assert!(html.contains(&format!("/sessions/{id}")), "listed: {html}");
            assert!(html.contains(held), "{lang}: {html}");
            let page = visitor.get_text(&format!("/sessions/{id}?lang={lang}")).await;
            assert!(page.contains(held), "{lang}: {page}");
        }
        let html = visitor.get_text("/?from=2026-06-01&to=2026-06-30&lang=en").await;
        assert!(
            !html.contains("Under way") && !html.contains("Registration open"),
            "{html}"
        );
        let (status, body) = app
            .anonymous_api()
            .post(
                &format!("/api/v1/sessions/{id}/registrations"),
                &json!({"given_name": "Rim", "family_name": "Ben Salah", "email": "rim@example.tn",
                    "audience": "mediator", "consent": true}),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
    }
);

// Issue 20: a session by invitation is not listed, takes the public only by
// its private link (shown once, renewable, revocable), and takes organiser
// entries even as a draft.
db_test!(
    issue_20_a_session_by_invitation_takes_the_public_only_by_its_private_link,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (course, listed) = crate::helpers::course_and_session(&app, &api).await;
        let region = app.region("ES-AN").await;
        let (status, created) = api
            .post(
                "/api/v1/sessions",
                &json!({"course_id": course, "capacity": 12, "by_invitation": true,
                    "confirm_organiser_entries": false,
                    "venue": {"name": "Centro de acogida", "city": "Sevilla", "region_id": region},
                    "meetings": [{"starts_at": "2030-05-06T10:00:00+02:00", "ends_at": "2030-05-06T13:00:00+02:00"}]}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        assert_eq!(created["status"], "draft");
        assert_eq!(created["by_invitation"], true);
        let invited = created["id"].as_str().expect("id").to_owned();

        // A draft takes the organiser's entries: the group is gathered before it opens.
        let (status, body) = api
            .post(
                &format!("/api/v1/sessions/{invited}/registrations"),
                &crate::helpers::registrant("Amina", "amina@example.org"),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(body["status"], "confirmed");
        // Her e-mail links the session's page: a draft that seats people shows it, without a form.
        let draft_page = app.browser().get(&format!("/sessions/{invited}?lang=en")).await;
        assert_eq!(draft_page.status(), StatusCode::OK);
        let draft_page = draft_page.text().await.expect("html");
        assert!(
            !draft_page.contains(&format!("/sessions/{invited}/register")),
            "{draft_page}"
        );
        let (status, body) = api.patch_session(&invited, &json!({"status": "open"})).await;
        assert_eq!(status, StatusCode::OK, "{body}");

        // Not listed: neither the catalogue nor the public API names it.
        let anonymous = app.anonymous_api();
        let (_, list) = anonymous.get("/api/v1/sessions").await;
        let ids: Vec<&str> = crate::helpers::texts(&list["items"], "id");
        assert!(
            ids.contains(&listed.as_str()) && !ids.contains(&invited.as_str()),
            "{list}"
        );
        let browser = app.browser();
        let catalogue = browser.get_html("/").await;
        assert!(!catalogue.contains(&invited), "the catalogue does not list it");

        // The public can neither register through the API nor on its page.
        let (status, body) = anonymous
            .post(
                &format!("/api/v1/sessions/{invited}/registrations"),
                &crate::helpers::registrant("Mallory", "mallory@example.org"),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert!(
            body["message"].as_str().unwrap_or_default().contains("by invitation"),
            "{body}"
        );
        let page = browser.get_html(&format!("/sessions/{invited}")).await;
        assert!(page.contains("This session is by invitation"), "{page}");
        assert!(!page.contains(&format!("/sessions/{invited}/register")), "no form");

        // The private link: shown once, and it registers.
        let (status, link) = api
            .post(&format!("/api/v1/sessions/{invited}/invitation-link"), &json!({}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{link}");
        let url = link["url"].as_str().expect("url").to_owned();
        let path = url.trim_start_matches(&app.base).to_owned();
        assert!(
            path.starts_with(&format!("/sessions/{invited}?invitation=inv_")),
            "{url}"
        );
        let secret = path.split("invitation=").nth(1).expect("secret").to_owned();
        let fields = |email: &'static str, secret: &str| {
            vec![
                ("given_name", "Yusuf".to_owned()),
                ("family_name", "Demir".to_owned()),
                ("email", email.to_owned()),
                ("audience", "other".to_owned()),
                ("language", "es".to_owned()),
                ("consent", "on".to_owned()),
                ("website", String::new()),
                ("invitation", secret.to_owned()),
            ]
        };
        let post = |page: String, fields: Vec<(&'static str, String)>| {
            let browser = &browser;
            let invited = &invited;
            async move {
                let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                browser
                    .post_form(&page, &format!("/sessions/{invited}/register"), &borrowed)
                    .await
            }
        };
        let page = browser.get_html(&path).await;
        assert!(
            page.contains(&format!("name=\"invitation\" value=\"{secret}\"")),
            "{page}"
        );
        let response = post(path.clone(), fields("yusuf@example.org", &secret)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, registrations) = api.get(&format!("/api/v1/sessions/{invited}/registrations")).await;
        assert_eq!(registrations["total"], 2, "{registrations}");

        // A wrong secret, an old one after renewing, and a revoked one register nobody.
        // (The form's token comes from the listed session's page: the
        // invited one shows no form without a right secret.)
        let elsewhere = format!("/sessions/{listed}");
        let response = post(elsewhere.clone(), fields("wrong@example.org", "inv_guess")).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let (_, renewed) = api
            .post(&format!("/api/v1/sessions/{invited}/invitation-link"), &json!({}))
            .await;
        let response = post(elsewhere.clone(), fields("old@example.org", &secret)).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let new_path = renewed["url"]
            .as_str()
            .expect("url")
            .trim_start_matches(&app.base)
            .to_owned();
        let new_secret = new_path.split("invitation=").nth(1).expect("secret").to_owned();
        let (status, _) = api.delete(&format!("/api/v1/sessions/{invited}/invitation-link")).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let page = browser.get_html(&new_path).await;
        assert!(page.contains("This session is by invitation"), "{page}");
        let response = post(elsewhere, fields("revoked@example.org", &new_secret)).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let (_, registrations) = api.get(&format!("/api/v1/sessions/{invited}/registrations")).await;
        assert_eq!(registrations["total"], 2, "nothing more written");

        // Listed again and by invitation again, the old link does not come back.
        let (_, again) = api
            .post(&format!("/api/v1/sessions/{invited}/invitation-link"), &json!({}))
            .await;
        let again_path = again["url"]
            .as_str()
            .expect("url")
            .trim_start_matches(&app.base)
            .to_owned();
        for by_invitation in [false, true] {
            let (status, body) = api
                .patch_session(&invited, &json!({"by_invitation": by_invitation}))
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        let page = browser.get_html(&again_path).await;
        assert!(page.contains("This session is by invitation"), "{page}");

        // A listed session has no private link.
        let (status, body) = api
            .post(&format!("/api/v1/sessions/{listed}/invitation-link"), &json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");

        // The organiser's page offers the link and shows it once.
        let staff = app.signed_in(&[Role::Organiser]).await;
        let at = format!("/staff/sessions/{invited}");
        let html = staff.get_html(&at).await;
        assert!(html.contains("There is no private registration link."), "{html}");
        let response = staff.post_form(&at, &format!("{at}/invitation-link"), &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.expect("html");
        assert!(html.contains(&format!("/sessions/{invited}?invitation=inv_")), "{html}");
        let response = staff.post_form(&at, &format!("{at}/invitation-link/revoke"), &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
);

// Issue 20: a hybrid session's meetings carry their own place or link (one
// in a room, the next online): through the API and the form, on the public
// page, in the e-mails and in each calendar event; moving a meeting to
// another place tells the people registered.
db_test!(
    issue_20_a_hybrid_session_puts_each_meeting_at_its_own_place,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, listed) = course_and_session(&app, &api).await;
        let mut meetings = crate::helpers::meetings_of(&api, &listed).await;
        meetings[1]["place"] = json!("https://meet.example.org/sesion-2");
        meetings[2]["place"] = json!("Sala 2, Calle Feria 4, Sevilla");
        let (status, body) = api
            .patch_session(
                &listed,
                &json!({"meetings": meetings, "confirm_organiser_entries": false}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let places: Vec<serde_json::Value> = body["meetings"]
            .as_array()
            .expect("meetings")
            .iter()
            .map(|m| m["place"].clone())
            .collect();
        assert_eq!(
            places,
            [
                json!(null),
                json!("https://meet.example.org/sesion-2"),
                json!("Sala 2, Calle Feria 4, Sevilla")
            ]
        );

        api.created(
            &format!("/api/v1/sessions/{listed}/registrations"),
            &crate::helpers::registrant("Inés", "ines@example.org"),
        )
        .await;
        let confirmed = crate::helpers::queued(&app, "registration_confirmed", Some("ines@example.org")).await;
        assert_eq!(
            confirmed[0]["session"]["meeting_places"],
            json!([
                null,
                "https://meet.example.org/sesion-2",
                "Sala 2, Calle Feria 4, Sevilla"
            ])
        );

        let browser = app.browser();
        let page = browser.get_html(&format!("/sessions/{listed}?lang=en")).await;
        assert!(page.contains("<th scope=\"col\">Where</th>"), "{page}");
        // The public sees that it is online, not its link: that is e-mailed to those with a seat.
        assert!(page.contains("Online (the link is e-mailed to participants)"), "{page}");
        assert!(!page.contains("meet.example.org/sesion-2"), "{page}");
        assert!(
            page.contains("The session&#39;s place") || page.contains("The session's place"),
            "{page}"
        );
        let ics = browser.get_text(&format!("/sessions/{listed}/calendar.ics")).await;
        let locations: Vec<&str> = ics.lines().filter(|l| l.starts_with("LOCATION:")).collect();
        assert_eq!(locations.len(), 3, "{ics}");
        assert!(locations[0].contains("Sede regional"), "{ics}");
        assert!(
            !ics.contains("meet.example.org/sesion-2"),
            "the public calendar has no link: {ics}"
        );
        assert!(locations[2].starts_with("LOCATION:Sala 2\\, Calle Feria 4"), "{ics}");

        // The form shows each meeting's place; moving one tells Inés.
        let staff = app.signed_in(&[Role::Organiser]).await;
        let form = staff.get_html(&format!("/staff/sessions/{listed}?lang=en")).await;
        assert!(form.contains("value=\"Sala 2, Calle Feria 4, Sevilla\""), "{form}");
        meetings[2]["place"] = json!("Sala 5, Calle Feria 4, Sevilla");
        let (status, body) = api.patch_session(&listed, &json!({"meetings": meetings})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let changed = crate::helpers::queued(&app, "session_changed", Some("ines@example.org")).await;
        assert_eq!(changed.len(), 1, "{changed:?}");

        // A place too long is refused beside its meeting, and changes nothing.
        meetings[0]["place"] = json!("x".repeat(501));
        let (status, body) = api.patch_session(&listed, &json!({"meetings": meetings})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["meetings.0.place"].is_array(), "{body}");
        let (_, after) = api.get(&format!("/api/v1/sessions/{listed}")).await;
        assert_eq!(after["meetings"][0]["place"], json!(null));
    }
);

/// The certificates issued for a session, from the table.
async fn certificates_of(app: &crate::helpers::TestApp, session_id: &str) -> u64 {
    use aula_storage::entities::certificate;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    certificate::Entity::find()
        .filter(certificate::Column::SessionId.eq(session_id.parse::<uuid::Uuid>().expect("uuid")))
        .count(&app.db)
        .await
        .expect("count")
}

/// Moves the session's meetings so that its last one ended `hours` ago.
async fn ended_hours_ago(app: &crate::helpers::TestApp, session_id: &str, hours: i64) {
    use aula_storage::entities::session;
    use sea_orm::EntityTrait;
    let id: uuid::Uuid = session_id.parse().expect("uuid");
    let s = session::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .expect("q")
        .expect("session");
    let back = s.ends_at.expect("meetings") - (chrono::Utc::now() - chrono::Duration::hours(hours));
    crate::helpers::shift_back(app, session_id, back).await;
}

db_test!(
    issue_20_a_session_completes_by_itself_once_its_attendance_is_closed,
    |app: crate::helpers::TestApp| async move {
        use aula_storage::entities::audit_entry;
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        let api = app.api(&[Role::Organiser]).await;
        let course = api
            .created(
                "/api/v1/courses",
                &json!({"title": "Mediación comunitaria", "summary": "S", "hours": 10, "modality": "in_person",
                    "audiences": ["mediator"], "language": "es"}),
            )
            .await;
        let meetings = json!([
            {"starts_at": "2030-03-12T09:00:00+01:00", "ends_at": "2030-03-12T14:00:00+01:00"},
            {"starts_at": "2030-03-13T09:00:00+01:00", "ends_at": "2030-03-13T14:00:00+01:00"},
        ]);
        // Sessions held until three hours ago: (id, meetings, registrations).
        let mut held = Vec::new();
        for tag in ["held", "absent", "past", "empty"] {
            let session = crate::helpers::session_in_leon(&app, &api, &course, 20, meetings.clone()).await;
            let id = session["id"].as_str().expect("id").to_owned();
            let seated = if tag == "empty" {
                Vec::new()
            } else {
                crate::helpers::seated_people(&app, &id, 2, "M", tag).await
            };
            ended_hours_ago(&app, &id, 3).await;
            held.push((id, crate::helpers::meeting_ids(&session), seated));
        }
        let (held_id, held_meetings, people) = held[0].clone();
        ok(api.patch_session(&held_id, &json!({"issue_on_completion": true})).await);
        // Recorded after the fact: its organiser completes it (issue 24).
        ok(api.patch_session(&held[2].0, &json!({"record_past": true})).await);
        let mark = |meeting: String, marks: Vec<(String, &'static str)>| {
            let api = &api;
            async move {
                let marks: Vec<_> = marks
                    .iter()
                    .map(|(r, s)| json!({"registration_id": r, "status": s}))
                    .collect();
                let (status, body) = api.put_marks(&meeting, &json!(marks)).await;
                assert_eq!(status, StatusCode::OK, "{body}");
            }
        };
        // Everyone absent at every meeting of the second; everyone present at the third's.
        for (index, (_, meetings, seated)) in held.iter().enumerate().take(3).skip(1) {
            let status = if index == 1 { "absent" } else { "present" };
            for meeting in meetings {
                mark(meeting.clone(), seated.iter().map(|r| (r.clone(), status)).collect()).await;
            }
        }
        let status_of = |id: String| {
            let api = &api;
            async move { api.get_ok(&format!("/api/v1/sessions/{id}")).await["status"].clone() }
        };
        let app_handle = app.app();
        let now = chrono::Utc::now();
        let run = |at: chrono::DateTime<chrono::Utc>| {
            let app_handle = &app_handle;
            async move {
                aula_app::sessions::complete_when_attendance_closed(app_handle, at)
                    .await
                    .expect("lifecycle")
            }
        };

        // Two of the four marks: the attendance is still open.
        mark(
            held_meetings[0].clone(),
            vec![(people[0].clone(), "present"), (people[1].clone(), "present")],
        )
        .await;
        mark(held_meetings[1].clone(), vec![(people[0].clone(), "present")]).await;
        assert_eq!(run(now + chrono::Duration::hours(2)).await, 0);
        assert_eq!(status_of(held_id.clone()).await, "open");
        mark(held_meetings[1].clone(), vec![(people[1].clone(), "absent")]).await;
        // Closed, but marks were typed within the hour: not yet.
        assert_eq!(run(now + chrono::Duration::minutes(30)).await, 0);
        // Eight days on, a session left open is its organiser's to complete.
        assert_eq!(run(now + chrono::Duration::days(8)).await, 0);
        assert_eq!(status_of(held_id.clone()).await, "open");

        assert_eq!(run(now + chrono::Duration::hours(2)).await, 1, "only the held session");
        assert_eq!(status_of(held_id.clone()).await, "completed");
        for (other, why) in [
            (1, "everyone absent"),
            (2, "recorded after the fact"),
            (3, "nobody seated"),
        ] {
            assert_eq!(status_of(held[other].0.clone()).await, "open", "{why}");
        }
        let by_lifecycle = audit_entry::Entity::find()
            .filter(audit_entry::Column::Actor.eq("lifecycle"))
            .filter(audit_entry::Column::EntityId.eq(held_id.parse::<uuid::Uuid>().expect("uuid")))
            .count(&app.db)
            .await
            .expect("audit");
        assert!(by_lifecycle > 0, "audited as the lifecycle's");
        // As an organiser's completion: the participants' survey, and the
        // certificates the session issues on completion (M0 attended both).
        let surveys = crate::helpers::queued(&app, "survey_invitation", None).await.len();
        assert_eq!(surveys, 2, "both were there");
        assert_eq!(certificates_of(&app, &held_id).await, 1);
        // Run again, or by a second process, or the jobs' round: nothing more.
        assert_eq!(run(now + chrono::Duration::hours(2)).await, 0);
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        assert_eq!(
            crate::helpers::queued(&app, "survey_invitation", None).await.len(),
            surveys
        );
        assert_eq!(certificates_of(&app, &held_id).await, 1);
    }
);

db_test!(
    issue_20_completing_by_hand_issues_the_certificates_a_session_says_it_issues,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, _) =
            crate::certificates::completed_session(&app, &api, false, false, &[3, 3, 1], "auto").await;
        // `completed_session` leaves issuing to the organiser by default.
        assert_eq!(certificates_of(&app, &session_id).await, 0);

        let course = api.course("Atención a la diversidad", 10, "in_person").await;
        let session =
            crate::helpers::session_in_leon(&app, &api, &course, 20, crate::helpers::mornings_from_12_march_2026(1))
                .await;
        let id = session["id"].as_str().expect("id").to_owned();
        ok(api.patch_session(&id, &json!({"issue_on_completion": true})).await);
        let people = crate::helpers::seated_people(&app, &id, 2, "H", "hand").await;
        let meeting = crate::helpers::meeting_ids(&session)[0].clone();
        let (status, body) = api
            .put_marks(
                &meeting,
                &json!([{"registration_id": people[0], "status": "present"}, {"registration_id": people[1], "status": "absent"}]),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        api.close_and_complete(&id).await;
        assert_eq!(certificates_of(&app, &id).await, 1, "issued with the completion");
        assert_eq!(crate::helpers::queued(&app, "certificate_ready", None).await.len(), 1);
    }
);

fn ok((status, body): (StatusCode, serde_json::Value)) {
    assert_eq!(status, StatusCode::OK, "{body}");
}

db_test!(
    issue_20_a_trainer_lists_their_own_session_by_invitation,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, invited) = course_and_session(&app, &api).await;
        ok(api.patch_session(&invited, &json!({"by_invitation": true})).await);
        let trainer = crate::helpers::trainer_of(&app, &api, &invited, "formadora@example.org").await;
        let ids = |list: serde_json::Value| {
            list["items"]
                .as_array()
                .expect("items")
                .iter()
                .filter_map(|s| s["id"].as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        };
        let theirs = ids(trainer.get_ok("/api/v1/sessions?per_page=100").await);
        assert!(theirs.contains(&invited), "their own: {theirs:?}");
        // Another trainer, and the public, do not see it listed.
        let other = app.api(&[Role::Trainer]).await;
        assert!(!ids(other.get_ok("/api/v1/sessions?per_page=100").await).contains(&invited));
        assert!(!ids(app.anonymous_api().get_ok("/api/v1/sessions?per_page=100").await).contains(&invited));
    }
);

// Found by attacking the forms (session 21): a post of 40,000 meeting rows
// took two minutes to show again, each row's problem looked up in a list of
// them all. A session has at most 200 meetings: the form reads one more
// (enough to be refused for the number, were they all right) and shows those.
db_test!(
    a_post_of_thousands_of_meeting_rows_is_refused_at_the_limit,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (course_id, _) = course_and_session(&app, &api).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        browser.get_html("/staff/sessions/new?lang=en").await;
        let mut fields = vec![("course_id", course_id.as_str()), ("capacity", "10")];
        fields.extend(std::iter::repeat_n(("meeting_date", "x"), 5_000));
        let response = browser.submit("/staff/sessions/new", &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(
            html.contains("id=\"field-meetings.200\""),
            "up to the limit and one more"
        );
        assert!(
            !html.contains("id=\"field-meetings.204\""),
            "and three blank rows, no more"
        );
        assert!(
            html.contains("id=\"error-meetings.200\""),
            "each row read says what is wrong with it"
        );
        let (_, list) = api.get("/api/v1/sessions").await;
        assert_eq!(list["total"], 1, "nothing written");
    }
);

// Issue 16's attack round on time: the hour repeated when the clocks go
// back. A meeting from 02:30 summer time to 02:30 winter time (one real
// hour) was a zero-length event in its .ics, and its form, saved unchanged,
// was refused; a leap second (`23:59:60`) was kept and broke the .ics; and a
// registration "closing" in the year 10000 was shown as such.
db_test!(
    issue_16_the_repeated_hour_leap_seconds_and_far_years,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (course_id, _) = course_and_session(&app, &api).await;
        let region = app.region("ES-AN").await.to_string();
        let session = |meetings: serde_json::Value, closes: &str| {
            json!({"course_id": course_id, "capacity": 10, "status": "open", "time_zone": "Europe/Madrid",
                "venue": {"name": "Sede", "city": "Sevilla", "region_id": region},
                "registration_closes_at": closes, "meetings": meetings})
        };
        let repeated = json!([{"starts_at": "2027-10-31T02:30:00+02:00", "ends_at": "2027-10-31T02:30:00+01:00"}]);
        let created = api.created("/api/v1/sessions", &session(repeated, "")).await;
        let id = created["id"].as_str().expect("id").to_owned();
        let times = |session: &serde_json::Value| {
            (
                session["meetings"][0]["starts_at"].clone(),
                session["meetings"][0]["ends_at"].clone(),
            )
        };
        assert_eq!(
            times(&created),
            (json!("2027-10-31T00:30:00Z"), json!("2027-10-31T01:30:00Z"))
        );

        // Its calendar says one hour, read by a calendar parser.
        let ics = crate::helpers::public_calendar(&app, &id).await;
        assert!(ics.contains("DTSTART;TZID=Europe/Madrid:20271031T023000\r\n"), "{ics}");
        assert!(ics.contains("DTEND:20271031T013000Z\r\n"), "{ics}");
        let calendar: icalendar::Calendar = ics.parse().expect("the .ics parses");
        use icalendar::Component;
        let event = calendar.components.iter().find_map(|c| c.as_event()).expect("event");
        assert_eq!(event.property_value("DTEND"), Some("20271031T013000Z"));

        // Its form, shown and sent back unchanged, keeps it where it was.
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/sessions/{id}");
        let html = browser.get_html(&page).await;
        let meeting_fields = crate::helpers::fields_named(&html, "name=\"", "meeting_");
        assert!(
            meeting_fields.contains(&("meeting_end_offset".to_owned(), "60".to_owned())),
            "{meeting_fields:?}"
        );
        let mut fields: Vec<(&str, &str)> = vec![
            ("course_id", course_id.as_str()),
            ("capacity", "10"),
            ("time_zone", "Europe/Madrid"),
            ("venue_name", "Sede"),
            ("venue_city", "Sevilla"),
            ("venue_region_id", region.as_str()),
        ];
        fields.extend(meeting_fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let response = browser.submit(&page, &fields).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "{}",
            response.text().await.unwrap_or_default()
        );
        let (_, saved) = api.get(&format!("/api/v1/sessions/{id}")).await;
        assert_eq!(times(&saved), times(&created));

        // A leap second, and a registration closing in the year 10000, are refused.
        let leap = json!([{"starts_at": "2027-06-30T22:00:00Z", "ends_at": "2027-06-30T23:59:60Z"}]);
        let (status, body) = api.post("/api/v1/sessions", &session(leap, "")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let fine = json!([{"starts_at": "2027-06-30T22:00:00Z", "ends_at": "2027-06-30T23:00:00Z"}]);
        let (status, body) = api
            .post("/api/v1/sessions?lang=es", &session(fine, "9999-12-31T23:59:59-23:59"))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(
            body["fields"]["registration_closes_at"][0], "Indique una fecha entre los años 1900 y 2200.",
            "{body}"
        );
    }
);

// Found by attacking the roles (session 23): the page says the meeting's
// link is sent to the people registered, yet the public API, its list and
// the public calendar file gave it to anyone, who could join without a
// seat; a hybrid meeting's link too.
db_test!(
    issue_20_meeting_links_go_only_to_the_seated_and_the_staff,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, id) = course_and_session(&app, &api).await;
        let mut meetings = crate::helpers::meetings_of(&api, &id).await;
        meetings[1]["place"] = json!("https://meet.example.org/sesion-2");
        meetings[2]["place"] = json!("Sala 2, Calle Feria 4, Sevilla");
        let (status, body) = api
            .patch_session(
                &id,
                &json!({"online_url": "https://meet.example.org/privada", "meetings": meetings}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["online_url"], "https://meet.example.org/privada");

        let anyone = app.anonymous_api();
        let (_, public) = anyone.get(&format!("/api/v1/sessions/{id}")).await;
        let (_, listed) = anyone.get("/api/v1/sessions").await;
        let trainer = app.api(&[Role::Trainer]).await;
        let (_, not_theirs) = trainer.get(&format!("/api/v1/sessions/{id}")).await;
        for (who, seen) in [
            ("anyone", &public),
            ("the list", &listed["items"][0]),
            ("another trainer", &not_theirs),
        ] {
            assert_eq!(seen["online_url"], serde_json::Value::Null, "{who}: {seen}");
            assert_eq!(seen["meetings"][1]["place"], serde_json::Value::Null, "{who}: {seen}");
            assert_eq!(seen["meetings"][2]["place"], "Sala 2, Calle Feria 4, Sevilla", "{who}");
        }
        let ics = crate::helpers::public_calendar(&app, &id).await;
        assert!(!ics.contains("meet.example.org"), "{ics}");
        // The organisers keep it.
        let (_, own) = api.get(&format!("/api/v1/sessions/{id}")).await;
        assert_eq!(own["meetings"][1]["place"], "https://meet.example.org/sesion-2");
        let (_, own_list) = api.get("/api/v1/sessions").await;
        assert_eq!(own_list["items"][0]["online_url"], "https://meet.example.org/privada");
    }
);

// Found by reading every e-mail (session 23): a new venue told nobody, and
// the reminder queued at confirmation still showed meetings since removed.
db_test!(
    issue_20_a_new_place_is_told_and_reminders_follow_the_session,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, id) = course_and_session(&app, &api).await;
        let (status, _) = api
            .patch_session(&id, &json!({"confirm_organiser_entries": false}))
            .await;
        assert_eq!(status, StatusCode::OK);
        api.created(
            &format!("/api/v1/sessions/{id}/registrations"),
            &crate::helpers::registrant("Luis", "luis@example.org"),
        )
        .await;
        let reminder = crate::helpers::queued(&app, "reminder", Some("luis@example.org")).await;
        assert_eq!(reminder[0]["session"]["meetings"].as_array().map(Vec::len), Some(3));
        let region = app.region("ES-AN").await;
        let (status, body) = api
            .patch_session(
                &id,
                &json!({"venue": {"name": "Nueva sede", "address": "Calle Sol 2", "city": "Sevilla", "region_id": region}}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let changed = crate::helpers::queued(&app, "session_changed", Some("luis@example.org")).await;
        assert_eq!(changed.len(), 1, "the new place is told");
        assert!(
            changed[0]["session"]["place"]
                .as_str()
                .is_some_and(|p| p.starts_with("Nueva sede"))
        );
        assert_eq!(changed[0]["calendar"]["sequence"], 1);

        let mut two = crate::helpers::meetings_of(&api, &id).await;
        two.truncate(2);
        let (status, body) = api.patch_session(&id, &json!({"meetings": two})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let reminder = crate::helpers::queued(&app, "reminder", Some("luis@example.org")).await;
        assert_eq!(reminder.len(), 1);
        assert_eq!(
            reminder[0]["session"]["meetings"].as_array().map(Vec::len),
            Some(2),
            "{reminder:?}"
        );
        assert!(
            reminder[0]["session"]["place"]
                .as_str()
                .is_some_and(|p| p.starts_with("Nueva sede"))
        );
        assert!(reminder[0]["manage_path"].is_string(), "the personal link is kept");
        // The meeting taken off is told by its cancellation alone: the two
        // left are as they were (session 30's note). Saved unchanged, nobody is
        // written to again.
        let told = |kind: &'static str| {
            let app = &app;
            async move { crate::helpers::queued(app, kind, Some("luis@example.org")).await.len() }
        };
        assert_eq!(
            (told("session_changed").await, told("meetings_withdrawn").await),
            (1, 1)
        );
        let (status, _) = api.patch_session(&id, &json!({"capacity": 21})).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            (told("session_changed").await, told("meetings_withdrawn").await),
            (1, 1)
        );
    }
);

// Session 29's attack round: a meeting from 22:00 to 04:00, made through
// the API, was shown on the session's page and refused when the page was
// saved ("the meeting must end after it starts"); the form could not
// enter it either. A meeting from 18:00 or later that ends before its
// start, within twelve hours, ends the next day.
db_test!(
    session_29_the_form_takes_a_meeting_past_midnight,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (course_id, _) = course_and_session(&app, &api).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let region = app.region("ES-EX").await.to_string();
        let mut fields = vec![
            ("course_id", course_id.as_str()),
            ("capacity", "25"),
            ("time_zone", "Europe/Madrid"),
            ("meeting_date", "2030-07-01"),
            ("meeting_start", "22:00"),
            ("meeting_end", "04:00"),
            ("venue_name", "Sede de Mérida"),
            ("venue_city", "Mérida"),
            ("venue_region_id", region.as_str()),
        ];
        let response = browser.submit("/staff/sessions/new", &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let id = response.headers()["location"]
            .to_str()
            .expect("location")
            .trim_start_matches("/staff/sessions/")
            .to_owned();
        let session = api.get_ok(&format!("/api/v1/sessions/{id}")).await;
        assert_eq!(
            (&session["meetings"][0]["starts_at"], &session["meetings"][0]["ends_at"]),
            (&json!("2030-07-01T20:00:00Z"), &json!("2030-07-02T02:00:00Z")),
            "{session}"
        );
        let html = browser.get_html(&format!("/staff/sessions/{id}")).await;
        assert!(html.contains("value=\"04:00\""), "shown as typed: {html}");
        // Times typed the wrong way round are still refused.
        fields[5] = ("meeting_end", "09:00");
        fields[4] = ("meeting_start", "14:00");
        let response = browser.submit("/staff/sessions/new", &fields).await;
        crate::helpers::answers(
            response,
            StatusCode::UNPROCESSABLE_ENTITY,
            "The meeting must end after it starts.",
        )
        .await;
    }
);

// Session 29's attack round: a session of one 40-minute meeting gave
// "hours": 0.6666666666666666; every figure the API gives has two decimals.
db_test!(
    session_29_hours_have_two_decimals,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let course = api.course("Pausa", 1, "online").await;
        let session = api
            .created(
                "/api/v1/sessions",
                &json!({"course_id": course["id"], "capacity": 5, "online_url": "https://meet.example.org/p",
                    "meetings": [{"starts_at": "2030-05-02T10:00:00Z", "ends_at": "2030-05-02T10:40:00Z"}]}),
            )
            .await;
        assert_eq!(session["hours"], 0.67, "{session}");
    }
);
