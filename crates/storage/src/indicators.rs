//! Indicators computed in the database: for a filter, the totals and each
//! breakdown are grouped queries over registrations (with their sessions,
//! courses and people), survey invitations, certificates and the anonymous
//! satisfaction answers. Rows are never loaded into memory: a dashboard
//! reads a few hundred grouped rows whatever the size of the data.
//!
//! What is counted per registration is kept on its row (see migration
//! `000008_indicators`): `placed_at`, `attended_minutes`,
//! `attended_meetings`, `completed`. So no query reads attendance marks or
//! answers one by one.
//!
//! All queries of a dashboard run in one read transaction (a repeatable
//! read on PostgreSQL, a read snapshot on SQLite's write-ahead log), so its
//! figures agree with each other even while people register.
//!
//! The same SQL runs on both databases except the month of a session,
//! which each database writes its own way (`month_of_start`).

use std::collections::HashMap;

use aula_domain::indicators::{Breakdown, Figures, Filter, Tally};
use aula_domain::{RegistrationStatus, SessionStatus};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use sea_orm::sea_query::{Cond, Expr, ExprTrait as _, Func, Query, SelectStatement};
use sea_orm::{
    AccessMode, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait, IsolationLevel, QueryFilter,
    QueryResult, TransactionTrait,
};
use uuid::Uuid;

