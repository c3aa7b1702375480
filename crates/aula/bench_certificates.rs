//! `aula bench certificates`: how fast certificates are drawn, and what
//! exporting many of them as a ZIP costs in time and memory.
//!
//! Part 1 draws one realistic Spanish certificate again and again on one
//! thread. Part 2 fills a fresh database with N issued certificates, starts
//! Aula in-process on loopback and downloads `/api/v1/certificates/export`
//! as an accreditor would, counting the bytes as they come (the ZIP is never
//! held whole), then checks the ZIP's central directory.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use aula_documents::certificate::certificate as render;
use aula_domain::details::{Accreditation, AccreditationBodyDetails, CourseDetails, SessionDetails, UserDetails};
use aula_domain::{
    Audience, BodyCode, Capacity, Credits, Email, Hours, Language, MeetingTimes, Modality, Percent, Role,
    SessionTimeZone, Text, Url,
};
use aula_storage::entities::{certificate, person, registration};
use aula_storage::{Actor, Begin, Database};
use chrono::{NaiveDate, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use crate::bench::{Scratch, memory, mib, reset_peak};

/// How long part 1 draws certificates, after its warm-up.
const RENDER_FOR: Duration = Duration::from_secs(3);
const WARM_UP: Duration = Duration::from_millis(500);
/// Rows per INSERT: well under SQLite's 32,766 bound parameters (26 columns a certificate).
const INSERT_CHUNK: usize = 500;
/// The end of the ZIP kept to check its central directory (about 70 bytes an entry).
const ZIP_TAIL: usize = 2 << 20;

const BASE_URL: &str = "https://formacion.example.org";
const COURSE_TITLE: &str = "Prevención de riesgos laborales en centros sanitarios: actualización de protocolos, \
                            gestión de emergencias y primeros auxilios para personal no sanitario";
const COURSE_SUMMARY: &str = "Marco normativo, evaluación de riesgos, protocolos de actuación y prácticas guiadas.";
const BODY_NAME: &str = "Universidad de León";
const BODY_CODE: &str = "ULE";
const ISSUER: &str = "Escuela de Formación Sindical de Andalucía";
const PLACE: &str = "Sede regional, Sevilla (Andalucía)";
const GIVEN: [&str; 10] = [
    "María José",
    "Begoña",
    "Íñigo",
    "Nuria",
    "Joaquín",
    "Ana Belén",
    "Jesús",
    "Lucía",
    "Ramón",
    "Inés",
];
const FAMILY: [&str; 10] = [
    "Ibáñez Muñoz",
    "Fernández-Villaverde Ortega",
    "Peña Gómez",
    "Martínez Sáez",
    "Núñez de Arce",
    "López Óvalo",
    "García Ruiz",
    "Díaz-Cañabate Pérez",
    "Sánchez Ortega",
    "Castaño Úbeda",
];

fn problem<T>(result: std::result::Result<T, aula_domain::Problem>) -> Result<T> {
    result.map_err(|p| anyhow::anyhow!("{p}"))
}

/// The `n`th holder: a hundred accented Spanish names in turn.
fn holder(n: usize) -> (&'static str, &'static str) {
    (GIVEN[n % GIVEN.len()], FAMILY[(n / GIVEN.len()) % FAMILY.len()])
}

fn number(n: usize) -> String {
    format!("{BODY_CODE}-2026-{:06}", n + 1)
}

/// Certificate `n` as the database holds it once issued: Spanish, in person,
/// 1.5 ECTS credits from an accrediting body.
#[allow(clippy::too_many_arguments)]
fn certificate_row(
    n: usize,
    registration_id: uuid::Uuid,
    session_id: uuid::Uuid,
    course_id: uuid::Uuid,
    body_id: uuid::Uuid,
    issued_at: chrono::DateTime<Utc>,
) -> Result<certificate::Model> {
    let (given, family) = holder(n);
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).context("date");
    Ok(certificate::Model {
        id: aula_storage::new_id(),
        registration_id,
        session_id,
        course_id,
        accreditation_body_id: Some(body_id),
        number: number(n),
        verification_code: aula_storage::certificates::generate_code(),
        holder_name: format!("{given} {family}"),
        holder_email: format!("persona{n}@bench.example.org"),
        salt: aula_storage::secrets::generate(""),
        language: "es".into(),
        course_title: COURSE_TITLE.into(),
        course_summary: COURSE_SUMMARY.into(),
        attended_minutes: 900,
        nominal_minutes: 900,
        starts_on: day(12)?,
        ends_on: day(14)?,
        modality: "in_person".into(),
        place: Some(PLACE.into()),
        body_name: Some(BODY_NAME.into()),
        credits_hundredths: Some(150),
        recognised_minutes: None,
        issuer_name: ISSUER.into(),
        issued_at,
        revoked_at: None,
        revoked_reason: None,
    })
}

