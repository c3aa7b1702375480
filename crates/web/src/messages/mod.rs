//! Messages: organisers writing to a session's participants, the outbox
//! they and every other change fill, and the session's calendar file.

use askama::Template;
use aula_domain::registration::Audience;
use aula_domain::{FieldErrors, Text};
use aula_mail::ics::Method;
use aula_storage::entities::outbox as row;
use aula_storage::outbox::{self, OutboxFilter};
use aula_storage::sessions::{self, SessionRecord};
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::api::{ApiError, Paginated};
use crate::context::Organiser;
use crate::extract::{ApiJson, ApiPath, ApiQuery, CsrfForm};
use crate::pages::{Chrome, FormErrors, Pager, redirect_with, render, render_invalid};
use crate::sessions::visible;
use crate::{AppError, AppResult, AppState, Ctx};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(send))
        .routes(routes!(list))
        .routes(routes!(retry))
        .route("/staff/sessions/{id}/messages", get(compose_page).post(send_page))
        .route("/staff/outbox", get(list_page))
        .route("/staff/outbox/{id}", get(show_page))
        .route("/staff/outbox/{id}/retry", post(retry_page))
        .route("/staff/outbox/{id}/html", get(html_part))
        .route("/sessions/{id}/calendar.ics", get(calendar))
}

// ----- writing to participants ---------------------------------------------

/// A message to a session's participants.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageInput {
    /// `confirmed`, `waitlisted` or `all`.
    #[serde(default)]
    pub audience: String,
    pub subject: String,
    pub body: String,
}

struct MessageDetails {
    audience: Audience,
    subject: Text<200>,
    body: Text<20_000, true>,
}

impl TryFrom<&MessageInput> for MessageDetails {
    type Error = FieldErrors;

    fn try_from(input: &MessageInput) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::new();
        let audience = errors.take("audience", Audience::parse(&input.audience));
        let subject = errors.take("subject", Text::parse(&input.subject));
        let body = errors.take("body", Text::parse(&input.body));
        let (Some(audience), Some(subject), Some(body)) = (audience, subject, body) else {
            return Err(errors);
        };
        Ok(MessageDetails {
            audience,
            subject,
            body,
        })
    }
}

#[derive(Serialize, ToSchema)]
pub struct Queued {
    /// How many messages were written to the outbox (one per recipient).
    pub queued: usize,
}

async fn queue(ctx: &Ctx, state: &AppState, session: &SessionRecord, input: &MessageInput) -> AppResult<usize> {
    let details = MessageDetails::try_from(input)?;
    let message = aula_app::messages::Broadcast {
        audience: details.audience,
        subject: details.subject.as_str(),
        body: details.body.as_str(),
    };
    let queued = aula_app::messages::broadcast(&state.app(), ctx.user()?, &ctx.actor()?, session, &message).await?;
    Ok(queued)
}

