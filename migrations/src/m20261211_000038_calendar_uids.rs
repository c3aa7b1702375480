//! How a session's meetings are named in people's calendars. They were
//! named by rank (`session-<id>-<n>`), so taking off a middle meeting
//! re-timed the next one under its neighbour's name and cancelled the last
//! one's name with a date that still took place (session 30's attack
//! round). Sessions from now on name each meeting by its row
//! (`meeting`); those whose invitations already went out keep their ranks
//! (`rank`), so the events in calendars stay theirs to update and cancel.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    // Every session written from now on sets its own.
    add_column(manager, "sessions", string("calendar_uids").default("rank")).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(manager, "sessions", "calendar_uids").await
}
