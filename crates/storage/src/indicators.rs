//! Indicators computed in the database: for a filter, the totals and each
//! breakdown are grouped queries over the registrations' facts (issue 22:
//! one narrow row per registration with its session, course, person,
//! survey invitation and certificate, kept by migration 27's triggers in
//! the transaction that changes any of them) and the anonymous
//! satisfaction answers. Rows are never loaded into memory: a dashboard
//! reads a few hundred grouped rows whatever the size of the data.
//!
//! The same queries also run over the tables the facts copy, joined
//! ([`Source::Tables`]): [`check`] compares the two.
//!
//! What is counted per registration is kept on its row (see migration
//! `000008_indicators`): `placed_at`, `attended_minutes`,
//! `attended_meetings`, `completed`. So no query reads attendance marks or
//! answers one by one, except, for a period, the marks of the sessions
//! that run across its edges (issue 20, [`by_dates`]).
//!
//! All queries of a dashboard run in one read transaction (a repeatable
//! read on PostgreSQL, a read snapshot on SQLite's write-ahead log), so its
//! figures agree with each other even while people register.
//!
//! The same SQL runs on both databases except the month or quarter of an
//! instant and a meeting's length, which each database writes its own way
//! (`period_of`, `marks_counted`).

use std::collections::HashMap;

use aula_domain::attendance::AttendanceStatus;
use aula_domain::indicators::{Breakdown, Figures, Filter, Tally};
use aula_domain::{RegistrationStatus, SessionStatus};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use sea_orm::sea_query::{Cond, Expr, ExprTrait as _, Func, IntoColumnRef, Query, SelectStatement, UnionType};
use sea_orm::{
    AccessMode, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, IsolationLevel,
    PaginatorTrait, QueryFilter, QueryResult, QuerySelect, TransactionTrait,
};
use uuid::Uuid;

use crate::entities::{
    attendance, attended_month, certificate, course, meeting, organisation, person, programme, region, registration,
    registration_fact, session, survey, survey_invitation, survey_response,
};
use crate::{Database, Result};

/// What a group is: a region, course or organisation id, or a code (audience, modality,
/// `YYYY-MM`). `None`: people without a region or audience.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Id(Uuid),
    Code(String),
}

/// One line of a breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub key: Option<Key>,
    /// The region's or course's name; codes are named by the page's language.
    pub name: Option<String>,
    pub figures: Figures,
}

/// A dashboard: the totals, the overall-satisfaction answers per score, and
/// the breakdowns asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    pub totals: Figures,
    /// Answers scoring 1 to 5; empty where the filter selects people.
    pub scores: Vec<u64>,
    pub breakdowns: Vec<(Breakdown, Vec<Group>)>,
}

