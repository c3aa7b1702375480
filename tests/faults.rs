//! Faults and several processes (issue 25): a failed write, a restart, two
//! processes migrating at once.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use aula_domain::Role;
use aula_storage::db::CommitFaults;
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;

use crate::helpers::{TestApp, course_and_session};

/// How the test makes commits fail for a moment.
enum Fault {
    /// SQLite: the storage layer's commit hook turns each `COMMIT` into a
    /// rollback, as SQLite itself does on an I/O error or a full disk.
    Sqlite(CommitFaults),
    /// PostgreSQL: a deferred constraint trigger on new registrations
    /// raises at `COMMIT` while a switch row says so.
    Postgres,
}

impl Fault {
    async fn set(&self, app: &TestApp, on: bool) {
        match self {
            Fault::Sqlite(faults) => faults.fail_commits(on),
            Fault::Postgres => {
                app.db
                    .execute_unprepared(&format!("UPDATE fault_switch SET fail_commits = {on}"))
                    .await
                    .expect("switch set");
            }
        }
    }
}

async fn sqlite_with_faults() -> (TestApp, Fault) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("aula.db").display());
    let faults = CommitFaults::default();
    let db = aula_storage::db::connect_with_faults(&url, &faults)
        .await
        .expect("sqlite opens");
    let app = TestApp::start(db, url, Some(dir), None, false).await;
    (app, Fault::Sqlite(faults))
}

async fn postgres_with_faults() -> Option<(TestApp, Fault)> {
    let app = TestApp::postgres().await?;
    app.db
        .execute_unprepared(
            "CREATE TABLE fault_switch (fail_commits boolean NOT NULL);
             INSERT INTO fault_switch VALUES (false);
             CREATE FUNCTION fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
                 IF (SELECT fail_commits FROM fault_switch) THEN
                     RAISE EXCEPTION 'injected commit failure' USING ERRCODE = '58030';
                 END IF;
                 RETURN NULL;
             END $$;
             CREATE CONSTRAINT TRIGGER fail_commit AFTER INSERT ON registrations
                 DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_commit();
             CREATE CONSTRAINT TRIGGER fail_commit AFTER INSERT OR UPDATE ON heartbeat
                 DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_commit();",
        )
        .await
        .expect("fault trigger");
    Some((app, Fault::Postgres))
}

/// The e-mail addresses of everyone registered, read through `db`.
async fn registered(db: &aula_storage::Database) -> BTreeSet<String> {
    texts(
        db,
        "SELECT p.email FROM registrations r JOIN people p ON p.id = r.person_id",
    )
    .await
}

/// The first column of each row `sql` reads through `db`, as text.
async fn texts<C: FromIterator<String>>(db: &aula_storage::Database, sql: &str) -> C {
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    rows.iter()
        .map(|row| row.try_get_by_index::<String>(0).expect("text"))
        .collect()
}

