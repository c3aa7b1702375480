//! Regions: where venues are and where participants come from.

use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QueryOrder, Set};
use uuid::Uuid;

use crate::entities::region;
use crate::{Result, StorageError, new_id};

/// Every region, by name. A country has a few dozen at most.
pub async fn list(conn: &impl ConnectionTrait) -> Result<Vec<region::Model>> {
    Ok(region::Entity::find().order_by_asc(region::Column::Name).all(conn).await?)
}

pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<region::Model> {
    region::Entity::find_by_id(id).one(conn).await?.ok_or(StorageError::NotFound)
}

pub async fn create(conn: &impl ConnectionTrait, code: &str, name: &str) -> Result<region::Model> {
    Ok(region::ActiveModel { id: Set(new_id()), code: Set(code.to_owned()), name: Set(name.to_owned()) }
        .insert(conn)
        .await?)
}
