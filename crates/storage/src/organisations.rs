//! Organisations (issue 17): the tenants, and who works in each.
//!
//! Every staff query of the other modules takes the [`OrganisationId`] it
//! is scoped by; a row of another organisation is [`StorageError::NotFound`],
//! as if it did not exist. Only a platform administrator makes
//! organisations and adds their members.

use aula_domain::{OrganisationId, OrganisationSlug, OrganisationStatus, Role};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde_json::json;
use uuid::Uuid;

use crate::db::Begin;
use crate::entities::{organisation, organisation_member};
use crate::{Actor, Result, StorageError, audit, found, new_id, now};

/// What a new organisation is given.
#[derive(Clone, Debug)]
pub struct NewOrganisation {
    pub slug: OrganisationSlug,
    pub name: String,
    pub time_zone: String,
    pub contact_email: Option<String>,
}

pub fn id(model: &organisation::Model) -> OrganisationId {
    OrganisationId::from_row(model.id)
}

pub async fn create(conn: &impl Begin, actor: &Actor, new: &NewOrganisation) -> Result<organisation::Model> {
    let txn = conn.begin_write().await?;
    let taken = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(new.slug.as_str()))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Err(StorageError::Duplicate);
    }
    let model = organisation::ActiveModel {
        id: Set(new_id()),
        slug: Set(new.slug.as_str().to_owned()),
        name: Set(new.name.clone()),
        time_zone: Set(new.time_zone.clone()),
        languages: Set("fr,es,en,ar".to_owned()),
        contact_email: Set(new.contact_email.clone()),
        mail_sender_name: Set(None),
        reply_to: Set(None),
        status: Set(OrganisationStatus::Active),
        network_id: Set(None),
        is_network: Set(false),
        created_at: Set(now()),
    }
    .insert(&txn)
    .await?;
    let details = json!({"slug": model.slug, "name": model.name});
    platform_audit(&txn, actor, "create", &model, details).await?;
    txn.commit().await?;
    Ok(model)
}

/// The audit entry of a platform action on an organisation (making it,
/// setting its network): no organisation owns the entry.
async fn platform_audit(
    txn: &impl ConnectionTrait,
    actor: &Actor,
    action: &str,
    model: &organisation::Model,
    details: serde_json::Value,
) -> Result<()> {
    let platform = Actor {
        organisation: None,
        ..actor.clone()
    };
    audit::record(txn, &platform, action, "organisation", Some(model.id), details).await?;
    Ok(())
}

pub async fn get(conn: &impl ConnectionTrait, id: OrganisationId) -> Result<organisation::Model> {
    found(conn, organisation::Entity::find_by_id(id.uuid())).await
}

pub async fn by_slug(conn: &impl ConnectionTrait, slug: &str) -> Result<Option<organisation::Model>> {
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(conn)
        .await?)
}

/// Every organisation, by name (an instance holds a few hundred at most).
pub async fn list(conn: &impl ConnectionTrait) -> Result<Vec<organisation::Model>> {
    Ok(organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .order_by_asc(organisation::Column::Id)
        .limit(1000)
        .all(conn)
        .await?)
}

/// The oldest organisation (the one an upgraded database became): where
/// the command line and a platform administrator without a membership put
/// the staff they add, unless told otherwise.
pub async fn first(conn: &impl ConnectionTrait) -> Result<organisation::Model> {
    found(
        conn,
        organisation::Entity::find()
            .order_by_asc(organisation::Column::CreatedAt)
            .order_by_asc(organisation::Column::Id),
    )
    .await
}

/// The only organisation, when the instance holds exactly one.
pub async fn sole(conn: &impl ConnectionTrait) -> Result<Option<organisation::Model>> {
    let mut two = organisation::Entity::find()
        .order_by_asc(organisation::Column::Id)
        .limit(2)
        .all(conn)
        .await?;
    Ok(if two.len() == 1 { two.pop() } else { None })
}

