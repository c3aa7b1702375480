//! Outreach activities (issue 20): a programme's presentations, information
//! meetings, webinars, stands and distributions of materials, with the
//! walk-ins of its meetings, and their reach for the indicators.
//!
//! Invariant: an activity's head count (`attendees`) is never below the
//! walk-ins written down at its door. Adding a walk-in raises it in the same
//! transaction; an organiser's lower count is refused. So the reach sums
//! head counts and reads no walk-in.

use aula_domain::indicators::Filter;
use aula_domain::outreach::{MaterialKind, OutreachDetails, OutreachKind, Reach, WalkIn};
use aula_domain::{FieldErrors, OrganisationId, Problem};
use sea_orm::sea_query::{Cond, Expr, ExprTrait as _, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    RelationTrait, Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::courses::not_found_as;
use crate::db::Begin;
use crate::entities::{
    outreach_activity as activity, outreach_material as material, outreach_walk_in as walk_in, region,
};
use crate::{Actor, Page, Paged, Result, StorageError, audit, by_id, found, new_id, now, programmes};

/// An activity with what it handed out and how many walked in.
#[derive(Clone, Debug)]
pub struct OutreachRecord {
    pub activity: activity::Model,
    /// By kind, in the vocabulary's order; kinds with none left out.
    pub materials: Vec<(MaterialKind, u32)>,
    pub walk_ins: u64,
}

impl OutreachRecord {
    pub fn materials_total(&self) -> u64 {
        self.materials.iter().map(|(_, q)| u64::from(*q)).sum()
    }
}

/// `org`'s activities, of one programme or all, the latest first.
pub async fn list(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    programme_id: Option<Uuid>,
    page: Page,
) -> Result<Paged<OutreachRecord>> {
    let mut query = activity::Entity::find().filter(activity::Column::OrganisationId.eq(org.uuid()));
    if let Some(id) = programme_id {
        query = query.filter(activity::Column::ProgrammeId.eq(id));
    }
    let query = query
        .order_by_desc(activity::Column::HeldOn)
        .order_by_desc(activity::Column::CreatedAt);
    let total = query.clone().count(conn).await?;
    let rows = query.offset(page.offset()).limit(page.per_page).all(conn).await?;
    let items = with_counts(conn, rows).await?;
    Ok(Paged { items, page, total })
}

/// Adds each activity's materials and walk-in count, in two queries.
async fn with_counts(conn: &impl ConnectionTrait, rows: Vec<activity::Model>) -> Result<Vec<OutreachRecord>> {
    let ids: Vec<Uuid> = rows.iter().map(|a| a.id).collect();
    let materials = material::Entity::find()
        .filter(material::Column::ActivityId.is_in(ids.clone()))
        .order_by_asc(material::Column::Kind)
        .all(conn)
        .await?;
    let walk_ins: Vec<(Uuid, i64)> = walk_in::Entity::find()
        .select_only()
        .column(walk_in::Column::ActivityId)
        .column_as(walk_in::Column::Id.count(), "n")
        .filter(walk_in::Column::ActivityId.is_in(ids))
        .group_by(walk_in::Column::ActivityId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|activity| {
            let mut kinds: Vec<(MaterialKind, u32)> = materials
                .iter()
                .filter(|m| m.activity_id == activity.id)
                .map(|m| (m.kind, u32::try_from(m.quantity).unwrap_or(0)))
                .collect();
            kinds.sort_by_key(|(kind, _)| *kind);
            let walk_ins = walk_ins
                .iter()
                .find(|(id, _)| *id == activity.id)
                .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0));
            OutreachRecord {
                activity,
                materials: kinds,
                walk_ins,
            }
        })
        .collect())
}

/// One of `org`'s activities; another organisation's is not found.
pub async fn get(conn: &impl ConnectionTrait, org: OrganisationId, id: Uuid) -> Result<OutreachRecord> {
    let row = found(
        conn,
        activity::Entity::find_by_id(id).filter(activity::Column::OrganisationId.eq(org.uuid())),
    )
    .await?;
    Ok(with_counts(conn, vec![row]).await?.remove(0))
}

fn snapshot(record: &activity::Model, materials: &[(MaterialKind, u32)]) -> serde_json::Value {
    json!({
        "programme_id": record.programme_id, "kind": record.kind, "title": record.title,
        "held_on": record.held_on, "place": record.place, "region_id": record.region_id,
        "audience": record.audience, "attendees": record.attendees, "viewers": record.viewers,
        "materials": materials,
    })
}

