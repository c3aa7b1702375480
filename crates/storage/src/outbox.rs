//! The e-mail outbox: every message is a row written by the transaction of
//! the change that caused it, and sent later by a dispatcher.
//!
//! Invariants:
//! - a message whose transaction rolled back does not exist, so is never sent;
//! - a row is sent by one dispatcher at a time: claiming is one atomic
//!   statement (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite runs one
//!   writer at a time), and gives the claimer a lease;
//! - no database lock is held while talking SMTP: claim, commit, send, then
//!   mark in a second statement that only succeeds for the lease holder;
//! - each outcome is recorded as soon as the server answers (see the
//!   dispatcher), so a crash repeats at most the messages in flight;
//! - a lease is short (tens of seconds) and renewed while its holder works:
//!   a dispatcher that dies leaves rows whose lease runs out within that
//!   time; they are taken over and sent again with the same Message-ID (set
//!   once at `enqueue`), so a receiver can recognise the repeat. A restarted
//!   process that knows its predecessor's identity releases its rows at once
//!   ([`release_replaced`]).

use aula_domain::{Email, Language, MailKind, MessageStatus};
use chrono::{DateTime, Duration, Utc};
use sea_orm::QueryTrait;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, Statement,
};
use serde_json::json;
use uuid::Uuid;

use crate::entities::{outbox, session};
use crate::{Actor, Page, Paged, Result, StorageError, audit, new_id, now};

/// After this many attempts a message is `failed` and waits for a person.
pub const MAX_ATTEMPTS: i32 = 8;

/// A message to queue.
#[derive(Clone, Debug)]
pub struct NewMessage {
    /// The organisation the message is sent for (its session's or person's).
    pub organisation_id: Uuid,
    pub kind: MailKind,
    pub recipient: Email,
    pub recipient_name: Option<String>,
    pub language: Language,
    pub data: serde_json::Value,
    pub session_id: Option<Uuid>,
    pub reply_to: Option<String>,
    /// When to send; `None` is now.
    pub due_at: Option<DateTime<Utc>>,
    /// Queue at most one message with this key (a scheduled reminder).
    pub dedupe_key: Option<String>,
}

/// Writes a message to the outbox in the caller's transaction. With a
/// `dedupe_key` already queued, nothing is added: the unique index decides
/// (`ON CONFLICT DO NOTHING`), in the insert itself, so a reminder costs
/// one statement and two transactions queuing the same key cannot both win.
pub async fn enqueue(conn: &impl ConnectionTrait, message: &NewMessage, domain: &str) -> Result<Option<outbox::Model>> {
    let id = new_id();
    let at = now();
    let row = outbox::ActiveModel {
        id: Set(id),
        organisation_id: Set(message.organisation_id),
        kind: Set(message.kind),
        recipient: Set(message.recipient.as_str().to_owned()),
        recipient_name: Set(message.recipient_name.clone()),
        language: Set(message.language),
        data: Set(message.data.to_string()),
        session_id: Set(message.session_id),
        reply_to: Set(message.reply_to.clone()),
        status: Set(MessageStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(message.due_at.unwrap_or(at)),
        claimed_until: Set(None),
        claimed_by: Set(None),
        last_error: Set(None),
        // Stable for the row's whole life: a retry after an unknown outcome
        // carries the same Message-ID.
        message_id: Set(format!("<{}@{}>", id.simple(), domain)),
        dedupe_key: Set(message.dedupe_key.clone()),
        created_at: Set(at),
        sent_at: Set(None),
    };
    // `_many`: its `RETURNING` may come back empty (the conflict), where
    // the single-row form reports an error.
    let inserted = outbox::Entity::insert(row)
        .on_conflict_do_nothing_on([outbox::Column::DedupeKey])
        .exec_with_returning_many(conn)
        .await?;
    Ok(match inserted {
        sea_orm::TryInsertResult::Inserted(mut rows) => rows.pop(),
        sea_orm::TryInsertResult::Conflicted | sea_orm::TryInsertResult::Empty => None,
    })
}

/// Drops the "starts soon" reminders still waiting for sessions that have
/// started: a reminder is due its lead time before the first meeting, so
/// one whose moment passed by more than its lead time would arrive after
/// the start (mail stopped for a while, the dispatcher catching up). The
/// claim never takes one; this marks it `dropped`, with the reason, for the
/// outbox page (a scheduled job, `aula_app::jobs::tick`). Returns how many.
pub async fn drop_late_reminders(conn: &impl ConnectionTrait) -> Result<u64> {
    // Scoped, as in `release`: `ExprTrait` would shadow `Ord::min` elsewhere.
    use sea_orm::sea_query::ExprTrait as _;
    let at = now();
    // Correlated, so that only the due reminders' sessions are looked at,
    // not every session of the past.
    let started = session::Entity::find()
        .select_only()
        .column(session::Column::Id)
        .filter(Expr::col((session::Entity, session::Column::Id)).equals((outbox::Entity, outbox::Column::SessionId)))
        .filter(session::Column::StartsAt.lte(at))
        .into_query();
    let result = outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value(MessageStatus::Dropped))
        .col_expr(
            outbox::Column::LastError,
            Expr::value("not sent: the session had already started"),
        )
        .filter(outbox::Column::Kind.eq(MailKind::Reminder))
        .filter(outbox::Column::Status.eq(MessageStatus::Pending))
        .filter(outbox::Column::NextAttemptAt.lte(at))
        .filter(Expr::exists(started))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}

