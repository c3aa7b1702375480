//! Satisfaction surveys: the trainee's form (`/s/{token}`, in their
//! language, no JavaScript, one submission), its API, the organiser's
//! controls on a session's survey, and the results of a session, a course
//! or a programme (page with charts and tables, CSV, JSON).
//!
//! Trainers see their own sessions' results only once at least
//! [`MIN_GROUP`] people have answered: fewer answers could be recognised.

use askama::Template;
use aula_domain::survey::{Answer, MIN_GROUP, QuestionKind, answers_from_pairs, response_rate};
use aula_domain::{FieldErrors, Language, Problem, Role, SessionTimeZone};
use aula_storage::surveys::{self, Invitees, Results, Scope};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::ApiError;
use crate::kit::context::Organiser;
use crate::kit::extract::{ApiJson, ApiPath, CsrfForm};
use crate::kit::pages::{Chrome, FormErrors, no_store, redirect_with, render, render_invalid};
use crate::kit::spreadsheet::{Cell, Sheet, number};
use crate::{AppError, AppResult, AppState, Ctx};
use aula_documents::charts::{Bar, horizontal_bars};

// ----- answering -----------------------------------------------------------

#[derive(Template)]
#[template(path = "pages/survey_answer.html")]
struct AnswerPage {
    c: Chrome,
    token: String,
    course: String,
    template: aula_domain::survey::Template,
    lang: Language,
    /// `answered`, `closed` or nothing (the form).
    state: &'static str,
    values: std::collections::HashMap<String, String>,
    errors: FormErrors,
}

impl AnswerPage {
    fn value(&self, key: &str) -> String {
        self.values.get(key).cloned().unwrap_or_default()
    }

    fn field(&self, key: &str) -> String {
        format!("answers.{key}")
    }
}

async fn opened_page(ctx: &Ctx, token: &str) -> AppResult<(surveys::Opened, AnswerPage)> {
    let opened = surveys::by_token(&ctx.state.db, token).await?;
    let record = aula_storage::sessions::get(&ctx.state.db, opened.survey.session_id).await?;
    let closed = opened.survey.closes_at <= chrono::Utc::now();
    let page = AnswerPage {
        c: Chrome::new(ctx),
        token: token.to_owned(),
        course: record.course.course.title,
        template: opened.template.clone(),
        lang: ctx.lang,
        state: if opened.invitation.answered {
            "answered"
        } else if closed {
            "closed"
        } else {
            ""
        },
        values: Default::default(),
        errors: FormErrors::none(),
    };
    Ok((opened, page))
}

pub(crate) async fn answer_page(ctx: Ctx, ApiPath(token): ApiPath<String>) -> AppResult<Response> {
    let (_, page) = opened_page(&ctx, &token).await?;
    Ok(no_store(render(&page)?))
}

/// Records a submission in one transaction; the domain has checked it.
async fn submit(state: &AppState, opened: &surveys::Opened, answers: &[(String, Answer)]) -> AppResult<()> {
    Ok(aula_app::surveys::submit(&state.app(), opened, answers).await?)
}

pub(crate) async fn answer_form(
    ctx: Ctx,
    ApiPath(token): ApiPath<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (opened, mut page) = opened_page(&ctx, &token).await?;
    if !page.state.is_empty() {
        return Ok((StatusCode::CONFLICT, render(&page)?).into_response());
    }
    let answers = match answers_from_pairs(&opened.template, &pairs) {
        Ok(answers) => answers,
        Err(errors) => {
            page.values = pairs
                .iter()
                .filter_map(|(k, v)| k.strip_prefix("a.").map(|key| (key.to_owned(), v.clone())))
                .collect();
            page.errors = FormErrors::new(ctx.tr(), &errors);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    match submit(&ctx.state, &opened, &answers).await {
        Ok(()) => page.state = "answered",
        Err(AppError::Conflict(_)) => {
            return Ok((
                StatusCode::CONFLICT,
                render(&AnswerPage {
                    state: "answered",
                    ..page
                })?,
            )
                .into_response());
        }
        Err(other) => return Err(other),
    }
    Ok(no_store(render(&page)?))
}

/// A submission through the API: the answers by question key.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswersInput {
    /// By question key: a scale's value (1–5), a choice's index (from 0), or a text.
    #[schema(value_type = Object)]
    pub answers: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize, ToSchema)]
