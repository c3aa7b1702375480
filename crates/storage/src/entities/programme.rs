//! The `programmes` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "programmes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub title: String,
    /// The funders' names as one line (lists, the API's `funder`); the
    /// funders themselves are `programme_funders` (issue 20).
    pub funder: Option<String>,
    pub description: Option<String>,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    /// The body that commissioned it (issue 20), e.g. a city.
    pub commissioner: Option<String>,
    /// The commissioning contract's reference.
    pub contract_reference: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When it was archived (issue 20): hidden from lists and pickers, still counted.
    pub archived_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
