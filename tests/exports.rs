//! Every CSV export is safe to open in a spreadsheet (issue 15, item 4): a
//! text cell that a spreadsheet would read as a formula starts with `'`,
//! and numbers stay numbers.

use aula_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{Api, TestApp, db_test};

/// What an anonymous registrant may call themselves to plant formulas.
const GIVEN: &str = "=HYPERLINK(\"http://evil\",\"x\")";
const FAMILY: &str = "-2+3";
const EMPLOYER: &str = "+cmd|' /C calc'!A0";
const JOB: &str = "@SUM(1)";

/// Registers through the public API and confirms by the e-mailed link
/// (with its button if the link shows one).
async fn register(app: &TestApp, session_id: &str, email: &str) {
    app.anonymous_api()
        .created(
            &format!("/api/v1/sessions/{session_id}/registrations"),
            &json!({"given_name": GIVEN, "family_name": FAMILY, "email": email, "employer": EMPLOYER,
                "job_title": JOB, "audience": "public_servant", "language": "en", "consent": true}),
        )
        .await;
    let confirm = crate::helpers::mailed(app, "registration_requested", email, "confirm_path").await;
    let browser = app.browser();
    let page = browser.get_html(&confirm).await;
    if page.contains("<form") && crate::helpers::csrf_in(&page).is_some() && page.contains(&confirm) {
        browser.submit(&confirm, &[]).await;
    }
}

async fn csv_of(api: &Api, path: &str) -> Vec<csv::StringRecord> {
    let response = api.get_response(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let bytes = response.bytes().await.expect("bytes");
    records(&bytes, b',')
}

fn records(bytes: &[u8], delimiter: u8) -> Vec<csv::StringRecord> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).expect("utf-8");
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("row"))
        .collect()
}

/// No cell of the file starts as a formula would.
fn no_formula(what: &str, rows: &[csv::StringRecord]) {
    for row in rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{what}: {cell:?} in {row:?}"
            );
        }
    }
}

fn a_number(what: &str, cell: &str) {
    assert!(
        cell.replace(',', ".").parse::<f64>().is_ok(),
        "{what}: {cell:?} is a number"
    );
}

