//! Each request's context: its language, who is asking, its anti-forgery
//! token, and a one-time message carried over a redirect. Settled once by
//! [`layer`], read by handlers as [`Ctx`].

use aula_domain::{Language, Role};
use aula_mail::Tr;
use aula_storage::users::UserRecord;
use aula_storage::{tokens, web_sessions};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{ACCEPT, ACCEPT_LANGUAGE, AUTHORIZATION, REFERER, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;

use crate::kit::pages;
use crate::{AppError, AppState};

pub const SESSION_COOKIE: &str = "aula_session";
/// A trainee signed in to "my trainings".
pub const PERSON_COOKIE: &str = "aula_me";
const LANG_COOKIE: &str = "aula_lang";
const CSRF_COOKIE: &str = "aula_csrf";
const FLASH_COOKIE: &str = "aula_flash";

/// How the person asking proved who they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    Anonymous,
    Cookie,
    Bearer,
}

#[derive(Clone)]
pub struct Ctx {
    /// What the request is served with (the database, settings, the use
    /// cases): handlers reach it through the context they read anyway,
    /// instead of a second extractor in every signature.
    pub state: AppState,
    pub lang: Language,
    pub user: Option<UserRecord>,
    /// A trainee signed in to "my trainings" by an e-mailed link.
    pub person: Option<aula_storage::entities::person::Model>,
    pub via: Via,
    /// The token every form must send back (`csrf` field).
    pub csrf: String,
    /// The path and query asked for, to link the same page in another language.
    pub path: String,
    pub query: Option<String>,
    /// A message key left by the previous request (after a redirect).
    pub flash: Option<String>,
    /// Whether the request came to the JSON API (errors answer in JSON).
    pub api: bool,
    /// Whether cookies set in answer must be `Secure` (served over HTTPS).
    pub secure: bool,
}

impl Ctx {
    pub fn tr(&self) -> Tr {
        Tr::new(self.lang)
    }

    /// The signed-in user, or 401.
    pub fn user(&self) -> Result<&UserRecord, AppError> {
        self.user.as_ref().ok_or(AppError::Unauthenticated)
    }

