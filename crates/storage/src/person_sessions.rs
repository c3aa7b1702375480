//! Trainees signed in to "my trainings": a one-time link sent by e-mail
//! (30 minutes, single use) opens a session kept in the database, like staff
//! sessions, under its own cookie.

use chrono::Duration;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::{person, person_session, sign_in_link};
use crate::{Result, new_id, now, secrets};

/// How long a sign-in link works.
pub const LINK_LIFETIME: Duration = Duration::minutes(30);
/// How long a trainee stays signed in.
pub const LIFETIME: Duration = Duration::hours(2);

/// A new sign-in link for the person; its secret is returned once, to be e-mailed.
pub async fn create_link(conn: &impl ConnectionTrait, person_id: Uuid) -> Result<String> {
    let token = secrets::generate("");
    let at = now();
    sign_in_link::ActiveModel {
        id: Set(new_id()),
        person_id: Set(person_id),
        token_hash: Set(secrets::hash(&token)),
        expires_at: Set(at + LINK_LIFETIME),
        used_at: Set(None),
        created_at: Set(at),
    }
    .insert(conn)
    .await?;
    Ok(token)
}

/// Forgets sign-in links more than a day past their expiry. Run by the
/// scheduled jobs rather than beside each new link: every confirmation
/// makes one inside its write transaction, where a scan of the table would
/// hold SQLite's write lock a little longer for each registration.
pub async fn sweep(conn: &impl ConnectionTrait) -> Result<u64> {
    Ok(sign_in_link::Entity::delete_many()
        .filter(sign_in_link::Column::ExpiresAt.lt(now() - Duration::days(1)))
        .exec(conn)
        .await?
        .rows_affected)
}

/// Whether a link is still good, without using it (the page that asks to
/// confirm the sign-in shows this; link checkers that fetch it use nothing).
pub async fn link_is_live(conn: &impl ConnectionTrait, token: &str) -> Result<bool> {
    let at = now();
    Ok(sign_in_link::Entity::find()
        .filter(sign_in_link::Column::TokenHash.eq(secrets::hash(token)))
        .filter(sign_in_link::Column::UsedAt.is_null())
        .filter(sign_in_link::Column::ExpiresAt.gt(at))
        .one(conn)
        .await?
        .is_some())
}

/// A signed-in trainee session: the cookie value (returned once) and its CSRF token.
pub struct NewPersonSession {
    pub cookie: String,
    pub csrf_token: String,
}

/// Uses the link (once: the conditional update lets one request through
/// even when two race) and opens a session; `None` if the link is unknown,
/// used or expired.
pub async fn sign_in(conn: &impl ConnectionTrait, token: &str) -> Result<Option<NewPersonSession>> {
    let at = now();
    let Some(link) = sign_in_link::Entity::find()
        .filter(sign_in_link::Column::TokenHash.eq(secrets::hash(token)))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let used = sign_in_link::Entity::update_many()
        .col_expr(sign_in_link::Column::UsedAt, sea_orm::sea_query::Expr::value(at))
        .filter(sign_in_link::Column::Id.eq(link.id))
        .filter(sign_in_link::Column::UsedAt.is_null())
        .filter(sign_in_link::Column::ExpiresAt.gt(at))
        .exec(conn)
        .await?;
    if used.rows_affected != 1 {
        return Ok(None);
    }
    let cookie = secrets::generate("");
    let csrf_token = secrets::generate("");
    person_session::ActiveModel {
        id: Set(new_id()),
        token_hash: Set(secrets::hash(&cookie)),
        person_id: Set(link.person_id),
        csrf_token: Set(csrf_token.clone()),
        created_at: Set(at),
        expires_at: Set(at + LIFETIME),
    }
    .insert(conn)
    .await?;
    person_session::Entity::delete_many()
        .filter(person_session::Column::ExpiresAt.lt(at))
        .exec(conn)
        .await?;
    Ok(Some(NewPersonSession { cookie, csrf_token }))
}

/// The person and CSRF token behind a live trainee cookie.
pub async fn find(conn: &impl ConnectionTrait, cookie: &str) -> Result<Option<(person::Model, String)>> {
    let Some(session) = person_session::Entity::find()
        .filter(person_session::Column::TokenHash.eq(secrets::hash(cookie)))
        .filter(person_session::Column::ExpiresAt.gt(now()))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let person = person::Entity::find_by_id(session.person_id).one(conn).await?;
    Ok(person.map(|p| (p, session.csrf_token)))
}

pub async fn sign_out(conn: &impl ConnectionTrait, cookie: &str) -> Result<()> {
    person_session::Entity::delete_many()
        .filter(person_session::Column::TokenHash.eq(secrets::hash(cookie)))
        .exec(conn)
        .await?;
    Ok(())
}

/// How long a code sent by e-mail (to check in without a personal link) works.
pub const CODE_LIFETIME: Duration = Duration::minutes(10);

fn code_hash(purpose: &str, person_id: Uuid, code: &str) -> String {
    secrets::hash(&format!("{purpose}:{person_id}:{code}"))
}

/// A six-digit code for `purpose` (e.g. a meeting's check-in), to e-mail to
/// the person; kept hashed beside sign-in links, single use.
pub async fn create_code(conn: &impl ConnectionTrait, person_id: Uuid, purpose: &str) -> Result<String> {
    use rand::Rng;
    let code = format!("{:06}", rand::rng().random_range(0..1_000_000));
    let at = now();
    sign_in_link::ActiveModel {
        id: Set(new_id()),
        person_id: Set(person_id),
        token_hash: Set(code_hash(purpose, person_id, &code)),
        expires_at: Set(at + CODE_LIFETIME),
        used_at: Set(None),
        created_at: Set(at),
    }
    .insert(conn)
    .await
    // The same code drawn twice for one person and purpose: rare; they ask again.
    .map_err(crate::StorageError::from)?;
    Ok(code)
}

/// Uses a code: `true` once, if it is the person's, for `purpose`, and live.
pub async fn use_code(conn: &impl ConnectionTrait, person_id: Uuid, purpose: &str, code: &str) -> Result<bool> {
    let at = now();
    let used = sign_in_link::Entity::update_many()
        .col_expr(sign_in_link::Column::UsedAt, sea_orm::sea_query::Expr::value(at))
        .filter(sign_in_link::Column::TokenHash.eq(code_hash(purpose, person_id, code.trim())))
        .filter(sign_in_link::Column::PersonId.eq(person_id))
        .filter(sign_in_link::Column::UsedAt.is_null())
        .filter(sign_in_link::Column::ExpiresAt.gt(at))
        .exec(conn)
        .await?;
    Ok(used.rows_affected == 1)
}
