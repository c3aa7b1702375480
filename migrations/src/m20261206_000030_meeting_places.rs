//! Hybrid sessions (issue 20): a meeting may be somewhere other than its
//! session's venue or link (one meeting in a room, the next online).
//! `place` is where, in the organiser's words (a room and address, or a
//! link); none means the session's, as every meeting was before.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "meetings", string_null("place")).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(manager, "meetings", "place").await
}
