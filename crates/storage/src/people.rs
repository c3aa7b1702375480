//! People: trainees, found by e-mail (case-insensitive) or created.
//!
//! Nothing about a person who exists changes on someone's say-so (issue
//! 15): only an organiser (audited), the person signed in to "my trainings",
//! or the owner of the address confirming a registration whose request
//! carried a [`Proposal`] changes their details.

use aula_domain::{Audience, Email, Language, OrganisationId, RegistrantDetails};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TryIntoModel};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::entities::{person, region};
use crate::{Actor, Result, StorageError, audit, found, new_id, now};

pub async fn get(conn: &impl ConnectionTrait, id: Uuid) -> Result<person::Model> {
    found(conn, person::Entity::find_by_id(id)).await
}

/// Holds the person's row until the transaction ends, for a registration
/// about to be written: someone erased, or being erased by a transaction
/// that has claimed them, is [`StorageError::NotFound`] (once it commits).
/// On PostgreSQL a shared lock, which the erasure's claim waits for and
/// which waits for the claim: the two never pass each other unseen (issue
/// 16's race round). SQLite's write transactions run one at a time.
pub async fn hold(conn: &impl ConnectionTrait, id: Uuid) -> Result<()> {
    let erased = if conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        let row = conn
            .query_one_raw(sea_orm::Statement::from_sql_and_values(
                sea_orm::DbBackend::Postgres,
                "SELECT erased_at IS NOT NULL AS erased FROM people WHERE id = $1 FOR SHARE",
                [id.into()],
            ))
            .await?
            .ok_or(StorageError::NotFound)?;
        row.try_get::<bool>("", "erased")?
    } else {
        get(conn, id).await?.erased_at.is_some()
    };
    if erased {
        return Err(StorageError::NotFound);
    }
    Ok(())
}

/// `org`'s person with this address (each organisation is its own data
/// controller: the same address at two organisations is two people).
pub async fn find_by_email(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    email: &Email,
) -> Result<Option<person::Model>> {
    Ok(person::Entity::find()
        .filter(person::Column::OrganisationId.eq(org.uuid()))
        .filter(person::Column::Email.eq(email.as_str()))
        .one(conn)
        .await?)
}

/// Every person with this address, one per organisation that knows it,
/// oldest first: whom a sign-in link to "my trainings" may be for.
pub async fn all_by_email(conn: &impl ConnectionTrait, email: &Email) -> Result<Vec<person::Model>> {
    use sea_orm::{QueryOrder, QuerySelect};
    Ok(person::Entity::find()
        .filter(person::Column::Email.eq(email.as_str()))
        .order_by_asc(person::Column::CreatedAt)
        .order_by_asc(person::Column::Id)
        .limit(100)
        .all(conn)
        .await?)
}

/// Finds the person by e-mail and updates their details, or creates them:
/// an organiser entering someone deliberately (by hand or by import). A
/// change to a person who existed is audited, with the old and new values.
/// `consent` is the version of the privacy notice they accepted, if they
/// did (people entered by an organiser have not seen it).
pub async fn upsert(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    org: OrganisationId,
    details: &RegistrantDetails,
    consent: Option<&str>,
) -> Result<person::Model> {
    // Someone without e-mail cannot be found again by it: a new person.
    let found = match &details.email {
        Some(email) => find_by_email(conn, org, email).await?,
        None => None,
    };
    let Some(found) = found else {
        return create(conn, org, details, consent).await;
    };
    update_known(conn, actor, found, details, consent).await
}

/// `org`'s person without e-mail (issue 20) of these names (alike in case
/// and accents) and this telephone, as typed: someone registered before
/// for another session, found again so that they count as one person. No
/// telephone, no match: names alone are not a person.
pub async fn known_without_email(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    details: &RegistrantDetails,
) -> Result<Option<person::Model>> {
    use aula_domain::fold_for_search;
    let Some(phone) = &details.phone else {
        return Ok(None);
    };
    let same = |a: &str, b: &str| fold_for_search(a) == fold_for_search(b);
    Ok(person::Entity::find()
        .filter(person::Column::OrganisationId.eq(org.uuid()))
        .filter(person::Column::Email.is_null())
        .filter(person::Column::ErasedAt.is_null())
        .filter(person::Column::Phone.eq(phone.as_str()))
        .all(conn)
        .await?
        .into_iter()
        .find(|p| {
            same(&p.given_name, details.given_name.as_str()) && same(&p.family_name, details.family_name.as_str())
        }))
}

