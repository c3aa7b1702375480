//! Aula's web layer: HTML pages and the JSON API over the same repositories.
//!
//! Invariants kept here:
//! - Every request passes through `context::layer`, which settles its
//!   language, who is asking (session cookie or bearer token) and its
//!   anti-forgery token once; handlers read that as [`Ctx`].
//! - Every error becomes a response in one place (`error.rs` says how).
//! - Each resource module has one `router()`; `router()` here merges them.
//!   API handlers are documented with utoipa and the document is served at
//!   `/api/openapi.json`, so it lists exactly the routes that exist.
//! - Pages work without JavaScript; CSS and scripts are served from the binary.

pub mod api;
mod assets;
mod attendance;
mod attendance_import;
mod bodies;
mod catalogue;
pub mod certificate_sheet;
mod certificates;
mod check_in;
pub mod context;
mod courses;
pub mod error;
mod extract;
mod imports;
mod indicators;
mod input;
mod limits;
mod manage;
mod me;
mod messages;
mod metrics;
mod ops;
mod pages;
mod programmes;
mod regions;
mod registrations;
mod sessions;
mod sign_in;
mod signup;
mod survey_templates;
mod surveys;
mod tokens;
mod users;

use std::sync::Arc;
use std::time::Duration;

use aula_mail::MailConfig;
use aula_storage::Database;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa_axum::router::OpenApiRouter;

pub use context::Ctx;
pub use error::{AppError, AppResult};

/// How the web layer was configured (from flags and `AULA_*` variables).
#[derive(Clone, Debug)]
pub struct Config {
    /// The address people reach Aula at, without a trailing slash: links in
    /// e-mails and QR codes are made from it.
    pub base_url: String,
    /// Whether the public endpoints are rate-limited (off only for benchmarks and tests).
    pub rate_limits: bool,
}

impl Config {
    /// Cookies are marked `Secure` when Aula is served over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// What every handler may use. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Database,
    pub config: Arc<Config>,
    pub mail: Arc<MailConfig>,
    pub metrics: Arc<metrics::Metrics>,
    /// Wakes this process's mail dispatcher after a change queued messages
    /// (dispatchers in other processes find them on their next round).
    pub wake: Arc<tokio::sync::Notify>,
}

impl AppState {
    pub fn new(db: Database, config: Config, mail: MailConfig, wake: Arc<tokio::sync::Notify>) -> Self {
        AppState {
            db,
            config: Arc::new(config),
            mail: Arc::new(mail),
            metrics: Arc::new(metrics::Metrics::default()),
            wake,
        }
    }
}

/// Bodies larger than this are refused with 413 before a handler sees them.
pub(crate) const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Every route of Aula, with its middleware.
pub fn router(state: AppState) -> Router {
    let (routes, openapi) = OpenApiRouter::with_openapi(api::ApiDoc::openapi_base())
        .merge(catalogue::router())
        .merge(certificates::router())
        .merge(check_in::router())
        .merge(attendance::router())
        .merge(attendance_import::router())
        .merge(sign_in::router())
        .merge(programmes::router())
        .merge(bodies::router())
        .merge(courses::router())
        .merge(sessions::router())
        .merge(regions::router())
        .merge(users::router())
        .merge(tokens::router())
        .merge(messages::router())
        .merge(registrations::router())
        .merge(imports::router())
        .merge(signup::router())
        .merge(surveys::router())
        .merge(manage::router())
        .merge(me::router())
        .merge(survey_templates::router())
        .merge(indicators::router())
        .split_for_parts();
    let openapi = Arc::new(openapi);

    routes
        .merge(api::docs_router(openapi))
        .merge(ops::router())
        .merge(assets::router())
        .fallback(|| async { AppError::NotFound })
        .layer(axum::middleware::from_fn_with_state(state.clone(), context::layer))
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::layer))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                let id = request
                    .headers()
                    .get("x-request-id")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                let path = loggable_path(request.uri().path());
                tracing::info_span!("request", method = %request.method(), %path, request_id = %id)
            }),
        )
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}

/// The request's path for the logs, without the secrets some paths carry
/// (personal links, confirmation, sign-in and survey tokens): a log line must
/// not open a door, nor tie a survey answer to its invitation.
fn loggable_path(path: &str) -> String {
    const SECRET_AFTER: &[&str] = &["/r/", "/confirm/", "/me/sign-in/", "/s/", "/api/v1/surveys/"];
    for prefix in SECRET_AFTER {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find('/').map(|i| &rest[i..]).unwrap_or("");
            return format!("{prefix}…{tail}");
        }
    }
    path.to_owned()
}

/// Serves until `shutdown` resolves, then lets requests in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

#[cfg(test)]
mod tests {
    #[test]
    fn secrets_stay_out_of_the_logs() {
        assert_eq!(super::loggable_path("/s/abc123"), "/s/…");
        assert_eq!(super::loggable_path("/r/abc/cancel"), "/r/…/cancel");
        assert_eq!(super::loggable_path("/sessions/1"), "/sessions/1");
    }
}
