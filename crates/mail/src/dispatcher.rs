//! The dispatcher: takes due rows from the outbox, sends them, marks them.
//!
//! It runs inside `aula serve` and alone as `aula worker`; any number may
//! run against one database (see `aula_storage::outbox` for why a row is
//! never sent by two at once). Each round claims a batch in one short
//! statement, sends outside any transaction, several at a time, then
//! records the outcomes. On shutdown it finishes the batch in hand and
//! gives back anything still claimed.

use std::sync::Arc;
use std::time::Duration;

use aula_domain::Language;
use aula_storage::entities::outbox as row;
use aula_storage::{Database, outbox};
use futures::StreamExt;
use tokio::sync::{Notify, watch};

use crate::message::{Sender, build};
use crate::render::render;
use crate::transport::{SendError, Transport};

#[derive(Clone)]
pub struct Settings {
    pub sender: Sender,
    /// Links in messages start with this.
    pub base_url: String,
    /// The right-hand side of Message-IDs and calendar UIDs.
    pub domain: String,
    /// Rows claimed per round.
    pub batch: u64,
    /// Messages in flight at once.
    pub concurrency: usize,
    /// How long a claim holds before another dispatcher may take the row.
    pub lease: chrono::Duration,
    /// How long to wait when nothing is due (a `Notify` wakes it sooner).
    pub idle: Duration,
}

pub struct Dispatcher {
    db: Database,
    transport: Arc<Transport>,
    settings: Settings,
    worker: String,
    wake: Arc<Notify>,
}

/// What one round did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub claimed: usize,
    pub sent: usize,
    pub failed: usize,
    pub retrying: usize,
}

impl Dispatcher {
    pub fn new(db: Database, transport: Arc<Transport>, settings: Settings, wake: Arc<Notify>) -> Self {
        let worker = format!("{}-{}", std::process::id(), uuid::Uuid::new_v4().simple());
        Dispatcher {
            db,
            transport,
            settings,
            worker,
            wake,
        }
    }

    pub fn worker(&self) -> &str {
        &self.worker
    }

    /// Sends rounds until `shutdown` turns true.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(worker = %self.worker, transport = %self.transport.describe(), "mail dispatcher started");
        loop {
            if *shutdown.borrow() {
                break;
            }
            match self.round().await {
                Ok(round) if round.claimed > 0 => {
                    tracing::debug!(?round, "mail round");
                    continue;
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(%err, "mail round failed; will try again"),
            }
            tokio::select! {
                _ = tokio::time::sleep(self.settings.idle) => {}
                _ = self.wake.notified() => {}
                _ = shutdown.changed() => {}
            }
        }
        match outbox::release(&self.db, &self.worker).await {
            Ok(released) => tracing::info!(released, "mail dispatcher stopped"),
            Err(err) => tracing::warn!(%err, "mail dispatcher could not release its rows; their lease will run out"),
        }
    }

    /// Claims a batch, sends it, records the outcomes.
    pub async fn round(&self) -> Result<Round, aula_storage::StorageError> {
        let rows = outbox::claim(&self.db, &self.worker, self.settings.batch, self.settings.lease).await?;
        let mut round = Round {
            claimed: rows.len(),
            ..Round::default()
        };
        let outcomes: Vec<(row::Model, Result<(), SendError>)> = futures::stream::iter(rows)
            .map(|message| async move {
                let outcome = self.deliver(&message).await;
                (message, outcome)
            })
            .buffer_unordered(self.settings.concurrency.max(1))
            .collect()
            .await;
        let mut sent = Vec::new();
        for (message, outcome) in outcomes {
            match outcome {
                Ok(()) => sent.push(message.id),
                Err(err) => {
                    let permanent = err.is_permanent();
                    tracing::warn!(id = %message.id, kind = %message.kind, %err, permanent, "message not sent");
                    outbox::mark_failed_attempt(&self.db, &self.worker, &message, &err.to_string(), permanent).await?;
                    if permanent || message.attempts >= outbox::MAX_ATTEMPTS {
                        round.failed += 1;
                    } else {
                        round.retrying += 1;
                    }
                }
            }
        }
        round.sent = outbox::mark_sent(&self.db, &self.worker, &sent).await? as usize;
        Ok(round)
    }

    async fn deliver(&self, message: &row::Model) -> Result<(), SendError> {
        let language = Language::parse(&message.language).unwrap_or_default();
        // A row that cannot be rendered or addressed will not get better by waiting.
        let rendered = render(
            &message.kind,
            &message.data,
            language,
            message.recipient_name.clone(),
            &self.settings.base_url,
            &self.settings.domain,
        )
        .map_err(|e| SendError::Permanent(e.to_string()))?;
        let email = build(
            &self.settings.sender,
            &message.recipient,
            message.recipient_name.as_deref(),
            message.reply_to.as_deref(),
            &message.message_id,
            rendered,
        )
        .map_err(SendError::Permanent)?;
        self.transport.send(email).await
    }
}
