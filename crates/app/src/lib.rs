//! Aula's use cases: the rooms behind the doors.
//!
//! Each thing a person does (register, confirm, cancel, ...) is one function
//! here. It takes an [`App`] and domain values (already parsed by the door:
//! a web form, the JSON API, the command line, a job), opens its own
//! transaction, writes the change, its audit entry and its e-mails (outbox
//! rows) in it, commits, and returns a typed outcome or a typed [`Error`].
//! The doors only parse and render.
//!
//! Invariants:
//! - a use case that writes goes through [`App::write`]: the transaction is
//!   `BEGIN IMMEDIATE` on SQLite, and [`Write::commit`] wakes this process's
//!   mail dispatcher after the commit, so no caller has to remember to (and
//!   nothing is woken for a transaction that rolled back);
//! - nothing here knows HTTP; errors say what went wrong in the domain's
//!   words (`Problem` keys), the doors choose a status code;
//! - a door that gives up on slow requests does it through [`limited`],
//!   which never gives up on one whose commit was sent.

pub mod attendance;
pub mod catalogue;
pub mod certificates;
pub mod imports;
pub mod issuer;
pub mod jobs;
pub mod messages;
pub mod organisations;
pub mod outreach;
pub mod people;
pub mod registrations;
pub mod retention;
pub mod sessions;
pub mod surveys;
pub mod tokens;
pub mod users;

use std::future::Future;
use std::ops::Deref;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use aula_domain::{FieldErrors, Problem};
use aula_mail::MailConfig;
use aula_storage::{Begin, Database, StorageError};
use sea_orm::DatabaseTransaction;

/// What every use case may use: the database, where mail comes from, and
/// the dispatcher's wake-up. Cheap to clone; make one per process and clone
/// it, so that its clones share [`App::write`]'s queue.
#[derive(Clone)]
pub struct App {
    pub db: Database,
    pub mail: Arc<MailConfig>,
    wake: Arc<tokio::sync::Notify>,
    /// SQLite's turn to write, taken in arrival order (see [`App::write`]);
    /// none on PostgreSQL, where writers lock rows, not the database.
    writers: Option<Arc<tokio::sync::Mutex<()>>>,
}

/// How long a use case waits in [`App::write`]'s queue before it tries
/// SQLite's lock without its turn (as long as SQLite's own busy timeout):
/// a queue that does not move is a fault, not a reason to hang.
const TURN_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

tokio::task_local! {
    /// Raised by [`Write::commit`] when it sends its commit, for [`limited`].
    static COMMIT_SENT: Arc<AtomicBool>;
}

/// Runs `request` (a door's handling of one request) for at most `limit`:
/// `None` past it, as if it had never run, unless one of its transactions
/// has sent its commit by then. Dropped before, its transactions roll back
/// and nothing is kept; dropped after, the change may be kept while the
/// door says it timed out, so it runs to its end and its own answer is
/// given (under load, 408s were given for registrations that were kept; a
/// person who tries again is told they are already registered).
/// Calls inside one another share what they know, so an outer limit does
/// not give up on a commit an inner one waits for.
pub async fn limited<F: Future>(limit: Duration, request: F) -> Option<F::Output> {
    let sent = COMMIT_SENT.try_with(Arc::clone).unwrap_or_default();
    let watched = COMMIT_SENT.scope(sent.clone(), request);
    tokio::pin!(watched);
    match tokio::time::timeout(limit, &mut watched).await {
        Ok(output) => Some(output),
        Err(_) if sent.load(Ordering::SeqCst) => Some(watched.await),
        Err(_) => None,
    }
}

impl App {
    pub fn new(db: Database, mail: Arc<MailConfig>, wake: Arc<tokio::sync::Notify>) -> Self {
        let writers = (db.get_database_backend() == sea_orm::DbBackend::Sqlite).then(Default::default);
        App {
            db,
            mail,
            wake,
            writers,
        }
    }

    /// Runs a use case, and once more when its transaction failed for the
    /// database's moment (a terminated backend, a failover, a lost
    /// connection: [`StorageError::is_transient`]) before its commit was
    /// sent. Nothing of the first try was kept, so the second is the same
    /// request on a fresh connection (the pool checks a connection before
    /// lending it); a person sees a 503 only when both fail. A failed commit
    /// is not tried again: it may have been kept.
    pub async fn retrying<T, F, Fut>(&self, mut attempt: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        match attempt().await {
            Err(Error::Storage(err)) if err.is_transient() => {
                tracing::info!(%err, "the database failed before the commit; trying once more");
                attempt().await
            }
            outcome => outcome,
        }
    }

