//! The issuer's identity on certificates (issue 19), as an organisation's
//! organisers set it: its legal name, address, website and default
//! signatory, its signatories with their signatures, who signs which course
//! or session; and an accrediting body's logo. The API's operations and the
//! page `/staff/organisation/issuer` are doors onto `aula_app::issuer`.
//! Pictures are checked here with `aula_documents::image::check_image`
//! (the check the certificate relies on to draw them) before they are kept.

use askama::Template;
use aula_app::issuer as use_case;
use aula_documents::image::{ImageError, ImageKind, MAX_IMAGE_BYTES, MAX_IMAGE_SIDE, MAX_SVG_ELEMENTS, check_image};
use aula_domain::issuer::{IssuerIdentity, SignatoryDetails, optional_id};
use aula_domain::{FieldErrors, Logo, LogoKind, OrganisationId, Problem};
use aula_storage::entities::{course, organisation, signatory};
use aula_storage::issuer::{self, Signs};
use aula_storage::{courses, organisations};
use axum::body::Bytes;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::BytesRejection;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::context::{Admin, Organiser};
use crate::kit::extract::{ApiJson, ApiPath, CsrfForm, NoFields};
use crate::kit::input;
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, render_invalid, saved_or_page_again};
use crate::kit::upload::read_upload;
use crate::{AppError, AppResult, AppState, Ctx};

// ----- pictures ----------------------------------------------------------------

/// Why a picture was refused, as a message for the person who sent it.
pub(crate) fn image_problem(error: &ImageError) -> Problem {
    match error {
        ImageError::Empty => Problem::required(),
        ImageError::TooLarge { .. } => Problem::new("error-image-size").with("max", (MAX_IMAGE_BYTES / 1024) as i64),
        ImageError::NotPng | ImageError::NotSvg => Problem::new("error-image-format"),
        // A picture of no width or height draws nothing: "at most 2,048
        // pixels" was no answer for it (session 25's attack round).
        ImageError::BadDimensions { width: 0, .. } | ImageError::BadDimensions { height: 0, .. } => {
            Problem::new("error-image-no-size")
        }
        ImageError::BadDimensions { .. } => {
            Problem::new("error-image-dimensions").with("max", i64::from(MAX_IMAGE_SIDE))
        }
        ImageError::TooComplex { .. } => Problem::new("error-image-complex").with("max", MAX_SVG_ELEMENTS as i64),
        ImageError::TooDeep { limit } => Problem::new("error-image-nested").with("max", *limit as i64),
        ImageError::EmbeddedPicture { side } => Problem::new("error-image-embedded").with("max", i64::from(*side)),
        ImageError::Script
        | ImageError::EventAttribute(_)
        | ImageError::ForeignObject
        | ImageError::ExternalReference(_) => Problem::new("error-image-unsafe"),
    }
}

/// A picture to draw on certificates: PNG or SVG (as `kind` says, or as
/// its first bytes say), checked as the certificate will draw it.
pub(crate) fn checked_picture(bytes: &[u8], kind: Option<ImageKind>) -> Result<Logo, Problem> {
    if bytes.is_empty() {
        return Err(Problem::required());
    }
    let kind = kind
        .or_else(|| ImageKind::sniff(bytes))
        .ok_or_else(|| Problem::new("error-image-format"))?;
    check_image(bytes, kind).map_err(|e| image_problem(&e))?;
    Ok(Logo {
        kind: match kind {
            ImageKind::Png => LogoKind::Png,
            ImageKind::Svg => LogoKind::Svg,
        },
        bytes: bytes.to_vec(),
    })
}

/// An API upload: the picture itself as the body, its `Content-Type`
/// `image/png` or `image/svg+xml` (anything else: 415). A refused picture
/// is the inner `Err`, on `field`.
pub(crate) fn picture_of_body(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    field: &str,
) -> AppResult<Logo> {
    let kind = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(ImageKind::from_media_type)
        .ok_or(AppError::UnsupportedMediaType("image/png, image/svg+xml"))?;
    let bytes = crate::kit::upload::body_bytes(body)?;
    checked_picture(&bytes, Some(kind)).map_err(|p| AppError::Invalid(FieldErrors::single(field, p)))
}

