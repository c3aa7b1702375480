//! Registering people from a CSV file: the organisers' pages (upload, report
//! with the column mapping, then register or not) and the API, doors of
//! `aula_app::imports`, which checks the file and registers it all in or
//! not at all.
//!
//! The file is checked again when the organiser decides, never trusting the
//! page they saw: the uploaded text waits in `import_drafts` (see
//! `aula_storage::imports`) between the two.

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use aula_domain::import::{self, Field, Mapping, Report, Sheet};
use aula_domain::{FieldErrors, Problem, SessionStatus};
use aula_storage::imports::{self, Draft};
use aula_storage::sessions::{self, SessionRecord};
use axum::body::Bytes;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::audiences::AudienceWords;
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiPath, ApiQuery, CsrfForm, NoFields};
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, render_invalid};
use crate::kit::upload::{self, api_invalid, text_of};
use crate::{AppError, AppResult, Ctx};
use aula_app::imports::{Import, Outcome};
use aula_app::registrations::asked_identifier;

/// How many accepted rows the report page shows before registering.
const PREVIEW_ROWS: usize = 10;

// ----- the door's part of checking and registering ----------------------------------

/// Whether organisers may enter people in the session now (`register_in`
/// refuses otherwise), as a message if not.
fn not_taking(ctx: &Ctx, session: &SessionRecord) -> Option<String> {
    (!matches!(
        session.status(),
        SessionStatus::Draft | SessionStatus::Open | SessionStatus::Closed
    ))
    .then(|| ctx.tr().t("error-session-not-taking"))
}

/// Registers the checked report's accepted rows (`aula_app::imports::register`).
async fn register_all(
    ctx: &Ctx,
    session_id: Uuid,
    report: &Report,
    draft: Option<&Draft>,
    dry_run: bool,
) -> AppResult<Outcome> {
    let import = Import {
        session_id,
        accepted: &report.accepted,
        skipped: report.rejected.len(),
        draft,
        dry_run,
    };
    Ok(aula_app::imports::register(&ctx.state.app(), &ctx.actor()?, import).await?)
}

// ----- the API -----------------------------------------------------------------------

/// A row of the file that was not registered.
#[derive(Serialize, ToSchema)]
pub struct RejectedRow {
    /// The file's line where the row starts (the header is usually line 1).
    pub line: usize,
    /// The e-mail cell as written.
    pub email: String,
    /// Each problem in words, by field (`given_name`, `email`, `region`...).
    pub problems: BTreeMap<String, Vec<String>>,
}

/// What an import did (or, in a dry run, would do).
#[derive(Serialize, ToSchema)]
pub struct ImportReport {
    /// Only on the 422 answer for rejected rows with `on_error=abort`: `rejected_rows`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Only on the 422 answer for rejected rows: what happened, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    pub dry_run: bool,
    /// Rows that passed every check.
    pub accepted: usize,
    /// New registrations (seated, waitlisted or waiting for the person's confirmation).
    pub registered: usize,
    /// Of the new registrations, those on the waiting list.
    pub waitlisted: usize,
    /// Of the new registrations, those waiting for the person to confirm by e-mail.
    pub pending: usize,
    /// Accepted rows whose person was already registered (seated, waiting, or
    /// waiting to confirm: they get the confirmation link again).
    pub already_registered: usize,
    /// Every row not registered, with all its problems.
    pub rejected: Vec<RejectedRow>,
}

/// What a 422 of the import holds: the report of the rejected rows, or the
/// usual error when the file or a parameter cannot be read. Documentation
/// only: each answer is built as one or the other.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum ImportRefused {
    #[schema(title = "Rejected rows")]
    Report(ImportReport),
    #[schema(title = "Unreadable file or parameter")]
    Error(ApiError),
}

impl ImportReport {
    fn new(ctx: &Ctx, report: &Report, outcome: Outcome, dry_run: bool) -> Self {
        let tr = ctx.tr();
        let rejected = report
            .rejected
            .iter()
            .map(|row| {
                let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
                for (field, problem) in &row.problems {
                    problems
                        .entry(field.as_str().to_owned())
                        .or_default()
                        .push(tr.problem(problem));
                }
                RejectedRow {
                    line: row.line,
                    email: row.email.clone(),
                    problems,
                }
            })
            .collect();
        ImportReport {
            error: None,
            message: None,
            dry_run,
            accepted: report.accepted.len(),
            registered: outcome.registered,
            waitlisted: outcome.waitlisted,
            pending: outcome.pending,
            already_registered: outcome.already,
            rejected,
        }
    }
}

