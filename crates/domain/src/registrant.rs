//! A person as they describe themselves when registering, and the rules
//! that decide whether a session takes registrations.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::details::ShortText;
use crate::text::{filled, optional};
use crate::{Audience, Email, Language, PersonName, Problem, SessionStatus};

/// The privacy notice a person consents to on the public form. Stored with
/// the consent's time, so a new text (a new version) can be told apart.
pub const PRIVACY_NOTICE_VERSION: &str = "2026-12-2";

/// A telephone number as people write it: digits with spaces, dots, dashes,
/// brackets and a leading `+`; 6 to 20 digits.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    /// Digits typed on an Arabic, Persian or full-width keyboard are the
    /// digits they are: stored as 0–9 (the Arabic form refused
    /// `٠٦١٢٣٤٥٦٧٨` as not ten digits: session 29's attack round).
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let western: String = filled(input)?.chars().map(western_digit).collect();
        let trimmed = western.as_str();
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

/// `c` as an ASCII digit (or `+`) if it is one in another script: the
/// Arabic-Indic, Extended Arabic-Indic (Persian, Urdu) and full-width
/// forms; anything else as it is.
fn western_digit(c: char) -> char {
    let zero = match c {
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        '\u{FF10}'..='\u{FF19}' => 0xFF10,
        '\u{FF0B}' => return '+',
        _ => return c,
    };
    char::from_digit(u32::from(c) - zero, 10).unwrap_or(c)
}

/// Who registers: found by e-mail (case-insensitive) or created, and their
/// details updated to these. Someone an organiser registers may have no
/// e-mail (issue 20: newly arrived people, walk-ins): they are always a new
/// person, and get no e-mail.
#[derive(Clone, Debug)]
pub struct RegistrantDetails {
    pub given_name: PersonName,
    pub family_name: PersonName,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub employer: Option<ShortText>,
    pub job_title: Option<ShortText>,
    pub audience: Audience,
    pub region_id: Option<Uuid>,
    pub language: Language,
    /// Their identifier in the register of the body accrediting the course
    /// (a national ID number, a staff number), where it asks for one (issue
    /// 20); kept on the registration, shown only to that body.
    pub identifier: Option<crate::Text<60>>,
}

/// A registrant's details as a form or a file's row gives them, each `None`
/// where it was refused, in the order of [`RegistrantDetails`]' fields.
pub type ReadDetails = (
    Option<PersonName>,
    Option<PersonName>,
    Option<Option<Email>>,
    Option<Option<Phone>>,
    Option<Option<ShortText>>,
    Option<Option<ShortText>>,
    Option<Audience>,
    Option<Option<Uuid>>,
    Option<Language>,
);

impl RegistrantDetails {
    /// The details, when every one of them was read.
    pub fn gathered(read: ReadDetails) -> Option<Self> {
        let (
            Some(given_name),
            Some(family_name),
            Some(email),
            Some(phone),
            Some(employer),
            Some(job_title),
            Some(audience),
            Some(region_id),
            Some(language),
        ) = read
        else {
            return None;
        };
        Some(RegistrantDetails {
            given_name,
            family_name,
            email,
            phone,
            employer,
            job_title,
            audience,
            region_id,
            language,
            identifier: None,
        })
    }
}

/// Whether a session takes registrations at `now`, and if not why: the one
/// rule behind the form, the use case that registers, and every badge that
/// speaks of registering (catalogue, course and session pages), so a badge
/// never says "open" where the form says "closed" (issue 24).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Registering {
    /// Open, inside the window, with a seat left.
    Open { seats_left: i32 },
    /// Open and inside the window, but full: a registration joins the waiting list.
    WaitingList,
    /// Open, but the window opens later.
    NotYet { opens_at: DateTime<Utc> },
    /// Open, but the window has closed before the session started.
    Over,
    /// Open, but the first meeting has started.
    Started,
    /// Open or closed, and the last meeting is over: the session was held
    /// (issue 20: the catalogue said "under way" of a finished session).
    Held,
    /// Not open: a draft, closed, cancelled or completed session.
    Not(SessionStatus),
}

