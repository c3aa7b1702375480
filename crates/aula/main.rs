//! The `aula` command: serve the web application, migrate the database,
//! load demo data, and manage staff accounts and API tokens.
//!
//! Every flag can also be set with the `AULA_*` variable named in `--help`.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use aula_demo as demo;
use aula_domain::details::UserDetails;
use aula_domain::text::{password_hidden, without_password};
use aula_domain::{Email, Language, Password, PasswordHash, Role, Text};
use aula_storage::{Actor, Database, bodies, db, tokens, users};
use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "aula",
    version,
    about = "Training programmes: catalogue, registrations, attendance, certificates."
)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct Global {
    /// Database: `sqlite://FILE?mode=rwc` or `postgres://USER@HOST/DB`.
    #[arg(
        long,
        env = "AULA_DATABASE_URL",
        default_value = "sqlite://aula.db?mode=rwc",
        global = true,
        hide_env_values = true
    )]
    database_url: String,
    /// Log filter, e.g. `info`, `aula=debug`.
    #[arg(long, env = "AULA_LOG", default_value = "info", global = true)]
    log: String,
    /// Log format: `text` or `json`.
    #[arg(long, env = "AULA_LOG_FORMAT", default_value = "text", global = true,
        value_parser = ["text", "json"])]
    log_format: String,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application (migrates the database first).
    Serve(Serve),
    /// Apply the database migrations.
    Migrate,
    /// Load the demo data set into an empty database.
    Demo {
        /// Times more people and past editions (with their registrations,
        /// attendance, surveys and certificates), for benchmarks: 770 makes
        /// about a million registrations and five million attendance marks.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=2000))]
        scale: u32,
    },
    /// Manage staff users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Send queued e-mail without serving the web application.
    Worker(Worker),
    /// The indicators' figures.
    Indicators {
        #[command(subcommand)]
        command: IndicatorsCommand,
    },
    /// Measure: prints the figures docs/BENCHMARKS.md records. Runs the
    /// `aula-bench` binary beside this one (`cargo build --release -p aula-bench`),
    /// which is not part of the production build; `aula bench --help` lists its measures.
    #[command(disable_help_flag = true)]
    Bench {
        /// The measure and its options, passed to `aula-bench` as they are.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<std::ffi::OsString>,
    },
}

#[derive(Args, Clone)]
struct MailArgs {
    /// The address people reach Aula at (links in e-mails); `serve` defaults it to `http://BIND`.
    #[arg(long, env = "AULA_BASE_URL")]
    base_url: Option<String>,
    /// SMTP server: `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://...`.
    /// Without it, messages are written as .eml files to --mail-dir.
    #[arg(long, env = "AULA_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    #[arg(long, env = "AULA_SMTP_USER")]
    smtp_user: Option<String>,
    #[arg(long, env = "AULA_SMTP_PASSWORD", hide_env_values = true)]
    smtp_password: Option<String>,
    /// Seconds to wait for the SMTP server before trying again later (1 to 600).
    #[arg(long, env = "AULA_SMTP_TIMEOUT", default_value_t = 15,
        value_parser = clap::value_parser!(u64).range(1..=600))]
    smtp_timeout: u64,
    /// Folder for .eml files when no SMTP server is configured.
    #[arg(long, env = "AULA_MAIL_DIR", default_value = "mail-out")]
    mail_dir: std::path::PathBuf,
    /// The sender of every message, e.g. `Formación <formacion@example.org>`.
    #[arg(long, env = "AULA_MAIL_FROM")]
    mail_from: Option<String>,
    /// `production` refuses to start without an SMTP server. Any other
    /// word is refused: `prod` passed for development, without its guard.
    #[arg(
        long = "env",
        env = "AULA_ENV",
        value_enum,
        ignore_case = true,
        default_value = "development"
    )]
    environment: Environment,
    /// Messages claimed per dispatcher round (1 to 10,000; 0 sent nothing, ever).
    #[arg(long, env = "AULA_MAIL_BATCH", default_value_t = 100,
        value_parser = clap::value_parser!(u64).range(1..=10_000))]
    mail_batch: u64,
    /// Messages sent at once.
    #[arg(long, env = "AULA_MAIL_CONCURRENCY", default_value_t = 32)]
    mail_concurrency: usize,
    /// This process's name on its host (e.g. `web-1`), unique on the host: restarted under the
    /// same name, it sends at once what its predecessor had claimed; otherwise that waits for
    /// the lease (30 s).
    #[arg(long, env = "AULA_INSTANCE")]
    instance: Option<String>,
}

