//! The attendance of an online meeting from the participant report its
//! platform exports (Zoom, Teams, Meet, Jitsi, BigBlueButton): the trainers'
//! pages (upload, report with the column mapping and the matches, record)
//! and the API.
//!
//! Online sessions are certified on minutes connected, and copying them by
//! hand from a report with one line per connection is slow and error-prone.
//! The domain (`aula_domain::online_report`) turns the report into minutes
//! per person; this module says who each person is in the session:
//!
//! - by e-mail address (whatever the case) among the session's confirmed
//!   participants: certain, applied as is;
//! - else by name (accents, case and order folded): only a suggestion, since
//!   two people may share a name and guests type what they like, so the page
//!   asks the trainer to confirm each one, and the API only reports them.
//!
//! As with the import of people, the file (decoded to UTF-8 text: Teams
//! writes UTF-16) waits in `import_drafts` between
//! the upload and the trainer's decision (with the meeting's session as its
//! session), and is read again when the trainer decides, never trusting the
//! page they saw. Marks are set, not added: importing the same report twice
//! records the same minutes.

use std::collections::{HashMap, HashSet};

use askama::Template;
use aula_domain::import::Sheet;
use aula_domain::online_report::{self, Attendee, OnlineReport, ReportField, ReportMapping};
use aula_domain::{AttendanceStatus, Email, FieldErrors, Problem, SessionStatus, fold_for_search};
use aula_storage::attendance::{self as marks, Mark, Source};
use aula_storage::entities::{meeting, person, registration};
use aula_storage::imports::{self, Draft};
use aula_storage::sessions::SessionRecord;
use axum::body::Bytes;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Multipart, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::attendance::roll_call::{StaffedMeeting, save, staffed_meeting};
use crate::kit::api::ApiError;
use crate::kit::extract::{ApiPath, ApiQuery, CsrfForm};
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, render_invalid};
use crate::kit::upload::{self, api_invalid};
use crate::{AppError, AppResult, AppState, Ctx};

// ----- who is who, for the pages and the API ---------------------------------------

/// A confirmed participant of the session, as the report is matched against.
struct Participant {
    registration_id: Uuid,
    /// "Given Family", as the pages show it.
    name: String,
    /// Lower-cased, as `Email::parse` writes the report's addresses.
    email: String,
}

/// Who an attendee of the report is in the session (an index into the participants).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    /// The same e-mail address: certain.
    Email(usize),
    /// The same name, and nobody else in the session has it: to be confirmed.
    Name(usize),
    Nobody,
}

