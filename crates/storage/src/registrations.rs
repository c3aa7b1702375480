//! Registrations and the seats they hold.
//!
//! The seat rule: `sessions.seats_taken` counts confirmed registrations and
//! only ever moves by a conditional increment
//! (`SET seats_taken = seats_taken + 1 WHERE seats_taken < capacity`), in the
//! same transaction as the registration's change. The database serialises those updates on the
//! session's row (a row lock on PostgreSQL, the single writer on SQLite), so
//! no interleaving of requests or processes can confirm more than the
//! capacity, and the work under the lock is constant: no rows are counted.

use std::collections::HashMap;

use aula_domain::registration::Audience;
use aula_domain::{OrganisationId, RegistrantDetails, RegistrationStatus, SessionStatus};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, Statement,
};
use uuid::Uuid;

use crate::entities::{person, registration, session, superseded_confirm_link};
use crate::secrets::LinkKey;
use crate::{Actor, Result, StorageError, audit, found, new_id, now, people, secrets};

/// Takes one seat of the session if one is free; `false` when full.
pub async fn take_seat(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<bool> {
    use sea_orm::sea_query::ExprTrait as _;
    let result = session::Entity::update_many()
        .col_expr(
            session::Column::SeatsTaken,
            Expr::col(session::Column::SeatsTaken).add(1),
        )
        .filter(session::Column::Id.eq(session_id))
        .filter(Expr::col(session::Column::SeatsTaken).lt(Expr::col(session::Column::Capacity)))
        // Nobody is seated in a session that will not be held (session 25):
        // checked in the seat's own statement, so a cancellation committed
        // while this one waited for the row counts.
        .filter(session::Column::Status.is_not_in([SessionStatus::Cancelled, SessionStatus::Completed]))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The next ticket on the session's waiting list.
pub async fn next_ticket(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<i64> {
    let backend = conn.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => {
            "UPDATE sessions SET waitlist_counter = waitlist_counter + 1 WHERE id = $1 RETURNING waitlist_counter"
        }
        _ => "UPDATE sessions SET waitlist_counter = waitlist_counter + 1 WHERE id = ? RETURNING waitlist_counter",
    };
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(backend, sql, [session_id.into()]))
        .await?
        .ok_or(StorageError::NotFound)?;
    Ok(row.try_get::<i64>("", "waitlist_counter")?)
}

/// Where a registration came from (the domain's vocabulary, by its storage name).
pub use aula_domain::registration::RegistrationSource as Source;

/// How long the link that confirms a registration works.
pub const CONFIRM_LIFETIME: chrono::Duration = chrono::Duration::hours(48);

pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<registration::Model> {
    found(conn, registration::Entity::find_by_id(id)).await
}

/// The registration behind a personal link (see [`LinkKey`]).
pub async fn by_manage_token(conn: &impl ConnectionTrait, token: &str) -> Result<registration::Model> {
    found(
        conn,
        registration::Entity::find().filter(registration::Column::ManageTokenHash.eq(secrets::hash(token))),
    )
    .await
}

/// The registration a confirmation link was sent for.
pub async fn by_confirm_token(conn: &impl ConnectionTrait, token: &str) -> Result<registration::Model> {
    found(
        conn,
        registration::Entity::find().filter(registration::Column::ConfirmTokenHash.eq(secrets::hash(token))),
    )
    .await
}

/// The registration whose confirmation link `token` was, before a newer
/// request replaced it, and when (issue 24); `None` if it never was one.
pub async fn superseded_confirm_link(
    conn: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<(registration::Model, chrono::DateTime<chrono::Utc>)>> {
    let Some(old) = superseded_confirm_link::Entity::find()
        .filter(superseded_confirm_link::Column::TokenHash.eq(secrets::hash(token)))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(registration::Entity::find_by_id(old.registration_id)
        .one(conn)
        .await?
        .map(|r| (r, old.superseded_at)))
}

/// The person's live registration for the session, if any.
pub async fn live(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    person_id: Uuid,
) -> Result<Option<registration::Model>> {
    Ok(registration::Entity::find()
        .filter(registration::Column::SessionId.eq(session_id))
        .filter(registration::Column::PersonId.eq(person_id))
        .filter(registration::Column::Status.ne(RegistrationStatus::Cancelled))
        .one(conn)
        .await?)
}

/// The live registration, in this session, of a person without e-mail with
/// these names (alike in case and accents) and this telephone (or none).
async fn live_without_email(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    details: &RegistrantDetails,
) -> Result<Option<registration::Model>> {
    use aula_domain::fold_for_search;
    use sea_orm::sea_query::Query;
    let in_session = Query::select()
        .column(registration::Column::PersonId)
        .from(registration::Entity)
        .and_where(registration::Column::SessionId.eq(session_id))
        .and_where(registration::Column::Status.ne(RegistrationStatus::Cancelled))
        .to_owned();
    let same = |a: &str, b: &str| fold_for_search(a) == fold_for_search(b);
    let phone = details.phone.as_ref().map(|p| p.as_str());
    let Some(person) = person::Entity::find()
        .filter(person::Column::Email.is_null())
        .filter(person::Column::Id.in_subquery(in_session))
        .all(conn)
        .await?
        .into_iter()
        .find(|p| {
            same(&p.given_name, details.given_name.as_str())
                && same(&p.family_name, details.family_name.as_str())
                && p.phone.as_deref() == phone
        })
    else {
        return Ok(None);
    };
    live(conn, session_id, person.id).await
}

fn duplicate(e: sea_orm::DbErr) -> StorageError {
    match StorageError::from(e) {
        StorageError::Duplicate => StorageError::AlreadyRegistered,
        other => other,
    }
}

/// Gives back one seat (a confirmed registration was cancelled).
async fn release_seat(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<()> {
    use sea_orm::sea_query::ExprTrait as _;
    session::Entity::update_many()
        .col_expr(
            session::Column::SeatsTaken,
            Expr::col(session::Column::SeatsTaken).sub(1),
        )
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::SeatsTaken.gt(0))
        .exec(conn)
        .await?;
    Ok(())
}

/// Makes the registration the caller's to change: a conditional update that
/// lets exactly one of several racing requests through (the others wait for
/// the row, then find the status changed). `false` if it is no longer `from`.
async fn hold(conn: &impl ConnectionTrait, id: Uuid, from: RegistrationStatus) -> Result<bool> {
    let result = registration::Entity::update_many()
        .col_expr(registration::Column::UpdatedAt, Expr::value(now()))
        .filter(registration::Column::Id.eq(id))
        .filter(registration::Column::Status.eq(from))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Seats a held registration: confirmed if a seat is free, else at the end
/// of the waiting list. The seat is taken first; only the registration's own
/// update follows it here. Also returns the session's row as the seat's (or
/// the ticket's) update left it, so that a caller which read the session
/// before its transaction sees whether it changed, at no cost.
pub async fn place(
    conn: &impl ConnectionTrait,
    held: registration::Model,
) -> Result<(registration::Model, session::Model)> {
    use sea_orm::sea_query::ExprTrait as _;
    let at = now();
    let mut model: registration::ActiveModel = held.clone().into();
    model.placed_at = Set(Some(at));
    // Applied by the confirmation, or moot for an organiser's move.
    model.proposed_details = Set(None);
    let seated = session::Entity::update_many()
        .col_expr(
            session::Column::SeatsTaken,
            Expr::col(session::Column::SeatsTaken).add(1),
        )
        .filter(session::Column::Id.eq(held.session_id))
        .filter(Expr::col(session::Column::SeatsTaken).lt(Expr::col(session::Column::Capacity)))
        .exec_with_returning(conn)
        .await?
        .pop();
    let session = match seated {
        Some(session) => {
            model.status = Set(RegistrationStatus::Confirmed);
            model.confirmed_at = Set(Some(at));
            model.waitlist_ticket = Set(None);
            session
        }
        None => {
            let session = session::Entity::update_many()
                .col_expr(
                    session::Column::WaitlistCounter,
                    Expr::col(session::Column::WaitlistCounter).add(1),
                )
                .filter(session::Column::Id.eq(held.session_id))
                .exec_with_returning(conn)
                .await?
                .pop()
                .ok_or(StorageError::NotFound)?;
            model.status = Set(RegistrationStatus::Waitlisted);
            model.waitlist_ticket = Set(Some(session.waitlist_counter));
            session
        }
    };
    model.updated_at = Set(at);
    Ok((model.update(conn).await?, session))
}

/// A new registration, seated at once (no e-mail confirmation): confirmed if
/// a seat is free, else waitlisted. A live registration already there is a conflict.
pub async fn add_placed(
    conn: &impl ConnectionTrait,
    key: &LinkKey,
    session_id: Uuid,
    person_id: Uuid,
    source: Source,
) -> Result<registration::Model> {
    crate::people::hold(conn, person_id).await?;
    let at = now();
    let status = if take_seat(conn, session_id).await? {
        RegistrationStatus::Confirmed
    } else {
        RegistrationStatus::Waitlisted
    };
    let ticket = match status {
        RegistrationStatus::Waitlisted => Some(next_ticket(conn, session_id).await?),
        _ => None,
    };
    let id = new_id();
    registration::ActiveModel {
        id: Set(id),
        session_id: Set(session_id),
        person_id: Set(person_id),
        status: Set(status),
        waitlist_ticket: Set(ticket),
        source: Set(source),
        confirm_token_hash: Set(None),
        confirm_expires_at: Set(None),
        manage_token_hash: Set(secrets::hash(&key.sign(id))),
        created_at: Set(at),
        updated_at: Set(at),
        confirmed_at: Set((status == RegistrationStatus::Confirmed).then_some(at)),
        cancelled_at: Set(None),
        cancel_reason: Set(None),
        placed_at: Set(Some(at)),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(duplicate)
}

/// What a registration request came to. The public answer is the same for
/// all of them; the e-mail says which it was.
#[derive(Debug)]
pub enum Requested {
    /// A new registration waiting for its e-mail confirmation.
    Pending {
        registration: registration::Model,
        confirm_token: String,
    },
    /// The person had already asked and not confirmed: a new link (the old one stops working).
    Resent {
        registration: registration::Model,
        confirm_token: String,
    },
    /// The person already holds a seat or a place on the waiting list; nothing changed.
    Already { registration: registration::Model },
    /// Entered without e-mail confirmation, and seated at once.
    Placed { registration: registration::Model },
}

impl Requested {
    pub fn registration(&self) -> &registration::Model {
        match self {
            Requested::Pending { registration, .. }
            | Requested::Resent { registration, .. }
            | Requested::Already { registration }
            | Requested::Placed { registration } => registration,
        }
    }
}

/// Who asks for a registration, which decides whose word changes a person.
#[derive(Clone, Copy, Debug)]
pub enum Requester<'a> {
    /// The person themselves (the public form or API), having consented to
    /// this version of the privacy notice. Anyone can type any address, so
    /// an existing person's details are only proposed, and applied when the
    /// owner of the address confirms (issue 15).
    Themselves { consent: &'a str },
    /// Staff entering the person deliberately, by hand or by import: their
    /// details are the record's (audited); confirmation by e-mail as the
    /// session says.
    Staff {
        actor: &'a Actor,
        source: Source,
        confirm_by_email: bool,
    },
}

/// Registers the person (found by e-mail or created) for the session. The
/// caller has checked that the session takes registrations. Two racing
/// requests of one person meet the unique index: the loser gets a conflict
/// and may run again, to find the winner's registration.
///
/// The person returned is the record as it stands: for a request of the
/// person themselves about an address already known, their details wait on
/// the registration (`proposed_details`) until they confirm.
pub async fn request(
    conn: &impl ConnectionTrait,
    key: &LinkKey,
    org: OrganisationId,
    session_id: Uuid,
    details: &RegistrantDetails,
    requester: Requester<'_>,
) -> Result<(Requested, person::Model)> {
    // A retired audience is no longer chosen (issue 20): only someone who
    // has it already may be registered with it again (a list imported
    // again, a form sent twice). One query more only then.
    match crate::audiences::require_offered(conn, "audience", [&details.audience], |_| false).await {
        Err(StorageError::Invalid(refused)) => {
            let theirs = people::audience_of(conn, org, details).await?;
            if theirs.as_ref() != Some(&details.audience) {
                return Err(StorageError::Invalid(refused));
            }
        }
        other => other?,
    }
    // The person is one of the session's organisation's (issue 17).
    let (person, created, proposal, source, confirm_by_email) = match requester {
        Requester::Themselves { consent } => match people::named(conn, org, details, Some(consent)).await? {
            people::Named::Known(known) => (
                known,
                false,
                Some(people::Proposal::new(details, Some(consent))),
                Source::Public,
                true,
            ),
            people::Named::New(created) => (created, true, None, Source::Public, true),
        },
        // Someone without e-mail (issue 20) is not found by an address: the
        // same names and telephone among the session's people without one
        // are them (a form sent twice, a file imported again); anyone else
        // is a new person. Nobody could confirm by e-mail.
        Requester::Staff { actor, source, .. } if details.email.is_none() => {
            if let Some(registration) = live_without_email(conn, session_id, details).await? {
                let person = people::get(conn, registration.person_id).await?;
                return Ok((Requested::Already { registration }, person));
            }
            // Registered before for another session, with the same names
            // and telephone: the same person, who counts once.
            let (person, created) = match people::known_without_email(conn, org, details).await? {
                Some(known) => (people::update_known(conn, actor, known, details, None).await?, false),
                None => (people::create(conn, org, details, None).await?, true),
            };
            (person, created, None, source, false)
        }
        Requester::Staff {
            actor,
            source,
            confirm_by_email,
        } => (
            people::upsert(conn, actor, org, details, None).await?,
            false,
            None,
            source,
            confirm_by_email,
        ),
    };
    let proposal = proposal.map(|p| p.to_json());
    let at = now();
    // Someone created just now holds no registration: nothing to look for.
    let existing = if created {
        None
    } else {
        people::hold(conn, person.id).await?;
        live(conn, session_id, person.id).await?
    };
    // Staff entering again someone whose link is still good change nothing
    // and write to nobody, as for anyone else already registered: a list
    // imported again sent everyone pending a new link and killed the one
    // they had, while it said they were left as they were (session 31's
    // attack round). A link expired is sent anew.
    let link_live = |r: &registration::Model| r.confirm_expires_at.is_some_and(|until| until > at);
    let staff = matches!(requester, Requester::Staff { .. });
    let requested = match existing {
        Some(existing) if existing.status == RegistrationStatus::Pending && !(staff && link_live(&existing)) => {
            // The link sent before says, when followed, that this one replaced it.
            if let Some(old) = &existing.confirm_token_hash {
                superseded_confirm_link::ActiveModel {
                    id: Set(new_id()),
                    token_hash: Set(old.clone()),
                    registration_id: Set(existing.id),
                    superseded_at: Set(at),
                }
                .insert(conn)
                .await?;
            }
            let confirm_token = secrets::generate("");
            let mut model: registration::ActiveModel = existing.into();
            model.confirm_token_hash = Set(Some(secrets::hash(&confirm_token)));
            model.confirm_expires_at = Set(Some(at + CONFIRM_LIFETIME));
            // The latest request's details are the ones the new link confirms.
            model.proposed_details = Set(proposal);
            model.updated_at = Set(at);
            Requested::Resent {
                registration: model.update(conn).await?,
                confirm_token,
            }
        }
        Some(registration) => Requested::Already { registration },
        None if confirm_by_email => {
            let confirm_token = secrets::generate("");
            let id = new_id();
            let registration = registration::ActiveModel {
                id: Set(id),
                session_id: Set(session_id),
                person_id: Set(person.id),
                status: Set(RegistrationStatus::Pending),
                waitlist_ticket: Set(None),
                source: Set(source),
                confirm_token_hash: Set(Some(secrets::hash(&confirm_token))),
                confirm_expires_at: Set(Some(at + CONFIRM_LIFETIME)),
                manage_token_hash: Set(secrets::hash(&key.sign(id))),
                created_at: Set(at),
                updated_at: Set(at),
                confirmed_at: Set(None),
                cancelled_at: Set(None),
                cancel_reason: Set(None),
                proposed_details: Set(proposal),
                ..Default::default()
            }
            .insert(conn)
            .await
            .map_err(duplicate)?;
            Requested::Pending {
                registration,
                confirm_token,
            }
        }
        None => Requested::Placed {
            registration: add_placed(conn, key, session_id, person.id, source).await?,
        },
    };
    // The identifier the course's accrediting body asks for (issue 20),
    // when given (the caller drops one nobody asked for): kept on the
    // registration it came with. One already live keeps its own, and so
    // does a pending one asked for again: anyone may ask again with an
    // address, and whoever follows the new link confirms a value the page
    // does not show, so a second request never replaces the first's.
    let requested = match (&details.identifier, requested) {
        (
            Some(identifier),
            Requested::Pending {
                registration,
                confirm_token,
            },
        ) => Requested::Pending {
            registration: with_identifier(conn, registration, identifier.as_str()).await?,
            confirm_token,
        },
        (
            Some(identifier),
            Requested::Resent {
                registration,
                confirm_token,
            },
        ) if registration.body_identifier.is_none() => Requested::Resent {
            registration: with_identifier(conn, registration, identifier.as_str()).await?,
            confirm_token,
        },
        (Some(identifier), Requested::Placed { registration }) => Requested::Placed {
            registration: with_identifier(conn, registration, identifier.as_str()).await?,
        },
        (_, other) => other,
    };
    Ok((requested, person))
}

/// Keeps `identifier` as the one the registration's course's body asks for.
pub async fn with_identifier(
    conn: &impl ConnectionTrait,
    registration: registration::Model,
    identifier: &str,
) -> Result<registration::Model> {
    let mut model: registration::ActiveModel = registration.into();
    model.body_identifier = Set(Some(identifier.to_owned()));
    Ok(model.update(conn).await?)
}

/// Corrects the identifier of `registration` as it was read, unless it
/// has changed hands since (an erasure rotates its link and empties it) or
/// been cancelled: `false` then, and nothing is written.
pub async fn correct_identifier(
    conn: &impl ConnectionTrait,
    registration: &registration::Model,
    identifier: &str,
) -> Result<bool> {
    let updated = registration::Entity::update_many()
        .col_expr(registration::Column::BodyIdentifier, Expr::value(identifier))
        .col_expr(registration::Column::UpdatedAt, Expr::value(now()))
        .filter(registration::Column::Id.eq(registration.id))
        .filter(registration::Column::ManageTokenHash.eq(registration.manage_token_hash.as_str()))
        .filter(registration::Column::Status.ne(RegistrationStatus::Cancelled))
        .exec(conn)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// The identifiers given with these registrations for their course's
/// accrediting body (issue 20), by registration: for that body's eyes only.
pub async fn body_identifiers(conn: &impl ConnectionTrait, ids: &[Uuid]) -> Result<HashMap<Uuid, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Uuid, Option<String>)> = registration::Entity::find()
        .select_only()
        .column(registration::Column::Id)
        .column(registration::Column::BodyIdentifier)
        .filter(registration::Column::Id.is_in(ids.iter().copied()))
        .filter(registration::Column::BodyIdentifier.is_not_null())
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().filter_map(|(id, value)| Some((id, value?))).collect())
}

/// Whether a pending registration's confirmation link no longer works.
pub fn confirm_expired(registration: &registration::Model) -> bool {
    registration.confirm_expires_at.is_none_or(|expires| expires <= now())
}

/// What following a confirmation link came to.
#[derive(Debug)]
pub enum Confirmation {
    /// Confirmed or waitlisted just now.
    Placed(registration::Model),
    /// Already confirmed, waitlisted or cancelled: nothing changed.
    Already(registration::Model),
}

/// Confirms the registration behind a confirmation link: it takes a seat if
/// one is free, else a place on the waiting list.
pub async fn confirm(conn: &impl ConnectionTrait, token: &str) -> Result<Confirmation> {
    Ok(match hold_for_confirmation(conn, token).await? {
        Confirming::Held { registration, .. } => Confirmation::Placed(place(conn, registration).await?.0),
        Confirming::Already(registration) => Confirmation::Already(registration),
    })
}

/// A confirmation link's registration, as [`hold_for_confirmation`] found it.
// Made once per confirmation and matched at once: its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Confirming {
    /// It was pending and is now the caller's to [`place`], in this
    /// transaction; the person is as the confirmation leaves them.
    Held {
        registration: registration::Model,
        person: person::Model,
    },
    /// Already confirmed, waitlisted or cancelled: nothing changed.
    Already(registration::Model),
}

/// The first half of a confirmation, everything before the seat: finds the
/// pending registration behind the link, holds it against a racing
/// confirmation, and applies the details its request proposed (the owner of
/// the address has proved it). The caller reads what it needs next and
/// then calls [`place`], so that on PostgreSQL the session's row, which
/// taking the seat locks until the commit, stays locked for a few
/// statements only. An expired link is a conflict; an unknown one, not found.
pub async fn hold_for_confirmation(conn: &impl ConnectionTrait, token: &str) -> Result<Confirming> {
    // The update that holds a pending, unexpired registration is also what
    // finds it: one statement on the path every confirmation takes. A
    // racing confirmation that held it first leaves nothing to update here.
    let at = now();
    let held = registration::Entity::update_many()
        .col_expr(registration::Column::UpdatedAt, Expr::value(at))
        .filter(registration::Column::ConfirmTokenHash.eq(secrets::hash(token)))
        .filter(registration::Column::Status.eq(RegistrationStatus::Pending))
        .filter(registration::Column::ConfirmExpiresAt.gt(at))
        .exec_with_returning(conn)
        .await?
        .pop();
    let Some(found) = held else {
        let found = by_confirm_token(conn, token).await?;
        return match found.status {
            RegistrationStatus::Pending => Err(StorageError::ConfirmExpired),
            _ => Ok(Confirming::Already(found)),
        };
    };
    let person = match &found.proposed_details {
        Some(json) => people::apply(conn, found.person_id, &people::Proposal::from_json(json)?).await?,
        None => people::get(conn, found.person_id).await?,
    };
    Ok(Confirming::Held {
        registration: found,
        person,
    })
}

/// Seats the first people on the waiting list while seats are free, in
/// their order. Called wherever a seat may have been freed; the seat is
/// taken first, so promotions of one session happen one at a time. A
/// cancelled or completed session seats nobody ([`take_seat`]): its waiting
/// list would be told of a place in a session that will not be held
/// (session 25: an erasure or a cancellation there did).
pub async fn promote(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<Vec<registration::Model>> {
    let mut promoted = Vec::new();
    while take_seat(conn, session_id).await? {
        let Some(first) = registration::Entity::find()
            .filter(registration::Column::SessionId.eq(session_id))
            .filter(registration::Column::Status.eq(RegistrationStatus::Waitlisted))
            .order_by_asc(registration::Column::WaitlistTicket)
            .one(conn)
            .await?
        else {
            release_seat(conn, session_id).await?;
            break;
        };
        if !hold(conn, first.id, RegistrationStatus::Waitlisted).await? {
            // Cancelled meanwhile: the seat goes to the next one.
            release_seat(conn, session_id).await?;
            continue;
        }
        let at = now();
        let mut model: registration::ActiveModel = first.into();
        model.status = Set(RegistrationStatus::Confirmed);
        model.waitlist_ticket = Set(None);
        model.confirmed_at = Set(Some(at));
        model.updated_at = Set(at);
        promoted.push(model.update(conn).await?);
    }
    Ok(promoted)
}

/// A cancellation and the promotions it caused.
#[derive(Debug)]
pub struct Cancelled {
    pub registration: registration::Model,
    /// What the registration was; `Cancelled` if it already was (nothing changed).
    pub was: RegistrationStatus,
    pub promoted: Vec<registration::Model>,
}

/// Cancels a live registration; a confirmed one frees its seat for the
/// first person waiting, in the same transaction. The caller has checked
/// that the session has not started.
pub async fn cancel(conn: &impl ConnectionTrait, id: Uuid, reason: Option<&str>) -> Result<Cancelled> {
    for _ in 0..3 {
        let current = get(conn, id).await?;
        let was = current.status;
        if was == RegistrationStatus::Cancelled {
            return Ok(Cancelled {
                registration: current,
                was,
                promoted: Vec::new(),
            });
        }
        if !hold(conn, id, was).await? {
            continue;
        }
        // The seat is given back before the registration's status changes:
        // the session's row, then the registration's figures, the order in
        // which a change of the session's status takes them (its trigger
        // rewrites the figures). Taken the other way round, the two
        // deadlocked and the organiser's change was lost (session 26's race
        // round).
        if was == RegistrationStatus::Confirmed {
            release_seat(conn, current.session_id).await?;
        }
        let at = now();
        let mut model: registration::ActiveModel = current.clone().into();
        model.status = Set(RegistrationStatus::Cancelled);
        model.waitlist_ticket = Set(None);
        model.cancelled_at = Set(Some(at));
        model.cancel_reason = Set(reason.map(str::to_owned));
        model.updated_at = Set(at);
        let registration = model.update(conn).await?;
        let promoted = if was == RegistrationStatus::Confirmed {
            promote(conn, current.session_id).await?
        } else {
            Vec::new()
        };
        return Ok(Cancelled {
            registration,
            was,
            promoted,
        });
    }
    Err(StorageError::Conflict(aula_domain::Problem::new("error-try-again")))
}

/// What an organiser's move did.
#[derive(Debug)]
pub struct Moved {
    pub registration: registration::Model,
    /// What the registration was when the move took it.
    pub was: RegistrationStatus,
    /// Who took the seat it freed.
    pub promoted: Vec<registration::Model>,
}

/// An organiser moves a registration to another status, with a reason
/// (audited). A pending registration is seated as its confirmation would
/// seat it; a waitlisted one is confirmed only if a seat is free (raise the
/// capacity first); any live one may be cancelled.
pub async fn move_to(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    to: RegistrationStatus,
    reason: &str,
) -> Result<Moved> {
    let current = get(conn, id).await?;
    let mut from = current.status;
    from.transition(to).map_err(StorageError::Conflict)?;
    let (moved, promoted) = match to {
        RegistrationStatus::Cancelled => {
            let cancelled = cancel(conn, id, Some(reason)).await?;
            // Cancelled by another request since it was read: refused as if
            // read so, not cancelled, e-mailed and audited a second time
            // (issue 16's race round).
            from = cancelled.was;
            from.transition(to).map_err(StorageError::Conflict)?;
            (cancelled.registration, cancelled.promoted)
        }
        _ => {
            if !hold(conn, id, from).await? {
                return Err(StorageError::Conflict(aula_domain::Problem::new("error-try-again")));
            }
            let placed = if from == RegistrationStatus::Pending {
                place(conn, current).await?.0
            } else if take_seat(conn, current.session_id).await? {
                let at = now();
                let mut model: registration::ActiveModel = current.into();
                model.status = Set(RegistrationStatus::Confirmed);
                model.waitlist_ticket = Set(None);
                model.confirmed_at = Set(Some(at));
                model.updated_at = Set(at);
                model.update(conn).await?
            } else {
                return Err(StorageError::Conflict(aula_domain::Problem::new("error-no-seat-free")));
            };
            (placed, Vec::new())
        }
    };
    audit::record(
        conn,
        actor,
        "move",
        "registration",
        Some(id),
        serde_json::json!({"from": from, "to": moved.status, "reason": reason}),
    )
    .await?;
    Ok(Moved {
        registration: moved,
        was: from,
        promoted,
    })
}

/// Sets the session's capacity; refused below the seats taken. Raising it
/// promotes the first people waiting.
pub async fn set_capacity(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    session_id: Uuid,
    capacity: aula_domain::Capacity,
) -> Result<Vec<registration::Model>> {
    lock_capacity(conn, session_id, capacity).await?;
    audit::record(
        conn,
        actor,
        "capacity",
        "session",
        Some(session_id),
        serde_json::json!({"capacity": capacity.get()}),
    )
    .await?;
    promote(conn, session_id).await
}

/// Writes a new capacity if the seats taken fit in it: one conditional
/// update, so a seat taken meanwhile cannot slip under a lowered capacity.
pub async fn lock_capacity(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    capacity: aula_domain::Capacity,
) -> Result<()> {
    let capacity = i32::try_from(capacity.get()).unwrap_or(i32::MAX);
    let result = session::Entity::update_many()
        .col_expr(session::Column::Capacity, Expr::value(capacity))
        .col_expr(session::Column::UpdatedAt, Expr::value(now()))
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::SeatsTaken.lte(capacity))
        .exec(conn)
        .await?;
    if result.rows_affected == 1 {
        return Ok(());
    }
    let session = session::Entity::find_by_id(session_id)
        .one(conn)
        .await?
        .ok_or(StorageError::NotFound)?;
    Err(StorageError::Invalid(aula_domain::FieldErrors::single(
        "capacity",
        aula_domain::Problem::new("error-capacity-below-taken").with("taken", session.seats_taken),
    )))
}

/// Where a waitlisted registration stands: 1 for the first person waiting.
pub async fn waitlist_position(conn: &impl ConnectionTrait, registration: &registration::Model) -> Result<Option<u64>> {
    use sea_orm::PaginatorTrait;
    let (Some(ticket), RegistrationStatus::Waitlisted) = (registration.waitlist_ticket, registration.status) else {
        return Ok(None);
    };
    let ahead = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(registration.session_id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Waitlisted))
        .filter(registration::Column::WaitlistTicket.lt(ticket))
        .count(conn)
        .await?;
    Ok(Some(ahead + 1))
}

