//! Staff users and their roles.

use std::collections::HashMap;

use aula_domain::details::UserDetails;
use aula_domain::{Email, Language, OrganisationId, PasswordHash, Role};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::db::Begin;
use crate::entities::{organisation_member, user, user_role};
use crate::organisations::Membership;
use crate::{Actor, Page, Paged, Result, StorageError, audit, bodies, courses::not_found_as, found, new_id, now};

#[derive(Clone, Debug)]
pub struct UserRecord {
    pub user: user::Model,
    /// In a request ([`in_organisation`]): the platform's roles (admin,
    /// accreditor) and the roles of their membership in `organisation`.
    /// Otherwise the roles given to the user (`user_roles`).
    pub roles: Vec<Role>,
    /// The organisation a request of theirs works in: the one chosen (web
    /// session) or their token's, if they are a member; else their first.
    pub organisation: Option<OrganisationId>,
    /// The organisations they work in, for the switcher.
    pub memberships: Vec<Membership>,
    /// The names of the suspended organisations they are staff of, in a
    /// request ([`in_organisation`]): a refusal says why.
    pub suspended_in: Vec<String>,
}

impl UserRecord {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn language(&self) -> Language {
        self.user.language
    }
}

async fn with_roles(conn: &impl ConnectionTrait, users: Vec<user::Model>) -> Result<Vec<UserRecord>> {
    let ids: Vec<Uuid> = users.iter().map(|u| u.id).collect();
    let mut roles: HashMap<Uuid, Vec<Role>> = HashMap::new();
    for row in user_role::Entity::find()
        .filter(user_role::Column::UserId.is_in(ids))
        .all(conn)
        .await?
    {
        roles.entry(row.user_id).or_default().push(row.role);
    }
    Ok(users
        .into_iter()
        .map(|user| {
            let mut list = roles.remove(&user.id).unwrap_or_default();
            list.sort();
            UserRecord {
                user,
                roles: list,
                organisation: None,
                memberships: Vec::new(),
                suspended_in: Vec::new(),
            }
        })
        .collect())
}

/// Roles that hold across the instance; the others are a membership's.
const PLATFORM_ROLES: &[Role] = &[Role::Admin, Role::Accreditor];

/// `user` working in `wanted` (or, unless `strict`, in their first
/// organisation when they are not a member of `wanted`): their roles there
/// and the platform's. A strict request of a non-member (a token of an
/// organisation they left) works in none, but an admin's works in `wanted`
/// with the platform's roles: an admin's token for an organisation they
/// are not a member of made its users in the first organisation (session
/// 31's attack round).
pub async fn in_organisation(
    conn: &impl ConnectionTrait,
    mut user: UserRecord,
    wanted: Option<Uuid>,
    strict: bool,
) -> Result<UserRecord> {
    let (memberships, suspended_in) = crate::organisations::standing_of(conn, user.user.id).await?;
    let chosen = wanted
        .and_then(|w| memberships.iter().find(|m| m.organisation.id == w))
        .or(if strict { None } else { memberships.first() });
    let admin_in = wanted.filter(|_| strict && chosen.is_none() && user.roles.contains(&Role::Admin));
    let mut roles: Vec<Role> = user
        .roles
        .iter()
        .copied()
        .filter(|r| PLATFORM_ROLES.contains(r))
        .collect();
    if let Some(membership) = chosen {
        roles.extend(membership.roles.iter().copied());
    }
    roles.sort();
    roles.dedup();
    user.roles = roles;
    user.organisation = chosen.map(Membership::id).or(admin_in.map(OrganisationId::from_row));
    user.memberships = memberships;
    // A token speaks for its own organisation: one of an organisation its
    // user has left was refused as if another, suspended one, were its
    // (session 31's attack round).
    user.suspended_in = suspended_in
        .into_iter()
        .filter(|(id, _)| !strict || Some(*id) == wanted)
        .map(|(_, name)| name)
        .collect();
    Ok(user)
}

