//! Programmes: funded projects that group courses.

use aula_domain::details::ProgrammeDetails;
use aula_domain::{OrganisationId, Problem};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait as _, IntoTableRef, Query, SelectStatement, UnionType};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::db::Begin;
use crate::entities::{course, programme, programme_funder, programme_partner, session};
use crate::{Actor, Archived, Page, Paged, Result, StorageError, audit, found, new_id, now, sessions};

/// `org`'s programmes, newest first (index `ix_programmes_created_at`);
/// the archived ones only when `archived` shows them.
pub async fn list(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    archived: Archived,
    page: Page,
) -> Result<Paged<programme::Model>> {
    let query = programme::Entity::find()
        .filter(programme::Column::OrganisationId.eq(org.uuid()))
        .filter(archived.condition(programme::Column::ArchivedAt, programme::Column::Id))
        .order_by_desc(programme::Column::CreatedAt);
    let total = query.clone().count(conn).await?;
    let items = query.offset(page.offset()).limit(page.per_page).all(conn).await?;
    Ok(Paged { items, page, total })
}

/// The programmes `archived` offers, by title, for choosing one in a form.
pub async fn choices(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    archived: Archived,
) -> Result<Vec<programme::Model>> {
    Ok(programme::Entity::find()
        .filter(programme::Column::OrganisationId.eq(org.uuid()))
        .filter(archived.condition(programme::Column::ArchivedAt, programme::Column::Id))
        .order_by_asc(programme::Column::Title)
        .limit(500)
        .all(conn)
        .await?)
}

/// One of `org`'s programmes; another organisation's is not found.
pub async fn get(conn: &impl ConnectionTrait, org: OrganisationId, id: Uuid) -> Result<programme::Model> {
    found(
        conn,
        programme::Entity::find_by_id(id).filter(programme::Column::OrganisationId.eq(org.uuid())),
    )
    .await
}

fn snapshot(p: &programme::Model) -> serde_json::Value {
    json!({"title": p.title, "funder": p.funder, "starts_on": p.starts_on, "ends_on": p.ends_on,
        "commissioner": p.commissioner, "contract_reference": p.contract_reference})
}

/// The programme's funders, in the order its reports name them (issue 20).
pub async fn funders(conn: &impl ConnectionTrait, id: Uuid) -> Result<Vec<programme_funder::Model>> {
    Ok(programme_funder::Entity::find()
        .filter(programme_funder::Column::ProgrammeId.eq(id))
        .order_by_asc(programme_funder::Column::Position)
        .all(conn)
        .await?)
}

/// The programme's partners, in the order its reports name them (issue 20).
pub async fn partners(conn: &impl ConnectionTrait, id: Uuid) -> Result<Vec<programme_partner::Model>> {
    Ok(programme_partner::Entity::find()
        .filter(programme_partner::Column::ProgrammeId.eq(id))
        .order_by_asc(programme_partner::Column::Position)
        .all(conn)
        .await?)
}

