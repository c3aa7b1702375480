//! People without e-mail (issue 20): newly arrived people and walk-ins an
//! organiser registers with another contact or none. They get no e-mail,
//! appear in roll calls, complete and get a certificate the organiser
//! prints; the public form still requires an address.

use aula_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Api, Browser, TestApp, db_test, hidden_mapping};
use crate::imports::import;

/// An open accredited session in León whose three meetings were held in
/// March 2026, and its meetings' ids.
async fn held_session(app: &TestApp, api: &Api) -> (String, Vec<String>) {
    let body = app.body().await;
    let course = api
        .created(
            "/api/v1/courses",
            &json!({"title": "Accueillir et orienter", "summary": "Parcours d’intégration.", "hours": 15,
                "modality": "in_person", "audiences": ["other"], "language": "fr",
                "accreditation_body_id": body}),
        )
        .await;
    let session =
        crate::helpers::session_in_leon(app, api, &course, 20, crate::helpers::mornings_from_12_march_2026(3)).await;
    let id = session["id"].as_str().expect("id").to_owned();
    (id, crate::helpers::meeting_ids(&session))
}

/// Every message ever queued, whoever it is to.
async fn outbox_rows(app: &TestApp) -> u64 {
    use aula_storage::entities::outbox;
    use sea_orm::{EntityTrait, PaginatorTrait};
    outbox::Entity::find().count(&app.db).await.expect("count")
}

/// Karim Haddad (audience "other", speaking Arabic) entered on the add form
/// of the registrations' `page` (`query` added to its action), with `fields`
/// besides: what each step changes.
async fn add_karim(browser: &Browser, page: &str, query: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut all = vec![
        ("given_name", "Karim"),
        ("family_name", "Haddad"),
        ("audience", "other"),
        ("language", "ar"),
    ];
    all.extend_from_slice(fields);
    browser.post_form(page, &format!("{page}/add{query}"), &all).await
}

async fn list(api: &Api, session_id: &str) -> Value {
    api.get_ok(&format!("/api/v1/sessions/{session_id}/registrations?per_page=100"))
        .await
}

const AMINA: &str = r#"{"given_name": "Amina", "family_name": "Diallo", "without_email": true,
    "phone": "+216 20 123 456", "audience": "other", "language": "fr"}"#;

