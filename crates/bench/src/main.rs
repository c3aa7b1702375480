//! `aula-bench`: the measures docs/BENCHMARKS.md records, as a binary of
//! its own so the load generator (and its HTTP client) is not in the
//! production `aula` binary. `aula bench ARGS` runs this binary, found beside
//! `aula`, with the same arguments.
//!
//! Every measure runs on a fresh database (a temporary SQLite file, or a
//! temporary PostgreSQL schema with `--postgres`), never on real data, except
//! `indicators --database`, which only reads.

mod bench;
mod bench_certificates;
mod bench_erasure;
mod bench_indicators;

use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "aula bench",
    bin_name = "aula bench",
    version,
    about = "Measure Aula: prints the figures docs/BENCHMARKS.md records."
)]
struct Cli {
    /// Log filter, e.g. `info`, `aula=debug`.
    #[arg(long, env = "AULA_LOG", default_value = "info", global = true)]
    log: String,
    /// Log format: `text` or `json`.
    #[arg(long, env = "AULA_LOG_FORMAT", default_value = "text", global = true)]
    log_format: String,
    #[command(subcommand)]
    command: BenchCommand,
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Messages per second from the outbox to a loopback SMTP receiver.
    Mail {
        #[arg(long, default_value_t = 5000)]
        messages: usize,
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
        /// Also measure on PostgreSQL (a temporary schema of this database).
        #[arg(long, env = "AULA_BENCH_POSTGRES_URL")]
        postgres: Option<String>,
        /// Kill the dispatcher this many times during the burst (each time a
        /// new one takes its place) and count the messages sent twice.
        #[arg(long, default_value_t = 0)]
        kills: usize,
        /// Milliseconds the receiver takes to queue each message before its
        /// 250, as a real server does (0: at once).
        #[arg(long, default_value_t = 0)]
        queue_ms: u64,
    },
    /// Concurrent public registrations over loopback HTTP, each confirmed, beside a raw-SQL baseline.
    Registrations {
        #[arg(long, default_value_t = 2000)]
        registrations: usize,
        /// Seats per session.
        #[arg(long, default_value_t = 100)]
        capacity: i64,
        /// Concurrent clients.
        #[arg(long, default_value_t = 64)]
        concurrency: usize,
        /// Sessions the registrations are spread over; several cases with commas (`1,100`).
        #[arg(long, value_delimiter = ',', default_value = "1")]
        sessions: Vec<usize>,
        /// Also measure with the database as full as this many organisations
        /// as busy as the one measured: their rows in it, then in that many
        /// organisations, against an empty one in the same run.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
        organisations: u32,
        /// Measure on PostgreSQL (a temporary schema of this database) instead of a temporary SQLite file.
        #[arg(long, env = "AULA_BENCH_POSTGRES_URL")]
        postgres: Option<String>,
    },
    /// The time and memory to compute a whole indicators dashboard over the demo at a scale.
    Indicators {
        /// The demo's scale: 770 makes about a million registrations and five million attendance marks.
        #[arg(long, default_value_t = 770, value_parser = clap::value_parser!(u32).range(1..=2000))]
        scale: u32,
        /// Measure on PostgreSQL (a temporary schema of this database) instead of a temporary SQLite file.
        #[arg(long, env = "AULA_BENCH_POSTGRES_URL")]
        postgres: Option<String>,
        /// Measure on this database as it is (loaded before with `aula demo --scale N`) instead.
        #[arg(long)]
        database: Option<String>,
        /// Also measure one organisation's dashboard with this many
        /// organisations in the database, the others copies of it, against
        /// the demo's organisations alone in the same run.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
        organisations: u32,
    },
    /// The expiry job erasing people past their retention period: time, the longest wait of another writer, memory.
    Erasure {
        #[arg(long, default_value_t = 100_000)]
        people: usize,
        /// Measure on PostgreSQL (a temporary schema of this database) instead of a temporary SQLite file.
        #[arg(long, env = "AULA_BENCH_POSTGRES_URL")]
        postgres: Option<String>,
    },
    /// Certificate PDFs per second on one core, then the time and peak memory of ZIP exports.
    Certificates {
        /// Certificates in the export; several cases with commas.
        #[arg(long, value_delimiter = ',', default_value = "1000,10000")]
        certificates: Vec<usize>,
        /// Measure on PostgreSQL (a temporary schema of this database) instead of a temporary SQLite file.
        #[arg(long, env = "AULA_BENCH_POSTGRES_URL")]
        postgres: Option<String>,
    },
}

fn init_logging(cli: &Cli) {
    let filter =
        tracing_subscriber::EnvFilter::try_new(&cli.log).unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if cli.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        BenchCommand::Mail {
            messages,
            concurrency,
            postgres,
            kills,
            queue_ms,
        } => {
            let bench = bench::MailBench {
                messages: *messages,
                concurrency: *concurrency,
                kills: *kills,
                queue_time: std::time::Duration::from_millis(*queue_ms),
            };
            bench::mail(&bench, postgres.as_deref()).await
        }
        BenchCommand::Registrations {
            registrations,
            capacity,
            concurrency,
            sessions,
            organisations,
            postgres,
        } => {
            bench::registrations(bench::RegistrationBench {
                registrations: *registrations,
                capacity: *capacity,
                concurrency: *concurrency,
                sessions: sessions.clone(),
                organisations: *organisations as usize,
                postgres: postgres.clone(),
            })
            .await
        }
        BenchCommand::Indicators {
            scale,
            postgres,
            database,
            organisations,
        } => {
            bench_indicators::indicators(
                *scale,
                postgres.as_deref(),
                database.as_deref(),
                *organisations as usize,
            )
            .await
        }
        BenchCommand::Erasure { people, postgres } => bench_erasure::erasure(*people, postgres.as_deref()).await,
        BenchCommand::Certificates { certificates, postgres } => {
            bench_certificates::certificates(certificates, postgres.as_deref()).await
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(&cli);
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("aula bench: {err:#}");
            ExitCode::FAILURE
        }
    }
}
