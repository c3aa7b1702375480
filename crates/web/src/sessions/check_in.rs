//! QR self check-in at in-person meetings.
//!
//! The trainer's screen shows a code that changes every [`STEP`] seconds,
//! as a QR code of a link and as text. A code is the server key's HMAC of
//! the meeting and the time step, so it is only good for that meeting, and
//! only for the current step and the one before (the grace for a slow
//! scan): a code copied and sent outside the room stops working within
//! seconds. Codes work only during the meeting, give or take the session's
//! margin.
//!
//! Scanning proves presence, not identity. The trainee then proves who they
//! are: signed in to "my trainings", or holding on this phone the personal
//! link of their registration (opening it remembers it), or with a
//! one-time code e-mailed to them. Only a confirmed registration of the
//! meeting's session is marked present.
//!
//! The fast way, for a whole room (issue 24), is the personal link opened
//! once on the phone before the session (the reminder e-mail asks for it,
//! the registration's page says the phone now keeps it): then a scan is one
//! tap, with no code e-mailed per person. It keeps the guarantee of the
//! code by e-mail: the personal link is a secret sent only to the person's
//! address (the HMAC of the registration under the server's key), so a
//! phone holding it proves access to that mailbox exactly as a code sent
//! there does; and presence is still proved only by the screen's code,
//! which changes every [`STEP`] seconds. A person who forwards their link
//! lets another check in for them, as they could forward a code.

use askama::Template;
use aula_app::attendance::CheckedIn;
use aula_domain::{AttendanceStatus, Email, RegistrationStatus};
use aula_storage::attendance;
use aula_storage::entities::{meeting, person, registration};
use aula_storage::sessions::{self, SessionRecord};
use aula_storage::{person_sessions, registrations};
use axum::http::HeaderValue;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use uuid::Uuid;

use crate::attendance::roll_call::StaffedMeeting;
use crate::kit::extract::{ApiPath, CsrfForm};
use crate::kit::pages::{Chrome, no_store, render};
use crate::ops::limits::{self, ClientAddr};
use crate::{AppError, AppResult, AppState, Ctx};

/// How often the code changes, in seconds.
pub const STEP: i64 = 20;

/// The cookie that keeps a phone's personal links (set when one is opened).
pub const LINKS_COOKIE: &str = "aula_links";

pub fn step(at: DateTime<Utc>) -> i64 {
    at.timestamp().div_euclid(STEP)
}

fn code(state: &AppState, meeting: Uuid, step: i64) -> String {
    aula_storage::secrets::check_in_code(&state.mail.link_key, meeting, step)
}

/// Whether `given` is the meeting's code now or one step ago.
fn code_is_live(state: &AppState, meeting: Uuid, given: &str, at: DateTime<Utc>) -> bool {
    let given = given.trim().to_ascii_uppercase();
    let now = step(at);
    [now, now - 1].iter().any(|s| {
        let expected = code(state, meeting, *s);
        aula_storage::secrets::same_secret(&given, &expected)
    })
}

/// Why check-in is closed for a meeting now, as a message key; `None` when open.
fn closed(record: &SessionRecord, meeting: &meeting::Model, at: DateTime<Utc>) -> Option<&'static str> {
    let margin = Duration::minutes(i64::from(record.session.checkin_margin_minutes));
    if matches!(
        record.status(),
        aula_domain::SessionStatus::Cancelled | aula_domain::SessionStatus::Draft
    ) {
        return Some("check-in-cancelled");
    }
    if at < meeting.starts_at - margin {
        Some("check-in-not-yet")
    } else if at > meeting.ends_at + margin {
        Some("check-in-over")
    } else {
        None
    }
}

/// What a closed check-in says: for one not open yet, when it opens (issue 24).
fn closed_text(c: &Chrome, record: &SessionRecord, meeting: &meeting::Model, key: &str) -> String {
    if key == "check-in-not-yet" {
        let margin = Duration::minutes(i64::from(record.session.checkin_margin_minutes));
        let opens = meeting.starts_at - margin;
        return c.t1(
            "check-in-opens-at",
            "opens",
            c.datetime(&opens, &record.session.time_zone),
        );
    }
    c.t(key)
}

/// The short address to type a code at when the QR code cannot be scanned.
pub const SHORT_PATH: &str = "/in";

// ----- the trainer's screen --------------------------------------------------

