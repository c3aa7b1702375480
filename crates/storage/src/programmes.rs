//! Programmes: funded projects that group courses.

use aula_domain::OrganisationId;
use aula_domain::details::ProgrammeDetails;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::db::Begin;
use crate::entities::programme;
use crate::{Actor, Page, Paged, Result, audit, found, new_id, now};

/// `org`'s programmes, newest first (index `ix_programmes_created_at`).
pub async fn list(conn: &impl ConnectionTrait, org: OrganisationId, page: Page) -> Result<Paged<programme::Model>> {
    let query = programme::Entity::find()
        .filter(programme::Column::OrganisationId.eq(org.uuid()))
        .order_by_desc(programme::Column::CreatedAt);
    let total = query.clone().count(conn).await?;
    let items = query.offset(page.offset()).limit(page.per_page).all(conn).await?;
    Ok(Paged { items, page, total })
}

/// All programmes' ids and titles, for choosing one in a form.
pub async fn choices(conn: &impl ConnectionTrait, org: OrganisationId) -> Result<Vec<programme::Model>> {
    Ok(programme::Entity::find()
        .filter(programme::Column::OrganisationId.eq(org.uuid()))
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
    json!({"title": p.title, "funder": p.funder, "starts_on": p.starts_on, "ends_on": p.ends_on})
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
        funder: Set(details.funder.as_ref().map(ToString::to_string)),
        description: Set(details.description.as_ref().map(ToString::to_string)),
        starts_on: Set(details.starts_on),
        ends_on: Set(details.ends_on),
        created_at: Set(at),
        updated_at: Set(at),
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, actor, "create", "programme", Some(model.id), snapshot(&model)).await?;
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
    let mut model: programme::ActiveModel = before.clone().into();
    model.title = Set(details.title.to_string());
    model.funder = Set(details.funder.as_ref().map(ToString::to_string));
    model.description = Set(details.description.as_ref().map(ToString::to_string));
    model.starts_on = Set(details.starts_on);
    model.ends_on = Set(details.ends_on);
    model.updated_at = Set(now());
    let after = model.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "update",
        "programme",
        Some(id),
        json!({"before": snapshot(&before), "after": snapshot(&after)}),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}