/// The words of a name, folded so that case, accents and punctuation do not
/// matter: `Pérez-Gil, José` gives `perez gil jose`.
fn words(text: &str) -> Vec<String> {
    fold_for_search(text)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// The ways a report may write a participant's name: `given family`, and
/// `family given` (which is also `family, given` once the comma is dropped).
fn name_keys(given: &str, family: &str) -> [String; 2] {
    let (given, family) = (words(given), words(family));
    [
        [given.as_slice(), family.as_slice()].concat().join(" "),
        [family.as_slice(), given.as_slice()].concat().join(" "),
    ]
}

/// The names a report's name cell may hold: the text outside brackets and
/// each bracketed part, since Zoom writes `Luis's iPhone (Luis Gil)` (the
/// device's name, then the account's) and guests add `(guest)`.
fn report_keys(name: &str) -> Vec<String> {
    let mut outside = String::new();
    let mut inside = Vec::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    inside.push(String::new());
                }
                depth += 1;
                // A bracket separates words, as a space would.
                outside.push(' ');
            }
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => outside.push(c),
            c => {
                if let Some(part) = inside.last_mut() {
                    part.push(c);
                }
            }
        }
    }
    let mut keys = Vec::new();
    for text in std::iter::once(&outside).chain(inside.iter()) {
        let key = words(text).join(" ");
        if !key.is_empty() && !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// The session's confirmed participants, indexed by e-mail and by name.
struct Roster {
    participants: Vec<Participant>,
    by_email: HashMap<String, usize>,
    /// `None` when two participants share the name: no suggestion then.
    by_name: HashMap<String, Option<usize>>,
}

impl Roster {
    fn new(rows: Vec<(registration::Model, person::Model)>) -> Self {
        let mut roster = Roster {
            participants: Vec::with_capacity(rows.len()),
            by_email: HashMap::new(),
            by_name: HashMap::new(),
        };
        for (index, (registration, person)) in rows.into_iter().enumerate() {
            roster.by_email.insert(person.email.trim().to_lowercase(), index);
            let keys = name_keys(&person.given_name, &person.family_name);
            // A name written the same both ways (a single word) is one key.
            let keys: HashSet<String> = keys.into_iter().filter(|k| !k.is_empty()).collect();
            for key in keys {
                roster
                    .by_name
                    .entry(key)
                    .and_modify(|held| *held = None)
                    .or_insert(Some(index));
            }
            roster.participants.push(Participant {
                registration_id: registration.id,
                name: format!("{} {}", person.given_name, person.family_name),
                email: person.email.trim().to_lowercase(),
            });
        }
        roster
    }

    fn find(&self, attendee: &Attendee) -> Found {
        if let Some(index) = attendee.email.as_ref().and_then(|e| self.by_email.get(e.as_str())) {
            return Found::Email(*index);
        }
        let mut candidates = HashSet::new();
        for key in report_keys(&attendee.name) {
            match self.by_name.get(&key) {
                Some(Some(index)) => {
                    candidates.insert(*index);
                }
                // Two participants answer to this name: the report cannot tell which.
                Some(None) => return Found::Nobody,
                None => {}
            }
        }
        match candidates.into_iter().collect::<Vec<_>>().as_slice() {
            [index] => Found::Name(*index),
            _ => Found::Nobody,
        }
    }

    fn position(&self, registration_id: Uuid) -> Option<usize> {
        self.participants
            .iter()
            .position(|p| p.registration_id == registration_id)
    }
}

/// The report read with a mapping, and who each of its people is.
struct Analysis {
    report: OnlineReport,
    roster: Roster,
    /// One per attendee of the report, in the same order.
    found: Vec<Found>,
}

impl Analysis {
    /// Participants neither found by e-mail nor suggested by name.
    fn absent(&self) -> Vec<&Participant> {
        let seen: HashSet<usize> = self
            .found
            .iter()
            .filter_map(|f| match f {
                Found::Email(i) | Found::Name(i) => Some(*i),
                Found::Nobody => None,
            })
            .collect();
        self.roster
            .participants
            .iter()
            .enumerate()
            .filter(|(i, _)| !seen.contains(i))
            .map(|(_, p)| p)
            .collect()
    }
}

fn meeting_span(meeting: &meeting::Model) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
    (meeting.starts_at, meeting.ends_at)
}

/// Reads the sheet with `mapping` for the meeting, and matches its people
/// with the session's confirmed participants. `Err` is the domain's refusal
/// of the mapping.
async fn analyse(
    state: &AppState,
    meeting: &meeting::Model,
    record: &SessionRecord,
    sheet: &Sheet,
    mapping: &ReportMapping,
) -> AppResult<Result<Analysis, Problem>> {
    let zone = record.session.time_zone.tz();
    let report = match online_report::minutes(sheet, mapping, meeting_span(meeting), zone) {
        Ok(report) => report,
        Err(problem) => return Ok(Err(problem)),
    };
    let roster = Roster::new(marks::participants(&state.db, record.session.id).await?);
    let found = report.attendees.iter().map(|a| roster.find(a)).collect();
    Ok(Ok(Analysis { report, roster, found }))
}

