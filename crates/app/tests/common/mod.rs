//! What the use-case tests share: a scratch SQLite database, migrated, and
//! an `App` over it.
// Each test file is a crate of its own and uses some of these.
#![allow(dead_code)]

use std::sync::Arc;

use aula_app::App;

pub struct Scratch {
    pub app: App,
    pub wake: Arc<tokio::sync::Notify>,
    _dir: tempfile::TempDir,
}

pub async fn scratch() -> Scratch {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("app.db").display());
    let db = aula_storage::connect(&url, None).await.expect("db");
    aula_storage::db::migrate(&db).await.expect("migrate");
    let key = aula_storage::keys::link_key(&db).await.expect("key");
    let mail = aula_mail::MailConfig::new("Aula <a@example.org>".parse().expect("from"), "http://aula.test", key);
    let wake = Arc::new(tokio::sync::Notify::new());
    Scratch {
        app: App::new(db, Arc::new(mail), wake.clone()),
        wake,
        _dir: dir,
    }
}

/// The organisation the migrations made.
pub async fn org(app: &App) -> aula_domain::OrganisationId {
    aula_storage::organisations::id(&aula_storage::organisations::first(&app.db).await.expect("organisation"))
}

/// A three-hour online course in Spanish for public servants.
pub fn course(title: &str, programme_id: Option<uuid::Uuid>) -> aula_domain::details::CourseDetails {
    use aula_domain::{Audience, Hours, Language, Modality, Text};
    aula_domain::details::CourseDetails::new(aula_domain::details::CourseDetails {
        programme_id,
        title: Text::parse(title).expect("title"),
        summary: Text::parse("Casos prácticos.").expect("summary"),
        objectives: None,
        hours: Hours::parse("3").expect("hours"),
        modality: Modality::Online,
        audiences: vec![Audience::PUBLIC_SERVANT],
        language: Language::Es,
        minimum_attendance: aula_domain::Percent::DEFAULT_MINIMUM_ATTENDANCE,
        accreditation: None,
        commissioner: None,
    })
    .expect("course")
}