/// The audience of the person these details are, if the organisation knows
/// them: by their address, or without one by their names and telephone.
pub async fn audience_of(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    details: &RegistrantDetails,
) -> Result<Option<Audience>> {
    let known = match &details.email {
        Some(email) => find_by_email(conn, org, email).await?,
        None => known_without_email(conn, org, details).await?,
    };
    Ok(known.and_then(|p| p.audience))
}

/// Updates a person an organiser entered again to the details given, audited.
pub async fn update_known(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    found: person::Model,
    details: &RegistrantDetails,
    consent: Option<&str>,
) -> Result<person::Model> {
    let before = Proposal::of_person(&found);
    let mut model: person::ActiveModel = found.into();
    fill(&mut model, details);
    model.workplace_key = Set(workplace_key(conn, details).await?);
    if let Some(version) = consent {
        model.consent_at = Set(Some(now()));
        model.consent_version = Set(Some(version.to_owned()));
    }
    if !model.is_changed() {
        return Ok(model.try_into_model()?);
    }
    model.updated_at = Set(now());
    let person = model.update(conn).await?;
    let after = Proposal::of_person(&person);
    if after != before {
        audit::record(
            conn,
            actor,
            "person.updated",
            "person",
            Some(person.id),
            serde_json::json!({"from": before, "to": after}),
        )
        .await?;
    }
    Ok(person)
}

/// Whom a request of the person themselves names.
#[derive(Clone, Debug)]
pub enum Named {
    /// An address Aula did not know: created from the request's details.
    New(person::Model),
    /// An address already known: the record as it stands, unchanged.
    Known(person::Model),
}

/// The person with the request's address, created from its details if the
/// address is new; a known person's record is left as it is (issue 15: the
/// details wait on the registration). One statement whichever it is: an
/// insert that, meeting the address's unique index, returns the existing
/// row (its "update" sets the e-mail to itself, which changes nothing).
/// The person themselves always gives an address: details without one are
/// refused.
pub async fn named(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    details: &RegistrantDetails,
    consent: Option<&str>,
) -> Result<Named> {
    use sea_orm::sea_query::OnConflict;
    if details.email.is_none() {
        return Err(StorageError::invalid("email", "error-required"));
    }
    let id = new_id();
    let mut model = new_person(id, org, details, consent);
    model.workplace_key = Set(workplace_key(conn, details).await?);
    let found = person::Entity::insert(model)
        .on_conflict(
            OnConflict::columns([person::Column::OrganisationId, person::Column::Email])
                .update_column(person::Column::Email)
                .to_owned(),
        )
        .exec_with_returning(conn)
        .await?;
    Ok(if found.id == id {
        Named::New(found)
    } else {
        Named::Known(found)
    })
}

fn new_person(
    id: Uuid,
    org: OrganisationId,
    details: &RegistrantDetails,
    consent: Option<&str>,
) -> person::ActiveModel {
    let at = now();
    let mut model = person::ActiveModel {
        id: Set(id),
        organisation_id: Set(org.uuid()),
        email: Set(details.email.as_ref().map(|e| e.as_str().to_owned())),
        created_at: Set(at),
        updated_at: Set(at),
        consent_at: Set(consent.map(|_| at)),
        consent_version: Set(consent.map(str::to_owned)),
        ..Default::default()
    };
    fill(&mut model, details);
    model
}

/// A person Aula did not know, as they describe themselves. Nobody else's
/// record changes, so no proof is needed yet; the registration they asked
/// for still waits for the confirmation link.
pub async fn create(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    details: &RegistrantDetails,
    consent: Option<&str>,
) -> Result<person::Model> {
    let mut model = new_person(new_id(), org, details, consent);
    model.workplace_key = Set(workplace_key(conn, details).await?);
    Ok(model.insert(conn).await?)
}

/// Details someone gave for a person who already exists, kept apart (on the
/// registration they asked for) until the owner of the address proves it is
/// them by confirming. Stored as JSON; the values were valid domain values
/// when proposed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub given_name: String,
    pub family_name: String,
    pub phone: Option<String>,
    pub employer: Option<String>,
    pub job_title: Option<String>,
    pub audience: Option<Audience>,
    pub region_id: Option<Uuid>,
    pub language: Language,
    /// The privacy notice's version they consented to, with the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_version: Option<String>,
}

impl Proposal {
    pub fn new(details: &RegistrantDetails, consent: Option<&str>) -> Self {
        Proposal {
            given_name: details.given_name.as_str().to_owned(),
            family_name: details.family_name.as_str().to_owned(),
            phone: details.phone.as_ref().map(|p| p.as_str().to_owned()),
            employer: details.employer.as_ref().map(|t| t.as_str().to_owned()),
            job_title: details.job_title.as_ref().map(|t| t.as_str().to_owned()),
            audience: Some(details.audience.clone()),
            region_id: details.region_id,
            language: details.language,
            consent_version: consent.map(str::to_owned),
        }
    }

