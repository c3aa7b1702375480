//! `aula bench certificates`: how fast certificates are drawn, and what
//! exporting many of them as a ZIP costs in time and memory.
//!
//! Part 1 draws one realistic Spanish certificate again and again on one
//! thread, with the issuer's identity it kept at issue drawn (an SVG logo,
//! address, website, a signatory with an SVG signature, the accrediting
//! body's SVG logo, and the course's outcomes on a second page), the
//! pictures checked once as the server does (`aula_documents::image`'s
//! cache). Part 2 fills a fresh database with N issued certificates holding
//! the same snapshot, starts Aula in-process on loopback and downloads
//! `/api/v1/certificates/export` as an accreditor would, writing the bytes
//! to a temporary file as they come (the ZIP is never held in memory), then
//! checks the ZIP's central directory with the `zip` crate.

use std::io::Write;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use aula_documents::certificate::certificate as render;
use aula_domain::details::{Accreditation, AccreditationBodyDetails, CourseDetails, SessionDetails, UserDetails};
use aula_domain::{
    Audience, BodyCode, Capacity, Credits, Email, Hours, Language, MeetingTimes, Modality, Percent, RegistrationStatus,
    Role, SessionTimeZone, Text, Url,
};
use aula_storage::entities::{certificate, person, registration};
use aula_storage::{Actor, Begin, Database};
use chrono::{NaiveDate, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use crate::bench::{Scratch, memory, mib, reset_peak};

/// How long part 1 draws certificates, after its warm-up.
const RENDER_FOR: Duration = Duration::from_secs(3);
const WARM_UP: Duration = Duration::from_millis(500);
/// Rows per INSERT: well under SQLite's 32,766 bound parameters (36 columns a certificate).
const INSERT_CHUNK: usize = 500;

const BASE_URL: &str = "https://formacion.example.org";
const COURSE_TITLE: &str = "Prevención de riesgos laborales en centros sanitarios: actualización de protocolos, \
                            gestión de emergencias y primeros auxilios para personal no sanitario";
const COURSE_SUMMARY: &str = "Marco normativo, evaluación de riesgos, protocolos de actuación y prácticas guiadas.";
const BODY_NAME: &str = "Universidad de León";
const BODY_CODE: &str = "ULE";
const ISSUER: &str = "Escuela de Formación Sindical de Andalucía";
const ISSUER_ADDRESS: &str = "Calle Trajano 1, 41002 Sevilla";
const ISSUER_WEBSITE: &str = "https://formacion.example.org";
const SIGNATORY: (&str, &str) = ("Rocío Delgado Márquez", "Directora de la Escuela");
const OUTCOMES: &str = "Identificar los riesgos laborales propios de un centro sanitario\n\
                        Aplicar los protocolos de evacuación y de actuación ante emergencias\n\
                        Prestar primeros auxilios básicos hasta la llegada de los servicios sanitarios";
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

/// The SHA-256 names of the pictures the certificates keep (issue 19).
struct Pictures {
    logo: String,
    signature: String,
    accreditor: String,
}

impl Pictures {
    fn names() -> Self {
        use aula_storage::issuer::image_hash;
        Pictures {
            logo: image_hash(LOGO_SVG.as_bytes()),
            signature: image_hash(SIGNATURE_SVG.as_bytes()),
            accreditor: image_hash(BODY_LOGO_SVG.as_bytes()),
        }
    }
}

/// Certificate `n` as the database holds it once issued: Spanish, in person,
/// 1.5 ECTS credits from an accrediting body, with its issuer's snapshot.
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
        language: Language::Es,
        course_title: COURSE_TITLE.into(),
        course_summary: COURSE_SUMMARY.into(),
        attended_minutes: 900,
        nominal_minutes: 900,
        starts_on: day(12)?,
        ends_on: day(14)?,
        modality: Modality::InPerson,
        place: Some(PLACE.into()),
        body_name: Some(BODY_NAME.into()),
        credits_hundredths: Some(150),
        recognised_minutes: None,
        issuer_name: ISSUER.into(),
        issued_at,
        // 10:30 UTC: the same day in Madrid.
        issued_on: issued_at.date_naive(),
        revoked_at: None,
        revoked_reason: None,
        withdrawn_at: None,
        status_index: i32::try_from(n).ok(),
        planned_minutes: Some(900),
        issuer_address: Some(ISSUER_ADDRESS.into()),
        issuer_website: Some(ISSUER_WEBSITE.into()),
        issuer_logo_sha256: Some(Pictures::names().logo),
        signatory_name: Some(SIGNATORY.0.into()),
        signatory_title: Some(SIGNATORY.1.into()),
        signature_sha256: Some(Pictures::names().signature),
        accreditor_logo_sha256: Some(Pictures::names().accreditor),
        outcomes: Some(OUTCOMES.into()),
        funders: Some("Fondo Social Europeo Plus (FSE+) · Ministerio de Igualdad".into()),
        funder_logos: None,
    })
}

