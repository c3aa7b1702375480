//! Personal data over its whole life (issue 21): erasing people leaves every
//! indicator, for every filter and breakdown, exactly as it was, and leaves
//! none of their names, addresses, phones or employers anywhere in the
//! database (every text column of every table, as the schema lists them).

use aula_domain::Role;
use aula_domain::indicators::{Breakdown, Filter};
use aula_storage::entities::{certificate, outbox, person, registration};
use aula_storage::indicators::{self, Dashboard};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Set, Statement};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{Browser, TestApp, db_test};
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
                audience: Some(Audience::PublicServant),
                ..Filter::default()
            },
        ),
        (
            "union delegates",
            Filter {
                audience: Some(Audience::UnionDelegate),
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
                audience: Some(Audience::PublicServant),
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

/// The path of the last e-mail of `kind` to `email`, as queued.
async fn mailed_path(app: &TestApp, kind: &str, email: &str) -> String {
    let rows = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq(kind))
        .filter(outbox::Column::Recipient.eq(email))
        .all(&app.db)
        .await
        .expect("outbox");
    let row = rows.last().unwrap_or_else(|| panic!("a {kind} message to {email}"));
    let data: serde_json::Value = serde_json::from_str(&row.data).expect("json");
    data["path"].as_str().expect("path").to_owned()
}

/// A trainee signed in to "my trainings" by the e-mailed link.
async fn trainee(app: &TestApp, email: &str) -> Browser {
    let browser = app.browser();
    let response = browser
        .post_form("/me?lang=en", "/me/sign-in", &[("email", email)])
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let link = mailed_path(app, "sign_in_link", email).await;
    let response = browser.post_form(&link, &link, &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    browser
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
        let browser = trainee(&app, "ana@example.org").await;
        let export: serde_json::Value = browser.get("/me/data.json").await.json().await.expect("json");
        assert_eq!(export["person"]["phone"], "+34 600 111 222");
        assert_eq!(export["also_held"]["certificates"][0]["holder_name"], "Ana Prueba");
        assert!(!export["also_held"]["messages"].as_array().expect("messages").is_empty());
        let page = browser.get_html("/me/erasure?lang=en").await;
        assert!(page.contains("Send me the confirmation link"), "{page}");
        let response = browser
            .post_form("/me/erasure?lang=en", "/me/erasure", &[("certificates", "on")])
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.text().await.expect("page").contains("ana@example.org"));
        // Nothing is erased before the link is followed.
        assert_eq!(person_id(&app, "ana@example.org").await, ana);
        let link = mailed_path(&app, "erasure_link", "ana@example.org").await;
        let page = browser.get_html(&format!("{link}?lang=en")).await;
        assert!(page.contains("Erase my data now"), "{page}");
        let response = browser.post_form(&format!("{link}?lang=en"), &link, &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.text().await.expect("page").contains("has been erased"));
        assert_eq!(app.browser().get(&link).await.status(), StatusCode::GONE, "used once");
        assert_eq!(browser.get("/me/data.json").await.status(), StatusCode::NOT_FOUND);

        // An organiser erases Cris by the API: a reason is required.
        let api = app.api(&[Role::Organiser]).await;
        let path = format!("/api/v1/people/{cris}/erasure");
        let (status, _) = api.post(&path, &json!({"reason": "  "})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, body) = api.post(&path, &json!({"reason": "Written request"})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
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
        // The others are still there.
        assert!(!find_everywhere(&app, "dani@example.org").await.is_empty());

        // Ana's certificate is withdrawn at her request; Dani's is as it was.
        let page = app
            .browser()
            .get_html(&format!("/verify/{}?lang=en", anas.verification_code))
            .await;
        assert!(page.contains("withdrawn at the holder&#39;s request"), "{page}");
        let page = app
            .browser()
            .get_html(&format!("/verify/{}?lang=en", danis.verification_code))
            .await;
        assert!(page.contains("Dani Prueba") && !page.contains("withdrawn"), "{page}");
    }
);
