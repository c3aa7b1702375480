//! Confirmation links replaced by a newer one (issue 24): a person who asks
//! to register again gets a new link, and the first one, followed later,
//! says that a newer link was sent instead of "Page not found". Only the
//! old secret's hash is kept, with its registration and when it was
//! replaced.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{create_indexes, create_tables, drop_tables, fk, migration, table_with_id, unique_index};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    create_tables(
        manager,
        [table_with_id("superseded_confirm_links")
            .col(string("token_hash"))
            .col(uuid("registration_id"))
            .col(timestamp_with_time_zone("superseded_at"))
            .foreign_key(&mut fk(
                ("superseded_confirm_links", "registration_id"),
                "registrations",
                true,
            ))
            .to_owned()],
    )
    .await?;
    // A followed link is looked up by its hash.
    create_indexes(
        manager,
        [unique_index(
            "ux_superseded_confirm_links_token_hash",
            "superseded_confirm_links",
            &["token_hash"],
        )],
    )
    .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(manager, &["superseded_confirm_links"]).await
}
