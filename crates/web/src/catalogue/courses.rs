//! Courses: the catalogue's entries. Anyone may read them; organisers write.

use crate::kit::audiences::AudienceWords;
use askama::Template;
use aula_domain::details::{Accreditation, CourseDetails};
use aula_domain::{Audience, Credits, FieldErrors, Hours, Language, Modality, Percent, Problem, Role, Text};
use aula_storage::courses::{self, CourseFilter, CourseRecord};
use aula_storage::entities::{accreditation_body, programme};
use aula_storage::{bodies, programmes};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::kit::api::{ApiError, Paginated, created};
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiJson, ApiPath, ApiQuery};
use crate::kit::forms::EditForm;
use crate::kit::input::{self, parse_optional_id};
use crate::kit::pages::{Chrome, FormErrors, Pager, render};
use crate::{AppResult, Ctx};

const STAFF: &[Role] = &[Role::Organiser];

/// A course as an organiser writes it (form or JSON). Numbers may be given
/// as numbers or text (`20`, `"20,5"`); an empty `accreditation_body_id`
/// means the course is not accredited.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourseInput {
    #[serde(default, deserialize_with = "input::loose_text")]
    pub programme_id: String,
    pub title: String,
    pub summary: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub objectives: String,
    /// Nominal hours.
    #[serde(deserialize_with = "input::loose_text")]
    pub hours: String,
    /// `in_person`, `online` or `blended`.
    pub modality: String,
    /// Audience codes: the built-in `public_servant`, `union_delegate`,
    /// `elected_official`, `mediator`, `civil_society`, `other`, or the
    /// instance's own (issue 20; `GET /api/v1/audiences`).
    #[serde(default, deserialize_with = "input::loose_list")]
    pub audiences: Vec<String>,
    /// `fr`, `es`, `en` or `ar`.
    pub language: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub accreditation_body_id: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub credits: String,
    #[serde(default, deserialize_with = "input::loose_text")]
    pub recognised_hours: String,
    /// Minimum attendance for completion, percent (default 80).
    #[serde(default, deserialize_with = "input::loose_text")]
    pub minimum_attendance_percent: String,
    #[serde(default, deserialize_with = "input::loose_bool")]
    pub survey_required: bool,
    /// The body that commissioned it (issue 20), or empty for its programme's.
    #[serde(default, deserialize_with = "input::loose_text")]
    pub commissioner: String,
}

impl Default for CourseInput {
    fn default() -> Self {
        CourseInput {
            programme_id: String::new(),
            title: String::new(),
            summary: String::new(),
            objectives: String::new(),
            hours: String::new(),
            modality: String::new(),
            audiences: Vec::new(),
            language: String::new(),
            accreditation_body_id: String::new(),
            credits: String::new(),
            recognised_hours: String::new(),
            minimum_attendance_percent: "80".into(),
            survey_required: false,
            commissioner: String::new(),
        }
    }
}

impl TryFrom<&CourseInput> for CourseDetails {
    type Error = FieldErrors;

    fn try_from(input: &CourseInput) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::new();
        let programme_id = errors.take("programme_id", parse_optional_id(&input.programme_id));
        let title = errors.take("title", Text::parse(&input.title));
        let summary = errors.take("summary", Text::parse(&input.summary));
        let objectives = errors.take("objectives", Text::parse_optional(&input.objectives));
        let hours = errors.take("hours", Hours::parse(&input.hours));
        let modality = errors.take("modality", Modality::parse(&input.modality));
        let audiences = errors.take(
            "audiences",
            input
                .audiences
                .iter()
                .map(|a| Audience::parse(a))
                .collect::<Result<Vec<_>, Problem>>(),
        );
        let language = errors.take("language", Language::parse(&input.language));
        let commissioner = errors.take(
            "commissioner",
            aula_domain::details::ShortText::parse_optional(&input.commissioner),
        );
        let body_id = errors.take("accreditation_body_id", parse_optional_id(&input.accreditation_body_id));
        let credits = errors.take("credits", Credits::parse_optional(&input.credits));
        let recognised = errors.take("recognised_hours", Hours::parse_optional(&input.recognised_hours));
        let minimum = if input.minimum_attendance_percent.trim().is_empty() {
            Some(Percent::DEFAULT_MINIMUM_ATTENDANCE)
        } else {
            errors.take(
                "minimum_attendance_percent",
                Percent::parse(&input.minimum_attendance_percent),
            )
        };
        let (
            Some(programme_id),
            Some(title),
            Some(summary),
            Some(objectives),
            Some(hours),
            Some(modality),
            Some(audiences),
            Some(language),
            Some(body_id),
            Some(credits),
            Some(recognised_hours),
            Some(minimum_attendance),
            Some(commissioner),
        ) = (
            programme_id,
            title,
            summary,
            objectives,
            hours,
            modality,
            audiences,
            language,
            body_id,
            credits,
            recognised,
            minimum,
            commissioner,
        )
        else {
            return Err(errors);
        };
        // What a body recognises needs a body: without one it was dropped,
        // and the course said saved (session 29's attack round).
        let accreditation = match body_id {
            Some(body_id) => Some(Accreditation {
                body_id,
                credits,
                recognised_hours,
                survey_required: input.survey_required,
            }),
            None => {
                let needs_body = || Problem::new("error-needs-accreditation");
                let mut errors = FieldErrors::new();
                if credits.is_some() {
                    errors.add("credits", needs_body());
                }
                if recognised_hours.is_some() {
                    errors.add("recognised_hours", needs_body());
                }
                if input.survey_required {
                    errors.add("survey_required", needs_body());
                }
                errors.into_result()?;
                None
            }
        };
        CourseDetails::new(CourseDetails {
            programme_id,
            title,
            summary,
            objectives,
            hours,
            modality,
            audiences,
            language,
            minimum_attendance,
            accreditation,
            commissioner,
        })
    }
}

