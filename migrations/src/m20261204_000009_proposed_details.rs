//! Proposed details (issue 15): a public registration request for an e-mail
//! address Aula already knows must not change that person until the owner
//! of the address confirms. The request's details wait on the registration,
//! as JSON, and are applied by the confirmation.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("registrations")
                    .add_column(text_null("proposed_details"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("registrations")
                    .drop_column("proposed_details")
                    .to_owned(),
            )
            .await
    }
}
