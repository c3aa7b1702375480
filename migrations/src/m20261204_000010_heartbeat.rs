//! A row the readiness check (`/readyz`) rewrites: proof that the database
//! still takes writes, which answering a read does not show.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{create_tables, drop_tables, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    create_tables(
        manager,
        [Table::create()
            .table("heartbeat")
            .col(integer("id").primary_key())
            .col(timestamp_with_time_zone("beaten_at"))
            .to_owned()],
    )
    .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(manager, &["heartbeat"]).await
}