#[derive(Template)]
#[template(path = "pages/check_in_code.html")]
struct CodePage {
    c: Chrome,
    record: SessionRecord,
    meeting: meeting::Model,
    closed: Option<String>,
    code: String,
    url: String,
    /// Where to type the code (`https://host/in`), shown without its scheme.
    short: String,
    svg: String,
    refresh: i64,
}

/// The same, alone on the page, to project: no menus (issue 24).
#[derive(Template)]
#[template(path = "pages/check_in_screen.html")]
struct ScreenPage {
    page: CodePage,
}

async fn code_view(ctx: &Ctx, meeting: meeting::Model, record: SessionRecord) -> AppResult<CodePage> {
    let now = Utc::now();
    let c = Chrome::new(ctx);
    let closed = closed(&record, &meeting, now).map(|key| closed_text(&c, &record, &meeting, key));
    let code = code(&ctx.state, meeting.id, step(now));
    let url = format!("{}/check-in/{}/{}", ctx.state.config.base_url, meeting.id, code);
    let svg = match closed {
        Some(_) => String::new(),
        None => qr_svg(&url)?,
    };
    let base = &ctx.state.config.base_url;
    let short = format!(
        "{}{SHORT_PATH}",
        base.split_once("://").map_or(base.as_str(), |(_, host)| host)
    );
    // The page reloads itself when the code changes (no JavaScript needed).
    let refresh = STEP - now.timestamp().rem_euclid(STEP) + 1;
    Ok(CodePage {
        c,
        record,
        meeting,
        closed,
        code,
        url,
        short,
        svg,
        refresh,
    })
}

pub(crate) async fn code_page(StaffedMeeting { ctx, meeting, record }: StaffedMeeting) -> AppResult<Response> {
    let page = code_view(&ctx, meeting, record).await?;
    Ok(no_store(render(&page)?))
}

/// The check-in code full screen, for a projector: the code, the QR code
/// and the short address, no staff menus.
pub(crate) async fn screen_page(StaffedMeeting { ctx, meeting, record }: StaffedMeeting) -> AppResult<Response> {
    let page = code_view(&ctx, meeting, record).await?;
    Ok(no_store(render(&ScreenPage { page })?))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ShortQuery {
    #[serde(default)]
    code: String,
}

#[derive(Template)]
#[template(path = "pages/check_in_short.html")]
struct ShortPage {
    c: Chrome,
    code: String,
    error: Option<String>,
}

/// The short address (`/in`): a person who cannot scan types the code on
/// the screen, and is sent to that meeting's check-in. The code alone names
/// the meeting: it is looked for among the meetings whose check-in is open.
pub(crate) async fn short_page(
    ctx: Ctx,
    crate::kit::extract::ApiQuery(query): crate::kit::extract::ApiQuery<ShortQuery>,
) -> AppResult<Response> {
    let typed: String = query
        .code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_uppercase();
    let mut page = ShortPage {
        c: Chrome::new(&ctx),
        code: query.code.clone(),
        error: None,
    };
    if typed.is_empty() {
        return render(&page);
    }
    // No rate limit: a whole room types the same code from one network, and
    // a guessed code proves presence only, never who someone is.
    let now = Utc::now();
    for meeting in attendance::meetings_around(&ctx.state.db, now, Duration::hours(12)).await? {
        if code_is_live(&ctx.state, meeting.id, &typed, now) {
            let record = sessions::get(&ctx.state.db, meeting.session_id).await?;
            if closed(&record, &meeting, now).is_none() {
                return Ok(axum::response::Redirect::to(&format!("/check-in/{}/{typed}", meeting.id)).into_response());
            }
        }
    }
    page.error = Some(ctx.tr().t("check-in-short-wrong"));
    Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

fn qr_svg(url: &str) -> AppResult<String> {
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| AppError::Internal(format!("QR code: {e}")))?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(320, 320)
        .quiet_zone(true)
        .build())
}

// ----- the trainee's phone -------------------------------------------------

/// Who the phone says it is, and their registration for the meeting's session.
struct Holder {
    person: person::Model,
    registration: registration::Model,
}