/// The organisations of the programme, the course and the session a
/// filter names, each `None` when the filter names none, `Some(None)` when
/// it names one that does not exist: who asks may only name their own.
pub async fn named_owners(
    conn: &impl ConnectionTrait,
    filter: &Filter,
) -> Result<[(&'static str, Option<Option<Uuid>>); 3]> {
    async fn owner<E: EntityTrait>(
        conn: &impl ConnectionTrait,
        id: Option<Uuid>,
        column: E::Column,
    ) -> Result<Option<Option<Uuid>>>
    where
        <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<Uuid>,
    {
        let Some(id) = id else {
            return Ok(None);
        };
        Ok(Some(
            E::find_by_id(id)
                .select_only()
                .column(column)
                .into_tuple::<Uuid>()
                .one(conn)
                .await?,
        ))
    }
    Ok([
        (
            "programme",
            owner::<programme::Entity>(conn, filter.programme_id, programme::Column::OrganisationId).await?,
        ),
        (
            "course",
            owner::<course::Entity>(conn, filter.course_id, course::Column::OrganisationId).await?,
        ),
        (
            "session",
            owner::<session::Entity>(conn, filter.session_id, session::Column::OrganisationId).await?,
        ),
    ])
}

/// Computes the totals and `breakdowns` for `filter`, as of `at` (a session
/// is held once it has ended by then).
pub async fn dashboard(
    db: &Database,
    filter: &Filter,
    breakdowns: &[Breakdown],
    at: DateTime<Utc>,
) -> Result<Dashboard> {
    let txn = read_snapshot(db).await?;
    let dashboard = dashboard_in(&txn, Source::Facts, filter, breakdowns, at).await?;
    txn.commit().await?;
    Ok(dashboard)
}

async fn dashboard_in(
    txn: &DatabaseTransaction,
    source: Source,
    filter: &Filter,
    breakdowns: &[Breakdown],
    at: DateTime<Utc>,
) -> Result<Dashboard> {
    let totals = figures(txn, source, filter, None, at)
        .await?
        .into_iter()
        .next()
        .map(|g| g.figures)
        .unwrap_or_else(|| empty(filter, None));
    let scores = if filter.selects_people() {
        Vec::new()
    } else {
        scores(txn, filter).await?
    };
    let mut out = Vec::with_capacity(breakdowns.len());
    for breakdown in breakdowns {
        out.push((*breakdown, figures(txn, source, filter, Some(*breakdown), at).await?));
    }
    Ok(Dashboard {
        totals,
        scores,
        breakdowns: out,
    })
}

/// A dashboard whose figures from the facts differ from the figures
/// recomputed from the tables.
#[derive(Clone, Debug)]
pub struct Drift {
    pub filter: Filter,
    pub facts: Dashboard,
    pub tables: Dashboard,
}

/// What [`check`] compared and found.
#[derive(Clone, Debug, Default)]
pub struct Check {
    pub registrations: u64,
    pub facts: u64,
    /// Dashboards compared (each with every breakdown).
    pub dashboards: usize,
    pub drifts: Vec<Drift>,
}

impl Check {
    pub fn holds(&self) -> bool {
        self.registrations == self.facts && self.drifts.is_empty()
    }
}

/// Recomputes from the tables, in one snapshot, the dashboards of the
/// whole instance and of each organisation with every breakdown (by
/// month, quarter and organisation too), without a period and over every
/// day (a period reads the facts another way), and of each programme, and
/// compares each with the facts' (issue 22: `aula indicators check`).
pub async fn check(db: &Database, at: DateTime<Utc>) -> Result<Check> {
    let txn = read_snapshot(db).await?;
    let registrations = registration::Entity::find().count(&txn).await?;
    let facts = registration_fact::Entity::find().count(&txn).await?;
    let organisations = organisation::Entity::find().all(&txn).await?;
    let programmes = programme::Entity::find().all(&txn).await?;
    let mut filters = vec![Filter::default()];
    filters.extend(organisations.iter().map(|o| Filter {
        organisation_id: Some(o.id),
        ..Filter::default()
    }));
    let every_day = |filter: &Filter| Filter {
        from: chrono::NaiveDate::from_ymd_opt(2000, 1, 1),
        to: chrono::NaiveDate::from_ymd_opt(2100, 12, 31),
        ..filter.clone()
    };
    let mut filters: Vec<Filter> = filters.iter().flat_map(|f| [f.clone(), every_day(f)]).collect();
    // Each programme too: no breakdown groups by it.
    filters.extend(programmes.iter().map(|p| Filter {
        programme_id: Some(p.id),
        ..Filter::default()
    }));
    let breakdowns = [
        Breakdown::Region,
        Breakdown::Audience,
        Breakdown::Modality,
        Breakdown::Course,
        Breakdown::Month,
        Breakdown::Quarter,
        Breakdown::Organisation,
    ];
    let mut drifts = Vec::new();
    for filter in &filters {
        let facts = dashboard_in(&txn, Source::Facts, filter, &breakdowns, at).await?;
        let tables = dashboard_in(&txn, Source::Tables, filter, &breakdowns, at).await?;
        if facts != tables {
            drifts.push(Drift {
                filter: filter.clone(),
                facts,
                tables,
            });
        }
    }
    txn.commit().await?;
    Ok(Check {
        registrations,
        facts,
        dashboards: filters.len(),
        drifts,
    })
}

/// The dashboard of `filter` recomputed from the tables, as before the
/// facts: what [`check`] compares with, for tests.
pub async fn dashboard_from_tables(
    db: &Database,
    filter: &Filter,
    breakdowns: &[Breakdown],
    at: DateTime<Utc>,
) -> Result<Dashboard> {
    let txn = read_snapshot(db).await?;
    let dashboard = dashboard_in(&txn, Source::Tables, filter, breakdowns, at).await?;
    txn.commit().await?;
    Ok(dashboard)
}

async fn read_snapshot(db: &Database) -> Result<DatabaseTransaction> {
    Ok(match db.get_database_backend() {
        DbBackend::Postgres => {
            let txn = db
                .begin_with_config(Some(IsolationLevel::RepeatableRead), Some(AccessMode::ReadOnly))
                .await?;
            // The distinct counts sort their rows: in memory rather than in
            // temporary files (the default 4 MB spills past ~100,000 rows).
            txn.execute_unprepared("SET LOCAL work_mem = '64MB'").await?;
            // Plans for the filter's values, every time. A connection's
            // prepared statements switch to one generic plan after five
            // runs, planned for an average organisation, session or day;
            // the filters' selectivity spans a few hundred rows to the whole
            // table, so the generic plan hashed every registration of every
            // organisation to count one's (issue 17: an organisation's
            // dashboard among 100 ran at a third of its speed among 5).
            txn.execute_unprepared("SET LOCAL plan_cache_mode = force_custom_plan")
                .await?;
            txn
        }
        // SQLite has one isolation level (serialisable snapshots), and refuses to be told.
        _ => db.begin().await?,
    })
}

/// Figures without a row counted: satisfaction is zero answers, or unknown
/// where people are selected.
fn empty(filter: &Filter, breakdown: Option<Breakdown>) -> Figures {
    Figures {
        satisfaction: satisfaction_known(filter, breakdown).then(Tally::default),
        ..Figures::default()
    }
}

fn satisfaction_known(filter: &Filter, breakdown: Option<Breakdown>) -> bool {
    !filter.selects_people() && !breakdown.is_some_and(Breakdown::groups_people)
}

/// `CASE WHEN condition THEN 1 ELSE 0 END`, summed.
fn count_if(condition: Expr) -> Expr {
    Func::sum(Expr::case(condition, 1).finally(0)).into()
}

/// `COUNT(DISTINCT CASE WHEN condition THEN value END)`.
fn distinct_if(condition: Expr, value: Expr) -> Expr {
    Func::count_distinct(Expr::case(condition, value)).into()
}

fn col<E: EntityTrait, C: ColumnTrait>(entity: E, column: C) -> Expr {
    Expr::col((entity, column))
}

/// Where a dashboard reads its registrations: the facts migration 27's
/// triggers keep (every dashboard), or the tables they copy, joined
/// ([`check`] compares the two).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Facts,
    Tables,
}

/// What a dashboard reads of a registration.
#[derive(Clone, Copy)]
enum Field {
    PersonId,
    SessionId,
    CourseId,
    ProgrammeId,
    OrganisationId,
    Modality,
    RegionId,
    Audience,
    WorkplaceKey,
    VenueId,
    SessionStatus,
    StartsAt,
    EndsAt,
    Status,
    AttendedMeetings,
    AttendedMinutes,
    Completed,
}

