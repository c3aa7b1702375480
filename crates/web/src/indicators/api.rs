//! The indicators as JSON, as CSV and as an Excel workbook.

use aula_domain::indicators::{Breakdown, Figures, Filter};
use aula_domain::{FieldErrors, Problem};
use aula_mail::Tr;
use aula_storage::indicators::Dashboard;
use axum::Json;
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;

use super::{
    COLUMNS, IndicatorQuery, Scope, breakdown_label, column_label, compute, figures, group_label, groups, key_text,
    reach, reach_tables, region_names, values,
};
use crate::kit::api::ApiError;
use crate::kit::context::Organiser;
use crate::kit::extract::ApiQuery;
use crate::kit::pages::csv_attachment;
use crate::kit::spreadsheet::{Cell, Sheet, number};
use crate::{AppError, AppResult};

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
    /// Mean of the overall-satisfaction answers, 1 to 5, with one decimal
    /// (rounded half up), as on the page and in the CSV.
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
    /// (`YYYY-MM`) or quarter (`YYYY-Qn`); `null` for people without a
    /// region or audience.
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
    /// Each figure in the month of its own date: registrations by their
    /// session's start, attended hours and participants by the meetings
    /// attended, completions and what follows them by the session's end
    /// (issue 20).
    month: Vec<GroupOut>,
    /// The same by quarter (`YYYY-Qn`, issue 20).
    quarter: Vec<GroupOut>,
    /// A network's (issue 17): its own sessions' figures and each
    /// member's, keyed by the organisation's id. People are never merged
    /// across organisations, so its lines' people counts add up to the
    /// totals'. Empty for an organisation that is not a network.
    organisation: Vec<GroupOut>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ScoreOut {
    score: u8,
    answers: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IndicatorsOut {
    totals: FiguresOut,
    /// What the outreach beside training reached (issue 20), by the day
    /// each activity was held; never counted in `totals`. `null` when the
    /// filter names a course, a session or a modality (outreach has none).
    reach: Option<ReachOut>,
    /// The participants' regions, by name.
    region_names: Vec<String>,
    /// Overall-satisfaction answers per score; empty where the filter selects people.
    satisfaction_scores: Vec<ScoreOut>,
    breakdowns: BreakdownsOut,
}

/// What outreach reached, in total or for one kind of activity.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReachCountsOut {
    activities: u64,
    /// Head counts in rooms and at stands (each at least its walk-ins).
    attendees: u64,
    viewers: u64,
    /// Attendees and viewers together.
    people: u64,
    /// Materials handed out, all kinds.
    materials: u64,
}

