//! Attendance of an online meeting from its platform's participant report:
//! the API, the trainers' pages, and what is refused.

use aula_domain::attendance::MarkSource;
use aula_domain::{Email, Language, Role};
use reqwest::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

use crate::attendance::session_with;
use crate::helpers::{Browser, TestApp, db_test, hidden_mapping};

/// Someone with a place confirmed in the session; their registration id.
pub(crate) async fn participant(app: &TestApp, session_id: &str, given: &str, family: &str, email: &str) -> String {
    let person = aula_storage::people::upsert(
        &app.db,
        &aula_storage::Actor::system("test"),
        app.org().await,
        &aula_domain::RegistrantDetails {
            given_name: aula_domain::PersonName::parse(given).expect("name"),
            family_name: aula_domain::PersonName::parse(family).expect("name"),
            email: Some(Email::parse(email).expect("email")),
            phone: None,
            employer: None,
            job_title: None,
            audience: aula_domain::Audience::PUBLIC_SERVANT,
            region_id: None,
            language: Language::Es,
            identifier: None,
        },
        None,
    )
    .await
    .expect("person");
    crate::helpers::place(app, session_id, person.id).await.id.to_string()
}

/// A Zoom participant report of the first meeting (10:00 to 15:00 in Madrid,
/// written as Zoom writes it, in the host's zone with a 12-hour clock).
pub(crate) const ZOOM: &str = "\
Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
P0 Ruiz,p0.online@example.org,03/12/2026 08:55:10 AM,03/12/2026 10:30:00 AM,95,No
P1 Ruiz,P1.Online@Example.org,03/12/2026 09:05:00 AM,03/12/2026 01:00:00 PM,235,No
P1's iPhone (P1 Ruiz),p1.online@example.org,03/12/2026 12:00:00 PM,03/12/2026 01:45:00 PM,105,No
Unknown Guest,visitor@example.com,03/12/2026 09:00:00 AM,03/12/2026 10:00:00 AM,60,Yes
P0 Ruiz,p0.online@example.org,03/12/2026 10:45:00 AM,03/12/2026 02:20:00 PM,215,No
perez gil jose,,03/12/2026 09:10:00 AM,03/12/2026 01:40:30 PM,271,Yes
Bad Line,bad@example.org,yesterday,03/12/2026 10:00:00 AM,0,No
";

/// The marks of one meeting in the matrix: registration id → (status, minutes).
pub(crate) fn marks_at(matrix: &Value, meeting: &str) -> Vec<(String, String, Option<i64>)> {
    let mut found = Vec::new();
    for row in matrix["rows"].as_array().expect("rows") {
        for mark in row["marks"].as_array().expect("marks") {
            if mark["meeting_id"] == meeting {
                found.push((
                    row["registration_id"].as_str().expect("id").to_owned(),
                    mark["status"].as_str().expect("status").to_owned(),
                    mark["minutes"].as_i64(),
                ));
            }
        }
    }
    found.sort();
    found
}

/// The marks the [`ZOOM`] report records for its two people found by address
/// and José found by name, with `more`, sorted as [`marks_at`] gives them.
pub(crate) fn zoom_marks(
    registrations: &[String],
    jose: &str,
    more: impl IntoIterator<Item = (String, String, Option<i64>)>,
) -> Vec<(String, String, Option<i64>)> {
    let mut marks = vec![
        (registrations[0].clone(), "present".to_owned(), Some(285)),
        (registrations[1].clone(), "present".to_owned(), Some(280)),
        (jose.to_owned(), "present".to_owned(), Some(271)),
    ];
    marks.extend(more);
    sorted(marks)
}

pub(crate) fn sorted(mut marks: Vec<(String, String, Option<i64>)>) -> Vec<(String, String, Option<i64>)> {
    marks.sort();
    marks
}

pub(crate) async fn mark_count(app: &TestApp) -> u64 {
    aula_storage::entities::attendance::Entity::find()
        .count(&app.db)
        .await
        .expect("count")
}