/// The funders and partners of several programmes at once (a page of the
/// list), each in its programme's order.
pub async fn lists_of(
    conn: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<(Vec<programme_funder::Model>, Vec<programme_partner::Model>)> {
    let funders = programme_funder::Entity::find()
        .filter(programme_funder::Column::ProgrammeId.is_in(ids.iter().copied()))
        .order_by_asc(programme_funder::Column::Position)
        .all(conn)
        .await?;
    let partners = programme_partner::Entity::find()
        .filter(programme_partner::Column::ProgrammeId.is_in(ids.iter().copied()))
        .order_by_asc(programme_partner::Column::Position)
        .all(conn)
        .await?;
    Ok((funders, partners))
}

/// The commissioning bodies `orgs` have named on their programmes, courses
/// and sessions, each once, by name (issue 20): what forms offer, so a body
/// is written the same way each time, and what the indicators filter by
/// (a network's over its members).
pub async fn commissioners(conn: &impl ConnectionTrait, orgs: &[OrganisationId]) -> Result<Vec<String>> {
    let mut query = named(programme::Entity, orgs);
    query
        .union(UnionType::Distinct, named(course::Entity, orgs))
        .union(UnionType::Distinct, named(session::Entity, orgs));
    let mut names = Vec::new();
    for row in conn.query_all(&query).await? {
        names.push(row.try_get::<String>("", "name")?);
    }
    names.sort();
    names.sort_by_key(|n| aula_domain::fold_for_search(n));
    Ok(names)
}

/// The bodies `table`'s rows of `orgs` name: programmes, courses and
/// sessions each have an `organisation_id` and a `commissioner`.
fn named(table: impl IntoTableRef, orgs: &[OrganisationId]) -> SelectStatement {
    let commissioner = || Expr::col(programme::Column::Commissioner);
    Query::select()
        .expr_as(commissioner(), "name")
        .from(table)
        .and_where(Expr::col(programme::Column::OrganisationId).is_in(orgs.iter().map(|o| o.uuid())))
        .and_where(commissioner().is_not_null())
        .to_owned()
}

/// Writes the programme's funders and partners as `details` gives them,
/// in place of those it had.
async fn write_lists(conn: &impl ConnectionTrait, id: Uuid, details: &ProgrammeDetails) -> Result<()> {
    // A funder's logo stays with its name, wherever the funder moves.
    let logos: std::collections::HashMap<String, String> = funders(conn, id)
        .await?
        .into_iter()
        .filter_map(|f| f.logo_sha256.map(|sha| (aula_domain::fold_for_search(&f.name), sha)))
        .collect();
    programme_funder::Entity::delete_many()
        .filter(programme_funder::Column::ProgrammeId.eq(id))
        .exec(conn)
        .await?;
    programme_partner::Entity::delete_many()
        .filter(programme_partner::Column::ProgrammeId.eq(id))
        .exec(conn)
        .await?;
    for (position, funder) in (0..).zip(&details.funders) {
        programme_funder::ActiveModel {
            id: Set(new_id()),
            programme_id: Set(id),
            position: Set(position),
            name: Set(funder.name.to_string()),
            reference: Set(funder.reference.as_ref().map(ToString::to_string)),
            logo_sha256: Set(logos.get(&aula_domain::fold_for_search(funder.name.as_str())).cloned()),
        }
        .insert(conn)
        .await?;
    }
    for (position, partner) in (0..).zip(&details.partners) {
        programme_partner::ActiveModel {
            id: Set(new_id()),
            programme_id: Set(id),
            position: Set(position),
            name: Set(partner.name.to_string()),
            role: Set(partner.role.as_ref().map(ToString::to_string)),
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// Sets (or removes, with `None`) the logo of one of `org`'s programme's
/// funders, the `position`th (from 0) in its order, in the caller's
/// transaction; another programme's, or a position it has not, is not found.
pub async fn set_funder_logo(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    id: Uuid,
    position: i32,
    logo: Option<&aula_domain::Logo>,
) -> Result<programme_funder::Model> {
    get(conn, org, id).await?;
    let funder = found(
        conn,
        programme_funder::Entity::find()
            .filter(programme_funder::Column::ProgrammeId.eq(id))
            .filter(programme_funder::Column::Position.eq(position)),
    )
    .await?;
    let hash = match logo {
        Some(image) => Some(crate::issuer::put_image(conn, image).await?),
        None => None,
    };
    let mut row: programme_funder::ActiveModel = funder.into();
    row.logo_sha256 = Set(hash);
    Ok(row.update(conn).await?)
}

/// The funders and partners as the audit log keeps them.
fn lists_snapshot(details: &ProgrammeDetails) -> serde_json::Value {
    json!({
        "funders": details.funders.iter().map(|f| json!({"name": f.name.as_str(),
            "reference": f.reference.as_ref().map(|r| r.as_str())})).collect::<Vec<_>>(),
        "partners": details.partners.iter().map(|p| json!({"name": p.name.as_str(),
            "role": p.role.as_ref().map(|r| r.as_str())})).collect::<Vec<_>>(),
    })
}

pub async fn create(
    conn: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    details: &ProgrammeDetails,
) -> Result<programme::Model> {
    let txn = conn.begin_write().await?;
    let at = now();
    let model = programme::ActiveModel {
        id: Set(new_id()),
        organisation_id: Set(org.uuid()),
        title: Set(details.title.to_string()),
        funder: Set(details.funders_line()),
        description: Set(details.description.as_ref().map(ToString::to_string)),
        starts_on: Set(details.starts_on),
        ends_on: Set(details.ends_on),
        commissioner: Set(details.commissioner.as_ref().map(ToString::to_string)),
        contract_reference: Set(details.contract_reference.as_ref().map(ToString::to_string)),
        created_at: Set(at),
        updated_at: Set(at),
        archived_at: Set(None),
    }
    .insert(&txn)
    .await?;
    write_lists(&txn, model.id, details).await?;
    let mut logged = snapshot(&model);
    logged["lists"] = lists_snapshot(details);
    audit::record(&txn, actor, "create", "programme", Some(model.id), logged).await?;
    txn.commit().await?;
    Ok(model)
}

pub async fn update(
    conn: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    details: &ProgrammeDetails,
) -> Result<programme::Model> {
    let txn = conn.begin_write().await?;
    let before = get(&txn, org, id).await?;
    let lists_before = json!({
        "funders": funders(&txn, id).await?.iter().map(|f| json!({"name": f.name, "reference": f.reference})).collect::<Vec<_>>(),
        "partners": partners(&txn, id).await?.iter().map(|p| json!({"name": p.name, "role": p.role})).collect::<Vec<_>>(),
    });
    let mut model: programme::ActiveModel = before.clone().into();
    model.title = Set(details.title.to_string());
    model.funder = Set(details.funders_line());
    model.description = Set(details.description.as_ref().map(ToString::to_string));
    model.starts_on = Set(details.starts_on);
    model.ends_on = Set(details.ends_on);
    model.commissioner = Set(details.commissioner.as_ref().map(ToString::to_string));
    model.contract_reference = Set(details.contract_reference.as_ref().map(ToString::to_string));
    model.updated_at = Set(now());
    let after = model.update(&txn).await?;
    write_lists(&txn, id, details).await?;
    audit::record(
        &txn,
        actor,
        "update",
        "programme",
        Some(id),
        json!({"before": snapshot(&before), "after": snapshot(&after),
            "lists_before": lists_before, "lists": lists_snapshot(details)}),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Archives one of `org`'s programmes with its live courses, in the
/// caller's transaction (issue 20). Its courses take the programme's
/// moment, so [`restore`] brings back exactly those, and not a course
/// archived on its own before. Refused while one of its courses has a
/// session still to come ([`sessions::still_to_come`]); archiving an
/// archived programme changes nothing.
pub async fn archive(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
) -> Result<programme::Model> {
    let before = get(conn, org, id).await?;
    if before.archived_at.is_some() {
        return Ok(before);
    }
    let at = now();
    let waiting = sessions::still_to_come(conn, courses_of(id), at).await?;
    if waiting > 0 {
        return Err(StorageError::Conflict(
            Problem::new("error-programme-sessions-to-come").with("count", waiting),
        ));
    }
    mark(conn, actor, before, Some(at), "archive").await
}

/// Brings back an archived programme, and the courses archived with it
/// (those holding its moment), in the caller's transaction.
pub async fn restore(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
) -> Result<programme::Model> {
    let before = get(conn, org, id).await?;
    if before.archived_at.is_none() {
        return Ok(before);
    }
    mark(conn, actor, before, None, "restore").await
}

/// Writes the programme's `archived_at`, and its courses': archived, those
/// live take its instant; restored, those holding its instant are live
/// again. Audited as `action`, with how many courses moved.
async fn mark(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    programme: programme::Model,
    archived_at: Option<DateTime<Utc>>,
    action: &str,
) -> Result<programme::Model> {
    let id = programme.id;
    // The courses that move: the live ones, or those archived with it.
    let moving = match programme.archived_at {
        None => course::Column::ArchivedAt.is_null(),
        Some(then) => course::Column::ArchivedAt.eq(then),
    };
    let courses = course::Entity::update_many()
        .col_expr(course::Column::ArchivedAt, Expr::value(archived_at))
        .filter(course::Column::ProgrammeId.eq(id))
        .filter(moving)
        .exec(conn)
        .await?
        .rows_affected;
    let mut model: programme::ActiveModel = programme.into();
    model.archived_at = Set(archived_at);
    let after = model.update(conn).await?;
    audit::record(conn, actor, action, "programme", Some(id), json!({"courses": courses})).await?;
    Ok(after)
}

/// Deletes one of `org`'s programmes, in the caller's transaction; only
/// while no course, live or archived, belongs to it: a course carries
/// figures, so it is never deleted with its programme.
pub async fn delete(conn: &impl ConnectionTrait, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<()> {
    let before = get(conn, org, id).await?;
    let courses = course::Entity::find()
        .filter(course::Column::ProgrammeId.eq(id))
        .count(conn)
        .await?;
    if courses > 0 {
        return Err(StorageError::Conflict(
            Problem::new("error-programme-has-courses").with("count", courses),
        ));
    }
    // Its outreach is its figures too (it said only "other records depend
    // on this": session 29's attack round).
    let activities = crate::entities::outreach_activity::Entity::find()
        .filter(crate::entities::outreach_activity::Column::ProgrammeId.eq(id))
        .count(conn)
        .await?;
    if activities > 0 {
        return Err(StorageError::Conflict(
            Problem::new("error-programme-has-outreach").with("count", activities),
        ));
    }
    programme::Entity::delete_by_id(id).exec(conn).await?;
    audit::record(conn, actor, "delete", "programme", Some(id), snapshot(&before)).await?;
    Ok(())
}

/// The ids of programme `id`'s courses, as a sub-query.
fn courses_of(id: Uuid) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(course::Column::Id)
        .from(course::Entity)
        .and_where(course::Column::ProgrammeId.eq(id))
        .to_owned()
}
