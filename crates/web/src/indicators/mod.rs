//! Indicators: the organiser's dashboard (`/staff/indicators`), its JSON
//! (`GET /api/v1/indicators`) and its tables as CSV
//! (`GET /api/v1/indicators.csv`), all from one filter in the query string.
//!
//! The figures are `aula_storage::indicators::dashboard`'s; this module only
//! names them in the reader's language. Every chart is drawn beside a table
//! with the same numbers, and the page prints as a report: the filter form
//! and links drop out, the charts stay.
//!
//! Beside the training figures, the reach of the programmes' outreach
//! (issue 20): presentations, information meetings, webinars, stands and
//! materials handed out, counted apart and never as training.
//!
//! A network's organisers (issue 17) read the figures of the network's own
//! sessions and its members' together, broken down by organisation too,
//! and may choose one of them (`member`). People are never merged across
//! organisations: each is its own data controller, so someone registered
//! with two members is two people, and the network's distinct people are
//! the sum of its members'. Places (regions, workplaces, venues) are
//! counted once across the network. No page or export of the members'
//! records opens to them: every other staff read is scoped by the
//! organisation they work in, the network.

pub mod api;
pub mod pages;

use aula_documents::workbook::Value;
use aula_domain::indicators::{Breakdown, Figures, Filter, FilterInput};
use aula_domain::outreach::Reach;
use aula_domain::{FieldErrors, Problem};
use aula_mail::Tr;
use aula_storage::entities::organisation;
use aula_storage::indicators::{Dashboard, Group, Key};
use aula_storage::outreach::ReachFigures;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{AppResult, Ctx};

/// The filter, and for the CSV the table and delimiter. Empty means "all".
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct IndicatorQuery {
    /// A network's organisers: one organisation's figures, the network's
    /// own or a member's (its id).
    member: String,
    /// A programme's id.
    programme: String,
    /// A course's id.
    course: String,
    /// A session's id.
    session: String,
    /// The body that commissioned the sessions, by its name (issue 20): a
    /// session's own, else its course's, else its programme's.
    commissioner: String,
    /// `in_person`, `online` or `blended`.
    modality: String,
    /// The participants' region (id).
    region: String,
    /// The participants' audience (`public_servant`, `union_delegate`, ...).
    audience: String,
    /// The period's first day (`YYYY-MM-DD`, UTC). Each figure counts by
    /// its own date (issue 20): registrations by their session's first
    /// meeting; participants, training hours, workplaces and regions by
    /// the meetings attended; completions, the completion rate, surveys,
    /// satisfaction, certificates, sessions held and venues by the
    /// session's end.
    from: String,
    /// The period's last day (`YYYY-MM-DD`, UTC), included.
    to: String,
    /// CSV: the table (`region`, `audience`, `modality`, `course`, `month`,
    /// `quarter`, `organisation`; or the outreach's `reach` by kind of
    /// activity and `materials` by kind, issue 20); none for the totals.
    breakdown: String,
    /// CSV: `comma` (the default) or `semicolon` (spreadsheets set to a decimal comma).
    delimiter: String,
}

impl IndicatorQuery {
    fn input(&self) -> FilterInput {
        FilterInput {
            member: self.member.clone(),
            programme: self.programme.clone(),
            course: self.course.clone(),
            session: self.session.clone(),
            commissioner: self.commissioner.clone(),
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
            ("member", &self.member),
            ("programme", &self.programme),
            ("course", &self.course),
            ("session", &self.session),
            ("commissioner", &self.commissioner),
            ("modality", &self.modality),
            ("region", &self.region),
            ("audience", &self.audience),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", crate::kit::pages::url_encode(v.trim())))
        .collect::<Vec<_>>()
        .join("&")
    }
}

/// The organisations whose figures the staff member reads (issue 17):
/// theirs, and its members when it is a network.
struct Scope {
    /// The staff member's organisation first, then its members by name.
    organisations: Vec<organisation::Model>,
    db: aula_storage::Database,
}

/// A filter held to its asker's [`Scope`] by [`Scope::limit`]: the only
/// filter [`compute`] and [`reach`] take, so no figure is read unlimited,
/// and a request checks its filter once.
struct Limited(Filter);

impl std::ops::Deref for Limited {
    type Target = Filter;