    /// The signed-in user if they hold one of `roles`; 401 or 403 otherwise.
    pub fn require(&self, roles: &[Role]) -> Result<&UserRecord, AppError> {
        let user = self.user()?;
        if roles.iter().any(|r| user.has(*r)) {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The signed-in user, in the organisation they work in now (its audit
    /// entries are that organisation's).
    pub fn actor(&self) -> Result<aula_storage::Actor, AppError> {
        let user = self.user()?;
        let actor = aula_storage::Actor::user(user.user.id, &user.user.email);
        Ok(match user.organisation {
            Some(org) => actor.within(org),
            None => actor,
        })
    }

    /// The organisation every staff query of this request is scoped by
    /// (issue 17): the one the user chose (web session) or their token's.
    /// A staff member of no organisation reaches nothing of any: 404.
    pub fn org(&self) -> Result<aula_domain::OrganisationId, AppError> {
        self.user()?.organisation.ok_or(AppError::NotFound)
    }

    /// The organisation of a signed-in staff member, if any: what public
    /// reads (catalogue, courses, sessions) are narrowed to when staff ask,
    /// so nothing of another organisation appears to them.
    pub fn staff_org(&self) -> Option<aula_domain::OrganisationId> {
        self.user.as_ref().and_then(|u| u.organisation)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Internal("context layer missing".into()))
    }
}

fn query_lang(query: Option<&str>) -> Option<Language> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(|code| Language::parse(code).ok())
}

/// Whether the client wants JSON: the API, or anyone who asks for it first,
/// as `application/json` or a JSON of its own (`application/ld+json`,
/// `application/vc+ld+json`: a credential verifier asking for an unknown
/// credential got an HTML page, session 27's attack round).
fn wants_json(parts: &axum::http::request::Parts) -> bool {
    parts.uri.path().starts_with("/api/")
        || parts
            .headers
            .get(ACCEPT)
            .and_then(|v| v.to_str().ok())
            .and_then(|accept| accept.split(',').next())
            .map(|first| first.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
            .is_some_and(|media| crate::kit::extract::is_json_type(&media))
}

fn cookie(name: &str, value: &str, max_age: i64, http_only: bool, secure: bool, same_site: &str) -> HeaderValue {
    let mut text = format!("{name}={value}; Path=/; Max-Age={max_age}; SameSite={same_site}");
    if http_only {
        text.push_str("; HttpOnly");
    }
    if secure {
        text.push_str("; Secure");
    }
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn session_cookie(value: &str, secure: bool) -> HeaderValue {
    cookie(
        SESSION_COOKIE,
        value,
        web_sessions::LIFETIME.num_seconds(),
        true,
        secure,
        "Lax",
    )
}

pub fn person_cookie(value: &str, secure: bool) -> HeaderValue {
    cookie(
        PERSON_COOKIE,
        value,
        aula_storage::person_sessions::LIFETIME.num_seconds(),
        true,
        secure,
        "Lax",
    )
}

pub fn expired_person_cookie(secure: bool) -> HeaderValue {
    cookie(PERSON_COOKIE, "", 0, true, secure, "Lax")
}

pub fn expired_session_cookie(secure: bool) -> HeaderValue {
    cookie(SESSION_COOKIE, "", 0, true, secure, "Lax")
}

pub fn flash_cookie(key: &str, secure: bool) -> HeaderValue {
    cookie(FLASH_COOKIE, key, 60, true, secure, "Lax")
}

/// The page a form was posted from: the `Referer`'s path and query (sent
/// by browsers for this site's own pages, `Referrer-Policy: same-origin`),
/// if it is of the configured origin (not the `Host` header, which a proxy
/// rewrites and a client chooses) and a plain local path.
fn form_page(parts: &Parts, config: &crate::Config) -> Option<(String, Option<String>)> {
    let referer = parts.headers.get(REFERER)?.to_str().ok()?;
    let url = url::Url::parse(referer).ok()?;
    if config.origin()? != url.origin().ascii_serialization() {
        return None;
    }
    let path = crate::kit::return_to::local_path(url.path())?;
    let query = url.query().map(str::to_owned).filter(|q| !q.is_empty());
    Some((path, query))
}

/// Settles the request's context, runs the handler, and renders any error.
pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let jar = CookieJar::from_headers(&parts.headers);
    let secure = state.config.secure_cookies();
    let api = wants_json(&parts);

    let asked_lang = query_lang(parts.uri.query());
    let told_lang = asked_lang
        .or_else(|| jar.get(LANG_COOKIE).and_then(|c| Language::parse(c.value()).ok()))
        .or_else(|| {
            parts
                .headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Language::from_accept_language)
        });
    let lang = told_lang.unwrap_or_default();

    // A page answering a form (one refused, shown again) stands for the
    // page the form was on: its language links and a sign-in's way back
    // lead there, where they led to an address that takes only POST, and a
    // click on "العربية" ended on "method not allowed" (session 25).
    let (path, query) = match parts.method {
        Method::GET | Method::HEAD => (parts.uri.path().to_owned(), parts.uri.query().map(str::to_owned)),
        _ => form_page(&parts, &state.config)
            .unwrap_or_else(|| (parts.uri.path().to_owned(), parts.uri.query().map(str::to_owned))),
    };
    let mut ctx = Ctx {
        state: state.clone(),
        lang,
        user: None,
        person: None,
        via: Via::Anonymous,
        csrf: String::new(),
        path,
        query,
        flash: jar
            .get(FLASH_COOKIE)
            .map(|c| c.value().to_owned())
            .filter(|k| Tr::new(lang).has(k)),
        api,
        secure,
    };

    // A bearer token that does not match is refused outright rather than
    // treated as anonymous: an integration with a revoked token must know.
    if let Some(header) = parts.headers.get(AUTHORIZATION) {
        // The scheme's name is case-insensitive (RFC 9110, 11.1): `bearer` too.
        let token = header
            .to_str()
            .ok()
            .and_then(|h| h.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim());
        match token {
            Some(token) => match tokens::authenticate(&state.db, token).await {
                Ok(Some(user)) => {
                    // An integration's request that names no language is
                    // answered in its account's (session 25's attack round:
                    // a Spanish organiser's script got the default's).
                    if told_lang.is_none() {
                        ctx.lang = user.user.language;
                    }
                    ctx.user = Some(user);
                    ctx.via = Via::Bearer;
                }
                Ok(None) => return render_error(&ctx, AppError::Unauthenticated),
                Err(err) => return render_error(&ctx, err.into()),
            },
            None => return render_error(&ctx, AppError::Unauthenticated),
        }
    } else if let Some(value) = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned()) {
        match web_sessions::find(&state.db, &value).await {
            Ok(Some((user, csrf))) => {
                // Nothing told: their account's language, as for a token
                // (session 27's attack round: a French organiser's pages
                // came in English from a browser sending no language).
                if told_lang.is_none() {
                    ctx.lang = user.user.language;
                }
                ctx.user = Some(user);
                ctx.via = Via::Cookie;
                ctx.csrf = csrf;
            }
            Ok(None) => {}
            Err(err) => return render_error(&ctx, err.into()),
        }
    }
    if let Some(value) = jar.get(PERSON_COOKIE).map(|c| c.value().to_owned()) {
        match aula_storage::person_sessions::find(&state.db, &value).await {
            Ok(Some((person, csrf))) => {
                ctx.person = Some(person);
                if ctx.csrf.is_empty() {
                    ctx.csrf = csrf;
                }
            }
            Ok(None) => {}
            Err(err) => return render_error(&ctx, err.into()),
        }
    }
    let mut new_csrf_cookie = None;
    if ctx.csrf.is_empty() {
        ctx.csrf = match jar.get(CSRF_COOKIE) {
            Some(c) if c.value().len() >= 32 => c.value().to_owned(),
            _ => {
                let fresh = aula_storage::secrets::generate("");
                new_csrf_cookie = Some(fresh.clone());
                fresh
            }
        };
    }

