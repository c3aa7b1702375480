//! Certificates: issuing to a completed session's eligible registrations,
//! the PDF and the signed credential, public verification by code,
//! revocation, the accreditor's portal (their body's certificates only,
//! with a streamed ZIP export), and the issuer's did:web document.
//!
//! An accreditor asking for another body's certificate gets 404, not 403:
//! the answer must not tell which numbers exist.

use askama::Template;
use aula_documents::credential::{self, Achievement, Issuer, IssuerKey};
use aula_domain::{FieldErrors, Problem, Role};
use aula_storage::certificates::{self, CertificateFilter};
use aula_storage::entities::certificate;
use aula_storage::{Actor, keys};
use axum::Json;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::api::{ApiError, Paginated};
use crate::certificate_sheet;
use crate::context::Organiser;
use crate::extract::{ApiJson, ApiPath, ApiQuery, CsrfForm, NoFields};
use crate::limits::{self, ClientAddr};
use crate::pages::{Chrome, Pager, redirect_with, render};
use crate::spreadsheet::{Cell, Sheet, number};
use crate::{AppError, AppResult, AppState, Ctx};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(issue_api))
        .routes(routes!(list_api))
        .routes(routes!(export_api))
        .routes(routes!(pdf_api))
        .routes(routes!(credential_api))
        .routes(routes!(revoke_api))
        .routes(routes!(verify_api))
        .route("/staff/sessions/{id}/certificates", post(issue_form))
        .route("/staff/certificates", get(list_page))
        .route("/staff/certificates/export", get(export_page))
        .route("/staff/certificates/{id}/revoke", post(revoke_form))
        .route("/c/{id}/{signature}", get(holder_pdf))
        .route("/verify", get(verify_form))
        .route("/verify/{code}", get(verify_page))
        .route("/.well-known/did.json", get(did_document))
}

fn issuer(state: &AppState) -> Issuer {
    Issuer {
        base_url: state.config.base_url.clone(),
        name: state.mail.from.name.clone().unwrap_or_else(|| "Aula".to_owned()),
    }
}

/// Issues the session's certificates (`aula_app::certificates::issue`).
async fn issue_now(state: &AppState, actor: &Actor, id: Uuid) -> AppResult<Vec<certificate::Model>> {
    Ok(aula_app::certificates::issue(&state.app(), actor, id).await?)
}

// ----- what the API says of a certificate ----------------------------------

#[derive(Serialize, ToSchema)]
pub struct CertificateOut {
    pub id: Uuid,
    pub number: String,
    pub verification_code: String,
    pub registration_id: Uuid,
    pub session_id: Uuid,
    pub course_id: Uuid,
    pub accreditation_body_id: Option<Uuid>,
    pub holder: String,
    pub course: String,
    pub hours_attended: f64,
    pub hours_nominal: f64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub modality: String,
    pub place: Option<String>,
    pub accreditation: Option<String>,
    pub credits: Option<f64>,
    pub issuer: String,
    pub issued_at: chrono::DateTime<chrono::Utc>,
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
}

fn hours(minutes: i32) -> f64 {
    f64::from(minutes) / 60.0
}

impl From<&certificate::Model> for CertificateOut {
    fn from(c: &certificate::Model) -> Self {
        CertificateOut {
            id: c.id,
            number: c.number.clone(),
            verification_code: c.verification_code.clone(),
            registration_id: c.registration_id,
            session_id: c.session_id,
            course_id: c.course_id,
            accreditation_body_id: c.accreditation_body_id,
            holder: c.holder_name.clone(),
            course: c.course_title.clone(),
            hours_attended: hours(c.attended_minutes),
            hours_nominal: hours(c.nominal_minutes),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            modality: c.modality.clone(),
            place: c.place.clone(),
            accreditation: c.body_name.clone(),
            credits: c.credits_hundredths.map(|h| f64::from(h) / 100.0),
            issuer: c.issuer_name.clone(),
            issued_at: c.issued_at,
            revoked_at: c.revoked_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Issued {
    pub issued: usize,
    pub certificates: Vec<CertificateOut>,
}

/// Issues a certificate to every eligible registration of a completed
/// session. Running it again issues nothing twice.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/certificates", tag = "certificates",
    params(("id" = Uuid, Path, description = "The session")), security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = Issued), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError, description = "The session is not completed")))]
