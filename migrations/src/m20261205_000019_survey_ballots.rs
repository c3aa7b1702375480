//! Survey answers wait here until they are published in a batch (issue 21).
//! A submission marks its invitation answered and writes its ballot in one
//! transaction, so nothing is lost or counted twice; the ballots of a survey
//! are then moved to `survey_responses` and `survey_answers` together, at
//! least `aula_domain::survey::MIN_GROUP` at a time (or all at its close),
//! in a shuffled order and another transaction, so that no transaction id,
//! row order or time pairs a published answer with its invitation.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{drop_tables, fk, index, migration};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let ballots = Table::create()
        .table("survey_ballots")
        .col(pk_uuid("id"))
        .col(uuid("survey_id"))
        .col(date("submitted_on"))
        .col(integer_null("overall"))
        // The answers, as `[key, scale, choice, text]` rows in JSON.
        .col(text("answers"))
        .foreign_key(&mut fk(("survey_ballots", "survey_id"), "surveys", true))
        .to_owned();
    manager.create_table(ballots).await?;
    manager
        .create_index(index("ix_survey_ballots_survey", "survey_ballots", &["survey_id"]))
        .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(manager, &["survey_ballots"]).await
}