db_test!(a_zoom_report_through_the_api, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (session_id, meetings, registrations) = session_with(&app, &api, "online", 2).await;
    let jose = participant(&app, &session_id, "José", "Pérez Gil", "jose.perez@example.org").await;
    let marta = participant(&app, &session_id, "Marta", "Sanz", "marta@example.org").await;
    let trainer = crate::helpers::trainer_of(&app, &api, &session_id, "lucia@example.org").await;
    let path = format!("/api/v1/meetings/{}/attendance/import", meetings[0]);

    let (status, answer) = trainer.post_csv(&path, ZOOM).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["dry_run"], false);
    assert_eq!(answer["applied"], 3, "{answer}");
    assert_eq!(
        answer["matched"],
        json!([
            // Came 5 minutes early (clipped), left for 15 minutes, came back
            // and stayed 20 minutes late (clipped): 90 + 195.
            {"lines": [2, 6], "key": "p0.online@example.org", "name": "P0 Ruiz", "email": "p0.online@example.org",
             "matched_by": "email", "registration_id": registrations[0], "minutes": 285, "clipped": true, "status": "present"},
            // Laptop from 10:05 to 14:00 and phone from 13:00 to 14:45 count
            // once: 10:05 to 14:45.
            {"lines": [3, 4], "key": "p1.online@example.org", "name": "P1 Ruiz", "email": "p1.online@example.org",
             "matched_by": "email", "registration_id": registrations[1], "minutes": 280, "clipped": true, "status": "present"},
            // A name without an address, in another order and without accents;
            // 09:10:00 to 13:40:30, half a minute rounded up (issue 18).
            {"lines": [7], "key": "perez gil jose", "name": "perez gil jose", "email": "jose.perez@example.org",
             "matched_by": "name", "registration_id": jose, "minutes": 271, "clipped": true, "status": "present"},
        ])
    );
    // A guest nobody of the session is: listed, never attributed.
    assert_eq!(
        answer["unmatched"],
        json!([{"lines": [5], "key": "visitor@example.com", "name": "Unknown Guest", "email": "visitor@example.com",
                "minutes": 60, "clipped": true, "matched_by": "unmatched"}])
    );
    assert_eq!(answer["problems"].as_array().map(Vec::len), Some(1), "{answer}");
    assert_eq!(answer["problems"][0]["line"], 8);
    assert!(
        answer["problems"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("yesterday")),
        "{answer}"
    );

    let matrix_path = format!("/api/v1/sessions/{session_id}/attendance");
    let (_, first) = trainer.get(&matrix_path).await;
    assert_eq!(marks_at(&first, &meetings[0]), zoom_marks(&registrations, &jose, []));

    // The same report again: marks are set, not added.
    let (status, again) = trainer.post_csv(&path, ZOOM).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["applied"], 0);
    assert_eq!(again["matched"], answer["matched"]);
    let (_, second) = trainer.get(&matrix_path).await;
    assert_eq!(second, first);

    // A dry run of "the others are absent" says what it would do, and does nothing.
    let (status, dry) = trainer
        .post_csv(&format!("{path}?others_absent=true&dry_run=true"), ZOOM)
        .await;
    assert_eq!(status, StatusCode::OK, "{dry}");
    assert_eq!(
        (dry["dry_run"].clone(), dry["applied"].clone()),
        (json!(true), json!(0))
    );
    assert_eq!(trainer.get(&matrix_path).await.1, first);
    let (status, absent) = trainer.post_csv(&format!("{path}?others_absent=true"), ZOOM).await;
    assert_eq!(status, StatusCode::OK, "{absent}");
    assert_eq!(absent["applied"], 1);
    let (_, third) = trainer.get(&matrix_path).await;
    assert_eq!(
        marks_at(&third, &meetings[0]),
        zoom_marks(&registrations, &jose, [(marta, "absent".to_owned(), None)])
    );

    // The columns can be chosen by their names: with durations only, a
    // person's durations are added up (the rejoin: 95 + 215, capped at 300).
    let (status, by_duration) = trainer
        .post_csv(&format!("{path}?dry_run=true&map.join=&map.leave="), ZOOM)
        .await;
    assert_eq!(status, StatusCode::OK, "{by_duration}");
    assert_eq!(by_duration["matched"][0]["minutes"], 300);
    let (status, answer) = trainer.post_csv(&format!("{path}?map.email=Courriel"), ZOOM).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert!(answer["fields"]["map.email"].is_array(), "{answer}");
});

