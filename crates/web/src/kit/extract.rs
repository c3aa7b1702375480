//! Our own extractors, so that a malformed path, query or body gets Aula's
//! error (in the user's language, JSON or HTML) instead of axum's plain text.

use axum::body::Bytes;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::{AppError, Ctx};

/// A JSON body; anything else is 400, 413, 415 or 422 with a message.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(AppError::UnsupportedMediaType("application/json")),
            Err(JsonRejection::JsonSyntaxError(_)) => Err(AppError::bad_request("error-json-syntax")),
            Err(JsonRejection::JsonDataError(err)) => Err(AppError::Invalid(aula_domain::FieldErrors::single(
                "body",
                json_problem(&err.body_text()),
            ))),
            Err(JsonRejection::BytesRejection(err)) if err.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::TooLarge)
            }
            Err(_) => Err(AppError::bad_request("error-body")),
        }
    }
}

/// serde's message names the field and what was wrong ("missing field
/// `title`", "invalid type: string, expected u32"); it is English, so we keep
/// only the field's name, as data, in a translated sentence.
pub fn json_problem(text: &str) -> aula_domain::Problem {
    let field = text.split('`').nth(1).filter(|f| f.len() < 60).unwrap_or("?");
    if text.contains("missing field") {
        aula_domain::Problem::new("error-json-missing").with("field", field)
    } else {
        aula_domain::Problem::new("error-json-type").with(
            "at",
            text.split(": ")
                .next()
                .unwrap_or("")
                .chars()
                .take(80)
                .collect::<String>(),
        )
    }
}

/// Path parameters; a malformed id is simply not found.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| ApiPath(value))
            .map_err(|_: PathRejection| AppError::NotFound)
    }
}

/// A query string; one that does not parse is 400.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        serde_html_form::from_str(query)
            .map(ApiQuery)
            .map_err(|_| AppError::bad_request("error-query"))
    }
}

/// An HTML form posted with its anti-forgery token (field `csrf`), which
/// must match the request's. Fields may repeat (`audiences=a&audiences=b`).
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let ctx = Ctx::from_request_parts(&mut parts, state).await?;
        let is_form = parts
            .headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(AppError::UnsupportedMediaType("application/x-www-form-urlencoded"));
        }
        let bytes = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(|err| {
                if err.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::TooLarge
                } else {
                    AppError::bad_request("error-body")
                }
            })?;
        let pairs: Vec<(String, String)> =
            serde_html_form::from_bytes(&bytes).map_err(|_| AppError::bad_request("error-form"))?;
        // Percent-decoding replaces bytes that are not UTF-8 with U+FFFD;
        // refuse the form rather than store the replacement characters.
        if pairs
            .iter()
            .any(|(k, v)| k.contains('\u{FFFD}') || v.contains('\u{FFFD}'))
        {
            return Err(AppError::bad_request("error-encoding"));
        }
        let token = pairs
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or_default();
        if !aula_storage::secrets::same_secret(token, &ctx.csrf) {
            return Err(AppError::Csrf);
        }
        // The token is the form's envelope, not its content: inputs that
        // refuse unknown fields never see it.
        let content: Vec<&(String, String)> = pairs.iter().filter(|(k, _)| k != "csrf").collect();
        let encoded = serde_html_form::to_string(&content).map_err(|_| AppError::bad_request("error-form"))?;
        serde_html_form::from_str(&encoded)
            .map(CsrfForm)
            .map_err(|_| AppError::bad_request("error-form"))
    }
}

/// A form with nothing but its token (a button).
#[derive(serde::Deserialize)]
pub struct NoFields {}
