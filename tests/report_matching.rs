//! Who the people of an online meeting's participant report are (issue 18):
//! resolved by hand on the page and through the API, remembered for the
//! session's next report, imported again without changing anything, marked
//! partial below half the meeting, and what that does to completion and
//! certificates.

use aula_domain::Role;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::attendance::session_with;
use crate::attendance_import::{ZOOM, mark_count, marks_at, participant, upload, zoom_marks};
use crate::certificates::accredited_online_session;
use crate::helpers::{Browser, TestApp, db_test, hidden_mapping};

async fn audit_count(app: &TestApp, entity: &str) -> u64 {
    aula_storage::entities::audit_entry::Entity::find()
        .filter(aula_storage::entities::audit_entry::Column::Entity.eq(entity))
        .count(&app.db)
        .await
        .expect("count")
}

/// Uploads `file` for the meeting and opens its report page: (the report's
/// address, its HTML, the form's mapping).
async fn report_of(browser: &Browser, meeting: &str, file: &str) -> (String, String, Vec<(String, String)>) {
    let csrf = browser
        .csrf(&format!("/staff/meetings/{meeting}/attendance/import"))
        .await;
    let response = upload(browser, meeting, &csrf, "participants.csv", file.as_bytes()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let report = response.headers()["location"].to_str().expect("location").to_owned();
    let html = browser.get_html(&format!("{report}&lang=en")).await;
    let mapping = hidden_mapping(&html);
    (report, html, mapping)
}

/// Presses "Record the attendance" with the mapping and `choices`.
async fn record(browser: &Browser, report: &str, mapping: &[(String, String)], choices: &[(&str, &str)]) {
    let mut fields: Vec<(&str, &str)> = mapping.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    fields.extend_from_slice(choices);
    let commit = format!("{}/commit", report.split('?').next().expect("path"));
    let response = browser.post_form(report, &commit, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

db_test!(
    issue_18_a_trainer_resolves_a_guest_by_hand_on_the_page_and_it_is_remembered,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings, registrations) = session_with(&app, &api, "online", 2).await;
        let jose = participant(&app, &session_id, "José", "Pérez Gil", "jose.perez@example.org").await;
        let marta = participant(&app, &session_id, "Marta", "Sanz", "marta@example.org").await;
        crate::helpers::trainer_of(&app, &api, &session_id, "lucia@example.org").await;
        let browser = app.browser();
        browser.sign_in("lucia@example.org", crate::helpers::PASSWORD).await;

        let (report, html, mapping) = report_of(&browser, &meetings[0], ZOOM).await;
        // The guest's select offers only whom nobody else of the report is.
        let select = &html[html.find("name=\"match.visitor@example.com\"").expect("select")..];
        let select = &select[..select.find("</select>").expect("end")];
        assert!(select.contains(&format!("value=\"{marta}\"")), "{select}");
        assert!(
            !select.contains(&registrations[0]) && !select.contains(&jose),
            "{select}"
        );
        assert!(
            html.contains("Partial") || html.contains("partial"),
            "the page's help: {html}"
        );
        // Nothing is written by looking.
        assert_eq!(mark_count(&app).await, 0);

        // The guest was Marta, connected from another address: 60 of 300
        // minutes, below half the meeting.
        let guest_is_marta = [("match.visitor@example.com", marta.as_str())];
        record(&browser, &report, &mapping, &guest_is_marta).await;
        let matrix_path = format!("/api/v1/sessions/{session_id}/attendance");
        let (_, first) = api.get(&matrix_path).await;
        assert_eq!(
            marks_at(&first, &meetings[0]),
            zoom_marks(&registrations, &jose, [(marta.clone(), "partial".to_owned(), Some(60))])
        );
        let marks_audited = audit_count(&app, "attendance").await;
        assert_eq!(audit_count(&app, "report_alias").await, 1);

        // The same report again: the choice is remembered, and recording it
        // again changes nothing (no mark, no audit entry).
        let (report, html, mapping) = report_of(&browser, &meetings[0], ZOOM).await;
        assert!(html.contains("matched by an earlier choice"), "{html}");
        assert!(html.contains("No change (Partial, 60 min)"), "{html}");
        record(&browser, &report, &mapping, &guest_is_marta).await;
        assert_eq!(api.get(&matrix_path).await.1, first);
        assert_eq!(audit_count(&app, "attendance").await, marks_audited);
        assert_eq!(audit_count(&app, "report_alias").await, 1);

        // A corrected file for the same meeting: Marta stayed longer.
        let corrected = ZOOM.replace(
            "Unknown Guest,visitor@example.com,03/12/2026 09:00:00 AM,03/12/2026 10:00:00 AM,60,Yes",
            "Unknown Guest,visitor@example.com,03/12/2026 09:00:00 AM,03/12/2026 12:00:00 PM,180,Yes",
        );
        let (report, html, mapping) = report_of(&browser, &meetings[0], &corrected).await;
        assert!(html.contains("Partial, 60 min → Present, 180 min"), "{html}");
        record(&browser, &report, &mapping, &[]).await;
        let (_, second) = api.get(&matrix_path).await;
        assert!(
            marks_at(&second, &meetings[0]).contains(&(marta.clone(), "present".to_owned(), Some(180))),
            "{second}"
        );

        // The same choice serves the session's next meeting, not another session's.
        let (_, html, _) = report_of(&browser, &meetings[1], &corrected.replace("03/12/2026", "03/13/2026")).await;
        assert!(html.contains("matched by an earlier choice"), "{html}");
    }
);

db_test!(
    issue_18_the_api_takes_choices_remembers_them_and_never_attributes_a_guest,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings, _) = session_with(&app, &api, "online", 2).await;
        let marta = participant(&app, &session_id, "Marta", "Sanz", "marta@example.org").await;
        let (_, _, others) = session_with(&app, &api, "blended", 1).await;
        let trainer = crate::helpers::trainer_of(&app, &api, &session_id, "lucia@example.org").await;
        let path = format!("/api/v1/meetings/{}/attendance/import", meetings[0]);
        let post = |query: String| {
            let trainer = &trainer;
            let path = &path;
            async move { trainer.post_csv(&format!("{path}{query}"), ZOOM).await }
        };
        let unmatched = |answer: &Value| -> Vec<String> {
            answer["unmatched"]
                .as_array()
                .expect("unmatched")
                .iter()
                .map(|u| u["key"].as_str().expect("key").to_owned())
                .collect()
        };

        let matched_guest = |answer: &Value| -> Value {
            crate::helpers::item_where(&answer["matched"], "key", "visitor@example.com").clone()
        };

        // Without a choice, the guest stays unmatched; a dry run writes nothing.
        let (status, answer) = post(String::from("?dry_run=true")).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(unmatched(&answer), ["visitor@example.com", "perez gil jose"]);

        // A choice for a key the report does not have, or of someone of
        // another session, is refused and writes nothing.
        let (status, answer) = post(format!("?match.nobody%40example.com={marta}")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert!(answer["fields"]["match.nobody@example.com"].is_array(), "{answer}");
        let (status, answer) = post(format!("?match.visitor%40example.com={}", others[0])).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        let (status, _) = post(String::from("?match.visitor%40example.com=marta")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(mark_count(&app).await, 0);

        // By hand: recorded, partial (60 of 300 minutes).
        let (status, answer) = post(format!("?match.visitor%40example.com={marta}")).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        let guest = matched_guest(&answer);
        assert_eq!(
            (
                guest["matched_by"].clone(),
                guest["registration_id"].clone(),
                guest["minutes"].clone(),
                guest["status"].clone()
            ),
            (json!("by_hand"), json!(marta), json!(60), json!("partial"))
        );
        let applied = answer["applied"].as_u64().expect("applied");
        assert_eq!(applied, 3, "{answer}");

        // Next time, the same file without the choice: remembered, nothing changes.
        let (status, again) = post(String::new()).await;
        assert_eq!(status, StatusCode::OK, "{again}");
        assert_eq!(again["applied"], 0, "{again}");
        let guest = matched_guest(&again);
        assert_eq!(guest["matched_by"], "earlier_choice");

        // "Not one of them": the guest is listed again, never attributed,
        // and that too is remembered.
        let (status, answer) = post(String::from("?match.visitor%40example.com=none&dry_run=true")).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(unmatched(&answer), ["visitor@example.com", "perez gil jose"]);
        // A dry run remembers nothing.
        let (_, answer) = post(String::from("?dry_run=true")).await;
        assert!(
            !unmatched(&answer).contains(&String::from("visitor@example.com")),
            "{answer}"
        );
        let (status, _) = post(String::from("?match.visitor%40example.com=none")).await;
        assert_eq!(status, StatusCode::OK);
        let (_, answer) = post(String::from("?dry_run=true")).await;
        assert!(
            unmatched(&answer).contains(&String::from("visitor@example.com")),
            "{answer}"
        );
        assert_eq!(answer["unmatched"][0]["matched_by"], "earlier_choice", "{answer}");
    }
);

db_test!(
    issue_18_completion_and_eligibility_follow_an_imported_report,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings, ids) = accredited_online_session(&app, &api, 2).await;
        // Two full meetings each: 600 of the 720 minutes completion needs.
        for meeting in &meetings[..2] {
            let marks: Vec<_> = ids
                .iter()
                .map(|r| json!({"registration_id": r, "status": "present", "minutes": 300}))
                .collect();
            let (status, body) = api.put_marks(meeting, &json!(marks)).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        let completed = |matrix: &Value| -> Vec<bool> {
            ids.iter()
                .map(|id| {
                    crate::helpers::item_where(&matrix["rows"], "registration_id", id)["completed"]
                        .as_bool()
                        .expect("completed")
                })
                .collect()
        };
        let matrix_path = format!("/api/v1/sessions/{session_id}/attendance");
        assert_eq!(completed(&api.get(&matrix_path).await.1), [false, false]);

        // The third meeting's report: B0 120 minutes by address, B1 119 by
        // name only (`Family, Given`). Both partial (below 150), and their
        // minutes count: 720 completes, 719 does not.
        let path = format!("/api/v1/meetings/{}/attendance/import", meetings[2]);
        let report = |b1_leaves: &str| {
            format!(
                "Name,Email,Join Time,Leave Time\n\
                 B0 Ruiz,B0@Example.org,2026-03-14 09:00,2026-03-14 11:00\n\
                 \"Ruiz, B1\",,2026-03-14 09:00,2026-03-14 {b1_leaves}\n"
            )
        };
        let (status, answer) = api.post_csv(&path, report("10:59")).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        let statuses: Vec<(&str, &str, i64)> = answer["matched"]
            .as_array()
            .expect("matched")
            .iter()
            .map(|m| {
                (
                    m["matched_by"].as_str().expect("by"),
                    m["status"].as_str().expect("status"),
                    m["minutes"].as_i64().expect("minutes"),
                )
            })
            .collect();
        assert_eq!(statuses, [("email", "partial", 120), ("name", "partial", 119)]);
        assert_eq!(completed(&api.get(&matrix_path).await.1), [true, false]);

        // The corrected report: B1 stayed a minute longer.
        let (status, answer) = api.post_csv(&path, report("11:00")).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(answer["applied"], 1, "{answer}");
        assert_eq!(completed(&api.get(&matrix_path).await.1), [true, true]);

        // Completed, the session fixes it; both are eligible for a certificate.
        api.close_and_complete(&session_id).await;
        let issued = api
            .post_ok(&format!("/api/v1/sessions/{session_id}/certificates"), &json!({}))
            .await;
        let mut holders: Vec<&str> = crate::helpers::texts(&issued["certificates"], "registration_id");
        holders.sort();
        let mut expected: Vec<&str> = ids.iter().map(String::as_str).collect();
        expected.sort();
        assert_eq!(holders, expected);
    }
);

