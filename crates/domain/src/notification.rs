//! Notifications: the kinds of e-mail Aula sends, where a queued one stands,
//! and how a session's calendar invitations name their events.

crate::catalogue::vocabulary! {
    /// The kinds of e-mail Aula sends; each has its templates under
    /// `templates/mail/<code>/`.
    MailKind {
        Broadcast => "broadcast",
        SessionChanged => "session_changed",
        MeetingsWithdrawn => "meetings_withdrawn",
        SessionCancelled => "session_cancelled",
        RegistrationConfirmed => "registration_confirmed",
        Reminder => "reminder",
        RegistrationRequested => "registration_requested",
        AlreadyRegistered => "already_registered",
        RegistrationWaitlisted => "registration_waitlisted",
        RegistrationCancelled => "registration_cancelled",
        SignInLink => "sign_in_link",
        AbsenceWarning => "absence_warning",
        CheckInCode => "check_in_code",
        SurveyInvitation => "survey_invitation",
        CertificateReady => "certificate_ready",
        CertificateRevoked => "certificate_revoked",
        ErasureLink => "erasure_link",
    }
}

impl MailKind {
    /// Whether participants of a session recorded after the fact get this
    /// kind (issue 24): only what an organiser sends on purpose (a message,
    /// a certificate) or a person asks for; never invitations, confirmations,
    /// reminders, changes or surveys about a training held long ago.
    pub fn goes_to_a_past_session(self) -> bool {
        matches!(
            self,
            MailKind::Broadcast
                | MailKind::CertificateReady
                | MailKind::CertificateRevoked
                | MailKind::SignInLink
                | MailKind::CheckInCode
        )
    }
}

crate::catalogue::vocabulary! {
    /// Where a queued message stands: `pending` until a dispatcher claims it
    /// (`sending`), then `sent`, or back to `pending` to retry, or `failed`
    /// when it cannot be sent and waits for a person; `dropped` when its
    /// moment passed before it could go (a "starts soon" reminder found
    /// after the session had started, once mail resumed after downtime).
    MessageStatus {
        Pending => "pending",
        Sending => "sending",
        Sent => "sent",
        Failed => "failed",
        Dropped => "dropped",
    }
}

crate::catalogue::vocabulary! {
    /// How the events of a session's meetings are named (their UIDs) in the
    /// calendar invitations it sends. `meeting`: each by its meeting, so a
    /// meeting taken off is cancelled under its own name and date, and the
    /// others are left alone. `rank`: by their place in the list, as
    /// sessions made before session 31 sent theirs; they keep it, or the
    /// events already in people's calendars would be orphaned.
    CalendarUids {
        Rank => "rank",
        Meeting => "meeting",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in MailKind::ALL {
            assert_eq!(MailKind::parse(kind.as_str()), Ok(*kind));
        }
        for status in MessageStatus::ALL {
            assert_eq!(MessageStatus::parse(status.as_str()), Ok(*status));
        }
    }
}
