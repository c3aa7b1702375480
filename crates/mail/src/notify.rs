//! The messages changes cause, written to the outbox inside the change's
//! transaction: callers pass the transaction they are committing.

use aula_domain::registration::Audience;
use aula_domain::{Email, MailKind, RegistrationStatus};
use aula_storage::entities::meeting;
use aula_storage::entities::person::Model as Person;
use aula_storage::entities::registration::Model as Registration;
use aula_storage::outbox::{self, NewMessage};
use aula_storage::registrations;
use aula_storage::secrets::LinkKey;
use aula_storage::sessions::SessionRecord;
use aula_storage::users::UserRecord;
use lettre::message::Mailbox;
use sea_orm::ConnectionTrait;

use crate::ics::SessionCalendar;
use crate::render::{
    AbsenceWarning, AlreadyRegistered, Broadcast, CertificateReady, CertificateRevoked, CheckInCode, ErasureLink,
    MeetingsWithdrawn, RegistrationCancelled, RegistrationConfirmed, RegistrationRequested, RegistrationWaitlisted,
    Reminder, SessionCancelled, SessionChanged, SessionRef, SignInLink, SurveyInvitation, data,
};

/// What every message needs to know about where it comes from.
#[derive(Clone, Debug)]
pub struct MailConfig {
    pub from: Mailbox,
    /// Links in messages start with this (no trailing slash).
    pub base_url: String,
    /// The right-hand side of Message-IDs and calendar UIDs.
    pub domain: String,
    /// Signs the personal link to a registration that every message about it carries.
    pub link_key: LinkKey,
}

impl MailConfig {
    /// `domain` from the base URL's host.
    pub fn new(from: Mailbox, base_url: &str, link_key: LinkKey) -> Self {
        MailConfig {
            from,
            domain: Self::host(base_url),
            base_url: base_url.trim_end_matches('/').to_owned(),
            link_key,
        }
    }

    /// The host of a base URL (`aula.example.org` in
    /// `https://aula.example.org:8443/`), `localhost` if it has none or is
    /// an IPv6 address (`http://[::]:8080`, which split at its colons named
    /// the host `[` and made an unrelated sender address refused).
    pub fn host(base_url: &str) -> String {
        url::Url::parse(base_url)
            .ok()
            .and_then(|url| url.host_str().map(str::to_owned))
            .filter(|host| !host.is_empty() && !host.starts_with('['))
            .unwrap_or_else(|| "localhost".to_owned())
    }

    /// The path of a registration's personal page (see, cancel).
    pub fn manage_path(&self, registration_id: uuid::Uuid) -> String {
        format!("/r/{}", self.link_key.sign(registration_id))
    }
}

pub fn session_ref(record: &SessionRecord) -> SessionRef {
    SessionRef {
        id: record.session.id,
        course_title: record.course.course.title.clone(),
        time_zone: record.session.time_zone.name().to_owned(),
        place: record.venue.as_ref().map(|(venue, region)| {
            let address = venue.address.as_deref().map(|a| format!(", {a}")).unwrap_or_default();
            format!("{}{address}, {} ({})", venue.name, venue.city, region.name)
        }),
        meetings: record.meetings.iter().map(|m| (m.starts_at, m.ends_at)).collect(),
        online_url: record.session.online_url.clone(),
        meeting_places: meeting_places(record),
    }
}

/// Each meeting's own place where the session is hybrid (issue 20), else none.
fn meeting_places(record: &SessionRecord) -> Vec<Option<String>> {
    match record.has_meeting_places() {
        true => record.meetings.iter().map(|m| m.place.clone()).collect(),
        false => Vec::new(),
    }
}