/// The marks to record: everyone `assigned` (attendee index → participant
/// index) present with their minutes, and, with `others_absent`, the other
/// participants absent.
///
/// When several people of the report are one participant (a laptop with the
/// address and a phone with only the name, confirmed by the trainer), their
/// lines are given the participant's address and the report is counted
/// again, so that the domain merges their connections and overlaps count
/// once, as for any person of the report.
fn plan(
    sheet: &Sheet,
    mapping: &ReportMapping,
    meeting: &meeting::Model,
    record: &SessionRecord,
    analysis: &Analysis,
    assigned: &HashMap<usize, usize>,
    others_absent: bool,
) -> Result<Vec<Mark>, Problem> {
    let mut sheet = sheet.clone();
    let mut mapping = mapping.clone();
    let column = match mapping.get(ReportField::Email) {
        Some(column) => column,
        None => {
            // No address column: one is added, empty except where we write.
            sheet.headers.push(String::from("aula-email"));
            for row in &mut sheet.rows {
                row.cells.push(String::new());
            }
            let column = sheet.headers.len() - 1;
            mapping.set(ReportField::Email, column);
            column
        }
    };
    let mut address_of_line: HashMap<usize, &str> = HashMap::new();
    for (attendee, participant) in assigned {
        let email = analysis.roster.participants[*participant].email.as_str();
        for line in &analysis.report.attendees[*attendee].lines {
            address_of_line.insert(*line, email);
        }
    }
    for row in &mut sheet.rows {
        if let (Some(email), Some(cell)) = (address_of_line.get(&row.line), row.cells.get_mut(column)) {
            *cell = (*email).to_owned();
        }
    }
    let zone = record.session.time_zone.tz();
    let counted = online_report::minutes(&sheet, &mapping, meeting_span(meeting), zone)?;
    let by_email: HashMap<&str, u32> = counted
        .attendees
        .iter()
        .filter_map(|a| a.email.as_ref().map(|e| (e.as_str(), a.minutes)))
        .collect();

    let mut result = Vec::new();
    let targets: HashSet<usize> = assigned.values().copied().collect();
    for (index, participant) in analysis.roster.participants.iter().enumerate() {
        if targets.contains(&index) {
            let minutes = Email::parse(&participant.email)
                .ok()
                .and_then(|email| by_email.get(email.as_str()).copied())
                // An address that no longer parses could not be merged: the
                // best of its people's own figures, never their sum.
                .unwrap_or_else(|| {
                    assigned
                        .iter()
                        .filter(|(_, p)| **p == index)
                        .map(|(a, _)| analysis.report.attendees[*a].minutes)
                        .max()
                        .unwrap_or(0)
                });
            result.push(Mark {
                registration_id: participant.registration_id,
                status: AttendanceStatus::Present,
                minutes: Some(minutes.min(marks::meeting_minutes(meeting))),
            });
        } else if others_absent {
            result.push(Mark {
                registration_id: participant.registration_id,
                status: AttendanceStatus::Absent,
                minutes: None,
            });
        }
    }
    Ok(result)
}

fn number_of(record: &SessionRecord, meeting: &meeting::Model) -> usize {
    record
        .meetings
        .iter()
        .position(|m| m.id == meeting.id)
        .map_or(1, |i| i + 1)
}

fn lines_text(lines: &[usize]) -> String {
    lines.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
}

// ----- the API -----------------------------------------------------------------------

/// A person of the report found among the participants by e-mail address: recorded.
#[derive(Serialize, ToSchema)]
pub struct ReportMatched {
    /// The report's lines counted for this person.
    pub lines: Vec<usize>,
    pub email: String,
    pub registration_id: Uuid,
    /// Minutes within the meeting, overlaps counted once, at most its length,
    /// rounded to the nearest minute (half up).
    pub minutes: u32,
    /// `false` when the report gave only a total duration for this person
    /// (Zoom's unique users): capped at the meeting's length, but it may hold
    /// time before the start or after the end. Check such a figure.
    pub clipped: bool,
}

/// A person of the report whose name (not address) is a participant's: not
/// recorded through the API, since names are not proof; confirm it on the page
/// or send the mark yourself.
#[derive(Serialize, ToSchema)]
pub struct ReportSuggested {
    pub lines: Vec<usize>,
    /// As the report writes it.
    pub name: String,
    pub email: Option<String>,
    pub registration_id: Uuid,
    pub minutes: u32,
    /// As in `matched`.
    pub clipped: bool,
}

/// A person of the report who is not a confirmed participant of the session.
#[derive(Serialize, ToSchema)]
pub struct ReportUnmatched {
    pub lines: Vec<usize>,
    pub name: String,
    pub email: Option<String>,
    pub minutes: u32,
    /// As in `matched`.
    pub clipped: bool,
}

/// A line of the report that was skipped (or counted as no time).
#[derive(Serialize, ToSchema)]
pub struct ReportProblem {
    pub line: usize,
    pub message: String,
}

/// What the import of a participant report did (or, in a dry run, would do).
#[derive(Serialize, ToSchema)]
pub struct ReportImported {
    pub dry_run: bool,
    /// How many marks changed (0 in a dry run; importing the same report
    /// again changes none).
    pub applied: usize,
    pub matched: Vec<ReportMatched>,
    pub suggested: Vec<ReportSuggested>,
    pub unmatched: Vec<ReportUnmatched>,
    pub problems: Vec<ReportProblem>,
}

