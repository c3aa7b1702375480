//! Outreach beside training (issue 20): a programme's presentations,
//! information meetings, webinars, stands and distributions of materials,
//! and the walk-ins at their door. Organisers record them; the indicators
//! count them as reach, never as training.

use crate::kit::audiences::AudienceWords;
use askama::Template;
use aula_domain::details::{LongText, ShortText, Title};
use aula_domain::meeting::parse_date;
use aula_domain::outreach::{MaterialKind, OutreachDetails, OutreachKind, WalkIn, parse_count};
use aula_domain::{Audience, FieldErrors};
use aula_storage::entities::outreach_walk_in;
use aula_storage::outreach::{self, OutreachRecord};
use aula_storage::{programmes, regions};
use axum::response::{IntoResponse as _, Response};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::kit::api::{ApiError, Paginated, created};
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiJson, ApiPath, ApiQuery, CsrfForm, NoFields};
use crate::kit::forms::EditForm;
use crate::kit::input;
use crate::kit::pages::{Chrome, FormErrors, Pager, redirect_with, render, saved_or_page_again};
use crate::{AppResult, Ctx};

/// An outreach activity as an organiser writes it (form or JSON). Each
/// `material_*` is how many of that kind were handed out (blank or 0: none).
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutreachInput {
    pub programme_id: String,
    /// `presentation`, `information_meeting`, `webinar`, `stand` or
    /// `materials_distribution`.
    pub kind: String,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    /// A room or a town, or the channel a webinar was streamed on.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub place: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub region_id: String,
    /// An audience code, or empty for a mixed one.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub audience: String,
    /// The head count; never below the walk-ins written down.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub attendees: String,
    /// Who watched it streamed (live or afterwards).
    #[serde(default, deserialize_with = "input::loose_text")]
    pub viewers: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub material_leaflet: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub material_guide: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub material_poster: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub material_kit: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub material_other: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub notes: String,
}

impl OutreachInput {
    /// Each kind of material with its field's name and what was typed in it.
    fn materials(&self) -> [(MaterialKind, &'static str, &str); 5] {
        [
            (MaterialKind::Leaflet, "material_leaflet", &self.material_leaflet),
            (MaterialKind::Guide, "material_guide", &self.material_guide),
            (MaterialKind::Poster, "material_poster", &self.material_poster),
            (MaterialKind::Kit, "material_kit", &self.material_kit),
            (MaterialKind::Other, "material_other", &self.material_other),
        ]
    }
}

impl TryFrom<&OutreachInput> for OutreachDetails {
    type Error = FieldErrors;

    fn try_from(input: &OutreachInput) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::new();
        let programme_id = errors.take("programme_id", input::parse_id(&input.programme_id));
        let kind = errors.take("kind", OutreachKind::parse(&input.kind));
        let title = errors.take("title", Title::parse(&input.title));
        let held_on = errors.take("held_on", parse_date(&input.held_on));
        let place = errors.take("place", ShortText::parse_optional(&input.place));
        let region_id = errors.take("region_id", input::parse_optional_id(&input.region_id));
        let audience = errors.take(
            "audience",
            match input.audience.trim() {
                "" => Ok(None),
                code => Audience::parse(code).map(Some),
            },
        );
        let attendees = errors.take("attendees", parse_count(&input.attendees));
        let viewers = errors.take("viewers", parse_count(&input.viewers));
        let notes = errors.take("notes", LongText::parse_optional(&input.notes));
        let materials: Vec<Option<(MaterialKind, u32)>> = input
            .materials()
            .into_iter()
            .map(|(kind, field, typed)| errors.take(field, parse_count(typed)).map(|q| (kind, q)))
            .collect();
        let (
            Some(programme_id),
            Some(kind),
            Some(title),
            Some(held_on),
            Some(place),
            Some(region_id),
            Some(audience),
            Some(attendees),
            Some(viewers),
            Some(notes),
            Some(materials),
        ) = (
            programme_id,
            kind,
            title,
            held_on,
            place,
            region_id,
            audience,
            attendees,
            viewers,
            notes,
            materials.into_iter().collect::<Option<Vec<_>>>(),
        )
        else {
            return Err(errors);
        };
        Ok(OutreachDetails::new(OutreachDetails {
            programme_id,
            kind,
            title,
            held_on,
            place,
            region_id,
            audience,
            attendees,
            viewers,
            materials,
            notes,
        }))
    }
}

