//! Accrediting bodies, such as a university. Admins and organisers manage them.

use askama::Template;
use aula_domain::details::AccreditationBodyDetails;
use aula_domain::{BodyCode, FieldErrors, Role, Text, Url};
use aula_storage::bodies;
use aula_storage::entities::accreditation_body;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::context::{Admin, AdminOrOrganiser};
use crate::kit::extract::{ApiJson, ApiPath, CsrfForm};
use crate::kit::input;
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, saved_or_form_again};
use crate::{AppError, AppResult, Ctx};

const STAFF: &[Role] = &[Role::Admin, Role::Organiser];

#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BodyInput {
    pub name: String,
    /// 2 to 10 letters or digits, used in certificate numbers (`ULE-2026-000123`).
    pub code: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub website: String,
    /// What its register calls the identifier it asks of the people on its
    /// courses (a national ID number, a staff number; issue 20). When
    /// given, people registering themselves for one of its courses must
    /// give it, and only its accreditors see it. Empty: it asks for none.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub identifier_label: String,
}

impl TryFrom<&BodyInput> for AccreditationBodyDetails {
    type Error = FieldErrors;

    fn try_from(input: &BodyInput) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::new();
        let name = errors.take("name", Text::parse(&input.name));
        let code = errors.take("code", BodyCode::parse(&input.code));
        let website = errors.take("website", Url::parse_optional(&input.website));
        let identifier_label = errors.take("identifier_label", Text::parse_optional(&input.identifier_label));
        let (Some(name), Some(code), Some(website), Some(identifier_label)) = (name, code, website, identifier_label)
        else {
            return Err(errors);
        };
        Ok(AccreditationBodyDetails {
            name,
            code,
            website,
            identifier_label,
        })
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
    /// The identifier it asks of people on its courses (issue 20), if any.
    pub identifier_label: Option<String>,
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
            identifier_label: b.identifier_label,
            created_at: b.created_at,
        }
    }
}

/// Every accrediting body (an organisation works with a handful).
#[utoipa::path(get, path = "/api/v1/accreditation-bodies", tag = "accreditation-bodies",
    responses((status = 200, body = Vec<BodyOut>), (status = 403, body = ApiError)))]
pub(crate) async fn list(ctx: Ctx) -> AppResult<axum::Json<Vec<BodyOut>>> {
    ctx.require(STAFF)?;
    Ok(axum::Json(
        bodies::list(&ctx.state.db)
            .await?
            .into_iter()
            .map(BodyOut::from)
            .collect(),
    ))
}

async fn add(ctx: &Ctx, input: &BodyInput) -> AppResult<accreditation_body::Model> {
    let details = AccreditationBodyDetails::try_from(input)?;
    Ok(aula_app::catalogue::save_body(&ctx.state.app(), &ctx.actor()?, None, &details).await?)
}

