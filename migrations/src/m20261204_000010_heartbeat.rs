//! A row the readiness check (`/readyz`) rewrites: proof that the database
//! still takes writes, which answering a read does not show.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::drop_tables;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("heartbeat")
                    .col(integer("id").primary_key())
                    .col(timestamp_with_time_zone("beaten_at"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, &["heartbeat"]).await
    }
}