async fn issue_api(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Json<Issued>> {
    let issued = issue_now(&state, &ctx.actor()?, id).await?;
    Ok(Json(Issued {
        issued: issued.len(),
        certificates: issued.iter().map(CertificateOut::from).collect(),
    }))
}

async fn issue_form(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let issued = issue_now(&state, &ctx.actor()?, id).await?;
    let flash = if issued.is_empty() {
        "certificates-none-new"
    } else {
        "certificates-issued"
    };
    Ok(redirect_with(
        &ctx,
        &format!("/staff/certificates?session_id={id}"),
        flash,
    ))
}

// ----- who may see a certificate -------------------------------------------

/// The certificate, if the asker may see it: organisers all; an accreditor
/// their body's (others are "not found"); the holder signed in to "my
/// trainings" their own.
async fn visible(ctx: &Ctx, state: &AppState, id: Uuid) -> AppResult<certificate::Model> {
    let found = certificates::get(&state.db, id).await?;
    if let Some(user) = &ctx.user {
        if user.has(Role::Organiser) {
            return Ok(found);
        }
        if user.has(Role::Accreditor)
            && user.user.accreditation_body_id.is_some()
            && user.user.accreditation_body_id == found.accreditation_body_id
        {
            return Ok(found);
        }
        return Err(AppError::NotFound);
    }
    if let Some(person) = &ctx.person {
        let registration = aula_storage::registrations::get(&state.db, found.registration_id).await?;
        if registration.person_id == person.id {
            return Ok(found);
        }
        return Err(AppError::NotFound);
    }
    Err(AppError::Unauthenticated)
}

// ----- the PDF and the credential ------------------------------------------

fn pdf_response(state: &AppState, c: &certificate::Model) -> AppResult<Response> {
    let bytes = aula_documents::certificate::certificate(&certificate_sheet::of(c, &state.config.base_url))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (CONTENT_DISPOSITION, format!("inline; filename=\"{}.pdf\"", c.number)),
        ],
        bytes,
    )
        .into_response())
}

/// A certificate's PDF (A4, in the holder's language).
#[utoipa::path(get, path = "/api/v1/certificates/{id}/pdf", tag = "certificates",
    params(("id" = Uuid, Path)), security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, content_type = "application/pdf", description = "The PDF"),
        (status = 401, body = ApiError), (status = 404, body = ApiError)))]
async fn pdf_api(ctx: Ctx, State(state): State<AppState>, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let c = visible(&ctx, &state, id).await?;
    pdf_response(&state, &c)
}

/// The holder's link from the e-mail: signed, so it needs no sign-in.
async fn holder_pdf(
    State(state): State<AppState>,
    ApiPath((id, signature)): ApiPath<(Uuid, String)>,
) -> AppResult<Response> {
    let expected = aula_mail::notify::certificate_path(&state.mail, id);
    let given = format!("/c/{id}/{signature}");
    if !crate::extract::constant_time_eq(expected.as_bytes(), given.as_bytes()) {
        return Err(AppError::NotFound);
    }
    let c = certificates::get(&state.db, id).await?;
    pdf_response(&state, &c)
}

fn achievement(state: &AppState, c: &certificate::Model) -> Achievement {
    Achievement {
        certificate_id: c.id,
        certificate_number: c.number.clone(),
        course_title: c.course_title.clone(),
        course_summary: c.course_summary.clone(),
        language: c.language.clone(),
        hours_attended: hours(c.attended_minutes),
        hours_nominal: hours(c.nominal_minutes),
        credits: c.credits_hundredths.map(|h| f64::from(h) / 100.0),
        recognised_hours: c.recognised_minutes.map(hours),
        accrediting_body: c.body_name.clone(),
        holder_name: c.holder_name.clone(),
        holder_email: c.holder_email.clone(),
        salt: c.salt.clone(),
        valid_from: c.issued_at,
        verify_url: format!("{}/verify/{}", state.config.base_url, c.verification_code),
        status_url: format!("{}/api/v1/verify/{}", state.config.base_url, c.verification_code),
    }
}

