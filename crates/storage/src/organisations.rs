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

/// `SELECT id FROM organisations WHERE status = 'suspended'`: what public
/// lists leave out (issue 17), of sessions and courses alike.
pub(crate) fn suspended_ids() -> sea_orm::sea_query::SelectStatement {
    use sea_orm::sea_query::ExprTrait as _;
    sea_orm::sea_query::Query::select()
        .column(organisation::Column::Id)
        .from(organisation::Entity)
        .and_where(
            sea_orm::sea_query::Expr::col(organisation::Column::Status).eq(OrganisationStatus::Suspended.as_str()),
        )
        .to_owned()
}

pub fn id(model: &organisation::Model) -> OrganisationId {
    OrganisationId::from_row(model.id)
}

/// Makes an organisation, in the caller's transaction (a use case of
/// `aula_app::organisations`, or the demo's); a slug already taken is
/// [`StorageError::Duplicate`].
pub async fn create(conn: &impl ConnectionTrait, actor: &Actor, new: &NewOrganisation) -> Result<organisation::Model> {
    let taken = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(new.slug.as_str()))
        .one(conn)
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
        accent_colour: Set(None),
        logo_content_type: Set(None),
        legal_name: Set(None),
        postal_address: Set(None),
        website: Set(None),
        default_signatory_id: Set(None),
        created_at: Set(now()),
    }
    .insert(conn)
    .await?;
    let details = json!({"slug": model.slug, "name": model.name});
    platform_audit(conn, actor, "create", &model, details).await?;
    Ok(model)
}

