//! Registering for a session, and confirming by the e-mailed link.

use aula_domain::RegistrationStatus;
use aula_domain::registrant::PRIVACY_NOTICE_VERSION;
use aula_domain::{FieldErrors, OrganisationId, Problem, RegistrantDetails, SessionStatus, Text};
use aula_storage::entities::registration::Model as Registration;
use aula_storage::registrations::{self, Cancelled, Confirming, Requested, Requester, Source};
use aula_storage::sessions::{self, SessionRecord};
use aula_storage::{Actor, ConnectionTrait, StorageError, audit, people};
use uuid::Uuid;

use crate::{App, Error, Result};

/// Who is registering someone, which decides the rules that apply.
#[derive(Clone, Debug)]
pub enum Entry {
    /// The person themselves: the session must take registrations, and the
    /// e-mail must be confirmed; a known person's details change only then.
    Public,
    /// The person themselves by a session's private registration link
    /// (issue 20): as [`Entry::Public`], and a session by invitation takes
    /// them only when this is its link's secret.
    Invited(String),
    /// An organiser, by hand or by import: allowed while the session is a
    /// draft (issue 20: an invited group is gathered before it opens), open
    /// or closed; confirmation as the session says; their details are the
    /// person's (audited).
    Organiser(Source, Actor),
}

/// Registers someone and queues the e-mail that says what happened, in one
/// transaction. The session is read once, before the transaction
/// ([`sessions::for_registration`]).
pub async fn register(
    app: &App,
    session_id: Uuid,
    details: &RegistrantDetails,
    entry: &Entry,
) -> Result<(Requested, SessionRecord)> {
    let record = sessions::for_registration(&app.db, session_id).await?;
    let requested = register_for(app, &record, details, entry).await?;
    Ok((requested, record))
}

/// [`register`] for a session the caller has read already (with
/// [`sessions::for_registration`], or in full), so that a request reads it
/// once. The transaction reads the session's row again (one statement) and
/// judges the rules on what it sees there, so a session an organiser closed
/// or cancelled after the record was read takes no one. A request that
/// loses a race with the same person's other request (the unique index
/// refuses it) runs again and finds that one.
pub async fn register_for(
    app: &App,
    record: &SessionRecord,
    details: &RegistrantDetails,
    entry: &Entry,
) -> Result<Requested> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match app.retrying(|| register_once(app, record, details, entry)).await {
            Ok(Some(requested)) => return Ok(requested),
            // The session changed while the place was taken, or the unique
            // index met another request of the same person: again, on what
            // the database now holds.
            Ok(None) | Err(Error::Storage(StorageError::AlreadyRegistered | StorageError::Duplicate))
                if attempt < 3 =>
            {
                continue;
            }
            Ok(None) => return Err(Error::Storage(StorageError::SessionChanged)),
            Err(other) => return Err(other),
        }
    }
}

async fn register_once(
    app: &App,
    record: &SessionRecord,
    details: &RegistrantDetails,
    entry: &Entry,
) -> Result<Option<Requested>> {
    let txn = app.write().await?;
    // The record was read before this transaction, and an organiser may
    // have closed or cancelled the session since: the rules judge the row
    // as the transaction sees it (one statement; the whole record again
    // only when it changed).
    let now = sessions::row(&*txn, record.session.id).await?;
    let fresh;
    let record = if record.is_current(&now) {
        record
    } else {
        fresh = sessions::for_registration(&*txn, record.session.id).await?;
        &fresh
    };
    let requested = register_in(&*txn, app, record, details, entry).await?;
    // A place taken or a ticket drawn updated the session's row, which this
    // transaction now holds: read again, it is the session as it will stand
    // when this commits. An organiser's cancellation or new dates committed
    // after the read above would otherwise leave this person waitlisted on
    // a cancelled session, or told the old dates, and missed by the
    // cancellation's or the change's e-mails, which were written before
    // this registration was there (session 26's race round). Dropping the
    // transaction undoes the registration and its e-mails; the next attempt
    // judges the session as it is.
    if let Requested::Placed { .. } = &requested
        && !record.is_current(&sessions::row(&*txn, record.session.id).await?)
    {
        // Rolled back now, not when the connection returns to the pool: the
        // next attempt waits for this one's hold on the session's row.
        txn.rollback().await?;
        return Ok(None);
    }
    txn.commit().await?;
    Ok(Some(requested))
}

/// Whether `entry` holds the session's private registration link (issue
/// 20): its hash is the one kept, compared in constant time.
pub fn invited(record: &SessionRecord, entry: &Entry) -> bool {
    match (entry, &record.session.invitation_token) {
        (Entry::Invited(given), Some(hash)) => {
            aula_storage::secrets::same_secret(&aula_storage::secrets::hash(given), hash)
        }
        _ => false,
    }
}

