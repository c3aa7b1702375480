//! Operations: health for load balancers, metrics for Prometheus.

use axum::extract::State;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::AppState;

/// 200 when the database answers, 503 when it does not.
pub(crate) async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match aula_storage::db::ping(&state.db).await {
        Ok(()) => (StatusCode::OK, axum::Json(serde_json::json!({"status": "ok"}))),
        Err(err) => {
            tracing::warn!(%err, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(serde_json::json!({"status": "database unavailable"})),
            )
        }
    }
}

/// 200 when the database takes a write, 503 when it does not (a full disk,
/// an I/O error): a load balancer sends no sign-ups to a process that could
/// only refuse them. Heavier than `/healthz`, which only reads.
pub(crate) async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match aula_storage::db::ready(&state.db).await {
        Ok(()) => (StatusCode::OK, axum::Json(serde_json::json!({"status": "ok"}))),
        Err(err) => {
            tracing::warn!(%err, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(serde_json::json!({"status": "database cannot write"})),
            )
        }
    }
}

/// The Prometheus exposition; with `AULA_METRICS_TOKEN` set, only to a
/// scraper that sends it as a bearer token.
pub(crate) async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(expected) = &state.config.metrics_token {
        let given = headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        if !given.is_some_and(|given| crate::ops::security::same_secret(given, expected)) {
            return (
                StatusCode::UNAUTHORIZED,
                [(WWW_AUTHENTICATE, "Bearer")],
                "metrics token required\n",
            )
                .into_response();
        }
    }
    let mut text = state.metrics.render();
    // The outbox's depth is the database's, shared by every process.
    text.push_str("# HELP aula_outbox_messages Messages in the outbox by status.\n");
    text.push_str("# TYPE aula_outbox_messages gauge\n");
    match aula_storage::outbox::depth(&state.db).await {
        Ok(depth) => {
            for status in aula_domain::MessageStatus::ALL {
                let count = depth.iter().find(|(s, _)| s == status).map_or(0, |(_, c)| *c);
                text.push_str(&format!("aula_outbox_messages{{status=\"{status}\"}} {count}\n"));
            }
        }
        Err(err) => tracing::warn!(%err, "outbox depth unavailable"),
    }
    match aula_storage::outbox::oldest_due_age(&state.db).await {
        Ok(age) => {
            let seconds = age.map_or(0.0, |a| a.num_milliseconds().max(0) as f64 / 1000.0);
            text.push_str(&crate::ops::metrics::render_mail(seconds));
        }
        Err(err) => tracing::warn!(%err, "outbox age unavailable"),
    }
    ([(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text).into_response()
}
