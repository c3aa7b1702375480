//! Programmes and courses archived (hidden, figures kept), restored, and
//! deleted while empty (issue 20), through the API and the pages.

use aula_domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{Api, TestApp, db_test};

/// A programme with one accredited course whose session of March 2026 was
/// held and completed: three people seated, attending 3, 3 and 2 of its
/// three 5-hour meetings, and the two who reached 80 % certified.
/// (programme, course, session, a verification code).
async fn held_programme(app: &TestApp, api: &Api) -> (String, String, String, String) {
    let programme = api
        .created("/api/v1/programmes", &json!({"title": "Programa archivado"}))
        .await;
    let programme_id = programme["id"].as_str().expect("id").to_owned();
    let (session_id, _) = crate::certificates::completed_session(app, api, true, false, &[3, 3, 2], "arch").await;
    let session = api.get_ok(&format!("/api/v1/sessions/{session_id}")).await;
    let course_id = session["course"]["id"].as_str().expect("course").to_owned();
    api.patch_ok(
        &format!("/api/v1/courses/{course_id}"),
        &json!({"programme_id": programme_id}),
    )
    .await;
    let issued = crate::certificates::issue(api, &session_id).await;
    assert_eq!(issued["issued"], 2, "{issued}");
    let (_, certificates) = api.get("/api/v1/certificates").await;
    let code = certificates["items"][0]["verification_code"]
        .as_str()
        .expect("a certificate")
        .to_owned();
    (programme_id, course_id, session_id, code)
}

/// The programme's figures, computed by hand from [`held_programme`]:
/// 3 registrations of 3 people, all present once at least, 2 completions
/// (15 h of 15 h needed 12 h; 10 h did not), 3×5 + 3×5 + 2×5 = 40 hours,
/// 2 certificates, 1 session held.
fn assert_hand_computed(body: &serde_json::Value, when: &str) {
    let totals = &body["totals"];
    assert_eq!(totals["registrations"], 3, "{when}: {totals}");
    assert_eq!(totals["registered_people"], 3, "{when}: {totals}");
    assert_eq!(totals["participants"], 3, "{when}: {totals}");
    assert_eq!(totals["completions"], 2, "{when}: {totals}");
    assert_eq!(totals["beneficiaries"], 2, "{when}: {totals}");
    assert_eq!(totals["training_hours"], 40.0, "{when}: {totals}");
    assert_eq!(totals["certificates_issued"], 2, "{when}: {totals}");
    assert_eq!(totals["sessions_held"], 1, "{when}: {totals}");
}

fn ids_in(list: &serde_json::Value) -> Vec<String> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_owned())
        .collect()
}

