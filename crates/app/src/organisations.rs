//! Organisations (issue 17): what a platform administrator does to them —
//! make one, change its settings, suspend or reactivate it, give and take
//! its staff's roles, set its place among networks — and what its
//! organisers do to its branding. Each is one transaction with its audit
//! entry, the organisation's own (a platform administrator's change to an
//! organisation shows in that organisation's audit log), except making one
//! and setting its network, which are the platform's.

use aula_domain::organisation::OrganisationSettings;
use aula_domain::{AccentColour, Email, FieldErrors, Logo, OrganisationId, OrganisationStatus, Problem, Role};
use aula_storage::entities::organisation;
use aula_storage::organisations::{self, NewOrganisation, Standing};
use aula_storage::{Actor, ConnectionTrait, StorageError, audit, users};
use serde_json::json;
use uuid::Uuid;

use crate::{App, Error, Result};

/// Organisation `id`, if it is in service (see [`in_service`]). Every
/// door that takes a registration or a confirmation asks here.
pub async fn serving(conn: &impl ConnectionTrait, id: Uuid) -> Result<organisation::Model> {
    in_service(organisations::get(conn, OrganisationId::from_row(id)).await?)
}

/// `org`, if it is in service: a suspended one's public pages,
/// registrations and confirmations are [`Error::Gone`], saying it is
/// suspended (issue 17).
pub fn in_service(org: organisation::Model) -> Result<organisation::Model> {
    match org.status {
        OrganisationStatus::Active => Ok(org),
        OrganisationStatus::Suspended => Err(Error::Gone(
            Problem::new("organisation-suspended-page").with("name", org.name.as_str()),
        )),
    }
}

/// Makes an organisation; a slug already taken is refused on the `slug` field.
pub async fn create(app: &App, actor: &Actor, new: &NewOrganisation) -> Result<organisation::Model> {
    let txn = app.write().await?;
    let created = match organisations::create(&*txn, actor, new).await {
        Err(StorageError::Duplicate) => {
            return Err(Error::Invalid(FieldErrors::single(
                "slug",
                Problem::new("error-duplicate"),
            )));
        }
        other => other?,
    };
    txn.commit().await?;
    Ok(created)
}

fn within(actor: &Actor, org: OrganisationId) -> Actor {
    actor.clone().within(org)
}

/// What one change of an organisation sets; `None` leaves it as it is.
#[derive(Clone, Debug, Default)]
pub struct Change {
    pub settings: Option<OrganisationSettings>,
    /// A colour, or `Some(None)` to go back to Aula's.
    pub accent: Option<Option<AccentColour>>,
    /// Suspended, its public pages say so and take no registration, and its
    /// staff no longer work in it; active again, all is as before.
    pub status: Option<OrganisationStatus>,
}

/// Changes an organisation's settings, accent colour or status (its slug
/// stays: every address and credential names it), in one transaction with
/// one audit entry per kind of change.
pub async fn change(app: &App, actor: &Actor, org: OrganisationId, change: &Change) -> Result<organisation::Model> {
    let txn = app.write().await?;
    let actor = within(actor, org);
    let mut current = organisations::get(&*txn, org).await?;
    if let Some(settings) = &change.settings {
        let after = organisations::update(&*txn, org, settings).await?;
        if settings_json(&current) != settings_json(&after) {
            audit::record(
                &*txn,
                &actor,
                "update",
                "organisation",
                Some(org.uuid()),
                json!({"before": settings_json(&current), "after": settings_json(&after)}),
            )
            .await?;
        }
        current = after;
    }
    if let Some(accent) = &change.accent {
        let after = organisations::set_accent(&*txn, org, accent.as_ref()).await?;
        if current.accent_colour != after.accent_colour {
            audit::record(
                &*txn,
                &actor,
                "branding.accent",
                "organisation",
                Some(org.uuid()),
                json!({"from": current.accent_colour, "to": after.accent_colour}),
            )
            .await?;
        }
        current = after;
    }
    if let Some(status) = change.status {
        let (before, after) = organisations::set_status(&*txn, org, status).await?;
        if before != status {
            let action = match status {
                OrganisationStatus::Suspended => "suspend",
                OrganisationStatus::Active => "reactivate",
            };
            audit::record(
                &*txn,
                &actor,
                action,
                "organisation",
                Some(org.uuid()),
                json!({"from": before, "to": status}),
            )
            .await?;
        }
        current = after;
    }
    txn.commit().await?;
    Ok(current)
}