/// A person's registrations, newest first ("my trainings", their data export).
pub async fn for_person(conn: &impl ConnectionTrait, person_id: Uuid) -> Result<Vec<registration::Model>> {
    Ok(registration::Entity::find()
        .filter(registration::Column::PersonId.eq(person_id))
        .order_by_desc(registration::Column::CreatedAt)
        .limit(500)
        .all(conn)
        .await?)
}

/// The person's live registrations (pending, waiting or holding a seat) in
/// sessions not started at `now`: the places an erasure gives up.
pub async fn live_before_start(
    conn: &impl ConnectionTrait,
    person_id: Uuid,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<registration::Model>> {
    use sea_orm::sea_query::{ExprTrait as _, Query};
    let not_started = Query::select()
        .column(session::Column::Id)
        .from(session::Entity)
        .cond_where(
            session::Column::StartsAt
                .gt(now)
                .or(session::Column::StartsAt.is_null()),
        )
        .to_owned();
    Ok(registration::Entity::find()
        .filter(registration::Column::PersonId.eq(person_id))
        .filter(registration::Column::Status.ne(RegistrationStatus::Cancelled))
        .filter(registration::Column::SessionId.in_subquery(not_started))
        .all(conn)
        .await?)
}

/// The people a message to the session's `audience` goes to, with their
/// registrations, in waiting-list order after the confirmed.
pub async fn recipients(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    audience: Audience,
) -> Result<Vec<(registration::Model, person::Model)>> {
    let registrations = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(session_id))
        .filter(registration::Column::Status.is_in(audience.statuses().iter().copied()))
        .order_by_asc(registration::Column::WaitlistTicket)
        .order_by_asc(registration::Column::CreatedAt)
        .all(conn)
        .await?;
    let ids: Vec<Uuid> = registrations.iter().map(|r| r.person_id).collect();
    let people = crate::by_id(conn, person::Column::Id, ids, |p| p.id).await?;
    Ok(registrations
        .into_iter()
        .filter_map(|r| people.get(&r.person_id).cloned().map(|p| (r, p)))
        .collect())
}