/// A burst of public sign-ups, eight at a time; commits fail from the 30th
/// answer to the 50th, then succeed again. Every 201 must be in the
/// database, before and after a restart, and every sign-up after the fault
/// must succeed (a connection left inside a transaction answered 201 for
/// rows that never reached the file, and "database is locked" for others).
async fn failed_commits_lose_no_acknowledged_signup(app: TestApp, fault: Fault) {
    const SIGN_UPS: usize = 120;
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    let app = Arc::new(app);
    let fault = Arc::new(fault);
    let answered = Arc::new(AtomicUsize::new(0));
    let slots = Arc::new(tokio::sync::Semaphore::new(8));
    let mut tasks = Vec::new();
    for n in 0..SIGN_UPS {
        let (app, fault, answered, slots) = (app.clone(), fault.clone(), answered.clone(), slots.clone());
        let path = format!("/api/v1/sessions/{session_id}/registrations");
        tasks.push(tokio::spawn(async move {
            let _slot = slots.acquire().await.expect("slot");
            let email = format!("p{n}@example.org");
            let body = crate::helpers::registrant(&format!("P{n}"), &email);
            let (status, _) = app.anonymous_api().post(&path, &body).await;
            match answered.fetch_add(1, Ordering::SeqCst) + 1 {
                30 => fault.set(&app, true).await,
                50 => fault.set(&app, false).await,
                _ => {}
            }
            (n, email, status)
        }));
    }
    let mut acknowledged = BTreeSet::new();
    let mut refused = Vec::new();
    for task in tasks {
        let (n, email, status) = task.await.expect("task");
        if status == StatusCode::CREATED {
            acknowledged.insert(email);
        } else {
            refused.push((n, status));
        }
    }
    // Once the switch is off again a sign-up succeeds.
    let (status, body) = app
        .anonymous_api()
        .post(
            &format!("/api/v1/sessions/{session_id}/registrations"),
            &json!({
                "given_name": "Última",
                "family_name": "García",
                "email": "last@example.org",
                "employer": "Ayuntamiento de León",
                "audience": "public_servant",
                "language": "es",
                "consent": true,
            }),
        )
        .await;
    if status == StatusCode::CREATED {
        acknowledged.insert("last@example.org".to_owned());
    }

    // The readiness check tells a database that cannot write; health, which
    // only reads, does not.
    let ready = || async { reqwest::get(app.url("/readyz")).await.expect("readyz").status() };
    assert_eq!(ready().await, StatusCode::OK);
    fault.set(&app, true).await;
    assert_eq!(ready().await, StatusCode::SERVICE_UNAVAILABLE);
    let health = reqwest::get(app.url("/healthz")).await.expect("healthz").status();
    assert_eq!(health, StatusCode::OK);
    fault.set(&app, false).await;
    assert_eq!(ready().await, StatusCode::OK);

    assert_eq!(registered(&app.db).await, acknowledged, "acknowledged = stored");
    let reopened = app.reopen_database().await;
    assert_eq!(
        registered(&reopened).await,
        acknowledged,
        "acknowledged = stored after a restart"
    );
    assert_eq!(status, StatusCode::CREATED, "after the fault: {body}");
    assert!(!refused.is_empty(), "the fault refused some sign-ups");
    assert!(
        refused
            .iter()
            .all(|(_, status)| *status == StatusCode::INTERNAL_SERVER_ERROR
                || *status == StatusCode::SERVICE_UNAVAILABLE),
        "{refused:?}"
    );
    assert!(
        refused.len() <= 40,
        "sign-ups after the fault succeed again; refused: {refused:?}"
    );
}

mod issue_25_failed_commits_lose_no_acknowledged_signup {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        let (app, fault) = sqlite_with_faults().await;
        failed_commits_lose_no_acknowledged_signup(app, fault).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[cfg_attr(not(aula_postgres), ignore = "AULA_TEST_POSTGRES_URL is not set")]
    async fn postgres() {
        let (app, fault) = postgres_with_faults().await.expect("AULA_TEST_POSTGRES_URL is set");
        failed_commits_lose_no_acknowledged_signup(app, fault).await;
    }
}

/// The versions recorded as applied, in order.
async fn applied(db: &aula_storage::Database) -> Vec<String> {
    texts(db, "SELECT version FROM seaql_migrations ORDER BY version").await
}

/// Two processes (two pools) migrate one fresh database at the same moment:
/// both succeed, every migration is applied once, and a third run finds
/// nothing to do.
async fn two_processes_migrate_at_once(url: &str, schema: Option<&str>) {
    let first = aula_storage::connect(url, schema).await.expect("first opens");
    let second = aula_storage::connect(url, schema).await.expect("second opens");
    let (a, b) = tokio::join!(aula_storage::db::migrate(&first), aula_storage::db::migrate(&second));
    a.expect("the first process migrates");
    b.expect("the second process migrates");
    let versions = applied(&first).await;
    let mut distinct = versions.clone();
    distinct.dedup();
    assert_eq!(versions, distinct, "each migration recorded once");
    assert!(!versions.is_empty());
    aula_storage::db::migrate(&second).await.expect("nothing to do");
    assert_eq!(applied(&second).await, versions);
}

