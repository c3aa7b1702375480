//! Issue 24: the journeys of a trainee and a trainer, as they live them on
//! a phone and at the door — each fault seen, as a test.

use aula_domain::{Language, RegistrationStatus, Role};
use aula_storage::entities::registration;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

use crate::helpers::{Browser, TestApp, course_and_session, db_test, me_browser, registrant};
use crate::signup::confirm_path;

/// A trainee registered and confirmed in the helpers' session, signed in to
/// "my trainings" in a browser of their own.
async fn signed_in_trainee(app: &TestApp, session_id: &str, email: &str) -> (Browser, registration::Model) {
    app.anonymous_api()
        .created(
            &format!("/api/v1/sessions/{session_id}/registrations"),
            &registrant("Eva", email),
        )
        .await;
    let confirm = confirm_path(app, email).await;
    app.browser().confirm(&confirm).await;
    let browser = me_browser(app, email).await;
    let registration = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(session_id.parse::<uuid::Uuid>().expect("uuid")))
        .all(&app.db)
        .await
        .expect("rows")
        .pop()
        .expect("registration");
    (browser, registration)
}

db_test!(
    issue_24_catalogue_filters_fold_behind_a_summary_results_first,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let browser = app.browser();
        let html = browser.get_html("/?lang=en").await;
        // Folded: a summary, the form inside it, the results after.
        let details = html.find("<details class=\"filters-panel\">").expect(&html);
        let summary = html.find("Filter the sessions").expect("a summary");
        let form = html.find("<form class=\"filters\"").expect("the form");
        let folded_until = html.find("</details>").expect("the fold's end");
        let result = html.find(&format!("/sessions/{session_id}")).expect("a result");
        assert!(details < summary && summary < form && form < folded_until && folded_until < result);
        // A filter set: the filters show unfolded, to be changed.
        let filtered = browser.get_html("/?lang=en&modality=in_person").await;
        assert!(
            filtered.contains("<details class=\"filters-panel\" open>"),
            "{filtered}"
        );
    }
);

