//! Sessions: creating, changing and moving them through their life, with the
//! e-mails each change causes.

use aula_domain::details::SessionDetails;
use aula_domain::{OrganisationId, SessionStatus};
use aula_storage::sessions::{self, SessionRecord};
use aula_storage::{Actor, registrations, surveys};
use uuid::Uuid;

use crate::{App, Error, Result};

/// Creates a session, and opens it in the same transaction when `status`
/// asks: a refused status leaves nothing behind. The session is `org`'s.
pub async fn create(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    details: &SessionDetails,
    status: SessionStatus,
) -> Result<SessionRecord> {
    details
        .check_recorded_past(chrono::Utc::now())
        .map_err(Error::Invalid)?;
    let txn = app.write().await?;
    let mut record = sessions::create(&*txn, actor, org, details).await?;
    if status != SessionStatus::Draft {
        record = sessions::set_status(&*txn, actor, org, record.session.id, status).await?;
    }
    txn.commit().await?;
    Ok(record)
}

/// Saves a session's new details. A raised capacity seats the first people
/// waiting; moved meetings are told to everyone registered (with new
/// calendar entries); reminders follow a changed lead time.
pub async fn update(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    details: &SessionDetails,
) -> Result<SessionRecord> {
    change(app, actor, org, id, Some(details), None).await
}

/// Saves a session's new details (`details`) and moves it to `to`, in one
/// transaction: the API's PATCH may do both. Cancelled by the same change,
/// the session tells its people of the cancellation alone: the change's
/// own messages (new times, meetings taken off) came first, three e-mails
/// where one was right (session 31's attack round).
pub async fn change(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    details: Option<&SessionDetails>,
    to: Option<SessionStatus>,
) -> Result<SessionRecord> {
    if let Some(details) = details {
        details
            .check_recorded_past(chrono::Utc::now())
            .map_err(Error::Invalid)?;
    }
    // Refused, a status is judged once more on the session as it now is:
    // see `set_status`.
    match change_once(app, actor, org, id, details, to).await {
        Err(crate::Error::Conflict(_)) if to.is_some() => change_once(app, actor, org, id, details, to).await,
        outcome => outcome,
    }
}

async fn change_once(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    details: Option<&SessionDetails>,
    to: Option<SessionStatus>,
) -> Result<SessionRecord> {
    let txn = app.write().await?;
    let mut record = sessions::get_in(&*txn, org, id).await?;
    let cancelling = to == Some(SessionStatus::Cancelled) && record.status() != SessionStatus::Cancelled;
    if let Some(details) = details {
        record = update_in(&txn, app, actor, org, record, details, !cancelling).await?;
    }
    if let Some(to) = to.filter(|to| *to != record.status()) {
        record = set_status_in(&txn, app, actor, org, record, to).await?;
    }
    txn.commit().await?;
    Ok(record)
}

/// [`update`]'s writes in `txn`, from the session as it was (`before`);
/// with `tell`, its e-mails. The change is told before the first people
/// waiting are seated: seated by the same change, they were sent their
/// confirmation, the same invitation again as a change, and the
/// cancellation of a meeting they never had (session 31's attack round).
async fn update_in(
    txn: &crate::Write,
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    before: SessionRecord,
    details: &SessionDetails,
    tell: bool,
) -> Result<SessionRecord> {
    let id = before.session.id;
    let record = sessions::update(&**txn, actor, org, id, details).await?;
    if !tell {
        return Ok(record);
    }
    // A draft may hold an invited group entered before it opens (issue
    // 20): they hear of changed times as anyone registered does.
    if record.session.calendar_sequence != before.session.calendar_sequence {
        aula_mail::notify::session_changed(&**txn, &app.mail, &before, &record).await?;
    } else if aula_mail::notify::reminder_due(&record) != aula_mail::notify::reminder_due(&before) {
        aula_mail::notify::lead_time_changed(&**txn, &record).await?;
    }
    let promoted = registrations::promote(&**txn, id).await?;
    aula_mail::notify::promoted(&**txn, &app.mail, &record, &promoted).await?;
    Ok(match promoted.is_empty() {
        true => record,
        false => sessions::get(&**txn, id).await?,
    })
}

