//! API tokens: shown once when created, stored only as a hash, revocable.

use aula_domain::OrganisationId;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QueryTrait, Set};
use serde_json::json;
use uuid::Uuid;

use crate::entities::api_token;
use crate::users::{self, UserRecord};
use crate::{Actor, Result, audit, found, new_id, now, secrets};

/// Tokens start with this, so a leaked one is recognisable (secret scanners).
pub const PREFIX: &str = "aula_";

/// Creates a token for `user_id`, in the caller's transaction; the plain
/// token is returned here and never again. The token works in `org` only
/// (issue 17).
pub async fn create(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    user_id: Uuid,
    name: &str,
) -> Result<(api_token::Model, String)> {
    let plain = secrets::generate(PREFIX);
    let row = api_token::ActiveModel {
        id: Set(new_id()),
        organisation_id: Set(org.uuid()),
        user_id: Set(user_id),
        name: Set(name.to_owned()),
        token_hash: Set(secrets::hash(&plain)),
        created_at: Set(now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        actor,
        "create",
        "api_token",
        Some(row.id),
        json!({"user_id": user_id, "name": name}),
    )
    .await?;
    Ok((row, plain))
}

/// The active user a bearer token belongs to, if the token is live, in
/// the token's organisation (with their roles there).
pub async fn authenticate(conn: &impl ConnectionTrait, plain: &str) -> Result<Option<UserRecord>> {
    if !plain.starts_with(PREFIX) {
        return Ok(None);
    }
    let Some(token) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(secrets::hash(plain)))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let user = users::get(conn, token.user_id).await?;
    let user = users::in_organisation(conn, user, Some(token.organisation_id), true).await?;
    if !user.user.active {
        return Ok(None);
    }
    // Record use at most once a minute, so busy integrations do not write on every call.
    let stale = token
        .last_used_at
        .is_none_or(|t| now() - t > chrono::Duration::minutes(1));
    if stale {
        let mut model: api_token::ActiveModel = token.into();
        model.last_used_at = Set(Some(now()));
        model.update(conn).await?;
    }
    Ok(Some(user))
}

pub async fn list_for_user(
    conn: &impl ConnectionTrait,
    user_id: Uuid,
    org: Option<OrganisationId>,
) -> Result<Vec<api_token::Model>> {
    Ok(api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(user_id))
        .apply_if(org, |q, org| q.filter(api_token::Column::OrganisationId.eq(org.uuid())))
        .order_by_desc(api_token::Column::CreatedAt)
        .all(conn)
        .await?)
}

/// Revokes one of `user_id`'s tokens (of `org`, when given), in the
/// caller's transaction; someone else's token, or one of another
/// organisation, is "not found".
pub async fn revoke(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    user_id: Uuid,
    org: Option<OrganisationId>,
    token_id: Uuid,
) -> Result<()> {
    let token = found(
        conn,
        api_token::Entity::find_by_id(token_id)
            .filter(api_token::Column::UserId.eq(user_id))
            .apply_if(org, |q, org| q.filter(api_token::Column::OrganisationId.eq(org.uuid()))),
    )
    .await?;
    if token.revoked_at.is_none() {
        let mut model: api_token::ActiveModel = token.into();
        model.revoked_at = Set(Some(now()));
        model.update(conn).await?;
        audit::record(conn, actor, "revoke", "api_token", Some(token_id), json!({})).await?;
    }
    Ok(())
}

/// Revokes every live token of `user_id`, in the caller's transaction: a
/// deactivated account's integrations stop for good, and reactivating it
/// does not bring them back (session 23: they worked again). How many.
pub(crate) async fn revoke_all(conn: &impl ConnectionTrait, user_id: Uuid) -> Result<u64> {
    let revoked = api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, sea_orm::sea_query::Expr::value(now()))
        .filter(api_token::Column::UserId.eq(user_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(revoked.rows_affected)
}
