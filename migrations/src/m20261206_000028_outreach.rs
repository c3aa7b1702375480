//! Outreach beside training (issue 20): presentations, information
//! meetings, webinars streamed to an audience, stands and distributions of
//! materials, recorded as a programme's activities. They are counted as the
//! programme's *reach* (attendees, viewers, materials handed out), never as
//! training: no registration, hours, completion or beneficiary comes from
//! them.
//!
//! - `outreach_activities`: one per activity, in its programme's
//!   organisation (kept here so an organisation's list and reach need no
//!   join); `kind` and `audience` are vocabularies' codes; `attendees` and
//!   `viewers` are head counts as the organiser gives them.
//! - `outreach_materials`: how many of each kind of material the activity
//!   handed out, one row per kind.
//! - `outreach_walk_ins`: people who came in at the door of an
//!   information meeting, with a name and perhaps an e-mail; removed with
//!   their activity.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::statements::{create_indexes, create_tables, drop_tables, fk, index, migration, table_with_id};

migration!();

async fn up(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let activities = table_with_id("outreach_activities")
        .col(uuid("organisation_id"))
        .col(uuid("programme_id"))
        .col(string("kind"))
        .col(string("title"))
        .col(date("held_on"))
        // A room, a town, or the channel a webinar was streamed on.
        .col(string_null("place"))
        .col(uuid_null("region_id"))
        .col(string_null("audience"))
        .col(integer("attendees").default(0))
        .col(integer("viewers").default(0))
        .col(text_null("notes"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .foreign_key(&mut fk(
            ("outreach_activities", "organisation_id"),
            "organisations",
            false,
        ))
        .foreign_key(&mut fk(("outreach_activities", "programme_id"), "programmes", false))
        .foreign_key(&mut fk(("outreach_activities", "region_id"), "regions", false))
        .to_owned();
    let materials = Table::create()
        .table("outreach_materials")
        .col(uuid("activity_id"))
        .col(string("kind"))
        .col(integer("quantity"))
        .primary_key(Index::create().col("activity_id").col("kind"))
        .foreign_key(&mut fk(
            ("outreach_materials", "activity_id"),
            "outreach_activities",
            true,
        ))
        .to_owned();
    let walk_ins = table_with_id("outreach_walk_ins")
        .col(uuid("activity_id"))
        .col(string("name"))
        .col(string_null("email"))
        .col(timestamp_with_time_zone("created_at"))
        .foreign_key(&mut fk(
            ("outreach_walk_ins", "activity_id"),
            "outreach_activities",
            true,
        ))
        .to_owned();
    create_tables(manager, [activities, materials, walk_ins]).await?;
    create_indexes(
        manager,
        [
            index(
                "ix_outreach_activities_organisation",
                "outreach_activities",
                &["organisation_id", "held_on"],
            ),
            index(
                "ix_outreach_activities_programme",
                "outreach_activities",
                &["programme_id", "held_on"],
            ),
            index(
                "ix_outreach_walk_ins_activity",
                "outreach_walk_ins",
                &["activity_id", "created_at"],
            ),
        ],
    )
    .await
}

async fn down(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(
        manager,
        &["outreach_walk_ins", "outreach_materials", "outreach_activities"],
    )
    .await
}
