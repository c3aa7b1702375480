//! Public verification of a certificate by its code (page and API).

use askama::Template;
use aula_storage::certificates::{self};
use aula_storage::entities::certificate;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::hours;
use crate::kit::api::ApiError;
use crate::kit::extract::{ApiPath, ApiQuery};
use crate::kit::pages::{Chrome, render};
use crate::ops::limits::{self, ClientAddr};
use crate::{AppError, AppResult, AppState, Ctx};

// ----- verification --------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct Verification {
    /// Issued by Aula, neither revoked nor withdrawn.
    pub valid: bool,
    pub revoked: bool,
    /// Withdrawn at the holder's request (issue 21): the holder is no longer named.
    pub withdrawn: bool,
    /// The day it was revoked (not the reason).
    pub revoked_on: Option<NaiveDate>,
    pub number: String,
    pub holder: String,
    pub course: String,
    /// Hours attended.
    pub hours: f64,
    /// Hours the session planned (its meetings; the course's nominal hours
    /// for certificates issued before sessions' were kept).
    pub hours_planned: f64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub issued_on: NaiveDate,
    pub issuer: String,
    pub accreditation: Option<String>,
    /// `in_person`, `online` or `blended`.
    pub modality: String,
    pub place: Option<String>,
}

impl Verification {
    /// `revoked_on` is the day at the session's place ([`certificates::revoked_on`]).
    fn new(c: &certificate::Model, revoked_on: Option<NaiveDate>) -> Self {
        Verification {
            valid: c.revoked_at.is_none() && c.withdrawn_at.is_none(),
            revoked: c.revoked_at.is_some(),
            withdrawn: c.withdrawn_at.is_some(),
            revoked_on,
            number: c.number.clone(),
            holder: c.holder_name.clone(),
            course: c.course_title.clone(),
            hours: hours(c.attended_minutes),
            hours_planned: hours(super::planned_minutes(c)),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            issued_on: c.issued_on,
            issuer: c.issuer_name.clone(),
            accreditation: c.body_name.clone(),
            modality: c.modality.as_str().to_owned(),
            place: c.place.clone(),
        }
    }
}

/// Checks a certificate by its verification code: valid, revoked, or unknown (404).
/// Rate-limited per address.
#[utoipa::path(get, path = "/api/v1/verify/{code}", tag = "certificates", security(()),
    params(("code" = String, Path, description = "The code printed on the certificate")),
    responses((status = 200, body = Verification), (status = 404, body = ApiError, description = "No such certificate"),
        (status = 429, body = ApiError)))]
pub(crate) async fn verify_api(
    State(state): State<AppState>,
    client: ClientAddr,
    ApiPath(code): ApiPath<String>,
) -> AppResult<Json<Verification>> {
    limits::verification(&state, &client).await?;
    let found = certificates::by_code(&state.db, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    let revoked_on = certificates::revoked_on(&state.db, &found).await?;
    Ok(Json(Verification::new(&found, revoked_on)))
}

#[derive(Template)]
#[template(path = "pages/verify.html")]
struct VerifyPage {
    c: Chrome,
    code: String,
    result: Option<Verification>,
    /// A code was given and matches nothing.
    unknown: bool,
    /// "X h attended of the session's Y h".
    hours_line: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct VerifyQuery {
    #[serde(default)]
    code: String,
}

pub(crate) async fn verify_form(ctx: Ctx, ApiQuery(query): ApiQuery<VerifyQuery>) -> AppResult<Response> {
    let code = certificates::normalise_code(&query.code);
    if !code.is_empty() {
        return Ok(Redirect::to(&format!("/verify/{code}")).into_response());
    }
    render(&VerifyPage {
        c: Chrome::new(&ctx),
        code: String::new(),
        result: None,
        unknown: false,
        hours_line: String::new(),
    })
}

pub(crate) async fn verify_page(ctx: Ctx, client: ClientAddr, ApiPath(code): ApiPath<String>) -> AppResult<Response> {
    limits::verification(&ctx.state, &client).await?;
    let found = certificates::by_code(&ctx.state.db, &code).await?;
    let status = if found.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let (result, hours_line) = match &found {
        Some(c) => {
            let revoked_on = certificates::revoked_on(&ctx.state.db, c).await?;
            (Some(Verification::new(c, revoked_on)), super::hours_line(&ctx.tr(), c))
        }
        None => (None, String::new()),
    };
    let page = render(&VerifyPage {
        hours_line,
        c: Chrome::new(&ctx),
        code: certificates::normalise_code(&code),
        unknown: found.is_none(),
        result,
    })?;
    Ok((status, page).into_response())
}
