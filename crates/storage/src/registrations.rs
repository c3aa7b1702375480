//! Registrations and the seats they hold.
//!
//! The seat rule: `sessions.seats_taken` counts confirmed registrations and
//! only ever moves by a conditional increment
//! (`SET seats_taken = seats_taken + 1 WHERE seats_taken < capacity`), in the
//! same transaction as the registration's change. The database serialises those updates on the
//! session's row (a row lock on PostgreSQL, the single writer on SQLite), so
//! no interleaving of requests or processes can confirm more than the
//! capacity, and the work under the lock is constant: no rows are counted.

use aula_domain::RegistrationStatus;
use aula_domain::registration::Audience;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, Statement};
use uuid::Uuid;

use crate::entities::{person, registration, session};
use crate::{Result, StorageError, new_id, now, secrets};

/// Takes one seat of the session if one is free; `false` when full.
pub async fn take_seat(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<bool> {
    use sea_orm::sea_query::ExprTrait as _;
    let result = session::Entity::update_many()
        .col_expr(
            session::Column::SeatsTaken,
            Expr::col(session::Column::SeatsTaken).add(1),
        )
        .filter(session::Column::Id.eq(session_id))
        .filter(Expr::col(session::Column::SeatsTaken).lt(Expr::col(session::Column::Capacity)))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The next ticket on the session's waiting list.
pub async fn next_ticket(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<i64> {
    let backend = conn.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => {
            "UPDATE sessions SET waitlist_counter = waitlist_counter + 1 WHERE id = $1 RETURNING waitlist_counter"
        }
        _ => "UPDATE sessions SET waitlist_counter = waitlist_counter + 1 WHERE id = ? RETURNING waitlist_counter",
    };
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(backend, sql, [session_id.into()]))
        .await?
        .ok_or(StorageError::NotFound)?;
    Ok(row.try_get::<i64>("", "waitlist_counter")?)
}

/// A new registration, with its personal link's secret (returned once).
pub struct Added {
    pub registration: registration::Model,
    pub manage_token: String,
}

/// Adds `person_id` to the session: confirmed if a seat is free, else
/// waitlisted. A live registration already there is a conflict.
pub async fn add_confirmed(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    person_id: Uuid,
    source: &str,
) -> Result<Added> {
    let at = now();
    let status = if take_seat(conn, session_id).await? {
        RegistrationStatus::Confirmed
    } else {
        RegistrationStatus::Waitlisted
    };
    let ticket = match status {
        RegistrationStatus::Waitlisted => Some(next_ticket(conn, session_id).await?),
        _ => None,
    };
    let manage_token = secrets::generate("");
    let registration = registration::ActiveModel {
        id: Set(new_id()),
        session_id: Set(session_id),
        person_id: Set(person_id),
        status: Set(status.as_str().to_owned()),
        waitlist_ticket: Set(ticket),
        source: Set(source.to_owned()),
        confirm_token_hash: Set(None),
        confirm_expires_at: Set(None),
        manage_token_hash: Set(secrets::hash(&manage_token)),
        created_at: Set(at),
        updated_at: Set(at),
        confirmed_at: Set((status == RegistrationStatus::Confirmed).then_some(at)),
        cancelled_at: Set(None),
        cancel_reason: Set(None),
    }
    .insert(conn)
    .await
    .map_err(|e| match StorageError::from(e) {
        StorageError::Conflict(_) => StorageError::Conflict(aula_domain::Problem::new("error-already-registered")),
        other => other,
    })?;
    Ok(Added {
        registration,
        manage_token,
    })
}

/// The people a message to the session's `audience` goes to, with their
/// registrations, in waiting-list order after the confirmed.
pub async fn recipients(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    audience: Audience,
) -> Result<Vec<(registration::Model, person::Model)>> {
    let statuses: Vec<&str> = audience.statuses().iter().map(|s| s.as_str()).collect();
    let registrations = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(session_id))
        .filter(registration::Column::Status.is_in(statuses))
        .order_by_asc(registration::Column::WaitlistTicket)
        .order_by_asc(registration::Column::CreatedAt)
        .all(conn)
        .await?;
    let ids: Vec<Uuid> = registrations.iter().map(|r| r.person_id).collect();
    let people: std::collections::HashMap<Uuid, person::Model> = person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    Ok(registrations
        .into_iter()
        .filter_map(|r| people.get(&r.person_id).cloned().map(|p| (r, p)))
        .collect())
}

