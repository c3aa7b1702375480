//! A trainee's own doors: the e-mailed sign-in link to "my trainings", and
//! correcting their own details once signed in.

use aula_domain::{Email, RegistrantDetails};
use aula_storage::person_sessions::{self, NewPersonSession};
use aula_storage::{entities::person, people};
use uuid::Uuid;

use crate::{App, Result};

/// E-mails a sign-in link to the address if a person has it. The answer is
/// the same either way, so the form cannot tell who is known. An address
/// two organisations know is two people (issue 17): each gets their link.
pub async fn send_sign_in_link(app: &App, email: &Email) -> Result<()> {
    let txn = app.write().await?;
    for person in people::all_by_email(&*txn, email).await? {
        let token = person_sessions::create_link(&*txn, person.id).await?;
        aula_mail::notify::sign_in_link(&*txn, &app.mail, &person, &token).await?;
    }
    txn.commit().await
}

/// Uses a sign-in link (once): a new session for its person, or `None`
/// when the link is unknown, used or expired.
pub async fn sign_in(app: &App, token: &str) -> Result<Option<NewPersonSession>> {
    let txn = app.write().await?;
    let session = person_sessions::sign_in(&*txn, token).await?;
    if session.is_some() {
        txn.commit().await?;
    }
    Ok(session)
}

/// A signed-in person corrects their own details; the e-mail, which is how
/// they sign in, stays as it is.
pub async fn correct_details(app: &App, person_id: Uuid, details: &RegistrantDetails) -> Result<person::Model> {
    let txn = app.write().await?;
    let corrected = people::correct(&*txn, person_id, details).await?;
    txn.commit().await?;
    Ok(corrected)
}