/// Add an accrediting body.
#[utoipa::path(post, path = "/api/v1/accreditation-bodies", tag = "accreditation-bodies", request_body = BodyInput,
    responses((status = 201, body = BodyOut), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn create(
    AdminOrOrganiser(ctx): AdminOrOrganiser,
    ApiJson(input): ApiJson<BodyInput>,
) -> AppResult<Response> {
    let body = add(&ctx, &input).await?;
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

pub(crate) async fn list_page(ctx: Ctx) -> AppResult<Response> {
    ctx.require(STAFF)?;
    let bodies = bodies::list(&ctx.state.db).await?;
    render(&ListPage {
        c: Chrome::new(&ctx),
        bodies,
        form: BodyInput::default(),
        errors: FormErrors::none(),
    })
}

pub(crate) async fn create_page(
    AdminOrOrganiser(ctx): AdminOrOrganiser,
    CsrfForm(form): CsrfForm<BodyInput>,
) -> AppResult<Response> {
    let outcome = add(&ctx, &form).await;
    saved_or_form_again(
        &ctx,
        outcome,
        |_| redirect_with(&ctx, "/staff/accreditation-bodies", "flash-saved"),
        async |errors| {
            Ok(ListPage {
                c: Chrome::new(&ctx),
                bodies: bodies::list(&ctx.state.db).await?,
                form,
                errors,
            })
        },
    )
    .await
}

/// A correction to an accrediting body: each field given replaces its value
/// (an empty `website` or `identifier_label` removes it); one left out
/// stays. Its code does not change: one sent must be the body's.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BodyChange {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    /// What its register calls the identifier it asks of the people on its
    /// courses (issue 20); empty: it asks for none.
    #[serde(default)]
    pub identifier_label: Option<String>,
}

/// Correct an accrediting body (admins: bodies are the instance's, shared
/// by its organisations): its name, website and the identifier it asks for
/// (issue 20). Its code is in certificate numbers already issued.
#[utoipa::path(patch, path = "/api/v1/accreditation-bodies/{id}", tag = "accreditation-bodies",
    params(("id" = Uuid, Path)), request_body = BodyChange,
    responses((status = 200, body = BodyOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn update(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(change): ApiJson<BodyChange>,
) -> AppResult<axum::Json<BodyOut>> {
    let body = bodies::get(&ctx.state.db, id).await?;
    if change
        .code
        .as_deref()
        .is_some_and(|code| !code.trim().eq_ignore_ascii_case(&body.code))
    {
        return Err(AppError::Invalid(FieldErrors::single(
            "code",
            aula_domain::Problem::new("error-body-code-fixed"),
        )));
    }
    let input = BodyInput {
        name: change.name.unwrap_or(body.name),
        code: body.code,
        website: change.website.or(body.website).unwrap_or_default(),
        identifier_label: change.identifier_label.or(body.identifier_label).unwrap_or_default(),
    };
    Ok(axum::Json(BodyOut::from(change_body(&ctx, id, &input).await?)))
}

async fn change_body(ctx: &Ctx, id: Uuid, input: &BodyInput) -> AppResult<accreditation_body::Model> {
    let details = AccreditationBodyDetails::try_from(input)?;
    Ok(aula_app::catalogue::save_body(&ctx.state.app(), &ctx.actor()?, Some(id), &details).await?)
}

#[derive(Template)]
#[template(path = "pages/body_form.html")]
struct EditPage {
    c: Chrome,
    /// The body as it is stored, for the heading: a refused form shows
    /// what was typed in its fields, not as its name.
    name: String,
    code: String,
    form: BodyInput,
    errors: FormErrors,
}

pub(crate) async fn edit_page(Admin(ctx): Admin, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let body = bodies::get(&ctx.state.db, id).await?;
    render(&EditPage {
        c: Chrome::new(&ctx),
        name: body.name.clone(),
        code: body.code.clone(),
        form: BodyInput {
            name: body.name,
            code: body.code,
            website: body.website.unwrap_or_default(),
            identifier_label: body.identifier_label.unwrap_or_default(),
        },
        errors: FormErrors::none(),
    })
}

pub(crate) async fn edit(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(sent): CsrfForm<BodyChange>,
) -> AppResult<Response> {
    // The page sends every field but the code, which does not change.
    let body = bodies::get(&ctx.state.db, id).await?;
    let form = BodyInput {
        name: sent.name.unwrap_or_default(),
        code: body.code.clone(),
        website: sent.website.unwrap_or_default(),
        identifier_label: sent.identifier_label.unwrap_or_default(),
    };
    let outcome = change_body(&ctx, id, &form).await;
    saved_or_form_again(
        &ctx,
        outcome,
        |_| redirect_with(&ctx, "/staff/accreditation-bodies", "flash-saved"),
        async |errors| {
            Ok(EditPage {
                c: Chrome::new(&ctx),
                name: body.name,
                code: body.code,
                form,
                errors,
            })
        },
    )
    .await
}
