//! Regions: where venues are and where participants come from.

use aula_domain::{FieldErrors, Problem};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QueryOrder, Set};
use serde_json::json;
use uuid::Uuid;

use crate::db::Begin;
use crate::entities::region;
use crate::{Actor, Result, StorageError, audit, found, new_id};

/// Every region, by name. A country has a few dozen at most.
pub async fn list(conn: &impl ConnectionTrait) -> Result<Vec<region::Model>> {
    Ok(region::Entity::find()
        .order_by_asc(region::Column::Name)
        .all(conn)
        .await?)
}

pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<region::Model> {
    found(conn, region::Entity::find_by_id(id)).await
}

/// Adds a region; a code already in use is the `code` field's problem, a
/// name already in use the `name` field's: every list of regions (the
/// venue's, a person's, the indicators' filter) shows names only, so two
/// of one name could not be told apart (session 29's attack round).
pub async fn create(conn: &impl Begin, actor: &Actor, code: &str, name: &str) -> Result<region::Model> {
    let txn = conn.begin_write().await?;
    let same = |a: &str| a.trim().to_lowercase() == name.trim().to_lowercase();
    if list(&txn).await?.iter().any(|r| same(&r.name)) {
        let problem = Problem::new("error-region-name-taken");
        return Err(StorageError::Invalid(FieldErrors::single("name", problem)));
    }
    let row = region::ActiveModel {
        id: Set(new_id()),
        code: Set(code.to_owned()),
        name: Set(name.to_owned()),
    }
    .insert(&txn)
    .await
    .map_err(|e| StorageError::taken(e, "code", "error-region-code-taken"))?;
    audit::record(
        &txn,
        actor,
        "create",
        "region",
        Some(row.id),
        json!({"code": code, "name": name}),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}