pub struct Answered {
    pub status: String,
}

/// Answers a survey with the invitation's token (from the link in its e-mail).
///
/// One submission per invitation; the answers are stored without any link
/// to the person.
#[utoipa::path(post, path = "/api/v1/surveys/{token}", tag = "surveys", security(()),
    params(("token" = String, Path, description = "The invitation's token")), request_body = AnswersInput,
    responses((status = 201, body = Answered), (status = 404, body = ApiError, description = "Unknown token"),
        (status = 409, body = ApiError, description = "Already answered, or the survey is closed"),
        (status = 422, body = ApiError)))]
pub(crate) async fn answer_api(
    State(state): State<AppState>,
    ApiPath(token): ApiPath<String>,
    ApiJson(input): ApiJson<AnswersInput>,
) -> AppResult<Response> {
    let opened = surveys::by_token(&state.db, &token).await?;
    if opened.invitation.answered {
        return Err(AppError::Conflict(Problem::new("error-survey-answered")));
    }
    // An answer is a number, a word or a text; a list or an object was
    // kept as its JSON text (session 29's attack round).
    let mut shapes = FieldErrors::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (key, value) in &input.answers {
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => String::new(),
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Bool(b) => b.to_string(),
            serde_json::Value::Array(_) | serde_json::Value::Object(_) => {
                let field = format!("answers.{key}");
                shapes.add(&field, Problem::new("error-json-type").with("field", field.clone()));
                continue;
            }
        };
        pairs.push((format!("a.{key}"), text));
    }
    shapes.into_result().map_err(AppError::Invalid)?;
    let answers = answers_from_pairs(&opened.template, &pairs).map_err(AppError::Invalid)?;
    submit(&state, &opened, &answers).await?;
    Ok((
        StatusCode::CREATED,
        Json(Answered {
            status: "answered".into(),
        }),
    )
        .into_response())
}

// ----- results -------------------------------------------------------------