/// The active users holding `role` in `org`.
pub async fn members_with(conn: &impl ConnectionTrait, org: OrganisationId, role: Role) -> Result<Vec<user::Model>> {
    let ids: Vec<Uuid> = organisation_member::Entity::find()
        .filter(organisation_member::Column::OrganisationId.eq(org.uuid()))
        .filter(organisation_member::Column::Role.eq(role))
        .limit(500)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .filter(user::Column::Active.eq(true))
        .order_by_asc(user::Column::Name)
        .all(conn)
        .await?)
}

pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<UserRecord> {
    let row = found(conn, user::Entity::find_by_id(id)).await?;
    with_roles(conn, vec![row]).await?.pop().ok_or(StorageError::NotFound)
}

/// User `id` replaces their own password `current` (the stored hash the
/// caller checked the typed one against, `aula_app::users::change_own_password`)
/// with `hash`, audited: every other sign-in of theirs ends, and the one
/// whose cookie is `kept` goes on under a new cookie, returned (`None` when
/// `kept` was not theirs), so the person who changed it is not signed out
/// for doing so and a cookie copied before is worthless. The row changes only if its password is still `current`:
/// of two changes at once from two sign-ins, the second is refused, where
/// both said "changed" and one of them was not (a review, session 24).
pub async fn set_own_password(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
    current: &PasswordHash,
    hash: &PasswordHash,
    kept: &str,
) -> Result<Option<crate::web_sessions::NewWebSession>> {
    let changed = user::Entity::update_many()
        .col_expr(
            user::Column::PasswordHash,
            sea_orm::sea_query::Expr::value(hash.as_str()),
        )
        .filter(user::Column::Id.eq(id))
        .filter(user::Column::PasswordHash.eq(current.as_str()))
        .exec(conn)
        .await?;
    if changed.rows_affected == 0 {
        return Err(StorageError::Invalid(aula_domain::FieldErrors::single(
            "current_password",
            aula_domain::Problem::new("error-current-password"),
        )));
    }
    let renewed = crate::web_sessions::renew_for_user(conn, id, kept).await?;
    audit::record(
        conn,
        actor,
        "update",
        "user",
        Some(id),
        json!({"password_changed": true, "by": "self"}),
    )
    .await?;
    Ok(renewed)
}

/// User `id` as an administrator working in `org` sees and edits them: the
/// platform's roles, and their roles in `org` only. Their roles elsewhere
/// are their other organisations' to change (session 23: a save of the
/// form for a new name copied them into `org`).
pub async fn get_in(conn: &impl ConnectionTrait, id: Uuid, org: OrganisationId) -> Result<UserRecord> {
    let mut record = get(conn, id).await?;
    // Its membership's rows whatever the organisation's standing: a
    // suspended one's roles are still the ones its form shows and keeps.
    let rows = organisation_member::Entity::find()
        .filter(organisation_member::Column::UserId.eq(id))
        .filter(organisation_member::Column::OrganisationId.eq(org.uuid()))
        .all(conn)
        .await?;
    record.roles.retain(|r| PLATFORM_ROLES.contains(r));
    record.roles.extend(rows.iter().map(|m| m.role));
    record.roles.sort();
    record.roles.dedup();
    Ok(record)
}

pub async fn find_by_email(conn: &impl ConnectionTrait, email: &Email) -> Result<Option<UserRecord>> {
    match user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(conn)
        .await?
    {
        Some(row) => Ok(with_roles(conn, vec![row]).await?.pop()),
        None => Ok(None),
    }
}

/// Users by name; `role` narrows to holders of one role.
pub async fn list(conn: &impl ConnectionTrait, role: Option<Role>, page: Page) -> Result<Paged<UserRecord>> {
    let mut query = user::Entity::find()
        .order_by_asc(user::Column::Name)
        .order_by_asc(user::Column::Id);
    if let Some(role) = role {
        query = query.filter(
            user::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(user_role::Column::UserId)
                    .from(user_role::Entity)
                    .and_where(user_role::Column::Role.eq(role))
                    .to_owned(),
            ),
        );
    }
    let total = query.clone().count(conn).await?;
    let rows = query.offset(page.offset()).limit(page.per_page).all(conn).await?;
    Ok(Paged {
        items: with_roles(conn, rows).await?,
        page,
        total,
    })
}

