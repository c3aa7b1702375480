//! Files an organiser uploaded to register people, kept between the upload
//! and the organiser's choice on the report (`import_drafts`).
//!
//! A draft belongs to one user and one session: another organiser's link to
//! it finds nothing. It lives a day at most; drafts older than that are
//! swept whenever a new one is saved, so an abandoned import leaves no trace
//! for long.

use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::import_draft;
use crate::{Result, found, new_id, now};

/// How long an uploaded file waits for the organiser's choice.
pub const LIFETIME: Duration = Duration::days(1);

pub type Draft = import_draft::Model;

/// Keeps an uploaded file (already read as UTF-8) for `user_id` and
/// `session_id`, and forgets drafts older than [`LIFETIME`].
pub async fn save(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    user_id: Uuid,
    file_name: &str,
    content: &str,
) -> Result<Draft> {
    sweep(conn, now()).await?;
    let draft = import_draft::ActiveModel {
        id: Set(new_id()),
        session_id: Set(session_id),
        user_id: Set(user_id),
        file_name: Set(file_name.chars().take(200).collect()),
        content: Set(content.to_owned()),
        created_at: Set(now()),
    }
    .insert(conn)
    .await?;
    Ok(draft)
}

/// A draft of `user_id`'s that has not expired; `NotFound` otherwise.
pub async fn get(conn: &impl ConnectionTrait, id: Uuid, user_id: Uuid) -> Result<Draft> {
    found(
        conn,
        import_draft::Entity::find_by_id(id)
            .filter(import_draft::Column::UserId.eq(user_id))
            .filter(import_draft::Column::CreatedAt.gt(now() - LIFETIME)),
    )
    .await
}

/// Forgets a draft of `user_id`'s; whether there was one.
pub async fn delete(conn: &impl ConnectionTrait, id: Uuid, user_id: Uuid) -> Result<bool> {
    let deleted = import_draft::Entity::delete_many()
        .filter(import_draft::Column::Id.eq(id))
        .filter(import_draft::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    Ok(deleted.rows_affected > 0)
}

/// Forgets drafts older than [`LIFETIME`] at `at` (the expiry job's clock).
pub async fn sweep(conn: &impl ConnectionTrait, at: chrono::DateTime<chrono::Utc>) -> Result<u64> {
    Ok(import_draft::Entity::delete_many()
        .filter(import_draft::Column::CreatedAt.lt(at - LIFETIME))
        .exec(conn)
        .await?
        .rows_affected)
}
