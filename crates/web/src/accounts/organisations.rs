//! Organisations (issue 17): platform administrators make them and add
//! their members. Everything else an organisation owns is its staff's.

use aula_app::organisations as use_case;
use aula_domain::{Email, FieldErrors, OrganisationSlug, Role, SessionTimeZone, Text};
use aula_storage::entities::organisation;
use aula_storage::organisations::{self, NewOrganisation};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::context::Admin;
use crate::kit::extract::{ApiJson, ApiPath};
use crate::{AppError, AppResult};

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationInput {
    /// Its name in addresses (`/o/{slug}/`): lower-case letters, digits and
    /// single hyphens, 2 to 40 characters.
    pub slug: String,
    pub name: String,
    /// An IANA time zone; `UTC` when empty.
    #[serde(default)]
    pub time_zone: String,
    #[serde(default)]
    pub contact_email: String,
}

impl TryFrom<&OrganisationInput> for NewOrganisation {
    type Error = FieldErrors;

    fn try_from(input: &OrganisationInput) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::new();
        let slug = errors.take("slug", OrganisationSlug::parse(&input.slug));
        let name = errors.take("name", Text::<200>::parse(&input.name));
        let zone = if input.time_zone.trim().is_empty() {
            Some("UTC".to_owned())
        } else {
            errors
                .take("time_zone", SessionTimeZone::parse(&input.time_zone))
                .map(|z| z.to_string())
        };
        let contact = if input.contact_email.trim().is_empty() {
            Some(None)
        } else {
            errors
                .take("contact_email", Email::parse(&input.contact_email))
                .map(|e| Some(e.to_string()))
        };
        let (Some(slug), Some(name), Some(time_zone), Some(contact_email)) = (slug, name, zone, contact) else {
            return Err(errors);
        };
        Ok(NewOrganisation {
            slug,
            name: name.into_inner(),
            time_zone,
            contact_email,
        })
    }
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationOut {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub time_zone: String,
    /// `active` or `suspended`.
    pub status: String,
    pub contact_email: Option<String>,
}

impl From<organisation::Model> for OrganisationOut {
    fn from(o: organisation::Model) -> Self {
        OrganisationOut {
            id: o.id,
            slug: o.slug,
            name: o.name,
            time_zone: o.time_zone,
            status: o.status.as_str().to_owned(),
            contact_email: o.contact_email,
        }
    }
}

/// Every organisation of the instance (platform administrators).
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations",
    responses((status = 200, body = Vec<OrganisationOut>), (status = 403, body = ApiError)))]
pub(crate) async fn list(Admin(ctx): Admin) -> AppResult<axum::Json<Vec<OrganisationOut>>> {
    Ok(axum::Json(
        organisations::list(&ctx.state.db)
            .await?
            .into_iter()
            .map(OrganisationOut::from)
            .collect(),
    ))
}

/// Add an organisation (platform administrators).
#[utoipa::path(post, path = "/api/v1/organisations", tag = "organisations", request_body = OrganisationInput,
    responses((status = 201, body = OrganisationOut), (status = 403, body = ApiError),
        (status = 422, body = ApiError)))]
pub(crate) async fn create(Admin(ctx): Admin, ApiJson(input): ApiJson<OrganisationInput>) -> AppResult<Response> {
    let new = NewOrganisation::try_from(&input).map_err(AppError::Invalid)?;
    let created = use_case::create(&ctx.state.app(), &ctx.actor()?, &new).await?;
    Ok((StatusCode::CREATED, axum::Json(OrganisationOut::from(created))).into_response())
}

#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberInput {
    /// A staff user's e-mail.
    pub email: String,
    /// `organiser` or `trainer`.
    pub role: String,
}

/// A member's e-mail and role as a form or the API gives them: a staff
/// role an organisation's member may hold.
pub(crate) fn member_of(email: &str, role: &str) -> Result<(Email, Role), FieldErrors> {
    let mut errors = FieldErrors::new();
    let email = errors.take("email", Email::parse(email));
    let role = errors.take("role", Role::parse(role).and_then(use_case::member_role));
    match (email, role) {
        (Some(email), Some(role)) => Ok((email, role)),
        _ => Err(errors),
    }
}

#[derive(Serialize, ToSchema)]
pub struct MemberOut {
    pub organisation_id: Uuid,
    pub user_id: Uuid,
    pub role: String,
}

/// Give a staff user a role in an organisation (platform administrators).
#[utoipa::path(post, path = "/api/v1/organisations/{id}/members", tag = "organisations",
    params(("id" = Uuid, Path)), request_body = MemberInput,
    responses((status = 200, body = MemberOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn add_member(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<MemberInput>,
) -> AppResult<axum::Json<MemberOut>> {
    let org = organisations::id(&organisations::get(&ctx.state.db, aula_domain::OrganisationId::from_row(id)).await?);
    let (email, role) = member_of(&input.email, &input.role)?;
    let user_id = use_case::add_member(&ctx.state.app(), &ctx.actor()?, org, &email, role).await?;
    Ok(axum::Json(MemberOut {
        organisation_id: org.uuid(),
        user_id,
        role: role.as_str().to_owned(),
    }))
}