/// One value of a question's distribution, labelled in the asker's language.
#[derive(Serialize, ToSchema)]
pub struct ValueCount {
    pub label: String,
    pub count: u64,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionOut {
    pub key: String,
    /// `scale`, `choice` or `text`.
    pub kind: String,
    pub text: String,
    /// The question whose mean is the overall satisfaction.
    pub overall: bool,
    pub count: u64,
    /// Scale questions: the mean from 1 to 5, to 2 decimals.
    pub mean: Option<f64>,
    pub distribution: Vec<ValueCount>,
    /// Free-text answers, as written.
    pub texts: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ResultsOut {
    pub sessions: u64,
    pub invited: u64,
    pub answered: u64,
    /// Answers not yet in the results: they are published in groups of at
    /// least 3, or when the survey closes, so that none can be told apart.
    pub waiting: u64,
    /// Percent, to 1 decimal.
    pub response_rate: Option<f64>,
    /// True when the results are withheld (fewer than 3 answers, for a trainer).
    pub withheld: bool,
    pub questions: Vec<QuestionOut>,
}

/// The labels of a question's values: 1–5 with the scale's ends, or the options.
fn labels(q: &aula_domain::survey::Question, lang: Language) -> Vec<String> {
    match q.kind {
        QuestionKind::Scale => (1..=5)
            .map(|v| match (v, &q.low, &q.high) {
                (1, Some(low), _) => format!("1 · {}", low.get(lang)),
                (5, _, Some(high)) => format!("5 · {}", high.get(lang)),
                _ => v.to_string(),
            })
            .collect(),
        QuestionKind::Choice => q.choices.iter().map(|c| c.get(lang).to_owned()).collect(),
        QuestionKind::Text => Vec::new(),
    }
}

fn results_out(results: &Results, lang: Language, withheld: bool) -> ResultsOut {
    ResultsOut {
        sessions: results.sessions,
        invited: results.invited,
        answered: results.answered,
        waiting: results.waiting,
        response_rate: response_rate(results.invited, results.answered),
        withheld,
        questions: if withheld {
            Vec::new()
        } else {
            results
                .questions
                .iter()
                .map(|q| QuestionOut {
                    key: q.question.key.clone(),
                    kind: q.question.kind.as_str().to_owned(),
                    text: q.question.text.get(lang).to_owned(),
                    overall: q.question.overall,
                    count: q.result.count,
                    mean: q.result.mean,
                    distribution: labels(&q.question, lang)
                        .into_iter()
                        .zip(q.result.distribution.iter())
                        .map(|(label, count)| ValueCount { label, count: *count })
                        .collect(),
                    texts: q.result.texts.clone(),
                })
                .collect()
        },
    }
}

/// The session's results for the asker: organisers always; the session's
/// trainers once enough people answered.
async fn session_results(ctx: &Ctx, id: Uuid) -> AppResult<(ResultsOut, aula_storage::sessions::SessionRecord)> {
    let record = crate::attendance::roll_call::staffed(ctx, id).await?;
    let results = surveys::results(&ctx.state.db, Scope::Session(id)).await?;
    let organiser = ctx.user.as_ref().is_some_and(|u| u.has(Role::Organiser));
    let withheld = !organiser && results.answered < MIN_GROUP;
    Ok((results_out(&results, ctx.lang, withheld), record))
}

/// A course's or a programme's results, over all its sessions, for the
/// organisers of its organisation: with its title, its staff page and the
/// name of its spreadsheet.
struct Scoped {
    title: String,
    page: String,
    name: String,
    results: ResultsOut,
}

async fn scoped(ctx: &Ctx, scope: Scope) -> AppResult<Scoped> {
    let org = ctx.org()?;
    let (title, page, name) = match scope {
        Scope::Course(id) => (
            aula_storage::courses::get_in(&ctx.state.db, org, id)
                .await?
                .course
                .title,
            format!("/staff/courses/{id}"),
            format!("survey-course-{id}"),
        ),
        Scope::Programme(id) => (
            aula_storage::programmes::get(&ctx.state.db, org, id).await?.title,
            format!("/staff/programmes/{id}"),
            format!("survey-programme-{id}"),
        ),
        Scope::Session(_) => return Err(AppError::NotFound),
    };
    let results = surveys::results(&ctx.state.db, scope).await?;
    Ok(Scoped {
        title,
        page,
        name,
        results: results_out(&results, ctx.lang, false),
    })
}

/// Which results a course's or a programme's pages show: those of the
/// course or of the programme in their address.
pub(crate) trait Over {
    const SCOPE: fn(Uuid) -> Scope;
}

pub(crate) struct OverCourse;

impl Over for OverCourse {
    const SCOPE: fn(Uuid) -> Scope = Scope::Course;
}

pub(crate) struct OverProgramme;

impl Over for OverProgramme {
    const SCOPE: fn(Uuid) -> Scope = Scope::Programme;
}

/// A session's survey results.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/survey-results", tag = "surveys",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ResultsOut), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn session_results_api(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Json<ResultsOut>> {
    Ok(Json(session_results(&ctx, id).await?.0))
}

/// A course's survey results, over all its sessions.
#[utoipa::path(get, path = "/api/v1/courses/{id}/survey-results", tag = "surveys",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ResultsOut), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn course_results_api(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Json<ResultsOut>> {
    Ok(Json(scoped(&ctx, Scope::Course(id)).await?.results))
}

