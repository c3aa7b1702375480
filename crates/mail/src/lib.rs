//! Aula's words for people: the translation catalogue shared by pages and
//! e-mails, the rendering of messages, and their delivery from the outbox.
//!
//! Invariants kept here:
//! - Every user-visible string comes from `locales/{fr,es,en}/*.ftl`; a
//!   missing key shows as the key itself and fails the catalogue test.
//! - Dates are shown in the time zone of what they describe (a session's),
//!   never the server's.
//! - Nothing is sent from inside a request: changes write outbox rows
//!   (`aula_storage::outbox`), the [`dispatcher`] sends them.
//! - A row is rendered when sent, in its recipient's language, from the data
//!   the change stored; a row that cannot be rendered fails with the reason.

pub mod dispatcher;
pub mod i18n;
pub mod ics;
pub mod message;
pub mod notify;
pub mod render;
pub mod sink;
pub mod transport;

pub use dispatcher::{Dispatcher, Settings};
pub use i18n::{Arg, Tr};
pub use notify::MailConfig;
pub use transport::Transport;
