//! A platform administrator's API on one organisation (issue 17): read and
//! change its settings, branding and status, list and remove its members,
//! upload its logo. Every change is a use case of `aula_app::organisations`.

use aula_app::organisations::{self as use_case, Change};
use aula_domain::organisation::OrganisationSettings;
use aula_domain::{
    AccentColour, Email, FieldErrors, Language, Logo, OrganisationId, OrganisationStatus, Problem, Role,
    SessionTimeZone, Text,
};
use aula_storage::entities::organisation;
use aula_storage::organisations;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::context::Admin;
use crate::kit::extract::{ApiJson, ApiPath};
use crate::kit::input;
use crate::{AppError, AppResult, AppState};

/// What may be changed of an organisation (its slug stays). In a `PATCH`,
/// any of these fields; empty optional texts clear them.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationChangeInput {
    #[serde(default, deserialize_with = "input::loose_text")]
    pub name: String,
    /// An IANA time zone.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub time_zone: String,
    /// Language codes (`fr`, `es`, `en`, `ar`), one at least.
    #[serde(default, deserialize_with = "input::loose_list")]
    pub languages: Vec<String>,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub contact_email: String,
    /// The display name of its e-mails' sender; empty: the instance's.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub mail_sender_name: String,
    /// Where replies to its e-mails go; empty: nowhere in particular.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub reply_to: String,
    /// `#rrggbb`, at least 4.5:1 against white; empty: Aula's colours.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub accent_colour: String,
    /// `active` or `suspended`.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub status: String,
}

impl From<&organisation::Model> for OrganisationChangeInput {
    fn from(o: &organisation::Model) -> Self {
        OrganisationChangeInput {
            name: o.name.clone(),
            time_zone: o.time_zone.clone(),
            languages: languages_of(o),
            contact_email: o.contact_email.clone().unwrap_or_default(),
            mail_sender_name: o.mail_sender_name.clone().unwrap_or_default(),
            reply_to: o.reply_to.clone().unwrap_or_default(),
            accent_colour: o.accent_colour.clone().unwrap_or_default(),
            status: o.status.as_str().to_owned(),
        }
    }
}

pub(crate) fn languages_of(o: &organisation::Model) -> Vec<String> {
    o.languages
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn optional<T>(
    errors: &mut FieldErrors,
    field: &str,
    input: &str,
    parse: impl FnOnce(&str) -> Result<T, Problem>,
) -> Option<Option<T>> {
    if input.trim().is_empty() {
        Some(None)
    } else {
        errors.take(field, parse(input)).map(Some)
    }
}

impl OrganisationChangeInput {
    /// The settings part (the administrator's settings form sends only these).
    pub(crate) fn settings(&self) -> Result<OrganisationSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.take("name", Text::<200>::parse(&self.name));
        let time_zone = errors.take("time_zone", SessionTimeZone::parse(&self.time_zone));
        let languages = errors.take(
            "languages",
            if self.languages.is_empty() {
                Err(Problem::required())
            } else {
                self.languages
                    .iter()
                    .map(|l| Language::parse(l))
                    .collect::<Result<Vec<_>, Problem>>()
            },
        );
        let contact_email = optional(&mut errors, "contact_email", &self.contact_email, Email::parse);
        let sender = optional(
            &mut errors,
            "mail_sender_name",
            &self.mail_sender_name,
            aula_domain::organisation::sender_name,
        );
        let reply_to = optional(&mut errors, "reply_to", &self.reply_to, Email::parse);
        let (Some(name), Some(time_zone), Some(languages), Some(contact_email), Some(mail_sender_name), Some(reply_to)) =
            (name, time_zone, languages, contact_email, sender, reply_to)
        else {
            return Err(errors);
        };
        Ok(OrganisationSettings {
            name,
            time_zone,
            languages,
            contact_email,
            mail_sender_name,
            reply_to,
        })
    }

    /// Everything: settings, colour and status.
    fn change(&self) -> Result<Change, FieldErrors> {
        let settings = self.settings();
        let mut errors = settings.clone().err().unwrap_or_default();
        let accent = optional(&mut errors, "accent_colour", &self.accent_colour, AccentColour::parse);
        let status = errors.take("status", OrganisationStatus::parse(&self.status));
        let (Ok(settings), Some(accent), Some(status)) = (settings, accent, status) else {
            return Err(errors);
        };
        Ok(Change {
            settings: Some(settings),
            accent: Some(accent),
            status: Some(status),
        })
    }
}

/// An organisation, all of what an administrator sets.
#[derive(Serialize, ToSchema)]
pub struct OrganisationDetailOut {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub time_zone: String,
    pub languages: Vec<String>,
    /// `active` or `suspended`.
    pub status: String,
    pub contact_email: Option<String>,
    pub mail_sender_name: Option<String>,
    pub reply_to: Option<String>,
    pub accent_colour: Option<String>,
    /// Where its logo is served, when it has one.
    pub logo_url: Option<String>,
}

impl From<organisation::Model> for OrganisationDetailOut {
    fn from(o: organisation::Model) -> Self {
        OrganisationDetailOut {
            languages: languages_of(&o),
            logo_url: o.logo_content_type.as_ref().map(|_| format!("/o/{}/logo", o.slug)),
            id: o.id,
            slug: o.slug,
            name: o.name,
            time_zone: o.time_zone,
            status: o.status.as_str().to_owned(),
            contact_email: o.contact_email,
            mail_sender_name: o.mail_sender_name,
            reply_to: o.reply_to,
            accent_colour: o.accent_colour,
        }
    }
}

pub(crate) async fn find(state: &AppState, id: Uuid) -> AppResult<organisation::Model> {
    Ok(organisations::get(&state.db, OrganisationId::from_row(id)).await?)
}

