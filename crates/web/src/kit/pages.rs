//! What every HTML page shares: the layout's context ([`Chrome`]), form
//! errors in the reader's language, and the error page.

use askama::Template;
use aula_domain::{FieldErrors, Language, Role, SessionTimeZone};
use aula_mail::{Arg, Tr};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};

use crate::{AppError, AppResult, Ctx};

/// The layout's view of the request: language, user, navigation, token.
pub struct Chrome {
    pub tr: Tr,
    pub lang: &'static str,
    pub csrf: String,
    pub path: String,
    pub user_name: Option<String>,
    pub roles: Vec<Role>,
    pub flash: Option<String>,
    pub languages: Vec<LanguageLink>,
    /// The zone staff lists show their instants in (outbox, tokens): the
    /// default session zone, until staff have a zone of their own.
    pub staff_zone: SessionTimeZone,
    /// The organisations a staff member works in, with whether it is the
    /// current one: the switcher shows when there are two or more (issue 17).
    pub organisations: Vec<OrganisationChoice>,
    /// The organisation whose pages these are, shown in the header with its
    /// logo and accent colour: a staff member's current one, or the one a
    /// public page (catalogue, course, session) belongs to (issue 17).
    pub brand: Option<Brand>,
}

/// An organisation's name, logo and accent colour as the layout shows them:
/// the logo at `/o/{slug}/logo`, the colour as the `--accent` custom
/// property of `/o/{slug}/brand.css` (the pages' Content-Security-Policy
/// allows no inline style).
pub struct Brand {
    pub slug: String,
    pub name: String,
    pub accent: bool,
    pub logo: bool,
}

impl Brand {
    pub fn of(org: &aula_storage::entities::organisation::Model) -> Self {
        Brand {
            slug: org.slug.clone(),
            name: org.name.clone(),
            accent: org.accent_colour.is_some(),
            logo: org.logo_content_type.is_some(),
        }
    }
}

pub struct OrganisationChoice {
    pub id: String,
    pub name: String,
    pub current: bool,
}

