//! Personal data over its whole life (issue 21): erasing a person, at the
//! request of an organiser or administrator (with a reason), or of the
//! person themselves from "my trainings" once they follow the link e-mailed
//! to them. What is erased and what is kept is `aula_storage::retention`'s
//! concern; here each door is one transaction with its audit entry, which
//! names nobody: the person's id, who asked, the reason, and counts.

use aula_domain::FieldErrors;
use aula_domain::retention::{RetentionCategory, RetentionPeriods};
use aula_domain::text::Text;
use aula_storage::entities::person;
use aula_storage::retention::{self, Erased};
use aula_storage::{Actor, audit, people, registrations, sessions};
use uuid::Uuid;

use crate::{App, Error, Result};

/// Who asked for an erasure.
#[derive(Clone, Debug)]
pub enum ErasedBy {
    /// An organiser or administrator, with their reason.
    Staff { actor: Actor, reason: String },
    /// The person, by the link e-mailed to them.
    Themselves,
}

/// A reason for an erasure, as staff type it: required, at most 500 characters.
pub fn parse_reason(reason: &str) -> Result<String, FieldErrors> {
    Text::<500, true>::parse(reason)
        .map(|r| r.as_str().to_owned())
        .map_err(|problem| FieldErrors::single("reason", problem))
}

/// Erases the person (see `aula_storage::retention::erase`); `certificates`:
/// withdraw theirs too. One transaction with its audit entry, tried once
/// more on a deadlock: it holds the person, then their sessions' rows,
/// where a file's import or a confirmation may hold them the other way.
pub async fn erase(app: &App, person_id: Uuid, by: &ErasedBy, certificates: bool) -> Result<Erased> {
    let erased = app
        .retrying(|| async {
            let txn = app.write().await?;
            let erased = erase_in(&*txn, app, person_id, certificates, chrono::Utc::now()).await?;
            let (actor, reason) = match by {
                ErasedBy::Staff { actor, reason } => (actor.clone(), Some(reason.as_str())),
                ErasedBy::Themselves => (Actor::system("the person"), None),
            };
            audit::record(
                &*txn,
                &actor,
                "person.erased",
                "person",
                Some(person_id),
                serde_json::json!({"reason": reason, "at_their_request": reason.is_none(), "erased": erased}),
            )
            .await?;
            txn.commit().await?;
            Ok(erased)
        })
        .await?;
    tracing::info!(?erased, "erased a person");
    Ok(erased)
}

