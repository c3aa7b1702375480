//! Aula's schema, one migration per change, applied in order at start and by
//! `aula migrate`. A migration that has shipped is never edited: add another.
//!
//! Column conventions: ids are UUIDs (v7, so they sort by creation); instants
//! are `timestamp with time zone` and always UTC; durations are whole minutes;
//! closed vocabularies (status, modality, role...) are their domain codes as text.

pub use m20261206_000027_registration_facts::keepers_dropped as registration_fact_keepers_dropped;
pub use sea_orm_migration::prelude::*;

mod m20261121_000001_foundation;
mod m20261121_000002_outbox;
mod m20261121_000003_registrations;
mod m20261121_000004_sign_up;
mod m20261121_000005_attendance;
mod m20261121_000006_surveys;
mod m20261121_000007_certificates;
mod m20261121_000008_indicators;
mod m20261204_000009_proposed_details;
mod m20261204_000010_heartbeat;
mod m20261204_000011_report_aliases;
mod m20261204_000012_present_share;
mod m20261204_000013_course_texts;
mod m20261205_000014_superseded_confirm_links;
mod m20261205_000015_record_past;
mod m20261205_000016_erasure;
mod m20261205_000018_retention_periods;
mod m20261205_000019_survey_ballots;
mod m20261205_000020_credential_status;
mod m20261205_000021_organisations;
mod m20261205_000022_organisation_branding;
mod m20261205_000023_networks;
mod m20261205_000024_issuer_identity;
mod m20261206_000025_people_indicators_workplace;
mod m20261206_000026_archived;
mod m20261206_000027_registration_facts;
mod m20261206_000028_outreach;
mod m20261206_000029_by_invitation;
mod m20261206_000030_meeting_places;
mod m20261206_000031_facilitators;
mod m20261207_000032_people_without_email;
mod m20261207_000033_commissioning;
mod m20261208_000034_audiences;
mod m20261208_000035_body_identifiers;
mod m20261209_000036_member_roles;
mod m20261210_000037_certificate_issue_day;
mod m20261211_000038_calendar_uids;
mod statements;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_foundation::Migration),
            Box::new(m20261121_000002_outbox::Migration),
            Box::new(m20261121_000003_registrations::Migration),
            Box::new(m20261121_000004_sign_up::Migration),
            Box::new(m20261121_000005_attendance::Migration),
            Box::new(m20261121_000006_surveys::Migration),
            Box::new(m20261121_000007_certificates::Migration),
            Box::new(m20261121_000008_indicators::Migration),
            Box::new(m20261204_000009_proposed_details::Migration),
            Box::new(m20261204_000010_heartbeat::Migration),
            Box::new(m20261204_000011_report_aliases::Migration),
            Box::new(m20261204_000012_present_share::Migration),
            Box::new(m20261204_000013_course_texts::Migration),
            Box::new(m20261205_000014_superseded_confirm_links::Migration),
            Box::new(m20261205_000015_record_past::Migration),
            Box::new(m20261205_000016_erasure::Migration),
            Box::new(m20261205_000018_retention_periods::Migration),
            Box::new(m20261205_000019_survey_ballots::Migration),
            Box::new(m20261205_000020_credential_status::Migration),
            Box::new(m20261205_000021_organisations::Migration),
            Box::new(m20261205_000022_organisation_branding::Migration),
            Box::new(m20261205_000023_networks::Migration),
            Box::new(m20261205_000024_issuer_identity::Migration),
            Box::new(m20261206_000025_people_indicators_workplace::Migration),
            Box::new(m20261206_000026_archived::Migration),
            Box::new(m20261206_000027_registration_facts::Migration),
            Box::new(m20261206_000028_outreach::Migration),
            Box::new(m20261206_000029_by_invitation::Migration),
            Box::new(m20261206_000030_meeting_places::Migration),
            Box::new(m20261206_000031_facilitators::Migration),
            Box::new(m20261207_000032_people_without_email::Migration),
            Box::new(m20261207_000033_commissioning::Migration),
            Box::new(m20261208_000034_audiences::Migration),
            Box::new(m20261208_000035_body_identifiers::Migration),
            Box::new(m20261209_000036_member_roles::Migration),
            Box::new(m20261210_000037_certificate_issue_day::Migration),
            Box::new(m20261211_000038_calendar_uids::Migration),
        ]
    }
}
