//! Courses: the catalogue's entries, with their audiences and accreditation.

use std::collections::HashMap;

use aula_domain::catalogue::CourseTexts;
use aula_domain::details::CourseDetails;
use aula_domain::{Audience, OrganisationId, Problem, fold_for_search};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde_json::json;
use uuid::Uuid;

use crate::db::Begin;
use crate::entities::{accreditation_body, course, course_audience, programme, session};
use crate::{
    Actor, Archived, Page, Paged, Result, StorageError, audit, bodies, by_id, found, new_id, now, programmes,
    replace_rows, sessions,
};

/// A course with what a reader of it needs beside its own row.
#[derive(Clone, Debug)]
pub struct CourseRecord {
    pub course: course::Model,
    pub audiences: Vec<Audience>,
    pub body: Option<accreditation_body::Model>,
    pub programme: Option<programme::Model>,
}

#[derive(Clone, Debug, Default)]
pub struct CourseFilter {
    /// Only this organisation's courses; staff lists always set it.
    pub organisation: Option<OrganisationId>,
    pub programme_id: Option<Uuid>,
    pub accreditation_body_id: Option<Uuid>,
    /// Whether archived courses are listed too (issue 20); the public
    /// catalogue never shows them.
    pub archived: Archived,
    /// The public catalogue: not a suspended organisation's courses.
    pub public_only: bool,
}

pub async fn list(conn: &impl ConnectionTrait, filter: &CourseFilter, page: Page) -> Result<Paged<CourseRecord>> {
    let mut query = course::Entity::find()
        .order_by_asc(course::Column::Title)
        .order_by_asc(course::Column::Id);
    if let Some(org) = filter.organisation {
        query = query.filter(course::Column::OrganisationId.eq(org.uuid()));
    }
    // Not a suspended organisation's courses, as not its sessions (issue
    // 17; session 26's attack round listed them).
    if filter.public_only {
        query = query.filter(course::Column::OrganisationId.not_in_subquery(crate::organisations::suspended_ids()));
    }
    if let Some(id) = filter.programme_id {
        query = query.filter(course::Column::ProgrammeId.eq(id));
    }
    if let Some(id) = filter.accreditation_body_id {
        query = query.filter(course::Column::AccreditationBodyId.eq(id));
    }
    query = query.filter(
        filter
            .archived
            .condition(course::Column::ArchivedAt, course::Column::Id),
    );
    let total = query.clone().count(conn).await?;
    let rows = query.offset(page.offset()).limit(page.per_page).all(conn).await?;
    let items = complete(conn, rows).await?;
    Ok(Paged { items, page, total })
}

/// The courses `archived` offers, by title, for choosing one in a form.
pub async fn choices(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    archived: Archived,
) -> Result<Vec<course::Model>> {
    Ok(course::Entity::find()
        .filter(course::Column::OrganisationId.eq(org.uuid()))
        .filter(archived.condition(course::Column::ArchivedAt, course::Column::Id))
        .order_by_asc(course::Column::Title)
        .limit(1000)
        .all(conn)
        .await?)
}

/// A course, whichever organisation's: for public pages.
pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<CourseRecord> {
    let row = found(conn, course::Entity::find_by_id(id)).await?;
    let mut records = complete(conn, vec![row]).await?;
    records.pop().ok_or(StorageError::NotFound)
}

/// One of `org`'s courses; another organisation's is not found.
pub async fn get_in(conn: &impl ConnectionTrait, org: OrganisationId, id: Uuid) -> Result<CourseRecord> {
    let row = found(
        conn,
        course::Entity::find_by_id(id).filter(course::Column::OrganisationId.eq(org.uuid())),
    )
    .await?;
    let mut records = complete(conn, vec![row]).await?;
    records.pop().ok_or(StorageError::NotFound)
}

