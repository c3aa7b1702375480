//! Attendance: marks entered by a trainer (roll call, API, an online
//! meeting's report) or by the trainee checking in, and what follows.

use aula_domain::{AttendanceStatus, Email, FieldErrors, Problem, RegistrationStatus, SessionStatus};
use aula_storage::attendance::{self, Mark, Source};
use aula_storage::entities::meeting;
use aula_storage::sessions::SessionRecord;
use aula_storage::{Actor, people, person_sessions, registrations, report_aliases};
use uuid::Uuid;

use crate::{App, Error, Result};

/// Records marks and what follows from them, in one transaction: the audit
/// entries, completions fixed again if the session is completed, and the
/// warning to people whose absences now make completion impossible. A
/// completed session's marks change only with a reason. Returns how many
/// marks changed.
pub async fn save(
    app: &App,
    actor: &Actor,
    meeting: &meeting::Model,
    record: &SessionRecord,
    marks: &[Mark],
    source: Source,
    reason: Option<&str>,
) -> Result<usize> {
    save_with_choices(app, actor, meeting, record, marks, source, reason, &[]).await
}

/// Records an online meeting's attendance from its participant report (the
/// marks as [`save`] does) and remembers, in the same transaction, who the
/// trainer chose by hand for people of the report (report key →
/// registration, `None` for "not one of them"), so the next report of the
/// session applies the same choices (issue 18).
pub async fn import_report(
    app: &App,
    actor: &Actor,
    meeting: &meeting::Model,
    record: &SessionRecord,
    marks: &[Mark],
    choices: &[(String, Option<Uuid>)],
    reason: Option<&str>,
) -> Result<usize> {
    save_with_choices(app, actor, meeting, record, marks, Source::Import, reason, choices).await
}

#[allow(clippy::too_many_arguments)]
async fn save_with_choices(
    app: &App,
    actor: &Actor,
    meeting: &meeting::Model,
    record: &SessionRecord,
    marks: &[Mark],
    source: Source,
    reason: Option<&str>,
    choices: &[(String, Option<Uuid>)],
) -> Result<usize> {
    // No roll call (page or API) for a meeting that has not started, beyond
    // a small margin: nobody can have attended it yet (issue 24). A
    // participant report is checked against the meeting's own times.
    if source == Source::RollCall {
        aula_domain::attendance::marks_open(meeting.starts_at, record.session.time_zone, chrono::Utc::now())
            .map_err(Error::Conflict)?;
    }
    let completed = record.status() == SessionStatus::Completed;
    if completed && reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(Error::Invalid(FieldErrors::single(
            "reason",
            Problem::new("error-reason-needed"),
        )));
    }
    // Tried once more on a deadlock: a cancellation holds its registration,
    // then the session; a save, the session, then the registrations' sums.
    app.retrying(|| async {
        let txn = app.write().await?;
        let changed = attendance::record(&*txn, actor, meeting, marks, source, reason).await?;
        report_aliases::remember(&*txn, actor, record.session.id, choices).await?;
        // The session's row is now this transaction's (`record` holds it):
        // a completion committed while these marks waited has fixed the
        // completions without them, so they are fixed again here; one not
        // yet begun waits for these and sees them (session 26's race round:
        // people present at every meeting got no certificate).
        let completed = completed
            || aula_storage::sessions::row(&*txn, record.session.id).await?.status == SessionStatus::Completed;
        if completed {
            attendance::fix_completions(&*txn, record).await?;
        } else {
            let matrix = attendance::matrix(&*txn, record).await?;
            let mut newly = Vec::new();
            for row in matrix.rows.iter().filter(|r| !r.can_complete) {
                if aula_mail::notify::absence_warning(&*txn, &app.mail, record, &row.registration, &row.person).await? {
                    newly.push(format!("{} {}", row.person.given_name, row.person.family_name));
                }
            }
            aula_mail::notify::absence_digest(&*txn, &app.mail, record, newly).await?;
        }
        txn.commit().await?;
        Ok(changed)
    })
    .await
}

/// A trainee checks in to a meeting (the QR code's page): present, unless
/// already marked by the trainer or an earlier scan, which stays as it is.
pub async fn check_in(app: &App, meeting: &meeting::Model, registration_id: Uuid) -> Result<CheckedIn> {
    // Tried once more on a deadlock, as a trainer's save is.
    app.retrying(|| async {
        let txn = app.write().await?;
        let existing = attendance::for_meeting(&*txn, meeting.id).await?;
        if let Some(mark) = existing.get(&registration_id) {
            return Ok(CheckedIn::Already(mark.status));
        }
        let mark = Mark {
            registration_id,
            status: AttendanceStatus::Present,
            minutes: None,
        };
        attendance::record(
            &*txn,
            &Actor::system("check-in"),
            meeting,
            &[mark],
            Source::CheckIn,
            None,
        )
        .await?;
        txn.commit().await?;
        Ok(CheckedIn::Now)
    })
    .await
}

/// What a check-in found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckedIn {
    /// Marked present now.
    Now,
    /// The meeting already had this mark for them (a scan before, or the
    /// trainer's roll call); it stays as it is: a trainer's mark is the
    /// trainer's to change (session 29's attack round: a partial mark was
    /// answered "you are checked in").
    Already(AttendanceStatus),
}

/// E-mails a one-time check-in code to a confirmed trainee of the session
/// whose phone holds no link. Nothing happens for other addresses, and the
/// door says the same either way.
pub async fn send_check_in_code(app: &App, record: &SessionRecord, meeting_id: Uuid, email: &Email) -> Result<()> {
    let txn = app.write().await?;
    let org = aula_domain::OrganisationId::from_row(record.session.organisation_id);
    if let Some(person) = people::find_by_email(&*txn, org, email).await?
        && let Some(registration) = registrations::live(&*txn, record.session.id, person.id).await?
        && registration.status == RegistrationStatus::Confirmed
    {
        let purpose = format!("check-in:{meeting_id}");
        let otp = person_sessions::create_code(&*txn, person.id, &purpose).await?;
        aula_mail::notify::check_in_code(&*txn, &app.mail, record, &registration, &person, &otp).await?;
    }
    txn.commit().await
}

/// Names a co-facilitator of one of `org`'s sessions (issue 20), who takes
/// the roll call by a personal link; gives back the row and the link's
/// secret, shown this once.
pub async fn add_facilitator(
    app: &App,
    actor: &Actor,
    org: aula_domain::OrganisationId,
    session_id: Uuid,
    name: &aula_domain::PersonName,
) -> Result<(aula_storage::entities::session_facilitator::Model, String)> {
    app.change(async |txn| aula_storage::facilitators::add(txn, actor, org, session_id, name).await)
        .await
}

/// Ends co-facilitator `id`'s link; the marks it saved stay.
pub async fn revoke_facilitator(
    app: &App,
    actor: &Actor,
    org: aula_domain::OrganisationId,
    session_id: Uuid,
    id: Uuid,
) -> Result<()> {
    app.change(async |txn| aula_storage::facilitators::revoke(txn, actor, org, session_id, id).await)
        .await
}
