//! Certificates in a status list (issue 19). Each certificate has a place
//! in Aula's BitstringStatusList (`status_index`: bit `index % 131072` of
//! list `index / 131072`), drawn at random among the free places so that
//! a place tells nothing of when or to whom the certificate was issued;
//! certificates issued before are given one by
//! `aula_storage::certificates::backfill_status_indexes`, run after the
//! migrations. `planned_minutes` is what the session planned (the sum of
//! its meetings), printed as "of the session's Y h"; null for certificates
//! issued before, which print the course's nominal hours as they did.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, drop_column, migration, unique_index};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    add_column(manager, "certificates", integer_null("status_index")).await?;
    add_column(manager, "certificates", integer_null("planned_minutes")).await?;
    manager
        .create_index(unique_index(
            "ux_certificates_status_index",
            "certificates",
            &["status_index"],
        ))
        .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .drop_index(
            Index::drop()
                .name("ux_certificates_status_index")
                .table("certificates")
                .to_owned(),
        )
        .await?;
    drop_column(manager, "certificates", "planned_minutes").await?;
    drop_column(manager, "certificates", "status_index").await
}
