//! Catalogue edits as use cases without HTTP: each is one transaction of
//! the use case's own, with its audit entry, or nothing at all.

use aula_app::{Error, catalogue};
use aula_storage::Actor;
use aula_storage::entities::{audit_entry, course};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

mod common;
use common::{course, org, scratch};

async fn audited(app: &aula_app::App, action: &str) -> u64 {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Entity.eq("course"))
        .filter(audit_entry::Column::Action.eq(action))
        .count(&app.db)
        .await
        .expect("audit")
}

#[tokio::test]
async fn a_course_is_saved_with_its_audit_entry_or_not_at_all() {
    let scratch = scratch().await;
    let app = &scratch.app;
    let org = org(app).await;
    let actor = Actor::system("test").within(org);

    // A programme nobody has: the field's problem, and nothing written.
    let refused = catalogue::save_course(app, &actor, org, None, &course("Mediación", Some(Uuid::new_v4()))).await;
    match refused {
        Err(Error::Invalid(errors)) => assert!(!errors.get("programme_id").is_empty(), "{errors:?}"),
        other => panic!("want the programme refused, got {other:?}"),
    }
    assert_eq!(course::Entity::find().count(&app.db).await.expect("count"), 0);
    assert_eq!(audited(app, "create").await, 0);

    let added = catalogue::save_course(app, &actor, org, None, &course("Mediación", None))
        .await
        .expect("added");
    assert_eq!(audited(app, "create").await, 1);
    let changed = catalogue::save_course(
        app,
        &actor,
        org,
        Some(added.course.id),
        &course("Mediación intercultural", None),
    )
    .await
    .expect("changed");
    assert_eq!(changed.course.id, added.course.id);
    assert_eq!(changed.course.title, "Mediación intercultural");
    assert_eq!(audited(app, "update").await, 1);

    // Another organisation's course is not found, and stays as it was.
    let other = aula_domain::OrganisationId::from_row(Uuid::new_v4());
    let elsewhere = catalogue::save_course(app, &actor, other, Some(added.course.id), &course("X", None)).await;
    assert!(matches!(elsewhere, Err(Error::NotFound)), "{elsewhere:?}");
    let kept = course::Entity::find_by_id(added.course.id)
        .one(&app.db)
        .await
        .expect("read")
        .expect("course");
    assert_eq!(kept.title, "Mediación intercultural");
    assert_eq!(audited(app, "update").await, 1);
}
