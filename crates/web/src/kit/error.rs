//! The errors policy, once for the whole web layer.
//!
//! - Handlers return `AppResult<_>` (`Result<_, AppError>`). An `AppError`
//!   names what went wrong in the user's terms (a catalogue key), never a
//!   Rust error's text. The use cases' `aula_app::Error` and storage's
//!   `StorageError` become one through the `From`s below, so a handler only
//!   writes `?`.
//! - Bad input is the user's to fix: field problems are 422 with `fields`
//!   (HTML forms re-render themselves with the problems beside the fields and
//!   the values kept: the handler renders its form with `pages::FormErrors`
//!   through `pages::render_invalid`); malformed bodies, paths and queries
//!   are 400/422 through our own extractors (`kit::extract`), never axum's
//!   plain-text rejections. On the API a query parameter the endpoint does
//!   not read, or one given twice, is 422 naming it.
//! - A request that takes longer than `Config::request_timeout` to arrive
//!   and be answered is 408, in the reader's language, and nothing of it is
//!   kept; one whose commit was sent by then is answered when it ends
//!   (`aula_app::limited`): a 408 would deny what was kept.
//! - Uniqueness and state conflicts are 409; unknown ids 404; no credentials
//!   401; a role that may not act 403. Someone who may not even know that a
//!   record exists gets 404, not 403. A suspended organisation's public
//!   pages are 410, saying it is suspended (issue 17).
//! - A database that is away for a moment (restart, failover) is 503 with
//!   `Retry-After`; nothing was changed.
//! - Only the server's own failures are 500: they are logged with the request
//!   id and shown as a generic apology, without details.
//! - An `AppError` becomes a response in two steps: `into_response` leaves
//!   the error in the response's extensions, and the request's middleware
//!   (`context::layer`), which knows the request's language and whether it
//!   came to the API, renders it (`context::render_error`) as JSON
//!   `{"error", "message", "fields"}` or as the HTML error page
//!   (`pages::error_page`); a 401 on a page sends the person to sign in.

