//! Public sign-up: trainees' sign-in links and sessions, rate limits shared by
//! every process, the server's own keys, CSV imports waiting for the
//! organiser's choice, and whether organisers' entries need an e-mail confirmation.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    // Whether people an organiser enters by hand or by import
                    // confirm by e-mail first, like the public form.
                    .add_column(boolean("confirm_organiser_entries").default(true))
                    .to_owned(),
            )
            .await?;
        // One-time links to "my trainings", sent by e-mail.
        manager
            .create_table(
                Table::create()
                    .table("sign_in_links")
                    .col(pk_uuid("id"))
                    .col(uuid("person_id"))
                    .col(string_uniq("token_hash"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("used_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sign_in_links_person_id")
                            .from("sign_in_links", "person_id")
                            .to("people", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        // A trainee signed in to "my trainings" (staff have web_sessions).
        manager
            .create_table(
                Table::create()
                    .table("person_sessions")
                    .col(pk_uuid("id"))
                    .col(string_uniq("token_hash"))
                    .col(uuid("person_id"))
                    .col(string("csrf_token"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_person_sessions_person_id")
                            .from("person_sessions", "person_id")
                            .to("people", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        // Fixed-window counters: one row per key and window, counted with an
        // upsert, so every `aula serve` sharing the database shares the limits.
        manager
            .create_table(
                Table::create()
                    .table("rate_limits")
                    .col(string("bucket").primary_key())
                    .col(integer("hits"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .to_owned(),
            )
            .await?;
        // Keys the server makes on first start (the key of personal links).
        manager
            .create_table(
                Table::create()
                    .table("server_keys")
                    .col(string("name").primary_key())
                    .col(string("value"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        // An uploaded CSV of people, kept between the check and the organiser's choice.
        manager
            .create_table(
                Table::create()
                    .table("import_drafts")
                    .col(pk_uuid("id"))
                    .col(uuid("session_id"))
                    .col(uuid("user_id"))
                    .col(string("file_name"))
                    .col(text("content"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        for (name, table, columns) in [
            ("ix_sign_in_links_person", "sign_in_links", &["person_id"][..]),
            ("ix_person_sessions_expires", "person_sessions", &["expires_at"][..]),
            ("ix_rate_limits_expires", "rate_limits", &["expires_at"][..]),
            ("ix_import_drafts_created", "import_drafts", &["created_at"][..]),
            ("ix_people_created", "people", &["created_at"][..]),
            // The outbox page's search by recipient.
            ("ix_outbox_recipient", "outbox", &["recipient", "created_at"][..]),
        ] {
            let mut index = Index::create();
            index.name(name).table(table);
            for column in columns {
                index.col(*column);
            }
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "import_drafts",
            "server_keys",
            "rate_limits",
            "person_sessions",
            "sign_in_links",
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
