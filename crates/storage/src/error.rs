//! What can go wrong in storage, in terms the web layer can answer with.

use aula_domain::{FieldErrors, Problem};
use sea_orm::{DbErr, SqlErr};

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The record asked for does not exist (or is not visible to the asker).
    #[error("not found")]
    NotFound,
    /// A unique rule met a row that already exists: another request made it
    /// first (callers that can, run again and find it) or a code is taken.
    #[error("conflict: a duplicate")]
    Duplicate,
    /// Another row still refers to the one the change would remove.
    #[error("conflict: in use")]
    InUse,
    /// The person already holds a live registration for the session.
    #[error("conflict: already registered")]
    AlreadyRegistered,
    /// The confirmation link's time ran out before it was used.
    #[error("conflict: confirmation expired")]
    ConfirmExpired,
    /// The session changed (cancelled, new dates) while a registration took
    /// its place: callers judge it again on the session as it now is.
    #[error("conflict: the session changed meanwhile")]
    SessionChanged,
    /// The state of things refuses the change; the key names the message.
    /// Cases code must tell apart have a variant of their own above.
    #[error("conflict: {0}")]
    Conflict(Problem),
    /// The change is refused for its content, field by field.
    #[error("invalid: {0}")]
    Invalid(FieldErrors),
    /// The database failed; nothing the user did.
    #[error("database: {0}")]
    Db(DbErr),
}

impl From<DbErr> for StorageError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => StorageError::Duplicate,
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => StorageError::InUse,
            _ => StorageError::Db(err),
        }
    }
}

impl From<FieldErrors> for StorageError {
    fn from(errors: FieldErrors) -> Self {
        StorageError::Invalid(errors)
    }
}

impl StorageError {
    /// The message of a refused change (answered 409 by the doors), or
    /// `None` when the error is not a conflict.
    pub fn conflict(&self) -> Option<Problem> {
        match self {
            StorageError::Duplicate => Some(Problem::new("error-duplicate")),
            StorageError::InUse => Some(Problem::new("error-in-use")),
            StorageError::AlreadyRegistered => Some(Problem::new("error-already-registered")),
            StorageError::ConfirmExpired => Some(Problem::new("error-confirm-expired")),
            StorageError::SessionChanged => Some(Problem::new("error-session-changed")),
            StorageError::Conflict(problem) => Some(problem.clone()),
            StorageError::NotFound | StorageError::Invalid(_) | StorageError::Db(_) => None,
        }
    }

    pub fn invalid(field: &str, key: &'static str) -> Self {
        StorageError::Invalid(FieldErrors::single(field, Problem::new(key)))
    }

    /// A write's error, where a value already taken (a unique code, an
    /// e-mail) is `field`'s problem `key` rather than a conflict.
    pub fn taken(err: DbErr, field: &str, key: &'static str) -> Self {
        match StorageError::from(err) {
            StorageError::Duplicate => StorageError::invalid(field, key),
            other => other,
        }
    }
}

impl StorageError {
    /// Whether the failure is the database's moment, not the request's: the
    /// connection was lost (a restart, a failover, a terminated backend),
    /// the pool had no connection to give, or the database was busy or
    /// refused a write for now. Trying again later may well succeed, so the
    /// answer is "try again" (503), not "something broke" (500).
    pub fn is_transient(&self) -> bool {
        let StorageError::Db(err) = self else {
            return false;
        };
        match err {
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
            DbErr::Exec(sea_orm::RuntimeErr::SqlxError(e)) | DbErr::Query(sea_orm::RuntimeErr::SqlxError(e)) => {
                transient_sqlx(e)
            }
            _ => false,
        }
    }
}

fn transient_sqlx(err: &sea_orm::sqlx::Error) -> bool {
    use sea_orm::sqlx::Error;
    match err {
        Error::Io(_) | Error::PoolTimedOut | Error::PoolClosed | Error::WorkerCrashed | Error::Protocol(_) => true,
        Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            // PostgreSQL: class 08 (connection exception), 57P01-57P03
            // (admin shutdown, crash shutdown, cannot connect now), 40001
            // and 40P01 (serialization failure, deadlock: the transaction
            // may be run again). SQLite: 5 busy, 6 locked, 10 I/O error,
            // 13 full, and their extended codes (low byte).
            if code.starts_with("08") || code.starts_with("57P") || code == "40001" || code == "40P01" {
                return true;
            }
            code.parse::<i64>().is_ok_and(|n| matches!(n & 0xff, 5 | 6 | 10 | 13))
        }
        _ => false,
    }
}
