//! Programmes: funded projects grouping courses. Organisers manage them.

use askama::Template;
use aula_domain::details::{Funder, Partner, ProgrammeDetails, ShortText};
use aula_domain::meeting::parse_optional_date;
use aula_domain::{FieldErrors, Role, Text};
use aula_storage::entities::programme;
use aula_storage::programmes;
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

/// Who funds a programme (issue 20).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FunderInput {
    #[serde(default, deserialize_with = "input::loose_text")]
    pub name: String,
    /// The funder's reference for the programme (a grant agreement's number), or empty.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub reference: String,
}

/// An organisation a programme is run with (issue 20).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerInput {
    #[serde(default, deserialize_with = "input::loose_text")]
    pub name: String,
    /// What they do in it, or empty.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub role: String,
}

/// A programme as an organiser writes it (form or JSON).
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeInput {
    pub title: String,
    /// One funder's name, as integrations wrote it before `funders`; the
    /// funders' names as one line when read. Ignored when `funders` is given.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub funder: String,
    /// Who funds it, in the order its reports name them, each with its
    /// reference (issue 20; at most 12).
    #[serde(default)]
    pub funders: Option<Vec<FunderInput>>,
    /// The organisations it is run with, in order (at most 30).
    #[serde(default)]
    pub partners: Option<Vec<PartnerInput>>,
    /// The body that commissioned it (e.g. a city), or empty; its courses
    /// and sessions are its unless they name their own.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub commissioner: String,
    /// The commissioning contract's reference, or empty (needs a `commissioner`).
    #[serde(default, deserialize_with = "input::loose_text")]
    pub contract_reference: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub description: String,
    /// `YYYY-MM-DD`, or empty.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub starts_on: String,
    /// `YYYY-MM-DD`, or empty; not before `starts_on`.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub ends_on: String,
    /// The form's rows of funders and partners (a name and its reference
    /// or role, row by row); integrations send `funders` and `partners`.
    #[serde(default, skip_serializing, deserialize_with = "input::loose_list")]
    #[schema(ignore)]
    pub funder_name: Vec<String>,
    #[serde(default, skip_serializing, deserialize_with = "input::loose_list")]
    #[schema(ignore)]
    pub funder_reference: Vec<String>,
    #[serde(default, skip_serializing, deserialize_with = "input::loose_list")]
    #[schema(ignore)]
    pub partner_name: Vec<String>,
    #[serde(default, skip_serializing, deserialize_with = "input::loose_list")]
    #[schema(ignore)]
    pub partner_role: Vec<String>,
}

/// The rows of two columns sent side by side (a name and its detail), the
/// blank ones left out.
fn rows(names: &[String], details: &[String]) -> Vec<(String, String)> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| (name.clone(), details.get(i).cloned().unwrap_or_default()))
        .filter(|(name, detail)| !name.trim().is_empty() || !detail.trim().is_empty())
        .collect()
}

impl ProgrammeInput {
    /// The funders as (name, reference): the JSON's list, else the form's
    /// rows, else an older integration's one `funder`.
    fn funder_rows(&self) -> Vec<(String, String)> {
        match &self.funders {
            Some(list) => list.iter().map(|f| (f.name.clone(), f.reference.clone())).collect(),
            None if !self.funder_name.is_empty() => rows(&self.funder_name, &self.funder_reference),
            None if !self.funder.trim().is_empty() => vec![(self.funder.clone(), String::new())],
            None => Vec::new(),
        }
    }

    /// The partners as (name, role): the JSON's list, else the form's rows.
    fn partner_rows(&self) -> Vec<(String, String)> {
        match &self.partners {
            Some(list) => list.iter().map(|p| (p.name.clone(), p.role.clone())).collect(),
            None => rows(&self.partner_name, &self.partner_role),
        }
    }
}

