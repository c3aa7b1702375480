//! The day a certificate was issued, as it is printed: the day at the
//! session's place. It was the UTC day of `issued_at`, so a certificate
//! issued in Madrid or Tunis between midnight and one or two in the
//! morning said the day before (session 25's review). Certificates already
//! issued keep the day they were printed with: their UTC day.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::statements::{add_column, create_indexes, drop_column, index, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    // SQLite adds a column that may not be null only with a default; every
    // certificate written from now on sets its own day.
    add_column(manager, "certificates", date("issued_on").default("1970-01-01")).await?;
    let db = manager.get_connection();
    // SQLite keeps instants as UTC text that starts with the date;
    // PostgreSQL must be told the zone.
    let (day, no_default) = match manager.get_database_backend() {
        DatabaseBackend::Postgres => (
            "(issued_at AT TIME ZONE 'UTC')::date",
            Some("ALTER TABLE certificates ALTER COLUMN issued_on DROP DEFAULT"),
        ),
        _ => ("substr(issued_at, 1, 10)", None),
    };
    db.execute_unprepared(&format!("UPDATE certificates SET issued_on = {day}"))
        .await?;
    if let Some(statement) = no_default {
        db.execute_unprepared(statement).await?;
    }
    // The registers' date filters read it now, as they read `issued_at`.
    create_indexes(
        manager,
        [
            index(INDEXES[0], "certificates", &["issued_on"]),
            index(INDEXES[1], "certificates", &["accreditation_body_id", "issued_on"]),
        ],
    )
    .await
}

const INDEXES: [&str; 2] = ["ix_certificates_issued_on", "ix_certificates_body_issued_on"];

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    for name in INDEXES {
        manager
            .drop_index(Index::drop().name(name).table("certificates").to_owned())
            .await?;
    }
    drop_column(manager, "certificates", "issued_on").await
}