/// Registers someone inside the caller's transaction (an import registers a
/// whole file in one), with the e-mail that says what happened.
pub(crate) async fn register_in(
    txn: &impl ConnectionTrait,
    app: &App,
    record: &SessionRecord,
    details: &RegistrantDetails,
    entry: &Entry,
) -> Result<Requested> {
    let requester = match entry {
        Entry::Public | Entry::Invited(_) => {
            if record.session.by_invitation && !invited(record, entry) {
                return Err(Error::Conflict(Problem::new("error-session-by-invitation")));
            }
            record.registering_now().allows().map_err(Error::Conflict)?;
            Requester::Themselves {
                consent: PRIVACY_NOTICE_VERSION,
            }
        }
        Entry::Organiser(source, actor) => {
            // Another organisation's session is not found, as for every
            // staff read (issue 17): its people are not this organiser's.
            crate::within(actor, record.session.organisation_id)?;
            if !matches!(
                record.status(),
                SessionStatus::Draft | SessionStatus::Open | SessionStatus::Closed
            ) {
                return Err(Error::Conflict(Problem::new("error-session-not-taking")));
            }
            Requester::Staff {
                actor,
                source: *source,
                // Nobody confirms a place in a training held long ago (issue 24).
                confirm_by_email: record.session.confirm_organiser_entries && !record.session.record_past,
            }
        }
    };
    // The identifier the course's accrediting body asks for (issue 20):
    // the person gives it when registering themselves (an organiser may
    // not have it); where no body asks, none is kept.
    let asked = asked_identifier(record).is_some();
    let unasked;
    let details = match (asked, &details.identifier) {
        (true, None) if matches!(requester, Requester::Themselves { .. }) => {
            return Err(Error::Invalid(FieldErrors::single("identifier", Problem::required())));
        }
        (false, Some(_)) => {
            unasked = RegistrantDetails {
                identifier: None,
                ..details.clone()
            };
            &unasked
        }
        _ => details,
    };
    let mail = &app.mail;
    let (requested, person) = registrations::request(
        txn,
        &mail.link_key,
        aula_domain::OrganisationId::from_row(record.session.organisation_id),
        record.session.id,
        details,
        requester,
    )
    .await?;
    match &requested {
        Requested::Pending {
            registration,
            confirm_token,
        }
        | Requested::Resent {
            registration,
            confirm_token,
        } => aula_mail::notify::requested(txn, mail, record, registration, &person, confirm_token).await?,
        // Told when they asked again themselves (the page does not say
        // so, lest it tell strangers who is registered); an organiser's
        // entry or a list imported again changes nothing and writes to
        // nobody (session 25: a daily import mailed everyone daily).
        Requested::Already { registration } if matches!(entry, Entry::Public | Entry::Invited(_)) => {
            aula_mail::notify::already_registered(txn, mail, record, registration, &person).await?
        }
        Requested::Already { .. } => {}
        Requested::Placed { registration } => {
            aula_mail::notify::placed(txn, mail, record, registration, &person).await?
        }
    }
    Ok(requested)
}

/// What pressing "confirm" on a confirmation link's page came to.
// Made once per request and matched at once: its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Confirmed {
    /// The registration as it stands: placed just now (`fresh`, with its
    /// e-mail queued), or placed or cancelled before (nothing changed).
    Placed {
        record: SessionRecord,
        registration: Registration,
        /// Its place on the waiting list, 1 for the first.
        position: Option<u64>,
        fresh: bool,
        /// When placed just now: a sign-in link's secret for "my trainings"
        /// (issue 24). Pressing the button proved the address, once (the
        /// registration is no longer pending, so the link cannot do it
        /// again); the sign-in link is what the page's "see my trainings"
        /// posts, with the rules of one sent by e-mail (30 minutes, single
        /// use), so that nobody stays signed in who did not ask.
        sign_in: Option<String>,
    },
    /// The link expired before it was used; the session's page offers a new one.
    Expired { record: SessionRecord },
    /// The session was cancelled, completed or has started since the
    /// request ([`SessionRecord::confirmable`]): nothing changed, and the
    /// problem says which.
    TooLate { record: SessionRecord, problem: Problem },
}

