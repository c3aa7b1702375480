//! The foundation: catalogue, places, people, staff, tokens, web sessions, audit.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{create_indexes, create_tables, drop_tables, fk, index, migration, table_with_id};

migration!();

/// The foundation's indexes are named after their table and columns.
fn index_on(table: &'static str, columns: &[&'static str]) -> IndexCreateStatement {
    index(&format!("ix_{}_{}", table, columns.join("_")), table, columns)
}

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let tables = [
        table_with_id("regions")
            .col(string_uniq("code"))
            .col(string("name"))
            .to_owned(),
        table_with_id("venues")
            .col(string("name"))
            .col(string_null("address"))
            .col(string("city"))
            .col(uuid("region_id"))
            .foreign_key(&mut fk(("venues", "region_id"), "regions", false))
            .to_owned(),
        table_with_id("accreditation_bodies")
            .col(string("name"))
            .col(string_uniq("code"))
            .col(string_null("website"))
            .col(timestamp_with_time_zone("created_at"))
            .to_owned(),
        table_with_id("programmes")
            .col(string("title"))
            .col(string_null("funder"))
            .col(text_null("description"))
            .col(date_null("starts_on"))
            .col(date_null("ends_on"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .to_owned(),
        table_with_id("courses")
            .col(uuid_null("programme_id"))
            .col(string("title"))
            .col(text("summary"))
            .col(text_null("objectives"))
            .col(integer("minutes"))
            .col(string("modality"))
            .col(string("language"))
            .col(uuid_null("accreditation_body_id"))
            .col(integer_null("credits_hundredths"))
            .col(integer_null("recognised_minutes"))
            .col(integer("minimum_attendance_percent").default(80))
            .col(boolean("survey_required").default(false))
            // Lower-cased, accent-free title, summary and objectives, so the
            // catalogue's text search behaves the same on SQLite and PostgreSQL.
            .col(text("search_text"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .foreign_key(&mut fk(("courses", "programme_id"), "programmes", false))
            .foreign_key(&mut fk(
                ("courses", "accreditation_body_id"),
                "accreditation_bodies",
                false,
            ))
            .to_owned(),
        Table::create()
            .table("course_audiences")
            .col(uuid("course_id"))
            .col(string("audience"))
            .primary_key(Index::create().col("course_id").col("audience"))
            .foreign_key(&mut fk(("course_audiences", "course_id"), "courses", true))
            .to_owned(),
        table_with_id("users")
            .col(string_uniq("email"))
            .col(string("name"))
            .col(string_null("password_hash"))
            .col(uuid_null("accreditation_body_id"))
            .col(string("language"))
            .col(boolean("active").default(true))
            .col(timestamp_with_time_zone("created_at"))
            .foreign_key(&mut fk(
                ("users", "accreditation_body_id"),
                "accreditation_bodies",
                false,
            ))
            .to_owned(),
        Table::create()
            .table("user_roles")
            .col(uuid("user_id"))
            .col(string("role"))
            .primary_key(Index::create().col("user_id").col("role"))
            .foreign_key(&mut fk(("user_roles", "user_id"), "users", true))
            .to_owned(),
        table_with_id("sessions")
            .col(uuid("course_id"))
            .col(string("status"))
            .col(string("time_zone"))
            .col(uuid_null("venue_id"))
            .col(string_null("online_url"))
            .col(integer("capacity"))
            // The seat counter: confirmed registrations, kept in step by the
            // registration transactions so capacity checks never count rows.
            .col(integer("seats_taken").default(0))
            .col(timestamp_with_time_zone_null("registration_opens_at"))
            .col(timestamp_with_time_zone_null("registration_closes_at"))
            // Derived from the meetings, kept here to filter and sort the catalogue.
            .col(timestamp_with_time_zone_null("starts_at"))
            .col(timestamp_with_time_zone_null("ends_at"))
            .col(integer("minutes").default(0))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .foreign_key(&mut fk(("sessions", "course_id"), "courses", false))
            .foreign_key(&mut fk(("sessions", "venue_id"), "venues", false))
            .to_owned(),
        Table::create()
            .table("session_trainers")
            .col(uuid("session_id"))
            .col(uuid("user_id"))
            .primary_key(Index::create().col("session_id").col("user_id"))
            .foreign_key(&mut fk(("session_trainers", "session_id"), "sessions", true))
            .foreign_key(&mut fk(("session_trainers", "user_id"), "users", false))
            .to_owned(),
        table_with_id("meetings")
            .col(uuid("session_id"))
            .col(timestamp_with_time_zone("starts_at"))
            .col(timestamp_with_time_zone("ends_at"))
            .foreign_key(&mut fk(("meetings", "session_id"), "sessions", true))
            .to_owned(),
        table_with_id("people")
            .col(string("given_name"))
            .col(string("family_name"))
            .col(string_uniq("email"))
            .col(string_null("phone"))
            .col(string_null("employer"))
            .col(string_null("job_title"))
            .col(string_null("audience"))
            .col(uuid_null("region_id"))
            .col(string("language"))
            .col(timestamp_with_time_zone_null("consent_at"))
            .col(string_null("consent_version"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("updated_at"))
            .foreign_key(&mut fk(("people", "region_id"), "regions", false))
            .to_owned(),
        table_with_id("api_tokens")
            .col(uuid("user_id"))
            .col(string("name"))
            .col(string_uniq("token_hash"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone_null("last_used_at"))
            .col(timestamp_with_time_zone_null("revoked_at"))
            .foreign_key(&mut fk(("api_tokens", "user_id"), "users", true))
            .to_owned(),
        table_with_id("web_sessions")
            .col(string_uniq("token_hash"))
            .col(uuid("user_id"))
            .col(string("csrf_token"))
            .col(timestamp_with_time_zone("created_at"))
            .col(timestamp_with_time_zone("expires_at"))
            .foreign_key(&mut fk(("web_sessions", "user_id"), "users", true))
            .to_owned(),
        table_with_id("audit_log")
            .col(timestamp_with_time_zone("at"))
            .col(uuid_null("actor_user_id"))
            .col(string("actor"))
            .col(string("action"))
            .col(string("entity"))
            .col(uuid_null("entity_id"))
            .col(text("details"))
            .to_owned(),
    ];
    create_tables(manager, tables).await?;

    let indexes = [
        index_on("venues", &["region_id"]),
        index_on("programmes", &["created_at"]),
        index_on("courses", &["programme_id"]),
        index_on("courses", &["accreditation_body_id"]),
        index_on("courses", &["modality"]),
        index_on("course_audiences", &["audience", "course_id"]),
        index_on("user_roles", &["role"]),
        index_on("sessions", &["status", "starts_at"]),
        index_on("sessions", &["course_id", "starts_at"]),
        index_on("sessions", &["venue_id"]),
        index_on("session_trainers", &["user_id"]),
        index_on("meetings", &["session_id", "starts_at"]),
        index_on("people", &["region_id"]),
        index_on("api_tokens", &["user_id"]),
        index_on("web_sessions", &["user_id"]),
        index_on("web_sessions", &["expires_at"]),
        index_on("audit_log", &["entity", "entity_id", "at"]),
        index_on("audit_log", &["at"]),
    ];
    create_indexes(manager, indexes).await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        manager,
        &[
            "audit_log",
            "web_sessions",
            "api_tokens",
            "people",
            "meetings",
            "session_trainers",
            "sessions",
            "user_roles",
            "users",
            "course_audiences",
            "courses",
            "programmes",
            "accreditation_bodies",
            "venues",
            "regions",
        ],
    )
    .await
}