/// The issuing school's logo: an SVG shield, a ring, gradient and lettering.
const LOGO_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="240" height="100" viewBox="0 0 240 100">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#18325e"/><stop offset="1" stop-color="#2f7d4f"/></linearGradient></defs>
  <path d="M10 8 h64 v42 q0 32 -32 46 q-32 -14 -32 -46 z" fill="url(#g)"/>
  <circle cx="42" cy="44" r="16" fill="none" stroke="#fff" stroke-width="5"/>
  <path d="M90 30 h140 M90 52 h120 M90 74 h100" stroke="#18325e" stroke-width="9" stroke-linecap="round"/>
</svg>"##;
/// The director's signature: one pen stroke.
const SIGNATURE_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" viewBox="0 0 300 80">
  <path d="M10 60 C 40 0, 70 90, 100 40 S 160 10, 190 50 S 250 70, 290 20" fill="none" stroke="#1b2a4a" stroke-width="3" stroke-linecap="round"/>
</svg>"##;

/// The university's logo: a shield and two bars.
const BODY_LOGO_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="160" height="80" viewBox="0 0 160 80">
  <rect x="4" y="8" width="56" height="64" rx="6" fill="#7a1c2e"/>
  <path d="M14 60 V28 L32 18 L50 28 V60 Z" fill="none" stroke="#ffffff" stroke-width="4"/>
  <rect x="70" y="30" width="86" height="6" fill="#7a1c2e"/><rect x="70" y="44" width="64" height="6" fill="#b08d57"/>
</svg>"##;

/// What part 1 draws besides the texts.
#[derive(Clone, Copy)]
enum Drawn {
    /// No picture: what the pictures cost, by difference.
    NoPictures,
    /// The logos and the signature.
    Pictures,
    /// And the course's outcomes, on a second page.
    PicturesAndOutcomes,
}

/// What part 1 measured.
struct Drawing {
    count: usize,
    elapsed: Duration,
    /// The drawing thread's own time on a core, where the kernel tells it.
    cpu: Option<Duration>,
    bytes: usize,
}

/// The calling thread's time on a core so far, in nanoseconds: the first
/// field of `/proc/thread-self/schedstat` (Linux). Unlike the wall clock,
/// it does not count the time other processes held the core, so the rate
/// per core can be measured on a shared machine.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(stat.split_whitespace().next()?.parse().ok()?))
}

