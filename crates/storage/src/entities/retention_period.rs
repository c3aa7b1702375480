//! The `retention_periods` table: an administrator's period per category.

use aula_domain::retention::RetentionCategory;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "retention_periods")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub category: RetentionCategory,
    pub days: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
