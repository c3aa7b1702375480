//! People: trainees, found by e-mail (case-insensitive) or created.

use aula_domain::{Audience, Email, Language};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::person;
use crate::{Result, StorageError, new_id, now};

/// What a person tells about themselves when registering.
#[derive(Clone, Debug)]
pub struct PersonDetails {
    pub given_name: String,
    pub family_name: String,
    pub email: Email,
    pub phone: Option<String>,
    pub employer: Option<String>,
    pub job_title: Option<String>,
    pub audience: Option<Audience>,
    pub region_id: Option<Uuid>,
    pub language: Language,
    pub consent_version: Option<String>,
}

pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<person::Model> {
    person::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(StorageError::NotFound)
}

pub async fn find_by_email(conn: &impl ConnectionTrait, email: &Email) -> Result<Option<person::Model>> {
    Ok(person::Entity::find()
        .filter(person::Column::Email.eq(email.as_str()))
        .one(conn)
        .await?)
}

/// Finds the person by e-mail and updates their details, or creates them.
pub async fn upsert(conn: &impl ConnectionTrait, details: &PersonDetails) -> Result<person::Model> {
    let at = now();
    let existing = find_by_email(conn, &details.email).await?;
    let mut model = match existing {
        Some(found) => found.into(),
        None => person::ActiveModel {
            id: Set(new_id()),
            created_at: Set(at),
            ..Default::default()
        },
    };
    model.given_name = Set(details.given_name.clone());
    model.family_name = Set(details.family_name.clone());
    model.email = Set(details.email.as_str().to_owned());
    model.phone = Set(details.phone.clone());
    model.employer = Set(details.employer.clone());
    model.job_title = Set(details.job_title.clone());
    model.audience = Set(details.audience.map(|a| a.as_str().to_owned()));
    model.region_id = Set(details.region_id);
    model.language = Set(details.language.as_str().to_owned());
    if let Some(version) = &details.consent_version {
        model.consent_at = Set(Some(at));
        model.consent_version = Set(Some(version.clone()));
    }
    model.updated_at = Set(at);
    Ok(if model.id.is_unchanged() {
        model.update(conn).await?
    } else {
        model.insert(conn).await?
    })
}
