//! The `organisations` table (issue 17).

use aula_domain::OrganisationStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub time_zone: String,
    /// Language codes separated by commas.
    pub languages: String,
    pub contact_email: Option<String>,
    pub mail_sender_name: Option<String>,
    pub reply_to: Option<String>,
    pub status: OrganisationStatus,
    /// The network this organisation is a member of.
    pub network_id: Option<Uuid>,
    /// Whether it is a network: its members' figures are read with its own.
    pub is_network: bool,
    /// `#rrggbb`, checked for contrast when set (`aula_domain::AccentColour`).
    pub accent_colour: Option<String>,
    /// `image/png` or `image/svg+xml` when the organisation has a logo
    /// (its bytes are in `organisation_logos`).
    pub logo_content_type: Option<String>,
    /// The name printed on its certificates (issue 19); none: `name`.
    pub legal_name: Option<String>,
    /// Its postal address, on one line, printed on its certificates.
    pub postal_address: Option<String>,
    /// Its website, printed on its certificates.
    pub website: Option<String>,
    /// The signatory of its certificates unless a course or session has its own.
    pub default_signatory_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