/// The programme, region and audience an activity names exist (the
/// programme is `org`'s, and live unless the activity was already in it;
/// the audience offered unless the activity had it already).
async fn check_references(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    details: &OutreachDetails,
    current: Option<&activity::Model>,
) -> Result<()> {
    let programme = programmes::get(conn, org, details.programme_id)
        .await
        .map_err(|e| not_found_as(e, "programme_id"))?;
    if programme.archived_at.is_some() && current.map(|a| a.programme_id) != Some(programme.id) {
        return Err(StorageError::invalid(
            "programme_id",
            "error-programme-archived-outreach",
        ));
    }
    // An activity kept where it was, on its day, stays as it is, as a
    // session's saved meetings do when the programme's dates change.
    if current.is_none_or(|a| a.programme_id != programme.id || a.held_on != details.held_on) {
        details
            .within(programme.starts_on, programme.ends_on)
            .map_err(|problem| StorageError::Invalid(FieldErrors::single("held_on", problem)))?;
    }
    if let Some(id) = details.region_id {
        found(conn, region::Entity::find_by_id(id))
            .await
            .map_err(|e| not_found_as(e, "region_id"))?;
    }
    let had = current.and_then(|a| a.audience.as_ref());
    crate::audiences::require_offered(conn, "audience", &details.audience, |a| had == Some(a)).await
}

fn count(value: u32) -> i32 {
    // Counts are at most `MAX_COUNT`, far below `i32::MAX`.
    i32::try_from(value).unwrap_or(i32::MAX)
}

fn apply(model: &mut activity::ActiveModel, details: &OutreachDetails) {
    model.programme_id = Set(details.programme_id);
    model.kind = Set(details.kind);
    model.title = Set(details.title.to_string());
    model.held_on = Set(details.held_on);
    model.place = Set(details.place.as_ref().map(ToString::to_string));
    model.region_id = Set(details.region_id);
    model.audience = Set(details.audience.clone());
    model.attendees = Set(count(details.attendees));
    model.viewers = Set(count(details.viewers));
    model.notes = Set(details.notes.as_ref().map(ToString::to_string));
    model.updated_at = Set(now());
}

