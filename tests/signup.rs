//! Registering: the public form and API, the confirmation link, seats and
//! the waiting list under concurrency, cancellation and promotion, "my
//! trainings", and the organiser's tools. Issue 4.

use std::time::Duration;

use aula_domain::{Language, MailKind, RegistrationStatus, Role};
use aula_storage::entities::{outbox, registration};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{Api, TestApp, attachment, course_and_session, db_test, mail_to, registrant};

/// The path of the confirmation link in the last request e-mail queued for `email`.
pub(crate) async fn confirm_path(app: &TestApp, email: &str) -> String {
    crate::helpers::mailed(app, "registration_requested", &email.to_lowercase(), "confirm_path").await
}

async fn with_capacity(api: &Api, session_id: &str, capacity: u32) {
    let (status, body) = api.patch_session(session_id, &json!({"capacity": capacity})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn count(app: &TestApp, session: Uuid, status: RegistrationStatus) -> u64 {
    registration::Entity::find()
        .filter(registration::Column::SessionId.eq(session))
        .filter(registration::Column::Status.eq(status.as_str()))
        .count(&app.db)
        .await
        .expect("count")
}

fn link_in(text: &str, prefix: &str) -> String {
    let start = text.find(prefix).unwrap_or_else(|| panic!("{prefix} in {text}"));
    let rest = &text[start..];
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .unwrap_or(rest.len());
    rest[..end].to_owned()
}

/// The plain-text part of a received message, decoded (soft line breaks,
/// and the `=` of a link's query).
fn text_of(raw: &str) -> String {
    raw.replace("=\r\n", "").replace("=3D", "=")
}

db_test!(
    register_confirm_cancel_and_promote_end_to_end,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        with_capacity(&api, &session_id, 1).await;
        let anonymous = app.anonymous_api();

        // Ana registers from the form; Luis from the API.
        let browser = app.browser();
        let page = format!("/sessions/{session_id}?lang=es");
        let response = browser
            .post_form(
                &page,
                &format!("/sessions/{session_id}/register"),
                &[
                    ("given_name", "Ana"),
                    ("family_name", "Pérez"),
                    ("email", "Ana.Perez@Example.org"),
                    ("audience", "union_delegate"),
                    ("language", "es"),
                    ("consent", "on"),
                    ("website", ""),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let body = anonymous
            .created(
                &format!("/api/v1/sessions/{session_id}/registrations"),
                &registrant("Luis", "luis@example.org"),
            )
            .await;
        assert_eq!(body["status"], "pending");

        // The confirmation e-mail, through the SMTP server, carries the link.
        let received = app.smtp.wait_for(2, Duration::from_secs(10)).await;
        let ana_mail = received
            .iter()
            .find(|m| m.to.contains(&"ana.perez@example.org".to_owned()))
            .expect("Ana's e-mail");
        let link = link_in(&text_of(&ana_mail.data), &format!("{}/confirm/", app.base));
        let html = browser.confirm_html(&link.replacen(&app.base, "", 1)).await;
        assert!(html.contains("Su plaza está confirmada"), "{html}");
        // Following it twice changes nothing.
        let again = browser.get_html(&link.replacen(&app.base, "", 1)).await;
        assert!(again.contains("Su plaza está confirmada"), "{again}");

        let luis_link = confirm_path(&app, "luis@example.org").await;
        let html = app.browser().confirm_html(&format!("{luis_link}?lang=es")).await;
        assert!(html.contains("lista de espera") && html.contains("puesto 1"), "{html}");

        // Confirmed: an e-mail with the calendar invitation.
        let received = app.smtp.wait_for(4, Duration::from_secs(10)).await;
        let confirmed = mail_to(&received, "ana.perez@example.org", "confirmada").expect("confirmation");
        let invite = attachment(&confirmed.data, "invite.ics").expect("invitation");
        assert!(invite.contains("METHOD:REQUEST"), "{invite}");
        assert!(
            mail_to(&received, "luis@example.org", "espera").is_some(),
            "Luis is told he waits"
        );

        // Ana cancels by the personal link in her e-mail; Luis gets her seat.
        let manage = link_in(&text_of(&confirmed.data), &format!("{}/r/", app.base)).replacen(&app.base, "", 1);
        // It opens in her language, whatever her browser's (session 23).
        let (manage, lang) = manage.split_once('?').expect("a query");
        assert_eq!(lang, "lang=es");
        let manage = manage.to_owned();
        let page_html = browser.get_html(&manage).await;
        assert!(page_html.contains("Cancelar mi inscripción"), "{page_html}");
        let step = format!("{manage}/cancel");
        let response = browser.submit(&step, &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let received = app.smtp.wait_for(6, Duration::from_secs(10)).await;
        let cancelled = mail_to(&received, "ana.perez@example.org", "cancelada").expect("cancellation e-mail");
        let cancel = attachment(&cancelled.data, "invite.ics").expect("calendar cancellation");
        assert!(cancel.contains("METHOD:CANCEL"), "{cancel}");
        let promoted = mail_to(&received, "luis@example.org", "confirmada").expect("promotion e-mail");
        assert!(text_of(&promoted.data).contains("se ha liberado una plaza"));
        let session: Uuid = session_id.parse().expect("uuid");
        assert_eq!(count(&app, session, RegistrationStatus::Confirmed).await, 1);
        assert_eq!(count(&app, session, RegistrationStatus::Waitlisted).await, 0);
        // The form posted again (session 29's attack round: it said an
        // e-mail was on its way, and none was) says it was already done.
        let again = browser.post_form("/me", &step, &[]).await;
        assert_eq!(again.status(), StatusCode::SEE_OTHER);
        let page_html = browser.get_html(&manage).await;
        assert!(page_html.contains("Esta inscripción ya está cancelada."), "{page_html}");
        assert!(!page_html.contains("Le hemos enviado un correo"), "{page_html}");
    }
);

db_test!(
    five_hundred_concurrent_registrations_for_twenty_seats,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let session: Uuid = session_id.parse().expect("uuid");
        let app = std::sync::Arc::new(app);
        let mut tasks = Vec::new();
        for n in 0..500 {
            let app = app.clone();
            let session_id = session_id.clone();
            tasks.push(tokio::spawn(async move {
                let email = format!("p{n}@example.org");
                let (status, body) = app
                    .anonymous_api()
                    .post(
                        &format!("/api/v1/sessions/{session_id}/registrations"),
                        &registrant(&format!("P{n}"), &email),
                    )
                    .await;
                assert_eq!(status, StatusCode::CREATED, "{body}");
                let path = confirm_path(&app, &email).await;
                let response = app.browser().confirm(&path).await;
                assert_eq!(response.status(), StatusCode::OK);
            }));
        }
        for task in tasks {
            task.await.expect("task");
        }
        assert_eq!(count(&app, session, RegistrationStatus::Confirmed).await, 20);
        assert_eq!(count(&app, session, RegistrationStatus::Waitlisted).await, 480);
        let waiting = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(session))
            .filter(registration::Column::Status.eq("waitlisted"))
            .all(&app.db)
            .await
            .expect("rows");
        let mut tickets: Vec<i64> = waiting.iter().filter_map(|r| r.waitlist_ticket).collect();
        tickets.sort_unstable();
        tickets.dedup();
        assert_eq!(tickets.len(), 480, "distinct positions");
        let record = aula_storage::sessions::get(&app.db, session).await.expect("session");
        assert_eq!(record.session.seats_taken, 20);

        // Cancelling 5 confirmed promotes the first 5 waiting, in order.
        let mut first_five: Vec<_> = waiting.clone();
        first_five.sort_by_key(|r| r.waitlist_ticket);
        let first_five: Vec<Uuid> = first_five.iter().take(5).map(|r| r.id).collect();
        let confirmed = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(session))
            .filter(registration::Column::Status.eq("confirmed"))
            .all(&app.db)
            .await
            .expect("rows");
        for r in confirmed.iter().take(5) {
            let body = api
                .post_ok(
                    &format!("/api/v1/registrations/{}/cancel", r.id),
                    &json!({"reason": "baja"}),
                )
                .await;
            assert_eq!(body["promoted"].as_array().map(Vec::len), Some(1));
        }
        for id in &first_five {
            let r = aula_storage::registrations::get(&app.db, *id).await.expect("row");
            assert_eq!(r.status, RegistrationStatus::Confirmed);
        }
        assert_eq!(count(&app, session, RegistrationStatus::Confirmed).await, 20);
        assert_eq!(count(&app, session, RegistrationStatus::Waitlisted).await, 475);
        let promotions = outbox::Entity::find()
            .filter(outbox::Column::Kind.eq("registration_confirmed"))
            .all(&app.db)
            .await
            .expect("outbox")
            .into_iter()
            .filter(|m| m.data.contains("\"promoted\":true"))
            .count();
        assert_eq!(promotions, 5);
    }
);

db_test!(
    the_same_person_registering_twice_at_once_holds_one_registration,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let app = std::sync::Arc::new(app);
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let app = app.clone();
            let session_id = session_id.clone();
            tasks.push(tokio::spawn(async move {
                app.anonymous_api()
                    .post(
                        &format!("/api/v1/sessions/{session_id}/registrations"),
                        &registrant("Eva", "eva@example.org"),
                    )
                    .await
                    .0
            }));
        }
        for task in tasks {
            assert_eq!(task.await.expect("task"), StatusCode::CREATED);
        }
        let session: Uuid = session_id.parse().expect("uuid");
        let rows = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(session))
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(rows, 1);
    }
);