db_test!(issue_24_badges_agree_with_the_form, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (course_id, session_id) = course_and_session(&app, &api).await;
    // The window closed yesterday; the session starts in 2030, seats are left.
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).to_rfc3339();
    let (status, body) = api
        .patch_session(&session_id, &json!({"registration_closes_at": yesterday}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let browser = app.browser();
    let page = browser.get_html(&format!("/sessions/{session_id}?lang=en")).await;
    assert!(
        page.contains("Registration for this session is over."),
        "the form says closed"
    );
    assert!(!page.contains("Open for registration"), "{page}");
    assert!(!page.contains("seats left"), "{page}");
    assert!(page.contains("badge-closed\">Registration closed"), "{page}");
    let catalogue = browser.get_html("/?lang=en").await;
    assert!(!catalogue.contains("seats left"), "{catalogue}");
    assert!(catalogue.contains("badge-closed\">Registration closed"), "{catalogue}");
    let course = browser.get_html(&format!("/courses/{course_id}?lang=en")).await;
    assert!(course.contains("badge-closed\">Registration closed"), "{course}");
    // The organiser's list says both: open, and the window closed.
    let staff = app.signed_in(&[Role::Organiser]).await;
    let list = staff.get_html("/staff/sessions?lang=en").await;
    assert!(
        list.contains("Open for registration") && list.contains("Registration closed"),
        "{list}"
    );
    // Reopened window: open, with its seats, as the form allows.
    let (status, _) = api
        .patch_session(&session_id, &json!({"registration_closes_at": ""}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let page = browser.get_html(&format!("/sessions/{session_id}?lang=en")).await;
    assert!(
        page.contains("badge-open\">Registration open") && page.contains("20 seats left"),
        "{page}"
    );
    assert!(page.contains("/register\""), "the form is offered");
});

db_test!(
    issue_24_cancel_from_me_asks_for_confirmation,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let (browser, registration) = signed_in_trainee(&app, &session_id, "eva@example.org").await;
        let path = format!("/me/registrations/{}/cancel", registration.id);
        let mine = browser.get_html("/me?lang=en").await;
        // "My trainings" holds no button that cancels at once: a link to the step.
        assert!(!mine.contains(&format!("action=\"{path}\"")), "{mine}");
        assert!(mine.contains(&format!("href=\"{path}\"")), "{mine}");
        let step = browser.get_html(&format!("{path}?lang=en")).await;
        assert!(step.contains("Cancel this registration?") && step.contains("Yes, cancel my registration"));
        assert!(
            step.contains(&format!("action=\"{path}\"")) && step.contains("href=\"/me\""),
            "{step}"
        );
        // Seeing the step changes nothing.
        let row = aula_storage::registrations::get(&app.db, registration.id)
            .await
            .expect("row");
        assert_eq!(row.status, RegistrationStatus::Confirmed);
        let response = browser.submit(&path, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let row = aula_storage::registrations::get(&app.db, registration.id)
            .await
            .expect("row");
        assert_eq!(row.status, RegistrationStatus::Cancelled);
        // Once cancelled, the step goes back to the list.
        let again = browser.get(&path).await;
        assert_eq!(again.status(), StatusCode::SEE_OTHER);
        // The personal link's page has the same step.
        let (_, other) = signed_in_trainee(&app, &session_id, "leo@example.org").await;
        let manage = app.mail.manage_path(other.id);
        let page = app.browser().get_html(&format!("{manage}?lang=en")).await;
        assert!(page.contains(&format!("href=\"{manage}/cancel\"")), "{page}");
        assert!(!page.contains(&format!("action=\"{manage}/cancel\"")), "{page}");
        let step = app.browser().get_html(&format!("{manage}/cancel?lang=en")).await;
        assert!(step.contains(&format!("action=\"{manage}/cancel\"")), "{step}");
    }
);

db_test!(
    issue_24_cancelling_a_session_says_who_is_told_before_it_does,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let (trainee, eva) = signed_in_trainee(&app, &session_id, "eva@example.org").await;
        crate::helpers::seated(&app, &session_id, "Léo", "leo@example.org", Language::Fr).await;
        let public = app.browser().get_html(&format!("/sessions/{session_id}?lang=en")).await;
        assert!(
            public.contains("calendar.ics"),
            "an open session offers its calendar: {public}"
        );
        let cancellations = || async { crate::helpers::queued(&app, "session_cancelled", None).await.len() };
        let organiser = app.signed_in(&[Role::Organiser]).await;
        let edit = format!("/staff/sessions/{session_id}");
        let status = format!("{edit}/status");
        // The red button leads to a step that says who is told, and changes nothing.
        let response = organiser
            .post_form(&format!("{edit}?lang=en"), &status, &[("status", "cancelled")])
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let step = response.text().await.expect("html");
        assert!(
            step.contains("Cancel this session?") && step.contains("2 people registered will be told by e-mail"),
            "{step}"
        );
        assert!(
            step.contains(r#"name="confirmed" value="yes""#) && step.contains(&format!("href=\"{edit}\"")),
            "{step}"
        );
        let (_, session) = api.get(&format!("/api/v1/sessions/{session_id}")).await;
        assert_eq!(session["status"], "open");
        assert_eq!(cancellations().await, 0);
        // The second press cancels, and tells both.
        let response = organiser
            .post_form(
                &format!("{edit}?lang=en"),
                &status,
                &[("status", "cancelled"), ("confirmed", "yes")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, session) = api.get(&format!("/api/v1/sessions/{session_id}")).await;
        assert_eq!(session["status"], "cancelled");
        assert_eq!(cancellations().await, 2);
        // A cancelled session offers no calendar file, wherever it is shown.
        for page in [
            app.browser().get_html(&format!("/sessions/{session_id}?lang=en")).await,
            trainee.get_html("/me?lang=en").await,
            app.browser().get_html(&app.mail.manage_path(eva.id)).await,
        ] {
            assert!(!page.contains("calendar.ics"), "{page}");
        }
    }
);

/// The `action` of the first form on a page posting to a path starting with `prefix`.
fn form_action(html: &str, prefix: &str) -> Option<String> {
    let start = html.find(&format!("action=\"{prefix}"))? + "action=\"".len();
    let end = start + html[start..].find('"')?;
    Some(html[start..end].to_owned())
}

db_test!(
    issue_24_confirming_by_the_emailed_link_signs_in_to_me,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        app.anonymous_api()
            .post(
                &format!("/api/v1/sessions/{session_id}/registrations"),
                &registrant("Eva", "eva@example.org"),
            )
            .await;
        let confirm = confirm_path(&app, "eva@example.org").await;
        let browser = app.browser();
        let done = browser.confirm_html(&format!("{confirm}?lang=en")).await;
        // "See my trainings" signs in: the address was just proved.
        let sign_in = form_action(&done, "/me/sign-in/").expect(&done);
        let response = browser.post_form("/me?lang=en", &sign_in, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()["location"], "/me");
        let mine = browser.get_html("/me?lang=en").await;
        assert!(
            mine.contains("Igualdad de trato") && mine.contains("eva@example.org"),
            "{mine}"
        );
        // Once: the same button again, or in another browser, signs nobody in.
        let again = app.browser().post_form("/me?lang=en", &sign_in, &[]).await;
        assert_eq!(again.status(), StatusCode::GONE);
        // The confirmation link opened again proves nothing new: no sign-in.
        let reopened = app.browser().get_html(&format!("{confirm}?lang=en")).await;
        assert!(form_action(&reopened, "/me/sign-in/").is_none(), "{reopened}");
        let pressed_again = app.browser().post_form("/me?lang=en", &confirm, &[]).await;
        assert_eq!(pressed_again.status(), StatusCode::OK);
        let pressed_again = pressed_again.text().await.expect("body");
        assert!(form_action(&pressed_again, "/me/sign-in/").is_none(), "{pressed_again}");
    }
);

db_test!(
    issue_24_me_shows_what_happened_after_a_training,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let course = crate::helpers::accredited_course(
            &app,
            &api,
            json!({"title": "Igualdad de trato", "summary": "S", "hours": 10, "modality": "in_person",
                   "audiences": ["public_servant"], "language": "es"}),
        )
        .await;
        // Held the last two days.
        let at = |hours: i64| (chrono::Utc::now() - chrono::Duration::hours(hours)).to_rfc3339();
        let session = crate::helpers::session_in_leon(
            &app,
            &api,
            &course,
            10,
            json!([
                {"starts_at": at(53), "ends_at": at(48)},
                {"starts_at": at(29), "ends_at": at(24)},
            ]),
        )
        .await;
        let session_id = session["id"].as_str().expect("id").to_owned();
        let eva = crate::helpers::seated(&app, &session_id, "Eva", "eva@example.org", Language::En).await;
        for meeting in crate::helpers::meeting_ids(&session) {
            let marks = json!([{"registration_id": eva.id, "status": "present"}]);
            let (status, body) = api.put_marks(&meeting, &marks).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        // The survey opens by itself, the last meeting being over.
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        let browser = me_browser(&app, "eva@example.org").await;
        let mine = browser.get_html("/me?lang=en").await;
        assert!(!mine.contains(">Confirmed<"), "{mine}");
        assert!(!mine.contains("calendar.ics"), "no calendar file for the past: {mine}");
        assert!(
            mine.contains(">Attended<") && mine.contains("Meetings attended: 2 of 2"),
            "{mine}"
        );
        assert!(
            mine.contains("Answer the survey") && mine.contains("href=\"/s/"),
            "{mine}"
        );
        // Completed, with the certificate issued.
        api.close_and_complete(&session_id).await;
        api.post_ok(&format!("/api/v1/sessions/{session_id}/certificates"), &json!({}))
            .await;
        let mine = browser.get_html("/me?lang=en").await;
        assert!(
            mine.contains(">Completed<") && mine.contains("Your certificate is ready"),
            "{mine}"
        );
        // The personal link's page offers no calendar file either, nor
        // does the session's public page (a sibling found later).
        let page = app.browser().get_html(&app.mail.manage_path(eva.id)).await;
        assert!(!page.contains("calendar.ics"), "{page}");
        let public = app.browser().get_html(&format!("/sessions/{session_id}?lang=en")).await;
        assert!(!public.contains("calendar.ics"), "{public}");
    }
);

db_test!(
    issue_24_superseded_confirmation_link_says_a_newer_one_was_sent,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let register = || async {
            let (status, body) = app
                .anonymous_api()
                .post(
                    &format!("/api/v1/sessions/{session_id}/registrations"),
                    &registrant("Eva", "eva@example.org"),
                )
                .await;
            assert!(status.is_success(), "{body}");
        };
        register().await;
        let first = confirm_path(&app, "eva@example.org").await;
        register().await;
        let second = confirm_path(&app, "eva@example.org").await;
        assert_ne!(first, second);
        // The first link says what happened, not "Page not found".
        let response = app.browser().get(&format!("{first}?lang=en")).await;
        assert_eq!(response.status(), StatusCode::GONE);
        let html = response.text().await.expect("body");
        assert!(
            html.contains("A newer link was sent") && html.contains("Nothing is lost"),
            "{html}"
        );
        assert!(!html.contains("not found"), "{html}");
        // Pressing an old page's button says the same, and confirms nothing.
        let pressed = app
            .browser()
            .post_form("/me?lang=en", &format!("{first}?lang=en"), &[])
            .await;
        assert_eq!(pressed.status(), StatusCode::GONE);
        // Once the newer link is used, the older one shows where things stand.
        app.browser().confirm(&second).await;
        let html = app.browser().get_html(&format!("{first}?lang=en")).await;
        assert!(
            html.contains("Your place is confirmed") || html.contains("confirmed"),
            "{html}"
        );
        // A link never sent is still not found.
        let unknown = app.browser().get("/confirm/not-a-link").await;
        assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    }
);

db_test!(
    issue_24_organiser_message_greets_once_with_the_join_link_and_links,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let course = api.course("Webinario", 2, "online").await;
        let meetings = json!([{"starts_at": "2030-06-01T10:00:00Z", "ends_at": "2030-06-01T12:00:00Z"}]);
        let session =
            crate::helpers::online_session(&api, &course, 1, "https://meet.example.org/sala-42", meetings).await;
        let session_id = session["id"].as_str().expect("id");
        crate::helpers::seated(&app, session_id, "Ana", "ana@example.org", Language::Fr).await;
        // Leo waits: the session is full.
        let (status, body) = app
            .anonymous_api()
            .post(
                &format!("/api/v1/sessions/{session_id}/registrations"),
                &registrant("Leo", "leo@example.org"),
            )
            .await;
        assert!(status.is_success(), "{body}");
        app.browser()
            .confirm(&confirm_path(&app, "leo@example.org").await)
            .await;
        let organiser = app.user("marta@staff.example.org", &[Role::Organiser]).await;
        let record = aula_storage::sessions::get(&app.db, session_id.parse().expect("uuid"))
            .await
            .expect("session");
        let queued = aula_app::messages::broadcast(
            &app.app(),
            &organiser,
            &aula_storage::Actor::system("test"),
            &record,
            &aula_app::messages::Broadcast {
                audience: aula_domain::registration::Audience::All,
                subject: "Cambio",
                body: "Hola:\n\nEl enlace cambia. Dudas a info@example.org o en https://aula.example.org/ayuda.",
                sending: None,
            },
        )
        .await
        .expect("broadcast");
        assert_eq!(queued, 2);
        let received = app.smtp.wait_for(4, std::time::Duration::from_secs(10)).await;
        let to = |who: &str| {
            received
                .iter()
                .rev()
                .find(|m| m.to == vec![who.to_owned()] && m.header("Subject").as_deref() == Some("Cambio"))
                .map(|m| m.data.replace("=\r\n", "").replace("=3D", "="))
                .expect("the message")
        };
        let ana = to("ana@example.org");
        // Greeted once, in her language.
        assert!(ana.contains("Bonjour Ana Ruiz"), "{ana}");
        assert!(!ana.contains("Hola:"), "{ana}");
        // Her seat's join link, and the addresses as links in the HTML part.
        assert!(ana.contains("https://meet.example.org/sala-42"), "{ana}");
        assert!(ana.contains("href=\"mailto:info@example.org\""), "{ana}");
        assert!(ana.contains("href=\"https://aula.example.org/ayuda\""), "{ana}");
        // Leo waits for a seat: no join link.
        let leo = to("leo@example.org");
        assert!(!leo.contains("sala-42"), "{leo}");
    }
);

