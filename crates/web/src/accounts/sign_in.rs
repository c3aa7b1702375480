//! Staff sign-in with a password, and sign-out.

use askama::Template;
use aula_domain::Role;
use aula_storage::{users, web_sessions};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use serde::Deserialize;

use crate::kit::context::{SESSION_COOKIE, expired_session_cookie, session_cookie};
use crate::kit::extract::{ApiQuery, CsrfForm};
use crate::kit::pages::{Chrome, redirect_with, render, render_invalid};
use crate::kit::return_to;
use crate::{AppError, AppResult, Ctx};

#[derive(Template)]
#[template(path = "pages/sign_in.html")]
struct Page {
    c: Chrome,
    email: String,
    next: String,
    failed: bool,
}

#[derive(Deserialize, Default)]
pub(crate) struct NextQuery {
    #[serde(default)]
    next: String,
}

/// Where a sign-in leads when `next` is missing or not a path of this site.
const DEFAULT_NEXT: &str = "/staff";

pub(crate) async fn page(ctx: Ctx, ApiQuery(query): ApiQuery<NextQuery>) -> AppResult<Response> {
    if ctx.user.is_some() {
        return Ok(Redirect::to(&return_to::or_default(&query.next, DEFAULT_NEXT)).into_response());
    }
    // Only a safe `next` is carried into the form: the page never reflects
    // an address that leads elsewhere.
    render(&Page {
        c: Chrome::new(&ctx),
        email: String::new(),
        next: return_to::local_path(&query.next).unwrap_or_default(),
        failed: false,
    })
}

#[derive(Deserialize)]
pub(crate) struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub(crate) async fn sign_in(
    ctx: Ctx,
    client: crate::ops::limits::ClientAddr,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> AppResult<Response> {
    crate::ops::limits::password_allowed(&ctx.state, &client, &form.email).await?;
    let Some(user) = users::authenticate(&ctx.state.db, &form.email, &form.password).await? else {
        tracing::info!("sign-in refused");
        crate::ops::limits::password_failed(&ctx.state, &client, &form.email).await?;
        return render_invalid(&Page {
            c: Chrome::new(&ctx),
            email: form.email,
            next: return_to::local_path(&form.next).unwrap_or_default(),
            failed: true,
        });
    };
    let session = web_sessions::create(&ctx.state.db, user.user.id).await?;
    let mut response = redirect_with(
        &ctx,
        &return_to::or_default(&form.next, DEFAULT_NEXT),
        "flash-signed-in",
    );
    response
        .headers_mut()
        .append(SET_COOKIE, session_cookie(&session.cookie, ctx.secure));
    Ok(response)
}

pub(crate) async fn sign_out(
    ctx: Ctx,
    jar: CookieJar,
    CsrfForm(_): CsrfForm<crate::kit::extract::NoFields>,
) -> AppResult<Response> {
    if let Some(cookie) = jar.get(SESSION_COOKIE) {
        web_sessions::delete(&ctx.state.db, cookie.value()).await?;
    }
    let mut response = redirect_with(&ctx, "/", "flash-signed-out");
    response
        .headers_mut()
        .append(SET_COOKIE, expired_session_cookie(ctx.secure));
    Ok(response)
}

/// Where a signed-in staff member starts: their main work.
#[derive(serde::Deserialize)]
pub(crate) struct SwitchInput {
    #[serde(default)]
    organisation: String,
}

/// The organisation switcher in the staff header (issue 17): the signed-in
/// staff member works in another of their organisations from now on, kept
/// in their web session. One they are not a member of is not found.
pub(crate) async fn switch_organisation(
    ctx: Ctx,
    jar: CookieJar,
    CsrfForm(input): CsrfForm<SwitchInput>,
) -> AppResult<Response> {
    ctx.user()?;
    let id = crate::kit::input::parse_id(&input.organisation).map_err(|_| AppError::NotFound)?;
    let org = aula_domain::OrganisationId::from_row(id);
    let cookie = jar.get(SESSION_COOKIE).ok_or(AppError::Unauthenticated)?;
    if !web_sessions::choose(&ctx.state.db, cookie.value(), org).await? {
        return Err(AppError::NotFound);
    }
    Ok(redirect_with(&ctx, "/staff", "organisation-switched-flash"))
}

pub(crate) async fn home(ctx: Ctx) -> AppResult<Response> {
    let user = ctx.user()?;
    let to = if user.has(Role::Organiser) {
        "/staff/sessions"
    } else if user.has(Role::Trainer) {
        "/staff/my-sessions"
    } else if user.has(Role::Admin) {
        "/admin/users"
    } else if user.has(Role::Accreditor) {
        "/staff/certificates"
    } else {
        "/account/tokens"
    };
    Ok(Redirect::to(to).into_response())
}