/// A registration with its person, and its place on the waiting list.
#[derive(Clone, Debug)]
pub struct RegistrationRow {
    pub registration: registration::Model,
    pub person: person::Model,
    /// 1 for the first person waiting; `None` unless waitlisted.
    pub waitlist_position: Option<u64>,
}

/// How many registrations a session has in each status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub pending: u64,
    pub confirmed: u64,
    pub waitlisted: u64,
    pub cancelled: u64,
}

pub async fn counts(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<Counts> {
    use sea_orm::{FromQueryResult, QuerySelect};
    #[derive(FromQueryResult)]
    struct Row {
        status: String,
        count: i64,
    }
    let rows = registration::Entity::find()
        .select_only()
        .column(registration::Column::Status)
        .column_as(registration::Column::Id.count(), "count")
        .filter(registration::Column::SessionId.eq(session_id))
        .group_by(registration::Column::Status)
        .into_model::<Row>()
        .all(conn)
        .await?;
    let mut counts = Counts::default();
    for row in rows {
        let n = row.count.max(0) as u64;
        match RegistrationStatus::parse(&row.status) {
            Ok(RegistrationStatus::Pending) => counts.pending = n,
            Ok(RegistrationStatus::Confirmed) => counts.confirmed = n,
            Ok(RegistrationStatus::Waitlisted) => counts.waitlisted = n,
            Ok(RegistrationStatus::Cancelled) => counts.cancelled = n,
            Err(_) => {}
        }
    }
    Ok(counts)
}

/// A session's registrations in the order they came; `status` narrows to
/// one status. Waiting-list
/// positions are ranks among the waitlisted (dense, 1-based), computed for
/// the page's rows only.
pub async fn list(
    conn: &impl ConnectionTrait,
    session_id: Uuid,
    status: Option<RegistrationStatus>,
    page: crate::Page,
) -> Result<crate::Paged<RegistrationRow>> {
    use sea_orm::{PaginatorTrait, QuerySelect};
    let mut query = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(session_id))
        // Not by ticket: the databases disagree on where NULLs sort.
        .order_by_asc(registration::Column::CreatedAt)
        .order_by_asc(registration::Column::Id);
    if let Some(status) = status {
        query = query.filter(registration::Column::Status.eq(status.as_str()));
    }
    let total = query.clone().count(conn).await?;
    let rows = query.offset(page.offset()).limit(page.per_page).all(conn).await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.person_id).collect();
    let people: std::collections::HashMap<Uuid, person::Model> = person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut items = Vec::with_capacity(rows.len());
    for registration in rows {
        let Some(person) = people.get(&registration.person_id).cloned() else {
            continue;
        };
        let waitlist_position = match registration.waitlist_ticket {
            Some(ticket) if registration.status == RegistrationStatus::Waitlisted.as_str() => Some(
                registration::Entity::find()
                    .filter(registration::Column::SessionId.eq(session_id))
                    .filter(registration::Column::Status.eq(RegistrationStatus::Waitlisted.as_str()))
                    .filter(registration::Column::WaitlistTicket.lt(ticket))
                    .count(conn)
                    .await?
                    + 1,
            ),
            _ => None,
        };
        items.push(RegistrationRow {
            registration,
            person,
            waitlist_position,
        });
    }
    Ok(crate::Paged { items, page, total })
}