impl Registering {
    /// Decides from the session's status, window, first meeting and seats.
    pub fn at(
        status: SessionStatus,
        opens_at: Option<DateTime<Utc>>,
        closes_at: Option<DateTime<Utc>>,
        first_meeting: Option<DateTime<Utc>>,
        seats_left: i32,
        now: DateTime<Utc>,
    ) -> Self {
        if status != SessionStatus::Open {
            return Registering::Not(status);
        }
        if let Some(opens) = opens_at
            && now < opens
        {
            return Registering::NotYet { opens_at: opens };
        }
        if first_meeting.is_some_and(|first| now >= first) {
            return Registering::Started;
        }
        if closes_at.is_some_and(|closes| now >= closes) {
            return Registering::Over;
        }
        if seats_left > 0 {
            Registering::Open { seats_left }
        } else {
            Registering::WaitingList
        }
    }

    /// Why a registration is refused now (the form's message), or `Ok`.
    pub fn allows(self) -> Result<(), Problem> {
        match self {
            Registering::Open { .. } | Registering::WaitingList => Ok(()),
            Registering::NotYet { .. } => Err(Problem::new("error-registration-not-yet")),
            Registering::Over | Registering::Started | Registering::Held => {
                Err(Problem::new("error-registration-over"))
            }
            Registering::Not(SessionStatus::Draft | SessionStatus::Open) => Err(Problem::new("error-session-not-open")),
            Registering::Not(SessionStatus::Closed) => Err(Problem::new("error-session-closed")),
            Registering::Not(SessionStatus::Cancelled) => Err(Problem::new("error-session-cancelled")),
            Registering::Not(SessionStatus::Completed) => Err(Problem::new("error-session-completed")),
        }
    }

    /// The badge's look (a CSS suffix) and its message key.
    pub fn badge(self) -> (&'static str, &'static str) {
        match self {
            Registering::Open { .. } => ("open", "registering-open"),
            Registering::WaitingList => ("closed", "registering-waiting-list"),
            Registering::NotYet { .. } => ("draft", "registering-not-yet"),
            Registering::Over => ("closed", "registering-over"),
            Registering::Started => ("closed", "registering-started"),
            Registering::Held => ("completed", "registering-held"),
            Registering::Not(SessionStatus::Draft | SessionStatus::Open) => ("draft", "status-draft"),
            Registering::Not(SessionStatus::Closed) => ("closed", "status-closed"),
            Registering::Not(SessionStatus::Cancelled) => ("cancelled", "status-cancelled"),
            Registering::Not(SessionStatus::Completed) => ("completed", "status-completed"),
        }
    }

    /// The badge's CSS suffix.
    pub fn look(&self) -> &'static str {
        self.badge().0
    }

    /// The badge's message key.
    pub fn key(&self) -> &'static str {
        self.badge().1
    }

    /// The seats left, where registering takes one now.
    pub fn seats_left(&self) -> Option<i32> {
        match self {
            Registering::Open { seats_left } => Some(*seats_left),
            _ => None,
        }
    }

    /// Whether a registration now joins the waiting list.
    pub fn is_full(&self) -> bool {
        *self == Registering::WaitingList
    }

    /// Whether registering is possible now (on a seat or the waiting list).
    pub fn is_possible(self) -> bool {
        self.allows().is_ok()
    }
}

/// Whether a registration may still be cancelled: not once the session has
/// started, nor in a session cancelled or completed, where the seat it
/// freed went to the first person waiting, who was mailed a place in a
/// session that will not be held (session 25).
pub fn cancellable(
    status: SessionStatus,
    first_meeting: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), Problem> {
    still_ahead(status, first_meeting, now, "error-session-started")
}

/// Whether a registration requested at `requested` and waiting for its
/// confirmation may still be confirmed: not in a session cancelled or
/// completed, nor once the session has started if it was requested before
/// (session 25: a link opened after the session was cancelled took a seat
/// in it, with its invitation and reminder). A draft, open or closed
/// session takes it: the request came in while it was allowed; someone an
/// organiser added once the session was under way (a walk-in at the second
/// meeting) confirms as they were asked to.
pub fn confirmable(
    status: SessionStatus,
    first_meeting: Option<DateTime<Utc>>,
    requested: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), Problem> {
    let first_meeting = first_meeting.filter(|start| requested < *start);
    still_ahead(status, first_meeting, now, "error-confirm-started")
}