    // Another site's page can make a browser send our cookies with a
    // change to the API; only our own pages (or a token) may change things.
    let cookie_api_change = ctx.api
        && parts.uri.path().starts_with("/api/")
        && crate::ops::security::is_unsafe(&parts.method)
        && ctx.via != Via::Bearer
        && (ctx.via == Via::Cookie || ctx.person.is_some());
    if cookie_api_change && !crate::ops::security::from_our_pages(&parts.headers, &state.config, &ctx.csrf) {
        return render_error(&ctx, AppError::CrossSite);
    }

    // A body announced larger than we accept is refused before it is read,
    // rather than after the client has sent megabytes.
    let announced = parts
        .headers
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if announced.is_some_and(|length| length > crate::BODY_LIMIT as u64) {
        return render_error(&ctx, AppError::TooLarge);
    }

    parts.extensions.insert(ctx.clone());
    // Timed here rather than only outside, so that a body sent too slowly
    // is told in the reader's language (it was an empty 408: session 27's
    // attack round); never once a commit was sent (`aula_app::limited`).
    let mut response = aula_app::limited(state.config.request_timeout, next.run(Request::from_parts(parts, body)))
        .await
        .unwrap_or_else(|| AppError::Timeout.into_response());

    if let Some(error) = response.extensions_mut().remove::<AppError>() {
        response = render_error(&ctx, error);
    }
    let headers = response.headers_mut();
    if let Some(lang) = asked_lang {
        headers.append(
            SET_COOKIE,
            cookie(LANG_COOKIE, lang.as_str(), 365 * 24 * 3600, true, secure, "Lax"),
        );
    }
    if let Some(token) = new_csrf_cookie {
        headers.append(
            SET_COOKIE,
            cookie(CSRF_COOKIE, &token, 24 * 3600, true, secure, "Strict"),
        );
    }
    if ctx.flash.is_some() || jar.get(FLASH_COOKIE).is_some() {
        // Shown once: cleared unless this very response sets a new one.
        let sets_flash = headers
            .get_all(SET_COOKIE)
            .iter()
            .any(|v| v.to_str().is_ok_and(|s| s.starts_with(FLASH_COOKIE)));
        if !sets_flash {
            headers.append(SET_COOKIE, cookie(FLASH_COOKIE, "", 0, true, secure, "Lax"));
        }
    }
    response
}

