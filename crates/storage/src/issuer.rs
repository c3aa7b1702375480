//! The issuer's identity on certificates (issue 19): an organisation's legal
//! name, address and website, its signatories and who signs which course or
//! session, the accrediting bodies' logos, the pictures certificates draw
//! (`document_images`, kept by the SHA-256 of their bytes, never changed),
//! and what a certificate keeps of all that when it is issued.
//!
//! Every function runs in the caller's transaction; the use cases of
//! `aula_app::issuer` write the audit entries.

use aula_domain::issuer::{IssuerIdentity, SignatoryDetails};
use aula_domain::{FieldErrors, Logo, OrganisationId, Problem};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::entities::{
    accreditation_body, course, document_image, organisation, organisation_logo, session, signatory, signatory_course,
    signatory_session,
};
use crate::sessions::SessionRecord;
use crate::{Result, StorageError, found, new_id, now, organisations};

// ----- pictures ----------------------------------------------------------------

/// The SHA-256 of `bytes` in lower-case hex: a picture's name in `document_images`.
pub fn image_hash(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Keeps a picture (checked by the caller) and returns its hash; a picture
/// kept already is not written again.
pub async fn put_image(conn: &impl ConnectionTrait, image: &Logo) -> Result<String> {
    let sha256 = image_hash(&image.bytes);
    document_image::Entity::insert(document_image::ActiveModel {
        sha256: Set(sha256.clone()),
        content_type: Set(image.kind.content_type().to_owned()),
        data: Set(image.bytes.clone()),
        created_at: Set(now()),
    })
    .on_conflict_do_nothing_on([document_image::Column::Sha256])
    .exec_without_returning(conn)
    .await?;
    Ok(sha256)
}

/// A kept picture, by its hash.
pub async fn image(conn: &impl ConnectionTrait, sha256: &str) -> Result<Option<document_image::Model>> {
    Ok(document_image::Entity::find_by_id(sha256.to_owned()).one(conn).await?)
}

// ----- the organisation's identity --------------------------------------------------

/// Writes `identity` on `org`; a default signatory that is not one of
/// `org`'s is refused on `default_signatory_id`. The row as it is now.
pub async fn set_identity(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    identity: &IssuerIdentity,
) -> Result<organisation::Model> {
    let current = organisations::get(conn, org).await?;
    if let Some(id) = identity.default_signatory_id
        && get(conn, org, id).await.is_err()
    {
        return Err(FieldErrors::single("default_signatory_id", Problem::new("error-choice")).into());
    }
    let mut row: organisation::ActiveModel = current.into();
    row.legal_name = Set(identity.legal_name.as_ref().map(ToString::to_string));
    row.postal_address = Set(identity.postal_address.as_ref().map(ToString::to_string));
    row.website = Set(identity.website.as_ref().map(|u| u.as_str().to_owned()));
    row.default_signatory_id = Set(identity.default_signatory_id);
    Ok(row.update(conn).await?)
}

/// The name an organisation's certificates print: its legal name, else its name.
pub fn legal_name(org: &organisation::Model) -> &str {
    org.legal_name.as_deref().unwrap_or(&org.name)
}

// ----- signatories -------------------------------------------------------------

/// `org`'s signatories, by name (an organisation has a handful).
pub async fn list(conn: &impl ConnectionTrait, org: OrganisationId) -> Result<Vec<signatory::Model>> {
    Ok(signatory::Entity::find()
        .filter(signatory::Column::OrganisationId.eq(org.uuid()))
        .order_by_asc(signatory::Column::Name)
        .order_by_asc(signatory::Column::Id)
        .limit(100)
        .all(conn)
        .await?)
}

/// One of `org`'s signatories; another organisation's is not found.
pub async fn get(conn: &impl ConnectionTrait, org: OrganisationId, id: Uuid) -> Result<signatory::Model> {
    found(
        conn,
        signatory::Entity::find_by_id(id).filter(signatory::Column::OrganisationId.eq(org.uuid())),
    )
    .await
}

pub async fn create(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    details: &SignatoryDetails,
) -> Result<signatory::Model> {
    organisations::get(conn, org).await?;
    Ok(signatory::ActiveModel {
        id: Set(new_id()),
        organisation_id: Set(org.uuid()),
        name: Set(details.name.to_string()),
        title: Set(details.title.to_string()),
        signature_sha256: Set(None),
        created_at: Set(now()),
    }
    .insert(conn)
    .await?)
}

pub async fn update(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    id: Uuid,
    details: &SignatoryDetails,
) -> Result<signatory::Model> {
    let mut row: signatory::ActiveModel = get(conn, org, id).await?.into();
    row.name = Set(details.name.to_string());
    row.title = Set(details.title.to_string());
    Ok(row.update(conn).await?)
}

/// Sets (or removes, with `None`) a signatory's signature.
pub async fn set_signature(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    id: Uuid,
    signature: Option<&Logo>,
) -> Result<signatory::Model> {
    let current = get(conn, org, id).await?;
    let hash = match signature {
        Some(image) => Some(put_image(conn, image).await?),
        None => None,
    };
    let mut row: signatory::ActiveModel = current.into();
    row.signature_sha256 = Set(hash);
    Ok(row.update(conn).await?)
}

/// Removes a signatory (what they signed keeps their name, title and
/// signature); no longer the default, their courses and sessions go back to it.
pub async fn delete(conn: &impl ConnectionTrait, org: OrganisationId, id: Uuid) -> Result<signatory::Model> {
    let current = get(conn, org, id).await?;
    let own = organisations::get(conn, org).await?;
    if own.default_signatory_id == Some(id) {
        let mut row: organisation::ActiveModel = own.into();
        row.default_signatory_id = Set(None);
        row.update(conn).await?;
    }
    signatory_course::Entity::delete_many()
        .filter(signatory_course::Column::SignatoryId.eq(id))
        .exec(conn)
        .await?;
    signatory_session::Entity::delete_many()
        .filter(signatory_session::Column::SignatoryId.eq(id))
        .exec(conn)
        .await?;
    signatory::Entity::delete_by_id(id).exec(conn).await?;
    Ok(current)
}

/// What a course or a session is, for its own signatory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signs {
    Course(Uuid),
    Session(Uuid),
}

