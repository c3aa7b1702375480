//! Rate limits on the public endpoints that send e-mail or check passwords:
//! per client address and per e-mail address, counted in the database so
//! every process shares them (see `aula_storage::rate_limits`). Passing one
//! answers 429 with a message in the asker's language.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use aula_domain::Email;
use aula_storage::rate_limits::{self, Limit};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use chrono::Duration;

use crate::{AppError, AppResult, AppState};

/// The address a request came from (the TCP peer: run behind a proxy that
/// connects from one address per client, or mind that all clients share it).
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let addr = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip());
        Ok(ClientAddr(addr))
    }
}

const fn limit(max: u32, minutes: i64) -> Limit {
    Limit {
        max,
        window: Duration::minutes(minutes),
    }
}

/// Registrations: an office behind one address registers a team, so the
/// address gets more room than one e-mail.
const REGISTRATION_PER_ADDRESS: Limit = limit(60, 10);
const REGISTRATION_PER_EMAIL: Limit = limit(6, 60);
/// Sign-in links and password attempts.
const SIGN_IN_PER_ADDRESS: Limit = limit(30, 10);
const SIGN_IN_PER_EMAIL: Limit = limit(5, 15);

async fn check(state: &AppState, hits: &[(String, Limit)]) -> AppResult<()> {
    if !state.config.rate_limits {
        return Ok(());
    }
    let now = chrono::Utc::now();
    let mut within = true;
    for (key, limit) in hits {
        within &= rate_limits::hit(&state.db, key, *limit, now).await?;
    }
    if within { Ok(()) } else { Err(AppError::TooManyRequests) }
}

pub async fn registration(state: &AppState, client: &ClientAddr, email: &Email) -> AppResult<()> {
    check(
        state,
        &[
            (format!("register:addr:{}", client.0), REGISTRATION_PER_ADDRESS),
            (format!("register:email:{email}"), REGISTRATION_PER_EMAIL),
        ],
    )
    .await
}

/// Staff passwords: only wrong ones count, so an office whose staff sign in
/// from one address is not locked out by its own successful sign-ins.
pub async fn password_allowed(state: &AppState, client: &ClientAddr, email: &str) -> AppResult<()> {
    if !state.config.rate_limits {
        return Ok(());
    }
    let now = chrono::Utc::now();
    let addr_key = format!("password:addr:{}", client.0);
    let by_addr = rate_limits::exhausted(&state.db, &addr_key, SIGN_IN_PER_ADDRESS, now).await?;
    let by_email = rate_limits::exhausted(&state.db, &password_email_key(email), SIGN_IN_PER_EMAIL, now).await?;
    if by_addr || by_email {
        return Err(AppError::TooManyRequests);
    }
    Ok(())
}

fn password_email_key(email: &str) -> String {
    format!("password:email:{}", email.trim().to_lowercase())
}

/// Counts a wrong password.
pub async fn password_failed(state: &AppState, client: &ClientAddr, email: &str) -> AppResult<()> {
    if state.config.rate_limits {
        let now = chrono::Utc::now();
        rate_limits::hit(
            &state.db,
            &format!("password:addr:{}", client.0),
            SIGN_IN_PER_ADDRESS,
            now,
        )
        .await?;
        rate_limits::hit(&state.db, &password_email_key(email), SIGN_IN_PER_EMAIL, now).await?;
    }
    Ok(())
}

/// Certificate verification: generous for people, tight for guessing (the
/// codes carry 128 random bits; the limit keeps scrapers slow all the same).
const VERIFICATION_PER_ADDRESS: Limit = limit(120, 10);

pub async fn verification(state: &AppState, client: &ClientAddr) -> AppResult<()> {
    check(
        state,
        &[(format!("verify:addr:{}", client.0), VERIFICATION_PER_ADDRESS)],
    )
    .await
}

/// Sign-in links to "my trainings".
pub async fn sign_in(state: &AppState, client: &ClientAddr, what: &str, email: &str) -> AppResult<()> {
    check(
        state,
        &[
            (format!("{what}:addr:{}", client.0), SIGN_IN_PER_ADDRESS),
            (
                format!("{what}:email:{}", email.trim().to_lowercase()),
                SIGN_IN_PER_EMAIL,
            ),
        ],
    )
    .await
}
