//! An organisation's branding (issue 17): one accent colour, checked for
//! contrast when it is set (`#rrggbb`), and a logo (PNG or SVG, at most
//! 256 KiB, checked when it is uploaded). The logo's bytes live in a table of
//! their own so that reading an organisation (every staff request does) never
//! carries them; `logo_content_type` says whether there is one and what it is.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, fk, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "organisations", string_null("accent_colour")).await?;
    add_column(manager, "organisations", string_null("logo_content_type")).await?;
    manager
        .create_table(
            Table::create()
                .table("organisation_logos")
                .col(uuid("organisation_id").primary_key())
                .col(blob("data"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    ("organisation_logos", "organisation_id"),
                    "organisations",
                    true,
                ))
                .to_owned(),
        )
        .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .drop_table(Table::drop().table("organisation_logos").to_owned())
        .await?;
    drop_column(manager, "organisations", "logo_content_type").await?;
    drop_column(manager, "organisations", "accent_colour").await
}