/// What the instance is for (`AULA_ENV`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Environment {
    Development,
    /// Mail must go out through an SMTP server.
    Production,
}

#[derive(Args)]
struct Worker {
    #[command(flatten)]
    mail: MailArgs,
}

#[derive(Args)]
struct Serve {
    /// Address to listen on.
    #[arg(long, env = "AULA_BIND", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Load the demo data set if the database is empty.
    #[arg(long, env = "AULA_DEMO", value_parser = clap::builder::BoolishValueParser::new())]
    demo: bool,
    /// Turn off the rate limits on public registration and sign-in (for load tests only).
    #[arg(long, env = "AULA_NO_RATE_LIMITS", value_parser = clap::builder::BoolishValueParser::new())]
    no_rate_limits: bool,
    /// Seconds a client has to send a request's head (also how long an idle
    /// keep-alive connection is kept).
    #[arg(long, env = "AULA_HEADER_TIMEOUT", default_value_t = aula_web::Config::DEFAULT_HEADER_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    header_timeout: u64,
    /// Seconds without a byte moving either way after which a connection is closed.
    #[arg(long, env = "AULA_IDLE_TIMEOUT", default_value_t = aula_web::Config::DEFAULT_IDLE_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    idle_timeout: u64,
    /// Connections open at once (lowered to fit the open-files limit).
    #[arg(long, env = "AULA_MAX_CONNECTIONS", default_value_t = aula_web::Config::DEFAULT_MAX_CONNECTIONS,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1_000_000))]
    max_connections: usize,
    /// When set, `/metrics` answers only to `Authorization: Bearer <this>`.
    #[arg(long, env = "AULA_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
    #[command(flatten)]
    mail: MailArgs,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a staff user.
    Add {
        #[arg(long, env = "AULA_USER_EMAIL")]
        email: String,
        #[arg(long, env = "AULA_USER_NAME")]
        name: String,
        /// admin, organiser, trainer or accreditor; repeat or separate with commas for several.
        #[arg(long = "role", env = "AULA_USER_ROLE", value_delimiter = ',', required = true)]
        roles: Vec<String>,
        /// At least 10 characters; without it the user cannot sign in until an admin sets one.
        #[arg(long, env = "AULA_USER_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// The accrediting body (its id or code) of an accreditor.
        #[arg(long, env = "AULA_USER_ACCREDITATION_BODY")]
        accreditation_body: Option<String>,
        /// fr, es, en or ar.
        #[arg(long, env = "AULA_USER_LANGUAGE", default_value = "es")]
        language: String,
        /// The organisation (its slug) whose organiser, trainer or admin
        /// they become; the first organisation without it.
        #[arg(long, env = "AULA_USER_ORGANISATION")]
        organisation: Option<String>,
    },
}

#[derive(Subcommand)]
enum IndicatorsCommand {
    /// Recompute the dashboards of the instance and of each organisation
    /// from the registrations, sessions, people, surveys and certificates,
    /// and compare them with the figures the indicators page reads (the
    /// registrations' facts); exits with 1 when any differs.
    Check,
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token for a user and print it (it is shown only this once).
    Create {
        #[arg(long, env = "AULA_TOKEN_EMAIL")]
        email: String,
        /// What the token is for.
        #[arg(long, env = "AULA_TOKEN_NAME", default_value = "command line")]
        name: String,
        /// The organisation (its slug) the token works in; without it, the
        /// user's first organisation.
        #[arg(long, env = "AULA_TOKEN_ORGANISATION")]
        organisation: Option<String>,
    },
}

