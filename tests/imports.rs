//! Registering people from a CSV file: the API, and the organisers' pages
//! (upload, report with the column mapping, register or not).

use aula_domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Api, Browser, course_and_session, db_test, hidden_mapping};

/// Two good rows, a bad address (line 3) and a row without a given name (line 4).
const WITH_BAD_ROWS: &str = "\
given name,family name,email,employer
Ana,Ruiz,ana@example.org,Ayuntamiento de Sevilla
Luis,Gil,luis@example,
   ,Pérez,pedro@example.org,
Eva,Sanz,eva@example.org,
";

/// POSTs a CSV file of people to the session's import API, `query` after the path.
pub(crate) async fn import(api: &Api, session_id: &str, query: &str, file: &[u8]) -> (StatusCode, Value) {
    api.raw(
        Method::POST,
        &format!("/api/v1/sessions/{session_id}/registrations/import{query}"),
        "text/csv; charset=utf-8",
        file.to_vec(),
    )
    .await
}

async fn registered(api: &Api, session_id: &str) -> Value {
    api.get_ok(&format!("/api/v1/sessions/{session_id}/registrations?per_page=100"))
        .await
}

fn emails(list: &Value) -> Vec<String> {
    let mut emails: Vec<String> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["email"].as_str().unwrap_or_default().to_owned())
        .collect();
    emails.sort();
    emails
}