db_test!(
    issue_24_roll_call_refuses_marks_before_the_meeting,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (course_id, session_id) = course_and_session(&app, &api).await;
        let (_, session) = api.get(&format!("/api/v1/sessions/{session_id}")).await;
        let meetings = crate::helpers::meeting_ids(&session);
        let eva = crate::helpers::seated(&app, &session_id, "Eva", "eva@example.org", Language::En).await;
        // The page says when the roll call opens, and offers no form.
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/meetings/{}/roll-call?lang=en", meetings[0]);
        let html = browser.get_html(&page).await;
        assert!(
            html.contains("This meeting has not started yet") && html.contains("12 March 2030"),
            "{html}"
        );
        assert!(!html.contains("form class=\"form roll-call\""), "{html}");
        // A form posted anyway changes nothing.
        let response = browser
            .post_form(
                "/me",
                &format!("/staff/meetings/{}/roll-call", meetings[0]),
                &[(&format!("status.{}", eva.id), "present")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        // The API refuses the same, with the reason.
        let (status, body) = api
            .put_marks(&meetings[0], &json!([{"registration_id": eva.id, "status": "present"}]))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert!(
            body["message"].as_str().is_some_and(|m| m.contains("not started")),
            "{body}"
        );
        // When it opens is said in words, at the session's place, not as
        // RFC 3339 text (session 27's attack round).
        let (_, body) = api
            .put(
                &format!("/api/v1/meetings/{}/attendance?lang=en", meetings[0]),
                &json!([{"registration_id": eva.id, "status": "present"}]),
            )
            .await;
        let message = body["message"].as_str().expect("message");
        assert!(
            message.contains("12 March 2030, ") && !message.contains("2030-03-12T"),
            "{message}"
        );
        let (_, matrix) = api.get(&format!("/api/v1/sessions/{session_id}/attendance")).await;
        assert_eq!(matrix["rows"][0]["attended_minutes"], 0, "{matrix}");
        // Within the hour before the start, marks are taken.
        let soon = chrono::Utc::now() + chrono::Duration::minutes(30);
        let session = api
            .created(
                "/api/v1/sessions",
                &json!({"course_id": course_id, "capacity": 5, "status": "open",
                        "venue": {"name": "Sede", "city": "León", "region_id": app.region("ES-CL").await},
                        "meetings": [{"starts_at": soon.to_rfc3339(), "ends_at": (soon + chrono::Duration::hours(2)).to_rfc3339()}]}),
            )
            .await;
        let leo = crate::helpers::seated(
            &app,
            session["id"].as_str().expect("id"),
            "Leo",
            "leo@example.org",
            Language::En,
        )
        .await;
        let meeting = crate::helpers::meeting_ids(&session).remove(0);
        let (status, body) = api
            .put_marks(&meeting, &json!([{"registration_id": leo.id, "status": "present"}]))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
);

db_test!(
    issue_24_check_in_says_when_it_opens_projects_clean_and_has_a_short_address,
    |app: TestApp| async move {
        let (_, meetings, _) = crate::check_in::meeting_now(&app).await;
        let trainer = app.signed_in(&[Role::Organiser]).await;
        // Not open yet: the screen says when it opens, and so does a phone.
        let later = trainer
            .get_html(&format!("/staff/meetings/{}/check-in?lang=en", meetings[1]))
            .await;
        assert!(later.contains("Check-in for this meeting opens on"), "{later}");
        let code = crate::check_in::code_now(&app, meetings[1], 0);
        let phone = app
            .browser()
            .get_html(&format!("/check-in/{}/{code}?lang=en", meetings[1]))
            .await;
        assert!(phone.contains("Check-in for this meeting opens on"), "{phone}");
        // Open: a short address to type the code at, and a view to project.
        let screen = trainer
            .get_html(&format!("/staff/meetings/{}/check-in?lang=en", meetings[0]))
            .await;
        let host = app.base.split_once("://").expect("scheme").1;
        assert!(
            screen.contains(&format!("Go to {host}/in and type the code")),
            "{screen}"
        );
        let full = format!("/staff/meetings/{}/check-in/screen", meetings[0]);
        assert!(screen.contains(&format!("href=\"{full}\"")), "{screen}");
        let projected = trainer.get_html(&format!("{full}?lang=en")).await;
        assert!(
            !projected.contains("site-nav") && !projected.contains("site-header"),
            "{projected}"
        );
        assert!(
            projected.contains("<svg") && projected.contains(&format!("{host}/in")),
            "{projected}"
        );
        // The short address takes the code alone to its meeting.
        let code = crate::check_in::code_now(&app, meetings[0], 0);
        let typed = app.browser().get(&format!("/in?code={}", code.to_lowercase())).await;
        assert_eq!(typed.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            typed.headers()["location"],
            format!("/check-in/{}/{code}", meetings[0]).as_str()
        );
        let wrong = app.browser().get("/in?code=NOTACODE&lang=en").await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.browser().get("/in").await.status(), StatusCode::OK);
    }
);

db_test!(
    issue_24_completion_says_not_yet_recorded_before_any_mark,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        crate::helpers::seated(&app, &session_id, "Eva", "eva@example.org", Language::En).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let html = browser
            .get_html(&format!("/staff/sessions/{session_id}/attendance?lang=en"))
            .await;
        assert!(html.contains("Not yet recorded"), "{html}");
        assert!(!html.contains("No longer possible"), "{html}");
    }
);

