//! Indicators: the figures a funder asks for are counted over every
//! registration of a programme, so what they count is kept on the row it
//! describes, written in the same transaction as the change it follows:
//!
//! - `registrations.placed_at`: when it first reached confirmed or the
//!   waiting list (a cancellation clears the ticket, not this);
//! - `registrations.attended_minutes`, `attended_meetings`: the sums of its
//!   attendance marks (present or late);
//! - `registrations.completed`: its fixed completion;
//! - `survey_responses.overall`: the overall-satisfaction answer, still
//!   unlinkable to the person.
//!
//! One grouped scan of registrations then answers a dashboard, instead of
//! joins over millions of attendance marks and answers.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::statements::{add_column, create_indexes, drop_column, index, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    // SQLite alters one column per statement.
    for column in [
        timestamp_with_time_zone_null("placed_at"),
        integer("attended_minutes").default(0).to_owned(),
        integer("attended_meetings").default(0).to_owned(),
        boolean("completed").default(false).to_owned(),
    ] {
        add_column(manager, "registrations", column).await?;
    }
    add_column(manager, "survey_responses", integer_null("overall")).await?;

    // Rows written before this migration.
    let meeting_minutes = match manager.get_database_backend() {
        DatabaseBackend::Postgres => "CAST(EXTRACT(EPOCH FROM (m.ends_at - m.starts_at)) / 60 AS INTEGER)",
        _ => "CAST(ROUND((julianday(m.ends_at) - julianday(m.starts_at)) * 1440) AS INTEGER)",
    };
    let db = manager.get_connection();
    for statement in [
        "UPDATE registrations SET placed_at = COALESCE(confirmed_at, updated_at) \
             WHERE status IN ('confirmed', 'waitlisted') OR confirmed_at IS NOT NULL"
            .to_owned(),
        "UPDATE registrations SET completed = TRUE WHERE id IN \
             (SELECT registration_id FROM completions WHERE completed)"
            .to_owned(),
        format!(
            "UPDATE registrations SET \
                 attended_meetings = (SELECT COUNT(*) FROM attendance a \
                   WHERE a.registration_id = registrations.id AND a.status IN ('present', 'late')), \
                 attended_minutes = COALESCE((SELECT SUM(CASE WHEN a.minutes IS NULL OR a.minutes > {meeting_minutes} \
                   THEN {meeting_minutes} ELSE a.minutes END) \
                   FROM attendance a JOIN meetings m ON m.id = a.meeting_id \
                   WHERE a.registration_id = registrations.id AND a.status IN ('present', 'late')), 0)"
        ),
        // The default questionnaire's overall question; copies keep its key.
        "UPDATE survey_responses SET overall = (SELECT MIN(scale) FROM survey_answers s \
             WHERE s.response_id = survey_responses.id AND s.question_key = 'overall')"
            .to_owned(),
    ] {
        db.execute_unprepared(&statement).await?;
    }

    // Filters by programme, course or dates reach registrations through
    // their sessions. The indexes hold every column the indicators read,
    // so SQLite answers from them without reading the wide rows (a third
    // of the time at a million registrations).
    create_indexes(
        manager,
        [
            index(
                "ix_registrations_indicators",
                "registrations",
                &[
                    "session_id",
                    "person_id",
                    "id",
                    "placed_at",
                    "attended_meetings",
                    "attended_minutes",
                    "completed",
                    "status",
                ],
            ),
            index(
                "ix_people_indicators",
                "people",
                &["id", "region_id", "audience", "employer"],
            ),
            index(
                "ix_survey_invitations_indicators",
                "survey_invitations",
                &["registration_id", "answered"],
            ),
            index(
                "ix_certificates_indicators",
                "certificates",
                &["registration_id", "revoked_at"],
            ),
            index("ix_sessions_course_starts", "sessions", &["course_id", "starts_at"]),
            index(
                "ix_survey_responses_survey_overall",
                "survey_responses",
                &["survey_id", "overall"],
            ),
        ],
    )
    .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    for (name, table) in [
        ("ix_registrations_indicators", "registrations"),
        ("ix_people_indicators", "people"),
        ("ix_survey_invitations_indicators", "survey_invitations"),
        ("ix_certificates_indicators", "certificates"),
        ("ix_sessions_course_starts", "sessions"),
        ("ix_survey_responses_survey_overall", "survey_responses"),
    ] {
        manager
            .drop_index(Index::drop().name(name).table(table).to_owned())
            .await?;
    }
    for column in ["placed_at", "attended_minutes", "attended_meetings", "completed"] {
        drop_column(manager, "registrations", column).await?;
    }
    drop_column(manager, "survey_responses", "overall").await
}
