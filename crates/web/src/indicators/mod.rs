//! Indicators: the organiser's dashboard (`/staff/indicators`), its JSON
//! (`GET /api/v1/indicators`) and its tables as CSV
//! (`GET /api/v1/indicators.csv`), all from one filter in the query string.
//!
//! The figures are `aula_storage::indicators::dashboard`'s; this module only
//! names them in the reader's language. Every chart is drawn beside a table
//! with the same numbers, and the page prints as a report: the filter form
//! and links drop out, the charts stay.

use askama::Template;
use aula_domain::indicators::{Breakdown, Figures, Filter, FilterInput};
use aula_domain::{Audience, FieldErrors, Modality, Problem};
use aula_mail::Tr;
use aula_storage::indicators::{Dashboard, Group, Key};
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::ApiError;
use crate::context::Organiser;
use crate::extract::ApiQuery;
use crate::pages::{Chrome, FormErrors, csv_attachment, render, render_invalid};
use crate::spreadsheet::{Cell, Sheet, number};
use crate::{AppError, AppResult, AppState};
use aula_documents::charts::{Bar, horizontal_bars};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(indicators_api))
        .routes(routes!(indicators_csv))
        .route("/staff/indicators", get(dashboard_page))
}

/// The filter, and for the CSV the table and delimiter. Empty means "all".
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct IndicatorQuery {
    /// A programme's id.
    programme: String,
    /// A course's id.
    course: String,
    /// A session's id.
    session: String,
    /// `in_person`, `online` or `blended`.
    modality: String,
    /// The participants' region (id).
    region: String,
    /// The participants' audience (`public_servant`, `union_delegate`, ...).
    audience: String,
    /// Sessions starting on or after this day (`YYYY-MM-DD`).
    from: String,
    /// Sessions starting on or before this day (`YYYY-MM-DD`).
    to: String,
    /// CSV: the table (`region`, `audience`, `modality`, `course`, `month`); none for the totals.
    breakdown: String,
    /// CSV: `comma` (the default) or `semicolon` (spreadsheets set to a decimal comma).
    delimiter: String,
}

