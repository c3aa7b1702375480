//! Proposed details (issue 15): a public registration request for an e-mail
//! address Aula already knows must not change that person until the owner
//! of the address confirms. The request's details wait on the registration,
//! as JSON, and are applied by the confirmation.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "registrations", text_null("proposed_details")).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(manager, "registrations", "proposed_details").await
}