db_test!(
    issue_20_archiving_hides_from_catalogue_and_lists_and_keeps_every_figure,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (programme, course, session, code) = held_programme(&app, &api).await;
        let indicators = format!("/api/v1/indicators?programme={programme}");
        assert_hand_computed(&api.get_ok(&indicators).await, "before");
        let public = app.anonymous_api();
        assert_eq!(public.get(&format!("/api/v1/courses/{course}")).await.0, StatusCode::OK);

        let archived = api
            .post_ok(&format!("/api/v1/programmes/{programme}/archive"), &json!({}))
            .await;
        assert!(archived["archived_at"].is_string(), "{archived}");
        // Its course went with it.
        let (status, staff_course) = api.get(&format!("/api/v1/courses/{course}")).await;
        assert_eq!(status, StatusCode::OK, "its staff still read it: {staff_course}");
        assert!(staff_course["archived_at"].is_string(), "{staff_course}");

        // Out of the public catalogue: the course 404s like an unknown one,
        // and neither it nor its session is listed.
        assert_eq!(
            public.get(&format!("/api/v1/courses/{course}")).await.0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.browser().get(&format!("/courses/{course}")).await.status(),
            StatusCode::NOT_FOUND
        );
        assert!(!ids_in(&public.get_ok("/api/v1/courses").await).contains(&course));
        assert!(
            !ids_in(&public.get_ok("/api/v1/courses?archived=true").await).contains(&course),
            "the public never sees archived ones"
        );
        assert!(!ids_in(&public.get_ok("/api/v1/sessions").await).contains(&session));
        assert!(!app.browser().get_html("/").await.contains(&session));

        // Out of the staff lists by default; `archived=true` shows them, dated.
        assert!(!ids_in(&api.get_ok("/api/v1/programmes").await).contains(&programme));
        assert!(!ids_in(&api.get_ok("/api/v1/courses").await).contains(&course));
        let all = api.get_ok("/api/v1/programmes?archived=true").await;
        assert!(ids_in(&all).contains(&programme), "{all}");
        assert!(all["items"][0]["archived_at"].is_string(), "{all}");
        assert!(ids_in(&api.get_ok("/api/v1/courses?archived=true").await).contains(&course));

        // Figures kept: indicators, certificates and their verification.
        assert_hand_computed(&api.get_ok(&indicators).await, "archived");
        let certificates = api.get_ok(&format!("/api/v1/certificates?course_id={course}")).await;
        assert_eq!(certificates["total"], 2, "{certificates}");
        let verified = public.get_ok(&format!("/api/v1/verify/{code}")).await;
        assert_eq!(verified["valid"], true, "{verified}");
        let csv = api
            .get_response(&format!(
                "/api/v1/indicators.csv?programme={programme}&breakdown=course"
            ))
            .await;
        assert_eq!(csv.status(), StatusCode::OK);
        assert!(
            csv.text().await.expect("csv").contains("Curso arch"),
            "the export names the archived course"
        );

        // Not offered where new records are linked: the course's programme
        // and the session's course; still among the indicators' filters.
        let browser = app.signed_in(&[Role::Organiser]).await;
        assert!(!browser.get_html("/staff/courses/new").await.contains(&programme));
        assert!(!browser.get_html("/staff/sessions/new").await.contains(&course));
        assert!(browser.get_html("/staff/indicators").await.contains(&programme));
        // A new course cannot be put in it, nor a new session on its course.
        let (status, body) = api
            .post(
                "/api/v1/courses",
                &json!({"title": "Nuevo", "summary": "S", "hours": 3, "modality": "online",
                    "audiences": ["public_servant"], "language": "es", "programme_id": programme}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["programme_id"].is_array(), "{body}");
        let (status, body) = api
            .post(
                "/api/v1/sessions",
                &json!({"course_id": course, "time_zone": "Europe/Madrid", "capacity": 5,
                    "venue": {"name": "Sede", "address": "Calle 1", "city": "León", "region_id": app.region("ES-CL").await},
                    "meetings": [{"starts_at": "2030-03-12T09:00:00+01:00", "ends_at": "2030-03-12T14:00:00+01:00"}]}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["course_id"].is_array(), "{body}");
        // Nor a new outreach activity, in its own words (session 29's
        // attack round: it said the programme "takes no new course").
        let (status, body) = api
            .post(
                "/api/v1/outreach?lang=en",
                &json!({"programme_id": programme, "kind": "stand", "title": "Stand", "held_on": "2026-05-01"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(
            crate::helpers::problem_for(&body, "programme_id"),
            "This programme is archived: it takes no new outreach activity.",
            "{body}"
        );
        // Its course is restored with it, not on its own.
        let (status, body) = api.post(&format!("/api/v1/courses/{course}/restore"), &json!({})).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");

        // Restored, it is back everywhere, with the same figures.
        let restored = api
            .post_ok(&format!("/api/v1/programmes/{programme}/restore"), &json!({}))
            .await;
        assert!(restored["archived_at"].is_null(), "{restored}");
        assert!(ids_in(&api.get_ok("/api/v1/programmes").await).contains(&programme));
        assert!(ids_in(&public.get_ok("/api/v1/courses").await).contains(&course));
        assert!(ids_in(&public.get_ok("/api/v1/sessions").await).contains(&session));
        assert_eq!(
            app.browser().get(&format!("/courses/{course}")).await.status(),
            StatusCode::OK
        );
        assert_hand_computed(&api.get_ok(&indicators).await, "restored");

        // Neither is deleted while something hangs from it; nothing changes.
        let (status, body) = api
            .raw_json(Method::DELETE, &format!("/api/v1/programmes/{programme}"), &json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert!(
            body["message"].as_str().is_some_and(|m| m.contains("has a course")),
            "{body}"
        );
        let (status, body) = api
            .raw_json(Method::DELETE, &format!("/api/v1/courses/{course}"), &json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert!(
            body["message"].as_str().is_some_and(|m| m.contains("has a session")),
            "{body}"
        );
        api.get_ok(&format!("/api/v1/programmes/{programme}")).await;
        api.get_ok(&format!("/api/v1/courses/{course}")).await;
        assert_hand_computed(&api.get_ok(&indicators).await, "after refused deletes");
    }
);

db_test!(
    issue_20_archiving_is_refused_while_people_may_still_come,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = api.created("/api/v1/programmes", &json!({"title": "P"})).await;
        let programme = programme["id"].as_str().expect("id").to_owned();
        // An open session in 2030 that one person registered for.
        let (course, session) = crate::helpers::course_and_session(&app, &api).await;
        api.patch_ok(
            &format!("/api/v1/courses/{course}"),
            &json!({"programme_id": programme}),
        )
        .await;
        crate::helpers::seated(&app, &session, "Rosa", "rosa@example.org", aula_domain::Language::Es).await;
        for path in [
            format!("/api/v1/courses/{course}/archive"),
            format!("/api/v1/programmes/{programme}/archive"),
        ] {
            let (status, body) = api.post(&path, &json!({})).await;
            assert_eq!(status, StatusCode::CONFLICT, "{path}: {body}");
            assert!(
                body["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("One session") && m.contains("complete or cancel")),
                "{path}: {body}"
            );
        }
        // Nothing was archived; the session still takes people.
        assert!(api.get_ok(&format!("/api/v1/programmes/{programme}")).await["archived_at"].is_null());
        assert!(api.get_ok(&format!("/api/v1/courses/{course}")).await["archived_at"].is_null());
        assert!(ids_in(&app.anonymous_api().get_ok("/api/v1/sessions").await).contains(&session));

        // In French, the same refusal in French.
        let (_, body) = api
            .post(&format!("/api/v1/courses/{course}/archive?lang=fr"), &json!({}))
            .await;
        assert!(
            body["message"]
                .as_str()
                .is_some_and(|m| m.contains("terminez-la ou annulez-la")),
            "{body}"
        );

        // Once the session is cancelled, the course can go; a draft left on
        // an archived course cannot be opened.
        api.patch_session(&session, &json!({"status": "cancelled"})).await;
        // A cancelled session is not "over" (session 29's attack round).
        let (status, body) = api
            .post(
                &format!("/api/v1/sessions/{session}/facilitators?lang=en"),
                &json!({"name": "Tarde"}),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert_eq!(
            body["message"], "This session is cancelled: a co-facilitator link would take no roll call.",
            "{body}"
        );
        let draft = api
            .created(
                "/api/v1/sessions",
                &json!({"course_id": course, "time_zone": "Europe/Madrid", "capacity": 5,
                    "venue": {"name": "Sede", "address": "Calle 1", "city": "Sevilla", "region_id": app.region("ES-AN").await},
                    "meetings": [{"starts_at": "2030-04-12T09:00:00+02:00", "ends_at": "2030-04-12T14:00:00+02:00"}]}),
            )
            .await;
        let draft = draft["id"].as_str().expect("id").to_owned();
        api.post_ok(&format!("/api/v1/courses/{course}/archive"), &json!({}))
            .await;
        let (status, body) = api.patch_session(&draft, &json!({"status": "open"})).await;
        assert_eq!(status, StatusCode::CONFLICT, "{body}");
        assert!(
            body["message"].as_str().is_some_and(|m| m.contains("archived")),
            "{body}"
        );
        // Archiving again changes nothing; the programme (live) restores it.
        api.post_ok(&format!("/api/v1/courses/{course}/archive"), &json!({}))
            .await;
        let restored = api
            .post_ok(&format!("/api/v1/courses/{course}/restore"), &json!({}))
            .await;
        assert!(restored["archived_at"].is_null(), "{restored}");
    }
);

db_test!(
    issue_20_empty_programmes_and_courses_are_deleted,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = api.created("/api/v1/programmes", &json!({"title": "Vacío"})).await;
        let programme = programme["id"].as_str().expect("id").to_owned();
        let course = api.course("Sin sesiones", 3, "online").await;
        let course = course["id"].as_str().expect("id").to_owned();
        api.patch_ok(
            &format!("/api/v1/courses/{course}"),
            &json!({"programme_id": programme}),
        )
        .await;
        // The course first (it has no session), then the programme it emptied.
        let (status, body) = api
            .raw_json(Method::DELETE, &format!("/api/v1/courses/{course}"), &json!({}))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
        assert_eq!(
            api.get(&format!("/api/v1/courses/{course}")).await.0,
            StatusCode::NOT_FOUND
        );
        let (status, body) = api
            .raw_json(Method::DELETE, &format!("/api/v1/programmes/{programme}"), &json!({}))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
        assert_eq!(
            api.get(&format!("/api/v1/programmes/{programme}")).await.0,
            StatusCode::NOT_FOUND
        );
        // Deleting again finds nothing.
        let (status, _) = api
            .raw_json(Method::DELETE, &format!("/api/v1/programmes/{programme}"), &json!({}))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // The audit trail says who did it.
        let entries = crate::helpers::audited(&app, "delete").await;
        let entities: Vec<&str> = entries.iter().map(|e| e.entity.as_str()).collect();
        assert_eq!(entities, ["course", "programme"]);
    }
);

db_test!(
    issue_20_attackers_get_clean_refusals_never_a_500,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = api.created("/api/v1/programmes", &json!({"title": "Mío"})).await;
        let programme = programme["id"].as_str().expect("id").to_owned();
        let course = api.course("Mío también", 3, "online").await;
        let course = course["id"].as_str().expect("id").to_owned();
        let (_, _, other) = crate::organisations::organisation_with_organiser(&app, "otra", "Otra").await;
        let trainer = app.api(&[Role::Trainer]).await;
        for record in [format!("programmes/{programme}"), format!("courses/{course}")] {
            for (method, path) in [
                (Method::POST, format!("/api/v1/{record}/archive")),
                (Method::POST, format!("/api/v1/{record}/restore")),
                (Method::DELETE, format!("/api/v1/{record}")),
            ] {
                let (status, body) = other.raw_json(method.clone(), &path, &json!({})).await;
                assert_eq!(
                    status,
                    StatusCode::NOT_FOUND,
                    "another organisation: {method} {path}: {body}"
                );
                let (status, body) = trainer.raw_json(method.clone(), &path, &json!({})).await;
                assert_eq!(status, StatusCode::FORBIDDEN, "a trainer: {method} {path}: {body}");
                let (status, _) = app.anonymous_api().raw_json(method.clone(), &path, &json!({})).await;
                assert_eq!(status, StatusCode::UNAUTHORIZED, "nobody: {method} {path}");
            }
            let (status, _) = api.get(&format!("/api/v1/{record}/archive")).await;
            assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "GET on the POST route");
            let (status, _) = api
                .post(
                    &format!("/api/v1/{}/not-an-id/archive", record.split('/').next().expect("kind")),
                    &json!({}),
                )
                .await;
            assert_eq!(status, StatusCode::NOT_FOUND, "a bad id");
        }
        // Nothing of theirs changed anything of ours.
        assert!(api.get_ok(&format!("/api/v1/programmes/{programme}")).await["archived_at"].is_null());
        assert!(api.get_ok(&format!("/api/v1/courses/{course}")).await["archived_at"].is_null());

        // The pages: a forged form, a GET, another organisation's organiser, a bad id.
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/programmes/{programme}");
        let response = browser.post_raw(&format!("{page}/archive"), &[]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "without the token");
        assert_eq!(
            browser.get(&format!("{page}/archive")).await.status(),
            StatusCode::METHOD_NOT_ALLOWED
        );
        let response = browser
            .post_form(&page, "/staff/programmes/not-an-id/delete", &[])
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "a bad id");
        let trainer_browser = app.signed_in(&[Role::Trainer]).await;
        let response = trainer_browser
            .post_form("/staff/my-sessions", &format!("{page}/archive"), &[])
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "a trainer's form");
        assert!(api.get_ok(&format!("/api/v1/programmes/{programme}")).await["archived_at"].is_null());
    }
);

db_test!(
    issue_20_the_pages_archive_restore_and_delete,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let programme = api
            .created("/api/v1/programmes", &json!({"title": "Programa de barrio"}))
            .await;
        let programme = programme["id"].as_str().expect("id").to_owned();
        let course = api.course("Taller de barrio", 3, "online").await;
        let course = course["id"].as_str().expect("id").to_owned();
        api.patch_ok(
            &format!("/api/v1/courses/{course}"),
            &json!({"programme_id": programme}),
        )
        .await;
        let browser = app.signed_in(&[Role::Organiser]).await;
        let page = format!("/staff/programmes/{programme}");
        let html = browser.get_html(&page).await;
        assert!(
            html.contains(&format!("action=\"{page}/archive\"")),
            "the archive button"
        );
        assert!(html.contains(&format!("action=\"{page}/delete\"")), "the delete button");

        // Archive: back to the page, which says so; gone from the list but for the filter.
        let response = browser.post_form(&page, &format!("{page}/archive"), &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()["location"], page.as_str());
        let html = browser.get_html(&page).await;
        assert!(
            html.contains("The programme and its courses are archived."),
            "the flash"
        );
        assert!(html.contains("id=\"archived-notice\""), "{html}");
        assert!(
            html.contains(&format!("action=\"{page}/restore\"")),
            "the restore button"
        );
        assert!(
            !browser
                .get_html("/staff/programmes")
                .await
                .contains("Programa de barrio")
        );
        let listed = browser.get_html("/staff/programmes?archived=true").await;
        assert!(
            listed.contains("Programa de barrio") && listed.contains("badge-archived"),
            "{listed}"
        );
        assert!(!browser.get_html("/staff/courses").await.contains("Taller de barrio"));
        assert!(
            browser
                .get_html("/staff/courses?archived=true")
                .await
                .contains("Taller de barrio")
        );
        // The archived course's own page offers no restore of its own that works: it says why.
        let course_page = format!("/staff/courses/{course}");
        let response = browser
            .post_form(&course_page, &format!("{course_page}/restore"), &[])
            .await;
        crate::helpers::answers(response, StatusCode::CONFLICT, "restore the programme").await;

        // Restore: back in the list.
        let response = browser.post_form(&page, &format!("{page}/restore"), &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert!(
            browser
                .get_html("/staff/programmes")
                .await
                .contains("Programa de barrio")
        );

        // Delete asks first; with a course it is refused, saying why; the
        // course deleted, the programme goes.
        let response = browser.post_form(&page, &format!("{page}/delete"), &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        let confirm = response.text().await.expect("page");
        assert!(
            confirm.contains("Delete this programme?") && confirm.contains("name=\"confirmed\""),
            "{confirm}"
        );
        let response = browser
            .post_form(&page, &format!("{page}/delete"), &[("confirmed", "yes")])
            .await;
        crate::helpers::answers(response, StatusCode::CONFLICT, "This programme has a course").await;
        let response = browser
            .post_form(&course_page, &format!("{course_page}/delete"), &[("confirmed", "yes")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()["location"], "/staff/courses");
        let response = browser
            .post_form(&page, &format!("{page}/delete"), &[("confirmed", "yes")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(response.headers()["location"], "/staff/programmes");
        assert!(
            browser
                .get_html("/staff/programmes")
                .await
                .contains("The programme is deleted.")
        );
        assert_eq!(browser.get(&page).await.status(), StatusCode::NOT_FOUND);

        // Every language has the buttons' words.
        let programme = api.created("/api/v1/programmes", &json!({"title": "Otro"})).await;
        let page = format!("/staff/programmes/{}", programme["id"].as_str().expect("id"));
        for (lang, words) in [
            ("fr", "Archiver le programme"),
            ("es", "Archivar el programa"),
            ("ar", "أرشفة البرنامج"),
            ("en", "Archive the programme"),
        ] {
            let html = browser.get_html(&format!("{page}?lang={lang}")).await;
            assert!(html.contains(words), "{lang}");
        }
    }
);
