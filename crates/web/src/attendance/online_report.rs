//! The attendance of an online meeting from the participant report its
//! platform exports (Zoom, Teams, Meet, Jitsi, BigBlueButton): the trainers'
//! pages (upload, report with the column mapping and the matches, record)
//! and the API.
//!
//! Online sessions are certified on minutes connected, and copying them by
//! hand from a report with one line per connection is slow and error-prone.
//! The domain turns the report into minutes per person
//! (`aula_domain::online_report`) and says who each person is in the session
//! (`aula_domain::matching`: by e-mail, by a trainer's choice now or at an
//! earlier import of the session's report, by name, or nobody). This module
//! reads the session's participants and remembered choices, shows the
//! review, and hands the marks and the new choices to
//! `aula_app::attendance::import_report`.
//!
//! The review page has a select for every person not found by e-mail (up
//! to 20,000 choices a page; the rest wait for the next upload), so a
//! trainer resolves every unmatched line by hand (or corrects a name match)
//! without JavaScript; the API takes the same choices as
//! `match.<report key>=<registration id or none>`. A choice is remembered
//! for the session and applied at the next import ("matched by an earlier
//! choice").
//!
//! As with the import of people, the file (decoded to UTF-8 text: Teams
//! writes UTF-16) waits in `import_drafts` between
//! the upload and the trainer's decision (with the meeting's session as its
//! session), and is read again when the trainer decides, never trusting the
//! page they saw. Marks are set, not added: importing the same report twice
//! records the same minutes. A person connected for less than the session's
//! share of the meeting (`sessions.present_share_percent`) is marked partial.

use std::collections::{HashMap, HashSet};

use askama::Template;
use aula_domain::attendance::mark_for_minutes;
use aula_domain::import::Sheet;
use aula_domain::matching::{MatchedBy, Resolution, Roster, report_key};
use aula_domain::online_report::{self, OnlineReport, ReportField, ReportMapping};
use aula_domain::{AttendanceStatus, Email, FieldErrors, Problem, SessionStatus, SessionTimeZone};
use aula_storage::attendance::{self as marks, Mark};
use aula_storage::entities::{attendance as mark_row, meeting};
use aula_storage::imports::{self, Draft};
use aula_storage::report_aliases;
use aula_storage::sessions::SessionRecord;
use axum::body::Bytes;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::BytesRejection;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::attendance::roll_call::{StaffedMeeting, staffed_meeting};
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
    /// Lower-cased, as `Email::parse` writes the report's addresses; empty
    /// for someone registered without e-mail (issue 20).
    email: String,
}

impl Participant {
    /// The address the report's lines chosen for them are counted under:
    /// theirs, or for someone without e-mail one made of their
    /// registration, only ever written in the report being read, so their
    /// lines merge as anyone's.
    fn merge_key(&self) -> String {
        if self.email.is_empty() {
            format!("{}@participants.aula.invalid", self.registration_id.simple())
        } else {
            self.email.clone()
        }
    }
}

/// The trainer's choices sent with the report: report key → registration,
/// `None` for "not one of them". The page and the API send them as
/// `match.<report key>=<registration id>` or `=none`.
type Choices = HashMap<String, Option<Uuid>>;

/// Adds a `match.<key>` pair to `choices`; `false` if `key` is not one.
fn take_choice(choices: &mut Choices, key: &str, value: &str, errors: &mut FieldErrors) -> bool {
    let Some(person) = key.strip_prefix("match.") else {
        return false;
    };
    match value.trim() {
        "none" => {
            choices.insert(person.to_owned(), None);
        }
        value => match value.parse::<Uuid>() {
            Ok(id) => {
                choices.insert(person.to_owned(), Some(id));
            }
            Err(_) => errors.add(key, Problem::new("error-choice")),
        },
    }
    true
}

