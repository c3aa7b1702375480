//! The issuer's identity on certificates (issue 19): what an organisation's
//! organisers set for its certificates — a legal name (empty: its name),
//! a postal address, a website, its signatories and which of them signs
//! which course or session — the accrediting bodies' logos, and what a
//! certificate keeps of all that at issue.
//!
//! Images drawn on certificates (signatures, bodies' logos, and the
//! organisation's logo as it was when a certificate was issued) are kept
//! once each in `document_images`, under the SHA-256 of their bytes: a row
//! is never changed nor deleted, so a certificate naming a hash draws the
//! same picture for ever, whatever is uploaded later. Signatories are
//! removed freely: certificates keep their name, title and signature hash.
//! The default signatory is `organisations.default_signatory_id` (cleared
//! by the use case that removes a signatory); a course's or a session's own
//! is a row of `signatory_courses` / `signatory_sessions`, gone with either
//! side. Certificates issued before have none of the new columns: they are
//! drawn as they were.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, create_tables, drop_column, drop_tables, fk, index, migration, table_with_id};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    create_tables(
        manager,
        [
            Table::create()
                .table("document_images")
                .col(string_len("sha256", 64).primary_key())
                .col(string("content_type"))
                .col(blob("data"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
            table_with_id("signatories")
                .col(uuid("organisation_id"))
                .col(string("name"))
                .col(string("title"))
                .col(string_len_null("signature_sha256", 64))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(("signatories", "organisation_id"), "organisations", true))
                .to_owned(),
            Table::create()
                .table("signatory_courses")
                .col(uuid("course_id").primary_key())
                .col(uuid("signatory_id"))
                .foreign_key(&mut fk(("signatory_courses", "course_id"), "courses", true))
                .foreign_key(&mut fk(("signatory_courses", "signatory_id"), "signatories", true))
                .to_owned(),
            Table::create()
                .table("signatory_sessions")
                .col(uuid("session_id").primary_key())
                .col(uuid("signatory_id"))
                .foreign_key(&mut fk(("signatory_sessions", "session_id"), "sessions", true))
                .foreign_key(&mut fk(("signatory_sessions", "signatory_id"), "signatories", true))
                .to_owned(),
        ],
    )
    .await?;
    for (name, table, column) in [
        ("ix_signatories_organisation_id", "signatories", "organisation_id"),
        ("ix_signatory_courses_signatory_id", "signatory_courses", "signatory_id"),
        (
            "ix_signatory_sessions_signatory_id",
            "signatory_sessions",
            "signatory_id",
        ),
    ] {
        manager.create_index(index(name, table, &[column])).await?;
    }
    for column in ["legal_name", "postal_address", "website"] {
        add_column(manager, "organisations", string_null(column)).await?;
    }
    add_column(manager, "organisations", uuid_null("default_signatory_id")).await?;
    add_column(manager, "accreditation_bodies", string_len_null("logo_sha256", 64)).await?;
    for column in [
        "issuer_address",
        "issuer_website",
        "signatory_name",
        "signatory_title",
        "outcomes",
    ] {
        add_column(manager, "certificates", text_null(column)).await?;
    }
    for column in ["issuer_logo_sha256", "signature_sha256", "accreditor_logo_sha256"] {
        add_column(manager, "certificates", string_len_null(column, 64)).await?;
    }
    Ok(())
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    for column in [
        "accreditor_logo_sha256",
        "signature_sha256",
        "issuer_logo_sha256",
        "outcomes",
        "signatory_title",
        "signatory_name",
        "issuer_website",
        "issuer_address",
    ] {
        drop_column(manager, "certificates", column).await?;
    }
    drop_column(manager, "accreditation_bodies", "logo_sha256").await?;
    for column in ["default_signatory_id", "website", "postal_address", "legal_name"] {
        drop_column(manager, "organisations", column).await?;
    }
    drop_tables(
        manager,
        &[
            "signatory_sessions",
            "signatory_courses",
            "signatories",
            "document_images",
        ],
    )
    .await
}
