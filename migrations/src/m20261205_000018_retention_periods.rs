//! Retention periods an administrator sets (issue 21): one row per category
//! of personal data, in days. A category without a row keeps its default
//! (`aula_domain::retention`), so an instance that never set them behaves
//! as before.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{drop_tables, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let table = Table::create()
        .table("retention_periods")
        .col(string("category").primary_key())
        .col(integer("days"))
        .col(timestamp_with_time_zone("updated_at"))
        .to_owned();
    manager.create_table(table).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(manager, &["retention_periods"]).await
}