db_test!(
    unreadable_files_and_strangers_change_nothing,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings, _) = session_with(&app, &api, "online", 2).await;
        let (elsewhere, _, _) = session_with(&app, &api, "blended", 0).await;
        let trainer = crate::helpers::trainer_of(&app, &api, &session_id, "lucia@example.org").await;
        let stranger = crate::helpers::trainer_of(&app, &api, &elsewhere, "pablo@example.org").await;
        let path = format!("/api/v1/meetings/{}/attendance/import", meetings[0]);

        // Not text (a workbook saved instead of its CSV): refused, naming the
        // exports to use. (Windows-1252 is read since issue 18.)
        let workbook = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
        let (status, answer) = trainer.post_csv(&path, workbook).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert!(
            answer["message"]
                .as_str()
                .is_some_and(|m| m.contains("cannot read this file as text") && m.contains("BigBlueButton")),
            "{answer}"
        );
        assert!(answer["fields"]["file"].is_array(), "{answer}");

        // No column of names or addresses: refused whole.
        let (status, answer) = trainer.post_csv(&path, b"Foo,Bar\n1,2\n").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");

        // A misspelt option must not record anything for real; JSON is not a report.
        let (status, _) = trainer.post_csv(&format!("{path}?dryrun=true"), ZOOM).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, body) = trainer
            .raw(reqwest::Method::POST, &path, "application/json", b"{}".to_vec())
            .await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        // The message names what the endpoint reads (it said JSON; session 21).
        assert!(
            body["message"].as_str().is_some_and(|m| m.contains("text/csv")),
            "{body}"
        );

        // A trainer of another session, and nobody at all.
        let (status, _) = stranger.post_csv(&path, ZOOM).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app.anonymous_api().post_csv(&path, ZOOM).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);

        // The pages refuse them too: the stranger cannot even see the form.
        let browser = app.browser();
        browser.sign_in("pablo@example.org", crate::helpers::PASSWORD).await;
        let page = format!("/staff/meetings/{}/attendance/import", meetings[0]);
        assert_eq!(browser.get(&page).await.status(), StatusCode::FORBIDDEN);
        let browser = app.browser();
        browser.sign_in("lucia@example.org", crate::helpers::PASSWORD).await;
        let csrf = browser.csrf(&page).await;
        let response = upload(&browser, &meetings[0], &csrf, "report.xlsx", workbook).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains("cannot read this file as text"), "{html}");
        let response = upload(&browser, &meetings[0], "forged", "report.csv", ZOOM.as_bytes()).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);

        assert_eq!(mark_count(&app).await, 0);
        let drafts = aula_storage::entities::import_draft::Entity::find()
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(drafts, 0);
    }
);

/// Posts the upload form as a browser would (`multipart/form-data`).
pub(crate) async fn upload(
    browser: &Browser,
    meeting: &str,
    csrf: &str,
    file_name: &str,
    file: &[u8],
) -> reqwest::Response {
    browser
        .upload(
            &format!("/staff/meetings/{meeting}/attendance/import"),
            csrf,
            file_name,
            file,
        )
        .await
}

