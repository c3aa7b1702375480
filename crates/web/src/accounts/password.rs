//! A staff member's own password: the current one, then the new one twice.
//! Until session 24 only an administrator could set a password, and setting
//! one's own that way signed one out. The change renews the session cookie.

use askama::Template;
use aula_domain::{FieldErrors, Password, Problem};
use axum::http::header::SET_COOKIE;
use axum::response::Response;
use axum_extra::extract::cookie::CookieJar;
use serde::Deserialize;

use crate::kit::context::{SESSION_COOKIE, session_cookie};
use crate::kit::extract::CsrfForm;
use crate::kit::pages::{Chrome, FormErrors, redirect_with, render, render_invalid};
use crate::{AppError, AppResult, Ctx};

#[derive(Template)]
#[template(path = "pages/password.html")]
struct Page {
    c: Chrome,
    errors: FormErrors,
}

pub(crate) async fn page(ctx: Ctx) -> AppResult<Response> {
    ctx.user()?;
    render(&Page {
        c: Chrome::new(&ctx),
        errors: FormErrors::none(),
    })
}

/// The form as typed; nothing of it is ever shown again.
#[derive(Deserialize)]
pub(crate) struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    new_password_again: String,
}

/// The new password, typed the same twice.
fn new_password(form: &PasswordForm) -> Result<Password, FieldErrors> {
    let mut errors = FieldErrors::new();
    let new = errors.take("new_password", Password::parse(&form.new_password));
    if new.is_some() && form.new_password_again != form.new_password {
        errors.add("new_password_again", Problem::new("error-password-mismatch"));
    }
    match new {
        Some(new) if errors.is_empty() => Ok(new),
        _ => Err(errors),
    }
}

pub(crate) async fn change(
    ctx: Ctx,
    client: crate::ops::limits::ClientAddr,
    jar: CookieJar,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    let email = user.user.email.clone();
    // Guessing the current password here is guessing it at the sign-in.
    crate::ops::limits::password_allowed(&ctx.state, &client, &email).await?;
    let kept = jar
        .get(SESSION_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_default();
    let changed = aula_app::users::change_own_password(
        &ctx.state.app(),
        &ctx.actor()?,
        user.user.id,
        &form.current_password,
        new_password(&form),
        &kept,
    )
    .await;
    match changed {
        Ok(renewed) => {
            let mut response = redirect_with(&ctx, "/account/password", "flash-password-changed");
            if let Some(session) = renewed {
                response
                    .headers_mut()
                    .append(SET_COOKIE, session_cookie(&session.cookie, ctx.secure));
            }
            Ok(response)
        }
        Err(aula_app::Error::Invalid(errors)) => {
            if !errors.get("current_password").is_empty() {
                crate::ops::limits::password_failed(&ctx.state, &client, &email).await?;
            }
            render_invalid(&Page {
                c: Chrome::new(&ctx),
                errors: FormErrors::new(ctx.tr(), &errors),
            })
        }
        Err(other) => Err(AppError::from(other)),
    }
}
