//! Attendance: roll calls by the session's trainers, completion, the matrix,
//! corrections after completion, and the audit trail. Issue 5.

use aula_domain::Role;
use aula_storage::entities::audit_entry;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::helpers::{Api, TestApp, db_test};

/// A session of `modality` with three meetings of 5 hours (15 hours, 80 %
/// is 12 hours) and `people` confirmed; its id, meeting ids and registration ids.
pub(crate) async fn session_with(
    app: &TestApp,
    api: &Api,
    modality: &str,
    people: usize,
) -> (String, Vec<String>, Vec<String>) {
    let course = api.course(&format!("Curso {modality}"), 15, modality).await;
    let region = app.region("ES-AN").await;
    let mut body = json!({
        "course_id": course["id"], "capacity": 30, "status": "open",
        "meetings": crate::helpers::mornings_from_12_march_2026(3),
    });
    if modality != "online" {
        body["venue"] = json!({"name": "Sede", "city": "Sevilla", "region_id": region});
    }
    if modality != "in_person" {
        body["online_url"] = json!("https://meet.example.org/aula");
    }
    let session = api.created("/api/v1/sessions", &body).await;
    let session_id = session["id"].as_str().expect("id").to_owned();
    let meetings = crate::helpers::meeting_ids(&session);
    let registrations = crate::helpers::seated_people(app, &session_id, people, "P", &format!(".{modality}")).await;
    (session_id, meetings, registrations)
}

db_test!(trainers_mark_only_their_own_sessions, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (session_id, meetings, registrations) = session_with(&app, &api, "in_person", 2).await;
    let trainer = crate::helpers::trainer_of(&app, &api, &session_id, "lucia@example.org").await;
    let other = app.api(&[Role::Trainer]).await;
    let body = json!([{"registration_id": registrations[0], "status": "present"}]);
    let path = format!("/api/v1/meetings/{}/attendance", meetings[0]);
    let answer = trainer.put_ok(&path, &body).await;
    assert_eq!(answer["changed"], 1);
    let (status, _) = other.put(&path, &body).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.anonymous_api().raw_json(reqwest::Method::PUT, &path, &body).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = other.get(&format!("/api/v1/sessions/{session_id}/attendance")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let matrix = trainer
        .get_ok(&format!("/api/v1/sessions/{session_id}/attendance"))
        .await;
    assert_eq!(matrix["rows"].as_array().map(Vec::len), Some(2));

    // The page, for the trainer and not another.
    let browser = app.browser();
    browser.sign_in("lucia@example.org", crate::helpers::PASSWORD).await;
    let html = browser
        .get_html(&format!(
            "/staff/meetings/{}/roll-call?lang=en&all=present",
            meetings[1]
        ))
        .await;
    assert!(
        html.contains("Mark everyone present") && html.contains("Ruiz, P0"),
        "{html}"
    );
    let mut fields: Vec<(String, String)> = registrations
        .iter()
        .map(|r| (format!("status.{r}"), "present".to_owned()))
        .collect();
    fields[1].1 = "excused".to_owned();
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let roll_call = format!("/staff/meetings/{}/roll-call", meetings[1]);
    let response = browser.submit(&roll_call, &pairs).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let other_browser = app.signed_in(&[Role::Trainer]).await;
    assert_eq!(other_browser.get(&roll_call).await.status(), StatusCode::FORBIDDEN);
});