    fn deref(&self) -> &Filter {
        &self.0
    }
}

impl Scope {
    async fn of(ctx: &Ctx) -> AppResult<Scope> {
        let db = &ctx.state.db;
        Ok(Scope {
            organisations: aula_storage::organisations::figures_scope(db, ctx.org()?).await?,
            db: db.clone(),
        })
    }

    fn own(&self) -> Uuid {
        self.organisations[0].id
    }

    fn is_network(&self) -> bool {
        self.organisations[0].is_network
    }

    fn members(&self) -> impl Iterator<Item = &organisation::Model> {
        self.organisations.iter().skip(1)
    }

    /// The breakdowns the dashboard shows: by organisation too for a
    /// network; by quarter too (issue 20).
    fn breakdowns(&self) -> Vec<Breakdown> {
        let mut breakdowns = if self.is_network() {
            Breakdown::NETWORK.to_vec()
        } else {
            Breakdown::ALL.to_vec()
        };
        breakdowns.push(Breakdown::Quarter);
        breakdowns
    }

    /// The filter, limited to these organisations; a `member`, a
    /// programme, a course or a session that is not one of theirs is
    /// refused, and so is a region or an audience the instance does not
    /// have: their figures would be zeros that read as a finding (session
    /// 28: `audience=zz`, or another organisation's programme, answered a
    /// report of nobody). The outer error is the database's, the inner the
    /// filter's problems.
    async fn limit(&self, filter: Filter) -> AppResult<Result<Limited, FieldErrors>> {
        let mut errors = FieldErrors::new();
        let unknown = || Problem::new("error-unknown-choice");
        let ours = |org: Uuid| self.organisations.iter().any(|o| o.id == org);
        if let Some(member) = filter.member_id
            && !ours(member)
        {
            errors.add("member", unknown());
        }
        for (field, owner) in aula_storage::indicators::named_owners(&self.db, &filter).await? {
            if owner.is_some_and(|org| !org.is_some_and(ours)) {
                errors.add(field, unknown());
            }
        }
        // Retired regions and audiences too: past figures name them.
        if let Some(region) = filter.region_id
            && !aula_storage::regions::list(&self.db)
                .await?
                .iter()
                .any(|r| r.id == region)
        {
            errors.add("region", unknown());
        }
        if let Some(audience) = &filter.audience
            && !aula_storage::audiences::list(&self.db)
                .await?
                .iter()
                .any(|a| a.code == *audience)
        {
            errors.add("audience", unknown());
        }
        if let Err(errors) = errors.into_result() {
            return Ok(Err(errors));
        }
        Ok(Ok(Limited(Filter {
            organisation_id: Some(self.own()),
            members: self.members().map(|o| o.id).collect(),
            ..filter
        })))
    }

