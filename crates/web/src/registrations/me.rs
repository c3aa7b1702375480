//! "My trainings" (`/me`): a trainee signs in with a one-time link e-mailed
//! to them (no password to forget), sees their registrations with their
//! meetings and calendar files, cancels, corrects their details and takes
//! a copy of their data.
//!
//! The link opens a page with a button rather than signing in on the spot:
//! mail scanners that fetch every link would otherwise use it up.

use askama::Template;
use aula_domain::{Email, FieldErrors, RegistrationStatus, SessionStatus};
use aula_storage::entities::person;
use aula_storage::sessions::{self, SessionRecord};
use aula_storage::{person_sessions, registrations};
use axum::http::HeaderValue;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, SET_COOKIE};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use serde::Deserialize;
use uuid::Uuid;

use crate::kit::context::{PERSON_COOKIE, expired_person_cookie, person_cookie};
use crate::kit::extract::{ApiPath, CsrfForm, NoFields};
use crate::kit::pages::{Chrome, FormErrors, no_store, redirect_with, render, render_invalid};
use crate::ops::limits::{self, ClientAddr};
use crate::registrations::signup::{Choices, RegistrationInput};
use crate::registrations::{RegistrationView, masked_identifier};
use crate::{AppError, AppResult, AppState, Ctx};
use aula_app::registrations::CancelledBy;

fn signed_in(ctx: &Ctx) -> AppResult<&person::Model> {
    ctx.person.as_ref().ok_or(AppError::NotFound)
}

#[derive(Template)]
#[template(path = "pages/me_sign_in.html")]
struct SignInPage {
    c: Chrome,
    email: String,
    errors: FormErrors,
    /// After asking: "if the address is known, a link is on its way".
    sent: bool,
    /// The link followed was used or expired.
    expired: bool,
}

/// One registration as the person sees it.
struct Item {
    registration: RegistrationView,
    record: SessionRecord,
    position: Option<u64>,
    manage_path: String,
    can_cancel: bool,
    /// What happened, for a finished training the person had a seat in.
    after: Option<Afterwards>,
    /// The person's other trainings at the same time (issue 20): their
    /// session and course title.
    overlaps: Vec<(Uuid, String)>,
    /// What the course's accrediting body calls the identifier it asks
    /// for, and the one kept, masked (issue 20): to correct on the
    /// registration's page. Only for a registration that stands.
    identifier: Option<(String, Option<String>)>,
}

impl Item {
    fn is_confirmed(&self) -> bool {
        self.registration.status == RegistrationStatus::Confirmed
    }
}