use crate::entities::{
    certificate, course, organisation, person, region, registration, session, survey, survey_invitation,
    survey_response,
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

/// Computes the totals and `breakdowns` for `filter`, as of `at` (a session
/// is held once it has ended by then).
pub async fn dashboard(
    db: &Database,
    filter: &Filter,
    breakdowns: &[Breakdown],
    at: DateTime<Utc>,
) -> Result<Dashboard> {
    let txn = read_snapshot(db).await?;
    let totals = figures(&txn, filter, None, at)
        .await?
        .into_iter()
        .next()
        .map(|g| g.figures)
        .unwrap_or_else(|| empty(filter, None));
    let scores = if filter.selects_people() {
        Vec::new()
    } else {
        scores(&txn, filter).await?
    };
    let mut out = Vec::with_capacity(breakdowns.len());
    for breakdown in breakdowns {
        out.push((*breakdown, figures(&txn, filter, Some(*breakdown), at).await?));
    }
    txn.commit().await?;
    Ok(Dashboard {
        totals,
        scores,
        breakdowns: out,
    })
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

/// The session's start month in UTC, `YYYY-MM`. SQLite keeps instants as
/// UTC text that starts with it; PostgreSQL must be told the zone.
fn month_of_start(backend: DbBackend) -> Expr {
    match backend {
        DbBackend::Postgres => Expr::cust(r#"to_char("sessions"."starts_at" AT TIME ZONE 'UTC', 'YYYY-MM')"#),
        _ => Expr::cust(r#"substr("sessions"."starts_at", 1, 7)"#),
    }
}

fn key_of(breakdown: Breakdown, backend: DbBackend) -> Expr {
    match breakdown {
        Breakdown::Region => col(person::Entity, person::Column::RegionId),
        Breakdown::Audience => col(person::Entity, person::Column::Audience),
        Breakdown::Modality => col(course::Entity, course::Column::Modality),
        Breakdown::Course => col(course::Entity, course::Column::Id),
        Breakdown::Month => month_of_start(backend),
        Breakdown::Organisation => col(session::Entity, session::Column::OrganisationId),
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
fn conditions(filter: &Filter) -> Cond {
    let mut cond = Cond::all();
    // A network's figures are its own sessions' and its members' (issue 17).
    let organisation = || col(session::Entity, session::Column::OrganisationId);
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
        cond = cond.add(col(course::Entity, course::Column::ProgrammeId).eq(id));
    }
    if let Some(id) = filter.course_id {
        cond = cond.add(col(course::Entity, course::Column::Id).eq(id));
    }
    if let Some(id) = filter.session_id {
        cond = cond.add(col(session::Entity, session::Column::Id).eq(id));
    }
    if let Some(modality) = filter.modality {
        cond = cond.add(col(course::Entity, course::Column::Modality).eq(modality));
    }
    if let Some(id) = filter.region_id {
        cond = cond.add(col(person::Entity, person::Column::RegionId).eq(id));
    }
    if let Some(audience) = filter.audience {
        cond = cond.add(col(person::Entity, person::Column::Audience).eq(audience));
    }
    if let Some(day) = filter.from {
        cond = cond.add(col(session::Entity, session::Column::StartsAt).gte(day.and_time(NaiveTime::MIN).and_utc()));
    }
    if let Some(day) = filter.to {
        let next = (day + Duration::days(1)).and_time(NaiveTime::MIN).and_utc();
        cond = cond.add(col(session::Entity, session::Column::StartsAt).lt(next));
    }
    cond
}

/// Joins a registration's session, course and person.
fn join_registration(query: &mut SelectStatement) {
    query
        .inner_join(
            session::Entity,
            col(session::Entity, session::Column::Id).equals((registration::Entity, registration::Column::SessionId)),
        )
        .inner_join(
            course::Entity,
            col(course::Entity, course::Column::Id).equals((session::Entity, session::Column::CourseId)),
        )
        .inner_join(
            person::Entity,
            col(person::Entity, person::Column::Id).equals((registration::Entity, registration::Column::PersonId)),
        );
}

/// Selects the group key (or a constant for the totals), applies the
/// filter and groups.
fn grouped(query: &mut SelectStatement, filter: &Filter, breakdown: Option<Breakdown>, backend: DbBackend) {
    if let Some(b) = breakdown {
        let key = key_of(b, backend);
        query.expr_as(key.clone(), "key").add_group_by([key]);
    }
    query.cond_where(conditions(filter));
}

/// The figures of each group (one group for the totals), from two grouped queries.
async fn figures(
    txn: &DatabaseTransaction,
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

    // Registrations: who registered, took part, completed, and where from;
    // with their survey invitation and certificate, of which each has one at
    // most (one survey per session, one certificate per registration), so
    // one scan counts them all.
    let placed = || col(registration::Entity, registration::Column::PlacedAt).is_not_null();
    let took_part = || col(registration::Entity, registration::Column::AttendedMeetings).gt(0);
    let completed = || col(registration::Entity, registration::Column::Completed).eq(true);
    let held = || {
        col(session::Entity, session::Column::Status)
            .is_not_in([SessionStatus::Draft, SessionStatus::Cancelled])
            .and(col(session::Entity, session::Column::EndsAt).lte(at))
    };
    let person_id = || col(registration::Entity, registration::Column::PersonId);
    let mut query = Query::select();
    query
        .from(registration::Entity)
        .expr_as(count_if(placed()), "registrations")
        .expr_as(distinct_if(placed(), person_id()), "registered_people")
        .expr_as(count_if(took_part()), "participants")
        .expr_as(count_if(completed()), "completions")
        .expr_as(distinct_if(completed(), person_id()), "beneficiaries")
        .expr_as(
            count_if(
                col(registration::Entity, registration::Column::Status)
                    .eq(RegistrationStatus::Confirmed)
                    .and(held()),
            ),
            "confirmed_in_held",
        )
        .expr_as(
            Func::sum(col(registration::Entity, registration::Column::AttendedMinutes)),
            "attended_minutes",
        )
        .expr_as(
            distinct_if(took_part().and(held()), col(session::Entity, session::Column::Id)),
            "sessions_held",
        )
        .expr_as(
            distinct_if(took_part().and(held()), col(session::Entity, session::Column::VenueId)),
            "venues",
        )
        .expr_as(
            // The employer's keyed hash (issue 21), kept when a person is erased.
            distinct_if(took_part(), col(person::Entity, person::Column::WorkplaceKey)),
            "workplaces",
        )
        .expr_as(
            distinct_if(took_part(), col(person::Entity, person::Column::RegionId)),
            "regions",
        )
        .expr_as(
            count_if(col(survey_invitation::Entity, survey_invitation::Column::RegistrationId).is_not_null()),
            "invitations",
        )
        .expr_as(
            count_if(col(survey_invitation::Entity, survey_invitation::Column::Answered).eq(true)),
            "answered",
        )
        .expr_as(
            count_if(col(certificate::Entity, certificate::Column::RegistrationId).is_not_null()),
            "issued",
        )
        .expr_as(
            count_if(col(certificate::Entity, certificate::Column::RevokedAt).is_not_null()),
            "revoked",
        )
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
    join_registration(&mut query);
    grouped(&mut query, filter, breakdown, backend);
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

    // Satisfaction: the anonymous answers know their session, not their person.
    if satisfaction_known(filter, breakdown) {
        let overall = || col(survey_response::Entity, survey_response::Column::Overall);
        let mut query = responses();
        query
            .expr_as(Func::count(overall()), "answers")
            .expr_as(Func::sum(overall()), "total");
        grouped(&mut query, filter, breakdown, backend);
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
    query
        .from(survey_response::Entity)
        .inner_join(
            survey::Entity,
            col(survey::Entity, survey::Column::Id)
                .equals((survey_response::Entity, survey_response::Column::SurveyId)),
        )
        .inner_join(
            session::Entity,
            col(session::Entity, session::Column::Id).equals((survey::Entity, survey::Column::SessionId)),
        )
        .inner_join(
            course::Entity,
            col(course::Entity, course::Column::Id).equals((session::Entity, session::Column::CourseId)),
        );
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
        .cond_where(conditions(filter));
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
        Some(Breakdown::Region) => region::Entity::find()
            .filter(region::Column::Id.is_in(ids))
            .all(txn)
            .await?
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect(),
        Some(Breakdown::Course) => course::Entity::find()
            .filter(course::Column::Id.is_in(ids))
            .all(txn)
            .await?
            .into_iter()
            .map(|c| (c.id, c.title))
            .collect(),
        Some(Breakdown::Organisation) => organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(ids))
            .all(txn)
            .await?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect(),
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
