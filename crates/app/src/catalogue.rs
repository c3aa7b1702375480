//! The catalogue's records as an organiser retires them (issue 20):
//! programmes and courses archived (hidden from the catalogue, the staff's
//! lists and the pickers, every figure kept), restored, or deleted while
//! nothing hangs from them.
//!
//! Archiving a programme archives its live courses with it, and restoring
//! it brings those back (not a course archived on its own before). Neither
//! is archived while people may still register for, or attend, one of its
//! sessions: that is refused with the count, so nobody is stranded; the
//! organiser completes or cancels those sessions first. A programme is
//! deleted only while it has no course, a course only while it has no
//! session: what was held stays, archived.

use aula_domain::OrganisationId;
use aula_storage::courses::{self, CourseRecord};
use aula_storage::entities::programme;
use aula_storage::{Actor, programmes};
use sea_orm::DatabaseTransaction;
use uuid::Uuid;

use crate::{App, Result};

/// Archives one of `org`'s programmes and its live courses.
pub async fn archive_programme(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<programme::Model> {
    one_change(app, async |txn| programmes::archive(txn, actor, org, id).await).await
}

/// Brings back an archived programme with the courses archived with it.
pub async fn restore_programme(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<programme::Model> {
    one_change(app, async |txn| programmes::restore(txn, actor, org, id).await).await
}

/// Deletes one of `org`'s programmes that has no course.
pub async fn delete_programme(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<()> {
    one_change(app, async |txn| programmes::delete(txn, actor, org, id).await).await
}

/// Archives one of `org`'s courses.
pub async fn archive_course(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<CourseRecord> {
    one_change(app, async |txn| courses::archive(txn, actor, org, id).await).await
}

/// Brings back an archived course whose programme is live.
pub async fn restore_course(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<CourseRecord> {
    one_change(app, async |txn| courses::restore(txn, actor, org, id).await).await
}

/// Deletes one of `org`'s courses that has no session.
pub async fn delete_course(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<()> {
    one_change(app, async |txn| courses::delete(txn, actor, org, id).await).await
}

/// Runs `change` in a write transaction of its own and commits it.
async fn one_change<T>(
    app: &App,
    change: impl AsyncFnOnce(&DatabaseTransaction) -> aula_storage::Result<T>,
) -> Result<T> {
    let txn = app.write().await?;
    let done = change(&txn).await?;
    txn.commit().await?;
    Ok(done)
}
