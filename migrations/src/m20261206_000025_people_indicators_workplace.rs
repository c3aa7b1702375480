//! The indicators count distinct workplaces by `people.workplace_key` (the
//! employer's keyed hash, issue 21) and no longer read `employer`; the
//! covering index of migration 8 still held `employer`, so every person
//! counted was read from the table. Among many organisations PostgreSQL
//! looks each registration's person up by index, and that lookup now stays
//! in the index (issue 17; docs/BENCHMARKS.md).

use sea_orm_migration::prelude::*;

use crate::statements::{create_indexes, index, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_index(manager, "ix_people_indicators").await?;
    create_indexes(
        manager,
        [index(
            "ix_people_indicators_workplace",
            "people",
            &["id", "region_id", "audience", "workplace_key"],
        )],
    )
    .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_index(manager, "ix_people_indicators_workplace").await?;
    create_indexes(
        manager,
        [index(
            "ix_people_indicators",
            "people",
            &["id", "region_id", "audience", "employer"],
        )],
    )
    .await
}

async fn drop_index(manager: &SchemaManager<'_>, name: &str) -> Result<(), DbErr> {
    manager
        .drop_index(Index::drop().name(name).table("people").to_owned())
        .await
}