/// The query of the API: `on_error`, `dry_run` and `map.<field>` overrides by header name.
struct ApiOptions {
    skip: bool,
    dry_run: bool,
    without_email: bool,
    /// (field, header name; empty for "not in the file").
    map: Vec<(Field, String)>,
}

impl ApiOptions {
    fn parse(pairs: &[(String, String)]) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut options = ApiOptions {
            skip: false,
            dry_run: false,
            without_email: false,
            map: Vec::new(),
        };
        for (key, value) in pairs {
            let value = value.trim();
            match key.as_str() {
                "on_error" => match value {
                    "abort" | "" => options.skip = false,
                    "skip" => options.skip = true,
                    _ => errors.add(key, Problem::new("error-choice")),
                },
                "dry_run" => options.dry_run = upload::flag(key, value, &mut errors),
                "without_email" => options.without_email = upload::flag(key, value, &mut errors),
                "lang" => {}
                _ => match key.strip_prefix("map.").map(Field::parse) {
                    Some(Some(field)) => options.map.push((field, value.to_owned())),
                    // A misspelt `dry_run` must not register people for real.
                    _ => errors.add(key, Problem::new("error-import-unknown-parameter")),
                },
            }
        }
        if errors.is_empty() { Ok(options) } else { Err(errors) }
    }

    /// The guess from the header, with the caller's choices over it.
    fn mapping(&self, session: &SessionRecord, sheet: &Sheet) -> Result<Mapping, FieldErrors> {
        upload::with_overrides(
            import::guess_for(&sheet.headers, asked_identifier(session)),
            sheet,
            &self.map,
            "error-import-no-column",
        )
    }
}

/// Registers the people of a CSV file for a session (organisers).
///
/// The body is the file itself (`Content-Type: text/csv`): UTF-8 (a byte-order
/// mark is allowed), separated by `,`, `;` or tabs, a header line first, at
/// most 5000 people and 2 MB. Headers in English, French or Spanish are
/// recognised (`given_name`, `Prénom`, `Correo electrónico`...); override
/// the guess with `map.<field>=<header name>` (an empty value: the file has no
/// such column). Fields: `given_name`, `family_name`, `email` (required,
/// unless `without_email=true`: rows with no address are then people who
/// have none, who get no e-mail),
/// `phone`, `employer`, `job_title`, `audience`, `region` (a region's code or
/// name), `language` (else the course's language), `identifier` (what the
/// course's accrediting body asks for, e.g. `DNI/NIE`; kept only where it
/// asks for one, and seen only by its accreditors).
///
/// The whole file is checked first. With `on_error=abort` (the default), a
/// file with any rejected row registers nobody: the answer is **422 with the
/// report** (`error` = `rejected_rows`, every rejected line and its problems).
/// With `on_error=skip` the accepted rows are registered and the rejected
/// ones listed. Everyone is registered in one transaction. People already
/// registered are counted in `already_registered`, not rejected. With
/// `dry_run=true` nothing is written and the counts say what the import
/// would do. The file is UTF-8, UTF-16 with its byte-order mark, or what
/// Excel saves as "CSV" on Windows (Windows-1252, or Windows-1256 in Arabic,
/// told apart by the letters) or on a Mac (Mac Roman). A file that cannot be read (not text, ragged
/// rows, no required column...) is the usual 422 error with the problem as
/// its `message`.
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{id}/registrations/import",
    tag = "registrations",
    params(
        ("id" = Uuid, Path, description = "The session"),
        ("on_error" = Option<String>, Query, description = "`abort` (default): any rejected row and nobody is registered; `skip`: register the accepted rows"),
        ("dry_run" = Option<bool>, Query, description = "`true`: check and count, write nothing"),
        ("without_email" = Option<bool>, Query, description = "`true`: a row with no e-mail (or a file with no e-mail column) is a person who has none"),
    ),
    request_body(content = String, content_type = "text/csv", description = "The CSV file"),
    responses(
        (status = 200, body = ImportReport),
        (status = 403, body = ApiError),
        (status = 404, body = ApiError, description = "Unknown session"),
        (status = 409, body = ApiError, description = "The session does not take registrations"),
        (status = 413, body = ApiError),
        (status = 415, body = ApiError, description = "The body is not `text/csv`"),
        (status = 422, body = ImportRefused, description = "Rejected rows with `on_error=abort` (`error` = `rejected_rows`; nobody registered); an unreadable file or a bad parameter gets the usual error (`error` = `invalid`)"),
    ),
)]
pub(crate) async fn import_api(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<Response> {
    let session = sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    upload::require_csv(&headers)?;
    let options = ApiOptions::parse(&pairs)?;
    let sheet = match upload::sheet_of_body(body, upload::people_sheet)? {
        Ok(sheet) => sheet,
        Err(problem) => return Ok(api_invalid(&ctx, "file", &problem)),
    };
    let mapping = options.mapping(&session, &sheet)?;
    let report =
        match aula_app::imports::check(&ctx.state.app(), &session, &sheet, &mapping, options.without_email).await? {
            Ok(report) => report,
            Err(problem) => {
                let field = problem
                    .args
                    .iter()
                    .find(|(name, _)| *name == "field")
                    .map_or_else(|| "file".to_owned(), |(_, f)| format!("map.{f}"));
                return Ok(api_invalid(&ctx, &field, &labelled(&ctx, problem)));
            }
        };
    if !options.skip && !report.rejected.is_empty() {
        let mut body = ImportReport::new(&ctx, &report, Outcome::default(), options.dry_run);
        body.error = Some("rejected_rows".to_owned());
        body.message = Some(ctx.tr().t("import-aborted"));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, axum::Json(body)).into_response());
    }
    let outcome = register_all(&ctx, id, &report, None, options.dry_run).await?;
    Ok(axum::Json(ImportReport::new(&ctx, &report, outcome, options.dry_run)).into_response())
}