db_test!(
    public_answers_do_not_tell_who_is_registered,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let anonymous = app.anonymous_api();
        let path = format!("/api/v1/sessions/{session_id}/registrations");
        let (_, first) = anonymous.post(&path, &registrant("Eva", "eva@example.org")).await;
        let confirm = confirm_path(&app, "eva@example.org").await;
        app.browser().confirm(&confirm).await;
        let second = anonymous.created(&path, &registrant("Eva", "EVA@example.org")).await;
        assert_eq!(first["status"], second["status"]);
        let kinds: Vec<MailKind> = outbox::Entity::find()
            .filter(outbox::Column::Recipient.eq("eva@example.org"))
            .all(&app.db)
            .await
            .expect("outbox")
            .into_iter()
            .map(|m| m.kind)
            .collect();
        assert!(kinds.contains(&MailKind::AlreadyRegistered), "{kinds:?}");
    }
);

db_test!(bad_registrations_change_nothing, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    let anonymous = app.anonymous_api();
    let path = format!("/api/v1/sessions/{session_id}/registrations");
    let cases = [
        (
            json!({"given_name": "   ", "family_name": "X", "email": "x@example.org", "audience": "other", "consent": true}),
            "given_name",
        ),
        (
            json!({"given_name": "A\u{7}", "family_name": "X", "email": "x@example.org", "audience": "other", "consent": true}),
            "given_name",
        ),
        (
            json!({"given_name": "A", "family_name": "X", "email": "x@localhost", "audience": "other", "consent": true}),
            "email",
        ),
        (
            json!({"given_name": "A", "family_name": "X".repeat(101), "email": "x@example.org", "audience": "other", "consent": true}),
            "family_name",
        ),
        (
            json!({"given_name": "A", "family_name": "X", "email": "x@example.org", "audience": "other", "consent": false}),
            "consent",
        ),
        (
            json!({"given_name": "A", "family_name": "X", "email": "x@example.org", "audience": "alien", "consent": true}),
            "audience",
        ),
        (
            json!({"given_name": "A", "family_name": "X", "email": "x@example.org", "audience": "other", "phone": "call me", "consent": true}),
            "phone",
        ),
    ];
    for (body, field) in cases {
        let (status, answer) = anonymous.post(&path, &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
        assert!(answer["fields"][field].is_array(), "{field}: {answer}");
    }
    // Unknown and closed sessions.
    let (status, _) = anonymous
        .post(
            &format!("/api/v1/sessions/{}/registrations", Uuid::now_v7()),
            &registrant("A", "a@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = api.patch_session(&session_id, &json!({"status": "closed"})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, answer) = anonymous.post(&path, &registrant("A", "a@example.org")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    let registrations = registration::Entity::find().count(&app.db).await.expect("count");
    assert_eq!(registrations, 0);

    // The form: messages beside the fields, in the form's language; the honeypot.
    let (status, _) = api.patch_session(&session_id, &json!({"status": "open"})).await;
    assert_eq!(status, StatusCode::OK);
    let browser = app.browser();
    let page = format!("/sessions/{session_id}?lang=fr");
    let response = browser
        .post_form(
            &page,
            &format!("/sessions/{session_id}/register"),
            &[
                ("given_name", " "),
                ("family_name", "Dupont"),
                ("email", "pas-un-email"),
                ("audience", "other"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("text");
    assert!(
        html.contains("aria-invalid=\"true\"") && html.contains("notice de confidentialité"),
        "{html}"
    );
    let response = browser
        .post_form(
            &page,
            &format!("/sessions/{session_id}/register"),
            &[
                ("given_name", "Robot"),
                ("family_name", "Spam"),
                ("email", "robot@example.org"),
                ("audience", "other"),
                ("consent", "on"),
                ("website", "http://spam.example"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(registration::Entity::find().count(&app.db).await.expect("count"), 0);
});

#[tokio::test]
async fn registration_is_rate_limited_per_email() {
    let app = TestApp::sqlite_with_limits().await;
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    let anonymous = app.anonymous_api();
    let path = format!("/api/v1/sessions/{session_id}/registrations");
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(anonymous.post(&path, &registrant("Eva", "eva@example.org")).await.0);
    }
    assert_eq!(statuses[0], StatusCode::CREATED);
    assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS));
    let (status, body) = anonymous.post(&path, &registrant("Eva", "eva@example.org")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
}

db_test!(my_trainings_by_an_emailed_link, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    let anonymous = app.anonymous_api();
    anonymous
        .post(
            &format!("/api/v1/sessions/{session_id}/registrations"),
            &registrant("Eva", "eva@example.org"),
        )
        .await;
    let confirm = confirm_path(&app, "eva@example.org").await;
    app.browser().confirm(&confirm).await;

    let browser = app.browser();
    let response = browser
        .post_form("/me?lang=en", "/me/sign-in", &[("email", "eva@example.org")])
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    // An unknown address gets the same answer, and no e-mail.
    let unknown = browser
        .post_form("/me?lang=en", "/me/sign-in", &[("email", "nobody@example.org")])
        .await;
    assert_eq!(unknown.status(), StatusCode::OK);
    let links = crate::helpers::queued(&app, "sign_in_link", None).await;
    assert_eq!(links.len(), 1);
    let link = links[0]["path"].as_str().expect("path").to_owned();
    let page = browser.get_html(&link).await;
    assert!(page.contains("Open my trainings"), "{page}");
    let response = browser.submit(&link, &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mine = browser.get_html("/me").await;
    assert!(
        mine.contains("Igualdad de trato") && mine.contains("Confirmed"),
        "{mine}"
    );
    // Single use.
    let again = app.browser().submit(&link, &[]).await;
    assert_eq!(again.status(), StatusCode::GONE);
    // Their data, and a correction.
    let data = browser.get("/me/data.json").await;
    assert_eq!(data.status(), StatusCode::OK);
    let json: serde_json::Value = data.json().await.expect("json");
    assert_eq!(json["person"]["email"], "eva@example.org");
    let response = browser
        .submit(
            "/me/details",
            &[
                ("given_name", "Eva María"),
                ("family_name", "García"),
                ("audience", "mediator"),
                ("language", "fr"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let person = aula_storage::people::find_by_email(
        &app.db,
        app.org().await,
        &aula_domain::Email::parse("eva@example.org").expect("e"),
    )
    .await
    .expect("query")
    .expect("person");
    assert_eq!(person.given_name, "Eva María");
    // Cancelling from "my trainings".
    let registration = registration::Entity::find()
        .one(&app.db)
        .await
        .expect("q")
        .expect("row");
    let response = browser
        .post_form("/me", &format!("/me/registrations/{}/cancel", registration.id), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let registration = aula_storage::registrations::get(&app.db, registration.id)
        .await
        .expect("row");
    assert_eq!(registration.status, RegistrationStatus::Cancelled);
});

db_test!(organisers_add_move_and_resize, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    let session: Uuid = session_id.parse().expect("uuid");
    // Entered by hand without e-mail confirmation: seated at once.
    let (status, _) = api
        .patch_session(&session_id, &json!({"capacity": 2, "confirm_organiser_entries": false}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut ids = Vec::new();
    for n in 0..4 {
        let body = api
            .created(
                &format!("/api/v1/sessions/{session_id}/registrations"),
                &registrant(&format!("P{n}"), &format!("p{n}@example.org")),
            )
            .await;
        ids.push(body["id"].as_str().expect("id").to_owned());
    }
    assert_eq!(count(&app, session, RegistrationStatus::Confirmed).await, 2);
    assert_eq!(count(&app, session, RegistrationStatus::Waitlisted).await, 2);
    // A waitlisted person cannot jump the queue without a seat.
    let (status, _) = api
        .post(
            &format!("/api/v1/registrations/{}/move", ids[3]),
            &json!({"status": "confirmed", "reason": "VIP"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Raising the capacity seats the first one waiting.
    let (status, _) = api.patch_session(&session_id, &json!({"capacity": 3})).await;
    assert_eq!(status, StatusCode::OK);
    let third = aula_storage::registrations::get(&app.db, ids[2].parse().expect("uuid"))
        .await
        .expect("row");
    assert_eq!(third.status, RegistrationStatus::Confirmed);
    // Lowering below the seats taken is refused.
    let (status, body) = api.patch_session(&session_id, &json!({"capacity": 1})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    // A move needs a reason, and is audited.
    let (status, _) = api
        .post(
            &format!("/api/v1/registrations/{}/move", ids[0]),
            &json!({"status": "cancelled", "reason": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    api.post_ok(
        &format!("/api/v1/registrations/{}/move", ids[0]),
        &json!({"status": "cancelled", "reason": "Duplicate with another session"}),
    )
    .await;
    let fourth = aula_storage::registrations::get(&app.db, ids[3].parse().expect("uuid"))
        .await
        .expect("row");
    assert_eq!(
        fourth.status,
        RegistrationStatus::Confirmed,
        "the seat went to the next person waiting"
    );
    let audited = aula_storage::entities::audit_entry::Entity::find()
        .filter(aula_storage::entities::audit_entry::Column::Action.eq("move"))
        .all(&app.db)
        .await
        .expect("audit");
    assert!(
        audited
            .iter()
            .any(|a| a.details.contains("Duplicate with another session"))
    );

    // The page: add by hand, CSV export.
    let browser = app.signed_in(&[Role::Organiser]).await;
    let page = format!("/staff/sessions/{session_id}/registrations?lang=en");
    let response = browser
        .post_form(
            &page,
            &format!("/staff/sessions/{session_id}/registrations/add"),
            &[
                ("given_name", "Hand"),
                ("family_name", "Made"),
                ("email", "hand@example.org"),
                ("audience", "other"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let csv = browser
        .get(&format!("/staff/sessions/{session_id}/registrations.csv?lang=en"))
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    let bytes = csv.bytes().await.expect("bytes");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("hand@example.org") && text.contains("Given name"),
        "{text}"
    );
});

db_test!(
    confirmation_links_expire_and_a_new_request_resends,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let anonymous = app.anonymous_api();
        let path = format!("/api/v1/sessions/{session_id}/registrations");
        anonymous.post(&path, &registrant("Eva", "eva@example.org")).await;
        let old = confirm_path(&app, "eva@example.org").await;
        // Two days later the link no longer works.
        use sea_orm::{ActiveModelTrait, Set};
        let row = registration::Entity::find()
            .one(&app.db)
            .await
            .expect("q")
            .expect("row");
        let mut model: registration::ActiveModel = row.into();
        model.confirm_expires_at = Set(Some(chrono::Utc::now() - chrono::Duration::minutes(1)));
        model.update(&app.db).await.expect("update");
        let response = app.browser().get(&old).await;
        assert_eq!(response.status(), StatusCode::GONE);
        // Asking again sends a new link, which works.
        anonymous.post(&path, &registrant("Eva", "eva@example.org")).await;
        let new = confirm_path(&app, "eva@example.org").await;
        assert_ne!(old, new);
        assert_eq!(app.browser().confirm(&new).await.status(), StatusCode::OK);
        let row = registration::Entity::find()
            .one(&app.db)
            .await
            .expect("q")
            .expect("row");
        assert_eq!(row.status, RegistrationStatus::Confirmed);
        let _ = Language::Es;
    }
);

/// The holder's person row as stored.
async fn person_named(app: &TestApp, email: &str) -> aula_storage::entities::person::Model {
    aula_storage::people::find_by_email(
        &app.db,
        app.org().await,
        &aula_domain::Email::parse(email).expect("email"),
    )
    .await
    .expect("query")
    .expect("person")
}

db_test!(
    issue_15_an_anonymous_request_does_not_rewrite_someone_else,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, first) = course_and_session(&app, &api).await;
        let (_, second) = course_and_session(&app, &api).await;
        let anonymous = app.anonymous_api();
        // Ana registers and confirms.
        let ana = anonymous
            .created(
                &format!("/api/v1/sessions/{first}/registrations"),
                &registrant("Ana", "ana@example.org"),
            )
            .await;
        let link = confirm_path(&app, "ana@example.org").await;
        assert_eq!(app.browser().confirm(&link).await.status(), StatusCode::OK);

        // Someone else types her address with another name, on another session.
        let mut forged = registrant("Mallory", "ANA@example.org");
        forged["family_name"] = json!("Forger");
        forged["employer"] = json!("Evil Corp");
        anonymous
            .created(&format!("/api/v1/sessions/{second}/registrations"), &forged)
            .await;
        let stored = person_named(&app, "ana@example.org").await;
        assert_eq!(
            (stored.given_name.as_str(), stored.family_name.as_str()),
            ("Ana", "García")
        );
        assert_eq!(stored.employer.as_deref(), Some("Ayuntamiento de León"));
        // Her confirmed registration still shows her name to the organiser.
        let (_, list) = api.get(&format!("/api/v1/sessions/{first}/registrations")).await;
        assert!(
            list.to_string().contains("Ana") && !list.to_string().contains("Mallory"),
            "{list}"
        );

        // Asking again for the session she holds: the same shape, not her registration's id.
        let again = anonymous
            .created(&format!("/api/v1/sessions/{first}/registrations"), &forged)
            .await;
        assert_ne!(again["id"], ana["id"], "the existing registration's id leaks");
        let keys = |v: &serde_json::Value| v.as_object().expect("object").keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&again), keys(&ana));
        assert_eq!(again["status"], "pending");

        // Opening the link of the forged request (a mail scanner) changes nothing,
        // and the page names who the confirmation would keep.
        let forged_link = confirm_path(&app, "ana@example.org").await;
        assert_ne!(forged_link, link);
        let page = app.browser().get_html(&forged_link).await;
        assert!(page.contains("Mallory Forger"), "{page}");
        let pending = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(second.parse::<Uuid>().expect("uuid")))
            .one(&app.db)
            .await
            .expect("query")
            .expect("row");
        assert_eq!(pending.status, RegistrationStatus::Pending);
        assert_eq!(person_named(&app, "ana@example.org").await.given_name, "Ana");
    }
);

db_test!(
    issue_15_the_owner_of_the_address_confirms_new_details,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, first) = course_and_session(&app, &api).await;
        let (_, second) = course_and_session(&app, &api).await;
        let anonymous = app.anonymous_api();
        anonymous
            .post(
                &format!("/api/v1/sessions/{first}/registrations"),
                &registrant("Ana", "ana@example.org"),
            )
            .await;
        let link = confirm_path(&app, "ana@example.org").await;
        app.browser().confirm(&link).await;
        // Ana herself, later, with her full name and a new employer.
        let mut corrected = registrant("Ana María", "ana@example.org");
        corrected["employer"] = json!("Diputación de León");
        anonymous
            .post(&format!("/api/v1/sessions/{second}/registrations"), &corrected)
            .await;
        assert_eq!(person_named(&app, "ana@example.org").await.given_name, "Ana");
        let link = confirm_path(&app, "ana@example.org").await;
        assert_eq!(app.browser().confirm(&link).await.status(), StatusCode::OK);
        let stored = person_named(&app, "ana@example.org").await;
        assert_eq!(stored.given_name, "Ana María");
        assert_eq!(stored.employer.as_deref(), Some("Diputación de León"));
        let row = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(second.parse::<Uuid>().expect("uuid")))
            .one(&app.db)
            .await
            .expect("query")
            .expect("row");
        assert_eq!(
            (row.status.as_str(), row.proposed_details.as_deref()),
            ("confirmed", None)
        );
    }
);

db_test!(
    issue_15_opening_the_confirmation_link_does_not_confirm,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session) = course_and_session(&app, &api).await;
        app.anonymous_api()
            .post(
                &format!("/api/v1/sessions/{session}/registrations"),
                &registrant("Eva", "eva@example.org"),
            )
            .await;
        let link = confirm_path(&app, "eva@example.org").await;
        // A mail scanner opens it, twice, and a HEAD too.
        let browser = app.browser();
        let page = browser.get_html(&link).await;
        assert!(page.contains("method=\"post\"") && page.contains(&link), "{page}");
        browser.get(&link).await;
        browser
            .client
            .head(format!("{}{link}", app.base))
            .send()
            .await
            .expect("HEAD");
        assert_eq!(
            count(&app, session.parse().expect("uuid"), RegistrationStatus::Pending).await,
            1
        );
        // Without the page's anti-forgery token, the POST is refused.
        let forged = app.browser().post_raw(&link, &[]).await;
        assert_ne!(forged.status(), StatusCode::OK);
        assert_eq!(
            count(&app, session.parse().expect("uuid"), RegistrationStatus::Pending).await,
            1
        );
        // The button confirms.
        let html = browser.confirm_html(&link).await;
        assert!(
            html.contains("Your place is confirmed") || html.contains("confirmada"),
            "{html}"
        );
        assert_eq!(
            count(&app, session.parse().expect("uuid"), RegistrationStatus::Confirmed).await,
            1
        );
    }
);

// Issue 20: an integration registering someone without a language got
// English e-mails for a Spanish course.
db_test!(
    issue_20_an_api_registration_without_a_language_reads_the_courses,
    |app: TestApp| async move {
        let organiser = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &organiser).await;
        let path = format!("/api/v1/sessions/{session_id}/registrations");
        let mut public = registrant("Rosa", "rosa@example.org");
        public.as_object_mut().expect("object").remove("language");
        app.anonymous_api().created(&path, &public).await;
        let mut entered = registrant("Iker", "iker@example.org");
        entered.as_object_mut().expect("object").remove("language");
        organiser.created(&path, &entered).await;
        // Said in the body, the person's language wins.
        let mut french = registrant("Claire", "claire@example.org");
        french["language"] = json!("fr");
        app.anonymous_api().created(&path, &french).await;

        for (email, language) in [
            ("rosa@example.org", Language::Es),
            ("iker@example.org", Language::Es),
            ("claire@example.org", Language::Fr),
        ] {
            let messages = outbox::Entity::find()
                .filter(outbox::Column::Recipient.eq(email))
                .all(&app.db)
                .await
                .expect("outbox");
            assert!(!messages.is_empty(), "a message to {email}");
            assert!(messages.iter().all(|m| m.language == language), "{email}: {messages:?}");
        }
    }
);

// Found by walking the pages on a phone (session 23): the registration
// form said nothing of what its fields are (WCAG 1.3.5), so a phone typed
// everything by hand; an organiser's form entering someone else must not
// be filled in with the organiser's own details.
crate::helpers::db_test!(
    issue_23_the_public_form_lets_the_browser_fill_in_the_person,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session) = crate::helpers::course_and_session(&app, &api).await;
        let public = app.browser().get_html(&format!("/sessions/{session}")).await;
        for token in [
            "given-name",
            "family-name",
            "email",
            "tel",
            "organization",
            "organization-title",
        ] {
            assert!(public.contains(&format!("autocomplete=\"{token}\"")), "{token}");
        }
        let browser = app.signed_in(&[Role::Organiser]).await;
        let staff = browser
            .get_html(&format!("/staff/sessions/{session}/registrations"))
            .await;
        assert!(staff.contains("name=\"given_name\""), "the organiser's form is there");
        assert!(!staff.contains("autocomplete=\"given-name\""));
    }
);

// Session 25's review: a confirmation link opened after its session was
// cancelled took a seat in it (with an invitation and a reminder), and a
// place given up in a cancelled session went to the first person waiting,
// who was mailed "a seat has become free" for a session that will not be
// held. Nothing is seated in a cancelled session any more, by any door.
db_test!(nobody_is_seated_in_a_cancelled_session, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    with_capacity(&api, &session_id, 1).await;
    let anonymous = app.anonymous_api();
    let mut ids = Vec::new();
    for (name, email) in [
        ("Ana", "ana@example.org"),
        ("Luis", "luis@example.org"),
        ("Rosa", "rosa@example.org"),
    ] {
        let body = anonymous
            .created(
                &format!("/api/v1/sessions/{session_id}/registrations"),
                &registrant(name, email),
            )
            .await;
        ids.push(body["id"].as_str().expect("id").parse::<Uuid>().expect("uuid"));
    }
    // Ana holds the seat, Luis waits; Rosa has not confirmed yet.
    for email in ["ana@example.org", "luis@example.org"] {
        let link = confirm_path(&app, email).await;
        app.browser().confirm_html(&link).await;
    }
    let rosa_link = confirm_path(&app, "rosa@example.org").await;
    let (status, body) = api.patch_session(&session_id, &json!({"status": "cancelled"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let session: Uuid = session_id.parse().expect("uuid");
    let placed = |email: &'static str| {
        let app = &app;
        async move {
            crate::helpers::queued(app, "registration_confirmed", Some(email))
                .await
                .len()
        }
    };
    assert_eq!(
        (placed("ana@example.org").await, placed("luis@example.org").await),
        (1, 0)
    );

    // Rosa's link: the page says why, and nothing changes.
    let browser = app.browser();
    let token = browser.csrf(&format!("{rosa_link}?lang=fr")).await;
    let response = browser
        .post_raw(&format!("{rosa_link}?lang=fr"), &[("csrf", token.as_str())])
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let html = response.text().await.expect("html");
    assert!(html.contains("Cette session a été annulée"), "{html}");
    assert_eq!(count(&app, session, RegistrationStatus::Pending).await, 1);
    assert_eq!(placed("rosa@example.org").await, 0);
    assert!(
        crate::helpers::queued(&app, "reminder", Some("rosa@example.org"))
            .await
            .is_empty()
    );

    // Ana's page offers no cancellation; the use case refuses one, and
    // an organiser's; Luis is not promoted, nor mailed.
    let page = app.browser().get_html(&app.mail.manage_path(ids[0])).await;
    assert!(!page.contains("/cancel\""), "{page}");
    let refused =
        aula_app::registrations::cancel(&app.app(), ids[0], None, aula_app::registrations::CancelledBy::Holder).await;
    assert!(matches!(refused, Err(aula_app::Error::Conflict(_))), "{refused:?}");
    let (status, body) = api
        .post(
            &format!("/api/v1/registrations/{}/cancel", ids[0]),
            &json!({"reason": "ill"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    // Nor may an organiser move Luis onto a seat there.
    let (status, body) = api
        .post(
            &format!("/api/v1/registrations/{}/move", ids[1]),
            &json!({"status": "confirmed", "reason": "a seat for Luis"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(count(&app, session, RegistrationStatus::Confirmed).await, 1);
    assert_eq!(count(&app, session, RegistrationStatus::Waitlisted).await, 1);
    assert_eq!(placed("luis@example.org").await, 0);

    // Nor does any other way a seat is freed (an erasure, a move) seat
    // anyone: the promotion itself refuses a cancelled session.
    let promoted = aula_storage::registrations::promote(&app.db, session)
        .await
        .expect("promote");
    assert!(promoted.is_empty(), "{promoted:?} in a cancelled session");
});