/// A registration with its person, and its place on the waiting list.
#[derive(Clone, Debug)]
pub struct RegistrationRow {
    pub registration: registration::Model,
    pub person: person::Model,
    /// 1 for the first person waiting; `None` unless waitlisted.
    pub waitlist_position: Option<u64>,
}

/// How many registrations a session has in each status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub pending: u64,
    pub confirmed: u64,
    pub waitlisted: u64,
    pub cancelled: u64,
}

pub async fn counts(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<Counts> {
    use sea_orm::{FromQueryResult, QuerySelect};
    #[derive(FromQueryResult)]
    struct Row {
        status: RegistrationStatus,
        count: i64,
    }
    let rows = registration::Entity::find()
        .select_only()
        .column(registration::Column::Status)
        .column_as(registration::Column::Id.count(), "count")
        .filter(registration::Column::SessionId.eq(session_id))
        .group_by(registration::Column::Status)
        .into_model::<Row>()
        .all(conn)
        .await?;
    let mut counts = Counts::default();
    for row in rows {
        let n = row.count.max(0) as u64;
        match row.status {
            RegistrationStatus::Pending => counts.pending = n,
            RegistrationStatus::Confirmed => counts.confirmed = n,
            RegistrationStatus::Waitlisted => counts.waitlisted = n,
            RegistrationStatus::Cancelled => counts.cancelled = n,
        }
    }
    Ok(counts)
}

/// A session's registrations in the order they came; `status` narrows to
/// one status. Waiting-list
/// positions are ranks among the waitlisted (dense, 1-based), computed for
/// the page's rows only.
pub async fn list(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    status: Option<RegistrationStatus>,
    page: crate::Page,
) -> Result<crate::Paged<RegistrationRow>> {
    use sea_orm::{PaginatorTrait, QuerySelect};
    let mut query = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(session_id))
        // Not by ticket: the databases disagree on where NULLs sort.
        .order_by_asc(registration::Column::CreatedAt)
        .order_by_asc(registration::Column::Id);
    if let Some(status) = status {
        query = query.filter(registration::Column::Status.eq(status));
    }
    let total = query.clone().count(conn).await?;
    let rows = query.offset(page.offset()).limit(page.per_page).all(conn).await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.person_id).collect();
    let people = crate::by_id(conn, person::Column::Id, ids, |p| p.id).await?;
    let mut items = Vec::with_capacity(rows.len());
    for registration in rows {
        let Some(person) = people.get(&registration.person_id).cloned() else {
            continue;
        };
        let waitlist_position = waitlist_position(conn, &registration).await?;
        items.push(RegistrationRow {
            registration,
            person,
            waitlist_position,
        });
    }
    Ok(crate::Paged { items, page, total })
}

