//! Staff accounts as an organisation's organisers (or an administrator)
//! keep them: added with their roles in the organisation, changed, or
//! deactivated, each with its audit entry in one transaction.

use aula_domain::details::UserDetails;
use aula_domain::{FieldErrors, OrganisationId, Password, PasswordHash, Problem, Role};
use aula_storage::Actor;
use aula_storage::users::{self, UserRecord};
use aula_storage::web_sessions::NewWebSession;
use uuid::Uuid;

use crate::{App, Result};

/// Adds a staff account with its roles in `org`.
pub async fn add(app: &App, actor: &Actor, org: OrganisationId, details: &UserDetails) -> Result<UserRecord> {
    app.change(async |txn| users::create(txn, actor, org, details).await)
        .await
}

/// Changes account `id`'s details and roles in `org`; `active: false`
/// deactivates it. An administrator changing their own account cannot
/// take away their administrator role or deactivate it (the organisation
/// would be left without one), nor set its password here: their own is
/// changed with the current one ([`change_own_password`]), so that a
/// screen left signed in, or an API token, cannot lock its owner out
/// (session 25: the users' form took it, and signed its author out).
pub async fn change(
    app: &App,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    details: &UserDetails,
    active: bool,
) -> Result<UserRecord> {
    if actor.user_id == Some(id) {
        if !active || !details.roles.contains(&Role::Admin) {
            return Err(crate::Error::Conflict(Problem::new("error-cannot-demote-self")));
        }
        if details.password.is_some() {
            return Err(crate::Error::Invalid(FieldErrors::single(
                "password",
                Problem::new("error-own-password-elsewhere"),
            )));
        }
    }
    app.change(async |txn| users::update(txn, actor, org, id, details, active).await)
        .await
}

/// A staff member changes their own password. The current one comes first:
/// whoever finds a screen left signed in must not be able to lock its owner
/// out. The new one is the form's [`Password`], or its problems, told
/// together with a wrong current password's (a review found them told one
/// at a time); every other sign-in of theirs ends, and the one in use
/// (cookie `kept`) goes on under the new cookie returned.
pub async fn change_own_password(
    app: &App,
    actor: &Actor,
    id: Uuid,
    current: &str,
    new: std::result::Result<Password, FieldErrors>,
    kept: &str,
) -> Result<Option<NewWebSession>> {
    let user = users::get(&app.db, id).await?;
    let stored = user
        .user
        .password_hash
        .map(PasswordHash::from_stored)
        .filter(|hash| hash.verify(current));
    let (Some(stored), Ok(new)) = (&stored, &new) else {
        let mut errors = new.err().unwrap_or_default();
        if stored.is_none() {
            errors.add("current_password", Problem::new("error-current-password"));
        }
        return Err(crate::Error::Invalid(errors));
    };
    let hash = PasswordHash::new(new);
    app.change(async |txn| users::set_own_password(txn, actor, id, stored, &hash, kept).await)
        .await
}
