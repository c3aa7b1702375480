//! The `attended_months` table: a registration's attended minutes and
//! meetings by month (UTC, `YYYY-MM`) of its meetings, kept from its marks
//! by migration 27's triggers (issue 22). Read only.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attended_months")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub registration_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub month: String,
    pub minutes: i32,
    pub meetings: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
