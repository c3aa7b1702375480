//! Aula's storage: sea-orm entities and the repositories over them.
//!
//! Invariants kept here:
//! - Every function takes `&impl ConnectionTrait`, so the same function runs on
//!   the pool or inside a caller's transaction. A change of several rows opens
//!   one transaction (`conn.begin()`), so it is all written or not at all.
//! - Every change made on someone's behalf writes an audit entry in the same
//!   transaction (`audit::record`).
//! - Queries that grow with the data are paginated ([`Page`]) and indexed (the
//!   migrations name the index beside each list they serve).
//! - The same SQL runs on SQLite and PostgreSQL: queries are built with
//!   sea-query, never written per backend, except where noted.

pub mod attendance;
pub mod audiences;
pub mod audit;
pub mod bodies;
pub mod certificates;
pub mod courses;
pub mod db;
pub mod entities;
mod error;
pub mod facilitators;
pub mod imports;
pub mod indicators;
pub mod issuer;
pub mod keys;
pub mod organisations;
pub mod outbox;
pub mod outreach;
pub mod page;
pub mod people;
pub mod person_sessions;
pub mod programmes;
pub mod rate_limits;
pub mod regions;
pub mod registrations;
pub mod report_aliases;
pub mod retention;
pub mod secrets;
pub mod sessions;
pub mod surveys;
pub mod tokens;
pub mod users;
pub mod web_sessions;

pub use audit::Actor;
pub use db::{Begin, Database, connect};
pub use error::StorageError;
pub use page::{Page, Paged};
pub use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, TransactionTrait};

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

/// Now, to the microsecond: both databases keep microseconds, so a value
/// read back equals the value written.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::{SubsecRound, Utc};
    Utc::now().trunc_subsecs(6)
}

/// How a transaction holds a row until it ends.
#[derive(Clone, Copy)]
pub(crate) enum Hold {
    /// Against every other hold and update of the row (a count read then written).
    Update,
    /// As an update does: against other updates, not against rows that
    /// only refer to it (a registration of the session).
    NoKeyUpdate,
}

/// Holds row `id` of `table` until the transaction ends, on PostgreSQL, so
/// that transactions working on the same record take turns. SQLite's write
/// transactions already run one at a time. `table` is one of ours, never
/// a user's words.
pub(crate) async fn hold_row(
    conn: &impl ConnectionTrait,
    table: &'static str,
    id: uuid::Uuid,
    hold: Hold,
) -> Result<()> {
    if conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        let mode = match hold {
            Hold::Update => "UPDATE",
            Hold::NoKeyUpdate => "NO KEY UPDATE",
        };
        conn.execute_raw(sea_orm::Statement::from_sql_and_values(
            sea_orm::DbBackend::Postgres,
            format!("SELECT id FROM {table} WHERE id = $1 FOR {mode}"),
            [id.into()],
        ))
        .await?;
    }
    Ok(())
}

/// The one row `query` finds; none is [`StorageError::NotFound`], which the
/// doors answer with 404: a missing row is the asker's mistake, not the
/// database's failure.
pub(crate) async fn found<E: sea_orm::EntityTrait>(
    conn: &impl ConnectionTrait,
    query: sea_orm::Select<E>,
) -> Result<E::Model> {
    query.one(conn).await?.ok_or(StorageError::NotFound)
}

/// The rows whose `id_column` is one of `ids`, by that id (`id` reads it):
/// what a list of records refers to, in one query.
pub(crate) async fn by_id<C>(
    conn: &impl ConnectionTrait,
    id_column: C,
    ids: Vec<uuid::Uuid>,
    id: impl Fn(&<C::EntityName as sea_orm::EntityTrait>::Model) -> uuid::Uuid,
) -> Result<std::collections::HashMap<uuid::Uuid, <C::EntityName as sea_orm::EntityTrait>::Model>>
where
    C: sea_orm::ColumnTrait,
    C::EntityName: sea_orm::EntityTrait,
{
    use sea_orm::{EntityTrait, QueryFilter};
    Ok(C::EntityName::find()
        .filter(id_column.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|row| (id(&row), row))
        .collect())
}

/// Replaces the rows `owned` selects with `rows`: how a record's list (a
/// course's audiences, a session's trainers, a user's roles) is written.
pub(crate) async fn replace_rows<A: sea_orm::ActiveModelTrait>(
    conn: &impl ConnectionTrait,
    owned: impl sea_orm::sea_query::IntoCondition,
    rows: impl IntoIterator<Item = A>,
) -> Result<()> {
    use sea_orm::{EntityTrait, QueryFilter};
    A::Entity::delete_many().filter(owned).exec(conn).await?;
    let rows: Vec<A> = rows.into_iter().collect();
    if !rows.is_empty() {
        A::Entity::insert_many(rows).exec(conn).await?;
    }
    Ok(())
}

/// Which programmes or courses a list or a picker offers (issue 20): the
/// live ones, with the archived ones too where the asker says so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Archived {
    /// Live ones only: what lists show by default and pickers offer.
    #[default]
    Hidden,
    /// Live ones, and this archived one: a picker on a record already
    /// linked to it keeps offering what the record holds.
    Keeping(Option<uuid::Uuid>),
    /// Every one: staff lists' "show archived", and the figures' filters,
    /// which report on archived programmes as on any other.
    Shown,
}

impl Archived {
    /// `Shown` when `shown`, else `Hidden`: a list's query parameter.
    pub fn shown(shown: bool) -> Self {
        if shown { Archived::Shown } else { Archived::Hidden }
    }

    /// The condition on a table's `archived_at` and `id` columns.
    pub(crate) fn condition(
        self,
        archived_at: impl sea_orm::ColumnTrait,
        id: impl sea_orm::ColumnTrait,
    ) -> sea_orm::Condition {
        use sea_orm::Condition;
        match self {
            Archived::Hidden | Archived::Keeping(None) => Condition::all().add(archived_at.is_null()),
            Archived::Keeping(Some(kept)) => Condition::any().add(archived_at.is_null()).add(id.eq(kept)),
            Archived::Shown => Condition::all(),
        }
    }
}

/// A new row id: UUIDv7, so ids sort by creation time and index well.
pub fn new_id() -> uuid::Uuid {
    uuid::Uuid::now_v7()
}