/// Confirms the registration behind a confirmation link: a seat if one is
/// free, else a place on the waiting list; the details the request proposed
/// become the person's. Unknown links are not found.
///
/// The session the page and the e-mail show is read before the transaction:
/// on SQLite the write lock is the whole database's, and on PostgreSQL
/// taking the seat locks the session's row until the commit, so every other
/// confirmation waits for what runs inside. The seat's own update returns
/// the session's row, and the record is read again only if it changed
/// meanwhile.
pub async fn confirm(app: &App, token: &str) -> Result<Confirmed> {
    app.retrying(|| confirm_once(app, token)).await
}

async fn confirm_once(app: &App, token: &str) -> Result<Confirmed> {
    let link = registrations::by_confirm_token(&app.db, token).await?;
    let record = sessions::for_registration(&app.db, link.session_id).await?;
    // A suspended organisation takes no registration (issue 17), and a
    // confirmation is one: the link placed people, and mailed them, while
    // the form and the API refused (session 29's attack round).
    crate::organisations::serving(&app.db, record.session.organisation_id).await?;
    let txn = app.write().await?;
    let held = match registrations::hold_for_confirmation(&*txn, token).await {
        Ok(held) => held,
        Err(StorageError::ConfirmExpired) => return Ok(Confirmed::Expired { record }),
        Err(other) => return Err(other.into()),
    };
    let placed = match held {
        Confirming::Already(registration) => {
            // Moved to another session by an organiser since the link was read.
            let record = match registration.session_id == record.session.id {
                true => record,
                false => sessions::for_registration(&*txn, registration.session_id).await?,
            };
            let position = registrations::waitlist_position(&*txn, &registration).await?;
            Confirmed::Placed {
                record,
                registration,
                position,
                fresh: false,
                sign_in: None,
            }
        }
        Confirming::Held { registration, person } => {
            let (registration, now) = registrations::place(&*txn, registration).await?;
            let record = match record.is_current(&now) {
                true => record,
                false => sessions::for_registration(&*txn, registration.session_id).await?,
            };
            // Checked on the session as the seat found it, so a cancellation
            // just before counts; returning drops the transaction, and the
            // seat and the details proposed go back.
            if let Err(problem) = record.confirmable(registration.created_at, chrono::Utc::now()) {
                return Ok(Confirmed::TooLate { record, problem });
            }
            // Counted once, for the e-mail and the page.
            let position = registrations::waitlist_position(&*txn, &registration).await?;
            match position {
                Some(position) => {
                    aula_mail::notify::waitlisted(&*txn, &app.mail, &record, &registration, &person, position).await?
                }
                None => aula_mail::notify::placed(&*txn, &app.mail, &record, &registration, &person).await?,
            }
            let sign_in = aula_storage::person_sessions::create_link(&*txn, person.id).await?;
            Confirmed::Placed {
                record,
                registration,
                position,
                fresh: true,
                sign_in: Some(sign_in),
            }
        }
    };
    txn.commit().await?;
    Ok(placed)
}

/// Who is cancelling, for the e-mail's wording and the audit log.
#[derive(Clone, Debug)]
pub enum CancelledBy {
    /// The person, by their link or from "my trainings".
    Holder,
    Organiser(Actor),
}

/// Cancels a registration, frees its seat for the first person waiting and
/// queues the e-mails, in one transaction. Refused once the session has started.
pub async fn cancel(app: &App, id: Uuid, reason: Option<&str>, by: CancelledBy) -> Result<Cancelled> {
    app.retrying(|| cancel_once(app, id, reason, by.clone())).await
}

async fn cancel_once(app: &App, id: Uuid, reason: Option<&str>, by: CancelledBy) -> Result<Cancelled> {
    let txn = app.write().await?;
    let current = registrations::get(&*txn, id).await?;
    let record = sessions::get(&*txn, current.session_id).await?;
    if let CancelledBy::Organiser(actor) = &by {
        crate::within(actor, record.session.organisation_id)?;
    }
    record.cancellable(chrono::Utc::now()).map_err(Error::Conflict)?;
    let cancelled = registrations::cancel(&*txn, id, reason).await?;
    if cancelled.was != RegistrationStatus::Cancelled {
        let person = aula_storage::people::get(&*txn, current.person_id).await?;
        let by_organiser = matches!(by, CancelledBy::Organiser(_));
        let held_seat = cancelled.was == RegistrationStatus::Confirmed;
        aula_mail::notify::cancelled(
            &*txn,
            &app.mail,
            &record,
            &cancelled.registration,
            &person,
            held_seat,
            by_organiser,
        )
        .await?;
        aula_mail::notify::promoted(&*txn, &app.mail, &record, &cancelled.promoted).await?;
        let actor = match &by {
            CancelledBy::Holder => Actor::system("holder"),
            CancelledBy::Organiser(actor) => actor.clone(),
        };
        let details = serde_json::json!({
            "from": cancelled.was,
            "reason": reason,
            "promoted": cancelled.promoted.iter().map(|r| r.id).collect::<Vec<_>>(),
        });
        audit::record(&*txn, &actor, "cancel", "registration", Some(id), details).await?;
    }
    txn.commit().await?;
    Ok(cancelled)
}

