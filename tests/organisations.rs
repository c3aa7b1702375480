//! Several organisations on one instance (issue 17): the upgrade that makes
//! an existing database one organisation, and the isolation of each
//! organisation's staff from the others' records.

use aula_migrations::MigratorTrait;
use aula_storage::{Database, DbBackend};
use sea_orm::{ConnectionTrait, Statement, Value};
use uuid::Uuid;

use crate::helpers::{TestApp, db_test};

/// The migrations before issue 17's (the first sixteen, the retention periods and the survey ballots).
const BEFORE_ORGANISATIONS: u32 = 19;

fn statement(backend: DbBackend, sql: &str, values: Vec<Value>) -> Statement {
    // `$1` on PostgreSQL is `?1` on SQLite.
    let sql = match backend {
        DbBackend::Postgres => sql.to_owned(),
        _ => sql.replace('$', "?"),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

async fn exec(db: &Database, sql: &str, values: Vec<Value>) {
    db.execute_raw(statement(db.get_database_backend(), sql, values))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn count(db: &Database, sql: &str, values: Vec<Value>) -> i64 {
    let row = db
        .query_one_raw(statement(db.get_database_backend(), sql, values))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .expect("a row");
    row.try_get_by_index::<i64>(0).expect("a count")
}

/// What a database made by the previous release holds: one of each record
/// an organisation owns, and what hangs from them.
struct Old {
    /// The instance's signing key, as the previous release made it.
    issuer_key: [u8; 32],
    organiser: Uuid,
    trainer: Uuid,
    session: Uuid,
    people: [Uuid; 2],
}

async fn fill_old(db: &Database) -> Old {
    let at = chrono::Utc::now();
    let id = Uuid::now_v7;
    let (organiser, trainer, admin) = (id(), id(), id());
    for (user, email, role) in [
        (organiser, "marta@aula.example.org", "organiser"),
        (trainer, "lucia@aula.example.org", "trainer"),
        (admin, "admin@aula.example.org", "admin"),
    ] {
        exec(
            db,
            "INSERT INTO users (id, email, name, language, created_at) VALUES ($1, $2, $3, 'es', $4)",
            vec![user.into(), email.into(), email.into(), at.into()],
        )
        .await;
        exec(
            db,
            "INSERT INTO user_roles (user_id, role) VALUES ($1, $2)",
            vec![user.into(), role.into()],
        )
        .await;
    }
    let (programme, course, session, meeting) = (id(), id(), id(), id());
    exec(
        db,
        "INSERT INTO programmes (id, title, created_at, updated_at) VALUES ($1, 'Diversidad', $2, $2)",
        vec![programme.into(), at.into()],
    )
    .await;
    exec(
        db,
        "INSERT INTO courses (id, programme_id, title, summary, minutes, modality, language, search_text, \
         created_at, updated_at) VALUES ($1, $2, 'Igualdad', 'Casos', 600, 'online', 'es', 'igualdad casos', $3, $3)",
        vec![course.into(), programme.into(), at.into()],
    )
    .await;
    exec(
        db,
        "INSERT INTO sessions (id, course_id, status, time_zone, capacity, created_at, updated_at) \
         VALUES ($1, $2, 'open', 'Europe/Madrid', 20, $3, $3)",
        vec![session.into(), course.into(), at.into()],
    )
    .await;
    exec(
        db,
        "INSERT INTO session_trainers (session_id, user_id) VALUES ($1, $2)",
        vec![session.into(), trainer.into()],
    )
    .await;
    exec(
        db,
        "INSERT INTO meetings (id, session_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)",
        vec![
            meeting.into(),
            session.into(),
            at.into(),
            (at + chrono::Duration::hours(2)).into(),
        ],
    )
    .await;
    let people = [id(), id()];
    let registrations = [id(), id()];
    for (n, (person, registration)) in people.iter().zip(registrations).enumerate() {
        exec(
            db,
            "INSERT INTO people (id, given_name, family_name, email, language, created_at, updated_at) \
             VALUES ($1, 'Ana', 'Ruiz', $2, 'es', $3, $3)",
            vec![(*person).into(), format!("ana{n}@example.org").into(), at.into()],
        )
        .await;
        exec(
            db,
            "INSERT INTO registrations (id, session_id, person_id, status, source, manage_token_hash, \
             created_at, updated_at) VALUES ($1, $2, $3, 'confirmed', 'public', $4, $5, $5)",
            vec![
                registration.into(),
                session.into(),
                (*person).into(),
                format!("manage-{n}").into(),
                at.into(),
            ],
        )
        .await;
    }
    // Ana's certificate, in place 7 of the status list.
    let certificate = id();
    exec(
        db,
        "INSERT INTO certificates (id, registration_id, session_id, course_id, number, verification_code, \
         holder_name, holder_email, salt, language, course_title, course_summary, attended_minutes, \
         nominal_minutes, starts_on, ends_on, modality, issuer_name, issued_at, status_index, planned_minutes) \
         VALUES ($1, $2, $3, $4, 'AULA-2026-000001', 'K7QX-3MNP-9RTW', 'Ana Ruiz', 'ana0@example.org', 's', 'es', \
         'Igualdad', 'Casos', 120, 600, $5, $5, 'online', 'Formación Aula', $6, 7, 120)",
        vec![
            certificate.into(),
            registrations[0].into(),
            session.into(),
            course.into(),
            at.date_naive().into(),
            at.into(),
        ],
    )
    .await;
    // A row that refers to a person and is deleted with them: the upgrade
    // rebuilds `people` on SQLite and must not take it along.
    exec(
        db,
        "INSERT INTO erasure_requests (id, person_id, token_hash, certificates, created_at, expires_at) \
         VALUES ($1, $2, 'erase-hash', false, $3, $3)",
        vec![id().into(), people[0].into(), at.into()],
    )
    .await;
    exec(
        db,
        "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, 'sync', 'tok-hash', $3)",
        vec![id().into(), organiser.into(), at.into()],
    )
    .await;
    exec(
        db,
        "INSERT INTO survey_templates (id, family_id, version, name, content, created_at) \
         VALUES ($1, $1, 1, 'Satisfacción', '{}', $2)",
        vec![id().into(), at.into()],
    )
    .await;
    exec(
        db,
        "INSERT INTO outbox (id, kind, recipient, language, data, session_id, status, next_attempt_at, message_id, \
         created_at) VALUES ($1, 'broadcast', 'ana0@example.org', 'es', '{}', $2, 'sent', $3, '<m1@x>', $3)",
        vec![id().into(), session.into(), at.into()],
    )
    .await;
    exec(
        db,
        "INSERT INTO audit_log (id, at, actor, action, entity, details) VALUES ($1, $2, 'demo', 'create', \
         'session', '{}')",
        vec![id().into(), at.into()],
    )
    .await;
    Old {
        issuer_key: aula_storage::keys::issuer_key(db).await.expect("the issuer key"),
        organiser,
        trainer,
        session,
        people,
    }
}

/// The tables whose rows the upgrade must all keep.
const KEPT: &[&str] = &[
    "users",
    "user_roles",
    "programmes",
    "courses",
    "sessions",
    "session_trainers",
    "meetings",
    "people",
    "registrations",
    "erasure_requests",
    "api_tokens",
    "survey_templates",
    "outbox",
    "audit_log",
    "certificates",
];

/// The tables each of whose rows now belongs to one organisation.
const OWNED: &[&str] = &[
    "programmes",
    "courses",
    "sessions",
    "people",
    "survey_templates",
    "api_tokens",
    "outbox",
    "audit_log",
];

async fn upgrade_keeps_everything(db: Database) -> Old {
    aula_migrations::Migrator::up(&db, Some(BEFORE_ORGANISATIONS))
        .await
        .expect("the previous release's schema");
    let old = fill_old(&db).await;
    let mut before = Vec::new();
    for table in KEPT {
        before.push(count(&db, &format!("SELECT COUNT(*) FROM {table}"), vec![]).await);
    }

    aula_storage::db::migrate(&db).await.expect("the upgrade applies");

    let organisations = aula_storage::organisations::list(&db).await.expect("organisations");
    assert_eq!(organisations.len(), 1, "one organisation");
    let first = &organisations[0];
    assert_eq!(first.slug, "aula", "the default slug");
    assert_eq!(first.status, aula_domain::OrganisationStatus::Active);
    for (table, before) in KEPT.iter().zip(before) {
        let after = count(&db, &format!("SELECT COUNT(*) FROM {table}"), vec![]).await;
        assert_eq!(after, before, "every row of {table} is kept");
    }
    for table in OWNED {
        let owned = count(
            &db,
            &format!("SELECT COUNT(*) FROM {table} WHERE organisation_id = $1"),
            vec![first.id.into()],
        )
        .await;
        let all = count(&db, &format!("SELECT COUNT(*) FROM {table}"), vec![]).await;
        assert!(all > 0, "{table} has rows");
        assert_eq!(owned, all, "every row of {table} is the organisation's");
    }

    // A certificate issued before keeps the day it was printed with, the
    // UTC day of its issue (migration 000037).
    let certificate = <aula_storage::entities::certificate::Entity as sea_orm::EntityTrait>::find()
        .one(&db)
        .await
        .expect("query")
        .expect("certificate");
    assert_eq!(certificate.issued_on, certificate.issued_at.date_naive());

    // Staff work in it with the roles they had; the storage reads it.
    let org = aula_storage::organisations::id(first);
    let memberships = aula_storage::organisations::memberships(&db, old.organiser)
        .await
        .expect("memberships");
    assert_eq!(memberships.len(), 1);
    assert_eq!(memberships[0].roles, vec![aula_domain::Role::Organiser]);
    let trainer = aula_storage::users::get(&db, old.trainer).await.expect("trainer");
    let trainer = aula_storage::users::in_organisation(&db, trainer, None, false)
        .await
        .expect("in organisation");
    assert_eq!(trainer.organisation, Some(org));
    assert_eq!(trainer.roles, vec![aula_domain::Role::Trainer]);
    let record = aula_storage::sessions::get_in(&db, org, old.session)
        .await
        .expect("session");
    assert_eq!(record.trainers.len(), 1);
    let ana = aula_domain::Email::parse("ana0@example.org").expect("email");
    let found = aula_storage::people::find_by_email(&db, org, &ana)
        .await
        .expect("query")
        .expect("ana");
    assert_eq!(found.id, old.people[0]);
    let registrations = count(
        &db,
        "SELECT COUNT(*) FROM registrations r JOIN people p ON p.id = r.person_id WHERE p.organisation_id = $1",
        vec![first.id.into()],
    )
    .await;
    assert_eq!(registrations, 2, "registrations still reach their people");

    // The same address at a second organisation is a second person.
    let other = crate::helpers::new_organisation(&db, "sfax", "Ville de Sfax").await;
    let details = aula_domain::RegistrantDetails {
        given_name: aula_domain::PersonName::parse("Ana").expect("name"),
        family_name: aula_domain::PersonName::parse("Ruiz").expect("name"),
        email: Some(ana.clone()),
        phone: None,
        employer: None,
        job_title: None,
        audience: aula_domain::Audience::PUBLIC_SERVANT,
        region_id: None,
        language: aula_domain::Language::Fr,
        identifier: None,
    };
    let second = aula_storage::people::named(&db, aula_storage::organisations::id(&other), &details, Some("v1"))
        .await
        .expect("named");
    assert!(
        matches!(second, aula_storage::people::Named::New(_)),
        "a new person at Sfax"
    );
    let again = aula_storage::people::named(&db, org, &details, Some("v1"))
        .await
        .expect("named");
    assert!(
        matches!(again, aula_storage::people::Named::Known(p) if p.id == old.people[0]),
        "the first organisation's Ana, unchanged"
    );
    old
}

/// After the upgrade, what the previous release handed out still answers:
/// the session's page, the certificate's verification, and a credential
/// signed then with the instance's key verifies against the instance's
/// did.json, whose key is the same; its status list still answers.
async fn old_links_still_answer(app: TestApp, old: Old) {
    use aula_documents::credential::{Issuer, IssuerKey};
    use reqwest::StatusCode;
    let browser = app.browser();
    assert_eq!(
        browser.get(&format!("/sessions/{}", old.session)).await.status(),
        StatusCode::OK
    );
    let page = browser.get_html("/verify/K7QX-3MNP-9RTW?lang=en").await;
    assert!(page.contains("verdict-valid") && page.contains("Ana Ruiz"), "{page}");
    let key = IssuerKey::from_bytes(old.issuer_key);
    let instance = Issuer {
        base_url: app.base.clone(),
        name: "Formación Aula".into(),
    };
    let jwt = aula_documents::credential::sign_jwt(&key, &instance, &serde_json::json!({"id": "urn:uuid:old"}));
    let did = app.anonymous_api().get_ok("/.well-known/did.json").await;
    assert_eq!(did["id"], instance.did());
    let x = did["verificationMethod"][0]["publicKeyJwk"]["x"].as_str().expect("x");
    let x: [u8; 32] = base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, x)
        .expect("base64url")
        .try_into()
        .expect("32 bytes");
    let public = ed25519_dalek::VerifyingKey::from_bytes(&x).expect("a key");
    aula_documents::credential::verify_jwt(&public, &jwt).expect("the old credential verifies");
    app.anonymous_api().get_ok("/credentials/status/0").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue_17_upgrade_makes_one_organisation_keeping_every_row_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("aula.db").display());
    let db = aula_storage::connect(&url, None).await.expect("sqlite opens");
    let old = upgrade_keeps_everything(db.clone()).await;
    old_links_still_answer(TestApp::start(db, url, Some(dir), None, false).await, old).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(aula_postgres), ignore = "AULA_TEST_POSTGRES_URL is not set")]