/// Part 1: certificates drawn per second on the calling thread, and their average size.
fn pdfs_per_second() -> Result<(usize, Duration, usize)> {
    let issued_at = Utc.with_ymd_and_hms(2026, 3, 21, 10, 30, 0).single().context("date")?;
    let nil = uuid::Uuid::nil();
    let mut template = certificate_row(0, nil, nil, nil, nil, issued_at)?;
    let mut draw = |n: usize| -> Result<usize> {
        let (given, family) = holder(n);
        template.holder_name = format!("{given} {family}");
        template.number = number(n);
        let pdf = render(&aula_web::certificate_sheet::of(&template, BASE_URL))
            .map_err(|e| anyhow::anyhow!("certificate {n}: {e}"))?;
        anyhow::ensure!(pdf.starts_with(b"%PDF-"), "certificate {n} is not a PDF");
        Ok(pdf.len())
    };
    let started = Instant::now();
    let mut n = 0;
    while started.elapsed() < WARM_UP {
        draw(n)?;
        n += 1;
    }
    let (mut count, mut bytes) = (0usize, 0usize);
    let started = Instant::now();
    while started.elapsed() < RENDER_FOR {
        bytes += draw(n + count)?;
        count += 1;
    }
    Ok((count, started.elapsed(), bytes))
}

/// The process's CPU time so far, user and system (`/proc/self/stat`, in 1/100 s).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold blanks: the fields after it start past its ')'.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// The end of a byte stream: at most `keep` to `2 * keep` bytes, whatever its length.
struct Tail {
    keep: usize,
    bytes: Vec<u8>,
    total: u64,
}

impl Tail {
    fn new(keep: usize) -> Tail {
        Tail {
            keep,
            bytes: Vec::with_capacity(2 * keep),
            total: 0,
        }
    }

