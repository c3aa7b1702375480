//! The JSON API's shared parts: the OpenAPI document, its docs page, paging
//! and the error schema. The routes themselves live in their resource modules.

use askama::Template;
use aula_storage::{Page, Paged};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{Content, Header, OpenApi, OpenApiBuilder, Ref, RefOr, Response as ApiResponse};
use utoipa::{IntoParams, ToSchema};

use crate::kit::pages::{Chrome, render};
use crate::{AppError, AppResult, Ctx};

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

/// Adds to every operation what is the same for all of them, once here
/// rather than in each annotation.
///
/// Operations ask to be signed in (by bearer token or session cookie)
/// unless their annotation says `security(())`: forgetting to say it leaves
/// a public route documented as closed, never the other way round.
///
/// And the answers that the layers around its handler can give, so the
/// document names every status the API can answer (issue 15):
/// - 401 everywhere: an `Authorization` header that is not a valid bearer
///   token is refused even on public routes;
/// - 400 where a query string or a body is read (one that cannot be parsed);
/// - 404 where the path has an id (a malformed or unknown one);
/// - 413 and 415 where a body is read (too large; not the declared type);
/// - 422 where a query string is read (a parameter the endpoint does not
///   read, one given twice, a value out of its range such as `per_page`);
/// - `Retry-After` on every 429.
pub fn with_common_answers(mut doc: OpenApi) -> OpenApi {
    for item in doc.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            complete(operation);
        }
    }
    doc
}

fn complete(operation: &mut Operation) {
    let public = [SecurityRequirement::default()];
    match operation.security.as_deref() {
        None => {
            operation.security = Some(vec![
                SecurityRequirement::new("bearer", [] as [&str; 0]),
                SecurityRequirement::new("cookie", [] as [&str; 0]),
            ])
        }
        Some(s) if s == public => operation.security = None,
        Some(_) => {}
    }
    let parameters: Vec<(ParameterIn, String)> = operation
        .parameters
        .iter()
        .flatten()
        .filter_map(|p| match p {
            RefOr::T(p) => Some((p.parameter_in.clone(), p.name.clone())),
            RefOr::Ref(_) => None,
        })
        .collect();
    let query = parameters.iter().any(|(at, _)| *at == ParameterIn::Query);
    let path = parameters.iter().any(|(at, _)| *at == ParameterIn::Path);
    let paged = parameters.iter().any(|(_, name)| name == "per_page");
    let body = operation.request_body.is_some();
    let mut add = |status: &str, description: &str| {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| error_response(description).into());
    };
    add(
        "401",
        "Not signed in where that is needed, or an `Authorization` header that is not a valid bearer token",
    );
    if query || body {
        add("400", "A query string or body that cannot be read");
    }
    if path {
        add("404", "No such record (or a malformed id)");
    }
    if body {
        add("413", "The body is larger than 2 MiB");
        add("415", "The body is not of the declared content type");
    }
    if query || paged {
        add(
            "422",
            "A query parameter the endpoint does not read or given twice, or a value out of its range, such as `per_page` above 100",
        );
    }
    add(
        "503",
        "The database is away for a moment (a restart, a failover); nothing was changed, try again after `Retry-After` seconds",
    );
    for (status, description) in [
        ("429", "Seconds until the limit's window ends"),
        ("503", "Seconds to wait before trying again"),
    ] {
        if let Some(RefOr::T(response)) = operation.responses.responses.get_mut(status) {
            response.headers.entry("Retry-After".to_owned()).or_insert_with(|| {
                let mut header = Header::new(<u64 as utoipa::PartialSchema>::schema());
                header.description = Some(description.to_owned());
                RefOr::T(header)
            });
        }
    }
}

fn error_response(description: &str) -> ApiResponse {
    let mut response = ApiResponse::new(description);
    response.content.insert(
        "application/json".to_owned(),
        RefOr::T(Content::new(Some(Ref::from_schema_name("ApiError")))),
    );
    response
}

/// Every error the API answers.
#[derive(Serialize, ToSchema)]
pub struct ApiError {
    /// A stable code: `invalid`, `not_found`, `conflict`, `unauthenticated`, `forbidden`, ...
    pub error: String,
    /// A sentence in the request's language (`?lang=`, `Accept-Language`, else a bearer token's account's).
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
    /// Items per page, 1 to 100 (default 20); more is refused (422).
    pub per_page: Option<u64>,
}

impl Paging {
    pub fn page(&self) -> AppResult<Page> {
        page(self.page, self.per_page, 20)
    }
}

/// A page of a list of programmes or courses, which hides the archived
/// ones unless asked (issue 20).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ArchivedPaging {
    /// 1-based page number (default 1).
    pub page: Option<u64>,
    /// Items per page, 1 to 100 (default 20); more is refused (422).
    pub per_page: Option<u64>,
    /// `true` lists the archived ones too, each with its `archived_at`.
    pub archived: Option<bool>,
}

impl ArchivedPaging {
    pub fn page(&self) -> AppResult<Page> {
        page(self.page, self.per_page, 20)
    }

    pub fn archived(&self) -> aula_storage::Archived {
        aula_storage::Archived::shown(self.archived == Some(true))
    }

    /// The query a list page's links keep.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        archived_params(self.archived == Some(true))
    }
}

/// Minutes as the API's hours: two decimals, as every other figure it
/// gives (a 40-minute meeting was 0.6666666666666666 hours: session 29's
/// attack round).
pub fn hours(minutes: i32) -> f64 {
    (f64::from(minutes) / 0.6).round() / 100.0
}

/// The query a list page's links keep when it shows the archived ones.
pub fn archived_params(shown: bool) -> Vec<(&'static str, String)> {
    match shown {
        true => vec![("archived", "true".to_owned())],
        false => Vec::new(),
    }
}

/// The page a list was asked for. `per_page` outside 1 to 100 is refused
/// (422) rather than quietly changed, so an integration that asks for more
/// than it can get learns it instead of missing rows.
pub fn page(page: Option<u64>, per_page: Option<u64>, default_per_page: u64) -> AppResult<Page> {
    if per_page.is_some_and(|n| !(1..=Page::MAX_PER_PAGE).contains(&n)) {
        let problem = aula_domain::Problem::new("error-range")
            .with("min", 1)
            .with("max", Page::MAX_PER_PAGE);
        return Err(AppError::Invalid(aula_domain::FieldErrors::single("per_page", problem)));
    }
    Ok(Page::new(page, per_page, default_per_page))
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

/// `201 Created` with the new resource's address and what the API says of it:
/// the answer of every create that has an address of its own.
pub fn created(location: String, body: impl Serialize) -> Response {
    use axum::http::{StatusCode, header::LOCATION};
    use axum::response::IntoResponse;
    (StatusCode::CREATED, [(LOCATION, location)], axum::Json(body)).into_response()
}

pub(crate) async fn docs_page(ctx: Ctx) -> AppResult<Response> {
    let tr = ctx.tr();
    let labels: serde_json::Map<String, serde_json::Value> = crate::ops::assets::API_DOCS_LABELS
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
