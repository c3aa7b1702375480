//! Attendance: who was at each meeting, and the completions fixed when a
//! session is marked completed.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{
    add_column, create_indexes, create_tables, drop_tables, fk, index, migration, table_with_id, unique_index,
};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    create_tables(
        manager,
        [table_with_id("attendance")
            .col(uuid("registration_id"))
            .col(uuid("meeting_id"))
            // present, late, excused, absent.
            .col(string("status"))
            // Minutes connected to an online meeting, when reported.
            .col(integer_null("minutes"))
            // roll_call, check_in, import.
            .col(string("source"))
            .col(string("updated_by"))
            .col(timestamp_with_time_zone("updated_at"))
            .foreign_key(&mut fk(("attendance", "registration_id"), "registrations", false))
            .foreign_key(&mut fk(("attendance", "meeting_id"), "meetings", false))
            .to_owned()],
    )
    .await?;
    // One mark per registration and meeting; the matrix reads by meeting.
    create_indexes(
        manager,
        [
            unique_index(
                "ux_attendance_registration_meeting",
                "attendance",
                &["registration_id", "meeting_id"],
            ),
            index("ix_attendance_meeting", "attendance", &["meeting_id"]),
        ],
    )
    .await?;
    // The completions of a completed session, fixed when it is marked
    // completed: surveys and certificates read these, not live attendance.
    create_tables(
        manager,
        [Table::create()
            .table("completions")
            .col(uuid("registration_id").primary_key())
            .col(uuid("session_id"))
            .col(integer("attended_minutes"))
            .col(integer("required_minutes"))
            .col(boolean("completed"))
            .col(timestamp_with_time_zone("fixed_at"))
            .foreign_key(&mut fk(("completions", "registration_id"), "registrations", false))
            .to_owned()],
    )
    .await?;
    create_indexes(
        manager,
        [index(
            "ix_completions_session",
            "completions",
            &["session_id", "completed"],
        )],
    )
    .await?;
    // How long before and after a meeting its check-in code works.
    add_column(manager, "sessions", integer("checkin_margin_minutes").default(30)).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(manager, &["completions", "attendance"]).await
}