#[derive(Serialize, ToSchema)]
pub struct CredentialOut {
    /// The Open Badges 3.0 credential, signed as a VC-JWT (EdDSA, the key of
    /// the issuer's did:web document at `/.well-known/did.json`).
    pub jwt: String,
    /// The same credential, readable.
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
}

/// A certificate's signed Open Badges 3.0 credential.
#[utoipa::path(get, path = "/api/v1/certificates/{id}/credential", tag = "certificates",
    params(("id" = Uuid, Path)), security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = CredentialOut), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
async fn credential_api(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Json<CredentialOut>> {
    let c = visible(&ctx, &state, id).await?;
    let key = IssuerKey::from_bytes(keys::issuer_key(&state.db).await?);
    let issuer = issuer(&state);
    let body = credential::credential(&issuer, &achievement(&state, &c));
    let jwt = credential::sign_jwt(&key, &issuer, &body);
    Ok(Json(CredentialOut { jwt, credential: body }))
}

async fn did_document(State(state): State<AppState>) -> AppResult<Response> {
    let key = IssuerKey::from_bytes(keys::issuer_key(&state.db).await?);
    let document = credential::did_document(&issuer(&state), &key);
    let mut response = Json(document).into_response();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/did+json"));
    Ok(response)
}

// ----- revocation ----------------------------------------------------------

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevokeInput {
    #[serde(default, deserialize_with = "crate::input::loose_text")]
    pub reason: String,
}

fn reason(input: &RevokeInput) -> AppResult<aula_domain::details::ShortText> {
    aula_domain::details::ShortText::parse(&input.reason)
        .map_err(|p| AppError::Invalid(FieldErrors::single("reason", p)))
}

/// Revokes a certificate, with a reason (audited); verification shows it at once.
#[utoipa::path(post, path = "/api/v1/certificates/{id}/revoke", tag = "certificates",
    params(("id" = Uuid, Path)), request_body = RevokeInput, security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = CertificateOut), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError, description = "Already revoked"),
        (status = 422, body = ApiError)))]
async fn revoke_api(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<RevokeInput>,
) -> AppResult<Json<CertificateOut>> {
    let reason = reason(&input)?;
    let revoked = aula_app::certificates::revoke(&state.app(), &ctx.actor()?, id, reason.as_str()).await?;
    Ok(Json(CertificateOut::from(&revoked)))
}

async fn revoke_form(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(input): CsrfForm<RevokeInput>,
) -> AppResult<Response> {
    let reason = reason(&input)?;
    aula_app::certificates::revoke(&state.app(), &ctx.actor()?, id, reason.as_str()).await?;
    Ok(redirect_with(&ctx, "/staff/certificates", "certificate-revoked-flash"))
}

// ----- verification --------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct Verification {
    /// Issued by Aula and not revoked.
    pub valid: bool,
    pub revoked: bool,
    /// The day it was revoked (not the reason).
    pub revoked_on: Option<NaiveDate>,
    pub number: String,
    pub holder: String,
    pub course: String,
    pub hours: f64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub issued_on: NaiveDate,
    pub issuer: String,
    pub accreditation: Option<String>,
}

impl From<&certificate::Model> for Verification {
    fn from(c: &certificate::Model) -> Self {
        Verification {
            valid: c.revoked_at.is_none(),
            revoked: c.revoked_at.is_some(),
            revoked_on: c.revoked_at.map(|t| t.date_naive()),
            number: c.number.clone(),
            holder: c.holder_name.clone(),
            course: c.course_title.clone(),
            hours: hours(c.attended_minutes),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            issued_on: c.issued_at.date_naive(),
            issuer: c.issuer_name.clone(),
            accreditation: c.body_name.clone(),
        }
    }
}

