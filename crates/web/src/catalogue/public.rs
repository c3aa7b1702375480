//! The public catalogue: sessions to find, courses and sessions to read.

use crate::kit::audiences::AudienceWords;
use askama::Template;
use aula_domain::{Audience, Modality};
use aula_storage::courses::{self, CourseRecord};
use aula_storage::entities::region;
use aula_storage::sessions::{self, SessionFilter, SessionRecord};
use aula_storage::{Page, regions};
use axum::extract::RawQuery;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use uuid::Uuid;

use crate::kit::extract::{ApiPath, ApiQuery};
use crate::kit::pages::{Chrome, FormErrors, Pager, render};
use crate::sessions::visible;
use crate::{AppError, AppResult, Ctx};

/// The catalogue's filters as the form sends them; a value that does not
/// parse is shown as a problem beside its field and ignored.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct CatalogueQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    modality: String,
    #[serde(default)]
    region_id: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: Option<String>,
}

#[derive(Template)]
#[template(path = "pages/catalogue.html")]
struct CataloguePage {
    c: Chrome,
    query: CatalogueQuery,
    sessions: Vec<SessionRecord>,
    pager: Pager,
    errors: FormErrors,
    modalities: Vec<(String, String)>,
    audiences: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    /// Whether a filter is set (or refused): the filters then show unfolded.
    filtered: bool,
    /// Where the filters and pages point: `/`, or `/o/{slug}/`.
    base: String,
    /// The organisation whose catalogue this is (`/o/{slug}/`).
    organisation: Option<aula_storage::entities::organisation::Model>,
    /// On `/` of an instance with several: each one's catalogue (issue 17).
    organisations: Vec<aula_storage::entities::organisation::Model>,
}

impl CataloguePage {
    fn suspended(&self) -> bool {
        self.organisation
            .as_ref()
            .is_some_and(|o| o.status == aula_domain::OrganisationStatus::Suspended)
    }
}

/// `/`: with one organisation, its catalogue as before; with several, the
/// list of their catalogues above every open session of the instance.
pub(crate) async fn catalogue(ctx: Ctx, ApiQuery(query): ApiQuery<CatalogueQuery>) -> AppResult<Response> {
    // A suspended organisation is not listed (issue 17).
    let organisations: Vec<_> = aula_storage::organisations::list(&ctx.state.db)
        .await?
        .into_iter()
        .filter(|o| o.status == aula_domain::OrganisationStatus::Active)
        .collect();
    let organisations = if organisations.len() > 1 {
        organisations
    } else {
        Vec::new()
    };
    catalogue_of(ctx, query, None, organisations).await
}

/// `/o/{slug}` without its slash, as a link is typed or shortened: to the
/// catalogue (it was "page not found": session 27's attack round).
pub(crate) async fn organisation_home(
    ApiPath(slug): ApiPath<String>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let slug = aula_domain::OrganisationSlug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let target = match query.filter(|q| !q.is_empty()) {
        Some(query) => format!("/o/{}/?{query}", slug.as_str()),
        None => format!("/o/{}/", slug.as_str()),
    };
    Ok(axum::response::Redirect::permanent(&target).into_response())
}

