//! Certificates: issued only to eligible registrations, once each, as an
//! immutable snapshot, numbered per accrediting body (or Aula's own series)
//! and year without gaps, with a verification code for anyone to check.
//!
//! Eligibility: the session is completed, its fixed completion says the
//! registration completed, the registration is still confirmed, and the
//! survey is answered where the course requires it.

use aula_domain::{OrganisationId, Problem, RegistrationStatus, SessionStatus, SessionTimeZone};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set, Statement,
};
use uuid::Uuid;

use crate::entities::{
    accreditation_body, certificate, certificate_counter, completion, organisation, person, registration, session,
};
use crate::sessions::SessionRecord;
use crate::{Actor, Page, Paged, Result, StorageError, audit, found, new_id, secrets};

/// Why a registration has, or has not, a right to a certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Eligibility {
    Eligible,
    SessionNotCompleted,
    NotCompleted,
    Cancelled,
    SurveyMissing,
}

impl Eligibility {
    pub fn key(self) -> &'static str {
        match self {
            Eligibility::Eligible => "certificate-eligible",
            Eligibility::SessionNotCompleted => "error-certificate-session-not-completed",
            Eligibility::NotCompleted => "error-certificate-not-completed",
            Eligibility::Cancelled => "error-certificate-cancelled",
            Eligibility::SurveyMissing => "error-certificate-survey",
        }
    }
}

pub async fn eligibility(
    conn: &impl ConnectionTrait,
    record: &SessionRecord,
    registration: &registration::Model,
) -> Result<Eligibility> {
    if record.status() != SessionStatus::Completed {
        return Ok(Eligibility::SessionNotCompleted);
    }
    let completed = completion::Entity::find_by_id(registration.id)
        .one(conn)
        .await?
        .is_some_and(|c| c.completed);
    let answered = || crate::surveys::answered(conn, registration.id);
    let survey_missing = record.survey_required() && completed && !answered().await?;
    Ok(Eligibility::of(registration.status, completed, survey_missing))
}

impl Eligibility {
    /// A registration's standing in a completed session: still confirmed,
    /// completed by its attendance, survey answered where required.
    pub fn of(status: RegistrationStatus, completed: bool, survey_missing: bool) -> Eligibility {
        if status != RegistrationStatus::Confirmed {
            Eligibility::Cancelled
        } else if !completed {
            Eligibility::NotCompleted
        } else if survey_missing {
            Eligibility::SurveyMissing
        } else {
            Eligibility::Eligible
        }
    }
}

/// One participant of a session as issuing would judge them now.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub registration: registration::Model,
    pub person: person::Model,
    /// Minutes attended: the fixed completion's once the session is
    /// completed, else what the marks say so far.
    pub attended_minutes: i32,
    /// Minutes needed: the course's minimum share of the session's minutes.
    pub required_minutes: i32,
    /// Whether the survey is answered, where the course requires it.
    pub survey_answered: Option<bool>,
    /// The standing, as if the session were completed now
    /// ([`Eligibility::SessionNotCompleted`] is for the whole session).
    pub eligibility: Eligibility,
    /// The number of the certificate already issued, if any.
    pub issued: Option<String>,
}