    /// Starts a write transaction whose commit wakes the mail dispatcher.
    ///
    /// On SQLite, which takes one writer at a time, the use cases of this
    /// process first queue for their turn, in arrival order, and hold it
    /// until their transaction ends. Without the queue, writers that find
    /// the database locked sleep in SQLite's busy handler (1, 2, 5, ... up to
    /// 100 ms) and poll: the lock often stands free while they sleep, and
    /// whoever polls at the right moment goes first, so a burst of sign-ups
    /// waits longer than it needs and some wait far longer than others.
    /// Writers outside the use cases (the dispatcher, a door's sign-in
    /// sessions and rate limits, other processes) still wait under SQLite's
    /// busy timeout.
    pub async fn write(&self) -> Result<Write> {
        let turn = match &self.writers {
            Some(writers) => tokio::time::timeout(TURN_TIMEOUT, writers.clone().lock_owned())
                .await
                .ok(),
            None => None,
        };
        Ok(Write {
            txn: self.db.begin_write().await.map_err(StorageError::from)?,
            wake: self.wake.clone(),
            _turn: turn,
        })
    }

    /// Runs `change` (storage's writes of one thing a person does) in a
    /// write transaction of its own, and commits it: for the use cases that
    /// are one storage operation, such as a catalogue edit.
    pub(crate) async fn change<T>(
        &self,
        change: impl AsyncFnOnce(&DatabaseTransaction) -> aula_storage::Result<T>,
    ) -> Result<T> {
        let txn = self.write().await?;
        let done = change(&txn).await?;
        txn.commit().await?;
        Ok(done)
    }
}

/// Refuses, as not found, a record of another organisation than the one
/// `actor` works in (issue 17): staff see and change their organisation's
/// records only. An actor of no organisation (the system, an instance
/// administrator) may act on any.
pub(crate) fn within(actor: &aula_storage::Actor, organisation_id: uuid::Uuid) -> Result<()> {
    match actor.organisation {
        Some(org) if org.uuid() != organisation_id => Err(Error::NotFound),
        _ => Ok(()),
    }
}

/// A write transaction of a use case. Dropped without [`Write::commit`], it
/// rolls back, and its e-mails with it.
pub struct Write {
    txn: DatabaseTransaction,
    wake: Arc<tokio::sync::Notify>,
    /// Given back when the transaction has ended (fields drop in order).
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Write {
    /// Commits, then wakes the dispatcher: the change's e-mails exist now.
    /// A failure here is [`Error::Commit`]: the change may or may not have
    /// been kept, so it is never tried again by [`App::retrying`].
    pub async fn commit(self) -> Result<()> {
        // From here the change may be kept: see `limited`.
        let _ = COMMIT_SENT.try_with(|sent| sent.store(true, Ordering::SeqCst));
        self.txn
            .commit()
            .await
            .map_err(|err| Error::Commit(StorageError::from(err)))?;
        self.wake.notify_one();
        Ok(())
    }

    /// Rolls back (a dry run): nothing of it remains, no e-mail is sent.
    pub async fn rollback(self) -> Result<()> {
        self.txn.rollback().await.map_err(StorageError::from)?;
        Ok(())
    }
}

impl Deref for Write {
    type Target = DatabaseTransaction;

    fn deref(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

/// Why a use case did not happen. The doors map each case to an answer
/// (404, 409, 422, a page...).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// What was asked for does not exist (or is not the asker's to see).
    #[error("not found")]
    NotFound,
    /// The request is understood but the state of things refuses it.
    #[error("conflict: {0}")]
    Conflict(Problem),
    /// The input is refused, field by field.
    #[error("invalid")]
    Invalid(FieldErrors),
    /// What was asked for is there but out of service, for the reason the
    /// problem gives (a suspended organisation's session).
    #[error("gone: {0}")]
    Gone(Problem),
    /// Storage refused the change for a reason of its own (a duplicate, a
    /// row still in use, an existing registration, an expired link: its
    /// `conflict()` names the message), or the database failed.
    #[error("storage: {0}")]
    Storage(StorageError),
    /// The commit failed: whether the change was kept is not known (the
    /// connection may have gone away after the database committed).
    #[error("commit: {0}")]
    Commit(StorageError),
}

impl Error {
    /// The database's failure, whichever step it came from.
    pub fn storage(&self) -> Option<&StorageError> {
        match self {
            Error::Storage(err) | Error::Commit(err) => Some(err),
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<StorageError> for Error {
    fn from(err: StorageError) -> Self {
        match err {
            StorageError::NotFound => Error::NotFound,
            StorageError::Conflict(problem) => Error::Conflict(problem),
            StorageError::Invalid(errors) => Error::Invalid(errors),
            other => Error::Storage(other),
        }
    }
}

impl From<sea_orm::DbErr> for Error {
    fn from(err: sea_orm::DbErr) -> Self {
        StorageError::from(err).into()
    }
}