async fn write_materials(conn: &impl ConnectionTrait, id: Uuid, materials: &[(MaterialKind, u32)]) -> Result<()> {
    material::Entity::delete_many()
        .filter(material::Column::ActivityId.eq(id))
        .exec(conn)
        .await?;
    for (kind, quantity) in materials {
        material::ActiveModel {
            activity_id: Set(id),
            kind: Set(*kind),
            quantity: Set(count(*quantity)),
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

pub async fn create(
    db: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    details: &OutreachDetails,
) -> Result<OutreachRecord> {
    let txn = db.begin_write().await?;
    check_references(&txn, org, details, None).await?;
    let at = now();
    let mut model = activity::ActiveModel {
        id: Set(new_id()),
        organisation_id: Set(org.uuid()),
        created_at: Set(at),
        ..Default::default()
    };
    apply(&mut model, details);
    let row = model.insert(&txn).await?;
    write_materials(&txn, row.id, &details.materials).await?;
    audit::record(
        &txn,
        actor,
        "create",
        "outreach_activity",
        Some(row.id),
        snapshot(&row, &details.materials),
    )
    .await?;
    let record = get(&txn, org, row.id).await?;
    txn.commit().await?;
    Ok(record)
}

/// Changes activity `id`. Its head count may not fall below the walk-ins
/// written down at its door.
pub async fn update(
    db: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    details: &OutreachDetails,
) -> Result<OutreachRecord> {
    let txn = db.begin_write().await?;
    lock(&txn, id).await?;
    let before = get(&txn, org, id).await?;
    check_references(&txn, org, details, Some(&before.activity)).await?;
    if details.kind == OutreachKind::Webinar && before.walk_ins > 0 {
        return Err(StorageError::invalid("kind", "error-outreach-webinar-walk-ins"));
    }
    if u64::from(details.attendees) < before.walk_ins {
        return Err(StorageError::Invalid(FieldErrors::single(
            "attendees",
            Problem::new("error-outreach-fewer-than-walk-ins").with("count", before.walk_ins),
        )));
    }
    let mut model: activity::ActiveModel = before.activity.clone().into();
    apply(&mut model, details);
    let after = model.update(&txn).await?;
    write_materials(&txn, id, &details.materials).await?;
    audit::record(
        &txn,
        actor,
        "update",
        "outreach_activity",
        Some(id),
        json!({"before": snapshot(&before.activity, &before.materials), "after": snapshot(&after, &details.materials)}),
    )
    .await?;
    let record = get(&txn, org, id).await?;
    txn.commit().await?;
    Ok(record)
}

/// Removes activity `id` with its materials and walk-ins.
pub async fn delete(db: &impl Begin, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<OutreachRecord> {
    let txn = db.begin_write().await?;
    let before = get(&txn, org, id).await?;
    // Deleted here rather than left to the cascade: SQLite enforces it only
    // with its foreign keys on, and the walk-ins are personal data.
    walk_in::Entity::delete_many()
        .filter(walk_in::Column::ActivityId.eq(id))
        .exec(&txn)
        .await?;
    material::Entity::delete_many()
        .filter(material::Column::ActivityId.eq(id))
        .exec(&txn)
        .await?;
    activity::Entity::delete_by_id(id).exec(&txn).await?;
    audit::record(
        &txn,
        actor,
        "delete",
        "outreach_activity",
        Some(id),
        snapshot(&before.activity, &before.materials),
    )
    .await?;
    txn.commit().await?;
    Ok(before)
}

/// Takes activity `id`'s row for the rest of the transaction on
/// PostgreSQL, so that two walk-ins written down at once, or a walk-in and
/// a new head count, see each other's count (SQLite's write transactions
/// already run one at a time).
async fn lock(conn: &impl ConnectionTrait, id: Uuid) -> Result<()> {
    crate::hold_row(conn, "outreach_activities", id, crate::Hold::Update).await
}

/// The walk-ins of one of `org`'s activities, in the order they came.
pub async fn walk_ins(conn: &impl ConnectionTrait, org: OrganisationId, id: Uuid) -> Result<Vec<walk_in::Model>> {
    get(conn, org, id).await?;
    Ok(walk_in::Entity::find()
        .filter(walk_in::Column::ActivityId.eq(id))
        .order_by_asc(walk_in::Column::CreatedAt)
        .order_by_asc(walk_in::Column::Id)
        .all(conn)
        .await?)
}

/// Writes down someone who came in at the door of activity `id`, raising
/// its head count if the names written down outnumber it. A webinar has no
/// door: it is refused.
pub async fn add_walk_in(
    db: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    person: &WalkIn,
) -> Result<walk_in::Model> {
    let txn = db.begin_write().await?;
    lock(&txn, id).await?;
    let record = get(&txn, org, id).await?;
    if record.activity.kind == OutreachKind::Webinar {
        return Err(StorageError::Conflict(Problem::new("error-outreach-webinar-walk-ins")));
    }
    // Checked under the activity's lock, so two phones at one door cannot
    // both write the same person down.
    let written_down = walk_in::Entity::find()
        .filter(walk_in::Column::ActivityId.eq(id))
        .all(&txn)
        .await?;
    for written in written_down {
        if let Some(field) = person.written_as(&written.name, written.email.as_deref()) {
            let problem = Problem::new("error-walk-in-written-twice").with("name", written.name.as_str());
            return Err(StorageError::Invalid(FieldErrors::single(field, problem)));
        }
    }
    let row = walk_in::ActiveModel {
        id: Set(new_id()),
        activity_id: Set(id),
        name: Set(person.name.to_string()),
        email: Set(person.email.as_ref().map(ToString::to_string)),
        created_at: Set(now()),
    }
    .insert(&txn)
    .await?;
    let written = record.walk_ins + 1;
    if u64::try_from(record.activity.attendees).unwrap_or(0) < written {
        let mut model: activity::ActiveModel = record.activity.into();
        model.attendees = Set(i32::try_from(written).unwrap_or(i32::MAX));
        model.update(&txn).await?;
    }
    // The audit names the walk-in by id only: the name is personal data,
    // kept in one place so that it leaves with its activity.
    audit::record(
        &txn,
        actor,
        "walk_in",
        "outreach_activity",
        Some(id),
        json!({"walk_in": row.id}),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Removes a walk-in written down by mistake. The head count stays: it
/// may count people who left no name.
pub async fn remove_walk_in(
    db: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    walk_in_id: Uuid,
) -> Result<()> {
    let txn = db.begin_write().await?;
    get(&txn, org, id).await?;
    let removed = walk_in::Entity::delete_many()
        .filter(walk_in::Column::ActivityId.eq(id))
        .filter(walk_in::Column::Id.eq(walk_in_id))
        .exec(&txn)
        .await?;
    if removed.rows_affected == 0 {
        return Err(StorageError::NotFound);
    }
    audit::record(
        &txn,
        actor,
        "remove_walk_in",
        "outreach_activity",
        Some(id),
        json!({"walk_in": walk_in_id}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// What the outreach of `filter` reached: in total, by kind of activity
/// (in the vocabulary's order, kinds with no activity left out) and the
/// materials by kind. `None` when the filter names a course, a session or a
/// modality: outreach belongs to none, so its reach is not a figure of
/// theirs (rather than a misleading zero).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReachFigures {
    pub totals: Reach,
    pub by_kind: Vec<(OutreachKind, Reach)>,
    pub materials: Vec<(MaterialKind, u64)>,
}

pub async fn reach(conn: &impl ConnectionTrait, filter: &Filter) -> Result<Option<ReachFigures>> {
    // Outreach has no course, session, modality or commissioning body of
    // its own: its reach under such a filter is unknown, not zero.
    if filter.course_id.is_some()
        || filter.session_id.is_some()
        || filter.modality.is_some()
        || filter.commissioner.is_some()
    {
        return Ok(None);
    }
    let cond = conditions(filter);
    let rows: Vec<(OutreachKind, i64, Option<i64>, Option<i64>)> = activity::Entity::find()
        .select_only()
        .column(activity::Column::Kind)
        .column_as(activity::Column::Id.count(), "activities")
        .column_as(activity::Column::Attendees.sum(), "attendees")
        .column_as(activity::Column::Viewers.sum(), "viewers")
        .filter(cond.clone())
        .group_by(activity::Column::Kind)
        .into_tuple()
        .all(conn)
        .await?;
    let materials: Vec<(MaterialKind, Option<i64>)> = material::Entity::find()
        .select_only()
        .column(material::Column::Kind)
        .column_as(material::Column::Quantity.sum(), "quantity")
        .filter(
            material::Column::ActivityId.in_subquery(
                Query::select()
                    .column(activity::Column::Id)
                    .from(activity::Entity)
                    .cond_where(cond.clone())
                    .to_owned(),
            ),
        )
        .group_by(material::Column::Kind)
        .into_tuple()
        .all(conn)
        .await?;
    let materials_by_activity_kind: Vec<(OutreachKind, Option<i64>)> = material::Entity::find()
        .select_only()
        .column_as(Expr::col((activity::Entity, activity::Column::Kind)), "kind")
        .column_as(material::Column::Quantity.sum(), "quantity")
        .join(sea_orm::JoinType::InnerJoin, material::Relation::Activity.def())
        .filter(cond)
        .group_by(Expr::col((activity::Entity, activity::Column::Kind)))
        .into_tuple()
        .all(conn)
        .await?;
    let whole = |n: Option<i64>| n.and_then(|n| u64::try_from(n).ok()).unwrap_or(0);
    let mut by_kind: Vec<(OutreachKind, Reach)> = rows
        .into_iter()
        .map(|(kind, activities, attendees, viewers)| {
            let materials = materials_by_activity_kind
                .iter()
                .find(|(k, _)| *k == kind)
                .map_or(0, |(_, q)| whole(*q));
            (
                kind,
                Reach {
                    activities: whole(Some(activities)),
                    attendees: whole(attendees),
                    viewers: whole(viewers),
                    materials,
                },
            )
        })
        .collect();
    by_kind.sort_by_key(|(kind, _)| *kind);
    let totals = by_kind.iter().fold(Reach::default(), |sum, (_, r)| Reach {
        activities: sum.activities + r.activities,
        attendees: sum.attendees + r.attendees,
        viewers: sum.viewers + r.viewers,
        materials: sum.materials + r.materials,
    });
    let mut materials: Vec<(MaterialKind, u64)> = materials.into_iter().map(|(k, q)| (k, whole(q))).collect();
    materials.sort_by_key(|(kind, _)| *kind);
    Ok(Some(ReachFigures {
        totals,
        by_kind,
        materials,
    }))
}

/// The activities `filter` selects: its organisation (a network's with its
/// members'), programme, region, audience, and the period by the day each
/// was held.
fn conditions(filter: &Filter) -> Cond {
    let col = |c: activity::Column| Expr::col((activity::Entity, c));
    let mut cond = Cond::all();
    if let Some(id) = filter.organisation_id {
        cond = cond.add(
            col(activity::Column::OrganisationId).is_in(
                std::iter::once(id)
                    .chain(filter.members.iter().copied())
                    .collect::<Vec<_>>(),
            ),
        );
    }
    if let Some(id) = filter.member_id {
        cond = cond.add(col(activity::Column::OrganisationId).eq(id));
    }
    if let Some(id) = filter.programme_id {
        cond = cond.add(col(activity::Column::ProgrammeId).eq(id));
    }
    if let Some(id) = filter.region_id {
        cond = cond.add(col(activity::Column::RegionId).eq(id));
    }
    if let Some(audience) = &filter.audience {
        cond = cond.add(col(activity::Column::Audience).eq(audience.as_str()));
    }
    if let Some(from) = filter.from {
        cond = cond.add(col(activity::Column::HeldOn).gte(from));
    }
    if let Some(to) = filter.to {
        cond = cond.add(col(activity::Column::HeldOn).lte(to));
    }
    cond
}

/// The programmes' titles of some activities, by id.
pub async fn programme_titles(
    conn: &impl ConnectionTrait,
    records: &[OutreachRecord],
) -> Result<std::collections::HashMap<Uuid, String>> {
    let ids = records.iter().map(|r| r.activity.programme_id).collect();
    Ok(by_id(conn, crate::entities::programme::Column::Id, ids, |p| p.id)
        .await?
        .into_iter()
        .map(|(id, p)| (id, p.title))
        .collect())
}