/// What a claim took.
#[derive(Debug, Default)]
pub struct Claimed {
    pub rows: Vec<outbox::Model>,
    /// How many of them another dispatcher held until its lease ran out.
    pub taken_over: usize,
}

/// Claims up to `limit` due messages for `worker`, for `lease`: first those
/// whose holder's lease ran out (a dispatcher that died), then pending ones.
pub async fn claim(conn: &impl ConnectionTrait, worker: &str, limit: u64, lease: Duration) -> Result<Claimed> {
    let at = now();
    // The previous holder is kept in `last_error`, for the outbox page.
    let taken = claim_where(
        conn,
        worker,
        "status = 'sending' AND claimed_until < {at}",
        "'lease ran out: ' || COALESCE(claimed_by, '')",
        at,
        limit,
        lease,
    )
    .await?;
    let taken_over = taken.len();
    let mut rows = taken;
    let rest = limit.saturating_sub(taken_over as u64);
    if rest > 0 {
        rows.extend(
            claim_where(
                conn,
                worker,
                // A reminder whose session has started is never sent
                // (`drop_late_reminders` marks it), even if it became due
                // between that round's drop and this claim.
                "status = 'pending' AND next_attempt_at <= {at} AND NOT (kind = 'reminder' AND EXISTS \
                 (SELECT 1 FROM sessions WHERE sessions.id = outbox.session_id AND sessions.starts_at <= {at}))",
                "last_error",
                at,
                rest,
                lease,
            )
            .await?,
        );
    }
    Ok(Claimed { rows, taken_over })
}

/// One claiming statement: `due` picks the rows (`{at}`, as often as
/// needed, is now), `error` is the new `last_error`.
async fn claim_where(
    conn: &impl ConnectionTrait,
    worker: &str,
    due: &str,
    error: &str,
    at: DateTime<Utc>,
    limit: u64,
    lease: Duration,
) -> Result<Vec<outbox::Model>> {
    let backend = conn.get_database_backend();
    let statement = match backend {
        DbBackend::Postgres => Statement::from_sql_and_values(
            backend,
            format!(
                "UPDATE outbox SET status = 'sending', claimed_by = $1, claimed_until = $2, \
                 attempts = attempts + 1, last_error = {error} \
                 WHERE id IN (SELECT id FROM outbox WHERE {} \
                     ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) \
                 RETURNING *",
                due.replace("{at}", "$3")
            ),
            [worker.into(), (at + lease).into(), at.into(), (limit as i64).into()],
        ),
        _ => {
            // SQLite's `?` are positional: `now` once for each `{at}`.
            let mut values = vec![worker.into(), (at + lease).into()];
            values.extend(due.matches("{at}").map(|_| at.into()));
            values.push((limit as i64).into());
            Statement::from_sql_and_values(
                backend,
                format!(
                    "UPDATE outbox SET status = 'sending', claimed_by = ?, claimed_until = ?, \
                     attempts = attempts + 1, last_error = {error} \
                     WHERE id IN (SELECT id FROM outbox WHERE {} \
                         ORDER BY next_attempt_at LIMIT ?) \
                     RETURNING *",
                    due.replace("{at}", "?")
                ),
                values,
            )
        }
    };
    Ok(outbox::Model::find_by_statement(statement).all(conn).await?)
}

/// Extends the lease on every row `worker` holds: it is still working on them.
pub async fn renew(conn: &impl ConnectionTrait, worker: &str, lease: Duration) -> Result<u64> {
    let result = outbox::Entity::update_many()
        .col_expr(outbox::Column::ClaimedUntil, Expr::value(now() + lease))
        .filter(outbox::Column::ClaimedBy.eq(worker))
        .filter(outbox::Column::Status.eq(MessageStatus::Sending))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}

