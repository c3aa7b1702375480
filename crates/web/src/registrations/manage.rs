//! A registration's own page, reached by the personal link in every e-mail
//! about it (`/r/{token}`): where it stands, its meetings, the calendar,
//! and the button that cancels it. Also the API's cancellation, for
//! organisers and for the holder of the link.

use askama::Template;
use aula_app::registrations::{CancelledBy, asked_identifier, cancel, correct_identifier};
use aula_domain::{FieldErrors, Problem, RegistrationStatus, Role, Text};
use aula_storage::registrations;
use aula_storage::sessions::{self, SessionRecord};
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::extract::{ApiJson, ApiPath, CsrfForm, NoFields};
use crate::kit::input;
use crate::kit::pages::{Chrome, FormErrors, no_store, redirect_with, render, render_invalid};
use crate::registrations::{RegistrationView, masked_identifier};
use crate::{AppError, AppResult, AppState, Ctx};

#[derive(Template)]
#[template(path = "pages/registration.html")]
struct RegistrationPage {
    c: Chrome,
    token: String,
    record: SessionRecord,
    registration: RegistrationView,
    position: Option<u64>,
    /// Whether the cancel button is offered (live, and the session not started).
    can_cancel: bool,
    /// The last meeting is over: no calendar file for the past (issue 24).
    is_past: bool,
    /// The identifier the course's accrediting body asks for, to correct
    /// (issue 20): only where one is asked and the registration stands.
    identifier: Option<IdentifierField>,
    errors: FormErrors,
}

/// The identifier's field: the body's own words for it, why it is asked,
/// what is kept, and what was just typed (when refused).
struct IdentifierField {
    label: String,
    hint: String,
    /// The identifier kept, masked but for its end: the page opens with a
    /// link that travels in e-mails, and the value is for the body's eyes.
    kept: Option<String>,
    value: String,
}

impl RegistrationPage {
    async fn new(ctx: &Ctx, token: &str) -> AppResult<Self> {
        let registration = registrations::by_manage_token(&ctx.state.db, token).await?;
        let record = sessions::get(&ctx.state.db, registration.session_id).await?;
        let position = registrations::waitlist_position(&ctx.state.db, &registration).await?;
        let live = registration.status.is_live();
        let now = chrono::Utc::now();
        let started = record.cancellable(now).is_err();
        let c = Chrome::of_organisation(ctx, record.session.organisation_id).await?;
        let identifier = match (asked_identifier(&record), &record.course.body) {
            (Some(label), Some(body)) if registration.status != RegistrationStatus::Cancelled => {
                Some(IdentifierField {
                    label: label.to_owned(),
                    hint: c.t1("person-identifier-hint", "body", body.name.as_str()),
                    kept: registration.body_identifier.as_deref().map(masked_identifier),
                    value: String::new(),
                })
            }
            _ => None,
        };
        Ok(RegistrationPage {
            is_past: record.is_over(now),
            c,
            token: token.to_owned(),
            registration: RegistrationView::from(&registration),
            record,
            position,
            can_cancel: live && !started,
            identifier,
            errors: FormErrors::none(),
        })
    }
}

