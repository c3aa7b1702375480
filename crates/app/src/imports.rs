//! Registering people from a sheet (a CSV import) in one session.
//!
//! The sheet is checked whole before anything is written ([`check`]), and
//! everyone accepted is registered in one transaction with their e-mails
//! and the audit entry ([`register`]): an import is all in or not at all.
//! The doors (the organisers' pages, the API) read the file, choose the
//! columns and show the report; they check again when the organiser
//! decides, never trusting the report they showed.

use std::collections::HashMap;

use aula_domain::import::{self, Accepted, Field, Mapping, Report, Sheet};
use aula_domain::{Audience, OrganisationId, Problem, RegistrationStatus, fold_for_search};
use aula_storage::entities::audience;
use aula_storage::imports::{self, Draft};
use aula_storage::registrations::{Requested, Source};
use aula_storage::sessions::{self, SessionRecord};
use aula_storage::{Actor, StorageError, audiences, audit, people, regions};
use uuid::Uuid;

use crate::registrations::{Entry, asked_identifier, register_in};
use crate::{App, Error, Result};

/// Checks the sheet for `session`: regions and audiences are found by code
/// or name, whatever the case and accents; people whose row does not say
/// their language get the course's. With `without_email`, the organiser
/// says rows without an address are people who have none (issue 20). A
/// column taken for an identifier is not read where the course's body asks
/// for none: it would not be kept, and its cells must not refuse a row.
///
/// `Ok(Err(problem))` is a sheet that cannot be read as mapped (a missing
/// column, say); the rows' own problems are in the report.
pub async fn check(
    app: &App,
    session: &SessionRecord,
    sheet: &Sheet,
    mapping: &Mapping,
    without_email: bool,
) -> Result<Result<Report, Problem>> {
    let mut by_word = HashMap::new();
    for region in regions::list(&app.db).await? {
        by_word.insert(fold_for_search(region.code.trim()), region.id);
        by_word.insert(fold_for_search(region.name.trim()), region.id);
    }
    let region = move |cell: &str| by_word.get(&fold_for_search(cell.trim())).copied();
    let audiences = audiences::list(&app.db).await?;
    let mut mapping = mapping.clone();
    if asked_identifier(session).is_none() {
        mapping.unset(Field::Identifier);
    }
    let checked = import::check(
        sheet,
        &mapping,
        region,
        audience_finder(&audiences),
        session.course.course.language,
        without_email,
    );
    Ok(match checked {
        Ok(report) => Ok(without_retired(app, session, report, &audiences).await?),
        Err(problem) => Err(problem),
    })
}

/// Finds one of the instance's own audiences (issue 20) by its code or
/// one of its names, whatever the case and accents.
fn audience_finder(audiences: &[audience::Model]) -> impl Fn(&str) -> Option<Audience> {
    let mut by_word = HashMap::new();
    for audience in audiences {
        by_word.insert(fold_for_search(audience.code.as_str()), audience.code.clone());
        for name in audience.names.iter().flat_map(|n| n.0.values()) {
            by_word.insert(fold_for_search(name.trim()), audience.code.clone());
        }
    }
    move |cell: &str| by_word.get(&fold_for_search(cell.trim())).cloned()
}

/// Rejects, at their line, the rows naming a retired audience (issue 20)
/// for someone who does not have it already: registering would refuse
/// them (`storage::registrations::request` holds the rule), and a file is
/// judged row by row before anyone is registered.
async fn without_retired(
    app: &App,
    session: &SessionRecord,
    mut report: Report,
    audiences: &[audience::Model],
) -> Result<Report> {
    let retired: Vec<&Audience> = audiences.iter().filter(|a| a.retired).map(|a| &a.code).collect();
    if retired.is_empty() {
        return Ok(report);
    }
    let org = OrganisationId::from_row(session.session.organisation_id);
    let mut accepted = Vec::with_capacity(report.accepted.len());
    for row in report.accepted {
        let audience = &row.registrant.audience;
        // Only a retired audience asks whether the person has it already.
        let refused = retired.contains(&audience)
            && people::audience_of(&app.db, org, &row.registrant).await?.as_ref() != Some(audience);
        if refused {
            report.rejected.push(import::Rejected {
                line: row.line,
                email: row
                    .registrant
                    .email
                    .as_ref()
                    .map(|e| e.as_str().to_owned())
                    .unwrap_or_default(),
                problems: vec![(Field::Audience, Problem::new("error-audience-retired"))],
            });
        } else {
            accepted.push(row);
        }
    }
    report.accepted = accepted;
    report.rejected.sort_by_key(|r| r.line);
    Ok(report)
}

