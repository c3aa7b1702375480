//! Public sign-up: trainees' sign-in links and sessions, rate limits shared by
//! every process, the server's own keys, CSV imports waiting for the
//! organiser's choice, and whether organisers' entries need an e-mail confirmation.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{add_column, create_indexes, create_tables, drop_tables, fk, index, migration, table_with_id};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    // Whether people an organiser enters by hand or by import confirm by
    // e-mail first, like the public form.
    add_column(manager, "sessions", boolean("confirm_organiser_entries").default(true)).await?;
    create_tables(
        manager,
        [
            // One-time links to "my trainings", sent by e-mail.
            table_with_id("sign_in_links")
                .col(uuid("person_id"))
                .col(string_uniq("token_hash"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("used_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(("sign_in_links", "person_id"), "people", false))
                .to_owned(),
            // A trainee signed in to "my trainings" (staff have web_sessions).
            table_with_id("person_sessions")
                .col(string_uniq("token_hash"))
                .col(uuid("person_id"))
                .col(string("csrf_token"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .foreign_key(&mut fk(("person_sessions", "person_id"), "people", false))
                .to_owned(),
            // Fixed-window counters: one row per key and window, counted with an
            // upsert, so every `aula serve` sharing the database shares the limits.
            Table::create()
                .table("rate_limits")
                .col(string("bucket").primary_key())
                .col(integer("hits"))
                .col(timestamp_with_time_zone("expires_at"))
                .to_owned(),
            // Keys the server makes on first start (the key of personal links).
            Table::create()
                .table("server_keys")
                .col(string("name").primary_key())
                .col(string("value"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
            // An uploaded CSV of people, kept between the check and the organiser's choice.
            table_with_id("import_drafts")
                .col(uuid("session_id"))
                .col(uuid("user_id"))
                .col(string("file_name"))
                .col(text("content"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        ],
    )
    .await?;
    create_indexes(
        manager,
        [
            index("ix_sign_in_links_person", "sign_in_links", &["person_id"]),
            index("ix_person_sessions_expires", "person_sessions", &["expires_at"]),
            index("ix_rate_limits_expires", "rate_limits", &["expires_at"]),
            index("ix_import_drafts_created", "import_drafts", &["created_at"]),
            index("ix_people_created", "people", &["created_at"]),
            // The outbox page's search by recipient.
            index("ix_outbox_recipient", "outbox", &["recipient", "created_at"]),
        ],
    )
    .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        manager,
        &[
            "import_drafts",
            "server_keys",
            "rate_limits",
            "person_sessions",
            "sign_in_links",
        ],
    )
    .await
}