async fn issue_17_upgrade_makes_one_organisation_keeping_every_row_postgres() {
    let url = std::env::var("AULA_TEST_POSTGRES_URL").expect("AULA_TEST_POSTGRES_URL was set when built");
    let schema = format!("t_{}", Uuid::new_v4().simple());
    let admin = aula_storage::connect(&url, None).await.expect("postgres opens");
    admin
        .execute_unprepared(&format!("CREATE SCHEMA \"{schema}\""))
        .await
        .expect("schema created");
    let db = aula_storage::connect(&url, Some(&schema))
        .await
        .expect("postgres opens in schema");
    drop(admin);
    let old = upgrade_keeps_everything(db.clone()).await;
    // The app drops the schema when it goes.
    let app = TestApp::start(db, url.clone(), None, Some((url, schema)), false).await;
    old_links_still_answer(app, old).await;
}

// ----- isolation ------------------------------------------------------------

/// Organisation B's records, made by B's organiser, and the callers.
pub(crate) struct Two {
    /// B's organiser: what B's staff get.
    pub(crate) b: crate::helpers::Api,
    b_browser: crate::helpers::Browser,
    /// A's organiser (the organisation the migrations made).
    a: crate::helpers::Api,
    a_browser: crate::helpers::Browser,
    /// What each kind of `{id}` names, B's.
    pub(crate) ids: Vec<(&'static str, String)>,
}

/// A new organisation `slug` with an organiser `organiser@{slug}.example.org`:
/// its id, the organiser's API token's row, and the organiser's API.
pub(crate) async fn organisation_with_organiser(
    app: &TestApp,
    slug: &str,
    name: &str,
) -> (
    aula_domain::OrganisationId,
    aula_storage::entities::api_token::Model,
    crate::helpers::Api,
) {
    let org = aula_storage::organisations::id(&crate::helpers::new_organisation(&app.db, slug, name).await);
    let user = app
        .user_in(
            org,
            &format!("organiser@{slug}.example.org"),
            &[aula_domain::Role::Organiser],
            None,
        )
        .await;
    let (row, token) =
        aula_storage::tokens::create(&app.db, &aula_storage::Actor::system("test"), org, user.user.id, slug)
            .await
            .expect("token");
    let api = app.api_with(Some(token));
    (org, row, api)
}

/// A second organisation with an organiser, a programme, a course, an open
/// session with meetings and a registration, a questionnaire, a person, a
/// message and an API token; and an organiser of the first.
pub(crate) async fn two_organisations(app: &TestApp) -> Two {
    use aula_domain::Role;
    let (b_org, b_token_row, b) = organisation_with_organiser(app, "ville-b", "Ville B").await;
    let b_browser = app.browser();
    b_browser
        .sign_in("organiser@ville-b.example.org", crate::helpers::PASSWORD)
        .await;
    let programme = b
        .created(
            "/api/v1/programmes",
            &serde_json::json!({"title": "Programme B", "funders": [{"name": "Métropole B"}]}),
        )
        .await;
    let (course, session) = crate::helpers::course_and_session(app, &b).await;
    let (_, detail) = b.get(&format!("/api/v1/sessions/{session}")).await;
    let meeting = detail["meetings"][0]["id"].as_str().expect("meeting").to_owned();
    let person = aula_storage::people::upsert(
        &app.db,
        &aula_storage::Actor::system("test"),
        b_org,
        &aula_domain::RegistrantDetails {
            given_name: aula_domain::PersonName::parse("Amel").expect("name"),
            family_name: aula_domain::PersonName::parse("Ben Salah").expect("name"),
            email: Some(aula_domain::Email::parse("amel@example.org").expect("email")),
            phone: None,
            employer: None,
            job_title: None,
            audience: aula_domain::Audience::PUBLIC_SERVANT,
            region_id: None,
            language: aula_domain::Language::Fr,
            identifier: None,
        },
        None,
    )
    .await
    .expect("person");
    let registration = crate::helpers::place(app, &session, person.id).await;
    let template = aula_storage::surveys::ensure_default(&app.db, b_org)
        .await
        .expect("template");
    let message = aula_storage::outbox::enqueue(
        &app.db,
        &aula_storage::outbox::NewMessage {
            organisation_id: b_org.uuid(),
            kind: aula_domain::MailKind::Broadcast,
            recipient: aula_domain::Email::parse("amel@example.org").expect("email"),
            recipient_name: None,
            language: aula_domain::Language::Fr,
            data: serde_json::json!({}),
            session_id: Some(session.parse().expect("uuid")),
            reply_to: None,
            due_at: None,
            dedupe_key: None,
        },
        &app.mail.domain,
    )
    .await
    .expect("message")
    .expect("queued");
    let signatory = b
        .created(
            "/api/v1/signatories",
            &serde_json::json!({"name": "Sami Ben Youssef", "title": "Secrétaire général"}),
        )
        .await["id"]
        .as_str()
        .expect("id")
        .to_owned();
    // An information meeting of B's programme with a walk-in (issue 20).
    let outreach = b
        .created(
            "/api/v1/outreach",
            &serde_json::json!({"programme_id": programme["id"], "kind": "information_meeting",
                "title": "Réunion d'information", "held_on": "2026-01-20", "attendees": 9}),
        )
        .await;
    let outreach = outreach["id"].as_str().expect("id").to_owned();
    let walk_in = b
        .created(
            &format!("/api/v1/outreach/{outreach}/walk-ins"),
            &serde_json::json!({"name": "Hela Trabelsi"}),
        )
        .await;
    // A co-facilitator of B's session (issue 20).
    let facilitator = b
        .created(
            &format!("/api/v1/sessions/{session}/facilitators"),
            &serde_json::json!({"name": "Amel Jaziri"}),
        )
        .await;
    let a = app.api(&[Role::Organiser, Role::Trainer]).await;
    let a_browser = app.signed_in(&[Role::Organiser, Role::Trainer]).await;
    Two {
        b,
        b_browser,
        a,
        a_browser,
        ids: vec![
            ("programmes", programme["id"].as_str().expect("id").to_owned()),
            ("courses", course),
            ("sessions", session),
            ("meetings", meeting),
            ("registrations", registration.id.to_string()),
            ("people", person.id.to_string()),
            ("survey-templates", template.id.to_string()),
            ("outbox", message.id.to_string()),
            ("tokens", b_token_row.id.to_string()),
            ("imports", uuid::Uuid::nil().to_string()),
            ("certificates", uuid::Uuid::nil().to_string()),
            ("signatories", signatory),
            ("outreach", outreach),
            ("walk-ins", walk_in["id"].as_str().expect("id").to_owned()),
            ("facilitators", facilitator["id"].as_str().expect("id").to_owned()),
        ],
    }
}

/// How an API operation of the OpenAPI document treats organisations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Staff work on one record of their organisation: another's is 404.
    Owned,
    /// A list of the caller's organisation's records: none of B's.
    List,
    /// Public: anyone reads or does it (catalogue, registering, a survey's
    /// or a registration's token, a verification code), the same for every
    /// organisation.
    Public,
    /// The instance's shared records (users, regions, accrediting bodies)
    /// or the caller's own (their tokens).
    Shared,
}

