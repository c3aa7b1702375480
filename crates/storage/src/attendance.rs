//! Attendance marks (registration × meeting), the session's attendance
//! matrix with hours and completion, and the completions fixed when a
//! session is marked completed.
//!
//! Only confirmed registrations of the meeting's session are marked. Every
//! change writes an audit entry with the old and the new value, in the
//! caller's transaction.

use std::collections::HashMap;

use aula_domain::{AttendanceStatus, FieldErrors, Problem, RegistrationStatus, attendance};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::{attendance as mark, completion, meeting, person, registration};
use crate::sessions::SessionRecord;
use crate::{Actor, Result, audit, by_id, found, new_id, now};

/// Where a mark came from (the domain's vocabulary, by its storage name).
pub use aula_domain::attendance::MarkSource as Source;

/// One registration's mark at a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub registration_id: Uuid,
    pub status: AttendanceStatus,
    /// Minutes connected to an online meeting, when reported.
    pub minutes: Option<u32>,
}

pub fn meeting_minutes(meeting: &meeting::Model) -> u32 {
    u32::try_from((meeting.ends_at - meeting.starts_at).num_minutes()).unwrap_or(0)
}

pub async fn meeting(conn: &impl ConnectionTrait, id: Uuid) -> Result<meeting::Model> {
    found(conn, meeting::Entity::find_by_id(id)).await
}

/// The session's confirmed registrations with their people, by family name.
/// Meetings under way around `at`: started before `at + within` and not
/// ended before `at - within` (the check-in's short address looks a typed
/// code up among them, issue 24).
pub async fn meetings_around(
    conn: &impl ConnectionTrait,
    at: chrono::DateTime<chrono::Utc>,
    within: chrono::Duration,
) -> Result<Vec<meeting::Model>> {
    Ok(meeting::Entity::find()
        .filter(meeting::Column::StartsAt.lte(at + within))
        .filter(meeting::Column::EndsAt.gte(at - within))
        .limit(200)
        .all(conn)
        .await?)
}

pub async fn participants(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
) -> Result<Vec<(registration::Model, person::Model)>> {
    let registrations = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(session_id))
        .filter(registration::Column::Status.eq(RegistrationStatus::Confirmed))
        .all(conn)
        .await?;
    let ids: Vec<Uuid> = registrations.iter().map(|r| r.person_id).collect();
    let people = by_id(conn, person::Column::Id, ids, |p| p.id).await?;
    let mut rows: Vec<_> = registrations
        .into_iter()
        .filter_map(|r| people.get(&r.person_id).cloned().map(|p| (r, p)))
        .collect();
    rows.sort_by(|a, b| {
        let key = |p: &person::Model| aula_domain::fold_for_search(&format!("{} {}", p.family_name, p.given_name));
        key(&a.1).cmp(&key(&b.1))
    });
    Ok(rows)
}