db_test!(
    issue_24_the_personal_link_opened_once_makes_check_in_one_tap,
    |app: TestApp| async move {
        let (_, meetings, manage) = crate::check_in::meeting_now(&app).await;
        // The registration's page tells the phone keeps it.
        let phone = app.browser();
        let page = phone.get_html(&format!("{manage}?lang=en")).await;
        assert!(page.contains("This phone now keeps this page"), "{page}");
        // Then a scan is one tap: no code asked by e-mail.
        let code = crate::check_in::code_now(&app, meetings[0], 0);
        let scan = format!("/check-in/{}/{code}?lang=en", meetings[0]);
        let html = phone.get_html(&scan).await;
        assert!(
            html.contains("Check in as Inés Ruiz") && !html.contains("Send me a code"),
            "{html}"
        );
        let done = phone.submit(&scan, &[]).await;
        crate::helpers::answers(done, StatusCode::OK, "you are checked in").await;
        // (The reminder asks for it, for sessions in a room: the mail snapshots.)
    }
);

// Session 29's attack round: after the organisers cancelled a session, the
// registration's page still said "Confirmed" and that the phone would check
// in at each meeting, the waitlisted one's "number 1 in line", and "My
// trainings" the same; a waitlisted person was told cancelling would give
// their seat to the next person waiting.
db_test!(
    session_29_a_cancelled_session_says_so_on_the_personal_pages,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        api.patch_session(&session_id, &json!({"capacity": 1})).await;
        let seated =
            crate::helpers::seated(&app, &session_id, "Ana", "ana@example.org", aula_domain::Language::En).await;
        let waiting =
            crate::helpers::seated(&app, &session_id, "Ben", "ben@example.org", aula_domain::Language::En).await;
        assert_eq!(waiting.status.as_str(), "waitlisted");
        let page = format!("{}?lang=en", app.mail.manage_path(waiting.id));
        let html = app.browser().get_html(&page).await;
        assert!(
            html.contains("If you no longer wish to come, cancel your registration."),
            "{html}"
        );
        assert!(!html.contains("your seat goes to"), "{html}");

        let (status, body) = api.patch_session(&session_id, &json!({"status": "cancelled"})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        for registration in [&seated, &waiting] {
            let page = format!("{}?lang=en", app.mail.manage_path(registration.id));
            let html = app.browser().get_html(&page).await;
            assert!(html.contains("Session cancelled"), "{html}");
            assert!(html.contains("The organisers cancelled this session"), "{html}");
            for stale in ["in line", "scanning the trainer", "calendar.ics", "/cancel\""] {
                assert!(!html.contains(stale), "{stale}: {html}");
            }
        }
        let me = crate::helpers::me_browser(&app, "ana@example.org").await;
        let html = me.get_html("/me?lang=en").await;
        assert!(html.contains("Session cancelled"), "{html}");
        assert!(!html.contains(">Confirmed<"), "{html}");
    }
);

