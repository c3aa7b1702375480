//! The dispatcher: takes due rows from the outbox, sends them, marks them.
//!
//! It runs inside `aula serve` and alone as `aula worker`; any number may
//! run against one database (see `aula_storage::outbox` for why a row is
//! never sent by two at once). Each round claims a batch in one short
//! statement and sends outside any transaction, several at a time,
//! recording each outcome right after the server's answer (what arrived
//! during one write goes into the next), and renewing its lease every third
//! of it while it works. On shutdown it finishes the batch in hand and gives
//! back anything still claimed.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use aula_storage::entities::outbox as row;
use aula_storage::{Database, outbox};
use futures::StreamExt;
use tokio::sync::{Notify, mpsc, oneshot, watch};
use uuid::Uuid;

use crate::message::{Sender, build};
use crate::render::{Signer, render};
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
    /// `host/instance/` when the process was given an instance name: a
    /// restart with the same prefix releases the rows of the one it replaces.
    identity: Option<String>,
    wake: Arc<Notify>,
}

/// A message, how its send went, and whom to tell once that is written down.
type Answered = (row::Model, Result<(), SendError>, oneshot::Sender<()>);

/// What one round did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub claimed: usize,
    pub sent: usize,
    pub failed: usize,
    pub retrying: usize,
    /// Claimed after another dispatcher's lease ran out.
    pub taken_over: usize,
}

/// What the dispatchers of this process did since it started, for `/metrics`.
#[derive(Debug, Default)]
pub struct Totals {
    pub sent: AtomicU64,
    pub retried: AtomicU64,
    pub failed: AtomicU64,
    pub taken_over: AtomicU64,
    pub released: AtomicU64,
}

/// This process's totals.
pub static TOTALS: Totals = Totals {
    sent: AtomicU64::new(0),
    retried: AtomicU64::new(0),
    failed: AtomicU64::new(0),
    taken_over: AtomicU64::new(0),
    released: AtomicU64::new(0),
};

fn count(counter: &AtomicU64, n: usize) {
    counter.fetch_add(n as u64, Ordering::Relaxed);
}

/// This machine's name, for worker ids.
fn host() -> String {
    hostname::get()
        .ok()
        .and_then(|h| h.into_string().ok())
        .unwrap_or_else(|| "localhost".to_owned())
}

fn nonce() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_owned()
}

impl Dispatcher {
    pub fn new(db: Database, transport: Arc<Transport>, settings: Settings, wake: Arc<Notify>) -> Self {
        let worker = format!("{}/pid-{}/{}", host(), std::process::id(), nonce());
        Dispatcher {
            db,
            transport,
            settings,
            worker,
            identity: None,
            wake,
        }
    }

    /// Names this dispatcher's place on this host (an `aula serve` or
    /// `aula worker` instance name, unique per host): at start it releases
    /// the rows still held under the same name, whose process it replaces.
    pub fn instance(mut self, name: &str) -> Self {
        let identity = format!("{}/{}/", host(), name);
        self.worker = format!("{identity}{}", nonce());
        self.identity = Some(identity);
        self
    }

    pub fn worker(&self) -> &str {
        &self.worker
    }

    /// Sends rounds until `shutdown` turns true.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(worker = %self.worker, transport = %self.transport.describe(), "mail dispatcher started");
        if let Some(identity) = &self.identity {
            match outbox::release_replaced(&self.db, identity, &self.worker).await {
                Ok(0) => {}
                Ok(released) => {
                    count(&TOTALS.released, released as usize);
                    tracing::info!(released, "released the messages of the dispatcher this one replaces");
                }
                Err(err) => {
                    tracing::warn!(%err, "could not release the messages of the dispatcher this one replaces; their lease will run out")
                }
            }
        }
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

