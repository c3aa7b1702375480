//! People: trainees, found by e-mail (case-insensitive) or created.

use aula_domain::{Email, RegistrantDetails};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::entities::person;
use crate::{Result, StorageError, new_id, now};

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
/// `consent` is the version of the privacy notice they accepted, if they did
/// (people entered by an organiser have not seen it).
pub async fn upsert(
    conn: &impl ConnectionTrait,
    details: &RegistrantDetails,
    consent: Option<&str>,
) -> Result<person::Model> {
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
    model.email = Set(details.email.as_str().to_owned());
    fill(&mut model, details);
    if let Some(version) = consent {
        model.consent_at = Set(Some(at));
        model.consent_version = Set(Some(version.to_owned()));
    }
    model.updated_at = Set(at);
    Ok(if model.id.is_unchanged() {
        model.update(conn).await?
    } else {
        model.insert(conn).await?
    })
}

/// A person corrects their own details ("my trainings"); the e-mail, which
/// is how they sign in, stays as it is.
pub async fn correct(conn: &impl ConnectionTrait, id: Uuid, details: &RegistrantDetails) -> Result<person::Model> {
    let mut model: person::ActiveModel = get(conn, id).await?.into();
    fill(&mut model, details);
    model.updated_at = Set(now());
    Ok(model.update(conn).await?)
}

fn fill(model: &mut person::ActiveModel, details: &RegistrantDetails) {
    model.given_name = Set(details.given_name.as_str().to_owned());
    model.family_name = Set(details.family_name.as_str().to_owned());
    model.phone = Set(details.phone.as_ref().map(|p| p.as_str().to_owned()));
    model.employer = Set(details.employer.as_ref().map(|t| t.as_str().to_owned()));
    model.job_title = Set(details.job_title.as_ref().map(|t| t.as_str().to_owned()));
    model.audience = Set(Some(details.audience.as_str().to_owned()));
    model.region_id = Set(details.region_id);
    model.language = Set(details.language.as_str().to_owned());
}
