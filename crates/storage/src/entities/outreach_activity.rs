//! The `outreach_activities` table (issue 20).

use aula_domain::Audience;
use aula_domain::outreach::OutreachKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outreach_activities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub programme_id: Uuid,
    pub kind: OutreachKind,
    pub title: String,
    pub held_on: Date,
    pub place: Option<String>,
    pub region_id: Option<Uuid>,
    pub audience: Option<Audience>,
    pub attendees: i32,
    pub viewers: i32,
    pub notes: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
