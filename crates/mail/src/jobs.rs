//! Work that time makes due rather than a request: opening a session's
//! survey when its last meeting has ended, sending survey reminders, and
//! forgetting ended rate-limit windows. Run every minute by `aula serve`
//! and `aula worker`; each step is idempotent and claims its rows with
//! conditional updates, so several processes may run it at once.

use std::time::Duration;

use aula_storage::surveys::{self, Invitees};
use aula_storage::{Begin, Database, rate_limits, sessions};
use chrono::Utc;
use sea_orm::ConnectionTrait;
use tokio::sync::{Notify, watch};
use uuid::Uuid;

use crate::MailConfig;
use crate::notify;

/// Opens the session's survey (if not open yet) and invites those of
/// `invitees` not invited yet, queuing their e-mails in the caller's
/// transaction. Returns how many were invited.
pub async fn open_survey(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    session_id: Uuid,
    template_id: Option<Uuid>,
    invitees: Invitees,
) -> aula_storage::Result<usize> {
    let record = sessions::get(conn, session_id).await?;
    let (survey, invited) =
        surveys::open(conn, &config.link_key, session_id, template_id, invitees, Utc::now()).await?;
    for one in &invited {
        notify::survey_invitation(conn, config, &record, one, survey.closes_at, false).await?;
    }
    Ok(invited.len())
}

/// One round of due work; returns how many e-mails it queued.
pub async fn tick(db: &Database, config: &MailConfig) -> aula_storage::Result<usize> {
    let now = Utc::now();
    let mut queued = 0;
    for session_id in surveys::sessions_due(db, now).await? {
        let txn = db.begin_write().await?;
        // Another process may have opened it meanwhile: `open` then adds nobody twice.
        queued += open_survey(&txn, config, session_id, None, Invitees::Participants).await?;
        txn.commit().await?;
    }
    let txn = db.begin_write().await?;
    let due = surveys::due_reminders(&txn, &config.link_key, now).await?;
    for (survey, invited) in &due {
        let record = sessions::get(&txn, survey.session_id).await?;
        notify::survey_invitation(&txn, config, &record, invited, survey.closes_at, true).await?;
    }
    txn.commit().await?;
    queued += due.len();
    rate_limits::sweep(db).await?;
    Ok(queued)
}

/// Runs [`tick`] every `every` until `shutdown` turns true, waking the mail
/// dispatcher when a round queued messages.
pub async fn run(
    db: Database,
    config: MailConfig,
    wake: std::sync::Arc<Notify>,
    every: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        match tick(&db, &config).await {
            Ok(queued) if queued > 0 => wake.notify_one(),
            Ok(_) => {}
            Err(err) => tracing::warn!(%err, "scheduled work failed; will try again"),
        }
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
}
