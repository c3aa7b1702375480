//! The `registrations` table.

use aula_domain::registration::{RegistrationSource, RegistrationStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registrations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub session_id: Uuid,
    pub person_id: Uuid,
    pub status: RegistrationStatus,
    pub waitlist_ticket: Option<i64>,
    pub source: RegistrationSource,
    pub confirm_token_hash: Option<String>,
    pub confirm_expires_at: Option<DateTimeUtc>,
    pub manage_token_hash: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub confirmed_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    pub cancel_reason: Option<String>,
    /// When it first reached confirmed or the waiting list.
    pub placed_at: Option<DateTimeUtc>,
    /// Sums of its present or late marks, kept by `attendance::record`.
    pub attended_minutes: i32,
    pub attended_meetings: i32,
    /// Its fixed completion, kept by `attendance::fix_completions`.
    pub completed: bool,
    /// A public request's details for a person who already existed, as JSON
    /// ([`crate::people::Proposal`]): applied when the registration is
    /// confirmed by the owner of the address, never before.
    pub proposed_details: Option<String>,
    /// The person's identifier in the register of the body accrediting the
    /// course, where it asks for one (issue 20): shown only to its
    /// accreditors, erased with the person.
    pub body_identifier: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
