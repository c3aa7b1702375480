//! What a browser is told about every response (the security headers), and
//! the check that keeps other sites from using a signed-in person's cookie
//! on the JSON API.

use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;

use crate::{AppState, Config};

/// Scripts, styles, fonts and images come from this site's own files only
/// (no inline script or style anywhere); nothing may frame a page; forms
/// post only here. The API docs' `<script type="application/json">` is
/// data, not run, so it needs nothing.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Same-origin requests keep their `Referer` (and their `Origin`, which the
/// API check below reads); other sites never see a URL of Aula, several of
/// which carry a secret (`/confirm/…`, `/r/…`, `/me/sign-in/…`, `/s/…`).
const REFERRER: &str = "same-origin";

/// Aula uses none of these powerful features.
const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), \
serial=(), bluetooth=(), browsing-topics=()";

/// Two years, the usual preload value.
const HSTS: &str = "max-age=63072000";

/// Adds the security headers to every response: pages, API, files, errors,
/// redirects. A handler that sets one of them itself (a page that must be
/// framed, say) keeps its own.
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let mut set = |name: HeaderName, value: &'static str| {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    };
    set(CONTENT_SECURITY_POLICY, CSP);
    set(X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(X_FRAME_OPTIONS, "DENY");
    set(REFERRER_POLICY, REFERRER);
    set(HeaderName::from_static("permissions-policy"), PERMISSIONS);
    if state.config.secure_cookies() {
        set(STRICT_TRANSPORT_SECURITY, HSTS);
    }
    response
}

/// The header a script of ours may send, with the page's anti-forgery token,
/// when its browser sends neither `Origin` nor `Sec-Fetch-Site`.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Methods that change something.
pub fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE)
}

/// Whether a request that carries our cookies came from our own pages: a
/// same-origin `Origin`, or `Sec-Fetch-Site: same-origin`, or the session's
/// anti-forgery token in [`CSRF_HEADER`]. Another site can make a browser
/// send the cookie, but none of these.
pub fn from_our_pages(headers: &HeaderMap, config: &Config, csrf: &str) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(origin) = header("origin")
        && origin != "null"
    {
        return config.origin().is_some_and(|ours| ours == origin);
    }
    if header("sec-fetch-site").is_some_and(|site| site == "same-origin") {
        return true;
    }
    header(CSRF_HEADER).is_some_and(|token| !csrf.is_empty() && same_secret(token, csrf))
}

pub use aula_storage::secrets::same_secret;

#[cfg(test)]
mod tests {
    use super::*;

    fn config(base_url: &str) -> Config {
        Config::new(base_url.to_owned())
    }

    fn with(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_static(value));
        }
        headers
    }

    #[test]
    fn issue_15_only_our_own_pages_pass() {
        let config = config("https://aula.example.org");
        let token = "a".repeat(43);
        let passes = |pairs: &[(&'static str, &'static str)]| from_our_pages(&with(pairs), &config, &token);
        assert!(passes(&[("origin", "https://aula.example.org")]));
        assert!(!passes(&[("origin", "https://aula.example.org:443")]));
        assert!(passes(&[("sec-fetch-site", "same-origin")]));
        assert!(!passes(&[]));
        assert!(!passes(&[("origin", "https://evil.example")]));
        assert!(!passes(&[("origin", "http://aula.example.org")]));
        assert!(!passes(&[
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "same-origin")
        ]));
        assert!(!passes(&[("sec-fetch-site", "cross-site")]));
        assert!(!passes(&[("sec-fetch-site", "same-site")]));
        assert!(!passes(&[("origin", "null")]));
        assert!(!passes(&[(CSRF_HEADER, "wrong")]));
        let mut headers = HeaderMap::new();
        headers.insert(CSRF_HEADER, HeaderValue::from_str(&token).expect("token"));
        assert!(from_our_pages(&headers, &config, &token));
        assert!(!from_our_pages(&headers, &config, ""));
    }

    #[test]
    fn issue_15_the_origin_is_the_base_urls() {
        assert_eq!(
            config("https://aula.example.org/").origin().as_deref(),
            Some("https://aula.example.org")
        );
        assert_eq!(
            config("http://127.0.0.1:8080").origin().as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(
            config("https://Aula.Example.org:443/x").origin().as_deref(),
            Some("https://aula.example.org")
        );
    }
}
