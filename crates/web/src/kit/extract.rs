//! Our own extractors, so that a malformed path, query or body gets Aula's
//! error (in the user's language, JSON or HTML) instead of axum's plain text.

use aula_domain::{FieldErrors, Problem};
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::{AppError, Ctx};

/// A JSON object as the body; anything else is 400, 413, 415 or 422 with a
/// message that names the field.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        read_json(request, state, false).await.map(ApiJson)
    }
}

/// A JSON body that may be a list as well as an object (a roll call's marks).
pub struct ApiJsonOrList<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJsonOrList<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        read_json(request, state, true).await.map(ApiJsonOrList)
    }
}

async fn read_json<T: DeserializeOwned, S: Send + Sync>(
    request: Request,
    state: &S,
    list: bool,
) -> Result<T, AppError> {
    if !is_json(request.headers()) {
        return Err(AppError::UnsupportedMediaType("application/json"));
    }
    let bytes = Bytes::from_request(request, state).await.map_err(|err| {
        if err.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            AppError::TooLarge
        } else {
            AppError::bad_request("error-body")
        }
    })?;
    // serde reads a record from a list too, field by field in order
    // (`["Ana", "Director"]` made a signatory), and a number or a string is
    // no body at all: the top must be an object.
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => {}
        Some(b'[') if list => {}
        Some(b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => {
            return Err(AppError::bad_request("error-json-object"));
        }
        _ => return Err(AppError::bad_request("error-json-syntax")),
    }
    // A `serde_json::Value` keeps the last of two same-named fields without a
    // word; a record refuses them, so every body does.
    let mut keys = serde_json::Deserializer::from_slice(&bytes);
    serde_path_to_error::deserialize::<_, UniqueKeys>(&mut keys).map_err(refusal)?;
    let mut deserializer = serde_json::Deserializer::from_slice(&bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(refusal)?;
    deserializer
        .end()
        .map_err(|_| AppError::bad_request("error-json-syntax"))?;
    Ok(value)
}

/// `application/json` (or a `+json` type), in UTF-8: JSON has no other
/// encoding (RFC 8259), so a body said to be UTF-16 is refused, not misread.
fn is_json(headers: &axum::http::HeaderMap) -> bool {
    media_type(headers).is_some_and(|(essence, utf8)| utf8 && is_json_type(&essence))
}

