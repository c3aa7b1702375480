//! The `sessions` table.

use aula_domain::{CalendarUids, SessionStatus, SessionTimeZone};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub course_id: Uuid,
    pub status: SessionStatus,
    pub time_zone: SessionTimeZone,
    pub venue_id: Option<Uuid>,
    pub online_url: Option<String>,
    pub capacity: i32,
    pub seats_taken: i32,
    pub registration_opens_at: Option<DateTimeUtc>,
    pub registration_closes_at: Option<DateTimeUtc>,
    pub starts_at: Option<DateTimeUtc>,
    pub ends_at: Option<DateTimeUtc>,
    pub minutes: i32,
    pub reminder_lead_minutes: i32,
    pub calendar_sequence: i32,
    /// How its invitations name their events (rank for sessions made before
    /// migration 000038, whose events are in calendars under those names).
    pub calendar_uids: CalendarUids,
    pub waitlist_counter: i64,
    pub confirm_organiser_entries: bool,
    pub checkin_margin_minutes: i32,
    pub issue_on_completion: bool,
    /// Below this share of an online meeting, in percent, the mark is partial.
    pub present_share_percent: i32,
    /// Recorded after the fact: nobody is written to about it (issue 24).
    pub record_past: bool,
    /// For an invited group (issue 20): not listed, no public registration.
    pub by_invitation: bool,
    /// The SHA-256 of the private registration link's secret, while there is one.
    pub invitation_token: Option<String>,
    /// The body that commissioned it (issue 20), over its course's and
    /// its programme's.
    pub commissioner: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Only the course, which the registration path reads with the session in
/// one query ([`crate::sessions::for_registration`]); the other tables are
/// joined by hand where they are needed.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::course::Entity",
        from = "Column::CourseId",
        to = "super::course::Column::Id"
    )]
    Course,
}

impl Related<super::course::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Course.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