/// Sets up the logs; a filter that does not parse is refused, not taken as
/// `info` without a word.
fn init_logging(global: &Global) -> Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_new(&global.log)
        .map_err(|err| anyhow::anyhow!("AULA_LOG is not a log filter ({err}): try `info` or `aula=debug`"))?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if global.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
    Ok(())
}

/// `aula bench ...`: runs the `aula-bench` binary found beside this one with
/// the same arguments (and the log settings), so the load generator and its
/// HTTP client stay out of the production binary.
fn run_bench(global: &Global, args: &[std::ffi::OsString]) -> Result<()> {
    let name = format!("aula-bench{}", std::env::consts::EXE_SUFFIX);
    let path = std::env::current_exe()
        .context("cannot find where this program is")?
        .with_file_name(&name);
    if !path.is_file() {
        bail!(
            "{} is missing: the benchmarks are a separate binary; build it beside aula with \
             `cargo build --release -p aula-bench` (or run it directly: `cargo run --release -p aula-bench -- ...`)",
            path.display()
        );
    }
    let mut command = std::process::Command::new(&path);
    command
        .args(args)
        .env("AULA_LOG", &global.log)
        .env("AULA_LOG_FORMAT", &global.log_format);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Only returns on failure.
        let error = command.exec();
        Err(error).with_context(|| format!("cannot run {}", path.display()))
    }
    #[cfg(not(unix))]
    {
        let status = command
            .status()
            .with_context(|| format!("cannot run {}", path.display()))?;
        if status.success() {
            Ok(())
        } else {
            bail!("{name} failed ({status})")
        }
    }
}

async fn open(global: &Global) -> Result<Database> {
    let url = &global.database_url;
    // The driver's own message may repeat the URL: shown without its password too.
    let database = db::connect(url, None).await.map_err(|err| {
        anyhow::anyhow!(
            "cannot open the database at {}: {}",
            without_password(url),
            password_hidden(&format!("{err:#}"), url)
        )
    })?;
    db::migrate(&database).await.context("cannot migrate the database")?;
    db::optimize(&database)
        .await
        .context("cannot refresh the database's statistics")?;
    Ok(database)
}

/// The mail set-up: where messages come from, how they travel.
async fn mail_setup(
    database: &aula_storage::Database,
    args: &MailArgs,
    base_url: &str,
) -> Result<(aula_mail::MailConfig, aula_mail::Transport)> {
    // Every link in every e-mail starts with it: `not a url` or `ftp://x`
    // started a server whose mail led nowhere.
    if aula_domain::Url::parse(base_url).is_err() {
        bail!("AULA_BASE_URL is not an http:// or https:// address: {base_url}");
    }
    let from = args
        .mail_from
        .clone()
        .unwrap_or_else(|| format!("Aula <no-reply@{}>", aula_mail::MailConfig::host(base_url)));
    let from = from
        .parse()
        .with_context(|| format!("AULA_MAIL_FROM is not an address: {from}"))?;
    let link_key = aula_storage::keys::link_key(database).await?;
    let config = aula_mail::MailConfig::new(from, base_url, link_key);
    let transport = match &args.smtp_url {
        Some(url) => {
            let credentials = args.smtp_user.clone().zip(args.smtp_password.clone());
            aula_mail::Transport::smtp(url, credentials, std::time::Duration::from_secs(args.smtp_timeout))
                .map_err(|e| anyhow::anyhow!("AULA_SMTP_URL: {e}"))?
        }
        None if args.environment == Environment::Production => {
            bail!("AULA_ENV=production needs an SMTP server (AULA_SMTP_URL): mail would only be written to files")
        }
        None => aula_mail::Transport::files(args.mail_dir.clone())
            .with_context(|| format!("cannot write mail to {}", args.mail_dir.display()))?,
    };
    Ok((config, transport))
}