pub struct LanguageLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl Chrome {
    pub fn new(ctx: &Ctx) -> Self {
        let other_params: Vec<&str> = ctx
            .query
            .as_deref()
            .unwrap_or_default()
            .split('&')
            .filter(|p| !p.is_empty() && !p.starts_with("lang="))
            .collect();
        let languages = [
            (Language::Fr, "Français"),
            (Language::Es, "Español"),
            (Language::En, "English"),
            (Language::Ar, "العربية"),
        ]
        .into_iter()
        .map(|(lang, name)| {
            let mut params = other_params.clone();
            let lang_param = format!("lang={}", lang.as_str());
            params.push(&lang_param);
            LanguageLink {
                code: lang.as_str(),
                name,
                href: format!("{}?{}", ctx.path, params.join("&")),
                current: lang == ctx.lang,
            }
        })
        .collect();
        let brand = ctx.user.as_ref().and_then(|u| {
            u.memberships
                .iter()
                .find(|m| Some(m.id()) == u.organisation)
                .map(|m| Brand::of(&m.organisation))
        });
        Chrome {
            brand,
            tr: ctx.tr(),
            lang: ctx.lang.as_str(),
            csrf: ctx.csrf.clone(),
            path: ctx.path.clone(),
            user_name: ctx.user.as_ref().map(|u| u.user.name.clone()),
            roles: ctx.user.as_ref().map(|u| u.roles.clone()).unwrap_or_default(),
            flash: ctx.flash.as_ref().map(|key| ctx.tr().t(key)),
            languages,
            staff_zone: SessionTimeZone::default(),
            organisations: ctx
                .user
                .as_ref()
                .map(|u| {
                    u.memberships
                        .iter()
                        .map(|m| OrganisationChoice {
                            id: m.organisation.id.to_string(),
                            name: m.organisation.name.clone(),
                            current: Some(m.id()) == u.organisation,
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// The chrome of a page of the organisation `id` ([`Chrome::branded`]):
    /// a public page of its catalogue, or a person's own page, since a
    /// person is one organisation's (issue 17: "my trainings" did not say
    /// whose, and someone two organisations know has a page with each).
    pub async fn of_organisation(ctx: &Ctx, id: uuid::Uuid) -> AppResult<Chrome> {
        let org = aula_storage::organisations::get(&ctx.state.db, aula_domain::OrganisationId::from_row(id)).await?;
        Ok(Chrome::new(ctx).branded(&org))
    }

    /// The page belongs to `org` (a public page of its catalogue): its
    /// name, logo and colour in the header.
    pub fn branded(mut self, org: &aula_storage::entities::organisation::Model) -> Self {
        self.brand = Some(Brand::of(org));
        // Its language links are the languages it offers, and the one the
        // page is in, so the reader sees where they are: an organisation
        // offering French and Arabic showed links to all four (session
        // 29's attack round).
        let offered: Vec<&str> = org.languages.split(',').map(str::trim).collect();
        self.languages.retain(|l| l.current || offered.contains(&l.code));
        self
    }

    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    pub fn t2(&self, key: &str, n1: &str, v1: impl Into<Arg>, n2: &str, v2: impl Into<Arg>) -> String {
        self.tr.t2(key, n1, v1, n2, v2)
    }

    /// An `autocomplete` token for a field of a person's form: none where an
    /// organiser enters someone else, whom their browser's own details
    /// would fill in wrongly.
    pub fn autofill<'a>(&self, organiser: &bool, token: &'a str) -> &'a str {
        if *organiser { "" } else { token }
    }

    /// The text of `key` when `show`, else nothing (an optional hint).
    pub fn t_if(&self, show: &bool, key: &str) -> String {
        if *show { self.t(key) } else { String::new() }
    }

    pub fn t1(&self, key: &str, name: &str, value: impl Into<Arg>) -> String {
        self.tr.t1(key, name, value)
    }

    /// A code of a closed vocabulary in words: `c.word("modality", "online")`
    /// or `c.word("modality", course.modality)`.
    pub fn word(&self, vocabulary: &str, code: impl std::fmt::Display) -> String {
        self.tr
            .t(&format!("{vocabulary}-{}", code.to_string().replace('_', "-")))
    }

    /// The options of a closed vocabulary for a `select`: each code with its word.
    pub fn words<V: std::fmt::Display>(&self, vocabulary: &str, all: &[V]) -> Vec<(String, String)> {
        all.iter().map(|v| (v.to_string(), self.word(vocabulary, v))).collect()
    }

    /// The boxes of a closed vocabulary, each ticked when its code is `chosen`.
    pub fn ticks<V: std::fmt::Display>(
        &self,
        vocabulary: &str,
        all: &[V],
        chosen: &[String],
    ) -> Vec<(String, String, bool)> {
        all.iter()
            .map(|v| {
                let code = v.to_string();
                let ticked = chosen.contains(&code);
                (code, self.word(vocabulary, v), ticked)
            })
            .collect()
    }

    pub fn decimal(&self, value: f64, places: usize) -> String {
        self.tr.decimal(value, places)
    }

    pub fn number(&self, value: &i32) -> String {
        self.tr.number(i64::from(*value))
    }

    /// A count (of people, of leaflets) with the language's separators.
    pub fn count(&self, value: u64) -> String {
        self.tr.number(i64::try_from(value).unwrap_or(i64::MAX))
    }

    pub fn hours(&self, minutes: &i32) -> String {
        self.tr.hours(i64::from(*minutes))
    }

    /// A retention period in days, in years where it is whole years.
    pub fn period(&self, days: &u32) -> String {
        self.tr.period(*days)
    }

    /// Minutes as hours with the unit: `20 hours`, `1 heure`, `20 ساعة`.
    pub fn duration(&self, minutes: &i32) -> String {
        self.tr.duration(i64::from(*minutes))
    }

    /// Hundredths as a number with two decimals, for a message (credits).
    pub fn hundredths(&self, value: &i32) -> Arg {
        Arg::Decimal {
            value: i64::from(*value),
            places: 2,
        }
    }

    pub fn date(&self, instant: &DateTime<Utc>, zone: &SessionTimeZone) -> String {
        self.tr.date(*instant, zone.tz())
    }

    pub fn day(&self, instant: &DateTime<Utc>, zone: &SessionTimeZone) -> String {
        self.tr.day(*instant, zone.tz())
    }

    pub fn time(&self, instant: &DateTime<Utc>, zone: &SessionTimeZone) -> String {
        self.tr.time(*instant, zone.tz())
    }

    /// When a meeting ends: its time, with its date when not the day it began.
    pub fn until(&self, start: &DateTime<Utc>, end: &DateTime<Utc>, zone: &SessionTimeZone) -> String {
        self.tr.until(*start, *end, zone.tz())
    }

    /// A meeting's day and times, `Tuesday 12 March 2030, 09:00–14:00`, with
    /// the language's comma (session 25: Arabic pages had a Latin one; the
    /// e-mails already said it with the catalogue's `meeting-when`).
    pub fn meeting(&self, start: &DateTime<Utc>, end: &DateTime<Utc>, zone: &SessionTimeZone) -> String {
        self.tr.args(
            "meeting-when",
            &[
                ("date", Arg::Text(self.day(start, zone))),
                ("start", Arg::Text(self.time(start, zone))),
                ("end", Arg::Text(self.until(start, end, zone))),
            ],
        )
    }

    pub fn datetime(&self, instant: &DateTime<Utc>, zone: &SessionTimeZone) -> String {
        self.tr.datetime(*instant, zone.tz())
    }

    /// The day of an instant in UTC: when a record was archived, say.
    pub fn utc_date(&self, instant: &DateTime<Utc>) -> String {
        self.plain_date(&instant.date_naive())
    }

    pub fn plain_date(&self, date: &chrono::NaiveDate) -> String {
        self.tr.plain_date(*date)
    }

    pub fn is(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r.as_str() == role)
    }

    pub fn signed_in(&self) -> bool {
        self.user_name.is_some()
    }

    /// Whether the navigation link to `prefix` is the current section.
    pub fn current(&self, prefix: &str) -> bool {
        if prefix == "/" {
            self.path == "/"
        } else {
            self.path.starts_with(prefix)
        }
    }

    /// Text direction of the page's language: `rtl` for Arabic.
    pub fn dir(&self) -> &'static str {
        self.tr.lang.dir()
    }
}

/// A form's problems in the reader's words, by field, in form order.
#[derive(Default)]
pub struct FormErrors {
    pub items: Vec<(String, String)>,
    /// Where each field's problems are in `items`: a form asks for every
    /// field's, and a post of 40,000 meeting rows (an attack, session 21)
    /// made searching `items` each time take minutes.
    by_field: std::collections::HashMap<String, Vec<usize>>,
}

impl FormErrors {
    pub fn new(tr: Tr, errors: &FieldErrors) -> Self {
        Self::of_items(
            errors
                .iter()
                .flat_map(|(field, problems)| problems.iter().map(move |p| (field.to_owned(), tr.problem(p))))
                .collect(),
        )
    }

    /// Every message under one field (forms that share a field name).
    pub fn all_under(self, field: &str) -> Self {
        Self::of_items(
            self.items
                .into_iter()
                .map(|(_, message)| (field.to_owned(), message))
                .collect(),
        )
    }

    fn of_items(items: Vec<(String, String)>) -> Self {
        let mut by_field: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
        for (index, (field, _)) in items.iter().enumerate() {
            by_field.entry(field.clone()).or_default().push(index);
        }
        FormErrors { items, by_field }
    }

    pub fn none() -> Self {
        FormErrors::default()
    }

    pub fn any(&self) -> bool {
        !self.items.is_empty()
    }

    pub fn has(&self, field: &str) -> bool {
        self.by_field.contains_key(field)
    }

    pub fn of(&self, field: &str) -> Vec<&str> {
        self.by_field
            .get(field)
            .map(|at| at.iter().map(|i| self.items[*i].1.as_str()).collect())
            .unwrap_or_default()
    }
}

/// Renders a template as a page.
pub fn render(template: &impl Template) -> AppResult<Response> {
    Ok(Html(template.render()?).into_response())
}

/// A page behind a personal link, or showing a secret once: kept by no
/// cache, shared or the browser's, so nobody after the holder reads it.
pub fn no_store(mut response: Response) -> Response {
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    response
}

/// Renders a form again with its problems: 422, values kept.
pub fn render_invalid(template: &impl Template) -> AppResult<Response> {
    Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, Html(template.render()?)).into_response())
}