/// Gives a course or a session of `org` its own signatory, or (`None`) lets
/// it take the next one up (the course's, the organisation's default). A
/// course or session of another organisation is not found; a signatory of
/// another one is refused on `signatory_id`.
pub async fn assign(
    conn: &impl ConnectionTrait,
    org: OrganisationId,
    what: Signs,
    signatory_id: Option<Uuid>,
) -> Result<()> {
    match what {
        Signs::Course(id) => {
            found(
                conn,
                course::Entity::find_by_id(id).filter(course::Column::OrganisationId.eq(org.uuid())),
            )
            .await?;
        }
        Signs::Session(id) => {
            found(
                conn,
                session::Entity::find_by_id(id).filter(session::Column::OrganisationId.eq(org.uuid())),
            )
            .await?;
        }
    }
    if let Some(signatory_id) = signatory_id
        && get(conn, org, signatory_id).await.is_err()
    {
        return Err(FieldErrors::single("signatory_id", Problem::new("error-choice")).into());
    }
    match (what, signatory_id) {
        (Signs::Course(id), None) => {
            signatory_course::Entity::delete_by_id(id).exec(conn).await?;
        }
        (Signs::Course(id), Some(signatory_id)) => {
            signatory_course::Entity::insert(signatory_course::ActiveModel {
                course_id: Set(id),
                signatory_id: Set(signatory_id),
            })
            .on_conflict(
                sea_orm::sea_query::OnConflict::column(signatory_course::Column::CourseId)
                    .update_column(signatory_course::Column::SignatoryId)
                    .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
        }
        (Signs::Session(id), None) => {
            signatory_session::Entity::delete_by_id(id).exec(conn).await?;
        }
        (Signs::Session(id), Some(signatory_id)) => {
            signatory_session::Entity::insert(signatory_session::ActiveModel {
                session_id: Set(id),
                signatory_id: Set(signatory_id),
            })
            .on_conflict(
                sea_orm::sea_query::OnConflict::column(signatory_session::Column::SessionId)
                    .update_column(signatory_session::Column::SignatoryId)
                    .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
        }
    }
    Ok(())
}

/// The courses and sessions each of `org`'s signatories signs by name:
/// `(signatory, what, its title)`, courses then sessions (two queries each).
pub async fn assignments(conn: &impl ConnectionTrait, org: OrganisationId) -> Result<Vec<(Uuid, Signs, String)>> {
    let signatories: Vec<Uuid> = list(conn, org).await?.into_iter().map(|s| s.id).collect();
    let mut out = Vec::new();
    let courses = signatory_course::Entity::find()
        .filter(signatory_course::Column::SignatoryId.is_in(signatories.clone()))
        .all(conn)
        .await?;
    let titles = crate::by_id(
        conn,
        course::Column::Id,
        courses.iter().map(|c| c.course_id).collect(),
        |c| c.id,
    )
    .await?;
    for row in courses {
        if let Some(c) = titles.get(&row.course_id) {
            out.push((row.signatory_id, Signs::Course(row.course_id), c.title.clone()));
        }
    }
    let sessions = signatory_session::Entity::find()
        .filter(signatory_session::Column::SignatoryId.is_in(signatories))
        .all(conn)
        .await?;
    let rows = crate::by_id(
        conn,
        session::Column::Id,
        sessions.iter().map(|s| s.session_id).collect(),
        |s| s.id,
    )
    .await?;
    let course_titles = crate::by_id(
        conn,
        course::Column::Id,
        rows.values().map(|s| s.course_id).collect(),
        |c| c.id,
    )
    .await?;
    for row in sessions {
        if let Some(s) = rows.get(&row.session_id) {
            let title = course_titles
                .get(&s.course_id)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            out.push((row.signatory_id, Signs::Session(row.session_id), title));
        }
    }
    out.sort_by(|a, b| a.2.cmp(&b.2));
    Ok(out)
}

/// Who signs a session's certificates: the session's own signatory, else
/// its course's, else the organisation's default, else nobody.
pub async fn signatory_of(conn: &impl ConnectionTrait, record: &SessionRecord) -> Result<Option<signatory::Model>> {
    let session_own = signatory_session::Entity::find_by_id(record.session.id)
        .one(conn)
        .await?;
    let course_own = match session_own {
        Some(_) => None,
        None => {
            signatory_course::Entity::find_by_id(record.course.course.id)
                .one(conn)
                .await?
        }
    };
    let id = match (session_own, course_own) {
        (Some(s), _) => Some(s.signatory_id),
        (None, Some(c)) => Some(c.signatory_id),
        (None, None) => {
            organisations::get(conn, OrganisationId::from_row(record.session.organisation_id))
                .await?
                .default_signatory_id
        }
    };
    match id {
        Some(id) => Ok(signatory::Entity::find_by_id(id).one(conn).await?),
        None => Ok(None),
    }
}

// ----- accrediting bodies' logos ----------------------------------------------

/// Sets (or removes, with `None`) an accrediting body's logo.
pub async fn set_body_logo(
    conn: &impl ConnectionTrait,
    body: Uuid,
    logo: Option<&Logo>,
) -> Result<accreditation_body::Model> {
    let current = found(conn, accreditation_body::Entity::find_by_id(body)).await?;
    let hash = match logo {
        Some(image) => Some(put_image(conn, image).await?),
        None => None,
    };
    let mut row: accreditation_body::ActiveModel = current.into();
    row.logo_sha256 = Set(hash);
    Ok(row.update(conn).await?)
}

// ----- what a certificate keeps -------------------------------------------------

/// What the certificates of one session keep of their issuer, read once
/// when they are issued: texts as they are, pictures by hash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IssuerSnapshot {
    pub legal_name: String,
    pub address: Option<String>,
    pub website: Option<String>,
    pub logo_sha256: Option<String>,
    pub signatory_name: Option<String>,
    pub signatory_title: Option<String>,
    pub signature_sha256: Option<String>,
    pub accreditor_logo_sha256: Option<String>,
    /// The course's objectives, one per line, blank lines dropped.
    pub outcomes: Option<String>,
    /// The course's programme's funders by name (issue 20), " · " between.
    pub funders: Option<String>,
    /// Their logos, as [`FunderLogo`]s in JSON.
    pub funder_logos: Option<String>,
}

/// A funder's logo as a certificate keeps it: the picture's hash, and the
/// funder's name for its alternative text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FunderLogo {
    pub name: String,
    pub sha256: String,
}