impl Source {
    fn get(self, field: Field) -> Expr {
        use registration_fact::Column as F;
        let fact = |column: F| col(registration_fact::Entity, column);
        let r = |column: registration::Column| col(registration::Entity, column);
        let s = |column: session::Column| col(session::Entity, column);
        let c = |column: course::Column| col(course::Entity, column);
        let p = |column: person::Column| col(person::Entity, column);
        match (self, field) {
            (Source::Facts, field) => fact(match field {
                Field::PersonId => F::PersonId,
                Field::SessionId => F::SessionId,
                Field::CourseId => F::CourseId,
                Field::ProgrammeId => F::ProgrammeId,
                Field::OrganisationId => F::OrganisationId,
                Field::Modality => F::Modality,
                Field::RegionId => F::RegionId,
                Field::Audience => F::Audience,
                Field::WorkplaceKey => F::WorkplaceKey,
                Field::VenueId => F::VenueId,
                Field::SessionStatus => F::SessionStatus,
                Field::StartsAt => F::StartsAt,
                Field::EndsAt => F::EndsAt,
                Field::Status => F::Status,
                Field::AttendedMeetings => F::AttendedMeetings,
                Field::AttendedMinutes => F::AttendedMinutes,
                Field::Completed => F::Completed,
            }),
            (Source::Tables, Field::PersonId) => r(registration::Column::PersonId),
            (Source::Tables, Field::SessionId) => s(session::Column::Id),
            (Source::Tables, Field::CourseId) => c(course::Column::Id),
            (Source::Tables, Field::ProgrammeId) => c(course::Column::ProgrammeId),
            (Source::Tables, Field::OrganisationId) => s(session::Column::OrganisationId),
            (Source::Tables, Field::Modality) => c(course::Column::Modality),
            (Source::Tables, Field::RegionId) => p(person::Column::RegionId),
            (Source::Tables, Field::Audience) => p(person::Column::Audience),
            (Source::Tables, Field::WorkplaceKey) => p(person::Column::WorkplaceKey),
            (Source::Tables, Field::VenueId) => s(session::Column::VenueId),
            (Source::Tables, Field::SessionStatus) => s(session::Column::Status),
            (Source::Tables, Field::StartsAt) => s(session::Column::StartsAt),
            (Source::Tables, Field::EndsAt) => s(session::Column::EndsAt),
            (Source::Tables, Field::Status) => r(registration::Column::Status),
            (Source::Tables, Field::AttendedMeetings) => r(registration::Column::AttendedMeetings),
            (Source::Tables, Field::AttendedMinutes) => r(registration::Column::AttendedMinutes),
            (Source::Tables, Field::Completed) => r(registration::Column::Completed),
        }
    }

    /// The table (or alias) a session's first meeting and end are read
    /// from, for the SQL written by hand ([`period_of`]).
    fn sessions_table(self) -> &'static str {
        match self {
            Source::Facts => "registration_facts",
            Source::Tables => "sessions",
        }
    }

    /// Reads registrations, with what they are counted by.
    fn read_registrations(self, query: &mut SelectStatement) {
        match self {
            Source::Facts => {
                query.from(registration_fact::Entity);
            }
            Source::Tables => {
                query.from(registration::Entity);
                join_registration(query);
                join_follow_ups(query);
            }
        }
    }

    /// Joins the registrations `id` (a column of a table joined already)
    /// names, with what they are counted by.
    fn join_registrations(self, query: &mut SelectStatement, id: Expr) {
        match self {
            Source::Facts => {
                query.inner_join(
                    registration_fact::Entity,
                    col(registration_fact::Entity, registration_fact::Column::RegistrationId).eq(id),
                );
            }
            Source::Tables => {
                query.inner_join(
                    registration::Entity,
                    col(registration::Entity, registration::Column::Id).eq(id),
                );
                join_registration(query);
            }
        }
    }

    /// Whether `flag`, a fact kept as a boolean, holds.
    fn flag(self, fact: registration_fact::Column, table: Expr) -> Expr {
        match self {
            Source::Facts => col(registration_fact::Entity, fact).eq(true),
            Source::Tables => table,
        }
    }

    fn placed(self) -> Expr {
        self.flag(
            registration_fact::Column::Placed,
            col(registration::Entity, registration::Column::PlacedAt).is_not_null(),
        )
    }

    fn took_part(self) -> Expr {
        self.get(Field::AttendedMeetings).gt(0)
    }

    fn completed(self) -> Expr {
        self.get(Field::Completed).eq(true)
    }

    fn confirmed(self) -> Expr {
        self.get(Field::Status).eq(RegistrationStatus::Confirmed)
    }

    /// A session held as of `at`: ended, neither a draft nor cancelled.
    fn held(self, at: DateTime<Utc>) -> Expr {
        self.get(Field::SessionStatus)
            .is_not_in([SessionStatus::Draft, SessionStatus::Cancelled])
            .and(self.get(Field::EndsAt).lte(at))
    }

    fn invited(self) -> Expr {
        self.flag(
            registration_fact::Column::Invited,
            col(survey_invitation::Entity, survey_invitation::Column::RegistrationId).is_not_null(),
        )
    }

    fn answered(self) -> Expr {
        self.flag(
            registration_fact::Column::Answered,
            col(survey_invitation::Entity, survey_invitation::Column::Answered).eq(true),
        )
    }

    fn issued(self) -> Expr {
        self.flag(
            registration_fact::Column::Issued,
            col(certificate::Entity, certificate::Column::RegistrationId).is_not_null(),
        )
    }

    fn revoked(self) -> Expr {
        self.flag(
            registration_fact::Column::Revoked,
            col(certificate::Entity, certificate::Column::RevokedAt).is_not_null(),
        )
    }
}

/// The instant a figure is dated by (issue 20): a registration by its
/// session's first meeting, a completion (and what follows it: the survey,
/// the certificate, the session held) by its session's end, attended time
/// by the meeting it was attended at.
#[derive(Clone, Copy)]
enum Dated {
    SessionStart,
    SessionEnd,
    Meeting,
}

