//! An organisation's face on its public pages (issue 17): whether its pages
//! are in service, its logo and its accent colour.
//!
//! A suspended organisation's catalogue, course and session pages and its
//! registration form (page and API) answer 410 Gone with a message saying
//! it is suspended, in the reader's language. 410 rather than 404: the
//! address is right and the reader (or an integration) should be told why
//! it no longer answers, not that they mistyped it; a mistyped slug stays
//! 404. Nothing of its records is shown, and no registration is taken.

use aula_storage::entities::organisation;
use aula_storage::organisations;
use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use crate::kit::extract::ApiPath;
use crate::{AppError, AppResult, AppState};

/// `org` if its public pages are in service; 410 if it is suspended.
pub fn serving(org: organisation::Model) -> AppResult<organisation::Model> {
    Ok(aula_app::organisations::in_service(org)?)
}

/// The organisation of a public page's record, if it is in service.
pub async fn serving_id(state: &AppState, id: Uuid) -> AppResult<organisation::Model> {
    Ok(aula_app::organisations::serving(&state.db, id).await?)
}

/// The organisation at `/o/{slug}/...`: 404 for a slug no organisation has.
async fn by_slug(state: &AppState, slug: &str) -> AppResult<organisation::Model> {
    organisations::by_slug(&state.db, slug).await?.ok_or(AppError::NotFound)
}

/// Browsers may keep the file, but ask again before using it: a new logo
/// or colour shows on the next page.
const REVALIDATE: &str = "no-cache";

/// `/o/{slug}/logo`: the organisation's logo as it was checked when
/// uploaded, with its type, `nosniff`, and for SVG a policy under which
/// nothing in it could run or load anything even if a check had missed it.
pub(crate) async fn logo(State(state): State<AppState>, ApiPath(slug): ApiPath<String>) -> AppResult<Response> {
    let org = serving(by_slug(&state, &slug).await?)?;
    let (content_type, bytes) = organisations::logo(&state.db, &org).await?.ok_or(AppError::NotFound)?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    let content_type = aula_domain::LogoKind::from_content_type(&content_type).ok_or(AppError::NotFound)?;
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type.content_type()));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
    if content_type == aula_domain::LogoKind::Svg {
        headers.insert(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"),
        );
    }
    Ok(response)
}

/// `/o/{slug}/brand.css`: the organisation's accent colour as the one
/// custom property the layout's stylesheet reads (`--accent`). A file, not
/// an inline style: the pages' policy allows styles from files only.
pub(crate) async fn brand_css(State(state): State<AppState>, ApiPath(slug): ApiPath<String>) -> AppResult<Response> {
    let org = by_slug(&state, &slug).await?;
    // Stored colours were parsed when set; parsed again, nothing else can reach the file.
    let colour = org
        .accent_colour
        .as_deref()
        .and_then(|c| aula_domain::AccentColour::parse(c).ok())
        .ok_or(AppError::NotFound)?;
    Ok((
        [(CONTENT_TYPE, "text/css; charset=utf-8"), (CACHE_CONTROL, REVALIDATE)],
        format!(":root {{ --accent: {colour}; }}\n"),
    )
        .into_response())
}