/// Gives `user_id` `role` in `org` (nothing if they hold it already).
pub async fn add_member(
    conn: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    user_id: Uuid,
    role: Role,
) -> Result<()> {
    let txn = conn.begin_write().await?;
    get(&txn, org).await?;
    let held = organisation_member::Entity::find_by_id((org.uuid(), user_id, role))
        .one(&txn)
        .await?;
    if held.is_none() {
        organisation_member::ActiveModel {
            organisation_id: Set(org.uuid()),
            user_id: Set(user_id),
            role: Set(role),
        }
        .insert(&txn)
        .await?;
        let within = Actor {
            organisation: Some(org),
            ..actor.clone()
        };
        audit::record(
            &txn,
            &within,
            "member.added",
            "organisation",
            Some(org.uuid()),
            json!({"user_id": user_id, "role": role}),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// An organisation a user works in, with their roles there.
#[derive(Clone, Debug)]
pub struct Membership {
    pub organisation: organisation::Model,
    pub roles: Vec<Role>,
}

impl Membership {
    pub fn id(&self) -> OrganisationId {
        id(&self.organisation)
    }
}

/// The organisations `user_id` works in, by name.
pub async fn memberships(conn: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Membership>> {
    let rows = organisation_member::Entity::find()
        .filter(organisation_member::Column::UserId.eq(user_id))
        .all(conn)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = rows.iter().map(|r| r.organisation_id).collect();
    let organisations = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .order_by_asc(organisation::Column::Name)
        .order_by_asc(organisation::Column::Id)
        .all(conn)
        .await?;
    Ok(organisations
        .into_iter()
        .map(|organisation| {
            let mut roles: Vec<Role> = rows
                .iter()
                .filter(|r| r.organisation_id == organisation.id)
                .map(|r| r.role)
                .collect();
            roles.sort();
            Membership { organisation, roles }
        })
        .collect())
}

// ----- networks ----------------------------------------------------------------

/// Where an organisation stands among networks: a network (whose members
/// are the organisations naming it), a member of one, or neither.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    pub is_network: bool,
    pub network_id: Option<OrganisationId>,
}

/// Sets `org`'s standing (a platform action). Refused field by field: a
/// network that is a member (`network_id`: one level only, so no cycle can
/// form), membership of itself, of an organisation that does not exist or
/// is not a network (`network_id`), and ceasing to be a network while
/// members name it (`is_network`). `NotFound` when `org` does not exist.
pub async fn set_standing(
    conn: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    standing: Standing,
) -> Result<organisation::Model> {
    let txn = conn.begin_write().await?;
    // Two standings set at once must not build a second level (a member
    // joining an organisation that is at that moment joining a network):
    // on PostgreSQL both rows are locked, in id order, before anything is
    // read; SQLite's write transactions already run one at a time.
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        let mut ids: Vec<Uuid> = std::iter::once(org)
            .chain(standing.network_id)
            .map(OrganisationId::uuid)
            .collect();
        ids.sort_unstable();
        for id in ids {
            txn.execute_raw(sea_orm::Statement::from_sql_and_values(
                sea_orm::DbBackend::Postgres,
                "SELECT id FROM organisations WHERE id = $1 FOR UPDATE",
                [id.into()],
            ))
            .await?;
        }
    }
    let model = get(&txn, org).await?;
    let mut errors = aula_domain::FieldErrors::new();
    if let Some(network) = standing.network_id {
        if network == org {
            errors.add("network_id", aula_domain::Problem::new("network-not-itself"));
        } else if standing.is_network {
            errors.add("network_id", aula_domain::Problem::new("network-not-member"));
        } else {
            match organisation::Entity::find_by_id(network.uuid()).one(&txn).await? {
                None => errors.add("network_id", aula_domain::Problem::new("network-unknown")),
                Some(n) if !n.is_network || n.network_id.is_some() => {
                    errors.add("network_id", aula_domain::Problem::new("network-not-a-network"))
                }
                Some(_) => {}
            }
        }
    }
    if !standing.is_network && model.is_network && !members(&txn, org).await?.is_empty() {
        errors.add("is_network", aula_domain::Problem::new("network-has-members"));
    }
    errors.into_result()?;
    let mut row: organisation::ActiveModel = model.into();
    row.is_network = Set(standing.is_network);
    row.network_id = Set(standing.network_id.map(OrganisationId::uuid));
    let model = row.update(&txn).await?;
    let details = json!({"is_network": model.is_network, "network_id": model.network_id});
    platform_audit(&txn, actor, "network.set", &model, details).await?;
    txn.commit().await?;
    Ok(model)
}

/// A network's members, by name (none for an organisation that is not one).
pub async fn members(conn: &impl ConnectionTrait, network: OrganisationId) -> Result<Vec<organisation::Model>> {
    Ok(organisation::Entity::find()
        .filter(organisation::Column::NetworkId.eq(network.uuid()))
        .order_by_asc(organisation::Column::Name)
        .order_by_asc(organisation::Column::Id)
        .limit(1000)
        .all(conn)
        .await?)
}

/// The organisations whose figures `org`'s organisers read: itself, then,
/// for a network, its members by name.
pub async fn figures_scope(conn: &impl ConnectionTrait, org: OrganisationId) -> Result<Vec<organisation::Model>> {
    let own = get(conn, org).await?;
    let members = if own.is_network {
        members(conn, org).await?
    } else {
        Vec::new()
    };
    Ok(std::iter::once(own).chain(members).collect())
}
