//! Operations: health for load balancers, metrics for Prometheus.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::AppState;

/// 200 when the database answers, 503 when it does not.
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
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

async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let mut text = state.metrics.render();
    // The outbox's depth is the database's, shared by every process.
    text.push_str("# HELP aula_outbox_messages Messages in the outbox by status.\n");
    text.push_str("# TYPE aula_outbox_messages gauge\n");
    match aula_storage::outbox::depth(&state.db).await {
        Ok(depth) => {
            for status in aula_storage::outbox::status::ALL {
                let count = depth.iter().find(|(s, _)| s == status).map_or(0, |(_, c)| *c);
                text.push_str(&format!("aula_outbox_messages{{status=\"{status}\"}} {count}\n"));
            }
        }
        Err(err) => tracing::warn!(%err, "outbox depth unavailable"),
    }
    match aula_storage::outbox::oldest_due_age(&state.db).await {
        Ok(age) => {
            let seconds = age.map_or(0.0, |a| a.num_milliseconds().max(0) as f64 / 1000.0);
            text.push_str(&crate::metrics::render_mail(seconds));
        }
        Err(err) => tracing::warn!(%err, "outbox age unavailable"),
    }
    ([(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text)
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
}