db_test!(completion_by_modality_and_at_the_boundary, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    // (modality, marks per meeting as (status, minutes), completed). Meetings are 300 minutes; 720 needed.
    // (modality, (status, minutes) at each meeting, completed, minutes attended)
    type Case = (&'static str, [(&'static str, &'static str); 3], bool, u64);
    let cases: &[Case] = &[
        ("in_person", [("present", ""), ("late", ""), ("absent", "")], false, 600),
        ("in_person", [("present", ""), ("late", ""), ("present", "")], true, 900),
        (
            "in_person",
            [("present", ""), ("excused", ""), ("present", "")],
            false,
            600,
        ),
        (
            "online",
            [("present", "300"), ("present", "300"), ("present", "120")],
            true,
            720,
        ),
        (
            "online",
            [("present", "300"), ("present", "300"), ("present", "119")],
            false,
            719,
        ),
        (
            "online",
            [("present", ""), ("absent", "300"), ("present", "240")],
            false,
            540,
        ),
        (
            "blended",
            [("present", ""), ("present", "180"), ("late", "240")],
            true,
            720,
        ),
    ];
    for (index, (modality, marks, completed, minutes)) in cases.iter().enumerate() {
        let (session_id, meetings, registrations) = session_with(&app, &api, modality, 1).await;
        for (meeting, (status, minutes)) in meetings.iter().zip(marks.iter()) {
            let (code, body) = api
                .put_marks(
                    meeting,
                    &json!([{"registration_id": registrations[0], "status": status, "minutes": minutes}]),
                )
                .await;
            assert_eq!(code, StatusCode::OK, "case {index}: {body}");
        }
        let (_, matrix) = api.get(&format!("/api/v1/sessions/{session_id}/attendance")).await;
        assert_eq!(matrix["required_minutes"], 720, "case {index}");
        assert_eq!(
            matrix["rows"][0]["attended_minutes"], *minutes,
            "case {index}: {matrix}"
        );
        assert_eq!(matrix["rows"][0]["completed"], *completed, "case {index}: {matrix}");
    }
});

db_test!(bad_marks_change_nothing, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, meetings, registrations) = session_with(&app, &api, "online", 2).await;
    let (_, _, elsewhere) = session_with(&app, &api, "in_person", 1).await;
    // The second registration is cancelled.
    crate::helpers::cancelled_before(&app, &registrations[1]).await;
    let path = format!("/api/v1/meetings/{}/attendance", meetings[0]);
    let cases = [
        json!([{"registration_id": elsewhere[0], "status": "present"}]),
        json!([{"registration_id": registrations[1], "status": "present"}]),
        json!([{"registration_id": registrations[0], "status": "present", "minutes": 301}]),
        json!([{"registration_id": registrations[0], "status": "asleep"}]),
        json!([{"registration_id": "nope", "status": "present"}]),
        json!([{"registration_id": registrations[0], "status": "present"}, {"registration_id": elsewhere[0], "status": "late"}]),
    ];
    for body in cases {
        let (status, answer) = api.put(&path, &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
        assert!(answer["fields"].as_object().is_some_and(|f| !f.is_empty()), "{answer}");
    }
    let marks = aula_storage::entities::attendance::Entity::find()
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(marks, 0);
    let (status, _) = api
        .raw_json(
            reqwest::Method::PUT,
            &format!("/api/v1/meetings/{}/attendance", uuid::Uuid::now_v7()),
            &json!([]),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
});

db_test!(
    changes_are_audited_and_corrections_need_a_reason,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings, registrations) = session_with(&app, &api, "in_person", 2).await;
        for meeting in &meetings {
            let (status, _) = api
                .put_marks(
                    meeting,
                    &json!([{"registration_id": registrations[0], "status": "present"},
                        {"registration_id": registrations[1], "status": "absent"}]),
                )
                .await;
            assert_eq!(status, StatusCode::OK);
        }
        let audited = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("attendance"))
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(audited, 6);
        // Completed: the completions are fixed.
        api.close_and_complete(&session_id).await;
        let fixed = aula_storage::attendance::completions(&app.db, session_id.parse().expect("uuid"))
            .await
            .expect("completions");
        assert_eq!(fixed.iter().filter(|c| c.completed).count(), 1);
        // A correction now needs a reason; with one, it is audited and the completions follow.
        let path = format!("/api/v1/meetings/{}/attendance", meetings[0]);
        let correction = json!([{"registration_id": registrations[1], "status": "present"}]);
        let (status, answer) = api.put(&path, &correction).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert!(answer["fields"]["reason"].is_array());
        api.put_ok(&path, &json!({"marks": [{"registration_id": registrations[1], "status": "present"}, {"registration_id": registrations[1], "status": "present"}], "reason": "Firmó la hoja en papel"})).await;
        let last = crate::helpers::audited(&app, "attendance").await;
        assert!(
            last.iter()
                .any(|a| a.details.contains("Firmó la hoja en papel") && a.details.contains("\"from\""))
        );
    }
);

