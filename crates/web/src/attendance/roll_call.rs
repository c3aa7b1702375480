//! Attendance: the roll call a trainer takes at each meeting (on a phone,
//! without JavaScript, saved in one request), the API that does the same,
//! and the session's attendance matrix with hours and completion (page,
//! JSON, CSV).
//!
//! Trainers see and mark only the sessions they are assigned to; organisers
//! all. A correction once the session is completed needs a reason, and
//! fixes the completions again.

use std::collections::HashMap;

use askama::Template;
use aula_domain::{AttendanceStatus, FieldErrors, Problem, Role, SessionStatus, attendance as rules};
use aula_storage::attendance::{self, Mark, Matrix, Source};
use aula_storage::entities::{attendance as mark, meeting, person};
use aula_storage::sessions::{self, SessionRecord};
use axum::Json;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::extract::{ApiJsonOrList, ApiPath, ApiQuery};
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, render_invalid};
use crate::kit::spreadsheet::{Cell, Sheet, number};
use crate::registrations::RegistrationView;
use crate::{AppError, AppResult, AppState, Ctx};

/// The session, if the asker is an organiser or one of its trainers.
pub async fn staffed(ctx: &Ctx, session_id: Uuid) -> AppResult<SessionRecord> {
    let user = ctx.require(&[Role::Organiser, Role::Trainer])?;
    // Another organisation's session is not found (issue 17).
    let record = sessions::get_in(&ctx.state.db, ctx.org()?, session_id).await?;
    if user.has(Role::Organiser) || record.trainers.iter().any(|t| t.id == user.user.id) {
        Ok(record)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The session and its attendance matrix, for its staff.
async fn staffed_matrix(ctx: &Ctx, session_id: Uuid) -> AppResult<(SessionRecord, Matrix)> {
    let record = staffed(ctx, session_id).await?;
    let matrix = attendance::matrix(&ctx.state.db, &record).await?;
    Ok((record, matrix))
}

/// The meeting and its session, for its staff.
pub async fn staffed_meeting(ctx: &Ctx, id: Uuid) -> AppResult<(meeting::Model, SessionRecord)> {
    // Who may ask is settled before whether the meeting exists.
    ctx.require(&[Role::Organiser, Role::Trainer])?;
    let meeting = attendance::meeting(&ctx.state.db, id).await?;
    let record = staffed(ctx, meeting.session_id).await?;
    Ok((meeting, record))
}

/// A meeting in the path, with its session, for the session's staff only:
/// taken before the body, so other callers are refused before their input
/// is judged.
pub struct StaffedMeeting {
    pub ctx: Ctx,
    pub meeting: meeting::Model,
    pub record: SessionRecord,
}

impl axum::extract::FromRequestParts<AppState> for StaffedMeeting {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        ctx.require(&[Role::Organiser, Role::Trainer])?;
        let ApiPath(id) = ApiPath::<Uuid>::from_request_parts(parts, state).await?;
        let (meeting, record) = staffed_meeting(&ctx, id).await?;
        Ok(StaffedMeeting { ctx, meeting, record })
    }
}

/// Whether the course is taught (partly) online: the roll call then asks for minutes.
fn online(record: &SessionRecord) -> bool {
    record.course.course.modality != aula_domain::Modality::InPerson
}

// ----- the roll call page --------------------------------------------------

struct Line {
    registration: RegistrationView,
    person: person::Model,
    status: String,
    minutes: String,
}

#[derive(Template)]
#[template(path = "pages/roll_call.html")]
pub(crate) struct RollCallPage {
    c: Chrome,
    record: SessionRecord,
    meeting: meeting::Model,
    number: usize,
    lines: Vec<Line>,
    statuses: Vec<(String, String)>,
    online: bool,
    length: u32,
    needs_reason: bool,
    reason: String,
    errors: FormErrors,
    /// The meeting has not started: when its marks may be entered (issue 24).
    not_started: Option<String>,
    /// Where the form posts: the staff's roll call, or a co-facilitator's
    /// personal link (issue 20), who sees no staff menus or crumbs.
    action: String,
    staff: bool,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct RollCallQuery {
    /// `present`: every unmarked line starts as present (then the exceptions).
    #[serde(default)]
    all: String,
}

/// Who takes a roll call: the session's staff, or a co-facilitator by
/// their personal link (issue 20), with the form's address.
pub(crate) enum Taker {
    Staff,
    Facilitator { action: String },
}

async fn roll_call(
    ctx: &Ctx,
    record: SessionRecord,
    meeting: meeting::Model,
    posted: Option<(&HashMap<String, String>, FieldErrors)>,
    all_present: bool,
) -> AppResult<RollCallPage> {
    roll_call_for(ctx, &Taker::Staff, record, meeting, posted, all_present).await
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn roll_call_for(
    ctx: &Ctx,
    taker: &Taker,
    record: SessionRecord,
    meeting: meeting::Model,
    posted: Option<(&HashMap<String, String>, FieldErrors)>,
    all_present: bool,
) -> AppResult<RollCallPage> {
    let c = Chrome::new(ctx);
    let marks = attendance::for_meeting(&ctx.state.db, meeting.id).await?;
    let mut lines = Vec::new();
    for (registration, person) in attendance::participants(&ctx.state.db, record.session.id).await? {
        let saved = marks.get(&registration.id);
        let (status, minutes) = match posted {
            Some((form, _)) => (
                form.get(&format!("status.{}", registration.id))
                    .cloned()
                    .unwrap_or_default(),
                form.get(&format!("minutes.{}", registration.id))
                    .cloned()
                    .unwrap_or_default(),
            ),
            None => (
                saved
                    .map(|m| m.status)
                    .or_else(|| all_present.then_some(AttendanceStatus::Present))
                    .map(|s| s.as_str().to_owned())
                    .unwrap_or_default(),
                saved.and_then(|m| m.minutes).map(|m| m.to_string()).unwrap_or_default(),
            ),
        };
        lines.push(Line {
            registration: RegistrationView::from(&registration),
            person,
            status,
            minutes,
        });
    }
    // Partial is for minutes of an online meeting: a room has no such mark.
    let statuses = AttendanceStatus::ALL
        .iter()
        .filter(|s| online(&record) || **s != AttendanceStatus::Partial)
        .map(|s| (s.as_str().to_owned(), c.word("attendance", s.as_str())))
        .collect();
    let number = record
        .meetings
        .iter()
        .position(|m| m.id == meeting.id)
        .map_or(1, |i| i + 1);
    let (reason, errors) = match posted {
        Some((form, errors)) => (
            form.get("reason").cloned().unwrap_or_default(),
            FormErrors::new(ctx.tr(), &errors),
        ),
        None => (String::new(), FormErrors::none()),
    };
    let not_started = rules::marks_open(meeting.starts_at, record.session.time_zone, chrono::Utc::now())
        .err()
        .map(|_| {
            let opens = meeting.starts_at - chrono::Duration::minutes(rules::MARKS_OPEN_BEFORE_MINUTES);
            c.t1(
                "roll-call-not-started",
                "opens",
                c.datetime(&opens, &record.session.time_zone),
            )
        });
    let (action, staff) = match taker {
        Taker::Staff => (format!("/staff/meetings/{}/roll-call", meeting.id), true),
        Taker::Facilitator { action } => (action.clone(), false),
    };
    Ok(RollCallPage {
        action,
        staff,
        not_started,
        online: online(&record),
        needs_reason: record.status() == SessionStatus::Completed,
        length: attendance::meeting_minutes(&meeting),
        c,
        record,
        meeting,
        number,
        lines,
        statuses,
        reason,
        errors,
    })
}

pub(crate) async fn roll_call_page(
    ctx: Ctx,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(query): ApiQuery<RollCallQuery>,
) -> AppResult<Response> {
    let (meeting, record) = staffed_meeting(&ctx, id).await?;
    let page = roll_call(&ctx, record, meeting, None, query.all == "present").await?;
    render(&page)
}

/// The roll call's form: `status.<registration>` and `minutes.<registration>`
/// per person, and a `reason` when the session is completed.
pub(crate) async fn save_roll_call(
    ctx: Ctx,
    ApiPath(id): ApiPath<Uuid>,
    crate::kit::extract::CsrfForm(pairs): crate::kit::extract::CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (meeting, record) = staffed_meeting(&ctx, id).await?;
    let done = format!("/staff/sessions/{}/attendance", record.session.id);
    let actor = ctx.actor()?;
    save_marks(&ctx, &Taker::Staff, meeting, record, pairs, &actor, &done).await
}

/// Saves a roll call's form (`status.<registration>`, `minutes.<registration>`,
/// `reason`) as `actor`, then goes on to `done`; a refused form is drawn
/// again with its problems, and a meeting not started yet saves nothing.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn save_marks(
    ctx: &Ctx,
    taker: &Taker,
    meeting: meeting::Model,
    record: SessionRecord,
    pairs: Vec<(String, String)>,
    actor: &aula_storage::Actor,
    done: &str,
) -> AppResult<Response> {
    // Someone marked twice, two ways (a doubled or forged form), is told,
    // as the API tells it; the last mark was saved without a word
    // (session 27's attack round).
    let mut errors = FieldErrors::new();
    let mut first: HashMap<&str, &str> = HashMap::new();
    for (key, value) in &pairs {
        let earlier = *first.entry(key).or_insert(value);
        if earlier != value && errors.get(key).is_empty() {
            errors.add(key, Problem::new("error-mark-twice"));
        }
    }
    let form: HashMap<String, String> = pairs.into_iter().collect();
    if rules::marks_open(meeting.starts_at, record.session.time_zone, chrono::Utc::now()).is_err() {
        // Nothing is saved: the page says when the roll call opens.
        let page = roll_call_for(ctx, taker, record, meeting, None, false).await?;
        return Ok((axum::http::StatusCode::CONFLICT, render(&page)?).into_response());
    }
    let length = attendance::meeting_minutes(&meeting);
    let mut marks = Vec::new();
    for (key, value) in &form {
        let Some(raw_id) = key.strip_prefix("status.") else {
            continue;
        };
        if value.trim().is_empty() {
            // Not marked yet: left as it is.
            continue;
        }
        let Ok(registration_id) = raw_id.parse::<Uuid>() else {
            return Err(AppError::bad_request("error-form"));
        };
        let status = errors.take(key, AttendanceStatus::parse(value));
        let minutes_field = format!("minutes.{raw_id}");
        let minutes = errors.take(
            &minutes_field,
            rules::parse_minutes(form.get(&minutes_field).map_or("", String::as_str), length),
        );
        if let (Some(status), Some(minutes)) = (status, minutes) {
            marks.push(Mark {
                registration_id,
                status,
                minutes,
            });
        }
    }
    let reason = form.get("reason").map(|r| r.trim()).filter(|r| !r.is_empty());
    let outcome = match errors.is_empty() {
        true => aula_app::attendance::save(
            &ctx.state.app(),
            actor,
            &meeting,
            &record,
            &marks,
            Source::RollCall,
            reason,
        )
        .await
        .map(|_| ())
        .map_err(AppError::from),
        false => Err(AppError::Invalid(errors)),
    };
    match outcome {
        Ok(()) => Ok(redirect_with(ctx, done, "roll-call-saved")),
        Err(AppError::Invalid(errors)) => {
            render_invalid(&roll_call_for(ctx, taker, record, meeting, Some((&form, errors)), false).await?)
        }
        Err(other) => Err(other),
    }
}

// ----- the sign-in sheet ---------------------------------------------------

/// The meeting's printable sign-in sheet, in the page's language, for sites
/// without a network; the results are typed into the roll call afterwards.
pub(crate) async fn sign_in_sheet(StaffedMeeting { ctx, meeting, record }: StaffedMeeting) -> AppResult<Response> {
    let tr = ctx.tr();
    let zone = record.session.time_zone.tz();
    let number = record
        .meetings
        .iter()
        .position(|m| m.id == meeting.id)
        .map_or(1, |i| i + 1);
    let place = match &record.venue {
        Some((venue, region)) => format!("{}, {} ({})", venue.name, venue.city, region.name),
        None => tr.t("session-online"),
    };
    let first = record
        .meetings
        .first()
        .map(|m| tr.day(m.starts_at, zone))
        .unwrap_or_default();
    let last = record
        .meetings
        .last()
        .map(|m| tr.day(m.starts_at, zone))
        .unwrap_or_default();
    let dates = if first == last {
        first
    } else {
        format!("{first} – {last}")
    };
    let trainers: Vec<&str> = record.trainers.iter().map(|t| t.name.as_str()).collect();
    let people = attendance::participants(&ctx.state.db, record.session.id)
        .await?
        .into_iter()
        .map(|(_, p)| {
            (
                format!("{} {}", p.given_name, p.family_name),
                p.employer.unwrap_or_default(),
            )
        })
        .collect();
    let sheet = aula_documents::sign_in_sheet::SignInSheet {
        title: tr.t("sheet-title"),
        course: record.course.course.title.clone(),
        session_line: format!("{dates} · {place}"),
        meeting_line: format!(
            "{} · {}, {}–{} ({})",
            tr.t1("attendance-meeting-short", "number", number),
            tr.day(meeting.starts_at, zone),
            tr.time(meeting.starts_at, zone),
            tr.time(meeting.ends_at, zone),
            record.session.time_zone
        ),
        trainers_line: if trainers.is_empty() {
            String::new()
        } else {
            tr.t1("sheet-trainers", "names", trainers.join(", "))
        },
        columns: [
            tr.t("sheet-number"),
            tr.t("registrations-name"),
            tr.t("registrations-employer"),
            tr.t("sheet-signature"),
        ],
        people,
        footer: tr.t("sheet-footer"),
        language: ctx.lang.as_str().to_owned(),
    };
    let bytes = aula_documents::sign_in_sheet::sign_in_sheet(&sheet).map_err(|e| AppError::Internal(e.to_string()))?;
    let name = format!("attachment; filename=\"sign-in-sheet-{number}.pdf\"");
    Ok((
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (CONTENT_DISPOSITION, name),
        ],
        bytes,
    )
        .into_response())
}

// ----- the API -------------------------------------------------------------

/// One mark as an integration sends it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkInput {
    // A `null` or missing one is told on its mark, not on the body.
    #[serde(default, deserialize_with = "crate::kit::input::loose_text")]
    #[schema(required = true)]
    pub registration_id: String,
    /// `present`, `partial` (with `minutes`: connected for part of an online meeting), `late`, `excused` or `absent`.
    #[serde(default, deserialize_with = "crate::kit::input::loose_text")]
    #[schema(required = true)]
    pub status: String,
    /// Minutes connected to an online meeting (0 to the meeting's length).
    #[serde(default, deserialize_with = "crate::kit::input::loose_text")]
    pub minutes: String,
}

