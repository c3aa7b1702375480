//! Satisfaction surveys. Anonymity is in the schema: an invitation records
//! only that it was answered; a response and its answers carry no link to
//! the invitation, the registration or the person, random ids (not
//! time-ordered ones) and the day only.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A template's questions as JSON. A template that has been used is
        // never changed: an edit makes the next version of its family.
        manager
            .create_table(
                Table::create()
                    .table("survey_templates")
                    .col(pk_uuid("id"))
                    .col(uuid("family_id"))
                    .col(integer("version"))
                    .col(string("name"))
                    .col(text("content"))
                    .col(boolean("is_default").default(false))
                    .col(boolean("in_use").default(false))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("surveys")
                    .col(pk_uuid("id"))
                    .col(uuid_uniq("session_id"))
                    .col(uuid("template_id"))
                    .col(timestamp_with_time_zone("opens_at"))
                    .col(timestamp_with_time_zone("closes_at"))
                    .col(timestamp_with_time_zone("reminder_at"))
                    .col(boolean("reminded").default(false))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_surveys_session_id")
                            .from("surveys", "session_id")
                            .to("sessions", "id"),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_surveys_template_id")
                            .from("surveys", "template_id")
                            .to("survey_templates", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("survey_invitations")
                    .col(pk_uuid("id"))
                    .col(uuid("survey_id"))
                    .col(uuid("registration_id"))
                    .col(string_uniq("token_hash"))
                    .col(boolean("answered").default(false))
                    .col(timestamp_with_time_zone("invited_at"))
                    .col(timestamp_with_time_zone_null("reminded_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_invitations_survey_id")
                            .from("survey_invitations", "survey_id")
                            .to("surveys", "id"),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_invitations_registration_id")
                            .from("survey_invitations", "registration_id")
                            .to("registrations", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        // No invitation, no registration, no time of day.
        manager
            .create_table(
                Table::create()
                    .table("survey_responses")
                    .col(pk_uuid("id"))
                    .col(uuid("survey_id"))
                    .col(date("submitted_on"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_responses_survey_id")
                            .from("survey_responses", "survey_id")
                            .to("surveys", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("survey_answers")
                    .col(pk_uuid("id"))
                    .col(uuid("response_id"))
                    .col(string("question_key"))
                    .col(integer_null("scale"))
                    .col(integer_null("choice"))
                    .col(text_null("text"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_survey_answers_response_id")
                            .from("survey_answers", "response_id")
                            .to("survey_responses", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, table, columns, unique) in [
            (
                "ix_survey_templates_family",
                "survey_templates",
                &["family_id", "version"][..],
                true,
            ),
            ("ix_surveys_template", "surveys", &["template_id"][..], false),
            ("ix_surveys_closes", "surveys", &["closes_at"][..], false),
            (
                "ux_survey_invitations_registration",
                "survey_invitations",
                &["survey_id", "registration_id"][..],
                true,
            ),
            (
                "ix_survey_invitations_answered",
                "survey_invitations",
                &["survey_id", "answered"][..],
                false,
            ),
            (
                "ix_survey_invitations_registration",
                "survey_invitations",
                &["registration_id"][..],
                false,
            ),
            (
                "ix_survey_responses_survey",
                "survey_responses",
                &["survey_id"][..],
                false,
            ),
            (
                "ix_survey_answers_response",
                "survey_answers",
                &["response_id"][..],
                false,
            ),
            (
                "ix_survey_answers_key",
                "survey_answers",
                &["question_key", "scale"][..],
                false,
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(table);
            for column in columns {
                index.col(*column);
            }
            if unique {
                index.unique();
            }
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "survey_answers",
            "survey_responses",
            "survey_invitations",
            "surveys",
            "survey_templates",
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
