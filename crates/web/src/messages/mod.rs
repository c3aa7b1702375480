//! Messages: organisers writing to a session's participants, the outbox
//! they and every other change fill, and the session's calendar file.

pub mod broadcast;
pub mod calendar;
pub mod outbox;