db_test!(
    a_french_file_with_semicolons_and_a_bom_imports,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let file = "\u{FEFF}Prénom;Nom;Courriel;Employeur;Langue\r\n\
                    Ana;Ruiz;Ana.Ruiz@Example.org;Mairie de Lyon, service RH;français\r\n\
                    Luis;Gil;luis@example.org;;\r\n";

        // A dry run counts and writes nothing.
        let (status, report) = import(&api, &session_id, "?dry_run=true", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(report["dry_run"], true);
        assert_eq!(report["registered"], 2);
        assert_eq!(registered(&api, &session_id).await["total"], 0);

        let (status, report) = import(&api, &session_id, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(
            report,
            json!({"dry_run": false, "accepted": 2, "registered": 2, "waitlisted": 0, "pending": 2,
                "already_registered": 0, "rejected": []})
        );
        let list = registered(&api, &session_id).await;
        assert_eq!(emails(&list), ["ana.ruiz@example.org", "luis@example.org"]);
        assert!(
            list["items"]
                .as_array()
                .expect("items")
                .iter()
                .all(|r| r["source"] == "import")
        );
        let ana = crate::helpers::item_where(&list["items"], "email", "ana.ruiz@example.org");
        assert_eq!(ana["employer"], "Mairie de Lyon, service RH");
    }
);

db_test!(
    rejected_rows_abort_the_whole_file_or_are_skipped,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;

        // Abort (the default): nobody is registered, every problem is reported.
        let (status, report) = import(&api, &session_id, "", WITH_BAD_ROWS.as_bytes()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{report}");
        assert_eq!(report["error"], "rejected_rows");
        assert_eq!(report["accepted"], 2);
        assert_eq!(report["registered"], 0);
        let rejected = report["rejected"].as_array().expect("rejected");
        assert_eq!(rejected.len(), 2);
        assert_eq!(rejected[0]["line"], 3);
        assert_eq!(rejected[0]["email"], "luis@example");
        assert!(rejected[0]["problems"]["email"][0].is_string(), "{report}");
        assert_eq!(rejected[1]["line"], 4);
        assert!(rejected[1]["problems"]["given_name"][0].is_string(), "{report}");
        assert_eq!(registered(&api, &session_id).await["total"], 0, "nothing written");

        // Skip: the valid people only.
        let (status, report) = import(&api, &session_id, "?on_error=skip", WITH_BAD_ROWS.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(report["registered"], 2);
        assert_eq!(report["rejected"].as_array().map(Vec::len), Some(2));
        let list = registered(&api, &session_id).await;
        assert_eq!(emails(&list), ["ana@example.org", "eva@example.org"]);

        // A misspelt parameter is refused rather than ignored.
        let (status, body) = import(&api, &session_id, "?dryrun=true", WITH_BAD_ROWS.as_bytes()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["dryrun"].is_array(), "{body}");
    }
);

db_test!(
    file_problems_and_mapping_overrides,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;

        let (status, body) = import(
            &api,
            &session_id,
            "",
            // A PDF, which no spreadsheet would call a list.
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog \x00 >>\n",
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"], "invalid");
        assert!(
            body["message"].as_str().is_some_and(|m| m.contains("UTF-8")),
            "the encoding message: {body}"
        );

        // Columns the guess does not know, named by the caller.
        let file = "Vorname,Nachname,Adresse\nAna,Ruiz,ana@example.org\n";
        let (status, body) = import(&api, &session_id, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["map.given_name"].is_array(), "{body}");
        let query = "?map.given_name=vorname&map.family_name=Nachname&map.email=Adresse";
        let (status, body) = import(&api, &session_id, query, file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["registered"], 1);
        let (status, body) = import(&api, &session_id, "?map.email=Courriel", file.as_bytes()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["map.email"].is_array(), "{body}");

        // JSON is not a CSV file.
        let (status, _) = api
            .raw(
                Method::POST,
                &format!("/api/v1/sessions/{session_id}/registrations/import"),
                "application/json",
                b"{}".to_vec(),
            )
            .await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    }
);

db_test!(
    people_already_registered_are_reported_as_such,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        // People entered by organisers get their seat without confirming first.
        let (status, body) = api
            .patch_session(&session_id, &json!({"confirm_organiser_entries": false}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        api.created(
            &format!("/api/v1/sessions/{session_id}/registrations"),
            &json!({"given_name": "Ana", "family_name": "Ruiz", "email": "ana@example.org",
                    "audience": "public_servant"}),
        )
        .await;

        let file = "email,given_name,family_name\nANA@example.org,Ana,Ruiz\neva@example.org,Eva,Sanz\n";
        let (status, report) = import(&api, &session_id, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(report["registered"], 1);
        assert_eq!(report["pending"], 0, "{report}");
        assert_eq!(report["already_registered"], 1);
        assert_eq!(report["rejected"], json!([]));
        let list = registered(&api, &session_id).await;
        assert_eq!(list["total"], 2);
        assert!(
            list["items"]
                .as_array()
                .expect("items")
                .iter()
                .all(|r| r["status"] == "confirmed"),
            "{list}"
        );
        // Importing the same file again changes nothing.
        let (status, report) = import(&api, &session_id, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(
            (report["registered"].clone(), report["already_registered"].clone()),
            (json!(0), json!(2))
        );
        assert_eq!(registered(&api, &session_id).await["total"], 2);
        // And writes to nobody: "you asked again to register" is not what
        // happened (session 25's attack round: a daily sync mailed everyone
        // daily). A person asking again themselves is still told.
        assert!(
            crate::helpers::queued(&app, "already_registered", None)
                .await
                .is_empty()
        );
        let (status, body) = api
            .post(
                &format!("/api/v1/sessions/{session_id}/registrations"),
                &json!({"given_name": "Ana", "family_name": "Ruiz", "email": "ana@example.org",
                        "audience": "public_servant"}),
            )
            .await;
        assert!(status.is_success(), "{body}");
        assert!(
            crate::helpers::queued(&app, "already_registered", None)
                .await
                .is_empty()
        );
        app.anonymous_api()
            .created(
                &format!("/api/v1/sessions/{session_id}/registrations"),
                &crate::helpers::registrant("Ana", "ana@example.org"),
            )
            .await;
        assert_eq!(
            crate::helpers::queued(&app, "already_registered", Some("ana@example.org"))
                .await
                .len(),
            1
        );
    }
);

/// Posts the upload form as a browser would (`multipart/form-data`).
async fn upload(browser: &Browser, session_id: &str, csrf: &str, file_name: &str, file: &[u8]) -> reqwest::Response {
    browser
        .upload(&format!("/staff/sessions/{session_id}/import"), csrf, file_name, file)
        .await
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().expect("location").to_owned()
}

db_test!(
    organisers_upload_check_and_register_on_the_pages,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/sessions/{session_id}/import");
        let html = browser.get_html(&page).await;
        assert!(html.contains("enctype=\"multipart/form-data\""), "{html}");
        let csrf = crate::helpers::csrf_in(&html).expect("token");

        // No token, no upload; a workbook is refused with its reason.
        let response = upload(&browser, &session_id, "forged", "people.csv", WITH_BAD_ROWS.as_bytes()).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let workbook = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
        let response = upload(&browser, &session_id, &csrf, "people.xlsx", workbook).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains("“CSV UTF-8”"), "{html}");

        // Upload, then the report.
        let response = upload(
            &browser,
            &session_id,
            &csrf,
            "exports/people.csv",
            WITH_BAD_ROWS.as_bytes(),
        )
        .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let report = location(&response);
        assert!(report.starts_with("/staff/imports/"), "{report}");
        let html = browser.get_html(&report).await;
        assert!(html.contains("people.csv") && !html.contains("exports/"), "{html}");
        assert!(
            html.contains("Rejected lines") && html.contains("luis@example"),
            "{html}"
        );
        assert!(html.contains("Ayuntamiento de Sevilla"), "the preview: {html}");
        assert!(
            html.contains("Register the valid people (2) and skip the rejected lines (2)"),
            "{html}"
        );
        assert!(html.contains("Register nobody"));
        let mapping = hidden_mapping(&html);
        assert_eq!(mapping.len(), 9, "{mapping:?}");
        assert!(
            mapping.contains(&("map.email".to_owned(), "2".to_owned())),
            "{mapping:?}"
        );

        // Another mapping: without the e-mail column, nobody can be registered.
        let html = browser.get_html(&format!("{report}?map.email=")).await;
        assert!(html.contains("Choose the column that holds “E-mail”"), "{html}");
        assert!(!html.contains("/commit\""), "no register button: {html}");

        // Registering all or nobody, with rejected rows: nothing is written.
        let mut fields: Vec<(&str, &str)> = mapping.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        fields.push(("on_error", "abort"));
        let commit = format!("{report}/commit");
        let response = browser.post_form(&report, &commit, &fields).await;
        crate::helpers::answers(response, StatusCode::UNPROCESSABLE_ENTITY, "Nothing was registered").await;
        assert_eq!(registered(&api, &session_id).await["total"], 0);

        // Skipping the rejected rows.
        fields.pop();
        fields.push(("on_error", "skip"));
        let response = browser.post_form(&report, &commit, &fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let done = location(&response);
        assert!(done.starts_with(&format!("{page}/done?")), "{done}");
        let html = browser.get_html(&done).await;
        assert!(html.contains("The import is done."), "the flash: {html}");
        assert!(html.contains("Newly registered</dt><dd>2</dd>"), "{html}");
        assert!(html.contains("Rejected lines skipped</dt><dd>2</dd>"), "{html}");
        assert_eq!(
            emails(&registered(&api, &session_id).await),
            ["ana@example.org", "eva@example.org"]
        );
        // The file is gone: a second click registers nobody twice.
        assert_eq!(browser.get(&report).await.status(), StatusCode::NOT_FOUND);
        let response = browser
            .post_raw(&commit, &[("csrf", &csrf), ("on_error", "skip")])
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);

        // "Register nobody" forgets the file.
        let response = upload(&browser, &session_id, &csrf, "again.csv", WITH_BAD_ROWS.as_bytes()).await;
        let report = location(&response);
        let response = browser.post_form(&report, &format!("{report}/discard"), &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            location(&response),
            format!("/staff/sessions/{session_id}/registrations")
        );
        assert_eq!(browser.get(&report).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(registered(&api, &session_id).await["total"], 2);
    }
);

db_test!(
    only_organisers_import_and_only_their_own_files,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let trainer = app.api(&[Role::Trainer]).await;
        let (status, _) = import(&trainer, &session_id, "", WITH_BAD_ROWS.as_bytes()).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let trainer = app.signed_in(&[Role::Trainer]).await;
        let page = format!("/staff/sessions/{session_id}/import");
        assert_eq!(trainer.get(&page).await.status(), StatusCode::FORBIDDEN);

        // One organiser's upload is not another's to see or register.
        let organiser = app.signed_in(&[Role::Organiser]).await;
        let csrf = organiser.csrf(&page).await;
        let response = upload(&organiser, &session_id, &csrf, "people.csv", WITH_BAD_ROWS.as_bytes()).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let report = location(&response);
        assert_eq!(trainer.get(&report).await.status(), StatusCode::FORBIDDEN);
        let other = app.signed_in(&[Role::Organiser]).await;
        assert_eq!(other.get(&report).await.status(), StatusCode::NOT_FOUND);
        let response = other
            .post_form(&page, &format!("{report}/commit"), &[("on_error", "skip")])
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(registered(&api, &session_id).await["total"], 0);
    }
);

/// A list of `tests/fixtures/registration_lists` (see its SOURCES.md), byte
/// for byte.
fn saved_on_windows(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/registration_lists")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

// Found by trying real files (session 24): Excel's "CSV" on Windows, and the
// export of Microsoft Forms, write the system's code page, and were refused
// as "not UTF-8".
db_test!(
    lists_saved_by_excel_on_windows_keep_their_letters,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let names = |list: &Value| {
            let mut names: Vec<String> = list["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|r| format!("{} {} ({})", r["given_name"], r["family_name"], r["employer"]).replace('"', ""))
                .collect();
            names.sort();
            names
        };

        // Through the API: French Windows-1252 with semicolons, Arabic
        // Windows-1256 with commas, and Excel's "Unicode Text".
        for file in [
            "excel_fr_windows1252.csv",
            "excel_ar_windows1256.csv",
            "excel_unicode_text.txt",
        ] {
            let (status, report) = import(&api, &session_id, "", &saved_on_windows(file)).await;
            assert_eq!(status, StatusCode::OK, "{file}: {report}");
            assert_eq!(report["registered"], 2, "{file}: {report}");
        }
        assert_eq!(
            names(&registered(&api, &session_id).await),
            [
                "Françoise Lefèvre-Cœur (Mairie de Besançon)",
                "Mónica Ibáñez (null)",
                "Éloïse Núñez (Conseil départemental de l'Hérault)",
                "سلمى المصري (بلدية تونس)",
                "عمر الفاسي (null)",
                "يوسف بن علي (الاتحاد العام)",
            ]
        );

        // On the pages, the preview shows the names as the organiser typed
        // them, before anything is registered.
        let (_, other_session) = course_and_session(&app, &api).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let html = browser
            .get_html(&format!("/staff/sessions/{other_session}/import"))
            .await;
        let csrf = crate::helpers::csrf_in(&html).expect("token");
        let file = saved_on_windows("excel_ar_windows1256.csv");
        let response = upload(&browser, &other_session, &csrf, "المشاركون.csv", &file).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let html = browser.get_html(&location(&response)).await;
        assert!(html.contains("سلمى") && html.contains("بلدية تونس"), "{html}");
        assert!(html.contains("Register these people (2)"), "{html}");
    }
);

// Session 31's attack round: a list imported again, into a session whose
// organiser entries confirm by e-mail, sent everyone still pending a new
// link and killed the one they had, while the report said they were left
// as they were. Their link still good, nothing changes and nobody is
// written to.
db_test!(
    session_31_a_list_imported_again_leaves_pending_links_alone,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let file = "email,given_name,family_name\nana@example.org,Ana,Ruiz\n";
        let (status, report) = import(&api, &session_id, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(report["pending"], 1, "{report}");
        let link = crate::helpers::mailed(&app, "registration_requested", "ana@example.org", "confirm_path").await;
        let (status, report) = import(&api, &session_id, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(report["already_registered"], 1, "{report}");
        let requested = crate::helpers::queued(&app, "registration_requested", Some("ana@example.org")).await;
        assert_eq!(requested.len(), 1, "no new link: {requested:?}");
        let page = app.browser().get(&link).await;
        assert_eq!(page.status(), StatusCode::OK, "the link Ana has still works");
    }
);
