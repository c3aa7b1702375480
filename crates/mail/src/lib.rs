//! Aula's words for people: the translation catalogue shared by pages and
//! e-mails, and (with the outbox) the rendering and delivery of messages.
//!
//! Invariants kept here:
//! - Every user-visible string comes from `locales/{fr,es,en}/main.ftl`; a
//!   missing key shows as the key itself and fails the catalogue test.
//! - Dates are shown in the time zone of what they describe (a session's),
//!   never the server's.

pub mod i18n;

pub use i18n::Tr;
