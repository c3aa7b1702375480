//! The `registration_facts` table: what the indicators count of one
//! registration, kept by migration 27's triggers (issue 22). Read only.

use aula_domain::registration::RegistrationStatus;
use aula_domain::{Audience, Modality, SessionStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registration_facts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub registration_id: Uuid,
    pub person_id: Uuid,
    pub session_id: Uuid,
    pub course_id: Uuid,
    pub programme_id: Option<Uuid>,
    pub organisation_id: Uuid,
    pub modality: Modality,
    pub region_id: Option<Uuid>,
    pub audience: Option<Audience>,
    pub workplace_key: Option<String>,
    pub venue_id: Option<Uuid>,
    pub session_status: SessionStatus,
    pub starts_at: Option<DateTimeUtc>,
    pub ends_at: Option<DateTimeUtc>,
    /// The months (UTC, `YYYY-MM`) of `starts_at` and `ends_at`.
    pub start_month: Option<String>,
    pub end_month: Option<String>,
    pub placed: bool,
    pub status: RegistrationStatus,
    pub attended_meetings: i32,
    pub attended_minutes: i32,
    pub completed: bool,
    pub invited: bool,
    pub answered: bool,
    pub issued: bool,
    pub revoked: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