fn hours_text(minutes: i32) -> String {
    if minutes % 60 == 0 {
        (minutes / 60).to_string()
    } else {
        format!("{:.2}", f64::from(minutes) / 60.0)
    }
}

impl From<&CourseRecord> for CourseInput {
    fn from(r: &CourseRecord) -> Self {
        let c = &r.course;
        CourseInput {
            programme_id: c.programme_id.map(|id| id.to_string()).unwrap_or_default(),
            title: c.title.clone(),
            summary: c.summary.clone(),
            objectives: c.objectives.clone().unwrap_or_default(),
            hours: hours_text(c.minutes),
            modality: c.modality.as_str().to_owned(),
            audiences: r.audiences.iter().map(|a| a.as_str().to_owned()).collect(),
            language: c.language.as_str().to_owned(),
            accreditation_body_id: c.accreditation_body_id.map(|id| id.to_string()).unwrap_or_default(),
            credits: c
                .credits_hundredths
                .map(|h| format!("{}", f64::from(h) / 100.0))
                .unwrap_or_default(),
            recognised_hours: c.recognised_minutes.map(hours_text).unwrap_or_default(),
            minimum_attendance_percent: c.minimum_attendance_percent.to_string(),
            survey_required: c.survey_required,
            commissioner: c.commissioner.clone().unwrap_or_default(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AccreditationOut {
    pub body_id: Uuid,
    pub body_name: String,
    pub body_code: String,
    pub credits: Option<f64>,
    pub recognised_hours: Option<f64>,
    /// The course's, as `CourseOut::minimum_attendance_percent`.
    pub minimum_attendance_percent: i32,
    pub survey_required: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CourseOut {
    pub id: Uuid,
    pub programme_id: Option<Uuid>,
    pub programme_title: Option<String>,
    pub title: String,
    pub summary: String,
    pub objectives: Option<String>,
    pub hours: f64,
    pub modality: String,
    pub audiences: Vec<String>,
    pub language: String,
    /// Its title, summary and objectives in other languages, by language code.
    pub texts: crate::catalogue::course_texts::CourseTextsInput,
    /// The share of a session's hours that completes it (and earns its
    /// certificate), accredited or not.
    pub minimum_attendance_percent: i32,
    pub accreditation: Option<AccreditationOut>,
    /// The body that commissioned it (issue 20), if not its programme's.
    pub commissioner: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When it was archived, on its own or with its programme (issue 20);
    /// null while live. Only its organisation's staff see archived ones.
    pub archived_at: Option<DateTime<Utc>>,
}

impl From<CourseRecord> for CourseOut {
    fn from(r: CourseRecord) -> Self {
        let texts = crate::catalogue::course_texts::texts_of(&r);
        let c = r.course;
        let accreditation = r.body.map(|b| AccreditationOut {
            body_id: b.id,
            body_name: b.name,
            body_code: b.code,
            credits: c.credits_hundredths.map(|h| f64::from(h) / 100.0),
            recognised_hours: c.recognised_minutes.map(crate::kit::api::hours),
            minimum_attendance_percent: c.minimum_attendance_percent,
            survey_required: c.survey_required,
        });
        CourseOut {
            id: c.id,
            programme_id: c.programme_id,
            programme_title: r.programme.map(|p| p.title),
            title: c.title,
            summary: c.summary,
            objectives: c.objectives,
            hours: crate::kit::api::hours(c.minutes),
            modality: c.modality.as_str().to_owned(),
            audiences: r.audiences.iter().map(|a| a.as_str().to_owned()).collect(),
            language: c.language.as_str().to_owned(),
            texts,
            minimum_attendance_percent: c.minimum_attendance_percent,
            accreditation,
            commissioner: c.commissioner,
            created_at: c.created_at,
            updated_at: c.updated_at,
            archived_at: c.archived_at,
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CourseQuery {
    pub programme_id: Option<Uuid>,
    pub accreditation_body_id: Option<Uuid>,
    /// `true` lists archived courses too (their organisation's staff only;
    /// the public catalogue never shows them).
    pub archived: Option<bool>,
    pub page: Option<u64>,
    /// Items per page, 1 to 100; more is refused (422).
    pub per_page: Option<u64>,
}

impl CourseQuery {
    fn filter(&self, organisation: Option<aula_domain::OrganisationId>) -> CourseFilter {
        CourseFilter {
            organisation,
            programme_id: self.programme_id,
            accreditation_body_id: self.accreditation_body_id,
            archived: aula_storage::Archived::shown(self.archived == Some(true) && organisation.is_some()),
            public_only: organisation.is_none(),
        }
    }

    fn page(&self) -> AppResult<aula_storage::Page> {
        crate::kit::api::page(self.page, self.per_page, 20)
    }
}

/// The catalogue's courses, by title.
#[utoipa::path(get, path = "/api/v1/courses", tag = "courses", security(()), params(CourseQuery),
    responses((status = 200, body = Paginated<CourseOut>), (status = 400, body = ApiError)))]
pub(crate) async fn list(
    ctx: Ctx,
    ApiQuery(query): ApiQuery<CourseQuery>,
) -> AppResult<axum::Json<Paginated<CourseOut>>> {
    let paged = courses::list(&ctx.state.db, &query.filter(ctx.staff_org()), query.page()?).await?;
    Ok(axum::Json(Paginated::from(paged, CourseOut::from)))
}

/// Add a course to the catalogue.
#[utoipa::path(post, path = "/api/v1/courses", tag = "courses", request_body = CourseInput,
    responses((status = 201, body = CourseOut), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn create(Organiser(ctx): Organiser, ApiJson(input): ApiJson<CourseInput>) -> AppResult<Response> {
    let course = store(&ctx, None, &input).await?;
    let location = format!("/api/v1/courses/{}", course.course.id);
    Ok(created(location, CourseOut::from(course)))
}

/// One course.
#[utoipa::path(get, path = "/api/v1/courses/{id}", tag = "courses", security(()), params(("id" = Uuid, Path)),
    responses((status = 200, body = CourseOut), (status = 404, body = ApiError),
        (status = 410, body = ApiError, description = "Its organisation is suspended")))]
pub(crate) async fn show(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<axum::Json<CourseOut>> {
    // The catalogue is public: any live course answers, to anyone; an
    // archived one only to its organisation's staff (issue 20).
    let record = courses::get(&ctx.state.db, id).await?;
    let own = ctx.staff_org().map(aula_domain::OrganisationId::uuid) == Some(record.course.organisation_id);
    if record.course.archived_at.is_some() && !own {
        return Err(crate::AppError::NotFound);
    }
    // A suspended organisation's courses are gone (410), as its page and
    // its sessions are (session 26's attack round read them here).
    if !own {
        crate::catalogue::branding::serving_id(&ctx.state, record.course.organisation_id).await?;
    }
    Ok(axum::Json(record.into()))
}

/// Change some fields of a course.
#[utoipa::path(patch, path = "/api/v1/courses/{id}", tag = "courses", params(("id" = Uuid, Path)),
    request_body(content = serde_json::Value, description = "Any fields of CourseInput"),
    responses((status = 200, body = CourseOut), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn update(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(patch): ApiJson<serde_json::Value>,
) -> AppResult<axum::Json<CourseOut>> {
    let current = courses::get_in(&ctx.state.db, ctx.org()?, id).await?;
    let mut base = CourseInput::from(&current);
    // Taking the body away takes what it recognised with it, unless the
    // patch gives it again (and is then told it needs a body).
    let body_removed = patch
        .get("accreditation_body_id")
        .is_some_and(|v| v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty()));
    if body_removed {
        base.credits.clear();
        base.recognised_hours.clear();
        base.survey_required = false;
    }
    let input = input::merge(&base, patch)?;
    Ok(axum::Json(store(&ctx, Some(id), &input).await?.into()))
}

/// Adds the course to the catalogue, or changes course `id`.
async fn store(ctx: &Ctx, id: Option<Uuid>, input: &CourseInput) -> AppResult<CourseRecord> {
    let details = CourseDetails::try_from(input)?;
    let actor = ctx.actor()?;
    Ok(aula_app::catalogue::save_course(&ctx.state.app(), &actor, ctx.org()?, id, &details).await?)
}

#[derive(Template)]
#[template(path = "pages/courses.html")]
struct ListPage {
    c: Chrome,
    courses: Vec<CourseRecord>,
    pager: Pager,
    /// Whether the archived ones are listed too (issue 20).
    archived: bool,
}

pub(crate) async fn list_page(ctx: Ctx, ApiQuery(query): ApiQuery<CourseQuery>) -> AppResult<Response> {
    ctx.require(STAFF)?;
    let paged = courses::list(&ctx.state.db, &query.filter(Some(ctx.org()?)), query.page()?).await?;
    let archived = query.archived == Some(true);
    let params = crate::kit::api::archived_params(archived);
    let pager = Pager::new("/staff/courses", &params, paged.page.page, paged.pages(), paged.total);
    render(&ListPage {
        c: Chrome::new(&ctx),
        courses: paged.items,
        pager,
        archived,
    })
}

#[derive(Template)]
#[template(path = "pages/course_form.html")]
pub(crate) struct FormPage {
    c: Chrome,
    id: Option<Uuid>,
    form: CourseInput,
    errors: FormErrors,
    programmes: Vec<(String, String)>,
    bodies: Vec<(String, String)>,
    modalities: Vec<(String, String)>,
    audiences: Vec<(String, String, bool)>,
    languages: Vec<(String, String)>,
    /// The commissioning bodies named already (issue 20), offered as typed.
    commissioners: Vec<String>,
    /// When the course was archived (issue 20); none while live or new.
    archived_at: Option<DateTime<Utc>>,
}

impl FormPage {
    async fn new(ctx: &Ctx, id: Option<Uuid>, form: CourseInput, errors: FormErrors) -> AppResult<Self> {
        let c = Chrome::new(ctx);
        let course = match id {
            Some(id) => Some(courses::get_in(&ctx.state.db, ctx.org()?, id).await?.course),
            None => None,
        };
        // Archived programmes take no new course; a course already in one keeps it.
        let keeping = course.as_ref().and_then(|c| c.programme_id);
        let programmes =
            programmes::choices(&ctx.state.db, ctx.org()?, aula_storage::Archived::Keeping(keeping)).await?;
        let bodies = bodies::list(&ctx.state.db).await?;
        let commissioners = programmes::commissioners(&ctx.state.db, &[ctx.org()?]).await?;
        Ok(FormPage {
            commissioners,
            programmes: programmes
                .into_iter()
                .map(|p: programme::Model| (p.id.to_string(), p.title))
                .collect(),
            bodies: bodies
                .into_iter()
                .map(|b: accreditation_body::Model| (b.id.to_string(), b.name))
                .collect(),
            modalities: c.words("modality", Modality::ALL),
            audiences: AudienceWords::load(&ctx.state.db, ctx.tr())
                .await?
                .ticks(&form.audiences),
            languages: c.words("language", Language::ALL),
            archived_at: course.and_then(|c| c.archived_at),
            c,
            id,
            form,
            errors,
        })
    }
}

impl EditForm for CourseInput {
    type Guard = Organiser;
    type Saved = CourseRecord;
    type Page = FormPage;

    fn blank(ctx: &Ctx) -> Self {
        CourseInput {
            language: ctx.lang.as_str().to_owned(),
            ..CourseInput::default()
        }
    }

    async fn current(ctx: &Ctx, id: Uuid) -> AppResult<Self> {
        Ok((&courses::get_in(&ctx.state.db, ctx.org()?, id).await?).into())
    }

    async fn save(ctx: &Ctx, id: Option<Uuid>, form: &Self) -> AppResult<CourseRecord> {
        store(ctx, id, form).await
    }

    fn saved_at(saved: &CourseRecord) -> String {
        format!("/staff/courses/{}", saved.course.id)
    }

    async fn page(ctx: &Ctx, id: Option<Uuid>, form: Self, errors: FormErrors) -> AppResult<FormPage> {
        FormPage::new(ctx, id, form, errors).await
    }
}
