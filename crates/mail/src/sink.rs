//! A small SMTP receiver on loopback, for end-to-end tests and `aula bench
//! mail`: it speaks enough SMTP for lettre (EHLO, MAIL, RCPT, DATA, RSET,
//! NOOP, QUIT), keeps what it receives, and can be told to refuse
//! recipients, to answer "try later", or to stop and start again on the
//! same port.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// One message as the receiver got it.
#[derive(Clone, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent (headers and body), dot-unstuffed, with CRLF line ends.
    pub data: String,
}

impl Received {
    /// The value of the first header with this name (case-insensitive), unfolded.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next()?;
        let mut value: Option<String> = None;
        for line in head.split("\r\n") {
            if let Some(v) = value.as_mut() {
                if line.starts_with(' ') || line.starts_with('\t') {
                    v.push_str(line);
                    continue;
                }
                return value;
            }
            if let Some((key, rest)) = line.split_once(':')
                && key.eq_ignore_ascii_case(name)
            {
                value = Some(rest.trim().to_owned());
            }
        }
        value
    }
}

#[derive(Default)]
struct State {
    received: Vec<Received>,
    /// Recipients containing this text get a 550 (a permanent refusal).
    refuse_containing: Option<String>,
    /// While set, every transaction is answered 451 (try again later).
    busy: bool,
    /// While set, the server is going down: open connections are told 421
    /// at their next command and closed (a transaction in progress finishes).
    down: bool,
    /// How long the server takes to queue a message before it answers
    /// `250` (a real one writes it to disk first: tens of milliseconds).
    /// The message counts as received when the answer goes out.
    queue_time: std::time::Duration,
}

/// The receiver. Dropping it stops it.
pub struct SmtpSink {
    address: SocketAddr,
    state: Arc<Mutex<State>>,
    server: Mutex<Option<JoinHandle<()>>>,
}

impl SmtpSink {
    /// Starts on `127.0.0.1` at a free port.
    pub async fn start() -> std::io::Result<SmtpSink> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let sink = SmtpSink {
            address,
            state: Arc::default(),
            server: Mutex::new(None),
        };
        sink.serve(listener);
        Ok(sink)
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The URL Aula's mailer takes (`AULA_SMTP_URL`).
    pub fn url(&self) -> String {
        format!("smtp://{}", self.address)
    }

    fn serve(&self, listener: TcpListener) {
        let state = self.state.clone();
        let handle = tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    break;
                };
                let state = state.clone();
                connections.spawn(async move {
                    let _ = converse(stream, state).await;
                });
            }
        });
        if let Ok(mut server) = self.server.lock() {
            *server = Some(handle);
        }
    }

    /// Goes down as a mail server does: stops accepting connections, and
    /// answers 421 to the next command on each open one.
    pub fn stop(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.down = true;
        }
        if let Ok(mut server) = self.server.lock()
            && let Some(handle) = server.take()
        {
            handle.abort();
        }
    }

    /// Listens again on the same port.
    pub async fn restart(&self) -> std::io::Result<()> {
        self.stop();
        let listener = TcpListener::bind(self.address).await?;
        if let Ok(mut state) = self.state.lock() {
            state.down = false;
        }
        self.serve(listener);
        Ok(())
    }

    pub fn refuse_recipients_containing(&self, text: &str) {
        if let Ok(mut state) = self.state.lock() {
            state.refuse_containing = Some(text.to_owned());
        }
    }

    pub fn set_busy(&self, busy: bool) {
        if let Ok(mut state) = self.state.lock() {
            state.busy = busy;
        }
    }

    /// Takes `time` to queue each message before answering it (see `State::queue_time`).
    pub fn set_queue_time(&self, time: std::time::Duration) {
        if let Ok(mut state) = self.state.lock() {
            state.queue_time = time;
        }
    }

    pub fn received(&self) -> Vec<Received> {
        self.state.lock().map(|s| s.received.clone()).unwrap_or_default()
    }

    pub fn count(&self) -> usize {
        self.state.lock().map(|s| s.received.len()).unwrap_or_default()
    }

    /// Waits until `n` messages have arrived, or `timeout` passes.
    pub async fn wait_for(&self, n: usize, timeout: std::time::Duration) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + timeout;
        while self.count() < n && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        self.received()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn converse(stream: TcpStream, state: Arc<Mutex<State>>) -> std::io::Result<()> {
    // Replies are small writes that the client waits for: without this,
    // Nagle's algorithm and delayed ACKs add tens of milliseconds to each.
    stream.set_nodelay(true)?;
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 aula-sink ESMTP\r\n").await?;
    let mut from = String::new();
    let mut to = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_owned();
        let upper = command.to_ascii_uppercase();
        if state.lock().map(|s| s.down).unwrap_or(true) {
            write.write_all(b"421 4.3.2 shutting down\r\n").await?;
            return Ok(());
        }
        let busy = state.lock().map(|s| s.busy).unwrap_or(false);
        let reply: &[u8] = if upper.starts_with("EHLO") {
            b"250-aula-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n"
        } else if upper.starts_with("HELO") {
            b"250 aula-sink\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            if busy {
                b"451 4.3.0 try again later\r\n"
            } else {
                from = command[10..].trim().trim_matches(['<', '>']).to_owned();
                to.clear();
                b"250 2.1.0 ok\r\n"
            }
        } else if upper.starts_with("RCPT TO:") {
            let recipient = command[8..].trim().trim_matches(['<', '>']).to_owned();
            let refused = state
                .lock()
                .map(|s| s.refuse_containing.as_deref().is_some_and(|t| recipient.contains(t)))
                .unwrap_or(false);
            if refused {
                b"550 5.1.1 no such mailbox\r\n"
            } else {
                to.push(recipient);
                b"250 2.1.5 ok\r\n"
            }
        } else if upper == "DATA" {
            write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
            let mut data = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                let unstuffed = line.strip_prefix('.').unwrap_or(&line);
                data.push_str(unstuffed.trim_end_matches(['\r', '\n']));
                data.push_str("\r\n");
            }
            let queue_time = state.lock().map(|s| s.queue_time).unwrap_or_default();
            if !queue_time.is_zero() {
                tokio::time::sleep(queue_time).await;
                // A server takes responsibility for a message by answering
                // 250 (RFC 5321 §6.1): a client that hung up meanwhile never
                // handed it over, and will send it again.
                if let Some(Ok([])) = futures::FutureExt::now_or_never(lines.fill_buf()) {
                    return Ok(());
                }
            }
            if let Ok(mut s) = state.lock() {
                s.received.push(Received {
                    from: from.clone(),
                    to: std::mem::take(&mut to),
                    data,
                });
            }
            b"250 2.0.0 queued\r\n"
        } else if upper == "RSET" {
            to.clear();
            b"250 2.0.0 ok\r\n"
        } else if upper == "NOOP" {
            b"250 2.0.0 ok\r\n"
        } else if upper == "QUIT" {
            write.write_all(b"221 2.0.0 bye\r\n").await?;
            return Ok(());
        } else {
            b"502 5.5.2 not implemented\r\n"
        };
        write.write_all(reply).await?;
    }
}