/// Gives back, due at once, the rows held by earlier dispatchers whose
/// worker id starts with `identity` (this host and instance) other than
/// `worker`: the process they ran in is gone, since this one replaced it.
/// Their attempts are kept: the message may have reached the server.
pub async fn release_replaced(conn: &impl ConnectionTrait, identity: &str, worker: &str) -> Result<u64> {
    let backend = conn.get_database_backend();
    let (sql, values): (&str, Vec<sea_orm::Value>) = match backend {
        DbBackend::Postgres => (
            "UPDATE outbox SET status = 'pending', claimed_until = NULL, next_attempt_at = $1, \
             last_error = 'released: its dispatcher was restarted' \
             WHERE status = 'sending' AND substr(claimed_by, 1, $2) = $3 AND claimed_by <> $4",
            vec![
                now().into(),
                (identity.chars().count() as i32).into(),
                identity.into(),
                worker.into(),
            ],
        ),
        _ => (
            "UPDATE outbox SET status = 'pending', claimed_until = NULL, next_attempt_at = ?, \
             last_error = 'released: its dispatcher was restarted' \
             WHERE status = 'sending' AND substr(claimed_by, 1, ?) = ? AND claimed_by <> ?",
            vec![
                now().into(),
                (identity.chars().count() as i32).into(),
                identity.into(),
                worker.into(),
            ],
        ),
    };
    let result = conn
        .execute_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    Ok(result.rows_affected())
}

/// Marks messages sent, if `worker` still holds them.
pub async fn mark_sent(conn: &impl ConnectionTrait, worker: &str, ids: &[Uuid]) -> Result<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    let result = outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value(MessageStatus::Sent))
        .col_expr(outbox::Column::SentAt, Expr::value(now()))
        .col_expr(outbox::Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(outbox::Column::LastError, Expr::value(Option::<String>::None))
        .filter(outbox::Column::Id.is_in(ids.to_vec()))
        .filter(outbox::Column::ClaimedBy.eq(worker))
        .filter(outbox::Column::Status.eq(MessageStatus::Sending))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}

/// A send failed: try again later with exponential backoff and jitter, or,
/// when `permanent` or out of attempts, mark it `failed`.
pub async fn mark_failed_attempt(
    conn: &impl ConnectionTrait,
    worker: &str,
    message: &outbox::Model,
    error: &str,
    permanent: bool,
) -> Result<()> {
    let give_up = permanent || message.attempts >= MAX_ATTEMPTS;
    let next = now() + backoff(message.attempts);
    let error: String = error.chars().take(1000).collect();
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::Status,
            Expr::value(if give_up {
                MessageStatus::Failed
            } else {
                MessageStatus::Pending
            }),
        )
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(next))
        .col_expr(outbox::Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(outbox::Column::LastError, Expr::value(error))
        .filter(outbox::Column::Id.eq(message.id))
        .filter(outbox::Column::ClaimedBy.eq(worker))
        .filter(outbox::Column::Status.eq(MessageStatus::Sending))
        .exec(conn)
        .await?;
    Ok(())
}

/// 30 s, 1 min, 2 min, ... up to 6 h, each ±25 % so that retries after an
/// outage do not all arrive at once.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = attempts.clamp(1, 20) as u32 - 1;
    let base = (30i64 << exponent.min(10)).min(6 * 3600);
    let jitter = rand::random_range(-0.25..=0.25);
    Duration::milliseconds(((base as f64) * (1.0 + jitter) * 1000.0) as i64)
}

/// Gives back the rows `worker` holds (at shutdown), due at once.
pub async fn release(conn: &impl ConnectionTrait, worker: &str) -> Result<u64> {
    // Scoped: `ExprTrait` is implemented for every type and would shadow `Ord::min`.
    use sea_orm::sea_query::ExprTrait as _;
    let result = outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value(MessageStatus::Pending))
        .col_expr(outbox::Column::ClaimedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(outbox::Column::Attempts, Expr::col(outbox::Column::Attempts).sub(1))
        .filter(outbox::Column::ClaimedBy.eq(worker))
        .filter(outbox::Column::Status.eq(MessageStatus::Sending))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}

#[derive(Clone, Debug, Default)]
pub struct OutboxFilter {
    /// Only this organisation's messages; staff lists always set it.
    pub organisation: Option<aula_domain::OrganisationId>,
    pub status: Option<MessageStatus>,
    pub kind: Option<MailKind>,
    pub session_id: Option<Uuid>,
}

