//! Regions: where venues are and participants come from. Admins manage them;
//! anyone may list them (the catalogue filters by region).

use askama::Template;
use aula_domain::{FieldErrors, Role, Text};
use aula_storage::entities::region;
use aula_storage::regions;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::context::Admin;
use crate::kit::extract::{ApiJson, CsrfForm};
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, saved_or_form_again};
use crate::{AppResult, AppState, Ctx};

#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionInput {
    /// A short stable code, such as ISO 3166-2 `ES-AN`.
    pub code: String,
    pub name: String,
}

struct RegionDetails {
    code: Text<20>,
    name: Text<100>,
}

impl TryFrom<&RegionInput> for RegionDetails {
    type Error = FieldErrors;

    fn try_from(input: &RegionInput) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::new();
        let code = errors.take("code", Text::parse(&input.code.to_uppercase()));
        let name = errors.take("name", Text::parse(&input.name));
        let (Some(code), Some(name)) = (code, name) else {
            return Err(errors);
        };
        Ok(RegionDetails { code, name })
    }
}

#[derive(Serialize, ToSchema)]
pub struct RegionOut {
    pub id: Uuid,
    pub code: String,
    pub name: String,
}

impl From<region::Model> for RegionOut {
    fn from(r: region::Model) -> Self {
        RegionOut {
            id: r.id,
            code: r.code,
            name: r.name,
        }
    }
}

/// Every region, by name.
#[utoipa::path(get, path = "/api/v1/regions", tag = "regions", security(()), responses((status = 200, body = Vec<RegionOut>)))]
pub(crate) async fn list(State(state): State<AppState>) -> AppResult<axum::Json<Vec<RegionOut>>> {
    Ok(axum::Json(
        regions::list(&state.db)
            .await?
            .into_iter()
            .map(RegionOut::from)
            .collect(),
    ))
}

async fn add(ctx: &Ctx, input: &RegionInput) -> AppResult<region::Model> {
    let details = RegionDetails::try_from(input)?;
    Ok(aula_app::catalogue::add_region(
        &ctx.state.app(),
        &ctx.actor()?,
        details.code.as_str(),
        details.name.as_str(),
    )
    .await?)
}

/// Add a region (admins).
#[utoipa::path(post, path = "/api/v1/regions", tag = "regions", request_body = RegionInput,
    responses((status = 201, body = RegionOut), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn create(Admin(ctx): Admin, ApiJson(input): ApiJson<RegionInput>) -> AppResult<Response> {
    let created = add(&ctx, &input).await?;
    Ok((StatusCode::CREATED, axum::Json(RegionOut::from(created))).into_response())
}

#[derive(Template)]
#[template(path = "pages/regions.html")]
struct ListPage {
    c: Chrome,
    regions: Vec<region::Model>,
    form: RegionInput,
    errors: FormErrors,
}

pub(crate) async fn list_page(ctx: Ctx) -> AppResult<Response> {
    ctx.require(&[Role::Admin])?;
    let regions = regions::list(&ctx.state.db).await?;
    render(&ListPage {
        c: Chrome::new(&ctx),
        regions,
        form: RegionInput::default(),
        errors: FormErrors::none(),
    })
}

pub(crate) async fn create_page(Admin(ctx): Admin, CsrfForm(form): CsrfForm<RegionInput>) -> AppResult<Response> {
    let outcome = add(&ctx, &form).await;
    saved_or_form_again(
        &ctx,
        outcome,
        |_| redirect_with(&ctx, "/admin/regions", "flash-saved"),
        async |errors| {
            Ok(ListPage {
                c: Chrome::new(&ctx),
                regions: regions::list(&ctx.state.db).await?,
                form,
                errors,
            })
        },
    )
    .await
}