/// How a form's POST ends. Saved: `done` answers (a redirect with a flash).
/// Refused for its input: the form again (422), built by `form_again` with
/// the problems in the reader's words and the values kept. Any other error
/// goes to the error page.
pub async fn saved_or_form_again<T, P: Template>(
    ctx: &Ctx,
    outcome: AppResult<T>,
    done: impl FnOnce(T) -> Response,
    form_again: impl AsyncFnOnce(FormErrors) -> AppResult<P>,
) -> AppResult<Response> {
    match outcome {
        Ok(saved) => Ok(done(saved)),
        Err(AppError::Invalid(errors)) => render_invalid(&form_again(FormErrors::new(ctx.tr(), &errors)).await?),
        Err(other) => Err(other),
    }
}

/// [`saved_or_form_again`] for a page of several forms: refused, the page
/// drawn by `page` as it stands, with `put` placing the form sent and its
/// problems in it.
pub async fn saved_or_page_again<T, P: Template>(
    ctx: &Ctx,
    outcome: AppResult<T>,
    done: impl FnOnce(T) -> Response,
    page: impl AsyncFnOnce() -> AppResult<P>,
    put: impl FnOnce(P, FormErrors) -> P,
) -> AppResult<Response> {
    saved_or_form_again(ctx, outcome, done, async |errors| Ok(put(page().await?, errors))).await
}