/// Adds audiences, bodies and programmes to a page of courses, with one
/// query each rather than one per course.
pub(crate) async fn complete(conn: &impl ConnectionTrait, rows: Vec<course::Model>) -> Result<Vec<CourseRecord>> {
    let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
    let mut audiences: HashMap<Uuid, Vec<Audience>> = HashMap::new();
    for row in course_audience::Entity::find()
        .filter(course_audience::Column::CourseId.is_in(ids))
        .all(conn)
        .await?
    {
        audiences.entry(row.course_id).or_default().push(row.audience);
    }
    let body_ids: Vec<Uuid> = rows.iter().filter_map(|c| c.accreditation_body_id).collect();
    let bodies = by_id(conn, accreditation_body::Column::Id, body_ids, |b| b.id).await?;
    let programme_ids: Vec<Uuid> = rows.iter().filter_map(|c| c.programme_id).collect();
    let programmes = by_id(conn, programme::Column::Id, programme_ids, |p| p.id).await?;
    Ok(rows
        .into_iter()
        .map(|course| {
            let mut list = audiences.remove(&course.id).unwrap_or_default();
            list.sort();
            CourseRecord {
                audiences: list,
                body: course.accreditation_body_id.and_then(|id| bodies.get(&id).cloned()),
                programme: course.programme_id.and_then(|id| programmes.get(&id).cloned()),
                course,
            }
        })
        .collect())
}

/// Checks that the records a course points to exist, as field errors. An
/// archived programme takes no new course (issue 20); a course already in
/// it (`current`) keeps it.
async fn check_references(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    details: &CourseDetails,
    current: Option<Uuid>,
) -> Result<()> {
    if let Some(id) = details.programme_id {
        let programme = programmes::get(conn, org, id)
            .await
            .map_err(|e| not_found_as(e, "programme_id"))?;
        if programme.archived_at.is_some() && current != Some(id) {
            return Err(StorageError::invalid("programme_id", "error-programme-archived"));
        }
    }
    if let Some(accreditation) = &details.accreditation {
        bodies::get(conn, accreditation.body_id)
            .await
            .map_err(|e| not_found_as(e, "accreditation_body_id"))?;
    }
    Ok(())
}

/// An unknown id given in a field is the field's problem, not a missing page.
pub(crate) fn not_found_as(err: StorageError, field: &str) -> StorageError {
    match err {
        StorageError::NotFound => StorageError::invalid(field, "error-unknown-choice"),
        other => other,
    }
}

/// The course's fields from `details`, beside its `texts` in other languages.
fn apply(model: &mut course::ActiveModel, details: &CourseDetails, texts: &CourseTexts) {
    let accreditation = details.accreditation.as_ref();
    model.programme_id = Set(details.programme_id);
    model.title = Set(details.title.to_string());
    model.summary = Set(details.summary.to_string());
    model.objectives = Set(details.objectives.as_ref().map(ToString::to_string));
    model.minutes = Set(details.hours.minutes() as i32);
    model.modality = Set(details.modality);
    model.language = Set(details.language);
    model.commissioner = Set(details.commissioner.as_ref().map(ToString::to_string));
    model.accreditation_body_id = Set(accreditation.map(|a| a.body_id));
    model.credits_hundredths = Set(accreditation.and_then(|a| a.credits).map(|c| c.hundredths() as i32));
    model.recognised_minutes = Set(accreditation
        .and_then(|a| a.recognised_hours)
        .map(|h| h.minutes() as i32));
    model.minimum_attendance_percent = Set(details.minimum_attendance.get().into());
    model.survey_required = Set(accreditation.is_some_and(|a| a.survey_required));
    model.texts = Set(texts.clone());
    model.search_text = Set(search_text(
        details.title.as_str(),
        details.summary.as_str(),
        details.objectives.as_ref().map(|o| o.as_str()),
        texts,
    ));
    model.updated_at = Set(now());
}

/// What the catalogue's search reads: the course's words in every language it has.
fn search_text(title: &str, summary: &str, objectives: Option<&str>, texts: &CourseTexts) -> String {
    let mut words = format!("{title}\n{summary}\n{}", objectives.unwrap_or_default());
    for text in &texts.0 {
        words.push_str(&format!(
            "\n{}\n{}\n{}",
            text.title,
            text.summary,
            text.objectives.as_deref().unwrap_or_default()
        ));
    }
    fold_for_search(&words)
}

/// `had`: the course's audiences before, which it keeps even if retired.
async fn replace_audiences(
    conn: &impl ConnectionTrait,
    course_id: Uuid,
    audiences: &[Audience],
    had: &[Audience],
) -> Result<()> {
    crate::audiences::require_offered(conn, "audiences", audiences, |a| had.contains(a)).await?;
    let rows = audiences.iter().map(|a| course_audience::ActiveModel {
        course_id: Set(course_id),
        audience: Set(a.clone()),
    });
    replace_rows(conn, course_audience::Column::CourseId.eq(course_id), rows).await
}