fn settings_json(o: &organisation::Model) -> serde_json::Value {
    json!({
        "name": o.name,
        "time_zone": o.time_zone,
        "languages": o.languages,
        "contact_email": o.contact_email,
        "mail_sender_name": o.mail_sender_name,
        "reply_to": o.reply_to,
    })
}

/// The roles a membership may give: an organisation's own.
pub fn member_role(role: Role) -> std::result::Result<Role, Problem> {
    match role {
        Role::Organiser | Role::Trainer => Ok(role),
        _ => Err(Problem::new("error-choice")),
    }
}

/// Gives the staff user with this e-mail `role` in `org`; an address no
/// user has is refused on the `email` field. The user's id.
pub async fn add_member(app: &App, actor: &Actor, org: OrganisationId, email: &Email, role: Role) -> Result<Uuid> {
    let role = member_role(role).map_err(|p| Error::Invalid(FieldErrors::single("role", p)))?;
    let txn = app.write().await?;
    organisations::get(&*txn, org).await?;
    let Some(user) = users::find_by_email(&*txn, email).await? else {
        return Err(Error::Invalid(FieldErrors::single(
            "email",
            Problem::new("organisation-member-unknown"),
        )));
    };
    if organisations::add_member(&*txn, org, user.user.id, role).await? {
        member_audit(&*txn, actor, org, "member.added", user.user.id, role).await?;
    }
    txn.commit().await?;
    Ok(user.user.id)
}

/// Takes `role` in `org` from a user; not found when they do not hold it.
pub async fn remove_member(app: &App, actor: &Actor, org: OrganisationId, user_id: Uuid, role: Role) -> Result<()> {
    let txn = app.write().await?;
    organisations::get(&*txn, org).await?;
    if !organisations::remove_member(&*txn, org, user_id, role).await? {
        return Err(Error::NotFound);
    }
    member_audit(&*txn, actor, org, "member.removed", user_id, role).await?;
    txn.commit().await?;
    Ok(())
}

/// The organisation's audit entry of a role given or taken.
async fn member_audit(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    action: &str,
    user_id: Uuid,
    role: Role,
) -> Result<()> {
    let details = json!({"user_id": user_id, "role": role});
    audit::record(
        txn,
        &within(actor, org),
        action,
        "organisation",
        Some(org.uuid()),
        details,
    )
    .await?;
    Ok(())
}

/// Replaces (or removes, with `None`) the organisation's logo.
pub async fn set_logo(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    logo: Option<&Logo>,
) -> Result<organisation::Model> {
    let txn = app.write().await?;
    let after = organisations::set_logo(&*txn, org, logo).await?;
    audit::record(
        &*txn,
        &within(actor, org),
        if logo.is_some() {
            "branding.logo"
        } else {
            "branding.logo.removed"
        },
        "organisation",
        Some(org.uuid()),
        json!({"content_type": after.logo_content_type, "bytes": logo.map(|l| l.bytes.len())}),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Sets `org`'s place among networks. Refused field by field: a network
/// that is a member (`network_id`: one level only, so no cycle can form),
/// membership of itself, of an organisation that does not exist or is not
/// a network (`network_id`), and ceasing to be a network while members name
/// it (`is_network`). Not found when `org` does not exist.
pub async fn set_standing(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    standing: Standing,
) -> Result<organisation::Model> {
    let txn = app.write().await?;
    // Two standings set at once must not build a second level (a member
    // joining an organisation that is at that moment joining a network):
    // both rows are locked before anything is read.
    let rows: Vec<OrganisationId> = std::iter::once(org).chain(standing.network_id).collect();
    organisations::lock(&*txn, &rows).await?;
    let current = organisations::get(&*txn, org).await?;
    let mut errors = FieldErrors::new();
    if let Some(network) = standing.network_id {
        if network == org {
            errors.add("network_id", Problem::new("network-not-itself"));
        } else if standing.is_network {
            errors.add("network_id", Problem::new("network-not-member"));
        } else {
            match organisations::get(&*txn, network).await {
                Err(StorageError::NotFound) => errors.add("network_id", Problem::new("network-unknown")),
                Err(other) => return Err(other.into()),
                Ok(n) if !n.is_network || n.network_id.is_some() => {
                    errors.add("network_id", Problem::new("network-not-a-network"))
                }
                Ok(_) => {}
            }
        }
    }
    if !standing.is_network && current.is_network && !organisations::members(&*txn, org).await?.is_empty() {
        errors.add("is_network", Problem::new("network-has-members"));
    }
    errors.into_result().map_err(Error::Invalid)?;
    let after = organisations::set_standing(&*txn, actor, org, standing).await?;
    txn.commit().await?;
    Ok(after)
}
