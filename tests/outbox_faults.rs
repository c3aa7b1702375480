//! Issue 25: the outbox under faults. A dispatcher killed mid-batch, a
//! worker that never comes back, an SMTP server that accepts and never
//! answers: nothing is lost, little is doubled, and the Message-ID of a
//! repeat is the one of the first try.

use std::time::{Duration, Instant};

use aula_domain::MessageStatus;
use aula_storage::Begin;
use aula_storage::outbox;
use sea_orm::ConnectionTrait;
use tokio::net::TcpListener;

use crate::helpers::{TestApp, by_message_id, db_test};

/// Queues `count` messages; returns their Message-IDs.
async fn enqueue(app: &TestApp, count: usize) -> Vec<String> {
    let txn = app.db.begin_write().await.expect("begin");
    let mut ids = Vec::new();
    for n in 0..count {
        let row = outbox::enqueue(&txn, &crate::mail::broadcast(app.org().await, n), &app.mail.domain)
            .await
            .expect("enqueue")
            .expect("queued");
        ids.push(row.message_id);
    }
    txn.commit().await.expect("commit");
    ids
}

/// A dispatcher of our own: `lease`, `concurrency` at once, sending to `url`.
fn dispatcher(app: &TestApp, url: &str, lease: chrono::Duration, concurrency: usize) -> aula_mail::Dispatcher {
    let transport =
        aula_mail::Transport::smtp(&format!("{url}?tls=none"), None, Duration::from_secs(1)).expect("smtp transport");
    let settings = aula_mail::Settings {
        sender: aula_mail::message::Sender {
            from: app.mail.from.clone(),
        },
        base_url: app.mail.base_url.clone(),
        domain: app.mail.domain.clone(),
        batch: 100,
        concurrency,
        lease,
        idle: Duration::from_millis(50),
    };
    aula_mail::Dispatcher::new(
        app.db.clone(),
        std::sync::Arc::new(transport),
        settings,
        Default::default(),
    )
}

fn start(dispatcher: aula_mail::Dispatcher) -> tokio::task::JoinHandle<()> {
    tokio::spawn(dispatcher.run(tokio::sync::watch::channel(false).1))
}

