//! Static files, compiled into the binary: the machine may have no network,
//! and neither may the offices that use it.

use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;

use crate::AppState;

const CSS: &str = include_str!("../assets/aula.css");
const API_DOCS_JS: &str = include_str!("../assets/api-docs.js");

/// The labels the API docs script reads, each `api-docs-<key>` in the catalogue.
pub const API_DOCS_LABELS: &[&str] = &[
    "loading", "error-title", "error-raw", "error-network", "error-status", "error-not-json",
    "error-not-openapi", "error-render", "status-loaded", "count-operations-one", "count-operations-other",
    "count-groups-one", "count-groups-other", "no-operations", "contents", "authentication", "schemas",
    "schemas-intro", "component-type", "tag-other", "info-version", "base-urls-one", "base-urls-other",
    "filter-label", "filter-hint", "filter-matches-one", "filter-matches-other", "filter-all", "expand-all",
    "collapse-all", "toolbar-label", "deprecated", "operation-id", "link-to-operation", "parameters",
    "request-body", "request-body-required", "request-body-optional", "responses", "heading-for",
    "column-name", "column-in", "column-required", "column-type", "column-description", "in-path",
    "in-query", "in-header", "in-cookie", "yes", "no", "status-default", "response-header",
    "response-header-described", "no-response-body", "no-responses", "auth-none", "auth-required",
    "security-http", "security-api-key-header", "security-api-key-query", "security-api-key-cookie",
    "security-api-key", "security-unknown", "security-bearer-format", "security-header", "token-placeholder",
    "body-schema", "content-type", "example", "required", "optional", "any-other-property",
    "other-properties-allowed", "no-documented-properties", "fields-of", "no-further-details",
    "nested-too-deep", "unresolved-ref", "recursive-ref", "alternatives-all-of", "alternatives-one-of",
    "alternatives-any-of", "discriminator", "each-value", "each-item", "fact-allowed-values", "fact-default",
    "fact-minimum", "fact-greater-than", "fact-maximum", "fact-less-than", "fact-min-length",
    "fact-max-length", "fact-pattern", "fact-min-items", "fact-max-items", "fact-unique-items",
    "fact-read-only", "fact-write-only", "fact-example", "type-string", "type-integer", "type-number",
    "type-boolean", "type-object", "type-array", "type-null", "type-any", "type-nothing", "type-const",
    "type-one-of", "type-any-of", "type-all-of", "type-array-of", "type-map-of", "type-tuple", "or",
];

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(CONTENT_TYPE, content_type), (CACHE_CONTROL, "public, max-age=3600")], body)
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/assets/aula.css", get(|| async { asset("text/css; charset=utf-8", CSS) }))
        .route("/assets/api-docs.js", get(|| async { asset("text/javascript; charset=utf-8", API_DOCS_JS) }))
}
