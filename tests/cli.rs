//! The `aula` command line against a SQLite file.

use std::process::Command;

use reqwest::StatusCode;

fn aula(database_url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_aula"))
        .args(args)
        .env("AULA_DATABASE_URL", database_url)
        .env("AULA_LOG", "warn")
        .output()
        .expect("aula runs")
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

    let out = aula(&url, &["token", "create", "--email", "org@example.org"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(token.starts_with("aula_"));
    let api = crate::helpers::Api {
        client: reqwest::Client::new(),
        base: app.base.clone(),
        token: Some(token),
    };
    let (status, body) = api
        .post(
            "/api/v1/programmes",
            &serde_json::json!({"title": "Desde la línea de órdenes"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    let out = aula(&url, &["token", "create", "--email", "nobody@example.org"]);
    assert!(!out.status.success());
}

#[tokio::test]
async fn migrate_and_demo() {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("demo.db").display());
    let out = aula(&url, &["migrate"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = aula(&url, &["demo"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("organiser@aula.example.org"));
    let out = aula(&url, &["demo"]);
    assert!(!out.status.success(), "the demo loads only into an empty database");
}
