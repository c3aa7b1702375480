//! The instance's audiences (issue 20): the six built in, and those an
//! admin adds. People, courses and outreach activities store an audience's
//! code; writing one the instance does not have is refused here, so a code
//! read back is always on the list.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde_json::json;

use aula_domain::{Audience, AudienceNames, Problem};

use crate::db::Begin;
use crate::entities::{audience, course_audience, outreach_activity, person, registration_fact};
use crate::{Actor, Result, StorageError, audit, found};

/// Every audience, retired ones too, in the order forms offer them.
pub async fn list(conn: &impl ConnectionTrait) -> Result<Vec<audience::Model>> {
    Ok(audience::Entity::find()
        .order_by_asc(audience::Column::Position)
        .order_by_asc(audience::Column::Code)
        .all(conn)
        .await?)
}

pub async fn get(conn: &impl ConnectionTrait, code: &Audience) -> Result<audience::Model> {
    found(conn, audience::Entity::find_by_id(code.clone())).await
}

/// Refuses, as `field`'s problem, an audience the instance does not have.
/// A retired one is known: what was recorded with it stays readable and is
/// kept as it is (see [`require_offered`] for a new choice).
pub async fn require<'a>(
    conn: &impl ConnectionTrait,
    field: &str,
    audiences: impl IntoIterator<Item = &'a Audience>,
) -> Result<()> {
    require_offered(conn, field, audiences, |_| true).await
}

/// Refuses, as `field`'s problem, an audience the instance does not have,
/// or a retired one unless `kept` says the record has it already: a retired
/// audience is no longer chosen, by a form or an integration, but a record
/// that has it keeps it when edited.
pub async fn require_offered<'a>(
    conn: &impl ConnectionTrait,
    field: &str,
    audiences: impl IntoIterator<Item = &'a Audience>,
    kept: impl Fn(&Audience) -> bool,
) -> Result<()> {
    let wanted: std::collections::BTreeSet<&Audience> = audiences.into_iter().collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let rows: Vec<(Audience, bool)> = audience::Entity::find()
        .select_only()
        .column(audience::Column::Code)
        .column(audience::Column::Retired)
        .filter(audience::Column::Code.is_in(wanted.iter().map(|a| (*a).clone())))
        .into_tuple()
        .all(conn)
        .await?;
    for code in wanted {
        match rows.iter().find(|(known, _)| known == code) {
            None => return Err(StorageError::invalid(field, "error-choice")),
            Some((_, true)) if !kept(code) => return Err(StorageError::invalid(field, "error-audience-retired")),
            Some(_) => {}
        }
    }
    Ok(())
}

/// Adds an audience at the end of the list; a code already in use is the
/// `code` field's problem.
pub async fn create(
    conn: &impl Begin,
    actor: &Actor,
    code: &Audience,
    names: &AudienceNames,
) -> Result<audience::Model> {
    let txn = conn.begin_write().await?;
    let last = audience::Entity::find()
        .order_by_desc(audience::Column::Position)
        .one(&txn)
        .await?
        .map(|a| a.position);
    let row = audience::ActiveModel {
        code: Set(code.clone()),
        names: Set(Some(names.clone())),
        position: Set(last.map_or(0, |p| p + 1)),
        retired: Set(false),
    }
    .insert(&txn)
    .await
    .map_err(|e| StorageError::taken(e, "code", "error-audience-code-taken"))?;
    audit::record(
        &txn,
        actor,
        "create",
        "audience",
        None,
        json!({"code": code, "names": names}),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Renames an admin's audience (`names`), or retires or offers again any
/// audience but [`Audience::OTHER`], which a list that does not say falls
/// back to. The built-in audiences keep the catalogue's words.
pub async fn update(
    conn: &impl Begin,
    actor: &Actor,
    code: &Audience,
    names: Option<&AudienceNames>,
    retired: Option<bool>,
) -> Result<audience::Model> {
    let txn = conn.begin_write().await?;
    let before = get(&txn, code).await?;
    if names.is_some() && code.is_built_in() {
        return Err(StorageError::Conflict(Problem::new("error-audience-built-in-names")));
    }
    if retired == Some(true) && *code == Audience::OTHER {
        return Err(StorageError::Conflict(Problem::new("error-audience-other")));
    }
    let mut model: audience::ActiveModel = before.clone().into();
    if let Some(names) = names {
        model.names.set_ne(Some(names.clone()));
    }
    if let Some(retired) = retired {
        model.retired.set_ne(retired);
    }
    // A change that changes nothing (an empty PATCH, a name saved as it
    // was) writes nothing, so the audit log lists only real changes.
    if !model.is_changed() {
        return Ok(before);
    }
    let row = model.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "update",
        "audience",
        None,
        json!({"code": code, "before": {"names": before.names, "retired": before.retired},
               "after": {"names": row.names, "retired": row.retired}}),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Removes an admin's audience nobody and nothing has yet (one added by
/// mistake); once used, it can only be retired, so figures keep their name.
pub async fn delete(conn: &impl Begin, actor: &Actor, code: &Audience) -> Result<()> {
    let txn = conn.begin_write().await?;
    get(&txn, code).await?;
    if code.is_built_in() {
        return Err(StorageError::Conflict(Problem::new("error-audience-built-in")));
    }
    let used = person::Entity::find()
        .filter(person::Column::Audience.eq(code.clone()))
        .count(&txn)
        .await?
        + course_audience::Entity::find()
            .filter(course_audience::Column::Audience.eq(code.clone()))
            .count(&txn)
            .await?
        + outreach_activity::Entity::find()
            .filter(outreach_activity::Column::Audience.eq(code.clone()))
            .count(&txn)
            .await?
        + registration_fact::Entity::find()
            .filter(registration_fact::Column::Audience.eq(code.clone()))
            .count(&txn)
            .await?;
    if used > 0 {
        return Err(StorageError::Conflict(Problem::new("error-audience-in-use")));
    }
    audience::Entity::delete_by_id(code.clone()).exec(&txn).await?;
    audit::record(&txn, actor, "delete", "audience", None, json!({"code": code})).await?;
    txn.commit().await?;
    Ok(())
}
