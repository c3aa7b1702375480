//! Personal data over its whole life (issue 21): erasing a person, and the
//! workplace key that lets the indicators count workplaces without
//! employers.
//!
//! Erasure keeps the person's row and registrations (their ids, audience,
//! region, workplace key, minutes, completion, status) so that every
//! indicator, for every filter, is the same before and after; it removes or
//! overwrites everything else that names them: name, e-mail, phone,
//! employer, job title, the details proposed on their registrations, the
//! identifiers given there for an accrediting body's register (issue 20) and
//! the reasons given for cancelling them, their sign-in links and sessions,
//! pending erasure requests, the bodies of the e-mails sent to them or
//! naming them, the audit entries about them, report aliases and import
//! drafts naming them, the walk-ins they are at outreach activities, their
//! rate-limit windows, and (when asked) the holder on their certificates.
//! "Naming them" is by any name they went by, not only the last. Consent keeps its date and notice version,
//! which prove it was given. What is found by their name or address is
//! looked for in their organisation only: the same address at another
//! organisation is another person, whose mail and records stay.

use aula_domain::retention::{RetentionCategory, RetentionPeriods};
use aula_domain::{Email, SessionStatus};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait as _, Func, LikeExpr, OnConflict, SimpleExpr};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::{
    attendance, audit_entry, certificate, completion, erasure_request, import_draft, meeting, outbox,
    outreach_activity, outreach_walk_in, person, person_session, rate_limit, registration, report_alias,
    retention_period, sign_in_link, user,
};
use crate::secrets::{self, LinkKey};
use crate::{Actor, Result, StorageError, audit, found, new_id, now};

/// The domain of the addresses erased people are left with: reserved
/// (RFC 2606), so nothing is ever sent there.
pub const ERASED_DOMAIN: &str = "erased.invalid";

/// How long the link of an erasure request works.
pub const REQUEST_LIFETIME: Duration = Duration::hours(24);

/// The workplace key of `employer`: the key's HMAC of the employer trimmed
/// and lower-cased, so that "Ayuntamiento de Sevilla" and " AYUNTAMIENTO DE
/// SEVILLA" are one workplace, as the indicators always counted them. It
/// names no employer; only someone holding the server's key could test a
/// guess.
pub fn workplace_key_with(key: &LinkKey, employer: Option<&str>) -> Option<String> {
    let normalised = employer?.trim().to_lowercase();
    let mac = key.mac(&[b"workplace:", normalised.as_bytes()]);
    Some(mac.iter().take(16).map(|b| format!("{b:02x}")).collect())
}

/// [`workplace_key_with`] the server's key.
pub async fn workplace_key(conn: &impl ConnectionTrait, employer: Option<&str>) -> Result<Option<String>> {
    if employer.is_none() {
        return Ok(None);
    }
    let key = crate::keys::link_key(conn).await?;
    Ok(workplace_key_with(&key, employer))
}

/// Rows the backfill writes per statement batch.
const BACKFILL_BATCH: u64 = 1000;

/// Gives the people who existed before workplace keys theirs; run after the
/// migrations (it does nothing once they all have one). Returns how many.
pub async fn backfill(conn: &impl ConnectionTrait) -> Result<u64> {
    let mut done = 0;
    let mut key = None;
    loop {
        let rows = person::Entity::find()
            .filter(person::Column::Employer.is_not_null())
            .filter(person::Column::WorkplaceKey.is_null())
            .limit(BACKFILL_BATCH)
            .all(conn)
            .await?;
        if rows.is_empty() {
            return Ok(done);
        }
        if key.is_none() {
            key = Some(crate::keys::link_key(conn).await?);
        }
        let Some(key) = &key else { continue };
        for row in rows {
            let value = workplace_key_with(key, row.employer.as_deref());
            let mut model: person::ActiveModel = row.into();
            model.workplace_key = Set(value);
            model.update(conn).await?;
            done += 1;
        }
    }
}

/// What one erasure removed, for the log and the audit entry (counts only).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Erased {
    pub registrations: u64,
    pub messages: u64,
    pub audit_entries: u64,
    pub certificates_withdrawn: u64,
    pub sign_ins: u64,
}

/// `column LIKE '%needle%'`, the needle's wildcards escaped.
fn contains(column: impl sea_orm::sea_query::IntoColumnRef, needle: &str) -> SimpleExpr {
    let escaped = needle.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    Expr::col(column).like(LikeExpr::new(format!("%{escaped}%")).escape('\\'))
}

