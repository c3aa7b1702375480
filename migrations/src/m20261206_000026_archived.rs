//! Programmes and courses can be archived (issue 20): hidden from the
//! catalogue, the staff lists and the pickers, while every figure, export
//! and certificate that counts them stays as it was. `archived_at` is when;
//! none is live, as every programme and course was before.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "programmes", timestamp_with_time_zone_null("archived_at")).await?;
    add_column(manager, "courses", timestamp_with_time_zone_null("archived_at")).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(manager, "courses", "archived_at").await?;
    drop_column(manager, "programmes", "archived_at").await
}