/// The API's query: `dry_run`, `others_absent`, `reason`, `map.<field>=<header name>`.
#[derive(Default)]
struct ApiOptions {
    dry_run: bool,
    others_absent: bool,
    reason: Option<String>,
    /// (field, header name; empty for "not in the file").
    map: Vec<(ReportField, String)>,
}

impl ApiOptions {
    fn parse(pairs: &[(String, String)]) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut options = ApiOptions::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key.as_str() {
                "dry_run" => options.dry_run = upload::flag(key, value, &mut errors),
                "others_absent" => options.others_absent = upload::flag(key, value, &mut errors),
                "reason" => options.reason = Some(value.to_owned()).filter(|r| !r.is_empty()),
                "lang" => {}
                _ => match key.strip_prefix("map.").map(ReportField::parse) {
                    Some(Some(field)) => options.map.push((field, value.to_owned())),
                    // A misspelt `dry_run` must not record marks for real.
                    _ => errors.add(key, Problem::new("error-attendance-import-parameter")),
                },
            }
        }
        if errors.is_empty() { Ok(options) } else { Err(errors) }
    }

    /// The guess from the header, with the caller's choices over it.
    fn mapping(&self, sheet: &Sheet) -> Result<ReportMapping, FieldErrors> {
        let guess = online_report::guess(&sheet.headers);
        upload::with_overrides(guess, sheet, &self.map, "error-attendance-import-no-column")
    }
}

