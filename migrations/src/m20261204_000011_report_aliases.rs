//! Who a person of an online meeting's participant report is, as a trainer
//! chose it (issue 18): remembered per session under the report's key (the
//! address, or the folded name), so the next report of the same session
//! matches them without asking again. A null registration is "not one of the
//! session's people". Attendance marks gain the `partial` status, which
//! needs no change here: statuses are their codes as text.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{create_indexes, create_tables, drop_tables, fk, migration, table_with_id, unique_index};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    create_tables(
        manager,
        [table_with_id("report_aliases")
            .col(uuid("session_id"))
            // `report_key`: the e-mail address, trimmed and lower-cased,
            // or the name's folded words.
            .col(string("key"))
            .col(uuid_null("registration_id"))
            .col(string("updated_by"))
            .col(timestamp_with_time_zone("updated_at"))
            .foreign_key(&mut fk(("report_aliases", "session_id"), "sessions", true))
            .foreign_key(&mut fk(("report_aliases", "registration_id"), "registrations", true))
            .to_owned()],
    )
    .await?;
    // One choice per key in a session; an import reads a session's choices.
    create_indexes(
        manager,
        [unique_index(
            "ux_report_aliases_session_key",
            "report_aliases",
            &["session_id", "key"],
        )],
    )
    .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(manager, &["report_aliases"]).await
}
