//! Sessions by invitation (issue 20): the private registration link an
//! organiser shares with an invited group. Its secret is shown once, when
//! it is made (the database keeps its hash); making a new one or revoking
//! it stops the old one registering anyone.

use askama::Template;
use aula_storage::sessions::SessionRecord;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiPath, CsrfForm, NoFields};
use crate::kit::pages::{Chrome, redirect_with, render};
use crate::{AppResult, Ctx};

/// A new private registration link.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationLinkOut {
    pub session_id: Uuid,
    /// The session's page with the link's secret: whoever opens it may
    /// register. Shown this once.
    pub url: String,
}

async fn renew(ctx: &Ctx, id: Uuid) -> AppResult<(SessionRecord, String)> {
    let (record, secret) =
        aula_app::sessions::renew_invitation_link(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id).await?;
    let url = ctx.state.config.link(&format!("/sessions/{id}?invitation={secret}"));
    Ok((record, url))
}

/// Make a new private registration link for a session by invitation; the
/// one before stops working. 409 for a session that is not by invitation.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/invitation-link", tag = "sessions", params(("id" = Uuid, Path)),
    responses((status = 201, body = InvitationLinkOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub(crate) async fn renew_api(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let (_, url) = renew(&ctx, id).await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(InvitationLinkOut { session_id: id, url }),
    )
        .into_response())
}

/// Revoke a session's private registration link; those it registered stay.
#[utoipa::path(delete, path = "/api/v1/sessions/{id}/invitation-link", tag = "sessions", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn revoke_api(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    aula_app::sessions::revoke_invitation_link(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Template)]
#[template(path = "pages/invitation_link.html")]
struct LinkPage {
    c: Chrome,
    record: SessionRecord,
    url: String,
}

/// The staff page's button: the new link, shown on a page of its own to copy.
pub(crate) async fn renew_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let (record, url) = renew(&ctx, id).await?;
    render(&LinkPage {
        c: Chrome::new(&ctx),
        record,
        url,
    })
}

pub(crate) async fn revoke_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    aula_app::sessions::revoke_invitation_link(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id).await?;
    Ok(redirect_with(
        &ctx,
        &format!("/staff/sessions/{id}"),
        "invitation-link-revoked-flash",
    ))
}
