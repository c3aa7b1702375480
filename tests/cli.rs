//! The `aula` command line against a SQLite file.

use std::process::Command;

fn aula(database_url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_aula"))
        .args(args)
        .env("AULA_DATABASE_URL", database_url)
        .env("AULA_LOG", "warn")
        .output()
        .expect("aula runs")
}

/// `aula token create` for `email`, with `more` arguments after.
fn token_create(database_url: &str, email: &str, more: &[&str]) -> std::process::Output {
    let mut args = vec!["token", "create", "--email", email];
    args.extend_from_slice(more);
    aula(database_url, &args)
}

/// A new SQLite file's URL, and its directory, to keep while it is used:
/// a database the command line makes from nothing.
fn new_sqlite_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("demo.db").display());
    (dir, url)
}

#[tokio::test]
async fn user_add_and_token_create_give_api_access() {
    let app = crate::helpers::TestApp::sqlite().await;
    let url = app.database_url.clone();
    let out = aula(
        &url,
        &[
            "user",
            "add",
            "--email",
            "Org@Example.org",
            "--name",
            "Organiser",
            "--role",
            "organiser,trainer",
            "--password",
            "a long password",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = aula(
        &url,
        &[
            "user",
            "add",
            "--email",
            "org@example.org",
            "--name",
            "Again",
            "--role",
            "organiser",
        ],
    );
    assert!(!out.status.success(), "the same e-mail twice is refused");
    let out = aula(
        &url,
        &[
            "user",
            "add",
            "--email",
            "x@example.org",
            "--name",
            "X",
            "--role",
            "pope",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("role"));

    let out = token_create(&url, "org@example.org", &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(token.starts_with("aula_"));
    let api = app.api_with(Some(token));
    api.created(
        "/api/v1/programmes",
        &serde_json::json!({"title": "Desde la línea de órdenes"}),
    )
    .await;

    let out = token_create(&url, "nobody@example.org", &[]);
    assert!(!out.status.success());
}

#[tokio::test]
async fn migrate_and_demo() {
    let (_dir, url) = new_sqlite_file();
    let out = aula(&url, &["migrate"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = aula(&url, &["demo"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("organiser@aula.example.org"));
    let out = aula(&url, &["demo"]);
    assert!(!out.status.success(), "the demo loads only into an empty database");

    // The union programme's past activity gives the figures its report published.
    let db = aula_storage::connect(&url, None).await.expect("sqlite opens");
    let figure = async |sql: &str| -> i64 {
        use sea_orm::ConnectionTrait;
        let sql = format!(
            "WITH r AS (SELECT r.*, c.modality FROM registrations r JOIN sessions s ON s.id = r.session_id \
             JOIN courses c ON c.id = s.course_id JOIN programmes p ON p.id = c.programme_id \
             WHERE p.title LIKE 'Diversidad%') {sql}"
        );
        let row = db
            .query_one_raw(sea_orm::Statement::from_string(sea_orm::DbBackend::Sqlite, sql.clone()))
            .await
            .expect("query")
            .expect("a row");
        row.try_get_by_index::<i64>(0).expect(&sql)
    };
    let registered = figure("SELECT COUNT(DISTINCT person_id) FROM r WHERE placed_at IS NOT NULL").await;
    let beneficiaries = figure("SELECT COUNT(DISTINCT person_id) FROM r WHERE completed").await;
    let workplaces = figure(
        "SELECT COUNT(DISTINCT lower(trim(p.employer))) FROM r JOIN people p ON p.id = r.person_id \
         WHERE r.attended_meetings > 0",
    )
    .await;
    let regions = figure(
        "SELECT COUNT(DISTINCT p.region_id) FROM r JOIN people p ON p.id = r.person_id \
         WHERE r.attended_meetings > 0 AND r.modality = 'in_person'",
    )
    .await;
    let satisfaction = |what: &str| {
        format!(
            "SELECT {what} FROM survey_responses sr JOIN surveys v ON v.id = sr.survey_id \
             WHERE v.session_id IN (SELECT session_id FROM r)"
        )
    };
    let answers = figure(&satisfaction("COUNT(sr.overall)")).await;
    let total = figure(&satisfaction("SUM(sr.overall)")).await;
    assert_eq!((registered, beneficiaries, workplaces, regions), (1002, 620, 105, 4));
    assert!(
        answers > 0 && total * 10 == answers * 46,
        "{total} / {answers} is not 4.6"
    );
    // The counters the indicators add up agree with the rows they sum.
    let seats = figure(
        "SELECT COUNT(*) FROM sessions s WHERE s.seats_taken > s.capacity OR s.seats_taken <> \
         (SELECT COUNT(*) FROM registrations x WHERE x.session_id = s.id AND x.status = 'confirmed')",
    )
    .await;
    let sums = figure(
        "SELECT COUNT(*) FROM registrations x WHERE x.attended_meetings <> (SELECT COUNT(*) FROM attendance a \
         WHERE a.registration_id = x.id AND a.status IN ('present', 'late')) \
         OR x.completed <> COALESCE((SELECT c.completed FROM completions c WHERE c.registration_id = x.id), FALSE)",
    )
    .await;
    assert_eq!((seats, sums), (0, 0));
}

/// `aula indicators check` (issue 22) finds the demo's facts equal to the
/// tables, and a fact changed behind the triggers' back.
#[tokio::test]
async fn issue_22_indicators_check_compares_facts_with_the_tables() {
    let (_dir, url) = new_sqlite_file();
    let out = aula(&url, &["demo"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = aula(&url, &["indicators", "check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(", 0 differ."), "{stdout}");

    let db = aula_storage::connect(&url, None).await.expect("sqlite opens");
    {
        use sea_orm::ConnectionTrait;
        db.execute_unprepared(
            "UPDATE registration_facts SET completed = NOT completed \
             WHERE registration_id = (SELECT MIN(registration_id) FROM registration_facts WHERE completed)",
        )
        .await
        .expect("tampered");
    }
    let out = aula(&url, &["indicators", "check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(
        stdout.contains("Differs:") && !stdout.contains(", 0 differ."),
        "{stdout}"
    );
}

#[tokio::test]
async fn demo_scale_is_checked_and_multiplies_the_activity() {
    let (_dir, url) = new_sqlite_file();
    for bad in ["0", "2001", "many"] {
        let out = aula(&url, &["demo", "--scale", bad]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("--scale"), "{bad}");
    }
    let out = aula(&url, &["demo", "--scale", "2"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let db = aula_storage::connect(&url, None).await.expect("sqlite opens");
    use sea_orm::{EntityTrait, PaginatorTrait};
    let block = aula_demo::activity::Plan::build().expect("plan").summary(false);
    let people = aula_storage::entities::person::Entity::find()
        .count(&db)
        .await
        .expect("count");
    let sessions = aula_storage::entities::session::Entity::find()
        .count(&db)
        .await
        .expect("count");
    let open = aula_demo::content::COURSES.len() as u64;
    assert_eq!((people, sessions), (2 * block.people, 2 * block.sessions + open));
}

/// Issue 16's attack round on the command line: passwords in messages, a
/// refused `serve` that had already written its database, tokens that could
/// never work, and settings taken whatever they said.
#[tokio::test]
async fn issue_16_the_command_line_refuses_what_it_cannot_do_and_hides_passwords() {
    let text = |out: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let app = crate::helpers::TestApp::sqlite().await;
    let url = app.database_url.clone();

    // Passwords never shown: a malformed SMTP or database URL, or `--help`.
    let out = Command::new(env!("CARGO_BIN_EXE_aula"))
        .args(["worker"])
        .env("AULA_DATABASE_URL", &url)
        .env("AULA_LOG", "warn")
        .env("AULA_SMTP_URL", "smtp://user:S3CRETPW@mail.example.org:99999")
        .output()
        .expect("aula runs");
    assert!(!out.status.success());
    assert!(
        text(&out).contains("user:***@") && !text(&out).contains("S3CRETPW"),
        "{}",
        text(&out)
    );
    let out = aula("postgres://u:s3cr3t@[::1", &["migrate"]);
    assert!(!out.status.success());
    assert!(!text(&out).contains("s3cr3t"), "{}", text(&out));
    let out = aula("postgres://u:DBSECRET@h/db", &["user", "add", "--help"]);
    assert!(!text(&out).contains("DBSECRET"), "{}", text(&out));

    // Settings that say nothing Aula knows are refused, not guessed.
    for args in [
        &["worker", "--env", "prod"][..],
        &["worker", "--mail-batch", "0"],
        &["worker", "--smtp-timeout", "0"],
        &["--log", "nonsense=((", "migrate"],
    ] {
        let out = aula(&url, args);
        assert!(!out.status.success(), "{args:?}: {}", text(&out));
    }
    let out = aula(&url, &["worker", "--base-url", "not a url"]);
    assert!(text(&out).contains("AULA_BASE_URL is not"), "{}", text(&out));
    let out = aula(
        &url,
        &[
            "user",
            "add",
            "--email",
            "acc@example.org",
            "--name",
            "Acc",
            "--role",
            "accreditor",
        ],
    );
    assert!(!out.status.success());
    assert!(!text(&out).contains("error-"), "words, not keys: {}", text(&out));
    let out = aula(&url, &["worker", "--env", "PRODUCTION"]);
    assert!(
        text(&out).contains("needs an SMTP server"),
        "the guard, in any case: {}",
        text(&out)
    );

    // A server that cannot listen writes nothing.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let port = taken.local_addr().expect("address").to_string();
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("never.db");
    let out = aula(
        &format!("sqlite://{}?mode=rwc", file.display()),
        &["serve", "--demo", "--bind", &port],
    );
    assert!(!out.status.success());
    assert!(text(&out).contains("cannot listen"), "{}", text(&out));
    assert!(!file.exists(), "no database made");

    // The demo goes only into an empty database: one with staff is not.
    let staffed = format!("sqlite://{}?mode=rwc", dir.path().join("staffed.db").display());
    let out = aula(
        &staffed,
        &[
            "user",
            "add",
            "--email",
            "ops@example.org",
            "--name",
            "Ops",
            "--role",
            "admin",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = aula(&staffed, &["demo"]);
    assert!(!out.status.success(), "{}", text(&out));

    // Tokens: for a deactivated user, in an organisation the user is not
    // in, or with a name the web's form would refuse: refused.
    let add = |email: &str| {
        aula(
            &url,
            &[
                "user",
                "add",
                "--email",
                email,
                "--name",
                "Org",
                "--role",
                "organiser",
                "--password",
                "a long password",
            ],
        )
    };
    assert!(add("org@example.org").status.success());
    let out = token_create(&url, "org@example.org", &["--name", "bad\u{1b}[2Jname"]);
    assert!(!out.status.success(), "{}", text(&out));
    crate::helpers::new_organisation(&app.db, "ville-b", "Ville B").await;
    let out = token_create(&url, "org@example.org", &["--organisation", "ville-b"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("not a member"), "{}", text(&out));
    {
        use sea_orm::{ActiveModelTrait, Set};
        let user =
            aula_storage::users::find_by_email(&app.db, &aula_domain::Email::parse("org@example.org").expect("email"))
                .await
                .expect("query")
                .expect("user");
        aula_storage::entities::user::ActiveModel {
            id: Set(user.user.id),
            active: Set(false),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .expect("deactivated");
    }
    let out = token_create(&url, "org@example.org", &[]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("deactivated"), "{}", text(&out));
}
