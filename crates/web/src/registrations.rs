//! A session's registrations, as organisers and the session's trainers see them.

use askama::Template;
use aula_domain::{FieldErrors, RegistrationStatus, Role};
use aula_storage::registrations::{self, Counts, RegistrationRow};
use aula_storage::sessions::{self, SessionRecord};
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::api::{ApiError, Paginated};
use crate::extract::{ApiPath, ApiQuery};
use crate::pages::{Chrome, Pager, render};
use crate::{AppError, AppResult, AppState, Ctx};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .route("/staff/sessions/{id}/registrations", get(page))
}

/// Organisers see every session's registrations; trainers their own sessions'.
async fn readable(ctx: &Ctx, state: &AppState, id: Uuid) -> AppResult<SessionRecord> {
    let user = ctx.require(&[Role::Organiser, Role::Trainer])?;
    let session = sessions::get(&state.db, id).await?;
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
    pub email: String,
    pub employer: Option<String>,
    pub job_title: Option<String>,
    pub audience: Option<String>,
    pub source: String,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

impl From<RegistrationRow> for RegistrationOut {
    fn from(row: RegistrationRow) -> Self {
        let r = row.registration;
        let p = row.person;
        RegistrationOut {
            id: r.id,
            status: r.status,
            waitlist_position: row.waitlist_position,
            given_name: p.given_name,
            family_name: p.family_name,
            email: p.email,
            employer: p.employer,
            job_title: p.job_title,
            audience: p.audience,
            source: r.source,
            created_at: r.created_at,
            confirmed_at: r.confirmed_at,
            cancelled_at: r.cancelled_at,
        }
    }
}

/// A session's registrations in the order they came, filtered by `status`.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/registrations", tag = "registrations",
    params(("id" = Uuid, Path), RegistrationQuery), security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = Paginated<RegistrationOut>), (status = 401, body = ApiError),
        (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(query): ApiQuery<RegistrationQuery>,
) -> AppResult<axum::Json<Paginated<RegistrationOut>>> {
    readable(&ctx, &state, id).await?;
    let page = aula_storage::Page::new(query.page, query.per_page, 50);
    let paged = registrations::list(&state.db, id, query.status()?, page).await?;
    Ok(axum::Json(Paginated::from(paged, RegistrationOut::from)))
}

#[derive(Template)]
#[template(path = "pages/registrations.html")]
struct Page {
    c: Chrome,
    session: SessionRecord,
    counts: Counts,
    rows: Vec<RegistrationRow>,
    pager: Pager,
    status: String,
    statuses: Vec<(String, String)>,
}

async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(query): ApiQuery<RegistrationQuery>,
) -> AppResult<Response> {
    let session = readable(&ctx, &state, id).await?;
    let counts = registrations::counts(&state.db, id).await?;
    let paged = registrations::list(
        &state.db,
        id,
        query.status()?,
        aula_storage::Page::new(query.page, None, 50),
    )
    .await?;
    let base = format!("/staff/sessions/{id}/registrations");
    let pager = Pager::new(
        &base,
        &[("status", query.status.clone())],
        paged.page.page,
        paged.pages(),
        paged.total,
    );
    let c = Chrome::new(&ctx);
    let statuses = RegistrationStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_owned(), c.word("registration", s.as_str())))
        .collect();
    render(&Page {
        c,
        session,
        counts,
        rows: paged.items,
        pager,
        status: query.status,
        statuses,
    })
}
