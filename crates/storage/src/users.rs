//! Staff users and their roles.

use std::collections::HashMap;

use aula_domain::details::UserDetails;
use aula_domain::{Email, Language, PasswordHash, Role};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::db::Begin;
use crate::entities::{user, user_role};
use crate::{Actor, Page, Paged, Result, StorageError, audit, bodies, courses::not_found_as, found, new_id, now};

#[derive(Clone, Debug)]
pub struct UserRecord {
    pub user: user::Model,
    pub roles: Vec<Role>,
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
            UserRecord { user, roles: list }
        })
        .collect())
}

pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<UserRecord> {
    let row = found(conn, user::Entity::find_by_id(id)).await?;
    with_roles(conn, vec![row]).await?.pop().ok_or(StorageError::NotFound)
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
    let found = match Email::parse(email) {
        Ok(email) => find_by_email(conn, &email).await?,
        Err(_) => None,
    };
    let stored = found.as_ref().and_then(|u| u.user.password_hash.clone());
    let hash = PasswordHash::from_stored(stored.clone().unwrap_or_else(|| DUMMY_HASH.to_owned()));
    let matches = hash.verify(password);
    Ok(found.filter(|u| matches && stored.is_some() && u.user.active))
}

/// An argon2id hash of a random string, verified against when no user
/// matches so that both paths cost one hash.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$SJvBvTRnRBE6Ybk6ZXJm5nIrd3qeSLCvoOhlQV8dlVw";

async fn write_roles(conn: &impl ConnectionTrait, user_id: Uuid, roles: &[Role]) -> Result<()> {
    user_role::Entity::delete_many()
        .filter(user_role::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    if !roles.is_empty() {
        user_role::Entity::insert_many(roles.iter().map(|r| user_role::ActiveModel {
            user_id: Set(user_id),
            role: Set(*r),
        }))
        .exec(conn)
        .await?;
    }
    Ok(())
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
    match StorageError::from(err) {
        StorageError::Duplicate => StorageError::invalid("email", "error-email-taken"),
        other => other,
    }
}

pub async fn create(conn: &impl Begin, actor: &Actor, details: &UserDetails) -> Result<UserRecord> {
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
    write_roles(&txn, row.id, &details.roles).await?;
    audit::record(
        &txn,
        actor,
        "create",
        "user",
        Some(row.id),
        json!({"email": row.email, "roles": details.roles}),
    )
    .await?;
    let record = get(&txn, row.id).await?;
    txn.commit().await?;
    Ok(record)
}

pub async fn update(
    conn: &impl Begin,
    actor: &Actor,
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
    write_roles(&txn, id, &details.roles).await?;
    if !active {
        // A deactivated user is signed out everywhere at once.
        crate::web_sessions::delete_for_user(&txn, id).await?;
    }
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
        }),
    )
    .await?;
    let record = get(&txn, id).await?;
    txn.commit().await?;
    Ok(record)
}