/// The user with that e-mail and password, if active. Takes as long when
/// the e-mail is unknown, so sign-in does not reveal who has an account.
pub async fn authenticate(conn: &impl ConnectionTrait, email: &str, password: &str) -> Result<Option<UserRecord>> {
    let found = match Email::parse_stored(email) {
        Ok(email) => find_by_email(conn, &email).await?,
        Err(_) => None,
    };
    let stored = found.as_ref().and_then(|u| u.user.password_hash.clone());
    let hash = PasswordHash::from_stored(stored.clone().unwrap_or_else(|| DUMMY_HASH.to_owned()));
    let matches = hash.verify(password);
    Ok(found.filter(|u| matches && stored.is_some() && u.user.active))
}

/// An account must hold a role somewhere.
fn no_role() -> StorageError {
    StorageError::Invalid(aula_domain::FieldErrors::single(
        "roles",
        aula_domain::Problem::new("error-choose-one"),
    ))
}

/// An argon2id hash of a random string, verified against when no user
/// matches so that both paths cost one hash.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$SJvBvTRnRBE6Ybk6ZXJm5nIrd3qeSLCvoOhlQV8dlVw";

/// Writes the user's roles; those of an organisation (organiser, trainer)
/// are also their membership in `org`; `admin` and `accreditor` hold across
/// the instance (an administrator manages users, regions and organisations).
async fn write_roles(conn: &impl ConnectionTrait, org: OrganisationId, user_id: Uuid, roles: &[Role]) -> Result<()> {
    // A user who works elsewhere only is not drawn into `org` by a change
    // of their roles: their memberships are changed where they hold them.
    // Suspended organisations' too (session 23: a role held in one only
    // was written into `org`).
    let memberships = organisation_member::Entity::find()
        .filter(organisation_member::Column::UserId.eq(user_id))
        .all(conn)
        .await?;
    if !memberships.is_empty() && !memberships.iter().any(|m| m.organisation_id == org.uuid()) {
        return write_platform_roles(conn, user_id, roles).await;
    }
    let in_org = roles
        .iter()
        .filter(|r| matches!(r, Role::Organiser | Role::Trainer))
        .map(|r| organisation_member::ActiveModel {
            organisation_id: Set(org.uuid()),
            user_id: Set(user_id),
            role: Set(*r),
        });
    let membership = sea_orm::Condition::all()
        .add(organisation_member::Column::OrganisationId.eq(org.uuid()))
        .add(organisation_member::Column::UserId.eq(user_id));
    crate::replace_rows(conn, membership, in_org).await?;
    write_platform_roles(conn, user_id, roles).await
}

/// The `user_roles` rows: the platform's roles given (`admin` and
/// `accreditor` are read from here), then the organisations' roles the
/// memberships hold ([`sync_member_roles`]).
async fn write_platform_roles(conn: &impl ConnectionTrait, user_id: Uuid, roles: &[Role]) -> Result<()> {
    let rows = roles
        .iter()
        .filter(|r| PLATFORM_ROLES.contains(r))
        .map(|r| user_role::ActiveModel {
            user_id: Set(user_id),
            role: Set(*r),
        });
    crate::replace_rows(conn, user_role::Column::UserId.eq(user_id), rows).await?;
    sync_member_roles(conn, user_id).await
}

