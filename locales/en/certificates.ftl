# Certificates: what they say, verification, and the organisers' and accreditors' list.
certificate-title = Certificate of completion
certificate-statement = has completed the training
certificate-hours = { $attended } h attended of the session's { $planned } h
certificate-accredited = Accredited by { $body }{ $credits }
certificate-credits = : { $credits ->
    [one] { $credits } credit
   *[other] { $credits } credits
}
certificate-recognised = : { $hours ->
    [one] { $hours } hour recognised
   *[other] { $hours } hours recognised
}
certificate-issued-on = Issued on { $date }
certificate-revoked-mark = Revoked on { $date }: this certificate is no longer valid.
certificate-verify-at = Verify at
certificate-code = Verification code
certificate-eligible = Eligible for a certificate
certificate-revoked = The certificate is revoked.
error-certificate-session-not-completed = Certificates are issued once the session is marked completed.
error-certificate-not-completed = This registration did not complete the session.
error-certificate-cancelled = This registration is cancelled.
error-certificate-survey = The course asks for the satisfaction survey to be answered first.
error-already-revoked = This certificate is already revoked.
verify-title = Verify a certificate
verify-valid = This certificate is genuine and valid.
verify-revoked = This certificate has been revoked.
verify-revoked-on = Revoked on { $date }.
verify-unknown = No certificate has the code { $code }. Check the code as it is printed on the certificate.
verify-code = Verification code
verify-code-hint = As printed on the certificate, e.g. 7K3M-Q9TR-… (capitals, dashes and spaces do not matter).
verify-submit = Verify
verify-number = Number
verify-holder = Holder
verify-course = Training
verify-hours = Hours attended
verify-dates = Dates
verify-issued = Issued on
verify-issuer = Issued by
verify-accreditation = Accreditation
certificates-title = Certificates
certificates-count = { $count ->
    [one] { $count } certificate
   *[other] { $count } certificates
}
certificates-export = Download all (ZIP of PDFs with a register)
certificates-status = Status
certificates-valid = Valid
certificates-revoked = Revoked
certificates-withdrawn = Withdrawn (holder erased)
certificates-none = No certificate here.
certificates-files = Files
certificates-credential = Signed credential
certificates-pdf-of = PDF of certificate { $number }
certificates-credential-of = Signed credential of certificate { $number }
certificates-revoke = Revoke
certificates-reason-for = Reason for revoking { $number }
certificates-issued = The certificates are issued, and their holders told by e-mail.
certificates-none-new = No new certificate: everyone eligible already has theirs.
certificate-revoked-flash = The certificate is revoked.
certificates-issue = Issue the certificates
nav-certificates = Certificates
me-certificates = My certificates
session-issue-on-completion = Issue certificates when the session is marked completed
session-issue-on-completion-hint = Only to the people whose attendance (and survey, where the course asks for it) makes them eligible.
certificates-from = Issued from
certificates-to = Issued until
certificates-issue-title = Issue the certificates
certificates-issue-rule = A certificate needs { $percent } % of the session's hours attended.
certificates-issue-survey-rule = This course also asks for the satisfaction survey to be answered.
certificates-issue-provisional = The figures below are the attendance recorded so far.
certificates-issue-undrawable = The certificate cannot draw some characters of these names, which would print as empty boxes: { $names }. Ask each person how their name is written in Latin or Arabic letters; they can correct it in “My trainings” before you issue.
certificates-issue-summary = { $qualifying } of { $count } participants qualify.
certificates-issue-attended = Hours attended
certificates-issue-required = Hours needed
certificates-issue-survey = Survey
certificates-issue-answered = Answered
certificates-issue-not-answered = Not answered
certificates-issue-outcome = Certificate
certificates-issue-qualifies = Qualifies
certificates-issue-already = Already issued: { $number }
certificates-issue-confirm = { $count ->
    [one] Issue 1 certificate and e-mail its holder
   *[other] Issue { $count } certificates and e-mail their holders
}
certificates-issue-back = Back to the session
certificates-issue-link = Certificates: who qualifies
# The signed credential (issue 19): its texts, in the holder's language.
credential-description = Certificate { $number } of “{ $course }”, issued to { $holder }. Verify it at { $url }
credential-criteria = Attending the session of the training “{ $course }” ({ $planned } h planned), with attendance recorded at each meeting.
credential-accredited = Accredited by { $body }.
credential-hours-attended = Hours attended
credential-hours-recognised = Hours recognised
credential-hours-recognised-by = Hours recognised by { $body }
certificates-credential-file = Credential for a wallet (.json)
# What a credential links to: the achievement and the issuer.
achievement-kind = Achievement
achievement-criteria = Criteria
achievement-planned = Hours the session planned
achievement-modality = Format
achievement-machines = Software can read this page as JSON-LD (ask for application/ld+json).
issuer-kind = Certificate issuer
issuer-intro = Certificates issued here are signed with the key below. Wallets and verifiers find it in the issuer's DID document.
issuer-did = Decentralised identifier (DID)
issuer-key = Signing key
issuer-document = DID document
# The verification page's verdicts (issue 19).
verify-state-valid = Valid certificate
verify-state-revoked = Revoked certificate
verify-state-withdrawn = Withdrawn certificate
verify-state-unknown = Unknown certificate
verify-revoked-meaning = It no longer attests the training.
verify-states = What the certificate states
verify-stated = What the certificate stated
verify-pdf-note = The PDF certificate must say the same: holder, training, hours, dates and number. If anything differs, the PDF has been altered.
certificate-funded-by = Funded by: { $funders }
certificates-session = Session
certificates-all-sessions = Every session's certificates
certificate-withdrawn-files = This certificate was withdrawn at its holder's request: it no longer names anyone, so it has neither PDF nor signed credential.
