//! Rate limits on the public endpoints that send e-mail or check passwords:
//! per client address and per e-mail address, counted in the database so
//! every process shares them (see `aula_storage::rate_limits`). Passing one
//! answers 429 with a message in the asker's language and `Retry-After`, the
//! seconds until the window that refused it ends.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use aula_domain::Email;
use aula_storage::rate_limits::{self, Limit};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use chrono::{DateTime, Duration, Utc};

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

impl std::fmt::Display for ClientAddr {
    /// The source a limit counts: an IPv4 address, or an IPv6 /64 (one
    /// household or server is given a whole /64, and could otherwise take a
    /// fresh address for every attempt).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.to_canonical() {
            IpAddr::V4(v4) => write!(f, "{v4}"),
            IpAddr::V6(v6) => {
                let s = v6.segments();
                write!(f, "{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        }
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
/// E-mailed sign-in links and codes ("my trainings", check-in).
const SIGN_IN_PER_ADDRESS: Limit = limit(30, 10);
const SIGN_IN_PER_EMAIL: Limit = limit(5, 15);

/// A 429 that says when the window that refused ends.
fn too_many(now: DateTime<Utc>, until: DateTime<Utc>) -> AppError {
    let milliseconds = (until - now).num_milliseconds().max(0);
    AppError::TooManyRequests {
        retry_after: u64::try_from(milliseconds.div_euclid(1000) + 1).unwrap_or(1),
    }
}

async fn check(state: &AppState, hits: &[(String, Limit)]) -> AppResult<()> {
    if !state.config.rate_limits {
        return Ok(());
    }
    let now = Utc::now();
    let mut refused_until: Option<DateTime<Utc>> = None;
    for (key, limit) in hits {
        if let Some(until) = rate_limits::hit(&state.db, key, *limit, now).await? {
            refused_until = refused_until.max(Some(until));
        }
    }
    match refused_until {
        Some(until) => Err(too_many(now, until)),
        None => Ok(()),
    }
}

/// The public always gives an e-mail; details without one (which only an
/// organiser may enter) count against the client's address alone.
pub async fn registration(state: &AppState, client: &ClientAddr, email: Option<&Email>) -> AppResult<()> {
    let mut counters = vec![(format!("register:addr:{client}"), REGISTRATION_PER_ADDRESS)];
    if let Some(email) = email {
        counters.push((format!("register:email:{email}"), REGISTRATION_PER_EMAIL));
    }
    check(state, &counters).await
}

// Staff passwords. Only wrong ones count, so an office whose staff sign in
// from one address is not locked out by its own successful sign-ins. They
// count three ways, so that nobody can lock the owner of an account out
// (issue 15) while guessing stays slow:
// - per address and account together: one source guessing one account is
//   refused, and only that pair (the owner elsewhere is not);
// - per address: one source trying many accounts is refused;
// - per account, from every address: many sources guessing one account. This
//   one never refuses, since refusing is what let anyone lock the owner out:
//   while it is passed, every attempt on the account, right or wrong, waits
//   `ACCOUNT_BACK_OFF` before its password is checked. The owner, from an
//   address that has not failed, still gets in; a crowd of guessers, each
//   held to a few tries per window by the pair limit, is slowed further.
const PASSWORD_PER_ADDRESS_AND_ACCOUNT: Limit = limit(5, 15);
const PASSWORD_PER_ADDRESS: Limit = limit(30, 10);
const PASSWORD_PER_ACCOUNT: Limit = limit(20, 15);
const ACCOUNT_BACK_OFF: std::time::Duration = std::time::Duration::from_secs(1);

/// The counters a wrong password from `client` for `email` adds to.
fn password_keys(client: &ClientAddr, email: &str) -> [(String, Limit); 3] {
    let account = email.trim().to_lowercase();
    [
        (
            format!("password:pair:{client}:{account}"),
            PASSWORD_PER_ADDRESS_AND_ACCOUNT,
        ),
        (format!("password:addr:{client}"), PASSWORD_PER_ADDRESS),
        (format!("password:account:{account}"), PASSWORD_PER_ACCOUNT),
    ]
}

/// Before a password is checked: refused (429) if this address, or this
/// address on this account, has had too many wrong ones; held back a moment
/// if the account has, from everywhere.
pub async fn password_allowed(state: &AppState, client: &ClientAddr, email: &str) -> AppResult<()> {
    if !state.config.rate_limits {
        return Ok(());
    }
    let now = Utc::now();
    let [pair, address, account] = password_keys(client, email);
    refused_if_used_up(state, &[pair, address], now).await?;
    if rate_limits::exhausted(&state.db, &account.0, account.1, now)
        .await?
        .is_some()
    {
        tokio::time::sleep(ACCOUNT_BACK_OFF).await;
    }
    Ok(())
}

/// Counts a wrong password.
pub async fn password_failed(state: &AppState, client: &ClientAddr, email: &str) -> AppResult<()> {
    count_failure(state, &password_keys(client, email)).await
}

/// For limits that count failures only: 429 if one of `counters` is used up.
async fn refused_if_used_up(state: &AppState, counters: &[(String, Limit)], now: DateTime<Utc>) -> AppResult<()> {
    let mut refused_until: Option<DateTime<Utc>> = None;
    for (key, limit) in counters {
        if let Some(until) = rate_limits::exhausted(&state.db, key, *limit, now).await? {
            refused_until = refused_until.max(Some(until));
        }
    }
    match refused_until {
        Some(until) => Err(too_many(now, until)),
        None => Ok(()),
    }
}

async fn count_failure(state: &AppState, counters: &[(String, Limit)]) -> AppResult<()> {
    if state.config.rate_limits {
        let now = Utc::now();
        for (key, limit) in counters {
            rate_limits::hit(&state.db, key, *limit, now).await?;
        }
    }
    Ok(())
}

// The one-time codes e-mailed for checking in have six digits: without a
// limit, a phone at the meeting could try them all while one is valid
// (found by attacking the forms, session 21). Only wrong ones count.
const CHECK_IN_CODE_PER_EMAIL: Limit = limit(5, 15);
const CHECK_IN_CODE_PER_ADDRESS: Limit = limit(30, 10);

fn check_in_code_keys(client: &ClientAddr, email: &str) -> [(String, Limit); 2] {
    [
        (
            format!("check-in-otp:email:{}", email.trim().to_lowercase()),
            CHECK_IN_CODE_PER_EMAIL,
        ),
        (format!("check-in-otp:addr:{client}"), CHECK_IN_CODE_PER_ADDRESS),
    ]
}

/// Before an e-mailed check-in code is tried: 429 after too many wrong ones
/// for this address or from this client.
pub async fn check_in_code_allowed(state: &AppState, client: &ClientAddr, email: &str) -> AppResult<()> {
    if !state.config.rate_limits {
        return Ok(());
    }
    refused_if_used_up(state, &check_in_code_keys(client, email), Utc::now()).await
}

/// Counts a wrong e-mailed check-in code.
pub async fn check_in_code_failed(state: &AppState, client: &ClientAddr, email: &str) -> AppResult<()> {
    count_failure(state, &check_in_code_keys(client, email)).await
}

/// Certificate verification: generous for people, tight for guessing (the
/// codes carry 128 random bits; the limit keeps scrapers slow all the same).
const VERIFICATION_PER_ADDRESS: Limit = limit(120, 10);

pub async fn verification(state: &AppState, client: &ClientAddr) -> AppResult<()> {
    check(state, &[(format!("verify:addr:{client}"), VERIFICATION_PER_ADDRESS)]).await
}

/// Sign-in links to "my trainings".
pub async fn sign_in(state: &AppState, client: &ClientAddr, what: &str, email: &str) -> AppResult<()> {
    check(
        state,
        &[
            (format!("{what}:addr:{client}"), SIGN_IN_PER_ADDRESS),
            (
                format!("{what}:email:{}", email.trim().to_lowercase()),
                SIGN_IN_PER_EMAIL,
            ),
        ],
    )
    .await
}
