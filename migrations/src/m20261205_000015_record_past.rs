//! A session recorded after the fact (issue 24): its registrations and
//! imports record who took part, and nobody is written to about a training
//! held months ago. Every session before this was a live one.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "sessions", boolean("record_past").default(false)).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(manager, "sessions", "record_past").await
}