/// Checks a certificate by its verification code: valid, revoked, or unknown (404).
/// Rate-limited per address.
#[utoipa::path(get, path = "/api/v1/verify/{code}", tag = "certificates",
    params(("code" = String, Path, description = "The code printed on the certificate")),
    responses((status = 200, body = Verification), (status = 404, body = ApiError, description = "No such certificate"),
        (status = 429, body = ApiError)))]
async fn verify_api(
    State(state): State<AppState>,
    client: ClientAddr,
    ApiPath(code): ApiPath<String>,
) -> AppResult<Json<Verification>> {
    limits::verification(&state, &client).await?;
    let found = certificates::by_code(&state.db, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(Verification::from(&found)))
}

#[derive(Template)]
#[template(path = "pages/verify.html")]
struct VerifyPage {
    c: Chrome,
    code: String,
    result: Option<Verification>,
    /// A code was given and matches nothing.
    unknown: bool,
}

#[derive(Debug, Default, Deserialize)]
struct VerifyQuery {
    #[serde(default)]
    code: String,
}

async fn verify_form(ctx: Ctx, ApiQuery(query): ApiQuery<VerifyQuery>) -> AppResult<Response> {
    let code = certificates::normalise_code(&query.code);
    if !code.is_empty() {
        return Ok(Redirect::to(&format!("/verify/{code}")).into_response());
    }
    render(&VerifyPage {
        c: Chrome::new(&ctx),
        code: String::new(),
        result: None,
        unknown: false,
    })
}

async fn verify_page(
    ctx: Ctx,
    State(state): State<AppState>,
    client: ClientAddr,
    ApiPath(code): ApiPath<String>,
) -> AppResult<Response> {
    limits::verification(&state, &client).await?;
    let found = certificates::by_code(&state.db, &code).await?;
    let status = if found.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let page = render(&VerifyPage {
        c: Chrome::new(&ctx),
        code: certificates::normalise_code(&code),
        unknown: found.is_none(),
        result: found.as_ref().map(Verification::from),
    })?;
    Ok((status, page).into_response())
}

// ----- the list: organisers, and accreditors for their body ----------------

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CertificateQuery {
    pub session_id: Option<Uuid>,
    pub course_id: Option<Uuid>,
    /// Organisers only: one accrediting body's certificates.
    pub body_id: Option<Uuid>,
    /// Issued on or after this day (`YYYY-MM-DD`).
    pub from: Option<NaiveDate>,
    /// Issued on or before this day.
    pub to: Option<NaiveDate>,
    /// `valid` or `revoked`.
    pub status: Option<String>,
    pub page: Option<u64>,
    /// Items per page, 1 to 100; more is refused (422).
    pub per_page: Option<u64>,
}

/// The asker's filter: an accreditor is held to their body whatever they ask.
fn filter_for(ctx: &Ctx, query: &CertificateQuery) -> AppResult<CertificateFilter> {
    let user = ctx.require(&[Role::Organiser, Role::Accreditor])?;
    let body_id = if user.has(Role::Organiser) {
        query.body_id
    } else {
        Some(user.user.accreditation_body_id.ok_or(AppError::Forbidden)?)
    };
    let revoked = match query.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some("valid") => Some(false),
        Some("revoked") => Some(true),
        Some(_) => {
            return Err(AppError::Invalid(FieldErrors::single(
                "status",
                Problem::new("error-choice"),
            )));
        }
    };
    Ok(CertificateFilter {
        body_id,
        session_id: query.session_id,
        course_id: query.course_id,
        from: query.from,
        to: query.to,
        revoked,
    })
}

/// Certificates: all for organisers, their body's for accreditors.
#[utoipa::path(get, path = "/api/v1/certificates", tag = "certificates", params(CertificateQuery),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = Paginated<CertificateOut>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn list_api(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<CertificateQuery>,
) -> AppResult<Json<Paginated<CertificateOut>>> {
    let filter = filter_for(&ctx, &query)?;
    let page = crate::api::page(query.page, query.per_page, 50)?;
    let paged = certificates::list(&state.db, &filter, page).await?;
    Ok(Json(Paginated::from(paged, |c| CertificateOut::from(&c))))
}