db_test!(trainers_review_name_matches_on_the_pages, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (session_id, meetings, registrations) = session_with(&app, &api, "online", 2).await;
    let jose = participant(&app, &session_id, "José", "Pérez Gil", "jose.perez@example.org").await;
    participant(&app, &session_id, "Marta", "Sanz", "marta@example.org").await;
    crate::helpers::trainer_of(&app, &api, &session_id, "lucia@example.org").await;
    let browser = app.browser();
    browser.sign_in("lucia@example.org", crate::helpers::PASSWORD).await;

    let page = format!("/staff/meetings/{}/attendance/import", meetings[0]);
    let html = browser.get_html(&format!("{page}?lang=en")).await;
    assert!(
        html.contains("enctype=\"multipart/form-data\"") && html.contains("Zoom, Teams"),
        "{html}"
    );
    let csrf = crate::helpers::csrf_in(&html).expect("token");
    let response = upload(
        &browser,
        &meetings[0],
        &csrf,
        "C:\\Users\\lucia\\participants.csv",
        ZOOM.as_bytes(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let report = response.headers()["location"].to_str().expect("location").to_owned();
    assert!(
        report.starts_with(&format!("{page}/")) && report.contains("map.email=1"),
        "{report}"
    );

    let html = browser.get_html(&format!("{report}&lang=en")).await;
    assert!(html.contains("participants.csv") && !html.contains("Users"), "{html}");
    // The name match is shown, with a select to correct it; the guest is
    // nobody of the session until the trainer says otherwise (issue 18).
    assert!(html.contains("name=\"match.perez gil jose\""), "{html}");
    assert!(
        html.contains(&format!("<option value=\"{jose}\" selected>José Pérez Gil</option>")),
        "{html}"
    );
    assert!(
        html.contains("Who is “Unknown Guest” (lines 5)?")
            && html.contains("<option value=\"none\" selected>Not one of them</option>"),
        "{html}"
    );
    assert!(html.contains("“yesterday”"), "the unreadable line: {html}");
    assert!(html.contains("Marta Sanz"), "absent from the report: {html}");
    let mapping = hidden_mapping(&html);
    // Every field, Zoom's waiting room too (session 23).
    assert_eq!(mapping.len(), 7, "{mapping:?}");

    // Another mapping that leaves no time: the page says what to choose, offers no commit.
    let html = browser
        .get_html(&format!("{report}&map.join=&map.duration=&lang=en"))
        .await;
    assert!(html.contains("Choose the column that holds"), "{html}");
    assert!(!html.contains("/commit\""), "{html}");

    // Record, the selects left as they were.
    let mut fields: Vec<(&str, &str)> = mapping.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    fields.push(("match.perez gil jose", jose.as_str()));
    fields.push(("match.visitor@example.com", "none"));
    let commit = format!("{}/commit", report.split('?').next().expect("path"));
    let response = browser.post_form(&report, &commit, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()["location"],
        format!("/staff/sessions/{session_id}/attendance").as_str()
    );
    let (_, matrix) = api.get(&format!("/api/v1/sessions/{session_id}/attendance")).await;
    assert_eq!(marks_at(&matrix, &meetings[0]), zoom_marks(&registrations, &jose, []));
    let imported = aula_storage::entities::attendance::Entity::find()
        .all(&app.db)
        .await
        .expect("marks");
    assert!(imported.iter().all(|m| m.source == MarkSource::Import));
    let html = browser
        .get_html(&format!("/staff/sessions/{session_id}/attendance?lang=en"))
        .await;
    assert!(html.contains("The participant report is recorded"), "{html}");
    // The draft is gone: the same page cannot record twice.
    assert_eq!(browser.get(&report).await.status(), StatusCode::NOT_FOUND);
});

db_test!(
    a_completed_session_needs_a_reason_and_a_person_on_two_lists_counts_once,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings, registrations) = session_with(&app, &api, "online", 1).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        // P0 on a laptop with the address, and on a phone with only a name.
        let file = "\
Name,Email,Join Time,Leave Time
P0 Ruiz,p0.online@example.org,2026-03-12 09:00,2026-03-12 11:00
Ruiz P0 (phone),,2026-03-12 10:00,2026-03-12 12:00
";
        let csrf = browser
            .csrf(&format!("/staff/meetings/{}/attendance/import", meetings[0]))
            .await;
        let response = upload(&browser, &meetings[0], &csrf, "meet.csv", file.as_bytes()).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let report = response.headers()["location"].to_str().expect("location").to_owned();
        let html = browser.get_html(&report).await;
        let mapping = hidden_mapping(&html);
        let mut fields: Vec<(&str, &str)> = mapping.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        fields.push(("match.ruiz p0 phone", registrations[0].as_str()));
        fields.push(("others_absent", "on"));

        // Completed: a correction needs its reason, and nothing is written without.
        api.close_and_complete(&session_id).await;
        let commit = format!("{}/commit", report.split('?').next().expect("path"));
        let response = browser.post_form(&report, &commit, &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(mark_count(&app).await, 0);
        fields.push(("reason", "Informe de Meet recibido tarde"));
        let response = browser.post_form(&report, &commit, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, matrix) = api.get(&format!("/api/v1/sessions/{session_id}/attendance")).await;
        // 10:00 to 12:00 and 11:00 to 13:00, one person: 180 minutes, not 240.
        assert_eq!(
            marks_at(&matrix, &meetings[0]),
            vec![(registrations[0].clone(), "present".to_owned(), Some(180))]
        );
    }
);

