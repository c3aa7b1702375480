//! A person as they describe themselves when registering, and the rules
//! that decide whether a session takes registrations.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::details::ShortText;
use crate::text::{filled, optional};
use crate::{Audience, Email, Language, PersonName, Problem, SessionStatus};

/// The privacy notice a person consents to on the public form. Stored with
/// the consent's time, so a new text (a new version) can be told apart.
pub const PRIVACY_NOTICE_VERSION: &str = "2026-11";

/// A telephone number as people write it: digits with spaces, dots, dashes,
/// brackets and a leading `+`; 6 to 20 digits.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let trimmed = filled(input)?;
        let allowed = |(i, c): (usize, char)| c.is_ascii_digit() || " .-()".contains(c) || (i == 0 && c == '+');
        let digits = trimmed.chars().filter(char::is_ascii_digit).count();
        if trimmed.len() > 30 || !trimmed.chars().enumerate().all(allowed) || !(6..=20).contains(&digits) {
            return Err(Problem::new("error-phone"));
        }
        Ok(Phone(trimmed.to_owned()))
    }

    pub fn parse_optional(input: &str) -> Result<Option<Self>, Problem> {
        optional(input, Self::parse)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who registers: found by e-mail (case-insensitive) or created, and their
/// details updated to these.
#[derive(Clone, Debug)]
pub struct RegistrantDetails {
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub email: Email,
    pub phone: Option<Phone>,
    pub employer: Option<ShortText>,
    pub job_title: Option<ShortText>,
    pub audience: Audience,
    pub region_id: Option<Uuid>,
    pub language: Language,
}

/// Whether a session takes registrations at `now`: open, and inside its
/// registration window (which ends, at the latest, when the first meeting starts).
pub fn accepts_registrations(
    status: SessionStatus,
    opens_at: Option<DateTime<Utc>>,
    closes_at: Option<DateTime<Utc>>,
    first_meeting: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), Problem> {
    match status {
        SessionStatus::Open => {}
        SessionStatus::Draft => return Err(Problem::new("error-session-not-open")),
        SessionStatus::Closed => return Err(Problem::new("error-session-closed")),
        SessionStatus::Cancelled => return Err(Problem::new("error-session-cancelled")),
        SessionStatus::Completed => return Err(Problem::new("error-session-completed")),
    }
    if let Some(opens) = opens_at
        && now < opens
    {
        return Err(Problem::new("error-registration-not-yet"));
    }
    let closes = match (closes_at, first_meeting) {
        (Some(c), Some(f)) => Some(c.min(f)),
        (c, f) => c.or(f),
    };
    if closes.is_some_and(|closes| now >= closes) {
        return Err(Problem::new("error-registration-over"));
    }
    Ok(())
}

/// Whether a registration may still be cancelled: not once the session has started.
pub fn cancellable(first_meeting: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Result<(), Problem> {
    if first_meeting.is_some_and(|start| now >= start) {
        return Err(Problem::new("error-session-started"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn phones() {
        assert!(Phone::parse("+34 987 29 10 00").is_ok());
        assert!(Phone::parse("(0)1 23.45-67").is_ok());
        assert_eq!(Phone::parse("12345").map_err(|p| p.key), Err("error-phone"));
        assert_eq!(Phone::parse("call me").map_err(|p| p.key), Err("error-phone"));
        assert_eq!(Phone::parse("34+987654321").map_err(|p| p.key), Err("error-phone"));
        assert_eq!(Phone::parse_optional("  "), Ok(None));
    }

    #[test]
    fn registration_window() {
        let now = Utc::now();
        let day = Duration::days(1);
        let open = SessionStatus::Open;
        assert!(accepts_registrations(open, None, None, Some(now + day), now).is_ok());
        assert!(accepts_registrations(open, Some(now - day), Some(now + day), None, now).is_ok());
        let key = |r: Result<(), Problem>| r.map_err(|p| p.key);
        assert_eq!(
            key(accepts_registrations(open, Some(now + day), None, None, now)),
            Err("error-registration-not-yet")
        );
        assert_eq!(
            key(accepts_registrations(open, None, Some(now - day), None, now)),
            Err("error-registration-over")
        );
        assert_eq!(
            key(accepts_registrations(open, None, None, Some(now - day), now)),
            Err("error-registration-over")
        );
        assert_eq!(
            key(accepts_registrations(SessionStatus::Draft, None, None, None, now)),
            Err("error-session-not-open")
        );
        assert_eq!(
            key(accepts_registrations(SessionStatus::Closed, None, None, None, now)),
            Err("error-session-closed")
        );
        assert_eq!(key(cancellable(Some(now - day), now)), Err("error-session-started"));
        assert!(cancellable(Some(now + day), now).is_ok());
    }
}