/// Every operation of the OpenAPI document, classified. A new operation
/// fails the matrix until it is added here.
pub(crate) fn kind(method: &str, path: &str) -> Option<Kind> {
    use Kind::*;
    Some(match (method, path) {
        ("get", "/api/v1/courses" | "/api/v1/sessions" | "/api/v1/courses/{id}" | "/api/v1/sessions/{id}")
        | ("post", "/api/v1/sessions/{id}/registrations" | "/api/v1/surveys/{token}")
        | ("get", "/api/v1/verify/{code}")
        // The person's own correction, with their link's token (issue 20).
        | ("put", "/api/v1/registrations/{id}/identifier") => Public,
        (
            "get" | "post",
            "/api/v1/users" | "/api/v1/regions" | "/api/v1/accreditation-bodies" | "/api/v1/audiences",
        )
        | ("patch" | "delete", "/api/v1/audiences/{code}")
        | ("patch", "/api/v1/accreditation-bodies/{id}")
        | ("get" | "patch", "/api/v1/users/{id}")
        | ("get", "/api/v1/tokens")
        | ("get" | "post", "/api/v1/organisations")
        | ("get" | "post", "/api/v1/organisations/{id}/members")
        | ("get" | "patch", "/api/v1/organisations/{id}")
        | ("delete", "/api/v1/organisations/{id}/members/{user_id}/{role}")
        | ("put" | "delete", "/api/v1/organisations/{id}/logo")
        | ("put" | "delete", "/api/v1/accreditation-bodies/{id}/logo")
        | ("get" | "put", "/api/v1/organisations/{id}/network")
        | ("get" | "put", "/api/v1/retention-periods")
        | ("get", "/api/v1/privacy/records") => Shared,
        ("get", "/api/v1/programmes" | "/api/v1/outbox" | "/api/v1/certificates" | "/api/v1/survey-templates")
        | (
            "get",
            "/api/v1/indicators" | "/api/v1/indicators.csv" | "/api/v1/indicators.xlsx" | "/api/v1/certificates/export",
        ) => List,
        ("post", "/api/v1/programmes" | "/api/v1/courses" | "/api/v1/sessions" | "/api/v1/survey-templates") => List,
        // Outreach beside training (issue 20): the caller's organisation's.
        ("get" | "post", "/api/v1/outreach") => List,
        // The issuer's identity (issue 19): the caller's organisation's own.
        ("get" | "put", "/api/v1/issuer") | ("get" | "post", "/api/v1/signatories") => List,
        (_, p) if p.contains("{id}") => Owned,
        _ => return None,
    })
}

