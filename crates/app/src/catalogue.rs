//! The catalogue as organisers and administrators keep it: programmes,
//! courses and their texts in other languages, the audiences, regions and
//! accrediting bodies every form offers, each added or changed with its
//! audit entry in one transaction of its own (storage checks the references
//! and the rules).
//!
//! And the records as an organiser retires them (issue 20):
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

use aula_domain::catalogue::CourseTexts;
use aula_domain::details::{AccreditationBodyDetails, CourseDetails, ProgrammeDetails};
use aula_domain::{Audience, AudienceNames, OrganisationId};
use aula_storage::courses::{self, CourseRecord};
use aula_storage::entities::{accreditation_body, audience, programme, region};
use aula_storage::{Actor, audiences, bodies, programmes, regions};
use uuid::Uuid;

use crate::{App, Result};

/// Adds a programme to `org` (`id` is `None`) or changes its programme `id`.
pub async fn save_programme(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Option<Uuid>,
    details: &ProgrammeDetails,
) -> Result<programme::Model> {
    app.change(async |txn| match id {
        Some(id) => programmes::update(txn, actor, org, id, details).await,
        None => programmes::create(txn, actor, org, details).await,
    })
    .await
}

/// Adds a course to `org`'s catalogue (`id` is `None`) or changes its course `id`.
pub async fn save_course(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Option<Uuid>,
    details: &CourseDetails,
) -> Result<CourseRecord> {
    app.change(async |txn| match id {
        Some(id) => courses::update(txn, actor, org, id, details).await,
        None => courses::create(txn, actor, org, details).await,
    })
    .await
}

/// Replaces course `id`'s texts in other languages than its own (issue 23).
pub async fn set_course_texts(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    texts: &CourseTexts,
) -> Result<CourseRecord> {
    app.change(async |txn| courses::set_texts(txn, actor, org, id, texts).await)
        .await
}

/// Adds an audience (the instance's: every organisation's forms offer it).
pub async fn add_audience(app: &App, actor: &Actor, code: &Audience, names: &AudienceNames) -> Result<audience::Model> {
    app.change(async |txn| audiences::create(txn, actor, code, names).await)
        .await
}

/// Renames an audience, or retires it (off the forms, its figures kept) or
/// brings it back.
pub async fn change_audience(
    app: &App,
    actor: &Actor,
    code: &Audience,
    names: Option<&AudienceNames>,
    retired: Option<bool>,
) -> Result<audience::Model> {
    app.change(async |txn| audiences::update(txn, actor, code, names, retired).await)
        .await
}

/// Deletes an audience nobody was ever counted in.
pub async fn delete_audience(app: &App, actor: &Actor, code: &Audience) -> Result<()> {
    app.change(async |txn| audiences::delete(txn, actor, code).await).await
}

/// Adds a region (the instance's).
pub async fn add_region(app: &App, actor: &Actor, code: &str, name: &str) -> Result<region::Model> {
    app.change(async |txn| regions::create(txn, actor, code, name).await)
        .await
}

/// Adds an accrediting body (`id` is `None`) or changes body `id`.
pub async fn save_body(
    app: &App,
    actor: &Actor,
    id: Option<Uuid>,
    details: &AccreditationBodyDetails,
) -> Result<accreditation_body::Model> {
    app.change(async |txn| match id {
        Some(id) => bodies::update(txn, actor, id, details).await,
        None => bodies::create(txn, actor, details).await,
    })
    .await
}

/// Archives one of `org`'s programmes and its live courses.
pub async fn archive_programme(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<programme::Model> {
    app.change(async |txn| programmes::archive(txn, actor, org, id).await)
        .await
}

/// Brings back an archived programme with the courses archived with it.
pub async fn restore_programme(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<programme::Model> {
    app.change(async |txn| programmes::restore(txn, actor, org, id).await)
        .await
}

/// Deletes one of `org`'s programmes that has no course.
pub async fn delete_programme(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<()> {
    app.change(async |txn| programmes::delete(txn, actor, org, id).await)
        .await
}

/// Archives one of `org`'s courses.
pub async fn archive_course(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<CourseRecord> {
    app.change(async |txn| courses::archive(txn, actor, org, id).await)
        .await
}

/// Brings back an archived course whose programme is live.
pub async fn restore_course(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<CourseRecord> {
    app.change(async |txn| courses::restore(txn, actor, org, id).await)
        .await
}

/// Deletes one of `org`'s courses that has no session.
pub async fn delete_course(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<()> {
    app.change(async |txn| courses::delete(txn, actor, org, id).await).await
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
    app.change(async |txn| {
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