impl Dated {
    fn sql(self, source: Source) -> String {
        let sessions = source.sessions_table();
        match self {
            Dated::SessionStart => format!(r#""{sessions}"."starts_at""#),
            Dated::SessionEnd => format!(r#""{sessions}"."ends_at""#),
            Dated::Meeting => r#""meetings"."starts_at""#.to_owned(),
        }
    }

    fn expr(self, source: Source) -> Expr {
        match self {
            Dated::SessionStart => source.get(Field::StartsAt),
            Dated::SessionEnd => source.get(Field::EndsAt),
            Dated::Meeting => col(meeting::Entity, meeting::Column::StartsAt),
        }
    }
}

/// The month (`YYYY-MM`) or quarter (`YYYY-Qn`) of an instant in UTC.
/// SQLite keeps instants as UTC text that starts with the date; PostgreSQL
/// must be told the zone.
fn period_of(breakdown: Breakdown, backend: DbBackend, source: Source, dated: Dated) -> Expr {
    // The facts keep the months of their session's start and end (issue
    // 22): the month is read, and the quarter is cut from it, rather than
    // each computed again for every registration, several times a row.
    let month = match (source, dated) {
        (Source::Facts, Dated::SessionStart) => Some(r#""registration_facts"."start_month""#),
        (Source::Facts, Dated::SessionEnd) => Some(r#""registration_facts"."end_month""#),
        _ => None,
    };
    if let Some(month) = month {
        return Expr::cust(match breakdown {
            Breakdown::Quarter => quarter_of_month(month),
            _ => month.to_owned(),
        });
    }
    let at = dated.sql(source);
    Expr::cust(match (breakdown, backend) {
        (Breakdown::Quarter, DbBackend::Postgres) => format!(r#"to_char({at} AT TIME ZONE 'UTC', 'YYYY-"Q"Q')"#),
        (Breakdown::Quarter, _) => {
            format!("substr({at}, 1, 4) || '-Q' || ((CAST(substr({at}, 6, 2) AS INTEGER) + 2) / 3)")
        }
        (_, DbBackend::Postgres) => format!("to_char({at} AT TIME ZONE 'UTC', 'YYYY-MM')"),
        _ => format!("substr({at}, 1, 7)"),
    })
}

/// The quarter (`YYYY-Qn`) of a month (`YYYY-MM`), the same on both databases.
fn quarter_of_month(month: &str) -> String {
    format!("substr({month}, 1, 4) || '-Q' || ((CAST(substr({month}, 6, 2) AS INTEGER) + 2) / 3)")
}

fn key_of(breakdown: Breakdown, backend: DbBackend, source: Source, dated: Dated) -> Expr {
    match breakdown {
        Breakdown::Region => source.get(Field::RegionId),
        Breakdown::Audience => source.get(Field::Audience),
        Breakdown::Modality => source.get(Field::Modality),
        Breakdown::Course => source.get(Field::CourseId),
        Breakdown::Month | Breakdown::Quarter => period_of(breakdown, backend, source, dated),
        Breakdown::Organisation => source.get(Field::OrganisationId),
    }
}

fn read_key(row: &QueryResult, breakdown: Breakdown) -> Result<Option<Key>> {
    Ok(match breakdown {
        Breakdown::Region | Breakdown::Course | Breakdown::Organisation => {
            row.try_get::<Option<Uuid>>("", "key")?.map(Key::Id)
        }
        _ => row.try_get::<Option<String>>("", "key")?.map(Key::Code),
    })
}

fn count(row: &QueryResult, column: &str) -> Result<u64> {
    Ok(row
        .try_get::<Option<i64>>("", column)?
        .and_then(|v| u64::try_from(v).ok())
        .unwrap_or(0))
}

/// The session, course and person conditions of `filter`.
fn conditions(source: Source, filter: &Filter) -> Cond {
    let mut cond = Cond::all();
    // A network's figures are its own sessions' and its members' (issue 17).
    let organisation = || source.get(Field::OrganisationId);
    if let Some(id) = filter.organisation_id {
        cond = cond.add(if filter.members.is_empty() {
            organisation().eq(id)
        } else {
            organisation().is_in(std::iter::once(id).chain(filter.members.iter().copied()))
        });
    }
    if let Some(id) = filter.member_id {
        cond = cond.add(organisation().eq(id));
    }
    if let Some(id) = filter.programme_id {
        cond = cond.add(source.get(Field::ProgrammeId).eq(id));
    }
    if let Some(id) = filter.course_id {
        cond = cond.add(source.get(Field::CourseId).eq(id));
    }
    if let Some(id) = filter.session_id {
        cond = cond.add(source.get(Field::SessionId).eq(id));
    }
    if let Some(name) = &filter.commissioner {
        cond = cond.add(source.get(Field::SessionId).in_subquery(commissioned_by(name)));
    }
    if let Some(modality) = filter.modality {
        cond = cond.add(source.get(Field::Modality).eq(modality));
    }
    if let Some(id) = filter.region_id {
        cond = cond.add(source.get(Field::RegionId).eq(id));
    }
    if let Some(audience) = &filter.audience {
        cond = cond.add(source.get(Field::Audience).eq(audience.clone()));
    }
    cond
}

/// The sessions `name` commissioned (issue 20): a session's commissioning
/// body is its own, else its course's, else its programme's. Read once per
/// query as a list of sessions, so the facts stay unjoined.
fn commissioned_by(name: &str) -> SelectStatement {
    Query::select()
        .column((session::Entity, session::Column::Id))
        .from(session::Entity)
        .inner_join(
            course::Entity,
            col(course::Entity, course::Column::Id).equals((session::Entity, session::Column::CourseId)),
        )
        .left_join(
            programme::Entity,
            col(programme::Entity, programme::Column::Id).equals((course::Entity, course::Column::ProgrammeId)),
        )
        .and_where(
            Expr::cust(r#"COALESCE("sessions"."commissioner", "courses"."commissioner", "programmes"."commissioner")"#)
                .eq(name),
        )
        .to_owned()
}

/// The filter's days as instants: the first one's midnight and the midnight
/// after the last one (UTC).
fn bounds(filter: &Filter) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let midnight = |day: chrono::NaiveDate| day.and_time(NaiveTime::MIN).and_utc();
    (
        filter.from.map(midnight),
        filter.to.map(|day| midnight(day + Duration::days(1))),
    )
}

/// `instant` within the filter's days (issue 20: each figure by its own date).
fn within(filter: &Filter, instant: Expr) -> Cond {
    let (from, until) = bounds(filter);
    let mut cond = Cond::all();
    if let Some(from) = from {
        cond = cond.add(instant.clone().gte(from));
    }
    if let Some(until) = until {
        cond = cond.add(instant.lt(until));
    }
    cond
}

/// Joins the session `session_id` names (a column of a table joined
/// already) and its course.
fn join_session(query: &mut SelectStatement, session_id: impl IntoColumnRef) {
    query
        .inner_join(
            session::Entity,
            col(session::Entity, session::Column::Id).equals(session_id),
        )
        .inner_join(
            course::Entity,
            col(course::Entity, course::Column::Id).equals((session::Entity, session::Column::CourseId)),
        );
}

/// Joins a registration's session, course and person.
fn join_registration(query: &mut SelectStatement) {
    join_session(query, (registration::Entity, registration::Column::SessionId));
    query.inner_join(
        person::Entity,
        col(person::Entity, person::Column::Id).equals((registration::Entity, registration::Column::PersonId)),
    );
}

/// Selects the group key (or a constant for the totals), applies the
/// filter, the period by `dated`, and groups.
fn grouped(
    query: &mut SelectStatement,
    source: Source,
    filter: &Filter,
    breakdown: Option<Breakdown>,
    backend: DbBackend,
    dated: Dated,
) {
    if let Some(b) = breakdown {
        let key = key_of(b, backend, source, dated);
        query.expr_as(key.clone(), "key").add_group_by([key]);
    }
    query.cond_where(
        Cond::all()
            .add(conditions(source, filter))
            .add(within(filter, dated.expr(source))),
    );
}

/// Whether figures must be split by their own dates (issue 20): a period is
/// asked for, by the filter's days or a breakdown by month or quarter.
fn by_period(filter: &Filter, breakdown: Option<Breakdown>) -> bool {
    filter.from.is_some() || filter.to.is_some() || breakdown.is_some_and(Breakdown::is_period)
}

/// Sessions whose every figure falls in one period: their first meeting,
/// every meeting and their end within the filter's days, and in one month
/// or quarter when broken down by it. Their registrations' counted columns
/// answer for them; only the other sessions' marks are read.
fn in_one_period(source: Source, filter: &Filter, breakdown: Option<Breakdown>, backend: DbBackend) -> Cond {
    let (from, until) = bounds(filter);
    let mut cond = Cond::all();
    if let Some(from) = from {
        cond = cond.add(Dated::SessionStart.expr(source).gte(from));
    }
    if let Some(until) = until {
        cond = cond.add(Dated::SessionEnd.expr(source).lt(until));
    }
    if let Some(b) = breakdown.filter(|b| b.is_period()) {
        cond = cond.add(period_of(b, backend, source, Dated::SessionStart).eq(period_of(
            b,
            backend,
            source,
            Dated::SessionEnd,
        )));
    }
    if from.is_none() && until.is_none() {
        // A session without meetings yet: in the group without a period.
        cond = Cond::any().add(cond).add(Dated::SessionStart.expr(source).is_null());
    }
    cond
}

/// Sessions running during the filter's days at all: what the planners
/// can estimate, so that they read the marks of the few sessions across
/// the days' edges through the meetings' index rather than all marks.
fn overlapping(filter: &Filter) -> Cond {
    let (from, until) = bounds(filter);
    let mut cond = Cond::all();
    if let Some(from) = from {
        cond = cond.add(Dated::SessionEnd.expr(Source::Tables).gt(from));
    }
    if let Some(until) = until {
        cond = cond.add(Dated::SessionStart.expr(Source::Tables).lt(until));
    }
    cond
}

/// What one row of [`by_dates`] adds to its group.
struct Counted {
    registered: Expr,
    completed: Expr,
    confirmed_in_held: Expr,
    held_with_participant: Expr,
    minutes: Expr,
    meetings: Expr,
    invited: Expr,
    answered: Expr,
    issued: Expr,
    revoked: Expr,
}

fn flag(condition: Expr) -> Expr {
    Expr::case(condition, 1).finally(0).into()
}

impl Counted {
    fn nothing() -> Counted {
        let zero = || Expr::val(0);
        Counted {
            registered: zero(),
            completed: zero(),
            confirmed_in_held: zero(),
            held_with_participant: zero(),
            minutes: zero(),
            meetings: zero(),
            invited: zero(),
            answered: zero(),
            issued: zero(),
            revoked: zero(),
        }
    }

    /// What a registration counts at its session's end.
    fn at_end(source: Source, at: DateTime<Utc>) -> Counted {
        Counted {
            completed: flag(source.completed()),
            confirmed_in_held: flag(source.confirmed().and(source.held(at))),
            held_with_participant: flag(source.took_part().and(source.held(at))),
            invited: flag(source.invited()),
            answered: flag(source.answered()),
            issued: flag(source.issued()),
            revoked: flag(source.revoked()),
            ..Counted::nothing()
        }
    }

    /// Selects the key, who and where, then the counts, in the same order
    /// in every part of the union.
    fn select(self, source: Source, query: &mut SelectStatement, key: Option<Expr>) {
        if let Some(key) = key {
            query.expr_as(key, "key");
        }
        query
            .expr_as(source.get(Field::PersonId), "person_id")
            .expr_as(source.get(Field::SessionId), "session_id")
            .expr_as(source.get(Field::VenueId), "venue_id")
            .expr_as(source.get(Field::WorkplaceKey), "workplace_key")
            .expr_as(source.get(Field::RegionId), "region_id")
            .expr_as(self.registered, "registered")
            .expr_as(self.completed, "completed")
            .expr_as(self.confirmed_in_held, "confirmed_in_held")
            .expr_as(self.held_with_participant, "held_with_participant")
            .expr_as(self.minutes, "minutes")
            .expr_as(self.meetings, "meetings")
            .expr_as(self.invited, "invited")
            .expr_as(self.answered, "answered")
            .expr_as(self.issued, "issued")
            .expr_as(self.revoked, "revoked");
    }
}

/// The minutes a mark counts for (as `aula_domain::attendance::attended_minutes`:
/// reported minutes up to the meeting's length, else a partial mark none
/// and the others the whole meeting), summed, and the marks that count
/// (present, late or partial: the query selects them). The meeting's
/// length is computed at most once a mark, from whole seconds.
fn marks_counted(backend: DbBackend) -> (Expr, Expr) {
    let length = match backend {
        DbBackend::Postgres => {
            r#"CAST(FLOOR(EXTRACT(EPOCH FROM ("meetings"."ends_at" - "meetings"."starts_at")) / 60) AS INTEGER)"#
        }
        _ => r#"((unixepoch("meetings"."ends_at") - unixepoch("meetings"."starts_at")) / 60)"#,
    };
    let least = match backend {
        DbBackend::Postgres => "LEAST",
        _ => "MIN",
    };
    let minutes = format!(
        r#"CAST(SUM(CASE WHEN "attendance"."minutes" IS NOT NULL THEN {least}("attendance"."minutes", {length}) WHEN "attendance"."status" = 'partial' THEN 0 ELSE {length} END) AS INTEGER)"#
    );
    (Expr::cust(minutes), Expr::cust("CAST(COUNT(*) AS INTEGER)"))
}

/// The figures for a period (issue 20), each by its own date ([`Dated`]),
/// as a union:
///
/// - every registration once, by its session's start: its registration
///   when the start is within the period; its completion and what follows
///   when its session ends within the same group; its attended time and
///   meetings when all its session's meetings are (the session lies within
///   one period: most sessions);
/// - by month or quarter, the registrations of sessions across periods
///   again, by their session's end;
/// - the marks of sessions across periods, summed by registration (and
///   month or quarter) before anything is joined to them.
///
/// So only the marks of sessions across a period's edge are read, through
/// their meetings' index, and the rest is the one scan of registrations a
/// dashboard makes without a period.
fn by_dates(
    source: Source,
    filter: &Filter,
    breakdown: Option<Breakdown>,
    backend: DbBackend,
    at: DateTime<Utc>,
) -> SelectStatement {
    let period = breakdown.filter(|b| b.is_period());
    let key = |dated: Dated| breakdown.map(|b| key_of(b, backend, source, dated));
    let one_in = |source: Source| Expr::from(in_one_period(source, filter, breakdown, backend));
    let one = || one_in(source);
    let starts_within = || Expr::from(within(filter, Dated::SessionStart.expr(source)));
    let ends_within = || Expr::from(within(filter, Dated::SessionEnd.expr(source)));
    // Whether a registration's end counts in the row keyed by its start.
    let end_here = || if period.is_some() { one() } else { ends_within() };
    let when = |condition: Expr, value: Expr| -> Expr { Expr::case(condition, value).finally(0).into() };

    let mut union = Query::select();
    source.read_registrations(&mut union);
    Counted {
        registered: flag(source.placed().and(starts_within())),
        completed: flag(source.completed().and(end_here())),
        confirmed_in_held: flag(source.confirmed().and(source.held(at)).and(end_here())),
        held_with_participant: flag(source.took_part().and(source.held(at)).and(end_here())),
        minutes: when(one(), source.get(Field::AttendedMinutes)),
        meetings: when(one(), source.get(Field::AttendedMeetings)),
        invited: flag(source.invited().and(end_here())),
        answered: flag(source.answered().and(end_here())),
        issued: flag(source.issued().and(end_here())),
        revoked: flag(source.revoked().and(end_here())),
    }
    .select(source, &mut union, key(Dated::SessionStart));
    // By month or quarter, a row there counts nothing unless its session
    // starts within (the end is counted there only within one period).
    let counts_here = match period {
        Some(_) => starts_within(),
        None => starts_within().or(ends_within()),
    };
    union.cond_where(Cond::all().add(conditions(source, filter)).add(counts_here));

    if period.is_some() {
        let mut ended = Query::select();
        source.read_registrations(&mut ended);
        Counted::at_end(source, at).select(source, &mut ended, key(Dated::SessionEnd));
        ended.cond_where(
            Cond::all()
                .add(conditions(source, filter))
                .add(one().not())
                .add(ends_within()),
        );
        union.union(UnionType::All, ended);
    }

    // Without the filter's days, the facts' attended months answer for
    // the sessions across periods, in one join (issue 22).
    let attended = match (source, period) {
        (Source::Facts, Some(b)) if filter.from.is_none() && filter.to.is_none() => months_attended(filter, b, backend),
        _ => attended_marks(source, filter, period, backend, key(Dated::SessionStart)),
    };
    union.union(UnionType::All, attended);

    let f = |column: &'static str| Expr::col(("f", column));
    let mut query = Query::select();
    query
        .from_subquery(union, "f")
        .expr_as(Func::sum(f("registered")), "registrations")
        .expr_as(distinct_if(f("registered").eq(1), f("person_id")), "registered_people")
        // A registration has one row a group with its attended time there.
        .expr_as(count_if(f("meetings").gt(0)), "participants")
        .expr_as(Func::sum(f("completed")), "completions")
        .expr_as(distinct_if(f("completed").eq(1), f("person_id")), "beneficiaries")
        .expr_as(Func::sum(f("confirmed_in_held")), "confirmed_in_held")
        .expr_as(Func::sum(f("minutes")), "attended_minutes")
        .expr_as(
            distinct_if(f("held_with_participant").eq(1), f("session_id")),
            "sessions_held",
        )
        .expr_as(distinct_if(f("held_with_participant").eq(1), f("venue_id")), "venues")
        .expr_as(distinct_if(f("meetings").gt(0), f("workplace_key")), "workplaces")
        .expr_as(distinct_if(f("meetings").gt(0), f("region_id")), "regions")
        .expr_as(Func::sum(f("invited")), "invitations")
        .expr_as(Func::sum(f("answered")), "answered")
        .expr_as(Func::sum(f("issued")), "issued")
        .expr_as(Func::sum(f("revoked")), "revoked");
    if breakdown.is_some() {
        query.expr_as(f("key"), "key").add_group_by([f("key")]);
    }
    query
}

/// The marks of the sessions across the filter's days or a period's edge,
/// summed by registration (and month or quarter) before anything is joined
/// to them: a person's region and employer are then read once a
/// registration, not once a mark. The sessions' own conditions apply here
/// already: the marks are read through their meetings and sessions,
/// whatever the source.
fn attended_marks(
    source: Source,
    filter: &Filter,
    period: Option<Breakdown>,
    backend: DbBackend,
    key: Option<Expr>,
) -> SelectStatement {
    let one_in = |source: Source| Expr::from(in_one_period(source, filter, period, backend));
    let (minutes, meetings) = marks_counted(backend);
    let mut marks = Query::select();
    marks.from(meeting::Entity);
    join_session(&mut marks, (meeting::Entity, meeting::Column::SessionId));
    marks
        .inner_join(
            attendance::Entity,
            col(attendance::Entity, attendance::Column::MeetingId).equals((meeting::Entity, meeting::Column::Id)),
        )
        .expr_as(
            col(attendance::Entity, attendance::Column::RegistrationId),
            "registration_id",
        )
        .expr_as(minutes, "minutes")
        .expr_as(meetings, "meetings")
        .cond_where(
            Cond::all()
                .add(conditions(
                    Source::Tables,
                    &Filter {
                        region_id: None,
                        audience: None,
                        ..filter.clone()
                    },
                ))
                .add(one_in(Source::Tables).not())
                .add(overlapping(filter))
                .add(within(filter, Dated::Meeting.expr(Source::Tables))),
        )
        .and_where(col(attendance::Entity, attendance::Column::Status).is_in([
            AttendanceStatus::Present,
            AttendanceStatus::Late,
            AttendanceStatus::Partial,
        ]))
        .add_group_by([col(attendance::Entity, attendance::Column::RegistrationId)]);
    if let Some(b) = period {
        let key = period_of(b, backend, Source::Tables, Dated::Meeting);
        marks.expr_as(key.clone(), "period").add_group_by([key]);
    }
    let g = |column: &'static str| Expr::col(("g", column));
    let mut attended = Query::select();
    attended.from_subquery(marks, "g");
    source.join_registrations(&mut attended, g("registration_id"));
    Counted {
        minutes: g("minutes"),
        meetings: g("meetings"),
        ..Counted::nothing()
    }
    .select(
        source,
        &mut attended,
        match period {
            Some(_) => Some(g("period")),
            None => key,
        },
    );
    attended.cond_where(conditions(source, filter));
    attended
}

/// The attended time of the registrations of sessions across periods, by
/// month or quarter and registration, from `attended_months` (issue 22):
/// what [`attended_marks`] sums from their marks, without reading them, as
/// the union's rows of [`by_dates`]. Only without the filter's days, which
/// cut months. One join: grouped by the facts' key, a registration's own
/// columns are read beside its sums (a second join to the facts after
/// grouping cost SQLite 2.3 s of a month breakdown over a million).
fn months_attended(filter: &Filter, breakdown: Breakdown, backend: DbBackend) -> SelectStatement {
    let registration_id = || col(registration_fact::Entity, registration_fact::Column::RegistrationId);
    let period = match breakdown {
        Breakdown::Quarter => Expr::cust(quarter_of_month(r#""attended_months"."month""#)),
        _ => col(attended_month::Entity, attended_month::Column::Month),
    };
    let mut query = Query::select();
    query.from(attended_month::Entity).inner_join(
        registration_fact::Entity,
        registration_id().equals((attended_month::Entity, attended_month::Column::RegistrationId)),
    );
    Counted {
        minutes: Expr::cust(r#"CAST(SUM("attended_months"."minutes") AS INTEGER)"#),
        meetings: Expr::cust(r#"CAST(SUM("attended_months"."meetings") AS INTEGER)"#),
        ..Counted::nothing()
    }
    .select(Source::Facts, &mut query, Some(period.clone()));
    query
        .cond_where(
            Cond::all()
                .add(conditions(Source::Facts, filter))
                .add(Expr::from(in_one_period(Source::Facts, filter, Some(breakdown), backend)).not()),
        )
        // The facts' key: PostgreSQL then reads the registration's other
        // columns as depending on it.
        .add_group_by([registration_id(), period]);
    query
}

/// The figures of every registration selected, whatever its dates: one
/// grouped scan of registrations.
fn whole(
    source: Source,
    filter: &Filter,
    breakdown: Option<Breakdown>,
    backend: DbBackend,
    at: DateTime<Utc>,
) -> SelectStatement {
    // With their survey invitation and certificate, of which each has one at
    // most (one survey per session, one certificate per registration), so
    // one scan counts them all.
    let held = || source.held(at);
    let took_part = || source.took_part();
    let person_id = || source.get(Field::PersonId);
    let mut query = Query::select();
    source.read_registrations(&mut query);
    query
        .expr_as(count_if(source.placed()), "registrations")
        .expr_as(distinct_if(source.placed(), person_id()), "registered_people")
        .expr_as(count_if(took_part()), "participants")
        .expr_as(count_if(source.completed()), "completions")
        .expr_as(distinct_if(source.completed(), person_id()), "beneficiaries")
        .expr_as(count_if(source.confirmed().and(held())), "confirmed_in_held")
        .expr_as(Func::sum(source.get(Field::AttendedMinutes)), "attended_minutes")
        .expr_as(
            distinct_if(took_part().and(held()), source.get(Field::SessionId)),
            "sessions_held",
        )
        .expr_as(
            distinct_if(took_part().and(held()), source.get(Field::VenueId)),
            "venues",
        )
        .expr_as(
            // The employer's keyed hash (issue 21), kept when a person is erased.
            distinct_if(took_part(), source.get(Field::WorkplaceKey)),
            "workplaces",
        )
        .expr_as(distinct_if(took_part(), source.get(Field::RegionId)), "regions")
        .expr_as(count_if(source.invited()), "invitations")
        .expr_as(count_if(source.answered()), "answered")
        .expr_as(count_if(source.issued()), "issued")
        .expr_as(count_if(source.revoked()), "revoked");
    grouped(&mut query, source, filter, breakdown, backend, Dated::SessionStart);
    query
}

/// A registration's survey invitation and certificate, of which each has
/// one at most (one survey per session, one certificate per registration).
fn join_follow_ups(query: &mut SelectStatement) {
    query
        .left_join(
            survey_invitation::Entity,
            col(survey_invitation::Entity, survey_invitation::Column::RegistrationId)
                .equals((registration::Entity, registration::Column::Id)),
        )
        .left_join(
            certificate::Entity,
            col(certificate::Entity, certificate::Column::RegistrationId)
                .equals((registration::Entity, registration::Column::Id)),
        );
}

/// The figures of each group (one group for the totals), from two grouped queries.
async fn figures(
    txn: &DatabaseTransaction,
    source: Source,
    filter: &Filter,
    breakdown: Option<Breakdown>,
    at: DateTime<Utc>,
) -> Result<Vec<Group>> {
    let backend = txn.get_database_backend();
    let mut groups: HashMap<Option<Key>, Figures> = HashMap::new();
    let read = |row: &QueryResult| match breakdown {
        Some(b) => read_key(row, b),
        None => Ok(None),
    };

    // Registrations: who registered, took part, completed, and where from.
    // Asked for a period, each figure by its own date (issue 20).
    let query = if by_period(filter, breakdown) {
        by_dates(source, filter, breakdown, backend, at)
    } else {
        whole(source, filter, breakdown, backend, at)
    };
    for row in txn.query_all(&query).await? {
        let figures = groups.entry(read(&row)?).or_insert_with(|| empty(filter, breakdown));
        figures.registrations = count(&row, "registrations")?;
        figures.registered_people = count(&row, "registered_people")?;
        figures.participants = count(&row, "participants")?;
        figures.completions = count(&row, "completions")?;
        figures.beneficiaries = count(&row, "beneficiaries")?;
        figures.confirmed_in_held = count(&row, "confirmed_in_held")?;
        figures.attended_minutes = count(&row, "attended_minutes")?;
        figures.sessions_held = count(&row, "sessions_held")?;
        figures.venues = count(&row, "venues")?;
        figures.workplaces = count(&row, "workplaces")?;
        figures.regions = count(&row, "regions")?;
        figures.survey_invitations = count(&row, "invitations")?;
        figures.survey_answers = count(&row, "answered")?;
        figures.certificates_issued = count(&row, "issued")?;
        figures.certificates_revoked = count(&row, "revoked")?;
    }

    // Satisfaction: the anonymous answers know their session, not their
    // person; dated by the session's end, as the survey that follows it.
    // They have no registration, so no facts: read with their session and
    // course, whatever the source.
    if satisfaction_known(filter, breakdown) {
        let overall = || col(survey_response::Entity, survey_response::Column::Overall);
        let mut query = responses();
        query
            .expr_as(Func::count(overall()), "answers")
            .expr_as(Func::sum(overall()), "total");
        grouped(
            &mut query,
            Source::Tables,
            filter,
            breakdown,
            backend,
            Dated::SessionEnd,
        );
        for row in txn.query_all(&query).await? {
            let figures = groups.entry(read(&row)?).or_insert_with(|| empty(filter, breakdown));
            figures.satisfaction = Some(Tally {
                count: count(&row, "answers")?,
                sum: count(&row, "total")?,
            });
        }
    }

    let mut out: Vec<Group> = groups
        .into_iter()
        .map(|(key, figures)| Group {
            key,
            name: None,
            figures,
        })
        .collect();
    name(txn, breakdown, &mut out).await?;
    Ok(out)
}

/// Answers joined to their survey's session and course.
fn responses() -> SelectStatement {
    let mut query = Query::select();
    query.from(survey_response::Entity).inner_join(
        survey::Entity,
        col(survey::Entity, survey::Column::Id).equals((survey_response::Entity, survey_response::Column::SurveyId)),
    );
    join_session(&mut query, (survey::Entity, survey::Column::SessionId));
    query
}

/// How many overall-satisfaction answers gave each score, 1 to 5.
async fn scores(txn: &DatabaseTransaction, filter: &Filter) -> Result<Vec<u64>> {
    let overall = || col(survey_response::Entity, survey_response::Column::Overall);
    let mut query = responses();
    query
        .expr_as(overall(), "score")
        .expr_as(Func::count(Expr::val(1)), "answers")
        .and_where(overall().is_not_null())
        .add_group_by([overall()])
        .cond_where(conditions(Source::Tables, filter))
        .cond_where(within(filter, Dated::SessionEnd.expr(Source::Tables)));
    let mut scores = vec![0; 5];
    for row in txn.query_all(&query).await? {
        let score: i32 = row.try_get("", "score")?;
        if let Some(slot) = usize::try_from(score - 1).ok().and_then(|i| scores.get_mut(i)) {
            *slot = count(&row, "answers")?;
        }
    }
    Ok(scores)
}

/// Names regions and courses, and puts the groups in the order a reader
/// expects: by name, months in time order, the unnamed group last.
async fn name(txn: &DatabaseTransaction, breakdown: Option<Breakdown>, groups: &mut [Group]) -> Result<()> {
    let ids: Vec<Uuid> = groups
        .iter()
        .filter_map(|g| match &g.key {
            Some(Key::Id(id)) => Some(*id),
            _ => None,
        })
        .collect();
    let names: HashMap<Uuid, String> = match breakdown {
        Some(Breakdown::Region) => names_of(txn, region::Entity, region::Column::Id, region::Column::Name, ids).await?,
        Some(Breakdown::Course) => {
            names_of(txn, course::Entity, course::Column::Id, course::Column::Title, ids).await?
        }
        Some(Breakdown::Organisation) => {
            names_of(
                txn,
                organisation::Entity,
                organisation::Column::Id,
                organisation::Column::Name,
                ids,
            )
            .await?
        }
        _ => HashMap::new(),
    };
    for group in groups.iter_mut() {
        if let Some(Key::Id(id)) = &group.key {
            group.name = names.get(id).cloned();
        }
    }
    groups.sort_by(|a, b| {
        (a.key.is_none(), a.name.as_deref().map(str::to_lowercase), &a.key).cmp(&(
            b.key.is_none(),
            b.name.as_deref().map(str::to_lowercase),
            &b.key,
        ))
    });
    Ok(())
}

/// The names of the rows `ids` picks in `id`'s table: their id and `name` only.
async fn names_of<E: EntityTrait>(
    txn: &DatabaseTransaction,
    _table: E,
    id: E::Column,
    name: E::Column,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, String>> {
    Ok(E::find()
        .select_only()
        .column(id)
        .column(name)
        .filter(id.is_in(ids))
        .into_tuple::<(Uuid, String)>()
        .all(txn)
        .await?
        .into_iter()
        .collect())
}
