//! Work that time makes due rather than a request: opening a session's
//! survey when its last meeting has ended, sending survey reminders,
//! forgetting ended rate-limit windows and old sign-in links, and marking the "starts soon"
//! reminders of started sessions dropped, and erasing personal data past
//! its retention period; and, every hour, the query planner's statistics.
//! Run every minute by `aula serve`
//! and `aula worker`; each step is idempotent and claims its rows with
//! conditional updates, so several processes may run it at once.

use std::time::Duration;

use aula_storage::surveys::{self, Invitees};
use aula_storage::{person_sessions, rate_limits, sessions};
use chrono::Utc;
use tokio::sync::watch;

use crate::{App, Result};

/// One round of due work; returns how many e-mails it queued. Each
/// transaction's commit wakes the dispatcher. Each step runs whatever the
/// ones before it came to: one that fails (another process opening the
/// same survey, a busy database) is logged and tried again next round, and
/// the round's first failure is returned once every step has run (session
/// 25's review: a failing survey starved retention and completions).
pub async fn tick(app: &App) -> Result<usize> {
    let now = Utc::now();
    let mut round = Round::default();
    // A session that cannot be read (a value Aula does not know in its row)
    // fails this step, not the round.
    let due = surveys::sessions_due(&app.db, now).await.map_err(Into::into);
    let due = round.step_to("finding surveys due", due).unwrap_or_default();
    for session_id in due {
        let opened = async {
            let txn = app.write().await?;
            // Another process may have opened it meanwhile: `invite` then adds nobody twice.
            let invited =
                crate::surveys::invite(&*txn, &app.mail, session_id, None, Invitees::Participants, None).await?;
            txn.commit().await?;
            Ok(invited)
        };
        round.step("opening a survey", opened.await);
    }
    let reminded = async {
        let txn = app.write().await?;
        let due = surveys::due_reminders(&*txn, &app.mail.link_key, now).await?;
        for (survey, invited) in &due {
            let record = sessions::get(&*txn, survey.session_id).await?;
            aula_mail::notify::survey_invitation(&*txn, &app.mail, &record, invited, survey.closes_at, true).await?;
        }
        txn.commit().await?;
        Ok(due.len())
    };
    round.step("survey reminders", reminded.await);
    // Survey answers waiting in groups large enough, or at the close (issue 21).
    round.step(
        "publishing answers",
        crate::surveys::publish_due(app, now).await.map(|_| 0),
    );
    // Housekeeping.
    round.step(
        "forgetting ended rate-limit windows",
        rate_limits::sweep(&app.db).await.map(|_| 0).map_err(Into::into),
    );
    round.step(
        "forgetting old sign-in links",
        person_sessions::sweep(&app.db).await.map(|_| 0).map_err(Into::into),
    );
    // Personal data past its retention period (issue 21).
    let expired = async {
        let periods = crate::retention::periods(app).await?;
        crate::retention::expire(app, now, &periods).await?;
        Ok(0)
    };
    round.step("retention", expired.await);
    // The claim never takes them; marking them here says why on the
    // outbox page, without a write in every round of the dispatcher.
    match aula_storage::outbox::drop_late_reminders(&app.db).await {
        Ok(0) => {}
        Ok(dropped) => tracing::info!(dropped, "dropped reminders of sessions that had started"),
        Err(err) => round.step("dropping late reminders", Err(err.into())),
    }
    // Sessions whose attendance is closed complete by themselves (issue 20).
    round.step(
        "completing sessions",
        crate::sessions::complete_when_attendance_closed(app, now)
            .await
            .map(|_| 0),
    );
    round.done()
}

/// What one round came to: the e-mails queued, and its first failure.
#[derive(Default)]
struct Round {
    queued: usize,
    failed: Option<crate::Error>,
}

impl Round {
    fn step(&mut self, what: &'static str, outcome: Result<usize>) {
        if let Some(queued) = self.step_to(what, outcome) {
            self.queued += queued;
        }
    }

    /// What a step came to, or `None` once its failure is kept.
    fn step_to<T>(&mut self, what: &'static str, outcome: Result<T>) -> Option<T> {
        match outcome {
            Ok(value) => Some(value),
            Err(err) => {
                tracing::warn!(%err, step = what, "scheduled work failed; will try again");
                self.failed.get_or_insert(err);
                None
            }
        }
    }

    fn done(self) -> Result<usize> {
        match self.failed {
            Some(err) => Err(err),
            None => Ok(self.queued),
        }
    }
}

/// How often the query planner's statistics are refreshed. SQLite keeps
/// those `aula serve` computed at its start: an instance that grows from one
/// organisation to a hundred while it runs would go on planning its
/// indicators for the small database, reading every organisation's rows to
/// count one's (issue 17). Connections read them when they open, and the
/// pool renews its connections every 30 minutes.
const STATISTICS_EVERY: Duration = Duration::from_secs(3600);

/// Runs [`tick`] every `every` until `shutdown` turns true.
pub async fn run(app: App, every: Duration, mut shutdown: watch::Receiver<bool>) {
    let mut statistics = tokio::time::Instant::now();
    loop {
        if let Err(err) = tick(&app).await {
            tracing::warn!(%err, "scheduled work failed; will try again");
        }
        if statistics.elapsed() >= STATISTICS_EVERY {
            statistics = tokio::time::Instant::now();
            if let Err(err) = aula_storage::db::optimize(&app.db).await {
                tracing::warn!(%err, "refreshing the planner's statistics failed; will try again");
            }
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
