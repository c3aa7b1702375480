//! The `accreditation_bodies` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "accreditation_bodies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub code: String,
    pub website: Option<String>,
    /// Its logo, drawn on the certificates it accredits (a `document_images` hash; issue 19).
    pub logo_sha256: Option<String>,
    /// What its register calls the identifier it asks of people (a national
    /// ID number, a staff number; issue 20); none when it asks for none.
    pub identifier_label: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