/// A kept picture, served with its type; an SVG may run nothing.
pub(crate) async fn serve_picture(state: &AppState, sha256: Option<&str>) -> AppResult<Response> {
    let sha256 = sha256.ok_or(AppError::NotFound)?;
    let row = issuer::image(&state.db, sha256).await?.ok_or(AppError::NotFound)?;
    let kind = LogoKind::from_content_type(&row.content_type).ok_or(AppError::NotFound)?;
    let mut response = row.data.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(kind.content_type()));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // The address names the signatory, not the picture: always ask again.
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; sandbox"),
    );
    Ok(response)
}

// ----- the API -------------------------------------------------------------------

/// What an organisation prints on its certificates. In a `PUT`, every
/// field; an empty one clears it.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssuerInput {
    /// Its legal name; empty: the organisation's name.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub legal_name: String,
    /// Its postal address, on one line.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub postal_address: String,
    /// An `http(s)` address.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub website: String,
    /// One of its signatories' ids; empty: none.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub default_signatory_id: String,
}

impl TryFrom<&IssuerInput> for IssuerIdentity {
    type Error = FieldErrors;

    fn try_from(input: &IssuerInput) -> Result<Self, FieldErrors> {
        IssuerIdentity::parse(
            &input.legal_name,
            &input.postal_address,
            &input.website,
            &input.default_signatory_id,
        )
    }
}

impl From<&organisation::Model> for IssuerInput {
    fn from(o: &organisation::Model) -> Self {
        IssuerInput {
            legal_name: o.legal_name.clone().unwrap_or_default(),
            postal_address: o.postal_address.clone().unwrap_or_default(),
            website: o.website.clone().unwrap_or_default(),
            default_signatory_id: o.default_signatory_id.map(|id| id.to_string()).unwrap_or_default(),
        }
    }
}

/// Someone who signs certificates.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatoryInput {
    #[serde(default, deserialize_with = "input::loose_text")]
    pub name: String,
    /// e.g. "Director of Continuing Education".
    #[serde(default, deserialize_with = "input::loose_text")]
    pub title: String,
}

impl TryFrom<&SignatoryInput> for SignatoryDetails {
    type Error = FieldErrors;

    fn try_from(input: &SignatoryInput) -> Result<Self, FieldErrors> {
        SignatoryDetails::parse(&input.name, &input.title)
    }
}

/// A signatory, and the courses and sessions they sign by name (beside
/// those the organisation's default signatory signs).
#[derive(Serialize, ToSchema)]
pub struct SignatoryOut {
    pub id: Uuid,
    pub name: String,
    pub title: String,
    /// The SHA-256 of their signature picture, when they have one.
    pub signature_sha256: Option<String>,
    pub courses: Vec<Uuid>,
    pub sessions: Vec<Uuid>,
}

fn signatory_out(s: signatory::Model, assigned: &[(Uuid, Signs, String)]) -> SignatoryOut {
    let mine = |pick: fn(&Signs) -> Option<Uuid>| -> Vec<Uuid> {
        assigned
            .iter()
            .filter(|(who, _, _)| *who == s.id)
            .filter_map(|(_, what, _)| pick(what))
            .collect()
    };
    SignatoryOut {
        courses: mine(|w| match w {
            Signs::Course(id) => Some(*id),
            Signs::Session(_) => None,
        }),
        sessions: mine(|w| match w {
            Signs::Session(id) => Some(*id),
            Signs::Course(_) => None,
        }),
        id: s.id,
        name: s.name,
        title: s.title,
        signature_sha256: s.signature_sha256,
    }
}

/// An organisation's identity on its certificates.
#[derive(Serialize, ToSchema)]
pub struct IssuerOut {
    /// The name its certificates print: its legal name, else its name.
    pub printed_name: String,
    pub legal_name: Option<String>,
    pub postal_address: Option<String>,
    pub website: Option<String>,
    /// Its logo (the organisation's), when it has one.
    pub logo_url: Option<String>,
    pub default_signatory_id: Option<Uuid>,
    pub signatories: Vec<SignatoryOut>,
}

async fn issuer_out(state: &AppState, org: OrganisationId) -> AppResult<IssuerOut> {
    let o = organisations::get(&state.db, org).await?;
    let assigned = issuer::assignments(&state.db, org).await?;
    let signatories = issuer::list(&state.db, org)
        .await?
        .into_iter()
        .map(|s| signatory_out(s, &assigned))
        .collect();
    Ok(IssuerOut {
        printed_name: issuer::legal_name(&o).to_owned(),
        logo_url: o.logo_content_type.as_ref().map(|_| format!("/o/{}/logo", o.slug)),
        legal_name: o.legal_name,
        postal_address: o.postal_address,
        website: o.website,
        default_signatory_id: o.default_signatory_id,
        signatories,
    })
}