/// The marks of a meeting: a list, or an object with the list and the
/// reason a correction of a completed session needs.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum AttendanceInput {
    Marks(Vec<MarkInput>),
    /// The marks, and the reason a correction of a completed session
    /// needs; it may be left out where none is needed.
    // (An object without it was "the field body does not have the expected
    // type": session 27's attack round.)
    WithReason {
        marks: Vec<MarkInput>,
        #[serde(default)]
        reason: String,
    },
}

/// [`AttendanceInput::WithReason`], read: no other field.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WithReason {
    marks: Vec<MarkInput>,
    #[serde(default)]
    reason: String,
}

/// Told apart by their first token, a list or an object, so that a field
/// refused says which and where: read as an untagged enum, the object
/// form let any other field by (`"dry_run": true` was ignored and the
/// marks written), and a mark's unknown field was "the body does not have
/// the expected type" (session 31's attack round).
impl<'de> Deserialize<'de> for AttendanceInput {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = AttendanceInput;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of marks, or an object with `marks` and `reason`")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<AttendanceInput, A::Error> {
                Vec::deserialize(SeqAccessDeserializer::new(seq)).map(AttendanceInput::Marks)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<AttendanceInput, A::Error> {
                let WithReason { marks, reason } = WithReason::deserialize(MapAccessDeserializer::new(map))?;
                Ok(AttendanceInput::WithReason { marks, reason })
            }
        }
        deserializer.deserialize_any(Either)
    }
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceSaved {
    /// How many marks changed.
    pub changed: usize,
}