/// What a finished training came to for the person (issue 24): rather than
/// "Confirmed" and a calendar file for the past, their attendance, whether
/// they completed it, their certificate and the survey still to answer.
struct Afterwards {
    /// The badge's look (a CSS suffix) and message key.
    look: &'static str,
    key: &'static str,
    attended_meetings: i32,
    attended_minutes: i32,
    meetings: usize,
    /// The certificate's PDF, once issued (and not revoked).
    certificate: Option<String>,
    /// The survey's personal link, while it waits for an answer.
    survey: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/me.html")]
struct MyTrainings {
    c: Chrome,
    person: person::Model,
    items: Vec<Item>,
    /// (number, course, PDF link, verification link, revoked, credential file link)
    certificates: Vec<(String, String, String, String, bool, String)>,
}

async fn items(state: &AppState, person: &person::Model) -> AppResult<Vec<Item>> {
    let now = chrono::Utc::now();
    let certificates = aula_storage::certificates::for_person(&state.db, person.id).await?;
    let mut items = Vec::new();
    let mine = registrations::for_person(&state.db, person.id).await?;
    let ids: Vec<Uuid> = mine.iter().map(|r| r.id).collect();
    let overlapping = registrations::overlapping(&state.db, &ids).await?;
    for registration in mine {
        let record = sessions::get(&state.db, registration.session_id).await?;
        let position = registrations::waitlist_position(&state.db, &registration).await?;
        let live = registration.status.is_live();
        let started = record.cancellable(now).is_err();
        let after = match record.is_over(now) && registration.status == RegistrationStatus::Confirmed {
            false => None,
            true => {
                let certificate = certificates
                    .iter()
                    .find(|c| c.registration_id == registration.id && c.revoked_at.is_none())
                    .map(|c| aula_mail::notify::certificate_path(&state.mail, c.id));
                let survey = aula_storage::surveys::to_answer(&state.db, registration.id, now)
                    .await?
                    .map(|invitation| {
                        let token = aula_storage::surveys::token(&state.mail.link_key, invitation.id);
                        format!("/s/{token}")
                    });
                let (look, key) = match (record.status(), registration.completed) {
                    (SessionStatus::Completed, true) => ("completed", "me-outcome-completed"),
                    (SessionStatus::Completed, false) => ("closed", "me-outcome-not-completed"),
                    _ if registration.attended_meetings > 0 => ("open", "me-outcome-attended"),
                    _ => ("draft", "me-outcome-not-recorded"),
                };
                Some(Afterwards {
                    look,
                    key,
                    attended_meetings: registration.attended_meetings,
                    attended_minutes: registration.attended_minutes,
                    meetings: record.meetings.len(),
                    certificate,
                    survey,
                })
            }
        };
        let overlaps = match after {
            // Over: nothing is left to choose between.
            Some(_) => Vec::new(),
            None => overlapping
                .iter()
                .filter(|o| o.registration_id == registration.id)
                .map(|o| (o.session_id, o.title.clone()))
                .collect(),
        };
        let identifier = aula_app::registrations::asked_identifier(&record)
            .filter(|_| registration.status != RegistrationStatus::Cancelled)
            .map(|label| {
                let kept = registration.body_identifier.as_deref().map(masked_identifier);
                (label.to_owned(), kept)
            });
        items.push(Item {
            overlaps,
            identifier,
            manage_path: state.mail.manage_path(registration.id),
            can_cancel: live && !started,
            after,
            registration: RegistrationView::from(&registration),
            record,
            position,
        });
    }
    Ok(items)
}

pub(crate) async fn home(ctx: Ctx) -> AppResult<Response> {
    let Some(person) = ctx.person.clone() else {
        return render(&SignInPage {
            c: Chrome::new(&ctx),
            email: String::new(),
            errors: FormErrors::none(),
            sent: false,
            expired: false,
        });
    };
    let items = items(&ctx.state, &person).await?;
    let certificates = aula_storage::certificates::for_person(&ctx.state.db, person.id)
        .await?
        .into_iter()
        .map(|c| {
            (
                c.number.clone(),
                c.course_title.clone(),
                aula_mail::notify::certificate_path(&ctx.state.mail, c.id),
                format!("/verify/{}", c.verification_code),
                c.revoked_at.is_some(),
                format!("/certificates/{}/credential.json", c.id),
            )
        })
        .collect();
    let response = render(&MyTrainings {
        c: Chrome::of_organisation(&ctx, person.organisation_id).await?,
        person,
        items,
        certificates,
    })?;
    Ok(no_store(response))
}

#[derive(Deserialize)]
pub(crate) struct AskLink {
    #[serde(default)]
    email: String,
}

/// Sends a sign-in link if the address is a trainee's; the page says the
/// same either way, so it tells nobody who is registered.
pub(crate) async fn ask_link(ctx: Ctx, client: ClientAddr, CsrfForm(form): CsrfForm<AskLink>) -> AppResult<Response> {
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(problem) => {
            return render_invalid(&SignInPage {
                c: Chrome::new(&ctx),
                errors: FormErrors::new(ctx.tr(), &FieldErrors::single("email", problem)),
                email: form.email,
                sent: false,
                expired: false,
            });
        }
    };
    limits::sign_in(&ctx.state, &client, "me-link", email.as_str()).await?;
    aula_app::people::send_sign_in_link(&ctx.state.app(), &email).await?;
    render(&SignInPage {
        c: Chrome::new(&ctx),
        email: email.to_string(),
        errors: FormErrors::none(),
        sent: true,
        expired: false,
    })
}

#[derive(Template)]
#[template(path = "pages/me_link.html")]
struct LinkPage {
    c: Chrome,
    token: String,
}

fn expired_page(ctx: &Ctx) -> AppResult<Response> {
    let page = render(&SignInPage {
        c: Chrome::new(ctx),
        email: String::new(),
        errors: FormErrors::none(),
        sent: false,
        expired: true,
    })?;
    Ok((axum::http::StatusCode::GONE, page).into_response())
}

pub(crate) async fn link_page(ctx: Ctx, ApiPath(token): ApiPath<String>) -> AppResult<Response> {
    if !person_sessions::link_is_live(&ctx.state.db, &token).await? {
        return expired_page(&ctx);
    }
    render(&LinkPage {
        c: Chrome::new(&ctx),
        token,
    })
}

pub(crate) async fn use_link(
    ctx: Ctx,
    ApiPath(token): ApiPath<String>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let Some(session) = aula_app::people::sign_in(&ctx.state.app(), &token).await? else {
        return expired_page(&ctx);
    };
    let mut response = redirect_with(&ctx, "/me", "me-signed-in");
    response
        .headers_mut()
        .append(SET_COOKIE, person_cookie(&session.cookie, ctx.secure));
    Ok(response)
}

pub(crate) async fn sign_out(
    ctx: Ctx,
    jar: CookieJar,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    if let Some(cookie) = jar.get(PERSON_COOKIE) {
        person_sessions::sign_out(&ctx.state.db, cookie.value()).await?;
    }
    let mut response = redirect_with(&ctx, "/", "me-signed-out");
    response
        .headers_mut()
        .append(SET_COOKIE, expired_person_cookie(ctx.secure));
    Ok(response)
}

#[derive(Template)]
#[template(path = "pages/me_details.html")]
struct DetailsPage {
    c: Chrome,
    email: String,
    form: RegistrationInput,
    errors: FormErrors,
    choices: Choices,
}

