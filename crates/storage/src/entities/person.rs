//! The `people` table.

use aula_domain::{Audience, Language};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "people")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    /// None for someone an organiser registered without one (issue 20):
    /// they get no e-mail.
    pub email: Option<String>,
    pub phone: Option<String>,
    pub employer: Option<String>,
    pub job_title: Option<String>,
    pub audience: Option<Audience>,
    pub region_id: Option<Uuid>,
    pub language: Language,
    pub consent_at: Option<DateTimeUtc>,
    pub consent_version: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// A keyed hash of the employer, trimmed and lower-cased: what the
    /// indicators count as workplaces, kept when the person is erased.
    pub workplace_key: Option<String>,
    /// When the person was erased: the row keeps only anonymous facts.
    pub erased_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
