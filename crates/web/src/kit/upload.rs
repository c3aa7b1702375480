//! CSV uploads, shared by the imports of people (`registrations::import`)
//! and of online meeting reports (`attendance::online_report`): the upload
//! form's file, the API's `text/csv` body, the `map.<field>` overrides of the
//! guessed columns, and the 422 whose message is the file's problem.

use aula_domain::import::{self, Sheet};
use aula_domain::online_report::{ReportField, ReportMapping};
use aula_domain::{FieldErrors, Problem};
use aula_storage::imports::{self as drafts, Draft};
use axum::body::Bytes;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use crate::{AppError, AppResult, Ctx};

/// The file as text (in an encoding [`import::decode`] knows) without NUL
/// characters (binary files have them, and PostgreSQL would not store them).
pub(crate) fn text_of(bytes: &[u8]) -> Result<String, Problem> {
    match import::decode(bytes) {
        Some(text) if !text.contains('\0') => Ok(text),
        _ => Err(Problem::new("error-csv-encoding")),
    }
}

/// A 422 in the API's error format whose message is the problem itself.
pub(crate) fn api_invalid(ctx: &Ctx, field: &str, problem: &Problem) -> Response {
    let message = ctx.tr().problem(problem);
    let body = serde_json::json!({
        "error": "invalid",
        "message": message,
        "fields": { field: [message] },
    });
    (StatusCode::UNPROCESSABLE_ENTITY, axum::Json(body)).into_response()
}

/// An API upload is the file itself, `Content-Type: text/csv`; anything else
/// is a 415.
pub(crate) fn require_csv(headers: &HeaderMap) -> AppResult<()> {
    // Any charset: the file is decoded by what it holds (a BOM, UTF-8 or
    // a Windows code page), as a spreadsheet saved it.
    let is_csv = crate::kit::extract::media_type(headers).is_some_and(|(essence, _)| essence == "text/csv");
    if is_csv {
        Ok(())
    } else {
        Err(AppError::UnsupportedMediaType("text/csv"))
    }
}

/// The API body read as a sheet by `read` (people's files and participant
/// reports are read differently): a body over the limit is a 413, one that
/// cannot be read a 400; a file that is not a readable CSV is the inner
/// `Err`, for the caller to answer with [`api_invalid`].
pub(crate) fn sheet_of_body(
    body: Result<Bytes, BytesRejection>,
    read: impl FnOnce(&[u8]) -> Result<Sheet, Problem>,
) -> AppResult<Result<Sheet, Problem>> {
    Ok(read(&body_bytes(body)?))
}

/// An API body's bytes: over the limit a 413, unreadable a 400.
pub(crate) fn body_bytes(body: Result<Bytes, BytesRejection>) -> AppResult<Bytes> {
    body.map_err(|err| {
        if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::TooLarge
        } else {
            AppError::bad_request("error-body")
        }
    })
}

/// A people's file as a sheet: text (see [`text_of`]).
pub(crate) fn people_sheet(bytes: &[u8]) -> Result<Sheet, Problem> {
    text_of(bytes).and_then(|text| import::read(text.as_bytes()))
}

/// A yes/no query parameter: `true`/`1`, `false`/`0`/empty; anything else
/// is `error-choice` on `key` (and reads as no).
pub(crate) fn flag(key: &str, value: &str, errors: &mut FieldErrors) -> bool {
    match value {
        "true" | "1" => true,
        "false" | "0" | "" => false,
        _ => {
            errors.add(key, Problem::new("error-choice"));
            false
        }
    }
}

/// Which column holds which field: the guess from a file's header, that a
/// caller's `map.<field>=<header name>` may override.
pub(crate) trait Columns {
    type Field: Copy;
    fn field_name(field: Self::Field) -> &'static str;
    fn parse_field(name: &str) -> Option<Self::Field>;
    fn set(&mut self, field: Self::Field, column: usize);
    fn unset(&mut self, field: Self::Field);
}

impl Columns for import::Mapping {
    type Field = import::Field;
    fn field_name(field: import::Field) -> &'static str {
        field.as_str()
    }
    fn parse_field(name: &str) -> Option<import::Field> {
        import::Field::parse(name)
    }
    fn set(&mut self, field: import::Field, column: usize) {
        import::Mapping::set(self, field, column)
    }
    fn unset(&mut self, field: import::Field) {
        import::Mapping::unset(self, field)
    }
}

impl Columns for ReportMapping {
    type Field = ReportField;
    fn field_name(field: ReportField) -> &'static str {
        field.as_str()
    }
    fn parse_field(name: &str) -> Option<ReportField> {
        ReportField::parse(name)
    }
    fn set(&mut self, field: ReportField, column: usize) {
        ReportMapping::set(self, field, column)
    }
    fn unset(&mut self, field: ReportField) {
        ReportMapping::unset(self, field)
    }
}

