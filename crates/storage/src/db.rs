//! Connecting to SQLite or PostgreSQL and migrating the schema.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
///
/// On both, a connection comes back to the pool only outside any
/// transaction (see [`left_clean`]).
pub async fn connect(url: &str, schema: Option<&str>) -> Result<Database> {
    open(url, schema, None).await
}

/// [`connect`], with every commit on SQLite failing while `faults` says so.
/// Tests stand it in for a full disk or an I/O error at `COMMIT`: SQLite
/// then rolls the transaction back itself, as it does on those errors.
pub async fn connect_with_faults(url: &str, faults: &CommitFaults) -> Result<Database> {
    open(url, None, Some(faults.clone())).await
}

/// The switch of [`connect_with_faults`]: while on, every `COMMIT` fails.
#[derive(Clone, Debug, Default)]
pub struct CommitFaults(Arc<AtomicBool>);

impl CommitFaults {
    pub fn fail_commits(&self, on: bool) {
        self.0.store(on, Ordering::SeqCst);
    }
}

async fn open(url: &str, schema: Option<&str>, faults: Option<CommitFaults>) -> Result<Database> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(30))
        // sqlx checks every connection as it comes back to the pool (a
        // ping), so checking it again when it is lent is one more round
        // trip for each statement outside a transaction, on the busiest
        // paths, for nothing: only a connection left idle for a while can
        // have died unseen (a server restart, a proxy's idle cut). Those
        // are checked; a connection cut while in use fails its statement,
        // which `aula_app::App::retrying` runs again on another.
        .test_before_acquire_if_idle_for(Duration::from_secs(1));
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
            })
            .map_sqlx_sqlite_pool_opts(move |pool| {
                let pool = pool.after_release(|conn, _| {
                    Box::pin(async move {
                        // A dropped transaction's rollback is queued to the
                        // connection's worker thread: let it run first.
                        sea_orm::sqlx::Connection::ping(&mut *conn).await?;
                        Ok(left_clean::<sea_orm::sqlx::Sqlite>(conn))
                    })
                });
                match faults.clone() {
                    None => pool,
                    Some(faults) => pool.after_connect(move |conn, _| {
                        let faults = faults.clone();
                        Box::pin(async move {
                            // The hook's `false` turns the COMMIT into a ROLLBACK.
                            conn.lock_handle()
                                .await?
                                .set_commit_hook(move || !faults.0.load(Ordering::SeqCst));
                            Ok(())
                        })
                    }),
                }
            });
    } else {
        options.max_connections(16).map_sqlx_postgres_pool_opts(|pool| {
            // A dropped transaction's ROLLBACK is queued and counted off at
            // once; sqlx sends it with the ping that follows.
            pool.after_release(|conn, _| Box::pin(async move { Ok(left_clean::<sea_orm::sqlx::Postgres>(conn)) }))
        });
        if let Some(schema) = schema {
            options.set_schema_search_path(schema.to_owned());
        }
    }
    Ok(sea_orm::Database::connect(options).await?)
}

/// Whether a connection given back to the pool is outside any transaction;
/// if not, the pool closes it (which rolls back what it holds) instead of
/// handing it to the next request.
///
/// Why: when a `COMMIT` fails on SQLite for an I/O error or a full disk,
/// SQLite rolls the transaction back itself. sqlx still counts the
/// transaction as open, and the `ROLLBACK` sea-orm queues when the
/// transaction is dropped fails ("no transaction is active"), which sqlx
/// ignores; so the count stays at one. The next request on that connection
/// then "begins" with a `SAVEPOINT` (not `BEGIN IMMEDIATE`), and after one
/// failed write it is left inside a transaction that never ends: its
/// "commits" only release savepoints, so it answers 201 for rows that never
/// reach the file, and it holds the write lock ("database is locked"
/// everywhere else).
fn left_clean<DB: sea_orm::sqlx::Database>(conn: &DB::Connection) -> bool {
    use sea_orm::sqlx::Connection;
    let inside = conn.is_in_transaction();
    if inside {
        tracing::warn!("a connection came back inside a transaction: closed");
    }
    !inside
}