    fn of_person(person: &person::Model) -> Self {
        Proposal {
            given_name: person.given_name.clone(),
            family_name: person.family_name.clone(),
            phone: person.phone.clone(),
            employer: person.employer.clone(),
            job_title: person.job_title.clone(),
            audience: person.audience.clone(),
            region_id: person.region_id,
            language: person.language,
            consent_version: None,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The proposal stored on a registration. A value that does not read is
    /// an error naming nothing personal, never a silent guess.
    pub fn from_json(json: &str) -> Result<Self> {
        serde_json::from_str(json)
            .map_err(|e| StorageError::Db(sea_orm::DbErr::Custom(format!("registrations.proposed_details: {e}"))))
    }
}

/// Applies a proposal the owner of the address has just confirmed. A region
/// removed since the request is left out rather than refused.
pub async fn apply(conn: &impl ConnectionTrait, person_id: Uuid, proposal: &Proposal) -> Result<person::Model> {
    let region_id = match proposal.region_id {
        Some(id) => region::Entity::find_by_id(id).one(conn).await?.map(|r| r.id),
        None => None,
    };
    // So is an audience deleted since (only one nobody had can be).
    let audience = match &proposal.audience {
        Some(code) => match crate::audiences::require(conn, "audience", [code]).await {
            Ok(()) => Some(code.clone()),
            Err(StorageError::Invalid(_)) => None,
            Err(other) => return Err(other),
        },
        None => None,
    };
    let at = now();
    let mut model: person::ActiveModel = get(conn, person_id).await?.into();
    model.given_name = Set(proposal.given_name.clone());
    model.family_name = Set(proposal.family_name.clone());
    model.phone = Set(proposal.phone.clone());
    model.employer = Set(proposal.employer.clone());
    model.workplace_key = Set(crate::retention::workplace_key(conn, proposal.employer.as_deref()).await?);
    model.job_title = Set(proposal.job_title.clone());
    model.audience = Set(audience);
    model.region_id = Set(region_id);
    model.language = Set(proposal.language);
    if let Some(version) = &proposal.consent_version {
        model.consent_at = Set(Some(at));
        model.consent_version = Set(Some(version.clone()));
    }
    model.updated_at = Set(at);
    Ok(model.update(conn).await?)
}

/// A person corrects their own details ("my trainings"); the e-mail, which
/// is how they sign in, stays as it is.
/// Someone erased, or erased meanwhile, is [`StorageError::NotFound`]: the
/// update is conditional, so a correction that waited for an erasure to
/// commit does not write the erased name back (session 25's review).
pub async fn correct(conn: &impl ConnectionTrait, id: Uuid, details: &RegistrantDetails) -> Result<person::Model> {
    let person = get(conn, id).await?;
    // A retired audience is no longer chosen; theirs stays theirs.
    let had = person.audience.clone();
    crate::audiences::require_offered(conn, "audience", [&details.audience], |a| had.as_ref() == Some(a)).await?;
    let mut model = <person::ActiveModel as ActiveModelTrait>::default();
    fill(&mut model, details);
    model.workplace_key = Set(workplace_key(conn, details).await?);
    model.updated_at = Set(now());
    let corrected = person::Entity::update_many()
        .set(model)
        .filter(person::Column::Id.eq(id))
        .filter(person::Column::ErasedAt.is_null())
        .exec(conn)
        .await?
        .rows_affected;
    if corrected == 0 {
        return Err(StorageError::NotFound);
    }
    get(conn, id).await
}

/// The workplace key of the details' employer (see [`crate::retention`]).
async fn workplace_key(conn: &impl ConnectionTrait, details: &RegistrantDetails) -> Result<Option<String>> {
    crate::retention::workplace_key(conn, details.employer.as_ref().map(|t| t.as_str())).await
}

fn fill(model: &mut person::ActiveModel, details: &RegistrantDetails) {
    model.given_name = Set(details.given_name.as_str().to_owned());
    model.family_name = Set(details.family_name.as_str().to_owned());
    model.phone = Set(details.phone.as_ref().map(|p| p.as_str().to_owned()));
    model.employer = Set(details.employer.as_ref().map(|t| t.as_str().to_owned()));
    model.job_title = Set(details.job_title.as_ref().map(|t| t.as_str().to_owned()));
    model.audience = Set(Some(details.audience.clone()));
    model.region_id = Set(details.region_id);
    model.language = Set(details.language);
}