#[derive(Template)]
#[template(path = "pages/certificates.html")]
struct ListPage {
    c: Chrome,
    items: Vec<certificate::Model>,
    pager: Pager,
    total: u64,
    export: String,
    form: PageQuery,
    courses: Vec<(String, String)>,
    errors: crate::pages::FormErrors,
}

/// The page's filters as the form sends them: empty fields are no filter,
/// a value that does not parse is shown beside its field and ignored.
#[derive(Debug, Default, Deserialize)]
struct PageQuery {
    #[serde(default)]
    session_id: String,
    #[serde(default)]
    course_id: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    status: String,
    page: Option<u64>,
}

fn day(input: &str) -> Result<Option<NaiveDate>, Problem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| Problem::new("error-date"))
}

async fn list_page(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiQuery(form): ApiQuery<PageQuery>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::new();
    let query = CertificateQuery {
        session_id: errors
            .take("session_id", crate::input::parse_optional_id(&form.session_id))
            .flatten(),
        course_id: errors
            .take("course_id", crate::input::parse_optional_id(&form.course_id))
            .flatten(),
        body_id: None,
        from: errors.take("from", day(&form.from)).flatten(),
        to: errors.take("to", day(&form.to)).flatten(),
        status: Some(form.status.clone()).filter(|s| !s.is_empty()),
        page: form.page,
        per_page: None,
    };
    let filter = filter_for(&ctx, &query)?;
    let paged = certificates::list(&state.db, &filter, aula_storage::Page::new(query.page, None, 50)).await?;
    let mut params = Vec::new();
    if let Some(id) = query.session_id {
        params.push(("session_id", id.to_string()));
    }
    if let Some(id) = query.course_id {
        params.push(("course_id", id.to_string()));
    }
    if let Some(status) = &query.status {
        params.push(("status", status.clone()));
    }
    if let Some(day) = query.from {
        params.push(("from", day.to_string()));
    }
    if let Some(day) = query.to {
        params.push(("to", day.to_string()));
    }
    // The courses the asker may see certificates of: an accreditor, their body's.
    let courses = aula_storage::courses::list(
        &state.db,
        &Default::default(),
        aula_storage::Page::new(Some(1), Some(100), 100),
    )
    .await?
    .items
    .into_iter()
    .filter(|c| filter.body_id.is_none() || c.course.accreditation_body_id == filter.body_id)
    .map(|c| (c.course.id.to_string(), c.course.title))
    .collect();
    let pager = Pager::new(
        "/staff/certificates",
        &params,
        paged.page.page,
        paged.pages(),
        paged.total,
    );
    let export = format!(
        "/staff/certificates/export?{}",
        params
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    );
    render(&ListPage {
        c: Chrome::new(&ctx),
        total: paged.total,
        items: paged.items,
        pager,
        export,
        form,
        courses,
        errors: crate::pages::FormErrors::new(ctx.tr(), &errors),
    })
}

// ----- the export: a ZIP of PDFs and a CSV register, streamed --------------