/// The JSON error of the API, or the HTML error page; 401 on a page sends
/// the person to sign in and back.
fn render_error(ctx: &Ctx, error: AppError) -> Response {
    let tr = ctx.tr();
    // Staff whose organisation is suspended, and who work in no other,
    // hold no role now: they are told why (session 26's isolation round).
    let error = match (error, ctx.user.as_ref()) {
        (AppError::Forbidden, Some(user)) if user.organisation.is_none() && !user.suspended_in.is_empty() => {
            AppError::Refused(
                aula_domain::Problem::new("error-organisation-suspended-staff")
                    .with("name", user.suspended_in.join(", ")),
            )
        }
        (error, _) => error,
    };
    if ctx.api {
        let fields = error.fields().map(|fields| {
            fields
                .iter()
                .map(|(name, problems)| {
                    (
                        name.to_owned(),
                        serde_json::Value::from(problems.iter().map(|p| tr.problem(p)).collect::<Vec<_>>()),
                    )
                })
                .collect::<serde_json::Map<String, serde_json::Value>>()
        });
        let body = serde_json::json!({
            "error": error.code(),
            "message": tr.problem(&error.problem()),
            "fields": fields.unwrap_or_default(),
        });
        let mut response = (error.status(), axum::Json(body)).into_response();
        if matches!(error, AppError::Unauthenticated) {
            response
                .headers_mut()
                .insert("www-authenticate", HeaderValue::from_static("Bearer"));
        }
        return with_retry_after(response, &error);
    }
    if matches!(error, AppError::Unauthenticated) {
        let asked = match &ctx.query {
            Some(q) => format!("{}?{q}", ctx.path),
            None => ctx.path.clone(),
        };
        let target = match crate::kit::return_to::local_path(&asked) {
            Some(next) => format!("/sign-in?next={}", pages::url_encode(&next)),
            None => "/sign-in".to_owned(),
        };
        return Redirect::to(&target).into_response();
    }
    let status = error.status();
    match pages::error_page(ctx, &error) {
        Ok(html) => with_retry_after((status, html).into_response(), &error),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, tr.t("error-internal")).into_response(),
    }
}

/// A 429 or a 503 says when to try again (RFC 9110 `Retry-After`, in seconds).
fn with_retry_after(mut response: Response, error: &AppError) -> Response {
    let seconds = match error {
        AppError::TooManyRequests { retry_after } => *retry_after,
        // A restart or failover takes seconds.
        AppError::Unavailable(_) => 5,
        _ => return response,
    };
    response
        .headers_mut()
        .insert(axum::http::header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

/// Extractors that admit only holders of some roles. Handlers that read a
/// body take one of these before the body, so that an anonymous or
/// unauthorised caller is refused (401/403) before their input is judged.
macro_rules! role_guard {
    ($(#[$meta:meta])* $name:ident: $($role:ident),+) => {
        $(#[$meta])*
        pub struct $name(pub Ctx);

        impl<S: Send + Sync> FromRequestParts<S> for $name {
            type Rejection = AppError;

            async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
                let ctx = Ctx::from_request_parts(parts, state).await?;
                ctx.require(&[$(Role::$role),+])?;
                Ok($name(ctx))
            }
        }

        impl From<$name> for Ctx {
            fn from(guard: $name) -> Ctx {
                guard.0
            }
        }
    };
}

role_guard!(
    /// Organisers: the catalogue and its sessions.
    Organiser: Organiser
);
role_guard!(
    /// Administrators: users and regions.
    Admin: Admin
);
role_guard!(
    /// Administrators and organisers: accrediting bodies.
    AdminOrOrganiser: Admin, Organiser
);
role_guard!(
    /// Any signed-in staff member.
    Staff: Admin, Organiser, Trainer, Accreditor
);
