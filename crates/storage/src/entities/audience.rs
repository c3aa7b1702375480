//! The `audiences` table: the instance's list of audiences (issue 20).

use aula_domain::{Audience, AudienceNames};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audiences")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: Audience,
    /// An admin's names; none for the built-in audiences.
    pub names: Option<AudienceNames>,
    pub position: i32,
    /// No longer offered; what was recorded with it keeps it.
    pub retired: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
