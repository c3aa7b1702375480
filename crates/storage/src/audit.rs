//! The audit log: who changed what, when, from what to what.
//!
//! Entries are written by the same transaction as the change they describe,
//! so the log never claims a change that did not happen, nor misses one.

use aula_domain::OrganisationId;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde_json::Value;
use uuid::Uuid;

use crate::entities::audit_entry;
use crate::{Result, new_id, now};

/// Who is acting: a staff user, or the system itself (the command line, the demo loader).
#[derive(Clone, Debug)]
pub struct Actor {
    pub user_id: Option<Uuid>,
    pub label: String,
    /// The organisation the change is made in; `None` for a platform-wide
    /// change (an organisation or a user made). Its audit entry belongs to it.
    pub organisation: Option<OrganisationId>,
}

impl Actor {
    pub fn user(id: Uuid, email: &str) -> Self {
        Actor {
            user_id: Some(id),
            label: email.to_owned(),
            organisation: None,
        }
    }

    pub fn system(label: &str) -> Self {
        Actor {
            user_id: None,
            label: label.to_owned(),
            organisation: None,
        }
    }

    /// The same actor, working in `org`.
    pub fn within(self, org: OrganisationId) -> Self {
        Actor {
            organisation: Some(org),
            ..self
        }
    }
}

pub async fn record(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_id: Option<Uuid>,
    details: Value,
) -> Result<()> {
    audit_entry::ActiveModel {
        id: Set(new_id()),
        organisation_id: Set(actor.organisation.map(OrganisationId::uuid)),
        at: Set(now()),
        actor_user_id: Set(actor.user_id),
        actor: Set(actor.label.clone()),
        action: Set(action.to_owned()),
        entity: Set(entity.to_owned()),
        entity_id: Set(entity_id),
        details: Set(details.to_string()),
    }
    .insert(conn)
    .await?;
    Ok(())
}