    /// Claims a batch and sends it, recording each outcome as soon as the
    /// server has answered, and renewing the lease while it works.
    ///
    /// Everything runs inside this one future (no spawned task): a process
    /// that dies, or a task that is aborted, stops sending and recording at
    /// the same instant, so what was recorded is what was sent.
    pub async fn round(&self) -> Result<Round, aula_storage::StorageError> {
        let claimed = outbox::claim(&self.db, &self.worker, self.settings.batch, self.settings.lease).await?;
        if claimed.taken_over > 0 {
            count(&TOTALS.taken_over, claimed.taken_over);
            tracing::warn!(
                taken_over = claimed.taken_over,
                "took over messages whose dispatcher's lease ran out"
            );
        }
        let mut round = Round {
            claimed: claimed.rows.len(),
            taken_over: claimed.taken_over,
            ..Round::default()
        };
        if claimed.rows.is_empty() {
            return Ok(round);
        }
        let (outcomes, mut answered) = mpsc::unbounded_channel::<Answered>();
        let sends = async move {
            futures::stream::iter(claimed.rows)
                .for_each_concurrent(self.settings.concurrency.max(1), |message| {
                    let outcomes = &outcomes;
                    async move {
                        let outcome = self.deliver(&message).await;
                        // The slot is freed once the outcome is written down, so sending
                        // never runs ahead of recording: at most `concurrency` messages
                        // are ever sent and not yet recorded (what a crash may repeat).
                        let (recorded, written) = oneshot::channel();
                        if outcomes.send((message, outcome, recorded)).is_ok() {
                            let _ = written.await;
                        }
                    }
                })
                .await;
            // `outcomes` is dropped here: the recorder sees the end.
        };
        let record = async {
            // While one statement runs the next answers gather: each write
            // takes what arrived meanwhile, so the lag is one write.
            let mut unmarked: Vec<Uuid> = Vec::new();
            while let Some(first) = answered.recv().await {
                let mut batch = vec![first];
                while let Ok(next) = answered.try_recv() {
                    batch.push(next);
                }
                self.record(batch, &mut unmarked, &mut round).await;
            }
        };
        let renew = async {
            let every = (self.settings.lease / 3).to_std().unwrap_or(Duration::from_secs(10));
            loop {
                tokio::time::sleep(every).await;
                if let Err(err) = outbox::renew(&self.db, &self.worker, self.settings.lease).await {
                    tracing::warn!(%err, "could not renew the mail lease");
                }
            }
        };
        tokio::select! {
            _ = async { tokio::join!(sends, record) } => {}
            () = renew => {}
        }
        Ok(round)
    }

    /// Writes down what the server answered. A failed write does not stop
    /// the round: the other outcomes are still recorded.
    async fn record(&self, batch: Vec<Answered>, unmarked: &mut Vec<Uuid>, round: &mut Round) {
        let mut written = Vec::with_capacity(batch.len());
        for (message, outcome, recorded) in batch {
            written.push(recorded);
            match outcome {
                Ok(()) => unmarked.push(message.id),
                Err(err) => {
                    let permanent = err.is_permanent();
                    tracing::warn!(id = %message.id, kind = %message.kind, %err, permanent, "message not sent");
                    if let Err(db) =
                        outbox::mark_failed_attempt(&self.db, &self.worker, &message, &err.to_string(), permanent).await
                    {
                        // It stays claimed; when the lease runs out it is tried again.
                        tracing::warn!(id = %message.id, err = %db, "could not record a failed attempt");
                    } else if permanent || message.attempts >= outbox::MAX_ATTEMPTS {
                        round.failed += 1;
                        count(&TOTALS.failed, 1);
                    } else {
                        round.retrying += 1;
                        count(&TOTALS.retried, 1);
                    }
                }
            }
        }
        // Sending waits while the marks cannot be written (the database away
        // for a moment): a few tries before the slots are freed anyway.
        self.mark_sent(unmarked, round).await;
        for pause in [100, 500, 2000] {
            if unmarked.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(pause)).await;
            self.mark_sent(unmarked, round).await;
        }
        for recorded in written {
            let _ = recorded.send(());
        }
    }

    async fn mark_sent(&self, unmarked: &mut Vec<Uuid>, round: &mut Round) {
        if unmarked.is_empty() {
            return;
        }
        match outbox::mark_sent(&self.db, &self.worker, unmarked).await {
            Ok(marked) => {
                round.sent += marked as usize;
                count(&TOTALS.sent, marked as usize);
                unmarked.clear();
            }
            Err(err) => tracing::warn!(%err, waiting = unmarked.len(), "could not mark messages sent; will try again"),
        }
    }

    async fn deliver(&self, message: &row::Model) -> Result<(), SendError> {
        // The organisation's name, sender name and reply-to (issue 17), read
        // as the message leaves, so a change applies to mail still waiting.
        let organisation =
            aula_storage::organisations::get(&self.db, aula_domain::OrganisationId::from_row(message.organisation_id))
                .await
                .map_err(|e| SendError::Transient(format!("organisation: {e}")))?;
        // A row that cannot be rendered or addressed will not get better by waiting.
        let rendered = render(
            message.kind,
            &message.data,
            message.language,
            message.recipient_name.clone(),
            &Signer::of(&organisation),
            &self.settings.base_url,
            &self.settings.domain,
        )
        .map_err(|e| SendError::Permanent(e.to_string()))?;
        let sender = crate::message::sender_of(&self.settings.sender, &organisation);
        let reply_to = message.reply_to.as_deref().or(organisation.reply_to.as_deref());
        let email = build(
            &sender,
            &message.recipient,
            message.recipient_name.as_deref(),
            reply_to,
            &message.message_id,
            rendered,
        )
        .map_err(SendError::Permanent)?;
        self.transport.send(email).await
    }
}
