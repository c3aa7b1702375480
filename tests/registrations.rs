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
