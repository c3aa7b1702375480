//! The `document_images` table (issue 19): a picture drawn on certificates
//! (a signature, a body's logo, an organisation's logo as it was at issue),
//! checked when uploaded, kept under the SHA-256 of its bytes and never
//! changed nor deleted, so a certificate naming it draws it for ever.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_images")]
pub struct Model {
    /// The SHA-256 of `data`, in lower-case hex.
    #[sea_orm(primary_key, auto_increment = false)]
    pub sha256: String,
    /// `image/png` or `image/svg+xml`.
    pub content_type: String,
    pub data: Vec<u8>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
