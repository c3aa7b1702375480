//! Erasure of a person (issue 21). A person's row stays, stripped of what
//! names them (`erased_at` says when), so that the indicators count them as
//! before; the workplaces they count are the `workplace_key` of each person,
//! a keyed hash of the normalised employer written with the employer (and
//! filled in for people who existed by `aula_storage::retention::backfill`,
//! run after the migrations). A certificate its holder asked to erase keeps
//! its row for the figures, without the holder, and `withdrawn_at` says when.
//! An erasure a person asks for from "my trainings" waits in
//! `erasure_requests` until they follow the link e-mailed to them.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{
    add_column, create_indexes, create_tables, drop_column, drop_tables, fk, index, migration, table_with_id,
};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "people", string_null("workplace_key")).await?;
    add_column(manager, "people", timestamp_with_time_zone_null("erased_at")).await?;
    add_column(manager, "certificates", timestamp_with_time_zone_null("withdrawn_at")).await?;
    create_tables(
        manager,
        [table_with_id("erasure_requests")
            .col(uuid("person_id"))
            .col(string_uniq("token_hash"))
            .col(boolean("certificates"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("expires_at"))
            .foreign_key(&mut fk(("erasure_requests", "person_id"), "people", true))
            .to_owned()],
    )
    .await?;
    create_indexes(
        manager,
        [index(
            "ix_erasure_requests_person_id",
            "erasure_requests",
            &["person_id"],
        )],
    )
    .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(manager, &["erasure_requests"]).await?;
    drop_column(manager, "certificates", "withdrawn_at").await?;
    drop_column(manager, "people", "erased_at").await?;
    drop_column(manager, "people", "workplace_key").await
}