/// The report read with a mapping, and who each of its people is.
struct Analysis {
    report: OnlineReport,
    participants: Vec<Participant>,
    /// One per attendee of the report, in the same order: their report key.
    keys: Vec<String>,
    /// One per attendee: who they are, and how that was found.
    found: Vec<Resolution>,
}

impl Analysis {
    fn participant(&self, attendee: usize) -> Option<&Participant> {
        self.found[attendee].participant.map(|p| &self.participants[p])
    }

    /// Attendee index → participant index, for everyone found.
    fn assigned(&self) -> HashMap<usize, usize> {
        self.found
            .iter()
            .enumerate()
            .filter_map(|(a, f)| f.participant.map(|p| (a, p)))
            .collect()
    }

    /// The choices to remember: those the trainer made by hand this time.
    fn by_hand(&self) -> Vec<(String, Option<Uuid>)> {
        self.found
            .iter()
            .zip(&self.keys)
            .filter(|(f, _)| f.by == MatchedBy::ByHand)
            .map(|(f, key)| (key.clone(), f.participant.map(|p| self.participants[p].registration_id)))
            .collect()
    }

    /// Participants nobody of the report is.
    fn absent(&self) -> Vec<&Participant> {
        let seen: HashSet<usize> = self.found.iter().filter_map(|f| f.participant).collect();
        self.participants
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

/// Reads the sheet with `mapping` for the meeting, and finds its people among
/// the session's confirmed participants, with the session's remembered
/// choices and the trainer's `choices` now. `Err` inside is the domain's
/// refusal of the mapping; a choice for a key the report does not have, or
/// of someone who is not a confirmed participant, is the field's error.
async fn analyse(
    state: &AppState,
    meeting: &meeting::Model,
    record: &SessionRecord,
    sheet: &Sheet,
    mapping: &ReportMapping,
    choices: &Choices,
) -> AppResult<Result<Analysis, Problem>> {
    let zone = record.session.time_zone.tz();
    let report = match online_report::minutes(sheet, mapping, meeting_span(meeting), zone) {
        Ok(report) => report,
        Err(problem) => return Ok(Err(problem)),
    };
    let participants: Vec<Participant> = marks::participants(&state.db, record.session.id)
        .await?
        .into_iter()
        .map(|(registration, person)| Participant {
            registration_id: registration.id,
            name: format!("{} {}", person.given_name, person.family_name),
            email: person.email.as_deref().unwrap_or_default().trim().to_lowercase(),
        })
        .collect();
    let position = |id: Uuid| participants.iter().position(|p| p.registration_id == id);
    // The name as the pages show it: the roster folds its words' order anyway.
    let roster = Roster::new(participants.iter().map(|p| ("", p.name.as_str(), p.email.as_str())));
    let earlier = report_aliases::for_session(&state.db, record.session.id).await?;
    let keys: Vec<String> = report
        .attendees
        .iter()
        .map(|a| report_key(&a.name, a.email.as_ref().map(Email::as_str)))
        .collect();
    let mut errors = FieldErrors::new();
    let known: HashSet<&String> = keys.iter().collect();
    for (key, choice) in choices {
        let field = format!("match.{key}");
        if !known.contains(key) {
            errors.add(
                &field,
                Problem::new("error-attendance-import-no-person").with("key", key.clone()),
            );
        } else if choice.is_some_and(|id| position(id).is_none()) {
            errors.add(&field, Problem::new("error-not-in-session"));
        }
    }
    errors.into_result()?;
    let found = report
        .attendees
        .iter()
        .zip(&keys)
        .map(|(a, key)| {
            // A remembered registration no longer confirmed is no choice.
            let earlier = earlier.get(key).and_then(|c| match c {
                Some(id) => position(*id).map(Some),
                None => Some(None),
            });
            let now = choices.get(key).map(|c| c.and_then(position));
            roster.resolve(&a.name, a.email.as_ref().map(Email::as_str), now, earlier)
        })
        .collect();
    Ok(Ok(Analysis {
        report,
        participants,
        keys,
        found,
    }))
}

/// The marks to record: everyone found with their minutes (present, or
/// partial below the session's share of the meeting), and, with
/// `others_absent`, the other participants absent.
///
/// When several people of the report are one participant (a laptop with the
/// address and a phone with only the name), their lines are given the
/// participant's address and the report is counted again, so that the
/// domain merges their connections and overlaps count once, as for any
/// person of the report.
fn plan(
    sheet: &Sheet,
    mapping: &ReportMapping,
    meeting: &meeting::Model,
    record: &SessionRecord,
    analysis: &Analysis,
    others_absent: bool,
) -> Result<Vec<Mark>, Problem> {
    let assigned = analysis.assigned();
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
    let mut address_of_line: HashMap<usize, String> = HashMap::new();
    for (attendee, participant) in &assigned {
        let key = analysis.participants[*participant].merge_key();
        for line in &analysis.report.attendees[*attendee].lines {
            address_of_line.insert(*line, key.clone());
        }
    }
    for row in &mut sheet.rows {
        if let (Some(key), Some(cell)) = (address_of_line.get(&row.line), row.cells.get_mut(column)) {
            cell.clone_from(key);
        }
    }
    let zone = record.session.time_zone.tz();
    let counted = online_report::minutes(&sheet, &mapping, meeting_span(meeting), zone)?;
    let by_email: HashMap<&str, u32> = counted
        .attendees
        .iter()
        .filter_map(|a| a.email.as_ref().map(|e| (e.as_str(), a.minutes)))
        .collect();

    let length = marks::meeting_minutes(meeting);
    let mut result = Vec::new();
    let targets: HashSet<usize> = assigned.values().copied().collect();
    for (index, participant) in analysis.participants.iter().enumerate() {
        if targets.contains(&index) {
            let minutes = Email::parse(&participant.merge_key())
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
                })
                .min(length);
            let status = mark_for_minutes(minutes, length, record.present_share());
            result.push(Mark {
                registration_id: participant.registration_id,
                status,
                minutes: (status != AttendanceStatus::Absent).then_some(minutes),
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

/// Records the planned marks and the trainer's new choices (one use case).
async fn record_marks(
    ctx: &Ctx,
    meeting: &meeting::Model,
    record: &SessionRecord,
    analysis: &Analysis,
    planned: &[Mark],
    reason: Option<&str>,
) -> AppResult<usize> {
    Ok(aula_app::attendance::import_report(
        &ctx.state.app(),
        &ctx.actor()?,
        meeting,
        record,
        planned,
        &analysis.by_hand(),
        reason,
    )
    .await?)
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

/// A person of the report found among the participants: recorded.
#[derive(Serialize, ToSchema)]
pub struct ReportMatched {
    /// The report's lines counted for this person.
    pub lines: Vec<usize>,
    /// The key a choice for this person is sent and remembered under: the
    /// report's address (trimmed, lower-cased), else the name's folded words.
    pub key: String,
    /// As the report writes it.
    pub name: String,
    /// The participant's address.
    pub email: String,
    /// `email`, `by_hand` (a `match.<key>` of this request), `earlier_choice`
    /// (remembered from an earlier import of the session's report) or `name`.
    pub matched_by: String,
    pub registration_id: Uuid,
    /// Minutes within the meeting, overlaps counted once, at most its length,
    /// rounded to the nearest minute (half up).
    pub minutes: u32,
    /// `false` when the report gave only a total duration for this person
    /// (Zoom's unique users): capped at the meeting's length, but it may hold
    /// time before the start or after the end. Check such a figure.
    pub clipped: bool,
    /// `present`, or `partial` below half the meeting, or `absent` for no time.
    pub status: String,
}

/// A person of the report who is nobody of the session: not recorded.
#[derive(Serialize, ToSchema)]
pub struct ReportUnmatched {
    pub lines: Vec<usize>,
    /// Send `match.<key>=<registration id>` to say who this is.
    pub key: String,
    pub name: String,
    pub email: Option<String>,
    pub minutes: u32,
    /// As in `matched`.
    pub clipped: bool,
    /// `unmatched`, or `by_hand`/`earlier_choice` when a trainer said "not one of them".
    pub matched_by: String,
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
    pub unmatched: Vec<ReportUnmatched>,
    pub problems: Vec<ReportProblem>,
}

/// The API's query: `dry_run`, `others_absent`, `reason`, `map.<field>=<header name>`,
/// `match.<report key>=<registration id or none>`.
#[derive(Default)]
struct ApiOptions {
    dry_run: bool,
    others_absent: bool,
    reason: Option<String>,
    /// (field, header name; empty for "not in the file").
    map: Vec<(ReportField, String)>,
    choices: Choices,
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
                _ if take_choice(&mut options.choices, key, value, &mut errors) => {}
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
/// mark, Windows-1252, Windows-1256 (Arabic) or Mac Roman, separated by `,`, `;` or
/// tabs; the participants'
/// table is found by its header, below Zoom's meeting summary or in Teams'
/// `3. In-Meeting Activities` section when it starts within the first 100
/// lines (a line a connection; else `2. Participants`, a line a person). Columns named in English, French, Spanish or Arabic
/// are recognised; override the guess with `map.<field>=<header name>` (an empty
/// value: the report has no such column). Fields: `name`, `surname` (joined
/// to the name, as Meet writes them apart), `email`, `join`, `leave`,
/// `duration`, `waiting_room` (Zoom's `In waiting room`: a `Yes` line counts
/// no time); the report needs names or addresses, and join and leave times
/// or durations. Minutes are rounded to the nearest minute, half up; a
/// person whose lines give only durations (Zoom's unique users), or a
/// duration shorter than the line's span from join to leave (gaps between,
/// as Meet and BigBlueButton write a person on one line), has
/// `clipped: false`: their time spent, at most their span within the
/// meeting.
///
/// Each person's connections are clipped to the meeting and counted once
/// when they overlap. Each person of the report is found among the confirmed
/// participants by e-mail address (trimmed, any case), else by the choice
/// sent as `match.<key>=<registration id>` (`none`: not one of them), else by
/// a choice sent at an earlier import of the session's report, else by name
/// (accents, case, order and `New name (Original name)` folded; only when
/// one participant has it). Choices sent are remembered for the session.
/// People found are marked present with their minutes, or `partial` when
/// connected for less than half the meeting (`matched`); the others are
/// listed in `unmatched` with the `key` to send, never attributed to anyone.
/// With `others_absent=true`, every participant nobody of the report is, is
/// marked absent. Marks are set, not added: the same report imported again
/// changes nothing. A completed session needs a `reason`. With
/// `dry_run=true` nothing is written. A file that cannot be read is a 422
/// with the problem as its `message`, and nothing is written.
#[utoipa::path(
    post,
    path = "/api/v1/meetings/{id}/attendance/import",
    tag = "attendance",
    params(
        ("id" = Uuid, Path, description = "The meeting"),
        ("dry_run" = Option<bool>, Query, description = "`true`: read and match, write nothing"),
        ("others_absent" = Option<bool>, Query, description = "`true`: mark absent the participants nobody of the report is"),
        ("reason" = Option<String>, Query, description = "Why a completed session's attendance is corrected (required then)"),
        ("match.<key>" = Option<String>, Query, description = "Who the report's person with this `key` is: a confirmed registration's id, or `none`; remembered for the session"),
    ),
    request_body(content = String, content_type = "text/csv", description = "The participant report"),
    responses(
        (status = 200, body = ReportImported),
        (status = 403, body = ApiError, description = "Not a trainer of this session, nor an organiser"),
        (status = 404, body = ApiError, description = "Unknown meeting"),
        (status = 413, body = ApiError),
        (status = 415, body = ApiError, description = "The body is not `text/csv`"),
        (status = 422, body = ApiError, description = "The file cannot be read, a column is missing, a bad parameter or choice, or no reason for a completed session"),
    ),
)]
pub(crate) async fn import_api(
    StaffedMeeting { ctx, meeting, record }: StaffedMeeting,
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
    let analysis = match analyse(&ctx.state, &meeting, &record, &sheet, &mapping, &options.choices).await? {
        Ok(analysis) => analysis,
        Err(problem) => return Ok(api_invalid(&ctx, "file", &problem)),
    };
    let planned = plan(&sheet, &mapping, &meeting, &record, &analysis, options.others_absent)
        .map_err(|problem| AppError::Invalid(FieldErrors::single("file", problem)))?;
    let applied = if options.dry_run {
        0
    } else {
        record_marks(&ctx, &meeting, &record, &analysis, &planned, options.reason.as_deref()).await?
    };

    let planned_of: HashMap<Uuid, &Mark> = planned.iter().map(|m| (m.registration_id, m)).collect();
    let tr = ctx.tr();
    let mut out = ReportImported {
        dry_run: options.dry_run,
        applied,
        matched: Vec::new(),
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
    for (index, attendee) in analysis.report.attendees.iter().enumerate() {
        let key = analysis.keys[index].clone();
        let matched_by = analysis.found[index].by.as_str().to_owned();
        match analysis.participant(index) {
            Some(participant) => {
                let mark = planned_of.get(&participant.registration_id);
                out.matched.push(ReportMatched {
                    lines: attendee.lines.clone(),
                    key,
                    name: attendee.name.clone(),
                    email: participant.email.clone(),
                    matched_by,
                    registration_id: participant.registration_id,
                    minutes: mark.and_then(|m| m.minutes).unwrap_or(0),
                    status: mark.map_or("absent", |m| m.status.as_str()).to_owned(),
                    clipped: attendee.clipped,
                });
            }
            None => out.unmatched.push(ReportUnmatched {
                lines: attendee.lines.clone(),
                key,
                name: attendee.name.clone(),
                email: attendee.email.as_ref().map(|e| e.as_str().to_owned()),
                minutes: attendee.minutes,
                matched_by,
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

pub(crate) async fn upload_page(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let (meeting, record) = staffed_meeting(&ctx, id).await?;
    render(&UploadPage::new(&ctx, record, meeting, FormErrors::none()))
}

/// The upload form (`multipart/form-data`, which `CsrfForm` does not read:
/// the token is checked here). Who may upload is settled before the body is read.
pub(crate) async fn upload(
    ctx: Ctx,
    ApiPath(id): ApiPath<Uuid>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let (meeting, record) = staffed_meeting(&ctx, id).await?;
    // The draft keeps the decoded text (UTF-8, whatever the file's encoding),
    // which `load` reads again.
    let read = |bytes: &[u8]| {
        online_report::decode(bytes).and_then(|text| online_report::read(&text).map(|sheet| (text, sheet)))
    };
    let no_file = "error-attendance-import-no-file";
    let (draft, sheet) = match upload::draft_of_upload(&ctx, multipart, record.session.id, no_file, read).await? {
        Ok(kept) => kept,
        Err(problem) => {
            let errors = FormErrors::new(ctx.tr(), &FieldErrors::single("file", problem));
            return render_invalid(&UploadPage::new(&ctx, record, meeting, errors));
        }
    };
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
    /// Their report key: the name of their select, `match.<key>`.
    key: String,
    /// Their rank on the page, for the select's `id`.
    index: usize,
    lines: String,
    name: String,
    email: String,
    /// The connections counted, merged and clipped to the meeting, as local
    /// times in the session's zone (`09:02–12:30`); none for durations only.
    kept: Vec<String>,
    minutes: u32,
    /// Whether `minutes` is clipped to the meeting (else a total from the file).
    clipped: bool,
    /// How they were found: a `MatchedBy` code.
    by: &'static str,
    /// Whom they were found to be ("" for nobody).
    participant: String,
    /// The select's options: (value, label, selected); empty when found by
    /// e-mail, which no choice overrides.
    options: Vec<(String, String, bool)>,
    /// The participant's mark now, and after recording ("" for nobody).
    before: String,
    after: String,
}

#[derive(Template)]
#[template(path = "pages/attendance_import_report.html")]
struct ReportPage {
    c: Chrome,
    record: SessionRecord,
    meeting: meeting::Model,
    number: usize,
    length: u32,
    share: u8,
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
    /// Participants nobody of the report is.
    absent: Vec<String>,
    others_absent: bool,
    needs_reason: bool,
    reason: String,
    errors: FormErrors,
}

impl ReportPage {
    fn count(&self, by: &str) -> usize {
        self.people.iter().filter(|p| p.by == by).count()
    }

    fn unmatched(&self) -> usize {
        self.people.iter().filter(|p| p.participant.is_empty()).count()
    }

    fn to_choose(&self) -> bool {
        self.people.iter().any(|p| !p.options.is_empty())
    }

    /// People not found by e-mail who have no select on this page (past
    /// `MOST_OPTIONS`): they keep what was found.
    fn not_offered(&self) -> usize {
        self.people
            .iter()
            .filter(|p| p.by != MatchedBy::Email.as_str() && p.options.is_empty())
            .count()
    }

    /// Whether some figure is a total from the file rather than clipped connections.
    fn any_not_clipped(&self) -> bool {
        self.people.iter().any(|p| !p.clipped)
    }

    fn can_record(&self) -> bool {
        self.problem.is_none() && (self.people.iter().any(|p| !p.participant.is_empty()) || !self.absent.is_empty())
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
struct Form {
    choices: Choices,
    others_absent: bool,
    reason: String,
}

impl Form {
    fn parse(pairs: &[(String, String)]) -> AppResult<Self> {
        let mut form = Form::default();
        let mut errors = FieldErrors::new();
        for (key, value) in pairs {
            if take_choice(&mut form.choices, key, value, &mut errors) {
                continue;
            } else if key == "others_absent" {
                form.others_absent = !value.is_empty();
            } else if key == "reason" {
                form.reason = value.trim().to_owned();
            }
        }
        // Only a forged form sends a choice its selects do not offer.
        if errors.is_empty() {
            Ok(form)
        } else {
            Err(AppError::bad_request("error-form"))
        }
    }
}

/// A mark in words: "Present, 285 min", "Absent", or "not marked".
fn mark_text(c: &Chrome, status: Option<AttendanceStatus>, minutes: Option<u32>) -> String {
    match (status, minutes) {
        (None, _) => c.t("attendance-import-not-marked"),
        (Some(status), Some(minutes)) => c.t2(
            "attendance-import-mark",
            "status",
            c.word("attendance", status),
            "minutes",
            minutes,
        ),
        (Some(status), None) => c.word("attendance", status),
    }
}

/// The most options of people to choose, all the page's selects together.
const MOST_OPTIONS: usize = 20_000;

/// The people of the report as the page shows them: who they were found to
/// be, the select to choose someone else, and what recording changes.
fn people_of(
    c: &Chrome,
    zone: &SessionTimeZone,
    analysis: &Analysis,
    planned: &[Mark],
    now: &HashMap<Uuid, mark_row::Model>,
) -> Vec<PersonView> {
    let planned_of: HashMap<Uuid, &Mark> = planned.iter().map(|m| (m.registration_id, m)).collect();
    // How many people of the report each participant is found to be.
    let mut taken: HashMap<usize, usize> = HashMap::new();
    for participant in analysis.found.iter().filter_map(|f| f.participant) {
        *taken.entry(participant).or_default() += 1;
    }
    let mut offered = 0usize;
    let mut people = Vec::with_capacity(analysis.report.attendees.len());
    for (index, attendee) in analysis.report.attendees.iter().enumerate() {
        let found = analysis.found[index];
        let participant = analysis.participant(index);
        // Offered: whom nobody else of the report is, and this person's match.
        let taken_by_others =
            |p: usize| taken.get(&p).copied().unwrap_or(0) > usize::from(found.participant == Some(p));
        // A page of a few thousand unknown people among a few thousand
        // participants was a select of each for each (2 GB of HTML, found
        // by attacking the uploads, session 21): past `MOST_OPTIONS`, people
        // keep what was found and are chosen for at the next upload.
        let options = if found.by == MatchedBy::Email || offered >= MOST_OPTIONS {
            Vec::new()
        } else {
            let mut options: Vec<(String, String, bool)> = analysis
                .participants
                .iter()
                .enumerate()
                .filter(|(p, _)| !taken_by_others(*p))
                .map(|(p, who)| {
                    (
                        who.registration_id.to_string(),
                        who.name.clone(),
                        found.participant == Some(p),
                    )
                })
                .collect();
            options.push((
                String::from("none"),
                c.t("attendance-import-not-one-of-them"),
                found.participant.is_none(),
            ));
            offered += options.len();
            options
        };
        let (before, after) = match participant {
            Some(p) => {
                let was = now.get(&p.registration_id);
                let will = planned_of.get(&p.registration_id);
                (
                    mark_text(
                        c,
                        was.map(|m| m.status),
                        was.and_then(|m| m.minutes).and_then(|m| u32::try_from(m).ok()),
                    ),
                    mark_text(c, will.map(|m| m.status), will.and_then(|m| m.minutes)),
                )
            }
            None => (String::new(), c.t("attendance-import-not-recorded")),
        };
        people.push(PersonView {
            key: analysis.keys[index].clone(),
            index,
            lines: lines_text(&attendee.lines),
            name: attendee.name.clone(),
            email: attendee
                .email
                .as_ref()
                .map(|e| e.as_str().to_owned())
                .unwrap_or_default(),
            kept: attendee
                .kept
                .iter()
                .map(|(from, to)| format!("{}–{}", c.time(from, zone), c.time(to, zone)))
                .collect(),
            minutes: attendee.minutes,
            clipped: attendee.clipped,
            by: found.by.as_str(),
            participant: participant.map(|p| p.name.clone()).unwrap_or_default(),
            options,
            before,
            after,
        });
    }
    people
}

/// The review of the report: `analysed` with the marks it would record.
struct Review {
    analysed: Result<Analysis, Problem>,
    planned: Vec<Mark>,
    marks_now: HashMap<Uuid, mark_row::Model>,
}

async fn review(
    state: &AppState,
    meeting: &meeting::Model,
    record: &SessionRecord,
    sheet: &Sheet,
    mapping: &ReportMapping,
    form: &Form,
) -> AppResult<Review> {
    let analysed = analyse(state, meeting, record, sheet, mapping, &form.choices).await?;
    let mut planned = Vec::new();
    let analysed = match analysed {
        Ok(analysis) => match plan(sheet, mapping, meeting, record, &analysis, form.others_absent) {
            Ok(marks) => {
                planned = marks;
                Ok(analysis)
            }
            Err(problem) => Err(problem),
        },
        Err(problem) => Err(problem),
    };
    Ok(Review {
        analysed,
        planned,
        marks_now: marks::for_meeting(&state.db, meeting.id).await?,
    })
}

#[allow(clippy::too_many_arguments)]
fn report_page_of(
    ctx: &Ctx,
    record: SessionRecord,
    meeting: meeting::Model,
    draft: Draft,
    sheet: &Sheet,
    mapping: &ReportMapping,
    review: &Review,
    form: &Form,
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
        share: record.present_share().get(),
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
        others_absent: form.others_absent,
        reason: form.reason.clone(),
        errors,
        c,
    };
    match &review.analysed {
        Err(problem) => page.problem = Some(page.c.tr.problem(problem)),
        Ok(analysis) => {
            page.problems = analysis
                .report
                .problems
                .iter()
                .map(|p| (p.line, page.c.tr.problem(&p.problem)))
                .collect();
            page.absent = analysis.absent().into_iter().map(|p| p.name.clone()).collect();
            page.people = people_of(
                &page.c,
                &page.record.session.time_zone,
                analysis,
                &review.planned,
                &review.marks_now,
            );
        }
    }
    page
}

/// The meeting for its staff, and the signed-in user's draft of its session
/// with its sheet and the columns (the guess, with the page's `pairs` over it).
async fn load(
    ctx: &Ctx,
    (id, draft_id): (Uuid, Uuid),
    pairs: &[(String, String)],
) -> AppResult<(meeting::Model, SessionRecord, Draft, Sheet, ReportMapping)> {
    let (meeting, record) = staffed_meeting(ctx, id).await?;
    let user = ctx.user()?;
    let draft = imports::get(&ctx.state.db, draft_id, user.user.id).await?;
    if draft.session_id != record.session.id {
        return Err(AppError::NotFound);
    }
    // The text was read once at upload; reading it again cannot fail unless
    // the reader changed since, and then its problem is the answer.
    let sheet = online_report::read(&draft.content).map_err(AppError::Conflict)?;
    let mapping = upload::with_columns(online_report::guess(&sheet.headers), &sheet, pairs)?;
    Ok((meeting, record, draft, sheet, mapping))
}

/// The review: who each person of the report is, their minutes, and what
/// recording would change. Nothing is written.
pub(crate) async fn report_page(
    ctx: Ctx,
    ApiPath(ids): ApiPath<(Uuid, Uuid)>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (meeting, record, draft, sheet, mapping) = load(&ctx, ids, &pairs).await?;
    let form = Form::default();
    let review = review(&ctx.state, &meeting, &record, &sheet, &mapping, &form).await?;
    render(&report_page_of(
        &ctx,
        record,
        meeting,
        draft,
        &sheet,
        &mapping,
        &review,
        &form,
        FormErrors::none(),
    ))
}

/// "Record the attendance": the report is read again with the mapping sent,
/// whatever the page showed, with the trainer's choices
/// (`match.<report key>=<registration id or none>`), which are remembered.
pub(crate) async fn commit(
    ctx: Ctx,
    ApiPath(ids): ApiPath<(Uuid, Uuid)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (meeting, record, draft, sheet, mapping) = load(&ctx, ids, &pairs).await?;
    let form = Form::parse(&pairs)?;
    let review = match review(&ctx.state, &meeting, &record, &sheet, &mapping, &form).await {
        Ok(review) => review,
        // A choice the page did not offer: a forged form.
        Err(AppError::Invalid(_)) => return Err(AppError::bad_request("error-form")),
        Err(other) => return Err(other),
    };
    let analysis = match &review.analysed {
        Ok(analysis) => analysis,
        Err(_) => {
            return render_invalid(&report_page_of(
                &ctx,
                record,
                meeting,
                draft,
                &sheet,
                &mapping,
                &review,
                &form,
                FormErrors::none(),
            ));
        }
    };
    let reason = Some(form.reason.as_str()).filter(|r| !r.is_empty());
    let session_id = record.session.id;
    match record_marks(&ctx, &meeting, &record, analysis, &review.planned, reason).await {
        Ok(_) => {}
        Err(AppError::Invalid(fields)) => {
            let errors = FormErrors::new(ctx.tr(), &fields);
            return render_invalid(&report_page_of(
                &ctx, record, meeting, draft, &sheet, &mapping, &review, &form, errors,
            ));
        }
        Err(other) => return Err(other),
    }
    // After the marks' own transaction: should this fail, the marks are
    // recorded, and recording the same report again changes nothing.
    imports::delete(&ctx.state.db, draft.id, ctx.user()?.user.id).await?;
    Ok(redirect_with(
        &ctx,
        &format!("/staff/sessions/{session_id}/attendance"),
        "flash-attendance-imported",
    ))
}
