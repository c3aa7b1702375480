//! A programme's funders' logos (issue 20): each funder may have one (PNG
//! or SVG, checked as an organisation's logo is), printed at the foot of
//! the certificates issued from then on and on the programme's reports.
//! A funder is named by its place in the programme's order, from 1; its
//! logo follows its name when the funders are reordered.

use aula_app::catalogue as use_case;
use aula_domain::Problem;
use aula_storage::programmes;
use axum::body::Bytes;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use super::programmes::{FunderOut, ProgrammeInput};
use crate::accounts::issuer::{picture_of_body, serve_picture};
use crate::accounts::organisation_admin::parse_logo;
use crate::kit::api::ApiError;
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiPath, CsrfForm, NoFields};
use crate::kit::forms::EditForm;
use crate::kit::pages::{FormErrors, redirect_with, render_invalid};
use crate::kit::upload::read_upload;
use crate::{AppError, AppResult, Ctx};

/// The funder's place from 0, from its place from 1 in the address.
fn index(position: u32) -> AppResult<i32> {
    position
        .checked_sub(1)
        .and_then(|i| i32::try_from(i).ok())
        .ok_or(AppError::NotFound)
}

/// Replace the logo of a programme's funder (its place from 1), printed on
/// the certificates issued from then on and on the programme's reports:
/// the picture itself as the body, PNG or SVG (organisers).
#[utoipa::path(put, path = "/api/v1/programmes/{id}/funders/{position}/logo", tag = "programmes",
    params(("id" = Uuid, Path), ("position" = u32, Path, description = "The funder's place, from 1")),
    request_body(content = Vec<u8>, content_type = "image/png"),
    responses((status = 200, body = FunderOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 413, body = ApiError), (status = 415, body = ApiError),
        (status = 422, body = ApiError)))]
pub(crate) async fn put_logo_api(
    Organiser(ctx): Organiser,
    ApiPath((id, position)): ApiPath<(Uuid, u32)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<axum::Json<FunderOut>> {
    let position = index(position)?;
    programmes::get(&ctx.state.db, ctx.org()?, id).await?;
    let picture = picture_of_body(&headers, body, "logo")?;
    let funder = use_case::set_funder_logo(
        &ctx.state.app(),
        &ctx.actor()?,
        ctx.org()?,
        id,
        position,
        Some(&picture),
    )
    .await?;
    Ok(axum::Json(FunderOut::from(funder)))
}

/// Remove the logo of a programme's funder (organisers).
#[utoipa::path(delete, path = "/api/v1/programmes/{id}/funders/{position}/logo", tag = "programmes",
    params(("id" = Uuid, Path), ("position" = u32, Path, description = "The funder's place, from 1")),
    responses((status = 204), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn delete_logo_api(
    Organiser(ctx): Organiser,
    ApiPath((id, position)): ApiPath<(Uuid, u32)>,
) -> AppResult<Response> {
    let position = index(position)?;
    use_case::set_funder_logo(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, position, None).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The logo itself, for the programme's page and reports (its organisation's staff).
pub(crate) async fn logo(
    Organiser(ctx): Organiser,
    ApiPath((id, position)): ApiPath<(Uuid, u32)>,
) -> AppResult<Response> {
    let position = index(position)?;
    programmes::get(&ctx.state.db, ctx.org()?, id).await?;
    let funder = programmes::funders(&ctx.state.db, id)
        .await?
        .into_iter()
        .find(|f| f.position == position)
        .ok_or(AppError::NotFound)?;
    serve_picture(&ctx.state, funder.logo_sha256.as_deref()).await
}

fn back(ctx: &Ctx, id: Uuid, flash: &str) -> Response {
    redirect_with(ctx, &format!("/staff/programmes/{id}#funder-logos"), flash)
}

/// The programme page's upload: a file, checked as the API's.
pub(crate) async fn upload_page(
    Organiser(ctx): Organiser,
    ApiPath((id, position)): ApiPath<(Uuid, u32)>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let position = index(position)?;
    programmes::get(&ctx.state.db, ctx.org()?, id).await?;
    let logo = match read_upload(&ctx, multipart).await? {
        None => Err(Problem::required()),
        Some((_, bytes)) => parse_logo(&bytes),
    };
    match logo {
        Ok(logo) => {
            use_case::set_funder_logo(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, position, Some(&logo)).await?;
            Ok(back(&ctx, id, "funder-logo-saved"))
        }
        // The programme's page again, the problem beside the funder's file
        // (it was a bare error page naming the field `file`, in English:
        // session 27's attack round).
        Err(problem) => {
            let funders = programmes::funders(&ctx.state.db, id).await?;
            if !funders.iter().any(|f| f.position == position) {
                return Err(AppError::NotFound);
            }
            let form = ProgrammeInput::current(&ctx, id).await?;
            let mut page = ProgrammeInput::page(&ctx, Some(id), form, FormErrors::none()).await?;
            page.logo_problem = Some((position, ctx.tr().problem(&problem)));
            render_invalid(&page)
        }
    }
}

pub(crate) async fn remove_page(
    Organiser(ctx): Organiser,
    ApiPath((id, position)): ApiPath<(Uuid, u32)>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let position = index(position)?;
    use_case::set_funder_logo(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, position, None).await?;
    Ok(back(&ctx, id, "funder-logo-removed"))
}
