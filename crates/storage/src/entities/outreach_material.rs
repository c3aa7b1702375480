//! The `outreach_materials` table (issue 20): what an activity handed out.

use aula_domain::outreach::MaterialKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outreach_materials")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub activity_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: MaterialKind,
    pub quantity: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::outreach_activity::Entity",
        from = "Column::ActivityId",
        to = "super::outreach_activity::Column::Id"
    )]
    Activity,
}

impl ActiveModelBehavior for ActiveModel {}
