//! What can go wrong in storage, in terms the web layer can answer with.

use aula_domain::{FieldErrors, Problem};
use sea_orm::{DbErr, SqlErr};

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The record asked for does not exist (or is not visible to the asker).
    #[error("not found")]
    NotFound,
    /// The change would break a uniqueness rule; the key names the message.
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
            Some(SqlErr::UniqueConstraintViolation(_)) => StorageError::Conflict(Problem::new("error-duplicate")),
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => StorageError::Conflict(Problem::new("error-in-use")),
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
    pub fn invalid(field: &str, key: &'static str) -> Self {
        StorageError::Invalid(FieldErrors::single(field, Problem::new(key)))
    }
}
