//! Attendance: who was at each meeting, and the completions fixed when a
//! session is marked completed.

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
                    .table("attendance")
                    .col(pk_uuid("id"))
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
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_registration_id")
                            .from("attendance", "registration_id")
                            .to("registrations", "id"),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_attendance_meeting_id")
                            .from("attendance", "meeting_id")
                            .to("meetings", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        // One mark per registration and meeting; the matrix reads by meeting.
        manager
            .create_index(
                Index::create()
                    .name("ux_attendance_registration_meeting")
                    .table("attendance")
                    .col("registration_id")
                    .col("meeting_id")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_attendance_meeting")
                    .table("attendance")
                    .col("meeting_id")
                    .to_owned(),
            )
            .await?;
        // The completions of a completed session, fixed when it is marked
        // completed: surveys and certificates read these, not live attendance.
        manager
            .create_table(
                Table::create()
                    .table("completions")
                    .col(uuid("registration_id").primary_key())
                    .col(uuid("session_id"))
                    .col(integer("attended_minutes"))
                    .col(integer("required_minutes"))
                    .col(boolean("completed"))
                    .col(timestamp_with_time_zone("fixed_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_completions_registration_id")
                            .from("completions", "registration_id")
                            .to("registrations", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_completions_session")
                    .table("completions")
                    .col("session_id")
                    .col("completed")
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    // How long before and after a meeting its check-in code works.
                    .add_column(integer("checkin_margin_minutes").default(30))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("completions").to_owned())
            .await?;
        manager.drop_table(Table::drop().table("attendance").to_owned()).await
    }
}
