//! Accrediting bodies, such as a university. Admins and organisers manage them.

use askama::Template;
use aula_domain::details::AccreditationBodyDetails;
use aula_domain::{BodyCode, FieldErrors, Role, Text, Url};
use aula_storage::bodies;
use aula_storage::entities::accreditation_body;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::context::AdminOrOrganiser;
use crate::kit::extract::{ApiJson, CsrfForm};
use crate::kit::input;
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, saved_or_form_again};
use crate::{AppResult, AppState, Ctx};

const STAFF: &[Role] = &[Role::Admin, Role::Organiser];

#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BodyInput {
    pub name: String,
    /// 2 to 10 letters or digits, used in certificate numbers (`ULE-2026-000123`).
    pub code: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub website: String,
}

impl TryFrom<&BodyInput> for AccreditationBodyDetails {
    type Error = FieldErrors;

    fn try_from(input: &BodyInput) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::new();
        let name = errors.take("name", Text::parse(&input.name));
        let code = errors.take("code", BodyCode::parse(&input.code));
        let website = errors.take("website", Url::parse_optional(&input.website));
        let (Some(name), Some(code), Some(website)) = (name, code, website) else {
            return Err(errors);
        };
        Ok(AccreditationBodyDetails { name, code, website })
    }
}

#[derive(Serialize, ToSchema)]
pub struct BodyOut {
    pub id: Uuid,
    pub name: String,
    pub code: String,
    pub website: Option<String>,
    /// The SHA-256 of its logo, drawn on the certificates it accredits (issue 19).
    pub logo_sha256: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<accreditation_body::Model> for BodyOut {
    fn from(b: accreditation_body::Model) -> Self {
        BodyOut {
            id: b.id,
            name: b.name,
            code: b.code,
            website: b.website,
            logo_sha256: b.logo_sha256,
            created_at: b.created_at,
        }
    }
}

/// Every accrediting body (an organisation works with a handful).
#[utoipa::path(get, path = "/api/v1/accreditation-bodies", tag = "accreditation-bodies",
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = Vec<BodyOut>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub(crate) async fn list(ctx: Ctx, State(state): State<AppState>) -> AppResult<axum::Json<Vec<BodyOut>>> {
    ctx.require(STAFF)?;
    Ok(axum::Json(
        bodies::list(&state.db).await?.into_iter().map(BodyOut::from).collect(),
    ))
}

async fn add(ctx: &Ctx, state: &AppState, input: &BodyInput) -> AppResult<accreditation_body::Model> {
    let details = AccreditationBodyDetails::try_from(input)?;
    Ok(bodies::create(&state.db, &ctx.actor()?, &details).await?)
}

/// Add an accrediting body.
#[utoipa::path(post, path = "/api/v1/accreditation-bodies", tag = "accreditation-bodies", request_body = BodyInput,
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 201, body = BodyOut), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 422, body = ApiError)))]
pub(crate) async fn create(
    AdminOrOrganiser(ctx): AdminOrOrganiser,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<BodyInput>,
) -> AppResult<Response> {
    let body = add(&ctx, &state, &input).await?;
    Ok((StatusCode::CREATED, axum::Json(BodyOut::from(body))).into_response())
}

#[derive(Template)]
#[template(path = "pages/bodies.html")]
struct ListPage {
    c: Chrome,
    bodies: Vec<accreditation_body::Model>,
    form: BodyInput,
    errors: FormErrors,
}

pub(crate) async fn list_page(ctx: Ctx, State(state): State<AppState>) -> AppResult<Response> {
    ctx.require(STAFF)?;
    let bodies = bodies::list(&state.db).await?;
    render(&ListPage {
        c: Chrome::new(&ctx),
        bodies,
        form: BodyInput::default(),
        errors: FormErrors::none(),
    })
}

pub(crate) async fn create_page(
    AdminOrOrganiser(ctx): AdminOrOrganiser,
    State(state): State<AppState>,
    CsrfForm(form): CsrfForm<BodyInput>,
) -> AppResult<Response> {
    let outcome = add(&ctx, &state, &form).await;
    saved_or_form_again(
        &ctx,
        outcome,
        |_| redirect_with(&ctx, "/staff/accreditation-bodies", "flash-saved"),
        async |errors| {
            Ok(ListPage {
                c: Chrome::new(&ctx),
                bodies: bodies::list(&state.db).await?,
                form,
                errors,
            })
        },
    )
    .await
}
