//! Satisfaction surveys. Anonymity is in the schema: an invitation records
//! only that it was answered; a response and its answers carry no link to
//! the invitation, the registration or the person, random ids (not
//! time-ordered ones) and the day only.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{
    create_indexes, create_tables, drop_tables, fk, index, migration, table_with_id, unique_index,
};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    create_tables(
        manager,
        [
            // A template's questions as JSON. A template that has been used is
            // never changed: an edit makes the next version of its family.
            table_with_id("survey_templates")
                .col(uuid("family_id"))
                .col(integer("version"))
                .col(string("name"))
                .col(text("content"))
                .col(boolean("is_default").default(false))
                .col(boolean("in_use").default(false))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
            table_with_id("surveys")
                .col(uuid_uniq("session_id"))
                .col(uuid("template_id"))
                .col(timestamp_with_time_zone("opens_at"))
                .col(timestamp_with_time_zone("closes_at"))
                .col(timestamp_with_time_zone("reminder_at"))
                .col(boolean("reminded").default(false))
                .foreign_key(&mut fk(("surveys", "session_id"), "sessions", false))
                .foreign_key(&mut fk(("surveys", "template_id"), "survey_templates", false))
                .to_owned(),
            table_with_id("survey_invitations")
                .col(uuid("survey_id"))
                .col(uuid("registration_id"))
                .col(string_uniq("token_hash"))
                .col(boolean("answered").default(false))
                .col(timestamp_with_time_zone("invited_at"))
                .col(timestamp_with_time_zone_null("reminded_at"))
                .foreign_key(&mut fk(("survey_invitations", "survey_id"), "surveys", false))
                .foreign_key(&mut fk(
                    ("survey_invitations", "registration_id"),
                    "registrations",
                    false,
                ))
                .to_owned(),
            // No invitation, no registration, no time of day.
            table_with_id("survey_responses")
                .col(uuid("survey_id"))
                .col(date("submitted_on"))
                .foreign_key(&mut fk(("survey_responses", "survey_id"), "surveys", false))
                .to_owned(),
            table_with_id("survey_answers")
                .col(uuid("response_id"))
                .col(string("question_key"))
                .col(integer_null("scale"))
                .col(integer_null("choice"))
                .col(text_null("text"))
                .foreign_key(&mut fk(("survey_answers", "response_id"), "survey_responses", false))
                .to_owned(),
        ],
    )
    .await?;
    create_indexes(
        manager,
        [
            unique_index(
                "ix_survey_templates_family",
                "survey_templates",
                &["family_id", "version"],
            ),
            index("ix_surveys_template", "surveys", &["template_id"]),
            index("ix_surveys_closes", "surveys", &["closes_at"]),
            unique_index(
                "ux_survey_invitations_registration",
                "survey_invitations",
                &["survey_id", "registration_id"],
            ),
            index(
                "ix_survey_invitations_answered",
                "survey_invitations",
                &["survey_id", "answered"],
            ),
            index(
                "ix_survey_invitations_registration",
                "survey_invitations",
                &["registration_id"],
            ),
            index("ix_survey_responses_survey", "survey_responses", &["survey_id"]),
            index("ix_survey_answers_response", "survey_answers", &["response_id"]),
            index("ix_survey_answers_key", "survey_answers", &["question_key", "scale"]),
        ],
    )
    .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        manager,
        &[
            "survey_answers",
            "survey_responses",
            "survey_invitations",
            "surveys",
            "survey_templates",
        ],
    )
    .await
}