/// `error-import-unmapped` names the field by its code; people read its label.
fn labelled(ctx: &Ctx, problem: Problem) -> Problem {
    let field = problem
        .args
        .iter()
        .find(|(name, _)| *name == "field")
        .and_then(|(_, code)| Field::parse(&code.to_string()));
    match field {
        Some(field) if problem.key == "error-import-unmapped" => {
            Problem::new("error-import-unmapped").with("field", ctx.tr().t(field.label_key()))
        }
        _ => problem,
    }
}

// ----- the pages ---------------------------------------------------------------------

#[derive(Template)]
#[template(path = "pages/import_upload.html")]
struct UploadPage {
    c: Chrome,
    session: SessionRecord,
    errors: FormErrors,
    /// The fields: (label, required).
    fields: Vec<(String, bool)>,
    max_rows: usize,
    closed: Option<String>,
    /// After an import: what it did.
    done: Option<DoneQuery>,
}

impl UploadPage {
    fn new(ctx: &Ctx, session: SessionRecord, errors: FormErrors) -> Self {
        let c = Chrome::new(ctx);
        let fields = offered(&c, &session).map(|(f, label)| (label, f.required())).collect();
        UploadPage {
            closed: not_taking(ctx, &session),
            c,
            session,
            errors,
            fields,
            max_rows: import::MAX_ROWS,
            done: None,
        }
    }
}

pub(crate) async fn upload_page(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let session = sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    render(&UploadPage::new(&ctx, session, FormErrors::none()))
}

/// The upload form (`multipart/form-data`, which `CsrfForm` does not read:
/// the token is checked here).
pub(crate) async fn upload(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let session = sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let read = |bytes: &[u8]| text_of(bytes).and_then(|text| import::read(text.as_bytes()).map(|_| (text, ())));
    let (draft, ()) = match upload::draft_of_upload(&ctx, multipart, id, "error-import-no-file", read).await? {
        Ok(kept) => kept,
        Err(problem) => {
            let errors = FormErrors::new(ctx.tr(), &FieldErrors::single("file", problem));
            return render_invalid(&UploadPage::new(&ctx, session, errors));
        }
    };
    Ok(Redirect::to(&format!("/staff/imports/{}", draft.id)).into_response())
}

/// A field's choice of column on the report page.
struct FieldChoice {
    name: &'static str,
    label: String,
    required: bool,
    /// The column's index, or empty.
    column: String,
}

struct RejectedView {
    line: usize,
    email: String,
    /// "Field: problem" each.
    problems: Vec<String>,
}

struct PreviewRow {
    line: usize,
    name: String,
    email: String,
    employer: String,
    audience: String,
    language: String,
}

#[derive(Template)]
#[template(path = "pages/import_report.html")]
struct ReportPage {
    c: Chrome,
    session: SessionRecord,
    draft: Draft,
    fields: Vec<FieldChoice>,
    /// (column index, header).
    columns: Vec<(String, String)>,
    rows: usize,
    /// Why the file cannot be registered with this mapping (a column to choose).
    problem: Option<String>,
    /// The field that problem is about.
    problem_field: String,
    /// Set when the organiser asked to register all or nobody, and some rows were rejected.
    aborted: bool,
    /// The organiser says rows without an address are people who have none.
    without_email: bool,
    accepted: usize,
    rejected: Vec<RejectedView>,
    preview: Vec<PreviewRow>,
    closed: Option<String>,
}

