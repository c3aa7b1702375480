//! A session's registrations, as organisers and the session's trainers see them.

use askama::Template;
use aula_domain::{FieldErrors, RegistrationStatus, Role};
use aula_storage::registrations::{self, Counts, RegistrationRow};
use aula_storage::sessions::{self, SessionRecord};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use aula_storage::registrations::{Requested, Source};

use crate::kit::api::{ApiError, Paginated};
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiJson, ApiPath, ApiQuery, CsrfForm};
use crate::kit::pages::{Chrome, FormErrors, Pager, redirect_with, render, render_invalid};
use crate::kit::spreadsheet::{Cell, Sheet, number};
use crate::registrations::RegistrationLine;
use crate::registrations::signup::{self, RegistrationInput};
use crate::{AppError, AppResult, AppState, Ctx};
use aula_app::registrations::Entry;

/// A registration of a session of the staff member's organisation; another
/// organisation's is not found (issue 17).
pub(crate) async fn own_registration(ctx: &Ctx, id: Uuid) -> AppResult<aula_storage::entities::registration::Model> {
    let registration = registrations::get(&ctx.state.db, id).await?;
    sessions::belongs(&ctx.state.db, ctx.org()?, registration.session_id).await?;
    Ok(registration)
}

/// Organisers see every session's registrations; trainers their own sessions'.
async fn readable(ctx: &Ctx, id: Uuid) -> AppResult<SessionRecord> {
    let user = ctx.require(&[Role::Organiser, Role::Trainer])?;
    let session = sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    if user.has(Role::Organiser) || session.trainers.iter().any(|t| t.id == user.user.id) {
        Ok(session)
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegistrationQuery {
    /// `pending`, `confirmed`, `waitlisted` or `cancelled`.
    #[serde(default)]
    pub status: String,
    pub page: Option<u64>,
    /// Items per page, 1 to 100; more is refused (422).
    pub per_page: Option<u64>,
}

impl RegistrationQuery {
    fn status(&self) -> AppResult<Option<RegistrationStatus>> {
        let trimmed = self.status.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        RegistrationStatus::parse(trimmed)
            .map(Some)
            .map_err(|p| AppError::Invalid(FieldErrors::single("status", p)))
    }
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationOut {
    pub id: Uuid,
    pub status: String,
    /// 1 for the first person waiting; absent unless waitlisted.
    pub waitlist_position: Option<u64>,
    pub given_name: String,
    pub family_name: String,
    /// None for someone registered without e-mail (issue 20).
    pub email: Option<String>,
    pub employer: Option<String>,
    pub job_title: Option<String>,
    pub audience: Option<String>,
    pub source: String,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
    /// The same person's other live registrations whose sessions' meetings
    /// overlap this one's (issue 20): they cannot be in both rooms.
    pub overlaps: Vec<OverlapOut>,
}

/// Another session of the same person that meets at the same time.
#[derive(Serialize, ToSchema)]
pub struct OverlapOut {
    pub session_id: Uuid,
    /// Its course's title.
    pub title: String,
    /// Its first meeting.
    pub starts_at: Option<DateTime<Utc>>,
}

impl From<RegistrationRow> for RegistrationOut {
    fn from(row: RegistrationRow) -> Self {
        let r = row.registration;
        let p = row.person;
        RegistrationOut {
            id: r.id,
            status: r.status.as_str().to_owned(),
            waitlist_position: row.waitlist_position,
            given_name: p.given_name,
            family_name: p.family_name,
            email: p.email,
            employer: p.employer,
            job_title: p.job_title,
            audience: p.audience.map(|a| a.as_str().to_owned()),
            source: r.source.as_str().to_owned(),
            created_at: r.created_at,
            confirmed_at: r.confirmed_at,
            cancelled_at: r.cancelled_at,
            overlaps: Vec::new(),
        }
    }
}

/// A session's registrations in the order they came, filtered by `status`.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/registrations", tag = "registrations",
    params(("id" = Uuid, Path), RegistrationQuery),
    responses((status = 200, body = Paginated<RegistrationOut>),
        (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn list(
    ctx: Ctx,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(query): ApiQuery<RegistrationQuery>,
) -> AppResult<axum::Json<Paginated<RegistrationOut>>> {
    readable(&ctx, id).await?;
    let page = crate::kit::api::page(query.page, query.per_page, 50)?;
    let paged = registrations::list(&ctx.state.db, id, query.status()?, page).await?;
    let ids: Vec<Uuid> = paged.items.iter().map(|row| row.registration.id).collect();
    let overlapping = registrations::overlapping(&ctx.state.db, &ids).await?;
    let mut out = Paginated::from(paged, RegistrationOut::from);
    for overlap in overlapping {
        if let Some(row) = out.items.iter_mut().find(|r| r.id == overlap.registration_id) {
            row.overlaps.push(OverlapOut {
                session_id: overlap.session_id,
                title: overlap.title,
                starts_at: overlap.starts_at,
            });
        }
    }
    Ok(axum::Json(out))
}

#[derive(Template)]
#[template(path = "pages/registrations.html")]
struct Page {
    c: Chrome,
    session: SessionRecord,
    counts: Counts,
    rows: Vec<RegistrationLine>,
    pager: Pager,
    status: String,
    statuses: Vec<(String, String)>,
    status_errors: FormErrors,
    /// Where each live registration may be moved (organisers).
    moves: Vec<(String, String)>,
    add: RegistrationInput,
    add_errors: FormErrors,
    capacity: String,
    capacity_errors: FormErrors,
    /// A refused move's problems, on its row (`move-{id}`, `reason-{id}`).
    move_errors: FormErrors,
    choices: signup::Choices,
}

impl Page {
    fn can_move(&self, row: &RegistrationLine) -> bool {
        // A cancelled or completed session's registrations stay as they were.
        self.c.is("organiser") && row.registration.status != RegistrationStatus::Cancelled && !self.session.is_final()
    }
}

/// What the organiser's forms on the page hold when one of them is refused.
#[derive(Default)]
struct Forms {
    add: Option<(RegistrationInput, FieldErrors)>,
    capacity: Option<(String, FieldErrors)>,
    moving: Option<FieldErrors>,
}

pub(crate) async fn page(
    ctx: Ctx,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(query): ApiQuery<RegistrationQuery>,
) -> AppResult<Response> {
    let page = build(&ctx, id, query, Forms::default()).await?;
    render(&page)
}

async fn build(ctx: &Ctx, id: Uuid, query: RegistrationQuery, forms: Forms) -> AppResult<Page> {
    let session = readable(ctx, id).await?;
    let counts = registrations::counts(&ctx.state.db, id).await?;
    // A status the page does not know is told beside its field, and
    // everyone listed (it was an error page: session 28's attack round).
    let (status, status_errors) = match query.status() {
        Ok(status) => (status, FieldErrors::new()),
        Err(AppError::Invalid(errors)) => (None, errors),
        Err(other) => return Err(other),
    };
    let paged = registrations::list(&ctx.state.db, id, status, aula_storage::Page::new(query.page, None, 50)).await?;
    let base = format!("/staff/sessions/{id}/registrations");
    let pager = Pager::new(
        &base,
        &[("status", status.map(|s| s.as_str().to_owned()).unwrap_or_default())],
        paged.page.page,
        paged.pages(),
        paged.total,
    );
    let c = Chrome::new(ctx);
    let statuses = c.words("registration", RegistrationStatus::ALL);
    let moves = [RegistrationStatus::Confirmed, RegistrationStatus::Cancelled]
        .iter()
        .map(|s| (s.as_str().to_owned(), c.t(&format!("registration-move-{}", s.as_str()))))
        .collect();
    let choices = signup::Choices::new(&c, &ctx.state, "").await?.asking(&c, &session);
    let tr = ctx.tr();
    let (add, add_errors) = match forms.add {
        Some((form, errors)) => (form, FormErrors::new(tr, &errors)),
        None => (
            RegistrationInput {
                language: ctx.lang.as_str().to_owned(),
                ..Default::default()
            },
            FormErrors::none(),
        ),
    };
    let (capacity, capacity_errors) = match forms.capacity {
        Some((value, errors)) => (value, FormErrors::new(tr, &errors)),
        None => (session.session.capacity.to_string(), FormErrors::none()),
    };
    let status_errors = FormErrors::new(tr, &status_errors);
    let move_errors = forms
        .moving
        .map_or_else(FormErrors::none, |errors| FormErrors::new(tr, &errors));
    let mut rows: Vec<RegistrationLine> = paged.items.into_iter().map(RegistrationLine::from).collect();
    // Who is also registered for a session at the same time (issue 20).
    let ids: Vec<Uuid> = rows.iter().map(|r| r.registration.id).collect();
    for overlap in registrations::overlapping(&ctx.state.db, &ids).await? {
        if let Some(row) = rows.iter_mut().find(|r| r.registration.id == overlap.registration_id) {
            row.overlaps.push((overlap.session_id, overlap.title));
        }
    }
    Ok(Page {
        c,
        session,
        counts,
        rows,
        pager,
        status: query.status,
        statuses,
        status_errors,
        moves,
        add,
        add_errors,
        capacity,
        capacity_errors,
        move_errors,
        choices,
    })
}

fn back(id: Uuid) -> String {
    format!("/staff/sessions/{id}/registrations")
}

/// An organiser enters a person by hand.
pub(crate) async fn add_form(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<RegistrationInput>,
) -> AppResult<Response> {
    let details = match form.parse(&ctx.state, ctx.lang, true).await? {
        Ok(details) => details,
        Err(errors) => {
            let forms = Forms {
                add: Some((form, errors)),
                ..Forms::default()
            };
            return render_invalid(&build(&ctx, id, RegistrationQuery::default(), forms).await?);
        }
    };
    let (requested, _) = aula_app::registrations::register(
        &ctx.state.app(),
        id,
        &details,
        &Entry::Organiser(Source::Organiser, ctx.actor()?),
    )
    .await?;
    let flash = match requested {
        Requested::Pending { .. } | Requested::Resent { .. } => "registration-added-pending",
        Requested::Already { .. } => "registration-added-already",
        Requested::Placed { .. } => "registration-added",
    };
    Ok(redirect_with(&ctx, &back(id), flash))
}

#[derive(Deserialize)]
pub(crate) struct CapacityForm {
    #[serde(default)]
    capacity: String,
}

/// Raises or lowers the capacity; a raise seats the first people waiting.
pub(crate) async fn capacity_form(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<CapacityForm>,
) -> AppResult<Response> {
    let refuse = |errors: FieldErrors| Forms {
        capacity: Some((form.capacity.clone(), errors)),
        ..Forms::default()
    };
    let capacity = match aula_domain::Capacity::parse(&form.capacity) {
        Ok(capacity) => capacity,
        Err(problem) => {
            let forms = refuse(FieldErrors::single("capacity", problem));
            return render_invalid(&build(&ctx, id, RegistrationQuery::default(), forms).await?);
        }
    };
    match set_capacity(&ctx.state, &ctx.actor()?, id, capacity).await {
        Ok(()) => Ok(redirect_with(&ctx, &back(id), "registration-capacity-saved")),
        Err(AppError::Invalid(errors)) => {
            render_invalid(&build(&ctx, id, RegistrationQuery::default(), refuse(errors)).await?)
        }
        Err(other) => Err(other),
    }
}

pub async fn set_capacity(
    state: &AppState,
    actor: &aula_storage::Actor,
    id: Uuid,
    capacity: aula_domain::Capacity,
) -> AppResult<()> {
    Ok(aula_app::registrations::set_capacity(&state.app(), actor, id, capacity).await?)
}

/// A move between states, from the page or the API.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveInput {
    /// `confirmed` (a pending registration is seated, or put on the waiting
    /// list if the session is full; a waitlisted one needs a free seat) or `cancelled`.
    #[serde(default, deserialize_with = "crate::kit::input::loose_text")]
    pub status: String,
    /// Why; kept in the audit log.
    #[serde(default, deserialize_with = "crate::kit::input::loose_text")]
    pub reason: String,
}

impl MoveInput {
    fn parse(&self) -> Result<(RegistrationStatus, aula_domain::details::ShortText), FieldErrors> {
        let mut errors = FieldErrors::new();
        let status = errors.take("status", RegistrationStatus::parse(&self.status));
        let reason = errors.take("reason", aula_domain::details::ShortText::parse(&self.reason));
        match (status, reason) {
            (Some(status), Some(reason)) => Ok((status, reason)),
            _ => Err(errors),
        }
    }
}

/// Moves a registration, with the e-mails it causes (`aula_app`).
pub async fn move_registration(
    state: &AppState,
    actor: &aula_storage::Actor,
    id: Uuid,
    to: RegistrationStatus,
    reason: &str,
) -> AppResult<aula_storage::entities::registration::Model> {
    // Only the actor's organisation's registrations (issue 17).
    let registration = registrations::get(&state.db, id).await?;
    sessions::belongs(
        &state.db,
        actor.organisation.ok_or(AppError::NotFound)?,
        registration.session_id,
    )
    .await?;
    Ok(aula_app::registrations::move_registration(&state.app(), actor, id, to, reason).await?)
}

pub(crate) async fn move_form(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<MoveInput>,
) -> AppResult<Response> {
    let registration = own_registration(&ctx, id).await?;
    let (to, reason) = match form.parse() {
        Ok(parsed) => parsed,
        // What the browser did not stop (a reason of spaces alone): the
        // list again, as it was filtered, with the problem on the row (it
        // was a bare page naming `reason:`, session 25's note).
        Err(errors) => {
            let mut on_row = FieldErrors::new();
            for (field, problems) in errors.iter() {
                let field = match field {
                    "status" => format!("move-{id}"),
                    _ => format!("reason-{id}"),
                };
                for problem in problems {
                    on_row.add(&field, problem.clone());
                }
            }
            let query = serde_html_form::from_str(ctx.query.as_deref().unwrap_or_default()).unwrap_or_default();
            let forms = Forms {
                moving: Some(on_row),
                ..Forms::default()
            };
            return render_invalid(&build(&ctx, registration.session_id, query, forms).await?);
        }
    };
    move_registration(&ctx.state, &ctx.actor()?, id, to, reason.as_str()).await?;
    Ok(redirect_with(
        &ctx,
        &back(registration.session_id),
        "registration-moved",
    ))
}

/// Moves a registration to another status, with a reason (audited).
#[utoipa::path(post, path = "/api/v1/registrations/{id}/move", tag = "registrations",
    params(("id" = Uuid, Path, description = "The registration")), request_body = MoveInput,
    responses((status = 200, body = RegistrationOut),
        (status = 403, body = ApiError), (status = 404, body = ApiError),
        (status = 409, body = ApiError, description = "Not a possible move, or no seat free"),
        (status = 422, body = ApiError)))]
pub(crate) async fn move_api(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<MoveInput>,
) -> AppResult<axum::Json<RegistrationOut>> {
    let (to, reason) = input.parse().map_err(AppError::Invalid)?;
    let moved = move_registration(&ctx.state, &ctx.actor()?, id, to, reason.as_str()).await?;
    let person = aula_storage::people::get(&ctx.state.db, moved.person_id).await?;
    let waitlist_position = registrations::waitlist_position(&ctx.state.db, &moved).await?;
    Ok(axum::Json(RegistrationOut::from(RegistrationRow {
        registration: moved,
        person,
        waitlist_position,
    })))
}

/// The session's registrations as a spreadsheet (UTF-8 with a BOM, so
/// spreadsheet programs read accents right), every status.
pub(crate) async fn export(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let session = readable(&ctx, id).await?;
    let tr = ctx.tr();
    let mut sheet = Sheet::default();
    let header = [
        "registrations-given-name",
        "registrations-family-name",
        "registrations-email",
        "registrations-phone",
        "registrations-employer",
        "registrations-job-title",
        "registrations-audience",
        "registrations-status",
        "registrations-position",
        "registrations-since",
    ];
    sheet.row(header.iter().map(|k| tr.t(&format!("{k}-column"))))?;
    // The profile and the status in the reader's words, as the header is
    // (they were codes: `other`, `pending`; session 29's attack round).
    let audiences = crate::kit::audiences::AudienceWords::load(&ctx.state.db, tr).await?;
    let status_word = |status: RegistrationStatus| tr.t(&format!("registration-{}", status.as_str()));
    let mut page = aula_storage::Page::new(Some(1), Some(500), 500);
    loop {
        let paged = registrations::list(&ctx.state.db, id, None, page).await?;
        for row in &paged.items {
            let p = &row.person;
            let r = &row.registration;
            sheet.row([
                Cell::from(&p.given_name),
                Cell::from(&p.family_name),
                Cell::from(&p.email),
                Cell::from(p.phone.as_deref().unwrap_or_default()),
                Cell::from(p.employer.as_deref().unwrap_or_default()),
                Cell::from(p.job_title.as_deref().unwrap_or_default()),
                Cell::from(
                    p.audience
                        .as_ref()
                        .map(|a| audiences.word(a.as_str()))
                        .unwrap_or_default(),
                ),
                Cell::from(status_word(r.status)),
                row.waitlist_position.map_or(Cell::from(""), number),
                Cell::from(r.created_at.to_rfc3339()),
            ])?;
        }
        if paged.page.page >= paged.pages() {
            break;
        }
        page = aula_storage::Page::new(Some(paged.page.page + 1), Some(500), 500);
    }
    Ok(crate::kit::pages::csv_attachment(
        &format!("registrations-{}", session.session.id),
        sheet.into_bytes()?,
    ))
}