pub fn calendar(config: &MailConfig, record: &SessionRecord) -> SessionCalendar {
    let reference = session_ref(record);
    let place = reference.place.clone();
    SessionCalendar {
        session_id: record.session.id,
        time_zone: record.session.time_zone.name().to_owned(),
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
        places: reference.meeting_places,
        first_rank: 0,
        meeting_ids: match record.session.calendar_uids {
            aula_domain::CalendarUids::Meeting => record.meetings.iter().map(|m| m.id).collect(),
            aula_domain::CalendarUids::Rank => Vec::new(),
        },
    }
}

/// A message to `person` about `record`; `registration` adds the personal
/// link to it, which the layout shows at the foot of the message.
fn message(
    kind: MailKind,
    person: &Person,
    record: &SessionRecord,
    mut data: serde_json::Value,
    reply_to: Option<String>,
    registration: Option<(&MailConfig, &Registration)>,
) -> Option<NewMessage> {
    // A session recorded after the fact writes to nobody about itself (issue 24).
    if record.session.record_past && !kind.goes_to_a_past_session() {
        return None;
    }
    // Someone erased keeps the registrations of sessions under way (they
    // are counted), and is written to by no one: session 23 found a
    // session's changes and broadcasts going to their erased address.
    if person.erased_at.is_some() {
        return None;
    }
    // Addresses were checked when people registered; one that no longer
    // parses is skipped here rather than failing the organiser's change.
    // Someone without e-mail (issue 20) is written to by no one.
    let recipient = Email::parse(person.email.as_deref()?).ok()?;
    if let (Some((config, registration)), Some(object)) = (registration, data.as_object_mut()) {
        object.insert("manage_path".into(), config.manage_path(registration.id).into());
    }
    // Every message to a person passes here: the course speaks their
    // language where it has a text in it (issue 23), in the body and in
    // the calendar invitation alike.
    let text = record.course.course.text(person.language.as_str());
    if let Some(session) = data.get_mut("session").and_then(|s| s.as_object_mut()) {
        session.insert("course_title".into(), text.title.clone().into());
    }
    if let Some(calendar) = data.get_mut("calendar").and_then(|c| c.as_object_mut()) {
        calendar.insert("summary".into(), text.title.into());
        calendar.insert("description".into(), text.summary.into());
    }
    Some(NewMessage {
        organisation_id: record.session.organisation_id,
        kind,
        recipient,
        recipient_name: Some(format!("{} {}", person.given_name, person.family_name)),
        language: person.language,
        data,
        session_id: Some(record.session.id),
        reply_to,
        due_at: None,
        dedupe_key: None,
    })
}

/// An organiser's message to the session's participants: one row each, for
/// the caller to queue (`app::messages::broadcast`) or to preview.
pub async fn broadcast_messages(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    audience: Audience,
    subject: &str,
    body: &str,
    organiser: &UserRecord,
) -> aula_storage::Result<Vec<NewMessage>> {
    // Each reader is greeted by the layout, in their language: the
    // organiser's own greeting line would be a second one (issue 24).
    let body = aula_domain::text::without_greeting(body);
    let content = |with_link: bool| {
        // A hybrid meeting's link too (session 23: the waiting list got it).
        let session = if with_link {
            session_ref(record)
        } else {
            without_seat(record)
        };
        data(&Broadcast {
            session,
            subject: subject.to_owned(),
            body: body.to_owned(),
            organiser_name: organiser.user.name.clone(),
        })
    };
    // The meeting link is for those who hold a seat, whoever else is written to.
    let (seated, waiting) = (content(true), content(false));
    let reply_to = format!(
        "{} <{}>",
        organiser.user.name.replace(['<', '>', '"'], ""),
        organiser.user.email
    );
    let mut messages = Vec::new();
    for (registration, person) in registrations::recipients(conn, record.session.id, audience).await? {
        let manage = Some((config, &registration));
        messages.extend(message(
            MailKind::Broadcast,
            &person,
            record,
            match registration.status {
                aula_domain::RegistrationStatus::Confirmed => seated.clone(),
                _ => waiting.clone(),
            },
            Some(reply_to.clone()),
            manage,
        ));
    }
    Ok(messages)
}

