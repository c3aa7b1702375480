//! Programmes: funded projects grouping courses. Organisers manage them.

use askama::Template;
use aula_domain::details::ProgrammeDetails;
use aula_domain::meeting::parse_optional_date;
use aula_domain::{FieldErrors, Role, Text};
use aula_storage::entities::programme;
use aula_storage::programmes;
use axum::extract::State;
use axum::response::Response;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::{ApiError, ArchivedPaging, Paginated, created};
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiJson, ApiPath, ApiQuery};
use crate::kit::forms::EditForm;
use crate::kit::input;
use crate::kit::pages::{Chrome, FormErrors, Pager, render};
use crate::{AppResult, AppState, Ctx};

const STAFF: &[Role] = &[Role::Organiser];

/// A programme as an organiser writes it (form or JSON).
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeInput {
    pub title: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub funder: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub description: String,
    /// `YYYY-MM-DD`, or empty.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub starts_on: String,
    /// `YYYY-MM-DD`, or empty; not before `starts_on`.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub ends_on: String,
}

impl TryFrom<&ProgrammeInput> for ProgrammeDetails {
    type Error = FieldErrors;

    fn try_from(input: &ProgrammeInput) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::new();
        let title = errors.take("title", Text::parse(&input.title));
        let funder = errors.take("funder", Text::parse_optional(&input.funder));
        let description = errors.take("description", Text::parse_optional(&input.description));
        let starts_on = errors.take("starts_on", parse_optional_date(&input.starts_on));
        let ends_on = errors.take("ends_on", parse_optional_date(&input.ends_on));
        let (Some(title), Some(funder), Some(description), Some(starts_on), Some(ends_on)) =
            (title, funder, description, starts_on, ends_on)
        else {
            return Err(errors);
        };
        ProgrammeDetails::new(ProgrammeDetails {
            title,
            funder,
            description,
            starts_on,
            ends_on,
        })
    }
}

impl From<&programme::Model> for ProgrammeInput {
    fn from(p: &programme::Model) -> Self {
        ProgrammeInput {
            title: p.title.clone(),
            funder: p.funder.clone().unwrap_or_default(),
            description: p.description.clone().unwrap_or_default(),
            starts_on: p.starts_on.map(|d| d.to_string()).unwrap_or_default(),
            ends_on: p.ends_on.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeOut {
    pub id: Uuid,
    pub title: String,
    pub funder: Option<String>,
    pub description: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When it was archived, with its courses (issue 20); null while live.
    pub archived_at: Option<DateTime<Utc>>,
}

impl From<programme::Model> for ProgrammeOut {
    fn from(p: programme::Model) -> Self {
        ProgrammeOut {
            id: p.id,
            title: p.title,
            funder: p.funder,
            description: p.description,
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            created_at: p.created_at,
            updated_at: p.updated_at,
            archived_at: p.archived_at,
        }
    }
}

/// List programmes, newest first; archived ones only with `archived=true`.
#[utoipa::path(get, path = "/api/v1/programmes", tag = "programmes", params(ArchivedPaging),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = Paginated<ProgrammeOut>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub(crate) async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiQuery(paging): ApiQuery<ArchivedPaging>,
) -> AppResult<axum::Json<Paginated<ProgrammeOut>>> {
    ctx.require(STAFF)?;
    let paged = programmes::list(&state.db, ctx.org()?, paging.archived(), paging.page()?).await?;
    Ok(axum::Json(Paginated::from(paged, ProgrammeOut::from)))
}

/// Create a programme.
#[utoipa::path(post, path = "/api/v1/programmes", tag = "programmes", request_body = ProgrammeInput,
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 201, body = ProgrammeOut), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 422, body = ApiError)))]
pub(crate) async fn create(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiJson(input): ApiJson<ProgrammeInput>,
) -> AppResult<Response> {
    let programme = store(&ctx, &state, None, &input).await?;
    let location = format!("/api/v1/programmes/{}", programme.id);
    Ok(created(location, ProgrammeOut::from(programme)))
}

/// One programme.
#[utoipa::path(get, path = "/api/v1/programmes/{id}", tag = "programmes", params(("id" = Uuid, Path)),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = ProgrammeOut), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError)))]
pub(crate) async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<axum::Json<ProgrammeOut>> {
    ctx.require(STAFF)?;
    Ok(axum::Json(programmes::get(&state.db, ctx.org()?, id).await?.into()))
}