/// Each row's name (required) and detail (optional), or the list's problems.
fn parse_rows<T>(
    errors: &mut FieldErrors,
    field: &str,
    rows: &[(String, String)],
    make: impl Fn(ShortText, Option<ShortText>) -> T,
) -> Option<Vec<T>> {
    let mut out = Vec::new();
    for (name, detail) in rows {
        let name = errors.take(field, Text::parse(name));
        let detail = errors.take(field, Text::parse_optional(detail));
        if let (Some(name), Some(detail)) = (name, detail) {
            out.push(make(name, detail));
        }
    }
    (out.len() == rows.len()).then_some(out)
}

impl TryFrom<&ProgrammeInput> for ProgrammeDetails {
    type Error = FieldErrors;

    fn try_from(input: &ProgrammeInput) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::new();
        let title = errors.take("title", Text::parse(&input.title));
        let funders = parse_rows(&mut errors, "funders", &input.funder_rows(), |name, reference| Funder {
            name,
            reference,
        });
        let partners = parse_rows(&mut errors, "partners", &input.partner_rows(), |name, role| Partner {
            name,
            role,
        });
        let commissioner = errors.take("commissioner", Text::parse_optional(&input.commissioner));
        let contract_reference = errors.take("contract_reference", Text::parse_optional(&input.contract_reference));
        let description = errors.take("description", Text::parse_optional(&input.description));
        let starts_on = errors.take("starts_on", parse_optional_date(&input.starts_on));
        let ends_on = errors.take("ends_on", parse_optional_date(&input.ends_on));
        let (
            Some(title),
            Some(funders),
            Some(partners),
            Some(commissioner),
            Some(contract_reference),
            Some(description),
            Some(starts_on),
            Some(ends_on),
        ) = (
            title,
            funders,
            partners,
            commissioner,
            contract_reference,
            description,
            starts_on,
            ends_on,
        )
        else {
            return Err(errors);
        };
        ProgrammeDetails::new(ProgrammeDetails {
            title,
            funders,
            partners,
            commissioner,
            contract_reference,
            description,
            starts_on,
            ends_on,
        })
    }
}

/// The programme as its form and a `PATCH` start from, with its funders
/// and partners.
async fn input_of(state: &AppState, p: &programme::Model) -> AppResult<ProgrammeInput> {
    let funders = programmes::funders(&state.db, p.id).await?;
    let partners = programmes::partners(&state.db, p.id).await?;
    Ok(ProgrammeInput {
        title: p.title.clone(),
        funder: p.funder.clone().unwrap_or_default(),
        funders: Some(
            funders
                .into_iter()
                .map(|f| FunderInput {
                    name: f.name,
                    reference: f.reference.unwrap_or_default(),
                })
                .collect(),
        ),
        partners: Some(
            partners
                .into_iter()
                .map(|p| PartnerInput {
                    name: p.name,
                    role: p.role.unwrap_or_default(),
                })
                .collect(),
        ),
        commissioner: p.commissioner.clone().unwrap_or_default(),
        contract_reference: p.contract_reference.clone().unwrap_or_default(),
        description: p.description.clone().unwrap_or_default(),
        starts_on: p.starts_on.map(|d| d.to_string()).unwrap_or_default(),
        ends_on: p.ends_on.map(|d| d.to_string()).unwrap_or_default(),
        ..Default::default()
    })
}

/// A funder as the API gives it.
#[derive(Serialize, ToSchema)]
pub struct FunderOut {
    pub name: String,
    pub reference: Option<String>,
    /// Whether it has a logo (`/api/v1/programmes/{id}/funders/{position}/logo`).
    pub has_logo: bool,
}

impl From<aula_storage::entities::programme_funder::Model> for FunderOut {
    fn from(f: aula_storage::entities::programme_funder::Model) -> Self {
        FunderOut {
            name: f.name,
            reference: f.reference,
            has_logo: f.logo_sha256.is_some(),
        }
    }
}

/// A partner as the API gives it.
#[derive(Serialize, ToSchema)]
pub struct PartnerOut {
    pub name: String,
    pub role: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeOut {
    pub id: Uuid,
    pub title: String,
    /// The funders' names as one line.
    pub funder: Option<String>,
    /// Who funds it, in order, with their references (issue 20).
    pub funders: Vec<FunderOut>,
    pub partners: Vec<PartnerOut>,
    pub commissioner: Option<String>,
    pub contract_reference: Option<String>,
    pub description: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When it was archived, with its courses (issue 20); null while live.
    pub archived_at: Option<DateTime<Utc>>,
}

impl ProgrammeOut {
    /// The programme with its funders and partners.
    pub async fn of(state: &AppState, p: programme::Model) -> AppResult<Self> {
        let funders = programmes::funders(&state.db, p.id).await?;
        let partners = programmes::partners(&state.db, p.id).await?;
        Ok(Self::with(p, funders, partners))
    }

