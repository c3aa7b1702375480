//! Co-facilitators who are not staff (issue 20): a session names them, and
//! each takes its roll call by a personal link whose secret is shown once
//! (the database keeps its hash, as for API tokens). Revoking one ends its
//! link; the marks it saved stay, audited under the facilitator's name.

use aula_domain::{OrganisationId, PersonName, Problem, SessionStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;
use uuid::Uuid;

use crate::db::Begin;
use crate::entities::session_facilitator as facilitator;
use crate::{Actor, Result, StorageError, audit, found, new_id, now, secrets, sessions};

/// The session's co-facilitators whose links still work, in the order named.
pub async fn list(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<Vec<facilitator::Model>> {
    Ok(facilitator::Entity::find()
        .filter(facilitator::Column::SessionId.eq(session_id))
        .filter(facilitator::Column::RevokedAt.is_null())
        .order_by_asc(facilitator::Column::CreatedAt)
        .all(conn)
        .await?)
}

/// Names a co-facilitator of one of `org`'s sessions; gives back the row
/// and the secret of their personal link, shown this once.
pub async fn add(
    db: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    session_id: Uuid,
    name: &PersonName,
) -> Result<(facilitator::Model, String)> {
    let txn = db.begin_write().await?;
    let record = sessions::get_in(&txn, org, session_id).await?;
    // A link named for a session that is over would be dead on arrival
    // (session 27's attack round); a draft's works once it opens.
    match record.status() {
        SessionStatus::Completed => return Err(StorageError::Conflict(Problem::new("error-facilitator-session-over"))),
        SessionStatus::Cancelled => {
            return Err(StorageError::Conflict(Problem::new(
                "error-facilitator-session-cancelled",
            )));
        }
        _ => {}
    }
    let secret = secrets::generate("fac_");
    let row = facilitator::ActiveModel {
        id: Set(new_id()),
        session_id: Set(session_id),
        name: Set(name.to_string()),
        token_hash: Set(secrets::hash(&secret)),
        created_at: Set(now()),
        revoked_at: Set(None),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        "facilitator_added",
        "session",
        Some(session_id),
        json!({"facilitator": row.id}),
    )
    .await?;
    txn.commit().await?;
    Ok((row, secret))
}

/// Ends a co-facilitator's link.
pub async fn revoke(db: &impl Begin, actor: &Actor, org: OrganisationId, session_id: Uuid, id: Uuid) -> Result<()> {
    let txn = db.begin_write().await?;
    sessions::get_in(&txn, org, session_id).await?;
    let row = found(
        &txn,
        facilitator::Entity::find_by_id(id)
            .filter(facilitator::Column::SessionId.eq(session_id))
            .filter(facilitator::Column::RevokedAt.is_null()),
    )
    .await?;
    let mut model: facilitator::ActiveModel = row.into();
    model.revoked_at = Set(Some(now()));
    model.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "facilitator_revoked",
        "session",
        Some(session_id),
        json!({"facilitator": id}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The co-facilitator whose link holds `secret`, while it works; anything
/// else (unknown, revoked) is not found.
pub async fn by_secret(conn: &impl ConnectionTrait, secret: &str) -> Result<facilitator::Model> {
    if !secret.starts_with("fac_") {
        return Err(StorageError::NotFound);
    }
    found(
        conn,
        facilitator::Entity::find()
            .filter(facilitator::Column::TokenHash.eq(secrets::hash(secret)))
            .filter(facilitator::Column::RevokedAt.is_null()),
    )
    .await
}