pub(crate) async fn page(
    ctx: Ctx,
    jar: axum_extra::extract::cookie::CookieJar,
    ApiPath(token): ApiPath<String>,
) -> AppResult<Response> {
    let response = render(&RegistrationPage::new(&ctx, &token).await?)?;
    // The phone that opens the link keeps it, to check in at the meetings.
    Ok(crate::sessions::check_in::with_link_cookie(
        no_store(response),
        &jar,
        &token,
        ctx.secure,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct IdentifierForm {
    #[serde(default)]
    identifier: String,
}

/// The personal page's correction of the identifier for the accrediting
/// body: refused with the page again, the value as typed and the problem
/// in the reader's language.
pub(crate) async fn correct_identifier_form(
    ctx: Ctx,
    ApiPath(token): ApiPath<String>,
    CsrfForm(form): CsrfForm<IdentifierForm>,
) -> AppResult<Response> {
    let corrected = match required_identifier(&form.identifier) {
        Ok(identifier) => correct_identifier(&ctx.state.app(), &token, &identifier).await,
        Err(errors) => Err(aula_app::Error::Invalid(errors)),
    };
    match corrected {
        Ok(_) => Ok(redirect_with(
            &ctx,
            &format!("/r/{token}"),
            "registration-identifier-saved",
        )),
        Err(aula_app::Error::Invalid(errors)) => {
            let mut page = RegistrationPage::new(&ctx, &token).await?;
            page.errors = FormErrors::new(ctx.tr(), &errors);
            if let Some(field) = page.identifier.as_mut() {
                field.value = form.identifier;
            }
            Ok(no_store(render_invalid(&page)?))
        }
        Err(other) => Err(other.into()),
    }
}

/// The identifier as typed: required, and at most 60 characters.
fn required_identifier(typed: &str) -> Result<Text<60>, FieldErrors> {
    match Text::<60>::parse_optional(typed) {
        Ok(Some(identifier)) => Ok(identifier),
        Ok(None) => Err(FieldErrors::single("identifier", Problem::required())),
        Err(problem) => Err(FieldErrors::single("identifier", problem)),
    }
}

/// The personal page's "cancel" leads here first, as "my trainings" does.
pub(crate) async fn cancel_page(ctx: Ctx, ApiPath(token): ApiPath<String>) -> AppResult<Response> {
    let registration = registrations::by_manage_token(&ctx.state.db, &token).await?;
    let record = sessions::get(&ctx.state.db, registration.session_id).await?;
    let response = crate::registrations::cancel_confirm(
        &ctx,
        record,
        &registration,
        format!("/r/{token}/cancel"),
        format!("/r/{token}"),
    )
    .await?;
    Ok(no_store(response))
}

pub(crate) async fn cancel_form(
    ctx: Ctx,
    ApiPath(token): ApiPath<String>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let registration = registrations::by_manage_token(&ctx.state.db, &token).await?;
    let cancelled = cancel(&ctx.state.app(), registration.id, None, CancelledBy::Holder).await?;
    Ok(redirect_with(&ctx, &format!("/r/{token}"), cancelled_flash(&cancelled)))
}

/// What the page says after a cancellation: done, and e-mailed; or, for a
/// form posted again, that it was already done (it said an e-mail was on
/// its way, and none was: session 29's attack round).
pub(crate) fn cancelled_flash(cancelled: &aula_storage::registrations::Cancelled) -> &'static str {
    match cancelled.was {
        RegistrationStatus::Cancelled => "error-already-cancelled",
        _ => "registration-cancelled-flash",
    }
}

/// A cancellation through the API.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelInput {
    /// The secret of the personal link (the last part of `/r/{token}` in
    /// the e-mails), for the person themselves; organisers need none.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub token: String,
    /// Why (organisers; kept in the audit log).
    #[serde(default, deserialize_with = "input::loose_text")]
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct CancelledOut {
    pub id: Uuid,
    pub status: String,
    /// Registrations confirmed from the waiting list by this cancellation.
    pub promoted: Vec<Uuid>,
}

/// Cancels a registration and promotes the first people waiting.
///
/// Organisers may cancel any registration; anyone else needs the
/// registration's personal-link token. Refused once the session has started.
#[utoipa::path(
    post,
    path = "/api/v1/registrations/{id}/cancel",
    tag = "registrations",
    params(("id" = Uuid, Path, description = "The registration")),
    request_body = CancelInput,
    responses(
        (status = 200, body = CancelledOut),
        (status = 403, body = ApiError, description = "Neither an organiser nor the holder's token"),
        (status = 404, body = ApiError),
        (status = 409, body = ApiError, description = "The session has started, or was cancelled or completed"),
        (status = 422, body = ApiError, description = "A field of the body is unknown or of the wrong type"),
    ),
    security((), ("bearer" = []))
)]
pub(crate) async fn cancel_api(
    ctx: Ctx,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<CancelInput>,
) -> AppResult<Response> {
    let by = if ctx.user.as_ref().is_some_and(|u| u.has(Role::Organiser)) {
        crate::registrations::organiser::own_registration(&ctx, id).await?;
        CancelledBy::Organiser(ctx.actor()?)
    } else {
        if input.token.is_empty() {
            // Without a token this is a staff member's cancellation: an
            // organiser may sign in; another role may not cancel.
            return Err(match ctx.user {
                Some(_) => AppError::Forbidden,
                None => AppError::Unauthenticated,
            });
        }
        holder_of(&ctx.state, &input.token, id).await?;
        CancelledBy::Holder
    };
    let reason = aula_domain::details::ShortText::parse_optional(&input.reason)
        .map_err(|p| AppError::Invalid(aula_domain::FieldErrors::single("reason", p)))?;
    let cancelled = cancel(&ctx.state.app(), id, reason.as_ref().map(|r| r.as_str()), by).await?;
    if cancelled.was == RegistrationStatus::Cancelled {
        return Err(AppError::Conflict(Problem::new("error-already-cancelled")));
    }
    Ok(Json(CancelledOut {
        id,
        status: cancelled.registration.status.as_str().to_owned(),
        promoted: cancelled.promoted.iter().map(|r| r.id).collect(),
    })
    .into_response())
}

