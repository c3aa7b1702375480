//! Personal data over its whole life (issue 21): erasing people leaves every
//! indicator, for every filter and breakdown, exactly as it was, and leaves
//! none of their names, addresses, phones or employers anywhere in the
//! database (every text column of every table, as the schema lists them).

use aula_domain::Role;
use aula_domain::indicators::{Breakdown, Filter};
use aula_domain::retention::{RetentionCategory, RetentionPeriods};
use aula_storage::entities::{certificate, outbox, person, registration};
use aula_storage::indicators::{self, Dashboard};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Set, Statement};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{TestApp, db_test, mailed, me_browser};
use crate::indicators::{Programme, build};

/// Every filter of the indicators' test, each with every breakdown.
async fn all_figures(app: &TestApp, p: &Programme, at: chrono::DateTime<chrono::Utc>) -> Vec<(String, Dashboard)> {
    use aula_domain::{Audience, Modality};
    let date = |s: &str| Some(s.parse().expect("date"));
    let filters: Vec<(&str, Filter)> = vec![
        ("everything", Filter::default()),
        (
            "P1",
            Filter {
                programme_id: Some(p.p1),
                ..Filter::default()
            },
        ),
        (
            "P2",
            Filter {
                programme_id: Some(p.p2),
                ..Filter::default()
            },
        ),
        (
            "course A",
            Filter {
                course_id: Some(p.course_a),
                ..Filter::default()
            },
        ),
        (
            "course B",
            Filter {
                course_id: Some(p.course_b),
                ..Filter::default()
            },
        ),
        (
            "session C1",
            Filter {
                session_id: Some(p.c1),
                ..Filter::default()
            },
        ),
        (
            "in person",
            Filter {
                modality: Some(Modality::InPerson),
                ..Filter::default()
            },
        ),
        (
            "online",
            Filter {
                modality: Some(Modality::Online),
                ..Filter::default()
            },
        ),
        (
            "Andalucía",
            Filter {
                region_id: Some(p.andalucia),
                ..Filter::default()
            },
        ),
        (
            "Castilla",
            Filter {
                region_id: Some(p.castilla),
                ..Filter::default()
            },
        ),
        (
            "public servants",
            Filter {
                audience: Some(Audience::PUBLIC_SERVANT),
                ..Filter::default()
            },
        ),
        (
            "union delegates",
            Filter {
                audience: Some(Audience::UNION_DELEGATE),
                ..Filter::default()
            },
        ),
        (
            "March",
            Filter {
                from: date("2026-03-01"),
                to: date("2026-03-31"),
                ..Filter::default()
            },
        ),
        (
            "P1, Andalucía, public servants",
            Filter {
                programme_id: Some(p.p1),
                region_id: Some(p.andalucia),
                audience: Some(Audience::PUBLIC_SERVANT),
                ..Filter::default()
            },
        ),
    ];
    let mut out = Vec::new();
    for (label, filter) in filters {
        let dashboard = indicators::dashboard(&app.db, &filter, Breakdown::ALL, at)
            .await
            .expect("dashboard");
        out.push((label.to_owned(), dashboard));
    }
    out
}