db_test!(
    issue_20_someone_without_email_is_registered_attends_and_gets_a_printed_certificate,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (session_id, meetings) = held_session(&app, &api).await;
        let registrations = format!("/api/v1/sessions/{session_id}/registrations");
        let amina: Value = serde_json::from_str(AMINA).expect("json");
        let before = outbox_rows(&app).await;

        // Entered by an organiser: seated at once (nobody could confirm by e-mail).
        let (status, created) = api.post(&registrations, &amina).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        assert_eq!(created["status"], "confirmed");
        let registration = created["id"].as_str().expect("id").to_owned();
        // The same form sent again, or the same person entered twice: one registration.
        let again = api.created(&registrations, &amina).await;
        assert_eq!(again["id"].as_str(), Some(registration.as_str()));
        let listed = list(&api, &session_id).await;
        assert_eq!(listed["total"], 1, "{listed}");
        assert_eq!(listed["items"][0]["email"], Value::Null);

        // What is refused, and changes nothing.
        let mut without_flag = amina.clone();
        without_flag["without_email"] = json!(false);
        let mut both = amina.clone();
        both["email"] = json!("amina@example.org");
        for (body, key) in [(&without_flag, "email"), (&both, "email")] {
            let (status, problem) = api.post(&registrations, body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
            assert!(problem["fields"][key].is_array(), "{problem}");
        }
        let (_, problem) = api.post(&registrations, &both).await;
        assert!(
            crate::helpers::problem_for(&problem, "email")
                .contains("An address was given for a person marked as having none"),
            "{problem}"
        );
        // The public always gives an address, whatever it says.
        let (_, open) = crate::helpers::course_and_session(&app, &api).await;
        let mut public = amina.clone();
        public["consent"] = json!(true);
        let (status, problem) = app
            .anonymous_api()
            .post(&format!("/api/v1/sessions/{open}/registrations"), &public)
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(problem["fields"]["email"].is_array(), "{problem}");
        assert_eq!(list(&api, &session_id).await["total"], 1);

        // A trainer's roll call has her; she attends every meeting and completes.
        for meeting in &meetings {
            let (status, body) = api
                .put_marks(
                    meeting,
                    &json!([{"registration_id": registration, "status": "present"}]),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        let matrix = api.get_ok(&format!("/api/v1/sessions/{session_id}/attendance")).await;
        assert_eq!(matrix["rows"][0]["given_name"], "Amina", "{matrix}");
        assert_eq!(matrix["rows"][0]["email"], Value::Null, "{matrix}");
        api.close_and_complete(&session_id).await;
        let issued = api
            .post_ok(&format!("/api/v1/sessions/{session_id}/certificates"), &json!({}))
            .await;
        assert_eq!(issued["issued"], 1, "{issued}");
        let certificate = issued["certificates"][0]["id"].as_str().expect("id").to_owned();

        // The organiser prints it.
        let pdf = api
            .get_response(&format!("/api/v1/certificates/{certificate}/pdf"))
            .await;
        assert_eq!(pdf.status(), StatusCode::OK);
        assert!(pdf.bytes().await.expect("pdf").starts_with(b"%PDF-"));
        // Its credential names her by name only: no hash of an empty address.
        let credential = api
            .get_ok(&format!("/api/v1/certificates/{certificate}/credential"))
            .await;
        let text = credential.to_string();
        assert!(text.contains("Amina Diallo"), "{text}");
        assert!(!text.contains("emailAddress"), "{text}");

        // Nothing was ever queued for her (nor for anyone: the session was held before).
        assert_eq!(outbox_rows(&app).await, before, "no e-mail to someone without one");
    }
);

db_test!(
    issue_20_the_organisers_form_registers_someone_without_email,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/sessions/{session_id}/registrations");
        let html = browser.get_html(&format!("{page}?lang=en")).await;
        assert!(html.contains("name=\"without_email\""), "{html}");
        assert!(html.contains("This person has no e-mail address"), "{html}");

        // Ticked with an address: refused in the page's language, nobody added.
        let response = add_karim(
            &browser,
            &page,
            "?lang=fr",
            &[("email", "karim@example.org"), ("without_email", "on")],
        )
        .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(
            html.contains("Une adresse est saisie pour une personne indiquée sans e-mail"),
            "{html}"
        );
        assert_eq!(list(&api, &session_id).await["total"], 0);

        // Neither ticked nor given: the address is asked for.
        let response = add_karim(&browser, &page, "", &[("email", "")]).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let response = add_karim(
            &browser,
            &page,
            "",
            &[("email", ""), ("without_email", "on"), ("phone", "+216 98 765 432")],
        )
        .await;
        assert!(response.status().is_redirection(), "{}", response.status());
        let listed = list(&api, &session_id).await;
        assert_eq!(listed["total"], 1, "{listed}");
        assert_eq!(listed["items"][0]["status"], "confirmed", "{listed}");
        let html = browser.get_html(&format!("{page}?lang=en")).await;
        assert!(html.contains("no e-mail"), "{html}");
        assert!(html.contains("+216 98 765 432"), "{html}");
        // The registrations' CSV has an empty address.
        let csv = browser
            .get_text(&format!("/staff/sessions/{session_id}/registrations.csv"))
            .await;
        assert!(
            csv.contains("Karim,Haddad,,") || csv.contains("Karim;Haddad;;"),
            "an empty address: {csv}"
        );
    }
);

db_test!(
    issue_20_an_import_takes_rows_without_email_when_the_organiser_says_so,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        // As a spreadsheet set to French writes it: BOM, semicolons, CRLF.
        let file = "\u{FEFF}Prénom;Nom;Courriel;Téléphone\r\n\
                    Amina;Diallo;;+216 20 123 456\r\n\
                    Sara;Ben Ali;sara@example.org;\r\n\
                    Youssef;Trabelsi;;\r\n";

        // Without the organiser's word, rows without an address are refused.
        let (status, report) = import(&api, &session_id, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{report}");
        assert_eq!(report["error"], "rejected_rows");
        assert_eq!(list(&api, &session_id).await["total"], 0, "nobody registered");
        let (status, report) = import(&api, &session_id, "?without_email=maybe", file.as_bytes()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{report}");

        let (status, report) = import(&api, &session_id, "?without_email=true", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(report["registered"], 3, "{report}");
        // Imported again: the same people, not new ones.
        let (status, report) = import(&api, &session_id, "?without_email=true", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(report["already_registered"], 3, "{report}");
        let listed = list(&api, &session_id).await;
        assert_eq!(listed["total"], 3, "{listed}");
        let without = listed["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|r| r["email"].is_null())
            .count();
        assert_eq!(without, 2);

        // The pages: the box on the report, carried to "register".
        let (_, other) = crate::helpers::course_and_session(&app, &api).await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let upload = format!("/staff/sessions/{other}/import");
        let csrf = browser.csrf(&upload).await;
        let response = browser.upload(&upload, &csrf, "groupe.csv", file.as_bytes()).await;
        assert!(response.status().is_redirection(), "{}", response.status());
        let report = response
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .expect("location")
            .to_owned();
        let html = browser.get_html(&format!("{report}?without_email=true&lang=en")).await;
        assert!(
            html.contains("Rows without an e-mail address are people who have none"),
            "{html}"
        );
        assert!(html.contains("name=\"without_email\" value=\"true\" checked"), "{html}");
        let mut fields = hidden_mapping(&html);
        fields.push(("without_email".into(), "true".into()));
        fields.push(("on_error".into(), "abort".into()));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let response = browser
            .post_form(
                &format!("{report}?without_email=true"),
                &format!("{report}/commit"),
                &fields,
            )
            .await;
        assert!(response.status().is_redirection(), "{}", response.status());
        assert_eq!(list(&api, &other).await["total"], 3);
    }
);

db_test!(
    issue_20_someone_without_email_registered_again_is_one_person,
    |app: TestApp| async move {
        use aula_storage::entities::person;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let api = app.api(&[Role::Organiser]).await;
        let (_, first) = crate::helpers::course_and_session(&app, &api).await;
        let (_, second) = crate::helpers::course_and_session(&app, &api).await;
        let amina: Value = serde_json::from_str(AMINA).expect("json");
        let karim = json!({"given_name": "Karim", "family_name": "Haddad", "without_email": true,
            "audience": "other", "language": "ar"});
        for session in [&first, &second] {
            for body in [&amina, &karim] {
                api.created(&format!("/api/v1/sessions/{session}/registrations"), body)
                    .await;
            }
        }
        // Written differently the third time: the same person.
        let mut again = amina.clone();
        again["given_name"] = json!("AMINA");
        let (_, third) = crate::helpers::course_and_session(&app, &api).await;
        api.created(&format!("/api/v1/sessions/{third}/registrations"), &again)
            .await;
        let named = |family: &'static str| {
            let db = &app.db;
            async move {
                person::Entity::find()
                    .filter(person::Column::FamilyName.eq(family))
                    .all(db)
                    .await
                    .expect("people")
            }
        };
        // Amina's telephone finds her again; Karim gave none, so each entry is a new person.
        let aminas = named("Diallo").await;
        assert_eq!(aminas.len(), 1, "one person, registered three times");
        assert_eq!(
            aminas[0].given_name, "AMINA",
            "her record takes the details an organiser gave last"
        );
        assert_eq!(named("Haddad").await.len(), 2);
        // Another telephone is another person.
        let mut other = amina.clone();
        other["phone"] = json!("+216 98 000 111");
        let (_, fourth) = crate::helpers::course_and_session(&app, &api).await;
        api.created(&format!("/api/v1/sessions/{fourth}/registrations"), &other)
            .await;
        assert_eq!(named("Diallo").await.len(), 2);
    }
);