/// What names the person in free text: their address, their full name and
/// phone, and the names and phones they had before. A correction of theirs
/// or an organiser's leaves the earlier name in what was written then (an
/// organisers' digest kept "Yannick Oberlin" after Yannick, renamed, was
/// erased: session 27's privacy round). The earlier ones are the names the
/// mail to their address was sent under (not when the address is also a
/// staff account's: their digests carry the account's name) and those an
/// organiser's update audited.
struct Names {
    /// Found anywhere in free text, as written.
    needles: Vec<String>,
    /// Each name as a participant report's key is written
    /// (`aula_domain::matching::report_key`: folded, without accents), in
    /// its order and given and family name swapped ("Núñez, Anabel").
    keys: Vec<String>,
    /// The names alone, to find walk-ins written without an address.
    names: Vec<String>,
}

async fn names_of(conn: &impl ConnectionTrait, person: &person::Model) -> Result<Names> {
    let mut names = vec![format!("{} {}", person.given_name, person.family_name)];
    let mut phones: Vec<String> = person.phone.iter().cloned().collect();
    if let Some(address) = &person.email {
        let staff = user::Entity::find()
            .filter(Expr::expr(Func::lower(Expr::col(user::Column::Email))).eq(address.to_lowercase()))
            .one(conn)
            .await?
            .is_some();
        if !staff {
            let sent_to: Vec<Option<String>> = outbox::Entity::find()
                .select_only()
                .column(outbox::Column::RecipientName)
                .distinct()
                .filter(outbox::Column::Recipient.eq(address.as_str()))
                .filter(outbox::Column::OrganisationId.eq(person.organisation_id))
                .into_tuple()
                .all(conn)
                .await?;
            names.extend(sent_to.into_iter().flatten());
        }
    }
    let updates: Vec<String> = audit_entry::Entity::find()
        .select_only()
        .column(audit_entry::Column::Details)
        .filter(audit_entry::Column::Entity.eq("person"))
        .filter(audit_entry::Column::EntityId.eq(person.id))
        .into_tuple()
        .all(conn)
        .await?;
    for details in updates {
        let Ok(details) = serde_json::from_str::<serde_json::Value>(&details) else {
            continue;
        };
        let before = &details["from"];
        if let (Some(given), Some(family)) = (before["given_name"].as_str(), before["family_name"].as_str()) {
            names.push(format!("{given} {family}"));
        }
        phones.extend(before["phone"].as_str().map(str::to_owned));
    }
    let mut found = Names {
        needles: person.email.iter().cloned().collect(),
        keys: Vec::new(),
        names: Vec::new(),
    };
    for name in names {
        // A whole name, given and family: one word alone would find others.
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        let name = words.join(" ");
        found.keys.push(aula_domain::matching::report_key(&name, None));
        let mut turned = words.clone();
        turned.rotate_left(1);
        found
            .keys
            .push(aula_domain::matching::report_key(&turned.join(" "), None));
        found.needles.push(name.clone());
        found.names.push(name);
    }
    found.needles.extend(phones.into_iter().filter(|p| p.len() >= 6));
    for list in [&mut found.needles, &mut found.keys, &mut found.names] {
        list.sort();
        list.dedup();
    }
    Ok(found)
}

/// `column` holds one of `keys` as whole words: a report key of "Ana Li"
/// must not find "juliana liu" (session 27's review).
fn holds_words(column: report_alias::Column, keys: &[String]) -> SimpleExpr {
    let like = |pattern: String| Expr::col(column).like(LikeExpr::new(pattern).escape('\\'));
    keys.iter()
        .map(|key| {
            let k = key.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
            Expr::col(column)
                .eq(key.as_str())
                .or(like(format!("{k} %")))
                .or(like(format!("% {k}")))
                .or(like(format!("% {k} %")))
        })
        .reduce(|a, b| a.or(b))
        .unwrap_or_else(|| Expr::val(false))
}

fn any_contains(column: impl sea_orm::sea_query::IntoColumnRef + Clone, needles: &[String]) -> SimpleExpr {
    needles
        .iter()
        .map(|n| contains(column.clone(), n))
        .reduce(|a, b| a.or(b))
        .unwrap_or_else(|| Expr::val(false))
}

/// Whether the person has been erased.
pub fn is_erased(person: &person::Model) -> bool {
    person.erased_at.is_some()
}

/// Marks the person as being erased, in the caller's transaction, and
/// returns them as they are: the first step of an erasure, before their
/// places are given up and [`erase`] runs. A conditional update: of two
/// transactions erasing the same person (two processes' expiry jobs), one
/// claims them, the other finds none ([`StorageError::NotFound`], as for
/// someone already erased). On PostgreSQL the row stays held until the
/// transaction ends, so a registration of theirs either commits before
/// (and is found and given up) or waits and is refused (see
/// [`crate::people::hold`]).
pub async fn claim(conn: &impl ConnectionTrait, person_id: Uuid) -> Result<person::Model> {
    let claimed = person::Entity::update_many()
        .col_expr(person::Column::ErasedAt, Expr::val(now()))
        .filter(person::Column::Id.eq(person_id))
        .filter(person::Column::ErasedAt.is_null())
        .exec(conn)
        .await?
        .rows_affected;
    if claimed == 0 {
        return Err(StorageError::NotFound);
    }
    found(conn, person::Entity::find_by_id(person_id)).await
}

