//! Aula's web layer: HTML pages and the JSON API over the same repositories.
//!
//! Invariants kept here:
//! - Every request passes through `context::layer`, which settles its
//!   language, who is asking (session cookie or bearer token) and its
//!   anti-forgery token once; handlers read that as [`Ctx`], which also
//!   carries the [`AppState`] (`ctx.state`).
//! - Every error becomes a response in one place (`kit/error.rs` says how).
//! - `routes.rs` lists every route, pages and API, grouped by feature;
//!   `router()` here puts the middleware around them. API handlers are
//!   documented with utoipa and the document is served at
//!   `/api/openapi.json`, so it lists exactly the routes that exist.
//! - Handlers live in feature folders (`registrations/`, `sessions/`,
//!   `attendance/`...); what every feature shares is in `kit/`, running the
//!   server in `ops/`.
//! - Pages work without JavaScript; CSS and scripts are served from the binary.

mod accounts;
mod attendance;
mod catalogue;
mod certificates;
mod indicators;
pub mod kit;
mod messages;
mod ops;
mod people;
mod registrations;
mod routes;
mod sessions;
mod surveys;

/// The certificate's view model, for the benchmarks (`aula-bench`).
pub use certificates::sheet as certificate_sheet;

use std::sync::Arc;
use std::time::Duration;

use aula_mail::MailConfig;
use aula_storage::Database;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use kit::context;
use ops::{metrics, security, server};

pub use kit::context::Ctx;
pub use kit::error::{AppError, AppResult};

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
    /// How long a request may take to arrive and be answered: 408 after it.
    pub request_timeout: Duration,
    /// Connections open at once; the next ones wait.
    pub max_connections: usize,
    /// When set, `/metrics` answers only to `Authorization: Bearer <token>`.
    pub metrics_token: Option<String>,
}

impl Config {
    pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
    pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(60);
    pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
    pub const DEFAULT_MAX_CONNECTIONS: usize = 4096;

    /// The defaults for everything but the base URL.
    pub fn new(base_url: String) -> Self {
        Config {
            base_url,
            rate_limits: true,
            header_timeout: Self::DEFAULT_HEADER_TIMEOUT,
            idle_timeout: Self::DEFAULT_IDLE_TIMEOUT,
            request_timeout: Self::DEFAULT_REQUEST_TIMEOUT,
            max_connections: Self::DEFAULT_MAX_CONNECTIONS,
            metrics_token: None,
        }
    }

    /// `path` (from `/`) as an absolute link, for what leaves the page: an
    /// issuer's address, a private link to copy.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.base_url.trim().trim_end_matches('/'))
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
    /// The use cases, made once: its clones share one queue of writers.
    app: aula_app::App,
}

impl AppState {
    pub fn new(db: Database, config: Config, mail: MailConfig, wake: Arc<tokio::sync::Notify>) -> Self {
        let mail = Arc::new(mail);
        AppState {
            app: aula_app::App::new(db.clone(), mail.clone(), wake.clone()),
            db,
            config: Arc::new(config),
            mail,
            metrics: Arc::new(metrics::Metrics::default()),
            wake,
        }
    }

    /// The use cases, for this process (`aula_app`); the scheduled jobs of
    /// `serve` use them too.
    pub fn app(&self) -> aula_app::App {
        self.app.clone()
    }
}

/// Bodies larger than this are refused with 413 before a handler sees them.
pub(crate) const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Every route of Aula, with its middleware.
pub fn router(state: AppState) -> Router {
    let app = routes::for_people()
        .fallback(|| async { AppError::NotFound })
        // A method the address does not take is said in the reader's words,
        // after reading the body: a 405 that left it unread made hyper close
        // the connection under a client's next request (found by attacking
        // the forms, session 21).
        .method_not_allowed_fallback(
            |_body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>| async {
                AppError::MethodNotAllowed
            },
        )
        .layer(axum::middleware::from_fn_with_state(state.clone(), context::layer))
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::layer));
    // Health and metrics are for machines: outside the context and metrics layers.
    app.merge(routes::for_machines())
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        // The machines' routes; the people's are timed by the context
        // layer, which answers in their language, a moment before.
        .layer(axum::middleware::from_fn_with_state(state.clone(), outer_timeout))
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

/// Every request's limit, a moment after the people's routes' own (in the
/// context layer, which answers in the reader's language): the machines'
/// routes, and anything the context layer itself waits for. An empty 408,
/// unless a commit was sent (`aula_app::limited`).
async fn outer_timeout(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    aula_app::limited(state.config.request_timeout + Duration::from_secs(1), next.run(request))
        .await
        .unwrap_or_else(|| axum::response::IntoResponse::into_response(StatusCode::REQUEST_TIMEOUT))
}

/// The request's path for the logs, without the secrets some paths carry
/// (personal links, confirmation, sign-in and survey tokens): a log line must
/// not open a door, nor tie a survey answer to its invitation.
fn loggable_path(path: &str) -> String {
    const SECRET_AFTER: &[&str] = &[
        "/r/",
        "/confirm/",
        "/me/sign-in/",
        "/s/",
        "/api/v1/surveys/",
        "/facilitate/",
    ];
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
        // A co-facilitator's personal link (issue 20).
        assert_eq!(
            super::loggable_path("/facilitate/fac_secret/meetings/1"),
            "/facilitate/…/meetings/1"
        );
    }
}