/// The holder of a registration's personal link (`token`) corrects the
/// identifier its course's accrediting body asks for (issue 20): a
/// mistyped national ID would not match the body's register, and the
/// privacy notice promises people can correct their data. Refused for a
/// course no body asks one of and for a cancelled registration; audited
/// without the value, which is for the body's eyes only. The same value
/// again changes nothing. The link is read inside the transaction and the
/// row written only as it was read, so an erasure or a cancellation that
/// commits meanwhile wins.
pub async fn correct_identifier(app: &App, token: &str, identifier: &Text<60>) -> Result<Registration> {
    let txn = app.write().await?;
    let registration = registrations::by_manage_token(&*txn, token).await?;
    // The lean read: it has the course's body, all the rule needs.
    let record = sessions::for_registration(&*txn, registration.session_id).await?;
    if asked_identifier(&record).is_none() {
        return Err(Error::Conflict(Problem::new("error-identifier-not-asked")));
    }
    let cancelled = || Error::Conflict(Problem::new("error-already-cancelled"));
    if registration.status == RegistrationStatus::Cancelled {
        return Err(cancelled());
    }
    if registration.body_identifier.as_deref() == Some(identifier.as_str()) {
        return Ok(registration);
    }
    if !registrations::correct_identifier(&*txn, &registration, identifier.as_str()).await? {
        return Err(cancelled());
    }
    let actor = Actor::system("holder").within(OrganisationId::from_row(record.session.organisation_id));
    let details = serde_json::json!({"field": "body_identifier"});
    audit::record(
        &*txn,
        &actor,
        "correct-identifier",
        "registration",
        Some(registration.id),
        details,
    )
    .await?;
    txn.commit().await?;
    Ok(Registration {
        body_identifier: Some(identifier.as_str().to_owned()),
        ..registration
    })
}

/// What the session's course's accrediting body calls the identifier it
/// asks for, if it asks (issue 20).
pub fn asked_identifier(record: &SessionRecord) -> Option<&str> {
    record.course.body.as_ref()?.identifier_label.as_deref()
}

/// Changes a session's capacity; raising it seats the first people waiting,
/// with their e-mails. A session that is over keeps its capacity.
pub async fn set_capacity(app: &App, actor: &Actor, id: Uuid, capacity: aula_domain::Capacity) -> Result<()> {
    let txn = app.write().await?;
    let record = sessions::get(&*txn, id).await?;
    crate::within(actor, record.session.organisation_id)?;
    if record.is_final() {
        return Err(Error::Conflict(Problem::new("error-session-final")));
    }
    let promoted = registrations::set_capacity(&*txn, actor, id, capacity).await?;
    aula_mail::notify::promoted(&*txn, &app.mail, &record, &promoted).await?;
    txn.commit().await
}

/// An organiser moves a registration (seats a pending or waitlisted one, or
/// cancels it), with the e-mails it causes, in one transaction.
pub async fn move_registration(
    app: &App,
    actor: &Actor,
    id: Uuid,
    to: RegistrationStatus,
    reason: &str,
) -> Result<Registration> {
    let txn = app.write().await?;
    let current = registrations::get(&*txn, id).await?;
    let record = sessions::get(&*txn, current.session_id).await?;
    crate::within(actor, record.session.organisation_id)?;
    // Nobody is seated in, or moved within, a session that will not be
    // held (session 25's review: a move to "confirmed" mailed a place).
    if record.is_final() {
        return Err(Error::Conflict(Problem::new("error-session-final")));
    }
    if to == RegistrationStatus::Cancelled {
        record.cancellable(chrono::Utc::now()).map_err(Error::Conflict)?;
    }
    let registrations::Moved {
        registration: moved,
        was,
        promoted,
    } = registrations::move_to(&*txn, actor, id, to, reason).await?;
    let person = people::get(&*txn, moved.person_id).await?;
    if to == RegistrationStatus::Cancelled {
        let held_seat = was == RegistrationStatus::Confirmed;
        aula_mail::notify::cancelled(&*txn, &app.mail, &record, &moved, &person, held_seat, true).await?;
        aula_mail::notify::promoted(&*txn, &app.mail, &record, &promoted).await?;
    } else {
        aula_mail::notify::placed(&*txn, &app.mail, &record, &moved, &person).await?;
    }
    txn.commit().await?;
    Ok(moved)
}