/// The id an `{id}` of `path` names: the record of the path's resource
/// (`/api/v1/sessions/{id}/...` is a session's).
pub(crate) fn id_for<'a>(path: &str, ids: &'a [(&'static str, String)]) -> &'a str {
    let resource = path
        .trim_start_matches("/api/v1/")
        .split('/')
        .next()
        .unwrap_or_default();
    ids.iter()
        .find(|(k, _)| *k == resource)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no id for {path}"))
}

db_test!(
    issue_17_staff_of_one_organisation_get_404_on_every_operation_of_another,
    |app: TestApp| async move {
        use reqwest::{Method, StatusCode};
        let two = two_organisations(&app).await;
        let (status, doc) = app.anonymous_api().get("/api/openapi.json").await;
        assert_eq!(status, StatusCode::OK);
        let b_ids: Vec<&str> = two
            .ids
            .iter()
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.starts_with("00000000"))
            .collect();
        let mut checked = 0;
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for method in item.as_object().expect("operations").keys() {
                let kind = kind(method, path).unwrap_or_else(|| panic!("classify {method} {path} in the matrix"));
                let method_upper = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
                match kind {
                    Kind::Owned => {
                        let id = id_for(path, &two.ids);
                        let filled = path
                            .replace("{id}", id)
                            .replace("{walk_in_id}", id_for("/api/v1/walk-ins", &two.ids))
                            .replace("{facilitator_id}", id_for("/api/v1/facilitators", &two.ids))
                            .replace("{position}", "1");
                        let (a_status, a_body) = two
                            .a
                            .raw(method_upper.clone(), &filled, "application/json", b"{}".to_vec())
                            .await;
                        // A on B's record answers as A on no record at all:
                        // 404, or the body's refusal (422) where the body is
                        // judged before the record is looked for.
                        let missing = path
                            .replace("{id}", &Uuid::now_v7().to_string())
                            .replace("{walk_in_id}", id_for("/api/v1/walk-ins", &two.ids))
                            .replace("{facilitator_id}", id_for("/api/v1/facilitators", &two.ids))
                            .replace("{position}", "1");
                        let (m_status, _) = two
                            .a
                            .raw(method_upper.clone(), &missing, "application/json", b"{}".to_vec())
                            .await;
                        if !id.starts_with("00000000") {
                            assert_eq!(a_status, m_status, "A on B's {method} {filled} as on nothing: {a_body}");
                        }
                        assert!(
                            [
                                StatusCode::NOT_FOUND,
                                StatusCode::UNPROCESSABLE_ENTITY,
                                StatusCode::UNSUPPORTED_MEDIA_TYPE
                            ]
                            .contains(&a_status),
                            "A on B's {method} {filled}: {a_status} {a_body}"
                        );
                        if method == "get" {
                            assert_eq!(a_status, StatusCode::NOT_FOUND, "A reads B's {filled}");
                        }
                        // Revoking B's own token would leave B without one.
                        // Nor would removing B's signatory leave it one for the next operations.
                        let removes_signatory = method == "delete" && path == "/api/v1/signatories/{id}";
                        // Nor would deleting B's programme (it has no course, issue 20).
                        let removes_programme = method == "delete" && path == "/api/v1/programmes/{id}";
                        // Nor deleting B's outreach activity or its walk-in (issue 20).
                        let removes_outreach = method == "delete" && path.starts_with("/api/v1/outreach/");
                        if !id.starts_with("00000000")
                            && !path.starts_with("/api/v1/tokens/")
                            && !removes_signatory
                            && !removes_programme
                            && !removes_outreach
                        {
                            let (b_status, b_body) = two
                                .b
                                .raw(method_upper, &filled, "application/json", b"{}".to_vec())
                                .await;
                            assert!(
                                ![StatusCode::NOT_FOUND, StatusCode::FORBIDDEN, StatusCode::UNAUTHORIZED]
                                    .contains(&b_status),
                                "B on its own {method} {filled}: {b_status} {b_body}"
                            );
                        }
                        checked += 1;
                    }
                    Kind::List if method == "get" => {
                        let response = two.a.get_response(path).await;
                        let body = response.text().await.unwrap_or_default();
                        for id in &b_ids {
                            assert!(!body.contains(id), "A's {path} names B's {id}");
                        }
                        checked += 1;
                    }
                    _ => {}
                }
            }
        }
        assert!(checked > 20, "{checked} operations checked");

        // The staff pages of the role matrix, with B's ids.
        for (page, _) in crate::auth::PAGES {
            if !page.contains('{') || page.contains("{user}") {
                continue;
            }
            let resource = page.trim_start_matches("/staff/").split('/').next().unwrap_or_default();
            let key = match resource {
                "survey-templates" => "{survey_template}",
                "programmes" => "{programme}",
                "courses" => "{course}",
                "sessions" => "{session}",
                "meetings" => "{meeting}",
                other => panic!("no id for {other}"),
            };
            let id = two
                .ids
                .iter()
                .find(|(k, _)| *k == resource)
                .map(|(_, v)| v.clone())
                .expect("id");
            let filled = page.replace(key, &id);
            let a_status = two.a_browser.get(&filled).await.status();
            assert_eq!(a_status, StatusCode::NOT_FOUND, "A on B's page {filled}");
            let b_status = two.b_browser.get(&filled).await.status();
            assert_eq!(b_status, StatusCode::OK, "B on its own page {filled}");
        }
        // Lists and searches of pages name nothing of B's.
        for page in [
            "/staff/programmes",
            "/staff/courses",
            "/staff/sessions",
            "/staff/outbox",
            "/staff/certificates",
            "/staff/survey-templates",
            "/staff/indicators",
        ] {
            let html = two.a_browser.get(page).await.text().await.unwrap_or_default();
            for id in &b_ids {
                assert!(!html.contains(id), "A's {page} names B's {id}");
            }
            assert!(!html.contains("Programme B"), "A's {page} names B's programme");
        }
    }
);