impl ReportPage {
    /// The problem of the mapping when it is about this field, or "".
    fn mapping_problem(&self, field: &str) -> &str {
        match &self.problem {
            Some(problem) if self.problem_field == field => problem,
            _ => "",
        }
    }

    fn new(
        ctx: &Ctx,
        session: SessionRecord,
        draft: Draft,
        sheet: &Sheet,
        (mapping, without_email): (&Mapping, bool),
        checked: Result<Report, Problem>,
        audiences: &AudienceWords,
    ) -> Self {
        let c = Chrome::new(ctx);
        let labels: HashMap<Field, String> = offered(&c, &session).collect();
        let fields = offered(&c, &session)
            .map(|(f, label)| FieldChoice {
                name: f.as_str(),
                label,
                required: f.required(),
                column: mapping.get(f).map(|i| i.to_string()).unwrap_or_default(),
            })
            .collect();
        let columns = sheet
            .headers
            .iter()
            .enumerate()
            .map(|(i, h)| (i.to_string(), h.clone()))
            .collect();
        let mut page = ReportPage {
            closed: not_taking(ctx, &session),
            session,
            draft,
            fields,
            columns,
            rows: sheet.rows.len(),
            problem: None,
            problem_field: String::new(),
            aborted: false,
            without_email,
            accepted: 0,
            rejected: Vec::new(),
            preview: Vec::new(),
            c,
        };
        match checked {
            Err(problem) => {
                page.problem_field = problem
                    .args
                    .iter()
                    .find(|(n, _)| *n == "field")
                    .map(|(_, v)| v.to_string())
                    .unwrap_or_default();
                page.problem = Some(ctx.tr().problem(&labelled(ctx, problem)));
            }
            Ok(report) => {
                let c = &page.c;
                page.accepted = report.accepted.len();
                page.rejected = report
                    .rejected
                    .iter()
                    .map(|r| RejectedView {
                        line: r.line,
                        email: r.email.clone(),
                        problems: r
                            .problems
                            .iter()
                            .map(|(f, p)| {
                                c.tr.t2(
                                    "import-field-problem",
                                    "field",
                                    labels.get(f).cloned().unwrap_or_else(|| c.t(f.label_key())),
                                    "problem",
                                    c.tr.problem(p),
                                )
                            })
                            .collect(),
                    })
                    .collect();
                page.preview = report
                    .accepted
                    .iter()
                    .take(PREVIEW_ROWS)
                    .map(|a| {
                        let r = &a.registrant;
                        PreviewRow {
                            line: a.line,
                            name: format!("{} {}", r.given_name.as_str(), r.family_name.as_str()),
                            email: r
                                .email
                                .as_ref()
                                .map_or_else(|| c.t("person-no-email"), |e| e.as_str().to_owned()),
                            employer: r.employer.as_ref().map(|e| e.as_str().to_owned()).unwrap_or_default(),
                            audience: audiences.word(r.audience.as_str()),
                            language: c.word("language", r.language.as_str()),
                        }
                    })
                    .collect();
            }
        }
        page
    }

    /// Whether the accepted rows may be registered from this page.
    fn can_register(&self) -> bool {
        self.problem.is_none() && self.closed.is_none() && self.accepted > 0
    }

    /// The button that registers the accepted rows and skips the rejected ones.
    fn register_valid(&self) -> String {
        self.c.tr.t2(
            "import-register-valid",
            "accepted",
            self.accepted,
            "rejected",
            self.rejected.len(),
        )
    }

    fn more(&self) -> usize {
        self.accepted.saturating_sub(self.preview.len())
    }

    fn seats_left(&self) -> i32 {
        self.session.seats_left()
    }

    /// Whether more people are accepted than seats are left (the others wait).
    fn over_capacity(&self) -> bool {
        i64::try_from(self.accepted).unwrap_or(i64::MAX) > i64::from(self.seats_left())
    }
}

