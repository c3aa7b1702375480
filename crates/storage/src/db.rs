//! Connecting to SQLite or PostgreSQL and migrating the schema.

use std::time::Duration;

use aula_migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, DatabaseConnection, DbBackend};

use crate::Result;

pub type Database = DatabaseConnection;

/// Opens a pool on `url` (`sqlite://...` or `postgres://...`).
///
/// SQLite gets write-ahead logging (readers never wait for the writer),
/// foreign keys (off by default there), `synchronous=FULL` (an acknowledged
/// write survives a power cut) and a busy timeout, so concurrent writers wait
/// their turn instead of failing. `schema` puts a PostgreSQL connection in its
/// own schema (tests use one each).
pub async fn connect(url: &str, schema: Option<&str>) -> Result<Database> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(30));
    if url.starts_with("sqlite:") {
        options
            .max_connections(8)
            .min_connections(1)
            .map_sqlx_sqlite_opts(|opts| {
                use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
                opts.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(30))
            });
    } else {
        options.max_connections(16);
        if let Some(schema) = schema {
            options.set_schema_search_path(schema.to_owned());
        }
    }
    Ok(sea_orm::Database::connect(options).await?)
}

/// Applies every migration not yet applied.
pub async fn migrate(db: &Database) -> Result<()> {
    Migrator::up(db, None).await?;
    Ok(())
}

/// Refreshes the query planner's statistics where the database does not do
/// it alone: SQLite (`PRAGMA optimize`, sampling at most 1,000 rows per
/// index). Without them SQLite reads the indicators' rows through the wrong
/// indexes; PostgreSQL's autovacuum keeps its own.
pub async fn optimize(db: &Database) -> Result<()> {
    if db.get_database_backend() == DbBackend::Sqlite {
        db.execute_unprepared("PRAGMA analysis_limit = 1000").await?;
        db.execute_unprepared("PRAGMA optimize = 0x10002").await?;
    }
    Ok(())
}

/// Whether the database answers: `/healthz`.
pub async fn ping(db: &Database) -> Result<()> {
    db.ping().await?;
    Ok(())
}

pub fn is_postgres(conn: &impl ConnectionTrait) -> bool {
    conn.get_database_backend() == DbBackend::Postgres
}

/// Starts a transaction that will write.
///
/// On SQLite a write transaction must say so at `BEGIN` (`IMMEDIATE`): a
/// transaction that reads first and writes later cannot wait for another
/// writer (SQLite answers "busy" at once rather than risk a deadlock), while
/// `BEGIN IMMEDIATE` waits its turn under the busy timeout. On PostgreSQL it
/// is a plain `BEGIN`; inside a transaction, a savepoint.
pub trait Begin: ConnectionTrait {
    fn begin_write(
        &self,
    ) -> impl std::future::Future<Output = std::result::Result<sea_orm::DatabaseTransaction, sea_orm::DbErr>> + Send;
}

impl Begin for sea_orm::DatabaseConnection {
    async fn begin_write(&self) -> std::result::Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
        use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
        self.begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        })
        .await
    }
}

impl Begin for sea_orm::DatabaseTransaction {
    async fn begin_write(&self) -> std::result::Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
        sea_orm::TransactionTrait::begin(self).await
    }
}