db_test!(
    issue_17_staff_of_two_organisations_switch_between_them,
    |app: TestApp| async move {
        use aula_domain::Role;
        use reqwest::StatusCode;
        let two = two_organisations(&app).await;
        let session = two
            .ids
            .iter()
            .find(|(k, _)| *k == "sessions")
            .expect("session")
            .1
            .clone();
        let a_org = app.org().await;
        let b_org = aula_storage::organisations::by_slug(&app.db, "ville-b")
            .await
            .expect("query")
            .expect("B");
        // Organiser in A, trainer... and organiser in B.
        let both = app.user_in(a_org, "both@example.org", &[Role::Organiser], None).await;
        aula_storage::organisations::add_member(
            &app.db,
            aula_storage::organisations::id(&b_org),
            both.user.id,
            Role::Organiser,
        )
        .await
        .expect("member of B");
        let browser = app.browser();
        browser.sign_in("both@example.org", crate::helpers::PASSWORD).await;
        let page = browser.get_text("/staff/sessions").await;
        assert!(page.contains("action=\"/staff/organisation\""), "the switcher shows");
        // The first organisation by name is current: B's session is not found.
        let current = browser.get(&format!("/staff/sessions/{session}")).await.status();
        let switched = browser
            .post_form(
                "/staff/sessions",
                "/staff/organisation",
                &[("organisation", b_org.id.to_string().as_str())],
            )
            .await;
        assert_eq!(switched.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            browser.get(&format!("/staff/sessions/{session}")).await.status(),
            StatusCode::OK,
            "B's session, once working in B"
        );
        assert!(current == StatusCode::OK || current == StatusCode::NOT_FOUND);
        // An organisation they are not a member of is not found.
        let stranger = aula_storage::organisations::create(
            &app.db,
            &aula_storage::Actor::system("test"),
            &aula_storage::organisations::NewOrganisation {
                slug: aula_domain::OrganisationSlug::parse("ville-c").expect("slug"),
                name: "Ville C".into(),
                time_zone: "UTC".into(),
                contact_email: None,
            },
        )
        .await
        .expect("C");
        let refused = browser
            .post_form(
                "/staff/sessions",
                "/staff/organisation",
                &[("organisation", stranger.id.to_string().as_str())],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::NOT_FOUND);
        let _ = two.b;
    }
);