/// What registering the accepted rows did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// New registrations, whatever their status.
    pub registered: usize,
    /// Of those, the ones on the waiting list.
    pub waitlisted: usize,
    /// Of those, the ones waiting for the person's e-mail confirmation.
    pub pending: usize,
    /// Already registered, or waiting for their confirmation (sent again).
    pub already: usize,
}

/// What to register: the checked report's accepted rows, in a session of
/// the actor's organisation.
#[derive(Clone, Copy)]
pub struct Import<'a> {
    pub session_id: Uuid,
    pub accepted: &'a [Accepted],
    /// The rejected rows left out (`on_error=skip`), for the audit entry.
    pub skipped: usize,
    /// The uploaded file the organiser decided on: deleted in the same
    /// transaction, so a second click does not register the file twice.
    pub draft: Option<&'a Draft>,
    /// Rolls it all back: the outcome is what the import would do now.
    pub dry_run: bool,
}

/// Registers every accepted row in one transaction, with their e-mails,
/// the audit entry, and the draft's deletion when there is one. A draft
/// already gone (registered by another click) is [`Error::NotFound`], and
/// so is a session outside the actor's organisation.
pub async fn register(app: &App, actor: &Actor, import: Import<'_>) -> Result<Outcome> {
    // Tried once more on a deadlock: its rows hold the session, then each
    // person, where an erasure holds a person, then their sessions. Tried
    // again, too, when another request created one of its people first
    // (the same file sent twice at once, or someone registering meanwhile:
    // session 26's race round answered 409 "already exists"): the next
    // attempt finds them, as a file sent after the other does.
    let mut attempt = 0;
    loop {
        attempt += 1;
        match app.retrying(|| register_once(app, actor, import)).await {
            Err(Error::Storage(
                StorageError::AlreadyRegistered | StorageError::Duplicate | StorageError::SessionChanged,
            )) if attempt < 3 => continue,
            other => return other,
        }
    }
}

async fn register_once(app: &App, actor: &Actor, import: Import<'_>) -> Result<Outcome> {
    let org = actor.organisation.ok_or(Error::NotFound)?;
    let txn = app.write().await?;
    if let Some(draft) = import.draft {
        // A draft is its uploader's alone.
        let user_id = actor.user_id.ok_or(Error::NotFound)?;
        if !imports::delete(&*txn, draft.id, user_id).await? {
            return Err(Error::NotFound);
        }
    }
    let record = sessions::get_in(&*txn, org, import.session_id).await?;
    let entry = Entry::Organiser(Source::Import, actor.clone());
    let mut outcome = Outcome::default();
    let mut placed = false;
    for row in import.accepted {
        let requested = register_in(&*txn, app, &record, &row.registrant, &entry).await?;
        placed |= matches!(requested, Requested::Placed { .. });
        // Someone already waiting for their confirmation gets the link again.
        if let Requested::Already { .. } | Requested::Resent { .. } = requested {
            outcome.already += 1;
            continue;
        }
        outcome.registered += 1;
        match requested.registration().status {
            RegistrationStatus::Waitlisted => outcome.waitlisted += 1,
            RegistrationStatus::Pending => outcome.pending += 1,
            _ => {}
        }
    }
    // As a single entry's (`registrations::register_for`): a place taken
    // holds the session's row, so read again it is the session this import
    // commits into; one cancelled or given new dates meanwhile is judged
    // again, or its people would be waitlisted on a cancelled session, or
    // told the old dates, missed by the change's e-mails.
    if placed && !record.is_current(&sessions::row(&*txn, record.session.id).await?) {
        txn.rollback().await?;
        return Err(Error::Storage(StorageError::SessionChanged));
    }
    if import.dry_run {
        txn.rollback().await?;
        return Ok(outcome);
    }
    audit::record(
        &*txn,
        actor,
        "import",
        "session",
        Some(import.session_id),
        serde_json::json!({
            "file_name": import.draft.map(|d| d.file_name.as_str()),
            "registered": outcome.registered,
            "already_registered": outcome.already,
            "rejected_skipped": import.skipped,
        }),
    )
    .await?;
    txn.commit().await?;
    Ok(outcome)
}
