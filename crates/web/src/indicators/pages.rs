//! The indicators dashboard page, with its SVG charts.

use askama::Template;
use aula_domain::Modality;
use aula_domain::indicators::{Breakdown, Figures, Filter};
use aula_mail::{Arg, Tr};
use aula_storage::indicators::Dashboard;
use axum::response::Response;

use super::{
    COLUMNS, IndicatorQuery, Scope, breakdown_label, column_label, compute, group_label, groups, reach, reach_tables,
    region_names, values,
};
use crate::AppResult;
use crate::kit::audiences::AudienceWords;
use crate::kit::context::Organiser;
use crate::kit::extract::ApiQuery;
use crate::kit::pages::{Chrome, FormErrors, render, render_invalid};
use aula_documents::charts::{Bar, horizontal_bars};

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
    /// A network's own organisation and members (issue 17); empty otherwise.
    members: Vec<(String, String)>,
    /// What a network's figures count, in words; empty otherwise.
    network_note: String,
    programmes: Vec<(String, String)>,
    courses: Vec<(String, String)>,
    sessions: Vec<(String, String)>,
    /// The commissioning bodies named on the organisation's programmes,
    /// courses and sessions (issue 20), by name.
    commissioners: Vec<(String, String)>,
    /// The chosen programme's funders, commissioning and partners, as the
    /// report names them (issue 20).
    about: Option<ProgrammeAbout>,
    modalities: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    audiences: Vec<(String, String)>,
    /// Nothing when the filter does not parse.
    headlines: Vec<Headline>,
    region_names: String,
    sections: Vec<Section>,
    totals_csv: String,
    /// The whole dashboard as an Excel workbook, for the same filter.
    workbook: String,
    /// The filter in words, printed on the report.
    described: String,
    /// The outreach's reach (issue 20): people reached, in words, or `None`
    /// where the filter names what outreach has none of.
    reach_people: Option<String>,
    /// Its tables (by kind of activity, materials by kind); empty without
    /// any activity.
    reach_sections: Vec<Section>,
    generated: String,
}

/// A programme's funders ("name (reference)"), its commissioning body with
/// the contract's reference, and its partners ("name: role"), for the
/// report's head (issue 20).
struct ProgrammeAbout {
    funders: Vec<String>,
    /// The funders' logos: (address, funder's name); the organisation's own
    /// programme's only (its staff's pages serve them).
    logos: Vec<(String, String)>,
    commissioner: Option<String>,
    partners: Vec<String>,
}

impl ProgrammeAbout {
    fn is_empty(&self) -> bool {
        self.funders.is_empty() && self.commissioner.is_none() && self.partners.is_empty()
    }
}

