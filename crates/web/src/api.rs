//! The JSON API's shared parts: the OpenAPI document, its docs page, paging
//! and the error schema. The routes themselves live in their resource modules.

use std::sync::Arc;

use askama::Template;
use aula_storage::{Page, Paged};
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi, OpenApiBuilder};
use utoipa::{IntoParams, ToSchema};

use crate::pages::{Chrome, render};
use crate::{AppResult, AppState, Ctx};

pub struct ApiDoc;

impl ApiDoc {
    /// The document's frame; each resource module adds its paths.
    pub fn openapi_base() -> OpenApi {
        let mut doc = OpenApiBuilder::new()
            .info(
                utoipa::openapi::InfoBuilder::new()
                    .title("Aula API")
                    .version(env!("CARGO_PKG_VERSION"))
                    .description(Some(
                        "Training programmes: catalogue, sessions, registrations, attendance, surveys, \
                         certificates and indicators. Errors are JSON {error, message, fields}.",
                    ))
                    .build(),
            )
            .build();
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("aula_…")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("aula_session"))),
        );
        components
            .schemas
            .insert("Error".into(), <ApiError as utoipa::PartialSchema>::schema());
        doc
    }
}

/// Every error the API answers.
#[derive(Serialize, ToSchema)]
pub struct ApiError {
    /// A stable code: `invalid`, `not_found`, `conflict`, `unauthenticated`, `forbidden`, ...
    pub error: String,
    /// A sentence in the request's language (`Accept-Language` or `?lang=`).
    pub message: String,
    /// Per field, its problems in words.
    pub fields: std::collections::BTreeMap<String, Vec<String>>,
}

/// `?page=&per_page=` of every list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// 1-based page number (default 1).
    pub page: Option<u64>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u64>,
}

impl Paging {
    pub fn page(&self) -> Page {
        Page::new(self.page, self.per_page, 20)
    }
}

/// One page of a list.
#[derive(Serialize, ToSchema)]
pub struct Paginated<T: ToSchema> {
    pub items: Vec<T>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

impl<T: ToSchema> Paginated<T> {
    pub fn from<R>(paged: Paged<R>, f: impl FnMut(R) -> T) -> Self {
        let page = paged.page;
        let total = paged.total;
        Paginated {
            items: paged.items.into_iter().map(f).collect(),
            page: page.page,
            per_page: page.per_page,
            total,
        }
    }
}

#[derive(Template)]
#[template(path = "pages/api_docs.html")]
struct DocsPage {
    c: Chrome,
    labels_json: String,
}

async fn docs_page(ctx: Ctx) -> AppResult<Response> {
    let tr = ctx.tr();
    let labels: serde_json::Map<String, serde_json::Value> = crate::assets::API_DOCS_LABELS
        .iter()
        .map(|key| {
            (
                (*key).to_owned(),
                serde_json::Value::String(tr.t(&format!("api-docs-{key}"))),
            )
        })
        .collect();
    // Inside <script type="application/json">, only "</" could end the element early.
    let labels_json = serde_json::Value::Object(labels).to_string().replace("</", "<\\/");
    render(&DocsPage {
        c: Chrome::new(&ctx),
        labels_json,
    })
}

pub fn docs_router(openapi: Arc<OpenApi>) -> Router<AppState> {
    Router::new()
        .route(
            "/api/openapi.json",
            get(move || async move { axum::Json(openapi.as_ref().clone()).into_response() }),
        )
        .route("/api/docs", get(docs_page))
}