db_test!(
    session_25_a_list_marks_each_person_once_and_says_which_mark_is_wrong,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, meetings, registrations) = session_with(&app, &api, "online", 2).await;
        let path = format!("/api/v1/meetings/{}/attendance?lang=en", meetings[0]);
        // The same person marked twice, differently: refused on the second
        // mark (it was saved, the last one winning).
        let twice = json!([{"registration_id": registrations[0], "status": "present"},
            {"registration_id": registrations[1], "status": "present"},
            {"registration_id": registrations[0], "status": "absent"}]);
        let (status, answer) = api.put(&path, &twice).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert_eq!(
            answer["fields"]["marks.2"][0], "This person is marked otherwise earlier in the list: one mark each.",
            "{answer}"
        );
        assert!(answer["fields"].get("marks.0").is_none(), "{answer}");
        // A status of null is the mark's problem, not the body's.
        let null = json!([{"registration_id": registrations[0], "status": null}]);
        let (status, answer) = api.put(&path, &null).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert!(answer["fields"].get("marks.0").is_some(), "{answer}");
        assert!(answer["fields"].get("body").is_none(), "{answer}");
        let marks = aula_storage::entities::attendance::Entity::find()
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(marks, 0);
    }
);

db_test!(the_sign_in_sheet_lists_the_right_people, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (session_id, meetings, registrations) = session_with(&app, &api, "in_person", 3).await;
    // A cancelled registration is not on the sheet.
    crate::helpers::cancelled_before(&app, &registrations[2]).await;
    let trainer = crate::helpers::trainer_of(&app, &api, &session_id, "sheet@example.org").await;
    drop(trainer);
    let browser = app.browser();
    browser.sign_in("sheet@example.org", crate::helpers::PASSWORD).await;
    let response = browser
        .get(&format!("/staff/meetings/{}/sign-in-sheet.pdf?lang=es", meetings[0]))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers().get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/pdf")
    );
    let bytes = response.bytes().await.expect("bytes");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.len() < 200_000);
    // Where poppler is installed, read the text back.
    if let Some(text) = crate::helpers::pdf_text(&bytes) {
        assert!(
            text.contains("Hoja de firmas") && text.contains("P0 Ruiz") && text.contains("P1 Ruiz"),
            "{text}"
        );
        assert!(!text.contains("P2 Ruiz"), "{text}");
    }
    let other = app.signed_in(&[Role::Trainer]).await;
    let response = other
        .get(&format!("/staff/meetings/{}/sign-in-sheet.pdf", meetings[0]))
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
});

db_test!(
    absences_that_make_completion_impossible_are_told_once,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, meetings, registrations) = session_with(&app, &api, "in_person", 2).await;
        for meeting in &meetings[..2] {
            let (status, _) = api
                .put_marks(
                    meeting,
                    &json!([{"registration_id": registrations[0], "status": "absent"},
                        {"registration_id": registrations[1], "status": "present"}]),
                )
                .await;
            assert_eq!(status, StatusCode::OK);
        }
        let warnings = aula_storage::entities::outbox::Entity::find()
            .filter(aula_storage::entities::outbox::Column::Kind.eq("absence_warning"))
            .all(&app.db)
            .await
            .expect("outbox");
        // The trainee who can no longer complete, and the organiser; once each.
        let recipients: Vec<&str> = warnings.iter().map(|m| m.recipient.as_str()).collect();
        assert_eq!(warnings.len(), 2, "{recipients:?}");
        assert!(recipients.contains(&"p0.in_person@example.org"), "{recipients:?}");
    }
);