// Session 30: "my trainings", the personal link's page and the
// confirmation page did not say whose they were. A person is one
// organisation's (issue 17), and an address two organisations know signs in
// to two pages: each now carries its organisation's name, as its public
// pages do.
db_test!(
    session_30_a_persons_own_pages_name_their_organisation,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let first = aula_storage::organisations::first(&app.db).await.expect("organisation");
        let (b_org, _, b) = crate::organisations::organisation_with_organiser(&app, "ville-b", "Ville B").await;
        let (_, b_session) = course_and_session(&app, &b).await;
        let ana = crate::helpers::seated(&app, &session_id, "Ana", "ana@example.org", Language::En).await;
        let b_ana = crate::helpers::person_in(&app, b_org, "Ana", "ana@example.org", Language::En).await;
        crate::helpers::place(&app, &b_session, b_ana.id).await;
        let bar = |name: &str| format!("<span class=\"org-name\">{name}</span>");

        let browser = app.browser();
        let response = browser
            .post_form("/me?lang=en", "/me/sign-in", &[("email", "ana@example.org")])
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let links: Vec<String> = crate::helpers::queued(&app, "sign_in_link", Some("ana@example.org"))
            .await
            .iter()
            .map(|d| d["path"].as_str().expect("path").to_owned())
            .collect();
        assert_eq!(links.len(), 2, "one link for each organisation's Ana");
        let mut named = Vec::new();
        for link in links {
            let browser = app.browser();
            let response = browser.submit(&link, &[]).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
            let page = browser.get_html("/me?lang=en").await;
            for name in [first.name.as_str(), "Ville B"] {
                if page.contains(&bar(name)) {
                    named.push(name.to_owned());
                }
            }
            let details = browser.get_html("/me/details?lang=en").await;
            assert!(details.contains(&bar(named.last().expect("named"))), "{details}");
        }
        named.sort();
        let mut expected = vec![first.name.clone(), "Ville B".to_owned()];
        expected.sort();
        assert_eq!(named, expected, "each page names its own organisation");

        let page = app.browser().get_html(&app.mail.manage_path(ana.id)).await;
        assert!(
            page.contains(&bar(&first.name)) && !page.contains(&bar("Ville B")),
            "{page}"
        );
    }
);