/// Part 1: certificates drawn per second on the calling thread, and their
/// average size.
fn pdfs_per_second(drawn: Drawn) -> Result<Drawing> {
    use aula_documents::image::{cached, check_and_keep};
    let issued_at = Utc.with_ymd_and_hms(2026, 3, 21, 10, 30, 0).single().context("date")?;
    let nil = uuid::Uuid::nil();
    let mut template = certificate_row(0, nil, nil, nil, nil, issued_at)?;
    if !matches!(drawn, Drawn::PicturesAndOutcomes) {
        template.outcomes = None;
    }
    // As the server reads a certificate's pictures: by hash, checked on
    // first sight and then taken from the cache for every PDF.
    let names = Pictures::names();
    for (name, svg) in [
        (&names.logo, LOGO_SVG),
        (&names.signature, SIGNATURE_SVG),
        (&names.accreditor, BODY_LOGO_SVG),
    ] {
        check_and_keep(name, svg.as_bytes(), "image/svg+xml").with_context(|| format!("picture {name}"))?;
    }
    let mut draw = |n: usize| -> Result<usize> {
        let (given, family) = holder(n);
        template.holder_name = format!("{given} {family}");
        template.number = number(n);
        let pictures = match drawn {
            Drawn::NoPictures => aula_web::certificate_sheet::Pictures::default(),
            Drawn::Pictures | Drawn::PicturesAndOutcomes => aula_web::certificate_sheet::Pictures {
                logo: cached(&names.logo).flatten(),
                signature: cached(&names.signature).flatten(),
                accreditor: cached(&names.accreditor).flatten(),
                funders: Vec::new(),
            },
        };
        let sheet = aula_web::certificate_sheet::of(&template, BASE_URL, &pictures, None);
        anyhow::ensure!(
            matches!(drawn, Drawn::NoPictures)
                || (sheet.issuer_logo.is_some() && sheet.signatories.iter().all(|s| s.signature.is_some())),
            "the pictures are drawn"
        );
        let pdf = render(&sheet).map_err(|e| anyhow::anyhow!("certificate {n}: {e}"))?;
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
    let cpu_before = thread_cpu_time();
    let started = Instant::now();
    while started.elapsed() < RENDER_FOR {
        bytes += draw(n + count)?;
        count += 1;
    }
    let elapsed = started.elapsed();
    let cpu = thread_cpu_time()
        .zip(cpu_before)
        .map(|(after, before)| after.saturating_sub(before));
    Ok(Drawing {
        count,
        elapsed,
        cpu,
        bytes,
    })
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

/// What the ZIP's central directory lists.
struct Listing {
    entries: u64,
    pdfs: u64,
    register: bool,
    zip64: bool,
}

/// Reads the central directory of the downloaded ZIP with the `zip` crate,
/// which checks its end record (ZIP64 too) against the entries it walks.
fn central_directory(file: std::fs::File) -> Result<Listing> {
    let archive = zip::ZipArchive::new(file).context("the export is not a readable ZIP")?;
    let mut listing = Listing {
        entries: archive.len() as u64,
        pdfs: 0,
        register: false,
        zip64: archive.raw_zip64_extensible_data_sector().is_some(),
    };
    for name in archive.file_names_raw() {
        if name.ends_with(b".pdf") {
            listing.pdfs += 1;
        } else if name == b"register.csv" {
            listing.register = true;
        }
    }
    Ok(listing)
}

/// An accrediting body, an accredited course, one session, and `count`
/// people with a confirmed registration each and an issued certificate.
/// The rows are written in batches in one transaction: the issuing path
/// (eligibility, counters, audit, e-mail per certificate) is not what is measured.
async fn fill(db: &Database, count: usize) -> Result<uuid::Uuid> {
    use aula_storage::{bodies, courses, sessions};
    let org = aula_storage::organisations::id(&aula_storage::organisations::first(db).await?);
    let actor = Actor::system("bench").within(org);
    let body = bodies::create(
        db,
        &actor,
        &AccreditationBodyDetails {
            name: problem(Text::parse(BODY_NAME))?,
            code: problem(BodyCode::parse(BODY_CODE))?,
            website: None,
            identifier_label: None,
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
        audiences: vec![Audience::PUBLIC_SERVANT],
        language: Language::Es,
        minimum_attendance: problem(Percent::new(80))?,
        accreditation: Some(Accreditation {
            body_id: body.id,
            credits: Some(problem(Credits::from_hundredths(150))?),
            recognised_hours: None,
            survey_required: false,
        }),
        commissioner: None,
    })
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let course = courses::create(db, &actor, org, &course).await?;
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
            present_share: Percent::DEFAULT_PRESENT_SHARE,
            record_past: false,
            by_invitation: false,
            meeting_places: Vec::new(),
            commissioner: None,
        },
        Modality::Online,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let session = sessions::create(db, &actor, org, &details).await?;
    let (session_id, course_id) = (session.session.id, course.course.id);

    let at = aula_storage::now();
    let txn = db.begin_write().await?;
    // The pictures the certificates kept at issue (issue 19).
    for svg in [LOGO_SVG, SIGNATURE_SVG, BODY_LOGO_SVG] {
        let picture = aula_domain::Logo {
            kind: aula_domain::LogoKind::Svg,
            bytes: svg.as_bytes().to_vec(),
        };
        aula_storage::issuer::put_image(&txn, &picture).await?;
    }
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
                organisation_id: Set(org.uuid()),
                given_name: Set(given.into()),
                family_name: Set(family.into()),
                email: Set(Some(format!("persona{n}@bench.example.org"))),
                phone: Set(None),
                employer: Set(Some("Servicio Andaluz de Salud".into())),
                job_title: Set(None),
                audience: Set(Some(Audience::PUBLIC_SERVANT)),
                region_id: Set(None),
                language: Set(Language::Es),
                consent_at: Set(Some(at)),
                consent_version: Set(Some("2026-01".into())),
                created_at: Set(at),
                updated_at: Set(at),
                workplace_key: Set(None),
                erased_at: Set(None),
            });
            registrations.push(registration::ActiveModel {
                id: Set(registration_id),
                session_id: Set(session_id),
                person_id: Set(person_id),
                status: Set(RegistrationStatus::Confirmed),
                waitlist_ticket: Set(None),
                source: Set(aula_domain::registration::RegistrationSource::Organiser),
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
                proposed_details: Set(None),
                body_identifier: Set(None),
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
    let org = aula_storage::organisations::id(&aula_storage::organisations::first(database).await?);
    let actor = Actor::system("bench").within(org);
    let details = UserDetails::new(UserDetails {
        email: problem(Email::parse("acreditacion@unileon.example.org"))?,
        name: problem(Text::parse("Acreditación ULE"))?,
        roles: vec![Role::Accreditor],
        accreditation_body_id: Some(body_id),
        language: Language::Es,
        password: None,
    })
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let user = aula_storage::users::create(database, &actor, org, &details)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let (_, token) = aula_storage::tokens::create(database, &actor, org, user.user.id, "bench").await?;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base_url = format!("http://{}", listener.local_addr()?);
    let link_key = aula_storage::keys::link_key(database).await?;
    let mail = aula_mail::MailConfig::new("Aula <no-reply@bench.example.org>".parse()?, &base_url, link_key);
    let config = aula_web::Config {
        rate_limits: false,
        ..aula_web::Config::new(base_url.clone())
    };
    let state = aula_web::AppState::new(database.clone(), config, mail, Default::default());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(aula_web::serve(listener, state, async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::builder().tcp_nodelay(true).build()?;

    // The ZIP goes to an unnamed temporary file as it arrives, so the
    // client holds no more than a chunk in memory.
    let mut zip_file = std::io::BufWriter::new(tempfile::tempfile()?);
    let mut total = 0u64;
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
        total += chunk.len() as u64;
        zip_file.write_all(&chunk)?;
    }
    let elapsed = started.elapsed();
    let cpu = cpu_before
        .zip(cpu_time())
        .map(|(before, after)| after.saturating_sub(before));
    let (peak, rss_after) = memory()?;
    let _ = stop.send(());
    server.await??;
    let listing = central_directory(zip_file.into_inner().map_err(|e| e.into_error())?)?;
    Ok(Export {
        first_byte,
        elapsed,
        bytes: total,
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
    println!(
        "aula bench certificates: one tagged A4 PDF/A-2a and PDF/UA-1 per certificate (krilla, DejaVu Sans \
         subsets, QR code)"
    );
    println!(
        "  1. PDFs per second on one thread: a Spanish certificate, 3 detail lines, a two-line course title, \
         the issuer's SVG logo, address and website, a signatory with an SVG signature, the accrediting \
         body's SVG logo, the holder's name changing each time; {} s after a {} ms warm-up",
        RENDER_FOR.as_secs(),
        WARM_UP.as_millis()
    );
    for (drawn, label) in [
        (Drawn::Pictures, "one page"),
        (Drawn::PicturesAndOutcomes, "and 3 outcomes on a second page"),
        (
            Drawn::NoPictures,
            "one page without the 3 pictures (their cost, by difference)",
        ),
    ] {
        let Drawing {
            count,
            elapsed,
            cpu,
            bytes,
        } = tokio::task::spawn_blocking(move || pdfs_per_second(drawn)).await??;
        println!(
            "     {label}: {count} PDFs in {:.2} s: {:.0} PDFs/s, {:.2} ms each, {:.1} KB on average",
            elapsed.as_secs_f64(),
            count as f64 / elapsed.as_secs_f64(),
            elapsed.as_secs_f64() * 1000.0 / count as f64,
            bytes as f64 / count as f64 / 1000.0,
        );
        // The goal is per core: the thread's own time, which a busy machine
        // does not inflate (the wall clock above counts other processes' turns).
        if let Some(cpu) = cpu.filter(|cpu| !cpu.is_zero()) {
            let per_core = count as f64 / cpu.as_secs_f64();
            println!(
                "       on the core: {:.2} s of the thread's time, {per_core:.0} PDFs/s ({:.2} ms each); goal \
                 300 PDFs/s per core: {}",
                cpu.as_secs_f64(),
                cpu.as_secs_f64() * 1000.0 / count as f64,
                if per_core >= 300.0 { "met" } else { "MISSED" },
            );
        }
    }

    println!(
        "  2. GET /api/v1/certificates/export as an accreditor, over loopback HTTP; the ZIP is written to a \
         temporary file as it arrives, never held"
    );
    println!(
        "     memory is the whole process's (server, database pool and client): VmRSS before, VmHWM (peak) \
         during; the central directory is read back from the file afterwards (the zip crate)"
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
        // One PDF per certificate and the register.
        let pass = l.entries == n as u64 + 1 && l.pdfs == n as u64 && l.register;
        all_pass &= pass;
        println!(
            "       ZIP{}: {} entries in the central directory, {} PDFs{}: {}",
            if l.zip64 { " (ZIP64)" } else { "" },
            l.entries,
            l.pdfs,
            if l.register {
                " and register.csv"
            } else {
                ", no register.csv"
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
