//! A person's place in a session: pending (e-mail not confirmed yet) →
//! confirmed or waitlisted → cancelled; waitlisted → confirmed by promotion.

use crate::Problem;

crate::catalogue::vocabulary! {
    /// Where a registration stands.
    RegistrationStatus {
        Pending => "pending",
        Confirmed => "confirmed",
        Waitlisted => "waitlisted",
        Cancelled => "cancelled",
    }
}

crate::catalogue::vocabulary! {
    /// Where a registration came from: the public form or API, an
    /// organiser's entry, or a CSV file an organiser imported.
    RegistrationSource {
        Public => "public",
        Organiser => "organiser",
        Import => "import",
    }
}

impl RegistrationStatus {
    /// Its name in the reader's language, in a message ([`crate::Arg::Word`]).
    pub fn word(self) -> crate::Arg {
        crate::Arg::Word(format!("registration-{}", self.as_str()))
    }

    /// Whether the registration still holds (a person has one live registration per session).
    pub fn is_live(self) -> bool {
        self != RegistrationStatus::Cancelled
    }

    pub fn transition(self, to: RegistrationStatus) -> Result<RegistrationStatus, Problem> {
        use RegistrationStatus::*;
        let allowed = matches!(
            (self, to),
            (Pending, Confirmed | Waitlisted | Cancelled)
                | (Waitlisted, Confirmed | Cancelled)
                | (Confirmed, Cancelled)
        );
        if allowed {
            Ok(to)
        } else {
            Err(Problem::new("error-registration-transition")
                .with("from", self.word())
                .with("to", to.word()))
        }
    }
}

crate::catalogue::vocabulary! {
    /// Who a broadcast goes to: the confirmed, the waitlisted, or both (`all`).
    Audience {
        Confirmed => "confirmed",
        Waitlisted => "waitlisted",
        All => "all",
    }
}

impl Audience {
    pub fn statuses(self) -> &'static [RegistrationStatus] {
        match self {
            Audience::Confirmed => &[RegistrationStatus::Confirmed],
            Audience::Waitlisted => &[RegistrationStatus::Waitlisted],
            Audience::All => &[RegistrationStatus::Confirmed, RegistrationStatus::Waitlisted],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RegistrationStatus::*;

    #[test]
    fn transitions() {
        assert!(Pending.transition(Confirmed).is_ok());
        assert!(Waitlisted.transition(Confirmed).is_ok());
        assert!(Confirmed.transition(Waitlisted).is_err());
        assert!(Cancelled.transition(Confirmed).is_err());
        assert!(!Cancelled.is_live());
    }
}