impl IndicatorQuery {
    fn input(&self) -> FilterInput {
        FilterInput {
            programme: self.programme.clone(),
            course: self.course.clone(),
            session: self.session.clone(),
            modality: self.modality.clone(),
            region: self.region.clone(),
            audience: self.audience.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }

    /// The filter as a query string, to link a table's CSV.
    fn query_string(&self) -> String {
        [
            ("programme", &self.programme),
            ("course", &self.course),
            ("session", &self.session),
            ("modality", &self.modality),
            ("region", &self.region),
            ("audience", &self.audience),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", crate::pages::url_encode(v.trim())))
        .collect::<Vec<_>>()
        .join("&")
    }
}

async fn compute(state: &AppState, filter: &Filter, breakdowns: &[Breakdown]) -> AppResult<Dashboard> {
    Ok(aula_storage::indicators::dashboard(&state.db, filter, breakdowns, chrono::Utc::now()).await?)
}

// ----- words ----------------------------------------------------------------

/// The indicators in their order on the page and in the CSV, with their message keys.
const COLUMNS: &[&str] = &[
    "registrations",
    "registered-people",
    "participants",
    "completions",
    "beneficiaries",
    "completion-rate",
    "training-hours",
    "satisfaction-mean",
    "satisfaction-count",
    "survey-response-rate",
    "certificates-issued",
    "certificates-revoked",
    "sessions-held",
    "venues",
    "workplaces",
    "regions",
];

/// One figure in the reader's language, as `COLUMNS` orders them; "—" where
/// it cannot be known (a rate without a denominator, satisfaction by person).
fn values(tr: &Tr, f: &Figures) -> Vec<String> {
    let whole = |n: u64| n.to_string();
    let dash = || "—".to_owned();
    vec![
        whole(f.registrations),
        whole(f.registered_people),
        whole(f.participants),
        whole(f.completions),
        whole(f.beneficiaries),
        f.completion_rate().map_or_else(dash, |r| tr.decimal(r, 1)),
        tr.decimal(f.training_hours(), 1),
        f.satisfaction_mean().map_or_else(dash, |m| tr.decimal(m, 1)),
        f.satisfaction.map_or_else(dash, |s| whole(s.count)),
        f.survey_response_rate().map_or_else(dash, |r| tr.decimal(r, 1)),
        whole(f.certificates_issued),
        whole(f.certificates_revoked),
        whole(f.sessions_held),
        whole(f.venues),
        whole(f.workplaces),
        whole(f.regions),
    ]
}

fn column_label(tr: &Tr, column: &str) -> String {
    tr.t(&format!("indicators-{column}"))
}

fn breakdown_label(tr: &Tr, breakdown: Breakdown) -> String {
    tr.t(&format!("indicators-by-{}", breakdown.as_str()))
}

/// A group's name: the region or course, the audience or modality in
/// words, the month and year; "not given" for people without one.
fn group_label(tr: &Tr, breakdown: Breakdown, group: &Group) -> String {
    match (&group.key, breakdown) {
        (None, _) => tr.t("indicators-not-given"),
        (Some(_), Breakdown::Region | Breakdown::Course) => {
            group.name.clone().unwrap_or_else(|| tr.t("indicators-not-given"))
        }
        (Some(Key::Code(code)), Breakdown::Audience) => tr.t(&format!("audience-{}", code.replace('_', "-"))),
        (Some(Key::Code(code)), Breakdown::Modality) => tr.t(&format!("modality-{}", code.replace('_', "-"))),
        (Some(Key::Code(code)), Breakdown::Month) => {
            let (year, month) = code.split_once('-').unwrap_or((code, "0"));
            let month: u32 = month.parse().unwrap_or(0);
            format!("{} {year}", tr.t(&format!("month-{month}")))
        }
        (Some(Key::Id(id)), _) => id.to_string(),
    }
}

fn key_text(key: &Option<Key>) -> Option<String> {
    match key {
        Some(Key::Id(id)) => Some(id.to_string()),
        Some(Key::Code(code)) => Some(code.clone()),
        None => None,
    }
}

// ----- JSON -------------------------------------------------------------------

/// The indicators of DESIGN.md. Rates are percentages with one decimal;
/// satisfaction is `null` where the filter or group selects people
/// (answers are anonymous, linked to sessions only).
#[derive(Debug, Serialize, ToSchema)]
pub struct FiguresOut {
    registrations: u64,
    registered_people: u64,
    participants: u64,
    completions: u64,
    beneficiaries: u64,
    /// Completions per confirmed registration of held sessions, in percent.
    completion_rate: Option<f64>,
    /// Attended hours, summed, with two decimals.
    training_hours: f64,
    /// Mean of the overall-satisfaction answers, 1 to 5, with two decimals.
    satisfaction_mean: Option<f64>,
    satisfaction_count: Option<u64>,
    survey_invitations: u64,
    survey_answers: u64,
    /// Answered invitations per invitation, in percent.
    survey_response_rate: Option<f64>,
    certificates_issued: u64,
    certificates_revoked: u64,
    sessions_held: u64,
    venues: u64,
    workplaces: u64,
    regions: u64,
}

impl From<&Figures> for FiguresOut {
    fn from(f: &Figures) -> Self {
        FiguresOut {
            registrations: f.registrations,
            registered_people: f.registered_people,
            participants: f.participants,
            completions: f.completions,
            beneficiaries: f.beneficiaries,
            completion_rate: f.completion_rate(),
            training_hours: f.training_hours(),
            satisfaction_mean: f.satisfaction_mean(),
            satisfaction_count: f.satisfaction.map(|s| s.count),
            survey_invitations: f.survey_invitations,
            survey_answers: f.survey_answers,
            survey_response_rate: f.survey_response_rate(),
            certificates_issued: f.certificates_issued,
            certificates_revoked: f.certificates_revoked,
            sessions_held: f.sessions_held,
            venues: f.venues,
            workplaces: f.workplaces,
            regions: f.regions,
        }
    }
}

/// One line of a breakdown.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupOut {
    /// The region or course id, the audience or modality code, the month
    /// (`YYYY-MM`); `null` for people without a region or audience.
    key: Option<String>,
    /// The key in words, in the asker's language.
    label: String,
    figures: FiguresOut,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BreakdownsOut {
    region: Vec<GroupOut>,
    audience: Vec<GroupOut>,
    modality: Vec<GroupOut>,
    course: Vec<GroupOut>,
    month: Vec<GroupOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ScoreOut {
    score: u8,
    answers: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IndicatorsOut {
    totals: FiguresOut,
    /// The participants' regions, by name.
    region_names: Vec<String>,
    /// Overall-satisfaction answers per score; empty where the filter selects people.
    satisfaction_scores: Vec<ScoreOut>,
    breakdowns: BreakdownsOut,
}

fn groups_out(tr: &Tr, dashboard: &Dashboard, breakdown: Breakdown) -> Vec<GroupOut> {
    groups(dashboard, breakdown)
        .iter()
        .map(|g| GroupOut {
            key: key_text(&g.key),
            label: group_label(tr, breakdown, g),
            figures: FiguresOut::from(&g.figures),
        })
        .collect()
}

fn groups(dashboard: &Dashboard, breakdown: Breakdown) -> &[Group] {
    dashboard
        .breakdowns
        .iter()
        .find(|(b, _)| *b == breakdown)
        .map(|(_, g)| g.as_slice())
        .unwrap_or_default()
}

/// The regions participants came from, by name.
fn region_names(dashboard: &Dashboard) -> Vec<String> {
    groups(dashboard, Breakdown::Region)
        .iter()
        .filter(|g| g.figures.participants > 0)
        .filter_map(|g| g.name.clone())
        .collect()
}

fn filter_of(query: &IndicatorQuery) -> AppResult<Filter> {
    Filter::try_from(&query.input()).map_err(AppError::Invalid)
}

/// The indicators for a filter: totals, the participants' regions, the
/// satisfaction scores, and every breakdown.
#[utoipa::path(get, path = "/api/v1/indicators", tag = "indicators", params(IndicatorQuery),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, body = IndicatorsOut), (status = 401, body = ApiError),
        (status = 403, body = ApiError), (status = 422, body = ApiError)))]
async fn indicators_api(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<IndicatorQuery>,
) -> AppResult<Json<IndicatorsOut>> {
    let filter = filter_of(&query)?;
    let dashboard = compute(&state, &filter, Breakdown::ALL).await?;
    let tr = ctx.tr();
    Ok(Json(IndicatorsOut {
        totals: FiguresOut::from(&dashboard.totals),
        region_names: region_names(&dashboard),
        satisfaction_scores: dashboard
            .scores
            .iter()
            .zip(1u8..)
            .map(|(answers, score)| ScoreOut {
                score,
                answers: *answers,
            })
            .collect(),
        breakdowns: BreakdownsOut {
            region: groups_out(&tr, &dashboard, Breakdown::Region),
            audience: groups_out(&tr, &dashboard, Breakdown::Audience),
            modality: groups_out(&tr, &dashboard, Breakdown::Modality),
            course: groups_out(&tr, &dashboard, Breakdown::Course),
            month: groups_out(&tr, &dashboard, Breakdown::Month),
        },
    }))
}

// ----- CSV --------------------------------------------------------------------

/// One table of indicators as CSV (UTF-8 with a byte-order mark, so that
/// spreadsheets keep the accents): the totals as (indicator, value) lines,
/// or a breakdown with one line per group. Labels and decimals in the
/// asker's language.
#[utoipa::path(get, path = "/api/v1/indicators.csv", tag = "indicators", params(IndicatorQuery),
    security(("bearer" = []), ("cookie" = [])),
    responses((status = 200, content_type = "text/csv", body = String), (status = 401, body = ApiError),
        (status = 403, body = ApiError), (status = 422, body = ApiError)))]