mod issue_25_two_processes_migrate_at_once {
    use sea_orm::ConnectionTrait;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        for _ in 0..3 {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}?mode=rwc", dir.path().join("aula.db").display());
            super::two_processes_migrate_at_once(&url, None).await;
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[cfg_attr(not(aula_postgres), ignore = "AULA_TEST_POSTGRES_URL is not set")]
    async fn postgres() {
        let url = std::env::var("AULA_TEST_POSTGRES_URL").expect("AULA_TEST_POSTGRES_URL is set");
        let admin = aula_storage::connect(&url, None).await.expect("postgres opens");
        for _ in 0..3 {
            let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
            admin
                .execute_unprepared(&format!("CREATE SCHEMA \"{schema}\""))
                .await
                .expect("schema created");
            super::two_processes_migrate_at_once(&url, Some(&schema)).await;
            admin
                .execute_unprepared(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
                .await
                .expect("schema dropped");
        }
    }
}

/// Issue 25: a connection PostgreSQL drops in the middle of a transaction (a
/// restart, a failover: here `pg_terminate_backend`) is the database's
/// moment, answered "try again" (503 with `Retry-After`), never a 500.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(aula_postgres), ignore = "AULA_TEST_POSTGRES_URL is not set")]
async fn issue_25_a_terminated_backend_is_a_moment_not_a_failure() {
    use aula_storage::{Begin, StorageError};
    use sea_orm::{ConnectionTrait, Statement};
    let url = std::env::var("AULA_TEST_POSTGRES_URL").expect("AULA_TEST_POSTGRES_URL is set");
    let db = aula_storage::connect(&url, None).await.expect("postgres opens");
    let other = aula_storage::connect(&url, None).await.expect("postgres opens");
    let txn = db.begin_write().await.expect("begin");
    let backend = Statement::from_string(db.get_database_backend(), "SELECT pg_backend_pid() AS pid");
    let pid: i32 = txn
        .query_one_raw(backend)
        .await
        .expect("pid")
        .expect("row")
        .try_get("", "pid")
        .expect("pid");
    other
        .execute_unprepared(&format!("SELECT pg_terminate_backend({pid})"))
        .await
        .expect("terminated");
    let err = StorageError::from(
        txn.execute_unprepared("SELECT 1")
            .await
            .expect_err("the backend is gone"),
    );
    assert!(err.is_transient(), "{err:?}");
    let answer = aula_web::AppError::from(err);
    assert_eq!(answer.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.code(), "unavailable");
    // The pool recovers with a fresh connection.
    db.execute_unprepared("SELECT 1").await.expect("a new connection");
}

/// Issue 25: a request whose transaction the database dropped before its
/// commit (a terminated backend, as in a failover) is tried once more on a
/// fresh connection: the person gets their answer, not a 503, and nothing is
/// doubled. The backend here kills itself the first time a registration is
/// written, then the first time one is confirmed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(aula_postgres), ignore = "AULA_TEST_POSTGRES_URL is not set")]
async fn issue_25_a_transaction_cut_off_before_its_commit_is_tried_once_more() {
    let app = TestApp::postgres().await.expect("AULA_TEST_POSTGRES_URL is set");
    let api = app.api(&[Role::Organiser]).await;
    let (_, session_id) = course_and_session(&app, &api).await;
    // A sequence, not a table: its value survives the rollback of the transaction it ends.
    app.db
        .execute_unprepared(
            "CREATE SEQUENCE cut_off;
             CREATE FUNCTION cut_off_once() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
                 IF nextval('cut_off') IN (1, 3) THEN
                     PERFORM pg_terminate_backend(pg_backend_pid());
                 END IF;
                 RETURN NEW;
             END $$;
             CREATE TRIGGER cut_off_once AFTER INSERT ON registrations
                 FOR EACH ROW EXECUTE FUNCTION cut_off_once();",
        )
        .await
        .expect("fault trigger");
    let body = json!({
        "given_name": "Nadia",
        "family_name": "Benali",
        "email": "nadia@example.org",
        "employer": "Ayuntamiento de León",
        "audience": "public_servant",
        "language": "es",
        "consent": true,
    });
    let path = format!("/api/v1/sessions/{session_id}/registrations");
    let (status, answer) = app.anonymous_api().post(&path, &body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert_eq!(registered(&app.db).await.len(), 1, "one registration, written once");
    let fired = |db: aula_storage::Database| async move {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT last_value FROM cut_off",
            ))
            .await
            .expect("sequence")
            .expect("row");
        row.try_get::<i64>("", "last_value").expect("value")
    };
    assert_eq!(fired(app.db.clone()).await, 2, "cut off once, then written");

    // The confirmation: its first try is cut off too.
    app.db
        .execute_unprepared(
            "DROP TRIGGER cut_off_once ON registrations;
             SELECT setval('cut_off', 2);
             CREATE TRIGGER cut_off_once AFTER UPDATE ON registrations
                 FOR EACH ROW EXECUTE FUNCTION cut_off_once();",
        )
        .await
        .expect("fault trigger");
    let link = crate::signup::confirm_path(&app, "nadia@example.org").await;
    let html = app.browser().confirm_html(&link).await;
    assert!(html.contains("Your place is confirmed"), "{html}");
    assert!(fired(app.db.clone()).await >= 4, "cut off once, then confirmed");
    let confirmed = app
        .db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT count(*) AS n FROM registrations WHERE status = 'confirmed'",
        ))
        .await
        .expect("count")
        .expect("row")
        .try_get::<i64>("", "n")
        .expect("n");
    assert_eq!(confirmed, 1);
}