/// `application/json`, or a JSON of its own (`application/ld+json`,
/// `application/vc+ld+json`); `essence` in lower case.
pub(crate) fn is_json_type(essence: &str) -> bool {
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// The body's media type: its essence (`type/subtype`, in lower case: the
/// names are case-insensitive, RFC 9110 8.3.1) and whether it is UTF-8 (or
/// names no charset). `Application/X-WWW-Form-Urlencoded` was refused
/// asking for itself, and `…-urlencoded-evil` or a UTF-16 form read as
/// UTF-8 (session 27's attack round).
pub(crate) fn media_type(headers: &axum::http::HeaderMap) -> Option<(String, bool)> {
    let value = headers.get(CONTENT_TYPE)?.to_str().ok()?;
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let utf8 = parts.all(|parameter| match parameter.split_once('=') {
        Some((name, charset)) if name.trim().eq_ignore_ascii_case("charset") => matches!(
            charset.trim().trim_matches('"').to_ascii_lowercase().as_str(),
            "utf-8" | "utf8" | "us-ascii"
        ),
        _ => true,
    });
    Some((essence, utf8))
}

/// The top level's keys, each once (values are skipped).
struct UniqueKeys;

impl<'de> serde::Deserialize<'de> for UniqueKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = UniqueKeys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<UniqueKeys, A::Error> {
                let mut seen = std::collections::HashSet::new();
                while let Some(key) = map.next_key::<String>()? {
                    if !seen.insert(key.clone()) {
                        return Err(serde::de::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(UniqueKeys)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<UniqueKeys, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(UniqueKeys)
            }
        }
        deserializer.deserialize_any(Keys)
    }
}

/// A value serde refused, as a field problem: serde's message names the
/// field and what was wrong ("missing field `title`", "invalid type: string,
/// expected u32"). It is English, so only the field's path (`venue.city`,
/// `meetings[0].starts_at`) is kept, as data, in a translated sentence, under
/// that field; a malformed document is 400.
pub fn refusal(err: serde_path_to_error::Error<serde_json::Error>) -> AppError {
    use serde_json::error::Category;
    if !matches!(err.inner().classify(), Category::Data) {
        return AppError::bad_request("error-json-syntax");
    }
    // Dotted, as the rules name the fields they refuse (`meetings.0.place`,
    // `questions.1.key`): serde's own `questions[1].kind` named the same
    // list two ways in one answer (session 29's attack round).
    let segments: Vec<String> = err
        .path()
        .iter()
        .map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => index.to_string(),
            serde_path_to_error::Segment::Map { key } => key.clone(),
            serde_path_to_error::Segment::Enum { variant } => variant.clone(),
            serde_path_to_error::Segment::Unknown => "?".to_owned(),
        })
        .collect();
    let path = match segments.is_empty() {
        true => ".".to_owned(),
        false => segments.join("."),
    };
    let message = err.inner().to_string();
    let named = message.split('`').nth(1).filter(|name| name.len() < 60);
    // The path is where serde was: at the record for a missing field, at
    // the field itself for an unknown one.
    let field = |name: Option<&str>| match (path.as_str(), name) {
        (".", Some(name)) => name.to_owned(),
        (".", None) => "body".to_owned(),
        (path, Some(name)) if path == name || path.ends_with(&format!(".{name}")) => path.to_owned(),
        (path, Some(name)) => format!("{path}.{name}"),
        (path, None) => path.to_owned(),
    };
    let (field, key) = if message.starts_with("missing field") {
        (field(named), "error-json-missing")
    } else if message.starts_with("unknown field") {
        (field(named), "error-unknown-field")
    } else if message.starts_with("duplicate field") {
        (field(named), "error-json-duplicate")
    } else if message.starts_with("unknown variant") {
        // A word of a closed list it does not have (`"kind": "essay"`): a
        // choice, not a type (session 29's attack round).
        (field(None), "error-choice")
    } else {
        (field(None), "error-json-type")
    };
    let field: String = field.chars().take(120).collect();
    let problem = aula_domain::Problem::new(key).with("field", field.clone());
    AppError::Invalid(aula_domain::FieldErrors::single(&field, problem))
}

/// Path parameters; a malformed id is simply not found.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| ApiPath(value))
            .map_err(|_: PathRejection| AppError::NotFound)
    }
}

/// A query string; one that does not parse is 400, or 422 naming the
/// parameter whose value is wrong. On the API a parameter the endpoint does
/// not read, or one given twice, is 422 naming it: a misspelt filter
/// (`session=` for `session_id=`) answered with everything, an export
/// included, and `dry_run=true&dry_run=false` ran for real (session 27's
/// attack round). Pages leave unknown ones alone: links come back from
/// newsletters and social networks with their tracking parameters.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
        // Percent-decoding replaces bytes that are not UTF-8 with U+FFFD: a
        // search for `%ff` would look for that and find nothing, silently.
        if pairs
            .iter()
            .any(|(k, v)| k.contains('\u{FFFD}') || v.contains('\u{FFFD}'))
        {
            return Err(AppError::bad_request("error-query"));
        }
        // More than any address of ours reads (a participant report's
        // import names one `match.<key>` a person): the checks below are
        // linear but for the few fields an endpoint reads (session 27's
        // review found them quadratic in the parameters).
        if pairs.len() > MAX_PARAMETERS {
            return Err(AppError::bad_request("error-query"));
        }
        let known = fields_of::<T>();
        if parts.uri.path().starts_with("/api/") {
            strict_query(known, &pairs)?;
        }
        serde_html_form::from_str(query).map(ApiQuery).map_err(|_| {
            // The parameter whose value is wrong: the first the endpoint
            // reads without which the rest reads.
            let culprit = known
                .into_iter()
                .flatten()
                .filter(|field| pairs.iter().any(|(k, _)| k == *field))
                .find(|field| {
                    let rest: Vec<&(String, String)> = pairs.iter().filter(|(k, _)| k != *field).collect();
                    serde_html_form::to_string(&rest).is_ok_and(|rest| serde_html_form::from_str::<T>(&rest).is_ok())
                });
            // A page's parameter given twice is told as the API tells it.
            let repeated = |key: &str| pairs.iter().filter(|(k, _)| k == key).count() > 1;
            match culprit {
                Some(key) if repeated(key) => {
                    AppError::Invalid(FieldErrors::single(key, Problem::new("error-query-repeated")))
                }
                Some(key) => AppError::Invalid(FieldErrors::single(key, Problem::new("error-query-value"))),
                None => AppError::bad_request("error-query"),
            }
        })
    }
}

