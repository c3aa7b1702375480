//! Organisations (issue 17): several on one instance.
//!
//! `organisations` holds the tenants; `organisation_members` who works in
//! each, with which role (organiser, trainer). `user_roles` stays: its
//! `admin` means a platform administrator (users, regions, organisations)
//! and `accreditor` a staff member of an accrediting body, shared by the
//! instance; its organiser and trainer rows are copied into the first
//! organisation's memberships.
//!
//! The root tables an organisation owns gain `organisation_id`: programmes,
//! courses, sessions, people, survey templates, API tokens and the outbox
//! (NOT NULL), and the audit log (NULL for a platform-wide action). A
//! staff member's web session remembers the organisation they chose. The
//! rest (registrations, meetings, attendance, surveys, certificates, import
//! drafts, report aliases) reach their organisation through their session.
//! People's e-mail is unique per organisation: the same address at two
//! organisations is two people.
//!
//! The upgrade makes the existing database ONE organisation, owning every
//! row: its slug, name and time zone come from `AULA_ORGANISATION_SLUG`
//! (default `aula`), `AULA_ORGANISATION_NAME` (default `Aula`) and
//! `AULA_ORGANISATION_TIME_ZONE` (default `UTC`) when the migration runs.
//!
//! On SQLite a column cannot be added NOT NULL without a default, nor a
//! column-level UNIQUE dropped: each owned table is rebuilt (SQLite's
//! procedure: a new table with the column, the rows copied, the old one
//! dropped, the new one renamed, its indexes made again), which needs
//! foreign keys off; `aula_storage::db::migrate` runs the migrations so on
//! SQLite and checks every foreign key before committing. On PostgreSQL
//! the column is added with the first organisation as default, which is
//! then dropped.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables whose every row belongs to one organisation.
const OWNED: &[&str] = &[
    "programmes",
    "courses",
    "sessions",
    "people",
    "survey_templates",
    "api_tokens",
    "outbox",
];

/// What names the first organisation, from the environment.
struct First {
    id: uuid::Uuid,
    slug: String,
    name: String,
    time_zone: String,
}

impl First {
    fn from_env() -> Result<Self, DbErr> {
        let var = |name: &str, default: &str| {
            std::env::var(name)
                .ok()
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| default.to_owned())
        };
        let slug = var("AULA_ORGANISATION_SLUG", "aula");
        // The same rule as `aula_domain::OrganisationSlug` (which this crate
        // cannot name), without the reserved words the CLI checks first.
        let ok = (2..=40).contains(&slug.len())
            && slug
                .split('-')
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        if !ok {
            return Err(DbErr::Migration(format!(
                "AULA_ORGANISATION_SLUG {slug:?}: lower-case letters, digits and single hyphens, 2 to 40"
            )));
        }
        Ok(First {
            id: uuid::Uuid::now_v7(),
            slug,
            name: var("AULA_ORGANISATION_NAME", "Aula"),
            time_zone: var("AULA_ORGANISATION_TIME_ZONE", "UTC"),
        })
    }
}

/// A text as an SQL literal.
fn text_literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn uuid_literal(backend: DbBackend, id: uuid::Uuid) -> String {
    match backend {
        // sqlx stores a UUID as its 16 bytes on SQLite.
        DbBackend::Sqlite => format!("X'{}'", id.simple()),
        _ => format!("'{id}'"),
    }
}

fn organisations_table() -> TableCreateStatement {
    Table::create()
        .table("organisations")
        .col(pk_uuid("id"))
        .col(string_uniq("slug"))
        .col(string("name"))
        .col(string("time_zone"))
        // The languages its pages offer, codes separated by commas.
        .col(string("languages"))
        .col(string_null("contact_email"))
        .col(string_null("mail_sender_name"))
        .col(string_null("reply_to"))
        .col(string("status").default("active"))
        // A network this organisation is a member of (later work).
        .col(uuid_null("network_id"))
        .col(timestamp_with_time_zone("created_at"))
        .foreign_key(
            ForeignKey::create()
                .name("fk_organisations_network_id")
                .from("organisations", "network_id")
                .to("organisations", "id"),
        )
        .to_owned()
}

