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

/// Sets (or removes, with `None`) the logo of one of `org`'s programme's
/// funders (issue 20), the `position`th from 0 in its order: printed on the
/// certificates issued from then on and on the programme's reports. Audited.
pub async fn set_funder_logo(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    position: i32,
    logo: Option<&aula_domain::Logo>,
) -> Result<aula_storage::entities::programme_funder::Model> {
    one_change(app, async |txn| {
        let funder = programmes::set_funder_logo(txn, org, id, position, logo).await?;
        aula_storage::audit::record(
            txn,
            actor,
            if logo.is_some() {
                "funder_logo.set"
            } else {
                "funder_logo.removed"
            },
            "programme",
            Some(id),
            serde_json::json!({"funder": funder.name, "sha256": funder.logo_sha256}),
        )
        .await?;
        Ok(funder)
    })
    .await
}