/// Change some fields of a programme.
#[utoipa::path(patch, path = "/api/v1/programmes/{id}", tag = "programmes", params(("id" = Uuid, Path)),
    request_body(content = serde_json::Value, description = "Any fields of ProgrammeInput"),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = ProgrammeOut), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn update(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> AppResult<axum::Json<ProgrammeOut>> {
    let current = programmes::get(&state.db, ctx.org()?, id).await?;
    let input = input::merge(&ProgrammeInput::from(&current), patch)?;
    Ok(axum::Json(store(&ctx, &state, Some(id), &input).await?.into()))
}

/// Creates the programme, or changes programme `id`.
async fn store(ctx: &Ctx, state: &AppState, id: Option<Uuid>, input: &ProgrammeInput) -> AppResult<programme::Model> {
    let details = ProgrammeDetails::try_from(input)?;
    let actor = ctx.actor()?;
    Ok(match id {
        Some(id) => programmes::update(&state.db, &actor, ctx.org()?, id, &details).await?,
        None => programmes::create(&state.db, &actor, ctx.org()?, &details).await?,
    })
}

#[derive(Template)]
#[template(path = "pages/programmes.html")]
struct ListPage {
    c: Chrome,
    programmes: Vec<programme::Model>,
    pager: Pager,
    /// Whether the archived ones are listed too (issue 20).
    archived: bool,
}

pub(crate) async fn list_page(
    ctx: Ctx,
    State(state): State<AppState>,
    ApiQuery(paging): ApiQuery<ArchivedPaging>,
) -> AppResult<Response> {
    ctx.require(STAFF)?;
    let paged = programmes::list(&state.db, ctx.org()?, paging.archived(), paging.page()?).await?;
    let pager = Pager::new(
        "/staff/programmes",
        &paging.params(),
        paged.page.page,
        paged.pages(),
        paged.total,
    );
    render(&ListPage {
        c: Chrome::new(&ctx),
        programmes: paged.items,
        pager,
        archived: paging.archived == Some(true),
    })
}

#[derive(Template)]
#[template(path = "pages/programme_form.html")]
pub(crate) struct FormPage {
    c: Chrome,
    /// `None` when creating.
    id: Option<Uuid>,
    form: ProgrammeInput,
    errors: FormErrors,
    /// When the programme was archived (issue 20); none while live or new.
    archived_at: Option<DateTime<Utc>>,
    /// The programme's courses (issue 20: its page is where to find them).
    courses: Vec<aula_storage::courses::CourseRecord>,
    /// Its sessions, upcoming first, as the staff's session list orders them.
    sessions: Vec<aula_storage::sessions::SessionRecord>,
    /// Its outreach beside training (issue 20), the latest first.
    outreach: Vec<aula_storage::outreach::OutreachRecord>,
}

/// A programme's courses and sessions, the first hundred of each.
async fn contents(
    ctx: &Ctx,
    state: &AppState,
    id: Uuid,
) -> AppResult<(
    Vec<aula_storage::courses::CourseRecord>,
    Vec<aula_storage::sessions::SessionRecord>,
)> {
    let org = ctx.org()?;
    let page = aula_storage::Page {
        page: 1,
        per_page: aula_storage::Page::MAX_PER_PAGE,
    };
    let courses = aula_storage::courses::list(
        &state.db,
        &aula_storage::courses::CourseFilter {
            organisation: Some(org),
            programme_id: Some(id),
            // Its page lists them all, the archived ones marked.
            archived: aula_storage::Archived::Shown,
            ..Default::default()
        },
        page,
    )
    .await?;
    let sessions = aula_storage::sessions::list(
        &state.db,
        &aula_storage::sessions::SessionFilter {
            organisation: Some(org),
            programme_id: Some(id),
            upcoming_first: Some(Utc::now()),
            ..Default::default()
        },
        page,
    )
    .await?;
    Ok((courses.items, sessions.items))
}

impl EditForm for ProgrammeInput {
    type Guard = Organiser;
    type Saved = programme::Model;
    type Page = FormPage;

    fn blank(_: &Ctx) -> Self {
        ProgrammeInput::default()
    }

    async fn current(ctx: &Ctx, state: &AppState, id: Uuid) -> AppResult<Self> {
        Ok((&programmes::get(&state.db, ctx.org()?, id).await?).into())
    }

    async fn save(ctx: &Ctx, state: &AppState, id: Option<Uuid>, form: &Self) -> AppResult<programme::Model> {
        store(ctx, state, id, form).await
    }

    fn saved_at(_: &programme::Model) -> String {
        "/staff/programmes".to_owned()
    }

    async fn page(
        ctx: &Ctx,
        state: &AppState,
        id: Option<Uuid>,
        form: Self,
        errors: FormErrors,
    ) -> AppResult<FormPage> {
        let (courses, sessions) = match id {
            Some(id) => contents(ctx, state, id).await?,
            None => Default::default(),
        };
        let outreach = match id {
            Some(id) => super::outreach::of_programme(ctx, state, id).await?,
            None => Vec::new(),
        };
        let archived_at = match id {
            Some(id) => programmes::get(&state.db, ctx.org()?, id).await?.archived_at,
            None => None,
        };
        Ok(FormPage {
            c: Chrome::new(ctx),
            id,
            form,
            errors,
            archived_at,
            courses,
            sessions,
            outreach,
        })
    }
}
