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
mod return_to;
pub mod security;
mod server;
mod sessions;
mod sign_in;
mod signup;
mod spreadsheet;
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
    /// A request's head must arrive within this (also how long an idle
    /// keep-alive connection is kept; see `server.rs`).
    pub header_timeout: Duration,
    /// A connection on which nothing moves for this long is closed.
    pub idle_timeout: Duration,
    /// Connections open at once; the next ones wait.
    pub max_connections: usize,
    /// When set, `/metrics` answers only to `Authorization: Bearer <token>`.
    pub metrics_token: Option<String>,
}

impl Config {
    pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
    pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(60);
    pub const DEFAULT_MAX_CONNECTIONS: usize = 4096;

    /// The defaults for everything but the base URL.
    pub fn new(base_url: String) -> Self {
        Config {
            base_url,
            rate_limits: true,
            header_timeout: Self::DEFAULT_HEADER_TIMEOUT,
            idle_timeout: Self::DEFAULT_IDLE_TIMEOUT,
            max_connections: Self::DEFAULT_MAX_CONNECTIONS,
            metrics_token: None,
        }
    }

    /// Cookies are marked `Secure` when Aula is served over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// The base URL's origin as a browser writes it in `Origin`
    /// (`https://host[:port]`, lower case, default port left out).
    pub fn origin(&self) -> Option<String> {
        let url = url::Url::parse(&self.base_url).ok()?;
        let origin = url.origin();
        origin.is_tuple().then(|| origin.ascii_serialization())
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

    /// The use cases, for this process (`aula_app`).
    pub fn app(&self) -> aula_app::App {
        aula_app::App::new(self.db.clone(), self.mail.clone(), self.wake.clone())
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
    let openapi = Arc::new(api::with_common_answers(openapi));

    // Health and metrics are for machines: no session, language or
    // anti-forgery token is settled for them (a Prometheus bearer token is
    // not an API token), and they are not counted in the request metrics.
    let app = routes
        .merge(api::docs_router(openapi))
        .merge(assets::router())
        .fallback(|| async { AppError::NotFound })
        .layer(axum::middleware::from_fn_with_state(state.clone(), context::layer))
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::layer));
    app.merge(ops::router())
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
        // Outermost, so that every answer has them, even a timeout's.
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::headers))
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
/// See `server.rs` for the limits on slow clients.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let config = state.config.clone();
    server::run(listener, router(state), &config, shutdown).await
}

pub use server::raise_open_files_limit;

#[cfg(test)]
mod tests {
    #[test]
    fn secrets_stay_out_of_the_logs() {
        assert_eq!(super::loggable_path("/s/abc123"), "/s/…");
        assert_eq!(super::loggable_path("/r/abc/cancel"), "/r/…/cancel");
        assert_eq!(super::loggable_path("/sessions/1"), "/sessions/1");
    }
}
