//! Certificates: an immutable snapshot of what was completed, numbered per
//! accrediting body and year without gaps, with a verification code.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("certificates")
                    .col(pk_uuid("id"))
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
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_certificates_registration_id")
                            .from("certificates", "registration_id")
                            .to("registrations", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        // The last number given per body (or Aula's own series) and year; the
        // issuing transaction increments it, so numbers have no gaps.
        manager
            .create_table(
                Table::create()
                    .table("certificate_counters")
                    .col(string("series"))
                    .col(integer("year"))
                    .col(integer("last"))
                    .primary_key(Index::create().col("series").col("year"))
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            ("ix_certificates_session", &["session_id"][..]),
            ("ix_certificates_course", &["course_id", "issued_at"][..]),
            ("ix_certificates_body", &["accreditation_body_id", "issued_at"][..]),
            ("ix_certificates_issued", &["issued_at"][..]),
        ] {
            let mut index = Index::create();
            index.name(name).table("certificates");
            for column in columns {
                index.col(*column);
            }
            manager.create_index(index).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    // Issue certificates when the session is marked completed.
                    .add_column(boolean("issue_on_completion").default(false))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("certificate_counters").to_owned())
            .await?;
        manager.drop_table(Table::drop().table("certificates").to_owned()).await
    }
}
