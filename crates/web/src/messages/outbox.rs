//! The outbox: every e-mail Aula queued, its state, and sending a failed one again.

use askama::Template;
use aula_domain::{FieldErrors, MailKind, MessageStatus};
use aula_storage::entities::outbox as row;
use aula_storage::outbox::{self, OutboxFilter};
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::kit::api::{ApiError, Paginated};
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiPath, ApiQuery, CsrfForm};
use crate::kit::pages::{Chrome, FormErrors, Pager, redirect_with, render};
use crate::{AppError, AppResult, AppState};

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
            kind: r.kind.as_str().to_owned(),
            recipient: r.recipient,
            language: r.language.as_str().to_owned(),
            session_id: r.session_id,
            status: r.status.as_str().to_owned(),
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
        let status = present(&self.status)
            .map(|s| MessageStatus::parse(&s))
            .transpose()
            .map_err(|_| AppError::invalid("status", "error-choice"))?;
        let kind = present(&self.kind)
            .map(|k| MailKind::parse(&k))
            .transpose()
            .map_err(|_| AppError::invalid("kind", "error-choice"))?;
        let session_id = crate::kit::input::parse_optional_id(&self.session_id)
            .map_err(|p| AppError::Invalid(FieldErrors::single("session_id", p)))?;
        Ok(OutboxFilter {
            organisation: None,
            status,
            kind,
            session_id,
        })
    }
}

/// The outbox, newest first: every message Aula has queued, sent or given up on.
#[utoipa::path(get, path = "/api/v1/outbox", tag = "messages", params(OutboxQuery),
    responses((status = 200, body = Paginated<OutboxOut>), (status = 403, body = ApiError)))]
pub(crate) async fn list(
    Organiser(ctx): Organiser,
    ApiQuery(query): ApiQuery<OutboxQuery>,
) -> AppResult<axum::Json<Paginated<OutboxOut>>> {
    let page = crate::kit::api::page(query.page, query.per_page, 50)?;
    let filter = OutboxFilter {
        organisation: Some(ctx.org()?),
        ..query.filter()?
    };
    let paged = outbox::list(&ctx.state.db, &filter, page).await?;
    Ok(axum::Json(Paginated::from(paged, OutboxOut::from)))
}

/// Send a failed message again.
#[utoipa::path(post, path = "/api/v1/outbox/{id}/retry", tag = "messages", params(("id" = Uuid, Path)),
    responses((status = 200, body = OutboxOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub(crate) async fn retry(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<axum::Json<OutboxOut>> {
    outbox::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let row = aula_app::messages::retry(&ctx.state.app(), &ctx.actor()?, id).await?;
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

pub(crate) async fn list_page(
    Organiser(ctx): Organiser,
    ApiQuery(query): ApiQuery<OutboxQuery>,
) -> AppResult<Response> {
    let (filter, errors) = match query.filter() {
        Ok(filter) => (filter, FormErrors::none()),
        Err(AppError::Invalid(errors)) => (OutboxFilter::default(), FormErrors::new(ctx.tr(), &errors)),
        Err(other) => return Err(other),
    };
    let filter = OutboxFilter {
        organisation: Some(ctx.org()?),
        ..filter
    };
    let paged = outbox::list(&ctx.state.db, &filter, aula_storage::Page::new(query.page, None, 50)).await?;
    let stuck = outbox::stuck(&ctx.state.db, ctx.org()?, 20).await?;
    let params = [
        ("status", query.status.clone()),
        ("kind", query.kind.clone()),
        ("session_id", query.session_id.clone()),
    ];
    let pager = Pager::new("/staff/outbox", &params, paged.page.page, paged.pages(), paged.total);
    let c = Chrome::new(&ctx);
    let statuses = c.words("outbox-status", MessageStatus::ALL);
    let kinds = aula_mail::render::KINDS
        .iter()
        .map(|k| (k.as_str().to_owned(), c.word("outbox-kind", k)))
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

/// An outbox row as its recipient gets it, rendered now from its stored
/// data (and its organisation's name, as the dispatcher renders it), but
/// for the secrets of its links.
async fn render_row(
    state: &AppState,
    row: &row::Model,
) -> AppResult<Result<aula_mail::render::Rendered, aula_mail::render::RenderError>> {
    let signer = aula_mail::render::Signer::load(&state.db, row.organisation_id).await?;
    Ok(aula_mail::render::render(
        row.kind,
        &aula_mail::render::without_secrets(&row.data),
        row.language,
        row.recipient_name.clone(),
        &signer,
        &state.mail.base_url,
        &state.mail.domain,
    ))
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

pub(crate) async fn show_page(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let row = outbox::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let rendered = render_row(&ctx.state, &row).await?;
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
pub(crate) async fn html_part(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let row = outbox::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let rendered = render_row(&ctx.state, &row).await?.map_err(|e| {
        AppError::Conflict(aula_domain::Problem::new("error-render-failed").with("reason", e.to_string()))
    })?;
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

pub(crate) async fn retry_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(_): CsrfForm<crate::kit::extract::NoFields>,
) -> AppResult<Response> {
    outbox::get_in(&ctx.state.db, ctx.org()?, id).await?;
    aula_app::messages::retry(&ctx.state.app(), &ctx.actor()?, id).await?;
    Ok(redirect_with(
        &ctx,
        &format!("/staff/outbox/{id}"),
        "flash-retry-queued",
    ))
}