/// Applies every migration not yet applied.
///
/// Several processes may start at the same moment on one database (a
/// deploy), so the whole run is one transaction that first takes a lock
/// held until it commits: on SQLite the write lock (`BEGIN IMMEDIATE`), on
/// PostgreSQL an advisory lock for this schema. The second process waits,
/// then finds every migration applied. A lock taken on one connection of the
/// pool would not do: the migrations would run on others.
///
/// On SQLite the run takes a connection of its own with foreign keys off,
/// as SQLite's procedure for rebuilding a table requires (issue 17's
/// migration rebuilds the tables organisations own), and checks every
/// foreign key before it commits.
pub async fn migrate(db: &Database) -> Result<()> {
    if db.get_database_backend() == DbBackend::Sqlite {
        use sea_orm::sqlx::sqlite::SqlitePoolOptions;
        let options = (*db.get_sqlite_connection_pool().connect_options())
            .clone()
            .foreign_keys(false);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .map_err(|e| sea_orm::DbErr::Custom(format!("opening the migration's connection: {e}")))?;
        let single = sea_orm::SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
        let result = migrate_on(&single).await;
        let _ = single.close().await;
        return result;
    }
    migrate_on(db).await
}

async fn migrate_on(db: &Database) -> Result<()> {
    let txn = db.begin_write().await?;
    if is_postgres(&txn) {
        txn.execute_unprepared("SELECT pg_advisory_xact_lock(hashtext('aula migrations'), hashtext(current_schema()))")
            .await?;
    }
    Migrator::up(&txn, None).await?;
    if !is_postgres(&txn) {
        let broken = txn
            .query_all_raw(sea_orm::Statement::from_string(
                DbBackend::Sqlite,
                "PRAGMA foreign_key_check",
            ))
            .await?;
        if !broken.is_empty() {
            return Err(
                sea_orm::DbErr::Custom(format!("{} rows break a foreign key after migrating", broken.len())).into(),
            );
        }
    }
    // People who existed before workplace keys (issue 21) get theirs.
    crate::retention::backfill(&txn).await?;
    // Certificates issued before status lists (issue 19) get their place.
    crate::certificates::backfill_status_indexes(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Refreshes the query planner's statistics where the database does not do
/// it alone: SQLite (`ANALYZE`, sampling at most 1,000 rows per index: 61 ms
/// on a 92 MB database). Without them SQLite reads the indicators' rows
/// through the wrong indexes; PostgreSQL's autovacuum keeps its own. Every
/// table, not `PRAGMA optimize`'s choice: it skips a table until it has
/// grown tenfold or so, and a database five times larger than its
/// statistics already planned an organisation's dashboard 1.5 times slower
/// (`aula bench indicators --scale 2 --organisations 10`).
pub async fn optimize(db: &Database) -> Result<()> {
    if db.get_database_backend() == DbBackend::Sqlite {
        db.execute_unprepared("PRAGMA analysis_limit = 1000").await?;
        db.execute_unprepared("ANALYZE").await?;
    }
    Ok(())
}

/// Whether the database takes a write now: `/readyz`. One tiny write
/// transaction rewriting the heartbeat row, given five seconds; a database
/// that answers reads but cannot commit (a full disk, an I/O error, a
/// read-only replica) fails it.
pub async fn ready(db: &Database) -> Result<()> {
    let write = async {
        let txn = db.begin_write().await?;
        txn.execute_unprepared(
            "INSERT INTO heartbeat (id, beaten_at) VALUES (1, CURRENT_TIMESTAMP) \
             ON CONFLICT (id) DO UPDATE SET beaten_at = excluded.beaten_at",
        )
        .await?;
        txn.commit().await
    };
    match tokio::time::timeout(Duration::from_secs(5), write).await {
        Ok(result) => Ok(result?),
        Err(_) => Err(sea_orm::DbErr::Custom("the heartbeat write took over 5 s".to_owned()).into()),
    }
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