// ----- issue 18: the files as the platforms export them ------------------------------

/// A fixture of `tests/fixtures/online_reports` (see its SOURCES.md and
/// EXPECTED.md), byte for byte.
fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/online_reports")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Posts a fixture to the meeting's import API, `query` after the path.
async fn import_fixture(api: &crate::helpers::Api, meeting: &str, query: &str, file: &str) -> (StatusCode, Value) {
    let path = format!("/api/v1/meetings/{meeting}/attendance/import{query}");
    api.post_csv(&path, fixture(file)).await
}

/// The fixtures' registered people (the trainer and the guest are not).
const FIXTURE_PEOPLE: [(&str, &str, &str); 5] = [
    ("José", "Pérez", "jose.perez@example.org"),
    ("Ana", "García", "ana.garcia@example.org"),
    ("Marie", "Dubois", "marie.dubois@example.org"),
    ("Karim", "Ben Salah", "karim.bensalah@example.org"),
    ("Lucía", "Fernández", "lucia.fernandez@example.org"),
];

/// An online session whose one meeting is the fixtures' (12 March 2026,
/// 09:00 to 12:30 in Madrid), with the fixtures' people placed; its id, the
/// meeting's, and each person's registration in `FIXTURE_PEOPLE`'s order.
async fn fixture_session(app: &TestApp, api: &crate::helpers::Api) -> (String, String, Vec<String>) {
    let course = api.course("Formación Aula", 4, "online").await;
    let meetings = json!([{"starts_at": "2026-03-12T09:00:00+01:00", "ends_at": "2026-03-12T12:30:00+01:00"}]);
    let session = crate::helpers::online_session(api, &course, 30, "https://meet.example.org/aula", meetings).await;
    let session_id = session["id"].as_str().expect("id").to_owned();
    let meeting = crate::helpers::meeting_ids(&session).remove(0);
    let mut registrations = Vec::new();
    for (given, family, email) in FIXTURE_PEOPLE {
        registrations.push(participant(app, &session_id, given, family, email).await);
    }
    (session_id, meeting, registrations)
}

/// The marks expected of a fixture: each person with `minutes` (in
/// `FIXTURE_PEOPLE`'s order), as the matrix lists them: present, or partial
/// below half the 210-minute meeting (Lucía's 45).
fn present(registrations: &[String], minutes: [i64; 5]) -> Vec<(String, String, Option<i64>)> {
    sorted(
        registrations
            .iter()
            .zip(minutes)
            .map(|(r, m)| {
                let mark = if m * 100 < 210 * i64::from(aula_domain::attendance::DEFAULT_PRESENT_SHARE_PERCENT) {
                    "partial"
                } else {
                    "present"
                };
                (r.clone(), mark.to_owned(), Some(m))
            })
            .collect(),
    )
}

/// EXPECTED.md, for the registered people: José, Ana, Marie, Karim, Lucía.
const EXACT_MINUTES: [i64; 5] = [210, 208, 200, 121, 45];

/// Every fixture with join and leave times and the people's addresses, with
/// EXPECTED.md's minutes for the registered people (exact: the files have
/// seconds, but for Meet's).
const EXPORTS_WITH_TIMES: [(&str, [i64; 5]); 8] = [
    ("zoom_participants.csv", EXACT_MINUTES),
    // The same report re-saved by a spreadsheet: Windows-1252, semicolons.
    ("zoom_participants_cp1252.csv", EXACT_MINUTES),
    ("zoom_participants_semicolon.csv", EXACT_MINUTES),
    ("zoom_legacy.csv", EXACT_MINUTES),
    ("teams_attendance.csv", EXACT_MINUTES),
    // UTF-16 big-endian, LF lines.
    ("teams_attendance_2022_utf16be_lf.csv", EXACT_MINUTES),
    ("jitsi.csv", EXACT_MINUTES),
    // Minutes only: Karim's half minute is lost (EXPECTED.md §4: 120, not 121).
    ("meet_attendance.csv", [210, 208, 200, 120, 45]),
];