/// `mapping` (the guess from `sheet`'s header) with the caller's choices
/// over it: an empty header name unsets the field; a name the header does
/// not have is `no_column` on `map.<field>`.
pub(crate) fn with_overrides<M: Columns>(
    mut mapping: M,
    sheet: &Sheet,
    overrides: &[(M::Field, String)],
    no_column: &'static str,
) -> Result<M, FieldErrors> {
    let mut errors = FieldErrors::new();
    for (field, header) in overrides {
        if header.is_empty() {
            mapping.unset(*field);
            continue;
        }
        match sheet
            .headers
            .iter()
            .position(|h| h.trim().to_lowercase() == header.to_lowercase())
        {
            Some(column) => mapping.set(*field, column),
            None => errors.add(
                &format!("map.{}", M::field_name(*field)),
                Problem::new(no_column).with("column", header),
            ),
        }
    }
    if errors.is_empty() { Ok(mapping) } else { Err(errors) }
}

/// `mapping` (the guess from `sheet`'s header) with a report page's
/// `map.<field>=<column index>` pairs over it (an empty index unsets the
/// field); an unknown field or a column the sheet does not have is a 400.
pub(crate) fn with_columns<M: Columns>(mut mapping: M, sheet: &Sheet, pairs: &[(String, String)]) -> AppResult<M> {
    for (key, value) in pairs {
        let Some(name) = key.strip_prefix("map.") else {
            continue;
        };
        let field = M::parse_field(name).ok_or_else(|| AppError::bad_request("error-query"))?;
        let value = value.trim();
        if value.is_empty() {
            mapping.unset(field);
            continue;
        }
        let column = value
            .parse::<usize>()
            .ok()
            .filter(|c| *c < sheet.headers.len())
            .ok_or_else(|| AppError::bad_request("error-query"))?;
        mapping.set(field, column);
    }
    Ok(mapping)
}

/// An upload form's file kept as a draft of session `session_id`'s import:
/// `read` gives the text the draft keeps and what the caller needs of it.
/// No file (`no_file`) or a file `read` refuses is the inner `Err`, for the
/// upload form again.
pub(crate) async fn draft_of_upload<T>(
    ctx: &Ctx,
    multipart: Result<Multipart, MultipartRejection>,
    session_id: Uuid,
    no_file: &'static str,
    read: impl FnOnce(&[u8]) -> Result<(String, T), Problem>,
) -> AppResult<Result<(Draft, T), Problem>> {
    let Some((name, bytes)) = read_upload(ctx, multipart).await? else {
        return Ok(Err(Problem::new(no_file)));
    };
    let (content, read) = match read(&bytes) {
        Ok(read) => read,
        Err(problem) => return Ok(Err(problem)),
    };
    let user = ctx.user()?;
    let draft = drafts::save(&ctx.state.db, session_id, user.user.id, &name, &content).await?;
    Ok(Ok((draft, read)))
}

fn multipart_error(err: axum::extract::multipart::MultipartError) -> AppError {
    if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::TooLarge
    } else {
        AppError::bad_request("error-body")
    }
}

/// The name of an uploaded file without the folders some browsers send.
fn base_name(name: &str) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    // Nor direction formatting: `\u{202E}vsc.exe` turned the page's line
    // around after it (session 27's attack round). A name is a label.
    name.chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .take(200)
        .collect()
}

/// An upload form's file (`multipart/form-data`, which `CsrfForm` does not
/// read): its anti-forgery token checked here, the file's name and bytes.
/// `None` when no file was chosen.
pub(crate) async fn read_upload(
    ctx: &Ctx,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Option<(String, Bytes)>> {
    let mut multipart = multipart.map_err(|_| AppError::UnsupportedMediaType("multipart/form-data"))?;
    let mut token = String::new();
    let mut file: Option<(String, Bytes)> = None;
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("csrf") => token = field.text().await.map_err(multipart_error)?,
            Some("file") => {
                let name = base_name(field.file_name().unwrap_or_default());
                file = Some((name, field.bytes().await.map_err(multipart_error)?));
            }
            _ => {}
        }
    }
    if !aula_storage::secrets::same_secret(&token, &ctx.csrf) {
        return Err(AppError::Csrf);
    }
    Ok(file.filter(|(name, bytes)| !name.is_empty() || !bytes.is_empty()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_name_is_its_last_part_without_controls_or_direction_formatting() {
        assert_eq!(super::base_name("C:\\Users\\ana\\inscritos.csv"), "inscritos.csv");
        assert_eq!(super::base_name("\u{202E}vsc.exe\u{2066}"), "vsc.exe");
        assert_eq!(super::base_name(" قائمة\u{0}.csv "), "قائمة.csv");
    }
}
