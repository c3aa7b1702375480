//! Networks of organisations (issue 17). An organisation declared a
//! network (`is_network`) has members: the organisations whose
//! `network_id` names it. Its organisers read the indicators of its own
//! sessions and its members' together, never their people. One level: a
//! network is never a member itself, so no chain or cycle can form.
//! `ix_organisations_network_id` finds a network's members.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, index, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "organisations", boolean("is_network").default(false)).await?;
    manager
        .create_index(index("ix_organisations_network_id", "organisations", &["network_id"]))
        .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .drop_index(
            Index::drop()
                .name("ix_organisations_network_id")
                .table("organisations")
                .to_owned(),
        )
        .await?;
    drop_column(manager, "organisations", "is_network").await
}
