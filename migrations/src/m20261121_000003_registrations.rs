//! Registrations: a person in a session, with the seat counter's companion,
//! the waiting-list ticket counter.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, create_indexes, create_tables, drop_tables, fk, index, migration, table_with_id};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    create_tables(
        manager,
        [table_with_id("registrations")
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
            .foreign_key(&mut fk(("registrations", "session_id"), "sessions", false))
            .foreign_key(&mut fk(("registrations", "person_id"), "people", false))
            .to_owned()],
    )
    .await?;
    create_indexes(
        manager,
        [
            index(
                "ix_registrations_session_status",
                "registrations",
                &["session_id", "status", "waitlist_ticket"],
            ),
            index("ix_registrations_person", "registrations", &["person_id"]),
            index("ix_registrations_confirm", "registrations", &["confirm_token_hash"]),
        ],
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
    add_column(manager, "sessions", big_integer("waitlist_counter").default(0)).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(manager, &["registrations"]).await
}