/// Newest first.
pub async fn list(conn: &impl ConnectionTrait, filter: &OutboxFilter, page: Page) -> Result<Paged<outbox::Model>> {
    let mut query = outbox::Entity::find()
        .order_by_desc(outbox::Column::CreatedAt)
        .order_by_desc(outbox::Column::Id);
    if let Some(org) = filter.organisation {
        query = query.filter(outbox::Column::OrganisationId.eq(org.uuid()));
    }
    if let Some(s) = filter.status {
        query = query.filter(outbox::Column::Status.eq(s));
    }
    if let Some(k) = filter.kind {
        query = query.filter(outbox::Column::Kind.eq(k));
    }
    if let Some(id) = filter.session_id {
        query = query.filter(outbox::Column::SessionId.eq(id));
    }
    let total = query.clone().count(conn).await?;
    let items = query.offset(page.offset()).limit(page.per_page).all(conn).await?;
    Ok(Paged { items, page, total })
}

/// One of `org`'s messages; another organisation's is not found.
pub async fn get_in(conn: &impl ConnectionTrait, org: aula_domain::OrganisationId, id: Uuid) -> Result<outbox::Model> {
    outbox::Entity::find_by_id(id)
        .filter(outbox::Column::OrganisationId.eq(org.uuid()))
        .one(conn)
        .await?
        .ok_or(StorageError::NotFound)
}

pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<outbox::Model> {
    outbox::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(StorageError::NotFound)
}

/// Sends a failed message again, now.
pub async fn retry(conn: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> Result<outbox::Model> {
    let row = get(conn, id).await?;
    if row.status != MessageStatus::Failed {
        return Err(StorageError::Conflict(aula_domain::Problem::new(
            "error-outbox-not-failed",
        )));
    }
    let mut model: outbox::ActiveModel = row.into();
    model.status = Set(MessageStatus::Pending);
    model.attempts = Set(0);
    model.next_attempt_at = Set(now());
    model.claimed_by = Set(None);
    let row = model.update(conn).await?;
    audit::record(
        conn,
        actor,
        "retry",
        "outbox",
        Some(id),
        json!({"recipient": row.recipient}),
    )
    .await?;
    Ok(row)
}

/// Drops queued messages not sent yet whose dedupe key is `key`, or `key`
/// followed by `:` and more (a cancelled registration's reminders, one per
/// date the session had).
pub async fn cancel_pending(conn: &impl ConnectionTrait, key: &str) -> Result<()> {
    outbox::Entity::delete_many()
        .filter(
            sea_orm::Condition::any()
                .add(outbox::Column::DedupeKey.eq(key))
                .add(outbox::Column::DedupeKey.starts_with(format!("{key}:"))),
        )
        .filter(outbox::Column::Status.eq(MessageStatus::Pending))
        .exec(conn)
        .await?;
    Ok(())
}

#[derive(Debug, FromQueryResult)]
struct StatusCount {
    status: MessageStatus,
    count: i64,
}

/// How many messages are in each status: the outbox's depth for `/metrics`.
pub async fn depth(conn: &impl ConnectionTrait) -> Result<Vec<(MessageStatus, i64)>> {
    let rows = outbox::Entity::find()
        .select_only()
        .column(outbox::Column::Status)
        .column_as(outbox::Column::Id.count(), "count")
        .group_by(outbox::Column::Status)
        .into_model::<StatusCount>()
        .all(conn)
        .await?;
    Ok(rows.into_iter().map(|r| (r.status, r.count)).collect())
}

/// The messages of `kind` for a session that are not sent yet.
fn pending_for_session(kind: MailKind, session_id: Uuid) -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(outbox::Column::Kind.eq(kind))
        .add(outbox::Column::SessionId.eq(session_id))
        .add(outbox::Column::Status.eq(MessageStatus::Pending))
}

/// The pending messages of `kind` for a session (its reminders, to be
/// written again when it changes).
pub async fn pending_of_session(
    conn: &impl ConnectionTrait,
    kind: MailKind,
    session_id: Uuid,
) -> Result<Vec<outbox::Model>> {
    Ok(outbox::Entity::find()
        .filter(pending_for_session(kind, session_id))
        .all(conn)
        .await?)
}

