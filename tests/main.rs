//! End-to-end tests: Aula started on a fresh database per test, driven
//! over HTTP like a browser or an integration would, on SQLite and (when
//! `AULA_TEST_POSTGRES_URL` is set) PostgreSQL.

mod helpers;

mod arabic;
mod archive;
mod attendance;
mod attendance_import;
mod audiences;
mod auth;
mod bad_input;
mod body_identifiers;
mod catalogue;
mod certificates;
mod check_in;
mod cli;
mod courses;
mod credentials;
mod exports;
mod faults;
mod i18n;
mod imports;
mod indicator_facts;
mod indicators;
mod issuer;
mod mail;
mod networks;
mod openapi;
mod organisation_admin;
mod organisations;
mod organiser;
mod outbox_faults;
mod outreach;
mod people_journeys;
mod plurals;
mod programmes;
mod registrations;
mod report_matching;
mod retention;
mod seat_invariants;
mod security;
mod sessions;
mod signup;
mod survey_templates;
mod surveys;
mod vocabularies;
mod without_email;
