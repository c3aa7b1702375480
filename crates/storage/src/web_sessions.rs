//! Signed-in staff sessions, kept in the database so that any `aula serve`
//! process sharing it recognises the cookie, and sign-out is immediate.

use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::web_session;
use crate::users::{self, UserRecord};
use crate::{Result, new_id, now, secrets};

/// How long a staff session lasts without signing in again.
pub const LIFETIME: Duration = Duration::hours(12);

/// A signed-in session: the cookie value (returned once) and its CSRF token.
pub struct NewWebSession {
    pub cookie: String,
    pub csrf_token: String,
}

pub async fn create(conn: &impl ConnectionTrait, user_id: Uuid) -> Result<NewWebSession> {
    open(conn, user_id, None).await
}

async fn open(conn: &impl ConnectionTrait, user_id: Uuid, organisation_id: Option<Uuid>) -> Result<NewWebSession> {
    let cookie = secrets::generate("");
    let csrf_token = secrets::generate("");
    let at = now();
    web_session::ActiveModel {
        id: Set(new_id()),
        organisation_id: Set(organisation_id),
        token_hash: Set(secrets::hash(&cookie)),
        user_id: Set(user_id),
        csrf_token: Set(csrf_token.clone()),
        created_at: Set(at),
        expires_at: Set(at + LIFETIME),
    }
    .insert(conn)
    .await?;
    // Sweep expired sessions now and then, as part of a sign-in rather than a timer.
    web_session::Entity::delete_many()
        .filter(web_session::Column::ExpiresAt.lt(at))
        .exec(conn)
        .await?;
    Ok(NewWebSession { cookie, csrf_token })
}

/// The session behind a cookie, if it has not expired.
async fn live(conn: &impl ConnectionTrait, cookie: &str) -> Result<Option<web_session::Model>> {
    Ok(web_session::Entity::find()
        .filter(web_session::Column::TokenHash.eq(secrets::hash(cookie)))
        .filter(web_session::Column::ExpiresAt.gt(now()))
        .one(conn)
        .await?)
}

/// The active user and CSRF token behind a session cookie, if it is live.
pub async fn find(conn: &impl ConnectionTrait, cookie: &str) -> Result<Option<(UserRecord, String)>> {
    let Some(session) = live(conn, cookie).await? else {
        return Ok(None);
    };
    let user = users::get(conn, session.user_id).await?;
    let user = users::in_organisation(conn, user, session.organisation_id, false).await?;
    Ok(user.user.active.then_some((user, session.csrf_token)))
}

/// Remembers the organisation the signed-in staff member works in, if they
/// are a member of it (the switcher in the staff header).
pub async fn choose(conn: &impl ConnectionTrait, cookie: &str, org: aula_domain::OrganisationId) -> Result<bool> {
    let Some(session) = live(conn, cookie).await? else {
        return Ok(false);
    };
    let member = crate::organisations::memberships(conn, session.user_id)
        .await?
        .iter()
        .any(|m| m.id() == org);
    if !member {
        return Ok(false);
    }
    let mut model: web_session::ActiveModel = session.into();
    model.organisation_id = Set(Some(org.uuid()));
    model.update(conn).await?;
    Ok(true)
}

pub async fn delete(conn: &impl ConnectionTrait, cookie: &str) -> Result<()> {
    web_session::Entity::delete_many()
        .filter(web_session::Column::TokenHash.eq(secrets::hash(cookie)))
        .exec(conn)
        .await?;
    Ok(())
}

/// Ends every web session of `user_id` and opens a new one in place of
/// the one whose cookie is `kept` (in the organisation it had chosen): after
/// a password change, a cookie copied before it is worth nothing, the one
/// in use included (session 25; OWASP's session management advice).
/// `None` when `kept` is not a live session of theirs.
pub async fn renew_for_user(conn: &impl ConnectionTrait, user_id: Uuid, kept: &str) -> Result<Option<NewWebSession>> {
    let organisation = live(conn, kept)
        .await?
        .filter(|s| s.user_id == user_id)
        .map(|s| s.organisation_id);
    delete_for_user(conn, user_id).await?;
    let Some(organisation_id) = organisation else {
        return Ok(None);
    };
    Ok(Some(open(conn, user_id, organisation_id).await?))
}

pub async fn delete_for_user(conn: &impl ConnectionTrait, user_id: Uuid) -> Result<()> {
    web_session::Entity::delete_many()
        .filter(web_session::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    Ok(())
}