/// A correction of the identifier for the accrediting body, through the API.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentifierInput {
    /// The secret of the personal link (the last part of `/r/{token}` in
    /// the e-mails): the identifier is the person's to correct.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub token: String,
    /// The identifier, as the body's register has it (at most 60 characters).
    #[serde(default, deserialize_with = "input::loose_text")]
    pub identifier: String,
}

#[derive(Serialize, ToSchema)]
pub struct IdentifierOut {
    pub id: Uuid,
    pub identifier: String,
}

/// Corrects the identifier the course's accrediting body asks for (issue
/// 20), with the registration's personal-link token: only the person may,
/// and only the body's accreditors read it.
#[utoipa::path(
    put,
    path = "/api/v1/registrations/{id}/identifier",
    tag = "registrations",
    params(("id" = Uuid, Path, description = "The registration")),
    request_body = IdentifierInput,
    responses(
        (status = 200, body = IdentifierOut),
        (status = 403, body = ApiError, description = "The token is not this registration's"),
        (status = 404, body = ApiError),
        (status = 409, body = ApiError, description = "The course's body asks for no identifier, or the registration is cancelled"),
        (status = 422, body = ApiError, description = "No token, no identifier, or one longer than 60 characters"),
    ),
    security(())
)]
pub(crate) async fn correct_identifier_api(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<IdentifierInput>,
) -> AppResult<Response> {
    holder_of(&state, &input.token, id).await?;
    let identifier = required_identifier(&input.identifier).map_err(AppError::Invalid)?;
    let registration = correct_identifier(&state.app(), &input.token, &identifier).await?;
    let answer = Json(IdentifierOut {
        id,
        identifier: registration.body_identifier.unwrap_or_default(),
    });
    Ok(no_store(answer.into_response()))
}

/// Whether `token`, sent to the API, is registration `id`'s personal-link
/// secret: 422 without one, 403 for another's or a forged one, saying so
/// (session 28's attack round: it said "sign in" and "your role does not
/// allow this" to a person who has neither account nor role); a database
/// failure is that error, not a refusal.
async fn holder_of(state: &AppState, token: &str, id: Uuid) -> AppResult<()> {
    if token.is_empty() {
        return Err(AppError::Invalid(FieldErrors::single("token", Problem::required())));
    }
    match registrations::by_manage_token(&state.db, token).await {
        Ok(holder) if holder.id == id => Ok(()),
        Ok(_) | Err(aula_storage::StorageError::NotFound) => {
            Err(AppError::Refused(Problem::new("error-personal-link")))
        }
        Err(other) => Err(other.into()),
    }
}