    /// [`Scope::limit`] for the API's doors, where a refused filter is the answer.
    async fn limited(&self, filter: Filter) -> AppResult<Limited> {
        self.limit(filter).await?.map_err(crate::AppError::Invalid)
    }
}

/// The figures of the staff member's organisation, with its members' for
/// a network; never another's (issue 17).
async fn compute(tr: Tr, scope: &Scope, filter: &Limited, breakdowns: &[Breakdown]) -> AppResult<Dashboard> {
    let mut dashboard = aula_storage::indicators::dashboard(&scope.db, filter, breakdowns, chrono::Utc::now()).await?;
    // Audiences are named in the reader's words: an admin's own (issue 20)
    // by the names they gave.
    if let Some((_, groups)) = dashboard.breakdowns.iter_mut().find(|(b, _)| *b == Breakdown::Audience) {
        let words = crate::kit::audiences::AudienceWords::load(&scope.db, tr).await?;
        for group in groups {
            if let Some(Key::Code(code)) = &group.key {
                group.name = Some(words.word(code));
            }
        }
    }
    Ok(dashboard)
}

/// The reach of the staff member's organisation's outreach (issue 20), for
/// the same filter and scope as the figures; `None` where the filter names
/// a course, a session or a modality, which outreach has none of.
async fn reach(scope: &Scope, filter: &Limited) -> AppResult<Option<ReachFigures>> {
    Ok(aula_storage::outreach::reach(&scope.db, filter).await?)
}

/// The reach's two tables as the page, the workbook and the JSON read
/// them: by kind of activity with a total line, then materials by kind.
/// Each row starts with its label; counts follow.
struct ReachTables {
    by_kind_header: Vec<String>,
    by_kind: Vec<(Option<String>, String, Reach)>,
    materials_header: Vec<String>,
    materials: Vec<(String, String, u64)>,
}

fn reach_tables(tr: &Tr, reach: &ReachFigures) -> ReachTables {
    let word = |vocabulary: &str, code: &str| tr.t(&format!("{vocabulary}-{}", code.replace('_', "-")));
    let mut by_kind: Vec<(Option<String>, String, Reach)> = reach
        .by_kind
        .iter()
        .map(|(kind, r)| {
            (
                Some(kind.as_str().to_owned()),
                word("outreach", kind.as_str()),
                r.clone(),
            )
        })
        .collect();
    by_kind.push((None, tr.t("reach-total"), reach.totals.clone()));
    ReachTables {
        by_kind_header: [
            "reach-kind",
            "reach-activities",
            "reach-attendees",
            "reach-viewers",
            "reach-materials",
        ]
        .iter()
        .map(|k| tr.t(k))
        .collect(),
        by_kind,
        materials_header: vec![tr.t("reach-material"), tr.t("reach-handed-out")],
        materials: reach
            .materials
            .iter()
            .map(|(kind, n)| (kind.as_str().to_owned(), word("material", kind.as_str()), *n))
            .collect(),
    }
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

/// The figures as `COLUMNS` orders them: counts, measures with one decimal
/// (rates in percent, hours, the mean satisfaction), and `Unknown` where it
/// cannot be known (a rate without a denominator, satisfaction by person).
fn figures(f: &Figures) -> Vec<Value> {
    let count = Value::Count;
    let measure = |x: Option<f64>| x.map_or(Value::Unknown, Value::Decimal);
    vec![
        count(f.registrations),
        count(f.registered_people),
        count(f.participants),
        count(f.completions),
        count(f.beneficiaries),
        measure(f.completion_rate()),
        Value::Decimal(f.training_hours()),
        measure(f.satisfaction_mean()),
        f.satisfaction.map_or(Value::Unknown, |s| count(s.count)),
        measure(f.survey_response_rate()),
        count(f.certificates_issued),
        count(f.certificates_revoked),
        count(f.sessions_held),
        count(f.venues),
        count(f.workplaces),
        count(f.regions),
    ]
}

/// One figure in the reader's language, as `COLUMNS` orders them; "—" where
/// it cannot be known.
fn values(tr: &Tr, f: &Figures) -> Vec<String> {
    figures(f)
        .into_iter()
        .map(|value| match value {
            Value::Count(n) => n.to_string(),
            Value::Decimal(x) => tr.decimal(x, 1),
            Value::Text(text) => text,
            Value::Unknown => "—".to_owned(),
        })
        .collect()
}

fn column_label(tr: &Tr, column: &str) -> String {
    tr.t(&format!("indicators-{column}"))
}

fn breakdown_label(tr: &Tr, breakdown: Breakdown) -> String {
    tr.t(&format!("indicators-by-{}", breakdown.as_str()))
}

/// A group's name: the region, course, organisation or audience (named by
/// [`compute`]), the modality in words, the month and year; "not given" for people without one.
fn group_label(tr: &Tr, breakdown: Breakdown, group: &Group) -> String {
    match (&group.key, breakdown) {
        (None, _) => tr.t("indicators-not-given"),
        (Some(_), Breakdown::Region | Breakdown::Course | Breakdown::Organisation | Breakdown::Audience) => {
            group.name.clone().unwrap_or_else(|| tr.t("indicators-not-given"))
        }
        (Some(Key::Code(code)), Breakdown::Modality) => tr.t(&format!("modality-{}", code.replace('_', "-"))),
        (Some(Key::Code(code)), Breakdown::Month) => {
            let (year, month) = code.split_once('-').unwrap_or((code, "0"));
            let month: u32 = month.parse().unwrap_or(0);
            format!("{} {year}", tr.t(&format!("month-{month}")))
        }
        (Some(Key::Code(code)), Breakdown::Quarter) => {
            let (year, quarter) = code.split_once("-Q").unwrap_or((code, "0"));
            tr.t2("indicators-quarter-label", "quarter", quarter, "year", year)
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
