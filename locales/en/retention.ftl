# Personal data over its whole life (issue 21): erasure.
erase-title = Erase a person's data
erase-link = Erase data
erase-link-label = Erase the data of { $name }
erase-who = Person: { $name }
erase-what = Their name, e-mail address, phone, employer and job title are erased, with the messages sent to them, the audit details and imports that name them, and their sign-in links. This cannot be undone.
erase-kept = The anonymous facts the indicators count (registrations, attendance minutes, completion, region, audience, workplace as a key) are kept, so every figure stays the same. Their certificates are kept unless they asked for them to be withdrawn too.
erase-reason = Reason
erase-reason-hint = Kept in the audit trail. Do not name the person.
erase-certificates = Withdraw their certificates too
erase-certificates-hint = Only if the holder asked: verification will say "withdrawn at the holder's request".
erase-submit = Erase this person
person-erased-flash = The person's data is erased.
me-erasure-link = Erase my data
me-erasure-title = Erase my data
me-erasure-what = We will erase your name, e-mail address, phone, employer and job title, the messages we sent you and your registrations' details. You can no longer sign in to your trainings. This cannot be undone.
me-erasure-places = Your places in trainings still to come are cancelled and offered to the people waiting, and nobody writes to you about them again: take them out of your calendar.
me-erasure-kept = Anonymous figures (how many people took part, for how long) are kept without your name. Your certificates stay valid unless you ask for them to be withdrawn as well. You may download a copy of your data first.
me-erasure-certificates = Withdraw my certificates as well
me-erasure-certificates-hint = Universities and employers will no longer be able to verify them.
me-erasure-ask = Send me the confirmation link
me-erasure-sent = We have sent a link to { $email }. Your data will be erased only when you follow it and confirm.
me-erasure-confirm-lead = Confirm that you want your personal data erased. This cannot be undone.
me-erasure-confirm = Erase my data now
me-erasure-done = Your personal data has been erased. Thank you for having trained with us.
me-erasure-expired = This link has already been used or has expired. Sign in to your trainings to ask again.
verify-withdrawn = This certificate was withdrawn, at the holder's request or at the end of the period certificates are kept for.

## Retention periods and the records of processing (issue 21)
retention-period = { $years ->
    [0] { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
    [one] { $years } year
   *[other] { $years } years
}
retention-bounds = From { $min } to { $max } days.
retention-title = Retention periods
retention-lead = How long each category of personal data is kept, in days. Every night the expiry job erases what has outlived its period; the privacy notice at registration states the same periods.
retention-pending-registrations = Registrations never confirmed
retention-inactive-people = People with no activity
retention-sent-mail-bodies = Texts of e-mails, sent or never to be sent
retention-sign-in-records = Sign-in records
retention-audit-entries = Audit entries
retention-certificates = Certificates
retention-walk-ins = Walk-ins at outreach activities
retention-hint-pending-registrations = Counted from the request: the registration is deleted, with the person it created if they have no other.
retention-hint-inactive-people = Counted from the end of their last session: the person is erased; the anonymous figures stay.
retention-hint-sent-mail-bodies = Counted from sending: the text is emptied; that a message was sent stays.
retention-hint-sign-in-records = Counted from their expiry: sign-in links and signed-in sessions are deleted.
retention-hint-audit-entries = Counted from the entry: the entry is deleted.
retention-hint-certificates = Counted from issue: the certificate is withdrawn and no longer names its holder.
retention-hint-walk-ins = Counted from when the name was written down: the name and e-mail are deleted; the activity's head count stays.
records-title = Personal data held
records-lead = The records of processing: what Aula holds about people, why, and for how long.
records-data = Data
records-why = Purpose
records-kept = Kept for
records-due = Past its period now
records-due-count = { $count ->
    [0] none
    [one] { $count } record
   *[other] { $count } records
}
records-job = Records past their period are erased by the expiry job within a day, in small batches.
records-change = Change the retention periods
records-identity-what = Name, e-mail address, phone, preferred language
records-identity-why = Registering people, telling them about their training, letting them sign in to their trainings.
records-work-what = Employer, job title, audience, region
records-work-why = Checking who a course is for, and counting workplaces, audiences and regions for the funders' figures (kept only as anonymous facts after erasure).
records-pending-what = Registrations asked for and never confirmed
records-pending-why = Holding a request until the person confirms their address.
records-attendance-what = Attendance marks and minutes
records-attendance-why = Completion, certificates and the hours reported to funders.
records-attendance-kept = As long as the registration; anonymous once the person is erased.
records-surveys-what = Survey answers
records-surveys-why = The quality of the training, reported as anonymous results.
records-surveys-kept = Anonymous from the start: answers are never linked to a person.
records-certificates-what = Certificates (holder’s name and e-mail), and the identifier an accrediting body asks for
records-certificates-why = Proof of training for holders, employers and accrediting bodies.
records-mail-what = Texts of e-mails sent
records-mail-why = Sending the messages and showing organisers what was sent.
records-sign-ins-what = Sign-in links and signed-in sessions
records-sign-ins-why = Letting people and staff sign in safely.
records-audit-what = Audit entries (who changed what)
records-audit-why = Accountability for changes to registrations, sessions and certificates.
records-walk-ins-what = Names and e-mails of walk-ins at information meetings and other outreach
records-walk-ins-why = Counting who came to an outreach activity and contacting them if they asked.
nav-privacy = Personal data
privacy-notice-periods = A registration you do not confirm is deleted after { $pending }. Your details are erased { $inactive } after your last training ends; anonymous figures remain. Certificates are kept { $certificates } after issue.

# Survey answers published in groups (issue 21)
survey-waiting = { $count ->
    [one] One answer is not in the results yet: answers appear in groups of at least three, or when the survey closes, so that no one's can be told apart.
   *[other] { $count } answers are not in the results yet: answers appear in groups of at least three, or when the survey closes, so that no one's can be told apart.
}
