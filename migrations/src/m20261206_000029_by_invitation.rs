//! Sessions by invitation (issue 20): a session for an invited group is not
//! listed in the public catalogue nor open to public registration;
//! organisers add its people, or share a private registration link whose
//! secret's SHA-256 is `invitation_token` (none: no link; a new one revokes
//! the old). The secret itself is shown once, as an API token is.
//! Every existing session stays public, as it was.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "sessions", boolean("by_invitation").default(false)).await?;
    add_column(manager, "sessions", string_null("invitation_token")).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_column(manager, "sessions", "invitation_token").await?;
    drop_column(manager, "sessions", "by_invitation").await
}
