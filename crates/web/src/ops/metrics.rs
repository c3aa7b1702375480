//! Prometheus metrics: requests by route and status, and their latency.
//!
//! Counted per process; Prometheus sums the processes it scrapes.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;

/// Latency buckets in seconds.
const BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Default)]
struct Series {
    /// Requests by status code.
    statuses: BTreeMap<u16, u64>,
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Default)]
pub struct Metrics {
    by_route: Mutex<BTreeMap<(String, String), Series>>,
}

impl Metrics {
    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let Ok(mut map) = self.by_route.lock() else {
            return;
        };
        let series = map.entry((method.to_owned(), route.to_owned())).or_default();
        *series.statuses.entry(status).or_default() += 1;
        for (bucket, bound) in series.buckets.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *bucket += 1;
            }
        }
        series.count += 1;
        series.sum += seconds;
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP aula_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE aula_http_requests_total counter\n");
        let Ok(map) = self.by_route.lock() else {
            return out;
        };
        for ((method, route), series) in map.iter() {
            for (status, count) in &series.statuses {
                out.push_str(&format!(
                    "aula_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {count}\n"
                ));
            }
        }
        out.push_str("# HELP aula_http_request_duration_seconds HTTP request latency.\n");
        out.push_str("# TYPE aula_http_request_duration_seconds histogram\n");
        for ((method, route), series) in map.iter() {
            let labels = format!("method=\"{method}\",route=\"{route}\"");
            for (bound, count) in BUCKETS.iter().zip(series.buckets) {
                out.push_str(&format!(
                    "aula_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {count}\n"
                ));
            }
            out.push_str(&format!(
                "aula_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}\n",
                series.count
            ));
            out.push_str(&format!(
                "aula_http_request_duration_seconds_sum{{{labels}}} {}\n",
                series.sum
            ));
            out.push_str(&format!(
                "aula_http_request_duration_seconds_count{{{labels}}} {}\n",
                series.count
            ));
        }
        out
    }
}

/// The method as a label: the standard ones by name, any other as `other`,
/// so that invented methods cannot make new series.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// Times each request, labelled by its route pattern (not its path, which
/// would make a series per id; a path no route matches is `unmatched`).
/// Every label value comes from a closed set: the methods above and the
/// routes of the router.
pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = method_label(request.method());
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let response = next.run(request).await;
    state.metrics.observe(
        method,
        &route,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// The mail dispatchers' figures: messages this process sent, put back for
/// a retry, gave up on, and took over after another dispatcher's lease ran
/// out (or released from the process this one replaced); and how long the
/// oldest due message has waited, which is the database's, shared by every
/// process (0 when nothing waits).
pub fn render_mail(oldest_due_seconds: f64) -> String {
    use std::sync::atomic::Ordering::Relaxed;
    let totals = &aula_mail::dispatcher::TOTALS;
    let mut out = String::new();
    for (name, help, value) in [
        ("sent", "Messages the SMTP server accepted.", &totals.sent),
        (
            "retried",
            "Sends that failed for now and wait for another attempt.",
            &totals.retried,
        ),
        (
            "failed",
            "Messages given up on (refused, or out of attempts).",
            &totals.failed,
        ),
        (
            "taken_over",
            "Messages claimed after another dispatcher's lease ran out.",
            &totals.taken_over,
        ),
        (
            "released",
            "Messages released at start from the process this one replaced.",
            &totals.released,
        ),
    ] {
        out.push_str(&format!(
            "# HELP aula_mail_{name}_total {help}\n# TYPE aula_mail_{name}_total counter\naula_mail_{name}_total {}\n",
            value.load(Relaxed)
        ));
    }
    out.push_str("# HELP aula_outbox_oldest_due_seconds How long the oldest due, unsent message has waited.\n");
    out.push_str("# TYPE aula_outbox_oldest_due_seconds gauge\n");
    out.push_str(&format!("aula_outbox_oldest_due_seconds {oldest_due_seconds}\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_15_invented_methods_are_other() {
        assert_eq!(method_label(&Method::GET), "GET");
        assert_eq!(method_label(&Method::DELETE), "DELETE");
        for invented in ["FOO", "PROPFIND", "get", "X-\"Y"] {
            if let Ok(method) = Method::from_bytes(invented.as_bytes()) {
                assert_eq!(method_label(&method), "other", "{invented}");
            }
        }
    }
}