db_test!(
    issue_18_exports_as_produced_through_the_api,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        for (file, minutes) in EXPORTS_WITH_TIMES {
            let (session_id, meeting, registrations) = fixture_session(&app, &api).await;
            let (status, answer) = import_fixture(&api, &meeting, "", file).await;
            assert_eq!(status, StatusCode::OK, "{file}: {answer}");
            assert_eq!(answer["applied"], 5, "{file}: {answer}");
            assert_eq!(answer["problems"], json!([]), "{file}");
            assert!(
                answer["matched"]
                    .as_array()
                    .is_some_and(|m| m.iter().all(|p| p["clipped"] == true)),
                "{file}: {answer}"
            );
            // The trainer and the guest are not registered: listed, attributed to nobody.
            let unmatched: Vec<&str> = crate::helpers::texts(&answer["unmatched"], "name");
            assert_eq!(unmatched.len(), 2, "{file}: {answer}");
            assert!(unmatched.iter().any(|n| n.starts_with("Invitado Externo")), "{file}");
            let (_, matrix) = api.get(&format!("/api/v1/sessions/{session_id}/attendance")).await;
            assert_eq!(marks_at(&matrix, &meeting), present(&registrations, minutes), "{file}");
        }

        // BigBlueButton writes no addresses: people are found by their
        // names (a single participant each), recorded with their minutes.
        let (session_id, meeting, registrations) = fixture_session(&app, &api).await;
        let (status, answer) = import_fixture(&api, &meeting, "", "bbb_learning_dashboard.csv").await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(answer["applied"], 5, "{answer}");
        let matched = answer["matched"].as_array().expect("matched");
        assert!(matched.iter().all(|p| p["matched_by"] == "name"), "{answer}");
        let (_, matrix) = api.get(&format!("/api/v1/sessions/{session_id}/attendance")).await;
        assert_eq!(
            marks_at(&matrix, &meeting),
            present(&registrations, EXACT_MINUTES),
            "{answer}"
        );

        // Zoom's unique users: totals, capped, and said not to be clipped.
        let (_, meeting, _) = fixture_session(&app, &api).await;
        let (status, answer) = import_fixture(&api, &meeting, "?dry_run=true", "zoom_unique_users.csv").await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        // EXPECTED.md: the file's totals capped at the meeting's 210
        // minutes (Ana's 235 count her second device twice), none clipped.
        let mut totals: Vec<(String, i64, bool)> = answer["matched"]
            .as_array()
            .expect("matched")
            .iter()
            .map(|p| {
                (
                    p["email"].as_str().expect("email").to_owned(),
                    p["minutes"].as_i64().expect("minutes"),
                    p["clipped"].as_bool().expect("clipped"),
                )
            })
            .collect();
        totals.sort();
        let expected = [
            ("ana.garcia@example.org", 210),
            ("jose.perez@example.org", 210),
            ("karim.bensalah@example.org", 141),
            ("lucia.fernandez@example.org", 47),
            ("marie.dubois@example.org", 200),
        ]
        .map(|(email, minutes)| (email.to_owned(), minutes, false));
        assert_eq!(totals, expected, "{answer}");
    }
);

