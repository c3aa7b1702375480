//! People without e-mail (issue 20): newly arrived people, walk-ins. An
//! organiser registers them with another contact or none; `people.email`
//! becomes nullable. The unique index on (organisation, e-mail) stays: both
//! databases let any number of rows have no address.
//!
//! PostgreSQL drops the constraint in place. SQLite cannot alter a column,
//! so `people` is rebuilt the way its documentation says (a new table, the
//! rows copied, the old one dropped, the new one renamed, its indexes made
//! again). Its triggers (the indicators' facts, migration 27) and any other
//! table's triggers that read `people` are dropped first and made again
//! last: a rename checks every trigger, and one that reads a table just
//! dropped would fail it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

use crate::statements::migration;

migration!();

/// How `people.email` is declared before (and after `down`).
const REQUIRED: &str = "\"email\" varchar NOT NULL";
const OPTIONAL: &str = "\"email\" varchar NULL";

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    match manager.get_database_backend() {
        DbBackend::Sqlite => rebuild_people(manager, REQUIRED, OPTIONAL).await,
        _ => {
            manager
                .get_connection()
                .execute_unprepared("ALTER TABLE people ALTER COLUMN email DROP NOT NULL")
                .await?;
            Ok(())
        }
    }
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    let without = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COUNT(*) AS n FROM people WHERE email IS NULL",
        ))
        .await?
        .map(|row| row.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0);
    if without > 0 {
        return Err(DbErr::Migration(format!(
            "people without e-mail cannot be undone: {without} people have no address"
        )));
    }
    match backend {
        DbBackend::Sqlite => rebuild_people(manager, OPTIONAL, REQUIRED).await,
        _ => {
            db.execute_unprepared("ALTER TABLE people ALTER COLUMN email SET NOT NULL")
                .await?;
            Ok(())
        }
    }
}

/// SQLite: `people` made again with its e-mail declared `to` instead of
/// `from`, its rows, indexes and triggers kept.
async fn rebuild_people(manager: &SchemaManager<'_>, from: &str, to: &str) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let read = |sql: &str| Statement::from_string(DbBackend::Sqlite, sql.to_owned());
    // Dropping `people` with foreign keys on would delete what refers to it.
    let foreign_keys = db
        .query_one_raw(read("PRAGMA foreign_keys"))
        .await?
        .map(|row| row.try_get_by_index::<i32>(0))
        .transpose()?;
    if foreign_keys != Some(0) {
        return Err(DbErr::Migration(
            "people without e-mail: run with foreign keys off on SQLite (aula_storage::db::migrate does)".into(),
        ));
    }
    let table: String = db
        .query_one_raw(read(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'people'",
        ))
        .await?
        .ok_or_else(|| DbErr::Migration("no table people".into()))?
        .try_get("", "sql")?;
    if table.matches(from).count() != 1 {
        return Err(DbErr::Migration(format!(
            "people's definition is not one this migration knows: {table}"
        )));
    }
    let create = ["CREATE TABLE IF NOT EXISTS \"people\"", "CREATE TABLE \"people\""]
        .into_iter()
        .find(|c| table.starts_with(c))
        .ok_or_else(|| DbErr::Migration(format!("people's definition starts unexpectedly: {table}")))?;
    let new_table = table
        .replacen(create, "CREATE TABLE \"people_new\"", 1)
        .replacen(from, to, 1);
    let mut indexes = Vec::new();
    for row in db
        .query_all_raw(read(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'people' AND sql IS NOT NULL",
        ))
        .await?
    {
        indexes.push(row.try_get::<String>("", "sql")?);
    }
    // Every trigger: those on `people` go with the table, and any other may
    // read it. Dropped first, made again last, in the order they were made.
    let mut triggers = Vec::new();
    for row in db
        .query_all_raw(read(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid",
        ))
        .await?
    {
        triggers.push((row.try_get::<String>("", "name")?, row.try_get::<String>("", "sql")?));
    }
    for (name, _) in &triggers {
        db.execute_unprepared(&format!("DROP TRIGGER \"{name}\"")).await?;
    }
    db.execute_unprepared(&new_table).await?;
    db.execute_unprepared("INSERT INTO \"people_new\" SELECT * FROM \"people\"")
        .await?;
    db.execute_unprepared("DROP TABLE \"people\"").await?;
    db.execute_unprepared("ALTER TABLE \"people_new\" RENAME TO \"people\"")
        .await?;
    for sql in indexes.iter().chain(triggers.iter().map(|(_, sql)| sql)) {
        db.execute_unprepared(sql).await?;
    }
    Ok(())
}