/// Records the attendance of a meeting in one request.
#[utoipa::path(put, path = "/api/v1/meetings/{id}/attendance", tag = "attendance",
    params(("id" = Uuid, Path, description = "The meeting")), request_body = AttendanceInput,
    responses((status = 200, body = AttendanceSaved),
        (status = 403, body = ApiError, description = "Not a trainer of this session, nor an organiser"),
        (status = 404, body = ApiError),
        (status = 409, body = ApiError, description = "The meeting has not started yet"),
        (status = 422, body = ApiError)))]
pub(crate) async fn put_attendance(
    StaffedMeeting { ctx, meeting, record }: StaffedMeeting,
    ApiJsonOrList(input): ApiJsonOrList<AttendanceInput>,
) -> AppResult<Json<AttendanceSaved>> {
    let (items, reason) = match input {
        AttendanceInput::Marks(items) => (items, None),
        AttendanceInput::WithReason { marks, reason } => (marks, Some(reason).filter(|r| !r.trim().is_empty())),
    };
    let length = attendance::meeting_minutes(&meeting);
    let mut errors = FieldErrors::new();
    let mut marks = Vec::new();
    // One mark a person: a list marking someone twice, differently, was
    // saved, the last mark winning unseen (session 25's attack round). The
    // same mark sent again is the same mark.
    let mut seen: HashMap<Uuid, (AttendanceStatus, Option<u32>)> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let field = format!("marks.{index}");
        let registration_id = errors.take(&field, crate::kit::input::parse_id(&item.registration_id));
        let status = errors.take(&field, AttendanceStatus::parse(&item.status));
        let minutes = errors.take(&field, rules::parse_minutes(&item.minutes, length));
        if let (Some(registration_id), Some(status), Some(minutes)) = (registration_id, status, minutes) {
            match seen.insert(registration_id, (status, minutes)) {
                Some(earlier) if earlier != (status, minutes) => errors.add(&field, Problem::new("error-mark-twice")),
                Some(_) => {}
                None => marks.push(Mark {
                    registration_id,
                    status,
                    minutes,
                }),
            }
        }
    }
    errors.into_result().map_err(AppError::Invalid)?;
    let changed = aula_app::attendance::save(
        &ctx.state.app(),
        &ctx.actor()?,
        &meeting,
        &record,
        &marks,
        Source::RollCall,
        reason.as_deref(),
    )
    .await?;
    Ok(Json(AttendanceSaved { changed }))
}

