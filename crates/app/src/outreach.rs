//! Outreach activities (awareness sessions, stands, materials handed out)
//! as organisers record them, with the walk-ins who came without
//! registering: each change with its audit entry, in one transaction.

use aula_domain::OrganisationId;
use aula_domain::outreach::{OutreachDetails, WalkIn};
use aula_storage::Actor;
use aula_storage::entities::outreach_walk_in as walk_in;
use aula_storage::outreach::{self, OutreachRecord};
use uuid::Uuid;

use crate::{App, Result};

/// Records an activity of `org` (`id` is `None`) or changes its activity `id`.
pub async fn save(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Option<Uuid>,
    details: &OutreachDetails,
) -> Result<OutreachRecord> {
    app.change(async |txn| match id {
        Some(id) => outreach::update(txn, actor, org, id, details).await,
        None => outreach::create(txn, actor, org, details).await,
    })
    .await
}

/// Deletes activity `id`, with its walk-ins; gives back what was deleted.
pub async fn delete(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<OutreachRecord> {
    app.change(async |txn| outreach::delete(txn, actor, org, id).await)
        .await
}

/// Writes down someone who came to activity `id` without registering.
pub async fn add_walk_in(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    person: &WalkIn,
) -> Result<walk_in::Model> {
    app.change(async |txn| outreach::add_walk_in(txn, actor, org, id, person).await)
        .await
}

/// Takes walk-in `walk_in_id` off activity `id`.
pub async fn remove_walk_in(app: &App, actor: &Actor, org: OrganisationId, id: Uuid, walk_in_id: Uuid) -> Result<()> {
    app.change(async |txn| outreach::remove_walk_in(txn, actor, org, id, walk_in_id).await)
        .await
}