/// Everyone a session's certificates concern — its confirmed participants
/// and those who took part then cancelled — with whether each qualifies and
/// why not, ordered by name; a fixed number of queries.
pub async fn candidates(conn: &impl ConnectionTrait, record: &SessionRecord) -> Result<Vec<Candidate>> {
    let session_id = record.session.id;
    let registrations = registration::Entity::find()
        .filter(registration::Column::SessionId.eq(session_id))
        .filter(
            sea_orm::Condition::any()
                .add(registration::Column::Status.eq(RegistrationStatus::Confirmed))
                .add(registration::Column::AttendedMeetings.gt(0)),
        )
        .all(conn)
        .await?;
    let ids: Vec<Uuid> = registrations.iter().map(|r| r.id).collect();
    let person_ids = registrations.iter().map(|r| r.person_id).collect();
    let people = crate::by_id(conn, person::Column::Id, person_ids, |p| p.id).await?;
    let completions: std::collections::HashMap<Uuid, completion::Model> = completion::Entity::find()
        .filter(completion::Column::SessionId.eq(session_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.registration_id, c))
        .collect();
    let issued: std::collections::HashMap<Uuid, String> = certificate::Entity::find()
        .filter(certificate::Column::SessionId.eq(session_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.registration_id, c.number))
        .collect();
    let survey_required = record.survey_required();
    let answered = if survey_required {
        crate::surveys::answered_among(conn, &ids).await?
    } else {
        Default::default()
    };
    let percent = u8::try_from(record.course.course.minimum_attendance_percent.clamp(0, 100)).unwrap_or(100);
    let session_minutes = u64::try_from(record.session.minutes.max(0)).unwrap_or(0);
    let provisional_required =
        i32::try_from(aula_domain::attendance::required_minutes(session_minutes, percent)).unwrap_or(i32::MAX);
    let mut out: Vec<Candidate> = registrations
        .into_iter()
        .filter_map(|registration| {
            let person = people.get(&registration.person_id)?.clone();
            let (attended, required, completed) = match completions.get(&registration.id) {
                Some(c) => (c.attended_minutes, c.required_minutes, c.completed),
                None => (
                    registration.attended_minutes,
                    provisional_required,
                    registration.attended_minutes >= provisional_required && provisional_required > 0,
                ),
            };
            let survey_answered = survey_required.then(|| answered.contains(&registration.id));
            let eligibility = Eligibility::of(registration.status, completed, survey_answered == Some(false));
            Some(Candidate {
                issued: issued.get(&registration.id).cloned(),
                registration,
                person,
                attended_minutes: attended,
                required_minutes: required,
                survey_answered,
                eligibility,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.person.family_name, &a.person.given_name).cmp(&(&b.person.family_name, &b.person.given_name))
    });
    Ok(out)
}

/// 128 random bits written for people: Crockford's base 32 (no I, L, O or
/// U), in groups of four.
pub fn generate_code() -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let mut value = u128::from_be_bytes(bytes);
    // 26 characters of 5 bits hold 130 bits: every one of the 128 is kept.
    let mut chars = Vec::with_capacity(26);
    for _ in 0..26 {
        chars.push(ALPHABET[(value & 31) as usize]);
        value >>= 5;
    }
    chars
        .chunks(4)
        .map(|group| group.iter().map(|b| char::from(*b)).collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as a person may type it: lower case, spaces or no dashes, and the
/// letters that look like digits.
pub fn normalise_code(input: &str) -> String {
    let compact: String = input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect();
    compact
        .as_bytes()
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// The next number of `series` in `year`: the counter's row is locked by
/// the increment until the issuing transaction ends, so concurrent issuing
/// waits its turn and a rolled-back issue gives its number back.
async fn next_number(conn: &impl ConnectionTrait, series: &str, year: i32) -> Result<i32> {
    certificate_counter::Entity::insert(certificate_counter::ActiveModel {
        series: Set(series.to_owned()),
        year: Set(year),
        last: Set(0),
    })
    .on_conflict_do_nothing_on([certificate_counter::Column::Series, certificate_counter::Column::Year])
    .exec(conn)
    .await?;
    let backend = conn.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => {
            "UPDATE certificate_counters SET last = last + 1 WHERE series = $1 AND year = $2 RETURNING last"
        }
        _ => "UPDATE certificate_counters SET last = last + 1 WHERE series = ? AND year = ? RETURNING last",
    };
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [series.into(), year.into()],
        ))
        .await?
        .ok_or(StorageError::NotFound)?;
    Ok(row.try_get::<i32>("", "last")?)
}

fn local_day(at: DateTime<Utc>, zone: SessionTimeZone) -> NaiveDate {
    zone.local(at).date()
}