/// Erases the person in the caller's transaction. Their places in sessions
/// not started at `now` are given up first, so the seat goes to the next person
/// waiting (told by e-mail, in the same transaction): an erased person will
/// not come, and a seat held by nobody is lost to everyone else. The person
/// is claimed before their places are looked for: looked for first, a
/// registration committed in between kept its seat for someone erased
/// (issue 16's race round, on PostgreSQL).
async fn erase_in(
    txn: &impl sea_orm::ConnectionTrait,
    app: &App,
    person_id: Uuid,
    certificates: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Erased> {
    let person = retention::claim(txn, person_id).await?;
    for registration in registrations::live_before_start(txn, person_id, now).await? {
        let cancelled = registrations::cancel(txn, registration.id, None).await?;
        if !cancelled.promoted.is_empty() {
            let record = sessions::get(txn, registration.session_id).await?;
            aula_mail::notify::promoted(txn, &app.mail, &record, &cancelled.promoted).await?;
        }
    }
    Ok(retention::erase(txn, &person, certificates).await?)
}

/// Erases one batch of the people inactive since `cutoff`, in one
/// transaction with its audit entry: how many, or `None` when none is left.
async fn expire_people(
    app: &App,
    cutoff: chrono::DateTime<chrono::Utc>,
    registered: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<u64>> {
    let txn = app.write().await?;
    let ids = retention::expired_people(&*txn, cutoff, registered, BATCH).await?;
    if ids.is_empty() {
        return Ok(None);
    }
    let mut erased = 0;
    for id in ids {
        match erase_in(&*txn, app, id, false, now).await {
            Ok(_) => erased += 1,
            Err(Error::NotFound) => {}
            Err(other) => return Err(other),
        }
    }
    audit::record(
        &*txn,
        &Actor::system("retention"),
        "people.expired",
        "person",
        None,
        serde_json::json!({"count": erased}),
    )
    .await?;
    txn.commit().await?;
    Ok(Some(erased))
}

/// The rows that name nobody once the rest is gone, each swept in batches.
#[derive(Clone, Copy)]
enum Sweep {
    SignIns,
    AuditEntries,
    Certificates,
    WalkIns,
}

/// Runs `sweep` with `cutoff` in transactions of its own until it finds
/// nothing more; returns how many rows it took in all.
async fn sweep(app: &App, sweep: Sweep, cutoff: chrono::DateTime<chrono::Utc>) -> Result<u64> {
    let mut total = 0;
    loop {
        let txn = app.write().await?;
        let done = match sweep {
            Sweep::SignIns => retention::delete_old_sign_ins(&*txn, cutoff, BATCH * 20).await?,
            Sweep::AuditEntries => retention::delete_old_audit(&*txn, cutoff, BATCH * 20).await?,
            Sweep::Certificates => retention::withdraw_old_certificates(&*txn, cutoff, BATCH).await?,
            Sweep::WalkIns => retention::delete_old_walk_ins(&*txn, cutoff, BATCH * 20).await?,
        };
        txn.commit().await?;
        if done == 0 {
            return Ok(total);
        }
        total += done;
    }
}

/// The periods in force (an administrator's, else the defaults).
pub async fn periods(app: &App) -> Result<RetentionPeriods> {
    Ok(retention::periods(&app.db).await?)
}

/// An administrator sets the periods, from the form's or the API's values
/// by category code. Audited.
pub async fn set_periods(app: &App, actor: &Actor, given: &[(&str, &str)]) -> Result<RetentionPeriods> {
    let periods = RetentionPeriods::parse(given).map_err(Error::Invalid)?;
    let txn = app.write().await?;
    retention::set_periods(&*txn, actor, &periods).await?;
    txn.commit().await?;
    Ok(periods)
}

/// The records of processing: each category of personal data Aula holds,
/// its period, and how many records are past it now (the expiry job's next
/// work).
pub async fn records(app: &App) -> Result<(RetentionPeriods, Vec<(RetentionCategory, u64)>)> {
    let periods = retention::periods(&app.db).await?;
    let due = retention::due(&app.db, &periods, chrono::Utc::now()).await?;
    Ok((periods, due))
}

/// A signed-in person asks to be erased: the confirmation link is e-mailed
/// to them (the outbox row in the same transaction). Nothing is erased yet.
pub async fn request(app: &App, person: &person::Model, certificates: bool) -> Result<()> {
    if retention::is_erased(person) {
        return Err(Error::NotFound);
    }
    let txn = app.write().await?;
    let token = retention::request(&*txn, person.id, certificates).await?;
    aula_mail::notify::erasure_link(&*txn, &app.mail, person, &token).await?;
    txn.commit().await
}

/// The person follows the link and confirms: erased, with their
/// certificates if they asked. `NotFound` when the link is unknown or expired.
pub async fn confirm(app: &App, token: &str) -> Result<Erased> {
    let request = retention::live_request(&app.db, token).await?.ok_or(Error::NotFound)?;
    // The person is read again inside `erase`; an erased one is NotFound.
    people::get(&app.db, request.person_id).await?;
    erase(app, request.person_id, &ErasedBy::Themselves, request.certificates).await
}

/// People erased per transaction by the expiry job: short enough that
/// SQLite's write lock is held well under a second at a time.
const BATCH: u64 = 50;

/// What one expiry run erased.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expired {
    pub pending_registrations: u64,
    pub people: u64,
    pub mail_bodies: u64,
    pub sign_ins: u64,
    pub audit_entries: u64,
    pub certificates: u64,
    /// Names written down at outreach activities' doors (issue 20).
    pub walk_ins: u64,
    /// Registration files uploaded and never imported, a day on.
    pub import_drafts: u64,
}

/// Erases what has outlived its period at `now`: in batches, each batch
/// one transaction; safe with several processes (each record is claimed
/// by a conditional write, so one of them erases it). Logged with counts.
pub async fn expire(app: &App, now: chrono::DateTime<chrono::Utc>, periods: &RetentionPeriods) -> Result<Expired> {
    use RetentionCategory::*;
    let mut expired = Expired::default();
    let cutoff = |category| now - periods.duration(category);
    let pending_cutoff = cutoff(PendingRegistrations);
    loop {
        let txn = app.write().await?;
        let ids = retention::expired_pending(&*txn, pending_cutoff, BATCH).await?;
        if ids.is_empty() {
            break;
        }
        expired.pending_registrations += retention::delete_pending(&*txn, &ids).await?;
        txn.commit().await?;
    }
    for (cutoff, registered) in [(pending_cutoff, false), (cutoff(InactivePeople), true)] {
        // A batch is tried once more on a deadlock, as one erasure is.
        while let Some(erased) = app.retrying(|| expire_people(app, cutoff, registered, now)).await? {
            expired.people += erased;
        }
    }
    let txn = app.write().await?;
    expired.mail_bodies = retention::clear_sent_bodies(&*txn, cutoff(SentMailBodies)).await?;
    // Were no other file uploaded, a draft (names, addresses, phones) was
    // kept for ever (session 27's privacy round).
    expired.import_drafts = aula_storage::imports::sweep(&*txn, now).await?;
    txn.commit().await?;
    // Rows that name nobody once the rest is gone, deleted in batches of
    // their own: the write lock is never held for a whole table.
    expired.sign_ins = sweep(app, Sweep::SignIns, cutoff(SignInRecords)).await?;
    expired.audit_entries = sweep(app, Sweep::AuditEntries, cutoff(AuditEntries)).await?;
    expired.certificates = sweep(app, Sweep::Certificates, cutoff(Certificates)).await?;
    expired.walk_ins = sweep(app, Sweep::WalkIns, cutoff(WalkIns)).await?;
    if expired != Expired::default() {
        tracing::info!(?expired, "erased personal data past its retention period");
    }
    Ok(expired)
}