fn dispatcher(
    database: &Database,
    args: &MailArgs,
    config: &aula_mail::MailConfig,
    transport: aula_mail::Transport,
    wake: std::sync::Arc<tokio::sync::Notify>,
) -> aula_mail::Dispatcher {
    let settings = aula_mail::Settings {
        sender: aula_mail::message::Sender {
            from: config.from.clone(),
        },
        base_url: config.base_url.clone(),
        domain: config.domain.clone(),
        batch: args.mail_batch,
        concurrency: args.mail_concurrency,
        // Renewed every third while its holder works: a dead process's messages go out within it.
        lease: chrono::Duration::seconds(30),
        idle: std::time::Duration::from_secs(2),
    };
    let dispatcher = aula_mail::Dispatcher::new(database.clone(), std::sync::Arc::new(transport), settings, wake);
    match &args.instance {
        Some(name) => dispatcher.instance(name),
        None => dispatcher,
    }
}

async fn worker(global: &Global, args: &Worker) -> Result<()> {
    let database = open(global).await?;
    let base_url = args
        .mail
        .base_url
        .clone()
        .unwrap_or_else(|| "http://127.0.0.1:8080".to_owned());
    let (config, transport) = mail_setup(&database, &args.mail, &base_url).await?;
    println!("Sending queued mail through {}", transport.describe());
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    let app = aula_app::App::new(database.clone(), std::sync::Arc::new(config.clone()), wake.clone());
    let jobs = tokio::spawn(aula_app::jobs::run(
        app,
        std::time::Duration::from_secs(60),
        stopped.clone(),
    ));
    let task = tokio::spawn(dispatcher(&database, &args.mail, &config, transport, wake).run(stopped));
    shutdown_signal().await;
    let _ = stop.send(true);
    task.await?;
    jobs.await?;
    Ok(())
}