/// After a successful POST: back to a page, with a message shown once.
pub fn redirect_with(ctx: &Ctx, to: &str, flash_key: &str) -> Response {
    let mut response = Redirect::to(to).into_response();
    response.headers_mut().append(
        axum::http::header::SET_COOKIE,
        crate::kit::context::flash_cookie(flash_key, ctx.secure),
    );
    response
}

#[derive(Template)]
#[template(path = "pages/error.html")]
struct ErrorPage<'a> {
    c: Chrome,
    status: u16,
    title: String,
    message: String,
    fields: &'a FormErrors,
}

pub fn error_page(ctx: &Ctx, error: &AppError) -> Result<Html<String>, askama::Error> {
    let tr = ctx.tr();
    let fields = error.fields().map(|f| FormErrors::new(tr, f)).unwrap_or_default();
    let status = error.status();
    let page = ErrorPage {
        c: Chrome::new(ctx),
        status: status.as_u16(),
        title: error_title(tr, status),
        message: tr.problem(&error.problem()),
        fields: &fields,
    };
    page.render().map(Html)
}

/// The error page's heading: its status's, else its class's (session 25:
/// a 405 showed its message key).
fn error_title(tr: Tr, status: axum::http::StatusCode) -> String {
    let own = format!("error-title-{}", status.as_u16());
    match tr.has(&own) {
        true => tr.t(&own),
        false if status.is_server_error() => tr.t("error-title-500"),
        false => tr.t("error-title-400"),
    }
}

/// Percent-encodes a value for a query string.
/// A CSV download: the bytes (UTF-8 with its byte-order mark) as `{name}.csv`.
pub fn csv_attachment(name: &str, bytes: Vec<u8>) -> Response {
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.csv\"")),
        ],
        bytes,
    )
        .into_response()
}

pub fn url_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Query-string of a page link: the current filters with another page number.
pub fn page_href(base: &str, params: &[(&str, String)], page: u64) -> String {
    let mut parts: Vec<String> = params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", url_encode(v)))
        .collect();
    parts.push(format!("page={page}"));
    format!("{base}?{}", parts.join("&"))
}

/// The links of a pager: (page number, href, current).
pub struct Pager {
    pub pages: Vec<(u64, String, bool)>,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub total: u64,
    /// The last page, when the one asked for is past it (an old link, a
    /// typed number): the list says so, where it said nothing matched
    /// (session 29's attack round).
    pub past_end: Option<String>,
}

impl Pager {
    pub fn new(base: &str, params: &[(&str, String)], current: u64, pages: u64, total: u64) -> Self {
        // Around the current page, plus the first and last: enough to move on a phone.
        let wanted: Vec<u64> = (1..=pages)
            .filter(|p| *p == 1 || *p == pages || (p + 2 >= current && *p <= current + 2))
            .collect();
        Pager {
            pages: wanted
                .into_iter()
                .map(|p| (p, page_href(base, params, p), p == current))
                .collect(),
            previous: (current > 1).then(|| page_href(base, params, current - 1)),
            next: (current < pages).then(|| page_href(base, params, current + 1)),
            total,
            past_end: (current > pages && pages > 0).then(|| page_href(base, params, pages)),
        }
    }

    pub fn show(&self) -> bool {
        self.pages.len() > 1
    }
}