/// The session's meetings changed (from `before`): confirmed participants
/// get the new times and a calendar update, and, when meetings were taken
/// off, a second message whose calendar cancels the events left over.
pub async fn session_changed(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    before: &SessionRecord,
    record: &SessionRecord,
) -> aula_storage::Result<usize> {
    // Reminders move with the first meeting, and say what the session now
    // is: queued at confirmation, they showed meetings since removed
    // (session 23). Each keeps its reader's language and personal link.
    let pending = outbox::pending_of_session(conn, MailKind::Reminder, record.session.id).await?;
    let reminded = |registration: &Registration| {
        let key = reminder_key(registration.id);
        pending
            .iter()
            .any(|row| row.dedupe_key.as_deref().is_some_and(|k| k.starts_with(&key)))
    };
    // The first meeting moved (or the session got its first): whoever has
    // no reminder waiting (sent for the old date, or never queued, as for a
    // place confirmed inside the lead time) gets one for the new date.
    let remind = reminder_due(record).filter(|due| *due > chrono::Utc::now() && Some(*due) != reminder_due(before));
    reminders_follow(conn, record, &pending).await?;
    // A confirmation still waiting (a retry after a failure) leaves with the
    // session as it now is, and an update still waiting is replaced by this
    // one's: sent after this change's messages, they put the meetings they
    // were queued with back into calendars (session 31's attack round).
    outbox::drop_pending_of_session(conn, record.session.id, &[MailKind::SessionChanged], None).await?;
    confirmations_follow(conn, config, record).await?;
    let now = calendar(config, record);
    let then = calendar(config, before);
    let withdrawn = now.withdrawn_since(&then).map(|calendar| {
        // Named by rank, the calendar cancels the last ranks; the text names
        // the meetings that are really gone, which need not be the last ones
        // (a review found the mail saying a meeting that still takes place
        // would not). Named by meeting, the two are the same.
        let kept = |m: &meeting::Model| {
            record
                .meetings
                .iter()
                .any(|k| (k.starts_at, k.ends_at) == (m.starts_at, m.ends_at))
        };
        let withdrawn = match calendar.meeting_ids.is_empty() {
            true => before
                .meetings
                .iter()
                .filter(|m| !kept(m))
                .map(|m| (m.starts_at, m.ends_at))
                .collect(),
            false => calendar.meetings.clone(),
        };
        data(&MeetingsWithdrawn {
            session: session_ref(record),
            withdrawn,
            calendar,
        })
    });
    // With no meeting left there is nothing to update: the cancellation
    // says it all (a calendar of no event is no calendar). Nor when the
    // events left are all as they were: a meeting taken off sent an update
    // of the others too, a second e-mail that changed nothing (session 30's note).
    let content = (!record.meetings.is_empty() && !now.holds_nothing_new(&then)).then(|| {
        data(&SessionChanged {
            session: session_ref(record),
            calendar: now,
        })
    });
    let mut queued = 0;
    for (registration, person) in registrations::recipients(conn, record.session.id, Audience::Confirmed).await? {
        let manage = Some((config, &registration));
        let messages = [
            (MailKind::SessionChanged, content.as_ref()),
            (MailKind::MeetingsWithdrawn, withdrawn.as_ref()),
        ];
        for (kind, content) in messages {
            let Some(content) = content else { continue };
            if let Some(m) = message(kind, &person, record, content.clone(), None, manage) {
                outbox::enqueue(conn, &m, &config.domain).await?;
                queued += 1;
            }
        }
        if let Some(due) = remind.filter(|_| !reminded(&registration))
            && let Some(m) = reminder(config, record, &registration, &person, due)
        {
            outbox::enqueue(conn, &m, &config.domain).await?;
        }
    }
    Ok(queued)
}