/// The identity the organisation the request works in prints on its certificates (organisers).
#[utoipa::path(get, path = "/api/v1/issuer", tag = "issuer",
    responses((status = 200, body = IssuerOut), (status = 403, body = ApiError)))]
pub(crate) async fn show(Organiser(ctx): Organiser) -> AppResult<axum::Json<IssuerOut>> {
    Ok(axum::Json(issuer_out(&ctx.state, ctx.org()?).await?))
}

/// Set the legal name, postal address, website and default signatory its
/// certificates print from now on; certificates issued keep what they
/// printed (organisers).
#[utoipa::path(put, path = "/api/v1/issuer", tag = "issuer", request_body = IssuerInput,
    responses((status = 200, body = IssuerOut), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn put(
    Organiser(ctx): Organiser,
    ApiJson(input): ApiJson<IssuerInput>,
) -> AppResult<axum::Json<IssuerOut>> {
    let identity = IssuerIdentity::try_from(&input).map_err(AppError::Invalid)?;
    let org = ctx.org()?;
    use_case::set_identity(&ctx.state.app(), &ctx.actor()?, org, &identity).await?;
    Ok(axum::Json(issuer_out(&ctx.state, org).await?))
}

/// The organisation's signatories, by name (organisers).
#[utoipa::path(get, path = "/api/v1/signatories", tag = "issuer",
    responses((status = 200, body = Vec<SignatoryOut>), (status = 403, body = ApiError)))]
pub(crate) async fn list(Organiser(ctx): Organiser) -> AppResult<axum::Json<Vec<SignatoryOut>>> {
    Ok(axum::Json(issuer_out(&ctx.state, ctx.org()?).await?.signatories))
}

