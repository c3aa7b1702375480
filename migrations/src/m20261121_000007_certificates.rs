//! Certificates: an immutable snapshot of what was completed, numbered per
//! accrediting body and year without gaps, with a verification code.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, create_indexes, create_tables, drop_tables, fk, index, migration, table_with_id};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    create_tables(
        manager,
        [
            table_with_id("certificates")
                // One certificate per registration, ever: issuing twice finds it.
                .col(uuid_uniq("registration_id"))
                .col(uuid("session_id"))
                .col(uuid("course_id"))
                .col(uuid_null("accreditation_body_id"))
                .col(string_uniq("number"))
                .col(string_uniq("verification_code"))
                // The snapshot: what the certificate says, whatever changes later.
                .col(string("holder_name"))
                .col(string("holder_email"))
                .col(string("salt"))
                .col(string("language"))
                .col(string("course_title"))
                .col(text("course_summary"))
                .col(integer("attended_minutes"))
                .col(integer("nominal_minutes"))
                .col(date("starts_on"))
                .col(date("ends_on"))
                .col(string("modality"))
                .col(string_null("place"))
                .col(string_null("body_name"))
                .col(integer_null("credits_hundredths"))
                .col(integer_null("recognised_minutes"))
                .col(string("issuer_name"))
                .col(timestamp_with_time_zone("issued_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .col(text_null("revoked_reason"))
                .foreign_key(&mut fk(("certificates", "registration_id"), "registrations", false))
                .to_owned(),
            // The last number given per body (or Aula's own series) and year; the
            // issuing transaction increments it, so numbers have no gaps.
            Table::create()
                .table("certificate_counters")
                .col(string("series"))
                .col(integer("year"))
                .col(integer("last"))
                .primary_key(Index::create().col("series").col("year"))
                .to_owned(),
        ],
    )
    .await?;
    create_indexes(
        manager,
        [
            index("ix_certificates_session", "certificates", &["session_id"]),
            index("ix_certificates_course", "certificates", &["course_id", "issued_at"]),
            index(
                "ix_certificates_body",
                "certificates",
                &["accreditation_body_id", "issued_at"],
            ),
            index("ix_certificates_issued", "certificates", &["issued_at"]),
        ],
    )
    .await?;
    // Issue certificates when the session is marked completed.
    add_column(manager, "sessions", boolean("issue_on_completion").default(false)).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(manager, &["certificate_counters", "certificates"]).await
}