async fn indicators_check(global: &Global) -> Result<()> {
    let database = open(global).await?;
    let check = aula_storage::indicators::check(&database, chrono::Utc::now()).await?;
    println!(
        "{} registrations, {} facts; {} dashboards compared, {} differ.",
        check.registrations,
        check.facts,
        check.dashboards,
        check.drifts.len()
    );
    for drift in &check.drifts {
        println!("Differs: {:?}", drift.filter);
        println!("  from the facts:  {:?}", drift.facts.totals);
        println!("  from the tables: {:?}", drift.tables.totals);
    }
    if !check.holds() {
        bail!("the indicators' facts differ from the tables");
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

async fn serve(global: &Global, args: &Serve) -> Result<()> {
    // The address first: a server that cannot listen changes nothing (it
    // had migrated and loaded the demo before saying the port was taken).
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| format!("cannot listen on {}", args.bind))?;
    let database = open(global).await?;
    if args.demo && demo::is_empty(&database).await? {
        demo::load(&database, chrono::Utc::now().date_naive())
            .await
            .context("cannot load the demo data")?;
        tracing::info!("demo data loaded");
    }
    // Each connection holds a file descriptor: take all the system allows,
    // and keep the connection cap below it (with room for the database,
    // mail and files).
    let max_connections = match aula_web::raise_open_files_limit() {
        Ok(limit) => {
            let room = usize::try_from(limit.saturating_sub(256)).unwrap_or(usize::MAX).max(64);
            if room < args.max_connections {
                tracing::warn!(
                    limit,
                    room,
                    "the open-files limit caps connections below --max-connections"
                );
            }
            args.max_connections.min(room)
        }
        Err(err) => {
            tracing::warn!(%err, "cannot raise the open-files limit");
            args.max_connections
        }
    };
    let address = listener.local_addr()?;
    let base_url = args
        .mail
        .base_url
        .clone()
        .unwrap_or_else(|| format!("http://{address}"))
        .trim_end_matches('/')
        .to_owned();

    let (mail, transport) = mail_setup(&database, &args.mail, &base_url).await?;
    println!("Aula is listening on {base_url}");
    println!("Mail goes out through {}", transport.describe());
    if args.demo {
        println!("Demo sign-ins (password {}):", demo::PASSWORD);
        for (role, email) in demo::SIGN_INS {
            println!("  {role:<11} {email}");
        }
    }
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let mailer = tokio::spawn(dispatcher(&database, &args.mail, &mail, transport, wake.clone()).run(stopped.clone()));
    let config = aula_web::Config {
        base_url,
        rate_limits: !args.no_rate_limits,
        header_timeout: std::time::Duration::from_secs(args.header_timeout),
        idle_timeout: std::time::Duration::from_secs(args.idle_timeout),
        request_timeout: aula_web::Config::DEFAULT_REQUEST_TIMEOUT,
        max_connections,
        // Trimmed as the request's header is: a token written with a blank
        // around it refused every request.
        metrics_token: args
            .metrics_token
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
    };
    let state = aula_web::AppState::new(database, config, mail, wake);
    // The jobs share the pages' use cases, and so their queue of writers.
    let jobs = tokio::spawn(aula_app::jobs::run(
        state.app(),
        std::time::Duration::from_secs(60),
        stopped,
    ));
    aula_web::serve(listener, state, shutdown_signal()).await?;
    // Requests have finished; the dispatcher finishes its batch and gives back the rest.
    let _ = stop.send(true);
    mailer.await?;
    jobs.await?;
    Ok(())
}

// One argument per flag of `aula user add`, as clap gives them.
#[allow(clippy::too_many_arguments)]
async fn user_add(
    global: &Global,
    email: &str,
    name: &str,
    roles: &[String],
    password: Option<&str>,
    body: Option<&str>,
    language: &str,
    organisation: Option<&str>,
) -> Result<()> {
    let database = open(global).await?;
    let problem = |field: &str, p: aula_domain::Problem| anyhow::anyhow!("{field}: {}", problem_text(&p));
    let body_id = match body {
        Some(given) => {
            let all = bodies::list(&database).await?;
            let found = all
                .iter()
                .find(|b| b.id.to_string() == given || b.code.eq_ignore_ascii_case(given));
            Some(
                found
                    .map(|b| b.id)
                    .with_context(|| format!("no accrediting body with id or code {given}"))?,
            )
        }
        None => None,
    };
    let details = UserDetails::new(UserDetails {
        email: Email::parse(email).map_err(|p| problem("email", p))?,
        name: Text::parse(name).map_err(|p| problem("name", p))?,
        roles: roles
            .iter()
            .map(|r| Role::parse(r).map_err(|p| problem("role", p)))
            .collect::<Result<_>>()?,
        accreditation_body_id: body_id,
        language: Language::parse(language).map_err(|p| problem("language", p))?,
        password: password
            .map(|p| {
                Password::parse(p)
                    .map(|p| PasswordHash::new(&p))
                    .map_err(|e| problem("password", e))
            })
            .transpose()?,
    })
    .map_err(|errors| anyhow::anyhow!("{}", errors_text(&errors)))?;
    let org = organisation_named(&database, organisation).await?;
    let user = users::create(&database, &Actor::system("command line"), org, &details)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("Added {} ({})", user.user.email, user.user.id);
    Ok(())
}

/// A problem in words for the operator, in English like the command line's
/// own messages (not its key: `error-email`).
fn problem_text(problem: &aula_domain::Problem) -> String {
    aula_mail::Tr::new(Language::En).problem(problem)
}

/// Each field's problems in words (`email: Enter a valid e-mail address.`).
fn errors_text(errors: &aula_domain::FieldErrors) -> String {
    errors
        .iter()
        .flat_map(|(field, problems)| problems.iter().map(move |p| format!("{field}: {}", problem_text(p))))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The organisation with slug `slug`, or the first one.
async fn organisation_named(
    database: &aula_storage::Database,
    slug: Option<&str>,
) -> Result<aula_domain::OrganisationId> {
    use aula_storage::organisations;
    let found = match slug {
        Some(slug) => organisations::by_slug(database, slug)
            .await?
            .with_context(|| format!("no organisation with slug {slug}"))?,
        None => organisations::first(database).await?,
    };
    Ok(organisations::id(&found))
}

async fn token_create(global: &Global, email: &str, name: &str, organisation: Option<&str>) -> Result<()> {
    let database = open(global).await?;
    let email = Email::parse(email).map_err(|p| anyhow::anyhow!("email: {}", problem_text(&p)))?;
    let Some(user) = users::find_by_email(&database, &email).await? else {
        bail!("no user with e-mail {email}");
    };
    // What the web's form refuses is refused here too: a token that could
    // never authenticate, or work where its user does not.
    let name = Text::<100>::parse(name).map_err(|p| anyhow::anyhow!("name: {}", problem_text(&p)))?;
    if !user.user.active {
        bail!("{email} is deactivated: a token of theirs would never be accepted");
    }
    let memberships = aula_storage::organisations::memberships(&database, user.user.id).await?;
    let org = match organisation {
        Some(slug) => {
            let org = organisation_named(&database, organisation).await?;
            let member = memberships.iter().any(|m| m.id() == org);
            if !member && !user.has(Role::Admin) {
                bail!("{email} is not a member of {slug}");
            }
            org
        }
        None => match memberships.first() {
            Some(m) => m.id(),
            None => organisation_named(&database, None).await?,
        },
    };
    // The token and its audit entry are one write (the web's door is the
    // use case `aula_app::tokens::create`, which needs the mail settings).
    let txn = aula_storage::Begin::begin_write(&database).await?;
    let (_, plain) = tokens::create(&txn, &Actor::system("command line"), org, user.user.id, name.as_str()).await?;
    txn.commit().await?;
    println!("{plain}");
    Ok(())
}

async fn run(cli: Cli) -> Result<()> {
    match &cli.command {
        Command::Serve(args) => serve(&cli.global, args).await,
        Command::Worker(args) => worker(&cli.global, args).await,
        Command::Bench { args } => run_bench(&cli.global, args),
        Command::Indicators {
            command: IndicatorsCommand::Check,
        } => indicators_check(&cli.global).await,
        Command::Migrate => {
            open(&cli.global).await?;
            println!("The database is up to date.");
            Ok(())
        }
        Command::Demo { scale } => {
            let database = open(&cli.global).await?;
            if !demo::is_empty(&database).await? {
                bail!("the database already holds data; the demo loads only into an empty database");
            }
            let started = std::time::Instant::now();
            let written = demo::load_scaled(&database, chrono::Utc::now().date_naive(), *scale).await?;
            db::optimize(&database).await?;
            println!(
                "Demo data loaded (scale {scale}) in {:.1} s: {} people, {} past sessions, {} registrations, \
                 {} attendance marks, {} survey answers, {} certificates.",
                started.elapsed().as_secs_f64(),
                written.people,
                written.sessions,
                written.registrations,
                written.attendance,
                written.responses,
                written.certificates,
            );
            println!("Sign-ins (password {}):", demo::PASSWORD);
            for (role, email) in demo::SIGN_INS {
                println!("  {role:<11} {email}");
            }
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    name,
                    roles,
                    password,
                    accreditation_body,
                    language,
                    organisation,
                },
        } => {
            user_add(
                &cli.global,
                email,
                name,
                roles,
                password.as_deref(),
                accreditation_body.as_deref(),
                language,
                organisation.as_deref(),
            )
            .await
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    email,
                    name,
                    organisation,
                },
        } => token_create(&cli.global, email, name, organisation.as_deref()).await,
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(err) = init_logging(&cli.global) {
        eprintln!("aula: {err:#}");
        return ExitCode::FAILURE;
    }
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("aula: {err:#}");
            ExitCode::FAILURE
        }
    }
}
