//! sea-orm entities: one module per table, plain rows, no behaviour.

pub mod accreditation_body;
pub mod api_token;
pub mod attendance;
pub mod audit_entry;
pub mod completion;
pub mod course;
pub mod course_audience;
pub mod import_draft;
pub mod meeting;
pub mod outbox;
pub mod person;
pub mod person_session;
pub mod programme;
pub mod rate_limit;
pub mod region;
pub mod registration;
pub mod server_key;
pub mod session;
pub mod session_trainer;
pub mod sign_in_link;
pub mod user;
pub mod user_role;
pub mod venue;
pub mod web_session;