/// The session's confirmations waiting say what it now is: its meetings,
/// place and calendar, in each one's language; the rest of each is kept.
async fn confirmations_follow(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
) -> aula_storage::Result<()> {
    let pending = outbox::pending_of_session(conn, MailKind::RegistrationConfirmed, record.session.id).await?;
    for row in pending {
        let mut content = serde_json::from_str::<serde_json::Value>(&row.data).unwrap_or_default();
        let text = record.course.course.text(row.language.as_str());
        let mut session = serde_json::to_value(session_ref(record)).unwrap_or_default();
        session["course_title"] = text.title.clone().into();
        let mut calendar = serde_json::to_value(calendar(config, record)).unwrap_or_default();
        calendar["summary"] = text.title.into();
        calendar["description"] = text.summary.into();
        content["session"] = session;
        content["calendar"] = calendar;
        outbox::rewrite_pending(conn, row.id, content.to_string(), row.next_attempt_at, row.dedupe_key).await?;
    }
    Ok(())
}

/// The session's reminders waiting (`pending`) say what it now is and leave at its reminder's time. Each key names the
/// date it reminds of, so that moved back, the session's reminder for that
/// date is not taken for a duplicate (session 25's review); one already
/// sent for the new date makes this one a duplicate, dropped. Run when the
/// meetings change and when the lead time alone does (which kept the old
/// date's key).
pub async fn reminders_follow(
    conn: &impl ConnectionTrait,
    record: &SessionRecord,
    pending: &[aula_storage::entities::outbox::Model],
) -> aula_storage::Result<()> {
    let Some(due) = reminder_due(record) else {
        return Ok(());
    };
    for row in pending {
        let mut content = serde_json::from_str::<serde_json::Value>(&row.data).unwrap_or_default();
        let mut session = serde_json::to_value(session_ref(record)).unwrap_or_default();
        session["course_title"] = record.course.course.text(row.language.as_str()).title.into();
        content["session"] = session;
        let key = row
            .dedupe_key
            .as_deref()
            .and_then(|k| k.strip_prefix("reminder:"))
            .and_then(|rest| rest.get(..36))
            .and_then(|id| uuid::Uuid::parse_str(id).ok())
            .map(|id| reminder_key_at(id, due));
        match &key {
            Some(key) if outbox::key_taken(conn, key, row.id).await? => outbox::drop_pending(conn, row.id).await?,
            _ => {
                outbox::rewrite_pending(conn, row.id, content.to_string(), due, key.or(row.dedupe_key.clone())).await?
            }
        }
    }
    Ok(())
}

/// The session's reminders waiting, moved to its lead time (changed alone,
/// its meetings as they were): see [`reminders_follow`].
pub async fn lead_time_changed(conn: &impl ConnectionTrait, record: &SessionRecord) -> aula_storage::Result<()> {
    let pending = outbox::pending_of_session(conn, MailKind::Reminder, record.session.id).await?;
    reminders_follow(conn, record, &pending).await
}

/// The session is cancelled: everyone still registered is told, and confirmed
/// participants get a calendar cancellation.
pub async fn session_cancelled(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
) -> aula_storage::Result<usize> {
    // No reminder for a session that will not take place, and no
    // invitation to it either: one still waiting (a retry after a failure)
    // and sent after the cancellation put its events back into calendars
    // (session 31's attack round).
    outbox::cancel_pending_for_session(conn, MailKind::Reminder, record.session.id).await?;
    outbox::drop_pending_invitations(conn, record.session.id, None).await?;
    let messages = session_cancelled_messages(conn, config, record).await?;
    for m in &messages {
        outbox::enqueue(conn, m, &config.domain).await?;
    }
    Ok(messages.len())
}

