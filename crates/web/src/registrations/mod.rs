//! Registrations: the public sign-up (form, API, confirmation link), a
//! registration's personal link (`manage`), "my trainings" (`me`), the
//! organiser's list and tools (`organiser`) and CSV imports of people
//! (`import`).

pub mod import;
pub mod manage;
pub mod me;
pub mod organiser;
pub mod signup;
