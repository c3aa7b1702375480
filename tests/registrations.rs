//! A session's registrations as organisers and its trainers see them.

use aula_domain::{Language, Role};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{course_and_session, db_test};

db_test!(
    organisers_and_the_sessions_trainers_see_who_registered,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        // Capacity 20: the 21st and 22nd wait, in order.
        for n in 0..22 {
            crate::helpers::seated(
                &app,
                &session_id,
                &format!("Persona{n}"),
                &format!("p{n}@example.org"),
                Language::Es,
            )
            .await;
        }
        let all = api
            .get_ok(&format!("/api/v1/sessions/{session_id}/registrations?per_page=100"))
            .await;
        assert_eq!(all["total"], 22);
        let (_, waiting) = api
            .get(&format!(
                "/api/v1/sessions/{session_id}/registrations?status=waitlisted"
            ))
            .await;
        let positions: Vec<_> = waiting["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|r| r["waitlist_position"].clone())
            .collect();
        assert_eq!(positions, vec![json!(1), json!(2)]);
        assert_eq!(waiting["items"][0]["email"], "p20@example.org");
        let (_, session_out) = api.get(&format!("/api/v1/sessions/{session_id}")).await;
        assert_eq!(session_out["seats_left"], 0);
        let (status, _) = api
            .get(&format!("/api/v1/sessions/{session_id}/registrations?status=lost"))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

        // A trainer sees their own session's list, not another's.
        let trainer = app.user("formadora@example.org", &[Role::Trainer]).await;
        let (status, _) = api
            .patch_session(&session_id, &json!({"trainer_ids": [trainer.user.id]}))
            .await;
        assert_eq!(status, StatusCode::OK);
        let browser = app.browser();
        assert_eq!(
            browser
                .sign_in("formadora@example.org", crate::helpers::PASSWORD)
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let html = browser
            .get_html(&format!(
                "/staff/sessions/{session_id}/registrations?status=waitlisted&lang=en"
            ))
            .await;
        assert!(
            html.contains("Persona20") && html.contains("number 1 in line"),
            "{html}"
        );
        let other_trainer = app.api(&[Role::Trainer]).await;
        let (status, _) = other_trainer
            .get(&format!("/api/v1/sessions/{session_id}/registrations"))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app
            .anonymous_api()
            .get(&format!("/api/v1/sessions/{session_id}/registrations"))
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
);

// Issue 20: a person registered for two sessions whose meetings overlap is
// told on their page, and organisers see it on the registrations; meetings
// that only touch (one ends at 13:00, the next starts at 13:00) do not
// overlap, and a cancelled registration no longer does.
db_test!(
    issue_20_overlapping_registrations_are_shown_to_the_person_and_the_organiser,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let course = api.course("Mediación intercultural", 4, "in_person").await;
        let course = uuid::Uuid::parse_str(course["id"].as_str().expect("id")).expect("uuid");
        let region = app.region("ES-AN").await;
        let mut sessions = Vec::new();
        for (from, to) in [(9, 13), (12, 16), (13, 17)] {
            let (id, _) =
                crate::indicators::session(&api, course, 20, Some(("Sevilla", region)), &[("2030-06-03", from, to)])
                    .await;
            let (status, body) = api
                .patch_session(&id.to_string(), &json!({"confirm_organiser_entries": false}))
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            sessions.push(id);
        }
        let [morning, midday, afternoon] = sessions[..] else {
            panic!("three sessions")
        };
        let register = |session: uuid::Uuid, given: &'static str, email: &'static str| {
            let api = &api;
            async move {
                let body = api
                    .created(
                        &format!("/api/v1/sessions/{session}/registrations"),
                        &crate::helpers::registrant(given, email),
                    )
                    .await;
                body["id"].as_str().expect("id").to_owned()
            }
        };
        register(morning, "Ana", "ana@example.org").await;
        register(afternoon, "Ana", "ana@example.org").await;
        register(morning, "Ben", "ben@example.org").await;
        let ben_midday = register(midday, "Ben", "ben@example.org").await;

        let organiser = app.signed_in(&[Role::Organiser]).await;
        let html = organiser
            .get_html(&format!("/staff/sessions/{morning}/registrations?lang=en"))
            .await;
        let row = |name: &str| {
            let start = html
                .find(&format!("{name} García"))
                .unwrap_or_else(|| panic!("{name} in {html}"));
            let end = html[start..].find("</tr>").expect("row end") + start;
            html[start..end].to_owned()
        };
        assert!(
            row("Ben").contains(&format!("Overlaps with</span> <a href=\"/staff/sessions/{midday}\"")),
            "{}",
            row("Ben")
        );
        assert!(
            !row("Ana").contains("Overlaps with"),
            "touching meetings do not overlap: {}",
            row("Ana")
        );

        let ben = crate::helpers::me_browser(&app, "ben@example.org").await;
        let me = ben.get_html("/me?lang=en").await;
        assert!(me.contains("Its meetings overlap with another training"), "{me}");
        assert!(
            me.contains(&format!("<a href=\"/sessions/{midday}\">Mediación intercultural</a>")),
            "{me}"
        );
        let ana = crate::helpers::me_browser(&app, "ana@example.org").await;
        assert!(!ana.get_html("/me?lang=en").await.contains("overlap"));
        // Integrations read it on the registrations.
        let listed = api.get_ok(&format!("/api/v1/sessions/{morning}/registrations")).await;
        let overlaps =
            |given: &str| crate::helpers::item_where(&listed["items"], "given_name", given)["overlaps"].clone();
        assert_eq!(overlaps("Ana"), json!([]));
        assert_eq!(overlaps("Ben")[0]["session_id"], json!(midday.to_string()));
        assert_eq!(overlaps("Ben")[0]["title"], "Mediación intercultural");

        // Cancelled, it overlaps no more.
        let (status, body) = api
            .post(
                &format!("/api/v1/registrations/{ben_midday}/cancel"),
                &json!({"reason": "Elige la sesión de la mañana"}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let html = organiser
            .get_html(&format!("/staff/sessions/{morning}/registrations?lang=en"))
            .await;
        assert!(!html.contains("Overlaps with"), "{html}");
        assert!(!ben.get_html("/me?lang=en").await.contains("overlap"));
    }
);

// Issue 16's race round: two organisers cancelling the same registration at
// once both got 200, and the person two cancellation e-mails (the move read
// the status before the cancellation took its row).
db_test!(
    issue_16_a_registration_cancelled_twice_at_once_is_cancelled_once,
    |app: crate::helpers::TestApp| async move {
        use aula_storage::entities::outbox;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let ids = crate::helpers::seated_people(&app, &session_id, 6, "Doble", "x").await;
        let mut tasks = Vec::new();
        for id in &ids {
            for n in 0..3 {
                let api = crate::helpers::Api {
                    client: api.client.clone(),
                    base: api.base.clone(),
                    token: api.token.clone(),
                };
                let (path, body) = if n == 2 {
                    (
                        format!("/api/v1/registrations/{id}/cancel"),
                        json!({"reason": "Duplicada"}),
                    )
                } else {
                    (
                        format!("/api/v1/registrations/{id}/move"),
                        json!({"status": "cancelled", "reason": "Duplicada"}),
                    )
                };
                tasks.push(tokio::spawn(async move { api.post(&path, &body).await }));
            }
        }
        let mut done = 0;
        for task in tasks {
            let (status, body) = task.await.expect("task");
            match status {
                StatusCode::OK => done += 1,
                StatusCode::CONFLICT => {}
                other => panic!("{other}: {body}"),
            }
        }
        assert_eq!(done, ids.len(), "one cancellation each");
        let mails = outbox::Entity::find()
            .filter(outbox::Column::Kind.eq("registration_cancelled"))
            .all(&app.db)
            .await
            .expect("outbox");
        assert_eq!(mails.len(), ids.len(), "one e-mail each");
    }
);
