# Messages to participants and the outbox
nav-outbox = Outbox
session-write = Write to participants
session-outbox = Its messages
session-calendar-download = Add the meetings to your calendar (.ics)
message-title = Write to the participants
message-lead = Each person receives the message by e-mail, with the session's details, and can reply to you.
message-audience = Send to
message-audience-confirmed = Confirmed participants
message-audience-waitlisted = People on the waiting list
message-audience-all = Confirmed and waiting list
message-subject = Subject
message-body = Message
message-body-hint = Plain text. Leave an empty line between paragraphs.
message-preview = Preview
message-preview-title = Before sending
message-preview-count = { $count ->
    [0] Nobody receives it: no one of this session is in the chosen group.
    [one] One person receives it. Here it is as they will read it.
   *[other] { $count } people receive it. Here it is as they will read it, in each of their languages.
}
message-preview-language-count = { $count ->
    [one] 1 recipient
   *[other] { $count } recipients
}
message-send-count = { $count ->
    [one] Send to 1 person
   *[other] Send to { $count } people
}
flash-messages-queued = The messages are queued; they go out within a minute.
flash-messages-none = Nobody matches: no message was queued.
flash-retry-queued = The message will be sent again within a minute.
outbox-title = Outbox
outbox-lead = Every e-mail Aula sends goes through here: queued, sent, or failed after several attempts.
outbox-status = Status
outbox-kind = Kind
outbox-all-sessions = Show every session
outbox-count = { $count ->
    [0] No message.
    [one] One message.
   *[other] { $count } messages.
}
outbox-recipient = Recipient
outbox-created = Queued
outbox-sent = Sent
outbox-next-attempt = Next attempt
outbox-attempts = Attempts
outbox-language = Language
outbox-last-error = Last error
outbox-retry = Send again
outbox-message-title = Message
outbox-subject = Subject
outbox-text-part = Text version
outbox-html-part = HTML version
outbox-render-failed = This message cannot be rendered:
outbox-stuck-title = Stuck past their lease
outbox-stuck-lead = The dispatcher sending these stopped before it recorded the outcome (its process ended or lost the database). Another one takes them over on its next round; a few may arrive twice, with the same Message-ID.
outbox-stuck-held-by = Held by
outbox-stuck-lease-ended = Lease ended
outbox-status-pending = Waiting
outbox-status-sending = Sending
outbox-status-sent = Sent
outbox-status-failed = Failed
outbox-status-dropped = Dropped (too late)
outbox-kind-broadcast = Organiser's message
outbox-kind-session-changed = New times
outbox-kind-session-cancelled = Session cancelled
outbox-kind-meetings-withdrawn = Meetings taken off
outbox-kind-registration-confirmed = Place confirmed
outbox-kind-reminder = Reminder before the session
outbox-kind-registration-requested = Confirmation link
outbox-kind-already-registered = Already registered
outbox-kind-registration-waitlisted = On the waiting list
outbox-kind-registration-cancelled = Registration cancelled
outbox-kind-sign-in-link = Sign-in link
outbox-kind-erasure-link = Data erasure link
outbox-kind-absence-warning = Absence warning
outbox-kind-check-in-code = Check-in code
outbox-kind-survey-invitation = Survey invitation
outbox-kind-certificate-ready = Certificate ready
outbox-kind-certificate-revoked = Certificate revoked
error-outbox-not-failed = Only a failed message can be sent again.
error-already-registered = This person is already registered for this session.
error-registration-transition = A registration cannot go from “{ $from }” to “{ $to }”.
outbox-open-html = Open the HTML version as the recipient sees it
error-render-failed = This message cannot be rendered ({ $reason }).
session-reminder-lead = Reminder, hours before the first meeting
session-reminder-lead-hint = Participants get a reminder by e-mail this many hours before the first meeting (48 = two days).
session-present-share = Share of an online meeting that counts as present, in %
session-present-share-hint = From 1 to 100 (50 = half the meeting). Someone connected for less is marked “partial” when a participant report is imported; their minutes still count toward the hours.
session-record-past = A past session, recorded after the fact
session-record-past-hint = For a training already held: the people you register or import are placed at once and nobody receives an e-mail about it (no confirmation, invitation, reminder or survey); you enter their attendance.
session-past-title = This session has already started
session-past-lead = Its first meeting is in the past. If you register or import people into a live session, each one receives "your place is confirmed" and a calendar invitation for a training already held. Record it as a past session to enter who took part without e-mailing anyone.
session-past-record = Record it as a past session (no e-mails)
session-past-live = Create it as a live session (people are e-mailed)
session-past-badge = Past session, recorded: no e-mails
session-hours-differ = Its meetings add up to { $planned } hours, and the course is { $nominal } hours. You can save it so; its certificates will show the hours attended out of { $nominal }.
registrations-title = Registrations
registrations-seats-left = { $count ->
    [one] seat left
   *[other] seats left
}
registrations-status = Status
registrations-none = No registration here.
registrations-name = Name
registrations-email = E-mail
registrations-employer = Workplace
registrations-since = Registered on
registrations-position = number { $position } in line
session-registrations = Registrations
registration-pending = Waiting for e-mail confirmation
registration-confirmed = Confirmed
registration-waitlisted = Waiting list
registration-cancelled = Cancelled