db_test!(
    issue_15_every_csv_export_neutralises_formulas,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let course = crate::helpers::accredited_course(
            &app,
            &api,
            json!({"title": "=Curso", "summary": "S", "hours": 5, "modality": "in_person",
                "audiences": ["public_servant"], "language": "en"}),
        )
        .await;
        let session = crate::helpers::session_in_leon(
            &app,
            &api,
            &course,
            1,
            json!([{"starts_at": "2030-03-12T09:00:00+01:00", "ends_at": "2030-03-12T14:00:00+01:00"}]),
        )
        .await;
        let session_id = session["id"].as_str().expect("id").to_owned();
        let meeting = session["meetings"][0]["id"].as_str().expect("meeting").to_owned();
        // One seat: the first is confirmed, the second waits (a position, a number).
        register(&app, &session_id, "first@example.org").await;
        register(&app, &session_id, "second@example.org").await;
        crate::helpers::move_to_past(&app, &session_id).await;

        let list = api
            .get_ok(&format!("/api/v1/sessions/{session_id}/registrations?status=confirmed"))
            .await;
        let registration = list["items"][0]["id"].clone();
        assert!(registration.is_string(), "{list}");
        let (status, saved) = api
            .put_marks(
                &meeting,
                &json!([{"registration_id": registration, "status": "present"}]),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        api.close_and_complete(&session_id).await;
        let survey = crate::helpers::mailed(&app, "survey_invitation", "first@example.org", "path").await;
        let token = survey.trim_start_matches("/s/").split('?').next().expect("token");
        app.anonymous_api()
            .created(
                &format!("/api/v1/surveys/{token}"),
                &json!({"answers": {"overall": 5, "relevance": 4, "trainers": 5, "organisation": 3,
                    "recommend": 0, "apply": "=1+1", "change": "-1"}}),
            )
            .await;
        let issued = api
            .post_ok(&format!("/api/v1/sessions/{session_id}/certificates"), &json!({}))
            .await;
        assert_eq!(issued["issued"], 1, "{issued}");

        // The registrations: every text cell neutralised, the position a number.
        let rows = csv_of(&api, &format!("/staff/sessions/{session_id}/registrations.csv")).await;
        no_formula("registrations", &rows);
        let first = rows.iter().find(|r| &r[2] == "first@example.org").expect("first");
        assert_eq!(&first[0], format!("'{GIVEN}"));
        assert_eq!(&first[1], format!("'{FAMILY}"));
        assert_eq!(&first[4], format!("'{EMPLOYER}"));
        assert_eq!(&first[5], format!("'{JOB}"));
        let second = rows.iter().find(|r| &r[2] == "second@example.org").expect("second");
        assert_eq!(&second[8], "1", "{second:?}");
        // The profile and the status in words, as the header (session 29's
        // attack round: `public_servant`, `waitlisted`).
        let english = csv_of(&api, &format!("/staff/sessions/{session_id}/registrations.csv?lang=en")).await;
        let second = english.iter().find(|r| &r[2] == "second@example.org").expect("second");
        assert_eq!(
            (&second[6][..], &second[7][..]),
            ("Public servants", "Waiting list"),
            "{second:?}"
        );

        // Its header speaks the reader's language, Arabic too (issue 23).
        let arabic = csv_of(&api, &format!("/staff/sessions/{session_id}/registrations.csv?lang=ar")).await;
        assert_eq!(&arabic[0][0], "الاسم", "{:?}", arabic[0]);
        assert_eq!(arabic.len(), rows.len(), "the same rows");

        // The attendance matrix: names neutralised, hours a number.
        let rows = csv_of(&api, &format!("/staff/sessions/{session_id}/attendance.csv?lang=fr")).await;
        no_formula("attendance", &rows);
        assert_eq!(&rows[1][0], format!("'{GIVEN}"));
        a_number("attendance hours", &rows[1][4]);
        // Its marks in the reader's words (session 31's attack round: the
        // codes, in English, under a French header).
        assert!(rows.iter().any(|r| r[3] == *"Présent·e"), "{rows:?}");

        // The survey's results: free texts neutralised, counts and means numbers.
        crate::helpers::publish_answers(&app, &session_id).await;
        let rows = csv_of(&api, &format!("/staff/sessions/{session_id}/survey.csv")).await;
        no_formula("survey", &rows);
        assert!(rows.iter().any(|r| &r[1] == "'=1+1"), "{rows:?}");
        assert!(rows.iter().any(|r| &r[1] == "'-1"), "{rows:?}");
        let counted = rows
            .iter()
            .skip(1)
            .find(|r| !r[2].is_empty() && !r[3].is_empty())
            .expect("a count");
        a_number("survey count", &counted[2]);
        a_number("survey mean", &counted[3]);

        // The indicators by course: the course's title neutralised, figures numbers.
        let rows = csv_of(&api, "/api/v1/indicators.csv?breakdown=course").await;
        no_formula("indicators", &rows);
        assert_eq!(&rows[1][0], "'=Curso");
        for cell in rows[1].iter().skip(1).filter(|c| *c != "—") {
            a_number("indicator", cell);
        }
        let totals = csv_of(&api, "/api/v1/indicators.csv").await;
        no_formula("indicator totals", &totals);

        // The certificate register inside the ZIP.
        let register = crate::helpers::certificate_register(&api).await;
        let rows = records(register.as_bytes(), b',');
        no_formula("certificate register", &rows);
        assert_eq!(&rows[1][1], format!("'{GIVEN} {FAMILY}"));
        a_number("certificate hours", &rows[1][3]);
    }
);