/// Erases the person [`claim`]ed in this transaction (see the module's
/// doc); `certificates`: withdraw theirs too.
pub async fn erase(conn: &impl ConnectionTrait, person: &person::Model, certificates: bool) -> Result<Erased> {
    let person_id = person.id;
    let at = person.erased_at.unwrap_or_else(now);
    let names = names_of(conn, person).await?;
    let needles = &names.needles;
    let registration_ids: Vec<Uuid> = registration::Entity::find()
        .select_only()
        .column(registration::Column::Id)
        .filter(registration::Column::PersonId.eq(person_id))
        .into_tuple()
        .all(conn)
        .await?;
    let mut erased = Erased {
        registrations: registration_ids.len() as u64,
        ..Erased::default()
    };

    // The registrations keep what is counted; their links stop working.
    for id in &registration_ids {
        registration::ActiveModel {
            id: Set(*id),
            confirm_token_hash: Set(None),
            confirm_expires_at: Set(None),
            manage_token_hash: Set(secrets::hash(&secrets::generate("erased-"))),
            cancel_reason: Set(None),
            proposed_details: Set(None),
            body_identifier: Set(None),
            ..Default::default()
        }
        .update(conn)
        .await?;
    }

    // Sign-in links, sessions and pending requests.
    erased.sign_ins += sign_in_link::Entity::delete_many()
        .filter(sign_in_link::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?
        .rows_affected;
    erased.sign_ins += person_session::Entity::delete_many()
        .filter(person_session::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?
        .rows_affected;
    erasure_request::Entity::delete_many()
        .filter(erasure_request::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    // The windows that count their address's requests. Not a staff
    // account's wrong passwords (`password:…`): an organiser could otherwise
    // lift an account's lock-out by erasing a person they gave its address.
    rate_limit::Entity::delete_many()
        .filter(any_contains(rate_limit::Column::Bucket, needles))
        .filter(rate_limit::Column::Bucket.not_like("password:%"))
        .exec(conn)
        .await?;

    // Mail: to them, or naming them. What was not sent yet never will be.
    let unsent = || {
        Expr::case(
            outbox::Column::Status.is_in(["pending", "sending"]),
            Expr::val("dropped"),
        )
        .finally(Expr::col(outbox::Column::Status))
    };
    // Only their organisation's: the same address at another organisation
    // is another person, whose mail is theirs.
    let theirs = outbox::Column::OrganisationId.eq(person.organisation_id);
    // Someone without e-mail (issue 20) was sent nothing.
    let address = person.email.clone().unwrap_or_default();
    let to_them = outbox::Column::Recipient
        .eq(address.as_str())
        .or(outbox::Column::Recipient.eq(address.to_lowercase()))
        .and(Expr::val(!address.is_empty()));
    erased.messages += outbox::Entity::update_many()
        .col_expr(outbox::Column::Recipient, Expr::val(format!("erased@{ERASED_DOMAIN}")))
        .col_expr(outbox::Column::RecipientName, Expr::val(Option::<String>::None))
        .col_expr(outbox::Column::Data, Expr::val("{}"))
        .col_expr(outbox::Column::LastError, Expr::val(Option::<String>::None))
        .col_expr(outbox::Column::Status, unsent().into())
        .filter(to_them)
        .filter(theirs.clone())
        .exec(conn)
        .await?
        .rows_affected;
    erased.messages += outbox::Entity::update_many()
        .col_expr(outbox::Column::Data, Expr::val("{}"))
        .col_expr(outbox::Column::LastError, Expr::val(Option::<String>::None))
        .col_expr(outbox::Column::Status, unsent().into())
        .filter(
            any_contains(outbox::Column::Data, needles)
                .or(any_contains(outbox::Column::ReplyTo, needles))
                .or(any_contains(outbox::Column::LastError, needles)),
        )
        .filter(theirs)
        .exec(conn)
        .await?
        .rows_affected;

    // A participant report's choices naming them, in their organisation's
    // sessions: deleted below, after their audit entries.
    let their_sessions = || {
        sea_orm::sea_query::Query::select()
            .column(crate::entities::session::Column::Id)
            .from(crate::entities::session::Entity)
            .and_where(crate::entities::session::Column::OrganisationId.eq(person.organisation_id))
            .to_owned()
    };
    let aliases: Vec<Uuid> = report_alias::Entity::find()
        .select_only()
        .column(report_alias::Column::Id)
        .filter(
            report_alias::Column::RegistrationId
                .is_in(registration_ids.clone())
                .or(holds_words(report_alias::Column::Key, &names.keys)
                    .and(report_alias::Column::SessionId.in_subquery(their_sessions()))),
        )
        .into_tuple()
        .all(conn)
        .await?;

    // The audit trail keeps that something happened, not about whom.
    let about_them = audit_entry::Column::Entity
        .eq("person")
        .and(audit_entry::Column::EntityId.eq(person_id))
        .or(audit_entry::Column::Entity
            .eq("registration")
            .and(audit_entry::Column::EntityId.is_in(registration_ids.clone())))
        // A trainer's choice of who a report's name is ("zoe q iphone" is
        // this registration) says who, under the alias's id.
        .or(audit_entry::Column::Entity.eq("report_alias").and(
            audit_entry::Column::EntityId
                .is_in(aliases.clone())
                .or(any_contains(audit_entry::Column::Details, &ids_text(&registration_ids))),
        ))
        .or(any_contains(audit_entry::Column::Details, needles)
            .and(audit_entry::Column::OrganisationId.eq(person.organisation_id)));
    erased.audit_entries += audit_entry::Entity::update_many()
        .col_expr(audit_entry::Column::Details, Expr::val("{\"erased\":true}"))
        .filter(about_them)
        .exec(conn)
        .await?
        .rows_affected;

    // The report's choices, and import drafts naming them.
    report_alias::Entity::delete_many()
        .filter(report_alias::Column::Id.is_in(aliases))
        .exec(conn)
        .await?;
    import_draft::Entity::delete_many()
        .filter(any_contains(import_draft::Column::Content, needles))
        .filter(import_draft::Column::SessionId.in_subquery(their_sessions()))
        .exec(conn)
        .await?;

    // The names written down at their organisation's outreach doors.
    outreach_walk_in::Entity::delete_many()
        .filter(walk_ins_of(person, &names.names))
        .exec(conn)
        .await?;

    if certificates {
        erased.certificates_withdrawn = withdraw_certificates(conn, &registration_ids, at).await?;
    }

    person::ActiveModel {
        id: Set(person_id),
        given_name: Set(String::new()),
        family_name: Set(String::new()),
        email: Set(Some(format!("{}@{ERASED_DOMAIN}", person_id.simple()))),
        phone: Set(None),
        employer: Set(None),
        job_title: Set(None),
        erased_at: Set(Some(at)),
        updated_at: Set(at),
        ..Default::default()
    }
    .update(conn)
    .await?;
    Ok(erased)
}

/// Ids as they are written in JSON details.
fn ids_text(ids: &[Uuid]) -> Vec<String> {
    ids.iter().map(Uuid::to_string).collect()
}

/// The walk-ins at their organisation's outreach activities that are the
/// person: by their address, or without one by one of their `names` (a
/// namesake who gave another address is another person: session 27's
/// review).
fn walk_ins_of(person: &person::Model, names: &[String]) -> SimpleExpr {
    let address = person.email.clone().unwrap_or_default().to_lowercase();
    let no_address = outreach_walk_in::Column::Email
        .is_null()
        .or(outreach_walk_in::Column::Email.eq(""));
    let their_activities = sea_orm::sea_query::Query::select()
        .column(outreach_activity::Column::Id)
        .from(outreach_activity::Entity)
        .and_where(outreach_activity::Column::OrganisationId.eq(person.organisation_id))
        .to_owned();
    Expr::expr(Func::lower(Expr::col(outreach_walk_in::Column::Email)))
        .eq(address.as_str())
        .and(Expr::val(!address.is_empty()))
        .or(no_address.and(outreach_walk_in::Column::Name.is_in(names.iter().cloned())))
        .and(outreach_walk_in::Column::ActivityId.in_subquery(their_activities))
}

/// Withdraws the certificates of these registrations: the row stays (it is
/// counted as issued, and revoked if it was), without its holder, and the
/// registrations lose the identifier given for the accrediting body's
/// register (issue 20), which named the holder as much.
async fn withdraw_certificates(
    conn: &impl ConnectionTrait,
    registration_ids: &[Uuid],
    at: DateTime<Utc>,
) -> Result<u64> {
    registration::Entity::update_many()
        .col_expr(registration::Column::BodyIdentifier, Expr::val(Option::<String>::None))
        .filter(registration::Column::Id.is_in(registration_ids.to_vec()))
        .filter(registration::Column::BodyIdentifier.is_not_null())
        .exec(conn)
        .await?;
    Ok(certificate::Entity::update_many()
        .col_expr(certificate::Column::HolderName, Expr::val(""))
        .col_expr(certificate::Column::HolderEmail, Expr::val(""))
        .col_expr(certificate::Column::WithdrawnAt, Expr::val(at))
        .filter(certificate::Column::RegistrationId.is_in(registration_ids.to_vec()))
        .filter(certificate::Column::WithdrawnAt.is_null())
        .exec(conn)
        .await?
        .rows_affected)
}

/// A person's request to be erased: the secret of the link to e-mail them.
pub async fn request(conn: &impl ConnectionTrait, person_id: Uuid, certificates: bool) -> Result<String> {
    let token = secrets::generate("er_");
    let at = now();
    erasure_request::ActiveModel {
        id: Set(new_id()),
        person_id: Set(person_id),
        token_hash: Set(secrets::hash(&token)),
        certificates: Set(certificates),
        created_at: Set(at),
        expires_at: Set(at + REQUEST_LIFETIME),
    }
    .insert(conn)
    .await?;
    Ok(token)
}

/// The live request with this link, if any.
pub async fn live_request(conn: &impl ConnectionTrait, token: &str) -> Result<Option<erasure_request::Model>> {
    Ok(erasure_request::Entity::find()
        .filter(erasure_request::Column::TokenHash.eq(secrets::hash(token)))
        .filter(erasure_request::Column::ExpiresAt.gt(now()))
        .one(conn)
        .await?)
}

/// The person's address is an erased one (nothing is sent there).
pub fn is_erased_address(email: &Email) -> bool {
    email.as_str().ends_with(&format!("@{ERASED_DOMAIN}"))
}

/// What erasure removes beyond the person's row and registrations (which
/// the export of "my trainings" lists itself), for their copy of their data:
/// their registrations' proposed details and cancellation reasons, their
/// certificates as issued, the messages sent to them, the audit entries
/// about them, and their sign-in links and sessions.
pub async fn export(conn: &impl ConnectionTrait, person: &person::Model) -> Result<serde_json::Value> {
    use serde_json::json;
    let registrations = registration::Entity::find()
        .filter(registration::Column::PersonId.eq(person.id))
        .all(conn)
        .await?;
    let ids: Vec<Uuid> = registrations.iter().map(|r| r.id).collect();
    let certificates = certificate::Entity::find()
        .filter(certificate::Column::RegistrationId.is_in(ids.clone()))
        .all(conn)
        .await?;
    // Their organisation's: the same address at another is another person
    // (session 27's privacy round found that one's links here).
    let messages = match &person.email {
        Some(address) => {
            outbox::Entity::find()
                .filter(outbox::Column::Recipient.eq(address.as_str()))
                .filter(outbox::Column::OrganisationId.eq(person.organisation_id))
                .all(conn)
                .await?
        }
        None => Vec::new(),
    };
    let marks = attendance::Entity::find()
        .filter(attendance::Column::RegistrationId.is_in(ids.clone()))
        .all(conn)
        .await?;
    let meetings: std::collections::HashMap<Uuid, meeting::Model> = meeting::Entity::find()
        .filter(meeting::Column::Id.is_in(marks.iter().map(|m| m.meeting_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let completions = completion::Entity::find()
        .filter(completion::Column::RegistrationId.is_in(ids.clone()))
        .all(conn)
        .await?;
    let walk_ins = outreach_walk_in::Entity::find()
        .filter(walk_ins_of(person, &names_of(conn, person).await?.names))
        .all(conn)
        .await?;
    let audit = audit_entry::Entity::find()
        .filter(
            audit_entry::Column::Entity
                .eq("person")
                .and(audit_entry::Column::EntityId.eq(person.id))
                .or(audit_entry::Column::Entity
                    .eq("registration")
                    .and(audit_entry::Column::EntityId.is_in(ids))),
        )
        .all(conn)
        .await?;
    let links = sign_in_link::Entity::find()
        .filter(sign_in_link::Column::PersonId.eq(person.id))
        .all(conn)
        .await?;
    let sessions = person_session::Entity::find()
        .filter(person_session::Column::PersonId.eq(person.id))
        .all(conn)
        .await?;
    Ok(json!({
        "registration_details": registrations.iter().map(|r| json!({
            "id": r.id,
            "proposed_details": r.proposed_details.as_deref().and_then(|d| serde_json::from_str::<serde_json::Value>(d).ok()),
            // Given for the course's accrediting body's register (issue 20).
            "body_identifier": r.body_identifier,
            "cancel_reason": r.cancel_reason,
        })).collect::<Vec<_>>(),
        "certificates": certificates.iter().map(|c| json!({
            "number": c.number,
            "holder_name": c.holder_name,
            "holder_email": c.holder_email,
            "course": c.course_title,
            "issued_at": c.issued_at,
            "issued_on": c.issued_on,
            "revoked_at": c.revoked_at,
            "withdrawn_at": c.withdrawn_at,
        })).collect::<Vec<_>>(),
        "messages": messages.iter().map(|m| json!({
            "kind": m.kind,
            "recipient": m.recipient,
            "recipient_name": m.recipient_name,
            "status": m.status,
            "created_at": m.created_at,
            "sent_at": m.sent_at,
            "data": serde_json::from_str::<serde_json::Value>(&m.data).ok().map(without_keys),
        })).collect::<Vec<_>>(),
        "audit_entries": audit.iter().map(|a| json!({
            "at": a.at,
            "action": a.action,
            "details": serde_json::from_str::<serde_json::Value>(&a.details).ok(),
        })).collect::<Vec<_>>(),
        // Marked by the trainers, meeting by meeting, and what they came to.
        "attendance": marks.iter().map(|m| json!({
            "registration_id": m.registration_id,
            "meeting_starts_at": meetings.get(&m.meeting_id).map(|meeting| meeting.starts_at),
            "status": m.status,
            "minutes": m.minutes,
            "source": m.source,
            "updated_at": m.updated_at,
        })).collect::<Vec<_>>(),
        "completions": completions.iter().map(|c| json!({
            "registration_id": c.registration_id,
            "attended_minutes": c.attended_minutes,
            "required_minutes": c.required_minutes,
            "completed": c.completed,
        })).collect::<Vec<_>>(),
        "outreach_walk_ins": walk_ins.iter().map(|w| json!({
            "name": w.name, "email": w.email, "created_at": w.created_at,
        })).collect::<Vec<_>>(),
        "sign_in_links": links.iter().map(|l| json!({"created_at": l.created_at, "expires_at": l.expires_at, "used_at": l.used_at})).collect::<Vec<_>>(),
        "sessions": sessions.iter().map(|s| json!({"created_at": s.created_at, "expires_at": s.expires_at})).collect::<Vec<_>>(),
    }))
}

/// What a message's data carries that opens something: its personal links
/// (confirm, manage or cancel a registration, sign in, answer a survey,
/// download a certificate, confirm an erasure) and check-in codes.
const KEYS: [&str; 4] = ["path", "confirm_path", "manage_path", "code"];

/// A message's data for the person's own copy, its keys [`KEYS`] withheld:
/// a downloaded file is forwarded and kept, and the links in it still
/// worked (session 26's isolation round found a live sign-in link there).
/// The e-mails themselves already gave them to the person.
fn without_keys(mut data: serde_json::Value) -> serde_json::Value {
    if let Some(fields) = data.as_object_mut() {
        for key in KEYS {
            if let Some(value) = fields.get_mut(key) {
                *value = serde_json::Value::String("withheld".into());
            }
        }
    }
    data
}

// ----- expiry ------------------------------------------------------------------

/// The retention periods an administrator set, each category without a
/// row at its default (per instance: an `organisation_id` becomes their key
/// when organisations have their own).
pub async fn periods(conn: &impl ConnectionTrait) -> Result<RetentionPeriods> {
    let rows = retention_period::Entity::find().all(conn).await?;
    Ok(RetentionPeriods::from_stored(
        rows.into_iter().map(|r| (r.category, r.days)),
    ))
}

/// Saves every period, audited with the old and new values.
pub async fn set_periods(conn: &impl ConnectionTrait, actor: &Actor, periods: &RetentionPeriods) -> Result<()> {
    let before = self::periods(conn).await?;
    let at = now();
    for (category, days) in periods.iter() {
        let row = retention_period::ActiveModel {
            category: Set(category),
            days: Set(i32::try_from(days).unwrap_or(i32::MAX)),
            updated_at: Set(at),
        };
        retention_period::Entity::insert(row)
            .on_conflict(
                OnConflict::column(retention_period::Column::Category)
                    .update_columns([retention_period::Column::Days, retention_period::Column::UpdatedAt])
                    .to_owned(),
            )
            .exec(conn)
            .await?;
    }
    let changes: serde_json::Map<String, serde_json::Value> = periods
        .iter()
        .filter(|(category, days)| before.days(*category) != *days)
        .map(|(category, days)| {
            (
                category.as_str().to_owned(),
                serde_json::json!({"from": before.days(category), "to": days}),
            )
        })
        .collect();
    audit::record(conn, actor, "retention.periods", "retention", None, changes.into()).await
}

/// Pending registrations created on or before `cutoff` (their period has
/// run out at `cutoff + period`, the exact instant included), at most `limit`.
pub async fn expired_pending(conn: &impl ConnectionTrait, cutoff: DateTime<Utc>, limit: u64) -> Result<Vec<Uuid>> {
    Ok(registration::Entity::find()
        .select_only()
        .column(registration::Column::Id)
        .filter(registration::Column::Status.eq(aula_domain::RegistrationStatus::Pending))
        .filter(registration::Column::CreatedAt.lte(cutoff))
        .limit(limit)
        .into_tuple()
        .all(conn)
        .await?)
}

/// Deletes these registrations if they are still pending (so that of two
/// processes, one deletes each), with the audit details about them.
/// Returns how many it deleted.
pub async fn delete_pending(conn: &impl ConnectionTrait, ids: &[Uuid]) -> Result<u64> {
    let deleted = registration::Entity::delete_many()
        .filter(registration::Column::Id.is_in(ids.to_vec()))
        .filter(registration::Column::Status.eq(aula_domain::RegistrationStatus::Pending))
        .exec(conn)
        .await?
        .rows_affected;
    audit_entry::Entity::update_many()
        .col_expr(audit_entry::Column::Details, Expr::val("{\"erased\":true}"))
        .filter(audit_entry::Column::Entity.eq("registration"))
        .filter(audit_entry::Column::EntityId.is_in(ids.to_vec()))
        .exec(conn)
        .await?;
    Ok(deleted)
}

/// People not yet erased whose last activity was on or before `cutoff`:
/// created then, with no session of theirs ending after it. With
/// `registered: false`, only those with no registration at all.
pub async fn expired_people(
    conn: &impl ConnectionTrait,
    cutoff: DateTime<Utc>,
    registered: bool,
    limit: u64,
) -> Result<Vec<Uuid>> {
    Ok(inactive_people(cutoff, registered)
        .select_only()
        .column(person::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(conn)
        .await?)
}

fn inactive_people(cutoff: DateTime<Utc>, registered: bool) -> sea_orm::Select<person::Entity> {
    use crate::entities::session;
    use sea_orm::sea_query::Query;
    let mut later = Query::select();
    later
        .expr(Expr::val(1))
        .from(registration::Entity)
        .inner_join(
            session::Entity,
            Expr::col((session::Entity, session::Column::Id))
                .equals((registration::Entity, registration::Column::SessionId)),
        )
        .and_where(
            Expr::col((registration::Entity, registration::Column::PersonId))
                .equals((person::Entity, person::Column::Id)),
        );
    if registered {
        // A session with no meetings yet has not ended (unless cancelled):
        // its people are kept (`ends_at > cutoff` alone is NULL for it).
        let ends_at = Expr::col((session::Entity, session::Column::EndsAt));
        later.and_where(
            ends_at.clone().gt(cutoff).or(ends_at
                .is_null()
                .and(Expr::col((session::Entity, session::Column::Status)).ne(SessionStatus::Cancelled))),
        );
    }
    person::Entity::find()
        .filter(person::Column::ErasedAt.is_null())
        .filter(person::Column::CreatedAt.lte(cutoff))
        .filter(Expr::exists(later).not())
}

/// The messages whose bodies are past their period at `cutoff`: sent on or
/// before it, or never to be sent (dropped, failed) and written on or
/// before it. The unsent ones kept their bodies, links and all, for ever
/// (session 27's privacy round).
fn bodies_due(cutoff: DateTime<Utc>) -> SimpleExpr {
    use aula_domain::MessageStatus::{Dropped, Failed, Sent};
    outbox::Column::Status
        .eq(Sent)
        .and(outbox::Column::SentAt.lte(cutoff))
        .or(outbox::Column::Status
            .is_in([Dropped, Failed])
            .and(outbox::Column::CreatedAt.lte(cutoff)))
        .and(outbox::Column::Data.ne("{}"))
}

/// Empties the bodies of the messages past their period at `cutoff`
/// ([`bodies_due`]), and their last error (a server's answer quotes the
/// address); a failed one is dropped, as it can no longer be sent again.
/// Returns how many.
pub async fn clear_sent_bodies(conn: &impl ConnectionTrait, cutoff: DateTime<Utc>) -> Result<u64> {
    use aula_domain::MessageStatus::{Dropped, Failed};
    let status = Expr::case(outbox::Column::Status.eq(Failed), Expr::val(Dropped.as_str()))
        .finally(Expr::col(outbox::Column::Status));
    Ok(outbox::Entity::update_many()
        .col_expr(outbox::Column::Data, Expr::val("{}"))
        .col_expr(outbox::Column::LastError, Expr::val(Option::<String>::None))
        .col_expr(outbox::Column::Status, status.into())
        .filter(bodies_due(cutoff))
        .exec(conn)
        .await?
        .rows_affected)
}

/// Deletes at most `limit` rows of a table whose `at` is on or before
/// `cutoff` (one batch of a retention round); returns how many.
async fn delete_batch<C>(conn: &impl ConnectionTrait, id: C, at: C, cutoff: DateTime<Utc>, limit: u64) -> Result<u64>
where
    C: ColumnTrait,
    C::EntityName: EntityTrait,
{
    let ids: Vec<Uuid> = C::EntityName::find()
        .select_only()
        .column(id)
        .filter(at.lte(cutoff))
        .limit(limit)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(C::EntityName::delete_many()
        .filter(id.is_in(ids))
        .exec(conn)
        .await?
        .rows_affected)
}

/// Sign-in links, "my trainings" sessions and staff sessions that expired
/// on or before `cutoff`, at most `limit` of each: deleted. Returns how many.
pub async fn delete_old_sign_ins(conn: &impl ConnectionTrait, cutoff: DateTime<Utc>, limit: u64) -> Result<u64> {
    use crate::entities::{person_session as trainee, sign_in_link as link, web_session as staff};
    let links = delete_batch(conn, link::Column::Id, link::Column::ExpiresAt, cutoff, limit).await?;
    let trainees = delete_batch(conn, trainee::Column::Id, trainee::Column::ExpiresAt, cutoff, limit).await?;
    let staff_sessions = delete_batch(conn, staff::Column::Id, staff::Column::ExpiresAt, cutoff, limit).await?;
    Ok(links + trainees + staff_sessions)
}

/// Walk-ins written down on or before `cutoff`, at most `limit`: deleted
/// (issue 20); their activity's head count stays.
pub async fn delete_old_walk_ins(conn: &impl ConnectionTrait, cutoff: DateTime<Utc>, limit: u64) -> Result<u64> {
    use crate::entities::outreach_walk_in as walk_in;
    delete_batch(conn, walk_in::Column::Id, walk_in::Column::CreatedAt, cutoff, limit).await
}

/// Audit entries written on or before `cutoff`, at most `limit`: deleted.
pub async fn delete_old_audit(conn: &impl ConnectionTrait, cutoff: DateTime<Utc>, limit: u64) -> Result<u64> {
    delete_batch(conn, audit_entry::Column::Id, audit_entry::Column::At, cutoff, limit).await
}

/// Certificates issued on or before `cutoff` and still naming their holder,
/// at most `limit`: withdrawn like a holder's request withdraws them (the
/// row stays for the figures, without the holder). Returns how many.
pub async fn withdraw_old_certificates(conn: &impl ConnectionTrait, cutoff: DateTime<Utc>, limit: u64) -> Result<u64> {
    let registrations: Vec<Uuid> = certificate::Entity::find()
        .select_only()
        .column(certificate::Column::RegistrationId)
        .filter(certificate::Column::IssuedAt.lte(cutoff))
        .filter(certificate::Column::WithdrawnAt.is_null())
        .limit(limit)
        .into_tuple()
        .all(conn)
        .await?;
    withdraw_certificates(conn, &registrations, now()).await
}

/// How many records of each category are past their period at `now`: what
/// the next runs of the expiry job will erase, for the records of processing.
pub async fn due(
    conn: &impl ConnectionTrait,
    periods: &RetentionPeriods,
    now: DateTime<Utc>,
) -> Result<Vec<(RetentionCategory, u64)>> {
    use crate::entities::web_session;
    use sea_orm::PaginatorTrait;
    let cutoff = |category| now - periods.duration(category);
    let mut due = Vec::new();
    for category in RetentionCategory::ALL {
        let at = cutoff(*category);
        let count = match category {
            RetentionCategory::PendingRegistrations => {
                registration::Entity::find()
                    .filter(registration::Column::Status.eq(aula_domain::RegistrationStatus::Pending))
                    .filter(registration::Column::CreatedAt.lte(at))
                    .count(conn)
                    .await?
            }
            RetentionCategory::InactivePeople => inactive_people(at, true).count(conn).await?,
            RetentionCategory::SentMailBodies => outbox::Entity::find().filter(bodies_due(at)).count(conn).await?,
            RetentionCategory::SignInRecords => {
                sign_in_link::Entity::find()
                    .filter(sign_in_link::Column::ExpiresAt.lte(at))
                    .count(conn)
                    .await?
                    + person_session::Entity::find()
                        .filter(person_session::Column::ExpiresAt.lte(at))
                        .count(conn)
                        .await?
                    + web_session::Entity::find()
                        .filter(web_session::Column::ExpiresAt.lte(at))
                        .count(conn)
                        .await?
            }
            RetentionCategory::AuditEntries => {
                audit_entry::Entity::find()
                    .filter(audit_entry::Column::At.lte(at))
                    .count(conn)
                    .await?
            }
            RetentionCategory::WalkIns => {
                crate::entities::outreach_walk_in::Entity::find()
                    .filter(crate::entities::outreach_walk_in::Column::CreatedAt.lte(at))
                    .count(conn)
                    .await?
            }
            RetentionCategory::Certificates => {
                certificate::Entity::find()
                    .filter(certificate::Column::IssuedAt.lte(at))
                    .filter(certificate::Column::WithdrawnAt.is_null())
                    .count(conn)
                    .await?
            }
        };
        due.push((*category, count));
    }
    Ok(due)
}