    fn push(&mut self, chunk: &[u8]) {
        self.total += chunk.len() as u64;
        if chunk.len() >= self.keep {
            self.bytes.clear();
            self.bytes.extend_from_slice(&chunk[chunk.len() - self.keep..]);
            return;
        }
        if self.bytes.len() + chunk.len() > 2 * self.keep {
            let drop = self.bytes.len() + chunk.len() - self.keep;
            self.bytes.drain(..drop.min(self.bytes.len()));
        }
        self.bytes.extend_from_slice(chunk);
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

/// What the ZIP's central directory lists.
struct Listing {
    /// As the end-of-central-directory record says.
    entries: u64,
    /// Walked in the central directory, when it lies within the kept tail.
    pdfs: Option<u64>,
    register: bool,
    zip64: bool,
}

/// Reads the end-of-central-directory record (ZIP64 too) at the end of
/// `tail`, then walks the central directory it points to.
fn central_directory(tail: &Tail) -> Result<Listing> {
    const EOCD: u32 = 0x0605_4b50;
    const EOCD64: u32 = 0x0606_4b50;
    const LOCATOR64: u32 = 0x0706_4b50;
    const ENTRY: u32 = 0x0201_4b50;
    let bytes = &tail.bytes;
    let base = tail.total - bytes.len() as u64;
    anyhow::ensure!(bytes.len() >= 22, "the ZIP is too short");
    // The record is 22 bytes and a comment of at most 65,535.
    let lowest = bytes.len().saturating_sub(22 + 0xFFFF);
    let eocd = (lowest..=bytes.len() - 22)
        .rev()
        .find(|&at| u32_at(bytes, at) == Some(EOCD))
        .context("no end-of-central-directory record: the ZIP is cut short")?;
    let field = |at: usize| u32_at(bytes, eocd + at).context("truncated record");
    let mut entries = u64::from(u16_at(bytes, eocd + 10).context("truncated record")?);
    let mut size = u64::from(field(12)?);
    let mut offset = u64::from(field(16)?);
    // Where the central directory must end: the first record after it.
    let mut directory_end = base + eocd as u64;
    let zip64 = eocd >= 20 && u32_at(bytes, eocd - 20) == Some(LOCATOR64);
    if zip64 {
        let record = u64_at(bytes, eocd - 20 + 8).context("truncated ZIP64 locator")?;
        let at = record
            .checked_sub(base)
            .and_then(|at| usize::try_from(at).ok())
            .context("ZIP64 record before the kept tail")?;
        anyhow::ensure!(
            u32_at(bytes, at) == Some(EOCD64),
            "no ZIP64 end-of-central-directory record"
        );
        entries = u64_at(bytes, at + 32).context("truncated ZIP64 record")?;
        size = u64_at(bytes, at + 40).context("truncated ZIP64 record")?;
        offset = u64_at(bytes, at + 48).context("truncated ZIP64 record")?;
        directory_end = record;
    }
    anyhow::ensure!(
        offset + size == directory_end,
        "the central directory ({size} bytes at {offset}) does not end where its end record starts ({directory_end})"
    );
    let mut listing = Listing {
        entries,
        pdfs: None,
        register: false,
        zip64,
    };
    let Some(start) = offset.checked_sub(base).and_then(|at| usize::try_from(at).ok()) else {
        return Ok(listing); // Longer than the kept tail: the record's count only.
    };
    let (mut at, mut walked, mut pdfs) = (start, 0u64, 0u64);
    while (base + at as u64) < directory_end {
        anyhow::ensure!(
            u32_at(bytes, at) == Some(ENTRY),
            "bad central directory entry at {}",
            base + at as u64
        );
        let name_len = usize::from(u16_at(bytes, at + 28).context("truncated entry")?);
        let extra_len = usize::from(u16_at(bytes, at + 30).context("truncated entry")?);
        let comment_len = usize::from(u16_at(bytes, at + 32).context("truncated entry")?);
        let name = bytes.get(at + 46..at + 46 + name_len).context("truncated entry name")?;
        if name.ends_with(b".pdf") {
            pdfs += 1;
        } else if name == b"register.csv" {
            listing.register = true;
        }
        walked += 1;
        at += 46 + name_len + extra_len + comment_len;
    }
    anyhow::ensure!(
        walked == entries,
        "the central directory lists {walked} entries, its end record says {entries}"
    );
    listing.pdfs = Some(pdfs);
    Ok(listing)
}

/// An accrediting body, an accredited course, one session, and `count`
/// people with a confirmed registration each and an issued certificate.
/// The rows are written in batches in one transaction: the issuing path
/// (eligibility, counters, audit, e-mail per certificate) is not what is measured.
async fn fill(db: &Database, count: usize) -> Result<uuid::Uuid> {
    use aula_storage::{bodies, courses, sessions};
    let actor = Actor::system("bench");
    let body = bodies::create(
        db,
        &actor,
        &AccreditationBodyDetails {
            name: problem(Text::parse(BODY_NAME))?,
            code: problem(BodyCode::parse(BODY_CODE))?,
            website: None,
        },
    )
    .await?;
    let course = CourseDetails::new(CourseDetails {
        programme_id: None,
        title: problem(Text::parse(COURSE_TITLE))?,
        summary: problem(Text::parse(COURSE_SUMMARY))?,
        objectives: None,
        hours: problem(Hours::from_minutes(900))?,
        // Online so that the session needs no venue; the certificates'
        // snapshot says "in person, Sevilla", as most do.
        modality: Modality::Online,
        audiences: vec![Audience::PublicServant],
        language: Language::Es,
        accreditation: Some(Accreditation {
            body_id: body.id,
            credits: Some(problem(Credits::from_hundredths(150))?),
            recognised_hours: None,
            minimum_attendance: problem(Percent::new(80))?,
            survey_required: false,
        }),
    })
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let course = courses::create(db, &actor, &course).await?;
    let starts = Utc::now() - chrono::Duration::days(10);
    let details = SessionDetails::new(
        SessionDetails {
            course_id: course.course.id,
            time_zone: problem(SessionTimeZone::parse("Europe/Madrid"))?,
            venue: None,
            online_url: Some(problem(Url::parse("https://meet.example.org/bench-certificates"))?),
            capacity: problem(Capacity::new(30))?,
            registration_opens_at: None,
            registration_closes_at: None,
            trainer_ids: vec![],
            meetings: vec![problem(MeetingTimes::new(starts, starts + chrono::Duration::hours(5)))?],
            reminder_lead_minutes: 24 * 60,
            confirm_organiser_entries: false,
            issue_on_completion: false,
        },
        Modality::Online,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let session = sessions::create(db, &actor, &details).await?;
    let (session_id, course_id) = (session.session.id, course.course.id);

    let at = aula_storage::now();
    let txn = db.begin_write().await?;
    let mut start = 0;
    while start < count {
        let end = (start + INSERT_CHUNK).min(count);
        let mut people = Vec::with_capacity(end - start);
        let mut registrations = Vec::with_capacity(end - start);
        let mut certificates = Vec::with_capacity(end - start);
        for n in start..end {
            let (given, family) = holder(n);
            let person_id = aula_storage::new_id();
            let registration_id = aula_storage::new_id();
            people.push(person::ActiveModel {
                id: Set(person_id),
                given_name: Set(given.into()),
                family_name: Set(family.into()),
                email: Set(format!("persona{n}@bench.example.org")),
                phone: Set(None),
                employer: Set(Some("Servicio Andaluz de Salud".into())),
                job_title: Set(None),
                audience: Set(Some("public_servant".into())),
                region_id: Set(None),
                language: Set("es".into()),
                consent_at: Set(Some(at)),
                consent_version: Set(Some("2026-01".into())),
                created_at: Set(at),
                updated_at: Set(at),
            });
            registrations.push(registration::ActiveModel {
                id: Set(registration_id),
                session_id: Set(session_id),
                person_id: Set(person_id),
                status: Set("confirmed".into()),
                waitlist_ticket: Set(None),
                source: Set("organiser".into()),
                confirm_token_hash: Set(None),
                confirm_expires_at: Set(None),
                manage_token_hash: Set(format!("bench{}", registration_id.simple())),
                created_at: Set(at),
                updated_at: Set(at),
                confirmed_at: Set(Some(at)),
                cancelled_at: Set(None),
                cancel_reason: Set(None),
                placed_at: Set(Some(at)),
                attended_minutes: Set(0),
                attended_meetings: Set(0),
                completed: Set(true),
            });
            let row = certificate_row(n, registration_id, session_id, course_id, body.id, at)?;
            certificates.push(certificate::ActiveModel::from(row).reset_all());
        }
        person::Entity::insert_many(people).exec_without_returning(&txn).await?;
        registration::Entity::insert_many(registrations)
            .exec_without_returning(&txn)
            .await?;
        certificate::Entity::insert_many(certificates)
            .exec_without_returning(&txn)
            .await?;
        start = end;
    }
    txn.commit().await?;
    Ok(body.id)
}

/// What one export cost.
struct Export {
    first_byte: Duration,
    elapsed: Duration,
    bytes: u64,
    cpu: Option<Duration>,
    rss_before: u64,
    peak: u64,
    rss_after: u64,
    peak_reset: bool,
    listing: Listing,
}

/// Aula in-process on loopback; an accreditor's token downloads the export.
async fn export(scratch: &Scratch, body_id: uuid::Uuid) -> Result<Export> {
    let database = &scratch.db;
    let actor = Actor::system("bench");
    let details = UserDetails::new(UserDetails {
        email: problem(Email::parse("acreditacion@unileon.example.org"))?,
        name: problem(Text::parse("Acreditación ULE"))?,
        roles: vec![Role::Accreditor],
        accreditation_body_id: Some(body_id),
        language: Language::Es,
        password: None,
    })
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let user = aula_storage::users::create(database, &actor, &details)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let (_, token) = aula_storage::tokens::create(database, &actor, user.user.id, "bench").await?;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base_url = format!("http://{}", listener.local_addr()?);
    let link_key = aula_storage::keys::link_key(database).await?;
    let mail = aula_mail::MailConfig::new("Aula <no-reply@bench.example.org>".parse()?, &base_url, link_key);
    let config = aula_web::Config {
        base_url: base_url.clone(),
        rate_limits: false,
    };
    let state = aula_web::AppState::new(database.clone(), config, mail, Default::default());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(aula_web::serve(listener, state, async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::builder().tcp_nodelay(true).build()?;

    let mut tail = Tail::new(ZIP_TAIL);
    let peak_reset = reset_peak();
    let (_, rss_before) = memory()?;
    let cpu_before = cpu_time();
    let started = Instant::now();
    let mut response = client
        .get(format!("{base_url}/api/v1/certificates/export"))
        .bearer_auth(&token)
        .send()
        .await?;
    let first_byte = started.elapsed();
    let status = response.status();
    if !status.is_success() {
        let body = response.text().await.unwrap_or_default();
        anyhow::bail!("GET /api/v1/certificates/export: {status} {body}");
    }
    while let Some(chunk) = response.chunk().await.context("reading the export")? {
        tail.push(&chunk);
    }
    let elapsed = started.elapsed();
    let cpu = cpu_before
        .zip(cpu_time())
        .map(|(before, after)| after.saturating_sub(before));
    let (peak, rss_after) = memory()?;
    let _ = stop.send(());
    server.await??;
    let listing = central_directory(&tail)?;
    Ok(Export {
        first_byte,
        elapsed,
        bytes: tail.total,
        cpu,
        rss_before,
        peak,
        rss_after,
        peak_reset,
        listing,
    })
}

/// PDFs per second on one core, then the ZIP export of each count in `counts`.
pub async fn certificates(counts: &[usize], postgres: Option<&str>) -> Result<()> {
    anyhow::ensure!(
        !counts.is_empty() && counts.iter().all(|&n| n > 0),
        "--certificates must be positive"
    );
    println!("aula bench certificates: one A4 PDF/A-2b per certificate (krilla, DejaVu Sans subsets, QR code)");
    println!(
        "  1. PDFs per second on one thread: a Spanish certificate, 3 detail lines, a two-line course title, \
         the holder's name changing each time; {} s after a {} ms warm-up",
        RENDER_FOR.as_secs(),
        WARM_UP.as_millis()
    );
    let (count, elapsed, bytes) = tokio::task::spawn_blocking(pdfs_per_second).await??;
    println!(
        "     {count} PDFs in {:.2} s: {:.0} PDFs/s, {:.2} ms each, {:.1} KB on average",
        elapsed.as_secs_f64(),
        count as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / count as f64,
        bytes as f64 / count as f64 / 1000.0,
    );

    println!(
        "  2. GET /api/v1/certificates/export as an accreditor, over loopback HTTP; the ZIP is counted as it \
         arrives, never held"
    );
    println!(
        "     memory is the whole process's (server, database pool and client): VmRSS before, VmHWM (peak) \
         during; the client keeps the last {} MiB to check the central directory",
        ZIP_TAIL >> 20
    );
    let mut all_pass = true;
    for &n in counts {
        let scratch = match postgres {
            Some(url) => Scratch::postgres(url).await?,
            None => Scratch::sqlite().await?,
        };
        let started = Instant::now();
        let body_id = fill(&scratch.db, n).await?;
        let filled_in = started.elapsed();
        let label = scratch.label.clone();
        let result = export(&scratch, body_id).await;
        scratch.finish().await?;
        let e = result?;
        println!(
            "     {label}, {n} certificates (inserted in {:.1} s):",
            filled_in.as_secs_f64()
        );
        println!(
            "       {:.1} MB in {:.1} s (first byte after {:.0} ms): {:.0} certificates/s, {:.1} MB/s; CPU {}",
            e.bytes as f64 / 1e6,
            e.elapsed.as_secs_f64(),
            e.first_byte.as_secs_f64() * 1000.0,
            n as f64 / e.elapsed.as_secs_f64(),
            e.bytes as f64 / 1e6 / e.elapsed.as_secs_f64(),
            match e.cpu {
                Some(cpu) => format!(
                    "{:.1} s ({:.0}% of one core)",
                    cpu.as_secs_f64(),
                    100.0 * cpu.as_secs_f64() / e.elapsed.as_secs_f64()
                ),
                None => "unknown".into(),
            },
        );
        println!(
            "       memory: {:.1} MiB before, peak {:.1} MiB{} (+{:.1} MiB), {:.1} MiB after",
            mib(e.rss_before),
            mib(e.peak),
            if e.peak_reset {
                ""
            } else {
                " (since the process started: VmHWM could not be reset)"
            },
            mib(e.peak.saturating_sub(e.rss_before)),
            mib(e.rss_after),
        );
        let l = &e.listing;
        // One PDF per certificate and the register; the walk, when the tail holds the directory.
        let pass = l.entries == n as u64 + 1 && l.pdfs.is_none_or(|p| p == n as u64 && l.register);
        all_pass &= pass;
        println!(
            "       ZIP{}: {} entries in the end record; central directory {}: {}",
            if l.zip64 { " (ZIP64)" } else { "" },
            l.entries,
            match l.pdfs {
                Some(pdfs) => format!(
                    "walked, {pdfs} PDFs{}",
                    if l.register {
                        " and register.csv"
                    } else {
                        ", no register.csv"
                    }
                ),
                None => "beyond the kept tail, not walked".into(),
            },
            if pass { "PASS" } else { "FAIL" },
        );
    }
    if !all_pass {
        anyhow::bail!("FAIL: an export is not what was asked for (see above)");
    }
    println!("PASS");
    Ok(())
}
