//! Aula's domain: the words of the trade as types, and the rules between them.
//!
//! Invariants kept here:
//! - A value of a domain type is valid: `Email`, `PersonName`, `Capacity`, ...
//!   can only be made by `parse`, which refuses bad input with a [`Problem`].
//! - Forms and API bodies become domain values through `TryFrom`, collecting
//!   every field's problem at once in [`FieldErrors`].
//! - No I/O: this crate never names a database, HTTP or SMTP library; its one
//!   exception is the optional `sea-orm` feature, which only derives how a
//!   vocabulary or time zone is stored in a column (storage turns it on).

pub mod attendance;
pub mod branding;
pub mod catalogue;
pub mod details;
pub mod import;
pub mod indicators;
pub mod issuer;
pub mod language;
pub mod matching;
pub mod meeting;
pub mod notification;
pub mod online_report;
pub mod organisation;
pub mod outreach;
pub mod password;
pub mod problem;
pub mod registrant;
pub mod registration;
pub mod retention;
pub mod role;
pub mod session_status;
pub mod survey;
pub mod svg;
pub mod text;

pub use attendance::AttendanceStatus;
pub use branding::{AccentColour, Logo, LogoKind};
pub use catalogue::{Audience, AudienceNames, Modality};
pub use language::Language;
pub use meeting::{MeetingTimes, SessionTimeZone};
pub use notification::{CalendarUids, MailKind, MessageStatus};
pub use organisation::{OrganisationId, OrganisationSlug, OrganisationStatus};
pub use password::{Password, PasswordHash};
pub use problem::{Arg, FieldErrors, Problem};
pub use registrant::{Phone, Registering, RegistrantDetails};
pub use registration::RegistrationStatus;
pub use role::Role;
pub use session_status::SessionStatus;
pub use text::{BodyCode, Capacity, Credits, Email, Hours, Percent, PersonName, Text, Url, fold_for_search};