fn snapshot(record: &course::Model, audiences: &[Audience]) -> serde_json::Value {
    json!({
        "title": record.title, "minutes": record.minutes, "modality": record.modality,
        "language": record.language, "programme_id": record.programme_id,
        "accreditation_body_id": record.accreditation_body_id, "credits_hundredths": record.credits_hundredths,
        "recognised_minutes": record.recognised_minutes,
        "minimum_attendance_percent": record.minimum_attendance_percent,
        "survey_required": record.survey_required, "audiences": audiences,
    })
}

pub async fn create(
    conn: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    details: &CourseDetails,
) -> Result<CourseRecord> {
    let txn = conn.begin_write().await?;
    check_references(&txn, org, details, None).await?;
    let mut model = course::ActiveModel {
        id: Set(new_id()),
        organisation_id: Set(org.uuid()),
        created_at: Set(now()),
        ..Default::default()
    };
    apply(&mut model, details, &CourseTexts::default());
    let row = model.insert(&txn).await?;
    replace_audiences(&txn, row.id, &details.audiences, &[]).await?;
    audit::record(
        &txn,
        actor,
        "create",
        "course",
        Some(row.id),
        snapshot(&row, &details.audiences),
    )
    .await?;
    let record = get(&txn, row.id).await?;
    txn.commit().await?;
    Ok(record)
}

pub async fn update(
    conn: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    details: &CourseDetails,
) -> Result<CourseRecord> {
    let txn = conn.begin_write().await?;
    let before = get_in(&txn, org, id).await?;
    check_references(&txn, org, details, before.course.programme_id).await?;
    if before.course.texts.get(details.language).is_some() {
        return Err(StorageError::invalid("language", "error-course-language-has-text"));
    }
    let mut model: course::ActiveModel = before.course.clone().into();
    apply(&mut model, details, &before.course.texts);
    let row = model.update(&txn).await?;
    replace_audiences(&txn, id, &details.audiences, &before.audiences).await?;
    if row.accreditation_body_id != before.course.accreditation_body_id {
        forget_identifiers(&txn, id, before.course.accreditation_body_id).await?;
    }
    audit::record(
        &txn,
        actor,
        "update",
        "course",
        Some(id),
        json!({"before": snapshot(&before.course, &before.audiences), "after": snapshot(&row, &details.audiences)}),
    )
    .await?;
    let record = get(&txn, id).await?;
    txn.commit().await?;
    Ok(record)
}