/// A programme's survey results, over all its courses' sessions.
#[utoipa::path(get, path = "/api/v1/programmes/{id}/survey-results", tag = "surveys",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ResultsOut), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
pub(crate) async fn programme_results_api(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Json<ResultsOut>> {
    Ok(Json(scoped(&ctx, Scope::Programme(id)).await?.results))
}

/// A question as the results page shows it: the chart beside its table.
struct Shown {
    out: QuestionOut,
    chart: String,
    total: u64,
}

impl Shown {
    fn percent(&self, count: &u64) -> String {
        if self.total == 0 {
            "0".into()
        } else {
            format!("{:.0}", *count as f64 * 100.0 / self.total as f64)
        }
    }
}

#[derive(Template)]
#[template(path = "pages/survey_results.html")]
struct ResultsPage {
    c: Chrome,
    title: String,
    back: (String, String),
    csv: String,
    results: ResultsOut,
    shown: Vec<Shown>,
    /// The session's survey controls (organisers, on a session's page).
    session: Option<SessionControls>,
}

struct SessionControls {
    session_id: Uuid,
    /// Recorded after the fact: no survey can be sent.
    recorded_past: bool,
    opened: Option<aula_storage::entities::survey::Model>,
    zone: SessionTimeZone,
    templates: Vec<(String, String)>,
    /// The form as typed, when it was refused (its problems in `errors`).
    typed: Option<OpenForm>,
    errors: FormErrors,
}

impl SessionControls {
    /// The days the form shows: as typed, else the survey's, else the defaults.
    fn days(&self) -> (String, String) {
        match (&self.typed, &self.opened) {
            (Some(typed), _) => (typed.reminder_days.clone(), typed.open_days.clone()),
            (None, Some(o)) => (
                (o.reminder_at - o.opens_at).num_days().to_string(),
                (o.closes_at - o.opens_at).num_days().to_string(),
            ),
            (None, None) => (surveys::REMINDER_DAYS.to_string(), surveys::OPEN_DAYS.to_string()),
        }
    }

    fn invitees(&self) -> &str {
        self.typed.as_ref().map_or("participants", |t| t.invitees.as_str())
    }
}

impl ResultsPage {
    fn rate(&self) -> String {
        self.results
            .response_rate
            .map(|r| self.c.decimal(r, 1))
            .unwrap_or_else(|| "—".into())
    }

    fn mean(&self, q: &QuestionOut) -> String {
        q.mean.map(|m| self.c.decimal(m, 2)).unwrap_or_else(|| "—".into())
    }
}

fn shown(results: ResultsOut, c: &Chrome) -> (ResultsOut, Vec<Shown>) {
    let mut list = Vec::new();
    let ResultsOut {
        sessions,
        invited,
        answered,
        waiting,
        response_rate,
        withheld,
        questions,
    } = results;
    for out in questions {
        let bars: Vec<Bar> = out
            .distribution
            .iter()
            .map(|v| Bar {
                label: v.label.clone(),
                value: v.count,
            })
            .collect();
        let total = out.distribution.iter().map(|v| v.count).sum();
        let chart = if bars.is_empty() {
            String::new()
        } else {
            horizontal_bars(&bars, c.tr.lang.is_rtl(), |v| {
                c.number(&i32::try_from(v).unwrap_or(i32::MAX))
            })
        };
        list.push(Shown { out, chart, total });
    }
    (
        ResultsOut {
            sessions,
            invited,
            answered,
            waiting,
            response_rate,
            withheld,
            questions: Vec::new(),
        },
        list,
    )
}

pub(crate) async fn session_page(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    render(&session_results_page(&ctx, id, None).await?)
}

/// A session's results with its survey controls; `refused`: the opening
/// form as typed and its problems, shown again on the page (session 25: a
/// bare error page named the fields by their codes, and what was typed was
/// lost).
async fn session_results_page(ctx: &Ctx, id: Uuid, refused: Option<(OpenForm, FieldErrors)>) -> AppResult<ResultsPage> {
    let (results, record) = session_results(ctx, id).await?;
    let c = Chrome::new(ctx);
    let organiser = c.is("organiser");
    let session = if organiser {
        let templates = surveys::templates(&ctx.state.db, ctx.org()?)
            .await?
            .into_iter()
            .map(|t| (t.id.to_string(), format!("{} (v{})", t.name, t.version)))
            .collect();
        let (typed, errors) = match refused {
            Some((form, errors)) => (Some(form), FormErrors::new(ctx.tr(), &errors)),
            None => (None, FormErrors::none()),
        };
        Some(SessionControls {
            session_id: id,
            recorded_past: record.session.record_past,
            opened: surveys::for_session(&ctx.state.db, id).await?,
            zone: record.session.time_zone,
            templates,
            typed,
            errors,
        })
    } else {
        None
    };
    let (results, shown) = shown(results, &c);
    Ok(ResultsPage {
        title: record.course.course.title.clone(),
        back: (format!("/staff/sessions/{id}/attendance"), c.t("attendance-title")),
        csv: format!("/staff/sessions/{id}/survey.csv"),
        c,
        results,
        shown,
        session,
    })
}

/// A course's or a programme's results page.
pub(crate) async fn scope_page<O: Over>(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let scoped = scoped(&ctx, O::SCOPE(id)).await?;
    let c = Chrome::new(&ctx);
    let (results, shown) = shown(scoped.results, &c);
    render(&ResultsPage {
        title: scoped.title.clone(),
        csv: format!("{}/survey.csv", scoped.page),
        back: (scoped.page, scoped.title),
        c,
        results,
        shown,
        session: None,
    })
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct OpenForm {
    /// `participants` (present at least once) or `confirmed` (everyone with a seat).
    #[serde(default)]
    invitees: String,
    #[serde(default)]
    template_id: String,
    /// Days after opening when those who have not answered are reminded.
    #[serde(default)]
    reminder_days: String,
    /// Days after opening when the survey closes.
    #[serde(default)]
    open_days: String,
}

/// A number of days from 1 to `max`; empty is the default.
fn days(input: &str, default: i64, max: i64) -> Result<i64, Problem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(default);
    }
    let value: i64 = trimmed.parse().map_err(|_| Problem::new("error-whole-number"))?;
    if (1..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Problem::new("error-range").with("min", 1).with("max", max))
    }
}

