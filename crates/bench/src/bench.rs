//! `aula bench ...` (the `aula-bench` binary): figures for docs/BENCHMARKS.md, measured on fresh
//! databases (a temporary SQLite file; a temporary PostgreSQL schema when
//! a PostgreSQL URL is given) so that a run never touches real data.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use aula_domain::{Email, Language, MailKind, RegistrationStatus};
use aula_mail::render::{Broadcast, SessionRef, data};
use aula_mail::sink::SmtpSink;
use aula_storage::outbox::{self, NewMessage};
use aula_storage::{Begin, Database};
use sea_orm::ConnectionTrait;

/// A fresh, migrated database; the guard removes it afterwards.
pub struct Scratch {
    pub db: Database,
    pub label: String,
    /// The database's URL, and its schema on PostgreSQL: another pool on the same data.
    url: String,
    schema: Option<String>,
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
            url,
            schema: None,
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
            url: url.to_owned(),
            schema: Some(schema.clone()),
            cleanup: Some((url.to_owned(), schema)),
            _dir: None,
        })
    }

    /// A second pool on the same database (the load generator's own).
    pub async fn connect_again(&self) -> Result<Database> {
        Ok(aula_storage::connect(&self.url, self.schema.as_deref()).await?)
    }

    pub async fn finish(self) -> Result<()> {
        // AULA_BENCH_KEEP=1 leaves the scratch database for `EXPLAIN ANALYZE`
        // (how issue 17's slow plans were found): its name is printed.
        if std::env::var_os("AULA_BENCH_KEEP").is_some() {
            println!("  kept for inspection: {:?}", self.cleanup);
            return Ok(());
        }
        if let Some((url, schema)) = &self.cleanup {
            let admin = aula_storage::connect(url, None).await?;
            admin
                .execute_unprepared(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
                .await?;
        }
        Ok(())
    }
}