/// `/o/{slug}/`: one organisation's public catalogue; a suspended one's
/// page says so and lists nothing.
pub(crate) async fn organisation_catalogue(
    ctx: Ctx,
    ApiPath(slug): ApiPath<String>,
    ApiQuery(query): ApiQuery<CatalogueQuery>,
) -> AppResult<Response> {
    let organisation = aula_storage::organisations::by_slug(&ctx.state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let organisation = super::branding::serving(organisation)?;
    catalogue_of(ctx, query, Some(organisation), Vec::new()).await
}

async fn catalogue_of(
    ctx: Ctx,
    query: CatalogueQuery,
    organisation: Option<aula_storage::entities::organisation::Model>,
    organisations: Vec<aula_storage::entities::organisation::Model>,
) -> AppResult<Response> {
    let mut errors = aula_domain::FieldErrors::new();
    let optional = |v: &str| {
        if v.trim().is_empty() {
            None
        } else {
            Some(v.trim().to_owned())
        }
    };
    // An audience or a region is one of the lists the form offers: one that
    // is not listed nothing, silently (session 29's attack round).
    let regions = regions::list(&ctx.state.db).await?;
    let audience_words = AudienceWords::load(&ctx.state.db, ctx.tr()).await?;
    let listed = |found: bool| match found {
        true => Ok(()),
        false => Err(aula_domain::Problem::new("error-unknown-choice")),
    };
    let modality = optional(&query.modality).and_then(|m| errors.take("modality", Modality::parse(&m)));
    let audience = optional(&query.audience).and_then(|a| {
        let code = Audience::parse(&a)
            .and_then(|a| listed(audience_words.all().any(|(known, _)| known.code == a)).map(|()| a));
        errors.take("audience", code)
    });
    let region_id = optional(&query.region_id).and_then(|r| {
        let id = crate::kit::input::parse_id(&r).and_then(|id| listed(regions.iter().any(|r| r.id == id)).map(|()| id));
        errors.take("region_id", id)
    });
    let from = optional(&query.from).and_then(|d| errors.take("from", aula_domain::meeting::parse_date(&d)));
    let to = optional(&query.to).and_then(|d| errors.take("to", aula_domain::meeting::parse_date(&d)));
    // By default, what is still to come; a date range looks anywhere.
    let today = Utc::now().date_naive();
    let start_of = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    let filter = SessionFilter {
        organisation: organisation.as_ref().map(aula_storage::organisations::id),
        public_only: true,
        modality,
        audience,
        region_id,
        from: start_of(from.unwrap_or(today)),
        until: to.and_then(|d| d.succ_opt()).and_then(start_of),
        text: errors.take("q", crate::kit::input::search_words(&query.q)).flatten(),
        ..SessionFilter::default()
    };
    let page_number = query.page.as_deref().and_then(|p| p.parse().ok());
    let suspended = organisation
        .as_ref()
        .is_some_and(|o| o.status == aula_domain::OrganisationStatus::Suspended);
    let page = Page::new(page_number, None, 12);
    let paged = if suspended {
        aula_storage::Paged {
            items: Vec::new(),
            page,
            total: 0,
        }
    } else {
        sessions::list(&ctx.state.db, &filter, page).await?
    };
    let base = match &organisation {
        Some(o) => format!("/o/{}/", o.slug),
        None => "/".to_owned(),
    };
    let params = [
        ("q", query.q.clone()),
        ("modality", query.modality.clone()),
        ("region_id", query.region_id.clone()),
        ("audience", query.audience.clone()),
        ("from", query.from.clone()),
        ("to", query.to.clone()),
    ];
    // The pager's links carry the filters the list used: a refused one (a
    // 50 KB search, say) is shown at its field, not repeated in every link.
    let used = params.clone().map(|(name, value)| {
        (
            name,
            if errors.get(name).is_empty() {
                value
            } else {
                String::new()
            },
        )
    });
    let pager = Pager::new(&base, &used, paged.page.page, paged.pages(), paged.total);
    let c = match &organisation {
        Some(o) => Chrome::new(&ctx).branded(o),
        None => Chrome::new(&ctx),
    };
    let filtered = !errors.is_empty() || params.iter().any(|(_, value)| !value.trim().is_empty());
    render(&CataloguePage {
        filtered,
        modalities: c.words("modality", Modality::ALL),
        // Every audience, retired ones too: courses may still be for them.
        audiences: audience_words
            .all()
            .map(|(a, word)| (a.code.to_string(), word))
            .collect(),
        regions: regions
            .into_iter()
            .map(|r: region::Model| (r.id.to_string(), r.name))
            .collect(),
        errors: FormErrors::new(c.tr, &errors),
        c,
        query,
        sessions: paged.items,
        pager,
        base,
        organisation,
        organisations,
    })
}

#[derive(Template)]
#[template(path = "pages/course.html")]
struct CoursePage {
    c: Chrome,
    record: CourseRecord,
    /// Its audiences in words.
    audiences: Vec<String>,
    sessions: Vec<SessionRecord>,
}

pub(crate) async fn course_page(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let record = courses::get(&ctx.state.db, id).await?;
    // An archived course is not in the catalogue (issue 20): as if unknown.
    if record.course.archived_at.is_some() {
        return Err(crate::AppError::NotFound);
    }
    let org = super::branding::serving_id(&ctx.state, record.course.organisation_id).await?;
    let filter = SessionFilter {
        public_only: true,
        course_id: Some(id),
        ..SessionFilter::default()
    };
    let sessions = sessions::list(&ctx.state.db, &filter, Page::new(None, Some(50), 50))
        .await?
        .items;
    let words = AudienceWords::load(&ctx.state.db, ctx.tr()).await?;
    render(&CoursePage {
        c: Chrome::new(&ctx).branded(&org),
        audiences: record.audiences.iter().map(|a| words.word(a.as_str())).collect(),
        record,
        sessions,
    })
}

/// A session's page, with its registration form; `?invitation=` carries a
/// private registration link's secret (issue 20) into the form.
pub(crate) async fn session_page(
    ctx: Ctx,
    ApiPath(id): ApiPath<Uuid>,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let record = visible(&ctx, id).await?;
    let invitation = url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .find(|(name, _)| name == "invitation")
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default();
    let form = crate::registrations::signup::RegistrationInput {
        language: ctx.lang.as_str().to_owned(),
        invitation,
        ..Default::default()
    };
    render(&crate::registrations::signup::SessionPage::new(&ctx, record, form, FormErrors::none()).await?)
}