/// The messages a cancellation of the session sends, one per person
/// registered: queued by [`session_cancelled`], counted for the organiser
/// before they press the button (issue 24).
pub async fn session_cancelled_messages(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
) -> aula_storage::Result<Vec<NewMessage>> {
    // The calendar's cancellation and the meeting's link are for those who
    // had a seat: the waiting list had neither (session 23 found both sent).
    let seated = data(&SessionCancelled {
        session: session_ref(record),
        calendar: Some(calendar(config, record)),
    });
    let waiting = data(&SessionCancelled {
        session: without_seat(record),
        calendar: None,
    });
    Ok(registrations::recipients(conn, record.session.id, Audience::All)
        .await?
        .iter()
        .filter_map(|(registration, person)| {
            let content = match registration.status {
                aula_domain::RegistrationStatus::Confirmed => seated.clone(),
                _ => waiting.clone(),
            };
            message(MailKind::SessionCancelled, person, record, content, None, None)
        })
        .collect())
}

/// The dedupe key of a registration's reminders, every one of which is
/// dropped if the registration is cancelled before it goes out.
pub fn reminder_key(registration_id: uuid::Uuid) -> String {
    format!("reminder:{registration_id}")
}

/// A registration's reminder for the first meeting as it is due then: one
/// per date, so a session moved to another date reminds again (session 25:
/// the reminder already sent for the old date was the last), and one
/// queued twice for the same date is one.
fn reminder(
    config: &MailConfig,
    record: &SessionRecord,
    registration: &Registration,
    person: &Person,
    due: chrono::DateTime<chrono::Utc>,
) -> Option<NewMessage> {
    let content = data(&Reminder {
        session: session_ref(record),
    });
    let mut m = message(
        MailKind::Reminder,
        person,
        record,
        content,
        None,
        Some((config, registration)),
    )?;
    m.due_at = Some(due);
    m.dedupe_key = Some(reminder_key_at(registration.id, due));
    Some(m)
}

/// The dedupe key of a registration's reminder due at `due`.
fn reminder_key_at(registration_id: uuid::Uuid, due: chrono::DateTime<chrono::Utc>) -> String {
    format!("{}:{}", reminder_key(registration_id), due.timestamp())
}

/// When the session's reminder is due: its lead time before the first meeting.
pub fn reminder_due(record: &SessionRecord) -> Option<chrono::DateTime<chrono::Utc>> {
    let first = record.meetings.first()?.starts_at;
    Some(first - chrono::Duration::minutes(i64::from(record.session.reminder_lead_minutes)))
}

/// A place is confirmed: the confirmation with its calendar invitation, and
/// the reminder, scheduled for the lead time before the first meeting (not
/// when that moment has already passed). `promoted`: the place came from the
/// waiting list.
pub async fn confirmed(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    registration: &Registration,
    person: &Person,
    promoted: bool,
) -> aula_storage::Result<()> {
    let content = data(&RegistrationConfirmed {
        session: session_ref(record),
        calendar: calendar(config, record),
        promoted,
    });
    let manage = Some((config, registration));
    if let Some(m) = message(MailKind::RegistrationConfirmed, person, record, content, None, manage) {
        outbox::enqueue(conn, &m, &config.domain).await?;
    }
    if let Some(due) = reminder_due(record).filter(|due| *due > chrono::Utc::now())
        && let Some(m) = reminder(config, record, registration, person, due)
    {
        outbox::enqueue(conn, &m, &config.domain).await?;
    }
    Ok(())
}

/// The session as people without a seat see it: no link to the online meeting.
fn without_seat(record: &SessionRecord) -> SessionRef {
    let mut session = session_ref(record);
    session.online_url = None;
    // A hybrid meeting's link is for those with a seat too (issue 20).
    for place in &mut session.meeting_places {
        if place.as_deref().is_some_and(|p| p.starts_with("http")) {
            *place = None;
        }
    }
    session
}

async fn send(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    message: Option<NewMessage>,
) -> aula_storage::Result<()> {
    if let Some(m) = message {
        outbox::enqueue(conn, &m, &config.domain).await?;
    }
    Ok(())
}