/// Waits until `count` distinct messages arrived; how long it took.
async fn wait_distinct(app: &TestApp, count: usize, limit: Duration) -> Duration {
    let started = Instant::now();
    while by_message_id(app).len() < count && started.elapsed() < limit {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    started.elapsed()
}

async fn count_status(app: &TestApp, status: &str) -> u64 {
    let filter = outbox::OutboxFilter {
        status: Some(MessageStatus::parse(status).expect("a status")),
        ..Default::default()
    };
    outbox::list(&app.db, &filter, aula_storage::Page::new(None, Some(1), 1))
        .await
        .expect("list")
        .total
}

async fn wait_status(app: &TestApp, status: &str, count: u64) {
    for _ in 0..200 {
        if count_status(app, status).await >= count {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{count} messages never reached {status}");
}

/// Kills the dispatcher (a task abort: it stops sending and recording at the
/// same instant, as a killed process does) once `after` messages arrived.
async fn kill_mid_batch(app: &TestApp, task: tokio::task::JoinHandle<()>, after: usize) -> usize {
    app.smtp.wait_for(after, Duration::from_secs(30)).await;
    task.abort();
    let _ = task.await;
    let at_kill = app.smtp.count();
    assert!(at_kill < 200, "the kill came mid-batch ({at_kill} arrived)");
    at_kill
}

const IN_FLIGHT: usize = 32;

db_test!(
    issue_25_a_killed_dispatcher_doubles_at_most_its_messages_in_flight,
    |app: TestApp| async move {
        app.stop_dispatcher();
        let ids = enqueue(&app, 200).await;
        let lease = chrono::Duration::seconds(3);
        let first = start(dispatcher(&app, &app.smtp.url(), lease, IN_FLIGHT));
        kill_mid_batch(&app, first, 60).await;
        // A new process: a new worker identity, so the dead one's rows wait for their lease.
        let restarted = Instant::now();
        let second = start(dispatcher(&app, &app.smtp.url(), lease, IN_FLIGHT));
        wait_distinct(&app, 200, Duration::from_secs(30)).await;
        let recovered = restarted.elapsed();
        wait_status(&app, "sent", 200).await;
        second.abort();
        let seen = by_message_id(&app);
        assert_eq!(seen.len(), 200, "every message delivered");
        assert!(
            ids.iter().all(|id| seen.contains_key(id)),
            "under the Message-ID it was queued with"
        );
        let doubled: usize = seen.values().map(|n| n - 1).sum();
        assert!(
            doubled <= IN_FLIGHT,
            "{doubled} doubled, more than the {IN_FLIGHT} in flight"
        );
        // The lease, plus the rounds that deliver 200 on a busy test machine
        // (a debug build on two cores, with other tests running).
        assert!(
            recovered <= Duration::from_secs(3 + 10),
            "all delivered {recovered:?} after the restart, lease 3 s"
        );
        eprintln!("issue 25 kill: {doubled} doubled, all delivered {recovered:?} after the restart");
    }
);

db_test!(
    issue_25_a_restart_under_the_same_name_releases_at_once,
    |app: TestApp| async move {
        app.stop_dispatcher();
        enqueue(&app, 200).await;
        // A long lease: only the release at start can make this quick.
        let lease = chrono::Duration::seconds(60);
        let first = start(dispatcher(&app, &app.smtp.url(), lease, IN_FLIGHT).instance("web-1"));
        kill_mid_batch(&app, first, 60).await;
        let restarted = Instant::now();
        let second = start(dispatcher(&app, &app.smtp.url(), lease, IN_FLIGHT).instance("web-1"));
        // Another instance on the same host keeps its rows.
        let elapsed = wait_distinct(&app, 200, Duration::from_secs(30)).await;
        wait_status(&app, "sent", 200).await;
        second.abort();
        assert_eq!(by_message_id(&app).len(), 200, "every message delivered");
        assert!(
            elapsed < Duration::from_secs(15),
            "released at start, not after the 60 s lease: {elapsed:?} after {:?}",
            restarted.elapsed()
        );
    }
);

/// How long the sink takes to queue a message before its `250`, as a real
/// server does (it writes the message to disk first).
const QUEUE_TIME: Duration = Duration::from_millis(40);
const KILLS: usize = 5;

db_test!(
    issue_25_five_kills_at_a_real_servers_pace_lose_nothing,
    |app: TestApp| async move {
        // What a kill can double is what the server accepted and the
        // dispatcher had not written down yet: the answers of the last
        // instant. Against a server that answers in microseconds that is
        // nearly every slot (the test above); at a real server's pace it is
        // one database write out of each message's round trip. How few that
        // is on average is a figure for a quiet machine (`aula bench mail
        // --kills`, docs/BENCHMARKS.md); here, the bound that always holds.
        app.stop_dispatcher();
        app.smtp.set_queue_time(QUEUE_TIME);
        let total = 600;
        enqueue(&app, total).await;
        let lease = chrono::Duration::seconds(60);
        for kill in 1..=KILLS {
            let task = start(dispatcher(&app, &app.smtp.url(), lease, IN_FLIGHT).instance("web-1"));
            app.smtp.wait_for(kill * 90, Duration::from_secs(30)).await;
            task.abort();
            let _ = task.await;
        }
        assert!(app.smtp.count() < total, "every kill came mid-burst");
        let last = start(dispatcher(&app, &app.smtp.url(), lease, IN_FLIGHT).instance("web-1"));
        wait_distinct(&app, total, Duration::from_secs(60)).await;
        wait_status(&app, "sent", total as u64).await;
        last.abort();
        let seen = by_message_id(&app);
        assert_eq!(seen.len(), total, "every message delivered");
        let doubled: usize = seen.values().map(|n| n - 1).sum();
        eprintln!("issue 25 kills at a server's pace: {doubled} doubled in {KILLS} kills");
        assert!(
            doubled <= KILLS * IN_FLIGHT,
            "{doubled} doubled in {KILLS} kills: more than the {IN_FLIGHT} in flight a kill"
        );
    }
);

db_test!(
    issue_25_a_row_leased_by_a_worker_that_never_comes_back_is_taken_over,
    |app: TestApp| async move {
        app.stop_dispatcher();
        let ids = enqueue(&app, 5).await;
        // Long enough that the check below, a second in, is well within it
        // even when the test machine stalls.
        let lease = chrono::Duration::seconds(4);
        // A worker claims them and dies before sending anything.
        let ghost = outbox::claim(&app.db, "elsewhere/web-9/dead", 10, lease)
            .await
            .expect("claim");
        assert_eq!(ghost.rows.len(), 5);
        let claimed = Instant::now();
        let taken_before = aula_mail::dispatcher::TOTALS
            .taken_over
            .load(std::sync::atomic::Ordering::Relaxed);
        let task = start(dispatcher(&app, &app.smtp.url(), lease, 4));
        tokio::time::sleep(Duration::from_millis(1000)).await;
        assert_eq!(app.smtp.count(), 0, "not while the lease holds");
        wait_distinct(&app, 5, Duration::from_secs(10)).await;
        let after = claimed.elapsed();
        wait_status(&app, "sent", 5).await;
        task.abort();
        assert!(
            after < Duration::from_secs(4 + 6),
            "taken over within the lease: {after:?}"
        );
        let seen = by_message_id(&app);
        assert_eq!(seen.len(), 5);
        assert!(
            ids.iter().all(|id| seen.get(id) == Some(&1)),
            "same Message-IDs, once each"
        );
        let rows = outbox::list(&app.db, &Default::default(), aula_storage::Page::default())
            .await
            .expect("list");
        assert!(rows.items.iter().all(|r| r.attempts == 2), "the ghost's try counts");
        let taken = aula_mail::dispatcher::TOTALS
            .taken_over
            .load(std::sync::atomic::Ordering::Relaxed);
        assert!(taken >= taken_before + 5, "counted for /metrics");
    }
);

/// The first connection is held silent; the later ones reach `sink`.
async fn first_connection_hangs(sink: std::net::SocketAddr) -> (String, tokio::task::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("smtp://{}", listener.local_addr().expect("address"));
    let task = tokio::spawn(async move {
        let mut held = Vec::new();
        let mut first = true;
        while let Ok((mut socket, _)) = listener.accept().await {
            if std::mem::take(&mut first) {
                held.push(socket);
                continue;
            }
            tokio::spawn(async move {
                if let Ok(mut upstream) = tokio::net::TcpStream::connect(sink).await {
                    let _ = upstream.set_nodelay(true);
                    let _ = socket.set_nodelay(true);
                    let _ = tokio::io::copy_bidirectional(&mut socket, &mut upstream).await;
                }
            });
        }
    });
    (url, task)
}

db_test!(
    issue_25_a_hung_connection_holds_one_message_not_the_round,
    |app: TestApp| async move {
        app.stop_dispatcher();
        let (url, server) = first_connection_hangs(app.smtp.address()).await;
        enqueue(&app, 20).await;
        let task = start(dispatcher(&app, &url, chrono::Duration::seconds(30), 4));
        // The other 19 go on while one waits for a greeting that never comes (timeout 1 s).
        wait_distinct(&app, 19, Duration::from_secs(10)).await;
        wait_status(&app, "sent", 19).await;
        wait_status(&app, "pending", 1).await;
        let filter = outbox::OutboxFilter {
            status: Some(MessageStatus::Pending),
            ..Default::default()
        };
        let waiting = outbox::list(&app.db, &filter, aula_storage::Page::default())
            .await
            .expect("list");
        let row = &waiting.items[0];
        assert_eq!(row.attempts, 1);
        assert!(
            row.last_error.as_deref().is_some_and(|e| e.contains("no answer")),
            "{:?}",
            row.last_error
        );
        // Later (its backoff brought forward), it is sent, with its Message-ID.
        app.db
            .execute_unprepared("UPDATE outbox SET next_attempt_at = created_at WHERE status = 'pending'")
            .await
            .expect("due");
        wait_distinct(&app, 20, Duration::from_secs(10)).await;
        wait_status(&app, "sent", 20).await;
        task.abort();
        server.abort();
        let seen = by_message_id(&app);
        assert_eq!(seen.get(&row.message_id), Some(&1));
        assert_eq!(seen.len(), 20);
    }
);