impl From<&aula_domain::outreach::Reach> for ReachCountsOut {
    fn from(r: &aula_domain::outreach::Reach) -> Self {
        ReachCountsOut {
            activities: r.activities,
            attendees: r.attendees,
            viewers: r.viewers,
            people: r.people(),
            materials: r.materials,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReachKindOut {
    /// `presentation`, `information_meeting`, `webinar`, `stand` or `materials_distribution`.
    kind: String,
    label: String,
    #[serde(flatten)]
    counts: ReachCountsOut,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReachMaterialOut {
    /// `leaflet`, `guide`, `poster`, `kit` or `other`.
    kind: String,
    label: String,
    quantity: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReachOut {
    totals: ReachCountsOut,
    /// Kinds with at least one activity, in a fixed order.
    by_kind: Vec<ReachKindOut>,
    materials: Vec<ReachMaterialOut>,
}

fn reach_out(tr: &Tr, reach: &aula_storage::outreach::ReachFigures) -> ReachOut {
    let tables = reach_tables(tr, reach);
    ReachOut {
        totals: ReachCountsOut::from(&reach.totals),
        by_kind: tables
            .by_kind
            .into_iter()
            .filter_map(|(kind, label, r)| {
                kind.map(|kind| ReachKindOut {
                    kind,
                    label,
                    counts: ReachCountsOut::from(&r),
                })
            })
            .collect(),
        materials: tables
            .materials
            .into_iter()
            .map(|(kind, label, quantity)| ReachMaterialOut { kind, label, quantity })
            .collect(),
    }
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

fn filter_of(query: &IndicatorQuery) -> AppResult<Filter> {
    Filter::try_from(&query.input()).map_err(AppError::Invalid)
}

/// The indicators for a filter: totals, the participants' regions, the
/// satisfaction scores, and every breakdown. A network's organisers read
/// the network's own sessions and its members' together (`member` chooses
/// one), with the breakdown by organisation.
#[utoipa::path(get, path = "/api/v1/indicators", tag = "indicators", params(IndicatorQuery),
    responses((status = 200, body = IndicatorsOut),
        (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn indicators_api(
    Organiser(ctx): Organiser,
    ApiQuery(query): ApiQuery<IndicatorQuery>,
) -> AppResult<Json<IndicatorsOut>> {
    let scope = Scope::of(&ctx).await?;
    let filter = scope.limited(filter_of(&query)?).await?;
    let dashboard = compute(ctx.tr(), &scope, &filter, &scope.breakdowns()).await?;
    let reach = reach(&scope, &filter).await?;
    let tr = ctx.tr();
    Ok(Json(IndicatorsOut {
        totals: FiguresOut::from(&dashboard.totals),
        reach: reach.as_ref().map(|r| reach_out(&tr, r)),
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
            quarter: groups_out(&tr, &dashboard, Breakdown::Quarter),
            organisation: groups_out(&tr, &dashboard, Breakdown::Organisation),
        },
    }))
}

// ----- CSV --------------------------------------------------------------------

/// One table of indicators as CSV (UTF-8 with a byte-order mark, so that
/// spreadsheets keep the accents): the totals as (indicator, value) lines,
/// or a breakdown with one line per group. Labels and decimals in the
/// asker's language.
#[utoipa::path(get, path = "/api/v1/indicators.csv", tag = "indicators", params(IndicatorQuery),
    responses((status = 200, content_type = "text/csv", body = String),
        (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn indicators_csv(
    Organiser(ctx): Organiser,
    ApiQuery(query): ApiQuery<IndicatorQuery>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::new();
    let filter = Filter::try_from(&query.input()).map_err(|e| errors = e).ok();
    // The reach's two tables (issue 20) are asked for by name, beside the breakdowns.
    let reach_table = match query.breakdown.trim() {
        table @ ("reach" | "materials") => Some(table),
        _ => None,
    };
    let breakdown = match query.breakdown.trim() {
        "" | "reach" | "materials" => None,
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
    let scope = Scope::of(&ctx).await?;
    let filter = scope.limited(filter).await?;
    let tr = ctx.tr();
    if let Some(table) = reach_table {
        let Some(figures) = reach(&scope, &filter).await? else {
            return Err(AppError::Invalid(FieldErrors::single(
                "breakdown",
                Problem::new("error-reach-not-applicable"),
            )));
        };
        let tables = reach_tables(&tr, &figures);
        let mut sheet = Sheet::new(delimiter);
        if table == "reach" {
            sheet.row(tables.by_kind_header.iter().map(Cell::from).collect::<Vec<_>>())?;
            for (_, label, r) in tables.by_kind {
                sheet.row([
                    Cell::from(label),
                    number(r.activities),
                    number(r.attendees),
                    number(r.viewers),
                    number(r.materials),
                ])?;
            }
        } else {
            sheet.row(tables.materials_header.iter().map(Cell::from).collect::<Vec<_>>())?;
            for (_, label, n) in tables.materials {
                sheet.row([Cell::from(label), number(n)])?;
            }
        }
        return Ok(csv_attachment(&format!("indicators-{table}"), sheet.into_bytes()?));
    }
    let dashboard = compute(tr, &scope, &filter, breakdown.as_slice()).await?;
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

// ----- XLSX -------------------------------------------------------------------

/// The whole dashboard as an Excel workbook (issue 22): the headline figures,
/// the distribution of satisfaction scores, and one sheet per breakdown,
/// with numbers stored as numbers (whatever the reader's decimal separator)
/// and headings in the asker's language; right to left in Arabic.
#[utoipa::path(get, path = "/api/v1/indicators.xlsx", tag = "indicators", params(IndicatorQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body = Vec<u8>), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub(crate) async fn indicators_xlsx(
    Organiser(ctx): Organiser,
    ApiQuery(query): ApiQuery<IndicatorQuery>,
) -> AppResult<Response> {
    use aula_documents::workbook::{Table, Value, workbook};
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let scope = Scope::of(&ctx).await?;
    let filter = scope.limited(filter_of(&query)?).await?;
    let dashboard = compute(ctx.tr(), &scope, &filter, &scope.breakdowns()).await?;
    let tr = ctx.tr();
    let mut tables = vec![Table {
        name: tr.t("indicators-headline"),
        header: vec![tr.t("indicators-indicator"), tr.t("indicators-value")],
        rows: COLUMNS
            .iter()
            .zip(figures(&dashboard.totals))
            .map(|(column, value)| vec![Value::Text(column_label(&tr, column)), value])
            .collect(),
    }];
    if !filter.selects_people() {
        tables.push(Table {
            name: tr.t("indicators-satisfaction-distribution"),
            header: vec![tr.t("indicators-score"), tr.t("indicators-answers")],
            rows: (1..)
                .zip(&dashboard.scores)
                .map(|(score, n)| vec![Value::Count(score), Value::Count(*n)])
                .collect(),
        });
    }
    for breakdown in scope.breakdowns() {
        let mut header = vec![breakdown_label(&tr, breakdown)];
        header.extend(COLUMNS.iter().map(|c| column_label(&tr, c)));
        tables.push(Table {
            name: breakdown_label(&tr, breakdown),
            header,
            rows: groups(&dashboard, breakdown)
                .iter()
                .map(|group| {
                    let mut row = vec![Value::Text(group_label(&tr, breakdown, group))];
                    row.extend(figures(&group.figures));
                    row
                })
                .collect(),
        });
    }
    // The outreach's reach (issue 20), apart from the training figures;
    // no sheets where the filter has no outreach.
    if let Some(reach) = reach(&scope, &filter).await?.filter(|r| r.totals.activities > 0) {
        let reach = reach_tables(&tr, &reach);
        tables.push(Table {
            name: tr.t("reach-by-kind"),
            header: reach.by_kind_header,
            rows: reach
                .by_kind
                .into_iter()
                .map(|(_, label, r)| {
                    vec![
                        Value::Text(label),
                        Value::Count(r.activities),
                        Value::Count(r.attendees),
                        Value::Count(r.viewers),
                        Value::Count(r.materials),
                    ]
                })
                .collect(),
        });
        tables.push(Table {
            name: tr.t("reach-by-material"),
            header: reach.materials_header,
            rows: reach
                .materials
                .into_iter()
                .map(|(_, label, n)| vec![Value::Text(label), Value::Count(n)])
                .collect(),
        });
    }
    let bytes = workbook(&tables, tr.lang.is_rtl()).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (
                CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
            ),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"indicators.xlsx\"".to_owned(),
            ),
        ],
        bytes,
    )
        .into_response())
}
