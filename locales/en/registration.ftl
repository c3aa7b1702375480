# Registering, confirming, cancelling, "my trainings", and the organiser's tools for registrations.

## Rules
error-phone = Write a telephone number with 6 to 20 digits (spaces, dots, dashes, brackets and a leading + are fine).
error-consent-needed = To register, tick the box to accept the privacy notice.
error-session-not-open = This session is not open for registration.
error-session-closed = Registration for this session is closed.
error-session-cancelled = This session is cancelled.
error-session-completed = This session has already taken place.
error-session-not-taking = People can be added only while the session is a draft, or open or closed for registration.
error-registration-not-yet = Registration for this session is not open yet.
error-registration-over = Registration for this session is over.
error-session-started = The session has started: registrations can no longer be cancelled. Write to the organisers.
error-session-was-cancelled = This session was cancelled: there is no place to confirm or cancel in it. Other sessions are in the catalogue.
error-confirm-started = The session has started or is over: a place can no longer be confirmed. Write to the organisers.
error-confirm-expired = This confirmation link has expired (links work for 48 hours). Register again on the session's page to get a new one.
error-try-again = Someone changed this registration at the same moment. Please try again.
error-session-changed = The session changed at the same moment (cancelled, or given new dates). Look at it again and try once more.
error-no-seat-free = No seat is free in this session. Raise the capacity first.
error-already-cancelled = This registration is already cancelled.

## The form
registration-form-title = Register
registration-full-waitlist = The session is full: if you register, you join the waiting list and get the first seat that becomes free.
form-required-hint = Fields marked * are required.
person-given-name = Given name
person-family-name = Family name
person-email = E-mail address
person-email-hint = We send the confirmation link here.
person-phone = Telephone
person-employer = Workplace
person-employer-hint = Your administration, service or organisation.
person-job-title = Job title
person-audience = You are
person-region = Region
person-region-none = — None / elsewhere —
person-language = Language for e-mails
honeypot-label = Leave this field empty
privacy-notice-title = Privacy notice (version { $version })
privacy-notice-text = The organisers of this training keep your name, contact details, workplace and registrations to run the training (registration, attendance, certificates) and to report anonymous figures to its funders. Only the training team sees them. Where the course’s accrediting body asks for an identifier (a national ID or staff number), it is also seen by that body, for its register. You can see, correct and download your data from “My trainings”, and ask the organisers to delete it.
registration-consent = I have read the privacy notice and agree to it.
registration-submit = Register
registration-see-mine = See my trainings

## After the form and the links
outcome-check-email = Check your e-mail
registration-check-email-body = We have sent you an e-mail. Follow the link in it within { $hours ->
    [one] the hour
   *[other] { $hours } hours
} to confirm your registration. If nothing arrives, look in your spam folder.
outcome-confirmed = Your place is confirmed
registration-confirmed-body = Thank you: your place is confirmed. We have sent you an e-mail with the meetings and a calendar file.
outcome-waitlisted = You are on the waiting list
registration-waitlisted-body = The session is full: you are number { $position } on the waiting list. If a seat becomes free it goes to the first person waiting, and we write to you at once.
outcome-cancelled = This registration is cancelled
registration-cancelled-body = This registration was cancelled. You can register again from the session's page while registration is open.
registration-pending-body = This registration waits for its confirmation.
outcome-link-expired = This link has expired
outcome-too-late = This registration can no longer be confirmed

## A registration's page
registration-page-title = My registration
registration-status = Status
registration-position = number { $position } in line
registration-cancel-explain = If you cannot come, cancel your registration: your seat goes to the next person waiting.
registration-cancel = Cancel my registration
registration-cancelled-flash = Your registration is cancelled. We have sent you an e-mail.

## My trainings
me-title = My trainings
me-sign-in-lead = Enter the e-mail address you registered with. We will send you a link that opens your trainings, with no password.
me-email-hint = The link works once, for 30 minutes.
me-send-link = Send me a link
me-link-sent = If { $email } is registered for a training, a link is on its way to it. It works once, for 30 minutes.
me-link-expired = This link has already been used or has expired. Ask for a new one below.
me-link-lead = Open your trainings on this device.
me-open = Open my trainings
me-signed-in = You are signed in to your trainings.
me-signed-out = You are signed out.
me-sign-out = Sign out
me-details = Correct my details
me-data = Download my data (JSON)
me-registrations = My registrations
me-none = You have no registrations yet.
me-registration-page = Details
me-cancel-label = Cancel my registration for { $course }
me-email-fixed = Your e-mail address: { $email }. To change it, register again with the new address.
me-details-saved = Your details are saved.

## The organiser's tools
registrations-export = Download as a spreadsheet (CSV)
registrations-import = Import people from a CSV file
registrations-add = Add a person
registrations-add-submit = Add the person
registrations-add-confirm-hint = The person receives an e-mail to confirm the registration (this session's setting).
registrations-add-direct-hint = The person is registered at once and receives the confirmation (this session's setting).
registrations-capacity = Capacity
registrations-capacity-hint = Raising it seats the first people waiting at once; it cannot go below the seats taken.
registrations-move = Change
registrations-move-to = New status for { $name }
registrations-reason = Reason
registrations-move-submit = Apply
registration-move-confirmed = Confirm
registration-move-cancelled = Cancel
registration-added = The person is registered and has been told by e-mail.
registration-added-pending = The person has been sent an e-mail to confirm the registration.
registration-added-already = This person was already registered; nothing changed.
registration-capacity-saved = The capacity is saved.
registration-moved = The registration is changed and the person told by e-mail.
registrations-given-name-column = Given name
registrations-family-name-column = Family name
registrations-email-column = E-mail
registrations-phone-column = Telephone
registrations-employer-column = Workplace
registrations-job-title-column = Job title
registrations-audience-column = Profile
registrations-status-column = Status
registrations-position-column = Waiting-list position
registrations-since-column = Registered at
session-confirm-organiser-entries = People I add confirm by e-mail first
session-confirm-organiser-entries-hint = When unticked, people added by hand or by import are registered at once.
confirm-title = Confirm your registration
confirm-lead = One more step: confirm that you asked for this registration. Nothing changes until you do.
confirm-training = Training
confirm-holder = Name on your registration and certificates
confirm-button = Confirm my registration

## Overlapping trainings (issue 20)
registrations-overlap = Overlaps with
me-overlap = Its meetings overlap with another training you are registered for; you cannot attend both, so cancel one or ask the organiser:

# People without e-mail (issue 20)
person-no-email = no e-mail
person-email-organiser-hint = Leave it empty only for someone who has no e-mail address, and tick the box below.
person-without-email = This person has no e-mail address
person-without-email-hint = Newly arrived people, walk-ins: they get no e-mail, so tell them the dates yourself and hand them their certificate printed from the certificates page. A telephone number helps to reach them.
error-personal-link = This personal link is not this registration's, or is no longer valid: use the link in your latest e-mail about it.
registration-session-cancelled-badge = Session cancelled
registration-session-cancelled = The organisers cancelled this session: it will not take place, and your registration ends with it. Other sessions are in the catalogue.
registration-cancel-explain-unseated = If you no longer wish to come, cancel your registration.
