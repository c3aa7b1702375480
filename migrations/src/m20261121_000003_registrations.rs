//! Registrations: a person in a session, with the seat counter's companion,
//! the waiting-list ticket counter.

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
                    .table("registrations")
                    .col(pk_uuid("id"))
                    .col(uuid("session_id"))
                    .col(uuid("person_id"))
                    // pending → confirmed | waitlisted → cancelled; waitlisted → confirmed.
                    .col(string("status"))
                    // Order on the waiting list: taken from the session's counter,
                    // so joining the list never counts rows.
                    .col(big_integer_null("waitlist_ticket"))
                    // public (the form), organiser (entered by hand), import (CSV).
                    .col(string("source"))
                    .col(string_null("confirm_token_hash"))
                    .col(timestamp_with_time_zone_null("confirm_expires_at"))
                    // The personal link in every e-mail (cancel, later check-in).
                    .col(string_uniq("manage_token_hash"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(timestamp_with_time_zone_null("confirmed_at"))
                    .col(timestamp_with_time_zone_null("cancelled_at"))
                    .col(text_null("cancel_reason"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_registrations_session_id")
                            .from("registrations", "session_id")
                            .to("sessions", "id"),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_registrations_person_id")
                            .from("registrations", "person_id")
                            .to("people", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_registrations_session_status")
                    .table("registrations")
                    .col("session_id")
                    .col("status")
                    .col("waitlist_ticket")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_registrations_person")
                    .table("registrations")
                    .col("person_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_registrations_confirm")
                    .table("registrations")
                    .col("confirm_token_hash")
                    .to_owned(),
            )
            .await?;
        // One live registration per person and session, enforced by the
        // database: a partial unique index (same syntax on SQLite and PostgreSQL).
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_registrations_live ON registrations (session_id, person_id) \
                 WHERE status <> 'cancelled'",
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    .add_column(big_integer("waitlist_counter").default(0))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("registrations").to_owned())
            .await
    }
}