/// A message to `person` about their `registration`, with the link to see or cancel it.
async fn send_managed(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    kind: MailKind,
    record: &SessionRecord,
    registration: &Registration,
    person: &Person,
    content: serde_json::Value,
) -> aula_storage::Result<()> {
    let manage = Some((config, registration));
    send(conn, config, message(kind, person, record, content, None, manage)).await
}

/// A registration waits for its confirmation: the link that confirms it.
pub async fn requested(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    registration: &Registration,
    person: &Person,
    confirm_token: &str,
) -> aula_storage::Result<()> {
    let content = data(&RegistrationRequested {
        session: without_seat(record),
        confirm_path: format!("/confirm/{confirm_token}"),
        hours: registrations::CONFIRM_LIFETIME.num_hours() as u32,
    });
    send_managed(
        conn,
        config,
        MailKind::RegistrationRequested,
        record,
        registration,
        person,
        content,
    )
    .await
}

/// Where a registration stands now that it is seated: confirmed (with its
/// invitation and reminder) or on the waiting list (with its position).
pub async fn placed(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    registration: &Registration,
    person: &Person,
) -> aula_storage::Result<()> {
    match registration.status {
        RegistrationStatus::Confirmed => confirmed(conn, config, record, registration, person, false).await,
        RegistrationStatus::Waitlisted => {
            let position = registrations::waitlist_position(conn, registration).await?.unwrap_or(1);
            waitlisted(conn, config, record, registration, person, position).await
        }
        _ => Ok(()),
    }
}

/// A registration is on the waiting list, at `position` (1 for the first):
/// for callers that have counted it already.
pub async fn waitlisted(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    registration: &Registration,
    person: &Person,
    position: u64,
) -> aula_storage::Result<()> {
    let content = data(&RegistrationWaitlisted {
        session: without_seat(record),
        position,
    });
    send_managed(
        conn,
        config,
        MailKind::RegistrationWaitlisted,
        record,
        registration,
        person,
        content,
    )
    .await
}

/// Someone asked to register an address that already holds a place.
pub async fn already_registered(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    registration: &Registration,
    person: &Person,
) -> aula_storage::Result<()> {
    let position = registrations::waitlist_position(conn, registration).await?;
    let content = data(&AlreadyRegistered {
        session: if position.is_some() {
            without_seat(record)
        } else {
            session_ref(record)
        },
        status: registration.status.as_str().to_owned(),
        position,
    });
    send_managed(
        conn,
        config,
        MailKind::AlreadyRegistered,
        record,
        registration,
        person,
        content,
    )
    .await
}

/// A registration is cancelled: the person is told (with a calendar
/// cancellation if they held a seat) and their reminder is dropped.
pub async fn cancelled(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    registration: &Registration,
    person: &Person,
    held_seat: bool,
    by_organiser: bool,
) -> aula_storage::Result<()> {
    outbox::cancel_pending(conn, &reminder_key(registration.id)).await?;
    // Nor an invitation still waiting: sent after the cancellation, it put
    // the events back into their calendar (session 31's attack round).
    if let Some(Ok(address)) = person.email.as_deref().map(Email::parse) {
        outbox::drop_pending_invitations(conn, record.session.id, Some(address.as_str())).await?;
    }
    let content = data(&RegistrationCancelled {
        session: without_seat(record),
        calendar: held_seat.then(|| calendar(config, record)),
        by_organiser,
    });
    send(
        conn,
        config,
        message(MailKind::RegistrationCancelled, person, record, content, None, None),
    )
    .await
}

/// People promoted from the waiting list: each gets their confirmation.
pub async fn promoted(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    promoted: &[Registration],
) -> aula_storage::Result<()> {
    for registration in promoted {
        let person = aula_storage::people::get(conn, registration.person_id).await?;
        confirmed(conn, config, record, registration, &person, true).await?;
    }
    Ok(())
}

