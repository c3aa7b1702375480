//! Vocabularies are typed columns: a value Aula does not know, found in a
//! row, is an error that names it, never read as some other value.

use aula_domain::{Language, Role};
use aula_storage::StorageError;
use sea_orm::ConnectionTrait;

use crate::helpers::{TestApp, course_and_session, db_test, seated};

/// Writes `sql` with the database's own placeholders for `id`.
async fn corrupt(app: &TestApp, sql: &str, id: uuid::Uuid) {
    let sql = match app.db.get_database_backend() {
        sea_orm::DbBackend::Postgres => sql.to_owned(),
        _ => sql.replace("$1", "?"),
    };
    app.db
        .execute_raw(sea_orm::Statement::from_sql_and_values(
            app.db.get_database_backend(),
            sql,
            [id.into()],
        ))
        .await
        .expect("raw update");
}

/// The database error behind a failed read, as text.
fn unknown_value(result: Result<impl std::fmt::Debug, StorageError>) -> String {
    match result {
        Err(StorageError::Db(err)) => err.to_string(),
        other => panic!("expected a database error, got {other:?}"),
    }
}

db_test!(unknown_codes_in_rows_are_errors, |app: TestApp| async move {
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    let registration = seated(&app, &session_id, "Ana", "ana@example.org", Language::Es).await;
    let session_id: uuid::Uuid = session_id.parse().expect("uuid");

    // An unknown registration status was once read as cancelled.
    corrupt(
        &app,
        "UPDATE registrations SET status = 'on_hold' WHERE id = $1",
        registration.id,
    )
    .await;
    let message = unknown_value(aula_storage::registrations::get(&app.db, registration.id).await);
    assert!(
        message.contains("RegistrationStatus") && message.contains("on_hold"),
        "{message}"
    );

    // An unknown time zone was once read as Europe/Madrid.
    corrupt(
        &app,
        "UPDATE sessions SET time_zone = 'Mars/Olympus' WHERE id = $1",
        session_id,
    )
    .await;
    let message = unknown_value(
        aula_storage::sessions::get(&app.db, session_id)
            .await
            .map(|r| r.session.id),
    );
    assert!(
        message.contains("SessionTimeZone") && message.contains("Mars/Olympus"),
        "{message}"
    );

    // A person's language, a course's modality: the same.
    corrupt(
        &app,
        "UPDATE people SET language = 'xx' WHERE id = $1",
        registration.person_id,
    )
    .await;
    let message = unknown_value(aula_storage::people::get(&app.db, registration.person_id).await);
    assert!(message.contains("Language") && message.contains("xx"), "{message}");
});

db_test!(
    session_25_a_session_that_cannot_be_read_fails_its_step_not_the_round,
    |app: TestApp| async move {
        // A session that ended yesterday, due for its survey, with a time
        // zone Aula does not know: opening its survey fails, and every other
        // step of the scheduled round still runs (the first of them returned
        // at once, and a lasting failure starved retention and completions).
        let api = app.api(&[Role::Organiser]).await;
        let (_, session_id) = course_and_session(&app, &api).await;
        let ana = seated(&app, &session_id, "Ana", "ana@example.org", Language::Es).await;
        let session_id: uuid::Uuid = session_id.parse().expect("uuid");
        let yesterday = chrono::Utc::now() - chrono::Duration::days(1);
        let sql = match app.db.get_database_backend() {
            sea_orm::DbBackend::Postgres => "UPDATE sessions SET ends_at = $1 WHERE id = $2",
            _ => "UPDATE sessions SET ends_at = ? WHERE id = ?",
        };
        app.db
            .execute_raw(sea_orm::Statement::from_sql_and_values(
                app.db.get_database_backend(),
                sql,
                [yesterday.into(), session_id.into()],
            ))
            .await
            .expect("ended yesterday");
        // And a sign-in link three days past its expiry, which a later
        // step forgets.
        aula_storage::person_sessions::create_link(&app.db, ana.person_id)
            .await
            .expect("a sign-in link");
        <aula_storage::entities::sign_in_link::Entity as sea_orm::EntityTrait>::update_many()
            .col_expr(
                aula_storage::entities::sign_in_link::Column::ExpiresAt,
                sea_orm::sea_query::Expr::value(yesterday - chrono::Duration::days(2)),
            )
            .exec(&app.db)
            .await
            .expect("expired");
        corrupt(
            &app,
            "UPDATE sessions SET time_zone = 'Mars/Olympus' WHERE id = $1",
            session_id,
        )
        .await;
        let links = || async {
            <aula_storage::entities::sign_in_link::Entity as sea_orm::EntityTrait>::find()
                .all(&app.db)
                .await
                .expect("links")
                .len()
        };
        assert_eq!(links().await, 1);

        let outcome = aula_app::jobs::tick(&app.app()).await;
        let message = format!("{:?}", outcome.expect_err("the survey's step fails"));
        assert!(message.contains("Mars/Olympus"), "{message}");
        // A later step ran: the expired sign-in link is forgotten.
        assert_eq!(links().await, 0, "the round went on past the failure");
    }
);