/// The most parameters a query may have.
const MAX_PARAMETERS: usize = 2000;

/// Refuses a parameter given twice, and one `known` does not list (besides
/// `lang`, which every address takes), naming those it does.
fn strict_query(known: Option<&'static [&'static str]>, pairs: &[(String, String)]) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    let mut seen = std::collections::HashSet::new();
    for (key, _) in pairs {
        if !seen.insert(key.as_str()) {
            if errors.get(key).is_empty() {
                errors.add(key, Problem::new("error-query-repeated"));
            }
        } else if key != "lang"
            && let Some(known) = known
            && !known.contains(&key.as_str())
        {
            let mut names: Vec<&str> = known.to_vec();
            names.push("lang");
            errors.add(key, Problem::new("error-query-unknown").with("known", names.join(", ")));
        }
    }
    errors.into_result().map_err(AppError::Invalid)
}

/// The names of the fields `T`'s derived `Deserialize` reads: it names
/// them when it asks for a struct. `None` for a type that reads a map or
/// anything else (every name is then taken as known).
fn fields_of<T: DeserializeOwned>() -> Option<&'static [&'static str]> {
    use serde::de::{Error as _, Visitor, value::Error};

    struct Probe<'a>(&'a mut Option<&'static [&'static str]>);

    impl<'de> serde::Deserializer<'de> for Probe<'_> {
        type Error = Error;

        fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
            Err(Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _visitor: V,
        ) -> Result<V::Value, Error> {
            *self.0 = Some(fields);
            Err(Error::custom("probed"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }

    let mut fields = None;
    let _probed = T::deserialize(Probe(&mut fields));
    fields
}

/// An HTML form posted with its anti-forgery token (field `csrf`), which
/// must match the request's. Fields may repeat (`audiences=a&audiences=b`).
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let ctx = Ctx::from_request_parts(&mut parts, state).await?;
        let is_form = media_type(&parts.headers)
            .is_some_and(|(essence, utf8)| utf8 && essence == "application/x-www-form-urlencoded");
        if !is_form {
            return Err(AppError::UnsupportedMediaType("application/x-www-form-urlencoded"));
        }
        let bytes = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(|err| {
                if err.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::TooLarge
                } else {
                    AppError::bad_request("error-body")
                }
            })?;
        let pairs: Vec<(String, String)> =
            serde_html_form::from_bytes(&bytes).map_err(|_| AppError::bad_request("error-form"))?;
        // Percent-decoding replaces bytes that are not UTF-8 with U+FFFD;
        // refuse the form rather than store the replacement characters.
        if pairs
            .iter()
            .any(|(k, v)| k.contains('\u{FFFD}') || v.contains('\u{FFFD}'))
        {
            return Err(AppError::bad_request("error-encoding"));
        }
        let token = pairs
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or_default();
        if !aula_storage::secrets::same_secret(token, &ctx.csrf) {
            return Err(AppError::Csrf);
        }
        // The token is the form's envelope, not its content: inputs that
        // refuse unknown fields never see it.
        let content: Vec<&(String, String)> = pairs.iter().filter(|(k, _)| k != "csrf").collect();
        let encoded = serde_html_form::to_string(&content).map_err(|_| AppError::bad_request("error-form"))?;
        serde_html_form::from_str(&encoded)
            .map(CsrfForm)
            .map_err(|_| AppError::bad_request("error-form"))
    }
}

/// A form with nothing but its token (a button).
#[derive(serde::Deserialize)]
pub struct NoFields {}
