//! Co-facilitators who are not staff (issue 20): an organiser names them on
//! the session's co-facilitators page and hands each a personal link (shown
//! once); by it they see the session's meetings and take each roll call,
//! on a phone and without an account. The marks are saved by the same use
//! case as a trainer's, audited under the co-facilitator's name.
//! Integrations name and revoke them through `/api/v1/sessions/{id}/facilitators`.

use askama::Template;
use aula_domain::{FieldErrors, PersonName, Problem, SessionStatus};
use aula_storage::entities::{meeting, session_facilitator};
use aula_storage::sessions::SessionRecord;
use aula_storage::{Actor, attendance, facilitators, sessions};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::roll_call::{Taker, roll_call_for, save_marks};
use crate::kit::api::ApiError;
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiJson, ApiPath, ApiQuery, CsrfForm, NoFields};
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, saved_or_form_again};
use crate::{AppError, AppResult, AppState, Ctx};

/// A co-facilitator to name.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FacilitatorInput {
    /// As the roll call's audit names them.
    #[serde(default)]
    name: String,
}

/// A co-facilitator whose link works.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacilitatorOut {
    pub id: Uuid,
    pub session_id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    /// Their personal link, only in the answer that names them: shown this
    /// once (the database keeps its hash).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl FacilitatorOut {
    fn of(row: session_facilitator::Model, url: Option<String>) -> Self {
        FacilitatorOut {
            id: row.id,
            session_id: row.session_id,
            name: row.name,
            created_at: row.created_at,
            url,
        }
    }
}

/// Names a co-facilitator of one of the organiser's sessions: the row and
/// their link, for both doors.
async fn add(ctx: &Ctx, id: Uuid, form: &FacilitatorInput) -> AppResult<FacilitatorOut> {
    let name = PersonName::parse(&form.name).map_err(|p| AppError::Invalid(FieldErrors::single("name", p)))?;
    let (row, secret) =
        aula_app::attendance::add_facilitator(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, &name).await?;
    let url = ctx.state.config.link(&format!("/facilitate/{secret}"));
    Ok(FacilitatorOut::of(row, Some(url)))
}

/// A session's co-facilitators whose links work, in the order named.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/facilitators", tag = "attendance", params(("id" = Uuid, Path)),
    responses((status = 200, body = Vec<FacilitatorOut>), (status = 403, body = ApiError),
        (status = 404, body = ApiError)))]