// Issue 20: typing in the first day's sign-in sheet after the fact warned
// every trainee (the later meetings, held but not yet typed in, counted as
// absences), and the organiser once per trainee.
db_test!(
    issue_20_unrecorded_meetings_are_unknown_and_organisers_get_one_digest,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let course = api.course("Mediación", 15, "in_person").await;
        let region = app.region("ES-AN").await;
        // Three meetings of five hours, all held already.
        let day = |n: i64| chrono::Utc::now() - chrono::Duration::days(10 - n);
        let meetings: Vec<_> = (0..3)
            .map(|n| json!({"starts_at": day(n).to_rfc3339(), "ends_at": (day(n) + chrono::Duration::hours(5)).to_rfc3339()}))
            .collect();
        let session = api
            .created(
                "/api/v1/sessions",
                &json!({"course_id": course["id"], "capacity": 30, "status": "open", "meetings": meetings,
                    "venue": {"name": "Sede", "city": "Sevilla", "region_id": region}}),
            )
            .await;
        let meetings = crate::helpers::meeting_ids(&session);
        let session_id = session["id"].as_str().expect("id");
        let registrations = crate::helpers::seated_people(&app, session_id, 4, "P", ".sheet").await;
        let day_of = |absent: usize| -> serde_json::Value {
            let marks: Vec<_> = registrations
                .iter()
                .enumerate()
                .map(|(n, id)| json!({"registration_id": id, "status": if n == absent { "absent" } else { "present" }}))
                .collect();
            json!(marks)
        };
        let warnings = || async {
            aula_storage::entities::outbox::Entity::find()
                .filter(aula_storage::entities::outbox::Column::Kind.eq("absence_warning"))
                .all(&app.db)
                .await
                .expect("outbox")
        };
        let digests = |rows: &[aula_storage::entities::outbox::Model]| -> Vec<Vec<String>> {
            rows.iter()
                .filter_map(|m| {
                    let data: serde_json::Value = serde_json::from_str(&m.data).expect("json");
                    let names: Vec<String> = serde_json::from_value(data["trainees"].clone()).ok()?;
                    (!names.is_empty()).then_some(names)
                })
                .collect()
        };

        // Day one typed in, P0 absent: only P0 can no longer reach 80 %
        // (0 + 10 of 15 hours); the others could still attend days two and three.
        let (status, body) = api.put_marks(&meetings[0], &day_of(0)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let rows = warnings().await;
        let to_trainees: Vec<&str> = rows
            .iter()
            .filter(|m| m.recipient.ends_with(".sheet@example.org"))
            .map(|m| m.recipient.as_str())
            .collect();
        assert_eq!(to_trainees, ["p0.sheet@example.org"]);
        let first = digests(&rows);
        assert!(!first.is_empty(), "the organisers hear of it");
        assert!(first.iter().all(|names| names == &["P0 Ruiz".to_owned()]), "{first:?}");

        // Day two, P1 absent: P1 now, and only P1 in the new digest.
        let (status, body) = api.put_marks(&meetings[1], &day_of(1)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let rows = warnings().await;
        let mut to_trainees: Vec<&str> = rows
            .iter()
            .filter(|m| m.recipient.ends_with(".sheet@example.org"))
            .map(|m| m.recipient.as_str())
            .collect();
        to_trainees.sort();
        assert_eq!(to_trainees, ["p0.sheet@example.org", "p1.sheet@example.org"]);
        let all = digests(&rows);
        assert_eq!(all.len(), 2 * first.len(), "one digest per organiser per save: {all:?}");
        assert!(
            all.iter().filter(|n| n == &&["P1 Ruiz".to_owned()]).count() == first.len(),
            "{all:?}"
        );
    }
);

// Issue 20: co-facilitators who are not staff take the roll call by a
// personal link, shown once, without an account; a revoked link, a wrong
// one or another session's meeting is not found, and the marks it saved stay.
db_test!(
    issue_20_a_co_facilitator_takes_the_roll_call_by_a_personal_link,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        let (_, other_session) = crate::helpers::course_and_session(&app, &api).await;
        crate::helpers::move_to_past(&app, &session_id).await;
        let people = crate::helpers::seated_people(&app, &session_id, 2, "P", "fac").await;
        let (_, detail) = api.get(&format!("/api/v1/sessions/{session_id}")).await;
        let meetings = crate::helpers::meeting_ids(&detail);
        let (_, other) = api.get(&format!("/api/v1/sessions/{other_session}")).await;
        let other_meeting = crate::helpers::meeting_ids(&other)[0].clone();

        let organiser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/sessions/{session_id}/facilitators");
        let refused = organiser.post_form(&page, &page, &[("name", " ")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let made = organiser.post_form(&page, &page, &[("name", "Amina Haddad")]).await;
        assert_eq!(made.status(), StatusCode::OK);
        let html = made.text().await.expect("html");
        let start = html.find("/facilitate/fac_").expect("the link, shown once");
        let secret: String = html[start + "/facilitate/".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        assert!(!organiser.get_html(&page).await.contains(&secret), "shown once");

        // Without an account: the session's meetings, then a roll call.
        let facilitator = app.browser();
        let home = facilitator.get_html(&format!("/facilitate/{secret}?lang=en")).await;
        assert!(home.contains("Hello Amina Haddad"), "{home}");
        let roll_call = format!("/facilitate/{secret}/meetings/{}", meetings[0]);
        let form = facilitator.get_html(&format!("{roll_call}?lang=en")).await;
        assert!(form.contains(&format!("action=\"{roll_call}\"")), "{form}");
        assert!(!form.contains("/staff/"), "no staff links: {form}");
        let fields = [
            (format!("status.{}", people[0]), "present"),
            (format!("status.{}", people[1]), "absent"),
        ];
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let saved = facilitator.post_form(&roll_call, &roll_call, &borrowed).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let matrix = api.get_ok(&format!("/api/v1/sessions/{session_id}/attendance")).await;
        let statuses: Vec<String> = matrix["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["marks"][0]["status"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(statuses, ["present", "absent"], "{matrix}");
        let audited = audit_entry::Entity::find()
            .filter(audit_entry::Column::Actor.contains("co-facilitator Amina Haddad"))
            .count(&app.db)
            .await
            .expect("audit");
        assert!(audited > 0, "the marks are audited under the co-facilitator's name");

        // Another session's meeting, a wrong link: not found.
        let response = facilitator
            .get(&format!("/facilitate/{secret}/meetings/{other_meeting}"))
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let response = facilitator.get("/facilitate/fac_guess").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);

        // Once the session is completed, corrections are the staff's: the
        // link says so (it said "page not found": session 27's round), and
        // no new link is named for it.
        api.close_and_complete(&session_id).await;
        let response = facilitator.get(&format!("/facilitate/{secret}?lang=en")).await;
        assert_eq!(response.status(), StatusCode::GONE);
        let text = response.text().await.expect("page");
        assert!(
            text.contains("This session is over: the link takes no more roll calls."),
            "{text}"
        );
        let (status, body) = api
            .post(
                &format!("/api/v1/sessions/{session_id}/facilitators"),
                &json!({"name": "Tarde"}),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");

        // Revoked, the link opens nothing; the marks stay.
        let listed = organiser.get_html(&page).await;
        let at = listed.find("/facilitators/").expect("a revoke form") + "/facilitators/".len();
        let id: String = listed[at..].chars().take(36).collect();
        let revoked = organiser.post_form(&page, &format!("{page}/{id}/revoke"), &[]).await;
        assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
        let response = facilitator.get(&format!("/facilitate/{secret}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let matrix = api.get_ok(&format!("/api/v1/sessions/{session_id}/attendance")).await;
        assert_eq!(matrix["rows"][0]["marks"][0]["status"], "present");
    }
);

db_test!(
    issue_20_integrations_name_and_revoke_co_facilitators,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        crate::helpers::move_to_past(&app, &session_id).await;
        let people = crate::helpers::seated_people(&app, &session_id, 1, "P", "facapi").await;
        let (_, detail) = api.get(&format!("/api/v1/sessions/{session_id}")).await;
        let meeting = crate::helpers::meeting_ids(&detail)[0].clone();
        let path = format!("/api/v1/sessions/{session_id}/facilitators");

        for bad in [
            json!({"name": " "}),
            json!({"name": "Amina", "role": "trainer"}),
            json!({}),
        ] {
            let (status, body) = api.post(&path, &bad).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
        }
        let (status, made) = api.post(&path, &json!({"name": "Youssef Ben Salah"})).await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
        let url = made["url"].as_str().expect("the link, shown once").to_owned();
        let link = &url[url.find("/facilitate/").expect("a link")..];
        let listed = api.get_ok(&path).await;
        assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
        assert_eq!(listed[0]["name"], "Youssef Ben Salah");
        assert!(listed[0].get("url").is_none(), "never shown again: {listed}");

        // The link takes the roll call while the session is open.
        let facilitator = app.browser();
        let roll_call = format!("{link}/meetings/{meeting}");
        let field = format!("status.{}", people[0]);
        let saved = facilitator
            .post_form(&roll_call, &roll_call, &[(field.as_str(), "present")])
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let matrix = api.get_ok(&format!("/api/v1/sessions/{session_id}/attendance")).await;
        assert_eq!(matrix["rows"][0]["marks"][0]["status"], "present", "{matrix}");

        // Trainers and the public name no one; another organisation's session is not found.
        let trainer = app.api(&[Role::Trainer]).await;
        let (status, _) = trainer.post(&path, &json!({"name": "X"})).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app.anonymous_api().get(&path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let unknown = format!("/api/v1/sessions/{}/facilitators", uuid::Uuid::now_v7());
        assert_eq!(api.get(&unknown).await.0, StatusCode::NOT_FOUND);

        let id = made["id"].as_str().expect("id");
        let response = api.delete(&format!("{path}/{id}")).await;
        assert_eq!(response.0, StatusCode::NO_CONTENT, "{}", response.1);
        assert_eq!(api.get_ok(&path).await, json!([]));
        assert_eq!(facilitator.get(link).await.status(), StatusCode::NOT_FOUND);
        let again = api.delete(&format!("{path}/{id}")).await;
        assert_eq!(again.0, StatusCode::NOT_FOUND);
    }
);

// Issue 16's race round: on PostgreSQL two trainers saving different
// meetings of one session at once got 409 "This already exists." (the
// attended months' triggers of both inserted the same month), or both 200
// with each registration's sums counting one save only.
db_test!(
    issue_16_meetings_saved_at_once_are_all_counted,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, meetings, registrations) = session_with(&app, &api, "in_person", 12).await;
        let marks: serde_json::Value = registrations
            .iter()
            .map(|id| json!({"registration_id": id, "status": "present"}))
            .collect();
        let mut tasks = Vec::new();
        for meeting in &meetings {
            let api = Api {
                client: api.client.clone(),
                base: api.base.clone(),
                token: api.token.clone(),
            };
            let (meeting, marks) = (meeting.clone(), marks.clone());
            tasks.push(tokio::spawn(async move { api.put_marks(&meeting, &marks).await }));
        }
        for task in tasks {
            let (status, body) = task.await.expect("task");
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        let rows = aula_storage::entities::registration::Entity::find()
            .filter(
                aula_storage::entities::registration::Column::Id
                    .is_in(registrations.iter().map(|id| id.parse::<uuid::Uuid>().expect("uuid"))),
            )
            .all(&app.db)
            .await
            .expect("registrations");
        assert_eq!(rows.len(), 12);
        for row in rows {
            // Three meetings of five hours, each attended.
            assert_eq!((row.attended_meetings, row.attended_minutes), (3, 900), "{row:?}");
        }
    }
);

db_test!(
    session_26_marks_saved_while_the_session_is_completed_count,
    |app: TestApp| async move {
        // Three meetings of five hours, twelve needed. The first two are
        // marked; the third's marks are saved while an organiser completes
        // the session. The completion fixed the completions without them,
        // and the save, having read the session as held, did not fix them
        // again: present at every meeting, no completion, no certificate
        // (session 26's race round).
        use aula_storage::attendance::{Mark, Source};
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings, registrations) = session_with(&app, &api, "online", 1).await;
        for meeting in &meetings[..2] {
            let marks = json!([{"registration_id": registrations[0], "status": "present"}]);
            let (status, body) = api.put_marks(meeting, &marks).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        let id: uuid::Uuid = session_id.parse().expect("uuid");
        let record = aula_storage::sessions::get(&app.db, id).await.expect("record");
        let third =
            aula_storage::entities::meeting::Entity::find_by_id(meetings[2].parse::<uuid::Uuid>().expect("uuid"))
                .one(&app.db)
                .await
                .expect("query")
                .expect("meeting");

        // The completion, not committed yet.
        let txn = crate::helpers::uncommitted_session_change(&app, id, "status = 'completed'").await;
        aula_storage::attendance::fix_completions(&txn, &record)
            .await
            .expect("fixed");

        let use_cases = app.app();
        let actor = aula_storage::Actor::system("test").within(app.org().await);
        let registration: uuid::Uuid = registrations[0].parse().expect("uuid");
        let save = tokio::spawn(async move {
            let marks = [Mark {
                registration_id: registration,
                status: aula_domain::AttendanceStatus::Present,
                minutes: None,
            }];
            aula_app::attendance::save(&use_cases, &actor, &third, &record, &marks, Source::RollCall, None).await
        });
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        txn.commit().await.expect("commit");
        save.await.expect("joined").expect("saved");

        let stored = aula_storage::registrations::get(&app.db, registration)
            .await
            .expect("registration");
        assert!(stored.completed, "present at all three meetings: {stored:?}");
    }
);

db_test!(
    session_27_a_roll_call_form_marking_someone_twice_two_ways_is_told,
    |app: TestApp| async move {
        // Session 27's attack round: `status.R=present&status.R=absent`
        // saved "absent" without a word; the API refuses such a list.
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings, registrations) = session_with(&app, &api, "in_person", 1).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let roll_call = format!("/staff/meetings/{}/roll-call", meetings[0]);
        let field = format!("status.{}", registrations[0]);
        let response = browser
            .post_form(
                &format!("{roll_call}?lang=en"),
                &roll_call,
                &[(field.as_str(), "present"), (field.as_str(), "absent")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = response.text().await.expect("page");
        assert!(page.contains("marked otherwise earlier"), "{page}");
        let matrix = api.get_ok(&format!("/api/v1/sessions/{session_id}/attendance")).await;
        assert!(!matrix.to_string().contains("absent"), "nothing saved: {matrix}");
        // The same mark twice is one mark.
        let response = browser
            .post_form(
                &format!("{roll_call}?lang=en"),
                &roll_call,
                &[(field.as_str(), "present"), (field.as_str(), "present")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
);

db_test!(
    session_27_a_draft_s_co_facilitator_link_says_it_opens_with_the_session,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let course = api.course("Curso borrador", 5, "in_person").await;
        let region = app.region("ES-AN").await;
        let session = api
            .created(
                "/api/v1/sessions",
                &json!({"course_id": course["id"], "capacity": 10, "status": "draft",
                    "venue": {"name": "Sede", "city": "Sevilla", "region_id": region},
                    "meetings": [{"starts_at": "2030-03-12T09:00:00+01:00", "ends_at": "2030-03-12T14:00:00+01:00"}]}),
            )
            .await;
        let id = session["id"].as_str().expect("id");
        // Named ahead, while the session is prepared.
        let made = api
            .created(
                &format!("/api/v1/sessions/{id}/facilitators"),
                &json!({"name": "Amina"}),
            )
            .await;
        let url = made["url"].as_str().expect("url");
        let link = &url[url.find("/facilitate/").expect("a link")..];
        let response = app.browser().get(&format!("{link}?lang=en")).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let page = response.text().await.expect("page");
        assert!(page.contains("This session has not opened yet"), "{page}");
    }
);

// Session 29's attack round: correcting a meeting's typed times after its
// roll call ended on "other records depend on this", the form's input
// lost. A meeting given other times on its own day keeps its marks, which
// then count its new length; removing it, or moving it to another day,
// is refused beside the meetings, saying why.
db_test!(
    session_29_a_marked_meeting_takes_other_times_on_its_day,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings, registrations) = session_with(&app, &api, "in_person", 1).await;
        let present = json!([{"registration_id": registrations[0], "status": "present"}]);
        api.put_ok(&format!("/api/v1/meetings/{}/attendance", meetings[0]), &present)
            .await;
        let matrix = format!("/api/v1/sessions/{session_id}/attendance");
        assert_eq!(api.get_ok(&matrix).await["rows"][0]["attended_minutes"], 300);

        // 09:00–14:00 on 12 March, typed for 09:00–13:30: the same meeting.
        let mut times = crate::helpers::mornings_from_12_march_2026(3);
        times[0]["ends_at"] = json!("2026-03-12T13:30:00+01:00");
        let changed = api
            .patch_ok(&format!("/api/v1/sessions/{session_id}"), &json!({"meetings": times}))
            .await;
        assert_eq!(crate::helpers::meeting_ids(&changed)[0], meetings[0], "the same row");
        let after = api.get_ok(&matrix).await;
        assert_eq!(after["rows"][0]["marks"][0]["status"], "present", "{after}");
        assert_eq!(after["rows"][0]["attended_minutes"], 270, "its new length: {after}");

        // Taken off, or moved to another day: refused, nothing changed.
        for meetings in [
            json!(times.as_array().expect("list")[1..]),
            json!([{"starts_at": "2026-03-11T09:00:00+01:00", "ends_at": "2026-03-11T13:30:00+01:00"},
                   times[1], times[2]]),
        ] {
            let (status, body) = api
                .patch(
                    &format!("/api/v1/sessions/{session_id}?lang=en"),
                    &json!({"meetings": meetings}),
                )
                .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            assert!(
                crate::helpers::problem_for(&body, "meetings")
                    .starts_with("The meeting of 2026-03-12 has attendance recorded"),
                "{body}"
            );
        }
        assert_eq!(api.get_ok(&matrix).await, after);
    }
);

// Session 31's attack round: the marks sent as an object let any other
// field by, so `"dry_run": true` was ignored and the marks written; an
// unknown field inside a mark was "the body does not have the expected
// type". Each is now refused by its name, and nothing is written.
db_test!(
    session_31_the_marks_object_takes_no_other_field,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings, registrations) = session_with(&app, &api, "in_person", 1).await;
        let path = format!("/api/v1/meetings/{}/attendance", meetings[0]);
        let mark = json!({"registration_id": registrations[0], "status": "present"});
        let (status, body) = api.put(&path, &json!({"marks": [mark], "dry_run": true})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["dry_run"].is_array(), "{body}");
        let (status, body) = api
            .put(
                &path,
                &json!({"marks": [{"registration_id": registrations[0], "status": "present", "colour": "red"}]}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["marks.0.colour"].is_array(), "{body}");
        let (status, body) = api
            .put(
                &path,
                &json!([{"registration_id": registrations[0], "status": "present", "colour": "red"}]),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["0.colour"].is_array(), "{body}");
        let matrix = api.get_ok(&format!("/api/v1/sessions/{session_id}/attendance")).await;
        assert!(!matrix.to_string().contains("\"present\""), "nothing written: {matrix}");
        // Both forms still take what they should.
        assert_eq!(api.put_ok(&path, &json!({"marks": [mark]})).await["changed"], 1);
        assert_eq!(api.put_ok(&path, &json!([mark])).await["changed"], 0);
    }
);
