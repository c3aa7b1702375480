//! The `programme_funders` table (issue 20): who funds a programme, in the
//! order its reports name them, each with its reference.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "programme_funders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub programme_id: Uuid,
    pub position: i32,
    pub name: String,
    /// The funder's reference for the programme (a grant agreement's number).
    pub reference: Option<String>,
    /// Its logo, a `document_images` hash.
    pub logo_sha256: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