/// Every (table, column) holding `needle`, searched case-sensitively in
/// every column of every table the schema lists, each read as text.
async fn find_everywhere(app: &TestApp, needle: &str) -> Vec<String> {
    let backend = app.db.get_database_backend();
    let columns_sql = match backend {
        DbBackend::Postgres => {
            "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
             WHERE table_schema = current_schema() ORDER BY 1, 2"
        }
        _ => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1, 2"
        }
    };
    let columns = app
        .db
        .query_all_raw(Statement::from_string(backend, columns_sql))
        .await
        .expect("schema");
    assert!(columns.len() > 100, "the schema lists its columns ({})", columns.len());
    let mut found = Vec::new();
    for row in columns {
        let table: String = row.try_get("", "t").expect("table");
        let column: String = row.try_get("", "c").expect("column");
        let sql = match backend {
            DbBackend::Postgres => {
                format!(r#"SELECT COUNT(*) AS n FROM "{table}" WHERE strpos(CAST("{column}" AS text), $1) > 0"#)
            }
            _ => format!(r#"SELECT COUNT(*) AS n FROM "{table}" WHERE instr(CAST("{column}" AS TEXT), ?) > 0"#),
        };
        let hits = app
            .db
            .query_one_raw(Statement::from_sql_and_values(backend, &sql, [needle.into()]))
            .await
            .expect("search")
            .expect("a count");
        let n: i64 = hits.try_get("", "n").expect("n");
        if n > 0 {
            found.push(format!("{table}.{column} ({n})"));
        }
    }
    found
}

async fn person_id(app: &TestApp, email: &str) -> Uuid {
    person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(&app.db)
        .await
        .expect("query")
        .expect("person")
        .id
}

db_test!(
    issue_21_erasure_keeps_every_figure_and_leaves_no_trace,
    |app: TestApp| async move {
        let p = build(&app).await;
        let ana = person_id(&app, "ana@example.org").await;
        let cris = person_id(&app, "cris@example.org").await;
        let eva = person_id(&app, "eva@example.org").await;
        person::ActiveModel {
            id: Set(ana),
            phone: Set(Some("+34 600 111 222".into())),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .expect("phone");
        let at = chrono::Utc::now();
        let before = all_figures(&app, &p, at).await;
        let certificate_of = |person: Uuid| {
            let db = app.db.clone();
            async move {
                let registrations: Vec<Uuid> = registration::Entity::find()
                    .filter(registration::Column::PersonId.eq(person))
                    .all(&db)
                    .await
                    .expect("registrations")
                    .into_iter()
                    .map(|r| r.id)
                    .collect();
                certificate::Entity::find()
                    .filter(certificate::Column::RegistrationId.is_in(registrations))
                    .one(&db)
                    .await
                    .expect("certificate")
                    .expect("one")
            }
        };
        let anas = certificate_of(ana).await;
        let danis = certificate_of(person_id(&app, "dani@example.org").await).await;

        // Ana asks from "my trainings", with her certificates; her export
        // first holds everything erasure will remove.
        let browser = me_browser(&app, "ana@example.org").await;
        let export: serde_json::Value = browser.get("/me/data.json").await.json().await.expect("json");
        assert_eq!(export["person"]["phone"], "+34 600 111 222");
        assert_eq!(export["also_held"]["certificates"][0]["holder_name"], "Ana Prueba");
        assert!(!export["also_held"]["messages"].as_array().expect("messages").is_empty());
        // The messages' personal links are not repeated in the file, which
        // is kept and forwarded (session 26's isolation round: a live
        // sign-in link); the messages are.
        let text = export.to_string();
        for kind in ["sign_in_link", "certificate_ready"] {
            let path = crate::helpers::mailed(&app, kind, "ana@example.org", "path").await;
            assert!(!text.contains(&path), "{kind}: {path} in {text}");
        }
        for message in export["also_held"]["messages"].as_array().expect("messages") {
            for key in ["path", "confirm_path", "manage_path", "code"] {
                let value = &message["data"][key];
                assert!(value.is_null() || value == "withheld", "{key}: {message}");
            }
        }
        let page = browser.get_html("/me/erasure?lang=en").await;
        assert!(page.contains("Send me the confirmation link"), "{page}");
        // It says what becomes of places to come (session 31's attack
        // round: they were cancelled without a word).
        assert!(
            page.contains("Your places in trainings still to come are cancelled"),
            "{page}"
        );
        let response = browser
            .post_form("/me/erasure?lang=en", "/me/erasure", &[("certificates", "on")])
            .await;
        crate::helpers::answers(response, StatusCode::OK, "ana@example.org").await;
        // Nothing is erased before the link is followed.
        assert_eq!(person_id(&app, "ana@example.org").await, ana);
        let link = mailed(&app, "erasure_link", "ana@example.org", "path").await;
        let page = browser.get_html(&format!("{link}?lang=en")).await;
        assert!(page.contains("Erase my data now"), "{page}");
        let response = browser.post_form(&format!("{link}?lang=en"), &link, &[]).await;
        crate::helpers::answers(response, StatusCode::OK, "has been erased").await;
        assert_eq!(app.browser().get(&link).await.status(), StatusCode::GONE, "used once");
        assert_eq!(browser.get("/me/data.json").await.status(), StatusCode::NOT_FOUND);

        // An organiser erases Cris by the API: a reason is required.
        let api = app.api(&[Role::Organiser]).await;
        let path = format!("/api/v1/people/{cris}/erasure");
        let (status, _) = api.post(&path, &json!({"reason": "  "})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let body = api.post_ok(&path, &json!({"reason": "Written request"})).await;
        assert_eq!(body["registrations"], 1, "{body}");
        let (status, _) = api.post(&path, &json!({"reason": "Written request"})).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "erased once");
        // A trainer may not.
        let trainer = app.api(&[Role::Trainer]).await;
        let (status, _) = trainer
            .post(&format!("/api/v1/people/{eva}/erasure"), &json!({"reason": "x"}))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        // An administrator erases Eva on the page.
        let admin = app.signed_in(&[Role::Admin]).await;
        let form = format!("/staff/people/{eva}/erase?lang=en");
        let page = admin.get_html(&form).await;
        assert!(page.contains("eva@example.org"), "{page}");
        let action = format!("/staff/people/{eva}/erase");
        let refused = admin.post_form(&form, &action, &[("reason", "")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let done = admin.post_form(&form, &action, &[("reason", "Petición escrita")]).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        assert_eq!(admin.get(&form).await.status(), StatusCode::NOT_FOUND);

        // Dani and Fer are erased by expiry: three years after their last
        // sessions (B1 in April, C1 in May 2026); Ben has one to come.
        let dani = person_id(&app, "dani@example.org").await;
        let fer = person_id(&app, "fer@example.org").await;
        for id in [dani, fer] {
            // Registered in January (the data set is built today).
            person::ActiveModel {
                id: Set(id),
                created_at: Set("2026-01-05T00:00:00Z".parse().expect("instant")),
                ..Default::default()
            }
            .update(&app.db)
            .await
            .expect("created_at");
        }
        let periods = RetentionPeriods::default();
        let later = "2026-06-01T00:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .expect("instant")
            + periods.duration(RetentionCategory::InactivePeople);
        let expired = aula_app::retention::expire(&app.app(), later, &periods)
            .await
            .expect("expire");
        assert_eq!(expired.people, 2, "{expired:?}");
        assert!(erased(&app, dani).await && erased(&app, fer).await);

        // Every figure, for every filter and breakdown, is the same.
        let after = all_figures(&app, &p, at).await;
        for ((label, was), (_, is)) in before.iter().zip(&after) {
            assert_eq!(was, is, "{label}");
        }

        // Nothing names them anywhere.
        let needles = [
            "ana@example.org",
            "Ana Prueba",
            "\"Ana\"",
            "+34 600 111 222",
            "Ayuntamiento de Sevilla",
            "cris@example.org",
            "Cris Prueba",
            "\"Cris\"",
            "Junta de Andalucia",
            "eva@example.org",
            "Eva Prueba",
            "\"Eva\"",
        ];
        let mut traces = Vec::new();
        for needle in needles {
            for place in find_everywhere(&app, needle).await {
                traces.push(format!("{needle}: {place}"));
            }
        }
        assert!(traces.is_empty(), "{traces:#?}");
        // Dani's certificate is kept until its own retention ends: only it
        // still names her.
        for needle in ["dani@example.org", "Dani Prueba"] {
            let places = find_everywhere(&app, needle).await;
            assert!(
                places.iter().all(|p| p.starts_with("certificates.holder_")),
                "{places:?}"
            );
        }
        for needle in [
            "Diputacion de Leon",
            "fer@example.org",
            "Fer Prueba",
            "\"Fer\"",
            "Concello de Vigo",
        ] {
            assert!(find_everywhere(&app, needle).await.is_empty(), "{needle}");
        }
        // The others are still there.
        assert!(!find_everywhere(&app, "ben@example.org").await.is_empty());

        // Ana's certificate is withdrawn at her request; Dani's is as it was.
        let page = app
            .browser()
            .get_html(&format!("/verify/{}?lang=en", anas.verification_code))
            .await;
        assert!(page.contains("withdrawn, at the holder&#39;s request"), "{page}");
        let page = app
            .browser()
            .get_html(&format!("/verify/{}?lang=en", danis.verification_code))
            .await;
        assert!(page.contains("Dani Prueba") && !page.contains("withdrawn"), "{page}");
    }
);

/// The end of `course_and_session`'s session (its last meeting), in UTC.
fn session_end() -> chrono::DateTime<chrono::Utc> {
    "2030-03-14T13:00:00Z".parse().expect("instant")
}

async fn set_created(app: &TestApp, person: Uuid, at: chrono::DateTime<chrono::Utc>) {
    person::ActiveModel {
        id: Set(person),
        created_at: Set(at),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .expect("created_at");
    let registrations = registration::Entity::find()
        .filter(registration::Column::PersonId.eq(person))
        .all(&app.db)
        .await
        .expect("registrations");
    for r in registrations {
        registration::ActiveModel {
            id: Set(r.id),
            created_at: Set(at),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .expect("created_at");
    }
}

async fn erased(app: &TestApp, id: Uuid) -> bool {
    person::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("person")
        .erased_at
        .is_some()
}

db_test!(
    issue_21_expiry_erases_at_the_exact_end_of_each_period,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        let periods = RetentionPeriods::default();
        let anonymous = app.anonymous_api();
        for email in ["first@example.org", "second@example.org"] {
            let (status, body) = anonymous
                .post(
                    &format!("/api/v1/sessions/{session_id}/registrations"),
                    &crate::helpers::registrant("Pending", email),
                )
                .await;
            assert!(status.is_success(), "{body}");
        }
        let first = person_id(&app, "first@example.org").await;
        let second = person_id(&app, "second@example.org").await;
        let t0 = chrono::Utc::now() - chrono::Duration::days(40);
        set_created(&app, first, t0).await;
        set_created(&app, second, t0 + chrono::Duration::seconds(1)).await;

        // Exactly 30 days after the first request: it is gone, with the
        // person it created; the second, one second younger, stays.
        let now = t0 + periods.duration(RetentionCategory::PendingRegistrations);
        let done = aula_app::retention::expire(&app.app(), now, &periods)
            .await
            .expect("expire");
        assert_eq!((done.pending_registrations, done.people), (1, 1), "{done:?}");
        assert!(erased(&app, first).await);
        assert!(!erased(&app, second).await);
        let left = registration::Entity::find()
            .filter(registration::Column::PersonId.is_in([first, second]))
            .all(&app.db)
            .await
            .expect("registrations");
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].person_id, second);

        // A trainee is kept until three years after their last session ends, to the second.
        let trainee = crate::helpers::seated(&app, &session_id, "Lola", "lola@example.org", aula_domain::Language::Es)
            .await
            .person_id;
        let end = session_end() + periods.duration(RetentionCategory::InactivePeople);
        aula_app::retention::expire(&app.app(), end - chrono::Duration::seconds(1), &periods)
            .await
            .expect("expire");
        assert!(!erased(&app, trainee).await, "one second before");
        aula_app::retention::expire(&app.app(), end, &periods)
            .await
            .expect("expire");
        assert!(erased(&app, trainee).await, "at the exact end");
        // Run again: nothing more.
        let again = aula_app::retention::expire(&app.app(), end, &periods)
            .await
            .expect("expire");
        assert_eq!(again, aula_app::retention::Expired::default());
    }
);

db_test!(
    issue_21_two_concurrent_expiry_runs_erase_each_person_once,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        let mut people = Vec::new();
        for n in 0..6 {
            let email = format!("orphan{n}@example.org");
            let p = crate::helpers::person(&app, "Orphan", &email, aula_domain::Language::Es).await;
            set_created(&app, p.id, chrono::Utc::now() - chrono::Duration::days(60)).await;
            people.push(p.id);
        }
        for n in 0..6 {
            let email = format!("trainee{n}@example.org");
            let r = crate::helpers::seated(&app, &session_id, "Trainee", &email, aula_domain::Language::Es).await;
            people.push(r.person_id);
        }
        // Audit entries are written at the real time, years before this
        // run's `now`: kept here, as the test counts them.
        let periods = RetentionPeriods::from_stored([(RetentionCategory::AuditEntries, 30 * 365)]);
        let now = session_end() + periods.duration(RetentionCategory::InactivePeople) + chrono::Duration::days(1);
        let (one, two) = (app.app(), app.app());
        let (a, b) = tokio::join!(
            aula_app::retention::expire(&one, now, &periods),
            aula_app::retention::expire(&two, now, &periods)
        );
        let (a, b) = (a.expect("first"), b.expect("second"));
        assert_eq!(a.people + b.people, 12, "{a:?} {b:?}");
        for id in &people {
            assert!(erased(&app, *id).await);
        }
        let counted: i64 = crate::helpers::audited(&app, "people.expired")
            .await
            .iter()
            .map(|e| {
                serde_json::from_str::<serde_json::Value>(&e.details).expect("json")["count"]
                    .as_i64()
                    .expect("count")
            })
            .sum();
        assert_eq!(counted, 12, "each erased once");
    }
);

db_test!(
    issue_21_the_erase_page_is_reached_from_the_registrations_list,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        let registration = crate::helpers::seated(
            &app,
            &session_id,
            "Nadia",
            "nadia@example.org",
            aula_domain::Language::En,
        )
        .await;
        let organiser = app.signed_in(&[Role::Organiser]).await;
        let html = organiser
            .get_html(&format!("/staff/sessions/{session_id}/registrations?lang=en"))
            .await;
        let link = format!(r#"href="/staff/people/{}/erase""#, registration.person_id);
        assert!(html.contains(&link), "{html}");
        assert!(html.contains(r#"aria-label="Erase the data of Nadia""#), "{html}");
        let page = organiser
            .get_html(&format!("/staff/people/{}/erase?lang=en", registration.person_id))
            .await;
        assert!(page.contains("nadia@example.org"), "{page}");
    }
);

db_test!(
    issue_21_an_erased_persons_place_goes_to_the_next_one_waiting,
    |app: TestApp| async move {
        use aula_domain::{Language, RegistrationStatus};
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = crate::helpers::course_and_session(&app, &api).await;
        let (status, body) = api.patch_session(&session_id, &json!({"capacity": 1})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let eva = crate::helpers::seated(&app, &session_id, "Eva", "eva@example.org", Language::Es).await;
        let leo = crate::helpers::seated(&app, &session_id, "Léo", "leo@example.org", Language::Fr).await;
        assert_eq!(
            (eva.status, leo.status),
            (RegistrationStatus::Confirmed, RegistrationStatus::Waitlisted)
        );
        api.post_ok(
            &format!("/api/v1/people/{}/erasure", eva.person_id),
            &json!({"reason": "Written request"}),
        )
        .await;
        // Her seat in the session to come went to Léo, who is told.
        let status_of = |id: Uuid| {
            let db = app.db.clone();
            async move { aula_storage::registrations::get(&db, id).await.expect("row").status }
        };
        assert_eq!(status_of(eva.id).await, RegistrationStatus::Cancelled);
        assert_eq!(status_of(leo.id).await, RegistrationStatus::Confirmed);
        let (_, record) = api.get(&format!("/api/v1/sessions/{session_id}")).await;
        assert_eq!(record["seats_left"], 0, "{record}");
        let to_leo = outbox::Entity::find()
            .filter(outbox::Column::Recipient.eq("leo@example.org"))
            .filter(outbox::Column::Kind.eq("registration_confirmed"))
            .all(&app.db)
            .await
            .expect("outbox");
        assert_eq!(to_leo.len(), 1);
    }
);

db_test!(
    issue_21_retention_periods_set_by_an_admin_drive_the_job_and_the_notice,
    |app: TestApp| async move {
        let organiser = app.api(&[Role::Organiser]).await;
        let admin = app.api(&[Role::Admin]).await;
        let periods = organiser.get_ok("/api/v1/retention-periods").await;
        assert_eq!(periods["pending_registrations"], 30, "{periods}");
        assert_eq!(periods["certificates"], 3650, "{periods}");

        // Only an administrator sets them, every one, each within bounds.
        let mut wanted = periods.clone();
        wanted["pending_registrations"] = json!(10);
        let (status, _) = organiser.put("/api/v1/retention-periods", &wanted).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        for (bad, field) in [
            (json!({"pending_registrations": 1}), "pending_registrations"),
            (json!({"certificates": 30}), "certificates"),
        ] {
            let mut body = wanted.clone();
            body.as_object_mut()
                .expect("object")
                .extend(bad.as_object().expect("object").clone());
            let (status, problem) = admin.put("/api/v1/retention-periods", &body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
            assert!(problem["fields"][field].is_array(), "{problem}");
        }
        for bad in [json!({"pending_registrations": -4}), json!({"forever": 1}), json!({})] {
            let mut body = wanted.clone();
            body.as_object_mut()
                .expect("object")
                .extend(bad.as_object().expect("object").clone());
            let body = if bad == json!({}) {
                json!({"pending_registrations": 10})
            } else {
                body
            };
            let (status, problem) = admin.put("/api/v1/retention-periods", &body).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        }
        let (_, unchanged) = organiser.get("/api/v1/retention-periods").await;
        assert_eq!(unchanged, periods, "refused input changes nothing");
        let saved = admin.put_ok("/api/v1/retention-periods", &wanted).await;
        assert_eq!(saved, wanted);

        // The page refuses what the API refuses, beside the field.
        let page = app.signed_in(&[Role::Admin]).await;
        let form = "/admin/retention?lang=en";
        let html = page.get_html(form).await;
        assert!(
            html.contains("Registrations never confirmed") && html.contains("value=\"10\""),
            "{html}"
        );
        let mut fields: Vec<(&str, String)> = wanted
            .as_object()
            .expect("object")
            .iter()
            .map(|(k, v)| (k.as_str(), v.to_string()))
            .collect();
        fields.iter_mut().find(|(k, _)| *k == "audit_entries").expect("field").1 = "ten".into();
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let refused = page.post_form(form, "/admin/retention", &borrowed).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text().await.expect("html");
        assert!(
            html.contains("error-audit_entries") && html.contains("Give a number."),
            "{html}"
        );

        // The privacy notice at registration states the periods in force.
        let (_, session_id) = crate::helpers::course_and_session(&app, &organiser).await;
        let public = app.browser().get_html(&format!("/sessions/{session_id}?lang=en")).await;
        assert!(
            public.contains("A registration you do not confirm is deleted after 10 days.")
                && public.contains("erased 3 years after your last training ends")
                && public.contains("Certificates are kept 10 years after issue."),
            "{public}"
        );

        // A request eleven days old is past its period: counted on the
        // records of processing, then deleted by the scheduled job.
        let (status, body) = app
            .anonymous_api()
            .post(
                &format!("/api/v1/sessions/{session_id}/registrations"),
                &crate::helpers::registrant("Paz", "paz@example.org"),
            )
            .await;
        assert!(status.is_success(), "{body}");
        let paz = person_id(&app, "paz@example.org").await;
        set_created(&app, paz, chrono::Utc::now() - chrono::Duration::days(11)).await;
        let records = organiser.get_ok("/api/v1/privacy/records").await;
        let pending = crate::helpers::item_where(&records, "data", "pending");
        assert_eq!(pending["days"], 10, "{pending}");
        assert_eq!(pending["due"], 1, "{pending}");
        let html = app
            .signed_in(&[Role::Organiser])
            .await
            .get_html("/staff/privacy?lang=en")
            .await;
        assert!(
            html.contains("Registrations asked for and never confirmed") && html.contains("1 record"),
            "{html}"
        );
        aula_app::jobs::tick(&app.app()).await.expect("tick");
        let left = registration::Entity::find()
            .filter(registration::Column::PersonId.eq(paz))
            .all(&app.db)
            .await
            .expect("registrations");
        assert!(left.is_empty(), "{left:?}");

        // The change is audited, from and to.
        let entry = aula_storage::entities::audit_entry::Entity::find()
            .filter(aula_storage::entities::audit_entry::Column::Action.eq("retention.periods"))
            .one(&app.db)
            .await
            .expect("audit")
            .expect("an entry");
        assert!(
            entry.details.contains("\"from\":30") && entry.details.contains("\"to\":10"),
            "{}",
            entry.details
        );
    }
);

// Issue 16's attack round: erasing a person at one organisation emptied and
// redirected the mail of a person with the same address at another (and
// dropped what was not sent yet), and cleared that address's wrong-password
// lock-out.
db_test!(
    issue_16_erasure_stays_in_the_person_s_organisation,
    |app: TestApp| async move {
        use aula_storage::entities::rate_limit;
        let (b_org, _, b) = crate::organisations::organisation_with_organiser(&app, "ville-b", "Ville B").await;
        let (_, b_session) = crate::helpers::course_and_session(&app, &b).await;
        let b_session: Uuid = b_session.parse().expect("uuid");
        let b_amel =
            crate::helpers::person_in(&app, b_org, "Amel", "amel@example.org", aula_domain::Language::Fr).await;
        let b_message = aula_storage::outbox::enqueue(
            &app.db,
            &aula_storage::outbox::NewMessage {
                organisation_id: b_org.uuid(),
                kind: aula_domain::MailKind::Broadcast,
                recipient: aula_domain::Email::parse("amel@example.org").expect("email"),
                recipient_name: Some("Amel Ruiz".into()),
                language: aula_domain::Language::Fr,
                data: json!({"subject": "Pour Amel Ruiz", "body": "Bonjour"}),
                session_id: Some(b_session),
                reply_to: None,
                due_at: Some(chrono::Utc::now() + chrono::Duration::days(1)),
                dedupe_key: None,
            },
            &app.mail.domain,
        )
        .await
        .expect("message")
        .expect("queued");
        let b_before = outbox::Entity::find_by_id(b_message.id)
            .one(&app.db)
            .await
            .expect("query")
            .expect("row");
        let expires_at = chrono::Utc::now() + chrono::Duration::minutes(10);
        for bucket in [
            "password:account:amel@example.org|900",
            "register:email:amel@example.org|3600",
        ] {
            rate_limit::Entity::insert(rate_limit::ActiveModel {
                bucket: Set(bucket.into()),
                hits: Set(5),
                expires_at: Set(expires_at),
            })
            .exec(&app.db)
            .await
            .expect("window");
        }

        // A's Amel, at the same address, is erased by A's organiser.
        let a = app.api(&[Role::Organiser]).await;
        let (_, a_session) = crate::helpers::course_and_session(&app, &a).await;
        let a_amel = crate::helpers::seated(&app, &a_session, "Amel", "amel@example.org", aula_domain::Language::Es)
            .await
            .person_id;
        a.post_ok(
            &format!("/api/v1/people/{a_amel}/erasure"),
            &json!({"reason": "Written request"}),
        )
        .await;
        assert!(erased(&app, a_amel).await);

        // B's Amel, her message and the account's lock-out are as they were.
        assert!(!erased(&app, b_amel.id).await);
        let b_after = outbox::Entity::find_by_id(b_message.id)
            .one(&app.db)
            .await
            .expect("query")
            .expect("row");
        assert_eq!(b_after, b_before);
        let windows: Vec<String> = rate_limit::Entity::find()
            .all(&app.db)
            .await
            .expect("windows")
            .into_iter()
            .map(|w| w.bucket)
            .collect();
        assert!(
            windows.contains(&"password:account:amel@example.org|900".to_owned()),
            "{windows:?}"
        );
        assert!(
            !windows.contains(&"register:email:amel@example.org|3600".to_owned()),
            "{windows:?}"
        );
    }
);

// Issue 16's attack round: someone confirmed in a session with no meetings
// yet (a draft being planned) was erased as inactive.
db_test!(
    issue_16_a_session_without_meetings_yet_keeps_its_people,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (course_id, _) = crate::helpers::course_and_session(&app, &api).await;
        let region = app.region("ES-AN").await;
        let mut people = Vec::new();
        for (status, email) in [("draft", "planned@example.org"), ("cancelled", "dropped@example.org")] {
            let session = api
                .created(
                    "/api/v1/sessions",
                    &json!({"course_id": course_id, "capacity": 10, "status": "draft", "meetings": [],
                        "venue": {"name": "Sede", "city": "Sevilla", "region_id": region}}),
                )
                .await;
            let id = session["id"].as_str().expect("id");
            let person = crate::helpers::seated(&app, id, "Sin", email, aula_domain::Language::Es)
                .await
                .person_id;
            if status == "cancelled" {
                let (code, body) = api.patch_session(id, &json!({"status": "cancelled"})).await;
                assert_eq!(code, StatusCode::OK, "{body}");
            }
            set_created(&app, person, chrono::Utc::now() - chrono::Duration::days(5 * 365)).await;
            people.push(person);
        }
        let done = aula_app::retention::expire(&app.app(), chrono::Utc::now(), &RetentionPeriods::default())
            .await
            .expect("expire");
        assert_eq!(done.people, 1, "{done:?}");
        assert!(
            !erased(&app, people[0]).await,
            "confirmed in a session still being planned"
        );
        assert!(
            erased(&app, people[1]).await,
            "only in a session cancelled before it had dates"
        );
    }
);

// Issue 16's race round: on PostgreSQL a registration committed while the
// person was being erased kept its seat for someone erased (the erasure
// looked for their places before it claimed them).
db_test!(
    issue_16_a_registration_during_an_erasure_holds_no_seat_for_the_erased,
    |app: TestApp| async move {
        let api = app.api(&[Role::Organiser]).await;
        let (_, first) = crate::helpers::course_and_session(&app, &api).await;
        let (_, second) = crate::helpers::course_and_session(&app, &api).await;
        let mut tasks = Vec::new();
        for n in 0..8 {
            let email = format!("carrera{n}@example.org");
            let person = crate::helpers::seated(&app, &first, "Carrera", &email, aula_domain::Language::Es)
                .await
                .person_id;
            let organiser = |api: &crate::helpers::Api| crate::helpers::Api {
                client: api.client.clone(),
                base: api.base.clone(),
                token: api.token.clone(),
            };
            let eraser = organiser(&api);
            tasks.push(tokio::spawn(async move {
                eraser
                    .post(
                        &format!("/api/v1/people/{person}/erasure"),
                        &json!({"reason": "Written request"}),
                    )
                    .await
                    .0
            }));
            let registrar = organiser(&api);
            let second = second.clone();
            tasks.push(tokio::spawn(async move {
                let body = crate::helpers::registrant("Carrera", &email);
                registrar
                    .post(&format!("/api/v1/sessions/{second}/registrations"), &body)
                    .await
                    .0
            }));
        }
        for task in tasks {
            let status = task.await.expect("task");
            assert!(status.is_success() || status == StatusCode::NOT_FOUND, "{status}");
        }
        let erased: Vec<Uuid> = person::Entity::find()
            .filter(person::Column::ErasedAt.is_not_null())
            .all(&app.db)
            .await
            .expect("people")
            .into_iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(erased.len(), 8);
        let held = registration::Entity::find()
            .filter(registration::Column::PersonId.is_in(erased))
            .filter(registration::Column::Status.ne(aula_domain::RegistrationStatus::Cancelled))
            .all(&app.db)
            .await
            .expect("registrations");
        assert!(held.is_empty(), "{held:?}");
    }
);

/// An outbox row of `org` to `recipient`, as a message queued for them.
fn message(org: Uuid, recipient: &str, name: Option<&str>, data: serde_json::Value) -> outbox::ActiveModel {
    let at = chrono::Utc::now();
    outbox::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(org),
        kind: Set(aula_domain::MailKind::AbsenceWarning),
        recipient: Set(recipient.into()),
        recipient_name: Set(name.map(str::to_owned)),
        language: Set(aula_domain::Language::Es),
        data: Set(data.to_string()),
        session_id: Set(None),
        reply_to: Set(None),
        status: Set(aula_domain::MessageStatus::Sent),
        attempts: Set(1),
        next_attempt_at: Set(at),
        claimed_until: Set(None),
        claimed_by: Set(None),
        last_error: Set(None),
        message_id: Set(format!("<{}@test>", Uuid::now_v7())),
        dedupe_key: Set(None),
        created_at: Set(at),
        sent_at: Set(Some(at)),
    }
}

db_test!(
    session_27_erasure_finds_every_name_a_person_went_by,
    |app: TestApp| async move {
        // Session 27's privacy round: Yannick, renamed, was erased and an
        // organisers' digest still named him by his former name; a report
        // alias written without accents ("uxia tahiri movil") and its audit
        // entry survived; so did his walk-in at an outreach meeting. His
        // own data file listed another organisation's mail to his address,
        // and not his attendance.
        use aula_storage::entities::{import_draft, report_alias};
        let p = build(&app).await;
        let org = app.org().await.uuid();
        let ana = person_id(&app, "ana@example.org").await;
        let api = app.api(&[Role::Organiser]).await;
        // She is "Anabel Núñez" now (her own correction is not audited).
        person::ActiveModel {
            id: Set(ana),
            given_name: Set("Anabel".into()),
            family_name: Set("Núñez".into()),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .expect("renamed");
        // An organisers' digest written under her former name, and one
        // under the name an organiser's update audited before that.
        for name in ["Ana Prueba", "Ana María Prueba"] {
            message(
                org,
                "coordinacion@example.org",
                Some("Coordinación"),
                json!({"trainees": [name]}),
            )
            .insert(&app.db)
            .await
            .expect("digest");
        }
        aula_storage::audit::record(
            &app.db,
            &aula_storage::Actor::system("organiser").within(app.org().await),
            "person.updated",
            "person",
            Some(ana),
            json!({"from": {"given_name": "Ana María", "family_name": "Prueba"},
                "to": {"given_name": "Ana", "family_name": "Prueba"}}),
        )
        .await
        .expect("audited");
        // Her walk-in at an outreach meeting.
        let meeting = crate::outreach::activity(
            &api,
            p.p1,
            json!({"kind": "information_meeting", "title": "Reunión informativa", "held_on": "2026-02-10"}),
        )
        .await;
        api.created(
            &format!("/api/v1/outreach/{meeting}/walk-ins"),
            &json!({"name": "Ana Prueba", "email": "ANA@example.org"}),
        )
        .await;
        // A namesake who gave another address is another person.
        let (status, body) = api
            .post(
                &format!("/api/v1/outreach/{meeting}/walk-ins"),
                &json!({"name": "Ana Prueba", "email": "otra.ana@example.org"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        // A trainer's choices in a participant report: her phone's name,
        // as a report writes its key, and "zoe q iphone" chosen as her.
        let registration = registration::Entity::find()
            .filter(registration::Column::PersonId.eq(ana))
            .one(&app.db)
            .await
            .expect("query")
            .expect("registration")
            .id;
        // Her name's words inside another's ("marianabel nunez") are not
        // her (session 27's review); written family name first, they are.
        for (key, to) in [
            ("anabel nunez movil", None),
            ("nunez anabel", None),
            ("marianabel nunez", None),
            ("zoe q iphone", Some(registration)),
        ] {
            let alias = report_alias::ActiveModel {
                id: Set(Uuid::now_v7()),
                session_id: Set(p.c1),
                key: Set(key.into()),
                registration_id: Set(to),
                updated_by: Set("trainer".into()),
                updated_at: Set(chrono::Utc::now()),
            }
            .insert(&app.db)
            .await
            .expect("alias");
            aula_storage::audit::record(
                &app.db,
                &aula_storage::Actor::system("trainer").within(app.org().await),
                "choose",
                "report_alias",
                Some(alias.id),
                json!({"session_id": p.c1, "key": key, "from": null, "to": to}),
            )
            .await
            .expect("audit");
        }
        // The same address at another organisation is another person.
        let other = crate::helpers::new_organisation(&app.db, "otra", "Otra organización").await;
        message(other.id, "ana@example.org", None, json!({"path": "/me/sign-in/otra"}))
            .insert(&app.db)
            .await
            .expect("other");

        let browser = me_browser(&app, "ana@example.org").await;
        let export: serde_json::Value = browser.get("/me/data.json").await.json().await.expect("json");
        let held = &export["also_held"];
        assert!(!export.to_string().contains("/me/sign-in/otra"), "{export}");
        assert!(!held["attendance"].as_array().expect("marks").is_empty(), "{held}");
        assert!(
            !held["completions"].as_array().expect("completions").is_empty(),
            "{held}"
        );
        let walk_ins = held["outreach_walk_ins"].as_array().expect("walk-ins");
        assert_eq!(walk_ins.len(), 1, "not her namesake's: {held}");
        assert_eq!(walk_ins[0]["email"], "ana@example.org", "{held}");

        let body = api
            .post_ok(
                &format!("/api/v1/people/{ana}/erasure"),
                &json!({"reason": "Written request"}),
            )
            .await;
        assert_eq!(body["registrations"], 3, "{body}");
        let mut traces = Vec::new();
        for needle in [
            "Ana Prueba",
            "Ana María Prueba",
            "Anabel Núñez",
            "anabel nunez movil",
            "nunez anabel",
            "zoe q iphone",
        ] {
            for place in find_everywhere(&app, needle).await {
                traces.push(format!("{needle}: {place}"));
            }
        }
        // Her certificate names her until she asks or its period ends; her
        // namesake at the door is another person.
        traces.retain(|t| !t.contains("certificates.holder_name") && t != "Ana Prueba: outreach_walk_ins.name (1)");
        assert!(traces.is_empty(), "{traces:#?}");
        assert_eq!(
            find_everywhere(&app, "otra.ana@example.org").await,
            ["outreach_walk_ins.email (1)"]
        );
        assert_eq!(
            find_everywhere(&app, "marianabel nunez").await,
            ["audit_log.details (1)", "report_aliases.key (1)"]
        );
        // The other organisation's message is that person's, untouched.
        assert_eq!(find_everywhere(&app, "/me/sign-in/otra").await, ["outbox.data (1)"]);

        // Mail never to be sent keeps its body no longer than mail sent;
        // a registration file never imported, a day.
        let long_ago: chrono::DateTime<chrono::Utc> = "2025-01-01T00:00:00Z".parse().expect("instant");
        let mut failed = message(org, "ben@example.org", None, json!({"path": "/me/sign-in/failed"}));
        failed.status = Set(aula_domain::MessageStatus::Failed);
        failed.created_at = Set(long_ago);
        failed.sent_at = Set(None);
        failed.last_error = Set(Some("550 5.1.1 <ben@example.org>: unknown".into()));
        let failed = failed.insert(&app.db).await.expect("failed");
        let staff = app.user("importa@staff.example.org", &[Role::Organiser]).await;
        import_draft::ActiveModel {
            id: Set(Uuid::now_v7()),
            session_id: Set(p.c1),
            user_id: Set(staff.user.id),
            file_name: Set("inscritos.csv".into()),
            content: Set("nombre;correo\nVera Borrador;vera@example.org\n".into()),
            created_at: Set(long_ago),
        }
        .insert(&app.db)
        .await
        .expect("draft");
        let expired = aula_app::retention::expire(&app.app(), chrono::Utc::now(), &RetentionPeriods::default())
            .await
            .expect("expire");
        assert_eq!(
            (expired.mail_bodies >= 1, expired.import_drafts),
            (true, 1),
            "{expired:?}"
        );
        let failed = outbox::Entity::find_by_id(failed.id)
            .one(&app.db)
            .await
            .expect("query")
            .expect("row");
        assert_eq!(
            (failed.data.as_str(), failed.last_error, failed.status),
            ("{}", None, aula_domain::MessageStatus::Dropped)
        );
        assert!(find_everywhere(&app, "Vera Borrador").await.is_empty());
    }
);