db_test!(
    issue_17_each_organisation_has_its_public_catalogue,
    |app: TestApp| async move {
        use reqwest::StatusCode;
        // One organisation: `/` is its catalogue, as before.
        let home = app.browser().get("/").await.text().await.expect("html");
        assert!(!home.contains("organisations-heading"));
        let two = two_organisations(&app).await;
        let session = two
            .ids
            .iter()
            .find(|(k, _)| *k == "sessions")
            .expect("session")
            .1
            .clone();
        // Two: `/` lists their catalogues; B's lists B's session, A's does not.
        let home = app.browser().get("/").await.text().await.expect("html");
        assert!(home.contains("/o/ville-b/"), "B's catalogue is listed");
        let b_page = app.browser().get("/o/ville-b/").await;
        crate::helpers::answers(b_page, StatusCode::OK, &session).await;
        let a_page = app.browser().get("/o/aula/").await.text().await.expect("html");
        assert!(!a_page.contains(&session));
        assert_eq!(app.browser().get("/o/nobody/").await.status(), StatusCode::NOT_FOUND);
        // The session's own page keeps its global address.
        assert_eq!(
            app.browser().get(&format!("/sessions/{session}")).await.status(),
            StatusCode::OK
        );
    }
);

db_test!(
    issue_17_an_accreditor_sees_the_certificates_of_two_organisations_and_nothing_else,
    |app: TestApp| async move {
        use crate::certificates::{completed_session, issue};
        use aula_domain::Role;
        use reqwest::StatusCode;
        let a = app.api(&[Role::Organiser]).await;
        let (_, _, b) = organisation_with_organiser(&app, "ville-b", "Ville B").await;
        let first = |issued: serde_json::Value| issued["certificates"][0]["id"].as_str().expect("id").to_owned();
        let (a_session, _) = completed_session(&app, &a, true, false, &[3], "a").await;
        let (b_session, _) = completed_session(&app, &b, true, false, &[3], "b").await;
        let (own, _) = completed_session(&app, &b, false, false, &[3], "n").await;
        let a_certificate = first(issue(&a, &a_session).await);
        let b_certificate = first(issue(&b, &b_session).await);
        let unaccredited = first(issue(&b, &own).await);

        // One accreditor of the shared body (Universidad de León).
        let accreditor = app.api(&[Role::Accreditor]).await;
        let list = accreditor.get_ok("/api/v1/certificates").await;
        let mut ids: Vec<&str> = crate::helpers::texts(&list["items"], "id");
        ids.sort_unstable();
        let mut expected = vec![a_certificate.as_str(), b_certificate.as_str()];
        expected.sort_unstable();
        assert_eq!(ids, expected, "both organisations' accredited certificates");
        for id in [&a_certificate, &b_certificate] {
            accreditor
                .get_ok(&format!("/api/v1/certificates/{id}/credential"))
                .await;
        }
        let (status, _) = accreditor
            .get(&format!("/api/v1/certificates/{unaccredited}/credential"))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "not the body's");
        // Nothing else of either organisation: its sessions' registrations,
        // people, messages.
        for path in [
            format!("/api/v1/sessions/{a_session}/registrations"),
            format!("/api/v1/sessions/{b_session}/registrations"),
            "/api/v1/people".to_owned(),
            "/api/v1/outbox".to_owned(),
        ] {
            let (status, body) = accreditor.get(&path).await;
            assert!(
                matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
                "{path}: {status} {body}"
            );
        }
        // The browser portal lists both as well.
        let portal = app.signed_in(&[Role::Accreditor]).await;
        let page = portal.get_html("/staff/certificates?lang=en").await;
        assert!(
            page.contains("Curso a") && page.contains("Curso b") && !page.contains("Curso n"),
            "{page}"
        );
    }
);

