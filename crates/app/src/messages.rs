//! Writing to people: an organiser's message to a session's participants,
//! and sending a failed e-mail again.

use aula_domain::registration::Audience;
use aula_storage::entities::outbox as outbox_row;
use aula_storage::sessions::SessionRecord;
use aula_storage::users::UserRecord;
use aula_storage::{Actor, audit, outbox};
use uuid::Uuid;

use crate::{App, Result};

/// An organiser's message, already checked by the domain's rules.
pub struct Broadcast<'a> {
    pub audience: Audience,
    pub subject: &'a str,
    pub body: &'a str,
}

/// Queues one e-mail per recipient of the session's `audience`, each in
/// their language's frame, with the audit entry. Returns how many.
pub async fn broadcast(
    app: &App,
    organiser: &UserRecord,
    actor: &Actor,
    session: &SessionRecord,
    message: &Broadcast<'_>,
) -> Result<usize> {
    let txn = app.write().await?;
    let queued = aula_mail::notify::broadcast(
        &*txn,
        &app.mail,
        session,
        message.audience,
        message.subject,
        message.body,
        organiser,
    )
    .await?;
    audit::record(
        &*txn,
        actor,
        "broadcast",
        "session",
        Some(session.session.id),
        serde_json::json!({"audience": message.audience, "subject": message.subject, "recipients": queued}),
    )
    .await?;
    txn.commit().await?;
    Ok(queued)
}

/// Sends a failed message again (audited): due now, attempts reset.
pub async fn retry(app: &App, actor: &Actor, id: Uuid) -> Result<outbox_row::Model> {
    let txn = app.write().await?;
    let row = outbox::retry(&*txn, actor, id).await?;
    txn.commit().await?;
    Ok(row)
}
