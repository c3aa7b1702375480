//! API tokens: a staff member makes their own (shown once) and revokes them.

use aula_domain::OrganisationId;
use aula_storage::entities::api_token;
use aula_storage::{Actor, tokens};
use uuid::Uuid;

use crate::{App, Result};

/// Makes a token for `user_id` that works in `org`: its row, and the plain
/// token, which nothing keeps.
pub async fn create(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    user_id: Uuid,
    name: &str,
) -> Result<(api_token::Model, String)> {
    let txn = app.write().await?;
    let made = tokens::create(&*txn, actor, org, user_id, name).await?;
    txn.commit().await?;
    Ok(made)
}

/// Revokes one of `user_id`'s tokens of `org` (any of theirs for an
/// account working in no organisation); someone else's, or one another
/// organisation owns, is not found.
pub async fn revoke(
    app: &App,
    actor: &Actor,
    user_id: Uuid,
    org: Option<OrganisationId>,
    token_id: Uuid,
) -> Result<()> {
    let txn = app.write().await?;
    tokens::revoke(&*txn, actor, user_id, org, token_id).await?;
    txn.commit().await?;
    Ok(())
}
