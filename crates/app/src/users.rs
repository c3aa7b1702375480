//! Staff accounts as an organisation's organisers (or an administrator)
//! keep them: added with their roles in the organisation, changed, or
//! deactivated, each with its audit entry in one transaction.

use aula_domain::OrganisationId;
use aula_domain::details::UserDetails;
use aula_storage::Actor;
use aula_storage::users::{self, UserRecord};
use uuid::Uuid;

use crate::{App, Result};

/// Adds a staff account with its roles in `org`.
pub async fn add(app: &App, actor: &Actor, org: OrganisationId, details: &UserDetails) -> Result<UserRecord> {
    app.change(async |txn| users::create(txn, actor, org, details).await)
        .await
}

/// Changes account `id`'s details and roles in `org`; `active: false`
/// deactivates it.
pub async fn change(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    details: &UserDetails,
    active: bool,
) -> Result<UserRecord> {
    app.change(async |txn| users::update(txn, actor, org, id, details, active).await)
        .await
}
