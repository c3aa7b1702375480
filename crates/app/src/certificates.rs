//! Certificates: issuing a session's, and revoking one.

use aula_storage::entities::certificate;
use aula_storage::{Actor, ConnectionTrait, StorageError, certificates, sessions};
use uuid::Uuid;

use crate::{App, Error, Result};

/// What issuing a session's certificates would do now: each participant,
/// whether they qualify and why not, before anything is issued.
pub struct Preview {
    pub record: sessions::SessionRecord,
    pub candidates: Vec<certificates::Candidate>,
}

impl Preview {
    /// Whether the session is completed, without which nothing is issued.
    pub fn session_completed(&self) -> bool {
        self.record.status() == aula_domain::SessionStatus::Completed
    }

    /// How many certificates pressing "issue" would issue now.
    pub fn to_issue(&self) -> usize {
        if !self.session_completed() {
            return 0;
        }
        self.candidates
            .iter()
            .filter(|c| c.issued.is_none() && c.eligibility == certificates::Eligibility::Eligible)
            .count()
    }
}

/// Who would receive a certificate of the session and who would not, with
/// the figures that decide it; changes nothing.
pub async fn preview(app: &App, session_id: Uuid) -> Result<Preview> {
    let record = sessions::get(&app.db, session_id).await?;
    let candidates = certificates::candidates(&app.db, &record).await?;
    Ok(Preview { record, candidates })
}

/// Issues the session's certificates to every eligible registration and
/// queues the holders' e-mails, in one transaction. Returns the new ones
/// (none when run again). Two organisers issuing the same session at once
/// meet the unique registration: the second runs again and finds the first
/// one's certificates, so it issues nothing twice.
pub async fn issue(app: &App, actor: &Actor, session_id: Uuid) -> Result<Vec<certificate::Model>> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match issue_once(app, actor, session_id).await {
            Err(Error::Storage(StorageError::Duplicate)) if attempt < 3 => continue,
            other => return other,
        }
    }
}

async fn issue_once(app: &App, actor: &Actor, session_id: Uuid) -> Result<Vec<certificate::Model>> {
    let txn = app.write().await?;
    let record = sessions::get(&*txn, session_id).await?;
    crate::within(actor, record.session.organisation_id)?;
    let issued = issue_in(&*txn, app, actor, &record).await?;
    txn.commit().await?;
    Ok(issued)
}

/// Issues the session's certificates inside the caller's transaction (a
/// completion issues them with it), with the holders' e-mails.
pub async fn issue_in(
    txn: &impl ConnectionTrait,
    app: &App,
    actor: &Actor,
    record: &sessions::SessionRecord,
) -> Result<Vec<certificate::Model>> {
    // The organisation that runs the session issues its certificates, under
    // its identity as it is today (issue 19): legal name, address, website,
    // logo, the signatory of the session (or course, or the default), the
    // accrediting body's logo and the course's outcomes; the certificates
    // keep them, so a later change does not alter what was issued.
    let issuer = aula_storage::issuer::snapshot(txn, record).await?;
    let issued = certificates::issue_for_session(txn, actor, record, &issuer, chrono::Utc::now()).await?;
    for one in &issued {
        aula_mail::notify::certificate_ready(txn, &app.mail, one).await?;
    }
    Ok(issued)
}

/// Revokes a certificate with a reason (audited); verification says so from now on.
pub async fn revoke(app: &App, actor: &Actor, id: Uuid, reason: &str) -> Result<certificate::Model> {
    let txn = app.write().await?;
    let revoked = certificates::revoke(&*txn, actor, id, reason).await?;
    // Its holder is told, in the same transaction (session 29's attack
    // round: they learnt it from whoever checked it).
    aula_mail::notify::certificate_revoked(&*txn, &app.mail, &revoked).await?;
    txn.commit().await?;
    Ok(revoked)
}