/// An organiser opens the survey now (or invites more people to it).
pub(crate) async fn open_form(
    Organiser(ctx): Organiser,
    ApiPath(id): ApiPath<Uuid>,
    CsrfForm(form): CsrfForm<OpenForm>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::new();
    let invitees = errors.take(
        "invitees",
        match form.invitees.as_str() {
            "confirmed" => Ok(Invitees::Confirmed),
            "participants" | "" => Ok(Invitees::Participants),
            _ => Err(Problem::new("error-choice")),
        },
    );
    let template_id = errors.take("template_id", crate::kit::input::parse_optional_id(&form.template_id));
    let reminder_days = errors.take("reminder_days", days(&form.reminder_days, surveys::REMINDER_DAYS, 90));
    let open_days = errors.take("open_days", days(&form.open_days, surveys::OPEN_DAYS, 365));
    if let (Some(reminder), Some(open)) = (reminder_days, open_days)
        && reminder >= open
    {
        errors.add("reminder_days", Problem::new("error-reminder-after-close"));
    }
    let (Some(invitees), Some(template_id), Some(reminder_days), Some(open_days), true) =
        (invitees, template_id, reminder_days, open_days, errors.is_empty())
    else {
        return render_invalid(&session_results_page(&ctx, id, Some((form, errors))).await?);
    };
    let opened = aula_app::surveys::open(
        &ctx.state.app(),
        ctx.org()?,
        id,
        template_id,
        invitees,
        reminder_days,
        open_days,
    )
    .await;
    if let Err(aula_app::Error::Invalid(errors)) = opened {
        return render_invalid(&session_results_page(&ctx, id, Some((form, errors))).await?);
    }
    opened?;
    Ok(redirect_with(
        &ctx,
        &format!("/staff/sessions/{id}/survey"),
        "survey-opened",
    ))
}

/// Results as a spreadsheet: one line per question and value, then the free texts.
fn csv(ctx: &Ctx, results: &ResultsOut, name: &str) -> AppResult<Response> {
    let tr = ctx.tr();
    let mut sheet = Sheet::default();
    sheet.row([
        tr.t("survey-csv-question"),
        tr.t("survey-csv-value"),
        tr.t("survey-csv-count"),
        tr.t("survey-csv-mean"),
    ])?;
    for q in &results.questions {
        let mean = q.mean.map_or(Cell::from(""), |m| number(tr.decimal(m, 2)));
        for value in &q.distribution {
            sheet.row([
                Cell::from(&q.text),
                Cell::from(&value.label),
                number(value.count),
                mean.clone(),
            ])?;
        }
        for text in &q.texts {
            sheet.row([Cell::from(&q.text), Cell::from(text), Cell::from(""), Cell::from("")])?;
        }
    }
    let bytes = sheet.into_bytes()?;
    Ok(crate::kit::pages::csv_attachment(name, bytes))
}

pub(crate) async fn session_csv(ctx: Ctx, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let (results, _) = session_results(&ctx, id).await?;
    csv(&ctx, &results, &format!("survey-{id}"))
}

/// A course's or a programme's results as a spreadsheet.
pub(crate) async fn scope_csv<O: Over>(Organiser(ctx): Organiser, ApiPath(id): ApiPath<Uuid>) -> AppResult<Response> {
    let scoped = scoped(&ctx, O::SCOPE(id)).await?;
    csv(&ctx, &scoped.results, &scoped.name)
}
