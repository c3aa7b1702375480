//! Audiences as the instance's own list (issue 20): an admin adds newly
//! arrived people beside the six built-in audiences, whose codes stay as
//! they were; courses, registrations, imports and figures take it; a
//! retired one is no longer offered but what has it keeps it; an unknown
//! code is refused, never kept.

use aula_domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, db_test};
use crate::imports::import;

/// How many audiences the public list offers, built-in and added.
async fn public_audiences(app: &TestApp) -> Option<usize> {
    app.anonymous_api()
        .get_ok("/api/v1/audiences")
        .await
        .as_array()
        .map(Vec::len)
}

/// Registers `person` at `registrations` as the public does, asserting it
/// is refused for its audience.
async fn audience_refused(app: &TestApp, registrations: &str, person: &Value) {
    let (status, problem) = app.anonymous_api().post(registrations, person).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(problem["fields"]["audience"].is_array(), "{problem}");
}

const NEWCOMERS: &str = r#"{"code": "newly_arrived", "name_fr": "Personnes nouvellement arrivées",
    "name_en": "Newly arrived people", "name_ar": "الوافدون الجدد"}"#;

db_test!(
    issue_20_an_admin_adds_an_audience_that_courses_people_and_figures_take,
    |app: TestApp| async move {
        let admin = app.api(&[Role::Admin]).await;
        let organiser = app.api(&[Role::Organiser]).await;
        let newcomers: Value = serde_json::from_str(NEWCOMERS).expect("json");

        // The built-in codes are listed first, as they were.
        let listed = app.anonymous_api().get_ok("/api/v1/audiences").await;
        let codes = crate::helpers::texts(&listed, "code");
        assert_eq!(
            codes,
            [
                "public_servant",
                "union_delegate",
                "elected_official",
                "mediator",
                "civil_society",
                "other"
            ]
        );
        assert_eq!(listed[0]["built_in"], true);

        // Refused, changing nothing: a code of the wrong shape, no name, a
        // taken code, and an organiser (admins only).
        for (body, field) in [
            (json!({"code": "Newly arrived", "name_en": "Newcomers"}), "code"),
            (json!({"code": "newly_arrived"}), "name_en"),
            (json!({"code": "mediator", "name_en": "Mediators again"}), "code"),
        ] {
            let (status, problem) = admin.post("/api/v1/audiences", &body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
            assert!(problem["fields"][field].is_array(), "{problem}");
        }
        let (status, _) = organiser.post("/api/v1/audiences", &newcomers).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(public_audiences(&app).await, Some(6));

        let created = admin.created("/api/v1/audiences", &newcomers).await;
        assert_eq!(created["code"], "newly_arrived");
        assert_eq!(created["name"], "Newly arrived people");
        assert_eq!(created["built_in"], false);
        assert_eq!(created["names"]["fr"], "Personnes nouvellement arrivées");

        // A course for them; a code the instance does not have is refused.
        let (status, problem) = organiser
            .post(
                "/api/v1/courses",
                &json!({"title": "Premiers pas", "summary": "Accueil.", "hours": 6, "modality": "in_person",
                "audiences": ["newly_arrived", "social_workers"], "language": "fr"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(problem["fields"]["audiences"].is_array(), "{problem}");
        let course = organiser
            .created(
                "/api/v1/courses",
                &json!({"title": "Premiers pas", "summary": "Accueil.", "hours": 6, "modality": "in_person",
                "audiences": ["newly_arrived", "other"], "language": "fr"}),
            )
            .await;
        assert_eq!(course["audiences"], json!(["newly_arrived", "other"]), "{course}");
        let session = crate::helpers::session_in_leon(
            &app,
            &organiser,
            &course,
            10,
            json!([{"starts_at": "2030-05-12T09:00:00+02:00", "ends_at": "2030-05-12T15:00:00+02:00"}]),
        )
        .await;
        let session_id = session["id"].as_str().expect("id");
        let registrations = format!("/api/v1/sessions/{session_id}/registrations");

        // Someone registers as one of them; an unknown audience is refused.
        let mut amal = crate::helpers::registrant("Amal", "amal@example.org");
        amal["audience"] = json!("newly_arrived");
        let mut bogus = crate::helpers::registrant("Bruno", "bruno@example.org");
        bogus["audience"] = json!("social_workers");
        audience_refused(&app, &registrations, &bogus).await;
        app.anonymous_api().created(&registrations, &amal).await;

        // A list names them in French; the file comes in with the code.
        let file = "Prénom;Nom;Courriel;Public\nSamir;Haddad;samir@example.org;Personnes nouvellement arrivées\n\
                Lina;Saleh;lina@example.org;nouveaux venus\n";
        let (status, report) = import(&organiser, session_id, "?dry_run=true", file.as_bytes()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{report}");
        assert_eq!(report["accepted"], 1, "{report}");
        assert_eq!(report["rejected"][0]["line"], 3, "{report}");
        assert!(report["rejected"][0]["problems"]["audience"].is_array(), "{report}");
        let (status, report) = import(&organiser, session_id, "?on_error=skip", file.as_bytes()).await;
        assert_eq!(status, StatusCode::OK, "{report}");
        let listed = organiser.get_ok(&format!("{registrations}?per_page=100")).await;
        let samir = crate::helpers::item_where(&listed["items"], "given_name", "Samir");
        assert_eq!(samir["audience"], "newly_arrived", "{samir}");

        // The figures break them down under the admin's name (both still wait
        // for their confirmation, so they count nowhere yet).
        let figures = organiser
            .get_ok(&format!("/api/v1/indicators?session={session_id}"))
            .await;
        let group = crate::helpers::item_where(&figures["breakdowns"]["audience"], "key", "newly_arrived");
        assert_eq!(group["label"], "Newly arrived people", "{figures}");

        // Renamed, then retired: no longer offered by the public form, while
        // the course and the people keep it. `other` stays; built-in words stay.
        let newcomers = json!({"name_en": "Newcomers", "name_fr": "Nouveaux arrivants"});
        let renamed = admin.patch_ok("/api/v1/audiences/newly_arrived", &newcomers).await;
        assert_eq!(renamed["name"], "Newcomers");
        assert_eq!(renamed["names"], json!({"en": "Newcomers", "fr": "Nouveaux arrivants"}));
        // A PATCH that changes nothing (empty, or the same names again) leaves
        // the audit log as it was: it lists changes only.
        let changes = || async {
            use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
            aula_storage::entities::audit_entry::Entity::find()
                .filter(aula_storage::entities::audit_entry::Column::Entity.eq("audience"))
                .count(&app.db)
                .await
                .expect("audit")
        };
        let before = changes().await;
        admin.patch_ok("/api/v1/audiences/newly_arrived", &json!({})).await;
        let same = admin.patch_ok("/api/v1/audiences/newly_arrived", &newcomers).await;
        assert_eq!(same["name"], "Newcomers");
        assert_eq!(changes().await, before, "no change, no audit entry");
        for (path, body) in [
            ("/api/v1/audiences/other", json!({"retired": true})),
            ("/api/v1/audiences/mediator", json!({"name_en": "Go-betweens"})),
        ] {
            let (status, problem) = admin.patch(path, &body).await;
            assert_eq!(status, StatusCode::CONFLICT, "{path}: {problem}");
        }
        // Session 29's attack round: renaming a built-in audience said it
        // "cannot be deleted".
        let (_, problem) = admin
            .patch("/api/v1/audiences/mediator?lang=en", &json!({"name_en": "Go-betweens"}))
            .await;
        assert!(
            problem["message"]
                .as_str()
                .is_some_and(|m| m.contains("its name cannot be changed") && !m.contains("deleted")),
            "{problem}"
        );
        let (status, _) = admin
            .patch("/api/v1/audiences/social_workers", &json!({"retired": true}))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let page = app.browser().get_html(&format!("/sessions/{session_id}")).await;
        assert!(page.contains("value=\"newly_arrived\""), "offered before it is retired");
        // Someone without e-mail, entered by the organiser before it is retired.
        let amina = json!({"given_name": "Amina", "family_name": "Diallo", "without_email": true,
            "phone": "+216 20 123 456", "audience": "newly_arrived", "language": "fr"});
        let first = organiser.created(&registrations, &amina).await;
        let retired = admin
            .patch_ok("/api/v1/audiences/newly_arrived", &json!({"retired": true}))
            .await;
        assert_eq!(retired["retired"], true);
        let page = app.browser().get_html(&format!("/sessions/{session_id}")).await;
        assert!(
            !page.contains("value=\"newly_arrived\""),
            "a retired audience is not offered"
        );
        assert!(page.contains("value=\"public_servant\""));
        let course = organiser
            .get_ok(&format!("/api/v1/courses/{}", course["id"].as_str().expect("id")))
            .await;
        assert_eq!(course["audiences"], json!(["newly_arrived", "other"]));
        // Nor by an integration, for someone or something new; what has it
        // keeps it (the course edited, Amal asking again).
        let course_id = course["id"].as_str().expect("id");
        let patched = organiser
            .patch_ok(
                &format!("/api/v1/courses/{course_id}"),
                &json!({"title": "Premiers pas (2)"}),
            )
            .await;
        assert_eq!(patched["audiences"], json!(["newly_arrived", "other"]));
        let (status, problem) = organiser
            .post(
                "/api/v1/courses",
                &json!({"title": "Autre", "summary": "Accueil.", "hours": 6, "modality": "in_person",
                    "audiences": ["newly_arrived"], "language": "fr"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        let mut nadia = crate::helpers::registrant("Nadia", "nadia@example.org");
        nadia["audience"] = json!("newly_arrived");
        audience_refused(&app, &registrations, &nadia).await;
        app.anonymous_api().created(&registrations, &amal).await;
        let again = organiser.created(&registrations, &amina).await;
        assert_eq!(again["id"], first["id"], "the same registration");
        let mut stranger = amina.clone();
        stranger["given_name"] = json!("Fatou");
        let (status, problem) = organiser.post(&registrations, &stranger).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(
            crate::helpers::problem_for(&problem, "audience").contains("retired"),
            "{problem}"
        );
        // A list naming it: someone new is refused at their line, Samir
        // (who has it) is not.
        let file = "Prénom;Nom;Courriel;Public\nSamir;Haddad;samir@example.org;newly_arrived\n\
                    Karim;Ben Ali;karim@example.org;Nouveaux arrivants\n";
        let (status, report) = import(&organiser, session_id, "?dry_run=true", file.as_bytes()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{report}");
        assert_eq!(report["accepted"], 1, "{report}");
        assert_eq!(report["rejected"][0]["line"], 3, "{report}");
        assert!(
            report["rejected"][0]["problems"]["audience"][0]
                .as_str()
                .is_some_and(|m| m.contains("retired")),
            "{report}"
        );

        // Used, it cannot be deleted; one added by mistake can.
        let (status, problem) = admin
            .raw_json(Method::DELETE, "/api/v1/audiences/newly_arrived", &json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{problem}");
        admin
            .created("/api/v1/audiences", &json!({"code": "sozial", "name_en": "Typo"}))
            .await;
        let (status, _) = admin
            .raw_json(Method::DELETE, "/api/v1/audiences/sozial", &json!({}))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, _) = admin
            .raw_json(Method::DELETE, "/api/v1/audiences/mediator", &json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(public_audiences(&app).await, Some(7));
        // On PostgreSQL the database itself refuses a code not on the list,
        // whatever writes it (SQLite's one writer relies on storage's check).
        use sea_orm::ConnectionTrait;
        if app.db.get_database_backend() == sea_orm::DbBackend::Postgres {
            let refused = app
                .db
                .execute_unprepared("UPDATE people SET audience = 'martians'")
                .await;
            assert!(refused.is_err(), "{refused:?}");
        }
    }
);

db_test!(
    issue_20_audiences_are_managed_from_the_admin_pages,
    |app: TestApp| async move {
        let browser = app.signed_in(&[Role::Admin]).await;
        let page = browser.get_html("/admin/audiences").await;
        assert!(page.contains("Civil society"), "built-in words");

        // A code of the wrong shape: the form again, with the problem and the names kept.
        let response = browser
            .submit(
                "/admin/audiences",
                &[
                    ("code", "Trabajo social"),
                    ("name_es", "Trabajo social"),
                    ("name_en", ""),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("html");
        assert!(html.contains("Use 2 to 40 lower-case letters"), "{html}");
        assert!(html.contains("value=\"Trabajo social\""));

        let response = browser
            .submit(
                "/admin/audiences",
                &[
                    ("code", "social_workers"),
                    ("name_es", "Trabajo social"),
                    ("name_en", "Social workers"),
                ],
            )
            .await;
        assert!(response.status().is_redirection(), "{}", response.status());
        let page = browser.get_html("/admin/audiences").await;
        assert!(page.contains("Social workers") && page.contains("social_workers"));

        // Renamed from its page; retired and offered again by its buttons.
        let response = browser
            .submit("/admin/audiences/social_workers", &[("name_en", "Social work staff")])
            .await;
        assert!(response.status().is_redirection(), "{}", response.status());
        let response = browser
            .post_form("/admin/audiences", "/admin/audiences/social_workers/retire", &[])
            .await;
        assert!(response.status().is_redirection());
        let listed = app.anonymous_api().get_ok("/api/v1/audiences").await;
        let row = crate::helpers::item_where(&listed, "code", "social_workers");
        assert_eq!(row["name"], "Social work staff");
        assert_eq!(row["names"], json!({"en": "Social work staff"}));
        assert_eq!(row["retired"], true);
        let page = browser.get_html("/admin/audiences").await;
        assert!(page.contains("/admin/audiences/social_workers/offer"));

        // A course form offers it again once offered again.
        let organiser = app.signed_in(&[Role::Organiser]).await;
        assert!(
            !organiser
                .get_html("/staff/courses/new")
                .await
                .contains("value=\"social_workers\"")
        );
        browser
            .post_form("/admin/audiences", "/admin/audiences/social_workers/offer", &[])
            .await;
        assert!(
            organiser
                .get_html("/staff/courses/new")
                .await
                .contains("value=\"social_workers\"")
        );
        // A built-in audience has no names page.
        assert_eq!(
            browser.get("/admin/audiences/mediator").await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            browser.get("/admin/audiences/Not%20a%20code").await.status(),
            StatusCode::NOT_FOUND
        );
    }
);
