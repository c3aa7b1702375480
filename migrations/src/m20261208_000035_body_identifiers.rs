//! Identifiers in an accrediting body's register (issue 20): a body may
//! ask for one (a national ID number, a staff number), named by its
//! `identifier_label`. People give it when registering for one of its
//! courses; it is kept on that registration, shown only to the body's
//! accreditors, and erased with the person.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "accreditation_bodies", string_null("identifier_label")).await?;
    add_column(manager, "registrations", string_null("body_identifier")).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(manager, "registrations", "body_identifier").await?;
    drop_column(manager, "accreditation_bodies", "identifier_label").await
}