impl DetailsPage {
    async fn new(ctx: &Ctx, email: String, form: RegistrationInput, errors: FormErrors) -> AppResult<Self> {
        let organisation = signed_in(ctx)?.organisation_id;
        let c = Chrome::of_organisation(ctx, organisation).await?;
        let choices = Choices::new(&c, &ctx.state, &form.audience).await?;
        Ok(DetailsPage {
            c,
            email,
            form,
            errors,
            choices,
        })
    }
}

fn form_of(person: &person::Model) -> RegistrationInput {
    RegistrationInput {
        given_name: person.given_name.clone(),
        family_name: person.family_name.clone(),
        email: person.email.clone().unwrap_or_default(),
        without_email: false,
        phone: person.phone.clone().unwrap_or_default(),
        employer: person.employer.clone().unwrap_or_default(),
        job_title: person.job_title.clone().unwrap_or_default(),
        audience: person.audience.as_ref().map(ToString::to_string).unwrap_or_default(),
        region_id: person.region_id.map(|id| id.to_string()).unwrap_or_default(),
        language: person.language.as_str().to_owned(),
        consent: person.consent_at.is_some(),
        website: String::new(),
        invitation: String::new(),
        identifier: String::new(),
    }
}

pub(crate) async fn details_page(ctx: Ctx) -> AppResult<Response> {
    let person = signed_in(&ctx)?.clone();
    // Signed in by their address: someone signed in has one.
    let email = person.email.clone().unwrap_or_default();
    let page = DetailsPage::new(&ctx, email, form_of(&person), FormErrors::none()).await?;
    render(&page)
}

pub(crate) async fn save_details(ctx: Ctx, CsrfForm(mut form): CsrfForm<RegistrationInput>) -> AppResult<Response> {
    let person = signed_in(&ctx)?.clone();
    // The address is how they sign in: it is not changed here.
    form.email = person.email.clone().unwrap_or_default();
    form.without_email = false;
    let details = match form.parse(&ctx.state, ctx.lang, false).await? {
        Ok(details) => details,
        Err(errors) => {
            let errors = FormErrors::new(ctx.tr(), &errors);
            return render_invalid(&DetailsPage::new(&ctx, form.email.clone(), form, errors).await?);
        }
    };
    aula_app::people::correct_details(&ctx.state.app(), person.id, &details).await?;
    Ok(redirect_with(&ctx, "/me", "me-details-saved"))
}

/// Everything Aula keeps about the person, as JSON (their right of access).
pub(crate) async fn data(ctx: Ctx) -> AppResult<Response> {
    let person = signed_in(&ctx)?.clone();
    let mut registrations = Vec::new();
    for item in items(&ctx.state, &person).await? {
        let r = &item.registration;
        registrations.push(serde_json::json!({
            "id": r.id,
            "session_id": r.session_id,
            "course": item.record.course.course.title,
            "status": r.status,
            "waitlist_position": item.position,
            "source": r.source,
            "created_at": r.created_at,
            "confirmed_at": r.confirmed_at,
            "cancelled_at": r.cancelled_at,
            "meetings": item.record.meetings.iter().map(|m| serde_json::json!({
                "starts_at": m.starts_at, "ends_at": m.ends_at,
            })).collect::<Vec<_>>(),
        }));
    }
    let body = serde_json::json!({
        "person": {
            "given_name": person.given_name,
            "family_name": person.family_name,
            "email": person.email,
            "phone": person.phone,
            "employer": person.employer,
            "job_title": person.job_title,
            "audience": person.audience,
            "region_id": person.region_id,
            "language": person.language,
            "consent_at": person.consent_at,
            "consent_version": person.consent_version,
            "created_at": person.created_at,
            "updated_at": person.updated_at,
        },
        "registrations": registrations,
        // Everything else erasure would remove (issue 21).
        "also_held": aula_storage::retention::export(&ctx.state.db, &person).await?,
    });
    let text = serde_json::to_string_pretty(&body).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            ),
            (
                CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"aula-my-data.json\""),
            ),
        ],
        text,
    )
        .into_response())
}

/// "Cancel" on "my trainings" leads here first: what is cancelled, and the button.
pub(crate) async fn cancel_page(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let person = signed_in(&ctx)?;
    let registration = registrations::get(&ctx.state.db, id).await?;
    if registration.person_id != person.id {
        return Err(AppError::NotFound);
    }
    let record = sessions::get(&ctx.state.db, registration.session_id).await?;
    crate::registrations::cancel_confirm(
        &ctx,
        record,
        &registration,
        format!("/me/registrations/{id}/cancel"),
        "/me".to_owned(),
    )
    .await
}

pub(crate) async fn cancel(
    ctx: Ctx,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let person = signed_in(&ctx)?;
    let registration = registrations::get(&ctx.state.db, id).await?;
    if registration.person_id != person.id {
        return Err(AppError::NotFound);
    }
    let cancelled = aula_app::registrations::cancel(&ctx.state.app(), id, None, CancelledBy::Holder).await?;
    Ok(redirect_with(&ctx, "/me", super::manage::cancelled_flash(&cancelled)))
}
