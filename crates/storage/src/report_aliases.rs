//! Who a person of an online meeting's participant report is, as a trainer
//! chose it by hand (`report_aliases`, issue 18): kept per session under the
//! person's report key (`aula_domain::matching::report_key`), so the next
//! report of the same session applies the choice without asking again.
//! `None` is "not one of the session's people". Every change is audited in
//! the caller's transaction.

use std::collections::HashMap;

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::report_alias;
use crate::{Actor, Result, audit, new_id, now};

/// The session's remembered choices: report key → registration (or `None`).
pub async fn for_session(conn: &impl ConnectionTrait, session_id: Uuid) -> Result<HashMap<String, Option<Uuid>>> {
    Ok(report_alias::Entity::find()
        .filter(report_alias::Column::SessionId.eq(session_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.key, a.registration_id))
        .collect())
}

/// Remembers `choices` (report key → registration, or `None`) for the
/// session; a choice already remembered as it is changes nothing. Returns how
/// many changed.
pub async fn remember(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    session_id: Uuid,
    choices: &[(String, Option<Uuid>)],
) -> Result<usize> {
    if choices.is_empty() {
        return Ok(0);
    }
    let existing: HashMap<String, report_alias::Model> = report_alias::Entity::find()
        .filter(report_alias::Column::SessionId.eq(session_id))
        .filter(report_alias::Column::Key.is_in(choices.iter().map(|(k, _)| k.clone())))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.key.clone(), a))
        .collect();
    let mut changed = 0;
    for (key, registration_id) in choices {
        let before = existing.get(key);
        if before.is_some_and(|b| b.registration_id == *registration_id) {
            continue;
        }
        let row = match before {
            Some(b) => {
                let mut model: report_alias::ActiveModel = b.clone().into();
                model.registration_id = Set(*registration_id);
                model.updated_by = Set(actor.label.clone());
                model.updated_at = Set(now());
                model.update(conn).await?
            }
            None => {
                report_alias::ActiveModel {
                    id: Set(new_id()),
                    session_id: Set(session_id),
                    key: Set(key.clone()),
                    registration_id: Set(*registration_id),
                    updated_by: Set(actor.label.clone()),
                    updated_at: Set(now()),
                }
                .insert(conn)
                .await?
            }
        };
        let details = serde_json::json!({
            "session_id": session_id,
            "key": key,
            "from": before.map(|b| b.registration_id),
            "to": registration_id,
        });
        audit::record(conn, actor, "choose", "report_alias", Some(row.id), details).await?;
        changed += 1;
    }
    Ok(changed)
}
