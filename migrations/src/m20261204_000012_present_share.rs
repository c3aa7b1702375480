//! The share of an online meeting a person must be connected for to be
//! marked present, per session (issue 18): 50 % until an organiser says
//! otherwise, the value every session had before it could be set.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "sessions", integer("present_share_percent").default(50)).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(manager, "sessions", "present_share_percent").await
}
