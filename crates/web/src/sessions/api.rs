//! The sessions API: list, read, create, change (`PATCH` merges).

use aula_domain::FieldErrors;
use aula_storage::sessions::{self};
use axum::response::Response;
use uuid::Uuid;

use super::{
    SessionInput, SessionOut, SessionQuery, apply_change, course_modality, details_from_input, session_out, status_of,
    visible,
};
use crate::kit::api::{ApiError, Paginated, created};
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiJson, ApiPath, ApiQuery};
use crate::kit::input::{self};
use crate::{AppResult, Ctx};

// ----- API -------------------------------------------------------------------

/// Sessions, soonest first. Anyone sees the sessions that are not drafts;
/// the meeting links (`online_url`, a meeting's link as its `place`) only
/// the session's organisers and trainers.
#[utoipa::path(get, path = "/api/v1/sessions", tag = "sessions", security(()), params(SessionQuery),
    responses((status = 200, body = Paginated<SessionOut>), (status = 400, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn list(
    ctx: Ctx,
    ApiQuery(query): ApiQuery<SessionQuery>,
) -> AppResult<axum::Json<Paginated<SessionOut>>> {
    let paged = sessions::list(&ctx.state.db, &query.filter(&ctx)?, query.page()?).await?;
    Ok(axum::Json(Paginated::from(paged, |record| session_out(&ctx, record))))
}

/// Create a session of a course (in `draft` unless `status` says `open`).
#[utoipa::path(post, path = "/api/v1/sessions", tag = "sessions", request_body = SessionInput,
    responses((status = 201, body = SessionOut), (status = 403, body = ApiError),
        (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn create(
    Organiser(ctx): Organiser,
    ApiJson(mut input): ApiJson<SessionInput>,
) -> AppResult<Response> {
    if input.time_zone.trim().is_empty() {
        input.time_zone = super::organisation_zone(&ctx).await?;
    }
    let status = status_of(&input.status)?;
    let mut errors = FieldErrors::new();
    let modality = course_modality(&ctx, &input.course_id, &mut errors).await?;
    let details = details_from_input(&input, modality, errors)?;
    let actor = ctx.actor()?;
    let record = aula_app::sessions::create(&ctx.state.app(), &actor, ctx.org()?, &details, status).await?;
    let location = format!("/api/v1/sessions/{}", record.session.id);
    Ok(created(location, SessionOut::from(record)))
}

/// One session with its meetings. Drafts are visible to organisers and the session's trainers,
/// and so are the meeting links (`online_url`, a meeting's link as its `place`).
#[utoipa::path(get, path = "/api/v1/sessions/{id}", tag = "sessions", security(()), params(("id" = Uuid, Path)),
    responses((status = 200, body = SessionOut), (status = 404, body = ApiError)))]
pub(crate) async fn show(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<axum::Json<SessionOut>> {
    Ok(axum::Json(session_out(&ctx, visible(&ctx, id).await?)))
}

/// Change some fields of a session, including its `status`.
#[utoipa::path(patch, path = "/api/v1/sessions/{id}", tag = "sessions", params(("id" = Uuid, Path)),
    request_body(content = serde_json::Value, description = "Any fields of SessionInput"),
    responses((status = 200, body = SessionOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn update(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> AppResult<axum::Json<SessionOut>> {
    let current = sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let before = SessionInput::from(&current);
    let input = input::merge(&before, patch)?;
    let status = status_of(&input.status)?;
    let actor = ctx.actor()?;
    // Only touch the session's content when it changed, so that a status
    // change alone works on a completed session's final state rules.
    let content_changed = serde_json::to_value(SessionInput {
        status: String::new(),
        ..input.clone()
    })
    .ok()
        != serde_json::to_value(SessionInput {
            status: String::new(),
            ..before
        })
        .ok();
    let details = match content_changed {
        true => {
            let mut errors = FieldErrors::new();
            let modality = course_modality(&ctx, &input.course_id, &mut errors).await?;
            Some(details_from_input(&input, modality, errors)?)
        }
        false => None,
    };
    // Both in one transaction: a status refused keeps the details unsaved,
    // where the details were kept and a 409 said nothing was (session 31).
    let to = (status != current.status()).then_some(status);
    let record = match (&details, to) {
        (None, None) => current,
        (details, to) => apply_change(&ctx.state, &actor, id, details.as_ref(), to).await?,
    };
    Ok(axum::Json(record.into()))
}
