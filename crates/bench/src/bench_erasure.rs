//! `aula bench erasure`: the expiry job erasing people past their retention
//! period (issue 21). It measures the whole run, the longest wait of another
//! writer meanwhile (a probe writing every 20 ms as requests do: how long
//! one batch holds the write lock), and the peak memory, which must not
//! grow with the number of people.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use aula_domain::retention::RetentionPeriods;
use aula_domain::{Language, RegistrationStatus};
use aula_storage::entities::{person, registration};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::bench::{Scratch, memory, mib, reset_peak};

/// Rows per INSERT: under SQLite's limit of bound values.
const ROWS_PER_INSERT: usize = 500;

pub async fn erasure(people: usize, postgres: Option<&str>) -> Result<()> {
    let scratch = match postgres {
        Some(url) => Scratch::postgres(url).await?,
        None => Scratch::sqlite().await?,
    };
    println!(
        "aula bench erasure: {people} people past their period, on {}",
        scratch.label
    );
    // Seats are written straight to the table below: the capacity only has to be valid.
    let session = crate::bench::open_sessions(&scratch.db, 1, 100).await?[0];
    let seeding = Instant::now();
    seed(&scratch.db, session, people).await?;
    println!("  seeded in {:.1} s", seeding.elapsed().as_secs_f64());

    let link_key = aula_storage::keys::link_key(&scratch.db).await?;
    let mail = aula_mail::MailConfig::new(
        "Aula <no-reply@bench.example.org>".parse()?,
        "http://127.0.0.1:8080",
        link_key,
    );
    let app = aula_app::App::new(scratch.db.clone(), Arc::new(mail), Default::default());
    // Four years on: every one of them is past the three-year period.
    let now = chrono::Utc::now() + chrono::Duration::days(4 * 365);
    let periods = RetentionPeriods::default();

    let stop = Arc::new(AtomicBool::new(false));
    let probe = tokio::spawn(probe_writes(app.clone(), stop.clone()));
    let peak_reset = reset_peak();
    let (_, before) = memory()?;
    let started = Instant::now();
    let expired = aula_app::retention::expire(&app, now, &periods).await?;
    let took = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let (longest_wait, probes) = probe.await??;
    let (peak, _) = memory()?;

    anyhow::ensure!(
        expired.people == people as u64,
        "erased {} people of {people}",
        expired.people
    );
    println!(
        "  erased {} people in {:.1} s ({:.0} people/s)",
        expired.people,
        took.as_secs_f64(),
        expired.people as f64 / took.as_secs_f64()
    );
    println!(
        "  another writer waited at most {:.0} ms ({probes} writes during the run)",
        longest_wait.as_secs_f64() * 1000.0
    );
    println!(
        "  memory: {:.1} MiB resident before, peak {:.1} MiB during the run{}",
        mib(before),
        mib(peak),
        if peak_reset {
            ""
        } else {
            " (peak since start: clear_refs refused)"
        }
    );
    scratch.finish().await
}

/// `people` people, each with a confirmed seat in `session`, written in
/// multi-row INSERTs.
async fn seed(db: &aula_storage::Database, session: uuid::Uuid, people: usize) -> Result<()> {
    let at = chrono::Utc::now();
    // The people are the session's organisation's (issue 17).
    let org = aula_storage::sessions::row(db, session).await?.organisation_id;
    for start in (0..people).step_by(ROWS_PER_INSERT) {
        let end = (start + ROWS_PER_INSERT).min(people);
        let mut persons = Vec::with_capacity(end - start);
        let mut seats = Vec::with_capacity(end - start);
        for n in start..end {
            let person_id = uuid::Uuid::new_v4();
            persons.push(person::ActiveModel {
                id: Set(person_id),
                organisation_id: Set(org),
                given_name: Set(format!("Persona {n}")),
                family_name: Set("Bench".into()),
                email: Set(Some(format!("person{n}@bench.example.org"))),
                phone: Set(Some("+34 600 000 000".into())),
                employer: Set(Some(format!("Ayuntamiento {}", n % 500))),
                job_title: Set(Some("Técnica".into())),
                language: Set(Language::Es),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            });
            seats.push(registration::ActiveModel {
                id: Set(uuid::Uuid::new_v4()),
                session_id: Set(session),
                person_id: Set(person_id),
                status: Set(RegistrationStatus::Confirmed),
                source: Set(aula_domain::registration::RegistrationSource::Public),
                manage_token_hash: Set(format!("bench-{n}")),
                created_at: Set(at),
                updated_at: Set(at),
                confirmed_at: Set(Some(at)),
                placed_at: Set(Some(at)),
                ..Default::default()
            });
        }
        person::Entity::insert_many(persons).exec(db).await.context("people")?;
        registration::Entity::insert_many(seats)
            .exec(db)
            .await
            .context("registrations")?;
    }
    Ok(())
}

/// Writes every 20 ms as a request of the same process does (taking its
/// turn in `App::write`) until `stop`; returns the longest time one write
/// waited and how many it made.
async fn probe_writes(app: aula_app::App, stop: Arc<AtomicBool>) -> Result<(Duration, usize)> {
    let mut longest = Duration::ZERO;
    let mut writes = 0;
    while !stop.load(Ordering::Relaxed) {
        let started = Instant::now();
        let txn = app.write().await?;
        txn.execute_unprepared("DELETE FROM rate_limits WHERE bucket = 'bench-probe'")
            .await?;
        txn.commit().await?;
        longest = longest.max(started.elapsed());
        writes += 1;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok((longest, writes))
}
