//! What a credential links to, served to anyone (issue 19): the revocation
//! status lists, the achievement a session's certificates attest and the
//! issuer's profile. The last two are pages for people and JSON-LD for
//! machines, by the request's `Accept`.

use askama::Template;
use aula_documents::credential::{self, OB_CONTEXT, VC_CONTEXT};
use aula_storage::certificates;
use aula_storage::entities::certificate;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::header::{ACCEPT, CACHE_CONTROL, CONTENT_TYPE, VARY};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Signer, criteria, planned_minutes};
use crate::kit::extract::ApiPath;
use crate::kit::pages::{Chrome, render};
use crate::{AppError, AppResult, AppState, Ctx};

/// JSON-LD, uncached where it may change at once (a revocation).
fn linked_data(document: &Value, cache: &'static str) -> Response {
    (
        [
            (CONTENT_TYPE, "application/ld+json"),
            (CACHE_CONTROL, cache),
            (VARY, "Accept"),
        ],
        document.to_string(),
    )
        .into_response()
}

/// Whether the client asks for JSON-LD (or JSON) rather than a page: it
/// names one of them, and names it before `text/html` if it names both.
fn wants_linked_data(headers: &HeaderMap) -> bool {
    let accept = headers
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let position = |kind: &str| accept.find(kind);
    let data = [
        position("application/ld+json"),
        position("application/json"),
        position("application/vc"),
    ]
    .into_iter()
    .flatten()
    .min();
    match (data, position("text/html")) {
        (Some(_), None) => true,
        (Some(data), Some(html)) => data < html,
        _ => false,
    }
}

/// The number of a status list in its address.
#[derive(serde::Deserialize)]
pub(crate) struct ListNumber {
    list: u32,
}

/// Revocation status list number `list`: a `BitstringStatusListCredential`
/// signed by its issuer, bit set for every certificate of that issuer
/// (the instance's list: every certificate) revoked or withdrawn in it.
/// Nothing else: no date, no count, no reason. Not cached, so a
/// revocation shows at once.
pub(crate) async fn status_list(
    State(state): State<AppState>,
    signer: Signer,
    ApiPath(ListNumber { list }): ApiPath<ListNumber>,
) -> AppResult<Response> {
    // Lists exist as far as certificates could have been placed in them.
    let list_i32 = i32::try_from(list).map_err(|_| AppError::NotFound)?;
    if list_i32 > 16_383 {
        return Err(AppError::NotFound);
    }
    let bits = certificates::revoked_bits(&state.db, signer.organisation, list_i32).await?;
    let document = credential::status_list_credential(&signer.key, &signer.issuer, list, bits)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(linked_data(&document, "no-cache"))
}

#[derive(Template)]
#[template(path = "pages/achievement.html")]
struct AchievementPage {
    c: Chrome,
    certificate: certificate::Model,
    criteria: String,
    issuer_name: String,
    planned_minutes: i32,
}

/// The session in an achievement's address.
#[derive(serde::Deserialize)]
pub(crate) struct SessionNumber {
    id: Uuid,
}

/// The achievement a session's certificates attest (`achievement.id` in
/// their credentials): the course as the session delivered it. As a page,
/// or as the OB 3.0 `Achievement` in JSON-LD. Unknown until a certificate
/// of the session is issued.
pub(crate) async fn achievement(
    ctx: Ctx,
    headers: HeaderMap,
    signer: Signer,
    ApiPath(SessionNumber { id: session_id }): ApiPath<SessionNumber>,
) -> AppResult<Response> {
    let c = certificates::any_of_session(&ctx.state.db, signer.organisation, session_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if wants_linked_data(&headers) {
        let mut document = credential::achievement(&signer.issuer, &super::achievement(&ctx.state, &c));
        if let Some(object) = document.as_object_mut() {
            let mut with_context = serde_json::Map::new();
            with_context.insert("@context".into(), json!([VC_CONTEXT, OB_CONTEXT]));
            with_context.extend(std::mem::take(object));
            *object = with_context;
        }
        return Ok(linked_data(&document, "max-age=300"));
    }
    let tr = ctx.tr();
    let mut response = render(&AchievementPage {
        criteria: criteria(&tr, &c),
        issuer_name: signer.issuer.name,
        planned_minutes: planned_minutes(&c),
        c: Chrome::new(&ctx),
        certificate: c,
    })?;
    response
        .headers_mut()
        .insert(VARY, axum::http::HeaderValue::from_static("Accept"));
    Ok(response)
}

#[derive(Template)]
#[template(path = "pages/issuer.html")]
struct IssuerPage {
    c: Chrome,
    name: String,
    did: String,
    key: String,
}

/// The issuer's profile (`issuer.url` in the credentials): who signs, with
/// which DID and key. As a page, or as the OB 3.0 `Profile` in JSON-LD.
pub(crate) async fn profile(ctx: Ctx, signer: Signer, headers: HeaderMap) -> AppResult<Response> {
    let Signer { issuer, key, .. } = signer;
    if wants_linked_data(&headers) {
        let mut document = json!({ "@context": [VC_CONTEXT, OB_CONTEXT] });
        if let (Some(object), Value::Object(profile)) = (document.as_object_mut(), credential::profile(&issuer)) {
            object.extend(profile);
        }
        return Ok(linked_data(&document, "max-age=300"));
    }
    let mut response = render(&IssuerPage {
        c: Chrome::new(&ctx),
        did: issuer.did(),
        key: issuer.multikey_id(&key),
        name: issuer.name,
    })?;
    response
        .headers_mut()
        .insert(VARY, axum::http::HeaderValue::from_static("Accept"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_chooses_page_or_data() {
        let with = |accept: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(ACCEPT, accept.parse().expect("header"));
            wants_linked_data(&headers)
        };
        assert!(with("application/ld+json"));
        assert!(with("application/json"));
        assert!(with("application/ld+json, text/html;q=0.5"));
        assert!(!with("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assert!(!with("*/*"));
        assert!(!wants_linked_data(&HeaderMap::new()));
    }
}