use aula_domain::{FieldErrors, Problem};
use aula_storage::StorageError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug, Clone)]
pub enum AppError {
    /// 400: the request itself is malformed (bad JSON, bad UTF-8, bad id).
    BadRequest(Problem),
    /// 401: no (valid) credentials.
    Unauthenticated,
    /// 403: signed in, but this role may not do this.
    Forbidden,
    /// 403 `forbidden`, with a message saying why where the role is not
    /// the reason: the staff of a suspended organisation (session 26).
    Refused(Problem),
    /// 403: a form without its anti-forgery token.
    Csrf,
    /// 403: an API change sent with our cookie from another site's page.
    CrossSite,
    /// 404.
    NotFound,
    /// 410: the record is there but withdrawn from the public, and the
    /// message says why (a suspended organisation's pages, issue 17).
    Gone(Problem),
    /// 409: a uniqueness rule or the record's state refuses the change.
    Conflict(Problem),
    /// 405: the address does not take this method.
    MethodNotAllowed,
    /// 413: the body is larger than we accept.
    TooLarge,
    /// 408: the request took longer than `Config::request_timeout` to arrive
    /// and be answered (a body sent over a slow link).
    Timeout,
    /// 415: a body that is not the content type the endpoint reads, which
    /// the message names (`application/json`, `text/csv`, ...).
    UnsupportedMediaType(&'static str),
    /// 422: the content is wrong, field by field.
    Invalid(FieldErrors),
    /// 429: a rate limit is passed; the client may try again after this
    /// many seconds (sent as `Retry-After`).
    TooManyRequests { retry_after: u64 },
    /// 503: the database is away for a moment (a restart, a failover, a
    /// full disk); nothing was changed, the client may try again (sent as
    /// `Retry-After`). The detail goes to the log only.
    Unavailable(String),
    /// 500: our failure; the detail goes to the log only.
    Internal(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Refused(_) | AppError::Csrf | AppError::CrossSite => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Gone(_) => StatusCode::GONE,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Timeout => StatusCode::REQUEST_TIMEOUT,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable machine-readable code of the JSON error.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden | AppError::Refused(_) => "forbidden",
            AppError::Csrf => "csrf",
            AppError::CrossSite => "cross_site",
            AppError::NotFound => "not_found",
            AppError::Gone(_) => "gone",
            AppError::Conflict(_) => "conflict",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::TooLarge => "too_large",
            AppError::Timeout => "timeout",
            AppError::UnsupportedMediaType(_) => "unsupported_media_type",
            AppError::Invalid(_) => "invalid",
            AppError::TooManyRequests { .. } => "too_many_requests",
            AppError::Unavailable(_) => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }

    /// The human message, as a catalogue entry.
    pub fn problem(&self) -> Problem {
        match self {
            AppError::BadRequest(p) | AppError::Conflict(p) | AppError::Gone(p) | AppError::Refused(p) => p.clone(),
            AppError::Unauthenticated => Problem::new("error-unauthenticated"),
            AppError::Forbidden => Problem::new("error-forbidden"),
            AppError::Csrf => Problem::new("error-csrf"),
            AppError::CrossSite => Problem::new("error-cross-site"),
            AppError::NotFound => Problem::new("error-not-found"),
            AppError::MethodNotAllowed => Problem::new("error-method-not-allowed"),
            AppError::TooLarge => Problem::new("error-too-large"),
            AppError::Timeout => Problem::new("error-timeout"),
            AppError::UnsupportedMediaType(expected) => Problem::new("error-media-type").with("expected", *expected),
            AppError::Invalid(_) => Problem::new("error-invalid"),
            AppError::TooManyRequests { .. } => Problem::new("error-too-many-requests"),
            AppError::Unavailable(_) => Problem::new("error-unavailable"),
            AppError::Internal(_) => Problem::new("error-internal"),
        }
    }

    pub fn fields(&self) -> Option<&FieldErrors> {
        match self {
            AppError::Invalid(fields) => Some(fields),
            _ => None,
        }
    }

    pub fn bad_request(key: &'static str) -> Self {
        AppError::BadRequest(Problem::new(key))
    }

    pub fn invalid(field: &str, key: &'static str) -> Self {
        AppError::Invalid(FieldErrors::single(field, Problem::new(key)))
    }
}

impl From<StorageError> for AppError {
    fn from(err: StorageError) -> Self {
        if let Some(problem) = err.conflict() {
            return AppError::Conflict(problem);
        }
        match err {
            StorageError::NotFound => AppError::NotFound,
            StorageError::Invalid(fields) => AppError::Invalid(fields),
            err if err.is_transient() => AppError::Unavailable(err.to_string()),
            StorageError::Db(db) => AppError::Internal(db.to_string()),
            // The conflicts, answered above.
            refused => AppError::Internal(refused.to_string()),
        }
    }
}

impl From<aula_app::Error> for AppError {
    fn from(err: aula_app::Error) -> Self {
        match err {
            aula_app::Error::NotFound => AppError::NotFound,
            aula_app::Error::Conflict(problem) => AppError::Conflict(problem),
            aula_app::Error::Invalid(fields) => AppError::Invalid(fields),
            aula_app::Error::Gone(problem) => AppError::Gone(problem),
            aula_app::Error::Storage(err) | aula_app::Error::Commit(err) => err.into(),
        }
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        StorageError::from(err).into()
    }
}

impl From<FieldErrors> for AppError {
    fn from(fields: FieldErrors) -> Self {
        AppError::Invalid(fields)
    }
}

impl From<askama::Error> for AppError {
    fn from(err: askama::Error) -> Self {
        AppError::Internal(format!("template: {err}"))
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            AppError::Internal(detail) => tracing::error!(%detail, "internal error"),
            AppError::Unavailable(detail) => tracing::warn!(%detail, "database unavailable"),
            _ => {}
        }
        let mut response = self.status().into_response();
        response.extensions_mut().insert(self);
        response
    }
}

pub type AppResult<T> = Result<T, AppError>;
