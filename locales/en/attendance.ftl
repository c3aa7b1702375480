# Roll calls, the attendance matrix and completion.
attendance-present = Present
attendance-partial = Partial
attendance-late = Late
attendance-excused = Excused
attendance-absent = Absent
roll-call-title = Roll call
roll-call-heading = Roll call, meeting { $number }
roll-call-nobody = Nobody holds a confirmed place in this session yet.
roll-call-all-present = Mark everyone present
roll-call-hint = Mark everyone present, then change the exceptions, and save once. People left unmarked stay as they are.
roll-call-minutes = Minutes connected (0 to { $max })
roll-call-reason = Reason for the correction
roll-call-reason-hint = The session is completed: a correction is kept in the audit log with its reason.
roll-call-save = Save the roll call
roll-call-saved = The roll call is saved.
attendance-title = Attendance
attendance-rule = Completion needs { $percent } % of the session's hours.
attendance-required = That is { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}.
attendance-take-roll-call = Roll call, meeting { $number }
attendance-matrix = Attendance by person
attendance-download = Download as a spreadsheet (CSV)
attendance-meeting-short = Meeting { $number }
attendance-hours = Hours attended
attendance-completed = Completed
attendance-cannot-complete = No longer possible
attendance-hours-column = Hours attended
attendance-completed-column = Completed
error-reason-needed = Give a reason: the session is completed, and corrections are kept with their reason.
error-not-in-session = This person is not registered for this session.
error-mark-twice = This person is marked otherwise earlier in the list: one mark each.
error-partial-minutes = A partial mark needs the minutes attended.
error-not-confirmed = Only confirmed registrations are marked; this one is “{ $status }”.
check-in-title = Check-in
check-in-show = Show the check-in code
check-in-qr-label = QR code to check in at this meeting
check-in-scan = Scan this code with your phone to check in.
check-in-or-type = Or type the code:
check-in-changes = The code changes every { $seconds ->
    [one] second
   *[other] { $seconds } seconds
}.
check-in-not-yet = Check-in for this meeting has not opened yet.
check-in-over = Check-in for this meeting is over.
check-in-cancelled = This session does not take check-ins.
check-in-code-expired = This code has expired or belongs to another meeting. Scan the code on the screen again.
check-in-not-registered = You do not hold a confirmed place in this session. Speak to the trainer.
check-in-done = { $name }, you are checked in. Thank you!
check-in-as = Check in as { $name }
check-in-who = To check in, open the personal link from your confirmation e-mail on this phone, or get a code by e-mail.
check-in-send-code = Send me a code
check-in-code-sent = If { $email } holds a place in this session, a code is on its way to it.
check-in-otp = Code received by e-mail
check-in-submit = Check in
check-in-otp-wrong = This code is not right, or has expired. Ask for a new one.
sheet-title = Sign-in sheet
sheet-trainers = Trainers: { $names }
sheet-number = No.
sheet-signature = Signature
sheet-footer = Page {"{"}page{"}"} of {"{"}pages{"}"}
sheet-download = Sign-in sheet (PDF)
check-in-already-marked = { $name }, the trainer has already recorded you as “{ $mark }” at this meeting, and that mark stays. If it is not right, speak to the trainer.
