//! The e-mail outbox, and what sessions need for calendar invitations and reminders.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{
    add_column, create_indexes, create_tables, drop_tables, index, migration, table_with_id, unique_index,
};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    create_tables(
        manager,
        [table_with_id("outbox")
            .col(string("kind"))
            .col(string("recipient"))
            .col(string_null("recipient_name"))
            .col(string("language"))
            // The template's data as JSON: rendered when sent, so a
            // row is small and a template fix reaches queued mail.
            .col(text("data"))
            .col(uuid_null("session_id"))
            .col(string_null("reply_to"))
            // pending → sending → sent, or back to pending (retry), or failed.
            .col(string("status"))
            .col(integer("attempts").default(0))
            // When the row is due: now for most mail, later for reminders and retries.
            .col(timestamp_with_time_zone("next_attempt_at"))
            // A dispatcher's lease on a row it is sending; a row whose
            // lease ran out (its dispatcher died) is claimed again.
            .col(timestamp_with_time_zone_null("claimed_until"))
            .col(string_null("claimed_by"))
            .col(text_null("last_error"))
            .col(string_uniq("message_id"))
            // At most one row per key: "the reminder of registration X" is queued once.
            .col(string_null("dedupe_key"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone_null("sent_at"))
            .to_owned()],
    )
    .await?;
    create_indexes(
        manager,
        [
            index("ix_outbox_due", "outbox", &["status", "next_attempt_at"]),
            index("ix_outbox_session", "outbox", &["session_id", "created_at"]),
            index("ix_outbox_kind", "outbox", &["kind", "created_at"]),
            index("ix_outbox_created", "outbox", &["created_at"]),
            unique_index("ux_outbox_dedupe", "outbox", &["dedupe_key"]),
        ],
    )
    .await?;
    // How long before the first meeting the reminder goes out.
    add_column(
        manager,
        "sessions",
        integer("reminder_lead_minutes").default(2 * 24 * 60),
    )
    .await?;
    // The calendar SEQUENCE: raised each time the meetings change.
    add_column(manager, "sessions", integer("calendar_sequence").default(0)).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(manager, &["outbox"]).await
}