db_test!(issue_18_a_partial_mark_needs_its_minutes, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, meetings, registrations) = session_with(&app, &api, "online", 1).await;
    let partial =
        |minutes: Option<u32>| json!([{"registration_id": registrations[0], "status": "partial", "minutes": minutes}]);
    // Without its minutes a partial mark would count nothing: refused.
    let (status, body) = api.put_marks(&meetings[0], &partial(None)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(mark_count(&app).await, 0);
    let (status, body) = api.put_marks(&meetings[0], &partial(Some(100))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
});

// Found by attacking the uploads (session 21): a report of thousands of
// unknown people for a session of thousands was a select of everyone for
// each of them, 2 GB of HTML. The page offers at most 20,000 choices; the
// others keep what was found, and the page says how many they are.
db_test!(
    a_report_of_many_unknown_people_makes_a_page_of_bounded_size,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings, _) = session_with(&app, &api, "online", 30).await;
        crate::helpers::trainer_of(&app, &api, &session_id, "lucia@example.org").await;
        let browser = app.browser();
        browser.sign_in("lucia@example.org", crate::helpers::PASSWORD).await;
        let file = format!(
            "Name (Original Name),User Email,Duration (Minutes)\n{}",
            (0..700).map(|n| format!("Invitado {n},,60\n")).collect::<String>()
        );
        let (_, html, _) = report_of(&browser, &meetings[0], &file).await;
        // 30 participants and "not one of them": 31 options a select.
        let selects = html.matches("name=\"match.").count();
        assert_eq!(selects, 20_000_usize.div_ceil(31), "selects");
        assert!(html.matches("<option").count() < 20_000 + 31 + 100, "options");
        assert!(
            html.contains("People of the report not offered here") && html.contains(&(700 - selects).to_string()),
            "the page says how many wait"
        );
    }
);