/// The draft of the signed-in organiser, its session, its sheet, the
/// columns (the guess, with the page's `pairs` over it) and whether rows
/// without an address are people who have none.
async fn load(
    ctx: &Ctx,
    id: Uuid,
    pairs: &[(String, String)],
) -> AppResult<(Draft, SessionRecord, Sheet, Mapping, bool)> {
    let user = ctx.user()?;
    let draft = imports::get(&ctx.state.db, id, user.user.id).await?;
    let session = sessions::get_in(&ctx.state.db, ctx.org()?, draft.session_id).await?;
    // The text was read once at upload; reading it again cannot fail unless
    // the reader changed since, and then its problem is the answer.
    let sheet = import::read(draft.content.as_bytes()).map_err(AppError::Conflict)?;
    let guess = import::guess_for(&sheet.headers, asked_identifier(&session));
    let mapping = upload::with_columns(guess, &sheet, pairs)?;
    let without_email = match pairs
        .iter()
        .find(|(k, _)| k == "without_email")
        .map(|(_, v)| v.as_str())
    {
        None => false,
        Some("true") => true,
        Some(_) => return Err(AppError::bad_request("error-query")),
    };
    Ok((draft, session, sheet, mapping, without_email))
}

pub(crate) async fn report_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(pairs): ApiQuery<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (draft, session, sheet, mapping, without_email) = load(&ctx, id, &pairs).await?;
    let checked = aula_app::imports::check(&ctx.state.app(), &session, &sheet, &mapping, without_email).await?;
    render(&ReportPage::new(
        &ctx,
        session,
        draft,
        &sheet,
        (&mapping, without_email),
        checked,
        &AudienceWords::load(&ctx.state.db, ctx.tr()).await?,
    ))
}

/// "Register": the file is checked again with the mapping sent, whatever the
/// page showed.
pub(crate) async fn commit(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (draft, session, sheet, mapping, without_email) = load(&ctx, id, &pairs).await?;
    let skip = match pairs.iter().find(|(k, _)| k == "on_error").map(|(_, v)| v.as_str()) {
        Some("skip") => true,
        Some("abort") => false,
        _ => return Err(AppError::bad_request("error-form")),
    };
    let columns = (&mapping, without_email);
    let report = match aula_app::imports::check(&ctx.state.app(), &session, &sheet, &mapping, without_email).await? {
        Ok(report) if skip || report.rejected.is_empty() => report,
        Ok(report) => {
            let audiences = AudienceWords::load(&ctx.state.db, ctx.tr()).await?;
            let mut page = ReportPage::new(&ctx, session, draft, &sheet, columns, Ok(report), &audiences);
            page.aborted = true;
            return render_invalid(&page);
        }
        Err(problem) => {
            let audiences = AudienceWords::load(&ctx.state.db, ctx.tr()).await?;
            let page = ReportPage::new(&ctx, session, draft, &sheet, columns, Err(problem), &audiences);
            return render_invalid(&page);
        }
    };
    let session_id = session.session.id;
    let skipped = report.rejected.len();
    let outcome = register_all(&ctx, session_id, &report, Some(&draft), false).await?;
    let done = format!(
        "/staff/sessions/{session_id}/import/done?registered={}&waitlisted={}&pending={}&already={}&skipped={}",
        outcome.registered, outcome.waitlisted, outcome.pending, outcome.already, skipped
    );
    Ok(redirect_with(&ctx, &done, "flash-import-done"))
}

/// "Register nobody": the file is forgotten.
pub(crate) async fn discard(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let draft = imports::get(&ctx.state.db, id, user.user.id).await?;
    // A draft for a session of another organisation than the one worked
    // in is not found, as its session is not (issue 17).
    aula_storage::sessions::belongs(&ctx.state.db, ctx.org()?, draft.session_id).await?;
    imports::delete(&ctx.state.db, draft.id, user.user.id).await?;
    Ok(redirect_with(
        &ctx,
        &format!("/staff/sessions/{}/registrations", draft.session_id),
        "flash-import-discarded",
    ))
}

/// The counts the import page links here with (display only).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct DoneQuery {
    #[serde(default)]
    registered: u64,
    #[serde(default)]
    waitlisted: u64,
    #[serde(default)]
    pending: u64,
    #[serde(default)]
    already: u64,
    #[serde(default)]
    skipped: u64,
}

/// What the import did, after the redirect (so reloading registers nobody twice).
pub(crate) async fn done_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(counts): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let session = sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let mut page = UploadPage::new(&ctx, session, FormErrors::none());
    page.done = Some(counts);
    render(&page)
}

/// The fields a file's columns can be mapped to, each with its label: the
/// identifier only where the course's accrediting body asks for one (issue
/// 20), in that body's words.
fn offered<'a>(c: &'a Chrome, session: &'a SessionRecord) -> impl Iterator<Item = (Field, String)> + 'a {
    let body = session.course.body.as_ref();
    Field::ALL.iter().filter_map(move |f| match f {
        Field::Identifier => {
            let body = body?;
            let label = body.identifier_label.as_deref()?;
            Some((*f, format!("{label} ({})", body.name)))
        }
        _ => Some((*f, c.t(f.label_key()))),
    })
}