/// Another live registration of the same person whose session's meetings
/// overlap one of the registration's own (issue 20): the person cannot be
/// in both rooms, and is told on their page; organisers see it on the
/// session's registrations.
#[derive(Clone, Debug, PartialEq, Eq, sea_orm::FromQueryResult)]
pub struct Overlap {
    /// The registration that overlaps another.
    pub registration_id: Uuid,
    /// The other registration's session, with its course's title and first meeting.
    pub session_id: Uuid,
    pub title: String,
    pub starts_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// The overlaps of `ids`' live registrations with the same people's other
/// live registrations in sessions not cancelled, soonest first. Two
/// meetings overlap when each starts before the other ends (one ending at
/// 12:00 and the next starting at 12:00 do not).
pub async fn overlapping(conn: &impl ConnectionTrait, ids: &[Uuid]) -> Result<Vec<Overlap>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let backend = conn.get_database_backend();
    let placeholders: Vec<String> = (1..=ids.len())
        .map(|n| match backend {
            sea_orm::DbBackend::Postgres => format!("${n}"),
            _ => "?".to_owned(),
        })
        .collect();
    let sql = format!(
        "SELECT DISTINCT r.id AS registration_id, other.session_id AS session_id, c.title AS title, \
                s.starts_at AS starts_at \
         FROM registrations r \
         JOIN registrations other ON other.person_id = r.person_id AND other.session_id <> r.session_id \
              AND other.status <> 'cancelled' \
         JOIN sessions s ON s.id = other.session_id AND s.status <> 'cancelled' \
         JOIN courses c ON c.id = s.course_id \
         WHERE r.id IN ({}) AND r.status <> 'cancelled' \
           AND EXISTS (SELECT 1 FROM meetings mine JOIN meetings theirs \
                       ON theirs.session_id = other.session_id \
                       AND mine.starts_at < theirs.ends_at AND theirs.starts_at < mine.ends_at \
                       WHERE mine.session_id = r.session_id) \
         ORDER BY s.starts_at, c.title",
        placeholders.join(", ")
    );
    let values: Vec<sea_orm::Value> = ids.iter().map(|id| (*id).into()).collect();
    Ok(
        <Overlap as sea_orm::FromQueryResult>::find_by_statement(sea_orm::Statement::from_sql_and_values(
            backend, sql, values,
        ))
        .all(conn)
        .await?,
    )
}