async fn indicators_csv(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<IndicatorQuery>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::new();
    let filter = Filter::try_from(&query.input()).map_err(|e| errors = e).ok();
    let breakdown = match query.breakdown.trim() {
        "" => None,
        value => errors.take("breakdown", Breakdown::parse(value)),
    };
    let delimiter = match query.delimiter.trim() {
        "" | "comma" => b',',
        "semicolon" => b';',
        _ => {
            errors.add("delimiter", Problem::new("error-choice"));
            b','
        }
    };
    let (Some(filter), true) = (filter, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let dashboard = compute(&state, &filter, breakdown.as_slice()).await?;
    let tr = ctx.tr();
    let mut sheet = Sheet::new(delimiter);
    match breakdown {
        None => {
            sheet.row([tr.t("indicators-indicator"), tr.t("indicators-value")])?;
            for (column, value) in COLUMNS.iter().zip(values(&tr, &dashboard.totals)) {
                sheet.row([Cell::from(column_label(&tr, column)), number(value)])?;
            }
        }
        Some(b) => {
            let mut header = vec![breakdown_label(&tr, b)];
            header.extend(COLUMNS.iter().map(|c| column_label(&tr, c)));
            sheet.row(header)?;
            for group in groups(&dashboard, b) {
                // A group's name may be people's words (a region, a course).
                let mut line = vec![Cell::from(group_label(&tr, b, group))];
                line.extend(values(&tr, &group.figures).into_iter().map(number));
                sheet.row(line)?;
            }
        }
    }
    let bytes = sheet.into_bytes()?;
    let name = format!("indicators-{}", breakdown.map_or("totals", Breakdown::as_str));
    Ok(csv_attachment(&name, bytes))
}

// ----- the dashboard ---------------------------------------------------------

/// A headline figure.
struct Headline {
    label: String,
    value: String,
    /// What it counts, or its denominator, in small print.
    note: String,
}

/// A breakdown as the page shows it: its chart (if any) and its table.
struct Section {
    id: &'static str,
    title: String,
    chart: String,
    csv: String,
    /// The dimension's label, then the columns shown on the page.
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

#[derive(Template)]
#[template(path = "pages/indicators.html")]
struct DashboardPage {
    c: Chrome,
    form: IndicatorQuery,
    errors: FormErrors,
    programmes: Vec<(String, String)>,
    courses: Vec<(String, String)>,
    sessions: Vec<(String, String)>,
    modalities: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    audiences: Vec<(String, String)>,
    /// Nothing when the filter does not parse.
    headlines: Vec<Headline>,
    region_names: String,
    sections: Vec<Section>,
    totals_csv: String,
    /// The filter in words, printed on the report.
    described: String,
    generated: String,
}

/// A breakdown's chart: the value each group's bar shows, and how to write it.
type Chart<'a> = (&'a dyn Fn(&Figures) -> Option<u64>, &'a dyn Fn(u64) -> String);

/// The columns a breakdown's table shows on the page (the CSV has them all).
const PAGE_COLUMNS: &[usize] = &[1, 2, 4, 5, 6, 7];

fn section(
    tr: &Tr,
    dashboard: &Dashboard,
    breakdown: Breakdown,
    title_key: &str,
    csv_base: &str,
    bar: Option<Chart>,
) -> Section {
    let groups = groups(dashboard, breakdown);
    let chart = match bar {
        Some((value, format)) if !groups.is_empty() => {
            let bars: Vec<Bar> = groups
                .iter()
                .filter_map(|g| {
                    value(&g.figures).map(|v| Bar {
                        label: short(&group_label(tr, breakdown, g)),
                        value: v,
                    })
                })
                .collect();
            if bars.is_empty() {
                String::new()
            } else {
                horizontal_bars(&bars, format)
            }
        }
        _ => String::new(),
    };
    let mut header = vec![breakdown_label(tr, breakdown)];
    header.extend(PAGE_COLUMNS.iter().map(|i| column_label(tr, COLUMNS[*i])));
    let rows = groups
        .iter()
        .map(|g| {
            let all = values(tr, &g.figures);
            let mut row = vec![group_label(tr, breakdown, g)];
            row.extend(PAGE_COLUMNS.iter().map(|i| all[*i].clone()));
            row
        })
        .collect();
    Section {
        id: breakdown.as_str(),
        title: tr.t(title_key),
        chart,
        csv: format!("{csv_base}breakdown={}", breakdown.as_str()),
        header,
        rows,
    }
}

/// A chart's label, cut to fit its margin; the table beside it has it whole.
fn short(label: &str) -> String {
    const MAX: usize = 26;
    if label.chars().count() <= MAX {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn headlines(tr: &Tr, f: &Figures) -> Vec<Headline> {
    let all = values(tr, f);
    let line = |index: usize, note: String| Headline {
        label: column_label(tr, COLUMNS[index]),
        value: all[index].clone(),
        note,
    };
    let number = |n: u64| tr.number(i64::try_from(n).unwrap_or(i64::MAX));
    vec![
        Headline {
            value: number(f.registered_people),
            ..line(
                1,
                tr.t1("indicators-note-registrations", "count", number(f.registrations)),
            )
        },
        Headline {
            value: number(f.participants),
            ..line(2, String::new())
        },
        Headline {
            value: number(f.beneficiaries),
            ..line(4, tr.t1("indicators-note-completions", "count", number(f.completions)))
        },
        line(
            5,
            tr.t1("indicators-note-completion-rate", "count", number(f.confirmed_in_held)),
        ),
        Headline {
            // Whole hours on the page (rounded half up); the CSV has the decimals.
            value: number((f.attended_minutes + 30) / 60),
            ..line(6, String::new())
        },
        Headline {
            value: match f.satisfaction_mean() {
                Some(mean) => tr.t1("indicators-out-of-five", "mean", tr.decimal(mean, 1)),
                None => "—".into(),
            },
            ..line(
                7,
                match f.satisfaction {
                    Some(s) => tr.t1("indicators-note-answers", "count", number(s.count)),
                    None => tr.t("indicators-note-anonymous"),
                },
            )
        },
        line(
            9,
            tr.args(
                "indicators-note-response-rate",
                &[
                    ("answered", number(f.survey_answers)),
                    ("invited", number(f.survey_invitations)),
                ],
            ),
        ),
        Headline {
            value: number(f.certificates_issued),
            ..line(
                10,
                tr.t1("indicators-note-revoked", "count", number(f.certificates_revoked)),
            )
        },
        Headline {
            value: number(f.sessions_held),
            ..line(12, String::new())
        },
        Headline {
            value: number(f.venues),
            ..line(13, String::new())
        },
        Headline {
            value: number(f.workplaces),
            ..line(14, String::new())
        },
        Headline {
            value: number(f.regions),
            ..line(15, String::new())
        },
    ]
}

async fn dashboard_page(
    Organiser(ctx): Organiser,
    State(state): State<AppState>,
    ApiQuery(form): ApiQuery<IndicatorQuery>,
) -> AppResult<Response> {
    let tr = ctx.tr();
    let c = Chrome::new(&ctx);
    let parsed = Filter::try_from(&form.input());
    let programmes = aula_storage::programmes::choices(&state.db)
        .await?
        .into_iter()
        .map(|p| (p.id.to_string(), p.title))
        .collect();
    let chosen_programme = parsed.as_ref().ok().and_then(|f| f.programme_id);
    let courses = aula_storage::courses::choices(&state.db)
        .await?
        .into_iter()
        .filter(|c| chosen_programme.is_none() || c.programme_id == chosen_programme)
        .map(|c| (c.id.to_string(), c.title))
        .collect();
    // A course's sessions, once a course is chosen: all sessions would be too many.
    let sessions = match parsed.as_ref().ok().and_then(|f| f.course_id) {
        Some(course) => {
            let filter = aula_storage::sessions::SessionFilter {
                course_id: Some(course),
                ..Default::default()
            };
            aula_storage::sessions::list(&state.db, &filter, aula_storage::Page::new(Some(1), Some(200), 200))
                .await?
                .items
                .into_iter()
                .map(|s| {
                    let label = match s.session.starts_at {
                        Some(at) => tr.date(at, crate::pages::tz(&s.session.time_zone)),
                        None => s.session.id.to_string(),
                    };
                    (s.session.id.to_string(), label)
                })
                .collect()
        }
        None => Vec::new(),
    };
    let modalities = Modality::ALL
        .iter()
        .map(|m| (m.as_str().to_owned(), c.word("modality", m.as_str())))
        .collect();
    let audiences = Audience::ALL
        .iter()
        .map(|a| (a.as_str().to_owned(), c.word("audience", a.as_str())))
        .collect();
    let region_rows = aula_storage::regions::list(&state.db).await?;
    let regions = region_rows.iter().map(|r| (r.id.to_string(), r.name.clone())).collect();
    let query_string = form.query_string();
    let csv_base = if query_string.is_empty() {
        "/api/v1/indicators.csv?".to_owned()
    } else {
        format!("/api/v1/indicators.csv?{query_string}&")
    };
    let mut page = DashboardPage {
        errors: FormErrors::none(),
        programmes,
        courses,
        sessions,
        modalities,
        regions,
        audiences,
        headlines: Vec::new(),
        region_names: String::new(),
        sections: Vec::new(),
        totals_csv: csv_base.trim_end_matches(['&', '?']).to_owned(),
        described: String::new(),
        generated: tr.plain_date(chrono::Utc::now().date_naive()),
        form,
        c,
    };
    let filter = match parsed {
        Ok(filter) => filter,
        Err(errors) => {
            page.errors = FormErrors::new(tr, &errors);
            return render_invalid(&page);
        }
    };
    let dashboard = compute(&state, &filter, Breakdown::ALL).await?;
    page.headlines = headlines(&tr, &dashboard.totals);
    page.region_names = region_names(&dashboard).join(", ");
    page.described = describe(&page, &filter, &region_rows);
    let permille = |rate: Option<f64>| rate.map(|r| (r * 10.0).round() as u64);
    let percent = |v: u64| format!("{} %", tr.decimal(v as f64 / 10.0, 1));
    let whole = |v: u64| tr.number(i64::try_from(v).unwrap_or(i64::MAX));
    let scores_table = Section {
        id: "satisfaction",
        title: tr.t("indicators-satisfaction-distribution"),
        chart: if dashboard.scores.iter().any(|n| *n > 0) {
            horizontal_bars(
                &dashboard
                    .scores
                    .iter()
                    .zip(1..)
                    .map(|(n, score)| Bar {
                        label: score.to_string(),
                        value: *n,
                    })
                    .collect::<Vec<_>>(),
                whole,
            )
        } else {
            String::new()
        },
        csv: String::new(),
        header: vec![tr.t("indicators-score"), tr.t("indicators-answers")],
        rows: dashboard
            .scores
            .iter()
            .zip(1..)
            .map(|(n, score): (&u64, u8)| vec![score.to_string(), whole(*n)])
            .collect(),
    };
    page.sections = vec![
        section(
            &tr,
            &dashboard,
            Breakdown::Region,
            "indicators-chart-region",
            &csv_base,
            Some((&|f: &Figures| Some(f.participants), &whole)),
        ),
        section(
            &tr,
            &dashboard,
            Breakdown::Course,
            "indicators-chart-course",
            &csv_base,
            Some((&|f: &Figures| permille(f.completion_rate()), &percent)),
        ),
        scores_table,
        section(
            &tr,
            &dashboard,
            Breakdown::Month,
            "indicators-chart-month",
            &csv_base,
            Some((&|f: &Figures| Some(f.registrations), &whole)),
        ),
        section(
            &tr,
            &dashboard,
            Breakdown::Audience,
            "indicators-by-audience",
            &csv_base,
            None,
        ),
        section(
            &tr,
            &dashboard,
            Breakdown::Modality,
            "indicators-by-modality",
            &csv_base,
            None,
        ),
    ];
    page.sections.retain(|s| !s.rows.is_empty());
    render(&page)
}

/// The filter in words, for the printed report: "Programme: ..., From: ...".
fn describe(page: &DashboardPage, filter: &Filter, regions: &[aula_storage::entities::region::Model]) -> String {
    let c = &page.c;
    let find = |list: &[(String, String)], id: Option<uuid::Uuid>| {
        id.map(|id| {
            list.iter()
                .find(|(k, _)| *k == id.to_string())
                .map_or_else(|| id.to_string(), |(_, v)| v.clone())
        })
    };
    let mut parts = Vec::new();
    let mut add = |key: &str, value: Option<String>| {
        if let Some(value) = value {
            parts.push(format!("{}: {value}", c.t(key)));
        }
    };
    add("indicators-programme", find(&page.programmes, filter.programme_id));
    add("indicators-course", find(&page.courses, filter.course_id));
    add("indicators-session", find(&page.sessions, filter.session_id));
    add(
        "indicators-modality",
        filter.modality.map(|m| c.word("modality", m.as_str())),
    );
    add(
        "indicators-region",
        filter.region_id.map(|id| {
            regions
                .iter()
                .find(|r| r.id == id)
                .map_or_else(|| id.to_string(), |r| r.name.clone())
        }),
    );
    add(
        "indicators-audience",
        filter.audience.map(|a| c.word("audience", a.as_str())),
    );
    add("indicators-from", filter.from.map(|d| c.plain_date(&d)));
    add("indicators-to", filter.to.map(|d| c.plain_date(&d)));
    if parts.is_empty() {
        c.t("indicators-everything")
    } else {
        parts.join(" · ")
    }
}
