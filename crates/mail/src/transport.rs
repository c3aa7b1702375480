//! Where messages go: an SMTP server, or `.eml` files in a folder.
//!
//! SMTP connections are kept in a small pool of our own over lettre's
//! `AsyncSmtpConnection` rather than lettre's pooled transport, for two
//! reasons:
//! - **a deadline on every step.** lettre's async transport bounds only the
//!   TCP connect; a server that accepts and never answers held a send (and
//!   so a whole dispatcher round) forever. Here the connect with its greeting
//!   and EHLO, STARTTLS, AUTH and the message itself (MAIL, RCPT, DATA, the
//!   final reply) each have `timeout`. A connection that ran out of time is
//!   closed, never reused: where it stands in the conversation is unknown,
//!   and a late reply read by the next message would be taken for its own.
//! - **TCP_NODELAY.** lettre writes the final `.` of a message in a write of
//!   its own; with Nagle's algorithm and the server's delayed ACK every
//!   message waited about 40 ms. We open the socket ourselves and hand it to
//!   lettre (`connect_with_transport`). Only `smtps://` (TLS from the first
//!   byte) is opened by lettre, without the option.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};

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
    Smtp(Smtp),
    Files(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

/// When to encrypt.
enum Security {
    /// `?tls=none`: a relay on the same host.
    None,
    /// `smtp://`: STARTTLS whenever the server offers it.
    Opportunistic(TlsParameters),
    /// `smtp://...?tls=required`: STARTTLS or nothing.
    Required(TlsParameters),
    /// `smtps://`: TLS from the start.
    Wrapper(TlsParameters),
}

/// An SMTP server and the connections to it that are idle.
pub struct Smtp {
    host: String,
    port: u16,
    security: Security,
    credentials: Option<Credentials>,
    hello: ClientId,
    timeout: Duration,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
}

/// Idle connections kept for the next messages; more are closed.
const MAX_IDLE: usize = 64;
/// An idle connection older than this is closed rather than reused (servers
/// drop idle clients after a while).
const IDLE_FOR: Duration = Duration::from_secs(30);
/// A connection idle longer than this is checked with a NOOP before reuse.
const CHECK_AFTER: Duration = Duration::from_secs(1);

impl Transport {
    /// `smtp://[user:pass@]host[:port]` (STARTTLS when the server offers it;
    /// `?tls=required` to insist, `?tls=none` never to try), `smtps://...` (TLS from the start).
    /// User and password may also come separately (`AULA_SMTP_USER`, `AULA_SMTP_PASSWORD`).
    /// `timeout` bounds each step of a send; see the module doc.
    pub fn smtp(url: &str, credentials: Option<(String, String)>, timeout: Duration) -> Result<Transport, String> {
        // Messages show the URL without its password (it is read from the
        // environment, and messages reach logs).
        let shown = aula_domain::text::without_password(url);
        let parsed = url::Url::parse(url).map_err(|e| format!("{shown}: {e}"))?;
        let host = parsed
            .host_str()
            .ok_or_else(|| format!("{shown}: no host"))?
            .trim_matches(['[', ']'])
            .to_owned();
        let tls = parsed
            .query_pairs()
            .find(|(k, _)| k == "tls")
            .map(|(_, v)| v.into_owned());
        let parameters = || TlsParameters::new(host.clone()).map_err(|e| e.to_string());
        let (security, default_port) = match (parsed.scheme(), tls.as_deref()) {
            ("smtp", Some("none")) => (Security::None, 25),
            ("smtp", None | Some("opportunistic")) => (Security::Opportunistic(parameters()?), 587),
            ("smtp", Some("required")) => (Security::Required(parameters()?), 587),
            ("smtps", _) => (Security::Wrapper(parameters()?), 465),
            (scheme, tls) => {
                return Err(format!(
                    "{shown}: the scheme is smtp or smtps, and tls= none, opportunistic or required (not {scheme}, {})",
                    tls.unwrap_or("-")
                ));
            }
        };
        let decode = |s: &str| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
        let credentials = credentials
            .or_else(|| parsed.password().map(|p| (decode(parsed.username()), decode(p))))
            .map(|(user, password)| Credentials::new(user, password));
        // The path names this host in EHLO, as lettre reads `smtp://host/name`.
        let hello = match parsed.path().trim_matches('/') {
            "" => ClientId::default(),
            name => ClientId::Domain(name.to_owned()),
        };
        Ok(Transport::Smtp(Smtp {
            host,
            port: parsed.port().unwrap_or(default_port),
            security,
            credentials,
            hello,
            timeout,
            idle: Mutex::new(Vec::new()),
        }))
    }

    /// `.eml` files under `folder` (created if missing).
    pub fn files(folder: PathBuf) -> std::io::Result<Transport> {
        std::fs::create_dir_all(&folder)?;
        Ok(Transport::Files(AsyncFileTransport::new(&folder), folder))
    }

    pub fn describe(&self) -> String {
        match self {
            Transport::Smtp(smtp) => format!("SMTP {}:{}", smtp.host, smtp.port),
            Transport::Files(_, folder) => format!(".eml files in {}", folder.display()),
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            Transport::Smtp(smtp) => smtp.send(message).await,
            Transport::Files(files, _) => files
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendError::Transient(e.to_string())),
        }
    }
}

