//! Identifiers in an accrediting body's register (issue 20): a university
//! asks for the national ID number of the people it accredits. People give
//! it when registering for its courses (and only for its courses); only its
//! accreditors see it, in their list and register; it goes when the person
//! is erased.

use aula_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Api, TestApp, db_test};

/// The test body (ULE), now asking for "DNI/NIE": an admin's change, as
/// bodies are shared by the instance's organisations.
async fn asking_body(app: &TestApp) -> String {
    let body = app.body().await.to_string();
    let path = format!("/api/v1/accreditation-bodies/{body}");
    let (status, _) = app
        .api(&[Role::Organiser])
        .await
        .patch(&path, &json!({"identifier_label": "DNI/NIE"}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let admin = app.api(&[Role::Admin]).await;
    // Its code does not change; what is left out stays.
    let (status, problem) = admin
        .patch(&path, &json!({"code": "XYZ", "identifier_label": "DNI/NIE"}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(problem["fields"]["code"].is_array(), "{problem}");
    let patched = admin.patch_ok(&path, &json!({"identifier_label": "DNI/NIE"})).await;
    assert_eq!(patched["identifier_label"], "DNI/NIE", "{patched}");
    assert_eq!(patched["name"], "Universidad de León", "{patched}");
    assert_eq!(patched["code"], "ULE", "{patched}");
    body
}

/// A course the test body accredits.
async fn mediation(app: &TestApp, api: &Api) -> Value {
    crate::helpers::accredited_course(
        app,
        api,
        json!({"title": "Mediación intercultural", "summary": "Acreditado.", "hours": 10,
        "modality": "in_person", "audiences": ["mediator"], "language": "es"}),
    )
    .await
}

/// A session in 2030 of a course the test body accredits, the body asking
/// for "DNI/NIE": its id.
async fn accredited_session(app: &TestApp, api: &Api) -> String {
    asking_body(app).await;
    let course = mediation(app, api).await;
    let session = crate::helpers::session_in_leon(app, api, &course, 20, in_2030()).await;
    session["id"].as_str().expect("id").to_owned()
}

/// One meeting, in the future.
fn in_2030() -> Value {
    json!([{"starts_at": "2030-04-02T09:00:00+02:00", "ends_at": "2030-04-02T14:00:00+02:00"}])
}

fn registrant_with(given: &str, email: &str, identifier: Option<&str>) -> Value {
    let mut body = crate::helpers::registrant(given, email);
    if let Some(identifier) = identifier {
        body["identifier"] = json!(identifier);
    }
    body
}

async fn stored_identifier(app: &TestApp, registration: &str) -> Option<String> {
    use aula_storage::entities::registration;
    use sea_orm::EntityTrait;
    registration::Entity::find_by_id(registration.parse::<uuid::Uuid>().expect("uuid"))
        .one(&app.db)
        .await
        .expect("read")
        .expect("registration")
        .body_identifier
}

db_test!(
    issue_20_an_accrediting_body_asks_for_an_identifier_only_it_sees,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        asking_body(&app).await;

        // A future accredited session: the public form asks for it, and the
        // public cannot register without it.
        let course = mediation(&app, &api).await;
        let future = crate::helpers::session_in_leon(&app, &api, &course, 20, in_2030()).await;
        let future_id = future["id"].as_str().expect("id");
        let page = app.browser().get_html(&format!("/sessions/{future_id}")).await;
        assert!(
            page.contains("name=\"identifier\"") && page.contains("DNI/NIE"),
            "the form asks for it"
        );
        let public = format!("/api/v1/sessions/{future_id}/registrations");
        let (status, problem) = app
            .anonymous_api()
            .post(&public, &registrant_with("Ana", "ana@example.org", None))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(problem["fields"]["identifier"].is_array(), "{problem}");
        let (status, problem) = app
            .anonymous_api()
            .post(
                &public,
                &registrant_with("Ana", "ana@example.org", Some(&"9".repeat(61))),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        let listed = api.get_ok(&format!("{public}?per_page=100")).await;
        assert_eq!(listed["total"], 0, "nothing written");
        app.anonymous_api()
            .created(&public, &registrant_with("Ana", "ana@example.org", Some(" 12345678Z ")))
            .await;
        let listed = api.get_ok(&format!("{public}?per_page=100")).await;
        let ana = listed["items"][0]["id"].as_str().expect("id").to_owned();
        assert_eq!(stored_identifier(&app, &ana).await.as_deref(), Some("12345678Z"));
        // Asked again with her address (anyone may), her pending registration
        // keeps the identifier she gave: the new link would confirm a value its
        // page does not show.
        let (status, _) = app
            .anonymous_api()
            .post(&public, &registrant_with("Ana", "ana@example.org", Some("00000000T")))
            .await;
        assert_eq!(status, StatusCode::CREATED);
        assert_eq!(stored_identifier(&app, &ana).await.as_deref(), Some("12345678Z"));
        // On the page, a blank one is the form again with the field's problem.
        let response = app
            .browser()
            .post_form(
                &format!("/sessions/{future_id}"),
                &format!("/sessions/{future_id}/register"),
                &[
                    ("given_name", "Iker"),
                    ("family_name", "Sanz"),
                    ("email", "iker@example.org"),
                    ("audience", "mediator"),
                    ("language", "es"),
                    ("consent", "true"),
                    ("identifier", "   "),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(
            html.contains("error-identifier") && html.contains("value=\"Iker\""),
            "{html}"
        );
        // The organiser's list does not show it.
        assert!(!listed.to_string().contains("12345678Z"), "{listed}");

        // A course no body accredits keeps none, whatever is sent.
        let (_, open) = crate::helpers::course_and_session(&app, &api).await;
        app.anonymous_api()
            .created(
                &format!("/api/v1/sessions/{open}/registrations"),
                &registrant_with("Eva", "eva@example.org", Some("X1234567L")),
            )
            .await;
        let listed = api.get_ok(&format!("/api/v1/sessions/{open}/registrations")).await;
        let eva = listed["items"][0]["id"].as_str().expect("id").to_owned();
        assert_eq!(stored_identifier(&app, &eva).await, None);
        let page = app.browser().get_html(&format!("/sessions/{open}")).await;
        assert!(!page.contains("name=\"identifier\""));

        // A held session: the organiser enters two people, one without it (they
        // may not have it), both complete and get a certificate.
        let held =
            crate::helpers::session_in_leon(&app, &api, &course, 20, crate::helpers::mornings_from_12_march_2026(1))
                .await;
        let held_id = held["id"].as_str().expect("id");
        let meeting = crate::helpers::meeting_ids(&held)[0].clone();
        let (status, body) = api
            .patch_session(held_id, &json!({"confirm_organiser_entries": false}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let entries = format!("/api/v1/sessions/{held_id}/registrations");
        let luis = api
            .created(
                &entries,
                &registrant_with("Luis", "luis@example.org", Some("87654321X")),
            )
            .await;
        let rosa = api
            .created(&entries, &registrant_with("Rosa", "rosa@example.org", None))
            .await;
        let marks: Vec<Value> = [&luis, &rosa]
            .iter()
            .map(|r| json!({"registration_id": r["id"], "status": "present"}))
            .collect();
        let (status, body) = api.put_marks(&meeting, &json!(marks)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        api.close_and_complete(held_id).await;
        let issued = crate::certificates::issue(&api, held_id).await;
        assert_eq!(issued["issued"], 2, "{issued}");

        // The body's accreditors see it; the organiser does not.
        let accreditor = app.api(&[Role::Accreditor]).await;
        let theirs = accreditor.get_ok("/api/v1/certificates").await;
        let luis_line = theirs["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|c| c["holder"].as_str().is_some_and(|h| h.starts_with("Luis")))
            .cloned()
            .expect("Luis's certificate");
        assert_eq!(luis_line["holder_identifier"], "87654321X", "{theirs}");
        let ours = api.get_ok("/api/v1/certificates").await;
        assert!(!ours.to_string().contains("87654321X"), "{ours}");
        assert!(ours["items"][0].get("holder_identifier").is_none());
        let register = crate::helpers::certificate_register(&accreditor).await;
        assert!(
            register
                .trim_start_matches('\u{feff}')
                .starts_with("number,holder,holder_identifier,"),
            "{register}"
        );
        assert!(register.contains(",87654321X,"), "{register}");
        assert!(!crate::helpers::certificate_register(&api).await.contains("87654321X"));
        let page = app
            .signed_in(&[Role::Accreditor])
            .await
            .get_html("/staff/certificates")
            .await;
        assert!(page.contains("DNI/NIE") && page.contains("87654321X"));
        let page = app
            .signed_in(&[Role::Organiser])
            .await
            .get_html("/staff/certificates")
            .await;
        assert!(!page.contains("87654321X"));

        // The course no longer accredited by the body: the identifiers given
        // for its register go, but those beside a certificate it issued stay.
        let course_id = course["id"].as_str().expect("id");
        api.patch_ok(
            &format!("/api/v1/courses/{course_id}"),
            &json!({"accreditation_body_id": ""}),
        )
        .await;
        assert_eq!(stored_identifier(&app, &ana).await, None);
        assert_eq!(
            stored_identifier(&app, luis["id"].as_str().expect("id"))
                .await
                .as_deref(),
            Some("87654321X")
        );

        // The person sees it in their own data.
        let me = crate::helpers::me_browser(&app, "luis@example.org").await;
        let data = me.get_html("/me/data.json").await;
        assert!(data.contains("\"body_identifier\": \"87654321X\""), "{data}");

        // Its certificate withdrawn when its time is up (issue 21), the
        // registration no longer holds it either.
        let later = chrono::Utc::now() + chrono::Duration::days(1);
        let withdrawn = aula_storage::retention::withdraw_old_certificates(&app.db, later, 100)
            .await
            .expect("withdrawn");
        assert_eq!(withdrawn, 2);
        assert_eq!(stored_identifier(&app, luis["id"].as_str().expect("id")).await, None);
        assert!(
            !crate::helpers::certificate_register(&accreditor)
                .await
                .contains("87654321X")
        );
        let theirs = accreditor.get_ok("/api/v1/certificates").await;
        assert!(!theirs.to_string().contains("87654321X"), "{theirs}");

        // Erased with the person.
        let person = luis["person_id"].as_str().map(str::to_owned);
        let person = match person {
            Some(p) => p,
            None => {
                use aula_storage::entities::registration;
                use sea_orm::EntityTrait;
                registration::Entity::find_by_id(luis["id"].as_str().expect("id").parse::<uuid::Uuid>().expect("uuid"))
                    .one(&app.db)
                    .await
                    .expect("read")
                    .expect("row")
                    .person_id
                    .to_string()
            }
        };
        aula_app::retention::erase(
            &app.app(),
            person.parse().expect("uuid"),
            &aula_app::retention::ErasedBy::Staff {
                actor: aula_storage::Actor::system("test"),
                reason: "Asked by the person".into(),
            },
            false,
        )
        .await
        .expect("erased");
        assert_eq!(stored_identifier(&app, luis["id"].as_str().expect("id")).await, None);
        assert!(
            !crate::helpers::certificate_register(&accreditor)
                .await
                .contains("87654321X")
        );
    }
);

db_test!(issue_20_a_body_is_edited_from_its_page, |app: TestApp| async move {
    let body = app.body().await;
    let organiser = app.signed_in(&[Role::Organiser]).await;
    let form = format!("/staff/accreditation-bodies/{body}");
    assert!(!organiser.get_html("/staff/accreditation-bodies").await.contains(&form));
    assert_eq!(organiser.get(&form).await.status(), StatusCode::FORBIDDEN);
    let browser = app.signed_in(&[Role::Admin]).await;
    let page = browser.get_html("/staff/accreditation-bodies").await;
    assert!(page.contains(&form));
    let response = browser
        .submit(
            &form,
            &[
                ("name", ""),
                ("website", ""),
                ("identifier_label", "Número de personal"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The heading names the body as it is, not the blank typed (session 25).
    let html = response.text().await.expect("html");
    assert!(html.contains("<h1>Universidad de León <bdi"), "{html}");
    let response = browser
        .submit(
            &form,
            &[
                ("name", "Universidad de León"),
                ("website", ""),
                ("identifier_label", "Número de personal"),
            ],
        )
        .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    let listed = app
        .api(&[Role::Organiser])
        .await
        .get_ok("/api/v1/accreditation-bodies")
        .await;
    assert_eq!(listed[0]["identifier_label"], "Número de personal", "{listed}");
    assert_eq!(listed[0]["code"], "ULE");
});

/// The registration of `email` among the session's, by id.
async fn registration_of(api: &Api, session: &str, email: &str) -> String {
    let listed = api
        .get_ok(&format!("/api/v1/sessions/{session}/registrations?per_page=100"))
        .await;
    crate::helpers::item_where(&listed["items"], "email", email)["id"]
        .as_str()
        .expect("registered")
        .to_owned()
}

db_test!(
    issue_20_an_import_keeps_the_identifiers_the_body_asks_for,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let session = accredited_session(&app, &api).await;

        // The upload page offers the column in the body's words; a file
        // whose column is named so is read by the pages too, and a refused
        // cell is reported in those words.
        let browser = app.signed_in(&[Role::Organiser]).await;
        let upload = format!("/staff/sessions/{session}/import");
        let page = browser.get_html(&upload).await;
        assert!(page.contains("DNI/NIE (Universidad de León)"), "the field is offered");
        let csrf = crate::helpers::csrf_in(&page).expect("token");
        let file = format!(
            "given name,family name,email,dni / nie\nRosa,Vidal,rosa@example.org,{}\n",
            "7".repeat(61)
        );
        let response = browser.upload(&upload, &csrf, "people.csv", file.as_bytes()).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let report = response.headers()["location"].to_str().expect("location").to_owned();
        let html = browser.get_html(&report).await;
        assert!(
            html.contains("DNI/NIE (Universidad de León):"),
            "the refusal in the body's words: {html}"
        );

        // As a spreadsheet in Spain writes it: a byte-order mark,
        // semicolons, CRLF. An identifier too long refuses its row, and the
        // whole file by default.
        let long = "9".repeat(61);
        let file = format!(
            "\u{FEFF}Nombre;Apellidos;Correo electrónico;DNI/NIE\r\n\
             Ana;Ruiz;ana@example.org; 12345678Z \r\n\
             Luis;Gil;luis@example.org;\r\n\
             Eva;Sanz;eva@example.org;{long}\r\n"
        );
        let (status, report) = crate::imports::import(&api, &session, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{report}");
        assert_eq!(report["rejected"][0]["line"], 4, "{report}");
        assert!(
            report["rejected"][0]["problems"]["identifier"][0].is_string(),
            "{report}"
        );
        let (status, report) = crate::imports::import(&api, &session, "?on_error=skip", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        assert_eq!(report["registered"], 2, "{report}");
        let ana = registration_of(&api, &session, "ana@example.org").await;
        let luis = registration_of(&api, &session, "luis@example.org").await;
        assert_eq!(stored_identifier(&app, &ana).await.as_deref(), Some("12345678Z"));
        // An organiser may not have it: the register's cell stays empty.
        assert_eq!(stored_identifier(&app, &luis).await, None);

        // A course no body accredits keeps none, and its page does not offer
        // the column: a "DNI" column there is not read at all.
        let (_, plain) = crate::helpers::course_and_session(&app, &api).await;
        let page = browser.get_html(&format!("/staff/sessions/{plain}/import")).await;
        assert!(!page.contains("DNI/NIE"), "not offered");
        let file = format!("given name,family name,email,DNI\nAna,Ruiz,ana@example.org,{long}\n");
        let (status, report) = crate::imports::import(&api, &plain, "", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        let ana = registration_of(&api, &plain, "ana@example.org").await;
        assert_eq!(stored_identifier(&app, &ana).await, None);
    }
);

db_test!(
    issue_20_a_person_corrects_the_identifier_they_gave,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let session = accredited_session(&app, &api).await;
        let public = format!("/api/v1/sessions/{session}/registrations");
        for (given, email, identifier) in [
            ("Ana", "ana@example.org", "12345678A"),
            ("Luis", "luis@example.org", "X1234567L"),
        ] {
            let (status, body) = app
                .anonymous_api()
                .post(&public, &registrant_with(given, email, Some(identifier)))
                .await;
            assert_eq!(status, StatusCode::CREATED, "{body}");
        }
        let ana = registration_of(&api, &session, "ana@example.org").await;
        let luis = registration_of(&api, &session, "luis@example.org").await;
        let manage = app.mail.manage_path(ana.parse().expect("uuid"));
        let action = format!("{manage}/identifier");

        // Her personal page names it in the body's words, masked (the link
        // travels in e-mails), with a field to type it again.
        let browser = app.browser();
        let page = browser.get_html(&manage).await;
        assert!(
            page.contains(">DNI/NIE<") && page.contains("•••••78A") && page.contains("name=\"identifier\""),
            "{page}"
        );
        assert!(!page.contains("12345678A"), "{page}");
        // "My trainings" shows it too, with the way to correct it, as the
        // privacy notice promises.
        let mine = crate::helpers::me_browser(&app, "ana@example.org").await;
        let me = mine.get_html("/me?lang=en").await;
        assert!(
            me.contains("<bdi>DNI/NIE</bdi>: <bdi dir=\"ltr\">•••••78A</bdi>")
                && me.contains(&format!("{manage}#identifier")),
            "{me}"
        );
        assert!(!me.contains("12345678A"), "{me}");
        // Her e-mails carry her link; the organisers' outbox shows them
        // without its secret, nor any other link's (issue 20 follow-up).
        {
            use aula_storage::entities::outbox;
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            let message = outbox::Entity::find()
                .filter(outbox::Column::Recipient.eq("ana@example.org"))
                .one(&app.db)
                .await
                .expect("read")
                .expect("mailed");
            let token = manage.trim_start_matches("/r/");
            let staff = app.signed_in(&[Role::Organiser]).await;
            for part in ["", "/html"] {
                let shown = staff.get_html(&format!("/staff/outbox/{}{part}", message.id)).await;
                assert!(shown.contains("/r/…") && shown.contains("/confirm/…"), "{shown}");
                assert!(!shown.contains(token), "{shown}");
            }
        }
        // Blank or too long: the page again with the problem in her
        // language and what she typed; nothing changes.
        let long = "9".repeat(61);
        for typed in ["   ", long.as_str()] {
            let response = browser
                .post_form(&manage, &format!("{action}?lang=fr"), &[("identifier", typed)])
                .await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let html = response.text().await.expect("html");
            assert!(
                html.contains("id=\"error-identifier\"") && html.contains("lang=\"fr\""),
                "{html}"
            );
        }
        assert_eq!(stored_identifier(&app, &ana).await.as_deref(), Some("12345678A"));
        let response = browser
            .post_form(&manage, &action, &[("identifier", " 12345678Z ")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(stored_identifier(&app, &ana).await.as_deref(), Some("12345678Z"));
        // Audited, without the value: it is for the body's eyes only.
        let entries = crate::helpers::audited(&app, "correct-identifier").await;
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].entity_id.map(|id| id.to_string()), Some(ana.clone()));
        assert!(entries[0].organisation_id.is_some(), "the organisation's trail");
        assert!(!entries[0].details.contains("12345678"), "{}", entries[0].details);

        // The API takes her link's secret, never another's.
        let path = format!("/api/v1/registrations/{ana}/identifier");
        let token = manage.trim_start_matches("/r/");
        // Without the secret, the field is missing; with another's, the
        // link is said to be wrong, not a role nor a sign-in (session 28's
        // attack round).
        let (status, problem) = app.anonymous_api().put(&path, &json!({"identifier": "1"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(problem["fields"]["token"].is_array(), "{problem}");
        let luis_token = app.mail.manage_path(luis.parse().expect("uuid"));
        let luis_token = luis_token.trim_start_matches("/r/");
        for body in [
            json!({"token": luis_token, "identifier": "00000000T"}),
            json!({"token": "forged", "identifier": "00000000T"}),
        ] {
            let (status, answer) = app.anonymous_api().put(&path, &body).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{answer}");
            assert!(
                answer["message"].as_str().is_some_and(|m| m.contains("personal link")),
                "{answer}"
            );
        }
        let (status, problem) = app
            .anonymous_api()
            .put(&path, &json!({"token": token, "identifier": long}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(problem["fields"]["identifier"].is_array(), "{problem}");
        let answer = app
            .anonymous_api()
            .put_ok(&path, &json!({"token": token, "identifier": "87654321X"}))
            .await;
        assert_eq!(answer, json!({"id": ana, "identifier": "87654321X"}));
        assert_eq!(stored_identifier(&app, &luis).await.as_deref(), Some("X1234567L"));

        // Cancelled, there is nothing left to correct.
        app.anonymous_api()
            .post_ok(&format!("/api/v1/registrations/{ana}/cancel"), &json!({"token": token}))
            .await;
        let (status, problem) = app
            .anonymous_api()
            .put(&path, &json!({"token": token, "identifier": "11111111H"}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{problem}");
        assert!(!browser.get_html(&manage).await.contains("name=\"identifier\""));
        assert_eq!(stored_identifier(&app, &ana).await.as_deref(), Some("87654321X"));
    }
);
