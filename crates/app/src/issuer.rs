//! The issuer's identity on certificates (issue 19): what an organisation's
//! organisers set for the certificates it issues — legal name, address,
//! website, default signatory — its signatories and their signatures, who
//! signs which course or session, and an accrediting body's logo. Each is
//! one transaction with its audit entry. Pictures come checked by the door
//! (`aula_documents::image::check_image`); here they are only kept.

use aula_domain::issuer::{IssuerIdentity, SignatoryDetails};
use aula_domain::{Logo, OrganisationId};
use aula_storage::entities::{accreditation_body, organisation, signatory};
use aula_storage::issuer::{self, Signs};
use aula_storage::{Actor, audit};
use serde_json::json;
use uuid::Uuid;

use crate::{App, Result};

fn within(actor: &Actor, org: OrganisationId) -> Actor {
    actor.clone().within(org)
}

/// Sets the organisation's legal name, address, website and default signatory.
pub async fn set_identity(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    identity: &IssuerIdentity,
) -> Result<organisation::Model> {
    let txn = app.write().await?;
    let before = aula_storage::organisations::get(&*txn, org).await?;
    let after = issuer::set_identity(&*txn, org, identity).await?;
    audit::record(
        &*txn,
        &within(actor, org),
        "issuer.update",
        "organisation",
        Some(org.uuid()),
        json!({"before": identity_json(&before), "after": identity_json(&after)}),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

fn identity_json(o: &organisation::Model) -> serde_json::Value {
    json!({
        "legal_name": o.legal_name,
        "postal_address": o.postal_address,
        "website": o.website,
        "default_signatory_id": o.default_signatory_id,
    })
}

/// Adds a signatory (without a signature yet).
pub async fn add_signatory(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    details: &SignatoryDetails,
) -> Result<signatory::Model> {
    let txn = app.write().await?;
    let created = issuer::create(&*txn, org, details).await?;
    audit::record(
        &*txn,
        &within(actor, org),
        "create",
        "signatory",
        Some(created.id),
        json!({"name": created.name, "title": created.title}),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// Changes a signatory's name and title (certificates issued keep the old ones).
pub async fn change_signatory(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    details: &SignatoryDetails,
) -> Result<signatory::Model> {
    let txn = app.write().await?;
    let before = issuer::get(&*txn, org, id).await?;
    let after = issuer::update(&*txn, org, id, details).await?;
    audit::record(
        &*txn,
        &within(actor, org),
        "update",
        "signatory",
        Some(id),
        json!({"before": {"name": before.name, "title": before.title},
               "after": {"name": after.name, "title": after.title}}),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Replaces (or removes, with `None`) a signatory's signature.
pub async fn set_signature(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    signature: Option<&Logo>,
) -> Result<signatory::Model> {
    let txn = app.write().await?;
    let after = issuer::set_signature(&*txn, org, id, signature).await?;
    audit::record(
        &*txn,
        &within(actor, org),
        if signature.is_some() {
            "signature.set"
        } else {
            "signature.removed"
        },
        "signatory",
        Some(id),
        json!({"sha256": after.signature_sha256}),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Removes a signatory; what they signed keeps their name and signature.
pub async fn remove_signatory(app: &App, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<()> {
    let txn = app.write().await?;
    let removed = issuer::delete(&*txn, org, id).await?;
    audit::record(
        &*txn,
        &within(actor, org),
        "delete",
        "signatory",
        Some(id),
        json!({"name": removed.name, "title": removed.title}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Gives a course or a session its own signatory, or (`None`) takes it back.
pub async fn assign(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    what: Signs,
    signatory_id: Option<Uuid>,
) -> Result<()> {
    let txn = app.write().await?;
    issuer::assign(&*txn, org, what, signatory_id).await?;
    let (entity, id) = match what {
        Signs::Course(id) => ("course", id),
        Signs::Session(id) => ("session", id),
    };
    audit::record(
        &*txn,
        &within(actor, org),
        "signatory.assign",
        entity,
        Some(id),
        json!({"signatory_id": signatory_id}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Replaces (or removes, with `None`) an accrediting body's logo.
pub async fn set_body_logo(
    app: &App,
    actor: &Actor,
    body: Uuid,
    logo: Option<&Logo>,
) -> Result<accreditation_body::Model> {
    let txn = app.write().await?;
    let after = issuer::set_body_logo(&*txn, body, logo).await?;
    audit::record(
        &*txn,
        actor,
        if logo.is_some() { "logo.set" } else { "logo.removed" },
        "accreditation_body",
        Some(body),
        json!({"sha256": after.logo_sha256}),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}