/// A session that will still be held and has not started; `started`: what
/// to say of one under way or over.
fn still_ahead(
    status: SessionStatus,
    first_meeting: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    started: &'static str,
) -> Result<(), Problem> {
    match status {
        SessionStatus::Cancelled => Err(Problem::new("error-session-was-cancelled")),
        SessionStatus::Completed => Err(Problem::new(started)),
        _ if first_meeting.is_some_and(|start| now >= start) => Err(Problem::new(started)),
        _ => Ok(()),
    }
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
        // Session 29's attack round: digits of other scripts.
        for (typed, kept) in [
            ("٠٦١٢٣٤٥٦٧٨", "0612345678"),
            ("+٢١٦ ٢٠ ١٢٣ ٤٥٦", "+216 20 123 456"),
            ("۰۶۱۲۳۴۵۶۷۸", "0612345678"),
            ("＋３３ ６１２ ３４５ ６７８", "+33 612 345 678"),
        ] {
            assert_eq!(
                Phone::parse(typed).map(|p| p.as_str().to_owned()),
                Ok(kept.to_owned()),
                "{typed}"
            );
        }
    }

    #[test]
    fn registration_window() {
        let now = Utc::now();
        let day = Duration::days(1);
        let open = SessionStatus::Open;
        assert!(
            Registering::at(open, None, None, Some(now + day), 1, now)
                .allows()
                .is_ok()
        );
        assert!(
            Registering::at(open, Some(now - day), Some(now + day), None, 1, now)
                .allows()
                .is_ok()
        );
        let key = |r: Result<(), Problem>| r.map_err(|p| p.key);
        assert_eq!(
            key(Registering::at(open, Some(now + day), None, None, 1, now).allows()),
            Err("error-registration-not-yet")
        );
        assert_eq!(
            key(Registering::at(open, None, Some(now - day), None, 1, now).allows()),
            Err("error-registration-over")
        );
        assert_eq!(
            key(Registering::at(open, None, None, Some(now - day), 1, now).allows()),
            Err("error-registration-over")
        );
        assert_eq!(
            key(Registering::at(SessionStatus::Draft, None, None, None, 1, now).allows()),
            Err("error-session-not-open")
        );
        assert_eq!(
            key(Registering::at(SessionStatus::Closed, None, None, None, 1, now).allows()),
            Err("error-session-closed")
        );
        assert_eq!(
            key(cancellable(open, Some(now - day), now)),
            Err("error-session-started")
        );
        // Session 25: nothing is cancelled or confirmed in a session that
        // will not be held, nor confirmed once it has started.
        let (cancelled, completed) = (SessionStatus::Cancelled, SessionStatus::Completed);
        let asked = now - day - day;
        assert_eq!(
            key(cancellable(cancelled, Some(now + day), now)),
            Err("error-session-was-cancelled")
        );
        assert_eq!(
            key(cancellable(completed, Some(now + day), now)),
            Err("error-session-started")
        );
        assert_eq!(
            key(confirmable(cancelled, Some(now + day), asked, now)),
            Err("error-session-was-cancelled")
        );
        assert_eq!(
            key(confirmable(completed, None, asked, now)),
            Err("error-confirm-started")
        );
        assert_eq!(
            key(confirmable(open, Some(now - day), asked, now)),
            Err("error-confirm-started")
        );
        for status in [SessionStatus::Draft, open, SessionStatus::Closed] {
            assert!(confirmable(status, Some(now + day), asked, now).is_ok(), "{status:?}");
            assert!(confirmable(status, None, asked, now).is_ok(), "{status:?}");
        }
        // Added by an organiser at the second meeting: their link works.
        assert!(confirmable(open, Some(now - day), now - Duration::hours(1), now).is_ok());
        // Issue 24: the badge says what the form allows.
        let closed = Registering::at(open, None, Some(now - day), Some(now + day), 8, now);
        assert_eq!(closed, Registering::Over);
        assert_eq!(closed.badge().1, "registering-over");
        let started = Registering::at(open, None, None, Some(now - day), 8, now);
        assert_eq!(started.badge().1, "registering-started");
        assert_eq!(
            Registering::at(open, None, None, Some(now + day), 0, now),
            Registering::WaitingList
        );
        assert!(Registering::at(open, None, None, Some(now + day), 0, now).is_possible());
        assert!(cancellable(open, Some(now + day), now).is_ok());
    }
}