/// Records a meeting's attendance from the participant report of its
/// platform (the session's trainers and organisers).
///
/// The body is the report itself (`Content-Type: text/csv`), as Zoom, Teams,
/// Meet, Jitsi or BigBlueButton export it: UTF-8, UTF-16 with its byte-order
/// mark or Windows-1252, separated by `,`, `;` or tabs; the participants'
/// table is found by its header, below Zoom's meeting summary or in Teams'
/// `2. Participants` section. Columns named in English, French or Spanish are
/// recognised; override the guess with `map.<field>=<header name>` (an empty
/// value: the report has no such column). Fields: `name`, `surname` (joined
/// to the name, as Meet writes them apart), `email`, `join`, `leave`,
/// `duration`; the report needs names or addresses, and join and leave times
/// or durations. Minutes are rounded to the nearest minute, half up; a
/// person whose lines give only durations (Zoom's unique users) has
/// `clipped: false`.
///
/// Each person's connections are clipped to the meeting and counted once
/// when they overlap. People whose address is a confirmed participant's are
/// marked present with their minutes (`matched`); people found only by name
/// are listed in `suggested` and **not** recorded; the others in
/// `unmatched`. With `others_absent=true`, every participant not in
/// `matched` is marked absent. Marks are set, not added: the same report
/// imported again changes nothing. A completed session needs a `reason`.
/// With `dry_run=true` nothing is written. A file that cannot be read is a
/// 422 with the problem as its `message`, and nothing is written.
#[utoipa::path(
    post,
    path = "/api/v1/meetings/{id}/attendance/import",
    tag = "attendance",
    params(
        ("id" = Uuid, Path, description = "The meeting"),
        ("dry_run" = Option<bool>, Query, description = "`true`: read and match, write nothing"),
        ("others_absent" = Option<bool>, Query, description = "`true`: mark absent the participants not matched by e-mail"),
        ("reason" = Option<String>, Query, description = "Why a completed session's attendance is corrected (required then)"),
    ),
    request_body(content = String, content_type = "text/csv", description = "The participant report"),
    responses(
        (status = 200, body = ReportImported),
        (status = 401, body = ApiError),
        (status = 403, body = ApiError, description = "Not a trainer of this session, nor an organiser"),
        (status = 404, body = ApiError, description = "Unknown meeting"),
        (status = 413, body = ApiError),
        (status = 415, body = ApiError, description = "The body is not `text/csv`"),
        (status = 422, body = ApiError, description = "The file cannot be read, a column is missing, a bad parameter, or no reason for a completed session"),
    ),
    security(("bearer" = []), ("cookie" = []))
)]
pub(crate) async fn import_api(
    StaffedMeeting { ctx, meeting, record }: StaffedMeeting,
    State(state): State<AppState>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<Response> {
    upload::require_csv(&headers)?;
    let options = ApiOptions::parse(&pairs)?;
    let sheet = match upload::sheet_of_body(body, |bytes| {
        online_report::decode(bytes).and_then(|text| online_report::read(&text))
    })? {
        Ok(sheet) => sheet,
        Err(problem) => return Ok(api_invalid(&ctx, "file", &problem)),
    };
    let mapping = options.mapping(&sheet)?;
    let analysis = match analyse(&state, &meeting, &record, &sheet, &mapping).await? {
        Ok(analysis) => analysis,
        Err(problem) => return Ok(api_invalid(&ctx, "file", &problem)),
    };
    // Only addresses are proof of who attended: names are suggestions.
    let assigned: HashMap<usize, usize> = analysis
        .found
        .iter()
        .enumerate()
        .filter_map(|(a, f)| match f {
            Found::Email(p) => Some((a, *p)),
            _ => None,
        })
        .collect();
    let planned = plan(
        &sheet,
        &mapping,
        &meeting,
        &record,
        &analysis,
        &assigned,
        options.others_absent,
    )
    .map_err(|problem| AppError::Invalid(FieldErrors::single("file", problem)))?;
    let applied = if options.dry_run {
        0
    } else {
        save(
            &state,
            &ctx.actor()?,
            &meeting,
            &record,
            &planned,
            Source::Import,
            options.reason.as_deref(),
        )
        .await?
    };

    let minutes_of: HashMap<Uuid, u32> = planned
        .iter()
        .filter_map(|m| m.minutes.map(|v| (m.registration_id, v)))
        .collect();
    let tr = ctx.tr();
    let mut out = ReportImported {
        dry_run: options.dry_run,
        applied,
        matched: Vec::new(),
        suggested: Vec::new(),
        unmatched: Vec::new(),
        problems: analysis
            .report
            .problems
            .iter()
            .map(|p| ReportProblem {
                line: p.line,
                message: tr.problem(&p.problem),
            })
            .collect(),
    };
    for (attendee, found) in analysis.report.attendees.iter().zip(&analysis.found) {
        let email = attendee.email.as_ref().map(|e| e.as_str().to_owned());
        match found {
            Found::Email(p) => {
                let participant = &analysis.roster.participants[*p];
                out.matched.push(ReportMatched {
                    lines: attendee.lines.clone(),
                    email: participant.email.clone(),
                    registration_id: participant.registration_id,
                    minutes: minutes_of
                        .get(&participant.registration_id)
                        .copied()
                        .unwrap_or(attendee.minutes),
                    clipped: attendee.clipped,
                });
            }
            Found::Name(p) => out.suggested.push(ReportSuggested {
                lines: attendee.lines.clone(),
                name: attendee.name.clone(),
                email,
                registration_id: analysis.roster.participants[*p].registration_id,
                minutes: attendee.minutes,
                clipped: attendee.clipped,
            }),
            Found::Nobody => out.unmatched.push(ReportUnmatched {
                lines: attendee.lines.clone(),
                name: attendee.name.clone(),
                email,
                minutes: attendee.minutes,
                clipped: attendee.clipped,
            }),
        }
    }
    Ok(axum::Json(out).into_response())
}

// ----- the pages ---------------------------------------------------------------------

#[derive(Template)]
#[template(path = "pages/attendance_import.html")]
struct UploadPage {
    c: Chrome,
    record: SessionRecord,
    meeting: meeting::Model,
    number: usize,
    errors: FormErrors,
}

impl UploadPage {
    fn new(ctx: &Ctx, record: SessionRecord, meeting: meeting::Model, errors: FormErrors) -> Self {
        UploadPage {
            c: Chrome::new(ctx),
            number: number_of(&record, &meeting),
            record,
            meeting,
            errors,
        }
    }
}

pub(crate) async fn upload_page(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Response> {
    let (meeting, record) = staffed_meeting(&ctx, &state, id).await?;
    render(&UploadPage::new(&ctx, record, meeting, FormErrors::none()))
}

/// The upload form (`multipart/form-data`, which `CsrfForm` does not read:
/// the token is checked here). Who may upload is settled before the body is read.
pub(crate) async fn upload(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let (meeting, record) = staffed_meeting(&ctx, &state, id).await?;
    let file = upload::read_upload(&ctx, multipart).await?;
    let invalid = |problem: Problem| {
        let errors = FormErrors::new(ctx.tr(), &FieldErrors::single("file", problem));
        render_invalid(&UploadPage::new(&ctx, record.clone(), meeting.clone(), errors))
    };
    let Some((name, bytes)) = file else {
        return invalid(Problem::new("error-attendance-import-no-file"));
    };
    // The draft keeps the decoded text (UTF-8, whatever the file's encoding),
    // which `load` reads again.
    let read = online_report::decode(&bytes).and_then(|text| online_report::read(&text).map(|sheet| (text, sheet)));
    let (content, sheet) = match read {
        Ok(read) => read,
        Err(problem) => return invalid(problem),
    };
    let user = ctx.user()?;
    let draft = imports::save(&state.db, record.session.id, user.user.id, &name, &content).await?;
    // The guessed mapping goes in the address, so the report page shows it
    // and a trainer can bookmark or share their choice of columns.
    let query: Vec<String> = online_report::guess(&sheet.headers)
        .iter()
        .map(|(field, column)| format!("map.{}={column}", field.as_str()))
        .collect();
    let mut to = format!("/staff/meetings/{}/attendance/import/{}", meeting.id, draft.id);
    if !query.is_empty() {
        to.push('?');
        to.push_str(&query.join("&"));
    }
    Ok(Redirect::to(&to).into_response())
}

/// A field's choice of column on the report page.
struct FieldChoice {
    name: &'static str,
    label: String,
    /// The column's index, or empty.
    column: String,
}

/// A person of the report, as the report page shows them.
struct PersonView {
    /// The person's first line: the key of their confirmation box.
    key: usize,
    lines: String,
    name: String,
    email: String,
    minutes: u32,
    /// Whether `minutes` is clipped to the meeting (else a total from the file).
    clipped: bool,
    /// `email`, `name` or `none`.
    kind: &'static str,
    participant: String,
    registration_id: String,
    /// Whether the trainer ticked "this is <participant>" (kept when the form comes back).
    confirmed: bool,
}

#[derive(Template)]
#[template(path = "pages/attendance_import_report.html")]
struct ReportPage {
    c: Chrome,
    record: SessionRecord,
    meeting: meeting::Model,
    number: usize,
    length: u32,
    draft: Draft,
    rows: usize,
    fields: Vec<FieldChoice>,
    /// (column index, header).
    columns: Vec<(String, String)>,
    /// Why the report cannot be read with this mapping.
    problem: Option<String>,
    people: Vec<PersonView>,
    /// (line, problem in words).
    problems: Vec<(usize, String)>,
    /// Participants not in the report (neither by address nor by name).
    absent: Vec<String>,
    others_absent: bool,
    needs_reason: bool,
    reason: String,
    errors: FormErrors,
}

impl ReportPage {
    fn count(&self, kind: &str) -> usize {
        self.people.iter().filter(|p| p.kind == kind).count()
    }

    /// Whether some figure is a total from the file rather than clipped connections.
    fn any_not_clipped(&self) -> bool {
        self.people.iter().any(|p| !p.clipped)
    }

    fn can_record(&self) -> bool {
        self.problem.is_none() && (self.people.iter().any(|p| p.kind != "none") || !self.absent.is_empty())
    }

    fn commit_action(&self) -> String {
        format!(
            "/staff/meetings/{}/attendance/import/{}/commit",
            self.meeting.id, self.draft.id
        )
    }
}

/// What the trainer sent back with the report (kept when the page comes back).
#[derive(Default)]
struct Choices {
    /// The first line of a person of the report → the registration they are.
    confirmed: HashMap<usize, Uuid>,
    others_absent: bool,
    reason: String,
}

impl Choices {
    fn parse(pairs: &[(String, String)]) -> AppResult<Self> {
        let mut choices = Choices::default();
        for (key, value) in pairs {
            if let Some(line) = key.strip_prefix("match.") {
                if value.trim().is_empty() {
                    continue;
                }
                let line = line.parse::<usize>().map_err(|_| AppError::bad_request("error-form"))?;
                let id = value
                    .trim()
                    .parse::<Uuid>()
                    .map_err(|_| AppError::bad_request("error-form"))?;
                choices.confirmed.insert(line, id);
            } else if key == "others_absent" {
                choices.others_absent = !value.is_empty();
            } else if key == "reason" {
                choices.reason = value.trim().to_owned();
            }
        }
        Ok(choices)
    }
}

#[allow(clippy::too_many_arguments)]
fn report_page_of(
    ctx: &Ctx,
    record: SessionRecord,
    meeting: meeting::Model,
    draft: Draft,
    sheet: &Sheet,
    mapping: &ReportMapping,
    analysed: Result<Analysis, Problem>,
    choices: &Choices,
    errors: FormErrors,
) -> ReportPage {
    let c = Chrome::new(ctx);
    let fields = ReportField::ALL
        .iter()
        .map(|f| FieldChoice {
            name: f.as_str(),
            label: c.t(f.label_key()),
            column: mapping.get(*f).map(|i| i.to_string()).unwrap_or_default(),
        })
        .collect();
    let columns = sheet
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| (i.to_string(), h.clone()))
        .collect();
    let mut page = ReportPage {
        number: number_of(&record, &meeting),
        length: marks::meeting_minutes(&meeting),
        needs_reason: record.status() == SessionStatus::Completed,
        record,
        meeting,
        draft,
        rows: sheet.rows.len(),
        fields,
        columns,
        problem: None,
        people: Vec::new(),
        problems: Vec::new(),
        absent: Vec::new(),
        others_absent: choices.others_absent,
        reason: choices.reason.clone(),
        errors,
        c,
    };
    match analysed {
        Err(problem) => page.problem = Some(page.c.tr.problem(&problem)),
        Ok(analysis) => {
            page.problems = analysis
                .report
                .problems
                .iter()
                .map(|p| (p.line, page.c.tr.problem(&p.problem)))
                .collect();
            page.absent = analysis.absent().into_iter().map(|p| p.name.clone()).collect();
            page.people = analysis
                .report
                .attendees
                .iter()
                .zip(&analysis.found)
                .map(|(attendee, found)| {
                    let key = attendee.lines.first().copied().unwrap_or(0);
                    let (kind, participant) = match found {
                        Found::Email(p) => ("email", Some(&analysis.roster.participants[*p])),
                        Found::Name(p) => ("name", Some(&analysis.roster.participants[*p])),
                        Found::Nobody => ("none", None),
                    };
                    PersonView {
                        key,
                        lines: lines_text(&attendee.lines),
                        name: attendee.name.clone(),
                        email: attendee
                            .email
                            .as_ref()
                            .map(|e| e.as_str().to_owned())
                            .unwrap_or_default(),
                        minutes: attendee.minutes,
                        clipped: attendee.clipped,
                        kind,
                        participant: participant.map(|p| p.name.clone()).unwrap_or_default(),
                        registration_id: participant.map(|p| p.registration_id.to_string()).unwrap_or_default(),
                        confirmed: participant.is_some_and(|p| choices.confirmed.get(&key) == Some(&p.registration_id)),
                    }
                })
                .collect();
        }
    }
    page
}

/// The mapping from the report page's `map.<field>=<column index>` pairs,
/// over the guess from the header.
fn mapping_from_columns(sheet: &Sheet, pairs: &[(String, String)]) -> AppResult<ReportMapping> {
    let mut mapping = online_report::guess(&sheet.headers);
    for (key, value) in pairs {
        let Some(name) = key.strip_prefix("map.") else {
            continue;
        };
        let field = ReportField::parse(name).ok_or_else(|| AppError::bad_request("error-query"))?;
        let value = value.trim();
        if value.is_empty() {
            mapping.unset(field);
            continue;
        }
        let column = value
            .parse::<usize>()
            .ok()
            .filter(|c| *c < sheet.headers.len())
            .ok_or_else(|| AppError::bad_request("error-query"))?;
        mapping.set(field, column);
    }
    Ok(mapping)
}

/// The meeting for its staff, and the signed-in user's draft of its session with its sheet.
async fn load(
    ctx: &Ctx,
    state: &AppState,
    id: Uuid,
    draft_id: Uuid,
) -> AppResult<(meeting::Model, SessionRecord, Draft, Sheet)> {
    let (meeting, record) = staffed_meeting(ctx, state, id).await?;
    let user = ctx.user()?;
    let draft = imports::get(&state.db, draft_id, user.user.id).await?;
    if draft.session_id != record.session.id {
        return Err(AppError::NotFound);
    }
    // The text was read once at upload; reading it again cannot fail unless
    // the reader changed since, and then its problem is the answer.
    let sheet = online_report::read(&draft.content).map_err(AppError::Conflict)?;
    Ok((meeting, record, draft, sheet))
}

pub(crate) async fn report_page(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiPath((id, draft_id)): ApiPath<(Uuid, Uuid)>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (meeting, record, draft, sheet) = load(&ctx, &state, id, draft_id).await?;
    let mapping = mapping_from_columns(&sheet, &pairs)?;
    let analysed = analyse(&state, &meeting, &record, &sheet, &mapping).await?;
    render(&report_page_of(
        &ctx,
        record,
        meeting,
        draft,
        &sheet,
        &mapping,
        analysed,
        &Choices::default(),
        FormErrors::none(),
    ))
}

/// "Record the attendance": the report is read again with the mapping sent,
/// whatever the page showed; addresses match as before, and the names the
/// trainer confirmed (`match.<line>=<registration>`) are added.
pub(crate) async fn commit(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiPath((id, draft_id)): ApiPath<(Uuid, Uuid)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (meeting, record, draft, sheet) = load(&ctx, &state, id, draft_id).await?;
    let mapping = mapping_from_columns(&sheet, &pairs)?;
    let choices = Choices::parse(&pairs)?;
    let analysis = match analyse(&state, &meeting, &record, &sheet, &mapping).await? {
        Ok(analysis) => analysis,
        Err(problem) => {
            return render_invalid(&report_page_of(
                &ctx,
                record,
                meeting,
                draft,
                &sheet,
                &mapping,
                Err(problem),
                &choices,
                FormErrors::none(),
            ));
        }
    };
    let mut assigned = HashMap::new();
    for (index, (attendee, found)) in analysis.report.attendees.iter().zip(&analysis.found).enumerate() {
        if let Found::Email(p) = found {
            assigned.insert(index, *p);
        }
        let confirmed = attendee.lines.first().and_then(|line| choices.confirmed.get(line));
        if let (Found::Name(_) | Found::Nobody, Some(registration_id)) = (found, confirmed) {
            // The trainer vouches for who this is; only a participant of
            // this session can be named (a forged id is the form's error).
            let p = analysis
                .roster
                .position(*registration_id)
                .ok_or_else(|| AppError::bad_request("error-form"))?;
            assigned.insert(index, p);
        }
    }
    // A confirmation for a line that is no one's first line: not this page's form.
    let firsts: HashSet<usize> = analysis
        .report
        .attendees
        .iter()
        .filter_map(|a| a.lines.first().copied())
        .collect();
    if choices.confirmed.keys().any(|line| !firsts.contains(line)) {
        return Err(AppError::bad_request("error-form"));
    }
    let planned = match plan(
        &sheet,
        &mapping,
        &meeting,
        &record,
        &analysis,
        &assigned,
        choices.others_absent,
    ) {
        Ok(planned) => planned,
        Err(problem) => {
            return render_invalid(&report_page_of(
                &ctx,
                record,
                meeting,
                draft,
                &sheet,
                &mapping,
                Err(problem),
                &choices,
                FormErrors::none(),
            ));
        }
    };
    let reason = Some(choices.reason.as_str()).filter(|r| !r.is_empty());
    let session_id = record.session.id;
    match save(
        &state,
        &ctx.actor()?,
        &meeting,
        &record,
        &planned,
        Source::Import,
        reason,
    )
    .await
    {
        Ok(_) => {}
        Err(AppError::Invalid(fields)) => {
            let errors = FormErrors::new(ctx.tr(), &fields);
            return render_invalid(&report_page_of(
                &ctx,
                record,
                meeting,
                draft,
                &sheet,
                &mapping,
                Ok(analysis),
                &choices,
                errors,
            ));
        }
        Err(other) => return Err(other),
    }
    // After the marks' own transaction: should this fail, the marks are
    // recorded, and recording the same report again changes nothing.
    imports::delete(&state.db, draft.id, ctx.user()?.user.id).await?;
    Ok(redirect_with(
        &ctx,
        &format!("/staff/sessions/{session_id}/attendance"),
        "flash-attendance-imported",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_accents_case_order_and_brackets() {
        assert_eq!(words("Pérez-Gil, JOSÉ"), ["perez", "gil", "jose"]);
        assert_eq!(name_keys("José", "Pérez Gil"), ["jose perez gil", "perez gil jose"]);
        assert_eq!(report_keys("Luis's iPhone (Luis Gil)"), ["luis s iphone", "luis gil"]);
        assert_eq!(report_keys("ana ruiz (guest)"), ["ana ruiz", "guest"]);
        assert_eq!(report_keys("RUIZ, Ana"), ["ruiz ana"]);
        assert!(report_keys("()").is_empty());
    }
}
