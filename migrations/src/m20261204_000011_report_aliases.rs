//! Who a person of an online meeting's participant report is, as a trainer
//! chose it (issue 18): remembered per session under the report's key (the
//! address, or the folded name), so the next report of the same session
//! matches them without asking again. A null registration is "not one of the
//! session's people". Attendance marks gain the `partial` status, which
//! needs no change here: statuses are their codes as text.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{drop_tables, fk, unique_index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("report_aliases")
                    .col(pk_uuid("id"))
                    .col(uuid("session_id"))
                    // `report_key`: the e-mail address, trimmed and lower-cased,
                    // or the name's folded words.
                    .col(string("key"))
                    .col(uuid_null("registration_id"))
                    .col(string("updated_by"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(&mut fk(("report_aliases", "session_id"), "sessions", true))
                    .foreign_key(&mut fk(("report_aliases", "registration_id"), "registrations", true))
                    .to_owned(),
            )
            .await?;
        // One choice per key in a session; an import reads a session's choices.
        manager
            .create_index(unique_index(
                "ux_report_aliases_session_key",
                "report_aliases",
                &["session_id", "key"],
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, &["report_aliases"]).await
    }
}