fn message(org: uuid::Uuid, n: usize) -> Result<NewMessage> {
    let content = data(&Broadcast {
        session: SessionRef {
            id: uuid::Uuid::nil(),
            course_title: "Igualdad de trato y no discriminación".into(),
            time_zone: "Europe/Madrid".into(),
            place: Some("Sede regional, Sevilla".into()),
            meetings: vec![],
            online_url: None,
            meeting_places: Vec::new(),
        },
        subject: "Cambio de sala".into(),
        body: "Nos vemos en la sala 2.".into(),
        organiser_name: "Organización".into(),
    });
    Ok(NewMessage {
        organisation_id: org,
        kind: MailKind::Broadcast,
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

/// What `aula bench mail` is asked to do.
pub struct MailBench {
    pub messages: usize,
    pub concurrency: usize,
    /// Dispatchers killed during the burst, each replaced by a new one.
    pub kills: usize,
    /// How long the receiver takes before each 250.
    pub queue_time: Duration,
}

/// Messages per second from the outbox to an SMTP receiver on loopback;
/// with kills, how many a killed dispatcher made the next one send again.
pub async fn mail(bench: &MailBench, postgres: Option<&str>) -> Result<()> {
    let MailBench {
        messages,
        concurrency,
        kills,
        queue_time,
    } = *bench;
    println!(
        "aula bench mail: {messages} messages, {concurrency} in flight, batches of 100, SMTP on loopback \
         ({} ms to queue each), {kills} kills",
        queue_time.as_millis()
    );
    let mut scratches = vec![Scratch::sqlite().await?];
    if let Some(url) = postgres {
        scratches.push(Scratch::postgres(url).await?);
    }
    for scratch in scratches {
        let sink = SmtpSink::start().await?;
        sink.set_queue_time(queue_time);
        let started = Instant::now();
        let org = aula_storage::organisations::first(&scratch.db).await?.id;
        let txn = scratch.db.begin_write().await?;
        for n in 0..messages {
            outbox::enqueue(&txn, &message(org, n)?, "bench.example.org").await?;
        }
        txn.commit().await?;
        let queued_in = started.elapsed();

        let transport = aula_mail::Transport::smtp(&format!("{}?tls=none", sink.url()), None, Duration::from_secs(10))
            .map_err(|e| anyhow::anyhow!(e))?;
        let transport = Arc::new(transport);
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
        // Each replacement runs under the same instance name, as a restarted
        // process does: it releases the killed one's rows at once.
        let dispatcher = || {
            aula_mail::Dispatcher::new(
                scratch.db.clone(),
                transport.clone(),
                settings.clone(),
                Default::default(),
            )
            .instance("bench")
        };
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let sending = Instant::now();
        for kill in 1..=kills {
            let task = tokio::spawn(dispatcher().run(stopped.clone()));
            sink.wait_for(kill * messages / (kills + 1), Duration::from_secs(600))
                .await;
            // A kill comes at any moment, not just after answers arrived (which
            // is when the count above moves, the worst instant): wait a further
            // pseudo-random part of a message's round trip.
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let round_trip = queue_time + Duration::from_millis(10);
            tokio::time::sleep(round_trip.mul_f64(f64::from(nanos % 1000) / 1000.0)).await;
            // A task abort stops sending and recording at the same instant, as `kill -9` does.
            task.abort();
            let _ = task.await;
        }
        let task = tokio::spawn(dispatcher().run(stopped));
        let distinct = || {
            sink.received()
                .iter()
                .filter_map(|m| m.header("Message-ID"))
                .collect::<std::collections::HashSet<_>>()
                .len()
        };
        while distinct() < messages && sending.elapsed() < Duration::from_secs(600) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let sent_in = sending.elapsed();
        let _ = stop.send(true);
        task.await?;
        let received = sink.count();
        let delivered = distinct();
        println!(
            "  {:<32} queued in {:>6.0} ms; sent {delivered}/{messages} in {:>7.0} ms: {:>6.0} messages/s",
            scratch.label,
            queued_in.as_secs_f64() * 1000.0,
            sent_in.as_secs_f64() * 1000.0,
            delivered as f64 / sent_in.as_secs_f64(),
        );
        if kills > 0 {
            let doubled = received - delivered;
            println!(
                "  {:<32} {kills} kills: {doubled} doubled, {:.1} a kill",
                "",
                doubled as f64 / kills as f64
            );
        }
        scratch.finish().await?;
    }
    Ok(())
}

/// What `aula bench registrations` is asked to do.
pub struct RegistrationBench {
    pub registrations: usize,
    pub capacity: i64,
    pub concurrency: usize,
    /// One case per entry: 1 is the hot case (every request wants the same seats).
    pub sessions: Vec<usize>,
    /// More than 1: the HTTP case again with this many organisations in
    /// the database, each of the others holding as many sessions and
    /// registrations as the one measured (issue 17).
    pub organisations: usize,
    pub postgres: Option<String>,
}

/// One registration as a client saw it.
#[derive(Clone, Copy)]
struct Sample {
    /// The POST, to its 201.
    post: Duration,
    /// Reading the confirmation link from the outbox (the load generator's stand-in for the person's e-mail).
    lookup: Duration,
    /// The confirmation: the POST of the button on the link's page, to its outcome page.
    confirm: Duration,
}

/// Percentile `p` (0 to 100) of sorted durations, in milliseconds.
fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

fn sorted(mut values: Vec<Duration>) -> Vec<Duration> {
    values.sort();
    values
}

fn p50_p99(values: Vec<Duration>) -> String {
    let values = sorted(values);
    format!(
        "p50 {:>5.1} ms, p99 {:>6.1} ms",
        percentile(&values, 50.0),
        percentile(&values, 99.0)
    )
}

/// A statement written with `$1, $2, ...` (in order, each once), for either database.
fn statement(backend: sea_orm::DbBackend, sql: &str, values: Vec<sea_orm::Value>) -> sea_orm::Statement {
    let sql = if backend == sea_orm::DbBackend::Postgres {
        sql.to_owned()
    } else {
        let mut out = String::with_capacity(sql.len());
        let mut chars = sql.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
                out.push('?');
            } else {
                out.push(c);
            }
        }
        out
    };
    sea_orm::Statement::from_sql_and_values(backend, sql, values)
}

fn problem<T>(result: std::result::Result<T, aula_domain::Problem>) -> Result<T> {
    result.map_err(|p| anyhow::anyhow!("{p}"))
}

/// A course and `count` open sessions of it in the first organisation,
/// each with `capacity` seats and one meeting in 30 days.
pub(crate) async fn open_sessions(db: &Database, count: usize, capacity: i64) -> Result<Vec<uuid::Uuid>> {
    let org = aula_storage::organisations::id(&aula_storage::organisations::first(db).await?);
    open_sessions_in(db, org, count, capacity).await
}

/// Where the rows of the other organisations' worth of activity go.
#[derive(Clone, Copy)]
enum Crowd {
    /// Into `others` more organisations, one each.
    OtherOrganisations,
    /// Into the measured organisation itself, in sessions of its own: the
    /// same rows in one organisation, to tell what the number of
    /// organisations costs from what the size of the tables costs.
    SameOrganisation,
}

/// `others` organisations' worth of activity, each `sessions` open sessions
/// holding `registrations` registrations between them (written straight, as
/// the raw-SQL baseline writes them): the tables a measured organisation
/// writes to then hold `others` times its rows besides its own.
async fn crowd(
    db: &Database,
    into: Crowd,
    others: usize,
    sessions: usize,
    capacity: i64,
    registrations: usize,
) -> Result<()> {
    use aula_storage::organisations::{self, NewOrganisation};
    let first = organisations::id(&organisations::first(db).await?);
    for n in 0..others {
        let org = match into {
            Crowd::SameOrganisation => first,
            Crowd::OtherOrganisations => organisations::id(
                &organisations::create(
                    db,
                    &aula_storage::Actor::system("bench"),
                    &NewOrganisation {
                        slug: problem(aula_domain::OrganisationSlug::parse(&format!("bench-{n}")))?,
                        name: format!("Bench {n}"),
                        time_zone: "Europe/Madrid".into(),
                        contact_email: None,
                    },
                )
                .await?,
            ),
        };
        let ids = open_sessions_in(db, org, sessions, capacity).await?;
        for r in 0..registrations.min(ids.len() * capacity as usize) {
            // Numbers apart from the measured sessions' and each other's.
            baseline_one(db, org.uuid(), ids[r % ids.len()], (n + 1) * 10_000_000 + r).await?;
        }
    }
    Ok(())
}

/// A course and `count` open sessions of it in `org`, each with `capacity`
/// seats and one meeting in 30 days.
async fn open_sessions_in(
    db: &Database,
    org: aula_domain::OrganisationId,
    count: usize,
    capacity: i64,
) -> Result<Vec<uuid::Uuid>> {
    use aula_domain::details::{CourseDetails, DEFAULT_REMINDER_LEAD_HOURS, SessionDetails};
    use aula_domain::{Audience, Capacity, Hours, MeetingTimes, Modality, SessionStatus, SessionTimeZone, Text, Url};
    use aula_storage::{Actor, courses, sessions};
    let actor = Actor::system("bench").within(org);
    let course = CourseDetails::new(CourseDetails {
        programme_id: None,
        title: problem(Text::parse("Igualdad de trato y no discriminación"))?,
        summary: problem(Text::parse("Marco legal, conceptos y casos prácticos."))?,
        objectives: None,
        hours: problem(Hours::from_minutes(180))?,
        modality: Modality::Online,
        audiences: vec![Audience::PUBLIC_SERVANT],
        language: Language::Es,
        minimum_attendance: aula_domain::Percent::DEFAULT_MINIMUM_ATTENDANCE,
        accreditation: None,
        commissioner: None,
    })
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let course = courses::create(db, &actor, org, &course).await?;
    let starts = chrono::Utc::now() + chrono::Duration::days(30);
    let mut ids = Vec::with_capacity(count);
    for n in 0..count {
        let details = SessionDetails::new(
            SessionDetails {
                course_id: course.course.id,
                time_zone: problem(SessionTimeZone::parse("Europe/Madrid"))?,
                venue: None,
                online_url: Some(problem(Url::parse(&format!("https://meet.example.org/bench-{n}")))?),
                capacity: problem(Capacity::new(capacity))?,
                registration_opens_at: None,
                registration_closes_at: None,
                trainer_ids: vec![],
                meetings: vec![problem(MeetingTimes::new(starts, starts + chrono::Duration::hours(3)))?],
                reminder_lead_minutes: DEFAULT_REMINDER_LEAD_HOURS * 60,
                confirm_organiser_entries: true,
                issue_on_completion: false,
                present_share: aula_domain::Percent::DEFAULT_PRESENT_SHARE,
                record_past: false,
                by_invitation: false,
                meeting_places: Vec::new(),
                commissioner: None,
            },
            Modality::Online,
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        let session = sessions::create(db, &actor, org, &details).await?;
        sessions::set_status(db, &actor, org, session.session.id, SessionStatus::Open).await?;
        ids.push(session.session.id);
    }
    Ok(ids)
}

/// Registrations that went to each session: request `n` goes to session `n % sessions`.
fn expected_per_session(registrations: usize, sessions: usize) -> impl Fn(usize) -> i64 {
    move |s| (registrations / sessions + usize::from(s < registrations % sessions)) as i64
}

/// What the database holds afterwards, against what it must hold.
struct Verdict {
    confirmed: i64,
    waitlisted: i64,
    other: i64,
    problems: Vec<String>,
}

impl Verdict {
    fn pass(&self) -> bool {
        self.problems.is_empty()
    }

    fn line(&self) -> String {
        let mut line = format!(
            "confirmed {}, waitlisted {}, other {}: {}",
            self.confirmed,
            self.waitlisted,
            self.other,
            if self.pass() { "PASS" } else { "FAIL" }
        );
        for p in self.problems.iter().take(5) {
            line.push_str(&format!("\n      {p}"));
        }
        if self.problems.len() > 5 {
            line.push_str(&format!("\n      ... and {} more", self.problems.len() - 5));
        }
        line
    }
}

/// Per session: confirmed == min(C, registrations), waitlisted == the rest,
/// nothing left pending, tickets distinct, and the session's counters agree.
async fn verify(db: &Database, sessions: &[uuid::Uuid], registrations: usize, capacity: i64) -> Result<Verdict> {
    let backend = db.get_database_backend();
    let expected = expected_per_session(registrations, sessions.len());
    let mut verdict = Verdict {
        confirmed: 0,
        waitlisted: 0,
        other: 0,
        problems: Vec::new(),
    };
    for (index, id) in sessions.iter().enumerate() {
        let rows = db
            .query_all_raw(statement(
                backend,
                "SELECT status, COUNT(*) AS n, COUNT(DISTINCT waitlist_ticket) AS tickets \
                 FROM registrations WHERE session_id = $1 GROUP BY status",
                vec![(*id).into()],
            ))
            .await?;
        let (mut confirmed, mut waitlisted, mut tickets, mut other) = (0i64, 0i64, 0i64, 0i64);
        for row in rows {
            let status: String = row.try_get("", "status")?;
            let n: i64 = row.try_get("", "n")?;
            match RegistrationStatus::parse(&status) {
                Ok(RegistrationStatus::Confirmed) => confirmed = n,
                Ok(RegistrationStatus::Waitlisted) => {
                    waitlisted = n;
                    tickets = row.try_get("", "tickets")?;
                }
                _ => other += n,
            }
        }
        let counters = db
            .query_one_raw(statement(
                backend,
                "SELECT seats_taken, waitlist_counter FROM sessions WHERE id = $1",
                vec![(*id).into()],
            ))
            .await?
            .context("session gone")?;
        let seats_taken: i32 = counters.try_get("", "seats_taken")?;
        let counter: i64 = counters.try_get("", "waitlist_counter")?;
        let asked = expected(index);
        let want_confirmed = asked.min(capacity);
        if confirmed != want_confirmed || waitlisted != asked - want_confirmed || other != 0 {
            verdict.problems.push(format!(
                "session {index}: {asked} registrations gave {confirmed} confirmed, {waitlisted} waitlisted, \
                 {other} other (want {want_confirmed}, {}, 0)",
                asked - want_confirmed
            ));
        }
        if tickets != waitlisted {
            verdict.problems.push(format!(
                "session {index}: {waitlisted} waitlisted hold only {tickets} distinct tickets"
            ));
        }
        if i64::from(seats_taken) != confirmed || counter != waitlisted {
            verdict.problems.push(format!(
                "session {index}: seats_taken {seats_taken} for {confirmed} confirmed, \
                 waitlist_counter {counter} for {waitlisted} waitlisted"
            ));
        }
        verdict.confirmed += confirmed;
        verdict.waitlisted += waitlisted;
        verdict.other += other;
    }
    Ok(verdict)
}

/// The path of the confirmation link in the `registration_requested` message
/// to `email`, queued after `since`. The time bound lets the lookup walk the
/// outbox's (kind, created_at) index over the last moments' rows instead of
/// scanning the whole outbox (no index has the recipient): the stand-in for
/// the person's e-mail should not load the machine it measures.
async fn confirm_path(mailbox: &Database, email: &str, since: chrono::DateTime<chrono::Utc>) -> Result<String> {
    let backend = mailbox.get_database_backend();
    let row = mailbox
        .query_one_raw(statement(
            backend,
            "SELECT data FROM outbox WHERE kind = 'registration_requested' AND created_at >= $1 \
             AND recipient = $2",
            vec![since.into(), email.into()],
        ))
        .await?
        .with_context(|| format!("no registration_requested message to {email}"))?;
    let data: String = row.try_get("", "data")?;
    let start = data.find("/confirm/").context("no confirm_path in the message")?;
    let end = data[start..].find('"').map_or(data.len(), |e| start + e);
    Ok(data[start..end].to_owned())
}

/// The clients' CSRF token, as a browser would hold it in its cookie (any
/// value of 32 characters or more is taken as is).
const CSRF: &str = "benchbenchbenchbenchbenchbenchbench";

/// The HTTP case: Aula in-process on loopback, `concurrency` clients.
async fn http_case(
    scratch: &Scratch,
    sessions: &[uuid::Uuid],
    registrations: usize,
    concurrency: usize,
) -> Result<(Duration, Vec<Sample>)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base_url = format!("http://{}", listener.local_addr()?);
    let link_key = aula_storage::keys::link_key(&scratch.db).await?;
    let mail = aula_mail::MailConfig::new("Aula <no-reply@bench.example.org>".parse()?, &base_url, link_key);
    let config = aula_web::Config {
        rate_limits: false,
        ..aula_web::Config::new(base_url.clone())
    };
    // No dispatcher: nothing wakes on the notifications, the outbox rows stay queued.
    let state = aula_web::AppState::new(scratch.db.clone(), config, mail, Default::default());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(aula_web::serve(listener, state, async {
        let _ = stopped.await;
    }));

    let mailbox = scratch.connect_again().await?;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .tcp_nodelay(true)
        .build()?;
    let sessions: Arc<Vec<uuid::Uuid>> = Arc::new(sessions.to_vec());
    let one = {
        let mailbox = mailbox.clone();
        move |n: usize| {
            let (client, mailbox, sessions, base_url) =
                (client.clone(), mailbox.clone(), sessions.clone(), base_url.clone());
            async move {
                let session = sessions[n % sessions.len()];
                let email = format!("person{n}@bench.example.org");
                let body = format!(
                    r#"{{"given_name":"Ana","family_name":"Pérez {n}","email":"{email}","audience":"public_servant","consent":true}}"#
                );
                // The server stamps the message with the same clock, later; the
                // margin is for a clock that steps back a little meanwhile.
                let since = chrono::Utc::now() - chrono::Duration::milliseconds(100);
                let t0 = Instant::now();
                let response = client
                    .post(format!("{base_url}/api/v1/sessions/{session}/registrations"))
                    .header("content-type", "application/json")
                    .body(body)
                    .send()
                    .await?;
                let status = response.status();
                let answer = response.bytes().await?;
                if status.as_u16() != 201 {
                    anyhow::bail!("POST registration {n}: {status} {}", String::from_utf8_lossy(&answer));
                }
                let t1 = Instant::now();
                let path = confirm_path(&mailbox, &email, since).await?;
                let t2 = Instant::now();
                // Opening the link only shows its page (issue 15); the button's
                // form, with the client's CSRF cookie, confirms.
                let response = client
                    .post(format!("{base_url}{path}"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("cookie", format!("aula_csrf={CSRF}"))
                    .body(format!("csrf={CSRF}"))
                    .send()
                    .await?;
                let status = response.status();
                let page = response.bytes().await?;
                if status.as_u16() != 200 {
                    anyhow::bail!("POST confirmation {n}: {status} {}", String::from_utf8_lossy(&page));
                }
                let t3 = Instant::now();
                Ok(Sample {
                    post: t1 - t0,
                    lookup: t2 - t1,
                    confirm: t3 - t2,
                })
            }
        }
    };
    let started = Instant::now();
    let samples = in_parallel(concurrency, registrations, one).await;
    let elapsed = started.elapsed();
    let _ = stop.send(());
    server.await??;
    mailbox.close().await?;
    Ok((elapsed, samples?))
}

/// The message data the baseline queues: about the size of Aula's own.
fn baseline_data(kind: MailKind, extra: &str) -> String {
    format!(
        r#"{{"kind":"{kind}",{extra}"session":{{"id":"00000000-0000-0000-0000-000000000000","course_title":"Igualdad de trato y no discriminación","time_zone":"Europe/Madrid","place":null,"meetings":[{{"starts_at":"2026-12-21T08:30:00Z","ends_at":"2026-12-21T11:30:00Z"}}],"online_url":null}},"manage_path":"/r/0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"}}"#
    )
}

/// One registration and its confirmation, in raw SQL: the same two write
/// transactions (and the same rows) as the HTTP path, without HTTP, the ORM,
/// the session's full record or the page.
///
/// This is a second copy of the registration SQL (the first is storage's
/// `registrations` module, reached through HTTP): a change to what a
/// registration writes must be made here too, or the baseline measures
/// something else. Left as is on purpose for now (issue 16: the registration
/// use case is being reshaped; the baseline follows it once it settles).
async fn baseline_one(db: &Database, org: uuid::Uuid, session: uuid::Uuid, n: usize) -> Result<()> {
    let backend = db.get_database_backend();
    let at = chrono::Utc::now();
    let email = format!("person{n}@bench.example.org");
    let token = uuid::Uuid::new_v4().simple().to_string();
    let token_hash = format!("{token}{token}");
    let registration = uuid::Uuid::now_v7();
    let outbox = "INSERT INTO outbox (id, kind, recipient, recipient_name, language, data, session_id, status, \
                  attempts, next_attempt_at, message_id, dedupe_key, created_at, organisation_id) \
                  VALUES ($1, $2, $3, $4, 'es', $5, $6, 'pending', 0, $7, $8, $9, $10, $11)";
    let message = |kind: MailKind, data: String, due: chrono::DateTime<chrono::Utc>, dedupe: Option<String>| {
        let id = uuid::Uuid::now_v7();
        statement(
            backend,
            outbox,
            vec![
                id.into(),
                kind.into(),
                email.clone().into(),
                format!("Ana Pérez {n}").into(),
                data.into(),
                session.into(),
                due.into(),
                format!("<{}@bench.example.org>", id.simple()).into(),
                dedupe.into(),
                at.into(),
                org.into(),
            ],
        )
    };

    let txn = db.begin_write().await?;
    let person = txn
        .query_one_raw(statement(
            backend,
            "INSERT INTO people (id, given_name, family_name, email, audience, language, consent_at, \
             consent_version, created_at, updated_at, organisation_id) \
             VALUES ($1, 'Ana', $2, $3, 'public_servant', 'es', $4, '2026-01', $5, $6, $7) \
             ON CONFLICT (organisation_id, email) DO UPDATE SET given_name = excluded.given_name, \
             family_name = excluded.family_name, audience = excluded.audience, language = excluded.language, \
             consent_at = excluded.consent_at, consent_version = excluded.consent_version, \
             updated_at = excluded.updated_at RETURNING id",
            vec![
                uuid::Uuid::now_v7().into(),
                format!("Pérez {n}").into(),
                email.clone().into(),
                at.into(),
                at.into(),
                at.into(),
                org.into(),
            ],
        ))
        .await?
        .context("no person")?;
    let person: uuid::Uuid = person.try_get("", "id")?;
    txn.execute_raw(statement(
        backend,
        "INSERT INTO registrations (id, session_id, person_id, status, source, confirm_token_hash, \
         confirm_expires_at, manage_token_hash, created_at, updated_at) \
         VALUES ($1, $2, $3, 'pending', 'public', $4, $5, $6, $7, $8)",
        vec![
            registration.into(),
            session.into(),
            person.into(),
            token_hash.clone().into(),
            (at + chrono::Duration::hours(48)).into(),
            format!("manage{}", registration.simple()).into(),
            at.into(),
            at.into(),
        ],
    ))
    .await?;
    let extra = format!(r#""confirm_path":"/confirm/{token}","hours":48,"#);
    txn.execute_raw(message(
        MailKind::RegistrationRequested,
        baseline_data(MailKind::RegistrationRequested, &extra),
        at,
        None,
    ))
    .await?;
    txn.commit().await?;

    let at = chrono::Utc::now();
    let txn = db.begin_write().await?;
    let held = txn
        .query_one_raw(statement(
            backend,
            "UPDATE registrations SET updated_at = $1 WHERE confirm_token_hash = $2 AND status = 'pending' \
             RETURNING id, session_id",
            vec![at.into(), token_hash.into()],
        ))
        .await?
        .context("no pending registration")?;
    let id: uuid::Uuid = held.try_get("", "id")?;
    let session_id: uuid::Uuid = held.try_get("", "session_id")?;
    let seat = txn
        .execute_raw(statement(
            backend,
            "UPDATE sessions SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity",
            vec![session_id.into()],
        ))
        .await?;
    if seat.rows_affected() == 1 {
        txn.execute_raw(statement(
            backend,
            "UPDATE registrations SET status = 'confirmed', confirmed_at = $1, updated_at = $2 WHERE id = $3",
            vec![at.into(), at.into(), id.into()],
        ))
        .await?;
        txn.execute_raw(message(
            MailKind::RegistrationConfirmed,
            baseline_data(MailKind::RegistrationConfirmed, ""),
            at,
            None,
        ))
        .await?;
        txn.execute_raw(message(
            MailKind::Reminder,
            baseline_data(MailKind::Reminder, ""),
            at + chrono::Duration::days(28),
            Some(format!("reminder:{id}")),
        ))
        .await?;
    } else {
        let ticket = txn
            .query_one_raw(statement(
                backend,
                "UPDATE sessions SET waitlist_counter = waitlist_counter + 1 WHERE id = $1 \
                 RETURNING waitlist_counter",
                vec![session_id.into()],
            ))
            .await?
            .context("no session")?;
        let ticket: i64 = ticket.try_get("", "waitlist_counter")?;
        txn.execute_raw(statement(
            backend,
            "UPDATE registrations SET status = 'waitlisted', waitlist_ticket = $1, updated_at = $2 WHERE id = $3",
            vec![ticket.into(), at.into(), id.into()],
        ))
        .await?;
        let extra = format!(r#""position":{ticket},"#);
        txn.execute_raw(message(
            MailKind::RegistrationWaitlisted,
            baseline_data(MailKind::RegistrationWaitlisted, &extra),
            at,
            None,
        ))
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The raw-SQL baseline: `concurrency` tasks on the application's pool settings.
async fn baseline_case(
    db: &Database,
    sessions: &[uuid::Uuid],
    registrations: usize,
    concurrency: usize,
) -> Result<(Duration, Vec<Duration>)> {
    let sessions: Arc<Vec<uuid::Uuid>> = Arc::new(sessions.to_vec());
    let org = aula_storage::organisations::first(db).await?.id;
    let db = db.clone();
    let one = move |n: usize| {
        let (db, sessions) = (db.clone(), sessions.clone());
        async move {
            let t0 = Instant::now();
            baseline_one(&db, org, sessions[n % sessions.len()], n)
                .await
                .with_context(|| format!("raw-SQL registration {n}"))?;
            Ok(t0.elapsed())
        }
    };
    let started = Instant::now();
    let samples = in_parallel(concurrency, registrations, one).await?;
    Ok((started.elapsed(), samples))
}

/// Runs `concurrency` tasks that take the numbers `0..count` in turn and do
/// `one(n)` for each: every result, or the first error once all have stopped.
async fn in_parallel<S, F, Fut>(concurrency: usize, count: usize, one: F) -> Result<Vec<S>>
where
    S: Send + 'static,
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = Result<S>> + Send + 'static,
{
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::with_capacity(concurrency);
    for _ in 0..concurrency {
        let (next, one) = (next.clone(), one.clone());
        tasks.push(tokio::spawn(async move {
            let mut samples = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= count {
                    return Ok::<_, anyhow::Error>(samples);
                }
                samples.push(one(n).await?);
            }
        }));
    }
    let mut samples = Vec::with_capacity(count);
    let mut failure = None;
    for task in tasks {
        match task.await? {
            Ok(s) => samples.extend(s),
            Err(e) => failure = failure.or(Some(e)),
        }
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(samples),
    }
}

/// Registrations per second through the public API, each followed by its
/// confirmation, beside a raw-SQL baseline of the same transactions.
pub async fn registrations(bench: RegistrationBench) -> Result<()> {
    let RegistrationBench {
        registrations,
        capacity,
        concurrency,
        sessions: cases,
        organisations,
        postgres,
    } = bench;
    anyhow::ensure!(
        registrations > 0 && concurrency > 0,
        "--registrations and --concurrency must be positive"
    );
    println!(
        "aula bench registrations: {registrations} registrations, capacity {capacity} per session, \
         {concurrency} clients, HTTP/1.1 on loopback, rate limits off"
    );
    println!("  each client: POST /api/v1/sessions/{{id}}/registrations, read the confirm link, POST its button");
    println!(
        "  the link is read from the outbox table (the load generator's stand-in for the person opening \
         their e-mail), timed apart"
    );
    println!("  no mail dispatcher runs: the outbox rows stay queued");
    let mut all_pass = true;
    for &count in &cases {
        anyhow::ensure!(count > 0, "--sessions must be positive");
        let fresh = async || match &postgres {
            Some(url) => Scratch::postgres(url).await,
            None => Scratch::sqlite().await,
        };
        let scratch = fresh().await?;
        let label = scratch.label.clone();
        let ids = open_sessions(&scratch.db, count, capacity).await?;
        let (elapsed, samples) = http_case(&scratch, &ids, registrations, concurrency).await?;
        let http_verdict = verify(&scratch.db, &ids, registrations, capacity).await?;
        scratch.finish().await?;

        // The same without the triggers that keep the indicators' facts
        // (issue 22): what keeping them costs a registration.
        let scratch = fresh().await?;
        let ids_bare = open_sessions(&scratch.db, count, capacity).await?;
        for sql in aula_migrations::registration_fact_keepers_dropped(scratch.db.get_database_backend()) {
            scratch.db.execute_unprepared(&sql).await?;
        }
        let (bare_elapsed, bare_samples) = http_case(&scratch, &ids_bare, registrations, concurrency).await?;
        let bare_verdict = verify(&scratch.db, &ids_bare, registrations, capacity).await?;
        scratch.finish().await?;

        // The same with the database as full as `organisations` busy ones:
        // its rows in one organisation, then in that many.
        let mut crowded = Vec::new();
        if organisations > 1 {
            for into in [Crowd::SameOrganisation, Crowd::OtherOrganisations] {
                let scratch = fresh().await?;
                crowd(&scratch.db, into, organisations - 1, count, capacity, registrations).await?;
                let ids = open_sessions(&scratch.db, count, capacity).await?;
                let (elapsed, samples) = http_case(&scratch, &ids, registrations, concurrency).await?;
                let verdict = verify(&scratch.db, &ids, registrations, capacity).await?;
                scratch.finish().await?;
                crowded.push((into, elapsed, samples, verdict));
            }
        }

        let scratch = fresh().await?;
        let ids = open_sessions(&scratch.db, count, capacity).await?;
        let (raw_elapsed, raw_samples) = baseline_case(&scratch.db, &ids, registrations, concurrency).await?;
        let raw_verdict = verify(&scratch.db, &ids, registrations, capacity).await?;
        scratch.finish().await?;

        let rate = samples.len() as f64 / elapsed.as_secs_f64();
        let raw_rate = raw_samples.len() as f64 / raw_elapsed.as_secs_f64();
        let case = if count == 1 {
            "1 session (hot)".to_owned()
        } else {
            format!("{count} sessions")
        };
        println!("  {label}, {case}:");
        println!(
            "    HTTP     {:>5} in {:>7.0} ms: {:>6.0} registrations/s; POST+confirm {}",
            samples.len(),
            elapsed.as_secs_f64() * 1000.0,
            rate,
            p50_p99(samples.iter().map(|s| s.post + s.confirm).collect()),
        );
        println!(
            "             POST {}; confirm {}; outbox lookup {}; all three {}",
            p50_p99(samples.iter().map(|s| s.post).collect()),
            p50_p99(samples.iter().map(|s| s.confirm).collect()),
            p50_p99(samples.iter().map(|s| s.lookup).collect()),
            p50_p99(samples.iter().map(|s| s.post + s.lookup + s.confirm).collect()),
        );
        println!("             {}", http_verdict.line());
        let bare_rate = bare_samples.len() as f64 / bare_elapsed.as_secs_f64();
        println!(
            "    HTTP without the facts' triggers {:>5} in {:>7.0} ms: {:>6.0} registrations/s; POST+confirm {}",
            bare_samples.len(),
            bare_elapsed.as_secs_f64() * 1000.0,
            bare_rate,
            p50_p99(bare_samples.iter().map(|s| s.post + s.confirm).collect()),
        );
        println!("             {}", bare_verdict.line());
        println!("    HTTP / without the facts' triggers: {:.2}", rate / bare_rate);
        all_pass &= bare_verdict.pass();
        println!(
            "    raw SQL  {:>5} in {:>7.0} ms: {:>6.0} registrations/s; both transactions {}",
            raw_samples.len(),
            raw_elapsed.as_secs_f64() * 1000.0,
            raw_rate,
            p50_p99(raw_samples),
        );
        println!("             {}", raw_verdict.line());
        println!("    HTTP / raw SQL: {:.2}", rate / raw_rate);
        all_pass &= http_verdict.pass() && raw_verdict.pass();
        let mut same_rows_rate = None;
        for (into, elapsed, samples, verdict) in crowded {
            let crowded_rate = samples.len() as f64 / elapsed.as_secs_f64();
            let who = match into {
                Crowd::SameOrganisation => format!("1 organisation, {organisations}× the rows"),
                Crowd::OtherOrganisations => format!("{organisations} organisations"),
            };
            println!(
                "    HTTP, {who} {:>5} in {:>7.0} ms: {:>6.0} registrations/s; POST+confirm {}",
                samples.len(),
                elapsed.as_secs_f64() * 1000.0,
                crowded_rate,
                p50_p99(samples.iter().map(|s| s.post + s.confirm).collect()),
            );
            println!("             {}", verdict.line());
            match (into, same_rows_rate) {
                (Crowd::SameOrganisation, _) => {
                    println!("    HTTP, {who} / empty: {:.2}", crowded_rate / rate);
                    same_rows_rate = Some(crowded_rate);
                }
                (Crowd::OtherOrganisations, Some(same)) => {
                    println!("    HTTP, {who} / empty: {:.2}", crowded_rate / rate);
                    println!(
                        "    HTTP, {who} / 1 organisation with the same rows: {:.2}",
                        crowded_rate / same
                    );
                }
                (Crowd::OtherOrganisations, None) => {}
            }
            all_pass &= verdict.pass();
        }
    }
    if !all_pass {
        anyhow::bail!("FAIL: the final counts are wrong (see above)");
    }
    println!("PASS");
    Ok(())
}

/// The process's peak and current resident memory, in KiB (`VmHWM`, `VmRSS`).
pub fn memory() -> Result<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").context("/proc/self/status")?;
    let field = |name: &str| -> Result<u64> {
        let line = status
            .lines()
            .find(|l| l.starts_with(name))
            .with_context(|| format!("no {name} in /proc/self/status"))?;
        line.trim_start_matches(name)
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .with_context(|| format!("{name}: {line}"))
    };
    Ok((field("VmHWM:")?, field("VmRSS:")?))
}

/// Resets `VmHWM` to the current RSS (Linux 4.0 and later); false where refused.
pub fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

pub fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}