    /// The programme with the funders and partners read already (its own, in order).
    fn with(
        p: programme::Model,
        funders: Vec<aula_storage::entities::programme_funder::Model>,
        partners: Vec<aula_storage::entities::programme_partner::Model>,
    ) -> Self {
        ProgrammeOut {
            id: p.id,
            title: p.title,
            funder: p.funder,
            funders: funders.into_iter().map(FunderOut::from).collect(),
            partners: partners
                .into_iter()
                .map(|p| PartnerOut {
                    name: p.name,
                    role: p.role,
                })
                .collect(),
            commissioner: p.commissioner,
            contract_reference: p.contract_reference,
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
    responses((status = 200, body = Paginated<ProgrammeOut>), (status = 403, body = ApiError)))]
pub(crate) async fn list(
    ctx: Ctx,
    ApiQuery(paging): ApiQuery<ArchivedPaging>,
) -> AppResult<axum::Json<Paginated<ProgrammeOut>>> {
    ctx.require(STAFF)?;
    let paged = programmes::list(&ctx.state.db, ctx.org()?, paging.archived(), paging.page()?).await?;
    // The page's funders and partners in two queries, not two a programme.
    let ids: Vec<Uuid> = paged.items.iter().map(|p| p.id).collect();
    let (funders, partners) = programmes::lists_of(&ctx.state.db, &ids).await?;
    Ok(axum::Json(Paginated::from(paged, |p| {
        let own_funders = funders.iter().filter(|f| f.programme_id == p.id).cloned().collect();
        let own_partners = partners.iter().filter(|f| f.programme_id == p.id).cloned().collect();
        ProgrammeOut::with(p, own_funders, own_partners)
    })))
}

/// Create a programme.
#[utoipa::path(post, path = "/api/v1/programmes", tag = "programmes", request_body = ProgrammeInput,
    responses((status = 201, body = ProgrammeOut), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn create(Organiser(ctx): Organiser, ApiJson(input): ApiJson<ProgrammeInput>) -> AppResult<Response> {
    let programme = store(&ctx, None, &input).await?;
    let location = format!("/api/v1/programmes/{}", programme.id);
    Ok(created(location, ProgrammeOut::of(&ctx.state, programme).await?))
}

/// One programme.
#[utoipa::path(get, path = "/api/v1/programmes/{id}", tag = "programmes", params(("id" = Uuid, Path)),
    responses((status = 200, body = ProgrammeOut), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn show(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<axum::Json<ProgrammeOut>> {
    ctx.require(STAFF)?;
    let programme = programmes::get(&ctx.state.db, ctx.org()?, id).await?;
    Ok(axum::Json(ProgrammeOut::of(&ctx.state, programme).await?))
}

/// Change some fields of a programme.
#[utoipa::path(patch, path = "/api/v1/programmes/{id}", tag = "programmes", params(("id" = Uuid, Path)),
    request_body(content = serde_json::Value, description = "Any fields of ProgrammeInput"),
    responses((status = 200, body = ProgrammeOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn update(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> AppResult<axum::Json<ProgrammeOut>> {
    let current = programmes::get(&ctx.state.db, ctx.org()?, id).await?;
    let before = input_of(&ctx.state, &current).await?;
    // An older integration's `funder` alone names the one funder, in place
    // of the list (which would otherwise win over it) — when it changes it:
    // one that sends back what it read (the names as one line) changes
    // nothing, and a name among the funders keeps its reference.
    let legacy = patch.get("funders").is_none()
        && patch
            .get("funder")
            .and_then(|f| f.as_str())
            .is_some_and(|f| f.trim() != before.funder.trim());
    // `"funders": null` is no funders (not the names line read back as one).
    let cleared = patch.get("funders").is_some_and(serde_json::Value::is_null);
    let mut input = input::merge(&before, patch)?;
    if cleared {
        input.funders = Some(Vec::new());
    }
    if legacy {
        let kept = before.funders.as_ref().and_then(|list| {
            list.iter()
                .find(|f| aula_domain::fold_for_search(&f.name) == aula_domain::fold_for_search(&input.funder))
        });
        input.funders = kept.map(|f| vec![f.clone()]);
    }
    let saved = store(&ctx, Some(id), &input).await?;
    Ok(axum::Json(ProgrammeOut::of(&ctx.state, saved).await?))
}

/// Creates the programme, or changes programme `id`.
async fn store(ctx: &Ctx, id: Option<Uuid>, input: &ProgrammeInput) -> AppResult<programme::Model> {
    let details = ProgrammeDetails::try_from(input)?;
    let actor = ctx.actor()?;
    Ok(aula_app::catalogue::save_programme(&ctx.state.app(), &actor, ctx.org()?, id, &details).await?)
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

pub(crate) async fn list_page(ctx: Ctx, ApiQuery(paging): ApiQuery<ArchivedPaging>) -> AppResult<Response> {
    ctx.require(STAFF)?;
    let paged = programmes::list(&ctx.state.db, ctx.org()?, paging.archived(), paging.page()?).await?;
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
    /// The funders' rows and the partners' (name, detail), with two blank
    /// rows to add more without JavaScript.
    funder_rows: Vec<(String, String)>,
    partner_rows: Vec<(String, String)>,
    /// The commissioning bodies named already, offered as the field is typed.
    commissioners: Vec<String>,
    /// The saved funders, with their logos (issue 20); none while new.
    funders: Vec<aula_storage::entities::programme_funder::Model>,
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
    /// A funder's logo refused: its place from 0, and why.
    pub(crate) logo_problem: Option<(i32, String)>,
}

/// The rows as they are, and two blank ones (up to `most` in all).
fn with_blank_rows(mut rows: Vec<(String, String)>, most: usize) -> Vec<(String, String)> {
    let wanted = (rows.len() + 2).min(most).max(rows.len());
    rows.resize(wanted, Default::default());
    rows
}

/// A programme's courses and sessions, the first hundred of each.
async fn contents(
    ctx: &Ctx,
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
        &ctx.state.db,
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
        &ctx.state.db,
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

    async fn current(ctx: &Ctx, id: Uuid) -> AppResult<Self> {
        input_of(&ctx.state, &programmes::get(&ctx.state.db, ctx.org()?, id).await?).await
    }

    async fn save(ctx: &Ctx, id: Option<Uuid>, form: &Self) -> AppResult<programme::Model> {
        store(ctx, id, form).await
    }

    fn saved_at(_: &programme::Model) -> String {
        "/staff/programmes".to_owned()
    }

    async fn page(ctx: &Ctx, id: Option<Uuid>, form: Self, errors: FormErrors) -> AppResult<FormPage> {
        let (courses, sessions) = match id {
            Some(id) => contents(ctx, id).await?,
            None => Default::default(),
        };
        let outreach = match id {
            Some(id) => super::outreach::of_programme(ctx, id).await?,
            None => Vec::new(),
        };
        let archived_at = match id {
            Some(id) => programmes::get(&ctx.state.db, ctx.org()?, id).await?.archived_at,
            None => None,
        };
        let commissioners = programmes::commissioners(&ctx.state.db, &[ctx.org()?]).await?;
        let funders = match id {
            Some(id) => programmes::funders(&ctx.state.db, id).await?,
            None => Vec::new(),
        };
        Ok(FormPage {
            funders,
            c: Chrome::new(ctx),
            id,
            funder_rows: with_blank_rows(form.funder_rows(), ProgrammeDetails::MOST_FUNDERS),
            partner_rows: with_blank_rows(form.partner_rows(), ProgrammeDetails::MOST_PARTNERS),
            commissioners,
            form,
            errors,
            archived_at,
            courses,
            sessions,
            outreach,
            logo_problem: None,
        })
    }
}
