//! Writing to people: an organiser's message to a session's participants,
//! and sending a failed e-mail again.

use aula_domain::registration::Audience;
use aula_storage::entities::outbox as outbox_row;
use aula_storage::sessions::SessionRecord;
use aula_storage::users::UserRecord;
use aula_storage::{Actor, audit, outbox};
use uuid::Uuid;

use crate::{App, Error, Result};

/// An organiser's message, already checked by the domain's rules.
pub struct Broadcast<'a> {
    pub audience: Audience,
    pub subject: &'a str,
    pub body: &'a str,
    /// The preview's one send: a message sent again with the same token
    /// (a double click, a form posted twice, a reload) queues nothing more.
    /// Two clicks on "send" e-mailed everyone twice (session 29's attack
    /// round).
    pub sending: Option<Uuid>,
}

/// Queues one e-mail per recipient of the session's `audience`, each in
/// their language's frame, with the audit entry. Returns how many
/// recipients it is for (the same when its `sending` was already sent,
/// which queues and audits nothing again; a recipient who joined since is
/// written to, and the audit entry counts the messages written).
pub async fn broadcast(
    app: &App,
    organiser: &UserRecord,
    actor: &Actor,
    session: &SessionRecord,
    message: &Broadcast<'_>,
) -> Result<usize> {
    let txn = app.write().await?;
    let mut messages = one_each(&*txn, app, organiser, session, message).await?;
    let mut written = 0;
    for m in &mut messages {
        if let Some(sending) = message.sending {
            m.dedupe_key = Some(format!("broadcast:{sending}:{}", m.recipient.as_str()));
        }
        written += usize::from(outbox::enqueue(&*txn, m, &app.mail.domain).await?.is_some());
    }
    let queued = messages.len();
    if written == 0 && queued > 0 {
        return Ok(queued);
    }
    audit::record(
        &*txn,
        actor,
        "broadcast",
        "session",
        Some(session.session.id),
        serde_json::json!({"audience": message.audience, "subject": message.subject, "recipients": written}),
    )
    .await?;
    txn.commit().await?;
    Ok(queued)
}

/// The message made for each of its recipients, not queued.
async fn one_each(
    conn: &impl aula_storage::ConnectionTrait,
    app: &App,
    organiser: &UserRecord,
    session: &SessionRecord,
    message: &Broadcast<'_>,
) -> Result<Vec<outbox::NewMessage>> {
    Ok(aula_mail::notify::broadcast_messages(
        conn,
        &app.mail,
        session,
        message.audience,
        message.subject,
        message.body,
        organiser,
    )
    .await?)
}

/// A message as one language's recipients will read it.
pub struct LanguagePreview {
    pub language: aula_domain::Language,
    /// How many recipients read it in this language.
    pub recipients: usize,
    /// Rendered for the first of them (their name in the greeting).
    pub subject: String,
    pub text: String,
}

/// What [`broadcast`] would send now, and to how many; changes nothing.
pub struct Preview {
    pub recipients: usize,
    /// One per language among the recipients, in the order of [`aula_domain::Language::ALL`].
    pub languages: Vec<LanguagePreview>,
}

/// The message rendered in each language its recipients read, with the
/// count of recipients: the organiser's last look before [`broadcast`].
pub async fn preview(
    app: &App,
    organiser: &UserRecord,
    session: &SessionRecord,
    message: &Broadcast<'_>,
) -> Result<Preview> {
    let messages = one_each(&app.db, app, organiser, session, message).await?;
    let signer = aula_mail::render::Signer::load(&app.db, session.session.organisation_id).await?;
    let mut languages = Vec::new();
    for language in aula_domain::Language::ALL {
        let mut of_language = messages.iter().filter(|m| m.language == *language);
        let Some(first) = of_language.next() else { continue };
        // One recipient's message: their personal link's secret is not
        // the organiser's to see.
        let rendered = aula_mail::render::render(
            first.kind,
            &aula_mail::render::without_secrets(&first.data.to_string()),
            first.language,
            first.recipient_name.clone(),
            &signer,
            &app.mail.base_url,
            &app.mail.domain,
        )
        .map_err(|e| Error::Conflict(aula_domain::Problem::new("error-render-failed").with("reason", e.to_string())))?;
        languages.push(LanguagePreview {
            language: *language,
            recipients: 1 + of_language.count(),
            subject: rendered.subject,
            text: rendered.text,
        });
    }
    Ok(Preview {
        recipients: messages.len(),
        languages,
    })
}

/// Sends a failed message again (audited): due now, attempts reset.
pub async fn retry(app: &App, actor: &Actor, id: Uuid) -> Result<outbox_row::Model> {
    let txn = app.write().await?;
    let row = outbox::retry(&*txn, actor, id).await?;
    txn.commit().await?;
    Ok(row)
}