/// The trainee's absences make completion impossible: told once (the
/// dedupe key), with the session's rule. `true` when the message is queued
/// now, not already before: the organisers' digest names only those.
pub async fn absence_warning(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    registration: &Registration,
    person: &Person,
) -> aula_storage::Result<bool> {
    let content = data(&AbsenceWarning {
        session: session_ref(record),
        minimum_percent: minimum_percent(record),
        about: None,
        trainees: Vec::new(),
    });
    let manage = Some((config, registration));
    let Some(mut m) = message(MailKind::AbsenceWarning, person, record, content, None, manage) else {
        return Ok(false);
    };
    m.dedupe_key = Some(format!("absence:{}", registration.id));
    Ok(outbox::enqueue(conn, &m, &config.domain).await?.is_some())
}

/// The organisers hear of the trainees one save of the attendance left
/// unable to complete: one message each, in their own language, naming
/// them all (issue 20: typing in a day's sign-in sheet sent one e-mail
/// per trainee).
pub async fn absence_digest(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    trainees: Vec<String>,
) -> aula_storage::Result<()> {
    if trainees.is_empty() {
        return Ok(());
    }
    // The session's organisation's organisers, nobody else's (issue 17).
    let organisers = aula_storage::users::members_with(
        conn,
        aula_domain::OrganisationId::from_row(record.session.organisation_id),
        aula_domain::Role::Organiser,
    )
    .await?;
    let content = data(&AbsenceWarning {
        session: session_ref(record),
        minimum_percent: minimum_percent(record),
        about: None,
        trainees,
    });
    for organiser in organisers.iter().take(100) {
        let Ok(recipient) = Email::parse(&organiser.email) else {
            continue;
        };
        let message = NewMessage {
            organisation_id: record.session.organisation_id,
            kind: MailKind::AbsenceWarning,
            recipient,
            recipient_name: Some(organiser.name.clone()),
            language: organiser.language,
            data: content.clone(),
            session_id: Some(record.session.id),
            reply_to: None,
            due_at: None,
            dedupe_key: None,
        };
        outbox::enqueue(conn, &message, &config.domain).await?;
    }
    Ok(())
}

fn minimum_percent(record: &SessionRecord) -> u8 {
    u8::try_from(record.course.course.minimum_attendance_percent.clamp(0, 100)).unwrap_or(80)
}

/// A one-time code to check in at a meeting.
pub async fn check_in_code(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    registration: &Registration,
    person: &Person,
    code: &str,
) -> aula_storage::Result<()> {
    let content = data(&CheckInCode {
        session: session_ref(record),
        code: code.to_owned(),
        minutes: aula_storage::person_sessions::CODE_LIFETIME.num_minutes() as u32,
    });
    send_managed(
        conn,
        config,
        MailKind::CheckInCode,
        record,
        registration,
        person,
        content,
    )
    .await
}

/// An invitation to the session's survey (or its reminder), with the
/// personal link to answer it, in the trainee's language.
pub async fn survey_invitation(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    record: &SessionRecord,
    invited: &aula_storage::surveys::Invited,
    closes_at: chrono::DateTime<chrono::Utc>,
    reminder: bool,
) -> aula_storage::Result<()> {
    let person = &invited.person;
    let content = data(&SurveyInvitation {
        session: without_seat(record),
        path: format!("/s/{}?lang={}", invited.token, person.language),
        closes_at,
        reminder,
    });
    // No personal link at its foot: it offers to see or cancel a
    // registration, and the session is over (issue 20).
    send(
        conn,
        config,
        message(MailKind::SurveyInvitation, person, record, content, None, None),
    )
    .await
}

/// The path of a certificate's PDF for its holder: signed, so the link in
/// the e-mail opens it without signing in.
pub fn certificate_path(config: &MailConfig, certificate_id: uuid::Uuid) -> String {
    use base64::Engine;
    let mac = config.link_key.mac(&[b"certificate:", certificate_id.as_bytes()]);
    let signature = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&mac[..16]);
    format!("/c/{certificate_id}/{signature}")
}

