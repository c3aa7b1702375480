//! Personal data over its whole life (issue 21): the doors of erasure.
//!
//! - Staff (organisers, administrators) erase a person with a reason, on a
//!   page (`/staff/people/{id}/erase`) or by the API
//!   (`POST /api/v1/people/{id}/erasure`).
//! - A trainee signed in to "my trainings" asks at `/me/erasure`; a link is
//!   e-mailed to them; following it (`/me/erasure/{token}`) opens a page
//!   whose button erases them. As with sign-in links, the link opens a page
//!   rather than acting, so that mail scanners cannot use it.

pub(crate) mod privacy;

use askama::Template;
use aula_app::retention::{self, ErasedBy};
use aula_storage::entities::person::Model as Person;
use aula_storage::{people, retention::Erased};
use axum::Json;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::context::{AdminOrOrganiser, expired_person_cookie};
use crate::kit::extract::{ApiJson, ApiPath, CsrfForm, NoFields};
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, render_invalid};
use crate::{AppError, AppResult, Ctx};

/// What to erase, as staff ask for it.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ErasureInput {
    /// Why (kept in the audit trail; it should not name the person).
    #[serde(default, deserialize_with = "crate::kit::input::loose_text")]
    pub reason: String,
    /// Withdraw their certificates too (only when the holder asked).
    #[serde(default, deserialize_with = "crate::kit::input::loose_bool")]
    pub certificates: bool,
}

/// What an erasure removed: counts only.
#[derive(Serialize, ToSchema)]
pub struct ErasureOut {
    pub registrations: u64,
    pub messages: u64,
    pub audit_entries: u64,
    pub certificates_withdrawn: u64,
    pub sign_ins: u64,
}

impl From<Erased> for ErasureOut {
    fn from(e: Erased) -> Self {
        ErasureOut {
            registrations: e.registrations,
            messages: e.messages,
            audit_entries: e.audit_entries,
            certificates_withdrawn: e.certificates_withdrawn,
            sign_ins: e.sign_ins,
        }
    }
}

fn staff_erasure(ctx: &Ctx, input: &ErasureInput) -> AppResult<ErasedBy> {
    let reason = retention::parse_reason(&input.reason).map_err(AppError::Invalid)?;
    Ok(ErasedBy::Staff {
        actor: ctx.actor()?,
        reason,
    })
}

/// Erases a person: their name, e-mail, phone, employer and job title, and
/// everything that names them, while the indicators stay as they were.
/// Audited with the reason, not the person's data. Certificates stay
/// unless `certificates` is true.
#[utoipa::path(post, path = "/api/v1/people/{id}/erasure", tag = "people",
    params(("id" = Uuid, Path)), request_body = ErasureInput,
    responses((status = 200, body = ErasureOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError, description = "Unknown or already erased"), (status = 422, body = ApiError)))]
pub(crate) async fn erase_api(
    AdminOrOrganiser(ctx): AdminOrOrganiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<ErasureInput>,
) -> AppResult<Json<ErasureOut>> {
    let by = staff_erasure(&ctx, &input)?;
    live_person(&ctx, id).await?;
    let erased = retention::erase(&ctx.state.app(), id, &by, input.certificates).await?;
    Ok(Json(erased.into()))
}

#[derive(Template)]
#[template(path = "pages/person_erase.html")]
struct ErasePage {
    c: Chrome,
    person: Person,
    /// "Given Family <address>".
    who: String,
    reason: String,
    certificates: bool,
    errors: FormErrors,
}

fn who(person: &Person) -> String {
    match &person.email {
        Some(email) => format!("{} {} <{email}>", person.given_name, person.family_name),
        None => format!("{} {}", person.given_name, person.family_name),
    }
}

/// A person not erased, of the staff member's organisation; another
/// organisation's is not found (issue 17). A platform administrator who
/// works in no organisation reaches anyone's, as before organisations.
async fn live_person(ctx: &Ctx, id: Uuid) -> AppResult<Person> {
    let person = people::get(&ctx.state.db, id).await?;
    let reachable = match ctx.staff_org() {
        Some(org) => person.organisation_id == org.uuid(),
        None => ctx.user()?.has(aula_domain::Role::Admin),
    };
    if !reachable || aula_storage::retention::is_erased(&person) {
        return Err(AppError::NotFound);
    }
    Ok(person)
}