/// A meeting as the attendance matrix shows it, with its length (named
/// apart from the session's `MeetingOut`: two schemas with one name would
/// replace each other in the OpenAPI document).
#[derive(Serialize, ToSchema)]
pub struct MatrixMeetingOut {
    pub id: Uuid,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub minutes: u32,
}

#[derive(Serialize, ToSchema)]
pub struct MarkOut {
    pub meeting_id: Uuid,
    pub status: String,
    pub minutes: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct MatrixRowOut {
    pub registration_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    /// None for someone registered without e-mail (issue 20).
    pub email: Option<String>,
    /// One per meeting that has a mark.
    pub marks: Vec<MarkOut>,
    pub attended_minutes: u64,
    pub completed: bool,
    /// False when the absences already make completion impossible.
    pub can_complete: bool,
}

#[derive(Serialize, ToSchema)]
pub struct MatrixOut {
    pub session_id: Uuid,
    pub meetings: Vec<MatrixMeetingOut>,
    pub session_minutes: u64,
    pub minimum_percent: u8,
    pub required_minutes: u64,
    pub rows: Vec<MatrixRowOut>,
}

fn matrix_out(record: &SessionRecord, matrix: Matrix) -> MatrixOut {
    MatrixOut {
        session_id: record.session.id,
        meetings: matrix
            .meetings
            .iter()
            .map(|m| MatrixMeetingOut {
                id: m.id,
                starts_at: m.starts_at,
                ends_at: m.ends_at,
                minutes: attendance::meeting_minutes(m),
            })
            .collect(),
        session_minutes: matrix.session_minutes,
        minimum_percent: matrix.percent,
        required_minutes: matrix.required_minutes,
        rows: matrix
            .rows
            .into_iter()
            .map(|row| MatrixRowOut {
                registration_id: row.registration.id,
                given_name: row.person.given_name,
                family_name: row.person.family_name,
                email: row.person.email,
                marks: row
                    .marks
                    .into_iter()
                    .flatten()
                    .map(|m: mark::Model| MarkOut {
                        meeting_id: m.meeting_id,
                        status: m.status.as_str().to_owned(),
                        minutes: m.minutes,
                    })
                    .collect(),
                attended_minutes: row.attended_minutes,
                completed: row.completed,
                can_complete: row.can_complete,
            })
            .collect(),
    }
}

/// The session's attendance matrix: every meeting, hours and completion per
/// confirmed registration.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/attendance", tag = "attendance",
    params(("id" = Uuid, Path, description = "The session")),
    responses((status = 200, body = MatrixOut), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn matrix_api(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Json<MatrixOut>> {
    let (record, matrix) = staffed_matrix(&ctx, id).await?;
    Ok(Json(matrix_out(&record, matrix)))
}

// ----- the matrix page and CSV ---------------------------------------------

#[derive(Template)]
#[template(path = "pages/attendance.html")]
struct MatrixPage {
    c: Chrome,
    record: SessionRecord,
    matrix: Matrix,
}

impl MatrixPage {
    fn mark_label(&self, m: &Option<mark::Model>) -> String {
        match m {
            Some(m) => {
                let word = self.c.word("attendance", m.status);
                match m.minutes {
                    Some(minutes) => format!("{word} ({minutes} min)"),
                    None => word,
                }
            }
            None => "—".to_owned(),
        }
    }

    fn hours(&self, minutes: &u64) -> String {
        self.c.hours(&i32::try_from(*minutes).unwrap_or(i32::MAX))
    }

    /// Hours as a message argument, so its plural selector picks the unit.
    fn hours_arg(&self, minutes: &u64) -> aula_mail::Arg {
        aula_mail::Arg::hours(i64::try_from(*minutes).unwrap_or(i64::MAX))
    }
}

pub(crate) async fn matrix_page(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let (record, matrix) = staffed_matrix(&ctx, id).await?;
    render(&MatrixPage {
        c: Chrome::new(&ctx),
        record,
        matrix,
    })
}

/// The matrix as a spreadsheet: UTF-8 with a BOM, one column per meeting.
pub(crate) async fn matrix_csv(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let (record, matrix) = staffed_matrix(&ctx, id).await?;
    let tr = ctx.tr();
    let zone = record.session.time_zone.tz();
    let mut sheet = Sheet::default();
    let mut header = vec![
        tr.t("registrations-given-name-column"),
        tr.t("registrations-family-name-column"),
        tr.t("registrations-email-column"),
    ];
    for m in &matrix.meetings {
        header.push(tr.datetime(m.starts_at, zone));
    }
    header.push(tr.t("attendance-hours-column"));
    header.push(tr.t("attendance-completed-column"));
    sheet.row(header)?;
    for row in &matrix.rows {
        let mut line = vec![
            Cell::from(&row.person.given_name),
            Cell::from(&row.person.family_name),
            Cell::from(&row.person.email),
        ];
        for m in &row.marks {
            // The marks in the reader's words, as the header and the page
            // have them: the codes were English under a French header
            // (session 31's attack round).
            let word = |m: &mark::Model| tr.t(&format!("attendance-{}", m.status.as_str().replace('_', "-")));
            line.push(Cell::from(match m {
                Some(m) => match m.minutes {
                    Some(minutes) => format!("{} ({minutes} min)", word(m)),
                    None => word(m),
                },
                None => String::new(),
            }));
        }
        line.push(number(tr.decimal(row.attended_minutes as f64 / 60.0, 2)));
        line.push(Cell::from(tr.t(if row.completed { "yes" } else { "no" })));
        sheet.row(line)?;
    }
    let bytes = sheet.into_bytes()?;
    Ok(crate::kit::pages::csv_attachment(
        &format!("attendance-{}", record.session.id),
        bytes,
    ))
}
