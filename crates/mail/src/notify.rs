//! The messages changes cause, written to the outbox inside the change's
//! transaction: callers pass the transaction they are committing.

use aula_domain::registration::Audience;
use aula_domain::{Email, Language};
use aula_storage::outbox::{self, NewMessage};
use aula_storage::registrations;
use aula_storage::sessions::SessionRecord;
use aula_storage::users::UserRecord;
use lettre::message::Mailbox;
use sea_orm::ConnectionTrait;

use crate::ics::SessionCalendar;
use crate::render::{Broadcast, RegistrationConfirmed, Reminder, SessionCancelled, SessionChanged, SessionRef, data};

/// What every message needs to know about where it comes from.
#[derive(Clone, Debug)]
pub struct MailConfig {
    pub from: Mailbox,
    /// Links in messages start with this (no trailing slash).
    pub base_url: String,
    /// The right-hand side of Message-IDs and calendar UIDs.
    pub domain: String,
}

impl MailConfig {
    /// `domain` from the base URL's host.
    pub fn new(from: Mailbox, base_url: &str) -> Self {
        let base_url = base_url.trim_end_matches('/').to_owned();
        let host = base_url
            .split("://")
            .nth(1)
            .unwrap_or("localhost")
            .split(['/', ':'])
            .next()
            .unwrap_or("localhost");
        MailConfig {
            from,
            domain: host.to_owned(),
            base_url,
        }
    }
}

pub fn session_ref(record: &SessionRecord) -> SessionRef {
    SessionRef {
        id: record.session.id,
        course_title: record.course.course.title.clone(),
        time_zone: record.session.time_zone.clone(),
        place: record.venue.as_ref().map(|(venue, region)| {
            let address = venue.address.as_deref().map(|a| format!(", {a}")).unwrap_or_default();
            format!("{}{address}, {} ({})", venue.name, venue.city, region.name)
        }),
        meetings: record.meetings.iter().map(|m| (m.starts_at, m.ends_at)).collect(),
        online_url: record.session.online_url.clone(),
    }
}

pub fn calendar(config: &MailConfig, record: &SessionRecord) -> SessionCalendar {
    let reference = session_ref(record);
    let place = reference.place.clone();
    SessionCalendar {
        session_id: record.session.id,
        time_zone: record.session.time_zone.clone(),
        summary: record.course.course.title.clone(),
        description: record.course.course.summary.clone(),
        location: match (place, &record.session.online_url) {
            (Some(place), _) => Some(place),
            (None, Some(url)) => Some(url.clone()),
            (None, None) => None,
        },
        url: format!("{}{}", config.base_url, reference.path()),
        sequence: record.session.calendar_sequence,
        organiser_email: config.from.email.to_string(),
        organiser_name: config.from.name.clone().unwrap_or_else(|| "Aula".to_owned()),
        meetings: reference.meetings,
    }
}

fn message(
    kind: &'static str,
    person: &aula_storage::entities::person::Model,
    record: &SessionRecord,
    data: serde_json::Value,
    reply_to: Option<String>,
) -> Option<NewMessage> {
    // Addresses were checked when people registered; one that no longer
    // parses is skipped here rather than failing the organiser's change.
    let recipient = Email::parse(&person.email).ok()?;
    Some(NewMessage {
        kind,
        recipient,
        recipient_name: Some(format!("{} {}", person.given_name, person.family_name)),
        language: Language::parse(&person.language).unwrap_or_default(),
        data,
        session_id: Some(record.session.id),
        reply_to,
        due_at: None,
        dedupe_key: None,
    })
}

/// An organiser's message to the session's participants: one row each.
pub async fn broadcast(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    audience: Audience,
    subject: &str,
    body: &str,
    organiser: &UserRecord,
) -> aula_storage::Result<usize> {
    let mut session = session_ref(record);
    if audience != Audience::Confirmed {
        // The meeting link is for those who hold a seat.
        session.online_url = None;
    }
    let content = data(&Broadcast {
        session,
        subject: subject.to_owned(),
        body: body.to_owned(),
        organiser_name: organiser.user.name.clone(),
    });
    let reply_to = format!(
        "{} <{}>",
        organiser.user.name.replace(['<', '>', '"'], ""),
        organiser.user.email
    );
    let mut queued = 0;
    for (_, person) in registrations::recipients(conn, record.session.id, audience).await? {
        if let Some(m) = message("broadcast", &person, record, content.clone(), Some(reply_to.clone())) {
            outbox::enqueue(conn, &m, &config.domain).await?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// The session's meetings changed: confirmed participants get the new times
/// and a calendar update.
pub async fn session_changed(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
) -> aula_storage::Result<usize> {
    // Reminders move with the first meeting.
    if let Some(due) = reminder_due(record) {
        outbox::reschedule(conn, "reminder", record.session.id, due).await?;
    }
    let content = data(&SessionChanged {
        session: session_ref(record),
        calendar: calendar(config, record),
    });
    let mut queued = 0;
    for (_, person) in registrations::recipients(conn, record.session.id, Audience::Confirmed).await? {
        if let Some(m) = message("session_changed", &person, record, content.clone(), None) {
            outbox::enqueue(conn, &m, &config.domain).await?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// The session is cancelled: everyone still registered is told, and confirmed
/// participants get a calendar cancellation.
pub async fn session_cancelled(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
) -> aula_storage::Result<usize> {
    // No reminder for a session that will not take place.
    outbox::cancel_pending_for_session(conn, "reminder", record.session.id).await?;
    let content = data(&SessionCancelled {
        session: session_ref(record),
        calendar: calendar(config, record),
    });
    let mut queued = 0;
    for (_, person) in registrations::recipients(conn, record.session.id, Audience::All).await? {
        if let Some(m) = message("session_cancelled", &person, record, content.clone(), None) {
            outbox::enqueue(conn, &m, &config.domain).await?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// The dedupe key of a registration's reminder: queued once, dropped if the
/// registration is cancelled before it goes out.
pub fn reminder_key(registration_id: uuid::Uuid) -> String {
    format!("reminder:{registration_id}")
}

/// When the session's reminder is due: its lead time before the first meeting.
pub fn reminder_due(record: &SessionRecord) -> Option<chrono::DateTime<chrono::Utc>> {
    let first = record.meetings.first()?.starts_at;
    Some(first - chrono::Duration::minutes(i64::from(record.session.reminder_lead_minutes)))
}

/// A place is confirmed: the confirmation with its calendar invitation, and
/// the reminder, scheduled for the lead time before the first meeting (not
/// when that moment has already passed).
pub async fn confirmed(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    registration: &aula_storage::entities::registration::Model,
    person: &aula_storage::entities::person::Model,
) -> aula_storage::Result<()> {
    let content = data(&RegistrationConfirmed {
        session: session_ref(record),
        calendar: calendar(config, record),
    });
    if let Some(m) = message("registration_confirmed", person, record, content, None) {
        outbox::enqueue(conn, &m, &config.domain).await?;
    }
    if let Some(due) = reminder_due(record).filter(|due| *due > chrono::Utc::now())
        && let Some(mut m) = message(
            "reminder",
            person,
            record,
            data(&Reminder {
                session: session_ref(record),
            }),
            None,
        )
    {
        m.due_at = Some(due);
        m.dedupe_key = Some(reminder_key(registration.id));
        outbox::enqueue(conn, &m, &config.domain).await?;
    }
    Ok(())
}