// Found in the review of issue 20 (sessions by invitation and drafts take
// organisers' entries): an organiser of one organisation cannot register
// people in another's session, by the API or the page; nothing is written.
db_test!(
    issue_17_an_organiser_cannot_register_people_in_another_organisations_session,
    |app: TestApp| async move {
        use reqwest::StatusCode;
        let a = app.api(&[aula_domain::Role::Organiser]).await;
        let (_, a_session) = crate::helpers::course_and_session(&app, &a).await;
        let (_, _, b) = organisation_with_organiser(&app, "ville-b", "Ville B").await;
        let (status, body) = b
            .post(
                &format!("/api/v1/sessions/{a_session}/registrations"),
                &crate::helpers::registrant("Mallory", "mallory@example.org"),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
        let b_browser = app.browser();
        b_browser
            .sign_in("organiser@ville-b.example.org", crate::helpers::PASSWORD)
            .await;
        let response = b_browser
            .post_form(
                "/staff/sessions",
                &format!("/staff/sessions/{a_session}/registrations/add"),
                &[
                    ("given_name", "Mallory"),
                    ("family_name", "X"),
                    ("email", "mallory@example.org"),
                    ("audience", "other"),
                    ("language", "en"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let (_, list) = a.get(&format!("/api/v1/sessions/{a_session}/registrations")).await;
        assert_eq!(list["total"], 0, "{list}");
    }
);

// Found by a black-box run: one person's token made for one organisation
// listed, and revoked, the same person's tokens of another, and the revoke
// was audited in the wrong organisation's trail.
db_test!(
    issue_17_a_token_neither_lists_nor_revokes_its_owners_tokens_of_another_organisation,
    |app: TestApp| async move {
        use reqwest::StatusCode;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let (_, a_row, a_api) = organisation_with_organiser(&app, "ville-a", "Ville A").await;
        let b_org =
            aula_storage::organisations::id(&crate::helpers::new_organisation(&app.db, "ville-b", "Ville B").await);
        aula_storage::organisations::add_member(&app.db, b_org, a_row.user_id, aula_domain::Role::Organiser)
            .await
            .expect("member of B too");
        let (b_row, b_token) =
            aula_storage::tokens::create(&app.db, &aula_storage::Actor::system("test"), b_org, a_row.user_id, "b")
                .await
                .expect("token in B");
        let b_api = app.api_with(Some(b_token));
        let ids = |list: &serde_json::Value| -> Vec<String> {
            list.as_array()
                .expect("tokens")
                .iter()
                .map(|t| t["id"].as_str().expect("id").to_owned())
                .collect()
        };
        let list = a_api.get_ok("/api/v1/tokens").await;
        assert_eq!(ids(&list), [a_row.id.to_string()], "A's token lists A's tokens only");
        let delete = |id: uuid::Uuid| format!("/api/v1/tokens/{id}");
        let (status, body) = a_api.delete(&delete(b_row.id)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
        let (status, list) = b_api.get("/api/v1/tokens").await;
        assert_eq!(status, StatusCode::OK, "B's token still works: {list}");
        assert_eq!(ids(&list), [b_row.id.to_string()]);
        let (status, body) = b_api.delete(&delete(b_row.id)).await;
        assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
        let revoked = aula_storage::entities::audit_entry::Entity::find()
            .filter(aula_storage::entities::audit_entry::Column::Entity.eq("api_token"))
            .filter(aula_storage::entities::audit_entry::Column::Action.eq("revoke"))
            .all(&app.db)
            .await
            .expect("audit");
        assert_eq!(revoked.len(), 1);
        assert_eq!(revoked[0].organisation_id, Some(b_org.uuid()), "in the owner's trail");
    }
);

// Found by a black-box run of the staff forms: an organiser working in one
// organisation changed another's session capacity and opened its survey by
// putting its session's id in the forms' addresses.
db_test!(
    issue_17_staff_forms_change_nothing_of_another_organisations_session,
    |app: TestApp| async move {
        use reqwest::StatusCode;
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        let two = two_organisations(&app).await;
        let session = id_for("/api/v1/sessions", &two.ids).to_owned();
        let session_id: Uuid = session.parse().expect("uuid");
        let before = aula_storage::entities::session::Entity::find_by_id(session_id)
            .one(&app.db)
            .await
            .expect("read")
            .expect("session");
        let capacity = (before.capacity + 5).to_string();
        let response = two
            .a_browser
            .post_form(
                "/staff/sessions",
                &format!("/staff/sessions/{session}/capacity"),
                &[("capacity", capacity.as_str())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "A sets B's capacity");
        let template = id_for("/api/v1/survey-templates", &two.ids).to_owned();
        let response = two
            .a_browser
            .post_form(
                "/staff/sessions",
                &format!("/staff/sessions/{session}/survey/open"),
                &[
                    ("template_id", template.as_str()),
                    ("invitees", "participants"),
                    ("reminder_days", "7"),
                    ("open_days", "30"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "A opens B's survey");
        let after = aula_storage::entities::session::Entity::find_by_id(session_id)
            .one(&app.db)
            .await
            .expect("read")
            .expect("session");
        assert_eq!(after.capacity, before.capacity, "B's capacity unchanged");
        let surveys = aula_storage::entities::survey::Entity::find()
            .filter(aula_storage::entities::survey::Column::SessionId.eq(session_id))
            .count(&app.db)
            .await
            .expect("count");
        assert_eq!(surveys, 0, "no survey opened for B's session");
        // B's own organiser still may.
        let response = two
            .b_browser
            .post_form(
                "/staff/sessions",
                &format!("/staff/sessions/{session}/capacity"),
                &[("capacity", capacity.as_str())],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "B sets its own capacity");
        // A's session form offers A's trainers only: B's are not A's to see
        // (nor to choose, which saving refuses).
        let b_org = aula_storage::organisations::by_slug(&app.db, "ville-b")
            .await
            .expect("read")
            .expect("B");
        let b_org = aula_storage::organisations::id(&b_org);
        app.user_in(
            b_org,
            "trainer@ville-b.example.org",
            &[aula_domain::Role::Trainer],
            None,
        )
        .await;
        app.user("trainer@ville-a.example.org", &[aula_domain::Role::Trainer])
            .await;
        let form = two.a_browser.get_text("/staff/sessions/new").await;
        assert!(form.contains("User trainer@ville-a.example.org"), "A's trainer offered");
        assert!(!form.contains("trainer@ville-b.example.org"), "B's trainer not offered");
    }
);

// Found by attacking the organisations (session 23): the cancellation's
// "who would be told" step read B's session, draft or not, for A's
// organiser, with its title, meetings and the number of people registered.
db_test!(
    issue_17_the_cancellation_step_of_another_organisations_session_is_not_found,
    |app: TestApp| async move {
        use reqwest::StatusCode;
        let two = two_organisations(&app).await;
        let session = id_for("/api/v1/sessions/{id}", &two.ids).to_owned();
        let action = format!("/staff/sessions/{session}/status");
        let response = two
            .a_browser
            .post_form("/staff/sessions", &action, &[("status", "cancelled")])
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let page = response.text().await.expect("page");
        assert!(!page.contains("Igualdad de trato en la atención al público"), "{page}");
        // B's own organiser gets the step.
        let response = two
            .b_browser
            .post_form("/staff/sessions", &action, &[("status", "cancelled")])
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
);

db_test!(
    session_26_an_administrator_edits_someone_who_works_in_another_organisation,
    |app: TestApp| async move {
        use aula_domain::Role;
        use reqwest::StatusCode;
        use serde_json::json;
        // A trainer of Montpellier only: the administrator, working in the
        // first organisation, sees no role of theirs here, and any change
        // (a deactivation, a name) was refused as "choose at least one".
        let admin = app.api(&[Role::Admin]).await;
        let montpellier = crate::helpers::new_organisation(&app.db, "montpellier", "Ville de Montpellier").await;
        let trainer = app
            .user_in(
                aula_storage::organisations::id(&montpellier),
                "lucie@montpellier.example.org",
                &[Role::Trainer],
                None,
            )
            .await;
        let path = format!("/api/v1/users/{}", trainer.user.id);
        let renamed = admin.patch_ok(&path, &json!({"name": "Lucie Martin"})).await;
        assert_eq!(renamed["name"], "Lucie Martin", "{renamed}");
        let deactivated = admin.patch_ok(&path, &json!({"active": false})).await;
        assert_eq!(deactivated["active"], false, "{deactivated}");
        // Still a trainer there, and nothing given here.
        let memberships = aula_storage::organisations::memberships(&app.db, trainer.user.id)
            .await
            .expect("memberships");
        assert_eq!(memberships.len(), 1);
        assert_eq!(memberships[0].roles, vec![Role::Trainer]);
        // An account with no role anywhere is still refused.
        let (status, body) = admin
            .post(
                "/api/v1/users",
                &json!({"email": "nobody@example.org", "name": "Nadie", "roles": []}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body["fields"]["roles"].is_array(), "{body}");
    }
);

db_test!(
    session_26_a_new_session_starts_in_its_organisations_zone,
    |app: TestApp| async move {
        use aula_domain::Role;
        use serde_json::json;
        // Sfax works in Africa/Tunis: its sessions start there, by the API
        // and on the form (they started as Madrid's, an hour off).
        let sfax = crate::helpers::new_organisation(&app.db, "sfax", "Ville de Sfax").await;
        let sfax_id = aula_storage::organisations::id(&sfax);
        let amel = app
            .user_in(sfax_id, "amel@sfax.example.org", &[Role::Organiser], None)
            .await;
        let token = aula_storage::tokens::create(
            &app.db,
            &aula_storage::Actor::system("test"),
            sfax_id,
            amel.user.id,
            "test",
        )
        .await
        .expect("token")
        .1;
        let api = app.api_with(Some(token));
        let course = api.course("Accueil des nouveaux arrivants", 3, "online").await;
        let session = api
            .created(
                "/api/v1/sessions",
                &json!({"course_id": course["id"], "capacity": 10, "online_url": "https://meet.example.org/s",
                    "meetings": [{"starts_at": "2030-03-12T08:00:00Z", "ends_at": "2030-03-12T11:00:00Z"}]}),
            )
            .await;
        assert_eq!(session["time_zone"], "Africa/Tunis", "{session}");
        let browser = app.browser();
        browser.sign_in("amel@sfax.example.org", crate::helpers::PASSWORD).await;
        let form = browser.get_html("/staff/sessions/new").await;
        assert!(form.contains("<option value=\"Africa/Tunis\" selected"), "{form}");
        // The first organisation has no zone of its own (UTC): Madrid's, as before.
        let first = app.api(&[Role::Organiser]).await;
        let course = first.course("Igualdad de trato", 3, "online").await;
        let session = first
            .created(
                "/api/v1/sessions",
                &json!({"course_id": course["id"], "capacity": 10, "online_url": "https://meet.example.org/s",
                    "meetings": [{"starts_at": "2030-03-12T08:00:00Z", "ends_at": "2030-03-12T11:00:00Z"}]}),
            )
            .await;
        assert_eq!(session["time_zone"], "Europe/Madrid", "{session}");
    }
);
