//! Co-facilitators who are not staff (issue 20): trained newcomers leading
//! a co-creation workshop take its roll call by a personal link, without a
//! staff account. `token_hash` is the SHA-256 of the link's secret (shown
//! once, like an API token); `revoked_at` ends the link. Removed with their
//! session.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{
    create_indexes, create_tables, drop_tables, fk, index, migration, table_with_id, unique_index,
};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let facilitators = table_with_id("session_facilitators")
        .col(uuid("session_id"))
        .col(string("name"))
        .col(string("token_hash"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone_null("revoked_at"))
        .foreign_key(&mut fk(("session_facilitators", "session_id"), "sessions", true))
        .to_owned();
    create_tables(manager, [facilitators]).await?;
    create_indexes(
        manager,
        [
            unique_index("ux_session_facilitators_token", "session_facilitators", &["token_hash"]),
            index(
                "ix_session_facilitators_session",
                "session_facilitators",
                &["session_id"],
            ),
        ],
    )
    .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(manager, &["session_facilitators"]).await
}