/// Moves a session to `to`. A cancellation tells everyone registered; a
/// completion asks the participants for their opinion at once, and issues
/// the certificates of a session that says so (`issue_on_completion`) to
/// everyone eligible then, with their e-mails, in the same transaction.
pub async fn set_status(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    to: SessionStatus,
) -> Result<SessionRecord> {
    // Refused, it is judged once more on the session as it now is: of two
    // moves at once (a double click, the lifecycle's job), the second found
    // the status it read gone and said "cannot go from open to cancelled"
    // of a session already cancelled (session 26's race round). Again, it
    // finds it there and changes nothing, so what follows a move happens
    // once; a move the new status does not allow is refused as it says.
    change(app, actor, org, id, None, Some(to)).await
}

/// [`set_status`]'s writes and e-mails in `txn`, from the session as it
/// was (`before`).
async fn set_status_in(
    txn: &crate::Write,
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    before: SessionRecord,
    to: SessionStatus,
) -> Result<SessionRecord> {
    let id = before.session.id;
    let record = sessions::set_status(&**txn, actor, org, id, to).await?;
    if to == SessionStatus::Cancelled && before.status() != SessionStatus::Cancelled {
        aula_mail::notify::session_cancelled(&**txn, &app.mail, &record).await?;
    } else if to == SessionStatus::Completed && before.status() != SessionStatus::Completed {
        crate::surveys::invite(&**txn, &app.mail, id, None, surveys::Invitees::Participants, None).await?;
        if record.session.issue_on_completion {
            crate::certificates::issue_in(&**txn, app, actor, &record).await?;
        }
    }
    Ok(record)
}

/// How long a held session whose roll calls are all taken stays quiet
/// (no mark, no registration changed, its last meeting over) before it
/// completes by itself: a mark typed wrong at the door, or a paper sheet
/// typed in the next morning, is finished without a reason, as before
/// completion.
pub const SETTLE: chrono::Duration = chrono::Duration::hours(1);

/// How long after its last meeting a session may still complete by
/// itself: one left open for longer is its organiser's to complete, so its
/// people are not asked about a training months later (the surveys' own
/// rule, `surveys::sessions_due`).
pub const STILL_FRESH: chrono::Duration = chrono::Duration::days(7);

/// How many sessions one round completes at most; the next takes the rest.
const PER_ROUND: u64 = 50;

/// Completes the sessions whose attendance is closed (issue 20,
/// [`sessions::attendance_closed`]). Each as an organiser's completion
/// would (surveys, certificates where the session says so), audited as the
/// lifecycle's. A session that cannot be completed is logged and left to
/// its organiser, and the others go on. Returns how many were completed.
pub async fn complete_when_attendance_closed(app: &App, now: chrono::DateTime<chrono::Utc>) -> Result<usize> {
    let actor = Actor::system("lifecycle");
    let mut completed = 0;
    let due = sessions::attendance_closed(&app.db, now - SETTLE, now - STILL_FRESH, PER_ROUND).await?;
    for (id, org) in due {
        match set_status(app, &actor, org, id, SessionStatus::Completed).await {
            Ok(_) => completed += 1,
            Err(error) => tracing::warn!(session = %id, %error, "a held session could not complete by itself"),
        }
    }
    Ok(completed)
}

/// Makes a new private registration link for a session by invitation
/// (issue 20), revoking the one before: whoever holds it may register on
/// the session's page as the public would on a listed session. Its secret
/// is given here once; the database keeps only its hash, as for API tokens.
pub async fn renew_invitation_link(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
) -> Result<(SessionRecord, String)> {
    let txn = app.write().await?;
    let secret = aula_storage::secrets::generate("inv_");
    let hash = aula_storage::secrets::hash(&secret);
    let record = sessions::set_invitation_token(&*txn, actor, org, id, Some(hash)).await?;
    txn.commit().await?;
    Ok((record, secret))
}

/// Revokes a session's private registration link: it no longer registers
/// anyone (those it registered stay).
pub async fn revoke_invitation_link(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<SessionRecord> {
    let txn = app.write().await?;
    let record = sessions::set_invitation_token(&*txn, actor, org, id, None).await?;
    txn.commit().await?;
    Ok(record)
}

/// How many people a cancellation of the session would e-mail: the
/// organiser's last look before [`set_status`] cancels it (issue 24).
pub async fn cancellation_recipients(app: &App, org: OrganisationId, id: Uuid) -> Result<(SessionRecord, usize)> {
    // Of `org` only: another organisation's session, draft or not, is not
    // found (session 23: the step showed its title, meetings and people).
    let record = sessions::get_in(&app.db, org, id).await?;
    let messages = aula_mail::notify::session_cancelled_messages(&app.db, &app.mail, &record).await?;
    Ok((record, messages.len()))
}