async fn about(tr: &Tr, scope: &Scope, programme: uuid::Uuid) -> AppResult<Option<ProgrammeAbout>> {
    // The programme is one of the scope's organisations' (a network's members' too).
    let mut found = None;
    for o in &scope.organisations {
        match aula_storage::programmes::get(&scope.db, aula_storage::organisations::id(o), programme).await {
            Ok(p) => {
                found = Some(p);
                break;
            }
            Err(aula_storage::StorageError::NotFound) => {}
            Err(other) => return Err(other.into()),
        }
    }
    let Some(p) = found else { return Ok(None) };
    let with = |main: String, extra: Option<String>, key: &str| match extra {
        Some(extra) => tr.args(key, &[("name", Arg::from(main)), ("detail", Arg::from(extra))]),
        None => main,
    };
    let listed = aula_storage::programmes::funders(&scope.db, p.id).await?;
    let logos = listed
        .iter()
        .filter(|f| f.logo_sha256.is_some() && p.organisation_id == scope.own())
        .map(|f| {
            (
                format!("/staff/programmes/{}/funders/{}/logo", p.id, f.position + 1),
                f.name.clone(),
            )
        })
        .collect();
    let funders = listed
        .into_iter()
        .map(|f| with(f.name, f.reference, "programme-funder-with-reference"))
        .collect();
    let partners = aula_storage::programmes::partners(&scope.db, p.id)
        .await?
        .into_iter()
        .map(|f| with(f.name, f.role, "programme-partner-with-role"))
        .collect();
    let commissioner = p
        .commissioner
        .map(|name| with(name, p.contract_reference, "programme-commissioner-with-contract"));
    let about = ProgrammeAbout {
        funders,
        logos,
        commissioner,
        partners,
    };
    Ok((!about.is_empty()).then_some(about))
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
                        label: group_label(tr, breakdown, g),
                        value: v,
                    })
                })
                .collect();
            if bars.is_empty() {
                String::new()
            } else {
                horizontal_bars(&bars, tr.lang.is_rtl(), format)
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
            ..line(1, tr.t1("indicators-note-registrations", "count", f.registrations))
        },
        Headline {
            value: number(f.participants),
            // Registrations, not people: beside "registered people" it can
            // be the larger number, and the card says why (issue 22).
            ..line(2, tr.t("indicators-note-participants"))
        },
        Headline {
            value: number(f.beneficiaries),
            ..line(4, tr.t1("indicators-note-completions", "count", f.completions))
        },
        line(
            5,
            tr.t1("indicators-note-completion-rate", "count", f.confirmed_in_held),
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
                    Some(s) => tr.t1("indicators-note-answers", "count", s.count),
                    None => tr.t("indicators-note-anonymous"),
                },
            )
        },
        line(
            9,
            tr.args(
                "indicators-note-response-rate",
                &[
                    ("answered", Arg::from(f.survey_answers)),
                    ("invited", Arg::from(f.survey_invitations)),
                ],
            ),
        ),
        Headline {
            value: number(f.certificates_issued),
            ..line(10, tr.t1("indicators-note-revoked", "count", f.certificates_revoked))
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

pub(crate) async fn dashboard_page(
    Organiser(ctx): Organiser,
    ApiQuery(form): ApiQuery<IndicatorQuery>,
) -> AppResult<Response> {
    let tr = ctx.tr();
    let c = Chrome::new(&ctx);
    let scope = Scope::of(&ctx).await?;
    let parsed = match Filter::try_from(&form.input()) {
        Ok(filter) => scope.limit(filter).await?,
        Err(errors) => Err(errors),
    };
    // A network's filters list its members' programmes and courses too
    // (their titles are no one's personal data), named with their organisation.
    let named = |title: String, org: uuid::Uuid| match scope.organisations.iter().find(|o| o.id == org) {
        Some(o) if scope.is_network() => format!("{title} ({})", o.name),
        _ => title,
    };
    let mut programmes = Vec::new();
    let mut course_rows = Vec::new();
    for o in &scope.organisations {
        let id = aula_storage::organisations::id(o);
        // Archived programmes and courses are reported on like any other (issue 20).
        for p in aula_storage::programmes::choices(&ctx.state.db, id, aula_storage::Archived::Shown).await? {
            programmes.push((p.id.to_string(), named(p.title, p.organisation_id)));
        }
        course_rows.extend(aula_storage::courses::choices(&ctx.state.db, id, aula_storage::Archived::Shown).await?);
    }
    let chosen_programme = parsed.as_ref().ok().and_then(|f| f.programme_id);
    // A session chosen without its course lists its course's sessions, so
    // that the report names it by its date (it showed the session's id).
    let chosen_course = match parsed.as_ref().ok().map(|f| (f.course_id, f.session_id)) {
        Some((Some(course), _)) => Some(course),
        Some((None, Some(session))) => Some(aula_storage::sessions::row(&ctx.state.db, session).await?.course_id),
        _ => None,
    };
    let chosen_course = chosen_course
        .and_then(|id| course_rows.iter().find(|c| c.id == id))
        .map(|c| (c.id, c.organisation_id));
    let courses = course_rows
        .into_iter()
        .filter(|c| chosen_programme.is_none() || c.programme_id == chosen_programme)
        .map(|c| (c.id.to_string(), named(c.title, c.organisation_id)))
        .collect();
    // A course's sessions, once a course is chosen: all sessions would be too many.
    let sessions = match chosen_course {
        Some((course, org)) => {
            let filter = aula_storage::sessions::SessionFilter {
                organisation: Some(aula_domain::OrganisationId::from_row(org)),
                course_id: Some(course),
                ..Default::default()
            };
            aula_storage::sessions::list(&ctx.state.db, &filter, aula_storage::Page::new(Some(1), Some(200), 200))
                .await?
                .items
                .into_iter()
                .map(|s| {
                    let label = match s.session.starts_at {
                        Some(at) => tr.date(at, s.session.time_zone.tz()),
                        None => s.session.id.to_string(),
                    };
                    (s.session.id.to_string(), label)
                })
                .collect()
        }
        None => Vec::new(),
    };
    let (members, network_note) = if scope.is_network() {
        (
            scope
                .organisations
                .iter()
                .map(|o| (o.id.to_string(), o.name.clone()))
                .collect(),
            tr.t1("indicators-network-note", "count", scope.members().count() as u64),
        )
    } else {
        (Vec::new(), String::new())
    };
    let orgs: Vec<_> = scope
        .organisations
        .iter()
        .map(aula_storage::organisations::id)
        .collect();
    let mut commissioners = aula_storage::programmes::commissioners(&ctx.state.db, &orgs).await?;
    // The body chosen stays chosen, even one no longer named anywhere.
    commissioners.extend(Some(form.commissioner.trim().to_owned()).filter(|n| !n.is_empty()));
    commissioners.sort();
    commissioners.dedup();
    commissioners.sort_by_key(|n| aula_domain::fold_for_search(n));
    let commissioners = commissioners.into_iter().map(|n| (n.clone(), n)).collect();
    let about = match chosen_programme {
        Some(programme) => about(&tr, &scope, programme).await?,
        None => None,
    };
    let modalities = c.words("modality", Modality::ALL);
    let audience_words = AudienceWords::load(&ctx.state.db, tr).await?;
    let audiences = audience_words
        .all()
        .map(|(a, word)| (a.code.to_string(), word))
        .collect();
    let region_rows = aula_storage::regions::list(&ctx.state.db).await?;
    let regions = region_rows.iter().map(|r| (r.id.to_string(), r.name.clone())).collect();
    let query_string = form.query_string();
    let csv_base = if query_string.is_empty() {
        "/api/v1/indicators.csv?".to_owned()
    } else {
        format!("/api/v1/indicators.csv?{query_string}&")
    };
    let mut page = DashboardPage {
        errors: FormErrors::none(),
        members,
        network_note,
        programmes,
        courses,
        sessions,
        commissioners,
        about,
        modalities,
        regions,
        audiences,
        headlines: Vec::new(),
        region_names: String::new(),
        sections: Vec::new(),
        totals_csv: csv_base.trim_end_matches(['&', '?']).to_owned(),
        workbook: match query_string.is_empty() {
            true => "/api/v1/indicators.xlsx".to_owned(),
            false => format!("/api/v1/indicators.xlsx?{query_string}"),
        },
        described: String::new(),
        reach_people: None,
        reach_sections: Vec::new(),
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
    let dashboard = compute(tr, &scope, &filter, &scope.breakdowns()).await?;
    page.headlines = headlines(&tr, &dashboard.totals);
    page.region_names = region_names(&dashboard).join(", ");
    page.described = describe(&page, &filter, &region_rows, &audience_words);
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
                tr.lang.is_rtl(),
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
            Breakdown::Organisation,
            "indicators-chart-organisation",
            &csv_base,
            Some((&|f: &Figures| Some(f.registered_people), &whole)),
        ),
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
            Breakdown::Quarter,
            "indicators-chart-quarter",
            &csv_base,
            Some((&|f: &Figures| Some(f.attended_minutes / 60), &whole)),
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
    if let Some(reach) = reach(&scope, &filter).await? {
        page.reach_people = Some(whole(reach.totals.people()));
        let tables = reach_tables(&tr, &reach);
        if reach.totals.activities > 0 {
            page.reach_sections = vec![
                Section {
                    id: "reach-kind",
                    title: tr.t("reach-by-kind"),
                    chart: String::new(),
                    csv: format!("{csv_base}breakdown=reach"),
                    header: tables.by_kind_header,
                    rows: tables
                        .by_kind
                        .into_iter()
                        .map(|(_, label, r)| {
                            vec![
                                label,
                                whole(r.activities),
                                whole(r.attendees),
                                whole(r.viewers),
                                whole(r.materials),
                            ]
                        })
                        .collect(),
                },
                Section {
                    id: "reach-material",
                    title: tr.t("reach-by-material"),
                    chart: String::new(),
                    csv: format!("{csv_base}breakdown=materials"),
                    header: tables.materials_header,
                    rows: tables
                        .materials
                        .into_iter()
                        .map(|(_, label, n)| vec![label, whole(n)])
                        .collect(),
                },
            ];
            page.reach_sections.retain(|s| !s.rows.is_empty());
        }
    }
    render(&page)
}

/// The filter in words, for the printed report: "Programme: ..., From: ...".
fn describe(
    page: &DashboardPage,
    filter: &Filter,
    regions: &[aula_storage::entities::region::Model],
    audiences: &AudienceWords,
) -> String {
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
    add("indicators-member", find(&page.members, filter.member_id));
    add("indicators-programme", find(&page.programmes, filter.programme_id));
    add("indicators-course", find(&page.courses, filter.course_id));
    add("indicators-session", find(&page.sessions, filter.session_id));
    add("indicators-commissioner", filter.commissioner.clone());
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
        filter.audience.as_ref().map(|a| audiences.word(a.as_str())),
    );
    add("indicators-from", filter.from.map(|d| c.plain_date(&d)));
    add("indicators-to", filter.to.map(|d| c.plain_date(&d)));
    if parts.is_empty() {
        c.t("indicators-everything")
    } else {
        parts.join(" · ")
    }
}