impl From<&OutreachRecord> for OutreachInput {
    fn from(r: &OutreachRecord) -> Self {
        let a = &r.activity;
        let quantity = |kind: MaterialKind| {
            r.materials
                .iter()
                .find(|(k, _)| *k == kind)
                .map(|(_, q)| q.to_string())
                .unwrap_or_default()
        };
        OutreachInput {
            programme_id: a.programme_id.to_string(),
            kind: a.kind.to_string(),
            title: a.title.clone(),
            held_on: a.held_on.to_string(),
            place: a.place.clone().unwrap_or_default(),
            region_id: a.region_id.map(|r| r.to_string()).unwrap_or_default(),
            audience: a.audience.as_ref().map(ToString::to_string).unwrap_or_default(),
            attendees: a.attendees.to_string(),
            viewers: a.viewers.to_string(),
            material_leaflet: quantity(MaterialKind::Leaflet),
            material_guide: quantity(MaterialKind::Guide),
            material_poster: quantity(MaterialKind::Poster),
            material_kit: quantity(MaterialKind::Kit),
            material_other: quantity(MaterialKind::Other),
            notes: a.notes.clone().unwrap_or_default(),
        }
    }
}

/// How many of one kind of material were handed out.
#[derive(Debug, Serialize, ToSchema)]
pub struct MaterialOut {
    /// `leaflet`, `guide`, `poster`, `kit` or `other`.
    #[schema(value_type = String)]
    pub kind: MaterialKind,
    pub quantity: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutreachOut {
    pub id: Uuid,
    pub programme_id: Uuid,
    /// `presentation`, `information_meeting`, `webinar`, `stand` or
    /// `materials_distribution`.
    #[schema(value_type = String)]
    pub kind: OutreachKind,
    pub title: String,
    pub held_on: NaiveDate,
    pub place: Option<String>,
    pub region_id: Option<Uuid>,
    /// An audience code; null for a mixed audience.
    #[schema(value_type = Option<String>)]
    pub audience: Option<Audience>,
    /// The head count, at least `walk_ins`.
    pub attendees: u64,
    pub viewers: u64,
    /// By kind; kinds with none are left out.
    pub materials: Vec<MaterialOut>,
    /// People written down at the door.
    pub walk_ins: u64,
    pub notes: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<OutreachRecord> for OutreachOut {
    fn from(r: OutreachRecord) -> Self {
        let a = r.activity;
        OutreachOut {
            id: a.id,
            programme_id: a.programme_id,
            kind: a.kind,
            title: a.title,
            held_on: a.held_on,
            place: a.place,
            region_id: a.region_id,
            audience: a.audience,
            attendees: u64::try_from(a.attendees).unwrap_or(0),
            viewers: u64::try_from(a.viewers).unwrap_or(0),
            materials: r
                .materials
                .into_iter()
                .map(|(kind, quantity)| MaterialOut {
                    kind,
                    quantity: u64::from(quantity),
                })
                .collect(),
            walk_ins: r.walk_ins,
            notes: a.notes,
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}

/// `?programme_id=&page=&per_page=` of the list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutreachQuery {
    /// Only this programme's activities.
    pub programme_id: Option<Uuid>,
    pub page: Option<u64>,
    /// Items per page, 1 to 100; more is refused (422).
    pub per_page: Option<u64>,
}

impl OutreachQuery {
    fn page(&self) -> AppResult<aula_storage::Page> {
        crate::kit::api::Paging {
            page: self.page,
            per_page: self.per_page,
        }
        .page()
    }
}

/// List the organisation's outreach activities, the latest first.
#[utoipa::path(get, path = "/api/v1/outreach", tag = "outreach", params(OutreachQuery),
    responses((status = 200, body = Paginated<OutreachOut>), (status = 403, body = ApiError),
        (status = 422, body = ApiError)))]
pub(crate) async fn list(
    Organiser(ctx): Organiser,
    ApiQuery(query): ApiQuery<OutreachQuery>,
) -> AppResult<axum::Json<Paginated<OutreachOut>>> {
    let paged = outreach::list(&ctx.state.db, ctx.org()?, query.programme_id, query.page()?).await?;
    Ok(axum::Json(Paginated::from(paged, OutreachOut::from)))
}

/// Record an outreach activity of a programme.
#[utoipa::path(post, path = "/api/v1/outreach", tag = "outreach", request_body = OutreachInput,
    responses((status = 201, body = OutreachOut), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn create(Organiser(ctx): Organiser, ApiJson(input): ApiJson<OutreachInput>) -> AppResult<Response> {
    let record = store(&ctx, None, &input).await?;
    let location = format!("/api/v1/outreach/{}", record.activity.id);
    Ok(created(location, OutreachOut::from(record)))
}

/// One outreach activity.
#[utoipa::path(get, path = "/api/v1/outreach/{id}", tag = "outreach", params(("id" = Uuid, Path)),
    responses((status = 200, body = OutreachOut), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn show(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<axum::Json<OutreachOut>> {
    Ok(axum::Json(outreach::get(&ctx.state.db, ctx.org()?, id).await?.into()))
}

/// Change some fields of an outreach activity.
#[utoipa::path(patch, path = "/api/v1/outreach/{id}", tag = "outreach", params(("id" = Uuid, Path)),
    request_body(content = serde_json::Value, description = "Any fields of OutreachInput"),
    responses((status = 200, body = OutreachOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn update(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> AppResult<axum::Json<OutreachOut>> {
    let current = outreach::get(&ctx.state.db, ctx.org()?, id).await?;
    let input = input::merge(&OutreachInput::from(&current), patch)?;
    Ok(axum::Json(store(&ctx, Some(id), &input).await?.into()))
}

/// Delete an outreach activity, with its walk-ins.
#[utoipa::path(delete, path = "/api/v1/outreach/{id}", tag = "outreach", params(("id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn delete(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    aula_app::outreach::delete(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT.into_response())
}

async fn store(ctx: &Ctx, id: Option<Uuid>, input: &OutreachInput) -> AppResult<OutreachRecord> {
    let details = OutreachDetails::try_from(input)?;
    let (actor, org) = (ctx.actor()?, ctx.org()?);
    Ok(aula_app::outreach::save(&ctx.state.app(), &actor, org, id, &details).await?)
}

/// Someone at the door: a name, and an e-mail if they gave one.
#[derive(Clone, Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WalkInInput {
    pub name: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub email: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WalkInOut {
    pub id: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<outreach_walk_in::Model> for WalkInOut {
    fn from(w: outreach_walk_in::Model) -> Self {
        WalkInOut {
            id: w.id,
            name: w.name,
            email: w.email,
            created_at: w.created_at,
        }
    }
}

/// The walk-ins of an activity, in the order they came.
#[utoipa::path(get, path = "/api/v1/outreach/{id}/walk-ins", tag = "outreach", params(("id" = Uuid, Path)),
    responses((status = 200, body = Vec<WalkInOut>), (status = 403, body = ApiError),
        (status = 404, body = ApiError)))]
pub(crate) async fn walk_ins(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<axum::Json<Vec<WalkInOut>>> {
    let rows = outreach::walk_ins(&ctx.state.db, ctx.org()?, id).await?;
    Ok(axum::Json(rows.into_iter().map(WalkInOut::from).collect()))
}

/// Write down someone who came in at the door; the head count rises if
/// the names outnumber it. A webinar takes none (409).
#[utoipa::path(post, path = "/api/v1/outreach/{id}/walk-ins", tag = "outreach", params(("id" = Uuid, Path)),
    request_body = WalkInInput,
    responses((status = 201, body = WalkInOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn add_walk_in(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<WalkInInput>,
) -> AppResult<Response> {
    let row = write_walk_in(&ctx, id, &input).await?;
    let location = format!("/api/v1/outreach/{id}/walk-ins/{}", row.id);
    Ok(created(location, WalkInOut::from(row)))
}

/// Remove a walk-in written down by mistake (the head count stays).
#[utoipa::path(delete, path = "/api/v1/outreach/{id}/walk-ins/{walk_in_id}", tag = "outreach",
    params(("id" = Uuid, Path), ("walk_in_id" = Uuid, Path)),
    responses((status = 204), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn remove_walk_in(
    Organiser(ctx): Organiser,
    ApiPath((id, walk_in_id)): ApiPath<(Uuid, Uuid)>,
) -> AppResult<Response> {
    aula_app::outreach::remove_walk_in(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, walk_in_id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT.into_response())
}

async fn write_walk_in(ctx: &Ctx, id: Uuid, input: &WalkInInput) -> AppResult<outreach_walk_in::Model> {
    let person = WalkIn::parse(&input.name, &input.email)?;
    Ok(aula_app::outreach::add_walk_in(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, &person).await?)
}

// ----- pages ------------------------------------------------------------------

/// An activity as its list shows it.
pub(crate) struct Line {
    pub record: OutreachRecord,
    pub programme: String,
}

#[derive(Template)]
#[template(path = "pages/outreach_list.html")]
struct ListPage {
    c: Chrome,
    lines: Vec<Line>,
    pager: Pager,
    /// The programme the list is narrowed to, with its title.
    programme: Option<(Uuid, String)>,
}

pub(crate) async fn list_page(
    Organiser(ctx): Organiser,
    ApiQuery(query): ApiQuery<OutreachQuery>,
) -> AppResult<Response> {
    let org = ctx.org()?;
    let programme = match query.programme_id {
        Some(id) => Some((id, programmes::get(&ctx.state.db, org, id).await?.title)),
        None => None,
    };
    let paged = outreach::list(&ctx.state.db, org, query.programme_id, query.page()?).await?;
    let titles = outreach::programme_titles(&ctx.state.db, &paged.items).await?;
    let params: Vec<(&'static str, String)> = query
        .programme_id
        .map(|id| vec![("programme_id", id.to_string())])
        .unwrap_or_default();
    let pager = Pager::new("/staff/outreach", &params, paged.page.page, paged.pages(), paged.total);
    let lines = paged
        .items
        .into_iter()
        .map(|record| Line {
            programme: titles.get(&record.activity.programme_id).cloned().unwrap_or_default(),
            record,
        })
        .collect();
    render(&ListPage {
        c: Chrome::new(&ctx),
        lines,
        pager,
        programme,
    })
}

#[derive(Template)]
#[template(path = "pages/outreach_form.html")]
pub(crate) struct FormPage {
    c: Chrome,
    /// `None` when recording a new one.
    id: Option<Uuid>,
    form: OutreachInput,
    errors: FormErrors,
    programmes: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    audiences: Vec<(String, String)>,
    /// Each kind of material: its field, its words, what the form holds.
    materials: Vec<(&'static str, String, String)>,
    /// Who walked in (an existing activity's), and the form to add one.
    walk_ins: Vec<outreach_walk_in::Model>,
    walk_in: WalkInInput,
    walk_in_errors: FormErrors,
    /// Whether the activity takes walk-ins (a webinar has no door).
    takes_walk_ins: bool,
}

impl FormPage {
    async fn new(ctx: &Ctx, id: Option<Uuid>, form: OutreachInput, errors: FormErrors) -> AppResult<Self> {
        let c = Chrome::new(ctx);
        let org = ctx.org()?;
        let current = match id {
            Some(id) => Some(outreach::get(&ctx.state.db, org, id).await?),
            None => None,
        };
        let keeping = current.as_ref().map(|r| r.activity.programme_id);
        let programmes = programmes::choices(&ctx.state.db, org, aula_storage::Archived::Keeping(keeping))
            .await?
            .into_iter()
            .map(|p| (p.id.to_string(), p.title))
            .collect();
        let regions = regions::list(&ctx.state.db)
            .await?
            .into_iter()
            .map(|r| (r.id.to_string(), r.name))
            .collect();
        let walk_ins = match id {
            Some(id) => outreach::walk_ins(&ctx.state.db, org, id).await?,
            None => Vec::new(),
        };
        let materials = form
            .materials()
            .into_iter()
            .map(|(kind, field, typed)| (field, c.word("material", kind), typed.to_owned()))
            .collect();
        Ok(FormPage {
            programmes,
            kinds: c.words("outreach", OutreachKind::ALL),
            regions,
            audiences: AudienceWords::load(&ctx.state.db, ctx.tr())
                .await?
                .options(&form.audience),
            materials,
            walk_ins,
            walk_in: WalkInInput::default(),
            walk_in_errors: FormErrors::none(),
            takes_walk_ins: current.is_some_and(|r| r.activity.kind != OutreachKind::Webinar),
            c,
            id,
            form,
            errors,
        })
    }
}

impl EditForm for OutreachInput {
    type Guard = Organiser;
    type Saved = OutreachRecord;
    type Page = FormPage;

    fn blank(_: &Ctx) -> Self {
        OutreachInput::default()
    }

    fn prefill(&mut self, query: &str) {
        for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
            match name.as_ref() {
                "programme_id" => self.programme_id = value.into_owned(),
                "kind" => self.kind = value.into_owned(),
                _ => {}
            }
        }
    }

    async fn current(ctx: &Ctx, id: Uuid) -> AppResult<Self> {
        Ok((&outreach::get(&ctx.state.db, ctx.org()?, id).await?).into())
    }

    async fn save(ctx: &Ctx, id: Option<Uuid>, form: &Self) -> AppResult<OutreachRecord> {
        store(ctx, id, form).await
    }

    fn saved_at(saved: &OutreachRecord) -> String {
        format!("/staff/outreach/{}", saved.activity.id)
    }

    async fn page(ctx: &Ctx, id: Option<Uuid>, form: Self, errors: FormErrors) -> AppResult<FormPage> {
        FormPage::new(ctx, id, form, errors).await
    }
}

/// The activity page's walk-in form: written down, back to the page; a
/// refused name or e-mail is shown on the page again, with what was typed.
pub(crate) async fn add_walk_in_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(input): CsrfForm<WalkInInput>,
) -> AppResult<Response> {
    let outcome = write_walk_in(&ctx, id, &input).await;
    let at = format!("/staff/outreach/{id}#walk-ins");
    saved_or_page_again(
        &ctx,
        outcome,
        |_| redirect_with(&ctx, &at, "outreach-walk-in-flash"),
        async || {
            let form = OutreachInput::current(&ctx, id).await?;
            FormPage::new(&ctx, Some(id), form, FormErrors::none()).await
        },
        |mut page, errors| {
            page.walk_in = input.clone();
            page.walk_in_errors = errors;
            page
        },
    )
    .await
}

pub(crate) async fn remove_walk_in_page(
    Organiser(ctx): Organiser,
    ApiPath((id, walk_in_id)): ApiPath<(Uuid, Uuid)>,
    CsrfForm(NoFields {}): CsrfForm<NoFields>,
) -> AppResult<Response> {
    aula_app::outreach::remove_walk_in(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id, walk_in_id).await?;
    Ok(redirect_with(
        &ctx,
        &format!("/staff/outreach/{id}#walk-ins"),
        "outreach-walk-in-removed-flash",
    ))
}

/// The activity page's delete button: its first press shows what goes (the
/// walk-ins with it), a second one deletes.
pub(crate) async fn delete_page(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<super::archive::DeleteForm>,
) -> AppResult<Response> {
    if form.confirmed.is_none() {
        let record = outreach::get(&ctx.state.db, ctx.org()?, id).await?;
        return render(&super::archive::DeletePage {
            c: Chrome::new(&ctx),
            heading: "outreach-delete-title".to_owned(),
            explain: "outreach-delete-explain".to_owned(),
            title: record.activity.title,
            action: format!("/staff/outreach/{id}/delete"),
            back: format!("/staff/outreach/{id}"),
        });
    }
    let record = aula_app::outreach::delete(&ctx.state.app(), &ctx.actor()?, ctx.org()?, id).await?;
    let back = format!("/staff/programmes/{}", record.activity.programme_id);
    Ok(redirect_with(&ctx, &back, "outreach-deleted-flash"))
}

/// A programme's activities for its page, the latest first (the first hundred).
pub(crate) async fn of_programme(ctx: &Ctx, id: Uuid) -> AppResult<Vec<OutreachRecord>> {
    let page = aula_storage::Page {
        page: 1,
        per_page: aula_storage::Page::MAX_PER_PAGE,
    };
    Ok(outreach::list(&ctx.state.db, ctx.org()?, Some(id), page).await?.items)
}