/// The trainee behind this request, if the phone can prove it: signed in to
/// "my trainings", or keeping a personal link of a registration to the session.
async fn holder(ctx: &Ctx, jar: &CookieJar, session_id: Uuid) -> AppResult<Option<Holder>> {
    if let Some(person) = &ctx.person
        && let Some(registration) = registrations::live(&ctx.state.db, session_id, person.id).await?
    {
        return Ok(Some(Holder {
            person: person.clone(),
            registration,
        }));
    }
    let tokens = jar.get(LINKS_COOKIE).map(|c| c.value().to_owned()).unwrap_or_default();
    for token in tokens.split('.').filter(|t| !t.is_empty()) {
        if let Ok(registration) = registrations::by_manage_token(&ctx.state.db, token).await
            && registration.session_id == session_id
        {
            let person = aula_storage::people::get(&ctx.state.db, registration.person_id).await?;
            return Ok(Some(Holder { person, registration }));
        }
    }
    Ok(None)
}

/// Adds a personal link to the phone's cookie (the five latest are kept).
pub fn remember_link(jar: &CookieJar, token: &str, secure: bool) -> HeaderValue {
    let mut tokens: Vec<String> = jar
        .get(LINKS_COOKIE)
        .map(|c| c.value().split('.').map(str::to_owned).collect())
        .unwrap_or_default();
    tokens.retain(|t| t != token && !t.is_empty());
    tokens.insert(0, token.to_owned());
    tokens.truncate(5);
    let mut text = format!(
        "{LINKS_COOKIE}={}; Path=/; Max-Age={}; SameSite=Lax; HttpOnly",
        tokens.join("."),
        180 * 24 * 3600
    );
    if secure {
        text.push_str("; Secure");
    }
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[derive(Template)]
#[template(path = "pages/check_in.html")]
struct CheckInPage {
    c: Chrome,
    record: SessionRecord,
    meeting_id: Uuid,
    code: String,
    /// A message key when check-in cannot go on (closed, code expired, not registered).
    refused: Option<&'static str>,
    /// Not open yet: when it opens, said in full (issue 24).
    opens: Option<String>,
    /// Done: the person is marked present.
    done: bool,
    /// The trainer had already marked them otherwise (absent, excused,
    /// partial): which mark, said in full; it stays.
    marked: Option<String>,
    holder_name: Option<String>,
    /// A code was e-mailed to this address; the form asks for it.
    emailed: Option<String>,
    email: String,
    error: Option<String>,
}

struct Checked {
    meeting: meeting::Model,
    record: SessionRecord,
    refused: Option<&'static str>,
}

/// The meeting, its session, and why a check-in with `code` is refused now, if it is.
async fn judge(state: &AppState, meeting_id: Uuid, code: &str) -> AppResult<Checked> {
    let meeting = attendance::meeting(&state.db, meeting_id).await?;
    let record = sessions::get(&state.db, meeting.session_id).await?;
    let now = Utc::now();
    let refused = match closed(&record, &meeting, now) {
        Some(key) => Some(key),
        None if !code_is_live(state, meeting.id, code, now) => Some("check-in-code-expired"),
        None => None,
    };
    Ok(Checked {
        meeting,
        record,
        refused,
    })
}

fn page(ctx: &Ctx, record: SessionRecord, meeting_id: Uuid, code: String) -> CheckInPage {
    CheckInPage {
        c: Chrome::new(ctx),
        record,
        meeting_id,
        code,
        refused: None,
        opens: None,
        done: false,
        marked: None,
        holder_name: None,
        emailed: None,
        email: String::new(),
        error: None,
    }
}

pub(crate) async fn check_in_page(
    ctx: Ctx,
    jar: CookieJar,
    ApiPath((meeting_id, code)): ApiPath<(Uuid, String)>,
) -> AppResult<Response> {
    let checked = judge(&ctx.state, meeting_id, &code).await?;
    let holder = holder(&ctx, &jar, checked.record.session.id).await?;
    let mut page = page(&ctx, checked.record.clone(), meeting_id, code);
    page.refused = checked.refused;
    if checked.refused == Some("check-in-not-yet") {
        page.opens = Some(closed_text(
            &page.c,
            &checked.record,
            &checked.meeting,
            "check-in-not-yet",
        ));
    }
    page.holder_name = holder.map(|h| format!("{} {}", h.person.given_name, h.person.family_name));
    render(&page)
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct CheckInForm {
    /// The one-time code e-mailed to `email`, when the phone holds no link.
    #[serde(default)]
    email: String,
    #[serde(default)]
    otp: String,
}

/// Marks the holder present: by the phone's link or sign-in, or by the code
/// e-mailed to them.
pub(crate) async fn check_in(
    ctx: Ctx,
    jar: CookieJar,
    client: ClientAddr,
    ApiPath((meeting_id, code)): ApiPath<(Uuid, String)>,
    CsrfForm(form): CsrfForm<CheckInForm>,
) -> AppResult<Response> {
    let checked = judge(&ctx.state, meeting_id, &code).await?;
    let session_id = checked.record.session.id;
    let mut page = page(&ctx, checked.record.clone(), meeting_id, code.clone());
    // A code e-mailed after the scan stands for the scan: it was asked while
    // the screen's code was live, and is itself short-lived and single use.
    let by_email = !form.otp.trim().is_empty();
    if let (Some(key), false) = (checked.refused, by_email) {
        page.refused = Some(key);
        return render(&page);
    }
    if let Some(key) = checked.refused.filter(|k| *k != "check-in-code-expired") {
        page.refused = Some(key);
        return render(&page);
    }
    let holder = if by_email {
        let person = match Email::parse(&form.email) {
            Ok(email) => {
                let org = aula_domain::OrganisationId::from_row(checked.record.session.organisation_id);
                aula_storage::people::find_by_email(&ctx.state.db, org, &email).await?
            }
            Err(_) => None,
        };
        let purpose = format!("check-in:{meeting_id}");
        limits::check_in_code_allowed(&ctx.state, &client, &form.email).await?;
        let proven = match &person {
            Some(p) => person_sessions::use_code(&ctx.state.db, p.id, &purpose, &form.otp).await?,
            None => false,
        };
        if !proven {
            limits::check_in_code_failed(&ctx.state, &client, &form.email).await?;
            page.emailed = Some(form.email.clone());
            page.email = form.email;
            page.error = Some(ctx.tr().t("check-in-otp-wrong"));
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
        match person {
            Some(person) => registrations::live(&ctx.state.db, session_id, person.id)
                .await?
                .map(|registration| Holder { person, registration }),
            None => None,
        }
    } else {
        holder(&ctx, &jar, session_id).await?
    };
    let Some(holder) = holder else {
        page.refused = Some("check-in-not-registered");
        return render(&page);
    };
    if holder.registration.status != RegistrationStatus::Confirmed {
        page.refused = Some("check-in-not-registered");
        return render(&page);
    }
    let name = format!("{} {}", holder.person.given_name, holder.person.family_name);
    match aula_app::attendance::check_in(&ctx.state.app(), &checked.meeting, holder.registration.id).await? {
        CheckedIn::Now | CheckedIn::Already(AttendanceStatus::Present | AttendanceStatus::Late) => page.done = true,
        // The trainer's mark stays, and the page says which it is.
        CheckedIn::Already(mark) => {
            let tr = ctx.tr();
            let mark = tr.t(&format!("attendance-{}", mark.as_str()));
            page.marked = Some(tr.t2("check-in-already-marked", "name", name.as_str(), "mark", mark));
        }
    }
    page.holder_name = Some(name);
    render(&page)
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EmailForm {
    #[serde(default)]
    email: String,
}

/// E-mails a one-time code to a registered trainee whose phone holds no link.
/// The page says the same whether or not the address is registered.
pub(crate) async fn send_code(
    ctx: Ctx,
    client: ClientAddr,
    ApiPath((meeting_id, code)): ApiPath<(Uuid, String)>,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> AppResult<Response> {
    let checked = judge(&ctx.state, meeting_id, &code).await?;
    let mut page = page(&ctx, checked.record.clone(), meeting_id, code);
    if let Some(key) = checked.refused {
        page.refused = Some(key);
        return render(&page);
    }
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(problem) => {
            page.email = form.email;
            page.error = Some(ctx.tr().problem(&problem));
            return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    limits::sign_in(&ctx.state, &client, "check-in-code", email.as_str()).await?;
    aula_app::attendance::send_check_in_code(&ctx.state.app(), &checked.record, meeting_id, &email).await?;
    page.emailed = Some(email.to_string());
    page.email = email.to_string();
    render(&page)
}

/// Sets the phone's personal-link cookie on a response (the registration page uses it).
pub fn with_link_cookie(mut response: Response, jar: &CookieJar, token: &str, secure: bool) -> Response {
    response
        .headers_mut()
        .append(SET_COOKIE, remember_link(jar, token, secure));
    response
}