impl FunderLogo {
    /// A certificate's logos (none where it kept none, or they do not read).
    pub fn list(json: Option<&str>) -> Vec<FunderLogo> {
        json.and_then(|j| serde_json::from_str(j).ok()).unwrap_or_default()
    }
}

/// The issuer of `record`'s certificates as it is now. The organisation's
/// logo is copied into `document_images` (once per picture), so a later
/// logo does not change what was issued.
pub async fn snapshot(conn: &impl ConnectionTrait, record: &SessionRecord) -> Result<IssuerSnapshot> {
    let org = organisations::get(conn, OrganisationId::from_row(record.session.organisation_id)).await?;
    let logo_sha256 = match &org.logo_content_type {
        Some(content_type) => match organisation_logo::Entity::find_by_id(org.id).one(conn).await? {
            Some(row) => {
                let kind = aula_domain::LogoKind::from_content_type(content_type)
                    .ok_or_else(|| StorageError::Conflict(Problem::new("error-logo-format")))?;
                Some(put_image(conn, &Logo { kind, bytes: row.data }).await?)
            }
            None => None,
        },
        None => None,
    };
    let signatory = signatory_of(conn, record).await?;
    let outcomes = record.course.course.objectives.as_deref().and_then(|text| {
        let lines: Vec<&str> = text
            .lines()
            .map(|l| l.trim().trim_start_matches(['-', '*', '•']).trim())
            .filter(|l| !l.is_empty())
            .collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    });
    let listed = match record.course.course.programme_id {
        Some(programme) => crate::programmes::funders(conn, programme).await?,
        None => Vec::new(),
    };
    let names: Vec<&str> = listed.iter().map(|f| f.name.as_str()).collect();
    let funders = (!names.is_empty()).then(|| names.join(" · "));
    let logos: Vec<FunderLogo> = listed
        .iter()
        .filter_map(|f| {
            f.logo_sha256.clone().map(|sha256| FunderLogo {
                name: f.name.clone(),
                sha256,
            })
        })
        .collect();
    let funder_logos = (!logos.is_empty()).then(|| serde_json::to_string(&logos).unwrap_or_default());
    Ok(IssuerSnapshot {
        legal_name: legal_name(&org).to_owned(),
        address: org.postal_address.clone(),
        website: org.website.clone(),
        logo_sha256,
        signatory_name: signatory.as_ref().map(|s| s.name.clone()),
        signatory_title: signatory.as_ref().map(|s| s.title.clone()),
        signature_sha256: signatory.and_then(|s| s.signature_sha256),
        accreditor_logo_sha256: record.course.body.as_ref().and_then(|b| b.logo_sha256.clone()),
        outcomes,
        funders,
        funder_logos,
    })
}
