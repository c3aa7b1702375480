//! The `certificates` table.

use aula_domain::{Language, Modality};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificates")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub registration_id: Uuid,
    pub session_id: Uuid,
    pub course_id: Uuid,
    pub accreditation_body_id: Option<Uuid>,
    pub number: String,
    pub verification_code: String,
    pub holder_name: String,
    pub holder_email: String,
    pub salt: String,
    pub language: Language,
    pub course_title: String,
    pub course_summary: String,
    pub attended_minutes: i32,
    pub nominal_minutes: i32,
    pub starts_on: Date,
    pub ends_on: Date,
    pub modality: Modality,
    pub place: Option<String>,
    pub body_name: Option<String>,
    pub credits_hundredths: Option<i32>,
    pub recognised_minutes: Option<i32>,
    pub issuer_name: String,
    pub issued_at: DateTimeUtc,
    /// The day it was issued at the session's place, as printed (the UTC
    /// day for certificates issued before it was kept).
    pub issued_on: Date,
    pub revoked_at: Option<DateTimeUtc>,
    pub revoked_reason: Option<String>,
    /// When its holder had it erased (issue 21): the row stays for the
    /// figures, without the holder.
    pub withdrawn_at: Option<DateTimeUtc>,
    /// Its place in the revocation status lists (issue 19): bit
    /// `index % LIST_BITS` of list `index / LIST_BITS`; drawn at random.
    pub status_index: Option<i32>,
    /// What the session planned (its meetings), in minutes; none for
    /// certificates issued before it was kept.
    pub planned_minutes: Option<i32>,
    /// What the certificate keeps of its issuer at issue (issue 19), none
    /// for certificates issued before: `issuer_name` is the legal name;
    /// the address and website as printed; the images are `document_images`
    /// hashes (the organisation's logo, the signature, the accrediting
    /// body's logo), which never change.
    pub issuer_address: Option<String>,
    pub issuer_website: Option<String>,
    pub issuer_logo_sha256: Option<String>,
    pub signatory_name: Option<String>,
    pub signatory_title: Option<String>,
    pub signature_sha256: Option<String>,
    pub accreditor_logo_sha256: Option<String>,
    /// The course's learning outcomes at issue, one per line.
    pub outcomes: Option<String>,
    /// Its programme's funders at issue (issue 20), by name, " · " between.
    pub funders: Option<String>,
    /// Their logos at issue, JSON: `[{"name": …, "sha256": …}]`, in order.
    pub funder_logos: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