/// The meeting's marks, by registration.
pub async fn for_meeting(conn: &impl ConnectionTrait, meeting_id: Uuid) -> Result<HashMap<Uuid, mark::Model>> {
    Ok(mark::Entity::find()
        .filter(mark::Column::MeetingId.eq(meeting_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| (m.registration_id, m))
        .collect())
}

/// Records `marks` for `meeting`; a mark that changes nothing is skipped.
/// A registration that is not a confirmed one of the meeting's session is
/// refused (field `marks.N`), and then nothing is written. Returns how many
/// marks changed.
pub async fn record(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    meeting: &meeting::Model,
    marks: &[Mark],
    source: Source,
    reason: Option<&str>,
) -> Result<usize> {
    // One save of a session's marks at a time. Two at once on PostgreSQL
    // each added up the marks they could see and the last wrote its sums
    // over the other's, and the attended months' triggers of both inserted
    // the same (registration, month): a 409 for a trainer whose marks were
    // fine (issue 16's race round). The session's row is held as an update
    // would (not blocking registrations that only refer to it); SQLite's
    // write transactions already run one at a time.
    crate::hold_row(conn, "sessions", meeting.session_id, crate::Hold::NoKeyUpdate).await?;
    let ids: Vec<Uuid> = marks.iter().map(|m| m.registration_id).collect();
    let participants: HashMap<Uuid, registration::Model> = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(meeting.session_id))
        .filter(registration::Column::Id.is_in(ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let length = meeting_minutes(meeting);
    let mut errors = FieldErrors::new();
    for (index, m) in marks.iter().enumerate() {
        let field = format!("marks.{index}");
        match participants.get(&m.registration_id) {
            None => errors.add(&field, Problem::new("error-not-in-session")),
            Some(r) if r.status != RegistrationStatus::Confirmed => errors.add(
                &field,
                Problem::new("error-not-confirmed").with("status", r.status.word()),
            ),
            Some(_) => {}
        }
        // A partial mark counts only its minutes: without them it would count nothing.
        if m.status == AttendanceStatus::Partial && m.minutes.is_none() {
            errors.add(&field, Problem::new("error-partial-minutes"));
        }
        if m.minutes.is_some_and(|minutes| minutes > length) {
            errors.add(&field, Problem::new("error-range").with("min", 0).with("max", length));
        }
    }
    errors.into_result()?;
    let existing = for_meeting(conn, meeting.id).await?;
    let at = now();
    let mut changed = 0;
    for m in marks {
        let minutes = m.minutes.map(|v| v as i32);
        let before = existing.get(&m.registration_id);
        if before.is_some_and(|b| b.status == m.status && b.minutes == minutes) {
            continue;
        }
        let row = match before {
            Some(b) => {
                let mut model: mark::ActiveModel = b.clone().into();
                model.status = Set(m.status);
                model.minutes = Set(minutes);
                model.source = Set(source);
                model.updated_by = Set(actor.label.clone());
                model.updated_at = Set(at);
                model.update(conn).await?
            }
            None => {
                mark::ActiveModel {
                    id: Set(new_id()),
                    registration_id: Set(m.registration_id),
                    meeting_id: Set(meeting.id),
                    status: Set(m.status),
                    minutes: Set(minutes),
                    source: Set(source),
                    updated_by: Set(actor.label.clone()),
                    updated_at: Set(at),
                }
                .insert(conn)
                .await?
            }
        };
        let details = serde_json::json!({
            "registration_id": m.registration_id,
            "meeting_id": meeting.id,
            "from": before.map(|b| serde_json::json!({"status": b.status, "minutes": b.minutes})),
            "to": {"status": row.status, "minutes": row.minutes},
            "source": source.as_str(),
            "reason": reason,
        });
        audit::record(conn, actor, "attendance", "attendance", Some(row.id), details).await?;
        changed += 1;
    }
    if changed > 0 {
        keep_sums(conn, &ids).await?;
    }
    Ok(changed)
}

/// Writes each registration's attended minutes and meetings (present or
/// late) on its row, from all its marks: what the indicators add up.
pub(crate) async fn keep_sums(conn: &impl ConnectionTrait, registration_ids: &[Uuid]) -> Result<()> {
    let marks = mark::Entity::find()
        .filter(mark::Column::RegistrationId.is_in(registration_ids.iter().copied()))
        .all(conn)
        .await?;
    let mut meeting_ids: Vec<Uuid> = marks.iter().map(|m| m.meeting_id).collect();
    meeting_ids.sort();
    meeting_ids.dedup();
    let lengths: HashMap<Uuid, u32> = meeting::Entity::find()
        .filter(meeting::Column::Id.is_in(meeting_ids))
        .all(conn)
        .await?
        .iter()
        .map(|m| (m.id, meeting_minutes(m)))
        .collect();
    let mut sums: HashMap<Uuid, (u64, u32)> = registration_ids.iter().map(|id| (*id, (0, 0))).collect();
    for m in &marks {
        let status = m.status;
        let length = lengths.get(&m.meeting_id).copied().unwrap_or(0);
        let minutes = m.minutes.and_then(|v| u32::try_from(v).ok());
        let sum = sums.entry(m.registration_id).or_default();
        sum.0 += u64::from(attendance::attended_minutes(length, status, minutes));
        sum.1 += u32::from(status.counts());
    }
    for (id, (minutes, meetings)) in sums {
        registration::Entity::update_many()
            .col_expr(
                registration::Column::AttendedMinutes,
                Expr::value(i32::try_from(minutes).unwrap_or(i32::MAX)),
            )
            .col_expr(
                registration::Column::AttendedMeetings,
                Expr::value(i32::try_from(meetings).unwrap_or(i32::MAX)),
            )
            .filter(registration::Column::Id.eq(id))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// One registration's line of the matrix.
#[derive(Clone, Debug)]
pub struct MatrixRow {
    pub registration: registration::Model,
    pub person: person::Model,
    /// The mark at each meeting, in the meetings' order.
    pub marks: Vec<Option<mark::Model>>,
    pub attended_minutes: u64,
    pub completed: bool,
    /// Whether attending every meeting still to come could complete the
    /// session (false: the absences already make it impossible).
    pub can_complete: bool,
}

impl MatrixRow {
    /// No mark yet at any meeting: completion is not yet known (issue 24).
    pub fn is_unrecorded(&self) -> bool {
        self.marks.iter().all(Option::is_none)
    }
}

/// A session's attendance: every meeting, hours and completion per confirmed registration.
#[derive(Clone, Debug)]
pub struct Matrix {
    pub meetings: Vec<meeting::Model>,
    pub rows: Vec<MatrixRow>,
    pub session_minutes: u64,
    pub percent: u8,
    pub required_minutes: u64,
}

pub async fn matrix(conn: &impl ConnectionTrait, record: &SessionRecord) -> Result<Matrix> {
    let meetings = record.meetings.clone();
    let meeting_ids: Vec<Uuid> = meetings.iter().map(|m| m.id).collect();
    let mut marks: HashMap<(Uuid, Uuid), mark::Model> = HashMap::new();
    for m in mark::Entity::find()
        .filter(mark::Column::MeetingId.is_in(meeting_ids))
        .order_by_asc(mark::Column::UpdatedAt)
        .all(conn)
        .await?
    {
        marks.insert((m.registration_id, m.meeting_id), m);
    }
    let session_minutes: u64 = meetings.iter().map(|m| u64::from(meeting_minutes(m))).sum();
    let percent = u8::try_from(record.course.course.minimum_attendance_percent.clamp(0, 100)).unwrap_or(80);
    let mut rows = Vec::new();
    for (registration, person) in participants(conn, record.session.id).await? {
        let mut attended = 0u64;
        let mut still_possible = 0u64;
        let mut line = Vec::with_capacity(meetings.len());
        for meeting in &meetings {
            let length = meeting_minutes(meeting);
            let found = marks.remove(&(registration.id, meeting.id));
            match &found {
                Some(m) => {
                    let status = m.status;
                    let minutes = m.minutes.and_then(|v| u32::try_from(v).ok());
                    attended += u64::from(attendance::attended_minutes(length, status, minutes));
                }
                // A meeting not yet marked is unknown, not missed: not yet
                // held, or held and its sign-in sheet not yet typed in
                // (issue 20). Completion, fixed when the session is
                // completed, counts only what was marked.
                None => still_possible += u64::from(length),
            }
            line.push(found);
        }
        rows.push(MatrixRow {
            completed: attendance::completes(attended, session_minutes, percent),
            can_complete: attendance::completes(attended + still_possible, session_minutes, percent),
            attended_minutes: attended,
            registration,
            person,
            marks: line,
        });
    }
    Ok(Matrix {
        meetings,
        rows,
        session_minutes,
        percent,
        required_minutes: attendance::required_minutes(session_minutes, percent),
    })
}

/// Fixes the session's completions from its attendance (when it is marked
/// completed): what surveys and certificates rely on from then on.
pub async fn fix_completions(conn: &impl ConnectionTrait, record: &SessionRecord) -> Result<Vec<completion::Model>> {
    let matrix = matrix(conn, record).await?;
    completion::Entity::delete_many()
        .filter(completion::Column::SessionId.eq(record.session.id))
        .exec(conn)
        .await?;
    let at = now();
    let mut fixed = Vec::with_capacity(matrix.rows.len());
    for row in &matrix.rows {
        fixed.push(
            completion::ActiveModel {
                registration_id: Set(row.registration.id),
                session_id: Set(record.session.id),
                attended_minutes: Set(i32::try_from(row.attended_minutes).unwrap_or(i32::MAX)),
                required_minutes: Set(i32::try_from(matrix.required_minutes).unwrap_or(i32::MAX)),
                completed: Set(row.completed),
                fixed_at: Set(at),
            }
            .insert(conn)
            .await?,
        );
    }
    registration::Entity::update_many()
        .col_expr(registration::Column::Completed, Expr::value(false))
        .filter(registration::Column::SessionId.eq(record.session.id))
        .exec(conn)
        .await?;
    registration::Entity::update_many()
        .col_expr(registration::Column::Completed, Expr::value(true))
        .filter(registration::Column::Id.is_in(fixed.iter().filter(|c| c.completed).map(|c| c.registration_id)))
        .exec(conn)
        .await?;
    Ok(fixed)
}

/// The fixed completions of a session.
pub async fn completions(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<Vec<completion::Model>> {
    Ok(completion::Entity::find()
        .filter(completion::Column::SessionId.eq(session_id))
        .all(conn)
        .await?)
}
