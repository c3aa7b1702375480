//! The list of certificates: organisers see all, accreditors their body's.

use askama::Template;
use aula_domain::{FieldErrors, Problem, Role};
use aula_storage::certificates::{self, CertificateFilter, Standing};
use aula_storage::entities::certificate;
use axum::Json;
use axum::response::Response;
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::CertificateOut;
use crate::kit::api::{ApiError, Paginated};
use crate::kit::extract::ApiQuery;
use crate::kit::pages::{Chrome, Pager, render};
use crate::{AppError, AppResult, Ctx};

// ----- the list: organisers, and accreditors for their body ----------------

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CertificateQuery {
    pub session_id: Option<Uuid>,
    pub course_id: Option<Uuid>,
    /// Organisers only: one accrediting body's certificates.
    pub body_id: Option<Uuid>,
    /// Issued on or after this day (`YYYY-MM-DD`).
    pub from: Option<NaiveDate>,
    /// Issued on or before this day.
    pub to: Option<NaiveDate>,
    /// `valid` (neither revoked nor withdrawn), `revoked` or `withdrawn`
    /// (its holder erased).
    pub status: Option<String>,
    pub page: Option<u64>,
    /// Items per page, 1 to 100; more is refused (422).
    pub per_page: Option<u64>,
}

/// The asker's filter: an accreditor is held to their body whatever they ask.
pub(super) fn filter_for(ctx: &Ctx, query: &CertificateQuery) -> AppResult<CertificateFilter> {
    let user = ctx.require(&[Role::Organiser, Role::Accreditor])?;
    let (organisation, body_id) = if user.has(Role::Organiser) {
        (Some(ctx.org()?), query.body_id)
    } else {
        (None, Some(user.user.accreditation_body_id.ok_or(AppError::Forbidden)?))
    };
    let standing = match query.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(word) => Some(
            Standing::parse(word)
                .ok_or_else(|| AppError::Invalid(FieldErrors::single("status", Problem::new("error-choice"))))?,
        ),
    };
    Ok(CertificateFilter {
        organisation,
        body_id,
        session_id: query.session_id,
        course_id: query.course_id,
        from: query.from,
        to: query.to,
        standing,
    })
}

/// Certificates: all for organisers, their body's for accreditors.
#[utoipa::path(get, path = "/api/v1/certificates", tag = "certificates", params(CertificateQuery),
    responses((status = 200, body = Paginated<CertificateOut>), (status = 403, body = ApiError)))]
pub(crate) async fn list_api(
    ctx: Ctx,
    ApiQuery(query): ApiQuery<CertificateQuery>,
) -> AppResult<Json<Paginated<CertificateOut>>> {
    let filter = filter_for(&ctx, &query)?;
    let page = crate::kit::api::page(query.page, query.per_page, 50)?;
    let paged = certificates::list(&ctx.state.db, &filter, page).await?;
    let identifiers = super::identifiers_for(&ctx.state, &filter, &paged.items).await?;
    Ok(Json(Paginated::from(paged, |c| CertificateOut {
        holder_identifier: identifiers.get(&c.registration_id).cloned(),
        ..CertificateOut::from(&c)
    })))
}

#[derive(Template)]
#[template(path = "pages/certificates.html")]
struct ListPage {
    c: Chrome,
    items: Vec<certificate::Model>,
    pager: Pager,
    total: u64,
    export: String,
    form: PageQuery,
    courses: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    /// The session the list is limited to, in words, with the address of
    /// the same list for every session.
    session: Option<String>,
    all_sessions: String,
    errors: crate::kit::pages::FormErrors,
    /// For an accreditor whose body asks for an identifier (issue 20): what
    /// it is called, and the holders' by registration.
    identifier_label: Option<String>,
    identifiers: std::collections::HashMap<Uuid, String>,
}

/// The page's filters as the form sends them: empty fields are no filter,
/// a value that does not parse is shown beside its field and ignored.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageQuery {
    #[serde(default)]
    session_id: String,
    #[serde(default)]
    course_id: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    status: String,
    page: Option<u64>,
}

fn day(input: &str) -> Result<Option<NaiveDate>, Problem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| Problem::new("error-date"))
}

pub(crate) async fn list_page(ctx: Ctx, ApiQuery(form): ApiQuery<PageQuery>) -> AppResult<Response> {
    show(&ctx, form, FieldErrors::new()).await
}

