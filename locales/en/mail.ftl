# E-mails
mail-greeting = Hello { $name },
mail-greeting-anonymous = Hello,
mail-signature = The training team, { $organisation }
mail-times-in-zone = Times are in the { $zone } time zone.
meeting-when = { $date }, { $start }–{ $end }
mail-place = Place: { $place }
mail-broadcast-from = { $name }, for the organisers
mail-session-changed-subject = Changes to your training: { $course }
mail-session-changed-body = The times or the place of your training session have changed. Here it is as it now stands; the attached calendar file updates your calendar.
mail-calendar-attached = The attached file (invite.ics) adds these meetings to your calendar.
mail-session-cancelled-subject = Cancelled: { $course }
mail-session-cancelled-body = We are sorry: this training session is cancelled. You do not need to do anything; the attached file removes it from your calendar.
mail-calendar-cancel-attached = The attached file (invite.ics) removes these meetings from your calendar.
mail-meetings-withdrawn-subject = Meetings taken off your training: { $course }
mail-meetings-withdrawn-body = These meetings of your training will not take place:
mail-meetings-withdrawn-remaining = The training as it now stands:
mail-calendar-withdrawn-attached = The attached file (invite.ics) removes the meetings taken off from your calendar.
mail-online = Online
mail-online-link = Link to join: { $url }
mail-online-link-label = Link to join:
mail-confirmed-subject = Your place is confirmed: { $course }
mail-confirmed-body = Your place in this training session is confirmed. Here are its meetings.
mail-reminder-subject = Soon: { $course }
mail-reminder-body = A reminder: your training session starts soon.
mail-manage-link-label = To see or cancel your registration:
mail-manage-link-text = my registration
mail-promoted-body = Good news: a place became free and it is now yours. Your place in this training session is confirmed.
mail-requested-subject = Please confirm your registration: { $course }
mail-requested-body = We received a registration for this training session with your e-mail address. To confirm it, follow this link within { $hours ->
    [one] the hour
   *[other] { $hours } hours
}:
mail-requested-button = Confirm my registration
mail-requested-ignore = If you did not ask for this, ignore this message: nothing happens without your confirmation.
mail-already-subject = You are already registered: { $course }
mail-already-confirmed = Someone, probably you, asked again to register this address for this session. You already hold a place; nothing has changed.
mail-already-waitlisted = Someone, probably you, asked again to register this address for this session. You are already on the waiting list, at position { $position }; nothing has changed.
mail-waitlisted-subject = On the waiting list: { $course }
mail-waitlisted-body = The session is full, so you are on its waiting list, at position { $position }. When a place becomes free it goes to the first person waiting, and we write to you at once.
mail-cancelled-subject = Registration cancelled: { $course }
mail-cancelled-by-you = Your registration for this training session is cancelled, as you asked.
mail-cancelled-by-organiser = The organisers have cancelled your registration for this training session. Write to them if you think it is a mistake.
mail-cancelled-again = You can register again from the session's page while registration is open.
mail-sign-in-subject = Your link to “My trainings”
mail-sign-in-body = Follow this link to see your trainings. It works once, for { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}:
mail-sign-in-button = Open my trainings
mail-sign-in-ignore = If you did not ask for it, ignore this message.
mail-absence-subject = Your attendance: { $course }
mail-absence-organiser-subject = Trainees who can no longer complete: { $course }
mail-absence-body = With the meetings you have missed, you can no longer reach the { $percent } % attendance this training requires for its certificate. If something kept you away, write to the organisers: they can tell you what is possible.
mail-check-in-subject = Your check-in code: { $code }
mail-check-in-body = Type this code on your phone to check in. It works once, for { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}:
mail-absence-organiser = With the meetings { $name } has missed, they can no longer reach the { $percent } % attendance this training requires. They have been told too.
mail-absence-digest = With the meetings they have missed, these trainees can no longer reach the { $percent } % attendance this training requires:
mail-absence-digest-told = Each of them has been told too.
mail-survey-subject = How was it? { $course }
mail-survey-reminder-subject = A reminder: how was it? { $course }
mail-survey-body = Thank you for taking part in this training. Tell us what you thought of it: it takes five minutes, and it helps the trainers and the organisers improve it.
mail-survey-reminder-body = You have not answered the survey about this training yet. It takes five minutes, and every answer helps.
mail-survey-button = Answer the survey
mail-survey-closes = The survey closes on { $date }.
mail-survey-anonymous = Your answers are anonymous: they are stored without your name, and nobody can tell what you answered.
mail-certificate-subject = Your certificate: { $course }
mail-certificate-body = Congratulations: you have completed this training, and your certificate (number { $number }) is ready. Download it here:
mail-certificate-button = Download my certificate (PDF)
mail-certificate-verify = Anyone can check that it is genuine at:
mail-certificate-revoked-subject = Your certificate was revoked: { $course }
mail-certificate-revoked-body = The organisers have revoked your certificate number { $number }: it is no longer valid.
mail-certificate-revoked-reason = Their reason: { $reason }
mail-certificate-revoked-verify = Anyone who checks it now reads that it was revoked, at:

mail-erasure-subject = Confirm the erasure of your data
mail-erasure-body = You asked us to erase your personal data. Follow this link to confirm; it works for { $hours } hours. Once confirmed, it cannot be undone:
mail-erasure-button = Confirm the erasure
mail-erasure-ignore = If you did not ask for it, ignore this message: nothing will be erased.