fn members_table() -> TableCreateStatement {
    Table::create()
        .table("organisation_members")
        .col(uuid("organisation_id"))
        .col(uuid("user_id"))
        .col(string("role"))
        .primary_key(Index::create().col("organisation_id").col("user_id").col("role"))
        .foreign_key(
            ForeignKey::create()
                .name("fk_organisation_members_organisation_id")
                .from("organisation_members", "organisation_id")
                .to("organisations", "id")
                .on_delete(ForeignKeyAction::Cascade),
        )
        .foreign_key(
            ForeignKey::create()
                .name("fk_organisation_members_user_id")
                .from("organisation_members", "user_id")
                .to("users", "id")
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

/// A table's definition and indexes, as SQLite keeps them.
struct SqliteTable {
    sql: String,
    indexes: Vec<String>,
}

/// The statements of the upgrade, in order, for `backend`; on SQLite,
/// `tables` holds the current definitions of the [`OWNED`] tables.
fn statements(backend: DbBackend, first: &First, tables: &[SqliteTable]) -> Result<Vec<String>, DbErr> {
    let org = uuid_literal(backend, first.id);
    let now = match backend {
        DbBackend::Sqlite => "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')",
        _ => "now()",
    };
    let mut out = vec![
        backend.build(&organisations_table()).sql,
        backend.build(&members_table()).sql,
        backend
            .build(
                Index::create()
                    .name("ix_organisation_members_user_id")
                    .table("organisation_members")
                    .col("user_id"),
            )
            .sql,
    ];
    out.push(format!(
        "INSERT INTO organisations (id, slug, name, time_zone, languages, status, created_at) \
         VALUES ({org}, {}, {}, {}, 'fr,es,en,ar', 'active', {now})",
        text_literal(&first.slug),
        text_literal(&first.name),
        text_literal(&first.time_zone),
    ));
    out.push(format!(
        "INSERT INTO organisation_members (organisation_id, user_id, role) \
         SELECT {org}, user_id, role FROM user_roles WHERE role IN ('organiser', 'trainer')"
    ));
    for (i, table) in OWNED.iter().enumerate() {
        match backend {
            DbBackend::Sqlite => out.extend(rebuild(table, &tables[i], &org)?),
            _ => {
                out.push(format!(
                    "ALTER TABLE {table} ADD COLUMN organisation_id uuid NOT NULL DEFAULT {org} \
                     CONSTRAINT fk_{table}_organisation_id REFERENCES organisations (id)"
                ));
                out.push(format!("ALTER TABLE {table} ALTER COLUMN organisation_id DROP DEFAULT"));
            }
        }
        if *table != "people" {
            out.push(format!(
                "CREATE INDEX ix_{table}_organisation_id ON {table} (organisation_id)"
            ));
        }
    }
    if backend != DbBackend::Sqlite {
        out.push("ALTER TABLE people DROP CONSTRAINT people_email_key".into());
    }
    // The same address at two organisations is two people.
    out.push("CREATE UNIQUE INDEX ux_people_organisation_id_email ON people (organisation_id, email)".into());
    // The audit log: NULL is a platform-wide action (an organisation made).
    let uuid_type = if backend == DbBackend::Sqlite {
        "uuid_text"
    } else {
        "uuid"
    };
    out.push(format!(
        "ALTER TABLE audit_log ADD COLUMN organisation_id {uuid_type} NULL \
         CONSTRAINT fk_audit_log_organisation_id REFERENCES organisations (id)"
    ));
    out.push(format!("UPDATE audit_log SET organisation_id = {org}"));
    out.push("CREATE INDEX ix_audit_log_organisation_id_at ON audit_log (organisation_id, at)".into());
    // The organisation a signed-in staff member chose to work in.
    out.push(format!(
        "ALTER TABLE web_sessions ADD COLUMN organisation_id {uuid_type} NULL \
         CONSTRAINT fk_web_sessions_organisation_id REFERENCES organisations (id) ON DELETE SET NULL"
    ));
    Ok(out)
}

/// SQLite: `table` rebuilt with `organisation_id` (NOT NULL, no default,
/// referring to its organisation) as its last column, every row owned by
/// `org`; `people`'s e-mail loses its instance-wide UNIQUE.
fn rebuild(table: &str, current: &SqliteTable, org: &str) -> Result<Vec<String>, DbErr> {
    let unknown = || {
        DbErr::Migration(format!(
            "{table}'s definition is not one this migration knows: {}",
            current.sql
        ))
    };
    // sea-query writes `CREATE TABLE IF NOT EXISTS "t" (`; SQLite keeps it.
    let create = [
        format!("CREATE TABLE IF NOT EXISTS \"{table}\""),
        format!("CREATE TABLE \"{table}\""),
    ]
    .into_iter()
    .find(|c| current.sql.starts_with(c.as_str()))
    .ok_or_else(unknown)?;
    let mut body = current.sql.trim_end().strip_suffix(')').ok_or_else(unknown)?.replacen(
        &create,
        &format!("CREATE TABLE \"{table}_new\""),
        1,
    );
    if table == "people" {
        let unique_email = "\"email\" varchar NOT NULL UNIQUE";
        if !body.contains(unique_email) {
            return Err(unknown());
        }
        body = body.replacen(unique_email, "\"email\" varchar NOT NULL", 1);
    }
    // The new column is the last column: before the table's constraints.
    let column = format!(
        ", \"organisation_id\" uuid_text NOT NULL \
         CONSTRAINT \"fk_{table}_organisation_id\" REFERENCES \"organisations\" (\"id\")"
    );
    let constraints = [
        ", FOREIGN KEY",
        ", PRIMARY KEY (",
        ", UNIQUE (",
        ", CONSTRAINT",
        ", CHECK",
    ]
    .iter()
    .filter_map(|c| body.find(c))
    .min()
    .unwrap_or(body.len());
    body.insert_str(constraints, &column);
    let mut out = vec![
        format!("{body})"),
        format!("INSERT INTO \"{table}_new\" SELECT *, {org} FROM \"{table}\""),
        format!("DROP TABLE \"{table}\""),
        format!("ALTER TABLE \"{table}_new\" RENAME TO \"{table}\""),
    ];
    out.extend(current.indexes.iter().cloned());
    Ok(out)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let first = First::from_env()?;
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let mut tables = Vec::new();
        if backend == DbBackend::Sqlite {
            let read = |sql: String| Statement::from_string(backend, sql);
            let foreign_keys = db
                .query_one_raw(read("PRAGMA foreign_keys".into()))
                .await?
                .map(|row| row.try_get_by_index::<i32>(0))
                .transpose()?;
            if foreign_keys != Some(0) {
                return Err(DbErr::Migration(
                    "organisations: run with foreign keys off on SQLite (aula_storage::db::migrate does)".into(),
                ));
            }
            for table in OWNED {
                let row = db
                    .query_one_raw(read(format!(
                        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
                    )))
                    .await?
                    .ok_or_else(|| DbErr::Migration(format!("no table {table}")))?;
                let mut indexes = Vec::new();
                for index in db
                    .query_all_raw(read(format!(
                        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' \
                         AND sql IS NOT NULL ORDER BY name"
                    )))
                    .await?
                {
                    indexes.push(index.try_get::<String>("", "sql")?);
                }
                tables.push(SqliteTable {
                    sql: row.try_get("", "sql")?,
                    indexes,
                });
            }
        }
        for sql in statements(backend, &first, &tables)? {
            db.execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "organisations cannot be undone: people of two organisations may share an e-mail".into(),
        ))
    }
}