/// A writer whose bytes are taken out as they come, so the ZIP goes to the
/// client piece by piece.
#[derive(Clone, Default)]
struct Pipe(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Pipe {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.lock() {
            Ok(mut bytes) => {
                bytes.extend_from_slice(buf);
                Ok(buf.len())
            }
            Err(_) => Err(std::io::Error::other("pipe poisoned")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Pipe {
    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .map(|mut bytes| std::mem::take(&mut *bytes))
            .unwrap_or_default()
    }
}

fn register_line(c: &certificate::Model) -> Vec<Cell> {
    vec![
        Cell::from(&c.number),
        Cell::from(&c.holder_name),
        Cell::from(&c.course_title),
        number(format!("{:.2}", hours(c.attended_minutes))),
        Cell::from(c.starts_on.to_string()),
        Cell::from(c.ends_on.to_string()),
        Cell::from(c.issued_at.date_naive().to_string()),
        Cell::from(if c.revoked_at.is_some() { "revoked" } else { "valid" }),
        Cell::from(&c.verification_code),
    ]
}

/// Streams the ZIP: one batch of certificates at a time is read, drawn and
/// written, so memory holds one batch of PDFs; only the CSV register and the
/// ZIP's index grow with the count (1 to 2 KB a certificate).
fn export(state: AppState, filter: CertificateFilter) -> Response {
    let (sender, receiver) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    tokio::spawn(async move {
        let pipe = Pipe::default();
        let mut zip = zip::ZipWriter::new_stream(pipe.clone());
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        let mut register = Sheet::default();
        let _ = register.row([
            "number",
            "holder",
            "course",
            "hours",
            "starts_on",
            "ends_on",
            "issued_on",
            "status",
            "verification_code",
        ]);
        let mut after = None;
        loop {
            let batch = match certificates::batch(&state.db, &filter, after, 100).await {
                Ok(batch) => batch,
                Err(err) => {
                    let _ = sender.send(Err(std::io::Error::other(err.to_string()))).await;
                    return;
                }
            };
            if batch.is_empty() {
                break;
            }
            after = batch.last().map(|c| c.id);
            // Drawing is CPU work: it runs on the blocking pool, a batch at a
            // time, so it never holds one of the runtime's request threads.
            let sheets: Vec<_> = batch
                .iter()
                .map(|c| certificate_sheet::of(c, &state.config.base_url))
                .collect();
            let drawn = tokio::task::spawn_blocking(move || {
                sheets
                    .iter()
                    .map(aula_documents::certificate::certificate)
                    .collect::<Result<Vec<_>, _>>()
            })
            .await;
            let pdfs = match drawn {
                Ok(Ok(pdfs)) => pdfs,
                Ok(Err(err)) => {
                    let _ = sender.send(Err(std::io::Error::other(err.to_string()))).await;
                    return;
                }
                Err(err) => {
                    let _ = sender.send(Err(std::io::Error::other(err.to_string()))).await;
                    return;
                }
            };
            for (c, pdf) in batch.iter().zip(pdfs) {
                let _ = register.row(register_line(c));
                use std::io::Write as _;
                let written = zip
                    .start_file(format!("{}.pdf", c.number), options)
                    .map_err(std::io::Error::other)
                    .and_then(|()| zip.write_all(&pdf));
                if let Err(err) = written {
                    let _ = sender.send(Err(err)).await;
                    return;
                }
                let chunk = pipe.take();
                if !chunk.is_empty() && sender.send(Ok(chunk)).await.is_err() {
                    return; // The client went away.
                }
            }
        }
        let csv = register.into_bytes().unwrap_or_default();
        use std::io::Write as _;
        let finished = zip
            .start_file("register.csv", options)
            .map_err(std::io::Error::other)
            .and_then(|()| zip.write_all(&csv))
            .and_then(|()| zip.finish().map(|_| ()).map_err(std::io::Error::other));
        match finished {
            Ok(()) => {
                let _ = sender.send(Ok(pipe.take())).await;
            }
            Err(err) => {
                let _ = sender.send(Err(err)).await;
            }
        }
    });
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|item| (item, receiver))
    });
    (
        [
            (CONTENT_TYPE, "application/zip"),
            (CONTENT_DISPOSITION, "attachment; filename=\"certificates.zip\""),
        ],
        axum::body::Body::from_stream(stream),
    )
        .into_response()
}

/// Every certificate the asker may see (with the list's filters), as a ZIP
/// of PDFs with a CSV register; streamed.
#[utoipa::path(get, path = "/api/v1/certificates/export", tag = "certificates", params(CertificateQuery),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, content_type = "application/zip", description = "PDFs and register.csv"),
        (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn export_api(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<CertificateQuery>,
) -> AppResult<Response> {
    let filter = filter_for(&ctx, &query)?;
    Ok(export(state, filter))
}

async fn export_page(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<CertificateQuery>,
) -> AppResult<Response> {
    let filter = filter_for(&ctx, &query)?;
    Ok(export(state, filter))
}
