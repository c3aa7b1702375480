//! The life of a session: draft → open → closed → completed, or cancelled.

use crate::Problem;

crate::catalogue::vocabulary! {
    /// Where a session stands.
    SessionStatus {
        Draft => "draft",
        Open => "open",
        Closed => "closed",
        Cancelled => "cancelled",
        Completed => "completed",
    }
}

impl SessionStatus {
    /// The statuses a session may move to from this one.
    ///
    /// Closing registration can be undone (an organiser reopens after raising
    /// capacity); completion and cancellation are final because certificates,
    /// surveys and e-mails follow from them. An open session may be
    /// completed once every meeting is over (issue 20: no need to close it
    /// first), which the storage checks against its meetings.
    pub fn next(self) -> &'static [SessionStatus] {
        use SessionStatus::*;
        match self {
            Draft => &[Open, Cancelled],
            Open => &[Closed, Completed, Cancelled],
            Closed => &[Open, Completed, Cancelled],
            Cancelled | Completed => &[],
        }
    }

    pub fn transition(self, to: SessionStatus) -> Result<SessionStatus, Problem> {
        if self == to || self.next().contains(&to) {
            Ok(to)
        } else {
            Err(Problem::new("error-status-transition")
                .with("from", self.word())
                .with("to", to.word()))
        }
    }

    /// Completed and cancelled sessions are over for good: nothing more
    /// is edited in them, and nobody is seated in them.
    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }

    /// Its name in the reader's language, in a message ([`crate::Arg::Word`]).
    pub fn word(self) -> crate::Arg {
        crate::Arg::Word(format!("status-{}", self.as_str()))
    }

    /// Whether the public catalogue lists a session in this status.
    pub fn is_public(self) -> bool {
        !matches!(self, SessionStatus::Draft)
    }
}

#[cfg(test)]
mod tests {
    use super::SessionStatus::*;

    #[test]
    fn transitions() {
        assert!(Draft.transition(Open).is_ok());
        assert!(Open.transition(Closed).is_ok());
        assert!(Closed.transition(Completed).is_ok());
        assert!(Closed.transition(Open).is_ok());
        assert!(Open.transition(Open).is_ok());
        assert!(Draft.transition(Completed).is_err());
        // Issue 20: once every meeting is over (the storage checks that).
        assert!(Open.transition(Completed).is_ok());
        assert!(Completed.transition(Open).is_err());
        assert!(Cancelled.transition(Open).is_err());
        assert!(Open.transition(Draft).is_err());
    }
}