pub(crate) async fn list_api(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<axum::Json<Vec<FacilitatorOut>>> {
    sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let rows = facilitators::list(&ctx.state.db, id).await?;
    Ok(axum::Json(
        rows.into_iter().map(|row| FacilitatorOut::of(row, None)).collect(),
    ))
}

/// Name a co-facilitator who is not staff (issue 20): the answer carries
/// their personal link (`url`), shown this once, by which they take the
/// session's roll calls while it is open or closed.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/facilitators", tag = "attendance", params(("id" = Uuid, Path)),
    request_body = FacilitatorInput,
    responses((status = 201, body = FacilitatorOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn add_api(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<FacilitatorInput>,
) -> AppResult<Response> {
    let made = add(&ctx, id, &input).await?;
    Ok((StatusCode::CREATED, axum::Json(made)).into_response())
}

/// End a co-facilitator's link; the marks they saved stay.
#[utoipa::path(delete, path = "/api/v1/sessions/{id}/facilitators/{facilitator_id}", tag = "attendance",
    params(("id" = Uuid, Path), ("facilitator_id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn revoke_api(
    Organiser(ctx): Organiser,
    ApiPath((id, facilitator)): ApiPath<(Uuid, Uuid)>,
) -> AppResult<Response> {
    aula_app::attendance::revoke_facilitator(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, facilitator).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Template)]
#[template(path = "pages/facilitators.html")]
struct ListPage {
    c: Chrome,
    record: SessionRecord,
    facilitators: Vec<session_facilitator::Model>,
    form: FacilitatorInput,
    errors: FormErrors,
    /// A link just made, shown this once, with whose it is.
    made: Option<(String, String)>,
    /// The session is over: no link is named for it (the form says why).
    over: bool,
}

async fn list_page_of(
    ctx: &Ctx,
    id: Uuid,
    form: FacilitatorInput,
    errors: FormErrors,
    made: Option<(String, String)>,
) -> AppResult<ListPage> {
    let record = sessions::get_in(&ctx.state.db, ctx.org()?, id).await?;
    Ok(ListPage {
        over: matches!(record.status(), SessionStatus::Completed | SessionStatus::Cancelled),
        c: Chrome::new(ctx),
        facilitators: facilitators::list(&ctx.state.db, id).await?,
        record,
        form,
        errors,
        made,
    })
}

/// The session's co-facilitators, with the form that names one.
pub(crate) async fn list_page(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    render(&list_page_of(&ctx, id, FacilitatorInput::default(), FormErrors::none(), None).await?)
}

/// Names a co-facilitator: the page again, with their link shown once.
pub(crate) async fn add_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<FacilitatorInput>,
) -> AppResult<Response> {
    let outcome = add(&ctx, id, &form)
        .await
        .map(|made| (made.name, made.url.unwrap_or_default()));
    match outcome {
        Ok(made) => render(&list_page_of(&ctx, id, FacilitatorInput::default(), FormErrors::none(), Some(made)).await?),
        Err(error) => {
            saved_or_form_again(
                &ctx,
                Err::<(), _>(error),
                |_| unreachable!("refused"),
                async |errors| list_page_of(&ctx, id, form.clone(), errors, None).await,
            )
            .await
        }
    }
}

pub(crate) async fn revoke_page(
    Organiser(ctx): Organiser,
    ApiPath((id, facilitator)): ApiPath<(Uuid, Uuid)>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    aula_app::attendance::revoke_facilitator(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, facilitator).await?;
    Ok(redirect_with(
        &ctx,
        &format!("/staff/sessions/{id}/facilitators"),
        "facilitator-revoked-flash",
    ))
}

// ----- the co-facilitator's door --------------------------------------------------

/// The co-facilitator of `secret` with their session; anything else is
/// not found, as an unknown page.
async fn facilitating(state: &AppState, secret: &str) -> AppResult<(session_facilitator::Model, SessionRecord)> {
    let facilitator = facilitators::by_secret(&state.db, secret).await?;
    let record = sessions::get(&state.db, facilitator.session_id).await?;
    // A suspended organisation's sessions say so (410), as their pages do.
    crate::catalogue::branding::serving_id(state, record.session.organisation_id).await?;
    // The link takes roll calls while the session runs: a draft has not
    // begun, and corrections once it is completed or cancelled are the
    // staff's, with their reason.
    // Its holder is told which (was "page not found": session 27's round).
    match record.status() {
        SessionStatus::Open | SessionStatus::Closed => {}
        SessionStatus::Draft => return Err(AppError::Conflict(Problem::new("facilitate-not-open"))),
        SessionStatus::Completed | SessionStatus::Cancelled => {
            return Err(AppError::Gone(Problem::new("facilitate-over")));
        }
    }
    Ok((facilitator, record))
}

/// One of the session's meetings, else not found.
async fn meeting_of(state: &AppState, record: &SessionRecord, id: Uuid) -> AppResult<meeting::Model> {
    let meeting = attendance::meeting(&state.db, id).await?;
    if meeting.session_id != record.session.id {
        return Err(AppError::NotFound);
    }
    Ok(meeting)
}

#[derive(Template)]
#[template(path = "pages/facilitate.html")]
struct SessionPage {
    c: Chrome,
    facilitator: session_facilitator::Model,
    record: SessionRecord,
    base: String,
}

pub(crate) async fn session_page(ctx: Ctx, ApiPath(secret): ApiPath<String>) -> AppResult<Response> {
    let (facilitator, record) = facilitating(&ctx.state, &secret).await?;
    render(&SessionPage {
        c: Chrome::new(&ctx),
        facilitator,
        record,
        base: format!("/facilitate/{secret}"),
    })
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct AllQuery {
    #[serde(default)]
    all: String,
}

pub(crate) async fn roll_call_page(
    ctx: Ctx,
    ApiPath((secret, id)): ApiPath<(String, Uuid)>,
    ApiQuery(query): ApiQuery<AllQuery>,
) -> AppResult<Response> {
    let (_, record) = facilitating(&ctx.state, &secret).await?;
    let meeting = meeting_of(&ctx.state, &record, id).await?;
    let taker = Taker::Facilitator {
        action: format!("/facilitate/{secret}/meetings/{id}"),
    };
    render(&roll_call_for(&ctx, &taker, record, meeting, None, query.all == "present").await?)
}

pub(crate) async fn save_roll_call(
    ctx: Ctx,
    ApiPath((secret, id)): ApiPath<(String, Uuid)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (facilitator, record) = facilitating(&ctx.state, &secret).await?;
    let meeting = meeting_of(&ctx.state, &record, id).await?;
    let taker = Taker::Facilitator {
        action: format!("/facilitate/{secret}/meetings/{id}"),
    };
    let actor = Actor::system(&format!("co-facilitator {}", facilitator.name))
        .within(aula_domain::OrganisationId::from_row(record.session.organisation_id));
    let done = format!("/facilitate/{secret}");
    save_marks(&ctx, &taker, meeting, record, pairs, &actor, &done).await
}