/// E-mail the session's participants (by status). Each recipient gets their own message in their language's frame.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/messages", tag = "messages", params(("id" = Uuid, Path)),
    request_body = MessageInput, security(("bearer" = []), ("cookie" = [])),
    responses((status = 202, body = Queued), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
async fn send(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<MessageInput>,
) -> AppResult<Response> {
    let session = sessions::get(&state.db, id).await?;
    let queued = queue(&ctx, &state, &session, &input).await?;
    Ok((StatusCode::ACCEPTED, axum::Json(Queued { queued })).into_response())
}

#[derive(Template)]
#[template(path = "pages/compose.html")]
struct ComposePage {
    c: Chrome,
    session: SessionRecord,
    form: MessageInput,
    errors: FormErrors,
    audiences: Vec<(String, String)>,
}

impl ComposePage {
    fn new(ctx: &Ctx, session: SessionRecord, form: MessageInput, errors: FormErrors) -> Self {
        let c = Chrome::new(ctx);
        let audiences = ["confirmed", "waitlisted", "all"]
            .iter()
            .map(|a| ((*a).to_owned(), c.t(&format!("message-audience-{a}"))))
            .collect();
        ComposePage {
            c,
            session,
            form,
            errors,
            audiences,
        }
    }
}

async fn compose_page(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Response> {
    let session = sessions::get(&state.db, id).await?;
    let form = MessageInput {
        audience: "confirmed".into(),
        ..MessageInput::default()
    };
    render(&ComposePage::new(&ctx, session, form, FormErrors::none()))
}

async fn send_page(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<MessageInput>,
) -> AppResult<Response> {
    let session = sessions::get(&state.db, id).await?;
    match queue(&ctx, &state, &session, &form).await {
        // The outbox page, filtered to this session, lists what was queued.
        Ok(0) => Ok(redirect_with(
            &ctx,
            &format!("/staff/outbox?session_id={id}"),
            "flash-messages-none",
        )),
        Ok(_) => Ok(redirect_with(
            &ctx,
            &format!("/staff/outbox?session_id={id}"),
            "flash-messages-queued",
        )),
        Err(AppError::Invalid(errors)) => {
            let errors = FormErrors::new(ctx.tr(), &errors);
            render_invalid(&ComposePage::new(&ctx, session, form, errors))
        }
        Err(other) => Err(other),
    }
}

// ----- the outbox -------------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct OutboxOut {
    pub id: Uuid,
    pub kind: String,
    pub recipient: String,
    pub language: String,
    pub session_id: Option<Uuid>,
    /// `pending`, `sending`, `sent` or `failed`.
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub message_id: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<row::Model> for OutboxOut {
    fn from(r: row::Model) -> Self {
        OutboxOut {
            id: r.id,
            kind: r.kind,
            recipient: r.recipient,
            language: r.language,
            session_id: r.session_id,
            status: r.status,
            attempts: r.attempts,
            next_attempt_at: r.next_attempt_at,
            last_error: r.last_error,
            message_id: r.message_id,
            created_at: r.created_at,
            sent_at: r.sent_at,
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// `pending`, `sending`, `sent` or `failed`.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub session_id: String,
    pub page: Option<u64>,
    /// Items per page, 1 to 100; more is refused (422).
    pub per_page: Option<u64>,
}

impl OutboxQuery {
    fn filter(&self) -> AppResult<OutboxFilter> {
        let present = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_owned());
        let status = present(&self.status);
        if let Some(s) = &status
            && !outbox::status::ALL.contains(&s.as_str())
        {
            return Err(AppError::invalid("status", "error-choice"));
        }
        let session_id = crate::input::parse_optional_id(&self.session_id)
            .map_err(|p| AppError::Invalid(FieldErrors::single("session_id", p)))?;
        Ok(OutboxFilter {
            status,
            kind: present(&self.kind),
            session_id,
        })
    }
}

/// The outbox, newest first: every message Aula has queued, sent or given up on.
#[utoipa::path(get, path = "/api/v1/outbox", tag = "messages", params(OutboxQuery),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = Paginated<OutboxOut>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn list(
    Organiser(_ctx): Organiser,
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<OutboxQuery>,
) -> AppResult<axum::Json<Paginated<OutboxOut>>> {
    let page = crate::api::page(query.page, query.per_page, 50)?;
    let paged = outbox::list(&state.db, &query.filter()?, page).await?;
    Ok(axum::Json(Paginated::from(paged, OutboxOut::from)))
}

/// Send a failed message again.
#[utoipa::path(post, path = "/api/v1/outbox/{id}/retry", tag = "messages", params(("id" = Uuid, Path)),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = OutboxOut), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError)))]
async fn retry(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<axum::Json<OutboxOut>> {
    let row = aula_app::messages::retry(&state.app(), &ctx.actor()?, id).await?;
    Ok(axum::Json(row.into()))
}

#[derive(Template)]
#[template(path = "pages/outbox.html")]
struct ListPage {
    c: Chrome,
    rows: Vec<row::Model>,
    /// Messages still `sending` after their lease ran out.
    stuck: Vec<row::Model>,
    pager: Pager,
    query: OutboxQuery,
    statuses: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    errors: FormErrors,
}

async fn list_page(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<OutboxQuery>,
) -> AppResult<Response> {
    let (filter, errors) = match query.filter() {
        Ok(filter) => (filter, FormErrors::none()),
        Err(AppError::Invalid(errors)) => (OutboxFilter::default(), FormErrors::new(ctx.tr(), &errors)),
        Err(other) => return Err(other),
    };
    let paged = outbox::list(&state.db, &filter, aula_storage::Page::new(query.page, None, 50)).await?;
    let stuck = outbox::stuck(&state.db, 20).await?;
    let params = [
        ("status", query.status.clone()),
        ("kind", query.kind.clone()),
        ("session_id", query.session_id.clone()),
    ];
    let pager = Pager::new("/staff/outbox", &params, paged.page.page, paged.pages(), paged.total);
    let c = Chrome::new(&ctx);
    let statuses = outbox::status::ALL
        .iter()
        .map(|s| ((*s).to_owned(), c.t(&format!("outbox-status-{s}"))))
        .collect();
    let kinds = aula_mail::render::KINDS
        .iter()
        .map(|k| ((*k).to_owned(), c.t(&format!("outbox-kind-{}", k.replace('_', "-")))))
        .collect();
    render(&ListPage {
        c,
        rows: paged.items,
        stuck,
        pager,
        query,
        statuses,
        kinds,
        errors,
    })
}

/// An outbox row as its recipient gets it, rendered now from its stored data.
fn render_row(
    state: &AppState,
    row: &row::Model,
) -> Result<aula_mail::render::Rendered, aula_mail::render::RenderError> {
    let language = aula_domain::Language::parse(&row.language).unwrap_or_default();
    aula_mail::render::render(
        &row.kind,
        &row.data,
        language,
        row.recipient_name.clone(),
        &state.mail.base_url,
        &state.mail.domain,
    )
}

#[derive(Template)]
#[template(path = "pages/outbox_message.html")]
struct ShowPage {
    c: Chrome,
    row: row::Model,
    subject: String,
    text: String,
    problem: Option<String>,
}

async fn show_page(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Response> {
    let row = outbox::get(&state.db, id).await?;
    let rendered = render_row(&state, &row);
    let (subject, text, problem) = match rendered {
        Ok(r) => (r.subject, r.text, None),
        Err(e) => (String::new(), String::new(), Some(e.to_string())),
    };
    render(&ShowPage {
        c: Chrome::new(&ctx),
        row,
        subject,
        text,
        problem,
    })
}

/// The message's HTML part as the recipient sees it. Served in a CSP
/// sandbox: whatever an organiser typed cannot run as this site.
async fn html_part(
    Organiser(_ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Response> {
    let row = outbox::get(&state.db, id).await?;
    let rendered = render_row(&state, &row)
        .map_err(|e| AppError::Conflict(aula_domain::Problem::new("error-render-failed").with("reason", e)))?;
    Ok((
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (
                axum::http::header::CONTENT_SECURITY_POLICY,
                "sandbox; default-src 'none'; style-src 'unsafe-inline'",
            ),
        ],
        rendered.html,
    )
        .into_response())
}

async fn retry_page(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(_): CsrfForm<crate::extract::NoFields>,
) -> AppResult<Response> {
    aula_app::messages::retry(&state.app(), &ctx.actor()?, id).await?;
    Ok(redirect_with(
        &ctx,
        &format!("/staff/outbox/{id}"),
        "flash-retry-queued",
    ))
}

// ----- calendar ---------------------------------------------------------------------

/// The session's meetings as an `.ics` file to add to a calendar.
async fn calendar(ctx: Ctx, State(state): State<AppState>, ApiPath(file): ApiPath<Uuid>) -> AppResult<Response> {
    let session = visible(&ctx, &state, file).await?;
    let ics =
        aula_mail::notify::calendar(&state.mail, &session).render(Method::Publish, &state.mail.domain, Utc::now());
    Ok((
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"session-{}.ics\"", session.session.id),
            ),
        ],
        ics,
    )
        .into_response())
}