impl Smtp {
    async fn send(&self, message: Message) -> Result<(), SendError> {
        let envelope = message.envelope().clone();
        let bytes = message.formatted();
        let mut connection = self.connection().await?;
        match tokio::time::timeout(self.timeout, connection.send(&envelope, &bytes)).await {
            // Dropped, not parked: see the module doc.
            Err(_) => Err(self.no_answer("message")),
            Ok(Ok(_)) => {
                self.park(connection);
                Ok(())
            }
            Ok(Err(err)) => {
                // lettre closes a connection after a refused command; one that
                // refused before writing anything (8BITMIME missing) is still good.
                if !connection.has_broken() {
                    self.park(connection);
                }
                Err(classify(err))
            }
        }
    }

    /// An idle connection, or a new one.
    async fn connection(&self) -> Result<AsyncSmtpConnection, SendError> {
        loop {
            let parked = self.idle.lock().ok().and_then(|mut idle| idle.pop());
            let Some((mut connection, since)) = parked else {
                return self.connect().await;
            };
            if since.elapsed() > IDLE_FOR {
                continue;
            }
            if since.elapsed() < CHECK_AFTER {
                return Ok(connection);
            }
            let alive = tokio::time::timeout(self.timeout, connection.test_connected()).await;
            if alive == Ok(true) {
                return Ok(connection);
            }
        }
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, SendError> {
        let mut connection = match &self.security {
            Security::Wrapper(parameters) => {
                self.step(
                    "connect",
                    AsyncSmtpConnection::connect_tokio1(
                        (self.host.as_str(), self.port),
                        Some(self.timeout),
                        &self.hello,
                        Some(parameters.clone()),
                        None,
                    ),
                )
                .await?
            }
            _ => {
                let socket = tokio::time::timeout(
                    self.timeout,
                    tokio::net::TcpStream::connect((self.host.as_str(), self.port)),
                )
                .await
                .map_err(|_| self.no_answer("connect"))?
                .map_err(|e| SendError::Transient(format!("cannot connect to {}:{}: {e}", self.host, self.port)))?;
                // Replies are waited for: see the module doc.
                socket
                    .set_nodelay(true)
                    .map_err(|e| SendError::Transient(e.to_string()))?;
                self.step(
                    "greeting",
                    AsyncSmtpConnection::connect_with_transport(Box::new(socket), &self.hello),
                )
                .await?
            }
        };
        match &self.security {
            Security::Required(parameters) => {
                self.step("STARTTLS", connection.starttls(parameters.clone(), &self.hello))
                    .await?
            }
            Security::Opportunistic(parameters) if connection.can_starttls() => {
                self.step("STARTTLS", connection.starttls(parameters.clone(), &self.hello))
                    .await?
            }
            _ => {}
        }
        if let Some(credentials) = &self.credentials {
            self.step("AUTH", connection.auth(DEFAULT_MECHANISMS, credentials))
                .await?;
        }
        Ok(connection)
    }

    /// One step of the conversation, given up after the timeout.
    async fn step<T>(
        &self,
        what: &str,
        step: impl Future<Output = Result<T, lettre::transport::smtp::Error>>,
    ) -> Result<T, SendError> {
        match tokio::time::timeout(self.timeout, step).await {
            Err(_) => Err(self.no_answer(what)),
            Ok(result) => result.map_err(classify),
        }
    }

    fn no_answer(&self, what: &str) -> SendError {
        SendError::Transient(format!(
            "no answer from {}:{} within {:?} ({what})",
            self.host, self.port, self.timeout
        ))
    }

    fn park(&self, connection: AsyncSmtpConnection) {
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < MAX_IDLE
        {
            idle.push((connection, Instant::now()));
        }
    }
}

/// A 5xx is for good; anything else may pass later.
fn classify(err: lettre::transport::smtp::Error) -> SendError {
    if err.is_permanent() {
        SendError::Permanent(err.to_string())
    } else {
        SendError::Transient(err.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 25: a server that accepts the connection and never answers.
    #[tokio::test]
    async fn issue_25_a_send_to_a_server_that_never_answers_gives_up_after_the_timeout() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("smtp://{}?tls=none", listener.local_addr().expect("address"));
        let server = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((socket, _)) = listener.accept().await {
                held.push(socket);
            }
        });
        let transport = Transport::smtp(&url, None, Duration::from_millis(300)).expect("transport");
        let email = || {
            Message::builder()
                .from("a@example.org".parse().expect("from"))
                .to("b@example.org".parse().expect("to"))
                .subject("x")
                .body("x".to_owned())
                .expect("message")
        };
        for _ in 0..2 {
            let started = Instant::now();
            let outcome = tokio::time::timeout(Duration::from_secs(10), transport.send(email()))
                .await
                .expect("gave up by itself");
            let err = outcome.expect_err("not sent");
            assert!(!err.is_permanent(), "tried again later: {err}");
            assert!(err.to_string().contains("no answer"), "{err}");
            assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
        }
        // The silent connection was not kept for the next message.
        let Transport::Smtp(smtp) = &transport else {
            unreachable!()
        };
        assert_eq!(smtp.idle.lock().map(|i| i.len()).unwrap_or(1), 0);
        server.abort();
    }

    #[test]
    fn urls_are_read_as_lettre_reads_them() {
        let Ok(Transport::Smtp(smtp)) =
            Transport::smtp("smtp://u%40x:p%3Aw@mail.example.org", None, Duration::from_secs(1))
        else {
            panic!("smtp")
        };
        assert_eq!((smtp.host.as_str(), smtp.port), ("mail.example.org", 587));
        assert!(matches!(smtp.security, Security::Opportunistic(_)));
        assert!(smtp.credentials.is_some());
        let Ok(Transport::Smtp(smtp)) = Transport::smtp("smtp://127.0.0.1:2525?tls=none", None, Duration::from_secs(1))
        else {
            panic!("smtp")
        };
        assert_eq!(smtp.port, 2525);
        assert!(matches!(smtp.security, Security::None));
        let Ok(Transport::Smtp(smtp)) = Transport::smtp("smtps://mail.example.org", None, Duration::from_secs(1))
        else {
            panic!("smtps")
        };
        assert_eq!(smtp.port, 465);
        assert!(matches!(smtp.security, Security::Wrapper(_)));
        assert!(Transport::smtp("http://mail.example.org", None, Duration::from_secs(1)).is_err());
    }
}