pub(crate) async fn erase_page(
    AdminOrOrganiser(ctx): AdminOrOrganiser,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Response> {
    let person = live_person(&ctx, id).await?;
    render(&ErasePage {
        c: Chrome::new(&ctx),
        who: who(&person),
        person,
        reason: String::new(),
        certificates: false,
        errors: FormErrors::none(),
    })
}

pub(crate) async fn erase_form(
    AdminOrOrganiser(ctx): AdminOrOrganiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(input): CsrfForm<ErasureInput>,
) -> AppResult<Response> {
    let person = live_person(&ctx, id).await?;
    let by = match staff_erasure(&ctx, &input) {
        Ok(by) => by,
        Err(AppError::Invalid(errors)) => {
            return render_invalid(&ErasePage {
                errors: FormErrors::new(ctx.tr(), &errors),
                c: Chrome::new(&ctx),
                who: who(&person),
                person,
                reason: input.reason,
                certificates: input.certificates,
            });
        }
        Err(other) => return Err(other),
    };
    retention::erase(&ctx.state.app(), id, &by, input.certificates).await?;
    Ok(redirect_with(&ctx, "/staff/sessions", "person-erased-flash"))
}

// ----- at the person's request ----------------------------------------------

#[derive(Template)]
#[template(path = "pages/me_erasure.html")]
struct RequestPage {
    c: Chrome,
    /// After asking: the link is on its way.
    sent: bool,
    email: String,
}

/// What the person asks for at `/me/erasure`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct RequestInput {
    #[serde(default, deserialize_with = "crate::kit::input::loose_bool")]
    certificates: bool,
}

fn signed_in(ctx: &Ctx) -> AppResult<&Person> {
    ctx.person.as_ref().ok_or(AppError::NotFound)
}

pub(crate) async fn request_page(ctx: Ctx) -> AppResult<Response> {
    let person = signed_in(&ctx)?;
    render(&RequestPage {
        // Signed in by their address: someone signed in has one.
        email: person.email.clone().unwrap_or_default(),
        c: Chrome::of_organisation(&ctx, person.organisation_id).await?,
        sent: false,
    })
}

pub(crate) async fn request(ctx: Ctx, CsrfForm(input): CsrfForm<RequestInput>) -> AppResult<Response> {
    let person = signed_in(&ctx)?.clone();
    retention::request(&ctx.state.app(), &person, input.certificates).await?;
    render(&RequestPage {
        c: Chrome::of_organisation(&ctx, person.organisation_id).await?,
        email: person.email.unwrap_or_default(),
        sent: true,
    })
}

#[derive(Template)]
#[template(path = "pages/me_erasure_confirm.html")]
struct ConfirmPage {
    c: Chrome,
    token: String,
    /// `live`, `expired` or `done`.
    state: &'static str,
}

pub(crate) async fn confirm_page(ctx: Ctx, ApiPath(token): ApiPath<String>) -> AppResult<Response> {
    let live = aula_storage::retention::live_request(&ctx.state.db, &token)
        .await?
        .is_some();
    let page = render(&ConfirmPage {
        c: Chrome::new(&ctx),
        token,
        state: if live { "live" } else { "expired" },
    })?;
    Ok(if live {
        page
    } else {
        (axum::http::StatusCode::GONE, page).into_response()
    })
}

pub(crate) async fn confirm(
    ctx: Ctx,
    ApiPath(token): ApiPath<String>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    match retention::confirm(&ctx.state.app(), &token).await {
        Ok(_) => {}
        Err(aula_app::Error::NotFound) => {
            let page = render(&ConfirmPage {
                c: Chrome::new(&ctx),
                token,
                state: "expired",
            })?;
            return Ok((axum::http::StatusCode::GONE, page).into_response());
        }
        Err(other) => return Err(other.into()),
    }
    let mut ctx = ctx;
    ctx.person = None;
    let mut response = render(&ConfirmPage {
        c: Chrome::new(&ctx),
        token: String::new(),
        state: "done",
    })?;
    response
        .headers_mut()
        .append(SET_COOKIE, expired_person_cookie(ctx.secure));
    Ok(response)
}