/// Writes a pending message's data again and moves it to `due_at`, under
/// the dedupe key `key` (a reminder's names its date); one already being
/// sent is left as it is. The caller has checked that no other row holds
/// `key` ([`key_taken`]).
pub async fn rewrite_pending(
    conn: &impl ConnectionTrait,
    id: Uuid,
    data: String,
    due_at: DateTime<Utc>,
    key: Option<String>,
) -> Result<()> {
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Data, Expr::value(data))
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(due_at))
        .col_expr(outbox::Column::DedupeKey, Expr::value(key))
        .filter(outbox::Column::Id.eq(id))
        .filter(outbox::Column::Status.eq(MessageStatus::Pending))
        .exec(conn)
        .await?;
    Ok(())
}

/// Whether a message other than `id` holds the dedupe key `key`, sent or not.
pub async fn key_taken(conn: &impl ConnectionTrait, key: &str, id: Uuid) -> Result<bool> {
    Ok(outbox::Entity::find()
        .filter(outbox::Column::DedupeKey.eq(key))
        .filter(outbox::Column::Id.ne(id))
        .one(conn)
        .await?
        .is_some())
}

/// Drops one message not sent yet.
pub async fn drop_pending(conn: &impl ConnectionTrait, id: Uuid) -> Result<()> {
    outbox::Entity::delete_many()
        .filter(outbox::Column::Id.eq(id))
        .filter(outbox::Column::Status.eq(MessageStatus::Pending))
        .exec(conn)
        .await?;
    Ok(())
}

/// The kinds of message whose calendar invites to a session's meetings as
/// they were when queued: one left waiting (a retry after a failure) and
/// sent after a later change, cancellation or cancelled place put back the
/// events those took off (session 31's attack round).
/// (Reminders have their own rules: moved with the session, deleted with it.)
pub const INVITATIONS: [MailKind; 2] = [MailKind::RegistrationConfirmed, MailKind::SessionChanged];

/// Drops the session's pending invitations ([`INVITATIONS`]), all of them,
/// or those to `recipient`: the session is cancelled, or their place is.
pub async fn drop_pending_invitations(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    recipient: Option<&str>,
) -> Result<u64> {
    drop_pending_of_session(conn, session_id, &INVITATIONS, recipient).await
}

/// Marks the session's pending messages of `kinds` (to `recipient`, if
/// given) `dropped`: the outbox shows they were not sent, and why not is
/// the change that superseded them. Their dedupe keys are let go, so a
/// later message may take them.
pub async fn drop_pending_of_session(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    kinds: &[MailKind],
    recipient: Option<&str>,
) -> Result<u64> {
    let mut rows = outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value(MessageStatus::Dropped.as_str()))
        .col_expr(outbox::Column::DedupeKey, Expr::value(Option::<String>::None))
        .filter(outbox::Column::SessionId.eq(session_id))
        .filter(outbox::Column::Kind.is_in(kinds.iter().copied()))
        .filter(outbox::Column::Status.eq(MessageStatus::Pending));
    if let Some(recipient) = recipient {
        rows = rows.filter(outbox::Column::Recipient.eq(recipient));
    }
    Ok(rows.exec(conn).await?.rows_affected)
}

/// Drops the pending messages of `kind` for a session (the reminders of a
/// cancelled session).
pub async fn cancel_pending_for_session(conn: &impl ConnectionTrait, kind: MailKind, session_id: Uuid) -> Result<u64> {
    let result = outbox::Entity::delete_many()
        .filter(pending_for_session(kind, session_id))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}

/// How long the oldest message that is due and not yet sent has been due:
/// for `/metrics`, `None` when nothing waits.
pub async fn oldest_due_age(conn: &impl ConnectionTrait) -> Result<Option<Duration>> {
    let at = now();
    let oldest = outbox::Entity::find()
        .filter(outbox::Column::Status.is_in([MessageStatus::Pending, MessageStatus::Sending]))
        .filter(outbox::Column::NextAttemptAt.lte(at))
        .order_by_asc(outbox::Column::NextAttemptAt)
        .one(conn)
        .await?;
    Ok(oldest.map(|row| at - row.next_attempt_at))
}

/// Messages still `sending` after their holder's lease ran out: its
/// dispatcher died or lost the database; the next round takes them over.
pub async fn stuck(
    conn: &impl ConnectionTrait,
    org: aula_domain::OrganisationId,
    limit: u64,
) -> Result<Vec<outbox::Model>> {
    Ok(outbox::Entity::find()
        .filter(outbox::Column::OrganisationId.eq(org.uuid()))
        .filter(outbox::Column::Status.eq(MessageStatus::Sending))
        .filter(outbox::Column::ClaimedUntil.lt(now()))
        .order_by_asc(outbox::Column::ClaimedUntil)
        .limit(limit)
        .all(conn)
        .await?)
}