/// Issues a certificate to every eligible registration of the completed
/// session that has none yet; returns the new ones (none when run again).
pub async fn issue_for_session(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    record: &SessionRecord,
    issuer: &crate::issuer::IssuerSnapshot,
    at: DateTime<Utc>,
) -> Result<Vec<certificate::Model>> {
    if record.status() != SessionStatus::Completed {
        return Err(StorageError::Conflict(Problem::new(
            Eligibility::SessionNotCompleted.key(),
        )));
    }
    let completions = completion::Entity::find()
        .filter(completion::Column::SessionId.eq(record.session.id))
        .filter(completion::Column::Completed.eq(true))
        .all(conn)
        .await?;
    let body = match record.course.course.accreditation_body_id {
        Some(id) => accreditation_body::Entity::find_by_id(id).one(conn).await?,
        None => None,
    };
    let series = body.as_ref().map_or_else(|| "AULA".to_owned(), |b| b.code.clone());
    let zone = record.session.time_zone;
    let starts_on = record
        .meetings
        .first()
        .map_or(at.date_naive(), |m| local_day(m.starts_at, zone));
    let ends_on = record
        .meetings
        .last()
        .map_or(at.date_naive(), |m| local_day(m.ends_at, zone));
    let place = record
        .venue
        .as_ref()
        .map(|(v, region)| format!("{}, {} ({})", v.name, v.city, region.name));
    // The day at the session's place: the UTC day said the day before of a
    // certificate issued in Madrid just after midnight.
    let issued_on = local_day(at, zone);
    let planned: u32 = record.meetings.iter().map(crate::attendance::meeting_minutes).sum();
    let planned = i32::try_from(planned).unwrap_or(i32::MAX);
    let mut issued = Vec::new();
    for done in completions {
        let exists = certificate::Entity::find()
            .filter(certificate::Column::RegistrationId.eq(done.registration_id))
            .count(conn)
            .await?
            > 0;
        if exists {
            continue;
        }
        let Some(registration) = registration::Entity::find_by_id(done.registration_id).one(conn).await? else {
            continue;
        };
        if eligibility(conn, record, &registration).await? != Eligibility::Eligible {
            continue;
        }
        let person = found(conn, person::Entity::find_by_id(registration.person_id)).await?;
        // Someone erased while the session was under way keeps a place that
        // is counted, and gets no certificate: it would name nobody, and its
        // e-mail would go to the erased address (found by reviewing session
        // 23's mail fix).
        if person.erased_at.is_some() {
            continue;
        }
        // Numbered in the year of the day printed on it.
        let number = next_number(conn, &series, issued_on.year()).await?;
        let status_index = free_status_index(conn).await?;
        let row = certificate::ActiveModel {
            id: Set(new_id()),
            registration_id: Set(registration.id),
            session_id: Set(record.session.id),
            course_id: Set(record.course.course.id),
            accreditation_body_id: Set(body.as_ref().map(|b| b.id)),
            number: Set(format!("{series}-{}-{number:06}", issued_on.year())),
            verification_code: Set(generate_code()),
            holder_name: Set(format!("{} {}", person.given_name, person.family_name)),
            // Empty for someone without e-mail (issue 20), as for the erased.
            holder_email: Set(person.email.clone().unwrap_or_default()),
            salt: Set(secrets::generate("")),
            language: Set(person.language),
            course_title: Set(record.course.course.title.clone()),
            course_summary: Set(record.course.course.summary.clone()),
            attended_minutes: Set(done.attended_minutes),
            nominal_minutes: Set(record.course.course.minutes),
            starts_on: Set(starts_on),
            ends_on: Set(ends_on),
            modality: Set(record.course.course.modality),
            place: Set(place.clone()),
            body_name: Set(body.as_ref().map(|b| b.name.clone())),
            credits_hundredths: Set(record.course.course.credits_hundredths),
            recognised_minutes: Set(record.course.course.recognised_minutes),
            issuer_name: Set(issuer.legal_name.clone()),
            issued_at: Set(at),
            issued_on: Set(issued_on),
            revoked_at: Set(None),
            revoked_reason: Set(None),
            withdrawn_at: Set(None),
            status_index: Set(Some(status_index)),
            planned_minutes: Set(Some(planned)),
            issuer_address: Set(issuer.address.clone()),
            issuer_website: Set(issuer.website.clone()),
            issuer_logo_sha256: Set(issuer.logo_sha256.clone()),
            signatory_name: Set(issuer.signatory_name.clone()),
            signatory_title: Set(issuer.signatory_title.clone()),
            signature_sha256: Set(issuer.signature_sha256.clone()),
            accreditor_logo_sha256: Set(issuer.accreditor_logo_sha256.clone()),
            outcomes: Set(issuer.outcomes.clone()),
            funders: Set(issuer.funders.clone()),
            funder_logos: Set(issuer.funder_logos.clone()),
        }
        .insert(conn)
        .await?;
        audit::record(
            conn,
            actor,
            "issue",
            "certificate",
            Some(row.id),
            serde_json::json!({"number": row.number, "registration_id": row.registration_id}),
        )
        .await?;
        issued.push(row);
    }
    Ok(issued)
}

