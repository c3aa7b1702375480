//! Running Aula: the server and its limits on slow clients (`server`), the
//! security headers and cross-site checks (`security`), rate limits
//! (`limits`), request metrics (`metrics`), health and readiness (`health`)
//! and the static files (`assets`).

pub mod assets;
pub mod health;
pub mod limits;
pub mod metrics;
pub mod security;
pub mod server;