/// A course now accredited by another body (or none): the identifiers its
/// people gave for the previous body's register (issue 20) are not the new
/// one's to see, and go; those of registrations already certified stay
/// beside their certificates, which name the body they were given for.
async fn forget_identifiers(conn: &impl ConnectionTrait, course_id: Uuid, previous: Option<Uuid>) -> Result<()> {
    use crate::entities::{certificate, registration};
    use sea_orm::sea_query::{Expr, Query};
    let sessions = Query::select()
        .column(session::Column::Id)
        .from(session::Entity)
        .and_where(session::Column::CourseId.eq(course_id))
        .to_owned();
    let certified = Query::select()
        .column(certificate::Column::RegistrationId)
        .from(certificate::Entity)
        .and_where(certificate::Column::CourseId.eq(course_id))
        .and_where(certificate::Column::AccreditationBodyId.eq(previous))
        .to_owned();
    registration::Entity::update_many()
        .col_expr(registration::Column::BodyIdentifier, Expr::val(Option::<String>::None))
        .filter(registration::Column::SessionId.in_subquery(sessions))
        .filter(registration::Column::Id.not_in_subquery(certified))
        .filter(registration::Column::BodyIdentifier.is_not_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// Replaces the course's texts in other languages (issue 23); `texts` come
/// from [`CourseTexts::parse`] against the course's language as read here.
pub async fn set_texts(
    conn: &impl Begin,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
    texts: &CourseTexts,
) -> Result<CourseRecord> {
    let txn = conn.begin_write().await?;
    let before = get_in(&txn, org, id).await?;
    if let Some(text) = texts.get(before.course.language) {
        return Err(StorageError::invalid(
            text.language.as_str(),
            "error-course-text-language",
        ));
    }
    let mut model: course::ActiveModel = before.course.clone().into();
    let course = &before.course;
    model.texts = Set(texts.clone());
    model.search_text = Set(search_text(
        &course.title,
        &course.summary,
        course.objectives.as_deref(),
        texts,
    ));
    model.updated_at = Set(now());
    model.update(&txn).await?;
    let languages = |t: &CourseTexts| t.0.iter().map(|t| t.language).collect::<Vec<_>>();
    audit::record(
        &txn,
        actor,
        "update",
        "course",
        Some(id),
        json!({"texts": {"before": languages(&before.course.texts), "after": languages(texts)}}),
    )
    .await?;
    let record = get(&txn, id).await?;
    txn.commit().await?;
    Ok(record)
}

/// Archives one of `org`'s courses, in the caller's transaction (issue 20):
/// out of the catalogue, the staff's list and the pickers; its sessions,
/// registrations, certificates and figures stay. Refused while it has a
/// session still to come ([`sessions::still_to_come`]); archiving an
/// archived course changes nothing.
pub async fn archive(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
) -> Result<CourseRecord> {
    let before = get_in(conn, org, id).await?;
    if before.course.archived_at.is_some() {
        return Ok(before);
    }
    let at = now();
    let waiting = sessions::still_to_come(conn, itself(id), at).await?;
    if waiting > 0 {
        return Err(StorageError::Conflict(
            Problem::new("error-course-sessions-to-come").with("count", waiting),
        ));
    }
    mark(conn, actor, before.course, Some(at), "archive").await
}

/// Brings back an archived course, in the caller's transaction; refused
/// while its programme is archived (restore the programme, which brings
/// back its courses).
pub async fn restore(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    id: Uuid,
) -> Result<CourseRecord> {
    let before = get_in(conn, org, id).await?;
    if before.course.archived_at.is_none() {
        return Ok(before);
    }
    if before.programme.as_ref().is_some_and(|p| p.archived_at.is_some()) {
        return Err(StorageError::Conflict(Problem::new("error-course-programme-archived")));
    }
    mark(conn, actor, before.course, None, "restore").await
}

/// Writes the course's `archived_at`, audited as `action`.
async fn mark(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    course: course::Model,
    archived_at: Option<chrono::DateTime<chrono::Utc>>,
    action: &str,
) -> Result<CourseRecord> {
    let id = course.id;
    let mut model: course::ActiveModel = course.into();
    model.archived_at = Set(archived_at);
    model.update(conn).await?;
    audit::record(conn, actor, action, "course", Some(id), json!({})).await?;
    get(conn, id).await
}

/// Deletes one of `org`'s courses, in the caller's transaction; only while
/// it has no session (a session, even a draft or a cancelled one, is its
/// history). Its audiences and signatory go with it.
pub async fn delete(conn: &impl ConnectionTrait, actor: &Actor, org: OrganisationId, id: Uuid) -> Result<()> {
    let before = get_in(conn, org, id).await?;
    let sessions = session::Entity::find()
        .filter(session::Column::CourseId.eq(id))
        .count(conn)
        .await?;
    if sessions > 0 {
        return Err(StorageError::Conflict(
            Problem::new("error-course-has-sessions").with("count", sessions),
        ));
    }
    // Rows hanging from the course (foreign keys with ON DELETE CASCADE
    // besides) go first, so both databases behave alike whatever their
    // foreign-key settings.
    course_audience::Entity::delete_many()
        .filter(course_audience::Column::CourseId.eq(id))
        .exec(conn)
        .await?;
    crate::entities::signatory_course::Entity::delete_many()
        .filter(crate::entities::signatory_course::Column::CourseId.eq(id))
        .exec(conn)
        .await?;
    course::Entity::delete_by_id(id).exec(conn).await?;
    audit::record(
        conn,
        actor,
        "delete",
        "course",
        Some(id),
        snapshot(&before.course, &before.audiences),
    )
    .await?;
    Ok(())
}

/// Course `id` as a sub-query of course ids.
fn itself(id: Uuid) -> sea_orm::sea_query::SelectStatement {
    sea_orm::sea_query::Query::select()
        .column(course::Column::Id)
        .from(course::Entity)
        .and_where(course::Column::Id.eq(id))
        .to_owned()
}