/// Add a signatory; their signature is uploaded next (organisers).
#[utoipa::path(post, path = "/api/v1/signatories", tag = "issuer", request_body = SignatoryInput,
    responses((status = 201, body = SignatoryOut), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn create(Organiser(ctx): Organiser, ApiJson(input): ApiJson<SignatoryInput>) -> AppResult<Response> {
    let details = SignatoryDetails::try_from(&input).map_err(AppError::Invalid)?;
    let created = use_case::add_signatory(&ctx.state.app(), &ctx.actor()?, ctx.org()?, &details).await?;
    Ok((StatusCode::CREATED, axum::Json(signatory_out(created, &[]))).into_response())
}

async fn one(state: &AppState, org: OrganisationId, id: Uuid) -> AppResult<SignatoryOut> {
    let found = issuer::get(&state.db, org, id).await?;
    let assigned = issuer::assignments(&state.db, org).await?;
    Ok(signatory_out(found, &assigned))
}

/// One signatory (organisers).
#[utoipa::path(get, path = "/api/v1/signatories/{id}", tag = "issuer", params(("id" = Uuid, Path)),
    responses((status = 200, body = SignatoryOut), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn show_signatory(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<axum::Json<SignatoryOut>> {
    Ok(axum::Json(one(&ctx.state, ctx.org()?, id).await?))
}

/// Change a signatory's name or title; certificates issued keep the old
/// ones (organisers).
#[utoipa::path(patch, path = "/api/v1/signatories/{id}", tag = "issuer", params(("id" = Uuid, Path)),
    request_body(content = serde_json::Value, description = "Any fields of SignatoryInput"),
    responses((status = 200, body = SignatoryOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn update_signatory(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> AppResult<axum::Json<SignatoryOut>> {
    let org = ctx.org()?;
    let current = issuer::get(&ctx.state.db, org, id).await?;
    let input = input::merge(
        &SignatoryInput {
            name: current.name,
            title: current.title,
        },
        patch,
    )?;
    let details = SignatoryDetails::try_from(&input).map_err(AppError::Invalid)?;
    use_case::change_signatory(&ctx.state.app(), &ctx.actor()?, org, id, &details).await?;
    Ok(axum::Json(one(&ctx.state, org, id).await?))
}

/// Remove a signatory: the courses and sessions they signed go back to the
/// default; certificates issued keep their name and signature (organisers).
#[utoipa::path(delete, path = "/api/v1/signatories/{id}", tag = "issuer", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn delete_signatory(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    use_case::remove_signatory(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Replace a signatory's signature: the picture itself as the body,
/// `Content-Type: image/png` or `image/svg+xml`, at most 512 KiB and 2048
/// pixels a side; an SVG with scripts, event attributes, `foreignObject`
/// or references outside itself is refused (organisers).
#[utoipa::path(put, path = "/api/v1/signatories/{id}/signature", tag = "issuer", params(("id" = Uuid, Path)),
    request_body(content = Vec<u8>, content_type = "image/svg+xml"),
    responses((status = 200, body = SignatoryOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 413, body = ApiError), (status = 415, body = ApiError),
        (status = 422, body = ApiError)))]
pub(crate) async fn put_signature(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<axum::Json<SignatoryOut>> {
    let org = ctx.org()?;
    issuer::get(&ctx.state.db, org, id).await?;
    let picture = picture_of_body(&headers, body, "signature")?;
    use_case::set_signature(&ctx.state.app(), &ctx.actor()?, org, id, Some(&picture)).await?;
    Ok(axum::Json(one(&ctx.state, org, id).await?))
}

/// Remove a signatory's signature (organisers).
#[utoipa::path(delete, path = "/api/v1/signatories/{id}/signature", tag = "issuer", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn delete_signature(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    use_case::set_signature(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, None).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Who signs a course's or a session's certificates by name.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatoryChoice {
    /// One of the organisation's signatories; empty or absent: the next
    /// one up (a session's course's, then the organisation's default).
    #[serde(default, deserialize_with = "input::loose_text")]
    pub signatory_id: String,
}

async fn assign(ctx: &Ctx, what: Signs, choice: &SignatoryChoice) -> AppResult<()> {
    let signatory_id =
        optional_id(&choice.signatory_id).map_err(|p| AppError::Invalid(FieldErrors::single("signatory_id", p)))?;
    use_case::assign(&ctx.state.app(), &ctx.actor()?, ctx.org()?, what, signatory_id).await?;
    Ok(())
}

/// Choose who signs this course's certificates (unless a session has its
/// own), or take the choice back (organisers).
#[utoipa::path(put, path = "/api/v1/courses/{id}/signatory", tag = "issuer", params(("id" = Uuid, Path)),
    request_body = SignatoryChoice,
    responses((status = 204), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn course_signatory(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(choice): ApiJson<SignatoryChoice>,
) -> AppResult<Response> {
    assign(&ctx, Signs::Course(id), &choice).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Choose who signs this session's certificates, or take the choice back (organisers).
#[utoipa::path(put, path = "/api/v1/sessions/{id}/signatory", tag = "issuer", params(("id" = Uuid, Path)),
    request_body = SignatoryChoice,
    responses((status = 204), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn session_signatory(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(choice): ApiJson<SignatoryChoice>,
) -> AppResult<Response> {
    assign(&ctx, Signs::Session(id), &choice).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

// Administrators only: any organiser could put another picture on every
// organisation's certificates (session 23).
/// Replace an accrediting body's logo, drawn on the certificates of the
/// courses it accredits: the picture itself as the body, as for a
/// signature (administrators: a body is the instance's, shared by its
/// organisations, as its other details are).
#[utoipa::path(put, path = "/api/v1/accreditation-bodies/{id}/logo", tag = "accreditation-bodies",
    params(("id" = Uuid, Path)), request_body(content = Vec<u8>, content_type = "image/svg+xml"),
    responses((status = 200, body = crate::catalogue::bodies::BodyOut),
        (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 413, body = ApiError),
        (status = 415, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn put_body_logo(
    Admin(ctx): Admin,
    ApiPath(id): ApiPath<Uuid>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<axum::Json<crate::catalogue::bodies::BodyOut>> {
    aula_storage::bodies::get(&ctx.state.db, id).await?;
    let picture = picture_of_body(&headers, body, "logo")?;
    let changed = use_case::set_body_logo(&ctx.state.app(), &ctx.actor()?, id, Some(&picture)).await?;
    Ok(axum::Json(changed.into()))
}

/// Remove an accrediting body's logo (administrators).
#[utoipa::path(delete, path = "/api/v1/accreditation-bodies/{id}/logo", tag = "accreditation-bodies",
    params(("id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn delete_body_logo(Admin(ctx): Admin, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    use_case::set_body_logo(&ctx.state.app(), &ctx.actor()?, id, None).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

// ----- the page ----------------------------------------------------------------

/// A signatory as the page lists them.
pub struct SignatoryRow {
    pub s: signatory::Model,
    pub is_default: bool,
    /// The titles of the courses and sessions they sign by name.
    pub signs: Vec<String>,
}

#[derive(Template)]
#[template(path = "pages/organisation_issuer.html")]
struct IssuerPage {
    c: Chrome,
    org: organisation::Model,
    printed_name: String,
    logo: Option<String>,
    form: IssuerInput,
    errors: FormErrors,
    signatories: Vec<SignatoryRow>,
    /// (id, "name, title") of each signatory, for the choices.
    choices: Vec<(String, String)>,
    new_signatory: SignatoryInput,
    new_errors: FormErrors,
    courses: Vec<(String, String)>,
    assign_form: AssignForm,
    assign_errors: FormErrors,
}

#[derive(Clone, Default, Deserialize)]
pub(crate) struct AssignForm {
    #[serde(default)]
    course_id: String,
    #[serde(default)]
    signatory_id: String,
}

impl IssuerPage {
    async fn new(ctx: &Ctx) -> AppResult<Self> {
        let org_id = ctx.org()?;
        let org = organisations::get(&ctx.state.db, org_id).await?;
        let assigned = issuer::assignments(&ctx.state.db, org_id).await?;
        let all = issuer::list(&ctx.state.db, org_id).await?;
        let choices = all
            .iter()
            .map(|s| (s.id.to_string(), format!("{}, {}", s.name, s.title)))
            .collect();
        let signatories = all
            .into_iter()
            .map(|s| SignatoryRow {
                is_default: org.default_signatory_id == Some(s.id),
                signs: assigned
                    .iter()
                    .filter(|(who, _, _)| *who == s.id)
                    .map(|(_, what, title)| match what {
                        Signs::Course(_) => title.clone(),
                        Signs::Session(_) => ctx.tr().t1("issuer-signs-session", "course", title.as_str()),
                    })
                    .collect(),
                s,
            })
            .collect();
        let courses: Vec<course::Model> =
            courses::choices(&ctx.state.db, org_id, aula_storage::Archived::Hidden).await?;
        Ok(IssuerPage {
            c: Chrome::new(ctx),
            printed_name: issuer::legal_name(&org).to_owned(),
            logo: org.logo_content_type.as_ref().map(|_| format!("/o/{}/logo", org.slug)),
            form: IssuerInput::from(&org),
            errors: FormErrors::none(),
            signatories,
            choices,
            new_signatory: SignatoryInput::default(),
            new_errors: FormErrors::none(),
            courses: courses.into_iter().map(|c| (c.id.to_string(), c.title)).collect(),
            assign_form: AssignForm::default(),
            assign_errors: FormErrors::none(),
            org,
        })
    }
}

/// `/staff/organisation/issuer`: what the organisation's certificates print.
pub(crate) async fn page(Organiser(ctx): Organiser) -> AppResult<Response> {
    render(&IssuerPage::new(&ctx).await?)
}

const BACK: &str = "/staff/organisation/issuer";

pub(crate) async fn save_identity(
    Organiser(ctx): Organiser,
    CsrfForm(form): CsrfForm<IssuerInput>,
) -> AppResult<Response> {
    let outcome: AppResult<_> = async {
        let identity = IssuerIdentity::try_from(&form)?;
        Ok(use_case::set_identity(&ctx.state.app(), &ctx.actor()?, ctx.org()?, &identity).await?)
    }
    .await;
    let back = |_| redirect_with(&ctx, BACK, "flash-saved");
    let page = async || IssuerPage::new(&ctx).await;
    saved_or_page_again(&ctx, outcome, back, page, |page, errors| IssuerPage {
        errors,
        form,
        ..page
    })
    .await
}

pub(crate) async fn add_signatory(
    Organiser(ctx): Organiser,
    CsrfForm(form): CsrfForm<SignatoryInput>,
) -> AppResult<Response> {
    let outcome: AppResult<_> = async {
        let details = SignatoryDetails::try_from(&form)?;
        Ok(use_case::add_signatory(&ctx.state.app(), &ctx.actor()?, ctx.org()?, &details).await?)
    }
    .await;
    let added = |created: signatory::Model| {
        redirect_with(
            &ctx,
            &format!("{BACK}/signatories/{}", created.id),
            "issuer-signatory-added",
        )
    };
    let page = async || IssuerPage::new(&ctx).await;
    saved_or_page_again(&ctx, outcome, added, page, |page, new_errors| IssuerPage {
        new_errors,
        new_signatory: form,
        ..page
    })
    .await
}

pub(crate) async fn assign_course(
    Organiser(ctx): Organiser,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::new();
    let course = errors.take(
        "course_id",
        optional_id(&form.course_id).and_then(|id| id.ok_or_else(Problem::required)),
    );
    let signatory = errors.take("signatory_id", optional_id(&form.signatory_id));
    let outcome = match (course, signatory) {
        (Some(course), Some(signatory)) => {
            use_case::assign(
                &ctx.state.app(),
                &ctx.actor()?,
                ctx.org()?,
                Signs::Course(course),
                signatory,
            )
            .await
            .map_err(|e| match AppError::from(e) {
                // A course that is not the organisation's is no choice.
                AppError::NotFound => AppError::Invalid(FieldErrors::single("course_id", Problem::new("error-choice"))),
                other => other,
            })
        }
        _ => Err(AppError::Invalid(errors)),
    };
    let back = |()| redirect_with(&ctx, &format!("{BACK}#assign"), "flash-saved");
    let page = async || IssuerPage::new(&ctx).await;
    saved_or_page_again(&ctx, outcome, back, page, |page, assign_errors| IssuerPage {
        assign_errors,
        assign_form: form,
        ..page
    })
    .await
}

#[derive(Template)]
#[template(path = "pages/organisation_signatory.html")]
struct SignatoryPage {
    c: Chrome,
    s: signatory::Model,
    form: SignatoryInput,
    errors: FormErrors,
    signature_errors: FormErrors,
}

impl SignatoryPage {
    async fn new(ctx: &Ctx, id: Uuid) -> AppResult<Self> {
        let s = issuer::get(&ctx.state.db, ctx.org()?, id).await?;
        Ok(SignatoryPage {
            c: Chrome::new(ctx),
            form: SignatoryInput {
                name: s.name.clone(),
                title: s.title.clone(),
            },
            s,
            errors: FormErrors::none(),
            signature_errors: FormErrors::none(),
        })
    }
}

/// `/staff/organisation/issuer/signatories/{id}`: one signatory, their signature.
pub(crate) async fn signatory_page(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    render(&SignatoryPage::new(&ctx, id).await?)
}

pub(crate) async fn save_signatory(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<SignatoryInput>,
) -> AppResult<Response> {
    let outcome: AppResult<_> = async {
        let details = SignatoryDetails::try_from(&form)?;
        Ok(use_case::change_signatory(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, &details).await?)
    }
    .await;
    let back = |_| redirect_with(&ctx, &format!("{BACK}/signatories/{id}"), "flash-saved");
    let page = async || SignatoryPage::new(&ctx, id).await;
    saved_or_page_again(&ctx, outcome, back, page, |page, errors| SignatoryPage {
        errors,
        form,
        ..page
    })
    .await
}

pub(crate) async fn upload_signature(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let org = ctx.org()?;
    issuer::get(&ctx.state.db, org, id).await?;
    let upload = read_upload(&ctx, multipart).await?;
    let picture = match &upload {
        None => Err(Problem::required()),
        Some((name, bytes)) => {
            let by_name = if name.to_ascii_lowercase().ends_with(".png") {
                Some(ImageKind::Png)
            } else if name.to_ascii_lowercase().ends_with(".svg") {
                Some(ImageKind::Svg)
            } else {
                None
            };
            checked_picture(bytes, ImageKind::sniff(bytes).or(by_name))
        }
    };
    match picture {
        Ok(picture) => {
            use_case::set_signature(&ctx.state.app(), &ctx.actor()?, org, id, Some(&picture)).await?;
            Ok(redirect_with(
                &ctx,
                &format!("{BACK}/signatories/{id}"),
                "issuer-signature-saved",
            ))
        }
        Err(problem) => {
            let mut page = SignatoryPage::new(&ctx, id).await?;
            page.signature_errors = FormErrors::new(ctx.tr(), &FieldErrors::single("file", problem));
            render_invalid(&page)
        }
    }
}

pub(crate) async fn remove_signatory(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    use_case::remove_signatory(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id).await?;
    Ok(redirect_with(&ctx, BACK, "issuer-signatory-removed"))
}

/// A signatory's signature, for their page (organisers of their organisation).
pub(crate) async fn signature_picture(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let s = issuer::get(&ctx.state.db, ctx.org()?, id).await?;
    serve_picture(&ctx.state, s.signature_sha256.as_deref()).await
}
