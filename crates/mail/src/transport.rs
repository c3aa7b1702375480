//! Where messages go: an SMTP server, or `.eml` files in a folder.

use std::path::PathBuf;
use std::time::Duration;

use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// How a send failed, as the outbox needs to know it.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The server refused for good (a 5xx): retrying will not help.
    #[error("refused: {0}")]
    Permanent(String),
    /// Anything else (4xx, connection refused, timeout): try again later.
    #[error("not sent: {0}")]
    Transient(String),
}

impl SendError {
    pub fn is_permanent(&self) -> bool {
        matches!(self, SendError::Permanent(_))
    }
}

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

impl Transport {
    /// `smtp://[user:pass@]host[:port]` (STARTTLS when the server offers it;
    /// `?tls=required` to insist, `?tls=none` never to try), `smtps://...` (TLS from the start).
    /// User and password may also come separately (`AULA_SMTP_USER`, `AULA_SMTP_PASSWORD`).
    pub fn smtp(url: &str, credentials: Option<(String, String)>, timeout: Duration) -> Result<Transport, String> {
        // lettre reads `smtp://` alone as plain text; we want STARTTLS whenever
        // the server offers it, and `?tls=none` for a relay on the same host.
        let url = if url.starts_with("smtp://") && url.contains("tls=none") {
            url.replace("?tls=none", "").replace("&tls=none", "")
        } else if url.starts_with("smtp://") && !url.contains("tls=") {
            let separator = if url.contains('?') { '&' } else { '?' };
            format!("{url}{separator}tls=opportunistic")
        } else {
            url.to_owned()
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url).map_err(|e| e.to_string())?;
        if let Some((user, password)) = credentials {
            builder = builder.credentials(lettre::transport::smtp::authentication::Credentials::new(
                user, password,
            ));
        }
        // Connections are reused across messages: a new TCP and TLS handshake
        // per message would cap throughput far below what a relay accepts.
        let pool = PoolConfig::new().max_size(64).idle_timeout(Duration::from_secs(30));
        Ok(Transport::Smtp(
            builder.timeout(Some(timeout)).pool_config(pool).build(),
        ))
    }

    /// `.eml` files under `folder` (created if missing).
    pub fn files(folder: PathBuf) -> std::io::Result<Transport> {
        std::fs::create_dir_all(&folder)?;
        Ok(Transport::Files(AsyncFileTransport::new(&folder), folder))
    }

    pub fn describe(&self) -> String {
        match self {
            Transport::Smtp(_) => "SMTP".to_owned(),
            Transport::Files(_, folder) => format!(".eml files in {}", folder.display()),
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| {
                if e.is_permanent() {
                    SendError::Permanent(e.to_string())
                } else {
                    SendError::Transient(e.to_string())
                }
            }),
            Transport::Files(files, _) => files
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendError::Transient(e.to_string())),
        }
    }
}