/// The audit entry of a platform action on an organisation (making it,
/// setting its network): no organisation owns the entry.
async fn platform_audit(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    action: &str,
    model: &organisation::Model,
    details: serde_json::Value,
) -> Result<()> {
    let platform = Actor {
        organisation: None,
        ..actor.clone()
    };
    audit::record(conn, &platform, action, "organisation", Some(model.id), details).await?;
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

/// Gives `user_id` `role` in `org`, in the caller's transaction; whether
/// it was new (nothing changes when they hold it already).
pub async fn add_member(conn: &impl ConnectionTrait, org: OrganisationId, user_id: Uuid, role: Role) -> Result<bool> {
    get(conn, org).await?;
    let held = organisation_member::Entity::find_by_id((org.uuid(), user_id, role))
        .one(conn)
        .await?;
    if held.is_some() {
        return Ok(false);
    }
    organisation_member::ActiveModel {
        organisation_id: Set(org.uuid()),
        user_id: Set(user_id),
        role: Set(role),
    }
    .insert(conn)
    .await?;
    crate::users::sync_member_roles(conn, user_id).await?;
    Ok(true)
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

/// The organisations `user_id` works in, by name. A suspended organisation
/// is not among them: its staff no longer work in it (they sign in to their
/// other organisations, or to none), until it is reactivated.
pub async fn memberships(conn: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Membership>> {
    Ok(standing_of(conn, user_id).await?.0)
}

/// The organisations `user_id` works in ([`memberships`]), and the ids and
/// names of those they are staff of that are suspended: what a refusal
/// tells them, rather than that their role does not allow it (session 26).
pub async fn standing_of(conn: &impl ConnectionTrait, user_id: Uuid) -> Result<(Vec<Membership>, Vec<(Uuid, String)>)> {
    let rows = organisation_member::Entity::find()
        .filter(organisation_member::Column::UserId.eq(user_id))
        .all(conn)
        .await?;
    if rows.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let ids: Vec<Uuid> = rows.iter().map(|r| r.organisation_id).collect();
    let (organisations, suspended): (Vec<_>, Vec<_>) = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .order_by_asc(organisation::Column::Name)
        .order_by_asc(organisation::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .partition(|o| o.status == OrganisationStatus::Active);
    let suspended = suspended.into_iter().map(|o| (o.id, o.name)).collect();
    let memberships = organisations
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
        .collect();
    Ok((memberships, suspended))
}

// ----- networks ----------------------------------------------------------------

/// Where an organisation stands among networks: a network (whose members
/// are the organisations naming it), a member of one, or neither.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    pub is_network: bool,
    pub network_id: Option<OrganisationId>,
}

/// Locks the rows of these organisations until the caller's transaction
/// ends, in id order (so two transactions locking the same two cannot
/// wait on each other), on PostgreSQL; SQLite's write transactions already
/// run one at a time.
pub async fn lock(conn: &impl ConnectionTrait, orgs: &[OrganisationId]) -> Result<()> {
    let mut ids: Vec<Uuid> = orgs.iter().map(|org| org.uuid()).collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        crate::hold_row(conn, "organisations", id, crate::Hold::Update).await?;
    }
    Ok(())
}

/// Writes `org`'s standing and its (platform) audit entry, in the caller's
/// transaction; the rules of networks are `aula_app::organisations::set_standing`'s.
pub async fn set_standing(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    standing: Standing,
) -> Result<organisation::Model> {
    let mut row: organisation::ActiveModel = get(conn, org).await?.into();
    row.is_network = Set(standing.is_network);
    row.network_id = Set(standing.network_id.map(OrganisationId::uuid));
    let model = row.update(conn).await?;
    let details = json!({"is_network": model.is_network, "network_id": model.network_id});
    platform_audit(conn, actor, "network.set", &model, details).await?;
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

/// Writes `settings` on `org` (in the caller's transaction); the row as it is now.
pub async fn update(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    settings: &aula_domain::organisation::OrganisationSettings,
) -> Result<organisation::Model> {
    let mut row: organisation::ActiveModel = get(conn, org).await?.into();
    row.name = Set(settings.name.as_str().to_owned());
    row.time_zone = Set(settings.time_zone.to_string());
    row.languages = Set(settings.languages_code());
    row.contact_email = Set(settings.contact_email.as_ref().map(ToString::to_string));
    row.mail_sender_name = Set(settings.mail_sender_name.as_ref().map(ToString::to_string));
    row.reply_to = Set(settings.reply_to.as_ref().map(ToString::to_string));
    Ok(row.update(conn).await?)
}

/// Suspends or reactivates `org`; the row as it was before and as it is now.
pub async fn set_status(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    status: OrganisationStatus,
) -> Result<(OrganisationStatus, organisation::Model)> {
    let current = get(conn, org).await?;
    let before = current.status;
    let mut row: organisation::ActiveModel = current.into();
    row.status = Set(status);
    Ok((before, row.update(conn).await?))
}

/// Sets (or clears, with `None`) `org`'s accent colour.
pub async fn set_accent(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    colour: Option<&aula_domain::AccentColour>,
) -> Result<organisation::Model> {
    let mut row: organisation::ActiveModel = get(conn, org).await?.into();
    row.accent_colour = Set(colour.map(|c| c.as_str().to_owned()));
    Ok(row.update(conn).await?)
}

/// Sets (or removes, with `None`) `org`'s logo.
pub async fn set_logo(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    logo: Option<&aula_domain::Logo>,
) -> Result<organisation::Model> {
    use crate::entities::organisation_logo;
    let mut row: organisation::ActiveModel = get(conn, org).await?.into();
    organisation_logo::Entity::delete_by_id(org.uuid()).exec(conn).await?;
    if let Some(logo) = logo {
        organisation_logo::ActiveModel {
            organisation_id: Set(org.uuid()),
            data: Set(logo.bytes.clone()),
            updated_at: Set(now()),
        }
        .insert(conn)
        .await?;
    }
    row.logo_content_type = Set(logo.map(|l| l.kind.content_type().to_owned()));
    Ok(row.update(conn).await?)
}

/// `org`'s logo: its content type and bytes, if it has one.
pub async fn logo(conn: &impl ConnectionTrait, org: &organisation::Model) -> Result<Option<(String, Vec<u8>)>> {
    use crate::entities::organisation_logo;
    let Some(content_type) = org.logo_content_type.clone() else {
        return Ok(None);
    };
    Ok(organisation_logo::Entity::find_by_id(org.id)
        .one(conn)
        .await?
        .map(|row| (content_type, row.data)))
}

/// A member of an organisation, as its administrator lists them.
#[derive(Clone, Debug)]
pub struct Member {
    pub user_id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
}

/// Who works in `org`, by name then role (an organisation has a few
/// hundred staff at most).
pub async fn staff(conn: &impl ConnectionTrait, org: OrganisationId) -> Result<Vec<Member>> {
    use crate::entities::user;
    let rows = organisation_member::Entity::find()
        .filter(organisation_member::Column::OrganisationId.eq(org.uuid()))
        .limit(1000)
        .all(conn)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.user_id).collect();
    let users = crate::by_id(conn, user::Column::Id, ids, |u| u.id).await?;
    let mut members: Vec<Member> = rows
        .into_iter()
        .filter_map(|r| {
            let user = users.get(&r.user_id)?;
            Some(Member {
                user_id: r.user_id,
                email: user.email.clone(),
                name: user.name.clone(),
                role: r.role,
                active: user.active,
            })
        })
        .collect();
    members.sort_by(|a, b| {
        a.name
            .cmp(&b.name)
            .then(a.role.cmp(&b.role))
            .then(a.user_id.cmp(&b.user_id))
    });
    Ok(members)
}

/// Takes `role` in `org` from `user_id`; whether they held it.
pub async fn remove_member(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    user_id: Uuid,
    role: Role,
) -> Result<bool> {
    let removed = organisation_member::Entity::delete_by_id((org.uuid(), user_id, role))
        .exec(conn)
        .await?;
    crate::users::sync_member_roles(conn, user_id).await?;
    Ok(removed.rows_affected > 0)
}

/// How many memberships each organisation has (one grouped query).
pub async fn member_counts(conn: &impl ConnectionTrait) -> Result<std::collections::HashMap<Uuid, i64>> {
    let rows: Vec<(Uuid, i64)> = organisation_member::Entity::find()
        .select_only()
        .column(organisation_member::Column::OrganisationId)
        .column_as(
            sea_orm::sea_query::Expr::expr(sea_orm::sea_query::Func::count_distinct(sea_orm::sea_query::Expr::col(
                organisation_member::Column::UserId,
            ))),
            "members",
        )
        .group_by(organisation_member::Column::OrganisationId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().collect())
}