/// The list as its filters in `form` select it, with `errors` (a row's
/// refused revocation) besides those of the filters.
pub(crate) async fn show(ctx: &Ctx, form: PageQuery, mut errors: FieldErrors) -> AppResult<Response> {
    let query = CertificateQuery {
        session_id: errors
            .take("session_id", crate::kit::input::parse_optional_id(&form.session_id))
            .flatten(),
        course_id: errors
            .take("course_id", crate::kit::input::parse_optional_id(&form.course_id))
            .flatten(),
        body_id: None,
        from: errors.take("from", day(&form.from)).flatten(),
        to: errors.take("to", day(&form.to)).flatten(),
        // Beside its field like the others (it was an error page pointing
        // to fields the page does not have: session 28's attack round).
        status: match form.status.trim() {
            "" => None,
            word => errors
                .take("status", Standing::parse(word).ok_or(Problem::new("error-choice")))
                .map(|_| word.to_owned()),
        },
        page: form.page,
        per_page: None,
    };
    let filter = filter_for(ctx, &query)?;
    let session = match query.session_id {
        Some(id) => {
            let label = session_label(ctx, &filter, id).await?;
            if label.is_none() {
                errors.add("session_id", Problem::new("error-unknown-choice"));
            }
            label
        }
        None => None,
    };
    let paged = certificates::list(&ctx.state.db, &filter, aula_storage::Page::new(query.page, None, 50)).await?;
    let identifiers = super::identifiers_for(&ctx.state, &filter, &paged.items).await?;
    let identifier_label = match (filter.organisation, filter.body_id) {
        (None, Some(body)) => aula_storage::bodies::get(&ctx.state.db, body).await?.identifier_label,
        _ => None,
    };
    let mut params = Vec::new();
    if let Some(id) = query.session_id {
        params.push(("session_id", id.to_string()));
    }
    if let Some(id) = query.course_id {
        params.push(("course_id", id.to_string()));
    }
    if let Some(status) = &query.status {
        params.push(("status", status.clone()));
    }
    if let Some(day) = query.from {
        params.push(("from", day.to_string()));
    }
    if let Some(day) = query.to {
        params.push(("to", day.to_string()));
    }
    // The courses the asker may see certificates of: an organiser, their
    // organisation's; an accreditor, their body's, whichever organisation's.
    let courses = aula_storage::courses::list(
        &ctx.state.db,
        &aula_storage::courses::CourseFilter {
            organisation: filter.organisation,
            accreditation_body_id: filter.body_id,
            // Certificates of archived courses are still found by course (issue 20).
            archived: aula_storage::Archived::Shown,
            ..Default::default()
        },
        aula_storage::Page::new(Some(1), Some(100), 100),
    )
    .await?
    .items
    .into_iter()
    .filter(|c| filter.body_id.is_none() || c.course.accreditation_body_id == filter.body_id)
    .map(|c| (c.course.id.to_string(), c.course.title))
    .collect();
    let all_sessions = format!(
        "/staff/certificates?{}",
        params
            .iter()
            .filter(|(k, _)| *k != "session_id")
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    );
    let statuses = ["valid", "revoked", "withdrawn"]
        .into_iter()
        .map(|s| (s.to_owned(), ctx.tr().t(&format!("certificates-{s}"))))
        .collect();
    let pager = Pager::new(
        "/staff/certificates",
        &params,
        paged.page.page,
        paged.pages(),
        paged.total,
    );
    let export = format!(
        "/staff/certificates/export?{}",
        params
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    );
    render(&ListPage {
        c: Chrome::new(ctx),
        total: paged.total,
        items: paged.items,
        pager,
        export,
        form,
        courses,
        statuses,
        session,
        all_sessions,
        errors: crate::kit::pages::FormErrors::new(ctx.tr(), &errors),
        identifier_label,
        identifiers,
    })
}

/// The session of `id` in words (its course, its first day), where the
/// asker's filter may list its certificates: an organiser's own, an
/// accreditor's body's. `None` for another's or none: a filter that would
/// silently list nothing or everything.
async fn session_label(ctx: &Ctx, filter: &CertificateFilter, id: Uuid) -> AppResult<Option<String>> {
    let record = match filter.organisation {
        Some(org) => aula_storage::sessions::get_in(&ctx.state.db, org, id).await,
        None => aula_storage::sessions::get(&ctx.state.db, id).await,
    };
    let record = match record {
        Ok(record) => record,
        Err(aula_storage::StorageError::NotFound) => return Ok(None),
        Err(other) => return Err(other.into()),
    };
    if filter.body_id.is_some() && record.course.course.accreditation_body_id != filter.body_id {
        return Ok(None);
    }
    let title = record.course.course.title.clone();
    Ok(Some(match record.session.starts_at {
        Some(at) => format!("{title}, {}", ctx.tr().date(at, record.session.time_zone.tz())),
        None => title,
    }))
}