/// Writes the organisation roles (organiser, trainer) of `user_roles` as
/// the user's memberships hold them, in any organisation: what the staff
/// lists and the account form show. Found by attacking the organisations
/// (session 23): a role taken from someone's last membership stayed here,
/// the account form showed it ticked, and the next save of the form, for
/// a new name, made them an organiser of the administrator's organisation.
pub(crate) async fn sync_member_roles(conn: &impl ConnectionTrait, user_id: Uuid) -> Result<()> {
    let mut held: Vec<Role> = organisation_member::Entity::find()
        .filter(organisation_member::Column::UserId.eq(user_id))
        .select_only()
        .column(organisation_member::Column::Role)
        .into_tuple()
        .all(conn)
        .await?;
    held.sort();
    held.dedup();
    let member_roles = sea_orm::Condition::all()
        .add(user_role::Column::UserId.eq(user_id))
        .add(user_role::Column::Role.is_not_in(PLATFORM_ROLES.iter().copied()));
    let rows = held.into_iter().map(|role| user_role::ActiveModel {
        user_id: Set(user_id),
        role: Set(role),
    });
    crate::replace_rows(conn, member_roles, rows).await
}

async fn check_body(conn: &impl ConnectionTrait, details: &UserDetails) -> Result<()> {
    if let Some(id) = details.accreditation_body_id {
        bodies::get(conn, id)
            .await
            .map_err(|e| not_found_as(e, "accreditation_body_id"))?;
    }
    Ok(())
}

fn email_taken(err: sea_orm::DbErr) -> StorageError {
    StorageError::taken(err, "email", "error-email-taken")
}

/// A new user; their organisation's roles are a membership in `org`.
pub async fn create(
    conn: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    details: &UserDetails,
) -> Result<UserRecord> {
    if details.roles.is_empty() {
        return Err(no_role());
    }
    let txn = conn.begin_write().await?;
    check_body(&txn, details).await?;
    let row = user::ActiveModel {
        id: Set(new_id()),
        email: Set(details.email.as_str().to_owned()),
        name: Set(details.name.to_string()),
        password_hash: Set(details.password.as_ref().map(|h| h.as_str().to_owned())),
        accreditation_body_id: Set(details.accreditation_body_id),
        language: Set(details.language),
        active: Set(true),
        created_at: Set(now()),
    }
    .insert(&txn)
    .await
    .map_err(email_taken)?;
    write_roles(&txn, org, row.id, &details.roles).await?;
    audit::record(
        &txn,
        actor,
        "create",
        "user",
        Some(row.id),
        json!({"email": row.email, "roles": details.roles}),
    )
    .await?;
    let record = get_in(&txn, row.id, org).await?;
    txn.commit().await?;
    Ok(record)
}

pub async fn update(
    conn: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    details: &UserDetails,
    active: bool,
) -> Result<UserRecord> {
    let txn = conn.begin_write().await?;
    let before = get(&txn, id).await?;
    check_body(&txn, details).await?;
    let mut model: user::ActiveModel = before.user.clone().into();
    model.email = Set(details.email.as_str().to_owned());
    model.name = Set(details.name.to_string());
    if let Some(hash) = &details.password {
        model.password_hash = Set(Some(hash.as_str().to_owned()));
    }
    model.accreditation_body_id = Set(details.accreditation_body_id);
    model.language = Set(details.language);
    model.active = Set(active);
    model.update(&txn).await.map_err(email_taken)?;
    write_roles(&txn, org, id, &details.roles).await?;
    // None here is right for someone who works elsewhere; an account with
    // no role anywhere could do nothing.
    let held = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(id))
        .count(&txn)
        .await?;
    if held == 0 {
        return Err(no_role());
    }
    if !active || details.password.is_some() {
        // A deactivated user is signed out everywhere at once; so is one
        // whose password an administrator replaced, the answer to an
        // account taken over (session 23: the old sign-in kept working for
        // its 12 hours).
        crate::web_sessions::delete_for_user(&txn, id).await?;
    }
    let tokens_revoked = if active {
        0
    } else {
        crate::tokens::revoke_all(&txn, id).await?
    };
    audit::record(
        &txn,
        actor,
        "update",
        "user",
        Some(id),
        json!({
            "before": {"email": before.user.email, "roles": before.roles, "active": before.user.active},
            "after": {"email": details.email, "roles": details.roles, "active": active,
                      "password_changed": details.password.is_some()},
            "tokens_revoked": tokens_revoked,
        }),
    )
    .await?;
    let record = get_in(&txn, id, org).await?;
    txn.commit().await?;
    Ok(record)
}
