//! `aula bench ...`: figures for docs/BENCHMARKS.md, measured on fresh
//! databases (a temporary SQLite file; a temporary PostgreSQL schema when
//! a PostgreSQL URL is given) so that a run never touches real data.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use aula_domain::{Email, Language};
use aula_mail::render::{Broadcast, SessionRef, data};
use aula_mail::sink::SmtpSink;
use aula_storage::outbox::{self, NewMessage};
use aula_storage::{Begin, Database};
use sea_orm::ConnectionTrait;

/// A fresh, migrated database; the guard removes it afterwards.
pub struct Scratch {
    pub db: Database,
    pub label: String,
    cleanup: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

impl Scratch {
    pub async fn sqlite() -> Result<Scratch> {
        let dir = tempfile::tempdir()?;
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("bench.db").display());
        let db = aula_storage::connect(&url, None).await?;
        aula_storage::db::migrate(&db).await?;
        Ok(Scratch {
            db,
            label: "SQLite (WAL, synchronous=FULL)".into(),
            cleanup: None,
            _dir: Some(dir),
        })
    }

    pub async fn postgres(url: &str) -> Result<Scratch> {
        let schema = format!("bench_{}", uuid::Uuid::new_v4().simple());
        let admin = aula_storage::connect(url, None).await.context("PostgreSQL")?;
        admin.execute_unprepared(&format!("CREATE SCHEMA \"{schema}\"")).await?;
        let db = aula_storage::connect(url, Some(&schema)).await?;
        aula_storage::db::migrate(&db).await?;
        Ok(Scratch {
            db,
            label: "PostgreSQL".into(),
            cleanup: Some((url.to_owned(), schema)),
            _dir: None,
        })
    }

    pub async fn finish(self) -> Result<()> {
        if let Some((url, schema)) = &self.cleanup {
            let admin = aula_storage::connect(url, None).await?;
            admin
                .execute_unprepared(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
                .await?;
        }
        Ok(())
    }
}

fn message(n: usize) -> Result<NewMessage> {
    let content = data(&Broadcast {
        session: SessionRef {
            id: uuid::Uuid::nil(),
            course_title: "Igualdad de trato y no discriminación".into(),
            time_zone: "Europe/Madrid".into(),
            place: Some("Sede regional, Sevilla".into()),
            meetings: vec![],
            online_url: None,
        },
        subject: "Cambio de sala".into(),
        body: "Nos vemos en la sala 2.".into(),
        organiser_name: "Organización".into(),
    });
    Ok(NewMessage {
        kind: "broadcast",
        recipient: Email::parse(&format!("person{n}@example.org")).map_err(|p| anyhow::anyhow!("{p}"))?,
        recipient_name: Some(format!("Persona {n}")),
        language: [Language::Es, Language::Fr, Language::En][n % 3],
        data: content,
        session_id: None,
        reply_to: Some("Organización <organiser@example.org>".into()),
        due_at: None,
        dedupe_key: None,
    })
}

/// Messages per second from the outbox to an SMTP receiver on loopback.
pub async fn mail(messages: usize, concurrency: usize, postgres: Option<&str>) -> Result<()> {
    println!("aula bench mail: {messages} messages, {concurrency} in flight, batches of 100, SMTP on loopback");
    let mut scratches = vec![Scratch::sqlite().await?];
    if let Some(url) = postgres {
        scratches.push(Scratch::postgres(url).await?);
    }
    for scratch in scratches {
        let sink = SmtpSink::start().await?;
        let started = Instant::now();
        let txn = scratch.db.begin_write().await?;
        for n in 0..messages {
            outbox::enqueue(&txn, &message(n)?, "bench.example.org").await?;
        }
        txn.commit().await?;
        let queued_in = started.elapsed();

        let transport = aula_mail::Transport::smtp(&format!("{}?tls=none", sink.url()), None, Duration::from_secs(10))
            .map_err(|e| anyhow::anyhow!(e))?;
        let settings = aula_mail::Settings {
            sender: aula_mail::message::Sender {
                from: "Aula <no-reply@bench.example.org>".parse()?,
            },
            base_url: "https://aula.example.org".into(),
            domain: "bench.example.org".into(),
            batch: 100,
            concurrency,
            lease: chrono::Duration::minutes(5),
            idle: Duration::from_millis(20),
        };
        let dispatcher =
            aula_mail::Dispatcher::new(scratch.db.clone(), Arc::new(transport), settings, Default::default());
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let sending = Instant::now();
        let task = tokio::spawn(dispatcher.run(stopped));
        sink.wait_for(messages, Duration::from_secs(600)).await;
        let sent_in = sending.elapsed();
        let _ = stop.send(true);
        task.await?;
        let received = sink.count();
        println!(
            "  {:<32} queued in {:>6.0} ms; sent {received}/{messages} in {:>7.0} ms: {:>6.0} messages/s",
            scratch.label,
            queued_in.as_secs_f64() * 1000.0,
            sent_in.as_secs_f64() * 1000.0,
            received as f64 / sent_in.as_secs_f64(),
        );
        scratch.finish().await?;
    }
    Ok(())
}
