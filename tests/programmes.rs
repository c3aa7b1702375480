//! Programmes through the API and the organiser's pages.

use aula_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::db_test;

db_test!(api_create_read_update, |app: crate::helpers::TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let created = api.created("/api/v1/programmes", &json!({"title": "Diversidad en los servicios públicos", "funder": "FSE+", "starts_on": "2026-01-01", "ends_on": "2027-06-30"})).await;
    let id = created["id"].as_str().expect("id");

    let got = api.get_ok(&format!("/api/v1/programmes/{id}")).await;
    assert_eq!(got["funder"], "FSE+");

    let patched = api
        .patch_ok(
            &format!("/api/v1/programmes/{id}"),
            &json!({"funder": "Fondo Social Europeo Plus"}),
        )
        .await;
    assert_eq!(patched["funder"], "Fondo Social Europeo Plus");
    assert_eq!(
        patched["title"], "Diversidad en los servicios públicos",
        "untouched fields stay"
    );

    let list = api.get_ok("/api/v1/programmes?per_page=1").await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["per_page"], 1);
});

db_test!(api_validation_names_fields, |app: crate::helpers::TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (status, body) = api
        .post(
            "/api/v1/programmes",
            &json!({"title": "   ", "starts_on": "2026-13-01", "ends_on": "2025-01-01"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"], "invalid");
    assert!(body["fields"]["title"].is_array(), "{body}");
    assert!(body["fields"]["starts_on"].is_array(), "{body}");
    let (_, list) = api.get("/api/v1/programmes").await;
    assert_eq!(list["total"], 0, "nothing written");

    let (status, body) = api
        .post(
            "/api/v1/programmes",
            &json!({"title": "A", "starts_on": "2026-02-01", "ends_on": "2026-01-01"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["fields"]["ends_on"].is_array(), "{body}");

    let (status, body) = api
        .patch(
            &format!("/api/v1/programmes/{}", uuid::Uuid::now_v7()),
            &json!({"title": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
});

db_test!(
    organiser_creates_and_edits_in_the_web_ui,
    |app: crate::helpers::TestApp| async move {
        let browser = app.signed_in(&[Role::Organiser]).await;
        let response = browser
            .submit(
                "/staff/programmes/new",
                &[
                    ("title", "Villes accueillantes"),
                    ("funder", "FAMI"),
                    ("description", ""),
                    ("starts_on", ""),
                    ("ends_on", ""),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let list = browser.get_html("/staff/programmes").await;
        assert!(list.contains("Villes accueillantes"));
        assert!(list.contains("Saved."), "the flash message shows once");
        let again = browser.get_html("/staff/programmes").await;
        assert!(!again.contains("Saved."), "and only once");

        // A problem re-renders the form with the value kept and the message beside the field.
        let response = browser
            .submit(
                "/staff/programmes/new",
                &[("title", ""), ("funder", "FAMI"), ("starts_on", "nope")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains("error-summary"));
        assert!(html.contains("id=\"error-title\""));
        assert!(html.contains("aria-invalid=\"true\""));
        assert!(html.contains("value=\"FAMI\""), "values are kept");
    }
);

// Issue 20: a programme's page lists its courses and its sessions, upcoming
// first, with a link to its indicators; another programme's stay out.
db_test!(
    issue_20_a_programmes_page_lists_its_courses_and_sessions,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = api
            .created("/api/v1/programmes", &json!({"title": "Gouvernance locale"}))
            .await;
        let other = api.created("/api/v1/programmes", &json!({"title": "Autre"})).await;
        let course = |programme: &serde_json::Value, title: &str| {
            json!({"programme_id": programme["id"], "title": title, "summary": "S", "hours": 3,
                "modality": "online", "audiences": ["public_servant"], "language": "fr"})
        };
        let coaching = api
            .created("/api/v1/courses", &course(&programme, "Accompagnement"))
            .await;
        api.created("/api/v1/courses", &course(&programme, "Médiation")).await;
        let elsewhere = api.created("/api/v1/courses", &course(&other, "Hors programme")).await;
        let mut sessions = Vec::new();
        for (course, day) in [
            (&coaching, "2026-06-02"),
            (&coaching, "2031-03-04"),
            (&coaching, "2030-06-04"),
            (&elsewhere, "2030-01-08"),
        ] {
            let created = api
                .created(
                    "/api/v1/sessions",
                    &json!({"course_id": course["id"], "capacity": 10, "online_url": "https://meet.example.org/a",
                        "meetings": [{"starts_at": format!("{day}T09:00:00+01:00"), "ends_at": format!("{day}T12:00:00+01:00")}]}),
                )
                .await;
            sessions.push(created["id"].as_str().expect("id").to_owned());
        }
        let id = programme["id"].as_str().expect("id");
        let browser = app.signed_in(&[Role::Organiser]).await;
        let html = browser.get_html(&format!("/staff/programmes/{id}?lang=fr")).await;
        assert!(html.contains(&format!("/staff/indicators?programme={id}")), "{html}");
        assert!(html.contains("Accompagnement") && html.contains("Médiation"), "{html}");
        assert!(!html.contains("Hors programme"), "{html}");
        // Upcoming first (2030, then 2031), then the past one.
        let at = |session: &str| html.find(&format!("/staff/sessions/{session}\"")).expect("listed");
        assert!(at(&sessions[2]) < at(&sessions[1]), "{html}");
        assert!(at(&sessions[1]) < at(&sessions[0]), "{html}");
        assert!(!html.contains(&format!("/staff/sessions/{}\"", sessions[3])), "{html}");
    }
);

// ----- commissioning and partners (issue 20) ------------------------------------

db_test!(
    issue_20_a_programme_records_its_funders_commissioning_and_partners,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let created = api
            .created(
                "/api/v1/programmes",
                &json!({"title": "Villes inclusives", "commissioner": "Ville de Tunis", "contract_reference": "VT-2025-014",
                    "funders": [{"name": "Union européenne (NDICI)", "reference": "NDICI/2024/452-118"},
                                {"name": "Agence française de développement"}],
                    "partners": [{"name": "Terre d'asile Tunisie", "role": "médiation"}, {"name": "Municipalité de Raoued"}]}),
            )
            .await;
        let id = created["id"].as_str().expect("id").to_owned();
        let path = format!("/api/v1/programmes/{id}");
        let got = api.get_ok(&path).await;
        assert_eq!(
            got["funders"],
            json!([{"name": "Union européenne (NDICI)", "reference": "NDICI/2024/452-118", "has_logo": false},
                {"name": "Agence française de développement", "reference": null, "has_logo": false}])
        );
        assert_eq!(
            got["funder"],
            "Union européenne (NDICI), Agence française de développement"
        );
        assert_eq!(
            got["partners"][0],
            json!({"name": "Terre d'asile Tunisie", "role": "médiation"})
        );
        assert_eq!(got["partners"][1]["role"], json!(null));
        assert_eq!(got["commissioner"], "Ville de Tunis");
        assert_eq!(got["contract_reference"], "VT-2025-014");

        // A PATCH of other fields keeps the lists.
        let patched = api
            .patch_ok(&path, &json!({"description": "Accueil des personnes migrantes"}))
            .await;
        assert_eq!(patched["funders"], got["funders"]);
        assert_eq!(patched["partners"], got["partners"]);
        // An older integration's one `funder` names the one funder.
        let legacy = api.patch_ok(&path, &json!({"funder": "FAMI"})).await;
        assert_eq!(
            legacy["funders"],
            json!([{"name": "FAMI", "reference": null, "has_logo": false}])
        );
        assert_eq!(legacy["funder"], "FAMI");

        // Refused, changing nothing: a funder twice, a contract without its
        // body, a row without a name, too many funders, an unknown field.
        let many: Vec<_> = (0..13).map(|n| json!({"name": format!("Fondation {n}")})).collect();
        for (body, field) in [
            (json!({"funders": [{"name": "FSE+"}, {"name": "fse+"}]}), "funders"),
            (json!({"commissioner": "", "contract_reference": "X-1"}), "commissioner"),
            (json!({"partners": [{"name": " ", "role": "coordination"}]}), "partners"),
            (json!({"funders": many}), "funders"),
        ] {
            let (status, problem) = api.patch(&path, &body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {problem}");
            assert!(problem["fields"][field].is_array(), "{body}: {problem}");
        }
        let (status, problem) = api
            .patch(&path, &json!({"funders": [{"name": "FSE+", "amount": 1000}]}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert_eq!(api.get_ok(&path).await["funders"], legacy["funders"]);

        // The organiser's page: a row per funder and two blank ones; rows
        // left blank are left out, and the order is the page's.
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/programmes/{id}");
        let html = browser.get_html(&format!("{page}?lang=fr")).await;
        assert_eq!(html.matches("name=\"funder_name\"").count(), 3, "one row and two blank");
        assert!(html.contains("Commanditaire"), "{html}");
        let response = browser
            .post_form(
                &page,
                &page,
                &[
                    ("title", "Villes inclusives"),
                    ("funder_name", "FSE+"),
                    ("funder_reference", "2021ES05SFPR001"),
                    ("funder_name", ""),
                    ("funder_reference", ""),
                    ("funder_name", "Ministerio de Igualdad"),
                    ("funder_reference", ""),
                    ("partner_name", "Universidad de León"),
                    ("partner_role", "acreditación"),
                    ("commissioner", "Ville de Tunis"),
                    ("contract_reference", "VT-2025-014"),
                ],
            )
            .await;
        assert!(response.status().is_redirection(), "{}", response.status());
        let saved = api.get_ok(&path).await;
        assert_eq!(
            saved["funders"],
            json!([{"name": "FSE+", "reference": "2021ES05SFPR001", "has_logo": false},
                {"name": "Ministerio de Igualdad", "reference": null, "has_logo": false}])
        );
        assert_eq!(
            saved["partners"],
            json!([{"name": "Universidad de León", "role": "acreditación"}])
        );
        // A reference without its funder's name is refused on the page too.
        let response = browser
            .post_form(
                &page,
                &format!("{page}?lang=en"),
                &[
                    ("title", "Villes inclusives"),
                    ("funder_name", ""),
                    ("funder_reference", "REF-9"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(api.get_ok(&path).await["funders"], saved["funders"]);
        // `"funders": null` is no funders, not the names line made one funder.
        let cleared = api.patch_ok(&path, &json!({"funders": null})).await;
        assert_eq!(cleared["funders"], json!([]), "{cleared}");
        assert_eq!(cleared["funder"], json!(null));
        // The list shows each programme's own funders.
        let listed = api.get_ok("/api/v1/programmes?per_page=100").await;
        let this = listed["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|p| p["id"] == json!(id))
            .cloned();
        assert_eq!(this.map(|p| p["funders"].clone()), Some(json!([])));
    }
);

// Issue 20: the indicators filter by the body that commissioned the sessions,
// hand-computed. A city programme commissioned by the Ville de Tunis:
//
// | session | course's body | session's body | its body | registrations |
// | --- | --- | --- | --- | --- |
// | S1 | (programme's) | — | Ville de Tunis | 2 |
// | S2 | Gouvernorat de l'Ariana | — | Gouvernorat de l'Ariana | 3 |
// | S3 | Gouvernorat de l'Ariana | Ville de Tunis | Ville de Tunis | 1 |
//
// Ville de Tunis: 3 registrations in 2 sessions; the Ariana: 3 in 1.
db_test!(
    issue_20_the_indicators_filter_by_commissioning_body,
    |app: crate::helpers::TestApp| async move {
        use crate::indicators::{id, post};
        let api = app.api(&[Role::Organiser]).await;
        let programme = id(&post(
            &api,
            "/api/v1/programmes",
            json!({"title": "Villes inclusives", "commissioner": "Ville de Tunis", "contract_reference": "VT-2025-014",
                "funders": [{"name": "Union européenne (NDICI)", "reference": "NDICI/2024/452-118"}]}),
        )
        .await);
        let course = |title: &str, commissioner: Option<&str>| {
            let mut body = json!({"programme_id": programme, "title": title, "summary": "S", "hours": 3,
                "modality": "in_person", "audiences": ["public_servant"], "language": "fr"});
            if let Some(name) = commissioner {
                body["commissioner"] = json!(name);
            }
            let api = &api;
            async move { id(&post(api, "/api/v1/courses", body).await) }
        };
        let accueil = course("Accueil inconditionnel", None).await;
        let mediation = course("Médiation en santé", Some("Gouvernorat de l'Ariana")).await;
        let region = app.region("ES-AN").await;
        let mut sessions = Vec::new();
        for (course, day, own) in [
            (accueil, "2030-03-10", None),
            (mediation, "2030-03-11", None),
            (mediation, "2030-03-12", Some("Ville de Tunis")),
        ] {
            let (session, _) =
                crate::indicators::session(&api, course, 20, Some(("Tunis", region)), &[(day, 9, 12)]).await;
            let mut patch = json!({"confirm_organiser_entries": false});
            if let Some(name) = own {
                patch["commissioner"] = json!(name);
            }
            let (status, body) = api.patch_session(&session.to_string(), &patch).await;
            assert_eq!(status, StatusCode::OK, "{body}");
            sessions.push(session);
        }
        for (session, count) in sessions.iter().zip([2, 3, 1]) {
            for n in 0..count {
                post(
                    &api,
                    &format!("/api/v1/sessions/{session}/registrations"),
                    crate::helpers::registrant(&format!("P{n}"), &format!("p{n}.{session}@example.tn")),
                )
                .await;
            }
        }
        let figures = |query: &str| {
            let api = &api;
            let query = query.to_owned();
            async move { api.get_ok(&format!("/api/v1/indicators?{query}")).await }
        };
        let tunis = figures("commissioner=Ville%20de%20Tunis").await;
        assert_eq!(tunis["totals"]["registrations"], 3, "{tunis}");
        let ariana = figures("commissioner=Gouvernorat%20de%20l%27Ariana").await;
        assert_eq!(ariana["totals"]["registrations"], 3, "{ariana}");
        let nobody = figures("commissioner=Ville%20de%20Sfax").await;
        assert_eq!(nobody["totals"]["registrations"], 0);
        // By course: of the Ariana's course, only S3's registration is Tunis's.
        let both = figures(&format!("course={mediation}&commissioner=Ville%20de%20Tunis")).await;
        assert_eq!(both["totals"]["registrations"], 1, "{both}");
        // Outreach has no commissioning body: its reach is unknown here, not zero.
        assert_eq!(tunis["reach"], json!(null));

        // The page offers the bodies named, and prints the programme's.
        let browser = app.signed_in(&[Role::Organiser]).await;
        let html = browser
            .get_html(&format!("/staff/indicators?programme={programme}&lang=fr"))
            .await;
        assert!(html.contains("Ariana</option>"), "{html}");
        assert!(
            html.contains("Union européenne (NDICI) (réf. NDICI/2024/452-118)"),
            "{html}"
        );
        assert!(html.contains("Ville de Tunis, marché VT-2025-014"), "{html}");
        let html = browser
            .get_html("/staff/indicators?commissioner=Ville%20de%20Tunis&lang=fr")
            .await;
        assert!(html.contains("Commanditaire: Ville de Tunis"), "{html}");
    }
);

db_test!(
    issue_20_a_certificate_names_the_funders_of_its_programme_as_they_were,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = api
            .created(
                "/api/v1/programmes",
                &json!({"title": "Diversidad en los servicios públicos",
                    "funders": [{"name": "Fondo Social Europeo Plus (FSE+)", "reference": "2021ES05SFPR001"},
                                {"name": "Ministerio de Igualdad"}]}),
            )
            .await;
        let course = api
            .created(
                "/api/v1/courses",
                &json!({"programme_id": programme["id"], "title": "Igualdad de trato", "summary": "S", "hours": 5,
                    "modality": "in_person", "audiences": ["public_servant"], "language": "es"}),
            )
            .await;
        let session =
            crate::helpers::session_in_leon(&app, &api, &course, 10, crate::helpers::mornings_from_12_march_2026(1))
                .await;
        let session_id = session["id"].as_str().expect("id").to_owned();
        let people = crate::helpers::seated_people(&app, &session_id, 1, "F", "funded").await;
        let meeting = crate::helpers::meeting_ids(&session)[0].clone();
        let (status, body) = api
            .put_marks(&meeting, &json!([{"registration_id": people[0], "status": "present"}]))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        api.close_and_complete(&session_id).await;
        // The first funder's logo, printed at the foot.
        let programme_id = programme["id"].as_str().expect("id").to_owned();
        let (status, body) = api
            .raw(
                reqwest::Method::PUT,
                &format!("/api/v1/programmes/{programme_id}/funders/1/logo"),
                "image/png",
                crate::issuer::png(400, 80),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let issued = api
            .post_ok(&format!("/api/v1/sessions/{session_id}/certificates"), &json!({}))
            .await;
        let certificate = issued["certificates"][0]["id"].as_str().expect("id").to_owned();
        // The programme's funders change after: the certificate keeps those of its issue.
        api.patch_ok(
            &format!("/api/v1/programmes/{}", programme["id"].as_str().expect("id")),
            &json!({"funders": [{"name": "Otra entidad"}]}),
        )
        .await;
        let response = api
            .get_response(&format!("/api/v1/certificates/{certificate}/pdf"))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let bytes = response.bytes().await.expect("pdf");
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("certificate.pdf");
        std::fs::write(&path, &bytes).expect("write");
        let Some(mut pdftotext) = crate::helpers::poppler("pdftotext") else {
            return;
        };
        let text = pdftotext.arg(&path).arg("-").output().expect("pdftotext");
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(
            text.contains("Financiado por: Fondo Social Europeo Plus (FSE+) · Ministerio de Igualdad"),
            "{text}"
        );
        assert!(!text.contains("Otra entidad"), "{text}");
        // The logo is the certificate's one picture (the organisation has none).
        if let Some(mut pdfimages) = crate::helpers::poppler("pdfimages") {
            let listed = pdfimages.arg("-list").arg(&path).output().expect("pdfimages");
            let listed = String::from_utf8_lossy(&listed.stdout);
            assert_eq!(
                listed.lines().count(),
                3,
                "a header of two lines and one image: {listed}"
            );
            assert!(listed.contains(" 400    80 "), "{listed}");
        }
    }
);

db_test!(
    issue_20_a_funder_has_a_logo_that_follows_its_name,
    |app: crate::helpers::TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = api
            .created(
                "/api/v1/programmes",
                &json!({"title": "Villes accueillantes",
                    "funders": [{"name": "FAMI", "reference": "FAMI/2024/0187"}, {"name": "Ville de Lyon"}]}),
            )
            .await;
        let id = programme["id"].as_str().expect("id").to_owned();
        let logo = |position: &str| format!("/api/v1/programmes/{id}/funders/{position}/logo");
        let (status, body) = api
            .raw(
                reqwest::Method::PUT,
                &logo("1"),
                "image/png",
                crate::issuer::png(300, 100),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(
            body,
            json!({"name": "FAMI", "reference": "FAMI/2024/0187", "has_logo": true})
        );
        // Refused, changing nothing: a place the programme has not, another
        // kind of file, a picture that is none or runs a script.
        for position in ["0", "3", "x"] {
            let (status, _) = api
                .raw(
                    reqwest::Method::PUT,
                    &logo(position),
                    "image/png",
                    crate::issuer::png(30, 10),
                )
                .await;
            assert!(
                status == StatusCode::NOT_FOUND || status == StatusCode::BAD_REQUEST,
                "{position}: {status}"
            );
        }
        let (status, _) = api
            .raw(
                reqwest::Method::PUT,
                &logo("2"),
                "application/pdf",
                b"%PDF-1.7".to_vec(),
            )
            .await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        for (content_type, bytes, says) in crate::issuer::bad_pictures() {
            let (status, problem) = api.raw(reqwest::Method::PUT, &logo("2"), content_type, bytes).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
            assert!(problem.to_string().contains(says), "{says}: {problem}");
        }
        let path = format!("/api/v1/programmes/{id}");
        let got = api.get_ok(&path).await;
        assert_eq!(got["funders"][1]["has_logo"], false);

        // Reordered, the logo follows FAMI.
        let swapped = api
            .patch_ok(
                &path,
                &json!({"funders": [{"name": "Ville de Lyon"}, {"name": "fami", "reference": "FAMI/2024/0187"}]}),
            )
            .await;
        assert_eq!(swapped["funders"][0]["has_logo"], false);
        assert_eq!(swapped["funders"][1]["has_logo"], true, "{swapped}");
        // An older integration sending back the line it read changes nothing.
        let echoed = api.patch_ok(&path, &json!({"funder": swapped["funder"].clone()})).await;
        assert_eq!(echoed["funders"], swapped["funders"]);

        // The page shows it, and takes a new one or removes it.
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/programmes/{id}");
        let html = browser.get_html(&format!("{page}?lang=es")).await;
        let image = format!("/staff/programmes/{id}/funders/2/logo");
        assert!(
            html.contains(&format!("src=\"{image}\" alt=\"Logotipo de fami\"")),
            "{html}"
        );
        // A file that is no logo: the page again, the problem beside that
        // funder's file, in the reader's language (it was a bare error
        // page naming `file`, in English: session 27's attack round).
        let token = browser.csrf(&page).await;
        let response = browser
            .upload(&format!("{image}?lang=es"), &token, "notes.txt", b"not a picture")
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(
            html.contains("id=\"error-funder-logo-2\"") && html.contains("aria-describedby=\"error-funder-logo-2\""),
            "{html}"
        );
        assert!(!html.contains("file:"), "{html}");
        assert_eq!(
            api.get_ok(&path).await["funders"][1]["has_logo"],
            true,
            "kept as it was"
        );
        let served = browser.get(&image).await;
        assert_eq!(served.status(), StatusCode::OK);
        assert_eq!(
            served.headers().get("content-type").and_then(|v| v.to_str().ok()),
            Some("image/png")
        );
        let anonymous = app.browser().get(&image).await;
        assert!(
            !anonymous.status().is_success()
                && anonymous.headers().get("content-type").and_then(|v| v.to_str().ok()) != Some("image/png"),
            "staff only: {}",
            anonymous.status()
        );
        let csrf = browser.csrf(&page).await;
        let uploaded = browser
            .upload(
                &format!("/staff/programmes/{id}/funders/1/logo"),
                &csrf,
                "lyon.png",
                &crate::issuer::png(120, 120),
            )
            .await;
        assert!(uploaded.status().is_redirection(), "{}", uploaded.status());
        assert_eq!(api.get_ok(&path).await["funders"][0]["has_logo"], true);
        let refused = browser
            .upload(
                &format!("/staff/programmes/{id}/funders/1/logo"),
                &csrf,
                "notes.txt",
                b"not a picture",
            )
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let removed = browser
            .post_form(&page, &format!("/staff/programmes/{id}/funders/2/logo/remove"), &[])
            .await;
        assert!(removed.status().is_redirection(), "{}", removed.status());
        assert_eq!(api.get_ok(&path).await["funders"][1]["has_logo"], false);
        let (status, _) = api.delete(&logo("1")).await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        assert_eq!(api.get_ok(&path).await["funders"][0]["has_logo"], false);
    }
);