db_test!(
    issue_18_exports_as_produced_through_the_pages,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        // BigBlueButton's names only: the trainer confirms each match on the page.
        let exports = EXPORTS_WITH_TIMES
            .into_iter()
            .chain([("bbb_learning_dashboard.csv", EXACT_MINUTES)]);
        for (file, minutes) in exports {
            let (session_id, meeting, registrations) = fixture_session(&app, &api).await;
            let page = format!("/staff/meetings/{meeting}/attendance/import");
            let csrf = browser.csrf(&page).await;
            let response = upload(&browser, &meeting, &csrf, file, &fixture(file)).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{file}");
            let report = response.headers()["location"].to_str().expect("location").to_owned();
            let html = browser.get_html(&format!("{report}&lang=en")).await;
            assert!(html.contains("Invitado Externo"), "{file}: {html}");
            if file == "bbb_learning_dashboard.csv" {
                // Ana's first line tells of a gap, which her second device's
                // line covers: her figure is marked (session 23).
                assert_eq!(html.matches("marked *").count(), 1, "{file}: {html}");
            } else {
                assert!(!html.contains("marked *"), "{file}: every figure is clipped");
            }
            // The intervals kept, in Madrid's time: Ana's three connections
            // one span; Karim's from 09:00, not from when he joined at 08:40.
            assert!(html.contains("<th scope=\"col\">Times kept</th>"), "{file}: {html}");
            assert!(
                html.contains("<span class=\"interval\">09:02–12:30</span>"),
                "{file}: {html}"
            );
            assert!(
                html.contains("<span class=\"interval\">09:00–11:00</span>"),
                "{file}: {html}"
            );
            let mut fields = hidden_mapping(&html);
            // Every name match offered, confirmed.
            fields.extend(crate::helpers::fields_named(&html, "name=\"", "match."));
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let commit = format!("{}/commit", report.split('?').next().expect("path"));
            let response = browser.post_form(&report, &commit, &fields).await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER, "{file}");
            let (_, matrix) = api.get(&format!("/api/v1/sessions/{session_id}/attendance")).await;
            assert_eq!(marks_at(&matrix, &meeting), present(&registrations, minutes), "{file}");
        }

        // Zoom's unique users: the page says the totals are not clipped.
        let (_, meeting, _) = fixture_session(&app, &api).await;
        let page = format!("/staff/meetings/{meeting}/attendance/import");
        let csrf = browser.csrf(&page).await;
        let response = upload(
            &browser,
            &meeting,
            &csrf,
            "unique.csv",
            &fixture("zoom_unique_users.csv"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let report = response.headers()["location"].to_str().expect("location").to_owned();
        let html = browser.get_html(&format!("{report}&lang=en")).await;
        assert!(
            html.contains("For the people marked *, the report gives only a total duration"),
            "{html}"
        );
        assert!(html.contains("total from the file, not clipped"), "{html}");
        // Karim's, Lucía's and Marie's totals as the file gives them, marked.
        for minutes in [141, 47, 200] {
            assert!(
                html.contains(&format!(">{minutes} <span aria-hidden=\"true\">*</span>")),
                "{minutes}: {html}"
            );
        }
    }
);

db_test!(
    issue_18_the_session_sets_the_share_that_counts_as_present,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meeting, registrations) = fixture_session(&app, &api).await;
        let path = format!("/api/v1/sessions/{session_id}");
        let (_, session) = api.get(&path).await;
        assert_eq!(session["present_share_percent"], 50, "{session}");

        for bad in [json!(0), json!(101), json!("x"), json!("20.5")] {
            let (status, body) = api.patch(&path, &json!({"present_share_percent": bad})).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
            assert!(body["fields"]["present_share_percent"].is_array(), "{bad}: {body}");
        }
        let session = api.patch_ok(&path, &json!({"present_share_percent": 20})).await;
        assert_eq!(session["present_share_percent"], 20, "{session}");

        // The page's help gives the session's share, not the default.
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/meetings/{meeting}/attendance/import");
        let csrf = browser.csrf(&page).await;
        let file = "zoom_participants.csv";
        let response = upload(&browser, &meeting, &csrf, file, &fixture(file)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{file}");
        let report = response.headers()["location"].to_str().expect("location").to_owned();
        let html = browser.get_html(&format!("{report}&lang=en")).await;
        assert!(html.contains("less than 20 % of the meeting"), "{html}");

        // Lucía's 45 of 210 minutes are 21 %: present at 20 %, partial at the default 50 %.
        let (status, answer) = import_fixture(&api, &meeting, "", file).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        let (_, matrix) = api.get(&format!("/api/v1/sessions/{session_id}/attendance")).await;
        let lucia = marks_at(&matrix, &meeting)
            .into_iter()
            .find(|(registration, _, _)| *registration == registrations[4]);
        assert_eq!(
            lucia,
            Some((registrations[4].clone(), "present".to_owned(), Some(45))),
            "{matrix}"
        );

        // The form shows the share and says what is wrong with a bad one.
        let edit = format!("/staff/sessions/{session_id}?lang=en");
        let html = browser.get_html(&edit).await;
        assert!(
            html.contains("name=\"present_share_percent\" type=\"number\" value=\"20\""),
            "{html}"
        );
        let response = browser
            .post_form(&edit, "/staff/sessions/new", &[("present_share_percent", "101")])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(
            html.contains("id=\"error-present_share_percent\">Give a number from 1 to 100."),
            "{html}"
        );
    }
);