/// The holder's certificate is revoked, with the organisers' reason.
pub async fn certificate_revoked(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    certificate: &aula_storage::entities::certificate::Model,
) -> aula_storage::Result<()> {
    let content = data(&CertificateRevoked {
        course_title: certificate.course_title.clone(),
        number: certificate.number.clone(),
        reason: certificate.revoked_reason.clone().unwrap_or_default(),
        verify_path: format!("/verify/{}", certificate.verification_code),
    });
    let key = format!("certificate-revoked:{}", certificate.id);
    to_holder(conn, config, certificate, MailKind::CertificateRevoked, content, key).await
}

/// The holder's certificate is ready.
pub async fn certificate_ready(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    certificate: &aula_storage::entities::certificate::Model,
) -> aula_storage::Result<()> {
    let content = data(&CertificateReady {
        course_title: certificate.course_title.clone(),
        number: certificate.number.clone(),
        path: certificate_path(config, certificate.id),
        verify_path: format!("/verify/{}", certificate.verification_code),
    });
    let key = format!("certificate:{}", certificate.id);
    to_holder(conn, config, certificate, MailKind::CertificateReady, content, key).await
}

/// A message to a certificate's holder, in their language, once per `key`;
/// none to a holder without an address (a withdrawn certificate names
/// nobody).
async fn to_holder(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    certificate: &aula_storage::entities::certificate::Model,
    kind: MailKind,
    content: serde_json::Value,
    key: String,
) -> aula_storage::Result<()> {
    let Ok(recipient) = Email::parse(&certificate.holder_email) else {
        return Ok(());
    };
    let session = aula_storage::sessions::row(conn, certificate.session_id).await?;
    let message = NewMessage {
        organisation_id: session.organisation_id,
        kind,
        recipient,
        recipient_name: Some(certificate.holder_name.clone()),
        language: certificate.language,
        data: content,
        session_id: Some(certificate.session_id),
        reply_to: None,
        due_at: None,
        dedupe_key: Some(key),
    };
    outbox::enqueue(conn, &message, &config.domain).await?;
    Ok(())
}

/// A message of `kind` to the person themselves, about no session.
async fn to_person(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    person: &Person,
    kind: MailKind,
    content: serde_json::Value,
) -> aula_storage::Result<()> {
    let Some(Ok(recipient)) = person.email.as_deref().map(Email::parse) else {
        return Ok(());
    };
    let message = NewMessage {
        organisation_id: person.organisation_id,
        kind,
        recipient,
        recipient_name: Some(format!("{} {}", person.given_name, person.family_name)),
        language: person.language,
        data: content,
        session_id: None,
        reply_to: None,
        due_at: None,
        dedupe_key: None,
    };
    outbox::enqueue(conn, &message, &config.domain).await?;
    Ok(())
}

/// A one-time link to "my trainings".
pub async fn sign_in_link(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    person: &Person,
    token: &str,
) -> aula_storage::Result<()> {
    let content = data(&SignInLink {
        path: format!("/me/sign-in/{token}"),
        minutes: aula_storage::person_sessions::LINK_LIFETIME.num_minutes() as u32,
    });
    to_person(conn, config, person, MailKind::SignInLink, content).await
}

/// The link that confirms a person's request to be erased (issue 21).
pub async fn erasure_link(
    conn: &impl ConnectionTrait,
    config: &MailConfig,
    person: &Person,
    token: &str,
) -> aula_storage::Result<()> {
    let content = data(&ErasureLink {
        path: format!("/me/erasure/{token}"),
        hours: aula_storage::retention::REQUEST_LIFETIME.num_hours() as u32,
    });
    to_person(conn, config, person, MailKind::ErasureLink, content).await
}