/// One organisation (platform administrators).
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "organisations", params(("id" = Uuid, Path)),
    responses((status = 200, body = OrganisationDetailOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError)))]
pub(crate) async fn show(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<axum::Json<OrganisationDetailOut>> {
    Ok(axum::Json(find(&ctx.state, id).await?.into()))
}

/// Change an organisation's settings, accent colour or status — `suspended`
/// closes its public pages (410) and its staff's access (platform administrators).
#[utoipa::path(patch, path = "/api/v1/organisations/{id}", tag = "organisations", params(("id" = Uuid, Path)),
    request_body(content = serde_json::Value, description = "Any fields of OrganisationChangeInput"),
    responses((status = 200, body = OrganisationDetailOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn update(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> AppResult<axum::Json<OrganisationDetailOut>> {
    let current = find(&ctx.state, id).await?;
    let input = input::merge(&OrganisationChangeInput::from(&current), patch)?;
    let change = input.change().map_err(AppError::Invalid)?;
    let changed = use_case::change(&ctx.state.app(), &ctx.actor()?, organisations::id(&current), &change).await?;
    Ok(axum::Json(changed.into()))
}

/// A member of an organisation.
#[derive(Serialize, ToSchema)]
pub struct MemberDetailOut {
    pub user_id: Uuid,
    pub email: String,
    pub name: String,
    /// `organiser` or `trainer`.
    pub role: String,
    /// Whether their account may sign in.
    pub active: bool,
}

/// Who works in an organisation, as what (platform administrators).
#[utoipa::path(get, path = "/api/v1/organisations/{id}/members", tag = "organisations", params(("id" = Uuid, Path)),
    responses((status = 200, body = Vec<MemberDetailOut>), (status = 403, body = ApiError),
        (status = 404, body = ApiError)))]
pub(crate) async fn members(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<axum::Json<Vec<MemberDetailOut>>> {
    let org = find(&ctx.state, id).await?;
    let members = organisations::staff(&ctx.state.db, organisations::id(&org)).await?;
    Ok(axum::Json(
        members
            .into_iter()
            .map(|m| MemberDetailOut {
                user_id: m.user_id,
                email: m.email,
                name: m.name,
                role: m.role.as_str().to_owned(),
                active: m.active,
            })
            .collect(),
    ))
}

/// Take a role in an organisation from a staff member (platform administrators).
#[utoipa::path(delete, path = "/api/v1/organisations/{id}/members/{user_id}/{role}", tag = "organisations",
    params(("id" = Uuid, Path), ("user_id" = Uuid, Path), ("role" = String, Path, description = "`organiser` or `trainer`")),
    responses((status = 204), (status = 403, body = ApiError),
        (status = 404, body = ApiError, description = "No such organisation, or they do not hold that role in it")))]
pub(crate) async fn remove_member(
    Admin(ctx): Admin,
    ApiPath((id, user_id, role)): ApiPath<(Uuid, Uuid, String)>,
) -> AppResult<Response> {
    let org = find(&ctx.state, id).await?;
    let role = Role::parse(&role).map_err(|_| AppError::NotFound)?;
    use_case::remove_member(&ctx.state.app(), &ctx.actor()?, organisations::id(&org), user_id, role).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A logo as uploaded: checked for its type and content, then as the
/// certificates will draw it (issue 19: they print the organisation's logo),
/// so a logo that pages would show but a certificate could not draw is
/// refused now rather than missing later.
pub(crate) fn parse_logo(bytes: &[u8]) -> Result<Logo, Problem> {
    let logo = Logo::parse(bytes.to_vec())?;
    let kind = match logo.kind {
        aula_domain::LogoKind::Png => aula_documents::image::ImageKind::Png,
        aula_domain::LogoKind::Svg => aula_documents::image::ImageKind::Svg,
    };
    super::issuer::checked_picture(&logo.bytes, Some(kind))?;
    Ok(logo)
}

/// Replace an organisation's logo: the file itself as the body,
/// `Content-Type: image/png` or `image/svg+xml`, at most 256 KiB; an SVG
/// with scripts, event attributes, `foreignObject` or references outside
/// itself is refused (platform administrators).
#[utoipa::path(put, path = "/api/v1/organisations/{id}/logo", tag = "organisations", params(("id" = Uuid, Path)),
    request_body(content = Vec<u8>, content_type = "image/png"),
    responses((status = 200, body = OrganisationDetailOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 413, body = ApiError), (status = 415, body = ApiError),
        (status = 422, body = ApiError)))]
pub(crate) async fn put_logo(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<Response> {
    let org = find(&ctx.state, id).await?;
    let declared = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| aula_domain::LogoKind::from_content_type(v.split(';').next().unwrap_or_default().trim()))
        .ok_or(AppError::UnsupportedMediaType("image/png, image/svg+xml"))?;
    let bytes = crate::kit::upload::body_bytes(body)?;
    let logo = match parse_logo(&bytes) {
        Ok(logo) if logo.kind == declared => logo,
        Ok(_) => return Err(AppError::invalid("logo", "error-logo-format")),
        Err(problem) => return Err(AppError::Invalid(FieldErrors::single("logo", problem))),
    };
    let changed = use_case::set_logo(&ctx.state.app(), &ctx.actor()?, organisations::id(&org), Some(&logo)).await?;
    Ok(axum::Json(OrganisationDetailOut::from(changed)).into_response())
}

/// Remove an organisation's logo (platform administrators).
#[utoipa::path(delete, path = "/api/v1/organisations/{id}/logo", tag = "organisations", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn delete_logo(Admin(ctx): Admin, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let org = find(&ctx.state, id).await?;
    use_case::set_logo(&ctx.state.app(), &ctx.actor()?, organisations::id(&org), None).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
