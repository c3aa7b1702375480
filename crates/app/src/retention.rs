//! Personal data over its whole life (issue 21): erasing a person, at the
//! request of an organiser or administrator (with a reason), or of the
//! person themselves from "my trainings" once they follow the link e-mailed
//! to them. What is erased and what is kept is `aula_storage::retention`'s
//! concern; here each door is one transaction with its audit entry, which
//! names nobody: the person's id, who asked, the reason, and counts.

use aula_domain::FieldErrors;
use aula_domain::text::Text;
use aula_storage::entities::person;
use aula_storage::retention::{self, Erased};
use aula_storage::{Actor, audit, people};
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
/// withdraw theirs too. One transaction with its audit entry.
pub async fn erase(app: &App, person_id: Uuid, by: &ErasedBy, certificates: bool) -> Result<Erased> {
    let txn = app.write().await?;
    let erased = retention::erase(&*txn, person_id, certificates).await?;
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
    tracing::info!(?erased, "erased a person");
    Ok(erased)
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
