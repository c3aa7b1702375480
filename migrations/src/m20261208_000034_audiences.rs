//! Audiences as the instance's own list (issue 20): the six built-in codes
//! stay as they were, and an admin adds others (newly arrived people,
//! social workers) with their names in the languages they write. People,
//! courses, outreach activities and figures keep storing the code.
//!
//! An audience is retired rather than deleted once anything uses it: it is
//! no longer offered, and what was recorded with it keeps its name.
//!
//! On PostgreSQL the columns a code is written to refer to the list by
//! foreign keys, so a code is on the list whatever writes it, and an audience
//! deleted while a transaction writes it cannot be left behind. SQLite runs
//! one write transaction at a time: storage's check before each write
//! (`audiences::require`) is enough there, and adding a key would mean
//! rebuilding those tables.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

use crate::statements::{create_tables, drop_tables, migration};

migration!();

const BUILT_IN: [&str; 6] = [
    "public_servant",
    "union_delegate",
    "elected_official",
    "mediator",
    "civil_society",
    "other",
];

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let audiences = Table::create()
        .table("audiences")
        .col(string("code").primary_key())
        // JSON, `{"fr": …, "en": …}`; none for the built-in ones, whose
        // words are the catalogue's own in every language.
        .col(json_null("names"))
        .col(integer("position"))
        .col(boolean("retired").default(false))
        .to_owned();
    create_tables(manager, [audiences]).await?;
    for (position, code) in BUILT_IN.iter().enumerate() {
        let insert = Query::insert()
            .into_table("audiences")
            .columns(["code", "position", "retired"])
            .values_panic([
                (*code).into(),
                <i32 as TryFrom<usize>>::try_from(position).expect("six").into(),
                false.into(),
            ])
            .to_owned();
        manager.exec_stmt(insert).await?;
    }
    if manager.get_database_backend() == DatabaseBackend::Postgres {
        for (table, column) in HOLDERS {
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    "ALTER TABLE {table} ADD CONSTRAINT fk_{table}_{column} \
                     FOREIGN KEY ({column}) REFERENCES audiences (code)"
                ))
                .await?;
        }
    }
    Ok(())
}

/// The columns an audience's code is written to. (The facts copy people's
/// in the same transaction, by triggers: a key there would only add a
/// check, and a shared lock on the audience's row, to every registration.)
const HOLDERS: [(&str, &str); 3] = [
    ("people", "audience"),
    ("course_audiences", "audience"),
    ("outreach_activities", "audience"),
];

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    if manager.get_database_backend() == DatabaseBackend::Postgres {
        for (table, column) in HOLDERS {
            manager
                .get_connection()
                .execute_unprepared(&format!(
                    "ALTER TABLE {table} DROP CONSTRAINT IF EXISTS fk_{table}_{column}"
                ))
                .await?;
        }
    }
    drop_tables(manager, &["audiences"]).await
}