/// Bits in one revocation status list (`aula_documents::credential::LIST_BITS`).
pub const STATUS_LIST_BITS: i32 = 131_072;

/// A free place in the status lists, drawn at random, so that a place says
/// nothing of when a certificate was issued or to whom. Lists are kept at
/// most half full: the draw is among the places of list `issued / (half a
/// list)`, where each try finds a free place with odds of one half at
/// least. Two transactions drawing the same place at once: the unique index
/// refuses the second (odds of one in tens of thousands).
async fn free_status_index(conn: &impl ConnectionTrait) -> Result<i32> {
    let issued = certificate::Entity::find()
        .filter(certificate::Column::StatusIndex.is_not_null())
        .count(conn)
        .await?;
    let list = i32::try_from(issued / (STATUS_LIST_BITS as u64 / 2)).unwrap_or(0);
    let first = list.saturating_mul(STATUS_LIST_BITS);
    loop {
        let candidate = first + (rand::rng().next_u32() % STATUS_LIST_BITS as u32) as i32;
        let taken = certificate::Entity::find()
            .filter(certificate::Column::StatusIndex.eq(candidate))
            .count(conn)
            .await?
            > 0;
        if !taken {
            return Ok(candidate);
        }
    }
}

/// Certificates without a place in the status lists get one: those issued
/// before the lists (run after the migrations, in their transaction) and
/// those the demo's bulk loader writes. The places taken are read once;
/// the draw is in memory, as `free_status_index` does it.
pub async fn backfill_status_indexes(conn: &impl ConnectionTrait) -> Result<()> {
    let missing: Vec<Uuid> = certificate::Entity::find()
        .select_only()
        .column(certificate::Column::Id)
        .filter(certificate::Column::StatusIndex.is_null())
        .order_by_asc(certificate::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    if missing.is_empty() {
        return Ok(());
    }
    let taken: Vec<Option<i32>> = certificate::Entity::find()
        .select_only()
        .column(certificate::Column::StatusIndex)
        .filter(certificate::Column::StatusIndex.is_not_null())
        .into_tuple()
        .all(conn)
        .await?;
    let mut taken: std::collections::HashSet<i32> = taken.into_iter().flatten().collect();
    let mut places = Vec::with_capacity(missing.len());
    for id in missing {
        let list = i32::try_from(taken.len() / (STATUS_LIST_BITS as usize / 2)).unwrap_or(0);
        let first = list.saturating_mul(STATUS_LIST_BITS);
        let index = loop {
            let candidate = first + (rand::rng().next_u32() % STATUS_LIST_BITS as u32) as i32;
            if taken.insert(candidate) {
                break candidate;
            }
        };
        places.push((id, index));
    }
    // One statement per 500 rows: `SET status_index = CASE id WHEN ... END`.
    for chunk in places.chunks(500) {
        let mut case = sea_orm::sea_query::CaseStatement::new();
        for (id, index) in chunk {
            case = case.case(certificate::Column::Id.eq(*id), Expr::value(*index));
        }
        certificate::Entity::update_many()
            .col_expr(certificate::Column::StatusIndex, case.into())
            .filter(certificate::Column::Id.is_in(chunk.iter().map(|(id, _)| *id)))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// The certificates of `organisation`'s sessions, or every one for `None`.
fn issued_by(organisation: Option<OrganisationId>) -> sea_orm::Condition {
    let mut cond = sea_orm::Condition::all();
    if let Some(org) = organisation {
        cond = cond.add(
            certificate::Column::SessionId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(session::Column::Id)
                    .from(session::Entity)
                    .and_where(session::Column::OrganisationId.eq(org.uuid()))
                    .to_owned(),
            ),
        );
    }
    cond
}

/// The set bits of revocation status list `list` of `organisation` (of
/// the instance, holding every certificate, for `None`): the places of its
/// certificates that were revoked or withdrawn (no longer valid, as
/// verification says).
pub async fn revoked_bits(
    conn: &impl ConnectionTrait,
    organisation: Option<OrganisationId>,
    list: i32,
) -> Result<Vec<u32>> {
    let first = list.saturating_mul(STATUS_LIST_BITS);
    let rows: Vec<Option<i32>> = certificate::Entity::find()
        .select_only()
        .column(certificate::Column::StatusIndex)
        .filter(certificate::Column::StatusIndex.gte(first))
        .filter(certificate::Column::StatusIndex.lt(first.saturating_add(STATUS_LIST_BITS)))
        .filter(
            sea_orm::Condition::any()
                .add(certificate::Column::RevokedAt.is_not_null())
                .add(certificate::Column::WithdrawnAt.is_not_null()),
        )
        .filter(issued_by(organisation))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .flatten()
        .filter_map(|index| u32::try_from(index - first).ok())
        .collect())
}

/// One certificate of the session (the achievement its certificates attest
/// is read from its snapshot), the first issued; none when the session is
/// not `organisation`'s.
pub async fn any_of_session(
    conn: &impl ConnectionTrait,
    organisation: Option<OrganisationId>,
    session_id: Uuid,
) -> Result<Option<certificate::Model>> {
    Ok(certificate::Entity::find()
        .filter(certificate::Column::SessionId.eq(session_id))
        .filter(issued_by(organisation))
        .order_by_asc(certificate::Column::Id)
        .one(conn)
        .await?)
}

/// The organisation that issued `c`: its session's.
pub async fn issuing_organisation(conn: &impl ConnectionTrait, c: &certificate::Model) -> Result<organisation::Model> {
    let session = found(conn, session::Entity::find_by_id(c.session_id)).await?;
    crate::organisations::get(conn, OrganisationId::from_row(session.organisation_id)).await
}

pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<certificate::Model> {
    found(conn, certificate::Entity::find_by_id(id)).await
}

/// The certificate a verification code names, whatever way it was typed.
pub async fn by_code(conn: &impl ConnectionTrait, code: &str) -> Result<Option<certificate::Model>> {
    Ok(certificate::Entity::find()
        .filter(certificate::Column::VerificationCode.eq(normalise_code(code)))
        .one(conn)
        .await?)
}

/// The day `c` was revoked at its session's place, as its issue day is
/// (`issued_on`): a revocation just after midnight in Madrid said the day
/// before on the verification (session 26's review).
pub async fn revoked_on(conn: &impl ConnectionTrait, c: &certificate::Model) -> Result<Option<NaiveDate>> {
    let Some(at) = c.revoked_at else {
        return Ok(None);
    };
    let zone: Option<SessionTimeZone> = session::Entity::find_by_id(c.session_id)
        .select_only()
        .column(session::Column::TimeZone)
        .into_tuple()
        .one(conn)
        .await?;
    // Sessions are never deleted; were one missing, its UTC day.
    Ok(Some(zone.map_or_else(|| at.date_naive(), |zone| local_day(at, zone))))
}

/// Revokes with a reason (audited). Revoking twice is refused.
pub async fn revoke(conn: &impl ConnectionTrait, actor: &Actor, id: Uuid, reason: &str) -> Result<certificate::Model> {
    let at = crate::now();
    let result = certificate::Entity::update_many()
        .col_expr(certificate::Column::RevokedAt, Expr::value(at))
        .col_expr(certificate::Column::RevokedReason, Expr::value(reason))
        .filter(certificate::Column::Id.eq(id))
        .filter(certificate::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    if result.rows_affected != 1 {
        get(conn, id).await?;
        return Err(StorageError::Conflict(Problem::new("error-already-revoked")));
    }
    audit::record(
        conn,
        actor,
        "revoke",
        "certificate",
        Some(id),
        serde_json::json!({"reason": reason}),
    )
    .await?;
    get(conn, id).await
}

/// What a list of certificates is narrowed to.
#[derive(Clone, Debug, Default)]
pub struct CertificateFilter {
    /// An organiser sees only their organisation's (issue 17); an
    /// accreditor, their body's from every organisation.
    pub organisation: Option<OrganisationId>,
    /// An accreditor sees only their body's.
    pub body_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
    pub course_id: Option<Uuid>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub standing: Option<Standing>,
}

/// Where a certificate stands, as the verification page says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Neither revoked nor withdrawn.
    Valid,
    Revoked,
    /// Its holder asked to be erased (or its retention period ended): it
    /// no longer names anyone (issue 21).
    Withdrawn,
}

impl Standing {
    /// The filter's word (`valid`, `revoked`, `withdrawn`); another is refused.
    pub fn parse(word: &str) -> Option<Standing> {
        match word {
            "valid" => Some(Standing::Valid),
            "revoked" => Some(Standing::Revoked),
            "withdrawn" => Some(Standing::Withdrawn),
            _ => None,
        }
    }

    /// Where `c` stands; revoked first, as the list says, for one that is
    /// both.
    pub fn of(c: &certificate::Model) -> Standing {
        if c.revoked_at.is_some() {
            Standing::Revoked
        } else if c.withdrawn_at.is_some() {
            Standing::Withdrawn
        } else {
            Standing::Valid
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Valid => "valid",
            Standing::Revoked => "revoked",
            Standing::Withdrawn => "withdrawn",
        }
    }
}

fn filtered(filter: &CertificateFilter) -> sea_orm::Select<certificate::Entity> {
    let mut query = certificate::Entity::find().filter(issued_by(filter.organisation));
    if let Some(id) = filter.body_id {
        query = query.filter(certificate::Column::AccreditationBodyId.eq(id));
    }
    if let Some(id) = filter.session_id {
        query = query.filter(certificate::Column::SessionId.eq(id));
    }
    if let Some(id) = filter.course_id {
        query = query.filter(certificate::Column::CourseId.eq(id));
    }
    // By the day printed on them, which the lists show.
    if let Some(day) = filter.from {
        query = query.filter(certificate::Column::IssuedOn.gte(day));
    }
    if let Some(day) = filter.to {
        query = query.filter(certificate::Column::IssuedOn.lte(day));
    }
    match filter.standing {
        Some(Standing::Valid) => {
            query = query
                .filter(certificate::Column::RevokedAt.is_null())
                .filter(certificate::Column::WithdrawnAt.is_null())
        }
        Some(Standing::Revoked) => query = query.filter(certificate::Column::RevokedAt.is_not_null()),
        Some(Standing::Withdrawn) => query = query.filter(certificate::Column::WithdrawnAt.is_not_null()),
        None => {}
    }
    query
}

pub async fn list(
    conn: &impl ConnectionTrait,
    filter: &CertificateFilter,
    page: Page,
) -> Result<Paged<certificate::Model>> {
    let query = filtered(filter)
        .order_by_desc(certificate::Column::IssuedAt)
        .order_by_asc(certificate::Column::Number);
    let total = query.clone().count(conn).await?;
    let items = query.offset(page.offset()).limit(page.per_page).all(conn).await?;
    Ok(Paged { items, page, total })
}

/// Certificates in batches of `size` after `after` (for a streamed export:
/// memory stays one batch whatever the count).
pub async fn batch(
    conn: &impl ConnectionTrait,
    filter: &CertificateFilter,
    after: Option<Uuid>,
    size: u64,
) -> Result<Vec<certificate::Model>> {
    // Keyset pagination on the id (time-ordered UUIDv7): stable while issuing goes on.
    let mut query = filtered(filter).order_by_asc(certificate::Column::Id);
    if let Some(after) = after {
        query = query.filter(certificate::Column::Id.gt(after));
    }
    Ok(query.limit(size).all(conn).await?)
}

/// A person's certificates ("my trainings").
pub async fn for_person(conn: &impl ConnectionTrait, person_id: Uuid) -> Result<Vec<certificate::Model>> {
    let registrations: Vec<Uuid> = registration::Entity::find()
        .filter(registration::Column::PersonId.eq(person_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    Ok(certificate::Entity::find()
        .filter(certificate::Column::RegistrationId.is_in(registrations))
        .order_by_desc(certificate::Column::IssuedAt)
        .all(conn)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_grouped_and_forgiving() {
        let code = generate_code();
        assert_eq!(code.len(), 26 + 6, "{code}");
        assert!(!code.contains(['I', 'L', 'O', 'U']));
        assert_eq!(normalise_code(&code.to_lowercase().replace('-', " ")), code);
        assert_eq!(normalise_code("oi1l-abcd"), "0111-ABCD");
        assert_ne!(generate_code(), generate_code());
    }
}
