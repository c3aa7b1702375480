//! The certificates export: a ZIP of the PDFs and a CSV register, streamed
//! (organisers, and accreditors for their body).

use aula_storage::certificates::{self, CertificateFilter};
use aula_storage::entities::certificate;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use super::list::{CertificateQuery, filter_for};
use super::{hours, sheet};
use crate::kit::api::ApiError;
use crate::kit::extract::ApiQuery;
use crate::kit::spreadsheet::{Cell, Sheet, number};
use crate::{AppResult, AppState, Ctx};

// ----- the export: a ZIP of PDFs and a CSV register, streamed --------------

/// A writer whose bytes are taken out as they come, so the ZIP goes to the
/// client piece by piece.
#[derive(Clone, Default)]
struct Pipe(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Pipe {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.lock() {
            Ok(mut bytes) => {
                bytes.extend_from_slice(buf);
                Ok(buf.len())
            }
            Err(_) => Err(std::io::Error::other("pipe poisoned")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Pipe {
    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .map(|mut bytes| std::mem::take(&mut *bytes))
            .unwrap_or_default()
    }
}

fn register_line(c: &certificate::Model) -> Vec<Cell> {
    vec![
        Cell::from(&c.number),
        Cell::from(&c.holder_name),
        Cell::from(&c.course_title),
        number(format!("{:.2}", hours(c.attended_minutes))),
        Cell::from(c.starts_on.to_string()),
        Cell::from(c.ends_on.to_string()),
        Cell::from(c.issued_on.to_string()),
        // A withdrawn one said `valid` (session 29's attack round).
        Cell::from(certificates::Standing::of(c).as_str()),
        Cell::from(&c.verification_code),
    ]
}

/// Streams the ZIP: one batch of certificates at a time is read, drawn and
/// written, so memory holds one batch of PDFs; only the CSV register and the
/// ZIP's index grow with the count (1 to 2 KB a certificate).
fn export(state: AppState, filter: CertificateFilter) -> Response {
    let (sender, receiver) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    tokio::spawn(async move {
        let pipe = Pipe::default();
        let mut zip = zip::ZipWriter::new_stream(pipe.clone());
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        let mut register = Sheet::default();
        // An accreditor's register names each holder by the identifier its
        // body asks for, where it asks for one (issue 20); nobody else's does.
        let accreditors = filter.organisation.is_none() && filter.body_id.is_some();
        let mut header = vec![
            "number",
            "holder",
            "course",
            "hours",
            "starts_on",
            "ends_on",
            "issued_on",
            "status",
            "verification_code",
        ];
        if accreditors {
            header.insert(2, "holder_identifier");
        }
        let _ = register.row(header);
        let mut after = None;
        loop {
            let batch = match certificates::batch(&state.db, &filter, after, 100).await {
                Ok(batch) => batch,
                Err(err) => {
                    let _ = sender.send(Err(std::io::Error::other(err.to_string()))).await;
                    return;
                }
            };
            if batch.is_empty() {
                break;
            }
            after = batch.last().map(|c| c.id);
            let identifiers = match super::identifiers_for(&state, &filter, &batch).await {
                Ok(identifiers) => identifiers,
                Err(err) => {
                    let _ = sender.send(Err(std::io::Error::other(format!("{err:?}")))).await;
                    return;
                }
            };
            // Drawing is CPU work: it runs on the blocking pool, a batch at a
            // time, so it never holds one of the runtime's request threads.
            let mut sheets = Vec::with_capacity(batch.len());
            // A withdrawn certificate has its line in the register and no
            // PDF: it names nobody (issue 21).
            for c in batch.iter().filter(|c| c.withdrawn_at.is_none()) {
                match sheet::drawn(&state.db, c, &state.config.base_url).await {
                    Ok(sheet) => sheets.push(sheet),
                    Err(err) => {
                        let _ = sender.send(Err(std::io::Error::other(err.to_string()))).await;
                        return;
                    }
                }
            }
            let drawn = tokio::task::spawn_blocking(move || {
                sheets
                    .iter()
                    .map(aula_documents::certificate::certificate)
                    .collect::<Result<Vec<_>, _>>()
            })
            .await;
            let pdfs = match drawn {
                Ok(Ok(pdfs)) => pdfs,
                Ok(Err(err)) => {
                    let _ = sender.send(Err(std::io::Error::other(err.to_string()))).await;
                    return;
                }
                Err(err) => {
                    let _ = sender.send(Err(std::io::Error::other(err.to_string()))).await;
                    return;
                }
            };
            let mut pdfs = pdfs.into_iter();
            for c in &batch {
                let mut line = register_line(c);
                if accreditors {
                    let identifier = identifiers.get(&c.registration_id).map_or("", String::as_str);
                    line.insert(2, Cell::from(identifier));
                }
                let _ = register.row(line);
                if c.withdrawn_at.is_some() {
                    continue;
                }
                let Some(pdf) = pdfs.next() else { break };
                use std::io::Write as _;
                let written = zip
                    .start_file(format!("{}.pdf", c.number), options)
                    .map_err(std::io::Error::other)
                    .and_then(|()| zip.write_all(&pdf));
                if let Err(err) = written {
                    let _ = sender.send(Err(err)).await;
                    return;
                }
                let chunk = pipe.take();
                if !chunk.is_empty() && sender.send(Ok(chunk)).await.is_err() {
                    return; // The client went away.
                }
            }
        }
        let csv = register.into_bytes().unwrap_or_default();
        use std::io::Write as _;
        let finished = zip
            .start_file("register.csv", options)
            .map_err(std::io::Error::other)
            .and_then(|()| zip.write_all(&csv))
            .and_then(|()| zip.finish().map(|_| ()).map_err(std::io::Error::other));
        match finished {
            Ok(()) => {
                let _ = sender.send(Ok(pipe.take())).await;
            }
            Err(err) => {
                let _ = sender.send(Err(err)).await;
            }
        }
    });
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        receiver.recv().await.map(|item| (item, receiver))
    });
    (
        [
            (CONTENT_TYPE, "application/zip"),
            (CONTENT_DISPOSITION, "attachment; filename=\"certificates.zip\""),
        ],
        axum::body::Body::from_stream(stream),
    )
        .into_response()
}

/// Every certificate the asker may see (with the list's filters, not its
/// pages: all of them), as a ZIP of PDFs with a CSV register; streamed.
#[utoipa::path(get, path = "/api/v1/certificates/export", tag = "certificates",
    params(
        ("session_id" = Option<Uuid>, Query, description = "One session's certificates"),
        ("course_id" = Option<Uuid>, Query, description = "One course's certificates"),
        ("body_id" = Option<Uuid>, Query, description = "Organisers only: one accrediting body's certificates"),
        ("from" = Option<NaiveDate>, Query, description = "Issued on or after this day (`YYYY-MM-DD`)"),
        ("to" = Option<NaiveDate>, Query, description = "Issued on or before this day"),
        ("status" = Option<String>, Query, description = "`valid` (neither revoked nor withdrawn), `revoked` or `withdrawn` (its holder erased)"),
    ),
    responses((status = 200, content_type = "application/zip", description = "PDFs and register.csv"),
        (status = 403, body = ApiError),
        (status = 422, body = ApiError, description = "An unknown `status`")))]
pub(crate) async fn export_api(ctx: Ctx, ApiQuery(query): ApiQuery<CertificateQuery>) -> AppResult<Response> {
    let filter = filter_for(&ctx, &query)?;
    Ok(export(ctx.state, filter))
}
