//! `aula bench indicators`: the time to compute a whole dashboard (totals,
//! satisfaction scores and the five breakdowns) over the demo at a scale,
//! and the process's memory while it does.
//!
//! The data is `aula demo --scale N` (770 makes about a million
//! registrations and five million attendance marks), loaded into a
//! temporary database, or an existing one given by `--database`.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use aula_demo as demo;
use aula_domain::indicators::{Breakdown, Filter};
use aula_storage::entities::{attendance, programme, registration, survey_response};
use aula_storage::{Database, indicators};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};

use crate::bench::{Scratch, memory, mib, reset_peak};

/// Runs of each case after the first (cold) one.
const RUNS: usize = 5;

struct Case {
    name: &'static str,
    filter: Filter,
}

async fn cases(db: &Database) -> Result<Vec<Case>> {
    let union = programme::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .find(|p| p.title.starts_with("Diversidad e igualdad"))
        .context("the demo's union programme")?
        .id;
    Ok(vec![
        Case {
            name: "everything",
            filter: Filter::default(),
        },
        Case {
            name: "the union programme",
            filter: Filter {
                organisation_id: None,
                programme_id: Some(union),
                ..Filter::default()
            },
        },
        Case {
            name: "union delegates, last 12 months",
            filter: Filter {
                organisation_id: None,
                audience: Some(aula_domain::Audience::UnionDelegate),
                from: Some(chrono::Utc::now().date_naive() - chrono::Duration::days(365)),
                ..Filter::default()
            },
        },
    ])
}

fn seconds(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

async fn measure(db: &Database, label: &str) -> Result<bool> {
    let registrations = registration::Entity::find().count(db).await?;
    let marks = attendance::Entity::find().count(db).await?;
    let answers = survey_response::Entity::find().count(db).await?;
    println!("  {label}: {registrations} registrations, {marks} attendance marks, {answers} survey responses");
    let mut all_pass = true;
    let postgres = db.get_database_backend() == sea_orm::DbBackend::Postgres;
    if postgres {
        // What autovacuum does soon after a bulk load in production: the
        // planner's statistics, without which it guesses its joins.
        db.execute_unprepared("ANALYZE").await?;
    } else {
        // What `aula serve` and `aula demo` do on SQLite.
        aula_storage::db::optimize(db).await?;
    }
    let goal = Duration::from_secs(if postgres { 1 } else { 3 });
    for case in cases(db).await? {
        let (_, rss_before) = memory()?;
        let peak_reset = reset_peak();
        let started = Instant::now();
        let first = indicators::dashboard(db, &case.filter, Breakdown::ALL, chrono::Utc::now()).await?;
        let cold = started.elapsed();
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let started = Instant::now();
            let again = indicators::dashboard(db, &case.filter, Breakdown::ALL, chrono::Utc::now()).await?;
            times.push(started.elapsed());
            anyhow::ensure!(again.totals == first.totals, "the figures changed between runs");
        }
        times.sort();
        let median = times[RUNS / 2];
        let (peak, _) = memory()?;
        let pass = median < goal;
        all_pass &= pass;
        let t = &first.totals;
        println!(
            "    {}: first {}, median of {RUNS} {} (goal < {}: {}); {} registered people, {} beneficiaries, \
             satisfaction {}; memory {:.1} MiB before, peak {}",
            case.name,
            seconds(cold),
            seconds(median),
            seconds(goal),
            if pass { "met" } else { "MISSED" },
            t.registered_people,
            t.beneficiaries,
            t.satisfaction_mean().map_or("—".into(), |m| format!("{m:.1}")),
            mib(rss_before),
            if peak_reset {
                format!("{:.1} MiB (+{:.1})", mib(peak), mib(peak.saturating_sub(rss_before)))
            } else {
                "not measurable here".into()
            },
        );
    }
    Ok(all_pass)
}

pub async fn indicators(scale: u32, postgres: Option<&str>, database: Option<&str>) -> Result<()> {
    println!(
        "aula bench indicators: a whole dashboard (totals, satisfaction scores, breakdowns by region, audience, \
         modality, course and month) in one read transaction"
    );
    let pass = match database {
        Some(url) => {
            let db = aula_storage::connect(url, None).await?;
            measure(&db, "the given database").await?
        }
        None => {
            let scratch = match postgres {
                Some(url) => Scratch::postgres(url).await?,
                None => Scratch::sqlite().await?,
            };
            let started = Instant::now();
            let written = demo::load_scaled(&scratch.db, chrono::Utc::now().date_naive(), scale).await?;
            println!(
                "  demo at scale {scale} loaded into {} in {:.0} s ({} registrations, {} attendance marks)",
                scratch.label,
                started.elapsed().as_secs_f64(),
                written.registrations,
                written.attendance
            );
            let label = scratch.label.clone();
            let result = measure(&scratch.db, &label).await;
            scratch.finish().await?;
            result?
        }
    };
    println!(
        "  {}",
        if pass {
            "every goal met"
        } else {
            "some goals missed (see above)"
        }
    );
    Ok(())
}
