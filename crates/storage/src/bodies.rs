//! Accrediting bodies, such as a university that recognises some courses.

use aula_domain::details::AccreditationBodyDetails;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QueryOrder, Set};
use serde_json::json;
use uuid::Uuid;

use crate::db::Begin;
use crate::entities::accreditation_body;
use crate::{Actor, Result, StorageError, audit, found, new_id, now};

/// Every body, by name: an organisation works with a handful.
pub async fn list(conn: &impl ConnectionTrait) -> Result<Vec<accreditation_body::Model>> {
    Ok(accreditation_body::Entity::find()
        .order_by_asc(accreditation_body::Column::Name)
        .all(conn)
        .await?)
}

pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<accreditation_body::Model> {
    found(conn, accreditation_body::Entity::find_by_id(id)).await
}

pub async fn create(
    conn: &impl Begin,
    actor: &Actor,
    details: &AccreditationBodyDetails,
) -> Result<accreditation_body::Model> {
    let txn = conn.begin_write().await?;
    let body = accreditation_body::ActiveModel {
        id: Set(new_id()),
        name: Set(details.name.to_string()),
        code: Set(details.code.as_str().to_owned()),
        website: Set(details.website.as_ref().map(|u| u.as_str().to_owned())),
        logo_sha256: Set(None),
        identifier_label: Set(details.identifier_label.as_ref().map(ToString::to_string)),
        created_at: Set(now()),
    }
    .insert(&txn)
    .await
    .map_err(|e| StorageError::taken(e, "code", "error-body-code-taken"))?;
    audit::record(
        &txn,
        actor,
        "create",
        "accreditation_body",
        Some(body.id),
        json!({"name": body.name, "code": body.code, "identifier_label": body.identifier_label}),
    )
    .await?;
    txn.commit().await?;
    Ok(body)
}

/// Corrects a body's name, website and the identifier it asks for (issue
/// 20); its code, in certificate numbers already issued, stays.
pub async fn update(
    conn: &impl Begin,
    actor: &Actor,
    id: Uuid,
    details: &AccreditationBodyDetails,
) -> Result<accreditation_body::Model> {
    let txn = conn.begin_write().await?;
    let before = get(&txn, id).await?;
    let mut model: accreditation_body::ActiveModel = before.clone().into();
    model.name = Set(details.name.to_string());
    model.website = Set(details.website.as_ref().map(|u| u.as_str().to_owned()));
    model.identifier_label = Set(details.identifier_label.as_ref().map(ToString::to_string));
    let body = model.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "update",
        "accreditation_body",
        Some(id),
        json!({"before": {"name": before.name, "website": before.website, "identifier_label": before.identifier_label},
               "after": {"name": body.name, "website": body.website, "identifier_label": body.identifier_label}}),
    )
    .await?;
    txn.commit().await?;
    Ok(body)
}
